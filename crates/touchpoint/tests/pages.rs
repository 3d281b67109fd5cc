//! Issue 5: the pages people use — calendar views, series, groups and the planner — rendered
//! through the real router in-process at a fixed "now", plus the viewer's zone from `?tz=` and
//! the `tz` cookie. The same pages in a real browser: tests/browser (scripts/browser-test).

mod common;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{Answer, example_site, get, get_with, state};
use jiff::Timestamp;
use touchpoint::server::AppState;
use touchpoint_site::html::{self, CalendarParams, PlannerParams};
use touchpoint_site::{Site, Viewer};

/// The text of `html` between the first `start` and the next `end` after it, tags removed and
/// white space collapsed: what a snapshot should hold, without the markup's noise.
fn text(html: &str, start: &str, end: &str) -> String {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in the page"));
    let rest = &html[from..];
    let to = rest[start.len()..]
        .find(end)
        .map_or(rest.len(), |i| i + start.len());
    let mut out = String::new();
    let mut in_tag = false;
    for c in rest[..to].chars() {
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
        .replace("&quot;", "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn at(now: &str) -> AppState {
    let now: Timestamp = now.parse().unwrap();
    AppState::new(example_site(), Arc::new(move || now))
}

async fn with_cookie(state: &AppState, uri: &str, cookie: &str) -> Answer {
    let request = Request::get(uri)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .unwrap();
    get_with(state, request).await
}

#[tokio::test]
async fn can_read_the_zone_from_the_cookie_and_let_the_query_win() {
    let state = state(example_site());
    let remembered = with_cookie(&state, "/", "theme=dark; tz=Asia/Tokyo").await;
    assert_eq!(remembered.status, StatusCode::OK);
    assert!(remembered.body.contains(r#"data-tz="Asia/Tokyo""#));
    assert!(remembered.body.contains("Thu 26 Nov 2026, 21:00–22:00"));
    assert!(remembered.headers.get(header::SET_COOKIE).is_none());

    // A shared link's `?tz=` shows its zone for this view and is not remembered (issue 16).
    let asked = with_cookie(&state, "/?tz=Europe/Berlin", "tz=Asia/Tokyo").await;
    assert!(asked.body.contains(r#"data-tz="Europe/Berlin""#));
    assert!(asked.headers.get(header::SET_COOKIE).is_none());

    let stale = with_cookie(&state, "/calendar", "tz=Mars/Olympus").await;
    assert_eq!(stale.status, StatusCode::OK);
    assert!(stale.body.contains(r#"data-tz="UTC""#));
}

#[tokio::test]
async fn can_read_a_quoted_or_percent_encoded_zone_cookie() {
    let state = state(example_site());
    for cookie in [
        r#"tz="Asia/Tokyo""#,
        "tz=Asia%2FTokyo",
        "theme=dark;tz=Asia%2fTokyo",
    ] {
        let answer = with_cookie(&state, "/", cookie).await;
        assert!(answer.body.contains(r#"data-tz="Asia/Tokyo""#), "{cookie}");
    }
}

#[tokio::test]
async fn can_serve_a_feed_whatever_zone_the_query_names() {
    // The feed has no viewer: an unknown `?tz=` is the page's 400, not the feed's.
    let state = state(example_site());
    let feed = get(&state, "/series/touchpoint-apac-emea.ics?tz=Mars/Olympus").await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(feed.body.starts_with("BEGIN:VCALENDAR"));
    let page = get(&state, "/series/touchpoint-apac-emea?tz=Mars/Olympus").await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn can_cache_pages_privately_because_they_depend_on_the_cookie_and_language() {
    let answer = get(&state(example_site()), "/calendar").await;
    assert_eq!(answer.headers[header::CACHE_CONTROL], "private, max-age=60");
    assert_eq!(answer.headers[header::VARY], "Cookie, Accept-Language");
}

#[tokio::test]
async fn errors_when_the_query_names_an_unknown_zone_view_or_date() {
    let state = state(example_site());
    let zone = get(&state, "/calendar?tz=Europe/Madird").await;
    assert_eq!(zone.status, StatusCode::BAD_REQUEST);
    assert!(
        zone.body.contains("Europe/Madrid"),
        "suggests the right name"
    );
    let view = get(&state, "/calendar?view=year").await;
    assert_eq!(view.status, StatusCode::BAD_REQUEST);
    assert!(view.body.contains("agenda, week or month"));
    let date = get(&state, "/calendar?date=3/12/2026").await;
    assert_eq!(date.status, StatusCode::BAD_REQUEST);
    let planner = get(&state, "/planner?at=tomorrow").await;
    assert_eq!(planner.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn can_list_the_agenda_in_the_viewers_zone_with_cancellations_and_reasons() {
    let answer = get(
        &state(example_site()),
        "/calendar?view=agenda&date=2026-12-21&source=community&tz=Asia/Tokyo",
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    let agenda = text(&answer.body, r#"<p class="today-link">"#, "</main>");
    insta::assert_snapshot!("agenda_tokyo_community_from_2026_12_21", agenda);
    assert!(answer.body.contains(r#"<li class="occ cancelled">"#));
}

#[tokio::test]
async fn can_show_a_week_of_seven_days_and_a_month_grid() {
    let state = state(example_site());
    let week = get(
        &state,
        "/calendar?view=week&date=2026-12-23&source=community",
    )
    .await;
    assert_eq!(week.body.matches(r#"<section class="wk-day"#).count(), 7);
    insta::assert_snapshot!(
        "week_of_2026_12_21_utc",
        text(&week.body, r#"<div class="wk-scroll""#, "</main>")
    );
    let month = get(&state, "/calendar?view=month&date=2026-12-09").await;
    assert!(month.body.contains("December 2026"));
    // Mon 30 Nov .. Sun 3 Jan: five weeks.
    assert_eq!(month.body.matches("<td class=").count(), 35);
    assert!(
        month
            .body
            .contains(r#"href="/calendar/month?date=2027-01-01""#)
    );
    assert!(
        month
            .body
            .contains(r#"href="/calendar/month?date=2026-11-01""#)
    );
}

#[tokio::test]
async fn can_filter_the_calendar_per_source_and_per_group() {
    let state = state(example_site());
    let openssf = get(&state, "/calendar?date=2026-11-25&source=openssf").await;
    assert!(openssf.body.contains("(OpenSSF)"));
    assert!(!openssf.body.contains("(OpenChain)"));
    assert!(!openssf.body.contains(r#"class="title" href="/series/"#));
    assert!(
        openssf
            .body
            .contains(r#"name="source" value="openssf" checked"#)
    );
    let group = get(&state, "/calendar?date=2026-11-25&group=oss-in-business").await;
    assert!(group.body.contains("OSS in Business Working Group call"));
    assert!(!group.body.contains("APAC &amp; EMEA Touchpoint</a>"));
    assert!(!group.body.contains("(OpenSSF)"));
}

#[tokio::test]
async fn can_mark_what_is_happening_now_and_what_starts_soon() {
    let soon = get(&at("2026-11-26T10:00:00Z"), "/calendar?source=community").await;
    assert!(
        soon.body
            .contains(r#"<strong class="marker">Starts in 2 h</strong>"#)
    );
    let now = get(&at("2026-11-26T12:30:00Z"), "/calendar?source=community").await;
    assert!(
        now.body
            .contains(r#"<strong class="marker now">Happening now</strong>"#)
    );
}

#[tokio::test]
async fn can_show_a_series_with_next_and_past_dates_and_add_to_calendar_links() {
    let answer = get(
        &state(example_site()),
        "/series/touchpoint-apac-emea?tz=America/Los_Angeles",
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    let page = &answer.body;
    let next = text(page, r#"<h2 id="next-h">"#, "</section>");
    insta::assert_snapshot!("series_apac_emea_next_in_los_angeles", next);
    assert!(page.contains("dates=20261126T120000Z/20261126T130000Z"));
    assert!(page.contains(r#"href="/series/touchpoint-apac-emea/2026-11-26.ics""#));
    assert!(page.contains(r#"href="/series/touchpoint-apac-emea.ics""#));
    assert!(page.contains(r#"href="/planner?series=touchpoint-apac-emea""#));
    // The past: every Thursday back from 19 Nov.
    let past = text(page, r#"<h2 id="past-h">"#, "</section>");
    assert!(
        past.starts_with("Past dates Thu 19 Nov 2026, 04:00–05:00"),
        "{past}"
    );
}

#[tokio::test]
async fn can_serve_the_series_feed_and_one_occurrence_from_the_same_paths() {
    let state = state(example_site());
    let feed = get(&state, "/series/touchpoint-apac-emea.ics").await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(feed.content_type.starts_with("text/calendar"));
    assert!(feed.body.contains("RRULE:FREQ=WEEKLY"));

    let one = get(&state, "/series/touchpoint-apac-emea/2026-11-26.ics").await;
    assert_eq!(one.status, StatusCode::OK);
    assert!(
        one.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let parsed = touchpoint_calendar::parse(one.body.as_bytes())
        .unwrap()
        .calendar;
    assert_eq!(parsed.events.len(), 1);
    let event = &parsed.events[0];
    assert!(event.rrules.is_empty());
    assert_eq!(event.start.to_json_string(), "2026-11-26T12:00:00+00:00");
    assert_eq!(event.summary.as_deref(), Some("APAC & EMEA Touchpoint"));

    // The AMER & EMEA Touchpoint of 21 Dec moves to Thu 17 Dec, 17:00.
    let moved = get(&state, "/series/touchpoint-amer-emea/2026-12-21.ics").await;
    let moved = touchpoint_calendar::parse(moved.body.as_bytes())
        .unwrap()
        .calendar;
    assert_eq!(
        moved.events[0].start.to_json_string(),
        "2026-12-17T17:00:00+00:00"
    );

    for missing in [
        "/series/touchpoint-apac-emea/2026-12-24.ics", // cancelled
        "/series/touchpoint-apac-emea/2026-11-25.ics", // not a meeting day
        "/series/nope",
        "/series/nope.ics",
    ] {
        assert_eq!(
            get(&state, missing).await.status,
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
}

#[tokio::test]
async fn can_answer_a_calendar_path_of_an_unknown_kind_with_the_404_page() {
    let state = state(example_site());
    assert_eq!(
        get(&state, "/calendar/week/source/openssf").await.status,
        StatusCode::OK
    );
    let unknown = get(&state, "/calendar/week/colour/openssf").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    // The site's own 404 page, with its way back, not an empty body.
    assert!(unknown.body.contains("There is no page at this address."));
    assert!(unknown.body.contains("Back to the meetings page"));
}

#[tokio::test]
async fn can_list_working_groups_as_cards_with_their_next_meeting() {
    let state = state(example_site());
    let groups = get(&state, "/groups?tz=Europe/Madrid").await;
    assert_eq!(groups.status, StatusCode::OK);
    let cards = text(&groups.body, r#"<div class="cards">"#, "</main>");
    insta::assert_snapshot!("groups_in_madrid", cards);
    assert!(
        groups
            .body
            .contains(r#"href="/groups/oss-in-business.ics""#)
    );
    // The OSPO Book group has no series: nothing to subscribe to.
    assert!(!groups.body.contains(r#"href="/groups/ospo-book.ics""#));

    let group = get(&state, "/groups/chaoss-ospo-metrics?tz=Asia/Tokyo").await;
    assert_eq!(group.status, StatusCode::OK);
    assert!(
        group
            .body
            .contains("CHAOSS OSPO Metrics Working Group call")
    );
    // Wed 2 Dec 09:00 in Los Angeles is Thu 3 Dec 02:00 in Tokyo.
    assert!(group.body.contains("Thu 3 Dec 2026, 02:00–03:00"));
    let feed = get(&state, "/groups/chaoss-ospo-metrics.ics").await;
    assert!(feed.content_type.starts_with("text/calendar"));
    assert_eq!(
        get(&state, "/groups/nope").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn can_plan_a_meeting_across_cities_and_flag_the_weeks_us_and_eu_clocks_disagree() {
    let state = state(example_site());
    let answer = get(
        &state,
        "/planner?at=2027-03-16T17:00&zone=Europe/Berlin&cities=Europe/Berlin,America/New_York,Asia/Tokyo",
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    let plan = text(&answer.body, r#"<table class="plan">"#, "</table>");
    assert!(
        plan.contains("Berlin × 17:00–18:00 Tue · UTC+1 Europe/Berlin · Working hours"),
        "{plan}"
    );
    assert!(
        plan.contains("New York × 12:00–13:00 Tue · UTC−4 America/New_York · Working hours"),
        "{plan}"
    );
    let shifts = text(&answer.body, r#"<h2 id="dst-h">"#, "</section>");
    insta::assert_snapshot!("planner_berlin_1700_from_2027_03_16", shifts);

    let series = get(
        &state,
        "/planner?series=oss-in-business-call&cities=Europe/Madrid,America/New_York,Nowhere/City",
    )
    .await;
    assert!(series.body.contains("Clocks disagree"));
    assert!(series.body.contains("Tue 23 Mar 2027"));
    assert!(
        series
            .body
            .contains("Unknown cities left out: Nowhere/City")
    );
    // The share link keeps the known cities only, form-encoded as the planner's form sends them.
    assert!(series.body.contains(
        r#"href="/planner?series=oss-in-business-call&amp;cities=Europe%2FMadrid%2CAmerica%2FNew_York""#
    ));
}

#[tokio::test]
async fn can_serve_the_script_and_zone_list_with_cache_headers() {
    let state = state(example_site());
    // The bare address, as pages from before versions name it: kept minutes, not a day.
    let js = get(&state, "/assets/site.js").await;
    assert!(js.content_type.starts_with("text/javascript"));
    assert_eq!(js.headers[header::CACHE_CONTROL], "public, max-age=300");
    // The address pages name now, with the version of its bytes: kept a year.
    let version = &touchpoint_site::assets::get("/assets/site.js")
        .unwrap()
        .version;
    let kept = get(&state, &format!("/assets/site.js?v={version}")).await;
    assert_eq!(
        kept.headers[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(kept.body, js.body);
    assert!(js.body.contains("Intl.DateTimeFormat"));
    let zones = get(&state, "/assets/zones.json").await;
    let names: Vec<String> = serde_json::from_str(&zones.body).unwrap();
    assert!(names.len() > 300);
    assert!(names.iter().any(|n| n == "America/Sao_Paulo"));
}

#[tokio::test]
async fn can_keep_the_home_page_small_and_free_of_other_origins() {
    let answer = get(&state(example_site()), "/").await;
    assert!(
        answer.body.len() < 100 * 1024,
        "{} bytes",
        answer.body.len()
    );
    for tag in ["<script", "<link", "<img", "<iframe"] {
        for (i, _) in answer.body.match_indices(tag) {
            let end = answer.body[i..].find('>').unwrap() + i;
            let element = &answer.body[i..end];
            assert!(
                !element.contains("http://")
                    && !element.contains("https://")
                    && !element.contains("src=\"//"),
                "loads from another origin: {element}"
            );
        }
    }
}

/// Every page function, rendered for a site under a sub-path, links inside that sub-path.
#[test]
fn can_render_every_page_under_a_sub_path() {
    let mut site: Site = example_site();
    site.base_path = "/meetings".to_owned();
    let viewer = Viewer::from_query(Some("Asia/Tokyo"), site.default_tz()).unwrap();
    let now = common::now();
    let pages = [
        html::home(&site, &viewer, now),
        html::calendar(
            &site,
            &viewer,
            now,
            &CalendarParams::from_query("view=month").unwrap(),
        ),
        html::series(&site, &viewer, now, "touchpoint-apac-emea").unwrap(),
        html::groups(&site, &viewer, now),
        html::group(&site, &viewer, now, "oss-in-business").unwrap(),
        html::planner(&site, &viewer, now, &PlannerParams::default()),
    ];
    for page in pages {
        let page = page.into_string();
        for attr in ["href=\"/", "src=\"/", "action=\"/", "data-src=\"/"] {
            for (i, _) in page.match_indices(attr) {
                let rest = &page[i + attr.len() - 1..];
                assert!(
                    rest.starts_with("/meetings/") || rest.starts_with("/meetings\""),
                    "{}",
                    &rest[..rest.len().min(60)]
                );
            }
        }
    }
}
