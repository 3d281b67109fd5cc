//! The embedded default store: one SQLite file, `touchpoint.sqlite3`, in the data directory.
//!
//! Settings, and why:
//! - **WAL journal**: readers (page requests) never wait for the refresher's write, and a write
//!   is committed by appending to the log, so a process killed mid-write leaves the previous
//!   committed state; SQLite rolls the torn tail back on the next open.
//! - **`synchronous = NORMAL`**: in WAL mode this is still crash-safe against a killed process
//!   (the kill -9 test checks it) and keeps the database consistent across power loss; what a
//!   power cut can cost is the last few commits, which here are copies of outside feeds that
//!   the next refresh fetches again. FULL would add an fsync per refresh for no gain.
//! - **`busy_timeout = 5 s`**: a second process (`touchpoint refresh` beside `serve`) waits
//!   for the write lock instead of failing at once.
//!
//! rusqlite is blocking, so each operation runs on tokio's blocking pool with the one connection
//! behind a mutex; every write is a single transaction.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::record::{
    Bodies, ChannelHealth, Delivery, KnownOccurrences, NewCopy, NewMessage, OutboxMessage,
    Published, Revision, Saved, Settle, SourceRecord,
};
use crate::{Store, StoreError, StoreErrorKind, StoreFuture, migrate};

/// The [`Store`] on an embedded SQLite database.
#[derive(Clone, Debug)]
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
    path: PathBuf,
    /// Why the store could only be opened for reading (see [`SqliteStore::open`]).
    read_only: Option<String>,
}

/// Why `dir` or the database `path` in it cannot be written, said plainly ("permission denied",
/// "read-only file system", "no space left on device") with the path; `None` when both look
/// writable (the failure was something else).
fn unwritable(dir: &Path, path: &Path) -> Option<String> {
    if !dir.is_dir() {
        // Not created: the original error says why (it names the folder).
        return None;
    }
    let probe = dir.join(".touchpoint-write-probe");
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&probe);
    let written = file.and_then(|mut f| {
        use std::io::Write;
        f.write_all(&[0; 4096])?;
        f.sync_all()
    });
    let _ = std::fs::remove_file(&probe);
    if let Err(e) = written {
        return Some(format!("cannot write in {}: {}", dir.display(), plain(&e)));
    }
    if path.exists()
        && let Err(e) = std::fs::OpenOptions::new().append(true).open(path)
    {
        return Some(format!("cannot write {}: {}", path.display(), plain(&e)));
    }
    None
}

/// An I/O error as a lower-case phrase without the OS number: "permission denied".
fn plain(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::ReadOnlyFilesystem => "read-only file system".to_owned(),
        std::io::ErrorKind::StorageFull => "no space left on device (the disk is full)".to_owned(),
        _ => e.to_string(),
    }
}

/// `path` for an SQLite `file:` URI: `%`, `?` and `#` escaped.
fn url_path(path: &Path) -> String {
    let mut out = String::new();
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out
}

impl SqliteStore {
    /// The database's file name inside the data directory.
    pub const FILE_NAME: &'static str = "touchpoint.sqlite3";

    /// Open (creating `dir` and the database if needed) and migrate the store in `dir`.
    ///
    /// This blocks (file I/O and migrations): call it at startup, or inside
    /// `tokio::task::spawn_blocking`.
    ///
    /// When the database exists but cannot be written — a full disk, a read-only folder or
    /// file — it is opened read-only instead, so a server can go on serving what is stored:
    /// [`SqliteStore::read_only`] then says why, and every write fails with that reason. A
    /// database that cannot be read at all, or needs migrations, is still an error, and the
    /// error says "permission denied" and the path when that is the cause.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        match Self::open_writable(dir) {
            Ok(store) => Ok(store),
            Err(error) => {
                let path = dir.join(Self::FILE_NAME);
                let why = unwritable(dir, &path);
                let reason = why.clone().unwrap_or_else(|| error.to_string());
                // A database newer than this binary fails here too (its schema is not ours).
                match Self::open_read_only(&path, &reason) {
                    Ok(store) => Ok(store),
                    Err(_) => Err(match why {
                        Some(why) => StoreError::new(StoreErrorKind::Open, why),
                        None => error,
                    }),
                }
            }
        }
    }

    /// Why the store was opened read-only, when it was: writes fail, reads work.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// The existing database at `path`, for reading only, once its schema is known to be this
    /// binary's (no migration can run). `immutable`: no lock or shared-memory file is needed,
    /// which a full disk or a read-only folder could not provide.
    fn open_read_only(path: &Path, why: &str) -> Result<Self, StoreError> {
        use rusqlite::OpenFlags;
        if !path.is_file() {
            return Err(StoreError::new(StoreErrorKind::Open, "no database"));
        }
        let fail = |e: rusqlite::Error| StoreError::new(StoreErrorKind::Open, e.to_string());
        let mut uri = url_path(path);
        uri.insert_str(0, "file:");
        uri.push_str("?immutable=1");
        let conn = Connection::open_with_flags(
            &uri,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
        )
        .map_err(fail)?;
        let applied: i64 = conn
            .query_row(
                "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                [],
                |row| row.get(0),
            )
            .map_err(fail)?;
        if applied != migrate::SQLITE.len() as i64 {
            return Err(StoreError::new(
                StoreErrorKind::Open,
                "the schema needs migrations",
            ));
        }
        Ok(SqliteStore {
            conn: Arc::new(Mutex::new(conn)),
            path: path.to_path_buf(),
            read_only: Some(why.to_owned()),
        })
    }

    fn open_writable(dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| {
            StoreError::new(
                StoreErrorKind::Open,
                format!("cannot create {}: {e}", dir.display()),
            )
        })?;
        let path = dir.join(Self::FILE_NAME);
        let open_error = |e: rusqlite::Error| {
            StoreError::new(StoreErrorKind::Open, format!("{}: {e}", path.display()))
        };
        let mut conn = Connection::open(&path).map_err(open_error)?;
        conn.busy_timeout(Duration::from_secs(5))
            .map_err(open_error)?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(open_error)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::new(
                StoreErrorKind::Open,
                format!(
                    "{}: cannot switch to WAL (journal mode is {mode})",
                    path.display()
                ),
            ));
        }
        conn.execute_batch("PRAGMA synchronous = NORMAL")
            .map_err(open_error)?;
        migrate::sqlite(&mut conn)?;
        Ok(SqliteStore {
            conn: Arc::new(Mutex::new(conn)),
            path,
            read_only: None,
        })
    }

    /// The database file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Apply migrations again (they are idempotent); returns how many were new. `open` already
    /// does this; it is public so tests and `touchpoint check` can confirm the schema.
    pub fn migrate(&self) -> Result<usize, StoreError> {
        migrate::sqlite(&mut lock(&self.conn))
    }

    /// Run `f` with the connection on the blocking pool.
    fn run<T, F>(&self, f: F) -> StoreFuture<'static, T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let conn = Arc::clone(&self.conn);
        Box::pin(async move { tokio::task::spawn_blocking(move || f(&mut lock(&conn))).await? })
    }
}

/// The stored fingerprint and revision of one event, by key ([`stored_revision`]).
const READ_REVISION: &str = "SELECT fingerprint, sequence, modified FROM revisions WHERE key = ?1";

/// What [`READ_REVISION`] finds for `key`: its fingerprint and revision, if recorded.
fn stored_revision(
    read: &mut rusqlite::CachedStatement<'_>,
    key: &str,
) -> Result<Option<(u64, Revision)>, StoreError> {
    read.query_row([key], |row| {
        Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?, row.get(2)?))
    })
    .optional()?
    .map(|(fingerprint, sequence, modified)| {
        from_micros(modified).map(|modified| (fingerprint as u64, Revision { sequence, modified }))
    })
    .transpose()
}

/// Lock the connection. A panic while holding it can only have happened outside a committed
/// transaction (rusqlite rolls back on drop), so a poisoned lock is safe to take over.
fn lock(conn: &Mutex<Connection>) -> std::sync::MutexGuard<'_, Connection> {
    conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Store for SqliteStore {
    fn get<'a>(&'a self, id: &'a str) -> StoreFuture<'a, Option<SourceRecord>> {
        let id = id.to_owned();
        self.run(move |conn| {
            let raw = conn
                .query_row(
                    &format!("SELECT {COLUMNS_WITH_BODY} FROM sources WHERE id = ?1"),
                    [&id],
                    RawRecord::read,
                )
                .optional()?;
            raw.map(RawRecord::into_record).transpose()
        })
    }

    fn list(&self, bodies: Bodies) -> StoreFuture<'_, Vec<SourceRecord>> {
        self.run(move |conn| {
            let columns = match bodies {
                Bodies::Include => COLUMNS_WITH_BODY,
                Bodies::Omit => COLUMNS_WITHOUT_BODY,
            };
            let mut stmt = conn.prepare(&format!("SELECT {columns} FROM sources ORDER BY id"))?;
            let raws = stmt
                .query_map([], RawRecord::read)?
                .collect::<Result<Vec<_>, _>>()?;
            raws.into_iter().map(RawRecord::into_record).collect()
        })
    }

    fn save_success<'a>(
        &'a self,
        id: &'a str,
        copy: NewCopy,
        at: Timestamp,
    ) -> StoreFuture<'a, Saved> {
        let id = id.to_owned();
        let at = at.as_microsecond();
        self.run(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            // Compare in SQL so an unchanged 20 MiB body is neither loaded nor rewritten.
            let old: Option<(i64, bool)> = tx
                .query_row(
                    "SELECT version, body IS ?2 FROM sources WHERE id = ?1",
                    params![id, copy.body],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()?;
            let saved = match old {
                None => Saved {
                    version: 1,
                    changed: true,
                },
                Some((version, true)) => Saved {
                    version,
                    changed: false,
                },
                Some((version, false)) => Saved {
                    version: version + 1,
                    changed: true,
                },
            };
            if saved.changed {
                tx.execute(
                    "INSERT INTO sources (id, body, etag, last_modified, summary, fetched_at,
                                          checked_at, last_error, failures, version)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, NULL, 0, ?7)
                     ON CONFLICT (id) DO UPDATE SET
                        body = excluded.body, etag = excluded.etag,
                        last_modified = excluded.last_modified, summary = excluded.summary,
                        fetched_at = excluded.fetched_at, checked_at = excluded.checked_at,
                        last_error = NULL, failures = 0, version = excluded.version",
                    params![
                        id,
                        copy.body,
                        copy.etag,
                        copy.last_modified,
                        copy.summary,
                        at,
                        saved.version
                    ],
                )?;
            } else {
                tx.execute(
                    "UPDATE sources SET etag = ?2, last_modified = ?3, summary = ?4,
                        fetched_at = ?5, checked_at = ?5, last_error = NULL, failures = 0
                     WHERE id = ?1",
                    params![id, copy.etag, copy.last_modified, copy.summary, at],
                )?;
            }
            tx.commit()?;
            Ok(saved)
        })
    }

    fn save_not_modified<'a>(&'a self, id: &'a str, at: Timestamp) -> StoreFuture<'a, ()> {
        let id = id.to_owned();
        let at = at.as_microsecond();
        self.run(move |conn| {
            // Without a stored body a 304 confirms nothing, so fetched_at stays unset then.
            conn.execute(
                "INSERT INTO sources (id, checked_at) VALUES (?1, ?2)
                 ON CONFLICT (id) DO UPDATE SET
                    checked_at = excluded.checked_at,
                    fetched_at = CASE WHEN sources.body IS NULL THEN sources.fetched_at
                                      ELSE excluded.checked_at END,
                    last_error = NULL, failures = 0",
                params![id, at],
            )?;
            Ok(())
        })
    }

    fn save_failure<'a>(
        &'a self,
        id: &'a str,
        error: &'a str,
        at: Timestamp,
    ) -> StoreFuture<'a, u32> {
        let id = id.to_owned();
        let error = error.to_owned();
        let at = at.as_microsecond();
        self.run(move |conn| {
            let failures: i64 = conn.query_row(
                "INSERT INTO sources (id, checked_at, last_error, failures) VALUES (?1, ?2, ?3, 1)
                 ON CONFLICT (id) DO UPDATE SET
                    checked_at = excluded.checked_at, last_error = excluded.last_error,
                    failures = sources.failures + 1
                 RETURNING failures",
                params![id, at, error],
                |row| row.get(0),
            )?;
            to_u32(failures)
        })
    }

    fn remove<'a>(&'a self, id: &'a str) -> StoreFuture<'a, bool> {
        let id = id.to_owned();
        self.run(move |conn| Ok(conn.execute("DELETE FROM sources WHERE id = ?1", [id])? > 0))
    }

    fn try_lease<'a>(
        &'a self,
        _id: &'a str,
        _holder: &'a str,
        _ttl: Duration,
    ) -> StoreFuture<'a, bool> {
        // One embedded database serves one process: there is nobody to coordinate with.
        Box::pin(async { Ok(true) })
    }

    fn release_lease<'a>(&'a self, _id: &'a str, _holder: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async { Ok(()) })
    }

    fn revise<'a>(
        &'a self,
        published: &'a [Published],
        at: Timestamp,
    ) -> StoreFuture<'a, Vec<Revision>> {
        let published = published.to_vec();
        self.run(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mut revisions = Vec::with_capacity(published.len());
            {
                let mut read = tx.prepare_cached(READ_REVISION)?;
                let mut write = tx.prepare_cached(
                    "INSERT INTO revisions (key, fingerprint, sequence, modified)
                     VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint,
                        sequence = excluded.sequence, modified = excluded.modified",
                )?;
                for event in &published {
                    let stored = stored_revision(&mut read, &event.key)?;
                    let revision = Revision::next(stored, event.fingerprint, at);
                    if stored.map(|(_, kept)| kept) != Some(revision) {
                        write.execute(params![
                            event.key,
                            event.fingerprint as i64,
                            revision.sequence,
                            revision.modified.as_microsecond()
                        ])?;
                    }
                    revisions.push(revision);
                }
            }
            tx.commit()?;
            Ok(revisions)
        })
    }

    fn revisions<'a>(
        &'a self,
        published: &'a [Published],
        at: Timestamp,
    ) -> StoreFuture<'a, Vec<Revision>> {
        let published = published.to_vec();
        self.run(move |conn| {
            let mut read = conn.prepare_cached(READ_REVISION)?;
            published
                .iter()
                .map(|event| {
                    let stored = stored_revision(&mut read, &event.key)?;
                    Ok(Revision::next(stored, event.fingerprint, at))
                })
                .collect()
        })
    }

    fn enqueue<'a>(&'a self, scope: &'a str, messages: &'a [NewMessage]) -> StoreFuture<'a, usize> {
        let messages = messages.to_vec();
        let scope = scope.to_owned();
        self.run(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mut added = 0;
            {
                let mut insert = tx.prepare_cached(
                    "INSERT INTO announce_outbox
                        (channel, occurrence, kind, due, expires, payload, next_try)
                     VALUES (?7 || ?1, ?2, ?3, ?4, ?5, ?6, ?4)
                     ON CONFLICT (channel, occurrence, kind) DO NOTHING",
                )?;
                for m in &messages {
                    added += insert.execute(params![
                        m.channel,
                        m.occurrence,
                        m.kind,
                        m.due.as_microsecond(),
                        m.expires.as_microsecond(),
                        m.payload,
                        scope
                    ])?;
                }
            }
            tx.commit()?;
            Ok(added)
        })
    }

    fn due_messages<'a>(
        &'a self,
        scope: &'a str,
        now: Timestamp,
        limit: usize,
    ) -> StoreFuture<'a, Vec<OutboxMessage>> {
        let now = now.as_microsecond();
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let scope = scope.to_owned();
        self.run(move |conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {OUTBOX_COLUMNS} FROM announce_outbox
                 WHERE state = 'pending' AND next_try <= ?1 AND {IN_SCOPE}
                 ORDER BY due, channel, occurrence, kind LIMIT ?2"
            ))?;
            let rows = stmt
                .query_map(params![now, limit, scope], RawOutbox::read)?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(|r| r.into_message(&scope)).collect()
        })
    }

    fn settle<'a>(
        &'a self,
        scope: &'a str,
        key: (&'a str, &'a str, &'a str),
        outcome: Settle,
        at: Timestamp,
    ) -> StoreFuture<'a, ()> {
        let channel = format!("{scope}{}", key.0);
        let (occurrence, kind) = (key.1.to_owned(), key.2.to_owned());
        let at = at.as_microsecond();
        self.run(move |conn| {
            let keyed =
                "WHERE channel = ?1 AND occurrence = ?2 AND kind = ?3 AND state = 'pending'";
            match outcome {
                Settle::Sent => conn.execute(
                    &format!(
                        "UPDATE announce_outbox SET state = 'sent', attempts = attempts + 1,
                            settled_at = ?4 {keyed}"
                    ),
                    params![channel, occurrence, kind, at],
                )?,
                Settle::Failed { error, retry_at } => conn.execute(
                    &format!(
                        "UPDATE announce_outbox SET attempts = attempts + 1, last_error = ?4,
                            error_at = ?5, next_try = ?6 {keyed}"
                    ),
                    params![
                        channel,
                        occurrence,
                        kind,
                        error,
                        at,
                        retry_at.as_microsecond()
                    ],
                )?,
                Settle::Dropped { reason } => conn.execute(
                    &format!(
                        "UPDATE announce_outbox SET state = 'dropped', last_error = ?4,
                            error_at = ?5, settled_at = ?5 {keyed}"
                    ),
                    params![channel, occurrence, kind, reason, at],
                )?,
            };
            Ok(())
        })
    }

    fn outbox<'a>(&'a self, scope: &'a str) -> StoreFuture<'a, Vec<OutboxMessage>> {
        let scope = scope.to_owned();
        self.run(move |conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {OUTBOX_COLUMNS} FROM announce_outbox WHERE {OUTBOX_SCOPE}
                 ORDER BY channel, occurrence, kind"
            ))?;
            let rows = stmt
                .query_map([&scope], RawOutbox::read)?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(|r| r.into_message(&scope)).collect()
        })
    }

    fn channel_health<'a>(&'a self, scope: &'a str) -> StoreFuture<'a, Vec<ChannelHealth>> {
        let scope = scope.to_owned();
        self.run(move |conn| {
            let mut stmt = conn.prepare_cached(CHANNEL_HEALTH)?;
            let rows = stmt
                .query_map([&scope], |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, Option<i64>>(1)?,
                        row.get::<_, Option<String>>(2)?,
                        row.get::<_, Option<i64>>(3)?,
                        row.get::<_, i64>(4)?,
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(|row| health(row, &scope)).collect()
        })
    }

    fn prune_outbox(&self, before: Timestamp) -> StoreFuture<'_, usize> {
        let before = before.as_microsecond();
        self.run(move |conn| {
            Ok(conn.execute(
                "DELETE FROM announce_outbox WHERE state <> 'pending' AND expires < ?1",
                [before],
            )?)
        })
    }

    fn snapshot<'a>(&'a self, scope: &'a str) -> StoreFuture<'a, Option<KnownOccurrences>> {
        let scope = scope.to_owned();
        self.run(move |conn| {
            let tx = conn.transaction()?;
            let horizon: Option<i64> = tx
                .query_row(
                    "SELECT horizon FROM announce_horizons WHERE scope = ?1",
                    [&scope],
                    |row| row.get(0),
                )
                .optional()?;
            let Some(horizon) = horizon else {
                return Ok(None);
            };
            let entries = {
                let mut stmt = tx.prepare_cached(&format!(
                    "SELECT substr(occurrence, length(CAST($1 AS TEXT)) + 1), data
                         FROM announce_known WHERE {KNOWN_SCOPE} ORDER BY occurrence"
                ))?;
                stmt.query_map([&scope], |row| Ok((row.get(0)?, row.get(1)?)))?
                    .collect::<Result<Vec<_>, _>>()?
            };
            Ok(Some(KnownOccurrences {
                horizon: from_micros(horizon)?,
                entries,
            }))
        })
    }

    fn announce_scopes(&self) -> StoreFuture<'_, Vec<String>> {
        self.run(move |conn| {
            let mut stmt =
                conn.prepare_cached("SELECT scope FROM announce_horizons ORDER BY scope")?;
            let scopes = stmt
                .query_map([], |row| row.get(0))?
                .collect::<Result<Vec<String>, _>>()?;
            Ok(scopes)
        })
    }

    fn save_snapshot<'a>(
        &'a self,
        scope: &'a str,
        known: &'a KnownOccurrences,
    ) -> StoreFuture<'a, ()> {
        let known = known.clone();
        let scope = scope.to_owned();
        self.run(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute(
                &format!("DELETE FROM announce_known WHERE {KNOWN_SCOPE}"),
                [&scope],
            )?;
            {
                let mut insert = tx.prepare_cached(
                    "INSERT INTO announce_known (occurrence, data) VALUES (?3 || ?1, ?2)
                     ON CONFLICT (occurrence) DO UPDATE SET data = excluded.data",
                )?;
                for (key, data) in &known.entries {
                    insert.execute(params![key, data, scope])?;
                }
            }
            tx.execute(
                "INSERT INTO announce_horizons (scope, horizon) VALUES (?1, ?2)
                 ON CONFLICT (scope) DO UPDATE SET horizon = excluded.horizon",
                params![scope, known.horizon.as_microsecond()],
            )?;
            tx.commit()?;
            Ok(())
        })
    }
}

/// The outbox columns, in [`RawOutbox::read`]'s order.
pub(crate) const OUTBOX_COLUMNS: &str = "channel, occurrence, kind, due, expires, payload, state, \
                                         attempts, next_try, last_error, settled_at";

/// The outbox rows of the scope in the third parameter ([`Store`]'s "Scopes"): the channel is
/// the scope and a channel id, which never holds a `/` (`touchpoint check`), so the empty
/// scope of a single community never reads a hub community's `{id}/…` rows, should both
/// share a store by mistake.
const IN_SCOPE: &str = "substr(channel, 1, length(?3)) = ?3
    AND substr(channel, length(?3) + 1) NOT LIKE '%/%'";

/// [`IN_SCOPE`] with the scope in the first parameter. The same text for both databases:
/// SQLite numbers a named `$1` as the first parameter when it is the only one.
pub(crate) const OUTBOX_SCOPE: &str =
    "substr(channel, 1, length(CAST($1 AS TEXT))) = CAST($1 AS TEXT)
    AND substr(channel, length(CAST($1 AS TEXT)) + 1) NOT LIKE '%/%'";

/// The snapshot rows of the scope in the first parameter: its occurrence keys start with it,
/// and belong to no longer scope that does (the empty scope of a single community holds none
/// of a hub community's). The same text for both databases, as [`OUTBOX_SCOPE`].
pub(crate) const KNOWN_SCOPE: &str =
    "substr(occurrence, 1, length(CAST($1 AS TEXT))) = CAST($1 AS TEXT)
    AND NOT EXISTS (SELECT 1 FROM announce_horizons AS h
        WHERE length(h.scope) > length(CAST($1 AS TEXT))
        AND substr(occurrence, 1, length(h.scope)) = h.scope)";

/// Per channel of the scope in the first parameter: the last send, the last error and its
/// time, the messages waiting. The same text for both databases.
pub(crate) const CHANNEL_HEALTH: &str = "SELECT channel,
        MAX(CASE WHEN state = 'sent' THEN settled_at END),
        (SELECT last_error FROM announce_outbox AS e WHERE e.channel = o.channel
            AND e.error_at IS NOT NULL ORDER BY e.error_at DESC LIMIT 1),
        MAX(error_at),
        SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END)
     FROM announce_outbox AS o
     WHERE substr(channel, 1, length(CAST($1 AS TEXT))) = CAST($1 AS TEXT)
        AND substr(channel, length(CAST($1 AS TEXT)) + 1) NOT LIKE '%/%'
     GROUP BY channel ORDER BY channel";

/// A [`CHANNEL_HEALTH`] row to its record.
pub(crate) fn health(
    (channel, sent, error, error_at, pending): (
        String,
        Option<i64>,
        Option<String>,
        Option<i64>,
        i64,
    ),
    scope: &str,
) -> Result<ChannelHealth, StoreError> {
    Ok(ChannelHealth {
        channel: unscoped(channel, scope),
        last_sent: sent.map(from_micros).transpose()?,
        last_error: match (error, error_at) {
            (Some(error), Some(at)) => Some((error, from_micros(at)?)),
            _ => None,
        },
        pending: u64::try_from(pending).unwrap_or(0),
    })
}

/// A stored key without the scope it was read in (the query selected keys that start with it).
pub(crate) fn unscoped(mut key: String, scope: &str) -> String {
    if key.starts_with(scope) {
        key.drain(..scope.len());
    }
    key
}

/// An outbox row as either database returns it.
pub(crate) struct RawOutbox {
    pub channel: String,
    pub occurrence: String,
    pub kind: String,
    pub due: i64,
    pub expires: i64,
    pub payload: String,
    pub state: String,
    pub attempts: i64,
    pub next_try: i64,
    pub last_error: Option<String>,
    pub settled_at: Option<i64>,
}

impl RawOutbox {
    fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Ok(RawOutbox {
            channel: row.get(0)?,
            occurrence: row.get(1)?,
            kind: row.get(2)?,
            due: row.get(3)?,
            expires: row.get(4)?,
            payload: row.get(5)?,
            state: row.get(6)?,
            attempts: row.get(7)?,
            next_try: row.get(8)?,
            last_error: row.get(9)?,
            settled_at: row.get(10)?,
        })
    }

    /// The message, its channel without `scope` (the scope it was read in).
    pub(crate) fn into_message(self, scope: &str) -> Result<OutboxMessage, StoreError> {
        Ok(OutboxMessage {
            message: NewMessage {
                channel: unscoped(self.channel, scope),
                occurrence: self.occurrence,
                kind: self.kind,
                due: from_micros(self.due)?,
                expires: from_micros(self.expires)?,
                payload: self.payload,
            },
            state: Delivery::parse(&self.state)?,
            attempts: to_u32(self.attempts)?,
            next_try: from_micros(self.next_try)?,
            last_error: self.last_error,
            settled_at: self.settled_at.map(from_micros).transpose()?,
        })
    }
}

const COLUMNS_WITH_BODY: &str = "id, etag, last_modified, fetched_at, checked_at, last_error, \
                                 failures, summary, version, body";
const COLUMNS_WITHOUT_BODY: &str = "id, etag, last_modified, fetched_at, checked_at, \
                                    last_error, failures, summary, version, NULL";

/// A row as SQLite returns it, before timestamps and counts are checked.
struct RawRecord {
    id: String,
    etag: Option<String>,
    last_modified: Option<String>,
    fetched_at: Option<i64>,
    checked_at: Option<i64>,
    last_error: Option<String>,
    failures: i64,
    summary: Option<String>,
    version: i64,
    body: Option<Vec<u8>>,
}

impl RawRecord {
    fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Ok(RawRecord {
            id: row.get(0)?,
            etag: row.get(1)?,
            last_modified: row.get(2)?,
            fetched_at: row.get(3)?,
            checked_at: row.get(4)?,
            last_error: row.get(5)?,
            failures: row.get(6)?,
            summary: row.get(7)?,
            version: row.get(8)?,
            body: row.get(9)?,
        })
    }

    fn into_record(self) -> Result<SourceRecord, StoreError> {
        Ok(SourceRecord {
            fetched_at: self.fetched_at.map(from_micros).transpose()?,
            checked_at: self.checked_at.map(from_micros).transpose()?,
            failures: to_u32(self.failures)?,
            id: self.id,
            body: self.body,
            etag: self.etag,
            last_modified: self.last_modified,
            last_error: self.last_error,
            summary: self.summary,
            version: self.version,
        })
    }
}

/// A stored microsecond count back to a timestamp.
pub(crate) fn from_micros(us: i64) -> Result<Timestamp, StoreError> {
    Timestamp::from_microsecond(us).map_err(|e| {
        StoreError::new(
            StoreErrorKind::Corrupt,
            format!("timestamp {us} µs out of range: {e}"),
        )
    })
}

/// A stored failure count back to `u32`.
pub(crate) fn to_u32(n: i64) -> Result<u32, StoreError> {
    u32::try_from(n).map_err(|_| {
        StoreError::new(
            StoreErrorKind::Corrupt,
            format!("failure count {n} out of range"),
        )
    })
}
