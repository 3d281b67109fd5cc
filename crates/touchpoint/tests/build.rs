//! Issue 6: `touchpoint build` writes the whole site as static files that work under a sub-path:
//! every page, feed and JSON answer, every internal link resolving to a file in the tree.

use std::collections::BTreeSet;
use std::path::Path;

use jiff::Timestamp;
use touchpoint::app;
use touchpoint::cli::{BuildArgs, ConfigArgs, StoreArgs};
use touchpoint::cmd::build::{self, StaticFile};
use touchpoint_site::{Site, paths};
use touchpoint_store::SourceRecord;

fn now() -> Timestamp {
    "2026-11-25T12:00:00Z".parse().unwrap()
}

/// The embedded example with its sample calendars stored, published under `/meetings/`.
fn example_site(base_url: &str) -> Site {
    let loaded = app::load_community(&ConfigArgs::default()).unwrap();
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
            record.fetched_at = Some(now());
            record
        })
        .collect();
    let mut site = app::site_from_records(&loaded, &records);
    site.set_public_url(base_url).unwrap();
    site
}

/// Every `href="..."` and `src="..."` value of an HTML page.
fn links(page: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attribute in ["href=\"", "src=\"", "action=\""] {
        for (at, _) in page.match_indices(attribute) {
            let rest = &page[at + attribute.len()..];
            if let Some(end) = rest.find('"') {
                found.push(rest[..end].replace("&amp;", "&"));
            }
        }
    }
    found
}

/// The file a static host serves for `path` (under the tree root), if any.
fn resolves(root: &Path, path: &str) -> bool {
    let path = path.trim_start_matches('/');
    let candidates = [
        root.join(path),
        root.join(path).join("index.html"),
        root.join(format!("{}.html", path.trim_end_matches('/'))),
    ];
    candidates.iter().any(|file| file.is_file())
}

#[test]
fn can_compute_the_base_path_of_a_url() {
    let mut site = example_site("https://example.org");
    let mut base = |url: &str| site.set_public_url(url).map(|()| site.base_path.clone());
    assert_eq!(base("https://example.org").unwrap(), "");
    assert_eq!(base("https://example.org/").unwrap(), "");
    assert_eq!(
        base("https://todogroup.github.io/meetings/").unwrap(),
        "/meetings"
    );
    assert_eq!(base("http://h/a/b").unwrap(), "/a/b");
    assert!(base("example.org/meetings").is_err());
    assert!(base("http://h/a/b?x=1").is_err(), "a query is refused");
}

#[test]
fn can_build_the_example_under_a_sub_path_with_every_link_resolving() {
    let site = example_site("https://example.org/meetings/");
    let files = build::render(&site, now());
    let dir = tempfile::tempdir().unwrap();
    build::write(dir.path(), &files).unwrap();
    let root = dir.path();

    let mut expected = vec![
        "index.html".to_owned(),
        "404.html".to_owned(),
        "health/index.html".to_owned(),
        "calendar/index.html".to_owned(),
        "groups/index.html".to_owned(),
        "planner/index.html".to_owned(),
        "assets/site.css".to_owned(),
        "embed/touchpoint-upcoming.js".to_owned(),
        "calendar.ics".to_owned(),
        "all.ics".to_owned(),
        "api/v1/calendars.json".to_owned(),
        "api/v1/series.json".to_owned(),
        "api/v1/groups.json".to_owned(),
        "api/v1/occurrences.json".to_owned(),
        "api/v1/openapi.json".to_owned(),
    ];
    for series in &site.community.series {
        expected.push(format!("series/{}.ics", series.id));
        expected.push(format!("series/{}/index.html", series.id));
        expected.push(format!("api/v1/series/{}.json", series.id));
    }
    for group in &site.community.groups {
        expected.push(format!("groups/{}.ics", group.id));
        expected.push(format!("groups/{}/index.html", group.id));
    }
    for source in &site.sources {
        expected.push(format!("sources/{}.ics", source.decl.id));
    }
    for path in &expected {
        assert!(root.join(path).is_file(), "{path} was not written");
    }

    // Every internal link of every page points into /meetings/ and at a file of the tree, but
    // for what needs a server (the planner's city search, which site.js leaves alone when it is
    // missing).
    let served: BTreeSet<String> = paths::every(&site, now())
        .iter()
        .filter(|path| path.export_file().is_none())
        .map(|path| format!("/meetings{}", path.path()))
        .collect();
    let mut broken = BTreeSet::new();
    let mut checked = 0;
    for file in files.iter().filter(|f| f.path.ends_with(".html")) {
        let page = String::from_utf8(file.body.clone()).unwrap();
        for link in links(&page) {
            if link.starts_with("http://")
                || link.starts_with("https://")
                || link.starts_with("mailto:")
                || link.starts_with("webcal://")
                || link.starts_with('#')
                || link.is_empty()
            {
                continue;
            }
            // Pages link relatively (from anywhere the tree is put); 404.html, served at any
            // depth, from the base path.
            let page_url =
                url::Url::parse(&format!("https://example.org/meetings/{}", file.path)).unwrap();
            let target = page_url.join(&link).unwrap();
            if file.path != "404.html" {
                assert!(
                    !link.starts_with('/'),
                    "{}: {link} is not relative",
                    file.path
                );
            }
            if served.contains(target.path()) {
                continue;
            }
            checked += 1;
            match target.path().strip_prefix("/meetings") {
                Some(inside) if resolves(root, inside) => {}
                _ => {
                    broken.insert(format!("{} -> {link}", file.path));
                }
            }
        }
    }
    assert!(checked > 50, "only {checked} links checked");
    assert!(
        broken.is_empty(),
        "broken links:\n{}",
        Vec::from_iter(broken).join("\n")
    );

    // webcal:// links name the public host and path.
    let home = std::fs::read_to_string(root.join("index.html")).unwrap();
    assert!(home.contains("webcal://example.org/meetings/calendar.ics"));

    // Every feed parses, and the JSON is JSON.
    for file in &files {
        if file.path.ends_with(".ics") {
            touchpoint_calendar::parse(&file.body)
                .unwrap_or_else(|e| panic!("{} does not parse: {e}", file.path));
        }
        if file.path.ends_with(".json") {
            serde_json::from_slice::<serde_json::Value>(&file.body)
                .unwrap_or_else(|e| panic!("{} is not JSON: {e}", file.path));
        }
    }
}

#[test]
fn can_export_every_path_the_site_makes_that_needs_no_server() {
    let site = example_site("https://example.org/meetings/");
    let files = build::render(&site, now());
    let written: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(written.len(), files.len(), "a file is written twice");
    let every = paths::every(&site, now());
    let mut missing = Vec::new();
    let mut served_only = Vec::new();
    for path in &every {
        match path.export_file() {
            Some(file) if written.contains(file.as_str()) => {}
            Some(file) => missing.push(format!("{path} -> {file}")),
            None => served_only.push(path.to_string()),
        }
    }
    assert!(missing.is_empty(), "not exported:\n{}", missing.join("\n"));
    // Only the liveness check, the planner's city search and the embed page (which read
    // their query) need a server.
    assert_eq!(
        served_only,
        ["/planner/cities.json", "/embed/upcoming", "/healthz"]
    );
    // The one-occurrence downloads the series pages link to are there too.
    assert!(
        written
            .iter()
            .any(|f| f.starts_with("series/") && f.matches('/').count() == 2)
    );
}

#[test]
fn can_show_times_in_the_browsers_zone_without_a_server() {
    let site = example_site("https://example.org/");
    let files = build::render(&site, now());
    let index = files.iter().find(|f| f.path == "index.html").unwrap();
    let page = String::from_utf8(index.body.clone()).unwrap();
    // The page is rendered in the community's zone, and a script re-renders it in the
    // browser's zone (or ?tz=) right before </body>.
    assert!(page.contains("<time datetime="));
    // No inline script (a strict Content-Security-Policy allows the page): the script is a file
    // of the tree, loaded right before </body>.
    let version = &touchpoint_site::assets::get("/assets/local-times.js")
        .unwrap()
        .version;
    let script_at = page
        .rfind(&format!(r#"<script src="./assets/local-times.js?v={version}" data-local-times data-zone-from-query data-static>"#))
        .expect("the static-mode script");
    assert!(script_at < page.rfind("</body>").unwrap());
    assert!(!page.contains("<script>") && !page.contains("<script data-"));
    let script = files
        .iter()
        .find(|f| f.path == "assets/local-times.js")
        .unwrap();
    let script = String::from_utf8(script.body.clone()).unwrap();
    assert!(script.contains("URLSearchParams(location.search).get(\"tz\")"));
    assert!(script.contains("function touchpointRegroup"));
}

/// The text of the exported page at `path`.
fn exported(files: &[StaticFile], path: &str) -> String {
    let file = files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("{path} was not written"));
    String::from_utf8(file.body.clone()).unwrap()
}

#[test]
fn can_export_each_calendar_view_and_filter_at_a_path_of_its_own() {
    let site = example_site("https://example.org/");
    let files = build::render(&site, now());
    let agenda = exported(&files, "calendar/index.html");
    let week = exported(&files, "calendar/week/index.html");
    let month = exported(&files, "calendar/month/index.html");
    assert_ne!(agenda, week, "the week view is the agenda");
    assert_ne!(week, month);
    assert!(week.contains("class=\"wk "), "no hour grid in the week");
    assert!(month.contains("<table class=\"month\""));
    // The view switcher links to the paths, relatively, with no query a static host ignores.
    assert!(agenda.contains(r#"href="../calendar/week/""#), "{agenda}");
    assert!(week.contains(r#"href="../../calendar/month/""#));
    assert!(!agenda.contains("?view="));
    // Each calendar and group alone, in each view, lists only its own meetings.
    let openssf = exported(&files, "calendar/week/source/openssf/index.html");
    assert!(openssf.contains(
        r#"href="../../../../calendar/week/source/openssf/" aria-current="page">OpenSSF</a>"#
    ));
    assert!(
        openssf.contains("(OpenSSF)"),
        "no OpenSSF meeting in its own week"
    );
    assert!(
        !openssf.contains("(CHAOSS)"),
        "a CHAOSS meeting in OpenSSF's week"
    );
    let community = exported(&files, "calendar/agenda/source/community/index.html");
    assert!(community.contains("class=\"title\" href="));
    assert!(
        !community.contains("class=\"source\""),
        "an outside meeting in the community's"
    );
    for group in &site.community.groups {
        for view in ["agenda", "week", "month"] {
            exported(
                &files,
                &format!("calendar/{view}/group/{}/index.html", group.id),
            );
        }
    }
    // The filters are links (a static host cannot read a form), and no "Earlier"/"Later" that
    // would show the same period again.
    assert!(!agenda.contains("<form class=\"filters\""));
    assert!(agenda.contains(r#"href="../calendar/agenda/source/openssf/""#));
    assert!(!agenda.contains("rel=\"prev\""));
    // The agenda's days carry their date, for the browser to regroup them in its zone.
    assert!(agenda.contains("class=\"agenda-day\" data-day=\"2026-11-"));
    assert!(agenda.contains("data-zone-label=\"Times in %\""));
}

#[test]
fn can_say_how_to_fill_the_outside_calendars_when_the_store_has_none() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let answer = std::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .arg("build")
        .arg("--data")
        .arg(data.path())
        .arg("--out")
        .arg(out.path().join("site"))
        .env_remove("TOUCHPOINT_DATABASE_URL")
        .env_remove("TOUCHPOINT_CONFIG")
        .output()
        .unwrap();
    assert!(answer.status.success());
    let said = String::from_utf8(answer.stderr).unwrap();
    assert!(said.contains("openssf, openchain, chaoss"), "{said}");
    assert!(
        said.contains("calendar pages, feeds and API answers are"),
        "{said}"
    );
    let refresh = format!("touchpoint refresh --data {}", data.path().display());
    assert!(said.contains(&refresh), "{said}");
    // Once refreshed (the example reads sample files), nothing is said.
    let refreshed = std::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .args(["refresh", "--data"])
        .arg(data.path())
        .env_remove("TOUCHPOINT_DATABASE_URL")
        .env_remove("TOUCHPOINT_CONFIG")
        .output()
        .unwrap();
    assert!(refreshed.status.success(), "{refreshed:?}");
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .arg("build")
        .arg("--data")
        .arg(data.path())
        .arg("--out")
        .arg(out.path().join("site2"))
        .env_remove("TOUCHPOINT_DATABASE_URL")
        .env_remove("TOUCHPOINT_CONFIG")
        .output()
        .unwrap();
    let said = String::from_utf8(again.stderr).unwrap();
    assert!(!said.contains("no stored copy"), "{said}");
}

#[test]
fn can_list_a_year_of_occurrences_in_the_static_api() {
    let site = example_site("https://example.org/");
    let files: Vec<StaticFile> = build::render(&site, now());
    let file = files
        .iter()
        .find(|f| f.path == "api/v1/occurrences.json")
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&file.body).unwrap();
    let occurrences = json["occurrences"].as_array().unwrap();
    let first = occurrences.first().unwrap()["start"].as_str().unwrap();
    let last = occurrences.last().unwrap()["start"].as_str().unwrap();
    assert!(first.starts_with("2026-11-2"), "{first}");
    assert!(last.starts_with("2027-11"), "{last}");
    // The weekly APAC & EMEA Touchpoint alone meets about 52 times a year.
    let apac = occurrences
        .iter()
        .filter(|o| o["series"] == "touchpoint-apac-emea")
        .count();
    assert!((50..=54).contains(&apac), "{apac}");
}

#[test]
fn can_run_the_build_command_with_an_empty_store() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let code = build::run(BuildArgs {
        config: ConfigArgs::default(),
        store: StoreArgs {
            data: data.path().to_path_buf(),
            database: None,
            database_ca: None,
        },
        out: out.path().join("site"),
        base_url: Some("https://example.org/meetings/".to_owned()),
        now: None,
    })
    .unwrap();
    assert_eq!(code, std::process::ExitCode::SUCCESS);
    let site = out.path().join("site");
    for path in [
        "index.html",
        "calendar.ics",
        "all.ics",
        "api/v1/openapi.json",
    ] {
        assert!(site.join(path).is_file(), "{path}");
    }
    // Nothing was refreshed: the outside calendars' copies are empty but valid.
    let openssf = std::fs::read_to_string(site.join("sources/openssf.ics")).unwrap();
    assert!(!openssf.contains("BEGIN:VEVENT"));
    touchpoint_calendar::parse(openssf.as_bytes()).unwrap();
}

/// Each link of `pages` to a file the pages load ([`touchpoint_site::assets`]), relative to the
/// page: it carries the version of the file's bytes (`?v=`), and the tree under `root` holds
/// exactly those bytes where a static host finds it. Returns how many links were checked.
fn check_versioned_asset_links(files: &[StaticFile], root: &Path, base: &str) -> usize {
    let mut checked = 0;
    for file in files.iter().filter(|f| f.path.ends_with(".html")) {
        let page = String::from_utf8(file.body.clone()).unwrap();
        let page_url =
            url::Url::parse(&format!("https://example.org{base}/{}", file.path)).unwrap();
        for link in links(&page) {
            let target = page_url.join(&link).unwrap();
            let Some(inside) = target.path().strip_prefix(base) else {
                continue;
            };
            let Some(asset) = touchpoint_site::assets::get(inside) else {
                continue;
            };
            let version = target
                .query_pairs()
                .find(|(key, _)| key == "v")
                .map(|(_, v)| v.into_owned());
            assert_eq!(
                version.as_deref(),
                Some(asset.version.as_str()),
                "{}: {link} does not name the version of its bytes",
                file.path
            );
            let written = std::fs::read(root.join(inside.trim_start_matches('/')))
                .unwrap_or_else(|_| panic!("{}: {link} names no file of the tree", file.path));
            assert_eq!(
                format!("{:016x}", touchpoint_calendar::digest::digest(&written)),
                asset.version,
                "{}: the file {link} names is not the bytes its version was taken of",
                file.path
            );
            checked += 1;
        }
    }
    checked
}

/// The tester's report: `/assets/site.css` and `site.js` were linked at fixed addresses kept a
/// day, so a browser paired new pages with old CSS after an upgrade. Now each page, the
/// 404 page and each language's copy link them at their version, and the tree holds the file.
#[test]
fn can_link_each_asset_at_the_version_of_the_file_written() {
    let site = example_site("https://example.org/meetings/");
    let files = build::render(&site, now());
    let dir = tempfile::tempdir().unwrap();
    build::write(dir.path(), &files).unwrap();
    let checked = check_versioned_asset_links(&files, dir.path(), "/meetings");
    // Stylesheet, script, icon, zone names and local-times.js on each of dozens of pages.
    assert!(checked > 200, "only {checked} asset links checked");
    for name in ["site.css", "site.js", "local-times.js", "zones.json"] {
        assert!(dir.path().join("assets").join(name).is_file(), "{name}");
    }
}
