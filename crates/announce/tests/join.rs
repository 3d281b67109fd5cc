//! Issue 17 §2 in announcements: a reminder carries a near-start join link only when it is due
//! inside the window (so it is never read before the pages show the link), a registration
//! meeting's messages carry its register link, a hidden one's nothing; and neither the
//! snapshot kept between rounds nor a change notice holds a near-start link.

use jiff::Timestamp;
use touchpoint_announce::{Content, Message, plan};
use touchpoint_site::Site;

const FILE: &str = r#"
[community]
name = "Example"
timezone = "UTC"
url = "https://example.org/meetings/"

[[series]]
id = "soon"
title = "Near-start"
timezone = "UTC"
start = "15:00"
duration = "1h"
repeat = "weekly on Thursday"
first = 2026-11-05
join = "https://zoom.us/j/2220000002"
join_visibility = "near-start"
join_near_start = "30m"

[[series]]
id = "gated"
title = "Registration"
timezone = "UTC"
start = "17:00"
duration = "1h"
repeat = "weekly on Thursday"
first = 2026-11-05
join = "https://zoom.us/j/3330000003"
join_visibility = "registration"
register = "https://lfx.example/register"

[[series]]
id = "secret"
title = "Hidden"
timezone = "UTC"
start = "19:00"
duration = "1h"
repeat = "weekly on Thursday"
first = 2026-11-05
join = "https://zoom.us/j/4440000004"
join_visibility = "hidden"
contact = "mailto:o@example.org"

[[announce]]
id = "chat"
kind = "slack"
url_env = "SLACK_WEBHOOK_URL"
leads = ["24h", "1h", "30m", "10m"]
"#;

fn site() -> Site {
    let checked = touchpoint_community::parse(FILE).unwrap_or_else(|d| panic!("{d:#?}"));
    Site::new(checked.community, Vec::new(), Timestamp::UNIX_EPOCH)
}

/// The reminder of series `id` planned at `now`, as the webhook JSON would carry it.
fn reminder(site: &Site, now: &str, id: &str) -> Option<(Message, serde_json::Value)> {
    let planned = plan(site, &site.community.announce, now.parse().unwrap(), None);
    let message = planned.messages.into_iter().find(|m| match &m.content {
        Content::Reminder { occurrence, .. } => occurrence.series.as_deref() == Some(id),
        _ => false,
    })?;
    let json = serde_json::to_value(&message).unwrap();
    Some((message, json))
}

fn join_of(message: &Message) -> Option<String> {
    match &message.content {
        Content::Reminder { occurrence, .. } => occurrence.join.clone(),
        _ => None,
    }
}

#[test]
fn can_send_a_near_start_link_only_in_reminders_due_inside_the_window() {
    let site = site();
    // Thursday 26 November, 15:00 UTC; the window opens at 14:30.
    for (now, lead_inside) in [
        ("2026-11-25T15:00:00Z", false), // 24 hours before
        ("2026-11-26T14:00:00Z", false), // 1 hour before
        ("2026-11-26T14:30:00Z", true),  // 30 minutes: the window's opening
        ("2026-11-26T14:50:00Z", true),  // 10 minutes
    ] {
        let (message, json) = reminder(&site, now, "soon").unwrap();
        let text = json.to_string();
        if lead_inside {
            assert_eq!(
                join_of(&message).as_deref(),
                Some("https://zoom.us/j/2220000002"),
                "{now}"
            );
        } else {
            assert_eq!(join_of(&message), None, "{now}");
            assert!(!text.contains("2220000002"), "{now}: {text}");
        }
    }
}

#[test]
fn can_send_the_register_link_and_never_a_hidden_or_gated_join_link() {
    let site = site();
    let (message, json) = reminder(&site, "2026-11-25T17:00:00Z", "gated").unwrap();
    let Content::Reminder { occurrence, .. } = &message.content else {
        unreachable!()
    };
    assert_eq!(
        occurrence.register.as_deref(),
        Some("https://lfx.example/register")
    );
    assert_eq!(occurrence.join, None);
    let (_, hidden) = reminder(&site, "2026-11-26T18:50:00Z", "secret").unwrap();
    for text in [json.to_string(), hidden.to_string()] {
        assert!(!text.contains("3330000003") && !text.contains("4440000004"));
    }
    // The snapshot kept for the next round holds no near-start link, inside the window too.
    let planned = plan(
        &site,
        &site.community.announce,
        "2026-11-26T14:50:00Z".parse().unwrap(),
        None,
    );
    let snapshot = serde_json::to_string(&planned.snapshot).unwrap();
    assert!(snapshot.contains("Near-start"));
    assert!(!snapshot.contains("2220000002"), "{snapshot}");
}
