//! An end that falls in the second pass of a fold keeps its own offset (found by the
//! differential test against recurring-ical-events, whose doc lists the case).

use jiff::civil::{date, time};
use touchpoint_calendar::{Calendar, End, Event, Limits, Time, Tz, Window, expand};

#[test]
fn end_in_the_repeated_hour_keeps_the_later_offset() {
    // New York falls back on 2026-11-01 at 02:00 EDT to 01:00 EST. A meeting from 01:00 EDT
    // lasting 1 h 30 min ends at 01:30 EST, the second 01:30 of that night.
    let ny = Tz::iana("America/New_York").unwrap();
    let mut event = Event::new(
        "fold@test",
        Time::Zoned(date(2026, 11, 1).at(1, 0, 0, 0), ny.clone()),
    );
    event.end = Some(End::Duration(jiff::Span::new().hours(1).minutes(30)));
    let calendar = Calendar {
        events: vec![event],
        ..Calendar::default()
    };
    let window = Window {
        start: date(2026, 11, 1).to_datetime(time(0, 0, 0, 0)),
        end: date(2026, 11, 2).to_datetime(time(0, 0, 0, 0)),
        zone: None,
    };
    let occurrences = expand(&calendar, &window, &Limits::default()).occurrences;
    assert_eq!(occurrences.len(), 1);
    let occ = &occurrences[0];
    assert_eq!(occ.start.to_json_string(), "2026-11-01T01:00:00-04:00");
    assert_eq!(occ.end.to_json_string(), "2026-11-01T01:30:00-05:00");
    let utc = jiff::tz::TimeZone::UTC;
    assert_eq!(
        occ.end.instant(&utc) - occ.start.instant(&utc),
        jiff::SignedDuration::from_mins(90)
    );
    // The end still names the series' zone.
    assert_eq!(&*occ.end.tz().unwrap().name, "America/New_York");
}

#[test]
fn end_in_the_first_pass_of_a_fold_is_unchanged() {
    // 00:30 EDT + 1 h ends at 01:30 EDT, the first 01:30: written as the zone's wall clock.
    let ny = Tz::iana("America/New_York").unwrap();
    let mut event = Event::new(
        "fold2@test",
        Time::Zoned(date(2026, 11, 1).at(0, 30, 0, 0), ny.clone()),
    );
    event.end = Some(End::Duration(jiff::Span::new().hours(1)));
    let calendar = Calendar {
        events: vec![event],
        ..Calendar::default()
    };
    let window = Window {
        start: date(2026, 11, 1).to_datetime(time(0, 0, 0, 0)),
        end: date(2026, 11, 2).to_datetime(time(0, 0, 0, 0)),
        zone: None,
    };
    let occ = &expand(&calendar, &window, &Limits::default()).occurrences[0];
    assert_eq!(occ.end.to_json_string(), "2026-11-01T01:30:00-04:00");
    assert_eq!(occ.end, Time::Zoned(date(2026, 11, 1).at(1, 30, 0, 0), ny));
}
