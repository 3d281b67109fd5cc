//! Issue 17 §2: join links that bots cannot harvest. A community with a series of each
//! `join_visibility`, an outside calendar left at its default (near-start) and one shared by
//! registration is served through the real router at clocks before, inside and after the
//! near-start window, and exported as `touchpoint build` does: every path `paths::every`
//! makes, the API with queries, every feed and every exported file is searched for the join
//! links that are not public.

mod common;

use std::sync::Arc;

use common::{Answer, get, record};
use jiff::Timestamp;
use touchpoint::app::{self, Loaded};
use touchpoint::cli::ConfigArgs;
use touchpoint::server::AppState;
use touchpoint::server::hub::{HubState, hub_router};
use touchpoint_community::hub::HubInfo;
use touchpoint_site::{Site, export, paths};

const FILE: &str = r#"[community]
name = "Join test"
timezone = "UTC"
url = "https://join.example.org/"

[[series]]
id = "open"
title = "Open call"
timezone = "UTC"
start = "09:00"
duration = "1h"
repeat = "weekly on Thursday"
first = 2026-11-26
join = "https://zoom.us/j/1110000001"

[[series]]
id = "soon"
title = "Near-start call"
timezone = "UTC"
start = "12:00"
duration = "1h"
repeat = "weekly on Thursday"
first = 2026-11-26
join = "https://zoom.us/j/2220000002"
join_visibility = "near-start"
contact = "mailto:soon@example.org"

[[series]]
id = "gated"
title = "Registration call"
timezone = "UTC"
start = "14:00"
duration = "1h"
repeat = "weekly on Thursday"
first = 2026-11-26
join = "https://zoom.us/j/3330000003"
join_visibility = "registration"
register = "https://lfx.example/register/gated"

[[series]]
id = "secret"
title = "Hidden call"
timezone = "UTC"
start = "16:00"
duration = "1h"
repeat = "weekly on Thursday"
first = 2026-11-26
join = "https://zoom.us/j/4440000004"
join_visibility = "hidden"
contact = "mailto:secret@example.org"

[[calendars]]
id = "upstream"
name = "Upstream"
path = "upstream.ics"

[[calendars]]
id = "lfx"
name = "LFX"
path = "lfx.ics"
join_visibility = "registration"
register = "https://lfx.example/register/cal"
"#;

/// An outside event at 12:00 UTC on Thursday 26 November with a Zoom invitation (link,
/// passcode, meeting ID, one-tap dial string) in its description and a Meet link as LOCATION.
const UPSTREAM: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n\
BEGIN:VEVENT\r\nUID:up-1@upstream.test\r\nDTSTART:20261126T120000Z\r\nDURATION:PT1H\r\n\
RRULE:FREQ=WEEKLY\r\nSUMMARY:Upstream sync\r\n\
LOCATION:https://meet.google.com/out-side-mtg\r\n\
DESCRIPTION:Agenda: https://docs.example.org/up\\nJoin Zoom Meeting\\nhttps://zoom.us/j/555\r\n 0001111?pwd=OUTSIDEPWD\\nMeeting ID: 555 000 1111\\nPasscode: 990011\\n\
One tap mobile\\n+16699006833\\,\\,5550001111# US\r\n\
END:VEVENT\r\nEND:VCALENDAR\r\n";

/// An outside event whose URL is its Zoom link, in a calendar shared by registration.
const LFX: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n\
BEGIN:VEVENT\r\nUID:lfx-1@lfx.test\r\nDTSTART:20261126T180000Z\r\nDURATION:PT1H\r\n\
RRULE:FREQ=WEEKLY\r\nSUMMARY:LFX meeting\r\nURL:https://zoom.us/j/5550002222\r\n\
DESCRIPTION:Project call. Join: https://zoom.us/j/5550002222\r\n\
END:VEVENT\r\nEND:VCALENDAR\r\n";

/// What must never be published: the join links that are not public, and the ways into the
/// outside meeting its invitation gave (the Zoom link in its description is not its join link:
/// LOCATION comes first).
const NEVER: [&str; 7] = [
    "3330000003",
    "4440000004",
    "5550001111",
    "OUTSIDEPWD",
    "990011",
    "5550002222",
    "555 000 1111",
];
/// The near-start links, of the series and of the outside event: on the served pages inside
/// their window only.
const NEAR_START: [&str; 2] = ["2220000002", "out-side-mtg"];
const SOON: &str = NEAR_START[0];

fn load() -> (Loaded, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("touchpoint.toml");
    std::fs::write(&config, FILE).unwrap();
    std::fs::write(dir.path().join("upstream.ics"), UPSTREAM).unwrap();
    std::fs::write(dir.path().join("lfx.ics"), LFX).unwrap();
    let loaded = app::load_community(&ConfigArgs {
        config: Some(config),
        ..Default::default()
    })
    .unwrap_or_else(|e| panic!("{e}"));
    (loaded, dir)
}

fn site(loaded: &Loaded) -> Site {
    let records = [
        record("upstream", UPSTREAM.as_bytes()),
        record("lfx", LFX.as_bytes()),
    ];
    let mut site = app::site_from_records(loaded, &records);
    site.set_public_url("https://join.example.org/").unwrap();
    site
}

fn at(instant: &str) -> Timestamp {
    instant.parse().unwrap()
}

/// Every path the site makes, plus the API with queries, the one-occurrence downloads and
/// the embed with its options.
fn uris(site: &Site, now: Timestamp) -> Vec<String> {
    let mut uris: Vec<String> = paths::every(site, now)
        .iter()
        .map(ToString::to_string)
        .collect();
    uris.extend(
        [
            "/api/v1/occurrences?from=2026-11-20&to=2026-12-31",
            "/api/v1/occurrences?from=2026-11-26&to=2026-11-27&source=upstream",
            "/api/v1/occurrences?from=2026-11-26&to=2026-11-27&series=soon",
            "/api/v1/series/soon",
            "/api/v1/series/gated",
            "/embed/upcoming?limit=20",
            "/calendar?view=agenda&date=2026-11-26",
            "/calendar?view=week&date=2026-11-26",
            "/calendar?view=month&date=2026-11-26",
            "/series/soon/2026-11-26.ics",
            "/series/gated/2026-11-26.ics",
            "/series/secret/2026-11-26.ics",
        ]
        .map(str::to_owned),
    );
    uris
}

async fn walk(state: &AppState, uris: &[String]) -> Vec<(String, Answer)> {
    let mut answers = Vec::new();
    for uri in uris {
        let answer = get(state, uri).await;
        assert!(answer.status.is_success(), "{uri}: {}", answer.status);
        answers.push((uri.clone(), answer));
    }
    answers
}

fn leaks<'a>(answers: &'a [(String, Answer)], needle: &str) -> Vec<&'a str> {
    answers
        .iter()
        .filter(|(_, answer)| answer.body.replace("\r\n ", "").contains(needle))
        .map(|(uri, _)| uri.as_str())
        .collect()
}

/// No answer carries a join link that is not public; feeds, the API, embeds and downloads
/// never carry a near-start link either, inside its window too.
fn assert_nothing_gated_published(answers: &[(String, Answer)], now: Timestamp) {
    assert!(answers.len() > 40, "{} routes", answers.len());
    for secret in NEVER {
        let found = leaks(answers, secret);
        assert!(found.is_empty(), "{secret} at {now} in {found:?}");
    }
    for near in NEAR_START {
        let published: Vec<&str> = leaks(answers, near)
            .into_iter()
            .filter(|uri| {
                let answer = &answers.iter().find(|(u, _)| u == uri).unwrap().1;
                !answer.content_type.starts_with("text/html") || uri.contains("/embed")
            })
            .collect();
        assert!(published.is_empty(), "{near} at {now} in {published:?}");
    }
}

fn clock(instant: Timestamp) -> touchpoint::server::Clock {
    Arc::new(move || instant)
}

#[tokio::test]
async fn never_publishes_a_join_link_that_is_not_public_on_any_route() {
    let (loaded, _dir) = load();
    // Before the window, inside it and after the meeting.
    for now in [
        "2026-11-26T11:40:00Z",
        "2026-11-26T11:50:00Z",
        "2026-11-26T13:05:00Z",
    ] {
        let now = at(now);
        let site = site(&loaded);
        let uris = uris(&site, now);
        let answers = walk(&AppState::new(site, clock(now)), &uris).await;
        assert_nothing_gated_published(&answers, now);
    }
}

#[tokio::test]
async fn shows_a_near_start_link_on_the_pages_only_inside_its_window() {
    let (loaded, _dir) = load();
    let page = |now: &'static str, uri: &'static str| {
        let site = site(&loaded);
        async move { get(&AppState::new(site, clock(at(now))), uri).await.body }
    };
    for uri in ["/", "/series/soon", "/calendar?view=agenda&date=2026-11-26"] {
        // Opens 15 minutes before 12:00, closes at the end (13:00).
        for (now, shown) in [
            ("2026-11-26T11:44:00Z", false),
            ("2026-11-26T11:45:00Z", true),
            ("2026-11-26T12:59:00Z", true),
        ] {
            let body = page(now, uri).await;
            assert_eq!(body.contains(SOON), shown, "{uri} at {now}");
            if !shown && uri != "/calendar?view=agenda&date=2026-11-26" {
                assert!(
                    body.contains("Join link here 15 minutes before the start")
                        || body.contains("Join link shown on this site 15 minutes before"),
                    "{uri} at {now} says when the link shows"
                );
            }
        }
    }
    // The outside calendar's near-start link too, which its feed and the API never carry.
    let agenda = "/calendar?view=agenda&date=2026-11-26";
    let inside = page("2026-11-26T11:50:00Z", agenda).await;
    assert!(inside.contains(r#"href="https://meet.google.com/out-side-mtg""#));
    let before = page("2026-11-26T11:40:00Z", agenda).await;
    assert!(!before.contains("out-side-mtg"));
    // Registration: the register link, at any time; hidden: whom to ask.
    let series = page("2026-11-26T11:40:00Z", "/series/gated").await;
    assert!(series.contains(r#"href="https://lfx.example/register/gated""#));
    assert!(series.contains("Register to join"));
    let series = page("2026-11-26T15:58:00Z", "/series/secret").await;
    assert!(series.contains(r#"href="mailto:secret@example.org""#));
    assert!(series.contains("Ask for the join link"));
}

#[tokio::test]
async fn publishes_the_register_link_in_feeds_and_the_api_instead() {
    let (loaded, _dir) = load();
    let now = at("2026-11-26T11:50:00Z");
    let state = AppState::new(site(&loaded), clock(now));
    let feed = get(&state, "/series/gated.ics")
        .await
        .body
        .replace("\r\n ", "");
    assert!(
        feed.contains("URL:https://lfx.example/register/gated"),
        "{feed}"
    );
    assert!(feed.contains("Register to join: https://lfx.example/register/gated"));
    let feed = get(&state, "/sources/lfx.ics")
        .await
        .body
        .replace("\r\n ", "");
    assert!(
        feed.contains("URL:https://lfx.example/register/cal"),
        "{feed}"
    );
    let soon = get(&state, "/series/soon.ics")
        .await
        .body
        .replace("\r\n ", "");
    assert!(soon.contains("The join link is shown on the meetings page from 15 minutes"));
    let api: serde_json::Value = serde_json::from_str(
        &get(
            &state,
            "/api/v1/occurrences?from=2026-11-26&to=2026-11-27&tz=UTC",
        )
        .await
        .body,
    )
    .unwrap();
    let by_title = |title: &str| {
        api["occurrences"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["title"] == title)
            .unwrap_or_else(|| panic!("{title} listed"))
            .clone()
    };
    let gated = by_title("Registration call");
    assert_eq!(gated["join_visibility"], "registration");
    assert_eq!(gated["register"], "https://lfx.example/register/gated");
    assert_eq!(gated["join_url"], serde_json::Value::Null);
    assert_eq!(
        by_title("Open call")["join_url"],
        "https://zoom.us/j/1110000001"
    );
    assert_eq!(by_title("Near-start call")["join_visibility"], "near-start");
    assert_eq!(
        by_title("LFX meeting")["register"],
        "https://lfx.example/register/cal"
    );
    let upstream = by_title("Upstream sync");
    assert_eq!(upstream["join_url"], serde_json::Value::Null);
    assert_eq!(
        upstream["description"],
        "Agenda: https://docs.example.org/up\nJoin Zoom Meeting\n\
         [join link on the meetings page from 15 minutes before the start]"
    );
}

#[test]
fn never_exports_a_join_link_that_is_not_public() {
    let (loaded, _dir) = load();
    // Inside the near-start window: the export cannot know when it is read, so never.
    let files = export::render(&site(&loaded), at("2026-11-26T11:50:00Z"));
    assert!(files.len() > 40, "{} files", files.len());
    for secret in NEVER.iter().chain(&NEAR_START) {
        let found: Vec<&str> = files
            .iter()
            .filter(|f| {
                String::from_utf8_lossy(&f.body)
                    .replace("\r\n ", "")
                    .contains(secret)
            })
            .map(|f| f.path.as_str())
            .collect();
        assert!(found.is_empty(), "{secret} exported in {found:?}");
    }
    let series = files
        .iter()
        .find(|f| f.path == "series/soon/index.html")
        .unwrap();
    let text = String::from_utf8_lossy(&series.body);
    assert!(text.contains("Join link shown on this site 15 minutes before each meeting"));
    // The public link is exported as it always was.
    assert!(
        files
            .iter()
            .any(|f| String::from_utf8_lossy(&f.body).contains("https://zoom.us/j/1110000001"))
    );
}

/// GET `uri` through a hub's router, as [`get`] does through one community's.
async fn hub_get(hub: &HubState, uri: &str) -> (String, Answer) {
    use tower::ServiceExt;
    let request = axum::http::Request::get(uri)
        .body(axum::body::Body::empty())
        .unwrap();
    let response = hub_router(hub.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap_or_default().to_owned())
        .unwrap_or_default();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), 64 << 20)
        .await
        .unwrap();
    let answer = Answer {
        status,
        content_type,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    };
    (uri.to_owned(), answer)
}

#[tokio::test]
async fn never_publishes_a_join_link_that_is_not_public_through_a_hub() {
    let (loaded, _dir) = load();
    let records = [
        record("upstream", UPSTREAM.as_bytes()),
        record("lfx", LFX.as_bytes()),
    ];
    for (now, window_open) in [
        ("2026-11-26T11:40:00Z", false),
        ("2026-11-26T11:50:00Z", true),
        ("2026-11-26T13:05:00Z", false),
    ] {
        let now = at(now);
        let mut site = app::site_from_records(&loaded, &records);
        site.base_path = "/join".to_owned();
        let hub = HubState::new(HubInfo::named("Join hub"), "", Vec::new(), clock(now));
        let mut uris: Vec<String> = uris(&site, now)
            .into_iter()
            .map(|uri| format!("/join{uri}"))
            .collect();
        hub.set_member("join", AppState::new(site, clock(now)).mounted_at("/join"));
        // The hub's own pages, feed and API span every community.
        uris.extend(
            [
                "/",
                "/calendar",
                "/calendar?community=join",
                "/all.ics",
                "/all.ics?community=join",
                "/api/v1/occurrences?from=2026-11-20&to=2026-12-31",
                "/api/v1/occurrences?from=2026-11-26&to=2026-11-27&community=join",
                "/api/v1/communities",
            ]
            .map(str::to_owned),
        );
        let mut answers = Vec::new();
        for uri in &uris {
            let (uri, answer) = hub_get(&hub, uri).await;
            assert!(answer.status.is_success(), "{uri}: {}", answer.status);
            answers.push((uri, answer));
        }
        // The hub's spanning answers do list the gated meetings, so the walk reads them.
        for uri in [
            "/calendar",
            "/all.ics",
            "/api/v1/occurrences?from=2026-11-20&to=2026-12-31",
        ] {
            let answer = &answers.iter().find(|(u, _)| u == uri).unwrap().1;
            for title in [
                "Near-start call",
                "Registration call",
                "Hidden call",
                "LFX meeting",
            ] {
                assert!(answer.body.contains(title), "{uri} at {now} lacks {title}");
            }
        }
        assert_nothing_gated_published(&answers, now);
        // The community's own home under its prefix shows the near-start link in its window
        // only, served through the hub as alone.
        let (_, home) = hub_get(&hub, "/join/").await;
        assert_eq!(home.body.contains(SOON), window_open, "/join/ at {now}");
    }
}
