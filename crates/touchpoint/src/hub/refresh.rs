//! `touchpoint refresh` on a hub: every community's outside calendars, each into its own keys
//! of the hub's store ([`super::scoped`]). Exit 1 when any fetch failed or any community file
//! has errors (the others are refreshed all the same).

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use touchpoint_fetch::RefreshOutcome;
use touchpoint_store::Store;

use super::scoped::Scoped;
use super::{Layout, Member, load_members};
use crate::app::{self, Invalid};
use crate::cli::RefreshArgs;
use crate::refresher;

/// Run `touchpoint refresh` on the hub `layout`.
pub fn run(layout: Layout, args: RefreshArgs) -> anyhow::Result<ExitCode> {
    let members = load_members(&layout, &args.config);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        let tuning = refresher::Tuning::from_env()?;
        let store = app::open_store(&args.store).await?;
        let holder = format!("refresh:{}", std::process::id());
        let mut failed = 0usize;
        for Member { id, file, loaded } in members {
            let loaded = match loaded {
                Ok(loaded) => loaded,
                Err(Invalid(diagnostics)) => {
                    failed += 1;
                    eprintln!(
                        "{}\n{id}: not refreshed, {} has errors",
                        app::report(&diagnostics),
                        file.display()
                    );
                    continue;
                }
            };
            let fetcher = refresher::fetcher(&loaded)?;
            let scoped: Arc<dyn Store> = Arc::new(Scoped::new(store.clone(), &id));
            refresher::refresh_all(
                &loaded,
                &*scoped,
                &fetcher,
                &holder,
                &tuning,
                |source, result| match result {
                    Ok(report) => match &report.outcome {
                        RefreshOutcome::Failed { error, .. } => {
                            failed += 1;
                            say!(
                                "{id}/{source}: FAILED, last good copy kept: {}",
                                error.detail()
                            );
                        }
                        RefreshOutcome::Updated { summary, .. } => {
                            say!("{id}/{source}: updated ({summary})");
                        }
                        RefreshOutcome::Unchanged { summary } => {
                            say!("{id}/{source}: unchanged ({summary})");
                        }
                        RefreshOutcome::NotModified => say!("{id}/{source}: not modified"),
                    },
                    Err(err) => {
                        failed += 1;
                        say!("{id}/{source}: FAILED: {err:#}");
                    }
                },
            )
            .await;
        }
        Ok(if failed == 0 {
            ExitCode::SUCCESS
        } else {
            eprintln!("{failed} failure(s)");
            ExitCode::FAILURE
        })
    })
}
