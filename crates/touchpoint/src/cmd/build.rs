//! `touchpoint build --out DIR`: the whole site as static files for GitHub Pages or any static
//! host — the pages, every iCalendar feed, the JSON API's answers and the assets — rendered by
//! the same `touchpoint_site` functions the server calls, so they say the same thing.
//!
//! [`render`] is pure (site and "now" in, files out); [`run`] loads the community file and the
//! stored outside calendars (`touchpoint refresh` fills the store), renders and writes, with a
//! progress bar on a terminal.
//!
//! Pages are written as `{route}/index.html`, which every static host serves for `{route}`, and
//! every link goes through `Site::href`, so `--base-url https://example.org/meetings/` makes the
//! tree work under `/meetings/`. What needs a server degrades in the browser: a small script
//! added to every page shows each time in the visitor's zone (or in `?tz=`, which the server
//! would have read), where the server would have used its `tz` cookie.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use jiff::{Timestamp, ToSpan};
use touchpoint_site::api::{self, OccurrencesQuery};
use touchpoint_site::{Site, SitePath, Viewer, embed, feeds, html, openapi, paths};

use crate::app;
use crate::cli::BuildArgs;

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

/// Run `touchpoint build`.
pub fn run(args: BuildArgs) -> anyhow::Result<ExitCode> {
    let loaded = app::load_community(&args.config)
        .map_err(|invalid| anyhow::anyhow!("{invalid}"))
        .with_context(|| format!("{} is not valid", app::config_name(&args.config)))?;
    app::print_warnings(&loaded);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let mut site = runtime.block_on(async {
        let store = app::open_store(&args.store).await?;
        app::build_site(&loaded, store.as_ref()).await
    })?;
    if let Some(url) = &args.base_url {
        site.base_path = base_path(url)?;
        site.base_url = Some(url.trim_end_matches('/').to_owned());
    }
    let missing: Vec<&str> = site
        .sources
        .iter()
        .filter(|source| source.calendar.is_none())
        .map(|source| source.decl.id.as_str())
        .collect();
    if !missing.is_empty() {
        eprintln!(
            "warning: no stored copy of {} (run `touchpoint refresh` first); their feeds are empty",
            missing.join(", ")
        );
    }
    let files = render(&site, Timestamp::now());
    write(&args.out, &files)?;
    eprintln!(
        "wrote {} files to {}",
        files.len(),
        args.out.as_os_str().to_string_lossy()
    );
    Ok(ExitCode::SUCCESS)
}

/// The path part of a base URL without its trailing `/` ("" for a site at the root): the
/// prefix of every link.
pub fn base_path(base_url: &str) -> anyhow::Result<String> {
    let rest = base_url
        .strip_prefix("https://")
        .or_else(|| base_url.strip_prefix("http://"))
        .with_context(|| {
            format!("--base-url must start with https:// or http://, got {base_url:?}")
        })?;
    let path = rest.find('/').map_or("", |slash| &rest[slash..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    Ok(path.trim_end_matches('/').to_owned())
}

/// Every file of the static site for `site` at `now`.
pub fn render(site: &Site, now: Timestamp) -> Vec<StaticFile> {
    let viewer = Viewer {
        tz: site.default_tz().clone(),
    };
    let mut files = vec![
        page(&paths::home(), html::home(site, &viewer, now)),
        page(&paths::health(), html::health(site, &viewer, now)),
        page(&paths::groups(), html::groups(site, &viewer, now)),
        asset(&paths::stylesheet(), html::CSS),
        asset(&paths::script(), html::JS),
        asset(&paths::zones(), html::zones_json()),
        asset(&paths::embed_component(), embed::COMPONENT_JS),
    ];
    files.push(StaticFile::new(
        NOT_FOUND,
        static_page(html::message(
            site,
            "Not found",
            "There is no page at this address.",
            now,
        )),
    ));
    // The pages' default views (no query): a static host serves the same file whatever the
    // query, so `?view=week` and the like show this view there.
    if let Ok(params) = html::CalendarParams::from_query("") {
        files.push(page(
            &paths::calendar(),
            html::calendar(site, &viewer, now, &params),
        ));
    }
    if let Ok(params) = html::PlannerParams::from_query("") {
        files.push(page(
            &paths::planner(),
            html::planner(site, &viewer, now, &params),
        ));
    }
    for series in &site.community.series {
        if let Some(markup) = html::series(site, &viewer, now, &series.id) {
            files.push(page(&paths::series(&series.id), markup));
        }
        // The one-occurrence downloads the series page links to (its next dates).
        for date in html::series::next_dates(site, &series.id, now) {
            if let Some(body) = html::occurrence_ics(site, &series.id, date) {
                files.push(asset(&paths::series_occurrence(&series.id, date), body));
            }
        }
    }
    for group in &site.community.groups {
        if let Some(markup) = html::group(site, &viewer, now, &group.id) {
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
fn page(path: &SitePath, markup: maud::Markup) -> StaticFile {
    asset(path, static_page(markup))
}

/// A page's text with the static-mode script added before `</body>`.
fn static_page(markup: maud::Markup) -> String {
    let mut text = markup.into_string();
    let script = format!("<script>{STATIC_SCRIPT}</script>");
    match text.rfind("</body>") {
        Some(at) => text.insert_str(at, &script),
        None => text.push_str(&script),
    }
    text
}

/// Without a server, `?tz=` and the `tz` cookie cannot change the rendered zone: show every
/// `<time datetime>` in `?tz=` (when the browser knows it) or the browser's zone instead. The
/// end of a range is kept by its length as rendered ("13:00–14:00" lasts an hour).
const STATIC_SCRIPT: &str = r#"(function () {
  "use strict";
  var asked = new URLSearchParams(location.search).get("tz") || undefined;
  function make(zone) {
    return {
      day: new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: zone }),
      clock: new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone })
    };
  }
  var f;
  try { f = make(asked); } catch (e) { try { f = make(undefined); } catch (e2) { return; } }
  var zone = f.clock.resolvedOptions().timeZone;
  document.documentElement.setAttribute("data-tz", zone);
  var times = document.querySelectorAll("time[datetime]");
  for (var i = 0; i < times.length; i++) {
    var el = times[i], value = el.getAttribute("datetime");
    if (value.indexOf("T") < 0) continue;
    var start = new Date(value), text = el.textContent;
    if (isNaN(start) || !/\d{1,2}:\d{2}/.test(text)) continue;
    var out = f.day.format(start) + ", " + f.clock.format(start);
    var range = text.match(/(\d{1,2}):(\d{2})\s*[–-]\s*(?:[^,]*,\s*)?(\d{1,2}):(\d{2})/);
    if (range) {
      var minutes = ((+range[3] * 60 + +range[4]) - (+range[1] * 60 + +range[2]) + 1440) % 1440;
      var end = new Date(start.getTime() + minutes * 60000);
      out += "–" + (f.day.format(end) === f.day.format(start) ? "" : f.day.format(end) + ", ") + f.clock.format(end);
    }
    el.textContent = out;
  }
  var labels = document.querySelectorAll(".zone-now, footer strong");
  for (var j = 0; j < labels.length; j++) labels[j].textContent = zone;
  var input = document.getElementById("tz");
  if (input) input.value = zone;
})();"#;

/// Write `files` under `out` (created when missing), with a progress bar on a terminal.
pub fn write(out: &Path, files: &[StaticFile]) -> anyhow::Result<()> {
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let bar = ProgressBar::new(files.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    for file in files {
        bar.set_message(file.path.clone());
        let path = out.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, &file.body)
            .with_context(|| format!("cannot write {}", path.display()))?;
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok(())
}
