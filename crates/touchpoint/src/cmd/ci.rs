//! `touchpoint check` in a community's CI (docs/ci.md): `--format github` prints GitHub Actions
//! workflow commands, `--format json` one JSON document, and `--diff OLD NEW` lists what a
//! change to the file changes for people. The default human format is `cmd::check`'s.
//!
//! Exit codes, every format: 0 the file (both files, with `--diff`) checks, with or without
//! changes; 1 a file has errors (or cannot be read); 2 bad arguments.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use jiff::Timestamp;
use serde::Serialize;
use touchpoint_calendar::Tz;
use touchpoint_community::diagnostic::escape_controls;
use touchpoint_community::diff::{self, Change, HORIZON_DAYS, Kind, Meeting};
use touchpoint_community::{Checked, Community, Diagnostic, Severity};

use crate::app::{self, Invalid};
use crate::cli::{CheckArgs, CheckFormat};
use crate::cmd::check;
use crate::hub;

/// The version of the JSON documents `--format json` prints; bumped only when a field changes
/// meaning or goes away (new fields may appear without a bump).
pub const JSON_VERSION: u32 = 1;

/// Most zones a moved meeting is shown in (its own and `--zone`s always are).
const MAX_ZONES: usize = 8;

/// Run `touchpoint check` with its CI options.
pub fn run(args: CheckArgs) -> anyhow::Result<ExitCode> {
    if let Some(paths) = &args.diff {
        let [old, new] = paths.as_slice() else {
            anyhow::bail!("--diff takes two files: OLD NEW");
        };
        return compare(&args, old, new);
    }
    match args.format {
        CheckFormat::Human => check::run(args.config),
        format => check_one(&args, format),
    }
}

// ---- one file -------------------------------------------------------------------------------

/// What a loaded community file holds; `None` when it has errors.
fn counts(loaded: &Result<app::Loaded, Invalid>) -> Option<Counts> {
    let c = &loaded.as_ref().ok()?.community;
    Some(Counts {
        series: c.series.len(),
        groups: c.groups.len(),
        calendars: c.calendars.len(),
    })
}

/// Every diagnostic of a loaded (or not) community file.
fn diagnostics_of(loaded: Result<app::Loaded, Invalid>) -> Vec<Diagnostic> {
    match loaded {
        Ok(loaded) => loaded.warnings,
        Err(Invalid(diagnostics)) => diagnostics,
    }
}

/// `check --format github|json` on the community file, or on each file of a hub.
fn check_one(args: &CheckArgs, format: CheckFormat) -> anyhow::Result<ExitCode> {
    let file = args.config.config.clone();
    let mut communities = None;
    let (diagnostics, counts) = match hub::layout(&args.config) {
        Err(Invalid(diagnostics)) => (diagnostics, None),
        Ok(Some(layout)) => {
            let mut diagnostics = layout.problems.clone();
            let mut members = Vec::new();
            for member in hub::load_members(&layout, &args.config) {
                let counts = counts(&member.loaded);
                members.push(JsonMember {
                    id: member.id,
                    file: shown(&member.file),
                    ok: counts.is_some(),
                    counts,
                });
                diagnostics.extend(diagnostics_of(member.loaded));
            }
            communities = Some(members);
            (diagnostics, None)
        }
        Ok(None) => {
            let loaded = app::load_community(&args.config);
            let counts = counts(&loaded);
            (diagnostics_of(loaded), counts)
        }
    };
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let mut out = String::new();
    match format {
        CheckFormat::Json => {
            let document = CheckDocument {
                version: JSON_VERSION,
                file: file.as_deref().map(shown),
                ok: errors == 0,
                errors,
                warnings: diagnostics.len() - errors,
                counts,
                communities,
                diagnostics: diagnostics.iter().map(JsonDiagnostic::from).collect(),
            };
            out.push_str(&serde_json::to_string_pretty(&document)?);
            out.push('\n');
        }
        _ => {
            github_diagnostics(&mut out, &diagnostics);
            let name = app::config_name(&args.config);
            match (counts, &communities) {
                _ if errors > 0 => writeln!(out, "{name}: {errors} error(s); nothing was changed")?,
                (Some(c), _) => writeln!(
                    out,
                    "{name}: ok — {}",
                    app::summary(c.series, c.groups, c.calendars, 0)
                )?,
                (None, members) => writeln!(
                    out,
                    "{name}: ok — {} communities",
                    members.as_ref().map_or(0, Vec::len)
                )?,
            }
        }
    }
    print(&out)?;
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// What a valid file holds.
#[derive(Clone, Copy, Debug, Serialize)]
struct Counts {
    /// `[[series]]` entries.
    series: usize,
    /// `[[groups]]` entries.
    groups: usize,
    /// `[[calendars]]` entries.
    calendars: usize,
}

/// `check --format json`: the whole answer.
#[derive(Debug, Serialize)]
struct CheckDocument {
    /// [`JSON_VERSION`].
    version: u32,
    /// The file checked; `null` for the embedded example.
    file: Option<String>,
    /// Whether the file is valid (no errors; warnings allowed).
    ok: bool,
    /// How many diagnostics are errors.
    errors: usize,
    /// How many are warnings.
    warnings: usize,
    /// What the file holds, when it is one valid community file.
    counts: Option<Counts>,
    /// For a hub (`--config` names a hub file or folder): each community, valid or not; `null`
    /// for one community file. The diagnostics of every file are in `diagnostics`.
    communities: Option<Vec<JsonMember>>,
    /// Every diagnostic, errors and warnings, in file order.
    diagnostics: Vec<JsonDiagnostic>,
}

/// One community of a hub, as JSON.
#[derive(Debug, Serialize)]
struct JsonMember {
    /// Its id (the URL segment it is served under).
    id: String,
    /// Its community file.
    file: String,
    /// Whether the file is valid.
    ok: bool,
    /// What it holds, when valid.
    counts: Option<Counts>,
}

/// One diagnostic as JSON.
#[derive(Debug, Serialize)]
struct JsonDiagnostic {
    /// `"error"` or `"warning"`.
    severity: &'static str,
    /// The stable kebab-case code (docs/ci.md lists them).
    code: &'static str,
    /// The file, as given on the command line; `null` for the embedded example.
    file: Option<String>,
    /// 1-based line; 0 when the problem has no place in the text.
    line: usize,
    /// 1-based column in characters; 0 with `line`.
    column: usize,
    /// 1-based line of the end of the offending text.
    end_line: usize,
    /// 1-based column just past the offending text (exclusive).
    end_column: usize,
    /// What is wrong, one sentence.
    message: String,
    /// How to fix it, when there is something useful to say.
    help: Option<String>,
}

impl From<&Diagnostic> for JsonDiagnostic {
    fn from(d: &Diagnostic) -> JsonDiagnostic {
        JsonDiagnostic {
            severity: d.severity.as_str(),
            code: d.code,
            file: d.file.as_deref().map(shown),
            line: d.line,
            column: d.column,
            end_line: d.end_line,
            end_column: d.end_column,
            message: d.message.clone(),
            help: d.hint.clone(),
        }
    }
}

/// Append one workflow command per diagnostic (the first [`app::REPORT_LIMIT`], then one
/// saying how many more: GitHub shows only the first few annotations of a step anyway).
fn github_diagnostics(out: &mut String, diagnostics: &[Diagnostic]) {
    for d in diagnostics.iter().take(app::REPORT_LIMIT) {
        out.push_str(&github_command(d));
        out.push('\n');
    }
    if diagnostics.len() > app::REPORT_LIMIT {
        let more = diagnostics.len() - app::REPORT_LIMIT;
        let _ = writeln!(
            out,
            "::error title=touchpoint check::… and {more} more problem(s) not shown ({} in all)",
            diagnostics.len()
        );
    }
}

/// `::error file=…,line=…,col=…,endLine=…,title=…::message` for one diagnostic (`::warning`
/// for a warning); the hint follows the message on its own line.
pub fn github_command(d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut properties = Vec::new();
    if let Some(file) = &d.file {
        properties.push(("file", shown(file)));
    }
    if d.line > 0 {
        properties.push(("line", d.line.to_string()));
        properties.push(("col", d.column.to_string()));
        properties.push(("endLine", d.end_line.max(d.line).to_string()));
    }
    properties.push(("title", format!("touchpoint check: {}", d.code)));
    let mut message = escape_controls(&d.message).into_owned();
    if let Some(hint) = &d.hint {
        message.push_str("\nhint: ");
        let lines: Vec<String> = hint
            .lines()
            .map(|line| escape_controls(line).into_owned())
            .collect();
        message.push_str(&lines.join("\n"));
    }
    workflow_command(level, &properties, &message)
}

/// `::{command} key=value,…::{message}`, escaped as GitHub's actions/toolkit does
/// (`packages/core/src/command.ts`).
fn workflow_command(command: &str, properties: &[(&str, String)], message: &str) -> String {
    let mut line = format!("::{command}");
    for (i, (key, value)) in properties.iter().enumerate() {
        line.push(if i == 0 { ' ' } else { ',' });
        line.push_str(key);
        line.push('=');
        line.push_str(&escape_property(value));
    }
    line.push_str("::");
    line.push_str(&escape_data(message));
    line
}

/// The toolkit's `escapeData`: `%`, CR and LF as `%25`, `%0D`, `%0A` (the runner reads one
/// command per line and unescapes these).
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The toolkit's `escapeProperty`: [`escape_data`], and `:` and `,` (which end a property) as
/// `%3A` and `%2C`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

// ---- two files ------------------------------------------------------------------------------

/// `check --diff OLD NEW`.
fn compare(args: &CheckArgs, old_path: &Path, new_path: &Path) -> anyhow::Result<ExitCode> {
    let zones: Vec<Tz> = args
        .zones
        .iter()
        .map(|name| {
            Tz::iana(name).with_context(|| {
                let close = touchpoint_community::suggest_zones(name);
                format!(
                    "--zone {name:?} is not an IANA zone{}",
                    match close.first() {
                        Some(zone) => format!("; did you mean {zone}?"),
                        None => String::new(),
                    }
                )
            })
        })
        .collect::<anyhow::Result<_>>()?;
    let old = touchpoint_community::parse_file(old_path);
    let new = touchpoint_community::parse_file(new_path);
    let (old, new) = match (old, new) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => return invalid(args.format, old_path, old, new_path, new),
    };
    let now = args.now.unwrap_or_else(Timestamp::now);
    let changes = diff::diff(&old.community, &new.community, now);
    let shown_changes: Vec<ShownChange> = changes
        .iter()
        .map(|change| ShownChange::new(change, [&new.community, &old.community], &zones))
        .collect();
    let mut out = String::new();
    let (old_name, new_name) = (shown(old_path), shown(new_path));
    match args.format {
        CheckFormat::Human => human_diff(&mut out, &old_name, &new_name, now, &shown_changes),
        CheckFormat::Github => {
            for change in &shown_changes {
                let properties = [
                    ("file", new_name.clone()),
                    (
                        "title",
                        format!("Meeting change: {}", change.change.kind.as_str()),
                    ),
                ];
                let mut text = String::new();
                human_change(&mut text, change);
                out.push_str(&workflow_command("notice", &properties, text.trim_end()));
                out.push('\n');
            }
            let mut text = String::new();
            human_diff(&mut text, &old_name, &new_name, now, &shown_changes);
            out.push_str(&text);
            step_summary(&text)?;
        }
        CheckFormat::Json => {
            let document = DiffDocument {
                version: JSON_VERSION,
                old: old_name,
                new: new_name,
                now,
                horizon_days: HORIZON_DAYS,
                ok: true,
                changes: shown_changes.iter().map(JsonChange::from).collect(),
                diagnostics: old
                    .warnings
                    .iter()
                    .chain(&new.warnings)
                    .map(JsonDiagnostic::from)
                    .collect(),
            };
            out.push_str(&serde_json::to_string_pretty(&document)?);
            out.push('\n');
        }
    }
    if args.format != CheckFormat::Json {
        // Warnings do not stop the comparison; they are still worth seeing.
        let warnings: Vec<Diagnostic> = old.warnings.into_iter().chain(new.warnings).collect();
        if !warnings.is_empty() {
            match args.format {
                CheckFormat::Github => github_diagnostics(&mut out, &warnings),
                _ => eprintln!("{}", app::report(&warnings)),
            }
        }
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Report the problems of whichever file does not check; exit 1.
fn invalid(
    format: CheckFormat,
    old_path: &Path,
    old: Result<Checked, Vec<Diagnostic>>,
    new_path: &Path,
    new: Result<Checked, Vec<Diagnostic>>,
) -> anyhow::Result<ExitCode> {
    let mut diagnostics = Vec::new();
    let mut broken = Vec::new();
    for (path, result) in [(old_path, old), (new_path, new)] {
        match result {
            Ok(checked) => diagnostics.extend(checked.warnings),
            Err(found) => {
                broken.push(shown(path));
                diagnostics.extend(found);
            }
        }
    }
    let summary = format!(
        "{} {} errors; nothing was compared",
        broken.join(" and "),
        if broken.len() == 1 { "has" } else { "have" }
    );
    match format {
        CheckFormat::Human => {
            eprintln!("{}", app::report(&diagnostics));
            eprintln!("{summary}");
        }
        CheckFormat::Github => {
            let mut out = String::new();
            github_diagnostics(&mut out, &diagnostics);
            out.push_str(&summary);
            out.push('\n');
            print(&out)?;
        }
        CheckFormat::Json => {
            let document = DiffDocument {
                version: JSON_VERSION,
                old: shown(old_path),
                new: shown(new_path),
                now: Timestamp::UNIX_EPOCH,
                horizon_days: HORIZON_DAYS,
                ok: false,
                changes: Vec::new(),
                diagnostics: diagnostics.iter().map(JsonDiagnostic::from).collect(),
            };
            print(&(serde_json::to_string_pretty(&document)? + "\n"))?;
        }
    }
    Ok(ExitCode::FAILURE)
}

/// A change with the local times people see, zone by zone.
struct ShownChange<'c> {
    change: &'c Change,
    /// Per zone: its name, the first affected occurrence before and after there.
    zones: Vec<ZoneTimes>,
}

/// One zone's view of a change.
#[derive(Debug, Serialize)]
struct ZoneTimes {
    /// The IANA name.
    zone: String,
    /// The first affected occurrence before, local ("Tue 02:00 JST"); `null` if there was none.
    before: Option<String>,
    /// The same occurrence after; `null` if there is none.
    after: Option<String>,
    /// Whether the local day differs between `before` and `after`.
    day_changes: bool,
}

impl<'c> ShownChange<'c> {
    fn new(change: &'c Change, communities: [&Community; 2], extra: &[Tz]) -> ShownChange<'c> {
        if change.before.is_none() && change.after.is_none() {
            return ShownChange {
                change,
                zones: Vec::new(),
            };
        }
        // The meeting's own zone(s), those asked for, the community's, then where the other
        // meetings are (or were) anchored: the people who come to this community's meetings.
        let mut zones: Vec<Tz> = Vec::new();
        let own = [&change.after, &change.before]
            .into_iter()
            .flatten()
            .map(|m| m.zone.clone());
        let others = communities.into_iter().flat_map(|community| {
            std::iter::once(community.info.timezone.clone())
                .chain(community.series.iter().map(|s| s.timezone.clone()))
        });
        for zone in own.chain(extra.iter().cloned()) {
            if !zones.contains(&zone) {
                zones.push(zone);
            }
        }
        for zone in others {
            if zones.len() >= MAX_ZONES.max(extra.len() + 2) {
                break;
            }
            if !zones.contains(&zone) {
                zones.push(zone);
            }
        }
        let pattern = if change.kind == Kind::Rescheduled {
            "%a %H:%M %Z"
        } else {
            "%a %Y-%m-%d %H:%M %Z"
        };
        let zones = zones
            .into_iter()
            .map(|tz| {
                let local = |m: &Meeting| m.start.to_zoned_datetime(tz.zone.clone());
                let (before, after) = (
                    change.before.as_ref().map(local),
                    change.after.as_ref().map(local),
                );
                let day_changes = match (&before, &after) {
                    (Some(b), Some(a)) => b.weekday() != a.weekday(),
                    _ => false,
                };
                ZoneTimes {
                    zone: tz.name.to_string(),
                    before: before.map(|z| z.strftime(pattern).to_string()),
                    after: after.map(|z| z.strftime(pattern).to_string()),
                    day_changes,
                }
            })
            .collect();
        ShownChange { change, zones }
    }
}

/// The headline of a change: "APAC call (series "apac", group "APAC"): rescheduled from …".
fn headline(change: &Change) -> String {
    let mut who = match (&change.series, &change.old_series) {
        (Some(id), Some(old)) => format!("series \"{old}\" -> \"{id}\""),
        (Some(id), None) => format!("series \"{id}\""),
        (None, _) => "outside calendar".to_owned(),
    };
    if let Some((_, group)) = &change.group {
        who.push_str(&format!(", group \"{group}\""));
    }
    let what = match change.kind {
        Kind::SeriesAdded => "added",
        Kind::SeriesRemoved => "removed",
        Kind::SeriesRenamed => "renamed",
        Kind::TitleChanged => "retitled",
        Kind::Rescheduled => "moves",
        Kind::GroupChanged => "changes group",
        Kind::JoinChanged => "join link changes",
        Kind::CancellationAdded => "cancelled once",
        Kind::CancellationRemoved => "no longer cancelled",
        Kind::MoveAdded => "moved once",
        Kind::MoveChanged => "moved elsewhere",
        Kind::MoveRemoved => "no longer moved",
        Kind::ExtraAdded => "extra meeting",
        Kind::ExtraChanged => "extra meeting at another time",
        Kind::ExtraRemoved => "extra meeting removed",
        Kind::CalendarAdded => "now followed",
        Kind::CalendarRemoved => "no longer followed",
        _ => change.kind.as_str(),
    };
    let from = match (change.kind, change.from) {
        (Kind::SeriesRemoved, Some(date)) => format!(", next was {date}"),
        (Kind::SeriesAdded, Some(date)) => format!(", first {date}"),
        (_, Some(date)) => format!(" from {date}"),
        (_, None) => String::new(),
    };
    format!("{} ({who}): {what}{from}", escape_controls(&change.title))
}

/// One change for people: headline, details, then one line per zone.
fn human_change(out: &mut String, shown: &ShownChange<'_>) {
    let change = shown.change;
    let _ = writeln!(out, "{}", headline(change));
    for detail in &change.details {
        let _ = writeln!(out, "  {}", escape_controls(detail));
    }
    let width = shown.zones.iter().map(|z| z.zone.len()).max().unwrap_or(0);
    for zone in &shown.zones {
        let side = |s: &Option<String>| s.clone().unwrap_or_else(|| "none".to_owned());
        let _ = writeln!(
            out,
            "  {:<width$}  {} -> {}{}",
            zone.zone,
            side(&zone.before),
            side(&zone.after),
            if zone.day_changes {
                "  (another day)"
            } else {
                ""
            }
        );
    }
}

/// The whole comparison for people.
fn human_diff(out: &mut String, old: &str, new: &str, now: Timestamp, changes: &[ShownChange<'_>]) {
    let since = now.strftime("%Y-%m-%d %H:%M UTC");
    if changes.is_empty() {
        let _ = writeln!(
            out,
            "{old} -> {new}: no change for people (meetings compared from {since} for {HORIZON_DAYS} days)"
        );
        return;
    }
    let _ = writeln!(
        out,
        "{old} -> {new}: {} change(s) for people (meetings compared from {since} for {HORIZON_DAYS} days)",
        changes.len()
    );
    for change in changes {
        out.push('\n');
        human_change(out, change);
    }
}

/// Append the comparison to the job's summary page when running in GitHub Actions.
fn step_summary(text: &str) -> anyhow::Result<()> {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY") else {
        return Ok(());
    };
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
        .with_context(|| {
            format!(
                "cannot write the step summary {}",
                PathBuf::from(&path).display()
            )
        })?;
    // A fence longer than any run of backticks in the text, so file content cannot end it.
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    writeln!(file, "### Meeting changes\n\n{fence}text\n{text}{fence}\n")
        .context("cannot write the step summary")?;
    Ok(())
}

/// `check --diff --format json`: the whole answer.
#[derive(Debug, Serialize)]
struct DiffDocument {
    /// [`JSON_VERSION`].
    version: u32,
    /// OLD as given.
    old: String,
    /// NEW as given.
    new: String,
    /// The moment changes are counted from (`--now`); the Unix epoch when a file did not
    /// check.
    now: Timestamp,
    /// How many days from `now` the meetings are compared.
    horizon_days: i64,
    /// Whether both files check (when not, `changes` is empty and `diagnostics` says why).
    ok: bool,
    /// What changes for people.
    changes: Vec<JsonChange>,
    /// The diagnostics of both files: errors when `ok` is false, else warnings.
    diagnostics: Vec<JsonDiagnostic>,
}

/// One change as JSON.
#[derive(Debug, Serialize)]
struct JsonChange {
    /// The stable kind (`rescheduled`, `series-added`, …; docs/ci.md).
    kind: &'static str,
    /// The series' id (NEW's; OLD's for a removed series); `null` for an outside calendar.
    series: Option<String>,
    /// OLD's id of a renamed series.
    old_series: Option<String>,
    /// The series' title, or the outside calendar's name.
    title: String,
    /// The series' group, if any.
    group: Option<JsonGroup>,
    /// The first affected date (`YYYY-MM-DD`, in the series' zone).
    from: Option<jiff::civil::Date>,
    /// The first affected occurrence as it was.
    before: Option<JsonMeeting>,
    /// The same occurrence as it will be.
    after: Option<JsonMeeting>,
    /// What changed, one phrase each.
    details: Vec<String>,
    /// The first affected occurrence before and after, local to each zone shown.
    zones: Vec<ZoneTimes>,
}

/// A group, as JSON.
#[derive(Debug, Serialize)]
struct JsonGroup {
    /// Its id.
    id: String,
    /// Its title.
    title: String,
}

/// An occurrence, as JSON.
#[derive(Debug, Serialize)]
struct JsonMeeting {
    /// Start, RFC 3339 in UTC.
    start: Timestamp,
    /// End, RFC 3339 in UTC.
    end: Timestamp,
    /// The series' zone.
    zone: String,
}

impl From<&ShownChange<'_>> for JsonChange {
    fn from(shown: &ShownChange<'_>) -> JsonChange {
        let c = shown.change;
        let meeting = |m: &Meeting| JsonMeeting {
            start: m.start,
            end: m.end,
            zone: m.zone.name.to_string(),
        };
        JsonChange {
            kind: c.kind.as_str(),
            series: c.series.clone(),
            old_series: c.old_series.clone(),
            title: c.title.clone(),
            group: c.group.as_ref().map(|(id, title)| JsonGroup {
                id: id.clone(),
                title: title.clone(),
            }),
            from: c.from,
            before: c.before.as_ref().map(meeting),
            after: c.after.as_ref().map(meeting),
            details: c.details.clone(),
            zones: shown
                .zones
                .iter()
                .map(|z| ZoneTimes {
                    zone: z.zone.clone(),
                    before: z.before.clone(),
                    after: z.after.clone(),
                    day_changes: z.day_changes,
                })
                .collect(),
        }
    }
}

// ---- output ---------------------------------------------------------------------------------

/// A path as the user gave it.
fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Write to stdout; a closed pipe (`| head`) is not an error worth a panic.
fn print(text: &str) -> anyhow::Result<()> {
    crate::cmd::print(text).context("cannot write to stdout")?;
    Ok(())
}
