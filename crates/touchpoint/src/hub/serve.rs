//! `touchpoint serve` on a hub: every community that loads is served under `/{community}/…`
//! with its own refresher and announcer; a community whose file is broken is reported and left
//! out while the others serve. Edited community files are picked up while the hub runs
//! (`Reload::run`): a good edit replaces the community's site (and restarts its refresher; its
//! announcer reads the new channels), a broken edit is reported and the last good version keeps
//! serving.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use anyhow::Context;
use jiff::Timestamp;
use tokio::task::JoinHandle;
use touchpoint_site::Site;
use touchpoint_store::{Bodies, Published, SourceRecord, Store};

use super::scoped::{Scoped, key_prefix, records_of};
use super::{Layout, Member, Public, load_member, load_members};
use crate::app::{self, Invalid, Loaded};
use crate::cli::{ConfigArgs, ServeArgs};
use crate::cmd::serve::{hostname, shutdown};
use crate::server::hub::{HubState, Served, hub_router};
use crate::server::{self, AppState};
use crate::{announcer, refresher};

/// The hidden environment variable setting how often community files are checked for edits
/// (a duration such as `500ms`; default 2 s).
pub const RELOAD_VAR: &str = "TOUCHPOINT_HUB_RELOAD";

/// Run `touchpoint serve` on the hub `layout` until interrupted.
pub fn run(layout: Layout, args: ServeArgs) -> anyhow::Result<ExitCode> {
    if !layout.problems.is_empty() {
        anyhow::bail!("{}", app::report(&layout.problems));
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let served = runtime.block_on(serve(layout, args));
    runtime.shutdown_timeout(Duration::from_secs(1));
    served?;
    Ok(ExitCode::SUCCESS)
}

async fn serve(layout: Layout, args: ServeArgs) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let tuning = refresher::Tuning::from_env()?;
    let reload_every = reload_interval()?;
    let store = app::open_store(&args.store).await?;
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let addr = listener.local_addr()?;
    let public = Public::new(args.base_url.as_deref())?;
    let members = tokio::task::block_in_place(|| load_members(&layout, &args.config));
    let records = store
        .list(Bodies::Include)
        .await
        .context("cannot read the stored calendars")?;
    let mut loaded_ok: Vec<(String, Loaded)> = Vec::new();
    let mut served: Vec<Served> = Vec::new();
    for Member { id, file, loaded } in members {
        match loaded {
            Ok(loaded) => {
                app::print_warnings(&loaded);
                loaded_ok.push((id.clone(), loaded));
            }
            Err(Invalid(diagnostics)) => tracing::error!(
                "community {id:?} ({}) is not served, its file has errors:\n{}",
                file.display(),
                app::report(&diagnostics)
            ),
        }
        served.push(Served { id, serving: None });
    }
    // Every community's site from the one read of the store, with the revisions of all their
    // events recorded in one transaction.
    let mut sites = Vec::with_capacity(loaded_ok.len());
    for (id, loaded) in &mut loaded_ok {
        loaded.base_url = public.of(id);
        let own = records_of(&records, id);
        let mut site = app::site_from_records(loaded, &own);
        public.place(&mut site, id)?;
        sites.push(site);
    }
    let ids: Vec<&str> = loaded_ok.iter().map(|(id, _)| id.as_str()).collect();
    revise_all(&ids, &mut sites, &*store).await;
    let hub = HubState::new(
        layout.info.clone(),
        &public.base_path,
        served,
        Arc::new(Timestamp::now),
    );
    let workers = Workers {
        store: store.clone(),
        holder: format!("{}:{}", hostname(), std::process::id()),
        tuning,
        announcing: announcer::Tuning::from_env()?,
    };
    let mut background = HashMap::new();
    for ((id, loaded), site) in loaded_ok.into_iter().zip(sites) {
        let mount = site.base_path.clone();
        let state = AppState::with_system_clock(site)
            .trusting_forwarded(args.trust_forwarded && public.base_url.is_none())
            .mounted_at(&mount);
        hub.set_member(&id, state.clone());
        let from = app::fingerprint(&records_of(&records, &id));
        let tasks = workers.start(&id, loaded, state, Some(from), None);
        background.insert(id, tasks);
    }
    tracing::info!(
        "serving the hub {:?} ({} communities) at http://{addr}/, ready in {} ms",
        layout.info.name.as_str(),
        layout.members.len(),
        started.elapsed().as_millis()
    );
    let reloading = Reload {
        hub: hub.clone(),
        layout,
        config: args.config,
        store,
        public,
        workers,
        trust_forwarded: args.trust_forwarded,
        every: reload_every,
    };
    tokio::spawn(reloading.run(background));
    server::serve(listener, hub_router(hub), args.limits.limits(), shutdown())
        .await
        .context("the server stopped")
}

/// Record the revisions of every community's own events in one call to the store (keys
/// prefixed by community, as [`Scoped`] keys them) and give each site its own.
async fn revise_all(ids: &[&str], sites: &mut [Site], store: &dyn Store) {
    let mut published = Vec::new();
    let mut counts = Vec::with_capacity(sites.len());
    for (id, site) in ids.iter().zip(sites.iter()) {
        let prefix = key_prefix(id);
        let own = site.published();
        counts.push(own.len());
        published.extend(own.into_iter().map(|(key, fingerprint)| Published {
            key: format!("{prefix}{key}"),
            fingerprint,
        }));
    }
    let now = Timestamp::now();
    let revisions = match store.revise(&published, now).await {
        Ok(revisions) => revisions,
        Err(error) => match store.revisions(&published, now).await {
            Ok(revisions) => {
                tracing::warn!("cannot record the revisions of the hub's events ({error})");
                revisions
            }
            Err(read) => {
                tracing::warn!(
                    "cannot record the revisions of the hub's events ({error}) nor read them \
                     ({read}); the feeds publish SEQUENCE 0"
                );
                return;
            }
        },
    };
    let mut rest = published.into_iter().zip(revisions);
    for ((id, site), count) in ids.iter().zip(sites.iter_mut()).zip(counts) {
        let prefix = key_prefix(id);
        let own: Vec<_> = rest
            .by_ref()
            .take(count)
            .map(|(p, r)| {
                let key = p.key.strip_prefix(&prefix).unwrap_or(&p.key).to_owned();
                let revision = touchpoint_calendar::write::Revision {
                    sequence: r.sequence,
                    last_modified: r.modified,
                };
                (key, revision)
            })
            .collect();
        site.set_revisions(own);
    }
}

/// What starts each community's background work: the hub's store, this replica's lease
/// holder name and the timings.
struct Workers {
    store: Arc<dyn Store>,
    holder: String,
    tuning: refresher::Tuning,
    announcing: announcer::Tuning,
}

/// A community's background work on its view of the store ([`Scoped`]): the refresher of its
/// outside calendars and the announcer of its `[[announce]]` channels, each only when the
/// community file has some.
struct Background {
    refresher: Option<JoinHandle<()>>,
    announcer: Option<JoinHandle<()>>,
}

impl Workers {
    /// Start community `id`'s background work, serving `state` (`from`: the fingerprint of the
    /// stored calendars its site was built from), keeping its `running` announcer.
    ///
    /// An announcer is never stopped for an edit of the file: it reads the channels of the site
    /// it serves at each round, and one stopped between a send and its record would send that
    /// message again.
    fn start(
        &self,
        id: &str,
        loaded: Loaded,
        state: AppState,
        from: Option<app::Fingerprint>,
        running: Option<JoinHandle<()>>,
    ) -> Background {
        let scoped: Arc<dyn Store> = Arc::new(Scoped::new(self.store.clone(), id));
        let running = running.filter(|task| !task.is_finished());
        let wanted = !loaded.community.announce.is_empty();
        let announcer = running.or_else(|| {
            wanted.then(|| {
                tokio::spawn(announcer::run(
                    state.clone(),
                    scoped.clone(),
                    self.holder.clone(),
                    self.announcing,
                    loaded.base.clone(),
                    Some(id.to_owned()),
                ))
            })
        });
        let refresher = (!loaded.community.calendars.is_empty()).then(|| {
            tokio::spawn(refresher::run(
                Arc::new(loaded),
                scoped,
                state,
                self.holder.clone(),
                self.tuning,
                from,
            ))
        });
        Background {
            refresher,
            announcer,
        }
    }
}

impl Background {
    /// Stop the refresher (a community file edited: it starts again from the new one), and
    /// hand back the announcer, which goes on ([`Workers::start`]).
    fn stop_refresher(self) -> Option<JoinHandle<()>> {
        if let Some(task) = self.refresher {
            task.abort();
        }
        self.announcer
    }
}

fn reload_interval() -> anyhow::Result<Duration> {
    let Ok(text) = std::env::var(RELOAD_VAR) else {
        return Ok(Duration::from_secs(2));
    };
    let duration: jiff::SignedDuration = text
        .trim()
        .parse()
        .with_context(|| format!("{RELOAD_VAR}={text:?} is not a duration such as 500ms"))?;
    anyhow::ensure!(
        duration.is_positive(),
        "{RELOAD_VAR}={text:?} must be more than zero"
    );
    Ok(Duration::try_from(duration).unwrap_or(Duration::MAX))
}

/// What [`Reload::run`] watches and what it rebuilds with.
struct Reload {
    hub: HubState,
    layout: Layout,
    config: ConfigArgs,
    store: Arc<dyn Store>,
    public: Public,
    workers: Workers,
    trust_forwarded: bool,
    every: Duration,
}

/// What a community file looked like when last read: modification time and length.
type Seen = Option<(SystemTime, u64)>;

fn seen(file: &PathBuf) -> Seen {
    let meta = std::fs::metadata(file).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

impl Reload {
    /// Check the community files every [`Reload::every`]; load each one that changed. A good
    /// file replaces its community's site; a broken one is reported once per edit and the last
    /// good version keeps serving.
    async fn run(self, mut background: HashMap<String, Background>) {
        let mut last: HashMap<String, Seen> = self
            .layout
            .members
            .iter()
            .map(|m| (m.id.clone(), seen(&m.file)))
            .collect();
        loop {
            tokio::time::sleep(self.every).await;
            for member in &self.layout.members {
                let now_seen = seen(&member.file);
                if last.get(&member.id) == Some(&now_seen) {
                    continue;
                }
                last.insert(member.id.clone(), now_seen);
                let Member { id, file, loaded } = load_member(member, &self.config);
                match loaded {
                    Ok(loaded) => match self.rebuild(&id, loaded, &mut background).await {
                        Ok(()) => {
                            tracing::info!("community {id:?} reloaded from {}", file.display())
                        }
                        Err(err) => tracing::error!(
                            "community {id:?}: cannot rebuild its site, keeping the last good \
                             version: {err:#}"
                        ),
                    },
                    Err(Invalid(diagnostics)) => tracing::error!(
                        "community {id:?} ({}) has errors after an edit; the last good version \
                         keeps serving:\n{}",
                        file.display(),
                        app::report(&diagnostics)
                    ),
                }
            }
        }
    }

    async fn rebuild(
        &self,
        id: &str,
        mut loaded: Loaded,
        background: &mut HashMap<String, Background>,
    ) -> anyhow::Result<()> {
        loaded.base_url = self.public.of(id);
        let scoped = Scoped::new(self.store.clone(), id);
        let records: Vec<SourceRecord> = scoped
            .list(Bodies::Include)
            .await
            .context("cannot read the stored calendars")?;
        let mut site = app::site_from_records(&loaded, &records);
        self.public.place(&mut site, id)?;
        let mut one = [site];
        revise_all(&[id], &mut one, &*self.store).await;
        let [site] = one;
        let state = match self.hub.member(id) {
            Some(state) => {
                state.replace_site(site);
                state
            }
            None => {
                let mount = site.base_path.clone();
                let state = AppState::with_system_clock(site)
                    .trusting_forwarded(self.trust_forwarded && self.public.base_url.is_none())
                    .mounted_at(&mount);
                self.hub.set_member(id, state.clone());
                state
            }
        };
        let announcer = background.remove(id).and_then(Background::stop_refresher);
        let from = Some(app::fingerprint(&records));
        let tasks = self.workers.start(id, loaded, state, from, announcer);
        background.insert(id.to_owned(), tasks);
        Ok(())
    }
}
