//! `touchpoint build --out DIR`: the whole site as static files for GitHub Pages or any static
//! host — the pages, every iCalendar feed, the JSON API's answers and the assets — rendered by
//! the same `touchpoint_site` functions the server calls, so they say the same thing.
//!
//! What is written is [`touchpoint_site::export::render`]'s (pure: site and "now" in, files
//! out); [`run`] loads the community file and the stored outside calendars (`touchpoint refresh`
//! fills the store), renders and writes, with a progress bar on a terminal. `--base-url
//! https://example.org/meetings/` sets the site's base path, so the tree works under
//! `/meetings/`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use jiff::Timestamp;
pub use touchpoint_site::export::{StaticFile, render};

use crate::app;
use crate::cli::BuildArgs;

/// Run `touchpoint build`.
pub fn run(args: BuildArgs) -> anyhow::Result<ExitCode> {
    if let Some(layout) = crate::hub::layout(&args.config)? {
        return crate::hub::build::run(layout, args);
    }
    let mut loaded = app::load(&args.config)?;
    loaded.base_url = args.base_url.clone();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let site = runtime
        .block_on(async {
            let store = app::open_store(&args.store).await?;
            app::build_site(&loaded, store.as_ref()).await
        })?
        .site;
    let missing: Vec<&str> = site
        .sources
        .iter()
        .filter(|source| source.calendar.is_none())
        .map(|source| source.decl.id.as_str())
        .collect();
    if !missing.is_empty() {
        eprintln!("{}", missing_calendars(&missing, &args));
    }
    let files = render(&site, args.now.unwrap_or_else(Timestamp::now));
    write(&args.out, &files)?;
    eprintln!(
        "wrote {} files to {}",
        files.len(),
        args.out.as_os_str().to_string_lossy()
    );
    Ok(ExitCode::SUCCESS)
}

/// What `build` says when outside calendars have no stored copy in the store it read: their
/// pages, feeds and API answers will be empty, and how to fill them (`touchpoint refresh` into
/// the same store, then `build` again).
pub fn missing_calendars(missing: &[&str], args: &BuildArgs) -> String {
    let store = match &args.store.database {
        Some(_) => "--database URL".to_owned(),
        None => format!("--data {}", args.store.data.display()),
    };
    let config = match &args.config.config {
        Some(path) => format!("--config {} ", path.display()),
        None => String::new(),
    };
    format!(
        "warning: no stored copy of the outside calendars {} in the store ({store}), so the \
         export shows none of their meetings: their calendar pages, feeds and API answers are \
         empty.\nTo fill them, fetch them into that store first, then build again:\n  \
         touchpoint refresh {config}{store}\n  \
         touchpoint build {config}{store} --out {out}",
        missing.join(", "),
        out = args.out.display(),
    )
}

/// Write `files` under `out` (created when missing), with a progress bar on a terminal.
pub fn write(out: &Path, files: &[StaticFile]) -> anyhow::Result<()> {
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let bar = ProgressBar::new(files.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    for file in files {
        bar.set_message(file.path.clone());
        let path = out.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, &file.body)
            .with_context(|| format!("cannot write {}", path.display()))?;
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok(())
}
