//! Lenient RFC 5545 reader: unfolding, parameters, escaped text, VEVENT and VTIMEZONE.

use crate::model::Calendar;

/// A problem the parser recovered from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line number in the input (physical line, before unfolding).
    pub line: usize,
    /// What was wrong and what was done about it.
    pub message: String,
}

/// Input that is not iCalendar at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ParseError {
    /// What was wrong.
    pub message: String,
}

/// A parsed calendar and what the parser had to forgive.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    /// The calendar.
    pub calendar: Calendar,
    /// Recovered problems, in input order.
    pub warnings: Vec<Warning>,
}

/// Parse iCalendar bytes (non-UTF-8 bytes are replaced, with a warning).
pub fn parse(input: &[u8]) -> Result<Parsed, ParseError> {
    let _ = input;
    todo!("parser")
}
