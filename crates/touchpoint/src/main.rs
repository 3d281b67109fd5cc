//! The `touchpoint` binary: parses the command line and runs one command.
//!
//! Each command lives in `cmd/`; they share nothing but the parsed arguments. Errors carry their
//! context (anyhow) and are printed once here, with `{:#}`.

use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use clap::Parser;
use touchpoint::{cli, cmd};

/// jemalloc (options in .cargo/config.toml). `serve` starts its background thread, which purges
/// freed pages: a big community's start-up garbage and a burst's buffers go back to the system
/// while the server idles, where glibc and mimalloc kept them resident (see BENCHMARKS.md,
/// "memory"). jemalloc asks for transparent huge pages, which every command but `touchpoint
/// occurrences` turns down ([`small_pages`]).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let serve = matches!(cli.command, cli::Command::Serve(_));
    let small_pages = match cli.command {
        cli::Command::Occurrences(_) => None,
        _ => small_pages(serve),
    };
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
    if let Some(why) = small_pages {
        tracing::warn!("{why}");
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

/// Runs every command but `touchpoint occurrences` without transparent huge pages: what could
/// not be done.
///
/// jemalloc backs its memory with 2 MB pages where the system allows it (`thp:always`,
/// .cargo/config.toml). For `touchpoint occurrences`, which allocates as it reads and lists and
/// frees nothing before it exits, that halves the page faults and saves ~9 % of its CPU time.
/// A command that frees and allocates again as it goes pays instead: `touchpoint build` of a
/// 1,000-series community took twice the system time and ~25 % longer, and held 353 MB at
/// its peak instead of 268. And a server that idles keeps whole 2 MB pages resident
/// (BENCHMARKS.md, "The occurrences command", ninth round). So the other commands set the
/// process's "no huge pages" flag (prctl PR_SET_THP_DISABLE), which also keeps them off on
/// systems that give them to every process.
///
/// jemalloc has touched two huge pages before `main` (its metadata and its first chunk, a few
/// MiB). A short command keeps them; `serve` (`start_again`) starts itself again instead: the
/// flag holds across exec, so the new image's allocator starts on small pages, and finding
/// the flag set, it goes on.
fn small_pages(start_again: bool) -> Option<String> {
    match rustix::thread::transparent_huge_pages_are_disabled() {
        Ok(true) => return None,
        Ok(false) => {}
        Err(err) => return Some(format!("the allocator keeps huge pages: {err}")),
    }
    if let Err(err) = rustix::thread::disable_transparent_huge_pages(true) {
        return Some(format!("the allocator keeps huge pages: {err}"));
    }
    if !start_again {
        return None;
    }
    // The binary by its own path, so that the process keeps its name (`ps`, `pkill` and
    // `ss -p` read the name of the file run; `/proc/self/exe` would make it "exe"). A binary
    // deleted or replaced since it started is run as it was, through `/proc/self/exe`.
    let running = std::fs::metadata("/proc/self/exe");
    let program = match std::fs::read_link("/proc/self/exe") {
        Ok(path) if same_file(&path, running.as_ref().ok()) => path,
        Ok(_) => PathBuf::from("/proc/self/exe"),
        Err(err) => return Some(format!("{FIRST_PAGES}: /proc/self/exe: {err}")),
    };
    // Run by the dynamic loader (`ld-linux-x86-64.so.2 touchpoint serve …`), the file is the
    // loader, which would take `serve` for the program to load.
    let name = program.file_name().unwrap_or_default().as_encoded_bytes();
    if name.starts_with(b"ld-") || name.starts_with(b"ld.so") {
        return Some(format!(
            "{FIRST_PAGES}: started by the loader {}",
            program.display()
        ));
    }
    let mut args = std::env::args_os();
    let mut again = Command::new(&program);
    if let Some(name) = args.next() {
        again.arg0(name);
    }
    // Returns only if the binary could not be started again; this process then serves.
    let err = again.args(args).exec();
    Some(format!("{FIRST_PAGES}: {}: {err}", program.display()))
}

/// Whether `path` is the file `running` describes (the same device and inode).
fn same_file(path: &Path, running: Option<&std::fs::Metadata>) -> bool {
    std::fs::metadata(path)
        .is_ok_and(|file| running.is_some_and(|r| (r.dev(), r.ino()) == (file.dev(), file.ino())))
}

/// Why `serve` goes on without starting itself again.
const FIRST_PAGES: &str =
    "not started again on small pages, the allocator's first few MiB stay in huge pages";
