//! Fetching and refreshing against real local servers on 127.0.0.1 that the tests start: a
//! well-behaved feed (ETag, Last-Modified, gzip) and the misbehaviours met in the wild (500s, a
//! server that never answers, a trickle, an endless body, a redirect loop, HTML instead of
//! iCalendar). Every failure must leave the last good copy in the store.

use std::convert::Infallible;
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use bytes::Bytes;
use jiff::Timestamp;
use touchpoint_fetch::{
    FetchConfig, FetchErrorKind, FetchOutcome, Fetcher, Location, RefreshOutcome, refresh_one,
};
#[path = "support/copies.rs"]
mod copies;
use copies::MemoryCopies;

const LAST_MODIFIED: &str = "Tue, 01 Sep 2026 10:00:00 GMT";

fn calendar(summary: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:a@test\r\n\
         DTSTAMP:20260101T000000Z\r\nDTSTART:20260105T170000Z\r\nDTEND:20260105T180000Z\r\n\
         SUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
}

/// What the feed server serves and what it saw.
#[derive(Default)]
struct Feed {
    /// The body and its generation (the ETag).
    current: Mutex<(String, u64)>,
    /// The headers of the last request to any route.
    last_request: Mutex<HeaderMap>,
    /// Bytes produced by the endless body so far.
    streamed: AtomicU64,
}

impl Feed {
    fn set(&self, body: String) {
        let mut current = self.current.lock().unwrap();
        current.0 = body;
        current.1 += 1;
    }

    fn header(&self, name: header::HeaderName) -> Option<String> {
        let headers = self.last_request.lock().unwrap();
        headers.get(name).map(|v| v.to_str().unwrap().to_owned())
    }
}

struct Server {
    base: String,
    feed: Arc<Feed>,
}

impl Server {
    fn at(&self, path: &str) -> Location {
        Location::url(&format!("{}{path}", self.base)).unwrap()
    }
}

async fn start() -> Server {
    let feed = Arc::new(Feed::default());
    feed.set(calendar("Weekly sync"));
    let app = Router::new()
        .route("/feed.ics", get(serve_feed))
        .route("/lm.ics", get(serve_last_modified_only))
        .route("/500", get(|| async { StatusCode::INTERNAL_SERVER_ERROR }))
        .route("/html", get(serve_html))
        .route("/cut", get(serve_cut))
        .route("/loop", get(|| async { redirect("/loop") }))
        .route("/hop/{n}", get(serve_hop))
        .route("/gzip.ics", get(serve_gzip))
        .route("/endless", get(serve_endless))
        .route("/trickle/{chunks}", get(serve_trickle))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&feed),
            record_headers,
        ))
        .with_state(Arc::clone(&feed));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Server { base, feed }
}

async fn record_headers(
    State(feed): State<Arc<Feed>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    *feed.last_request.lock().unwrap() = request.headers().clone();
    next.run(request).await
}

async fn serve_feed(State(feed): State<Arc<Feed>>, headers: HeaderMap) -> Response {
    let (body, generation) = feed.current.lock().unwrap().clone();
    let etag = format!("\"gen-{generation}\"");
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v == etag.as_str())
    {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
    }
    (
        [
            (header::CONTENT_TYPE, "text/calendar".to_owned()),
            (header::ETAG, etag),
            (header::LAST_MODIFIED, LAST_MODIFIED.to_owned()),
        ],
        body,
    )
        .into_response()
}

async fn serve_last_modified_only(State(feed): State<Arc<Feed>>, headers: HeaderMap) -> Response {
    if headers
        .get(header::IF_MODIFIED_SINCE)
        .is_some_and(|v| v == LAST_MODIFIED)
    {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    let body = feed.current.lock().unwrap().0.clone();
    ([(header::LAST_MODIFIED, LAST_MODIFIED)], body).into_response()
}

/// The feed's calendar cut off after its event, before END:VCALENDAR, with the length of what
/// is sent: an export that stopped half-way.
async fn serve_cut(State(feed): State<Arc<Feed>>) -> Response {
    let body = feed
        .current
        .lock()
        .unwrap()
        .0
        .replace("END:VCALENDAR\r\n", "");
    ([(header::CONTENT_TYPE, "text/calendar")], body).into_response()
}

async fn serve_html() -> Response {
    (
        [(header::CONTENT_TYPE, "text/html")],
        "<!DOCTYPE html><html><body>Please sign in</body></html>",
    )
        .into_response()
}

fn redirect(to: &str) -> Response {
    (StatusCode::FOUND, [(header::LOCATION, to.to_owned())]).into_response()
}

async fn serve_hop(Path(n): Path<u32>, state: State<Arc<Feed>>, headers: HeaderMap) -> Response {
    if n == 0 {
        serve_feed(state, headers).await
    } else {
        redirect(&format!("/hop/{}", n - 1))
    }
}

async fn serve_gzip(State(feed): State<Arc<Feed>>, headers: HeaderMap) -> Response {
    let accepts_gzip = headers
        .get(header::ACCEPT_ENCODING)
        .is_some_and(|v| v.to_str().unwrap().contains("gzip"));
    if !accepts_gzip {
        return StatusCode::NOT_ACCEPTABLE.into_response();
    }
    let body = feed.current.lock().unwrap().0.clone();
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(body.as_bytes()).unwrap();
    (
        [(header::CONTENT_ENCODING, "gzip")],
        encoder.finish().unwrap(),
    )
        .into_response()
}

/// A calendar that never ends, 64 KiB at a time, counting what it produced.
async fn serve_endless(State(feed): State<Arc<Feed>>) -> Response {
    let chunk = Bytes::from("X-FILLER:0123456789abcdef0123456789abcdef\r\n".repeat(1490));
    let first = futures_util::stream::once(async {
        Ok::<_, Infallible>(Bytes::from("BEGIN:VCALENDAR\r\n"))
    });
    let rest = futures_util::stream::repeat_with(move || {
        feed.streamed
            .fetch_add(chunk.len() as u64, Ordering::Relaxed);
        Ok(chunk.clone())
    });
    Body::from_stream(futures_util::StreamExt::chain(first, rest)).into_response()
}

/// A valid calendar sent in `chunks` pieces, 100 ms apart.
async fn serve_trickle(Path(chunks): Path<u64>) -> Response {
    let body = calendar("Slow but sure");
    let size = body.len().div_ceil(chunks as usize);
    let pieces: Vec<Bytes> = body
        .as_bytes()
        .chunks(size)
        .map(Bytes::copy_from_slice)
        .collect();
    let stream = futures_util::StreamExt::then(futures_util::stream::iter(pieces), |piece| async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        Ok::<_, Infallible>(piece)
    });
    Body::from_stream(stream).into_response()
}

/// A server that accepts connections and never says a word.
async fn start_silent() -> Location {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    Location::url(&format!("http://{addr}/feed.ics")).unwrap()
}

/// A fetcher for the servers these tests start on 127.0.0.1, which the default configuration
/// refuses (see `errors_when_a_feed_is_on_loopback_by_default`).
fn fetcher(total_timeout: Duration) -> Fetcher {
    Fetcher::new(FetchConfig {
        connect_timeout: Duration::from_secs(2),
        total_timeout,
        allow_private_addresses: true,
        ..FetchConfig::default()
    })
    .unwrap()
}

fn at(second: i64) -> Timestamp {
    Timestamp::from_second(1_800_000_000 + second).unwrap()
}

/// Store a good copy from the server, then refresh from `bad` twice and check that each
/// failure is recorded with `kind` and `message` while the copy stays.
async fn assert_failure_keeps_the_copy(
    fetcher: &Fetcher,
    server: &Server,
    bad: Location,
    kind: FetchErrorKind,
    message: &str,
) {
    let store = MemoryCopies::default();
    let good = refresh_one(fetcher, &store, "src", &server.at("/feed.ics"), at(0))
        .await
        .unwrap();
    assert!(
        matches!(good.outcome, RefreshOutcome::Updated { version: 1, .. }),
        "{good:?}"
    );
    let before = store.get("src").unwrap();

    for attempt in 1..=2u32 {
        let report = refresh_one(fetcher, &store, "src", &bad, at(i64::from(attempt) * 60))
            .await
            .unwrap();
        assert!(report.is_failure());
        let RefreshOutcome::Failed { error, failures } = report.outcome else {
            unreachable!()
        };
        assert_eq!(error.kind(), kind, "{error}");
        assert_eq!(error.to_string(), message);
        assert_eq!(failures, attempt);

        let after = store.get("src").unwrap();
        assert_eq!(after.body, before.body, "the last good copy is kept");
        assert_eq!(after.etag, before.etag);
        assert_eq!(after.summary, before.summary);
        assert_eq!(after.version, 1);
        assert_eq!(after.fetched_at, Some(at(0)), "the last success is kept");
        assert_eq!(after.checked_at, Some(at(i64::from(attempt) * 60)));
        assert_eq!(after.last_error.as_deref(), Some(message));
        assert_eq!(after.failures, attempt);
    }
}

#[tokio::test]
async fn can_get_304_with_an_etag_and_name_touchpoint_in_the_user_agent() {
    let server = start().await;
    let fetcher = fetcher(Duration::from_secs(5));
    let first = fetcher
        .fetch(&server.at("/feed.ics"), None, None)
        .await
        .unwrap();
    let FetchOutcome::Fetched {
        body,
        etag,
        last_modified,
    } = first
    else {
        panic!("expected a body, got {first:?}");
    };
    assert_eq!(body, calendar("Weekly sync").into_bytes());
    assert_eq!(etag.as_deref(), Some("\"gen-1\""));
    assert_eq!(last_modified.as_deref(), Some(LAST_MODIFIED));
    let ua = server.feed.header(header::USER_AGENT).unwrap();
    assert!(
        ua.starts_with(&format!("touchpoint/{}", env!("CARGO_PKG_VERSION"))),
        "{ua}"
    );

    let second = fetcher
        .fetch(
            &server.at("/feed.ics"),
            etag.as_deref(),
            last_modified.as_deref(),
        )
        .await
        .unwrap();
    assert_eq!(second, FetchOutcome::NotModified);
    assert_eq!(
        server.feed.header(header::IF_NONE_MATCH).as_deref(),
        Some("\"gen-1\"")
    );
    assert_eq!(
        server.feed.header(header::IF_MODIFIED_SINCE).as_deref(),
        Some(LAST_MODIFIED)
    );
}

#[tokio::test]
async fn can_get_304_with_last_modified_alone() {
    let server = start().await;
    let fetcher = fetcher(Duration::from_secs(5));
    let store = MemoryCopies::default();
    let location = server.at("/lm.ics");
    let first = refresh_one(&fetcher, &store, "lm", &location, at(0))
        .await
        .unwrap();
    assert!(matches!(
        first.outcome,
        RefreshOutcome::Updated { version: 1, .. }
    ));
    let second = refresh_one(&fetcher, &store, "lm", &location, at(60))
        .await
        .unwrap();
    assert_eq!(second.outcome, RefreshOutcome::NotModified);
    assert_eq!(server.feed.header(header::IF_NONE_MATCH), None);
    let record = store.get("lm").unwrap();
    assert_eq!((record.version, record.fetched_at), (1, Some(at(60))));
}

#[tokio::test]
async fn can_follow_a_feed_that_changes_between_refreshes() {
    let server = start().await;
    let fetcher = fetcher(Duration::from_secs(5));
    let store = MemoryCopies::default();
    let location = server.at("/feed.ics");

    let first = refresh_one(&fetcher, &store, "openssf", &location, at(0))
        .await
        .unwrap();
    assert_eq!(
        first.outcome,
        RefreshOutcome::Updated {
            version: 1,
            summary: "1 event, 0 warnings".into()
        }
    );
    let same = refresh_one(&fetcher, &store, "openssf", &location, at(60))
        .await
        .unwrap();
    assert_eq!(same.outcome, RefreshOutcome::NotModified);

    server.feed.set(calendar("Weekly sync (moved)"));
    let changed = refresh_one(&fetcher, &store, "openssf", &location, at(120))
        .await
        .unwrap();
    assert!(matches!(
        changed.outcome,
        RefreshOutcome::Updated { version: 2, .. }
    ));
    let record = store.get("openssf").unwrap();
    assert_eq!(
        record.body,
        Some(calendar("Weekly sync (moved)").into_bytes())
    );
    assert_eq!(record.etag.as_deref(), Some("\"gen-2\""));
    assert_eq!(record.version, 2);
}

#[tokio::test]
async fn can_decode_a_gzip_encoded_body() {
    let server = start().await;
    let fetcher = fetcher(Duration::from_secs(5));
    let outcome = fetcher
        .fetch(&server.at("/gzip.ics"), None, None)
        .await
        .unwrap();
    let FetchOutcome::Fetched { body, .. } = outcome else {
        panic!("expected a body, got {outcome:?}");
    };
    assert_eq!(body, calendar("Weekly sync").into_bytes());
}

#[tokio::test]
async fn can_follow_five_redirects() {
    let server = start().await;
    let fetcher = fetcher(Duration::from_secs(5));
    let outcome = fetcher
        .fetch(&server.at("/hop/5"), None, None)
        .await
        .unwrap();
    assert!(matches!(outcome, FetchOutcome::Fetched { .. }));
    let err = fetcher
        .fetch(&server.at("/hop/6"), None, None)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), FetchErrorKind::TooManyRedirects);
}

#[tokio::test]
async fn can_wait_for_a_slow_trickle_that_finishes_in_time() {
    let server = start().await;
    let fetcher = fetcher(Duration::from_secs(5));
    let outcome = fetcher
        .fetch(&server.at("/trickle/4"), None, None)
        .await
        .unwrap();
    assert_eq!(
        outcome,
        FetchOutcome::Fetched {
            body: calendar("Slow but sure").into_bytes(),
            etag: None,
            last_modified: None
        }
    );
}

#[tokio::test]
async fn errors_when_the_server_answers_500() {
    let server = start().await;
    let bad = server.at("/500");
    let message = "the server answered HTTP 500 Internal Server Error";
    let fetcher = fetcher(Duration::from_secs(5));
    assert_failure_keeps_the_copy(&fetcher, &server, bad, FetchErrorKind::Http(500), message).await;
}

#[tokio::test]
async fn errors_when_the_server_never_answers() {
    let server = start().await;
    let silent = start_silent().await;
    let fetcher = fetcher(Duration::from_millis(500));
    let started = std::time::Instant::now();
    let message = "timed out after 500 ms";
    assert_failure_keeps_the_copy(&fetcher, &server, silent, FetchErrorKind::Timeout, message)
        .await;
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn errors_when_a_trickle_outlasts_the_total_timeout() {
    let server = start().await;
    // 40 pieces 100 ms apart need 4 s; the budget is 500 ms.
    let bad = server.at("/trickle/40");
    let fetcher = fetcher(Duration::from_millis(500));
    let message = "timed out after 500 ms";
    assert_failure_keeps_the_copy(&fetcher, &server, bad, FetchErrorKind::Timeout, message).await;
}

#[tokio::test]
async fn errors_when_the_body_never_ends_without_buffering_past_the_cap() {
    let server = start().await;
    let bad = server.at("/endless");
    let fetcher = fetcher(Duration::from_secs(20));
    let message = "body larger than 20 MiB";
    assert_failure_keeps_the_copy(&fetcher, &server, bad, FetchErrorKind::TooLarge, message).await;
    // Two attempts; each stopped reading at the cap (plus what socket buffers held).
    let streamed = server.feed.streamed.load(Ordering::Relaxed);
    assert!(
        streamed < 2 * (20 + 16) * 1024 * 1024,
        "streamed {streamed} bytes"
    );
}

#[tokio::test]
async fn errors_when_redirects_loop() {
    let server = start().await;
    let bad = server.at("/loop");
    let fetcher = fetcher(Duration::from_secs(5));
    let message = "more than 5 redirects";
    assert_failure_keeps_the_copy(
        &fetcher,
        &server,
        bad,
        FetchErrorKind::TooManyRedirects,
        message,
    )
    .await;
}

#[tokio::test]
async fn errors_when_the_answer_is_html() {
    let server = start().await;
    let bad = server.at("/html");
    let fetcher = fetcher(Duration::from_secs(5));
    let message = "not an iCalendar file: it looks like an HTML or XML page";
    assert_failure_keeps_the_copy(
        &fetcher,
        &server,
        bad,
        FetchErrorKind::NotICalendar,
        message,
    )
    .await;
}

#[tokio::test]
async fn errors_when_the_calendar_is_cut_off_before_its_end() {
    let server = start().await;
    let bad = server.at("/cut");
    let fetcher = fetcher(Duration::from_secs(5));
    let message = "cut off: the body ends before END:VCALENDAR";
    assert_failure_keeps_the_copy(&fetcher, &server, bad, FetchErrorKind::Invalid, message).await;
}

#[tokio::test]
async fn errors_when_nothing_listens() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let fetcher = fetcher(Duration::from_secs(5));
    let location = Location::url(&format!("http://{addr}/feed.ics")).unwrap();
    let err = fetcher.fetch(&location, None, None).await.unwrap_err();
    assert_eq!(err.kind(), FetchErrorKind::Connect);
    assert!(err.to_string().starts_with("could not connect: "), "{err}");
}

#[tokio::test]
async fn can_store_hostile_text_exactly_as_served() {
    let server = start().await;
    let long = "A".repeat(10_000);
    let hostile = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//evil//EN\r\nBEGIN:VEVENT\r\nUID:x@evil\r\n\
         DTSTAMP:20260101T000000Z\r\nDTSTART:20260105T170000Z\r\n\
         SUMMARY:<script>alert(1)</script>\r\nURL:javascript:alert(document.cookie)\r\n\
         DESCRIPTION:{long}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    );
    server.feed.set(hostile.clone());
    let fetcher = fetcher(Duration::from_secs(5));
    let store = MemoryCopies::default();
    let report = refresh_one(&fetcher, &store, "evil", &server.at("/feed.ics"), at(0))
        .await
        .unwrap();
    assert!(
        matches!(report.outcome, RefreshOutcome::Updated { .. }),
        "{report:?}"
    );
    let record = store.get("evil").unwrap();
    assert_eq!(
        record.body,
        Some(hostile.into_bytes()),
        "escaping is the page's job"
    );
}

/// Issue 14: redirects (and feed URLs) reached loopback and private addresses, so `/health`
/// worked as a probe of internal services. By default such addresses are refused — IP literals
/// before connecting, host names after resolution — and the server never sees a request.
#[tokio::test]
async fn errors_when_a_feed_is_on_loopback_by_default() {
    let server = start().await;
    let port = server.base.rsplit(':').next().unwrap().to_owned();
    let fetcher = Fetcher::new(FetchConfig {
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(5),
        ..FetchConfig::default()
    })
    .unwrap();
    for url in [
        format!("{}/feed.ics", server.base),
        format!("http://localhost:{port}/feed.ics"),
        format!("http://[::ffff:127.0.0.1]:{port}/feed.ics"),
        format!("http://2130706433:{port}/feed.ics"),
    ] {
        let err = fetcher
            .fetch(&Location::url(&url).unwrap(), None, None)
            .await
            .unwrap_err();
        assert_eq!(err.kind(), FetchErrorKind::Forbidden, "{url}: {err:?}");
        assert!(!err.to_string().contains("127.0.0.1"), "{err}");
        assert!(err.detail().contains("--allow-private-addresses"), "{url}");
    }
    assert_eq!(
        server.feed.header(header::USER_AGENT),
        None,
        "a request got through"
    );
    // The same fetch with the option on reaches it.
    let outcome = fetcher_allowing_loopback()
        .fetch(&server.at("/hop/2"), None, None)
        .await
        .unwrap();
    assert!(matches!(outcome, FetchOutcome::Fetched { .. }));
}

fn fetcher_allowing_loopback() -> Fetcher {
    fetcher(Duration::from_secs(5))
}
