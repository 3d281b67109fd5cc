//! A hub: many communities on one instance. `--config` names a folder of community files or a
//! hub file listing them (`touchpoint_community::hub`); a single community file is not a hub
//! and keeps its own path through every command.
//!
//! - [`layout`] tells a hub from a community file and lists its communities ([`MemberFile`]).
//! - [`load_members`] loads each community file on its own: a broken one is reported with its
//!   diagnostics and never stops the others ([`Member::loaded`]).
//! - [`check`] is `touchpoint check` on a hub: each file's diagnostics, then a summary.
//! - [`scoped`] keys the one store of the hub by community; [`serve`] runs the hub's server
//!   and reloads edited community files, keeping the last good version of a broken edit.

pub mod build;
pub mod refresh;
pub mod scoped;
pub mod serve;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use touchpoint_community::hub::{self as hubfile, HubInfo};
use touchpoint_community::{Diagnostic, Severity};

use anyhow::Context;
use touchpoint_site::Site;

use crate::app::{self, Invalid, Loaded};
use crate::cli::ConfigArgs;

/// A hub's communities, before their files are read.
#[derive(Clone, Debug)]
pub struct Layout {
    /// The `[hub]` table (a folder: named after the folder, shown in UTC).
    pub info: HubInfo,
    /// What `--config` named: the hub file or the folder.
    pub config: PathBuf,
    /// The communities, in order (a folder: by file name).
    pub members: Vec<MemberFile>,
    /// Problems of the layout itself that are not one community's (a community file whose
    /// name cannot be an id is its own member, with the problem as its diagnostics).
    pub problems: Vec<Diagnostic>,
}

/// One community of a hub: its id and its file.
#[derive(Clone, Debug)]
pub struct MemberFile {
    /// The URL segment it is served under.
    pub id: String,
    /// Its community file.
    pub file: PathBuf,
    /// Why it cannot be loaded whatever its file says (an id that is not a URL segment).
    pub refused: Option<Diagnostic>,
}

/// One community of a hub, loaded or not.
#[derive(Debug)]
pub struct Member {
    /// The URL segment it is served under.
    pub id: String,
    /// Its community file.
    pub file: PathBuf,
    /// The community, or every problem its file has.
    pub loaded: Result<Loaded, Invalid>,
}

/// The hub's public base path and each community's public URL, from `--base-url`.
pub(crate) struct Public {
    pub(crate) base_path: String,
    pub(crate) base_url: Option<String>,
}

impl Public {
    pub(crate) fn new(base_url: Option<&str>) -> anyhow::Result<Public> {
        let Some(url) = base_url else {
            return Ok(Public {
                base_path: String::new(),
                base_url: None,
            });
        };
        let parsed = url::Url::parse(url).with_context(|| format!("--base-url {url:?}"))?;
        Ok(Public {
            base_path: parsed.path().trim_end_matches('/').to_owned(),
            base_url: Some(url.trim_end_matches('/').to_owned()),
        })
    }

    /// Where community `id` is published.
    pub(crate) fn of(&self, id: &str) -> Option<String> {
        self.base_url.as_ref().map(|base| format!("{base}/{id}/"))
    }

    /// `site`, published under its community's prefix.
    pub(crate) fn place(&self, site: &mut Site, id: &str) -> anyhow::Result<()> {
        match self.of(id) {
            Some(url) => site
                .set_public_url(&url)
                .map_err(|e| anyhow::anyhow!("--base-url: {e}")),
            None => {
                site.base_path = format!("{}/{id}", self.base_path);
                Ok(())
            }
        }
    }
}

/// The hub `--config` names, or `None` for one community file (or the embedded example).
/// A hub file that does not parse is an error with its diagnostics.
pub fn layout(args: &ConfigArgs) -> Result<Option<Layout>, Invalid> {
    let Some(config) = &args.config else {
        return Ok(None);
    };
    if config.is_dir() {
        return Ok(Some(folder(config)));
    }
    let Ok(text) = std::fs::read_to_string(config) else {
        // Unreadable: the community loader says why.
        return Ok(None);
    };
    if !hubfile::is_hub_file(&text) {
        return Ok(None);
    }
    let parsed = hubfile::parse(&text).map_err(|diagnostics| {
        Invalid(
            diagnostics
                .into_iter()
                .map(|mut d| {
                    d.file = Some(config.clone());
                    d
                })
                .collect(),
        )
    })?;
    let dir = config.parent().unwrap_or(Path::new("."));
    let members = parsed
        .communities
        .into_iter()
        .map(|entry| MemberFile {
            id: entry.id,
            file: dir.join(entry.path),
            refused: None,
        })
        .collect();
    Ok(Some(Layout {
        info: parsed.info,
        config: config.clone(),
        members,
        problems: Vec::new(),
    }))
}

/// A folder of community files: each `*.toml` in it (but a hub file), and each sub-folder's
/// `touchpoint.toml`, by name.
fn folder(dir: &Path) -> Layout {
    let name = std::fs::canonicalize(dir)
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "Meetings".to_owned());
    let mut files = Vec::new();
    let mut problems = Vec::new();
    match std::fs::read_dir(dir) {
        Ok(entries) => {
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    let inner = path.join("touchpoint.toml");
                    if inner.is_file() {
                        files.push(inner);
                    }
                } else if path.extension().is_some_and(|e| e == "toml")
                    && !std::fs::read_to_string(&path).is_ok_and(|t| hubfile::is_hub_file(&t))
                {
                    // A hub file kept beside its communities is not one of them.
                    files.push(path);
                }
            }
        }
        Err(e) => {
            let mut d =
                Diagnostic::whole_file(Severity::Error, format!("cannot read the hub folder: {e}"));
            d.file = Some(dir.to_path_buf());
            problems.push(d);
        }
    }
    files.sort();
    let mut members: Vec<MemberFile> = Vec::new();
    for file in files {
        let id = hubfile::id_of_path(&file).unwrap_or_default();
        let refused = if !hubfile::valid_id(&id) {
            Some(hubfile::invalid_id_diagnostic(&file, &id))
        } else if members.iter().any(|m| m.id == id) {
            let mut d = Diagnostic::whole_file(
                Severity::Error,
                format!("another file of the hub is already the community `{id}`"),
            )
            .with_code("hub-invalid")
            .with_hint("rename one of them");
            d.file = Some(file.clone());
            Some(d)
        } else {
            None
        };
        members.push(MemberFile { id, file, refused });
    }
    if members.is_empty() && problems.is_empty() {
        let mut d = Diagnostic::whole_file(
            Severity::Error,
            "the hub folder holds no community file (*.toml, or */touchpoint.toml)",
        )
        .with_code("hub-invalid");
        d.file = Some(dir.to_path_buf());
        problems.push(d);
    }
    Layout {
        info: HubInfo::named(name),
        config: dir.to_path_buf(),
        members,
        problems,
    }
}

/// Load every community of `layout`, each on its own (in parallel: a hub of hundreds of files
/// starts in the time of a few).
pub fn load_members(layout: &Layout, args: &ConfigArgs) -> Vec<Member> {
    let threads = std::thread::available_parallelism()
        .map(usize::from)
        .unwrap_or(1)
        .clamp(1, 8);
    let chunk = layout.members.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = layout
            .members
            .chunks(chunk)
            .map(|files| {
                scope.spawn(move || {
                    files
                        .iter()
                        .map(|m| load_member(m, args))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// Load one community of a hub.
pub fn load_member(member: &MemberFile, args: &ConfigArgs) -> Member {
    let loaded = match &member.refused {
        Some(problem) => Err(Invalid(vec![problem.clone()])),
        None => app::load_file(&member.file, args),
    };
    Member {
        id: member.id.clone(),
        file: member.file.clone(),
        loaded,
    }
}

/// `touchpoint check` on a hub: each community file's diagnostics (or its summary), then the
/// hub's. Exit 1 when any file has an error.
pub fn check(layout: &Layout, args: &ConfigArgs) -> ExitCode {
    let members = load_members(layout, args);
    let mut broken = 0;
    if !layout.problems.is_empty() {
        eprintln!("{}", app::report(&layout.problems));
    }
    for member in &members {
        match &member.loaded {
            Ok(loaded) => {
                app::print_warnings(loaded);
                let community = &loaded.community;
                say!(
                    "{} ({}): ok — {}",
                    member.file.display(),
                    member.id,
                    app::summary(
                        community.series.len(),
                        community.groups.len(),
                        community.calendars.len(),
                        loaded.warnings.len()
                    )
                );
            }
            Err(Invalid(diagnostics)) => {
                broken += 1;
                eprintln!("{}", app::report(diagnostics));
                let errors = diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .count();
                eprintln!(
                    "{} ({}): {errors} error(s)",
                    member.file.display(),
                    member.id
                );
            }
        }
    }
    let ok = members.len() - broken;
    if broken == 0 && layout.problems.is_empty() {
        say!(
            "hub {:?} ({}): ok — {ok} communities",
            layout.info.name.as_str(),
            layout.config.display()
        );
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "hub {:?} ({}): {broken} of {} communities have errors; the others would serve",
            layout.info.name.as_str(),
            layout.config.display(),
            members.len()
        );
        ExitCode::FAILURE
    }
}
