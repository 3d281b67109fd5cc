//! iCalendar → community file: each recurring VEVENT becomes a `[[series]]`.
//!
//! The feed is read by `touchpoint_calendar::parse`, so zones resolve as everywhere else
//! (IANA names, Windows names through CLDR's table, the file's VTIMEZONEs). A series needs an
//! IANA zone: a zone known only from the file's VTIMEZONE, a literal offset, a floating time
//! or an all-day event is written commented out with a TODO.
//!
//! The rule becomes a friendly `repeat` where one says exactly the same (see [`friendly`]),
//! else the raw `rrule`. `UNTIL` becomes `last` (the last date whose start is not after it);
//! `COUNT` stays in the raw rule. EXDATEs and cancelled overrides become cancellations,
//! other overrides moves, RDATEs extras. An event without a rule is a one-off: a series of one
//! (`rrule = "FREQ=DAILY;COUNT=1"`).

use std::collections::{HashMap, HashSet};

use jiff::civil::{self, Weekday};
use touchpoint_calendar::event_text::{join_url, plain_text};
use touchpoint_calendar::{End, Event, Freq, RDate, RRule, Status, Time, Tz};

use crate::draft::{self, Draft, DraftChange, DraftException, DraftRange, DraftSeries, Rule};
use crate::text::{Ids, monthly_phrase, weekly_phrase};
use crate::{ImportError, Imported, Note, Options};

/// The longest duration the community file accepts, in minutes (31 days).
const MAX_MINUTES: i64 = 31 * 24 * 60;

/// Import an iCalendar feed. Fails only when the bytes are not iCalendar at all.
pub fn from_ics(bytes: &[u8], options: &Options) -> Result<Imported, ImportError> {
    let parsed = touchpoint_calendar::parse(bytes)
        .map_err(|e| ImportError::new(format!("not an iCalendar file: {e}")))?;
    let calendar = parsed.calendar;
    let mut draft = Draft {
        name: calendar
            .name
            .clone()
            .unwrap_or_else(|| "Imported calendar".to_owned()),
        description: calendar.description.clone(),
        timezone: default_zone(&calendar),
        header: vec![
            "Imported by `touchpoint import ics` from an iCalendar feed.".to_owned(),
            format!("Import date: {}.", options.today),
        ],
        ..Draft::default()
    };
    for warning in &parsed.warnings {
        draft.notes.push(Note {
            subject: format!("line {}", warning.line),
            message: format!("the reader forgave: {}", warning.message),
        });
    }
    let mut overrides: HashMap<&str, Vec<&Event>> = HashMap::new();
    let masters: Vec<&Event> = calendar
        .events
        .iter()
        .filter(|e| e.recurrence_id.is_none())
        .collect();
    for event in calendar.events.iter().filter(|e| e.recurrence_id.is_some()) {
        overrides.entry(event.uid.as_str()).or_default().push(event);
    }
    let mut ids = Ids::default();
    // LFX's occurrences of one meeting, by meeting: the indices of their series.
    let mut lfx: HashMap<&str, Vec<usize>> = HashMap::new();
    for master in &masters {
        let own = overrides.remove(master.uid.as_str()).unwrap_or_default();
        let series = series(master, &own, &mut ids);
        if let Some(meeting) = lfx_meeting(master) {
            lfx.entry(meeting).or_default().push(draft.series.len());
        }
        draft
            .series
            .extend(split_at_range(series, master, &mut ids));
    }
    for (meeting, members) in lfx {
        if members.len() < 2 {
            continue;
        }
        let first = draft.series[members[0]].id.clone();
        for &i in &members {
            draft.series[i].todos.push(format!(
                "LFX wrote the {} occurrences of one recurring meeting (UID {meeting}-…) as \
                 separate events, written as series \"{first}\" and the {} after it: replace \
                 them with one series and its rule",
                members.len(),
                members.len() - 1
            ));
        }
    }
    // Overrides whose master is not in the feed (a shared single instance): one-offs.
    let mut orphans: Vec<&Event> = overrides.into_values().flatten().collect();
    orphans.sort_by(|a, b| a.uid.cmp(&b.uid));
    for orphan in orphans {
        let mut one = series(orphan, &[], &mut ids);
        one.comments
            .push("an instance whose recurring event is not in the feed".to_owned());
        draft.series.push(one);
    }
    Ok(draft::finish(draft))
}

/// The meeting an LFX Meetings event is an occurrence of: LFX writes each occurrence of a
/// recurring meeting as its own event, without RRULE, with `UID:{meeting}-{occurrence}@lfx.
/// linuxfoundation.org` (`meetingsToVEvents` in linuxfoundation/lfx-v2-ui; the fixture
/// `lfx.ics`).
fn lfx_meeting(event: &Event) -> Option<&str> {
    let local = event.uid.strip_suffix("@lfx.linuxfoundation.org")?;
    let (meeting, occurrence) = local.rsplit_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (event.rrules.is_empty() && digits(meeting) && digits(occurrence)).then_some(meeting)
}

/// The community's zone: the feed's `X-WR-TIMEZONE` when it is an IANA name, else the first
/// zoned event's, else UTC.
fn default_zone(calendar: &touchpoint_calendar::Calendar) -> String {
    calendar
        .timezone
        .as_deref()
        .and_then(Tz::iana)
        .map(|tz| tz.name.to_string())
        .or_else(|| {
            calendar
                .events
                .iter()
                .find_map(|e| e.start.tz().filter(|tz| Tz::iana(&tz.name).is_some()))
                .map(|tz| tz.name.to_string())
        })
        .unwrap_or_else(|| "UTC".to_owned())
}

/// `time` as a wall clock in `zone`.
fn local_in(time: &Time, zone: &Tz) -> civil::DateTime {
    match time {
        Time::Zoned(..) => time
            .instant(&zone.zone)
            .to_zoned_datetime(zone.zone.clone())
            .datetime(),
        other => other.civil(),
    }
}

/// One VEVENT (with its overrides) as a series.
fn series(event: &Event, overrides: &[&Event], ids: &mut Ids) -> DraftSeries {
    let title = event
        .summary
        .clone()
        .unwrap_or_else(|| "(no title)".to_owned());
    let mut series = DraftSeries {
        id: ids.unique(&title),
        title,
        // Google's editor writes HTML; the community file's description is text.
        description: (event.description.as_deref())
            .map(plain_text)
            .filter(|d| !d.trim().is_empty()),
        duration_minutes: 60,
        ..DraftSeries::default()
    };
    series.comments.push(format!("VEVENT UID {}", event.uid));
    links(event, &mut series);
    // A series that cannot be written live is still filled in as far as the feed says (its
    // first date, time, length and rule), so settling its TODO is one decision, not a trip
    // back to the feed.
    let zone = match &event.start {
        Time::Zoned(dt, tz) => {
            series.start = Some(dt.time());
            series.first = Some(dt.date());
            if Tz::iana(&tz.name).is_some() {
                series.timezone = Some(tz.name.to_string());
            } else {
                series.blocked.push(format!(
                    "its zone \"{}\" is not an IANA name (a VTIMEZONE of the file or a fixed \
                     offset): write the IANA zone it stands for",
                    tz.name
                ));
            }
            tz.clone()
        }
        Time::Floating(dt) => {
            series.start = Some(dt.time());
            series.first = Some(dt.date());
            series.blocked.push(
                "its time has no zone (floating): write the zone the meeting is held in".to_owned(),
            );
            Tz::utc()
        }
        Time::Date(date) => {
            series.first = Some(*date);
            series.blocked.push(
                "an all-day event: a series needs a start time (its length is the days it spans)"
                    .to_owned(),
            );
            Tz::utc()
        }
    };
    if event.status == Status::Cancelled {
        series
            .blocked
            .push("the whole event is cancelled (STATUS:CANCELLED) in the feed".to_owned());
    }
    duration(event, &zone, &mut series);
    recurrence(event, &zone, &mut series);
    if series.blocked.is_empty() {
        align_first(event, &mut series);
        exceptions(event, overrides, &zone, &mut series);
    }
    series
}

/// RFC 5545 counts DTSTART as the first meeting even when the rule does not give it; the
/// community file wants `first` to be a date the rule gives. Then `first` becomes the rule's
/// first date after DTSTART, and DTSTART an extra meeting.
fn align_first(event: &Event, series: &mut DraftSeries) {
    // A friendly rule on DTSTART's own weekday or day needs no probe (2,000 probes were 40 %
    // of a 2,000-series import).
    let plainly = matches!(series.rule, Rule::Repeat(_))
        && event
            .rrules
            .first()
            .zip(series.first)
            .is_some_and(|(rule, first)| gives(rule, first));
    if plainly || !draft::refuses_first(series) {
        return;
    }
    let (Some(start), Some(dtstart)) = (series.start, series.first) else {
        return;
    };
    let from = dtstart.to_datetime(start);
    let next = Regular::new(event).after(from);
    let Some(next) = next.filter(|n| series.last.is_none_or(|last| n.date() <= last)) else {
        series.blocked.push(format!(
            "its rule gives no meeting after DTSTART ({from}), which it does not give itself"
        ));
        return;
    };
    // COUNT counted DTSTART, which is now an extra.
    if let Some(mut rule) = event.rrules.first().cloned()
        && let Some(count) = rule.count
    {
        if count <= 1 {
            series
                .blocked
                .push("its COUNT=1 rule gives only DTSTART, which the rule does not give".into());
            return;
        }
        rule.count = Some(count - 1);
        rule.until = None;
        series.rule = Rule::Rrule(rule.to_string());
    }
    series.first = Some(next.date());
    series.exceptions.push(DraftException {
        date: dtstart,
        change: DraftChange::Extra(None),
    });
    series.comments.push(format!(
        "DTSTART {dtstart} is not a date the rule gives; it is a meeting all the same \
         (RFC 5545), written as an extra"
    ));
}

/// `join`: the first video-call link of the event's URL, LOCATION and DESCRIPTION (Google
/// writes the Meet link, Zoom's invitation its link, in the description), else its URL or a
/// LOCATION that is a link. A plain LOCATION goes into the description.
fn links(event: &Event, series: &mut DraftSeries) {
    let is_link = |s: &str| s.starts_with("https://") || s.starts_with("http://");
    let description = event.description.as_deref().map(plain_text);
    series.join = join_url(
        event.url.as_deref(),
        event.location.as_deref(),
        description.as_deref(),
    )
    .or_else(|| event.url.clone().filter(|u| is_link(u)));
    if let Some(location) = event.location.as_deref().map(str::trim) {
        if is_link(location) && series.join.is_none() {
            series.join = Some(location.to_owned());
        } else if !location.is_empty() && !is_link(location) {
            let description = series.description.take().unwrap_or_default();
            let joined = format!("{description}\n\nLocation: {location}");
            series.description = Some(joined.trim().to_owned());
        }
    }
}

/// A RANGE=THISANDFUTURE override (Outlook's and Apple's "this and following meetings")
/// re-times every later meeting: the series ends the day before it, and a second series goes
/// on from it at the new time, with the new length and title, as Google writes the same edit
/// (an UNTIL and a new event); a cancelled one ("cancel this and all following") ends the
/// series. The exceptions were read against the series as it was, which the later meetings no
/// longer are: only cancellations (of a date, either side) carry over. Where one more series
/// cannot say it exactly (several such overrides, a move to another day, a rule that counts
/// its meetings or names their hours, later meetings moved, kept as they were or added) the
/// series is written commented out: published as it stood, every later meeting would be at the
/// old time.
fn split_at_range(mut series: DraftSeries, master: &Event, ids: &mut Ids) -> Vec<DraftSeries> {
    let ranges = std::mem::take(&mut series.ranges);
    let [range] = ranges.as_slice() else {
        if !ranges.is_empty() {
            let mut dates: Vec<String> = ranges.iter().map(|r| r.from.date().to_string()).collect();
            if dates.len() > 5 {
                dates.truncate(5);
                dates.push("…".to_owned());
            }
            series.blocked.push(format!(
                "{} overrides change every later meeting (RANGE=THISANDFUTURE), from {}: \
                 split the series by hand",
                ranges.len(),
                dates.join(", ")
            ));
        }
        return vec![series];
    };
    let from = range.from.date();
    let (Some(start), Some(first)) = (series.start, series.first) else {
        return vec![series];
    };
    let counted = match &series.rule {
        Rule::Rrule(rule) => ["COUNT=", "BYHOUR=", "BYMINUTE=", "BYSECOND="]
            .iter()
            .any(|part| rule.contains(part)),
        Rule::Repeat(_) => false,
        Rule::Unknown => true,
    };
    // What was read against the series as it stood and means something else after `from`.
    let changed_later = series.exceptions.iter().any(|e| match e.change {
        DraftChange::Cancel(_) => false,
        DraftChange::Move(to) => e.date >= from || to.date() >= from,
        DraftChange::Extra(_) => e.date >= from,
    }) || series.unchanged.iter().any(|d| *d >= from);
    let day_before = from.yesterday().ok().filter(|day| first <= *day);
    // Changed from the first meeting on, with a meeting before it (DTSTART off the rule, an
    // RDATE): the series as changed cannot start before `from`.
    let earlier = day_before.is_none() && series.exceptions.iter().any(|e| e.date < from);
    let why_not = if changed_later {
        Some("later meetings were changed on their own".to_owned())
    } else if earlier {
        Some("the meeting before it is not one the rule gives (a DTSTART or an RDATE)".to_owned())
    } else if range.cancelled {
        None
    } else if range.to.date() != from {
        Some(format!("moves them to another day ({})", range.to.date()))
    } else if counted {
        Some("its rule counts its meetings or names their hours".to_owned())
    } else if !(1..=MAX_MINUTES).contains(&range.minutes) {
        Some(format!("makes them last {} minutes", range.minutes))
    } else {
        None
    };
    if let Some(why) = why_not {
        series.blocked.push(format!(
            "the override of {} changes every later meeting too (RANGE=THISANDFUTURE) and {why}: \
             split the series by hand",
            range.from
        ));
        return vec![series];
    }
    // Only cancellations are dated after `from` now; the moves before it, against the series
    // as it stood.
    let regular = Regular::new(master);
    if range.cancelled {
        let Some(day_before) = day_before else {
            series.blocked.push(format!(
                "the override of {} cancels it and every later meeting (RANGE=THISANDFUTURE): \
                 no meeting is left",
                range.from
            ));
            return vec![series];
        };
        series.exceptions.retain(|e| e.date < from);
        series.last = Some(series.last.map_or(day_before, |last| last.min(day_before)));
        moves_onto_meetings(&regular, start, &mut series);
        return vec![series];
    }
    let title = range.title.clone().unwrap_or_else(|| series.title.clone());
    let mut later = DraftSeries {
        id: ids.unique(&title),
        title,
        start: Some(range.to.time()),
        duration_minutes: range.minutes,
        first: Some(from),
        exceptions: series
            .exceptions
            .iter()
            .filter(|e| e.date >= from)
            .cloned()
            .collect(),
        comments: series
            .comments
            .iter()
            .filter(|c| c.starts_with("VEVENT UID "))
            .cloned()
            .chain([format!(
                "from {from} on, as its RANGE=THISANDFUTURE override changed it"
            )])
            .collect(),
        todos: Vec::new(),
        ..series.clone()
    };
    match day_before {
        Some(day_before) => {
            series.exceptions.retain(|e| e.date < from);
            series.last = Some(series.last.map_or(day_before, |last| last.min(day_before)));
            moves_onto_meetings(&regular, start, &mut series);
            vec![series, later]
        }
        // Changed from its first meeting on: one series, as changed.
        None => {
            later.id = series.id;
            later.todos = series.todos;
            vec![later]
        }
    }
}

fn duration(event: &Event, zone: &Tz, series: &mut DraftSeries) {
    let start = event.start.instant(&zone.zone);
    let minutes = match &event.end {
        Some(End::At(end)) => end.instant(&zone.zone).duration_since(start).as_secs() / 60,
        // RFC 5545 §3.6.1: an all-day event without an end is one day long.
        None if event.start.is_date() => 24 * 60,
        Some(End::Duration(span)) => {
            let zoned = start.to_zoned_datetime(zone.zone.clone());
            match zoned.checked_add(*span) {
                Ok(end) => end.timestamp().duration_since(start).as_secs() / 60,
                Err(_) => 0,
            }
        }
        None => 0,
    };
    if !(1..=MAX_MINUTES).contains(&minutes) {
        series.blocked.push(format!(
            "it lasts {minutes} minutes; a series lasts from 1 minute to 31 days: write its duration"
        ));
    }
    series.duration_minutes = minutes;
}

fn recurrence(event: &Event, zone: &Tz, series: &mut DraftSeries) {
    if !event.exrules.is_empty() {
        series
            .blocked
            .push("it has an EXRULE, which the community file cannot express".to_owned());
        return;
    }
    let [rule] = event.rrules.as_slice() else {
        if event.rrules.is_empty() {
            series.rule = Rule::Rrule("FREQ=DAILY;COUNT=1".to_owned());
            series.comments.push("a one-off meeting".to_owned());
        } else {
            series.blocked.push(format!(
                "it has {} RRULEs; a series has one rule",
                event.rrules.len()
            ));
        }
        return;
    };
    let mut rule = rule.clone();
    if let Some(until) = rule.until.take() {
        let Some(first) = series.first else {
            return;
        };
        let start = series.start.unwrap_or(civil::Time::midnight());
        let until = match &until {
            Time::Date(date) => *date,
            other => {
                let local = local_in(other, zone);
                if local.time() >= start {
                    local.date()
                } else {
                    local.date().yesterday().unwrap_or(local.date())
                }
            }
        };
        if until < first {
            series
                .blocked
                .push(format!("its UNTIL ({until}) is before its start"));
            return;
        }
        series.last = Some(until);
    }
    let first = series.first.map(|d| d.weekday());
    series.rule = match first.and_then(|day| friendly(&rule, day)) {
        Some(phrase) => Rule::Repeat(phrase),
        None => Rule::Rrule(rule.to_string()),
    };
}

/// Whether a rule of a shape [`friendly`] writes as a phrase certainly gives `first`.
fn gives(rule: &RRule, first: civil::Date) -> bool {
    match (
        rule.freq,
        rule.by_day.as_slice(),
        rule.by_month_day.as_slice(),
    ) {
        (Freq::Daily, [], []) => true,
        (Freq::Weekly, days, []) => {
            days.is_empty()
                || days
                    .iter()
                    .any(|d| d.nth == 0 && d.weekday == first.weekday())
        }
        (Freq::Monthly, [one], []) => {
            first.nth_weekday_of_month(one.nth, one.weekday).ok() == Some(first)
        }
        (Freq::Monthly, [], [day]) => first.day() == *day,
        _ => false,
    }
}

/// The `repeat` phrase that says exactly what `rule` says, if there is one. `first` is the
/// weekday of DTSTART (a weekly rule without BYDAY repeats on it).
fn friendly(rule: &RRule, first: Weekday) -> Option<String> {
    let only_days = rule.count.is_none()
        && rule.until.is_none()
        && rule.by_second.is_empty()
        && rule.by_minute.is_empty()
        && rule.by_hour.is_empty()
        && rule.by_year_day.is_empty()
        && rule.by_week_no.is_empty()
        && rule.by_month.is_empty()
        && rule.by_set_pos.is_empty();
    if !only_days || rule.interval == 0 {
        return None;
    }
    match (
        rule.freq,
        rule.by_day.as_slice(),
        rule.by_month_day.as_slice(),
    ) {
        (Freq::Daily, [], []) if rule.interval == 1 => Some("daily".to_owned()),
        (Freq::Weekly, days, []) if rule.interval <= 52 => {
            let mut plain: Vec<Weekday> = Vec::new();
            for day in days {
                if day.nth != 0 {
                    return None;
                }
                if !plain.contains(&day.weekday) {
                    plain.push(day.weekday);
                }
            }
            if plain.is_empty() {
                plain.push(first);
            }
            // With an interval, WKST decides which days share a week; the phrases count
            // weeks from Monday.
            if rule.interval > 1 && plain.len() > 1 && rule.wkst != Weekday::Monday {
                return None;
            }
            plain.sort_by_key(|d| d.to_monday_zero_offset());
            Some(weekly_phrase(rule.interval, &plain))
        }
        (Freq::Monthly, [one], []) if rule.interval == 1 => monthly_phrase(one.nth, one.weekday),
        (Freq::Monthly, [], [day]) if rule.interval == 1 && (1..=31).contains(day) => {
            Some(format!("monthly on day {day}"))
        }
        _ => None,
    }
}

/// EXDATEs, overrides and RDATEs as exceptions, one per date.
///
/// What the reader shows decides: among overrides of one meeting the one with the highest
/// SEQUENCE (then the last in the file), and an override beside an EXDATE of its meeting (some
/// producers write an EXDATE for every moved meeting; the reader keeps the override, and drops
/// the overrides a later edit excluded). An exception names a date, so a change to a meeting
/// at another time than the series' start (a rule with two meetings a day) is left out with a
/// TODO rather than written onto the wrong one.
fn exceptions(event: &Event, overrides: &[&Event], zone: &Tz, series: &mut DraftSeries) {
    let Some(start) = series.start else { return };
    // Each date's exception, by date (a feed may hold tens of thousands).
    let mut dated: HashMap<civil::Date, usize> = HashMap::new();
    let mut add =
        |series: &mut DraftSeries, exception: DraftException| match dated.get(&exception.date) {
            None => {
                dated.insert(exception.date, series.exceptions.len());
                series.exceptions.push(exception);
            }
            Some(&i) => {
                let todo = format!(
                    "{} has two changes in the feed ({} and {}); only the first is written",
                    exception.date,
                    series.exceptions[i].change.said(),
                    exception.change.said()
                );
                series.todos.push(todo);
            }
        };
    let regular = Regular::new(event);
    let mut overridden: HashSet<civil::Date> = HashSet::new();
    for (original, instance) in kept_overrides(overrides, zone) {
        if instance.this_and_future && !regular.at(original) {
            // The reader re-times every later meeting all the same.
            series.blocked.push(format!(
                "the override of {original} changes every later meeting (RANGE=THISANDFUTURE) \
                 but names no meeting the rule gives: split the series by hand"
            ));
            continue;
        }
        if !regular.at(original) {
            series.todos.push(format!(
                "the override of {original} replaces no meeting the rule gives; left out"
            ));
            continue;
        }
        if original.time() != start {
            series.todos.push(format!(
                "the override of {original} changes a meeting at another time than the series' \
                 {start}, which an exception (one per date) cannot name; left out"
            ));
            continue;
        }
        overridden.insert(original.date());
        if instance.this_and_future {
            let mut probe = DraftSeries::default();
            duration(instance, zone, &mut probe);
            series.ranges.push(DraftRange {
                from: original,
                to: local_in(&instance.start, zone),
                minutes: probe.duration_minutes,
                title: instance
                    .summary
                    .clone()
                    .filter(|t| Some(t) != event.summary.as_ref()),
                cancelled: instance.status == Status::Cancelled,
            });
            continue;
        }
        let change = if instance.status == Status::Cancelled {
            // Google copies the meeting's own description (its join link included) into a
            // cancelled instance: that is no reason to publish.
            let reason = (instance.description.as_ref())
                .filter(|d| Some(*d) != event.description.as_ref())
                .map(|d| plain_text(d))
                .filter(|d| !d.trim().is_empty());
            DraftChange::Cancel(reason.unwrap_or_else(|| "cancelled".to_owned()))
        } else {
            let moved = local_in(&instance.start, zone);
            override_todos(event, instance, zone, series, original);
            if moved == original {
                // Nothing to write, unless the series is split at a later date ([`split_at_range`]).
                series.unchanged.push(original.date());
                continue;
            }
            DraftChange::Move(moved)
        };
        add(
            series,
            DraftException {
                date: original.date(),
                change,
            },
        );
    }
    for exdate in &event.exdates {
        let local = local_in(exdate, zone);
        let local = if exdate.is_date() {
            local.date().to_datetime(start)
        } else {
            local
        };
        if !regular.at(local) {
            series.todos.push(format!(
                "EXDATE {local} is not a date the rule gives, so it removes nothing; left out"
            ));
        } else if local.time() != start {
            series.todos.push(format!(
                "EXDATE {local} cancels a meeting at another time than the series' {start}, \
                 which an exception (one per date) cannot name; left out"
            ));
        } else if !overridden.contains(&local.date()) {
            // Beside an override of its meeting, the override is what the reader shows (and
            // Touchpoint's own feeds write a cancellation as both: the override's reason).
            let change = DraftChange::Cancel("cancelled".to_owned());
            add(
                series,
                DraftException {
                    date: local.date(),
                    change,
                },
            );
        }
    }
    for rdate in &event.rdates {
        let (time, end) = match rdate {
            RDate::Time(time) => (time, None),
            RDate::Period(time, end) => (time, Some(end)),
        };
        let local = local_in(time, zone);
        if end.is_some() {
            series.todos.push(format!(
                "the extra meeting on {} has its own end, which the file cannot say; \
                 it is written with the usual duration",
                local.date()
            ));
        }
        let at = (local.time() != start).then_some(local.time());
        add(
            series,
            DraftException {
                date: local.date(),
                change: DraftChange::Extra(at),
            },
        );
    }
    series.exceptions.sort_by_key(|e| e.date);
    // A series split at a RANGE=THISANDFUTURE override has its moves checked once split.
    if series.ranges.is_empty() {
        moves_onto_meetings(&regular, start, series);
    }
}

/// An override moved onto a time the series meets at anyway (a regular meeting not cancelled
/// or moved away, or an earlier move's or an extra's time) is, in the source, a second
/// identical meeting at once. `touchpoint check` refuses such a `move_to`
/// (`duplicate-occurrence`), and commenting the whole series out for it would lose every other
/// meeting: the moved meeting is written as a cancellation of its own date instead (one meeting
/// at that time, as a person sees it in the source calendar), with a TODO.
fn moves_onto_meetings(regular: &Regular, start: civil::Time, series: &mut DraftSeries) {
    // The regular meetings that do not take place at their own time.
    let taken_away: HashSet<civil::DateTime> = series
        .exceptions
        .iter()
        .filter(|e| matches!(e.change, DraftChange::Cancel(_) | DraftChange::Move(_)))
        .map(|e| e.date.to_datetime(start))
        .collect();
    let mut added: HashSet<civil::DateTime> = series
        .exceptions
        .iter()
        .filter_map(|e| match e.change {
            DraftChange::Extra(at) => Some(e.date.to_datetime(at.unwrap_or(start))),
            _ => None,
        })
        .collect();
    for i in 0..series.exceptions.len() {
        let DraftChange::Move(to) = series.exceptions[i].change else {
            continue;
        };
        let onto_regular = !taken_away.contains(&to) && regular.at(to);
        if !onto_regular && added.insert(to) {
            continue;
        }
        let exception = &mut series.exceptions[i];
        let when = to.strftime("%Y-%m-%d %H:%M");
        series.todos.push(format!(
            "the override of {} moves it to {when}, when the series meets anyway; \
             written as a cancellation of {}",
            exception.date, exception.date
        ));
        exception.change = DraftChange::Cancel(format!("moved to the {when} meeting"));
    }
}

/// The overrides the reader keeps, each with the wall clock (in `zone`) of the meeting it
/// replaces, in the feed's order: among overrides of one meeting the highest SEQUENCE, then the
/// last in the file.
fn kept_overrides<'e>(overrides: &[&'e Event], zone: &Tz) -> Vec<(civil::DateTime, &'e Event)> {
    let mut kept: Vec<(civil::DateTime, &Event)> = Vec::with_capacity(overrides.len());
    let mut slots: HashMap<civil::DateTime, usize> = HashMap::with_capacity(overrides.len());
    for &instance in overrides {
        let Some(rid) = &instance.recurrence_id else {
            continue;
        };
        let original = local_in(rid, zone);
        match slots.get(&original) {
            Some(&slot) if kept[slot].1.sequence <= instance.sequence => {
                kept[slot].1 = instance;
            }
            Some(_) => {}
            None => {
                slots.insert(original, kept.len());
                kept.push((original, instance));
            }
        }
    }
    kept
}

/// The meetings an event's rule gives (no EXDATE, RDATE or override applied), asked one
/// wall-clock start at a time through the calendar engine.
struct Regular {
    calendar: touchpoint_calendar::Calendar,
}

impl Regular {
    fn new(event: &Event) -> Regular {
        let mut bare = event.clone();
        bare.exdates.clear();
        bare.rdates.clear();
        Regular {
            calendar: touchpoint_calendar::Calendar {
                events: vec![bare],
                ..touchpoint_calendar::Calendar::default()
            },
        }
    }

    /// The first meeting after `local` (wall clock in the event's zone), within ten years.
    fn after(&self, local: civil::DateTime) -> Option<civil::DateTime> {
        let end = local.checked_add(jiff::Span::new().years(10)).ok()?;
        let window = touchpoint_calendar::Window {
            start: local,
            end,
            zone: None,
        };
        let limits = touchpoint_calendar::Limits::default();
        touchpoint_calendar::expand(&self.calendar, &window, &limits)
            .occurrences
            .iter()
            .map(|o| o.start.civil())
            .find(|start| *start > local)
    }

    /// Whether a meeting starts at `local` (wall clock in the event's zone).
    fn at(&self, local: civil::DateTime) -> bool {
        let day = jiff::Span::new().days(1);
        let (Ok(start), Ok(end)) = (local.checked_sub(day), local.checked_add(day)) else {
            return false;
        };
        let window = touchpoint_calendar::Window {
            start,
            end,
            zone: None,
        };
        let limits = touchpoint_calendar::Limits::default();
        touchpoint_calendar::expand(&self.calendar, &window, &limits)
            .occurrences
            .iter()
            .any(|o| o.start.civil() == local)
    }
}

/// What an override changes that a move cannot carry.
fn override_todos(
    master: &Event,
    instance: &Event,
    zone: &Tz,
    series: &mut DraftSeries,
    original: civil::DateTime,
) {
    if instance.summary != master.summary {
        series.todos.push(format!(
            "the meeting of {original} has its own title {:?}, which the file cannot say",
            instance.summary.as_deref().unwrap_or("")
        ));
    }
    let mut probe = DraftSeries::default();
    duration(instance, zone, &mut probe);
    if probe.duration_minutes != series.duration_minutes {
        series.todos.push(format!(
            "the meeting of {original} lasts {} minutes instead of {}, which the file cannot say",
            probe.duration_minutes, series.duration_minutes
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use touchpoint_calendar::WeekdayNum;

    #[test]
    fn can_say_simple_rules_as_phrases() {
        let mut rule = RRule::new(Freq::Weekly);
        rule.interval = 2;
        assert_eq!(
            friendly(&rule, Weekday::Tuesday).as_deref(),
            Some("every 2 weeks on Tuesday")
        );
        let mut rule = RRule::new(Freq::Monthly);
        rule.by_day = touchpoint_calendar::smallvec![WeekdayNum {
            nth: -1,
            weekday: Weekday::Friday
        }];
        assert_eq!(
            friendly(&rule, Weekday::Friday).as_deref(),
            Some("monthly on the last Friday")
        );
        rule.by_set_pos = touchpoint_calendar::smallvec![1];
        assert_eq!(friendly(&rule, Weekday::Friday), None);
    }
}
