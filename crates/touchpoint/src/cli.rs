//! Command-line arguments (clap derive). The flags here are a contract: see docs/ARCHITECTURE.md.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Touchpoint: a self-hosted meetings hub for open-source communities.
#[derive(Debug, Parser)]
#[command(version, about, long_about = None)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the meetings page, feeds and API.
    Serve(ServeArgs),
    /// Validate a community file and report every problem with file:line:column; or, with
    /// `--diff OLD NEW`, list what a change to the file changes for people.
    Check(CheckArgs),
    /// Fetch every outside calendar once and store the good copies.
    Refresh(RefreshArgs),
    /// List the occurrences of an iCalendar file inside a date window.
    Occurrences(OccurrencesArgs),
    /// Export the whole site as static files (pages, feeds, JSON). Outside calendars are read
    /// from the store: run `touchpoint refresh` first.
    Build(BuildArgs),
    /// Send every reminder and change notice due now (`[[announce]]`) once, and exit.
    Announce(AnnounceArgs),
    /// Write a community file from another format's meetings: an iCalendar feed, Kubernetes'
    /// sigs.yaml or OpenStack's irc-meetings YAML (docs/import.md). What cannot be expressed
    /// is reported on stderr and left as a TODO in the file.
    Import(ImportArgs),
}

/// Which community file to use, and what its outside calendars may reach.
#[derive(Debug, Default, Args)]
pub struct ConfigArgs {
    /// The community file (TOML). Without it, the embedded TODO Group example.
    #[arg(long, short, env = "TOUCHPOINT_CONFIG")]
    pub config: Option<PathBuf>,
    /// Let `path =` calendars read files outside the community file's folder (absolute paths,
    /// `..`, symlinks leading out). Off by default: the files read are published.
    #[arg(long, env = "TOUCHPOINT_ALLOW_ANY_PATH")]
    pub allow_any_path: bool,
    /// Let `url =` calendars reach loopback, private and link-local addresses (checked after DNS
    /// resolution and on every redirect). Off by default, so a feed or a redirect cannot make
    /// the server probe its own network.
    #[arg(long, env = "TOUCHPOINT_ALLOW_PRIVATE_ADDRESSES")]
    pub allow_private_addresses: bool,
}

/// `touchpoint check` (docs/ci.md).
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Which community file.
    #[command(flatten)]
    pub config: ConfigArgs,
    /// How to print the result: `human` (for people), `github` (GitHub Actions workflow
    /// commands: annotations on the file's lines), `json` (one JSON document, docs/ci.md).
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Compare two community files (paths; e.g. the base branch's copy from
    /// `git show origin/main:meetings.toml > old.toml`, and the pull request's) and list what
    /// changes for people: series added, removed or renamed, meetings that move and from which
    /// date, cancellations, moves, join links. Both files are checked first. `--config` is
    /// not used.
    #[arg(long, num_args = 2, value_names = ["OLD", "NEW"])]
    pub diff: Option<Vec<PathBuf>>,
    /// With `--diff`: the moment changes are counted from (RFC 3339, e.g.
    /// 2026-12-01T00:00:00Z); default: now. Earlier occurrences do not matter to anyone.
    #[arg(long, requires = "diff")]
    pub now: Option<jiff::Timestamp>,
    /// With `--diff`: also show each moved meeting's local time in this IANA zone
    /// (repeatable); the meeting's own zone, the community's and the other series' zones are
    /// always shown.
    #[arg(long = "zone", value_name = "ZONE", requires = "diff")]
    pub zones: Vec<String>,
}

/// The output formats of `touchpoint check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// `FILE:LINE:COL: error: …` with the source line and a hint, as rustc prints.
    Human,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`).
    Github,
    /// One JSON document on stdout (its shape is in docs/ci.md).
    Json,
}

/// Where outside calendars are stored.
#[derive(Debug, Args)]
pub struct StoreArgs {
    /// Folder for the embedded SQLite store.
    #[arg(long, env = "TOUCHPOINT_DATA", default_value = "touchpoint-data")]
    pub data: PathBuf,
    /// A PostgreSQL URL (postgres://…) to share the store between replicas instead of SQLite.
    /// Add `?sslmode=require` for TLS; the server's certificate is then verified.
    #[arg(long, env = "TOUCHPOINT_DATABASE_URL", conflicts_with = "data")]
    pub database: Option<String>,
    /// CA certificates (PEM) to trust for the database's TLS certificate, besides the system's.
    #[arg(long, env = "TOUCHPOINT_DATABASE_CA", requires = "database")]
    pub database_ca: Option<PathBuf>,
}

/// `touchpoint serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Which community file.
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Which store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Address to listen on.
    #[arg(long, env = "TOUCHPOINT_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// The public URL visitors reach the site at (`https://example.org/meetings/`): subscribe
    /// and "add to calendar" links are built from it (docs/deployment.md, "The public URL").
    /// Without it, pages offer one-time downloads instead of subscriptions: the server never
    /// builds links from a request's Host header.
    #[arg(long, env = "TOUCHPOINT_BASE_URL")]
    pub base_url: Option<String>,
    /// Without `--base-url`, build links from the origin a reverse proxy forwards
    /// (`X-Forwarded-Proto` with `X-Forwarded-Host`, else `Forwarded`). Only behind a proxy that
    /// sets these headers itself: clients can write them too.
    #[arg(long, env = "TOUCHPOINT_TRUST_FORWARDED")]
    pub trust_forwarded: bool,
    /// What one client may hold of the server.
    #[command(flatten)]
    pub limits: LimitsArgs,
}

/// `touchpoint serve`'s bounds on clients (docs/deployment.md, "What the server bounds").
#[derive(Debug, Args)]
pub struct LimitsArgs {
    /// Seconds a client may take to send a request's headers; also how long an idle keep-alive
    /// connection stays open.
    #[arg(long, env = "TOUCHPOINT_HEADER_TIMEOUT", default_value_t = 10)]
    pub header_timeout: u64,
    /// Seconds an answer may wait for the client to read it before the connection is closed.
    #[arg(long, env = "TOUCHPOINT_SEND_TIMEOUT", default_value_t = 30)]
    pub send_timeout: u64,
    /// Seconds a request may take to be answered before it gets a 503.
    #[arg(long, env = "TOUCHPOINT_REQUEST_TIMEOUT", default_value_t = 30)]
    pub request_timeout: u64,
    /// Most connections open at once; more are answered 503 and closed. Keep the service's open
    /// files limit (systemd's `LimitNOFILE=`) well above it.
    #[arg(long, env = "TOUCHPOINT_MAX_CONNECTIONS", default_value_t = 1000,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: u32,
    /// Most bytes of a request's line and headers; a larger request gets 431 (at least 8192).
    #[arg(long, env = "TOUCHPOINT_MAX_HEADER_BYTES", default_value_t = 16384,
          value_parser = clap::value_parser!(u32).range(8192..))]
    pub max_header_bytes: u32,
    /// Seconds a shutdown (SIGTERM) waits for open connections before closing them.
    #[arg(long, env = "TOUCHPOINT_SHUTDOWN_GRACE", default_value_t = 10)]
    pub shutdown_grace: u64,
}

impl LimitsArgs {
    /// The server's limits from the flags.
    pub fn limits(&self) -> crate::server::Limits {
        use std::time::Duration;
        crate::server::Limits {
            header_timeout: Duration::from_secs(self.header_timeout),
            send_timeout: Duration::from_secs(self.send_timeout),
            request_timeout: Duration::from_secs(self.request_timeout),
            max_connections: self.max_connections as usize,
            max_header_bytes: self.max_header_bytes as usize,
            shutdown_grace: Duration::from_secs(self.shutdown_grace),
        }
    }
}

/// `touchpoint refresh`.
#[derive(Debug, Args)]
pub struct RefreshArgs {
    /// Which community file.
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Which store.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// `touchpoint announce`.
#[derive(Debug, Args)]
pub struct AnnounceArgs {
    /// Which community file.
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Which store (its outbox makes each message go out once).
    #[command(flatten)]
    pub store: StoreArgs,
    /// The moment to plan for (RFC 3339, e.g. 2026-12-03T13:05:00Z); default: now.
    #[arg(long)]
    pub now: Option<jiff::Timestamp>,
    /// Print what would be sent, and when, without sending or recording anything.
    #[arg(long)]
    pub dry_run: bool,
    /// The public URL of the site, for the links in the messages (as `serve --base-url`).
    #[arg(long, env = "TOUCHPOINT_BASE_URL")]
    pub base_url: Option<String>,
}

/// `touchpoint occurrences`.
#[derive(Debug, Args)]
pub struct OccurrencesArgs {
    /// The iCalendar file to read.
    pub file: PathBuf,
    /// First day of the window (YYYY-MM-DD), inclusive.
    #[arg(long)]
    pub from: jiff::civil::Date,
    /// Last day of the window (YYYY-MM-DD), exclusive.
    #[arg(long)]
    pub to: jiff::civil::Date,
    /// Print JSON Lines, one object per occurrence.
    #[arg(long)]
    pub json: bool,
    /// Show the table's times in this IANA zone.
    #[arg(long)]
    pub tz: Option<String>,
}

/// `touchpoint import` (docs/import.md).
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The source's format.
    #[arg(value_enum)]
    pub format: ImportFormat,
    /// A file or an http(s) URL; for `irc-meetings` also a folder of meeting files.
    pub source: String,
    /// Write the community file here instead of stdout.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The date a schedule without a start date is counted from (a weekly meeting's first
    /// date; yaml2ical's "now"), YYYY-MM-DD; default: today (UTC).
    #[arg(long)]
    pub today: Option<jiff::civil::Date>,
    /// Let a URL source reach loopback, private and link-local addresses.
    #[arg(long, env = "TOUCHPOINT_ALLOW_PRIVATE_ADDRESSES")]
    pub allow_private_addresses: bool,
}

/// The formats `touchpoint import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    /// iCalendar (RFC 5545): a Google Calendar, an LFX Meetings feed, an export.
    Ics,
    /// Kubernetes' sigs.yaml (kubernetes/community).
    K8sSigs,
    /// OpenStack's irc-meetings YAML (yaml2ical's format): one file or a folder of them.
    IrcMeetings,
}

/// `touchpoint build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Which community file.
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Which store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Folder to write the site into.
    #[arg(long)]
    pub out: PathBuf,
    /// The URL the site will be published at (e.g. `https://example.org/meetings/`): links get
    /// its path as a prefix, and feed links use its host with `webcal://`.
    #[arg(long)]
    pub base_url: Option<String>,
    /// The moment the pages are made for (RFC 3339, e.g. 2027-03-10T12:00:00Z): their today,
    /// week and month; default: now. The same store and moment give the same files.
    #[arg(long)]
    pub now: Option<jiff::Timestamp>,
}
