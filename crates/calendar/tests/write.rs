//! The writer: required calendar properties, VTIMEZONEs that agree with the tz database,
//! folding and escaping, and `parse(write(cal)) == cal` on the producer fixtures.

use jiff::civil::{date, datetime};
use jiff::tz::TimeZone;
use jiff::{Span, Timestamp};
use proptest::prelude::*;
use touchpoint_calendar::{
    Calendar, End, Event, Freq, RDate, RRule, Status, Time, Tz, parse, write,
};

fn now() -> Timestamp {
    "2024-06-01T12:00:00Z".parse().expect("ts")
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn berlin() -> Tz {
    Tz::iana("Europe/Berlin").expect("zone")
}

/// Every physical line ends in CRLF and is at most 75 octets.
fn assert_well_formed(text: &str) {
    assert!(text.ends_with("\r\n"));
    for line in text.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(!line.contains('\n'), "bare LF in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
}

fn sample() -> Calendar {
    let mut weekly = Event::new(
        "weekly@example.org",
        Time::Zoned(datetime(2024, 3, 5, 17, 0, 0, 0), berlin()),
    );
    weekly.summary = Some("Weekly sync; agenda, notes\\links".to_owned());
    weekly.description = Some("Line one\nLine two with ünïcødé and a long tail that will have to be folded somewhere past seventy-five octets".to_owned());
    weekly.location = Some("https://meet.example.org/room".to_owned());
    weekly.url = Some("https://example.org/weekly".to_owned());
    weekly.status = Status::Confirmed;
    weekly.sequence = 2;
    weekly.end = Some(End::Duration(Span::new().hours(1)));
    let mut rule = RRule::new(Freq::Weekly);
    rule.until = Some(Time::Zoned(datetime(2024, 12, 31, 23, 0, 0, 0), Tz::utc()));
    weekly.rrules.push(rule);
    weekly.exdates = vec![
        Time::Zoned(datetime(2024, 3, 12, 17, 0, 0, 0), berlin()),
        Time::Zoned(datetime(2024, 3, 19, 17, 0, 0, 0), berlin()),
    ];
    weekly.rdates = vec![RDate::Time(Time::Zoned(
        datetime(2024, 3, 21, 17, 0, 0, 0),
        berlin(),
    ))];
    weekly.categories = vec!["Meeting".to_owned(), "Ops, infra".to_owned()];
    weekly.last_modified = Some("2024-02-01T09:30:00Z".parse().expect("ts"));

    let mut cancelled = Event::new(
        "weekly@example.org",
        Time::Zoned(datetime(2024, 4, 2, 17, 0, 0, 0), berlin()),
    );
    cancelled.recurrence_id = Some(Time::Zoned(datetime(2024, 4, 2, 17, 0, 0, 0), berlin()));
    cancelled.status = Status::Cancelled;
    cancelled.sequence = 3;
    cancelled.summary = Some("Cancelled: speaker ill".to_owned());

    let mut all_day = Event::new("day@example.org", Time::Date(date(2024, 5, 1)));
    all_day.end = Some(End::At(Time::Date(date(2024, 5, 2))));
    all_day.summary = Some("Community day".to_owned());

    Calendar {
        prodid: None,
        name: Some("TODO Group".to_owned()),
        description: Some("Meetings, calls; and more".to_owned()),
        timezone: None,
        events: vec![weekly, cancelled, all_day],
    }
}

#[test]
fn can_write_a_publishable_calendar() {
    let text = write(&sample(), now());
    assert_well_formed(&text);
    insta::assert_snapshot!(text.replace("\r\n", "\n"));
}

#[test]
fn can_round_trip_a_written_calendar() {
    let cal = sample();
    let text = write(&cal, now());
    let parsed = parse(text.as_bytes()).expect("ics");
    assert_eq!(parsed.warnings, vec![]);
    let mut expected = cal;
    expected.prodid = Some("-//Touchpoint//Touchpoint//EN".to_owned());
    assert_eq!(parsed.calendar, expected);
}

#[test]
fn can_round_trip_producer_feeds() {
    for name in ["google.ics", "outlook.ics", "nextcloud.ics", "apple.ics"] {
        let first = parse(&fixture(name)).expect("fixture").calendar;
        let text = write(&first, now());
        assert_well_formed(&text);
        let again = parse(text.as_bytes()).expect("written");
        assert_eq!(again.warnings, vec![], "{name}");
        assert_eq!(again.calendar, first, "{name}");
        // Zones rebuilt from our VTIMEZONEs give the same instants as the originals.
        for (a, b) in first.events.iter().zip(&again.calendar.events) {
            assert_eq!(
                a.start.instant(&TimeZone::UTC),
                b.start.instant(&TimeZone::UTC),
                "{name} {}",
                a.uid
            );
        }
    }
}

#[test]
fn can_write_one_vtimezone_per_zone_used() {
    let text = write(&sample(), now());
    assert_eq!(text.matches("BEGIN:VTIMEZONE").count(), 1);
    assert!(text.contains("TZID:Europe/Berlin\r\n"));
    assert!(text.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"));
    assert!(text.contains("TZOFFSETTO:+0200\r\n"));
    assert!(!text.contains("TZID:UTC"), "UTC is written with Z");
    assert!(text.contains("UNTIL=20241231T230000Z"));
    assert!(text.contains("EXDATE;TZID=Europe/Berlin:20240312T170000,20240319T170000\r\n"));
    assert!(text.contains("DTSTAMP:20240601T120000Z\r\n"));
}

/// A zone the reader cannot look up by name must be rebuilt from our VTIMEZONE alone, and agree
/// with jiff's database at every instant we check, across both DST changes and rule changes.
#[test]
fn can_write_vtimezones_that_agree_with_the_tz_database() {
    for iana in [
        "Europe/Berlin",
        "America/New_York",
        "Australia/Sydney",
        "America/Sao_Paulo",
        "Asia/Kolkata",
        "Europe/Moscow",
    ] {
        let zone = TimeZone::get(iana).expect("zone");
        let tz = Tz {
            name: format!("Office ({iana})").into(),
            zone: zone.clone(),
        };
        let mut event = Event::new(
            "x",
            Time::Zoned(datetime(2005, 1, 1, 12, 0, 0, 0), tz.clone()),
        );
        event.rdates.push(RDate::Time(Time::Zoned(
            datetime(2026, 1, 1, 12, 0, 0, 0),
            tz,
        )));
        let cal = Calendar {
            events: vec![event],
            ..Calendar::default()
        };
        let text = write(&cal, now());
        let parsed = parse(text.as_bytes()).expect("ics");
        assert_eq!(parsed.warnings, vec![], "{iana}");
        let rebuilt = parsed.calendar.events[0].start.tz().expect("zoned").clone();
        assert_eq!(&*rebuilt.name, format!("Office ({iana})"));
        // Only the rebuilt zone's current rule is kept by the reader, so compare recent years.
        for month in 1..=12 {
            for year in [2024, 2025, 2030] {
                let dt = datetime(year, month, 15, 12, 0, 0, 0);
                let expected = zone.to_ambiguous_timestamp(dt).compatible().expect("ts");
                let got = rebuilt
                    .zone
                    .to_ambiguous_timestamp(dt)
                    .compatible()
                    .expect("ts");
                assert_eq!(got, expected, "{iana} {dt}");
            }
        }
    }
}

/// ical.js (so Thunderbird) reads only the first value of a multi-valued RDATE inside a
/// VTIMEZONE, so each historical transition gets its own RDATE line there; an event's RDATE
/// stays one line with every value.
#[test]
fn can_write_one_rdate_line_per_vtimezone_transition() {
    let tz = Tz::iana("America/Sao_Paulo").expect("zone");
    let mut event = Event::new(
        "x",
        Time::Zoned(datetime(2005, 1, 1, 12, 0, 0, 0), tz.clone()),
    );
    for day in [2, 3] {
        event.rdates.push(RDate::Time(Time::Zoned(
            datetime(2005, 1, day, 12, 0, 0, 0),
            tz.clone(),
        )));
    }
    let cal = Calendar {
        events: vec![event],
        ..Calendar::default()
    };
    let text = write(&cal, now());
    let begin = text.find("BEGIN:VTIMEZONE").expect("vtimezone");
    let end = text.find("END:VTIMEZONE").expect("vtimezone end");
    let zone_rdates: Vec<&str> = text[begin..end]
        .split("\r\n")
        .filter(|l| l.starts_with("RDATE"))
        .collect();
    // Brazil observed DST, with dates set year by year, until 2019.
    assert!(zone_rdates.len() >= 10, "{zone_rdates:?}");
    for line in &zone_rdates {
        assert!(line.starts_with("RDATE:"), "{line}");
        assert!(!line.contains(','), "one value per line: {line}");
    }
    assert!(
        text[end..].contains("RDATE;TZID=America/Sao_Paulo:20050102T120000,20050103T120000\r\n")
    );
}

/// ical.js (Thunderbird) and libical before its fix skip DTSTART as an onset when an observance
/// has RDATEs and no RRULE: a Santiago meeting before the second listed change would show hours
/// off. Every observance listed with RDATEs repeats its DTSTART as the first one.
#[test]
fn can_repeat_an_observance_dtstart_among_its_rdates() {
    let tz = Tz::iana("America/Santiago").expect("zone");
    let event = Event::new(
        "x",
        Time::Zoned(datetime(2026, 1, 5, 12, 0, 0, 0), tz.clone()),
    );
    let cal = Calendar {
        events: vec![event],
        ..Calendar::default()
    };
    let text = write(&cal, now());
    let mut listed = 0;
    for observance in text
        .split("BEGIN:")
        .filter(|c| c.starts_with("STANDARD") || c.starts_with("DAYLIGHT"))
    {
        let lines: Vec<&str> = observance.split("\r\n").collect();
        let rdates: Vec<&str> = lines
            .iter()
            .filter_map(|l| l.strip_prefix("RDATE:"))
            .collect();
        if rdates.is_empty() {
            continue;
        }
        let dtstart = lines
            .iter()
            .find_map(|l| l.strip_prefix("DTSTART:"))
            .expect("DTSTART");
        assert_eq!(rdates[0], dtstart, "{observance}");
        listed += 1;
    }
    // Santiago's changes follow no yearly rule in the years covered.
    assert!(listed >= 1, "{text}");
}

/// RFC 5545 §3.4 asks for at least one component in a VCALENDAR: a calendar with no events
/// (a group with no series, an outside calendar not fetched yet) gets the VTIMEZONE of its
/// X-WR-TIMEZONE, or of UTC without one, and still reads back as an empty calendar.
#[test]
fn can_write_an_empty_calendar_with_one_component() {
    for (timezone, tzid, offset) in [
        (Some("Europe/Berlin"), "Europe/Berlin", "+0200"),
        (Some("America/Santiago"), "America/Santiago", "-0300"),
        (None, "UTC", "+0000"),
        (Some("Not/A_Zone"), "UTC", "+0000"),
    ] {
        let cal = Calendar {
            prodid: Some("-//Example//Quiet//EN".to_owned()),
            name: Some("Quiet group".to_owned()),
            timezone: timezone.map(str::to_owned),
            ..Calendar::default()
        };
        let text = write(&cal, now());
        assert_well_formed(&text);
        assert_eq!(text.matches("BEGIN:VCALENDAR\r\n").count(), 1, "{text}");
        assert_eq!(text.matches("BEGIN:VTIMEZONE\r\n").count(), 1, "{text}");
        assert!(
            text.contains(&format!("BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\n")),
            "{text}"
        );
        assert!(text.contains(&format!("TZOFFSETTO:{offset}\r\n")), "{text}");
        assert!(!text.contains("VEVENT"), "{text}");
        let parsed = parse(text.as_bytes()).expect("ics");
        // Only the unknown X-WR-TIMEZONE itself is reported; nothing about the VTIMEZONE.
        let warned: Vec<&str> = parsed.warnings.iter().map(|w| w.message.as_str()).collect();
        match timezone {
            Some("Not/A_Zone") => assert_eq!(
                warned,
                vec!["unknown X-WR-TIMEZONE \"Not/A_Zone\", ignored"]
            ),
            _ => assert_eq!(warned, Vec::<&str>::new(), "{timezone:?}"),
        }
        assert_eq!(parsed.calendar, cal);
    }
}

#[test]
fn can_write_floating_dates_periods_and_this_and_future() {
    let mut ev = Event::new("f", Time::Floating(datetime(2024, 1, 1, 9, 0, 0, 0)));
    ev.rdates.push(RDate::Period(
        Time::Floating(datetime(2024, 1, 8, 9, 0, 0, 0)),
        End::Duration(Span::new().minutes(90)),
    ));
    ev.exdates
        .push(Time::Floating(datetime(2024, 1, 15, 9, 0, 0, 0)));
    ev.recurrence_id = Some(Time::Floating(datetime(2024, 1, 1, 9, 0, 0, 0)));
    ev.this_and_future = true;
    let cal = Calendar {
        events: vec![ev],
        ..Calendar::default()
    };
    let text = write(&cal, now());
    assert!(!text.contains("VTIMEZONE"));
    assert!(text.contains("RDATE;VALUE=PERIOD:20240108T090000/PT90M\r\n"));
    assert!(text.contains("RECURRENCE-ID;RANGE=THISANDFUTURE:20240101T090000\r\n"));
    let parsed = parse(text.as_bytes()).expect("ics").calendar;
    assert_eq!(parsed.events, cal.events);
}

#[test]
fn can_quote_a_tzid_with_special_characters() {
    let tz = Tz {
        name: "(UTC+01:00) Amsterdam, Berlin; custom".into(),
        zone: TimeZone::fixed(jiff::tz::Offset::constant(1)),
    };
    let ev = Event::new("q", Time::Zoned(datetime(2024, 1, 1, 9, 0, 0, 0), tz));
    let cal = Calendar {
        events: vec![ev],
        ..Calendar::default()
    };
    let text = write(&cal, now());
    assert!(
        text.contains("DTSTART;TZID=\"(UTC+01:00) Amsterdam, Berlin; custom\":20240101T090000")
    );
    let parsed = parse(text.as_bytes()).expect("ics");
    assert_eq!(parsed.calendar.events, cal.events);
}

/// What the writer keeps of a text: control characters other than newline and tab are dropped,
/// and CR LF is a newline.
fn kept(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

proptest! {
    #[test]
    fn escaping_and_folding_round_trip(summary in "\\PC{0,300}", desc in any::<String>(), cats in proptest::collection::vec("[^\\p{Cc}]{1,20}", 0..4)) {
        let mut ev = Event::new("p", Time::Date(date(2024, 1, 1)));
        ev.summary = Some(summary.clone());
        ev.description = Some(desc.clone());
        ev.categories = cats.clone();
        let cal = Calendar { name: Some(summary.clone()), events: vec![ev], ..Calendar::default() };
        let text = write(&cal, now());
        for line in text.split("\r\n").filter(|l| !l.is_empty()) {
            prop_assert!(line.len() <= 75);
        }
        let parsed = parse(text.as_bytes()).expect("ics");
        let got = &parsed.calendar.events[0];
        prop_assert_eq!(got.summary.clone(), Some(kept(&summary)));
        prop_assert_eq!(got.description.clone(), Some(kept(&desc)));
        prop_assert_eq!(&got.categories, &cats);
        prop_assert_eq!(parsed.calendar.name, Some(kept(&summary)));
    }
}

/// The unfolded content lines of `text`.
fn unfolded(text: &str) -> Vec<String> {
    text.replace("\r\n ", "")
        .split("\r\n")
        .map(str::to_owned)
        .collect()
}

#[test]
fn can_keep_and_republish_google_and_outlook_organizers() {
    let feed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n\
        BEGIN:VEVENT\r\nUID:google@example.org\r\nDTSTART:20240601T100000Z\r\n\
        ORGANIZER;CN=Community meetings:mailto:c_3f2a9d1e7b6c4a5f8e0d@group.calendar.goog\r\n le.com\r\n\
        END:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:outlook@example.org\r\nDTSTART:20240602T100000Z\r\n\
        ORGANIZER;SENT-BY=\"mailto:assistant@contoso.com\";CN=\"Doe, Jane\":MAILTO:jane.doe@contoso.com\r\n\
        END:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:quoted@example.org\r\nDTSTART:20240603T100000Z\r\n\
        ORGANIZER;CN=\"Ops: the ^'night^' shift; on call\":mailto:ops@example.org\r\n\
        END:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:name-only@example.org\r\nDTSTART:20240604T100000Z\r\n\
        ORGANIZER;CN=Room 4:urn:uuid:8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\r\n\
        END:VEVENT\r\nEND:VCALENDAR\r\n";
    let parsed = parse(feed.as_bytes()).expect("ics");
    assert_eq!(parsed.warnings, vec![]);
    let organizers: Vec<_> = parsed
        .calendar
        .events
        .iter()
        .map(|e| {
            let o = e.organizer.as_deref().expect("an organizer");
            (o.name.as_deref(), o.email.as_deref())
        })
        .collect();
    assert_eq!(
        organizers,
        [
            (
                Some("Community meetings"),
                Some("c_3f2a9d1e7b6c4a5f8e0d@group.calendar.google.com")
            ),
            (Some("Doe, Jane"), Some("jane.doe@contoso.com")),
            (
                Some("Ops: the \"night\" shift; on call"),
                Some("ops@example.org")
            ),
            // Not an e-mail address: the name alone.
            (Some("Room 4"), None),
        ]
    );
    let text = write(&parsed.calendar, now());
    assert_well_formed(&text);
    let lines = unfolded(&text);
    let organizer_lines: Vec<&str> = lines
        .iter()
        .map(String::as_str)
        .filter(|l| l.starts_with("ORGANIZER"))
        .collect();
    // CN quoted when it holds `,`, `;` or `:` (RFC 5545 §3.2), bare otherwise; a quote cannot
    // be written inside one and is dropped. An organizer without an address is left out.
    assert_eq!(
        organizer_lines,
        [
            "ORGANIZER;CN=Community meetings:mailto:c_3f2a9d1e7b6c4a5f8e0d@group.calendar.google.com",
            "ORGANIZER;CN=\"Doe, Jane\":mailto:jane.doe@contoso.com",
            "ORGANIZER;CN=\"Ops: the night shift; on call\":mailto:ops@example.org",
        ]
    );
    let again = parse(text.as_bytes()).expect("written");
    assert_eq!(again.warnings, vec![]);
    let outlook = again.calendar.events[1].organizer.as_deref().unwrap();
    assert_eq!(outlook.name.as_deref(), Some("Doe, Jane"));
    assert_eq!(outlook.email.as_deref(), Some("jane.doe@contoso.com"));
}
