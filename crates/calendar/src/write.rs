//! RFC 5545 writer: folding, escaping, and a VTIMEZONE generated from the tz database for every
//! zone used.
//!
//! The output is what Google Calendar, Apple Calendar, Outlook and Thunderbird accept from a
//! subscription: `VERSION:2.0`, a PRODID, `METHOD:PUBLISH`, refresh hints, one VTIMEZONE per TZID
//! used, CRLF line endings and lines folded at 75 octets without splitting a UTF-8 character.
//!
//! Each VTIMEZONE lists the zone's real transitions (from jiff's bundled tz database, or the
//! rules a parsed VTIMEZONE gave) from the earliest value that uses the zone to ten years after
//! the latest one or after `now`, whichever is later. Transitions with the same offsets and
//! abbreviation share one STANDARD or DAYLIGHT component: its DTSTART is the first, RDATEs all
//! of them (the first again, since ical.js ignores DTSTART beside RDATEs), one RDATE line per
//! date (ical.js reads only the first value of a multi-valued RDATE in a VTIMEZONE). That is exact for every year covered, including years whose rules differ.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::tz::{Offset, TimeZone};
use jiff::{SignedDuration, Span, Timestamp, civil};

use crate::model::{Calendar, End, Event, RDate, Status, Time, Tz, wall_to_instant};

/// The PRODID written when the calendar has none.
pub const DEFAULT_PRODID: &str = "-//Touchpoint//Touchpoint//EN";

/// How far past the latest value (or `now`) VTIMEZONE transitions are listed.
const YEARS_AHEAD: i64 = 10;
/// Most transitions listed for one zone (a zone changing every month for centuries stops here).
const MAX_TRANSITIONS: usize = 1000;

/// Render `calendar` as iCalendar text (CRLF line endings, lines folded at 75 octets). `now` is
/// the DTSTAMP of every event.
pub fn write(calendar: &Calendar, now: Timestamp) -> String {
    write_events(calendar, calendar.events.iter(), |_| None, now)
}

/// What identifies an event across versions of a feed: its UID, and the RECURRENCE-ID as
/// written for an override.
pub fn revision_key(event: &Event) -> String {
    match &event.recurrence_id {
        None => event.uid.clone(),
        Some(rid) => {
            let (params, value) = time_parts(rid);
            let range = if event.this_and_future {
                ";RANGE=THISANDFUTURE"
            } else {
                ""
            };
            format!("{} RECURRENCE-ID{params}{range}:{value}", event.uid)
        }
    }
}

/// A hash of the event as [`write_events`] writes it, without its SEQUENCE, LAST-MODIFIED and
/// DTSTAMP: it changes when anything a client shows changes (time, rule, exceptions, title,
/// location, status…). 64-bit FNV-1a, stable across builds, so replicas and restarts agree.
pub fn fingerprint(event: &Event) -> u64 {
    let mut out = Output::default();
    let fixed = Revision {
        sequence: 0,
        last_modified: Timestamp::UNIX_EPOCH,
    };
    write_event(&mut out, event, "", Some(fixed));
    crate::digest::digest(out.text.as_bytes())
}

/// SEQUENCE and LAST-MODIFIED to write for an event, in place of its own; its DTSTAMP is then
/// the LAST-MODIFIED too, so an unchanged event keeps its bytes (RFC 5545 §3.8.7.2 lets a
/// METHOD:PUBLISH feed say when the information was last revised).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Revision {
    /// The SEQUENCE.
    pub sequence: i64,
    /// The LAST-MODIFIED.
    pub last_modified: Timestamp,
}

/// [`write()`] for events held elsewhere (walked three times: to size the output, for the zones,
/// then to write them), with `calendar`'s own events ignored: a feed of many calendars' events
/// is written without copying them into one. An event for which `revision` gives one gets its
/// SEQUENCE, LAST-MODIFIED and DTSTAMP from it.
pub fn write_events<'e>(
    calendar: &Calendar,
    events: impl Iterator<Item = &'e Event> + Clone,
    revision: impl Fn(&Event) -> Option<Revision>,
    now: Timestamp,
) -> String {
    let mut out = Output {
        // Room for the usual event, so a big feed is not copied as it grows.
        text: String::with_capacity(1024 + 400 * events.clone().count()),
    };
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    let prodid = calendar.prodid.as_deref().unwrap_or(DEFAULT_PRODID);
    out.line(&format!("PRODID:{}", sanitize(prodid)));
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    if let Some(name) = &calendar.name {
        out.line(&format!("X-WR-CALNAME:{}", escape(name)));
    }
    if let Some(desc) = &calendar.description {
        out.line(&format!("X-WR-CALDESC:{}", escape(desc)));
    }
    if let Some(tz) = &calendar.timezone {
        out.line(&format!("X-WR-TIMEZONE:{}", sanitize(tz)));
    }
    out.line("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    out.line("X-PUBLISHED-TTL:PT1H");

    for (tz, range) in zones_used(events.clone()).values() {
        write_vtimezone(&mut out, tz, range, now);
    }
    if events.clone().next().is_none() {
        // RFC 5545 §3.4: a VCALENDAR holds at least one component. A feed with no events (a
        // group with no series yet, an outside calendar not fetched yet) gets the VTIMEZONE of
        // its X-WR-TIMEZONE (UTC without one, or for a name the tz database does not know): a
        // component every reader accepts and none shows.
        let tz = calendar
            .timezone
            .as_deref()
            .and_then(Tz::iana)
            .unwrap_or_else(Tz::utc);
        let at = tz.zone.to_datetime(now);
        write_vtimezone(&mut out, &tz, &(at, at), now);
    }
    let dtstamp = format_utc(now);
    for event in events {
        match revision(event) {
            Some(r) => write_event(&mut out, event, &format_utc(r.last_modified), Some(r)),
            None => write_event(&mut out, event, &dtstamp, None),
        }
    }
    out.line("END:VCALENDAR");
    out.text
}

/// Folded CRLF output.
#[derive(Default)]
struct Output {
    text: String,
}

impl Output {
    /// Append one content line, folded at 75 octets on character boundaries.
    fn line(&mut self, line: &str) {
        let mut rest = line;
        let mut limit = 75;
        loop {
            if rest.len() <= limit {
                self.text.push_str(rest);
                self.text.push_str("\r\n");
                return;
            }
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            self.text.push_str(&rest[..cut]);
            self.text.push_str("\r\n ");
            rest = &rest[cut..];
            // The leading space counts toward the next line's 75 octets.
            limit = 74;
        }
    }
}

/// Escape TEXT (RFC 5545 §3.3.11); control characters other than newline and tab are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A value written raw (URI, PRODID, TZID): control characters dropped so it stays one line.
fn sanitize(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

/// A parameter value, quoted when it holds `:`, `;` or `,` (quotes cannot be escaped: dropped).
fn param_value(value: &str) -> String {
    let clean: String = sanitize(value).chars().filter(|c| *c != '"').collect();
    if clean.contains([':', ';', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

fn format_civil(dt: civil::DateTime) -> String {
    dt.strftime("%Y%m%dT%H%M%S").to_string()
}

fn format_utc(ts: Timestamp) -> String {
    ts.strftime("%Y%m%dT%H%M%SZ").to_string()
}

fn format_date(d: civil::Date) -> String {
    d.strftime("%Y%m%d").to_string()
}

/// The `;PARAMS` and value of a time, keyed so values of one kind can share a line.
fn time_parts(t: &Time) -> (String, String) {
    match t {
        Time::Date(d) => (";VALUE=DATE".to_owned(), format_date(*d)),
        Time::Floating(dt) => (String::new(), format_civil(*dt)),
        Time::Zoned(dt, tz) if tz.is_utc() => (String::new(), format!("{}Z", format_civil(*dt))),
        Time::Zoned(dt, tz) => (
            format!(";TZID={}", param_value(&tz.name)),
            format_civil(*dt),
        ),
    }
}

fn write_time(out: &mut Output, name: &str, t: &Time, extra: &str) {
    let (params, value) = time_parts(t);
    out.line(&format!("{name}{params}{extra}:{value}"));
}

/// A period end in the start's value type: an explicit end or a duration.
fn period_end(end: &End) -> String {
    match end {
        End::At(t) => time_parts(t).1,
        End::Duration(span) => format_duration(span),
    }
}

/// RFC 5545 DURATION. Weeks are written alone only when nothing else is set (the grammar does
/// not mix them); years and months, which DURATION cannot express, count as 365 and 30 days.
pub fn format_duration(span: &Span) -> String {
    let negative = span.signum() < 0;
    let span = span.abs();
    let hours = span.get_hours() as i64;
    let minutes = span.get_minutes();
    let seconds = span.get_seconds();
    let weeks = span.get_weeks() as i64;
    let days =
        span.get_days() as i64 + span.get_years() as i64 * 365 + span.get_months() as i64 * 30;
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push('P');
    if weeks != 0 && days == 0 && hours == 0 && minutes == 0 && seconds == 0 {
        let _ = write!(out, "{weeks}W");
        return out;
    }
    let days = days + weeks * 7;
    if days != 0 {
        let _ = write!(out, "{days}D");
    }
    if hours != 0 || minutes != 0 || seconds != 0 || days == 0 {
        out.push('T');
        if hours != 0 {
            let _ = write!(out, "{hours}H");
        }
        if minutes != 0 {
            let _ = write!(out, "{minutes}M");
        }
        if seconds != 0 || (hours == 0 && minutes == 0) {
            let _ = write!(out, "{seconds}S");
        }
    }
    out
}

fn write_event(out: &mut Output, e: &Event, dtstamp: &str, revision: Option<Revision>) {
    out.line("BEGIN:VEVENT");
    out.line(&format!("DTSTAMP:{dtstamp}"));
    out.line(&format!("UID:{}", sanitize(&e.uid)));
    let (sequence, last_modified) = match revision {
        Some(r) => (r.sequence, Some(r.last_modified)),
        None => (e.sequence, e.last_modified),
    };
    out.line(&format!("SEQUENCE:{sequence}"));
    if let Some(ts) = last_modified {
        out.line(&format!("LAST-MODIFIED:{}", format_utc(ts)));
    }
    write_time(out, "DTSTART", &e.start, "");
    match &e.end {
        Some(End::At(t)) => write_time(out, "DTEND", t, ""),
        Some(End::Duration(span)) => out.line(&format!("DURATION:{}", format_duration(span))),
        None => {}
    }
    if let Some(rid) = &e.recurrence_id {
        let range = if e.this_and_future {
            ";RANGE=THISANDFUTURE"
        } else {
            ""
        };
        write_time(out, "RECURRENCE-ID", rid, range);
    }
    for rule in &e.rrules {
        out.line(&format!("RRULE:{rule}"));
    }
    for rule in &e.exrules {
        out.line(&format!("EXRULE:{rule}"));
    }
    let mut rdates: Vec<&Time> = Vec::new();
    for rdate in &e.rdates {
        match rdate {
            RDate::Time(t) => rdates.push(t),
            RDate::Period(start, end) => {
                let (params, value) = time_parts(start);
                let params = params.replace(";VALUE=DATE", "");
                out.line(&format!(
                    "RDATE;VALUE=PERIOD{params}:{value}/{}",
                    period_end(end)
                ));
            }
        }
    }
    write_time_list(out, "RDATE", &rdates);
    let exdates: Vec<&Time> = e.exdates.iter().collect();
    write_time_list(out, "EXDATE", &exdates);
    if let Some(status) = status_name(e.status) {
        out.line(&format!("STATUS:{status}"));
    }
    for (name, value) in [
        ("SUMMARY", &e.summary),
        ("DESCRIPTION", &e.description),
        ("LOCATION", &e.location),
    ] {
        if let Some(v) = value {
            out.line(&format!("{name}:{}", escape(v)));
        }
    }
    if let Some(url) = &e.url {
        out.line(&format!("URL:{}", sanitize(url)));
    }
    // ORGANIZER's value is an address (RFC 5545 §3.8.4.3): an organizer known only by name
    // is left out.
    if let Some(organizer) = &e.organizer
        && let Some(email) = &organizer.email
    {
        let cn = organizer
            .name
            .as_deref()
            .map(|name| format!(";CN={}", param_value(name)))
            .unwrap_or_default();
        out.line(&format!("ORGANIZER{cn}:mailto:{}", sanitize(email)));
    }
    if !e.categories.is_empty() {
        let cats: Vec<String> = e.categories.iter().map(|c| escape(c)).collect();
        out.line(&format!("CATEGORIES:{}", cats.join(",")));
    }
    out.line("END:VEVENT");
}

/// One line per run of values sharing a value type and TZID, comma-separated.
fn write_time_list(out: &mut Output, name: &str, times: &[&Time]) {
    let mut i = 0;
    while i < times.len() {
        let (params, first) = time_parts(times[i]);
        let mut values = vec![first];
        let mut j = i + 1;
        while j < times.len() {
            let (p, v) = time_parts(times[j]);
            if p != params {
                break;
            }
            values.push(v);
            j += 1;
        }
        out.line(&format!("{name}{params}:{}", values.join(",")));
        i = j;
    }
}

fn status_name(status: Status) -> Option<&'static str> {
    match status {
        Status::None => None,
        Status::Tentative => Some("TENTATIVE"),
        Status::Confirmed => Some("CONFIRMED"),
        Status::Cancelled => Some("CANCELLED"),
    }
}

/// Every non-UTC zone used by any value, by TZID, with the earliest and latest wall clock.
fn zones_used<'e>(
    events: impl Iterator<Item = &'e Event>,
) -> BTreeMap<String, (Tz, (civil::DateTime, civil::DateTime))> {
    let mut zones: BTreeMap<String, (Tz, (civil::DateTime, civil::DateTime))> = BTreeMap::new();
    let mut note = |t: &Time| {
        if let Time::Zoned(dt, tz) = t
            && !tz.is_utc()
        {
            let entry = zones
                .entry(tz.name.to_string())
                .or_insert_with(|| (tz.clone(), (*dt, *dt)));
            entry.1.0 = entry.1.0.min(*dt);
            entry.1.1 = entry.1.1.max(*dt);
        }
    };
    for e in events {
        note(&e.start);
        if let Some(End::At(t)) = &e.end {
            note(t);
        }
        for r in &e.rdates {
            match r {
                RDate::Time(t) => note(t),
                RDate::Period(t, end) => {
                    note(t);
                    if let End::At(t) = end {
                        note(t);
                    }
                }
            }
        }
        e.exdates.iter().for_each(&mut note);
        if let Some(t) = &e.recurrence_id {
            note(t);
        }
    }
    zones
}

/// `+0100`, `-0500`, `+053000`.
fn format_offset(offset: Offset) -> String {
    let s = offset.seconds();
    let sign = if s < 0 { '-' } else { '+' };
    let s = s.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

/// One observance group: every transition to the same offsets and abbreviation.
struct Group {
    daylight: bool,
    from: Offset,
    to: Offset,
    name: String,
    starts: Vec<civil::DateTime>,
}

fn write_vtimezone(
    out: &mut Output,
    tz: &Tz,
    (first, last): &(civil::DateTime, civil::DateTime),
    now: Timestamp,
) {
    out.line("BEGIN:VTIMEZONE");
    out.line(&format!("TZID:{}", sanitize(&tz.name)));
    let zone = &tz.zone;
    let (groups, end) = transition_groups(zone, *first, *last, now);
    // A rule still in force has a transition in the last two years walked.
    let ongoing_after = end.saturating_sub(Span::new().years(2));
    if groups.is_empty() {
        let offset = zone.to_offset(wall_to_instant(zone, *first));
        out.line("BEGIN:STANDARD");
        out.line("DTSTART:19700101T000000");
        out.line(&format!("TZOFFSETFROM:{}", format_offset(offset)));
        out.line(&format!("TZOFFSETTO:{}", format_offset(offset)));
        out.line("END:STANDARD");
    }
    for g in groups {
        // The longest run of transitions that follow one yearly rule, ending with the latest,
        // becomes a component with an RRULE (which clients extend past the listed years); the
        // earlier, irregular ones are listed with RDATE.
        let ongoing = g.starts.last().is_some_and(|l| *l >= ongoing_after);
        let split = (0..g.starts.len())
            .find(|i| ongoing && yearly_rule(&g.starts[*i..]).is_some())
            .unwrap_or(g.starts.len());
        let (irregular, regular) = g.starts.split_at(split);
        if !irregular.is_empty() {
            write_observance(out, &g, irregular, None);
        }
        if !regular.is_empty() {
            write_observance(out, &g, regular, yearly_rule(regular));
        }
    }
    out.line("END:VTIMEZONE");
}

fn write_observance(out: &mut Output, g: &Group, starts: &[civil::DateTime], rule: Option<String>) {
    let kind = if g.daylight { "DAYLIGHT" } else { "STANDARD" };
    out.line(&format!("BEGIN:{kind}"));
    out.line(&format!("DTSTART:{}", format_civil(starts[0])));
    match rule {
        Some(rule) => out.line(&format!("RRULE:{rule}")),
        // One RDATE line per date: ical.js (so Thunderbird) reads only the first value of a
        // multi-valued RDATE inside a VTIMEZONE and would miss every later transition. With
        // RDATEs and no RRULE, ical.js also skips DTSTART as an onset (libical did too, until
        // fixed upstream), so DTSTART is repeated as the first RDATE: the same onset twice is
        // harmless to every other reader.
        None if starts.len() > 1 => {
            for start in starts {
                out.line(&format!("RDATE:{}", format_civil(*start)));
            }
        }
        None => {}
    }
    out.line(&format!("TZOFFSETFROM:{}", format_offset(g.from)));
    out.line(&format!("TZOFFSETTO:{}", format_offset(g.to)));
    if !g.name.is_empty() {
        out.line(&format!("TZNAME:{}", escape(&g.name)));
    }
    out.line(&format!("END:{kind}"));
}

/// `FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU` when every start (at least two) falls on the same
/// weekday of the same week of the same month at the same time, as a zone's current rule does.
/// The rule then continues past the listed years, as clients expect from a VTIMEZONE.
fn yearly_rule(starts: &[civil::DateTime]) -> Option<String> {
    let first = starts.first()?;
    if starts.len() < 2 {
        return None;
    }
    let same = starts.iter().all(|d| {
        d.month() == first.month() && d.weekday() == first.weekday() && d.time() == first.time()
    });
    if !same {
        return None;
    }
    let nth = |d: &civil::DateTime| (d.day() - 1) / 7 + 1;
    let last = |d: &civil::DateTime| d.day() + 7 > d.date().days_in_month();
    let week = if starts.iter().all(last) {
        -1
    } else if starts.iter().all(|d| nth(d) == nth(first)) {
        nth(first)
    } else {
        return None;
    };
    let day = match first.weekday() {
        jiff::civil::Weekday::Monday => "MO",
        jiff::civil::Weekday::Tuesday => "TU",
        jiff::civil::Weekday::Wednesday => "WE",
        jiff::civil::Weekday::Thursday => "TH",
        jiff::civil::Weekday::Friday => "FR",
        jiff::civil::Weekday::Saturday => "SA",
        jiff::civil::Weekday::Sunday => "SU",
    };
    Some(format!(
        "FREQ=YEARLY;BYMONTH={};BYDAY={week}{day}",
        first.month()
    ))
}

/// The zone's transitions from the one in effect at `first` to ten years past `last` or `now`,
/// grouped, and the end of the walk.
fn transition_groups(
    zone: &TimeZone,
    first: civil::DateTime,
    last: civil::DateTime,
    now: Timestamp,
) -> (Vec<Group>, civil::DateTime) {
    let start = wall_to_instant(zone, first);
    let horizon = wall_to_instant(zone, last).max(now);
    let end = horizon
        .checked_add(SignedDuration::from_hours(24 * 366 * YEARS_AHEAD))
        .unwrap_or(Timestamp::MAX);
    let in_effect = zone.preceding(start).next();
    let transitions = in_effect
        .into_iter()
        .chain(zone.following(start).take_while(|t| t.timestamp() <= end))
        .take(MAX_TRANSITIONS);
    let mut groups: Vec<Group> = Vec::new();
    for t in transitions {
        let ts = t.timestamp();
        let before = ts.checked_sub(SignedDuration::from_secs(1)).unwrap_or(ts);
        let from = zone.to_offset(before);
        let to = t.offset();
        let daylight = t.dst().is_dst();
        let name = t.abbreviation();
        let local = from.to_datetime(ts);
        match groups
            .iter_mut()
            .find(|g| g.daylight == daylight && g.from == from && g.to == to && g.name == name)
        {
            Some(g) => g.starts.push(local),
            None => groups.push(Group {
                daylight,
                from,
                to,
                name: name.to_owned(),
                starts: vec![local],
            }),
        }
    }
    (groups, TimeZone::UTC.to_datetime(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_format_durations() {
        assert_eq!(format_duration(&Span::new().hours(1)), "PT1H");
        assert_eq!(format_duration(&Span::new().weeks(2)), "P2W");
        assert_eq!(format_duration(&Span::new().days(1).minutes(30)), "P1DT30M");
        assert_eq!(format_duration(&Span::new()), "PT0S");
        assert_eq!(format_duration(&Span::new().minutes(-15)), "-PT15M");
    }

    #[test]
    fn can_fold_without_splitting_characters() {
        let mut out = Output::default();
        let long = format!("SUMMARY:{}", "é".repeat(100));
        out.line(&long);
        for l in out.text.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = out.text.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{long}\r\n"));
    }

    #[test]
    fn can_format_offsets() {
        assert_eq!(format_offset(Offset::constant(-5)), "-0500");
        assert_eq!(
            format_offset(Offset::from_seconds(5 * 3600 + 1800).expect("offset")),
            "+0530"
        );
    }
}
