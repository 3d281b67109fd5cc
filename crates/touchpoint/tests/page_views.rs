//! Issue 16, points 7 and 8: "Next up" at the top of `/` and the calendar's week (an hour grid)
//! and month views. Exact checks go through the real router in-process at fixed "nows"; one
//! test runs a real `touchpoint serve` and reads the same pages over HTTP with the pages'
//! policy. The layout rules themselves (lanes, wall-clock positions, DST days, the default
//! week) are unit-tested in touchpoint_site::timegrid; the same pages in Chromium:
//! tests/browser/page_views.test.mjs.

mod common;

use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::{StatusCode, header};
use common::{example_site, get, get_with};
use jiff::Timestamp;
use touchpoint::app;
use touchpoint::cli::ConfigArgs;
use touchpoint::server::AppState;
use touchpoint_site::Site;

/// Three meetings overlapping on Wednesdays at noon UTC (one with a join link), a fourth in the
/// evening, and a Sunday call anchored in Berlin, whose clocks go forward on 28 March 2027.
const VIEWS: &str = r#"[community]
name = "Views"
timezone = "UTC"

[[series]]
id = "standup"
title = "Standup"
timezone = "UTC"
start = "12:00"
duration = "1h"
repeat = "weekly on Wednesday"
first = 2027-03-03
join = "https://meet.jit.si/TouchpointStandup"

[[series]]
id = "retro"
title = "Retro"
timezone = "UTC"
start = "12:15"
duration = "30m"
repeat = "weekly on Wednesday"
first = 2027-03-03

[[series]]
id = "review"
title = "Review"
timezone = "UTC"
start = "12:30"
duration = "1h"
repeat = "weekly on Wednesday"
first = 2027-03-03

[[series]]
id = "late"
title = "Late show"
timezone = "UTC"
start = "19:00"
duration = "30m"
repeat = "weekly on Wednesday"
first = 2027-03-03

[[series]]
id = "sunday-call"
title = "Sunday call"
timezone = "Europe/Berlin"
start = "10:00"
duration = "1h"
repeat = "weekly on Sunday"
first = 2027-03-07
"#;

/// Community file `toml` in a folder of its own (kept while the returned guard lives).
fn community_file(toml: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("touchpoint.toml");
    std::fs::write(&path, toml).unwrap();
    (dir, path)
}

/// The test community in a folder of its own.
fn views_file() -> (tempfile::TempDir, std::path::PathBuf) {
    community_file(VIEWS)
}

/// The site of community file `toml`.
fn site_of(toml: &str) -> Site {
    let (_dir, path) = community_file(toml);
    let loaded = app::load_community(&ConfigArgs {
        config: Some(path),
        ..ConfigArgs::default()
    })
    .expect("the test community is valid");
    app::site_from_records(&loaded, &[])
}

fn views_site() -> Site {
    site_of(VIEWS)
}

fn at(site: Site, now: &str) -> AppState {
    let now: Timestamp = now.parse().unwrap();
    AppState::new(site, Arc::new(move || now))
}

/// The markup of the first element opened by `start` up to its first `end` after it.
fn element<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in the page"));
    let to = html[from..]
        .find(end)
        .map_or(html.len(), |i| from + i + end.len());
    &html[from..to]
}

/// The `<li>` entries of the "Next up" section.
fn next_up_entries(html: &str) -> Vec<&str> {
    let section = element(html, r#"<section class="next-up""#, "</section>");
    section
        .split(r#"<li class="up"#)
        .skip(1)
        .map(|entry| entry.split("</li>").next().unwrap())
        .collect()
}

/// The `<li>` of the week grid's event titled `title` in the column of `date`.
fn week_event<'a>(html: &'a str, date: &str, title: &str) -> &'a str {
    element(html, &format!(r#"data-date="{date}""#), "</section>")
        .split(r#"<li class="ev "#)
        .skip(1)
        .map(|li| li.split("</li>").next().unwrap())
        .find(|li| li.contains(&format!(">{title}<")))
        .unwrap_or_else(|| panic!("no {title} on {date}"))
}

#[tokio::test]
async fn can_show_the_next_meeting_in_the_viewers_zone_with_a_countdown() {
    // Thu 26 Nov 2026, 09:46 UTC: the APAC & EMEA Touchpoint starts at 12:00 UTC.
    let state = at(example_site(), "2026-11-26T09:46:00Z");
    let home = get(&state, "/?tz=Asia/Tokyo").await;
    assert_eq!(home.status, StatusCode::OK);
    let entries = next_up_entries(&home.body);
    assert!(entries.len() >= 3, "{} entries", entries.len());
    let first = entries[0];
    // (The entry is not hidden; a note inside it may be: "clocks changed", for the script.)
    assert!(!first.starts_with("\" hidden"), "{first}");
    assert!(first.contains(r#"data-start="2026-11-26T12:00:00Z""#));
    assert!(first.contains(r#"data-end="2026-11-26T13:00:00Z""#));
    assert!(first.contains("<strong class=\"countdown\" data-countdown>in 2 h 14 min</strong>"));
    // 12:00 UTC is 21:00 in Tokyo.
    assert!(first.contains("Thu 26 Nov 2026, 21:00–22:00"), "{first}");
    assert!(first.contains(">APAC &amp; EMEA Touchpoint</a>"));
    // Add to calendar: Google's template with the occurrence's instants, and its own .ics.
    assert!(first.contains("dates=20261126T120000Z/20261126T130000Z"));
    assert!(first.contains(r#"href="/series/touchpoint-apac-emea/2026-11-26.ics" download"#));
    // The example's series have no public join link: no Join.
    assert!(!first.contains("join-button"));
    // Only the first is shown; the rest wait for the script on a page left open.
    assert!(
        entries[1..]
            .iter()
            .all(|entry| entry.starts_with("\" hidden"))
    );
    let ics = get(&state, "/series/touchpoint-apac-emea/2026-11-26.ics").await;
    assert_eq!(ics.status, StatusCode::OK);
    assert!(
        ics.body.contains("DTSTART:20261126T120000Z"),
        "{}",
        ics.body
    );
}

#[tokio::test]
async fn can_say_happening_now_and_show_the_following_meeting() {
    let state = at(example_site(), "2026-11-26T12:30:00Z");
    let home = get(&state, "/").await;
    let entries = next_up_entries(&home.body);
    assert!(entries[0].starts_with(" now\""), "{}", entries[0]);
    assert!(entries[0].contains("data-countdown>happening now<"));
    // The following one, Mon 30 Nov 17:00 UTC, is shown below it.
    assert!(!entries[1].starts_with("\" hidden"));
    assert!(entries[1].contains(r#"data-start="2026-11-30T17:00:00Z""#));
    assert!(entries[1].contains("data-countdown>in 4 days<"));
    assert!(entries[2].starts_with("\" hidden"));
}

#[tokio::test]
async fn can_say_when_the_next_meeting_was_moved_from() {
    // The AMER & EMEA Touchpoint of Mon 21 Dec moves to Thu 17 Dec, 17:00 UTC.
    let state = at(example_site(), "2026-12-17T13:30:00Z");
    let home = get(&state, "/").await;
    let first = next_up_entries(&home.body)[0];
    assert!(
        first.contains(r#"data-start="2026-12-17T17:00:00Z""#),
        "{first}"
    );
    assert!(
        first.contains(r#"data-moved-from="2026-12-21T17:00:00Z""#),
        "{first}"
    );
    assert!(first.contains("Mon 21 Dec"), "{first}");
}

#[tokio::test]
async fn can_skip_cancelled_dates_in_next_up() {
    // 24 Dec to 1 Jan: every meeting of the example is cancelled for the winter break.
    let state = at(example_site(), "2026-12-24T10:00:00Z");
    let home = get(&state, "/").await;
    let section = element(&home.body, r#"<section class="next-up""#, "</section>");
    assert!(!section.contains("Winter break") && !section.contains("Cancelled"));
    let first = next_up_entries(&home.body)[0];
    assert!(
        first.contains(r#"data-start="2027-01-04T17:00:00Z""#),
        "{first}"
    );
    assert!(first.contains("data-countdown>in 11 days<"));
}

#[tokio::test]
async fn can_offer_join_when_the_series_has_a_public_join_link() {
    let state = at(views_site(), "2027-03-10T11:50:00Z");
    let home = get(&state, "/").await;
    let first = next_up_entries(&home.body)[0];
    assert!(first.contains("data-countdown>in 10 min<"));
    assert!(first.contains(
        r#"<a class="join-button" href="https://meet.jit.si/TouchpointStandup" rel="nofollow noopener">Join"#
    ));
    // Retro and Review have no join link: no Join on theirs.
    for entry in next_up_entries(&home.body) {
        assert_eq!(
            entry.contains("join-button"),
            entry.contains(">Standup</a>"),
            "{entry}"
        );
    }
}

#[tokio::test]
async fn can_keep_the_home_page_small_with_next_up() {
    let home = get(&common::state(example_site()), "/").await;
    assert!(home.body.contains(r#"<section class="next-up""#));
    assert!(home.body.len() < 100 * 1024, "{} bytes", home.body.len());
}

#[tokio::test]
async fn can_start_the_default_week_today_on_a_weekend() {
    // Sat 5 Dec 2026: the seven days from today, not a week of five past days.
    let saturday = at(example_site(), "2026-12-05T10:00:00Z");
    let week = get(&saturday, "/calendar?view=week").await;
    assert_eq!(week.body.matches(r#"<section class="wk-day"#).count(), 7);
    let first = element(&week.body, r#"<section class="wk-day"#, ">");
    assert!(first.contains(r#"data-date="2026-12-05""#), "{first}");
    assert!(week.body.contains(">7 days from Sat 5 Dec 2026<"));
    assert!(
        week.body
            .contains(r#"rel="prev" href="/calendar/week?date=2026-11-30""#)
    );
    assert!(
        week.body
            .contains(r#"rel="next" href="/calendar/week?date=2026-12-14""#)
    );
    // A week asked for by date is Monday to Sunday, and so is today's on a weekday.
    let asked = get(&saturday, "/calendar?view=week&date=2026-12-19").await;
    assert!(asked.body.contains(">Week of Mon 14 Dec 2026<"));
    let wednesday = at(example_site(), "2026-12-02T10:00:00Z");
    let week = get(&wednesday, "/calendar?view=week").await;
    assert!(week.body.contains(">Week of Mon 30 Nov 2026<"));
}

/// A shared link's zone (`?tz=`) stays along the calendar's own links: the next week, another
/// view, and a crowded day's "+N more", which opens the agenda of the day it counted in the zone
/// it counted in. A zone the visitor chose (the cookie) travels by itself and is not added.
#[tokio::test]
async fn can_keep_a_shared_zone_along_the_calendars_own_links() {
    let wednesday = at(example_site(), "2026-12-02T10:00:00Z");
    let shared = get(&wednesday, "/calendar?view=week&tz=Pacific%2FKiritimati").await;
    assert!(
        shared.body.contains(
            r#"rel="next" href="/calendar/week?date=2026-12-07&amp;tz=Pacific%2FKiritimati""#
        ),
        "{}",
        shared.body
    );
    assert!(shared.body.contains(
        r#"<a href="/calendar/month?date=2026-12-03&amp;tz=Pacific%2FKiritimati">Month</a>"#
    ));
    let month = get(&wednesday, "/calendar/month?tz=Pacific%2FKiritimati").await;
    let more = element(&month.body, r#"<a class="more-day""#, ">");
    assert!(more.contains("&amp;tz=Pacific%2FKiritimati"), "{more}");
    let own = get_with(
        &wednesday,
        axum::http::Request::get("/calendar?view=week")
            .header("cookie", "tz=Pacific%2FKiritimati")
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await;
    assert!(own.body.contains(r#"data-tz="Pacific/Kiritimati""#));
    assert!(
        !own.body.contains("&amp;tz="),
        "a cookie's zone added to links"
    );
}

/// A weekly call at 17:00 New York time with an extra meeting at 11:00 on one of its days.
const EXTRA: &str = r#"[community]
name = "Extra"
timezone = "UTC"

[[series]]
id = "contributors"
title = "Contributors"
timezone = "America/New_York"
start = "17:00"
duration = "1h"
repeat = "weekly on Wednesday"
first = 2026-11-04

  [[series.exceptions]]
  date = 2026-12-16
  extra = true
  time = "11:00"
"#;

#[tokio::test]
async fn can_give_an_extra_meeting_on_a_regular_day_a_download_of_its_own() {
    let site = site_of(EXTRA);
    let now = "2026-12-10T12:00:00Z";
    let state = at(site.clone(), now);
    // Both meetings of 16 December are listed, each with the download of its own time: the
    // regular one keeps the date's address, the extra's adds its time.
    let page = get(&state, "/series/contributors").await;
    for file in ["2026-12-16.ics", "2026-12-16T1100.ics"] {
        assert!(
            page.body
                .contains(&format!(r#"href="/series/contributors/{file}""#)),
            "{file}"
        );
    }
    for (file, start) in [
        (
            "2026-12-16.ics",
            "DTSTART;TZID=America/New_York:20261216T170000",
        ),
        (
            "2026-12-16T1100.ics",
            "DTSTART;TZID=America/New_York:20261216T110000",
        ),
        (
            "2026-12-23.ics",
            "DTSTART;TZID=America/New_York:20261223T170000",
        ),
    ] {
        let one = get(&state, &format!("/series/contributors/{file}")).await;
        assert_eq!(one.status, StatusCode::OK, "{file}");
        assert!(one.body.contains(start), "{file}: {}", one.body);
        assert_eq!(one.body.matches("BEGIN:VEVENT").count(), 1, "{file}");
    }
    // The extra says so, in the list and in the agenda; the regular meetings do not.
    assert_eq!(
        page.body.matches("Extra meeting").count(),
        1,
        "{}",
        page.body
    );
    let agenda = get(&state, "/calendar?date=2026-12-14&lang=de").await;
    assert_eq!(
        agenda
            .body
            .matches(r#"class="badge extra">Zusatztermin<"#)
            .count(),
        1
    );
    // No extra at another time, and no time on a regular day.
    for missing in [
        "2026-12-16T1200.ics",
        "2026-12-23T1100.ics",
        "2026-12-16T11.ics",
    ] {
        let one = get(&state, &format!("/series/contributors/{missing}")).await;
        assert_eq!(one.status, StatusCode::NOT_FOUND, "{missing}");
    }
    // The static export writes both, one file each.
    let files = touchpoint_site::export::render(&site, now.parse().unwrap());
    for file in ["2026-12-16.ics", "2026-12-16T1100.ics"] {
        let path = format!("series/contributors/{file}");
        let written: Vec<_> = files.iter().filter(|f| f.path == path).collect();
        assert_eq!(written.len(), 1, "{path}");
    }
}

#[tokio::test]
async fn can_stop_at_the_first_and_last_dates_the_calendar_takes() {
    let state = at(example_site(), "2026-12-02T10:00:00Z");
    // Year 0 is no year a person means: the date's 400, not "Week of Mon 27 Dec -001".
    for view in ["", "/week", "/month"] {
        let zero = get(&state, &format!("/calendar{view}?date=0000-06-01")).await;
        assert_eq!(zero.status, StatusCode::BAD_REQUEST, "{view}");
        assert!(zero.body.contains("is not a date"), "{}", zero.body);
    }
    // At each end, no "Earlier" or "Later" that leads to that 400 or back to the same page.
    for (path, heading) in [
        ("/calendar/week?date=0001-01-03", "Week of Mon 1 Jan 0001"),
        ("/calendar/month?date=0001-01-15", "January 0001"),
        ("/calendar?date=0001-01-01", ""),
    ] {
        let first = get(&state, path).await;
        assert_eq!(first.status, StatusCode::OK, "{path}");
        assert!(first.body.contains(heading), "{path}");
        assert!(!first.body.contains(r#"rel="prev""#), "{path}");
        assert!(first.body.contains(r#"rel="next""#), "{path}");
    }
    for path in [
        "/calendar/week?date=9999-12-29",
        "/calendar/month?date=9999-12-15",
    ] {
        let last = get(&state, path).await;
        assert_eq!(last.status, StatusCode::OK, "{path}");
        assert!(
            !last.body.contains(r#"rel="next""#),
            "{path}: {}",
            last.body
        );
        assert!(last.body.contains(r#"rel="prev""#), "{path}");
    }
    // A day before the end still leads on.
    let before = get(&state, "/calendar/month?date=9999-11-15").await;
    assert!(
        before
            .body
            .contains(r#"rel="next" href="/calendar/month?date=9999-12-01""#)
    );
}

#[tokio::test]
async fn can_lay_out_the_week_on_an_hour_grid_with_overlaps_side_by_side() {
    let state = at(views_site(), "2027-03-10T12:50:00Z");
    let week = get(&state, "/calendar?view=week").await;
    assert!(
        week.body
            .contains(r#"data-from-hour="8" data-to-hour="20""#)
    );
    // Standup 12:00-13:00, Retro 12:15-12:45, Review 12:30-13:30: three lanes. The first hour
    // shown is 08:00, so 12:00 is four hours down.
    let standup = week_event(&week.body, "2027-03-10", "Standup");
    assert!(standup.starts_with("gy4 gm0 gd1 gq0 gl0 gn3"), "{standup}");
    let retro = week_event(&week.body, "2027-03-10", "Retro");
    assert!(retro.starts_with("gy4 gm3 gd0 gq6 gl1 gn3"), "{retro}");
    let review = week_event(&week.body, "2027-03-10", "Review");
    assert!(review.starts_with("gy4 gm6 gd1 gq0 gl2 gn3"), "{review}");
    let late = week_event(&week.body, "2027-03-10", "Late show");
    assert!(late.starts_with("gy11 gm0 gd0 gq6 gl0 gn1"), "{late}");
    // At 12:50 the retro is over, dimmed; the standup and the review are on.
    assert!(retro.contains(" past"));
    assert!(!standup.contains(" past") && !review.contains(" past"));
    // The now line: in today's column at 12:50, 4 h 50 min below 08:00.
    let today = element(&week.body, r#"data-date="2027-03-10""#, "</section>");
    assert!(
        today.contains(r#"<div class="wk-now gy4 gm10" aria-hidden="true">"#),
        "{today}"
    );
    assert_eq!(week.body.matches(r#"class="wk-now"#).count(), 1);
    // Hours down the side, in the viewer's zone.
    let gutter = element(&week.body, r#"<div class="wk-hours">"#, "</div>");
    assert!(gutter.starts_with(r#"<div class="wk-hours"><span>08:00</span>"#));
    assert!(gutter.ends_with("<span>19:00</span></div>"));
}

#[tokio::test]
async fn can_say_a_half_hour_clock_change_in_the_visitors_language() {
    // Lord Howe Island's clocks move by 30 minutes: a 23.5-hour day, and a 24.5-hour one that
    // a count of whole hours took for an ordinary day.
    let state = common::state(common::example_site());
    let sunday = |body: &str, date: &str| {
        element(body, &format!(r#"data-date="{date}""#), "</h3>").to_owned()
    };
    let forward = "/calendar?view=week&date=2027-10-03&tz=Australia/Lord_Howe";
    let page = get(&state, forward).await;
    assert!(sunday(&page.body, "2027-10-03").contains("Clocks change: 23.5 hours"));
    let back = "/calendar?view=week&date=2027-04-04&tz=Australia/Lord_Howe";
    let page = get(&state, back).await;
    assert!(sunday(&page.body, "2027-04-04").contains("Clocks change: 24.5 hours"));
    // Each language writes the number its own way.
    let page = get(&state, &format!("{forward}&lang=de")).await;
    let german = sunday(&page.body, "2027-10-03");
    assert!(german.contains("Zeitumstellung: 23,5 Stunden"), "{german}");
    let page = get(&state, &format!("{forward}&lang=ja")).await;
    let japanese = sunday(&page.body, "2027-10-03");
    assert!(japanese.contains("時刻の切り替え：23.5時間"), "{japanese}");
}

#[tokio::test]
async fn can_place_meetings_on_the_day_berlin_clocks_go_forward() {
    let state = at(views_site(), "2027-03-01T12:00:00Z");
    let berlin = get(
        &state,
        "/calendar?view=week&date=2027-03-28&tz=Europe/Berlin",
    )
    .await;
    let sunday = element(&berlin.body, r#"data-date="2027-03-28""#, "</h3>");
    assert!(sunday.contains("Clocks change: 23 hours"), "{sunday}");
    // 10:00 in Berlin on the 23-hour day is on the 10:00 line, two hours below 08:00, as on
    // any other Sunday.
    let call = week_event(&berlin.body, "2027-03-28", "Sunday call");
    assert!(call.starts_with("gy2 gm0 gd1 gq0"), "{call}");
    assert!(call.contains(">10:00<"));
    let week_after = get(
        &state,
        "/calendar?view=week&date=2027-04-04&tz=Europe/Berlin",
    )
    .await;
    assert!(week_event(&week_after.body, "2027-04-04", "Sunday call").starts_with("gy2 gm0"));
    // The noon UTC standup is 13:00 in Berlin before the change and 14:00 after it.
    assert!(week_event(&berlin.body, "2027-03-24", "Standup").starts_with("gy5 gm0"));
    assert!(week_event(&week_after.body, "2027-03-31", "Standup").starts_with("gy6 gm0"));
    // Seen from UTC the same Sunday call is at 08:00 (CEST) and the day has no note.
    let utc = get(&state, "/calendar?view=week&date=2027-03-28&tz=UTC").await;
    assert!(week_event(&utc.body, "2027-03-28", "Sunday call").starts_with("gy0 gm0"));
    assert!(!utc.body.contains("Clocks change"));
}

#[tokio::test]
async fn can_keep_month_cells_small_with_more_links_to_the_days_agenda() {
    let state = at(views_site(), "2027-03-01T12:00:00Z");
    let month = get(&state, "/calendar?view=month&date=2027-03-10").await;
    // Wednesday 10 March has four meetings: two listed, "+2 more" to that day's agenda.
    let cell = month
        .body
        .split("<td ")
        .find(|td| td.contains("Wed 10 Mar 2027"))
        .unwrap();
    assert_eq!(cell.matches(r#"<li class="occ"#).count(), 2, "{cell}");
    assert!(
        cell.contains(r#"<a class="more-day" href="/calendar?date=2027-03-10">+2 more"#),
        "{cell}"
    );
    // A Sunday with one meeting lists it, with no link.
    let sunday = month
        .body
        .split("<td ")
        .find(|td| td.contains("Sun 14 Mar 2027"))
        .unwrap();
    assert_eq!(sunday.matches(r#"<li class="occ"#).count(), 1);
    assert!(!sunday.contains("more-day"));
}

/// A `touchpoint serve` of the test community, stopped when dropped.
struct Served {
    child: Child,
    addr: SocketAddr,
    _dir: tempfile::TempDir,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve() -> Served {
    let (dir, config) = views_file();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .args(["serve", "--listen", &addr.to_string(), "--config"])
        .arg(&config)
        .arg("--data")
        .arg(dir.path().join("data"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let served = Served {
        child,
        addr,
        _dir: dir,
    };
    let until = Instant::now() + Duration::from_secs(30);
    while fetch(addr, "/healthz").is_err() {
        assert!(
            Instant::now() < until,
            "touchpoint serve did not answer in 30 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    served
}

/// `GET path` on `addr`: (head, body), the body de-chunked.
fn fetch(addr: SocketAddr, path: &str) -> std::io::Result<(String, String)> {
    common::http_get(addr, path, Duration::from_secs(20))
}

#[test]
fn can_serve_next_up_and_the_week_grid_without_inline_script_or_style() {
    let served = serve();
    let (head, home) = fetch(served.addr, "/").unwrap();
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains(&format!("{}: ", header::CONTENT_SECURITY_POLICY))
    );
    // Next up at the real "now" (before the test community's first date): the standup, with
    // its join link, and a countdown in days.
    let first = next_up_entries(&home)[0];
    assert!(
        first.contains(r#"data-start="2027-03-03T12:00:00Z""#),
        "{first}"
    );
    assert!(first.contains("https://meet.jit.si/TouchpointStandup"));
    assert!(first.contains("data-countdown>in "));
    assert!(home.len() < 100 * 1024);
    let (_, week) = fetch(
        served.addr,
        "/calendar?view=week&date=2027-03-28&tz=Europe/Berlin",
    )
    .unwrap();
    assert!(week_event(&week, "2027-03-28", "Sunday call").starts_with("gy2 gm0"));
    let (_, month) = fetch(served.addr, "/calendar?view=month&date=2027-03-10").unwrap();
    assert!(month.contains(">+2 more"));
    for page in [&home, &week, &month] {
        // The policy allows neither: positions are classes, the script is site.js.
        assert!(!page.contains(" style="));
        assert!(!page.contains("<script>") && !page.contains("<script data"));
    }
}
