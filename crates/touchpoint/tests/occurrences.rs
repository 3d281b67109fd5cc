//! `touchpoint occurrences FILE.ics --from D --to D [--json] [--tz ZONE]`, run as the built
//! binary: the JSON Lines contract of issue 3 (fields, their order and formats), sorting, the
//! window read in each event's zone, warnings on stderr with exit 0, exit 2 for unreadable or
//! non-iCalendar input, and the readable table with `--tz`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A calendar with a Berlin series crossing the 2026 spring-forward gap, an all-day event, a
/// floating event, a cancelled override, and a Tokyo event late on its own day.
const FEED: &str = "BEGIN:VCALENDAR\r\n\
VERSION:2.0\r\n\
PRODID:-//touchpoint//cli test//EN\r\n\
BEGIN:VEVENT\r\n\
UID:gap@test\r\n\
DTSTART;TZID=Europe/Berlin:20260322T023000\r\n\
DTEND;TZID=Europe/Berlin:20260322T033000\r\n\
RRULE:FREQ=WEEKLY;COUNT=3\r\n\
SUMMARY:Sync \"weekly\"\\, Berlin\r\n\
STATUS:CONFIRMED\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:gap@test\r\n\
RECURRENCE-ID;TZID=Europe/Berlin:20260405T023000\r\n\
DTSTART;TZID=Europe/Berlin:20260405T023000\r\n\
DTEND;TZID=Europe/Berlin:20260405T033000\r\n\
SUMMARY:Sync (cancelled)\r\n\
STATUS:CANCELLED\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:allday@test\r\n\
DTSTART;VALUE=DATE:20260324\r\n\
DTEND;VALUE=DATE:20260326\r\n\
SUMMARY:Conference\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:floating@test\r\n\
DTSTART:20260323T090000\r\n\
DURATION:PT30M\r\n\
SUMMARY:Stand-up\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:tokyo@test\r\n\
DTSTART;TZID=Asia/Tokyo:20260331T233000\r\n\
DTEND;TZID=Asia/Tokyo:20260331T235900\r\n\
SUMMARY:Late in Tokyo\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";

/// A fresh directory for one test's files.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "touchpoint-occurrences-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write fixture");
    path
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .arg("occurrences")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run touchpoint")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("utf-8 stderr")
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[test]
fn can_print_json_lines_with_the_fields_in_order_and_a_gap_instance_moved_forward() {
    let dir = temp_dir("json");
    let file = write(&dir, "feed.ics", FEED);
    let out = run(&[
        file.to_str().expect("path"),
        "--from",
        "2026-03-29",
        "--to",
        "2026-03-30",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    // 02:30 does not exist in Berlin on 2026-03-29: RFC 5545 §3.3.5 moves it forward by the
    // gap, to 03:30 CEST; the one-hour event ends at 04:30.
    assert_eq!(
        stdout(&out),
        "{\"uid\":\"gap@test\",\"recurrence_id\":\"2026-03-29T03:30:00+02:00\",\
         \"start\":\"2026-03-29T03:30:00+02:00\",\"end\":\"2026-03-29T04:30:00+02:00\",\
         \"all_day\":false,\"tzid\":\"Europe/Berlin\",\"summary\":\"Sync \\\"weekly\\\", Berlin\",\
         \"status\":\"confirmed\"}\n"
    );
}

#[test]
fn can_print_dates_floating_times_nulls_and_cancelled_status() {
    let dir = temp_dir("forms");
    let file = write(&dir, "feed.ics", FEED);
    let out = run(&[
        file.to_str().expect("path"),
        "--from",
        "2026-03-23",
        "--to",
        "2026-04-06",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let lines = json_lines(&out);
    let by_uid = |uid: &str| -> Vec<&serde_json::Value> {
        lines.iter().filter(|l| l["uid"] == uid).collect()
    };

    let allday = by_uid("allday@test");
    assert_eq!(allday.len(), 1);
    assert_eq!(allday[0]["start"], "2026-03-24");
    assert_eq!(allday[0]["end"], "2026-03-26");
    assert_eq!(allday[0]["all_day"], true);
    assert!(allday[0]["tzid"].is_null());
    assert!(allday[0]["recurrence_id"].is_null());
    assert!(allday[0]["status"].is_null());

    let floating = by_uid("floating@test");
    assert_eq!(floating.len(), 1);
    assert_eq!(floating[0]["start"], "2026-03-23T09:00:00");
    assert_eq!(floating[0]["end"], "2026-03-23T09:30:00");
    assert_eq!(floating[0]["all_day"], false);
    assert!(floating[0]["tzid"].is_null());

    let series = by_uid("gap@test");
    let starts: Vec<&str> = series
        .iter()
        .map(|l| l["start"].as_str().expect("start"))
        .collect();
    assert_eq!(
        starts,
        ["2026-03-29T03:30:00+02:00", "2026-04-05T02:30:00+02:00"]
    );
    assert_eq!(series[1]["status"], "cancelled");
    assert_eq!(series[1]["summary"], "Sync (cancelled)");
    assert_eq!(series[1]["recurrence_id"], "2026-04-05T02:30:00+02:00");
    for line in &lines {
        let keys: Vec<&str> = line
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = [
            "uid",
            "recurrence_id",
            "start",
            "end",
            "all_day",
            "tzid",
            "summary",
            "status",
        ];
        expected.sort_unstable();
        assert_eq!(keys, expected, "fields of {line}");
    }
}

#[test]
fn can_sort_occurrences_by_start_instant() {
    let dir = temp_dir("sorted");
    let file = write(&dir, "feed.ics", FEED);
    let out = run(&[
        file.to_str().expect("path"),
        "--from",
        "2026-03-20",
        "--to",
        "2026-04-10",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let uids: Vec<String> = json_lines(&out)
        .iter()
        .map(|l| format!("{} {}", l["uid"].as_str().expect("uid"), l["start"]))
        .collect();
    // Floating and date values are placed by their wall clock read as UTC by the engine; the
    // zoned ones by their instant.
    assert_eq!(
        uids,
        [
            "gap@test \"2026-03-22T02:30:00+01:00\"",
            "floating@test \"2026-03-23T09:00:00\"",
            "allday@test \"2026-03-24\"",
            "gap@test \"2026-03-29T03:30:00+02:00\"",
            "tokyo@test \"2026-03-31T23:30:00+09:00\"",
            "gap@test \"2026-04-05T02:30:00+02:00\"",
        ]
    );
}

#[test]
fn can_read_the_window_in_each_events_own_zone() {
    let dir = temp_dir("own-zone");
    let file = write(&dir, "feed.ics", FEED);
    // 23:30 in Tokyo on 31 March is 14:30 UTC the same day: inside a window of 31 March as Tokyo
    // shows it, whatever zone the machine is in.
    let out = run(&[
        file.to_str().expect("path"),
        "--from",
        "2026-03-31",
        "--to",
        "2026-04-01",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let uids: Vec<String> = json_lines(&out)
        .iter()
        .map(|l| l["uid"].as_str().expect("uid").to_owned())
        .collect();
    assert_eq!(uids, ["tokyo@test"]);
}

#[test]
fn can_warn_on_stderr_and_still_exit_0() {
    let dir = temp_dir("warnings");
    let broken = FEED.replace(
        "BEGIN:VEVENT\r\nUID:allday@test",
        "this line is garbage\r\nBEGIN:VEVENT\r\nUID:allday@test\r\nDTEND;TZID=Nowhere/Special:20260325T100000",
    );
    let file = write(&dir, "broken.ics", &broken);
    let out = run(&[
        file.to_str().expect("path"),
        "--from",
        "2026-03-24",
        "--to",
        "2026-03-25",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let err = stderr(&out);
    let garbage_line = broken
        .lines()
        .position(|l| l == "this line is garbage")
        .expect("line")
        + 1;
    assert!(
        err.contains(&format!("warning: {}:{garbage_line}:", file.display())),
        "stderr: {err}"
    );
    assert!(err.contains("Nowhere/Special"), "stderr: {err}");
    assert_eq!(json_lines(&out).len(), 1, "the rest is still listed");
}

#[test]
fn errors_when_the_file_is_missing() {
    let dir = temp_dir("missing");
    let missing = dir.join("nope.ics");
    let out = run(&[
        missing.to_str().expect("path"),
        "--from",
        "2026-01-01",
        "--to",
        "2026-02-01",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).contains("nope.ics"),
        "stderr: {}",
        stderr(&out)
    );
}

#[test]
fn errors_when_the_file_is_html() {
    let dir = temp_dir("html");
    let file = write(
        &dir,
        "login.ics",
        "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Please log in</body></html>\n",
    );
    let out = run(&[
        file.to_str().expect("path"),
        "--from",
        "2026-01-01",
        "--to",
        "2026-02-01",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("not iCalendar") && err.contains("HTML"),
        "stderr: {err}"
    );
}

#[test]
fn can_show_a_table_in_the_zone_given_with_tz() {
    let dir = temp_dir("table");
    let file = write(&dir, "feed.ics", FEED);
    let out = run(&[
        file.to_str().expect("path"),
        "--from",
        "2026-03-29",
        "--to",
        "2026-04-06",
        "--tz",
        "America/New_York",
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    // 03:30 CEST on 29 March is 21:30 EDT on the 28th; 23:30 in Tokyo is 10:30 EDT.
    assert_eq!(lines.len(), 4, "table:\n{text}");
    assert!(lines[0].starts_with("2026-03-28 21:30 EDT"), "{}", lines[0]);
    assert!(lines[0].contains("2026-03-28 22:30 EDT"), "{}", lines[0]);
    assert!(
        lines[0].ends_with("Sync \"weekly\", Berlin"),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("2026-03-31 10:30 EDT"), "{}", lines[1]);
    assert!(lines[2].starts_with("2026-04-04 20:30 EDT"), "{}", lines[2]);
    assert!(lines[2].ends_with("[cancelled]"), "{}", lines[2]);
    assert_eq!(lines[3], "3 occurrence(s)");
}

#[test]
fn can_show_a_table_in_each_events_own_zone_without_tz() {
    let dir = temp_dir("table-own");
    let file = write(&dir, "feed.ics", FEED);
    let out = run(&[
        file.to_str().expect("path"),
        "--from",
        "2026-03-29",
        "--to",
        "2026-03-30",
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let text = stdout(&out);
    let first = text.lines().next().expect("a row");
    assert!(
        first.starts_with("2026-03-29 03:30 Europe/Berlin"),
        "table:\n{text}"
    );
}

/// Every shape `--json` writes, for the byte-for-byte golden below: zones with negative,
/// half- and quarter-hour offsets and both DST edges (Berlin's gap and fold), UTC written three
/// ways, floating times and dates, a VTIMEZONE only the file defines, a Windows zone name,
/// EXDATEs, RDATEs, a moved and a cancelled override, and summaries and UIDs that JSON must
/// escape: quotes, backslashes, control characters (written raw or as RFC 5545's `\n`),
/// non-ASCII, U+2028 and U+2029 (which JSON allows unescaped), and DEL.
const GOLDEN_FEED: &str = "BEGIN:VCALENDAR\r\n\
VERSION:2.0\r\n\
PRODID:-//touchpoint//golden//EN\r\n\
BEGIN:VTIMEZONE\r\n\
TZID:Golden Odd Zone\r\n\
BEGIN:STANDARD\r\n\
DTSTART:19700101T000000\r\n\
TZOFFSETFROM:+0117\r\n\
TZOFFSETTO:+0117\r\n\
TZNAME:GOZ\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n\
BEGIN:VEVENT\r\n\
UID:berlin@golden\r\n\
DTSTART;TZID=Europe/Berlin:20260315T023000\r\n\
DTEND;TZID=Europe/Berlin:20260315T033000\r\n\
RRULE:FREQ=WEEKLY;BYDAY=SU\r\n\
EXDATE;TZID=Europe/Berlin:20260412T023000,20260419T023000\r\n\
SUMMARY:Sync \"weekly\"\\, Berlin \\\\ backslash\\nsecond line\r\n\
STATUS:CONFIRMED\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:berlin@golden\r\n\
RECURRENCE-ID;TZID=Europe/Berlin:20260405T023000\r\n\
DTSTART;TZID=Europe/Berlin:20260405T023000\r\n\
DTEND;TZID=Europe/Berlin:20260405T033000\r\n\
SUMMARY:Sync (cancelled)\r\n\
STATUS:CANCELLED\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:berlin@golden\r\n\
RECURRENCE-ID;TZID=Europe/Berlin:20261025T023000\r\n\
DTSTART;TZID=Europe/Berlin:20261025T021500\r\n\
DTEND;TZID=Europe/Berlin:20261025T034500\r\n\
SUMMARY:Sync moved into the fold\r\n\
SEQUENCE:2\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:stjohns \"quoted\" \\\\ uid@golden\r\n\
DTSTART;TZID=America/St_Johns:20260306T233000\r\n\
DURATION:PT45M\r\n\
RRULE:FREQ=DAILY;COUNT=4\r\n\
SUMMARY:Half-hour west\ttab\x01\x08\x0b\x0c\x1f\x7f end\r\n\
STATUS:TENTATIVE\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:kathmandu@golden\r\n\
DTSTART;TZID=Asia/Kathmandu:20260310T000000\r\n\
DTEND;TZID=Asia/Kathmandu:20260310T010000\r\n\
RDATE;TZID=Asia/Kathmandu:20260317T090000,20260324T235959\r\n\
SUMMARY:Grüße — 会議 🎉 \u{2028}line\u{2029}para\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:chatham@golden\r\n\
DTSTART;TZID=Pacific/Chatham:20260401T120000\r\n\
DTEND;TZID=Pacific/Chatham:20260401T130000\r\n\
RRULE:FREQ=WEEKLY;COUNT=2\r\n\
SUMMARY:Quarter-hour east\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:kolkata@golden\r\n\
DTSTART;TZID=Asia/Kolkata:20260302T093000\r\n\
DTEND;TZID=Asia/Kolkata:20260302T101500\r\n\
SUMMARY:</script><b>&amp;</b>\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:pago@golden\r\n\
DTSTART;TZID=Pacific/Pago_Pago:20260303T220000\r\n\
DTEND;TZID=Pacific/Pago_Pago:20260304T020000\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:kiritimati@golden\r\n\
DTSTART;TZID=Pacific/Kiritimati:20260304T000000\r\n\
DTEND;TZID=Pacific/Kiritimati:20260304T000100\r\n\
SUMMARY:+14:00\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:utc-z@golden\r\n\
DTSTART:20260305T120000Z\r\n\
DTEND:20260305T130000Z\r\n\
RRULE:FREQ=MONTHLY;COUNT=2\r\n\
SUMMARY:UTC with Z\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:utc-tzid@golden\r\n\
DTSTART;TZID=UTC:20260306T000000\r\n\
DTEND;TZID=Etc/UTC:20260306T000000\r\n\
SUMMARY:UTC by TZID\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:gmt@golden\r\n\
DTSTART;TZID=GMT:20260307T235959\r\n\
DURATION:PT1S\r\n\
SUMMARY:GMT\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:windows@golden\r\n\
DTSTART;TZID=W. Europe Standard Time:20260309T080000\r\n\
DTEND;TZID=W. Europe Standard Time:20260309T083000\r\n\
SUMMARY:Windows zone name\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:oddzone@golden\r\n\
DTSTART;TZID=Golden Odd Zone:20260311T101010\r\n\
DTEND;TZID=Golden Odd Zone:20260311T111111\r\n\
SUMMARY:A zone only this file defines\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:floating@golden\r\n\
DTSTART:20260302T070809\r\n\
DURATION:PT23H59M59S\r\n\
RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=3\r\n\
SUMMARY:Floating\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:allday@golden\r\n\
DTSTART;VALUE=DATE:20260228\r\n\
DTEND;VALUE=DATE:20260302\r\n\
RRULE:FREQ=MONTHLY;COUNT=3\r\n\
SUMMARY:All day\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:allday@golden\r\n\
RECURRENCE-ID;VALUE=DATE:20260328\r\n\
DTSTART;VALUE=DATE:20260329\r\n\
DTEND;VALUE=DATE:20260330\r\n\
SUMMARY:All day, moved\r\n\
STATUS:CANCELLED\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:rdate-period@golden\r\n\
DTSTART;TZID=America/Los_Angeles:20260307T180000\r\n\
DTEND;TZID=America/Los_Angeles:20260307T190000\r\n\
RDATE;VALUE=PERIOD;TZID=America/Los_Angeles:20260308T010000/PT3H\r\n\
SUMMARY:Across the US spring-forward\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";

/// Where the golden outputs live (`tests/golden/`).
fn golden_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Compares `actual` with the golden file byte for byte; `TOUCHPOINT_BLESS=1` writes it instead
/// (only ever done on purpose, when the output format changes).
fn assert_golden(name: &str, actual: &[u8]) {
    let path = golden_path(name);
    if std::env::var_os("TOUCHPOINT_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("golden dir");
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (TOUCHPOINT_BLESS=1 writes it)", path.display()));
    if expected != actual {
        let (expected, actual) = (
            String::from_utf8_lossy(&expected),
            String::from_utf8_lossy(actual),
        );
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from {} at line {}:\nexpected: {:?}\nactual:   {:?}",
            path.display(),
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

/// The golden was written by the formatting that used jiff's `strftime` and serde_json (before
/// the hand-written writer): the output of every shape above must not change by one byte.
#[test]
fn can_print_json_lines_byte_for_byte_as_the_golden_file() {
    let dir = temp_dir("golden");
    let file = write(&dir, "golden.ics", GOLDEN_FEED);
    let out = run(&[
        file.to_str().expect("path"),
        "--from",
        "2026-02-01",
        "--to",
        "2026-11-01",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert_golden("occurrences.jsonl", &out.stdout);
}

/// The readable table writes dates and floating times with the same formatting.
#[test]
fn can_print_the_table_byte_for_byte_as_the_golden_file() {
    let dir = temp_dir("golden-table");
    let file = write(&dir, "golden.ics", GOLDEN_FEED);
    let path = file.to_str().expect("path");
    let own = run(&[path, "--from", "2026-02-01", "--to", "2026-11-01"]);
    assert_eq!(own.status.code(), Some(0), "stderr: {}", stderr(&own));
    assert_golden("occurrences-table.txt", &own.stdout);
    let shown = run(&[
        path,
        "--from",
        "2026-02-01",
        "--to",
        "2026-11-01",
        "--tz",
        "Asia/Kolkata",
    ]);
    assert_eq!(shown.status.code(), Some(0), "stderr: {}", stderr(&shown));
    assert_golden("occurrences-table-kolkata.txt", &shown.stdout);
}

/// Offsets with seconds (local mean time before zones were rounded to minutes) and years far
/// from today, as `--json` writes them.
#[test]
fn can_print_historic_offsets_byte_for_byte_as_the_golden_file() {
    let dir = temp_dir("golden-historic");
    let feed = "BEGIN:VCALENDAR\r\n\
VERSION:2.0\r\n\
PRODID:-//touchpoint//golden//EN\r\n\
BEGIN:VEVENT\r\n\
UID:amsterdam@golden\r\n\
DTSTART;TZID=Europe/Amsterdam:19300505T120000\r\n\
DTEND;TZID=Europe/Amsterdam:19300505T130000\r\n\
SUMMARY:+00:19:32\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:monrovia@golden\r\n\
DTSTART;TZID=Africa/Monrovia:19300506T120000\r\n\
DTEND;TZID=Africa/Monrovia:19300506T130000\r\n\
SUMMARY:-00:44:30\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:paris@golden\r\n\
DTSTART;TZID=Europe/Paris:19000101T000000\r\n\
DTEND;TZID=Europe/Paris:19000101T000001\r\n\
RRULE:FREQ=YEARLY;UNTIL=19320101T000000Z\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:floating-old@golden\r\n\
DTSTART:19310101T000000\r\n\
DTEND;VALUE=DATE:19310102\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";
    let file = write(&dir, "historic.ics", feed);
    let out = run(&[
        file.to_str().expect("path"),
        "--from",
        "1929-01-01",
        "--to",
        "1932-01-01",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert_golden("occurrences-historic.jsonl", &out.stdout);
}

/// Series whose consecutive instances are written alike but for one part: an end past a DST
/// change while the start is before it (Berlin, two hours from 01:30 on both change days; a
/// day from 09:00, which ends at 09:00 on the next day's offset), a start in the
/// gap and in the fold (Sydney, 02:30), an end past midnight (New York), whole days and a
/// floating time. `--json` writes most lines by copying the event's last one with new dates,
/// so each line is held to the library's values for that occurrence, written one by one.
const CHANGING_FEED: &str = "BEGIN:VCALENDAR\r\n\
VERSION:2.0\r\n\
PRODID:-//touchpoint//cli test//EN\r\n\
BEGIN:VEVENT\r\n\
UID:berlin-night@test\r\n\
DTSTART;TZID=Europe/Berlin:20260325T013000\r\n\
DTEND;TZID=Europe/Berlin:20260325T033000\r\n\
RRULE:FREQ=DAILY\r\n\
SUMMARY:Across the change\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:berlin-day@test\r\n\
DTSTART;TZID=Europe/Berlin:20260320T090000\r\n\
DURATION:P1D\r\n\
RRULE:FREQ=DAILY;COUNT=20\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:sydney@test\r\n\
DTSTART;TZID=Australia/Sydney:20260401T023000\r\n\
DURATION:PT1H\r\n\
RRULE:FREQ=DAILY\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:new-york@test\r\n\
DTSTART;TZID=America/New_York:20260306T230000\r\n\
DTEND;TZID=America/New_York:20260307T010000\r\n\
RRULE:FREQ=DAILY;BYDAY=FR,SA,SU\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:days@test\r\n\
DTSTART;VALUE=DATE:20260302\r\n\
DTEND;VALUE=DATE:20260304\r\n\
RRULE:FREQ=WEEKLY;INTERVAL=2\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:floating@test\r\n\
DTSTART:20260302T235900\r\n\
DURATION:PT2M\r\n\
RRULE:FREQ=DAILY;INTERVAL=3\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";

#[test]
fn can_write_each_line_as_the_occurrences_own_values_say() {
    let out = assert_lines_as_the_library_lists(CHANGING_FEED, (2026, 3, 1), (2026, 11, 15));
    assert!(out.lines().count() > 600, "{} lines", out.lines().count());
    // The parts that change from one instance to the next did change.
    for part in [
        // The last instance before Berlin springs forward, and the first with its end after
        // the change (two hours later: 04:30 CEST in spring, 02:30 CET in autumn).
        "\"start\":\"2026-03-28T01:30:00+01:00\",\"end\":\"2026-03-28T03:30:00+01:00\"",
        "\"start\":\"2026-03-29T01:30:00+01:00\",\"end\":\"2026-03-29T04:30:00+02:00\"",
        "\"start\":\"2026-10-25T01:30:00+02:00\",\"end\":\"2026-10-25T02:30:00+01:00\"",
        "\"start\":\"2026-03-28T09:00:00+01:00\",\"end\":\"2026-03-29T09:00:00+02:00\"",
        // Sydney's gap moves 02:30 forward.
        "\"start\":\"2026-10-04T03:30:00+11:00\"",
        "\"start\":\"2026-03-07T23:00:00-05:00\",\"end\":\"2026-03-08T01:00:00-05:00\"",
        "\"start\":\"2026-03-02\",\"end\":\"2026-03-04\"",
        "\"start\":\"2026-03-05T23:59:00\",\"end\":\"2026-03-06T00:01:00\"",
    ] {
        assert!(out.contains(part), "no {part}");
    }
}

/// The synthetic feeds the benchmarks read (six zones, EXDATEs, moved instances, series from
/// 1995), over two years: every line as the library lists it.
#[test]
fn can_write_every_synthetic_series_as_the_library_lists_it() {
    for seed in [1, 2, 3] {
        let feed = touchpoint_calendar::synthetic::synthetic_ics(80, seed);
        let out = assert_lines_as_the_library_lists(&feed, (2025, 6, 1), (2027, 6, 1));
        assert!(out.lines().count() > 3_000, "{} lines", out.lines().count());
    }
}

/// Runs `--json` on `feed` over `[from, to)` and holds each line to the library's values for that
/// occurrence, written one by one; the output.
fn assert_lines_as_the_library_lists(
    feed: &str,
    (fy, fm, fd): (i16, i8, i8),
    (ty, tm, td): (i16, i8, i8),
) -> String {
    // A folder of its own: two tests call this at once (a name of [`temp_dir`] would be shared).
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "feed.ics", feed);
    let (from, to) = (jiff::civil::date(fy, fm, fd), jiff::civil::date(ty, tm, td));
    let out = run(&[
        file.to_str().expect("path"),
        "--from",
        &from.to_string(),
        "--to",
        &to.to_string(),
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let lines = json_lines(&out);
    let parsed = touchpoint_calendar::parse(feed.as_bytes()).expect("parses");
    let window = touchpoint_calendar::Window {
        start: from.at(0, 0, 0, 0),
        end: to.at(0, 0, 0, 0),
        zone: None,
    };
    let expected = touchpoint_calendar::expand(
        &parsed.calendar,
        &window,
        &touchpoint_calendar::Limits::default(),
    )
    .occurrences;
    assert_eq!(lines.len(), expected.len());
    for (line, occ) in lines.iter().zip(&expected) {
        let event = &parsed.calendar.events[occ.event];
        let rid = occ.recurrence_id.as_ref().map(|t| t.to_json_string());
        assert_eq!(line["uid"], event.uid.as_str());
        assert_eq!(line["recurrence_id"].as_str(), rid.as_deref(), "{line}");
        assert_eq!(line["start"], occ.start.to_json_string(), "{line}");
        assert_eq!(line["end"], occ.end.to_json_string(), "{line}");
        assert_eq!(line["all_day"], occ.start.is_date(), "{line}");
    }
    stdout(&out)
}

/// `touchpoint occurrences … | head -1`: the reader leaves after one line, and the command ends
/// quietly with 0 rather than reporting a broken pipe.
#[test]
fn ends_quietly_when_the_reader_leaves_early() {
    use std::io::{BufRead, BufReader};
    let dir = temp_dir("broken-pipe");
    let feed = touchpoint_calendar::synthetic::synthetic_ics(200, 3);
    let file = write(&dir, "feed.ics", &feed);
    for json in [true, false] {
        let mut command = Command::new(env!("CARGO_BIN_EXE_touchpoint"));
        command.args(["occurrences", file.to_str().expect("path")]);
        command.args(["--from", "2020-01-01", "--to", "2030-01-01"]);
        if json {
            command.arg("--json");
        }
        let mut child = command
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("runs");
        let mut first = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut first)
            .expect("a line");
        assert!(!first.is_empty());
        // The pipe is closed here, with most of ten years of 200 series unwritten.
        let out = child.wait_with_output().expect("ends");
        assert_eq!(out.status.code(), Some(0), "json {json}: {}", stderr(&out));
        assert!(stderr(&out).is_empty(), "json {json}: {}", stderr(&out));
    }
}
