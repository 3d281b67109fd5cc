//! Parser throughput on a deterministic, Google/Outlook-shaped feed (target: ≥ 300 MB/s).
//!
//! Run: `cargo bench -p touchpoint-calendar --bench parse`. The feed mixes what real feeds
//! carry: VTIMEZONEs, TZID'd and UTC times, RRULEs with EXDATE lists, overrides, folded
//! descriptions with escapes, VALARMs and X- properties the reader skips. A second case is the
//! rule-dense synthetic feed of 2,000 series (`touchpoint_calendar::synthetic`), every ~280-byte
//! event with an RRULE. Both run with the system allocator, as the library runs for its users.

use std::fmt::Write as _;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use touchpoint_calendar::parse;

/// A feed of `n` events, the same bytes on every run.
fn feed(n: usize) -> String {
    let zones = [
        "America/Los_Angeles",
        "Europe/Berlin",
        "Asia/Tokyo",
        "W. Europe Standard Time",
    ];
    let mut s = String::from(
        "BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\n\
         CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Bench\r\nX-WR-TIMEZONE:Europe/Berlin\r\n\
         BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\n\
         TZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\n\
         RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\n\
         TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\n\
         RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n",
    );
    for i in 0..n {
        let zone = zones[i % zones.len()];
        let day = 1 + i % 28;
        let month = 1 + i % 12;
        let _ = write!(
            s,
            "BEGIN:VEVENT\r\n\
             DTSTART;TZID={zone}:2024{month:02}{day:02}T090000\r\n\
             DTEND;TZID={zone}:2024{month:02}{day:02}T100000\r\n"
        );
        if i % 3 == 0 {
            let _ = write!(
                s,
                "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20251231T235959Z\r\n\
                 EXDATE;TZID={zone}:2024{month:02}{day:02}T090000,2024{month:02}{:02}T090000\r\n",
                (day % 28) + 1
            );
        }
        if i % 7 == 1 {
            let _ = write!(
                s,
                "RECURRENCE-ID;TZID={zone}:2024{month:02}{day:02}T090000\r\n"
            );
        }
        let _ = write!(
            s,
            "DTSTAMP:20240301T120000Z\r\nUID:event-{i}@google.com\r\nCREATED:20231215T180000Z\r\n\
             DESCRIPTION:Agenda for meeting {i}: review the open items\\, decide on next\r\n \
             steps\\; and write down the outcome.\\nJoin: https://meet.example.org/abc-{i}\r\n\
             LAST-MODIFIED:20240105T101500Z\r\nLOCATION:Room {i}\\, Building 2\r\nSEQUENCE:{}\r\n\
             STATUS:CONFIRMED\r\nSUMMARY:Working group sync #{i}\r\nTRANSP:OPAQUE\r\n\
             CATEGORIES:Meeting,Community\r\nX-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\n\
             BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:This is an event reminder\r\n\
             TRIGGER:-P0DT0H10M0S\r\nEND:VALARM\r\nEND:VEVENT\r\n",
            i % 4
        );
    }
    s.push_str("END:VCALENDAR\r\n");
    s
}

fn bench_parse(c: &mut Criterion) {
    let input = feed(5_000);
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(input.len() as u64));
    group.bench_function("google_shaped_5000_events", |b| {
        b.iter(|| {
            let parsed = parse(std::hint::black_box(input.as_bytes())).expect("valid feed");
            assert_eq!(parsed.calendar.events.len(), 5_000);
            parsed
        });
    });
    let synthetic = touchpoint_calendar::synthetic::synthetic_ics(2_000, 1);
    let events = parse(synthetic.as_bytes())
        .expect("valid feed")
        .calendar
        .events
        .len();
    group.throughput(Throughput::Bytes(synthetic.len() as u64));
    group.bench_function("synthetic_2000_series", |b| {
        b.iter(|| {
            let parsed = parse(std::hint::black_box(synthetic.as_bytes())).expect("valid feed");
            assert_eq!(parsed.calendar.events.len(), events);
            parsed
        });
    });
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
