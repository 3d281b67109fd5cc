//! The HTTP server: one route table, one small handler per action.
//!
//! Handlers load the current [`Site`] (swapped atomically by the background refresher, so a
//! request never waits on a fetch), build the view and render it. "Now" comes from the state's
//! clock so tests are deterministic.

mod cache;
mod forwarded;
mod headers;
pub mod hub;
mod listen;
mod pages;

pub mod publish;

pub use listen::{Limits, serve};
pub use publish::{calendar_response, feed_or_404};

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderMap, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use jiff::Timestamp;
use touchpoint_site::paths::route;
use touchpoint_site::{Lang, Site, html};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, Predicate};

use forwarded::Origin;

/// Where "now" comes from: the system clock in production, a fixed instant in tests.
pub type Clock = Arc<dyn Fn() -> Timestamp + Send + Sync>;

/// Shared state of every handler.
#[derive(Clone)]
pub struct AppState {
    site: Arc<RwLock<Arc<Site>>>,
    /// Bumped whenever the site is replaced: what cached responses are checked against.
    generation: Arc<AtomicU64>,
    cache: Arc<cache::ResponseCache>,
    clock: Clock,
    /// Build links from a request's forwarded headers ([`forwarded`]) when the site has no
    /// public URL of its own.
    trust_forwarded: bool,
    /// How each announcement channel fared (the announcer reads it from the store's outbox),
    /// for `/health`. Kept beside the site, not in it, so the announcer never races the
    /// refresher's replacing of the site.
    channels: Arc<RwLock<Arc<Vec<touchpoint_site::ChannelStatus>>>>,
    /// The base path every site served here keeps when it has no public URL: a hub's
    /// community is served under `/{community}` whoever rebuilds its site (the refresher).
    mount: Option<Arc<str>>,
}

impl AppState {
    /// State serving `site`, with the given clock.
    pub fn new(mut site: Site, clock: Clock) -> AppState {
        // Pages are rendered at the visit: a near-start join link may show (Site::join).
        site.live = true;
        AppState {
            site: Arc::new(RwLock::new(Arc::new(site))),
            generation: Arc::new(AtomicU64::new(0)),
            cache: Arc::default(),
            clock,
            trust_forwarded: false,
            channels: Arc::default(),
            mount: None,
        }
    }

    /// This state, serving its sites under `path` (a hub's `/{community}`) when they have no
    /// public URL of their own.
    pub fn mounted_at(mut self, path: &str) -> AppState {
        self.mount = Some(Arc::from(path));
        self
    }

    /// This state, building links from the origin a proxy forwards (`--trust-forwarded`) for a
    /// site without a public URL.
    pub fn trusting_forwarded(mut self, trust: bool) -> AppState {
        self.trust_forwarded = trust;
        self
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

    /// The site as a request sees it: published at the request's forwarded [`Origin`], when
    /// it has one and the site has no public URL of its own.
    fn site_for(&self, extensions: &Extensions) -> Arc<Site> {
        let site = self.site();
        match extensions.get::<Origin>() {
            // A hub's community keeps its prefix (`/{community}`) under the origin.
            Some(Origin(origin)) if site.base_url.is_none() => site
                .with_public_url(&format!("{origin}{}", site.base_path))
                .map_or(site, Arc::new),
            _ => site,
        }
    }

    /// Replace the site being served (requests in flight keep the one they loaded).
    pub fn replace_site(&self, mut site: Site) {
        site.live = true;
        if let Some(mount) = self.mount.as_deref().filter(|_| site.base_url.is_none()) {
            site.base_path = mount.to_owned();
        }
        *self
            .site
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(site);
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.cache.clear();
    }

    /// How each announcement channel fared, for `/health`.
    pub fn channels(&self) -> Arc<Vec<touchpoint_site::ChannelStatus>> {
        self.channels
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Record how the announcement channels fared; when it changed, cached answers (the
    /// `/health` page among them) are dropped like on a site replacement.
    pub fn set_channels(&self, channels: Vec<touchpoint_site::ChannelStatus>) {
        let mut held = self
            .channels
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if **held == channels {
            return;
        }
        *held = Arc::new(channels);
        drop(held);
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.cache.clear();
    }

    /// How many times the site was replaced.
    fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    fn now(&self) -> Timestamp {
        (self.clock)()
    }
}

/// The route table. Route groups that grow on their own live in submodules and are merged here.
pub fn router(state: AppState) -> Router {
    let routes = Router::new()
        // Route groups from submodules (each returns a `Router<AppState>`).
        // Pages (also `/series/{id}` and `/groups/{id}`, whose handlers serve the `.ics` too)
        .merge(pages::routes())
        // Feeds, JSON API, OpenAPI and embeds
        .merge(publish::routes())
        // Operations (the assets are among the pages' routes)
        .route(
            route::HEALTHZ,
            get(|| async { ([(header::CACHE_CONTROL, "no-store")], "ok") }),
        )
        .fallback(not_found)
        .with_state(state.clone());
    // The layers wrap the route table once, outside it, not each route (`Router::layer`): a
    // route's layers are cloned for every request it takes (about 30 allocations and 12,000
    // instructions of a cached `/`, BENCHMARKS.md, "`/` against nginx").
    let forwarded = state.trust_forwarded.then(|| {
        // The origin a trusted proxy forwards, which the cache keys on.
        axum::middleware::from_fn_with_state(state.clone(), forwarded::middleware)
    });
    let layered = ServiceBuilder::new()
        // Outermost: security headers on every answer, cached or not (`headers.rs`).
        .layer(headers::referrer_policy())
        .layer(headers::no_sniffing())
        .layer(headers::page_policy())
        .option_layer(forwarded)
        // The cache answers what it keeps, compressed once per encoding (`cache.rs`); the
        // compression layer inside it compresses only the rest (errors, `no-store`), so an
        // answer from the cache never passes through it.
        .layer(axum::middleware::from_fn_with_state(
            state,
            cache::middleware,
        ))
        .layer(CompressionLayer::new().compress_when(DefaultPredicate::new().and(cache::NotKept)))
        .service(routes);
    Router::new().fallback_service(layered)
}

/// The site a handler renders from ([`AppState::site_for`]).
pub(super) struct RequestSite(pub Arc<Site>);

impl FromRequestParts<AppState> for RequestSite {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<RequestSite, Self::Rejection> {
        Ok(RequestSite(state.site_for(&parts.extensions)))
    }
}

async fn not_found(
    State(state): State<AppState>,
    RequestSite(site): RequestSite,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if let Some(redirect) = pages::from_language_folder(&uri, site.languages()) {
        return redirect;
    }
    let pairs = html::query_pairs(uri.query().unwrap_or_default());
    let asked = pairs.iter().rev().find(|(key, _)| key == "lang");
    let lang = pages::language(&site, asked.map(|(_, v)| v.as_str()), &headers);
    not_found_in(&site, lang, state.now())
}

/// The 404 page in the request's language (the `lang` cookie, `Accept-Language`).
fn not_found_page(site: &Site, headers: &HeaderMap, now: Timestamp) -> Response {
    not_found_in(site, pages::language(site, None, headers), now)
}

/// The 404 page in `lang`.
fn not_found_in(site: &Site, lang: Lang, now: Timestamp) -> Response {
    error_page(StatusCode::NOT_FOUND, html::not_found(site, lang, now))
}

/// An error page (400, 404): written in the request's language, which the `lang` cookie and
/// `Accept-Language` choose, so it says it varies with them, like every page.
fn error_page(status: StatusCode, body: maud::Markup) -> Response {
    let mut response = (status, Html(body.into_string())).into_response();
    response.headers_mut().insert(
        header::VARY,
        header::HeaderValue::from_static("Cookie, Accept-Language"),
    );
    response
}
