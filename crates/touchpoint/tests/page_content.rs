//! Issue 16, points 4, 6, 10, 11 and 12: what the pages say about filters, outside events,
//! descriptions, groups and feed health. A real `touchpoint serve` reads outside calendars from
//! a feed server on 127.0.0.1 (a Google-shaped feed with a Meet link, a hostile one, one whose
//! address holds a token); the relative times of the health page are checked in-process at a
//! fixed "now". The same pages in Chromium: tests/browser/page_content.test.mjs.

mod common;

use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::get;
use jiff::civil::{Date, Weekday};
use jiff::{Timestamp, ToSpan};

/// A Google-shaped feed: a daily call whose DESCRIPTION is Google's HTML with the Meet link,
/// with a LOCATION and the event's page as URL.
const GOOGLE: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n\
BEGIN:VEVENT\r\nUID:daily-sync@google.com\r\nDTSTART:20260101T150000Z\r\nDTEND:20260101T160000Z\r\n\
RRULE:FREQ=DAILY\r\nSUMMARY:Upstream daily sync\r\n\
DESCRIPTION:Agenda in the <b>doc</b>: <a href=\"https://docs.example.org/agenda\">agenda</a><br><br>\
Join with Google Meet: <a href=\"https://meet.google.com/abc-defg-hij\">https://meet.google.com/abc\r\n -defg-hij</a><br>Or dial: +1 555-0100\r\n\
LOCATION:Room 4\\, Building B\r\nURL:https://events.example.org/daily-sync\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

/// A hostile feed: markup, script links and a very long description.
fn hostile() -> String {
    let long = "Lorem ipsum dolor sit amet. ".repeat(400);
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Evil//EN\r\n\
BEGIN:VEVENT\r\nUID:evil@evil.test\r\nDTSTART:20260101T180000Z\r\nDURATION:PT1H\r\n\
RRULE:FREQ=DAILY\r\nSUMMARY:<img src=x onerror=alert(1)>Evil call\r\n\
DESCRIPTION:<script>alert(2)</script><a href=\"javascript:alert(3)\">click</a> \
javascript:alert(4) {long}\r\n\
LOCATION:<iframe src=\"javascript:alert(5)\">\r\nURL:javascript:alert(6)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
}

/// Serves `/google.ics`, `/evil.ics` and `/token.ics` (any query) on 127.0.0.1.
fn start_feed_server() -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let evil = hostile();
            let app = Router::new()
                .route("/google.ics", get(|| async { GOOGLE }))
                .route("/token.ics", get(|| async { GOOGLE }))
                .route("/evil.ics", get(move || async move { evil }));
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            axum::serve(listener, app).await.unwrap();
        });
    });
    rx.recv().unwrap()
}

/// The Monday `weeks` weeks before today (UTC).
fn monday_weeks_ago(weeks: i64) -> Date {
    let today = Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date();
    let monday = today.nth_weekday(-1, Weekday::Monday).unwrap();
    monday.checked_sub((weeks * 7).days()).unwrap()
}

const SHARED: &str = "Touchpoints are open sessions to share what works in open source program \
management, offered at two times of day so that every region can join one of them each week.";

fn community(feeds: SocketAddr) -> String {
    let first = monday_weeks_ago(8);
    let noted = monday_weeks_ago(2);
    format!(
        r##"[community]
name = "Content"
timezone = "UTC"

[[series]]
id = "early"
title = "Early Touchpoint"
description = "{SHARED}"
timezone = "UTC"
start = "08:00"
duration = "1h"
repeat = "weekly on Tuesday"
first = 2026-01-06

[[series]]
id = "late"
title = "Late Touchpoint"
description = "{SHARED}"
timezone = "UTC"
start = "20:00"
duration = "1h"
repeat = "weekly on Tuesday"
first = 2026-01-06

[[series]]
id = "docs-call"
title = "Docs call"
timezone = "UTC"
start = "16:00"
duration = "1h"
repeat = "weekly on Monday"
first = {first}
group = "docs"

  [[series.exceptions]]
  date = {noted}
  notes = "https://notes.example.org/docs/{noted}"
  recording = "https://video.example.org/docs/{noted}"

[[groups]]
id = "docs"
title = "Docs Working Group"
chat = {{ label = "#docs", url = "https://matrix.to/#/#docs:example.org" }}

[[groups]]
id = "idle"
title = "Idle Working Group"
chat = {{ label = "#idle" }}

[[calendars]]
id = "google"
name = "Upstream"
url = "http://{feeds}/google.ics"
join_visibility = "public"

[[calendars]]
id = "evil"
name = "Evil"
url = "http://{feeds}/evil.ics"

[[calendars]]
id = "token"
name = "Tokened"
url = "http://alice:hunter2@{feeds}/token.ics?lang=en&token=s3cr3t"
"##
    )
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

/// Serve the test community and wait until every outside calendar was fetched.
fn serve() -> Served {
    let feeds = start_feed_server();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("touchpoint.toml");
    std::fs::write(&config, community(feeds)).unwrap();
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
        .env("TOUCHPOINT_ALLOW_PRIVATE_ADDRESSES", "true")
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
    loop {
        if let Ok((200, body)) = fetch(addr, "/api/v1/calendars")
            && body.matches(r#""status":"ok""#).count() == 3
        {
            return served;
        }
        assert!(Instant::now() < until, "the feeds were not fetched in 30 s");
        std::thread::sleep(Duration::from_millis(150));
    }
}

/// `GET path` on `addr` with a plain HTTP/1.1 request: (status, body).
fn fetch(addr: SocketAddr, path: &str) -> std::io::Result<(u16, String)> {
    let (head, body) = common::http_get(addr, path, Duration::from_secs(20))?;
    Ok((common::status_of(&head).unwrap_or(0), body))
}

fn page(served: &Served, path: &str) -> String {
    let (status, body) = fetch(served.addr, path).unwrap();
    assert_eq!(status, 200, "{path}: {body}");
    body
}

/// Every check against one server (starting one costs a fetch round).
#[test]
fn can_show_filters_details_descriptions_groups_and_health_on_a_real_server() {
    let served = serve();
    filters_are_a_union_and_unknown_ids_are_refused(&served);
    outside_events_show_their_details_safely(&served);
    a_shared_description_is_shown_once(&served);
    a_group_page_reads_right(&served);
    the_health_page_hides_credentials(&served);
}

fn filters_are_a_union_and_unknown_ids_are_refused(served: &Served) {
    // A calendar and a working group ticked: both are listed.
    let both = page(served, "/calendar?source=google&group=docs");
    assert!(
        both.contains("Upstream daily sync"),
        "the calendar's events"
    );
    assert!(both.contains(">Docs call<"), "the group's meetings");
    assert!(!both.contains(">Early Touchpoint<"), "nothing unticked");
    assert!(!both.contains("Evil call"), "nothing unticked");
    assert!(both.contains(r#"value="google" checked"#));
    assert!(both.contains(r#"value="docs" checked"#));
    assert!(!both.contains(r#"value="evil" checked"#));

    // Nothing filtered: everything shown, and every box says so.
    let all = page(served, "/calendar");
    for id in ["community", "google", "evil", "token", "docs", "idle"] {
        assert!(all.contains(&format!(r#"value="{id}" checked"#)), "{id}");
    }
    assert!(all.contains("(no scheduled meetings)"), "the idle group");

    // A group without meetings says so.
    let idle = page(served, "/calendar?group=idle");
    assert!(
        idle.contains("Idle Working Group has no scheduled meetings."),
        "{idle}"
    );

    // Unknown ids: the 400 page naming the id and linking the ones there are.
    for (query, kind, valid) in [
        (
            "source=bogus",
            "Unknown calendar",
            "/calendar?source=google",
        ),
        (
            "group=nope",
            "Unknown working group",
            "/calendar?group=docs",
        ),
        (
            "source=google&group=nope",
            "Unknown working group",
            "/calendar?group=idle",
        ),
    ] {
        let (status, body) = fetch(served.addr, &format!("/calendar?{query}")).unwrap();
        assert_eq!(status, 400, "{query}");
        assert!(
            body.contains(&format!("<h1>{kind}</h1>")),
            "{query}: {body}"
        );
        assert!(body.contains(&format!(r#"href="{valid}""#)), "{query}");
        let asked = query.rsplit('=').next().unwrap();
        assert!(body.contains(&format!("<code>{asked}</code>")), "{query}");
    }

    // The API agrees: the union, and a 400 naming the valid ids.
    let (status, api) = fetch(
        served.addr,
        "/api/v1/occurrences?source=google&group=docs&limit=200",
    )
    .unwrap();
    assert_eq!(status, 200, "{api}");
    assert!(api.contains(r#""source":"google""#));
    assert!(api.contains(r#""series":"docs-call""#));
    assert!(!api.contains(r#""series":"early""#));
    let (status, api) = fetch(served.addr, "/api/v1/occurrences?source=bogus").unwrap();
    assert_eq!(status, 400);
    assert!(
        api.contains(
            "no calendar \\\"bogus\\\" (`source`): use one of community, google, evil, token"
        ),
        "{api}"
    );
    let (status, _) = fetch(served.addr, "/api/v1/occurrences?series=nope").unwrap();
    assert_eq!(status, 400);
}

fn outside_events_show_their_details_safely(served: &Served) {
    for path in [
        "/calendar",
        "/calendar?view=week",
        "/calendar?view=month",
        "/",
    ] {
        let body = page(served, path);
        assert!(body.contains(r#"<details class="event-more">"#), "{path}");
        // Google's HTML is text; its links are links, and the Meet link is the Join link.
        assert!(
            body.contains("Agenda in the doc: agenda (<a href=\"https://docs.example.org/agenda\" rel=\"nofollow noopener\">"),
            "{path}"
        );
        assert!(body.contains("Where: Room 4, Building B"), "{path}");
        assert!(
            body.contains(r#"<a href="https://events.example.org/daily-sync" rel="nofollow noopener">Event page</a>"#),
            "{path}"
        );
        // Hostile text stays text (the page's own script tag is in its head).
        let main = &body[body.find("<main").unwrap()..body.find("</main>").unwrap()];
        for bad in [
            "<script",
            "<img src",
            "<iframe",
            "href=\"javascript:",
            "href=\"JAVASCRIPT:",
        ] {
            assert!(!main.contains(bad), "{path} holds {bad}");
        }
        assert!(
            body.contains("&lt;img src=x onerror=alert(1)&gt;Evil call"),
            "{path}"
        );
        // The long description (11,200 characters) is cut.
        let long = &body[body.find("Lorem ipsum").unwrap()..];
        let long = &long[..long.find("</p>").unwrap()];
        assert!(long.len() < 1600 && long.ends_with('…'), "{path}: {long}");
    }
    // The week's hour grid has no room for them: each event's details follow it, once.
    let week = page(served, "/calendar?view=week");
    let list = &week[week.find(r#"<section class="outside-details""#).unwrap()..];
    // Upstream and Evil (the tokened feed repeats Upstream's event, listed once).
    assert_eq!(
        list.matches(r#"<details class="event-more">"#).count(),
        2,
        "one per event"
    );
    let agenda = page(served, "/calendar");
    assert!(
        agenda.contains(r#"<a class="join" href="https://meet.google.com/abc-defg-hij" rel="nofollow noopener">Join<"#),
        "the Meet link found in Google's description is the Join link"
    );
}

fn a_shared_description_is_shown_once(served: &Served) {
    let home = page(served, "/");
    assert_eq!(home.matches(SHARED).count(), 1, "shown once");
    assert!(home.contains("About the Early Touchpoint and Late Touchpoint"));
    let series = page(served, "/series/early");
    assert!(series.contains(SHARED), "the series page keeps it");
}

fn a_group_page_reads_right(served: &Served) {
    let group = page(served, "/groups/docs");
    let crumbs = &group[group
        .find(r#"<nav class="crumbs" aria-label="Breadcrumb">"#)
        .unwrap()..];
    let crumbs = &crumbs[..crumbs.find("</nav>").unwrap()];
    assert!(crumbs.contains(r#"<a href="/">Home</a>"#), "{crumbs}");
    assert!(crumbs.contains(r#"<a href="/groups">Working groups</a>"#));
    assert!(crumbs.contains(r#"<span aria-current="page">Docs Working Group</span>"#));
    // The title once in the content: the page heading (and the breadcrumb and <title>).
    assert_eq!(
        group.matches(">Docs Working Group<").count(),
        2,
        "h1 and crumb"
    );
    assert!(group.contains(r##"<a href="https://matrix.to/#/#docs:example.org">#docs</a> <span class="service">(Matrix)</span>"##));
    // Past meetings with the notes and recording of the date that has them.
    let noted = monday_weeks_ago(2);
    assert!(group.contains(r#"<h2 id="past-h">Past meetings</h2>"#));
    assert!(group.contains(&format!(
        r#"href="https://notes.example.org/docs/{noted}">Notes"#
    )));
    assert!(group.contains(&format!(
        r#"href="https://video.example.org/docs/{noted}">Recording"#
    )));
    let idle = page(served, "/groups/idle");
    assert!(idle.contains("This group has no scheduled meetings."));
    assert!(idle.contains("#idle"), "a chat label without URL is text");
}

fn the_health_page_hides_credentials(served: &Served) {
    let health = page(served, "/health");
    assert!(health.contains("/token.ics?lang=en</code>"), "{health}");
    for secret in ["hunter2", "alice", "s3cr3t", "token="] {
        assert!(!health.contains(secret), "shows {secret}");
    }
    assert!(health.contains("Next try"));
    assert!(
        health.contains("just now</time>") || health.contains(" ago</time>"),
        "the last success in words"
    );
    assert_eq!(health.matches("<dt>Last success</dt>").count(), 3);
}

/// The health page's times relative to the injected "now", with the exact time in the title.
#[tokio::test]
async fn can_say_when_a_feed_last_worked_and_when_it_is_tried_next() {
    let loaded = common::example();
    let now = common::now();
    let mut records = common::example_records(&loaded);
    records[0].fetched_at = Some(now - jiff::SignedDuration::from_mins(12));
    records[0].checked_at = Some(now - jiff::SignedDuration::from_mins(12));
    records[1].last_error = Some("HTTP 500 Internal Server Error".to_owned());
    records[1].failures = 2;
    let site = touchpoint::app::site_from_records(&loaded, &records);
    let state = common::state(site);
    let health = common::get(&state, "/health").await.body;
    assert!(
        health.contains(r#"<time datetime="2026-11-25T11:48:00Z" title="2026-11-25 11:48 UTC">12 minutes ago</time>"#),
        "{health}"
    );
    assert!(health.contains("HTTP 500 Internal Server Error"));
    // 12 minutes after a success, the 15-minute interval (± 10 %) is 1 to 5 minutes away.
    let next = &health[health.find("<dt>Next try</dt>").unwrap()..];
    let next = &next[..next.find("</dd>").unwrap()];
    assert!(
        [
            "in 1 minute",
            "in 2 minutes",
            "in 3 minutes",
            "in 4 minutes"
        ]
        .iter()
        .any(|words| next.contains(words))
            || next.contains("in under a minute"),
        "{next}"
    );
    // A source last tried an hour ago is due.
    assert!(health.contains("<dd>due now</dd>"));
    assert!(
        health
            .contains("as of <time datetime=\"2026-11-25T12:00:00Z\">2026-11-25 12:00 UTC</time>")
    );
}
