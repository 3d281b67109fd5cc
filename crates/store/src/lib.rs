//! Where Touchpoint keeps the last good copy of every outside calendar, and the only crate with SQL.
//!
//! The [`Store`] trait is what the rest of Touchpoint sees; it is object safe, so the binary holds
//! an `Arc<dyn Store>` and tests or other back ends can stand in. Two implementations:
//!
//! - [`SqliteStore`] (module `sqlite`): the embedded default, one file under `--data DIR`.
//! - [`PgStore`] (module `postgres`): PostgreSQL shared by several replicas (issue 8), with
//!   lease-based refresh coordination so each source is fetched by one replica at a time.
//!
//! The guarantees both keep, and that callers rely on:
//!
//! - Every write is one transaction: a process killed in the middle of a refresh leaves the
//!   previous copy (body, validators, version) intact.
//! - [`Store::save_failure`] and [`Store::save_not_modified`] never touch the body or its
//!   validators: failure never erases the last good copy.
//! - [`SourceRecord::version`] increases exactly when the stored body changes, so replicas and
//!   caches can poll it cheaply.
//! - Timestamps are kept with microsecond precision (both databases store microseconds).
//!
//! The trait's methods return boxed futures ([`StoreFuture`]) rather than using `async fn`, because
//! `async fn` in traits is not object safe; no macro crate is needed for that.

mod error;
mod migrate;
mod postgres;
mod record;
mod sqlite;
#[cfg(feature = "test-support")]
pub mod testing;

pub use error::{StoreError, StoreErrorKind};
pub use postgres::{PgStore, PgTls};
pub use record::{
    Bodies, ChannelHealth, Delivery, KnownOccurrences, NewCopy, NewMessage, OutboxMessage,
    Published, Revision, Saved, Settle, SourceRecord,
};
pub use sqlite::SqliteStore;

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use jiff::Timestamp;

/// The future every [`Store`] method returns: boxed and `Send`, so `Arc<dyn Store>` works across
/// tokio tasks.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'a>>;

/// Persistent state of every outside calendar, keyed by its `[[calendars]]` id.
///
/// Writes take `at` (the caller's clock) rather than reading the time themselves, so tests and
/// the scheduler decide what "now" is. Records are created on first write; there is no separate
/// "add source" step, and records of sources no longer configured are simply ignored by callers
/// (see [`Store::remove`] to drop them).
///
/// **Scopes.** The announcer's outbox and snapshot are kept per scope, so one store holds the
/// announcements of every community of a hub apart: a hub's community uses the scope
/// `{community}/` (`touchpoint::hub::scoped`), a single community the empty scope. Channels and
/// occurrence keys are given and returned without the scope; the store keeps them behind it
/// (the scope is a prefix of the stored text). A scope reads only its own: the empty scope of
/// a single community does not read or replace a hub community's rows, should a community file
/// be run on its own against its hub's store.
pub trait Store: Send + Sync + 'static {
    /// One source's record, with its body; `None` when nothing was ever recorded for `id`.
    fn get<'a>(&'a self, id: &'a str) -> StoreFuture<'a, Option<SourceRecord>>;

    /// Every record, ordered by id. With [`Bodies::Omit`] each `body` is `None` (use
    /// [`SourceRecord::fetched_at`] to tell whether a copy exists): the health page and version
    /// polling do not need megabytes of calendar text.
    fn list(&self, bodies: Bodies) -> StoreFuture<'_, Vec<SourceRecord>>;

    /// Record a successful fetch: atomically replace the body, its validators and summary, set
    /// `fetched_at` and `checked_at` to `at`, clear the error and the failure count. The version
    /// increases only if the body differs from the stored one (a first copy gets version 1).
    fn save_success<'a>(
        &'a self,
        id: &'a str,
        copy: NewCopy,
        at: Timestamp,
    ) -> StoreFuture<'a, Saved>;

    /// Record a `304 Not Modified`: the stored copy is confirmed current. Sets `checked_at` and
    /// `fetched_at` to `at`, clears the error and the failure count; body, validators, summary and
    /// version stay as they are.
    fn save_not_modified<'a>(&'a self, id: &'a str, at: Timestamp) -> StoreFuture<'a, ()>;

    /// Record a failed attempt: sets `checked_at` to `at` and `last_error` to `error`, adds one to
    /// `failures`, and returns the new failure count. Never touches the body, its validators,
    /// `fetched_at`, the summary or the version.
    fn save_failure<'a>(
        &'a self,
        id: &'a str,
        error: &'a str,
        at: Timestamp,
    ) -> StoreFuture<'a, u32>;

    /// Delete a source's record (for a source removed from the community file). Returns whether
    /// there was one.
    fn remove<'a>(&'a self, id: &'a str) -> StoreFuture<'a, bool>;

    /// Try to become the one refresher of `id` for `ttl`: true when no other holder has an
    /// unexpired lease (the lease is then `holder`'s, renewed if it already was). A replica that
    /// dies simply lets its lease expire. The embedded store has one process, so it always
    /// grants the lease.
    fn try_lease<'a>(
        &'a self,
        id: &'a str,
        holder: &'a str,
        ttl: Duration,
    ) -> StoreFuture<'a, bool>;

    /// Give up `holder`'s lease on `id` early (after a refresh finishes), so the next due refresh
    /// need not wait for the ttl. Releasing a lease one does not hold does nothing.
    fn release_lease<'a>(&'a self, id: &'a str, holder: &'a str) -> StoreFuture<'a, ()>;

    /// The revision of every published event, in the order given, after recording `published`
    /// in one transaction: an event seen for the first time gets sequence 0, modified `at`; one
    /// whose fingerprint changed gets its sequence plus one, modified `at` (or a second after the
    /// previous one, should this clock be behind the replica that wrote it); an unchanged one
    /// keeps both. Events no longer published keep their row, so one that comes back continues
    /// its sequence. Restarts and replicas sharing the database get the same numbers.
    fn revise<'a>(
        &'a self,
        published: &'a [Published],
        at: Timestamp,
    ) -> StoreFuture<'a, Vec<Revision>>;

    /// What [`Store::revise`] would answer, reading only: for a store that cannot be written
    /// (a read-only database, or one this role may not write), so the feeds keep the numbers
    /// last recorded. An event new or changed since gets the revision `revise` would give it,
    /// not recorded (each run stamps it anew until the store can be written again).
    fn revisions<'a>(
        &'a self,
        published: &'a [Published],
        at: Timestamp,
    ) -> StoreFuture<'a, Vec<Revision>>;

    /// Add `messages` to the announce outbox of `scope` (see "Scopes" above) as pending, to be
    /// tried from their due time. A key (channel, occurrence, kind) already there, in any
    /// state, is left as it is: planning the same message again never sends it again. Returns
    /// how many were new.
    fn enqueue<'a>(&'a self, scope: &'a str, messages: &'a [NewMessage]) -> StoreFuture<'a, usize>;

    /// The pending messages of `scope` whose next try is due at `now`, by due time, at most
    /// `limit`.
    fn due_messages<'a>(
        &'a self,
        scope: &'a str,
        now: Timestamp,
        limit: usize,
    ) -> StoreFuture<'a, Vec<OutboxMessage>>;

    /// Record what became of one try at sending `(channel, occurrence, kind)` of `scope` at
    /// `at`: sent (settled), failed (one more attempt, retried from `retry_at`), or dropped
    /// (settled, never sent). A message already settled stays as it is.
    fn settle<'a>(
        &'a self,
        scope: &'a str,
        key: (&'a str, &'a str, &'a str),
        outcome: Settle,
        at: Timestamp,
    ) -> StoreFuture<'a, ()>;

    /// Every message of `scope` in the outbox, by channel, occurrence and kind.
    fn outbox<'a>(&'a self, scope: &'a str) -> StoreFuture<'a, Vec<OutboxMessage>>;

    /// Per channel of `scope` in the outbox: its last send, its last error, how many messages
    /// wait.
    fn channel_health<'a>(&'a self, scope: &'a str) -> StoreFuture<'a, Vec<ChannelHealth>>;

    /// Forget settled messages that expired before `before` (they can never be planned again);
    /// returns how many.
    fn prune_outbox(&self, before: Timestamp) -> StoreFuture<'_, usize>;

    /// The occurrences the announcer of `scope` saw at its last round; `None` before its first.
    fn snapshot<'a>(&'a self, scope: &'a str) -> StoreFuture<'a, Option<KnownOccurrences>>;

    /// Every scope that has kept an announce snapshot, sorted (`""`: a single community's). A
    /// single community finding a hub's scopes in its store is being run against the hub's
    /// store, whose announcements its own would repeat.
    fn announce_scopes(&self) -> StoreFuture<'_, Vec<String>>;

    /// Replace the snapshot of `scope`, in one transaction; other scopes' stay as they are.
    fn save_snapshot<'a>(
        &'a self,
        scope: &'a str,
        known: &'a KnownOccurrences,
    ) -> StoreFuture<'a, ()>;
}
