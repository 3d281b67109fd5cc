//! The values a [`Store`](crate::Store) reads and writes: one record per outside calendar.

use jiff::Timestamp;

/// The stored state of one outside calendar (one `[[calendars]]` entry).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRecord {
    /// The `[[calendars]]` id this record belongs to.
    pub id: String,
    /// The last good body, exactly as fetched (after transfer decoding). `None` when the source
    /// was never fetched successfully, or when the record was listed with [`Bodies::Omit`].
    pub body: Option<Vec<u8>>,
    /// The `ETag` the server sent with the last good copy, for `If-None-Match`.
    pub etag: Option<String>,
    /// The `Last-Modified` the server sent with the last good copy, for `If-Modified-Since`.
    pub last_modified: Option<String>,
    /// The last time the stored copy was known current: a successful fetch or a `304 Not
    /// Modified`. `None` when the source never succeeded. "Stale since" on the health page.
    pub fetched_at: Option<Timestamp>,
    /// The last attempt of any outcome (success, 304 or failure). The scheduler counts from it.
    pub checked_at: Option<Timestamp>,
    /// Why the last attempt failed, as shown to organizers; `None` when it succeeded.
    pub last_error: Option<String>,
    /// Consecutive failed attempts (0 after any success or 304); drives the backoff.
    pub failures: u32,
    /// What parsing the stored body found, such as "12 events, 2 warnings".
    pub summary: Option<String>,
    /// Increases by one whenever the stored body changes (0: no body yet), so replicas and
    /// caches can poll it instead of comparing bodies.
    pub version: i64,
}

impl SourceRecord {
    /// An empty record for `id`: never fetched, never checked.
    pub fn new(id: impl Into<String>) -> Self {
        SourceRecord {
            id: id.into(),
            body: None,
            etag: None,
            last_modified: None,
            fetched_at: None,
            checked_at: None,
            last_error: None,
            failures: 0,
            summary: None,
            version: 0,
        }
    }
}

/// A freshly fetched and validated copy, for [`Store::save_success`](crate::Store::save_success).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewCopy {
    /// The body as fetched.
    pub body: Vec<u8>,
    /// The response's `ETag`, if any.
    pub etag: Option<String>,
    /// The response's `Last-Modified`, if any.
    pub last_modified: Option<String>,
    /// What parsing found, such as "12 events, 2 warnings".
    pub summary: String,
}

/// What [`Store::save_success`](crate::Store::save_success) did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Saved {
    /// The record's version after the save.
    pub version: i64,
    /// Whether the body differed from the stored one (and so the version increased).
    pub changed: bool,
}

/// Whether [`Store::list`](crate::Store::list) loads the bodies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bodies {
    /// Load every body.
    Include,
    /// Leave `body` as `None` in every record.
    Omit,
}

/// One published event (a UID, with a RECURRENCE-ID for an override) and a fingerprint of what is
/// published of it, for [`Store::revise`](crate::Store::revise).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    /// The UID, and the RECURRENCE-ID as written for an override.
    pub key: String,
    /// A hash of the event as published, without SEQUENCE, DTSTAMP and LAST-MODIFIED.
    pub fingerprint: u64,
}

/// What [`Store::revise`](crate::Store::revise) keeps for one published event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Revision {
    /// 0 when first published, one more at every change of its fingerprint.
    pub sequence: i64,
    /// When it was first published or last changed.
    pub modified: Timestamp,
}

impl Revision {
    /// The revision of an event published with `fingerprint` at `at`, given what was stored for
    /// it (`None`: never published): the rule of [`Store::revise`](crate::Store::revise), shared
    /// by both databases.
    pub(crate) fn next(
        stored: Option<(u64, Revision)>,
        fingerprint: u64,
        at: Timestamp,
    ) -> Revision {
        match stored {
            None => Revision {
                sequence: 0,
                modified: at,
            },
            Some((kept, revision)) if kept == fingerprint => revision,
            Some((_, revision)) => Revision {
                sequence: revision.sequence + 1,
                // LAST-MODIFIED never goes back, whichever replica's clock is behind, and moves
                // by at least the second a feed writes it in.
                modified: at.max(
                    revision
                        .modified
                        .checked_add(jiff::SignedDuration::from_secs(1))
                        .unwrap_or(revision.modified),
                ),
            },
        }
    }
}

/// A message for the announce outbox ([`Store::enqueue`](crate::Store::enqueue)), keyed by
/// (channel, occurrence, kind): the first copy of a key is kept, later ones are ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewMessage {
    /// The `[[announce]]` channel's id.
    pub channel: String,
    /// The occurrence's key (`digest` for a weekly digest).
    pub occurrence: String,
    /// The kind of message, with what makes it unique (`reminder 1h 2026-12-03T15:00:00Z`).
    pub kind: String,
    /// When it should go out.
    pub due: Timestamp,
    /// When it is too late to send.
    pub expires: Timestamp,
    /// What it says, as the announce crate serialized it (JSON).
    pub payload: String,
}

/// Where an outbox message stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// Not sent yet (perhaps tried and failed: see `attempts`).
    Pending,
    /// Sent.
    Sent,
    /// Too late, or given up: never sent.
    Dropped,
}

impl Delivery {
    pub(crate) fn parse(text: &str) -> Result<Delivery, crate::StoreError> {
        match text {
            "pending" => Ok(Delivery::Pending),
            "sent" => Ok(Delivery::Sent),
            "dropped" => Ok(Delivery::Dropped),
            other => Err(crate::StoreError::new(
                crate::StoreErrorKind::Corrupt,
                format!("unknown outbox state {other:?}"),
            )),
        }
    }
}

/// One outbox message as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutboxMessage {
    /// What was enqueued.
    pub message: NewMessage,
    /// Where it stands.
    pub state: Delivery,
    /// How many sends were tried.
    pub attempts: u32,
    /// Not to be tried before this (backoff after a failure).
    pub next_try: Timestamp,
    /// Why the last try failed, or why it was dropped.
    pub last_error: Option<String>,
    /// When it was sent, or dropped.
    pub settled_at: Option<Timestamp>,
}

/// What became of one try at sending, for [`Store::settle`](crate::Store::settle).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Settle {
    /// Sent.
    Sent,
    /// Failed; try again from `retry_at`.
    Failed {
        /// Why (no secret in it).
        error: String,
        /// When to try again.
        retry_at: Timestamp,
    },
    /// Never to be sent (too late).
    Dropped {
        /// Why.
        reason: String,
    },
}

/// How one announce channel is doing, for `/health`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChannelHealth {
    /// The channel's id.
    pub channel: String,
    /// When it last sent a message.
    pub last_sent: Option<Timestamp>,
    /// The last failure (or drop), and when.
    pub last_error: Option<(String, Timestamp)>,
    /// Messages waiting (due or not).
    pub pending: u64,
}

/// The occurrences the announcer saw at its last round, to detect changes at the next
/// ([`Store::snapshot`](crate::Store::snapshot)). The store keeps the entries as given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KnownOccurrences {
    /// The end of the time covered.
    pub horizon: Timestamp,
    /// (occurrence key, what the announce crate serialized of it).
    pub entries: Vec<(String, String)>,
}
