//! Expansion beyond the RFC examples: DST gaps and folds in several zones, durations, the window,
//! overrides (SEQUENCE, UID scoping, THISANDFUTURE), cancelled instances, EXDATE/EXRULE forms,
//! and the work bounds.

use std::time::{Duration, Instant};

use jiff::civil;
use jiff::tz::TimeZone;
use touchpoint_calendar::{
    Calendar, End, Event, Expansion, Limits, RRule, Status, Time, Tz, Window, expand,
};

fn zoned(zone: &str, s: &str) -> Time {
    let dt: civil::DateTime = s.parse().expect("test date-time");
    Time::Zoned(dt, Tz::iana(zone).expect("zone"))
}

fn utc(s: &str) -> Time {
    let dt: civil::DateTime = s.parse().expect("test date-time");
    Time::Zoned(dt, Tz::utc())
}

fn date(s: &str) -> Time {
    Time::Date(s.parse().expect("test date"))
}

fn recurring(uid: &str, start: Time, rule: &str) -> Event {
    let mut ev = Event::new(uid, start);
    ev.rrules.push(rule.parse::<RRule>().expect("rule"));
    ev
}

fn window(from: &str, to: &str) -> Window {
    Window {
        start: from.parse().expect("from"),
        end: to.parse().expect("to"),
        zone: None,
    }
}

fn run(events: Vec<Event>, w: &Window) -> Expansion {
    let cal = Calendar {
        events,
        ..Calendar::default()
    };
    expand(&cal, w, &Limits::default())
}

fn json_starts(exp: &Expansion) -> Vec<String> {
    exp.occurrences
        .iter()
        .map(|o| o.start.to_json_string())
        .collect()
}

#[test]
fn can_move_a_berlin_gap_time_forward_by_the_gap() {
    let ev = recurring(
        "gap",
        zoned("Europe/Berlin", "2026-03-22T02:30"),
        "FREQ=WEEKLY;COUNT=3",
    );
    let exp = run(vec![ev], &window("2026-03-01", "2026-05-01"));
    assert_eq!(
        json_starts(&exp),
        [
            "2026-03-22T02:30:00+01:00",
            "2026-03-29T03:30:00+02:00",
            "2026-04-05T02:30:00+02:00"
        ]
    );
}

#[test]
fn can_take_the_first_new_york_fold_time() {
    let ev = recurring(
        "fold",
        zoned("America/New_York", "2026-10-31T01:30"),
        "FREQ=DAILY;COUNT=3",
    );
    let exp = run(vec![ev], &window("2026-10-01", "2026-12-01"));
    assert_eq!(
        json_starts(&exp),
        [
            "2026-10-31T01:30:00-04:00",
            "2026-11-01T01:30:00-04:00",
            "2026-11-02T01:30:00-05:00"
        ]
    );
}

#[test]
fn can_handle_sydney_fold_and_gap() {
    let ev = recurring(
        "syd",
        zoned("Australia/Sydney", "2026-04-05T02:30"),
        "FREQ=YEARLY;BYMONTH=4,10;BYDAY=1SU;COUNT=2",
    );
    let exp = run(vec![ev], &window("2026-01-01", "2027-01-01"));
    // April 5: clocks go back at 03:00, so 02:30 happens twice, the first at +11:00.
    // October 4: clocks go forward at 02:00, so 02:30 is 03:30 +11:00.
    assert_eq!(
        json_starts(&exp),
        ["2026-04-05T02:30:00+11:00", "2026-10-04T03:30:00+11:00"]
    );
}

#[test]
fn can_handle_historic_midnight_gaps_in_sao_paulo_and_tehran() {
    // Brazil began DST at midnight on 2018-11-04 (00:00 → 01:00); Iran on 2021-03-22
    // (00:00 → 01:00) before abolishing DST in 2022.
    let sp = recurring(
        "sp",
        zoned("America/Sao_Paulo", "2018-11-03T00:30"),
        "FREQ=DAILY;COUNT=3",
    );
    let teh = recurring(
        "teh",
        zoned("Asia/Tehran", "2021-03-21T00:30"),
        "FREQ=DAILY;COUNT=3",
    );
    let sp = run(vec![sp], &window("2018-11-01", "2018-11-10"));
    let teh = run(vec![teh], &window("2021-03-01", "2021-04-01"));
    assert_eq!(
        json_starts(&sp),
        [
            "2018-11-03T00:30:00-03:00",
            "2018-11-04T01:30:00-02:00",
            "2018-11-05T00:30:00-02:00"
        ]
    );
    assert_eq!(
        json_starts(&teh),
        [
            "2021-03-21T00:30:00+03:30",
            "2021-03-22T01:30:00+04:30",
            "2021-03-23T00:30:00+04:30"
        ]
    );
}

#[test]
fn can_keep_the_wall_clock_of_a_weekly_meeting_across_dst() {
    let ev = recurring(
        "weekly",
        zoned("America/New_York", "2026-03-02T09:00"),
        "FREQ=WEEKLY;COUNT=2",
    );
    let exp = run(vec![ev], &window("2026-03-01", "2026-04-01"));
    assert_eq!(
        json_starts(&exp),
        ["2026-03-02T09:00:00-05:00", "2026-03-09T09:00:00-04:00"]
    );
}

#[test]
fn can_add_nominal_days_and_exact_hours_across_dst() {
    let mut day = Event::new("p1d", zoned("Europe/Berlin", "2026-03-28T12:00"));
    day.end = Some(End::Duration(jiff::Span::new().days(1)));
    let mut hours = Event::new("pt24h", zoned("Europe/Berlin", "2026-03-28T12:00"));
    hours.end = Some(End::Duration(jiff::Span::new().hours(24)));
    let exp = run(vec![day, hours], &window("2026-03-28", "2026-03-29"));
    let ends: Vec<String> = exp
        .occurrences
        .iter()
        .map(|o| o.end.to_json_string())
        .collect();
    assert_eq!(
        ends,
        ["2026-03-29T12:00:00+02:00", "2026-03-29T13:00:00+02:00"]
    );
}

#[test]
fn can_default_the_end_when_dtend_and_duration_are_missing() {
    let all_day = Event::new("a", date("2026-01-06"));
    let instant = Event::new("b", utc("2026-01-06T10:00"));
    let exp = run(vec![all_day, instant], &window("2026-01-06", "2026-01-07"));
    let got: Vec<(String, String)> = exp
        .occurrences
        .iter()
        .map(|o| (o.start.to_json_string(), o.end.to_json_string()))
        .collect();
    assert_eq!(
        got,
        [
            ("2026-01-06".to_owned(), "2026-01-07".to_owned()),
            (
                "2026-01-06T10:00:00+00:00".to_owned(),
                "2026-01-06T10:00:00+00:00".to_owned()
            )
        ]
    );
    assert!(exp.occurrences.iter().all(|o| o.recurrence_id.is_none()));
}

#[test]
fn can_read_the_window_in_each_events_zone_or_in_a_given_zone() {
    let late = Event::new("late", zoned("America/New_York", "2026-01-05T23:30"));
    let own = run(vec![late.clone()], &window("2026-01-06", "2026-01-07"));
    assert!(own.occurrences.is_empty());
    let mut w = window("2026-01-06", "2026-01-07");
    w.zone = Some(TimeZone::UTC);
    let in_utc = run(vec![late], &w);
    assert_eq!(in_utc.occurrences.len(), 1);
}

#[test]
fn can_count_zero_length_occurrences_only_when_they_start_inside() {
    let at_start = Event::new("s", utc("2026-01-06T00:00"));
    let at_end = Event::new("e", utc("2026-01-07T00:00"));
    let mut ending_at_start = Event::new("x", utc("2026-01-05T23:00"));
    ending_at_start.end = Some(End::At(utc("2026-01-06T00:00")));
    let exp = run(
        vec![at_start, at_end, ending_at_start],
        &window("2026-01-06", "2026-01-07"),
    );
    let uids: Vec<usize> = exp.occurrences.iter().map(|o| o.event).collect();
    assert_eq!(uids, [0]);
}

#[test]
fn can_list_the_moved_google_instance_once_at_its_new_time() {
    let mut master = recurring(
        "g",
        zoned("America/New_York", "2026-01-05T10:00"),
        "FREQ=WEEKLY;BYDAY=MO",
    );
    master.end = Some(End::At(zoned("America/New_York", "2026-01-05T11:00")));
    let mut moved = Event::new("g", zoned("America/New_York", "2026-01-13T15:00"));
    moved.recurrence_id = Some(zoned("America/New_York", "2026-01-12T10:00"));
    moved.sequence = 2;
    moved.end = Some(End::At(zoned("America/New_York", "2026-01-13T16:00")));
    let exp = run(vec![master, moved], &window("2026-01-01", "2026-01-24"));
    let got: Vec<(String, usize)> = exp
        .occurrences
        .iter()
        .map(|o| (o.start.to_json_string(), o.event))
        .collect();
    assert_eq!(
        got,
        [
            ("2026-01-05T10:00:00-05:00".to_owned(), 0),
            ("2026-01-13T15:00:00-05:00".to_owned(), 1),
            ("2026-01-19T10:00:00-05:00".to_owned(), 0)
        ]
    );
    assert_eq!(
        exp.occurrences[1].recurrence_id,
        Some(zoned("America/New_York", "2026-01-12T10:00"))
    );
}

#[test]
fn can_match_a_utc_recurrence_id_to_a_zoned_instance() {
    let master = recurring(
        "u",
        zoned("America/New_York", "2026-01-05T10:00"),
        "FREQ=DAILY;COUNT=3",
    );
    let mut moved = Event::new("u", utc("2026-01-06T20:00"));
    moved.recurrence_id = Some(utc("2026-01-06T15:00"));
    let exp = run(vec![master, moved], &window("2026-01-01", "2026-02-01"));
    assert_eq!(
        json_starts(&exp),
        [
            "2026-01-05T10:00:00-05:00",
            "2026-01-06T20:00:00+00:00",
            "2026-01-07T10:00:00-05:00"
        ]
    );
}

#[test]
fn can_keep_the_highest_sequence_then_the_last_among_duplicate_overrides() {
    let master = recurring("d", utc("2026-01-05T10:00"), "FREQ=DAILY;COUNT=2");
    let rid = utc("2026-01-06T10:00");
    let mut a = Event::new("d", utc("2026-01-06T11:00"));
    a.recurrence_id = Some(rid.clone());
    a.sequence = 3;
    let mut b = Event::new("d", utc("2026-01-06T12:00"));
    b.recurrence_id = Some(rid.clone());
    b.sequence = 1;
    let mut c = Event::new("d", utc("2026-01-06T13:00"));
    c.recurrence_id = Some(rid.clone());
    c.sequence = 3;
    let exp = run(vec![master, a, b, c], &window("2026-01-01", "2026-02-01"));
    let events: Vec<usize> = exp.occurrences.iter().map(|o| o.event).collect();
    assert_eq!(events, [0, 3]);
}

#[test]
fn can_scope_overrides_to_their_uid_and_show_orphans() {
    let a = recurring("a", utc("2026-01-05T10:00"), "FREQ=DAILY;COUNT=2");
    let b = recurring("b", utc("2026-01-05T10:00"), "FREQ=DAILY;COUNT=2");
    let mut moved = Event::new("a", utc("2026-01-06T18:00"));
    moved.recurrence_id = Some(utc("2026-01-06T10:00"));
    let mut orphan = Event::new("c", utc("2026-01-07T09:00"));
    orphan.recurrence_id = Some(utc("2026-01-07T08:00"));
    let exp = run(
        vec![a, b, moved, orphan],
        &window("2026-01-01", "2026-02-01"),
    );
    let got: Vec<(String, usize)> = exp
        .occurrences
        .iter()
        .map(|o| (o.start.to_json_string(), o.event))
        .collect();
    assert_eq!(
        got,
        [
            ("2026-01-05T10:00:00+00:00".to_owned(), 0),
            ("2026-01-05T10:00:00+00:00".to_owned(), 1),
            ("2026-01-06T10:00:00+00:00".to_owned(), 1),
            ("2026-01-06T18:00:00+00:00".to_owned(), 2),
            ("2026-01-07T09:00:00+00:00".to_owned(), 3)
        ]
    );
}

#[test]
fn can_shift_this_and_future_instances() {
    let mut master = recurring(
        "t",
        zoned("America/New_York", "2026-01-05T10:00"),
        "FREQ=WEEKLY;COUNT=5",
    );
    master.end = Some(End::Duration(jiff::Span::new().hours(1)));
    let mut future = Event::new("t", zoned("America/New_York", "2026-01-19T14:00"));
    future.recurrence_id = Some(zoned("America/New_York", "2026-01-19T10:00"));
    future.this_and_future = true;
    future.end = Some(End::Duration(jiff::Span::new().hours(2)));
    let exp = run(vec![master, future], &window("2026-01-01", "2026-03-01"));
    let got: Vec<(String, String, usize)> = exp
        .occurrences
        .iter()
        .map(|o| (o.start.to_json_string(), o.end.to_json_string(), o.event))
        .collect();
    let row = |s: &str, e: &str, i: usize| (s.to_owned(), e.to_owned(), i);
    assert_eq!(
        got,
        [
            row("2026-01-05T10:00:00-05:00", "2026-01-05T11:00:00-05:00", 0),
            row("2026-01-12T10:00:00-05:00", "2026-01-12T11:00:00-05:00", 0),
            row("2026-01-19T14:00:00-05:00", "2026-01-19T16:00:00-05:00", 1),
            row("2026-01-26T14:00:00-05:00", "2026-01-26T16:00:00-05:00", 1),
            row("2026-02-02T14:00:00-05:00", "2026-02-02T16:00:00-05:00", 1)
        ]
    );
    assert_eq!(
        exp.occurrences[3].recurrence_id,
        Some(zoned("America/New_York", "2026-01-26T10:00"))
    );
}

#[test]
fn can_keep_cancelled_occurrences_marked() {
    let master = recurring("c", utc("2026-01-05T10:00"), "FREQ=DAILY;COUNT=3");
    let mut cancelled = Event::new("c", utc("2026-01-06T10:00"));
    cancelled.recurrence_id = Some(utc("2026-01-06T10:00"));
    cancelled.status = Status::Cancelled;
    let exp = run(vec![master, cancelled], &window("2026-01-01", "2026-02-01"));
    let statuses: Vec<Status> = exp.occurrences.iter().map(|o| o.status).collect();
    assert_eq!(statuses, [Status::None, Status::Cancelled, Status::None]);
}

#[test]
fn can_count_a_dtstart_that_does_not_match_its_rule() {
    let ev = recurring(
        "w",
        zoned("Europe/Berlin", "2026-01-07T18:00"),
        "FREQ=WEEKLY;BYDAY=MO;COUNT=3",
    );
    let exp = run(vec![ev], &window("2026-01-01", "2026-03-01"));
    let days: Vec<String> = exp
        .occurrences
        .iter()
        .map(|o| o.start.civil().date().to_string())
        .collect();
    assert_eq!(days, ["2026-01-07", "2026-01-12", "2026-01-19"]);
}

#[test]
fn can_exclude_a_whole_day_with_a_date_exdate_and_an_instant_with_a_utc_one() {
    let mut ev = recurring(
        "x",
        zoned("Europe/Berlin", "2026-01-05T09:00"),
        "FREQ=DAILY;BYHOUR=9,15;COUNT=6",
    );
    ev.exdates.push(date("2026-01-06"));
    ev.exdates.push(utc("2026-01-07T14:00"));
    let exp = run(vec![ev], &window("2026-01-01", "2026-02-01"));
    let got: Vec<String> = exp
        .occurrences
        .iter()
        .map(|o| o.start.civil().strftime("%d %H").to_string())
        .collect();
    assert_eq!(got, ["05 09", "05 15", "07 09"]);
}

#[test]
fn can_exclude_with_a_legacy_exrule() {
    let mut ev = recurring("e", utc("2026-01-05T09:00"), "FREQ=DAILY;COUNT=7");
    ev.exrules
        .push("FREQ=WEEKLY;BYDAY=SA,SU".parse().expect("rule"));
    let exp = run(vec![ev], &window("2026-01-01", "2026-02-01"));
    let days: Vec<i8> = exp
        .occurrences
        .iter()
        .map(|o| o.start.civil().day())
        .collect();
    assert_eq!(days, [5, 6, 7, 8, 9]);
}

#[test]
fn can_compare_a_date_until_by_wall_clock_as_the_start_of_that_day() {
    // A DATE UNTIL on a zoned date-time series is the start of that day in UTC, as libical,
    // ical.js and recurring-ical-events read it: the 7th's 23:00 (17:30 UTC) is past it.
    let ev = recurring(
        "u",
        zoned("Asia/Kolkata", "2026-01-05T23:00"),
        "FREQ=DAILY;UNTIL=20260107",
    );
    let exp = run(vec![ev], &window("2026-01-01", "2026-02-01"));
    assert_eq!(
        json_starts(&exp),
        ["2026-01-05T23:00:00+05:30", "2026-01-06T23:00:00+05:30"]
    );
}

#[test]
fn can_merge_several_rules_and_rdates_without_duplicates() {
    let mut ev = recurring("m", utc("2026-01-05T09:00"), "FREQ=DAILY;COUNT=3");
    ev.rrules
        .push("FREQ=DAILY;INTERVAL=2;COUNT=3".parse().expect("rule"));
    ev.rdates
        .push(touchpoint_calendar::RDate::Time(utc("2026-01-06T09:00")));
    let exp = run(vec![ev], &window("2026-01-01", "2026-02-01"));
    let days: Vec<i8> = exp
        .occurrences
        .iter()
        .map(|o| o.start.civil().day())
        .collect();
    assert_eq!(days, [5, 6, 7, 9]);
}

#[test]
fn can_sort_by_start_instant_then_uid() {
    let b = Event::new("b", zoned("Europe/Berlin", "2026-01-05T10:00"));
    let a = Event::new("a", utc("2026-01-05T09:00"));
    let c = Event::new("c", zoned("America/New_York", "2026-01-05T03:00"));
    let exp = run(vec![b, a, c], &window("2026-01-05", "2026-01-06"));
    let order: Vec<usize> = exp.occurrences.iter().map(|o| o.event).collect();
    // All three are 09:00 UTC (Berlin +01:00, New York -05:00 is 08:00 UTC).
    assert_eq!(order, [2, 1, 0]);
}

#[test]
fn can_fast_forward_a_series_begun_in_1990() {
    let ev = recurring("old", utc("1990-01-01T09:00"), "FREQ=DAILY");
    let tight = Limits {
        max_candidates_per_event: 100,
        ..Limits::default()
    };
    let cal = Calendar {
        events: vec![ev],
        ..Calendar::default()
    };
    let exp = expand(&cal, &window("2026-03-02", "2026-03-09"), &tight);
    assert_eq!(exp.occurrences.len(), 7);
    assert!(exp.truncated.is_empty());
}

#[test]
fn can_bound_a_hostile_secondly_rule() {
    let seconds: Vec<String> = (0..60).map(|s| s.to_string()).collect();
    let rule = format!("FREQ=SECONDLY;BYSECOND={}", seconds.join(","));
    let ev = recurring("hostile", utc("1990-01-01T00:00"), &rule);
    let began = Instant::now();
    let exp = run(vec![ev], &window("2026-01-01", "2027-01-01"));
    assert!(began.elapsed() < Duration::from_secs(20));
    assert_eq!(
        exp.occurrences.len(),
        Limits::default().max_occurrences_per_event
    );
    assert_eq!(exp.truncated.len(), 1);
}

#[test]
fn can_give_up_on_a_rule_that_never_matches() {
    let ev = recurring(
        "never",
        utc("2000-01-01T00:00"),
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    );
    let exp = run(vec![ev], &window("0001-01-01", "9999-12-31"));
    // DTSTART itself is always an occurrence; the rule adds nothing and is cut off.
    assert_eq!(exp.occurrences.len(), 1);
    assert_eq!(exp.truncated.len(), 1);
    assert!(exp.truncated[0].1.contains("consecutive periods"));
}

#[test]
fn can_stop_at_the_end_of_jiffs_range_without_panicking() {
    let ev = recurring("edge", utc("9999-12-30T12:00"), "FREQ=HOURLY");
    let mut w = window("9999-12-30", "9999-12-31T23:59:59");
    w.zone = Some(TimeZone::UTC);
    let exp = run(vec![ev], &w);
    // jiff's last instant is 9999-12-30T22:00:00.999999999Z; later hours cannot be represented.
    assert_eq!(exp.occurrences.len(), 11);
    let last = exp.occurrences.last().map(|o| o.start.civil());
    assert_eq!(last, Some("9999-12-30T22:00".parse().expect("dt")));
}

#[test]
fn can_expand_floating_and_all_day_series_by_wall_clock() {
    let floating = recurring(
        "f",
        Time::Floating("2026-01-05T09:00".parse().expect("dt")),
        "FREQ=DAILY;COUNT=2",
    );
    let all_day = recurring("d", date("2026-01-05"), "FREQ=WEEKLY;COUNT=2");
    let exp = run(vec![floating, all_day], &window("2026-01-05", "2026-01-13"));
    let got = json_starts(&exp);
    assert_eq!(
        got,
        [
            "2026-01-05",
            "2026-01-05T09:00:00",
            "2026-01-06T09:00:00",
            "2026-01-12"
        ]
    );
}
