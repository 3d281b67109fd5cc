//! The reader against feeds shaped like those real producers publish (fixtures/), and against
//! broken and hostile input.
//!
//! The fixtures are small hand-written feeds that keep each producer's habits: Google's
//! X-WR-TIMEZONE plus VTIMEZONE and overrides with a higher SEQUENCE; Exchange's Windows zone IDs,
//! display-name TZIDs, "Customized Time Zone" VTIMEZONEs with 1601 DTSTARTs and
//! `tzone://Microsoft/Utc`; Thunderbird/Nextcloud's `/mozilla.org/20050126_1/` prefixes;
//! Apple's X-APPLE-STRUCTURED-LOCATION with quoted parameters and VALARM UIDs.

use jiff::civil::{date, datetime};
use jiff::tz::TimeZone;
use touchpoint_calendar::{End, RDate, Status, Time, parse};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn tz_name(t: &Time) -> Option<&str> {
    t.tz().map(|tz| &*tz.name)
}

#[test]
fn can_read_a_google_calendar_feed() {
    let parsed = parse(&fixture("google.ics")).expect("iCalendar");
    assert_eq!(parsed.warnings, vec![]);
    let cal = &parsed.calendar;
    assert_eq!(
        cal.prodid.as_deref(),
        Some("-//Google Inc//Google Calendar 70.9054//EN")
    );
    assert_eq!(cal.name.as_deref(), Some("TODO Group Meetings"));
    assert_eq!(
        cal.description.as_deref(),
        Some("Public meetings of the TODO Group, all welcome")
    );
    assert_eq!(cal.timezone.as_deref(), Some("America/Los_Angeles"));
    assert_eq!(cal.events.len(), 5);

    let master = &cal.events[0];
    assert_eq!(master.uid, "4v2k1s9d0l3m5n7p@google.com");
    assert_eq!(master.summary.as_deref(), Some("OSPO Weekly Sync"));
    // The VALARM's DESCRIPTION must not replace the event's; the fold is undone.
    assert_eq!(
        master.description.as_deref(),
        Some(
            "Agenda: https://example.org/agenda<br>Join: https://meet.example.org/abc-defg-hij\n\
             Bring questions; we answer them."
        )
    );
    assert_eq!(master.location.as_deref(), Some(""));
    assert_eq!(master.status, Status::Confirmed);
    assert_eq!(
        master.start.civil(),
        datetime(2024, 1, 10, 9, 0, 0, 0),
        "wall clock kept"
    );
    assert_eq!(tz_name(&master.start), Some("America/Los_Angeles"));
    assert_eq!(master.rrules.len(), 1);
    assert_eq!(master.exdates.len(), 3, "two EXDATE lines, one with a list");
    assert!(
        master
            .exdates
            .iter()
            .all(|t| tz_name(t) == Some("America/Los_Angeles"))
    );
    assert_eq!(master.exdates[2].civil(), datetime(2024, 1, 31, 9, 0, 0, 0));
    assert_eq!(
        master.last_modified,
        Some("2024-01-05T10:15:00Z".parse().expect("ts"))
    );

    let moved = &cal.events[1];
    assert_eq!(moved.uid, master.uid);
    assert_eq!(moved.sequence, 1);
    assert_eq!(
        moved.recurrence_id.as_ref().map(Time::civil),
        Some(datetime(2024, 2, 7, 9, 0, 0, 0))
    );
    assert!(!moved.this_and_future);

    let all_day = &cal.events[2];
    assert_eq!(all_day.start, Time::Date(date(2024, 3, 15)));
    assert_eq!(all_day.end, Some(End::At(Time::Date(date(2024, 3, 16)))));

    let utc = &cal.events[3];
    assert!(
        utc.start.tz().is_some_and(|tz| tz.is_utc()),
        "UTC stays UTC"
    );

    // X-WR-TIMEZONE turns floating times into zoned ones, as Google and Apple do.
    let floating = &cal.events[4];
    assert_eq!(tz_name(&floating.start), Some("America/Los_Angeles"));
    assert_eq!(
        floating.start.instant(&TimeZone::UTC),
        "2024-03-21T16:00:00Z".parse().expect("ts")
    );
}

#[test]
fn can_read_outlook_and_exchange_zones() {
    let parsed = parse(&fixture("outlook.ics")).expect("iCalendar");
    assert_eq!(parsed.warnings, vec![]);
    let events = &parsed.calendar.events;
    assert_eq!(events.len(), 6);

    let windows = &events[0];
    assert_eq!(tz_name(&windows.start), Some("Europe/Berlin"));
    assert_eq!(
        windows.uid,
        "040000008200E00074C5B7101A82E00800000000B0E4D2C2E5A1D90100000000000000001000000082B3E1F0B3C3A44B9A1A5E7F4F3C2D1E"
    );
    assert_eq!(windows.summary.as_deref(), Some("Steuerkreis"));
    assert_eq!(
        windows.description.as_deref(),
        Some("Hallo zusammen,\n\nwir treffen uns monatlich.\n")
    );
    assert_eq!(windows.sequence, 3);

    let display = &events[1];
    assert_eq!(tz_name(&display.start), Some("Europe/Berlin"));

    // Not a known name: the file's own rules, kept under the TZID as written.
    let custom = &events[2];
    assert_eq!(tz_name(&custom.start), Some("Customized Time Zone"));
    assert_eq!(
        custom.start.instant(&TimeZone::UTC),
        "2024-07-10T13:00:00Z".parse().expect("ts"),
        "July is in the zone's daylight time (-04:00)"
    );
    let winter = Time::Zoned(
        datetime(2024, 1, 10, 9, 0, 0, 0),
        custom.start.tz().cloned().expect("tz"),
    );
    assert_eq!(
        winter.instant(&TimeZone::UTC),
        "2024-01-10T14:00:00Z".parse().expect("ts")
    );

    let fixed = &events[3];
    assert_eq!(tz_name(&fixed.start), Some("Customized Time Zone 1"));
    assert_eq!(
        fixed.start.instant(&TimeZone::UTC),
        "2024-07-10T03:30:00Z".parse().expect("ts")
    );
    assert_eq!(
        fixed.end,
        Some(End::Duration(jiff::Span::new().minutes(45)))
    );

    assert!(events[4].start.tz().is_some_and(|tz| tz.is_utc()));
    assert_eq!(tz_name(&events[5].start), Some("America/New_York"));
}

#[test]
fn can_read_thunderbird_and_nextcloud_path_prefixed_zones() {
    let parsed = parse(&fixture("nextcloud.ics")).expect("iCalendar");
    assert_eq!(parsed.warnings, vec![]);
    let events = &parsed.calendar.events;
    assert_eq!(events.len(), 2, "VTODO and VJOURNAL are skipped");

    let gap = &events[0];
    assert_eq!(tz_name(&gap.start), Some("Europe/Berlin"));
    assert_eq!(gap.categories, vec!["Meeting", "Community", "Public"]);
    assert_eq!(gap.status, Status::Tentative);
    assert_eq!(gap.sequence, 2);
    // 02:00 does not exist on 2024-03-31 in Berlin: RFC 5545 moves it forward by the gap.
    assert_eq!(
        gap.start.instant(&TimeZone::UTC),
        "2024-03-31T01:00:00Z".parse().expect("ts")
    );

    let citadel = &events[1];
    assert_eq!(tz_name(&citadel.start), Some("America/New_York"));
    assert_eq!(
        citadel.end,
        Some(End::Duration(jiff::Span::new().hours(1).minutes(30)))
    );
    assert_eq!(citadel.rdates.len(), 2);
    match &citadel.rdates[0] {
        RDate::Period(start, End::Duration(span)) => {
            assert_eq!(start.civil(), datetime(2024, 6, 15, 18, 0, 0, 0));
            assert_eq!(tz_name(start), Some("America/New_York"));
            assert_eq!(span.get_hours(), 2);
        }
        other => panic!("expected a period with a duration, got {other:?}"),
    }
    match &citadel.rdates[1] {
        RDate::Period(_, End::At(end)) => {
            assert_eq!(end.civil(), datetime(2024, 6, 22, 20, 0, 0, 0));
            assert_eq!(tz_name(end), Some("America/New_York"));
        }
        other => panic!("expected a period with an end, got {other:?}"),
    }
}

#[test]
fn can_read_an_apple_calendar_export() {
    let parsed = parse(&fixture("apple.ics")).expect("iCalendar");
    assert_eq!(parsed.warnings, vec![]);
    let events = &parsed.calendar.events;
    assert_eq!(events.len(), 2);
    let master = &events[0];
    assert_eq!(tz_name(&master.start), Some("Europe/London"));
    assert_eq!(
        master.location.as_deref(),
        Some("The Pub, 1 High Street\nLondon")
    );
    assert_eq!(
        master.url.as_deref(),
        Some("https://example.org/meetups/rust-london")
    );
    assert_eq!(
        master.uid, "6B29FC40-CA47-1067-B31D-00DD010662DA",
        "not the VALARM's UID"
    );
    let until = master.rrules[0].until.as_ref().expect("UNTIL");
    assert_eq!(until.civil(), datetime(2024, 12, 31, 23, 59, 59, 0));

    let future = &events[1];
    assert!(future.this_and_future);
    assert_eq!(
        future.recurrence_id.as_ref().map(Time::civil),
        Some(datetime(2024, 9, 26, 18, 0, 0, 0))
    );
}

fn ics(body: &str) -> String {
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n")
}

#[test]
fn errors_when_the_input_is_html() {
    let html = b"<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>BEGIN:VCALENDAR?</body></html>";
    let err = parse(html).expect_err("not iCalendar");
    assert!(err.message.contains("HTML"), "{}", err.message);
    assert!(err.message.contains("BEGIN:VCALENDAR"), "{}", err.message);
}

#[test]
fn errors_when_the_input_is_empty_or_other_text() {
    let err = parse(b"").expect_err("empty");
    assert!(err.message.contains("empty"), "{}", err.message);
    let err = parse(b"{\"events\": []}").expect_err("json");
    assert!(
        err.message.contains("expected BEGIN:VCALENDAR"),
        "{}",
        err.message
    );
}

#[test]
fn can_unfold_bare_lf_and_tab_continuations() {
    let input = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20240101T100000Z\nSUMMARY:one\n\ttwo\n  three\nEND:VEVENT\nEND:VCALENDAR";
    let parsed = parse(input.as_bytes()).expect("iCalendar");
    assert_eq!(parsed.warnings, vec![]);
    assert_eq!(
        parsed.calendar.events[0].summary.as_deref(),
        Some("onetwo three")
    );
}

#[test]
fn can_read_a_value_broken_by_bare_newlines() {
    let input = ics(
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20240101T100000Z\r\nDESCRIPTION:first line\r\nsecond line\r\nEND:VEVENT\r\n",
    );
    let parsed = parse(input.as_bytes()).expect("iCalendar");
    assert_eq!(
        parsed.calendar.events[0].description.as_deref(),
        Some("first line\nsecond line")
    );
    assert_eq!(parsed.warnings.len(), 1);
    assert_eq!(parsed.warnings[0].line, 7);
}

#[test]
fn can_unescape_text() {
    let input = ics(
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20240101T100000Z\r\nSUMMARY:a\\,b\\;c\\\\d\\ne\\Nf\r\nCATEGORIES:x\\,y,z\r\nEND:VEVENT\r\n",
    );
    let ev = &parse(input.as_bytes()).expect("iCalendar").calendar.events[0];
    assert_eq!(ev.summary.as_deref(), Some("a,b;c\\d\ne\nf"));
    assert_eq!(ev.categories, vec!["x,y", "z"]);
}

#[test]
fn can_keep_the_rest_when_an_end_is_missing() {
    let input = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20240101T100000Z\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART;VALUE=DATE:20240102\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:c\r\nDTSTART:20240103T100000\r\n";
    let parsed = parse(input.as_bytes()).expect("iCalendar");
    let uids: Vec<&str> = parsed
        .calendar
        .events
        .iter()
        .map(|e| e.uid.as_str())
        .collect();
    assert_eq!(uids, vec!["a", "b", "c"]);
    let lines: Vec<usize> = parsed.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, vec![5, 11]);
    assert!(
        parsed.warnings[1].message.contains("VEVENT"),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn can_replace_invalid_utf8_with_one_warning() {
    let mut input = ics(
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20240101T100000Z\r\nSUMMARY:caf_ na_ve\r\nEND:VEVENT\r\n",
    )
    .into_bytes();
    let at = input.iter().position(|b| *b == b'_').expect("marker");
    input[at] = 0xE9; // Latin-1 é
    let at = input.iter().position(|b| *b == b'_').expect("marker");
    input[at] = 0xFF;
    let parsed = parse(&input).expect("iCalendar");
    assert_eq!(parsed.warnings.len(), 1, "{:?}", parsed.warnings);
    assert_eq!(parsed.warnings[0].line, 6);
    assert_eq!(
        parsed.calendar.events[0].summary.as_deref(),
        Some("caf\u{FFFD} na\u{FFFD}ve")
    );
}

#[test]
fn can_rejoin_a_character_folded_in_half() {
    let mut input =
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20240101T100000Z\r\nSUMMARY:Caf\xC3"
            .to_vec();
    input.extend_from_slice(b"\r\n \xA9 Berlin\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    let parsed = parse(&input).expect("iCalendar");
    assert_eq!(parsed.warnings, vec![]);
    assert_eq!(
        parsed.calendar.events[0].summary.as_deref(),
        Some("Caf\u{e9} Berlin")
    );
}

#[test]
fn can_generate_a_stable_uid() {
    let a = ics(
        "BEGIN:VEVENT\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:20240101T100000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\n",
    );
    let b = a.replace("DTSTAMP:20240101T000000Z", "DTSTAMP:20250505T000000Z");
    let c = a.replace("SUMMARY:x", "SUMMARY:y");
    let uid = |s: &str| {
        parse(s.as_bytes()).expect("ics").calendar.events[0]
            .uid
            .clone()
    };
    assert!(uid(&a).starts_with("generated-"));
    assert_eq!(
        uid(&a),
        uid(&b),
        "DTSTAMP changes on every fetch and must not matter"
    );
    assert_ne!(uid(&a), uid(&c));
}

#[test]
fn can_drop_an_event_without_dtstart() {
    let input = ics(
        "BEGIN:VEVENT\r\nUID:nostart\r\nSUMMARY:x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:ok\r\nDTSTART:20240101\r\nEND:VEVENT\r\n",
    );
    let parsed = parse(input.as_bytes()).expect("iCalendar");
    assert_eq!(parsed.calendar.events.len(), 1);
    assert_eq!(parsed.warnings.len(), 1);
    assert_eq!(parsed.warnings[0].line, 3);
    assert!(parsed.warnings[0].message.contains("nostart"));
}

#[test]
fn can_keep_an_unknown_tzid_floating_with_a_warning() {
    let input = ics(
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Mars/Olympus_Mons:20240101T100000\r\nEND:VEVENT\r\n",
    );
    let parsed = parse(input.as_bytes()).expect("iCalendar");
    assert_eq!(
        parsed.calendar.events[0].start,
        Time::Floating(datetime(2024, 1, 1, 10, 0, 0, 0))
    );
    assert_eq!(parsed.warnings.len(), 1);
    assert_eq!(parsed.warnings[0].line, 5);
    assert!(parsed.warnings[0].message.contains("Mars/Olympus_Mons"));
}

#[test]
fn can_prefer_iana_over_a_vtimezone_with_the_same_name() {
    // The file claims New York is UTC+9; apps trust their own tz database for IANA names.
    let input = ics(
        "BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=America/New_York:20240101T100000\r\nEND:VEVENT\r\n",
    );
    let ev = &parse(input.as_bytes()).expect("ics").calendar.events[0];
    assert_eq!(
        ev.start.instant(&TimeZone::UTC),
        "2024-01-01T15:00:00Z".parse().expect("ts")
    );
}

#[test]
fn can_keep_dates_and_utc_out_of_x_wr_timezone() {
    let input = ics(
        "X-WR-TIMEZONE:Europe/Paris\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20240101\r\nRDATE:20240105T100000\r\nEXDATE:20240102T100000Z\r\nEND:VEVENT\r\n",
    );
    let ev = &parse(input.as_bytes()).expect("ics").calendar.events[0];
    assert_eq!(ev.start, Time::Date(date(2024, 1, 1)));
    match &ev.rdates[0] {
        RDate::Time(t) => assert_eq!(tz_name(t), Some("Europe/Paris")),
        other => panic!("{other:?}"),
    }
    assert!(ev.exdates[0].tz().is_some_and(|tz| tz.is_utc()));
}

/// Zones that only the end of the file can settle (a VTIMEZONE or an X-WR-TIMEZONE after the
/// events using them) give the same events as when they come first, in every kind of time, with
/// an event dropped and one without UID in between.
#[test]
fn can_read_the_same_events_whatever_the_order_of_zones_and_events() {
    let vtimezone = "BEGIN:VTIMEZONE\r\nTZID:Custom Club Time\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
    let x_wr = "X-WR-TIMEZONE:Custom Club Time\r\n";
    let events = concat!(
        "BEGIN:VEVENT\r\nUID:custom\r\nDTSTART;TZID=Custom Club Time:20240101T100000\r\n",
        "DTEND;TZID=Custom Club Time:20240101T110000\r\nRRULE:FREQ=DAILY;COUNT=5\r\n",
        "EXDATE;TZID=Custom Club Time:20240102T100000\r\n",
        "RDATE;VALUE=PERIOD;TZID=Custom Club Time:20240110T100000/20240110T120000\r\nEND:VEVENT\r\n",
        "BEGIN:VEVENT\r\nUID:custom\r\nRECURRENCE-ID;TZID=Custom Club Time:20240103T100000\r\n",
        "DTSTART;TZID=Europe/Berlin:20240103T120000\r\nEND:VEVENT\r\n",
        "BEGIN:VEVENT\r\nUID:dropped\r\nSUMMARY:no start\r\nEND:VEVENT\r\n",
        "BEGIN:VEVENT\r\nSUMMARY:no uid\r\nDTSTART:20240105T090000\r\nEXDATE:20240106T090000\r\nEND:VEVENT\r\n",
        "BEGIN:VEVENT\r\nUID:unknown\r\nDTSTART;TZID=Nowhere/Special:20240107T080000\r\nEND:VEVENT\r\n",
    );
    let early = parse(ics(&format!("{x_wr}{vtimezone}{events}")).as_bytes()).expect("ics");
    let late = parse(ics(&format!("{events}{vtimezone}{x_wr}")).as_bytes()).expect("ics");
    assert_eq!(early.calendar.events, late.calendar.events);

    let evs = &late.calendar.events;
    assert_eq!(evs.len(), 4, "the event without DTSTART is dropped");
    let custom = |t: &Time| {
        assert_eq!(tz_name(t), Some("Custom Club Time"), "{t:?}");
        t.instant(&TimeZone::UTC).to_string()
    };
    assert_eq!(custom(&evs[0].start), "2024-01-01T04:30:00Z");
    let Some(End::At(end)) = &evs[0].end else {
        panic!("{:?}", evs[0].end)
    };
    assert_eq!(custom(end), "2024-01-01T05:30:00Z");
    assert_eq!(custom(&evs[0].exdates[0]), "2024-01-02T04:30:00Z");
    let RDate::Period(start, End::At(end)) = &evs[0].rdates[0] else {
        panic!("{:?}", evs[0].rdates)
    };
    assert_eq!(custom(start), "2024-01-10T04:30:00Z");
    assert_eq!(custom(end), "2024-01-10T06:30:00Z");
    assert_eq!(
        custom(evs[1].recurrence_id.as_ref().expect("override")),
        "2024-01-03T04:30:00Z"
    );
    assert_eq!(tz_name(&evs[1].start), Some("Europe/Berlin"));
    // Floating times, and times in a TZID nothing defines, are read in the X-WR-TIMEZONE.
    assert!(evs[2].uid.starts_with("generated-"), "{}", evs[2].uid);
    assert_eq!(custom(&evs[2].start), "2024-01-05T03:30:00Z");
    assert_eq!(custom(&evs[2].exdates[0]), "2024-01-06T03:30:00Z");
    assert_eq!(evs[3].uid, "unknown");
    assert_eq!(custom(&evs[3].start), "2024-01-07T02:30:00Z");
    // The UID is hashed from the event's own text, wherever the zones were.
    let alone = parse(ics(concat!(
        "BEGIN:VEVENT\r\nSUMMARY:no uid\r\nDTSTART:20240105T090000\r\nEXDATE:20240106T090000\r\n",
        "END:VEVENT\r\n"
    ))
    .as_bytes())
    .expect("ics");
    assert_eq!(alone.calendar.events[0].uid, evs[2].uid);
    assert_eq!(early.warnings.len(), 2, "{:?}", early.warnings);
    assert!(
        late.warnings
            .iter()
            .any(|w| w.message.contains("Nowhere/Special"))
    );
}

#[test]
fn can_warn_on_bad_values_and_keep_the_event() {
    let input = ics(
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20240101T100000Z\r\nDTEND:2024-13-45\r\nSEQUENCE:many\r\nRRULE:FREQ=SOMETIMES\r\nthis is not a line\r\nEND:VEVENT\r\n",
    );
    let parsed = parse(input.as_bytes()).expect("ics");
    assert_eq!(parsed.calendar.events.len(), 1);
    let ev = &parsed.calendar.events[0];
    assert_eq!(ev.end, None);
    assert_eq!(ev.sequence, 0);
    assert!(ev.rrules.is_empty());
    assert_eq!(ev.rrules.capacity(), 0, "no room kept for the bad rule");
    let lines: Vec<usize> = parsed.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, vec![6, 7, 8, 9], "{:?}", parsed.warnings);
    // A good rule before or after a bad one is kept, and only it.
    for rules in [
        "RRULE:FREQ=SOMETIMES\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\nSUMMARY:x\r\n",
        "RRULE:FREQ=WEEKLY;BYDAY=MO\r\nRRULE:FREQ=SOMETIMES\r\nSUMMARY:x\r\n",
    ] {
        let two = input.replace("RRULE:FREQ=SOMETIMES\r\n", rules);
        let ev = &parse(two.as_bytes()).expect("ics").calendar.events[0];
        assert_eq!(ev.rrules.len(), 1, "{rules}");
        assert_eq!(ev.rrules[0].to_string(), "FREQ=WEEKLY;BYDAY=MO");
    }
}

#[test]
fn can_survive_hostile_input_quickly() {
    let started = std::time::Instant::now();
    // Deep nesting.
    let mut deep = String::from("BEGIN:VCALENDAR\r\n");
    for _ in 0..100_000 {
        deep.push_str("BEGIN:X\r\n");
    }
    let parsed = parse(deep.as_bytes()).expect("ics");
    assert!(parsed.warnings.len() <= 1001);
    // One enormous folded line.
    let mut long =
        String::from("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20240101\r\nSUMMARY:");
    for _ in 0..200_000 {
        long.push_str(
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n ",
        );
    }
    long.push_str("\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    let parsed = parse(long.as_bytes()).expect("ics");
    // Unfolded whole (14 MB), then cut to the longest title kept, with a warning.
    assert_eq!(
        parsed.calendar.events[0].summary.as_ref().map(String::len),
        Some(touchpoint_calendar::parse::MAX_TITLE)
    );
    assert!(
        parsed.warnings[0]
            .message
            .contains("SUMMARY of 14400000 bytes cut")
    );
    // Many bad lines: warnings are capped.
    let bad = ics(&"garbage without colon;\r\n:\r\n".repeat(50_000));
    let parsed = parse(bad.as_bytes()).expect("ics");
    assert!(parsed.warnings.len() <= 1001, "{}", parsed.warnings.len());
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

proptest::proptest! {
    #[test]
    fn never_panics_on_arbitrary_bytes(body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2000)) {
        let mut input = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID=".to_vec();
        input.extend_from_slice(&body);
        let _ = parse(&input);
        let _ = parse(&body);
    }

    #[test]
    fn never_panics_on_line_soup(lines in proptest::collection::vec(
        proptest::sample::select(vec![
            "BEGIN:VEVENT", "END:VEVENT", "BEGIN:VTIMEZONE", "END:VTIMEZONE", "BEGIN:STANDARD",
            "END:STANDARD", "BEGIN:DAYLIGHT", "TZOFFSETTO:+0100", "TZOFFSETFROM:-2500",
            "DTSTART:19700101T000000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "TZID:X",
            "DTSTART;TZID=X:20240101T100000", "DTSTART;VALUE=DATE:20240230", "RDATE;VALUE=PERIOD:20240101T000000Z/P",
            "EXDATE:,,,", "DURATION:P1W2D", " folded", "\tfolded", "UID:", "END:VCALENDAR",
            "BEGIN:VCALENDAR", "X-WR-TIMEZONE:X", "RECURRENCE-ID;RANGE=THISANDFUTURE:20240101",
            "CATEGORIES:\\", "SUMMARY:\\", "no colon", "",
        ]),
        0..60,
    )) {
        let input = format!("BEGIN:VCALENDAR\r\n{}", lines.join("\r\n"));
        let parsed = parse(input.as_bytes()).expect("starts with BEGIN:VCALENDAR");
        for w in &parsed.warnings {
            proptest::prop_assert!(w.line >= 1 && w.line <= lines.len() + 2);
        }
    }
}
