//! Issue 14: what one outside feed can make a request cost is bounded. Feeds that once took a
//! server past 6 GB (never-ending rules on every event) or made a 767 MB answer (huge titles on
//! daily series) give bounded answers that page on, and the rest of the site still answers.

mod common;

use axum::http::StatusCode;
use common::{example, example_records, get, record, state};
use touchpoint::app;
use touchpoint_site::api::MAX_ANSWER_BYTES;

/// 200 events every second and 200 every minute, all without an end, and 300 daily series
/// whose titles are 5,000 control characters (cut to 1 KiB, six bytes each once escaped).
fn hostile_feed() -> String {
    let mut feed = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Hostile//EN\r\n");
    for i in 0..200 {
        feed.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:s{i}\r\nDTSTART:20261101T000000Z\r\nRRULE:FREQ=SECONDLY\r\nSUMMARY:s\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:m{i}\r\nDTSTART:20261101T000000Z\r\nRRULE:FREQ=MINUTELY\r\nSUMMARY:m\r\nEND:VEVENT\r\n"
        ));
    }
    let title = "\u{1}".repeat(5_000);
    for i in 0..300 {
        feed.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:t{i}\r\nDTSTART:20261101T120000Z\r\nRRULE:FREQ=DAILY\r\nSUMMARY:{title}\r\nEND:VEVENT\r\n"
        ));
    }
    feed.push_str("END:VCALENDAR\r\n");
    feed
}

fn hostile_site() -> touchpoint_site::Site {
    let loaded = example();
    let mut records = example_records(&loaded);
    records[0] = record("openssf", hostile_feed().as_bytes());
    app::site_from_records(&loaded, &records)
}

#[tokio::test]
async fn api_pages_a_hostile_feed_within_the_answer_bounds() {
    let state = state(hostile_site());
    // The whole allowed window, the largest page: cut by bytes, never empty, and paged on.
    let mut uri =
        "/api/v1/occurrences?from=2026-11-01&to=2028-11-01&tz=UTC&source=openssf&limit=10000"
            .to_owned();
    let mut seen = 0;
    for _ in 0..3 {
        let answer = get(&state, &uri).await;
        assert_eq!(answer.status, StatusCode::OK);
        assert!(
            answer.body.len() <= MAX_ANSWER_BYTES + 64 * 1024,
            "{} bytes",
            answer.body.len()
        );
        let json: serde_json::Value = serde_json::from_str(&answer.body).expect("JSON");
        let page = json["occurrences"].as_array().expect("list");
        assert!(!page.is_empty());
        seen += page.len();
        uri = json["next"].as_str().expect("a next page").to_owned();
    }
    assert!(seen >= 3);
}

#[tokio::test]
async fn api_lists_the_earliest_occurrences_of_never_ending_rules_first() {
    let state = state(hostile_site());
    let answer = get(
        &state,
        "/api/v1/occurrences?from=2027-06-01&to=2028-06-01&tz=UTC&source=openssf&limit=5",
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&answer.body).expect("JSON");
    let starts: Vec<&str> = json["occurrences"]
        .as_array()
        .expect("list")
        .iter()
        .map(|o| o["start"].as_str().expect("start"))
        .collect();
    // The SECONDLY rules are clamped to their first 1,000 seconds (in 2026); the MINUTELY ones
    // go on for ever: all five at the window's first minute.
    assert_eq!(starts, ["2027-06-01T00:00:00+00:00"; 5]);
    assert!(json["next"].is_string());
}

#[tokio::test]
async fn pages_still_answer_beside_a_hostile_feed() {
    let state = state(hostile_site());
    for uri in ["/", "/healthz", "/api/v1/calendars", "/all.ics"] {
        let answer = get(&state, uri).await;
        assert_eq!(answer.status, StatusCode::OK, "{uri}");
    }
    // The calendar lists the first meetings of the period and says it stopped there.
    for view in ["month", "week", "agenda"] {
        let uri = format!("/calendar?view={view}&date=2027-01-15&tz=UTC");
        let answer = get(&state, &uri).await;
        assert_eq!(answer.status, StatusCode::OK, "{uri}");
        assert!(
            answer.body.contains("only the first 2000 are shown"),
            "{uri}"
        );
        assert!(
            answer.body.len() < 4 << 20,
            "{uri}: {} bytes",
            answer.body.len()
        );
    }
    // A quiet period of the same feed shows everything, with no such note.
    let answer = get(&state, "/calendar?view=week&date=2026-10-05&tz=UTC").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(!answer.body.contains("only the first"));
}
