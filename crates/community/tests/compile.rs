//! Compiling series to the calendar model: the recurrence engine expands them like any feed,
//! weeks are counted from `first`, local times hold across DST changes, and exceptions become
//! EXDATE + cancelled overrides, moved overrides and RDATEs.

use jiff::civil::{Date, DateTime, date};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use touchpoint_calendar::{Calendar, End, Limits, Occurrence, Status, Time, Window, expand};
use touchpoint_community::{Community, parse};

const HEAD: &str = "[community]\nname = \"Test\"\ntimezone = \"UTC\"\n";

fn community(body: &str) -> Community {
    let source = format!("{HEAD}{body}");
    match parse(&source) {
        Ok(checked) => checked.community,
        Err(diags) => panic!(
            "{}",
            diags
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

fn series(zone: &str, start: &str, repeat: &str, first: &str, extra: &str) -> String {
    format!(
        "[[series]]\nid = \"s\"\ntitle = \"S\"\ntimezone = \"{zone}\"\nstart = \"{start}\"\n\
         duration = \"1h\"\nrepeat = \"{repeat}\"\nfirst = {first}\n{extra}\n"
    )
}

fn occurrences(calendar: &Calendar, from: Date, to: Date) -> Vec<Occurrence> {
    let window = Window {
        start: from.to_datetime(jiff::civil::Time::midnight()),
        end: to.to_datetime(jiff::civil::Time::midnight()),
        zone: Some(TimeZone::UTC),
    };
    expand(calendar, &window, &Limits::default()).occurrences
}

fn starts(calendar: &Calendar, from: Date, to: Date) -> Vec<DateTime> {
    occurrences(calendar, from, to)
        .iter()
        .filter(|o| o.status != Status::Cancelled)
        .map(|o| o.start.civil())
        .collect()
}

fn utc(time: &Time) -> Timestamp {
    time.instant(&TimeZone::UTC)
}

#[test]
fn can_compile_a_weekly_series_into_a_master_event() {
    let c = community(&series(
        "UTC",
        "12:00",
        "weekly on Thursday",
        "2026-01-08",
        "",
    ));
    let calendar = c.to_calendar();
    assert_eq!(calendar.events.len(), 1);
    let master = &calendar.events[0];
    assert_eq!(master.uid, "s@touchpoint.local");
    assert_eq!(master.summary.as_deref(), Some("S"));
    assert_eq!(master.start.civil(), date(2026, 1, 8).at(12, 0, 0, 0));
    assert_eq!(&*master.start.tz().unwrap().name, "UTC");
    assert_eq!(master.end, Some(End::Duration(1.hour())));
    assert_eq!(master.rrules[0].to_string(), "FREQ=WEEKLY;BYDAY=TH");
    assert_eq!(
        starts(&calendar, date(2026, 1, 1), date(2026, 2, 1)),
        [8, 15, 22, 29].map(|d| date(2026, 1, d).at(12, 0, 0, 0))
    );
}

#[test]
fn can_count_every_other_week_from_first_across_a_53_week_year() {
    // 2026 has ISO week 53: ISO-week parity would put two meetings one week apart around New
    // Year. Counting from `first` keeps a steady 14-day rhythm.
    let c = community(&series(
        "UTC",
        "15:00",
        "every 2 weeks on Tuesday",
        "2026-01-13",
        "",
    ));
    let calendar = c.to_calendar();
    assert_eq!(
        calendar.events[0].rrules[0].to_string(),
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"
    );
    let all = starts(&calendar, date(2026, 1, 1), date(2027, 3, 1));
    assert_eq!(all[0], date(2026, 1, 13).at(15, 0, 0, 0));
    assert!(all.contains(&date(2026, 12, 29).at(15, 0, 0, 0)));
    assert!(all.contains(&date(2027, 1, 12).at(15, 0, 0, 0)));
    for pair in all.windows(2) {
        assert_eq!(
            pair[0].date().until(pair[1].date()).unwrap().get_days(),
            14,
            "{pair:?}"
        );
    }
}

#[test]
fn can_keep_the_local_time_across_dst_in_berlin() {
    let c = community(&series(
        "Europe/Berlin",
        "18:00",
        "weekly on Thursday",
        "2026-03-19",
        "",
    ));
    let calendar = c.to_calendar();
    let occ = occurrences(&calendar, date(2026, 3, 19), date(2026, 4, 3));
    let local: Vec<_> = occ.iter().map(|o| o.start.civil().time()).collect();
    assert!(
        local.iter().all(|t| *t == jiff::civil::time(18, 0, 0, 0)),
        "{local:?}"
    );
    let utc_hours: Vec<i8> = occ
        .iter()
        .map(|o| utc(&o.start).to_zoned_datetime(TimeZone::UTC).hour())
        .collect();
    // 2026-03-19 and 03-26 are CET (UTC+1); 04-02 is CEST (UTC+2) after the 03-29 change.
    assert_eq!(utc_hours, [17, 17, 16]);
}

#[test]
fn can_keep_the_local_time_across_dst_in_new_york() {
    let c = community(&series(
        "America/New_York",
        "09:00",
        "weekly on Monday",
        "2026-03-02",
        "",
    ));
    let calendar = c.to_calendar();
    let occ = occurrences(&calendar, date(2026, 3, 1), date(2026, 3, 10));
    assert_eq!(occ.len(), 2);
    assert_eq!(occ[1].start.civil(), date(2026, 3, 9).at(9, 0, 0, 0));
    let hours: Vec<i8> = occ
        .iter()
        .map(|o| utc(&o.start).to_zoned_datetime(TimeZone::UTC).hour())
        .collect();
    assert_eq!(hours, [14, 13]);
    // And back in November.
    let occ = occurrences(&calendar, date(2026, 10, 26), date(2026, 11, 3));
    let hours: Vec<i8> = occ
        .iter()
        .map(|o| utc(&o.start).to_zoned_datetime(TimeZone::UTC).hour())
        .collect();
    assert_eq!(hours, [13, 14]);
}

#[test]
fn can_cancel_move_and_add_occurrences() {
    let body = series(
        "Europe/Berlin",
        "10:00",
        "weekly on Monday",
        "2026-01-05",
        "  [[series.exceptions]]\n  date = 2026-01-12\n  cancel = \"Holiday\"\n\
         [[series.exceptions]]\n  date = 2026-01-19\n  move_to = 2026-01-20T15:30:00\n\
         [[series.exceptions]]\n  date = 2026-01-22\n  extra = true\n\
         [[series.exceptions]]\n  date = 2026-01-29\n  extra = true\n  time = \"08:00\"\n",
    );
    let c = community(&body);
    let calendar = c.to_calendar();
    let master = &calendar.events[0];
    let original = Time::Zoned(
        date(2026, 1, 12).at(10, 0, 0, 0),
        master.start.tz().unwrap().clone(),
    );
    assert_eq!(master.exdates, std::slice::from_ref(&original));
    assert_eq!(master.rdates.len(), 2);
    let cancelled = calendar
        .events
        .iter()
        .find(|e| e.status == Status::Cancelled)
        .expect("a cancelled override");
    assert_eq!(cancelled.uid, master.uid);
    assert_eq!(cancelled.recurrence_id.as_ref(), Some(&original));
    assert_eq!(cancelled.start, original);
    assert_eq!(cancelled.description.as_deref(), Some("Holiday"));
    let moved = calendar
        .events
        .iter()
        .find(|e| e.recurrence_id.is_some() && e.status != Status::Cancelled)
        .expect("a moved override");
    assert_eq!(moved.start.civil(), date(2026, 1, 20).at(15, 30, 0, 0));
    assert_eq!(
        moved.recurrence_id.as_ref().unwrap().civil(),
        date(2026, 1, 19).at(10, 0, 0, 0)
    );
    assert_eq!(
        starts(&calendar, date(2026, 1, 1), date(2026, 2, 1)),
        [
            date(2026, 1, 5).at(10, 0, 0, 0),
            date(2026, 1, 20).at(15, 30, 0, 0),
            date(2026, 1, 22).at(10, 0, 0, 0),
            date(2026, 1, 26).at(10, 0, 0, 0),
            date(2026, 1, 29).at(8, 0, 0, 0),
        ]
    );
    let series = c.series("s").unwrap();
    assert!(series.exception_for(date(2026, 1, 12)).is_some());
    assert!(series.exception_for(date(2026, 1, 13)).is_none());
}

#[test]
fn can_end_on_last_inclusive_whatever_the_zone() {
    // 23:00 in Los Angeles on the last date is already the next day in UTC.
    let c = community(&series(
        "America/Los_Angeles",
        "23:00",
        "weekly on Friday",
        "2026-01-02",
        "last = 2026-01-16",
    ));
    let calendar = c.to_calendar();
    assert_eq!(
        calendar.events[0].rrules[0].to_string(),
        "FREQ=WEEKLY;UNTIL=20260117T075959Z;BYDAY=FR"
    );
    assert_eq!(
        starts(&calendar, date(2026, 1, 1), date(2026, 3, 1)),
        [2, 9, 16].map(|d| date(2026, 1, d).at(23, 0, 0, 0))
    );
}

#[test]
fn can_build_per_series_and_per_group_calendars() {
    let body = format!(
        "{}{}[[groups]]\nid = \"wg\"\ntitle = \"WG\"\n",
        series(
            "UTC",
            "12:00",
            "weekly on Thursday",
            "2026-01-08",
            "group = \"wg\""
        )
        .replace("id = \"s\"", "id = \"a\""),
        series(
            "UTC",
            "15:00",
            "monthly on the last Friday",
            "2026-01-30",
            ""
        )
        .replace("id = \"s\"", "id = \"b\""),
    );
    let c = community(&body);
    assert_eq!(c.to_calendar().events.len(), 2);
    let group = c.group_calendar("wg").unwrap();
    assert_eq!(group.events.len(), 1);
    assert_eq!(group.events[0].uid, "a@touchpoint.local");
    assert_eq!(group.events[0].categories, ["wg"]);
    assert_eq!(
        c.series_calendar("b").unwrap().events[0].uid,
        "b@touchpoint.local"
    );
    assert!(c.series_calendar("nope").is_none());
    assert!(c.group_calendar("nope").is_none());
    assert_eq!(
        c.group("wg").unwrap().cadence(&c).as_deref(),
        Some("Every Thursday")
    );
    assert_eq!(c.series("b").unwrap().cadence(), "Monthly, last Friday");
    assert_eq!(c.group_series("wg").count(), 1);
    let b = c.series_calendar("b").unwrap();
    let fridays = starts(&b, date(2026, 1, 1), date(2026, 4, 1));
    assert_eq!(
        fridays,
        [
            date(2026, 1, 30).at(15, 0, 0, 0),
            date(2026, 2, 27).at(15, 0, 0, 0),
            date(2026, 3, 27).at(15, 0, 0, 0)
        ]
    );
}

#[test]
fn can_derive_uids_from_the_community_url_host() {
    let source = format!(
        "[community]\nname = \"T\"\ntimezone = \"UTC\"\nurl = \"https://Meet.Example.org:8443/x/\"\n{}",
        series("UTC", "12:00", "daily", "2026-01-01", "")
    );
    let c = parse(&source).unwrap().community;
    assert_eq!(c.series("s").unwrap().uid(), "s@meet.example.org");
    assert_eq!(c.to_calendar().events[0].uid, "s@meet.example.org");
    let later = date(2026, 1, 1).checked_add(2.days()).unwrap();
    assert_eq!(starts(&c.to_calendar(), date(2026, 1, 1), later).len(), 2);
}
