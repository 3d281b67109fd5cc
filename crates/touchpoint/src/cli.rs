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
    /// Validate a community file and report every problem with file:line:column.
    Check(ConfigArgs),
    /// Fetch every outside calendar once and store the good copies.
    Refresh(RefreshArgs),
    /// List the occurrences of an iCalendar file inside a date window.
    Occurrences(OccurrencesArgs),
    /// Export the whole site as static files (pages, feeds, JSON). Outside calendars are read
    /// from the store: run `touchpoint refresh` first.
    Build(BuildArgs),
}

/// Which community file to use.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// The community file (TOML). Without it, the embedded TODO Group example.
    #[arg(long, short, env = "TOUCHPOINT_CONFIG")]
    pub config: Option<PathBuf>,
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
}
