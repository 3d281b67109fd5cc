//! Inputs the fuzzer (fuzz/, target `parse_expand`) once crashed on: each must parse or be
//! rejected, expand and write again without a panic. Add new crash files to
//! tests/fixtures/fuzz/ as they are found and fixed.

use touchpoint_calendar::{Limits, Window, expand, parse, write};

#[test]
fn fuzz_crashes_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        seen += 1;
        let Ok(parsed) = parse(&bytes) else { continue };
        let window = Window {
            start: "2026-01-01T00:00".parse().unwrap(),
            end: "2027-01-01T00:00".parse().unwrap(),
            zone: None,
        };
        let expansion = expand(&parsed.calendar, &window, &Limits::default());
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
}
