//! Loading what a command works on: the community file (or the embedded example), the store, and
//! the [`Site`] built from both.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use jiff::Timestamp;
use touchpoint_community::{CalendarSource, Community, Diagnostic, Location};
use touchpoint_site::{Site, Source, SourceStatus};
use touchpoint_store::{Bodies, Published, SourceRecord, SqliteStore, Store};

use crate::cli::{ConfigArgs, StoreArgs};

/// The community file and where its relative paths point.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The parsed, validated community.
    pub community: Arc<Community>,
    /// Warnings found while validating.
    pub warnings: Vec<Diagnostic>,
    /// The folder `path =` sources are read from; `None` for the embedded example, whose sample
    /// calendars are compiled into the binary.
    pub base: Option<PathBuf>,
    /// Whether `path =` calendars may be read from outside [`Loaded::base`]
    /// (`--allow-any-path`).
    pub allow_any_path: bool,
    /// Whether `url =` calendars may reach loopback, private and link-local addresses
    /// (`--allow-private-addresses`).
    pub allow_private_addresses: bool,
}

/// Why a community file could not be loaded: every problem found.
#[derive(Debug)]
pub struct Invalid(pub Vec<Diagnostic>);

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&report(&self.0))
    }
}

/// How many diagnostics a report shows; the rest are counted. A file with 200,000 broken tables
/// would otherwise print tens of megabytes, and the first problems are the ones to fix first.
pub const REPORT_LIMIT: usize = 100;

/// The first [`REPORT_LIMIT`] of `diagnostics`, one after another, then how many more there are.
pub fn report(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for (i, diagnostic) in diagnostics.iter().take(REPORT_LIMIT).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&diagnostic.to_string());
    }
    if let Some(more) = diagnostics
        .len()
        .checked_sub(REPORT_LIMIT)
        .filter(|n| *n > 0)
    {
        out.push_str(&format!(
            "\n… and {more} more problem(s) not shown ({} in all); fix the first ones and check again",
            diagnostics.len()
        ));
    }
    out
}

impl std::error::Error for Invalid {}

/// Load `--config FILE`, or the embedded example without it.
pub fn load_community(args: &ConfigArgs) -> Result<Loaded, Invalid> {
    match &args.config {
        Some(path) => {
            let checked = touchpoint_community::parse_file(path).map_err(Invalid)?;
            let base = path
                .parent()
                .map(|dir| {
                    if dir.as_os_str().is_empty() {
                        PathBuf::from(".")
                    } else {
                        dir.to_path_buf()
                    }
                })
                .unwrap_or_else(|| PathBuf::from("."));
            Ok(Loaded {
                community: Arc::new(checked.community),
                warnings: checked.warnings,
                base: Some(base),
                allow_any_path: args.allow_any_path,
                allow_private_addresses: args.allow_private_addresses,
            })
        }
        None => {
            let checked =
                touchpoint_community::parse(touchpoint_community::EXAMPLE).map_err(Invalid)?;
            Ok(Loaded {
                community: Arc::new(checked.community),
                warnings: checked.warnings,
                base: None,
                allow_any_path: args.allow_any_path,
                allow_private_addresses: args.allow_private_addresses,
            })
        }
    }
}

/// Where to fetch one outside calendar from.
pub fn location(
    loaded: &Loaded,
    decl: &CalendarSource,
) -> anyhow::Result<touchpoint_fetch::Location> {
    match (&decl.location, &loaded.base) {
        (Location::Url(url), _) => touchpoint_fetch::Location::url(url)
            .with_context(|| format!("calendar {:?}: cannot fetch {url:?}", decl.id)),
        (Location::Path(path), Some(base)) => Ok(touchpoint_fetch::Location::Path(base.join(path))),
        (Location::Path(path), None) => touchpoint_community::example_file(path)
            .map(touchpoint_fetch::Location::Embedded)
            .with_context(|| format!("calendar {:?}: no embedded sample file {path:?}", decl.id)),
    }
}

/// Open the store the flags name: PostgreSQL with `--database`, else SQLite under `--data`.
pub async fn open_store(args: &StoreArgs) -> anyhow::Result<Arc<dyn Store>> {
    match &args.database {
        Some(url) => {
            let tls = touchpoint_store::PgTls {
                ca_file: args.database_ca.clone(),
            };
            let store = touchpoint_store::PgStore::connect_with(url, 8, &tls)
                .await
                .context("cannot open the PostgreSQL store")?;
            Ok(Arc::new(store))
        }
        None => {
            let store = SqliteStore::open(&args.data)
                .with_context(|| format!("cannot open the store in {}", args.data.display()))?;
            if let Some(why) = store.read_only() {
                // Serve what is stored rather than nothing; each refresh that cannot be kept
                // is logged as it fails.
                tracing::warn!(
                    "the store is read-only, {why}: serving the stored calendars; \
                     new copies cannot be kept until it is writable again"
                );
            }
            Ok(Arc::new(store))
        }
    }
}

/// The site for `loaded` with every outside calendar's last good copy from `store`.
pub async fn build_site(loaded: &Loaded, store: &dyn Store) -> anyhow::Result<Site> {
    let mut site = site_from_records(loaded, &stored_records(store).await?);
    revise(&mut site, store).await;
    Ok(site)
}

/// Give the community's own events their SEQUENCE, LAST-MODIFIED and DTSTAMP from `store`,
/// recording what changed since the last build (by this process, an earlier one or another
/// replica). Read at the I/O edge: an event first seen or changed is stamped with the clock.
/// A store that cannot record (a read-only database) leaves the defaults, SEQUENCE 0, and says
/// why.
async fn revise(site: &mut Site, store: &dyn Store) {
    let published: Vec<Published> = site
        .published()
        .into_iter()
        .map(|(key, fingerprint)| Published { key, fingerprint })
        .collect();
    match store.revise(&published, Timestamp::now()).await {
        Ok(revisions) => site.set_revisions(published.into_iter().zip(revisions).map(|(p, r)| {
            let revision = touchpoint_calendar::write::Revision {
                sequence: r.sequence,
                last_modified: r.modified,
            };
            (p.key, revision)
        })),
        Err(error) => tracing::warn!(
            "cannot record the revisions of the community's events ({error}); \
             the feeds publish SEQUENCE 0"
        ),
    }
}

/// Every stored record, with its body (what [`site_from_records`] builds from).
pub async fn stored_records(store: &dyn Store) -> anyhow::Result<Vec<SourceRecord>> {
    store
        .list(Bodies::Include)
        .await
        .context("cannot read the stored calendars")
}

/// The site for `loaded` given the stored records (pure: parses the stored bodies).
pub fn site_from_records(loaded: &Loaded, records: &[SourceRecord]) -> Site {
    let sources: Vec<Source> = loaded
        .community
        .calendars
        .iter()
        .map(|decl| source(decl, records.iter().find(|r| r.id == decl.id)))
        .collect();
    let updated = sources
        .iter()
        .filter_map(|s| s.last_success)
        .max()
        .unwrap_or(Timestamp::UNIX_EPOCH);
    Site::new(Arc::clone(&loaded.community), sources, updated)
}

fn source(decl: &CalendarSource, record: Option<&SourceRecord>) -> Source {
    let Some(record) = record else {
        return Source {
            decl: decl.clone(),
            calendar: None,
            status: SourceStatus::Pending,
            last_success: None,
            last_attempt: None,
            last_error: None,
            summary: None,
        };
    };
    let calendar = record
        .body
        .as_deref()
        .and_then(|body| touchpoint_calendar::parse(body).ok())
        .map(|parsed| parsed.calendar);
    let status = match (&calendar, &record.last_error) {
        (Some(_), None) => SourceStatus::Ok,
        (Some(_), Some(_)) => SourceStatus::Stale,
        (None, Some(_)) => SourceStatus::Error,
        (None, None) => SourceStatus::Pending,
    };
    Source {
        decl: decl.clone(),
        calendar,
        status,
        last_success: record.fetched_at,
        last_attempt: record.checked_at,
        last_error: record.last_error.clone(),
        summary: record.summary.clone(),
    }
}

/// Print warnings of a loaded community file to stderr.
pub fn print_warnings(loaded: &Loaded) {
    if !loaded.warnings.is_empty() {
        eprintln!("{}", report(&loaded.warnings));
    }
}

/// The path shown for the community file in messages.
pub fn config_name(args: &ConfigArgs) -> String {
    args.config
        .as_deref()
        .map(Path::display)
        .map(|p| p.to_string())
        .unwrap_or_else(|| "the embedded example (examples/todo-group/touchpoint.toml)".to_owned())
}
