//! Inputs the fuzzer (fuzz/, target `parse_expand`) once crashed on, and its minimised corpus:
//! each must parse or be rejected, expand and write again without a panic. Add new crash files
//! to tests/fixtures/fuzz/ as they are found and fixed.

use std::path::Path;

use touchpoint_calendar::{Limits, Window, expand, parse, write};

#[test]
fn fuzz_crashes_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    replay(&dir, &Limits::default());
}

#[test]
fn fuzz_corpus_replays_without_panics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/parse_expand");
    // The fuzz target's own limits: the corpus is hostile by construction.
    let limits = Limits {
        max_candidates_per_event: 20_000,
        max_occurrences_per_event: 2_000,
    };
    let seen = replay(&dir, &limits);
    assert!(seen > 100, "the corpus looks truncated: {seen} files");
}

/// Parse, expand and write every file in `dir`; returns how many there were.
fn replay(dir: &Path, limits: &Limits) -> usize {
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        seen += 1;
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
