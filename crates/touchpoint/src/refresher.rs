//! Refreshing outside calendars: once for `touchpoint refresh`, and forever in the background for
//! `touchpoint serve`, never blocking a request.
//!
//! With several replicas on one PostgreSQL store, each source is fetched by one replica at a time
//! (a lease in the store); every replica watches the stored versions and rebuilds its site when
//! any replica stored something new.

use std::sync::Arc;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use touchpoint_fetch::{FetchConfig, Fetcher, RefreshReport, Schedule, refresh_one};
use touchpoint_store::{Bodies, SourceRecord, Store};

use crate::app::{self, Loaded};
use crate::server::AppState;

/// How long a replica may hold a source's lease before another may take it over.
const LEASE: Duration = Duration::from_secs(120);

/// How often the background loop wakes to look for due sources and new stored copies.
const TICK: Duration = Duration::from_secs(5);

/// A fetcher with the default limits.
pub fn fetcher() -> anyhow::Result<Fetcher> {
    Ok(Fetcher::new(FetchConfig::default())?)
}

/// The schedule of one source, from its `refresh` interval.
fn schedule(loaded: &Loaded, id: &str) -> Schedule {
    let mut schedule = Schedule::default();
    if let Some(decl) = loaded.community.calendar_source(id)
        && let Ok(interval) = SignedDuration::try_from(decl.refresh)
    {
        schedule.interval = interval;
    }
    schedule
}

/// Refresh every source once (holding its lease), in file order. `on_done` sees each report.
pub async fn refresh_all(
    loaded: &Loaded,
    store: &dyn Store,
    fetcher: &Fetcher,
    holder: &str,
    mut on_done: impl FnMut(&str, Result<&RefreshReport, &anyhow::Error>),
) -> Vec<Result<RefreshReport, anyhow::Error>> {
    let mut reports = Vec::new();
    for decl in &loaded.community.calendars {
        let result = refresh_source(loaded, store, fetcher, holder, &decl.id).await;
        on_done(&decl.id, result.as_ref());
        reports.push(result);
    }
    reports
}

async fn refresh_source(
    loaded: &Loaded,
    store: &dyn Store,
    fetcher: &Fetcher,
    holder: &str,
    id: &str,
) -> anyhow::Result<RefreshReport> {
    let decl = loaded
        .community
        .calendar_source(id)
        .ok_or_else(|| anyhow::anyhow!("no calendar {id:?}"))?;
    let location = app::location(loaded, decl)?;
    let now = Timestamp::now();
    if !store.try_lease(id, holder, LEASE).await? {
        anyhow::bail!("another replica is refreshing {id:?} right now");
    }
    let report = refresh_one(fetcher, store, id, &location, now).await;
    // Releasing is best effort: the lease expires on its own.
    let _ = store.release_lease(id, holder).await;
    Ok(report?)
}

/// What the loop compares to notice that any replica stored something new.
fn fingerprint(records: &[SourceRecord]) -> Vec<(String, i64, Option<Timestamp>, Option<String>)> {
    records
        .iter()
        .map(|r| (r.id.clone(), r.version, r.checked_at, r.last_error.clone()))
        .collect()
}

/// The background loop of `touchpoint serve`: refresh due sources, and rebuild the served site
/// whenever the store changed. Errors are logged and retried on the next tick; the site being
/// served is only ever replaced by a complete new one.
pub async fn run(loaded: Arc<Loaded>, store: Arc<dyn Store>, state: AppState, holder: String) {
    let fetcher = match fetcher() {
        Ok(fetcher) => fetcher,
        Err(err) => {
            tracing::error!("cannot start the refresher: {err:#}");
            return;
        }
    };
    let mut seen = None;
    loop {
        let now = Timestamp::now();
        match store.list(Bodies::Omit).await {
            Ok(records) => {
                for decl in &loaded.community.calendars {
                    let record = records
                        .iter()
                        .find(|r| r.id == decl.id)
                        .cloned()
                        .unwrap_or_else(|| SourceRecord::new(decl.id.clone()));
                    let unit = Schedule::jitter_for(&decl.id, record.checked_at);
                    if !schedule(&loaded, &decl.id).is_due(&record, now, unit) {
                        continue;
                    }
                    match refresh_source(&loaded, &*store, &fetcher, &holder, &decl.id).await {
                        Ok(report) if report.is_failure() => {
                            tracing::warn!(source = %decl.id, "refresh failed: {:?}", report.outcome)
                        }
                        Ok(report) => {
                            tracing::info!(source = %decl.id, "refreshed: {:?}", report.outcome)
                        }
                        Err(err) => tracing::debug!(source = %decl.id, "not refreshed: {err:#}"),
                    }
                }
            }
            Err(err) => tracing::warn!("cannot read the store: {err}"),
        }
        match store.list(Bodies::Omit).await {
            Ok(records) => {
                let print = fingerprint(&records);
                if seen.as_ref() != Some(&print) {
                    match app::build_site(&loaded, &*store).await {
                        Ok(site) => {
                            state.replace_site(site);
                            seen = Some(print);
                        }
                        Err(err) => tracing::warn!("keeping the current site: {err:#}"),
                    }
                }
            }
            Err(err) => tracing::warn!("cannot read the store: {err}"),
        }
        tokio::time::sleep(TICK).await;
    }
}
