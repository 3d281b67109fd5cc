//! `touchpoint import FORMAT SOURCE [--out FILE]`: another format's meetings as a community
//! file (docs/import.md). The conversion is `touchpoint_import`'s; this reads the source (a
//! file, a folder of irc-meetings files, or an http(s) URL through the fetch crate's bounded
//! client), writes the file and prints the report on stderr.
//!
//! Exit codes: 0 written (TODOs are in the report and the file), 1 the source could not be
//! read or is not of that format.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use touchpoint_fetch::{FetchConfig, FetchOutcome, Fetcher, Location};
use touchpoint_import::{Imported, Options};

use crate::cli::{ImportArgs, ImportFormat};

/// Run `touchpoint import`.
pub fn run(args: ImportArgs) -> anyhow::Result<ExitCode> {
    let today = args.today.unwrap_or_else(|| {
        jiff::Timestamp::now()
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date()
    });
    let options = Options { today };
    let sources = read_sources(&args)?;
    let imported = match args.format {
        ImportFormat::Ics => {
            let [(_, bytes)] = sources.as_slice() else {
                bail!("ics takes one file or URL, not a folder");
            };
            touchpoint_import::from_ics(bytes, &options)
        }
        ImportFormat::K8sSigs => {
            let [(name, bytes)] = sources.as_slice() else {
                bail!("k8s-sigs takes one sigs.yaml file or URL, not a folder");
            };
            touchpoint_import::from_k8s_sigs(&utf8(name, bytes)?, &options)
        }
        ImportFormat::IrcMeetings => {
            let files = sources
                .iter()
                .map(|(name, bytes)| Ok((name.clone(), utf8(name, bytes)?)))
                .collect::<anyhow::Result<Vec<_>>>()?;
            touchpoint_import::from_irc_meetings(&files, &options)
        }
    }
    .with_context(|| format!("cannot import {}", args.source))?;
    if let Err(diagnostics) = touchpoint_community::parse(&imported.toml) {
        let first = diagnostics
            .first()
            .map(|d| d.message.as_str())
            .unwrap_or("");
        bail!("the imported file does not check ({first}); please report this as a bug");
    }
    match &args.out {
        Some(path) => std::fs::write(path, &imported.toml)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => {
            if !super::print(&imported.toml).context("cannot write to stdout")? {
                // The reader went away (`… | head`): the report would say the whole file was
                // written.
                return Ok(ExitCode::SUCCESS);
            }
        }
    }
    report(&imported, args.out.as_deref());
    Ok(ExitCode::SUCCESS)
}

/// The report, on stderr.
fn report(imported: &Imported, out: Option<&Path>) {
    let written = match out {
        Some(path) => format!("wrote {}", path.display()),
        None => "wrote the community file to stdout".to_owned(),
    };
    eprintln!(
        "{written}: {} series, {} more commented out until a TODO is settled",
        imported.series, imported.commented_out
    );
    if imported.report.is_empty() {
        eprintln!("everything was expressed");
        return;
    }
    eprintln!(
        "{} thing(s) could not be expressed (each is a TODO in the file):",
        imported.report.len()
    );
    for note in &imported.report {
        eprintln!("  - {note}");
    }
}

fn utf8(name: &str, bytes: &[u8]) -> anyhow::Result<String> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        anyhow::anyhow!(
            "{name} is not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// The source's bytes with a name for messages: one entry, or one per `*.yaml`/`*.yml` file of
/// a folder (irc-meetings' `meetings/`), sorted by name.
fn read_sources(args: &ImportArgs) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let source = args.source.as_str();
    if ["http://", "https://", "webcal://"]
        .iter()
        .any(|scheme| source.starts_with(scheme))
    {
        return Ok(vec![(source.to_owned(), fetch(source, args)?)]);
    }
    let path = Path::new(source);
    if path.is_dir() {
        let mut names = Vec::new();
        for entry in std::fs::read_dir(path).with_context(|| format!("cannot read {source}"))? {
            let entry = entry?.path();
            let yaml = entry.extension().is_some_and(|e| e == "yaml" || e == "yml");
            if yaml && entry.is_file() {
                names.push(entry);
            }
        }
        names.sort();
        return names
            .into_iter()
            .map(|file| Ok((file.display().to_string(), read_file(&file)?)))
            .collect();
    }
    Ok(vec![(source.to_owned(), read_file(path)?)])
}

/// A file, refused when it is larger than the fetcher's body cap (20 MiB): a file of a few
/// hundred meetings is well under 1 MiB.
fn read_file(path: &Path) -> anyhow::Result<Vec<u8>> {
    let max = FetchConfig::default().max_body;
    let size = std::fs::metadata(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .len();
    if size > max {
        bail!(
            "{} is {size} bytes; sources of more than {max} bytes are refused",
            path.display()
        );
    }
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

/// One GET through the fetcher: its timeouts, body cap, redirect limit and the refusal of
/// private addresses unless `--allow-private-addresses`.
fn fetch(url: &str, args: &ImportArgs) -> anyhow::Result<Vec<u8>> {
    let location = Location::url(url).map_err(|e| anyhow::anyhow!("{e}"))?;
    let config = FetchConfig {
        allow_private_addresses: args.allow_private_addresses,
        ..FetchConfig::default()
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let outcome = runtime.block_on(async {
        let fetcher = Fetcher::new(config)?;
        fetcher.fetch(&location, None, None).await
    });
    match outcome {
        Ok(FetchOutcome::Fetched { body, .. }) => Ok(body),
        Ok(FetchOutcome::NotModified) => bail!("{url}: the server answered 304 to a plain GET"),
        Err(e) => bail!("cannot fetch {url}: {e}"),
    }
}
