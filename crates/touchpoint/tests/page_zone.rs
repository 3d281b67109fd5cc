//! Issue 16, points 1, 2, 3, 5 and 13, through the real router in-process at a fixed "now": a
//! shared `?tz=` link is shown, not remembered; the zone picker remembers and keeps the page's
//! parameters; moved meetings say where they were; the cadence is in the viewer's zone; the
//! favicon, the embed's theme, the clock the visitor's language reads, past dates' numbering.
//! The same in Chromium: tests/browser/page_zone.test.mjs.

mod common;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{Answer, example_site, get, get_with, state};
use jiff::Timestamp;
use touchpoint::server::AppState;

/// The example served at `now`.
fn at(now: &str) -> AppState {
    let now: Timestamp = now.parse().unwrap();
    AppState::new(example_site(), Arc::new(move || now))
}

async fn with_header(state: &AppState, uri: &str, name: header::HeaderName, value: &str) -> Answer {
    let request = Request::get(uri)
        .header(name, value)
        .body(Body::empty())
        .unwrap();
    get_with(state, request).await
}

/// The page's text, tags removed and white space collapsed.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[tokio::test]
async fn can_show_a_shared_link_in_its_zone_without_remembering_it() {
    let state = state(example_site());
    let uri = "/calendar?view=month&date=2027-01-15&source=openssf&tz=Asia/Tokyo";
    let shared = get(&state, uri).await;
    assert_eq!(shared.status, StatusCode::OK);
    assert!(shared.headers.get(header::SET_COOKIE).is_none());
    assert!(shared.body.contains(r#"data-tz="Asia/Tokyo""#));
    assert!(
        text(&shared.body).contains("Shown in Tokyo time · use my zone"),
        "the page says whose zone it shows"
    );
    assert!(
        shared.body.contains(
            r#"<a href="./calendar?view=month&amp;date=2027-01-15&amp;source=openssf">use my zone</a>"#
        ),
        "use my zone drops tz= and keeps everything else"
    );
    let home = get(&state, "/?tz=America/Los_Angeles").await;
    assert!(home.body.contains(r#"<a href="./">use my zone</a>"#));
    assert!(text(&home.body).contains("Shown in Los Angeles time"));
    // Without `?tz=` (a cookie, or nothing) there is nothing to say.
    let own = get(&state, "/calendar").await;
    assert!(!own.body.contains("zone-shared"));
}

#[tokio::test]
async fn can_remember_the_pickers_choice_and_go_back_to_the_same_view() {
    let state = state(example_site());
    let picked = get(
        &state,
        "/calendar?view=month&date=2027-01-15&source=openssf&source=community&tz=Asia/Tokyo&remember=1",
    )
    .await;
    assert_eq!(picked.status, StatusCode::SEE_OTHER);
    assert_eq!(
        picked.headers[header::LOCATION],
        "./calendar?view=month&date=2027-01-15&source=openssf&source=community"
    );
    let cookie = picked.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("tz=Asia/Tokyo;"), "{cookie}");
    assert!(cookie.contains("Path=/") && cookie.contains("Max-Age=31536000"));
    assert!(cookie.contains("SameSite=Lax"));

    let series = get(
        &state,
        "/series/touchpoint-apac-emea?tz=Europe/Madrid&remember=1",
    )
    .await;
    assert_eq!(series.headers[header::LOCATION], "./touchpoint-apac-emea");

    // An empty field forgets the choice, so the browser's zone is detected again.
    let forget = get(&state, "/groups?tz=&remember=1").await;
    assert_eq!(forget.status, StatusCode::SEE_OTHER);
    assert!(
        forget.headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );

    // A zone that does not exist is the 400 page with suggestions, and sets nothing.
    let typo = get(&state, "/calendar?view=week&tz=Europe/Madird&remember=1").await;
    assert_eq!(typo.status, StatusCode::BAD_REQUEST);
    assert!(typo.body.contains("Europe/Madrid"));
    assert!(typo.headers.get(header::SET_COOKIE).is_none());
}

#[tokio::test]
async fn can_carry_the_pages_parameters_in_the_zone_picker() {
    let state = state(example_site());
    let page = get(
        &state,
        "/calendar?view=month&date=2027-01-15&source=openssf&group=oss-in-business&tz=UTC",
    )
    .await;
    let form = &page.body[page.body.find(r#"<form class="tz""#).unwrap()..];
    let form = &form[..form.find("</form>").unwrap()];
    for hidden in [
        r#"<input type="hidden" name="view" value="month">"#,
        r#"<input type="hidden" name="date" value="2027-01-15">"#,
        r#"<input type="hidden" name="source" value="openssf">"#,
        r#"<input type="hidden" name="group" value="oss-in-business">"#,
        r#"<input type="hidden" name="remember" value="1">"#,
    ] {
        assert!(form.contains(hidden), "{hidden} missing from {form}");
    }
    assert_eq!(form.matches(r#"name="tz""#).count(), 1, "tz is the field");
    let planner = get(&state, "/planner?series=oss-in-business-call").await;
    assert!(
        planner
            .body
            .contains(r#"<input type="hidden" name="series" value="oss-in-business-call">"#)
    );
}

#[tokio::test]
async fn can_say_where_a_moved_meeting_was_on_every_page_and_in_the_embed() {
    // Tuesday 15 December 2026: AMER & EMEA's Monday 21 December moved to Thursday 17.
    let state = at("2026-12-15T12:00:00Z");
    let moved = r#"data-moved-from="2026-12-21T17:00:00Z" data-start="2026-12-17T17:00:00Z">moved from Mon 21 Dec</span>"#;
    for uri in [
        "/",
        "/calendar",
        "/calendar?view=week&date=2026-12-17",
        "/calendar?view=month&date=2026-12-01&source=community",
        "/series/touchpoint-amer-emea",
        "/embed/upcoming?limit=10",
    ] {
        let page = get(&state, uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}");
        if uri.contains("view=week") {
            // The week's hour grid is drawn by its own renderer: the note is there, in a grid cell.
            assert!(page.body.contains("moved from Mon 21 Dec"), "{uri}");
        } else {
            assert!(page.body.contains(moved), "{uri}");
        }
    }
    // In Tokyo the regular Monday 17:00 UTC meeting was on Tuesday morning.
    let tokyo = get(&state, "/series/touchpoint-amer-emea?tz=Asia/Tokyo").await;
    assert!(tokyo.body.contains("moved from Tue 22 Dec"));
    // The API says so too: the original start of the moved one, null for the others.
    let api = get(
        &state,
        "/api/v1/occurrences?from=2026-12-14&to=2026-12-22&series=touchpoint-amer-emea",
    )
    .await;
    let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    let moved: Vec<_> = json["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["start"].as_str().unwrap(), o["moved_from"].as_str()))
        .collect();
    assert!(moved.contains(&("2026-12-17T17:00:00+00:00", Some("2026-12-21T17:00:00Z"))));
    assert!(moved.contains(&("2026-12-14T17:00:00+00:00", None)));
}

#[tokio::test]
async fn can_say_the_cadence_in_the_viewers_zone_then_the_series_own() {
    let state = state(example_site());
    let tokyo = text(&get(&state, "/?tz=Asia/Tokyo").await.body);
    assert!(tokyo.contains("Every Tuesday, 02:00 JST (Monday 17:00 UTC)"));
    assert!(tokyo.contains("Every Thursday, 21:00 JST (Thursday 12:00 UTC)"));
    // CHAOSS, every other Wednesday at 09:00 in Los Angeles (standard time in late November).
    assert!(
        tokyo.contains("Every other Thursday, 02:00 JST (Wednesday 09:00 PST)"),
        "{tokyo}"
    );
    let utc = text(&get(&state, "/series/touchpoint-amer-emea").await.body);
    assert!(utc.contains("Every Monday, 17:00 UTC · See it across time zones"));
    let los_angeles = text(&get(&state, "/groups?tz=America/Los_Angeles").await.body);
    assert!(los_angeles.contains("Every other Tuesday, 08:00 PST (Tuesday 17:00 CET)"));
}

#[tokio::test]
async fn can_serve_a_favicon_and_answer_the_one_browsers_ask_for() {
    let state = state(example_site());
    let svg = get(&state, "/favicon.svg").await;
    assert_eq!(svg.status, StatusCode::OK);
    assert_eq!(svg.content_type, "image/svg+xml");
    assert!(svg.body.starts_with("<svg "));
    let ico = get(&state, "/favicon.ico").await;
    assert_eq!(ico.status, StatusCode::NO_CONTENT);
    let home = get(&state, "/").await;
    // Linked at the version of its bytes, which browsers keep ([`touchpoint_site::assets`]).
    let version = &touchpoint_site::assets::get("/favicon.svg")
        .unwrap()
        .version;
    assert!(home.body.contains(&format!(
        r#"<link rel="icon" type="image/svg+xml" href="/favicon.svg?v={version}">"#
    )));
}

#[tokio::test]
async fn never_labels_utc_twice() {
    let home = get(&state(example_site()), "/").await;
    assert!(!home.body.contains("UTC (UTC)"));
    assert!(
        home.body
            .contains(r#"<span class="zone-now" id="zone-now" data-zone-label>UTC</span>"#)
    );
}

#[tokio::test]
async fn can_draw_the_embed_for_a_light_or_a_dark_host_page() {
    let state = state(example_site());
    let light = get(&state, "/embed/upcoming").await;
    assert!(
        light
            .body
            .contains(r#"<html lang="en" data-theme="light">"#)
    );
    let dark = get(&state, "/embed/upcoming?theme=dark").await;
    assert!(dark.body.contains(r#"<html lang="en" data-theme="dark">"#));
    assert!(
        dark.body
            .contains(":root[data-theme=dark]{color-scheme:dark;")
    );
    let bad = get(&state, "/embed/upcoming?theme=purple").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("theme must be light or dark"));
}

#[tokio::test]
async fn can_write_the_clock_the_visitors_language_reads() {
    let state = state(example_site());
    let american = with_header(
        &state,
        "/series/touchpoint-amer-emea",
        header::ACCEPT_LANGUAGE,
        "en-US,en;q=0.9",
    )
    .await;
    assert!(text(&american.body).contains("Mon 30 Nov 2026, 5:00 PM–6:00 PM"));
    assert!(text(&american.body).contains("Every Monday, 5:00 PM UTC"));
    assert_eq!(american.headers[header::VARY], "Cookie, Accept-Language");
    // The same URI right after, for a German visitor: not the American's cached page.
    let german = with_header(
        &state,
        "/series/touchpoint-amer-emea",
        header::ACCEPT_LANGUAGE,
        "de-DE,de;q=0.9,en;q=0.5",
    )
    .await;
    // A German visitor reads the page in German: CLDR's date and 24-hour clock.
    assert!(text(&german.body).contains("Mo., 30.11.2026, 17:00–18:00"));
    let embed = with_header(
        &state,
        "/embed/upcoming?series=touchpoint-amer-emea",
        header::ACCEPT_LANGUAGE,
        "en-IN",
    )
    .await;
    assert!(text(&embed.body).contains("Mon 30 Nov 2026, 5:00 PM–6:00 PM"));
    assert_eq!(embed.headers[header::VARY], "Accept-Language");
}

#[tokio::test]
async fn can_write_the_embed_in_the_language_asked_for() {
    let state = state(example_site());
    let japanese = with_header(
        &state,
        "/embed/upcoming?series=touchpoint-amer-emea&lang=ja",
        header::ACCEPT_LANGUAGE,
        "en-US",
    )
    .await;
    let body = &japanese.body;
    assert!(body.contains(r#"<html lang="ja""#), "{body}");
    assert!(text(body).contains("すべてのミーティング"), "{body}");
    // CLDR's Japanese date; the clock stays the visitor's (en-US: 12-hour).
    assert!(
        text(body).contains("2026/11/30(月) 午後5:00～午後6:00"),
        "{body}"
    );
    assert!(!text(body).contains("All meetings"), "{body}");
    // Without ?lang=, Accept-Language chooses.
    let german = with_header(
        &state,
        "/embed/upcoming?series=touchpoint-amer-emea",
        header::ACCEPT_LANGUAGE,
        "de-DE",
    )
    .await;
    assert!(
        text(&german.body).contains("Alle Meetings"),
        "{}",
        german.body
    );
    assert!(text(&german.body).contains("Mo., 30.11.2026, 17:00–18:00"));
}

#[tokio::test]
async fn can_number_past_dates_from_the_series_first_date_newest_first() {
    let state = state(example_site());
    let page = get(&state, "/series/touchpoint-amer-emea").await.body;
    let past = &page[page.find(r#"id="past-h""#).unwrap()..];
    // Mondays from 5 January 2026 to 23 November 2026: 47, the 28 December one still ahead.
    assert!(past.contains(r#"<ol class="dates" reversed start="47">"#));
    let first = past.find("Mon 23 Nov 2026").unwrap();
    let second = past.find("Mon 16 Nov 2026").unwrap();
    assert!(first < second, "newest first");
}
