//! `touchpoint announce`: send (or with `--dry-run`, print) every announcement due at `--now`
//! (default: the clock) exactly once, and exit — for cron, and for tests that drive the schedule
//! with a fake clock. Running it twice with the same `now` sends nothing the second time.
//!
//! On a hub, each community's announcements in turn, from its view of the hub's store
//! (`hub::scoped`), each line of the report named `{community}/{channel}`; a community whose
//! file has errors is reported and the others still send.
//!
//! Exit codes: 0 when nothing failed, 1 when a channel failed (it is retried on the next run;
//! each failure is printed) or, on a hub, a community file has errors, as `touchpoint refresh`
//! does.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use jiff::Timestamp;
use touchpoint_announce::send::Sender;
use touchpoint_store::{Bodies, SourceRecord, Store};

use crate::announcer::{self, LEASE_ID, Tuning};
use crate::app::{self, Invalid, Loaded};
use crate::cli::AnnounceArgs;
use crate::hub::scoped::{Scoped, records_of};
use crate::hub::{self, Member, Public};

/// Run `touchpoint announce`.
pub fn run(args: AnnounceArgs) -> anyhow::Result<ExitCode> {
    let layout =
        hub::layout(&args.config).map_err(|Invalid(d)| anyhow::anyhow!(app::report(&d)))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let now = args.now.unwrap_or_else(Timestamp::now);
    let Some(layout) = layout else {
        let mut loaded = app::load(&args.config)?;
        loaded.base_url = args.base_url.clone();
        return runtime.block_on(async {
            let store = app::open_store(&args.store).await?;
            if loaded.community.announce.is_empty() {
                eprintln!("the community file has no [[announce]] channel: nothing to send");
                return Ok(ExitCode::SUCCESS);
            }
            announcer::refuse_a_hubs_store(&*store).await?;
            let failed = announce(&loaded, &*store, None, &args, now).await?;
            Ok(exit(failed))
        });
    };
    if !layout.problems.is_empty() {
        anyhow::bail!("{}", app::report(&layout.problems));
    }
    let public = Public::new(args.base_url.as_deref())?;
    let members = hub::load_members(&layout, &args.config);
    runtime.block_on(async {
        let store = app::open_store(&args.store).await?;
        // Every community's stored calendars in one read, each site built from its own.
        let records = store
            .list(Bodies::Include)
            .await
            .context("cannot read the stored calendars")?;
        let mut failed = 0usize;
        for Member { id, file, loaded } in members {
            let mut loaded = match loaded {
                Ok(loaded) => loaded,
                Err(Invalid(diagnostics)) => {
                    failed += 1;
                    eprintln!(
                        "{}\n{id}: nothing sent, {} has errors",
                        app::report(&diagnostics),
                        file.display()
                    );
                    continue;
                }
            };
            if loaded.community.announce.is_empty() {
                continue;
            }
            app::print_warnings(&loaded);
            loaded.base_url = public.of(&id);
            let scoped: Arc<dyn Store> = Arc::new(Scoped::new(store.clone(), &id));
            let place = (&public, id.as_str(), records_of(&records, &id));
            // One community's trouble (its lease held elsewhere, a round that cannot read the
            // store) is its own: the others still send.
            match announce(&loaded, &*scoped, Some(place), &args, now).await {
                Ok(failures) => failed += failures,
                Err(err) => {
                    failed += 1;
                    say!("{id}: FAILED, nothing sent: {err:#}");
                }
            }
        }
        Ok(exit(failed))
    })
}

fn exit(failed: usize) -> ExitCode {
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// One community's round (or dry run) on its store, holding its announce lease; `hub`: where
/// the hub publishes it, its id, which names its report's lines, and its stored calendars.
/// Returns how many messages failed.
async fn announce(
    loaded: &Loaded,
    store: &dyn Store,
    hub: Option<(&Public, &str, Vec<SourceRecord>)>,
    args: &AnnounceArgs,
    now: Timestamp,
) -> anyhow::Result<usize> {
    let (built, prefix) = match &hub {
        Some((public, id, records)) => {
            let mut built = app::build_site_from(loaded, records, store).await?;
            public.place(&mut built.site, id)?;
            (built, format!("{id}/"))
        }
        None => (app::build_site(loaded, store).await?, String::new()),
    };
    let hub = hub.as_ref().map(|(_, id, _)| *id);
    if args.dry_run {
        let planned = announcer::dry_run(&built.site, store, now).await?;
        let text = match hub {
            Some(id) => format!("# {id}\n{planned}"),
            None => planned,
        };
        super::print(&text).context("cannot write to stdout")?;
        return Ok(0);
    }
    let tuning = Tuning::from_env()?;
    let holder = format!("announce:{}", std::process::id());
    let deadline = Instant::now() + tuning.lease;
    while !store.try_lease(LEASE_ID, &holder, tuning.lease).await? {
        anyhow::ensure!(
            Instant::now() < deadline,
            "another replica is sending the announcements of {} and holds their lease",
            hub.unwrap_or("this community")
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let sender = Sender::new(loaded.base.as_deref())?;
    let secrets = announcer::environment();
    let sending = announcer::Sending {
        sender: &sender,
        secrets: &*secrets,
        community: hub,
    };
    let report = announcer::round(&built.site, store, &sending, now, &tuning).await;
    let _ = store.release_lease(LEASE_ID, &holder).await;
    let report = report?;
    for (channel, occurrence, kind) in &report.sent {
        say!("{prefix}{channel}: sent {kind} ({occurrence})");
    }
    for (channel, occurrence, kind, why) in &report.dropped {
        say!("{prefix}{channel}: dropped {kind} ({occurrence}): {why}");
    }
    for (channel, occurrence, kind, why) in &report.failed {
        say!("{prefix}{channel}: FAILED {kind} ({occurrence}), will retry: {why}");
    }
    Ok(report.failed.len())
}
