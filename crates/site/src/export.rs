//! The whole site as static files, for GitHub Pages or any static host: the pages, every
//! iCalendar feed, the JSON API's answers and the assets, rendered by the functions the server
//! calls, so they say the same thing. `touchpoint build` writes what [`render`] returns.
//!
//! Each file is where [`SitePath::export_file`] puts its path: pages as `{path}/index.html`,
//! which every static host serves for `{path}/`; API answers as `{path}.json`. A page's links
//! to the site are made relative to the page (`../calendar/week/`), so the tree works wherever
//! it is put, at a host's root or under any sub-path, whatever `--base-url` said; `404.html`,
//! served at any depth, keeps links from the base path.
//!
//! A static host ignores the query, so every view and filter the pages link to has a path of its
//! own: `/calendar/week`, `/calendar/month`, and each view of each outside calendar (and
//! `community`) and each group alone (`/calendar/week/source/cncf`, [`paths::calendar_filters`]).
//! The calendar pages are rendered in export mode ([`pages::CalendarParams::export`]): filters
//! as links to those paths, no "Earlier"/"Later". What the export cannot offer, and where links
//! degrade:
//! - several calendars or groups at once (a union of ticked boxes): one at a time only;
//! - another period than the build's (`?date=`, "Earlier"/"Later", a month cell's "+N more",
//!   which shows that calendar's agenda from the build day);
//! - the planner's parameters (`/planner?series=…`, cities added, a time picked): the static
//!   planner page shows its default, and the city search (a server query) is missing.
//!
//! What needs a server is done in the browser by [`crate::html::LOCAL_TIMES_JS`], written to
//! `/assets/local-times.js` and loaded by every page (no inline script, so a strict
//! `Content-Security-Policy` allows it): each time in the visitor's zone (or in `?tz=`, which
//! the server would have read), the agenda's days and the month's cells regrouped in that zone
//! (with the cells' "+N more" counted again), the agenda's period and the "Times in" notes
//! naming it, and the week's hour grid laid out in it; the week and month pages carry, hidden,
//! the meetings of the days around them that another zone may bring in. site.js, as on the
//! served pages, counts "Starts in …" / "Happening now" from the visitor's clock.

use std::collections::HashSet;

use jiff::{Timestamp, ToSpan};
use maud::{Markup, html};

use crate::api::{self, OccurrencesQuery};
use crate::html::{self as pages, CalendarParams, View};
use crate::{IdKind, Lang, Site, SitePath, Viewer, embed, feeds, openapi, paths, t};

/// The page static hosts serve for a path with no file.
const NOT_FOUND: &str = "404.html";

/// How far ahead `api/v1/occurrences.json` lists: a year.
const OCCURRENCE_DAYS: i64 = 366;

/// One file of the static site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaticFile {
    /// Path inside the output folder, `/`-separated, without a leading `/`.
    pub path: String,
    /// Contents.
    pub body: Vec<u8>,
}

impl StaticFile {
    fn new(path: impl Into<String>, body: impl Into<Vec<u8>>) -> StaticFile {
        StaticFile {
            path: path.into(),
            body: body.into(),
        }
    }
}

/// Every file of the static site for `site` at `now`: the pages in the default language at the
/// root, and again in each language the site offers under `/{tag}/` (the default's too, so
/// every language has an address of its own); the assets, feeds and API answers once, at the
/// root (they are language-neutral).
///
/// Without a server, the language picker cannot set a cookie: in the export it is a list of
/// plain links to the same page in the sibling trees, and each page names them with
/// `hreflang` alternates (`x-default` is the root's copy).
pub fn render(site: &Site, now: Timestamp) -> Vec<StaticFile> {
    let default = site.default_lang();
    let root = localized_pages(site, default, now);
    // What a page's link may lead to inside a language tree: the pages, not the assets.
    let keys: HashSet<String> = root.iter().map(|(path, _)| page_key(site, path)).collect();
    let offered = site.languages();
    let mut files = Vec::new();
    for (path, markup) in root {
        let text = localized(site, default, &page_key(site, &path), offered, markup);
        files.push(page(site, &path, &text, None));
    }
    if offered.len() > 1 {
        for &lang in offered {
            let tree = Tree { lang, keys: &keys };
            for (path, markup) in localized_pages(site, lang, now) {
                let text = localized(site, lang, &page_key(site, &path), offered, markup);
                files.push(page(site, &path, &text, Some(&tree)));
            }
        }
    }
    let viewer = Viewer::new(site.default_tz().clone());
    // Each at its bare path, the bytes its version was taken of: a page's `?v=` link finds it.
    files.extend(
        crate::assets::all()
            .iter()
            .map(|file| asset(&file.path(), file.body.clone())),
    );
    files.push(asset(
        &paths::embed_component(),
        embed::COMPONENT_JS.as_str(),
    ));
    files.push(StaticFile::new(
        NOT_FOUND,
        static_page(site, pages::not_found(site, viewer.lang, now)),
    ));
    for series in &site.community.series {
        // The one-occurrence downloads the series page links to (its next dates).
        for key in pages::series::next_dates(site, &series.id, now) {
            if let Some(body) = pages::occurrence_ics(site, &series.id, key) {
                files.push(asset(&paths::series_occurrence(&series.id, key), body));
            }
        }
    }
    for (path, body) in feeds::every(site) {
        files.push(asset(&path, body));
    }
    files.extend(api_files(site, now));
    files
}

/// Every page of the export, rendered in `lang`, with its path.
fn localized_pages(site: &Site, lang: Lang, now: Timestamp) -> Vec<(SitePath, Markup)> {
    let mut viewer = Viewer::new(site.default_tz().clone());
    viewer.lang = lang;
    let viewer = &viewer;
    let mut pages = vec![
        (paths::home(), pages::home(site, viewer, now)),
        (paths::health(), pages::health_snapshot(site, viewer, now)),
        (paths::groups(), pages::groups(site, viewer, now)),
    ];
    // Each view, and each view of each calendar and group alone, at a path of its own: a
    // static host serves the same file whatever the query.
    for view in [View::Agenda, View::Week, View::Month] {
        let params = CalendarParams {
            view,
            export: true,
            ..CalendarParams::default()
        };
        pages.push((
            paths::calendar_view(view),
            pages::calendar(site, viewer, now, &params),
        ));
        for (id, _) in IdKind::Source.ids(site) {
            let params = CalendarParams {
                sources: vec![id.clone()],
                ..params.clone()
            };
            pages.push((
                paths::calendar_source(view, &id),
                pages::calendar(site, viewer, now, &params),
            ));
        }
        for group in &site.community.groups {
            let params = CalendarParams {
                groups: vec![group.id.clone()],
                ..params.clone()
            };
            pages.push((
                paths::calendar_group(view, &group.id),
                pages::calendar(site, viewer, now, &params),
            ));
        }
    }
    if let Ok(mut params) = pages::PlannerParams::from_query("") {
        // No server to search cities: the page leaves out what needs one.
        params.static_copy = true;
        pages.push((paths::planner(), pages::planner(site, viewer, now, &params)));
    }
    for series in &site.community.series {
        if let Some(markup) = pages::series(site, viewer, now, &series.id) {
            pages.push((paths::series(&series.id), markup));
        }
    }
    for group in &site.community.groups {
        if let Some(markup) = pages::group(site, viewer, now, &group.id) {
            pages.push((paths::group(&group.id), markup));
        }
    }
    pages
}

/// A page's path inside the site, as its links write it after the base path: `""` for the
/// home page, `calendar/week`, `series/x`.
fn page_key(site: &Site, path: &SitePath) -> String {
    let href = site.href(path);
    let inside = href.strip_prefix(&site.base_path).unwrap_or(&href);
    let end = inside.find(['?', '#']).unwrap_or(inside.len());
    inside[..end].trim_matches('/').to_owned()
}

/// A language tree of the export: its language and the pages it holds (by [`page_key`]).
struct Tree<'k> {
    lang: Lang,
    keys: &'k HashSet<String>,
}

/// The page `key` in `lang`, made static: the language picker (a form the server answers by
/// setting a cookie) becomes links to the page in each language's tree, and the head names
/// those copies with `hreflang` alternates.
fn localized(site: &Site, lang: Lang, key: &str, offered: &[Lang], markup: Markup) -> String {
    let mut text = markup.into_string();
    if offered.len() < 2 {
        return text;
    }
    let href = |tag: Option<&str>| {
        let path = match tag {
            Some(tag) if key.is_empty() => format!("{tag}/"),
            Some(tag) => format!("{tag}/{key}"),
            None => key.to_owned(),
        };
        format!("{}/{path}", site.base_path)
    };
    let picker = html! {
        nav class="lang" aria-label=(t!(lang, "lang-picker-label")) {
            ul {
                @for other in offered {
                    li {
                        a href=(href(Some(other.tag()))) hreflang=(other.tag()) lang=(other.tag())
                            aria-current=[(*other == lang).then_some("page")] { (other.autonym()) }
                    }
                }
            }
        }
    }
    .into_string();
    // The picker is the shell's own markup (html/layout.rs), so its form is found exactly.
    if let Some(start) = text.find(r#"<form class="lang""#)
        && let Some(len) = text[start..].find("</form>")
    {
        text.replace_range(start..start + len + "</form>".len(), &picker);
    }
    text
}

/// `<link rel="alternate" hreflang>` for the page `key`'s copy in each language tree, and
/// `x-default` for the root's, relative to the page's `file`, added to its head.
fn with_alternates(mut text: String, file: &str, key: &str, offered: &[Lang]) -> String {
    if offered.len() < 2 {
        return text;
    }
    let depth = file.matches('/').count();
    let up = if depth == 0 {
        "./".to_owned()
    } else {
        "../".repeat(depth)
    };
    let page = if key.is_empty() {
        String::new()
    } else {
        format!("{key}/")
    };
    let alternates = html! {
        @for other in offered {
            link rel="alternate" hreflang=(other.tag()) href={ (up) (other.tag()) "/" (page) };
        }
        link rel="alternate" hreflang="x-default" href={ (up) (page) };
    }
    .into_string();
    if let Some(at) = text.find("</head>") {
        text.insert_str(at, &alternates);
    }
    text
}

/// The JSON API's answers that do not depend on a query, and a year of occurrences.
fn api_files(site: &Site, now: Timestamp) -> Vec<StaticFile> {
    let mut files = vec![
        json(&paths::api_calendars(), &api::calendars(site)),
        json(&paths::api_series_list(), &api::series_list(site)),
        json(&paths::api_groups(), &api::groups(site)),
        asset(&paths::api_openapi(), openapi::json(site)),
    ];
    for series in &site.community.series {
        if let Ok(answer) = api::series(site, &series.id, now) {
            files.push(json(&paths::api_series(&series.id), &answer));
        }
    }
    for group in &site.community.groups {
        if let Ok(answer) = api::group(site, &group.id, now) {
            files.push(json(&paths::api_group(&group.id), &answer));
        }
    }
    let zone = &site.default_tz().zone;
    let from = now.to_zoned_datetime(zone.clone()).date();
    let to = from.checked_add(OCCURRENCE_DAYS.days()).unwrap_or(from);
    let query = OccurrencesQuery {
        from: Some(from.to_string()),
        to: Some(to.to_string()),
        ..OccurrencesQuery::default()
    };
    if let Ok(answer) = api::all_occurrences(site, &query, now) {
        files.push(json(&paths::api_occurrences(), &answer));
    }
    files
}

/// The file of `path` as it is (see [`SitePath::export_file`]).
fn asset(path: &SitePath, body: impl Into<Vec<u8>>) -> StaticFile {
    StaticFile::new(path.export_file().unwrap_or_default(), body)
}

fn json<T: serde::Serialize>(path: &SitePath, value: &T) -> StaticFile {
    // Serializing plain API structs cannot fail.
    asset(path, serde_json::to_vec_pretty(value).unwrap_or_default())
}

/// A page with the static-mode script added and its links made relative to it; in a language
/// `tree`, written under `{tag}/` with its links to pages kept inside that tree.
fn page(site: &Site, path: &SitePath, text: &str, tree: Option<&Tree<'_>>) -> StaticFile {
    let file = path.export_file().unwrap_or_default();
    let file = match tree {
        Some(tree) => format!("{}/{file}", tree.lang.tag()),
        None => file,
    };
    let text = with_script(site, text.to_owned());
    let text = match tree {
        Some(tree) => {
            let prefix = format!("{}/", tree.lang.tag());
            relative_links_in(&text, &site.base_path, &file, &prefix, &|target| {
                tree.keys.contains(target.trim_matches('/'))
            })
        }
        None => relative_links(&text, &site.base_path, &file),
    };
    let text = with_alternates(text, &file, &page_key(site, path), site.languages());
    StaticFile::new(file, text)
}

/// A page's text with the static-mode script added before `</body>`: without a server, `?tz=`
/// and the `tz` cookie cannot change the zone pages are rendered in, so the script shows every
/// time in `?tz=` (when the browser knows it) or the browser's zone instead, and does what else
/// the server would have done at the visit (`data-static`). It is a file, not inline, so a
/// strict `Content-Security-Policy` (`script-src 'self'`) allows it.
fn static_page(site: &Site, markup: Markup) -> String {
    with_script(site, markup.into_string())
}

/// [`static_page`] of a page already written out.
fn with_script(site: &Site, mut text: String) -> String {
    let script = html! {
        script src=(site.href(&paths::local_times())) data-local-times data-zone-from-query data-static {}
    }
    .into_string();
    match text.rfind("</body>") {
        Some(at) => text.insert_str(at, &script),
        None => text.push_str(&script),
    }
    text
}

/// `text` (a page written to `file`) with each attribute value that is a link into the site
/// (`="{base}/…"`) made relative to the page: `../../calendar/week/` from
/// `calendar/month/index.html`. A link to a page (no `.` in its last segment) gets its trailing
/// `/`, so the relative links of the page it opens resolve the same whether or not the host
/// redirects `week` to `week/`.
///
/// maud escapes `"` in text and attribute values, so `="` only ever opens an attribute value.
pub(crate) fn relative_links(text: &str, base: &str, file: &str) -> String {
    relative_links_in(text, base, file, "", &|_| false)
}

/// [`relative_links`], with each link whose path (after the base, without query) is `in_tree`
/// led under `prefix` (`ja/`): to the page's copy in a language tree.
fn relative_links_in(
    text: &str,
    base: &str,
    file: &str,
    prefix: &str,
    in_tree: &dyn Fn(&str) -> bool,
) -> String {
    let depth = file.matches('/').count();
    let up = if depth == 0 {
        "./".to_owned()
    } else {
        "../".repeat(depth)
    };
    let opening = format!("=\"{base}/");
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut rest = text;
    while let Some(at) = rest.find(&opening) {
        let after = &rest[at + opening.len()..];
        out.push_str(&rest[..at]);
        if after.starts_with('/') {
            // `="//host/…"`: another site, as it is.
            out.push_str(&opening);
            rest = after;
            continue;
        }
        let end = after.find('"').unwrap_or(after.len());
        let target = &after[..end];
        let split = target.find(['?', '#']).unwrap_or(target.len());
        let (path, tail) = target.split_at(split);
        out.push_str("=\"");
        out.push_str(&up);
        if in_tree(path) {
            out.push_str(prefix);
        }
        out.push_str(path);
        let last = path.rsplit('/').next().unwrap_or("");
        if !path.is_empty() && !path.ends_with('/') && !last.contains('.') {
            out.push('/');
        }
        out.push_str(tail);
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::relative_links;

    #[test]
    fn can_make_site_links_relative_to_the_page() {
        let page = r#"<a href="/">M</a><a href="/calendar/week?x=1">W</a><link href="/assets/site.css"><a href="/#calendar">C</a><a href="//elsewhere.example/">E</a><a href="https://x.example/">X</a>"#;
        assert_eq!(
            relative_links(page, "", "calendar/week/index.html"),
            r#"<a href="../../">M</a><a href="../../calendar/week/?x=1">W</a><link href="../../assets/site.css"><a href="../../#calendar">C</a><a href="//elsewhere.example/">E</a><a href="https://x.example/">X</a>"#
        );
        assert_eq!(
            relative_links(
                r#"<a href="/m/groups">G</a> <a href="/other">O</a>"#,
                "/m",
                "index.html"
            ),
            r#"<a href="./groups/">G</a> <a href="/other">O</a>"#
        );
    }
}
