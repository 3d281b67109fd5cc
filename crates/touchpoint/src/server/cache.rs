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
//! another thread instead of waiting behind it. A request that waited for a permit looks in the
//! cache again: concurrent asks for one page render it once.

use std::collections::HashMap;
use std::sync::Mutex;

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
}

impl Default for ResponseCache {
    fn default() -> ResponseCache {
        ResponseCache {
            inner: Mutex::default(),
            renders: tokio::sync::Semaphore::new(RENDERS),
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
    // The semaphore is never closed, so acquiring only waits.
    let _permit = state.cache.renders.acquire().await.ok();
    if let Some(hit) = state.cache.get(&key, stamp) {
        return hit.into_response();
    }
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
