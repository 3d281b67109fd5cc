//! Issue 14: what the served pages put in front of the public — feed URLs without their
//! secrets, no links but http(s) and mailto, and the security headers of every HTML page —
//! driven through the real router in-process.

mod common;

use common::{get, record, state};
use touchpoint::app::{self, Loaded};
use touchpoint::cli::ConfigArgs;

const FEED: &[u8] = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n\
BEGIN:VEVENT\r\nUID:w@feed.test\r\nDTSTART:20261126T150000Z\r\nDURATION:PT1H\r\n\
RRULE:FREQ=WEEKLY\r\nSUMMARY:Upstream weekly\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

/// Load `text` as a community file written in a fresh folder (kept alive by the returned guard).
fn load(text: &str) -> (Loaded, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("touchpoint.toml");
    std::fs::write(&config, text).unwrap();
    let loaded = app::load_community(&ConfigArgs {
        config: Some(config),
        ..Default::default()
    })
    .unwrap_or_else(|e| panic!("{e}"));
    (loaded, dir)
}

#[tokio::test]
async fn publishes_no_credentials_tokens_or_private_addresses_of_feed_urls() {
    let (loaded, _dir) = load(
        r#"[community]
name = "Secrets"
timezone = "UTC"

[[calendars]]
id = "basic"
name = "Basic"
url = "https://alice:hunter2@feeds.example.org/basic.ics"

[[calendars]]
id = "token"
name = "Token"
url = "https://feeds.example.org/token.ics?token=s3cr3t"

[[calendars]]
id = "google"
name = "Google"
url = "https://calendar.google.com/calendar/ical/team%40example.org/private-0123abcdef/basic.ics"
"#,
    );
    let records: Vec<_> = ["basic", "token", "google"]
        .iter()
        .map(|id| record(id, FEED))
        .collect();
    let state = state(app::site_from_records(&loaded, &records));
    for uri in ["/", "/api/v1/calendars", "/health", "/calendar"] {
        let answer = get(&state, uri).await;
        assert_eq!(answer.status, 200, "{uri}");
        for secret in ["hunter2", "alice", "s3cr3t", "token=", "private-0123abcdef"] {
            assert!(!answer.body.contains(secret), "{uri} shows {secret:?}");
        }
    }
    let api = get(&state, "/api/v1/calendars").await.body;
    assert!(
        api.contains(r#""url":"https://feeds.example.org/basic.ics""#),
        "{api}"
    );
    assert!(
        api.contains(r#""url":"https://feeds.example.org/token.ics""#),
        "{api}"
    );
    let home = get(&state, "/").await.body;
    assert!(
        home.contains(r#"href="https://feeds.example.org/token.ics""#),
        "{home}"
    );
}

/// `check` refuses such links, and the pages filter them too: a community built by other means
/// (or a future check slip) still never renders `<a href="javascript:…">`.
#[tokio::test]
async fn renders_no_link_that_is_not_http_https_or_mailto() {
    let (loaded, _dir) = load(
        r#"[community]
name = "Links"
timezone = "UTC"
links = [{ label = "Home", url = "https://example.org/" }]

[[groups]]
id = "g"
title = "G"
repository = { label = "Repo", url = "https://example.org/repo" }
chat = { label = "Chat", url = "https://chat.example.org/" }

[[series]]
id = "s"
title = "S"
timezone = "UTC"
start = "10:00"
duration = "1h"
repeat = "weekly on Monday"
first = 2026-01-05
group = "g"
join = "https://meet.example.org/s"
agenda = "https://example.org/agenda"
notes = "https://example.org/notes"
"#,
    );
    let mut community = (*loaded.community).clone();
    let evil = "javascript:alert(1)".to_owned();
    community.info.links[0].url = evil.clone();
    let group = &mut community.groups[0];
    group.repository.as_mut().unwrap().url = evil.clone();
    group.chat.as_mut().unwrap().url = Some(evil.clone());
    let series = &mut community.series[0];
    series.join = Some(evil.clone());
    series.agenda = Some(" JAVASCRIPT:alert(1)".to_owned());
    series.notes = Some("data:text/html,x".to_owned());
    let loaded = Loaded {
        community: std::sync::Arc::new(community),
        ..loaded
    };
    let state = state(app::site_from_records(&loaded, &[]));
    for uri in ["/", "/groups", "/groups/g", "/series/s", "/calendar"] {
        let answer = get(&state, uri).await;
        assert_eq!(answer.status, 200, "{uri}");
        let lower = answer.body.to_ascii_lowercase();
        for scheme in ["javascript:", "data:text"] {
            assert!(!lower.contains(scheme), "{uri} links to {scheme}");
        }
    }
    // The labels stay, as text.
    let group = get(&state, "/groups/g").await.body;
    assert!(group.contains("Repo") && group.contains("Chat"), "{group}");
}

/// Every HTML page sends a policy that allows only the site's own script, style and fetches
/// and refuses framing; every answer says `nosniff` and a referrer policy; the embed keeps its
/// own policy, which lets other sites frame it.
#[tokio::test]
async fn sends_security_headers_and_lets_only_the_embed_be_framed() {
    let state = state(common::example_site());
    let header = |answer: &common::Answer, name: &str| {
        answer
            .headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    for uri in [
        "/",
        "/calendar?view=month",
        "/series/touchpoint-amer-emea",
        "/groups",
        "/planner",
        "/health",
        "/no-such-page",
    ] {
        let answer = get(&state, uri).await;
        assert!(answer.content_type.starts_with("text/html"), "{uri}");
        let csp = header(&answer, "content-security-policy").unwrap_or_default();
        for directive in [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
        ] {
            assert!(csp.contains(directive), "{uri}: {csp:?} lacks {directive}");
        }
        assert!(!csp.contains("unsafe-inline"), "{uri}: {csp}");
        assert_eq!(
            header(&answer, "x-content-type-options").as_deref(),
            Some("nosniff")
        );
        assert_eq!(
            header(&answer, "referrer-policy").as_deref(),
            Some("same-origin")
        );
        // Nothing the policy would block: no inline style or script in the page itself.
        assert!(
            !answer.body.contains(" style="),
            "{uri} has a style attribute"
        );
        assert!(!answer.body.contains("<style"), "{uri} has a style element");
        assert!(
            !answer.body.contains("<script>"),
            "{uri} has an inline script"
        );
    }
    for uri in ["/calendar.ics", "/api/v1/calendars", "/assets/site.css"] {
        let answer = get(&state, uri).await;
        assert_eq!(
            header(&answer, "x-content-type-options").as_deref(),
            Some("nosniff"),
            "{uri}"
        );
    }
    let embed = get(&state, "/embed/upcoming").await;
    assert_eq!(embed.status, 200);
    let csp = header(&embed, "content-security-policy").unwrap();
    assert!(!csp.contains("frame-ancestors"), "{csp}");
    assert!(embed.headers.get("x-frame-options").is_none());
}
