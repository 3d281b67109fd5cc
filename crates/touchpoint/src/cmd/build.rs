//! `touchpoint build --out DIR`: the whole site as static files.

use std::process::ExitCode;

use crate::cli::BuildArgs;

/// Run `touchpoint build`.
pub fn run(args: BuildArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("`touchpoint build` is not implemented yet")
}
