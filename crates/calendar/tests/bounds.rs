//! What one hostile feed can make a reader do is bounded (issue 14): text is cut at read time,
//! rules that repeat more than once a minute are clamped, and a page of occurrences costs what
//! it returns however many the window holds.

use jiff::Timestamp;
use touchpoint_calendar::parse::{MAX_DESCRIPTION, MAX_SUB_MINUTE, MAX_TITLE};
use touchpoint_calendar::{Limits, Take, Window, expand, expand_first, parse};

fn feed(events: &str) -> Vec<u8> {
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{events}END:VCALENDAR\r\n").into_bytes()
}

fn two_years() -> Window {
    Window {
        start: "2026-01-01T00:00".parse().expect("from"),
        end: "2028-01-01T00:00".parse().expect("to"),
        zone: Some(jiff::tz::TimeZone::UTC),
    }
}

#[test]
fn can_cut_long_text_at_read_time_with_a_warning() {
    let title = "é".repeat(600_000); // 1.2 MB, two bytes a character
    let description = "x".repeat(1_000_000);
    let location = "L".repeat(5_000);
    let url = format!("https://example.com/{}", "u".repeat(5_000));
    let parsed = parse(&feed(&format!(
        "BEGIN:VEVENT\r\nUID:big\r\nDTSTART:20260105T100000Z\r\nRRULE:FREQ=DAILY\r\nSUMMARY:{title}\r\nDESCRIPTION:{description}\r\nLOCATION:{location}\r\nURL:{url}\r\nEND:VEVENT\r\n"
    )))
    .expect("iCalendar");
    let ev = &parsed.calendar.events[0];
    let summary = ev.summary.as_deref().expect("summary");
    assert!(
        summary.len() <= MAX_TITLE && summary.len() > MAX_TITLE - 8,
        "{}",
        summary.len()
    );
    assert!(summary.starts_with("éé") && summary.ends_with('…'));
    let description = ev.description.as_deref().expect("description");
    assert!(description.len() <= MAX_DESCRIPTION && description.ends_with('…'));
    assert!(ev.location.as_deref().expect("location").len() <= MAX_TITLE);
    assert_eq!(ev.url, None, "a cut link leads nowhere: dropped");
    let messages: Vec<&str> = parsed.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("SUMMARY of 1200000 bytes cut to 1024")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("DESCRIPTION of 1000000 bytes")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("URL longer than")),
        "{messages:?}"
    );
}

#[test]
fn can_clamp_rules_that_repeat_more_than_once_a_minute() {
    let parsed = parse(&feed(
        "BEGIN:VEVENT\r\nUID:s\r\nDTSTART:20260105T100000Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:m\r\nDTSTART:20260105T100000Z\r\nRRULE:FREQ=MINUTELY;BYSECOND=0,20,40;UNTIL=20300101T000000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:ok\r\nDTSTART:20260105T100000Z\r\nRRULE:FREQ=MINUTELY;INTERVAL=30\r\nEND:VEVENT\r\n",
    ))
    .expect("iCalendar");
    let counts: Vec<Option<u32>> = parsed
        .calendar
        .events
        .iter()
        .map(|e| e.rrules[0].count)
        .collect();
    assert_eq!(counts, [Some(MAX_SUB_MINUTE), Some(MAX_SUB_MINUTE), None]);
    assert_eq!(
        parsed
            .warnings
            .iter()
            .filter(|w| w.message.contains("more than once a minute"))
            .count(),
        2
    );
    let exp = expand(&parsed.calendar, &two_years(), &Limits::default());
    let per_uid = |uid: &str| {
        exp.occurrences
            .iter()
            .filter(|o| parsed.calendar.events[o.event].uid == uid)
            .count()
    };
    assert_eq!(per_uid("s"), MAX_SUB_MINUTE as usize);
    assert_eq!(per_uid("m"), MAX_SUB_MINUTE as usize);
}

#[test]
fn can_page_a_feed_of_never_ending_minutely_events_at_the_cost_of_the_page() {
    // 200 events every minute for ever: the whole two years would be 200 × 1,051,200
    // occurrences. Each event hits its own bound when the whole window is listed; a page of ten
    // from mid-2027 fast-forwards every event to the page and stops it at its first instances
    // past the page, so none does.
    let events: String = (0..200)
        .map(|i| {
            format!(
                "BEGIN:VEVENT\r\nUID:e{i:03}\r\nDTSTART:20260101T00{:02}{:02}Z\r\nRRULE:FREQ=MINUTELY\r\nSUMMARY:spam\r\nEND:VEVENT\r\n",
                i / 60,
                i % 60
            )
        })
        .collect();
    let parsed = parse(&feed(&events)).expect("iCalendar");
    let one = touchpoint_calendar::Calendar {
        events: parsed.calendar.events[..1].to_vec(),
        ..Default::default()
    };
    let whole = expand(&one, &two_years(), &Limits::default());
    assert!(
        !whole.truncated.is_empty(),
        "one event's whole window is beyond its bound"
    );
    drop(whole);

    let from: Timestamp = "2027-06-01T00:00:00Z".parse().expect("instant");
    let take = Take {
        from: Some(from),
        count: 10,
    };
    let page = expand_first(&parsed.calendar, &two_years(), &Limits::default(), &take);
    assert_eq!(page.truncated, vec![], "no event reached its bound");
    let starts: Vec<String> = page
        .occurrences
        .iter()
        .map(|o| o.start.to_json_string())
        .collect();
    // Every event repeats each minute at its DTSTART's second: at 00:00:00 the four whose
    // second is 0 (e000, e060, e120, e180), then those of second 1, then of second 2.
    assert_eq!(starts.len(), 10);
    assert!(
        starts.iter().all(|s| s.starts_with("2027-06-01T00:00:0")),
        "{starts:?}"
    );
    let uids: Vec<&str> = page
        .occurrences
        .iter()
        .map(|o| parsed.calendar.events[o.event].uid.as_str())
        .collect();
    assert_eq!(
        uids,
        [
            "e000", "e060", "e120", "e180", "e001", "e061", "e121", "e181", "e002", "e062"
        ]
    );
}

#[test]
fn can_replace_a_huge_uid_by_a_digest_that_still_matches_its_overrides() {
    let uid = "u".repeat(100_000);
    let parsed = parse(&feed(&format!(
        "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:20260105T100000Z\r\nRRULE:FREQ=DAILY;COUNT=2\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nRECURRENCE-ID:20260106T100000Z\r\nDTSTART:20260106T120000Z\r\nEND:VEVENT\r\n"
    )))
    .expect("iCalendar");
    let uids: Vec<&str> = parsed
        .calendar
        .events
        .iter()
        .map(|e| e.uid.as_str())
        .collect();
    assert_eq!(uids[0], uids[1]);
    assert!(
        uids[0].starts_with("long-uid-") && uids[0].len() < 64,
        "{}",
        uids[0]
    );
    assert!(
        parsed
            .warnings
            .iter()
            .all(|w| w.message.contains("UID of 100000 bytes"))
    );
    let exp = expand(&parsed.calendar, &two_years(), &Limits::default());
    let starts: Vec<String> = exp
        .occurrences
        .iter()
        .map(|o| o.start.to_json_string())
        .collect();
    assert_eq!(
        starts,
        ["2026-01-05T10:00:00+00:00", "2026-01-06T12:00:00+00:00"]
    );
}
