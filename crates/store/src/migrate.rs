//! Schema migrations for both databases: append-only lists of SQL, applied in order.
//!
//! Migration `n` (1-based, its position in the list) is recorded in `schema_migrations` in the
//! same transaction that applies it, so a crash mid-migration leaves it either fully applied and
//! recorded or not at all. Never edit or reorder an entry that has shipped: append a new one.
//! A database that records a migration this binary does not know was written by a newer
//! Touchpoint, and opening it is refused rather than risking a write in an unknown schema.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use crate::{StoreError, StoreErrorKind};

/// SQLite migrations. Timestamps are integer microseconds since the Unix epoch (UTC).
pub(crate) const SQLITE: &[&str] = &[
    // 1: one row per outside calendar.
    "CREATE TABLE sources (
        id            TEXT PRIMARY KEY NOT NULL,
        body          BLOB,
        etag          TEXT,
        last_modified TEXT,
        fetched_at    INTEGER,
        checked_at    INTEGER,
        last_error    TEXT,
        failures      INTEGER NOT NULL DEFAULT 0,
        summary       TEXT,
        version       INTEGER NOT NULL DEFAULT 0
    ) STRICT",
    // 2: the revision of every event the community publishes (SEQUENCE, LAST-MODIFIED). The
    // fingerprint is a u64 stored in a signed 64-bit column, bit for bit.
    "CREATE TABLE revisions (
        key         TEXT PRIMARY KEY NOT NULL,
        fingerprint INTEGER NOT NULL,
        sequence    INTEGER NOT NULL,
        modified    INTEGER NOT NULL
    ) STRICT",
    // 3: the announce outbox (issue 18), one row per (channel, occurrence, kind), and the
    // occurrences the announcer saw last, to detect changes between rounds.
    "CREATE TABLE announce_outbox (
        channel    TEXT NOT NULL,
        occurrence TEXT NOT NULL,
        kind       TEXT NOT NULL,
        due        INTEGER NOT NULL,
        expires    INTEGER NOT NULL,
        payload    TEXT NOT NULL,
        state      TEXT NOT NULL DEFAULT 'pending',
        attempts   INTEGER NOT NULL DEFAULT 0,
        next_try   INTEGER NOT NULL,
        last_error TEXT,
        error_at   INTEGER,
        settled_at INTEGER,
        PRIMARY KEY (channel, occurrence, kind)
    ) STRICT;
    CREATE INDEX announce_outbox_next ON announce_outbox (state, next_try);
    CREATE TABLE announce_known (
        occurrence TEXT PRIMARY KEY NOT NULL,
        data       TEXT NOT NULL
    ) STRICT;
    CREATE TABLE announce_horizon (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        horizon INTEGER NOT NULL
    ) STRICT",
    // 4: one announce snapshot per scope (a hub's community, or the empty scope of a single
    // community, which keeps the horizon saved before). `announce_horizon` stays, unused, so
    // that a replica still running the previous version during a rolling upgrade keeps
    // announcing (docs/deployment.md, "Upgrades").
    "CREATE TABLE announce_horizons (
        scope   TEXT PRIMARY KEY NOT NULL,
        horizon INTEGER NOT NULL
    ) STRICT;
    INSERT INTO announce_horizons (scope, horizon) SELECT '', horizon FROM announce_horizon",
];

/// PostgreSQL migrations. Timestamps are `BIGINT` microseconds since the Unix epoch (UTC), as in
/// SQLite, so both stores round-trip the same values; lease expiry uses the server's clock.
pub(crate) const POSTGRES: &[&str] = &[
    // 1: one row per outside calendar, and the refresh leases of issue 8.
    "CREATE TABLE sources (
        id            TEXT PRIMARY KEY,
        body          BYTEA,
        etag          TEXT,
        last_modified TEXT,
        fetched_at    BIGINT,
        checked_at    BIGINT,
        last_error    TEXT,
        failures      INTEGER NOT NULL DEFAULT 0,
        summary       TEXT,
        version       BIGINT NOT NULL DEFAULT 0
    );
    CREATE TABLE source_leases (
        id         TEXT PRIMARY KEY,
        holder     TEXT NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL
    )",
    // 2: as SQLite's 2.
    "CREATE TABLE revisions (
        key         TEXT PRIMARY KEY,
        fingerprint BIGINT NOT NULL,
        sequence    BIGINT NOT NULL,
        modified    BIGINT NOT NULL
    )",
    // 3: as SQLite's 3.
    "CREATE TABLE announce_outbox (
        channel    TEXT NOT NULL,
        occurrence TEXT NOT NULL,
        kind       TEXT NOT NULL,
        due        BIGINT NOT NULL,
        expires    BIGINT NOT NULL,
        payload    TEXT NOT NULL,
        state      TEXT NOT NULL DEFAULT 'pending',
        attempts   INTEGER NOT NULL DEFAULT 0,
        next_try   BIGINT NOT NULL,
        last_error TEXT,
        error_at   BIGINT,
        settled_at BIGINT,
        PRIMARY KEY (channel, occurrence, kind)
    );
    CREATE INDEX announce_outbox_next ON announce_outbox (state, next_try);
    CREATE TABLE announce_known (
        occurrence TEXT PRIMARY KEY,
        data       TEXT NOT NULL
    );
    CREATE TABLE announce_horizon (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        horizon BIGINT NOT NULL
    )",
    // 4: as SQLite's 4.
    "CREATE TABLE announce_horizons (
        scope   TEXT PRIMARY KEY,
        horizon BIGINT NOT NULL
    );
    INSERT INTO announce_horizons (scope, horizon) SELECT '', horizon FROM announce_horizon",
];

/// The `schema_migrations` table, the same in both databases.
pub(crate) const BOOKKEEPING: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
)";

/// Refuse a database that records migrations beyond the ones this binary knows.
pub(crate) fn check_not_newer(applied: i64, known: usize) -> Result<(), StoreError> {
    if applied > known as i64 {
        return Err(StoreError::new(
            StoreErrorKind::Migrate,
            format!(
                "the database is at schema version {applied} but this touchpoint knows only \
                 {known}; upgrade touchpoint"
            ),
        ));
    }
    Ok(())
}

/// Apply every SQLite migration not yet recorded; returns how many were applied now.
pub(crate) fn sqlite(conn: &mut Connection) -> Result<usize, StoreError> {
    let fail = |e: rusqlite::Error| StoreError::new(StoreErrorKind::Migrate, e.to_string());
    conn.execute_batch(BOOKKEEPING).map_err(fail)?;
    let mut applied_now = 0;
    for (index, sql) in SQLITE.iter().enumerate() {
        let version = index as i64 + 1;
        // IMMEDIATE takes the write lock before reading, so two processes opening the same file
        // at once cannot both apply a migration.
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail)?;
        let done: Option<i64> = tx
            .query_row(
                "SELECT version FROM schema_migrations WHERE version = ?1",
                [version],
                |row| row.get(0),
            )
            .optional()
            .map_err(fail)?;
        if done.is_none() {
            tx.execute_batch(sql).map_err(fail)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, applied_at)
                 VALUES (?1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                [version],
            )
            .map_err(fail)?;
            applied_now += 1;
        }
        tx.commit().map_err(fail)?;
    }
    let newest: i64 = conn
        .query_row(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
            [],
            |row| row.get(0),
        )
        .map_err(fail)?;
    check_not_newer(newest, SQLITE.len())?;
    Ok(applied_now)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database written before scopes (schema 3, one snapshot) keeps its snapshot as the
    /// empty scope's: a single community's announcer goes on from it rather than planning
    /// everything anew.
    #[test]
    fn keeps_the_snapshot_saved_before_scopes_as_the_empty_scopes() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(BOOKKEEPING).unwrap();
        for (index, sql) in SQLITE[..3].iter().enumerate() {
            conn.execute_batch(sql).unwrap();
            conn.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, 'then')",
                [index as i64 + 1],
            )
            .unwrap();
        }
        conn.execute_batch(
            "INSERT INTO announce_known VALUES ('weekly 2026-12-03', '{}');
             INSERT INTO announce_horizon VALUES (1, 5000000);",
        )
        .unwrap();
        assert_eq!(sqlite(&mut conn).unwrap(), SQLITE.len() - 3);
        let horizon: i64 = conn
            .query_row(
                "SELECT horizon FROM announce_horizons WHERE scope = ''",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(horizon, 5_000_000);
        let known: i64 = conn
            .query_row("SELECT count(*) FROM announce_known", [], |row| row.get(0))
            .unwrap();
        assert_eq!(known, 1);
    }
}
