//! `tp-bench`: the Rust side of `bench/run` — generates the synthetic feeds and community files,
//! and runs touchpoint-calendar, the `rrule` crate and the `calcard` crate on the same feed, either
//! listing the occurrences of a window in the normalised form every peer prints (for the answer
//! check) or timing parse and expansion (for the table).
//!
//! Usage:
//!   tp-bench ics N SEED [old]          synthetic feed of N series (all begun in 1995 with `old`)
//!   tp-bench community N SEED          a community file (touchpoint.toml) with N series
//!   tp-bench hub C N SEED DIR          a hub in DIR: `hub.toml` and C community files sharing
//!                                      N series
//!   tp-bench TOOL FILE FROM TO list    occurrences starting in [FROM, TO) as `UID<TAB>START`
//!   tp-bench TOOL FILE FROM TO time:R  one JSON line: medians over R repetitions
//!   tp-bench json-times FILE FROM TO R  one JSON line: the API's time formatting (start and end
//!                                      of each occurrence, `Time::to_json_string`) beside the
//!                                      jiff `strftime` code it replaced, medians over R rounds
//!
//! TOOL is `touchpoint`, `rrule` or `calcard` (parse only: its expansion has no window and one
//! limit shared by the whole calendar, so it cannot list a window of endless series). START is the
//! instant in UTC, `YYYY-MM-DDTHH:MM:SSZ`. FROM/TO are `YYYY-MM-DD`; touchpoint reads them in each
//! event's zone, rrule in UTC — the answer check clips every peer's list to a narrower UTC window.
//!
//! The rrule crate is a rule engine without a reader: the feed is read with touchpoint's parser
//! (not timed), each master becomes an `RRuleSet` (DTSTART, RRULE, EXDATE, and an EXDATE for each
//! instance an override replaces — rrule knows no RECURRENCE-ID) and each override is listed on
//! its own, as an application using the crate would do.

use std::fmt::Write as _;
use std::time::Instant;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use touchpoint_calendar::synthetic::{synthetic_ics, synthetic_old_ics};
use touchpoint_calendar::{Calendar, Limits, Time, Window, expand, parse};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["ics", n, seed, rest @ ..] => {
            let (n, seed) = (num(n), num(seed) as u64);
            let text = if rest == ["old"] {
                synthetic_old_ics(n, seed)
            } else {
                synthetic_ics(n, seed)
            };
            print!("{text}");
        }
        ["community", n, seed] => print!("{}", community(num(n), num(seed) as u64)),
        ["hub", c, n, seed, dir] => hub(num(c), num(n), num(seed) as u64, dir),
        ["json-times", file, from, to, reps] => {
            let bytes = std::fs::read(file).unwrap_or_else(|e| fail(&format!("{file}: {e}")));
            let from: Date = from.parse().unwrap_or_else(|_| fail("FROM: YYYY-MM-DD"));
            let to: Date = to.parse().unwrap_or_else(|_| fail("TO: YYYY-MM-DD"));
            json_times(&bytes, from, to, num(reps).max(1));
        }
        [tool, file, from, to, mode] => {
            let bytes = std::fs::read(file).unwrap_or_else(|e| fail(&format!("{file}: {e}")));
            let from: Date = from.parse().unwrap_or_else(|_| fail("FROM: YYYY-MM-DD"));
            let to: Date = to.parse().unwrap_or_else(|_| fail("TO: YYYY-MM-DD"));
            let reps = match mode.strip_prefix("time:") {
                Some(r) => Some(num(r).max(1)),
                None if *mode == "list" => None,
                None => fail("mode: list or time:R"),
            };
            run(tool, &bytes, from, to, reps);
        }
        _ => fail("usage: see the module doc of bench/src/main.rs"),
    }
}

/// The formatting `GET /api/v1/occurrences` does per occurrence (`ApiOccurrence::from_item`:
/// start and end through `Time::to_json_string`), timed over a whole expansion, beside the jiff
/// `strftime` code that `to_json_string` was before (kept here as the baseline). Both must give
/// the same text.
fn json_times(bytes: &[u8], from: Date, to: Date, reps: usize) {
    let window = Window {
        start: from.to_datetime(jiff::civil::Time::midnight()),
        end: to.to_datetime(jiff::civil::Time::midnight()),
        zone: None,
    };
    let cal = parse(bytes)
        .unwrap_or_else(|e| fail(&e.to_string()))
        .calendar;
    let ex = expand(&cal, &window, &Limits::default());
    let now = |t: &Time| t.to_json_string();
    let before = |t: &Time| match t {
        Time::Date(d) => d.to_string(),
        Time::Floating(dt) => dt.strftime("%Y-%m-%dT%H:%M:%S").to_string(),
        Time::Zoned(_, tz) => {
            let ts = t.instant(&TimeZone::UTC);
            let offset = tz.zone.to_offset(ts);
            ts.to_zoned_datetime(TimeZone::fixed(offset))
                .strftime("%Y-%m-%dT%H:%M:%S%:z")
                .to_string()
        }
    };
    for o in &ex.occurrences {
        for t in [&o.start, &o.end] {
            if now(t) != before(t) {
                fail(&format!("{t:?}: {} but {} before", now(t), before(t)));
            }
        }
    }
    let time = |f: &dyn Fn(&Time) -> String| {
        let mut runs = Vec::new();
        for _ in 0..reps {
            let t = Instant::now();
            for o in &ex.occurrences {
                std::hint::black_box((f(&o.start), f(&o.end)));
            }
            runs.push(t.elapsed().as_secs_f64());
        }
        median(runs)
    };
    let (now_s, before_s) = (time(&now), time(&before));
    let n = ex.occurrences.len();
    println!(
        "{{\"occurrences\":{n},\"reps\":{reps},\"to_json_string_ms\":{:.3},\"strftime_ms\":{:.3},\"ns_per_occurrence\":{:.0},\"ns_per_occurrence_before\":{:.0}}}",
        now_s * 1e3,
        before_s * 1e3,
        now_s * 1e9 / n as f64,
        before_s * 1e9 / n as f64,
    );
}

fn num(s: &str) -> usize {
    s.replace(['_', ','], "")
        .parse()
        .unwrap_or_else(|_| fail(&format!("not a number: {s}")))
}

fn fail(msg: &str) -> ! {
    eprintln!("tp-bench: {msg}");
    std::process::exit(2)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn utc(ts: i64) -> String {
    Timestamp::from_second(ts)
        .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// Runs one tool; prints the list (`reps` = None) or the timing line.
fn run(tool: &str, bytes: &[u8], from: Date, to: Date, reps: Option<usize>) {
    let window = Window {
        start: from.to_datetime(jiff::civil::Time::midnight()),
        end: to.to_datetime(jiff::civil::Time::midnight()),
        zone: None,
    };
    let mut parse_s = Vec::new();
    let mut expand_s = Vec::new();
    let mut lines: Vec<(String, i64)> = Vec::new();
    // Occurrences of the last repetition (touchpoint's are counted without being listed).
    let mut occurrences = 0;
    for _ in 0..reps.unwrap_or(1) {
        lines.clear();
        match tool {
            "touchpoint" => {
                let t = Instant::now();
                let parsed = parse(bytes).unwrap_or_else(|e| fail(&e.to_string()));
                parse_s.push(t.elapsed().as_secs_f64());
                let cal = parsed.calendar;
                let t = Instant::now();
                let ex = expand(&cal, &window, &Limits::default());
                expand_s.push(t.elapsed().as_secs_f64());
                occurrences = ex.occurrences.len();
                // The list only when it is printed: building 400,000 (UID, start) pairs between
                // timed repetitions is not touchpoint's work, and freeing them before the next
                // parse would put the harness's allocator traffic into that parse's time.
                if reps.is_none() {
                    for o in &ex.occurrences {
                        let at = o.start.instant(&TimeZone::UTC).as_second();
                        lines.push((cal.events[o.event].uid.clone(), at));
                    }
                }
            }
            "rrule" => {
                let cal = parse(bytes)
                    .unwrap_or_else(|e| fail(&e.to_string()))
                    .calendar;
                let t = Instant::now();
                let sets = rrule_sets(&cal);
                parse_s.push(t.elapsed().as_secs_f64());
                let ws = jiff::civil::DateTime::from(from)
                    .to_zoned_datetime(TimeZone::UTC)
                    .map(|z| z.timestamp().as_second())
                    .unwrap_or(0);
                let we = jiff::civil::DateTime::from(to)
                    .to_zoned_datetime(TimeZone::UTC)
                    .map(|z| z.timestamp().as_second())
                    .unwrap_or(0);
                let t = Instant::now();
                for (uid, set) in &sets {
                    match set {
                        Peer::Set(set) => {
                            for dt in set.into_iter() {
                                let s = dt.timestamp();
                                if s >= we {
                                    break;
                                }
                                if s >= ws {
                                    lines.push((uid.clone(), s));
                                }
                            }
                        }
                        Peer::Single(s) => {
                            if (ws..we).contains(s) {
                                lines.push((uid.clone(), *s));
                            }
                        }
                    }
                }
                expand_s.push(t.elapsed().as_secs_f64());
                occurrences = lines.len();
            }
            "calcard" => {
                let text = std::str::from_utf8(bytes).unwrap_or_else(|_| fail("not UTF-8"));
                let t = Instant::now();
                let ical = calcard::icalendar::ICalendar::parse(text)
                    .unwrap_or_else(|_| fail("calcard could not read the feed"));
                parse_s.push(t.elapsed().as_secs_f64());
                std::hint::black_box(&ical);
                if reps.is_none() {
                    fail("calcard: parse only (see the module doc)");
                }
            }
            _ => fail("TOOL: touchpoint, rrule or calcard"),
        }
    }
    match reps {
        None => {
            let mut out = String::new();
            for (uid, at) in &lines {
                let _ = writeln!(out, "{uid}\t{}", utc(*at));
            }
            print!("{out}");
        }
        Some(reps) => {
            let p = median(parse_s);
            let e = if expand_s.is_empty() {
                "null".to_owned()
            } else {
                format!("{:.6}", median(expand_s))
            };
            println!(
                "{{\"tool\":\"{tool}\",\"reps\":{reps},\"bytes\":{},\"parse_s\":{p:.6},\"expand_s\":{e},\"occurrences\":{}}}",
                bytes.len(),
                occurrences
            );
        }
    }
}

/// What the rrule crate is given for one event.
enum Peer {
    /// A master's rule set.
    Set(Box<rrule::RRuleSet>),
    /// An override or single event: its own start instant.
    Single(i64),
}

/// `YYYYMMDDTHHMMSS` of a time on the wall clock of zone `tz`.
fn stamp(t: &Time, tz: &TimeZone) -> String {
    tz.to_datetime(t.instant(&TimeZone::UTC))
        .strftime("%Y%m%dT%H%M%S")
        .to_string()
}

/// Each event as the rrule crate takes it (see the module doc).
fn rrule_sets(cal: &Calendar) -> Vec<(String, Peer)> {
    let mut out = Vec::with_capacity(cal.events.len());
    for ev in &cal.events {
        let Time::Zoned(_, tz) = &ev.start else {
            fail("rrule peer: the synthetic feeds have zoned starts only")
        };
        if ev.rrules.is_empty() || ev.recurrence_id.is_some() {
            out.push((
                ev.uid.clone(),
                Peer::Single(ev.start.instant(&TimeZone::UTC).as_second()),
            ));
            continue;
        }
        let name = tz.name.to_string();
        let head = |prop: &str, t: &Time| {
            if name == "UTC" {
                format!("{prop}:{}Z", stamp(t, &TimeZone::UTC))
            } else {
                format!("{prop};TZID={name}:{}", stamp(t, &tz.zone))
            }
        };
        let mut text = head("DTSTART", &ev.start);
        for r in &ev.rrules {
            let _ = write!(text, "\nRRULE:{r}");
        }
        let replaced = cal
            .events
            .iter()
            .filter(|o| o.uid == ev.uid)
            .filter_map(|o| o.recurrence_id.as_ref());
        for x in ev.exdates.iter().chain(replaced) {
            let _ = write!(text, "\n{}", head("EXDATE", x));
        }
        match text.parse::<rrule::RRuleSet>() {
            Ok(set) => out.push((ev.uid.clone(), Peer::Set(Box::new(set)))),
            Err(e) => fail(&format!("rrule could not read {text:?}: {e}")),
        }
    }
    out
}

/// A hub of `communities` community files in `dir` sharing `series` series (as evenly as they
/// divide), each a [`community`] with its own name and UID domain, and the `hub.toml` that
/// lists them.
fn hub(communities: usize, series: usize, seed: u64, dir: &str) {
    let dir = std::path::Path::new(dir);
    std::fs::create_dir_all(dir).unwrap_or_else(|e| fail(&format!("{}: {e}", dir.display())));
    let mut listing = String::from(
        "[hub]\nname = \"Benchmark hub\"\ndescription = \"Generated by bench/run.\"\n\
         timezone = \"UTC\"\n",
    );
    for i in 0..communities {
        let n = series / communities + usize::from(i < series % communities);
        let id = format!("c{i:03}");
        let text = community(n, seed.wrapping_add(i as u64))
            .replacen("Benchmark community", &format!("Benchmark community {i}"), 1)
            .replacen("bench.touchpoint.invalid", &format!("{id}.bench.touchpoint.invalid"), 1);
        let file = dir.join(format!("{id}.toml"));
        std::fs::write(&file, text).unwrap_or_else(|e| fail(&format!("{}: {e}", file.display())));
        let _ = write!(listing, "\n[[communities]]\npath = \"{id}.toml\"\n");
    }
    let file = dir.join("hub.toml");
    std::fs::write(&file, listing).unwrap_or_else(|e| fail(&format!("{}: {e}", file.display())));
}

/// A community file with `n` series, deterministic in `seed`: weekly, bi-weekly and monthly
/// meetings across zones, first meetings in 2025–2026, some with exceptions.
fn community(n: usize, seed: u64) -> String {
    const ZONES: [&str; 6] = [
        "UTC",
        "Europe/Berlin",
        "America/New_York",
        "Asia/Kolkata",
        "Australia/Sydney",
        "America/Los_Angeles",
    ];
    const DAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    const NTH: [&str; 5] = ["1st", "2nd", "3rd", "4th", "last"];
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut s = String::from(
        "[community]\nname = \"Benchmark community\"\ndescription = \"Generated by bench/run.\"\n\
         timezone = \"UTC\"\nurl = \"https://bench.touchpoint.invalid/\"\n",
    );
    // 2026-01-05 is a Monday: the first meeting is on the rule's weekday in January 2026.
    for i in 0..n {
        let r = next();
        let zone = ZONES[(r % 6) as usize];
        let day = (r / 6 % 5) as usize;
        let kind = r / 30 % 10;
        let hour = 6 + r / 300 % 14;
        let minute = 15 * (r / 4_200 % 4);
        let (repeat, first) = if kind < 5 {
            (format!("weekly on {}", DAYS[day]), 5 + day)
        } else if kind < 8 {
            (format!("every 2 weeks on {}", DAYS[day]), 5 + day)
        } else {
            let nth = (r / 17 % 5) as usize;
            // The first meeting must be a day the rule produces: that weekday in January 2026.
            let date = nth_weekday_2026_jan(nth, day);
            (format!("monthly on the {} {}", NTH[nth], DAYS[day]), date)
        };
        let _ = write!(
            s,
            "\n[[series]]\nid = \"series-{i}\"\ntitle = \"Working group {i}\"\n\
             timezone = \"{zone}\"\nstart = \"{hour:02}:{minute:02}\"\nduration = \"1h\"\n\
             repeat = \"{repeat}\"\nfirst = 2026-01-{first:02}\n"
        );
        // Weekly and bi-weekly series meet on the same weekday 50 weeks after `first`.
        if kind % 3 == 0 && kind < 8 {
            let _ = write!(
                s,
                "\n  [[series.exceptions]]\n  date = 2026-12-{:02}\n  cancel = \"Winter break\"\n",
                first + 16
            );
        }
    }
    s
}

/// Day of January 2026 of the `nth` (0-based; 4 = last) weekday `day` (0 = Monday).
fn nth_weekday_2026_jan(nth: usize, day: usize) -> usize {
    // 2026-01-01 is a Thursday (index 3).
    let first = 1 + (day + 7 - 3) % 7;
    if nth == 4 {
        let mut d = first;
        while d + 7 <= 31 {
            d += 7;
        }
        d
    } else {
        first + 7 * nth
    }
}
