//! `touchpoint announce`: send (or with `--dry-run`, print) every announcement due at `--now`
//! (default: the clock) exactly once, and exit — for cron, and for tests that drive the schedule
//! with a fake clock. Running it twice with the same `now` sends nothing the second time.
//!
//! Exit codes: 0 when nothing failed, 1 when a channel failed (it is retried on the next run;
//! each failure is printed), as `touchpoint refresh` does.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use touchpoint_announce::send::Sender;

use crate::announcer::{self, LEASE_ID, Tuning};
use crate::app;
use crate::cli::AnnounceArgs;

/// Run `touchpoint announce`.
pub fn run(args: AnnounceArgs) -> anyhow::Result<ExitCode> {
    // A hub's communities share one outbox that is not yet kept apart per community.
    if matches!(crate::hub::layout(&args.config), Ok(Some(_)) | Err(_)) {
        anyhow::bail!(
            "{} is a hub: announcements are sent for a single community file only, not yet \
             for a hub's communities (docs/hub.md, \"Not yet\")",
            args.config
                .config
                .as_deref()
                .unwrap_or(std::path::Path::new("the configuration"))
                .display()
        );
    }
    let mut loaded = app::load(&args.config)?;
    loaded.base_url = args.base_url.clone();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        let now = args.now.unwrap_or_else(jiff::Timestamp::now);
        let store = app::open_store(&args.store).await?;
        let built = app::build_site(&loaded, &*store).await?;
        if loaded.community.announce.is_empty() {
            eprintln!("the community file has no [[announce]] channel: nothing to send");
            return Ok(ExitCode::SUCCESS);
        }
        if args.dry_run {
            print!("{}", announcer::dry_run(&built.site, &*store, now).await?);
            return Ok(ExitCode::SUCCESS);
        }
        let tuning = Tuning::from_env()?;
        let holder = format!("announce:{}", std::process::id());
        let deadline = Instant::now() + tuning.lease;
        while !store.try_lease(LEASE_ID, &holder, tuning.lease).await? {
            anyhow::ensure!(
                Instant::now() < deadline,
                "another replica is sending the announcements and holds their lease"
            );
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        let sender = Sender::new(loaded.base.as_deref())?;
        let secrets = announcer::environment();
        let report = announcer::round(&built.site, &*store, &sender, &*secrets, now, &tuning).await;
        let _ = store.release_lease(LEASE_ID, &holder).await;
        let report = report?;
        for (channel, occurrence, kind) in &report.sent {
            println!("{channel}: sent {kind} ({occurrence})");
        }
        for (channel, occurrence, kind, why) in &report.dropped {
            println!("{channel}: dropped {kind} ({occurrence}): {why}");
        }
        for (channel, occurrence, kind, why) in &report.failed {
            println!("{channel}: FAILED {kind} ({occurrence}), will retry: {why}");
        }
        Ok(if report.failed.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        })
    })
}
