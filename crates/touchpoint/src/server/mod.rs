//! The HTTP server: one route table, one small handler per action.
//!
//! Handlers load the current [`Site`] (swapped atomically by the background refresher, so a
//! request never waits on a fetch), build the view and render it. "Now" comes from the state's
//! clock so tests are deterministic.

use std::hash::{Hash, Hasher};
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use jiff::Timestamp;
use serde::Deserialize;
use touchpoint_site::api::{self, OccurrencesQuery};
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
        // Feeds (`/series/{id}.ics` and friends: axum matches whole segments, so the handler
        // strips the suffix).
        .route("/calendar.ics", get(community_feed))
        .route("/all.ics", get(all_feed))
        .route("/series/{file}", get(series_feed))
        .route("/groups/{file}", get(group_feed))
        .route("/sources/{file}", get(source_feed))
        // JSON API
        .route("/api/v1/occurrences", get(api_occurrences))
        .route("/api/v1/calendars", get(api_calendars))
        // Operations and assets
        .route("/healthz", get(|| async { "ok" }))
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

/// A feed response with validators: ETag from the body, Last-Modified from the site's update
/// time, and 304 when the client already has it.
fn calendar_response(headers: &HeaderMap, site: &Site, body: String) -> Response {
    let mut hasher = std::hash::DefaultHasher::new();
    body.hash(&mut hasher);
    let etag = format!("\"{:016x}\"", hasher.finish());
    let last_modified = httpdate::fmt_http_date(
        std::time::UNIX_EPOCH
            + std::time::Duration::from_secs(site.updated.as_second().max(0) as u64),
    );
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|tag| tag.trim() == etag || tag.trim() == "*")
        });
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        body.into_response()
    };
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(feeds::CONTENT_TYPE),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    if let Ok(value) = HeaderValue::from_str(&last_modified) {
        headers.insert(header::LAST_MODIFIED, value);
    }
    response
}

async fn community_feed(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let site = state.site();
    let body = feeds::community(&site, site.updated);
    calendar_response(&headers, &site, body)
}

async fn all_feed(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let site = state.site();
    let body = feeds::all(&site, site.updated);
    calendar_response(&headers, &site, body)
}

/// A feed found by `{id}.ics`, or the 404 page.
async fn feed_or_404(
    state: AppState,
    headers: HeaderMap,
    file: &str,
    render: fn(&Site, &str, Timestamp) -> Option<String>,
) -> Response {
    let site = state.site();
    let body = file
        .strip_suffix(".ics")
        .and_then(|id| render(&site, id, site.updated));
    match body {
        Some(body) => calendar_response(&headers, &site, body),
        None => not_found(State(state)).await,
    }
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

async fn source_feed(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Response {
    feed_or_404(state, headers, &file, feeds::source).await
}

fn json<T: serde::Serialize>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => (status, [(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Err(err) => (StatusCode::INTERNAL_SERVER_ERROR, err.to_string()).into_response(),
    }
}

async fn api_occurrences(
    State(state): State<AppState>,
    query: Result<Query<OccurrencesQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let site = state.site();
    let query = match query {
        Ok(Query(query)) => query,
        Err(rejection) => {
            let error = api::ApiError {
                status: 400,
                error: rejection.body_text(),
            };
            return json(StatusCode::BAD_REQUEST, &error);
        }
    };
    match api::occurrences(&site, &query, state.now()) {
        Ok(response) => json(StatusCode::OK, &response),
        Err(error) => json(
            StatusCode::from_u16(error.status).unwrap_or(StatusCode::BAD_REQUEST),
            &error,
        ),
    }
}

async fn api_calendars(State(state): State<AppState>) -> Response {
    json(StatusCode::OK, &api::calendars(&state.site()))
}
