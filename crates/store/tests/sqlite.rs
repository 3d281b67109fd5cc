//! The SQLite store on a real database file in a temporary directory: persistence, the
//! failure-never-erases rule, version bumps and idempotent migrations.

use std::sync::Arc;

use jiff::Timestamp;
use touchpoint_store::{Bodies, NewCopy, SourceRecord, SqliteStore, Store};

fn at(second: i64) -> Timestamp {
    Timestamp::from_second(1_800_000_000 + second).unwrap()
}

fn copy(body: &str, etag: &str) -> NewCopy {
    NewCopy {
        body: body.as_bytes().to_vec(),
        etag: Some(etag.to_owned()),
        last_modified: Some("Tue, 01 Sep 2026 10:00:00 GMT".to_owned()),
        summary: "1 event, 0 warnings".to_owned(),
    }
}

#[tokio::test]
async fn can_open_creating_the_directory_and_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("nested/data");
    let store = SqliteStore::open(&dir).unwrap();
    assert_eq!(store.path(), dir.join("touchpoint.sqlite3"));
    assert!(store.path().is_file());
    assert_eq!(store.get("openssf").await.unwrap(), None);
    assert!(store.list(Bodies::Include).await.unwrap().is_empty());
}

#[tokio::test]
async fn can_reopen_and_find_everything_saved() {
    let tmp = tempfile::tempdir().unwrap();
    {
        let store = SqliteStore::open(tmp.path()).unwrap();
        let saved = store
            .save_success("openssf", copy("BEGIN:VCALENDAR", "\"v1\""), at(0))
            .await
            .unwrap();
        assert_eq!(saved.version, 1);
        assert!(saved.changed);
        store
            .save_failure("chaoss", "timed out", at(5))
            .await
            .unwrap();
    }
    let store = SqliteStore::open(tmp.path()).unwrap();
    let openssf = store.get("openssf").await.unwrap().unwrap();
    assert_eq!(
        openssf,
        SourceRecord {
            id: "openssf".into(),
            body: Some(b"BEGIN:VCALENDAR".to_vec()),
            etag: Some("\"v1\"".into()),
            last_modified: Some("Tue, 01 Sep 2026 10:00:00 GMT".into()),
            fetched_at: Some(at(0)),
            checked_at: Some(at(0)),
            last_error: None,
            failures: 0,
            summary: Some("1 event, 0 warnings".into()),
            version: 1,
        }
    );
    let chaoss = store.get("chaoss").await.unwrap().unwrap();
    assert_eq!(chaoss.body, None);
    assert_eq!(chaoss.fetched_at, None);
    assert_eq!(chaoss.checked_at, Some(at(5)));
    assert_eq!(chaoss.last_error.as_deref(), Some("timed out"));
    assert_eq!(chaoss.failures, 1);
    assert_eq!(chaoss.version, 0);
}

#[tokio::test]
async fn errors_when_failing_never_erase_the_last_good_copy() {
    let tmp = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(tmp.path()).unwrap();
    store
        .save_success("openssf", copy("good", "\"v1\""), at(0))
        .await
        .unwrap();
    assert_eq!(
        store
            .save_failure("openssf", "HTTP 500", at(10))
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        store
            .save_failure("openssf", "timed out", at(20))
            .await
            .unwrap(),
        2
    );
    let record = store.get("openssf").await.unwrap().unwrap();
    assert_eq!(record.body.as_deref(), Some(&b"good"[..]));
    assert_eq!(record.etag.as_deref(), Some("\"v1\""));
    assert_eq!(record.summary.as_deref(), Some("1 event, 0 warnings"));
    assert_eq!(record.fetched_at, Some(at(0)), "last success is kept");
    assert_eq!(record.checked_at, Some(at(20)));
    assert_eq!(record.last_error.as_deref(), Some("timed out"));
    assert_eq!(record.failures, 2);
    assert_eq!(record.version, 1);

    // A later success clears the error and the count.
    store
        .save_success("openssf", copy("good", "\"v1\""), at(30))
        .await
        .unwrap();
    let record = store.get("openssf").await.unwrap().unwrap();
    assert_eq!(record.last_error, None);
    assert_eq!(record.failures, 0);
}

#[tokio::test]
async fn can_bump_the_version_only_when_the_body_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(tmp.path()).unwrap();
    let first = store
        .save_success("a", copy("one", "e1"), at(0))
        .await
        .unwrap();
    let same = store
        .save_success("a", copy("one", "e2"), at(10))
        .await
        .unwrap();
    let other = store
        .save_success("a", copy("two", "e3"), at(20))
        .await
        .unwrap();
    store.save_not_modified("a", at(30)).await.unwrap();
    store.save_failure("a", "boom", at(40)).await.unwrap();
    assert_eq!((first.version, first.changed), (1, true));
    assert_eq!((same.version, same.changed), (1, false));
    assert_eq!((other.version, other.changed), (2, true));
    let record = store.get("a").await.unwrap().unwrap();
    assert_eq!(record.version, 2);
    assert_eq!(record.body.as_deref(), Some(&b"two"[..]));
    assert_eq!(record.etag.as_deref(), Some("e3"));
}

#[tokio::test]
async fn can_record_not_modified_without_touching_the_copy() {
    let tmp = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(tmp.path()).unwrap();
    store
        .save_success("a", copy("one", "e1"), at(0))
        .await
        .unwrap();
    store.save_failure("a", "HTTP 502", at(5)).await.unwrap();
    store.save_not_modified("a", at(10)).await.unwrap();
    let record = store.get("a").await.unwrap().unwrap();
    assert_eq!(record.body.as_deref(), Some(&b"one"[..]));
    assert_eq!(record.etag.as_deref(), Some("e1"));
    assert_eq!(record.fetched_at, Some(at(10)));
    assert_eq!(record.checked_at, Some(at(10)));
    assert_eq!(record.failures, 0);
    assert_eq!(record.last_error, None);
    assert_eq!(record.version, 1);

    // Without a copy, a 304 confirms nothing.
    store.save_not_modified("b", at(10)).await.unwrap();
    let b = store.get("b").await.unwrap().unwrap();
    assert_eq!((b.fetched_at, b.checked_at), (None, Some(at(10))));
}

#[tokio::test]
async fn can_list_with_or_without_bodies_in_id_order() {
    let tmp = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(tmp.path()).unwrap();
    store
        .save_success("b", copy("bee", "e"), at(0))
        .await
        .unwrap();
    store
        .save_success("a", copy("ay", "e"), at(0))
        .await
        .unwrap();
    let full = store.list(Bodies::Include).await.unwrap();
    let ids: Vec<_> = full.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(full[1].body.as_deref(), Some(&b"bee"[..]));
    let light = store.list(Bodies::Omit).await.unwrap();
    assert!(light.iter().all(|r| r.body.is_none()));
    assert_eq!(light[1].version, 1);
    assert!(store.remove("a").await.unwrap());
    assert!(!store.remove("a").await.unwrap());
    assert_eq!(store.list(Bodies::Omit).await.unwrap().len(), 1);
}

#[tokio::test]
async fn can_migrate_again_without_changing_anything() {
    let tmp = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(tmp.path()).unwrap();
    store
        .save_success("a", copy("one", "e"), at(0))
        .await
        .unwrap();
    assert_eq!(store.migrate().unwrap(), 0);
    drop(store);
    let store = SqliteStore::open(tmp.path()).unwrap();
    assert_eq!(store.migrate().unwrap(), 0);
    assert_eq!(store.get("a").await.unwrap().unwrap().version, 1);
}

#[tokio::test]
async fn errors_when_the_database_is_newer_than_this_binary() {
    let tmp = tempfile::tempdir().unwrap();
    drop(SqliteStore::open(tmp.path()).unwrap());
    let conn = rusqlite::Connection::open(tmp.path().join("touchpoint.sqlite3")).unwrap();
    conn.execute(
        "INSERT INTO schema_migrations (version, applied_at) VALUES (999, 'future')",
        [],
    )
    .unwrap();
    drop(conn);
    let err = SqliteStore::open(tmp.path()).unwrap_err();
    assert_eq!(err.kind(), touchpoint_store::StoreErrorKind::Migrate);
    assert!(err.to_string().contains("schema version 999"), "{err}");
}

#[tokio::test]
async fn errors_when_the_data_directory_cannot_be_created() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "not a directory").unwrap();
    let err = SqliteStore::open(&file.join("data")).unwrap_err();
    assert_eq!(err.kind(), touchpoint_store::StoreErrorKind::Open);
    assert!(
        err.to_string()
            .starts_with("cannot open the store: cannot create"),
        "{err}"
    );
}

#[tokio::test]
async fn can_be_shared_as_a_trait_object_across_tasks() {
    let tmp = tempfile::tempdir().unwrap();
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(tmp.path()).unwrap());
    let mut tasks = Vec::new();
    for n in 0..8 {
        let store = Arc::clone(&store);
        tasks.push(tokio::spawn(async move {
            store
                .save_failure("shared", &format!("failure {n}"), at(n))
                .await
        }));
    }
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    assert_eq!(store.get("shared").await.unwrap().unwrap().failures, 8);
    assert!(
        store
            .try_lease("shared", "me", std::time::Duration::from_secs(1))
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn can_keep_revisions_across_a_reopen() {
    let tmp = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(tmp.path()).unwrap();
    touchpoint_store::testing::check_revision_contract(&store, at).await;
    drop(store);
    // The numbers survive a restart: the same content published again keeps them.
    let reopened = SqliteStore::open(tmp.path()).unwrap();
    let kept = reopened
        .revise(
            &[touchpoint_store::Published {
                key: "weekly@example.org".to_owned(),
                fingerprint: 9,
            }],
            at(900),
        )
        .await
        .unwrap();
    assert_eq!(
        kept,
        [touchpoint_store::Revision {
            sequence: 1,
            modified: at(700)
        }]
    );
}

#[tokio::test]
async fn can_keep_the_announce_outbox_once_per_key_across_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path()).unwrap();
    touchpoint_store::testing::check_outbox_contract(&store, at).await;
    drop(store);
    let reopened = SqliteStore::open(dir.path()).unwrap();
    let snapshot = reopened.snapshot("").await.unwrap().unwrap();
    assert_eq!(snapshot.entries, [("c".to_owned(), "{3}".to_owned())]);
    assert_eq!(reopened.outbox("").await.unwrap().len(), 1);
}

#[tokio::test]
async fn can_keep_each_scopes_announcements_apart() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path()).unwrap();
    touchpoint_store::testing::check_announce_scopes(&store, at).await;
}
