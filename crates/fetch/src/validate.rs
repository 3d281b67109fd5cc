//! Deciding whether fetched bytes are a calendar worth keeping over the last good copy.
//!
//! A body replaces the stored copy only if all of these hold:
//! 1. It begins (after an optional UTF-8 byte-order mark and blank space) with
//!    `BEGIN:VCALENDAR`. Otherwise it is [`NotICalendar`](crate::FetchErrorKind::NotICalendar):
//!    typically a login or error page served with status 200.
//! 2. [`touchpoint_calendar::parse`] accepts it (no `ParseError`).
//! 3. It is not mostly broken: the parser's warnings fall on at most half of the body's
//!    non-blank lines, and a body with warnings has at least one event. A feed that lost all its
//!    events to errors, or whose lines are mostly unreadable, is more likely a broken export than
//!    the community's real calendar, so the previous copy is kept instead
//!    ([`Invalid`](crate::FetchErrorKind::Invalid)).
//!
//! 4. It has its `END:VCALENDAR` line. A body without one was cut off: by a producer whose
//!    export stopped half-way, or a transfer that ended early without a length to show it. Read
//!    leniently it would be a calendar with its later events missing, and replace the whole
//!    one ([`Invalid`](crate::FetchErrorKind::Invalid)). Every producer writes the line (RFC
//!    5545 requires it).
//!
//! An empty calendar without warnings is accepted: a community may really have no events.

use std::collections::BTreeSet;

use crate::{FetchError, FetchErrorKind};

/// What [`validate`] found in an accepted body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Validated {
    /// How many VEVENTs were read.
    pub events: usize,
    /// How many problems the parser recovered from.
    pub warnings: usize,
    /// "12 events, 2 warnings": what the store keeps as the parse summary.
    pub summary: String,
}

/// Check `body` as described in the module documentation. CPU-bound (it parses the whole body):
/// async callers run it on the blocking pool, as [`refresh_one`](crate::refresh_one) does.
pub fn validate(body: &[u8]) -> Result<Validated, FetchError> {
    sniff(body)?;
    if !body
        .split(|&b| b == b'\n')
        .any(|line| line.trim_ascii().eq_ignore_ascii_case(b"END:VCALENDAR"))
    {
        return Err(FetchError::new(
            FetchErrorKind::Invalid,
            "cut off: the body ends before END:VCALENDAR",
        ));
    }
    let parsed = touchpoint_calendar::parse(body).map_err(|e| {
        FetchError::new(FetchErrorKind::Invalid, format!("not valid iCalendar: {e}"))
    })?;
    let events = parsed.calendar.events.len();
    let warnings = parsed.warnings.len();
    let lines = body
        .split(|&b| b == b'\n')
        .filter(|line| !line.trim_ascii().is_empty())
        .count();
    let first = parsed
        .warnings
        .first()
        .map(|w| format!(" (first: line {}: {})", w.line, w.message))
        .unwrap_or_default();
    judge(
        events,
        parsed.warnings.iter().map(|w| w.line),
        lines,
        &first,
    )?;
    Ok(Validated {
        events,
        warnings,
        summary: format!(
            "{}, {}",
            plural(events, "event"),
            plural(warnings, "warning")
        ),
    })
}

/// Rule 3 of the module documentation: `warning_lines` holds the line of each warning, `lines`
/// counts the body's non-blank lines, `first` describes the first warning for the message.
fn judge(
    events: usize,
    warning_lines: impl Iterator<Item = usize>,
    lines: usize,
    first: &str,
) -> Result<(), FetchError> {
    let mut warnings = 0;
    let mut bad = BTreeSet::new();
    for line in warning_lines {
        warnings += 1;
        bad.insert(line);
    }
    if events == 0 && warnings > 0 {
        return Err(FetchError::new(
            FetchErrorKind::Invalid,
            format!(
                "no event could be read, with {}{first}",
                plural(warnings, "warning")
            ),
        ));
    }
    if bad.len() * 2 > lines {
        return Err(FetchError::new(
            FetchErrorKind::Invalid,
            format!(
                "too broken to use: {} of {lines} lines have errors{first}",
                bad.len()
            ),
        ));
    }
    Ok(())
}

/// Reject bodies that are not iCalendar at all, before parsing.
fn sniff(body: &[u8]) -> Result<(), FetchError> {
    let text = body
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(body)
        .trim_ascii_start();
    const BEGIN: &[u8] = b"BEGIN:VCALENDAR";
    if text.len() >= BEGIN.len() && text[..BEGIN.len()].eq_ignore_ascii_case(BEGIN) {
        return Ok(());
    }
    let what = if text.is_empty() {
        "the body is empty"
    } else if text.starts_with(b"<") {
        "it looks like an HTML or XML page"
    } else if text.starts_with(b"{") || text.starts_with(b"[") {
        "it looks like JSON"
    } else {
        "it does not begin with BEGIN:VCALENDAR"
    };
    Err(FetchError::new(
        FetchErrorKind::NotICalendar,
        format!("not an iCalendar file: {what}"),
    ))
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(uid: &str) -> String {
        format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\n\
             DTSTART:20260105T170000Z\r\nDTEND:20260105T180000Z\r\nSUMMARY:Meeting {uid}\r\n\
             END:VEVENT\r\n"
        )
    }

    fn calendar(body: &str) -> Vec<u8> {
        format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{body}END:VCALENDAR\r\n")
            .into_bytes()
    }

    #[test]
    fn can_accept_a_calendar_and_summarize_it() {
        let v = validate(&calendar(&(event("a") + &event("b")))).unwrap();
        assert_eq!((v.events, v.warnings), (2, 0));
        assert_eq!(v.summary, "2 events, 0 warnings");
    }

    #[test]
    fn can_accept_an_empty_calendar_and_a_byte_order_mark() {
        let mut body = b"\xEF\xBB\xBF\r\n".to_vec();
        body.extend(calendar(""));
        assert_eq!(validate(&body).unwrap().summary, "0 events, 0 warnings");
    }

    #[test]
    fn errors_when_the_body_is_html() {
        let err = validate(b"<!doctype html><html><body>Sign in</body></html>").unwrap_err();
        assert_eq!(err.kind(), FetchErrorKind::NotICalendar);
        assert_eq!(
            err.to_string(),
            "not an iCalendar file: it looks like an HTML or XML page"
        );
    }

    #[test]
    fn errors_when_the_body_is_empty_or_something_else() {
        assert_eq!(
            validate(b"  \n").unwrap_err().to_string(),
            "not an iCalendar file: the body is empty"
        );
        assert_eq!(
            validate(b"{\"error\":1}").unwrap_err().kind(),
            FetchErrorKind::NotICalendar
        );
        assert_eq!(
            validate(b"Service unavailable").unwrap_err().to_string(),
            "not an iCalendar file: it does not begin with BEGIN:VCALENDAR"
        );
    }

    #[test]
    fn errors_when_the_body_is_cut_off_before_its_end() {
        let whole = calendar(&(event("a") + &event("b")));
        let text = String::from_utf8(whole.clone()).unwrap();
        // Cut between the two events, and inside the second: each would read as one event.
        for cut in [text.find("BEGIN:VEVENT\r\nUID:b").unwrap(), text.len() - 40] {
            let err = validate(&whole[..cut]).unwrap_err();
            assert_eq!(err.kind(), FetchErrorKind::Invalid);
            assert_eq!(
                err.to_string(),
                "cut off: the body ends before END:VCALENDAR"
            );
        }
        // Its end in lower case, without a line break, or followed by blank lines is an end.
        let lower = text.replace("END:VCALENDAR\r\n", "end:vcalendar");
        assert_eq!(validate(lower.as_bytes()).unwrap().events, 2);
        assert_eq!(
            validate(format!("{text}\r\n\r\n").as_bytes())
                .unwrap()
                .events,
            2
        );
    }

    #[test]
    fn errors_when_most_lines_are_broken() {
        let err = judge(3, [4, 5, 6, 6].into_iter(), 5, " (first: line 4: bad)").unwrap_err();
        assert_eq!(err.kind(), FetchErrorKind::Invalid);
        assert_eq!(
            err.to_string(),
            "too broken to use: 3 of 5 lines have errors (first: line 4: bad)"
        );
        // Exactly half is still usable; warnings on one line count once.
        assert!(judge(3, [4, 5, 5].into_iter(), 4, "").is_ok());
    }

    #[test]
    fn errors_when_no_event_survives_the_warnings() {
        let err = judge(0, [7].into_iter(), 100, " (first: line 7: bad DTSTART)").unwrap_err();
        assert_eq!(
            err.to_string(),
            "no event could be read, with 1 warning (first: line 7: bad DTSTART)"
        );
        assert!(judge(0, std::iter::empty(), 3, "").is_ok());
    }
}
