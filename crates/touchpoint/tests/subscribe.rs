//! Issue 15: "Subscribe" gives a live subscription in every calendar app, not a downloaded
//! snapshot: each feed offers the webcal link, Google's and Outlook's add links and the address
//! to copy, all absolute with the configured public URL; without one, the page says so and
//! offers only a download labelled as one.

mod common;

use common::{example_site, get, state};

const BASE: &str = "https://meetings.example.org/";

/// Every `href` value of a page, entity-decoded.
fn hrefs(page: &str) -> Vec<String> {
    page.match_indices("href=\"")
        .filter_map(|(at, marker)| {
            let rest = &page[at + marker.len()..];
            rest.find('"').map(|end| rest[..end].replace("&amp;", "&"))
        })
        .collect()
}

/// `value` as the add links carry it in their query (`application/x-www-form-urlencoded`,
/// written out here as an independent check).
fn encoded(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The four subscription links and the download of the feed at `feed` (a path) on `page`.
fn assert_subscribable(page: &str, feed: &str, what: &str) {
    let links = hrefs(page);
    let https = format!("https://meetings.example.org{feed}");
    let webcal = format!("webcal://meetings.example.org{feed}");
    let has = |wanted: &str| links.iter().any(|l| l == wanted);
    assert!(has(&webcal), "{what}: no {webcal} in {links:#?}");
    assert!(
        has(&format!(
            "https://calendar.google.com/calendar/render?cid={}",
            encoded(&webcal)
        )),
        "{what}: no Google Calendar link for {feed}"
    );
    for host in ["outlook.live.com", "outlook.office.com"] {
        let prefix = format!(
            "https://{host}/calendar/0/addfromweb?url={}&name=",
            encoded(&https)
        );
        assert!(
            links.iter().any(|l| l.starts_with(&prefix)),
            "{what}: no {host} link for {feed}"
        );
    }
    assert!(
        page.contains(&format!("value=\"{https}\"")),
        "{what}: no address to copy for {feed}"
    );
    assert!(
        page.contains(&format!("href=\"{https}\" download")),
        "{what}: no one-time download of {feed}"
    );
}

/// No link anywhere on `page` points at a feed by a relative address (it would download a
/// snapshot, or be dead in someone's calendar). One date of a series (`/series/{id}/{date}.ics`)
/// is a one-time import by design.
fn assert_no_relative_feed_link(page: &str, what: &str) {
    for link in hrefs(page) {
        let path = link.split(['?', '#']).next().unwrap_or("");
        let one_date = path.starts_with("/series/") && path.matches('/').count() == 3;
        let feed = path.ends_with(".ics") && !one_date;
        assert!(
            !feed || link.starts_with("https://") || link.starts_with("webcal://"),
            "{what}: relative feed link {link}"
        );
    }
}

#[tokio::test]
async fn can_subscribe_to_every_feed_in_each_calendar_app() {
    let mut site = example_site();
    site.set_public_url(BASE).unwrap();
    let (series, group, source) = (
        site.community.series[0].id.clone(),
        // A group with series (one without has no feed to offer).
        site.community
            .series
            .iter()
            .find_map(|s| s.group.clone())
            .unwrap(),
        site.sources[0].decl.id.clone(),
    );
    let state = state(site);
    let home = get(&state, "/").await.body;
    assert_subscribable(&home, "/calendar.ics", "home");
    assert_subscribable(&home, &format!("/sources/{source}.ics"), "home");
    assert_no_relative_feed_link(&home, "home");
    let page = get(&state, &format!("/series/{series}")).await.body;
    assert_subscribable(&page, &format!("/series/{series}.ics"), "series page");
    assert_no_relative_feed_link(&page, "series page");
    let groups = get(&state, "/groups").await.body;
    assert_subscribable(&groups, &format!("/groups/{group}.ics"), "groups page");
    assert_no_relative_feed_link(&groups, "groups page");
}

#[tokio::test]
async fn can_publish_under_a_sub_path() {
    let mut site = example_site();
    site.set_public_url("https://example.org/meetings/")
        .unwrap();
    let state = state(site);
    let home = get(&state, "/").await.body;
    let links = hrefs(&home);
    assert!(
        links
            .iter()
            .any(|l| l == "webcal://example.org/meetings/calendar.ics")
    );
    assert!(
        links.iter().any(|l| l == "/meetings/calendar"),
        "{links:#?}"
    );
}

#[tokio::test]
async fn says_why_there_is_no_subscription_without_a_public_url() {
    let state = state(example_site());
    let home = get(&state, "/").await.body;
    assert!(home.contains("does not know its public address"));
    assert!(home.contains("--base-url"));
    let links = hrefs(&home);
    assert!(
        !links.iter().any(|l| l.starts_with("webcal:")
            || l.contains("calendar/render?cid=")
            || l.contains("addfromweb")),
        "no subscription link without an absolute address: {links:#?}"
    );
    assert!(home.contains("href=\"/calendar.ics\" download"));
}

#[test]
fn refuses_a_public_url_that_is_not_a_plain_http_address() {
    let mut site = example_site();
    for bad in [
        "meetings.example.org",
        "ftp://example.org/",
        "https://example.org/?x=1",
        "https://user@example.org/",
        "javascript:alert(1)",
    ] {
        assert!(site.set_public_url(bad).is_err(), "{bad}");
    }
    site.set_public_url("HTTPS://Example.org:443/a/b/").unwrap();
    assert_eq!(site.base_url.as_deref(), Some("https://example.org/a/b"));
    assert_eq!(site.base_path, "/a/b");
}
