//! The fixed text forms of [`Time`] that `touchpoint occurrences --json` and the JSON API write:
//! `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS`, and `YYYY-MM-DDTHH:MM:SS±HH:MM[:SS]`.
//!
//! Written by hand because jiff has no fixed-format writer: its `strftime` reads the format string
//! on every call and goes through `fmt::Write`, and a zoned value first needs a `Zoned` built in a
//! fixed zone. On a one-year window over 600 synthetic series (17,000 occurrences, three times
//! each) that formatting was most of `touchpoint occurrences --json`'s CPU time (BENCHMARKS.md,
//! "The occurrences command"). The output is jiff's, byte for byte: the tests below hold the two
//! side by side, and values the fast path does not cover (a time in a DST gap or fold, a year
//! outside 1–9998) are written by jiff as before.

use jiff::civil;
use jiff::tz::{AmbiguousOffset, Offset, TimeZone};

use std::cell::Cell;

use crate::model::Time;
use crate::recur::DAY;

/// `"00"` to `"99"`, two bytes each.
const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// Two digits of `n` (0–99).
#[inline]
fn pair(n: u32) -> [u8; 2] {
    let i = (n as usize % 100) * 2;
    [PAIRS[i], PAIRS[i + 1]]
}

/// Appends the JSON form of `time` (without quotes), the text [`Time::to_json_string`] returns.
pub(crate) fn push_time(out: &mut Vec<u8>, time: &Time) {
    match time {
        Time::Date(date) if in_fast_range(date.year()) => push_date(out, *date),
        Time::Floating(dt) if in_fast_range(dt.year()) => push_datetime(out, *dt),
        Time::Zoned(dt, tz) if in_fast_range(dt.year()) => {
            match unambiguous_offset(&tz.zone, *dt) {
                Some(offset) => push_datetime_offset(out, *dt, offset),
                None => push_slow(out, time),
            }
        }
        _ => push_slow(out, time),
    }
}

/// What [`push_secs`] wrote last: the day and its `YYYY-MM-DD`, and the offset and its
/// `±HH:MM[:SS]`. An occurrence's start, end and RECURRENCE-ID nearly always share a day, and a
/// series' occurrences an offset, so each is worked out once for many.
#[derive(Debug, Default)]
pub(crate) struct LastDate {
    date: Cell<Option<(u64, [u8; 10])>>,
    /// The offset in seconds, its text (padded) and the text's length.
    offset: Cell<Option<(i32, [u8; 9], usize)>>,
}

/// `HH:MM` of every minute of a day, so a time of day is one lookup and a copy (the two
/// divisions and four table reads of `pair` were a fifth of [`push_secs`]).
static CLOCK: [[u8; 5]; 1440] = clock_table();

const fn clock_table() -> [[u8; 5]; 1440] {
    let mut table = [[0u8; 5]; 1440];
    let mut minute = 0;
    while minute < 1440 {
        let (h, m) = ((minute / 60) as u8, (minute % 60) as u8);
        table[minute] = [
            b'0' + h / 10,
            b'0' + h % 10,
            b':',
            b'0' + m / 10,
            b'0' + m % 10,
        ];
        minute += 1;
    }
    table
}

/// Appends the text of civil seconds `secs`: its date alone (`date`), or its date and time with
/// `offset` (seconds) when given, as [`push_time`] writes a value with that wall clock and
/// offset. Writes nothing and returns `false` for a year outside 1–9998 (left to jiff).
pub(crate) fn push_secs(
    out: &mut Vec<u8>,
    secs: i64,
    offset: Option<i32>,
    date: bool,
    last: &LastDate,
) -> bool {
    // Days from 0000-03-01, where every quantity below is non-negative.
    const DAYS_BEFORE_1970: u64 = 719_468;
    let Some(secs) = secs
        .checked_add((DAYS_BEFORE_1970 * DAY as u64) as i64)
        .and_then(|s| u64::try_from(s).ok())
    else {
        return false;
    };
    let day = secs / DAY as u64;
    let mut text = [0u8; 28];
    let Some(date_text) = last.date_from_march(day) else {
        return false;
    };
    text[..10].copy_from_slice(&date_text);
    if date {
        out.extend_from_slice(&text[..10]);
        return true;
    }
    let second_of_day = (secs % DAY as u64) as u32;
    text[10] = b'T';
    text[11..16].copy_from_slice(&CLOCK[(second_of_day / 60) as usize % 1440]);
    text[16] = b':';
    text[17..19].copy_from_slice(&pair(second_of_day % 60));
    let len = match offset {
        None => 19,
        Some(offset) => match last.offset.get() {
            Some((known, offset_text, len)) if known == offset => {
                text[19..].copy_from_slice(&offset_text);
                len
            }
            _ => {
                let len = offset_into(&mut text, offset);
                let mut offset_text = [0u8; 9];
                offset_text.copy_from_slice(&text[19..]);
                last.offset.set(Some((offset, offset_text, len)));
                len
            }
        },
    };
    out.extend_from_slice(&text[..len]);
    true
}

impl LastDate {
    /// `YYYY-MM-DD` of day `day` (days since 1970-01-01) as [`push_secs`] writes it, remembered
    /// as its last day; `None` for a year outside 1–9998.
    #[inline]
    pub(crate) fn date_text(&self, day: i64) -> Option<[u8; 10]> {
        const DAYS_BEFORE_1970: i64 = 719_468;
        self.date_from_march(u64::try_from(day.checked_add(DAYS_BEFORE_1970)?).ok()?)
    }

    /// [`date_text`] of `day` (counted from 0000-03-01), remembered as the last day.
    #[inline]
    fn date_from_march(&self, day: u64) -> Option<[u8; 10]> {
        match self.date.get() {
            Some((known, text)) if known == day => Some(text),
            _ => {
                let text = date_text(day)?;
                self.date.set(Some((day, text)));
                Some(text)
            }
        }
    }
}

/// `YYYY-MM-DD` of day `day` counted from 0000-03-01 (H. Hinnant's `civil_from_days`, module
/// `recur`, in unsigned arithmetic); `None` for a year outside 1–9998.
fn date_text(day: u64) -> Option<[u8; 10]> {
    let era = day / 146_097;
    let day_of_era = day % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day_of_month = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = era * 400 + year_of_era + u64::from(month <= 2);
    if !(1..=9998).contains(&year) {
        return None;
    }
    let mut text = [0u8; 10];
    let year = year as u32;
    text[..2].copy_from_slice(&pair(year / 100));
    text[2..4].copy_from_slice(&pair(year));
    text[4] = b'-';
    text[5..7].copy_from_slice(&pair(month as u32));
    text[7] = b'-';
    text[8..10].copy_from_slice(&pair(day_of_month as u32));
    Some(text)
}

/// `±HH:MM`, then `:SS` when the offset has seconds (local mean time), as jiff's `%:z`, into
/// `text[19..]`; the length of the text.
#[inline]
fn offset_into(text: &mut [u8; 28], seconds: i32) -> usize {
    let abs = seconds.unsigned_abs();
    text[19] = if seconds < 0 { b'-' } else { b'+' };
    text[20..22].copy_from_slice(&pair(abs / 3600));
    text[22] = b':';
    text[23..25].copy_from_slice(&pair(abs / 60 % 60));
    if abs.is_multiple_of(60) {
        25
    } else {
        text[25] = b':';
        text[26..28].copy_from_slice(&pair(abs % 60));
        28
    }
}

/// Years whose four digits jiff writes as they are, and where no offset (< 26 hours) can take
/// an instant out of jiff's range (which would make [`Time::instant`] saturate).
#[inline]
fn in_fast_range(year: i16) -> bool {
    (1..=9998).contains(&year)
}

/// The offset of `dt` in `zone` when only one instant has that wall clock; `None` in a DST gap
/// or fold, where RFC 5545 §3.3.5 moves or picks the instant (left to jiff).
#[inline]
fn unambiguous_offset(zone: &TimeZone, dt: civil::DateTime) -> Option<Offset> {
    match zone.to_ambiguous_timestamp(dt).offset() {
        AmbiguousOffset::Unambiguous { offset } => Some(offset),
        AmbiguousOffset::Gap { .. } | AmbiguousOffset::Fold { .. } => None,
    }
}

/// `YYYY-MM-DD` (year 1–9999).
#[inline]
fn push_date(out: &mut Vec<u8>, date: civil::Date) {
    let mut text = [0; 10];
    date_into(&mut text, date);
    out.extend_from_slice(&text);
}

/// `YYYY-MM-DD` into the first ten bytes of `text`.
#[inline]
fn date_into(text: &mut [u8], date: civil::Date) {
    let year = date.year() as u32;
    text[..2].copy_from_slice(&pair(year / 100));
    text[2..4].copy_from_slice(&pair(year));
    text[4] = b'-';
    text[5..7].copy_from_slice(&pair(date.month() as u32));
    text[7] = b'-';
    text[8..10].copy_from_slice(&pair(date.day() as u32));
}

/// `YYYY-MM-DDTHH:MM:SS` into the first 19 bytes of `text` (fractions of a second are not
/// written, as `%S` does not).
#[inline]
fn datetime_into(text: &mut [u8], dt: civil::DateTime) {
    date_into(text, dt.date());
    text[10] = b'T';
    text[11..13].copy_from_slice(&pair(dt.hour() as u32));
    text[13] = b':';
    text[14..16].copy_from_slice(&pair(dt.minute() as u32));
    text[16] = b':';
    text[17..19].copy_from_slice(&pair(dt.second() as u32));
}

/// `YYYY-MM-DDTHH:MM:SS`.
#[inline]
fn push_datetime(out: &mut Vec<u8>, dt: civil::DateTime) {
    let mut text = [0; 19];
    datetime_into(&mut text, dt);
    out.extend_from_slice(&text);
}

/// `YYYY-MM-DDTHH:MM:SS±HH:MM`, then `:SS` when the offset has seconds (local mean time), as
/// jiff's `%:z`: built on the stack and appended at once.
#[inline]
fn push_datetime_offset(out: &mut Vec<u8>, dt: civil::DateTime, offset: Offset) {
    let mut text = [0; 28];
    datetime_into(&mut text, dt);
    let len = offset_into(&mut text, offset.seconds());
    out.extend_from_slice(&text[..len]);
}

/// The general form, through jiff: what every value was written with before the fast path.
#[cold]
fn push_slow(out: &mut Vec<u8>, time: &Time) {
    out.extend_from_slice(reference(time).as_bytes());
}

/// jiff's formatting of `time`: the reference the fast path is held to.
pub(crate) fn reference(time: &Time) -> String {
    match time {
        Time::Date(d) => d.to_string(),
        Time::Floating(dt) => dt.strftime("%Y-%m-%dT%H:%M:%S").to_string(),
        Time::Zoned(_, tz) => {
            // The instant as RFC 5545 resolves it (a time in a gap moves forward), shown at the
            // zone's offset then.
            let ts = time.instant(&TimeZone::UTC);
            let offset = tz.zone.to_offset(ts);
            ts.to_zoned_datetime(TimeZone::fixed(offset))
                .strftime("%Y-%m-%dT%H:%M:%S%:z")
                .to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tz;
    use jiff::ToSpan;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn fast(time: &Time) -> String {
        let mut out = Vec::new();
        push_time(&mut out, time);
        String::from_utf8(out).expect("ASCII")
    }

    fn zone(name: &str) -> Tz {
        Tz::iana(name).unwrap_or_else(|| panic!("{name} in the tz database"))
    }

    #[test]
    fn can_write_every_offset_as_jiff_does() {
        // Every whole-second offset jiff allows, through a zoned value in that fixed zone.
        let dt = date(2026, 3, 4).at(5, 6, 7, 0);
        for seconds in -93_599..=93_599 {
            let offset = Offset::from_seconds(seconds).expect("in range");
            let tz = Tz {
                name: "fixed".into(),
                zone: TimeZone::fixed(offset),
            };
            let time = Time::Zoned(dt, tz);
            assert_eq!(fast(&time), reference(&time), "offset of {seconds} s");
        }
    }

    #[test]
    fn can_write_every_quarter_hour_across_dst_changes_as_jiff_does() {
        // Gaps, folds, half- and quarter-hour offsets, both hemispheres, a zone that dropped
        // DST, and local mean time with seconds (before 1900).
        let zones = [
            "Europe/Berlin",
            "America/St_Johns",
            "Australia/Lord_Howe",
            "Pacific/Chatham",
            "America/Sao_Paulo",
            "Asia/Kathmandu",
            "Africa/Monrovia",
            "UTC",
        ];
        for name in zones {
            let tz = zone(name);
            // A year with today's rules; the first weeks of Monrovia's 1972 change and of LMT.
            for (start, days) in [
                (date(2026, 1, 1), 366),
                (date(1972, 1, 1), 14),
                (date(1880, 1, 1), 2),
            ] {
                let mut dt = start.at(0, 0, 0, 0);
                let end = dt + days.days();
                while dt < end {
                    let time = Time::Zoned(dt, tz.clone());
                    assert_eq!(fast(&time), reference(&time), "{dt} in {name}");
                    dt += 15.minutes();
                }
            }
        }
    }

    #[test]
    fn can_write_years_at_the_edges_as_jiff_does() {
        let berlin = zone("Europe/Berlin");
        for year in [-9999, -1, 0, 1, 9, 99, 999, 1000, 9998, 9999] {
            for (month, day) in [(1, 1), (12, 31)] {
                let d = date(year, month, day);
                for time in [
                    Time::Date(d),
                    Time::Floating(d.at(23, 59, 59, 999_999_999)),
                    Time::Zoned(d.at(0, 0, 0, 0), berlin.clone()),
                    Time::Zoned(d.at(23, 59, 59, 0), Tz::utc()),
                ] {
                    assert_eq!(fast(&time), reference(&time), "{time:?}");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn writes_civil_seconds_as_the_value_with_that_wall_clock(
            year in prop_oneof![-9999i16..=9999, 1i16..=9998, -1i16..=2, 9997i16..=9999],
            month in 1i8..=12,
            day in 1i8..=31,
            hour in 0i8..24,
            minute in 0i8..60,
            second in 0i8..60,
            offset in -93_599i32..=93_599,
            kind in 0u8..3,
        ) {
            let day = day.min(date(year, month, 1).days_in_month());
            let dt = date(year, month, day).at(hour, minute, second, 0);
            let fixed = Tz {
                name: "fixed".into(),
                zone: TimeZone::fixed(Offset::from_seconds(offset).expect("in range")),
            };
            let (time, offset) = match kind {
                0 => (Time::Date(dt.date()), None),
                1 => (Time::Floating(dt), None),
                _ => (Time::Zoned(dt, fixed), Some(offset)),
            };
            let mut out = Vec::new();
            let last = LastDate::default();
            let secs = crate::recur::to_secs(dt);
            let written = push_secs(&mut out, secs, offset, kind == 0, &last);
            // Again, the date and offset from `last`; then after another day and offset, which
            // `last` must not lend to the first value.
            let mut again = Vec::new();
            push_secs(&mut again, secs, offset, kind == 0, &last);
            prop_assert_eq!(&again, &out);
            let other_offset = offset.map(|o| if o == 3_600 { -3_600 } else { 3_600 });
            push_secs(&mut Vec::new(), secs + DAY + 61, other_offset, kind == 0, &last);
            let mut third = Vec::new();
            push_secs(&mut third, secs, offset, kind == 0, &last);
            prop_assert_eq!(&third, &out);
            prop_assert_eq!(written, (1..=9998).contains(&year));
            if written {
                prop_assert_eq!(String::from_utf8(out).expect("ASCII"), reference(&time));
            } else {
                prop_assert!(out.is_empty());
            }
        }

        #[test]
        fn writes_any_value_in_any_zone_as_jiff_does(
            zone_index in 0usize..1000,
            year in prop_oneof![1i16..=9999, 1900i16..2100],
            month in 1i8..=12,
            day in 1i8..=31,
            hour in 0i8..24,
            minute in 0i8..60,
            second in 0i8..60,
            kind in 0u8..3,
        ) {
            let names: Vec<_> = jiff::tz::db().available().collect();
            let name = names[zone_index % names.len()].as_str();
            let day = day.min(date(year, month, 1).days_in_month());
            let dt = date(year, month, day).at(hour, minute, second, 0);
            let time = match kind {
                0 => Time::Date(dt.date()),
                1 => Time::Floating(dt),
                _ => Time::Zoned(dt, zone(name)),
            };
            prop_assert_eq!(fast(&time), reference(&time));
        }
    }
}
