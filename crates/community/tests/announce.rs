//! `[[announce]]` (issue 18): optional, every problem located, secrets only by variable name.

use touchpoint_community::{Announce, Target, parse};

const HEAD: &str = r#"[community]
name = "Example"
timezone = "Europe/Berlin"

[[groups]]
id = "infra"
title = "Infrastructure"

[[series]]
id = "weekly"
title = "Weekly"
timezone = "UTC"
start = "15:00"
duration = "1h"
repeat = "weekly on Thursday"
first = 2026-11-05
"#;

/// Line, column and message of each diagnostic.
fn problems(announce: &str) -> Vec<(usize, usize, String)> {
    match parse(&format!("{HEAD}{announce}")) {
        Ok(_) => panic!("should not validate:\n{announce}"),
        Err(diags) => diags
            .into_iter()
            .map(|d| (d.line, d.column, d.message))
            .collect(),
    }
}

#[test]
fn can_leave_announce_out() {
    let community = parse(HEAD).unwrap().community;
    assert!(community.announce.is_empty());
}

#[test]
fn can_read_each_kind_with_the_defaults() {
    let text = format!(
        "{HEAD}{}",
        r#"
[[announce]]
id = "list"
kind = "email"
to = "community@lists.example.org"
from = "meetings@example.org"
smtp_url_env = "TOUCHPOINT_SMTP_URL"

[[announce]]
id = "room"
kind = "matrix"
homeserver = "https://matrix.example.org"
room = "!abc:example.org"
token_env = "MATRIX_TOKEN"
leads = ["2d", "90m"]
changes = false
changes_days = 7
digest = "Monday 09:00"
zones = ["UTC", "Asia/Tokyo"]
series = ["weekly"]
groups = ["infra"]
"#
    );
    let community = parse(&text).unwrap().community;
    let [list, room] = community.announce.as_slice() else {
        panic!("{:?}", community.announce)
    };
    assert_eq!(list.leads, Announce::DEFAULT_LEADS);
    assert!(list.changes);
    assert_eq!(list.changes_days, 14);
    assert_eq!(list.zones.len(), 1, "the community's zone by default");
    assert_eq!(&*list.zones[0].name, "Europe/Berlin");
    assert_eq!(list.secret_vars(), ["TOUCHPOINT_SMTP_URL"]);
    assert!(
        matches!(&list.target, Target::Email { to, .. } if to == "community@lists.example.org")
    );
    assert_eq!(
        room.leads,
        [
            jiff::SignedDuration::from_hours(48),
            jiff::SignedDuration::from_mins(90)
        ]
    );
    assert!(!room.changes);
    assert_eq!(room.changes_days, 7);
    assert_eq!(
        room.digest,
        Some((jiff::civil::Weekday::Monday, jiff::civil::time(9, 0, 0, 0)))
    );
    assert_eq!(room.series, ["weekly"]);
    assert_eq!(room.groups, ["infra"]);
}

#[test]
fn errors_when_a_channel_is_incomplete_or_mixes_kinds() {
    let found = problems(
        r#"
[[announce]]
id = "chat"
kind = "slack"
to = "list@example.org"
"#,
    );
    assert_eq!(
        found,
        [
            (18, 1, "missing key `url_env`".to_owned()),
            (21, 6, "`to` does not apply to a slack channel".to_owned()),
        ]
    );
}

#[test]
fn errors_when_a_secret_is_written_instead_of_its_variable() {
    let found = problems(
        r#"
[[announce]]
id = "chat"
kind = "discord"
url_env = "https://discord.com/api/webhooks/1/abc"
"#,
    );
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].0, found[0].1), (21, 11));
    assert!(
        found[0]
            .2
            .contains("is not the name of an environment variable")
    );
}

#[test]
fn errors_on_bad_kinds_leads_digests_zones_and_filters_each_located() {
    let found = problems(
        r#"
[[announce]]
id = "chat"
kind = "slak"
url_env = "X"
leads = ["1h", "soon"]
digest = "someday"
zones = ["Mars/Olympus"]
series = ["weekley"]
changes_days = 0
"#,
    );
    let messages: Vec<(usize, &str)> = found.iter().map(|(l, _, m)| (*l, m.as_str())).collect();
    assert_eq!(
        messages,
        [
            (20, "unknown announce kind \"slak\""),
            (
                22,
                "lead \"soon\" is not a duration from 1 minute to 31 days"
            ),
            (23, "digest \"someday\" is not a weekday and a time"),
            (24, "unknown time zone \"Mars/Olympus\""),
            (25, "unknown series \"weekley\""),
            (26, "changes_days 0 is not 1 to 366"),
        ]
    );
}

#[test]
fn errors_on_a_duplicate_id_and_an_unknown_key() {
    let found = problems(
        r#"
[[announce]]
id = "chat"
kind = "slack"
url_env = "A"
chanel = "x"

[[announce]]
id = "chat"
kind = "slack"
url_env = "B"
"#,
    );
    let messages: Vec<&str> = found.iter().map(|(_, _, m)| m.as_str()).collect();
    assert_eq!(
        messages,
        ["unknown key `chanel`", "duplicate announce id \"chat\""]
    );
}

/// The example's commented `[[announce]]` entries, uncommented, are a valid file: what
/// organizers copy works.
#[test]
fn can_validate_the_examples_commented_channels_once_uncommented() {
    let mut inside = false;
    let text: String = touchpoint_community::EXAMPLE
        .lines()
        .map(|line| {
            if line == "# [[announce]]" {
                inside = true;
            } else if line.is_empty() {
                inside = false;
            }
            match line.strip_prefix("# ") {
                Some(rest) if inside => format!("{rest}\n"),
                _ => format!("{line}\n"),
            }
        })
        .collect();
    let community = match parse(&text) {
        Ok(checked) => checked.community,
        Err(diags) => panic!("{diags:#?}"),
    };
    let kinds: Vec<&str> = community.announce.iter().map(|a| a.target.kind()).collect();
    assert_eq!(kinds, ["email", "slack", "discord", "matrix", "webhook"]);
}
