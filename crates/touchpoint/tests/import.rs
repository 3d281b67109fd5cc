//! `touchpoint import FORMAT SOURCE [--out FILE]`, run as the built binary (issue 17 §3).
//!
//! - ics: every producer fixture of the calendar crate (`crates/calendar/tests/fixtures/`, whose
//!   README cites the shape each follows) and the example's Google-shaped feeds are imported;
//!   each output passes `touchpoint check`, and for every series imported without a TODO the
//!   meetings `touchpoint occurrences` lists from the source and from the imported file (its
//!   compiled feed) are the same, over the years the fixtures cover.
//! - k8s-sigs and irc-meetings: excerpts of the real files (`tests/import/`, each citing its
//!   source) are imported; the output checks, the mappable meetings fall on the dates the
//!   source's own rules give, and the unmappable ones are TODOs on stderr and in the file.
//! - A URL source is fetched from a real HTTP server on 127.0.0.1.
//! - Hostile input (garbage, alias bombs, deep nesting, huge files, non-UTF-8, not iCalendar)
//!   is a clear error with exit 1, never a panic.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use jiff::civil::{Date, date};

const TODAY: &str = "2026-11-30";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_touchpoint"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import")
        .join(name)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `touchpoint import FORMAT SOURCE --today TODAY` with stdout as the file.
fn import(format: &str, source: &str, extra: &[&str]) -> Output {
    bin()
        .args(["import", format, source, "--today", TODAY])
        .args(extra)
        .output()
        .unwrap()
}

/// Import, assert success, write the file into `dir`, and assert `touchpoint check` accepts
/// it. Returns the file's path, its text and the report (stderr).
fn import_checked(dir: &Path, format: &str, source: &str) -> (PathBuf, String, String) {
    let done = import(format, source, &[]);
    let report = text(&done.stderr);
    assert!(done.status.success(), "import {source}: {report}");
    let toml = text(&done.stdout);
    let path = dir.join(format!("{}.toml", slug(source)));
    std::fs::write(&path, &toml).unwrap();
    let check = bin()
        .args(["check", "--config"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "check of the import of {source}: {}\n{}{toml}",
        text(&check.stdout),
        text(&check.stderr)
    );
    (path, toml, report)
}

fn slug(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// One line of `touchpoint occurrences --json`, the fields compared.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Listed {
    start: String,
    end: String,
}

/// The meetings (cancelled ones left out) `touchpoint occurrences --json` lists from `ics`
/// between `from` and `to`, by UID.
fn occurrences(ics: &Path, from: &str, to: &str) -> BTreeMap<String, BTreeSet<Listed>> {
    let done = bin()
        .args(["occurrences"])
        .arg(ics)
        .args(["--from", from, "--to", to, "--json"])
        .output()
        .unwrap();
    assert!(done.status.success(), "{}", text(&done.stderr));
    let mut by_uid: BTreeMap<String, BTreeSet<Listed>> = BTreeMap::new();
    for line in text(&done.stdout).lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        if value["status"] == "cancelled" {
            continue;
        }
        by_uid
            .entry(value["uid"].as_str().unwrap().to_owned())
            .or_default()
            .insert(Listed {
                start: value["start"].as_str().unwrap().to_owned(),
                end: value["end"].as_str().unwrap().to_owned(),
            });
    }
    by_uid
}

/// The imported community compiled to a feed (as the site publishes it), written to `dir`.
fn compiled_feed(dir: &Path, toml: &str, name: &str) -> PathBuf {
    let checked = touchpoint_community::parse(toml).unwrap();
    let ics = touchpoint_calendar::write(
        &checked.community.to_calendar(),
        jiff::Timestamp::UNIX_EPOCH,
    );
    let path = dir.join(format!("{name}.imported.ics"));
    std::fs::write(&path, ics).unwrap();
    path
}

/// Series id → the source VEVENT's UID, from the `# VEVENT UID …` comment before each live
/// `[[series]]`.
fn series_sources(toml: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    let mut uid = None;
    let mut in_series = false;
    for line in toml.lines() {
        if let Some(rest) = line.strip_prefix("# VEVENT UID ") {
            uid = Some(rest.to_owned());
        } else if line == "[[series]]" {
            in_series = true;
        } else if in_series && let Some(id) = line.strip_prefix("id = ") {
            map.insert(id.trim_matches('"').to_owned(), uid.take().unwrap());
            in_series = false;
        }
    }
    map
}

/// The subjects of the report's lines (`  - subject: message`).
fn reported(report: &str) -> BTreeSet<String> {
    report
        .lines()
        .filter_map(|l| l.strip_prefix("  - "))
        .filter_map(|l| l.split_once(": "))
        .map(|(subject, _)| subject.to_owned())
        .collect()
}

/// Imports `source`, checks the result, and asserts that every series imported without a TODO
/// lists the same meetings as the source over 2019-2028. Returns how many series and meetings
/// were compared.
fn compare_with_source(dir: &Path, source: &Path) -> (usize, usize) {
    let name = source.file_stem().unwrap().to_string_lossy().into_owned();
    let (_, toml, report) = import_checked(dir, "ics", &source.to_string_lossy());
    let imported = compiled_feed(dir, &toml, &name);
    let (from, to) = ("2019-01-01", "2029-01-01");
    let want = occurrences(source, from, to);
    let got = occurrences(&imported, from, to);
    let with_todo = reported(&report);
    // A source event may become several series (split where it was re-timed from a date on).
    let mut by_uid: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (id, uid) in series_sources(&toml) {
        by_uid.entry(uid).or_default().push(id);
    }
    let (mut series, mut meetings) = (0, 0);
    for (uid, ids) in by_uid {
        if ids.iter().any(|id| with_todo.contains(id)) {
            continue;
        }
        let want = want.get(&uid).cloned().unwrap_or_default();
        let got: BTreeSet<Listed> = (ids.iter())
            .flat_map(|id| got.get(&format!("{id}@touchpoint.local")).cloned())
            .flatten()
            .collect();
        assert!(!want.is_empty(), "{name}: {uid} lists nothing");
        assert_eq!(got, want, "{name}: series {ids:?} (UID {uid})");
        series += ids.len();
        meetings += want.len();
    }
    (series, meetings)
}

#[test]
fn ics_imports_check_and_list_the_same_meetings_as_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = repo().join("crates/calendar/tests/fixtures");
    let examples = repo().join("examples/todo-group/calendars");
    let mut sources: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ics"))
        .collect();
    sources.sort();
    sources.extend(["openssf.ics", "openchain.ics", "chaoss.ics"].map(|f| examples.join(f)));
    let (mut series_compared, mut meetings_compared) = (0, 0);
    for source in &sources {
        let (series, meetings) = compare_with_source(dir.path(), source);
        series_compared += series;
        meetings_compared += meetings;
    }
    eprintln!("{series_compared} series, {meetings_compared} meetings compared");
    // Not vacuous: most series import cleanly, with their exceptions.
    assert!(series_compared >= 20, "{series_compared} series compared");
    assert!(
        meetings_compared >= 500,
        "{meetings_compared} meetings compared"
    );
}

/// A DTSTART the rule does not give (a Monday, for a Tuesday rule) is a meeting all the same
/// (RFC 5545); a cancelled single event is not one.
const OFF_RULE: &str = "BEGIN:VCALENDAR\r\n\
VERSION:2.0\r\n\
PRODID:-//touchpoint//import test//EN\r\n\
BEGIN:VEVENT\r\n\
UID:off-rule@test\r\n\
DTSTART;TZID=Europe/Berlin:20270104T170000\r\n\
DTEND;TZID=Europe/Berlin:20270104T180000\r\n\
RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=5\r\n\
SUMMARY:Kick-off, then Tuesdays\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:called-off@test\r\n\
DTSTART:20270110T160000Z\r\n\
DURATION:PT1H\r\n\
SUMMARY:Called off\r\n\
STATUS:CANCELLED\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";

#[test]
fn ics_import_keeps_a_dtstart_the_rule_does_not_give() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("off-rule.ics");
    std::fs::write(&source, OFF_RULE).unwrap();
    let (series, meetings) = compare_with_source(dir.path(), &source);
    assert_eq!((series, meetings), (1, 5), "the Monday and four Tuesdays");
    let (_, toml, report) = import_checked(dir.path(), "ics", &source.to_string_lossy());
    assert!(toml.contains("first = 2027-01-05"), "{toml}");
    assert!(toml.contains("date = 2027-01-04\nextra = true"), "{toml}");
    assert!(
        report.contains("called-off: the whole event is cancelled"),
        "{report}"
    );
    assert!(toml.contains("# id = \"called-off\""), "{toml}");
}

#[test]
fn ics_import_writes_rules_exceptions_and_one_offs() {
    let dir = tempfile::tempdir().unwrap();
    let source = repo().join("crates/calendar/tests/fixtures/google.ics");
    let (_, toml, _) = import_checked(dir.path(), "ics", &source.to_string_lossy());
    // The weekly series with its EXDATEs and its moved instance.
    assert!(toml.contains("repeat = \"weekly on Wednesday\""), "{toml}");
    assert!(
        toml.contains("date = 2024-01-17\ncancel = \"cancelled\""),
        "{toml}"
    );
    assert!(
        toml.contains("date = 2024-02-07\nmove_to = 2024-02-08T11:00:00"),
        "{toml}"
    );
    // A single event is a series of one.
    assert!(toml.contains("rrule = \"FREQ=DAILY;COUNT=1\""), "{toml}");
    // The example's Google feed: INTERVAL=2 with WKST=SU and one day is still "every 2 weeks".
    let source = repo().join("examples/todo-group/calendars/openssf.ics");
    let (_, toml, _) = import_checked(dir.path(), "ics", &source.to_string_lossy());
    assert!(
        toml.contains("repeat = \"every 2 weeks on Tuesday\""),
        "{toml}"
    );
    assert!(toml.contains("last = "), "UNTIL becomes last: {toml}");
}

#[test]
fn ics_import_reports_what_it_cannot_express() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("google.ics", "an all-day event"),
        (
            "google.ics",
            "has its own title \"OSPO Weekly Sync (moved to Thursday)\"",
        ),
        (
            "outlook.ics",
            "its zone \"Customized Time Zone\" is not an IANA name",
        ),
        (
            "outlook_all_day.ics",
            "EXDATE 2020-05-12T10:00:00 is not a date the rule gives",
        ),
        // Each occurrence its own event: said, beside each of them.
        (
            "lfx.ics",
            "LFX wrote the 3 occurrences of one recurring meeting (UID 91734372257-…) as \
             separate events",
        ),
    ];
    for (file, expected) in cases {
        let source = repo().join("crates/calendar/tests/fixtures").join(file);
        let (_, toml, report) = import_checked(dir.path(), "ics", &source.to_string_lossy());
        assert!(report.contains(expected), "{file}: {report}");
        let todo = toml
            .lines()
            .find(|l| l.starts_with("# TODO:") && l.contains(expected));
        assert!(todo.is_some(), "{file}: no TODO for {expected:?}:\n{toml}");
    }
    // A series written commented out keeps what the feed says of it: settling its TODO is one
    // decision (a time for the all-day event, the IANA name of the file's zone).
    for (file, block) in [
        (
            "google.ics",
            "# title = \"Community Day\"\n# timezone = ?\n# start = ?\n# duration = \"24h\"\n\
             # rrule = \"FREQ=DAILY;COUNT=1\"\n# first = 2024-03-15\n",
        ),
        (
            "outlook.ics",
            "# title = \"Customized zone\"\n# timezone = ?\n# start = \"09:00\"\n\
             # duration = \"1h\"\n# rrule = \"FREQ=DAILY;COUNT=1\"\n# first = 2024-07-10\n",
        ),
    ] {
        let source = repo().join("crates/calendar/tests/fixtures").join(file);
        let (_, toml, _) = import_checked(dir.path(), "ics", &source.to_string_lossy());
        assert!(toml.contains(block), "{file}: {block:?} in {toml}");
    }
    // The Windows zone names Outlook writes are read as the reader reads them.
    let source = repo().join("crates/calendar/tests/fixtures/outlook.ics");
    let (_, toml, _) = import_checked(dir.path(), "ics", &source.to_string_lossy());
    assert!(toml.contains("timezone = \"Europe/Berlin\""), "{toml}");
    assert!(toml.contains("timezone = \"America/New_York\""), "{toml}");
}

/// A weekly Tuesday call whose producer moved instances onto times the series meets at anyway
/// (Google and Outlook allow it; the source calendar then shows two identical meetings): onto
/// next week's regular meeting, and two moves onto one Thursday. Beside them, a move onto a
/// Tuesday whose own meeting was moved away, which is a plain move.
const MOVED_ONTO_MEETINGS: &str = "BEGIN:VCALENDAR\r\n\
VERSION:2.0\r\n\
PRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n\
BEGIN:VEVENT\r\n\
UID:wg@test\r\n\
DTSTART;TZID=America/New_York:20270105T100000\r\n\
DTEND;TZID=America/New_York:20270105T110000\r\n\
RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=12\r\n\
SUMMARY:Working group\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:wg@test\r\n\
RECURRENCE-ID;TZID=America/New_York:20270112T100000\r\n\
DTSTART;TZID=America/New_York:20270119T100000\r\n\
DTEND;TZID=America/New_York:20270119T110000\r\n\
SEQUENCE:1\r\n\
SUMMARY:Working group\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:wg@test\r\n\
RECURRENCE-ID;TZID=America/New_York:20270202T100000\r\n\
DTSTART;TZID=America/New_York:20270204T100000\r\n\
DTEND;TZID=America/New_York:20270204T110000\r\n\
SEQUENCE:1\r\n\
SUMMARY:Working group\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:wg@test\r\n\
RECURRENCE-ID;TZID=America/New_York:20270209T100000\r\n\
DTSTART;TZID=America/New_York:20270204T100000\r\n\
DTEND;TZID=America/New_York:20270204T110000\r\n\
SEQUENCE:1\r\n\
SUMMARY:Working group\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:wg@test\r\n\
RECURRENCE-ID;TZID=America/New_York:20270302T100000\r\n\
DTSTART;TZID=America/New_York:20270309T100000\r\n\
DTEND;TZID=America/New_York:20270309T110000\r\n\
SEQUENCE:1\r\n\
SUMMARY:Working group\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:wg@test\r\n\
RECURRENCE-ID;TZID=America/New_York:20270309T100000\r\n\
DTSTART;TZID=America/New_York:20270310T100000\r\n\
DTEND;TZID=America/New_York:20270310T110000\r\n\
SEQUENCE:1\r\n\
SUMMARY:Working group\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";

#[test]
fn ics_import_writes_a_move_onto_a_meeting_as_one_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("moved-onto.ics");
    std::fs::write(&source, MOVED_ONTO_MEETINGS).unwrap();
    // The series is written live (not commented out), and `check` accepts it.
    let (_, toml, report) = import_checked(dir.path(), "ics", &source.to_string_lossy());
    assert!(
        toml.contains("\n[[series]]\nid = \"working-group\""),
        "{toml}"
    );
    for (date, onto) in [
        ("2027-01-12", "2027-01-19 10:00"),
        ("2027-02-09", "2027-02-04 10:00"),
    ] {
        assert!(
            toml.contains(&format!(
                "date = {date}\ncancel = \"moved to the {onto} meeting\""
            )),
            "{date}: {toml}"
        );
        let said = format!("working-group: the override of {date} moves it to {onto}");
        assert!(report.contains(&said), "{said:?} in {report}");
    }
    // The first move onto the Thursday, and the moves that land on a meeting moved away, stay.
    for (date, to) in [
        ("2027-02-02", "2027-02-04T10:00:00"),
        ("2027-03-02", "2027-03-09T10:00:00"),
        ("2027-03-09", "2027-03-10T10:00:00"),
    ] {
        assert!(
            toml.contains(&format!("date = {date}\nmove_to = {to}")),
            "{date}: {toml}"
        );
    }
    // The same meetings as the source shows a person, each once: the source lists 19 January
    // and 4 February twice.
    let imported = compiled_feed(dir.path(), &toml, "moved-onto");
    let want = &occurrences(&source, "2027-01-01", "2028-01-01")["wg@test"];
    let got = &occurrences(&imported, "2027-01-01", "2028-01-01")["working-group@touchpoint.local"];
    assert_eq!(got, want);
    assert_eq!(
        got.len(),
        10,
        "twelve Tuesdays, two of them merged: {got:?}"
    );
}

/// Three everyday edits, as producers write them:
/// - a moved meeting with an EXDATE of its own date beside the override (some producers
///   exclude every moved meeting; the override is what every reader shows);
/// - a meeting moved twice, both overrides left in the file (SEQUENCE 1, then 2);
/// - a cancelled meeting whose override carries a copy of the series' description, join link
///   included (Google's shape), which is no reason to publish; and one with a reason of its own
///   in Google's HTML.
const EVERYDAY_EDITS: &str = "BEGIN:VCALENDAR\r\n\
VERSION:2.0\r\n\
PRODID:-//touchpoint//import test//EN\r\n\
BEGIN:VEVENT\r\n\
UID:excluded-and-moved@test\r\n\
DTSTART;TZID=America/New_York:20270105T100000\r\n\
DTEND;TZID=America/New_York:20270105T110000\r\n\
RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6\r\n\
EXDATE;TZID=America/New_York:20270112T100000\r\n\
SUMMARY:Excluded and moved\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:excluded-and-moved@test\r\n\
RECURRENCE-ID;TZID=America/New_York:20270112T100000\r\n\
DTSTART;TZID=America/New_York:20270113T100000\r\n\
DTEND;TZID=America/New_York:20270113T110000\r\n\
SUMMARY:Excluded and moved\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:moved-twice@test\r\n\
DTSTART;TZID=Europe/Berlin:20270107T110000\r\n\
DTEND;TZID=Europe/Berlin:20270107T120000\r\n\
RRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=6\r\n\
SUMMARY:Moved twice\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:moved-twice@test\r\n\
RECURRENCE-ID;TZID=Europe/Berlin:20270114T110000\r\n\
SEQUENCE:2\r\n\
DTSTART;TZID=Europe/Berlin:20270116T110000\r\n\
DTEND;TZID=Europe/Berlin:20270116T120000\r\n\
SUMMARY:Moved twice\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:moved-twice@test\r\n\
RECURRENCE-ID;TZID=Europe/Berlin:20270114T110000\r\n\
SEQUENCE:1\r\n\
DTSTART;TZID=Europe/Berlin:20270115T110000\r\n\
DTEND;TZID=Europe/Berlin:20270115T120000\r\n\
SUMMARY:Moved twice\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:copied-description@test\r\n\
DTSTART;TZID=America/Los_Angeles:20270106T090000\r\n\
DTEND;TZID=America/Los_Angeles:20270106T100000\r\n\
RRULE:FREQ=WEEKLY;BYDAY=WE;COUNT=6\r\n\
SUMMARY:Copied description\r\n\
DESCRIPTION:Join Zoom Meeting<br>https://zoom.us/j/123?pwd=secret\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:copied-description@test\r\n\
RECURRENCE-ID;TZID=America/Los_Angeles:20270113T090000\r\n\
DTSTART;TZID=America/Los_Angeles:20270113T090000\r\n\
DTEND;TZID=America/Los_Angeles:20270113T100000\r\n\
STATUS:CANCELLED\r\n\
SUMMARY:Copied description\r\n\
DESCRIPTION:Join Zoom Meeting<br>https://zoom.us/j/123?pwd=secret\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:copied-description@test\r\n\
RECURRENCE-ID;TZID=America/Los_Angeles:20270120T090000\r\n\
DTSTART;TZID=America/Los_Angeles:20270120T090000\r\n\
DTEND;TZID=America/Los_Angeles:20270120T100000\r\n\
STATUS:CANCELLED\r\n\
SUMMARY:Copied description\r\n\
DESCRIPTION:<b>Holiday</b> in the US\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";

#[test]
fn ics_import_writes_what_the_reader_shows_of_everyday_edits() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("everyday.ics");
    std::fs::write(&source, EVERYDAY_EDITS).unwrap();
    // Each series is imported without a TODO, and lists the source's meetings.
    let (series, meetings) = compare_with_source(dir.path(), &source);
    assert_eq!((series, meetings), (3, 16), "6 + 6 + 4 (two cancelled)");
    let (_, toml, report) = import_checked(dir.path(), "ics", &source.to_string_lossy());
    assert!(report.contains("everything was expressed"), "{report}");
    for exception in [
        "date = 2027-01-12\nmove_to = 2027-01-13T10:00:00",
        "date = 2027-01-14\nmove_to = 2027-01-16T11:00:00",
        "date = 2027-01-13\ncancel = \"cancelled\"",
        // A reason of its own, as text.
        "date = 2027-01-20\ncancel = \"Holiday in the US\"",
    ] {
        assert!(toml.contains(exception), "{exception:?} in {toml}");
    }
    assert!(!toml.contains("cancel = \"Join"), "{toml}");
    // Google's HTML description is text in the file, and its Zoom link is the join link.
    assert!(
        toml.contains(
            "description = \"\"\"\nJoin Zoom Meeting\nhttps://zoom.us/j/123?pwd=secret\"\"\"\n"
        ),
        "{toml}"
    );
    assert!(
        toml.contains("join = \"https://zoom.us/j/123?pwd=secret\""),
        "{toml}"
    );
    assert!(!toml.contains("<br>"), "{toml}");
}

/// A rule with two meetings a day (BYHOUR=8,18): an exception names a date, so a change to the
/// 18:00 meeting would land on the 08:00 one. It is left out with a TODO instead.
const TWO_A_DAY: &str = "BEGIN:VCALENDAR\r\n\
VERSION:2.0\r\n\
PRODID:-//touchpoint//import test//EN\r\n\
BEGIN:VEVENT\r\n\
UID:two-a-day@test\r\n\
DTSTART;TZID=Europe/Berlin:20270105T080000\r\n\
DTEND;TZID=Europe/Berlin:20270105T090000\r\n\
RRULE:FREQ=WEEKLY;BYDAY=TU;BYHOUR=8,18;COUNT=8\r\n\
EXDATE;TZID=Europe/Berlin:20270112T180000\r\n\
SUMMARY:Two a day\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:two-a-day@test\r\n\
RECURRENCE-ID;TZID=Europe/Berlin:20270119T180000\r\n\
DTSTART;TZID=Europe/Berlin:20270120T180000\r\n\
DTEND;TZID=Europe/Berlin:20270120T190000\r\n\
SUMMARY:Two a day\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";

#[test]
fn ics_import_never_writes_a_change_onto_another_meeting_of_the_day() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("two-a-day.ics");
    std::fs::write(&source, TWO_A_DAY).unwrap();
    let (_, toml, report) = import_checked(dir.path(), "ics", &source.to_string_lossy());
    assert!(!toml.contains("[[series.exceptions]]"), "{toml}");
    for said in [
        "EXDATE 2027-01-12T18:00:00 cancels a meeting at another time than the series' 08:00",
        "the override of 2027-01-19T18:00:00 changes a meeting at another time",
    ] {
        assert!(report.contains(said), "{said:?} in {report}");
    }
    // The 08:00 meetings of those days are still listed.
    let imported = compiled_feed(dir.path(), &toml, "two-a-day");
    let got = &occurrences(&imported, "2027-01-01", "2027-02-01")["two-a-day@touchpoint.local"];
    for day in ["2027-01-12", "2027-01-19"] {
        let morning = format!("{day}T08:00:00+01:00");
        assert!(
            got.iter().any(|l| l.start == morning),
            "{morning} in {got:?}"
        );
    }
}

/// "This and following meetings" (RANGE=THISANDFUTURE), as Outlook writes it when a weekly
/// call moves from 08:00 to 10:00 from May on, beside one it cannot split (a move to another
/// day) and one cancelled from March on: the first becomes two series, the second is commented
/// out rather than published at the old time, the third ends in March.
const THIS_AND_FOLLOWING: &str = "BEGIN:VCALENDAR\r\n\
VERSION:2.0\r\n\
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n\
BEGIN:VEVENT\r\n\
UID:retimed@test\r\n\
DTSTART;TZID=Pacific Standard Time:20240103T080000\r\n\
DTEND;TZID=Pacific Standard Time:20240103T090000\r\n\
RRULE:FREQ=WEEKLY;BYDAY=WE\r\n\
EXDATE;TZID=Pacific Standard Time:20240508T080000\r\n\
SUMMARY:Retimed call\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:retimed@test\r\n\
RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Pacific Standard Time:20240501T080000\r\n\
DTSTART;TZID=Pacific Standard Time:20240501T100000\r\n\
DTEND;TZID=Pacific Standard Time:20240501T113000\r\n\
SEQUENCE:1\r\n\
SUMMARY:Retimed call\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:new-day@test\r\n\
DTSTART;TZID=Europe/Berlin:20240102T170000\r\n\
DTEND;TZID=Europe/Berlin:20240102T180000\r\n\
RRULE:FREQ=WEEKLY;BYDAY=TU\r\n\
SUMMARY:New day\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:new-day@test\r\n\
RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:20240604T170000\r\n\
DTSTART;TZID=Europe/Berlin:20240606T170000\r\n\
DTEND;TZID=Europe/Berlin:20240606T180000\r\n\
SEQUENCE:1\r\n\
SUMMARY:New day\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:ended@test\r\n\
DTSTART;TZID=Europe/Berlin:20240103T120000\r\n\
DTEND;TZID=Europe/Berlin:20240103T130000\r\n\
RRULE:FREQ=WEEKLY;BYDAY=WE\r\n\
SUMMARY:Ended\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:ended@test\r\n\
RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:20240306T120000\r\n\
DTSTART;TZID=Europe/Berlin:20240306T120000\r\n\
DTEND;TZID=Europe/Berlin:20240306T130000\r\n\
STATUS:CANCELLED\r\n\
SEQUENCE:1\r\n\
SUMMARY:Ended\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";

#[test]
fn ics_import_splits_a_series_retimed_from_a_date_on() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("this-and-following.ics");
    std::fs::write(&source, THIS_AND_FOLLOWING).unwrap();
    // The two series list the source's meetings between them: 08:00 until April, 10:00 for
    // 90 minutes from May, 8 May cancelled.
    let (series, meetings) = compare_with_source(dir.path(), &source);
    assert_eq!(series, 3, "the retimed call, in two, and the ended one");
    assert!(meetings > 200, "{meetings}");
    let (_, toml, report) = import_checked(dir.path(), "ics", &source.to_string_lossy());
    for written in [
        "id = \"retimed-call\"\ntitle = \"Retimed call\"\ntimezone = \"America/Los_Angeles\"\n\
         start = \"08:00\"\nduration = \"1h\"\nrepeat = \"weekly on Wednesday\"\n\
         first = 2024-01-03\nlast = 2024-04-30\n",
        "start = \"10:00\"\nduration = \"1h30m\"\nrepeat = \"weekly on Wednesday\"\n\
         first = 2024-05-01\n[[series.exceptions]]\ndate = 2024-05-08\ncancel = \"cancelled\"",
    ] {
        assert!(toml.contains(written), "{written:?} in {toml}");
    }
    // "Cancel this and all following": the series ends the day before.
    assert!(
        toml.contains("repeat = \"weekly on Wednesday\"\nfirst = 2024-01-03\nlast = 2024-03-05\n"),
        "{toml}"
    );
    // Moved to Thursdays from June on: not said by one more series, so not published as is.
    assert!(toml.contains("# id = \"new-day\""), "{toml}");
    assert!(
        report.contains(
            "new-day: the override of 2024-06-04T17:00:00 changes every later \
             meeting too (RANGE=THISANDFUTURE) and moves them to another day (2024-06-06): \
             split the series by hand"
        ),
        "{report}"
    );
}

/// A weekly Monday call in Berlin (`master` adds lines to it) re-timed from 22 January on
/// (RANGE=THISANDFUTURE, 10:00 → 14:00; `cancelled`: cancelled from then on), with `more`
/// VEVENTs after it.
fn retimed(master: &str, cancelled: bool, more: &str) -> String {
    let status = if cancelled {
        "STATUS:CANCELLED\r\n"
    } else {
        ""
    };
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//touchpoint//import test//EN\r\n\
         BEGIN:VEVENT\r\nUID:m@test\r\nDTSTART;TZID=Europe/Berlin:20240108T100000\r\n\
         DTEND;TZID=Europe/Berlin:20240108T110000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\n{master}\
         SUMMARY:Sync\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:m@test\r\n\
         RECURRENCE-ID;TZID=Europe/Berlin;RANGE=THISANDFUTURE:20240122T100000\r\n\
         DTSTART;TZID=Europe/Berlin:20240122T140000\r\nDTEND;TZID=Europe/Berlin:20240122T150000\r\n\
         {status}SEQUENCE:1\r\nSUMMARY:Sync\r\nEND:VEVENT\r\n{more}END:VCALENDAR\r\n"
    )
}

/// One more override of the retimed call: the meeting of `rid` (10:00 on the old series' clock)
/// at `start`, or cancelled.
fn one_override(rid: &str, start: Option<&str>) -> String {
    let (start, status) = match start {
        Some(start) => (start, ""),
        None => (rid, "STATUS:CANCELLED\r\n"),
    };
    format!(
        "BEGIN:VEVENT\r\nUID:m@test\r\nRECURRENCE-ID;TZID=Europe/Berlin:{rid}\r\n\
         DTSTART;TZID=Europe/Berlin:{start}\r\nDURATION:PT1H\r\n{status}SEQUENCE:1\r\n\
         SUMMARY:Sync\r\nEND:VEVENT\r\n"
    )
}

/// The exceptions a split carries are the ones that mean the same on either side: the rest
/// comment the series out (a TODO says why) rather than publish meetings at the wrong time.
#[test]
fn ics_import_splits_only_what_it_can_say_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let import = |name: &str, feed: String| {
        let source = dir.path().join(format!("{name}.ics"));
        std::fs::write(&source, feed).unwrap();
        source
    };
    // Split, and each meeting as the source lists it: an EXDATE on the re-timed date (the
    // override stands), a cancelled meeting after it, a move before it.
    let exdate = "EXDATE;TZID=Europe/Berlin:20240122T100000\r\n";
    let fine = [
        ("exdate-on-the-date", retimed(exdate, false, "")),
        (
            "cancelled-after",
            retimed("", false, &one_override("20240205T100000", None)),
        ),
        (
            "moved-before",
            retimed(
                "",
                false,
                &one_override("20240108T100000", Some("20240109T100000")),
            ),
        ),
    ];
    for (name, feed) in fine {
        let source = import(name, feed);
        let (series, meetings) = compare_with_source(dir.path(), &source);
        assert_eq!(series, 2, "{name}");
        assert!(meetings > 200, "{name}: {meetings}");
    }
    // Commented out, with why.
    let later = "later meetings were changed on their own";
    let refused = [
        // An override back at the old time, a move after it, one onto a time after it.
        (
            "back-to-the-old-time",
            retimed(
                "",
                false,
                &one_override("20240205T100000", Some("20240205T100000")),
            ),
            later,
        ),
        (
            "moved-after",
            retimed(
                "",
                false,
                &one_override("20240205T100000", Some("20240212T100000")),
            ),
            later,
        ),
        (
            "moved-across",
            retimed(
                "",
                false,
                &one_override("20240115T100000", Some("20240129T100000")),
            ),
            later,
        ),
        // Cancelled from 22 January on, but 5 February moved to the 6th.
        (
            "cancelled-then-moved",
            retimed(
                "",
                true,
                &one_override("20240205T100000", Some("20240206T100000")),
            ),
            later,
        ),
        // An RDATE after it, at its own time.
        (
            "rdate-after",
            retimed("RDATE;TZID=Europe/Berlin:20240207T090000\r\n", false, ""),
            later,
        ),
    ];
    for (name, feed, why) in refused {
        let source = import(name, feed);
        let (_, toml, report) = import_checked(dir.path(), "ics", &source.to_string_lossy());
        assert!(toml.contains("# id = \"sync\""), "{name}: {toml}");
        assert!(!toml.contains("\n[[series]]"), "{name}: {toml}");
        let said = format!(
            "the override of 2024-01-22T10:00:00 changes every later meeting too \
             (RANGE=THISANDFUTURE) and {why}: split the series by hand"
        );
        assert!(report.contains(&said), "{name}: {report}");
    }
    // Re-timed from its first regular meeting, with DTSTART a day before it (off the rule).
    let feed = retimed("", false, "")
        .replace(
            "DTSTART;TZID=Europe/Berlin:20240108T100000",
            "DTSTART;TZID=Europe/Berlin:20240107T100000",
        )
        .replace("20240122T100000", "20240108T100000")
        .replace("20240122T140000", "20240108T140000")
        .replace("20240122T150000", "20240108T150000");
    let source = import("first-after-an-extra", feed);
    let (_, toml, report) = import_checked(dir.path(), "ics", &source.to_string_lossy());
    assert!(toml.contains("# id = \"sync\""), "{toml}");
    assert!(
        report.contains("the meeting before it is not one the rule gives"),
        "{report}"
    );
}

/// Serves `body` to every GET on 127.0.0.1 (a real socket, one thread per server).
fn serve(body: Vec<u8>) -> std::net::SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\nContent-Length: {}\r\n\
                 Connection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    addr
}

#[test]
fn ics_import_fetches_a_url_with_the_bounded_client() {
    let source = repo().join("crates/calendar/tests/fixtures/google.ics");
    let addr = serve(std::fs::read(&source).unwrap());
    let url = format!("http://{addr}/basic.ics");
    let from_url = import("ics", &url, &["--allow-private-addresses"]);
    assert!(from_url.status.success(), "{}", text(&from_url.stderr));
    let from_file = import("ics", &source.to_string_lossy(), &[]);
    assert_eq!(text(&from_url.stdout), text(&from_file.stdout));
    // Without the flag, the fetcher refuses loopback as it does for feeds.
    let refused = import("ics", &url, &[]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused.stderr));
    assert!(
        text(&refused.stderr).contains("cannot fetch"),
        "{}",
        text(&refused.stderr)
    );
    // --out writes the file and keeps stdout empty.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("community.toml");
    let written = import(
        "ics",
        &url,
        &["--allow-private-addresses", "--out", &out.to_string_lossy()],
    );
    assert!(written.status.success());
    assert!(written.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        text(&from_file.stdout)
    );
}

/// The local dates of a series' meetings (cancelled ones left out) in `[from, to)`, with
/// their start times as written in the feed (RFC 3339 with offset).
fn meetings(toml: &str, id: &str, from: Date, to: Date) -> Vec<String> {
    let checked = touchpoint_community::parse(toml).unwrap();
    let calendar = checked.community.series_calendar(id).expect(id);
    let window = touchpoint_calendar::Window {
        start: from.to_datetime(jiff::civil::Time::midnight()),
        end: to.to_datetime(jiff::civil::Time::midnight()),
        zone: None,
    };
    touchpoint_calendar::expand(&calendar, &window, &touchpoint_calendar::Limits::default())
        .occurrences
        .iter()
        .filter(|o| o.status != touchpoint_calendar::Status::Cancelled)
        .map(|o| o.start.to_json_string())
        .collect()
}

/// Every date from `first` on, `step` days apart, inside `[from, to)`.
fn every(first: Date, step: i64, from: Date, to: Date) -> Vec<Date> {
    let mut dates = Vec::new();
    let mut day = first;
    while day < to {
        if day >= from {
            dates.push(day);
        }
        day = day.checked_add(jiff::Span::new().days(step)).unwrap();
    }
    dates
}

#[test]
fn k8s_sigs_import_maps_what_it_can_and_reports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let (_, toml, report) = import_checked(
        dir.path(),
        "k8s-sigs",
        &fixture("sigs.yaml").to_string_lossy(),
    );
    let (from, to) = (date(2027, 1, 1), date(2027, 4, 1));
    // "biweekly starting Wednesday March 20, 2019" at 08:00 Pacific: every 14 days from then.
    let openstack = meetings(
        &toml,
        "sig-cloud-provider-provider-openstack-regular-openstack-subp",
        from,
        to,
    );
    let expected: Vec<Date> = every(date(2019, 3, 20), 14, from, to);
    assert_eq!(openstack.len(), expected.len(), "{openstack:?}");
    for (got, day) in openstack.iter().zip(&expected) {
        assert!(
            got.starts_with(&format!("{day}T08:00:00-0")),
            "{got} vs {day}"
        );
    }
    // "biweekly 2019 start date: Jan. 11th" (a Friday) at 9:00 Pacific.
    let aws = meetings(
        &toml,
        "sig-cloud-provider-provider-aws-regular-aws-subproject-meeti",
        from,
        to,
    );
    let expected = every(date(2019, 1, 11), 14, from, to);
    let got: Vec<&str> = aws.iter().map(|s| &s[..10]).collect();
    let want: Vec<String> = expected.iter().map(Date::to_string).collect();
    assert_eq!(got, want);
    // "monthly - last Wednesday every month", tz "EST": US Eastern, DST included.
    let ibm = meetings(
        &toml,
        "sig-cloud-provider-provider-ibmcloud-regular-ibm-subproject",
        date(2027, 1, 1),
        date(2027, 5, 1),
    );
    assert_eq!(
        ibm,
        [
            "2027-01-27T14:00:00-05:00",
            "2027-02-24T14:00:00-05:00",
            "2027-03-31T14:00:00-04:00",
            "2027-04-28T14:00:00-04:00",
        ]
    );
    // "monthly - second Wednesday every month", PT.
    let kubebuilder = meetings(
        &toml,
        "sig-api-machinery-kubebuilder-and-controller-runtime-meeting",
        from,
        to,
    );
    assert_eq!(
        kubebuilder,
        [
            "2027-01-13T10:00:00-08:00",
            "2027-02-10T10:00:00-08:00",
            // Daylight-saving time starts on 14 March in 2027.
            "2027-03-10T10:00:00-08:00",
        ]
    );
    // Groups carry their Slack channel and mailing list.
    assert!(toml.contains(
        "chat = { label = \"#sig-api-machinery\", url = \"https://kubernetes.slack.com/messages/sig-api-machinery\" }"
    ));
    // What needs a decision: reported, and a commented-out series with a TODO in the file.
    for (id, why) in [
        (
            "sig-api-machinery-regular-sig-meeting",
            "\"biweekly\" gives no start date: which week?",
        ),
        (
            "wg-k8s-infra-regular-wg-meeting",
            "\"bi-weekly\" gives no start date",
        ),
        (
            "ug-vmware-users-regular-user-group-meeting",
            "monthly, but on which week of the month?",
        ),
        (
            "sig-autoscaling-regular-sig-meeting",
            "\"biweekly/triweekly\": not one regular rule",
        ),
        ("sig-docs-regular-sig-meeting", "except fourth Tuesday"),
    ] {
        assert!(
            report.lines().any(|l| l.contains(id) && l.contains(why)),
            "{id}: {why}\n{report}"
        );
        assert!(
            toml.contains(&format!("# id = \"{id}\"")),
            "{id} not commented out"
        );
        assert!(
            !toml.contains(&format!("\nid = \"{id}\"")),
            "{id} written live"
        );
    }
    assert!(report.contains("no durations"), "{report}");
}

#[test]
fn irc_meetings_import_follows_yaml2ical_rules() {
    let dir = tempfile::tempdir().unwrap();
    let (_, toml, report) = import_checked(
        dir.path(),
        "irc-meetings",
        &fixture("irc-meetings").to_string_lossy(),
    );
    // doc-team: biweekly-even from 20161110 (ISO week 45, odd): first on 2016-11-17, 16:00 UTC.
    let (from, to) = (date(2016, 11, 1), date(2017, 1, 1));
    let docs = meetings(&toml, "documentation-team-meeting", from, to);
    assert_eq!(
        docs,
        [
            "2016-11-17T16:00:00+00:00",
            "2016-12-01T16:00:00+00:00",
            "2016-12-15T16:00:00+00:00",
            "2016-12-29T16:00:00+00:00",
        ]
    );
    // keystone: weekly on Tuesday at 1800 UTC, no start_date: from the import date on.
    let keystone = meetings(
        &toml,
        "keystone-team-meeting",
        date(2026, 11, 1),
        date(2026, 12, 16),
    );
    assert_eq!(
        keystone,
        [
            "2026-12-01T18:00:00+00:00",
            "2026-12-08T18:00:00+00:00",
            "2026-12-15T18:00:00+00:00",
        ]
    );
    // The alternating pair: even weeks at 12:00 (skip_date 2027-01-27 cancelled), odd weeks
    // at 22:00 (`time: 2200` unquoted), every one in a week of its parity (2027 has 52 weeks).
    let (from, to) = (date(2027, 1, 1), date(2027, 12, 27));
    let even = meetings(&toml, "openstack-subteam-meeting", from, to);
    let odd = meetings(&toml, "openstack-subteam-meeting-2", from, to);
    let quad = meetings(&toml, "openstack-subteam-meeting-3", from, to);
    let week = |s: &str| s[..10].parse::<Date>().unwrap().iso_week_date().week();
    assert_eq!(even[0], "2027-01-13T12:00:00+00:00");
    assert!(
        !even.iter().any(|s| s.starts_with("2027-01-27")),
        "{even:?}"
    );
    assert!(
        even.iter()
            .all(|s| week(s) % 2 == 0 && s.contains("T12:00"))
    );
    assert!(odd.iter().all(|s| week(s) % 2 == 1 && s.contains("T22:00")));
    assert_eq!(even.len(), 24, "even weeks 2 to 50, one skipped");
    assert_eq!(odd.len(), 26, "odd weeks 1 to 51");
    // quadweekly-week-2: Mondays whose ISO week number modulo 4 is 2.
    assert_eq!(quad[0], "2027-01-11T09:00:00+00:00");
    assert!(quad.iter().all(|s| week(s) % 4 == 2), "{quad:?}");
    assert_eq!(quad.len(), 13);
    // first-thursday: the first Thursday of every month.
    let monthly = meetings(&toml, "openstack-subteam-meeting-4", from, date(2027, 4, 1));
    assert_eq!(
        monthly,
        [
            "2027-01-07T15:00:00+00:00",
            "2027-02-04T15:00:00+00:00",
            "2027-03-04T15:00:00+00:00",
        ]
    );
    // The 30-minute duration is kept; adhoc has no schedule and is a TODO.
    assert!(toml.contains("duration = \"30m\""));
    assert!(
        report.contains("openstack-subteam-meeting-5: adhoc"),
        "{report}"
    );
    assert!(toml.contains("# TODO: adhoc"), "{toml}");
    // One file works too.
    let (_, one, _) = import_checked(
        dir.path(),
        "irc-meetings",
        &fixture("irc-meetings/keystone-team-meeting.yaml").to_string_lossy(),
    );
    assert!(one.contains("id = \"keystone\""), "{one}");
}

/// Asserts a clear error: exit 1 (not a panic's 101), `error:` and `expected` on stderr.
fn assert_refused(format: &str, source: &Path, expected: &str) {
    let done = import(format, &source.to_string_lossy(), &[]);
    let stderr = text(&done.stderr);
    assert_eq!(
        done.status.code(),
        Some(1),
        "{format} {}: {stderr}",
        source.display()
    );
    assert!(stderr.contains("error:"), "{stderr}");
    assert!(stderr.contains(expected), "{expected:?} not in {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(done.stdout.is_empty());
}

#[test]
fn hostile_sources_are_clear_errors_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let garbage = write("garbage.yaml", b"{{{{ ::: [[ \"unterminated\n\t- - -");
    assert_refused("k8s-sigs", &garbage, "not a sigs.yaml file");
    assert_refused("irc-meetings", &garbage, "not a meeting file");
    let wrong_shape = write("list.yaml", b"- just\n- a list\n");
    assert_refused("k8s-sigs", &wrong_shape, "not a sigs.yaml file");
    // A billion laughs: aliases of aliases, refused by the parser's alias budget.
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (i, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().enumerate() {
        let prev = ["a", "b", "c", "d", "e", "f", "g", "h"][i];
        let refs = vec![format!("*{prev}"); 9].join(",");
        bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    bomb.push_str("sigs: *i\n");
    let bomb = write("bomb.yaml", bomb.as_bytes());
    assert_refused("k8s-sigs", &bomb, "not a sigs.yaml file");
    // Nesting deeper than any stack should follow.
    let deep = write(
        "deep.yaml",
        format!("sigs: {}{}", "[".repeat(100_000), "]".repeat(100_000)).as_bytes(),
    );
    assert_refused("k8s-sigs", &deep, "not a sigs.yaml file");
    // Larger than the fetcher's body cap (20 MiB): refused before reading.
    let huge = dir.path().join("huge.yaml");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(21 * 1024 * 1024)
        .unwrap();
    assert_refused("k8s-sigs", &huge, "are refused");
    // Not text, not iCalendar.
    let binary = write("binary.yaml", &[0xff, 0xfe, 0x00, 0x81, 0x80]);
    assert_refused("irc-meetings", &binary, "not UTF-8");
    let not_ics = write("not.ics", b"<html><body>Sign in to continue</body></html>");
    assert_refused("ics", &not_ics, "not an iCalendar file");
    assert_refused("ics", &dir.path().join("missing.ics"), "cannot read");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    assert_refused("irc-meetings", &empty, "no meeting files");
}

/// `touchpoint import … | head`: the reader is gone before the file is written, and the command
/// ends quietly with 0 rather than reporting a broken pipe (or that it wrote the whole file).
#[test]
fn ends_quietly_when_the_reader_leaves_early() {
    let source = fixture("sigs.yaml");
    let mut child = bin()
        .args([
            "import",
            "k8s-sigs",
            source.to_str().unwrap(),
            "--today",
            TODAY,
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Closed before the command has read and converted the file, so its write fails.
    drop(child.stdout.take());
    let done = child.wait_with_output().unwrap();
    let report = text(&done.stderr);
    assert_eq!(done.status.code(), Some(0), "{report}");
    assert!(!report.contains("rror"), "{report}");
    assert!(!report.contains("wrote the community file"), "{report}");
}
