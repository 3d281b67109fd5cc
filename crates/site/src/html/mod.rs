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
pub mod text;
mod week;

use jiff::Timestamp;
use maud::{Markup, html};

use crate::i18n::{Arg, Lang, markup};
use crate::{IdKind, Site, UnknownId, Viewer, ViewerError, paths, t};
use layout::{Nav, layout};

pub use calendar::{CalendarParams, ParamError, View, calendar};
pub use groups::{group, groups};
pub use home::home;
pub(crate) use layout::{duration_words, moved_note, when_time};
pub use layout::{query_pairs, zones_json};
pub use planner::{PlannerParams, planner};
pub use series::{OccurrenceKey, occurrence_ics, series};
pub use text::{item_title, item_title_in, text, text_str};

/// An occurrence with the site its links go into: the page's own, or on a hub's calendar the
/// community's whose meeting it is.
#[derive(Clone, Copy)]
pub(crate) struct Placed<'p, 'a> {
    /// The site whose pages the occurrence links to.
    pub(crate) site: &'p Site,
    /// The occurrence.
    pub(crate) item: &'p crate::Item<'a>,
    /// Name the site's community beside the title: on a hub's grids, where meetings of many
    /// communities sit side by side.
    pub(crate) named: bool,
}

impl<'p, 'a> Placed<'p, 'a> {
    /// Each of `items`, placed on `site`.
    pub(crate) fn all(site: &'p Site, items: &'p [crate::Item<'a>]) -> Vec<Placed<'p, 'a>> {
        items
            .iter()
            .map(|item| Placed {
                site,
                item,
                named: false,
            })
            .collect()
    }

    /// "(Community)" after the title, when the occurrence is [`Placed::named`].
    pub(crate) fn community(&self, viewer: &Viewer) -> Markup {
        html! {
            @if self.named {
                " " span class="source" { "(" (text(viewer, &self.site.community.info.name)) ")" }
            }
        }
    }
}

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

/// The query parameter the language picker adds: this `?lang=` is the visitor's own choice, to
/// remember in the `lang` cookie (a shared link's `?lang=` is shown, never remembered).
pub const REMEMBER_LANG: &str = "remember-lang";

/// A viewer in the community's default zone speaking `lang`: error pages have no other.
fn default_viewer(site: &Site, lang: Lang) -> Viewer {
    Viewer {
        lang,
        ..Viewer::new(site.default_tz().clone())
    }
}

/// "Back to the meetings page", linked.
fn back_home(site: &Site, lang: Lang) -> Markup {
    html! { a href=(site.href(&paths::home())) { (t!(lang, "error-back-home")) } }
}

/// The 400 page for an unknown `?tz=`, in `lang` (the request's language), from the error's
/// fields: what was asked and the close names.
pub fn bad_zone(site: &Site, error: &ViewerError, lang: Lang, now: Timestamp) -> Markup {
    let viewer = default_viewer(site, lang);
    let title = t!(lang, "zone-error-title");
    let body = zone_error(
        error,
        lang,
        |name| site.href(&paths::home().with_query([("tz", name)])),
        back_home(site, lang),
        &viewer.tz.name,
    );
    layout(site, &title, Nav::Other, &viewer, now, body)
}

/// What the 400 of an unknown `?tz=` says, on a community's site and on a hub alike: the name
/// asked for (escaped), what a zone name looks like, the closer names as links (`zone_href`
/// makes each one's address) and the way back (`back`, a link to a page shown in `zone`).
fn zone_error(
    error: &ViewerError,
    lang: Lang,
    zone_href: impl Fn(&str) -> String,
    back: Markup,
    zone: &str,
) -> Markup {
    let title = t!(lang, "zone-error-title");
    let code = |text: &str| Arg::Html(html! { code { (text) } });
    html! {
        h1 { (title) }
        p { (markup(lang, "zone-error-asked", &[("zone", code(&error.asked))])) }
        p {
            (markup(lang, "zone-error-help", &[
                ("first", code("Europe/Madrid")),
                ("second", code("America/New_York")),
                ("third", code("Asia/Kolkata")),
                ("last", code("UTC")),
            ]))
        }
        @if !error.suggestions.is_empty() {
            p { (t!(lang, "zone-error-suggestions")) " " }
            ul {
                @for name in &error.suggestions {
                    li { a href=(zone_href(name)) { (name) } }
                }
            }
        }
        p {
            (markup(lang, "zone-error-back", &[
                ("link", Arg::Html(back)),
                ("zone", Arg::Text(zone)),
            ]))
        }
    }
}

/// The 400 page for a filter naming an id the site does not have (`?source=bogus`): what was
/// asked, and every id there is, each a link to the calendar showing it.
pub fn unknown_id(site: &Site, error: &UnknownId, lang: Lang, now: Timestamp) -> Markup {
    let viewer = default_viewer(site, lang);
    // The kind selects each message's noun: `source`, `group` or `series`.
    let kind = error.kind.param();
    let title = t!(lang, "id-error-title", kind = kind);
    let body = html! {
        h1 { (title) }
        p {
            (markup(lang, "id-error-asked", &[
                ("kind", Arg::Text(kind)),
                ("id", Arg::Html(html! { code { (error.asked) } })),
                ("param", Arg::Html(html! { code { "?" (kind) "=" } })),
            ]))
        }
        @if error.known.is_empty() {
            p { (t!(lang, "id-error-none", kind = kind)) }
        } @else {
            p { (t!(lang, "id-error-choose")) }
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
        p {
            (markup(lang, "id-error-back", &[(
                "link",
                Arg::Html(html! { a href=(site.href(&paths::calendar())) { (t!(lang, "id-error-back-link")) } }),
            )]))
        }
    };
    layout(site, &title, Nav::Other, &viewer, now, body)
}

/// A plain message page (404 and the like) in `lang`: `title` and `text` are already in it.
pub fn message(site: &Site, lang: Lang, title: &str, text: &str, now: Timestamp) -> Markup {
    let viewer = default_viewer(site, lang);
    let body = html! { h1 { (title) } p { (text) } p { (back_home(site, lang)) } };
    layout(site, title, Nav::Other, &viewer, now, body)
}

/// The 404 page in `lang`.
pub fn not_found(site: &Site, lang: Lang, now: Timestamp) -> Markup {
    message(
        site,
        lang,
        &t!(lang, "not-found-title"),
        &t!(lang, "not-found-text"),
        now,
    )
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
    let lang = viewer.lang;
    let title = t!(lang, "health-title");
    let body = html! {
        h1 { (title) }
        p { (markup(lang, "health-intro", &[("time", Arg::Html(exact(viewer, now)))])) }
        @if site.sources.is_empty() {
            p class="empty" { (t!(lang, "health-no-sources")) }
        }
        div class="health" {
            @for source in &site.sources {
                (health_card(viewer, now, source, live))
            }
        }
        @if let Some(channels) = channels.filter(|_| !site.community.announce.is_empty()) {
            h2 { (t!(lang, "health-channels")) }
            p { (t!(lang, "health-channels-intro")) }
            div class="health" {
                @for channel in &site.community.announce {
                    (channel_card(viewer, now, channel, channels.iter().find(|c| c.channel == channel.id)))
                }
            }
        }
    };
    layout(site, &title, Nav::Other, viewer, now, body)
}

fn health_card(viewer: &Viewer, now: Timestamp, source: &crate::Source, live: bool) -> Markup {
    use crate::SourceStatus;
    let id = format!("health-{}", source.decl.id);
    let lang = viewer.lang;
    let status = t!(
        lang,
        match source.status {
            SourceStatus::Ok => "health-ok",
            SourceStatus::Stale => "health-stale",
            SourceStatus::Error => "health-error",
            SourceStatus::Pending => "health-pending",
        }
    );
    let never = t!(lang, "health-never");
    html! {
        section class={ "card health-source " (source.status.as_str()) } aria-labelledby=(id) {
            h2 id=(id) { (source.decl.name) " " small { code { (source.decl.id) } } }
            p class="status" { strong { (status) } }
            dl {
                dt { (t!(lang, "health-feed")) }
                dd class="feed-url" {
                    @match (&source.decl.location, source.decl.redacted_url()) {
                        (_, Some(url)) => code { (url) },
                        (touchpoint_community::Location::Path(path), None) => {
                            (markup(lang, "health-file", &[("path", Arg::Html(html! { code { (path) } }))]))
                        },
                        _ => "—",
                    }
                }
                dt { (t!(lang, "health-last-success")) } dd { (relative(viewer, now, source.last_success, &never)) }
                dt { (t!(lang, "health-last-attempt")) } dd { (relative(viewer, now, source.last_attempt, &never)) }
                @if live {
                    dt { (t!(lang, "health-next-try")) }
                    dd {
                        @match source.next_attempt {
                            Some(at) if at <= now => (t!(lang, "health-due-now")),
                            Some(at) => (relative(viewer, now, Some(at), "")),
                            None => (t!(lang, "health-next-try-start")),
                        }
                    }
                }
                dt { (t!(lang, "health-last-error")) }
                @if let Some(error) = &source.last_error {
                    dd class="error" { (error) }
                } @else {
                    dd { (t!(lang, "health-no-error")) }
                }
                dt { (t!(lang, "health-contents")) }
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
    let lang = viewer.lang;
    html! {
        section class={ "card health-source " (class) } aria-labelledby=(id) {
            h2 id=(id) { code { (channel.id) } " " small { (channel.target.kind()) } }
            p class="status" { strong { @if failing { (t!(lang, "health-channel-failing")) } @else { (t!(lang, "health-ok")) } } }
            dl {
                dt { (t!(lang, "health-last-sent")) }
                dd { (relative(viewer, now, status.and_then(|s| s.last_sent), &t!(lang, "health-never"))) }
                dt { (t!(lang, "health-waiting")) }
                dd { (status.map_or(0, |s| s.pending)) }
                dt { (t!(lang, "health-last-error")) }
                @match status.and_then(|s| s.last_error.as_ref()) {
                    Some((error, at)) => dd class="error" { (error) " (" (relative(viewer, now, Some(*at), "")) ")" },
                    None => dd { (t!(lang, "health-no-error")) },
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
            time datetime=(Viewer::machine(at)) title=(exact_text(viewer, at)) { (ago(viewer.lang, at, now)) }
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

/// "just now", "12 minutes ago", "in 3 hours", "2 days ago": `at` relative to `now` in
/// `lang`, rounded down to the largest whole unit (a feed tried in 4 min 59 s is "in 4
/// minutes", never later than it is), in the sentences of [`crate::when::relative`] (which
/// rounds minutes up).
pub(crate) fn ago(lang: Lang, at: Timestamp, now: Timestamp) -> String {
    let seconds = now.as_second() - at.as_second();
    let past = seconds >= 0;
    let seconds = seconds.unsigned_abs();
    if seconds < 60 {
        let id = if past { "ago-just-now" } else { "ago-soon" };
        return t!(lang, id).into_owned();
    }
    let (count, unit) = match seconds {
        s if s < 3600 => (s / 60, "minutes"),
        s if s < 48 * 3600 => (s / 3600, "hours"),
        s => (s / 86_400, "days"),
    };
    let id = format!("when-{}-{unit}", if past { "ago" } else { "in" });
    t!(lang, &id, count = count)
}

#[cfg(test)]
mod tests {
    use super::ago;
    use crate::i18n::Lang;
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
            assert_eq!(ago(Lang::En, t(at), now), words, "{at}");
        }
        assert_eq!(ago(Lang::Ja, t("2026-11-25T11:59:30Z"), now), "たった今");
        assert_eq!(ago(Lang::De, t("2026-11-20T12:00:00Z"), now), "vor 5 Tagen");
    }
}
