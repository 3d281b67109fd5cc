//! `touchpoint occurrences FILE.ics --from D --to D [--json] [--tz ZONE]`: the engine on one file.
//!
//! Exit codes: 0 listed (warnings on stderr), 2 the file is unreadable or not iCalendar.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use jiff::civil;
use serde::Serialize;
use touchpoint_calendar::{Limits, Time, Tz, Window, expand, parse};

use crate::cli::OccurrencesArgs;

/// One line of `--json` output.
#[derive(Serialize)]
struct Line<'a> {
    uid: &'a str,
    recurrence_id: Option<String>,
    start: String,
    end: String,
    all_day: bool,
    tzid: Option<&'a str>,
    summary: Option<&'a str>,
    status: Option<&'static str>,
}

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
    let expansion = expand(&parsed.calendar, &window, &Limits::default());
    for (event, what) in &expansion.truncated {
        let uid = &parsed.calendar.events[*event].uid;
        eprintln!("warning: event {uid}: expansion stopped early: {what}");
    }

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for occ in &expansion.occurrences {
        let event = &parsed.calendar.events[occ.event];
        if args.json {
            let line = Line {
                uid: &event.uid,
                recurrence_id: occ.recurrence_id.as_ref().map(Time::to_json_string),
                start: occ.start.to_json_string(),
                end: occ.end.to_json_string(),
                all_day: occ.start.is_date(),
                tzid: occ.start.tz().map(|tz| &*tz.name),
                summary: event.summary.as_deref(),
                status: occ.status.as_str(),
            };
            serde_json::to_writer(&mut out, &line)?;
            writeln!(out)?;
        } else {
            let start = shown(&occ.start, display_tz.as_ref());
            let end = shown(&occ.end, display_tz.as_ref());
            let status = match occ.status.as_str() {
                Some("cancelled") => " [cancelled]",
                _ => "",
            };
            let summary = event.summary.as_deref().unwrap_or("(no title)");
            writeln!(out, "{start:<25}  {end:<25}  {summary}{status}")?;
        }
    }
    if !args.json {
        writeln!(out, "{} occurrence(s)", expansion.occurrences.len())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
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
