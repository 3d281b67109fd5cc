//! RRULE text: parsing real-world spellings, errors that name the part, canonical writing.

use jiff::civil::{self, Weekday};
use proptest::prelude::*;
use touchpoint_calendar::{Freq, RRule, RRuleErrorKind, Time, Tz, WeekdayNum};

#[test]
fn can_parse_case_insensitively_with_a_prefix_and_trailing_semicolon() {
    let rule: RRule = " rrule:freq=monthly;byday=-1fr,+2Mo;interval=2;wkst=su; "
        .parse()
        .expect("parses");
    assert_eq!(rule.freq, Freq::Monthly);
    assert_eq!(rule.interval, 2);
    assert_eq!(rule.wkst, Weekday::Sunday);
    assert_eq!(
        rule.by_day[..],
        [
            WeekdayNum {
                nth: -1,
                weekday: Weekday::Friday
            },
            WeekdayNum {
                nth: 2,
                weekday: Weekday::Monday
            }
        ]
    );
}

#[test]
fn can_parse_until_as_date_floating_or_utc() {
    let until = |s: &str| {
        s.parse::<RRule>()
            .expect("parses")
            .until
            .expect("has until")
    };
    assert_eq!(
        until("FREQ=DAILY;UNTIL=20261231"),
        Time::Date(civil::date(2026, 12, 31))
    );
    assert_eq!(
        until("FREQ=DAILY;UNTIL=20261231T170000"),
        Time::Floating(civil::date(2026, 12, 31).at(17, 0, 0, 0))
    );
    assert_eq!(
        until("FREQ=DAILY;UNTIL=20261231T170000Z"),
        Time::Zoned(civil::date(2026, 12, 31).at(17, 0, 0, 0), Tz::utc())
    );
}

#[test]
fn can_ignore_x_parts_and_keep_both_count_and_until() {
    let rule: RRule = "FREQ=WEEKLY;X-EVOLUTION-ENDDATE=20260101T000000Z;COUNT=3;UNTIL=20260201"
        .parse()
        .expect("parses");
    assert_eq!(rule.count, Some(3));
    assert!(rule.until.is_some());
}

#[test]
fn errors_when_freq_is_missing() {
    let err = "COUNT=3".parse::<RRule>().expect_err("no FREQ");
    assert_eq!(err.kind(), &RRuleErrorKind::MissingFreq);
}

#[test]
fn errors_when_a_part_is_unknown_or_duplicated() {
    let err = "FREQ=DAILY;BYFOO=1".parse::<RRule>().expect_err("unknown");
    assert_eq!(err.kind(), &RRuleErrorKind::UnknownPart("BYFOO".to_owned()));
    let err = "FREQ=DAILY;COUNT=1;count=2"
        .parse::<RRule>()
        .expect_err("duplicate");
    assert_eq!(err.kind(), &RRuleErrorKind::Duplicate("COUNT".to_owned()));
}

#[test]
fn errors_when_values_are_out_of_range_naming_the_part() {
    for (text, part) in [
        ("FREQ=FORTNIGHTLY", "FREQ"),
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL"),
        ("FREQ=DAILY;BYHOUR=24", "BYHOUR"),
        ("FREQ=DAILY;BYMINUTE=60", "BYMINUTE"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY"),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY"),
        ("FREQ=YEARLY;BYMONTH=13", "BYMONTH"),
        ("FREQ=YEARLY;BYWEEKNO=54", "BYWEEKNO"),
        ("FREQ=YEARLY;BYYEARDAY=-367", "BYYEARDAY"),
        ("FREQ=MONTHLY;BYDAY=0MO", "BYDAY"),
        ("FREQ=MONTHLY;BYDAY=MO,,TU", "BYDAY"),
        ("FREQ=MONTHLY;BYDAY=XX", "BYDAY"),
        ("FREQ=MONTHLY;BYSETPOS=0", "BYSETPOS"),
        ("FREQ=DAILY;UNTIL=2026-12-31", "UNTIL"),
        ("FREQ=DAILY;UNTIL=20260230", "UNTIL"),
        ("FREQ=DAILY;WKST=XY", "WKST"),
    ] {
        let err = text.parse::<RRule>().expect_err(text);
        match err.kind() {
            RRuleErrorKind::InvalidValue { part: p, .. } => assert_eq!(p, part, "{text}"),
            other => panic!("{text}: unexpected {other:?}"),
        }
        assert!(err.to_string().contains(part), "{err}");
    }
}

#[test]
fn errors_when_a_part_has_no_value() {
    let err = "FREQ=DAILY;COUNT".parse::<RRule>().expect_err("malformed");
    assert_eq!(err.kind(), &RRuleErrorKind::Malformed("COUNT".to_owned()));
    let err = "RRULE:".parse::<RRule>().expect_err("empty");
    assert_eq!(err.kind(), &RRuleErrorKind::Empty);
}

#[test]
fn can_write_in_canonical_order_omitting_defaults() {
    let rule: RRule = "wkst=mo;bysetpos=-1;byday=mo,tu,we,th,fr;interval=1;count=10;freq=monthly"
        .parse()
        .expect("parses");
    assert_eq!(
        rule.to_string(),
        "FREQ=MONTHLY;COUNT=10;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"
    );
    let rule: RRule = "FREQ=WEEKLY;WKST=SU;BYDAY=TU,TH;UNTIL=19971007T000000Z;INTERVAL=2"
        .parse()
        .expect("parses");
    assert_eq!(
        rule.to_string(),
        "FREQ=WEEKLY;UNTIL=19971007T000000Z;INTERVAL=2;BYDAY=TU,TH;WKST=SU"
    );
}

#[test]
fn can_write_a_zoned_until_in_utc() {
    let mut rule = RRule::new(Freq::Daily);
    rule.until = Some(Time::Zoned(
        civil::date(2026, 7, 1).at(9, 0, 0, 0),
        Tz::iana("Europe/Berlin").expect("zone"),
    ));
    assert_eq!(rule.to_string(), "FREQ=DAILY;UNTIL=20260701T070000Z");
}

fn weekday() -> impl Strategy<Value = Weekday> {
    (0i8..7).prop_map(|i| Weekday::from_monday_zero_offset(i).expect("0..7"))
}

fn signed(max: i16) -> impl Strategy<Value = i16> {
    (1..=max, any::<bool>()).prop_map(|(v, neg)| if neg { -v } else { v })
}

prop_compose! {
    fn arb_rule()(
        freq in prop::sample::select(vec![
            Freq::Secondly, Freq::Minutely, Freq::Hourly, Freq::Daily,
            Freq::Weekly, Freq::Monthly, Freq::Yearly,
        ]),
        interval in 1u32..100,
        count in prop::option::of(0u32..1000),
        until_day in prop::option::of(0i8..3),
        by_second in prop::collection::vec(0u8..=60, 0..3),
        by_minute in prop::collection::vec(0u8..60, 0..3),
        by_hour in prop::collection::vec(0u8..24, 0..3),
        by_day in prop::collection::vec((prop::option::of(signed(53)), weekday()), 0..3),
        by_month_day in prop::collection::vec(signed(31), 0..3),
        by_year_day in prop::collection::vec(signed(366), 0..3),
        by_week_no in prop::collection::vec(signed(53), 0..3),
        by_month in prop::collection::vec(1u8..=12, 0..3),
        by_set_pos in prop::collection::vec(signed(366), 0..3),
        wkst in weekday(),
    ) -> RRule {
        let mut r = RRule::new(freq);
        r.interval = interval;
        r.count = count;
        r.until = until_day.map(|k| match k {
            0 => Time::Date(civil::date(2030, 1, 2)),
            1 => Time::Floating(civil::date(2030, 1, 2).at(3, 4, 5, 0)),
            _ => Time::Zoned(civil::date(2030, 1, 2).at(3, 4, 5, 0), Tz::utc()),
        });
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
    #[test]
    fn can_round_trip_any_rule_through_text(rule in arb_rule()) {
        let text = rule.to_string();
        let back: RRule = text.parse().map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        prop_assert_eq!(back, rule);
    }

    #[test]
    fn can_reject_garbage_without_panicking(text in "\\PC{0,80}") {
        let _ = text.parse::<RRule>();
    }
}
