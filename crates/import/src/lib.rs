//! `touchpoint import`: other meeting formats converted to a commented community file that
//! `touchpoint check` accepts, with a report of what could not be expressed.
//!
//! Pure: every importer takes the source's bytes or text and an injected "today" (the date a
//! schedule without a start date is counted from), and returns the file's text and the report.
//! Reading files and fetching URLs is the binary's job (`cmd/import.rs`).
//!
//! - [`from_ics`] (module `ics`): an iCalendar feed, read by `touchpoint_calendar::parse`.
//! - [`from_k8s_sigs`] (module `k8s`): Kubernetes' `sigs.yaml`.
//! - [`from_irc_meetings`] (module `irc`): OpenStack's irc-meetings YAML (yaml2ical's format).
//! - Module `draft` holds the community file being written and writes it; what cannot be
//!   expressed is written as a `# TODO` comment (a whole series commented out when no valid
//!   entry can be written without guessing) and listed in [`Imported::report`]. Before it is
//!   returned, the text is checked with `touchpoint_community::parse`: a series the checker
//!   refuses is commented out with the checker's message, so the file always checks.
//!
//! The formats, field by field, and how each maps: `docs/import.md`.

mod draft;
mod ics;
mod irc;
mod k8s;
mod text;

use jiff::civil;

pub use ics::from_ics;
pub use irc::from_irc_meetings;
pub use k8s::from_k8s_sigs;

/// What an importer needs besides the source.
#[derive(Clone, Debug)]
pub struct Options {
    /// The day the import runs: a schedule with no start date (a weekly meeting, yaml2ical's
    /// "biweekly-odd" without `start_date`) gets its `first` date from here.
    pub today: civil::Date,
}

/// An imported community file.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The community file (TOML, commented), which `touchpoint check` accepts.
    pub toml: String,
    /// What could not be expressed, one line per problem, in file order. Each is also a
    /// `# TODO` comment in [`Imported::toml`].
    pub report: Vec<Note>,
    /// How many series were written (not commented out).
    pub series: usize,
    /// How many series were written commented out, waiting for a decision.
    pub commented_out: usize,
}

/// One thing the import could not express.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// What it concerns: a series id, an event's UID, a meeting's name.
    pub subject: String,
    /// What could not be expressed and what was written instead.
    pub message: String,
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.subject, self.message)
    }
}

/// A source that cannot be imported at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// What was wrong.
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ImportError {}

impl ImportError {
    pub(crate) fn new(message: impl Into<String>) -> ImportError {
        ImportError {
            message: message.into(),
        }
    }
}
