//! A small cache of rendered responses, so a busy page costs one render a minute, not one per
//! request, and a feed one render per site version.
//!
//! What a GET answers depends on the URI, the `tz` cookie, the `lang` cookie and what
//! `Accept-Language` says of languages and clocks (pages, [`super::pages::language_key`]), the
//! site being served and, for most answers, the minute ("starts in 2 h" markers): that is the key. Feeds depend on the
//! site alone (their handler marks them [`PerVersion`]) and are kept until the site changes.
//! Swapping in a new site empties the cache, so nothing stale is ever served.
//!
//! Behind a trusted proxy (`--trust-forwarded`) the public origin it forwards is part of the
//! key too ([`super::forwarded`]), so one origin's links are never served to another. Answers
//! are kept for the first [`ORIGINS`] origins seen since the site was last replaced and
//! rendered without keeping for any later one: clients sending made-up hosts can neither evict
//! the site's real origins nor fill the cache with copies.
//!
//! Every GET and HEAD goes through here, conditional or not (calendar apps send `If-None-Match`
//! on every poll): the answer is rendered as a plain GET, kept, and each request is answered
//! from the kept entry — `304` when its `If-None-Match` / `If-Modified-Since` matches, headers
//! only for HEAD. Only a plain 200 is kept; anything else goes back as the handler answered.
//!
//! Compression happens here for kept answers, once per entry and encoding (gzip or brotli, as
//! the client's `Accept-Encoding` prefers), not once per request: with a browser's
//! `Accept-Encoding` the per-request compression took `/` from 26k to 1k requests a second
//! (issue 14). tower-http's `CompressionLayer` sits inside, between this and the routes, and
//! compresses only the answers this does not keep ([`NotKept`]): errors and `no-store`. An
//! answer served from here never passes through it, so a hit does not parse `Accept-Encoding`
//! twice or move its bulky body type (BENCHMARKS.md, "`/` against nginx").
//!
//! Rendering and compressing are CPU work (a big community's feed or a long API window takes a
//! while), so at most [`RENDERS`] of them run at once — memory stays bounded however many
//! clients ask — and each runs with `block_in_place`, so the runtime's other tasks (cached
//! answers, `/healthz`) move to another thread instead of waiting behind it. Concurrent asks for
//! one answer render it once: the others wait for that render and are answered from its result,
//! even when it is too big to keep. The cache is bounded in bytes and in the size of one entry.
//!
//! The store is moka's `future::Cache`: its `or_insert_with_if` is the single flight (one render
//! per key, also when a kept entry has gone stale), a weigher counts each entry's bytes (key,
//! headers and bodies) and a per-entry expiry drops minute-bound answers when their minute is
//! over.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;
use tokio::sync::OnceCell;
use tower_http::compression::Predicate;

use super::AppState;
use super::forwarded::Origin;

/// Most bytes of bodies (identity and compressed) kept at once.
const MAX_BYTES: usize = 32 << 20;
/// About what an entry holds besides its key, headers and bodies (moka's node, the entry, its
/// cells), and what a header takes besides its name and value, in bytes.
const ENTRY_OVERHEAD: usize = 512;
const HEADER_OVERHEAD: usize = 64;
/// Bodies larger than this are served but not kept (concurrent requests still share a render).
const MAX_ENTRY: usize = 16 << 20;
/// Bodies smaller than this are not compressed: the saving would not pay for the header.
const MIN_COMPRESS: usize = 256;
/// Brotli quality for kept answers: 5 compresses a 13 MB feed in well under a second and within
/// a few percent of quality 11's size.
const BROTLI_QUALITY: i32 = 5;
/// How long a minute-bound answer stays in memory: past its minute it is never served (the key
/// check), this only frees its bytes.
const MINUTE: Duration = Duration::from_secs(60);

/// Most forwarded origins whose answers are kept: a site has a name or two (and perhaps an
/// onion address), not more.
const ORIGINS: usize = 4;

/// Most renders (and compressions) running at once.
pub const RENDERS: usize = 4;

/// A response extension from handlers whose answer depends on the site alone, not on "now":
/// the cache keeps it for the site's whole version instead of one minute.
#[derive(Debug, Clone, Copy)]
pub struct PerVersion;

/// The compression layer's rule ([`Predicate`]): compress only what the cache does not keep
/// (the cache compresses the rest itself, once per entry).
#[derive(Debug, Clone, Copy)]
pub struct NotKept;

impl Predicate for NotKept {
    fn should_compress<B: HttpBody>(&self, response: &axum::http::Response<B>) -> bool {
        !kept(response.status(), response.headers())
    }
}

/// Whether the cache keeps an answer of this status and headers (a plain 200 without
/// `no-store`); one too big to keep is still shared by the requests that waited for it.
fn kept(status: StatusCode, headers: &HeaderMap) -> bool {
    let no_store = headers
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("no-store"));
    status == StatusCode::OK && !no_store
}

/// What a render left under a key: `None` when its answer is not kept (not a plain 200). An
/// answer not kept, or too big to keep, expires at once: only the requests that waited for its
/// render see it.
type Kept = Option<Arc<Entry>>;

/// Rendered responses, by request key.
pub struct ResponseCache {
    entries: moka::future::Cache<String, Kept>,
    renders: tokio::sync::Semaphore,
    /// The forwarded origins whose answers are kept (at most [`ORIGINS`]), in order seen.
    origins: std::sync::Mutex<Vec<Arc<str>>>,
    /// Bodies compressed so far (a test hook: compression must happen once per entry).
    compressions: AtomicUsize,
}

impl Default for ResponseCache {
    fn default() -> ResponseCache {
        ResponseCache {
            entries: moka::future::Cache::builder()
                .max_capacity(MAX_BYTES as u64)
                // The key counts too: a query string of junk (`/favicon.svg?x=…`, up to the
                // request's 16 KiB) made a key many times the size of a small body.
                .weigher(|key: &String, kept: &Kept| {
                    let bytes = kept.as_deref().filter(|entry| entry.keepable());
                    bytes.map_or(0, |entry| {
                        u32::try_from(key.len() + entry.size()).unwrap_or(u32::MAX)
                    })
                })
                .expire_after(Lifetime)
                .build(),
            renders: tokio::sync::Semaphore::new(RENDERS),
            origins: std::sync::Mutex::default(),
            compressions: AtomicUsize::new(0),
        }
    }
}

/// How long moka keeps an entry in memory.
struct Lifetime;

impl Lifetime {
    fn of(kept: &Kept) -> Option<Duration> {
        match kept.as_deref() {
            Some(entry) if entry.keepable() => entry.minute.map(|_| MINUTE),
            _ => Some(Duration::ZERO),
        }
    }
}

impl moka::Expiry<String, Kept> for Lifetime {
    fn expire_after_create(&self, _: &String, kept: &Kept, _: Instant) -> Option<Duration> {
        Lifetime::of(kept)
    }

    fn expire_after_update(
        &self,
        _: &String,
        kept: &Kept,
        _: Instant,
        _: Option<Duration>,
    ) -> Option<Duration> {
        Lifetime::of(kept)
    }
}

/// A kept 200: its headers, its identity body and, once asked for, its compressed bodies.
struct Entry {
    /// The site generation it was rendered from.
    generation: u64,
    /// The minute it holds for, or `None` for the whole site version ([`PerVersion`]).
    minute: Option<i64>,
    headers: HeaderMap,
    body: Bytes,
    compressible: bool,
    /// `None` inside: compressing did not make it smaller.
    gzip: OnceCell<Option<Bytes>>,
    br: OnceCell<Option<Bytes>>,
}

impl Entry {
    fn new(generation: u64, minute: Option<i64>, mut headers: HeaderMap, body: Bytes) -> Entry {
        headers.remove(header::CONTENT_LENGTH);
        let compressible = body.len() >= MIN_COMPRESS && compressible(&headers);
        if compressible {
            headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
        Entry {
            generation,
            minute,
            headers,
            body,
            compressible,
            gzip: OnceCell::new(),
            br: OnceCell::new(),
        }
    }

    /// Bytes it holds, compressed bodies included.
    fn size(&self) -> usize {
        let packed =
            |cell: &OnceCell<Option<Bytes>>| cell.get().cloned().flatten().map_or(0, |b| b.len());
        let headers: usize = (self.headers.iter())
            .map(|(name, value)| name.as_str().len() + value.len() + HEADER_OVERHEAD)
            .sum();
        ENTRY_OVERHEAD + headers + self.body.len() + packed(&self.gzip) + packed(&self.br)
    }

    /// Whether it is small enough to keep ([`MAX_ENTRY`]).
    fn keepable(&self) -> bool {
        self.body.len() <= MAX_ENTRY
    }

    fn holds_for(&self, generation: u64, minute: i64) -> bool {
        self.generation == generation && self.minute.is_none_or(|m| m == minute)
    }

    fn cell(&self, coding: Coding) -> &OnceCell<Option<Bytes>> {
        match coding {
            Coding::Br => &self.br,
            Coding::Gzip => &self.gzip,
        }
    }
}

/// Text compresses; images, archives and the like do not.
fn compressible(headers: &HeaderMap) -> bool {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    !headers.contains_key(header::CONTENT_ENCODING)
        && (content_type.starts_with("text/")
            || content_type.starts_with("application/json")
            || content_type.starts_with("application/javascript")
            || content_type.starts_with("image/svg+xml"))
}

impl ResponseCache {
    /// Forget every kept answer (a new site is being served).
    pub fn clear(&self) {
        self.entries.invalidate_all();
        self.origins().clear();
    }

    /// Whether answers for `origin` are kept: it is one of the first [`ORIGINS`] seen.
    fn keeps(&self, origin: &Origin) -> bool {
        let mut origins = self.origins();
        if origins.contains(&origin.0) {
            return true;
        }
        let room = origins.len() < ORIGINS;
        if room {
            origins.push(Arc::clone(&origin.0));
        }
        room
    }

    fn origins(&self) -> std::sync::MutexGuard<'_, Vec<Arc<str>>> {
        self.origins
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Render `request` (at most [`RENDERS`] at once) and keep the answer if it is a plain 200;
    /// anything else comes back as the handler answered.
    async fn render_entry(
        &self,
        next: Next,
        request: Request,
        generation: u64,
        minute: i64,
    ) -> Result<Entry, Response> {
        let response = self.render(next, request).await;
        // Anything the compression layer inside compressed is not the identity body to keep.
        if !kept(response.status(), response.headers())
            || response.headers().contains_key(header::CONTENT_ENCODING)
        {
            return Err(response);
        }
        let (parts, body) = response.into_parts();
        // Every body here is already in memory (rendered strings), so collecting it costs a copy.
        let body = axum::body::to_bytes(body, usize::MAX)
            .await
            .map_err(|err| {
                tracing::warn!("cannot read a rendered body: {err}");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            })?;
        let per_version = parts.extensions.get::<PerVersion>().is_some();
        Ok(Entry::new(
            generation,
            (!per_version).then_some(minute),
            parts.headers,
            body,
        ))
    }

    /// Render `request` for this request alone, without keeping it, and answer it as a kept
    /// answer would be (compressed here, HEAD, conditional).
    async fn answer_unkept(
        &self,
        next: Next,
        request: Request,
        key: &str,
        wanted: &Wanted,
    ) -> Response {
        match self.render_entry(next, request, u64::MAX, i64::MIN).await {
            Ok(entry) => answer(self, key, &Arc::new(entry), wanted).await,
            Err(response) => response,
        }
    }

    /// Run the handler, waiting for one of the [`RENDERS`] permits.
    async fn render(&self, next: Next, request: Request) -> Response {
        // The semaphore is never closed, so acquiring only waits.
        let _permit = self.renders.acquire().await.ok();
        render(next, request).await
    }

    /// `entry`'s body in `coding`, compressed on first ask (one compression however many ask
    /// at once); `None` when compressing does not make it smaller.
    async fn encoded(&self, key: &str, entry: &Arc<Entry>, coding: Coding) -> Option<Bytes> {
        let mut grew = false;
        let packed = entry
            .cell(coding)
            .get_or_init(|| async {
                // The semaphore is never closed, so acquiring only waits.
                let _permit = self.renders.acquire().await.ok();
                let packed = on_blocking_thread(|| compress(coding, &entry.body));
                self.compressions.fetch_add(1, Ordering::Relaxed);
                let packed = packed.filter(|packed| packed.len() < entry.body.len())?;
                grew = true;
                Some(packed)
            })
            .await
            .clone();
        if grew {
            // Boxed: the hit path's future stays small (it is moved on every request).
            Box::pin(self.reweigh(key, entry)).await;
        }
        packed
    }

    /// Count the compressed body `entry` holds now, if it is still the one kept for `key` (moka
    /// weighs an entry when it is inserted).
    async fn reweigh(&self, key: &str, entry: &Arc<Entry>) {
        let kept = self.entries.get(key).await.flatten();
        if kept.is_some_and(|kept| Arc::ptr_eq(&kept, entry)) {
            self.entries
                .insert(key.to_owned(), Some(Arc::clone(entry)))
                .await;
        }
    }
}

/// A content coding the cache compresses to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Coding {
    Br,
    Gzip,
}

impl Coding {
    pub(super) fn name(self) -> &'static str {
        match self {
            Coding::Br => "br",
            Coding::Gzip => "gzip",
        }
    }
}

/// The codings a request accepts, most preferred first (`q` values; brotli before gzip when
/// equal). `identity` needs no entry: it is the fallback. Read on every request, so it
/// allocates nothing.
pub(super) fn accepted(headers: &HeaderMap) -> Codings {
    let (mut br, mut gzip, mut any) = (None, None, None);
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q=").or(p.trim().strip_prefix("Q=")))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
                .unwrap_or(0.0);
            if name.eq_ignore_ascii_case("br") {
                br = Some(q);
            } else if name.eq_ignore_ascii_case("gzip") || name.eq_ignore_ascii_case("x-gzip") {
                gzip = Some(q);
            } else if name == "*" {
                any = Some(q);
            }
        }
    }
    let weight = |q: Option<f32>| q.filter(|q| *q > 0.0);
    let (br, gzip) = (weight(br.or(any)), weight(gzip.or(any)));
    let coding = |coding, q: Option<f32>| q.map(|_| coding);
    // Brotli first when the weights are equal.
    if gzip > br {
        [coding(Coding::Gzip, gzip), coding(Coding::Br, br)]
    } else {
        [coding(Coding::Br, br), coding(Coding::Gzip, gzip)]
    }
}

/// The codings a request accepts, most preferred first.
pub(super) type Codings = [Option<Coding>; 2];

/// `body` compressed; `None` if the encoder fails (it writes to memory, so it does not).
pub(super) fn compress(coding: Coding, body: &[u8]) -> Option<Bytes> {
    let mut out = Vec::with_capacity(body.len() / 4 + 64);
    match coding {
        Coding::Gzip => {
            let mut encoder =
                flate2::write::GzEncoder::new(&mut out, flate2::Compression::default());
            encoder.write_all(body).ok()?;
            encoder.finish().ok()?;
        }
        Coding::Br => {
            let params = brotli::enc::BrotliEncoderParams {
                quality: BROTLI_QUALITY,
                ..Default::default()
            };
            brotli::BrotliCompress(&mut &body[..], &mut out, &params).ok()?;
        }
    }
    Some(Bytes::from(out))
}

/// The cache key of a request, or `None` when it must not be cached.
fn key(request: &Request) -> Option<String> {
    let method = request.method();
    if (method != Method::GET && method != Method::HEAD) || request.uri().path() == "/healthz" {
        return None;
    }
    // The answer depends on the path and query, not on the authority an absolute-form request
    // line names (links come from the public URL or the forwarded origin).
    let uri = request.uri().path_and_query().map_or("/", |pq| pq.as_str());
    let cookie = super::pages::tz_cookie(request.headers());
    let cookie = cookie.as_deref().unwrap_or_default();
    // Of `Accept-Language`, only the languages Touchpoint speaks and the clock each would read
    // change a page: they are all the key keeps of it.
    let language = super::pages::language_key(request.headers());
    let origin = request.extensions().get::<Origin>().map_or("", |o| &o.0);
    let mut key =
        String::with_capacity(uri.len() + cookie.len() + language.len() + origin.len() + 8);
    for part in [uri, "\n", cookie, "\n", &language, "\n", origin] {
        key.push_str(part);
    }
    Some(key)
}

/// What a request wants of a kept entry.
struct Wanted {
    head: bool,
    /// The request's `If-None-Match` and `If-Modified-Since`.
    conditions: HeaderMap,
    codings: Codings,
}

impl Wanted {
    fn of(request: &Request) -> Wanted {
        let mut conditions = HeaderMap::new();
        for name in [header::IF_NONE_MATCH, header::IF_MODIFIED_SINCE] {
            if let Some(value) = request.headers().get(&name) {
                conditions.insert(name, value.clone());
            }
        }
        Wanted {
            head: request.method() == Method::HEAD,
            conditions,
            codings: accepted(request.headers()),
        }
    }

    /// Whether the client's copy is current (the handlers' own rule, on the kept validators).
    fn has_current(&self, entry: &Entry) -> bool {
        if self.conditions.is_empty() {
            return false;
        }
        let etag = entry
            .headers
            .get(header::ETAG)
            .and_then(|v| v.to_str().ok());
        let last_modified = entry
            .headers
            .get(header::LAST_MODIFIED)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| httpdate::parse_http_date(v).ok())
            .and_then(|at| Timestamp::try_from(at).ok());
        if etag.is_none() && last_modified.is_none() {
            return false;
        }
        super::publish::not_modified(&self.conditions, etag.unwrap_or(""), last_modified)
    }
}

/// The request the handler sees: a plain GET, so what it renders is the full 200 to keep.
fn plain_get(mut request: Request) -> Request {
    *request.method_mut() = Method::GET;
    let headers = request.headers_mut();
    headers.remove(header::IF_NONE_MATCH);
    headers.remove(header::IF_MODIFIED_SINCE);
    request
}

/// The answer to `wanted` from a kept entry: 304, headers only (HEAD) or the body in the
/// client's preferred encoding.
async fn answer(cache: &ResponseCache, key: &str, entry: &Arc<Entry>, wanted: &Wanted) -> Response {
    // Room for the coding and the security headers the layers outside add: a clone would be
    // exactly full and grow twice (26,990 -> 26,468 instructions per cached `/`,
    // BENCHMARKS.md, "`/` against nginx").
    let mut headers = HeaderMap::with_capacity(entry.headers.len() + 4);
    headers.extend(entry.headers.iter().map(|(k, v)| (k.clone(), v.clone())));
    if wanted.has_current(entry) {
        headers.remove(header::CONTENT_TYPE);
        // The validator the 200 would carry: weak when it would be compressed.
        let encoded = entry.compressible
            && (wanted.codings.into_iter().flatten())
                .any(|coding| entry.cell(coding).get().is_none_or(Option::is_some));
        if encoded {
            weaken_etag(&mut headers);
        }
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        *response.headers_mut() = headers;
        return response;
    }
    let mut body = entry.body.clone();
    if entry.compressible {
        for coding in wanted.codings.into_iter().flatten() {
            if let Some(packed) = cache.encoded(key, entry, coding).await {
                headers.insert(
                    header::CONTENT_ENCODING,
                    HeaderValue::from_static(coding.name()),
                );
                weaken_etag(&mut headers);
                body = packed;
                break;
            }
        }
    }
    let mut response = if wanted.head {
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        Response::new(Body::empty())
    } else {
        Response::new(Body::from(body))
    };
    *response.headers_mut() = headers;
    response
}

/// Makes a strong ETag weak (`"x"` → `W/"x"`), for a compressed body: a strong validator names
/// one sequence of bytes (RFC 9110 §8.8.1), and the identity, gzip and br bodies are three, the
/// same content. A client's `If-None-Match` is compared weakly, so each still gets its 304
/// ([`super::publish::not_modified`]); nginx does the same when it compresses.
pub(super) fn weaken_etag(headers: &mut HeaderMap) {
    if let Some(weak) = headers
        .get(header::ETAG)
        .and_then(|tag| tag.to_str().ok())
        .filter(|tag| tag.starts_with('"'))
        .and_then(|tag| HeaderValue::from_str(&format!("W/{tag}")).ok())
    {
        headers.insert(header::ETAG, weak);
    }
}

/// Run CPU work; on the multi-threaded runtime, off the worker's queue (`block_in_place`), so
/// it does not hold up the tasks queued behind it.
fn on_blocking_thread<T>(work: impl FnOnce() -> T) -> T {
    use tokio::runtime::{Handle, RuntimeFlavor};
    if Handle::current().runtime_flavor() == RuntimeFlavor::MultiThread {
        tokio::task::block_in_place(work)
    } else {
        work()
    }
}

/// Run the handler off the worker's queue (see [`on_blocking_thread`]).
async fn render(next: Next, request: Request) -> Response {
    use tokio::runtime::{Handle, RuntimeFlavor};
    let handle = Handle::current();
    if handle.runtime_flavor() == RuntimeFlavor::MultiThread {
        tokio::task::block_in_place(|| handle.block_on(next.run(request)))
    } else {
        next.run(request).await
    }
}

/// The middleware: answer from the cache, or render, keep the result and answer from it.
pub async fn middleware(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(key) = key(&request) else {
        return next.run(request).await;
    };
    let cache = &state.cache;
    let wanted = Wanted::of(&request);
    let generation = state.generation();
    let minute = state.now().as_second().div_euclid(60);
    if let Some(origin) = request.extensions().get::<Origin>()
        && !cache.keeps(origin)
    {
        let request = plain_get(request);
        return Box::pin(cache.answer_unkept(next, request, &key, &wanted)).await;
    }
    // The first request for a key (or for a key whose entry went stale) renders it; the others
    // wait and take what it kept. The render runs only here, so the request stays ours until
    // then, and its answer, when not kept, comes back through `own`.
    let mut pending = Some((next, plain_get(request)));
    let mut own = None;
    let kept = cache
        .entries
        .entry(key.clone())
        .or_insert_with_if(
            async {
                let (next, request) = pending.take()?;
                // Boxed: a hit never renders, and its future is moved on every request.
                let rendered = Box::pin(cache.render_entry(next, request, generation, minute));
                match rendered.await {
                    Ok(entry) => Some(Arc::new(entry)),
                    Err(response) => {
                        own = Some(response);
                        None
                    }
                }
            },
            |kept| {
                !kept
                    .as_deref()
                    .is_some_and(|entry| entry.holds_for(generation, minute))
            },
        )
        .await
        .into_value();
    match (kept, own, pending) {
        (_, Some(response), _) => response,
        (Some(entry), None, _) => answer(cache, &key, &entry, &wanted).await,
        // Another request's render was not kept (an error page, `no-store`): render this one too.
        (None, None, Some((next, request))) => {
            Box::pin(cache.answer_unkept(next, request, &key, &wanted)).await
        }
        (None, None, None) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
    use std::time::Duration;

    use axum::Router;
    use axum::body::Body;
    use axum::http::{HeaderMap, Method, Request, StatusCode, header};
    use axum::response::{IntoResponse, Response};
    use axum::routing::get;
    use jiff::Timestamp;
    use touchpoint_site::Site;
    use tower::ServiceExt;

    use super::{AppState, MAX_BYTES, MAX_ENTRY, ORIGINS, PerVersion, middleware};

    /// The answer a test route renders.
    #[derive(Clone, Copy)]
    struct Render {
        body: &'static str,
        /// Repeated this many times.
        times: usize,
        per_version: bool,
    }

    /// A site with a clock tests move (seconds since the epoch).
    fn state(clock: Arc<AtomicI64>) -> AppState {
        let checked =
            touchpoint_community::parse("[community]\nname = \"Test\"\ntimezone = \"UTC\"\n")
                .expect("a valid community");
        let site = Site::new(checked.community, Vec::new(), Timestamp::UNIX_EPOCH);
        AppState::new(
            site,
            Arc::new(move || Timestamp::from_second(clock.load(Ordering::SeqCst)).unwrap()),
        )
    }

    /// A router whose one route counts its renders and takes a while, behind the cache. The
    /// answer carries validators, as the feeds' do.
    fn counting_with(path: &'static str, render: Render) -> (Router, AppState, Arc<AtomicUsize>) {
        let state = state(Arc::default());
        let renders = Arc::new(AtomicUsize::new(0));
        let count = Arc::clone(&renders);
        let router = Router::new()
            .route(
                path,
                get(move |request: HeaderMap| {
                    let count = Arc::clone(&count);
                    async move {
                        assert!(
                            !request.contains_key(header::IF_NONE_MATCH),
                            "the handler saw a conditional request"
                        );
                        count.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        let mut response = (
                            [
                                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                                (header::ETAG, "\"v1\""),
                                (header::LAST_MODIFIED, "Wed, 25 Nov 2026 12:00:00 GMT"),
                                (header::CACHE_CONTROL, "public, max-age=900"),
                            ],
                            render.body.repeat(render.times),
                        )
                            .into_response();
                        if render.per_version {
                            response.extensions_mut().insert(PerVersion);
                        }
                        response
                    }
                }),
            )
            .layer(axum::middleware::from_fn_with_state(
                state.clone(),
                middleware,
            ));
        (router, state, renders)
    }

    fn counting(path: &'static str, body: &'static str) -> (Router, Arc<AtomicUsize>) {
        let render = Render {
            body,
            times: 1,
            per_version: false,
        };
        let (router, _, renders) = counting_with(path, render);
        (router, renders)
    }

    async fn send(router: Router, request: Request<Body>) -> (Response, Vec<u8>) {
        let answer = router.oneshot(request).await.unwrap();
        let (parts, body) = answer.into_parts();
        let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
        (Response::from_parts(parts, Body::empty()), bytes.to_vec())
    }

    async fn body_of(router: Router, path: &str) -> (StatusCode, String) {
        let request = Request::get(path).body(Body::empty()).unwrap();
        let (answer, body) = send(router, request).await;
        (answer.status(), String::from_utf8(body).unwrap())
    }

    fn header(answer: &Response, name: header::HeaderName) -> &str {
        answer
            .headers()
            .get(name)
            .map_or("", |v| v.to_str().unwrap())
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn renders_an_answer_once_however_many_ask_for_it_at_once() {
        let (router, renders) = counting("/slow", "rendered");
        let asks: Vec<_> = (0..8)
            .map(|_| tokio::spawn(body_of(router.clone(), "/slow")))
            .collect();
        for ask in asks {
            assert_eq!(ask.await.unwrap(), (StatusCode::OK, "rendered".to_owned()));
        }
        assert_eq!(renders.load(Ordering::SeqCst), 1, "rendered more than once");
        // Another query string is another answer: rendered on its own.
        assert_eq!(body_of(router, "/slow?x=1").await.1, "rendered");
        assert_eq!(renders.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn answers_head_and_if_none_match_from_the_kept_answer() {
        let (router, renders) = counting("/feed.ics", "BEGIN:VCALENDAR");
        // A calendar app's poll on a cold cache: rendered once, as a plain GET, and answered 304.
        let poll = || {
            Request::get("/feed.ics")
                .header(header::IF_NONE_MATCH, "\"v1\"")
                .body(Body::empty())
                .unwrap()
        };
        let (answer, body) = send(router.clone(), poll()).await;
        assert_eq!(answer.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(header(&answer, header::ETAG), "\"v1\"");
        assert_eq!(
            header(&answer, header::CACHE_CONTROL),
            "public, max-age=900"
        );
        assert!(body.is_empty());
        // Later polls, HEAD and a plain GET come from the kept answer.
        let (answer, _) = send(router.clone(), poll()).await;
        assert_eq!(answer.status(), StatusCode::NOT_MODIFIED);
        let head = Request::builder()
            .method(Method::HEAD)
            .uri("/feed.ics")
            .body(Body::empty())
            .unwrap();
        let (answer, body) = send(router.clone(), head).await;
        assert_eq!(answer.status(), StatusCode::OK);
        assert_eq!(header(&answer, header::CONTENT_LENGTH), "15");
        assert_eq!(header(&answer, header::ETAG), "\"v1\"");
        assert!(body.is_empty(), "HEAD got a body");
        assert_eq!(
            body_of(router.clone(), "/feed.ics").await.1,
            "BEGIN:VCALENDAR"
        );
        // An old copy, by ETag or by date, gets the body.
        let stale = Request::get("/feed.ics")
            .header(header::IF_NONE_MATCH, "\"v0\"")
            .body(Body::empty())
            .unwrap();
        let (answer, body) = send(router.clone(), stale).await;
        assert_eq!(answer.status(), StatusCode::OK);
        assert_eq!(body, b"BEGIN:VCALENDAR");
        let older = Request::get("/feed.ics")
            .header(header::IF_MODIFIED_SINCE, "Tue, 24 Nov 2026 12:00:00 GMT")
            .body(Body::empty())
            .unwrap();
        assert_eq!(send(router.clone(), older).await.0.status(), StatusCode::OK);
        let newer = Request::get("/feed.ics")
            .header(header::IF_MODIFIED_SINCE, "Wed, 25 Nov 2026 12:00:00 GMT")
            .body(Body::empty())
            .unwrap();
        assert_eq!(
            send(router, newer).await.0.status(),
            StatusCode::NOT_MODIFIED
        );
        assert_eq!(renders.load(Ordering::SeqCst), 1, "rendered more than once");
    }

    fn gunzip(body: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(body)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    fn unbrotli(body: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        brotli::Decompressor::new(body, 4096)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn compresses_each_kept_answer_once_per_encoding() {
        let render = Render {
            body: "BEGIN:VEVENT\r\nSUMMARY:Weekly call\r\nEND:VEVENT\r\n",
            times: 200,
            per_version: false,
        };
        let (router, state, renders) = counting_with("/all.ics", render);
        let identity = render.body.repeat(render.times).into_bytes();
        let ask = |encoding: &'static str| {
            let router = router.clone();
            async move {
                let request = Request::get("/all.ics")
                    .header(header::ACCEPT_ENCODING, encoding)
                    .body(Body::empty())
                    .unwrap();
                send(router, request).await
            }
        };
        for _ in 0..3 {
            for (encoding, expected, unpack) in [
                ("gzip, deflate, br", "br", unbrotli as fn(&[u8]) -> Vec<u8>),
                ("gzip", "gzip", gunzip),
                ("br;q=0.5, gzip;q=0.8", "gzip", gunzip),
                ("gzip;q=0, *", "br", unbrotli),
            ] {
                let (answer, body) = ask(encoding).await;
                assert_eq!(
                    header(&answer, header::CONTENT_ENCODING),
                    expected,
                    "{encoding}"
                );
                assert!(header(&answer, header::VARY).contains("accept-encoding"));
                // Other bytes than the identity body's: a weak validator.
                assert_eq!(header(&answer, header::ETAG), "W/\"v1\"", "{encoding}");
                assert!(
                    body.len() * 5 < identity.len(),
                    "{encoding}: poorly compressed"
                );
                assert_eq!(unpack(&body), identity, "{encoding}");
            }
            for encoding in ["identity", "br;q=0, gzip;q=0", ""] {
                let (answer, body) = ask(encoding).await;
                assert_eq!(
                    header(&answer, header::CONTENT_ENCODING),
                    "",
                    "{encoding:?}"
                );
                assert!(header(&answer, header::VARY).contains("accept-encoding"));
                assert_eq!(header(&answer, header::ETAG), "\"v1\"", "{encoding:?}");
                assert_eq!(body, identity);
            }
        }
        // Each client's poll with the validator it was given is a 304 carrying that validator.
        for (encoding, tag) in [("gzip, br", "W/\"v1\""), ("identity", "\"v1\"")] {
            let request = Request::get("/all.ics")
                .header(header::ACCEPT_ENCODING, encoding)
                .header(header::IF_NONE_MATCH, tag)
                .body(Body::empty())
                .unwrap();
            let (answer, _) = send(router.clone(), request).await;
            assert_eq!(answer.status(), StatusCode::NOT_MODIFIED, "{encoding}");
            assert_eq!(header(&answer, header::ETAG), tag, "{encoding}");
        }
        assert_eq!(renders.load(Ordering::SeqCst), 1);
        assert_eq!(
            state.cache.compressions.load(Ordering::SeqCst),
            2,
            "compressed more than once per encoding"
        );
    }

    /// A feed one body of 16 bytes over [`MAX_ENTRY`].
    const TOO_BIG: Render = Render {
        body: "0123456789abcdef",
        times: MAX_ENTRY / 16 + 1,
        per_version: true,
    };

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn renders_an_answer_too_big_to_keep_once_for_concurrent_requests() {
        let (router, _, renders) = counting_with("/all.ics", TOO_BIG);
        let asks: Vec<_> = (0..6)
            .map(|_| tokio::spawn(body_of(router.clone(), "/all.ics")))
            .collect();
        for ask in asks {
            let (status, body) = ask.await.unwrap();
            assert_eq!(status, StatusCode::OK);
            assert_eq!(body.len(), MAX_ENTRY + 16);
        }
        assert_eq!(renders.load(Ordering::SeqCst), 1, "rendered more than once");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn keeps_no_answer_too_big_and_no_error_for_the_next_request() {
        let (router, _, renders) = counting_with("/all.ics", TOO_BIG);
        for _ in 0..2 {
            assert_eq!(body_of(router.clone(), "/all.ics").await.0, StatusCode::OK);
        }
        assert_eq!(
            renders.load(Ordering::SeqCst),
            2,
            "kept a body over MAX_ENTRY"
        );
        for _ in 0..2 {
            assert_eq!(
                body_of(router.clone(), "/nowhere").await.0,
                StatusCode::NOT_FOUND
            );
        }
        assert_eq!(renders.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn keeps_at_most_max_bytes_of_bodies() {
        let state = state(Arc::default());
        // 48 answers of 1 MiB each, under different query strings: half again the budget.
        let router = Router::new()
            .route("/big", get(|| async { "x".repeat(1 << 20) }))
            .layer(axum::middleware::from_fn_with_state(
                state.clone(),
                middleware,
            ));
        for n in 0..48 {
            let (status, body) = body_of(router.clone(), &format!("/big?n={n}")).await;
            assert_eq!((status, body.len()), (StatusCode::OK, 1 << 20));
        }
        state.cache.entries.run_pending_tasks().await;
        let kept = state.cache.entries.weighted_size();
        assert!(kept > 0, "kept nothing");
        assert!(kept <= MAX_BYTES as u64, "kept {kept} bytes");
    }

    /// A flood of requests for a small answer under made-up query strings (each a new key)
    /// holds no more than the budget: the keys and headers are counted, not only the bodies.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn counts_keys_and_headers_against_max_bytes() {
        let state = state(Arc::default());
        let router = Router::new()
            .route(
                "/favicon.svg",
                get(|| async {
                    let mut response = "<svg/>".into_response();
                    response.extensions_mut().insert(PerVersion);
                    response
                }),
            )
            .layer(axum::middleware::from_fn_with_state(
                state.clone(),
                middleware,
            ));
        let junk = "a".repeat(15_000);
        for n in 0..3_000 {
            let (status, _) = body_of(router.clone(), &format!("/favicon.svg?x={n}{junk}")).await;
            assert_eq!(status, StatusCode::OK);
        }
        state.cache.entries.run_pending_tasks().await;
        let (kept, count) = (
            state.cache.entries.weighted_size(),
            state.cache.entries.entry_count(),
        );
        assert!(kept <= MAX_BYTES as u64, "kept {kept} bytes");
        // 45 MB of keys were asked for: at most the budget's worth stays.
        assert!(
            count > 0 && count <= (MAX_BYTES / 15_000) as u64,
            "{count} entries"
        );
        assert!(kept >= count * 15_000, "{kept} bytes for {count} keys");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn keeps_per_version_answers_across_minutes_and_others_for_one() {
        let clock = Arc::new(AtomicI64::new(1_800_000_000));
        let state = state(Arc::clone(&clock));
        let renders = Arc::new(AtomicUsize::new(0));
        let route = |per_version: bool| {
            let renders = Arc::clone(&renders);
            get(move || {
                let renders = Arc::clone(&renders);
                async move {
                    renders.fetch_add(1, Ordering::SeqCst);
                    let mut response = "rendered".into_response();
                    if per_version {
                        response.extensions_mut().insert(PerVersion);
                    }
                    response
                }
            })
        };
        let router = Router::new()
            .route("/feed.ics", route(true))
            .route("/page", route(false))
            .layer(axum::middleware::from_fn_with_state(
                state.clone(),
                middleware,
            ));
        for path in ["/feed.ics", "/page", "/feed.ics", "/page"] {
            body_of(router.clone(), path).await;
        }
        assert_eq!(renders.load(Ordering::SeqCst), 2);
        // A minute later the page is rendered again, the feed is not.
        clock.fetch_add(60, Ordering::SeqCst);
        for path in ["/feed.ics", "/page"] {
            body_of(router.clone(), path).await;
        }
        assert_eq!(renders.load(Ordering::SeqCst), 3);
        // A new site: both again.
        let site = state.site();
        state.replace_site(Site::clone(&site));
        for path in ["/feed.ics", "/page"] {
            body_of(router.clone(), path).await;
        }
        assert_eq!(renders.load(Ordering::SeqCst), 5);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn keeps_answers_for_the_first_origins_only() {
        let state = state(Arc::default()).trusting_forwarded(true);
        let renders = Arc::new(AtomicUsize::new(0));
        let count = Arc::clone(&renders);
        let router = Router::new()
            .route(
                "/page",
                get(move || {
                    count.fetch_add(1, Ordering::SeqCst);
                    async { "rendered" }
                }),
            )
            .layer(axum::middleware::from_fn_with_state(
                state.clone(),
                middleware,
            ))
            .layer(axum::middleware::from_fn_with_state(
                state.clone(),
                super::super::forwarded::middleware,
            ));
        let ask = |host: String| {
            let router = router.clone();
            async move {
                let request = Request::get("/page")
                    .header("x-forwarded-proto", "https")
                    .header("x-forwarded-host", host)
                    .body(Body::empty())
                    .unwrap();
                assert_eq!(send(router, request).await.0.status(), StatusCode::OK);
            }
        };
        let rendered = || renders.load(Ordering::SeqCst);
        // The site's own origin: rendered once, then kept.
        ask("example.org".to_owned()).await;
        ask("example.org".to_owned()).await;
        assert_eq!(rendered(), 1);
        // Made-up hosts: each rendered; only the first few kept.
        for n in 0..50 {
            ask(format!("h{n}.example")).await;
        }
        assert_eq!(rendered(), 51);
        state.cache.entries.run_pending_tasks().await;
        assert!(state.cache.entries.entry_count() <= ORIGINS as u64);
        // The site's origin was not evicted; a host past the bound is never kept.
        ask("example.org".to_owned()).await;
        assert_eq!(rendered(), 51, "the first origin's answer was evicted");
        ask("h40.example".to_owned()).await;
        ask("h40.example".to_owned()).await;
        assert_eq!(rendered(), 53, "kept an answer past the origins' bound");
        // A new site starts the count again.
        let site = state.site();
        state.replace_site(Site::clone(&site));
        ask("h40.example".to_owned()).await;
        ask("h40.example".to_owned()).await;
        assert_eq!(rendered(), 54);
    }
}
