//! Issue 20: every path the site writes comes from `touchpoint_site::paths`, and the router
//! answers each one.

mod common;

use axum::http::StatusCode;
use common::{example_site, get, now, state};
use touchpoint_site::paths;

#[tokio::test]
async fn can_route_every_path_the_site_makes() {
    let site = example_site();
    let every = paths::every(&site, now());
    // The example has series, groups, outside calendars and one-occurrence downloads.
    for kind in [
        "/series/",
        "/groups/",
        "/sources/",
        "/api/v1/series/",
        ".ics",
    ] {
        assert!(
            every.iter().any(|path| path.path().contains(kind)),
            "no {kind} path listed"
        );
    }
    let state = state(site);
    let mut failed = Vec::new();
    for path in &every {
        let answer = get(&state, &path.to_string()).await;
        if answer.status != StatusCode::OK {
            failed.push(format!("{path}: {}", answer.status));
        }
    }
    assert!(failed.is_empty(), "not answered:\n{}", failed.join("\n"));
}

#[tokio::test]
async fn can_tell_a_path_nobody_made_from_one_the_router_answers() {
    // The check above would pass on a router that answered everything: it does not.
    let state = state(example_site());
    assert_eq!(
        get(&state, "/series/no-such-series").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&state, "/no/such/page").await.status,
        StatusCode::NOT_FOUND
    );
}
