//! The HTML pages' routes: one small handler per page. Each reads the viewer's zone (`?tz=`,
//! then the `tz` cookie, then the community's default), renders the page function from
//! `touchpoint_site::html` and, when `?tz=` names a zone, remembers it in the `tz` cookie so the
//! picker works as a plain form with JavaScript off.
//!
//! `/series/{file}` and `/groups/{file}` serve both the page (`{id}`) and the feed (`{id}.ics`):
//! axum matches whole path segments, so one handler dispatches on the suffix.

use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use maud::Markup;
use touchpoint_site::html::{self, CalendarParams, PlannerParams};
use touchpoint_site::paths::route;
use touchpoint_site::{Site, Viewer, feeds};

use super::{AppState, calendar_response, feed_or_404, not_found};

/// The page routes, merged into the route table.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(route::HOME, get(home))
        .route(route::CALENDAR, get(calendar))
        .route(route::SERIES, get(series))
        .route(route::SERIES_OCCURRENCE, get(series_occurrence))
        .route(route::GROUPS, get(groups))
        .route(route::GROUP, get(group))
        .route(route::PLANNER, get(planner))
        .route(route::HEALTH, get(health))
        .route(route::SCRIPT, get(script))
        .route(route::ZONES, get(zones))
}

/// Cookie lifetime for the remembered zone: a year.
const TZ_COOKIE_MAX_AGE: u32 = 365 * 24 * 3600;

/// The viewer of a request and, when `?tz=` chose a zone, the cookie remembering it.
struct Visit {
    viewer: Viewer,
    remember: Option<String>,
    query: String,
}

/// The `tz` cookie's value, if sent.
pub(super) fn tz_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == "tz")
        .map(|(_, value)| {
            value
                .trim_matches('"')
                .replace("%2F", "/")
                .replace("%2f", "/")
        })
}

/// Read the viewer, or answer 400 with the unknown-zone page.
fn visit(
    site: &Site,
    now: jiff::Timestamp,
    headers: &HeaderMap,
    query: Option<String>,
) -> Result<Visit, Box<Response>> {
    let query = query.unwrap_or_default();
    let asked = html::query_pairs(&query)
        .into_iter()
        .rev()
        .find(|(key, _)| key == "tz")
        .map(|(_, value)| value);
    let cookie = tz_cookie(headers);
    match Viewer::from_request(asked.as_deref(), cookie.as_deref(), site.default_tz()) {
        Ok(viewer) => {
            let remember = asked
                .filter(|tz| !tz.trim().is_empty())
                .filter(|_| cookie.as_deref() != Some(&*viewer.tz.name))
                .map(|_| viewer.tz.name.to_string());
            Ok(Visit {
                viewer,
                remember,
                query,
            })
        }
        Err(error) => Err(Box::new(
            (
                StatusCode::BAD_REQUEST,
                Html(html::bad_zone(site, &error, now).into_string()),
            )
                .into_response(),
        )),
    }
}

/// A rendered page: private caching (it depends on the `tz` cookie) and the cookie to set.
fn page(visit: &Visit, markup: Markup) -> Response {
    let mut response = Html(markup.into_string()).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=60"),
    );
    headers.insert(header::VARY, HeaderValue::from_static("Cookie"));
    if let Some(zone) = &visit.remember {
        let cookie = format!("tz={zone}; Path=/; Max-Age={TZ_COOKIE_MAX_AGE}; SameSite=Lax");
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            headers.insert(header::SET_COOKIE, value);
        }
    }
    response
}

fn bad_params(site: &Site, now: jiff::Timestamp, error: &html::ParamError) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Html(html::message(site, "Cannot show this page", &error.message, now).into_string()),
    )
        .into_response()
}

async fn home(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let site = state.site();
    let now = state.now();
    match visit(&site, now, &headers, query) {
        Ok(visit) => page(&visit, html::home(&site, &visit.viewer, now)),
        Err(response) => *response,
    }
}

async fn health(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let site = state.site();
    let now = state.now();
    match visit(&site, now, &headers, query) {
        Ok(visit) => page(&visit, html::health(&site, &visit.viewer, now)),
        Err(response) => *response,
    }
}

async fn calendar(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let site = state.site();
    let now = state.now();
    let visit = match visit(&site, now, &headers, query) {
        Ok(visit) => visit,
        Err(response) => return *response,
    };
    match CalendarParams::from_query(&visit.query) {
        Ok(params) => page(&visit, html::calendar(&site, &visit.viewer, now, &params)),
        Err(error) => bad_params(&site, now, &error),
    }
}

async fn planner(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let site = state.site();
    let now = state.now();
    let visit = match visit(&site, now, &headers, query) {
        Ok(visit) => visit,
        Err(response) => return *response,
    };
    match PlannerParams::from_query(&visit.query) {
        Ok(params) => page(&visit, html::planner(&site, &visit.viewer, now, &params)),
        Err(error) => bad_params(&site, now, &error),
    }
}

async fn groups(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let site = state.site();
    let now = state.now();
    match visit(&site, now, &headers, query) {
        Ok(visit) => page(&visit, html::groups(&site, &visit.viewer, now)),
        Err(response) => *response,
    }
}

/// `/series/{id}` (the page) or `/series/{id}.ics` (the feed).
async fn series(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    if file.ends_with(".ics") {
        return feed_or_404(state, headers, &file, feeds::series).await;
    }
    let site = state.site();
    let now = state.now();
    let visit = match visit(&site, now, &headers, query) {
        Ok(visit) => visit,
        Err(response) => return *response,
    };
    match html::series(&site, &visit.viewer, now, &file) {
        Some(markup) => page(&visit, markup),
        None => not_found(State(state)).await,
    }
}

/// `/series/{id}/{YYYY-MM-DD}.ics`: one occurrence to add to a calendar.
async fn series_occurrence(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, file)): Path<(String, String)>,
) -> Response {
    let site = state.site();
    let body = file
        .strip_suffix(".ics")
        .and_then(|date| date.parse::<jiff::civil::Date>().ok())
        .and_then(|date| html::occurrence_ics(&site, &id, date));
    match body {
        Some(body) => {
            let mut response = calendar_response(&headers, &site, body);
            let disposition = format!("attachment; filename=\"{id}-{file}\"");
            if let Ok(value) = HeaderValue::from_str(&disposition) {
                response
                    .headers_mut()
                    .insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        None => not_found(State(state)).await,
    }
}

/// `/groups/{id}` (the page) or `/groups/{id}.ics` (the group's feed).
async fn group(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    if file.ends_with(".ics") {
        return feed_or_404(state, headers, &file, feeds::group).await;
    }
    let site = state.site();
    let now = state.now();
    let visit = match visit(&site, now, &headers, query) {
        Ok(visit) => visit,
        Err(response) => return *response,
    };
    match html::group(&site, &visit.viewer, now, &file) {
        Some(markup) => page(&visit, markup),
        None => not_found(State(state)).await,
    }
}

async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        html::JS,
    )
        .into_response()
}

async fn zones() -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        html::zones_json(),
    )
        .into_response()
}
