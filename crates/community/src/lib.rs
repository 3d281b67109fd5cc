//! The community file: a TOML description of a community's meetings, working groups and the
//! outside calendars it follows, parsed into typed structs, validated with located diagnostics,
//! and compiled to the calendar model so one engine expands everything.
//!
//! - [`parse`] (pure) and [`parse_file`] (thin I/O shell) return a [`Checked`] community or
//!   every [`Diagnostic`] found (module `check`; serde structs in `raw`).
//! - The typed model is in module `model`; friendly `repeat` phrases in module `repeat`.
//! - [`Community::to_calendar`] and friends compile series to [`touchpoint_calendar::Event`]s
//!   (module `compile`).
//! - [`EXAMPLE`] is the embedded default (the TODO Group's meetings page) and
//!   [`example_file`] serves its offline sample feeds.
//!
//! The file format, field by field, is documented in the crate's README.md and by the
//! commented example at `examples/todo-group/touchpoint.toml`.

mod check;
mod compile;
pub mod diagnostic;
pub mod diff;
pub mod hub;
pub mod lang;
pub mod model;
mod raw;
pub mod repeat;
mod zones;

use std::path::Path;

pub use check::{Checked, parse};
pub use diagnostic::{Diagnostic, Severity};
pub use lang::Lang;
pub use model::{
    Announce, CalendarSource, Change, Channel, Community, Exception, Group, Info, JoinDefaults,
    JoinPolicy, JoinVisibility, Link, Location, Recurrence, Series, Target, Text, UrlSecret,
};
pub use zones::suggest_zones;

/// The embedded default community file: the TODO Group's meetings page.
pub const EXAMPLE: &str = include_str!("../../../examples/todo-group/touchpoint.toml");

/// The example's offline sample feeds, by the `path =` value that names them.
const EXAMPLE_FILES: [(&str, &[u8]); 3] = [
    (
        "calendars/openssf.ics",
        include_bytes!("../../../examples/todo-group/calendars/openssf.ics"),
    ),
    (
        "calendars/openchain.ics",
        include_bytes!("../../../examples/todo-group/calendars/openchain.ics"),
    ),
    (
        "calendars/chaoss.ics",
        include_bytes!("../../../examples/todo-group/calendars/chaoss.ics"),
    ),
];

/// The embedded copy of one of the example's sample `.ics` files, looked up by its `path =`
/// value in [`EXAMPLE`] (a leading `./` is ignored). Lets the example run with no files on disk.
pub fn example_file(path: &str) -> Option<&'static [u8]> {
    let path = path.strip_prefix("./").unwrap_or(path);
    EXAMPLE_FILES
        .iter()
        .find(|(name, _)| *name == path)
        .map(|(_, bytes)| *bytes)
}

/// Read and [`parse`] a community file; every diagnostic carries `path` as its file.
pub fn parse_file(path: &Path) -> Result<Checked, Vec<Diagnostic>> {
    let with_file = |mut d: Diagnostic| {
        d.file = Some(path.to_path_buf());
        d
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            let d = Diagnostic::whole_file(Severity::Error, format!("cannot read the file: {e}"))
                .with_code("unreadable-file")
                .with_hint("pass the community file with --config FILE");
            return Err(vec![with_file(d)]);
        }
    };
    let source = match String::from_utf8(bytes) {
        Ok(source) => source,
        Err(e) => return Err(vec![with_file(not_utf8(e.as_bytes(), e.utf8_error()))]),
    };
    match parse(&source) {
        Ok(mut checked) => {
            checked.warnings = checked.warnings.into_iter().map(with_file).collect();
            Ok(checked)
        }
        Err(diags) => Err(diags.into_iter().map(with_file).collect()),
    }
}

/// The error for a file that is not UTF-8, located at its first invalid byte (the line and
/// column of the valid text before it, so an editor can jump there).
fn not_utf8(bytes: &[u8], error: std::str::Utf8Error) -> Diagnostic {
    let valid = error.valid_up_to();
    // The prefix is valid UTF-8 by construction.
    let before = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut d = Diagnostic::whole_file(
        Severity::Error,
        format!(
            "the file is not UTF-8: byte 0x{:02x} at offset {valid} is not valid UTF-8",
            bytes[valid]
        ),
    )
    .with_code("not-utf8")
    .with_hint("TOML files are UTF-8; convert it, e.g. iconv -f latin1 -t utf-8");
    d.line = before.matches('\n').count() + 1;
    d.column = before[line_start..].chars().count() + 1;
    (d.end_line, d.end_column) = (d.line, d.column);
    d.span = valid..valid;
    d
}
