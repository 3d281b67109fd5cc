//! Refreshing outside calendars: once for `touchpoint refresh`, and forever in the background for
//! `touchpoint serve`, never blocking a request.
//!
//! With several replicas on one PostgreSQL store, each source is fetched by one replica at a time:
//! a replica takes the source's lease in the store before fetching, renews it while the fetch
//! runs (so a slow feed never outlives its lease), and releases it when the outcome is stored. A
//! replica that dies stops renewing, and another takes the source over once the lease expires.
//! After taking a lease the record is read again, so a source another replica just refreshed is
//! not fetched twice.
//!
//! Replicas pick up copies stored by others by polling: every tick the loop lists the records
//! without bodies and rebuilds the served site when any version, check time or error changed.
//! (No LISTEN/NOTIFY: the poll is one small query per tick and works the same on SQLite.) What
//! this replica stores itself does not wait for the tick: each refresh, once stored, wakes the
//! watcher (`Stored`), so the pages and `/api/v1/calendars` show it at once, not up to a tick
//! after the log said "refreshed".
//!
//! The timing is [`Tuning`]: production defaults, which tests shorten through hidden environment
//! variables (see [`Tuning::from_vars`]).

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use jiff::{SignedDuration, Timestamp};
use touchpoint_fetch::{
    Copies, FetchConfig, Fetcher, Location, NewCopy, RefreshOutcome, RefreshReport, Saved,
    Schedule, Validators, refresh_one,
};
use touchpoint_store::{Bodies, SourceRecord, Store, StoreError};

use crate::app::{self, Fingerprint, Loaded, fingerprint};
use crate::server::AppState;

/// The refresher's timing. [`Tuning::default`] is what production uses.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tuning {
    /// How often the background loop wakes to look for due sources and new stored copies.
    /// Default 5 s.
    pub tick: Duration,
    /// How long a lease lasts without renewal: how soon another replica takes over a source whose
    /// refresher died. Renewed every third of it while a fetch runs. Default 60 s.
    pub lease: Duration,
    /// Replaces every source's `refresh` interval when set (the community file allows no less
    /// than a minute; tests need seconds). Default `None`.
    pub interval: Option<SignedDuration>,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            tick: Duration::from_secs(5),
            lease: Duration::from_secs(60),
            interval: None,
        }
    }
}

/// The hidden environment variable setting [`Tuning::tick`] (a duration such as `200ms`).
pub const TICK_VAR: &str = "TOUCHPOINT_REFRESH_TICK";
/// The hidden environment variable setting [`Tuning::lease`] (a duration such as `3s`).
pub const LEASE_VAR: &str = "TOUCHPOINT_REFRESH_LEASE";
/// The hidden environment variable setting [`Tuning::interval`] (a duration such as `1s`).
pub const INTERVAL_VAR: &str = "TOUCHPOINT_REFRESH_INTERVAL";

impl Tuning {
    /// The tuning from the process environment (see [`Tuning::from_vars`]).
    pub fn from_env() -> anyhow::Result<Tuning> {
        Tuning::from_vars(|name| std::env::var(name).ok())
    }

    /// The defaults, with each of [`TICK_VAR`], [`LEASE_VAR`] and [`INTERVAL_VAR`] that `var`
    /// returns parsed as a positive duration (`1s`, `250ms`, `2m`, or ISO 8601 `PT1S`). These
    /// are for tests and are deliberately not command-line flags. Fails naming the variable
    /// when a value is not a positive duration.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> anyhow::Result<Tuning> {
        let read = |name: &str| -> anyhow::Result<Option<SignedDuration>> {
            let Some(text) = var(name) else {
                return Ok(None);
            };
            let duration: SignedDuration = text
                .trim()
                .parse()
                .with_context(|| format!("{name}={text:?} is not a duration such as 5s"))?;
            anyhow::ensure!(
                duration.is_positive(),
                "{name}={text:?} must be more than zero"
            );
            Ok(Some(duration))
        };
        let std = |d: SignedDuration| Duration::try_from(d).unwrap_or(Duration::MAX);
        let mut tuning = Tuning::default();
        if let Some(tick) = read(TICK_VAR)? {
            tuning.tick = std(tick);
        }
        if let Some(lease) = read(LEASE_VAR)? {
            tuning.lease = std(lease);
        }
        tuning.interval = read(INTERVAL_VAR)?;
        Ok(tuning)
    }

    /// The schedule of one source: its `refresh` interval, or the override.
    fn schedule(&self, loaded: &Loaded, id: &str) -> Schedule {
        let mut schedule = Schedule::default();
        if let Some(interval) = self.interval {
            schedule.interval = interval;
        } else if let Some(decl) = loaded.community.calendar_source(id)
            && let Ok(interval) = SignedDuration::try_from(decl.refresh)
        {
            schedule.interval = interval;
        }
        schedule
    }
}

/// A fetcher with the default limits, and what `loaded`'s sources may reach: `path =` files
/// only inside the community file's folder unless `--allow-any-path`, `url =` feeds only on
/// public addresses unless `--allow-private-addresses`.
pub fn fetcher(loaded: &Loaded) -> anyhow::Result<Fetcher> {
    Ok(Fetcher::new(FetchConfig {
        path_root: loaded.base.clone().filter(|_| !loaded.allow_any_path),
        allow_private_addresses: loaded.allow_private_addresses,
        ..FetchConfig::default()
    })?)
}

/// Refresh every source once (holding its lease), in file order. `on_done` sees each report.
///
/// A source whose lease another replica holds is waited for, up to `tuning.lease`, and then
/// fetched anyway (a conditional GET, cheap after the other replica's fetch); if the lease is
/// still taken then, that source's result is an error saying so.
pub async fn refresh_all(
    loaded: &Loaded,
    store: &dyn Store,
    fetcher: &Fetcher,
    holder: &str,
    tuning: &Tuning,
    mut on_done: impl FnMut(&str, Result<&RefreshReport, &anyhow::Error>),
) -> Vec<Result<RefreshReport, anyhow::Error>> {
    let mut reports = Vec::new();
    for decl in &loaded.community.calendars {
        let result = refresh_waiting(loaded, store, fetcher, holder, tuning, &decl.id).await;
        on_done(&decl.id, result.as_ref());
        reports.push(result);
    }
    reports
}

async fn refresh_waiting(
    loaded: &Loaded,
    store: &dyn Store,
    fetcher: &Fetcher,
    holder: &str,
    tuning: &Tuning,
    id: &str,
) -> anyhow::Result<RefreshReport> {
    let location = location(loaded, id)?;
    let deadline = Instant::now() + tuning.lease;
    loop {
        match refresh_leased(store, fetcher, holder, tuning, id, &location, None).await? {
            Attempt::Refreshed(report) => return Ok(report),
            Attempt::NotDue => unreachable!("no schedule was given"),
            Attempt::Busy if Instant::now() >= deadline => {
                anyhow::bail!("another replica is refreshing {id:?} and holds its lease")
            }
            Attempt::Busy => tokio::time::sleep(Duration::from_millis(250)).await,
        }
    }
}

fn location(loaded: &Loaded, id: &str) -> anyhow::Result<Location> {
    let decl = loaded
        .community
        .calendar_source(id)
        .ok_or_else(|| anyhow::anyhow!("no calendar {id:?}"))?;
    app::location(loaded, decl)
}

/// What one attempt at a leased refresh did.
#[derive(Debug)]
enum Attempt {
    /// The lease was ours and the source was refreshed.
    Refreshed(RefreshReport),
    /// Another replica holds the lease.
    Busy,
    /// Once the lease was ours, the record showed another replica had just refreshed it.
    NotDue,
}

/// Take `id`'s lease, check it is still due (when `due` is given), refresh it while renewing the
/// lease, and release it. A lease lost mid-fetch (another replica took it after ours expired,
/// say because the database was unreachable) abandons the fetch before anything is written.
async fn refresh_leased(
    store: &dyn Store,
    fetcher: &Fetcher,
    holder: &str,
    tuning: &Tuning,
    id: &str,
    location: &Location,
    due: Option<&Schedule>,
) -> anyhow::Result<Attempt> {
    if !store.try_lease(id, holder, tuning.lease).await? {
        return Ok(Attempt::Busy);
    }
    let result = async {
        let now = Timestamp::now();
        if let Some(schedule) = due {
            let records = store.list(Bodies::Omit).await?;
            let record = records
                .into_iter()
                .find(|r| r.id == id)
                .unwrap_or_else(|| SourceRecord::new(id));
            let unit = Schedule::jitter_for(id, record.checked_at);
            if !schedule.is_due(record.checked_at, record.failures, now, unit) {
                return Ok(Attempt::NotDue);
            }
        }
        let copies = StoreCopies(store);
        tokio::select! {
            report = refresh_one(fetcher, &copies, id, location, now) => {
                Ok(Attempt::Refreshed(report?))
            }
            why = keep_lease(store, id, holder, tuning.lease) => {
                anyhow::bail!("gave up refreshing {id:?}: {why}")
            }
        }
    }
    .await;
    // Releasing is best effort: the lease expires on its own.
    let _ = store.release_lease(id, holder).await;
    result
}

/// The store as the fetcher's [`Copies`]: where refreshes keep their copies.
pub struct StoreCopies<'s>(pub &'s dyn Store);

impl Copies for StoreCopies<'_> {
    type Error = StoreError;

    async fn validators(&self, id: &str) -> Result<Option<Validators>, StoreError> {
        let record = self.0.get(id).await?;
        Ok(record
            .filter(|record| record.body.is_some())
            .map(|record| Validators {
                etag: record.etag,
                last_modified: record.last_modified,
            }))
    }

    async fn save_success(
        &self,
        id: &str,
        copy: NewCopy,
        at: Timestamp,
    ) -> Result<Saved, StoreError> {
        let copy = touchpoint_store::NewCopy {
            body: copy.body,
            etag: copy.etag,
            last_modified: copy.last_modified,
            summary: copy.summary,
        };
        let saved = self.0.save_success(id, copy, at).await?;
        Ok(Saved {
            version: saved.version,
            changed: saved.changed,
        })
    }

    async fn save_not_modified(&self, id: &str, at: Timestamp) -> Result<(), StoreError> {
        self.0.save_not_modified(id, at).await
    }

    async fn save_failure(&self, id: &str, error: &str, at: Timestamp) -> Result<u32, StoreError> {
        self.0.save_failure(id, error, at).await
    }
}

/// Renew `holder`'s lease on `id` every third of `ttl`, forever; returns why it was lost: another
/// holder has it, or it could not be renewed before it ran out.
async fn keep_lease(store: &dyn Store, id: &str, holder: &str, ttl: Duration) -> String {
    let every = ttl / 3;
    let mut confirmed = Instant::now();
    loop {
        tokio::time::sleep(every).await;
        match tokio::time::timeout(every, store.try_lease(id, holder, ttl)).await {
            Ok(Ok(true)) => confirmed = Instant::now(),
            Ok(Ok(false)) => return "another replica took its lease".to_owned(),
            Ok(Err(err)) if confirmed.elapsed() + every >= ttl => {
                return format!("its lease could not be renewed: {err}");
            }
            Err(_) if confirmed.elapsed() + every >= ttl => {
                return "its lease could not be renewed in time".to_owned();
            }
            // Not renewed this time, but the lease still runs: try again.
            Ok(Err(_)) | Err(_) => {}
        }
    }
}

/// The background loop of `touchpoint serve`: refresh due sources, and rebuild the served site
/// whenever the store changed. Errors (the database being away included) are logged and retried
/// on the next tick; the site being served is only ever replaced by a complete new one.
///
/// `built_from` is the [`fingerprint`] of the records the served site was built from: the
/// watcher rebuilds only once they change, instead of building the same site a second time at
/// start (for a big community, twice the start-up work and memory).
pub async fn run(
    loaded: Arc<Loaded>,
    store: Arc<dyn Store>,
    state: AppState,
    holder: String,
    tuning: Tuning,
    built_from: Option<Fingerprint>,
) {
    let fetcher = match fetcher(&loaded) {
        Ok(fetcher) => fetcher,
        Err(err) => {
            tracing::error!("cannot start the refresher: {err:#}");
            return;
        }
    };
    // Watching the store runs on its own, so a new copy is served as soon as it is stored, even
    // while another source's fetch is still running (or stalling until its timeout).
    let stored = Stored::default();
    let watcher = tokio::spawn(watch(
        loaded.clone(),
        store.clone(),
        state,
        tuning,
        built_from,
        stored.clone(),
    ));
    let in_flight = InFlight::new(stored);
    let mut store_down = false;
    loop {
        let now = Timestamp::now();
        match store.list(Bodies::Omit).await {
            Ok(records) => {
                if std::mem::take(&mut store_down) {
                    tracing::info!("the store answers again");
                }
                refresh_due(
                    &loaded, &store, &fetcher, &holder, &tuning, &records, now, &in_flight,
                );
            }
            Err(err) => {
                // Once per outage at warn level; the site being served stays as it is.
                if !std::mem::replace(&mut store_down, true) {
                    tracing::warn!("cannot read the store, serving what is in memory: {err}");
                } else {
                    tracing::debug!("cannot read the store: {err}");
                }
            }
        }
        if watcher.is_finished() {
            tracing::error!("the store watcher stopped");
            return;
        }
        tokio::time::sleep(tuning.tick).await;
    }
}

/// Wakes the store watcher when this replica has stored a refresh's outcome, so the site is
/// rebuilt now rather than at the watcher's next tick. A wake while the watcher is busy is kept
/// (one permit), so none is lost; several at once make one rebuild.
#[derive(Clone, Default)]
struct Stored(Arc<tokio::sync::Notify>);

impl Stored {
    /// Something was stored: rebuild.
    fn wake(&self) {
        self.0.notify_one();
    }

    /// Wait for a wake or `tick`, whichever comes first.
    async fn or_tick(&self, tick: Duration) {
        tokio::select! {
            () = self.0.notified() => {}
            () = tokio::time::sleep(tick) => {}
        }
    }
}

/// Rebuild the served site whenever the stored records change (versions, check times, errors),
/// whichever replica stored them: at once for this replica's refreshes ([`Stored`]), within a
/// tick for another's. The site being served is only ever replaced by a complete new one; while
/// the store is away the current one stays.
async fn watch(
    loaded: Arc<Loaded>,
    store: Arc<dyn Store>,
    state: AppState,
    tuning: Tuning,
    mut seen: Option<Fingerprint>,
    stored: Stored,
) {
    loop {
        match store.list(Bodies::Omit).await {
            Ok(records) => {
                let print = fingerprint(&records);
                if seen.as_ref() != Some(&print) {
                    match app::build_site(&loaded, &*store).await {
                        Ok(built) => {
                            state.replace_site(built.site);
                            seen = Some(built.from);
                        }
                        Err(err) => tracing::warn!("keeping the current site: {err:#}"),
                    }
                }
            }
            Err(err) => tracing::debug!("cannot read the store: {err}"),
        }
        stored.or_tick(tuning.tick).await;
    }
}

/// How many sources one replica fetches at once.
const CONCURRENT_FETCHES: usize = 8;

/// The sources being refreshed right now, and the cap on how many at once. Each due source is
/// refreshed on a task of its own, so a slow one (a stalling server, a hung mount) delays only
/// itself: the loop keeps ticking, and the others keep their schedules.
#[derive(Clone)]
struct InFlight {
    ids: Arc<std::sync::Mutex<std::collections::HashSet<String>>>,
    slots: Arc<tokio::sync::Semaphore>,
    /// Woken when a refresh's outcome is stored.
    stored: Stored,
}

impl InFlight {
    fn new(stored: Stored) -> InFlight {
        InFlight {
            ids: Arc::default(),
            slots: Arc::new(tokio::sync::Semaphore::new(CONCURRENT_FETCHES)),
            stored,
        }
    }

    /// Marks `id` as running; false when it already is.
    fn start(&self, id: &str) -> bool {
        self.ids
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id.to_owned())
    }

    fn finish(&self, id: &str) {
        self.ids
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(id);
    }
}

/// Start refreshing the sources `records` show due at `now` and that are not being refreshed
/// already, each on its own task (at most [`CONCURRENT_FETCHES`] fetching at once). Returns
/// without waiting for them.
#[expect(
    clippy::too_many_arguments,
    reason = "the refresher's state, passed down whole"
)]
fn refresh_due(
    loaded: &Arc<Loaded>,
    store: &Arc<dyn Store>,
    fetcher: &Fetcher,
    holder: &str,
    tuning: &Tuning,
    records: &[SourceRecord],
    now: Timestamp,
    in_flight: &InFlight,
) {
    for decl in &loaded.community.calendars {
        let record = records
            .iter()
            .find(|r| r.id == decl.id)
            .cloned()
            .unwrap_or_else(|| SourceRecord::new(decl.id.clone()));
        let schedule = tuning.schedule(loaded, &decl.id);
        let unit = Schedule::jitter_for(&decl.id, record.checked_at);
        if !schedule.is_due(record.checked_at, record.failures, now, unit)
            || !in_flight.start(&decl.id)
        {
            continue;
        }
        let (loaded, store, fetcher) = (loaded.clone(), store.clone(), fetcher.clone());
        let (holder, tuning, in_flight) = (holder.to_owned(), *tuning, in_flight.clone());
        let id = decl.id.clone();
        tokio::spawn(async move {
            if let Ok(_slot) = in_flight.slots.acquire().await {
                let stored = &in_flight.stored;
                refresh_logged(
                    &loaded, &*store, &fetcher, &holder, &tuning, &id, &schedule, stored,
                )
                .await;
            }
            in_flight.finish(&id);
        });
    }
}

/// Refresh one due source holding its lease, wake the watcher once its outcome is stored, and
/// log what happened.
#[expect(
    clippy::too_many_arguments,
    reason = "the refresher's state, passed down whole"
)]
async fn refresh_logged(
    loaded: &Loaded,
    store: &dyn Store,
    fetcher: &Fetcher,
    holder: &str,
    tuning: &Tuning,
    id: &str,
    schedule: &Schedule,
    stored: &Stored,
) {
    let attempt = match location(loaded, id) {
        Ok(location) => {
            refresh_leased(
                store,
                fetcher,
                holder,
                tuning,
                id,
                &location,
                Some(schedule),
            )
            .await
        }
        Err(err) => Err(err),
    };
    if let Ok(Attempt::Refreshed(_)) = attempt {
        stored.wake();
    }
    match attempt {
        Ok(Attempt::Refreshed(RefreshReport {
            outcome: RefreshOutcome::Failed { error, failures },
            ..
        })) => {
            // The whole story (paths, system errors) for the operator; the store, and so the
            // public pages, keep only the public text.
            tracing::warn!(source = %id, "refresh failed ({failures} in a row): {}", error.detail())
        }
        Ok(Attempt::Refreshed(report)) => {
            tracing::info!(source = %id, "refreshed: {:?}", report.outcome)
        }
        Ok(Attempt::Busy) => {
            tracing::debug!(source = %id, "another replica holds the lease")
        }
        Ok(Attempt::NotDue) => {
            tracing::debug!(source = %id, "another replica just refreshed it")
        }
        Err(err) => tracing::warn!(source = %id, "not refreshed: {err:#}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn can_use_the_production_defaults_without_variables() {
        let tuning = Tuning::from_vars(vars(&[])).unwrap();
        assert_eq!(tuning, Tuning::default());
        assert_eq!(tuning.tick, Duration::from_secs(5));
        assert_eq!(tuning.lease, Duration::from_secs(60));
        assert_eq!(tuning.interval, None);
    }

    #[test]
    fn can_shorten_tick_lease_and_interval_for_tests() {
        let tuning = Tuning::from_vars(vars(&[
            (TICK_VAR, "200ms"),
            (LEASE_VAR, "3s"),
            (INTERVAL_VAR, "PT1.5S"),
        ]))
        .unwrap();
        assert_eq!(tuning.tick, Duration::from_millis(200));
        assert_eq!(tuning.lease, Duration::from_secs(3));
        assert_eq!(tuning.interval, Some(SignedDuration::from_millis(1500)));
    }

    #[test]
    fn errors_when_a_variable_is_not_a_positive_duration() {
        let err = Tuning::from_vars(vars(&[(LEASE_VAR, "soon")])).unwrap_err();
        assert!(format!("{err:#}").contains(LEASE_VAR), "{err:#}");
        let err = Tuning::from_vars(vars(&[(TICK_VAR, "0s")])).unwrap_err();
        assert!(format!("{err:#}").contains("more than zero"), "{err:#}");
    }

    #[test]
    fn can_override_every_sources_interval() {
        let loaded = app::load_community(&crate::cli::ConfigArgs::default()).unwrap();
        let id = loaded.community.calendars[0].id.clone();
        assert_eq!(
            Tuning::default().schedule(&loaded, &id).interval,
            SignedDuration::from_mins(15)
        );
        let fast = Tuning {
            interval: Some(SignedDuration::from_secs(2)),
            ..Tuning::default()
        };
        assert_eq!(
            fast.schedule(&loaded, &id).interval,
            SignedDuration::from_secs(2)
        );
    }
}
