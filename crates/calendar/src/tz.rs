//! Resolving TZIDs: IANA names, Windows names, path-prefixed TZIDs and VTIMEZONE rules.
//!
//! Calendar apps agree on an order, and so do we ([`resolve_tzid`]):
//!
//! 1. an IANA name from jiff's bundled database (results never depend on the host), even when the
//!    file carries its own VTIMEZONE for it — Google, Apple and Thunderbird do the same;
//! 2. a Windows zone ID ("W. Europe Standard Time") or Windows display name ("(UTC+01:00)
//!    Amsterdam, Berlin, …") mapped through CLDR's windowsZones table ([`windows_to_iana`]);
//! 3. a path-prefixed TZID ("/mozilla.org/20050126_1/Europe/Berlin",
//!    "/citadel.org/20190914_1/America/New_York") whose trailing components name an IANA zone;
//! 4. the file's own VTIMEZONE with that TZID, turned into a POSIX TZ rule (the zone's current
//!    yearly rule) or a fixed offset ([`VTimezone::to_tz`]);
//! 5. a literal offset such as "UTC+01:00" or "GMT-0500".
//!
//! What none of these resolve is `None`; the parser then warns and keeps the value floating (the
//! wall-clock time is the best information the file gives).

use jiff::civil;
use jiff::tz::{Offset, TimeZone};

use crate::model::{Freq, RRule, Tz};

#[path = "windows_zones.rs"]
mod windows_zones;

use windows_zones::{DISPLAY_TO_WINDOWS, WINDOWS_TO_IANA};

/// One STANDARD or DAYLIGHT sub-component of a VTIMEZONE.
#[derive(Clone, Debug, PartialEq)]
pub struct Observance {
    /// `true` for DAYLIGHT, `false` for STANDARD.
    pub daylight: bool,
    /// `DTSTART`: the local time (in `offset_from`) at which this observance begins.
    pub start: civil::DateTime,
    /// `TZOFFSETFROM`.
    pub offset_from: Offset,
    /// `TZOFFSETTO`.
    pub offset_to: Offset,
    /// `TZNAME`, when given.
    pub name: Option<String>,
    /// `RRULE`, when the observance recurs (normally yearly).
    pub rrule: Option<RRule>,
    /// `RDATE`s: further local start times of the observance.
    pub rdates: Vec<civil::DateTime>,
}

impl Observance {
    /// When this observance last begins: never-ending for a rule without UNTIL or COUNT, else
    /// the latest of DTSTART, the RDATEs and the rule's UNTIL.
    fn last_onset(&self) -> civil::DateTime {
        let mut last = self
            .rdates
            .iter()
            .copied()
            .fold(self.start, civil::DateTime::max);
        if let Some(rule) = &self.rrule {
            match (&rule.until, rule.count) {
                (None, None) => return civil::DateTime::MAX,
                (Some(until), _) => last = last.max(until.civil()),
                (None, Some(_)) => {}
            }
        }
        last
    }
}

/// A VTIMEZONE as read from a file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VTimezone {
    /// `TZID`.
    pub tzid: String,
    /// Its STANDARD and DAYLIGHT sub-components, in file order.
    pub observances: Vec<Observance>,
}

impl VTimezone {
    /// The zone these rules describe, named by the TZID: the current yearly rule as a POSIX TZ
    /// zone when the latest STANDARD and DAYLIGHT both recur yearly, else the fixed offset of the
    /// latest observance. `None` without observances.
    ///
    /// Only the current rule is kept: a VTIMEZONE is consulted only for TZIDs that name no known
    /// zone, and the events such files carry are recent.
    pub fn to_tz(&self) -> Option<Tz> {
        let latest = self.observances.iter().max_by_key(|o| o.last_onset())?;
        let zone = self
            .posix_zone(latest)
            .unwrap_or_else(|| TimeZone::fixed(latest.offset_to));
        Some(Tz {
            name: self.tzid.as_str().into(),
            zone,
        })
    }

    fn posix_zone(&self, latest: &Observance) -> Option<TimeZone> {
        let latest_of = |daylight: bool| {
            self.observances
                .iter()
                .filter(|o| o.daylight == daylight)
                .max_by_key(|o| o.last_onset())
        };
        let std = latest_of(false)?;
        let dst = latest_of(true)?;
        // The newest observance must itself recur; a zone that abolished DST ends on a one-off.
        let std_rule = yearly_rule(std)?;
        let dst_rule = yearly_rule(dst)?;
        latest.rrule.as_ref()?;
        let posix = format!(
            "{}{}{}{},{},{}",
            posix_name(std.offset_to),
            posix_offset(std.offset_to),
            posix_name(dst.offset_to),
            posix_offset(dst.offset_to),
            dst_rule,
            std_rule
        );
        TimeZone::posix(&posix).ok()
    }
}

/// `<+0100>`-style abbreviation for a POSIX TZ string.
fn posix_name(offset: Offset) -> String {
    let s = offset.seconds();
    let sign = if s < 0 { '-' } else { '+' };
    let s = s.unsigned_abs();
    format!("<{sign}{:02}{:02}>", s / 3600, s / 60 % 60)
}

/// POSIX offsets count west of Greenwich as positive.
fn posix_offset(offset: Offset) -> String {
    let s = -offset.seconds();
    let sign = if s < 0 { "-" } else { "" };
    let s = s.unsigned_abs();
    format!("{sign}{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// `Mm.w.d/hh:mm:ss` from a yearly RRULE (BYMONTH with BYDAY `nSU`/`-1SU`, or the older
/// BYDAY=SU;BYMONTHDAY=8,9,…,14 form), or `None` when the rule is not a yearly weekday rule
/// still in force.
fn yearly_rule(o: &Observance) -> Option<String> {
    let rule = o.rrule.as_ref()?;
    if rule.freq != Freq::Yearly || rule.interval != 1 || rule.until.is_some() {
        return None;
    }
    if rule.count.is_some() {
        return None;
    }
    let month = *rule.by_month.first().unwrap_or(&(o.start.month() as u8));
    let day = rule.by_day.first()?;
    let week = match day.nth {
        n @ 1..=4 => n as u8,
        -1 | 5 => 5,
        0 => {
            // BYMONTHDAY=8,9,10,11,12,13,14 means "the second weekday of the month".
            let first = *rule.by_month_day.iter().filter(|d| **d > 0).min()?;
            if first >= 22 {
                5
            } else {
                (first as u8 - 1) / 7 + 1
            }
        }
        _ => return None,
    };
    let weekday = day.weekday.to_sunday_zero_offset();
    let t = o.start.time();
    Some(format!(
        "M{month}.{week}.{weekday}/{}:{:02}:{:02}",
        t.hour(),
        t.minute(),
        t.second()
    ))
}

/// The IANA zone a Windows zone ID or Windows display name maps to (CLDR windowsZones,
/// territory "001"), matched without regard to ASCII case.
pub fn windows_to_iana(name: &str) -> Option<&'static str> {
    let name = name.trim();
    if let Some((_, iana)) = WINDOWS_TO_IANA
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(name))
    {
        return Some(iana);
    }
    let windows = display_to_windows(name)?;
    WINDOWS_TO_IANA
        .iter()
        .find(|(w, _)| *w == windows)
        .map(|(_, iana)| *iana)
}

/// Outlook writes display names with "UTC" or "GMT", sometimes truncated or with the city list
/// cut short; match on the offset plus a prefix of the city list.
fn display_to_windows(name: &str) -> Option<&'static str> {
    if !name.starts_with('(') {
        return None;
    }
    let (offset, cities) = split_display(name)?;
    if cities.is_empty() {
        return None;
    }
    DISPLAY_TO_WINDOWS.iter().find_map(|(display, windows)| {
        let (d_offset, d_cities) = split_display(display)?;
        let same_offset = d_offset == offset || (d_offset.is_empty() && offset == "+00:00");
        let d = d_cities.as_bytes();
        let c = cities.as_bytes();
        let prefix = c.len() <= d.len() && d[..c.len()].eq_ignore_ascii_case(c);
        let extended = d.len() <= c.len() && c[..d.len()].eq_ignore_ascii_case(d);
        (same_offset && (prefix || extended)).then_some(*windows)
    })
}

/// `"(UTC+01:00) Amsterdam, …"` → `("+01:00", "Amsterdam, …")`.
fn split_display(name: &str) -> Option<(&str, &str)> {
    let inner_end = name.find(')')?;
    let inner = &name[1..inner_end];
    let offset = inner
        .strip_prefix("UTC")
        .or_else(|| inner.strip_prefix("GMT"))?;
    Some((offset, name[inner_end + 1..].trim()))
}

/// An IANA zone by name, refusing jiff's "Etc/Unknown" placeholder.
fn iana(name: &str) -> Option<Tz> {
    if name.is_empty() || name.eq_ignore_ascii_case("etc/unknown") {
        return None;
    }
    Tz::iana(name)
}

/// A literal offset TZID: `UTC+01:00`, `GMT-0500`, `UTC+1`.
fn literal_offset(tzid: &str) -> Option<Tz> {
    let rest = tzid
        .strip_prefix("UTC")
        .or_else(|| tzid.strip_prefix("GMT"))?;
    let (sign, digits) = match rest.as_bytes().first()? {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => return None,
    };
    let digits: String = digits.chars().filter(|c| *c != ':').collect();
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m) = if digits.len() <= 2 {
        (digits.parse::<i32>().ok()?, 0)
    } else {
        let split = digits.len() - 2;
        (
            digits[..split].parse::<i32>().ok()?,
            digits[split..].parse::<i32>().ok()?,
        )
    };
    if h > 14 || m > 59 {
        return None;
    }
    let offset = Offset::from_seconds(sign * (h * 3600 + m * 60)).ok()?;
    Some(Tz {
        name: tzid.into(),
        zone: TimeZone::fixed(offset),
    })
}

/// Resolve a TZID as calendar apps do (see the module documentation for the order), using the
/// file's own VTIMEZONEs for names no database knows.
pub fn resolve_tzid(tzid: &str, vtimezones: &[VTimezone]) -> Option<Tz> {
    let tzid = clean_tzid(tzid)?;
    if let Some(tz) = database_zone(tzid) {
        return Some(tz);
    }
    if let Some(tz) = vtimezones
        .iter()
        .rev()
        .find(|v| v.tzid == tzid)
        .and_then(VTimezone::to_tz)
    {
        return Some(tz);
    }
    literal_offset(tzid)
}

/// The steps of [`resolve_tzid`] that do not depend on the file's VTIMEZONEs (IANA names,
/// Windows names, path prefixes): a zone found here is final as soon as the TZID is read.
pub(crate) fn known_tzid(tzid: &str) -> Option<Tz> {
    database_zone(clean_tzid(tzid)?)
}

/// A TZID without surrounding spaces and quotes; `None` when nothing is left.
fn clean_tzid(tzid: &str) -> Option<&str> {
    let tzid = tzid.trim().trim_matches('"').trim();
    (!tzid.is_empty()).then_some(tzid)
}

/// A cleaned TZID ([`clean_tzid`]) as the tz database knows it: an IANA name, a Windows name,
/// or an IANA name behind a path prefix.
fn database_zone(tzid: &str) -> Option<Tz> {
    if let Some(tz) = iana(tzid) {
        return Some(tz);
    }
    if let Some(tz) = windows_to_iana(tzid).and_then(iana) {
        return Some(tz);
    }
    if tzid.contains('/') {
        // Try ever shorter suffixes: "a/b/Europe/Berlin" → "b/Europe/Berlin" → "Europe/Berlin".
        let mut rest = tzid.trim_start_matches('/');
        while let Some(slash) = rest.find('/') {
            rest = &rest[slash + 1..];
            if let Some(tz) = iana(rest) {
                return Some(tz);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_windows_mapping_names_a_bundled_zone() {
        for (windows, zone) in WINDOWS_TO_IANA {
            assert!(
                iana(zone).is_some(),
                "{windows} → {zone} is not in jiff's db"
            );
        }
        for (display, windows) in DISPLAY_TO_WINDOWS {
            assert!(
                WINDOWS_TO_IANA.iter().any(|(w, _)| w == windows),
                "{display} names unknown {windows}"
            );
            assert_eq!(
                windows_to_iana(display),
                WINDOWS_TO_IANA
                    .iter()
                    .find(|(w, _)| w == windows)
                    .map(|(_, z)| *z),
                "{display}"
            );
        }
    }

    #[test]
    fn can_write_posix_offsets() {
        assert_eq!(posix_offset(Offset::constant(1)), "-1:00:00");
        assert_eq!(posix_offset(Offset::constant(-5)), "5:00:00");
        assert_eq!(posix_name(Offset::constant(-5)), "<-0500>");
    }
}
