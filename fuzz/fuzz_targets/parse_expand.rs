//! Fuzz the reader and the recurrence engine together: any bytes must parse (or be rejected)
//! without panicking, and expanding what parsed must stay within the engine's bounds.
#![no_main]

use jiff::civil::date;
use libfuzzer_sys::fuzz_target;
use touchpoint_calendar::{Limits, Window, expand, parse};

fuzz_target!(|data: &[u8]| {
    let Ok(parsed) = parse(data) else { return };
    // A tight bound keeps every input fast; the engine must report, not loop, when it hits it.
    let limits = Limits {
        max_candidates_per_event: 20_000,
        max_occurrences_per_event: 2_000,
    };
    for (start, end) in [
        (date(2026, 1, 1), date(2027, 1, 1)),
        (date(1970, 1, 1), date(1970, 1, 8)),
    ] {
        let window = Window {
            start: start.to_datetime(jiff::civil::Time::midnight()),
            end: end.to_datetime(jiff::civil::Time::midnight()),
            zone: None,
        };
        let expansion = expand(&parsed.calendar, &window, &limits);
        for occ in &expansion.occurrences {
            assert!(occ.event < parsed.calendar.events.len());
        }
    }
    let _ = touchpoint_calendar::write(&parsed.calendar, jiff::Timestamp::UNIX_EPOCH);
});
