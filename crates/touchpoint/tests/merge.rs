//! Issue 4: outside calendars merged into the page, the API and the feeds — untrusted text
//! escaped, unsafe links dropped, one UID shown once, stale copies still shown and marked.

mod common;

use axum::http::StatusCode;
use common::{example, example_records, get, record, state};
use touchpoint::app;

const HOSTILE: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Hostile//EN\r\n\
BEGIN:VEVENT\r\nUID:evil-1@example.org\r\nDTSTART:20261126T150000Z\r\nDTEND:20261126T160000Z\r\n\
SUMMARY:<script>alert('x')</script><img src=x onerror=alert(1)>\r\n\
URL:javascript:alert(document.cookie)\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:evil-2@example.org\r\nDTSTART:20261127T150000Z\r\nDTEND:20261127T160000Z\r\n\
SUMMARY:LONG_SUMMARY\r\nURL:https://example.org/ok\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

fn hostile_site() -> touchpoint_site::Site {
    let loaded = example();
    let mut records = example_records(&loaded);
    let body = HOSTILE.replace("LONG_SUMMARY", &"A".repeat(10_000));
    records[0] = record("openssf", body.as_bytes());
    app::site_from_records(&loaded, &records)
}

#[tokio::test]
async fn hostile_feed_text_is_escaped_on_the_page() {
    let state = state(hostile_site());
    let page = get(&state, "/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        !page.body.contains("<script>alert"),
        "script tag from a feed rendered raw"
    );
    assert!(
        !page.body.contains("<img src=x"),
        "img tag from a feed rendered raw"
    );
    assert!(page.body.contains("&lt;script&gt;alert"));
    assert!(!page.body.to_ascii_lowercase().contains("javascript:"));
}

#[tokio::test]
async fn api_keeps_only_http_and_mailto_links_from_feeds() {
    let state = state(hostile_site());
    let answer = get(
        &state,
        "/api/v1/occurrences?from=2026-11-26&to=2026-11-28&source=openssf&tz=UTC",
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    let occurrences = json["occurrences"].as_array().unwrap();
    let evil = occurrences
        .iter()
        .find(|o| o["uid"] == "evil-1@example.org")
        .expect("the hostile event is listed");
    assert_eq!(evil["url"], serde_json::Value::Null);
    assert_eq!(evil["source"], "openssf");
    assert_eq!(evil["series"], serde_json::Value::Null);
    let long = occurrences
        .iter()
        .find(|o| o["uid"] == "evil-2@example.org")
        .unwrap();
    assert_eq!(long["url"], "https://example.org/ok");
    // A feed's title is cut to 1 KiB when read (issue 14), with an ellipsis.
    let title = long["title"].as_str().unwrap();
    assert_eq!(title.len(), touchpoint_calendar::parse::MAX_TITLE);
    assert!(title.starts_with("AAAA") && title.ends_with('…'));
}

#[tokio::test]
async fn all_feed_drops_unsafe_links() {
    let state = state(hostile_site());
    let feed = get(&state, "/all.ics").await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(feed.body.contains("UID:evil-1@example.org"));
    assert!(!feed.body.contains("javascript:"));
}

#[tokio::test]
async fn the_same_uid_in_two_sources_is_listed_once() {
    let loaded = example();
    let mut records = example_records(&loaded);
    let copy = records[0].body.clone().unwrap();
    // OpenChain now publishes exactly OpenSSF's feed (a copy-paste slip like the TODO page's).
    records[1] = record("openchain", &copy);
    let state = state(app::site_from_records(&loaded, &records));
    let answer = get(
        &state,
        "/api/v1/occurrences?from=2026-11-25&to=2027-01-25&tz=UTC",
    )
    .await;
    let json: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    let mut keys: Vec<(String, String)> = json["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["uid"].as_str().unwrap().to_owned(),
                o["start"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let total = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), total, "an occurrence was listed twice");
    assert!(
        json["occurrences"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["source"] != "openchain"),
        "the duplicate source's copies should be hidden behind the first"
    );
}

#[tokio::test]
async fn a_stale_source_is_still_shown_and_marked() {
    let loaded = example();
    let mut records = example_records(&loaded);
    records[2].last_error = Some("HTTP 500 Internal Server Error".to_owned());
    records[2].failures = 3;
    let state = state(app::site_from_records(&loaded, &records));

    let calendars = get(&state, "/api/v1/calendars").await;
    let json: serde_json::Value = serde_json::from_str(&calendars.body).unwrap();
    let chaoss = &json["calendars"][2];
    assert_eq!(chaoss["id"], "chaoss");
    assert_eq!(chaoss["status"], "stale");
    assert_eq!(chaoss["last_error"], "HTTP 500 Internal Server Error");
    assert!(chaoss["last_success"].is_string());
    assert_eq!(json["calendars"][0]["status"], "ok");

    let occurrences = get(
        &state,
        "/api/v1/occurrences?from=2026-11-25&to=2027-01-25&source=chaoss",
    )
    .await;
    let json: serde_json::Value = serde_json::from_str(&occurrences.body).unwrap();
    assert!(
        !json["occurrences"].as_array().unwrap().is_empty(),
        "stale copy not shown"
    );

    let health = get(&state, "/health").await;
    assert!(health.body.contains("HTTP 500 Internal Server Error"));
    assert!(health.body.contains("stale"));
}

#[tokio::test]
async fn api_rejects_bad_parameters_with_a_json_message() {
    let state = state(common::example_site());
    for (uri, needle) in [
        (
            "/api/v1/occurrences?from=2026-13-01&to=2027-01-01",
            "YYYY-MM-DD",
        ),
        (
            "/api/v1/occurrences?from=2026-01-01&to=2029-01-01",
            "at most",
        ),
        ("/api/v1/occurrences?from=2026-02-01&to=2026-01-01", "after"),
        ("/api/v1/occurrences?tz=Nowhere/City", "unknown time zone"),
        (
            "/api/v1/occurrences?source=nope",
            "no calendar \"nope\" (`source`): use one of community, openssf",
        ),
    ] {
        let answer = get(&state, uri).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(answer.content_type, "application/json", "{uri}");
        let json: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
        assert!(
            json["error"].as_str().unwrap().contains(needle),
            "{uri}: {}",
            answer.body
        );
    }
}

/// Issue 15: an outside event keeps its description, place and status through the API and the
/// feeds, and the video-call link in its description is offered as its `join_url` (a Google
/// Calendar event carries its Meet link only there) — when the calendar's join links are
/// public (issue 17: `join_visibility = "public"`; by default they are near-start, tests/join.rs).
#[tokio::test]
async fn can_republish_an_outside_event_whole_with_its_join_link() {
    const GOOGLE: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n\
BEGIN:VEVENT\r\nUID:meet-1@google.com\r\nDTSTART:20261126T150000Z\r\nDTEND:20261126T160000Z\r\n\
SUMMARY:TAC call\r\nLOCATION:Room 4\\, Building B\r\nSTATUS:TENTATIVE\r\n\
DESCRIPTION:Agenda: https://docs.example.org/tac\\n\\nJoin with Google Meet: https://meet.g\r\n oogle.com/abc-defg-hij\\nOr dial +1 555-0100\r\n\
END:VEVENT\r\nEND:VCALENDAR\r\n";
    let mut loaded = example();
    std::sync::Arc::make_mut(&mut loaded.community).calendars[0].join_policy = std::sync::Arc::new(
        touchpoint_community::JoinPolicy::new(touchpoint_community::JoinVisibility::Public),
    );
    let mut records = example_records(&loaded);
    records[0] = record("openssf", GOOGLE.as_bytes());
    let state = state(app::site_from_records(&loaded, &records));
    let answer = get(
        &state,
        "/api/v1/occurrences?from=2026-11-26&to=2026-11-27&source=openssf&tz=UTC",
    )
    .await;
    let json: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    let event = json["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["uid"] == "meet-1@google.com")
        .expect("the event is listed");
    assert_eq!(event["join_url"], "https://meet.google.com/abc-defg-hij");
    assert_eq!(event["location"], "Room 4, Building B");
    assert_eq!(event["status"], "tentative");
    assert!(
        event["description"]
            .as_str()
            .unwrap()
            .starts_with("Agenda: https://docs.example.org/tac\n\nJoin with Google Meet")
    );
    for feed in ["/sources/openssf.ics", "/all.ics"] {
        let text = get(&state, feed).await.body.replace("\r\n ", "");
        for line in [
            "LOCATION:Room 4\\, Building B",
            "STATUS:TENTATIVE",
            "https://meet.google.com/abc-defg-hij",
        ] {
            assert!(text.contains(line), "{feed} lacks {line}");
        }
    }
}

/// Issue 15: an outside event's ORGANIZER (name and address, as the source published them) is
/// republished in the feeds, its name quoted when it holds a comma, and returned by the API; an
/// event without one has `organizer: null`.
#[tokio::test]
async fn can_republish_google_and_outlook_organizers() {
    const FEED: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n\
BEGIN:VEVENT\r\nUID:google-1@google.com\r\nDTSTART:20261126T150000Z\r\nDTEND:20261126T160000Z\r\n\
SUMMARY:TAC call\r\n\
ORGANIZER;CN=OpenSSF TAC:mailto:c_3f2a9d1e7b6c4a5f8e0d@group.calendar.google.com\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E008@outlook\r\nDTSTART:20261126T170000Z\r\n\
DTEND:20261126T180000Z\r\nSUMMARY:Board sync\r\n\
ORGANIZER;CN=\"Doe, Jane\":MAILTO:jane.doe@contoso.com\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:plain-1@example.org\r\nDTSTART:20261126T190000Z\r\nDTEND:20261126T200000Z\r\n\
SUMMARY:No organizer\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let loaded = example();
    let mut records = example_records(&loaded);
    records[0] = record("openssf", FEED.as_bytes());
    let state = state(app::site_from_records(&loaded, &records));
    let answer = get(
        &state,
        "/api/v1/occurrences?from=2026-11-26&to=2026-11-27&source=openssf&tz=UTC",
    )
    .await;
    let json: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    let organizer = |uid: &str| {
        json["occurrences"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["uid"] == uid)
            .unwrap_or_else(|| panic!("{uid} is listed"))["organizer"]
            .clone()
    };
    assert_eq!(
        organizer("google-1@google.com"),
        serde_json::json!({
            "name": "OpenSSF TAC",
            "email": "c_3f2a9d1e7b6c4a5f8e0d@group.calendar.google.com",
        })
    );
    assert_eq!(
        organizer("040000008200E00074C5B7101A82E008@outlook"),
        serde_json::json!({ "name": "Doe, Jane", "email": "jane.doe@contoso.com" })
    );
    assert_eq!(organizer("plain-1@example.org"), serde_json::Value::Null);
    for feed in ["/sources/openssf.ics", "/all.ics"] {
        let text = get(&state, feed).await.body.replace("\r\n ", "");
        for line in [
            "\r\nORGANIZER;CN=OpenSSF TAC:mailto:c_3f2a9d1e7b6c4a5f8e0d@group.calendar.google.com\r\n",
            "\r\nORGANIZER;CN=\"Doe, Jane\":mailto:jane.doe@contoso.com\r\n",
        ] {
            assert!(text.contains(line), "{feed} lacks {line:?}");
        }
        assert_eq!(text.matches("ORGANIZER").count(), 2, "{feed}");
    }
}
