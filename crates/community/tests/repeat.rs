//! The friendly `repeat` phrases: every documented form parses, compiles to the expected RRULE,
//! reads back as a cadence, and near misses are rejected with a reason.

use jiff::civil::Weekday;
use touchpoint_community::Recurrence;
use touchpoint_community::repeat::parse_phrase;

#[test]
fn can_read_every_documented_phrase() {
    let cases = [
        ("daily", "FREQ=DAILY", "Daily"),
        (
            "Weekly on Thursday",
            "FREQ=WEEKLY;BYDAY=TH",
            "Every Thursday",
        ),
        (
            "weekly on Thursday and Monday",
            "FREQ=WEEKLY;BYDAY=MO,TH",
            "Every Monday and Thursday",
        ),
        (
            "weekly on Mon, Wed, Fri",
            "FREQ=WEEKLY;BYDAY=MO,WE,FR",
            "Every Monday, Wednesday and Friday",
        ),
        (
            "every 2 weeks on Tuesday",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
            "Every other Tuesday",
        ),
        (
            "every other week on tue",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
            "Every other Tuesday",
        ),
        (
            "every 3 weeks on Friday",
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=FR",
            "Every 3 weeks on Friday",
        ),
        (
            "monthly on the 2nd Tuesday",
            "FREQ=MONTHLY;BYDAY=2TU",
            "Monthly, 2nd Tuesday",
        ),
        (
            "monthly on the first monday",
            "FREQ=MONTHLY;BYDAY=1MO",
            "Monthly, 1st Monday",
        ),
        (
            "monthly on the last Friday",
            "FREQ=MONTHLY;BYDAY=-1FR",
            "Monthly, last Friday",
        ),
        (
            "monthly on day 15",
            "FREQ=MONTHLY;BYMONTHDAY=15",
            "Monthly, day 15",
        ),
    ];
    for (phrase, rrule, cadence) in cases {
        let recurrence = parse_phrase(phrase).unwrap_or_else(|e| panic!("{phrase}: {e}"));
        assert_eq!(recurrence.to_rrule().to_string(), rrule, "{phrase}");
        assert_eq!(recurrence.cadence(), cadence, "{phrase}");
    }
}

#[test]
fn can_describe_raw_rules_in_words() {
    let rule = |s: &str| Recurrence::Rrule(s.parse().unwrap());
    assert_eq!(
        rule("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE").cadence(),
        "Every other Wednesday"
    );
    assert_eq!(
        rule("FREQ=MONTHLY;BYDAY=-1FR").cadence(),
        "Monthly, last Friday"
    );
    assert_eq!(rule("FREQ=MONTHLY;BYDAY=1WE,3WE").cadence(), "Monthly");
    assert_eq!(rule("FREQ=YEARLY;INTERVAL=2").cadence(), "Every 2 years");
}

#[test]
fn can_dedupe_and_order_weekdays() {
    assert_eq!(
        parse_phrase("weekly on Thu, Mon, thursday"),
        Ok(Recurrence::Weekly {
            interval: 1,
            days: vec![Weekday::Monday, Weekday::Thursday]
        })
    );
}

#[test]
fn errors_when_the_phrase_is_not_a_known_form() {
    for (phrase, reason) in [
        ("every second Tuesday", "not a repeat phrase"),
        ("weekly on", "no weekday given"),
        ("weekly on Funday", "\"funday\" is not a weekday"),
        ("every 0 weeks on Monday", "not a number of weeks"),
        ("every 99 weeks on Monday", "not a number of weeks"),
        ("monthly on day 32", "not a day of the month"),
        ("monthly on the 6th Monday", "is not one of 1st"),
        ("monthly on the last Funday", "is not a weekday"),
        ("", "empty"),
        ("yearly", "not a repeat phrase"),
    ] {
        let err = parse_phrase(phrase).expect_err(phrase);
        assert!(err.contains(reason), "{phrase}: {err}");
    }
}
