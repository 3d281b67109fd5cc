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

use jiff::{Timestamp, ToSpan};
use maud::{Markup, html};

use crate::api::{self, OccurrencesQuery};
use crate::html::{self as pages, CalendarParams, View};
use crate::{IdKind, Site, SitePath, Viewer, embed, feeds, openapi, paths};

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

/// Every file of the static site for `site` at `now`.
pub fn render(site: &Site, now: Timestamp) -> Vec<StaticFile> {
    let viewer = Viewer::new(site.default_tz().clone());
    let page = |path: &SitePath, markup: Markup| page(site, path, markup);
    let mut files = vec![
        page(&paths::home(), pages::home(site, &viewer, now)),
        page(&paths::health(), pages::health_snapshot(site, &viewer, now)),
        page(&paths::groups(), pages::groups(site, &viewer, now)),
        asset(&paths::stylesheet(), pages::CSS),
        asset(&paths::script(), pages::JS),
        asset(&paths::local_times(), pages::LOCAL_TIMES_JS),
        asset(&paths::zones(), pages::zones_json()),
        asset(&paths::favicon(), pages::FAVICON),
        asset(&paths::embed_component(), embed::COMPONENT_JS.as_str()),
    ];
    files.push(StaticFile::new(
        NOT_FOUND,
        static_page(
            site,
            pages::not_found(site, viewer.lang, now),
        ),
    ));
    // Each view, and each view of each calendar and group alone, at a path of its own: a
    // static host serves the same file whatever the query.
    for view in [View::Agenda, View::Week, View::Month] {
        let params = CalendarParams {
            view,
            export: true,
            ..CalendarParams::default()
        };
        files.push(page(
            &paths::calendar_view(view),
            pages::calendar(site, &viewer, now, &params),
        ));
        for (id, _) in IdKind::Source.ids(site) {
            let params = CalendarParams {
                sources: vec![id.clone()],
                ..params.clone()
            };
            files.push(page(
                &paths::calendar_source(view, &id),
                pages::calendar(site, &viewer, now, &params),
            ));
        }
        for group in &site.community.groups {
            let params = CalendarParams {
                groups: vec![group.id.clone()],
                ..params.clone()
            };
            files.push(page(
                &paths::calendar_group(view, &group.id),
                pages::calendar(site, &viewer, now, &params),
            ));
        }
    }
    if let Ok(mut params) = pages::PlannerParams::from_query("") {
        // No server to search cities: the page leaves out what needs one.
        params.static_copy = true;
        files.push(page(
            &paths::planner(),
            pages::planner(site, &viewer, now, &params),
        ));
    }
    for series in &site.community.series {
        if let Some(markup) = pages::series(site, &viewer, now, &series.id) {
            files.push(page(&paths::series(&series.id), markup));
        }
        // The one-occurrence downloads the series page links to (its next dates).
        for date in pages::series::next_dates(site, &series.id, now) {
            if let Some(body) = pages::occurrence_ics(site, &series.id, date) {
                files.push(asset(&paths::series_occurrence(&series.id, date), body));
            }
        }
    }
    for group in &site.community.groups {
        if let Some(markup) = pages::group(site, &viewer, now, &group.id) {
            files.push(page(&paths::group(&group.id), markup));
        }
    }
    for (path, body) in feeds::every(site) {
        files.push(asset(&path, body));
    }
    files.extend(api_files(site, now));
    files
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

/// A page with the static-mode script added and its links made relative to it.
fn page(site: &Site, path: &SitePath, markup: Markup) -> StaticFile {
    let file = path.export_file().unwrap_or_default();
    let text = relative_links(&static_page(site, markup), &site.base_path, &file);
    StaticFile::new(file, text)
}

/// A page's text with the static-mode script added before `</body>`: without a server, `?tz=`
/// and the `tz` cookie cannot change the zone pages are rendered in, so the script shows every
/// time in `?tz=` (when the browser knows it) or the browser's zone instead, and does what else
/// the server would have done at the visit (`data-static`). It is a file, not inline, so a
/// strict `Content-Security-Policy` (`script-src 'self'`) allows it.
fn static_page(site: &Site, markup: Markup) -> String {
    let mut text = markup.into_string();
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
