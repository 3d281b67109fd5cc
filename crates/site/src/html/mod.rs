//! HTML pages (maud, compiled in). Every page is server-rendered and works with JavaScript off;
//! every time is shown in the viewer's zone, which is named beside the times.
//!
//! Text from outside feeds is untrusted: maud escapes every interpolation, and links are kept
//! only when [`crate::safe_url`] accepts them.

use jiff::{Timestamp, ToSpan};
use maud::{DOCTYPE, Markup, PreEscaped, html};

use touchpoint_community::Location;

use crate::{Filter, Item, Origin, Site, Source, SourceStatus, Viewer, ViewerError};

/// The stylesheet, served at `/assets/site.css`.
pub const CSS: &str = include_str!("assets/site.css");

/// How many days the home page's calendar section lists.
const CALENDAR_DAYS: i64 = 28;

/// The page shell: head, stylesheet, header with the zone picker, footer.
fn layout(site: &Site, title: &str, viewer: &Viewer, now: Timestamp, body: Markup) -> Markup {
    let info = &site.community.info;
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="color-scheme" content="light dark";
                title { (title) }
                link rel="stylesheet" href=(site.href("/assets/site.css"));
                link rel="alternate" type="text/calendar" title=(format!("{} calendar", info.name)) href=(site.href("/calendar.ics"));
            }
            body {
                a class="skip" href="#main" { "Skip to content" }
                header class="top" {
                    p class="brand" { a href=(site.href("/")) { (info.name) } }
                    (zone_form(site, viewer, now))
                }
                main id="main" { (body) }
                footer {
                    p {
                        "Times are shown in " strong { (viewer.label(now)) } ". "
                        a href=(site.href("/calendar.ics")) { "Subscribe (iCalendar)" }
                        " · "
                        a href=(site.href("/health")) { "Feed health" }
                        " · Served by Touchpoint."
                    }
                }
            }
        }
    }
}

/// The time-zone picker: a plain GET form, so it works with JavaScript off.
fn zone_form(site: &Site, viewer: &Viewer, now: Timestamp) -> Markup {
    html! {
        form class="tz" method="get" action="" {
            label for="tz" { "Time zone" }
            input id="tz" name="tz" list="zones" value=(viewer.tz.name) autocomplete="off" spellcheck="false";
            datalist id="zones" {
                @for name in jiff::tz::db().available() {
                    option value=(name.as_str()) {}
                }
            }
            button type="submit" { "Show" }
            span class="zone-now" { (viewer.label(now)) }
            @let _ = site;
        }
    }
}

/// One occurrence as a list entry: when (in the viewer's zone), title, status and links.
fn occurrence(site: &Site, viewer: &Viewer, item: &Item<'_>) -> Markup {
    let colour = match item.origin {
        Origin::Source(source) => source.decl.colour.clone(),
        Origin::Series(_) => None,
    };
    html! {
        li class={ "occ" @if item.cancelled() { " cancelled" } } {
            @if let Some(colour) = colour {
                span class="swatch" style=(format!("background:{colour}")) aria-hidden="true" {}
            }
            time datetime=(Viewer::machine(item.start_at)) { (viewer.when(item)) }
            " "
            @match item.origin {
                Origin::Series(series) => {
                    a class="title" href=(site.href(&format!("/series/{}", series.id))) { (item.title()) }
                }
                Origin::Source(source) => {
                    span class="title" { (item.title()) }
                    " " span class="source" { "(" (source.decl.name) ")" }
                }
            }
            @if item.cancelled() {
                " " strong class="badge" { "Cancelled" }
                @if let Some(reason) = item.cancel_reason() { " — " (reason) }
            }
            @if let Some(url) = item.url() {
                @if !item.cancelled() { " " a class="join" href=(url) rel="nofollow noopener" { "Join" } }
            }
        }
    }
}

/// The home page: the touchpoints, working groups, the community calendar and the calendars
/// followed.
pub fn home(site: &Site, viewer: &Viewer, now: Timestamp) -> Markup {
    let info = &site.community.info;
    let own_series: Vec<_> = site
        .community
        .series
        .iter()
        .filter(|series| series.group.is_none())
        .collect();
    let calendar_end = now
        .checked_add((CALENDAR_DAYS * 24).hours())
        .unwrap_or(Timestamp::MAX);
    let upcoming = site.items(now, calendar_end, &viewer.tz.zone, &Filter::own());
    let body = html! {
        section class="intro" {
            h1 { (info.name) }
            @if let Some(description) = &info.description { p { (description) } }
            @if !info.links.is_empty() {
                ul class="links" {
                    @for link in &info.links { li { a href=(link.url) { (link.label) } } }
                }
            }
        }
        @if !own_series.is_empty() {
            section id="series" aria-labelledby="series-h" {
                h2 id="series-h" { "Meetings" }
                div class="cards" {
                    @for series in own_series {
                        article class="card" {
                            h3 { a href=(site.href(&format!("/series/{}", series.id))) { (series.title) } }
                            @if let Some(description) = &series.description { p { (description) } }
                            p class="cadence" { (series_cadence(series)) }
                            (next_list(site, viewer, &site.next_of_series(&series.id, now, 3)))
                            (series_links(site, series))
                        }
                    }
                }
            }
        }
        @if !site.community.groups.is_empty() {
            section id="groups" aria-labelledby="groups-h" {
                h2 id="groups-h" { "Working groups" }
                div class="cards" {
                    @for group in &site.community.groups {
                        (group_card(site, viewer, group, now))
                    }
                }
            }
        }
        section id="calendar" aria-labelledby="calendar-h" {
            h2 id="calendar-h" { "Calendar" }
            p {
                "The next " (CALENDAR_DAYS) " days. "
                a href=(site.webcal("/calendar.ics")) { "Subscribe to this calendar" }
                " (or download " a href=(site.href("/calendar.ics")) { "calendar.ics" } ")."
            }
            @if upcoming.is_empty() {
                p class="empty" { "No meetings in the next " (CALENDAR_DAYS) " days." }
            } @else {
                ul class="occurrences" {
                    @for item in &upcoming { (occurrence(site, viewer, item)) }
                }
            }
        }
        @if !site.sources.is_empty() {
            section id="other" aria-labelledby="other-h" {
                h2 id="other-h" { "Other calendars of interest" }
                div class="cards" {
                    @for source in &site.sources {
                        (source_card(site, viewer, source, now))
                    }
                }
            }
        }
    };
    layout(site, &info.name, viewer, now, body)
}

/// "Every Thursday, 12:00 UTC" — the cadence in the series' own zone.
fn series_cadence(series: &touchpoint_community::Series) -> String {
    format!(
        "{}, {} {}",
        series.cadence(),
        series.start.strftime("%H:%M"),
        series.timezone.name
    )
}

fn next_list(site: &Site, viewer: &Viewer, items: &[Item<'_>]) -> Markup {
    html! {
        @if items.is_empty() {
            p class="empty" { "No upcoming dates." }
        } @else {
            ul class="next" {
                @for item in items { (occurrence(site, viewer, item)) }
            }
        }
    }
}

fn series_links(site: &Site, series: &touchpoint_community::Series) -> Markup {
    html! {
        ul class="links" {
            @if let Some(join) = &series.join { li { a href=(join) { "Join" } } }
            @if let Some(agenda) = &series.agenda { li { a href=(agenda) { "Agenda" } } }
            @if let Some(notes) = &series.notes { li { a href=(notes) { "Notes" } } }
            @if let Some(recordings) = &series.recordings { li { a href=(recordings) { "Recordings" } } }
            li { a href=(site.webcal(&format!("/series/{}.ics", series.id))) { "Subscribe" } }
        }
    }
}

fn group_card(
    site: &Site,
    viewer: &Viewer,
    group: &touchpoint_community::Group,
    now: Timestamp,
) -> Markup {
    let filter = Filter {
        groups: vec![group.id.clone()],
        own_only: true,
        ..Filter::default()
    };
    let next = site.upcoming(now, &filter, 1);
    html! {
        article class="card group" id=(format!("group-{}", group.id)) {
            h3 { (group.title) }
            @if let Some(description) = &group.description { p { (description) } }
            dl {
                @if let Some(repo) = &group.repository {
                    dt { "Repository" } dd { a href=(repo.url) { (repo.label) } }
                }
                @if let Some(list) = &group.mailing_list {
                    dt { "Mailing list" } dd { a href=(list.url) { (list.label) } }
                }
                @if let Some(chat) = &group.chat {
                    dt { "Chat" } dd {
                        @if let Some(url) = &chat.url { a href=(url) { (chat.label) } } @else { (chat.label) }
                    }
                }
                @if let Some(calendar) = &group.calendar {
                    dt { "Calendar" } dd {
                        @if let Some(url) = &calendar.url { a href=(url) { (calendar.label) } } @else { (calendar.label) }
                        @if let Some(cadence) = group.cadence(&site.community) { " — " (cadence) }
                    }
                } @else if let Some(cadence) = group.cadence(&site.community) {
                    dt { "Meets" } dd { (cadence) }
                }
                @if let Some(item) = next.first() {
                    dt { "Next meeting" } dd { time datetime=(Viewer::machine(item.start_at)) { (viewer.when(item)) } }
                }
            }
        }
    }
}

fn source_card(site: &Site, viewer: &Viewer, source: &Source, now: Timestamp) -> Markup {
    let filter = Filter {
        sources: vec![source.decl.id.clone()],
        ..Filter::default()
    };
    let next = site.upcoming(now, &filter, 3);
    html! {
        article class="card source" id=(format!("source-{}", source.decl.id)) {
            h3 {
                @if let Some(colour) = &source.decl.colour {
                    span class="swatch" style=(format!("background:{colour}")) aria-hidden="true" {}
                }
                (source.decl.name)
            }
            @match source.status {
                SourceStatus::Stale => p class="warn" { "Showing the last good copy: the latest refresh failed." },
                SourceStatus::Error => p class="warn" { "Not available yet: the feed could not be read." },
                SourceStatus::Pending => p class="warn" { "Not fetched yet." },
                SourceStatus::Ok => {},
            }
            (next_list(site, viewer, &next))
            p {
                a href=(site.webcal(&format!("/sources/{}.ics", source.decl.id))) { "Subscribe" }
                @if let Location::Url(url) = &source.decl.location {
                    " · " a href=(url) { "Original feed" }
                }
            }
        }
    }
}

/// The 400 page for an unknown `?tz=`.
pub fn bad_zone(site: &Site, error: &ViewerError, now: Timestamp) -> Markup {
    let viewer = Viewer {
        tz: site.default_tz().clone(),
    };
    let body = html! {
        h1 { "Unknown time zone" }
        p { "There is no time zone called " code { (error.asked) } "." }
        p {
            "Write an IANA time-zone name, Area/City, such as "
            code { "Europe/Madrid" } ", " code { "America/New_York" } ", "
            code { "Asia/Kolkata" } " or " code { "UTC" } "."
        }
        @if !error.suggestions.is_empty() {
            p { "Did you mean: " }
            ul {
                @for name in &error.suggestions {
                    li { a href=(format!("{}?tz={}", site.href("/"), name)) { (name) } }
                }
            }
        }
        p { a href=(site.href("/")) { "Back to the meetings page" } " (shown in " (viewer.tz.name) ")." }
    };
    layout(site, "Unknown time zone", &viewer, now, body)
}

/// A plain message page (404 and the like).
pub fn message(site: &Site, title: &str, text: &str, now: Timestamp) -> Markup {
    let viewer = Viewer {
        tz: site.default_tz().clone(),
    };
    let body = html! { h1 { (title) } p { (text) } p { a href=(site.href("/")) { "Back to the meetings page" } } };
    layout(site, title, &viewer, now, body)
}

/// The feed-health page for organizers: which sources fail, since when, and why.
pub fn health(site: &Site, viewer: &Viewer, now: Timestamp) -> Markup {
    let body = html! {
        h1 { "Feed health" }
        p { "Outside calendars this page follows, and how their last refresh went." }
        table class="health" {
            thead { tr { th scope="col" { "Calendar" } th scope="col" { "Status" } th scope="col" { "Last success" } th scope="col" { "Last attempt" } th scope="col" { "Last error" } th scope="col" { "Contents" } } }
            tbody {
                @for source in &site.sources {
                    tr class=(source.status.as_str()) {
                        th scope="row" { (source.decl.name) br; small { code { (source.decl.id) } } }
                        td { (source.status.as_str()) }
                        td { (stamp(viewer, source.last_success)) }
                        td { (stamp(viewer, source.last_attempt)) }
                        td { @if let Some(error) = &source.last_error { (error) } @else { "—" } }
                        td { @if let Some(summary) = &source.summary { (summary) } @else { "—" } }
                    }
                }
            }
        }
    };
    layout(site, "Feed health", viewer, now, body)
}

fn stamp(viewer: &Viewer, at: Option<Timestamp>) -> Markup {
    match at {
        Some(at) => {
            html! { time datetime=(Viewer::machine(at)) { (viewer.day(at)) ", " (viewer.clock(at)) } }
        }
        None => PreEscaped("—".to_owned()),
    }
}
