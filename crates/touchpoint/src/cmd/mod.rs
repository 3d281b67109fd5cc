//! One module per command; `run` dispatches.

pub mod announce;
pub mod build;
pub mod check;
pub mod ci;
pub mod import;
pub mod occurrences;
pub mod refresh;
pub mod serve;

use std::io::Write;
use std::process::ExitCode;

use crate::cli::{Cli, Command};

/// Run the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Serve(args) => serve::run(args),
        Command::Check(args) => ci::run(args),
        Command::Refresh(args) => refresh::run(args),
        Command::Occurrences(args) => occurrences::run(args),
        Command::Build(args) => build::run(args),
        Command::Announce(args) => announce::run(args),
        Command::Import(args) => import::run(args),
    }
}

/// Writes `text` to stdout at once. `Ok(false)`: the reader went away (`touchpoint … | head`),
/// which is no error: it has what it wanted, as with other command-line tools. (`print!`
/// panics there instead: Rust ignores SIGPIPE.)
pub(crate) fn print(text: &str) -> std::io::Result<bool> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        written => written.map(|()| true),
    }
}

/// One line of a command's report on stdout, for commands whose work goes on while they report
/// (sending announcements, refreshing feeds): a reader that went away ends the report, not the
/// work, and a stdout that cannot be written is said on stderr.
pub(crate) fn say(line: std::fmt::Arguments<'_>) {
    if let Err(err) = print(&format!("{line}\n")) {
        eprintln!("warning: cannot write the report to stdout: {err}");
    }
}
