//! `touchpoint check [--config FILE]`: validate a community file and print every problem.
//!
//! Exit codes: 0 valid (warnings allowed), 1 invalid.

use std::process::ExitCode;

use crate::app::{self, Invalid};
use crate::cli::ConfigArgs;
use crate::hub;

/// Run `touchpoint check`.
pub fn run(args: ConfigArgs) -> anyhow::Result<ExitCode> {
    match hub::layout(&args) {
        Ok(Some(layout)) => return Ok(hub::check(&layout, &args)),
        Ok(None) => {}
        Err(Invalid(diagnostics)) => {
            eprintln!("{}", app::report(&diagnostics));
            eprintln!("{}: the hub file has errors", app::config_name(&args));
            return Ok(ExitCode::FAILURE);
        }
    }
    match app::load_community(&args) {
        Ok(loaded) => {
            app::print_warnings(&loaded);
            let community = &loaded.community;
            say!(
                "{}: ok — {}",
                app::config_name(&args),
                app::summary(
                    community.series.len(),
                    community.groups.len(),
                    community.calendars.len(),
                    loaded.warnings.len()
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(Invalid(diagnostics)) => {
            eprintln!("{}", app::report(&diagnostics));
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == touchpoint_community::Severity::Error)
                .count();
            eprintln!(
                "{}: {errors} error(s); nothing was changed",
                app::config_name(&args)
            );
            Ok(ExitCode::FAILURE)
        }
    }
}
