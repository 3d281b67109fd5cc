//! `/groups` and `/groups/{id}`: the working-group directory as cards, and one group with its
//! series, their next dates and its past meetings.

use jiff::{Timestamp, ToSpan};
use maud::{Markup, html};

use super::layout::{
    Nav, cancel_note, group_card, layout, moved_note, next_list, series_cadence, series_links,
    when_time,
};
use super::series::{date_links, occurrence_date};
use crate::{Filter, Item, Origin, Site, Viewer, paths, t};

/// The working-group directory.
pub fn groups(site: &Site, viewer: &Viewer, now: Timestamp) -> Markup {
    let lang = viewer.lang;
    let title = t!(lang, "groups-title");
    let body = html! {
        h1 { (title) }
        p { (t!(lang, "groups-intro", zone = &*viewer.tz.name)) }
        @if site.community.groups.is_empty() {
            p class="empty" { (t!(lang, "groups-none")) }
        } @else {
            div class="cards" {
                @for group in &site.community.groups {
                    (group_card(site, viewer, group, now, true))
                }
            }
        }
    };
    layout(site, &title, Nav::Groups, viewer, now, body)
}

/// How many past meetings a group's page lists (most recent first).
pub const PAST_MEETINGS: usize = 12;

/// One working group's page, or `None` when there is no group `id`: a breadcrumb, the group's
/// links (its title once, as the page's heading), its meetings with their next dates, and its
/// past meetings of the last year with their agenda, notes and recording links.
pub fn group(site: &Site, viewer: &Viewer, now: Timestamp, id: &str) -> Option<Markup> {
    let group = site.community.group(id)?;
    let series: Vec<_> = site.community.group_series(id).collect();
    let past = past_meetings(site, viewer, now, id);
    let lang = viewer.lang;
    let body = html! {
        nav class="crumbs" aria-label=(t!(lang, "groups-breadcrumb")) {
            ol {
                li { a href=(site.href(&paths::home())) { (t!(lang, "groups-home")) } }
                li { a href=(site.href(&paths::groups())) { (t!(lang, "groups-title")) } }
                li { span aria-current="page" { (super::text(viewer, &group.title)) } }
            }
        }
        h1 { (super::text(viewer, &group.title)) }
        div class="cards" { (group_card(site, viewer, group, now, false)) }
        section aria-labelledby="calls-h" {
            h2 id="calls-h" { (t!(lang, "group-meetings")) }
            @if series.is_empty() {
                p class="empty" { (t!(lang, "groups-no-meetings")) }
            } @else {
                div class="cards" {
                    @for series in &series {
                        article class="card" {
                            h3 { a href=(site.href(&paths::series(&series.id))) { (super::text(viewer, &series.title)) } }
                            p class="cadence" { (series_cadence(site, series, viewer, now)) }
                            (next_list(site, viewer, now, &site.next_of_series(&series.id, now, 3)))
                            (series_links(site, lang, series))
                        }
                    }
                }
            }
        }
        @if !series.is_empty() {
            section aria-labelledby="past-h" {
                h2 id="past-h" { (t!(lang, "groups-past")) }
                @if past.is_empty() {
                    p class="empty" { (t!(lang, "groups-no-past")) }
                } @else {
                    ol class="dates past" {
                        @for item in &past {
                            @if let Origin::Series(series) = item.origin {
                                li class={ "occ" @if item.cancelled() { " cancelled" } } {
                                    (when_time(viewer, item))
                                    " "
                                    a href=(site.href(&paths::series(&series.id))) { (super::text(viewer, &series.title)) }
                                    (moved_note(site, viewer, item))
                                    (cancel_note(lang, item))
                                    (date_links(lang, series, occurrence_date(item)))
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    let title = super::text_str(viewer, &group.title);
    Some(layout(site, title, Nav::Groups, viewer, now, body))
}

/// The group's meetings that ended in the last year, most recent first, at most
/// [`PAST_MEETINGS`].
fn past_meetings<'a>(site: &'a Site, viewer: &Viewer, now: Timestamp, id: &str) -> Vec<Item<'a>> {
    let filter = Filter {
        groups: vec![id.to_owned()],
        own_only: true,
        ..Filter::default()
    };
    let year_ago = now
        .checked_sub((366 * 24).hours())
        .unwrap_or(Timestamp::MIN);
    let mut past = site.items(year_ago, now, &viewer.tz.zone, &filter);
    past.retain(|item| item.end_at <= now);
    past.reverse();
    past.truncate(PAST_MEETINGS);
    past
}
