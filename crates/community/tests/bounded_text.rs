//! Issue 14: `check` reports in the community's own file what the reader bounds in feeds: a
//! rule repeating more than once a minute, and titles and descriptions that every occurrence
//! would repeat in pages, feeds and the API.

use touchpoint_community::parse;

fn series(title: &str, description: &str, rrule: &str) -> String {
    format!(
        "[community]\nname = \"C\"\ntimezone = \"UTC\"\n\n[[series]]\nid = \"s\"\ntitle = \"{title}\"\n\
         description = \"{description}\"\ntimezone = \"Europe/Berlin\"\nstart = \"10:00\"\n\
         duration = \"1h\"\nrrule = \"{rrule}\"\nfirst = 2026-01-05\n"
    )
}

#[test]
fn errors_when_a_rule_repeats_more_than_once_a_minute() {
    for rule in [
        "FREQ=SECONDLY",
        "FREQ=SECONDLY;INTERVAL=30;COUNT=5",
        "FREQ=MINUTELY;BYSECOND=0,30",
    ] {
        let diags = parse(&series("S", "d", rule)).expect_err(rule);
        let d = diags
            .iter()
            .find(|d| d.message == "the rrule repeats more than once a minute")
            .unwrap_or_else(|| panic!("{rule}: {diags:?}"));
        assert_eq!((d.line, d.column), (12, 9), "{rule}");
        assert!(d.hint.as_deref().unwrap().contains("FREQ=DAILY"));
    }
    // Once a minute, or every minute and a half, is not rejected for its pace.
    for rule in ["FREQ=MINUTELY;INTERVAL=30", "FREQ=SECONDLY;INTERVAL=90"] {
        if let Err(diags) = parse(&series("S", "d", rule)) {
            assert!(
                diags
                    .iter()
                    .all(|d| !d.message.contains("more than once a minute")),
                "{rule}: {diags:?}"
            );
        }
    }
}

#[test]
fn errors_when_a_title_or_description_is_longer_than_feeds_keep() {
    let diags = parse(&series(
        &"T".repeat(2000),
        &"D".repeat(70_000),
        "FREQ=WEEKLY",
    ))
    .expect_err("too long");
    let messages: Vec<(usize, &str)> = diags.iter().map(|d| (d.line, d.message.as_str())).collect();
    assert!(
        messages.contains(&(
            6,
            "series \"s\" has a title of 2000 bytes; at most 1024 are allowed"
        )),
        "{messages:?}"
    );
    assert!(
        messages.contains(&(
            6,
            "series \"s\" has a description of 70000 bytes; at most 65536 are allowed"
        )),
        "{messages:?}"
    );
    // At the bounds, both pass.
    parse(&series(
        &"T".repeat(1024),
        &"D".repeat(65_536),
        "FREQ=WEEKLY",
    ))
    .expect("at the bounds");
}
