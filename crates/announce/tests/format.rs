//! Each channel's message shape, with the markup escaped, and the email's iCalendar attachment
//! read back by the calendar crate's parser.

use jiff::Timestamp;
use serde_json::Value;
use touchpoint_announce::format::{Rendered, render};
use touchpoint_announce::{Content, Message, plan};
use touchpoint_community::Announce;
use touchpoint_site::Site;

const FILE: &str = r#"
[community]
name = "Example"
timezone = "Europe/Berlin"

[[series]]
id = "weekly"
title = "Weekly <b>sync</b> & @everyone"
timezone = "Europe/Berlin"
start = "15:00"
duration = "1h"
repeat = "weekly on Thursday"
first = 2026-11-05
join = "https://meet.jit.si/example-weekly"
agenda = "https://example.org/agenda?week=1&x=<2>"

[[series.exceptions]]
date = 2026-12-10
cancel = "Holiday <party>"

[[announce]]
id = "slack"
kind = "slack"
url_env = "SLACK_URL"
zones = ["Europe/Berlin", "Asia/Tokyo"]

[[announce]]
id = "discord"
kind = "discord"
url_env = "DISCORD_URL"

[[announce]]
id = "matrix"
kind = "matrix"
homeserver = "https://matrix.example.org"
room = "!room:example.org"
token_env = "MATRIX_TOKEN"

[[announce]]
id = "hook"
kind = "webhook"
url_env = "HOOK_URL"
secret_env = "HOOK_SECRET"

[[announce]]
id = "list"
kind = "email"
to = "list@lists.example.org"
from = "meetings@example.org"
smtp_url_env = "SMTP_URL"
"#;

fn site() -> Site {
    let community = touchpoint_community::parse(FILE).unwrap().community;
    let mut site = Site::new(community, Vec::new(), Timestamp::UNIX_EPOCH);
    site.set_public_url("https://meet.example.org/").unwrap();
    site
}

/// The 1-hour reminder of Thursday 3 December, for `channel`.
fn reminder(site: &Site, channel: &str) -> (Announce, Message) {
    let now: Timestamp = "2026-12-03T13:05:00Z".parse().unwrap();
    let plan = plan(site, &site.community.announce, now, None);
    let message = plan
        .messages
        .into_iter()
        .find(|m| m.channel == channel)
        .unwrap();
    let channel = site
        .community
        .announce
        .iter()
        .find(|c| c.id == channel)
        .unwrap()
        .clone();
    (channel, message)
}

fn now() -> Timestamp {
    "2026-12-03T13:05:00Z".parse().unwrap()
}

#[test]
fn can_write_slack_blocks_in_mrkdwn_with_every_zone() {
    let site = site();
    let (channel, message) = reminder(&site, "slack");
    let Rendered::Json(body) = render(&channel, &message, now()) else {
        panic!()
    };
    assert_eq!(body["blocks"][0]["type"], "header");
    assert_eq!(body["blocks"][0]["text"]["text"], "Starts in 55 minutes");
    let text = body["blocks"][1]["text"]["text"].as_str().unwrap();
    assert_eq!(body["blocks"][1]["text"]["type"], "mrkdwn");
    assert_eq!(
        text,
        "*<https://meet.example.org/series/weekly|Weekly &lt;b&gt;sync&lt;/b&gt; &amp; @everyone>*\n\
         Thu 3 Dec 2026 14:00–15:00 UTC · 15:00 Europe/Berlin · 23:00 Asia/Tokyo\n\
         <https://example.org/agenda?week=1&x=%3C2%3E|Agenda> · \
         <https://meet.jit.si/example-weekly|Join>"
    );
    assert!(
        body["text"]
            .as_str()
            .unwrap()
            .starts_with("Starts in 55 minutes: Weekly")
    );
}

#[test]
fn can_write_a_discord_embed_that_pings_nobody() {
    let site = site();
    let (channel, message) = reminder(&site, "discord");
    let Rendered::Json(body) = render(&channel, &message, now()) else {
        panic!()
    };
    assert_eq!(body["allowed_mentions"]["parse"], Value::Array(vec![]));
    let embed = &body["embeds"][0];
    assert_eq!(embed["title"], "Weekly <b>sync</b> & @everyone");
    assert_eq!(embed["url"], "https://meet.example.org/series/weekly");
    let description = embed["description"].as_str().unwrap();
    assert!(description.contains("[Join](<https://meet.jit.si/example-weekly>)"));
    // The community zone (the default) after UTC.
    assert!(description.starts_with("Thu 3 Dec 2026 14:00–15:00 UTC · 15:00 Europe/Berlin"));
}

#[test]
fn can_write_matrix_html_with_the_text_escaped() {
    let site = site();
    let (channel, message) = reminder(&site, "matrix");
    let Rendered::Matrix { body, html } = render(&channel, &message, now()) else {
        panic!()
    };
    assert!(html.contains(
        "<a href=\"https://meet.example.org/series/weekly\">Weekly &lt;b&gt;sync&lt;/b&gt; &amp; @everyone</a>"
    ));
    assert!(!html.contains("<b>sync"));
    assert!(body.starts_with("Starts in 55 minutes\n\nWeekly <b>sync</b> & @everyone\n"));
    assert!(body.contains("Join: https://meet.jit.si/example-weekly\n"));
}

#[test]
fn can_write_the_documented_webhook_json() {
    let site = site();
    let (channel, message) = reminder(&site, "hook");
    let Rendered::Json(body) = render(&channel, &message, now()) else {
        panic!()
    };
    assert_eq!(body["version"], 1);
    assert_eq!(body["type"], "reminder");
    assert_eq!(body["lead"], "1h");
    assert_eq!(body["lead_seconds"], 3600);
    assert_eq!(body["sent_at"], "2026-12-03T13:05:00Z");
    let o = &body["occurrences"][0];
    assert_eq!(o["series"], "weekly");
    assert_eq!(o["start"], "2026-12-03T14:00:00Z");
    assert_eq!(o["local"][0]["zone"], "Europe/Berlin");
    assert_eq!(o["local"][0]["start"], "2026-12-03T15:00:00");
    assert_eq!(o["join"], "https://meet.jit.si/example-weekly");
    assert_eq!(o["cancelled"], false);
}

#[test]
fn can_write_an_email_with_a_publish_attachment_a_parser_reads() {
    let site = site();
    let (channel, message) = reminder(&site, "list");
    let Rendered::Email {
        subject,
        text,
        html,
        ics,
    } = render(&channel, &message, now())
    else {
        panic!()
    };
    assert_eq!(
        subject,
        "Starts in 55 minutes: Weekly <b>sync</b> & @everyone"
    );
    assert!(text.contains("Details: https://meet.example.org/series/weekly\n"));
    assert!(html.contains("&lt;b&gt;sync"));
    let ics = ics.unwrap();
    assert!(ics.contains("METHOD:PUBLISH\r\n"));
    let parsed = touchpoint_calendar::parse(ics.as_bytes()).unwrap();
    assert_eq!(parsed.calendar.events.len(), 1);
    let event = &parsed.calendar.events[0];
    assert_eq!(event.uid, "weekly@touchpoint.local");
    assert_eq!(
        event.summary.as_deref(),
        Some("Weekly <b>sync</b> & @everyone")
    );
    let start = event.start.instant(&jiff::tz::TimeZone::UTC);
    assert_eq!(start.to_string(), "2026-12-03T14:00:00Z");
    assert!(event.recurrence_id.is_some());
}

#[test]
fn can_say_cancelled_with_the_reason_and_without_the_join_link() {
    let site = site();
    let before = touchpoint_community::parse(&FILE.replace(
        "[[series.exceptions]]\ndate = 2026-12-10\ncancel = \"Holiday <party>\"\n",
        "",
    ))
    .unwrap()
    .community;
    let before = Site::new(before, Vec::new(), Timestamp::UNIX_EPOCH);
    let first = plan(&before, &before.community.announce, now(), None);
    let second = plan(
        &site,
        &site.community.announce,
        now(),
        Some(&first.snapshot),
    );
    let message = second
        .messages
        .iter()
        .find(|m| m.channel == "matrix" && matches!(m.content, Content::Change { .. }))
        .unwrap();
    let channel = &site.community.announce[2];
    let Rendered::Matrix { body, html } = render(channel, message, now()) else {
        panic!()
    };
    assert!(body.starts_with("Cancelled\n"), "{body}");
    assert!(body.contains("Reason: Holiday <party>"));
    assert!(html.contains("<del>"));
    assert!(html.contains("Reason: Holiday &lt;party&gt;"));
    assert!(!body.contains("Join:"));
}
