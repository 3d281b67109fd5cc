//! `path =` sources and embedded calendars: read whole, under the same size cap as HTTP.

use std::time::Duration;

use jiff::Timestamp;
use touchpoint_fetch::{
    FetchConfig, FetchErrorKind, FetchOutcome, Fetcher, Location, RefreshOutcome, refresh_one,
};
#[path = "support/copies.rs"]
mod copies;
use copies::MemoryCopies;

const CALENDAR: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n\
    UID:a@test\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260105T170000Z\r\nEND:VEVENT\r\n\
    END:VCALENDAR\r\n";

fn fetcher(max_body: u64) -> Fetcher {
    Fetcher::new(FetchConfig {
        max_body,
        total_timeout: Duration::from_secs(5),
        ..FetchConfig::default()
    })
    .unwrap()
}

#[tokio::test]
async fn can_read_a_path_source_from_disk() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("sister.ics");
    std::fs::write(&path, CALENDAR).unwrap();
    let outcome = fetcher(1024)
        .fetch(&Location::Path(path), Some("\"ignored\""), None)
        .await
        .unwrap();
    assert_eq!(
        outcome,
        FetchOutcome::Fetched {
            body: CALENDAR.as_bytes().to_vec(),
            etag: None,
            last_modified: None
        }
    );
}

#[tokio::test]
async fn errors_when_a_path_source_is_larger_than_the_cap() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("huge.ics");
    std::fs::write(&path, vec![b'x'; 2048]).unwrap();
    let err = fetcher(1024)
        .fetch(&Location::Path(path), None, None)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), FetchErrorKind::TooLarge);
    assert_eq!(err.to_string(), "body larger than 1 KiB");
}

#[tokio::test]
async fn errors_when_a_path_source_is_missing_and_keeps_the_copy() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("sister.ics");
    std::fs::write(&path, CALENDAR).unwrap();
    let store = MemoryCopies::default();
    let fetcher = fetcher(1024 * 1024);
    let location = Location::Path(path.clone());
    let t0 = Timestamp::from_second(1_800_000_000).unwrap();
    let ok = refresh_one(&fetcher, &store, "sister", &location, t0)
        .await
        .unwrap();
    assert!(matches!(
        ok.outcome,
        RefreshOutcome::Updated { version: 1, .. }
    ));

    std::fs::remove_file(&path).unwrap();
    let failed = refresh_one(&fetcher, &store, "sister", &location, t0)
        .await
        .unwrap();
    let RefreshOutcome::Failed { error, failures } = failed.outcome else {
        panic!("expected a failure, got {failed:?}");
    };
    assert_eq!(error.kind(), FetchErrorKind::Io);
    // The public text names no path; the detail, for the log, does.
    assert_eq!(error.to_string(), "the calendar file could not be read");
    assert!(
        error.detail().starts_with(&format!(
            "the calendar file could not be read: {}: ",
            path.display()
        )),
        "{}",
        error.detail()
    );
    assert_eq!(failures, 1);
    let record = store.get("sister").unwrap();
    assert_eq!(record.body.as_deref(), Some(CALENDAR.as_bytes()));
}

#[tokio::test]
async fn can_refresh_an_embedded_calendar_without_bumping_an_unchanged_version() {
    let store = MemoryCopies::default();
    let fetcher = fetcher(1024 * 1024);
    let location = Location::Embedded(CALENDAR.as_bytes());
    let t0 = Timestamp::from_second(1_800_000_000).unwrap();
    let first = refresh_one(&fetcher, &store, "sample", &location, t0)
        .await
        .unwrap();
    assert!(matches!(
        first.outcome,
        RefreshOutcome::Updated { version: 1, .. }
    ));
    let second = refresh_one(&fetcher, &store, "sample", &location, t0)
        .await
        .unwrap();
    assert_eq!(
        second.outcome,
        RefreshOutcome::Unchanged {
            summary: "1 event, 0 warnings".into()
        }
    );
}

/// Issue 14: a FIFO blocks whoever opens it for reading until a writer comes, so `refresh`
/// used to hang forever on `path = "a-fifo"`. Only regular files are read.
#[tokio::test]
async fn errors_at_once_when_a_path_source_is_a_fifo_or_a_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("fifo.ics");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // A symlink to the FIFO is no way around it either.
    let link = tmp.path().join("link.ics");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    let fetcher = fetcher(1024);
    for path in [fifo, link, tmp.path().to_path_buf()] {
        let started = std::time::Instant::now();
        let result = tokio::time::timeout(
            Duration::from_secs(20),
            fetcher.fetch(&Location::Path(path.clone()), None, None),
        )
        .await
        .expect("reading a FIFO must not hang");
        let err = result.unwrap_err();
        assert_eq!(err.kind(), FetchErrorKind::Io, "{path:?}");
        assert!(err.detail().ends_with("not a regular file"), "{err:?}");
        assert!(started.elapsed() < Duration::from_secs(2), "{path:?}");
    }
}

fn confined(root: &std::path::Path) -> Fetcher {
    Fetcher::new(FetchConfig {
        path_root: Some(root.to_path_buf()),
        total_timeout: Duration::from_secs(5),
        ..FetchConfig::default()
    })
    .unwrap()
}

/// Issue 14: `path =` read anything the service could (absolute paths, `..`, symlinks out of
/// the folder, /proc) and published it. With a root, only files inside it are read, and the
/// public error is the same whether the file outside exists or not.
#[tokio::test]
async fn errors_when_a_path_leads_out_of_the_root_saying_the_same_in_public() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("community");
    std::fs::create_dir_all(root.join("calendars")).unwrap();
    std::fs::write(root.join("calendars/inside.ics"), CALENDAR).unwrap();
    std::fs::write(tmp.path().join("secret.ics"), CALENDAR).unwrap();
    std::os::unix::fs::symlink(tmp.path().join("secret.ics"), root.join("out.ics")).unwrap();
    std::os::unix::fs::symlink(root.join("calendars/inside.ics"), root.join("in.ics")).unwrap();
    let fetcher = confined(&root);

    for ok in [
        "calendars/inside.ics",
        "in.ics",
        "./calendars/../calendars/inside.ics",
    ] {
        let outcome = fetcher
            .fetch(&Location::Path(root.join(ok)), None, None)
            .await;
        assert!(
            matches!(outcome, Ok(FetchOutcome::Fetched { .. })),
            "{ok}: {outcome:?}"
        );
    }
    let outside = [
        root.join("../secret.ics"),
        tmp.path().join("secret.ics"),
        root.join("out.ics"),
        std::path::PathBuf::from("/proc/self/environ"),
        std::path::PathBuf::from("/etc/passwd"),
    ];
    let missing = [root.join("missing.ics"), root.join("../missing.ics")];
    for path in outside.iter().chain(&missing) {
        let err = fetcher
            .fetch(&Location::Path(path.clone()), None, None)
            .await
            .unwrap_err();
        assert_eq!(err.kind(), FetchErrorKind::Io, "{path:?}");
        assert_eq!(err.to_string(), "the calendar file could not be read");
    }
    for path in &outside {
        let err = fetcher
            .fetch(&Location::Path(path.clone()), None, None)
            .await
            .unwrap_err();
        assert!(
            err.detail().contains("--allow-any-path"),
            "{}",
            err.detail()
        );
    }
    // Without a root (the operator's `--allow-any-path`), a file outside is read.
    let outcome = fetcher_anywhere()
        .fetch(&Location::Path(root.join("../secret.ics")), None, None)
        .await;
    assert!(
        matches!(outcome, Ok(FetchOutcome::Fetched { .. })),
        "{outcome:?}"
    );
}

fn fetcher_anywhere() -> Fetcher {
    fetcher(1024 * 1024)
}
