//! `touchpoint refresh`: fetch every outside calendar once.
//!
//! Exit codes: 0 every source is fine, 1 any failed (each failure named; last good copies kept).

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use touchpoint_fetch::RefreshOutcome;

use crate::app;
use crate::cli::RefreshArgs;
use crate::refresher;

/// Run `touchpoint refresh`.
pub fn run(args: RefreshArgs) -> anyhow::Result<ExitCode> {
    if let Some(layout) = crate::hub::layout(&args.config)? {
        return crate::hub::refresh::run(layout, args);
    }
    let loaded = app::load(&args.config)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        let tuning = refresher::Tuning::from_env()?;
        let store = app::open_store(&args.store).await?;
        let fetcher = refresher::fetcher(&loaded)?;
        let total = loaded.community.calendars.len() as u64;
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(total);
            bar.set_style(
                ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        });
        let holder = format!("refresh:{}", std::process::id());
        let mut failed = 0usize;
        refresher::refresh_all(
            &loaded,
            &*store,
            &fetcher,
            &holder,
            &tuning,
            |id, result| {
                let line = match result {
                    Ok(report) => match &report.outcome {
                        RefreshOutcome::Updated { summary, .. } => {
                            format!("{id}: updated ({summary})")
                        }
                        RefreshOutcome::Unchanged { summary } => {
                            format!("{id}: unchanged ({summary})")
                        }
                        RefreshOutcome::NotModified => format!("{id}: not modified"),
                        RefreshOutcome::Failed { error, failures } => {
                            failed += 1;
                            format!(
                                "{id}: FAILED ({failures} in a row), last good copy kept: {}",
                                error.detail()
                            )
                        }
                    },
                    Err(err) => {
                        failed += 1;
                        format!("{id}: FAILED: {err:#}")
                    }
                };
                match &bar {
                    Some(bar) => {
                        bar.println(&line);
                        bar.inc(1);
                    }
                    None => say!("{line}"),
                }
            },
        )
        .await;
        if let Some(bar) = &bar {
            bar.finish_and_clear();
        }
        if failed > 0 {
            eprintln!("{failed} of {total} calendar(s) failed");
            Ok(ExitCode::FAILURE)
        } else {
            Ok(ExitCode::SUCCESS)
        }
    })
}
