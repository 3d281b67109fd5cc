//! Fetching the outside calendars a community follows, and keeping the last good copy of each.
//!
//! - [`Fetcher`] (module `fetcher`) gets a [`Location`]'s bytes: HTTP(S) with conditional GET,
//!   gzip, connect and total timeouts, a body cap enforced while streaming, at most a few
//!   redirects and a User-Agent naming Touchpoint; or a file on disk (a regular file, inside a
//!   root folder when one is set, read under the total timeout); or bytes compiled in.
//! - Module `address` keeps URLs, and every redirect hop, to public addresses unless
//!   [`FetchConfig::allow_private_addresses`] is set.
//! - [`validate`] (module `validate`) decides whether fetched bytes are a calendar worth keeping.
//! - [`refresh_one`] (module `refresh`) ties both to [`Copies`], the storage the caller
//!   provides (the binary wires touchpoint-store in): a success replaces the copy, a failure only
//!   records the error, so the last good copy is never lost.
//! - [`Schedule`] (module `schedule`) says when each source is next due: an interval with jitter,
//!   and exponential backoff after failures. Pure, with "now" and the jitter as parameters.
//!
//! No SQL here and no clock read deep inside: callers pass "now".

mod address;
mod error;
mod fetcher;
mod refresh;
mod schedule;
mod validate;

pub use error::{FetchError, FetchErrorKind};
pub use fetcher::{FetchConfig, FetchOutcome, Fetcher, Location};
pub use refresh::{Copies, NewCopy, RefreshOutcome, RefreshReport, Saved, Validators, refresh_one};
pub use schedule::Schedule;
pub use validate::{Validated, validate};
