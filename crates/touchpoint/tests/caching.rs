//! What browsers and calendar apps keep, measured as they ask, on a real socket of 127.0.0.1:
//! `Accept-Encoding: gzip, br`, then the same request with the validator they were given.
//!
//! The tester's report: the assets were served at fixed addresses kept a day (new pages with old
//! CSS after an upgrade), pages had no validator (a reload downloaded everything again), and
//! `/calendar.ics` got a new Last-Modified at every refresh of an outside calendar though its
//! bytes had not changed (calendar apps polling with `If-Modified-Since` downloaded it again).

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use common::{Exchange, example_site, http_exchange, now, serve_on_loopback};
use jiff::Timestamp;
use touchpoint::server::{AppState, router};

/// What a browser sends with every request.
const BROWSER: [(&str, &str); 2] = [
    ("Accept-Encoding", "gzip, br"),
    ("Accept-Language", "en-GB,en;q=0.9"),
];

/// The example site served on 127.0.0.1 at a clock the test moves (seconds since the epoch,
/// starting at [`common::NOW`]).
fn serve_with_clock() -> (std::net::SocketAddr, Arc<AtomicI64>) {
    let clock = Arc::new(AtomicI64::new(now().as_second()));
    let seconds = Arc::clone(&clock);
    let state = AppState::new(
        example_site(),
        Arc::new(move || Timestamp::from_second(seconds.load(Ordering::SeqCst)).unwrap()),
    );
    (serve_on_loopback(router(state)), clock)
}

/// `headers` and one more.
fn with<'a>(headers: &[(&'a str, &'a str)], more: (&'a str, &'a str)) -> Vec<(&'a str, &'a str)> {
    let mut all = headers.to_vec();
    all.push(more);
    all
}

/// The strong ETag of a body: what the server computes of the bytes it sends.
fn etag_of(body: &[u8]) -> String {
    format!("\"{:016x}\"", touchpoint_calendar::digest::digest(body))
}

#[test]
fn can_answer_a_page_reload_with_304_for_the_very_bytes_held() {
    let (addr, clock) = serve_with_clock();
    let series = &example_site().community.series[0].id;
    for path in [
        "/".to_owned(),
        "/calendar".to_owned(),
        "/calendar/week".to_owned(),
        "/groups".to_owned(),
        "/health".to_owned(),
        format!("/series/{series}"),
        "/?tz=Asia/Tokyo".to_owned(),
    ] {
        let first = http_exchange(addr, &path, &BROWSER);
        assert_eq!(first.status, 200, "{path}");
        assert_eq!(first.header("content-encoding"), "br", "{path}");
        // A compressed body: the same content as the identity one, other bytes, a weak tag.
        let tag = first.header("etag");
        assert!(tag.starts_with("W/\""), "{path}: {tag:?}");
        let vary = first.header("vary").to_ascii_lowercase();
        for name in ["cookie", "accept-language", "accept-encoding"] {
            assert!(vary.contains(name), "{path}: Vary {vary:?} lacks {name}");
        }
        assert!(
            first.header("cache-control").starts_with("private"),
            "{path}"
        );

        let reload = http_exchange(addr, &path, &with(&BROWSER, ("If-None-Match", &tag)));
        assert_eq!(reload.status, 304, "{path}");
        assert_eq!(reload.header("etag"), tag, "{path}");
        assert_eq!(reload.header("vary"), first.header("vary"), "{path}");
        assert!(reload.body.is_empty(), "{path}");

        // Without compression: the strong tag of exactly the bytes sent, which the weak tag of
        // the compressed copy names too.
        let plain = http_exchange(
            addr,
            &path,
            &with(&BROWSER[1..], ("Accept-Encoding", "identity")),
        );
        assert_eq!(plain.header("content-encoding"), "", "{path}");
        assert_eq!(plain.header("etag"), etag_of(&plain.body), "{path}");
        assert_eq!(format!("W/{}", plain.header("etag")), tag, "{path}");
    }

    // Another visitor (another zone, another language) holding the first visitor's tag gets
    // their own page, never a 304 for the first one's.
    let home = http_exchange(addr, "/", &BROWSER);
    let tag = home.header("etag");
    let tokyo = with(&BROWSER, ("Cookie", "tz=Asia/Tokyo"));
    let other_zone = http_exchange(addr, "/", &with(&tokyo, ("If-None-Match", &tag)));
    assert_eq!(other_zone.status, 200);
    assert_ne!(other_zone.header("etag"), tag);
    let japanese = [("Accept-Encoding", "gzip, br"), ("Accept-Language", "ja")];
    let other_language = http_exchange(addr, "/", &with(&japanese, ("If-None-Match", &tag)));
    assert_eq!(other_language.status, 200);
    assert_ne!(other_language.header("etag"), tag);

    // A day later the page says other things ("Next up", "starts in"): a new tag, not a 304.
    clock.fetch_add(24 * 3600, Ordering::SeqCst);
    let later = http_exchange(addr, "/", &with(&BROWSER, ("If-None-Match", &tag)));
    assert_eq!(later.status, 200);
    assert_ne!(later.header("etag"), tag);
}

#[test]
fn can_link_each_asset_at_its_version_and_let_browsers_keep_it_a_year_there() {
    let (addr, _) = serve_with_clock();
    let home = String::from_utf8(http_exchange(addr, "/", &[]).body).unwrap();
    let mut linked = 0;
    for asset in touchpoint_site::assets::all() {
        let versioned = format!("{}?v={}", asset.route, asset.version);
        // The pages link what they load at its version (local-times.js is the static export's).
        if home.contains(&versioned) {
            linked += 1;
        }
        assert!(
            !home.contains(&format!("\"{}\"", asset.route)),
            "the page links the bare {}",
            asset.route
        );
        let kept = http_exchange(addr, &versioned, &BROWSER);
        assert_eq!(kept.status, 200, "{versioned}");
        assert_eq!(
            kept.header("cache-control"),
            "public, max-age=31536000, immutable",
            "{versioned}"
        );
        let tag = kept.header("etag");
        assert!(tag.ends_with(&format!("\"{}\"", asset.version)), "{tag}");
        let again = http_exchange(addr, &versioned, &with(&BROWSER, ("If-None-Match", &tag)));
        assert_eq!(again.status, 304, "{versioned}");

        // The bare address (pages already out there) and another version (a page from another
        // release) still work, with the same bytes, kept only minutes.
        for other in [
            asset.route.to_owned(),
            format!("{}?v=0123456789abcdef", asset.route),
        ] {
            let plain = http_exchange(addr, &other, &[("Accept-Encoding", "identity")]);
            assert_eq!(plain.status, 200, "{other}");
            assert_eq!(plain.body, asset.body, "{other}");
            assert_eq!(plain.header("content-type"), asset.content_type, "{other}");
            assert_eq!(
                plain.header("cache-control"),
                "public, max-age=300",
                "{other}"
            );
            assert_eq!(plain.header("etag"), etag_of(&asset.body), "{other}");
        }
    }
    // Stylesheet, script, icon and zone names.
    assert_eq!(linked, 4, "{home}");
}

/// A running `touchpoint serve`, killed when dropped.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The `last_success` of each outside calendar `/api/v1/calendars` lists.
fn last_successes(addr: std::net::SocketAddr) -> Vec<String> {
    let answer = http_exchange(addr, "/api/v1/calendars", &[]);
    let json: serde_json::Value = serde_json::from_slice(&answer.body).unwrap();
    json["calendars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["last_success"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// Wait (bounded) until `ready` holds, asking every 100 ms.
fn wait_for(what: &str, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !ready() {
        assert!(Instant::now() < deadline, "{what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn can_keep_each_feeds_validators_while_refreshes_change_nothing() {
    // The example's outside calendars are files compiled in: refreshed every second, each
    // refresh brings the same events back.
    let (child, port, _data) = common::spawn_serve_with(
        &[],
        &[
            (touchpoint::refresher::TICK_VAR, "200ms"),
            (touchpoint::refresher::INTERVAL_VAR, "1s"),
        ],
    );
    let _server = Child(child);
    let addr: std::net::SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    wait_for("the server never served its outside calendars", || {
        std::net::TcpStream::connect(addr).is_ok()
            && last_successes(addr).iter().all(|at| !at.is_empty())
    });
    let site = example_site();
    let feeds: Vec<String> = ["/calendar.ics".to_owned(), "/all.ics".to_owned()]
        .into_iter()
        .chain([
            format!("/series/{}.ics", site.community.series[0].id),
            format!("/groups/{}.ics", site.community.groups[0].id),
            format!("/sources/{}.ics", site.sources[0].decl.id),
        ])
        .collect();
    let poll = |feed: &str| http_exchange(addr, feed, &[("Accept-Encoding", "gzip, br")]);
    let before: Vec<Exchange> = feeds.iter().map(|feed| poll(feed)).collect();

    // Two more refreshes of every outside calendar, each a second or more later.
    for _ in 0..2 {
        let seen = last_successes(addr);
        wait_for("the outside calendars were not refreshed", || {
            last_successes(addr)
                .iter()
                .zip(&seen)
                .all(|(now, then)| now != then)
        });
    }

    for (feed, before) in feeds.iter().zip(&before) {
        let after = poll(feed);
        assert_eq!(after.status, 200, "{feed}");
        assert_eq!(
            after.header("etag"),
            before.header("etag"),
            "{feed}: new bytes"
        );
        assert_eq!(
            after.header("last-modified"),
            before.header("last-modified"),
            "{feed}: a new Last-Modified for the same bytes"
        );
        // A calendar app's poll with either validator it kept is a 304.
        let since = before.header("last-modified");
        let by_date = http_exchange(addr, feed, &[("If-Modified-Since", &since)]);
        assert_eq!(by_date.status, 304, "{feed}");
        let tag = before.header("etag");
        let by_tag = http_exchange(
            addr,
            feed,
            &[("Accept-Encoding", "gzip, br"), ("If-None-Match", &tag)],
        );
        assert_eq!(by_tag.status, 304, "{feed}");
    }
}

#[tokio::test]
async fn can_keep_the_community_feeds_last_modified_when_only_an_outside_calendar_changes() {
    let mut site = example_site();
    let published = site.published();
    let revision = |at: &str| touchpoint_calendar::write::Revision {
        sequence: 0,
        last_modified: at.parse().unwrap(),
    };
    // The store's revisions: the community's own events, then each outside calendar's copy.
    let revised = |outside: &'static str| {
        published.iter().map(move |(key, _)| {
            let at = if key.starts_with(touchpoint_site::OUTSIDE_KEY) {
                outside
            } else {
                "2026-06-01T10:00:00Z"
            };
            (key.clone(), revision(at))
        })
    };
    assert!(
        published
            .iter()
            .any(|(key, _)| key.starts_with(touchpoint_site::OUTSIDE_KEY)),
        "{published:?}"
    );
    site.set_revisions(revised("2026-11-01T08:00:00Z"));
    let before = common::get(&common::state(site.clone()), "/calendar.ics").await;
    let all_before = common::get(&common::state(site.clone()), "/all.ics").await;
    // An outside calendar changed: `/all.ics` says so, `/calendar.ics` (the community's own
    // series, the same bytes) does not.
    site.set_revisions(revised("2026-11-20T08:00:00Z"));
    let after = common::get(&common::state(site.clone()), "/calendar.ics").await;
    let all_after = common::get(&common::state(site), "/all.ics").await;
    assert_eq!(after.body, before.body);
    assert_eq!(
        after.headers["last-modified"],
        "Mon, 01 Jun 2026 10:00:00 GMT"
    );
    assert_eq!(
        after.headers["last-modified"],
        before.headers["last-modified"]
    );
    assert_eq!(
        all_before.headers["last-modified"],
        "Sun, 01 Nov 2026 08:00:00 GMT"
    );
    assert_eq!(
        all_after.headers["last-modified"],
        "Fri, 20 Nov 2026 08:00:00 GMT"
    );
    assert_ne!(all_after.body, all_before.body);
}

/// What the store dates an outside calendar's last change by (`Site::published`): the same
/// events fetched again — later, or with a new DTSTAMP upstream, as some servers write the time
/// of each request — keep their fingerprint; a calendar losing its copy changes which have one.
#[test]
fn can_fingerprint_outside_calendars_by_what_their_feeds_publish() {
    let loaded = common::example();
    let records = common::example_records(&loaded);
    let fingerprints = |records: &[touchpoint_store::SourceRecord]| {
        touchpoint::app::site_from_records(&loaded, records)
            .published()
            .into_iter()
            .filter(|(key, _)| key.starts_with(touchpoint_site::OUTSIDE_KEY))
            .collect::<Vec<_>>()
    };
    let first = fingerprints(&records);
    assert_eq!(first.len(), records.len() + 1, "{first:?}");

    // Fetched again an hour later, every DTSTAMP upstream now the time of the request.
    let again: Vec<_> = records
        .iter()
        .map(|record| {
            let mut record = record.clone();
            let body = String::from_utf8(record.body.take().unwrap()).unwrap();
            let restamped: Vec<String> = body
                .lines()
                .map(|line| match line.strip_prefix("DTSTAMP:") {
                    Some(_) => "DTSTAMP:20261125T130000Z".to_owned(),
                    None => line.to_owned(),
                })
                .collect();
            assert!(
                body.contains("DTSTAMP:"),
                "{}: nothing to restamp",
                record.id
            );
            record.body = Some(restamped.join("\r\n").into_bytes());
            record.fetched_at = Some(common::now());
            record
        })
        .collect();
    assert_eq!(fingerprints(&again), first);

    // One calendar's copy gone: its key goes, and the list of those with a copy changes.
    let fewer = fingerprints(&records[1..]);
    let which = |prints: &[(String, u64)]| {
        prints
            .iter()
            .find(|(key, _)| key == touchpoint_site::OUTSIDE_KEY)
            .unwrap()
            .1
    };
    assert_eq!(fewer.len(), first.len() - 1);
    assert_ne!(which(&fewer), which(&first));
}
