//! `/planner`: one meeting (a series, or any date-time in any zone) shown across the cities a
//! visitor chooses, with each city's working hours shaded and the coming daylight-saving changes
//! that move the meeting for some of them flagged — the weeks when US and EU clocks disagree.
//! Everything is in the URL, so a plan is shared by sharing the link.

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use maud::{Markup, html};
use touchpoint_calendar::{Tz, wall_to_instant};

use super::calendar::ParamError;
use super::layout::{Nav, layout, query_pairs};
use crate::{Filter, Site, Viewer, paths};

/// The cities shown when the visitor names none (after the visitor's own zone).
pub const DEFAULT_CITIES: [&str; 6] = [
    "America/Los_Angeles",
    "America/New_York",
    "Europe/London",
    "Europe/Berlin",
    "Asia/Kolkata",
    "Asia/Tokyo",
];

/// Local working hours, shaded: from 09:00 to 17:00.
pub const WORK_START: i8 = 9;
/// End of the working day (exclusive).
pub const WORK_END: i8 = 17;

/// How far ahead the planner looks for clock changes, in days.
pub const LOOKAHEAD_DAYS: i64 = 365;

/// What `/planner` shows: `?series=ID`, or `?at=YYYY-MM-DDTHH:MM&zone=Area/City`, and
/// `&cities=Europe/Berlin,America/New_York,...`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlannerParams {
    /// A series of the community.
    pub series: Option<String>,
    /// A wall-clock date-time in `zone`, repeated weekly to look for clock changes.
    pub at: Option<DateTime>,
    /// The zone of `at`; `None`: the viewer's.
    pub zone: Option<String>,
    /// IANA zone names; empty: the viewer's zone and [`DEFAULT_CITIES`].
    pub cities: Vec<String>,
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
                    params.at = Some(value.parse().map_err(|_| ParamError {
                        message: format!(
                            "{value:?} is not a date and time: write it as YYYY-MM-DDTHH:MM, e.g. 2027-03-16T17:00."
                        ),
                    })?)
                }
                "zone" => params.zone = Some(value.to_owned()),
                "cities" | "city" => params.cities.extend(
                    value
                        .split([',', ' ', '\n'])
                        .map(str::trim)
                        .filter(|c| !c.is_empty())
                        .map(str::to_owned),
                ),
                _ => {}
            }
        }
        Ok(params)
    }
}

/// The meeting the planner shows.
struct Meeting {
    title: String,
    zone: Tz,
    /// Start and end of the first (shown) occurrence.
    first: (Timestamp, Timestamp),
    /// Starts of the occurrences in the coming year, the first included.
    starts: Vec<Timestamp>,
    /// The link to the series page, for a series.
    series_id: Option<String>,
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
    if let Some(id) = series_id {
        let series = site
            .community
            .series(&id)
            .ok_or_else(|| format!("There is no series called {id:?}."))?;
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
        let first = items
            .first()
            .ok_or_else(|| format!("{} has no coming dates.", series.title))?;
        return Ok(Meeting {
            title: series.title.clone(),
            zone: series.timezone.clone(),
            first: (first.start_at, first.end_at),
            starts: items.iter().map(|item| item.start_at).collect(),
            series_id: Some(id),
        });
    }
    let zone = match &params.zone {
        Some(name) => {
            Tz::iana(name).ok_or_else(|| format!("There is no time zone called {name:?}."))?
        }
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
    let starts = (0..LOOKAHEAD_DAYS / 7)
        .map(|week| wall_to_instant(&zone.zone, at.saturating_add((week * 7).days())))
        .collect();
    Ok(Meeting {
        title: format!("{} {}", at.strftime("%a %-d %b %Y, %H:%M"), zone.name),
        first: (start, start.saturating_add(1.hour()).unwrap_or(start)),
        zone,
        starts,
        series_id: None,
    })
}

/// "New York" for "America/New_York".
fn city_name(tz: &Tz) -> String {
    tz.name
        .rsplit('/')
        .next()
        .unwrap_or(&tz.name)
        .replace('_', " ")
}

fn offset_label(zone: &TimeZone, at: Timestamp) -> String {
    let offset = zone.to_offset(at);
    if offset.seconds() == 0 {
        "UTC".to_owned()
    } else {
        format!("UTC{offset}")
    }
}

/// How a local start time sits in a working day.
fn fit(start_hour: i8, end: jiff::civil::Time) -> (&'static str, &'static str) {
    let ends_in_day = end.hour() < WORK_END || (end.hour() == WORK_END && end.minute() == 0);
    if (WORK_START..WORK_END).contains(&start_hour) && ends_in_day {
        ("work", "Working hours")
    } else if (7..22).contains(&start_hour) {
        ("edge", "Outside working hours")
    } else {
        ("night", "Night")
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

fn shifts(meeting: &Meeting, cities: &[Tz]) -> Vec<Shift> {
    let signature = |at: Timestamp| -> Vec<i32> {
        let base = meeting.zone.zone.to_offset(at).seconds();
        cities
            .iter()
            .map(|city| city.zone.to_offset(at).seconds() - base)
            .collect()
    };
    let clock = |city: &Tz, at: Timestamp| {
        at.to_zoned_datetime(city.zone.clone())
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

/// The planner page.
pub fn planner(site: &Site, viewer: &Viewer, now: Timestamp, params: &PlannerParams) -> Markup {
    let mut unknown = Vec::new();
    let mut cities: Vec<Tz> = Vec::new();
    let names: Vec<String> = if params.cities.is_empty() {
        std::iter::once(viewer.tz.name.to_string())
            .chain(DEFAULT_CITIES.iter().map(|c| (*c).to_owned()))
            .collect()
    } else {
        params.cities.clone()
    };
    for name in &names {
        match Tz::iana(name) {
            Some(tz) if !cities.contains(&tz) => cities.push(tz),
            Some(_) => {}
            None => unknown.push(name.clone()),
        }
    }
    let meeting = meeting(site, viewer, now, params);
    let cities_value = cities
        .iter()
        .map(|c| &*c.name)
        .collect::<Vec<_>>()
        .join(",");
    let share = match &meeting {
        Ok(m) => {
            let mut pairs = Vec::new();
            match (&m.series_id, params.at) {
                (Some(id), _) => pairs.push(("series", id.clone())),
                (None, _) => {
                    let local = m.first.0.to_zoned_datetime(m.zone.zone.clone());
                    pairs.push(("at", local.strftime("%Y-%m-%dT%H:%M").to_string()));
                    pairs.push(("zone", m.zone.name.to_string()));
                }
            }
            pairs.push(("cities", cities_value.clone()));
            let query = pairs.iter().map(|(key, value)| (*key, value.as_str()));
            Some(site.href(&paths::planner().with_query(query)))
        }
        Err(_) => None,
    };
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
    let selected_series = meeting.as_ref().ok().and_then(|m| m.series_id.clone());
    let body = html! {
        h1 { "Time planner" }
        p { "See a meeting in several cities at once, with working hours (09:00–17:00 local) shaded, and the coming weeks when daylight-saving changes move it for some of them." }
        form class="planner" method="get" action=(site.href(&paths::planner())) {
            div class="field" {
                label for="p-series" { "Meeting" }
                select id="p-series" name="series" {
                    option value="" selected[selected_series.is_none()] { "Any date and time (below)" }
                    @for series in &site.community.series {
                        option value=(series.id) selected[selected_series.as_deref() == Some(series.id.as_str())] { (series.title) }
                    }
                }
            }
            div class="field" {
                label for="p-at" { "Date and time" }
                input id="p-at" type="datetime-local" name="at" value=(at_value);
            }
            div class="field" {
                label for="p-zone" { "In zone" }
                input id="p-zone" name="zone" list="zones" value=(zone_value) autocomplete="off" spellcheck="false";
            }
            div class="field wide" {
                label for="p-cities" { "Cities (IANA zones, comma-separated)" }
                input id="p-cities" name="cities" list="zones" value=(cities_value) autocomplete="off" spellcheck="false";
            }
            button type="submit" { "Show" }
        }
        @if !unknown.is_empty() {
            p class="warn" role="alert" { "Unknown time zones left out: " (unknown.join(", ")) ". Write names such as Europe/Berlin." }
        }
        @match &meeting {
            Err(message) => p class="warn" role="alert" { (message) },
            Ok(m) => (plan(site, m, &cities, share.as_deref().unwrap_or(""))),
        }
    };
    layout(site, "Time planner", Nav::Planner, viewer, now, body)
}

fn plan(site: &Site, meeting: &Meeting, cities: &[Tz], share: &str) -> Markup {
    let (start, end) = meeting.first;
    let hour_start = Timestamp::from_second(start.as_second() - start.as_second().rem_euclid(3600))
        .unwrap_or(start);
    let columns: Vec<Timestamp> = (-8..16)
        .map(|h| {
            hour_start
                .saturating_add((h * 3600).seconds())
                .unwrap_or(hour_start)
        })
        .collect();
    let runs = shifts(meeting, cities);
    html! {
        section aria-labelledby="plan-h" {
            h2 id="plan-h" {
                @if let Some(id) = &meeting.series_id {
                    a href=(site.href(&paths::series(id))) { (meeting.title) }
                } @else { (meeting.title) }
            }
            p {
                "Next: " time datetime=(Viewer::machine(start)) {
                    (start.to_zoned_datetime(meeting.zone.zone.clone()).strftime("%a %-d %b %Y, %H:%M").to_string())
                    " " (meeting.zone.name)
                }
                ". " a href=(share) { "Link to this plan" } " (share it: everything is in the address)."
            }
            div class="scroll" role="region" aria-label="The meeting in each city" tabindex="0" {
                table class="plan" {
                    thead {
                        tr {
                            th scope="col" { "City" }
                            th scope="col" { "Local time" }
                            th scope="col" { "Hours around the meeting" }
                        }
                    }
                    tbody {
                        @for city in cities {
                            @let local = start.to_zoned_datetime(city.zone.clone());
                            @let local_end = end.to_zoned_datetime(city.zone.clone());
                            @let (class, fit_text) = fit(local.hour(), local_end.time());
                            tr class=(class) {
                                th scope="row" { (city_name(city)) br; small { (city.name) } }
                                td {
                                    strong { (local.strftime("%H:%M").to_string()) "–" (local_end.strftime("%H:%M").to_string()) }
                                    " " (local.strftime("%a %-d %b").to_string())
                                    br; small { (offset_label(&city.zone, start)) " · " (fit_text) }
                                }
                                td {
                                    div class="strip" aria-hidden="true" {
                                        @for column in &columns {
                                            @let t = column.to_zoned_datetime(city.zone.clone());
                                            @let working = t.hour() >= WORK_START && t.hour() < WORK_END;
                                            @let meets = *column >= hour_start && *column < end;
                                            span class={ "h" @if working { " work" } @if meets { " meet" } @if t.hour() == 0 { " midnight" } } {
                                                @if t.minute() == 0 { (t.hour()) } @else { (t.strftime("%-H:%M").to_string()) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            p class="legend" {
                span class="key work" aria-hidden="true" {} " working hours (09–17 local) "
                span class="key meet" aria-hidden="true" {} " the meeting"
            }
        }
        section aria-labelledby="dst-h" {
            h2 id="dst-h" { "Coming clock changes" }
            @if runs.is_empty() {
                p { "In the next 12 months the meeting stays at the same local time in every city above." }
            } @else {
                p { "Daylight-saving changes move the meeting for some cities on these dates (compared with the next meeting):" }
                ul class="shifts" {
                    @for run in &runs {
                        @let days = (run.until - run.from).as_hours() / 24 + 7;
                        li class={ "shift" @if days <= 35 { " mismatch" } } {
                            strong {
                                (day(run.from, &meeting.zone)) @if run.count > 1 { " – " (day(run.until, &meeting.zone)) }
                            }
                            " (" (run.count) @if run.count == 1 { " meeting" } @else { " meetings" } ")"
                            @if days <= 35 { " " span class="badge" { "Clocks disagree" } }
                            ": "
                            @for (n, (i, usual, then)) in run.moved.iter().enumerate() {
                                @if n > 0 { "; " }
                                (city_name(&cities[*i])) " at " strong { (then) } " instead of " (usual)
                            }
                        }
                    }
                }
            }
        }
    }
}

fn day(at: Timestamp, zone: &Tz) -> String {
    at.to_zoned_datetime(zone.zone.clone())
        .strftime("%a %-d %b %Y")
        .to_string()
}
