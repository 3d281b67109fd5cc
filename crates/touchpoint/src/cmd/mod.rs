//! One module per command; `run` dispatches.

pub mod announce;
pub mod build;
pub mod check;
pub mod ci;
pub mod import;
pub mod occurrences;
pub mod refresh;
pub mod serve;

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
