//! `touchpoint serve` on a hub: every community that loads is served under `/{community}/…`
//! with its own refresher; a community whose file is broken is reported and left out while
//! the others serve. Edited community files are picked up while the hub runs (`Reload::run`): a
//! good edit replaces the community's site (and restarts its refresher), a broken edit is
//! reported and the last good version keeps serving.

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
use super::{Layout, Member, load_member, load_members};
use crate::app::{self, Invalid, Loaded};
use crate::cli::{ConfigArgs, ServeArgs};
use crate::cmd::serve::{hostname, shutdown};
use crate::refresher;
use crate::server::hub::{HubState, Served, hub_router};
use crate::server::{self, AppState};

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

/// The hub's public base path and each community's public URL, from `--base-url`.
struct Public {
    base_path: String,
    base_url: Option<String>,
}

impl Public {
    fn new(base_url: Option<&str>) -> anyhow::Result<Public> {
        let Some(url) = base_url else {
            return Ok(Public {
                base_path: String::new(),
                base_url: None,
            });
        };
        let parsed = url::Url::parse(url).with_context(|| format!("--base-url {url:?}"))?;
        Ok(Public {
            base_path: parsed.path().trim_end_matches('/').to_owned(),
            base_url: Some(url.trim_end_matches('/').to_owned()),
        })
    }

    /// Where community `id` is published.
    fn of(&self, id: &str) -> Option<String> {
        self.base_url.as_ref().map(|base| format!("{base}/{id}/"))
    }

    /// `site`, published under its community's prefix.
    fn place(&self, site: &mut Site, id: &str) -> anyhow::Result<()> {
        match self.of(id) {
            Some(url) => site
                .set_public_url(&url)
                .map_err(|e| anyhow::anyhow!("--base-url: {e}")),
            None => {
                site.base_path = format!("{}/{id}", self.base_path);
                Ok(())
            }
        }
    }
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
                if !loaded.community.announce.is_empty() {
                    tracing::warn!(
                        "community {id:?} declares [[announce]] channels; a hub does not send \
                         announcements yet (docs/hub.md, \"Not yet\")"
                    );
                }
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
    let holder = format!("{}:{}", hostname(), std::process::id());
    let mut refreshers = HashMap::new();
    for ((id, loaded), site) in loaded_ok.into_iter().zip(sites) {
        let mount = site.base_path.clone();
        let state = AppState::with_system_clock(site)
            .trusting_forwarded(args.trust_forwarded && public.base_url.is_none())
            .mounted_at(&mount);
        hub.set_member(&id, state.clone());
        let from = app::fingerprint(&records_of(&records, &id));
        let task = spawn_refresher(&id, loaded, &store, state, &holder, tuning, Some(from));
        refreshers.insert(id, task);
    }
    tracing::info!(
        "serving the hub {:?} ({} communities) at http://{addr}/, ready in {} ms",
        layout.info.name,
        layout.members.len(),
        started.elapsed().as_millis()
    );
    let reloading = Reload {
        hub: hub.clone(),
        layout,
        config: args.config,
        store: store.clone(),
        public,
        holder,
        tuning,
        trust_forwarded: args.trust_forwarded,
        every: reload_every,
    };
    tokio::spawn(reloading.run(refreshers));
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

/// Start community `id`'s refresher on its view of the store (nothing to do without outside
/// calendars).
fn spawn_refresher(
    id: &str,
    loaded: Loaded,
    store: &Arc<dyn Store>,
    state: AppState,
    holder: &str,
    tuning: refresher::Tuning,
    from: Option<app::Fingerprint>,
) -> Option<JoinHandle<()>> {
    if loaded.community.calendars.is_empty() {
        return None;
    }
    let scoped: Arc<dyn Store> = Arc::new(Scoped::new(store.clone(), id));
    Some(tokio::spawn(refresher::run(
        Arc::new(loaded),
        scoped,
        state,
        holder.to_owned(),
        tuning,
        from,
    )))
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
    holder: String,
    tuning: refresher::Tuning,
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
    async fn run(self, mut refreshers: HashMap<String, Option<JoinHandle<()>>>) {
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
                    Ok(loaded) => match self.rebuild(&id, loaded, &mut refreshers).await {
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
        refreshers: &mut HashMap<String, Option<JoinHandle<()>>>,
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
        if let Some(Some(task)) = refreshers.remove(id) {
            task.abort();
        }
        let task = spawn_refresher(
            id,
            loaded,
            &self.store,
            state,
            &self.holder,
            self.tuning,
            Some(app::fingerprint(&records)),
        );
        refreshers.insert(id.to_owned(), task);
        Ok(())
    }
}
