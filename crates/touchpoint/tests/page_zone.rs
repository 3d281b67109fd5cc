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

/// A one-series community, its series `s` anchored in New York at 11:00 and repeating
/// `repeat` (weekly on Thursday, or monthly on the 3rd Thursday), `extra` appended to the series (exceptions), served at `now`.
fn new_york(repeat: &str, extra: &str, now: &str) -> AppState {
    // The first meeting: the first Thursday of 2026, or the third for a monthly one.
    let first = if repeat.contains("3rd") {
        "2026-01-15"
    } else {
        "2026-01-01"
    };
    let file = format!(
        "[community]\nname = \"T\"\ntimezone = \"UTC\"\n\n[[series]]\nid = \"s\"\ntitle = \"Call\"\n\
         timezone = \"America/New_York\"\nstart = \"11:00\"\nduration = \"1h\"\n\
         repeat = \"{repeat}\"\nfirst = {first}\n{extra}"
    );
    let community = touchpoint_community::parse(&file)
        .unwrap_or_else(|d| panic!("{d:?}"))
        .community;
    let now: Timestamp = now.parse().unwrap();
    let site = touchpoint_site::Site::new(community, Vec::new(), now);
    AppState::new(site, Arc::new(move || now))
}

/// Each clock-change note of a page: (the occurrence's start, the note's text, or `None` where
/// it is there for the browser's script only, hidden and empty).
fn clock_notes(html: &str) -> Vec<(String, Option<String>)> {
    let page = scraper::Html::parse_document(html);
    let notes = scraper::Selector::parse("span.clocks").unwrap();
    page.select(&notes)
        .map(|note| {
            let start = note.value().attr("data-start").unwrap().to_owned();
            let text: String = note.text().collect();
            if note.value().attr("hidden").is_some() {
                assert_eq!(text, "", "a hidden note is empty");
                (start, None)
            } else {
                (start, Some(text))
            }
        })
        .collect()
}

/// The shown notes of the month pages of 2027, by start (a month's grid shows some days of
/// the months beside it). Each is also its month cell line's title (the line's ellipsis may
/// cut the note), and no other line has one.
async fn shown_in_2027(state: &AppState, tz: &str) -> std::collections::BTreeMap<String, String> {
    let mut shown = std::collections::BTreeMap::new();
    let mut titles = std::collections::BTreeMap::new();
    let lines = scraper::Selector::parse("table.month li.occ").unwrap();
    let time = scraper::Selector::parse("time").unwrap();
    for month in 1..=12 {
        let uri = format!("/calendar?view=month&date=2027-{month:02}-01&tz={tz}");
        let page = get(state, &uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}");
        for (start, text) in clock_notes(&page.body) {
            if let Some(text) = text {
                shown.insert(start, text);
            }
        }
        let html = scraper::Html::parse_document(&page.body);
        for line in html.select(&lines) {
            if let Some(title) = line.value().attr("title") {
                let at = line.select(&time).next().unwrap().value().attr("datetime");
                titles.insert(at.unwrap().to_owned(), title.to_owned());
            }
        }
    }
    assert_eq!(titles, shown, "month cells' titles");
    shown
}

#[tokio::test]
async fn can_say_a_new_york_call_is_an_hour_off_in_berlin_only_the_weeks_clocks_disagree() {
    let state = new_york("weekly on Thursday", "", "2027-01-01T00:00:00Z");
    let shown = shown_in_2027(&state, "Europe/Berlin").await;
    let expected = [
        // New York springs forward on 14 March, Berlin on 28 March: 16:00 instead of 17:00 …
        (
            "2027-03-18T15:00:00Z",
            "1 hour earlier than last time: clocks changed in New York on Sun 14 Mar",
        ),
        // … then 17:00 again, not on 25 March, which is at 16:00 like the week before.
        (
            "2027-04-01T15:00:00Z",
            "1 hour later than last time: clocks changed in Berlin on Sun 28 Mar",
        ),
        // Berlin falls back on 31 October, New York on 7 November.
        (
            "2027-11-04T15:00:00Z",
            "1 hour earlier than last time: clocks changed in Berlin on Sun 31 Oct",
        ),
        (
            "2027-11-11T16:00:00Z",
            "1 hour later than last time: clocks changed in New York on Sun 7 Nov",
        ),
    ];
    let expected: std::collections::BTreeMap<String, String> = expected
        .iter()
        .map(|(at, text)| (at.to_string(), text.to_string()))
        .collect();
    assert_eq!(shown, expected);
}

#[tokio::test]
async fn never_says_clocks_changed_to_a_viewer_in_the_series_own_zone() {
    let state = new_york("weekly on Thursday", "", "2027-01-01T00:00:00Z");
    assert_eq!(
        shown_in_2027(&state, "America/New_York").await,
        Default::default()
    );
    // The notes' data is there all the same, hidden, for the export's script to work it out
    // in the browser's zone: the series' own offset grew by an hour since last time.
    let march = get(
        &state,
        "/calendar?view=month&date=2027-03-01&tz=America/New_York",
    )
    .await;
    assert!(march.body.contains(
        r#"<span class="clocks" data-clocks-prev="2027-03-11T16:00:00Z" data-start="2027-03-18T15:00:00Z" data-clocks-own="60" data-clocks-place="New York" data-clocks-day="Sun 14 Mar" hidden></span>"#
    ), "{}", march.body);
}

#[tokio::test]
async fn can_compare_a_monthly_meeting_with_the_one_a_month_before() {
    let state = new_york("monthly on the 3rd Thursday", "", "2027-01-01T00:00:00Z");
    let shown = shown_in_2027(&state, "Europe/Berlin").await;
    let starts: Vec<&str> = shown.keys().map(String::as_str).collect();
    // 18 March is at 16:00 after 18 February's 17:00; 15 April at 17:00 again after 18
    // March, four weeks before (the week before it, 8 April, would have said nothing). 21
    // October is before either zone's clocks fall back, 18 November after both: 17:00 both
    // times, nothing to say.
    assert_eq!(starts, ["2027-03-18T15:00:00Z", "2027-04-15T15:00:00Z"]);
    assert_eq!(
        shown["2027-04-15T15:00:00Z"],
        "1 hour later than last time: clocks changed in Berlin on Sun 28 Mar"
    );
}

#[tokio::test]
async fn keeps_a_moved_meetings_own_note_and_says_nothing_more() {
    let moved = "[[series.exceptions]]\ndate = 2027-03-18\nmove_to = 2027-03-19T11:00:00\n";
    let state = new_york("weekly on Thursday", moved, "2027-03-12T00:00:00Z");
    for uri in [
        "/calendar?view=month&date=2027-03-01&tz=Europe/Berlin",
        "/calendar?view=week&date=2027-03-18&tz=Europe/Berlin",
        "/calendar?view=agenda&date=2027-03-15&tz=Europe/Berlin",
        "/series/s?tz=Europe/Berlin",
    ] {
        let page = get(&state, uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}");
        let text = text(&page.body);
        assert_eq!(text.matches("moved from").count(), 1, "{uri}: {text}");
        // 19 March says it moved; 25 March is at 16:00 like 18 March was due; only 1 April
        // (17:00 again) says clocks changed, in Berlin.
        assert!(
            !text.contains("clocks changed in New York"),
            "{uri}: {text}"
        );
        assert!(
            clock_notes(&page.body)
                .iter()
                .all(|(start, _)| start != "2027-03-19T15:00:00Z"),
            "{uri}: the moved one carries no clock note, not even a hidden one"
        );
    }
}

#[tokio::test]
async fn can_say_clocks_changed_on_every_page_that_lists_meetings_and_in_every_language() {
    let state = new_york("weekly on Thursday", "", "2027-03-16T00:00:00Z");
    let note = "1 hour earlier than last time: clocks changed in New York on Sun 14 Mar";
    for uri in [
        "/?tz=Europe/Berlin",
        "/calendar?tz=Europe/Berlin",
        "/calendar?view=week&date=2027-03-18&tz=Europe/Berlin",
        "/series/s?tz=Europe/Berlin",
        "/embed/upcoming?tz=Europe/Berlin",
    ] {
        let page = get(&state, uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}");
        assert!(
            text(&page.body).contains(note),
            "{uri}: {}",
            text(&page.body)
        );
    }
    for (lang, said) in [
        (
            "de",
            "1 Stunde früher als letztes Mal: Zeitumstellung in New York am",
        ),
        (
            "ja",
            "前回より1時間早い開始（3月14日(日)にニューヨークで時刻を切り替え）",
        ),
        // (text() takes the no-break space before the colon for a space)
        (
            "fr",
            "1 heure plus tôt que la dernière fois : changement d’heure à New York le",
        ),
    ] {
        let page = get(&state, &format!("/series/s?tz=Europe/Berlin&lang={lang}")).await;
        assert!(
            text(&page.body).contains(said),
            "{lang}: {}",
            text(&page.body)
        );
    }
}
