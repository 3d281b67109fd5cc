//! The HTML pages' routes: one small handler per page — load, build the view, render. The
//! [`Visit`] extractor reads what every page needs (the site, "now", the viewer's zone from
//! `?tz=`, then the `tz` cookie, then the community's default) and answers an unknown zone with
//! the 400 page; a handler returns a [`Page`], which sets the headers of every page and, when
//! `?tz=` named a zone, remembers it in the `tz` cookie, so the picker works as a plain form
//! with JavaScript off.
//!
//! `/series/{file}` and `/groups/{file}` serve both the page (`{id}`) and the feed (`{id}.ics`):
//! axum matches whole path segments, so one handler dispatches on the suffix.

use std::sync::Arc;

use axum::Router;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum_extra::extract::CookieJar;
use jiff::Timestamp;
use maud::Markup;
use touchpoint_site::html::{self, CalendarParams, PlannerParams};
use touchpoint_site::paths::route;
use touchpoint_site::{Site, Viewer, feeds};

use super::{AppState, calendar_response, feed_or_404};

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

/// The `tz` cookie's value, if sent: the zone a visitor chose earlier (also part of the
/// response cache's key).
pub(super) fn tz_cookie(headers: &HeaderMap) -> Option<String> {
    CookieJar::from_headers(headers)
        .get("tz")
        .map(|cookie| cookie.value_trimmed().to_owned())
}

/// What every page starts from: the site being served, "now", and the viewer (`?tz=`, else the
/// `tz` cookie, else the community's default). Its rejection is the 400 page naming the unknown
/// zone.
struct Visit {
    site: Arc<Site>,
    now: Timestamp,
    viewer: Viewer,
    /// The zone `?tz=` chose, when the `tz` cookie does not hold it already.
    remember: Option<String>,
    /// The raw query string, for pages with parameters of their own.
    query: String,
}

impl FromRequestParts<AppState> for Visit {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Visit, Response> {
        let site = state.site();
        let now = state.now();
        let query = parts.uri.query().unwrap_or_default().to_owned();
        let asked = html::query_pairs(&query)
            .into_iter()
            .rev()
            .find(|(key, _)| key == "tz")
            .map(|(_, value)| value);
        let cookie = tz_cookie(&parts.headers);
        match Viewer::from_request(asked.as_deref(), cookie.as_deref(), site.default_tz()) {
            Ok(viewer) => {
                let remember = asked
                    .filter(|tz| !tz.trim().is_empty())
                    .filter(|_| cookie.as_deref() != Some(&*viewer.tz.name))
                    .map(|_| viewer.tz.name.to_string());
                Ok(Visit {
                    site,
                    now,
                    viewer,
                    remember,
                    query,
                })
            }
            Err(error) => {
                let body = html::bad_zone(&site, &error, now);
                Err((StatusCode::BAD_REQUEST, Html(body.into_string())).into_response())
            }
        }
    }
}

impl Visit {
    /// `markup` as this visit's page.
    fn page(self, markup: Markup) -> Page {
        Page {
            markup,
            remember: self.remember,
        }
    }

    /// The 400 page for page parameters that cannot be read.
    fn bad_params(&self, error: &html::ParamError) -> Response {
        let body = html::message(
            &self.site,
            "Cannot show this page",
            &error.message,
            self.now,
        );
        (StatusCode::BAD_REQUEST, Html(body.into_string())).into_response()
    }

    fn not_found(&self) -> Response {
        super::not_found_page(&self.site, self.now)
    }
}

/// A rendered page: cached privately (it depends on the `tz` cookie), and with the cookie that
/// remembers a zone chosen with `?tz=`.
struct Page {
    markup: Markup,
    remember: Option<String>,
}

impl IntoResponse for Page {
    fn into_response(self) -> Response {
        let mut response = Html(self.markup.into_string()).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, max-age=60"),
        );
        headers.insert(header::VARY, HeaderValue::from_static("Cookie"));
        if let Some(zone) = self.remember {
            // As site.js writes it: zone names are valid cookie values as they are.
            let cookie = format!("tz={zone}; Path=/; Max-Age={TZ_COOKIE_MAX_AGE}; SameSite=Lax");
            if let Ok(value) = HeaderValue::from_str(&cookie) {
                headers.insert(header::SET_COOKIE, value);
            }
        }
        response
    }
}

async fn home(visit: Visit) -> Page {
    let markup = html::home(&visit.site, &visit.viewer, visit.now);
    visit.page(markup)
}

async fn health(visit: Visit) -> Page {
    let markup = html::health(&visit.site, &visit.viewer, visit.now);
    visit.page(markup)
}

async fn groups(visit: Visit) -> Page {
    let markup = html::groups(&visit.site, &visit.viewer, visit.now);
    visit.page(markup)
}

async fn calendar(visit: Visit) -> Result<Page, Response> {
    let params = CalendarParams::from_query(&visit.query).map_err(|e| visit.bad_params(&e))?;
    let markup = html::calendar(&visit.site, &visit.viewer, visit.now, &params);
    Ok(visit.page(markup))
}

async fn planner(visit: Visit) -> Result<Page, Response> {
    let params = PlannerParams::from_query(&visit.query).map_err(|e| visit.bad_params(&e))?;
    let markup = html::planner(&visit.site, &visit.viewer, visit.now, &params);
    Ok(visit.page(markup))
}

/// A page renderer of one series or group, by id.
type RenderPage = fn(&Site, &Viewer, Timestamp, &str) -> Option<Markup>;

/// `/series/{id}` (the page) or `/series/{id}.ics` (the feed).
async fn series(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(file): Path<String>,
    visit: Result<Visit, Response>,
) -> Result<Response, Response> {
    page_or_feed(state, headers, &file, visit, html::series, feeds::series).await
}

/// `/groups/{id}` (the page) or `/groups/{id}.ics` (the group's feed).
async fn group(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(file): Path<String>,
    visit: Result<Visit, Response>,
) -> Result<Response, Response> {
    page_or_feed(state, headers, &file, visit, html::group, feeds::group).await
}

/// The feed for `{id}.ics`, which has no viewer (so an unknown `?tz=` does not stop it), else
/// the page for `{id}` or the 404 page.
async fn page_or_feed(
    state: AppState,
    headers: HeaderMap,
    file: &str,
    visit: Result<Visit, Response>,
    page: RenderPage,
    feed: fn(&Site, &str, Timestamp) -> Option<String>,
) -> Result<Response, Response> {
    if file.ends_with(".ics") {
        return Ok(feed_or_404(state, headers, file, feed).await);
    }
    let visit = visit?;
    Ok(match page(&visit.site, &visit.viewer, visit.now, file) {
        Some(markup) => visit.page(markup).into_response(),
        None => visit.not_found(),
    })
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
    let Some(body) = body else {
        return super::not_found_page(&site, state.now());
    };
    let mut response = calendar_response(&headers, &site, body);
    let disposition = format!("attachment; filename=\"{id}-{file}\"");
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    response
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
