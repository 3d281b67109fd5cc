//! The URL space of a site in one place: the route table's patterns ([`route`]) and every path
//! the pages, the API, the feeds and `touchpoint build` write ([`SitePath`]).
//!
//! A [`SitePath`] is relative to the site root (`/series/x`); [`Site::href`] and
//! [`Site::webcal`] put the site's base path (or public URL) in front, and
//! [`SitePath::export_file`] names the file `touchpoint build` writes for it. Each path is built
//! from its route's pattern, so a link cannot drift from the route that answers it;
//! `paths::every` lists them all, and the tests route each one and find each in the export.
//!
//! The files the pages load (stylesheet, scripts, icon, zone names) carry their version in the
//! query, `/assets/site.css?v={hash of its bytes}` ([`crate::assets`]): every page, hub page and
//! exported page links them through here, so none can link a bare, long-cached address.
//!
//! Prefixes live outside this module: a site under a sub-path has a base path (`/meetings`), and
//! a hub serving one community per `/{community}/…` nests the router under that segment and
//! gives each community's site its base path; the patterns and paths here stay as they are.
//!
//! Ids (series, groups, outside calendars) are checked by `touchpoint check` to be lower-case
//! letters, digits and `-`, so they go into a path as they are.

use std::fmt;

use jiff::Timestamp;

use crate::html::{OccurrenceKey, View};
use crate::{IdKind, Site};

/// The route table's patterns (axum's syntax), grouped as the router groups them.
///
/// axum matches whole path segments, so `/series/{file}` answers both the page (`{id}`) and the
/// feed (`{id}.ics`), and so do `/groups/{file}` and `/sources/{file}`.
pub mod route {
    // Pages
    /// The meetings page.
    pub const HOME: &str = "/";
    /// The calendar views (agenda, week, month).
    pub const CALENDAR: &str = "/calendar";
    /// One calendar view as a path (`/calendar/week`), which the static export can write.
    pub const CALENDAR_VIEW: &str = "/calendar/{view}";
    /// One view of one outside calendar or group (`/calendar/week/source/cncf`).
    pub const CALENDAR_FILTERED: &str = "/calendar/{view}/{kind}/{id}";
    /// One series: the page `{id}` or the feed `{id}.ics`.
    pub const SERIES: &str = "/series/{file}";
    /// One occurrence of a series to add to a calendar: `{YYYY-MM-DD}.ics`.
    pub const SERIES_OCCURRENCE: &str = "/series/{id}/{file}";
    /// The working groups.
    pub const GROUPS: &str = "/groups";
    /// One group: the page `{id}` or the feed `{id}.ics`.
    pub const GROUP: &str = "/groups/{file}";
    /// The time planner.
    pub const PLANNER: &str = "/planner";
    /// The planner's city suggestions (`?q=`), as JSON.
    pub const PLANNER_CITIES: &str = "/planner/cities.json";
    /// The feed-health page.
    pub const HEALTH: &str = "/health";

    // Assets
    /// The stylesheet.
    pub const STYLESHEET: &str = "/assets/site.css";
    /// The pages' script.
    pub const SCRIPT: &str = "/assets/site.js";
    /// The script that shows times in the visitor's zone, loaded by the static export's pages.
    pub const LOCAL_TIMES: &str = "/assets/local-times.js";
    /// The zone picker's suggestions.
    pub const ZONES: &str = "/assets/zones.json";
    /// The site's icon (`<link rel=icon>`).
    pub const FAVICON: &str = "/favicon.svg";
    /// Where browsers and feed readers look for an icon unasked: answered with no content, so
    /// it is not a 404 on every visit (not a path the site links to).
    pub const FAVICON_ICO: &str = "/favicon.ico";

    // Feeds
    /// The community's own series.
    pub const COMMUNITY_FEED: &str = "/calendar.ics";
    /// The community's series and every outside calendar, merged.
    pub const ALL_FEED: &str = "/all.ics";
    /// The cleaned copy of an outside calendar: `{id}.ics`.
    pub const SOURCE_FEED: &str = "/sources/{file}";

    // JSON API
    /// Occurrences in a window.
    pub const API_OCCURRENCES: &str = "/api/v1/occurrences";
    /// Every series.
    pub const API_SERIES_LIST: &str = "/api/v1/series";
    /// One series.
    pub const API_SERIES: &str = "/api/v1/series/{id}";
    /// Every working group.
    pub const API_GROUPS: &str = "/api/v1/groups";
    /// One working group.
    pub const API_GROUP: &str = "/api/v1/groups/{id}";
    /// The outside calendars.
    pub const API_CALENDARS: &str = "/api/v1/calendars";
    /// The OpenAPI document.
    pub const API_OPENAPI: &str = "/api/v1/openapi.json";
    /// The API's root, which lists nothing (a JSON 404 naming the OpenAPI document).
    pub const API_ROOT: &str = "/api/v1";
    /// Anything else under the API's root (the same JSON 404).
    pub const API_UNKNOWN: &str = "/api/v1/{*rest}";

    // Embeds
    /// The iframe page.
    pub const EMBED_UPCOMING: &str = "/embed/upcoming";
    /// The `<touchpoint-upcoming>` web component.
    pub const EMBED_COMPONENT: &str = "/embed/touchpoint-upcoming.js";

    // Operations
    /// The liveness check.
    pub const HEALTHZ: &str = "/healthz";
}

/// What a path answers, which decides the file `touchpoint build` writes for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Kind {
    /// An HTML page: `{path}/index.html`, which static hosts serve for `{path}`.
    Page,
    /// A file with its own extension (feed, asset, the OpenAPI document): the path itself.
    File,
    /// A JSON API answer: `{path}.json`.
    Api,
    /// Needs a server (the liveness check, the embed page with its query): no file.
    Served,
}

/// A path of the site, relative to its root (`/series/x`), with an optional query string.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SitePath {
    path: String,
    query: String,
    kind: Kind,
}

impl SitePath {
    fn new(path: String, kind: Kind) -> SitePath {
        SitePath {
            path,
            query: String::new(),
            kind,
        }
    }

    /// The path with `pairs` as its query string, form-encoded (`application/x-www-form-urlencoded`,
    /// the encoding a browser gives a submitted GET form).
    pub fn with_query<'a>(
        mut self,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> SitePath {
        let mut query = url::form_urlencoded::Serializer::new(std::mem::take(&mut self.query));
        query.extend_pairs(pairs);
        self.query = query.finish();
        self
    }

    /// The path without its query: what the router matches.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The file `touchpoint build` writes for this path (inside the output folder, no leading
    /// `/`), or `None` for what needs a server. The query is not part of it: a static host
    /// serves the same file whatever the query.
    pub fn export_file(&self) -> Option<String> {
        let inside = self.path.trim_start_matches('/');
        match self.kind {
            Kind::Page if inside.is_empty() => Some("index.html".to_owned()),
            Kind::Page => Some(format!("{inside}/index.html")),
            Kind::File => Some(inside.to_owned()),
            Kind::Api => Some(format!("{inside}.json")),
            Kind::Served => None,
        }
    }
}

impl fmt::Display for SitePath {
    /// The path and, when there is one, `?` and the query.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        if !self.query.is_empty() {
            write!(f, "?{}", self.query)?;
        }
        Ok(())
    }
}

/// The feed `{id}.ics` of a route whose last segment is `{file}`.
fn feed_file(pattern: &str, id: &str) -> SitePath {
    SitePath::new(fill(pattern, "{file}", &format!("{id}.ics")), Kind::File)
}

/// `pattern` with its `{name}` segment part replaced by `value`.
fn fill(pattern: &str, name: &str, value: &str) -> String {
    pattern.replacen(name, value, 1)
}

/// The paths without a parameter: one function per route, `fn name() -> SitePath`.
macro_rules! fixed_paths {
    ($($(#[$doc:meta])* $name:ident: $route:ident, $kind:ident;)*) => {
        $(
            $(#[$doc])*
            pub fn $name() -> SitePath {
                SitePath::new(route::$route.to_owned(), Kind::$kind)
            }
        )*
    };
}

fixed_paths! {
    /// `/`: the meetings page.
    home: HOME, Page;
    /// `/calendar`: the calendar views.
    calendar: CALENDAR, Page;
    /// `/groups`: the working groups.
    groups: GROUPS, Page;
    /// `/planner`: the time planner.
    planner: PLANNER, Page;
    /// `/planner/cities.json`: the planner's city suggestions (a search: it needs a server).
    planner_cities: PLANNER_CITIES, Served;
    /// `/health`: the feed-health page.
    health: HEALTH, Page;
    /// `/calendar.ics`: the community's series.
    community_feed: COMMUNITY_FEED, File;
    /// `/all.ics`: everything merged.
    all_feed: ALL_FEED, File;
    /// `/api/v1/occurrences` (the static export writes a year of them as `occurrences.json`).
    api_occurrences: API_OCCURRENCES, Api;
    /// `/api/v1/series`.
    api_series_list: API_SERIES_LIST, Api;
    /// `/api/v1/groups`.
    api_groups: API_GROUPS, Api;
    /// `/api/v1/calendars`.
    api_calendars: API_CALENDARS, Api;
    /// `/api/v1/openapi.json`.
    api_openapi: API_OPENAPI, File;
    /// `/embed/upcoming`: the iframe page (it reads its query, so it needs a server).
    embed_upcoming: EMBED_UPCOMING, Served;
    /// `/embed/touchpoint-upcoming.js`: the web component.
    embed_component: EMBED_COMPONENT, File;
    /// `/healthz`: the liveness check.
    healthz: HEALTHZ, Served;
}

/// A file the pages load, at the address of its current bytes: `{route}?v={version}`
/// ([`crate::assets`]), which the server lets browsers keep for a year; the static export
/// writes it at the bare path, which a static host serves whatever the query.
pub(crate) fn versioned(route: &str) -> SitePath {
    SitePath::new(route.to_owned(), Kind::File).with_query([("v", crate::assets::version(route))])
}

/// `/assets/site.css?v=…`: the stylesheet.
pub fn stylesheet() -> SitePath {
    versioned(route::STYLESHEET)
}

/// `/assets/site.js?v=…`: the pages' script.
pub fn script() -> SitePath {
    versioned(route::SCRIPT)
}

/// `/assets/local-times.js?v=…`: times in the visitor's zone where the server cannot know it.
pub fn local_times() -> SitePath {
    versioned(route::LOCAL_TIMES)
}

/// `/assets/zones.json?v=…`: the zone picker's suggestions.
pub fn zones() -> SitePath {
    versioned(route::ZONES)
}

/// `/favicon.svg?v=…`: the site's icon.
pub fn favicon() -> SitePath {
    versioned(route::FAVICON)
}

/// The calendar in `view` (`/calendar` for the agenda, `/calendar/week`, `/calendar/month`):
/// a path, not a query, so the static export writes each view.
pub fn calendar_view(view: View) -> SitePath {
    match view {
        View::Agenda => calendar(),
        _ => SitePath::new(
            fill(route::CALENDAR_VIEW, "{view}", view.as_str()),
            Kind::Page,
        ),
    }
}

/// The calendar in `view` showing only the outside calendar (or `community`) `id`:
/// `/calendar/{view}/source/{id}`.
pub fn calendar_source(view: View, id: &str) -> SitePath {
    calendar_filtered(view, IdKind::Source, id)
}

/// The calendar in `view` showing only the group `id`: `/calendar/{view}/group/{id}`.
pub fn calendar_group(view: View, id: &str) -> SitePath {
    calendar_filtered(view, IdKind::Group, id)
}

fn calendar_filtered(view: View, kind: IdKind, id: &str) -> SitePath {
    let path = fill(route::CALENDAR_FILTERED, "{view}", view.as_str());
    let path = fill(&path, "{kind}", kind.param());
    SitePath::new(fill(&path, "{id}", id), Kind::Page)
}

/// `/series/{id}`: a series page.
pub fn series(id: &str) -> SitePath {
    SitePath::new(fill(route::SERIES, "{file}", id), Kind::Page)
}

/// `/series/{id}.ics`: a series' feed.
pub fn series_feed(id: &str) -> SitePath {
    feed_file(route::SERIES, id)
}

/// `/series/{id}/{date}.ics`: one occurrence of a series (named by its regular date, and an
/// extra's by its time too: `{date}T{HHMM}.ics`) to add to a calendar.
pub fn series_occurrence(id: &str, key: OccurrenceKey) -> SitePath {
    let path = fill(route::SERIES_OCCURRENCE, "{id}", id);
    SitePath::new(
        fill(&path, "{file}", &format!("{}.ics", key.stem())),
        Kind::File,
    )
}

/// `/groups/{id}`: a group's page.
pub fn group(id: &str) -> SitePath {
    SitePath::new(fill(route::GROUP, "{file}", id), Kind::Page)
}

/// `/groups/{id}.ics`: a group's feed.
pub fn group_feed(id: &str) -> SitePath {
    feed_file(route::GROUP, id)
}

/// `/sources/{id}.ics`: an outside calendar's cleaned copy.
pub fn source_feed(id: &str) -> SitePath {
    feed_file(route::SOURCE_FEED, id)
}

/// `/api/v1/series/{id}`.
pub fn api_series(id: &str) -> SitePath {
    SitePath::new(fill(route::API_SERIES, "{id}", id), Kind::Api)
}

/// `/api/v1/groups/{id}`.
pub fn api_group(id: &str) -> SitePath {
    SitePath::new(fill(route::API_GROUP, "{id}", id), Kind::Api)
}

/// Every path of `site` at `now`, in a stable order: each fixed page, asset, feed and API
/// answer, and those of every series, group and outside calendar, with the one-occurrence
/// downloads the series pages link to.
pub fn every(site: &Site, now: Timestamp) -> Vec<SitePath> {
    let mut paths = vec![
        home(),
        calendar(),
        calendar_view(View::Week),
        calendar_view(View::Month),
        groups(),
        planner(),
        planner_cities(),
        health(),
        stylesheet(),
        script(),
        local_times(),
        zones(),
        community_feed(),
        all_feed(),
        api_occurrences(),
        api_series_list(),
        api_groups(),
        favicon(),
        api_calendars(),
        api_openapi(),
        embed_upcoming(),
        embed_component(),
        healthz(),
    ];
    for series in &site.community.series {
        paths.extend([
            self::series(&series.id),
            series_feed(&series.id),
            api_series(&series.id),
        ]);
        paths.extend(
            crate::html::series::next_dates(site, &series.id, now)
                .into_iter()
                .map(|key| series_occurrence(&series.id, key)),
        );
    }
    for group in &site.community.groups {
        paths.extend([
            self::group(&group.id),
            group_feed(&group.id),
            api_group(&group.id),
        ]);
    }
    for source in &site.sources {
        paths.push(source_feed(&source.decl.id));
    }
    paths.extend(calendar_filters(site));
    paths
}

/// Each view of each calendar filter the static export writes: every outside calendar (and
/// `community`) and every group, alone.
pub fn calendar_filters(site: &Site) -> Vec<SitePath> {
    let mut paths = Vec::new();
    for view in [View::Agenda, View::Week, View::Month] {
        for (id, _) in IdKind::Source.ids(site) {
            paths.push(calendar_source(view, &id));
        }
        for group in &site.community.groups {
            paths.push(calendar_group(view, &group.id));
        }
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_build_each_path_from_its_route() {
        assert_eq!(series("weekly-sync").to_string(), "/series/weekly-sync");
        assert_eq!(
            series_feed("weekly-sync").to_string(),
            "/series/weekly-sync.ics"
        );
        let date: jiff::civil::Date = "2026-12-03".parse().unwrap();
        let regular = OccurrenceKey { date, extra: None };
        assert_eq!(
            series_occurrence("weekly-sync", regular).to_string(),
            "/series/weekly-sync/2026-12-03.ics"
        );
        let extra = OccurrenceKey {
            date,
            extra: Some(jiff::civil::time(11, 0, 0, 0)),
        };
        assert_eq!(
            series_occurrence("weekly-sync", extra).to_string(),
            "/series/weekly-sync/2026-12-03T1100.ics"
        );
        for key in [regular, extra] {
            assert_eq!(OccurrenceKey::parse(&key.stem()), Some(key));
        }
        for stem in [
            "2026-12-03T11",
            "2026-12-03T2500",
            "2026-12-03T11:00",
            "2026-12-03T",
        ] {
            assert_eq!(OccurrenceKey::parse(stem), None, "{stem}");
        }
        assert_eq!(group_feed("docs").to_string(), "/groups/docs.ics");
        assert_eq!(source_feed("cncf").to_string(), "/sources/cncf.ics");
        assert_eq!(api_group("docs").to_string(), "/api/v1/groups/docs");
        assert_eq!(calendar_view(View::Agenda).to_string(), "/calendar");
        assert_eq!(calendar_view(View::Month).to_string(), "/calendar/month");
        assert_eq!(
            calendar_source(View::Week, "cncf").to_string(),
            "/calendar/week/source/cncf"
        );
        assert_eq!(
            calendar_group(View::Agenda, "docs")
                .export_file()
                .as_deref(),
            Some("calendar/agenda/group/docs/index.html")
        );
    }

    #[test]
    fn can_name_the_file_the_static_export_writes() {
        assert_eq!(home().export_file().as_deref(), Some("index.html"));
        assert_eq!(
            group("docs").export_file().as_deref(),
            Some("groups/docs/index.html")
        );
        assert_eq!(
            group_feed("docs").export_file().as_deref(),
            Some("groups/docs.ics")
        );
        assert_eq!(
            api_series("x").export_file().as_deref(),
            Some("api/v1/series/x.json")
        );
        assert_eq!(
            api_openapi().export_file().as_deref(),
            Some("api/v1/openapi.json")
        );
        assert_eq!(healthz().export_file(), None);
        // A query does not change the file.
        let filtered = calendar().with_query([("view", "week")]);
        assert_eq!(
            filtered.export_file().as_deref(),
            Some("calendar/index.html")
        );
    }

    #[test]
    fn can_form_encode_a_query() {
        let path = planner().with_query([
            ("cities", "Europe/Madrid,America/New_York"),
            ("title", "Q&A call"),
        ]);
        assert_eq!(path.path(), "/planner");
        assert_eq!(
            path.to_string(),
            "/planner?cities=Europe%2FMadrid%2CAmerica%2FNew_York&title=Q%26A+call"
        );
        assert_eq!(home().with_query([]).to_string(), "/");
    }
}
