//! Compiling series to the calendar model, so the community's own meetings are expanded,
//! written and shown by the same engine as imported feeds.
//!
//! A series becomes a master [`Event`] (`DTSTART` = `first` + `start` in the series zone,
//! `DURATION`, one RRULE) plus, per exception: a cancellation is an `EXDATE` (with its time, in
//! the series zone) **and** a `STATUS:CANCELLED` override, so clients that honour either see it;
//! a move is an override with the new start; an extra is an `RDATE`. `last` becomes
//! `UNTIL` = `last` at 23:59:59 local time, converted to UTC (RFC 5545 requires UTC when DTSTART
//! has a zone), so the last date is inclusive whatever the meeting's time.
//!
//! A compiled event is what feeds publish, so it carries only the published join link
//! ([`crate::JoinPolicy::published`]): the `join` of a public series, the `register` link of a
//! registration one, and none otherwise, with a line in the description saying where the link
//! is instead.

use jiff::civil;
use jiff::tz::TimeZone;
use touchpoint_calendar::{Calendar, End, Event, RDate, Status, Time, Tz};

use crate::model::{Change, Community, JoinVisibility, Series};

/// The master event of a series without any exception applied.
pub(crate) fn master_event(series: &Series) -> Event {
    let mut event = Event::new(series.uid(), zoned(series, series.start_on(series.first)));
    event.summary = Some(series.title.to_string());
    event.description = published_description(series);
    event.url = series
        .join_policy
        .published(series.join.as_deref())
        .map(str::to_owned);
    event.end = Some(End::Duration(series.duration));
    event.categories = series.group.iter().cloned().collect();
    let mut rule = series.recurrence.to_rrule();
    if let Some(last) = series.last {
        rule.count = None;
        rule.until = Some(until(series, last));
    }
    event.rrules = vec![rule];
    event
}

/// The description feeds carry: the series' own, and where its join link is not public, where
/// to get it instead (the feed's `URL` is then the `register` link, or nothing).
fn published_description(series: &Series) -> Option<String> {
    let policy = &series.join_policy;
    let note = match policy.visibility {
        JoinVisibility::Public => None,
        JoinVisibility::NearStart => Some(format!(
            "The join link is shown on the meetings page from {} before the start.",
            policy.near_start_words()
        )),
        JoinVisibility::Registration => policy
            .register
            .as_ref()
            .map(|register| format!("Register to join: {register}")),
        JoinVisibility::Hidden => Some("The join link is not published.".to_owned()),
    };
    let contact = match policy.visibility {
        JoinVisibility::Public | JoinVisibility::Registration => None,
        _ => policy
            .contact
            .as_ref()
            .map(|contact| format!("Ask for it: {contact}")),
    };
    let parts: Vec<String> = [
        series.description.as_deref().map(str::to_owned),
        note,
        contact,
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

/// `last` at 23:59:59 in the series zone, as a UTC date-time.
fn until(series: &Series, last: civil::Date) -> Time {
    let local = last.to_datetime(civil::time(23, 59, 59, 0));
    let instant = Time::Zoned(local, series.timezone.clone()).instant(&TimeZone::UTC);
    let utc = instant.to_zoned_datetime(TimeZone::UTC).datetime();
    Time::Zoned(utc, Tz::utc())
}

fn zoned(series: &Series, dt: civil::DateTime) -> Time {
    Time::Zoned(dt, series.timezone.clone())
}

/// Every event of a series: the master (with EXDATEs and RDATEs) and its overrides.
pub(crate) fn series_events(series: &Series) -> Vec<Event> {
    let mut master = master_event(series);
    let mut overrides = Vec::new();
    for exception in &series.exceptions {
        let original = zoned(series, series.start_on(exception.date));
        match &exception.change {
            Change::None => {}
            Change::Cancel(reason) => {
                master.exdates.push(original.clone());
                let mut event = override_of(&master, original.clone(), original);
                event.status = Status::Cancelled;
                event.description = Some(reason.clone());
                overrides.push(event);
            }
            Change::Move(to) => {
                overrides.push(override_of(&master, original, zoned(series, *to)));
            }
            Change::Extra(time) => {
                let start = zoned(series, exception.date.to_datetime(*time));
                master.rdates.push(RDate::Time(start));
            }
        }
    }
    let mut events = Vec::with_capacity(1 + overrides.len());
    events.push(master);
    events.extend(overrides);
    events
}

/// An override of one instance: the master's data, no recurrence, a RECURRENCE-ID.
fn override_of(master: &Event, recurrence_id: Time, start: Time) -> Event {
    let mut event = Event::new(master.uid.clone(), start);
    event.summary = master.summary.clone();
    event.description = master.description.clone();
    event.url = master.url.clone();
    event.end = master.end.clone();
    event.categories = master.categories.clone();
    event.recurrence_id = Some(recurrence_id);
    event
}

impl Community {
    /// Every series compiled into one calendar (masters and overrides), named after the
    /// community, with its default zone as `X-WR-TIMEZONE`.
    pub fn to_calendar(&self) -> Calendar {
        self.calendar_of(self.series.iter())
    }

    /// One series alone as a calendar; `None` for an unknown id.
    pub fn series_calendar(&self, series_id: &str) -> Option<Calendar> {
        Some(self.calendar_of_series(self.series(series_id)?))
    }

    /// `series` (one of this community's) alone as a calendar, for callers that already hold
    /// it: compiling every series this way costs no lookup by id.
    pub fn calendar_of_series(&self, series: &Series) -> Calendar {
        let mut calendar = self.calendar_of(std::iter::once(series));
        calendar.name = Some(format!("{} — {}", self.info.name, series.title));
        calendar.description = series.description.as_deref().map(str::to_owned);
        calendar
    }

    /// A group's series as a calendar; `None` for an unknown group id (a known group without
    /// series gives an empty calendar).
    pub fn group_calendar(&self, group_id: &str) -> Option<Calendar> {
        let group = self.group(group_id)?;
        let mut calendar = self.calendar_of(self.group_series(group_id));
        calendar.name = Some(format!("{} — {}", self.info.name, group.title));
        calendar.description = group.description.as_deref().map(str::to_owned);
        Some(calendar)
    }

    fn calendar_of<'a>(&self, series: impl Iterator<Item = &'a Series>) -> Calendar {
        Calendar {
            prodid: Some("-//Touchpoint//Touchpoint//EN".to_owned()),
            name: Some(self.info.name.to_string()),
            description: self.info.description.as_deref().map(str::to_owned),
            timezone: Some(self.info.timezone.name.to_string()),
            events: {
                // Exact: a site keeps one calendar per series, and a collected `Vec` of events
                // (a few hundred bytes each) would otherwise hold room for four.
                let mut events: Vec<Event> = series.flat_map(series_events).collect();
                events.shrink_to_fit();
                events
            },
        }
    }
}
