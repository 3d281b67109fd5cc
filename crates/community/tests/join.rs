//! Issue 17 §2: `join_visibility`, `join_near_start`, `register` and `contact` on a series, its
//! group and `[community]` (and on a calendar), resolved in that order, checked with located,
//! hinted diagnostics, and compiled so that feeds carry only the published link.

use jiff::SignedDuration;
use touchpoint_community::{Diagnostic, JoinPolicy, JoinVisibility, Severity, parse};

const HEAD: &str = r#"[community]
name = "Join"
timezone = "UTC"
"#;

fn series(id: &str, extra: &str) -> String {
    format!(
        "\n[[series]]\nid = \"{id}\"\ntitle = \"{id}\"\ntimezone = \"UTC\"\nstart = \"12:00\"\n\
         duration = \"1h\"\nrepeat = \"weekly on Thursday\"\nfirst = 2026-01-08\n\
         join = \"https://zoom.us/j/{id}\"\n{extra}"
    )
}

fn policy(file: &str, id: &str) -> JoinPolicy {
    let checked = parse(file).unwrap_or_else(|d| panic!("{d:#?}"));
    JoinPolicy::clone(&checked.community.series(id).unwrap().join_policy)
}

fn problems(file: &str) -> Vec<Diagnostic> {
    match parse(file) {
        Ok(checked) => checked.warnings,
        Err(diags) => diags,
    }
}

#[test]
fn can_leave_every_series_public_by_default() {
    let file = format!("{HEAD}{}", series("plain", ""));
    let policy = policy(&file, "plain");
    assert_eq!(policy.visibility, JoinVisibility::Public);
    assert_eq!(policy.near_start, SignedDuration::from_mins(15));
    // And the example, which says nothing, stays as it was.
    let example = parse(touchpoint_community::EXAMPLE).unwrap().community;
    assert!(
        example
            .series
            .iter()
            .all(|s| s.join_policy.visibility == JoinVisibility::Public)
    );
    assert!(
        example
            .calendars
            .iter()
            .all(|c| c.join_policy.visibility == JoinVisibility::NearStart)
    );
}

#[test]
fn holds_one_policy_for_every_series_that_shares_it() {
    let file = format!(
        "{HEAD}{}{}{}",
        series("a", ""),
        series("b", ""),
        series("c", "join_visibility = \"near-start\"\n")
    );
    let community = parse(&file).unwrap().community;
    let of = |id: &str| &community.series(id).unwrap().join_policy;
    assert!(std::sync::Arc::ptr_eq(of("a"), of("b")));
    assert!(!std::sync::Arc::ptr_eq(of("a"), of("c")));
    assert_eq!(of("c").visibility, JoinVisibility::NearStart);
}

#[test]
fn can_take_each_key_from_the_series_then_its_group_then_the_community() {
    let file = format!(
        "{HEAD}join_visibility = \"hidden\"\njoin_near_start = \"30m\"\n\
         contact = \"mailto:organizers@example.org\"\n\
         \n[[groups]]\nid = \"wg\"\ntitle = \"WG\"\njoin_visibility = \"near-start\"\n\
         {}{}{}",
        series(
            "own",
            "group = \"wg\"\njoin_visibility = \"registration\"\nregister = \"https://lfx.example/m/1\"\n"
        ),
        // Another time: two series of one group must not overlap.
        series("grouped", "group = \"wg\"\njoin_near_start = \"5m\"\n")
            .replace("\"12:00\"", "\"15:00\""),
        series("alone", ""),
    );
    let own = policy(&file, "own");
    assert_eq!(own.visibility, JoinVisibility::Registration);
    assert_eq!(own.register.as_deref(), Some("https://lfx.example/m/1"));
    assert_eq!(own.near_start, SignedDuration::from_mins(30));
    let grouped = policy(&file, "grouped");
    assert_eq!(grouped.visibility, JoinVisibility::NearStart);
    assert_eq!(grouped.near_start, SignedDuration::from_mins(5));
    assert_eq!(
        grouped.contact.as_deref(),
        Some("mailto:organizers@example.org")
    );
    let alone = policy(&file, "alone");
    assert_eq!(alone.visibility, JoinVisibility::Hidden);
}

#[test]
fn can_give_a_calendar_its_own_setting_not_the_communitys_visibility() {
    let file = format!(
        "{HEAD}join_visibility = \"hidden\"\njoin_near_start = \"10m\"\n\
         contact = \"mailto:o@example.org\"\n\
         \n[[calendars]]\nid = \"a\"\nname = \"A\"\npath = \"a.ics\"\n\
         \n[[calendars]]\nid = \"b\"\nname = \"B\"\npath = \"b.ics\"\njoin_visibility = \"public\"\n"
    );
    let community = parse(&file).unwrap().community;
    let a = &community.calendar_source("a").unwrap().join_policy;
    assert_eq!(a.visibility, JoinVisibility::NearStart);
    assert_eq!(a.near_start, SignedDuration::from_mins(10));
    let b = &community.calendar_source("b").unwrap().join_policy;
    assert_eq!(b.visibility, JoinVisibility::Public);
}

#[test]
fn errors_when_a_visibility_is_misspelt_with_a_suggestion() {
    let file = format!(
        "{HEAD}{}",
        series("s", "join_visibility = \"near_start\"\n")
    );
    let diags = problems(&file);
    let d = diags
        .iter()
        .find(|d| d.message.contains("join_visibility"))
        .unwrap();
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.message, "unknown join_visibility \"near_start\"");
    assert_eq!(d.hint.as_deref(), Some("did you mean `near-start`?"));
    let line = file.lines().position(|l| l.contains("near_start")).unwrap();
    assert_eq!((d.line, d.column), (line + 1, 19), "{d}");
}

#[test]
fn errors_when_registration_has_no_register_link() {
    let file = format!(
        "{HEAD}join_visibility = \"registration\"\n{}",
        series("s", "")
    );
    let diags = problems(&file);
    let d = diags.iter().find(|d| d.code == "missing-key").unwrap();
    assert_eq!(d.severity, Severity::Error);
    assert!(d.message.contains("series \"s\""), "{d}");
    assert!(d.hint.as_deref().unwrap().contains("register = "), "{d}");
    assert!(parse(&file).is_err());
}

#[test]
fn errors_when_the_near_start_window_is_not_a_duration() {
    for bad in ["soon", "0m", "3d"] {
        let file = format!(
            "{HEAD}{}",
            series("s", &format!("join_near_start = \"{bad}\"\n"))
        );
        let diags = problems(&file);
        assert!(
            diags
                .iter()
                .any(|d| d.code == "invalid-duration" && d.message.contains(bad)),
            "{bad}: {diags:#?}"
        );
    }
}

#[test]
fn warns_about_a_hidden_link_without_contact_and_an_unused_register_link() {
    let file = format!(
        "{HEAD}{}{}",
        series("quiet", "join_visibility = \"hidden\"\n"),
        series("open", "register = \"https://lfx.example/m/2\"\n"),
    );
    let checked = parse(&file).unwrap();
    let codes: Vec<(&str, &str)> = checked
        .warnings
        .iter()
        .map(|d| (d.code, d.message.as_str()))
        .collect();
    assert!(
        codes
            .iter()
            .any(|(code, m)| *code == "no-contact" && m.contains("\"quiet\"")),
        "{codes:?}"
    );
    assert!(
        codes
            .iter()
            .any(|(code, m)| *code == "inapplicable-key" && m.contains("\"open\"")),
        "{codes:?}"
    );
}

#[test]
fn can_publish_only_the_public_or_register_link_in_the_compiled_events() {
    let file = format!(
        "{HEAD}contact = \"mailto:o@example.org\"\n{}{}{}{}",
        series("public", ""),
        series(
            "soon",
            "join_visibility = \"near-start\"\njoin_near_start = \"1h\"\n"
        ),
        series(
            "gated",
            "join_visibility = \"registration\"\nregister = \"https://lfx.example/m/3\"\n"
        ),
        series("secret", "join_visibility = \"hidden\"\n"),
    );
    let community = parse(&file).unwrap().community;
    let event = |id: &str| community.series_calendar(id).unwrap().events[0].clone();
    assert_eq!(
        event("public").url.as_deref(),
        Some("https://zoom.us/j/public")
    );
    let soon = event("soon");
    assert_eq!(soon.url, None);
    assert_eq!(
        soon.description.as_deref(),
        Some(
            "The join link is shown on the meetings page from 1 hour before the start.\n\n\
             Ask for it: mailto:o@example.org"
        )
    );
    let gated = event("gated");
    assert_eq!(gated.url.as_deref(), Some("https://lfx.example/m/3"));
    assert_eq!(
        gated.description.as_deref(),
        Some("Register to join: https://lfx.example/m/3")
    );
    let secret = event("secret");
    assert_eq!(secret.url, None);
    // No compiled event of a non-public series holds its join link anywhere.
    let calendar = community.to_calendar();
    for event in &calendar.events {
        let text = format!("{event:?}");
        for id in ["soon", "gated", "secret"] {
            assert!(
                !text.contains(&format!("zoom.us/j/{id}")),
                "{id} leaked: {text}"
            );
        }
    }
}
