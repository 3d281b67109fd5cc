//! The `touchpoint` binary: parses the command line and runs one command.
//!
//! Each command lives in `cmd/`; they share nothing but the parsed arguments. Errors carry their
//! context (anyhow) and are printed once here, with `{:#}`.

use std::process::ExitCode;

use clap::Parser;
use touchpoint::{cli, cmd};

/// jemalloc (options in .cargo/config.toml). `serve` starts its background thread, which purges
/// freed pages: a big community's start-up garbage and a burst's buffers go back to the system
/// while the server idles, where glibc and mimalloc kept them resident (see BENCHMARKS.md,
/// "memory").
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    // Only for the server: the other commands end within seconds, and `touchpoint occurrences`
    // within milliseconds, which starting a thread at the first allocation cost ~2.5 % of
    // (BENCHMARKS.md, "The occurrences command", sixth round).
    let purge = matches!(cli.command, cli::Command::Serve(_))
        .then(|| tikv_jemalloc_ctl::background_thread::write(true));
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    if let Some(Err(err)) = purge {
        tracing::warn!("freed memory stays with the process: jemalloc's background thread: {err}");
    }
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
