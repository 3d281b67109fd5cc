//! Differential test: our expansion against python `recurring-ical-events` (3.x on icalendar
//! 6.x) on a few hundred generated calendars.
//!
//! The calendars are generated deterministically from a seed: several zones with and without DST
//! (Berlin, New York, Sydney, London, Los Angeles, Auckland, Kolkata, UTC), start times placed
//! in DST gaps and folds, RRULEs with BYDAY/BYMONTHDAY/BYSETPOS/BYMONTH/WKST/COUNT/UNTIL/INTERVAL,
//! EXDATEs (zoned, UTC and DATE), RDATEs, overrides with RECURRENCE-ID (zoned and UTC) and
//! differing SEQUENCEs, all-day and floating series, and X-WR-TIMEZONE. They are written to a
//! temporary directory; `tests/differential/peer.py` lists the occurrences of a window with the
//! peer, and the test compares them with [`expand`] as `(file, uid, start)` — starts as instants
//! in UTC for zoned values, as written for dates and floating values — and compares ends too
//! where both implementations agree on what an end means (below).
//!
//! The python interpreter comes from `TOUCHPOINT_TEST_PYTHON` (scripts/test creates the venv and
//! sets it). Without it the test fails: a skipped differential test would silently test nothing.
//!
//! Both sides are asked for a window three days wider on each side than the compared one, and
//! both lists are clipped to occurrences *starting* in the compared window, so the two libraries'
//! different window semantics (overlap vs start, the zone the bounds are read in) do not matter.
//!
//! Cases excluded, and why (known, deliberate differences from the peer):
//! - **A DTSTART that does not match its rule, with COUNT.** RFC 5545 §3.8.5.3 counts DTSTART
//!   as the first instance ("The COUNT rule part is counted starting from DTSTART"); the peer
//!   (dateutil underneath) adds DTSTART on top of COUNT rule instances, listing one more. The
//!   generator therefore places DTSTART on a rule instance when the rule has COUNT (the
//!   non-matching DTSTART without COUNT is generated, and agrees).
//! - **Ends across a DST transition.** The peer adds a DTEND−DTSTART or DURATION in wall-clock
//!   time (Python's aware-datetime arithmetic), so a one-hour event starting in a gap ends at the
//!   same instant it starts; RFC 5545 §3.3.6 makes hours exact. Ends are compared only where the
//!   zone's UTC offset is the same at start and end, both wall clocks exist exactly once, and
//!   the same holds for the applying event's own DTSTART/DTEND (which define the duration). The
//!   starts of those occurrences are still compared.
//!   This also hides a known limitation of ours, kept out of this test on purpose: an end that
//!   falls in the *second* pass of a fold (e.g. 01:00 EDT + PT1H30M on the day New York falls
//!   back) is kept as a wall clock and read back as the first pass (01:30 EDT, not EST), because
//!   `Time::Zoned` has no fold bit. It is reported on issue 3; the conformance suite does not
//!   cover it until the model can express it.
//! - **Two overrides of one instance with the same SEQUENCE**: which one wins is unspecified
//!   (we keep the last in the file, the peer the first); not generated.
//! - **UTC series under X-WR-TIMEZONE**: the peer (its x-wr-timezone library) rewrites UTC values
//!   into that zone before expanding, so BYxxx parts then apply on that zone's wall clock; we
//!   apply X-WR-TIMEZONE to floating values only, as Google does on import. Not generated
//!   (floating and TZID'd series under X-WR-TIMEZONE are).
//! - **Windows TZIDs and VTIMEZONE-only zones** are not generated: the peer resolves them
//!   differently (and the conformance suite covers them against cited expectations).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use jiff::civil::{self, Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use touchpoint_calendar::{End, Limits, Time, Window, expand, parse};

/// How many calendars are generated.
const CALENDARS: usize = 300;
/// The compared window `[FROM, TO)`.
const FROM: &str = "2025-09-01";
const TO: &str = "2026-12-01";
/// How much wider the window both sides are asked for is, on each side.
const MARGIN_DAYS: i64 = 3;

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

    let mut master = prop("DTSTART", kind, start);
    master.push_str(&end_line(rng, start));
    master.push_str(&rule);
    let _ = write!(master, "SEQUENCE:{}\r\nSUMMARY:series\r\n", rng.below(3));

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
    // An RDATE of an extra instance.
    if rng.chance(25) {
        let extra = later(start, 3 + rng.below(400) as i64, rng.below(5) as i64);
        master.push_str(&prop("RDATE", kind, extra));
    }
    let mut text = vevent(uid, &master);

    // Overrides: moved, retitled or cancelled instances, with their own SEQUENCE.
    let n = if rng.chance(50) { 1 + rng.below(2) } else { 0 };
    let mut overridden = pick_instances(rng, n);
    // Two overrides of one instance with the same SEQUENCE: which one wins is unspecified
    // (we keep the last in the file), so each instance is overridden at most once here.
    overridden.dedup();
    for (n, orig) in overridden.iter().enumerate() {
        if exdates.contains(orig) {
            continue;
        }
        let mut lines = match (kind, orig) {
            (Kind::Zoned(zone), Time::Zoned(..)) if zone != "UTC" && rng.chance(25) => {
                let ts = orig.instant(&TimeZone::UTC);
                format!("RECURRENCE-ID:{}\r\n", ts.strftime("%Y%m%dT%H%M%SZ"))
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
        let _ = write!(
            lines,
            "SEQUENCE:{}\r\nSUMMARY:override {n}\r\n",
            rng.below(4)
        );
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

/// An occurrence in the compared form.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    file: String,
    uid: String,
    start: String,
}

/// Start in the compared form: dates and floating values as written, zoned ones in UTC.
fn normalise(t: &Time) -> String {
    match t {
        Time::Date(d) => d.to_string(),
        Time::Floating(dt) => dt.strftime("%Y-%m-%dT%H:%M:%S").to_string(),
        Time::Zoned(..) => t
            .instant(&TimeZone::UTC)
            .strftime("%Y-%m-%dT%H:%M:%SZ")
            .to_string(),
    }
}

/// Whether a normalised start lies in the compared window.
fn in_window(start: &str) -> bool {
    let from: Date = FROM.parse().expect("from");
    let to: Date = TO.parse().expect("to");
    if let Some(utc) = start.strip_suffix('Z') {
        let ts: Timestamp = format!("{utc}Z").parse().expect("instant");
        let lo = from
            .to_zoned_datetime(TimeZone::UTC)
            .expect("lo")
            .timestamp();
        let hi = to.to_zoned_datetime(TimeZone::UTC).expect("hi").timestamp();
        return lo <= ts && ts < hi;
    }
    let date: Date = start[..10].parse().expect("date");
    from <= date && date < to
}

/// Whether the peer's wall-clock arithmetic and RFC 5545's exact arithmetic must agree on the
/// end of an occurrence from `start` to `end`: both wall clocks exist exactly once (no gap, no
/// fold) and the zone's UTC offset is the same at both. Always for dates and floating values.
fn plain_span(start: &Time, end: &Time) -> bool {
    match (start, end) {
        (Time::Zoned(s, tz), Time::Zoned(e, _)) => {
            let s = tz.zone.to_ambiguous_timestamp(*s);
            let e = tz.zone.to_ambiguous_timestamp(*e);
            !s.is_ambiguous() && !e.is_ambiguous() && s.offset() == e.offset()
        }
        _ => true,
    }
}

/// Ours: key → end (`None` when the end is not compared, see the module doc).
fn ours(dir: &Path, files: &[String]) -> BTreeMap<Key, Vec<Option<String>>> {
    let from: Date = FROM.parse().expect("from");
    let to: Date = TO.parse().expect("to");
    let window = Window {
        start: from
            .checked_sub(MARGIN_DAYS.days())
            .expect("from")
            .to_datetime(civil::Time::midnight()),
        end: to
            .checked_add(MARGIN_DAYS.days())
            .expect("to")
            .to_datetime(civil::Time::midnight()),
        zone: None,
    };
    let mut out: BTreeMap<Key, Vec<Option<String>>> = BTreeMap::new();
    for file in files {
        let bytes = std::fs::read(dir.join(file)).expect("read generated file");
        let parsed = parse(&bytes).expect("generated calendar parses");
        for occ in expand(&parsed.calendar, &window, &Limits::default()).occurrences {
            let start = normalise(&occ.start);
            if !in_window(&start) {
                continue;
            }
            // The applying event's own DTSTART/DTEND define the duration: it too must not span
            // a transition for the ends to be comparable.
            let event = &parsed.calendar.events[occ.event];
            let same_offset = plain_span(&occ.start, &occ.end)
                && match &event.end {
                    Some(End::At(end)) => plain_span(&event.start, end),
                    _ => true,
                };
            let key = Key {
                file: file.clone(),
                uid: parsed.calendar.events[occ.event].uid.clone(),
                start,
            };
            out.entry(key)
                .or_default()
                .push(same_offset.then(|| normalise(&occ.end)));
        }
    }
    out
}

/// The peer's: key → end.
fn peers(python: &str, dir: &Path, files: &[String]) -> BTreeMap<Key, Vec<String>> {
    let from: Date = FROM.parse().expect("from");
    let to: Date = TO.parse().expect("to");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/differential/peer.py");
    let output = Command::new(python)
        .arg(script)
        .arg(
            from.checked_sub(MARGIN_DAYS.days())
                .expect("from")
                .to_string(),
        )
        .arg(to.checked_add(MARGIN_DAYS.days()).expect("to").to_string())
        .args(files.iter().map(|f| dir.join(f)))
        .output()
        .unwrap_or_else(|e| panic!("cannot run {python} {script}: {e}"));
    assert!(
        output.status.success(),
        "peer failed ({}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let mut out: BTreeMap<Key, Vec<String>> = BTreeMap::new();
    for line in String::from_utf8(output.stdout).expect("utf-8").lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("peer JSON line");
        let field = |name: &str| v[name].as_str().map(str::to_owned);
        let file = field("file").expect("file");
        if let Some(error) = field("error") {
            panic!("the peer cannot read {file}: {error}");
        }
        let start = field("start").expect("start");
        if !in_window(&start) {
            continue;
        }
        let key = Key {
            file,
            uid: field("uid").expect("uid"),
            start,
        };
        out.entry(key)
            .or_default()
            .push(field("end").unwrap_or_default());
    }
    out
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

#[test]
fn can_list_the_same_occurrences_as_recurring_ical_events() {
    let python = std::env::var("TOUCHPOINT_TEST_PYTHON").unwrap_or_else(|_| {
        panic!(
            "TOUCHPOINT_TEST_PYTHON is not set: the differential test needs python with \
             recurring-ical-events 3.x and icalendar 6.x. Run scripts/test, or create the venv: \
             python3 -m venv target/test-venv && target/test-venv/bin/pip install \
             'recurring-ical-events==3.*' 'icalendar==6.*' and set \
             TOUCHPOINT_TEST_PYTHON=$PWD/target/test-venv/bin/python"
        )
    });
    let started = Instant::now();
    let dir = temp_dir();
    let files = generate(&dir);
    let ours = ours(&dir, &files);
    let peers = peers(&python, &dir, &files);

    let mut problems = Vec::new();
    for (key, ends) in &ours {
        match peers.get(key) {
            None => problems.push(format!("only ours: {key:?}")),
            Some(theirs) if theirs.len() != ends.len() => problems.push(format!(
                "{key:?}: ours {} times, the peer's {} times",
                ends.len(),
                theirs.len()
            )),
            Some(theirs) => {
                for (ours_end, their_end) in ends.iter().zip(theirs) {
                    if let Some(e) = ours_end
                        && e != their_end
                    {
                        problems.push(format!("{key:?}: end ours {e}, the peer's {their_end}"));
                    }
                }
            }
        }
    }
    for key in peers.keys().filter(|k| !ours.contains_key(*k)) {
        problems.push(format!("only the peer's: {key:?}"));
    }
    let compared: usize = ours.values().map(Vec::len).sum();
    let calendars_with_occurrences = ours
        .keys()
        .map(|k| &k.file)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    if problems.is_empty() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(
        problems.is_empty(),
        "{} differences (calendars kept in {}):\n{}",
        problems.len(),
        dir.display(),
        problems
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    // Guard against a generator that stopped generating anything worth comparing.
    assert!(
        compared > 5_000 && calendars_with_occurrences > CALENDARS * 3 / 4,
        "only {compared} occurrences in {calendars_with_occurrences} calendars compared"
    );
    eprintln!(
        "{compared} occurrences in {calendars_with_occurrences} calendars agree ({:?})",
        started.elapsed()
    );
}
