//! The hub's own pages: the home page listing every community with its next meetings, and the
//! calendar spanning the hub (an agenda, a week or a month, filterable by community, source and
//! group). Each occurrence links into its community's pages, under the community's prefix.

use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use maud::{Markup, html};

use super::Placed;
use super::calendar::{
    ParamError, View, by_day, date_param, month, period_around, period_bar, span_of, spare_around,
    view_links,
};
use super::details::outside_details;
use super::layout::{Chrome, occurrence, shell};
use super::week;
use crate::hub::{Hub, HubFilter, HubItem, SelectError, items_page, upcoming};
use crate::i18n::{Arg, markup};
use crate::{Filter, IdKind, Lang, Viewer, ViewerError, paths, t};

/// How many of the hub's next meetings its home page opens with.
const NEXT_ACROSS: usize = 8;
/// How many next meetings each community's card shows.
const NEXT_PER_COMMUNITY: usize = 3;
/// How many days the hub calendar lists.
const CALENDAR_DAYS: i64 = 28;
/// Most entries of the hub calendar; the rest are counted.
const MAX_ENTRIES: usize = 400;

/// Which navigation entry of the hub a page is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum HubNav {
    Communities,
    Calendar,
    Other,
}

/// The hub's page shell: its name, two navigation entries, and the zone times are shown in.
fn layout(
    hub: &Hub<'_>,
    title: &str,
    nav: HubNav,
    viewer: &Viewer,
    now: Timestamp,
    body: Markup,
) -> Markup {
    let lang = viewer.lang;
    let shell_link = |path: &crate::SitePath| shell_href(hub, viewer, path);
    let entries = [
        (
            HubNav::Communities,
            paths::home(),
            t!(lang, "hub-communities"),
        ),
        (
            HubNav::Calendar,
            paths::calendar(),
            t!(lang, "nav-calendar"),
        ),
    ];
    let zone = html! { strong data-zone-label { (viewer.label(now)) } };
    let chrome = Chrome {
        lang,
        tz: &viewer.tz.name,
        title: (title, super::text_str(viewer, &hub.info.name)),
        marker: Some(crate::when::MarkerText::of(lang)),
        icon: hub.href(&paths::favicon()),
        stylesheet: hub.href(&paths::stylesheet()),
        script: hub.href(&paths::script()),
        feed: (
            t!(
                lang,
                "site-feed-title",
                name = super::text_str(viewer, &hub.info.name)
            ),
            hub.href(&paths::all_feed()),
        ),
        head: match nav {
            HubNav::Other => html! {},
            _ => super::layout::alternates(&hub.info.languages, viewer),
        },
        brand: (
            shell_link(&paths::home()),
            html! { (super::text(viewer, &hub.info.name)) },
        ),
        nav: entries
            .into_iter()
            .map(|(entry, path, label)| (entry == nav, shell_link(&path), label.into_owned()))
            .collect(),
        // The pickers on the hub's own pages, not on a message (a page not found, a bad zone),
        // whose address would answer the picker with the same message. The language picker
        // only where a server answers it: the static export writes the hub's pages in its
        // default language alone.
        header: match nav {
            HubNav::Other => html! {},
            _ => {
                let offered: &[Lang] = match viewer.here {
                    Some(_) => &hub.info.languages,
                    None => &[],
                };
                super::layout::prefs(&hub.href(&paths::zones()), offered, viewer, now)
            }
        },
        footer: html! {
            (markup(lang, "site-footer-zone", &[("zone", Arg::Html(zone))])) " "
            a href=(hub.href(&paths::all_feed())) { (t!(lang, "hub-footer-subscribe")) }
            " · " (t!(lang, "site-footer-served"))
        },
    };
    shell(chrome, body)
}

/// The link to the hub's page `path` from its shell and text: a shared `?lang=` view keeps its
/// language along them, as a community's does.
fn shell_href(hub: &Hub<'_>, viewer: &Viewer, path: &crate::SitePath) -> String {
    hub.href(&super::layout::in_shared_lang(viewer, path))
}

/// The hub's home page: every community with its next meetings, after the hub's next few.
pub fn home(hub: &Hub<'_>, viewer: &Viewer, now: Timestamp) -> Markup {
    let next = upcoming(hub, now, 35, NEXT_ACROSS);
    let lang = viewer.lang;
    let every = html! { a href=(shell_href(hub, viewer, &paths::calendar())) { (t!(lang, "hub-every-meeting")) } };
    let body = html! {
        section class="intro" {
            h1 { (super::text(viewer, &hub.info.name)) }
            @if let Some(description) = &hub.info.description { p { (super::text(viewer, description)) } }
            p { (markup(lang, "hub-summary", &[("count", Arg::Number(hub.members.len() as i64)), ("link", Arg::Html(every))])) }
        }
        section aria-labelledby="next-h" {
            h2 id="next-h" { (t!(lang, "hub-next")) }
            (hub_list(&next, viewer, now))
        }
        section id="communities" aria-labelledby="communities-h" {
            h2 id="communities-h" { (t!(lang, "hub-communities")) }
            div class="cards" {
                @for member in hub.members {
                    article class="card community" id=(format!("community-{}", member.id)) {
                        @match member.site {
                            Some(site) => {
                                h3 { a href=(site.href(&paths::home())) { (super::text(viewer, &site.community.info.name)) } }
                                @if let Some(description) = &site.community.info.description {
                                    @let (text, in_lang) = description.get(lang);
                                    p class="summary" lang=[(in_lang != lang).then(|| in_lang.tag())] { (first_sentence(text)) }
                                }
                                @let items = site.upcoming(now, &Filter::own(), NEXT_PER_COMMUNITY);
                                @if items.is_empty() {
                                    p class="empty" { (t!(lang, "hub-no-upcoming")) }
                                } @else {
                                    ul class="next" {
                                        @for item in &items { (occurrence(site, viewer, now, item)) }
                                    }
                                }
                                ul class="links" {
                                    li { a href=(site.href(&paths::home())) { (t!(lang, "nav-meetings")) } }
                                    li { a href=(site.href(&paths::calendar())) { (t!(lang, "nav-calendar")) } }
                                    li { a href=(site.href(&paths::community_feed())) { (t!(lang, "hub-feed")) } }
                                }
                            }
                            None => {
                                h3 { (member.id) }
                                p class="empty" { (markup(lang, "hub-unavailable", &[("command", Arg::Html(html! { code { "touchpoint check" } }))])) }
                            }
                        }
                    }
                }
            }
        }
    };
    let name = super::text_str(viewer, &hub.info.name);
    layout(hub, name, HubNav::Communities, viewer, now, body)
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
            p class="empty" { (t!(viewer.lang, "hub-no-upcoming")) }
        } @else {
            ul class="next" {
                @for entry in placed(items) { (hub_entry(entry, viewer, now)) }
            }
        }
    }
}

/// One occurrence of the hub: the community's own entry, with the community named first.
fn hub_entry(entry: Placed<'_, '_>, viewer: &Viewer, now: Timestamp) -> Markup {
    let community = html! {
        a class="community" href=(entry.site.href(&paths::home())) { (super::text(viewer, &entry.site.community.info.name)) }
    };
    let own = occurrence(entry.site, viewer, now, entry.item).into_string();
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

/// What the hub calendar shows besides its filter: `?view=agenda|week|month&date=YYYY-MM-DD`,
/// as on a community's calendar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HubPeriod {
    /// The view.
    pub view: View,
    /// The day it shows (the agenda's first, or its week or month); `None`: today in the
    /// viewer's zone.
    pub date: Option<Date>,
    /// Rendered for the static export, whose host ignores the query: the build's period in
    /// each view at a path of its own ([`paths::calendar_view`]), links to each community's
    /// calendar in place of the filter form, no "Earlier" or "Later", and the week and month
    /// carrying the meetings of the days around for local-times.js, which lays them out again
    /// in the visitor's zone (as a community's export does).
    pub export: bool,
}

impl HubPeriod {
    /// The period a query's `view` and `date` pairs name (the last of each counts).
    pub fn from_pairs(pairs: &[(String, String)]) -> Result<HubPeriod, ParamError> {
        let mut period = HubPeriod::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key.as_str() {
                "view" => period.view = View::from_param(value)?,
                "date" if !value.is_empty() => period.date = Some(date_param(value)?),
                _ => {}
            }
        }
        Ok(period)
    }
}

/// The calendar spanning the hub: the meetings of the communities (and sources and groups)
/// `filter` names, as an agenda of four weeks, a week grid or a month grid, each occurrence
/// linking into its community; `error` is a filter that names nothing.
pub fn calendar(
    hub: &Hub<'_>,
    viewer: &Viewer,
    now: Timestamp,
    filter: &HubFilter,
    period: &HubPeriod,
) -> Result<Markup, SelectError> {
    let selected = filter.select(hub)?;
    let zone = &viewer.tz.zone;
    let today = viewer.local(now).date();
    let view = period.view;
    let date = period.date.unwrap_or(today);
    let (first, end) = match view {
        View::Agenda => (date, date.saturating_add(CALENDAR_DAYS.days())),
        _ => span_of(view, date, today),
    };
    let page = items_page(
        &selected,
        crate::start_of_day(first, zone),
        crate::start_of_day(end, zone),
        zone,
        None,
        MAX_ENTRIES,
    );
    let listed = placed(&page.items);
    let days = by_day(viewer, (first, end), &listed);
    let spare = (period.export && view != View::Agenda)
        .then(|| spare_entries(&selected, viewer, (first, end), &page.items));
    let spare = spare.as_deref().map(placed);
    let lang = viewer.lang;
    // Live, each link names its period; exported, each view is the build's at its own path.
    let href = |view: View, date: Date| match period.export {
        true => hub.href(&paths::calendar_view(view)),
        false => period_href(hub, viewer, filter, view, date),
    };
    let (previous, next, heading) = period_around(viewer, view, date, (first, end), CALENDAR_DAYS);
    let title = t!(lang, "nav-calendar");
    let busy = days.iter().filter(|(_, items)| !items.is_empty());
    let body = html! {
        h1 { (title) }
        @if view == View::Agenda && date == today {
            p { @if filter.communities.is_empty() { (t!(lang, "hub-period-every")) }
                @else { (t!(lang, "hub-period-chosen")) } }
        }
        (view_links(lang, view, date, &href))
        @if period.export {
            (community_links(hub, viewer, view))
        } @else {
            (filters(hub, viewer, filter, Some((view, date))))
        }
        (period_bar(viewer, view, period.export, (first, end), (previous, next, today), &heading, &href))
        @if page.next.is_some() {
            p class="more" role="status" { (t!(lang, "hub-only-first", count = MAX_ENTRIES)) }
        }
        @match view {
            View::Agenda => {
                @if listed.is_empty() {
                    p class="empty" { (t!(lang, "hub-nothing")) }
                }
                @for (day, items) in busy {
                    section class="agenda-day" data-day=(day) aria-label=(viewer.date_long(*day)) {
                        h3 { (viewer.date_long_no_year(*day)) @if *day == today { " " span class="today-badge" { (t!(lang, "hub-today")) } } }
                        ul class="occurrences" {
                            @for entry in items { (hub_entry(*entry, viewer, now)) }
                        }
                    }
                }
            }
            View::Week => {
                (week::week(viewer, (now, today), (first, end), &listed, spare.as_deref()))
                (outside_details(lang, page.items.iter().map(|entry| &entry.item)))
            }
            View::Month => {
                (month(viewer, (now, today), date, &days, &|day| href(View::Agenda, day), spare.as_deref()))
            }
        }
        p { a href=(hub.href(&paths::all_feed().with_query(filter.communities.iter().map(|c| ("community", c.as_str()))))) { (t!(lang, "hub-subscribe-these")) } }
    };
    let page_title = match view {
        View::Agenda if date == today => title.into_owned(),
        _ => t!(lang, "cal-page-title", period = heading),
    };
    Ok(layout(
        hub,
        &page_title,
        HubNav::Calendar,
        viewer,
        now,
        body,
    ))
}

/// Each of the hub's `entries` on its community's site, named.
fn placed<'p, 'a>(entries: &'p [HubItem<'a>]) -> Vec<Placed<'p, 'a>> {
    entries
        .iter()
        .map(|entry| Placed {
            site: entry.site,
            item: &entry.item,
            named: true,
        })
        .collect()
}

/// The timed meetings of the days around `[first, end)` that `listed` (the period's) does not
/// hold: what the visitor's zone may bring into an exported week or month ([`spare_around`]).
fn spare_entries<'a>(
    selected: &[(&'a str, &'a crate::Site, Filter)],
    viewer: &Viewer,
    (first, end): (Date, Date),
    listed: &[HubItem<'_>],
) -> Vec<HubItem<'a>> {
    let zone = &viewer.tz.zone;
    let fetch = |from, to| items_page(selected, from, to, zone, None, MAX_ENTRIES).items;
    let listed = listed.iter().map(|entry| &entry.item);
    spare_around(viewer, (first, end), listed, fetch, |entry| &entry.item)
}

/// The export's stand-in for the filter form, which a static host cannot answer: a link to
/// each community's own calendar in the same view.
fn community_links(hub: &Hub<'_>, viewer: &Viewer, view: View) -> Markup {
    html! {
        nav class="filters" aria-label=(t!(viewer.lang, "hub-communities")) {
            p {
                (t!(viewer.lang, "hub-communities")) ": "
                @for (i, (_, site)) in hub.serving().enumerate() {
                    @if i > 0 { " · " }
                    a href=(site.href(&paths::calendar_view(view))) { (super::text(viewer, &site.community.info.name)) }
                }
            }
        }
    }
}

/// The hub calendar's `view` of `date` with the same filter, in a shared view's zone and
/// language.
fn period_href(
    hub: &Hub<'_>,
    viewer: &Viewer,
    filter: &HubFilter,
    view: View,
    date: Date,
) -> String {
    let date = date.to_string();
    let mut pairs = vec![("view", view.as_str()), ("date", date.as_str())];
    for (key, values) in [
        ("community", &filter.communities),
        ("source", &filter.sources),
        ("series", &filter.series),
        ("group", &filter.groups),
    ] {
        pairs.extend(values.iter().map(|value| (key, value.as_str())));
    }
    let path = paths::calendar().with_query(pairs);
    hub.href(&super::layout::in_shared_view(viewer, &path))
}

/// The calendar's filter form: a box per community, and for the first communities ticked their
/// calendars and groups.
fn filters(
    hub: &Hub<'_>,
    viewer: &Viewer,
    filter: &HubFilter,
    period: Option<(View, Date)>,
) -> Markup {
    let lang = viewer.lang;
    html! {
        form class="filters" method="get" action=(hub.href(&paths::calendar())) {
            @if let Some((view, date)) = period {
                input type="hidden" name="view" value=(view.as_str());
                input type="hidden" name="date" value=(date.to_string());
            }
            (super::layout::shared_view_inputs(viewer))
            fieldset {
                legend { (t!(lang, "hub-communities")) }
                @for (id, site) in hub.serving() {
                    label class="check" {
                        input type="checkbox" name="community" value=(id)
                            checked[filter.communities.iter().any(|c| c == id)];
                        " " (super::text(viewer, &site.community.info.name))
                    }
                }
            }
            @for (_, site) in hub.serving().filter(|(id, _)| filter.communities.iter().any(|c| c == id)).take(3) {
                @let groups = IdKind::Group.ids(site);
                @if !groups.is_empty() {
                    fieldset {
                        legend { (t!(lang, "hub-groups-of", name = super::text_str(viewer, &site.community.info.name))) }
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
            div class="filter-actions" { button type="submit" { (t!(lang, "hub-show")) } }
        }
    }
}

/// The 400 of a `?tz=` that names no zone, as a community's site answers it
/// ([`super::bad_zone`]), in the hub's shell: the suggestions keep to the hub, and the way back
/// is its page of every community, shown in its zone.
pub fn bad_zone(hub: &Hub<'_>, error: &ViewerError, lang: Lang, now: Timestamp) -> Markup {
    let viewer = Viewer {
        lang,
        ..Viewer::new(hub.info.timezone.clone())
    };
    let title = t!(lang, "zone-error-title");
    let back = html! { a href=(hub.href(&paths::home())) { (t!(lang, "hub-every-community")) } };
    let body = super::zone_error(
        error,
        lang,
        |name| hub.href(&paths::home().with_query([("tz", name)])),
        back,
        &viewer.tz.name,
    );
    layout(hub, &title, HubNav::Other, &viewer, now, body)
}

/// A message page of the hub (not found, a filter naming nothing).
pub fn message(hub: &Hub<'_>, viewer: &Viewer, title: &str, text: &str, now: Timestamp) -> Markup {
    let body = html! {
        h1 { (title) }
        p { (text) }
        p { a href=(hub.href(&paths::home())) { (t!(viewer.lang, "hub-every-community")) } }
    };
    layout(hub, title, HubNav::Other, viewer, now, body)
}
