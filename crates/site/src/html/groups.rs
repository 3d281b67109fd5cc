//! `/groups` and `/groups/{id}`: the working-group directory as cards, and one group with its
//! series and their next dates.

use jiff::Timestamp;
use maud::{Markup, html};

use super::layout::{Nav, group_card, layout, next_list, series_cadence, series_links};
use crate::{Site, Viewer, paths};

/// The working-group directory.
pub fn groups(site: &Site, viewer: &Viewer, now: Timestamp) -> Markup {
    let body = html! {
        h1 { "Working groups" }
        p {
            "Working groups are open to everyone. Each card links the group's repository, mailing list "
            "and chat, and shows its next meeting in " (viewer.tz.name) "."
        }
        @if site.community.groups.is_empty() {
            p class="empty" { "This community has no working groups yet." }
        } @else {
            div class="cards" {
                @for group in &site.community.groups {
                    (group_card(site, viewer, group, now, true))
                }
            }
        }
    };
    layout(site, "Working groups", Nav::Groups, viewer, now, body)
}

/// One working group's page, or `None` when there is no group `id`.
pub fn group(site: &Site, viewer: &Viewer, now: Timestamp, id: &str) -> Option<Markup> {
    let group = site.community.group(id)?;
    let series: Vec<_> = site.community.group_series(id).collect();
    let body = html! {
        p class="crumbs" { a href=(site.href(&paths::groups())) { "Working groups" } " /" }
        h1 { (group.title) }
        div class="cards" { (group_card(site, viewer, group, now, false)) }
        @if !series.is_empty() {
            section aria-labelledby="calls-h" {
                h2 id="calls-h" { "Meetings" }
                div class="cards" {
                    @for series in series {
                        article class="card" {
                            h3 { a href=(site.href(&paths::series(&series.id))) { (series.title) } }
                            p class="cadence" { (series_cadence(site, series, viewer, now)) }
                            (next_list(site, viewer, now, &site.next_of_series(&series.id, now, 3)))
                            (series_links(site, series))
                        }
                    }
                }
            }
        }
    };
    Some(layout(site, &group.title, Nav::Groups, viewer, now, body))
}
