//! Issue 8: several `touchpoint serve --database …` replicas sharing one PostgreSQL, end to end
//! with the real binary.
//!
//! Each test starts its own PostgreSQL cluster (`initdb` into a temporary folder, as the
//! `postgres` user when running as root, on a free port on 127.0.0.1), a feed server on
//! 127.0.0.1 that logs every request per source with its start and end, and the replicas as
//! child processes with the refresher's timing shortened through its hidden environment
//! variables. Needs Debian's `postgresql` package, so the tests are `#[ignore]`d: a plain
//! `cargo test` passes without it, scripts/test installs it and runs them (`--include-ignored`),
//! and then they fail, never skip, when it is missing.

mod common;

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use touchpoint_store::testing::Cluster;
use touchpoint_store::{PgStore, PgTls, SourceRecord, Store};

/// The window the test feeds' single event falls in.
const OCCURRENCES: &str = "/api/v1/occurrences?from=2030-01-01&to=2030-02-01";

// ----------------------------------------------------------------------------------------------
// A temporary folder (no tempfile dependency: a unique name, removed on drop).

struct Scratch(PathBuf);

impl Scratch {
    fn new(what: &str) -> Scratch {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "touchpoint-{what}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Scratch(path)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

// ----------------------------------------------------------------------------------------------
// PostgreSQL: the store crate's test cluster (feature `test-support`).

/// One source's stored record, read with a store of our own.
fn record(cluster: &Cluster, id: &str) -> Option<SourceRecord> {
    record_at(&cluster.url(), &PgTls::default(), id)
}

/// [`record`] through `url`, trusting `tls`.
fn record_at(url: &str, tls: &PgTls, id: &str) -> Option<SourceRecord> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let store = PgStore::connect_with(url, 1, tls).await.unwrap();
        store.get(id).await.unwrap()
    })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

// ----------------------------------------------------------------------------------------------
// The feed server: one feed per source at /feeds/{id}.ics, every request logged.

/// How one feed answers.
#[derive(Clone, Debug)]
struct Feed {
    /// The iCalendar body (sent whole, without validators, so every fetch downloads it).
    body: String,
    /// The HTTP status; anything but 200 sends a short text body.
    status: u16,
    /// The pause between the first and second half of the body: makes a fetch last long enough
    /// for two overlapping fetches to be seen.
    delay: Duration,
    /// The next request sends half the body and then stalls (until the client goes away or
    /// [`STALL`] passes); later requests are normal.
    stall_next: bool,
}

/// How long a stalled response stalls at most.
const STALL: Duration = Duration::from_secs(40);

/// One request, as the feed server saw it.
#[derive(Clone, Debug)]
struct Hit {
    source: String,
    start: Instant,
    /// When the last byte was written (or the write failed).
    end: Option<Instant>,
    stalled: bool,
}

#[derive(Default)]
struct FeedState {
    feeds: HashMap<String, Feed>,
    hits: Vec<Hit>,
}

struct FeedServer {
    addr: SocketAddr,
    state: Arc<Mutex<FeedState>>,
}

impl FeedServer {
    fn start() -> FeedServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(Mutex::new(FeedState::default()));
        let shared = Arc::clone(&state);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let shared = Arc::clone(&shared);
                std::thread::spawn(move || answer(stream, &shared));
            }
        });
        FeedServer { addr, state }
    }

    fn url(&self, id: &str) -> String {
        format!("http://{}/feeds/{id}.ics", self.addr)
    }

    fn set(&self, id: &str, feed: Feed) {
        self.state.lock().unwrap().feeds.insert(id.to_owned(), feed);
    }

    fn hits(&self, id: &str) -> Vec<Hit> {
        let state = self.state.lock().unwrap();
        state
            .hits
            .iter()
            .filter(|h| h.source == id)
            .cloned()
            .collect()
    }
}

fn answer(mut stream: TcpStream, state: &Mutex<FeedState>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let start = Instant::now();
    let mut request = Vec::new();
    let mut buffer = [0u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buffer[..n]),
        }
    }
    let text = String::from_utf8_lossy(&request);
    let path = text.split_whitespace().nth(1).unwrap_or("").to_owned();
    let source = path
        .strip_prefix("/feeds/")
        .and_then(|p| p.strip_suffix(".ics"))
        .unwrap_or("")
        .to_owned();
    let (feed, index) = {
        let mut state = state.lock().unwrap();
        let Some(feed) = state.feeds.get_mut(&source) else {
            drop(state);
            let _ = stream.write_all(
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
            return;
        };
        let snapshot = feed.clone();
        feed.stall_next = false;
        state.hits.push(Hit {
            source: source.clone(),
            start,
            end: None,
            stalled: snapshot.stall_next,
        });
        (snapshot, state.hits.len() - 1)
    };
    let body = if feed.status == 200 {
        feed.body.clone()
    } else {
        "no calendar here\n".to_owned()
    };
    let head = format!(
        "HTTP/1.1 {} X\r\nContent-Type: text/calendar\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n",
        feed.status,
        body.len()
    );
    let half = body.len() / 2;
    let written = (|| -> std::io::Result<()> {
        stream.write_all(head.as_bytes())?;
        stream.write_all(&body.as_bytes()[..half])?;
        stream.flush()?;
        if feed.stall_next {
            // Stall until the client is gone (its end of the socket reads as closed).
            let until = Instant::now() + STALL;
            stream.set_nonblocking(true)?;
            while Instant::now() < until {
                std::thread::sleep(Duration::from_millis(100));
                match stream.read(&mut [0u8; 1]) {
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                    _ => return Err(std::io::ErrorKind::ConnectionReset.into()),
                }
            }
            stream.set_nonblocking(false)?;
        }
        std::thread::sleep(feed.delay);
        stream.write_all(&body.as_bytes()[half..])?;
        stream.flush()
    })();
    let _ = written;
    state.lock().unwrap().hits[index].end = Some(Instant::now());
}

/// A calendar with one event, titled `title`, on 15 January 2030.
fn ics(title: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//touchpoint tests//EN\r\n\
         BEGIN:VEVENT\r\nUID:{title}@test\r\nDTSTAMP:20290101T000000Z\r\n\
         DTSTART:20300115T150000Z\r\nDTEND:20300115T160000Z\r\nSUMMARY:{title}\r\n\
         END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
}

fn feed(title: &str, delay: Duration) -> Feed {
    Feed {
        body: ics(title),
        status: 200,
        delay,
        stall_next: false,
    }
}

/// A community file in `dir` following `ids` from `feeds`.
fn community(dir: &Path, feeds: &FeedServer, ids: &[&str]) -> PathBuf {
    let mut text = String::from("[community]\nname = \"Replicas\"\ntimezone = \"UTC\"\n");
    for id in ids {
        text.push_str(&format!(
            "\n[[calendars]]\nid = \"{id}\"\nname = \"{id}\"\nurl = \"{}\"\n",
            feeds.url(id)
        ));
    }
    let path = dir.join("touchpoint.toml");
    std::fs::write(&path, text).unwrap();
    path
}

// ----------------------------------------------------------------------------------------------
// The binary.

/// The refresher's timing for tests: wake often, short leases, sources due every second.
const FAST: &[(&str, &str)] = &[
    ("TOUCHPOINT_REFRESH_TICK", "100ms"),
    ("TOUCHPOINT_REFRESH_LEASE", "3s"),
    ("TOUCHPOINT_REFRESH_INTERVAL", "1s"),
];

fn touchpoint(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_touchpoint"));
    command.current_dir(dir);
    for var in [
        "TOUCHPOINT_CONFIG",
        "TOUCHPOINT_DATA",
        "TOUCHPOINT_DATABASE_URL",
        "TOUCHPOINT_LISTEN",
        "TOUCHPOINT_REFRESH_TICK",
        "TOUCHPOINT_REFRESH_LEASE",
        "TOUCHPOINT_REFRESH_INTERVAL",
    ] {
        command.env_remove(var);
    }
    command.env("RUST_LOG", "info,touchpoint=debug");
    // The feeds of these tests are on 127.0.0.1, which touchpoint refuses by default.
    command.env("TOUCHPOINT_ALLOW_PRIVATE_ADDRESSES", "true");
    command
}

/// A `touchpoint serve` process, killed on drop.
struct Replica {
    name: String,
    addr: SocketAddr,
    child: Child,
    log: PathBuf,
}

impl Replica {
    /// Start `touchpoint serve --config config <store> --listen 127.0.0.1:free` with `env`.
    fn start(
        name: &str,
        dir: &Path,
        config: &Path,
        store: &[&str],
        env: &[(&str, &str)],
    ) -> Replica {
        let addr: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
        let log = dir.join(format!("{name}.log"));
        let mut command = touchpoint(dir);
        command
            .arg("serve")
            .arg("--config")
            .arg(config)
            .args(store)
            .arg("--listen")
            .arg(addr.to_string())
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(dir.join(format!("{name}.out"))).unwrap())
            .stderr(std::fs::File::create(&log).unwrap());
        let child = command.spawn().expect("cannot start touchpoint serve");
        Replica {
            name: name.to_owned(),
            addr,
            child,
            log,
        }
    }

    /// Wait until `/healthz` answers (at most 20 s).
    fn wait_ready(&mut self) {
        let until = Instant::now() + Duration::from_secs(20);
        while Instant::now() < until {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!("{} exited with {status}:\n{}", self.name, self.log());
            }
            if matches!(get(self.addr, "/healthz"), Ok((200, _))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("{} did not answer /healthz:\n{}", self.name, self.log());
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// SIGKILL, as a crash or the OOM killer would.
    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The titles this replica serves for `source` in the test window.
    fn titles(&self, source: &str) -> Result<Vec<String>, String> {
        let (status, body) =
            get(self.addr, &format!("{OCCURRENCES}&source={source}")).map_err(|e| e.to_string())?;
        if status != 200 {
            return Err(format!("HTTP {status}: {body}"));
        }
        let json: serde_json::Value = serde_json::from_str(&body).map_err(|e| e.to_string())?;
        Ok(json["occurrences"]
            .as_array()
            .ok_or("no occurrences array")?
            .iter()
            .map(|o| o["title"].as_str().unwrap_or("").to_owned())
            .collect())
    }

    /// Wait (at most `limit`) until this replica serves exactly `title` for `source`.
    fn wait_for_title(&self, source: &str, title: &str, limit: Duration) {
        let until = Instant::now() + limit;
        let mut last = Err(String::new());
        while Instant::now() < until {
            last = self.titles(source);
            if last.as_ref().is_ok_and(|t| t == &[title.to_owned()]) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!(
            "{} did not serve {title:?} for {source} within {limit:?} (last: {last:?}):\n{}",
            self.name,
            self.log()
        );
    }
}

impl Drop for Replica {
    fn drop(&mut self) {
        self.kill();
    }
}

/// `GET path` on `addr` with a plain HTTP/1.1 request: (status, body).
fn get(addr: SocketAddr, path: &str) -> std::io::Result<(u16, String)> {
    let (head, body) = common::http_get(addr, path, Duration::from_secs(10))?;
    let status = common::status_of(&head)
        .ok_or_else(|| std::io::Error::other(format!("no status: {head:?}")))?;
    Ok((status, body))
}

/// Run `touchpoint refresh --config config <store>`.
fn refresh(dir: &Path, config: &Path, store: &[&str]) -> Output {
    touchpoint(dir)
        .arg("refresh")
        .arg("--config")
        .arg(config)
        .args(store)
        .output()
        .expect("cannot run touchpoint refresh")
}

/// Whether any two of `hits` overlap in time (each must start after the previous one ended).
fn overlapping(hits: &[Hit]) -> Option<(Hit, Hit)> {
    let mut sorted = hits.to_vec();
    sorted.sort_by_key(|h| h.start);
    sorted.windows(2).find_map(|pair| {
        let ended = pair[0].end.unwrap_or_else(Instant::now);
        (pair[1].start < ended).then(|| (pair[0].clone(), pair[1].clone()))
    })
}

// ----------------------------------------------------------------------------------------------
// The tests.

#[test]
#[ignore = "needs PostgreSQL (scripts/test provides it)"]
fn can_refresh_and_serve_with_postgresql_as_with_sqlite() {
    let cluster = Cluster::start();
    let feeds = FeedServer::start();
    feeds.set("alpha", feed("Alpha v1", Duration::ZERO));
    feeds.set(
        "broken",
        Feed {
            status: 500,
            ..feed("unused", Duration::ZERO)
        },
    );
    let dir = Scratch::new("same");
    let config = community(dir.path(), &feeds, &["alpha", "broken"]);
    let url = cluster.url();
    let sqlite_dir = dir.path().join("data");
    let stores: [&[&str]; 2] = [
        &["--data", sqlite_dir.to_str().unwrap()],
        &["--database", &url],
    ];

    // Twice each: a first copy, then the same body again; the broken feed fails both times.
    let mut runs = Vec::new();
    for _ in 0..2 {
        for store in stores {
            let output = refresh(dir.path(), &config, store);
            runs.push((
                output.status.code(),
                String::from_utf8_lossy(&output.stdout).into_owned(),
                String::from_utf8_lossy(&output.stderr).into_owned(),
            ));
        }
    }
    for (code, stdout, stderr) in &runs {
        assert_eq!(*code, Some(1), "a failed source exits 1: {stdout}{stderr}");
        assert!(stderr.contains("1 of 2 calendar(s) failed"), "{stderr}");
    }
    let (sqlite_first, pg_first) = (&runs[0].1, &runs[1].1);
    assert!(
        sqlite_first.contains("alpha: updated (1 event"),
        "{sqlite_first}"
    );
    assert!(
        sqlite_first.contains("broken: FAILED (1 in a row)"),
        "{sqlite_first}"
    );
    assert_eq!(pg_first, sqlite_first, "the same report on both stores");
    let (sqlite_again, pg_again) = (&runs[2].1, &runs[3].1);
    assert!(sqlite_again.contains("alpha: unchanged"), "{sqlite_again}");
    assert!(
        sqlite_again.contains("broken: FAILED (2 in a row)"),
        "{sqlite_again}"
    );
    assert_eq!(pg_again, sqlite_again, "the same report on both stores");
    let stored = record(&cluster, "alpha").expect("alpha is stored");
    assert_eq!(stored.version, 1, "the same body twice is one version");
    assert_eq!(stored.body.as_deref(), Some(ics("Alpha v1").as_bytes()));

    // Served from either store (default timing: nothing is due), the API answers the same.
    let mut sqlite = Replica::start("sqlite", dir.path(), &config, stores[0], &[]);
    let mut pg = Replica::start("pg", dir.path(), &config, stores[1], &[]);
    sqlite.wait_ready();
    pg.wait_ready();
    let (status, from_sqlite) = get(sqlite.addr, OCCURRENCES).unwrap();
    assert_eq!(status, 200);
    assert!(from_sqlite.contains("Alpha v1"), "{from_sqlite}");
    assert_eq!(get(pg.addr, OCCURRENCES).unwrap(), (200, from_sqlite));
    let health = |replica: &Replica| -> Vec<(String, String, bool)> {
        let (status, body) = get(replica.addr, "/api/v1/calendars").unwrap();
        assert_eq!(status, 200, "{body}");
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        json["calendars"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["id"].as_str().unwrap().to_owned(),
                    c["status"].as_str().unwrap().to_owned(),
                    c["last_error"].is_string(),
                )
            })
            .collect()
    };
    let from_sqlite = health(&sqlite);
    assert_eq!(from_sqlite.len(), 2, "{from_sqlite:?}");
    assert!(from_sqlite[1].2, "the broken feed reports its error");
    assert_eq!(health(&pg), from_sqlite);
}

/// `--database …?sslmode=require --database-ca FILE`: the CLI reaches a TLS-only server and
/// verifies it; without the CA it refuses, saying why.
#[test]
#[ignore = "needs PostgreSQL and openssl (scripts/test provides them)"]
fn can_refresh_through_a_tls_only_database() {
    let cluster = Cluster::start_tls();
    let feeds = FeedServer::start();
    feeds.set("alpha", feed("Alpha over TLS", Duration::ZERO));
    let dir = Scratch::new("tls");
    let config = community(dir.path(), &feeds, &["alpha"]);
    let url = format!("{}?sslmode=require", cluster.url());
    let ca = cluster.ca_file().to_str().unwrap();

    let output = refresh(
        dir.path(),
        &config,
        &["--database", &url, "--database-ca", ca],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let tls = PgTls {
        ca_file: Some(cluster.ca_file().to_owned()),
    };
    let stored = record_at(&url, &tls, "alpha").expect("stored");
    let body = String::from_utf8(stored.body.expect("a copy")).unwrap();
    assert!(body.contains("Alpha over TLS"), "{body}");

    let output = refresh(dir.path(), &config, &["--database", &url]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains("UnknownIssuer"), "{stderr}");
}

#[test]
#[ignore = "needs PostgreSQL (scripts/test provides it)"]
fn can_share_sources_between_two_replicas_fetching_each_one_at_a_time() {
    let cluster = Cluster::start();
    let feeds = FeedServer::start();
    let slow = Duration::from_millis(400);
    feeds.set("alpha", feed("Alpha v1", slow));
    feeds.set("beta", feed("Beta v1", slow));
    let dir = Scratch::new("two");
    let config = community(dir.path(), &feeds, &["alpha", "beta"]);
    let url = cluster.url();
    let store: &[&str] = &["--database", &url];

    // Started together: without coordination both would fetch every source at once.
    let mut one = Replica::start("one", dir.path(), &config, store, FAST);
    let mut two = Replica::start("two", dir.path(), &config, store, FAST);
    one.wait_ready();
    two.wait_ready();
    for replica in [&one, &two] {
        replica.wait_for_title("alpha", "Alpha v1", Duration::from_secs(15));
        replica.wait_for_title("beta", "Beta v1", Duration::from_secs(15));
    }
    // Several refresh rounds (interval 1 s) with both replicas competing for every source.
    let until = Instant::now() + Duration::from_secs(15);
    while ["alpha", "beta"].iter().any(|id| feeds.hits(id).len() < 4) {
        assert!(
            Instant::now() < until,
            "the replicas stopped refreshing:\n--- one:\n{}\n--- two:\n{}",
            one.log(),
            two.log()
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    feeds.set("alpha", feed("Alpha v2", slow));
    feeds.set("beta", feed("Beta v2", slow));
    for replica in [&one, &two] {
        replica.wait_for_title("alpha", "Alpha v2", Duration::from_secs(15));
        replica.wait_for_title("beta", "Beta v2", Duration::from_secs(15));
    }
    one.kill();
    two.kill();

    for id in ["alpha", "beta"] {
        let hits = feeds.hits(id);
        assert!(
            hits.len() >= 4,
            "{id} was fetched only {} times; the refresher did not keep refreshing",
            hits.len()
        );
        if let Some((first, second)) = overlapping(&hits) {
            panic!(
                "two fetches of {id} overlapped: {first:?} and {second:?}\n--- one:\n{}\n--- two:\n{}",
                one.log(),
                two.log()
            );
        }
    }
    let stored = record(&cluster, "alpha").expect("alpha is stored");
    assert_eq!(stored.version, 2, "one version per distinct body");
}

#[test]
#[ignore = "needs PostgreSQL (scripts/test provides it)"]
fn can_take_over_from_a_replica_killed_mid_refresh() {
    let cluster = Cluster::start();
    let feeds = FeedServer::start();
    feeds.set("alpha", feed("Alpha v1", Duration::ZERO));
    let dir = Scratch::new("kill");
    let config = community(dir.path(), &feeds, &["alpha"]);
    let url = cluster.url();
    let store: &[&str] = &["--database", &url];
    let output = refresh(dir.path(), &config, store);
    assert!(output.status.success(), "{output:?}");

    // The next fetch of the new copy stalls halfway through the body.
    feeds.set(
        "alpha",
        Feed {
            stall_next: true,
            ..feed("Alpha v2", Duration::ZERO)
        },
    );
    let mut doomed = Replica::start("doomed", dir.path(), &config, store, FAST);
    doomed.wait_ready();
    let until = Instant::now() + Duration::from_secs(15);
    while !feeds.hits("alpha").iter().any(|h| h.stalled) {
        assert!(
            Instant::now() < until,
            "the replica never fetched:\n{}",
            doomed.log()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut survivor = Replica::start("survivor", dir.path(), &config, store, FAST);
    survivor.wait_ready();
    survivor.wait_for_title("alpha", "Alpha v1", Duration::from_secs(5));
    // The source is due for the survivor too, but the stalled replica holds (and renews) the
    // lease, longer than the lease's ttl. `touchpoint refresh` waits for it (up to its own
    // lease length, 1 s here) and gives up without fetching.
    let output = touchpoint(dir.path())
        .args(["refresh", "--database", &url, "--config"])
        .arg(&config)
        .env("TOUCHPOINT_REFRESH_LEASE", "1s")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(
        stdout.contains("alpha: FAILED: another replica is refreshing"),
        "{stdout}"
    );
    // The stalled replica's lease (ttl 3 s) would have run out by now had it not renewed it: wait
    // until the survivor, trying every tick, is refused the lease after that moment.
    let stalled_at = feeds
        .hits("alpha")
        .iter()
        .find(|h| h.stalled)
        .map(|h| h.start);
    let expired = stalled_at.expect("a stalled fetch") + Duration::from_secs(3);
    while Instant::now() < expired {
        std::thread::sleep(Duration::from_millis(50));
    }
    let refusals = |log: &str| log.matches("another replica holds the lease").count();
    let before = refusals(&survivor.log());
    let until = Instant::now() + Duration::from_secs(5);
    while refusals(&survivor.log()) == before {
        assert!(
            Instant::now() < until,
            "the survivor stopped asking for the lease:\n{}",
            survivor.log()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        feeds.hits("alpha").len(),
        2,
        "only the stalled replica may fetch while it holds the lease (1 refresh + 1 stalled): {:?}\n{}",
        feeds.hits("alpha"),
        survivor.log()
    );

    doomed.kill();
    let killed = Instant::now();
    let stored = record(&cluster, "alpha").expect("alpha is stored");
    assert_eq!(stored.version, 1, "the killed refresh wrote nothing");
    assert_eq!(stored.body.as_deref(), Some(ics("Alpha v1").as_bytes()));
    assert_eq!(stored.last_error, None);
    survivor.wait_for_title("alpha", "Alpha v1", Duration::from_secs(1));

    survivor.wait_for_title("alpha", "Alpha v2", Duration::from_secs(15));
    let hits = feeds.hits("alpha");
    assert_eq!(hits.len(), 3, "one takeover fetch: {hits:?}");
    let waited = hits[2].start.duration_since(killed);
    assert!(
        waited >= Duration::from_secs(1),
        "the survivor fetched {waited:?} after the kill, before the lease could expire"
    );
    let stored = record(&cluster, "alpha").expect("alpha is stored");
    assert_eq!(stored.version, 2);
    assert_eq!(stored.body.as_deref(), Some(ics("Alpha v2").as_bytes()));
}

#[test]
#[ignore = "needs PostgreSQL (scripts/test provides it)"]
fn can_keep_serving_while_the_database_restarts() {
    let cluster = Cluster::start();
    let feeds = FeedServer::start();
    feeds.set("alpha", feed("Alpha v1", Duration::ZERO));
    let dir = Scratch::new("restart");
    let config = community(dir.path(), &feeds, &["alpha"]);
    let url = cluster.url();
    let mut replica = Replica::start("replica", dir.path(), &config, &["--database", &url], FAST);
    replica.wait_ready();
    replica.wait_for_title("alpha", "Alpha v1", Duration::from_secs(15));

    cluster.stop_server();
    feeds.set("alpha", feed("Alpha v2", Duration::ZERO));
    let outage = Instant::now();
    let mut requests = 0;
    while outage.elapsed() < Duration::from_secs(3) {
        for path in ["/healthz", "/", "/calendar.ics", "/api/v1/calendars"] {
            let (status, body) = get(replica.addr, path)
                .unwrap_or_else(|e| panic!("{path} failed during the outage: {e}"));
            assert_eq!(status, 200, "{path} during the outage: {body}");
            requests += 1;
        }
        assert_eq!(
            replica.titles("alpha").unwrap(),
            ["Alpha v1"],
            "the copy in memory is served during the outage"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(requests >= 8, "only {requests} requests during the outage");
    assert!(
        replica.log().contains("cannot read the store"),
        "the replica noticed the outage:\n{}",
        replica.log()
    );

    cluster.start_server();
    replica.wait_for_title("alpha", "Alpha v2", Duration::from_secs(20));
    let stored = record(&cluster, "alpha").expect("alpha is stored");
    assert_eq!(stored.version, 2);
    assert!(replica.log().contains("the store answers again"));
}

/// Issue 17: a hub's communities share one PostgreSQL store. Two communities follow a calendar
/// under the same id from different feeds; two replicas of the hub each serve every community
/// its own copy, stored once per community (`{community}/{id}`), never under the bare id.
#[test]
#[ignore = "needs PostgreSQL (scripts/test provides it)"]
fn can_serve_a_hub_from_one_postgresql_store() {
    let cluster = Cluster::start();
    let feeds = FeedServer::start();
    feeds.set("for-a", feed("Feed of A", Duration::ZERO));
    feeds.set("for-b", feed("Feed of B", Duration::ZERO));
    let dir = Scratch::new("hub");
    let hub = dir.path().join("hub");
    std::fs::create_dir(&hub).unwrap();
    for (id, source) in [("a", "for-a"), ("b", "for-b")] {
        let text = format!(
            "[community]\nname = \"Community {id}\"\ntimezone = \"UTC\"\n\n[[calendars]]\n\
             id = \"upstream\"\nname = \"Upstream\"\nurl = \"{}\"\n",
            feeds.url(source)
        );
        std::fs::write(hub.join(format!("{id}.toml")), text).unwrap();
    }
    let url = cluster.url();
    let store = ["--database", url.as_str()];
    let mut first = Replica::start("hub-1", dir.path(), &hub, &store, FAST);
    let mut second = Replica::start("hub-2", dir.path(), &hub, &store, FAST);
    first.wait_ready();
    second.wait_ready();
    let wait_for = |replica: &Replica, path: &str, title: &str| {
        let until = Instant::now() + Duration::from_secs(30);
        let mut last = None;
        while Instant::now() < until {
            last = get(replica.addr, path).ok();
            if last
                .as_ref()
                .is_some_and(|(status, body)| *status == 200 && body.contains(title))
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!(
            "{} did not serve {title:?} at {path} (last: {last:?}):\n{}",
            replica.name,
            replica.log()
        );
    };
    for (id, title, other) in [
        ("a", "Feed of A", "Feed of B"),
        ("b", "Feed of B", "Feed of A"),
    ] {
        let path = format!("/{id}{OCCURRENCES}&source=upstream");
        for replica in [&first, &second] {
            wait_for(replica, &path, title);
            let (_, body) = get(replica.addr, &path).unwrap();
            assert!(
                !body.contains(other),
                "{id} serves the other's copy: {body}"
            );
        }
        let stored = record(&cluster, &format!("{id}/upstream")).expect("kept per community");
        let body = String::from_utf8(stored.body.unwrap_or_default()).unwrap();
        assert!(body.contains(title), "{id}/upstream holds {body}");
    }
    assert!(
        record(&cluster, "upstream").is_none(),
        "a hub stores no unscoped copy"
    );
    // The hub's own API spans both communities' copies.
    let (status, body) = get(first.addr, OCCURRENCES).unwrap();
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains("Feed of A") && body.contains("Feed of B"),
        "{body}"
    );
}
