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
mod details;
pub mod groups;
pub mod home;
pub mod hub;
mod layout;
pub mod next_up;
pub mod planner;
pub mod series;
mod subscribe;
mod week;

use jiff::Timestamp;
use maud::{Markup, html};

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

/// The script, served at `/assets/site.js`: detects the browser's zone on a first visit, fills
/// the zone picker's suggestions, and keeps what counts from "now" (Next up, "Starts in …", the
/// week's now line) true on a page left open. Every page works without it.
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

/// The feed-health page for organizers: which sources fail, since when, and why, each with
/// its feed's address (credentials and secret-looking parameters removed), the last success
/// and attempt as "12 minutes ago" (the exact UTC time in the `<time>`'s title), the next try,
/// and the last error. One card per source, so it reads at 375 px without scrolling sideways.
/// `channels` is how each announcement channel fared, from the store's outbox.
pub fn health(
    site: &Site,
    viewer: &Viewer,
    now: Timestamp,
    channels: &[crate::ChannelStatus],
) -> Markup {
    health_page(site, viewer, now, Some(channels))
}

/// The feed-health page as `touchpoint build` writes it: a snapshot, without "next try" (no
/// refresher runs behind a static site).
pub fn health_snapshot(site: &Site, viewer: &Viewer, now: Timestamp) -> Markup {
    health_page(site, viewer, now, None)
}

/// `channels` is `None` for the static export: no announcer runs behind it.
fn health_page(
    site: &Site,
    viewer: &Viewer,
    now: Timestamp,
    channels: Option<&[crate::ChannelStatus]>,
) -> Markup {
    let live = channels.is_some();
    let body = html! {
        h1 { "Feed health" }
        p {
            "Outside calendars this page follows, and how their last refresh went, as of "
            (exact(viewer, now)) "."
        }
        @if site.sources.is_empty() {
            p class="empty" { "This community follows no outside calendars." }
        }
        div class="health" {
            @for source in &site.sources {
                (health_card(viewer, now, source, live))
            }
        }
        @if let Some(channels) = channels.filter(|_| !site.community.announce.is_empty()) {
            h2 { "Announcement channels" }
            p { "Where reminders and change notices go, and how the last sends went." }
            div class="health" {
                @for channel in &site.community.announce {
                    (channel_card(viewer, now, channel, channels.iter().find(|c| c.channel == channel.id)))
                }
            }
        }
    };
    layout(site, "Feed health", Nav::Other, viewer, now, body)
}

fn health_card(viewer: &Viewer, now: Timestamp, source: &crate::Source, live: bool) -> Markup {
    use crate::SourceStatus;
    let id = format!("health-{}", source.decl.id);
    let status = match source.status {
        SourceStatus::Ok => "OK",
        SourceStatus::Stale => "Failing: the last good copy is shown",
        SourceStatus::Error => "Failing: no good copy yet",
        SourceStatus::Pending => "Not fetched yet",
    };
    html! {
        section class={ "card health-source " (source.status.as_str()) } aria-labelledby=(id) {
            h2 id=(id) { (source.decl.name) " " small { code { (source.decl.id) } } }
            p class="status" { strong { (status) } }
            dl {
                dt { "Feed" }
                dd class="feed-url" {
                    @match (&source.decl.location, source.decl.redacted_url()) {
                        (_, Some(url)) => code { (url) },
                        (touchpoint_community::Location::Path(path), None) => { "File " code { (path) } },
                        _ => "—",
                    }
                }
                dt { "Last success" } dd { (relative(viewer, now, source.last_success, "never")) }
                dt { "Last attempt" } dd { (relative(viewer, now, source.last_attempt, "never")) }
                @if live {
                    dt { "Next try" }
                    dd {
                        @match source.next_attempt {
                            Some(at) if at <= now => "due now",
                            Some(at) => (relative(viewer, now, Some(at), "")),
                            None => "as soon as the refresher starts",
                        }
                    }
                }
                dt { "Last error" }
                @if let Some(error) = &source.last_error {
                    dd class="error" { (error) }
                } @else {
                    dd { "none" }
                }
                dt { "Contents" }
                dd { @if let Some(summary) = &source.summary { (summary) } @else { "—" } }
            }
        }
    }
}

/// One announcement channel: its kind (never its address or secrets, which live in the
/// environment), its last send and last error, and how many messages wait.
fn channel_card(
    viewer: &Viewer,
    now: Timestamp,
    channel: &touchpoint_community::Announce,
    status: Option<&crate::ChannelStatus>,
) -> Markup {
    let id = format!("channel-{}", channel.id);
    let failing = status.is_some_and(|s| match (&s.last_error, s.last_sent) {
        (Some((_, failed)), Some(sent)) => *failed > sent,
        (Some(_), None) => true,
        _ => false,
    });
    let class = if failing { "error" } else { "ok" };
    html! {
        section class={ "card health-source " (class) } aria-labelledby=(id) {
            h2 id=(id) { code { (channel.id) } " " small { (channel.target.kind()) } }
            p class="status" { strong { @if failing { "Failing: messages are retried" } @else { "OK" } } }
            dl {
                dt { "Last sent" }
                dd { (relative(viewer, now, status.and_then(|s| s.last_sent), "never")) }
                dt { "Waiting" }
                dd { (status.map_or(0, |s| s.pending)) }
                dt { "Last error" }
                @match status.and_then(|s| s.last_error.as_ref()) {
                    Some((error, at)) => dd class="error" { (error) " (" (relative(viewer, now, Some(*at), "")) ")" },
                    None => dd { "none" },
                }
            }
        }
    }
}

/// `at` in words relative to `now` ("12 minutes ago", "in 3 hours") in a `<time>` whose title is
/// the exact time in UTC and in the viewer's zone; `none` when there is no time.
fn relative(viewer: &Viewer, now: Timestamp, at: Option<Timestamp>, none: &str) -> Markup {
    match at {
        Some(at) => html! {
            time datetime=(Viewer::machine(at)) title=(exact_text(viewer, at)) { (ago(at, now)) }
        },
        None => html! { (none) },
    }
}

/// `at` as a `<time>` showing its UTC date and clock.
fn exact(viewer: &Viewer, at: Timestamp) -> Markup {
    html! { time datetime=(Viewer::machine(at)) { (exact_text(viewer, at)) } }
}

fn exact_text(viewer: &Viewer, at: Timestamp) -> String {
    let utc = at.strftime("%Y-%m-%d %H:%M UTC").to_string();
    if &*viewer.tz.name == "UTC" {
        utc
    } else {
        format!(
            "{utc} ({}, {} {})",
            viewer.day(at),
            viewer.clock(at),
            viewer.tz.name
        )
    }
}

/// "just now", "12 minutes ago", "in 3 hours", "2 days ago": `at` relative to `now`, rounded
/// down to the largest whole unit.
pub(crate) fn ago(at: Timestamp, now: Timestamp) -> String {
    let seconds = now.as_second() - at.as_second();
    let past = seconds >= 0;
    let seconds = seconds.unsigned_abs();
    if seconds < 60 {
        let words = if past {
            "just now"
        } else {
            "in under a minute"
        };
        return words.to_owned();
    }
    let (count, unit) = match seconds {
        s if s < 3600 => (s / 60, "minute"),
        s if s < 48 * 3600 => (s / 3600, "hour"),
        s => (s / 86_400, "day"),
    };
    let plural = if count == 1 { "" } else { "s" };
    if past {
        format!("{count} {unit}{plural} ago")
    } else {
        format!("in {count} {unit}{plural}")
    }
}

#[cfg(test)]
mod tests {
    use super::ago;
    use jiff::Timestamp;

    fn t(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn can_say_how_long_ago_or_how_soon_in_whole_units() {
        let now = t("2026-11-25T12:00:00Z");
        let cases = [
            ("2026-11-25T11:59:30Z", "just now"),
            ("2026-11-25T11:48:00Z", "12 minutes ago"),
            ("2026-11-25T11:59:00Z", "1 minute ago"),
            ("2026-11-25T10:30:00Z", "1 hour ago"),
            ("2026-11-24T11:00:00Z", "25 hours ago"),
            ("2026-11-20T12:00:00Z", "5 days ago"),
            ("2026-11-25T12:00:20Z", "in under a minute"),
            ("2026-11-25T12:14:59Z", "in 14 minutes"),
            ("2026-11-25T18:00:00Z", "in 6 hours"),
        ];
        for (at, words) in cases {
            assert_eq!(ago(t(at), now), words, "{at}");
        }
    }
}
