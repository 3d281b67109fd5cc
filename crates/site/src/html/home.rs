//! The home page: the community's meetings, its working groups, the coming weeks of the
//! community calendar, and the outside calendars it follows.

use jiff::{Timestamp, ToSpan};
use maud::{Markup, html};

use super::layout::{
    Nav, group_card, layout, link, next_list, occurrence, series_cadence, series_links,
};
use super::next_up::next_up;
use super::subscribe::subscribe;
use crate::i18n::{Arg, markup};
use crate::{Filter, Site, Source, SourceStatus, Viewer, paths, t};
use touchpoint_community::{Series, Text};

/// How many days the home page's calendar section lists.
const CALENDAR_DAYS: i64 = 28;

/// Most cards of each kind, and most calendar entries, on the home page: a community with
/// thousands of series gets a page that stays small and fast, with links to the full lists.
const MAX_CARDS: usize = 24;
const MAX_UPCOMING: usize = 120;

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
    // The first entries only, kept in bounded memory (a big community has tens of thousands of
    // meetings in these days), and how many more there are.
    let page = site.items_page(
        now,
        calendar_end,
        &viewer.tz.zone,
        &Filter::own(),
        None,
        MAX_UPCOMING,
    );
    let more_upcoming = page.total.saturating_sub(MAX_UPCOMING);
    let upcoming = page.items;
    let shared = shared(&own_series[..own_series.len().min(MAX_CARDS)]);
    let more_series = own_series.len().saturating_sub(MAX_CARDS);
    let more_groups = site.community.groups.len().saturating_sub(MAX_CARDS);
    let lang = viewer.lang;
    let more = |id: &str, count: usize, path: &crate::SitePath, label: &str| {
        let link = html! { a href=(site.href(path)) { (t!(lang, label)) } };
        let count = i64::try_from(count).unwrap_or(i64::MAX);
        markup(
            lang,
            id,
            &[
                ("count", Arg::Number(count)),
                ("days", Arg::Number(CALENDAR_DAYS)),
                ("link", Arg::Html(link)),
            ],
        )
    };
    let body = html! {
        section class="intro" {
            h1 { (super::text(viewer, &info.name)) }
            @if let Some(description) = &info.description { p { (super::text(viewer, description)) } }
            @if !info.links.is_empty() {
                ul class="links" {
                    @for item in &info.links { li { (link(Some(&item.url), super::text_str(viewer, &item.label))) } }
                }
            }
        }
        (next_up(site, viewer, now))
        @if !own_series.is_empty() {
            section id="series" aria-labelledby="series-h" {
                h2 id="series-h" { (t!(lang, "home-meetings")) }
                (shared_descriptions(viewer, &shared))
                div class="cards" {
                    @for series in own_series.iter().take(MAX_CARDS) {
                        article class="card" {
                            h3 { a href=(site.href(&paths::series(&series.id))) { (super::text(viewer, &series.title)) } }
                            (card_description(viewer, series, &shared))
                            p class="cadence" { (series_cadence(site, series, viewer, now)) }
                            (next_list(site, viewer, now, &site.next_of_series(&series.id, now, 3)))
                            (series_links(site, lang, series))
                        }
                    }
                }
                @if more_series > 0 {
                    p class="more" {
                        (more("home-more-series", more_series, &paths::calendar(), "home-more-calendar-link"))
                    }
                }
            }
        }
        @if !site.community.groups.is_empty() {
            section id="groups" aria-labelledby="groups-h" {
                h2 id="groups-h" { (t!(lang, "home-groups")) }
                div class="cards" {
                    @for group in site.community.groups.iter().take(MAX_CARDS) {
                        (group_card(site, viewer, group, now, true))
                    }
                }
                @if more_groups > 0 {
                    p class="more" {
                        (more("home-more-groups", more_groups, &paths::groups(), "home-more-groups-link"))
                    }
                }
            }
        }
        section id="calendar" aria-labelledby="calendar-h" {
            h2 id="calendar-h" { (t!(lang, "home-calendar")) }
            p {
                (t!(lang, "home-calendar-days", days = CALENDAR_DAYS)) " "
                (markup(lang, "home-calendar-all", &[(
                    "link",
                    Arg::Html(html! { a href=(site.href(&paths::calendar())) { (t!(lang, "home-calendar-all-link")) } }),
                )]))
            }
            (subscribe(site, lang, &paths::community_feed(), &site.community.info.name, "community"))
            @if upcoming.is_empty() {
                p class="empty" { (t!(lang, "home-calendar-empty", days = CALENDAR_DAYS)) }
            } @else {
                ul class="occurrences" {
                    @for item in &upcoming { (occurrence(site, viewer, now, item)) }
                }
                @if more_upcoming > 0 {
                    p class="more" {
                        (more("home-more-upcoming", more_upcoming, &paths::calendar(), "home-more-calendar-link"))
                    }
                }
            }
        }
        @if !site.sources.is_empty() {
            section id="other" aria-labelledby="other-h" {
                h2 id="other-h" { (t!(lang, "home-other")) }
                div class="cards" {
                    @for source in &site.sources {
                        (source_card(site, viewer, source, now))
                    }
                }
            }
        }
    };
    let title = super::text_str(viewer, &info.name);
    layout(site, title, Nav::Home, viewer, now, body)
}

/// A description longer than this (in characters) is collapsed on its card.
const SHORT_DESCRIPTION: usize = 160;

/// The descriptions several of `series` share, each with the series sharing it, in card order.
fn shared<'a>(series: &[&'a Series]) -> Vec<(&'a Text, Vec<&'a Series>)> {
    let mut shared: Vec<(&Text, Vec<&Series>)> = Vec::new();
    for series in series {
        let Some(text) = description(series) else {
            continue;
        };
        match shared.iter_mut().find(|(t, _)| *t == text) {
            Some((_, list)) => list.push(series),
            None => shared.push((text, vec![series])),
        }
    }
    shared.retain(|(_, list)| list.len() > 1);
    shared
}

/// A series' description, unless it is blank.
fn description(series: &Series) -> Option<&Text> {
    let text = series.description.as_ref()?;
    (!text.as_str().trim().is_empty()).then_some(text)
}

/// Each shared description once, collapsed, above the cards (which then leave it out), so the
/// dates come first on a phone. In the viewer's language where the file gives it, else marked
/// with the default's `lang=`.
fn shared_descriptions(viewer: &Viewer, shared: &[(&Text, Vec<&Series>)]) -> Markup {
    let lang = viewer.lang;
    html! {
        @for (text, series) in shared {
            details class="about" {
                summary { (t!(lang, "home-about-shared", titles = titles(viewer, series))) }
                p { (super::text(viewer, text)) }
            }
        }
    }
}

/// "A", "A and B", "A, B and C" (each language's list words: "A、B、C", "A, B und C"), each
/// title in the viewer's language where the file gives it.
fn titles(viewer: &Viewer, series: &[&Series]) -> String {
    let lang = viewer.lang;
    let names: Vec<&str> = series
        .iter()
        .map(|s| super::text_str(viewer, &s.title))
        .collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => t!(
            lang,
            "home-list-and",
            first = rest.join(&t!(lang, "home-list-separator")),
            last = *last
        ),
        _ => names.concat(),
    }
}

/// A card's own description: none when it is shared (shown above the cards), in full when
/// short, else collapsed; in the viewer's language where the file gives it.
fn card_description(viewer: &Viewer, series: &Series, shared: &[(&Text, Vec<&Series>)]) -> Markup {
    let Some(text) = description(series) else {
        return html! {};
    };
    if shared.iter().any(|(t, _)| *t == text) {
        return html! {};
    }
    html! {
        @if text.get(viewer.lang).0.chars().count() <= SHORT_DESCRIPTION {
            p { (super::text(viewer, text)) }
        } @else {
            details class="about" {
                summary { (t!(viewer.lang, "home-about-meeting")) }
                p { (super::text(viewer, text)) }
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
    let lang = viewer.lang;
    html! {
        article class="card source" id=(format!("source-{}", source.decl.id)) {
            h3 {
                @if let Some(colour) = &source.decl.colour {
                    svg class="swatch" viewBox="0 0 2 2" aria-hidden="true" { circle cx="1" cy="1" r="1" fill=(colour) {} }
                }
                (source.decl.name)
            }
            @match source.status {
                SourceStatus::Stale => p class="warn" { (t!(lang, "home-source-stale")) },
                SourceStatus::Error => p class="warn" { (t!(lang, "home-source-error")) },
                SourceStatus::Pending => p class="warn" { (t!(lang, "home-source-pending")) },
                SourceStatus::Ok => {},
            }
            (next_list(site, viewer, now, &next))
            (subscribe(site, lang, &paths::source_feed(&source.decl.id), &source.decl.name, &format!("source-{}", source.decl.id)))
            p {
                a href=(site.href(&paths::calendar_source(super::View::Agenda, &source.decl.id))) { (t!(lang, "home-source-in-calendar")) }
                @if let Some(url) = source.decl.public_url() {
                    " · " a href=(url) { (t!(lang, "home-source-original")) }
                }
            }
        }
    }
}
