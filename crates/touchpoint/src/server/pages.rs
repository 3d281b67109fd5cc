//! The HTML pages' routes: one small handler per page — load, build the view, render. The
//! [`Visit`] extractor reads what every page needs (the site, "now", the viewer's zone from
//! `?tz=`, then the `tz` cookie, then the community's default; the clock from
//! `Accept-Language`) and answers an unknown zone with the 400 page; a handler returns a
//! [`Page`], which sets the headers of every page.
//!
//! A `?tz=` in the address (a shared link) shows that zone for that view and is never
//! remembered. The zone picker, a plain GET form that works with JavaScript off, adds
//! `remember=1`: that request is answered with a redirect back to the page (every other
//! parameter kept) that sets the `tz` cookie. The language picker beside it does the same with
//! `?lang=` and `remember-lang=1` ([`html::REMEMBER_LANG`]) and the `lang` cookie; a `?lang=`
//! alone (a shared link) shows that language, never remembered.
//!
//! `/series/{file}` and `/groups/{file}` serve both the page (`{id}`) and the feed (`{id}.ics`):
//! axum matches whole path segments, so one handler dispatches on the suffix.

use std::sync::Arc;

use axum::Router;
use axum::extract::{FromRequestParts, Path, RawQuery, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::CookieJar;
use jiff::Timestamp;
use maud::Markup;
use touchpoint_site::assets::{self, Asset};
use touchpoint_site::html::{self, CalendarParams, PlannerParams};
use touchpoint_site::paths::route;
use touchpoint_site::{HourCycle, Lang, Site, Viewer, feeds};

use super::publish::FeedOf;
use super::{AppState, RequestSite, calendar_response, feed_or_404};

/// The pages a static export writes as directories (`calendar/week/index.html`): their
/// addresses with the trailing slash are redirected to these ([`directory_forms`]).
const DIRECTORY_PAGES: &[&str] = &[
    route::CALENDAR,
    route::CALENDAR_VIEW,
    route::CALENDAR_FILTERED,
    route::SERIES,
    route::GROUPS,
    route::GROUP,
    route::PLANNER,
    route::HEALTH,
];

/// The page routes, merged into the route table.
pub fn routes() -> Router<AppState> {
    let pages = Router::new()
        .route(route::HOME, get(home))
        .route(route::CALENDAR, get(calendar))
        .route(route::CALENDAR_VIEW, get(calendar_path))
        .route(route::CALENDAR_FILTERED, get(calendar_path))
        .route(route::SERIES, get(series))
        .route(route::SERIES_OCCURRENCE, get(series_occurrence))
        .route(route::GROUPS, get(groups))
        .route(route::GROUP, get(group))
        .route(route::PLANNER, get(planner))
        .route(route::PLANNER_CITIES, get(planner_cities))
        .route(route::HEALTH, get(health))
        .route(route::FAVICON_ICO, get(no_favicon_ico));
    directory_forms(asset_routes(pages), DIRECTORY_PAGES)
}

/// `Cache-Control` of a file the pages load asked for at its current version (`?v=`, see
/// [`touchpoint_site::assets`]): its address changes with its bytes, so browsers and proxies
/// keep it for a year without asking again.
pub const ASSET_CACHE_VERSIONED: &str = "public, max-age=31536000, immutable";

/// `Cache-Control` of a file the pages load asked for at its bare path (a page rendered before
/// versions, an old bookmark) or at a version that is not this binary's (a page from another
/// release, say another replica's mid-upgrade): kept a few minutes, then revalidated by ETag.
pub const ASSET_CACHE: &str = "public, max-age=300";

/// Adds the route of each file the pages load ([`assets::all`]), for a community's and the
/// hub's route tables.
pub(super) fn asset_routes<S>(router: Router<S>) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    assets::all().iter().fold(router, |router, file| {
        let answer = move |RawQuery(query): RawQuery, headers: HeaderMap| async move {
            asset(file, query.as_deref(), &headers)
        };
        router.route(file.route, get(answer))
    })
}

/// A file the pages load: kept for a year when asked for at its current version, a few minutes
/// otherwise; with its version as ETag, and `304` for a client that has it.
fn asset(file: &'static Asset, query: Option<&str>, request: &HeaderMap) -> Response {
    let pairs = html::query_pairs(query.unwrap_or_default());
    let current = pairs_value(&pairs, "v") == Some(file.version.as_str());
    let etag = format!("\"{}\"", file.version);
    let mut response = if super::publish::not_modified(request, &etag, None) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let body: &'static [u8] = &file.body;
        (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static(file.content_type),
            )],
            axum::body::Body::from(body),
        )
            .into_response()
    };
    let headers = response.headers_mut();
    let cache_control = if current {
        ASSET_CACHE_VERSIONED
    } else {
        ASSET_CACHE
    };
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control),
    );
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    // The bytes never change while this binary runs: the response cache keeps them until the
    // site is replaced, not a minute.
    response.extensions_mut().insert(super::cache::PerVersion);
    response
}

/// Adds each of `paths` with a trailing slash (`/calendar/week/`, the address of a static
/// export's page), redirected to the path without it. A page moved from a static host to
/// `serve` keeps its links and bookmarks. Other addresses with a slash stay 404s; an unknown
/// series or view is redirected, then answered as it is without the slash.
pub(super) fn directory_forms<S>(router: Router<S>, paths: &[&str]) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    paths.iter().fold(router, |router, path| {
        router.route(&format!("{path}/"), get(without_trailing_slash))
    })
}

/// `308` to the address without its one trailing slash, the query kept. The location is
/// relative (`../week`): it holds under a hub's prefix, which the community's router does not
/// see, and behind a proxy that strips one. A feed's file name (`/series/x.ics/`) or an empty
/// last segment (`/calendar//`, which the route's parameter takes) is no page: 404.
async fn without_trailing_slash(uri: Uri) -> Response {
    let path = uri.path().strip_suffix('/').unwrap_or_default();
    let last = &path[path.rfind('/').map_or(0, |at| at + 1)..];
    if last.is_empty() || last.ends_with(".ics") {
        return StatusCode::NOT_FOUND.into_response();
    }
    let location = match uri.query().filter(|query| !query.is_empty()) {
        Some(query) => format!("../{last}?{query}"),
        None => format!("../{last}"),
    };
    Redirect::permanent(&location).into_response()
}

/// An address in a static export's language folder (`/ja/calendar/week/`, a language of
/// `offered`), redirected to the same page in that language: `/calendar/week?lang=ja` (`308`,
/// the query kept, `lang` last so that it wins). The server has no such folders: it picks the
/// language from `?lang=`, the cookie or the browser's languages. The location is relative, as
/// [`directory_forms`]' is; an address that is no page there is answered there.
pub(super) fn from_language_folder(uri: &Uri, offered: &[Lang]) -> Option<Response> {
    let inside = uri.path().strip_prefix('/')?;
    let (tag, rest) = inside.split_once('/').unwrap_or((inside, ""));
    let lang = Lang::from_tag(tag).filter(|lang| offered.contains(lang))?;
    // Up from the folder the address is in, to the root the language folder sits at.
    let depth = uri.path().matches('/').count() - 1;
    let up = if depth == 0 {
        "./".to_owned()
    } else {
        "../".repeat(depth)
    };
    let page = rest.strip_suffix('/').unwrap_or(rest);
    let query = match uri.query().filter(|query| !query.is_empty()) {
        Some(query) => format!("{query}&lang={}", lang.tag()),
        None => format!("lang={}", lang.tag()),
    };
    Some(Redirect::permanent(&format!("{up}{page}?{query}")).into_response())
}

/// Cookie lifetime for the remembered zone and language: a year.
const TZ_COOKIE_MAX_AGE: u32 = 365 * 24 * 3600;

/// The query parameter the zone picker adds: this `?tz=` is the visitor's own choice, to
/// remember (a shared link's `?tz=` is shown, never remembered).
pub const REMEMBER: &str = "remember";

/// The `tz` cookie's value, if sent: the zone a visitor chose earlier (also part of the
/// response cache's key).
pub(super) fn tz_cookie(headers: &HeaderMap) -> Option<String> {
    CookieJar::from_headers(headers)
        .get("tz")
        .map(|cookie| cookie.value_trimmed().to_owned())
}

/// The `lang` cookie's value, if sent: the language a visitor picked earlier.
pub(super) fn lang_cookie(headers: &HeaderMap) -> Option<String> {
    CookieJar::from_headers(headers)
        .get("lang")
        .map(|cookie| cookie.value_trimmed().to_owned())
}

/// The visitor's `Accept-Language` header, or nothing.
pub(super) fn accept_language(headers: &HeaderMap) -> &str {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
}

/// The language of a request to `site`: `?lang=` (`asked`), the `lang` cookie,
/// `Accept-Language`, the site's default ([`Site::language`]).
pub(super) fn language(site: &Site, asked: Option<&str>, headers: &HeaderMap) -> Lang {
    site.language(
        asked,
        lang_cookie(headers).as_deref(),
        accept_language(headers),
    )
}

/// What decides a page's language and clock, for the response cache's key: the `lang` cookie,
/// the languages of `Accept-Language` Touchpoint speaks, in order (`?lang=` is in the URI), and
/// the clock a page of each language would read ([`hour_cycle`]), so two browsers whose
/// answers differ (en-US and en-GB after ja, on a `?lang=en` link) never share an entry.
pub(super) fn language_key(headers: &HeaderMap) -> String {
    let accept = accept_language(headers);
    let mut key = lang_cookie(headers).unwrap_or_default();
    for lang in Lang::preferred(accept) {
        key.push(' ');
        key.push_str(lang.tag());
    }
    key.push(' ');
    for lang in Lang::ALL {
        key.push(match HourCycle::for_page(lang, accept) {
            HourCycle::H23 => '2',
            HourCycle::H12 => '1',
        });
    }
    key
}

/// The clock the visitor reads on a page in `lang`: from the `Accept-Language` tag of that
/// language, else the language's own ([`HourCycle::for_page`]); part of [`language_key`].
pub(super) fn hour_cycle(lang: Lang, headers: &HeaderMap) -> HourCycle {
    HourCycle::for_page(lang, accept_language(headers))
}

/// What every page starts from: the site being served, "now", and the viewer (`?tz=`, else the
/// `tz` cookie, else the community's default). Its rejection is the 400 page naming the unknown
/// zone, or, for the zone picker's `?tz=…&remember=1`, the redirect that remembers it.
struct Visit {
    site: Arc<Site>,
    now: Timestamp,
    viewer: Viewer,
    /// The raw query string, for pages with parameters of their own.
    query: String,
}

impl FromRequestParts<AppState> for Visit {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Visit, Response> {
        let site = state.site_for(&parts.extensions);
        let now = state.now();
        let query = parts.uri.query().unwrap_or_default().to_owned();
        let pairs = html::query_pairs(&query);
        let here = here(parts.uri.path());
        if let Some(answer) = picker_answer(site.languages(), &here, &pairs) {
            return Err(answer);
        }
        let asked = pairs_value(&pairs, "tz");
        let params = without_zone(&pairs);
        let lang = language(&site, pairs_value(&params, "lang"), &parts.headers);
        let cookie = tz_cookie(&parts.headers);
        match Viewer::from_request(asked, cookie.as_deref(), site.default_tz()) {
            Ok(viewer) => Ok(Visit {
                site,
                now,
                viewer: Viewer {
                    hours: hour_cycle(lang, &parts.headers),
                    lang,
                    params,
                    here: Some(here),
                    ..viewer
                },
                query,
            }),
            Err(error) => {
                let body = html::bad_zone(&site, &error, lang, now);
                Err(super::error_page(StatusCode::BAD_REQUEST, body))
            }
        }
    }
}

/// The last value of `key` in query pairs.
fn pairs_value<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, value)| value.as_str())
}

/// The answer to a picker's submission on the page at `here`: `remember-lang=1` or
/// `remember=1`, the redirect back that remembers the choice in its cookie ([`remember`],
/// [`remember_language`], `offered`: the languages one may pick). `None` for any other query,
/// and for a zone to remember that is not one: the page's 400 says so. Community and hub pages
/// answer their pickers alike through it.
pub(super) fn picker_answer(
    offered: &[Lang],
    here: &str,
    pairs: &[(String, String)],
) -> Option<Response> {
    if pairs.iter().any(|(key, _)| key == html::REMEMBER_LANG) {
        return Some(remember_language(offered, here, pairs));
    }
    if !pairs.iter().any(|(key, _)| key == REMEMBER) {
        return None;
    }
    let asked = pairs_value(pairs, "tz");
    let zone = viewer_zone(asked);
    if zone.is_none() && asked.is_some_and(|tz| !tz.trim().is_empty()) {
        return None;
    }
    Some(remember(&zone, here, &without_zone(pairs)))
}

/// A page's parameters without the zone's (`tz`, `remember`): the view the pickers' forms carry.
pub(super) fn without_zone(pairs: &[(String, String)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .filter(|(key, _)| key != "tz" && key != REMEMBER)
        .cloned()
        .collect()
}

/// The zone the picker asked to remember: its IANA name, or `None` for an empty field (forget
/// the choice, so the browser's zone is detected again).
fn viewer_zone(asked: Option<&str>) -> Option<String> {
    let asked = asked.map(str::trim).filter(|tz| !tz.is_empty())?;
    touchpoint_calendar::Tz::iana(asked).map(|tz| tz.name.to_string())
}

/// A page's address relative to itself: `./` and its last path segment (`./calendar`,
/// `./touchpoint-apac-emea`, `./` for a folder), right under any prefix a proxy adds or strips.
pub(super) fn here(path: &str) -> String {
    let last = path.rsplit('/').next().unwrap_or_default();
    format!("./{last}")
}

/// The zone picker's answer: remember `zone` in the `tz` cookie (or forget it) and send the
/// visitor back to the page they were on, with every parameter but `tz`.
pub(super) fn remember(zone: &Option<String>, here: &str, params: &[(String, String)]) -> Response {
    let cookie = match zone {
        // As site.js writes it: zone names are valid cookie values as they are.
        Some(zone) => format!("tz={zone}; Path=/; Max-Age={TZ_COOKIE_MAX_AGE}; SameSite=Lax"),
        None => "tz=; Path=/; Max-Age=0; SameSite=Lax".to_owned(),
    };
    see_other(here, params, &cookie)
}

/// The language picker's answer: remember the language picked (`?lang=`, one of `offered`)
/// in the `lang` cookie, or forget it for an empty or unknown value (the browser's languages
/// decide again), and send the visitor back to the page with every parameter but `lang` and
/// [`html::REMEMBER_LANG`] (a shared link's `?tz=` stays).
fn remember_language(offered: &[Lang], here: &str, pairs: &[(String, String)]) -> Response {
    let picked = pairs_value(pairs, "lang")
        .and_then(Lang::parse)
        .filter(|lang| offered.contains(lang));
    let cookie = match picked {
        Some(lang) => format!(
            "lang={}; Path=/; Max-Age={TZ_COOKIE_MAX_AGE}; SameSite=Lax",
            lang.tag()
        ),
        None => "lang=; Path=/; Max-Age=0; SameSite=Lax".to_owned(),
    };
    let params: Vec<(String, String)> = pairs
        .iter()
        .filter(|(key, _)| key != "lang" && key != html::REMEMBER_LANG)
        .cloned()
        .collect();
    see_other(here, &params, &cookie)
}

/// A redirect to the page at `here` with `params` that sets `cookie`, never kept by a cache.
fn see_other(here: &str, params: &[(String, String)], cookie: &str) -> Response {
    let back = Viewer::page_href(here, params);
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&back) {
        headers.insert(header::LOCATION, value);
    }
    if let Ok(value) = HeaderValue::from_str(cookie) {
        headers.insert(header::SET_COOKIE, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

impl Visit {
    /// `markup` as this visit's page.
    fn page(self, markup: Markup) -> Page {
        Page { markup }
    }

    /// The 400 page for page parameters that cannot be read.
    fn bad_params(&self, error: &html::ParamError) -> Response {
        let lang = self.viewer.lang;
        let title = touchpoint_site::t!(lang, "error-bad-params-title");
        let body = html::message(&self.site, lang, &title, &error.text(lang), self.now);
        super::error_page(StatusCode::BAD_REQUEST, body)
    }

    /// The 400 page for a filter naming an id the site does not have.
    fn unknown_id(&self, error: &touchpoint_site::UnknownId) -> Response {
        let body = html::unknown_id(&self.site, error, self.viewer.lang, self.now);
        super::error_page(StatusCode::BAD_REQUEST, body)
    }

    fn not_found(&self) -> Response {
        super::not_found_in(&self.site, self.viewer.lang, self.now)
    }
}

/// A rendered page: cached privately (it depends on the `tz` cookie and the visitor's
/// language, which says how clocks are written), with an ETag of its bytes.
///
/// The ETag is a hash of the very body this visitor gets (their zone, language and clock, the
/// minute's "starts in" markers), so a reload's `If-None-Match` is answered `304` only when
/// the page they hold is byte for byte the one they would get now; the response cache answers
/// it, and weakens the tag when it sends the page compressed (`cache.rs`). One visitor's tag
/// never matches a page rendered for another zone or language unless the bytes are the same.
struct Page {
    markup: Markup,
}

impl IntoResponse for Page {
    fn into_response(self) -> Response {
        let body = self.markup.into_string();
        let etag = super::publish::etag(body.as_bytes());
        let mut response = Html(body).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, max-age=60"),
        );
        headers.insert(
            header::VARY,
            HeaderValue::from_static("Cookie, Accept-Language"),
        );
        if let Ok(value) = HeaderValue::from_str(&etag) {
            headers.insert(header::ETAG, value);
        }
        response
    }
}

async fn home(visit: Visit) -> Page {
    let markup = html::home(&visit.site, &visit.viewer, visit.now);
    visit.page(markup)
}

async fn health(State(state): State<AppState>, visit: Visit) -> Page {
    let markup = html::health(&visit.site, &visit.viewer, visit.now, &state.channels());
    visit.page(markup)
}

async fn groups(visit: Visit) -> Page {
    let markup = html::groups(&visit.site, &visit.viewer, visit.now);
    visit.page(markup)
}

async fn calendar(visit: Visit) -> Result<Page, Response> {
    calendar_page(visit)
}

// The `Response` is what every handler returns; boxing it only here would gain nothing.
#[allow(clippy::result_large_err)]
fn calendar_page(visit: Visit) -> Result<Page, Response> {
    let params = CalendarParams::from_query(&visit.query).map_err(|e| visit.bad_params(&e))?;
    params
        .filter()
        .check(&visit.site)
        .map_err(|e| visit.unknown_id(&e))?;
    let markup = html::calendar(&visit.site, &visit.viewer, visit.now, &params);
    Ok(visit.page(markup))
}

/// `/calendar/{view}` and `/calendar/{view}/{kind}/{id}`: the same page as `/calendar` with
/// `?view=` (and `?source=` or `?group=`) read from the path; the query may add to them. These
/// are the paths the static export writes for each view and filter.
async fn calendar_path(
    Path(parts): Path<std::collections::HashMap<String, String>>,
    mut visit: Visit,
) -> Result<Page, Response> {
    let mut pairs = vec![("view", parts.get("view").cloned().unwrap_or_default())];
    match (parts.get("kind").map(String::as_str), parts.get("id")) {
        (None, _) => {}
        (Some(kind @ ("source" | "group")), Some(id)) => pairs.push((kind, id.clone())),
        _ => return Err(visit.not_found()),
    }
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.extend_pairs(pairs);
    let mut query = query.finish();
    if !visit.query.is_empty() {
        query = format!("{query}&{}", visit.query);
    }
    visit.query = query;
    calendar_page(visit)
}

async fn planner(visit: Visit) -> Result<Page, Response> {
    let params = PlannerParams::from_query(&visit.query).map_err(|e| visit.bad_params(&e))?;
    let markup = html::planner(&visit.site, &visit.viewer, visit.now, &params);
    Ok(visit.page(markup))
}

/// `/planner/cities.json?q=`: the places a planner search finds, for the add form's suggestions.
async fn planner_cities(RawQuery(query): RawQuery) -> Response {
    let asked = html::query_pairs(query.as_deref().unwrap_or_default())
        .into_iter()
        .find(|(key, _)| key == "q")
        .map(|(_, value)| value)
        .unwrap_or_default();
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        html::planner::cities_json(&asked),
    )
        .into_response()
}

/// A page renderer of one series or group, by id.
type RenderPage = fn(&Site, &Viewer, Timestamp, &str) -> Option<Markup>;

/// `/series/{id}` (the page) or `/series/{id}.ics` (the feed).
async fn series(
    State(state): State<AppState>,
    RequestSite(site): RequestSite,
    headers: HeaderMap,
    Path(file): Path<String>,
    visit: Result<Visit, Response>,
) -> Result<Response, Response> {
    let feed = (state, site, headers);
    let series = FeedOf {
        render: feeds::series,
        modified: feeds::series_modified,
    };
    page_or_feed(feed, &file, visit, html::series, series).await
}

/// `/groups/{id}` (the page) or `/groups/{id}.ics` (the group's feed).
async fn group(
    State(state): State<AppState>,
    RequestSite(site): RequestSite,
    headers: HeaderMap,
    Path(file): Path<String>,
    visit: Result<Visit, Response>,
) -> Result<Response, Response> {
    let feed = (state, site, headers);
    let group = FeedOf {
        render: feeds::group,
        modified: feeds::group_modified,
    };
    page_or_feed(feed, &file, visit, html::group, group).await
}

/// The feed for `{id}.ics`, which has no viewer (so an unknown `?tz=` does not stop it), else
/// the page for `{id}` or the 404 page.
async fn page_or_feed(
    (state, site, headers): (AppState, Arc<Site>, HeaderMap),
    file: &str,
    visit: Result<Visit, Response>,
    page: RenderPage,
    feed: FeedOf,
) -> Result<Response, Response> {
    if file.ends_with(".ics") {
        return Ok(feed_or_404(&state, &site, headers, file, feed).await);
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
    RequestSite(site): RequestSite,
    headers: HeaderMap,
    Path((id, file)): Path<(String, String)>,
) -> Response {
    let body = file
        .strip_suffix(".ics")
        .and_then(html::OccurrenceKey::parse)
        .and_then(|key| html::occurrence_ics(&site, &id, key));
    let Some(body) = body else {
        return super::not_found_page(&site, &headers, state.now());
    };
    let mut response = calendar_response(&headers, feeds::modified(&site), body);
    let disposition = format!("attachment; filename=\"{id}-{file}\"");
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// `/favicon.ico`, which clients ask for unasked: no content (the pages name `/favicon.svg`).
async fn no_favicon_ico() -> Response {
    (
        StatusCode::NO_CONTENT,
        [(header::CACHE_CONTROL, "public, max-age=86400")],
    )
        .into_response()
}
