//! The HTTP server: one route table, one small handler per action.
//!
//! Handlers load the current [`Site`] (swapped atomically by the background refresher, so a
//! request never waits on a fetch), build the view and render it. "Now" comes from the state's
//! clock so tests are deterministic.

mod publish;

pub use publish::{calendar_response, feed_or_404};

use std::sync::{Arc, RwLock};

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use jiff::Timestamp;
use serde::Deserialize;
use touchpoint_site::{Site, Viewer, feeds, html};
use tower_http::compression::CompressionLayer;

/// Where "now" comes from: the system clock in production, a fixed instant in tests.
pub type Clock = Arc<dyn Fn() -> Timestamp + Send + Sync>;

/// Shared state of every handler.
#[derive(Clone)]
pub struct AppState {
    site: Arc<RwLock<Arc<Site>>>,
    clock: Clock,
}

impl AppState {
    /// State serving `site`, with the given clock.
    pub fn new(site: Site, clock: Clock) -> AppState {
        AppState {
            site: Arc::new(RwLock::new(Arc::new(site))),
            clock,
        }
    }

    /// State with the system clock.
    pub fn with_system_clock(site: Site) -> AppState {
        AppState::new(site, Arc::new(Timestamp::now))
    }

    /// The site being served now.
    pub fn site(&self) -> Arc<Site> {
        self.site
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Replace the site being served (requests in flight keep the one they loaded).
    pub fn replace_site(&self, site: Site) {
        *self
            .site
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(site);
    }

    fn now(&self) -> Timestamp {
        (self.clock)()
    }
}

/// The route table. Route groups that grow on their own live in submodules and are merged here.
pub fn router(state: AppState) -> Router {
    Router::new()
        // Route groups from submodules (each returns a `Router<AppState>`).
        // Pages
        .route("/", get(home))
        .route("/health", get(health_page))
        // Feeds, JSON API, OpenAPI and embeds
        .merge(publish::routes())
        .route("/series/{file}", get(series_feed))
        .route("/groups/{file}", get(group_feed))
        // Operations and assets
        .route(
            "/healthz",
            get(|| async { ([(header::CACHE_CONTROL, "no-store")], "ok") }),
        )
        .route("/assets/site.css", get(stylesheet))
        .fallback(not_found)
        .layer(CompressionLayer::new())
        .with_state(state)
}

/// `?tz=` on pages.
#[derive(Debug, Default, Deserialize)]
struct PageQuery {
    tz: Option<String>,
}

fn page(markup: maud::Markup) -> Response {
    (
        [(header::CACHE_CONTROL, "public, max-age=60")],
        Html(markup.into_string()),
    )
        .into_response()
}

async fn home(State(state): State<AppState>, Query(query): Query<PageQuery>) -> Response {
    let site = state.site();
    let now = state.now();
    match Viewer::from_query(query.tz.as_deref(), site.default_tz()) {
        Ok(viewer) => page(html::home(&site, &viewer, now)),
        Err(error) => (
            StatusCode::BAD_REQUEST,
            Html(html::bad_zone(&site, &error, now).into_string()),
        )
            .into_response(),
    }
}

async fn health_page(State(state): State<AppState>, Query(query): Query<PageQuery>) -> Response {
    let site = state.site();
    let now = state.now();
    match Viewer::from_query(query.tz.as_deref(), site.default_tz()) {
        Ok(viewer) => page(html::health(&site, &viewer, now)),
        Err(error) => (
            StatusCode::BAD_REQUEST,
            Html(html::bad_zone(&site, &error, now).into_string()),
        )
            .into_response(),
    }
}

async fn not_found(State(state): State<AppState>) -> Response {
    let site = state.site();
    let body = html::message(
        &site,
        "Not found",
        "There is no page at this address.",
        state.now(),
    );
    (StatusCode::NOT_FOUND, Html(body.into_string())).into_response()
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        html::CSS,
    )
        .into_response()
}

async fn series_feed(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Response {
    feed_or_404(state, headers, &file, feeds::series).await
}

async fn group_feed(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Response {
    feed_or_404(state, headers, &file, feeds::group).await
}
