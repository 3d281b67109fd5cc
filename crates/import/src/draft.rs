//! The community file being imported, and writing it as commented TOML.
//!
//! Importers fill a [`Draft`]; [`finish`] writes it, checks the text with
//! `touchpoint_community::parse` and comments out any series the checker refuses (with its
//! message as the TODO), so what is returned always checks.

use std::fmt::Write as _;

use jiff::civil;
use touchpoint_community::Severity;

use crate::{Imported, Note};

/// A community file under construction.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    /// `[community].name`.
    pub name: String,
    /// `[community].description`.
    pub description: Option<String>,
    /// `[community].timezone` (an IANA name).
    pub timezone: String,
    /// Comment lines written at the top (where the file came from).
    pub header: Vec<String>,
    /// `[[groups]]`.
    pub groups: Vec<DraftGroup>,
    /// `[[series]]`.
    pub series: Vec<DraftSeries>,
    /// Report lines that concern no one series.
    pub notes: Vec<Note>,
}

/// A `[[groups]]` entry.
#[derive(Debug, Default)]
pub(crate) struct DraftGroup {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub mailing_list: Option<String>,
    /// The chat label and its link, if any.
    pub chat: Option<(String, Option<String>)>,
}

/// How a series repeats, as the community file writes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) enum Rule {
    /// `repeat = "..."`, a phrase `touchpoint_community::repeat::parse_phrase` accepts.
    Repeat(String),
    /// `rrule = "..."`.
    Rrule(String),
    /// Not known: the series can only be written commented out.
    #[default]
    Unknown,
}

/// A `[[series]]` entry.
#[derive(Clone, Debug, Default)]
pub(crate) struct DraftSeries {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub timezone: Option<String>,
    pub start: Option<civil::Time>,
    pub duration_minutes: i64,
    pub rule: Rule,
    pub first: Option<civil::Date>,
    pub last: Option<civil::Date>,
    pub join: Option<String>,
    pub agenda: Option<String>,
    pub notes: Option<String>,
    pub recordings: Option<String>,
    pub group: Option<String>,
    pub exceptions: Vec<DraftException>,
    /// Comments saying how a source value was read (not problems).
    pub comments: Vec<String>,
    /// Details the file cannot hold; the series is still written.
    pub todos: Vec<String>,
    /// Why no valid entry can be written without a guess: the series is written commented out.
    pub blocked: Vec<String>,
    /// The RANGE=THISANDFUTURE overrides that re-time every later meeting (not written: the
    /// series is split at them, [`crate::ics`]).
    pub ranges: Vec<DraftRange>,
    /// The dates of overrides that change nothing the series says (not written).
    pub unchanged: Vec<civil::Date>,
}

/// A RANGE=THISANDFUTURE override: from the meeting at `from` (wall clock) on, meetings start
/// at `to`'s time of day, last `minutes` and are called `title`; or, `cancelled`, take place no
/// more.
#[derive(Clone, Debug)]
pub(crate) struct DraftRange {
    pub from: civil::DateTime,
    pub to: civil::DateTime,
    pub minutes: i64,
    pub title: Option<String>,
    pub cancelled: bool,
}

/// A `[[series.exceptions]]` entry.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DraftException {
    pub date: civil::Date,
    pub change: DraftChange,
}

/// What an exception does.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum DraftChange {
    Cancel(String),
    Move(civil::DateTime),
    Extra(Option<civil::Time>),
}

impl DraftChange {
    /// The change in a few words, for a TODO.
    pub(crate) fn said(&self) -> String {
        match self {
            DraftChange::Cancel(_) => "cancelled".to_owned(),
            DraftChange::Move(to) => format!("moved to {}", to.strftime("%Y-%m-%d %H:%M")),
            DraftChange::Extra(Some(at)) => format!("an extra meeting at {}", at.strftime("%H:%M")),
            DraftChange::Extra(None) => "an extra meeting".to_owned(),
        }
    }
}

impl DraftSeries {
    /// Whether the entry can be written as a live (not commented-out) series.
    fn writable(&self) -> bool {
        self.blocked.is_empty()
            && self.rule != Rule::Unknown
            && self.first.is_some()
            && self.start.is_some()
            && self.timezone.is_some()
    }
}

/// A TOML basic string for `text`, escaped by the toml crate.
pub(crate) fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// `90` → `"1h30m"`, `60` → `"1h"`, `45` → `"45m"`.
fn duration_text(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m}m"),
    }
}

fn time_text(time: civil::Time) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// Comment lines: `# ` before each line of `text`.
fn comment(out: &mut String, text: &str) {
    for line in text.lines() {
        let _ = writeln!(out, "# {line}");
    }
}

fn key(out: &mut String, name: &str, value: Option<&str>) {
    if let Some(value) = value {
        let _ = writeln!(out, "{name} = {}", quoted(value));
    }
}

/// The TOML of one series entry (live, without comment prefix).
fn series_body(series: &DraftSeries) -> String {
    let mut out = String::new();
    out.push_str("[[series]]\n");
    key(&mut out, "id", Some(&series.id));
    key(&mut out, "title", Some(&series.title));
    key(&mut out, "description", series.description.as_deref());
    key(&mut out, "group", series.group.as_deref());
    // What the feed does not say is a `?` to fill in (a series missing it is commented out).
    match &series.timezone {
        Some(zone) => key(&mut out, "timezone", Some(zone)),
        None => out.push_str("timezone = ?\n"),
    }
    match series.start {
        Some(start) => key(&mut out, "start", Some(&time_text(start))),
        None => out.push_str("start = ?\n"),
    }
    key(
        &mut out,
        "duration",
        Some(&duration_text(series.duration_minutes)),
    );
    match &series.rule {
        Rule::Repeat(phrase) => key(&mut out, "repeat", Some(phrase)),
        Rule::Rrule(rule) => key(&mut out, "rrule", Some(rule)),
        Rule::Unknown => out.push_str("repeat = \"?\"\n"),
    }
    match series.first {
        Some(first) => {
            let _ = writeln!(out, "first = {first}");
        }
        None => out.push_str("first = ?\n"),
    }
    if let Some(last) = series.last {
        let _ = writeln!(out, "last = {last}");
    }
    key(&mut out, "join", series.join.as_deref());
    key(&mut out, "agenda", series.agenda.as_deref());
    key(&mut out, "notes", series.notes.as_deref());
    key(&mut out, "recordings", series.recordings.as_deref());
    for exception in &series.exceptions {
        out.push_str("[[series.exceptions]]\n");
        let _ = writeln!(out, "date = {}", exception.date);
        match &exception.change {
            DraftChange::Cancel(reason) => key(&mut out, "cancel", Some(reason)),
            DraftChange::Move(to) => {
                let _ = writeln!(out, "move_to = {}", to.strftime("%Y-%m-%dT%H:%M:%S"));
            }
            DraftChange::Extra(time) => {
                out.push_str("extra = true\n");
                let time = time.map(time_text);
                key(&mut out, "time", time.as_deref());
            }
        }
    }
    out
}

/// Whether the checker refuses the series' `first` as a date its rule does not give (the
/// series alone, without its exceptions, in a file of its own).
pub(crate) fn refuses_first(series: &DraftSeries) -> bool {
    if !series.writable() {
        return false;
    }
    let bare = DraftSeries {
        exceptions: Vec::new(),
        ..series.clone()
    };
    let text = format!(
        "[community]\nname = \"probe\"\ntimezone = \"UTC\"\n{}",
        series_body(&bare)
    );
    match touchpoint_community::parse(&text) {
        Ok(_) => false,
        Err(diagnostics) => diagnostics
            .iter()
            .any(|d| d.code == "first-not-an-occurrence"),
    }
}

/// The file's text, and for each series the range of lines (1-based, inclusive) it holds.
fn render(draft: &Draft) -> (String, Vec<(usize, usize)>) {
    let mut out = String::new();
    for line in &draft.header {
        let _ = writeln!(out, "# {line}");
    }
    out.push_str("#\n# Check it with `touchpoint check --config FILE`; the reference of every key is\n# crates/community/README.md. Lines marked TODO need a decision.\n\n");
    out.push_str("[community]\n");
    key(&mut out, "name", Some(&draft.name));
    key(&mut out, "description", draft.description.as_deref());
    out.push_str("# The zone times are shown in until a visitor picks one.\n");
    key(&mut out, "timezone", Some(&draft.timezone));
    for group in &draft.groups {
        out.push_str("\n[[groups]]\n");
        key(&mut out, "id", Some(&group.id));
        key(&mut out, "title", Some(&group.title));
        key(&mut out, "description", group.description.as_deref());
        if let Some(list) = &group.mailing_list {
            let _ = writeln!(
                out,
                "mailing_list = {{ label = \"Mailing list\", url = {} }}",
                quoted(list)
            );
        }
        if let Some((label, url)) = &group.chat {
            match url {
                Some(url) => {
                    let _ = writeln!(
                        out,
                        "chat = {{ label = {}, url = {} }}",
                        quoted(label),
                        quoted(url)
                    );
                }
                None => {
                    let _ = writeln!(out, "chat = {{ label = {} }}", quoted(label));
                }
            }
        }
    }
    let mut spans = Vec::with_capacity(draft.series.len());
    // Lines counted as the text grows: counting the whole text again per series made a
    // 2,000-series import take 20 s.
    let mut lines = LineCount::default();
    for series in &draft.series {
        out.push('\n');
        let begin = lines.of(&out) + 1;
        for line in &series.comments {
            comment(&mut out, line);
        }
        for todo in &series.todos {
            comment(&mut out, &format!("TODO: {todo}"));
        }
        if series.writable() {
            out.push_str(&series_body(series));
        } else {
            for reason in &series.blocked {
                comment(&mut out, &format!("TODO: {reason}"));
            }
            comment(
                &mut out,
                "TODO: written commented out; settle the above, then remove the leading \"# \".",
            );
            comment(&mut out, &series_body(series));
        }
        spans.push((begin, lines.of(&out)));
    }
    (out, spans)
}

/// The number of complete lines of a text that only grows, counted once per byte.
#[derive(Default)]
struct LineCount {
    counted: usize,
    lines: usize,
}

impl LineCount {
    fn of(&mut self, text: &str) -> usize {
        self.lines += text.as_bytes()[self.counted..]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        self.counted = text.len();
        self.lines
    }
}

/// Write the draft, check it, and comment out what the checker refuses.
pub(crate) fn finish(mut draft: Draft) -> Imported {
    let mut text;
    // Each round comments out at least one more series, so this ends.
    loop {
        let (rendered, spans) = render(&draft);
        text = rendered;
        let Err(diagnostics) = touchpoint_community::parse(&text) else {
            break;
        };
        let mut refused = false;
        for diagnostic in diagnostics.iter().filter(|d| d.severity == Severity::Error) {
            let index = spans
                .iter()
                .position(|(begin, end)| (*begin..=*end).contains(&diagnostic.line));
            if let Some(series) = index.map(|i| &mut draft.series[i])
                && series.writable()
            {
                series
                    .blocked
                    .push(format!("`touchpoint check` says: {}", diagnostic.message));
                refused = true;
            }
        }
        if !refused {
            // An error outside every series would be this crate's bug; the caller checks
            // the text again and reports it.
            break;
        }
    }
    let mut report = Vec::new();
    for series in &draft.series {
        for message in series.todos.iter().chain(&series.blocked) {
            report.push(Note {
                subject: series.id.clone(),
                message: message.clone(),
            });
        }
        if !series.writable() && series.blocked.is_empty() {
            report.push(Note {
                subject: series.id.clone(),
                message: "written commented out".to_owned(),
            });
        }
    }
    report.extend(draft.notes);
    let written = draft.series.iter().filter(|s| s.writable()).count();
    Imported {
        toml: text,
        report,
        series: written,
        commented_out: draft.series.len() - written,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The safety net: a series the checker refuses is commented out with its message, and
    /// the rest of the file still checks.
    #[test]
    fn comments_out_a_series_check_refuses() {
        let series = |id: &str, first| DraftSeries {
            id: id.to_owned(),
            title: id.to_owned(),
            timezone: Some("UTC".to_owned()),
            start: Some(civil::time(10, 0, 0, 0)),
            duration_minutes: 60,
            rule: Rule::Repeat("weekly on Tuesday".to_owned()),
            first: Some(first),
            ..DraftSeries::default()
        };
        let draft = Draft {
            name: "Test".to_owned(),
            timezone: "UTC".to_owned(),
            // 2026-12-01 is a Tuesday; 2026-12-02 is not.
            series: vec![
                series("good", civil::date(2026, 12, 1)),
                series("bad", civil::date(2026, 12, 2)),
            ],
            ..Draft::default()
        };
        let imported = finish(draft);
        assert!(touchpoint_community::parse(&imported.toml).is_ok());
        assert_eq!((imported.series, imported.commented_out), (1, 1));
        assert!(
            imported.toml.contains("# id = \"bad\""),
            "{}",
            imported.toml
        );
        assert_eq!(imported.report.len(), 1);
        assert_eq!(imported.report[0].subject, "bad");
        assert!(
            imported.report[0]
                .message
                .contains("`touchpoint check` says")
        );
    }

    #[test]
    fn can_write_durations() {
        assert_eq!(duration_text(90), "1h30m");
        assert_eq!(duration_text(60), "1h");
        assert_eq!(duration_text(45), "45m");
    }
}
