//! The whole site as static files, for GitHub Pages or any static host: the pages, every
//! iCalendar feed, the JSON API's answers and the assets, rendered by the functions the server
//! calls, so they say the same thing. `touchpoint build` writes what [`render`] returns.
//!
//! Each file is where [`SitePath::export_file`] puts its path: pages as `{path}/index.html`,
//! which every static host serves for `{path}`; API answers as `{path}.json`. Links go through
//! [`Site::href`], so a base path (`/meetings`) makes the tree work under it. What needs a server
//! degrades in the browser: [`crate::html::LOCAL_TIMES_JS`], added to every page, shows each time in
//! the visitor's zone (or in `?tz=`, which the server would have read), where the server would
//! have used its `tz` cookie.

use jiff::{Timestamp, ToSpan};
use maud::{Markup, PreEscaped, html};

use crate::api::{self, OccurrencesQuery};
use crate::html as pages;
use crate::{Site, SitePath, Viewer, embed, feeds, openapi, paths};

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
    let mut files = vec![
        page(&paths::home(), pages::home(site, &viewer, now)),
        page(&paths::health(), pages::health_snapshot(site, &viewer, now)),
        page(&paths::groups(), pages::groups(site, &viewer, now)),
        asset(&paths::stylesheet(), pages::CSS),
        asset(&paths::script(), pages::JS),
        asset(&paths::zones(), pages::zones_json()),
        asset(&paths::favicon(), pages::FAVICON),
        asset(&paths::embed_component(), embed::COMPONENT_JS.as_str()),
    ];
    files.push(StaticFile::new(
        NOT_FOUND,
        static_page(pages::message(
            site,
            "Not found",
            "There is no page at this address.",
            now,
        )),
    ));
    // The pages' default views (no query): a static host serves the same file whatever the
    // query, so `?view=week` and the like show this view there.
    if let Ok(params) = pages::CalendarParams::from_query("") {
        files.push(page(
            &paths::calendar(),
            pages::calendar(site, &viewer, now, &params),
        ));
    }
    if let Ok(params) = pages::PlannerParams::from_query("") {
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

/// A page with the static-mode script added.
fn page(path: &SitePath, markup: Markup) -> StaticFile {
    asset(path, static_page(markup))
}

/// A page's text with the static-mode script added before `</body>`: without a server, `?tz=`
/// and the `tz` cookie cannot change the zone pages are rendered in, so the script shows every
/// time in `?tz=` (when the browser knows it) or the browser's zone instead.
fn static_page(markup: Markup) -> String {
    let mut text = markup.into_string();
    let script = html! {
        script data-local-times data-zone-from-query { (PreEscaped(pages::LOCAL_TIMES_JS)) }
    }
    .into_string();
    match text.rfind("</body>") {
        Some(at) => text.insert_str(at, &script),
        None => text.push_str(&script),
    }
    text
}
