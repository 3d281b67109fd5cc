//! RFC 5545 writer: folding, escaping, and a VTIMEZONE generated from the tz database for every
//! zone used.

use crate::model::Calendar;

/// Render `calendar` as iCalendar text (CRLF line endings, lines folded at 75 octets).
pub fn write(calendar: &Calendar) -> String {
    let _ = calendar;
    todo!("writer")
}
