//! One refresh of one source: fetch, validate, and record the outcome in [`Copies`].
//!
//! The order matters for "failure never erases": nothing is written until the body has been
//! fetched whole and validated, and a failure is recorded with [`Copies::save_failure`], which
//! cannot touch the copy.
//!
//! [`Copies`] is the one thing a refresh needs from storage. The binary implements it over
//! touchpoint-store, so this crate needs no database (and tests keep copies in a map).

use std::future::Future;

use jiff::Timestamp;

use crate::{FetchError, FetchErrorKind, FetchOutcome, Fetcher, Location, validate};

/// What one refresh did, for `touchpoint refresh`'s line per source and the server's logs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefreshReport {
    /// The source's `[[calendars]]` id.
    pub id: String,
    /// The time the refresh was recorded at (the `now` passed in).
    pub at: Timestamp,
    /// What happened.
    pub outcome: RefreshOutcome,
}

impl RefreshReport {
    /// Whether the refresh failed (the last good copy, if any, was kept).
    pub fn is_failure(&self) -> bool {
        matches!(self.outcome, RefreshOutcome::Failed { .. })
    }
}

/// The outcome of one refresh.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefreshOutcome {
    /// A new body was stored.
    Updated {
        /// The record's version now.
        version: i64,
        /// The parse summary, such as "12 events, 2 warnings".
        summary: String,
    },
    /// The server sent the body again, identical to the stored one (no `304` support).
    Unchanged {
        /// The parse summary.
        summary: String,
    },
    /// The server answered `304 Not Modified`.
    NotModified,
    /// The fetch or the validation failed; the error was recorded and the copy kept.
    Failed {
        /// Why.
        error: FetchError,
        /// Consecutive failures so far, this one included.
        failures: u32,
    },
}

/// Where [`refresh_one`] keeps the last good copy of each source and the outcome of each
/// attempt. Implementations keep the promises written on each method; a failure of the storage
/// itself is their `Error`.
pub trait Copies: Send + Sync {
    /// Why the storage failed.
    type Error: Send;

    /// The validators of the stored copy of `id`, for a conditional GET; `None` when no copy
    /// was ever stored.
    fn validators<'a>(
        &'a self,
        id: &'a str,
    ) -> impl Future<Output = Result<Option<Validators>, Self::Error>> + Send + 'a;

    /// Replace the copy of `id` with `copy` (fetched at `at`) and clear the failures; says
    /// whether the body changed and the version it now has.
    fn save_success<'a>(
        &'a self,
        id: &'a str,
        copy: NewCopy,
        at: Timestamp,
    ) -> impl Future<Output = Result<Saved, Self::Error>> + Send + 'a;

    /// Confirm the copy of `id` current at `at` (a `304 Not Modified`); clear the failures.
    fn save_not_modified<'a>(
        &'a self,
        id: &'a str,
        at: Timestamp,
    ) -> impl Future<Output = Result<(), Self::Error>> + Send + 'a;

    /// Record a failed attempt at `at` with its reason, never touching the copy; returns the
    /// consecutive failures so far, this one included.
    fn save_failure<'a>(
        &'a self,
        id: &'a str,
        error: &'a str,
        at: Timestamp,
    ) -> impl Future<Output = Result<u32, Self::Error>> + Send + 'a;
}

/// The validators a stored copy came with, sent back for a conditional GET.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` the server sent, for `If-None-Match`.
    pub etag: Option<String>,
    /// The `Last-Modified` the server sent, for `If-Modified-Since`.
    pub last_modified: Option<String>,
}

/// A fetched and validated body, to store as the new copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCopy {
    /// The body as fetched (after transfer decoding).
    pub body: Vec<u8>,
    /// The response's `ETag`, if any.
    pub etag: Option<String>,
    /// The response's `Last-Modified`, if any.
    pub last_modified: Option<String>,
    /// What parsing found, such as "12 events, 2 warnings".
    pub summary: String,
}

/// What [`Copies::save_success`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Saved {
    /// The copy's version after the save.
    pub version: i64,
    /// Whether the body differed from the stored one (and so the version increased).
    pub changed: bool,
}

/// Refresh source `id` from `location` and record the outcome in `copies`, at time `now`.
///
/// The stored copy's validators are sent for a conditional GET (only when a copy exists). The
/// body is validated with [`validate`] on the blocking pool. Fetch and validation failures are
/// not errors of this function: they are recorded and reported in [`RefreshOutcome::Failed`].
/// Only a storage failure is returned as `Err`, and then nothing may have been recorded.
///
/// Lease coordination between replicas is the caller's business.
pub async fn refresh_one<C: Copies + ?Sized>(
    fetcher: &Fetcher,
    copies: &C,
    id: &str,
    location: &Location,
    now: Timestamp,
) -> Result<RefreshReport, C::Error> {
    let validators = copies.validators(id).await?.unwrap_or_default();
    let result = fetch_and_validate(
        fetcher,
        location,
        validators.etag.as_deref(),
        validators.last_modified.as_deref(),
    )
    .await;
    let outcome = match result {
        Ok(None) => {
            copies.save_not_modified(id, now).await?;
            RefreshOutcome::NotModified
        }
        Ok(Some(copy)) => {
            let summary = copy.summary.clone();
            let saved = copies.save_success(id, copy, now).await?;
            if saved.changed {
                RefreshOutcome::Updated {
                    version: saved.version,
                    summary,
                }
            } else {
                RefreshOutcome::Unchanged { summary }
            }
        }
        Err(error) => {
            let failures = copies.save_failure(id, &error.to_string(), now).await?;
            RefreshOutcome::Failed { error, failures }
        }
    };
    Ok(RefreshReport {
        id: id.to_owned(),
        at: now,
        outcome,
    })
}

/// `Ok(None)` for 304, `Ok(Some(copy))` for a valid body.
async fn fetch_and_validate(
    fetcher: &Fetcher,
    location: &Location,
    etag: Option<&str>,
    last_modified: Option<&str>,
) -> Result<Option<NewCopy>, FetchError> {
    let (body, etag, last_modified) = match fetcher.fetch(location, etag, last_modified).await? {
        FetchOutcome::NotModified => return Ok(None),
        FetchOutcome::Fetched {
            body,
            etag,
            last_modified,
        } => (body, etag, last_modified),
    };
    // Parsing up to 20 MiB is CPU work; keep it off the async workers. A parser panic on a
    // hostile feed becomes this source's error instead of taking the refresher down.
    let (body, validated) = tokio::task::spawn_blocking(move || {
        let validated = validate(&body);
        (body, validated)
    })
    .await
    .map_err(|e| {
        FetchError::new(
            FetchErrorKind::Invalid,
            if e.is_panic() {
                "the calendar parser crashed on this feed".to_owned()
            } else {
                "validation was cancelled".to_owned()
            },
        )
    })?;
    let validated = validated?;
    Ok(Some(NewCopy {
        body,
        etag,
        last_modified,
        summary: validated.summary,
    }))
}
