//! The PostgreSQL store, for several replicas sharing one database (issue 8).
//!
//! Connections come from a deadpool pool: a connection that broke (the server restarted) is
//! dropped when it is next taken and a new one is made, so a replica reconnects by itself and
//! serves from its own memory meanwhile. Each write is one transaction; `save_success` locks the
//! source's row (`FOR UPDATE`) so two replicas cannot interleave a compare-and-bump.
//!
//! Refresh coordination is a lease row per source in `source_leases`, taken or renewed with one
//! conditional upsert and timed by the server's clock (replicas' clocks may disagree). A replica
//! that dies mid-refresh holds its lease only until the ttl runs out.
//!
//! TLS is used when the URL asks for it with `sslmode=require` (libpq's `verify-ca` and
//! `verify-full` are read as `require`): the server's certificate is then always verified, against
//! the system's trust store plus the CA certificates of [`PgTls::ca_file`], and its name must match
//! the host. Without `sslmode=require` (`disable`, `prefer` or none) connections are plain, for a
//! local socket, loopback or a private network: touchpoint never sends data over a TLS connection
//! it did not verify.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use deadpool_postgres::{
    Config, ManagerConfig, Pool, PoolConfig, RecyclingMethod, Runtime, SslMode, Timeouts,
};
use jiff::Timestamp;
use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;
use tokio_postgres::NoTls;
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::error::with_causes;
use crate::record::{
    Bodies, ChannelHealth, KnownOccurrences, NewCopy, NewMessage, OutboxMessage, Published,
    Revision, Saved, Settle, SourceRecord,
};
use crate::sqlite::{
    CHANNEL_HEALTH, KNOWN_SCOPE, OUTBOX_COLUMNS, OUTBOX_SCOPE, RawOutbox, from_micros, health,
    to_u32,
};
use crate::{Store, StoreError, StoreErrorKind, StoreFuture, migrate};

/// An arbitrary constant naming the advisory lock that serializes migrations across replicas.
const MIGRATION_LOCK: i64 = 0x746f_7563_6870_6f69; // "touchpoi"

/// The [`Store`] on PostgreSQL, with a connection pool.
#[derive(Clone)]
pub struct PgStore {
    pool: Pool,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("pool", &self.pool.status())
            .finish()
    }
}

/// What `sslmode=require` connections trust besides the system's certificate authorities.
#[derive(Clone, Debug, Default)]
pub struct PgTls {
    /// A PEM file of CA certificates to trust as well: a private CA, or a self-signed server.
    pub ca_file: Option<PathBuf>,
}

impl PgTls {
    /// The rustls connector: aws-lc-rs, the platform verifier with the extra CAs, no client
    /// certificate.
    fn connector(&self) -> Result<MakeRustlsConnect, StoreError> {
        let open = |message: String| StoreError::new(StoreErrorKind::Open, message);
        let extra: Vec<CertificateDer<'static>> = match &self.ca_file {
            Some(path) => {
                let certs = CertificateDer::pem_file_iter(path)
                    .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
                    .map_err(|e| {
                        open(format!(
                            "cannot read CA certificates from {}: {e}",
                            path.display()
                        ))
                    })?;
                if certs.is_empty() {
                    return Err(open(format!(
                        "no CA certificate (PEM \"BEGIN CERTIFICATE\") in {}",
                        path.display()
                    )));
                }
                certs
            }
            None => Vec::new(),
        };
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let verifier =
            rustls_platform_verifier::Verifier::new_with_extra_roots(extra, provider.clone())
                .map_err(|e| open(format!("cannot set up TLS to PostgreSQL: {e}")))?;
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| open(format!("cannot set up TLS to PostgreSQL: {e}")))?
            .dangerous() // a custom verifier: the platform's, which verifies fully
            .with_custom_certificate_verifier(Arc::new(verifier))
            .with_no_client_auth();
        Ok(MakeRustlsConnect::new(config))
    }
}

/// libpq's `sslmode=verify-ca` and `verify-full`, which tokio-postgres does not know, as
/// `require`: touchpoint verifies the certificate and the host name whenever it uses TLS.
fn with_known_sslmode(url: &str) -> String {
    url.replace("sslmode=verify-full", "sslmode=require")
        .replace("sslmode=verify-ca", "sslmode=require")
}

impl PgStore {
    /// Connect to `url` (`postgres://user:pass@host:port/db` or a key=value string), make a pool
    /// of up to `max_connections`, and bring the schema up to date. TLS as the module says, with
    /// only the system's certificate authorities.
    pub async fn connect(url: &str, max_connections: usize) -> Result<Self, StoreError> {
        Self::connect_with(url, max_connections, &PgTls::default()).await
    }

    /// [`PgStore::connect`], trusting `tls`'s CA certificates as well for `sslmode=require`.
    pub async fn connect_with(
        url: &str,
        max_connections: usize,
        tls: &PgTls,
    ) -> Result<Self, StoreError> {
        let mut config = Config::new();
        config.url = Some(with_known_sslmode(url));
        config.manager = Some(ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        });
        let mut pool_config = PoolConfig::new(max_connections.max(1));
        // Bounded waits: with the database down, a call fails in seconds rather than hanging
        // a refresh forever; the caller keeps serving what it has.
        pool_config.timeouts = Timeouts {
            wait: Some(Duration::from_secs(10)),
            create: Some(Duration::from_secs(5)),
            recycle: Some(Duration::from_secs(5)),
        };
        config.pool = Some(pool_config);
        let open = |e: &dyn std::fmt::Display| StoreError::new(StoreErrorKind::Open, e.to_string());
        let require = config.get_pg_config().map_err(|e| open(&e))?.get_ssl_mode()
            == tokio_postgres::config::SslMode::Require;
        if !require && let Some(ca) = &tls.ca_file {
            // A CA for a connection that would be plain: surely TLS was meant.
            return Err(open(&format!(
                "a CA file ({}) is given but the URL does not ask for TLS: add sslmode=require",
                ca.display()
            )));
        }
        let pool = if require {
            config.create_pool(Some(Runtime::Tokio1), tls.connector()?)
        } else {
            // `prefer` would try TLS without verifying it; plain is the honest choice.
            config.ssl_mode = Some(SslMode::Disable);
            config.create_pool(Some(Runtime::Tokio1), NoTls)
        }
        .map_err(|e| open(&e))?;
        let store = PgStore { pool };
        store.migrate().await?;
        Ok(store)
    }

    /// Apply migrations not yet recorded (idempotent; `connect` already does it). Replicas
    /// starting together take turns through an advisory lock. Returns how many were new.
    pub async fn migrate(&self) -> Result<usize, StoreError> {
        let fail = |e: tokio_postgres::Error| {
            let e = StoreError::from(e);
            StoreError::new(StoreErrorKind::Migrate, e.message().to_owned())
        };
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await
            .map_err(fail)?;
        tx.batch_execute(migrate::BOOKKEEPING).await.map_err(fail)?;
        let mut applied_now = 0;
        for (index, sql) in migrate::POSTGRES.iter().enumerate() {
            let version = index as i32 + 1;
            let done = tx
                .query_opt(
                    "SELECT version FROM schema_migrations WHERE version = $1",
                    &[&version],
                )
                .await
                .map_err(fail)?;
            if done.is_none() {
                tx.batch_execute(sql).await.map_err(fail)?;
                tx.execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, now()::text)",
                    &[&version],
                )
                .await
                .map_err(fail)?;
                applied_now += 1;
            }
        }
        let newest: i32 = tx
            .query_one(
                "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                &[],
            )
            .await
            .map_err(fail)?
            .get(0);
        migrate::check_not_newer(i64::from(newest), migrate::POSTGRES.len())?;
        tx.commit().await.map_err(fail)?;
        Ok(applied_now)
    }

    async fn client(&self) -> Result<deadpool_postgres::Client, StoreError> {
        self.pool
            .get()
            .await
            .map_err(|e| StoreError::new(StoreErrorKind::Connect, with_causes(&e)))
    }
}

const SELECT_WITH_BODY: &str = "SELECT id, etag, last_modified, fetched_at, checked_at, \
     last_error, failures, summary, version, body FROM sources";
const SELECT_WITHOUT_BODY: &str = "SELECT id, etag, last_modified, fetched_at, checked_at, \
     last_error, failures, summary, version, NULL::bytea FROM sources";

fn read_row(row: &tokio_postgres::Row) -> Result<SourceRecord, StoreError> {
    let fetched_at: Option<i64> = row.try_get(3)?;
    let checked_at: Option<i64> = row.try_get(4)?;
    let failures: i32 = row.try_get(6)?;
    Ok(SourceRecord {
        id: row.try_get(0)?,
        etag: row.try_get(1)?,
        last_modified: row.try_get(2)?,
        fetched_at: fetched_at.map(from_micros).transpose()?,
        checked_at: checked_at.map(from_micros).transpose()?,
        last_error: row.try_get(5)?,
        failures: to_u32(i64::from(failures))?,
        summary: row.try_get(7)?,
        version: row.try_get(8)?,
        body: row.try_get(9)?,
    })
}

/// The fingerprint and revision of each row of `SELECT key, fingerprint, sequence, modified
/// FROM revisions`, by key.
fn stored_revisions(
    rows: &[tokio_postgres::Row],
) -> Result<std::collections::HashMap<String, (u64, Revision)>, StoreError> {
    let mut stored = std::collections::HashMap::with_capacity(rows.len());
    for row in rows {
        let key: String = row.try_get(0)?;
        let fingerprint: i64 = row.try_get(1)?;
        let revision = Revision {
            sequence: row.try_get(2)?,
            modified: from_micros(row.try_get(3)?)?,
        };
        stored.insert(key, (fingerprint as u64, revision));
    }
    Ok(stored)
}

impl Store for PgStore {
    fn get<'a>(&'a self, id: &'a str) -> StoreFuture<'a, Option<SourceRecord>> {
        Box::pin(async move {
            let client = self.client().await?;
            let row = client
                .query_opt(&format!("{SELECT_WITH_BODY} WHERE id = $1"), &[&id])
                .await?;
            row.as_ref().map(read_row).transpose()
        })
    }

    fn list(&self, bodies: Bodies) -> StoreFuture<'_, Vec<SourceRecord>> {
        Box::pin(async move {
            let client = self.client().await?;
            let select = match bodies {
                Bodies::Include => SELECT_WITH_BODY,
                Bodies::Omit => SELECT_WITHOUT_BODY,
            };
            let rows = client.query(&format!("{select} ORDER BY id"), &[]).await?;
            rows.iter().map(read_row).collect()
        })
    }

    fn save_success<'a>(
        &'a self,
        id: &'a str,
        copy: NewCopy,
        at: Timestamp,
    ) -> StoreFuture<'a, Saved> {
        Box::pin(async move {
            let at = at.as_microsecond();
            let mut client = self.client().await?;
            let tx = client.transaction().await?;
            // Make sure the row exists, then lock it: the compare and the bump cannot interleave
            // with another replica's.
            tx.execute(
                "INSERT INTO sources (id) VALUES ($1) ON CONFLICT (id) DO NOTHING",
                &[&id],
            )
            .await?;
            let row = tx
                .query_one(
                    "SELECT version, body IS NOT DISTINCT FROM $2 FROM sources
                     WHERE id = $1 FOR UPDATE",
                    &[&id, &copy.body],
                )
                .await?;
            let (version, same): (i64, bool) = (row.try_get(0)?, row.try_get(1)?);
            let saved = if same {
                tx.execute(
                    "UPDATE sources SET etag = $2, last_modified = $3, summary = $4,
                        fetched_at = $5, checked_at = $5, last_error = NULL, failures = 0
                     WHERE id = $1",
                    &[&id, &copy.etag, &copy.last_modified, &copy.summary, &at],
                )
                .await?;
                Saved {
                    version,
                    changed: false,
                }
            } else {
                tx.execute(
                    "UPDATE sources SET body = $2, etag = $3, last_modified = $4, summary = $5,
                        fetched_at = $6, checked_at = $6, last_error = NULL, failures = 0,
                        version = version + 1
                     WHERE id = $1",
                    &[
                        &id,
                        &copy.body,
                        &copy.etag,
                        &copy.last_modified,
                        &copy.summary,
                        &at,
                    ],
                )
                .await?;
                Saved {
                    version: version + 1,
                    changed: true,
                }
            };
            tx.commit().await?;
            Ok(saved)
        })
    }

    fn save_not_modified<'a>(&'a self, id: &'a str, at: Timestamp) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let at = at.as_microsecond();
            let client = self.client().await?;
            client
                .execute(
                    "INSERT INTO sources (id, checked_at) VALUES ($1, $2)
                     ON CONFLICT (id) DO UPDATE SET
                        checked_at = excluded.checked_at,
                        fetched_at = CASE WHEN sources.body IS NULL THEN sources.fetched_at
                                          ELSE excluded.checked_at END,
                        last_error = NULL, failures = 0",
                    &[&id, &at],
                )
                .await?;
            Ok(())
        })
    }

    fn save_failure<'a>(
        &'a self,
        id: &'a str,
        error: &'a str,
        at: Timestamp,
    ) -> StoreFuture<'a, u32> {
        Box::pin(async move {
            let at = at.as_microsecond();
            let client = self.client().await?;
            let row = client
                .query_one(
                    "INSERT INTO sources (id, checked_at, last_error, failures) VALUES ($1, $2, $3, 1)
                     ON CONFLICT (id) DO UPDATE SET
                        checked_at = excluded.checked_at, last_error = excluded.last_error,
                        failures = sources.failures + 1
                     RETURNING failures",
                    &[&id, &at, &error],
                )
                .await?;
            let failures: i32 = row.try_get(0)?;
            to_u32(i64::from(failures))
        })
    }

    fn remove<'a>(&'a self, id: &'a str) -> StoreFuture<'a, bool> {
        Box::pin(async move {
            let client = self.client().await?;
            client
                .execute("DELETE FROM source_leases WHERE id = $1", &[&id])
                .await?;
            Ok(client
                .execute("DELETE FROM sources WHERE id = $1", &[&id])
                .await?
                > 0)
        })
    }

    fn try_lease<'a>(
        &'a self,
        id: &'a str,
        holder: &'a str,
        ttl: Duration,
    ) -> StoreFuture<'a, bool> {
        Box::pin(async move {
            let ttl_us = i64::try_from(ttl.as_micros()).unwrap_or(i64::MAX);
            let client = self.client().await?;
            // Taken when free, expired, or already ours; otherwise the WHERE leaves the row
            // alone and nothing is returned.
            let row = client
                .query_opt(
                    "INSERT INTO source_leases (id, holder, expires_at)
                     VALUES ($1, $2, now() + $3::bigint * interval '1 microsecond')
                     ON CONFLICT (id) DO UPDATE SET
                        holder = excluded.holder, expires_at = excluded.expires_at
                     WHERE source_leases.holder = excluded.holder
                        OR source_leases.expires_at <= now()
                     RETURNING holder",
                    &[&id, &holder, &ttl_us],
                )
                .await?;
            Ok(row.is_some())
        })
    }

    fn release_lease<'a>(&'a self, id: &'a str, holder: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let client = self.client().await?;
            client
                .execute(
                    "DELETE FROM source_leases WHERE id = $1 AND holder = $2",
                    &[&id, &holder],
                )
                .await?;
            Ok(())
        })
    }

    fn revise<'a>(
        &'a self,
        published: &'a [Published],
        at: Timestamp,
    ) -> StoreFuture<'a, Vec<Revision>> {
        Box::pin(async move {
            // Rows are created and locked in key order, so two replicas revising at once wait
            // for each other instead of deadlocking; the second then sees the first's numbers.
            let mut sorted: Vec<&Published> = published.iter().collect();
            sorted.sort_by(|a, b| a.key.cmp(&b.key));
            sorted.dedup_by(|a, b| a.key == b.key);
            let keys: Vec<&str> = sorted.iter().map(|p| p.key.as_str()).collect();
            let fingerprints: Vec<i64> = sorted.iter().map(|p| p.fingerprint as i64).collect();
            let at_us = at.as_microsecond();
            let mut client = self.client().await?;
            let tx = client.transaction().await?;
            tx.execute(
                "INSERT INTO revisions (key, fingerprint, sequence, modified)
                 SELECT key, fingerprint, 0, $3 FROM unnest($1::text[], $2::bigint[])
                    AS new (key, fingerprint)
                 ORDER BY key
                 ON CONFLICT (key) DO NOTHING",
                &[&keys, &fingerprints, &at_us],
            )
            .await?;
            let rows = tx
                .query(
                    "SELECT key, fingerprint, sequence, modified FROM revisions
                     WHERE key = ANY($1) ORDER BY key FOR UPDATE",
                    &[&keys],
                )
                .await?;
            let mut stored = stored_revisions(&rows)?;
            let (mut changed_keys, mut changed_fingerprints) = (Vec::new(), Vec::new());
            let (mut sequences, mut modified) = (Vec::new(), Vec::new());
            for event in &sorted {
                let kept = stored.get(&event.key).copied();
                let revision = Revision::next(kept, event.fingerprint, at);
                if kept.map(|(_, k)| k) != Some(revision) {
                    changed_keys.push(event.key.as_str());
                    changed_fingerprints.push(event.fingerprint as i64);
                    sequences.push(revision.sequence);
                    modified.push(revision.modified.as_microsecond());
                }
                stored.insert(event.key.clone(), (event.fingerprint, revision));
            }
            if !changed_keys.is_empty() {
                tx.execute(
                    "UPDATE revisions SET fingerprint = new.fingerprint,
                        sequence = new.sequence, modified = new.modified
                     FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[])
                        AS new (key, fingerprint, sequence, modified)
                     WHERE revisions.key = new.key",
                    &[&changed_keys, &changed_fingerprints, &sequences, &modified],
                )
                .await?;
            }
            tx.commit().await?;
            Ok(published
                .iter()
                .map(|p| {
                    stored
                        .get(&p.key)
                        .map_or(Revision::next(None, p.fingerprint, at), |s| s.1)
                })
                .collect())
        })
    }

    fn revisions<'a>(
        &'a self,
        published: &'a [Published],
        at: Timestamp,
    ) -> StoreFuture<'a, Vec<Revision>> {
        Box::pin(async move {
            let keys: Vec<&str> = published.iter().map(|p| p.key.as_str()).collect();
            let rows = self
                .client()
                .await?
                .query(
                    "SELECT key, fingerprint, sequence, modified FROM revisions
                     WHERE key = ANY($1)",
                    &[&keys],
                )
                .await?;
            let stored = stored_revisions(&rows)?;
            Ok(published
                .iter()
                .map(|event| {
                    let kept = stored.get(&event.key).copied();
                    Revision::next(kept, event.fingerprint, at)
                })
                .collect())
        })
    }

    fn enqueue<'a>(&'a self, scope: &'a str, messages: &'a [NewMessage]) -> StoreFuture<'a, usize> {
        Box::pin(async move {
            let mut client = self.client().await?;
            let tx = client.transaction().await?;
            let insert = tx
                .prepare(
                    "INSERT INTO announce_outbox
                        (channel, occurrence, kind, due, expires, payload, next_try)
                     VALUES ($7 || $1, $2, $3, $4, $5, $6, $4)
                     ON CONFLICT (channel, occurrence, kind) DO NOTHING",
                )
                .await?;
            let mut added = 0;
            for m in messages {
                added += tx
                    .execute(
                        &insert,
                        &[
                            &m.channel,
                            &m.occurrence,
                            &m.kind,
                            &m.due.as_microsecond(),
                            &m.expires.as_microsecond(),
                            &m.payload,
                            &scope,
                        ],
                    )
                    .await?;
            }
            tx.commit().await?;
            Ok(usize::try_from(added).unwrap_or(usize::MAX))
        })
    }

    fn due_messages<'a>(
        &'a self,
        scope: &'a str,
        now: Timestamp,
        limit: usize,
    ) -> StoreFuture<'a, Vec<OutboxMessage>> {
        Box::pin(async move {
            let client = self.client().await?;
            let limit = i64::try_from(limit).unwrap_or(i64::MAX);
            let rows = client
                .query(
                    &format!(
                        "SELECT {OUTBOX_COLUMNS} FROM announce_outbox
                         WHERE state = 'pending' AND next_try <= $1
                            AND left(channel, char_length($3::text)) = $3::text
                            AND substr(channel, char_length($3::text) + 1) NOT LIKE '%/%'
                         ORDER BY due, channel, occurrence, kind LIMIT $2"
                    ),
                    &[&now.as_microsecond(), &limit, &scope],
                )
                .await?;
            rows.iter().map(|row| read_outbox(row, scope)).collect()
        })
    }

    fn settle<'a>(
        &'a self,
        scope: &'a str,
        key: (&'a str, &'a str, &'a str),
        outcome: Settle,
        at: Timestamp,
    ) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let client = self.client().await?;
            let channel = format!("{scope}{}", key.0);
            let (occurrence, kind) = (key.1, key.2);
            let at = at.as_microsecond();
            let keyed =
                "WHERE channel = $1 AND occurrence = $2 AND kind = $3 AND state = 'pending'";
            match outcome {
                Settle::Sent => {
                    client
                        .execute(
                            &format!(
                                "UPDATE announce_outbox SET state = 'sent',
                                    attempts = attempts + 1, settled_at = $4 {keyed}"
                            ),
                            &[&channel, &occurrence, &kind, &at],
                        )
                        .await?
                }
                Settle::Failed { error, retry_at } => {
                    client
                        .execute(
                            &format!(
                                "UPDATE announce_outbox SET attempts = attempts + 1,
                                    last_error = $4, error_at = $5, next_try = $6 {keyed}"
                            ),
                            &[
                                &channel,
                                &occurrence,
                                &kind,
                                &error,
                                &at,
                                &retry_at.as_microsecond(),
                            ],
                        )
                        .await?
                }
                Settle::Dropped { reason } => {
                    client
                        .execute(
                            &format!(
                                "UPDATE announce_outbox SET state = 'dropped', last_error = $4,
                                    error_at = $5, settled_at = $5 {keyed}"
                            ),
                            &[&channel, &occurrence, &kind, &reason, &at],
                        )
                        .await?
                }
            };
            Ok(())
        })
    }

    fn outbox<'a>(&'a self, scope: &'a str) -> StoreFuture<'a, Vec<OutboxMessage>> {
        Box::pin(async move {
            let client = self.client().await?;
            let rows = client
                .query(
                    &format!(
                        "SELECT {OUTBOX_COLUMNS} FROM announce_outbox WHERE {OUTBOX_SCOPE}
                         ORDER BY channel, occurrence, kind"
                    ),
                    &[&scope],
                )
                .await?;
            rows.iter().map(|row| read_outbox(row, scope)).collect()
        })
    }

    fn channel_health<'a>(&'a self, scope: &'a str) -> StoreFuture<'a, Vec<ChannelHealth>> {
        Box::pin(async move {
            let client = self.client().await?;
            let rows = client.query(CHANNEL_HEALTH, &[&scope]).await?;
            rows.iter()
                .map(|row| {
                    health(
                        (
                            row.try_get(0)?,
                            row.try_get(1)?,
                            row.try_get(2)?,
                            row.try_get(3)?,
                            row.try_get(4)?,
                        ),
                        scope,
                    )
                })
                .collect()
        })
    }

    fn prune_outbox(&self, before: Timestamp) -> StoreFuture<'_, usize> {
        Box::pin(async move {
            let client = self.client().await?;
            let removed = client
                .execute(
                    "DELETE FROM announce_outbox WHERE state <> 'pending' AND expires < $1",
                    &[&before.as_microsecond()],
                )
                .await?;
            Ok(usize::try_from(removed).unwrap_or(usize::MAX))
        })
    }

    fn snapshot<'a>(&'a self, scope: &'a str) -> StoreFuture<'a, Option<KnownOccurrences>> {
        Box::pin(async move {
            let mut client = self.client().await?;
            // One snapshot of the database: the horizon and the entries saved with it.
            let tx = client
                .build_transaction()
                .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
                .start()
                .await?;
            let Some(row) = tx
                .query_opt(
                    "SELECT horizon FROM announce_horizons WHERE scope = $1",
                    &[&scope],
                )
                .await?
            else {
                return Ok(None);
            };
            let horizon = from_micros(row.try_get(0)?)?;
            let rows = tx
                .query(
                    &format!(
                        "SELECT substr(occurrence, length(CAST($1 AS TEXT)) + 1), data
                         FROM announce_known WHERE {KNOWN_SCOPE} ORDER BY occurrence"
                    ),
                    &[&scope],
                )
                .await?;
            let entries = rows
                .iter()
                .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
                .collect::<Result<Vec<_>, StoreError>>()?;
            tx.commit().await?;
            Ok(Some(KnownOccurrences { horizon, entries }))
        })
    }

    fn announce_scopes(&self) -> StoreFuture<'_, Vec<String>> {
        Box::pin(async move {
            let client = self.client().await?;
            let rows = client
                .query("SELECT scope FROM announce_horizons ORDER BY scope", &[])
                .await?;
            rows.iter()
                .map(|row| Ok(row.try_get(0)?))
                .collect::<Result<Vec<String>, StoreError>>()
        })
    }

    fn save_snapshot<'a>(
        &'a self,
        scope: &'a str,
        known: &'a KnownOccurrences,
    ) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let keys: Vec<String> = known
                .entries
                .iter()
                .map(|(k, _)| format!("{scope}{k}"))
                .collect();
            let data: Vec<&str> = known.entries.iter().map(|(_, d)| d.as_str()).collect();
            let mut client = self.client().await?;
            let tx = client.transaction().await?;
            // The scope's horizon row first: it serializes two replicas saving it at once.
            tx.execute(
                "INSERT INTO announce_horizons (scope, horizon) VALUES ($1, $2)
                 ON CONFLICT (scope) DO UPDATE SET horizon = excluded.horizon",
                &[&scope, &known.horizon.as_microsecond()],
            )
            .await?;
            tx.execute(
                &format!("DELETE FROM announce_known WHERE {KNOWN_SCOPE}"),
                &[&scope],
            )
            .await?;
            tx.execute(
                "INSERT INTO announce_known (occurrence, data)
                 SELECT DISTINCT ON (k) k, d FROM unnest($1::text[], $2::text[]) AS new (k, d)",
                &[&keys, &data],
            )
            .await?;
            tx.commit().await?;
            Ok(())
        })
    }
}

/// An outbox row read in `scope`.
fn read_outbox(row: &tokio_postgres::Row, scope: &str) -> Result<OutboxMessage, StoreError> {
    let attempts: i32 = row.try_get(7)?;
    RawOutbox {
        channel: row.try_get(0)?,
        occurrence: row.try_get(1)?,
        kind: row.try_get(2)?,
        due: row.try_get(3)?,
        expires: row.try_get(4)?,
        payload: row.try_get(5)?,
        state: row.try_get(6)?,
        attempts: i64::from(attempts),
        next_try: row.try_get(8)?,
        last_error: row.try_get(9)?,
        settled_at: row.try_get(10)?,
    }
    .into_message(scope)
}
