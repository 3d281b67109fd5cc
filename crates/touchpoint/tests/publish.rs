//! Issue 6: feeds, the JSON API and its OpenAPI document, embeds, CORS, compression and cache
//! headers, through the real router in-process at a fixed "now".

use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use jiff::Timestamp;
use touchpoint::app::{self, Loaded};
use touchpoint::cli::ConfigArgs;
use touchpoint::server::publish::{API_CACHE, EMBED_CACHE, FEED_CACHE, STATIC_CACHE};
use touchpoint::server::{AppState, router};
use touchpoint_site::Site;
use touchpoint_store::SourceRecord;
use tower::ServiceExt;

/// "Now": Wednesday 25 November 2026, before the example's winter break.
fn now() -> Timestamp {
    "2026-11-25T12:00:00Z".parse().unwrap()
}

fn example() -> Loaded {
    app::load_community(&ConfigArgs::default()).expect("the example is valid")
}

/// The example with each outside calendar's embedded sample stored an hour before now.
fn example_site() -> Site {
    let loaded = example();
    let at = now() - jiff::SignedDuration::from_hours(1);
    let records: Vec<SourceRecord> = loaded
        .community
        .calendars
        .iter()
        .map(|decl| {
            let touchpoint_community::Location::Path(path) = &decl.location else {
                panic!("the example reads samples from paths");
            };
            let mut record = SourceRecord::new(&decl.id);
            record.body = Some(touchpoint_community::example_file(path).unwrap().to_vec());
            record.fetched_at = Some(at);
            record.checked_at = Some(at);
            record
        })
        .collect();
    app::site_from_records(&loaded, &records)
}

fn state(site: Site) -> AppState {
    AppState::new(site, Arc::new(now))
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }

    fn header(&self, name: header::HeaderName) -> &str {
        self.headers
            .get(&name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or("")
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

async fn send(state: &AppState, request: Request<Body>) -> Answer {
    let response = router(state.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), 64 << 20)
        .await
        .unwrap()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

async fn get(state: &AppState, uri: &str) -> Answer {
    send(state, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn get_with(state: &AppState, uri: &str, name: header::HeaderName, value: &str) -> Answer {
    let request = Request::get(uri)
        .header(name, value)
        .body(Body::empty())
        .unwrap();
    send(state, request).await
}

// ---- Feeds ---------------------------------------------------------------------------------

#[tokio::test]
async fn can_serve_every_feed_as_text_calendar_with_validators() {
    let state = state(example_site());
    for uri in [
        "/calendar.ics",
        "/all.ics",
        "/series/oss-in-business-call.ics",
        "/groups/oss-in-business.ics",
        "/sources/openssf.ics",
    ] {
        let answer = get(&state, uri).await;
        assert_eq!(answer.status, StatusCode::OK, "{uri}");
        assert_eq!(
            answer.header(header::CONTENT_TYPE),
            "text/calendar; charset=utf-8",
            "{uri}"
        );
        assert_eq!(answer.header(header::CACHE_CONTROL), FEED_CACHE, "{uri}");
        assert!(
            answer.header(header::ETAG).starts_with('"'),
            "{uri}: no ETag"
        );
        assert!(
            answer.header(header::LAST_MODIFIED).ends_with("GMT"),
            "{uri}"
        );
        let text = answer.text();
        for line in [
            "BEGIN:VCALENDAR",
            "X-WR-CALNAME:",
            "X-WR-CALDESC:",
            "REFRESH-INTERVAL;VALUE=DURATION:",
        ] {
            assert!(text.contains(line), "{uri} lacks {line}");
        }
        touchpoint_calendar::parse(text.as_bytes()).unwrap_or_else(|e| panic!("{uri}: {e}"));
    }
}

#[tokio::test]
async fn errors_when_a_feed_id_is_unknown() {
    let state = state(example_site());
    for uri in [
        "/series/nope.ics",
        "/groups/nope.ics",
        "/sources/nope.ics",
        "/sources/openssf",
    ] {
        assert_eq!(
            get(&state, uri).await.status,
            StatusCode::NOT_FOUND,
            "{uri}"
        );
    }
}

#[tokio::test]
async fn can_publish_zones_and_cancellations_clients_understand() {
    let state = state(example_site());
    let text = get(&state, "/calendar.ics").await.text();
    // A VTIMEZONE for every TZID used.
    for zone in ["Europe/Madrid", "America/Los_Angeles"] {
        assert!(
            text.contains(&format!("BEGIN:VTIMEZONE\r\nTZID:{zone}")),
            "no VTIMEZONE {zone}"
        );
        assert!(
            text.contains(&format!("DTSTART;TZID={zone}:")),
            "no TZID={zone} used"
        );
    }
    // The cancelled date is an EXDATE with its time, and a CANCELLED override with the reason.
    assert!(
        text.contains("EXDATE;TZID=Europe/Madrid:20261229T170000"),
        "{text}"
    );
    let override_block = text
        .split("BEGIN:VEVENT")
        .find(|block| block.contains("RECURRENCE-ID;TZID=Europe/Madrid:20261229T170000"))
        .expect("a CANCELLED override for 29 Dec");
    assert!(override_block.contains("STATUS:CANCELLED"));
    assert!(override_block.contains("DESCRIPTION:Winter break"));
    // Stable UIDs: the series id at the community's host.
    assert!(text.contains("UID:oss-in-business-call@todogroup.org"));
}

#[tokio::test]
async fn can_answer_304_to_if_none_match_and_if_modified_since() {
    let state = state(example_site());
    let first = get(&state, "/calendar.ics").await;
    let etag = first.header(header::ETAG).to_owned();
    let modified = first.header(header::LAST_MODIFIED).to_owned();

    let again = get_with(&state, "/calendar.ics", header::IF_NONE_MATCH, &etag).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    assert_eq!(again.header(header::ETAG), etag);

    let again = get_with(
        &state,
        "/calendar.ics",
        header::IF_MODIFIED_SINCE,
        &modified,
    )
    .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);

    let older = "Thu, 01 Jan 2015 00:00:00 GMT";
    let changed = get_with(&state, "/calendar.ics", header::IF_MODIFIED_SINCE, older).await;
    assert_eq!(changed.status, StatusCode::OK);
    let other = get_with(&state, "/calendar.ics", header::IF_NONE_MATCH, "\"other\"").await;
    assert_eq!(other.status, StatusCode::OK);
    assert_eq!(other.body, first.body);
}

fn sequences(text: &str) -> Vec<i64> {
    text.lines()
        .filter_map(|line| line.strip_prefix("SEQUENCE:"))
        .map(|n| n.trim().parse().unwrap())
        .collect()
}

#[tokio::test]
async fn can_publish_each_event_with_its_own_revision() {
    let mut site = example_site();
    let edited: Timestamp = "2026-06-01T10:00:00Z".parse().unwrap();
    let revision = |sequence, at: Timestamp| touchpoint_calendar::write::Revision {
        sequence,
        last_modified: at,
    };
    let published = site.published();
    assert!(published.len() > 2, "{published:?}");
    site.set_revisions(
        published
            .iter()
            .map(|(key, _)| (key.clone(), revision(0, edited))),
    );
    let before = get(&state(site.clone()), "/calendar.ics").await.text();
    let same = get(&state(site.clone()), "/calendar.ics").await.text();
    assert_eq!(before, same, "unchanged revisions must give the same bytes");
    assert!(before.contains("LAST-MODIFIED:20260601T100000Z"));
    assert!(before.contains("DTSTAMP:20260601T100000Z"));

    // One event revised: its SEQUENCE and LAST-MODIFIED move, and no other's.
    let later = edited + jiff::SignedDuration::from_secs(90);
    let (bumped, _) = &published[0];
    site.set_revisions(published.iter().map(|(key, _)| {
        let r = if key == bumped {
            revision(1, later)
        } else {
            revision(0, edited)
        };
        (key.clone(), r)
    }));
    let after = get(&state(site), "/calendar.ics").await.text();
    let (old, new) = (sequences(&before), sequences(&after));
    assert_eq!(old.iter().sum::<i64>(), 0);
    assert_eq!(new.iter().sum::<i64>(), 1, "{new:?}");
    assert_eq!(after.matches("LAST-MODIFIED:20260601T100130Z").count(), 1);
}

// ---- JSON API ------------------------------------------------------------------------------

#[tokio::test]
async fn can_list_series_and_groups() {
    let state = state(example_site());
    let answer = get(&state, "/api/v1/series").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.header(header::CONTENT_TYPE), "application/json");
    assert_eq!(answer.header(header::CACHE_CONTROL), API_CACHE);
    let json = answer.json();
    let ids: Vec<&str> = json["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"touchpoint-apac-emea") && ids.contains(&"oss-in-business-call"));

    let one = get(&state, "/api/v1/series/oss-in-business-call")
        .await
        .json();
    insta::assert_json_snapshot!(one["series"], @r#"
    {
      "agenda": null,
      "cadence": "Every other Tuesday",
      "contact": null,
      "description": null,
      "duration": "PT1H",
      "exceptions": [
        {
          "agenda": null,
          "date": "2026-12-29",
          "kind": "cancel",
          "notes": null,
          "reason": "Winter break",
          "recording": null,
          "start": null
        }
      ],
      "feed": "/series/oss-in-business-call.ics",
      "first": "2026-01-13",
      "group": "oss-in-business",
      "id": "oss-in-business-call",
      "join": null,
      "join_visibility": "public",
      "last": null,
      "notes": null,
      "recordings": null,
      "register": null,
      "rrule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
      "start": "17:00",
      "timezone": "Europe/Madrid",
      "title": "OSS in Business Working Group call",
      "uid": "oss-in-business-call@todogroup.org"
    }
    "#);
    let upcoming = one["upcoming"].as_array().unwrap();
    assert_eq!(upcoming.len(), 5);
    // Tue 1 Dec 2026 17:00 in Madrid (CET) is the next one after Wed 25 Nov.
    assert_eq!(upcoming[0]["start"], "2026-12-01T17:00:00+01:00");
    assert_eq!(upcoming[2]["status"], "cancelled");
    assert_eq!(upcoming[2]["cancel_reason"], "Winter break");

    let groups = get(&state, "/api/v1/groups").await.json();
    assert!(groups["groups"].as_array().unwrap().len() >= 2);
    let group = get(&state, "/api/v1/groups/oss-in-business").await.json();
    assert_eq!(group["group"]["series"][0], "oss-in-business-call");
    assert_eq!(group["group"]["feed"], "/groups/oss-in-business.ics");
    assert!(
        group["upcoming"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["group"] == "oss-in-business")
    );
}

#[tokio::test]
async fn errors_as_json_with_a_message() {
    let state = state(example_site());
    for (uri, status, says) in [
        (
            "/api/v1/series/nope",
            StatusCode::NOT_FOUND,
            "no series \"nope\"",
        ),
        (
            "/api/v1/groups/nope",
            StatusCode::NOT_FOUND,
            "no group \"nope\"",
        ),
        (
            "/api/v1/occurrences?from=tomorrow",
            StatusCode::BAD_REQUEST,
            "YYYY-MM-DD",
        ),
        (
            "/api/v1/occurrences?limit=many",
            StatusCode::BAD_REQUEST,
            "the query string cannot be read: limit: invalid digit found in string",
        ),
        (
            "/api/v1/occurrences?lang=ja&lang=en",
            StatusCode::BAD_REQUEST,
            "`lang` is given more than once: give it once",
        ),
        (
            "/api/v1/occurrences?tz=Mars/Base",
            StatusCode::BAD_REQUEST,
            "unknown time zone",
        ),
        (
            "/api/v1/nothing-here",
            StatusCode::NOT_FOUND,
            "openapi.json",
        ),
    ] {
        let answer = get(&state, uri).await;
        assert_eq!(answer.status, status, "{uri}");
        assert_eq!(
            answer.header(header::CONTENT_TYPE),
            "application/json",
            "{uri}"
        );
        let message = answer.json()["error"].as_str().unwrap().to_owned();
        assert!(message.contains(says), "{uri}: {message}");
    }
}

#[tokio::test]
async fn can_limit_occurrences() {
    let state = state(example_site());
    let answer = get(
        &state,
        "/api/v1/occurrences?from=2026-12-01&to=2027-01-01&limit=3",
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json()["occurrences"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn can_describe_the_api_in_openapi_3_1() {
    let state = state(example_site());
    let answer = get(&state, "/api/v1/openapi.json").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.header(header::CACHE_CONTROL), STATIC_CACHE);
    let doc = answer.json();
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        "/api/v1/occurrences",
        "/api/v1/series",
        "/api/v1/series/{id}",
        "/api/v1/groups",
        "/api/v1/groups/{id}",
        "/api/v1/calendars",
    ] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} missing");
    }
    let params: Vec<&str> = doc["paths"]["/api/v1/occurrences"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        params,
        [
            "from", "to", "tz", "source", "series", "group", "limit", "after", "lang"
        ]
    );
    let occurrence = &doc["components"]["schemas"]["ApiOccurrence"]["properties"];
    assert!(
        occurrence["start"]["description"]
            .as_str()
            .unwrap()
            .contains("RFC 3339")
    );
    // Every documented field of a response is in the schema, and nothing else.
    let served = get(&state, "/api/v1/occurrences?from=2026-12-01&to=2026-12-08")
        .await
        .json();
    let mut keys: Vec<&String> = served["occurrences"][0]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    let mut documented: Vec<&String> = occurrence.as_object().unwrap().keys().collect();
    keys.sort();
    documented.sort();
    assert_eq!(keys, documented);
}

#[tokio::test]
async fn can_be_read_from_other_origins() {
    let state = state(example_site());
    for uri in [
        "/api/v1/occurrences",
        "/calendar.ics",
        "/api/v1/openapi.json",
    ] {
        let answer = get_with(&state, uri, header::ORIGIN, "https://todogroup.org").await;
        assert_eq!(
            answer.header(header::ACCESS_CONTROL_ALLOW_ORIGIN),
            "*",
            "{uri}"
        );
    }
    let preflight = Request::builder()
        .method(Method::OPTIONS)
        .uri("/api/v1/occurrences")
        .header(header::ORIGIN, "https://todogroup.org")
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "GET")
        .body(Body::empty())
        .unwrap();
    let answer = send(&state, preflight).await;
    assert!(answer.status.is_success());
    assert!(
        answer
            .header(header::ACCESS_CONTROL_ALLOW_METHODS)
            .contains("GET")
    );
}

// ---- Compression and cache headers ---------------------------------------------------------

#[tokio::test]
async fn can_compress_with_gzip_and_brotli() {
    let state = state(example_site());
    for encoding in ["gzip", "br"] {
        for uri in [
            "/calendar.ics",
            "/api/v1/openapi.json",
            "/embed/touchpoint-upcoming.js",
        ] {
            let answer = get_with(&state, uri, header::ACCEPT_ENCODING, encoding).await;
            assert_eq!(answer.status, StatusCode::OK);
            assert_eq!(answer.header(header::CONTENT_ENCODING), encoding, "{uri}");
        }
    }
    let plain = get(&state, "/calendar.ics").await;
    let gzip = get_with(&state, "/calendar.ics", header::ACCEPT_ENCODING, "gzip").await;
    assert!(
        gzip.body.len() * 3 < plain.body.len(),
        "a feed compresses well"
    );
}

/// Issue 20: the cache answers outside the compression layer, which compresses only what the
/// cache does not keep; every answer is still compressed once, by one of them, and carries the
/// security headers.
#[tokio::test]
async fn can_compress_kept_pages_and_error_pages_alike() {
    let state = state(example_site());
    let plain = get(&state, "/").await;
    for _ in 0..2 {
        let page = get_with(&state, "/", header::ACCEPT_ENCODING, "gzip, br").await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.header(header::CONTENT_ENCODING), "br");
        assert!(
            page.header(header::CONTENT_SECURITY_POLICY)
                .starts_with("default-src")
        );
        assert_eq!(page.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
        let mut unpacked = Vec::new();
        std::io::Read::read_to_end(
            &mut brotli::Decompressor::new(page.body.as_slice(), 4096),
            &mut unpacked,
        )
        .unwrap();
        assert_eq!(unpacked, plain.body, "the brotli page is not the page");
    }
    // An error page is not kept; the compression layer compresses it.
    let missing = get_with(&state, "/no-such-page", header::ACCEPT_ENCODING, "gzip").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.header(header::CONTENT_ENCODING), "gzip");
    assert!(
        missing
            .header(header::CONTENT_SECURITY_POLICY)
            .starts_with("default-src")
    );
    let mut unpacked = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(missing.body.as_slice()),
        &mut unpacked,
    )
    .unwrap();
    assert!(unpacked.contains("There is no page at this address."));
}

#[tokio::test]
async fn can_tell_caches_how_long_each_route_keeps() {
    let state = state(example_site());
    for (uri, expected) in [
        ("/calendar.ics", FEED_CACHE),
        ("/all.ics", FEED_CACHE),
        ("/series/touchpoint-apac-emea.ics", FEED_CACHE),
        ("/groups/chaoss-ospo-metrics.ics", FEED_CACHE),
        ("/sources/chaoss.ics", FEED_CACHE),
        ("/api/v1/occurrences", API_CACHE),
        ("/api/v1/series", API_CACHE),
        ("/api/v1/series/touchpoint-apac-emea", API_CACHE),
        ("/api/v1/groups", API_CACHE),
        ("/api/v1/groups/oss-in-business", API_CACHE),
        ("/api/v1/calendars", API_CACHE),
        ("/api/v1/openapi.json", STATIC_CACHE),
        ("/embed/upcoming", EMBED_CACHE),
        ("/embed/touchpoint-upcoming.js", STATIC_CACHE),
        ("/healthz", "no-store"),
    ] {
        let answer = get(&state, uri).await;
        assert_eq!(answer.status, StatusCode::OK, "{uri}");
        assert_eq!(answer.header(header::CACHE_CONTROL), expected, "{uri}");
    }
    for uri in ["/", "/health", "/assets/site.css"] {
        let answer = get(&state, uri).await;
        assert!(
            answer.header(header::CACHE_CONTROL).contains("max-age="),
            "{uri}"
        );
    }
}

// ---- Embeds --------------------------------------------------------------------------------

#[tokio::test]
async fn can_embed_the_next_meetings_in_an_iframe_without_outside_requests() {
    let state = state(example_site());
    let answer = get(&state, "/embed/upcoming?group=oss-in-business&limit=3").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.header(header::CONTENT_TYPE).starts_with("text/html"));
    assert!(
        answer
            .header(header::CONTENT_SECURITY_POLICY)
            .starts_with("default-src 'none'")
    );
    let page = answer.text();
    assert_eq!(page.matches("<li").count(), 3);
    assert!(page.contains("OSS in Business Working Group call"));
    assert!(
        !page.contains("Touchpoint</a>"),
        "another group's series is listed"
    );
    // Times as instants for the script, and in the server's zone (named) for JavaScript off.
    assert!(
        page.contains(r#"<time datetime="2026-12-01T16:00:00Z" data-end="2026-12-01T17:00:00Z">"#)
    );
    assert!(page.contains("Times in UTC."));
    assert!(page.contains("Intl.DateTimeFormat"));
    // Self-contained: no stylesheet, script or image is fetched.
    for needle in ["<link", " src=", "<img", "@import", "url("] {
        assert!(
            !page.contains(needle),
            "the embed page loads something: {needle}"
        );
    }
    // The zone asked for is shown and forced.
    let page = get(
        &state,
        "/embed/upcoming?series=oss-in-business-call&tz=Asia/Tokyo",
    )
    .await
    .text();
    assert!(page.contains(r#"data-tz="Asia/Tokyo""#));
    assert!(page.contains("Times in Asia/Tokyo."));
}

#[tokio::test]
async fn errors_when_an_embed_names_nothing() {
    let state = state(example_site());
    for uri in [
        "/embed/upcoming?series=nope",
        "/embed/upcoming?tz=Nowhere",
        "/embed/upcoming?limit=x",
    ] {
        let answer = get(&state, uri).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(answer.text().contains("<p class=\"empty\">"), "{uri}");
    }
}

#[tokio::test]
async fn can_serve_the_web_component() {
    let state = state(example_site());
    let answer = get(&state, "/embed/touchpoint-upcoming.js").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.header(header::CONTENT_TYPE),
        "text/javascript; charset=utf-8"
    );
    let script = answer.text();
    assert!(script.contains("customElements.define(\"touchpoint-upcoming\""));
    assert!(script.contains("attachShadow"));
    assert!(script.contains("api/v1/occurrences"));
    assert!(
        !script.contains("innerHTML"),
        "feed text must be set with textContent"
    );
}
