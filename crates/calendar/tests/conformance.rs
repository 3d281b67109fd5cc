//! Conformance suite: whole files in the shapes real producers write, read by the parser and
//! expanded, each checked against what the RFC (and the producing app) says the owner sees.
//!
//! tests/expand_cases.rs already covers the engine on hand-built events (DST gaps and folds in
//! Berlin, New York, Sydney, São Paulo, Tehran; SEQUENCE, UID scoping, THISANDFUTURE, EXDATE
//! forms, bounds) and tests/expand_rfc.rs the RFC 5545 §3.8.5.3 examples; this suite adds the
//! path from *text* to occurrences for what those do not read from a file. Fixtures live in
//! tests/fixtures/conformance/ and each test names its sources:
//!
//! - RFC 5545 §3.3.5 (DATE-TIME: nonexistent local times move forward by the gap, repeated ones
//!   take the first), §3.1 (folding), §3.2.13/§3.8.4.4 (RANGE=THISANDFUTURE), §3.6.5
//!   (VTIMEZONE), §3.8.7.4 (SEQUENCE).
//! - CLDR common/supplemental/windowsZones.xml (Windows zone IDs, as Outlook writes TZID).
//! - Google Calendar exports (X-WR-TIMEZONE): floating times are read in that zone, as python
//!   x-wr-timezone 2.0 does (github.com/niccokunzmann/x-wr-timezone, x_wr_timezone.py
//!   `to_standard`, which also rewrites UTC times — see tests/differential.rs for why we do not).
//! - Mozilla/Lightning path-prefixed TZIDs (`/mozilla.org/20050126_1/…`), as Nextcloud serves
//!   events created in Thunderbird.

use touchpoint_calendar::{Expansion, Limits, Parsed, Window, expand, parse};

fn fixture(name: &str) -> Parsed {
    let path = format!(
        "{}/tests/fixtures/conformance/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn window(parsed: &Parsed, from: &str, to: &str) -> Expansion {
    let w = Window {
        start: from.parse().expect("from"),
        end: to.parse().expect("to"),
        zone: None,
    };
    expand(&parsed.calendar, &w, &Limits::default())
}

/// `start end summary` per occurrence, times in the JSON form of `touchpoint occurrences`.
fn rows(parsed: &Parsed, exp: &Expansion) -> Vec<String> {
    exp.occurrences
        .iter()
        .map(|o| {
            let ev = &parsed.calendar.events[o.event];
            format!(
                "{} {} {}",
                o.start.to_json_string(),
                o.end.to_json_string(),
                ev.summary.as_deref().unwrap_or("")
            )
        })
        .collect()
}

/// Outlook writes the Windows zone ID as TZID (CLDR windowsZones.xml: "W. Europe Standard Time"
/// → Europe/Berlin); the 02:30 instance on the spring-forward Sunday moves to 03:30 (RFC 5545
/// §3.3.5).
#[test]
fn can_expand_an_outlook_series_in_a_windows_zone_across_the_gap() {
    let parsed = fixture("outlook_windows_zone_gap.ics");
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let tz = parsed.calendar.events[0].start.tz().expect("zoned");
    assert_eq!(&*tz.name, "Europe/Berlin");
    let exp = window(&parsed, "2026-03-01T00:00", "2026-05-01T00:00");
    assert_eq!(
        rows(&parsed, &exp),
        [
            "2026-03-22T02:30:00+01:00 2026-03-22T03:30:00+01:00 Outlook weekly",
            "2026-03-29T03:30:00+02:00 2026-03-29T04:30:00+02:00 Outlook weekly",
            "2026-04-05T02:30:00+02:00 2026-04-05T03:30:00+02:00 Outlook weekly",
        ]
    );
}

/// Google exports floating times with the calendar's zone in X-WR-TIMEZONE; apps read them in
/// that zone. On New York's fall-back day 01:30 is repeated: the first (EDT) is taken (RFC 5545
/// §3.3.5), and the event ends at 02:30 EST.
#[test]
fn can_read_floating_times_in_x_wr_timezone_and_take_the_first_of_a_fold() {
    let parsed = fixture("google_x_wr_timezone.ics");
    assert_eq!(
        parsed.calendar.timezone.as_deref(),
        Some("America/New_York")
    );
    let exp = window(&parsed, "2026-11-01T00:00", "2026-11-02T00:00");
    assert_eq!(
        rows(&parsed, &exp),
        ["2026-11-01T01:30:00-04:00 2026-11-01T02:30:00-05:00 Floating time read in X-WR-TIMEZONE"]
    );
    let tz = exp.occurrences[0]
        .start
        .tz()
        .expect("zoned by X-WR-TIMEZONE");
    assert_eq!(&*tz.name, "America/New_York");
}

/// A TZID no database knows, defined only by the file's VTIMEZONE (RFC 5545 §3.6.5): its yearly
/// rules give the same gap as Berlin's, and the zone keeps the file's name.
#[test]
fn can_expand_in_a_zone_defined_only_by_its_vtimezone() {
    let parsed = fixture("vtimezone_only_custom_zone.ics");
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let exp = window(&parsed, "2026-03-01T00:00", "2026-05-01T00:00");
    assert_eq!(
        rows(&parsed, &exp),
        [
            "2026-03-22T02:30:00+01:00 2026-03-22T03:30:00+01:00 VTIMEZONE-only zone",
            "2026-03-29T03:30:00+02:00 2026-03-29T04:30:00+02:00 VTIMEZONE-only zone",
            "2026-04-05T02:30:00+02:00 2026-04-05T03:30:00+02:00 VTIMEZONE-only zone",
        ]
    );
    let tz = exp.occurrences[0].start.tz().expect("zoned");
    assert_eq!(&*tz.name, "Community Standard Time");
}

/// Folding as broken generators write it (RFC 5545 §3.1 allows CRLF + one space or tab): bare
/// LF line ends, a continuation with no indent (kept, with a warning naming its line), and a
/// continuation indented by two spaces (only the first is removed).
#[test]
fn can_unfold_sloppy_and_mixed_line_endings() {
    let parsed = fixture("broken_folding.ics");
    let ev = &parsed.calendar.events[0];
    assert_eq!(
        ev.description.as_deref(),
        Some(
            "A long description that a generator broke with a bare newline\nand no indent on the next line"
        )
    );
    assert_eq!(
        ev.summary.as_deref(),
        Some("Fold ed with two spacesand a tab")
    );
    let lines: Vec<usize> = parsed.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [8], "{:?}", parsed.warnings);
    let exp = window(&parsed, "2026-03-10T00:00", "2026-03-11T00:00");
    assert_eq!(exp.occurrences.len(), 1);
}

/// Nextcloud serving a Thunderbird series: a path-prefixed TZID on the master, a
/// RANGE=THISANDFUTURE override (RFC 5545 §3.8.4.4) across the London fall-back, and two copies
/// of one override where the higher SEQUENCE wins (§3.8.7.4) — the stale copy must not show.
#[test]
fn can_apply_this_and_future_and_the_highest_sequence_from_a_file() {
    let parsed = fixture("nextcloud_thisandfuture_sequence.ics");
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(
        &*parsed.calendar.events[0].start.tz().expect("zoned").name,
        "Europe/London"
    );
    let exp = window(&parsed, "2026-10-01T00:00", "2026-12-01T00:00");
    assert_eq!(
        rows(&parsed, &exp),
        [
            "2026-10-19T12:00:00+01:00 2026-10-19T13:00:00+01:00 moved by the organiser",
            "2026-10-26T14:00:00+00:00 2026-10-26T15:30:00+00:00 Series (afternoons from now on)",
            "2026-11-02T14:00:00+00:00 2026-11-02T15:30:00+00:00 Series (afternoons from now on)",
            "2026-11-09T14:00:00+00:00 2026-11-09T15:30:00+00:00 Series (afternoons from now on)",
        ]
    );
}
