//! Planning on a real community file, with "now" injected: reminders at the leads, one notice
//! per change found by comparing snapshots, the weekly digest, the channel's filters.

use jiff::Timestamp;
use touchpoint_announce::plan::{Plan, lead_name};
use touchpoint_announce::{Change, Content, Snapshot, plan};
use touchpoint_site::Site;

/// A weekly Thursday meeting at 15:00 Berlin (14:00 UTC in winter), a second series in another
/// group, and the `[[announce]]` entries given.
fn community(exceptions: &str, announce: &str) -> String {
    format!(
        r#"
[community]
name = "Example"
timezone = "Europe/Berlin"
url = "https://example.org/meetings/"

[[groups]]
id = "infra"
title = "Infrastructure"

[[series]]
id = "weekly"
title = "Weekly <sync> & co"
timezone = "Europe/Berlin"
start = "15:00"
duration = "1h"
repeat = "weekly on Thursday"
first = 2026-11-05
join = "https://meet.jit.si/example-weekly"
agenda = "https://example.org/agenda"
{exceptions}

[[series]]
id = "infra-call"
title = "Infra call"
timezone = "UTC"
start = "09:00"
duration = "30m"
repeat = "weekly on Monday"
first = 2026-11-02
group = "infra"

{announce}
"#
    )
}

const CHAT: &str = r#"
[[announce]]
id = "chat"
kind = "slack"
url_env = "SLACK_WEBHOOK_URL"
zones = ["Europe/Berlin", "America/New_York"]
"#;

fn site(text: &str) -> Site {
    let checked = match touchpoint_community::parse(text) {
        Ok(checked) => checked,
        Err(diags) => panic!("{diags:#?}"),
    };
    let mut site = Site::new(checked.community, Vec::new(), Timestamp::UNIX_EPOCH);
    site.set_public_url("https://meet.example.org/").unwrap();
    site
}

fn run(site: &Site, now: &str, previous: Option<&Snapshot>) -> Plan {
    plan(
        site,
        &site.community.announce,
        now.parse().unwrap(),
        previous,
    )
}

fn kinds(plan: &Plan) -> Vec<String> {
    plan.messages
        .iter()
        .map(|m| format!("{} {} {}", m.channel, m.occurrence, m.kind))
        .collect()
}

#[test]
fn can_remind_at_the_nearest_lead_due_and_expire_when_the_next_is_due() {
    let site = site(&community("", CHAT));
    // Wednesday 3 Dec 15:30 UTC: the Thursday 14:00 UTC meeting is 22.5 hours away.
    let wednesday = run(&site, "2026-12-02T15:30:00Z", None);
    assert_eq!(
        kinds(&wednesday),
        ["chat weekly@example.org 2026-12-03T14:00:00Z reminder 24h 2026-12-03T14:00:00Z"]
    );
    let m = &wednesday.messages[0];
    assert_eq!(m.due.to_string(), "2026-12-02T14:00:00Z");
    // It expires when the 1-hour reminder is due: never two reminders for one meeting at once.
    assert_eq!(m.expires.to_string(), "2026-12-03T13:00:00Z");
    // 55 minutes before: only the 1-hour reminder, expiring at the start.
    let thursday = run(&site, "2026-12-03T13:05:00Z", None);
    assert_eq!(thursday.messages.len(), 1);
    let m = &thursday.messages[0];
    assert!(m.kind.starts_with("reminder 1h "), "{}", m.kind);
    assert_eq!(m.expires.to_string(), "2026-12-03T14:00:00Z");
    let Content::Reminder { occurrence, lead } = &m.content else {
        panic!("{:?}", m.content)
    };
    assert_eq!(lead_name(*lead), "1h");
    assert_eq!(occurrence.title, "Weekly <sync> & co");
    assert_eq!(
        occurrence.page.as_deref(),
        Some("https://meet.example.org/series/weekly")
    );
    assert_eq!(
        occurrence.join.as_deref(),
        Some("https://meet.jit.si/example-weekly")
    );
    // Planned again at the same "now": the same keys (the outbox sends each once).
    assert_eq!(
        kinds(&run(&site, "2026-12-03T13:05:00Z", None)),
        kinds(&thursday)
    );
    // Once it has started, nothing.
    assert!(run(&site, "2026-12-03T14:00:00Z", None).messages.is_empty());
}

#[test]
fn can_announce_one_cancellation_and_nothing_on_the_next_round() {
    let before = site(&community("", CHAT));
    let first = run(&before, "2026-11-30T08:00:00Z", None);
    // The first round ever has nothing to compare with: no notices.
    assert!(
        first
            .messages
            .iter()
            .all(|m| !m.kind.starts_with("cancelled"))
    );
    let cancelled = site(&community(
        "[[series.exceptions]]\ndate = 2026-12-10\ncancel = \"Holiday\"\n",
        CHAT,
    ));
    let second = run(&cancelled, "2026-11-30T09:00:00Z", Some(&first.snapshot));
    let notices: Vec<&str> = second
        .messages
        .iter()
        .filter(|m| matches!(m.content, Content::Change { .. }))
        .map(|m| m.kind.as_str())
        .collect();
    assert_eq!(notices, ["cancelled 2026-12-10T14:00:00Z"]);
    let Content::Change { occurrence, .. } = &second.messages.last().unwrap().content else {
        unreachable!()
    };
    assert!(occurrence.cancelled);
    assert_eq!(occurrence.cancel_reason.as_deref(), Some("Holiday"));
    // The next round (a restart, with the snapshot the store kept) finds nothing new.
    let third = run(&cancelled, "2026-11-30T09:01:00Z", Some(&second.snapshot));
    assert!(
        third
            .messages
            .iter()
            .all(|m| !matches!(m.content, Content::Change { .. }))
    );
}

#[test]
fn can_announce_a_move_with_where_it_was_and_an_extra_meeting() {
    let before = site(&community("", CHAT));
    let first = run(&before, "2026-11-30T08:00:00Z", None);
    let edited = site(&community(
        "[[series.exceptions]]\ndate = 2026-12-03\nmove_to = 2026-12-04T16:00:00\n\n\
         [[series.exceptions]]\ndate = 2026-12-08\nextra = true\n",
        CHAT,
    ));
    let second = run(&edited, "2026-11-30T09:00:00Z", Some(&first.snapshot));
    let changes: Vec<(String, Change)> = second
        .messages
        .iter()
        .filter_map(|m| match &m.content {
            Content::Change { occurrence, change } => {
                Some((occurrence.start.to_string(), change.clone()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        changes,
        [
            (
                "2026-12-04T15:00:00Z".to_owned(),
                Change::Moved {
                    from: "2026-12-03T14:00:00Z".parse().unwrap()
                }
            ),
            ("2026-12-08T14:00:00Z".to_owned(), Change::Added),
        ]
    );
}

#[test]
fn can_ignore_changes_beyond_the_window_and_occurrences_coming_into_view() {
    let before = site(&community("", CHAT));
    let first = run(&before, "2026-11-30T08:00:00Z", None);
    // Cancelled 7 weeks ahead: beyond the 14 days.
    let far = site(&community(
        "[[series.exceptions]]\ndate = 2027-01-14\ncancel = \"Far away\"\n",
        CHAT,
    ));
    let second = run(&far, "2026-11-30T09:00:00Z", Some(&first.snapshot));
    assert!(
        second
            .messages
            .iter()
            .all(|m| !matches!(m.content, Content::Change { .. }))
    );
    // A day later the same, unchanged series shows one more Thursday at the end of the
    // window: not news.
    let later = run(&before, "2026-12-20T09:00:00Z", Some(&first.snapshot));
    assert!(
        later.messages.iter().all(|m| !matches!(
            m.content,
            Content::Change {
                change: Change::Added,
                ..
            }
        )),
        "{:?}",
        kinds(&later)
    );
}

#[test]
fn can_filter_a_channel_by_group_and_turn_reminders_into_a_digest() {
    let list = r#"
[[announce]]
id = "infra-list"
kind = "email"
to = "infra@lists.example.org"
from = "meetings@example.org"
smtp_url_env = "TOUCHPOINT_SMTP_URL"
groups = ["infra"]
leads = ["2h"]
changes = false
digest = "monday 08:00"
"#;
    let site = site(&community("", list));
    // Monday 30 Nov 08:30 Berlin (07:30 UTC): the digest is due (08:00 Berlin), and the
    // infra call at 09:00 UTC is within 2 hours; the weekly Thursday meeting is not infra's.
    let monday = run(&site, "2026-11-30T07:30:00Z", None);
    assert_eq!(
        kinds(&monday),
        [
            "infra-list infra-call@example.org 2026-11-30T09:00:00Z reminder 2h 2026-11-30T09:00:00Z",
            "infra-list digest week 2026-11-30",
        ]
    );
    let Content::Digest { occurrences, .. } = &monday.messages[1].content else {
        unreachable!()
    };
    // This Monday's and nothing else of the week: the next Monday is 7 days on, outside.
    let starts: Vec<String> = occurrences.iter().map(|o| o.start.to_string()).collect();
    assert_eq!(starts, ["2026-11-30T09:00:00Z"]);
    // A day and more later, the digest has expired and is not planned.
    let tuesday = run(&site, "2026-12-01T07:30:00Z", None);
    assert!(tuesday.messages.iter().all(|m| m.occurrence != "digest"));
}

/// An outside calendar's copy, as the store would hold it, with one event at `start` (UTC).
fn feed(start: &str, status: &str) -> touchpoint_site::Source {
    let ics = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n\
         UID:tac@openssf.example\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:{start}\r\n\
         DURATION:PT1H\r\nSUMMARY:TAC meeting\r\nSTATUS:{status}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    );
    let calendar = touchpoint_calendar::parse(ics.as_bytes()).unwrap().calendar;
    source(Some(calendar))
}

fn source(calendar: Option<touchpoint_calendar::Calendar>) -> touchpoint_site::Source {
    touchpoint_site::Source {
        decl: touchpoint_community::CalendarSource {
            id: "openssf".into(),
            name: "OpenSSF".into(),
            location: touchpoint_community::Location::Url("https://example.org/tac.ics".into()),
            colour: None,
            refresh: std::time::Duration::from_secs(900),
            join_policy: Default::default(),
        },
        status: if calendar.is_some() {
            touchpoint_site::SourceStatus::Ok
        } else {
            touchpoint_site::SourceStatus::Error
        },
        calendar,
        last_success: None,
        last_attempt: None,
        next_attempt: None,
        last_error: None,
        summary: None,
    }
}

fn with_feed(source: touchpoint_site::Source) -> Site {
    let text = community("", CHAT).replace(
        "[[announce]]",
        "[[calendars]]\nid = \"openssf\"\nname = \"OpenSSF\"\nurl = \"https://example.org/tac.ics\"\n\n[[announce]]",
    );
    let community = touchpoint_community::parse(&text).unwrap().community;
    Site::new(community, vec![source], Timestamp::UNIX_EPOCH)
}

#[test]
fn can_announce_a_move_and_a_cancellation_an_outside_feed_refresh_brings() {
    let before = with_feed(feed("20261207T160000Z", "CONFIRMED"));
    let first = run(&before, "2026-11-30T08:00:00Z", None);
    let changed = |site: &Site, previous: &Snapshot| -> Vec<(String, Change)> {
        run(site, "2026-11-30T09:00:00Z", Some(previous))
            .messages
            .into_iter()
            .filter_map(|m| match m.content {
                Content::Change { occurrence, change } if occurrence.source.is_some() => {
                    Some((occurrence.start.to_string(), change))
                }
                _ => None,
            })
            .collect()
    };
    // The refresh moves the TAC meeting by an hour.
    let moved = with_feed(feed("20261207T170000Z", "CONFIRMED"));
    assert_eq!(
        changed(&moved, &first.snapshot),
        [(
            "2026-12-07T17:00:00Z".to_owned(),
            Change::Moved {
                from: "2026-12-07T16:00:00Z".parse().unwrap()
            }
        )]
    );
    // Or cancels it.
    let cancelled = with_feed(feed("20261207T160000Z", "CANCELLED"));
    assert_eq!(
        changed(&cancelled, &first.snapshot),
        [("2026-12-07T16:00:00Z".to_owned(), Change::Cancelled)]
    );
    // A feed whose copy is gone (never fetched here) is not a flood of cancellations.
    let unavailable = with_feed(source(None));
    assert!(changed(&unavailable, &first.snapshot).is_empty());
}
