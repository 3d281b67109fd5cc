//! `RRULE` text: parsing (`FromStr`) and writing (`Display`).
//!
//! Parsing is case-insensitive, accepts a leading `RRULE:` (or `EXRULE:`), surrounding spaces and a
//! trailing `;`, ignores `X-` extension parts, and keeps both `UNTIL` and `COUNT` when a producer
//! wrote both (RFC 5545 forbids it; the engine then stops at whichever comes first). Anything else
//! that is wrong is an [`RRuleError`] naming the part. Writing uses one canonical order:
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

    fn from_str(s: &str) -> Result<RRule, RRuleError> {
        let mut rule = RRule::new(Freq::Daily);
        read_rule(s, &mut rule)?;
        Ok(rule)
    }
}

/// [`RRule::from_str`] into a rule the caller placed (at its final place, say the last slot of an
/// event's rule vector), so a rule of a few hundred bytes is not moved twice on its way there.
/// `rule` must be `RRule::new(_)`; after an error it holds part of the text and is to be dropped.
pub(crate) fn read_rule(s: &str, rule: &mut RRule) -> Result<(), RRuleError> {
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
    // The parts seen so far, one bit each (a `Part`'s discriminant is its bit).
    let mut seen = 0u32;
    let mut has_freq = false;
    for part in split_byte(text, b';') {
        let part = trim(part);
        if part.is_empty() {
            continue;
        }
        let Some(eq) = part.bytes().position(|c| c == b'=') else {
            return Err(RRuleError::new(RRuleErrorKind::Malformed(part.to_owned())));
        };
        let name = trim(&part[..eq]);
        let value = trim(&part[eq + 1..]);
        let mut buf = [0u8; 16];
        let Some(n) = upper(name, &mut buf) else {
            if name
                .as_bytes()
                .get(..2)
                .is_some_and(|p| p.eq_ignore_ascii_case(b"X-"))
            {
                continue;
            }
            return Err(RRuleError::new(RRuleErrorKind::UnknownPart(
                name.to_ascii_uppercase(),
            )));
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
            _ => return Err(RRuleError::new(RRuleErrorKind::UnknownPart(n_str()))),
        };
        let bit = 1u32 << part as u32;
        if seen & bit != 0 {
            return Err(RRuleError::new(RRuleErrorKind::Duplicate(n_str())));
        }
        seen |= bit;
        let n = part.name();
        match part {
            Part::Freq => {
                rule.freq = parse_freq(value)?;
                has_freq = true;
            }
            Part::Interval => {
                rule.interval = value
                    .parse::<u32>()
                    .ok()
                    .filter(|v| *v >= 1)
                    .ok_or_else(|| RRuleError::invalid(n, value, "a positive integer"))?;
            }
            Part::Count => {
                rule.count = Some(
                    value
                        .parse::<u32>()
                        .map_err(|_| RRuleError::invalid(n, value, "a non-negative integer"))?,
                );
            }
            Part::Until => rule.until = Some(parse_until(value)?),
            Part::BySecond => rule.by_second = parse_list(n, value, 0, 60, "0 to 60")?,
            Part::ByMinute => rule.by_minute = parse_list(n, value, 0, 59, "0 to 59")?,
            Part::ByHour => rule.by_hour = parse_list(n, value, 0, 23, "0 to 23")?,
            Part::ByMonth => rule.by_month = parse_list(n, value, 1, 12, "1 to 12")?,
            Part::ByMonthDay => {
                rule.by_month_day = parse_signed_list(n, value, 31, "±1 to ±31")?;
            }
            Part::ByYearDay => {
                rule.by_year_day = parse_signed_list(n, value, 366, "±1 to ±366")?;
            }
            Part::ByWeekNo => rule.by_week_no = parse_signed_list(n, value, 53, "±1 to ±53")?,
            Part::BySetPos => {
                rule.by_set_pos = parse_signed_list(n, value, 366, "±1 to ±366")?;
            }
            Part::ByDay => {
                rule.by_day = list(value, parse_weekday_num).ok_or_else(|| {
                    RRuleError::invalid(
                        n,
                        value,
                        "a list of weekdays (MO…SU) with optional ordinals ±1 to ±53",
                    )
                })?;
            }
            Part::Wkst => {
                rule.wkst = parse_weekday(value)
                    .ok_or_else(|| RRuleError::invalid(n, value, "a weekday (MO…SU)"))?;
            }
            Part::Rscale | Part::Skip => {}
        }
    }
    if !has_freq {
        return Err(RRuleError::new(RRuleErrorKind::MissingFreq));
    }
    Ok(())
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

/// A comma-separated list, each item read by `item`; `None` when one is bad. Lists longer than
/// the inline room are allocated once, at their exact length.
fn list<A: smallvec::Array>(
    value: &str,
    item: impl Fn(&str) -> Option<A::Item>,
) -> Option<SmallVec<A>> {
    let mut out = SmallVec::new();
    if value.len() > 2 * A::size() {
        // Possibly more items than the inline room (each takes at least two bytes with its comma).
        out.reserve_exact(1 + memchr::memchr_iter(b',', value.as_bytes()).count());
    }
    for v in split_byte(value, b',') {
        out.push(item(trim(v))?);
    }
    Some(out)
}

fn parse_list<const N: usize>(
    part: &str,
    value: &str,
    min: u8,
    max: u8,
    expected: &'static str,
) -> Result<SmallVec<[u8; N]>, RRuleError> {
    list(value, |v| {
        v.parse::<u8>().ok().filter(|n| (min..=max).contains(n))
    })
    .ok_or_else(|| RRuleError::invalid(part, value, expected))
}

fn parse_signed_list<T, const N: usize>(
    part: &str,
    value: &str,
    max: i16,
    expected: &'static str,
) -> Result<SmallVec<[T; N]>, RRuleError>
where
    T: TryFrom<i16>,
{
    list(value, |v| {
        let v = v.strip_prefix('+').unwrap_or(v);
        v.parse::<i16>()
            .ok()
            .filter(|n| *n != 0 && n.abs() <= max)
            .and_then(|n| T::try_from(n).ok())
    })
    .ok_or_else(|| RRuleError::invalid(part, value, expected))
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
