//! Issue 17 §1: many communities on one instance. The example hub (examples/hub) through the
//! real router in-process (every route of each community under its prefix, the hub's own pages,
//! the `community=` filters) and through the real binary (`check` on a hub, a broken file kept
//! apart while the others serve, the last good version serving after a bad edit, the export).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use common::{get, now};
use touchpoint::app;
use touchpoint::cli::ConfigArgs;
use touchpoint::hub;
use touchpoint::server::AppState;
use touchpoint::server::hub::{HubState, Served, hub_router};
use touchpoint_site::{Site, paths};
use touchpoint_store::SourceRecord;
use tower::ServiceExt;

fn example_hub() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/hub/hub.toml")
}

fn config(path: &Path) -> ConfigArgs {
    ConfigArgs {
        config: Some(path.to_path_buf()),
        ..ConfigArgs::default()
    }
}

/// The example hub's communities, each site as the hub serves it (under `/{id}`), with the
/// TODO Group's sample calendars stored.
fn example_sites() -> (hub::Layout, Vec<(String, Site)>) {
    let args = config(&example_hub());
    let layout = hub::layout(&args).unwrap().expect("the example is a hub");
    let members = hub::load_members(&layout, &args);
    let sites = members
        .into_iter()
        .map(|member| {
            let loaded = member.loaded.expect("every example community is valid");
            let records: Vec<SourceRecord> = loaded
                .community
                .calendars
                .iter()
                .map(|decl| {
                    let touchpoint_community::Location::Path(path) = &decl.location else {
                        panic!("the example reads sample files");
                    };
                    let file = loaded.base.as_ref().unwrap().join(path);
                    common::record(&decl.id, &std::fs::read(file).unwrap())
                })
                .collect();
            let mut site = app::site_from_records(&loaded, &records);
            site.base_path = format!("/{}", member.id);
            (member.id, site)
        })
        .collect();
    (layout, sites)
}

/// The hub's state serving `sites` at the fixed test clock.
fn hub_state(layout: &hub::Layout, sites: &[(String, Site)]) -> HubState {
    let hub = HubState::new(
        layout.info.clone(),
        "",
        sites
            .iter()
            .map(|(id, _)| Served {
                id: id.clone(),
                serving: None,
            })
            .collect(),
        Arc::new(now),
    );
    for (id, site) in sites {
        let state = AppState::new(site.clone(), Arc::new(now)).mounted_at(&format!("/{id}"));
        hub.set_member(id, state);
    }
    hub
}

async fn hub_get(hub: &HubState, uri: &str) -> (StatusCode, String) {
    let request = axum::http::Request::get(uri)
        .body(axum::body::Body::empty())
        .unwrap();
    let response = hub_router(hub.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 64 << 20)
        .await
        .unwrap();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

/// Every `href="/…"` and `src="/…"` of a page: the links into the site.
fn site_links(page: &str) -> Vec<String> {
    let mut links = Vec::new();
    for opening in ["href=\"/", "src=\"/", "action=\"/"] {
        let mut rest = page;
        while let Some(at) = rest.find(opening) {
            let after = &rest[at + opening.len() - 1..];
            let end = after.find('"').unwrap_or(after.len());
            links.push(after[..end].to_owned());
            rest = &after[end..];
        }
    }
    links
}

#[tokio::test]
async fn can_serve_every_route_of_each_community_under_its_prefix() {
    let (layout, sites) = example_sites();
    assert_eq!(sites.len(), 3);
    let hub = hub_state(&layout, &sites);
    let mut failed = Vec::new();
    let mut checked = 0;
    for (id, site) in &sites {
        // The same community served alone, as a single-community instance serves it.
        let mut alone = site.clone();
        alone.base_path = String::new();
        let alone = common::state(alone);
        for path in paths::every(site, now()) {
            let uri = format!("/{id}{path}");
            let (status, body) = hub_get(&hub, &uri).await;
            let expected = get(&alone, &path.to_string()).await.status;
            checked += 1;
            if status != expected || status != StatusCode::OK {
                failed.push(format!("{uri}: {status}, alone {expected}"));
            }
            // Every link of a community's page stays under its prefix (or is the hub's).
            for link in site_links(&body) {
                if !link.starts_with(&format!("/{id}/")) && !link.starts_with("//") {
                    failed.push(format!("{uri} links to {link}"));
                }
            }
        }
    }
    assert!(checked > 60, "only {checked} paths");
    assert!(failed.is_empty(), "{}", failed.join("\n"));
    // A prefix alone is sent to the community's home; an unknown one is the hub's 404.
    let (status, _) = hub_get(&hub, "/lantern").await;
    assert_eq!(status, StatusCode::PERMANENT_REDIRECT);
    let (status, body) = hub_get(&hub, "/no-such-community/").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("Open Source Meetings"), "{body}");
    let (status, _) = hub_get(&hub, "/lantern/series/no-such-series").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn can_show_every_community_with_its_next_meetings_on_the_hub_home() {
    let (layout, sites) = example_sites();
    let hub = hub_state(&layout, &sites);
    let (status, home) = hub_get(&hub, "/").await;
    assert_eq!(status, StatusCode::OK);
    for name in ["TODO Group", "Lantern", "Riverside Python"] {
        assert!(
            home.contains(&format!(">{name}</a></h3>")),
            "{name} missing"
        );
    }
    // Each card's next meetings link to the series under the community's prefix: the TODO
    // Group's Thursday touchpoint (26 Nov), Lantern's docs call (Friday 27 Nov), Riverside's
    // beginners' night (last Tuesday, 24 Nov is past: 29 Dec).
    for link in [
        "href=\"/todo-group/series/touchpoint-apac-emea\"",
        "href=\"/lantern/series/docs-wg\"",
        "href=\"/riverside-python/series/beginners-night\"",
    ] {
        assert!(home.contains(link), "no {link}");
    }
    for link in site_links(&home) {
        let inside = ["/todo-group/", "/lantern/", "/riverside-python/"]
            .iter()
            .any(|p| link.starts_with(p));
        let own = ["/", "/calendar", "/all.ics", "/assets/", "/favicon.svg"]
            .iter()
            .any(|p| link == *p || (p.ends_with('/') && link.starts_with(p)));
        assert!(inside || own, "the hub home links to {link}");
    }
}

#[tokio::test]
async fn can_show_the_hub_pages_in_the_visitors_language() {
    let (layout, sites) = example_sites();
    let hub = hub_state(&layout, &sites);
    let (status, home) = hub_get(&hub, "/?lang=ja").await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains("<html lang=\"ja\""));
    assert!(
        home.contains(">次のミーティング</h2>"),
        "the hub's own heading"
    );
    assert!(home.contains("3個のコミュニティ"));
    // What the script writes beside each meeting ("Happening now", "Starts in 2 h") comes
    // from the page, in its language.
    assert!(
        home.contains(r#"data-msg-now="開催中""#),
        "{}",
        home.chars().take(600).collect::<String>()
    );
    // The hub's own description in Japanese; in German, which it is not given in, the
    // default's, marked so a screen reader reads it in English.
    assert!(home.contains("<p>私たちがホストするコミュニティの公開ミーティングを一か所に。"));
    let (_, german) = hub_get(&hub, "/?lang=de").await;
    assert!(
        german.contains(r#"<p><span lang="en">The public meetings of the communities we host"#),
        "{}",
        german.chars().take(3000).collect::<String>()
    );
    // The TODO Group's description has a Japanese value; the others fall back, marked.
    assert!(home.contains("TODO Groupのオンラインミーティング"));
    assert!(home.contains(r#"<p class="summary" lang="en">"#));
    for english in [
        "Next meetings",
        "No upcoming meetings",
        "Subscribe to every community",
    ] {
        assert!(!home.contains(english), "{english:?} left in English");
    }
    let (_, calendar) = hub_get(&hub, "/calendar?lang=zh-Hans").await;
    assert!(calendar.contains("<html lang=\"zh-Hans\""));
    assert!(calendar.contains("所有社区未来四周的会议。"));
    assert!(
        calendar.contains(r#"aria-current="page">日历</a>"#),
        "the current entry"
    );
    let (status, missing) = hub_get(&hub, "/nowhere/?lang=ja").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(missing.contains("このアドレスにはコミュニティもページもありません。"));
    // A shared Japanese link stays Japanese along the hub's navigation, and names its
    // copies in the other languages.
    assert!(
        home.contains(r#"href="/calendar?lang=ja""#),
        "the navigation keeps ?lang="
    );
    assert!(
        !home.contains(r#"href="/calendar""#),
        "every link to the calendar keeps it"
    );
    // So does the calendar's filter form, with a shared link's zone.
    let (_, calendar) = hub_get(&hub, "/calendar?community=lantern&lang=ja&tz=Asia%2FTokyo").await;
    let filters = &calendar[calendar.find(r#"<form class="filters""#).unwrap()..];
    assert!(filters.contains(r#"<input type="hidden" name="tz" value="Asia/Tokyo">"#));
    assert!(filters.contains(r#"<input type="hidden" name="lang" value="ja">"#));
    assert!(home.contains(r#"<link rel="alternate" hreflang="zh-Hans" href="./?lang=zh-Hans">"#));
    assert!(home.contains(r#"<link rel="alternate" hreflang="x-default" href="./">"#));
    // No picker on a message: its address would answer it with the same message.
    assert!(!missing.contains(r#"<form class="tz""#));
    let (status, bad) = hub_get(&hub, "/?tz=Mars/Base&lang=de").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(bad.contains("<h1>Unbekannte Zeitzone</h1>"));
    // The zone asked for is named (escaped), with closer names when there are.
    assert!(bad.contains("Mars/Base"), "{bad}");
    let (status, bad) = hub_get(&hub, "/calendar?tz=Europe/Berln").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(bad.contains("<code>Europe/Berln</code>"), "{bad}");
    // The same page as a community's: what a zone name looks like, the closer names as links
    // that stay on the hub, and the way back to it.
    assert!(bad.contains("<code>America/New_York</code>"), "{bad}");
    assert!(
        bad.contains(r#"<li><a href="/?tz=Europe%2FBerlin">Europe/Berlin</a></li>"#),
        "{bad}"
    );
    assert!(bad.contains(r#"<a href="/">Every community</a>"#), "{bad}");
    let (status, community) = hub_get(&hub, "/lantern/calendar?tz=Europe/Berln").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        community.contains(r#"<li><a href="/lantern/?tz=Europe%2FBerlin">Europe/Berlin</a></li>"#),
        "{community}"
    );
    let (_, bad) = hub_get(&hub, "/calendar?tz=%3Cscript%3Ex").await;
    assert!(
        bad.contains("&lt;script&gt;x") && !bad.contains("<script>x"),
        "{bad}"
    );
    // English stays as it was.
    let (_, english) = hub_get(&hub, "/").await;
    assert!(english.contains(">Next meetings</h2>"));
    assert!(english.contains("3 communities · "));
}

#[tokio::test]
async fn can_give_each_communitys_titles_in_the_language_the_hub_api_asks_for() {
    let (layout, sites) = example_sites();
    let hub = hub_state(&layout, &sites);
    let titles = |body: &str| -> Vec<(String, String)> {
        let answer: serde_json::Value = serde_json::from_str(body).unwrap();
        answer["occurrences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                let community = o["community"].as_str().unwrap().to_owned();
                (community, o["title"].as_str().unwrap().to_owned())
            })
            .collect()
    };
    let window = "/api/v1/occurrences?from=2026-12-01&to=2027-01-01";
    let (status, body) = hub_get(&hub, &format!("{window}&lang=ja")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let japanese = titles(&body);
    // The TODO Group gives its titles in Japanese; the others offer none and keep their own.
    assert!(
        japanese.contains(&("todo-group".into(), "AMER・EMEA Touchpoint".into())),
        "{japanese:?}"
    );
    assert!(!japanese.iter().any(|(_, t)| t == "AMER & EMEA Touchpoint"));
    let (_, body) = hub_get(&hub, window).await;
    let english = titles(&body);
    assert_eq!(english.len(), japanese.len());
    for ((community, ja), (_, en)) in japanese.iter().zip(&english) {
        if community != "todo-group" {
            assert_eq!(ja, en, "{community} has no Japanese titles");
        }
    }
    assert!(english.contains(&("todo-group".into(), "AMER & EMEA Touchpoint".into())));
    // A page's `next` keeps the language.
    let (_, body) = hub_get(&hub, &format!("{window}&lang=ja&limit=2")).await;
    let page: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(page["next"].as_str().unwrap().contains("lang=ja"), "{body}");
    // What is not a language tag is refused with a JSON error that says why.
    let (status, body) = hub_get(&hub, &format!("{window}&lang=%22%3E%3Cscript%3E")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let error: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(
        error["error"].as_str().unwrap().contains("language tag"),
        "{body}"
    );
}

/// Each occurrence's `previous_start` in an occurrences answer, by (UID, start).
fn previous_starts(body: &str, key: &str) -> BTreeMap<(String, String), serde_json::Value> {
    let answer: serde_json::Value = serde_json::from_str(body).unwrap();
    answer[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let at = (
                o["uid"].as_str().unwrap().into(),
                o["start"].as_str().unwrap().into(),
            );
            (at, o["previous_start"].clone())
        })
        .collect()
}

/// The hub's API, and each community's series and group answers, say when each regular
/// meeting's previous one was, as the community's own occurrences answer does: so the hub's
/// `<touchpoint-upcoming>` can say "1 hour earlier than last time: clocks changed".
#[tokio::test]
async fn can_give_the_previous_start_in_every_answer_that_lists_occurrences() {
    let (layout, sites) = example_sites();
    let hub = hub_state(&layout, &sites);
    let window = "api/v1/occurrences?from=2026-11-01&to=2027-06-01&limit=500";
    let (status, body) = hub_get(&hub, &format!("/{window}")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let from_hub = previous_starts(&body, "occurrences");
    let mut from_communities = BTreeMap::new();
    for (id, _) in &sites {
        let (status, body) = hub_get(&hub, &format!("/{id}/{window}")).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        from_communities.extend(previous_starts(&body, "occurrences"));
    }
    assert_eq!(from_hub, from_communities);
    let given = from_hub.values().filter(|p| p.is_string()).count();
    assert!(given >= 50, "{given} of {} have one", from_hub.len());
    // A series' and a group's next meetings, the same.
    let (_, body) = hub_get(&hub, "/todo-group/api/v1/series/touchpoint-amer-emea").await;
    let upcoming = previous_starts(&body, "upcoming");
    let (_, body) = hub_get(&hub, "/todo-group/api/v1/groups/oss-in-business").await;
    let upcoming_in_group = previous_starts(&body, "upcoming");
    for (at, previous) in upcoming.iter().chain(&upcoming_in_group) {
        assert_eq!(Some(previous), from_hub.get(at), "{at:?}");
    }
    assert!(
        upcoming.values().any(serde_json::Value::is_string),
        "{upcoming:?}"
    );
}

/// A hub request's status, `Location` and `Set-Cookie`.
async fn hub_redirect(hub: &HubState, uri: &str) -> (StatusCode, String, String) {
    let request = axum::http::Request::get(uri)
        .body(axum::body::Body::empty())
        .unwrap();
    let response = hub_router(hub.clone()).oneshot(request).await.unwrap();
    let header = |name| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    (
        response.status(),
        header(axum::http::header::LOCATION),
        header(axum::http::header::SET_COOKIE),
    )
}

#[tokio::test]
async fn can_pick_a_zone_and_a_language_on_the_hub_pages() {
    let (layout, sites) = example_sites();
    let hub = hub_state(&layout, &sites);
    // Both pickers in the header of the hub's pages; the calendar's form keeps its filter.
    let (_, home) = hub_get(&hub, "/").await;
    let prefs = &home[home.find(r#"<div class="prefs">"#).expect("the pickers")..];
    assert!(
        prefs.contains(r#"<form class="tz" method="get" action="">"#),
        "{prefs}"
    );
    assert!(
        prefs.contains(r#"<select id="lang-pick" name="lang">"#),
        "{prefs}"
    );
    assert!(
        prefs.contains(r#"<option value="ja" lang="ja">日本語</option>"#),
        "{prefs}"
    );
    // Each button's name says what it shows (a page has three "Show" buttons).
    let named =
        r#"<button type="submit" aria-label="Show the times in this time zone">Show</button>"#;
    assert!(prefs.contains(named), "{prefs}");
    let (_, calendar) = hub_get(&hub, "/calendar?community=lantern").await;
    assert!(
        calendar.contains(r#"<input type="hidden" name="community" value="lantern">"#),
        "the zone form keeps the page's filter"
    );
    // The zone picker's answer: remembered in the cookie, back to the same page and filter.
    let (status, location, cookie) = hub_redirect(
        &hub,
        "/calendar?community=lantern&tz=Asia%2FTokyo&remember=1",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, "./calendar?community=lantern");
    assert!(cookie.starts_with("tz=Asia/Tokyo; Path=/;"), "{cookie}");
    let (status, _, cookie) = hub_redirect(&hub, "/?tz=Mars%2FBase&remember=1").await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "an unknown zone is not remembered"
    );
    assert!(cookie.is_empty());
    // The language picker's: one of the hub's languages, remembered; the shared zone stays.
    let (status, location, cookie) =
        hub_redirect(&hub, "/?tz=Asia%2FTokyo&lang=ja&remember-lang=1").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, "./?tz=Asia%2FTokyo");
    assert!(cookie.starts_with("lang=ja; Path=/;"), "{cookie}");
    // A shared link's zone is shown and said, with the way back to the visitor's own.
    let (_, shared) = hub_get(&hub, "/?tz=Asia%2FTokyo").await;
    assert!(
        shared.contains(r#"<p class="zone-shared" role="note">"#),
        "{shared}"
    );
}

/// The hub's answer to a GET of `uri` with `headers`.
async fn hub_response(
    hub: &HubState,
    uri: &str,
    headers: &[(axum::http::HeaderName, &str)],
) -> axum::response::Response {
    let mut request = axum::http::Request::get(uri);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    let request = request.body(axum::body::Body::empty()).unwrap();
    hub_router(hub.clone()).oneshot(request).await.unwrap()
}

#[tokio::test]
async fn can_answer_a_calendar_app_polling_the_hub_feed_with_not_modified() {
    use axum::http::header;
    let (layout, sites) = example_sites();
    let hub = hub_state(&layout, &sites);
    let first = hub_response(&hub, "/all.ics", &[]).await;
    assert_eq!(first.status(), StatusCode::OK);
    let value = |response: &axum::response::Response, name| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    let etag = value(&first, header::ETAG);
    assert!(etag.starts_with('"'), "an ETag: {etag:?}");
    // A feed is the same for everyone: kept by caches, not varied by cookies or language.
    assert_eq!(value(&first, header::CACHE_CONTROL), "public, max-age=900");
    assert_eq!(value(&first, header::VARY), "Accept-Encoding");
    let modified = value(&first, header::LAST_MODIFIED);
    assert!(modified.ends_with(" GMT"), "{modified:?}");
    // The next poll, as calendar apps make it: 304, no body, compressed or not; the validator
    // of a compressed body is weak (other bytes, the same content).
    for (encoding, tag) in [
        ("gzip, br", format!("W/{etag}")),
        ("identity", etag.clone()),
    ] {
        let again = hub_response(
            &hub,
            "/all.ics",
            &[
                (header::IF_NONE_MATCH, &etag),
                (header::ACCEPT_ENCODING, encoding),
            ],
        )
        .await;
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{encoding}");
        assert_eq!(value(&again, header::ETAG), tag);
        let body = axum::body::to_bytes(again.into_body(), 1 << 20)
            .await
            .unwrap();
        assert!(body.is_empty());
    }
    let by_date = hub_response(&hub, "/all.ics", &[(header::IF_MODIFIED_SINCE, &modified)]).await;
    assert_eq!(by_date.status(), StatusCode::NOT_MODIFIED);
    let changed = hub_response(&hub, "/all.ics", &[(header::IF_NONE_MATCH, "\"other\"")]).await;
    assert_eq!(changed.status(), StatusCode::OK);
    // Pages revalidate too, and stay private to the visitor's cookies.
    let home = hub_response(&hub, "/", &[]).await;
    assert_eq!(value(&home, header::CACHE_CONTROL), "no-cache");
    assert_eq!(
        value(&home, header::VARY),
        "Accept-Encoding, Cookie, Accept-Language"
    );
    let page_etag = value(&home, header::ETAG);
    let again = hub_response(&hub, "/", &[(header::IF_NONE_MATCH, &page_etag)]).await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
}

#[tokio::test]
async fn can_keep_one_page_whatever_parameters_the_page_does_not_read() {
    let (layout, sites) = example_sites();
    let hub = hub_state(&layout, &sites);
    let (_, plain) = hub_get(&hub, "/").await;
    let (_, junk) = hub_get(&hub, "/?junk=1&utm_source=x").await;
    assert_eq!(
        junk, plain,
        "a parameter the page does not read changes nothing"
    );
    assert!(!junk.contains("junk"), "nor travels in its forms");
    let cached = hub.cache_len();
    for i in 0..50 {
        hub_get(&hub, &format!("/?junk={i}")).await;
        hub_get(&hub, &format!("/all.ics?junk={i}")).await;
    }
    assert!(
        hub.cache_len() <= cached + 1,
        "{} answers kept",
        hub.cache_len()
    );
    // What the feed reads still makes its answer: an unknown source is a 404, not the feed.
    let (status, _) = hub_get(&hub, "/all.ics?source=nope").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = hub_get(&hub, "/all.ics").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn can_filter_the_hub_calendar_feed_and_api_by_community() {
    let (layout, sites) = example_sites();
    let hub = hub_state(&layout, &sites);
    let (status, all) = hub_get(&hub, "/calendar").await;
    assert_eq!(status, StatusCode::OK);
    assert!(all.contains("/lantern/series/") && all.contains("/todo-group/series/"));
    let (status, one) = hub_get(&hub, "/calendar?community=lantern").await;
    assert_eq!(status, StatusCode::OK);
    assert!(one.contains("/lantern/series/contributor-call-emea"));
    assert!(
        !one.contains("/todo-group/series/"),
        "another community listed"
    );
    let (status, group) = hub_get(&hub, "/calendar?community=lantern&group=docs").await;
    assert_eq!(status, StatusCode::OK);
    assert!(group.contains("/lantern/series/docs-wg"));
    assert!(!group.contains("/lantern/series/contributor-call-emea"));
    let (status, _) = hub_get(&hub, "/calendar?community=nope").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // A group ticked under Lantern narrows Lantern only: the TODO Group, ticked too, stays.
    let (status, both) = hub_get(
        &hub,
        "/calendar?community=lantern&community=todo-group&group=docs",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(both.contains("/lantern/series/docs-wg"));
    assert!(!both.contains("/lantern/series/contributor-call-emea"));
    assert!(
        both.contains("/todo-group/series/"),
        "the TODO Group is shown whole"
    );

    // The feed: every community's events, or one's.
    let (status, feed) = hub_get(&hub, "/all.ics").await;
    assert_eq!(status, StatusCode::OK);
    for uid in [
        "UID:touchpoint-apac-emea@todogroup.org",
        "UID:docs-wg@lantern-search.example.org",
        "UID:monthly-meetup@riversidepython.example.org",
    ] {
        assert!(feed.contains(uid), "no {uid}");
    }
    let (_, feed) = hub_get(&hub, "/all.ics?community=riverside-python").await;
    assert!(feed.contains("UID:monthly-meetup@riversidepython.example.org"));
    assert!(!feed.contains("@lantern-search.example.org"));
    assert!(touchpoint_calendar::parse(feed.as_bytes()).is_ok());

    // The API: `community=` narrows it, each occurrence names its community, and paging by
    // `next` walks the same list as one answer.
    let (status, body) = hub_get(
        &hub,
        "/api/v1/occurrences?from=2026-12-01&to=2027-01-01&community=riverside-python",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let answer: serde_json::Value = serde_json::from_str(&body).unwrap();
    let listed = answer["occurrences"].as_array().unwrap();
    assert_eq!(listed.len(), 3, "{body}");
    assert!(listed.iter().all(|o| o["community"] == "riverside-python"));
    let whole = "/api/v1/occurrences?from=2026-12-01&to=2027-01-01";
    let (_, body) = hub_get(&hub, whole).await;
    let whole: serde_json::Value = serde_json::from_str(&body).unwrap();
    let whole = whole["occurrences"].as_array().unwrap().clone();
    let communities: std::collections::BTreeSet<&str> = whole
        .iter()
        .map(|o| o["community"].as_str().unwrap())
        .collect();
    assert_eq!(communities.len(), 3, "{communities:?}");
    let mut paged = Vec::new();
    let mut next = Some("/api/v1/occurrences?from=2026-12-01&to=2027-01-01&limit=4".to_owned());
    while let Some(uri) = next {
        let (status, body) = hub_get(&hub, &uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body}");
        let page: serde_json::Value = serde_json::from_str(&body).unwrap();
        paged.extend(page["occurrences"].as_array().unwrap().iter().cloned());
        next = page["next"].as_str().map(str::to_owned);
    }
    assert_eq!(paged, whole);
    let (status, _) = hub_get(&hub, "/api/v1/occurrences?community=nope").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // Several communities, as the calendar and the feed take them; paging keeps them all.
    let two = "/api/v1/occurrences?from=2026-12-01&to=2027-01-01\
               &community=riverside-python&community=lantern";
    let (status, body) = hub_get(&hub, two).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let answer: serde_json::Value = serde_json::from_str(&body).unwrap();
    let of_two: std::collections::BTreeSet<&str> = answer["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["community"].as_str().unwrap())
        .collect();
    assert_eq!(of_two, ["lantern", "riverside-python"].into());
    let (_, body) = hub_get(&hub, &format!("{two}&limit=2")).await;
    let page: serde_json::Value = serde_json::from_str(&body).unwrap();
    let next = page["next"].as_str().unwrap();
    assert!(
        next.contains("community=riverside-python&community=lantern"),
        "{next}"
    );
    let (_, body) = hub_get(&hub, "/api/v1/communities").await;
    let listed: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(listed[1]["id"], "lantern");
    assert_eq!(listed[1]["href"], "/lantern/");
}

#[test]
fn check_reports_each_file_of_a_hub_on_its_own() {
    let dir = tempfile::tempdir().unwrap();
    copy_small_communities(dir.path());
    std::fs::write(
        dir.path().join("broken.toml"),
        "[community]\nname = \"Broken\"\ntimezone = \"Mars/Olympus\"\n",
    )
    .unwrap();
    let done = touchpoint()
        .args(["check", "--config"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&done.stdout);
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert_eq!(done.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stderr.contains("broken.toml:3:"), "{stderr}");
    assert!(
        stderr.contains("1 of 3 communities have errors"),
        "{stderr}"
    );
    assert!(stdout.contains("(lantern): ok — 5 series"), "{stdout}");
    assert!(
        stdout.contains("(riverside-python): ok — 3 series"),
        "{stdout}"
    );

    let done = touchpoint()
        .args(["check", "--config"])
        .arg(example_hub())
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    // A hub file with a bad id points at it.
    let bad = dir.path().join("hub.toml");
    std::fs::write(
        &bad,
        "[hub]\nname = \"H\"\n[[communities]]\npath = \"lantern.toml\"\nid = \"Lantern Search\"\n",
    )
    .unwrap();
    let done = touchpoint()
        .args(["check", "--config"])
        .arg(&bad)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert_eq!(done.status.code(), Some(1));
    assert!(
        stderr.contains("hub.toml:5:6: error: `Lantern Search` cannot be a community's id"),
        "{stderr}"
    );
}

fn touchpoint() -> Command {
    Command::new(env!("CARGO_BIN_EXE_touchpoint"))
}

/// Lantern and Riverside Python from the example hub, copied into `dir`.
fn copy_small_communities(dir: &Path) {
    let examples = example_hub().parent().unwrap().to_path_buf();
    for name in ["lantern.toml", "riverside-python.toml"] {
        std::fs::copy(examples.join(name), dir.join(name)).unwrap();
    }
}

/// A `touchpoint serve` on a free port, stopped when dropped.
struct Server {
    child: Child,
    addr: std::net::SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(config: &Path, data: &Path) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let addr: std::net::SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let child = touchpoint()
            .args(["serve", "--listen", &addr.to_string(), "--config"])
            .arg(config)
            .arg("--data")
            .arg(data)
            .env("TOUCHPOINT_HUB_RELOAD", "100ms")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let server = Server { child, addr };
        server.wait_for("/healthz", |status, _| status == 200);
        server
    }

    fn get(&self, path: &str) -> (u16, String) {
        match common::http_get(self.addr, path, Duration::from_secs(10)) {
            Ok((head, body)) => (common::status_of(&head).unwrap_or(0), body),
            Err(_) => (0, String::new()),
        }
    }

    /// Poll `path` until `done` says so (at most 10 s); the last answer.
    fn wait_for(&self, path: &str, done: impl Fn(u16, &str) -> bool) -> (u16, String) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let (status, body) = self.get(path);
            if done(status, &body) || Instant::now() > deadline {
                return (status, body);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

#[test]
fn a_broken_community_file_never_takes_the_others_down() {
    let dir = tempfile::tempdir().unwrap();
    copy_small_communities(dir.path());
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "[community]\nname = \"Broken\"\n").unwrap();
    let server = Server::start(dir.path(), &dir.path().join("data"));

    // The broken one is reported on its own; the others serve.
    let (status, _) = server.get("/broken/");
    assert_eq!(status, 503);
    let (status, body) = server.get("/lantern/");
    assert_eq!(status, 200);
    assert!(body.contains("Contributor call (EMEA / Americas)"));
    let (status, body) = server.get("/");
    assert_eq!(status, 200);
    assert!(body.contains("Not available"), "{body}");

    // A bad edit of a serving community: the last good version keeps serving.
    let lantern = dir.path().join("lantern.toml");
    let good = std::fs::read_to_string(&lantern).unwrap();
    std::fs::write(
        &lantern,
        good.replace("timezone = \"Europe/Berlin\"", "timezone = 7"),
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(600));
    let (status, body) = server.get("/lantern/");
    assert_eq!(status, 200);
    assert!(body.contains("Contributor call (EMEA / Americas)"));

    // A good edit is served; fixing the broken file brings its community up.
    std::fs::write(
        &lantern,
        good.replace(
            "Contributor call (EMEA / Americas)",
            "Contributor call (EMEA)",
        ),
    )
    .unwrap();
    let (_, body) = server.wait_for("/lantern/", |_, body| {
        body.contains("Contributor call (EMEA)<")
    });
    assert!(
        body.contains("Contributor call (EMEA)<"),
        "the good edit was not served"
    );
    std::fs::write(
        &broken,
        "[community]\nname = \"Mended\"\ntimezone = \"UTC\"\n",
    )
    .unwrap();
    let (status, body) = server.wait_for("/broken/", |status, _| status == 200);
    assert_eq!(status, 200);
    assert!(body.contains("Mended"));
    let (_, home) = server.wait_for("/", |_, body| body.contains("Mended"));
    assert!(home.contains("href=\"/broken/\""), "{home}");
}

#[test]
fn can_export_the_hub_in_its_default_language() {
    let dir = tempfile::tempdir().unwrap();
    copy_small_communities(dir.path());
    let hub = dir.path().join("hub.toml");
    std::fs::write(
        &hub,
        "[hub]\nname = { ja = \"ミーティング\", en = \"Meetings\" }\nlanguage = \"ja\"\n\
         [[communities]]\npath = \"lantern.toml\"\n",
    )
    .unwrap();
    let out = build_hub(&hub, dir.path());
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        home.contains(r#"<html lang="ja""#),
        "{}",
        home.chars().take(300).collect::<String>()
    );
    assert!(home.contains("<h1>ミーティング</h1>"));
    assert!(home.contains(r#"data-msg-now="開催中""#));
}

/// `touchpoint build` of the hub `config` at the test clock, its store in `dir`: the export's
/// folder (`dir/out`).
fn build_hub(config: &Path, dir: &Path) -> PathBuf {
    let out = dir.join("out");
    let done = touchpoint()
        .args(["build", "--now", common::NOW, "--config"])
        .arg(config)
        .arg("--data")
        .arg(dir.join("data"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    out
}

#[test]
fn can_export_the_hub_with_every_community_under_its_prefix() {
    let dir = tempfile::tempdir().unwrap();
    let out = build_hub(&example_hub(), dir.path());
    for file in [
        "index.html",
        "calendar/index.html",
        "all.ics",
        "api/v1/communities.json",
        "api/v1/openapi.json",
        "assets/site.css",
    ] {
        assert!(out.join(file).is_file(), "no {file}");
    }
    // The hub's API description, as its server answers it: with the `community` filter.
    let openapi: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("api/v1/openapi.json")).unwrap()).unwrap();
    let occurrences = &openapi["paths"]["/api/v1/occurrences"]["get"]["parameters"];
    assert!(
        (occurrences.as_array().unwrap().iter()).any(|p| p["name"] == "community"),
        "{openapi}"
    );
    // Every file each community's own export has, under its prefix.
    let (_, sites) = example_sites();
    for (id, site) in &sites {
        for path in paths::every(site, now()) {
            if let Some(file) = path.export_file() {
                assert!(out.join(id).join(&file).is_file(), "no {id}/{file}");
            }
        }
    }
    // Links are relative, so the tree works wherever it is put.
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    // The zone picker works in the export (its script reads `?tz=`); the language picker,
    // which needs the server, is left out of the hub's pages written in one language.
    assert!(home.contains(r#"<form class="tz""#), "{home}");
    assert!(!home.contains(r#"<form class="lang""#), "{home}");
    assert!(out.join("assets/zones.json").is_file());
    let zones = &touchpoint_site::assets::get("/assets/zones.json")
        .unwrap()
        .version;
    let zones_link = format!(r#"data-src="./assets/zones.json?v={zones}""#);
    assert!(home.contains(&zones_link), "{home}");
    let calendar = std::fs::read_to_string(out.join("calendar/index.html")).unwrap();
    assert!(calendar.contains(&format!(r#"data-src="../assets/zones.json?v={zones}""#)));
    // Each file the hub's pages load (at `?v=` the hash of its bytes) is written with those
    // very bytes: the ones the server answers.
    for asset in touchpoint_site::assets::all() {
        let written = std::fs::read(out.join(asset.route.trim_start_matches('/'))).unwrap();
        let hash = format!("{:016x}", touchpoint_calendar::digest::digest(&written));
        assert_eq!(hash, asset.version, "{}", asset.route);
        assert!(home.contains(&format!("{}?v={hash}", asset.route.trim_start_matches('/'))));
    }
    // A static host ignores the query: each view of the build's period is a file of its own,
    // linked as such, with no "Earlier" or "Later" and no form it could not answer; each
    // community's own calendar is a link away, in the same view.
    assert!(calendar.contains(r#"class="agenda-day""#), "{calendar}");
    let week = std::fs::read_to_string(out.join("calendar/week/index.html")).unwrap();
    let month = std::fs::read_to_string(out.join("calendar/month/index.html")).unwrap();
    assert!(week.contains(r#"class="wk-scroll""#) && month.contains(r#"<table class="month""#));
    for page in [&calendar, &week, &month] {
        for query in ["?view=", "?date=", "&amp;date="] {
            assert!(!page.contains(query), "{query} in {page}");
        }
        assert!(!page.contains(r#"rel="prev""#) && !page.contains("<form class=\"filters\""));
        assert!(site_links(page).is_empty(), "{:?}", site_links(page));
    }
    assert!(
        calendar.contains(r#"<a href="../calendar/week/">Week</a>"#),
        "{calendar}"
    );
    assert!(
        week.contains(r#"<a href="../../lantern/calendar/week/">Lantern</a>"#),
        "{week}"
    );
    // The week carries the meetings of the days around it, hidden, and the working hours, for
    // local-times.js to lay it out again in the visitor's zone.
    assert!(week.contains(r#"<ol class="wk-spare" hidden>"#), "{week}");
    assert!(week.contains(r#"data-working-hours="8 18""#), "{week}");
    assert!(month.contains(r#"data-cell-max="3""#), "{month}");
    assert!(home.contains("href=\"./lantern/\""), "{home}");
    let page = std::fs::read_to_string(out.join("lantern/series/docs-wg/index.html")).unwrap();
    assert!(site_links(&page).is_empty(), "{:?}", site_links(&page));
    assert!(page.contains("href=\"../../groups/docs/\""), "{page}");
}

/// The part of a week grid or month grid page that is one day: its column or its cell.
fn day_of_grid<'p>(page: &'p str, day: &str) -> &'p str {
    let opening = format!(r#"data-date="{day}""#);
    let cell = format!(r#"data-day="{day}""#);
    let at = page
        .find(&opening)
        .or_else(|| page.find(&cell))
        .unwrap_or_else(|| panic!("no day {day}"));
    let rest = &page[at..];
    // The next day's column or cell ends this one.
    let end = rest[1..]
        .find("data-date=\"")
        .or_else(|| rest[1..].find("data-day=\""))
        .map_or(rest.len(), |i| i + 1);
    &rest[..end]
}

/// The hub calendar as a week and as a month, as a community's calendar shows them: every
/// community's meetings on the day they fall on in the visitor's zone, each linking into its
/// community; the periods around; the filter kept along; a bad view or date a clear 400.
#[tokio::test]
async fn can_show_the_hub_calendar_as_a_week_and_a_month() {
    let (layout, sites) = example_sites();
    let hub = hub_state(&layout, &sites);
    // The week of Monday 30 November 2026, in the hub's zone (UTC).
    let (status, week) = hub_get(&hub, "/calendar?view=week&date=2026-12-02").await;
    assert_eq!(status, StatusCode::OK, "{week}");
    assert!(week.contains(r#"class="wk-scroll""#), "no week grid");
    assert!(week.contains("Week of"), "{week}");
    // Lantern's Tuesday call (16:00 in Berlin) and the TODO Group's Thursday call (12:00 UTC).
    let tuesday = day_of_grid(&week, "2026-12-01");
    assert!(
        tuesday.contains(r#"href="/lantern/series/contributor-call-emea""#),
        "{tuesday}"
    );
    assert!(
        tuesday.contains(">15:00<"),
        "16:00 in Berlin is 15:00 UTC: {tuesday}"
    );
    // Meetings of many communities side by side: each box names its community.
    assert!(
        tuesday.contains(r#"<span class="source">(Lantern)</span>"#),
        "{tuesday}"
    );
    let thursday = day_of_grid(&week, "2026-12-03");
    assert!(
        thursday.contains(r#"href="/todo-group/series/touchpoint-apac-emea""#),
        "{thursday}"
    );
    assert!(!thursday.contains("/lantern/series/contributor-call-emea"));
    // The weeks around, the same filter: here none.
    assert!(
        week.contains(r#"rel="prev" href="/calendar?view=week&amp;date=2026-11-23""#),
        "{week}"
    );
    assert!(
        week.contains(r#"rel="next" href="/calendar?view=week&amp;date=2026-12-07""#),
        "{week}"
    );
    assert!(week.contains(r#"aria-current="page">Week<"#), "{week}");

    // A month of one community: Riverside Python's meetup on the second Thursday, 18:30 in
    // Chicago, is on Friday 11 December in UTC; no other community's meeting is there.
    let (status, month) = hub_get(
        &hub,
        "/calendar?view=month&date=2026-12-15&community=riverside-python",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{month}");
    assert!(month.contains(r#"<table class="month""#), "no month grid");
    let friday = day_of_grid(&month, "2026-12-11");
    assert!(
        friday.contains(r#"href="/riverside-python/series/monthly-meetup""#),
        "{friday}"
    );
    assert!(friday.contains("(Riverside Python)"), "{friday}");
    assert!(!month.contains("/lantern/series/") && !month.contains("/todo-group/series/"));
    // The months around keep the community; so does the filter form, with the view and day.
    assert!(
        month.contains(
            r#"rel="next" href="/calendar?view=month&amp;date=2027-01-01&amp;community=riverside-python""#
        ),
        "{month}"
    );
    let form = &month[month.find(r#"<form class="filters""#).unwrap()..];
    assert!(form.contains(r#"<input type="hidden" name="view" value="month">"#));
    assert!(form.contains(r#"<input type="hidden" name="date" value="2026-12-15">"#));
    // In another zone the meetup moves back to its Thursday.
    let (_, chicago) = hub_get(
        &hub,
        "/calendar?view=month&date=2026-12-15&community=riverside-python&tz=America%2FChicago",
    )
    .await;
    assert!(
        day_of_grid(&chicago, "2026-12-10").contains("/riverside-python/series/monthly-meetup")
    );
    assert!(
        !day_of_grid(&chicago, "2026-12-11").contains("/riverside-python/series/monthly-meetup")
    );
    // A shared link's zone stays along the calendar's own links, so the next month (or a
    // crowded day's agenda) counts in the zone this one counted in; it is never remembered.
    assert!(
        chicago.contains(
            r#"rel="next" href="/calendar?view=month&amp;date=2027-01-01&amp;community=riverside-python&amp;tz=America%2FChicago""#
        ),
        "{chicago}"
    );
    assert!(!month.contains("&amp;tz="), "no shared zone, none added");

    // The agenda of another period says which, and links to its neighbours.
    let (status, agenda) = hub_get(&hub, "/calendar?date=2027-01-04").await;
    assert_eq!(status, StatusCode::OK);
    assert!(agenda.contains(r#"data-day="2027-01-04""#), "{agenda}");
    assert!(
        !agenda.contains(r#"data-day="2026-11-25""#),
        "today is not in that period"
    );
    assert!(agenda.contains(r#"rel="next" href="/calendar?view=agenda&amp;date=2027-02-01""#));

    // Each view at its own path too, as the export writes them; the query adds to it.
    let (status, by_path) = hub_get(&hub, "/calendar/week?date=2026-12-02").await;
    assert_eq!(status, StatusCode::OK);
    assert!(by_path.contains(r#"class="wk-scroll""#));
    assert!(day_of_grid(&by_path, "2026-12-01").contains("/lantern/series/contributor-call-emea"));
    let (status, page) = hub_get(&hub, "/calendar/year").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{page}");
    assert!(page.contains("year"));

    // What cannot be read is said, and nothing else is shown.
    for (query, named) in [("view=year", "year"), ("date=2026-13-01", "2026-13-01")] {
        let (status, page) = hub_get(&hub, &format!("/calendar?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        assert!(page.contains(named), "{query}: {page}");
        assert!(!page.contains("/series/"), "{query}: a calendar was shown");
    }
}

/// An id that only a community not chosen has is reported as missing from the chosen ones, not
/// from the whole hub (which has it), on the API and on the page; an id no community has still
/// names the hub.
#[tokio::test]
async fn can_say_which_communities_lack_an_id_asked_for() {
    let (layout, sites) = example_sites();
    let hub = hub_state(&layout, &sites);
    let (status, body) = hub_get(&hub, "/api/v1/occurrences?community=todo-group&group=docs").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body.contains(
            "none of the communities asked for (`todo-group`) has a source, series or group `docs`"
        ),
        "{body}"
    );
    let (status, page) = hub_get(&hub, "/calendar?community=todo-group&group=docs").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{page}");
    assert!(
        page.contains(
            "None of the chosen communities (todo-group) has a calendar, series or group “docs”."
        ),
        "{page}"
    );
    let (_, page) = hub_get(&hub, "/calendar?community=todo-group&group=docs&lang=de").await;
    assert!(
        page.contains("Keine der gewählten Communities (todo-group)"),
        "{page}"
    );
    // Lantern has the group: asked of the whole hub, or of Lantern too, it lists.
    let (status, _) = hub_get(&hub, "/api/v1/occurrences?group=docs").await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = hub_get(
        &hub,
        "/api/v1/occurrences?community=todo-group&community=lantern&group=docs",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    // A parameter given twice is named (a repeated `community` is a list, not an error).
    let (status, body) = hub_get(&hub, "/api/v1/occurrences?lang=ja&lang=en").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body.contains("`lang` is given more than once: give it once"),
        "{body}"
    );
    let (status, body) = hub_get(&hub, "/api/v1/occurrences?group=nope").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body.contains("no community of this hub has a source, series or group `nope`"),
        "{body}"
    );
}

/// The hub's API has its own OpenAPI document: its two operations, every community's ids as
/// the values `community`, `source`, `series` and `group` take; and it reads its query as a
/// community's API does (an empty date or limit is refused, not taken as missing).
#[tokio::test]
async fn can_describe_the_hub_api_and_read_its_query_as_a_communitys() {
    use axum::http::header;
    let (layout, sites) = example_sites();
    let hub = hub_state(&layout, &sites);
    let (status, body) = hub_get(&hub, "/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let document: serde_json::Value = serde_json::from_str(&body).unwrap();
    let paths: Vec<&String> = document["paths"].as_object().unwrap().keys().collect();
    assert_eq!(paths, ["/api/v1/communities", "/api/v1/occurrences"]);
    let parameters = document["paths"]["/api/v1/occurrences"]["get"]["parameters"]
        .as_array()
        .unwrap();
    let values = |name: &str| -> Vec<String> {
        let parameter = parameters.iter().find(|p| p["name"] == name).unwrap();
        let schema = &parameter["schema"];
        let values = schema["items"]["enum"]
            .as_array()
            .or(schema["enum"].as_array())
            .unwrap();
        values
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        values("community"),
        ["", "todo-group", "lantern", "riverside-python"]
    );
    // One community's group and another's series are both offered.
    assert!(values("group").contains(&"docs".to_owned()));
    assert!(values("series").contains(&"oss-in-business-call".to_owned()));
    // Made once and kept: a client that has it gets a 304, one that takes brotli gets brotli.
    let kept = hub_response(&hub, "/api/v1/openapi.json", &[]).await;
    let etag = kept.headers()[header::ETAG].to_str().unwrap().to_owned();
    let again = hub_response(
        &hub,
        "/api/v1/openapi.json",
        &[(header::IF_NONE_MATCH, &etag)],
    )
    .await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    let compressed = hub_response(
        &hub,
        "/api/v1/openapi.json",
        &[(header::ACCEPT_ENCODING, "gzip, br")],
    )
    .await;
    assert_eq!(compressed.headers()[header::CONTENT_ENCODING], "br");

    for (query, message) in [
        ("to=", "`to` must be a date written YYYY-MM-DD"),
        ("from=", "`from` must be a date written YYYY-MM-DD"),
        ("limit=", "cannot parse integer from empty string"),
    ] {
        let (status, body) = hub_get(&hub, &format!("/api/v1/occurrences?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}: {body}");
        assert!(body.contains(message), "{query}: {body}");
    }
}

/// Follows one redirect of `uri` on the hub: the status, and the address its `Location`
/// names, resolved as a browser resolves it (a relative location against `uri`).
async fn hub_followed(hub: &HubState, uri: &str) -> (StatusCode, String) {
    let (status, location, _) = hub_redirect(hub, uri).await;
    let base = url::Url::parse("http://hub.test")
        .unwrap()
        .join(uri)
        .unwrap();
    let target = base.join(&location).unwrap();
    let path = match target.query() {
        Some(query) => format!("{}?{query}", target.path()),
        None => target.path().to_owned(),
    };
    (status, path)
}

#[tokio::test]
async fn can_answer_the_static_exports_addresses_with_their_trailing_slash() {
    let (layout, sites) = example_sites();
    let hub = hub_state(&layout, &sites);
    // Every page of each community that an export writes as a directory, under its prefix.
    let mut checked = 0;
    for (id, site) in &sites {
        for path in paths::every(site, now()) {
            let path = path.to_string();
            let directory = (path == "/health"
                || ["/calendar", "/series/", "/groups", "/planner"]
                    .iter()
                    .any(|page| path.starts_with(page)))
                && !path.ends_with(".ics")
                && !path.ends_with(".json");
            if !directory {
                continue;
            }
            let uri = format!("/{id}{path}/");
            let (status, target) = hub_followed(&hub, &uri).await;
            assert_eq!(status, StatusCode::PERMANENT_REDIRECT, "{uri}");
            assert_eq!(target, format!("/{id}{path}"), "{uri}");
            assert_eq!(hub_get(&hub, &target).await.0, StatusCode::OK, "{target}");
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} pages");
    // The query goes along: a shared link's zone is the same page's zone.
    let (status, target) = hub_followed(
        &hub,
        "/lantern/calendar/week/?date=2026-12-02&tz=Asia%2FTokyo",
    )
    .await;
    assert_eq!(status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(
        target,
        "/lantern/calendar/week?date=2026-12-02&tz=Asia%2FTokyo"
    );
    // The hub's own calendar, as its export names it.
    for (uri, page) in [
        ("/calendar/", "/calendar"),
        (
            "/calendar/month/?community=lantern",
            "/calendar/month?community=lantern",
        ),
    ] {
        let (status, target) = hub_followed(&hub, uri).await;
        assert_eq!(status, StatusCode::PERMANENT_REDIRECT, "{uri}");
        assert_eq!(target, page, "{uri}");
        assert_eq!(hub_get(&hub, &target).await.0, StatusCode::OK, "{target}");
    }
    // An empty query is not written out.
    let (_, location, _) = hub_redirect(&hub, "/lantern/calendar/week/?").await;
    assert_eq!(location, "../week");
    // Other addresses with a slash stay what they were: no redirect to a page that is not.
    for uri in [
        "/no-such-community/",
        "/lantern/no-such-page/",
        "/lantern/calendar.ics/",
        "/lantern/api/v1/series/",
        // A feed's file, and an empty last segment, which a page's parameter would take.
        "/lantern/series/contributor-call-emea.ics/",
        "/lantern/calendar//",
        "/lantern/groups//",
        "/calendar//",
    ] {
        assert_eq!(hub_get(&hub, uri).await.0, StatusCode::NOT_FOUND, "{uri}");
    }
}

#[tokio::test]
async fn can_answer_the_static_exports_language_folders_in_their_language() {
    let (layout, sites) = example_sites();
    let hub = hub_state(&layout, &sites);
    // The export writes each language under /{tag}/; the server names it with ?lang=.
    for (uri, page) in [
        (
            "/lantern/ja/calendar/week/",
            "/lantern/calendar/week?lang=ja",
        ),
        ("/lantern/de/", "/lantern/?lang=de"),
        (
            "/lantern/zh-Hans/calendar/month/?tz=Asia%2FTokyo",
            "/lantern/calendar/month?tz=Asia%2FTokyo&lang=zh-Hans",
        ),
        ("/ja/calendar/week/", "/calendar/week?lang=ja"),
        ("/ja", "/?lang=ja"),
    ] {
        let (status, target) = hub_followed(&hub, uri).await;
        assert_eq!(status, StatusCode::PERMANENT_REDIRECT, "{uri}");
        assert_eq!(target, page, "{uri}");
        let (status, body) = hub_get(&hub, &target).await;
        assert_eq!(status, StatusCode::OK, "{target}");
        let tag = page.rsplit("lang=").next().unwrap();
        assert!(body.contains(&format!(r#"<html lang="{tag}""#)), "{target}");
    }
    // Not a language the site offers, or not a tag at all: the 404 as before.
    for uri in [
        "/lantern/xx/calendar/",
        "/lantern/JA/calendar/",
        "/no-such-community/ja/",
    ] {
        assert_eq!(hub_get(&hub, uri).await.0, StatusCode::NOT_FOUND, "{uri}");
    }
}

/// The tester's report, on the hub: its pages and each community's link the assets at the
/// version of their bytes, kept a year there and minutes at the bare address, compressed with a
/// weak ETag, and a browser's revalidation is a `304`.
#[test]
fn can_link_the_hubs_assets_at_their_version_and_let_browsers_keep_them() {
    let (layout, sites) = example_sites();
    let addr = common::serve_on_loopback(hub_router(hub_state(&layout, &sites)));
    let gzip = [("Accept-Encoding", "gzip, br")];
    let hub_home = String::from_utf8(common::http_exchange(addr, "/", &[]).body).unwrap();
    let (id, _) = &sites[0];
    let community = common::http_exchange(addr, &format!("/{id}/"), &[]).body;
    let community = String::from_utf8(community).unwrap();
    let css = touchpoint_site::assets::get("/assets/site.css").unwrap();
    let versioned = format!("/assets/site.css?v={}", css.version);
    assert!(hub_home.contains(&format!("\"{versioned}\"")), "{hub_home}");
    assert!(community.contains(&format!("\"/{id}{versioned}\"")));
    for path in [versioned.clone(), format!("/{id}{versioned}")] {
        let kept = common::http_exchange(addr, &path, &gzip);
        assert_eq!(kept.status, 200, "{path}");
        assert_eq!(
            kept.header("cache-control"),
            "public, max-age=31536000, immutable",
            "{path}"
        );
        assert!(!kept.header("content-encoding").is_empty(), "{path}");
        let tag = kept.header("etag");
        assert_eq!(tag, format!("W/\"{}\"", css.version), "{path}");
        let again = common::http_exchange(addr, &path, &[gzip[0], ("If-None-Match", &tag)]);
        assert_eq!(again.status, 304, "{path}");
        assert_eq!(again.header("etag"), tag, "{path}");
    }
    let bare = common::http_exchange(addr, "/assets/site.css", &[]);
    assert_eq!(bare.header("cache-control"), "public, max-age=300");
    assert_eq!(bare.body, css.body);
}
