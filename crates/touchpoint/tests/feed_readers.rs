//! Issue 15, tests: every feed Touchpoint publishes is read by three readers written apart from
//! ours — Python `icalendar`, ical.js (Thunderbird's engine) and the `calcard` crate — and passes
//! `vobject`'s validator.
//!
//! The feeds are those of a static export by the real binary (`touchpoint build`, which writes
//! every feed the server serves: `calendar.ics`, `all.ics`, `series/{id}.ics` and each
//! `series/{id}/{date}.ics`, `groups/{id}.ics`, `sources/{id}.ics`) of the embedded example plus
//! a series in America/Santiago (a zone whose VTIMEZONE needs RDATEs) and a group with no series.
//! The site is exported twice: before `touchpoint refresh` (every outside calendar not fetched
//! yet, so its feed is empty) and after.
//!
//! Each reader must read each feed without error and list the same VEVENTs as our parser: the
//! same UIDs, as many times, with the same DTSTART — as an instant in UTC for a zoned one, which
//! for ical.js and vobject goes through the feed's own VTIMEZONE. A reader that rejects a feed
//! fails the test with its own message.
//!
//! The calcard test needs nothing outside Rust and runs in a plain `cargo test`. The others need
//! python (`TOUCHPOINT_TEST_PYTHON`, with icalendar 6 and vobject) and node
//! (`TOUCHPOINT_TEST_NODE_PEER`, the folder whose `node_modules` holds ical.js): they are
//! `#[ignore]`d, scripts/test provides both and runs them with `--include-ignored`, and there they
//! fail without their peer rather than pass having read nothing.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{exported_feeds, touchpoint};

use calcard::Entry;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarParameterName,
    ICalendarProperty, ICalendarValue,
};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use touchpoint_calendar::{Time, parse};

/// Added to the embedded example: a series in a zone with no yearly rule, in a group of its own,
/// and a group with no series.
const MORE: &str = r#"

[[series]]
id = "santiago-call"
title = "Santiago call"
timezone = "America/Santiago"
start = "18:00"
duration = "1h"
repeat = "monthly on the first Tuesday"
first = 2026-01-06
group = "latam"

[[groups]]
id = "latam"
title = "LATAM Working Group"

[[groups]]
id = "quiet"
title = "Quiet Working Group"
"#;

/// One VEVENT as a reader lists it: its UID and its DTSTART ("YYYY-MM-DD" for a date,
/// "YYYY-MM-DDTHH:MM:SS" for a floating date-time, "YYYY-MM-DDTHH:MM:SSZ" for a zoned one).
type Listed = (String, String);

/// The exported feeds, by name (`unfetched/…` and `fetched/…`), and the folder holding them.
struct Export {
    _dir: tempfile::TempDir,
    feeds: BTreeMap<String, PathBuf>,
}

/// The example and [`MORE`] in a folder of their own, exported before and after a refresh.
fn export() -> Export {
    let dir = tempfile::Builder::new()
        .prefix("touchpoint-feed-readers-")
        .tempdir()
        .unwrap();
    let config = dir.path().join("touchpoint.toml");
    std::fs::write(&config, format!("{}{MORE}", touchpoint_community::EXAMPLE)).unwrap();
    // The example's outside calendars are offline samples read from paths beside the file.
    for line in touchpoint_community::EXAMPLE.lines() {
        if let Some(path) = line.strip_prefix("path = \"") {
            let path = path.split('"').next().unwrap();
            let body = touchpoint_community::example_file(path).unwrap();
            let file = dir.path().join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, body).unwrap();
        }
    }
    let data = dir.path().join("data");
    let (config, data) = (config.as_os_str(), data.as_os_str());
    let mut feeds = BTreeMap::new();
    for (name, refresh) in [("unfetched", false), ("fetched", true)] {
        if refresh {
            touchpoint([
                "refresh".as_ref(),
                "--config".as_ref(),
                config,
                "--data".as_ref(),
                data,
            ]);
        }
        let out = dir.path().join(name);
        touchpoint([
            "build".as_ref(),
            "--config".as_ref(),
            config,
            "--data".as_ref(),
            data,
            "--out".as_ref(),
            out.as_os_str(),
        ]);
        for (file, path) in exported_feeds(&out) {
            feeds.insert(format!("{name}/{file}"), path);
        }
    }
    // Every kind of feed is there, the empty ones too.
    for name in [
        "calendar.ics",
        "all.ics",
        "series/santiago-call.ics",
        "series/touchpoint-apac-emea.ics",
        "groups/latam.ics",
        "groups/quiet.ics",
        "groups/ospo-book.ics",
        "sources/openssf.ics",
        "sources/openchain.ics",
        "sources/chaoss.ics",
    ] {
        for export in ["unfetched", "fetched"] {
            let name = format!("{export}/{name}");
            assert!(feeds.contains_key(&name), "no {name} in {:?}", feeds.keys());
        }
    }
    assert!(
        feeds
            .keys()
            .any(|name| name.starts_with("fetched/series/santiago-call/")),
        "no one-occurrence download in {:?}",
        feeds.keys()
    );
    Export { _dir: dir, feeds }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What our own parser lists, sorted; checked against the raw text so that an event our parser
/// dropped would not go unseen.
fn ours(name: &str, text: &str) -> Vec<Listed> {
    let parsed = parse(text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(parsed.warnings, vec![], "{name}");
    let mut listed: Vec<Listed> = parsed
        .calendar
        .events
        .iter()
        .map(|event| (event.uid.clone(), normalise(&event.start)))
        .collect();
    assert_eq!(
        listed.len(),
        text.matches("\r\nBEGIN:VEVENT\r\n").count(),
        "{name}"
    );
    listed.sort();
    listed
}

fn normalise(t: &Time) -> String {
    match t {
        Time::Date(d) => d.to_string(),
        Time::Floating(dt) => dt.strftime("%Y-%m-%dT%H:%M:%S").to_string(),
        Time::Zoned(..) => t
            .instant(&TimeZone::UTC)
            .strftime("%Y-%m-%dT%H:%M:%SZ")
            .to_string(),
    }
}

/// Each feed's listing by `reader` must be ours; all differences are reported at once.
fn assert_same(
    reader: &str,
    export: &Export,
    theirs: &BTreeMap<String, Result<Vec<Listed>, String>>,
) {
    let mut problems = Vec::new();
    let mut events = 0;
    for (name, path) in &export.feeds {
        let expected = ours(name, &read(path));
        events += expected.len();
        match theirs.get(name) {
            None => problems.push(format!("{name}: {reader} said nothing")),
            Some(Err(message)) => problems.push(format!("{name}: {reader} rejects it: {message}")),
            Some(Ok(listed)) => {
                let mut listed = listed.clone();
                listed.sort();
                if listed != expected {
                    problems.push(format!(
                        "{name}: {reader} lists\n  {listed:?}\nwe list\n  {expected:?}"
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {} feeds:\n{}",
        problems.len(),
        export.feeds.len(),
        problems.join("\n")
    );
    // The comparison compared something: the fetched site has every kind of event.
    assert!(
        events > 100,
        "{events} events in {} feeds",
        export.feeds.len()
    );
    eprintln!(
        "{reader}: {} feeds, {events} events, as we list them",
        export.feeds.len()
    );
}

// --- calcard --------------------------------------------------------------------------------

/// The one property of `component` named `name`.
fn calcard_property<'c>(
    component: &'c ICalendarComponent,
    name: &ICalendarProperty,
) -> Result<&'c calcard::icalendar::ICalendarEntry, String> {
    let mut found = component.entries.iter().filter(|e| &e.name == name);
    match (found.next(), found.next()) {
        (Some(entry), None) => Ok(entry),
        (None, _) => Err(format!("a {:?} has no {name:?}", component.component_type)),
        (Some(_), Some(_)) => Err(format!("a {:?} has two {name:?}", component.component_type)),
    }
}

/// A VEVENT's DTSTART as calcard reads it, the zone looked up by the TZID's name (calcard does
/// not read a VTIMEZONE's rules).
fn calcard_start(
    event: &ICalendarComponent,
    zones: &calcard::icalendar::timezone::TzResolver<&str>,
) -> Result<String, String> {
    let dtstart = calcard_property(event, &ICalendarProperty::Dtstart)?;
    let Some(ICalendarValue::PartialDateTime(value)) = dtstart.values.first() else {
        return Err(format!(
            "DTSTART is not a date or date-time: {:?}",
            dtstart.values
        ));
    };
    if !value.has_time() {
        let (y, m, d) = (
            value.year.unwrap_or(0),
            value.month.unwrap_or(0),
            value.day.unwrap_or(0),
        );
        return Ok(format!("{y:04}-{m:02}-{d:02}"));
    }
    let tzid = dtstart.tz_id();
    if tzid.is_none() && !value.has_zone() {
        let (y, m, d) = (
            value.year.unwrap_or(0),
            value.month.unwrap_or(0),
            value.day.unwrap_or(0),
        );
        let (h, mi, s) = (
            value.hour.unwrap_or(0),
            value.minute.unwrap_or(0),
            value.second.unwrap_or(0),
        );
        return Ok(format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}"));
    }
    let zone = match tzid {
        Some(tzid) => zones
            .resolve(tzid)
            .ok_or_else(|| format!("calcard knows no zone {tzid}"))?,
        None => calcard::common::timezone::Tz::UTC,
    };
    let at = value
        .to_date_time_with_tz(zone)
        .ok_or_else(|| format!("DTSTART {value:?} is not one instant in {tzid:?}"))?;
    let at = Timestamp::from_second(at.timestamp()).map_err(|e| e.to_string())?;
    Ok(at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// calcard's parser on one feed, as calcard's own `ICalendar::parse` runs it (its strict mode
/// rejects every BEGIN inside a VCALENDAR, 0.3.14's `Parser::icalendar`): exactly one VCALENDAR
/// and nothing after it, holding at least one component (RFC 5545 §3.4) and a VTIMEZONE for
/// every TZID the events use (§3.2.19).
fn calcard_read(text: &str) -> Result<Vec<Listed>, String> {
    let mut parser = calcard::Parser::new(text);
    let calendar: ICalendar = match parser.entry() {
        Entry::ICalendar(calendar) => calendar,
        other => return Err(format!("{other:?}")),
    };
    match parser.entry() {
        Entry::Eof => {}
        other => return Err(format!("more after END:VCALENDAR: {other:?}")),
    }
    let root = calendar
        .components
        .first()
        .filter(|c| c.component_type == ICalendarComponentType::VCalendar)
        .ok_or("no VCALENDAR")?;
    if root.component_ids.is_empty() {
        return Err("a VCALENDAR with no component (RFC 5545 §3.4 asks for one or more)".into());
    }
    let defined: Vec<&str> = calendar
        .timezones()
        .filter_map(|tz| {
            tz.property(&ICalendarProperty::Tzid)?
                .values
                .first()?
                .as_text()
        })
        .collect();
    let zones = calendar.build_tz_resolver();
    let mut listed = Vec::new();
    for event in calendar
        .components
        .iter()
        .filter(|c| c.component_type == ICalendarComponentType::VEvent)
    {
        for entry in &event.entries {
            for tzid in entry
                .parameters(&ICalendarParameterName::Tzid)
                .filter_map(|v| v.as_text())
            {
                if !defined.contains(&tzid) {
                    return Err(format!(
                        "{:?} names TZID {tzid}, no VTIMEZONE has it",
                        entry.name
                    ));
                }
            }
        }
        let uid = calcard_property(event, &ICalendarProperty::Uid)?
            .values
            .first()
            .and_then(|v| v.as_text())
            .ok_or("a UID with no text")?;
        listed.push((uid.to_owned(), calcard_start(event, &zones)?));
    }
    Ok(listed)
}

#[test]
fn can_read_every_feed_in_the_static_export_with_calcard() {
    let export = export();
    let theirs = export
        .feeds
        .iter()
        .map(|(name, path)| (name.clone(), calcard_read(&read(path))))
        .collect();
    assert_same("calcard", &export, &theirs);
}

/// The checks above can fail: what Touchpoint wrote for a feed with no events before it gave
/// such a feed a VTIMEZONE, and a TZID no VTIMEZONE defines, are refused.
#[test]
fn cannot_pass_an_empty_calendar_or_an_undefined_tzid_with_calcard() {
    let head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Touchpoint//Touchpoint//EN\r\n";
    let empty = format!("{head}X-WR-TIMEZONE:UTC\r\nEND:VCALENDAR\r\n");
    let error = calcard_read(&empty).unwrap_err();
    assert!(error.contains("RFC 5545 §3.4"), "{error}");
    let undefined = format!(
        "{head}BEGIN:VEVENT\r\nUID:a@example.org\r\nDTSTAMP:20260101T000000Z\r\n\
         DTSTART;TZID=Europe/Berlin:20260105T170000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    );
    let error = calcard_read(&undefined).unwrap_err();
    assert!(error.contains("TZID Europe/Berlin"), "{error}");
    let defined = undefined.replace(
        "BEGIN:VEVENT",
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n\
         TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT",
    );
    assert_eq!(
        calcard_read(&defined),
        Ok(vec![(
            "a@example.org".to_owned(),
            "2026-01-05T16:00:00Z".to_owned()
        )])
    );
}

// --- python and node ------------------------------------------------------------------------

/// What a peer printed: one JSON line per file, `{"file", "events": [{"uid", "start"}]}` or
/// `{"file", "error"}`, by feed name.
fn peer_listing(
    export: &Export,
    mut command: Command,
) -> BTreeMap<String, Result<Vec<Listed>, String>> {
    let names: BTreeMap<String, &String> = export
        .feeds
        .iter()
        .map(|(name, path)| (path.display().to_string(), name))
        .collect();
    command.args(export.feeds.values());
    let done = command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"));
    let stdout = String::from_utf8_lossy(&done.stdout);
    assert!(
        done.status.success(),
        "{command:?} failed: {}\n{stdout}",
        String::from_utf8_lossy(&done.stderr)
    );
    let mut listing = BTreeMap::new();
    for line in stdout.lines() {
        let value: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        let file = value["file"].as_str().expect("file");
        let name = names
            .get(file)
            .unwrap_or_else(|| panic!("unknown file {file}"));
        let result = match value["error"].as_str() {
            Some(message) => Err(message.to_owned()),
            None => Ok(value["events"]
                .as_array()
                .unwrap_or_else(|| panic!("no events in {line}"))
                .iter()
                .map(|e| {
                    let field = |k: &str| e[k].as_str().unwrap_or_else(|| panic!("{k}: {line}"));
                    (field("uid").to_owned(), field("start").to_owned())
                })
                .collect()),
        };
        listing.insert((*name).clone(), result);
    }
    listing
}

fn readers_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/feed_readers")
}

fn python(reader: &str) -> Command {
    let python = std::env::var("TOUCHPOINT_TEST_PYTHON").unwrap_or_else(|_| {
        panic!(
            "TOUCHPOINT_TEST_PYTHON is not set: this test needs python with icalendar 6.x and \
             vobject. Run scripts/test, or: python3 -m venv target/test-venv && \
             target/test-venv/bin/pip install 'icalendar==6.*' vobject and set \
             TOUCHPOINT_TEST_PYTHON=$PWD/target/test-venv/bin/python"
        )
    });
    let mut command = Command::new(python);
    command.arg(readers_dir().join("read.py")).arg(reader);
    command
}

#[test]
#[ignore = "needs the python and node peers (scripts/test provides them)"]
fn can_read_every_feed_in_the_static_export_with_python_icalendar() {
    let export = export();
    let theirs = peer_listing(&export, python("icalendar"));
    assert_same("python icalendar", &export, &theirs);
}

#[test]
#[ignore = "needs the python and node peers (scripts/test provides them)"]
fn can_validate_every_feed_in_the_static_export_with_vobject() {
    let export = export();
    let theirs = peer_listing(&export, python("vobject"));
    assert_same("vobject (validate=True)", &export, &theirs);
}

#[test]
#[ignore = "needs the python and node peers (scripts/test provides them)"]
fn can_read_every_feed_in_the_static_export_with_icaljs() {
    let hint = "this test needs ical.js from npm. Run scripts/test, or: \
                (cd crates/calendar/tests/differential && npm ci) and set \
                TOUCHPOINT_TEST_NODE_PEER=$PWD/crates/calendar/tests/differential";
    let dir = std::env::var("TOUCHPOINT_TEST_NODE_PEER")
        .unwrap_or_else(|_| panic!("TOUCHPOINT_TEST_NODE_PEER is not set: {hint}"));
    let modules = PathBuf::from(dir).join("node_modules");
    assert!(
        modules.join("ical.js/package.json").is_file(),
        "{} has no ical.js: {hint}",
        modules.display()
    );
    let export = export();
    let mut node = Command::new("node");
    node.env("TOUCHPOINT_NODE_MODULES", &modules)
        .arg(readers_dir().join("read.mjs"));
    let theirs = peer_listing(&export, node);
    assert_same("ical.js", &export, &theirs);
}
