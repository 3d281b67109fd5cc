//! `RRULE` text: parsing (`FromStr`) and writing (`Display`).
//!
//! Parsing is case-insensitive, accepts a leading `RRULE:` (or `EXRULE:`), surrounding spaces and a
//! trailing `;`, ignores `X-` extension parts, and keeps both `UNTIL` and `COUNT` when a producer
//! wrote both (RFC 5545 forbids it; the engine then stops at whichever comes first). Anything else
//! that is wrong is an [`RRuleError`] naming the part. The iCalendar reader reads feeds' rules
//! leniently instead: a bad part is dropped with a warning and the rest of the rule kept (the
//! policy, part by part, is on `read_rule`). Writing uses one canonical order:
//! `FREQ;UNTIL;COUNT;INTERVAL;BYSECOND;BYMINUTE;BYHOUR;BYDAY;BYMONTHDAY;BYYEARDAY;BYWEEKNO;BYMONTH;
//! BYSETPOS;WKST`, with `INTERVAL=1` and `WKST=MO` (the defaults) omitted.

use std::fmt;
use std::str::FromStr;

use jiff::civil::{self, Weekday};
use jiff::tz::TimeZone;
use smallvec::SmallVec;

use crate::model::{Freq, RRule, Time, Tz, WeekdayNum};
use crate::parse::trim;

/// Why an RRULE could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RRuleError {
    kind: RRuleErrorKind,
}

/// The kinds of [`RRuleError`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RRuleErrorKind {
    /// The rule is empty.
    Empty,
    /// There is no `FREQ` part.
    MissingFreq,
    /// A part is not of the form `NAME=VALUE`.
    Malformed(String),
    /// A part name RFC 5545 does not define (and not an `X-` extension).
    UnknownPart(String),
    /// A part given twice.
    Duplicate(String),
    /// A part whose value is wrong: part name, value as written, and what was expected.
    InvalidValue {
        /// The part (`FREQ`, `BYDAY`…).
        part: String,
        /// The value as written.
        value: String,
        /// What a valid value looks like.
        expected: &'static str,
    },
}

impl RRuleError {
    /// What went wrong.
    pub fn kind(&self) -> &RRuleErrorKind {
        &self.kind
    }

    fn new(kind: RRuleErrorKind) -> RRuleError {
        RRuleError { kind }
    }

    fn invalid(part: &str, value: &str, expected: &'static str) -> RRuleError {
        RRuleError::new(RRuleErrorKind::InvalidValue {
            part: part.to_owned(),
            value: value.to_owned(),
            expected,
        })
    }
}

impl fmt::Display for RRuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            RRuleErrorKind::Empty => write!(f, "the RRULE is empty"),
            RRuleErrorKind::MissingFreq => write!(f, "the RRULE has no FREQ part"),
            RRuleErrorKind::Malformed(p) => {
                write!(f, "RRULE part {p:?} is not of the form NAME=VALUE")
            }
            RRuleErrorKind::UnknownPart(p) => write!(f, "unknown RRULE part {p}"),
            RRuleErrorKind::Duplicate(p) => write!(f, "RRULE part {p} is given twice"),
            RRuleErrorKind::InvalidValue {
                part,
                value,
                expected,
            } => write!(f, "invalid RRULE {part}={value}: expected {expected}"),
        }
    }
}

impl std::error::Error for RRuleError {}

impl FromStr for RRule {
    type Err = RRuleError;

    /// The strict reading, for rules people write (a community file): any wrong part is an
    /// error. Feeds are read leniently (`read_rule` with a list for dropped parts).
    fn from_str(s: &str) -> Result<RRule, RRuleError> {
        let mut rule = RRule::new(Freq::Daily);
        read_rule(s, &mut rule, None)?;
        Ok(rule)
    }
}

/// [`RRule::from_str`] into a rule the caller placed (at its final place, say the last slot of an
/// event's rule vector), so a rule of a few hundred bytes is not moved twice on its way there.
/// `rule` must be `RRule::new(_)`; after an error it holds part of the text and is to be dropped.
/// (Returning the rule instead, with the dropped parts, costs 0.24M more instructions in one
/// parse of the 2,000-series feed: 21.84M against 21.60M, `bench/profile`.)
///
/// With `dropped`, the rule is read leniently, as other people's feeds need: one bad part does
/// not throw the rule away (`FREQ=WEEKLY;UNTIL=20240331;COUNT=-1;INTERVAL=4;BYDAY=MO` is every
/// fourth Monday until the end of March). Each part dropped is pushed to `dropped` (for a
/// warning). The policy, part by part:
/// - `FREQ` missing or unknown, or an empty rule: the rule is an error (nothing to keep).
/// - `COUNT` or `INTERVAL` zero, negative or not a number, `UNTIL` or `WKST` unreadable: that part
///   is dropped (no count, an interval of 1, no end, weeks from Monday); the rest of the rule
///   stands. Some producers write `COUNT=-1` or `COUNT=0` for "no end".
/// - A `BYxxx` list with some values out of range or unreadable: those values are dropped. When
///   none is left, the rule is an error: without the part it would list dates the producer
///   never meant.
/// - An unknown part, or one not of the form `NAME=VALUE`: dropped. `X-` parts are ignored, as
///   in the strict reading.
/// - A part given twice: the first one counts, the later one is dropped.
/// - Both `COUNT` and `UNTIL` (RFC 5545 forbids it): both are kept; the rule stops at whichever
///   comes first, as in the strict reading.
pub(crate) fn read_rule(
    s: &str,
    rule: &mut RRule,
    mut dropped: Option<&mut Vec<RRuleError>>,
) -> Result<(), RRuleError> {
    let mut text = trim(s);
    for prefix in ["RRULE:", "EXRULE:"] {
        if text.len() >= prefix.len()
            && text.is_char_boundary(prefix.len())
            && text[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            text = text[prefix.len()..].trim_start();
        }
    }
    if text.is_empty() {
        return Err(RRuleError::new(RRuleErrorKind::Empty));
    }
    let lenient = dropped.is_some();
    // A part's error: dropped with a note when reading leniently, else the rule's error.
    let mut drop_part = |e: RRuleError| match dropped.as_deref_mut() {
        Some(list) => {
            list.push(e);
            Ok(())
        }
        None => Err(e),
    };
    // The parts seen so far, one bit each (a `Part`'s discriminant is its bit).
    let mut seen = 0u32;
    let mut has_freq = false;
    for part in split_byte(text, b';') {
        let part = trim(part);
        if part.is_empty() {
            continue;
        }
        let Some(eq) = part.bytes().position(|c| c == b'=') else {
            drop_part(RRuleError::new(RRuleErrorKind::Malformed(part.to_owned())))?;
            continue;
        };
        let name = trim(&part[..eq]);
        let value = trim(&part[eq + 1..]);
        let mut buf = [0u8; 16];
        let Some(n) = upper(name, &mut buf) else {
            if !name
                .as_bytes()
                .get(..2)
                .is_some_and(|p| p.eq_ignore_ascii_case(b"X-"))
            {
                drop_part(RRuleError::new(RRuleErrorKind::UnknownPart(
                    name.to_ascii_uppercase(),
                )))?;
            }
            continue;
        };
        if n.starts_with(b"X-") {
            continue;
        }
        // `upper` keeps ASCII only, so this is the upper-cased name.
        let n_str = || String::from_utf8_lossy(n).into_owned();
        let part = match n {
            b"FREQ" => Part::Freq,
            b"INTERVAL" => Part::Interval,
            b"COUNT" => Part::Count,
            b"UNTIL" => Part::Until,
            b"BYSECOND" => Part::BySecond,
            b"BYMINUTE" => Part::ByMinute,
            b"BYHOUR" => Part::ByHour,
            b"BYMONTH" => Part::ByMonth,
            b"BYMONTHDAY" => Part::ByMonthDay,
            b"BYYEARDAY" => Part::ByYearDay,
            b"BYWEEKNO" => Part::ByWeekNo,
            b"BYSETPOS" => Part::BySetPos,
            b"BYDAY" => Part::ByDay,
            b"WKST" => Part::Wkst,
            b"RSCALE" if value.eq_ignore_ascii_case("GREGORIAN") => Part::Rscale,
            b"SKIP" if value.eq_ignore_ascii_case("OMIT") => Part::Skip,
            _ => {
                drop_part(RRuleError::new(RRuleErrorKind::UnknownPart(n_str())))?;
                continue;
            }
        };
        let bit = 1u32 << part as u32;
        if seen & bit != 0 {
            drop_part(RRuleError::new(RRuleErrorKind::Duplicate(n_str())))?;
            continue;
        }
        seen |= bit;
        match read_part(rule, part, value, lenient) {
            Ok(None) => {}
            Ok(Some(values_dropped)) => drop_part(values_dropped)?,
            // No FREQ, or a list with no value left: nothing a rule can be made of.
            Err(e) if matches!(part, Part::Freq) || part.is_list() => return Err(e),
            Err(e) => drop_part(e)?,
        }
        has_freq |= matches!(part, Part::Freq);
    }
    if !has_freq {
        return Err(RRuleError::new(RRuleErrorKind::MissingFreq));
    }
    Ok(())
}

/// Reads one part's value into `rule`. A list read with `keep_valid` drops its bad values and
/// says so in `Ok(Some(_))`; it is an error only when no value is left.
fn read_part(
    rule: &mut RRule,
    part: Part,
    value: &str,
    keep_valid: bool,
) -> Result<Option<RRuleError>, RRuleError> {
    let n = part.name();
    let unsigned =
        |min: u8, max: u8| move |v: &str| v.parse::<u8>().ok().filter(|n| (min..=max).contains(n));
    let bad_values = match part {
        Part::Freq => {
            rule.freq = parse_freq(value)?;
            None
        }
        Part::Interval => {
            rule.interval = value
                .parse::<u32>()
                .ok()
                .filter(|v| *v >= 1)
                .ok_or_else(|| RRuleError::invalid(n, value, "a positive integer"))?;
            None
        }
        Part::Count => {
            // The strict reading keeps accepting COUNT=0 (DTSTART alone), as it always has; a
            // feed's COUNT=0 is read as "no end", as some producers mean it.
            let (least, expected) = match keep_valid {
                true => (1, "a positive integer"),
                false => (0, "a non-negative integer"),
            };
            rule.count = Some(
                value
                    .parse::<u32>()
                    .ok()
                    .filter(|v| *v >= least)
                    .ok_or_else(|| RRuleError::invalid(n, value, expected))?,
            );
            None
        }
        Part::Until => {
            rule.until = Some(parse_until(value)?);
            None
        }
        Part::Wkst => {
            rule.wkst = parse_weekday(value)
                .ok_or_else(|| RRuleError::invalid(n, value, "a weekday (MO…SU)"))?;
            None
        }
        Part::Rscale | Part::Skip => None,
        Part::BySecond => by_list(&mut rule.by_second, value, unsigned(0, 60), "0 to 60"),
        Part::ByMinute => by_list(&mut rule.by_minute, value, unsigned(0, 59), "0 to 59"),
        Part::ByHour => by_list(&mut rule.by_hour, value, unsigned(0, 23), "0 to 23"),
        Part::ByMonth => by_list(&mut rule.by_month, value, unsigned(1, 12), "1 to 12"),
        Part::ByMonthDay => by_list(&mut rule.by_month_day, value, signed(31), "±1 to ±31"),
        Part::ByYearDay => by_list(&mut rule.by_year_day, value, signed(366), "±1 to ±366"),
        Part::ByWeekNo => by_list(&mut rule.by_week_no, value, signed(53), "±1 to ±53"),
        Part::BySetPos => by_list(&mut rule.by_set_pos, value, signed(366), "±1 to ±366"),
        Part::ByDay => by_list(
            &mut rule.by_day,
            value,
            parse_weekday_num,
            "a list of weekdays (MO…SU) with optional ordinals ±1 to ±53",
        ),
    };
    match bad_values {
        None => Ok(None),
        Some(expected) => {
            let error = RRuleError::invalid(n, value, expected);
            // Some values were kept: only the bad ones are dropped.
            if keep_valid && part_has_values(rule, part) {
                Ok(Some(error))
            } else {
                Err(error)
            }
        }
    }
}

/// The parts of an RRULE (RFC 5545 §3.3.10, RFC 7529's RSCALE and SKIP).
#[derive(Clone, Copy)]
enum Part {
    Freq,
    Interval,
    Count,
    Until,
    BySecond,
    ByMinute,
    ByHour,
    ByMonth,
    ByMonthDay,
    ByYearDay,
    ByWeekNo,
    BySetPos,
    ByDay,
    Wkst,
    Rscale,
    Skip,
}

impl Part {
    /// Whether the part is a BYxxx list.
    fn is_list(self) -> bool {
        matches!(
            self,
            Part::BySecond
                | Part::ByMinute
                | Part::ByHour
                | Part::ByMonth
                | Part::ByMonthDay
                | Part::ByYearDay
                | Part::ByWeekNo
                | Part::BySetPos
                | Part::ByDay
        )
    }

    fn name(self) -> &'static str {
        match self {
            Part::Freq => "FREQ",
            Part::Interval => "INTERVAL",
            Part::Count => "COUNT",
            Part::Until => "UNTIL",
            Part::BySecond => "BYSECOND",
            Part::ByMinute => "BYMINUTE",
            Part::ByHour => "BYHOUR",
            Part::ByMonth => "BYMONTH",
            Part::ByMonthDay => "BYMONTHDAY",
            Part::ByYearDay => "BYYEARDAY",
            Part::ByWeekNo => "BYWEEKNO",
            Part::BySetPos => "BYSETPOS",
            Part::ByDay => "BYDAY",
            Part::Wkst => "WKST",
            Part::Rscale => "RSCALE",
            Part::Skip => "SKIP",
        }
    }
}

/// `s` upper-cased into `buf`, without allocating; `None` when it is longer than any keyword or
/// not ASCII.
fn upper<'b>(s: &str, buf: &'b mut [u8; 16]) -> Option<&'b [u8]> {
    let b = s.as_bytes();
    if b.len() > buf.len() || !s.is_ascii() {
        return None;
    }
    for (d, c) in buf.iter_mut().zip(b) {
        *d = c.to_ascii_uppercase();
    }
    Some(&buf[..b.len()])
}

/// The pieces of `s` between `sep` bytes (an ASCII separator, so every piece is a `str`), found
/// with a byte loop: RRULE parts and lists are short, where `str::split`'s searcher costs more
/// than the search.
pub(crate) fn split_byte(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|c| c == sep) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

fn parse_freq(value: &str) -> Result<Freq, RRuleError> {
    let mut buf = [0u8; 16];
    let freq = match upper(value, &mut buf).unwrap_or(b"") {
        b"SECONDLY" => Freq::Secondly,
        b"MINUTELY" => Freq::Minutely,
        b"HOURLY" => Freq::Hourly,
        b"DAILY" => Freq::Daily,
        b"WEEKLY" => Freq::Weekly,
        b"MONTHLY" => Freq::Monthly,
        b"YEARLY" => Freq::Yearly,
        _ => {
            return Err(RRuleError::invalid(
                "FREQ",
                value,
                "SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY",
            ));
        }
    };
    Ok(freq)
}

const UNTIL_FORMS: &str = "YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ";

fn parse_until(value: &str) -> Result<Time, RRuleError> {
    let bad = || RRuleError::invalid("UNTIL", value, UNTIL_FORMS);
    let v = value.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Result<i16, RRuleError> {
        let digits = v.get(range).ok_or_else(bad)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return Err(bad());
        }
        Ok(digits
            .iter()
            .fold(0i16, |acc, d| acc * 10 + i16::from(d - b'0')))
    };
    let to_i8 = |n: i16| i8::try_from(n).map_err(|_| bad());
    let date =
        civil::Date::new(num(0..4)?, to_i8(num(4..6)?)?, to_i8(num(6..8)?)?).map_err(|_| bad())?;
    match v.len() {
        8 => Ok(Time::Date(date)),
        15 | 16 => {
            if !v[8].eq_ignore_ascii_case(&b'T') {
                return Err(bad());
            }
            let time = civil::Time::new(
                to_i8(num(9..11)?)?,
                to_i8(num(11..13)?)?,
                // A leap second (60) is read as the last second of the minute.
                to_i8(num(13..15)?.min(59))?,
                0,
            )
            .map_err(|_| bad())?;
            let dt = date.to_datetime(time);
            if v.len() == 16 {
                if !v[15].eq_ignore_ascii_case(&b'Z') {
                    return Err(bad());
                }
                Ok(Time::Zoned(dt, Tz::utc()))
            } else {
                Ok(Time::Floating(dt))
            }
        }
        _ => Err(bad()),
    }
}

/// Reads a comma-separated BYxxx list into `out`, each value read by `item`; the values that
/// do not read are left out, and then `Some(expected)` says so. Lists longer than the inline room
/// are allocated once.
fn by_list<A: smallvec::Array>(
    out: &mut SmallVec<A>,
    value: &str,
    item: impl Fn(&str) -> Option<A::Item>,
    expected: &'static str,
) -> Option<&'static str> {
    if value.len() > 2 * A::size() {
        // Possibly more items than the inline room (each takes at least two bytes with its comma).
        out.reserve_exact(1 + memchr::memchr_iter(b',', value.as_bytes()).count());
    }
    let mut bad = false;
    for v in split_byte(value, b',') {
        match item(trim(v)) {
            Some(v) => out.push(v),
            None => bad = true,
        }
    }
    bad.then_some(expected)
}

/// Reads a signed BYxxx value: ±1 to ±`max`, with an optional `+`.
fn signed<T: TryFrom<i16>>(max: i16) -> impl Fn(&str) -> Option<T> {
    move |v| {
        let v = v.strip_prefix('+').unwrap_or(v);
        v.parse::<i16>()
            .ok()
            .filter(|n| *n != 0 && n.abs() <= max)
            .and_then(|n| T::try_from(n).ok())
    }
}

/// Whether a BYxxx part read into `rule` kept any value (`false` for other parts).
fn part_has_values(rule: &RRule, part: Part) -> bool {
    match part {
        Part::BySecond => !rule.by_second.is_empty(),
        Part::ByMinute => !rule.by_minute.is_empty(),
        Part::ByHour => !rule.by_hour.is_empty(),
        Part::ByMonth => !rule.by_month.is_empty(),
        Part::ByMonthDay => !rule.by_month_day.is_empty(),
        Part::ByYearDay => !rule.by_year_day.is_empty(),
        Part::ByWeekNo => !rule.by_week_no.is_empty(),
        Part::BySetPos => !rule.by_set_pos.is_empty(),
        Part::ByDay => !rule.by_day.is_empty(),
        _ => false,
    }
}

fn parse_weekday(value: &str) -> Option<Weekday> {
    let &[a, b] = value.as_bytes() else {
        return None;
    };
    let w = match [a.to_ascii_uppercase(), b.to_ascii_uppercase()] {
        [b'M', b'O'] => Weekday::Monday,
        [b'T', b'U'] => Weekday::Tuesday,
        [b'W', b'E'] => Weekday::Wednesday,
        [b'T', b'H'] => Weekday::Thursday,
        [b'F', b'R'] => Weekday::Friday,
        [b'S', b'A'] => Weekday::Saturday,
        [b'S', b'U'] => Weekday::Sunday,
        _ => return None,
    };
    Some(w)
}

fn parse_weekday_num(value: &str) -> Option<WeekdayNum> {
    if value.len() < 2 || !value.is_char_boundary(value.len() - 2) {
        return None;
    }
    let (num, day) = value.split_at(value.len() - 2);
    let weekday = parse_weekday(day)?;
    let nth = if num.is_empty() {
        0
    } else {
        let num = num.strip_prefix('+').unwrap_or(num);
        let n: i8 = num.parse().ok()?;
        if n == 0 || !(-53..=53).contains(&n) {
            return None;
        }
        n
    };
    Some(WeekdayNum { nth, weekday })
}

/// The two-letter RFC 5545 name of a weekday.
pub fn weekday_code(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "MO",
        Weekday::Tuesday => "TU",
        Weekday::Wednesday => "WE",
        Weekday::Thursday => "TH",
        Weekday::Friday => "FR",
        Weekday::Saturday => "SA",
        Weekday::Sunday => "SU",
    }
}

fn freq_name(f: Freq) -> &'static str {
    match f {
        Freq::Secondly => "SECONDLY",
        Freq::Minutely => "MINUTELY",
        Freq::Hourly => "HOURLY",
        Freq::Daily => "DAILY",
        Freq::Weekly => "WEEKLY",
        Freq::Monthly => "MONTHLY",
        Freq::Yearly => "YEARLY",
    }
}

fn write_list<T: fmt::Display>(f: &mut fmt::Formatter<'_>, name: &str, list: &[T]) -> fmt::Result {
    if list.is_empty() {
        return Ok(());
    }
    write!(f, ";{name}=")?;
    for (i, v) in list.iter().enumerate() {
        if i > 0 {
            f.write_str(",")?;
        }
        write!(f, "{v}")?;
    }
    Ok(())
}

impl fmt::Display for RRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FREQ={}", freq_name(self.freq))?;
        if let Some(until) = &self.until {
            f.write_str(";UNTIL=")?;
            match until {
                Time::Date(d) => write!(f, "{}", d.strftime("%Y%m%d"))?,
                Time::Floating(dt) => write!(f, "{}", dt.strftime("%Y%m%dT%H%M%S"))?,
                Time::Zoned(..) => {
                    let utc = TimeZone::UTC.to_datetime(until.instant(&TimeZone::UTC));
                    write!(f, "{}Z", utc.strftime("%Y%m%dT%H%M%S"))?;
                }
            }
        }
        if let Some(count) = self.count {
            write!(f, ";COUNT={count}")?;
        }
        if self.interval != 1 {
            write!(f, ";INTERVAL={}", self.interval)?;
        }
        write_list(f, "BYSECOND", &self.by_second)?;
        write_list(f, "BYMINUTE", &self.by_minute)?;
        write_list(f, "BYHOUR", &self.by_hour)?;
        if !self.by_day.is_empty() {
            f.write_str(";BYDAY=")?;
            for (i, d) in self.by_day.iter().enumerate() {
                if i > 0 {
                    f.write_str(",")?;
                }
                if d.nth != 0 {
                    write!(f, "{}", d.nth)?;
                }
                f.write_str(weekday_code(d.weekday))?;
            }
        }
        write_list(f, "BYMONTHDAY", &self.by_month_day)?;
        write_list(f, "BYYEARDAY", &self.by_year_day)?;
        write_list(f, "BYWEEKNO", &self.by_week_no)?;
        write_list(f, "BYMONTH", &self.by_month)?;
        write_list(f, "BYSETPOS", &self.by_set_pos)?;
        if self.wkst != Weekday::Monday {
            write!(f, ";WKST={}", weekday_code(self.wkst))?;
        }
        Ok(())
    }
}
