//! Deterministic synthetic calendars for benchmarks and tests: many weekly-ish series across DST
//! zones, with the features real feeds have (bi-weekly and monthly rules, BYSETPOS, EXDATEs,
//! moved instances, series begun decades ago). The same `(n, seed)` always gives the same
//! calendar, on every machine.

use jiff::Span;
use jiff::civil::{self, Weekday};

use crate::model::{Calendar, End, Event, Freq, RRule, Time, Tz, WeekdayNum};

/// Zones the series are spread over: both hemispheres' DST rules, a half-hour offset, UTC.
const ZONES: [&str; 7] = [
    "America/New_York",
    "Europe/Berlin",
    "Australia/Sydney",
    "Asia/Kolkata",
    "UTC",
    "America/Sao_Paulo",
    "Europe/London",
];

/// SplitMix64: tiny, fast, and stable across platforms and releases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn weekday(i: u64) -> Weekday {
    match i % 7 {
        0 => Weekday::Monday,
        1 => Weekday::Tuesday,
        2 => Weekday::Wednesday,
        3 => Weekday::Thursday,
        4 => Weekday::Friday,
        5 => Weekday::Saturday,
        _ => Weekday::Sunday,
    }
}

/// `n` recurring series (plus their overrides) generated from `seed`.
///
/// About 45 % are weekly on one or two weekdays, 20 % bi-weekly, 20 % monthly on an nth (or last)
/// weekday, 15 % monthly on the last weekday via BYSETPOS. One in ten began in 1995, the rest in
/// 2024–2025; some end with UNTIL or COUNT; about a third have EXDATEs and a fifth have a moved
/// instance (an override with a higher SEQUENCE, as Google writes them).
pub fn synthetic_calendar(n: usize, seed: u64) -> Calendar {
    generate(n, seed, 10)
}

/// Like [`synthetic_calendar`], but every series began in 1995: decades of instances before any
/// window in the 2020s, for measuring how expansion cost grows with a series' age.
pub fn synthetic_calendar_old(n: usize, seed: u64) -> Calendar {
    generate(n, seed, 100)
}

/// [`synthetic_calendar`] written as RFC 5545 text (with VTIMEZONEs) by [`crate::write()`], stamped
/// at a fixed instant so the bytes are the same on every run: the feed the benchmarks and the
/// peers read.
pub fn synthetic_ics(n: usize, seed: u64) -> String {
    crate::write::write(&synthetic_calendar(n, seed), STAMP)
}

/// [`synthetic_calendar_old`] written as RFC 5545 text, like [`synthetic_ics`].
pub fn synthetic_old_ics(n: usize, seed: u64) -> String {
    crate::write::write(&synthetic_calendar_old(n, seed), STAMP)
}

/// The DTSTAMP of the generated feeds: 2026-01-01T00:00:00Z.
const STAMP: jiff::Timestamp = jiff::Timestamp::constant(1_767_225_600, 0);

/// `n` series; `old_percent` of them began in 1995, the rest in 2024–2025.
fn generate(n: usize, seed: u64, old_percent: u64) -> Calendar {
    let mut rng = Rng(seed);
    let zones: Vec<Tz> = ZONES.iter().filter_map(|z| Tz::iana(z)).collect();
    let mut events = Vec::with_capacity(n + n / 4);
    for i in 0..n {
        let tz = zones[rng.below(zones.len() as u64) as usize].clone();
        let year: i16 = if rng.chance(old_percent) {
            1995
        } else {
            2024 + rng.below(2) as i16
        };
        let first = civil::date(year, 1, 1) + Span::new().days(rng.below(365) as i64);
        let hour = 6 + rng.below(14) as i8;
        let minute = 15 * rng.below(4) as i8;
        let mut rule;
        let kind = rng.below(100);
        let day0 = first.weekday();
        if kind < 65 {
            rule = RRule::new(Freq::Weekly);
            rule.by_day.push(WeekdayNum {
                nth: 0,
                weekday: day0,
            });
            if rng.chance(40) {
                let other = day0.wrapping_add(1 + rng.below(5) as i64);
                rule.by_day.push(WeekdayNum {
                    nth: 0,
                    weekday: other,
                });
            }
            if kind >= 45 {
                rule.interval = 2;
            }
        } else if kind < 85 {
            rule = RRule::new(Freq::Monthly);
            let nth = [1i8, 2, 3, 4, -1][rng.below(5) as usize];
            rule.by_day.push(WeekdayNum {
                nth,
                weekday: weekday(rng.below(5)),
            });
        } else {
            rule = RRule::new(Freq::Monthly);
            rule.by_day = (0..5)
                .map(|d| WeekdayNum {
                    nth: 0,
                    weekday: weekday(d),
                })
                .collect();
            rule.by_set_pos.push(-1);
        }
        let ends = rng.below(100);
        if ends < 10 {
            rule.until = Some(Time::Zoned(
                civil::date(2026, 1 + rng.below(12) as i8, 1).at(0, 0, 0, 0),
                Tz::utc(),
            ));
        } else if ends < 15 && year > 2000 {
            rule.count = Some(40 + rng.below(80) as u32);
        }
        let start = first.at(hour, minute, 0, 0);
        let uid = format!("synthetic-{seed}-{i}@touchpoint.invalid");
        let mut ev = Event::new(uid.clone(), Time::Zoned(start, tz.clone()));
        ev.summary = Some(format!("Series {i}"));
        let minutes = [30i64, 45, 60, 90][rng.below(4) as usize];
        ev.end = Some(if rng.chance(50) {
            End::Duration(Span::new().minutes(minutes))
        } else {
            End::At(Time::Zoned(
                start + Span::new().minutes(minutes),
                tz.clone(),
            ))
        });
        ev.rrules.push(rule);
        let weekly = ev.rrules[0].freq == Freq::Weekly;
        // Instances of a weekly series fall on DTSTART + whole weeks in 2026.
        let week_in_2026 = |rng: &mut Rng| {
            let weeks = (civil::date(2026, 1, 1) - first).get_days() / 7 + 1;
            start + Span::new().weeks(i64::from(weeks) + rng.below(50) as i64)
        };
        if weekly && rng.chance(33) {
            for _ in 0..1 + rng.below(3) {
                let at = week_in_2026(&mut rng);
                ev.exdates.push(Time::Zoned(at, tz.clone()));
            }
        }
        let moved = (weekly && rng.chance(20)).then(|| week_in_2026(&mut rng));
        events.push(ev);
        if let Some(at) = moved {
            let new_start = at + Span::new().hours(1 + rng.below(48) as i64);
            let mut o = Event::new(uid, Time::Zoned(new_start, tz.clone()));
            o.summary = Some(format!("Series {i} (moved)"));
            o.recurrence_id = Some(Time::Zoned(at, tz.clone()));
            o.sequence = 1 + rng.below(3) as i64;
            o.end = Some(End::Duration(Span::new().minutes(minutes)));
            events.push(o);
        }
    }
    Calendar {
        prodid: Some("-//Touchpoint//synthetic//EN".to_owned()),
        name: Some(format!("Synthetic {n} series (seed {seed})")),
        description: None,
        timezone: None,
        events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_generate_the_same_calendar_for_the_same_seed() {
        let a = synthetic_calendar(50, 7);
        assert_eq!(a, synthetic_calendar(50, 7));
        assert_ne!(a, synthetic_calendar(50, 8));
        let masters = a
            .events
            .iter()
            .filter(|e| e.recurrence_id.is_none())
            .count();
        assert_eq!(masters, 50);
    }

    #[test]
    fn can_write_a_feed_that_reads_back_as_the_same_calendar() {
        let text = synthetic_ics(40, 3);
        assert_eq!(text, synthetic_ics(40, 3));
        let parsed = crate::parse(text.as_bytes()).expect("a feed");
        assert_eq!(parsed.calendar.events, synthetic_calendar(40, 3).events);
    }

    #[test]
    fn can_generate_series_that_all_began_decades_ago() {
        let old = synthetic_calendar_old(30, 5);
        let masters: Vec<_> = old
            .events
            .iter()
            .filter(|e| e.recurrence_id.is_none())
            .collect();
        assert_eq!(masters.len(), 30);
        assert!(masters.iter().all(|e| e.start.civil().year() == 1995));
        assert!(synthetic_old_ics(30, 5).contains("DTSTART;TZID="));
    }
}
