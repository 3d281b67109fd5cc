//! kill -9 of a refresh in progress: a child process (this test binary, re-invoked on an ignored
//! test) serves a feed that changes on every request and refreshes it into a SQLite store in a
//! loop; the parent SIGKILLs it mid-refresh, reopens the store and checks that the record is
//! one whole, valid copy whose validators and version match its body. It lives with the binary
//! because the binary is what joins the fetcher to the store (`refresher::StoreCopies`).

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use jiff::Timestamp;
use touchpoint::refresher::StoreCopies;
use touchpoint_fetch::{FetchConfig, Fetcher, Location, RefreshOutcome, refresh_one, validate};
use touchpoint_store::{SqliteStore, Store};

#[path = "../../store/tests/support/kill_child.rs"]
mod kill_child;
use kill_child::kill_child_after;

/// Where the child keeps its store; set only for the child.
const CHILD_DIR: &str = "TOUCHPOINT_FETCH_KILL_CHILD_DIR";

/// Generation `n` of the feed: a valid calendar of about 600 KiB naming its generation.
fn feed(n: i64) -> String {
    let padding = format!("{n:x}").repeat(40_000 / format!("{n:x}").len());
    let events: String = (0..15)
        .map(|i| {
            format!(
                "BEGIN:VEVENT\r\nUID:{i}@gen\r\nDTSTAMP:20260101T000000Z\r\n\
                 DTSTART:20260105T170000Z\r\nSUMMARY:generation {n}\r\n\
                 DESCRIPTION:{padding}\r\nEND:VEVENT\r\n"
            )
        })
        .collect();
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kill//EN\r\n{events}END:VCALENDAR\r\n")
}

#[test]
#[ignore = "the child process of can_keep_a_whole_copy_when_a_refresh_is_killed, which runs it"]
fn child_refreshes_until_killed() {
    let dir =
        std::env::var_os(CHILD_DIR).expect("run by can_keep_a_whole_copy_when_a_refresh_is_killed");
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = SqliteStore::open(dir.as_ref()).unwrap();
        // The feed continues from the stored generation, so every refresh stores a new body.
        let start = store.get("feed").await.unwrap().map_or(0, |r| r.version);
        let generation = Arc::new(AtomicI64::new(start));
        let app = Router::new()
            .route(
                "/feed.ics",
                get(|State(g): State<Arc<AtomicI64>>| async move {
                    let n = g.fetch_add(1, Ordering::SeqCst) + 1;
                    ([(header::ETAG, format!("\"gen-{n}\""))], feed(n)).into_response()
                }),
            )
            .with_state(generation);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let location = Location::url(&format!(
            "http://{}/feed.ics",
            listener.local_addr().unwrap()
        ))
        .unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

        // The feed is on 127.0.0.1, which the default configuration refuses.
        let fetcher = Fetcher::new(FetchConfig {
            allow_private_addresses: true,
            ..FetchConfig::default()
        })
        .unwrap();
        let mut second = 0;
        loop {
            second += 1;
            let now = Timestamp::from_second(1_800_000_000 + second).unwrap();
            let report = refresh_one(&fetcher, &StoreCopies(&store), "feed", &location, now)
                .await
                .unwrap();
            let RefreshOutcome::Updated { version, .. } = report.outcome else {
                panic!("expected a new copy, got {report:?}");
            };
            println!("committed {version}");
        }
    });
}

#[test]
fn can_keep_a_whole_copy_when_a_refresh_is_killed() {
    let tmp = tempfile::tempdir().unwrap();
    let mut last_seen = 0;
    for round in 0..3u64 {
        // Vary the moment so the kill lands in different phases: fetching, parsing, writing.
        let committed = kill_child_after(
            "child_refreshes_until_killed",
            CHILD_DIR,
            tmp.path(),
            2,
            Duration::from_millis(5 + 11 * round),
        );

        let store = SqliteStore::open(tmp.path()).unwrap();
        let rt = tokio::runtime::Runtime::new().unwrap();
        let record = rt.block_on(store.get("feed")).unwrap().unwrap();
        let v = record.version;
        assert!(
            v >= committed,
            "round {round}: refresh {committed} lost, found {v}"
        );
        assert!(v > last_seen, "round {round}: no progress past {last_seen}");
        let body = record.body.expect("a copy");
        assert_eq!(
            body,
            feed(v).into_bytes(),
            "round {round}: the body is generation {v}"
        );
        assert_eq!(record.etag, Some(format!("\"gen-{v}\"")));
        assert_eq!(record.summary, Some(validate(&body).unwrap().summary));
        assert_eq!(record.last_error, None);
        last_seen = v;
    }
}
