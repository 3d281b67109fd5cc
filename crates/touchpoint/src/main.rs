//! The `touchpoint` binary: parses the command line and runs one command.
//!
//! Each command lives in `cmd/`; they share nothing but the parsed arguments. Errors carry their
//! context (anyhow) and are printed once here, with `{:#}`.

use std::os::unix::process::CommandExt;
use std::process::{Command, ExitCode};

use clap::Parser;
use touchpoint::{cli, cmd};

/// jemalloc (options in .cargo/config.toml). `serve` starts its background thread, which purges
/// freed pages: a big community's start-up garbage and a burst's buffers go back to the system
/// while the server idles, where glibc and mimalloc kept them resident (see BENCHMARKS.md,
/// "memory"). jemalloc asks for transparent huge pages, which `serve` turns down
/// ([`serve_on_small_pages`]).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let serve = matches!(cli.command, cli::Command::Serve(_));
    let small_pages = serve.then(serve_on_small_pages).flatten();
    // Only for the server: the other commands end within seconds, and `touchpoint occurrences`
    // within milliseconds, which starting a thread at the first allocation cost ~2.5 % of
    // (BENCHMARKS.md, "The occurrences command", sixth round).
    let purge = serve.then(|| tikv_jemalloc_ctl::background_thread::write(true));
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    if let Some(err) = small_pages {
        tracing::warn!("the allocator's first pages stay huge (about 4 MiB more): {err}");
    }
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

/// Runs the server without transparent huge pages, from its first page: what could not be done.
///
/// jemalloc backs its memory with 2 MB pages where the system allows it (`thp:always`,
/// .cargo/config.toml), which cuts the page faults of a short command such as `touchpoint
/// occurrences` by more than half and its CPU time by ~9 %. A server that idles pays for them
/// instead: its resident memory grows by whole 2 MB pages (BENCHMARKS.md, "The occurrences
/// command", ninth round). So `serve` sets the process's "no huge pages" flag (prctl
/// PR_SET_THP_DISABLE), which also keeps them off on systems that give them to every process,
/// and starts itself again: the flag holds across exec, and jemalloc, which had already touched
/// two huge pages before `main`, starts afresh on small ones. The new image finds the flag set
/// and goes on.
fn serve_on_small_pages() -> Option<std::io::Error> {
    match rustix::thread::transparent_huge_pages_are_disabled() {
        Ok(true) => return None,
        Ok(false) => {}
        Err(err) => return Some(err.into()),
    }
    if let Err(err) = rustix::thread::disable_transparent_huge_pages(true) {
        return Some(err.into());
    }
    let mut args = std::env::args_os();
    let mut again = Command::new("/proc/self/exe");
    if let Some(name) = args.next() {
        again.arg0(name);
    }
    // Returns only if the binary could not be started again; this process then serves.
    Some(again.args(args).exec())
}
