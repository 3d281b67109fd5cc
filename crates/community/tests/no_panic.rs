//! `parse` never panics: arbitrary text, and the embedded example mutated by deleting,
//! duplicating and replacing slices of it, always give `Ok` or located diagnostics.

use proptest::prelude::*;
use touchpoint_community::{EXAMPLE, parse};

/// Every diagnostic must point inside the source, on a real line.
fn check(source: &str) {
    match parse(source) {
        Ok(checked) => {
            // A valid community also compiles.
            let _ = checked.community.to_calendar();
        }
        Err(diags) => {
            assert!(!diags.is_empty());
            for d in diags {
                assert!(d.span.end <= source.len(), "{d:?}");
                assert!(d.line <= source.lines().count() + 1, "{d:?}");
                let _ = d.to_string();
            }
        }
    }
}

/// Text fragments that are meaningful in the format, so mutations reach deep checks.
const PIECES: &[&str] = &[
    "2026-03-29",
    "02:30",
    "Europe/Berlin",
    "every 2 weeks on Tuesday",
    "FREQ=SECONDLY",
    "FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO",
    "\"",
    "[[series]]",
    "[[series.exceptions]]",
    "=",
    "\n",
    "group = \"oss-in-business\"",
    "9999-12-31",
    "0001-01-01",
    "extra = true",
    "cancel = \"x\"",
    "move_to = 2026-12-24T02:30:00",
    "é",
    "🎉",
    "[",
    "]]",
    "{",
    "}",
    "1000000h",
    "-1h",
    "#zzz",
];

fn mutate(base: &str, at: usize, len: usize, piece: &str, kind: u8) -> String {
    let at = (0..=at.min(base.len()))
        .rev()
        .find(|i| base.is_char_boundary(*i))
        .unwrap_or(0);
    let end = (at..=(at + len).min(base.len()))
        .rev()
        .find(|i| base.is_char_boundary(*i))
        .unwrap_or(at);
    match kind % 3 {
        0 => format!("{}{}", &base[..at], &base[end..]),
        1 => format!("{}{piece}{}", &base[..at], &base[end..]),
        _ => format!("{}{}{}", &base[..end], &base[at..end], &base[end..]),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn can_parse_arbitrary_text_without_panicking(source in "\\PC{0,400}") {
        check(&source);
    }

    #[test]
    fn can_parse_a_mutated_example_without_panicking(
        edits in prop::collection::vec(
            (0..EXAMPLE.len(), 0usize..200, 0..PIECES.len(), any::<u8>()),
            1..4,
        )
    ) {
        let mut source = EXAMPLE.to_owned();
        for (at, len, piece, kind) in edits {
            source = mutate(&source, at, len, PIECES[piece], kind);
        }
        check(&source);
    }
}

#[test]
fn can_check_hostile_rules_quickly() {
    // Sub-daily rules (as fast as check allows: once a minute), far-away exception dates and a
    // group of two such series: the engine's limits keep validation bounded.
    let source = "[community]\nname = \"T\"\ntimezone = \"UTC\"\n\
        [[groups]]\nid = \"g\"\ntitle = \"G\"\n\
        [[series]]\nid = \"a\"\ntitle = \"A\"\ntimezone = \"UTC\"\nstart = \"00:00\"\n\
        duration = \"1h\"\nrrule = \"FREQ=SECONDLY;INTERVAL=60\"\nfirst = 2026-01-01\ngroup = \"g\"\n\
          [[series.exceptions]]\n  date = 9999-12-30\n  cancel = \"far\"\n\
        [[series]]\nid = \"b\"\ntitle = \"B\"\ntimezone = \"UTC\"\nstart = \"00:00\"\n\
        duration = \"1h\"\nrrule = \"FREQ=MINUTELY\"\nfirst = 2026-01-01\ngroup = \"g\"\n";
    let started = std::time::Instant::now();
    let diags = parse(source).expect_err("the two series overlap");
    assert!(
        diags.iter().any(|d| d.message.contains("overlap")),
        "{diags:?}"
    );
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}
