//! `touchpoint announce` end to end (issue 18): the real binary, a fake clock (`--now`), the
//! SQLite store's outbox, and real HTTP receivers on 127.0.0.1 that record what Slack, Discord
//! and a generic webhook would get (the webhook's HMAC checked as a receiver would).
//!
//! The email and Matrix tests need aiosmtpd and Synapse (`TOUCHPOINT_TEST_PYTHON` and
//! `TOUCHPOINT_TEST_SYNAPSE`, which scripts/test installs), so they are `#[ignore]`d.

use std::net::SocketAddr;
use std::path::Path;
use std::process::Output;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode, Uri};
use serde_json::Value;

/// One request a receiver got.
#[derive(Clone, Debug)]
struct Received {
    path: String,
    headers: HeaderMap,
    body: Bytes,
}

impl Received {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

/// An HTTP server on 127.0.0.1 that records every request; paths under `/fail/` answer 500 with
/// the path in the body (so a test can check the secret in it never reaches a log), paths under
/// `/stall/` never answer.
struct Receiver {
    addr: SocketAddr,
    got: Arc<Mutex<Vec<Received>>>,
}

impl Receiver {
    async fn start() -> Receiver {
        let got: Arc<Mutex<Vec<Received>>> = Arc::default();
        let record = got.clone();
        let app = axum::Router::new().fallback(move |uri: Uri, headers: HeaderMap, body: Bytes| {
            let record = record.clone();
            async move {
                let path = uri.path().to_owned();
                record.lock().unwrap().push(Received {
                    path: path.clone(),
                    headers,
                    body,
                });
                if path.starts_with("/stall/") {
                    // Received, never answered: the sender is caught between sending and
                    // recording (a test kills it there).
                    tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
                }
                if path.starts_with("/fail/") {
                    (
                        StatusCode::INTERNAL_SERVER_ERROR,
                        format!("no hook at {path}"),
                    )
                } else {
                    (StatusCode::OK, "ok".to_owned())
                }
            }
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await });
        Receiver { addr, got }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn at(&self, prefix: &str) -> Vec<Received> {
        self.got
            .lock()
            .unwrap()
            .iter()
            .filter(|r| r.path.starts_with(prefix))
            .cloned()
            .collect()
    }
}

/// The webhook's signing secret, and a token in the failing hook's URL: neither may appear in
/// any output.
const SECRET: &str = "whsec-0123456789-never-printed";
const HOOK_TOKEN: &str = "T0KEN-in-the-url-9876543210";

fn community(exceptions: &str) -> String {
    format!(
        r#"
[community]
name = "Example"
timezone = "Europe/Berlin"

[[series]]
id = "weekly"
title = "Weekly sync"
timezone = "Europe/Berlin"
start = "15:00"
duration = "1h"
repeat = "weekly on Thursday"
first = 2026-11-05
join = "https://meet.jit.si/example-weekly"
{exceptions}

[[announce]]
id = "slack"
kind = "slack"
url_env = "TEST_SLACK_URL"

[[announce]]
id = "discord"
kind = "discord"
url_env = "TEST_DISCORD_URL"

[[announce]]
id = "hook"
kind = "webhook"
url_env = "TEST_HOOK_URL"
secret_env = "TEST_HOOK_SECRET"

[[announce]]
id = "broken"
kind = "slack"
url_env = "TEST_BROKEN_URL"
"#
    )
}

/// Run `touchpoint announce` at `now` with the receivers' URLs in the environment.
async fn announce(dir: &Path, receiver: &Receiver, now: &str, extra: &[&str]) -> Output {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"));
    command
        .arg("announce")
        .arg("--config")
        .arg(dir.join("touchpoint.toml"))
        .arg("--data")
        .arg(dir.join("data"))
        .args(["--now", now, "--base-url", "https://meet.example.org/"])
        .args(extra)
        .env("TEST_SLACK_URL", receiver.url("/slack"))
        .env("TEST_DISCORD_URL", receiver.url("/discord"))
        .env("TEST_HOOK_URL", receiver.url("/hook"))
        .env("TEST_HOOK_SECRET", SECRET)
        .env(
            "TEST_BROKEN_URL",
            receiver.url(&format!("/fail/{HOOK_TOKEN}")),
        )
        .env("RUST_LOG", "debug");
    command.output().await.unwrap()
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn can_send_each_reminder_once_and_retry_a_failing_channel_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("touchpoint.toml"), community("")).unwrap();
    let receiver = Receiver::start().await;
    // Thursday 3 Dec, 55 minutes before the 14:00 UTC meeting.
    let first = announce(dir.path(), &receiver, "2026-12-03T13:05:00Z", &[]).await;
    let log = text(&first);
    assert_eq!(
        first.status.code(),
        Some(1),
        "the broken channel failed: {log}"
    );
    assert!(
        log.contains("slack: sent reminder 1h 2026-12-03T14:00:00Z"),
        "{log}"
    );
    assert!(log.contains("broken: FAILED reminder 1h"), "{log}");

    let slack = receiver.at("/slack");
    assert_eq!(slack.len(), 1);
    let body = slack[0].json();
    assert_eq!(body["blocks"][0]["text"]["text"], "Starts in 55 minutes");
    assert!(
        body["blocks"][1]["text"]["text"]
            .as_str()
            .unwrap()
            .starts_with("*<https://meet.example.org/series/weekly|Weekly sync>*\n")
    );
    let discord = receiver.at("/discord");
    assert_eq!(discord.len(), 1);
    assert_eq!(discord[0].json()["embeds"][0]["title"], "Weekly sync");
    assert_eq!(
        discord[0].json()["allowed_mentions"]["parse"],
        Value::Array(vec![])
    );
    let hook = receiver.at("/hook");
    assert_eq!(hook.len(), 1);
    let signature = hook[0].headers["x-touchpoint-signature"].to_str().unwrap();
    assert!(touchpoint_announce::sign::verify(
        SECRET.as_bytes(),
        &hook[0].body,
        signature
    ));
    assert!(!touchpoint_announce::sign::verify(
        b"another secret",
        &hook[0].body,
        signature
    ));
    assert_eq!(hook[0].json()["type"], "reminder");
    assert_eq!(
        hook[0].json()["occurrences"][0]["start"],
        "2026-12-03T14:00:00Z"
    );

    // The same "now" again: nothing is sent twice, and the failed one waits for its backoff.
    let again = announce(dir.path(), &receiver, "2026-12-03T13:05:00Z", &[]).await;
    assert_eq!(again.status.code(), Some(0), "{}", text(&again));
    assert_eq!(receiver.at("/slack").len(), 1);
    assert_eq!(receiver.at("/hook").len(), 1);
    assert_eq!(receiver.at("/fail/").len(), 1);

    // 31 seconds on, the broken channel is tried again (and fails again); the others are not.
    let retry = announce(dir.path(), &receiver, "2026-12-03T13:05:31Z", &[]).await;
    assert_eq!(retry.status.code(), Some(1));
    assert_eq!(receiver.at("/fail/").len(), 2);
    assert_eq!(receiver.at("/slack").len(), 1);

    // At the start it is more than its lead late: dropped, said so, never sent.
    let late = announce(dir.path(), &receiver, "2026-12-03T14:00:00Z", &[]).await;
    let late_log = text(&late);
    assert!(
        late_log.contains("broken: dropped reminder 1h"),
        "{late_log}"
    );
    assert!(late_log.contains("more than its lead late"), "{late_log}");
    assert_eq!(receiver.at("/fail/").len(), 2);

    // No secret in any output, though the broken hook echoed its URL back in its error.
    for output in [&first, &again, &retry, &late] {
        let all = text(output);
        assert!(!all.contains(SECRET), "{all}");
        assert!(!all.contains(HOOK_TOKEN), "{all}");
    }
    assert!(log.contains("no hook at [secret]"), "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn can_send_at_most_one_duplicate_when_the_sender_is_killed_mid_round() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("touchpoint.toml"),
        community_with(
            r#"
[[announce]]
id = "hook"
kind = "webhook"
url_env = "TEST_HOOK_URL"
secret_env = "TEST_HOOK_SECRET"
leads = ["1h"]
"#,
        ),
    )
    .unwrap();
    let receiver = Receiver::start().await;
    let now = "2026-12-03T13:05:00Z";
    let run = |path: &str| {
        let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"));
        command
            .arg("announce")
            .arg("--config")
            .arg(dir.path().join("touchpoint.toml"))
            .arg("--data")
            .arg(dir.path().join("data"))
            .args(["--now", now])
            .env("TEST_HOOK_URL", receiver.url(path))
            .env("TEST_HOOK_SECRET", SECRET)
            // The killed sender's lease must lapse within the test.
            .env("TOUCHPOINT_ANNOUNCE_LEASE", "1s")
            .kill_on_drop(true);
        command
    };

    // The first sender posts the reminder, and is killed with SIGKILL before it hears back
    // (so before it can record the send).
    let mut first = run("/stall/hook").spawn().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while receiver.at("/stall/").is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "nothing posted in 30 s"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    first.start_kill().unwrap();
    first.wait().await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;

    // The next sender does not know the reminder went out: it sends it again, once.
    let second = run("/hook").output().await.unwrap();
    assert!(second.status.success(), "{}", text(&second));
    assert_eq!(receiver.at("/hook").len(), 1, "{}", text(&second));
    // And then it is recorded: a third run sends nothing.
    let third = run("/hook").output().await.unwrap();
    assert!(third.status.success(), "{}", text(&third));
    assert_eq!(receiver.at("/hook").len(), 1, "{}", text(&third));
    // In all, the message reached the channel twice: at most one duplicate.
    let all = [receiver.at("/stall/"), receiver.at("/hook")].concat();
    assert_eq!(all.len(), 2);
    assert_eq!(
        all[0].body, all[1].body,
        "the duplicate is the same message"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn can_announce_an_edit_of_the_file_once_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("touchpoint.toml");
    std::fs::write(&file, community("")).unwrap();
    let receiver = Receiver::start().await;
    // Monday: no reminder due yet; the first run only takes the snapshot.
    let first = announce(dir.path(), &receiver, "2026-11-30T08:00:00Z", &[]).await;
    assert_eq!(first.status.code(), Some(0), "{}", text(&first));
    assert!(receiver.at("/hook").is_empty());
    // The organizers cancel next week's meeting and move this week's.
    std::fs::write(
        &file,
        community(
            "[[series.exceptions]]\ndate = 2026-12-10\ncancel = \"Holiday\"\n\n\
             [[series.exceptions]]\ndate = 2026-12-03\nmove_to = 2026-12-04T16:00:00\n",
        ),
    )
    .unwrap();
    let dry = announce(
        dir.path(),
        &receiver,
        "2026-11-30T08:01:00Z",
        &["--dry-run"],
    )
    .await;
    let dry_text = text(&dry);
    assert!(
        dry_text.contains("== hook cancelled 2026-12-10T14:00:00Z (webhook)"),
        "{dry_text}"
    );
    assert!(receiver.at("/hook").is_empty(), "a dry run sends nothing");
    for round in 0..3 {
        // A restart, a cron run, another: the notices go out once, from the first of them (the
        // broken channel fails on its own each time).
        let run = announce(dir.path(), &receiver, "2026-11-30T08:01:00Z", &[]).await;
        let out = String::from_utf8_lossy(&run.stdout);
        assert_eq!(
            out.contains("hook: sent"),
            round == 0,
            "round {round}: {out}"
        );
        assert!(!out.contains("hook: FAILED"), "round {round}: {out}");
    }
    let notices: Vec<(String, String)> = receiver
        .at("/hook")
        .iter()
        .map(|r| {
            let body = r.json();
            (
                body["change"].as_str().unwrap().to_owned(),
                body["occurrences"][0]["start"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        notices,
        [
            ("moved".to_owned(), "2026-12-04T15:00:00Z".to_owned()),
            ("cancelled".to_owned(), "2026-12-10T14:00:00Z".to_owned()),
        ]
    );
    let moved = &receiver.at("/hook")[0].json();
    assert_eq!(moved["from"], "2026-12-03T14:00:00Z");
    assert_eq!(receiver.at("/slack").len(), 2);
}

/// A community with one weekly meeting and the `[[announce]]` entries given.
fn community_with(announce: &str) -> String {
    format!(
        r#"
[community]
name = "Example"
timezone = "Europe/Berlin"

[[series]]
id = "weekly"
title = "Weekly sync"
timezone = "Europe/Berlin"
start = "15:00"
duration = "1h"
repeat = "weekly on Thursday"
first = 2026-11-05
join = "https://meet.jit.si/example-weekly"
{announce}
"#
    )
}

/// Run `touchpoint announce` in `dir` at `now` with `env`.
async fn announce_with(dir: &Path, now: &str, env: &[(&str, &str)]) -> Output {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"));
    command
        .arg("announce")
        .arg("--config")
        .arg(dir.join("touchpoint.toml"))
        .arg("--data")
        .arg(dir.join("data"))
        .args(["--now", now, "--base-url", "https://meet.example.org/"])
        .env("RUST_LOG", "debug");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().await.unwrap()
}

/// A CA and a certificate for IP 127.0.0.1 signed by it, made by the `openssl` command in
/// `dir/tls` (`ca.crt`, `server.crt`, `server.key`).
fn make_certificates(dir: &Path) {
    let script = r#"set -e
mkdir -p tls && cd tls
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
  -subj "/CN=touchpoint test CA" -keyout ca.key -out ca.crt 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
  -subj "/CN=127.0.0.1" -keyout server.key -out server.csr 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' > ext.cnf
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
  -extfile ext.cnf -out server.crt 2>/dev/null
"#;
    let done = std::process::Command::new("sh")
        .args(["-c", script])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn test_python(var: &str, what: &str) -> std::path::PathBuf {
    std::env::var_os(var)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| panic!("{var} is not set: this test needs {what} (scripts/test)"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs python with aiosmtpd and icalendar, and openssl (scripts/test provides them)"]
async fn can_mail_the_list_over_starttls_with_auth_and_a_publish_attachment() {
    use tokio::io::AsyncBufReadExt;
    let python = test_python(
        "TOUCHPOINT_TEST_PYTHON",
        "python with aiosmtpd and icalendar",
    );
    let dir = tempfile::tempdir().unwrap();
    make_certificates(dir.path());
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let port = free_port();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/announce/smtp_server.py");
    let mut server = tokio::process::Command::new(&python)
        .arg(&script)
        .arg(&inbox)
        .arg(dir.path().join("tls/server.crt"))
        .arg(dir.path().join("tls/server.key"))
        .arg(port.to_string())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = tokio::io::BufReader::new(server.stdout.take().unwrap()).lines();
    assert_eq!(lines.next_line().await.unwrap().as_deref(), Some("ready"));

    std::fs::write(
        dir.path().join("touchpoint.toml"),
        community_with(
            r#"
[[announce]]
id = "list"
kind = "email"
to = "community@lists.example.org"
from = "meetings@example.org"
smtp_url_env = "TEST_SMTP_URL"
ca_file = "tls/ca.crt"
zones = ["Europe/Berlin", "America/New_York"]
"#,
        ),
    )
    .unwrap();
    let password = "s3cret-p4ss";
    let url = format!("smtp://list:{password}@127.0.0.1:{port}");
    let sent = announce_with(
        dir.path(),
        "2026-12-03T13:05:00Z",
        &[("TEST_SMTP_URL", &url)],
    )
    .await;
    let log = text(&sent);
    assert_eq!(sent.status.code(), Some(0), "{log}");
    assert!(log.contains("list: sent reminder 1h"), "{log}");
    assert!(!log.contains(password), "{log}");

    let mail: Value =
        serde_json::from_str(&std::fs::read_to_string(inbox.join("000.json")).unwrap()).unwrap();
    assert_eq!(mail["tls"], true, "STARTTLS was used");
    assert_eq!(mail["authenticated"], true);
    assert_eq!(mail["mail_from"], "meetings@example.org");
    assert_eq!(mail["rcpt_tos"][0], "community@lists.example.org");
    assert_eq!(mail["subject"], "Starts in 55 minutes: Weekly sync");
    assert!(
        mail["message_id"]
            .as_str()
            .unwrap()
            .ends_with("@touchpoint>")
    );
    let parts = mail["parts"].as_array().unwrap();
    let types: Vec<&str> = parts.iter().map(|p| p["type"].as_str().unwrap()).collect();
    assert_eq!(types, ["text/plain", "text/html", "text/calendar"]);
    assert!(
        parts[0]["body"].as_str().unwrap().contains(
            "Thu 3 Dec 2026 14:00–15:00 UTC · 15:00 Europe/Berlin · 09:00 America/New_York"
        )
    );
    assert!(
        parts[1]["body"]
            .as_str()
            .unwrap()
            .contains("<a href=\"https://meet.example.org/series/weekly\">")
    );
    assert_eq!(parts[2]["params"]["method"], "PUBLISH");
    let ical = &parts[2]["ical"];
    assert_eq!(ical["method"], "PUBLISH");
    assert_eq!(ical["uid"], "weekly@touchpoint.local");
    assert_eq!(ical["summary"], "Weekly sync");
    assert_eq!(ical["start"], "2026-12-03T14:00:00+00:00");

    // Again at the same "now": nothing more in the inbox.
    let again = announce_with(
        dir.path(),
        "2026-12-03T13:05:00Z",
        &[("TEST_SMTP_URL", &url)],
    )
    .await;
    assert_eq!(again.status.code(), Some(0), "{}", text(&again));
    assert_eq!(std::fs::read_dir(&inbox).unwrap().count(), 1);

    // A wrong password: refused by the server, reported, and the password never printed.
    let wrong = "wr0ng-p4ssword";
    let other = tempfile::tempdir().unwrap();
    std::fs::copy(
        dir.path().join("touchpoint.toml"),
        other.path().join("touchpoint.toml"),
    )
    .unwrap();
    std::fs::create_dir(other.path().join("tls")).unwrap();
    std::fs::copy(
        dir.path().join("tls/ca.crt"),
        other.path().join("tls/ca.crt"),
    )
    .unwrap();
    let url = format!("smtp://list:{wrong}@127.0.0.1:{port}");
    let refused = announce_with(
        other.path(),
        "2026-12-03T13:05:00Z",
        &[("TEST_SMTP_URL", &url)],
    )
    .await;
    let log = text(&refused);
    assert_eq!(refused.status.code(), Some(1), "{log}");
    assert!(log.contains("list: FAILED"), "{log}");
    assert!(!log.contains(wrong), "{log}");
    drop(server.stdin.take());
    let _ = server.wait().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Synapse (TOUCHPOINT_TEST_SYNAPSE, scripts/test provides it)"]
async fn can_post_to_a_room_of_a_real_matrix_homeserver() {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt};
    let venv = test_python(
        "TOUCHPOINT_TEST_SYNAPSE",
        "a virtualenv with matrix-synapse",
    );
    let dir = tempfile::tempdir().unwrap();
    let workdir = dir.path().join("synapse");
    std::fs::create_dir(&workdir).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/announce/matrix_server.py");
    let mut server = tokio::process::Command::new(venv.join("bin/python"))
        .arg(&script)
        .arg(&workdir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut stdin = server.stdin.take().unwrap();
    let mut lines = tokio::io::BufReader::new(server.stdout.take().unwrap()).lines();
    let ready: Value = serde_json::from_str(&lines.next_line().await.unwrap().unwrap()).unwrap();
    // How long Synapse took here (config generation, start, user and room), for the record.
    eprintln!("synapse: {}", ready["seconds"]);
    let (homeserver, token, room) = (
        ready["homeserver"].as_str().unwrap(),
        ready["token"].as_str().unwrap(),
        ready["room"].as_str().unwrap(),
    );
    std::fs::write(
        dir.path().join("touchpoint.toml"),
        community_with(&format!(
            r#"
[[announce]]
id = "room"
kind = "matrix"
homeserver = "{homeserver}"
room = "{room}"
token_env = "TEST_MATRIX_TOKEN"
"#
        )),
    )
    .unwrap();
    for _ in 0..2 {
        let sent = announce_with(
            dir.path(),
            "2026-12-03T13:05:00Z",
            &[("TEST_MATRIX_TOKEN", token)],
        )
        .await;
        let log = text(&sent);
        assert_eq!(sent.status.code(), Some(0), "{log}");
        assert!(!log.contains(token), "{log}");
    }
    stdin.write_all(b"messages\n").await.unwrap();
    let messages: Value = serde_json::from_str(&lines.next_line().await.unwrap().unwrap()).unwrap();
    let messages = messages.as_array().unwrap();
    assert_eq!(messages.len(), 1, "sent once over two runs: {messages:?}");
    let message = &messages[0];
    assert_eq!(message["msgtype"], "m.text");
    assert_eq!(message["format"], "org.matrix.custom.html");
    assert!(
        message["body"]
            .as_str()
            .unwrap()
            .starts_with("Starts in 55 minutes\n\nWeekly sync\n")
    );
    assert!(
        message["formatted_body"]
            .as_str()
            .unwrap()
            .contains("<a href=\"https://meet.example.org/series/weekly\">Weekly sync</a>")
    );
    drop(stdin);
    let _ = server.wait().await;
}

/// A plain HTTP/1.1 GET to the server under test; the whole answer, headers included.
fn http_get(addr: SocketAddr, path: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
}

/// Half an hour from the real clock, in UTC: a meeting then has its 1-hour reminder due as soon
/// as `serve` (which reads the real clock) starts.
fn half_an_hour_from_now() -> jiff::civil::DateTime {
    jiff::tz::TimeZone::UTC.to_datetime(
        jiff::Timestamp::now()
            .checked_add(jiff::SignedDuration::from_mins(30))
            .unwrap(),
    )
}

/// `touchpoint serve --config CONFIG` on `addr`, its store and log (`serve.log`) in `dir`,
/// announcing every 200 ms; `env`: the channels' variables.
fn spawn_serve(
    config: &Path,
    dir: &Path,
    addr: SocketAddr,
    env: &[(&str, String)],
) -> tokio::process::Child {
    let log = std::fs::File::create(dir.join("serve.log")).unwrap();
    tokio::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .arg("serve")
        .arg("--config")
        .arg(config)
        .arg("--data")
        .arg(dir.join("data"))
        .args(["--listen", &addr.to_string()])
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .env("TOUCHPOINT_ANNOUNCE_TICK", "200ms")
        .env("RUST_LOG", "debug")
        .stderr(log.try_clone().unwrap())
        .stdout(log)
        .kill_on_drop(true)
        .spawn()
        .unwrap()
}

/// The answers of `serve` at `addr` to `paths`, each a 200 that shows no secret.
async fn pages_without_secrets(addr: SocketAddr, paths: &[&'static str]) -> Vec<String> {
    let paths = paths.to_vec();
    let pages = tokio::task::spawn_blocking(move || {
        paths
            .iter()
            .map(|path| http_get(addr, path))
            .collect::<Vec<_>>()
    })
    .await
    .unwrap();
    for page in &pages {
        let head: String = page.chars().take(200).collect();
        assert!(page.starts_with("HTTP/1.1 200"), "{head}");
        assert!(
            !page.contains(SECRET) && !page.contains(HOOK_TOKEN),
            "{head}"
        );
    }
    pages
}

/// Wait at most 30 s for `done`, failing with `what` (a closure, to say how far it got).
async fn wait_for(done: impl Fn() -> bool, what: impl Fn() -> String) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !done() {
        assert!(
            std::time::Instant::now() < deadline,
            "{} within 30 s",
            what()
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn can_send_from_serve_in_the_background_without_showing_a_secret() {
    let dir = tempfile::tempdir().unwrap();
    let receiver = Receiver::start().await;
    // A daily meeting 30 minutes from the real clock (serve reads it), with a 1-hour reminder:
    // due as soon as serve starts.
    let start = half_an_hour_from_now();
    std::fs::write(
        dir.path().join("touchpoint.toml"),
        format!(
            r#"
[community]
name = "Example"
timezone = "UTC"

[[series]]
id = "daily"
title = "Daily standup"
timezone = "UTC"
start = "{:02}:{:02}"
duration = "15m"
repeat = "daily"
first = {}

[[announce]]
id = "hook"
kind = "webhook"
url_env = "TEST_HOOK_URL"
secret_env = "TEST_HOOK_SECRET"
leads = ["1h"]
"#,
            start.hour(),
            start.minute(),
            start.date()
        ),
    )
    .unwrap();
    let addr: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
    let env = [
        (
            "TEST_HOOK_URL",
            receiver.url(&format!("/hook/{HOOK_TOKEN}")),
        ),
        ("TEST_HOOK_SECRET", SECRET.to_owned()),
    ];
    let mut serve = spawn_serve(&dir.path().join("touchpoint.toml"), dir.path(), addr, &env);
    wait_for(
        || !receiver.at("/hook/").is_empty(),
        || "no reminder".to_owned(),
    )
    .await;
    // Rounds keep running every 200 ms: still one message a second later.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    let hook = receiver.at("/hook/");
    assert_eq!(hook.len(), 1);
    assert_eq!(hook[0].json()["occurrences"][0]["title"], "Daily standup");
    let signature = hook[0].headers["x-touchpoint-signature"].to_str().unwrap();
    assert!(touchpoint_announce::sign::verify(
        SECRET.as_bytes(),
        &hook[0].body,
        signature
    ));

    // Neither the pages, nor the API, nor the log show a secret.
    let pages = pages_without_secrets(
        addr,
        &[
            "/",
            "/health",
            "/series/daily",
            "/api/v1/series",
            "/api/v1/calendars",
        ],
    )
    .await;
    // The health page tells the organizer the channel works: its kind and its last send,
    // read from the outbox (a round every 200 ms has run since the message went out).
    let health = &pages[1];
    let card = &health[health
        .find(r#"id="channel-hook""#)
        .expect("the channel's card on /health")..];
    let card = &card[..card.find("</section>").unwrap()];
    assert!(card.contains("webhook"), "{card}");
    assert!(
        card.contains("<dt>Last sent</dt><dd><time"),
        "the last send is shown as a time: {card}"
    );
    assert!(card.contains("<strong>OK</strong>"), "{card}");
    serve.kill().await.unwrap();
    let log = std::fs::read_to_string(dir.path().join("serve.log")).unwrap();
    assert!(log.contains("announcement sent"), "{log}");
    assert!(!log.contains(SECRET) && !log.contains(HOOK_TOKEN), "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL (scripts/test provides it)"]
async fn can_send_each_message_once_from_replicas_sharing_postgresql() {
    let cluster = tokio::task::spawn_blocking(touchpoint_store::testing::Cluster::start)
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("touchpoint.toml"),
        community_with(
            r#"
[[announce]]
id = "hook"
kind = "webhook"
url_env = "TEST_HOOK_URL"
secret_env = "TEST_HOOK_SECRET"
"#,
        ),
    )
    .unwrap();
    let receiver = Receiver::start().await;
    let replica = || {
        let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"));
        command
            .arg("announce")
            .arg("--config")
            .arg(dir.path().join("touchpoint.toml"))
            .args(["--database", &cluster.url()])
            .args(["--now", "2026-12-03T13:05:00Z"])
            .env("TEST_HOOK_URL", receiver.url("/hook"))
            .env("TEST_HOOK_SECRET", SECRET);
        command
    };
    // Four replicas at once, at the same moment: one holds the lease and sends, the others
    // wait for it and find the message already in the outbox.
    let runs = futures_util::future::join_all((0..4).map(|_| replica().output())).await;
    for run in &runs {
        let run = run.as_ref().unwrap();
        assert_eq!(run.status.code(), Some(0), "{}", text(run));
    }
    let sent: usize = runs
        .iter()
        .map(|r| text(r.as_ref().unwrap()).matches("hook: sent").count())
        .sum();
    assert_eq!(sent, 1);
    assert_eq!(receiver.at("/hook").len(), 1);
}

/// A community of a hub folder: the weekly sync, and a webhook channel named `hook` in every
/// community (one id in two communities: the scopes keep them apart), its URL in `url_env`.
fn hub_member(name: &str, url_env: &str) -> String {
    format!(
        r#"
[community]
name = "{name}"
timezone = "Europe/Berlin"

[[series]]
id = "weekly"
title = "{name} sync"
timezone = "Europe/Berlin"
start = "15:00"
duration = "1h"
repeat = "weekly on Thursday"
first = 2026-11-05

[[announce]]
id = "hook"
kind = "webhook"
url_env = "{url_env}"
secret_env = "TEST_HOOK_SECRET"
leads = ["1h"]
"#
    )
}

async fn announce_hub(hub: &Path, data: &Path, receiver: &Receiver, now: &str) -> Output {
    tokio::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .arg("announce")
        .arg("--config")
        .arg(hub)
        .arg("--data")
        .arg(data)
        .args(["--now", now, "--base-url", "https://meet.example.org/"])
        .env("TEST_ALPHA_URL", receiver.url("/alpha"))
        .env("TEST_BETA_URL", receiver.url("/beta"))
        .env("TEST_HOOK_SECRET", SECRET)
        .output()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn can_announce_each_community_of_a_hub_on_its_own_channels() {
    let dir = tempfile::tempdir().unwrap();
    let hub = dir.path().join("hub");
    std::fs::create_dir(&hub).unwrap();
    std::fs::write(
        hub.join("alpha.toml"),
        hub_member("Alpha", "TEST_ALPHA_URL"),
    )
    .unwrap();
    std::fs::write(hub.join("beta.toml"), hub_member("Beta", "TEST_BETA_URL")).unwrap();
    std::fs::write(hub.join("broken.toml"), "[community]\nname = 3\n").unwrap();
    let data = dir.path().join("data");
    let receiver = Receiver::start().await;
    let first = announce_hub(&hub, &data, &receiver, "2026-12-03T13:05:00Z").await;
    let log = text(&first);
    // Each community's reminder went to its own channel, with links under its prefix.
    for (community, title) in [("alpha", "Alpha sync"), ("beta", "Beta sync")] {
        assert!(
            log.contains(&format!("{community}/hook: sent reminder 1h")),
            "{log}"
        );
        let got = receiver.at(&format!("/{community}"));
        assert_eq!(got.len(), 1, "{community}: {log}");
        // The message names its community: one endpoint shared by both tells them apart.
        let body = got[0].json();
        assert_eq!(body["community"], community);
        let id = body["id"].as_str().unwrap();
        assert!(id.starts_with(&format!("{community}/hook weekly@")), "{id}");
        let occurrence = &body["occurrences"][0];
        assert_eq!(occurrence["title"], title);
        assert_eq!(occurrence["start"], "2026-12-03T14:00:00Z");
        let link = occurrence["page"].as_str().unwrap_or_default().to_owned();
        assert!(
            link.starts_with(&format!("https://meet.example.org/{community}/")),
            "{community}: {}",
            got[0].json()
        );
    }
    // The broken community file is reported and fails the run; the others sent all the same.
    assert_eq!(first.status.code(), Some(1), "{log}");
    assert!(log.contains("broken: nothing sent"), "{log}");

    // The same "now" again: each community's outbox holds its message, nothing goes twice.
    let again = announce_hub(&hub, &data, &receiver, "2026-12-03T13:05:00Z").await;
    assert_eq!(
        again.status.code(),
        Some(1),
        "only the broken file: {}",
        text(&again)
    );
    assert!(!text(&again).contains("FAILED"), "{}", text(&again));
    assert_eq!(receiver.at("/alpha").len(), 1, "{}", text(&again));
    assert_eq!(receiver.at("/beta").len(), 1, "{}", text(&again));
    assert!(!text(&again).contains("sent reminder"), "{}", text(&again));

    // A dry run of the next week names each community and what it would send.
    let dry = tokio::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .args(["announce", "--dry-run", "--config"])
        .arg(&hub)
        .arg("--data")
        .arg(&data)
        .args(["--now", "2026-12-10T13:05:00Z"])
        .output()
        .await
        .unwrap();
    let planned = text(&dry);
    assert!(
        planned.contains("# alpha\n== hook reminder 1h"),
        "{planned}"
    );
    assert!(planned.contains("Beta sync"), "{planned}");
    assert_eq!(receiver.at("/alpha").len(), 1, "a dry run sends nothing");

    // A member file run on its own against the hub's store is refused: it would send alpha's
    // reminder again, with links outside `/alpha/`.
    let alone = tokio::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .arg("announce")
        .arg("--config")
        .arg(hub.join("alpha.toml"))
        .arg("--data")
        .arg(&data)
        .args(["--now", "2026-12-03T13:05:00Z"])
        .env("TEST_ALPHA_URL", receiver.url("/alpha"))
        .env("TEST_HOOK_SECRET", SECRET)
        .output()
        .await
        .unwrap();
    assert_eq!(alone.status.code(), Some(1), "{}", text(&alone));
    assert!(
        text(&alone).contains("announce with the hub"),
        "{}",
        text(&alone)
    );
    assert_eq!(receiver.at("/alpha").len(), 1, "nothing sent again");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn can_send_from_a_served_hub_for_each_community_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let receiver = Receiver::start().await;
    // A daily meeting 30 minutes from the real clock in each of two communities, with a
    // 1-hour reminder on a channel both call `hook`: due as soon as the hub starts.
    let start = half_an_hour_from_now();
    let hub = dir.path().join("hub");
    std::fs::create_dir(&hub).unwrap();
    for (id, url_env) in [("alpha", "TEST_ALPHA_URL"), ("beta", "TEST_BETA_URL")] {
        let member = hub_member(id, url_env)
            .replace(
                "start = \"15:00\"",
                &format!("start = \"{:02}:{:02}\"", start.hour(), start.minute()),
            )
            .replace("timezone = \"Europe/Berlin\"", "timezone = \"UTC\"")
            .replace("repeat = \"weekly on Thursday\"", "repeat = \"daily\"")
            .replace("first = 2026-11-05", &format!("first = {}", start.date()));
        std::fs::write(hub.join(format!("{id}.toml")), member).unwrap();
    }
    let addr: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
    let env = [
        (
            "TEST_ALPHA_URL",
            receiver.url(&format!("/alpha/{HOOK_TOKEN}")),
        ),
        ("TEST_BETA_URL", receiver.url("/beta")),
        ("TEST_HOOK_SECRET", SECRET.to_owned()),
        ("TEST_ALPHA_SECOND_URL", receiver.url("/second")),
        ("TOUCHPOINT_HUB_RELOAD", "200ms".to_owned()),
    ];
    let mut serve = spawn_serve(&hub, dir.path(), addr, &env);
    wait_for(
        || !receiver.at("/alpha").is_empty() && !receiver.at("/beta").is_empty(),
        || {
            let (a, b) = (receiver.at("/alpha").len(), receiver.at("/beta").len());
            format!("no reminder from each community ({a} and {b})")
        },
    )
    .await;
    // Rounds keep running every 200 ms: still one message each a second later.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    for (id, title) in [("alpha", "alpha sync"), ("beta", "beta sync")] {
        let got = receiver.at(&format!("/{id}"));
        assert_eq!(got.len(), 1, "{id}");
        assert_eq!(got[0].json()["occurrences"][0]["title"], title);
    }
    // Each community's health page shows its own channel's last send, and no secret.
    let pages = pages_without_secrets(addr, &["/alpha/health", "/beta/health"]).await;
    for page in &pages {
        let card = &page[page
            .find(r#"id="channel-hook""#)
            .expect("the channel's card on /health")..];
        let card = &card[..card.find("</section>").unwrap()];
        assert!(card.contains("<dt>Last sent</dt><dd><time"), "{card}");
    }
    // An edit of alpha's file adds a channel: the running announcer sends on it, and sends
    // nothing again on the first.
    let file = hub.join("alpha.toml");
    let edited = std::fs::read_to_string(&file).unwrap()
        + "\n[[announce]]\nid = \"second\"\nkind = \"webhook\"\nurl_env = \"TEST_ALPHA_SECOND_URL\"\n\
           secret_env = \"TEST_HOOK_SECRET\"\nleads = [\"1h\"]\n";
    std::fs::write(&file, edited).unwrap();
    wait_for(
        || !receiver.at("/second").is_empty(),
        || "no reminder on the added channel".to_owned(),
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert_eq!(receiver.at("/second").len(), 1);
    assert_eq!(
        receiver.at("/alpha").len(),
        1,
        "the edit sent nothing twice"
    );
    serve.kill().await.unwrap();
    let log = std::fs::read_to_string(dir.path().join("serve.log")).unwrap();
    assert!(log.contains("announcement sent"), "{log}");
    assert!(log.contains("community \"alpha\" reloaded"), "{log}");
    assert!(!log.contains(SECRET) && !log.contains(HOOK_TOKEN), "{log}");
}
