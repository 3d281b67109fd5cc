//! Properties of the engine: (a) a windowed expansion (which fast-forwards) equals the full
//! expansion from DTSTART clipped to the window; (b) any rule expands without panicking and within
//! the limits.

use std::time::{Duration, Instant};

use jiff::civil::{self, Weekday};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;
use touchpoint_calendar::{
    Calendar, End, Event, Freq, Limits, Occurrence, RRule, Take, Time, Tz, WeekdayNum, Window,
    expand, expand_first,
};

const ZONES: [&str; 6] = [
    "UTC",
    "America/New_York",
    "Europe/Berlin",
    "Australia/Sydney",
    "Asia/Kolkata",
    "America/Sao_Paulo",
];

fn weekday() -> impl Strategy<Value = Weekday> {
    (0i8..7).prop_map(|i| Weekday::from_monday_zero_offset(i).expect("0..7"))
}

fn signed(max: i16) -> impl Strategy<Value = i16> {
    (1..=max, any::<bool>()).prop_map(|(v, neg)| if neg { -v } else { v })
}

fn freq() -> impl Strategy<Value = Freq> {
    prop::sample::select(vec![
        Freq::Secondly,
        Freq::Minutely,
        Freq::Hourly,
        Freq::Daily,
        Freq::Weekly,
        Freq::Monthly,
        Freq::Yearly,
    ])
}

prop_compose! {
    /// BY parts as producers write them (small lists), any frequency.
    fn by_parts(freq: Freq)(
        interval in 1u32..4,
        by_second in prop::option::weighted(0.3, prop::collection::vec(0u8..60, 1..3)),
        by_minute in prop::option::weighted(0.3, prop::collection::vec(0u8..60, 1..3)),
        by_hour in prop::option::weighted(0.3, prop::collection::vec(0u8..24, 1..3)),
        by_day in prop::option::weighted(0.3, prop::collection::vec((prop::option::of(signed(5)), weekday()), 1..3)),
        by_month_day in prop::option::weighted(0.3, prop::collection::vec(signed(31), 1..3)),
        by_year_day in prop::option::weighted(0.3, prop::collection::vec(signed(366), 1..3)),
        by_week_no in prop::option::weighted(0.3, prop::collection::vec(signed(53), 1..3)),
        by_month in prop::option::weighted(0.3, prop::collection::vec(1u8..=12, 1..3)),
        by_set_pos in prop::option::weighted(0.3, prop::collection::vec(signed(5), 1..3)),
        wkst in weekday(),
        count in prop::option::weighted(0.25, 1u32..40),
    ) -> RRule {
        let mut r = RRule::new(freq);
        r.interval = interval;
        r.count = count;
        r.by_second = by_second.unwrap_or_default().into();
        r.by_minute = by_minute.unwrap_or_default().into();
        r.by_hour = by_hour.unwrap_or_default().into();
        r.by_day = by_day
            .unwrap_or_default()
            .into_iter()
            .map(|(n, w)| WeekdayNum { nth: n.map_or(0, |n| n as i8), weekday: w })
            .collect();
        r.by_month_day = by_month_day.unwrap_or_default().into_iter().map(|v| v as i8).collect();
        r.by_year_day = by_year_day.unwrap_or_default().into();
        r.by_week_no = by_week_no.unwrap_or_default().into_iter().map(|v| v as i8).collect();
        r.by_month = by_month.unwrap_or_default().into();
        r.by_set_pos = by_set_pos.unwrap_or_default().into();
        r.wkst = wkst;
        r
    }
}

/// How far back DTSTART may lie and how long the window may be, by frequency, so that the full
/// expansion from DTSTART stays well inside the limits.
fn reach(freq: Freq) -> (i64, i64) {
    match freq {
        Freq::Secondly => (3_600, 3_600),
        Freq::Minutely => (3 * 86_400, 2 * 86_400),
        Freq::Hourly => (200 * 86_400, 30 * 86_400),
        _ => (25 * 365 * 86_400, 120 * 86_400),
    }
}

fn case() -> impl Strategy<Value = (Event, Window)> {
    freq().prop_flat_map(|f| {
        let (back, len) = reach(f);
        (
            by_parts(f),
            prop::sample::select(ZONES.to_vec()),
            0i64..=back,
            0i64..=400 * 86_400,
            3_600i64..=len.max(3_600),
            prop::option::of(0i64..=3 * 86_400),
            prop::collection::vec(0u32..30, 0..3),
            any::<bool>(),
        )
            .prop_map(
                move |(rule, zone, back, offset, len, dur, exdates, all_day)| {
                    let base = civil::date(2025, 1, 1).at(0, 0, 0, 0);
                    let ws = base + SignedDuration::from_secs(offset);
                    let ds = ws - SignedDuration::from_secs(back);
                    let ds = civil::DateTime::new(
                        ds.year(),
                        ds.month(),
                        ds.day(),
                        ds.hour(),
                        ds.minute(),
                        ds.second(),
                        0,
                    )
                    .expect("valid");
                    let tz = Tz::iana(zone).expect("zone");
                    let start = if all_day && f >= Freq::Daily {
                        Time::Date(ds.date())
                    } else {
                        Time::Zoned(ds, tz.clone())
                    };
                    let mut ev = Event::new("p", start.clone());
                    ev.end = dur.map(|s| End::Duration(jiff::Span::new().seconds(s)));
                    // EXDATEs on the n-th day after DTSTART at DTSTART's time of day.
                    ev.exdates = exdates
                        .into_iter()
                        .map(|n| match &start {
                            Time::Date(d) => Time::Date(*d + jiff::Span::new().days(n)),
                            _ => Time::Zoned(ds + jiff::Span::new().days(n), tz.clone()),
                        })
                        .collect();
                    ev.rrules.push(rule);
                    let window = Window {
                        start: ws,
                        end: ws + SignedDuration::from_secs(len),
                        zone: None,
                    };
                    (ev, window)
                },
            )
    })
}

fn instants(o: &Occurrence) -> (Timestamp, Timestamp) {
    (
        o.start.instant(&TimeZone::UTC),
        o.end.instant(&TimeZone::UTC),
    )
}

fn overlaps(o: &Occurrence, w: &Window) -> bool {
    let zone = o.start.tz().map_or(TimeZone::UTC, |tz| tz.zone.clone());
    let read = |dt: civil::DateTime| {
        zone.to_ambiguous_timestamp(dt)
            .compatible()
            .expect("in range")
    };
    let (ws, we) = (read(w.start), read(w.end));
    let (s, e) = instants(o);
    s < we && (e > ws || (e == s && s >= ws))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn can_match_full_expansion_clipped_to_the_window((ev, window) in case()) {
        let full_window = Window {
            start: ev.start.civil() - SignedDuration::from_hours(48),
            end: window.end,
            zone: None,
        };
        let cal = Calendar { events: vec![ev], ..Calendar::default() };
        let limits = Limits::default();
        let windowed = expand(&cal, &window, &limits);
        let full = expand(&cal, &full_window, &limits);
        prop_assume!(windowed.truncated.is_empty() && full.truncated.is_empty());
        let clipped: Vec<Occurrence> = full
            .occurrences
            .into_iter()
            .filter(|o| overlaps(o, &window))
            .collect();
        prop_assert_eq!(windowed.occurrences, clipped);
    }
}

prop_compose! {
    /// Any parts at all, within the value ranges RFC 5545 allows.
    fn wild_rule()(
        freq in freq(),
        interval in prop_oneof![1u32..10, Just(u32::MAX), 1u32..1_000_000],
        count in prop::option::of(any::<u32>()),
        by_second in prop::collection::vec(0u8..=60, 0..61),
        by_minute in prop::collection::vec(0u8..60, 0..5),
        by_hour in prop::collection::vec(0u8..24, 0..5),
        by_day in prop::collection::vec((prop::option::of(signed(53)), weekday()), 0..5),
        by_month_day in prop::collection::vec(signed(31), 0..5),
        by_year_day in prop::collection::vec(signed(366), 0..5),
        by_week_no in prop::collection::vec(signed(53), 0..5),
        by_month in prop::collection::vec(1u8..=12, 0..5),
        by_set_pos in prop::collection::vec(signed(366), 0..5),
        wkst in weekday(),
    ) -> RRule {
        let mut r = RRule::new(freq);
        r.interval = interval;
        r.count = count;
        r.by_second = by_second.into();
        r.by_minute = by_minute.into();
        r.by_hour = by_hour.into();
        r.by_day = by_day
            .into_iter()
            .map(|(n, w)| WeekdayNum { nth: n.map_or(0, |n| n as i8), weekday: w })
            .collect();
        r.by_month_day = by_month_day.into_iter().map(|v| v as i8).collect();
        r.by_year_day = by_year_day.into();
        r.by_week_no = by_week_no.into_iter().map(|v| v as i8).collect();
        r.by_month = by_month.into();
        r.by_set_pos = by_set_pos.into();
        r.wkst = wkst;
        r
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn can_expand_any_rule_without_panicking_within_bounds(
        rule in wild_rule(),
        year in prop_oneof![1i16..3, 1990i16..2030, 9_997i16..=9_999],
        day in 0i64..365,
        zone in prop::sample::select(ZONES.to_vec()),
        from_year in prop_oneof![1i16..3, 1990i16..2030, 9_997i16..=9_999],
        len_days in 1i64..4_000,
    ) {
        let start = civil::date(year, 1, 1).at(12, 0, 0, 0)
            .checked_add(jiff::Span::new().days(day)).unwrap_or(civil::DateTime::MAX);
        let mut ev = Event::new("w", Time::Zoned(start, Tz::iana(zone).expect("zone")));
        ev.rrules.push(rule);
        let from = civil::date(from_year, 1, 1).at(0, 0, 0, 0);
        let to = from.checked_add(jiff::Span::new().days(len_days)).unwrap_or(civil::DateTime::MAX);
        let window = Window { start: from, end: to, zone: None };
        let limits = Limits { max_candidates_per_event: 20_000, max_occurrences_per_event: 5_000 };
        let cal = Calendar { events: vec![ev], ..Calendar::default() };
        let began = Instant::now();
        let exp = expand(&cal, &window, &limits);
        prop_assert!(began.elapsed() < Duration::from_secs(10));
        prop_assert!(exp.occurrences.len() <= limits.max_occurrences_per_event);
        let sorted = exp.occurrences.windows(2).all(|w| {
            w[0].start.instant(&TimeZone::UTC) <= w[1].start.instant(&TimeZone::UTC)
        });
        prop_assert!(sorted);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// A page costs what it returns, and is the same page: the first `count` occurrences starting
    /// at or after `from`, as the whole expansion lists them.
    #[test]
    fn can_take_the_first_occurrences_as_the_whole_expansion_lists_them(
        cases in prop::collection::vec(case(), 1..6),
        count in 0usize..40,
        from_offset in 0i64..=30 * 86_400,
    ) {
        let window = cases[0].1.clone();
        let events: Vec<Event> = cases
            .into_iter()
            .enumerate()
            .map(|(i, (mut ev, _))| {
                ev.uid = format!("e{i}");
                ev
            })
            .collect();
        let cal = Calendar { events, ..Calendar::default() };
        let limits = Limits::default();
        let whole = expand(&cal, &window, &limits);
        prop_assume!(whole.truncated.is_empty());
        let from = TimeZone::UTC
            .to_ambiguous_timestamp(window.start)
            .compatible()
            .expect("in range")
            + SignedDuration::from_secs(from_offset);
        let expected: Vec<Occurrence> = whole
            .occurrences
            .into_iter()
            .filter(|o| o.start.instant(&TimeZone::UTC) >= from)
            .take(count)
            .collect();
        let take = Take { from: Some(from), count };
        let first = expand_first(&cal, &window, &limits, &take);
        prop_assert_eq!(first.occurrences, expected);
    }
}
