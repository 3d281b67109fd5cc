//! The publishing routes: iCalendar feeds, the JSON API under `/api/v1` with its OpenAPI
//! document, and the embeds. Each handler loads the current site, asks `touchpoint_site` for the
//! body and wraps it with validators and cache headers.
//!
//! Cache lifetimes: feeds 15 minutes (calendar clients poll hourly, see REFRESH-INTERVAL), the
//! API and the embed page a minute or five (they depend on "now"), the OpenAPI document and the
//! component script a day. Every answer has an ETag and answers `If-None-Match` with 304; feeds
//! also have a Last-Modified and answer `If-Modified-Since`. Every route here allows GET from
//! any origin (CORS), so other sites' scripts can read the API and feeds.

use axum::Router;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use jiff::Timestamp;
use touchpoint_site::api::{self, ApiError, OccurrencesQuery};
use touchpoint_site::paths::route;
use touchpoint_site::{Site, embed, feeds, openapi};
use tower_http::cors::{Any, CorsLayer};

use super::{AppState, RequestSite};

/// `Cache-Control` of feeds.
pub const FEED_CACHE: &str = "public, max-age=900";
/// `Cache-Control` of API answers.
pub const API_CACHE: &str = "public, max-age=60";
/// `Cache-Control` of the embed page.
pub const EMBED_CACHE: &str = "public, max-age=300";
/// `Cache-Control` of the OpenAPI document and the component script.
pub const STATIC_CACHE: &str = "public, max-age=86400";

/// The publishing routes, merged into the route table by [`super::router`].
pub fn routes() -> Router<AppState> {
    Router::new()
        // Feeds. axum matches whole path segments, so `/sources/{file}` takes `{id}.ics` and the
        // handler strips the suffix. `/series/{id}.ics` and `/groups/{id}.ics` share their
        // route with the `/series/{id}` and `/groups/{id}` pages, whose handlers call
        // [`feed_or_404`].
        .route(route::COMMUNITY_FEED, get(community_feed))
        .route(route::ALL_FEED, get(all_feed))
        .route(route::SOURCE_FEED, get(source_file))
        // JSON API
        .route(route::API_OCCURRENCES, get(api_occurrences))
        .route(route::API_SERIES_LIST, get(api_series_list))
        .route(route::API_SERIES, get(api_series))
        .route(route::API_GROUPS, get(api_groups))
        .route(route::API_GROUP, get(api_group))
        .route(route::API_CALENDARS, get(api_calendars))
        .route(route::API_OPENAPI, get(api_openapi))
        .route(route::API_ROOT, get(api_unknown))
        .route(route::API_UNKNOWN, get(api_unknown))
        // Embeds
        .route(route::EMBED_UPCOMING, get(embed_upcoming))
        .route(route::EMBED_COMPONENT, get(embed_script))
        .layer(
            CorsLayer::new()
                .allow_origin(Any)
                .allow_methods([Method::GET, Method::HEAD])
                .expose_headers([header::ETAG, header::LAST_MODIFIED]),
        )
}

/// An ETag for a body: a strong validator from a 64-bit FNV-1a hash (stable across builds and
/// platforms, unlike `DefaultHasher`).
pub fn etag(body: &[u8]) -> String {
    let hash = touchpoint_calendar::digest::digest(body);
    format!("\"{hash:016x}\"")
}

/// Whether the client's copy is current: `If-None-Match` decides when present, else
/// `If-Modified-Since` against `last_modified` (second precision, as HTTP dates are).
pub(super) fn not_modified(
    headers: &HeaderMap,
    etag: &str,
    last_modified: Option<Timestamp>,
) -> bool {
    if let Some(value) = headers.get(header::IF_NONE_MATCH) {
        let Ok(value) = value.to_str() else {
            return false;
        };
        return value.split(',').any(|tag| {
            let tag = tag.trim();
            tag == "*" || tag == etag || tag.strip_prefix("W/") == Some(etag)
        });
    }
    let (Some(last_modified), Some(since)) = (
        last_modified,
        headers
            .get(header::IF_MODIFIED_SINCE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| httpdate::parse_http_date(v).ok()),
    ) else {
        return false;
    };
    let since = since
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    last_modified.as_second() <= since
}

/// The HTTP date of an instant.
pub fn http_date(at: Timestamp) -> String {
    httpdate::fmt_http_date(
        std::time::UNIX_EPOCH + std::time::Duration::from_secs(at.as_second().max(0) as u64),
    )
}

/// A 200 (or 304 when the client has it) with validators and cache headers.
fn cached(
    request: &HeaderMap,
    status: StatusCode,
    content_type: &'static str,
    cache_control: &'static str,
    last_modified: Option<Timestamp>,
    body: Vec<u8>,
) -> Response {
    let etag = etag(&body);
    let mut response = if status == StatusCode::OK && not_modified(request, &etag, last_modified) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (status, body).into_response()
    };
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control),
    );
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    if let Some(at) = last_modified
        && let Ok(value) = HeaderValue::from_str(&http_date(at))
    {
        headers.insert(header::LAST_MODIFIED, value);
    }
    response
}

// ---- Feeds ---------------------------------------------------------------------------------

/// A feed answer: `text/calendar; charset=utf-8`, [`FEED_CACHE`], an ETag and `modified` as
/// Last-Modified, or 304 when the client has it. `modified` is when that feed's content last
/// changed (`feeds::*modified`), which moves with its bytes, not at every refresh. A feed
/// depends on the site alone, so the cache keeps it for the site's whole version.
pub fn calendar_response(request: &HeaderMap, modified: Timestamp, body: String) -> Response {
    let mut response = cached(
        request,
        StatusCode::OK,
        feeds::CONTENT_TYPE,
        FEED_CACHE,
        Some(modified),
        body.into_bytes(),
    );
    response.extensions_mut().insert(super::cache::PerVersion);
    response
}

async fn community_feed(RequestSite(site): RequestSite, headers: HeaderMap) -> Response {
    let body = feeds::community(&site, feeds::modified(&site));
    calendar_response(&headers, feeds::community_modified(&site), body)
}

async fn all_feed(RequestSite(site): RequestSite, headers: HeaderMap) -> Response {
    let body = feeds::all(&site, feeds::modified(&site));
    calendar_response(&headers, feeds::modified(&site), body)
}

/// How a feed of one series, group or outside calendar is made: its body by id, and when it
/// last changed (its Last-Modified).
pub struct FeedOf {
    /// The body of the feed of an id at a DTSTAMP (`None`: no such id).
    pub render: fn(&Site, &str, Timestamp) -> Option<String>,
    /// When the feed of an id last changed.
    pub modified: fn(&Site, &str) -> Timestamp,
}

/// An outside calendar's copy: its DTSTAMP, and so its Last-Modified, is the site's.
const SOURCE_FEED: FeedOf = FeedOf {
    render: feeds::source,
    modified: |site, _| feeds::modified(site),
};

/// The feed named `file` (`{id}.ics`) made by `feed`, or the 404 page when the name has no
/// `.ics` suffix or the id is unknown.
pub async fn feed_or_404(
    state: &AppState,
    site: &Site,
    headers: HeaderMap,
    file: &str,
    feed: FeedOf,
) -> Response {
    let found = file.strip_suffix(".ics").and_then(|id| {
        let body = (feed.render)(site, id, feeds::modified(site))?;
        Some(((feed.modified)(site, id), body))
    });
    match found {
        Some((modified, body)) => calendar_response(&headers, modified, body),
        None => super::not_found_page(site, &headers, state.now()),
    }
}

/// `/sources/{id}.ics`: the cleaned copy of an outside calendar.
async fn source_file(
    State(state): State<AppState>,
    RequestSite(site): RequestSite,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Response {
    feed_or_404(&state, &site, headers, &file, SOURCE_FEED).await
}

// ---- JSON API ------------------------------------------------------------------------------

/// `Content-Type` of API answers.
const JSON: &str = "application/json";

/// A JSON answer: the value with validators, or the error as `{"error": "..."}`.
fn json<T: serde::Serialize>(request: &HeaderMap, result: Result<T, ApiError>) -> Response {
    let (status, body) = match result {
        Ok(value) => (StatusCode::OK, serde_json::to_vec(&value)),
        Err(error) => (
            StatusCode::from_u16(error.status).unwrap_or(StatusCode::BAD_REQUEST),
            serde_json::to_vec(&error),
        ),
    };
    match body {
        Ok(body) => cached(request, status, JSON, API_CACHE, None, body),
        Err(err) => error_json(StatusCode::INTERNAL_SERVER_ERROR, err.to_string()),
    }
}

fn error_json(status: StatusCode, message: String) -> Response {
    let body = serde_json::json!({ "error": message }).to_string();
    (
        status,
        [
            (header::CONTENT_TYPE, JSON),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

async fn api_occurrences(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<OccurrencesQuery>, QueryRejection>,
) -> Response {
    let query = match query {
        Ok(Query(query)) => query,
        Err(rejection) => {
            return json::<()>(&headers, Err(ApiError::bad_query(&rejection.body_text())));
        }
    };
    json(
        &headers,
        api::occurrences(&state.site(), &query, state.now()),
    )
}

async fn api_series_list(State(state): State<AppState>, headers: HeaderMap) -> Response {
    json(&headers, Ok(api::series_list(&state.site())))
}

async fn api_series(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    json(&headers, api::series(&state.site(), &id, state.now()))
}

async fn api_groups(State(state): State<AppState>, headers: HeaderMap) -> Response {
    json(&headers, Ok(api::groups(&state.site())))
}

async fn api_group(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    json(&headers, api::group(&state.site(), &id, state.now()))
}

async fn api_calendars(State(state): State<AppState>, headers: HeaderMap) -> Response {
    json(&headers, Ok(api::calendars(&state.site())))
}

async fn api_openapi(RequestSite(site): RequestSite, headers: HeaderMap) -> Response {
    let body = openapi::json(&site).into_bytes();
    cached(&headers, StatusCode::OK, JSON, STATIC_CACHE, None, body)
}

async fn api_unknown(uri: axum::http::Uri) -> Response {
    error_json(
        StatusCode::NOT_FOUND,
        format!(
            "no API endpoint at {}; the endpoints are listed in /api/v1/openapi.json",
            uri.path()
        ),
    )
}

// ---- Embeds --------------------------------------------------------------------------------

async fn embed_upcoming(
    State(state): State<AppState>,
    RequestSite(site): RequestSite,
    headers: HeaderMap,
    query: Result<Query<embed::UpcomingQuery>, QueryRejection>,
) -> Response {
    // No cookie: the list is framed by another site, whose visitor chose no language here.
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let mut lang = site.language(None, None, accept);
    let result = match query {
        Ok(Query(query)) => {
            lang = site.language(query.lang.as_deref(), None, accept);
            embed::upcoming(
                &site,
                &query,
                state.now(),
                super::pages::hour_cycle(lang, &headers),
                lang,
            )
        }
        Err(rejection) => Err(ApiError::bad_query(&rejection.body_text())),
    };
    let (status, markup) = match result {
        Ok(markup) => (StatusCode::OK, markup),
        Err(error) => (
            StatusCode::from_u16(error.status).unwrap_or(StatusCode::BAD_REQUEST),
            embed::error(&site, &error, lang),
        ),
    };
    let mut response = cached(
        &headers,
        status,
        "text/html; charset=utf-8",
        EMBED_CACHE,
        None,
        markup.into_string().into_bytes(),
    );
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(embed::CSP),
    );
    // The clock and the words are written in the visitor's language.
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    response
}

async fn embed_script(headers: HeaderMap) -> Response {
    cached(
        &headers,
        StatusCode::OK,
        "text/javascript; charset=utf-8",
        STATIC_CACHE,
        None,
        embed::COMPONENT_JS.as_bytes().to_vec(),
    )
}
