//! Issue 19: `touchpoint build` writes one tree of pages per language the community offers,
//! under `/{tag}/`, with the default language also at the root; each page says its `lang`,
//! names its copies with `hreflang`, and its language picker is plain links between the trees.

use jiff::Timestamp;
use touchpoint::app;
use touchpoint::cli::ConfigArgs;
use touchpoint::cmd::build::{self, StaticFile};
use touchpoint_site::Site;

fn now() -> Timestamp {
    "2026-11-25T12:00:00Z".parse().unwrap()
}

/// The embedded example (no outside calendars stored), published under `/meetings/`.
fn example_site() -> Site {
    let loaded = app::load_community(&ConfigArgs::default()).unwrap();
    let mut site = app::site_from_records(&loaded, &[]);
    site.set_public_url("https://example.org/meetings/")
        .unwrap();
    site
}

fn file<'f>(files: &'f [StaticFile], path: &str) -> &'f str {
    let file = files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no {path}"));
    std::str::from_utf8(&file.body).unwrap()
}

/// Every `href="..."` value of a page.
fn hrefs(page: &str) -> Vec<&str> {
    page.match_indices("href=\"")
        .filter_map(|(at, found)| {
            let rest = &page[at + found.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

#[test]
fn can_export_a_tree_per_language_with_the_default_at_the_root() {
    let site = example_site();
    let files = build::render(&site, now());
    for tag in ["en", "ja", "zh-Hans", "de", "fr", "es", "pt-BR"] {
        let home = file(&files, &format!("{tag}/index.html"));
        assert!(home.contains(&format!("<html lang=\"{tag}\"")), "{tag}");
        assert!(
            files
                .iter()
                .any(|f| f.path == format!("{tag}/calendar/week/index.html"))
        );
    }
    // The root is the default language, and assets, feeds and the API are there once.
    assert!(file(&files, "index.html").contains("<html lang=\"en\""));
    assert!(files.iter().any(|f| f.path == "calendar.ics"));
    assert!(!files.iter().any(|f| f.path.starts_with("ja/assets/")));
    assert!(!files.iter().any(|f| f.path == "ja/calendar.ics"));
}

#[test]
fn can_keep_a_language_trees_links_inside_it() {
    let site = example_site();
    let files = build::render(&site, now());
    let home = file(&files, "ja/index.html");
    // The community's own Japanese text, and the Japanese navigation.
    assert!(
        home.contains("APAC・EMEA Touchpoint"),
        "the series' ja title"
    );
    assert!(home.contains("TODO Groupのオンラインミーティング"));
    let links = hrefs(home);
    // Pages lead to the ja tree's pages; assets and feeds to the root's single copy.
    assert!(links.contains(&"../ja/calendar/"), "{links:?}");
    assert!(
        links.contains(&"../ja/series/touchpoint-apac-emea/"),
        "{links:?}"
    );
    let css = format!(
        "../assets/site.css?v={}",
        touchpoint_site::assets::get("/assets/site.css")
            .unwrap()
            .version
    );
    assert!(links.contains(&css.as_str()), "{links:?}");
    assert!(
        !links
            .iter()
            .any(|l| *l == "../calendar/" || *l == "../groups/"),
        "a page link left the ja tree: {links:?}"
    );
    let week = file(&files, "ja/calendar/week/index.html");
    assert!(
        hrefs(week).contains(&"../../../ja/groups/"),
        "{:?}",
        hrefs(week)
    );
}

#[test]
fn can_switch_language_by_plain_links_and_name_the_copies_with_hreflang() {
    let site = example_site();
    let files = build::render(&site, now());
    let page = file(&files, "ja/series/touchpoint-apac-emea/index.html");
    // No form to submit: a static host cannot remember a choice.
    assert!(
        !page.contains("remember-lang"),
        "the server's picker form is left"
    );
    let links = hrefs(page);
    assert!(
        links.contains(&"../../../zh-Hans/series/touchpoint-apac-emea/"),
        "{links:?}"
    );
    assert!(
        page.contains(r#"hreflang="de" lang="de""#),
        "the picker's links"
    );
    assert!(page.contains(r#"aria-current="page">日本語</a>"#));
    assert!(page.contains(
        r#"<link rel="alternate" hreflang="fr" href="../../../fr/series/touchpoint-apac-emea/">"#
    ));
    assert!(page.contains(
        r#"<link rel="alternate" hreflang="x-default" href="../../../series/touchpoint-apac-emea/">"#
    ));
    // A language without the series' title: the English one, marked as English.
    let de = file(&files, "de/series/touchpoint-apac-emea/index.html");
    assert!(de.contains(r#"<h1><span lang="en">APAC &amp; EMEA Touchpoint</span></h1>"#));
}
