//! Shared helpers of the binary's integration tests: the embedded example as a served site with a
//! fixed clock, and in-process requests through the real router.
#![allow(dead_code)] // each test binary uses a different subset

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use jiff::Timestamp;
use touchpoint::app::{self, Loaded};
use touchpoint::cli::ConfigArgs;
use touchpoint::server::{AppState, router};
use touchpoint_site::Site;
use touchpoint_store::SourceRecord;
use tower::ServiceExt;

/// "Now" in these tests: a Wednesday, before the winter break of the example.
pub const NOW: &str = "2026-11-25T12:00:00Z";

pub fn now() -> Timestamp {
    NOW.parse().unwrap()
}

/// The embedded example.
pub fn example() -> Loaded {
    app::load_community(&ConfigArgs::default()).expect("the example is valid")
}

/// A stored record holding `body` as the last good copy, fetched an hour before [`NOW`].
pub fn record(id: &str, body: &[u8]) -> SourceRecord {
    let at = now() - jiff::SignedDuration::from_hours(1);
    let mut record = SourceRecord::new(id);
    record.body = Some(body.to_vec());
    record.fetched_at = Some(at);
    record.checked_at = Some(at);
    record.version = 1;
    record.summary = Some("sample".to_owned());
    record
}

/// The example's records: each outside calendar's embedded sample as its last good copy.
pub fn example_records(loaded: &Loaded) -> Vec<SourceRecord> {
    loaded
        .community
        .calendars
        .iter()
        .map(|decl| {
            let touchpoint_community::Location::Path(path) = &decl.location else {
                panic!("the example reads samples from paths");
            };
            record(&decl.id, touchpoint_community::example_file(path).unwrap())
        })
        .collect()
}

/// The example site with every sample calendar stored.
pub fn example_site() -> Site {
    let loaded = example();
    let records = example_records(&loaded);
    app::site_from_records(&loaded, &records)
}

/// The router serving `site` at the fixed [`NOW`].
pub fn state(site: Site) -> AppState {
    AppState::new(site, Arc::new(now))
}

/// A response's status, content type and body text.
pub struct Answer {
    pub status: StatusCode,
    pub content_type: String,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

/// GET `uri` through the router in-process.
pub async fn get(state: &AppState, uri: &str) -> Answer {
    get_with(state, Request::get(uri).body(Body::empty()).unwrap()).await
}

/// Send `request` through the router in-process.
pub async fn get_with(state: &AppState, request: Request<Body>) -> Answer {
    let response = router(state.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let bytes = axum::body::to_bytes(response.into_body(), 64 << 20)
        .await
        .unwrap();
    Answer {
        status,
        content_type,
        headers,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

/// Run the real `touchpoint` binary with `args`; fails the test, with its stderr, unless it
/// succeeds.
pub fn touchpoint<I, A>(args: I)
where
    I: IntoIterator<Item = A>,
    A: AsRef<std::ffi::OsStr>,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(|a| a.as_ref().into()).collect();
    let done = std::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .args(&args)
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "touchpoint {args:?}: {}",
        String::from_utf8_lossy(&done.stderr)
    );
}

/// `touchpoint serve` on a free port of 127.0.0.1 with a fresh data folder and `args` added (the
/// embedded example unless they name a file), output dropped: the child, its port and the
/// folder (removed when dropped). The caller waits for it to answer, and kills it.
pub fn spawn_serve(args: &[&str]) -> (std::process::Child, u16, tempfile::TempDir) {
    spawn_serve_with(args, &[])
}

/// [`spawn_serve`] with `env` set for the server (the refresher's test timings, say).
pub fn spawn_serve_with(
    args: &[&str],
    env: &[(&str, &str)],
) -> (std::process::Child, u16, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .arg("--data")
        .arg(data.path())
        .args(args)
        .envs(env.iter().copied())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    (child, port, data)
}

/// Every `.ics` file of a static export under `root`, by its path under `root` (`series/x.ics`).
pub fn exported_feeds(
    root: &std::path::Path,
) -> std::collections::BTreeMap<String, std::path::PathBuf> {
    let mut found = std::collections::BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "ics") {
                let name = path.strip_prefix(root).unwrap().display().to_string();
                found.insert(name, path);
            }
        }
    }
    found
}

/// `GET path` on a `touchpoint serve` at `addr` with a plain HTTP/1.1 request (the server's own
/// framing, no client library in between): its status line and headers, and its body, joined
/// when chunked. Reads for at most `read_timeout`.
pub fn http_get(
    addr: std::net::SocketAddr,
    path: &str,
    read_timeout: std::time::Duration,
) -> std::io::Result<(String, String)> {
    use std::io::{Read, Write};
    let mut stream =
        std::net::TcpStream::connect_timeout(&addr, std::time::Duration::from_secs(2))?;
    stream.set_read_timeout(Some(read_timeout))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text
        .split_once("\r\n\r\n")
        .ok_or_else(|| std::io::Error::other(format!("no HTTP answer: {text:?}")))?;
    let chunked = head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked");
    let body = if chunked {
        dechunk(body)
    } else {
        body.to_owned()
    };
    Ok((head.to_owned(), body))
}

/// The status code of an HTTP/1.1 status line and headers, as [`http_get`] returns them.
pub fn status_of(head: &str) -> Option<u16> {
    head.split_whitespace().nth(1)?.parse().ok()
}

/// A chunked HTTP/1.1 body, joined (a truncated chunk ends it).
fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 || rest.len() < size {
            break;
        }
        out.push_str(&rest[..size]);
        body = rest[size..].trim_start_matches("\r\n");
    }
    out
}

/// Serve `router` on a free port of 127.0.0.1 through the real accept loop, on a runtime and
/// thread of its own that lasts as long as the test process: its address.
pub fn serve_on_loopback(router: axum::Router) -> std::net::SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            let limits = touchpoint::server::Limits::default();
            touchpoint::server::serve(listener, router, limits, std::future::pending())
                .await
                .unwrap();
        });
    });
    rx.recv().unwrap()
}

/// What a server on a socket answered: the status, the headers (names in lower case, in order)
/// and the body as sent (still compressed when it says so; chunks joined).
pub struct Exchange {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Exchange {
    /// The value of header `name` (lower case), or "" without one; several are joined by ", ".
    pub fn header(&self, name: &str) -> String {
        let values: Vec<&str> = self
            .headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect();
        values.join(", ")
    }
}

/// `GET path` on the server at `addr` with `headers` added (as a browser or calendar app sends
/// them: `Accept-Encoding`, `If-None-Match`…), over HTTP/1.1 on a new connection.
pub fn http_exchange(addr: std::net::SocketAddr, path: &str, headers: &[(&str, &str)]) -> Exchange {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    let mut request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("an HTTP answer");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut body = raw[split + 4..].to_vec();
    let mut lines = head.lines();
    let status = status_of(lines.next().unwrap_or_default()).unwrap_or(0);
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    if headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"))
    {
        let mut joined = Vec::new();
        let mut rest = &body[..];
        while let Some(at) = rest.windows(2).position(|w| w == b"\r\n") {
            let size = std::str::from_utf8(&rest[..at])
                .ok()
                .and_then(|s| usize::from_str_radix(s.trim(), 16).ok())
                .unwrap_or(0);
            rest = &rest[at + 2..];
            if size == 0 || rest.len() < size {
                break;
            }
            joined.extend_from_slice(&rest[..size]);
            rest = &rest[(size + 2).min(rest.len())..];
        }
        body = joined;
    }
    Exchange {
        status,
        headers,
        body,
    }
}
