//! One refresh of one source: fetch, validate, and record the outcome in the store.
//!
//! The order matters for "failure never erases": nothing is written until the body has been
//! fetched whole and validated, and a failure is recorded with
//! [`Store::save_failure`](touchpoint_store::Store::save_failure), which cannot touch the copy.

use jiff::Timestamp;
use touchpoint_store::{NewCopy, Store, StoreError};

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

/// Refresh source `id` from `location` and record the outcome in `store`, at time `now`.
///
/// The stored copy's validators are sent for a conditional GET (only when a copy exists). The
/// body is validated with [`validate`] on the blocking pool. Fetch and validation failures are
/// not errors of this function: they are recorded and reported in [`RefreshOutcome::Failed`].
/// Only a store failure is returned as `Err`, and then nothing may have been recorded.
///
/// Lease coordination between replicas is the caller's business
/// ([`Store::try_lease`](touchpoint_store::Store::try_lease) before calling this).
pub async fn refresh_one(
    fetcher: &Fetcher,
    store: &dyn Store,
    id: &str,
    location: &Location,
    now: Timestamp,
) -> Result<RefreshReport, StoreError> {
    let stored = store.get(id).await?;
    let (etag, last_modified) = match &stored {
        Some(record) if record.body.is_some() => {
            (record.etag.as_deref(), record.last_modified.as_deref())
        }
        _ => (None, None),
    };
    let result = fetch_and_validate(fetcher, location, etag, last_modified).await;
    let outcome = match result {
        Ok(None) => {
            store.save_not_modified(id, now).await?;
            RefreshOutcome::NotModified
        }
        Ok(Some(copy)) => {
            let summary = copy.summary.clone();
            let saved = store.save_success(id, copy, now).await?;
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
            let failures = store.save_failure(id, &error.to_string(), now).await?;
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
