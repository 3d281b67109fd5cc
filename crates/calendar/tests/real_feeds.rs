//! Everyday shapes of real feeds that were once misread (issue 13), each class with a minimal
//! regression test, read and expanded end to end as a subscriber would see them:
//!
//! 1. a property folded before its colon (Google folds long ATTENDEE lines at 75 octets);
//! 2. a RECURRENCE-ID of another value type than its series (Outlook's all-day series);
//! 3. an RRULE with one bad part (the rest of the rule is kept);
//! 4. stale overrides left behind by a later deletion;
//! 5. inputs every other reader agrees on (UNTIL before DTSTART, a DATE UNTIL on a DATE-TIME
//!    series).

use touchpoint_calendar::{Expansion, Limits, Parsed, Window, expand, parse};

/// A calendar around `body`, with `nl` as the line ending.
fn calendar(body: &str, nl: &str) -> String {
    format!("BEGIN:VCALENDAR\nVERSION:2.0\n{body}END:VCALENDAR\n").replace('\n', nl)
}

fn read(text: &str) -> Parsed {
    parse(text.as_bytes()).expect("iCalendar")
}

fn window(from: &str, to: &str) -> Window {
    Window {
        start: format!("{from}T00:00").parse().expect("from"),
        end: format!("{to}T00:00").parse().expect("to"),
        zone: None,
    }
}

/// `(uid, start)` of every occurrence in `[from, to)`, starts as the JSON API writes them.
fn occurrences(parsed: &Parsed, from: &str, to: &str) -> Vec<(String, String)> {
    let exp: Expansion = expand(&parsed.calendar, &window(from, to), &Limits::default());
    exp.occurrences
        .iter()
        .map(|o| {
            (
                parsed.calendar.events[o.event].uid.clone(),
                o.start.to_json_string(),
            )
        })
        .collect()
}

fn starts(parsed: &Parsed, from: &str, to: &str) -> Vec<String> {
    occurrences(parsed, from, to)
        .into_iter()
        .map(|(_, s)| s)
        .collect()
}

fn warned(parsed: &Parsed, needle: &str) -> bool {
    parsed.warnings.iter().any(|w| w.message.contains(needle))
}

// --- 1. folded before the colon --------------------------------------------------------------

/// Google's ATTENDEE line, folded at 75 octets before its colon.
const GOOGLE_ATTENDEE: &str = "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;X-NUM-GUE\n STS=0:mailto:x@example.com\n";

#[test]
fn can_read_every_property_before_a_line_folded_before_its_colon() {
    for nl in ["\r\n", "\n"] {
        // Each property kind in turn stands just before the folded ATTENDEE line.
        let before = [
            ("UID", "UID:abc@google.com\n"),
            ("SUMMARY", "SUMMARY:Hello\n"),
            ("LOCATION", "LOCATION:Room 1\n"),
            ("DESCRIPTION", "DESCRIPTION:Agenda\n"),
            ("DTSTART", "DTSTART;TZID=Europe/Berlin:20240102T100000\n"),
            ("DTEND", "DTEND;TZID=Europe/Berlin:20240102T110000\n"),
            ("RRULE", "RRULE:FREQ=WEEKLY;COUNT=3\n"),
            ("EXDATE", "EXDATE;TZID=Europe/Berlin:20240109T100000\n"),
            ("SEQUENCE", "SEQUENCE:2\n"),
        ];
        for (kind, line) in before {
            let mut props = vec![
                "UID:abc@google.com\n",
                "SUMMARY:Hello\n",
                "LOCATION:Room 1\n",
                "DESCRIPTION:Agenda\n",
                "DTSTART;TZID=Europe/Berlin:20240102T100000\n",
                "DTEND;TZID=Europe/Berlin:20240102T110000\n",
                "RRULE:FREQ=WEEKLY;COUNT=3\n",
                "EXDATE;TZID=Europe/Berlin:20240109T100000\n",
                "SEQUENCE:2\n",
            ];
            props.retain(|p| *p != line);
            props.push(line);
            props.push(GOOGLE_ATTENDEE);
            let body = format!(
                "BEGIN:VEVENT\n{}END:VEVENT\nBEGIN:VEVENT\nUID:abc@google.com\nRECURRENCE-ID;TZID=Europe/Berlin:20240116T100000\nDTSTART;TZID=Europe/Berlin:20240117T100000\nDTEND;TZID=Europe/Berlin:20240117T110000\n{GOOGLE_ATTENDEE}SUMMARY:Moved\nSEQUENCE:2\nEND:VEVENT\n",
                props.concat()
            );
            let parsed = read(&calendar(&body, nl));
            assert_eq!(parsed.warnings, vec![], "{kind} before the fold, {nl:?}");
            let ev = &parsed.calendar.events[0];
            assert_eq!(ev.uid, "abc@google.com", "{kind}");
            assert_eq!(ev.summary.as_deref(), Some("Hello"), "{kind}");
            assert_eq!(ev.location.as_deref(), Some("Room 1"), "{kind}");
            assert_eq!(ev.description.as_deref(), Some("Agenda"), "{kind}");
            assert_eq!(ev.sequence, 2, "{kind}");
            // The moved instance replaces the 16th: three dates, the 9th excluded, no twin.
            assert_eq!(
                starts(&parsed, "2024-01-01", "2024-02-01"),
                vec!["2024-01-02T10:00:00+01:00", "2024-01-17T10:00:00+01:00"],
                "{kind} before the fold, {nl:?}"
            );
        }
    }
}

#[test]
fn can_read_a_fold_before_the_colon_inside_a_utf8_character() {
    // "José" split between the C3 and A9 bytes of "é", on a line that has no colon yet.
    let mut input = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Call\r\nATTENDEE;CN=Jos\xC3\r\n \xA9 Garc\xC3\xADa;PARTSTAT=ACCEPTED\r\n :mailto:jose@example.com\r\nDTSTART:20240101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".to_vec();
    let parsed = parse(&input).expect("iCalendar");
    assert_eq!(parsed.warnings, vec![]);
    let ev = &parsed.calendar.events[0];
    assert_eq!(
        (ev.uid.as_str(), ev.summary.as_deref()),
        ("a", Some("Call"))
    );
    assert_eq!(
        starts(&parsed, "2024-01-01", "2024-01-02"),
        vec!["2024-01-01T10:00:00+00:00"]
    );
    // The same with bare LF line ends.
    input.retain(|b| *b != b'\r');
    let parsed = parse(&input).expect("iCalendar");
    assert_eq!(parsed.warnings, vec![]);
    assert_eq!(parsed.calendar.events[0].uid, "a");
}

#[test]
fn can_read_a_fold_inside_the_property_name() {
    let parsed = read(&calendar(
        "BEGIN:VEVENT\nUID:a\nSUMM\n ARY:Split name\nDTSTART:20240101T100000Z\nEND:VEVENT\n",
        "\r\n",
    ));
    assert_eq!(parsed.warnings, vec![]);
    let ev = &parsed.calendar.events[0];
    assert_eq!(ev.uid, "a");
    assert_eq!(ev.summary.as_deref(), Some("Split name"));
}

#[test]
fn can_still_join_a_value_broken_by_a_bare_newline() {
    // A line without a colon, even once its own continuation lines are unfolded, continues the
    // previous property (the lenient reading of broken folding), with a warning.
    let parsed = read(&calendar(
        "BEGIN:VEVENT\nUID:a\nDTSTART:20240101T100000Z\nDESCRIPTION:first line\nsecond line\n  and more\nEND:VEVENT\n",
        "\r\n",
    ));
    assert_eq!(
        parsed.calendar.events[0].description.as_deref(),
        Some("first line\nsecond line and more")
    );
    assert!(warned(&parsed, "continuation of the previous line"));
    // Words before a colon on the continuation are text, not a property name.
    let parsed = read(&calendar(
        "BEGIN:VEVENT\nUID:a\nDTSTART:20240101T100000Z\nDESCRIPTION:first line\nsecond line\n  with a colon: here\nEND:VEVENT\n",
        "\n",
    ));
    assert_eq!(
        parsed.calendar.events[0].description.as_deref(),
        Some("first line\nsecond line with a colon: here")
    );
}

// --- 2. RECURRENCE-ID of another value type --------------------------------------------------

#[test]
fn can_replace_an_all_day_instance_named_by_a_midnight_in_a_windows_zone() {
    // Outlook's all-day weekly series and its moved instance of 16 April (a BST date, so the
    // midnight is 23:00 UTC the day before: read as written, it names the 16th).
    let parsed = read(&calendar(
        "BEGIN:VEVENT\nUID:040000008200E00074C5B7101A82E008\nSUMMARY:Team day\nDTSTART;VALUE=DATE:20200402\nDTEND;VALUE=DATE:20200403\nRRULE:FREQ=WEEKLY;COUNT=5;BYDAY=TH\nEND:VEVENT\nBEGIN:VEVENT\nUID:040000008200E00074C5B7101A82E008\nRECURRENCE-ID;TZID=GMT Standard Time:20200416T000000\nSUMMARY:Team day (moved)\nDTSTART;VALUE=DATE:20200417\nDTEND;VALUE=DATE:20200418\nEND:VEVENT\n",
        "\r\n",
    ));
    assert_eq!(parsed.warnings, vec![]);
    assert_eq!(
        starts(&parsed, "2020-04-01", "2020-05-15"),
        vec![
            "2020-04-02",
            "2020-04-09",
            "2020-04-17",
            "2020-04-23",
            "2020-04-30"
        ]
    );
}

#[test]
fn can_replace_a_timed_instance_named_by_a_date() {
    let parsed = read(&calendar(
        "BEGIN:VEVENT\nUID:s\nDTSTART;TZID=America/New_York:20240102T170000\nDURATION:PT1H\nRRULE:FREQ=WEEKLY;COUNT=3\nEND:VEVENT\nBEGIN:VEVENT\nUID:s\nRECURRENCE-ID;VALUE=DATE:20240109\nDTSTART;TZID=America/New_York:20240110T090000\nDURATION:PT1H\nEND:VEVENT\n",
        "\n",
    ));
    assert_eq!(
        starts(&parsed, "2024-01-01", "2024-02-01"),
        vec![
            "2024-01-02T17:00:00-05:00",
            "2024-01-10T09:00:00-05:00",
            "2024-01-16T17:00:00-05:00"
        ]
    );
}

#[test]
fn can_still_match_a_recurrence_id_in_another_zone_as_an_instant() {
    // Same value type, other zone: the instant decides (17:00 New York is 22:00 UTC).
    let parsed = read(&calendar(
        "BEGIN:VEVENT\nUID:s\nDTSTART;TZID=America/New_York:20240102T170000\nRRULE:FREQ=WEEKLY;COUNT=2\nEND:VEVENT\nBEGIN:VEVENT\nUID:s\nRECURRENCE-ID:20240109T220000Z\nDTSTART:20240109T230000Z\nEND:VEVENT\n",
        "\n",
    ));
    assert_eq!(
        starts(&parsed, "2024-01-01", "2024-02-01"),
        vec!["2024-01-02T17:00:00-05:00", "2024-01-09T23:00:00+00:00"]
    );
}

// --- 3. one bad rule part ---------------------------------------------------------------------

/// The starts of a Monday series under `rule`, with the warnings.
fn rule_starts(rule: &str) -> (Vec<String>, Parsed) {
    let parsed = read(&calendar(
        &format!("BEGIN:VEVENT\nUID:r\nDTSTART;VALUE=DATE:20240101\nRRULE:{rule}\nEND:VEVENT\n"),
        "\r\n",
    ));
    (starts(&parsed, "2024-01-01", "2024-12-31"), parsed)
}

#[test]
fn can_keep_a_rule_whose_count_is_negative_beside_a_valid_until() {
    let (starts, parsed) = rule_starts("FREQ=WEEKLY;UNTIL=20240331;COUNT=-1;INTERVAL=4;BYDAY=MO");
    assert_eq!(
        starts,
        vec!["2024-01-01", "2024-01-29", "2024-02-26", "2024-03-25"]
    );
    assert!(warned(&parsed, "COUNT=-1"), "{:?}", parsed.warnings);
}

#[test]
fn can_drop_each_kind_of_bad_part_and_keep_the_rest() {
    // (rule, the first starts it must list, what the warning names)
    let cases = [
        // COUNT zero or negative: no count (some producers mean "no end").
        ("FREQ=MONTHLY;COUNT=0;UNTIL=20240401", 4, "COUNT=0"),
        ("FREQ=MONTHLY;COUNT=-3;UNTIL=20240401", 4, "COUNT=-3"),
        // INTERVAL zero, negative or not a number: 1.
        ("FREQ=MONTHLY;INTERVAL=0;COUNT=4", 4, "INTERVAL=0"),
        ("FREQ=MONTHLY;INTERVAL=-2;COUNT=4", 4, "INTERVAL=-2"),
        ("FREQ=MONTHLY;INTERVAL=two;COUNT=4", 4, "INTERVAL=two"),
        // An unknown part, a malformed one, a repeated one (the first counts).
        ("FREQ=MONTHLY;COUNT=4;FOO=BAR", 4, "FOO"),
        ("FREQ=MONTHLY;COUNT=4;GARBAGE", 4, "GARBAGE"),
        ("FREQ=MONTHLY;COUNT=4;COUNT=9", 4, "twice"),
        // An unreadable UNTIL beside a COUNT; an unreadable WKST.
        ("FREQ=MONTHLY;COUNT=4;UNTIL=2024-04-01", 4, "UNTIL"),
        ("FREQ=MONTHLY;COUNT=4;WKST=XX", 4, "WKST"),
        // Out-of-range values of a list are dropped, the others kept: the 1st of each month.
        ("FREQ=MONTHLY;COUNT=4;BYMONTHDAY=1,32", 4, "BYMONTHDAY"),
        (
            "FREQ=YEARLY;COUNT=4;BYMONTH=1,2,3,4,13;BYMONTHDAY=1",
            4,
            "BYMONTH",
        ),
    ];
    for (rule, n, named) in cases {
        let (starts, parsed) = rule_starts(rule);
        assert_eq!(starts.len(), n, "{rule}: {starts:?}");
        assert_eq!(
            starts[..4],
            ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"],
            "{rule}"
        );
        assert!(warned(&parsed, named), "{rule}: {:?}", parsed.warnings);
        assert!(warned(&parsed, "that part ignored"), "{rule}");
    }
}

#[test]
fn can_drop_a_rule_that_has_nothing_left_to_keep() {
    // No FREQ, an unknown FREQ, or a list none of whose values is valid: DTSTART alone, since a
    // rule without that list would list dates the producer never meant.
    for rule in [
        "COUNT=4;BYDAY=MO",
        "FREQ=FORTNIGHTLY;COUNT=4",
        "FREQ=MONTHLY;BYMONTHDAY=32,40",
        "FREQ=WEEKLY;BYDAY=XX",
    ] {
        let (starts, parsed) = rule_starts(rule);
        assert_eq!(starts, vec!["2024-01-01"], "{rule}");
        assert!(warned(&parsed, "ignored"), "{rule}: {:?}", parsed.warnings);
    }
}

#[test]
fn can_keep_both_count_and_until_and_stop_at_the_first() {
    let (starts, _) = rule_starts("FREQ=MONTHLY;COUNT=3;UNTIL=20240501");
    assert_eq!(starts, vec!["2024-01-01", "2024-02-01", "2024-03-01"]);
    let (starts, _) = rule_starts("FREQ=MONTHLY;COUNT=9;UNTIL=20240301");
    assert_eq!(starts, vec!["2024-01-01", "2024-02-01", "2024-03-01"]);
}

#[test]
fn errors_on_a_bad_part_when_a_person_writes_the_rule() {
    // The strict reading (the community file's `rrule`) still refuses what the feed reader drops.
    for rule in [
        "FREQ=WEEKLY;COUNT=-1",
        "FREQ=WEEKLY;INTERVAL=0",
        "FREQ=WEEKLY;FOO=BAR",
        "FREQ=WEEKLY;BYMONTHDAY=1,32",
    ] {
        assert!(
            rule.parse::<touchpoint_calendar::RRule>().is_err(),
            "{rule}"
        );
    }
}

// --- 4. stale overrides -------------------------------------------------------------------------

/// A weekly series (SEQUENCE `master_seq`, with `master_extra` lines) and an override of its
/// 15 January instance moved to the 16th (SEQUENCE `override_seq`).
fn moved_then(master_seq: u32, master_extra: &str, override_seq: u32) -> Parsed {
    read(&calendar(
        &format!(
            "BEGIN:VEVENT\nUID:w\nSEQUENCE:{master_seq}\nDTSTART;TZID=Europe/Madrid:20240101T180000\nDTEND;TZID=Europe/Madrid:20240101T190000\nRRULE:FREQ=WEEKLY;COUNT=4\n{master_extra}END:VEVENT\nBEGIN:VEVENT\nUID:w\nSEQUENCE:{override_seq}\nRECURRENCE-ID;TZID=Europe/Madrid:20240115T180000\nDTSTART;TZID=Europe/Madrid:20240116T180000\nDTEND;TZID=Europe/Madrid:20240116T190000\nSUMMARY:Moved\nEND:VEVENT\n"
        ),
        "\r\n",
    ))
}

const MONDAYS_BUT_15TH: [&str; 3] = [
    "2024-01-01T18:00:00+01:00",
    "2024-01-08T18:00:00+01:00",
    "2024-01-22T18:00:00+01:00",
];

#[test]
fn can_drop_an_override_deleted_later_by_an_exdate() {
    let parsed = moved_then(2, "EXDATE;TZID=Europe/Madrid:20240115T180000\n", 1);
    assert_eq!(
        starts(&parsed, "2024-01-01", "2024-02-01"),
        MONDAYS_BUT_15TH
    );
    assert_eq!(parsed.calendar.events.len(), 1);
    assert!(
        parsed.warnings.iter().any(|w| w.line == 11
            && w.message.contains("SEQUENCE 1")
            && w.message.contains("dropped")),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn can_drop_an_override_left_outside_a_shortened_series() {
    // The series was ended before the moved date, by UNTIL or by a smaller COUNT.
    for rule in [
        "RRULE:FREQ=WEEKLY;UNTIL=20240110T000000Z",
        "RRULE:FREQ=WEEKLY;COUNT=2",
    ] {
        let parsed = read(&calendar(
            &format!(
                "BEGIN:VEVENT\nUID:w\nSEQUENCE:3\nDTSTART;TZID=Europe/Madrid:20240101T180000\n{rule}\nEND:VEVENT\nBEGIN:VEVENT\nUID:w\nSEQUENCE:1\nRECURRENCE-ID;TZID=Europe/Madrid:20240115T180000\nDTSTART;TZID=Europe/Madrid:20240116T180000\nEND:VEVENT\n"
            ),
            "\n",
        ));
        assert_eq!(
            starts(&parsed, "2024-01-01", "2024-02-01"),
            vec!["2024-01-01T18:00:00+01:00", "2024-01-08T18:00:00+01:00"],
            "{rule}"
        );
        assert!(warned(&parsed, "dropped"), "{rule}");
    }
}

#[test]
fn can_keep_a_moved_meeting_whose_date_its_series_excludes_at_the_same_sequence() {
    // Some producers EXDATE every moved instance: with an equal or higher SEQUENCE the override
    // is the moved meeting, and stays.
    for (master_seq, override_seq) in [(1, 1), (0, 1), (2, 5)] {
        let parsed = moved_then(
            master_seq,
            "EXDATE;TZID=Europe/Madrid:20240115T180000\n",
            override_seq,
        );
        assert_eq!(
            starts(&parsed, "2024-01-01", "2024-02-01"),
            vec![
                "2024-01-01T18:00:00+01:00",
                "2024-01-08T18:00:00+01:00",
                "2024-01-16T18:00:00+01:00",
                "2024-01-22T18:00:00+01:00",
            ],
            "master {master_seq}, override {override_seq}"
        );
        assert_eq!(parsed.warnings, vec![]);
    }
}

#[test]
fn can_keep_an_override_of_a_lower_sequence_whose_instance_still_exists() {
    // Google bumps the master's SEQUENCE on every edit of the series; its older overrides
    // still replace instances the series has.
    let parsed = moved_then(4, "", 1);
    assert_eq!(
        starts(&parsed, "2024-01-01", "2024-02-01"),
        vec![
            "2024-01-01T18:00:00+01:00",
            "2024-01-08T18:00:00+01:00",
            "2024-01-16T18:00:00+01:00",
            "2024-01-22T18:00:00+01:00",
        ]
    );
    assert_eq!(parsed.warnings, vec![]);
}

// --- 5. where every other reader agrees ----------------------------------------------------------

#[test]
fn can_list_nothing_for_a_series_that_ended_before_it_began() {
    for (start, until) in [
        ("DTSTART;VALUE=DATE:20231002", "20231001"),
        ("DTSTART:20231002T100000Z", "20231001"),
        ("DTSTART:20231002T100000Z", "20231002T095959Z"),
        (
            "DTSTART;TZID=Europe/Berlin:20231002T100000",
            "20231002T075959Z",
        ),
        ("DTSTART:20231002T100000", "20231002T095959"),
    ] {
        let parsed = read(&calendar(
            &format!("BEGIN:VEVENT\nUID:e\n{start}\nRRULE:FREQ=WEEKLY;UNTIL={until}\nEND:VEVENT\n"),
            "\n",
        ));
        assert_eq!(
            starts(&parsed, "2023-09-01", "2024-01-01"),
            Vec::<String>::new(),
            "{start} {until}"
        );
    }
    // An UNTIL at DTSTART itself keeps DTSTART.
    let parsed = read(&calendar(
        "BEGIN:VEVENT\nUID:e\nDTSTART:20231002T100000Z\nRRULE:FREQ=WEEKLY;UNTIL=20231002T100000Z\nEND:VEVENT\n",
        "\n",
    ));
    assert_eq!(
        starts(&parsed, "2023-09-01", "2024-01-01"),
        vec!["2023-10-02T10:00:00+00:00"]
    );
}

#[test]
fn can_read_a_date_until_on_a_timed_series_as_the_start_of_that_day() {
    let parsed = read(&calendar(
        "BEGIN:VEVENT\nUID:d\nDTSTART:20240901T120000Z\nRRULE:FREQ=DAILY;INTERVAL=2;UNTIL=20240907\nEND:VEVENT\n",
        "\n",
    ));
    assert_eq!(
        starts(&parsed, "2024-09-01", "2024-10-01"),
        vec![
            "2024-09-01T12:00:00+00:00",
            "2024-09-03T12:00:00+00:00",
            "2024-09-05T12:00:00+00:00"
        ]
    );
    // On an all-day series a DATE UNTIL still includes its own date.
    let parsed = read(&calendar(
        "BEGIN:VEVENT\nUID:d\nDTSTART;VALUE=DATE:20240901\nRRULE:FREQ=DAILY;INTERVAL=2;UNTIL=20240907\nEND:VEVENT\n",
        "\n",
    ));
    assert_eq!(
        starts(&parsed, "2024-09-01", "2024-10-01"),
        vec!["2024-09-01", "2024-09-03", "2024-09-05", "2024-09-07"]
    );
}

// --- neighbours of class 2: other values of another type than their series -------------------

#[test]
fn can_exclude_and_add_all_day_dates_named_by_a_midnight_in_a_windows_zone() {
    // Outlook writes EXDATE and RDATE of an all-day series the way it writes RECURRENCE-ID.
    let parsed = read(&calendar(
        "BEGIN:VEVENT\nUID:o\nDTSTART;VALUE=DATE:20200402\nRRULE:FREQ=WEEKLY;COUNT=4\nEXDATE;TZID=GMT Standard Time:20200416T000000\nRDATE;TZID=W. Australia Standard Time:20200420T000000\nEND:VEVENT\n",
        "\r\n",
    ));
    assert_eq!(parsed.warnings, vec![]);
    assert_eq!(
        starts(&parsed, "2020-04-01", "2020-05-01"),
        vec!["2020-04-02", "2020-04-09", "2020-04-20", "2020-04-23"]
    );
}

#[test]
fn can_read_a_recurrence_id_without_its_tzid_on_the_series_wall_clock() {
    let parsed = read(&calendar(
        "BEGIN:VEVENT\nUID:s\nDTSTART;TZID=Asia/Tokyo:20240102T090000\nRRULE:FREQ=WEEKLY;COUNT=2\nEND:VEVENT\nBEGIN:VEVENT\nUID:s\nRECURRENCE-ID:20240109T090000\nDTSTART;TZID=Asia/Tokyo:20240110T090000\nEND:VEVENT\n",
        "\n",
    ));
    assert_eq!(
        starts(&parsed, "2024-01-01", "2024-02-01"),
        vec!["2024-01-02T09:00:00+09:00", "2024-01-10T09:00:00+09:00"]
    );
}

// --- neighbours of class 3: rule parts a DATE series must ignore -------------------------------

#[test]
fn can_ignore_time_parts_of_a_rule_on_an_all_day_series() {
    // RFC 5545 §3.3.10: BYSECOND, BYMINUTE and BYHOUR "MUST be ignored" with a DATE DTSTART;
    // followed, each date was listed once per hour named.
    let (starts, _) = rule_starts("FREQ=DAILY;COUNT=3;BYHOUR=9,17;BYMINUTE=0,30");
    assert_eq!(starts, vec!["2024-01-01", "2024-01-02", "2024-01-03"]);
}

#[test]
fn can_keep_the_valid_days_of_a_byday_list() {
    let (starts, parsed) = rule_starts("FREQ=WEEKLY;COUNT=3;BYDAY=XX,MO");
    assert_eq!(starts, vec!["2024-01-01", "2024-01-08", "2024-01-15"]);
    assert!(warned(&parsed, "BYDAY=XX,MO"), "{:?}", parsed.warnings);
}

#[test]
fn can_read_a_date_until_on_a_zoned_series_as_the_start_of_that_day_in_utc() {
    // The pairing is invalid (RFC 5545 wants UNTIL of DTSTART's type); ical.js and
    // recurring-ical-events both read the date's start in UTC, so 02:30 in Sydney on the 24th
    // (15:30 UTC on the 23rd) is the last instance.
    let parsed = read(&calendar(
        "BEGIN:VEVENT\nUID:d\nDTSTART;TZID=Australia/Sydney:20260103T023000\nRRULE:FREQ=WEEKLY;UNTIL=20260124\nEND:VEVENT\n",
        "\n",
    ));
    assert_eq!(
        starts(&parsed, "2026-01-01", "2026-03-01"),
        vec![
            "2026-01-03T02:30:00+11:00",
            "2026-01-10T02:30:00+11:00",
            "2026-01-17T02:30:00+11:00",
            "2026-01-24T02:30:00+11:00"
        ]
    );
}
