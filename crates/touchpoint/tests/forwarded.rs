//! Issue 15: behind a reverse proxy, `touchpoint serve --trust-forwarded` (without `--base-url`)
//! builds its subscribe and "add" links from the origin the proxy forwards
//! (`X-Forwarded-Proto`/`X-Forwarded-Host`, or `Forwarded`), and only then: without the flag,
//! with values that are not exactly a scheme and a host, or with `--base-url` set, the headers
//! change nothing. The response cache keys on the origin, so two origins asking in turn never
//! get each other's links. Each test runs the real binary on 127.0.0.1.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A `touchpoint serve` of the embedded example, stopped on drop.
struct Server {
    child: Child,
    port: u16,
    _data: tempfile::TempDir,
}

impl Server {
    /// Serve with `args` (and `env`) added to `serve --listen … --data …`.
    fn start(args: &[&str], env: &[(&str, &str)]) -> Server {
        let data = tempfile::tempdir().unwrap();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(env!("CARGO_BIN_EXE_touchpoint"))
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .arg("--data")
            .arg(data.path())
            .args(args)
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let server = Server {
            child,
            port,
            _data: data,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while server
            .try_get("/healthz", &[])
            .is_none_or(|(status, _)| status != 200)
        {
            assert!(Instant::now() < deadline, "touchpoint serve did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// The status and body of `GET path` with `headers` (HTTP/1.0: the body is not chunked).
    fn try_get(&self, path: &str, headers: &[(&str, &str)]) -> Option<(u16, String)> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        let mut request = format!("GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n");
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        stream.write_all(request.as_bytes()).ok()?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer).ok()?;
        let status = answer.split(' ').nth(1)?.parse().ok()?;
        let (_, body) = answer.split_once("\r\n\r\n")?;
        Some((status, body.to_owned()))
    }

    /// The body of `GET path`, which must answer 200.
    fn get(&self, path: &str, headers: &[(&str, &str)]) -> String {
        let (status, body) = self.try_get(path, headers).expect("no answer");
        assert_eq!(status, 200, "GET {path} {headers:?}");
        body
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The headers a proxy in front of `https://{host}` sends.
fn behind(host: &str) -> [(&str, &str); 2] {
    [("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", host)]
}

/// The home page links to the community feed as a subscription at `origin`'s host.
fn assert_links_to(home: &str, scheme_and_host: &str, what: &str) {
    let (scheme, host) = scheme_and_host.split_once("://").unwrap();
    assert!(
        home.contains(&format!("href=\"webcal://{host}/calendar.ics\"")),
        "{what}: no webcal link at {host}"
    );
    assert!(
        home.contains(&format!("value=\"{scheme}://{host}/calendar.ics\"")),
        "{what}: no address to copy at {host}"
    );
    // The encoded webcal address in Google's add link.
    assert!(
        home.contains(&format!("cid=webcal%3A%2F%2F{}", host.replace(':', "%3A"))),
        "{what}: no Google Calendar link at {host}"
    );
}

/// The home page offers no subscription (the server does not know its address).
fn assert_no_subscription(home: &str, what: &str) {
    assert!(
        home.contains("does not know its public address"),
        "{what}: offers a subscription"
    );
    assert!(!home.contains("webcal://"), "{what}: has a webcal link");
}

#[test]
fn builds_links_from_the_forwarded_origin_when_trusted() {
    let server = Server::start(&["--trust-forwarded"], &[]);
    let home = server.get("/", &behind("meetings.example.org"));
    assert_links_to(&home, "https://meetings.example.org", "X-Forwarded-*");
    // The standard header, with a port and a quoted host.
    let home = server.get(
        "/",
        &[(
            "Forwarded",
            "for=192.0.2.1;proto=http;host=\"hub.example.net:8080\"",
        )],
    );
    assert_links_to(&home, "http://hub.example.net:8080", "Forwarded");
    // The API document names the forwarded server too.
    let document = server.get("/api/v1/openapi.json", &behind("meetings.example.org"));
    assert!(
        document.contains("\"url\": \"https://meetings.example.org\""),
        "{document}"
    );
    // A request that forwards nothing still gets a page, without subscriptions.
    assert_no_subscription(&server.get("/", &[]), "no forwarded headers");
}

#[test]
fn ignores_forwarded_headers_unless_told_to_trust_them() {
    let server = Server::start(&[], &[]);
    let home = server.get("/", &behind("meetings.example.org"));
    assert_no_subscription(&home, "X-Forwarded-* without the flag");
    assert!(!home.contains("meetings.example.org"));
    let home = server.get(
        "/",
        &[("Forwarded", "proto=https;host=meetings.example.org")],
    );
    assert_no_subscription(&home, "Forwarded without the flag");
}

#[test]
fn ignores_forwarded_values_that_are_not_exactly_a_scheme_and_a_host() {
    let server = Server::start(&["--trust-forwarded"], &[]);
    let bad: [&[(&str, &str)]; 7] = [
        &[
            ("X-Forwarded-Proto", "https"),
            ("X-Forwarded-Host", "evil.example/x"),
        ],
        &[
            ("X-Forwarded-Proto", "https"),
            ("X-Forwarded-Host", "me@evil.example"),
        ],
        &[
            ("X-Forwarded-Proto", "javascript"),
            ("X-Forwarded-Host", "evil.example"),
        ],
        &[
            ("X-Forwarded-Proto", "https"),
            ("X-Forwarded-Host", "a.example, evil.example"),
        ],
        &[("X-Forwarded-Host", "evil.example")],
        &[(
            "Forwarded",
            "proto=https;host=a.example, proto=https;host=evil.example",
        )],
        // A Host header is never enough.
        &[("Host", "evil.example")],
    ];
    for headers in bad {
        let home = server.get("/", headers);
        assert_no_subscription(&home, &format!("{headers:?}"));
        assert!(!home.contains("evil.example"), "{headers:?}");
    }
}

#[test]
fn never_serves_one_origins_links_to_another() {
    // The environment variable sets the flag as well.
    let server = Server::start(&[], &[("TOUCHPOINT_TRUST_FORWARDED", "true")]);
    let origins = ["one.example", "two.example:8443"];
    for round in 0..3 {
        for (n, origin) in origins.iter().enumerate() {
            let other = origins[1 - n];
            for path in ["/", "/groups", "/api/v1/openapi.json"] {
                let body = server.get(path, &behind(origin));
                assert!(body.contains(origin), "round {round}, {path}: no {origin}");
                assert!(
                    !body.contains(other),
                    "round {round}, {path} for {origin}: served {other}'s links"
                );
            }
            assert_links_to(
                &server.get("/", &behind(origin)),
                &format!("https://{origin}"),
                origin,
            );
        }
        // And the page without forwarded headers stays without links.
        assert_no_subscription(&server.get("/", &[]), "no forwarded headers");
    }
}

#[test]
fn base_url_wins_over_forwarded_headers() {
    let server = Server::start(
        &["--base-url", "https://site.example/", "--trust-forwarded"],
        &[],
    );
    let home = server.get("/", &behind("meetings.example.org"));
    assert_links_to(&home, "https://site.example", "--base-url");
    assert!(!home.contains("meetings.example.org"));
}
