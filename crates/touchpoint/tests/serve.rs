//! Issue 2: the served site end to end, through the real router in-process, at a fixed "now".

mod common;

use axum::http::StatusCode;
use common::{example_site, get, state};
use touchpoint_calendar::{Limits, Window, expand, parse};

#[tokio::test]
async fn healthz_answers_ok() {
    let state = state(example_site());
    let answer = get(&state, "/healthz").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body, "ok");
}

#[tokio::test]
async fn home_shows_touchpoints_groups_and_calendars_in_the_default_zone() {
    let state = state(example_site());
    let answer = get(&state, "/").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.content_type.starts_with("text/html"));
    let page = &answer.body;
    for text in [
        "APAC &amp; EMEA Touchpoint",
        "AMER &amp; EMEA Touchpoint",
        "OSPO Book Working Group",
        "OSS in Business Working Group",
        "CHAOSS OSPO Metrics Working Group",
        "OpenSSF",
        "OpenChain",
        "CHAOSS",
        "#project-ospobook",
        "https://lists.todogroup.org/g/WG-oss-in-business",
    ] {
        assert!(page.contains(text), "the home page lacks {text:?}");
    }
    // The community default is UTC, and the zone is named beside the times.
    assert!(page.contains("UTC"), "zone not named");
    // The next APAC & EMEA Touchpoint after Wed 25 Nov 2026 12:00 UTC is Thu 26 Nov at 12:00 UTC.
    assert!(
        page.contains("Thu 26 Nov 2026, 12:00–13:00"),
        "next Thursday Touchpoint missing in UTC"
    );
}

#[tokio::test]
async fn home_shows_times_in_the_viewers_zone() {
    let state = state(example_site());
    let tokyo = get(&state, "/?tz=Asia/Tokyo").await;
    assert_eq!(tokyo.status, StatusCode::OK);
    // Thu 26 Nov 12:00 UTC is 21:00 in Tokyo (UTC+9, no DST).
    assert!(tokyo.body.contains("Thu 26 Nov 2026, 21:00–22:00"));
    assert!(tokyo.body.contains("Asia/Tokyo"));
    let la = get(&state, "/?tz=America/Los_Angeles").await;
    // ... and 04:00 in Los Angeles (PST, UTC-8).
    assert!(la.body.contains("Thu 26 Nov 2026, 04:00–05:00"));
    assert!(la.body.contains("PST"));
}

#[tokio::test]
async fn home_keeps_local_time_across_a_dst_change_of_the_series_zone() {
    // The OSS in Business call is 17:00 Europe/Madrid: 16:00 UTC in winter, 15:00 UTC in summer.
    let state = state(example_site());
    let answer = get(
        &state,
        "/api/v1/occurrences?from=2027-03-01&to=2027-04-15&series=oss-in-business-call",
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    let starts: Vec<&str> = json["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["start"].as_str().unwrap())
        .collect();
    assert!(starts.contains(&"2027-03-09T17:00:00+01:00"), "{starts:?}");
    assert!(starts.contains(&"2027-04-06T17:00:00+02:00"), "{starts:?}");
}

#[tokio::test]
async fn unknown_zone_gets_a_400_page_saying_how_to_write_one() {
    let state = state(example_site());
    let answer = get(&state, "/?tz=Europe/Madird").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(answer.content_type.starts_with("text/html"));
    assert!(answer.body.contains("Unknown time zone"));
    assert!(answer.body.contains("Europe/Madird"));
    assert!(answer.body.contains("Area/City"));
}

#[tokio::test]
async fn hostile_zone_text_is_escaped_on_the_400_page() {
    let state = state(example_site());
    let answer = get(&state, "/?tz=%3Cscript%3Ealert(1)%3C/script%3E").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(!answer.body.contains("<script>alert(1)"));
    assert!(answer.body.contains("&lt;script&gt;"));
}

#[tokio::test]
async fn calendar_feed_publishes_every_series_with_zones_and_exceptions() {
    let state = state(example_site());
    let answer = get(&state, "/calendar.ics").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.content_type, "text/calendar; charset=utf-8");
    let text = &answer.body;
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.contains("UID:touchpoint-apac-emea@todogroup.org\r\n"));
    assert!(text.contains("RRULE:FREQ=WEEKLY;BYDAY=TH\r\n"));
    assert!(text.contains("DTSTART;TZID=Europe/Madrid:20260113T170000\r\n"));
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Madrid\r\n"));
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:America/Los_Angeles\r\n"));
    // A cancelled date: EXDATE with its time, plus a cancelled override.
    assert!(text.contains("EXDATE:20261224T120000Z,20261231T120000Z\r\n"));
    assert!(text.contains("STATUS:CANCELLED\r\n"));
    // A moved date: an override with its RECURRENCE-ID.
    assert!(text.contains("RECURRENCE-ID:20261221T170000Z\r\n"));
}

#[tokio::test]
async fn calendar_feed_expands_to_what_the_api_lists() {
    let state = state(example_site());
    let feed = get(&state, "/calendar.ics").await.body;
    let parsed = parse(feed.as_bytes()).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let window = Window {
        start: "2026-12-01T00:00".parse().unwrap(),
        end: "2027-02-01T00:00".parse().unwrap(),
        zone: Some(jiff::tz::TimeZone::UTC),
    };
    let mut from_feed: Vec<(String, String, Option<&str>)> =
        expand(&parsed.calendar, &window, &Limits::default())
            .occurrences
            .iter()
            .map(|o| {
                let uid = parsed.calendar.events[o.event].uid.clone();
                (uid, o.start.to_json_string(), o.status.as_str())
            })
            .collect();
    from_feed.sort();
    let api = get(
        &state,
        "/api/v1/occurrences?from=2026-12-01&to=2027-02-01&tz=UTC&source=community",
    )
    .await;
    let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    let mut from_api: Vec<(String, String, Option<&str>)> = json["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let status = match o["status"].as_str().unwrap() {
                "cancelled" => Some("cancelled"),
                _ => None,
            };
            (
                o["uid"].as_str().unwrap().to_owned(),
                o["start"].as_str().unwrap().to_owned(),
                status,
            )
        })
        .collect();
    from_api.sort();
    assert!(!from_api.is_empty());
    assert_eq!(from_feed, from_api);
}

#[tokio::test]
async fn api_lists_two_weeks_of_the_merged_calendar() {
    let state = state(example_site());
    let answer = get(
        &state,
        "/api/v1/occurrences?from=2026-12-14&to=2026-12-28&tz=UTC",
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.content_type, "application/json");
    let json: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    insta::assert_json_snapshot!(json);
}

#[tokio::test]
async fn cached_answers_follow_a_replaced_site() {
    let state = state(example_site());
    let before = get(&state, "/").await;
    assert!(before.body.contains("TODO Group"));
    // Served twice in the same minute: the second answer comes from the response cache.
    assert_eq!(get(&state, "/").await.body, before.body);

    let loaded = common::example();
    let mut community = (*loaded.community).clone();
    community.info.name = "Renamed Community".into();
    let site = touchpoint_site::Site::new(community, Vec::new(), common::now());
    state.replace_site(site);
    let after = get(&state, "/").await;
    assert!(
        after.body.contains("Renamed Community"),
        "a stale page was served"
    );
    let feed = get(&state, "/calendar.ics").await;
    assert!(feed.body.contains("X-WR-CALNAME:Renamed Community"));
}

#[tokio::test]
async fn cached_pages_keep_each_viewers_zone_apart() {
    use axum::body::Body;
    use axum::http::{Request, header};
    let state = state(example_site());
    let with_cookie = |zone: &str| {
        Request::get("/")
            .header(header::COOKIE, format!("tz={zone}"))
            .body(Body::empty())
            .unwrap()
    };
    let tokyo = common::get_with(&state, with_cookie("Asia/Tokyo")).await;
    let la = common::get_with(&state, with_cookie("America/Los_Angeles")).await;
    assert!(tokyo.body.contains("Thu 26 Nov 2026, 21:00–22:00"));
    assert!(la.body.contains("Thu 26 Nov 2026, 04:00–05:00"));
    assert!(!la.body.contains("21:00–22:00"));
}
