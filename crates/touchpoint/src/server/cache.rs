//! A small cache of rendered responses, so a busy page costs one render a minute, not one per
//! request.
//!
//! What a GET answers depends on the URI, the `tz` cookie (pages), the site being served and the
//! minute ("starts in 2 h" markers): that is the key. Swapping in a new site or a new minute
//! empties the cache, so nothing stale is ever served. Conditional requests go to the handlers
//! (they answer 304 themselves), as do HEAD requests and anything but a plain 200. The cache is
//! bounded in bytes and in the size of one entry; when full it starts over.
//!
//! Rendering is CPU work (a big community's feed or a long API window takes a while), so at most
//! [`RENDERS`] renders run at once — memory stays bounded however many clients ask — and each
//! runs with `block_in_place`, so the runtime's other tasks (cached answers, `/healthz`) move to
//! another thread instead of waiting behind it. Concurrent asks for one answer render it once:
//! the others wait for that render and find it in the cache (or, for an answer too big to keep,
//! render it one after another).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;

/// Most bytes of bodies kept at once.
const MAX_BYTES: usize = 16 << 20;
/// Bodies larger than this are served but not kept.
const MAX_ENTRY: usize = 8 << 20;

/// Most renders running at once.
pub const RENDERS: usize = 4;

/// Rendered responses of one site generation and one minute.
pub struct ResponseCache {
    inner: Mutex<Inner>,
    renders: tokio::sync::Semaphore,
    /// One lock per key being rendered: concurrent requests for one answer wait for the first
    /// render instead of each rendering it (one render's memory, not [`RENDERS`] times it).
    rendering: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

impl Default for ResponseCache {
    fn default() -> ResponseCache {
        ResponseCache {
            inner: Mutex::default(),
            renders: tokio::sync::Semaphore::new(RENDERS),
            rendering: Mutex::default(),
        }
    }
}

#[derive(Default)]
struct Inner {
    /// (site generation, minute) the entries belong to.
    stamp: (u64, i64),
    bytes: usize,
    entries: HashMap<String, Entry>,
}

#[derive(Clone)]
struct Entry {
    headers: HeaderMap,
    body: Bytes,
}

impl ResponseCache {
    fn get(&self, key: &str, stamp: (u64, i64)) -> Option<Entry> {
        let inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        (inner.stamp == stamp)
            .then(|| inner.entries.get(key).cloned())
            .flatten()
    }

    fn put(&self, key: String, stamp: (u64, i64), entry: Entry) {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if inner.stamp != stamp || inner.bytes + entry.body.len() > MAX_BYTES {
            inner.entries.clear();
            inner.bytes = 0;
            inner.stamp = stamp;
        }
        inner.bytes += entry.body.len();
        if let Some(old) = inner.entries.insert(key, entry) {
            inner.bytes -= old.body.len();
        }
    }
}

/// The cache key of a request, or `None` when it must not be cached.
fn key(request: &Request) -> Option<String> {
    let headers = request.headers();
    if request.method() != Method::GET
        || headers.contains_key(header::IF_NONE_MATCH)
        || headers.contains_key(header::IF_MODIFIED_SINCE)
        || request.uri().path() == "/healthz"
    {
        return None;
    }
    let cookie = super::pages::tz_cookie(headers).unwrap_or_default();
    Some(format!("{}\n{cookie}", request.uri()))
}

impl Entry {
    fn into_response(self) -> Response {
        let mut response = Body::from(self.body).into_response();
        *response.headers_mut() = self.headers;
        response
    }
}

/// Removes a key's render lock from the map when dropped, unless a later request put in
/// another one meanwhile.
struct Forget<'a> {
    cache: &'a ResponseCache,
    key: String,
    lock: Arc<tokio::sync::Mutex<()>>,
}

impl Drop for Forget<'_> {
    fn drop(&mut self) {
        let mut rendering = self
            .cache
            .rendering
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if rendering
            .get(&self.key)
            .is_some_and(|lock| Arc::ptr_eq(lock, &self.lock))
        {
            rendering.remove(&self.key);
        }
    }
}

/// Run the handler; on the multi-threaded runtime, off the worker's queue (`block_in_place`), so
/// a long render does not hold up the tasks queued behind it.
async fn render(next: Next, request: Request) -> Response {
    use tokio::runtime::{Handle, RuntimeFlavor};
    let handle = Handle::current();
    if handle.runtime_flavor() == RuntimeFlavor::MultiThread {
        tokio::task::block_in_place(|| handle.block_on(next.run(request)))
    } else {
        next.run(request).await
    }
}

/// The middleware: serve from the cache, or render and keep the result.
pub async fn middleware(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(key) = key(&request) else {
        return next.run(request).await;
    };
    let stamp = (state.generation(), state.now().as_second().div_euclid(60));
    if let Some(hit) = state.cache.get(&key, stamp) {
        return hit.into_response();
    }
    // The first request for a key renders it; the others wait here, then find it cached. The
    // key's lock leaves the map once this request is done (after its answer is kept).
    let lock = Arc::clone(
        state
            .cache
            .rendering
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .entry(key.clone())
            .or_default(),
    );
    let forget = Forget {
        cache: &state.cache,
        key: key.clone(),
        lock,
    };
    let _rendering = forget.lock.lock().await;
    if let Some(hit) = state.cache.get(&key, stamp) {
        return hit.into_response();
    }
    // The semaphore is never closed, so acquiring only waits.
    let _permit = state.cache.renders.acquire().await.ok();
    let response = render(next, request).await;
    let no_store = response
        .headers()
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("no-store"));
    if response.status() != StatusCode::OK || no_store {
        return response;
    }
    let (parts, body) = response.into_parts();
    // Every body here is already in memory (rendered strings), so collecting it costs a copy.
    let body = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(body) => body,
        Err(err) => {
            tracing::warn!("cannot read a rendered body: {err}");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if body.len() <= MAX_ENTRY {
        state.cache.put(
            key,
            stamp,
            Entry {
                headers: parts.headers.clone(),
                body: body.clone(),
            },
        );
    }
    Response::from_parts(parts, Body::from(body))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use axum::Router;
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use axum::routing::get;
    use jiff::Timestamp;
    use touchpoint_site::Site;
    use tower::ServiceExt;

    use super::{AppState, middleware};

    /// A router whose one route counts its renders and takes a while, behind the cache.
    fn counting(path: &'static str, body: &'static str) -> (Router, Arc<AtomicUsize>) {
        let checked =
            touchpoint_community::parse("[community]\nname = \"Test\"\ntimezone = \"UTC\"\n")
                .expect("a valid community");
        let site = Site::new(checked.community, Vec::new(), Timestamp::UNIX_EPOCH);
        let state = AppState::new(site, Arc::new(|| Timestamp::UNIX_EPOCH));
        let renders = Arc::new(AtomicUsize::new(0));
        let count = Arc::clone(&renders);
        let router = Router::new()
            .route(
                path,
                get(move || {
                    let count = Arc::clone(&count);
                    async move {
                        count.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        body
                    }
                }),
            )
            .layer(axum::middleware::from_fn_with_state(state, middleware));
        (router, renders)
    }

    async fn body_of(router: Router, path: &str) -> (StatusCode, String) {
        let request = Request::get(path).body(Body::empty()).unwrap();
        let answer = router.oneshot(request).await.unwrap();
        let status = answer.status();
        let bytes = axum::body::to_bytes(answer.into_body(), usize::MAX)
            .await
            .unwrap();
        (status, String::from_utf8(bytes.to_vec()).unwrap())
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
}
