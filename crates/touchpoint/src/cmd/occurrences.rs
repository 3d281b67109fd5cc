//! `touchpoint occurrences FILE.ics --from D --to D [--json] [--tz ZONE]`: the engine on one file.
//!
//! Exit codes: 0 listed (warnings on stderr), 2 the file is unreadable or not iCalendar.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use jiff::civil;
use touchpoint_calendar::expand::DayCache;
use touchpoint_calendar::{Calendar, Limits, Listing, TextShape, Time, Tz, Window, list, parse};

use crate::cli::OccurrencesArgs;

/// Run `touchpoint occurrences`.
pub fn run(args: OccurrencesArgs) -> anyhow::Result<ExitCode> {
    let display_tz = match &args.tz {
        Some(name) => Some(Tz::iana(name).with_context(|| {
            format!("unknown time zone {name:?}: use an IANA name such as Europe/Berlin")
        })?),
        None => None,
    };
    if args.to <= args.from {
        anyhow::bail!("--to ({}) must be after --from ({})", args.to, args.from);
    }
    let bytes = match std::fs::read(&args.file) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("error: cannot read {}: {err}", args.file.display());
            return Ok(ExitCode::from(2));
        }
    };
    let parsed = match parse(&bytes) {
        Ok(parsed) => parsed,
        Err(err) => {
            eprintln!("error: {}: {err}", args.file.display());
            return Ok(ExitCode::from(2));
        }
    };
    // The calendar owns what it read: the file's pages go back to the allocator, which gives
    // them to the listing's buffers instead of touching fresh ones.
    drop(bytes);
    for warning in &parsed.warnings {
        eprintln!(
            "warning: {}:{}: {}",
            args.file.display(),
            warning.line,
            warning.message
        );
    }
    let window = Window {
        start: args.from.to_datetime(civil::Time::midnight()),
        end: args.to.to_datetime(civil::Time::midnight()),
        zone: None,
    };
    // Occurrences are found one at a time, in order, as they are written: which events hit a
    // work bound is known at the end, so those warnings follow the listing.
    let mut listing = list(&parsed.calendar, &window, &Limits::default());
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = if args.json {
        write_json_lines(&mut out, &parsed.calendar, &mut listing)
    } else {
        write_table(
            &mut out,
            &parsed.calendar,
            &mut listing,
            display_tz.as_ref(),
        )
    };
    match written {
        // The reader went away (`… | head`): what it wanted was written, as other tools end.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        written => written?,
    }
    for (event, what) in listing.truncated() {
        let uid = &parsed.calendar.events[event].uid;
        eprintln!("warning: event {uid}: expansion stopped early: {what}");
    }
    // The process ends next: freeing every event one by one (reference counts of their zones
    // included) is work for nothing.
    std::mem::forget(listing);
    std::mem::forget(parsed);
    Ok(ExitCode::SUCCESS)
}

/// Without `--json`: one line per occurrence, start and end in `display_tz` or the event's zone,
/// then the count.
fn write_table(
    out: &mut impl Write,
    calendar: &Calendar,
    listing: &mut Listing<'_>,
    display_tz: Option<&Tz>,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    let mut count = 0usize;
    for occ in listing.map(|listed| listed.occurrence()) {
        count += 1;
        let event = &calendar.events[occ.event];
        let start = shown(&occ.start, display_tz);
        let end = shown(&occ.end, display_tz);
        let status = match occ.status.as_str() {
            Some("cancelled") => " [cancelled]",
            _ => "",
        };
        let summary = event.summary.as_deref().unwrap_or("(no title)");
        writeln!(out, "{start:<25}  {end:<25}  {summary}{status}")?;
    }
    writeln!(out, "{count} occurrence(s)")?;
    out.flush()
}

/// Bytes gathered before a write to stdout.
const CHUNK: usize = 64 * 1024;

/// `--json`: one object per line, fields in this order (docs/ARCHITECTURE.md, "Contracts"):
/// `uid, recurrence_id, start, end, all_day, tzid, summary, status`, written as serde_json
/// writes them (`tests/golden/occurrences.jsonl` holds the bytes).
///
/// Written straight into one buffer rather than through a `Serialize` struct: that built three
/// `String`s per occurrence (start, end, RECURRENCE-ID) and went through serde_json's formatter
/// for each field, and was most of the command's time (BENCHMARKS.md, "The occurrences
/// command"). What comes from the event alone (UID, SUMMARY, status, value type and zone) is
/// escaped once, when it is first listed, so a line is five copies and three times.
///
/// Most lines are an instance of a series like the event's last one, a week or a day later:
/// the same texts but for the dates ([`TextShape`]). Such a line is the last one copied whole,
/// with its three dates written over it: about half the instructions of writing each line
/// piece by piece (BENCHMARKS.md, "The occurrences command", fifth round).
fn write_json_lines(
    out: &mut impl Write,
    calendar: &Calendar,
    listing: &mut Listing<'_>,
) -> std::io::Result<()> {
    let mut buf = Vec::with_capacity(CHUNK + 1024);
    let days = DayCache::default();
    let mut events: Vec<Option<EventJson>> = Vec::new();
    events.resize_with(calendar.events.len(), || None);
    let mut zones = ZoneNames::default();
    for occ in listing {
        let event = events[occ.event()]
            .get_or_insert_with(|| EventJson::new(&calendar.events[occ.event()], &mut zones));
        let shape = occ.text_shape();
        // A last line is kept only for an occurrence that fits the event's tail, and the same
        // shape means the same series, so its value type and zone.
        if let Some((shape, [day, end_day])) = shape
            && let Some(last) = event.last.as_ref().filter(|last| last.shape == shape)
            && let Some(date) = days.date_text(day)
            && let Some(end_date) = match end_day == day {
                true => Some(date),
                false => days.date_text(end_day),
            }
        {
            let at = buf.len();
            buf.extend_from_slice(&last.line);
            let line = &mut buf[at..];
            let [rid, start, end] = last.dates;
            line[rid..rid + 10].copy_from_slice(&date);
            line[start..start + 10].copy_from_slice(&date);
            line[end..end + 10].copy_from_slice(&end_date);
        } else {
            let fits = event.fits(occ.is_date(), occ.tz());
            let at = buf.len();
            buf.extend_from_slice(&event.head);
            let rid = buf.len();
            push_json_time(&mut buf, |buf| occ.push_recurrence_id_json(buf, &days));
            let rid = rid..buf.len();
            buf.extend_from_slice(b",\"start\":");
            let start = buf.len();
            if occ.starts_at_recurrence_id() {
                // Most instances start at their RECURRENCE-ID: the same text again.
                buf.extend_from_within(rid.clone());
            } else {
                push_json_time(&mut buf, |buf| {
                    occ.push_start_json(buf, &days);
                    true
                });
            }
            buf.extend_from_slice(b",\"end\":");
            let end = buf.len();
            push_json_time(&mut buf, |buf| {
                occ.push_end_json(buf, &days);
                true
            });
            if fits {
                buf.extend_from_slice(&event.tail);
            } else {
                // A THISANDFUTURE override's data on its master's value type and zone.
                let zone = occ.tz().map(|tz| zones.escaped(&tz.name));
                push_tail(&mut buf, occ.is_date(), zone, &calendar.events[occ.event()]);
            }
            if let Some((shape, _)) = shape.filter(|_| fits) {
                // Each time's date is its first ten characters, after the opening quote.
                event.last = Some(LastLine {
                    shape,
                    line: buf[at..].into(),
                    dates: [rid.start + 1 - at, start + 1 - at, end + 1 - at],
                });
            }
        }
        if buf.len() >= CHUNK {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)?;
    // The process ends next (`run`): freeing each event's texts is work for nothing.
    std::mem::forget(events);
    out.flush()
}

/// The parts of a `--json` line that come from the event alone, escaped.
struct EventJson {
    /// `{"uid":"…","recurrence_id":`
    head: Vec<u8>,
    /// `,"all_day":…,"tzid":…,"summary":…,"status":…}` and the newline, for occurrences with
    /// the event's own value type and zone.
    tail: Vec<u8>,
    all_day: bool,
    zone: Option<Arc<str>>,
    /// The last line written for an instance with a [`TextShape`].
    last: Option<LastLine>,
}

/// A line written for an instance, to be copied for the next instance of the same shape.
struct LastLine {
    shape: TextShape,
    line: Box<[u8]>,
    /// Where the RECURRENCE-ID's, the start's and the end's dates are in `line`.
    dates: [usize; 3],
}

impl EventJson {
    fn new(event: &touchpoint_calendar::Event, zones: &mut ZoneNames) -> EventJson {
        // Sized for the escaped text (most of it needs no escape), so building the ~700 events'
        // texts does not reallocate; kept as built (made boxed slices, each was shrunk by a
        // reallocation: 0.6 M of 37.7 M instructions on the 600-series year).
        let mut head = Vec::with_capacity(event.uid.len() + 40);
        head.extend_from_slice(b"{\"uid\":");
        push_json_str(&mut head, &event.uid);
        head.extend_from_slice(b",\"recurrence_id\":");
        let all_day = event.start.is_date();
        let zone = event.start.tz().map(|tz| Arc::clone(&tz.name));
        let zone_json = zone.as_ref().map(|name| zones.escaped(name));
        let summary_len = event.summary.as_deref().map_or(0, str::len);
        let mut tail = Vec::with_capacity(summary_len + zone_json.map_or(0, <[u8]>::len) + 80);
        push_tail(&mut tail, all_day, zone_json, event);
        EventJson {
            head,
            tail,
            all_day,
            zone,
            last: None,
        }
    }

    /// Whether [`EventJson::tail`] is the one for an occurrence of this value type and zone.
    fn fits(&self, all_day: bool, tz: Option<&touchpoint_calendar::Tz>) -> bool {
        self.all_day == all_day
            && match (&self.zone, tz) {
                (Some(own), Some(tz)) => Arc::ptr_eq(own, &tz.name) || *own == tz.name,
                (None, None) => true,
                _ => false,
            }
    }
}

/// `,"all_day":…,"tzid":…,"summary":…,"status":…}` and the newline (`zone`: the zone's name
/// as a JSON string).
fn push_tail(
    buf: &mut Vec<u8>,
    all_day: bool,
    zone: Option<&[u8]>,
    event: &touchpoint_calendar::Event,
) {
    buf.extend_from_slice(if all_day {
        b",\"all_day\":true,\"tzid\":"
    } else {
        b",\"all_day\":false,\"tzid\":"
    });
    buf.extend_from_slice(zone.unwrap_or(b"null"));
    buf.extend_from_slice(b",\"summary\":");
    push_json_opt_str(buf, event.summary.as_deref());
    buf.extend_from_slice(b",\"status\":");
    push_json_opt_str(buf, event.status.as_str());
    buf.extend_from_slice(b"}\n");
}

/// Zone names as JSON strings, each escaped once (a feed names a handful of zones; values
/// of one zone share its name's `Arc`, so the lookup is mostly a pointer comparison).
#[derive(Default)]
struct ZoneNames(Vec<(Arc<str>, Box<[u8]>)>);

impl ZoneNames {
    fn escaped(&mut self, name: &Arc<str>) -> &[u8] {
        let index = match self.0.iter().position(|(known, _)| known == name) {
            Some(index) => index,
            None => {
                let mut json = Vec::new();
                push_json_str(&mut json, name);
                self.0.push((Arc::clone(name), json.into()));
                self.0.len() - 1
            }
        };
        &self.0[index].1
    }
}

/// A time as a JSON string (the text `push` appends, as [`Time::push_json`] writes it), or
/// `null` when `push` says there is none.
fn push_json_time(buf: &mut Vec<u8>, push: impl FnOnce(&mut Vec<u8>) -> bool) {
    let quote = buf.len();
    buf.push(b'"');
    if push(buf) {
        buf.push(b'"');
    } else {
        buf.truncate(quote);
        buf.extend_from_slice(b"null");
    }
}

fn push_json_opt_str(buf: &mut Vec<u8>, text: Option<&str>) {
    match text {
        Some(text) => push_json_str(buf, text),
        None => buf.extend_from_slice(b"null"),
    }
}

/// `text` as a JSON string, escaped exactly as serde_json escapes it: `"` and `\\`, the five
/// short escapes `\b \t \n \f \r`, other control characters as `\u00xx` (lower-case hex);
/// everything else, U+2028, U+2029 and DEL included, as it is.
fn push_json_str(buf: &mut Vec<u8>, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    buf.push(b'"');
    let bytes = text.as_bytes();
    let mut copied = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        if byte >= 0x20 && byte != b'"' && byte != b'\\' {
            continue;
        }
        buf.extend_from_slice(&bytes[copied..i]);
        copied = i + 1;
        match byte {
            b'"' => buf.extend_from_slice(b"\\\""),
            b'\\' => buf.extend_from_slice(b"\\\\"),
            0x08 => buf.extend_from_slice(b"\\b"),
            b'\t' => buf.extend_from_slice(b"\\t"),
            b'\n' => buf.extend_from_slice(b"\\n"),
            0x0C => buf.extend_from_slice(b"\\f"),
            b'\r' => buf.extend_from_slice(b"\\r"),
            _ => buf.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(byte >> 4)],
                HEX[usize::from(byte & 0xF)],
            ]),
        }
    }
    buf.extend_from_slice(&bytes[copied..]);
    buf.push(b'"');
}

/// A time for the table: converted to `tz` when given (dates and floating times stay as written).
fn shown(time: &Time, tz: Option<&Tz>) -> String {
    match (time, tz) {
        (Time::Zoned(..), Some(tz)) => time
            .instant(&tz.zone)
            .to_zoned_datetime(tz.zone.clone())
            .strftime("%Y-%m-%d %H:%M %Z")
            .to_string(),
        // The resolved wall clock: a time written in a DST gap shows where it really falls.
        (Time::Zoned(_, own), None) => format!(
            "{} {}",
            time.instant(&own.zone)
                .to_zoned_datetime(own.zone.clone())
                .strftime("%Y-%m-%d %H:%M"),
            own.name
        ),
        _ => time.to_json_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn escaped(text: &str) -> String {
        let mut buf = Vec::new();
        push_json_str(&mut buf, text);
        String::from_utf8(buf).expect("UTF-8")
    }

    #[test]
    fn can_escape_every_ascii_character_as_serde_json_does() {
        for byte in 0u8..=0x7F {
            let text = format!("a{}b", char::from(byte));
            assert_eq!(
                escaped(&text),
                serde_json::to_string(&text).expect("JSON"),
                "byte {byte:#04x}"
            );
        }
    }

    proptest! {
        #[test]
        fn escapes_any_text_as_serde_json_does(text in any::<String>()) {
            prop_assert_eq!(escaped(&text), serde_json::to_string(&text).expect("JSON"));
        }

        #[test]
        fn escapes_control_heavy_text_as_serde_json_does(
            text in "[\\x00-\\x1f\"\\\\\\x7f\u{2028}\u{2029}é😀a]{0,40}"
        ) {
            prop_assert_eq!(escaped(&text), serde_json::to_string(&text).expect("JSON"));
        }
    }
}
