//! Recurrence expansion: RRULE/RDATE/EXDATE/EXRULE and RECURRENCE-ID overrides, lazily, inside a
//! window, with bounded work per event.

use jiff::civil;
use jiff::tz::TimeZone;

use crate::model::{Calendar, Status, Time};

/// The window to list occurrences in: `[start, end)`.
#[derive(Clone, Debug)]
pub struct Window {
    /// Inclusive start, as a wall-clock date-time.
    pub start: civil::DateTime,
    /// Exclusive end, as a wall-clock date-time.
    pub end: civil::DateTime,
    /// `None`: the bounds are read in each event's own zone (as calendar apps show them), and
    /// floating/date events compare by wall clock. `Some(zone)`: the bounds are instants in that
    /// zone, and floating/date events are read in that zone too.
    pub zone: Option<TimeZone>,
}

/// Bounds on the work a single event may cause, so a hostile feed cannot stall a server.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Most candidate instances generated for one event in one call before giving up on it.
    pub max_candidates_per_event: u64,
    /// Most occurrences returned for one event in one call.
    pub max_occurrences_per_event: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_candidates_per_event: 1_000_000,
            max_occurrences_per_event: 100_000,
        }
    }
}

/// One occurrence of an event.
#[derive(Clone, Debug, PartialEq)]
pub struct Occurrence {
    /// Index into [`Calendar::events`] of the event whose data applies: the override when one
    /// replaced this instance, else the master.
    pub event: usize,
    /// The instance's RECURRENCE-ID (its original start) when it belongs to a recurring event;
    /// `None` for a single event.
    pub recurrence_id: Option<Time>,
    /// Start, in the event's own value type and zone.
    pub start: Time,
    /// End, in the same value type and zone as `start`.
    pub end: Time,
    /// Status of the applying event (`Cancelled` occurrences are kept and marked).
    pub status: Status,
}

/// The result of [`expand`].
#[derive(Clone, Debug, Default)]
pub struct Expansion {
    /// Occurrences overlapping the window, sorted by start instant, then UID.
    pub occurrences: Vec<Occurrence>,
    /// Events whose expansion hit a [`Limits`] bound, with what was hit (for warnings).
    pub truncated: Vec<(usize, String)>,
}

/// Every occurrence of every event of `calendar` that overlaps `window`.
pub fn expand(calendar: &Calendar, window: &Window, limits: &Limits) -> Expansion {
    let _ = (calendar, window, limits);
    todo!("recurrence engine")
}
