//! `/planner`: one meeting (a series, or any date-time in any zone) shown across the cities a
//! visitor chooses, hour by hour, with each city's working hours shaded, the start times that
//! put the most cities inside working hours suggested, local times that do not exist or happen
//! twice flagged, and the coming daylight-saving changes that move the meeting for some cities
//! listed — the weeks when US and EU clocks disagree.
//!
//! Everything is in the URL, so a plan is shared by sharing the link: cities are added one at a
//! time with a plain GET form (`?city=Tokyo`, searched on the server, so it works with
//! JavaScript off), removed with a link each, and an hour is picked with a link that sets
//! `at` and `zone`. site.js only adds suggestions while typing ([`cities_json`]) and lets a
//! click on any hour of a column pick that column.

pub mod cities;
pub mod clock;

use jiff::civil::DateTime;
use jiff::{SignedDuration, Timestamp, ToSpan};
use maud::{Markup, html};
use touchpoint_calendar::{Tz, wall_to_instant};

use self::cities::{Pick, Place};
use self::clock::{WallClock, offset_text};
use super::calendar::ParamError;
use super::layout::{Nav, layout, query_pairs};
use super::text::{text, text_str};
use crate::i18n::{Arg, Lang, markup};
use crate::{Filter, Site, Viewer, paths, t};

/// The cities shown when the visitor names none (after the visitor's own zone): address
/// tokens, as [`cities::resolve`] reads them.
pub const DEFAULT_CITIES: [&str; 6] = [
    "los-angeles-us-ca",
    "new-york-city-us-ny",
    "london-gb",
    "berlin-de",
    "bengaluru-in",
    "tokyo-jp",
];

/// How far ahead the planner looks for clock changes, in days.
pub const LOOKAHEAD_DAYS: i64 = 365;

/// The hour strip: this many hours before the meeting's hour …
const HOURS_BEFORE: i64 = 3;
/// … and this many in all (a whole day, so every start time is there once).
const HOURS_SHOWN: i64 = 24;

/// What `/planner` shows: `?series=ID`, or `?at=YYYY-MM-DDTHH:MM&zone=Area/City`, with
/// `&cities=tokyo-jp,Europe/Berlin,...` and `&city=São Paulo` to add one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlannerParams {
    /// A series of the community.
    pub series: Option<String>,
    /// A wall-clock date-time in `zone`, repeated weekly to look for clock changes.
    pub at: Option<DateTime>,
    /// The zone of `at`; `None`: the viewer's.
    pub zone: Option<String>,
    /// The cities: IANA zone names, city keys (`bengaluru-in`) or exact city names; empty: the
    /// viewer's zone and [`DEFAULT_CITIES`].
    pub cities: Vec<String>,
    /// A city to search for and add.
    pub city: Option<String>,
    /// The page is for the static export (`touchpoint build`), where no server answers the
    /// address: it shows its default plan and says that changing it needs the served site.
    pub static_copy: bool,
}

impl PlannerParams {
    /// Read a raw query string (unknown keys are ignored).
    pub fn from_query(raw: &str) -> Result<PlannerParams, ParamError> {
        let mut params = PlannerParams::default();
        for (key, value) in query_pairs(raw) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key.as_str() {
                "series" => params.series = Some(value.to_owned()),
                "at" => {
                    params.at = Some(
                        value
                            .parse()
                            .map_err(|_| ParamError::new("planner-error-at", value))?,
                    )
                }
                "zone" => params.zone = Some(value.to_owned()),
                "cities" => params.cities.extend(
                    value
                        .split([',', '\n'])
                        .map(str::trim)
                        .filter(|c| !c.is_empty())
                        .map(str::to_owned),
                ),
                "city" => params.city = Some(value.to_owned()),
                _ => {}
            }
        }
        Ok(params)
    }
}

/// The meeting the planner shows.
struct Meeting {
    /// What the plan's heading calls it: the series' title in the viewer's language, or the
    /// date and time asked for.
    title: Markup,
    zone: Tz,
    /// Start and end of the first (shown) occurrence.
    first: (Timestamp, Timestamp),
    /// Starts of the occurrences in the coming year, the first included.
    starts: Vec<Timestamp>,
    /// The link to the series page, for a series.
    series_id: Option<String>,
    /// The wall-clock start in `zone` of each of `starts`, as written (before a gap moves it).
    walls: Vec<DateTime>,
}

fn meeting(
    site: &Site,
    viewer: &Viewer,
    now: Timestamp,
    params: &PlannerParams,
) -> Result<Meeting, String> {
    let series_id = params.series.clone().or_else(|| {
        params
            .at
            .is_none()
            .then(|| site.community.series.first().map(|s| s.id.clone()))
            .flatten()
    });
    let lang = viewer.lang;
    if let Some(id) = series_id {
        let series = site
            .community
            .series(&id)
            .ok_or_else(|| t!(lang, "planner-error-series", series = format!("{id:?}")))?;
        let to = now
            .checked_add((LOOKAHEAD_DAYS * 24).hours())
            .unwrap_or(Timestamp::MAX);
        let filter = Filter {
            series: vec![id.clone()],
            own_only: true,
            ..Filter::default()
        };
        let items: Vec<_> = site
            .items(now, to, &series.timezone.zone, &filter)
            .into_iter()
            .filter(|item| !item.cancelled() && !item.all_day())
            .collect();
        let first = items.first().ok_or_else(|| {
            t!(
                lang,
                "planner-error-no-dates",
                series = text_str(viewer, &series.title)
            )
        })?;
        let zone = series.timezone.clone();
        let walls = items
            .iter()
            .map(|item| {
                let date = item.start_at.to_zoned_datetime(zone.zone.clone()).date();
                date.to_datetime(series.start)
            })
            .collect();
        return Ok(Meeting {
            title: text(viewer, &series.title),
            first: (first.start_at, first.end_at),
            starts: items.iter().map(|item| item.start_at).collect(),
            series_id: Some(id),
            zone,
            walls,
        });
    }
    let zone = match &params.zone {
        Some(name) => Tz::iana(name)
            .ok_or_else(|| t!(lang, "planner-error-zone", zone = format!("{name:?}")))?,
        None => viewer.tz.clone(),
    };
    let at = params.at.unwrap_or_else(|| {
        viewer
            .local(now)
            .date()
            .saturating_add(1.day())
            .to_datetime(jiff::civil::time(12, 0, 0, 0))
    });
    let start = wall_to_instant(&zone.zone, at);
    let walls: Vec<DateTime> = (0..LOOKAHEAD_DAYS / 7)
        .map(|week| at.saturating_add((week * 7).days()))
        .collect();
    let starts = walls
        .iter()
        .map(|wall| wall_to_instant(&zone.zone, *wall))
        .collect();
    Ok(Meeting {
        title: html! {
            (t!(
                lang,
                "planner-meeting-at",
                date = viewer.date(at.date()),
                time = at.strftime("%H:%M").to_string(),
                zone = zone.name.as_ref(),
            ))
        },
        first: (start, start.saturating_add(1.hour()).unwrap_or(start)),
        zone,
        starts,
        series_id: None,
        walls,
    })
}

/// How a local start time sits in a working day: the row's class and its message id.
fn fit(zone: &Tz, start: Timestamp, end: Timestamp) -> (&'static str, &'static str) {
    let start_hour = start.to_zoned_datetime(zone.zone.clone()).hour();
    if clock::in_working_hours(&zone.zone, start, end) {
        ("work", "planner-fit-work")
    } else if (7..22).contains(&start_hour) {
        ("edge", "planner-fit-edge")
    } else {
        ("night", "planner-fit-night")
    }
}

/// A run of consecutive occurrences during which some cities see the meeting at another local
/// time than at the first occurrence.
struct Shift {
    from: Timestamp,
    until: Timestamp,
    count: usize,
    /// City index, usual local time, local time during the run.
    moved: Vec<(usize, String, String)>,
}

fn shifts(meeting: &Meeting, cities: &[Place]) -> Vec<Shift> {
    let signature = |at: Timestamp| -> Vec<i32> {
        let base = meeting.zone.zone.to_offset(at).seconds();
        cities
            .iter()
            .map(|city| city.tz.zone.to_offset(at).seconds() - base)
            .collect()
    };
    let clock = |city: &Place, at: Timestamp| {
        at.to_zoned_datetime(city.tz.zone.clone())
            .strftime("%H:%M")
            .to_string()
    };
    let Some(&first) = meeting.starts.first() else {
        return Vec::new();
    };
    let usual = signature(first);
    let mut runs: Vec<Shift> = Vec::new();
    let mut current: Option<(Vec<i32>, Shift)> = None;
    for &at in &meeting.starts {
        let sig = signature(at);
        let same_run = current.as_ref().is_some_and(|(s, _)| *s == sig);
        if same_run {
            if let Some((_, run)) = current.as_mut() {
                run.until = at;
                run.count += 1;
            }
            continue;
        }
        if let Some((_, run)) = current.take() {
            runs.push(run);
        }
        if sig != usual {
            // The meeting keeps its wall-clock time in its own zone, so the usual local time
            // of a city is the one at the first occurrence shifted to this date's wall clock.
            let moved = cities
                .iter()
                .enumerate()
                .filter(|(i, _)| sig[*i] != usual[*i])
                .map(|(i, city)| {
                    let delta = i64::from(usual[i] - sig[i]);
                    let usual_at = at.saturating_add(delta.seconds()).unwrap_or(at);
                    (i, clock(city, usual_at), clock(city, at))
                })
                .collect();
            current = Some((
                sig,
                Shift {
                    from: at,
                    until: at,
                    count: 1,
                    moved,
                },
            ));
        }
    }
    if let Some((_, run)) = current {
        runs.push(run);
    }
    runs
}

/// The cities of a plan, and what could not be added.
struct Cities {
    places: Vec<Place>,
    /// Tokens of the address that name nothing.
    unknown: Vec<String>,
    /// What `?city=` came to: the place added, or the candidates, or nothing found.
    added: Option<(String, Pick)>,
}

fn cities(viewer: &Viewer, params: &PlannerParams) -> Cities {
    let tokens: Vec<String> = if params.cities.is_empty() {
        std::iter::once(viewer.tz.name.to_string())
            .chain(DEFAULT_CITIES.iter().map(|c| (*c).to_owned()))
            .collect()
    } else {
        params.cities.clone()
    };
    let mut places: Vec<Place> = Vec::new();
    let mut unknown = Vec::new();
    let push = |places: &mut Vec<Place>, place: Place| {
        if !places.iter().any(|p| p.key == place.key) {
            places.push(place);
        }
    };
    for token in tokens {
        match cities::resolve(&token) {
            Some(place) => push(&mut places, place),
            None => unknown.push(token),
        }
    }
    let added = params.city.as_ref().map(|query| {
        let pick = cities::pick(&cities::search(query));
        if let Pick::One(place) = &pick {
            push(&mut places, place.clone());
        }
        (query.clone(), pick)
    });
    Cities {
        places,
        unknown,
        added,
    }
}

/// The planner's address for a meeting and a list of cities.
struct Links<'a> {
    site: &'a Site,
    /// `series=…` or `at=…&zone=…`.
    meeting: Vec<(&'static str, String)>,
    keys: Vec<String>,
    zone: Tz,
}

impl Links<'_> {
    fn with_cities(&self, meeting: &[(&'static str, String)], keys: &[&str]) -> String {
        let cities = keys.join(",");
        let pairs = meeting
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .chain(std::iter::once(("cities", cities.as_str())));
        self.site.href(&paths::planner().with_query(pairs))
    }

    fn keys(&self) -> Vec<&str> {
        self.keys.iter().map(String::as_str).collect()
    }

    /// This plan.
    fn share(&self) -> String {
        self.with_cities(&self.meeting, &self.keys())
    }

    /// This plan with one more city.
    fn adding(&self, key: &str) -> String {
        let mut keys = self.keys();
        keys.push(key);
        self.with_cities(&self.meeting, &keys)
    }

    /// This plan without the city at `index`.
    fn removing(&self, index: usize) -> String {
        let mut keys = self.keys();
        keys.remove(index);
        self.with_cities(&self.meeting, &keys)
    }

    /// The same cities with the meeting at `at` (in the meeting's zone).
    fn picking(&self, at: Timestamp) -> String {
        let local = at.to_zoned_datetime(self.zone.zone.clone());
        let meeting = [
            ("at", local.strftime("%Y-%m-%dT%H:%M").to_string()),
            ("zone", self.zone.name.to_string()),
        ];
        self.with_cities(&meeting, &self.keys())
    }
}

/// The planner page.
pub fn planner(site: &Site, viewer: &Viewer, now: Timestamp, params: &PlannerParams) -> Markup {
    let chosen = cities(viewer, params);
    let meeting = meeting(site, viewer, now, params);
    let at_value = match (&meeting, params.at) {
        (_, Some(at)) => at.strftime("%Y-%m-%dT%H:%M").to_string(),
        (Ok(m), None) => m
            .first
            .0
            .to_zoned_datetime(m.zone.zone.clone())
            .strftime("%Y-%m-%dT%H:%M")
            .to_string(),
        _ => String::new(),
    };
    let zone_value = match &meeting {
        Ok(m) => m.zone.name.to_string(),
        Err(_) => params
            .zone
            .clone()
            .unwrap_or_else(|| viewer.tz.name.to_string()),
    };
    let keys: Vec<String> = chosen.places.iter().map(|p| p.key.clone()).collect();
    let cities_value = keys.join(",");
    let selected_series = meeting.as_ref().ok().and_then(|m| m.series_id.clone());
    let lang = viewer.lang;
    let body = html! {
        h1 { (t!(lang, "planner-title")) }
        p { (t!(lang, "planner-intro")) }
        form class="planner" method="get" action=(site.href(&paths::planner())) {
            div class="field" {
                label for="p-series" { (t!(lang, "planner-meeting")) }
                select id="p-series" name="series" {
                    option value="" selected[selected_series.is_none()] { (t!(lang, "planner-any-time")) }
                    @for series in &site.community.series {
                        option value=(series.id) selected[selected_series.as_deref() == Some(series.id.as_str())] { (text_str(viewer, &series.title)) }
                    }
                }
            }
            div class="field" {
                label for="p-at" { (t!(lang, "planner-date-time")) }
                input id="p-at" type="datetime-local" name="at" value=(at_value);
            }
            div class="field" {
                label for="p-zone" { (t!(lang, "planner-zone")) }
                input id="p-zone" name="zone" list="zones" value=(zone_value) autocomplete="off" spellcheck="false";
            }
            input type="hidden" name="cities" value=(cities_value);
            button type="submit" { (t!(lang, "planner-show")) }
        }
        @if !chosen.unknown.is_empty() {
            p class="warn" role="alert" { (t!(lang, "planner-unknown-cities", cities = chosen.unknown.join(", "))) }
        }
        @match &meeting {
            Err(message) => p class="warn" role="alert" { (message) },
            Ok(m) => {
                @let meeting_pairs = match &m.series_id {
                    Some(id) => vec![("series", id.clone())],
                    // The time as written, not as a gap moved it: the link keeps the warning.
                    None => vec![
                        ("at", m.walls.first().map(|wall| wall.strftime("%Y-%m-%dT%H:%M").to_string()).unwrap_or_default()),
                        ("zone", m.zone.name.to_string()),
                    ],
                };
                @let links = Links { site, meeting: meeting_pairs, keys: keys.clone(), zone: m.zone.clone() };
                (wall_clock_warnings(viewer, m))
                (plan(site, viewer, m, &chosen, &links, params.static_copy))
            }
        }
        p class="credit" {
            small {
                (markup(lang, "planner-credit", &[("geonames", Arg::Html(html! { a href="https://www.geonames.org/" { "GeoNames" } }))]))
            }
        }
    };
    layout(
        site,
        &t!(lang, "planner-title"),
        Nav::Planner,
        viewer,
        now,
        body,
    )
}

/// A warning for each occurrence whose wall-clock start does not exist (it moves forward by the
/// gap) or happens twice (the first is taken) in the meeting's zone; the first few dates only.
fn wall_clock_warnings(viewer: &Viewer, meeting: &Meeting) -> Markup {
    let (lang, zone) = (viewer.lang, &meeting.zone);
    let problems: Vec<(DateTime, WallClock, Timestamp)> = meeting
        .walls
        .iter()
        .zip(&meeting.starts)
        .map(|(wall, start)| (*wall, clock::wall_clock(&zone.zone, *wall), *start))
        .filter(|(_, kind, _)| *kind != WallClock::Once)
        .take(3)
        .collect();
    html! {
        @for (wall, kind, start) in problems {
            @let date = viewer.date(wall.date());
            @let time = wall.strftime("%H:%M").to_string();
            @let actual = start.to_zoned_datetime(zone.zone.clone()).strftime("%H:%M").to_string();
            @let (headline, id, before, after) = match kind {
                WallClock::Gap { before, after } => ("planner-gap-headline", "planner-gap", before, after),
                WallClock::Fold { before, after } => ("planner-fold-headline", "planner-fold", before, after),
                WallClock::Once => continue,
            };
            @let headline = t!(lang, headline, time = time.as_str(), zone = zone.name.as_ref(), date = date.as_str());
            p class="warn clock-warning" role="alert" {
                (markup(lang, id, &[
                    ("headline", Arg::Html(html! { strong { (headline) } })),
                    ("before", Arg::Text(&offset_text(before))),
                    ("after", Arg::Text(&offset_text(after))),
                    ("actual", Arg::Html(html! { strong { (actual) } })),
                ]))
            }
        }
    }
}

fn plan(
    site: &Site,
    viewer: &Viewer,
    meeting: &Meeting,
    chosen: &Cities,
    links: &Links<'_>,
    static_copy: bool,
) -> Markup {
    let (start, end) = meeting.first;
    let length = SignedDuration::from_secs((end.as_second() - start.as_second()).max(0));
    let hour_start = Timestamp::from_second(start.as_second() - start.as_second().rem_euclid(3600))
        .unwrap_or(start);
    let columns: Vec<Timestamp> = (-HOURS_BEFORE..HOURS_SHOWN - HOURS_BEFORE)
        .map(|h| {
            hour_start
                .saturating_add((h * 3600).seconds())
                .unwrap_or(hour_start)
        })
        .collect();
    let places = &chosen.places;
    let zones: Vec<_> = places.iter().map(|p| &p.tz.zone).collect();
    let scores = clock::scores(&zones, &columns, length);
    let best = clock::best(&scores);
    let runs = shifts(meeting, places);
    let window_end = columns
        .last()
        .copied()
        .unwrap_or(start)
        .saturating_add(1.hour())
        .unwrap_or(start);
    let picked = |column: Timestamp| {
        column <= start && start < column.saturating_add(1.hour()).unwrap_or(column)
    };
    let lang = viewer.lang;
    let next_at = html! {
        strong { time datetime=(Viewer::machine(start)) data-end=(Viewer::machine(end)) { (t!(lang, "planner-day-times", day = viewer.day(start), from = viewer.clock(start), to = viewer.clock(end))) } }
    };
    let next_zone = html! { span data-zone-label { (viewer.tz.name) } };
    html! {
        section aria-labelledby="plan-h" {
            h2 id="plan-h" {
                @if let Some(id) = &meeting.series_id {
                    a href=(site.href(&paths::series(id))) { (meeting.title) }
                } @else { (meeting.title) }
            }
            p class="next-at" {
                @if meeting.zone != viewer.tz {
                    (markup(lang, "planner-next-elsewhere", &[
                        ("when", Arg::Html(next_at)),
                        ("zone", Arg::Html(next_zone)),
                        ("time", Arg::Text(&start.to_zoned_datetime(meeting.zone.zone.clone()).strftime("%H:%M").to_string())),
                        ("meeting_zone", Arg::Text(&meeting.zone.name)),
                    ]))
                } @else {
                    (markup(lang, "planner-next", &[("when", Arg::Html(next_at)), ("zone", Arg::Html(next_zone))]))
                }
                " "
                (markup(lang, "planner-share", &[("link", Arg::Html(html! { a href=(links.share()) { (t!(lang, "planner-share-link")) } }))]))
            }
            (suggestions(viewer, &columns, &scores, &best, places.len(), links, viewer.local(start).date()))
            p class="scroll-hint" id="strip-hint" { (t!(lang, "planner-scroll-hint")) }
            div class="scroll strip-wrap" role="region" aria-labelledby="plan-h" aria-describedby="strip-hint" tabindex="0" {
                table class="plan" {
                    caption class="visually-hidden" { (t!(lang, "planner-caption", zone = viewer.tz.name.as_ref())) }
                    thead {
                        tr {
                            th scope="col" class="city" { (t!(lang, "planner-hour-in", zone = viewer.tz.name.as_ref())) }
                            @for (i, column) in columns.iter().enumerate() {
                                @let local = column.to_zoned_datetime(viewer.tz.zone.clone());
                                th scope="col" class={ "h" @if picked(*column) { " pick" } @if best.contains(&i) { " best" } } {
                                    a href=(links.picking(*column)) data-col=(i)
                                        aria-current=[picked(*column).then_some("true")] {
                                        // The name is the visible hour with what it does before it.
                                        span class="visually-hidden" { (t!(lang, "planner-pick-hour", date = viewer.date_no_year(local.date()))) " " }
                                        (hour_cell(viewer, &local))
                                    }
                                }
                            }
                        }
                    }
                    tbody {
                        @for (index, city) in places.iter().enumerate() {
                            @let local = start.to_zoned_datetime(city.tz.zone.clone());
                            @let local_end = end.to_zoned_datetime(city.tz.zone.clone());
                            @let (class, fit_id) = fit(&city.tz, start, end);
                            @let changes = clock::changes(&city.tz.zone, columns[0], window_end);
                            tr class=(class) {
                                th scope="row" class="city" {
                                    span class="name" { (city.name) }
                                    @if let Some(alias) = &city.matched { " (" (alias) ")" }
                                    @if places.len() > 1 {
                                        @let remove = t!(lang, "planner-remove", city = city.name.as_str());
                                        " " a class="remove" href=(links.removing(index)) aria-label=(remove) title=(remove) { "×" }
                                    }
                                    br;
                                    strong { (local.strftime("%H:%M").to_string()) "–" (local_end.strftime("%H:%M").to_string()) }
                                    " " small { (viewer.weekday_short(local.date())) " · " (offset_text(local.offset())) }
                                    br;
                                    small { @if let Some(country) = &city.country { (country) " · " } (city.tz.name) " · " (t!(lang, fit_id)) }
                                    @for change in &changes {
                                        br;
                                        small class="change" { (change_text(viewer, city, change)) }
                                    }
                                }
                                @for (i, column) in columns.iter().enumerate() {
                                    @let t = column.to_zoned_datetime(city.tz.zone.clone());
                                    @let working = clock::in_working_hours(&city.tz.zone, *column, column.saturating_add(1.hour()).unwrap_or(*column));
                                    td data-col=(i) class={ "h" @if working { " work" } @if picked(*column) { " pick" } @if best.contains(&i) { " best" } @if t.hour() == 0 { " midnight" } } {
                                        (hour_cell(viewer, &t))
                                    }
                                }
                            }
                        }
                    }
                }
            }
            p class="legend" {
                span class="key work" aria-hidden="true" {} " " (t!(lang, "planner-key-work")) " "
                span class="key pick" aria-hidden="true" {} " " (t!(lang, "planner-key-pick")) " "
                span class="key best" aria-hidden="true" {} " " (t!(lang, "planner-key-best"))
            }
            @if static_copy {
                p class="warn" { (markup(lang, "planner-static", &[("command", Arg::Html(html! { code { "touchpoint serve" } }))])) }
            } @else {
                (add_form(site, lang, chosen, links))
            }
        }
        section aria-labelledby="dst-h" {
            h2 id="dst-h" { (t!(lang, "planner-changes")) }
            @if runs.is_empty() {
                p { (t!(lang, "planner-changes-none")) }
            } @else {
                p { (t!(lang, "planner-changes-intro")) }
                ul class="shifts" {
                    @for run in &runs {
                        @let days = (run.until - run.from).as_hours() / 24 + 7;
                        @let dates = html! {
                            strong {
                                @if run.count > 1 {
                                    (t!(lang, "planner-date-range", from = day(viewer, run.from, &meeting.zone), to = day(viewer, run.until, &meeting.zone)))
                                } @else {
                                    (day(viewer, run.from, &meeting.zone))
                                }
                            }
                        };
                        @let badge = html! {
                            @if days <= 35 { " " span class="badge" { (t!(lang, "planner-clocks-disagree")) } }
                        };
                        @let moves = html! {
                            @for (n, (i, usual, then)) in run.moved.iter().enumerate() {
                                @if n > 0 { (t!(lang, "planner-moves-separator")) }
                                (markup(lang, "planner-moved", &[
                                    ("city", Arg::Text(&places[*i].name)),
                                    ("then", Arg::Html(html! { strong { (then) } })),
                                    ("usual", Arg::Text(usual)),
                                ]))
                            }
                        };
                        li class={ "shift" @if days <= 35 { " mismatch" } } {
                            (markup(lang, "planner-shift", &[
                                ("dates", Arg::Html(dates)),
                                ("count", Arg::Number(i64::try_from(run.count).unwrap_or(i64::MAX))),
                                ("badge", Arg::Html(badge)),
                                ("moves", Arg::Html(moves)),
                            ]))
                        }
                    }
                }
            }
        }
    }
}

/// An hour of the strip: "14", or "19:30" with the minutes small, and the weekday at midnight.
fn hour_cell(viewer: &Viewer, local: &jiff::ZonedDateTime) -> Markup {
    html! {
        @if local.hour() == 0 { span class="day" { (viewer.weekday_short(local.date())) } }
        (local.hour())
        @if local.minute() != 0 { small { ":" (format!("{:02}", local.minute())) } }
    }
}

/// "Clocks go forward 1 h on Sun 14 Mar at 02:00 (UTC−5 → UTC−4)".
fn change_text(viewer: &Viewer, city: &Place, change: &clock::Change) -> String {
    let lang = viewer.lang;
    let before = change.at.checked_sub(1.second()).unwrap_or(change.at);
    let local = before.to_zoned_datetime(city.tz.zone.clone());
    let minutes = (change.after.seconds() - change.before.seconds()) / 60;
    let id = if minutes > 0 {
        "planner-change-forward"
    } else {
        "planner-change-back"
    };
    let amount = match (minutes.abs() / 60, minutes.abs() % 60) {
        (h, 0) => t!(lang, "planner-hours", hours = h),
        (0, m) => t!(lang, "planner-minutes", minutes = m),
        (h, m) => t!(lang, "planner-hours-minutes", hours = h, minutes = m),
    };
    // The instant before the change ends the old wall clock: 01:59:59 → "02:00".
    let wall = local.datetime().saturating_add(1.second());
    t!(
        lang,
        id,
        amount = amount,
        date = viewer.date_no_year(wall.date()),
        time = wall.strftime("%H:%M").to_string(),
        before = offset_text(change.before),
        after = offset_text(change.after),
    )
}

/// The best start times of the strip, each a link that picks it.
fn suggestions(
    viewer: &Viewer,
    columns: &[Timestamp],
    scores: &[usize],
    best: &[usize],
    cities: usize,
    links: &Links<'_>,
    meeting_day: jiff::civil::Date,
) -> Markup {
    let lang = viewer.lang;
    let times = html! {
        @for (n, &i) in best.iter().enumerate() {
            @if n > 0 { (t!(lang, "planner-times-separator")) }
            a href=(links.picking(columns[i])) {
                // The strip spans two days: the other day's hours say which day.
                @if viewer.local(columns[i]).date() != meeting_day { (viewer.weekday_short(viewer.local(columns[i]).date())) " " }
                (viewer.clock(columns[i]))
            }
        }
    };
    html! {
        @if let Some(&first) = best.first() {
            p class="best-hours" {
                (markup(lang, "planner-best", &[
                    ("label", Arg::Html(html! { strong { (t!(lang, "planner-best-label")) } })),
                    ("count", Arg::Number(i64::try_from(scores[first]).unwrap_or(i64::MAX))),
                    ("cities", Arg::Number(i64::try_from(cities).unwrap_or(i64::MAX))),
                    ("zone", Arg::Text(&viewer.tz.name)),
                    ("times", Arg::Html(times)),
                ]))
            }
        } @else {
            p class="best-hours" { (t!(lang, "planner-best-none")) }
        }
    }
}

/// Add one city: a GET form the server answers by searching (JavaScript off works), with
/// suggestions while typing from [`cities_json`] where site.js runs.
fn add_form(site: &Site, lang: Lang, chosen: &Cities, links: &Links<'_>) -> Markup {
    html! {
        form class="planner add-city" method="get" action=(site.href(&paths::planner())) {
            @for (key, value) in &links.meeting { input type="hidden" name=(key) value=(value); }
            input type="hidden" name="cities" value=(links.keys.join(","));
            div class="field wide" {
                label for="p-city" { (t!(lang, "planner-add-label")) }
                input id="p-city" name="city" list="city-list" autocomplete="off" spellcheck="false"
                    placeholder=(t!(lang, "planner-add-placeholder"))
                    data-src=(site.href(&paths::planner_cities()));
                datalist id="city-list" {}
            }
            button type="submit" { (t!(lang, "planner-add")) }
        }
        @if let Some((query, pick)) = &chosen.added {
            @match pick {
                Pick::One(place) => p class="added" role="status" {
                    @let name = match &place.matched {
                        Some(alias) => format!("{} ({alias})", place.name),
                        None => place.name.clone(),
                    };
                    (t!(lang, "planner-added", city = name, zone = place.tz.name.as_ref()))
                },
                Pick::Choose(places) => div class="choose" role="status" {
                    p { (markup(lang, "planner-several", &[("query", Arg::Html(html! { strong { (query) } }))])) }
                    ul {
                        @for place in places {
                            li { a href=(links.adding(&place.key)) { (place_label(place)) } }
                        }
                    }
                },
                Pick::None => p class="warn" role="alert" {
                    (markup(lang, "planner-not-found", &[("query", Arg::Html(html! { strong { (query) } }))]))
                },
            }
        }
    }
}

/// "São Paulo, BR — America/Sao_Paulo".
fn place_label(place: &Place) -> String {
    let mut label = place.name.clone();
    if let Some(alias) = &place.matched {
        label.push_str(&format!(" ({alias})"));
    }
    if let Some(country) = &place.country {
        label.push_str(", ");
        label.push_str(country);
    }
    format!("{label} — {}", place.tz.name)
}

/// The body of `/planner/cities.json?q=`: the places matching `q`, best first, for the add
/// form's suggestions.
pub fn cities_json(query: &str) -> String {
    let found: Vec<serde_json::Value> = cities::search(query)
        .into_iter()
        .map(|found| {
            serde_json::json!({
                "key": found.place.key,
                "name": found.place.name,
                "label": place_label(&found.place),
            })
        })
        .collect();
    serde_json::to_string(&found).unwrap_or_else(|_| "[]".to_owned())
}

/// The day of `at` in `zone`, in the viewer's language.
fn day(viewer: &Viewer, at: Timestamp, zone: &Tz) -> String {
    viewer.date(at.to_zoned_datetime(zone.zone.clone()).date())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::calendar::tests::{english_left_in, gaps, now, site, viewer};

    fn page(lang: Lang, query: &str) -> String {
        let params = PlannerParams::from_query(query).unwrap();
        planner(&site(), &viewer(lang), now(), &params).into_string()
    }

    #[test]
    fn can_show_the_planner_in_japanese_without_english_words() {
        for query in [
            // The series across the default cities; its clock changes in March.
            "",
            // 02:30 does not exist in New York on 14 March 2027.
            "at=2027-03-14T02:30&zone=America/New_York&cities=tokyo-jp,london-gb",
            // 01:30 happens twice there on 7 November 2027; an unknown city.
            "at=2027-11-07T01:30&zone=America/New_York&cities=tokyo-jp,Nowhere",
            "series=call&cities=tokyo-jp&city=Hyderabad",
            "series=call&cities=tokyo-jp&city=Bangalore",
            "series=call&cities=tokyo-jp&city=Xyzzyq",
            "series=nothing",
        ] {
            let html = page(Lang::Ja, query);
            assert_eq!(
                english_left_in("planner", &html),
                Vec::<String>::new(),
                "{query}"
            );
            assert!(html.contains("<h1>タイムプランナー</h1>"), "{query}");
        }
        let plan = page(Lang::Ja, "");
        assert!(
            plan.contains(r#"<a href="/series/call">定例</a></h2>"#),
            "{plan}"
        );
        assert!(plan.contains("おすすめの開始時刻"), "{plan}");
        assert!(plan.contains("今後の時刻の切り替え"));
        let gap = page(
            Lang::Ja,
            "at=2027-03-14T02:30&zone=America/New_York&cities=new-york-city-us-ny",
        );
        assert!(
            gap.contains("America/New_Yorkに02:30は存在しません"),
            "{gap}"
        );
        assert!(
            gap.contains("時計が1時間進みます"),
            "a clock change in the strip"
        );
        assert_eq!(gaps(Lang::Ja, "planner-"), Vec::<String>::new());
    }

    #[test]
    fn can_count_meetings_in_a_clock_change_by_each_languages_plural_rules() {
        // From Tokyo, the New York call moves for the weeks the US is on summer time.
        let english = page(Lang::En, "series=call&cities=tokyo-jp,london-gb");
        assert!(english.contains(" meetings)"), "{english}");
        let french = page(Lang::Fr, "series=call&cities=tokyo-jp,london-gb");
        assert!(french.contains(" réunions)"), "{french}");
        assert!(!french.contains(" meetings)"));
        assert_eq!(gaps(Lang::Fr, "planner-"), Vec::<String>::new());
    }
}
