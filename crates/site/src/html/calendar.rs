//! `/calendar`: the merged calendar as an agenda, a week or a month, filtered per source and per
//! group with plain form controls, in the viewer's zone.

use jiff::civil::{Date, Weekday};
use jiff::{Timestamp, ToSpan};
use maud::{Markup, html};

use super::Placed;
use super::details::{event_details, outside_details};
use super::layout::{
    Nav, cancel_note, in_shared_view, layout, marker, notes, occurrence, query_pairs, swatch,
    title_link,
};
use super::text::text;
use crate::i18n::{Arg, Lang, markup};
use crate::{Filter, IdKind, Item, Site, Viewer, paths, start_of_day, t, timegrid};

/// How many days the agenda lists.
pub const AGENDA_DAYS: i64 = 30;
/// The most meetings one calendar page lists (a month of a busy foundation is a few hundred;
/// an outside feed of never-ending rules would be millions).
pub const MAX_ITEMS: usize = 2000;

/// Which calendar view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// A list of the coming days.
    #[default]
    Agenda,
    /// Monday to Sunday.
    Week,
    /// A month grid.
    Month,
}

impl View {
    /// The name used in `?view=`.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Agenda => "agenda",
            View::Week => "week",
            View::Month => "month",
        }
    }

    /// The view a `?view=` value names (empty: the agenda).
    pub fn from_param(value: &str) -> Result<View, ParamError> {
        match value {
            "" | "agenda" => Ok(View::Agenda),
            "week" => Ok(View::Week),
            "month" => Ok(View::Month),
            other => Err(ParamError::new("cal-error-view", other)),
        }
    }

    /// The view's name in `lang`, as the view links show it.
    pub fn name(self, lang: Lang) -> std::borrow::Cow<'static, str> {
        match self {
            View::Agenda => t!(lang, "cal-view-agenda"),
            View::Week => t!(lang, "cal-view-week"),
            View::Month => t!(lang, "cal-view-month"),
        }
    }
}

/// What `/calendar` shows: `?view=agenda|week|month&date=YYYY-MM-DD&source=ID&group=ID`
/// (`source` and `group` may repeat).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CalendarParams {
    /// The view.
    pub view: View,
    /// The day the view shows (its week or month); `None`: today in the viewer's zone.
    pub date: Option<Date>,
    /// Only these sources (`community` for the own series); empty: all.
    pub sources: Vec<String>,
    /// Only these groups; empty: all.
    pub groups: Vec<String>,
    /// Rendered for the static export, where a static host ignores the query: links go to the
    /// paths of each view and of each calendar or group alone ([`paths::calendar_view`],
    /// [`paths::calendar_source`], [`paths::calendar_group`]), the filters are links rather than
    /// a form, and there is no "Earlier" or "Later" (a period other than the build's needs the
    /// live site).
    pub export: bool,
}

/// A query parameter a page cannot use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamError {
    /// What is wrong, for people, in English ([`ParamError::text`] says it in a language).
    pub message: String,
    /// The id of the message saying it (areas calendar and planner).
    id: &'static str,
    /// The value that could not be read, quoted, the message's `$value`.
    value: String,
}

impl ParamError {
    /// How much of a value that could not be read an error repeats.
    const SHOWN: usize = 80;

    /// The error of message `id` about `value`, which could not be read: quoted, and cut after
    /// [`ParamError::SHOWN`] characters (a page echoing a 10 kB query would be its size).
    pub(crate) fn new(id: &'static str, value: &str) -> ParamError {
        let value = match value.char_indices().nth(ParamError::SHOWN) {
            Some((at, _)) => format!("{:?}…", &value[..at]),
            None => format!("{value:?}"),
        };
        ParamError {
            message: t!(Lang::En, id, value = value.as_str()),
            id,
            value,
        }
    }

    /// What is wrong, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        t!(lang, self.id, value = self.value.as_str())
    }
}

impl std::fmt::Display for ParamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParamError {}

/// The day a `?date=` value names (`YYYY-MM-DD`).
pub fn date_param(value: &str) -> Result<Date, ParamError> {
    value
        .parse()
        .ok()
        .filter(|date: &Date| date.year() >= 1)
        .ok_or_else(|| ParamError::new("cal-error-date", value))
}

impl CalendarParams {
    /// Read a raw query string (unknown keys, `tz` among them, are ignored).
    pub fn from_query(raw: &str) -> Result<CalendarParams, ParamError> {
        let mut params = CalendarParams::default();
        for (key, value) in query_pairs(raw) {
            let value = value.trim().to_owned();
            match key.as_str() {
                "view" => params.view = View::from_param(&value)?,
                "date" if !value.is_empty() => params.date = Some(date_param(&value)?),
                "source" if !value.is_empty() => params.sources.push(value),
                "group" if !value.is_empty() => params.groups.push(value),
                _ => {}
            }
        }
        Ok(params)
    }

    /// The filter these parameters select.
    pub fn filter(&self) -> Filter {
        Filter {
            sources: self.sources.clone(),
            groups: self.groups.clone(),
            ..Filter::default()
        }
    }

    /// The link for `view` on `date` with the same filters: the path of the view and of the one
    /// calendar or group ticked, when that is all, else `/calendar` with the query, and a shared
    /// view's zone and language ([`in_shared_view`]); `date` is left out on the static export
    /// (its host would ignore it).
    fn href(&self, site: &Site, viewer: &Viewer, view: View, date: Date) -> String {
        let path = match (self.sources.as_slice(), self.groups.as_slice()) {
            ([], []) => paths::calendar_view(view),
            ([id], []) => paths::calendar_source(view, id),
            ([], [id]) => paths::calendar_group(view, id),
            _ => {
                let mut pairs = vec![("view", view.as_str())];
                pairs.extend(self.sources.iter().map(|s| ("source", s.as_str())));
                pairs.extend(self.groups.iter().map(|g| ("group", g.as_str())));
                paths::calendar().with_query(pairs)
            }
        };
        if self.export {
            site.href(&path)
        } else {
            let path = path.with_query([("date", date.to_string().as_str())]);
            site.href(&in_shared_view(viewer, &path))
        }
    }
}

/// The first and last-plus-one day a view shows around `date`, `today` being today in the
/// viewer's zone (the week of today starts today on a weekend: [`timegrid::week_span`]).
pub(crate) fn span_of(view: View, date: Date, today: Date) -> (Date, Date) {
    match view {
        View::Agenda => (date, date.saturating_add(AGENDA_DAYS.days())),
        View::Week => timegrid::week_span(date, today),
        View::Month => {
            let first = date.first_of_month();
            let monday =
                first.saturating_sub(i64::from(first.weekday().to_monday_zero_offset()).days());
            let next_month = first.saturating_add(1.month());
            let weeks = (((next_month - monday).get_days() + 6) / 7).max(4);
            (monday, monday.saturating_add((i64::from(weeks) * 7).days()))
        }
    }
}

/// The links to a calendar's three views of `date` (`href` makes each), the one shown marked.
pub(crate) fn view_links(
    lang: Lang,
    shown: View,
    date: Date,
    href: &dyn Fn(View, Date) -> String,
) -> Markup {
    html! {
        nav class="views" aria-label=(t!(lang, "cal-views-label")) {
            ul {
                @for view in [View::Agenda, View::Week, View::Month] {
                    li { a href=(href(view, date)) aria-current=[(view == shown).then_some("page")] { (view.name(lang)) } }
                }
            }
        }
    }
}

/// A calendar's period, `[first, end)` of `view`, under its `heading`: "Earlier" and "Later"
/// around it (to `previous` and `next`), and "Today" with the zone the times are in. The static
/// export has neither link; there the zone is named again by local-times.js in the visitor's,
/// and the agenda's heading carries its instants, for it to name the visitor's days.
pub(crate) fn period_bar(
    viewer: &Viewer,
    view: View,
    export: bool,
    (first, end): (Date, Date),
    (previous, next, today): (Date, Date, Date),
    heading: &str,
    href: &dyn Fn(View, Date) -> String,
) -> Markup {
    let (lang, zone) = (viewer.lang, &viewer.tz.zone);
    // At the ends of the dates `?date=` takes (years 1 to 9999) a link would lead to a 400 or,
    // its date saturated, to the page shown: there is none.
    let earlier = !export && previous < first && previous.year() >= 1;
    let later = !export && next > first && next < Date::MAX;
    html! {
        div class="period" {
            @if earlier {
                a rel="prev" href=(href(view, previous)) { (t!(lang, "cal-earlier")) }
            }
            @if export && view == View::Agenda {
                // The period is the build zone's days: local-times.js names the visitor's.
                h2 id="period-h" data-from=(Viewer::machine(start_of_day(first, zone)))
                    data-to=(Viewer::machine(start_of_day(end, zone))) { (heading) }
            } @else {
                h2 id="period-h" { (heading) }
            }
            @if later {
                a rel="next" href=(href(view, next)) { (t!(lang, "cal-later")) }
            }
        }
        p class="today-link" {
            @if export {
                // Said again in the visitor's zone by local-times.js, which lays out the week
                // and regroups the agenda and the month in it.
                span data-zone-label=(t!(lang, "cal-times-in", zone = "%")) {
                    (t!(lang, "cal-times-in", zone = viewer.tz.name.as_ref()))
                }
            } @else {
                a href=(href(view, today)) { (t!(lang, "cal-today")) }
                " · " (t!(lang, "cal-times-in-after-today", zone = viewer.tz.name.as_ref()))
            }
        }
    }
}

/// Where "Earlier" and "Later" go from `view` of `date`, which shows the days `[first, end)`
/// (an agenda moves by `agenda_days`), and the period's heading.
pub(crate) fn period_around(
    viewer: &Viewer,
    view: View,
    date: Date,
    (first, end): (Date, Date),
    agenda_days: i64,
) -> (Date, Date, String) {
    let lang = viewer.lang;
    match view {
        View::Agenda => (
            date.saturating_sub(agenda_days.days()),
            end,
            viewer.date_range(first, end.saturating_sub(1.day())),
        ),
        View::Week => {
            let (earlier, later) = timegrid::week_neighbours(first, end);
            let date = viewer.date(first);
            let heading = if first.weekday() == Weekday::Monday {
                t!(lang, "cal-week-of", date = date)
            } else {
                t!(lang, "cal-week-from", date = date)
            };
            (earlier, later, heading)
        }
        View::Month => (
            date.first_of_month().saturating_sub(1.month()),
            date.first_of_month().saturating_add(1.month()),
            viewer.month_year(date),
        ),
    }
}

/// The day an item is listed on in the viewer's zone: its start day.
fn day_of(viewer: &Viewer, item: &Item<'_>) -> Date {
    if item.all_day() {
        item.start.civil().date()
    } else {
        viewer.local(item.start_at).date()
    }
}

/// Each day of `[first, end)` with the occurrences listed on it, in order: each on its start
/// day in the viewer's zone, one that began before `first` on the first.
pub(crate) fn by_day<'p, 'a>(
    viewer: &Viewer,
    (first, end): (Date, Date),
    items: &[Placed<'p, 'a>],
) -> Vec<(Date, Vec<Placed<'p, 'a>>)> {
    let mut days: Vec<(Date, Vec<Placed<'p, 'a>>)> = Vec::new();
    let mut day = first;
    while day < end {
        days.push((day, Vec::new()));
        day = day.saturating_add(1.day());
    }
    for &placed in items {
        let listed = day_of(viewer, placed.item).max(first);
        if let Some((_, list)) = days.iter_mut().find(|(d, _)| *d == listed) {
            list.push(placed);
        }
    }
    days
}

/// The calendar page.
pub fn calendar(site: &Site, viewer: &Viewer, now: Timestamp, params: &CalendarParams) -> Markup {
    let today = viewer.local(now).date();
    let date = params.date.unwrap_or(today);
    let (first, end) = span_of(params.view, date, today);
    let zone = &viewer.tz.zone;
    let page = site.items_page(
        start_of_day(first, zone),
        start_of_day(end, zone),
        zone,
        &params.filter(),
        None,
        MAX_ITEMS,
    );
    let cut = page.next.is_some();
    let items = page.items;
    // The export's week and month carry the occurrences of the days around them too, hidden:
    // the visitor's zone may bring them into the period (local-times.js places them).
    let spare = (params.export && params.view != View::Agenda)
        .then(|| spare_items(site, viewer, params, (first, end), &items));
    let placed = Placed::all(site, &items);
    let spare = spare.as_deref().map(|spare| Placed::all(site, spare));
    let days = by_day(viewer, (first, end), &placed);
    let lang = viewer.lang;
    let (previous, next, heading) =
        period_around(viewer, params.view, date, (first, end), AGENDA_DAYS);
    let href = |view: View, date: Date| params.href(site, viewer, view, date);
    let body = html! {
        h1 { (t!(lang, "cal-title")) }
        (view_links(lang, params.view, date, &href))
        @if params.export {
            (filter_links(site, viewer, params))
        } @else {
            (filter_form(site, viewer, params, date))
        }
        (period_bar(viewer, params.view, params.export, (first, end), (previous, next, today), &heading, &href))
        @if cut {
            p class="more" role="status" { (t!(lang, "cal-too-many", max = MAX_ITEMS)) }
        }
        @match params.view {
            View::Agenda => (agenda(site, params, viewer, now, today, &days)),
            View::Week => {
                (super::week::week(viewer, (now, today), (first, end), &placed, spare.as_deref()))
                (outside_details(viewer.lang, &items))
            }
            View::Month => {
                (month(viewer, (now, today), date, &days, &|day| href(View::Agenda, day), spare.as_deref()))
            }
        }
    };
    layout(
        site,
        &t!(lang, "cal-page-title", period = heading),
        Nav::Calendar,
        viewer,
        now,
        body,
    )
}

/// How far around a period the export's spare occurrences reach: two days covers any two zones
/// (UTC-12 to UTC+14 is 26 hours apart).
const SPARE_DAYS: i64 = 2;

/// The timed occurrences of the [`SPARE_DAYS`] around `[first, end)` that `items` (the period's)
/// does not hold.
fn spare_items<'s>(
    site: &'s Site,
    viewer: &Viewer,
    params: &CalendarParams,
    (first, end): (Date, Date),
    items: &[Item<'_>],
) -> Vec<Item<'s>> {
    let zone = &viewer.tz.zone;
    let fetch = |from, to| {
        site.items_page(from, to, zone, &params.filter(), None, MAX_ITEMS)
            .items
    };
    spare_around(viewer, (first, end), items.iter(), fetch, |item| item)
}

/// The timed occurrences `fetch` gives for the [`SPARE_DAYS`] before and after `[first, end)`
/// (each window as instants in the viewer's zone) that `listed`, the period's, does not hold;
/// `item` reads each one's occurrence. A page's ([`spare_items`]) or a hub's.
pub(crate) fn spare_around<'l, 'a: 'l, T>(
    viewer: &Viewer,
    (first, end): (Date, Date),
    listed: impl Iterator<Item = &'l Item<'a>>,
    mut fetch: impl FnMut(Timestamp, Timestamp) -> Vec<T>,
    item: impl Fn(&T) -> &Item<'_>,
) -> Vec<T> {
    let zone = &viewer.tz.zone;
    let key = |item: &Item<'_>| (std::ptr::from_ref(item.event), item.start_at);
    let listed: std::collections::HashSet<_> = listed.map(key).collect();
    let mut spare = Vec::new();
    for (from, to) in [
        (first.saturating_sub(SPARE_DAYS.days()), first),
        (end, end.saturating_add(SPARE_DAYS.days())),
    ] {
        let found = fetch(start_of_day(from, zone), start_of_day(to, zone));
        spare.extend(found.into_iter().filter(|each| {
            let each = item(each);
            !each.all_day() && !listed.contains(&key(each))
        }));
    }
    spare
}

/// Checkboxes per source and per group, a plain GET form. What is ticked is what is shown: the
/// union of the ticked calendars and groups, and every box ticked when nothing is filtered.
fn filter_form(site: &Site, viewer: &Viewer, params: &CalendarParams, date: Date) -> Markup {
    let lang = viewer.lang;
    let everything = params.sources.is_empty() && params.groups.is_empty();
    html! {
        form class="filters" method="get" action=(site.href(&paths::calendar())) {
            input type="hidden" name="view" value=(params.view.as_str());
            input type="hidden" name="date" value=(date.to_string());
            (super::layout::shared_view_inputs(viewer))
            fieldset {
                legend { (t!(lang, "cal-filter-calendars")) }
                @for (id, name) in IdKind::Source.ids(site) {
                    label class="check" {
                        input type="checkbox" name="source" value=(id) checked[everything || params.sources.contains(&id)];
                        " " (source_name(site, viewer, &id, &name))
                    }
                }
            }
            @if !site.community.groups.is_empty() {
                fieldset {
                    legend { (t!(lang, "cal-filter-groups")) }
                    @for group in &site.community.groups {
                        label class="check" {
                            input type="checkbox" name="group" value=(group.id) checked[everything || params.groups.contains(&group.id)];
                            " " (text(viewer, &group.title))
                            @if site.community.group_series(&group.id).next().is_none() {
                                " " small class="none" { (t!(lang, "cal-filter-group-idle")) }
                            }
                        }
                    }
                }
            }
            div class="filter-actions" {
                button type="submit" { (t!(lang, "cal-filter-apply")) }
                " "
                a href=(site.href(&in_shared_view(viewer, &paths::calendar().with_query([("view", params.view.as_str()), ("date", &date.to_string())])))) { (t!(lang, "cal-filter-show-all")) }
            }
            p class="hint" { (t!(lang, "cal-filter-hint")) }
        }
    }
}

/// The filters of the static export: links to each calendar and each group alone in the same
/// view (the paths it writes), since a static host cannot read a form's query.
fn filter_links(site: &Site, viewer: &Viewer, params: &CalendarParams) -> Markup {
    let lang = viewer.lang;
    let view = params.view;
    let current = |path: &paths::SitePath| {
        let mine = params.clone();
        let shown = match (mine.sources.as_slice(), mine.groups.as_slice()) {
            ([], []) => paths::calendar_view(view),
            ([id], []) => paths::calendar_source(view, id),
            ([], [id]) => paths::calendar_group(view, id),
            _ => paths::calendar(),
        };
        (shown == *path).then_some("page")
    };
    let all = paths::calendar_view(view);
    let calendars = html! {
        a href=(site.href(&all)) aria-current=[current(&all)] { (t!(lang, "cal-filter-all")) }
        @for (id, name) in IdKind::Source.ids(site) {
            @let path = paths::calendar_source(view, &id);
            " · " a href=(site.href(&path)) aria-current=[current(&path)] { (source_name(site, viewer, &id, &name)) }
        }
    };
    let groups = html! {
        @for (i, group) in site.community.groups.iter().enumerate() {
            @let path = paths::calendar_group(view, &group.id);
            @if i > 0 { " · " }
            a href=(site.href(&path)) aria-current=[current(&path)] { (text(viewer, &group.title)) }
        }
    };
    html! {
        nav class="filters" aria-label=(t!(lang, "cal-filter-one-label")) {
            p { (markup(lang, "cal-filter-calendars-list", &[("links", Arg::Html(calendars))])) }
            @if !site.community.groups.is_empty() {
                p { (markup(lang, "cal-filter-groups-list", &[("links", Arg::Html(groups))])) }
            }
            p class="hint" { (t!(lang, "cal-filter-one-hint")) }
        }
    }
}

/// A calendar's name in the filters: the community's own series as "{name} meetings" in the
/// viewer's language, an outside calendar by the name the community file gives it.
fn source_name(site: &Site, viewer: &Viewer, id: &str, name: &str) -> Markup {
    if id == crate::COMMUNITY {
        let community = text(viewer, &site.community.info.name);
        markup(
            viewer.lang,
            "cal-source-community",
            &[("community", Arg::Html(community))],
        )
    } else {
        html! { (name) }
    }
}

/// What an empty period says: nothing at all, or nothing for the ticked boxes, naming the ticked
/// groups that have no meetings.
fn nothing(site: &Site, viewer: &Viewer, params: &CalendarParams) -> Markup {
    let lang = viewer.lang;
    let idle: Vec<_> = params
        .groups
        .iter()
        .filter_map(|id| site.community.group(id))
        .filter(|group| site.community.group_series(&group.id).next().is_none())
        .collect();
    html! {
        @if params.sources.is_empty() && params.groups.is_empty() {
            p class="empty" { (t!(lang, "cal-empty")) }
        } @else {
            p class="empty" { (t!(lang, "cal-empty-filtered")) }
        }
        @for group in idle {
            p class="empty" { (markup(lang, "cal-group-idle", &[("group", Arg::Html(text(viewer, &group.title)))])) }
        }
    }
}

/// A day as the agenda and the month name it: its date, with "Today" on today.
pub(crate) fn day_heading(viewer: &Viewer, day: Date, today: Date) -> Markup {
    html! {
        (viewer.date(day))
        @if day == today { " " span class="today-badge" { (t!(viewer.lang, "cal-today")) } }
    }
}

fn agenda(
    site: &Site,
    params: &CalendarParams,
    viewer: &Viewer,
    now: Timestamp,
    today: Date,
    days: &[(Date, Vec<Placed<'_, '_>>)],
) -> Markup {
    let busy: Vec<_> = days.iter().filter(|(_, items)| !items.is_empty()).collect();
    html! {
        @if busy.is_empty() {
            (nothing(site, viewer, params))
        }
        @for (day, items) in busy {
            section class="agenda-day" data-day=(day) aria-label=(viewer.date_long(*day)) {
                h3 { (day_heading(viewer, *day, today)) }
                ul class="occurrences" {
                    @for placed in items { (occurrence(placed.site, viewer, now, placed.item)) }
                }
            }
        }
    }
}

/// A month's column head: the weekday of `day`, short, with its whole name for English.
pub(crate) fn weekday_head(viewer: &Viewer, day: Date) -> Markup {
    if viewer.lang == Lang::En {
        let name = format!("{:?}", day.weekday());
        html! { abbr title=(name) { (viewer.weekday_short(day)) } }
    } else {
        // CLDR's short weekday ("月", "周一", "lun.") says it whole; when.rs has no long
        // weekday alone to put in a title.
        html! { (viewer.weekday_short(day)) }
    }
}

/// One occurrence in a month cell: clock, title, markers; `hidden` past a crowded cell's count.
fn compact(viewer: &Viewer, now: Timestamp, placed: Placed<'_, '_>, hidden: bool) -> Markup {
    let item = placed.item;
    let (notes, clocks_said) = notes(placed.site, viewer, item);
    html! {
        // The clocks note is the line's title: at full width the line's ellipsis may cut it.
        li class={ "occ" @if item.cancelled() { " cancelled" } } hidden[hidden]
            title=[clocks_said] {
            (swatch(item))
            time datetime=(Viewer::machine(item.start_at)) data-clock=[(!item.all_day()).then_some("")]
                data-end=[(!item.all_day()).then(|| Viewer::machine(item.end_at))] {
                @if item.all_day() { (t!(viewer.lang, "cal-all-day")) } @else { (viewer.clock(item.start_at)) }
            }
            " " (title_link(placed.site, viewer, item))
            (placed.community(viewer))
            (notes)
            (cancel_note(viewer.lang, item))
            (marker(viewer, item, now))
            (event_details(viewer.lang, item))
        }
    }
}

/// The most meetings a month cell lists; a crowded day lists one fewer and "+N more", a link
/// to that day's agenda, so every cell keeps the height of three lines. On the export a cell
/// holds all its meetings, those past the count hidden, so local-times.js can count again once
/// it has moved meetings to the visitor's days (`touchpointMonth`).
const MONTH_CELL_MAX: usize = 3;

/// The month grid of `date`'s month, from the Monday of its first week (`days`, each with its
/// occurrences). A crowded day's "+N more" goes to `agenda(day)`, that day's agenda. `spare`
/// is `Some` on the static export (see [`spare_items`]).
pub(crate) fn month(
    viewer: &Viewer,
    (now, today): (Timestamp, Date),
    date: Date,
    days: &[(Date, Vec<Placed<'_, '_>>)],
    agenda: &dyn Fn(Date) -> String,
    spare: Option<&[Placed<'_, '_>]>,
) -> Markup {
    let export = spare.is_some();
    // On the export every "+N more" goes to the same page (the agenda from the build day).
    let more_href = export.then(|| agenda(date));
    html! {
        table class="month" aria-labelledby="period-h" data-cell-max=[export.then_some(MONTH_CELL_MAX)] data-more-href=[more_href] {
            thead {
                tr {
                    // The grid starts on a Monday: its first row names the weekdays.
                    @for (day, _) in days.iter().take(7) {
                        th scope="col" { (weekday_head(viewer, *day)) }
                    }
                }
            }
            tbody {
                @for week in days.chunks(7) {
                    tr {
                        @for (day, items) in week {
                            td class={
                                @if day.month() != date.month() { "other" }
                                @if *day == today { " is-today" }
                                @if items.is_empty() { " free" }
                            } data-day=(day) {
                                span class="dnum" aria-hidden="true" { (day.day()) }
                                span class="dlabel" { (day_heading(viewer, *day, today)) }
                                @if !items.is_empty() {
                                    @let listed = if items.len() > MONTH_CELL_MAX { MONTH_CELL_MAX - 1 } else { items.len() };
                                    @let carried = if export { items.len() } else { listed };
                                    ul class="occurrences" {
                                        @for (i, placed) in items[..carried].iter().enumerate() {
                                            (compact(viewer, now, *placed, i >= listed))
                                        }
                                    }
                                    @if listed < items.len() {
                                        a class="more-day" href=(agenda(*day)) {
                                            (t!(viewer.lang, "cal-more", count = items.len() - listed))
                                            span class="sr" { " " (t!(viewer.lang, "cal-more-on", date = viewer.date_long_no_year(*day))) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if let Some(spare) = spare {
            // Moved into their cells by local-times.js where the visitor's zone puts them.
            ul class="occurrences month-spare" hidden {
                @for placed in spare { (compact(viewer, now, *placed, false)) }
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::i18n::section;
    use touchpoint_calendar::Tz;

    /// A community with a weekly call in a working group and a group with no meetings.
    const FILE: &str = "[community]\nname = \"T\"\ntimezone = \"Europe/Berlin\"\n\n\
        [[series]]\nid = \"call\"\ntitle = { en = \"Sync\", ja = \"定例\" }\ntimezone = \"America/New_York\"\n\
        start = \"10:00\"\nduration = \"1h\"\nrepeat = \"every week on Tuesday\"\n\
        first = 2026-11-03\ngroup = \"wg\"\n\n\
        [[groups]]\nid = \"wg\"\ntitle = { en = \"Tooling\", ja = \"ツール\" }\n\n\
        [[groups]]\nid = \"idle\"\ntitle = \"Quiet\"\n";

    pub(crate) fn site() -> Site {
        let community = touchpoint_community::parse(FILE)
            .unwrap_or_else(|d| panic!("{d:?}"))
            .community;
        Site::new(
            community,
            Vec::new(),
            "2026-11-01T00:00:00Z".parse().unwrap(),
        )
    }

    pub(crate) fn viewer(lang: Lang) -> Viewer {
        let mut viewer = Viewer::new(Tz::iana("Asia/Tokyo").unwrap());
        viewer.lang = lang;
        viewer
    }

    /// Tuesday 1 December 2026, 12:00 UTC.
    pub(crate) fn now() -> Timestamp {
        "2026-12-01T12:00:00Z".parse().unwrap()
    }

    /// The English messages of `area` with no variables, as a page writes them (escaped), that
    /// appear in `page`: what a page in another language must not contain.
    pub(crate) fn english_left_in(area: &str, page: &str) -> Vec<String> {
        section(Lang::En, area)
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once(" = "))
            .filter(|(_, value)| !value.contains('{') && value.chars().count() > 3)
            .map(|(id, value)| (id, html! { (value) }.into_string()))
            .filter_map(|(id, value)| {
                let at = page.find(value.as_str())?;
                let from = page.floor_char_boundary(at.saturating_sub(40));
                let to = page.ceil_char_boundary(at + value.len() + 40);
                Some(format!("{id}: …{}…", &page[from..to]))
            })
            .collect()
    }

    /// The ids of `prefix` that `lang` lacked or could not format since the process started.
    pub(crate) fn gaps(lang: Lang, prefix: &str) -> Vec<String> {
        let start = format!("{}: {prefix}", lang.tag());
        crate::i18n::missing()
            .into_iter()
            .filter(|gap| gap.starts_with(&start))
            .collect()
    }

    fn page(lang: Lang, query: &str) -> String {
        let params = CalendarParams::from_query(query).unwrap();
        calendar(&site(), &viewer(lang), now(), &params).into_string()
    }

    #[test]
    fn can_refuse_a_long_value_without_repeating_all_of_it() {
        let long = format!("wéék{}", "x".repeat(7_000));
        let error = CalendarParams::from_query(&format!("view={long}")).unwrap_err();
        assert!(error.message.len() < 300, "{}", error.message);
        assert!(
            error
                .message
                .contains(&format!("\"wéék{}\"…", "x".repeat(76))),
            "{}",
            error.message
        );
        // A short one is said whole.
        let error = CalendarParams::from_query("view=year").unwrap_err();
        assert!(error.message.contains("\"year\""), "{}", error.message);
        assert!(!error.message.contains('…'));
    }

    #[test]
    fn can_show_every_view_in_japanese_without_english_words() {
        for query in [
            "view=agenda",
            "view=week",
            "view=month",
            "view=agenda&group=idle",
            "view=week&date=2027-03-01",
        ] {
            let html = page(Lang::Ja, query);
            assert_eq!(
                english_left_in("calendar", &html),
                Vec::<String>::new(),
                "{query}"
            );
            assert!(html.contains("スケジュール"), "{query}: the view links");
            assert!(
                html.contains("← 前へ") && html.contains("次へ →"),
                "{query}"
            );
        }
        let week = page(Lang::Ja, "view=week");
        assert!(week.contains(r#"<span lang="en">T</span>のミーティング"#));
        assert!(
            week.contains(" ツール</label>"),
            "a group's own Japanese title"
        );
        assert!(
            week.contains(r#"<span class="today-badge">今日</span>"#),
            "{week}"
        );
        assert!(week.contains(r#"<span class="wk-allday-label">終日</span>"#));
        assert!(week.contains("の週"), "the heading says whose week");
        let month = page(Lang::Ja, "view=month");
        assert!(
            month.contains(">2026年12月</h2>"),
            "the month's title by CLDR"
        );
        assert!(
            month.contains(r#"<th scope="col">月</th>"#),
            "Monday's head"
        );
        let idle = page(Lang::Ja, "view=agenda&group=idle");
        assert!(
            idle.contains(
                r#"<span lang="en">Quiet</span>には予定されたミーティングがありません。"#
            ),
            "{idle}"
        );
        assert_eq!(gaps(Lang::Ja, "cal-"), Vec::<String>::new());
    }

    #[test]
    fn can_show_the_static_copys_filters_in_chinese() {
        let params = CalendarParams {
            export: true,
            ..CalendarParams::from_query("view=agenda").unwrap()
        };
        let html = calendar(&site(), &viewer(Lang::ZhHans), now(), &params).into_string();
        assert_eq!(english_left_in("calendar", &html), Vec::<String>::new());
        assert!(html.contains(r#"data-zone-label="时区：%""#), "{html}");
        assert!(
            html.contains("日历：<a "),
            "the filter links follow the label"
        );
        assert!(
            html.contains(r#"<span lang="en">Tooling</span>"#),
            "a fallback is marked"
        );
        assert_eq!(gaps(Lang::ZhHans, "cal-"), Vec::<String>::new());
    }

    #[test]
    fn says_a_bad_address_in_the_visitors_language_and_english_alike() {
        let error = CalendarParams::from_query("view=year").unwrap_err();
        assert_eq!(
            error.message,
            "There is no calendar view called \"year\": use agenda, week or month."
        );
        assert_eq!(error.text(Lang::En), error.message);
        assert_eq!(
            error.text(Lang::De),
            "Es gibt keine Kalenderansicht namens \"year\": Verwenden Sie agenda, week oder month."
        );
        let error = CalendarParams::from_query("date=tomorrow").unwrap_err();
        assert!(
            error
                .text(Lang::Ja)
                .starts_with("\"tomorrow\"は日付ではありません。")
        );
    }
}
