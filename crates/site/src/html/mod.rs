//! HTML pages (maud, compiled in). Every page is server-rendered and works with JavaScript off;
//! every time is shown in the viewer's zone, which is named beside the times.
//!
//! Each page is a pure function `(&Site, &Viewer, now, params) -> Markup`, and every link goes
//! through [`Site::href`], so `touchpoint serve` and `touchpoint build` render the same pages,
//! at the root or under a sub-path.
//!
//! - [`home()`]: the meetings page; [`calendar()`]: agenda, week and month views;
//!   [`series()`]: one series; [`groups()`] and [`group`]: the working groups;
//!   [`planner()`]: a meeting across cities; [`health`], [`bad_zone`], [`message`].
//!
//! Text from outside feeds is untrusted: maud escapes every interpolation, and links are kept
//! only when [`crate::safe_url`] accepts them.

pub mod calendar;
pub mod groups;
pub mod home;
mod layout;
pub mod next_up;
pub mod planner;
pub mod series;
mod subscribe;
mod week;

use jiff::Timestamp;
use maud::{Markup, PreEscaped, html};

use crate::{IdKind, Site, UnknownId, Viewer, ViewerError, paths};
use layout::{Nav, layout};

pub use calendar::{CalendarParams, ParamError, View, calendar};
pub use groups::{group, groups};
pub use home::home;
pub(crate) use layout::{moved_note, when_time};
pub use layout::{query_pairs, zones_json};
pub use planner::{PlannerParams, planner};
pub use series::{occurrence_ics, series};

/// The stylesheet, served at `/assets/site.css`.
pub const CSS: &str = include_str!("assets/site.css");

/// The script, served at `/assets/site.js`: detects the browser's zone on a first visit and
/// fills the zone picker's suggestions. Every page works without it.
pub const JS: &str = include_str!("assets/site.js");
/// The site's icon, served at `/favicon.svg`.
pub const FAVICON: &str = include_str!("assets/favicon.svg");


/// The script that shows times in the visitor's zone where the server cannot know it (the embed
/// page, the static export, the web component), from the `<time>` elements' data attributes;
/// its header says which.
pub const LOCAL_TIMES_JS: &str = include_str!("assets/local-times.js");

/// The 400 page for an unknown `?tz=`.
pub fn bad_zone(site: &Site, error: &ViewerError, now: Timestamp) -> Markup {
    let viewer = Viewer::new(site.default_tz().clone());
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
                    li { a href=(site.href(&paths::home().with_query([("tz", &**name)]))) { (name) } }
                }
            }
        }
        p { a href=(site.href(&paths::home())) { "Back to the meetings page" } " (shown in " (viewer.tz.name) ")." }
    };
    layout(site, "Unknown time zone", Nav::Other, &viewer, now, body)
}

/// The 400 page for a filter naming an id the site does not have (`?source=bogus`): what was
/// asked, and every id there is, each a link to the calendar showing it.
pub fn unknown_id(site: &Site, error: &UnknownId, now: Timestamp) -> Markup {
    let viewer = Viewer::new(site.default_tz().clone());
    let noun = error.kind.noun();
    let title = format!("Unknown {noun}");
    let body = html! {
        h1 { (title) }
        p {
            "There is no " (noun) " with the id " code { (error.asked) }
            " (in " code { "?" (error.kind.param()) "=" } ")."
        }
        @if error.known.is_empty() {
            p { "This community has no " (noun) " to choose." }
        } @else {
            p { "Choose one of these:" }
            ul class="choices" {
                @for (id, name) in &error.known {
                    li {
                        @if error.kind == IdKind::Series {
                            a href=(site.href(&paths::series(id))) { (name) }
                        } @else {
                            a href=(site.href(&paths::calendar().with_query([(error.kind.param(), id.as_str())]))) { (name) }
                        }
                        " " code { (id) }
                    }
                }
            }
        }
        p { a href=(site.href(&paths::calendar())) { "Back to the whole calendar" } "." }
    };
    layout(site, &title, Nav::Other, &viewer, now, body)
}

/// A plain message page (404 and the like).
pub fn message(site: &Site, title: &str, text: &str, now: Timestamp) -> Markup {
    let viewer = Viewer::new(site.default_tz().clone());
    let body = html! { h1 { (title) } p { (text) } p { a href=(site.href(&paths::home())) { "Back to the meetings page" } } };
    layout(site, title, Nav::Other, &viewer, now, body)
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
    layout(site, "Feed health", Nav::Other, viewer, now, body)
}

fn stamp(viewer: &Viewer, at: Option<Timestamp>) -> Markup {
    match at {
        Some(at) => {
            let at_text = Viewer::machine(at);
            html! { time datetime=(at_text) data-end=(at_text) { (viewer.day(at)) ", " (viewer.clock(at)) } }
        }
        None => PreEscaped("—".to_owned()),
    }
}
