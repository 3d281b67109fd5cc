//! The PostgreSQL store against a real server that each test starts for itself: `initdb` into a
//! temporary folder (as the `postgres` user when running as root), on a free port on 127.0.0.1,
//! stopped when the test ends. Needs Debian's `postgresql` package (the server binaries are
//! found on PATH or under /usr/lib/postgresql/*/bin), so the tests are `#[ignore]`d: a plain
//! `cargo test` passes without it, scripts/test installs it and runs them (`--include-ignored`),
//! and then they fail, never skip, when it is missing.

use std::time::Duration;

use jiff::Timestamp;
use touchpoint_store::testing::Cluster;
use touchpoint_store::{Bodies, NewCopy, PgStore, PgTls, Store, StoreErrorKind};

fn at(second: i64) -> Timestamp {
    Timestamp::from_second(1_800_000_000 + second).unwrap()
}

fn copy(body: &str) -> NewCopy {
    NewCopy {
        body: body.as_bytes().to_vec(),
        etag: Some(format!("\"{body}\"")),
        last_modified: None,
        summary: "1 event, 0 warnings".to_owned(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL (scripts/test provides it)"]
async fn can_keep_the_store_contract_on_postgresql() {
    let cluster = tokio::task::spawn_blocking(Cluster::start).await.unwrap();
    let store = PgStore::connect(&cluster.url(), 4).await.unwrap();
    assert_eq!(
        store.migrate().await.unwrap(),
        0,
        "connect already migrated"
    );

    let first = store
        .save_success("openssf", copy("one"), at(0))
        .await
        .unwrap();
    let same = store
        .save_success("openssf", copy("one"), at(10))
        .await
        .unwrap();
    let other = store
        .save_success("openssf", copy("two"), at(20))
        .await
        .unwrap();
    assert_eq!((first.version, first.changed), (1, true));
    assert_eq!((same.version, same.changed), (1, false));
    assert_eq!((other.version, other.changed), (2, true));

    assert_eq!(
        store
            .save_failure("openssf", "HTTP 500", at(30))
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        store
            .save_failure("openssf", "timed out", at(40))
            .await
            .unwrap(),
        2
    );
    let record = store.get("openssf").await.unwrap().unwrap();
    assert_eq!(
        record.body.as_deref(),
        Some(&b"two"[..]),
        "failure never erases"
    );
    assert_eq!(record.etag.as_deref(), Some("\"two\""));
    assert_eq!(record.fetched_at, Some(at(20)));
    assert_eq!(record.checked_at, Some(at(40)));
    assert_eq!(record.last_error.as_deref(), Some("timed out"));
    assert_eq!((record.failures, record.version), (2, 2));

    store.save_not_modified("openssf", at(50)).await.unwrap();
    let record = store.get("openssf").await.unwrap().unwrap();
    assert_eq!((record.failures, record.last_error.as_deref()), (0, None));
    assert_eq!(record.fetched_at, Some(at(50)));

    // A second replica (another pool) sees the same data, and migrating again is a no-op.
    let replica = PgStore::connect(&cluster.url(), 2).await.unwrap();
    let listed = replica.list(Bodies::Omit).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].body.as_deref(), listed[0].version), (None, 2));
    assert_eq!(
        replica.list(Bodies::Include).await.unwrap()[0]
            .body
            .as_deref(),
        Some(&b"two"[..])
    );
    assert!(replica.remove("openssf").await.unwrap());
    assert_eq!(store.get("openssf").await.unwrap(), None);
}

/// `sslmode=require` connects over TLS with the server's certificate verified: the server takes
/// TLS connections only, so a working store proves TLS; an unknown CA, a host name the
/// certificate does not name, and a plain connection are each refused with the reason.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL and openssl (scripts/test provides them)"]
async fn can_connect_over_verified_tls_only() {
    let cluster = tokio::task::spawn_blocking(Cluster::start_tls)
        .await
        .unwrap();
    let tls = PgTls {
        ca_file: Some(cluster.ca_file().to_owned()),
    };
    let url = format!("{}?sslmode=require", cluster.url());
    let store = PgStore::connect_with(&url, 2, &tls).await.unwrap();
    store
        .save_success("openssf", copy("over tls"), at(0))
        .await
        .unwrap();
    let record = store.get("openssf").await.unwrap().unwrap();
    assert_eq!(record.body.as_deref(), Some(&b"over tls"[..]));
    // libpq's verify-full (which tokio-postgres does not know) is read as require.
    let verify_full = url.replace("sslmode=require", "sslmode=verify-full");
    PgStore::connect_with(&verify_full, 1, &tls).await.unwrap();

    let refused = |url: String, tls: PgTls| async move {
        PgStore::connect_with(&url, 1, &tls)
            .await
            .expect_err("refused")
            .to_string()
    };
    // Only the system's CAs: the test CA is unknown.
    let err = refused(url.clone(), PgTls::default()).await;
    assert!(
        err.contains("invalid peer certificate: UnknownIssuer"),
        "{err}"
    );
    // The certificate names IP 127.0.0.1, not "localhost".
    let err = refused(url.replace("127.0.0.1", "localhost"), tls.clone()).await;
    assert!(err.contains("not valid for name \"localhost\""), "{err}");
    // Without sslmode the connection is plain, and this server refuses it.
    let err = refused(cluster.url(), PgTls::default()).await;
    assert!(err.contains("no encryption"), "{err}");
    // A CA file with a URL that does not ask for TLS is a mistake, said before connecting.
    let err = refused(cluster.url(), tls.clone()).await;
    assert!(err.contains("add sslmode=require"), "{err}");
    // A CA file without a certificate is an error before any connection.
    let dir = tempfile::tempdir().unwrap();
    let not_pem = dir.path().join("ca.pem");
    std::fs::write(&not_pem, "not a certificate\n").unwrap();
    let err = refused(
        url,
        PgTls {
            ca_file: Some(not_pem),
        },
    )
    .await;
    assert!(err.contains("no CA certificate"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL (scripts/test provides it)"]
async fn can_lease_each_source_to_one_replica_at_a_time() {
    let cluster = tokio::task::spawn_blocking(Cluster::start).await.unwrap();
    let a = PgStore::connect(&cluster.url(), 2).await.unwrap();
    let b = PgStore::connect(&cluster.url(), 2).await.unwrap();
    let long = Duration::from_secs(60);

    assert!(a.try_lease("openssf", "replica-a", long).await.unwrap());
    assert!(
        !b.try_lease("openssf", "replica-b", long).await.unwrap(),
        "a holds it"
    );
    assert!(
        a.try_lease("openssf", "replica-a", long).await.unwrap(),
        "renewal"
    );
    assert!(
        b.try_lease("chaoss", "replica-b", long).await.unwrap(),
        "leases are per source"
    );

    // Releasing lets the other replica in; releasing what one does not hold does nothing.
    b.release_lease("openssf", "replica-b").await.unwrap();
    assert!(!b.try_lease("openssf", "replica-b", long).await.unwrap());
    a.release_lease("openssf", "replica-a").await.unwrap();
    assert!(b.try_lease("openssf", "replica-b", long).await.unwrap());

    // A replica that dies holds its lease only until the ttl runs out.
    assert!(
        a.try_lease("openchain", "dead", Duration::from_millis(200))
            .await
            .unwrap()
    );
    assert!(!b.try_lease("openchain", "replica-b", long).await.unwrap());
    let until = std::time::Instant::now() + Duration::from_secs(5);
    while !b.try_lease("openchain", "replica-b", long).await.unwrap() {
        assert!(
            std::time::Instant::now() < until,
            "the dead replica's lease never ran out"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    // Many replicas racing for one source: exactly one wins.
    let mut tasks = Vec::new();
    for n in 0..8 {
        let url = cluster.url();
        tasks.push(tokio::spawn(async move {
            let store = PgStore::connect(&url, 1).await.unwrap();
            store
                .try_lease("race", &format!("replica-{n}"), long)
                .await
                .unwrap()
        }));
    }
    let mut winners = 0;
    for task in tasks {
        winners += usize::from(task.await.unwrap());
    }
    assert_eq!(winners, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL (scripts/test provides it)"]
async fn can_reconnect_after_the_database_restarts() {
    let cluster = tokio::task::spawn_blocking(Cluster::start).await.unwrap();
    let store = PgStore::connect(&cluster.url(), 2).await.unwrap();
    store
        .save_success("openssf", copy("one"), at(0))
        .await
        .unwrap();

    let cluster = tokio::task::spawn_blocking(move || {
        cluster.stop_server();
        cluster
    })
    .await
    .unwrap();
    let err = store.get("openssf").await.unwrap_err();
    assert!(
        matches!(err.kind(), StoreErrorKind::Connect | StoreErrorKind::Query),
        "{err}"
    );

    let _cluster = tokio::task::spawn_blocking(move || {
        cluster.start_server();
        cluster
    })
    .await
    .unwrap();
    // The pool drops the broken connections and makes new ones.
    let record = store.get("openssf").await.unwrap().unwrap();
    assert_eq!(record.body.as_deref(), Some(&b"one"[..]));
    assert_eq!(record.version, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL (scripts/test provides it)"]
async fn can_keep_revisions_on_postgresql_and_agree_between_replicas() {
    let cluster = tokio::task::spawn_blocking(Cluster::start).await.unwrap();
    let store = PgStore::connect(&cluster.url(), 4).await.unwrap();
    touchpoint_store::testing::check_revision_contract(&store, at).await;
    // Two replicas publish the same new content at once, with clocks a minute apart: both get
    // the numbers of whichever recorded it first.
    let replica = PgStore::connect(&cluster.url(), 4).await.unwrap();
    let published: Vec<touchpoint_store::Published> = (0..200)
        .map(|i| touchpoint_store::Published {
            key: format!("series-{i}@example.org"),
            fingerprint: i,
        })
        .collect();
    let (a, b) = tokio::join!(
        store.revise(&published, at(1000)),
        replica.revise(&published, at(1060)),
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a, b);
    assert!(a.iter().all(|r| r.sequence == 0));
    let first = a[0].modified;
    assert!(first == at(1000) || first == at(1060), "{first}");
    assert!(
        a.iter().all(|r| r.modified == first),
        "one transaction wrote them all"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL (scripts/test provides it)"]
async fn can_keep_each_scopes_announcements_apart() {
    let cluster = tokio::task::spawn_blocking(Cluster::start).await.unwrap();
    let store = PgStore::connect(&cluster.url(), 4).await.unwrap();
    touchpoint_store::testing::check_announce_scopes(&store, at).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL (scripts/test provides it)"]
async fn can_keep_the_announce_outbox_once_per_key_between_replicas() {
    let cluster = tokio::task::spawn_blocking(Cluster::start).await.unwrap();
    let store = PgStore::connect(&cluster.url(), 4).await.unwrap();
    touchpoint_store::testing::check_outbox_contract(&store, at).await;
    // Two replicas enqueue the same 100 messages at once: each key is stored once, and the
    // two counts of new messages add up to 100.
    let replica = PgStore::connect(&cluster.url(), 4).await.unwrap();
    let messages: Vec<touchpoint_store::NewMessage> = (0..100)
        .map(|i| touchpoint_store::NewMessage {
            channel: "chat".into(),
            occurrence: format!("series-{i}@example.org"),
            kind: "reminder 1h".into(),
            due: at(i),
            expires: at(i + 3600),
            payload: "{}".into(),
        })
        .collect();
    let (a, b) = tokio::join!(store.enqueue("", &messages), replica.enqueue("", &messages));
    assert_eq!(a.unwrap() + b.unwrap(), 100);
    assert_eq!(
        replica
            .due_messages("", at(10_000), 1000)
            .await
            .unwrap()
            .len(),
        101,
        "the 100 and the contract's pending one"
    );
}
