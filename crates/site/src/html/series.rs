//! `/series/{id}`: one series of the community — description, links, the next dates in the
//! viewer's zone, past dates with their agenda, notes and recording, subscribe and
//! add-to-calendar (a Google Calendar template link and a one-occurrence `.ics`).

use jiff::civil::{self, Date};
use jiff::{Timestamp, ToSpan};
use maud::{Markup, html};
use touchpoint_calendar::{Calendar, End, Event, write};
use touchpoint_community::{Change, JoinVisibility, Series};

use super::layout::{
    Nav, cancel_note, join_link, layout, marker, moved_note, series_cadence, series_links,
    when_time,
};
use super::subscribe::{encode, subscribe};
use crate::i18n::{Arg, Lang, markup};
use crate::{Filter, Item, Join, Site, Viewer, paths, t};

/// How many coming dates the page lists.
pub const NEXT_DATES: usize = 10;
/// How many past dates the page lists (most recent first).
pub const PAST_DATES: usize = 12;

/// The local date (series zone) naming an occurrence of a series: the date of the regular
/// occurrence it stands for, which is how exceptions and the one-occurrence download name it.
pub fn occurrence_date(item: &Item<'_>) -> Date {
    item.recurrence_id
        .as_ref()
        .unwrap_or(&item.start)
        .civil()
        .date()
}

/// What names one occurrence of a series in its one-occurrence download: the date of the
/// regular occurrence it stands for ([`occurrence_date`]), and for an extra meeting its time as
/// the community file gives it, so that an extra on a day with a regular meeting has an address
/// of its own (`2026-12-16.ics` and `2026-12-16T1100.ics`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OccurrenceKey {
    /// The regular occurrence's date ([`occurrence_date`]).
    pub date: Date,
    /// The extra's time, on the series' wall clock; `None` for a regular occurrence.
    pub extra: Option<civil::Time>,
}

impl OccurrenceKey {
    /// The key of `item`, an occurrence of `series`.
    pub fn of(series: &Series, item: &Item<'_>) -> OccurrenceKey {
        let date = occurrence_date(item);
        let at = item.recurrence_id.as_ref().unwrap_or(&item.start).civil();
        let extra = series
            .exceptions
            .iter()
            .find_map(|exception| match exception.change {
                Change::Extra(time) if exception.date == date && at == date.to_datetime(time) => {
                    Some(time)
                }
                _ => None,
            });
        OccurrenceKey { date, extra }
    }

    /// The file name's stem: `2026-12-16`, or `2026-12-16T1100` for an extra.
    pub fn stem(&self) -> String {
        match self.extra {
            None => self.date.to_string(),
            Some(time) => format!("{}T{}", self.date, time.strftime("%H%M")),
        }
    }

    /// Reads a [`stem`](Self::stem) back.
    pub fn parse(stem: &str) -> Option<OccurrenceKey> {
        let (date, time) = match stem.split_once('T') {
            Some((date, time)) => (date, Some(time)),
            None => (stem, None),
        };
        let extra = match time {
            None => None,
            Some(hhmm) if hhmm.len() == 4 && hhmm.bytes().all(|b| b.is_ascii_digit()) => {
                let hour = hhmm[..2].parse().ok()?;
                let minute = hhmm[2..].parse().ok()?;
                Some(civil::Time::new(hour, minute, 0, 0).ok()?)
            }
            Some(_) => return None,
        };
        Some(OccurrenceKey {
            date: date.parse().ok()?,
            extra,
        })
    }
}

/// The keys of the next [`NEXT_DATES`] occurrences of series `id` that are not cancelled: the
/// one-occurrence downloads its page links to.
pub fn next_dates(site: &Site, id: &str, now: Timestamp) -> Vec<OccurrenceKey> {
    let Some(series) = site.community.series(id) else {
        return Vec::new();
    };
    site.next_of_series(id, now, NEXT_DATES)
        .iter()
        .filter(|item| !item.cancelled())
        .map(|item| OccurrenceKey::of(series, item))
        .collect()
}

fn series_filter(series: &Series) -> Filter {
    Filter {
        series: vec![series.id.clone()],
        own_only: true,
        ..Filter::default()
    }
}

/// The series page, or `None` when there is no series `id`.
pub fn series(site: &Site, viewer: &Viewer, now: Timestamp, id: &str) -> Option<Markup> {
    let series = site.community.series(id)?;
    let next = site.next_of_series(id, now, NEXT_DATES);
    let year_ago = now
        .checked_sub((366 * 24).hours())
        .unwrap_or(Timestamp::MIN);
    let mut past = site.items(year_ago, now, &viewer.tz.zone, &series_filter(series));
    let running = past.iter().filter(|item| item.end_at > now).count();
    past.retain(|item| item.end_at <= now);
    past.reverse();
    past.truncate(PAST_DATES);
    // The most recent past date's number in the series (the list counts down from it): every
    // date since the first, counted, not kept.
    let since_first = crate::start_of_day(series.first, &series.timezone.zone);
    let held = site
        .items_page(
            since_first,
            now,
            &viewer.tz.zone,
            &series_filter(series),
            None,
            0,
        )
        .total
        .saturating_sub(running);
    let group = series
        .group
        .as_deref()
        .and_then(|g| site.community.group(g));
    let lang = viewer.lang;
    let body = html! {
        h1 { (super::text(viewer, &series.title)) }
        p class="cadence" {
            (series_cadence(site, series, viewer, now)) " · "
            a href=(site.href(&paths::planner().with_query([("series", &*series.id)]))) { (t!(lang, "series-across-zones")) }
        }
        @if let Some(group) = group {
            p {
                (markup(lang, "series-part-of", &[(
                    "group",
                    Arg::Html(html! { a href=(site.href(&paths::group(&group.id))) { (super::text(viewer, &group.title)) } }),
                )]))
            }
        }
        @if let Some(description) = &series.description { p { (super::text(viewer, description)) } }
        (series_links(site, lang, series))
        section aria-labelledby="subscribe-h" {
            h2 id="subscribe-h" { (t!(lang, "subscribe")) }
            (subscribe(site, lang, &paths::series_feed(&series.id), super::text_str(viewer, &series.title), "series"))
            p { (t!(lang, "series-add-alone")) }
        }
        section aria-labelledby="next-h" {
            h2 id="next-h" { (t!(lang, "series-next-dates")) }
            @if next.is_empty() {
                p class="empty" { (t!(lang, "no-upcoming-dates")) }
            } @else {
                ol class="dates" {
                    @for item in &next { (upcoming_entry(site, viewer, now, series, item)) }
                }
            }
        }
        section aria-labelledby="past-h" {
            h2 id="past-h" { (t!(lang, "series-past-dates")) }
            @if past.is_empty() {
                p class="empty" { (t!(lang, "series-no-past-dates")) }
            } @else {
                ol class="dates" reversed start=(held) {
                    @for item in &past { (past_entry(site, viewer, series, item)) }
                }
            }
        }
    };
    let title = super::text_str(viewer, &series.title);
    Some(layout(site, title, Nav::Other, viewer, now, body))
}

fn upcoming_entry(
    site: &Site,
    viewer: &Viewer,
    now: Timestamp,
    series: &Series,
    item: &Item<'_>,
) -> Markup {
    let date = occurrence_date(item);
    let lang = viewer.lang;
    html! {
        li class={ "occ" @if item.cancelled() { " cancelled" } } {
            (when_time(viewer, item))
            (moved_note(site, viewer, item))
            (cancel_note(lang, item))
            (marker(viewer, item, now))
            // A near-start link shows beside its date while its window is open; public and
            // registration links are in the links list above.
            @if let Some(join @ Join::Link(_)) = site.join(item, now) {
                @if series.join_policy.visibility == JoinVisibility::NearStart {
                    " " (join_link(lang, &join, "join", super::text::item_title_str(viewer, item)))
                }
            }
            @if !item.cancelled() {
                " "
                span class="add" {
                    a href=(google_link(site, lang, series, item)) rel="nofollow noopener" {
                        (t!(lang, "google-calendar")) span class="sr" { " (" (date) ")" }
                    }
                    " · "
                    a href=(site.href(&paths::series_occurrence(&series.id, OccurrenceKey::of(series, item)))) download {
                        ".ics" span class="sr" { " " (t!(lang, "ics-for-date", date = date.to_string())) }
                    }
                }
            }
            (date_links(lang, series, date))
        }
    }
}

fn past_entry(site: &Site, viewer: &Viewer, series: &Series, item: &Item<'_>) -> Markup {
    let date = occurrence_date(item);
    html! {
        li class={ "occ" @if item.cancelled() { " cancelled" } } {
            (when_time(viewer, item))
            (moved_note(site, viewer, item))
            (cancel_note(viewer.lang, item))
            (date_links(viewer.lang, series, date))
        }
    }
}

/// The per-date agenda, notes and recording links of an exception.
pub(crate) fn date_links(lang: Lang, series: &Series, date: Date) -> Markup {
    let Some(exception) = series.exception_for(date) else {
        return html! {};
    };
    let links = [
        ("link-agenda", &exception.agenda),
        ("link-notes", &exception.notes),
        ("link-recording", &exception.recording),
    ];
    html! {
        @for (label, url) in links {
            @if let Some(url) = url {
                @if crate::safe_url(url) {
                    " · " a href=(url) {
                        (t!(lang, label)) span class="sr" { " " (t!(lang, "link-of-date", date = date.to_string())) }
                    }
                }
            }
        }
    }
}

/// A Google Calendar "create event" template link for one occurrence (a link the visitor
/// follows; the page itself never requests that origin).
pub fn google_link(site: &Site, lang: Lang, series: &Series, item: &Item<'_>) -> String {
    let stamp = |at: Timestamp| at.strftime("%Y%m%dT%H%M%SZ").to_string();
    let mut details = series
        .description
        .as_ref()
        .map(|text| text.get(lang).0.to_owned())
        .unwrap_or_default();
    // What lands in someone's calendar is published: the published link only.
    if let Some(link) = item.url() {
        let label = if item.register_url().is_some() {
            t!(lang, "join-register")
        } else {
            t!(lang, "join")
        };
        details.push_str(&format!("\n\n{label}: {link}"));
    }
    // Only an absolute link: a relative one is dead once it is in someone's calendar.
    if let Some(page) = site.absolute(&paths::series(&series.id)) {
        details.push_str(&format!("\n\n{page}"));
    }
    // `dates` is two UTC stamps of letters and digits around the `/` Google's format names.
    format!(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}/{}&details={}&ctz={}",
        encode(item.title()),
        stamp(item.start_at),
        stamp(item.end_at),
        encode(details.trim()),
        encode(&series.timezone.name),
    )
}

/// `/series/{id}/{date}.ics`: the one occurrence of series `id` whose regular date (series
/// zone) is `date`, as a stand-alone event to import; `None` when there is no such series or
/// occurrence, or it is cancelled.
pub fn occurrence_ics(site: &Site, id: &str, key: OccurrenceKey) -> Option<String> {
    let series = site.community.series(id)?;
    let date = key.date;
    let zone = &series.timezone.zone;
    // A moved occurrence may land days away from its regular date: look a week either side.
    let from = crate::start_of_day(date.saturating_sub(7.days()), zone);
    let to = crate::start_of_day(date.saturating_add(8.days()), zone);
    let items = site.items(from, to, zone, &series_filter(series));
    let item = items
        .iter()
        .find(|item| OccurrenceKey::of(series, item) == key && !item.cancelled())?;
    let mut event = Event::new(
        format!("{}-{}", key.stem(), series.uid()),
        item.start.clone(),
    );
    event.summary = Some(item.title().to_owned());
    event.description = item
        .event
        .description
        .clone()
        .or_else(|| series.description.as_deref().map(str::to_owned));
    // A file to keep: the published link only (the join link when public, else the
    // `register` link), and the join link as LOCATION only when it is one.
    event.url = item.url().map(str::to_owned);
    event.location = item.join_url();
    event.end = Some(End::At(item.end.clone()));
    let calendar = Calendar {
        prodid: Some(format!(
            "-//Touchpoint//Touchpoint {}//EN",
            env!("CARGO_PKG_VERSION")
        )),
        name: Some(format!("{} — {}", series.title, key.stem())),
        description: None,
        timezone: None,
        events: vec![event],
    };
    Some(write(&calendar, site.updated))
}
