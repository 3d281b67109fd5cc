//! The `touchpoint` binary: parses the command line and runs one command.
//!
//! Each command lives in `cmd/`; they share nothing but the parsed arguments. Errors carry their
//! context (anyhow) and are printed once here, with `{:#}`.

use std::process::ExitCode;

use clap::Parser;
use touchpoint::{cli, cmd};

/// jemalloc, with its background thread purging freed pages (options in .cargo/config.toml):
/// a big community's start-up garbage and a burst's buffers go back to the system while the
/// server idles, where glibc and mimalloc kept them resident (see BENCHMARKS.md, "memory").
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
