//! Expansion benchmarks: a one-year window over 100 / 2,000 / 10,000 synthetic series, and a
//! daily series begun in 1990 versus last week listed for one week (fast-forward).
//!
//! Run: `cargo bench -p touchpoint-calendar --bench expand`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use touchpoint_calendar::synthetic::synthetic_calendar;
use touchpoint_calendar::{Calendar, Event, Limits, RRule, Time, Tz, Window, expand};

fn year_2026() -> Window {
    Window {
        start: jiff::civil::date(2026, 1, 1).at(0, 0, 0, 0),
        end: jiff::civil::date(2027, 1, 1).at(0, 0, 0, 0),
        zone: None,
    }
}

fn one_year(c: &mut Criterion) {
    let mut group = c.benchmark_group("expand_one_year");
    group.sample_size(20);
    let limits = Limits::default();
    for n in [100usize, 2_000, 10_000] {
        let cal = synthetic_calendar(n, 42);
        let count = expand(&cal, &year_2026(), &limits).occurrences.len();
        eprintln!("{n} series: {count} occurrences in 2026");
        group.throughput(Throughput::Elements(count as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &cal, |b, cal| {
            b.iter(|| expand(black_box(cal), black_box(&year_2026()), &limits))
        });
    }
    group.finish();
}

fn daily_since(start: &str) -> Calendar {
    let dt: jiff::civil::DateTime = start.parse().expect("date-time");
    let tz = Tz::iana("Europe/Berlin").expect("zone");
    let mut ev = Event::new("daily", Time::Zoned(dt, tz));
    ev.rrules.push("FREQ=DAILY".parse::<RRule>().expect("rule"));
    Calendar {
        events: vec![ev],
        ..Calendar::default()
    }
}

fn fast_forward(c: &mut Criterion) {
    let mut group = c.benchmark_group("daily_one_week");
    let window = Window {
        start: jiff::civil::date(2026, 3, 2).at(0, 0, 0, 0),
        end: jiff::civil::date(2026, 3, 9).at(0, 0, 0, 0),
        zone: None,
    };
    let limits = Limits::default();
    for (name, start) in [
        ("began_1990", "1990-01-01T09:00"),
        ("began_last_week", "2026-02-23T09:00"),
    ] {
        let cal = daily_since(start);
        group.bench_function(name, |b| {
            b.iter(|| expand(black_box(&cal), black_box(&window), &limits))
        });
    }
    group.finish();
}

criterion_group!(benches, one_year, fast_forward);
criterion_main!(benches);
