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
    /// The site's public URL (`--base-url`), for absolute links: subscriptions, "add to
    /// calendar", embeds. `None`: links are relative, and pages offer downloads only.
    pub base_url: Option<String>,
    /// Whether `path =` calendars may be read from outside [`Loaded::base`]
    /// (`--allow-any-path`).
    pub allow_any_path: bool,
    /// Whether `url =` calendars may reach loopback, private and link-local addresses
    /// (`--allow-private-addresses`).
    pub allow_private_addresses: bool,
}

/// Why a community file could not be loaded: every problem found.
#[derive(Debug, thiserror::Error)]
#[error("{}", report(.0))]
pub struct Invalid(pub Vec<Diagnostic>);

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

/// Load the community file for a command that works on it (`serve`, `refresh`, `build`): an
/// invalid file is an error that points to `touchpoint check`, warnings go to stderr.
pub fn load(args: &ConfigArgs) -> anyhow::Result<Loaded> {
    let loaded = load_community(args).map_err(|invalid| {
        anyhow::anyhow!(
            "{invalid}\nthe community file is invalid; run `touchpoint check` for details"
        )
    })?;
    print_warnings(&loaded);
    Ok(loaded)
}

/// Load `--config FILE`, or the embedded example without it.
pub fn load_community(args: &ConfigArgs) -> Result<Loaded, Invalid> {
    match &args.config {
        Some(path) => load_file(path, args),
        None => {
            let checked =
                touchpoint_community::parse(touchpoint_community::EXAMPLE).map_err(Invalid)?;
            Ok(Loaded {
                community: Arc::new(checked.community),
                warnings: checked.warnings,
                base: None,
                base_url: None,
                allow_any_path: args.allow_any_path,
                allow_private_addresses: args.allow_private_addresses,
            })
        }
    }
}

/// Load the community file at `path` (`--config FILE`, or one community of a hub).
pub fn load_file(path: &Path, args: &ConfigArgs) -> Result<Loaded, Invalid> {
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
        base_url: None,
        allow_any_path: args.allow_any_path,
        allow_private_addresses: args.allow_private_addresses,
    })
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

/// A site and what it was built from.
pub struct Built {
    /// The community compiled, with every outside calendar's last good copy.
    pub site: Site,
    /// The [`Fingerprint`] of the stored records it was built from: the refresher's watcher
    /// rebuilds once they change.
    pub from: Fingerprint,
}

/// The one way to get a site: `loaded` with every outside calendar's last good copy from
/// `store`, its own events revised. The stored bodies are dropped once the site is built, not
/// kept while serving.
pub async fn build_site(loaded: &Loaded, store: &dyn Store) -> anyhow::Result<Built> {
    let records = store
        .list(Bodies::Include)
        .await
        .context("cannot read the stored calendars")?;
    build_site_from(loaded, &records, store).await
}

/// [`build_site`] from `records` already read from `store` (a hub reads its store once for
/// every community: `hub::scoped::records_of`).
pub async fn build_site_from(
    loaded: &Loaded,
    records: &[SourceRecord],
    store: &dyn Store,
) -> anyhow::Result<Built> {
    let mut site = site_from_records(loaded, records);
    if let Some(url) = &loaded.base_url {
        site.set_public_url(url)
            .map_err(|e| anyhow::anyhow!("--base-url: {e}"))?;
    }
    revise(&mut site, store).await;
    Ok(Built {
        site,
        from: fingerprint(records),
    })
}

/// What the watcher compares to notice that any replica stored something new: per source, its
/// id, version, last check and last error.
pub type Fingerprint = Vec<(String, i64, Option<Timestamp>, Option<String>)>;

/// The [`Fingerprint`] of `records`.
pub fn fingerprint(records: &[SourceRecord]) -> Fingerprint {
    records
        .iter()
        .map(|r| (r.id.clone(), r.version, r.checked_at, r.last_error.clone()))
        .collect()
}

/// Give the community's own events their SEQUENCE, LAST-MODIFIED and DTSTAMP from `store`,
/// recording what changed since the last build (by this process, an earlier one or another
/// replica). Read at the I/O edge: an event first seen or changed is stamped with the clock.
/// A store that cannot record (a read-only database, a PostgreSQL role without write
/// permission) is read instead, so the feeds keep the numbers last recorded; only when it
/// cannot even be read do they fall back to SEQUENCE 0.
async fn revise(site: &mut Site, store: &dyn Store) {
    let published: Vec<Published> = site
        .published()
        .into_iter()
        .map(|(key, fingerprint)| Published { key, fingerprint })
        .collect();
    let now = Timestamp::now();
    let revisions = match store.revise(&published, now).await {
        Ok(revisions) => revisions,
        Err(error) => match store.revisions(&published, now).await {
            Ok(revisions) => {
                tracing::warn!(
                    "cannot record the revisions of the community's events ({error}); \
                     the feeds keep the last recorded ones, and an event changed since gets \
                     the next SEQUENCE without it being recorded"
                );
                revisions
            }
            Err(read) => {
                tracing::warn!(
                    "cannot record the revisions of the community's events ({error}) nor read \
                     them ({read}); the feeds publish SEQUENCE 0"
                );
                return;
            }
        },
    };
    site.set_revisions(published.into_iter().zip(revisions).map(|(p, r)| {
        let revision = touchpoint_calendar::write::Revision {
            sequence: r.sequence,
            last_modified: r.modified,
        };
        (p.key, revision)
    }));
}

/// The site for `loaded` given the stored records: the pure part of [`build_site`] (it parses
/// the stored bodies), which tests call with records they make.
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
            next_attempt: None,
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
        next_attempt: next_attempt(decl, record),
        summary: record.summary.clone(),
    }
}

/// When the refresher tries `decl` next, by the schedule it uses: the source's `refresh`
/// interval, doubled per failure, with the same stable jitter; `None` when it was never tried
/// (it is due now).
fn next_attempt(decl: &CalendarSource, record: &SourceRecord) -> Option<Timestamp> {
    let checked = record.checked_at?;
    let mut schedule = touchpoint_fetch::Schedule::default();
    if let Ok(interval) = jiff::SignedDuration::try_from(decl.refresh) {
        schedule.interval = interval;
    }
    let unit = touchpoint_fetch::Schedule::jitter_for(&decl.id, Some(checked));
    Some(schedule.next_due(Some(checked), record.failures, checked, unit))
}

/// What `check` says of a valid community: "4 series, 1 group, 3 outside calendars" and, when
/// there are, ", 2 warnings".
pub fn summary(series: usize, groups: usize, calendars: usize, warnings: usize) -> String {
    let count = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    let warnings = match warnings {
        0 => String::new(),
        n => format!(", {}", count(n, "warning", "warnings")),
    };
    format!(
        "{series} series, {}, {}{warnings}",
        count(groups, "group", "groups"),
        count(calendars, "outside calendar", "outside calendars"),
    )
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

#[cfg(test)]
mod tests {
    use super::{Invalid, REPORT_LIMIT};

    #[test]
    fn reports_every_problem_one_a_line_up_to_the_limit() {
        let broken = "[community]\nname = 1\ntimezone = \"Mars/Olympus\"\n";
        let Err(diagnostics) = touchpoint_community::parse(broken) else {
            panic!("a broken file parsed");
        };
        assert!(diagnostics.len() < REPORT_LIMIT);
        let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(Invalid(diagnostics).to_string(), lines.join("\n"));
    }

    #[test]
    fn counts_the_problems_past_the_limit() {
        let one = match touchpoint_community::parse("[community]\nname = 1\n") {
            Err(diagnostics) => diagnostics[0].clone(),
            Ok(_) => panic!("a broken file parsed"),
        };
        let shown = vec![one.to_string(); REPORT_LIMIT].join("\n");
        assert_eq!(
            Invalid(vec![one; REPORT_LIMIT + 3]).to_string(),
            format!(
                "{shown}\n… and 3 more problem(s) not shown (103 in all); \
                 fix the first ones and check again"
            )
        );
    }
}
