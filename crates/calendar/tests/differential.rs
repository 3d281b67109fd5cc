//! Differential test: our expansion against two independent readers, python
//! `recurring-ical-events` (3.x on icalendar 6.x) and Mozilla's ical.js (2.x, Thunderbird's
//! engine, on node), on a few hundred generated calendars, and on the hand-made producer
//! fixtures (`tests/fixtures/*.ics`; its README says which documented shape each follows).
//!
//! The calendars are generated deterministically from a seed: several zones with and without DST
//! (Berlin, New York, Sydney, London, Los Angeles, Auckland, Kolkata, UTC), start times placed
//! in DST gaps and folds, RRULEs with BYDAY/BYMONTHDAY/BYSETPOS/BYMONTH/WKST/COUNT/UNTIL/INTERVAL
//! (DATE UNTILs on date-time series too, and a few with one bad part), EXDATEs (zoned, UTC and DATE), RDATEs (and PERIODs),
//! overrides with RECURRENCE-ID (zoned, UTC, and of the other value type than their series) and
//! differing SEQUENCEs, overrides of EXDATEd instances (stale ones, with a lower SEQUENCE than
//! their master's, and kept ones), all-day and floating series, and X-WR-TIMEZONE. They are
//! written to a temporary directory; `tests/differential/peer.py` and
//! `tests/differential/icaljs.mjs` list the occurrences of a window, and the test compares each
//! peer's with [`expand`] as `(file, uid, start)` — starts as instants in UTC for zoned values,
//! as written for dates and floating values — and compares ends too where both implementations
//! agree on what an end means (below). `tests/differential/peers.rs` runs the peers and lists the
//! raw differences; every difference must belong to a class below, named by a precise predicate
//! on the calendar (the test prints how often each class was met), or the test fails.
//!
//! The python interpreter comes from `TOUCHPOINT_TEST_PYTHON`, the folder holding ical.js's
//! `node_modules` from `TOUCHPOINT_TEST_NODE_PEER` (scripts/test creates the venv, runs `npm ci`
//! from `tests/differential/package-lock.json` and sets both). The tests that ask the peers are
//! `#[ignore]`d, so a plain `cargo test` passes on a machine with only Rust; scripts/test runs them
//! (`--include-ignored`), and there they fail without either peer: a skipped differential test
//! would silently test nothing.
//!
//! Both sides are asked for a window three days wider on each side than the compared one, and
//! both lists are clipped to occurrences *starting* in the compared window, so the libraries'
//! different window semantics (overlap vs start, the zone the bounds are read in) do not matter.
//!
//! Not generated, and why:
//! - **A DTSTART that does not match its rule, with COUNT.** RFC 5545 §3.8.5.3 counts DTSTART
//!   as the first instance ("The COUNT rule part is counted starting from DTSTART");
//!   recurring-ical-events (dateutil underneath) adds DTSTART on top of COUNT rule instances, and
//!   ical.js counts from the first rule instance, both listing one more. The generator places
//!   DTSTART on a rule instance when the rule has COUNT (the non-matching DTSTART without COUNT
//!   is generated: see the ical.js class below).
//! - **Two overrides of one instance with the same SEQUENCE**: which one wins is unspecified
//!   (we and ical.js keep the last in the file, recurring-ical-events the first).
//! - **UTC series under X-WR-TIMEZONE**: recurring-ical-events reads them on that zone's wall
//!   clock (a class below, met in the Google fixture); floating and TZID'd series under
//!   X-WR-TIMEZONE are generated.
//! - **Windows TZIDs and VTIMEZONE-only zones**: the peers resolve them differently (the
//!   conformance suite covers them against cited expectations; the producer fixtures carry them).
//! - **Times before a VTIMEZONE's first observance** (VTIMEZONE-only zones are not generated;
//!   the fixtures' events all fall after theirs): three readings of `DTSTART;TZID=Custom Zone:
//!   19990701T100000` in a zone whose DAYLIGHT/STANDARD rules start in 2000 (+01:00/+02:00):
//!   ical.js 10:00Z (UTC, its known bug), recurring-ical-events 09:00Z (the first observance's
//!   TZOFFSETFROM), we 08:00Z (the observances' rules run backward).
//! - **INTERVAL=0 without COUNT**: recurring-ical-events (dateutil underneath) never returns;
//!   `INTERVAL=0` is generated beside a COUNT only (see its class below).
//! - **A RECURRENCE-ID of the other value type on an EXDATEd instance**: recurring-ical-events
//!   relates a DATE one to no instance (below), so it would list the override we drop as stale.
//!
//! Ends across a DST transition are not compared: both peers add DTEND−DTSTART or DURATION in
//! wall-clock time (Python's aware-datetime arithmetic, ical.js's `Time.addDuration`), so a
//! one-hour event starting in a gap ends at the same instant it starts; RFC 5545 §3.3.6 makes
//! hours exact. Ends are compared only where the zone's UTC offset is the same at start and end,
//! both wall clocks exist exactly once, and the same holds for the applying event's own
//! DTSTART/DTEND (which define the duration); the starts of those occurrences are still compared.
//! This also hides a known limitation of ours: an end that falls in the *second* pass of a fold
//! (e.g. 01:00 EDT + PT1H30M on the day New York falls back) is kept as a wall clock and read
//! back as the first pass, because `Time::Zoned` has no fold bit (reported on issue 3).
//!
//! Differences from both peers (each a one-line example):
//! - **ours: override of an EXDATE kept (SEQUENCE not lower)** — master `SEQUENCE:1`,
//!   `EXDATE:20260812T160000`, override `RECURRENCE-ID:20260812T160000` with `SEQUENCE:2`: we list
//!   the override, on purpose (issue 13 §4: some producers EXDATE every moved instance); both
//!   peers drop every override of an EXDATEd instance whatever its SEQUENCE. With a lower
//!   SEQUENCE all three drop it.
//! - **peers: unquoted TZID with a colon unreadable** — `DTSTART;TZID=tzone://Microsoft/Utc:
//!   20240711T090000` (Exchange, `outlook.ics`): both split the property at the TZID's colon and
//!   lose DTSTART (recurring-ical-events then cannot expand that series, ical.js throws); we read
//!   the TZID up to the value's colon. That series is not compared.
//!
//! Differences from recurring-ical-events only:
//! - **DATE RECURRENCE-ID on a date-time series unmatched** — `DTSTART;TZID=Europe/Berlin:
//!   20250109T094500` weekly, override `RECURRENCE-ID;VALUE=DATE:20260205`: it lists the
//!   2026-02-05 09:45 instance beside the override; we replace it (issue 13 §2), as the
//!   RECURRENCE-ID names the instance on that date.
//! - **unknown RRULE part fails the series** — `RRULE:FREQ=WEEKLY;COUNT=3;FOO=BAR`: dateutil
//!   rejects the rule, so the series cannot be expanded (it is reported alone, not compared);
//!   we drop the unknown part with a warning (issue 13 §3), as ical.js does.
//! - **INTERVAL=0 lists DTSTART only** — `RRULE:FREQ=WEEKLY;INTERVAL=0;COUNT=3`: it lists
//!   DTSTART alone; we drop `INTERVAL=0` (every week), as ical.js does.
//! - **UTC series on the X-WR-TIMEZONE clock** — Google's `X-WR-TIMEZONE:Europe/Berlin` with
//!   `DTSTART:20250910T150000Z`, `RRULE:FREQ=MONTHLY;BYDAY=2WE`: its x-wr-timezone library
//!   rewrites the UTC start as 17:00 Berlin and keeps that wall clock, so in winter it lists
//!   16:00Z; we keep 15:00Z, as Google shows such an event (X-WR-TIMEZONE applies to floating
//!   values only). Left out where the zone's offset differs from its offset at DTSTART.
//! - **TZID path prefix unknown** — `DTSTART;TZID=/citadel.org/20190914_1/America/New_York:…`
//!   without a VTIMEZONE (`nextcloud.ics`): it reads the value as floating; we resolve the IANA
//!   name after the prefix. Its floating values are read in our zone before comparing.
//! - **offset after a DST gap (VTIMEZONE-defined zone)** — `TZID=/mozilla.org/20050126_1/
//!   Europe/Berlin` defined by the file, `DTSTART` 2024-03-31 02:00 (a gap): read through the
//!   VTIMEZONE it is 00:00Z (the offset after the gap), for us 01:00Z (RFC 5545 §3.3.5). Matched
//!   like ical.js's class of the same name.
//!
//! Differences from ical.js only (driven as Thunderbird drives it, see `icaljs.mjs`), all its
//! own known behaviours or bugs, reconciled or left out, never copied:
//! - **X-WR-TIMEZONE ignored** — `X-WR-TIMEZONE:Europe/London` with `DTSTART:20260913T050000`:
//!   ical.js lists a floating 05:00; we and recurring-ical-events read it in London. Its floating
//!   values are read in that zone before comparing (the recurrence itself is still compared).
//! - **offset after a DST transition** — `DTSTART;TZID=Europe/Berlin:20251026T023000` (a fold)
//!   is 00:30Z for us (RFC 5545 §3.3.5: the first instance), 01:30Z for ical.js; in a gap
//!   (`20260329T023000`) we move forward (01:30Z), ical.js takes the later offset (00:30Z). Such a
//!   start is matched with ical.js's reading of the same wall clock; an EXDATE or RECURRENCE-ID
//!   in UTC of such an instance then matches nothing in ical.js, and that is left out too.
//! - **DTSTART not on its rule left out** — `DTSTART:20260205T183000Z`,
//!   `RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1`: ical.js never lists 2026-02-05 (nor an
//!   override of it); RFC 5545 §3.8.5.3 makes DTSTART the first instance, as we and
//!   recurring-ical-events list it.
//! - **EXDATE after one matching no instance missed** — `DTSTART;TZID=America/New_York:
//!   20260830T113000`, `RRULE:FREQ=MONTHLY;BYDAY=3MO`, `EXDATE` of 2026-08-30 and of
//!   2026-09-21: ical.js lists 2026-09-21 (its EXDATE cursor moves one step per instance, so an
//!   EXDATE matching no instance hides the next one).
//! - **RDATE on an RRULE instance listed twice** — weekly from `20260623` with
//!   `RDATE;VALUE=DATE:20261006` (a Tuesday): ical.js lists 2026-10-06 twice (and once when
//!   also EXDATEd); a recurrence set has each instance once.
//! - **RDATE;VALUE=PERIOD throws** — `RDATE;TZID=Asia/Kolkata;VALUE=PERIOD:20251110T033000/
//!   20251110T053000`: ical.js's iterator yields a Period where its users expect a Time, and the
//!   series cannot be listed (`next.toUnixTime is not a function`); that series is not compared.
//! - **a negative COUNT lists nothing** — `RRULE:FREQ=WEEKLY;UNTIL=20240331;COUNT=-1;
//!   INTERVAL=4;BYDAY=MO`: ical.js lists nothing, not even DTSTART; we and recurring-ical-events
//!   drop `COUNT=-1` and keep the UNTIL (issue 13 §3).
//! - **an invalid BY value throws** — `RRULE:…;BYMONTHDAY=40`: ical.js's parser rejects the
//!   value even in lenient mode, failing the whole file (the peer then reads each series alone;
//!   that series is not compared); we and recurring-ical-events drop the rule (no valid BY value
//!   left) and list DTSTART.
//! - **BYMONTHDAY past the month's end rolled over** — `RRULE:FREQ=YEARLY;BYMONTH=3,9;
//!   BYMONTHDAY=31`: ical.js lists "September 31" as October 1; the day does not exist, so there
//!   is no instance.
//! - **TZID neither IANA nor in a VTIMEZONE read floating** — `DTSTART;TZID=Eastern Standard
//!   Time:20240711T090000` with no VTIMEZONE of that name (`outlook.ics`): ical.js reads it as
//!   floating; we resolve the Windows name (CLDR's mapping). Its floating values are read in our
//!   zone before comparing.
//! - **RECURRENCE-ID of the other value type unmatched** — an all-day weekly series with
//!   `RECURRENCE-ID;TZID=Australia/Sydney:20260607T000000` (as Outlook writes), or a date-time
//!   series with `RECURRENCE-ID;VALUE=DATE:…`: ical.js relates it to no instance and lists the
//!   original (and not the override); we replace the instance (issue 13 §2).

#[path = "differential/peers.rs"]
mod peers;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use jiff::ToSpan;
use jiff::civil::{self, Date, DateTime};
use jiff::tz::{AmbiguousOffset, TimeZone};
use touchpoint_calendar::{Freq, Limits, RDate, RRule, Time, Window, expand, parse};

use peers::{Difference, Key, Listing, OurListing, Peer, Span, differences, normalise, ours};

/// How many calendars are generated.
const CALENDARS: usize = 300;
/// The compared window `[FROM, TO)`.
const FROM: &str = "2025-09-01";
const TO: &str = "2026-12-01";

const ZONES: &[&str] = &[
    "Europe/Berlin",
    "America/New_York",
    "Australia/Sydney",
    "Europe/London",
    "America/Los_Angeles",
    "Pacific/Auckland",
    "Asia/Kolkata",
    "UTC",
];

/// DST transition dates (local, 2025–2026) of the zones above, to place starts in gaps and folds.
const TRANSITIONS: &[(&str, &str, &str)] = &[
    ("Europe/Berlin", "2026-03-29", "02:30"),
    ("Europe/Berlin", "2025-10-26", "02:30"),
    ("America/New_York", "2026-03-08", "02:30"),
    ("America/New_York", "2025-11-02", "01:30"),
    ("America/New_York", "2026-11-01", "01:30"),
    ("Australia/Sydney", "2026-04-05", "02:30"),
    ("Australia/Sydney", "2025-10-05", "02:30"),
    ("Europe/London", "2026-03-29", "01:30"),
    ("Europe/London", "2025-10-26", "01:30"),
    ("America/Los_Angeles", "2026-03-08", "02:30"),
    ("Pacific/Auckland", "2026-04-05", "02:30"),
    ("Pacific/Auckland", "2025-09-28", "02:30"),
];

const WEEKDAYS: &[&str] = &["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// splitmix64: small, deterministic, good enough to spread the cases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// `true` with probability `percent`/100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// How an event's times are written.
#[derive(Clone, Copy, PartialEq)]
enum Kind<'z> {
    Zoned(&'z str),
    Floating,
    AllDay,
}

fn fmt_date(d: Date) -> String {
    d.strftime("%Y%m%d").to_string()
}

fn fmt_dt(dt: DateTime) -> String {
    dt.strftime("%Y%m%dT%H%M%S").to_string()
}

/// `;TZID=…:value`, `:valueZ`, `:value` or `;VALUE=DATE:value` for a wall-clock time.
fn prop(name: &str, kind: Kind<'_>, dt: DateTime) -> String {
    match kind {
        Kind::Zoned("UTC") => format!("{name}:{}Z\r\n", fmt_dt(dt)),
        Kind::Zoned(zone) => format!("{name};TZID={zone}:{}\r\n", fmt_dt(dt)),
        Kind::Floating => format!("{name}:{}\r\n", fmt_dt(dt)),
        Kind::AllDay => format!("{name};VALUE=DATE:{}\r\n", fmt_date(dt.date())),
    }
}

/// A random RRULE (without its end) for a series starting at `start`.
fn rule_body(rng: &mut Rng) -> String {
    match rng.below(10) {
        0..=1 => {
            let mut r = format!("FREQ=DAILY;INTERVAL={}", 1 + rng.below(3));
            if rng.chance(40) {
                r.push_str(";BYDAY=MO,TU,WE,TH,FR");
            }
            r
        }
        2..=4 => {
            let mut r = format!("FREQ=WEEKLY;INTERVAL={}", 1 + rng.below(2));
            if rng.chance(70) {
                let n = 1 + rng.below(3);
                let mut days: Vec<usize> = (0..n).map(|_| rng.below(7)).collect();
                days.sort_unstable();
                days.dedup();
                let list: Vec<&str> = days.iter().map(|d| WEEKDAYS[*d]).collect();
                let _ = write!(r, ";BYDAY={}", list.join(","));
            }
            if rng.chance(25) {
                r.push_str(";WKST=SU");
            }
            r
        }
        5..=7 => {
            let mut r = format!("FREQ=MONTHLY;INTERVAL={}", 1 + rng.below(3));
            match rng.below(5) {
                0 => {
                    let day = *rng.pick(&[1, 15, 28, 29, 30, 31, -1, -2]);
                    let _ = write!(r, ";BYMONTHDAY={day}");
                }
                1 => {
                    let nth = *rng.pick(&[1, 2, 3, 4, -1, 5]);
                    let _ = write!(r, ";BYDAY={nth}{}", rng.pick(WEEKDAYS));
                }
                2 => {
                    let pos = *rng.pick(&[1, 2, -1, -2]);
                    let _ = write!(r, ";BYDAY=MO,TU,WE,TH,FR;BYSETPOS={pos}");
                }
                3 => {
                    let _ = write!(r, ";BYDAY={};BYMONTHDAY=13", rng.pick(WEEKDAYS));
                }
                _ => {}
            }
            r
        }
        _ => {
            let mut r = format!("FREQ=YEARLY;INTERVAL={}", 1 + rng.below(2));
            match rng.below(3) {
                0 => {
                    let _ = write!(
                        r,
                        ";BYMONTH={};BYDAY={}{}",
                        1 + rng.below(12),
                        rng.pick(&[1, 2, -1]),
                        rng.pick(WEEKDAYS)
                    );
                }
                1 => {
                    let _ = write!(
                        r,
                        ";BYMONTH={},{};BYMONTHDAY={}",
                        1 + rng.below(6),
                        7 + rng.below(6),
                        1 + rng.below(31)
                    );
                }
                _ => {}
            }
            r
        }
    }
}

/// The civil date-time, `days` days and `hours` hours later on the wall clock.
fn later(dt: DateTime, days: i64, hours: i64) -> DateTime {
    dt.checked_add(days.days().hours(hours)).expect("in range")
}

/// Our expansion of a one-calendar text, as wall-clock instance starts (for choosing EXDATEs,
/// RECURRENCE-IDs and COUNT-aligned starts).
fn instance_starts(text: &str, from: DateTime, to: DateTime) -> Vec<Time> {
    let parsed = parse(text.as_bytes()).expect("generated calendar parses");
    let window = Window {
        start: from,
        end: to,
        zone: None,
    };
    expand(&parsed.calendar, &window, &Limits::default())
        .occurrences
        .into_iter()
        .map(|o| o.start)
        .collect()
}

fn wrap(body: &str, x_wr: Option<&str>) -> String {
    let mut s = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//touchpoint//differential//EN\r\n",
    );
    if let Some(zone) = x_wr {
        let _ = write!(s, "X-WR-TIMEZONE:{zone}\r\n");
    }
    s.push_str(body);
    s.push_str("END:VCALENDAR\r\n");
    s
}

/// One VEVENT block.
fn vevent(uid: &str, lines: &str) -> String {
    format!("BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20250101T000000Z\r\n{lines}END:VEVENT\r\n")
}

/// A random recurring series (master plus overrides) or single event, as VEVENT text.
fn series(rng: &mut Rng, uid: &str, x_wr: Option<&str>) -> String {
    let kind = match rng.below(20) {
        // Under X-WR-TIMEZONE the peer converts UTC values to that zone before expanding
        // (its x-wr-timezone library), so a UTC series would recur on that zone's wall clock;
        // we apply X-WR-TIMEZONE to floating values only, as Google does on import.
        0..=12 if x_wr.is_some() => Kind::Zoned(ZONES[rng.below(ZONES.len() - 1)]),
        0..=12 => Kind::Zoned(ZONES[rng.below(ZONES.len())]),
        13..=15 => Kind::AllDay,
        _ => Kind::Floating,
    };
    // A start between 2024-06 and 2026-10; a third of zoned starts sit on a DST transition day
    // at its gap or fold time, with a weekly rule so later instances cross it too.
    let base: Date = "2024-06-01".parse().expect("date");
    let mut start = base
        .checked_add((rng.below(880) as i64).days())
        .expect("date")
        .to_datetime(civil::time(
            rng.below(24) as i8,
            *rng.pick(&[0, 0, 15, 30, 45]),
            0,
            0,
        ));
    let mut forced_rule = None;
    if let Kind::Zoned(zone) = kind
        && rng.chance(35)
        && let Some((_, day, time)) = TRANSITIONS
            .iter()
            .filter(|(z, _, _)| *z == zone)
            .nth(rng.below(3))
    {
        let d: Date = day.parse().expect("date");
        let t: civil::Time = time.parse().expect("time");
        // Start a few weeks before the transition so the rule's instances run through it.
        let weeks_before = rng.below(4) as i64;
        start = d
            .checked_sub(weeks_before.weeks())
            .expect("date")
            .to_datetime(t);
        forced_rule = Some(if rng.chance(50) {
            "FREQ=WEEKLY".to_owned()
        } else {
            format!("FREQ=WEEKLY;BYDAY=SU,{}", rng.pick(&["MO", "SA", "WE"]))
        });
    }
    let single = forced_rule.is_none() && rng.chance(12);
    let duration_hours = *rng.pick(&[0, 1, 1, 2, 3, 25]);

    let end_line = |rng: &mut Rng, s: DateTime| -> String {
        match kind {
            Kind::AllDay => {
                let days = 1 + rng.below(2) as i64;
                if rng.chance(30) {
                    format!("DURATION:P{days}D\r\n")
                } else {
                    prop("DTEND", kind, later(s, days, 0))
                }
            }
            _ if rng.chance(30) => format!("DURATION:PT{duration_hours}H\r\n"),
            _ => prop("DTEND", kind, later(s, 0, duration_hours)),
        }
    };

    if single {
        let mut lines = prop("DTSTART", kind, start);
        lines.push_str(&end_line(rng, start));
        lines.push_str("SUMMARY:single\r\n");
        return vevent(uid, &lines);
    }

    let body = forced_rule.unwrap_or_else(|| rule_body(rng));
    let end_part = match rng.below(10) {
        0..=3 => Some(format!(";COUNT={}", 2 + rng.below(30))),
        4..=6 => {
            let until = later(start, 30 + rng.below(500) as i64, 0);
            Some(match kind {
                Kind::AllDay => format!(";UNTIL={}", fmt_date(until.date())),
                // A DATE UNTIL on a date-time series (issue 13): the start of that day.
                _ if rng.chance(15) => format!(";UNTIL={}", fmt_date(until.date())),
                Kind::Floating => format!(";UNTIL={}", fmt_dt(until)),
                Kind::Zoned(zone) => {
                    // UNTIL in UTC, as RFC 5545 requires for a zoned DTSTART: the instant of
                    // the same wall clock, so UNTIL sometimes equals an instance exactly.
                    let tz = TimeZone::get(zone).expect("zone");
                    let ts = tz.to_ambiguous_timestamp(until).compatible().expect("ts");
                    format!(";UNTIL={}", ts.strftime("%Y%m%dT%H%M%SZ"))
                }
            })
        }
        _ => None,
    };
    let rule = format!("RRULE:{body}{}\r\n", end_part.clone().unwrap_or_default());

    // With COUNT, put DTSTART on an instance of the rule (see the module doc): the second
    // instance of the rule without COUNT is always a genuine rule instance.
    if end_part.as_deref().is_some_and(|e| e.starts_with(";COUNT")) {
        let probe = wrap(
            &vevent(
                "probe",
                &format!("{}RRULE:{body}\r\n", prop("DTSTART", kind, start)),
            ),
            None,
        );
        let found = instance_starts(&probe, start, later(start, 800, 0));
        match found.get(1) {
            Some(t) => start = t.civil(),
            None => return String::new(),
        }
    }

    // Sometimes one bad part (issue 13 §3): we drop it with a warning and keep the rest of the
    // rule, or the rule when no BY value is left; the peers each read some of them otherwise.
    let rule = if rng.chance(6) {
        let until = end_part.as_deref().is_some_and(|e| e.starts_with(";UNTIL"));
        match rng.below(4) {
            0 if until => rule.replacen("\r\n", ";COUNT=-1\r\n", 1),
            // Only with COUNT: without it, recurring-ical-events (dateutil) never returns.
            1 if body.contains("INTERVAL=")
                && end_part.as_deref().is_some_and(|e| e.starts_with(";COUNT")) =>
            {
                let at = rule.find("INTERVAL=").expect("interval") + "INTERVAL=".len();
                format!("{}0{}", &rule[..at], &rule[at + 1..])
            }
            2 if !body.contains("BYMONTHDAY") => rule.replacen("\r\n", ";BYMONTHDAY=40\r\n", 1),
            _ => rule.replacen("\r\n", ";FOO=BAR\r\n", 1),
        }
    } else {
        rule
    };
    let mut master = prop("DTSTART", kind, start);
    master.push_str(&end_line(rng, start));
    master.push_str(&rule);
    let master_sequence = rng.below(3);
    let _ = write!(master, "SEQUENCE:{master_sequence}\r\nSUMMARY:series\r\n");

    // Instances of the series as it stands, to exclude and to override some of them.
    let so_far = wrap(&vevent(uid, &master), x_wr);
    let window_from: DateTime = FROM.parse::<Date>().expect("date").into();
    let instances = instance_starts(
        &so_far,
        later(window_from, -60, 0),
        later(window_from, 500, 0),
    );
    let pick_instances = |rng: &mut Rng, n: usize| -> Vec<Time> {
        if instances.is_empty() {
            return Vec::new();
        }
        (0..n).map(|_| rng.pick(&instances).clone()).collect()
    };

    // EXDATEs: as written for the series' kind, sometimes as the UTC instant.
    let n = rng.below(3);
    let exdates = pick_instances(rng, n);
    for ex in &exdates {
        match (kind, ex) {
            (Kind::Zoned(zone), Time::Zoned(dt, _)) if zone != "UTC" && rng.chance(30) => {
                let ts = ex.instant(&TimeZone::UTC);
                let _ = dt;
                let _ = write!(master, "EXDATE:{}\r\n", ts.strftime("%Y%m%dT%H%M%SZ"));
            }
            _ => master.push_str(&prop("EXDATE", kind, ex.civil())),
        }
    }
    // An RDATE of an extra instance, sometimes as a PERIOD with its own end.
    if rng.chance(25) {
        let extra = later(start, 3 + rng.below(400) as i64, rng.below(5) as i64);
        match kind {
            Kind::Zoned(zone) if rng.chance(20) => {
                let period = format!("{}/{}", fmt_dt(extra), fmt_dt(later(extra, 0, 2)));
                let _ = match zone {
                    "UTC" => write!(master, "RDATE;VALUE=PERIOD:{}Z/PT2H\r\n", fmt_dt(extra)),
                    _ => write!(master, "RDATE;TZID={zone};VALUE=PERIOD:{period}\r\n"),
                };
            }
            _ => master.push_str(&prop("RDATE", kind, extra)),
        }
    }
    let mut text = vevent(uid, &master);

    // Overrides: moved, retitled or cancelled instances, with their own SEQUENCE.
    let n = if rng.chance(50) { 1 + rng.below(2) } else { 0 };
    let mut overridden = pick_instances(rng, n);
    // Two overrides of one instance with the same SEQUENCE: which one wins is unspecified
    // (we keep the last in the file), so each instance is overridden at most once here.
    overridden.dedup();
    for (n, orig) in overridden.iter().enumerate() {
        // An override of an excluded instance is stale when its SEQUENCE is below the
        // master's (dropped), and kept otherwise (issue 13).
        let excluded = exdates.contains(orig);
        if excluded && rng.chance(40) {
            continue;
        }
        let sequence = match excluded {
            true if master_sequence > 0 && rng.chance(50) => rng.below(master_sequence),
            true => master_sequence + rng.below(2),
            false => rng.below(4),
        };
        let mut lines = match (kind, orig) {
            (Kind::Zoned(zone), Time::Zoned(..)) if zone != "UTC" && rng.chance(25) => {
                let ts = orig.instant(&TimeZone::UTC);
                format!("RECURRENCE-ID:{}\r\n", ts.strftime("%Y%m%dT%H%M%SZ"))
            }
            // A RECURRENCE-ID of the other value type (issue 13): a date on a date-time
            // series, or (as Outlook writes) midnight in a zone on an all-day series. Not on
            // an excluded instance: recurring-ical-events relates a DATE one to no instance,
            // so it would list the override we drop as stale.
            (Kind::AllDay, _) if !excluded && rng.chance(25) => {
                let zone = rng.pick(&ZONES[..ZONES.len() - 1]);
                format!(
                    "RECURRENCE-ID;TZID={zone}:{}T000000\r\n",
                    fmt_date(orig.civil().date())
                )
            }
            (Kind::Zoned(_) | Kind::Floating, _) if !excluded && rng.chance(10) => {
                prop("RECURRENCE-ID", Kind::AllDay, orig.civil())
            }
            _ => prop("RECURRENCE-ID", kind, orig.civil()),
        };
        let moved = match kind {
            Kind::AllDay => later(orig.civil(), rng.below(3) as i64, 0),
            _ => later(orig.civil(), 0, rng.below(30) as i64),
        };
        lines.push_str(&prop("DTSTART", kind, moved));
        lines.push_str(&prop(
            "DTEND",
            kind,
            later(moved, i64::from(kind == Kind::AllDay), 1),
        ));
        let _ = write!(lines, "SEQUENCE:{sequence}\r\nSUMMARY:override {n}\r\n");
        if rng.chance(20) {
            lines.push_str("STATUS:CANCELLED\r\n");
        }
        text.push_str(&vevent(uid, &lines));
    }
    text
}

/// One generated calendar.
fn calendar(rng: &mut Rng, index: usize) -> String {
    let x_wr = rng.chance(10).then(|| *rng.pick(&ZONES[..6]));
    let mut body = String::new();
    for e in 0..1 + rng.below(3) {
        body.push_str(&series(
            rng,
            &format!("cal{index}-ev{e}@touchpoint.test"),
            x_wr,
        ));
    }
    wrap(&body, x_wr)
}

fn generate(dir: &Path) -> Vec<String> {
    let mut rng = Rng(0x7043_6f6e_666f_726d);
    (0..CALENDARS)
        .map(|i| {
            let name = format!("cal{i:03}.ics");
            std::fs::write(dir.join(&name), calendar(&mut rng, i)).expect("write calendar");
            name
        })
        .collect()
}

fn temp_dir() -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!(
        "touchpoint-differential-{}-{nanos}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// The generated corpus in a fresh temporary directory: the directory and the files' paths.
fn corpus() -> (PathBuf, Vec<PathBuf>) {
    let dir = temp_dir();
    let files = generate(&dir).iter().map(|f| dir.join(f)).collect();
    (dir, files)
}

/// The compared window of the generated corpus.
fn corpus_span() -> Span {
    Span {
        from: FROM.parse().expect("from"),
        to: TO.parse().expect("to"),
    }
}

/// How often each documented class of differences was met (reconciled or left out).
type Classes = BTreeMap<&'static str, usize>;

/// What a peer is known to do differently (see the module doc): `reconcile` rewrites the peer's
/// listing where it only says the same thing another way, `known` names the class of a
/// difference that remains, if it has one.
struct Known {
    reconcile: fn(&OurListing, &mut Listing, &mut Classes),
    known: fn(&Difference, &OurListing) -> Option<&'static str>,
}

/// recurring-ical-events: the classes listed in the module doc.
const RIE_KNOWN: Known = Known {
    reconcile: |ours, theirs, classes| {
        // A path-prefixed TZID (/citadel.org/…) without a VTIMEZONE: floating for the peer.
        read_floating_in_unknown_zones(
            ours,
            theirs,
            classes,
            "recurring-ical-events: TZID path prefix unknown",
            |tzid, text| tzid.starts_with('/') && !defines_vtimezone(text, tzid),
        );
        // Its own reading of a VTIMEZONE takes the offset after a gap, as ical.js does.
        resolve_gaps_and_folds(
            ours,
            theirs,
            classes,
            "recurring-ical-events: offset after a DST gap (VTIMEZONE-defined zone)",
            |text, uid| {
                written_tzid(text, uid)
                    .is_some_and(|tzid| tzid.starts_with('/') && defines_vtimezone(text, &tzid))
            },
        );
    },
    known: |difference, ours| {
        deliberate(difference, ours)
            .or_else(|| peers_cannot_read(difference, ours))
            .or_else(|| rie_known(difference, ours))
    },
};

/// ical.js: the classes listed in the module doc.
const ICALJS_KNOWN: Known = Known {
    reconcile: |ours, theirs, classes| {
        icaljs_read_floating_in_x_wr_timezone(ours, theirs, classes);
        // A TZID neither defined by a VTIMEZONE of the file nor an IANA name: floating for it.
        read_floating_in_unknown_zones(
            ours,
            theirs,
            classes,
            "ical.js: TZID neither IANA nor in a VTIMEZONE read floating",
            |tzid, text| !defines_vtimezone(text, tzid) && TimeZone::get(tzid).is_err(),
        );
        resolve_gaps_and_folds(
            ours,
            theirs,
            classes,
            "ical.js: offset after a DST transition",
            |_, _| true,
        );
    },
    known: |difference, ours| {
        deliberate(difference, ours)
            .or_else(|| peers_cannot_read(difference, ours))
            .or_else(|| icaljs_known(difference, ours))
    },
};

/// A difference about one series: where it is, and what we list there.
struct Here<'a> {
    key: &'a Key,
    /// How many times we list the key, and the peer.
    counts: (usize, usize),
    calendar: &'a touchpoint_calendar::Calendar,
    master: &'a touchpoint_calendar::Event,
    /// Our occurrences at the key.
    ours: &'a [peers::Ours],
}

impl<'a> Here<'a> {
    fn of(difference: &'a Difference, ours: &'a OurListing) -> Option<Here<'a>> {
        let (key, counts) = match difference {
            Difference::Count {
                key,
                ours: n,
                theirs: m,
            } => (key, (*n, *m)),
            // Listed as often on both sides.
            Difference::End { key, .. } => (key, (1, 1)),
            Difference::Error { .. } => return None,
        };
        let calendar = &ours.calendars[&key.file];
        let master = calendar
            .events
            .iter()
            .find(|e| e.uid == key.uid && e.recurrence_id.is_none())?;
        Some(Here {
            key,
            counts,
            calendar,
            master,
            ours: ours.occurrences.get(key).map_or(&[], Vec::as_slice),
        })
    }

    /// The overrides of this series.
    fn overrides(&self) -> impl Iterator<Item = &'a touchpoint_calendar::Event> + use<'a, '_> {
        let uid = &self.key.uid;
        self.calendar
            .events
            .iter()
            .filter(move |e| e.uid == *uid && e.recurrence_id.is_some())
    }

    /// Whether every one of our occurrences here is an override for which `pred` holds.
    fn all_overrides(&self, pred: impl Fn(&touchpoint_calendar::Event) -> bool) -> bool {
        !self.ours.is_empty()
            && self.ours.iter().all(|o| {
                let event = &self.calendar.events[o.event];
                event.recurrence_id.is_some() && pred(event)
            })
    }

    /// The date of the normalised start on the master's clock.
    fn local_date(&self) -> Date {
        match &self.master.start {
            Time::Zoned(_, tz) if self.key.start.ends_with('Z') => {
                let ts: jiff::Timestamp = self.key.start.parse().expect("instant");
                tz.zone.to_datetime(ts).date()
            }
            _ => self.key.start[..10].parse().expect("date"),
        }
    }
}

/// Whether two values name the same instance of `master`: the same instant, or the same date
/// on the master's clock when one of them is a DATE.
fn same_instance(a: &Time, b: &Time, master: &touchpoint_calendar::Event) -> bool {
    let date = |t: &Time| match (t, &master.start) {
        (Time::Zoned(..), Time::Zoned(_, tz)) => {
            tz.zone.to_datetime(t.instant(&TimeZone::UTC)).date()
        }
        _ => t.civil().date(),
    };
    match (a, b) {
        (Time::Date(_), _) | (_, Time::Date(_)) => date(a) == date(b),
        _ => normalise(a) == normalise(b),
    }
}

/// A peer that cannot resolve a TZID reads its values as floating: read the floating values it
/// lists for such a series (`unknown`: TZID as written, file text) in the zone we resolved.
fn read_floating_in_unknown_zones(
    ours: &OurListing,
    theirs: &mut Listing,
    classes: &mut Classes,
    class: &'static str,
    unknown: impl Fn(&str, &str) -> bool,
) {
    let floating = |s: &str| s.len() == 19 && !s.ends_with('Z');
    let listed = std::mem::take(&mut theirs.occurrences);
    for (mut key, mut ends) in listed {
        let text = &ours.texts[&key.file];
        let master = ours.calendars[&key.file]
            .events
            .iter()
            .find(|e| e.uid == key.uid && e.recurrence_id.is_none());
        let zone = match (master.map(|m| &m.start), written_tzid(text, &key.uid)) {
            (Some(Time::Zoned(_, tz)), Some(tzid)) if unknown(&tzid, text) => Some(tz.zone.clone()),
            _ => None,
        };
        if let Some(zone) = zone
            && floating(&key.start)
        {
            *classes.entry(class).or_default() += ends.len();
            let read_in = |s: &str| -> String {
                let dt: DateTime = s.parse().expect("floating date-time");
                let ts = zone
                    .to_ambiguous_timestamp(dt)
                    .compatible()
                    .expect("in range");
                ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
            };
            key.start = read_in(&key.start);
            for end in ends.iter_mut().filter(|e| floating(e)) {
                *end = read_in(end);
            }
        }
        theirs.occurrences.entry(key).or_default().extend(ends);
    }
}

/// The content lines of each VEVENT of `text`, unfolded (what the model does not keep, such as
/// a TZID as written, is read from here).
fn raw_vevents(text: &str) -> Vec<Vec<String>> {
    let unfolded = text
        .replace("\r\n ", "")
        .replace("\r\n\t", "")
        .replace("\n ", "")
        .replace("\n\t", "");
    let mut events = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in unfolded.lines() {
        match line {
            "BEGIN:VEVENT" => current = Some(Vec::new()),
            "END:VEVENT" => events.extend(current.take()),
            _ => {
                if let Some(lines) = current.as_mut() {
                    lines.push(line.to_owned());
                }
            }
        }
    }
    events
}

/// The DTSTART line of the master of `uid`, as written.
fn master_dtstart_line(text: &str, uid: &str) -> Option<String> {
    raw_vevents(text)
        .into_iter()
        .find(|lines| {
            lines.iter().any(|l| l.strip_prefix("UID:") == Some(uid))
                && !lines.iter().any(|l| l.starts_with("RECURRENCE-ID"))
        })?
        .into_iter()
        .find(|l| l.starts_with("DTSTART;") || l.starts_with("DTSTART:"))
}

/// The RRULE of the master of `uid`, as written (empty without one).
fn written_rrule(text: &str, uid: &str) -> String {
    raw_vevents(text)
        .into_iter()
        .find(|lines| {
            lines.iter().any(|l| l.strip_prefix("UID:") == Some(uid))
                && !lines.iter().any(|l| l.starts_with("RECURRENCE-ID"))
        })
        .and_then(|lines| lines.into_iter().find(|l| l.starts_with("RRULE")))
        .unwrap_or_default()
}

/// Whether the master of the series has a bad rule part written, as `part` (`NAME=VALUE`).
fn bad_part(difference: &Difference, ours: &OurListing, part: &str) -> bool {
    let (file, uid) = match difference {
        Difference::Error {
            file,
            uid: Some(uid),
            ..
        } => (file, uid),
        Difference::Count { key, .. } | Difference::End { key, .. } => (&key.file, &key.uid),
        Difference::Error { .. } => return false,
    };
    written_rrule(&ours.texts[file], uid)
        .split([':', ';'])
        .any(|p| p == part)
}

/// The TZID of the master of `uid`'s DTSTART as written: quoted, or up to the next `;` or the
/// last `:` (so an unquoted TZID holding a colon is read whole).
fn written_tzid(text: &str, uid: &str) -> Option<String> {
    let line = master_dtstart_line(text, uid)?;
    let rest = &line[line.find(";TZID=")? + 6..];
    if let Some(quoted) = rest.strip_prefix('"') {
        return quoted.split('"').next().map(str::to_owned);
    }
    let end = rest.find(';').into_iter().chain(rest.rfind(':')).min()?;
    Some(rest[..end].to_owned())
}

/// Whether a VTIMEZONE of `text` defines `tzid`.
fn defines_vtimezone(text: &str, tzid: &str) -> bool {
    text.lines()
        .any(|l| l.trim_end().strip_prefix("TZID:") == Some(tzid))
}

/// Differences that come from both peers' readers, not from our engine (see the module doc).
fn peers_cannot_read(difference: &Difference, ours: &OurListing) -> Option<&'static str> {
    let Difference::Error {
        file,
        uid: Some(uid),
        ..
    } = difference
    else {
        return None;
    };
    written_tzid(&ours.texts[file], uid)
        .is_some_and(|tzid| tzid.contains(':'))
        .then_some("peers: unquoted TZID with a colon unreadable")
}

/// Whether a difference is recurring-ical-events reading a UTC series on the wall clock of the
/// calendar's X-WR-TIMEZONE (its x-wr-timezone library rewrites UTC values into that zone):
/// its instance keeps DTSTART's wall clock there, ours keeps the UTC time, so they part where
/// that zone's offset differs from its offset at DTSTART.
fn utc_series_on_x_wr_clock(here: &Here<'_>) -> bool {
    let (Some(zone), Time::Zoned(_, tz)) = (
        here.calendar
            .timezone
            .as_deref()
            .and_then(|name| TimeZone::get(name).ok()),
        &here.master.start,
    ) else {
        return false;
    };
    let Some(utc) = here.key.start.strip_suffix('Z') else {
        return false;
    };
    if !tz.is_utc() {
        return false;
    }
    let at: jiff::Timestamp = format!("{utc}Z").parse().expect("instant");
    let first = here.master.start.instant(&TimeZone::UTC);
    let shifted = zone.to_offset(at) != zone.to_offset(first);
    match here.counts {
        (_, 0) => shifted,
        // Its instance: DTSTART's wall-clock time of day in that zone.
        (0, _) => shifted && zone.to_datetime(at).time() == zone.to_datetime(first).time(),
        _ => false,
    }
}

/// Differences from both peers that are ours on purpose (see the module doc).
fn deliberate(difference: &Difference, ours: &OurListing) -> Option<&'static str> {
    let here = Here::of(difference, ours)?;
    let master = here.master;
    let kept_moved = here.all_overrides(|o| {
        let id = o.recurrence_id.as_ref().expect("override");
        o.sequence >= master.sequence
            && master
                .exdates
                .iter()
                .any(|ex| same_instance(ex, id, master))
    });
    if here.counts.0 > here.counts.1 && kept_moved {
        return Some("ours: override of an EXDATE kept (SEQUENCE not lower)");
    }
    None
}

/// The class of a difference with recurring-ical-events, if it has one.
fn rie_known(difference: &Difference, ours: &OurListing) -> Option<&'static str> {
    if matches!(difference, Difference::Error { .. }) && bad_part(difference, ours, "FOO=BAR") {
        return Some("recurring-ical-events: unknown RRULE part fails the series");
    }
    let here = Here::of(difference, ours)?;
    if here.counts.1 == 0 && bad_part(difference, ours, "INTERVAL=0") {
        return Some("recurring-ical-events: INTERVAL=0 lists DTSTART only");
    }
    if utc_series_on_x_wr_clock(&here) {
        return Some("recurring-ical-events: UTC series on the X-WR-TIMEZONE clock");
    }
    // The instance the DATE RECURRENCE-ID names, listed beside the override.
    if here.counts.1 > here.counts.0
        && !here.master.start.is_date()
        && here
            .overrides()
            .any(|o| matches!(o.recurrence_id, Some(Time::Date(d)) if d == here.local_date()))
    {
        return Some("recurring-ical-events: DATE RECURRENCE-ID on a date-time series unmatched");
    }
    None
}

/// ical.js ignores X-WR-TIMEZONE: read the floating values it lists for a calendar that has one
/// in that zone, as we and recurring-ical-events do.
fn icaljs_read_floating_in_x_wr_timezone(
    ours: &OurListing,
    theirs: &mut Listing,
    classes: &mut Classes,
) {
    let floating = |s: &str| s.len() == 19 && !s.ends_with('Z');
    let read_in = |s: &str, zone: &TimeZone| -> String {
        let dt: DateTime = s.parse().expect("floating date-time");
        let ts = zone
            .to_ambiguous_timestamp(dt)
            .compatible()
            .expect("in range");
        ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
    };
    let listed = std::mem::take(&mut theirs.occurrences);
    for (mut key, mut ends) in listed {
        let zone = ours.calendars[&key.file]
            .timezone
            .as_deref()
            .and_then(|name| TimeZone::get(name).ok());
        if let Some(zone) = zone
            && floating(&key.start)
        {
            *classes.entry("ical.js: X-WR-TIMEZONE ignored").or_default() += ends.len();
            key.start = read_in(&key.start, &zone);
            for end in ends.iter_mut().filter(|e| floating(e)) {
                *end = read_in(end, &zone);
            }
        }
        theirs.occurrences.entry(key).or_default().extend(ends);
    }
}

/// ical.js (and recurring-ical-events on a zone of the file's own VTIMEZONE) resolves a local
/// time in a DST gap or fold with the offset in force *after* the transition; RFC 5545 §3.3.5
/// takes the offset before it (the first of two repeated instants, a skipped time moved forward
/// by the gap). Where ours lists a start at such a time and the peer lists the same wall clock at
/// the other offset instead, count it as the same occurrence (for the series `applies` to:
/// file text, UID).
fn resolve_gaps_and_folds(
    ours: &OurListing,
    theirs: &mut Listing,
    classes: &mut Classes,
    class: &'static str,
    applies: impl Fn(&str, &str) -> bool,
) {
    for (key, list) in &ours.occurrences {
        if !applies(&ours.texts[&key.file], &key.uid) {
            continue;
        }
        for occ in list {
            let Time::Zoned(dt, tz) = &occ.start else {
                continue;
            };
            let after = match tz.zone.to_ambiguous_timestamp(*dt).offset() {
                AmbiguousOffset::Unambiguous { .. } => continue,
                AmbiguousOffset::Gap { after, .. } | AmbiguousOffset::Fold { after, .. } => after,
            };
            let alternative = Key {
                start: after
                    .to_timestamp(*dt)
                    .expect("in range")
                    .strftime("%Y-%m-%dT%H:%M:%SZ")
                    .to_string(),
                ..key.clone()
            };
            if theirs.occurrences.contains_key(key) {
                continue;
            }
            if let Some(ends) = theirs.occurrences.remove(&alternative) {
                *classes.entry(class).or_default() += 1;
                theirs.occurrences.insert(key.clone(), ends);
            }
        }
    }
}

/// The class of a difference with ical.js that remains after reconciling, if it has one.
fn icaljs_known(difference: &Difference, ours: &OurListing) -> Option<&'static str> {
    if matches!(difference, Difference::Error { .. }) && bad_part(difference, ours, "BYMONTHDAY=40")
    {
        return Some("ical.js: an invalid BY value throws");
    }
    if let Difference::Count { theirs: 0, .. } = difference
        && bad_part(difference, ours, "COUNT=-1")
    {
        return Some("ical.js: a negative COUNT lists nothing");
    }
    if let Difference::Error {
        file,
        uid: Some(uid),
        ..
    } = difference
        && ours.calendars[file]
            .events
            .iter()
            .any(|e| e.uid == *uid && e.rdates.iter().any(|r| matches!(r, RDate::Period(..))))
    {
        return Some("ical.js: RDATE;VALUE=PERIOD throws");
    }
    if let Some(here) = Here::of(difference, ours) {
        let cross_type = |o: &touchpoint_calendar::Event| {
            o.recurrence_id.as_ref().expect("override").is_date() != here.master.start.is_date()
        };
        // Ours from such overrides (ical.js lists none of them).
        let from_cross_type = here
            .ours
            .iter()
            .filter(|o| {
                let event = &here.calendar.events[o.event];
                event.recurrence_id.is_some() && cross_type(event)
            })
            .count();
        // The instance such an override names (ical.js lists it as it was).
        let named = here.overrides().any(|o| {
            cross_type(o)
                && o.recurrence_id.as_ref().expect("override").civil().date() == here.local_date()
        });
        let unmatched = match here.counts {
            // Ours replaced by the override, ical.js's the original instance: with its end.
            (n, m) if n == m => n == from_cross_type,
            (n, m) if n > m => from_cross_type >= n - m,
            _ => named,
        };
        if unmatched {
            return Some("ical.js: RECURRENCE-ID of the other value type unmatched");
        }
    }
    let Difference::Count {
        key,
        ours: n,
        theirs: m,
    } = difference
    else {
        return None;
    };
    let calendar = &ours.calendars[&key.file];
    let master = calendar
        .events
        .iter()
        .find(|e| e.uid == key.uid && e.recurrence_id.is_none())?;
    let rule = master.rrules.first()?;
    let ours_here: &[peers::Ours] = ours.occurrences.get(key).map_or(&[], Vec::as_slice);
    // The instance (its RECURRENCE-ID or, for the master, its start) each of ours stands for.
    let ids: Vec<String> = ours_here
        .iter()
        .map(|o| {
            let event = &calendar.events[o.event];
            normalise(event.recurrence_id.as_ref().unwrap_or(&o.start))
        })
        .collect();

    let rdate_here = master.rdates.iter().any(|r| match r {
        RDate::Time(t) | RDate::Period(t, _) => normalise(t) == key.start,
    });
    let exdate_here = master.exdates.iter().any(|t| normalise(t) == key.start);
    if rdate_here && *m == n + 1 && (*n > 0 || exdate_here) {
        return Some("ical.js: RDATE on an RRULE instance listed twice");
    }
    if (*n, *m) == (1, 0) && ids == [normalise(&master.start)] && !dtstart_on_rule(master) {
        return Some("ical.js: DTSTART not on its rule left out");
    }
    if (*n, *m) == (0, 1) {
        let exdates: Vec<String> = master.exdates.iter().map(normalise).collect();
        if exdates.contains(&key.start) && exdates.iter().any(|e| *e < key.start) {
            return Some("ical.js: EXDATE after one matching no instance missed");
        }
        if after_offset_reading(&key.start, &master.start) {
            return Some("ical.js: offset after a DST transition");
        }
        if overflowing_month_day(rule, &key.start, &master.start) {
            return Some("ical.js: BYMONTHDAY past the month's end rolled over");
        }
    }
    if (*n, *m) == (1, 0)
        && ours_here.iter().all(|o| {
            calendar.events[o.event]
                .recurrence_id
                .as_ref()
                .is_some_and(|id| ambiguous_on_master_clock(id, &master.start))
        })
    {
        return Some("ical.js: offset after a DST transition");
    }
    None
}

/// Whether `master`'s DTSTART is an instance of its (first) rule: the rule started one
/// INTERVAL earlier lists it (our engine, with COUNT, EXDATEs and RDATEs left out).
fn dtstart_on_rule(master: &touchpoint_calendar::Event) -> bool {
    let Some(rule) = master.rrules.first() else {
        return true;
    };
    let step = i64::from(rule.interval);
    let back = match rule.freq {
        Freq::Yearly => step.years(),
        Freq::Monthly => step.months(),
        Freq::Weekly => step.weeks(),
        Freq::Daily => step.days(),
        _ => return true,
    };
    let moved = |t: &Time| -> Time {
        let earlier = t.civil().checked_sub(back).expect("in range");
        match t {
            Time::Date(_) => Time::Date(earlier.date()),
            Time::Floating(_) => Time::Floating(earlier),
            Time::Zoned(_, tz) => Time::Zoned(earlier, tz.clone()),
        }
    };
    let mut probe = master.clone();
    probe.start = moved(&master.start);
    probe.end = None;
    probe.exdates.clear();
    probe.rdates.clear();
    probe.rrules[0].count = None;
    probe.rrules.truncate(1);
    let at = master.start.civil();
    let window = Window {
        start: at.checked_sub(1.hours()).expect("in range"),
        end: at.checked_add(1.hours()).expect("in range"),
        zone: None,
    };
    let calendar = touchpoint_calendar::Calendar {
        events: vec![probe],
        ..Default::default()
    };
    expand(&calendar, &window, &Limits::default())
        .occurrences
        .iter()
        .any(|o| o.start == master.start)
}

/// The wall clock of `t` on the master's clock, when the master is zoned.
fn master_wall_clock(t: &Time, master_start: &Time) -> Option<(DateTime, TimeZone)> {
    let Time::Zoned(_, tz) = master_start else {
        return None;
    };
    match t {
        Time::Zoned(_, own) if own.is_utc() => Some((
            tz.zone.to_datetime(t.instant(&TimeZone::UTC)),
            tz.zone.clone(),
        )),
        Time::Zoned(dt, _) => Some((*dt, tz.zone.clone())),
        _ => None,
    }
}

/// Whether `t` is, on the master's clock, a wall clock in a DST gap or fold.
fn ambiguous_on_master_clock(t: &Time, master_start: &Time) -> bool {
    master_wall_clock(t, master_start)
        .is_some_and(|(wall, zone)| zone.to_ambiguous_timestamp(wall).is_ambiguous())
}

/// Whether the instant `start` (normalised) is how ical.js reads a wall clock in a DST gap or
/// fold of the master's zone: with the offset in force after the transition.
fn after_offset_reading(start: &str, master_start: &Time) -> bool {
    let (Time::Zoned(_, tz), Some(utc)) = (master_start, start.strip_suffix('Z')) else {
        return false;
    };
    let at: jiff::Timestamp = format!("{utc}Z").parse().expect("instant");
    // The wall clock it shows (a fold's second pass), or the one it shows with the offset of two
    // hours later (a skipped wall clock read with the offset after the gap).
    let later = at.checked_add(2.hours()).expect("in range");
    let candidates = [
        tz.zone.to_datetime(at),
        tz.zone.to_offset(later).to_datetime(at),
    ];
    candidates.iter().any(
        |wall| match tz.zone.to_ambiguous_timestamp(*wall).offset() {
            AmbiguousOffset::Unambiguous { .. } => false,
            AmbiguousOffset::Gap { after, .. } | AmbiguousOffset::Fold { after, .. } => {
                after.to_timestamp(*wall).ok() == Some(at)
            }
        },
    )
}

/// Whether `start` (normalised) is where ical.js rolls a YEARLY rule's BYMONTHDAY over the end
/// of a BYMONTH month that is too short (September 31 listed as October 1).
fn overflowing_month_day(rule: &RRule, start: &str, master_start: &Time) -> bool {
    if rule.freq != Freq::Yearly {
        return false;
    }
    let local = match master_start {
        Time::Zoned(_, tz) if start.ends_with('Z') => {
            let ts: jiff::Timestamp = start.parse().expect("instant");
            tz.zone.to_datetime(ts).date()
        }
        _ => start[..10].parse().expect("date"),
    };
    rule.by_month.iter().any(|&month| {
        rule.by_month_day.iter().any(|&day| {
            let first = Date::new(local.year(), month as i8, 1).expect("date");
            day > first.days_in_month()
                && first.checked_add(i64::from(day - 1).days()).ok() == Some(local)
        })
    })
}

/// Compares ours with `peer` on `files` (in `dir`): every difference must belong to a class
/// `known` names (see the module doc); anything else fails the test, with the calendars kept.
/// Returns how many occurrences were compared and in how many files.
fn compare(
    peer: &Peer,
    dir: &Path,
    files: &[PathBuf],
    span: Span,
    known: &Known,
) -> (usize, usize) {
    let started = Instant::now();
    let ours = ours(files, span);
    let mut theirs = peer.list(files, span);
    let mut classes = Classes::new();
    (known.reconcile)(&ours, &mut theirs, &mut classes);
    let mut problems = Vec::new();
    for difference in differences(&ours, &theirs) {
        match (known.known)(&difference, &ours) {
            Some(class) => *classes.entry(class).or_default() += 1,
            None => problems.push(difference.to_string()),
        }
    }
    let compared: usize = ours.occurrences.values().map(Vec::len).sum();
    let files_with_occurrences = ours
        .occurrences
        .keys()
        .map(|k| &k.file)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    // The whole list, beside the calendars when they are generated ones.
    let listed = if problems.is_empty() || !dir.starts_with(std::env::temp_dir()) {
        String::new()
    } else {
        let list = dir.join(format!("differences-{}.txt", peer.name()));
        let _ = std::fs::write(&list, problems.join("\n"));
        format!("; all of them in {}", list.display())
    };
    assert!(
        problems.is_empty(),
        "{} differences with {} (calendars in {}{listed}):\n{}",
        problems.len(),
        peer.name(),
        dir.display(),
        problems
            .iter()
            .take(60)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    eprintln!(
        "{compared} occurrences in {files_with_occurrences} files agree with {} ({:?}); \
         known differences: {classes:?}",
        peer.name(),
        started.elapsed()
    );
    (compared, files_with_occurrences)
}

#[test]
#[ignore = "needs python recurring-ical-events and node ical.js (scripts/test provides them)"]
fn can_list_the_same_occurrences_as_recurring_ical_events() {
    let peer = Peer::recurring_ical_events();
    let (dir, files) = corpus();
    let (compared, with_occurrences) = compare(&peer, &dir, &files, corpus_span(), &RIE_KNOWN);
    // Guard against a generator that stopped generating anything worth comparing.
    assert!(
        compared > 5_000 && with_occurrences > CALENDARS * 3 / 4,
        "only {compared} occurrences in {with_occurrences} calendars compared"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
#[ignore = "needs python recurring-ical-events and node ical.js (scripts/test provides them)"]
fn can_list_the_same_occurrences_as_ical_js() {
    let peer = Peer::ical_js();
    let (dir, files) = corpus();
    let (compared, with_occurrences) = compare(&peer, &dir, &files, corpus_span(), &ICALJS_KNOWN);
    assert!(
        compared > 5_000 && with_occurrences > CALENDARS * 3 / 4,
        "only {compared} occurrences in {with_occurrences} calendars compared"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The compared window of the producer fixtures (their events run from 2020 to 2026).
fn fixtures_span() -> Span {
    Span {
        from: "2020-01-01".parse().expect("from"),
        to: "2027-01-01".parse().expect("to"),
    }
}

/// Every producer fixture (`tests/fixtures/*.ics`; the subfolders hold other suites' inputs).
fn producer_fixtures() -> (PathBuf, Vec<PathBuf>) {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .map(|entry| entry.expect("fixture entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "ics"))
        .collect();
    files.sort();
    (dir, files)
}

#[test]
#[ignore = "needs python recurring-ical-events and node ical.js (scripts/test provides them)"]
fn can_list_every_producer_fixture_as_both_peers() {
    let (dir, files) = producer_fixtures();
    assert!(files.len() >= 12, "only {} producer fixtures", files.len());
    for (peer, known) in [
        (Peer::ical_js(), &ICALJS_KNOWN),
        (Peer::recurring_ical_events(), &RIE_KNOWN),
    ] {
        let (compared, with_occurrences) = compare(&peer, &dir, &files, fixtures_span(), known);
        assert!(
            compared > 100 && with_occurrences == files.len(),
            "{}: only {compared} occurrences in {with_occurrences} of {} fixtures compared",
            peer.name(),
            files.len()
        );
    }
}

/// Nothing is known to differ: every difference fails.
const STRICT: Known = Known {
    reconcile: |_, _, _| {},
    known: |_, _| None,
};

/// The zones whose changes follow no yearly rule, or shift by half an hour, with a daily meeting
/// at an hour both sides of every change: the published VTIMEZONE lists their transitions with
/// RDATEs, which each reader must apply from the first one on.
const IRREGULAR_ZONES: [(&str, &str); 4] = [
    ("America/Santiago", "120000"),
    ("Africa/Casablanca", "120000"),
    ("Australia/Lord_Howe", "120000"),
    ("Pacific/Chatham", "120000"),
];

#[test]
#[ignore = "needs python recurring-ical-events and node ical.js (scripts/test provides them)"]
fn can_publish_irregular_zones_every_reader_reads_alike() {
    let dir = temp_dir();
    let now: jiff::Timestamp = "2026-11-30T00:00:00Z".parse().expect("now");
    let mut files = Vec::new();
    for (zone, time) in IRREGULAR_ZONES {
        let name = zone.replace('/', "-");
        let text = wrap(
            &vevent(
                &format!("daily-{name}@touchpoint.test"),
                &format!(
                    "DTSTART;TZID={zone}:20260105T{time}\r\nDURATION:PT1H\r\nRRULE:FREQ=DAILY\r\n"
                ),
            ),
            None,
        );
        // Published the way the site publishes it: with the VTIMEZONE our writer makes.
        let calendar = parse(text.as_bytes()).expect("parse").calendar;
        let published = touchpoint_calendar::write(&calendar, now);
        assert!(published.contains(&format!("TZID:{zone}")), "{published}");
        let path = dir.join(format!("{name}.ics"));
        std::fs::write(&path, published).expect("write calendar");
        files.push(path);
    }
    // The ten years the published VTIMEZONE covers.
    let span = Span {
        from: "2026-01-05".parse().expect("from"),
        to: "2036-01-01".parse().expect("to"),
    };
    for peer in [Peer::ical_js(), Peer::recurring_ical_events()] {
        let (compared, with_occurrences) = compare(&peer, &dir, &files, span, &STRICT);
        assert!(
            compared > 4 * 3_600 && with_occurrences == files.len(),
            "{}: only {compared} occurrences in {with_occurrences} files",
            peer.name()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
