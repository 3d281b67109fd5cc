//! `touchpoint-cg FILE FROM TO [parse|expand]`: the unit of work that bench/profile counts with
//! callgrind. `expand` (the default) parses FILE outside the measured function, then expands the
//! window [FROM, TO) once inside `measured_expand`; `parse` parses once inside `measured_parse`.
//! Run under `valgrind --tool=callgrind --toggle-collect=*measured_*` so only that is counted.
//! `touchpoint-cg ics N` prints the synthetic feed of N series (seed 42), the one bench/run uses.
//! `touchpoint-cg FILE FROM TO time:R` expands R times and prints the median wall-clock time and
//! nanoseconds per occurrence (bench/run's scaling row, for any revision bench/profile builds).

use touchpoint_calendar::{Calendar, Expansion, Limits, Parsed, Window, expand, parse};

#[inline(never)]
fn measured_expand(cal: &Calendar, window: &Window) -> Expansion {
    expand(cal, window, &Limits::default())
}

#[inline(never)]
fn measured_parse(bytes: &[u8]) -> Parsed {
    parse(bytes).expect("a feed")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args[0] == "ics" {
        let n = args[1].parse().expect("N");
        print!("{}", touchpoint_calendar::synthetic::synthetic_ics(n, 42));
        return;
    }
    let bytes = std::fs::read(&args[0]).expect("FILE");
    let day = |s: &str| -> jiff::civil::DateTime {
        s.parse::<jiff::civil::Date>()
            .expect("YYYY-MM-DD")
            .to_datetime(jiff::civil::Time::midnight())
    };
    let window = Window {
        start: day(&args[1]),
        end: day(&args[2]),
        zone: None,
    };
    if let Some(reps) = args.get(3).and_then(|m| m.strip_prefix("time:")) {
        let reps: usize = reps.parse().expect("time:R");
        let cal = parse(&bytes).expect("a feed").calendar;
        let mut times = Vec::new();
        let mut count = 0;
        for _ in 0..reps.max(1) {
            let started = std::time::Instant::now();
            let ex = std::hint::black_box(measured_expand(&cal, &window));
            times.push(started.elapsed());
            count = ex.occurrences.len();
        }
        times.sort();
        let median = times[times.len() / 2];
        println!(
            "{count} occurrences, median {:.1} ms, {:.0} ns/occurrence (min {:.1} ms)",
            median.as_secs_f64() * 1e3,
            median.as_secs_f64() * 1e9 / count.max(1) as f64,
            times[0].as_secs_f64() * 1e3
        );
    } else if args.get(3).map(String::as_str) == Some("parse") {
        let parsed = std::hint::black_box(measured_parse(std::hint::black_box(&bytes)));
        println!("{} events", parsed.calendar.events.len());
    } else {
        let cal = parse(&bytes).expect("a feed").calendar;
        let ex = std::hint::black_box(measured_expand(&cal, &window));
        println!("{} occurrences", ex.occurrences.len());
    }
}
