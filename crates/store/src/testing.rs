//! Test support: a real PostgreSQL server in a temporary folder, for this crate's tests and the
//! binary's replica tests (feature `test-support`; never in a release build).
//!
//! `initdb` runs as the `postgres` user when the tests run as root; the server listens on a free
//! port on 127.0.0.1 only, with no Unix socket and fsync off. Needs Debian's `postgresql` package
//! (the binaries are found on PATH or under /usr/lib/postgresql/*/bin), and the `openssl` command
//! for [`Cluster::start_tls`]; without them the tests fail, they never skip.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A PostgreSQL cluster in a temporary folder, stopped on drop.
pub struct Cluster {
    bin: PathBuf,
    data: PathBuf,
    port: u16,
    as_postgres: bool,
    /// With [`Cluster::start_tls`]: the CA certificate that signed the server's.
    ca_file: Option<PathBuf>,
    /// Server options beyond the port and addresses (TLS files).
    options: String,
    _dir: tempfile::TempDir,
}

impl Cluster {
    /// Create and start a cluster.
    pub fn start() -> Cluster {
        let cluster = Cluster::init();
        cluster.start_server();
        cluster
    }

    /// Create and start a cluster that accepts TLS connections only (`hostssl` in pg_hba.conf,
    /// plain ones rejected), with a certificate for IP 127.0.0.1 (no DNS name) signed by a CA
    /// made for it by the `openssl` command ([`Cluster::ca_file`]).
    pub fn start_tls() -> Cluster {
        let mut cluster = Cluster::init();
        let tls = cluster.data.parent().unwrap().join("tls");
        let script = format!(
            r#"set -e
mkdir -p "{tls}" && cd "{tls}"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
  -subj "/CN=touchpoint test CA" -keyout ca.key -out ca.crt
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
  -subj "/CN=127.0.0.1" -keyout server.key -out server.csr
printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' > ext.cnf
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
  -extfile ext.cnf -out server.crt
chmod 600 server.key
printf 'hostssl all all 127.0.0.1/32 trust\nhostnossl all all 127.0.0.1/32 reject\n' > "{hba}"
"#,
            tls = tls.display(),
            hba = cluster.data.join("pg_hba.conf").display(),
        );
        cluster.run(Path::new("sh"), &["-c", &script]);
        cluster.options = format!(
            " -c ssl=on -c ssl_cert_file={} -c ssl_key_file={}",
            tls.join("server.crt").display(),
            tls.join("server.key").display()
        );
        cluster.ca_file = Some(tls.join("ca.crt"));
        cluster.start_server();
        cluster
    }

    /// The CA certificate (PEM) of a [`Cluster::start_tls`] cluster.
    pub fn ca_file(&self) -> &Path {
        self.ca_file
            .as_deref()
            .expect("a cluster made by start_tls")
    }

    /// Create the cluster's folder and database files (`initdb`), not started.
    fn init() -> Cluster {
        let bin = find_bin();
        let dir = tempfile::tempdir().unwrap();
        let as_postgres = run_output("id", &["-u"]).trim() == "0";
        if as_postgres {
            // initdb refuses root; the cluster's folder must belong to the postgres user.
            let uid: u32 = run_output("id", &["-u", "postgres"])
                .trim()
                .parse()
                .unwrap();
            let gid: u32 = run_output("id", &["-g", "postgres"])
                .trim()
                .parse()
                .unwrap();
            std::os::unix::fs::chown(dir.path(), Some(uid), Some(gid)).unwrap();
        }
        let data = dir.path().join("data");
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let cluster = Cluster {
            bin,
            data,
            port,
            as_postgres,
            ca_file: None,
            options: String::new(),
            _dir: dir,
        };
        cluster.pg(
            "initdb",
            &[
                "-D",
                cluster.data.to_str().unwrap(),
                "-U",
                "postgres",
                "--auth=trust",
                "--no-sync",
                "-E",
                "UTF8",
            ],
        );
        cluster
    }

    /// Start the server (again).
    pub fn start_server(&self) {
        let options = format!(
            "-p {} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off{}",
            self.port, self.options
        );
        let log = self.data.join("server.log");
        self.pg(
            "pg_ctl",
            &[
                "start",
                "-w",
                "-t",
                "30",
                "-D",
                self.data.to_str().unwrap(),
                "-l",
                log.to_str().unwrap(),
                "-o",
                &options,
            ],
        );
    }

    /// Stop the server at once (`-m immediate`), as a crash would.
    pub fn stop_server(&self) {
        self.pg(
            "pg_ctl",
            &[
                "stop",
                "-w",
                "-m",
                "immediate",
                "-D",
                self.data.to_str().unwrap(),
            ],
        );
    }

    /// The connection URL.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Run one of the server's programs, as the postgres user when we are root.
    fn pg(&self, program: &str, args: &[&str]) {
        self.run(&self.bin.join(program), args);
    }

    /// Run a program as the postgres user when we are root (so what it writes is the server's).
    fn run(&self, exe: &Path, args: &[&str]) {
        let program = exe.display();
        let output = if self.as_postgres {
            Command::new("runuser")
                .args(["-u", "postgres", "--"])
                .arg(exe)
                .args(args)
                .output()
        } else {
            Command::new(exe).args(args).output()
        }
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
        assert!(
            output.status.success(),
            "{program} failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = Command::new(if self.as_postgres { "runuser" } else { "true" })
            .args(if self.as_postgres {
                vec!["-u", "postgres", "--"]
            } else {
                vec![]
            })
            .arg(self.bin.join("pg_ctl"))
            .args(["stop", "-m", "immediate", "-D"])
            .arg(&self.data)
            .output();
    }
}

/// The folder holding initdb and pg_ctl: on PATH, or Debian's versioned folder.
fn find_bin() -> PathBuf {
    if let Ok(path) = std::env::var("PATH") {
        for dir in std::env::split_paths(&path) {
            if dir.join("initdb").is_file() && dir.join("pg_ctl").is_file() {
                return dir;
            }
        }
    }
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|entries| {
            entries
                .filter_map(|e| Some(e.ok()?.path().join("bin")))
                .collect()
        })
        .unwrap_or_default();
    versions.sort();
    versions
        .into_iter()
        .rev()
        .find(|bin| bin.join("initdb").is_file())
        .expect("PostgreSQL server binaries not found: apt-get install -y postgresql")
}

fn run_output(program: &str, args: &[&str]) -> String {
    let output = Command::new(program).args(args).output().unwrap();
    assert!(output.status.success(), "{program} {args:?} failed");
    String::from_utf8(output.stdout).unwrap()
}

/// The revision contract of [`crate::Store::revise`], run against any store (both databases'
/// tests call it): first publication, no change, a change to one event only, a clock behind the
/// stored one, an event that leaves and comes back. `at(s)` is an instant `s` seconds into the
/// test.
pub async fn check_revision_contract(store: &dyn crate::Store, at: fn(i64) -> jiff::Timestamp) {
    use crate::{Published, Revision};
    let published = |list: &[(&str, u64)]| -> Vec<Published> {
        list.iter()
            .map(|(key, fingerprint)| Published {
                key: (*key).to_owned(),
                fingerprint: *fingerprint,
            })
            .collect()
    };
    let revision = |sequence, modified| Revision { sequence, modified };
    let weekly = "weekly@example.org";
    let moved = "weekly@example.org RECURRENCE-ID;TZID=Europe/Berlin:20261221T170000";
    let first = store
        .revise(&published(&[(weekly, 1), (moved, 2)]), at(0))
        .await
        .unwrap();
    assert_eq!(first, [revision(0, at(0)), revision(0, at(0))]);
    // Published again unchanged (a restart, another replica): nothing moves.
    let again = store
        .revise(&published(&[(weekly, 1), (moved, 2)]), at(60))
        .await
        .unwrap();
    assert_eq!(again, first);
    // The override changes: only its revision rises.
    let edited = store
        .revise(&published(&[(weekly, 1), (moved, 3)]), at(120))
        .await
        .unwrap();
    assert_eq!(edited, [revision(0, at(0)), revision(1, at(120))]);
    // A replica whose clock is behind still moves LAST-MODIFIED forward.
    let behind = store
        .revise(&published(&[(moved, 4)]), at(30))
        .await
        .unwrap();
    let just_after = at(121);
    assert_eq!(behind, [revision(2, just_after)]);
    // The series leaves the file and comes back as it was: its numbers are kept.
    let back = store
        .revise(&published(&[(weekly, 1)]), at(600))
        .await
        .unwrap();
    assert_eq!(back, [revision(0, at(0))]);
    // Come back changed: it continues its sequence rather than starting again at 0.
    let changed = store
        .revise(&published(&[(weekly, 9)]), at(700))
        .await
        .unwrap();
    assert_eq!(changed, [revision(1, at(700))]);
}

/// The announce outbox contract (issue 18) of [`crate::Store::enqueue`] and friends, run
/// against any store: a key is kept once whatever is enqueued again, only due pending messages
/// are handed out, a failure is retried from its retry time, a settled message stays settled,
/// health reports the last send and error per channel, pruning keeps what is pending, and the
/// snapshot is replaced whole. `at(s)` is an instant `s` seconds into the test.
pub async fn check_outbox_contract(store: &dyn crate::Store, at: fn(i64) -> jiff::Timestamp) {
    use crate::{Delivery, KnownOccurrences, NewMessage, Settle};
    let message = |channel: &str, kind: &str, due: i64, payload: &str| NewMessage {
        channel: channel.to_owned(),
        occurrence: "weekly@example.org 2026-12-03T15:00:00Z".to_owned(),
        kind: kind.to_owned(),
        due: at(due),
        expires: at(due + 3600),
        payload: payload.to_owned(),
    };
    let reminder = message("chat", "reminder 1h", 100, "first");
    let notice = message("list", "cancelled", 50, "notice");
    assert_eq!(
        store
            .enqueue("", &[reminder.clone(), notice.clone()])
            .await
            .unwrap(),
        2
    );
    // Planned again (a restart, another replica): the first copy is kept, nothing is added.
    let again = message("chat", "reminder 1h", 100, "second");
    assert_eq!(store.enqueue("", &[again]).await.unwrap(), 0);
    assert!(store.due_messages("", at(10), 10).await.unwrap().is_empty());
    let due = store.due_messages("", at(100), 10).await.unwrap();
    let keys: Vec<(&str, &str)> = due
        .iter()
        .map(|m| (m.message.channel.as_str(), m.message.payload.as_str()))
        .collect();
    assert_eq!(keys, [("list", "notice"), ("chat", "first")]);
    assert_eq!(due[1].message, reminder);
    assert_eq!(due[1].state, Delivery::Pending);

    // The chat channel fails: retried from its retry time, not before.
    let key = |m: &NewMessage| (m.channel.clone(), m.occurrence.clone(), m.kind.clone());
    let (c, o, k) = key(&reminder);
    store
        .settle(
            "",
            (&c, &o, &k),
            Settle::Failed {
                error: "the slack endpoint answered 500".into(),
                retry_at: at(160),
            },
            at(100),
        )
        .await
        .unwrap();
    let due = store.due_messages("", at(120), 10).await.unwrap();
    assert_eq!(due.len(), 1, "only the list's notice is due at 120 s");
    let due = store.due_messages("", at(160), 10).await.unwrap();
    let retried = due.iter().find(|m| m.message.channel == "chat").unwrap();
    assert_eq!(retried.attempts, 1);
    assert_eq!(
        retried.last_error.as_deref(),
        Some("the slack endpoint answered 500")
    );
    store
        .settle("", (&c, &o, &k), Settle::Sent, at(161))
        .await
        .unwrap();
    // Settled stays settled: a late failure report does not reopen it.
    store
        .settle(
            "",
            (&c, &o, &k),
            Settle::Failed {
                error: "late".into(),
                retry_at: at(170),
            },
            at(162),
        )
        .await
        .unwrap();
    let (lc, lo, lk) = key(&notice);
    store
        .settle(
            "",
            (&lc, &lo, &lk),
            Settle::Dropped {
                reason: "more than its lead late".into(),
            },
            at(200),
        )
        .await
        .unwrap();
    assert!(
        store
            .due_messages("", at(10_000), 10)
            .await
            .unwrap()
            .is_empty()
    );
    let all = store.outbox("").await.unwrap();
    let states: Vec<(&str, Delivery, u32, Option<jiff::Timestamp>)> = all
        .iter()
        .map(|m| {
            (
                m.message.channel.as_str(),
                m.state,
                m.attempts,
                m.settled_at,
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            ("chat", Delivery::Sent, 2, Some(at(161))),
            ("list", Delivery::Dropped, 0, Some(at(200))),
        ]
    );
    let health = store.channel_health("").await.unwrap();
    assert_eq!(health.len(), 2);
    assert_eq!(health[0].channel, "chat");
    assert_eq!(health[0].last_sent, Some(at(161)));
    assert_eq!(
        health[0].last_error,
        Some(("the slack endpoint answered 500".to_owned(), at(100)))
    );
    assert_eq!(health[1].last_sent, None);
    assert_eq!(health[1].pending, 0);

    // Pruning forgets settled, expired messages and keeps pending ones.
    let waiting = message("chat", "reminder 24h", 5_000, "later");
    store.enqueue("", &[waiting]).await.unwrap();
    assert_eq!(store.prune_outbox(at(100_000)).await.unwrap(), 2);
    let left = store.outbox("").await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].message.kind, "reminder 24h");

    // The snapshot: none at first, then replaced whole.
    assert_eq!(store.snapshot("").await.unwrap(), None);
    let first = KnownOccurrences {
        horizon: at(1_000),
        entries: vec![("a".into(), "{1}".into()), ("b".into(), "{2}".into())],
    };
    store.save_snapshot("", &first).await.unwrap();
    assert_eq!(store.snapshot("").await.unwrap().as_ref(), Some(&first));
    let second = KnownOccurrences {
        horizon: at(2_000),
        entries: vec![("c".into(), "{3}".into())],
    };
    store.save_snapshot("", &second).await.unwrap();
    assert_eq!(store.snapshot("").await.unwrap(), Some(second.clone()));
}

/// Two scopes of one store (a hub's communities, [`crate::Store`]'s "Scopes") keep their
/// outbox and snapshot apart: the same channel and occurrence in each are two messages, each
/// handed out, settled and reported in its own scope only, and each snapshot is replaced
/// without touching the other.
pub async fn check_announce_scopes(store: &dyn crate::Store, at: fn(i64) -> jiff::Timestamp) {
    use crate::{Delivery, KnownOccurrences, NewMessage, Settle};
    let message = |payload: &str| NewMessage {
        channel: "chat".to_owned(),
        occurrence: "weekly@example.org 2026-12-03T15:00:00Z".to_owned(),
        kind: "reminder 1h".to_owned(),
        due: at(100),
        expires: at(3_700),
        payload: payload.to_owned(),
    };
    assert_eq!(
        store
            .enqueue("lantern/", &[message("lantern's")])
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        store.enqueue("todo/", &[message("todo's")]).await.unwrap(),
        1
    );
    let due = store.due_messages("lantern/", at(100), 10).await.unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(
        due[0].message,
        message("lantern's"),
        "read without its scope"
    );
    let m = message("");
    store
        .settle(
            "lantern/",
            (&m.channel, &m.occurrence, &m.kind),
            Settle::Sent,
            at(101),
        )
        .await
        .unwrap();
    assert!(
        store
            .due_messages("lantern/", at(200), 10)
            .await
            .unwrap()
            .is_empty()
    );
    let other = store.due_messages("todo/", at(200), 10).await.unwrap();
    assert_eq!(
        other.len(),
        1,
        "settling one scope's message left the other's pending"
    );
    assert_eq!(other[0].message.payload, "todo's");
    let states = |scope: &'static str| async move {
        let outbox = store.outbox(scope).await.unwrap();
        outbox
            .iter()
            .map(|m| (m.message.channel.clone(), m.state))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        states("lantern/").await,
        [("chat".to_owned(), Delivery::Sent)]
    );
    assert_eq!(
        states("todo/").await,
        [("chat".to_owned(), Delivery::Pending)]
    );
    let health = store.channel_health("todo/").await.unwrap();
    assert_eq!(health.len(), 1);
    assert_eq!((health[0].channel.as_str(), health[0].pending), ("chat", 1));
    assert_eq!(health[0].last_sent, None, "lantern's send is not todo's");

    assert_eq!(store.snapshot("lantern/").await.unwrap(), None);
    let known = |horizon: i64, keys: &[&str]| KnownOccurrences {
        horizon: at(horizon),
        entries: keys
            .iter()
            .map(|k| ((*k).to_owned(), format!("{{{k}}}")))
            .collect(),
    };
    // Each scope's snapshot, as `(scope, horizon, keys)`, saved or expected.
    let save = |scope: &'static str, horizon: i64, keys: &'static [&'static str]| {
        let known = known(horizon, keys);
        async move { store.save_snapshot(scope, &known).await.unwrap() }
    };
    let expect = |scope: &'static str, horizon: i64, keys: &'static [&'static str]| {
        let known = known(horizon, keys);
        async move { assert_eq!(store.snapshot(scope).await.unwrap(), Some(known), "{scope}") }
    };
    save("lantern/", 1_000, &["a", "b"]).await;
    save("todo/", 2_000, &["a"]).await;
    save("lantern/", 3_000, &["c"]).await;
    expect("lantern/", 3_000, &["c"]).await;
    expect("todo/", 2_000, &["a"]).await;

    // A single community's empty scope on the same store (a member file run on its own by
    // mistake) reads and replaces only its own rows: the communities' stay as they were.
    assert_eq!(store.enqueue("", &[message("alone")]).await.unwrap(), 1);
    let due = store.due_messages("", at(200), 10).await.unwrap();
    assert_eq!(due.len(), 1, "{due:?}");
    assert_eq!(due[0].message.payload, "alone");
    assert_eq!(store.outbox("").await.unwrap().len(), 1);
    let health = store.channel_health("").await.unwrap();
    assert_eq!((health.len(), health[0].channel.as_str()), (1, "chat"));
    assert_eq!(store.snapshot("").await.unwrap(), None);
    save("", 4_000, &["d"]).await;
    expect("", 4_000, &["d"]).await;
    expect("lantern/", 3_000, &["c"]).await;
    expect("todo/", 2_000, &["a"]).await;
    assert_eq!(
        store
            .due_messages("todo/", at(200), 10)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        store.announce_scopes().await.unwrap(),
        ["", "lantern/", "todo/"]
    );
}
