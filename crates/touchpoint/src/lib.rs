//! Touchpoint's binary as a library, so integration tests drive the same router and commands.
//!
//! - [`cli`]: the command line (clap).
//! - [`cmd`]: one module per command.
//! - [`app`]: loading the community file and the stored outside calendars into a [`touchpoint_site::Site`].
//! - [`hub`]: many communities on one instance.
//! - [`server`]: the axum route table and its handlers.

/// `println!` for a command's report lines ([`cmd::say`]): no panic once the reader has gone.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cmd::say(format_args!($($arg)*))
    };
}

pub mod announcer;
pub mod app;
pub mod cli;
pub mod cmd;
pub mod hub;
pub mod refresher;
pub mod server;
