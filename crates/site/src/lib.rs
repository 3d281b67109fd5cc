//! Touchpoint's renderings of one community: HTML pages, iCalendar feeds and the JSON API.
//!
//! `touchpoint serve` and `touchpoint build` both hold a [`Site`] and call the same functions, so
//! the page, the feeds and the API are three renderings of one occurrence list ([`Site::items`])
//! and cannot disagree. Nothing here does I/O or reads the clock: "now" is a parameter.

pub mod api;
pub mod assets;
pub mod cadence;
pub mod embed;
pub mod export;
pub mod feeds;
pub mod html;
pub mod hub;
pub mod i18n;
pub mod openapi;
pub mod paths;
pub mod timegrid;
mod when;

use std::collections::HashMap;
use std::sync::Arc;

use jiff::civil;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use touchpoint_calendar::event_text as join;
use touchpoint_calendar::write::{self, Revision};
use touchpoint_calendar::{
    Calendar, Event, Limits, Status, Take, Time, Tz, Window, expand, expand_first,
};
use touchpoint_community::{CalendarSource, Community, JoinPolicy, JoinVisibility, Series};

pub use i18n::Lang;
pub use paths::SitePath;
pub use when::{
    ClockShift, HourCycle, Viewer, ViewerError, ZoneChoice, relative, relative_marker,
    relative_marker_in,
};

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

/// How an announcement channel fared, as the store's outbox tells (shown on `/health`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChannelStatus {
    /// The channel's id (`[[announce]] id`).
    pub channel: String,
    /// When it last sent a message.
    pub last_sent: Option<Timestamp>,
    /// The last failure (or drop), and when; never holds a secret (the announcer redacts).
    pub last_error: Option<(String, Timestamp)>,
    /// Messages waiting (due or not).
    pub pending: u64,
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
    /// When the refresher tries it next (already past: it is due); `None` when nothing
    /// refreshes it (the static export).
    pub next_attempt: Option<Timestamp>,
    /// Parse summary of the last good copy ("12 events, 1 warning").
    pub summary: Option<String>,
}

/// One community's site: everything a page, feed or API answer is rendered from.
///
/// What it renders lives in a shared [`Content`] (reached through `Deref`: `site.community`,
/// `site.sources`), so a copy of the site with another public URL
/// ([`Site::with_public_url`], one per origin when the server builds links from a proxy's
/// forwarded headers) costs two strings, not a copy of every calendar.
#[derive(Clone, Debug)]
pub struct Site {
    content: Arc<Content>,
    /// Path prefix the site is served under ("" at the root, "/meetings" under a sub-path).
    pub base_path: String,
    /// Public absolute URL of the site root, when known (used for webcal:// links and feeds).
    pub base_url: Option<String>,
    /// Whether the pages are rendered at the visit, by a server: only then may a page show a
    /// near-start join link ([`Site::join`]), since only then is its "now" the visitor's.
    /// `false` unless the server says (the static export, feeds, the API and embeds never
    /// show one).
    pub live: bool,
}

/// The start of an outside calendar's revision key (`outside-calendar:{id}`; alone, the key of
/// which calendars have a copy), beside the community's own events' (their UIDs, which hold an
/// `@`): see [`Site::published`].
pub const OUTSIDE_KEY: &str = "outside-calendar:";

/// What a [`Site`] renders, whatever its public URL.
#[derive(Clone, Debug)]
pub struct Content {
    /// The community file (shared with the loader: a big community is held once).
    pub community: Arc<Community>,
    /// Outside calendars, in file order.
    pub sources: Vec<Source>,
    /// When the content last changed: the DTSTAMP and Last-Modified of the feeds, so they stay
    /// byte-identical (and cacheable) between changes. The latest last good copy of an outside
    /// calendar until the store's revisions say when they last changed ([`Site::set_revisions`]).
    pub updated: Timestamp,
    /// The SEQUENCE and LAST-MODIFIED of the community's own events, by
    /// [`revision_key`](touchpoint_calendar::write::revision_key): what the store recorded for
    /// [`Site::published`] (see [`Site::set_revisions`]). Empty: SEQUENCE 0 and DTSTAMP
    /// [`Content::updated`].
    revisions: HashMap<String, Revision>,
    /// Each series compiled alone, index-aligned with `community.series`, so a page asking for
    /// one series or group expands only those (the home page asks once per card).
    by_series: Vec<Calendar>,
    /// The join links taken out of the events of outside calendars whose links are not
    /// public ([`join::scrub`]), by (calendar id, UID, recurrence id): only [`Site::join`]
    /// reads them.
    outside_joins: HashMap<OutsideKey, String>,
    /// Each series' regular starts by year, worked out as pages ask ([`Site::clock_previous`]).
    regular: RegularStarts,
}

/// Each series' regular starts ([`Site::clock_previous`]) by (series index, UTC year), with
/// the [`YEAR_LEAD`] before the year, worked out once when a page first lists one of them.
/// Every listed meeting looks up the one before it: one expansion each made an uncached agenda
/// page of a 1,000-series community take 36 ms instead of 23, and `touchpoint build` of it 40 %
/// longer. Cleared when it would hold more than [`REGULAR_HELD`] starts, as a visitor can ask
/// for any year (and an hourly series has 8,760 starts a year).
#[derive(Default)]
struct RegularStarts(std::sync::Mutex<ByYear>);

/// [`RegularStarts`]' entries, and how many starts they hold in all.
#[derive(Default)]
struct ByYear {
    lists: HashMap<(usize, i16), Arc<[Timestamp]>>,
    held: usize,
}

/// How far before its year a [`RegularStarts`] entry reaches: the gap of a monthly series.
const YEAR_LEAD: i64 = 40;

/// The most starts [`RegularStarts`] holds: 8 MiB.
const REGULAR_HELD: usize = 1 << 20;

impl Clone for RegularStarts {
    /// A copy starts empty: content copied is content changed.
    fn clone(&self) -> Self {
        RegularStarts::default()
    }
}

impl std::fmt::Debug for RegularStarts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RegularStarts")
    }
}

/// Which outside event a kept join link belongs to: calendar id, UID, recurrence id (instant).
type OutsideKey = (String, String, Option<Timestamp>);

fn outside_key(source: &Source, event: &Event) -> OutsideKey {
    (
        source.decl.id.clone(),
        event.uid.clone(),
        event
            .recurrence_id
            .as_ref()
            .map(|rid| rid.instant(&TimeZone::UTC)),
    )
}

/// What a page shows for joining one occurrence ([`Site::join`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Join<'a> {
    /// The video-call link: a public one, or a near-start one inside its window on a served
    /// page.
    Link(String),
    /// Register there to get the link.
    Register(&'a str),
    /// Near-start: the served page shows the link from `window` before the start.
    Later {
        /// How long before the start: 15 minutes by default.
        window: jiff::SignedDuration,
        /// Whom to ask meanwhile.
        contact: Option<&'a str>,
    },
    /// Hidden: only whom to ask.
    Ask {
        /// The contact, when the file names one.
        contact: Option<&'a str>,
    },
}

impl std::ops::Deref for Site {
    type Target = Content;

    fn deref(&self) -> &Content {
        &self.content
    }
}

/// Where an occurrence comes from.
#[derive(Clone, Copy, Debug)]
pub enum Origin<'a> {
    /// One of the community's own series.
    Series(&'a Series),
    /// An outside calendar.
    Source(&'a Source),
}

/// Where a page of [`Site::items_page`] ends: the start instant of its last item, and how many
/// items starting at that instant were listed so far (ties are ordered by title, then UID).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    /// The start instant of the last item listed.
    pub start: Timestamp,
    /// How many items starting at `start` were listed.
    pub skip: usize,
}

impl Cursor {
    /// Where the page after `items` starts, `items` being a page that began at `after`.
    pub fn after_page(items: &[Item<'_>], after: Option<Cursor>) -> Option<Cursor> {
        let last = items.last()?;
        let same = items
            .iter()
            .rev()
            .take_while(|i| i.start_at == last.start_at)
            .count();
        let before = match after {
            Some(after) if after.start == last.start_at => after.skip,
            _ => 0,
        };
        Some(Cursor {
            start: last.start_at,
            skip: before + same,
        })
    }
}

impl std::fmt::Display for Cursor {
    /// `SECONDS.SKIP`, the form `?after=` takes.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.start.as_second(), self.skip)
    }
}

impl std::str::FromStr for Cursor {
    type Err = String;

    fn from_str(s: &str) -> Result<Cursor, String> {
        let bad = || {
            format!(
                "`after` must be a cursor from a previous answer's `next`, got {:?}",
                s.chars().take(40).collect::<String>()
            )
        };
        let (seconds, skip) = s.split_once('.').ok_or_else(bad)?;
        // Digits only (and a minus sign for the seconds), as the OpenAPI document's pattern
        // says: Rust's integer parsing alone also reads a leading `+`.
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(seconds.strip_prefix('-').unwrap_or(seconds)) || !digits(skip) {
            return Err(bad());
        }
        let start = seconds
            .parse::<i64>()
            .ok()
            .and_then(|s| Timestamp::from_second(s).ok())
            .ok_or_else(bad)?;
        let skip = skip.parse::<usize>().map_err(|_| bad())?;
        Ok(Cursor { start, skip })
    }
}

/// A page of [`Site::items_page`].
#[derive(Debug)]
pub struct ItemsPage<'a> {
    /// The items, in [`Site::items`] order.
    pub items: Vec<Item<'a>>,
    /// Where the next page starts, when there are more.
    pub next: Option<Cursor>,
    /// How many items this page and the ones after it hold in all (counted, not kept): exactly
    /// for the community's own series; outside calendars count only up to the page, since
    /// listing the rest of a hostile feed's window could cost without bound.
    pub total: usize,
}

/// The earliest `keep` items of a stream, in [`Site::items`] order, kept in bounded memory:
/// items are appended, and when twice `keep` pile up they are sorted and the rest dropped.
struct Page<'a> {
    keep: usize,
    /// Items starting before this instant were listed by earlier pages: not kept.
    from: Option<Timestamp>,
    items: Vec<Item<'a>>,
    /// How many items were pushed and not dropped for starting before `from`.
    seen: usize,
}

impl<'a> Page<'a> {
    fn new(keep: usize, from: Option<Timestamp>) -> Page<'a> {
        Page {
            keep,
            from,
            items: Vec::new(),
            seen: 0,
        }
    }

    fn push(&mut self, item: Item<'a>) {
        if self.from.is_some_and(|from| item.start_at < from) {
            return;
        }
        self.seen += 1;
        self.items.push(item);
        if self.items.len() >= self.keep.saturating_mul(2).max(4096) {
            self.trim();
        }
    }

    fn trim(&mut self) {
        self.items.sort_by(order);
        self.items.truncate(self.keep);
    }

    fn finish(mut self) -> Vec<Item<'a>> {
        self.trim();
        self.items
    }
}

/// The order of [`Site::items`]: by start, then title, then UID.
fn order(a: &Item<'_>, b: &Item<'_>) -> std::cmp::Ordering {
    (a.start_at, a.title(), a.event.uid.as_str()).cmp(&(
        b.start_at,
        b.title(),
        b.event.uid.as_str(),
    ))
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

    /// A link for the occurrence, kept only when it is http(s) or mailto: for the community's
    /// own, the published join link ([`JoinPolicy::published`]: the join link when public, the
    /// `register` link under registration); for an outside calendar's, the event's URL (a join
    /// link there was taken out unless the calendar's links are public).
    pub fn url(&self) -> Option<&str> {
        let url = match self.origin {
            Origin::Series(series) => series.join_policy.published(series.join.as_deref()),
            Origin::Source(_) => self.event.url.as_deref(),
        };
        url.filter(|url| safe_url(url))
    }

    /// How its join link is shared: its series' or its calendar's policy.
    pub fn join_policy(&self) -> &JoinPolicy {
        match self.origin {
            Origin::Series(series) => &series.join_policy,
            Origin::Source(source) => &source.decl.join_policy,
        }
    }

    /// The `register` link, when the join link is shared by registration.
    pub fn register_url(&self) -> Option<&str> {
        let policy = self.join_policy();
        (policy.visibility == JoinVisibility::Registration)
            .then_some(policy.register.as_deref())
            .flatten()
            .filter(|url| safe_url(url))
    }

    /// The occurrence's description: the series' for the community's own, the event's for an
    /// outside calendar's (plain text, as the producer wrote it).
    pub fn description(&self) -> Option<&str> {
        let text = match self.origin {
            Origin::Series(series) => series.description.as_deref(),
            Origin::Source(_) => self.event.description.as_deref(),
        };
        text.filter(|t| !t.trim().is_empty())
    }

    /// [`Item::description`], a series' in `lang` where the community file gives it in it.
    pub fn description_in(&self, lang: Lang) -> Option<&str> {
        let text = match self.origin {
            Origin::Series(series) => series.description.as_ref().map(|d| d.get(lang).0),
            Origin::Source(_) => self.event.description.as_deref(),
        };
        text.filter(|t| !t.trim().is_empty())
    }

    /// Where it takes place, as the outside calendar's event says (the community's series have
    /// a join link instead).
    pub fn location(&self) -> Option<&str> {
        match self.origin {
            Origin::Series(_) => None,
            Origin::Source(_) => self
                .event
                .location
                .as_deref()
                .filter(|t| !t.trim().is_empty()),
        }
    }

    /// The public video-call link to join it, for anyone at any time (feeds, the API, embeds):
    /// the series' `join` for the community's own, else one found in the outside event's URL,
    /// location or description ([`join::join_url`]); `None` unless its join links are public
    /// (a page asks [`Site::join`]).
    pub fn join_url(&self) -> Option<String> {
        if self.join_policy().visibility != JoinVisibility::Public {
            return None;
        }
        match self.origin {
            Origin::Series(series) => series.join.clone().filter(|url| safe_url(url)),
            Origin::Source(_) => join::join_url(
                self.event.url.as_deref(),
                self.event.location.as_deref(),
                self.event.description.as_deref(),
            ),
        }
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

/// Which occurrences to list: the union of what `sources`, `series` and `groups` name (a
/// calendar ticked and a working group ticked show both), or everything when all three are
/// empty.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// These sources (ids of `[[calendars]]`, or `"community"` for every own series).
    pub sources: Vec<String>,
    /// These series.
    pub series: Vec<String>,
    /// These groups' series.
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

    /// Whether nothing is named, so everything is listed.
    fn is_everything(&self) -> bool {
        self.sources.is_empty() && self.series.is_empty() && self.groups.is_empty()
    }

    fn wants_series(&self, series: &Series) -> bool {
        self.is_everything()
            || self.sources.iter().any(|s| s == COMMUNITY)
            || self.series.contains(&series.id)
            || series
                .group
                .as_ref()
                .is_some_and(|group| self.groups.contains(group))
    }

    fn wants_source(&self, source: &Source) -> bool {
        !self.own_only && (self.is_everything() || self.sources.contains(&source.decl.id))
    }

    /// The first id that names nothing in `site`, checked in the order sources, groups, series.
    pub fn check(&self, site: &Site) -> Result<(), UnknownId> {
        let unknown = |kind: IdKind, ids: &[String], known: &dyn Fn(&str) -> bool| {
            ids.iter().find(|id| !known(id)).map(|id| UnknownId {
                kind,
                asked: id.clone(),
                known: kind.ids(site),
            })
        };
        let source = |id: &str| id == COMMUNITY || site.sources.iter().any(|s| s.decl.id == id);
        let group = |id: &str| site.community.group(id).is_some();
        let series = |id: &str| site.community.series(id).is_some();
        match unknown(IdKind::Source, &self.sources, &source)
            .or_else(|| unknown(IdKind::Group, &self.groups, &group))
            .or_else(|| unknown(IdKind::Series, &self.series, &series))
        {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }
}

/// The source id that names the community's own series in a [`Filter`] (`?source=community`).
pub const COMMUNITY: &str = "community";

/// What kind of id a filter names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    /// `source`: an outside calendar, or `community`.
    Source,
    /// `group`: a working group.
    Group,
    /// `series`: one of the community's series.
    Series,
}

impl IdKind {
    /// The query parameter that takes this kind of id.
    pub fn param(self) -> &'static str {
        match self {
            IdKind::Source => "source",
            IdKind::Group => "group",
            IdKind::Series => "series",
        }
    }

    /// What it is, for people: "calendar", "working group", "series".
    pub fn noun(self) -> &'static str {
        match self {
            IdKind::Source => "calendar",
            IdKind::Group => "working group",
            IdKind::Series => "series",
        }
    }

    /// Every id of this kind in `site` with its display name, in file order (`community` first
    /// for sources).
    pub fn ids(self, site: &Site) -> Vec<(String, String)> {
        let community = &site.community;
        match self {
            IdKind::Source => std::iter::once((
                COMMUNITY.to_owned(),
                format!("{} meetings", community.info.name),
            ))
            .chain(
                site.sources
                    .iter()
                    .map(|s| (s.decl.id.clone(), s.decl.name.clone())),
            )
            .collect(),
            IdKind::Group => community
                .groups
                .iter()
                .map(|g| (g.id.clone(), g.title.to_string()))
                .collect(),
            IdKind::Series => community
                .series
                .iter()
                .map(|s| (s.id.clone(), s.title.to_string()))
                .collect(),
        }
    }
}

/// A filter naming an id the site does not have: `?source=bogus`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownId {
    /// Which parameter.
    pub kind: IdKind,
    /// The id asked for.
    pub asked: String,
    /// The ids there are, with their names.
    pub known: Vec<(String, String)>,
}

impl std::fmt::Display for UnknownId {
    /// "no calendar \"bogus\" (`source`): the calendars are community, openssf".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let asked: String = self.asked.chars().take(60).collect();
        write!(
            f,
            "no {} {asked:?} (`{}`): ",
            self.kind.noun(),
            self.kind.param()
        )?;
        if self.known.is_empty() {
            return write!(f, "this community has none");
        }
        let ids: Vec<&str> = self.known.iter().map(|(id, _)| id.as_str()).collect();
        write!(f, "use one of {}", ids.join(", "))
    }
}

impl std::error::Error for UnknownId {}

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
        mut sources: Vec<Source>,
        updated: Timestamp,
    ) -> Site {
        let community = community.into();
        let outside_joins = take_outside_joins(&mut sources);
        let by_series = community
            .series
            .iter()
            .map(|series| community.calendar_of_series(series))
            .collect();
        Site {
            content: Arc::new(Content {
                updated,
                revisions: HashMap::new(),
                by_series,
                community,
                sources,
                outside_joins,
                regular: RegularStarts::default(),
            }),
            base_path: String::new(),
            base_url: None,
            live: false,
        }
    }

    /// The join link of `item` whatever its visibility (the series' `join`, or the link taken
    /// out of an outside event). Not for pages, feeds or answers, which go through
    /// [`Site::join`] and [`Item::join_url`]: for a reminder sent inside the near-start window
    /// (crates/announce).
    pub fn unpublished_join_url(&self, item: &Item<'_>) -> Option<String> {
        match item.origin {
            Origin::Series(series) => series.join.clone().filter(|url| safe_url(url)),
            Origin::Source(source) => match source.decl.join_policy.visibility {
                JoinVisibility::Public => item.join_url(),
                _ => self
                    .outside_joins
                    .get(&outside_key(source, item.event))
                    .cloned(),
            },
        }
    }

    /// What a page rendered at `now` shows for joining `item`: the link when it is public, or
    /// near-start and this is a served page ([`Site::live`]) inside the window; the `register`
    /// link; when the link shows up; or whom to ask. `None` when there is nothing to show (no
    /// join link, or a cancelled occurrence).
    pub fn join<'a>(&self, item: &Item<'a>, now: Timestamp) -> Option<Join<'a>> {
        if item.cancelled() {
            return None;
        }
        let policy: &'a JoinPolicy = match item.origin {
            Origin::Series(series) => &series.join_policy,
            Origin::Source(source) => &source.decl.join_policy,
        };
        let contact = policy.contact.as_deref().filter(|url| safe_url(url));
        let link = || self.unpublished_join_url(item);
        match policy.visibility {
            JoinVisibility::Public => link().map(Join::Link),
            JoinVisibility::Registration => policy
                .register
                .as_deref()
                .filter(|url| safe_url(url))
                .map(Join::Register),
            JoinVisibility::NearStart => {
                let link = link()?;
                if self.live && policy.shows_at(now, item.start_at, item.end_at) {
                    Some(Join::Link(link))
                } else {
                    Some(Join::Later {
                        window: policy.near_start,
                        contact,
                    })
                }
            }
            JoinVisibility::Hidden => {
                (link().is_some() || contact.is_some()).then_some(Join::Ask { contact })
            }
        }
    }

    /// Every event the community publishes as its own (each series' master and overrides), then
    /// each outside calendar it holds a copy of (its key [`OUTSIDE_KEY`] and id) and which
    /// those are ([`OUTSIDE_KEY`] alone), as (revision key, fingerprint): what the store's
    /// revisions are kept for.
    ///
    /// An outside calendar's fingerprint is that of the calendar as its feed writes it, with a
    /// fixed DTSTAMP: a refresh that brings the same events back (a `304`, the same bytes, or
    /// only a new DTSTAMP upstream) keeps it, so the store keeps the time it last changed. The
    /// list of those with a copy changes when one is added, removed or loses its copy, so that
    /// is a change too (the latest of the others' would not move).
    pub fn published(&self) -> Vec<(String, u64)> {
        let own = self.by_series.iter().flat_map(|calendar| &calendar.events);
        let own = own.map(|event| (write::revision_key(event), write::fingerprint(event)));
        let copies: Vec<&Source> = self
            .sources
            .iter()
            .filter(|source| source.calendar.is_some())
            .collect();
        let outside = copies.iter().filter_map(|source| {
            let calendar = source.calendar.as_ref()?;
            let written = write::write(calendar, Timestamp::UNIX_EPOCH);
            let fingerprint = touchpoint_calendar::digest::digest(written.as_bytes());
            Some((format!("{OUTSIDE_KEY}{}", source.decl.id), fingerprint))
        });
        let ids: Vec<&str> = copies.iter().map(|s| s.decl.id.as_str()).collect();
        let which = (!self.sources.is_empty()).then(|| {
            let fingerprint = touchpoint_calendar::digest::digest(ids.join("\n").as_bytes());
            (OUTSIDE_KEY.to_owned(), fingerprint)
        });
        own.chain(outside).chain(which).collect()
    }

    /// Set the revisions the store gave for [`Site::published`]: those of the community's own
    /// events are their SEQUENCE, LAST-MODIFIED and DTSTAMP in every feed; the latest of the
    /// outside calendars' is when they last changed, [`Content::updated`] (instead of their
    /// last good fetch, which every refresh moves though nothing changed).
    pub fn set_revisions(&mut self, revisions: impl IntoIterator<Item = (String, Revision)>) {
        let (outside, own): (Vec<_>, Vec<_>) = revisions
            .into_iter()
            .partition(|(key, _)| key.starts_with(OUTSIDE_KEY));
        let content = Arc::make_mut(&mut self.content);
        content.revisions = own.into_iter().collect();
        if let Some(changed) = outside.iter().map(|(_, r)| r.last_modified).max() {
            content.updated = changed;
        }
    }

    /// The revision of one of the community's own events, if the store gave one.
    pub fn revision(&self, event: &Event) -> Option<Revision> {
        if self.revisions.is_empty() {
            return None;
        }
        self.revisions.get(&write::revision_key(event)).copied()
    }

    /// When the community's own events last changed, if the store said.
    pub fn revised(&self) -> Option<Timestamp> {
        self.revisions.values().map(|r| r.last_modified).max()
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

    /// The language pages are written in when the visitor asks for none the site offers: the
    /// community file's `language` (English unless it says).
    pub fn default_lang(&self) -> Lang {
        self.community.info.language
    }

    /// The languages the site offers, the default first: the community file's `languages`
    /// (every language unless it says).
    pub fn languages(&self) -> &[Lang] {
        &self.community.info.languages
    }

    /// The language of a request: `?lang=` (a shared view, `query`), else the `lang` cookie
    /// (the visitor's pick), else the first language of `Accept-Language` the site offers,
    /// else the default. A value the site does not offer is passed over, never an error.
    pub fn language(&self, query: Option<&str>, cookie: Option<&str>, accept: &str) -> Lang {
        i18n::choose(query, cookie, accept, self.languages(), self.default_lang())
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
        self.items_page(from, to, zone, filter, None, usize::MAX)
            .items
    }

    /// One page of [`Site::items`]: at most `limit` items, starting after `after` (the cursor a
    /// previous page returned), and the cursor of the next page when there are more. Memory is
    /// bounded by the page, not by the window: however many occurrences the window holds, only
    /// the earliest `limit` (plus those the cursor skips) are kept while the series are expanded.
    pub fn items_page(
        &self,
        from: Timestamp,
        to: Timestamp,
        zone: &TimeZone,
        filter: &Filter,
        after: Option<Cursor>,
        limit: usize,
    ) -> ItemsPage<'_> {
        let window = Window {
            start: from.to_zoned_datetime(zone.clone()).datetime(),
            end: to.to_zoned_datetime(zone.clone()).datetime(),
            zone: Some(zone.clone()),
        };
        let limits = Limits::default();
        let skip = after.map_or(0, |c| c.skip);
        // Keep the earliest `keep` items: the ones the cursor skips, the page, and one more to
        // know whether another page follows.
        let keep = skip.saturating_add(limit).saturating_add(1);
        let mut items = Page::new(keep, after.map(|c| c.start));
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
            // Other people's feeds are asked for the page only: a feed of never-ending
            // SECONDLY events costs what the page holds, not what its window would.
            let take = Take {
                from: after.map(|c| c.start),
                count: keep,
            };
            for occ in expand_first(calendar, &window, &limits, &take).occurrences {
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
        let total = items.seen.saturating_sub(after.map_or(0, |c| c.skip));
        let mut items = items.finish();
        // Drop what earlier pages listed: the first `skip` items starting at the cursor's instant
        // (everything earlier was never kept).
        if let Some(after) = after {
            let listed = items
                .iter()
                .take(after.skip)
                .take_while(|i| i.start_at == after.start)
                .count();
            items.drain(..listed);
        }
        if items.len() <= limit {
            return ItemsPage {
                items,
                next: None,
                total,
            };
        }
        items.truncate(limit);
        let next = Cursor::after_page(&items, after);
        ItemsPage { items, next, total }
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

    /// The original start of the regular occurrence of `item`'s series before it: the previous
    /// instance of its rule that takes place (not cancelled, not an extra meeting), at the time
    /// the rule gave it even if an override moved it; searched in growing windows up to two
    /// years back. `None` for an outside calendar's occurrence and for a series' first.
    pub fn previous_regular(&self, item: &Item<'_>) -> Option<Timestamp> {
        let (series, calendar) = self.series_calendar(item)?;
        let own = regular_start(item);
        let mut days: i64 = 35;
        loop {
            let from = own
                .checked_sub((days * 24).hours())
                .unwrap_or(Timestamp::MIN);
            let previous = self.regular_starts(series, calendar, from, own).pop();
            if previous.is_some() || days >= i64::from(MAX_WINDOW_DAYS) {
                return previous;
            }
            days = (days * 4).min(i64::from(MAX_WINDOW_DAYS));
        }
    }

    /// The start to compare `item` with for "1 hour earlier than last time: clocks changed"
    /// ([`ClockShift`]): [`Site::previous_regular`], for a regular occurrence (not moved, not
    /// an extra meeting, not cancelled, at a time of day in a zone) when the series' own wall
    /// clock read the same then as now; `None` otherwise.
    pub fn clock_previous(&self, item: &Item<'_>) -> Option<Timestamp> {
        let zone = clock_zone(item)?;
        let own = regular_start(item);
        let index = self.series_index(item)?;
        let year = own.to_zoned_datetime(TimeZone::UTC).year();
        let starts = self.regular_in_year(index, year);
        // The latest before it, when its year's list (which reaches a month before the year)
        // has one; else a search back (a yearly series, a series' first).
        let previous = match starts.partition_point(|at| *at < own) {
            0 => self.previous_regular(item)?,
            n => starts[n - 1],
        };
        same_wall_clock(zone, previous, item.start_at).then_some(previous)
    }

    /// [`RegularStarts`]' entry for series `index` and UTC year `year`.
    fn regular_in_year(&self, index: usize, year: i16) -> Arc<[Timestamp]> {
        let memo = |memo: &mut ByYear| memo.lists.get(&(index, year)).cloned();
        if let Some(known) = self.regular.0.lock().ok().as_deref_mut().and_then(memo) {
            return known;
        }
        let first_day = |year: i16| {
            civil::Date::new(year, 1, 1)
                .map(|day| start_of_day(day, &TimeZone::UTC))
                .unwrap_or(Timestamp::MAX)
        };
        let to = first_day(year.saturating_add(1));
        let from = first_day(year)
            .checked_sub((YEAR_LEAD * 24).hours())
            .unwrap_or(Timestamp::MIN);
        let starts: Arc<[Timestamp]> = match self.series_at(index) {
            Some((series, calendar)) => self.regular_starts(series, calendar, from, to).into(),
            None => Arc::new([]),
        };
        if let Ok(mut memo) = self.regular.0.lock() {
            if memo.held.saturating_add(starts.len()) > REGULAR_HELD {
                *memo = ByYear::default();
            }
            memo.held += starts.len();
            if let Some(old) = memo.lists.insert((index, year), Arc::clone(&starts)) {
                // Another request made the same list meanwhile.
                memo.held -= old.len();
            }
        }
        starts
    }

    /// The series of one of the community's own occurrences, and its compiled calendar.
    fn series_calendar<'s>(&'s self, item: &Item<'s>) -> Option<(&'s Series, &'s Calendar)> {
        self.series_at(self.series_index(item)?)
    }

    /// The series at `index` in `community.series`, and its compiled calendar.
    fn series_at(&self, index: usize) -> Option<(&Series, &Calendar)> {
        Some((
            self.community.series.get(index)?,
            self.by_series.get(index)?,
        ))
    }

    /// The index in `community.series` of the series of one of the community's own
    /// occurrences.
    fn series_index(&self, item: &Item<'_>) -> Option<usize> {
        let Origin::Series(series) = item.origin else {
            return None;
        };
        self.community
            .series
            .iter()
            .position(|s| std::ptr::eq(s, series))
    }

    /// The original starts ([`regular_start`]) in `[from, to)` of `series`' occurrences that
    /// take place as the rule has them (not cancelled, not extra meetings), sorted.
    fn regular_starts(
        &self,
        series: &Series,
        calendar: &Calendar,
        from: Timestamp,
        to: Timestamp,
    ) -> Vec<Timestamp> {
        let utc = TimeZone::UTC;
        let window = Window {
            start: from.to_zoned_datetime(utc.clone()).datetime(),
            end: to.to_zoned_datetime(utc.clone()).datetime(),
            zone: Some(utc.clone()),
        };
        let mut starts: Vec<Timestamp> = expand(calendar, &window, &Limits::default())
            .occurrences
            .into_iter()
            .filter(|occ| occ.status != Status::Cancelled)
            .map(|occ| {
                item(
                    Origin::Series(series),
                    &calendar.events[occ.event],
                    occ,
                    &utc,
                )
            })
            .filter(|listed| {
                html::series::OccurrenceKey::of(series, listed)
                    .extra
                    .is_none()
            })
            .map(|listed| regular_start(&listed))
            .filter(|at| (from..to).contains(at))
            .collect();
        starts.sort_unstable();
        starts
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
            // Only the first `n` are kept while expanding (a group's or the community's window
            // can hold thousands); `total` says whether the window had enough.
            let page = self.items_page(now, to, zone, filter, None, n);
            if page.total >= n || days >= MAX_WINDOW_DAYS as i64 {
                return page.items;
            }
            days = (days * 4).min(MAX_WINDOW_DAYS as i64);
        }
    }

    /// The link to `path`: the site's base path, then the path (and its query).
    pub fn href(&self, path: &SitePath) -> String {
        format!("{}{path}", self.base_path)
    }

    /// The absolute URL of `path` when the public URL is known, else [`Site::href`].
    pub fn url(&self, path: &SitePath) -> String {
        self.absolute(path).unwrap_or_else(|| self.href(path))
    }

    /// Publish the site at `url` (`https://example.org/meetings/`): links get its path as their
    /// prefix, and subscription links its whole address. Only an `http`/`https` URL without
    /// query, fragment or credentials is accepted.
    pub fn set_public_url(&mut self, url: &str) -> Result<(), String> {
        let parsed = url::Url::parse(url).map_err(|e| {
            format!("{url:?} is not a URL ({e}): write the whole address, e.g. https://{url}/")
        })?;
        if !matches!(parsed.scheme(), "http" | "https") || !parsed.has_host() {
            return Err(format!("{url:?} must start with https:// or http://"));
        }
        if parsed.query().is_some() || parsed.fragment().is_some() || !parsed.username().is_empty()
        {
            return Err(format!(
                "{url:?} must be a plain address, without ?query, #fragment or user name"
            ));
        }
        let path = parsed.path().trim_end_matches('/').to_owned();
        self.base_url = Some(format!("{}{path}", parsed.origin().ascii_serialization()));
        self.base_path = path;
        Ok(())
    }

    /// This site published at `url` (see [`Site::set_public_url`]): a copy sharing the content.
    pub fn with_public_url(&self, url: &str) -> Result<Site, String> {
        let mut site = self.clone();
        site.set_public_url(url)?;
        Ok(site)
    }

    /// The absolute URL of `path`, when the public URL is known: what a subscription or an
    /// "add to calendar" link must carry (a relative link is dead once it leaves the page).
    pub fn absolute(&self, path: &SitePath) -> Option<String> {
        let base = self.base_url.as_deref()?;
        Some(format!("{}{path}", base.trim_end_matches('/')))
    }

    /// A `webcal://` link to a feed when the public URL is known, else [`Site::href`].
    pub fn webcal(&self, path: &SitePath) -> String {
        match &self.base_url {
            // The same address with the scheme calendar apps subscribe with.
            Some(base) => match url::Url::parse(base) {
                Ok(base) => {
                    let rest = &base[url::Position::AfterScheme..];
                    format!("webcal{}{path}", rest.trim_end_matches('/'))
                }
                Err(_) => self.href(path),
            },
            None => self.href(path),
        }
    }
}

/// Take the join links out of the events of every outside calendar whose links are not public
/// (its URL when it is one, and every video-call link and access line of its location and
/// description, [`join::scrub`]), so no page, feed, answer or embed can publish them; they are
/// returned for [`Site::join`].
fn take_outside_joins(sources: &mut [Source]) -> HashMap<OutsideKey, String> {
    let mut joins = HashMap::new();
    for source in sources.iter_mut() {
        let policy = &source.decl.join_policy;
        let instead = match policy.visibility {
            JoinVisibility::Public => continue,
            JoinVisibility::NearStart => format!(
                "[join link on the meetings page from {} before the start]",
                policy.near_start_words()
            ),
            JoinVisibility::Registration => match &policy.register {
                Some(register) => format!("[register to join: {register}]"),
                None => "[join link not published]".to_owned(),
            },
            JoinVisibility::Hidden => "[join link not published]".to_owned(),
        };
        let register = match policy.visibility {
            JoinVisibility::Registration => policy.register.clone(),
            _ => None,
        };
        let Some(calendar) = source.calendar.as_mut() else {
            continue;
        };
        let mut found = Vec::new();
        for event in &mut calendar.events {
            let link = join::join_url(
                event.url.as_deref(),
                event.location.as_deref(),
                event.description.as_deref(),
            );
            if event.url.as_deref().is_some_and(join::is_join_link) {
                event.url = register.clone();
            }
            event.location = event
                .location
                .as_deref()
                .and_then(|text| join::scrub(text, &instead));
            event.description = event
                .description
                .as_deref()
                .and_then(|text| join::scrub(text, &instead));
            if let Some(link) = link {
                found.push((event.uid.clone(), event.recurrence_id.clone(), link));
            }
        }
        for (uid, rid, link) in found {
            let key = (
                source.decl.id.clone(),
                uid,
                rid.map(|rid| rid.instant(&TimeZone::UTC)),
            );
            joins.insert(key, link);
        }
    }
    joins
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

/// When the rule has an occurrence: its original start (RECURRENCE-ID), or its start.
fn regular_start(item: &Item<'_>) -> Timestamp {
    let at = item.recurrence_id.as_ref().unwrap_or(&item.start);
    at.instant(&TimeZone::UTC)
}

/// The series' zone of a regular own occurrence that the clocks-changed note may be about: not
/// moved, not an extra meeting, not cancelled, at a time of day in a zone.
fn clock_zone<'i>(item: &'i Item<'_>) -> Option<&'i Tz> {
    let Origin::Series(series) = item.origin else {
        return None;
    };
    let Time::Zoned(_, zone) = &item.start else {
        return None;
    };
    let regular = !item.cancelled()
        && item.moved_from().is_none()
        && html::series::OccurrenceKey::of(series, item)
            .extra
            .is_none();
    regular.then_some(zone)
}

/// Whether `zone`'s wall clock reads the same time of day at `then` as at `now`.
fn same_wall_clock(zone: &Tz, then: Timestamp, now: Timestamp) -> bool {
    let clock = |at: Timestamp| at.to_zoned_datetime(zone.zone.clone()).time();
    clock(then) == clock(now)
}

/// Midnight of `date` in `zone`, as an instant.
pub fn start_of_day(date: civil::Date, zone: &TimeZone) -> Timestamp {
    Time::Date(date).instant(zone)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clock note's previous meeting, found through [`RegularStarts`], is the one a search
    /// back from each meeting finds: across year ends (the entry's lead), for weekly, monthly,
    /// fortnightly and yearly series, with cancelled, moved and extra dates, in two zones.
    #[test]
    fn can_find_each_previous_meeting_through_the_yearly_lists_as_a_search_would() {
        let series = |id: &str, zone: &str, repeat: &str, first: &str, extra: &str| {
            format!(
                "[[series]]\nid = \"{id}\"\ntitle = \"{id}\"\ntimezone = \"{zone}\"\n\
                 start = \"11:00\"\nduration = \"1h\"\n{repeat}\nfirst = {first}\n{extra}\n"
            )
        };
        let file = [
            "[community]\nname = \"T\"\ntimezone = \"UTC\"\n".to_owned(),
            series(
                "weekly",
                "America/New_York",
                "repeat = \"weekly on Thursday\"",
                "2025-12-04",
                "[[series.exceptions]]\ndate = 2026-12-31\ncancel = \"Holiday\"\n\
                 [[series.exceptions]]\ndate = 2027-01-07\nmove_to = 2027-01-08T11:00:00\n\
                 [[series.exceptions]]\ndate = 2027-01-05\nextra = true\n",
            ),
            series(
                "monthly",
                "Europe/Berlin",
                "repeat = \"monthly on the 3rd Thursday\"",
                "2025-12-18",
                "",
            ),
            series(
                "fortnightly",
                "Australia/Sydney",
                "repeat = \"every 2 weeks on Tuesday\"",
                "2025-12-02",
                "",
            ),
            series(
                "yearly",
                "America/New_York",
                "rrule = \"FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=20\"",
                "2026-03-20",
                "",
            ),
        ]
        .concat();
        let community = touchpoint_community::parse(&file)
            .unwrap_or_else(|d| panic!("{d:?}"))
            .community;
        let site = Site::new(community, Vec::new(), Timestamp::UNIX_EPOCH);
        let from: Timestamp = "2025-11-01T00:00:00Z".parse().unwrap();
        let to: Timestamp = "2029-02-01T00:00:00Z".parse().unwrap();
        let items = site.items(from, to, &TimeZone::UTC, &Filter::default());
        let mut compared = 0;
        for item in &items {
            let searched = clock_zone(item).and_then(|zone| {
                let previous = site.previous_regular(item)?;
                same_wall_clock(zone, previous, item.start_at).then_some(previous)
            });
            assert_eq!(site.clock_previous(item), searched, "{}", item.start_at);
            compared += usize::from(searched.is_some());
        }
        // Most meetings have one before them at the same wall clock; the lists were used.
        assert!(compared > 200, "{compared} of {}", items.len());
        let memo = site.regular.0.lock().unwrap();
        assert!(memo.lists.len() >= 4 * 4);
        let held: usize = memo.lists.values().map(|list| list.len()).sum();
        assert_eq!(memo.held, held);
    }
}
