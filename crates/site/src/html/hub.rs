//! The hub's own pages: the home page listing every community with its next meetings, and the
//! calendar spanning the hub (an agenda, filterable by community, source and group). Each
//! occurrence links into its community's pages, under the community's prefix.

use jiff::{Timestamp, ToSpan};
use maud::{DOCTYPE, Markup, html};

use super::layout::occurrence;
use crate::hub::{Hub, HubFilter, HubItem, items_page, upcoming};
use crate::{Filter, IdKind, Viewer, paths};

/// How many of the hub's next meetings its home page opens with.
const NEXT_ACROSS: usize = 8;
/// How many next meetings each community's card shows.
const NEXT_PER_COMMUNITY: usize = 3;
/// How many days the hub calendar lists.
const CALENDAR_DAYS: i64 = 28;
/// Most entries of the hub calendar; the rest are counted.
const MAX_ENTRIES: usize = 400;

/// The hub's page shell: its name, two navigation entries, and the zone times are shown in.
fn layout(hub: &Hub<'_>, title: &str, viewer: &Viewer, now: Timestamp, body: Markup) -> Markup {
    let full_title = if title == hub.info.name {
        title.to_owned()
    } else {
        format!("{title} — {}", hub.info.name)
    };
    let entries = [
        (paths::home(), "Communities"),
        (paths::calendar(), "Calendar"),
    ];
    html! {
        (DOCTYPE)
        html lang="en" data-tz=(viewer.tz.name) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="color-scheme" content="light dark";
                title { (full_title) }
                link rel="icon" type="image/svg+xml" href=(hub.href(&paths::favicon()));
                link rel="stylesheet" href=(hub.href(&paths::stylesheet()));
                link rel="alternate" type="text/calendar" title=(format!("{} calendar", hub.info.name)) href=(hub.href(&paths::all_feed()));
                script src=(hub.href(&paths::script())) defer {}
            }
            body {
                a class="skip" href="#main" { "Skip to content" }
                header class="top" {
                    p class="brand" { a href=(hub.href(&paths::home())) { (hub.info.name) } }
                    nav aria-label="Site" {
                        ul {
                            @for (path, label) in entries {
                                li {
                                    @if label == title || (title == hub.info.name && label == "Communities") {
                                        a href=(hub.href(&path)) aria-current="page" { (label) }
                                    } @else {
                                        a href=(hub.href(&path)) { (label) }
                                    }
                                }
                            }
                        }
                    }
                }
                main id="main" tabindex="-1" { (body) }
                footer {
                    p {
                        "Times are shown in " strong data-zone-label { (viewer.label(now)) } ". "
                        a href=(hub.href(&paths::all_feed())) { "Subscribe to every community" }
                        " · Served by Touchpoint."
                    }
                }
            }
        }
    }
}

/// The hub's home page: every community with its next meetings, after the hub's next few.
pub fn home(hub: &Hub<'_>, viewer: &Viewer, now: Timestamp) -> Markup {
    let next = upcoming(hub, now, 35, NEXT_ACROSS);
    let body = html! {
        section class="intro" {
            h1 { (hub.info.name) }
            @if let Some(description) = &hub.info.description { p { (description) } }
            p { (hub.members.len()) " communities · "
                a href=(hub.href(&paths::calendar())) { "every meeting in one calendar" } }
        }
        section aria-labelledby="next-h" {
            h2 id="next-h" { "Next meetings" }
            (hub_list(&next, viewer, now))
        }
        section id="communities" aria-labelledby="communities-h" {
            h2 id="communities-h" { "Communities" }
            div class="cards" {
                @for member in hub.members {
                    article class="card community" id=(format!("community-{}", member.id)) {
                        @match member.site {
                            Some(site) => {
                                h3 { a href=(site.href(&paths::home())) { (site.community.info.name) } }
                                @if let Some(description) = &site.community.info.description {
                                    p class="summary" { (first_sentence(description)) }
                                }
                                @let items = site.upcoming(now, &Filter::own(), NEXT_PER_COMMUNITY);
                                @if items.is_empty() {
                                    p class="empty" { "No upcoming meetings." }
                                } @else {
                                    ul class="next" {
                                        @for item in &items { (occurrence(site, viewer, now, item)) }
                                    }
                                }
                                ul class="links" {
                                    li { a href=(site.href(&paths::home())) { "Meetings" } }
                                    li { a href=(site.href(&paths::calendar())) { "Calendar" } }
                                    li { a href=(site.href(&paths::community_feed())) { "Feed" } }
                                }
                            }
                            None => {
                                h3 { (member.id) }
                                p class="empty" { "Not available: its community file has errors (see "
                                    code { "touchpoint check" } ")." }
                            }
                        }
                    }
                }
            }
        }
    };
    layout(hub, &hub.info.name, viewer, now, body)
}

/// A community's description up to its first sentence, for a card.
fn first_sentence(text: &str) -> &str {
    let text = text.trim();
    match text.find(". ") {
        Some(at) if at < 240 => &text[..=at],
        _ => text,
    }
}

/// Occurrences of several communities, each with its community named.
fn hub_list(items: &[HubItem<'_>], viewer: &Viewer, now: Timestamp) -> Markup {
    html! {
        @if items.is_empty() {
            p class="empty" { "No upcoming meetings." }
        } @else {
            ul class="next" {
                @for entry in items { (hub_entry(entry, viewer, now)) }
            }
        }
    }
}

/// One occurrence of the hub: the community's own entry, with the community named first.
fn hub_entry(entry: &HubItem<'_>, viewer: &Viewer, now: Timestamp) -> Markup {
    let community = html! {
        a class="community" href=(entry.site.href(&paths::home())) { (entry.site.community.info.name) }
    };
    let own = occurrence(entry.site, viewer, now, &entry.item).into_string();
    // The entry's `<li …>` opens with its time: the community goes right after it.
    let shown = match own.find("</time>") {
        Some(at) => {
            let at = at + "</time>".len();
            format!("{} {} ·{}", &own[..at], community.into_string(), &own[at..])
        }
        None => own,
    };
    maud::PreEscaped(shown)
}

/// The calendar spanning the hub: the coming four weeks' meetings of the communities (and
/// sources and groups) `filter` names, by day; `error` is a filter that names nothing.
pub fn calendar(
    hub: &Hub<'_>,
    viewer: &Viewer,
    now: Timestamp,
    filter: &HubFilter,
) -> Result<Markup, String> {
    let selected = filter.select(hub)?;
    let zone = &viewer.tz.zone;
    let today = now.to_zoned_datetime(zone.clone()).date();
    let from = crate::start_of_day(today, zone);
    let to = crate::start_of_day(
        today.checked_add(CALENDAR_DAYS.days()).unwrap_or(today),
        zone,
    );
    let page = items_page(&selected, from, to, zone, None, MAX_ENTRIES);
    let mut days: Vec<(jiff::civil::Date, Vec<&HubItem<'_>>)> = Vec::new();
    for entry in &page.items {
        let day = entry.item.start_at.to_zoned_datetime(zone.clone()).date();
        match days.last_mut() {
            Some((last, items)) if *last == day => items.push(entry),
            _ => days.push((day, vec![entry])),
        }
    }
    let body = html! {
        h1 id="period-h" { "Calendar" }
        p { @if filter.communities.is_empty() { "The next four weeks of every community." }
            @else { "The next four weeks of the communities chosen." } }
        (filters(hub, filter))
        @if days.is_empty() {
            p class="empty" { "Nothing in this period." }
        }
        @for (day, items) in &days {
            section class="agenda-day" data-day=(day) aria-label=(day.strftime("%A %-d %B %Y").to_string()) {
                h3 { (day.strftime("%A %-d %B").to_string()) @if *day == today { " " span class="today-badge" { "Today" } } }
                ul class="occurrences" {
                    @for entry in items { (hub_entry(entry, viewer, now)) }
                }
            }
        }
        @if page.next.is_some() {
            p class="more" role="status" { "Only the first " (MAX_ENTRIES) " meetings are shown: choose communities to see the rest." }
        }
        p { a href=(hub.href(&paths::all_feed().with_query(filter.communities.iter().map(|c| ("community", c.as_str()))))) { "Subscribe to these communities (iCalendar)" } }
    };
    Ok(layout(hub, "Calendar", viewer, now, body))
}

/// The calendar's filter form: a box per community, and for the first communities ticked their
/// calendars and groups.
fn filters(hub: &Hub<'_>, filter: &HubFilter) -> Markup {
    html! {
        form class="filters" method="get" action=(hub.href(&paths::calendar())) {
            fieldset {
                legend { "Communities" }
                @for (id, site) in hub.serving() {
                    label class="check" {
                        input type="checkbox" name="community" value=(id)
                            checked[filter.communities.iter().any(|c| c == id)];
                        " " (site.community.info.name)
                    }
                }
            }
            @for (_, site) in hub.serving().filter(|(id, _)| filter.communities.iter().any(|c| c == id)).take(3) {
                @let groups = IdKind::Group.ids(site);
                @if !groups.is_empty() {
                    fieldset {
                        legend { "Groups of " (site.community.info.name) }
                        @for (group, title) in &groups {
                            label class="check" {
                                input type="checkbox" name="group" value=(group)
                                    checked[filter.groups.contains(group)];
                                " " (title)
                            }
                        }
                    }
                }
            }
            div class="filter-actions" { button type="submit" { "Show" } }
        }
    }
}

/// A message page of the hub (not found, a filter naming nothing).
pub fn message(hub: &Hub<'_>, viewer: &Viewer, title: &str, text: &str, now: Timestamp) -> Markup {
    let body = html! {
        h1 { (title) }
        p { (text) }
        p { a href=(hub.href(&paths::home())) { "Every community" } }
    };
    layout(hub, title, viewer, now, body)
}
