//! The RRULE engine: generates the wall-clock starts of one rule, period by period, in order.
//!
//! Times are plain integers here — "civil seconds" (days since 1970-01-01 × 86,400 + seconds of
//! the day, proleptic Gregorian, no zone) — so generating a candidate allocates nothing and cannot
//! fail; only the caller turns the survivors into jiff values. A period is one INTERVAL step of
//! the frequency (a year, a month, a WKST-aligned week, a day, an hour, a minute or a second).
//! For each period the days that pass every BYxxx day filter are crossed with the times of day,
//! BYSETPOS picks among them, and what is at or after DTSTART is yielded. This is the
//! expand/limit table of RFC 5545 §3.3.10 expressed as "a day matches every given filter":
//!
//! - BYMONTH, BYMONTHDAY, BYYEARDAY, BYDAY filter days in every frequency (for YEARLY, MONTHLY and
//!   WEEKLY that is the "expand" of the table, since every day of the period is considered).
//! - BYDAY ordinals count within the month for MONTHLY and for YEARLY with BYMONTH, within the year
//!   for YEARLY otherwise; they are ignored for WEEKLY and smaller frequencies and with BYWEEKNO.
//! - BYWEEKNO applies to YEARLY only: weeks start on WKST and week 1 is the first with four days
//!   of the year; a day at the year's edge keeps the number of the week it falls in (week 1 of
//!   the next year, or the last week of the previous one), negatives count from the week-year's end.
//! - BYHOUR/BYMINUTE/BYSECOND expand for coarser frequencies and limit for finer ones.
//! - Missing parts default from DTSTART as RFC 5545 says (YEARLY: its month and day; MONTHLY: its
//!   day; WEEKLY: its weekday; the time of day from DTSTART for every unit coarser than FREQ).
//!
//! Dates that do not exist (Feb 30, a fifth Monday) are never produced, so they are skipped rather
//! than clamped. Fast-forwarding ([`RuleIter::seek`]) jumps whole periods, so the cost of reaching
//! a window does not depend on how long ago DTSTART was. Work is bounded: a run of consecutive
//! empty periods longer than a per-frequency cap, or more candidates than allowed, stops the rule
//! and says why.

use jiff::civil;
use smallvec::SmallVec;

use crate::model::{Freq, RRule};

/// Seconds in a civil day.
pub(crate) const DAY: i64 = 86_400;

/// The first year generated; jiff cannot represent dates before it.
const MIN_YEAR: i64 = -9_999;
/// The last year generated; jiff cannot represent dates after it.
const MAX_YEAR: i64 = 9_999;
/// The day number of the last day generated (31 December of [`MAX_YEAR`]).
const LAST_DAY: i64 = days_from_civil(MAX_YEAR, 12, 31);

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
pub(crate) const fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date of a day number (H. Hinnant's `civil_from_days`).
pub(crate) fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Weekday of a day number, Monday = 0 (1970-01-01 was a Thursday).
pub(crate) fn weekday_of(dn: i64) -> i64 {
    (dn + 3).rem_euclid(7)
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn month_len(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn year_len(y: i64) -> i64 {
    if is_leap(y) { 366 } else { 365 }
}

/// Civil seconds of a wall-clock date-time (sub-second parts are dropped).
pub(crate) fn to_secs(dt: civil::DateTime) -> i64 {
    let days = days_from_civil(
        i64::from(dt.year()),
        i64::from(dt.month()),
        i64::from(dt.day()),
    );
    days * DAY + i64::from(dt.hour()) * 3_600 + i64::from(dt.minute()) * 60 + i64::from(dt.second())
}

/// The wall-clock date-time of civil seconds, or `None` outside jiff's range.
pub(crate) fn from_secs(secs: i64) -> Option<civil::DateTime> {
    let dn = secs.div_euclid(DAY);
    let sod = secs - dn * DAY;
    let (y, m, d) = civil_from_days(dn);
    let date = civil::Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()?;
    let time = civil::Time::new(
        i8::try_from(sod / 3_600).ok()?,
        i8::try_from(sod / 60 % 60).ok()?,
        i8::try_from(sod % 60).ok()?,
        0,
    )
    .ok()?;
    Some(date.to_datetime(time))
}

/// How BYDAY ordinals are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    Month,
    Year,
}

/// Why a rule stopped before its natural end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stop {
    /// Too many consecutive periods without an instance.
    EmptyPeriods(u64),
    /// Too many candidates generated.
    Candidates(u64),
}

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stop::EmptyPeriods(n) => write!(
                f,
                "recurrence rule stopped after {n} consecutive periods without an instance"
            ),
            Stop::Candidates(n) => {
                write!(f, "recurrence rule stopped after {n} candidate instances")
            }
        }
    }
}

/// A rule compiled against its DTSTART, and its iteration state.
#[derive(Clone, Debug)]
pub(crate) struct RuleIter {
    freq: Freq,
    interval: i64,
    dtstart: i64,
    /// Bit `m` set for each allowed month; 0 = any.
    months: u16,
    /// Bit `d` for BYMONTHDAY=d, and in `month_days_neg` bit `k` for BYMONTHDAY=-k.
    month_days_pos: u32,
    month_days_neg: u32,
    has_month_days: bool,
    year_days: SmallVec<[i16; 8]>,
    week_nos: SmallVec<[i8; 16]>,
    /// Bit `w` (Monday = 0) for each BYDAY weekday whose ordinal is absent or ignored.
    day_mask: u8,
    day_nth: Vec<(i8, i64)>,
    has_by_day: bool,
    scope: Scope,
    /// Limits for units finer than or equal to FREQ (`None` = any).
    hour_mask: Option<u32>,
    minute_mask: Option<u64>,
    second_mask: Option<u64>,
    /// Offsets (seconds) inside one period's unit: seconds of the day for DAILY and coarser,
    /// seconds of the hour for HOURLY, of the minute for MINUTELY, `[0]` for SECONDLY.
    times: SmallVec<[i64; 1]>,
    set_pos: SmallVec<[i16; 8]>,
    wkst: i64,
    /// The first period: year, month index (y × 12 + m − 1), week-start day, day, or civil
    /// seconds truncated to the unit.
    base: i64,
    /// The last wall-clock instance allowed by a DATE or floating UNTIL, or by the caller.
    until: Option<i64>,
    /// Periods starting after this are not generated.
    horizon: i64,
    k: i64,
    buf: Vec<i64>,
    tmp: Vec<i64>,
    pos: usize,
    /// A shaped period's instances not yet given ([`Shape`]), when the rule has one time of
    /// day: bit `off` for the day `off` days after `days_first` (a day number), at `times[0]`
    /// (kept in `day_time`).
    /// Given before `buf`, which is then empty.
    days_left: u64,
    days_first: i64,
    day_time: i64,
    done: bool,
    empty_run: u64,
    empty_cap: u64,
    candidates: u64,
    max_candidates: u64,
    stopped: Option<Stop>,
    /// Cached day filter result for sub-daily frequencies.
    last_day: Option<(i64, bool)>,
    /// How a period's days are found without testing each day (see [`Shape`]).
    shape: Shape,
}

/// The common rule shapes whose days are computed directly instead of testing every day of the
/// period with the BYxxx filters; the result is the same (a test compares both).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// Test every day of the period.
    Scan,
    /// WEEKLY with BYDAY only: the days are fixed offsets from the week's start.
    WeekDays,
    /// MONTHLY with BYDAY only (plus BYMONTH): each weekday's days, or its nth, in the month.
    MonthDays,
}

/// A rule's day parts, with the defaults RFC 5545 takes from DTSTART when none is given
/// (YEARLY: its month and day; MONTHLY: its day; WEEKLY: its weekday).
struct DayParts {
    /// Bit `m` set for each allowed month; 0 = any.
    months: u16,
    month_days: SmallVec<[i8; 16]>,
    /// `(ordinal, weekday)`, Monday = 0.
    by_day: SmallVec<[(i8, i64); 8]>,
    /// BYWEEKNO, which applies to YEARLY only.
    week_nos: SmallVec<[i8; 16]>,
}

impl DayParts {
    fn new(rule: &RRule, dtstart: i64) -> DayParts {
        let day = dtstart.div_euclid(DAY);
        let (_, month, day_of_month) = civil_from_days(day);
        let mut parts = DayParts {
            months: rule.by_month.iter().fold(0, |acc, m| acc | (1 << m)),
            month_days: rule.by_month_day.clone(),
            by_day: rule
                .by_day
                .iter()
                .map(|w| (w.nth, i64::from(w.weekday.to_monday_zero_offset())))
                .collect(),
            week_nos: match rule.freq {
                Freq::Yearly => rule.by_week_no.clone(),
                _ => SmallVec::new(),
            },
        };
        let no_day_parts = parts.week_nos.is_empty()
            && rule.by_year_day.is_empty()
            && parts.month_days.is_empty()
            && parts.by_day.is_empty();
        if no_day_parts {
            match rule.freq {
                Freq::Yearly => {
                    if parts.months == 0 {
                        parts.months = 1 << month;
                    }
                    parts.month_days.push(day_of_month as i8);
                }
                Freq::Monthly => parts.month_days.push(day_of_month as i8),
                Freq::Weekly => parts.by_day.push((0, weekday_of(day))),
                _ => {}
            }
        }
        parts
    }
}

/// Where in a period its instances fall: offsets (seconds) inside one period's unit, and the
/// BYHOUR, BYMINUTE, BYSECOND limits of the units finer than or equal to FREQ. Units coarser
/// than FREQ take DTSTART's time when the rule gives none.
struct TimesOfDay {
    /// Seconds of the day for DAILY and coarser, of the hour for HOURLY, of the minute for
    /// MINUTELY, `[0]` for SECONDLY (empty: the rule has no instance).
    offsets: SmallVec<[i64; 1]>,
    hour_mask: Option<u32>,
    minute_mask: Option<u64>,
    second_mask: Option<u64>,
}

impl TimesOfDay {
    fn new(rule: &RRule, dtstart: i64) -> TimesOfDay {
        let second_of_day = dtstart.rem_euclid(DAY);
        let mut times = TimesOfDay {
            offsets: SmallVec::new(),
            hour_mask: None,
            minute_mask: None,
            second_mask: None,
        };
        // Nearly every rule: a day or longer, at DTSTART's time of day.
        let coarse = matches!(
            rule.freq,
            Freq::Yearly | Freq::Monthly | Freq::Weekly | Freq::Daily
        );
        if coarse
            && rule.by_hour.is_empty()
            && rule.by_minute.is_empty()
            && rule.by_second.is_empty()
        {
            times.offsets.push(second_of_day);
            return times;
        }
        let given_or = |given: &[u8], default: i64, max: u8| -> Vec<i64> {
            if given.is_empty() {
                return vec![default];
            }
            let mut values: Vec<i64> = given
                .iter()
                .filter(|x| **x <= max)
                .map(|x| i64::from(*x))
                .collect();
            values.sort_unstable();
            values.dedup();
            values
        };
        let hours = given_or(&rule.by_hour, second_of_day / 3_600, 23);
        let minutes = given_or(&rule.by_minute, second_of_day / 60 % 60, 59);
        let seconds = given_or(&rule.by_second, second_of_day % 60, 59);
        let mask32 = |given: &[u8]| {
            (!given.is_empty()).then(|| given.iter().fold(0u32, |a, h| a | (1 << (h % 32))))
        };
        let mask64 = |given: &[u8]| {
            (!given.is_empty()).then(|| given.iter().fold(0u64, |a, h| a | (1 << (h % 64))))
        };
        match rule.freq {
            Freq::Yearly | Freq::Monthly | Freq::Weekly | Freq::Daily => {
                for h in &hours {
                    for m in &minutes {
                        for s in &seconds {
                            times.offsets.push(h * 3_600 + m * 60 + s);
                        }
                    }
                }
            }
            Freq::Hourly => {
                times.hour_mask = mask32(&rule.by_hour);
                for m in &minutes {
                    for s in &seconds {
                        times.offsets.push(m * 60 + s);
                    }
                }
            }
            Freq::Minutely => {
                times.hour_mask = mask32(&rule.by_hour);
                times.minute_mask = mask64(&rule.by_minute);
                times.offsets.extend(seconds.iter().copied());
            }
            Freq::Secondly => {
                times.hour_mask = mask32(&rule.by_hour);
                times.minute_mask = mask64(&rule.by_minute);
                times.second_mask = mask64(&rule.by_second);
                // BYSECOND=60 alone (a leap second) cannot occur.
                if times.second_mask.is_none_or(|m| m & ((1 << 60) - 1) != 0) {
                    times.offsets.push(0);
                }
            }
        }
        times
    }
}

/// The first period of a rule: its year, month index (y × 12 + m − 1), week-start day, day, or
/// civil seconds truncated to the unit.
fn first_period(freq: Freq, dtstart: i64, wkst: i64) -> i64 {
    let day = dtstart.div_euclid(DAY);
    let second_of_day = dtstart - day * DAY;
    let (year, month, _) = civil_from_days(day);
    match freq {
        Freq::Yearly => year,
        Freq::Monthly => year * 12 + month - 1,
        Freq::Weekly => day - (weekday_of(day) - wkst).rem_euclid(7),
        Freq::Daily => day,
        Freq::Hourly => dtstart - second_of_day % 3_600,
        Freq::Minutely => dtstart - second_of_day % 60,
        Freq::Secondly => dtstart,
    }
}

impl RuleIter {
    /// Compiles `rule` for a series starting at `dtstart` (civil seconds). Instances after
    /// `until` (civil seconds) or in periods starting after `horizon` are not generated.
    pub(crate) fn new(
        rule: &RRule,
        dtstart: i64,
        until: Option<i64>,
        horizon: i64,
        max_candidates: u64,
    ) -> RuleIter {
        let freq = rule.freq;
        let wkst = i64::from(rule.wkst.to_monday_zero_offset());
        let days = DayParts::new(rule, dtstart);
        let times = TimesOfDay::new(rule, dtstart);
        let only_by_day =
            !days.by_day.is_empty() && days.month_days.is_empty() && rule.by_year_day.is_empty();
        let shape = match freq {
            Freq::Weekly if only_by_day && days.months == 0 => Shape::WeekDays,
            Freq::Monthly if only_by_day => Shape::MonthDays,
            _ => Shape::Scan,
        };
        // BYDAY ordinals count within the month for MONTHLY, and for YEARLY with BYMONTH.
        let scope = if freq == Freq::Monthly || (freq == Freq::Yearly && !rule.by_month.is_empty())
        {
            Scope::Month
        } else {
            Scope::Year
        };
        let ordinals_apply =
            matches!(freq, Freq::Monthly | Freq::Yearly) && days.week_nos.is_empty();
        let (mut day_mask, mut day_nth) = (0u8, Vec::new());
        for &(nth, weekday) in &days.by_day {
            if nth == 0 || !ordinals_apply {
                day_mask |= 1 << weekday;
            } else {
                day_nth.push((nth, weekday));
            }
        }
        let (mut month_days_pos, mut month_days_neg) = (0u32, 0u32);
        for &d in &days.month_days {
            if d > 0 {
                month_days_pos |= 1 << d;
            } else if d < 0 {
                month_days_neg |= 1 << (-i32::from(d));
            }
        }
        let mut set_pos = rule.by_set_pos.clone();
        set_pos.retain(|p| *p != 0);
        RuleIter {
            freq,
            interval: i64::from(rule.interval.max(1)),
            dtstart,
            months: days.months,
            month_days_pos,
            month_days_neg,
            has_month_days: !days.month_days.is_empty(),
            year_days: rule.by_year_day.clone(),
            week_nos: days.week_nos,
            day_mask,
            day_nth,
            has_by_day: !days.by_day.is_empty(),
            scope,
            hour_mask: times.hour_mask,
            minute_mask: times.minute_mask,
            second_mask: times.second_mask,
            done: times.offsets.is_empty(),
            times: times.offsets,
            set_pos,
            wkst,
            base: first_period(freq, dtstart, wkst),
            until,
            horizon,
            k: 0,
            buf: Vec::new(),
            tmp: Vec::new(),
            pos: 0,
            days_left: 0,
            days_first: 0,
            day_time: 0,
            empty_run: 0,
            empty_cap: match freq {
                Freq::Yearly => 1_000,
                Freq::Monthly => 12_000,
                Freq::Weekly => 53_000,
                _ => 366_000,
            },
            candidates: 0,
            max_candidates,
            stopped: None,
            last_day: None,
            shape,
        }
    }

    /// [`RuleIter::day_mask`] with bit `off` for the day `off` days after the week's start
    /// (WKST): the weekday mask turned right by WKST within its seven bits.
    #[inline]
    fn week_offsets(&self) -> u8 {
        let mask = u16::from(self.day_mask & 0x7F);
        let turn = self.wkst.rem_euclid(7) as u32;
        (((mask >> turn) | (mask << (7 - turn))) & 0x7F) as u8
    }

    /// Why the rule stopped early, if it did.
    pub(crate) fn stopped(&self) -> Option<Stop> {
        self.stopped
    }

    /// The step of a sub-daily period in seconds.
    fn unit(&self) -> i64 {
        match self.freq {
            Freq::Hourly => 3_600,
            Freq::Minutely => 60,
            Freq::Secondly => 1,
            _ => DAY,
        }
    }

    /// Skips whole periods so the next one generated contains `target` (civil seconds) or is
    /// the first; exact because every period's instances depend on the period alone. Never
    /// moves backwards. Only valid for rules without COUNT (the caller checks).
    pub(crate) fn seek(&mut self, target: i64) {
        if target <= self.dtstart {
            return;
        }
        let tdn = target.div_euclid(DAY);
        let k = match self.freq {
            Freq::Yearly => {
                let (ty, _, _) = civil_from_days(tdn);
                (ty - self.base).div_euclid(self.interval)
            }
            Freq::Monthly => {
                let (ty, tm, _) = civil_from_days(tdn);
                (ty * 12 + tm - 1 - self.base).div_euclid(self.interval)
            }
            Freq::Weekly => (tdn - self.base).div_euclid(7 * self.interval),
            Freq::Daily => (tdn - self.base).div_euclid(self.interval),
            _ => (target - self.base).div_euclid(self.unit().saturating_mul(self.interval)),
        };
        if k > self.k {
            self.k = k;
            self.buf.clear();
            self.pos = 0;
            self.days_left = 0;
            self.empty_run = 0;
        }
    }

    fn day_ok(&self, y: i64, m: i64, d: i64, dn: i64) -> bool {
        if self.months != 0 && self.months & (1 << m) == 0 {
            return false;
        }
        let mlen = month_len(y, m);
        if self.has_month_days
            && self.month_days_pos & (1 << d) == 0
            && self.month_days_neg & (1 << (mlen - d + 1)) == 0
        {
            return false;
        }
        let need_year = !self.year_days.is_empty()
            || !self.week_nos.is_empty()
            || (self.scope == Scope::Year && !self.day_nth.is_empty());
        let (yday, ylen) = if need_year {
            (dn - days_from_civil(y, 1, 1), year_len(y))
        } else {
            (0, 0)
        };
        if !self.year_days.is_empty()
            && !self.year_days.iter().any(|&n| {
                let n = i64::from(n);
                (n > 0 && n - 1 == yday) || (n < 0 && ylen + n == yday)
            })
        {
            return false;
        }
        if !self.week_nos.is_empty() && !self.week_no_ok(y, dn) {
            return false;
        }
        if self.has_by_day {
            let wd = weekday_of(dn);
            if self.day_mask & (1 << wd) == 0 {
                let (ord, rev) = match self.scope {
                    Scope::Month => ((d - 1) / 7 + 1, -((mlen - d) / 7 + 1)),
                    Scope::Year => (yday / 7 + 1, -((ylen - 1 - yday) / 7 + 1)),
                };
                if !self.day_nth.iter().any(|&(n, w)| {
                    let n = i64::from(n);
                    w == wd && (n == ord || n == rev)
                }) {
                    return false;
                }
            }
        }
        true
    }

    /// Day number of the first day of week 1 of `y` (weeks start on WKST).
    fn week1_start(&self, y: i64) -> i64 {
        let jan4 = days_from_civil(y, 1, 4);
        jan4 - (weekday_of(jan4) - self.wkst).rem_euclid(7)
    }

    fn week_no_ok(&self, y: i64, dn: i64) -> bool {
        let start = self.week1_start(y);
        let next = self.week1_start(y + 1);
        let (no, weeks) = if dn >= next {
            (1, (self.week1_start(y + 2) - next) / 7)
        } else if dn >= start {
            ((dn - start) / 7 + 1, (next - start) / 7)
        } else {
            let prev = self.week1_start(y - 1);
            ((dn - prev) / 7 + 1, (start - prev) / 7)
        };
        self.week_nos.iter().any(|&w| {
            let w = i64::from(w);
            w == no || w == no - weeks - 1
        })
    }

    fn push_days_of_month(&self, y: i64, m: i64, days: &mut Vec<i64>) {
        let first = days_from_civil(y, m, 1);
        for d in 1..=month_len(y, m) {
            if self.day_ok(y, m, d, first + d - 1) {
                days.push(first + d - 1);
            }
        }
    }

    /// The days of the month starting on day `first` (a day number), `len` days long, that
    /// BYDAY selects, for a rule with no other day filter: bit `d - 1` for day `d`. Every such
    /// weekday for a plain one, the nth (from the end when negative) for an ordinal one; the
    /// same days [`Self::push_days_of_month`] finds, without testing each day.
    fn weekdays_of_month(&self, first: i64, len: i64) -> u32 {
        // Days 1, 8, 15, 22 and 29.
        const EVERY_WEEK: u32 = 1 | 1 << 7 | 1 << 14 | 1 << 21 | 1 << 28;
        let wd1 = weekday_of(first);
        let mut bits = 0u32;
        let mut mask = self.day_mask & 0x7F;
        while mask != 0 {
            let w = i64::from(mask.trailing_zeros());
            bits |= EVERY_WEEK << (w - wd1).rem_euclid(7);
            mask &= mask - 1;
        }
        for &(n, w) in &self.day_nth {
            let n = i64::from(n);
            let d = if n > 0 {
                1 + (w - wd1).rem_euclid(7) + 7 * (n - 1)
            } else {
                let last_w = len - (weekday_of(first + len - 1) - w).rem_euclid(7);
                last_w + 7 * (n + 1)
            };
            if (1..=len).contains(&d) {
                bits |= 1 << (d - 1);
            }
        }
        bits & (u32::MAX >> (32 - len))
    }

    /// Fills `buf` with period `k`'s instances, or `days_left` with a shaped rule's. Returns
    /// `false` when the rule has ended.
    fn fill(&mut self) -> bool {
        if self.shape == Shape::WeekDays
            && let [time] = self.times[..]
        {
            return self.fill_weeks(time);
        }
        let mut days = std::mem::take(&mut self.tmp);
        days.clear();
        self.buf.clear();
        self.pos = 0;
        let k = self.k;
        self.k = k.saturating_add(1);
        let end = self.until.map_or(self.horizon, |u| u.min(self.horizon));
        let step = self.interval.saturating_mul(k);
        match self.freq {
            Freq::Yearly => {
                let y = self.base.saturating_add(step);
                if y > MAX_YEAR || days_from_civil(y, 1, 1) * DAY > end {
                    self.tmp = days;
                    return false;
                }
                for m in 1..=12 {
                    if self.months == 0 || self.months & (1 << m) != 0 {
                        self.push_days_of_month(y, m, &mut days);
                    }
                }
            }
            Freq::Monthly => {
                let mi = self.base.saturating_add(step);
                let (y, m) = (mi.div_euclid(12), mi.rem_euclid(12) + 1);
                if y > MAX_YEAR || days_from_civil(y, m, 1) * DAY > end {
                    self.tmp = days;
                    return false;
                }
                if self.months == 0 || self.months & (1 << m) != 0 {
                    if self.shape == Shape::MonthDays {
                        let first = days_from_civil(y, m, 1);
                        let bits = self.weekdays_of_month(first, month_len(y, m));
                        if let [time] = self.times[..] {
                            self.tmp = days;
                            return self.finish_days(first, u64::from(bits), time);
                        }
                        push_bits(&mut days, first, bits);
                    } else {
                        self.push_days_of_month(y, m, &mut days);
                    }
                }
            }
            Freq::Weekly if self.shape == Shape::WeekDays => {
                let first = self.base.saturating_add(step.saturating_mul(7));
                if first.saturating_mul(DAY) > end || first > LAST_DAY {
                    self.tmp = days;
                    return false;
                }
                // Offsets from the week's start (WKST), in order: the set bits of the weekday
                // mask turned to start at WKST (a loop over seven weekdays with a `% 7` each
                // was 1.5 M of the 62 M instructions of `touchpoint occurrences --json` on a
                // year of 600 series).
                push_bits(&mut days, first, u32::from(self.week_offsets()));
            }
            Freq::Weekly | Freq::Daily => {
                let (first, len) = if self.freq == Freq::Weekly {
                    (self.base.saturating_add(step.saturating_mul(7)), 7)
                } else {
                    (self.base.saturating_add(step), 1)
                };
                if first.saturating_mul(DAY) > end || first > LAST_DAY {
                    self.tmp = days;
                    return false;
                }
                for dn in first..first + len {
                    let (y, m, d) = civil_from_days(dn);
                    if self.day_ok(y, m, d, dn) {
                        days.push(dn);
                    }
                }
            }
            Freq::Hourly | Freq::Minutely | Freq::Secondly => {
                self.tmp = days;
                return self.fill_sub_daily(k, end);
            }
        }
        for &dn in &days {
            for &t in &self.times {
                self.buf.push(dn * DAY + t);
            }
        }
        self.tmp = days;
        self.finish_period()
    }

    /// [`RuleIter::fill`] for a WEEKLY rule with BYDAY only and one time of day: the periods'
    /// days as bits from the first one's week start. Without BYSETPOS (which picks within one
    /// period) several periods go in at once: as many as fit in 64 days, start before the
    /// horizon or UNTIL, and stay within the bound on candidates. So the instances, candidates
    /// and stops are those of one period at a time (a test compares them with every day
    /// tested), with a fill every few weeks instead of every week.
    fn fill_weeks(&mut self, time: i64) -> bool {
        let k = self.k;
        let end = self.until.map_or(self.horizon, |u| u.min(self.horizon));
        let span = self.interval.saturating_mul(7);
        let first = self.base.saturating_add(span.saturating_mul(k));
        let too_late = |first: i64| first.saturating_mul(DAY) > end || first > LAST_DAY;
        if too_late(first) {
            self.k = k.saturating_add(1);
            return false;
        }
        let week = u64::from(self.week_offsets());
        let per_period = u64::from(week.count_ones());
        let mut bits = week;
        let mut periods: i64 = 1;
        // (A period without days would count as one empty period for several.)
        if self.set_pos.is_empty() && per_period > 0 {
            let room = self.max_candidates.saturating_sub(self.candidates);
            while span * periods + 7 <= 64
                && !too_late(first + span * periods)
                && per_period * (periods as u64 + 1) <= room
            {
                bits |= week << (span * periods);
                periods += 1;
            }
        }
        self.k = k.saturating_add(periods);
        self.finish_days(first, bits, time)
    }

    fn fill_sub_daily(&mut self, k: i64, end: i64) -> bool {
        let unit = self.unit();
        let step = unit.saturating_mul(self.interval);
        let p = self.base.saturating_add(step.saturating_mul(k));
        if p > end || p.div_euclid(DAY) > LAST_DAY {
            return false;
        }
        let dn = p.div_euclid(DAY);
        let sod = p - dn * DAY;
        let day_ok = match self.last_day {
            Some((d, ok)) if d == dn => ok,
            _ => {
                let (y, m, d) = civil_from_days(dn);
                let ok = self.day_ok(y, m, d, dn);
                self.last_day = Some((dn, ok));
                ok
            }
        };
        // Which boundary to skip to when a coarser unit fails: the next day, hour or minute.
        let skip_to = if !day_ok {
            Some((dn + 1) * DAY)
        } else if self
            .hour_mask
            .is_some_and(|mask| mask & (1 << (sod / 3_600)) == 0)
        {
            Some(p - sod % 3_600 + 3_600)
        } else if self.freq != Freq::Hourly
            && self
                .minute_mask
                .is_some_and(|mask| mask & (1 << (sod / 60 % 60)) == 0)
        {
            Some(p - sod % 60 + 60)
        } else if self.freq == Freq::Secondly
            && self
                .second_mask
                .is_some_and(|mask| mask & (1 << (sod % 60)) == 0)
        {
            Some(p + 1)
        } else {
            None
        };
        if let Some(boundary) = skip_to {
            // The first period starting at or after the boundary (at least the next one).
            let periods = (boundary - p + step - 1).div_euclid(step).max(1);
            self.k = k.saturating_add(periods);
            return self.note_empty();
        }
        for &t in &self.times {
            self.buf.push(p + t);
        }
        self.finish_period()
    }

    fn note_empty(&mut self) -> bool {
        self.empty_run += 1;
        if self.empty_run > self.empty_cap {
            self.stopped = Some(Stop::EmptyPeriods(self.empty_run));
            return false;
        }
        true
    }

    /// [`RuleIter::finish_period`] for a period of a [`Shape`] whose days are `bits` from day
    /// `first` (bit `off` for day `first + off`), each at second of the day `time`, kept as a bit
    /// mask ([`RuleIter::days_left`]) rather than written to `buf`: the same instances, the same
    /// accounting, without a vector filled and read back for every period.
    fn finish_days(&mut self, first: i64, bits: u64, time: i64) -> bool {
        if !self.count_candidates(u64::from(bits.count_ones())) {
            return false;
        }
        let mut left = match self.set_pos.is_empty() {
            true => bits,
            false => select_bits(bits, &self.set_pos),
        };
        let at = |bits: u64| (first + i64::from(bits.trailing_zeros())) * DAY + time;
        // Days before DTSTART are the lowest bits, days after UNTIL the highest.
        while left != 0 && at(left) < self.dtstart {
            left &= left - 1;
        }
        if let Some(until) = self.until {
            let mut kept = left;
            let mut rest = left;
            while rest != 0 {
                let lowest = rest & rest.wrapping_neg();
                if at(lowest) > until {
                    kept &= !lowest;
                }
                rest &= rest - 1;
            }
            if kept != left {
                left = kept;
                self.done = true;
            }
        }
        self.days_left = left;
        self.days_first = first;
        self.day_time = time;
        self.period_done(left == 0)
    }

    /// Applies BYSETPOS, DTSTART and UNTIL to `buf` and accounts for the work.
    fn finish_period(&mut self) -> bool {
        if !self.count_candidates(self.buf.len() as u64) {
            self.buf.clear();
            return false;
        }
        if !self.set_pos.is_empty() && !self.buf.is_empty() {
            let len = self.buf.len();
            self.tmp.clear();
            for &p in &self.set_pos {
                if let Some(idx) = set_pos_index(p, len) {
                    self.tmp.push(self.buf[idx]);
                }
            }
            self.tmp.sort_unstable();
            self.tmp.dedup();
            std::mem::swap(&mut self.buf, &mut self.tmp);
        }
        let dtstart = self.dtstart;
        if self.buf.first().is_some_and(|&c| c < dtstart) {
            self.buf.retain(|&c| c >= dtstart);
        }
        if let Some(until) = self.until
            && let Some(last) = self.buf.last()
            && *last > until
        {
            self.buf.retain(|&c| c <= until);
            self.done = true;
        }
        self.period_done(self.buf.is_empty())
    }

    /// Counts `n` more candidates against the bound; `false` (and why) once it is passed.
    fn count_candidates(&mut self, n: u64) -> bool {
        self.candidates += n;
        if self.candidates > self.max_candidates {
            self.stopped = Some(Stop::Candidates(self.candidates));
            return false;
        }
        true
    }

    /// Whether the rule goes on after a period with no instance left (`empty`) or some.
    fn period_done(&mut self, empty: bool) -> bool {
        if empty {
            return self.done || self.note_empty();
        }
        self.empty_run = 0;
        true
    }
}

impl Iterator for RuleIter {
    type Item = i64;

    /// A shaped period's next day inline, the rest in [`RuleIter::next_filled`]: a small
    /// function for most instances.
    #[inline]
    fn next(&mut self) -> Option<i64> {
        if self.days_left != 0 {
            let off = self.days_left.trailing_zeros();
            self.days_left &= self.days_left - 1;
            return Some((self.days_first + i64::from(off)) * DAY + self.day_time);
        }
        self.next_filled()
    }
}

impl RuleIter {
    /// [`Iterator::next`] once the shaped period's days are given: `buf`'s, then the next
    /// period's.
    #[inline(never)]
    fn next_filled(&mut self) -> Option<i64> {
        loop {
            if self.days_left != 0 {
                let off = self.days_left.trailing_zeros();
                self.days_left &= self.days_left - 1;
                return Some((self.days_first + i64::from(off)) * DAY + self.day_time);
            }
            if let Some(&c) = self.buf.get(self.pos) {
                self.pos += 1;
                return Some(c);
            }
            if self.done || self.stopped.is_some() {
                return None;
            }
            if !self.fill() {
                self.done = true;
                return None;
            }
        }
    }
}

/// The day numbers of `bits` (bit `off` for day `first + off`), in order, appended to `days`.
fn push_bits(days: &mut Vec<i64>, first: i64, mut bits: u32) {
    while bits != 0 {
        days.push(first + i64::from(bits.trailing_zeros()));
        bits &= bits - 1;
    }
}

/// The set bits of `bits` that BYSETPOS picks: the nth from the lowest for a positive one, from
/// the highest for a negative one, as [`RuleIter::finish_period`] picks from a period's sorted
/// instances.
fn select_bits(bits: u64, set_pos: &[i16]) -> u64 {
    let len = bits.count_ones() as usize;
    let mut picked = 0u64;
    for &p in set_pos {
        if let Some(idx) = set_pos_index(p, len) {
            let mut rest = bits;
            for _ in 0..idx {
                rest &= rest - 1;
            }
            picked |= rest & rest.wrapping_neg();
        }
    }
    picked
}

/// The index among a period's `len` sorted instances that BYSETPOS value `p` (never 0) names:
/// the pth from the first when positive, from the last when negative; `None` past either end.
fn set_pos_index(p: i16, len: usize) -> Option<usize> {
    let p = i64::from(p);
    let idx = if p > 0 { p - 1 } else { len as i64 + p };
    usize::try_from(idx).ok().filter(|&i| i < len)
}

/// The first second of jiff's range of dates, in civil seconds.
pub(crate) const FIRST_SECOND: i64 = days_from_civil(MIN_YEAR, 1, 1) * DAY;

/// The last second of jiff's range of dates, in civil seconds.
pub(crate) const LAST_SECOND: i64 = LAST_DAY * DAY + DAY - 1;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_round_trip_day_numbers() {
        for dn in [-1_000_000, -719_468, -1, 0, 1, 10_957, 20_000, 2_932_896] {
            let (y, m, d) = civil_from_days(dn);
            assert_eq!(days_from_civil(y, m, d), dn);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(weekday_of(0), 3);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    /// The first `n` instances of `rule` from `dtstart`, with the day shapes on or off, and
    /// why the rule stopped (`until`, `max`: as [`RuleIter::new`] takes them).
    fn instances(
        rule: &RRule,
        dtstart: i64,
        shapes: bool,
        n: usize,
        (until, max): (Option<i64>, u64),
    ) -> (Vec<i64>, Option<Stop>) {
        let mut it = RuleIter::new(rule, dtstart, until, LAST_SECOND, max);
        if !shapes {
            it.shape = Shape::Scan;
        }
        let found = it.by_ref().take(n).collect();
        (found, it.stopped())
    }

    #[test]
    fn can_find_the_same_days_with_and_without_the_shape_fast_paths() {
        use crate::model::WeekdayNum;
        use jiff::civil::Weekday;
        let days = [
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
            Weekday::Friday,
            Weekday::Saturday,
            Weekday::Sunday,
        ];
        let dtstart = to_secs(civil::date(2023, 11, 29).at(9, 30, 0, 0));
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        let mut shaped = 0;
        for case in 0..400 {
            let freq = if case % 2 == 0 {
                Freq::Weekly
            } else {
                Freq::Monthly
            };
            let mut rule = RRule::new(freq);
            rule.interval = 1 + next(3) as u32;
            rule.wkst = days[next(7) as usize];
            for _ in 0..1 + next(3) {
                let nth = [0i8, 0, 1, 2, 3, 4, 5, -1, -2, -5][next(10) as usize];
                rule.by_day.push(WeekdayNum {
                    nth,
                    weekday: days[next(7) as usize],
                });
            }
            if next(4) == 0 {
                rule.by_month = smallvec::smallvec![1 + next(12) as u8, 1 + next(12) as u8];
            }
            if next(4) == 0 {
                rule.by_set_pos = smallvec::smallvec![[1i16, -1, 2][next(3) as usize]];
            }
            if next(3) == 0 {
                rule.by_hour = smallvec::smallvec![8, 17];
            }
            let fast = RuleIter::new(&rule, dtstart, None, LAST_SECOND, 1).shape;
            shaped += usize::from(fast != Shape::Scan);
            // Some rules end at an UNTIL (an instant of the day or just before it), some at the
            // bound on candidates, inside a period.
            let until = match next(3) {
                0 => Some(dtstart + next(120) as i64 * DAY + [0, 1, -1][next(3) as usize]),
                _ => None,
            };
            let max = [1_000_000, 1 + next(40)][next(2) as usize];
            assert_eq!(
                instances(&rule, dtstart, true, 60, (until, max)),
                instances(&rule, dtstart, false, 60, (until, max)),
                "{rule} until {until:?} max {max}"
            );
        }
        assert!(shaped > 300, "only {shaped} rules took a fast path");
    }

    #[test]
    fn can_convert_civil_seconds() {
        let dt = civil::date(2026, 3, 29).at(2, 30, 15, 0);
        assert_eq!(from_secs(to_secs(dt)), Some(dt));
        assert_eq!(from_secs(LAST_SECOND + 1), None);
        assert_eq!(from_secs(FIRST_SECOND - 1), None);
        assert!(from_secs(FIRST_SECOND).is_some());
        assert!(from_secs(LAST_SECOND).is_some());
    }
}
