//! The calendar data model shared by the parser, the writer and the recurrence engine.
//!
//! A parsed VEVENT and a series from the community file compile to the same [`Event`], so one
//! engine expands both. Times are kept as written (wall clock plus zone) and resolved to instants
//! only when needed, following RFC 5545 §3.3.5 for gaps and folds.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, PoisonError, RwLock};

use jiff::civil::{self, Weekday};
use jiff::tz::TimeZone;
use jiff::{Span, Timestamp};
use smallvec::SmallVec;

/// A DATE or DATE-TIME value as a calendar writes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Time {
    /// `VALUE=DATE`: an all-day date.
    Date(civil::Date),
    /// A date-time with no zone: the same wall-clock time wherever the viewer is.
    Floating(civil::DateTime),
    /// A wall-clock date-time in a zone (UTC included). The zone is resolved (IANA, Windows name,
    /// or the file's own VTIMEZONE); its name for output is [`Tz::name`].
    Zoned(civil::DateTime, Tz),
}

impl Time {
    /// The wall-clock date-time (midnight for a date).
    pub fn civil(&self) -> civil::DateTime {
        match self {
            Time::Date(d) => d.to_datetime(civil::Time::midnight()),
            Time::Floating(dt) | Time::Zoned(dt, _) => *dt,
        }
    }

    /// Whether this is a `VALUE=DATE` (all-day) value.
    pub fn is_date(&self) -> bool {
        matches!(self, Time::Date(_))
    }

    /// The zone of a zoned value.
    pub fn tz(&self) -> Option<&Tz> {
        match self {
            Time::Zoned(_, tz) => Some(tz),
            _ => None,
        }
    }

    /// The instant this value denotes. Dates (at midnight) and floating values are read in
    /// `floating_zone`. Local times in a DST gap move forward by the gap and repeated local times
    /// take the first (earlier) instant, as RFC 5545 §3.3.5 says.
    pub fn instant(&self, floating_zone: &TimeZone) -> Timestamp {
        let (dt, zone) = match self {
            Time::Zoned(dt, tz) => (*dt, &tz.zone),
            other => (other.civil(), floating_zone),
        };
        wall_to_instant(zone, dt)
    }

    /// The JSON form used by `touchpoint occurrences --json` and the API: `YYYY-MM-DD` for dates,
    /// `YYYY-MM-DDTHH:MM:SS` for floating times, RFC 3339 with the offset for zoned times.
    pub fn to_json_string(&self) -> String {
        let mut out = Vec::with_capacity(25);
        self.push_json(&mut out);
        String::from_utf8(out).unwrap_or_else(|_| crate::format::reference(self))
    }

    /// Appends [`Time::to_json_string`]'s text (without quotes) to `out`, allocating nothing
    /// else (module `format`).
    pub fn push_json(&self, out: &mut Vec<u8>) {
        crate::format::push_time(out, self);
    }
}

/// Wall clock to instant with RFC 5545 §3.3.5 semantics (jiff's "compatible" disambiguation): a
/// time in a DST gap moves forward by the gap, a repeated time takes the first instant. Only a
/// date-time at the very edge of jiff's range can fail; it then saturates. Every crate turns
/// wall times into instants with this function.
pub fn wall_to_instant(zone: &TimeZone, dt: civil::DateTime) -> Timestamp {
    zone.to_ambiguous_timestamp(dt)
        .compatible()
        .unwrap_or(if dt.year() < 0 {
            Timestamp::MIN
        } else {
            Timestamp::MAX
        })
}

/// A resolved time zone, with the name it is published under.
#[derive(Clone, Debug)]
pub struct Tz {
    /// The name to write in TZID and show: the IANA name when known, else the TZID as written.
    /// Shared (`Arc`), because every zoned value of a feed carries its zone: cloning a `Time`
    /// must not allocate.
    pub name: Arc<str>,
    /// The rules.
    pub zone: TimeZone,
}

impl PartialEq for Tz {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Tz {
    /// UTC (one shared name: a clone, not an allocation, per UTC value).
    pub fn utc() -> Tz {
        static UTC: LazyLock<Tz> = LazyLock::new(|| Tz {
            name: Arc::from("UTC"),
            zone: TimeZone::UTC,
        });
        UTC.clone()
    }

    /// An IANA zone from jiff's bundled database, or `None` when the name is unknown.
    ///
    /// Each zone is read from the database once per process and shared: every series, feed
    /// and request naming Europe/Berlin holds the same rules, instead of each parsing (and
    /// keeping) its own copy. Only names the database knows are kept, by lower-cased name, so
    /// the cache is bounded by the database's size.
    pub fn iana(name: &str) -> Option<Tz> {
        static ZONES: LazyLock<RwLock<HashMap<Box<str>, Tz>>> = LazyLock::new(Default::default);
        let key = name.to_ascii_lowercase();
        let cached = ZONES
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(key.as_str())
            .cloned();
        if cached.is_some() {
            return cached;
        }
        let zone = jiff::tz::db().get(name).ok()?;
        let tz = Tz {
            name: Arc::from(zone.iana_name().unwrap_or(name)),
            zone,
        };
        ZONES
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key.into_boxed_str(), tz.clone());
        Some(tz)
    }

    /// Whether this is UTC (written with a trailing `Z`).
    pub fn is_utc(&self) -> bool {
        matches!(&*self.name, "UTC" | "Etc/UTC")
    }
}

/// Event status (`STATUS`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Status {
    /// No STATUS property.
    #[default]
    None,
    /// `TENTATIVE`.
    Tentative,
    /// `CONFIRMED`.
    Confirmed,
    /// `CANCELLED`: kept and shown struck through, never silently dropped.
    Cancelled,
}

impl Status {
    /// The lower-case name used in JSON output, or `None` for [`Status::None`].
    pub fn as_str(self) -> Option<&'static str> {
        match self {
            Status::None => None,
            Status::Tentative => Some("tentative"),
            Status::Confirmed => Some("confirmed"),
            Status::Cancelled => Some("cancelled"),
        }
    }
}

/// How an event's end is given.
#[derive(Clone, Debug)]
pub enum End {
    /// `DTEND`.
    At(Time),
    /// `DURATION` (nominal days and weeks, exact hours/minutes/seconds, as jiff spans do).
    Duration(Span),
}

impl PartialEq for End {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (End::At(a), End::At(b)) => a == b,
            (End::Duration(a), End::Duration(b)) => a.fieldwise() == b.fieldwise(),
            _ => false,
        }
    }
}

/// A value of `RDATE`: a start, or a period with its own end.
#[derive(Clone, Debug, PartialEq)]
pub enum RDate {
    /// A date or date-time.
    Time(Time),
    /// `VALUE=PERIOD`: start and explicit end.
    Period(Time, End),
}

/// Recurrence frequency (`FREQ`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Freq {
    /// `SECONDLY`.
    Secondly,
    /// `MINUTELY`.
    Minutely,
    /// `HOURLY`.
    Hourly,
    /// `DAILY`.
    Daily,
    /// `WEEKLY`.
    Weekly,
    /// `MONTHLY`.
    Monthly,
    /// `YEARLY`.
    Yearly,
}

/// One `BYDAY` entry: an optional ordinal (`-1` = last, `2` = second) and a weekday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeekdayNum {
    /// `0` when absent; otherwise 1..=53 or -53..=-1.
    pub nth: i8,
    /// The weekday.
    pub weekday: Weekday,
}

/// A recurrence rule (RFC 5545 §3.3.10). Parse with [`str::parse`], write with `Display`.
///
/// The BYxxx lists are [`SmallVec`]s: up to 8 or 16 values (by their size) are kept inline, so
/// a rule of the usual shape is one block of memory with no allocation of its own.
#[derive(Clone, Debug, PartialEq)]
pub struct RRule {
    /// `FREQ`.
    pub freq: Freq,
    /// `INTERVAL` (at least 1).
    pub interval: u32,
    /// `COUNT`.
    pub count: Option<u32>,
    /// `UNTIL`, in whatever value type the file used.
    pub until: Option<Time>,
    /// `BYSECOND` (0..=60).
    pub by_second: SmallVec<[u8; 16]>,
    /// `BYMINUTE` (0..=59).
    pub by_minute: SmallVec<[u8; 16]>,
    /// `BYHOUR` (0..=23).
    pub by_hour: SmallVec<[u8; 16]>,
    /// `BYDAY`.
    pub by_day: SmallVec<[WeekdayNum; 8]>,
    /// `BYMONTHDAY` (±1..=31).
    pub by_month_day: SmallVec<[i8; 16]>,
    /// `BYYEARDAY` (±1..=366).
    pub by_year_day: SmallVec<[i16; 8]>,
    /// `BYWEEKNO` (±1..=53).
    pub by_week_no: SmallVec<[i8; 16]>,
    /// `BYMONTH` (1..=12).
    pub by_month: SmallVec<[u8; 16]>,
    /// `BYSETPOS` (±1..=366).
    pub by_set_pos: SmallVec<[i16; 8]>,
    /// `WKST` (default Monday).
    pub wkst: Weekday,
}

impl RRule {
    /// A rule of the given frequency with every other part at its default.
    pub fn new(freq: Freq) -> RRule {
        RRule {
            freq,
            interval: 1,
            count: None,
            until: None,
            by_second: SmallVec::new(),
            by_minute: SmallVec::new(),
            by_hour: SmallVec::new(),
            by_day: SmallVec::new(),
            by_month_day: SmallVec::new(),
            by_year_day: SmallVec::new(),
            by_week_no: SmallVec::new(),
            by_month: SmallVec::new(),
            by_set_pos: SmallVec::new(),
            wkst: Weekday::Monday,
        }
    }
}

/// A VEVENT: a single event, a recurring master, or an override of one instance
/// (`recurrence_id` set).
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// `UID`. Events without one get a generated, stable UID from the parser.
    pub uid: String,
    /// `SUMMARY`, unescaped.
    pub summary: Option<String>,
    /// `DESCRIPTION`, unescaped.
    pub description: Option<String>,
    /// `LOCATION`, unescaped.
    pub location: Option<String>,
    /// `URL`.
    pub url: Option<String>,
    /// `STATUS`.
    pub status: Status,
    /// `SEQUENCE` (0 when absent); used only to choose between duplicates.
    pub sequence: i64,
    /// `DTSTART`.
    pub start: Time,
    /// `DTEND` or `DURATION`; `None` when both are missing (RFC 5545 §3.6.1 then applies).
    pub end: Option<End>,
    /// `RRULE`s (normally zero or one).
    pub rrules: Vec<RRule>,
    /// Legacy `EXRULE`s.
    pub exrules: Vec<RRule>,
    /// `RDATE` values.
    pub rdates: Vec<RDate>,
    /// `EXDATE` values.
    pub exdates: Vec<Time>,
    /// `RECURRENCE-ID`: set on an override of one instance of a recurring event.
    pub recurrence_id: Option<Time>,
    /// `RANGE=THISANDFUTURE` on the RECURRENCE-ID.
    pub this_and_future: bool,
    /// `LAST-MODIFIED`.
    pub last_modified: Option<Timestamp>,
    /// `CATEGORIES`.
    pub categories: Vec<String>,
    /// `ORGANIZER`, when the source names one (boxed: most events have none, and a big
    /// community holds many events).
    pub organizer: Option<Box<Organizer>>,
}

/// Who organizes an event: the `ORGANIZER` property's `CN` and `mailto:` address, as the
/// source published them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organizer {
    /// The `CN` parameter, the name to show.
    pub name: Option<String>,
    /// The address of a `mailto:` value (`jane@example.org`); `None` for any other URI.
    pub email: Option<String>,
}

impl Event {
    /// A single, non-recurring event with only a UID and a start.
    pub fn new(uid: impl Into<String>, start: Time) -> Event {
        Event {
            uid: uid.into(),
            summary: None,
            description: None,
            location: None,
            url: None,
            status: Status::None,
            sequence: 0,
            start,
            end: None,
            rrules: Vec::new(),
            exrules: Vec::new(),
            rdates: Vec::new(),
            exdates: Vec::new(),
            recurrence_id: None,
            this_and_future: false,
            last_modified: None,
            categories: Vec::new(),
            organizer: None,
        }
    }
}

/// A VCALENDAR: its calendar-level properties and its events (masters and overrides alike).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Calendar {
    /// `PRODID`.
    pub prodid: Option<String>,
    /// `X-WR-CALNAME`.
    pub name: Option<String>,
    /// `X-WR-CALDESC`.
    pub description: Option<String>,
    /// `X-WR-TIMEZONE`, as written.
    pub timezone: Option<String>,
    /// Every VEVENT, in file order.
    pub events: Vec<Event>,
}

#[cfg(test)]
mod tests {
    use jiff::civil::{DateTime, date};
    use jiff::tz::TimeZone;

    use super::wall_to_instant;

    fn madrid() -> TimeZone {
        TimeZone::get("Europe/Madrid").unwrap()
    }

    #[test]
    fn moves_a_time_in_a_gap_forward_and_takes_the_first_of_a_repeated_one() {
        // 2026-03-29 02:30 does not exist in Madrid (02:00 → 03:00): it is 03:30 CEST.
        let gap = wall_to_instant(&madrid(), date(2026, 3, 29).at(2, 30, 0, 0));
        assert_eq!(gap.to_string(), "2026-03-29T01:30:00Z");
        // 2026-10-25 02:30 happens twice: the first is CEST (UTC+2).
        let fold = wall_to_instant(&madrid(), date(2026, 10, 25).at(2, 30, 0, 0));
        assert_eq!(fold.to_string(), "2026-10-25T00:30:00Z");
    }

    #[test]
    fn saturates_at_the_edges_of_the_range_instead_of_falling_back_to_1970() {
        let behind_utc = TimeZone::fixed(jiff::tz::offset(-12));
        let ahead_of_utc = TimeZone::fixed(jiff::tz::offset(14));
        assert_eq!(
            wall_to_instant(&behind_utc, DateTime::MAX),
            jiff::Timestamp::MAX
        );
        assert_eq!(
            wall_to_instant(&ahead_of_utc, DateTime::MIN),
            jiff::Timestamp::MIN
        );
    }
}
