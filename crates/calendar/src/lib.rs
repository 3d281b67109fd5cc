//! RFC 5545 iCalendar for Touchpoint: parse real-world feeds leniently, write feeds that clients
//! accept, and expand recurring events into occurrences inside a window.
//!
//! The crate is pure: no I/O, no async, and "now" is always a parameter. The community file's
//! series compile to the same [`Event`] model as a parsed VEVENT, so one engine expands both.
//!
//! - [`parse()`] reads bytes into a [`Calendar`] plus warnings (module `parse`, time zones in `tz`).
//! - [`expand()`] lists the [`Occurrence`]s that overlap a [`Window`] (modules `expand`, `series`,
//!   `recur`, `instant`); [`list()`] lists them as plain numbers, written or made into values only
//!   when asked.
//! - [`write()`] renders a [`Calendar`] back to RFC 5545 text with VTIMEZONEs (module `write`).

pub mod digest;
pub mod event_text;
pub mod expand;
mod feed_url;
mod format;
mod instant;
pub mod model;
pub mod parse;
mod recur;
pub mod rrule;
mod series;
pub mod synthetic;
pub mod tz;
pub mod write;

pub use expand::{
    Expansion, Limits, Listed, Listing, Occurrence, Take, TextShape, Window, expand, expand_first,
    list, list_first,
};
pub use feed_url::{FeedUrlError, feed_url};
pub use model::{
    Calendar, End, Event, Freq, Organizer, RDate, RRule, Status, Time, Tz, WeekdayNum,
    wall_to_instant,
};
pub use parse::{ParseError, Parsed, Warning, parse};
pub use rrule::{RRuleError, RRuleErrorKind};
/// The inline vector of [`RRule`]'s BYxxx lists.
pub use smallvec::{SmallVec, smallvec};
pub use write::write;
