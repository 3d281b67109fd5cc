//! Issue 15: the SEQUENCE, LAST-MODIFIED and DTSTAMP of the community's own events mean
//! something. The store keeps a fingerprint per published event; an edit of one series bumps that
//! series and no other, while touching the file, checking it out afresh or restarting changes
//! nothing, and two replicas sharing PostgreSQL publish the same bytes. End to end with the real
//! binary's `touchpoint build` (each build is a fresh process: a restart).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::{exported_feeds, touchpoint};

const COMMUNITY: &str = r#"[community]
name = "Revisions"
timezone = "UTC"

[[series]]
id = "weekly"
title = "Weekly"
timezone = "Europe/Berlin"
start = "17:00"
duration = "1h"
repeat = "weekly on Monday"
first = 2026-01-05

  [[series.exceptions]]
  date = 2026-12-21
  cancel = "Winter break"

[[series]]
id = "monthly"
title = "Monthly"
timezone = "America/Santiago"
start = "09:00"
duration = "1h"
repeat = "monthly on the first Tuesday"
first = 2026-01-06
"#;

/// The feeds of a static export, by path under the tree (only the `.ics` files: pages show
/// times relative to the moment of the build).
fn feeds(out: &Path) -> BTreeMap<String, String> {
    let found: BTreeMap<String, String> = exported_feeds(out)
        .into_iter()
        .map(|(name, path)| (name, std::fs::read_to_string(path).unwrap()))
        .collect();
    assert!(
        found.contains_key("calendar.ics") && found.contains_key("series/weekly.ics"),
        "{:?}",
        found.keys()
    );
    found
}

/// `touchpoint build` of `config` into a fresh folder under `dir`, with `store` arguments.
fn build(config: &Path, store: &[&str], dir: &Path, name: &str) -> BTreeMap<String, String> {
    let out = dir.join(name);
    let mut args: Vec<&std::ffi::OsStr> =
        vec!["build".as_ref(), "--config".as_ref(), config.as_ref()];
    args.extend(store.iter().map(std::ffi::OsStr::new));
    args.extend(["--out".as_ref(), out.as_os_str()]);
    touchpoint(args);
    feeds(&out)
}

/// The VEVENT of `uid` without RECURRENCE-ID in an iCalendar text, unfolded.
fn master<'a>(feed: &'a str, uid: &str) -> Vec<&'a str> {
    feed.split("BEGIN:VEVENT\r\n")
        .skip(1)
        .map(|block| block.split("END:VEVENT").next().unwrap())
        .map(|block| block.split("\r\n").collect::<Vec<_>>())
        .find(|lines| {
            lines.contains(&format!("UID:{uid}").as_str())
                && !lines.iter().any(|l| l.starts_with("RECURRENCE-ID"))
        })
        .unwrap_or_else(|| panic!("no master {uid} in\n{feed}"))
}

fn property<'a>(event: &[&'a str], name: &str) -> &'a str {
    event
        .iter()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))
        .unwrap_or_else(|| panic!("no {name} in {event:?}"))
}

/// The UID of a series: `{id}@` and the host the community derives.
fn uid_of(feed: &str, id: &str) -> String {
    feed.split("\r\n")
        .filter_map(|line| line.strip_prefix("UID:"))
        .find(|uid| uid.starts_with(&format!("{id}@")))
        .unwrap_or_else(|| panic!("no UID for {id}"))
        .to_owned()
}

fn scratch(what: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("touchpoint-revisions-{what}-"))
        .tempdir()
        .unwrap()
}

/// Set the file's modification time `ahead` into the future, as an edit-less `touch` or a fresh
/// checkout does.
fn touch(path: &Path, ahead: Duration) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() + ahead).unwrap();
}

/// What every store must give: same content, same bytes; one series edited, that series bumped.
fn check_revisions(store: &[&str], dir: &Path) {
    let config = dir.join("community.toml");
    std::fs::write(&config, COMMUNITY).unwrap();
    let first = build(&config, store, dir, "first");
    let calendar = &first["calendar.ics"];
    let (weekly, monthly) = (uid_of(calendar, "weekly"), uid_of(calendar, "monthly"));
    assert_eq!(property(&master(calendar, &weekly), "SEQUENCE"), "0");
    assert!(
        !calendar.contains("DTSTAMP:19700101T000000Z"),
        "a real DTSTAMP:\n{calendar}"
    );

    // Touched, then checked out afresh in another folder: nothing changes, byte for byte.
    touch(&config, Duration::from_secs(3600));
    assert_eq!(build(&config, store, dir, "touched"), first);
    let checkout = dir.join("checkout");
    std::fs::create_dir_all(&checkout).unwrap();
    let fresh: PathBuf = checkout.join("community.toml");
    std::fs::write(&fresh, COMMUNITY).unwrap();
    assert_eq!(build(&fresh, store, dir, "fresh"), first);

    // One series moves to 18:00: it alone gets a higher SEQUENCE and a later LAST-MODIFIED.
    std::thread::sleep(Duration::from_millis(1100));
    std::fs::write(&config, COMMUNITY.replace("\"17:00\"", "\"18:00\"")).unwrap();
    let edited = build(&config, store, dir, "edited");
    let (before, after) = (&first["calendar.ics"], &edited["calendar.ics"]);
    let (old, new) = (master(before, &weekly), master(after, &weekly));
    assert_eq!(property(&new, "SEQUENCE"), "1", "{new:?}");
    assert!(
        property(&new, "LAST-MODIFIED") > property(&old, "LAST-MODIFIED"),
        "{old:?} -> {new:?}"
    );
    assert_eq!(
        property(&new, "DTSTAMP"),
        property(&new, "LAST-MODIFIED"),
        "DTSTAMP says when the event last changed"
    );
    assert_eq!(
        master(before, &monthly),
        master(after, &monthly),
        "the other series keeps its numbers"
    );
    assert_eq!(
        first["series/monthly.ics"], edited["series/monthly.ics"],
        "the other series' feed keeps its bytes (and so its ETag)"
    );
    assert_ne!(first["series/weekly.ics"], edited["series/weekly.ics"]);

    // Built again (a restart) with the edit: the edit is not counted twice.
    assert_eq!(build(&config, store, dir, "again"), edited);
}

#[test]
fn can_bump_only_the_edited_series_across_restarts_on_sqlite() {
    let dir = scratch("sqlite");
    let data = dir.path().join("data");
    check_revisions(&["--data", data.to_str().unwrap()], dir.path());
}

#[test]
#[ignore = "needs PostgreSQL (scripts/test provides it)"]
fn can_bump_only_the_edited_series_and_agree_between_replicas_on_postgresql() {
    let cluster = touchpoint_store::testing::Cluster::start();
    let url = cluster.url();
    let dir = scratch("postgres");
    check_revisions(&["--database", &url], dir.path());
    // A second replica, its own process and folder, publishes the very same bytes.
    let config = dir.path().join("community.toml");
    let replica = build(&config, &["--database", &url], dir.path(), "replica");
    let edited = feeds(&dir.path().join("edited"));
    assert_eq!(replica, edited);
}

/// Whether the tests run as root (who may write anywhere).
fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// `touchpoint build` with a SQLite folder it may read but not write: run as `nobody` when the
/// tests run as root, else with the folder and file made read-only. The export goes to
/// `exports/{name}`, which anyone may write. Returns the feeds and the log.
fn build_read_only(
    config: &Path,
    data: &Path,
    dir: &Path,
    name: &str,
) -> (BTreeMap<String, String>, String) {
    use std::os::unix::fs::PermissionsExt;
    let exports = dir.join("exports");
    std::fs::create_dir_all(&exports).unwrap();
    std::fs::set_permissions(&exports, std::fs::Permissions::from_mode(0o777)).unwrap();
    let mut command = if is_root() {
        for path in [dir, data] {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let mut command = std::process::Command::new("setpriv");
        command
            .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_touchpoint"));
        command
    } else {
        for file in std::fs::read_dir(data).unwrap() {
            let file = file.unwrap().path();
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
        }
        std::fs::set_permissions(data, std::fs::Permissions::from_mode(0o555)).unwrap();
        std::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"))
    };
    let out = exports.join(name);
    let done = command
        .arg("build")
        .arg("--config")
        .arg(config)
        .arg("--data")
        .arg(data)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&done.stderr).into_owned();
    assert!(done.status.success(), "{log}");
    assert!(log.contains("the store is read-only"), "{log}");
    if !is_root() {
        // Writable again, so the folder can be removed.
        std::fs::set_permissions(data, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    (feeds(&out), log)
}

#[test]
fn keeps_the_recorded_revisions_when_the_store_is_read_only_on_sqlite() {
    let dir = scratch("read-only");
    let data = dir.path().join("data");
    let store = ["--data", data.to_str().unwrap()];
    let config = dir.path().join("community.toml");
    std::fs::write(&config, COMMUNITY).unwrap();
    build(&config, &store, dir.path(), "first");
    std::fs::write(&config, COMMUNITY.replace("\"17:00\"", "\"18:00\"")).unwrap();
    let edited = build(&config, &store, dir.path(), "edited");
    let weekly = uid_of(&edited["calendar.ics"], "weekly");
    assert_eq!(
        property(&master(&edited["calendar.ics"], &weekly), "SEQUENCE"),
        "1"
    );

    // The same content from a store that cannot be written: the recorded numbers, byte for byte
    // (not SEQUENCE 0 and a new DTSTAMP).
    assert_eq!(
        build_read_only(&config, &data, dir.path(), "same").0,
        edited
    );

    // An edit while it cannot be written: that series gets the next SEQUENCE, the other keeps
    // its numbers.
    std::fs::write(&config, COMMUNITY.replace("\"17:00\"", "\"19:00\"")).unwrap();
    let (later, log) = build_read_only(&config, &data, dir.path(), "later");
    assert!(log.contains("keep the last recorded"), "{log}");
    let (before, after) = (&edited["calendar.ics"], &later["calendar.ics"]);
    let moved = master(after, &weekly);
    assert_eq!(property(&moved, "SEQUENCE"), "2", "{moved:?}");
    assert!(
        property(&moved, "LAST-MODIFIED") > property(&master(before, &weekly), "LAST-MODIFIED")
    );
    let monthly = uid_of(before, "monthly");
    assert_eq!(master(before, &monthly), master(after, &monthly));
    assert_eq!(edited["series/monthly.ics"], later["series/monthly.ics"]);
}
