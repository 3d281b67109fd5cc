//! The RRULE examples of RFC 5545 §3.8.5.3 ("Recurrence Rule", Examples), each with the dates the
//! RFC lists written out. All use `DTSTART;TZID=America/New_York`, as the RFC does; results are
//! compared on the wall clock of that zone.

use jiff::civil;
use touchpoint_calendar::{
    Calendar, Event, Expansion, Limits, RDate, RRule, Time, Tz, Window, expand,
};

fn ny(s: &str) -> Time {
    let dt: civil::DateTime = s.parse().expect("test date-time");
    Time::Zoned(dt, Tz::iana("America/New_York").expect("zone"))
}

fn event(dtstart: &str, rules: &[&str]) -> Event {
    let mut ev = Event::new("rfc@example.com", ny(dtstart));
    ev.rrules = rules
        .iter()
        .map(|r| r.parse::<RRule>().expect("rule parses"))
        .collect();
    ev
}

fn run(ev: Event, from: &str, to: &str) -> Expansion {
    let cal = Calendar {
        events: vec![ev],
        ..Calendar::default()
    };
    let window = Window {
        start: from.parse().expect("from"),
        end: to.parse().expect("to"),
        zone: None,
    };
    expand(&cal, &window, &Limits::default())
}

/// Starts as `YYYY-MM-DDTHH:MM` on the New York wall clock.
fn starts(ev: Event, from: &str, to: &str) -> Vec<String> {
    let exp = run(ev, from, to);
    assert!(exp.truncated.is_empty(), "{:?}", exp.truncated);
    exp.occurrences
        .iter()
        .map(|o| o.start.civil().strftime("%Y-%m-%dT%H:%M").to_string())
        .collect()
}

/// Expected starts at 09:00 from `YYYY-MM-DD` dates.
fn at9(dates: &[&str]) -> Vec<String> {
    dates.iter().map(|d| format!("{d}T09:00")).collect()
}

const FROM: &str = "1990-01-01T00:00";
const TO: &str = "2010-01-01T00:00";

#[test]
fn can_expand_daily_for_10_occurrences() {
    let got = starts(event("19970902T090000", &["FREQ=DAILY;COUNT=10"]), FROM, TO);
    let want: Vec<String> = (2..=11).map(|d| format!("1997-09-{d:02}T09:00")).collect();
    assert_eq!(got, want);
}

#[test]
fn can_expand_daily_until_december_24_across_dst() {
    let got = starts(
        event("19970902T090000", &["FREQ=DAILY;UNTIL=19971224T000000Z"]),
        FROM,
        TO,
    );
    // September 2 to December 23, 1997: 29 + 31 + 30 + 23 days, all at 09:00 local.
    assert_eq!(got.len(), 113);
    assert_eq!(got.first().map(String::as_str), Some("1997-09-02T09:00"));
    assert_eq!(got.last().map(String::as_str), Some("1997-12-23T09:00"));
    assert!(got.iter().all(|s| s.ends_with("T09:00")));
}

#[test]
fn can_expand_every_other_day_forever() {
    let got = starts(
        event("19970902T090000", &["FREQ=DAILY;INTERVAL=2"]),
        "1997-09-01T00:00",
        "1997-09-13T00:00",
    );
    assert_eq!(
        got,
        at9(&[
            "1997-09-02",
            "1997-09-04",
            "1997-09-06",
            "1997-09-08",
            "1997-09-10",
            "1997-09-12"
        ])
    );
}

#[test]
fn can_expand_every_10_days_5_occurrences() {
    let got = starts(
        event("19970902T090000", &["FREQ=DAILY;INTERVAL=10;COUNT=5"]),
        FROM,
        TO,
    );
    assert_eq!(
        got,
        at9(&[
            "1997-09-02",
            "1997-09-12",
            "1997-09-22",
            "1997-10-02",
            "1997-10-12"
        ])
    );
}

#[test]
fn can_expand_every_day_in_january_for_3_years_both_ways() {
    let yearly = starts(
        event(
            "19980101T090000",
            &["FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA"],
        ),
        FROM,
        TO,
    );
    let daily = starts(
        event(
            "19980101T090000",
            &["FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1"],
        ),
        FROM,
        TO,
    );
    let want: Vec<String> = (1998..=2000)
        .flat_map(|y| (1..=31).map(move |d| format!("{y}-01-{d:02}T09:00")))
        .collect();
    assert_eq!(yearly, want);
    assert_eq!(daily, want);
}

#[test]
fn can_expand_weekly_for_10_occurrences() {
    let got = starts(
        event("19970902T090000", &["FREQ=WEEKLY;COUNT=10"]),
        FROM,
        TO,
    );
    assert_eq!(
        got,
        at9(&[
            "1997-09-02",
            "1997-09-09",
            "1997-09-16",
            "1997-09-23",
            "1997-09-30",
            "1997-10-07",
            "1997-10-14",
            "1997-10-21",
            "1997-10-28",
            "1997-11-04"
        ])
    );
}

#[test]
fn can_expand_weekly_until_december_24() {
    let got = starts(
        event("19970902T090000", &["FREQ=WEEKLY;UNTIL=19971224T000000Z"]),
        FROM,
        TO,
    );
    assert_eq!(got.len(), 17);
    assert_eq!(got.last().map(String::as_str), Some("1997-12-23T09:00"));
}

#[test]
fn can_expand_every_other_week_forever() {
    let got = starts(
        event("19970902T090000", &["FREQ=WEEKLY;INTERVAL=2;WKST=SU"]),
        "1997-09-01T00:00",
        "1998-02-18T00:00",
    );
    assert_eq!(
        got,
        at9(&[
            "1997-09-02",
            "1997-09-16",
            "1997-09-30",
            "1997-10-14",
            "1997-10-28",
            "1997-11-11",
            "1997-11-25",
            "1997-12-09",
            "1997-12-23",
            "1998-01-06",
            "1998-01-20",
            "1998-02-03",
            "1998-02-17"
        ])
    );
}

#[test]
fn can_expand_weekly_on_tuesday_and_thursday_for_five_weeks_both_ways() {
    let want = at9(&[
        "1997-09-02",
        "1997-09-04",
        "1997-09-09",
        "1997-09-11",
        "1997-09-16",
        "1997-09-18",
        "1997-09-23",
        "1997-09-25",
        "1997-09-30",
        "1997-10-02",
    ]);
    let until = starts(
        event(
            "19970902T090000",
            &["FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH"],
        ),
        FROM,
        TO,
    );
    let count = starts(
        event(
            "19970902T090000",
            &["FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH"],
        ),
        FROM,
        TO,
    );
    assert_eq!(until, want);
    assert_eq!(count, want);
}

#[test]
fn can_expand_every_other_week_on_monday_wednesday_friday_until_december_24() {
    let got = starts(
        event(
            "19970901T090000",
            &["FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR"],
        ),
        FROM,
        TO,
    );
    assert_eq!(
        got,
        at9(&[
            "1997-09-01",
            "1997-09-03",
            "1997-09-05",
            "1997-09-15",
            "1997-09-17",
            "1997-09-19",
            "1997-09-29",
            "1997-10-01",
            "1997-10-03",
            "1997-10-13",
            "1997-10-15",
            "1997-10-17",
            "1997-10-27",
            "1997-10-29",
            "1997-10-31",
            "1997-11-10",
            "1997-11-12",
            "1997-11-14",
            "1997-11-24",
            "1997-11-26",
            "1997-11-28",
            "1997-12-08",
            "1997-12-10",
            "1997-12-12",
            "1997-12-22"
        ])
    );
}

#[test]
fn can_expand_every_other_week_on_tuesday_and_thursday_for_8() {
    let got = starts(
        event(
            "19970902T090000",
            &["FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH"],
        ),
        FROM,
        TO,
    );
    assert_eq!(
        got,
        at9(&[
            "1997-09-02",
            "1997-09-04",
            "1997-09-16",
            "1997-09-18",
            "1997-09-30",
            "1997-10-02",
            "1997-10-14",
            "1997-10-16"
        ])
    );
}

#[test]
fn can_expand_monthly_on_the_first_friday() {
    let ten = starts(
        event("19970905T090000", &["FREQ=MONTHLY;COUNT=10;BYDAY=1FR"]),
        FROM,
        TO,
    );
    assert_eq!(
        ten,
        at9(&[
            "1997-09-05",
            "1997-10-03",
            "1997-11-07",
            "1997-12-05",
            "1998-01-02",
            "1998-02-06",
            "1998-03-06",
            "1998-04-03",
            "1998-05-01",
            "1998-06-05"
        ])
    );
    let until = starts(
        event(
            "19970905T090000",
            &["FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR"],
        ),
        FROM,
        TO,
    );
    assert_eq!(
        until,
        at9(&["1997-09-05", "1997-10-03", "1997-11-07", "1997-12-05"])
    );
}

#[test]
fn can_expand_every_other_month_on_first_and_last_sunday() {
    let got = starts(
        event(
            "19970907T090000",
            &["FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU"],
        ),
        FROM,
        TO,
    );
    assert_eq!(
        got,
        at9(&[
            "1997-09-07",
            "1997-09-28",
            "1997-11-02",
            "1997-11-30",
            "1998-01-04",
            "1998-01-25",
            "1998-03-01",
            "1998-03-29",
            "1998-05-03",
            "1998-05-31"
        ])
    );
}

#[test]
fn can_expand_monthly_on_the_second_to_last_monday() {
    let got = starts(
        event("19970922T090000", &["FREQ=MONTHLY;COUNT=6;BYDAY=-2MO"]),
        FROM,
        TO,
    );
    assert_eq!(
        got,
        at9(&[
            "1997-09-22",
            "1997-10-20",
            "1997-11-17",
            "1997-12-22",
            "1998-01-19",
            "1998-02-16"
        ])
    );
}

#[test]
fn can_expand_monthly_on_the_third_to_last_day() {
    let got = starts(
        event("19970928T090000", &["FREQ=MONTHLY;BYMONTHDAY=-3"]),
        "1997-09-01T00:00",
        "1998-03-01T00:00",
    );
    assert_eq!(
        got,
        at9(&[
            "1997-09-28",
            "1997-10-29",
            "1997-11-28",
            "1997-12-29",
            "1998-01-29",
            "1998-02-26"
        ])
    );
}

#[test]
fn can_expand_monthly_on_the_2nd_and_15th() {
    let got = starts(
        event(
            "19970902T090000",
            &["FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15"],
        ),
        FROM,
        TO,
    );
    assert_eq!(
        got,
        at9(&[
            "1997-09-02",
            "1997-09-15",
            "1997-10-02",
            "1997-10-15",
            "1997-11-02",
            "1997-11-15",
            "1997-12-02",
            "1997-12-15",
            "1998-01-02",
            "1998-01-15"
        ])
    );
}

#[test]
fn can_expand_monthly_on_the_first_and_last_day() {
    let got = starts(
        event(
            "19970930T090000",
            &["FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1"],
        ),
        FROM,
        TO,
    );
    assert_eq!(
        got,
        at9(&[
            "1997-09-30",
            "1997-10-01",
            "1997-10-31",
            "1997-11-01",
            "1997-11-30",
            "1997-12-01",
            "1997-12-31",
            "1998-01-01",
            "1998-01-31",
            "1998-02-01"
        ])
    );
}

#[test]
fn can_expand_every_18_months_on_the_10th_to_15th() {
    let got = starts(
        event(
            "19970910T090000",
            &["FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15"],
        ),
        FROM,
        TO,
    );
    assert_eq!(
        got,
        at9(&[
            "1997-09-10",
            "1997-09-11",
            "1997-09-12",
            "1997-09-13",
            "1997-09-14",
            "1997-09-15",
            "1999-03-10",
            "1999-03-11",
            "1999-03-12",
            "1999-03-13"
        ])
    );
}

#[test]
fn can_expand_every_tuesday_every_other_month() {
    let got = starts(
        event("19970902T090000", &["FREQ=MONTHLY;INTERVAL=2;BYDAY=TU"]),
        "1997-09-01T00:00",
        "1998-04-01T00:00",
    );
    assert_eq!(
        got,
        at9(&[
            "1997-09-02",
            "1997-09-09",
            "1997-09-16",
            "1997-09-23",
            "1997-09-30",
            "1997-11-04",
            "1997-11-11",
            "1997-11-18",
            "1997-11-25",
            "1998-01-06",
            "1998-01-13",
            "1998-01-20",
            "1998-01-27",
            "1998-03-03",
            "1998-03-10",
            "1998-03-17",
            "1998-03-24",
            "1998-03-31"
        ])
    );
}

#[test]
fn can_expand_yearly_in_june_and_july() {
    let got = starts(
        event("19970610T090000", &["FREQ=YEARLY;COUNT=10;BYMONTH=6,7"]),
        FROM,
        TO,
    );
    let want: Vec<String> = (1997..=2001)
        .flat_map(|y| [format!("{y}-06-10T09:00"), format!("{y}-07-10T09:00")])
        .collect();
    assert_eq!(got, want);
}

#[test]
fn can_expand_every_other_year_in_january_february_march() {
    let got = starts(
        event(
            "19970310T090000",
            &["FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3"],
        ),
        FROM,
        TO,
    );
    assert_eq!(
        got,
        at9(&[
            "1997-03-10",
            "1999-01-10",
            "1999-02-10",
            "1999-03-10",
            "2001-01-10",
            "2001-02-10",
            "2001-03-10",
            "2003-01-10",
            "2003-02-10",
            "2003-03-10"
        ])
    );
}

#[test]
fn can_expand_every_third_year_on_days_1_100_200() {
    let got = starts(
        event(
            "19970101T090000",
            &["FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200"],
        ),
        FROM,
        TO,
    );
    assert_eq!(
        got,
        at9(&[
            "1997-01-01",
            "1997-04-10",
            "1997-07-19",
            "2000-01-01",
            "2000-04-09",
            "2000-07-18",
            "2003-01-01",
            "2003-04-10",
            "2003-07-19",
            "2006-01-01"
        ])
    );
}

#[test]
fn can_expand_every_20th_monday_of_the_year() {
    let got = starts(
        event("19970519T090000", &["FREQ=YEARLY;BYDAY=20MO"]),
        FROM,
        "2000-01-01T00:00",
    );
    assert_eq!(got, at9(&["1997-05-19", "1998-05-18", "1999-05-17"]));
}

#[test]
fn can_expand_monday_of_week_20() {
    let got = starts(
        event("19970512T090000", &["FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO"]),
        FROM,
        "2000-01-01T00:00",
    );
    assert_eq!(got, at9(&["1997-05-12", "1998-05-11", "1999-05-17"]));
}

#[test]
fn can_expand_every_thursday_in_march() {
    let got = starts(
        event("19970313T090000", &["FREQ=YEARLY;BYMONTH=3;BYDAY=TH"]),
        FROM,
        "2000-01-01T00:00",
    );
    assert_eq!(
        got,
        at9(&[
            "1997-03-13",
            "1997-03-20",
            "1997-03-27",
            "1998-03-05",
            "1998-03-12",
            "1998-03-19",
            "1998-03-26",
            "1999-03-04",
            "1999-03-11",
            "1999-03-18",
            "1999-03-25"
        ])
    );
}

#[test]
fn can_expand_every_thursday_in_june_july_august() {
    let got = starts(
        event("19970605T090000", &["FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8"]),
        FROM,
        "1999-01-01T00:00",
    );
    assert_eq!(
        got,
        at9(&[
            "1997-06-05",
            "1997-06-12",
            "1997-06-19",
            "1997-06-26",
            "1997-07-03",
            "1997-07-10",
            "1997-07-17",
            "1997-07-24",
            "1997-07-31",
            "1997-08-07",
            "1997-08-14",
            "1997-08-21",
            "1997-08-28",
            "1998-06-04",
            "1998-06-11",
            "1998-06-18",
            "1998-06-25",
            "1998-07-02",
            "1998-07-09",
            "1998-07-16",
            "1998-07-23",
            "1998-07-30",
            "1998-08-06",
            "1998-08-13",
            "1998-08-20",
            "1998-08-27"
        ])
    );
}

#[test]
fn can_expand_every_friday_the_13th_with_dtstart_excluded() {
    let mut ev = event("19970902T090000", &["FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13"]);
    ev.exdates.push(ny("19970902T090000"));
    let got = starts(ev, FROM, "2001-01-01T00:00");
    assert_eq!(
        got,
        at9(&[
            "1998-02-13",
            "1998-03-13",
            "1998-11-13",
            "1999-08-13",
            "2000-10-13"
        ])
    );
}

#[test]
fn can_expand_the_first_saturday_following_the_first_sunday() {
    let got = starts(
        event(
            "19970913T090000",
            &["FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13"],
        ),
        FROM,
        "1998-07-01T00:00",
    );
    assert_eq!(
        got,
        at9(&[
            "1997-09-13",
            "1997-10-11",
            "1997-11-08",
            "1997-12-13",
            "1998-01-10",
            "1998-02-07",
            "1998-03-07",
            "1998-04-11",
            "1998-05-09",
            "1998-06-13"
        ])
    );
}

#[test]
fn can_expand_us_presidential_election_day() {
    let got = starts(
        event(
            "19961105T090000",
            &["FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8"],
        ),
        FROM,
        "2005-01-01T00:00",
    );
    assert_eq!(got, at9(&["1996-11-05", "2000-11-07", "2004-11-02"]));
}

#[test]
fn can_expand_the_third_tuesday_wednesday_or_thursday_with_bysetpos() {
    let got = starts(
        event(
            "19970904T090000",
            &["FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3"],
        ),
        FROM,
        TO,
    );
    assert_eq!(got, at9(&["1997-09-04", "1997-10-07", "1997-11-06"]));
}

#[test]
fn can_expand_the_second_to_last_weekday_of_the_month() {
    let got = starts(
        event(
            "19970929T090000",
            &["FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2"],
        ),
        FROM,
        "1998-04-01T00:00",
    );
    assert_eq!(
        got,
        at9(&[
            "1997-09-29",
            "1997-10-30",
            "1997-11-27",
            "1997-12-30",
            "1998-01-29",
            "1998-02-26",
            "1998-03-30"
        ])
    );
}

/// The RFC lists 09:00, 12:00 and 15:00 for this rule, but its UNTIL of 17:00Z is 13:00 EDT, so
/// comparing UNTIL as an instant (as RFC 5545 §3.3.10 requires) keeps only 09:00 and 12:00; the
/// listed result matches an UNTIL of 21:00Z, which is checked too.
#[test]
fn can_expand_every_3_hours_until_an_instant() {
    let got = starts(
        event(
            "19970902T090000",
            &["FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z"],
        ),
        FROM,
        TO,
    );
    assert_eq!(got, vec!["1997-09-02T09:00", "1997-09-02T12:00"]);
    let got = starts(
        event(
            "19970902T090000",
            &["FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z"],
        ),
        FROM,
        TO,
    );
    assert_eq!(
        got,
        vec!["1997-09-02T09:00", "1997-09-02T12:00", "1997-09-02T15:00"]
    );
}

#[test]
fn can_expand_every_15_minutes_for_6() {
    let got = starts(
        event("19970902T090000", &["FREQ=MINUTELY;INTERVAL=15;COUNT=6"]),
        FROM,
        TO,
    );
    assert_eq!(
        got,
        ["09:00", "09:15", "09:30", "09:45", "10:00", "10:15"].map(|t| format!("1997-09-02T{t}"))
    );
}

#[test]
fn can_expand_every_hour_and_a_half_for_4() {
    let got = starts(
        event("19970902T090000", &["FREQ=MINUTELY;INTERVAL=90;COUNT=4"]),
        FROM,
        TO,
    );
    assert_eq!(
        got,
        ["09:00", "10:30", "12:00", "13:30"].map(|t| format!("1997-09-02T{t}"))
    );
}

#[test]
fn can_expand_every_20_minutes_from_9_to_16_40_both_ways() {
    let daily = starts(
        event(
            "19970902T090000",
            &["FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40"],
        ),
        "1997-09-02T00:00",
        "1997-09-04T00:00",
    );
    let minutely = starts(
        event(
            "19970902T090000",
            &["FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16"],
        ),
        "1997-09-02T00:00",
        "1997-09-04T00:00",
    );
    let want: Vec<String> = ["1997-09-02", "1997-09-03"]
        .iter()
        .flat_map(|d| (9..=16).flat_map(move |h| [0, 20, 40].map(|m| format!("{d}T{h:02}:{m:02}"))))
        .collect();
    assert_eq!(want.len(), 48);
    assert_eq!(daily, want);
    assert_eq!(minutely, want);
}

#[test]
fn can_change_results_with_wkst() {
    let mo = starts(
        event(
            "19970805T090000",
            &["FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO"],
        ),
        FROM,
        TO,
    );
    assert_eq!(
        mo,
        at9(&["1997-08-05", "1997-08-10", "1997-08-19", "1997-08-24"])
    );
    let su = starts(
        event(
            "19970805T090000",
            &["FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU"],
        ),
        FROM,
        TO,
    );
    assert_eq!(
        su,
        at9(&["1997-08-05", "1997-08-17", "1997-08-19", "1997-08-31"])
    );
}

#[test]
fn can_skip_an_invalid_date_instead_of_clamping() {
    let got = starts(
        event(
            "20070115T090000",
            &["FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5"],
        ),
        "2007-01-01T00:00",
        TO,
    );
    assert_eq!(
        got,
        at9(&[
            "2007-01-15",
            "2007-01-30",
            "2007-02-15",
            "2007-03-15",
            "2007-03-30"
        ])
    );
}

#[test]
fn can_expand_rdates_with_periods_and_an_rrule() {
    // RFC 5545 §3.8.5.2 RDATE with VALUE=PERIOD: a period keeps its own end.
    let mut ev = event("19970714T123000", &[]);
    ev.rdates.push(RDate::Time(ny("19970715T123000")));
    ev.rdates.push(RDate::Period(
        ny("19970716T123000"),
        touchpoint_calendar::End::At(ny("19970716T150000")),
    ));
    let exp = run(ev, FROM, TO);
    let got: Vec<(String, String)> = exp
        .occurrences
        .iter()
        .map(|o| (o.start.to_json_string(), o.end.to_json_string()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "1997-07-14T12:30:00-04:00".to_owned(),
                "1997-07-14T12:30:00-04:00".to_owned()
            ),
            (
                "1997-07-15T12:30:00-04:00".to_owned(),
                "1997-07-15T12:30:00-04:00".to_owned()
            ),
            (
                "1997-07-16T12:30:00-04:00".to_owned(),
                "1997-07-16T15:00:00-04:00".to_owned()
            ),
        ]
    );
    assert!(exp.occurrences.iter().all(|o| o.recurrence_id.is_some()));
}

#[test]
fn can_skip_february_29_in_common_years() {
    let got = starts(event("20000229T090000", &["FREQ=YEARLY"]), FROM, TO);
    assert_eq!(got, at9(&["2000-02-29", "2004-02-29", "2008-02-29"]));
}

#[test]
fn can_skip_a_missing_fifth_monday() {
    let got = starts(
        event("20260105T090000", &["FREQ=MONTHLY;BYDAY=5MO"]),
        "2026-01-01T00:00",
        "2027-01-01T00:00",
    );
    // 2026 months with five Mondays: March, June, August, November (and DTSTART in January
    // is itself not a fifth Monday, yet counts as the first occurrence).
    assert_eq!(
        got,
        at9(&[
            "2026-01-05",
            "2026-03-30",
            "2026-06-29",
            "2026-08-31",
            "2026-11-30"
        ])
    );
}
