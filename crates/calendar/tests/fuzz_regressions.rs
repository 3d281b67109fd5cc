//! Inputs the fuzzer (fuzz/, target `parse_expand`) once crashed on, and its minimised corpus:
//! each must parse or be rejected, expand and write again without a panic. Add new crash files
//! to tests/fixtures/fuzz/ as they are found and fixed.
//!
//! The corpus takes about 15 s to replay whole, as `cargo test` and scripts/test do;
//! `TOUCHPOINT_TEST_FUZZ_EVERY=N` replays every Nth file of it instead (`scripts/test --quick`).

use std::path::Path;

use touchpoint_calendar::{Limits, Window, expand, parse, write};

#[test]
fn fuzz_crashes_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    replay(&dir, &Limits::default(), 1);
}

#[test]
fn fuzz_corpus_replays_without_panics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/parse_expand");
    // The fuzz target's own limits: the corpus is hostile by construction.
    let limits = Limits {
        max_candidates_per_event: 20_000,
        max_occurrences_per_event: 2_000,
    };
    let every = std::env::var("TOUCHPOINT_TEST_FUZZ_EVERY").map_or(1, |n| {
        n.parse()
            .expect("TOUCHPOINT_TEST_FUZZ_EVERY is a whole number of 1 or more")
    });
    let seen = replay(&dir, &limits, every);
    assert!(seen > 100, "the corpus looks truncated: {seen} files");
}

/// Parse, expand and write every `every`th file in `dir` (in name order, starting with the
/// first; 1 is all of them); returns how many files there were.
fn replay(dir: &Path, limits: &Limits, every: usize) -> usize {
    assert!(every >= 1, "every {every}th file?");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    let seen = paths.len();
    for path in paths.iter().step_by(every) {
        let bytes = std::fs::read(path).unwrap();
        let Ok(parsed) = parse(&bytes) else { continue };
        let window = Window {
            start: "2026-01-01T00:00".parse().unwrap(),
            end: "2027-01-01T00:00".parse().unwrap(),
            zone: None,
        };
        let expansion = expand(&parsed.calendar, &window, limits);
        assert!(
            expansion
                .occurrences
                .iter()
                .all(|occ| occ.event < parsed.calendar.events.len()),
            "{}",
            path.display()
        );
        let _ = write(&parsed.calendar, jiff::Timestamp::UNIX_EPOCH);
    }
    assert!(seen > 0, "no regression inputs found in {}", dir.display());
    seen
}
