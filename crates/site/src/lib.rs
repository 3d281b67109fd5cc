//! Touchpoint's renderings of one community: HTML pages, iCalendar feeds and the JSON API.
//!
//! `touchpoint serve` and `touchpoint build` both hold a [`Site`] and call the same functions, so
//! the page, the feeds and the API are three renderings of one occurrence list ([`Site::items`])
//! and cannot disagree. Nothing here does I/O or reads the clock: "now" is a parameter.

pub mod api;
pub mod embed;
pub mod feeds;
pub mod html;
pub mod openapi;
mod when;

use std::sync::Arc;

use jiff::civil;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use touchpoint_calendar::{Calendar, Event, Limits, Status, Time, Tz, Window, expand};
use touchpoint_community::{CalendarSource, Community, Series};

pub use when::{Viewer, ViewerError};

/// The longest window one request may ask for, so one request cannot ask for unbounded work.
pub const MAX_WINDOW_DAYS: i32 = 2 * 366;

/// How an outside calendar is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceStatus {
    /// The last attempt succeeded (or the source is read from the binary or disk).
    Ok,
    /// The last attempt failed but an earlier good copy is shown.
    Stale,
    /// No good copy has ever been fetched.
    Error,
    /// Not fetched yet.
    Pending,
}

impl SourceStatus {
    /// Lower-case name used in the API and on the health page.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceStatus::Ok => "ok",
            SourceStatus::Stale => "stale",
            SourceStatus::Error => "error",
            SourceStatus::Pending => "pending",
        }
    }
}

/// An outside calendar as the site shows it: its declaration, its last good copy and its health.
#[derive(Clone, Debug)]
pub struct Source {
    /// The `[[calendars]]` entry.
    pub decl: CalendarSource,
    /// The last good copy, parsed; `None` when there is none.
    pub calendar: Option<Calendar>,
    /// Health.
    pub status: SourceStatus,
    /// When the last good copy was fetched.
    pub last_success: Option<Timestamp>,
    /// When the source was last tried.
    pub last_attempt: Option<Timestamp>,
    /// The last error, when the last attempt failed.
    pub last_error: Option<String>,
    /// Parse summary of the last good copy ("12 events, 1 warning").
    pub summary: Option<String>,
}

/// One community's site: everything a page, feed or API answer is rendered from.
#[derive(Clone, Debug)]
pub struct Site {
    /// The community file (shared with the loader: a big community is held once).
    pub community: Arc<Community>,
    /// Outside calendars, in file order.
    pub sources: Vec<Source>,
    /// Path prefix the site is served under ("" at the root, "/meetings" under a sub-path).
    pub base_path: String,
    /// Public absolute URL of the site root, when known (used for webcal:// links and feeds).
    pub base_url: Option<String>,
    /// When the content last changed: the DTSTAMP and Last-Modified of the feeds, so they stay
    /// byte-identical (and cacheable) between changes.
    pub updated: Timestamp,
    /// When the community file last changed, when known (its modification time): the
    /// LAST-MODIFIED of the community's own events in the feeds and the source of their SEQUENCE
    /// (see [`feeds::sequence`]). `None` (the embedded example) writes SEQUENCE 0.
    pub revised: Option<Timestamp>,
    /// Each series compiled alone, index-aligned with `community.series`, so a page asking for
    /// one series or group expands only those (the home page asks once per card).
    by_series: Vec<Calendar>,
}

/// Where an occurrence comes from.
#[derive(Clone, Copy, Debug)]
pub enum Origin<'a> {
    /// One of the community's own series.
    Series(&'a Series),
    /// An outside calendar.
    Source(&'a Source),
}

/// One occurrence with everything needed to render it.
#[derive(Clone, Debug)]
pub struct Item<'a> {
    /// Where it comes from.
    pub origin: Origin<'a>,
    /// The event whose data applies (an override when one replaced this instance).
    pub event: &'a Event,
    /// The instance's original start, for recurring events.
    pub recurrence_id: Option<Time>,
    /// Start as written.
    pub start: Time,
    /// End as written.
    pub end: Time,
    /// Start instant (dates and floating times read in the viewer's zone).
    pub start_at: Timestamp,
    /// End instant.
    pub end_at: Timestamp,
    /// Status.
    pub status: Status,
}

impl Item<'_> {
    /// The series id, for the community's own occurrences.
    pub fn series(&self) -> Option<&str> {
        match self.origin {
            Origin::Series(series) => Some(series.id.as_str()),
            Origin::Source(_) => None,
        }
    }

    /// The outside source's id, for imported occurrences.
    pub fn source(&self) -> Option<&str> {
        match self.origin {
            Origin::Series(_) => None,
            Origin::Source(source) => Some(source.decl.id.as_str()),
        }
    }

    /// The title to show.
    pub fn title(&self) -> &str {
        match (&self.event.summary, self.origin) {
            (Some(summary), _) if !summary.trim().is_empty() => summary,
            (_, Origin::Series(series)) => &series.title,
            _ => "(untitled)",
        }
    }

    /// A link for the occurrence, kept only when it is http(s) or mailto.
    pub fn url(&self) -> Option<&str> {
        let url = match self.origin {
            Origin::Series(series) => series.join.as_deref(),
            Origin::Source(_) => self.event.url.as_deref(),
        };
        url.filter(|url| safe_url(url))
    }

    /// Whether this is an all-day occurrence.
    pub fn all_day(&self) -> bool {
        self.start.is_date()
    }

    /// Whether the occurrence is cancelled.
    pub fn cancelled(&self) -> bool {
        self.status == Status::Cancelled
    }

    /// The reason of a cancelled own occurrence (the override's description).
    pub fn cancel_reason(&self) -> Option<&str> {
        match self.origin {
            Origin::Series(_) if self.cancelled() => self.event.description.as_deref(),
            _ => None,
        }
    }
}

/// Which occurrences to list.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Only these sources (ids of `[[calendars]]`, or `"community"` for the own series); empty: all.
    pub sources: Vec<String>,
    /// Only these series; empty: all.
    pub series: Vec<String>,
    /// Only these groups' series; empty: all.
    pub groups: Vec<String>,
    /// Leave out outside calendars.
    pub own_only: bool,
}

impl Filter {
    /// Only the community's own series.
    pub fn own() -> Filter {
        Filter {
            own_only: true,
            ..Filter::default()
        }
    }

    fn wants_series(&self, series: &Series) -> bool {
        (self.sources.is_empty() || self.sources.iter().any(|s| s == "community"))
            && (self.series.is_empty() || self.series.contains(&series.id))
            && (self.groups.is_empty()
                || series
                    .group
                    .as_ref()
                    .is_some_and(|group| self.groups.contains(group)))
    }

    fn wants_source(&self, source: &Source) -> bool {
        !self.own_only
            && self.series.is_empty()
            && self.groups.is_empty()
            && (self.sources.is_empty() || self.sources.contains(&source.decl.id))
    }
}

/// Whether a link from an untrusted feed may be rendered as a link: http(s) and mailto only.
pub fn safe_url(url: &str) -> bool {
    let lower = url
        .trim_start()
        .get(..8)
        .unwrap_or(url)
        .to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}

impl Site {
    /// A site for `community` with the given outside calendars, whose content last changed at
    /// `updated`.
    pub fn new(
        community: impl Into<Arc<Community>>,
        sources: Vec<Source>,
        updated: Timestamp,
    ) -> Site {
        let community = community.into();
        let by_series = community
            .series
            .iter()
            .map(|series| community.calendar_of_series(series))
            .collect();
        Site {
            updated,
            revised: None,
            by_series,
            community,
            sources,
            base_path: String::new(),
            base_url: None,
        }
    }

    /// The community's series compiled into one calendar (what `/calendar.ics` publishes).
    /// Compiled on demand, not kept: the feeds that need it are cached.
    pub fn own(&self) -> Calendar {
        self.community.to_calendar()
    }

    /// The community's default display zone.
    pub fn default_tz(&self) -> &Tz {
        &self.community.info.timezone
    }

    /// Every occurrence that overlaps `[from, to)` (instants), merged over the own series and the
    /// outside calendars that `filter` selects, sorted by start. Dates and floating times are read
    /// in `zone`. The same UID and instance in two sources is listed once.
    pub fn items(
        &self,
        from: Timestamp,
        to: Timestamp,
        zone: &TimeZone,
        filter: &Filter,
    ) -> Vec<Item<'_>> {
        let window = Window {
            start: from.to_zoned_datetime(zone.clone()).datetime(),
            end: to.to_zoned_datetime(zone.clone()).datetime(),
            zone: Some(zone.clone()),
        };
        let limits = Limits::default();
        let mut items = Vec::new();
        let mut seen = std::collections::HashSet::new();

        for (series, calendar) in self.community.series.iter().zip(&self.by_series) {
            if !filter.wants_series(series) {
                continue;
            }
            for occ in expand(calendar, &window, &limits).occurrences {
                let event = &calendar.events[occ.event];
                items.push(item(Origin::Series(series), event, occ, zone));
            }
        }
        for source in &self.sources {
            let Some(calendar) = &source.calendar else {
                continue;
            };
            if !filter.wants_source(source) {
                continue;
            }
            for occ in expand(calendar, &window, &limits).occurrences {
                let event = &calendar.events[occ.event];
                let key = (
                    event.uid.clone(),
                    occ.recurrence_id
                        .as_ref()
                        .map(|rid| rid.instant(zone))
                        .unwrap_or(occ.start.instant(zone)),
                );
                if seen.insert(key) {
                    items.push(item(Origin::Source(source), event, occ, zone));
                }
            }
        }
        items.sort_by(|a, b| {
            (a.start_at, a.title(), a.event.uid.as_str()).cmp(&(
                b.start_at,
                b.title(),
                b.event.uid.as_str(),
            ))
        });
        items
    }

    /// The next `n` occurrences of one series starting at or after `now` (searched up to two
    /// years ahead).
    pub fn next_of_series(&self, series_id: &str, now: Timestamp, n: usize) -> Vec<Item<'_>> {
        let filter = Filter {
            series: vec![series_id.to_owned()],
            own_only: true,
            ..Filter::default()
        };
        self.upcoming(now, &filter, n)
    }

    /// The next `n` occurrences matching `filter` that end after `now`, searched up to two years
    /// ahead in growing windows so the common case stays cheap.
    pub fn upcoming(&self, now: Timestamp, filter: &Filter, n: usize) -> Vec<Item<'_>> {
        let zone = &self.default_tz().zone;
        let mut days = 35;
        loop {
            let to = now
                .checked_add((days * 24).hours())
                .unwrap_or(Timestamp::MAX);
            let mut items = self.items(now, to, zone, filter);
            if items.len() >= n || days >= MAX_WINDOW_DAYS as i64 {
                items.truncate(n);
                return items;
            }
            days = (days * 4).min(MAX_WINDOW_DAYS as i64);
        }
    }

    /// The link to the site root path with `path` appended (which starts with `/`).
    pub fn href(&self, path: &str) -> String {
        format!("{}{}", self.base_path, path)
    }

    /// A `webcal://` link to a feed path when the public URL is known, else the plain path.
    pub fn webcal(&self, path: &str) -> String {
        match &self.base_url {
            Some(base) => {
                let base = base.trim_end_matches('/');
                let rest = base
                    .strip_prefix("https://")
                    .or_else(|| base.strip_prefix("http://"))
                    .unwrap_or(base);
                format!("webcal://{rest}{path}")
            }
            None => self.href(path),
        }
    }
}

fn item<'a>(
    origin: Origin<'a>,
    event: &'a Event,
    occ: touchpoint_calendar::Occurrence,
    zone: &TimeZone,
) -> Item<'a> {
    Item {
        origin,
        event,
        start_at: occ.start.instant(zone),
        end_at: occ.end.instant(zone),
        recurrence_id: occ.recurrence_id,
        start: occ.start,
        end: occ.end,
        status: occ.status,
    }
}

/// Midnight of `date` in `zone`, as an instant.
pub fn start_of_day(date: civil::Date, zone: &TimeZone) -> Timestamp {
    Time::Date(date).instant(zone)
}
