//! Issue 14: what the community file may put in front of the public. Feed URLs lose their
//! secrets before they are shown, and `check` warns about secrets and refuses links that are
//! not http(s) or mailto.

use touchpoint_community::{Location, Severity, UrlSecret, parse};

fn community(calendars: &str) -> String {
    format!("[community]\nname = \"C\"\ntimezone = \"UTC\"\n\n{calendars}")
}

fn calendar(id: &str, url: &str) -> String {
    format!("[[calendars]]\nid = \"{id}\"\nname = \"{id}\"\nurl = \"{url}\"\n\n")
}

#[test]
fn can_publish_feed_urls_without_their_secrets() {
    let cases = [
        (
            "https://alice:hunter2@feeds.example.org/a.ics",
            Some("https://feeds.example.org/a.ics"),
        ),
        (
            "https://feeds.example.org/a.ics?token=s3cr3t#x",
            Some("https://feeds.example.org/a.ics"),
        ),
        (
            "webcal://u@feeds.example.org/b.ics?key=1",
            Some("https://feeds.example.org/b.ics"),
        ),
        (
            "https://calendar.google.com/calendar/ical/team%40example.org/private-0123abcd/basic.ics",
            None,
        ),
        (
            "https://calendar.google.com/calendar/ical/team%40example.org/public/basic.ics",
            Some("https://calendar.google.com/calendar/ical/team%40example.org/public/basic.ics"),
        ),
    ];
    let source: String = cases
        .iter()
        .enumerate()
        .map(|(i, (url, _))| calendar(&format!("c{i}"), url))
        .collect();
    let checked = parse(&community(&source)).unwrap();
    for (decl, (written, public)) in checked.community.calendars.iter().zip(cases) {
        assert_eq!(decl.public_url().as_deref(), public, "{written}");
    }
}

#[test]
fn can_warn_about_secrets_in_feed_urls_pointing_at_them() {
    let source = community(&format!(
        "{}{}{}{}",
        calendar("a", "https://alice:hunter2@feeds.example.org/a.ics"),
        calendar("b", "https://feeds.example.org/b.ics?token=s3cr3t"),
        calendar(
            "c",
            "https://calendar.google.com/calendar/ical/x/private-0123abcd/basic.ics"
        ),
        calendar("d", "https://feeds.example.org/d.ics"),
    ));
    let checked = parse(&source).unwrap();
    let warnings: Vec<(usize, usize, &str)> = checked
        .warnings
        .iter()
        .map(|w| (w.line, w.column, w.message.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [
            (8, 7, "this calendar url holds a user name or password"),
            (
                13,
                7,
                "this calendar url holds a query string (often an access token)"
            ),
            (
                18,
                7,
                "this calendar url holds a private address (a `private-…` key in its path)"
            ),
        ]
    );
    assert!(
        checked
            .warnings
            .iter()
            .all(|w| w.severity == Severity::Warning)
    );
    assert!(
        checked.warnings[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("never publishes")
    );
    assert_eq!(
        Location::Url("https://a:b@x.org/?k=v".into()).url_secrets(),
        [UrlSecret::Credentials, UrlSecret::Query]
    );
}

#[test]
fn errors_when_a_link_is_not_http_https_or_mailto() {
    let source = r#"[community]
name = "C"
timezone = "UTC"
links = [{ label = "Home", url = "javascript:alert(1)" }, { label = "Mail", url = "mailto:a@example.org" }]

[[groups]]
id = "g"
title = "G"
repository = { label = "Repo", url = "data:text/html,<script>alert(1)</script>" }
chat = { label = "Chat", url = " JavaScript:alert(1)" }

[[series]]
id = "s"
title = "S"
timezone = "UTC"
start = "10:00"
duration = "1h"
repeat = "weekly on Monday"
first = 2026-01-05
join = "https://meet.example.org/s"
agenda = "vbscript:x"
notes = "/relative/notes"

[[series.exceptions]]
date = 2026-01-12
agenda = "javascript:void(0)"
"#;
    let diags = parse(source).unwrap_err();
    let located: Vec<(usize, usize, &str)> = diags
        .iter()
        .map(|d| (d.line, d.column, d.message.as_str()))
        .collect();
    assert_eq!(
        located,
        [
            (
                4,
                34,
                "link \"javascript:alert(1)\" is not an http, https or mailto address"
            ),
            (
                9,
                38,
                "link \"data:text/html,<script>alert(1)</script>\" is not an http, https or mailto address"
            ),
            (
                10,
                32,
                "link \" JavaScript:alert(1)\" is not an http, https or mailto address"
            ),
            (
                21,
                10,
                "link \"vbscript:x\" is not an http, https or mailto address"
            ),
            (
                22,
                9,
                "link \"/relative/notes\" is not an http, https or mailto address"
            ),
            (
                26,
                10,
                "link \"javascript:void(0)\" is not an http, https or mailto address"
            ),
        ]
    );
    assert!(diags.iter().all(|d| d.severity == Severity::Error));
    assert!(diags[0].hint.as_deref().unwrap().contains("https://"));
}

#[test]
fn can_warn_about_paths_leading_outside_the_folder() {
    let source = community(
        "[[calendars]]\nid = \"a\"\nname = \"a\"\npath = \"/etc/passwd\"\n\n\
         [[calendars]]\nid = \"b\"\nname = \"b\"\npath = \"calendars/../../secret.ics\"\n\n\
         [[calendars]]\nid = \"c\"\nname = \"c\"\npath = \"calendars/../c.ics\"\n",
    );
    let checked = parse(&source).unwrap();
    let warned: Vec<usize> = checked.warnings.iter().map(|w| w.line).collect();
    assert_eq!(warned, [8, 13], "{:?}", checked.warnings);
    assert!(
        checked.warnings[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("--allow-any-path")
    );
}

#[test]
fn can_show_organizers_a_feed_url_without_credentials_or_secret_parameters() {
    let cases = [
        (
            "https://alice:hunter2@feeds.example.org/a.ics?ctz=Europe%2FMadrid&token=s3cr3t#x",
            "https://feeds.example.org/a.ics?ctz=Europe%2FMadrid",
        ),
        (
            "https://feeds.example.org/b.ics?X-Amz-Signature=abc&apiKey=k&Secret=s&sig=1&lang=en",
            "https://feeds.example.org/b.ics?lang=en",
        ),
        (
            "webcal://u:p@feeds.example.org/c.ics?access_token=t&auth=a&password=p",
            "https://feeds.example.org/c.ics",
        ),
        (
            "https://calendar.google.com/calendar/ical/team%40example.org/private-0123abcd/basic.ics",
            "https://calendar.google.com/calendar/ical/team%40example.org/private-hidden/basic.ics",
        ),
    ];
    let source: String = cases
        .iter()
        .enumerate()
        .map(|(i, (url, _))| calendar(&format!("c{i}"), url))
        .collect();
    let checked = parse(&community(&source)).unwrap();
    for (decl, (written, shown)) in checked.community.calendars.iter().zip(cases) {
        let redacted = decl.redacted_url().unwrap();
        assert_eq!(redacted, shown, "{written}");
        for secret in ["hunter2", "s3cr3t", "abc", "0123abcd", "u:p"] {
            assert!(!redacted.contains(secret), "{redacted} shows {secret}");
        }
    }
}
