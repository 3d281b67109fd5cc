//! `touchpoint serve`: the meetings page, feeds and API, with outside calendars refreshed in the
//! background.

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;

use crate::cli::ServeArgs;
use crate::refresher;
use crate::server::{self, AppState};
use crate::{announcer, app, hub};

/// Run `touchpoint serve` until interrupted.
pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    if let Some(layout) = hub::layout(&args.config)? {
        return hub::serve::run(layout, args);
    }
    let loaded = app::load(&args.config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let served = runtime.block_on(serve(loaded, args));
    // Renders and background work still running get a moment, not for ever: the server has
    // already waited its grace period for the connections.
    runtime.shutdown_timeout(std::time::Duration::from_secs(1));
    served?;
    Ok(ExitCode::SUCCESS)
}

async fn serve(mut loaded: app::Loaded, args: ServeArgs) -> anyhow::Result<()> {
    let tuning = refresher::Tuning::from_env()?;
    let store = app::open_store(&args.store).await?;
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let addr = listener.local_addr()?;
    loaded.base_url = args.base_url.clone();
    match (&loaded.base_url, args.trust_forwarded) {
        (None, false) => tracing::warn!(
            "no --base-url: pages offer downloads, not subscriptions (set the address visitors \
             use, e.g. --base-url http://{addr}/ on this machine, or --trust-forwarded behind \
             a proxy)"
        ),
        (Some(_), true) => {
            tracing::warn!("--base-url is set: --trust-forwarded has no effect");
        }
        _ => {}
    }
    // One read of the store gives the site and the fingerprint the watcher starts from.
    let built = app::build_site(&loaded, &*store).await?;
    let state = AppState::with_system_clock(built.site)
        .trusting_forwarded(args.trust_forwarded && loaded.base_url.is_none());
    tracing::info!("serving {} at http://{addr}/", loaded.community.info.name);
    let holder = format!("{}:{}", hostname(), std::process::id());
    // Announcements go out from the site being served, next to the refresher that updates it.
    tokio::spawn(announcer::run(
        state.clone(),
        store.clone(),
        holder.clone(),
        announcer::Tuning::from_env()?,
        loaded.base.clone(),
        None,
    ));
    tokio::spawn(refresher::run(
        Arc::new(loaded),
        store,
        state.clone(),
        holder,
        tuning,
        Some(built.from),
    ));
    server::serve(
        listener,
        server::router(state),
        args.limits.limits(),
        shutdown(),
    )
    .await
    .context("the server stopped")
}

/// Resolves on Ctrl-C or SIGTERM (what systemd and container runtimes send to stop a service).
pub(crate) async fn shutdown() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => tokio::select! {
                () = interrupt => {}
                _ = terminate.recv() => {}
            },
            Err(_) => interrupt.await,
        }
    }
    #[cfg(not(unix))]
    interrupt.await;
}

/// This machine's name, for lease holders (falls back to "touchpoint").
pub(crate) fn hostname() -> String {
    std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "touchpoint".to_owned())
}
