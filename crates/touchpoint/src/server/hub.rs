//! A hub's route table: the hub's own answers at its root (the home page, the calendar,
//! `/all.ics` and `/api/v1/occurrences` spanning every community, `/api/v1/communities`, the
//! assets), and each community's whole route table under `/{community}/…`.
//!
//! A community is its own [`AppState`] with its own [`router`] (cache, headers
//! and all), its site's base path being `/{community}`: a request under the prefix is handed to
//! that router with the prefix taken off, as `Router::nest` would, but looked up per request so
//! a community whose file is fixed while the hub runs starts serving without a restart
//! (`hub::serve` replaces and adds members).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Query, RawQuery, Request, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use bytes::Bytes;
use jiff::Timestamp;
use touchpoint_community::hub::HubInfo;
use touchpoint_site::hub::{self as spanning, Hub, HubFilter, HubMember, HubOccurrencesQuery};
use touchpoint_site::paths::route;
use touchpoint_site::{Lang, Site, Viewer, ViewerError, feeds, html, t};
use tower::{ServiceBuilder, ServiceExt};
use tower_http::compression::CompressionLayer;

use super::{AppState, Clock, cache, headers, pages, router};

/// The hub's own route for the list of its communities.
pub const API_COMMUNITIES: &str = "/api/v1/communities";

/// One community of a served hub.
#[derive(Clone)]
pub struct Served {
    /// The URL segment it is served under.
    pub id: String,
    /// Its state and route table, or `None` while its file has never loaded.
    pub serving: Option<(AppState, Router)>,
}

/// Shared state of the hub's own handlers, and the communities they dispatch to.
#[derive(Clone)]
pub struct HubState {
    info: Arc<HubInfo>,
    base_path: Arc<str>,
    members: Arc<RwLock<Vec<Served>>>,
    clock: Clock,
    /// The hub's own answers by URI, with the members' generations and minute they were
    /// rendered at: spanning pages cost every community's expansion, so each is rendered once
    /// per minute and per change.
    cache: Arc<Mutex<HashMap<String, Kept>>>,
}

/// A kept answer: the stamp and minute it was rendered at, and the answer.
type Kept = (u64, i64, Encoded);

#[derive(Clone)]
struct Cached {
    status: StatusCode,
    content_type: &'static str,
    body: Bytes,
    /// A feed's last change: it is the same for every visitor, kept by caches and calendar
    /// apps (`Cache-Control: public`, `Last-Modified`); `None` for a page, which depends on
    /// the visitor's zone and language cookies.
    feed: Option<Timestamp>,
}

/// A kept answer with its compressed bodies, each made once when it was rendered (a hub's
/// home page is hundreds of kilobytes: compressing it per request would cost more than
/// rendering it once a minute).
#[derive(Clone)]
struct Encoded {
    answer: Cached,
    br: Option<Bytes>,
    gzip: Option<Bytes>,
    /// The body's validator, so a client polling with `If-None-Match` gets a 304.
    etag: String,
}

impl Encoded {
    fn new(answer: Cached) -> Encoded {
        let compressible = answer.body.len() >= 1024;
        let encode = |coding| {
            compressible
                .then(|| cache::compress(coding, &answer.body))
                .flatten()
        };
        Encoded {
            br: encode(cache::Coding::Br),
            gzip: encode(cache::Coding::Gzip),
            etag: super::publish::etag(&answer.body),
            answer,
        }
    }

    /// The answer in the coding `headers` prefer among those kept, or a 304 when the client's
    /// copy is current.
    fn response(&self, headers: &HeaderMap) -> Response {
        let answer = &self.answer;
        let current = answer.status == StatusCode::OK
            && super::publish::not_modified(headers, &self.etag, answer.feed);
        let chosen = cache::accepted(headers)
            .into_iter()
            .flatten()
            .find_map(|coding| {
                let body = match coding {
                    cache::Coding::Br => self.br.as_ref(),
                    cache::Coding::Gzip => self.gzip.as_ref(),
                }?;
                Some((coding.name(), body.clone()))
            });
        let compressed = chosen.is_some();
        let mut response = match chosen {
            _ if current => StatusCode::NOT_MODIFIED.into_response(),
            Some((coding, body)) => {
                (answer.status, [(header::CONTENT_ENCODING, coding)], body).into_response()
            }
            None => (answer.status, answer.body.clone()).into_response(),
        };
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            header::HeaderValue::from_static(answer.content_type),
        );
        let (cache_control, vary) = match answer.feed {
            Some(_) => (super::publish::FEED_CACHE, "Accept-Encoding"),
            None => ("no-cache", "Accept-Encoding, Cookie, Accept-Language"),
        };
        headers.insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static(cache_control),
        );
        headers.insert(header::VARY, header::HeaderValue::from_static(vary));
        if let Ok(value) = header::HeaderValue::from_str(&self.etag) {
            headers.insert(header::ETAG, value);
        }
        if compressed {
            cache::weaken_etag(headers);
        }
        if let Some(at) = answer.feed
            && let Ok(value) = header::HeaderValue::from_str(&super::publish::http_date(at))
        {
            headers.insert(header::LAST_MODIFIED, value);
        }
        response
    }
}

/// Most answers the hub keeps (each a page or a feed); past it the cache starts over.
const CACHE_ENTRIES: usize = 256;

impl HubState {
    /// A hub named by `info`, served under `base_path` ("" at the root), with `members` in
    /// the hub's order.
    pub fn new(info: HubInfo, base_path: &str, members: Vec<Served>, clock: Clock) -> HubState {
        HubState {
            info: Arc::new(info),
            base_path: Arc::from(base_path.trim_end_matches('/')),
            members: Arc::new(RwLock::new(members)),
            clock,
            cache: Arc::default(),
        }
    }

    /// Start serving `state` as the community `id` (a community whose file was fixed), or
    /// replace what served it.
    pub fn set_member(&self, id: &str, state: AppState) {
        let routes = router(state.clone());
        let mut members = self.members.write().unwrap_or_else(|p| p.into_inner());
        match members.iter_mut().find(|m| m.id == id) {
            Some(member) => member.serving = Some((state, routes)),
            None => members.push(Served {
                id: id.to_owned(),
                serving: Some((state, routes)),
            }),
        }
    }

    /// How many answers the hub keeps now (for tests of what makes an answer of its own).
    pub fn cache_len(&self) -> usize {
        self.cache.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    /// The state serving community `id`, if it serves.
    pub fn member(&self, id: &str) -> Option<AppState> {
        let members = self.members.read().unwrap_or_else(|p| p.into_inner());
        members
            .iter()
            .find(|m| m.id == id)
            .and_then(|m| m.serving.as_ref().map(|(state, _)| state.clone()))
    }

    /// Each community's id and, when it serves, its current site.
    /// `f` of the hub as its spanning pages see it now: every community's site being served.
    fn with_view<R>(&self, f: impl FnOnce(&Hub<'_>) -> R) -> R {
        let sites = self.sites();
        let members = members_of(&sites);
        f(&Hub {
            info: &self.info,
            base_path: &self.base_path,
            members: &members,
        })
    }

    fn sites(&self) -> Vec<(String, Option<Arc<Site>>)> {
        let members = self.members.read().unwrap_or_else(|p| p.into_inner());
        members
            .iter()
            .map(|m| (m.id.clone(), m.serving.as_ref().map(|(s, _)| s.site())))
            .collect()
    }

    /// What every cached answer is checked against: the sum of the members' generations and
    /// how many serve (a member replaced or added changes it).
    fn stamp(&self) -> u64 {
        let members = self.members.read().unwrap_or_else(|p| p.into_inner());
        members
            .iter()
            .map(|m| m.serving.as_ref().map_or(0, |(s, _)| s.generation() + 1))
            .sum::<u64>()
            .wrapping_mul(1_000_003)
            .wrapping_add(members.len() as u64)
    }

    fn router_of(&self, id: &str) -> Option<Router> {
        let members = self.members.read().unwrap_or_else(|p| p.into_inner());
        members
            .iter()
            .find(|m| m.id == id)
            .and_then(|m| m.serving.as_ref().map(|(_, r)| r.clone()))
    }

    fn is_member(&self, id: &str) -> bool {
        let members = self.members.read().unwrap_or_else(|p| p.into_inner());
        members.iter().any(|m| m.id == id)
    }

    fn now(&self) -> Timestamp {
        (self.clock)()
    }

    /// The answer kept for `key` when nothing changed since and (for pages, `per_minute`) it
    /// is the same minute, else `render`'s, kept; in the coding `headers` prefer.
    fn cached(
        &self,
        key: String,
        per_minute: bool,
        headers: &HeaderMap,
        render: impl FnOnce() -> Cached,
    ) -> Response {
        let stamp = self.stamp();
        let minute = if per_minute {
            self.now().as_second().div_euclid(60)
        } else {
            0
        };
        let kept = {
            let cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
            cache
                .get(&key)
                .filter(|(s, m, _)| *s == stamp && *m == minute)
                .map(|(_, _, c)| c.clone())
        };
        let encoded = match kept {
            Some(encoded) => encoded,
            None => {
                let encoded = Encoded::new(render());
                let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
                if cache.len() >= CACHE_ENTRIES {
                    cache.clear();
                }
                cache.insert(key, (stamp, minute, encoded.clone()));
                encoded
            }
        };
        encoded.response(headers)
    }
}

/// The hub's route table.
pub fn hub_router(hub: HubState) -> Router {
    let routes = Router::new()
        .route(route::HOME, get(home))
        .route(route::CALENDAR, get(calendar))
        .route(route::CALENDAR_VIEW, get(calendar_view))
        .route(route::ALL_FEED, get(all_feed))
        // The pages and the feed are kept compressed; the API's answers are compressed here.
        .route(
            route::API_OCCURRENCES,
            get(occurrences).layer(CompressionLayer::new()),
        )
        .route(
            API_COMMUNITIES,
            get(communities).layer(CompressionLayer::new()),
        )
        .route(route::API_OPENAPI, get(openapi))
        .route(
            route::HEALTHZ,
            get(|| async { ([(header::CACHE_CONTROL, "no-store")], "ok") }),
        );
    // The files the pages load, answered as a community's are (versions, 304s). The hub has
    // no response cache to compress them once: they are compressed per request (a browser asks
    // for a version once a year), their ETag made weak when they are.
    let assets = pages::asset_routes(Router::new())
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn(weak_when_compressed));
    let routes = routes.merge(assets);
    // The calendar's addresses as the hub's static export names them (`calendar/week/`).
    let routes = pages::directory_forms(routes, &[route::CALENDAR, route::CALENDAR_VIEW])
        // Everything else is a community's (its own router sets its headers) or the hub's 404.
        .fallback(dispatch)
        .with_state(hub);
    // The security headers wrap the table once, outside it, as `router` does (a route layer is
    // cloned for every request); they only add a header an answer does not already have.
    let layered = ServiceBuilder::new()
        .layer(headers::referrer_policy())
        .layer(headers::no_sniffing())
        .layer(headers::page_policy())
        .service(routes);
    Router::new().fallback_service(layered)
}

/// The answer with its ETag made weak when its body is compressed, and on a `304` to a client
/// that takes a compressed body: the validator its 200 carries ([`cache::weaken_etag`]).
async fn weak_when_compressed(request: Request, next: axum::middleware::Next) -> Response {
    let compressing = cache::accepted(request.headers())
        .iter()
        .any(Option::is_some);
    let mut response = next.run(request).await;
    let compressed = response.headers().contains_key(header::CONTENT_ENCODING);
    if compressed || (compressing && response.status() == StatusCode::NOT_MODIFIED) {
        cache::weaken_etag(response.headers_mut());
    }
    response
}

/// Hand a request under `/{community}/…` to that community's router, the prefix taken off;
/// `/{community}` alone is redirected to `/{community}/`.
async fn dispatch(State(hub): State<HubState>, mut request: Request) -> Response {
    let path = request.uri().path().to_owned();
    let inside = path.strip_prefix('/').unwrap_or(&path);
    let (id, rest) = match inside.find('/') {
        Some(at) => (&inside[..at], &inside[at..]),
        None => (inside, ""),
    };
    let Some(routes) = hub.router_of(id) else {
        let broken = hub.is_member(id);
        if !broken
            && let Some(redirect) = pages::from_language_folder(request.uri(), &hub.info.languages)
        {
            return redirect;
        }
        return not_found(&hub, broken, &request);
    };
    if rest.is_empty() {
        let query = request
            .uri()
            .query()
            .map(|q| format!("?{q}"))
            .unwrap_or_default();
        return Redirect::permanent(&format!("{}/{id}/{query}", hub.base_path)).into_response();
    }
    let rewritten = match request.uri().query() {
        Some(query) => format!("{rest}?{query}"),
        None => rest.to_owned(),
    };
    match rewritten.parse::<Uri>() {
        Ok(uri) => *request.uri_mut() = uri,
        Err(_) => return not_found(&hub, false, &request),
    }
    match routes.oneshot(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    }
}

/// The hub's 404: no such community (or one whose file never loaded).
fn not_found(hub: &HubState, broken: bool, request: &Request) -> Response {
    let pairs = html::query_pairs(request.uri().query().unwrap_or_default());
    let mut viewer = Viewer::new(hub.info.timezone.clone());
    viewer.lang = lang(hub, &pairs, request.headers());
    let text = if broken {
        t!(viewer.lang, "hub-broken")
    } else {
        t!(viewer.lang, "hub-not-found")
    };
    let title = t!(viewer.lang, "hub-not-found-title");
    let status = if broken {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::NOT_FOUND
    };
    let body = hub.with_view(|view| html::hub::message(view, &viewer, &title, &text, hub.now()));
    (status, Html(body.into_string())).into_response()
}

fn members_of(sites: &[(String, Option<Arc<Site>>)]) -> Vec<HubMember<'_>> {
    sites
        .iter()
        .map(|(id, site)| HubMember {
            id,
            site: site.as_deref(),
        })
        .collect()
}

/// The viewer of a hub page at `path`: `?tz=`, else the `tz` cookie, else the hub's zone; the
/// page's other parameters stay for its pickers' forms.
fn viewer(
    hub: &HubState,
    path: &str,
    query: &[(String, String)],
    headers: &HeaderMap,
) -> Result<Viewer, ViewerError> {
    let asked = query
        .iter()
        .rev()
        .find(|(k, _)| k == "tz")
        .map(|(_, v)| v.as_str());
    let cookie = pages::tz_cookie(headers);
    let viewer = Viewer::from_request(asked, cookie.as_deref(), &hub.info.timezone)?;
    let lang = lang(hub, query, headers);
    Ok(Viewer {
        hours: pages::hour_cycle(lang, headers),
        lang,
        params: pages::without_zone(query),
        here: Some(pages::here(path)),
        ..viewer
    })
}

/// The language of a hub page: `?lang=`, else the `lang` cookie, else `Accept-Language`,
/// among the hub's languages, else the hub's default.
fn lang(hub: &HubState, query: &[(String, String)], headers: &HeaderMap) -> Lang {
    let asked = query
        .iter()
        .rev()
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v.as_str());
    touchpoint_site::i18n::choose(
        asked,
        pages::lang_cookie(headers).as_deref(),
        pages::accept_language(headers),
        &hub.info.languages,
        hub.info.language,
    )
}

fn page(status: StatusCode, body: String) -> Cached {
    Cached {
        status,
        content_type: "text/html; charset=utf-8",
        body: Bytes::from(body),
        feed: None,
    }
}

/// The cache key of a page: its URI, and what decides the viewer's zone, language and clock.
fn page_key(uri: &str, headers: &HeaderMap) -> String {
    format!(
        "{uri}|{}|{}",
        pages::tz_cookie(headers).unwrap_or_default(),
        pages::language_key(headers)
    )
}

async fn home(
    State(hub): State<HubState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    hub_page(
        &hub,
        "/",
        &["tz", "lang"],
        query,
        &headers,
        |view, viewer, now, _| {
            page(
                StatusCode::OK,
                html::hub::home(view, viewer, now).into_string(),
            )
        },
    )
}

/// A hub page, kept per path, the parameters it `reads`, zone and clock for the minute: `render`
/// draws it for the viewer's zone; an unknown zone gets the 400 page.
fn hub_page(
    hub: &HubState,
    path: &str,
    reads: &[&str],
    query: Option<String>,
    headers: &HeaderMap,
    render: impl FnOnce(&Hub<'_>, &Viewer, Timestamp, &[(String, String)]) -> Cached,
) -> Response {
    let query = query.unwrap_or_default();
    let pairs = html::query_pairs(&query);
    if let Some(answer) = pages::picker_answer(&hub.info.languages, &pages::here(path), &pairs) {
        return answer;
    }
    // Only the parameters the page reads: any other changes nothing, so it neither makes a
    // page of its own in the cache (a stream of `?junk=N` would render every one anew) nor
    // travels in the pickers' forms.
    let pairs: Vec<(String, String)> = pairs
        .into_iter()
        .filter(|(key, _)| reads.contains(&key.as_str()))
        .collect();
    let read: String = pairs.iter().map(|(k, v)| format!("{k}\0{v}\0")).collect();
    let key = page_key(&format!("{path}?{read}"), headers);
    hub.cached(key, true, headers, || {
        let now = hub.now();
        hub.with_view(|view| match viewer(hub, path, &pairs, headers) {
            Ok(viewer) => render(view, &viewer, now, &pairs),
            Err(error) => bad_zone(view, lang(hub, &pairs, headers), now, &error),
        })
    })
}

/// The 400 of a `?tz=` that names no zone: the community page's message in the hub's shell.
fn bad_zone(view: &Hub<'_>, lang: Lang, now: Timestamp, error: &ViewerError) -> Cached {
    page(
        StatusCode::BAD_REQUEST,
        html::hub::bad_zone(view, error, lang, now).into_string(),
    )
}

/// `/calendar/{view}`: the calendar with `?view=` read from the path, the path the static
/// export writes each view at (the query may add to it; a view it cannot read is the 400 of
/// `?view=`).
async fn calendar_view(
    State(hub): State<HubState>,
    Path(view): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let view: String = url::form_urlencoded::byte_serialize(view.as_bytes()).collect();
    let query = match query {
        Some(query) => format!("view={view}&{query}"),
        None => format!("view={view}"),
    };
    calendar_at(&hub, &format!("/calendar/{view}"), Some(query), &headers)
}

async fn calendar(
    State(hub): State<HubState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    calendar_at(&hub, "/calendar", query, &headers)
}

/// The calendar at `path` (`/calendar` or a view's own path) for `query`.
fn calendar_at(hub: &HubState, path: &str, query: Option<String>, headers: &HeaderMap) -> Response {
    hub_page(
        hub,
        path,
        &[
            "tz",
            "lang",
            "community",
            "source",
            "series",
            "group",
            "view",
            "date",
        ],
        query,
        headers,
        |view, viewer, now, pairs| {
            let filter = HubFilter::from_pairs(pairs);
            let period = match html::hub::HubPeriod::from_pairs(pairs) {
                Ok(period) => period,
                Err(why) => {
                    let lang = viewer.lang;
                    let body = html::hub::message(
                        view,
                        viewer,
                        &t!(lang, "error-bad-params-title"),
                        &why.text(lang),
                        now,
                    );
                    return page(StatusCode::BAD_REQUEST, body.into_string());
                }
            };
            match html::hub::calendar(view, viewer, now, &filter, &period) {
                Ok(markup) => page(StatusCode::OK, markup.into_string()),
                Err(why) => page(
                    StatusCode::BAD_REQUEST,
                    html::hub::message(
                        view,
                        viewer,
                        &t!(viewer.lang, "hub-nothing-to-show"),
                        &why.in_lang(viewer.lang),
                        now,
                    )
                    .into_string(),
                ),
            }
        },
    )
}

async fn all_feed(
    State(hub): State<HubState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let filter = HubFilter::from_pairs(&html::query_pairs(&query.unwrap_or_default()));
    // Kept per the filter, what the feed reads (any other parameter changes nothing, so it
    // makes no feed of its own in the cache).
    let key = format!(
        "/all.ics?{}\x01{}\x01{}\x01{}",
        filter.communities.join("\0"),
        filter.sources.join("\0"),
        filter.series.join("\0"),
        filter.groups.join("\0")
    );
    hub.cached(key, false, &headers, || {
        hub.with_view(|view| {
            if let Err(why) = filter.select(view) {
                return Cached {
                    status: StatusCode::NOT_FOUND,
                    content_type: "text/plain; charset=utf-8",
                    body: Bytes::from(why.to_string()),
                    feed: None,
                };
            }
            let modified = spanning::modified(view);
            Cached {
                status: StatusCode::OK,
                content_type: feeds::CONTENT_TYPE,
                body: Bytes::from(spanning::all_feed(view, &filter.communities, modified)),
                feed: Some(modified),
            }
        })
    })
}

async fn occurrences(State(hub): State<HubState>, RawQuery(query): RawQuery) -> Response {
    let query = match occurrences_query(query.as_deref().unwrap_or_default()) {
        Ok(query) => query,
        Err(error) => return json(StatusCode::BAD_REQUEST, &error),
    };
    let now = hub.now();
    hub.with_view(|view| match spanning::occurrences(view, &query, now) {
        Ok(answer) => json(StatusCode::OK, &answer),
        Err(error) => json(StatusCode::BAD_REQUEST, &error),
    })
}

/// The query of the hub's `/api/v1/occurrences`, read as a community's API reads its own
/// (axum's `Query`: an empty `from`, `to` or `limit` is refused, not taken as missing; a
/// parameter given twice is named), with `community` repeated as a list.
fn occurrences_query(raw: &str) -> Result<HubOccurrencesQuery, touchpoint_site::api::ApiError> {
    let (communities, rest): (Vec<_>, Vec<_>) =
        url::form_urlencoded::parse(raw.as_bytes()).partition(|(name, _)| name == "community");
    let rest = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(rest)
        .finish();
    let uri: Uri = format!("/?{rest}")
        .parse()
        .map_err(|_| touchpoint_site::api::ApiError::bad_query("not a query string"))?;
    let Query(mut query) = Query::<HubOccurrencesQuery>::try_from_uri(&uri)
        .map_err(|rejection| touchpoint_site::api::ApiError::bad_query(&rejection.body_text()))?;
    query.community = communities
        .into_iter()
        .map(|(_, id)| id.into_owned())
        .collect();
    Ok(query)
}

async fn communities(State(hub): State<HubState>) -> Response {
    hub.with_view(|view| json(StatusCode::OK, &spanning::communities(view)))
}

async fn openapi(State(hub): State<HubState>, headers: HeaderMap) -> Response {
    // The same for every request until a community changes: made once, kept compressed.
    hub.cached(route::API_OPENAPI.to_owned(), false, &headers, || {
        hub.with_view(|view| Cached {
            status: StatusCode::OK,
            content_type: "application/json",
            body: Bytes::from(touchpoint_site::openapi::hub_json(view)),
            feed: None,
        })
    })
}

fn json<T: serde::Serialize>(status: StatusCode, value: &T) -> Response {
    let body = serde_json::to_vec(value).unwrap_or_default();
    (
        status,
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        Body::from(body),
    )
        .into_response()
}
