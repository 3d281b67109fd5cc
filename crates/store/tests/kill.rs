//! kill -9 in the middle of a write: a child process (this test binary, re-invoked on an ignored
//! test) saves large bodies in a loop; the parent SIGKILLs it mid-stream, reopens the database
//! and checks that the record is one whole copy — never a torn mix — and that nothing the child
//! reported as committed was lost.

use std::time::Duration;

use jiff::Timestamp;
use touchpoint_store::{NewCopy, SqliteStore, Store};

#[path = "support/kill_child.rs"]
mod kill_child;
use kill_child::kill_child_after;

/// Where the child writes; set only for the child.
const CHILD_DIR: &str = "TOUCHPOINT_STORE_KILL_CHILD_DIR";
const BASE_LEN: usize = 2 * 1024 * 1024;

/// Generation `n`'s body: every byte the same letter, and a length that encodes `n`, so a body
/// mixed from two generations or cut short is detectable.
fn body_for(n: i64) -> Vec<u8> {
    vec![b'A' + (n % 26) as u8; BASE_LEN + n as usize]
}

#[test]
#[ignore = "the child process of can_keep_a_whole_copy_when_killed_mid_write, which runs it"]
fn child_writes_until_killed() {
    let dir =
        std::env::var_os(CHILD_DIR).expect("run by can_keep_a_whole_copy_when_killed_mid_write");
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = SqliteStore::open(dir.as_ref()).unwrap();
        let mut n = store.get("feed").await.unwrap().map_or(0, |r| r.version);
        loop {
            n += 1;
            let saved = store
                .save_success(
                    "feed",
                    NewCopy {
                        body: body_for(n),
                        etag: Some(format!("gen-{n}")),
                        last_modified: None,
                        summary: format!("gen {n}"),
                    },
                    Timestamp::from_second(1_800_000_000 + n).unwrap(),
                )
                .await
                .unwrap();
            assert_eq!(saved.version, n);
            store
                .save_failure(
                    "feed",
                    &format!("after gen {n}"),
                    Timestamp::from_second(1_800_000_000 + n).unwrap(),
                )
                .await
                .unwrap();
            println!("committed {n}");
        }
    });
}

#[test]
fn can_keep_a_whole_copy_when_killed_mid_write() {
    let tmp = tempfile::tempdir().unwrap();
    let mut last_seen = 0;
    for round in 0..3 {
        // After a few commits, kill at a moment that varies by round, most likely in the middle
        // of writing a 2 MiB body.
        let committed = kill_child_after(
            "child_writes_until_killed",
            CHILD_DIR,
            tmp.path(),
            3,
            Duration::from_millis(3 + 7 * round),
        );

        let store = SqliteStore::open(tmp.path()).unwrap();
        let rt = tokio::runtime::Runtime::new().unwrap();
        let record = rt.block_on(store.get("feed")).unwrap().unwrap();
        let v = record.version;
        assert!(
            v >= committed,
            "round {round}: commit {committed} lost, found {v}"
        );
        assert!(v > last_seen, "round {round}: no progress past {last_seen}");
        assert_eq!(
            record.body.as_deref(),
            Some(body_for(v).as_slice()),
            "round {round}: torn body"
        );
        assert_eq!(record.etag, Some(format!("gen-{v}")));
        assert_eq!(record.summary, Some(format!("gen {v}")));
        last_seen = v;

        let conn = rusqlite::Connection::open(store.path()).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .unwrap();
        assert_eq!(check, "ok");
    }
}
