//! One store for a whole hub, keyed by community: [`Scoped`] is one community's view of it.
//!
//! Outside calendars, their leases and the revisions of own events are stored under
//! `{community}/{id}`: neither a community id nor a calendar id can hold a `/`
//! (`touchpoint check`), so two communities that follow a calendar under the same id, or
//! publish the same UID, never share a record. The keys are text in the existing tables, so
//! a hub needs no migration; a single community keeps its unprefixed keys.
//!
//! The announcer's outbox and snapshot are kept under the community's scope `{community}/`
//! ([`Store`]'s "Scopes"), so each community's announcer plans, sends and reports its own
//! channels' messages as a single community's does.

use std::sync::Arc;
use std::time::Duration;

use jiff::Timestamp;
use touchpoint_store::{
    Bodies, ChannelHealth, KnownOccurrences, NewCopy, NewMessage, OutboxMessage, Published,
    Revision, Saved, Settle, SourceRecord, Store, StoreFuture,
};

/// One community's view of the hub's store: every key it reads or writes is prefixed with
/// `{community}/`.
pub struct Scoped {
    inner: Arc<dyn Store>,
    prefix: String,
}

impl Scoped {
    /// `community`'s view of `inner`.
    pub fn new(inner: Arc<dyn Store>, community: &str) -> Scoped {
        Scoped {
            inner,
            prefix: key_prefix(community),
        }
    }

    fn key(&self, id: &str) -> String {
        format!("{}{id}", self.prefix)
    }
}

/// What a community's keys start with in the hub's store.
pub fn key_prefix(community: &str) -> String {
    format!("{community}/")
}

/// `records` of the whole hub's store seen by `community`: its own, with their ids unprefixed.
pub fn records_of(records: &[SourceRecord], community: &str) -> Vec<SourceRecord> {
    let prefix = key_prefix(community);
    records
        .iter()
        .filter_map(|r| {
            let id = r.id.strip_prefix(&prefix)?;
            let mut record = r.clone();
            record.id = id.to_owned();
            Some(record)
        })
        .collect()
}

impl Store for Scoped {
    fn get<'a>(&'a self, id: &'a str) -> StoreFuture<'a, Option<SourceRecord>> {
        Box::pin(async move {
            let record = self.inner.get(&self.key(id)).await?;
            Ok(record.map(|mut r| {
                r.id = id.to_owned();
                r
            }))
        })
    }

    fn list(&self, bodies: Bodies) -> StoreFuture<'_, Vec<SourceRecord>> {
        Box::pin(async move {
            let records = self.inner.list(bodies).await?;
            Ok(records
                .into_iter()
                .filter_map(|mut r| {
                    r.id = r.id.strip_prefix(&self.prefix)?.to_owned();
                    Some(r)
                })
                .collect())
        })
    }

    fn save_success<'a>(
        &'a self,
        id: &'a str,
        copy: NewCopy,
        at: Timestamp,
    ) -> StoreFuture<'a, Saved> {
        Box::pin(async move { self.inner.save_success(&self.key(id), copy, at).await })
    }

    fn save_not_modified<'a>(&'a self, id: &'a str, at: Timestamp) -> StoreFuture<'a, ()> {
        Box::pin(async move { self.inner.save_not_modified(&self.key(id), at).await })
    }

    fn save_failure<'a>(
        &'a self,
        id: &'a str,
        error: &'a str,
        at: Timestamp,
    ) -> StoreFuture<'a, u32> {
        Box::pin(async move { self.inner.save_failure(&self.key(id), error, at).await })
    }

    fn remove<'a>(&'a self, id: &'a str) -> StoreFuture<'a, bool> {
        Box::pin(async move { self.inner.remove(&self.key(id)).await })
    }

    fn try_lease<'a>(
        &'a self,
        id: &'a str,
        holder: &'a str,
        ttl: Duration,
    ) -> StoreFuture<'a, bool> {
        Box::pin(async move { self.inner.try_lease(&self.key(id), holder, ttl).await })
    }

    fn release_lease<'a>(&'a self, id: &'a str, holder: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async move { self.inner.release_lease(&self.key(id), holder).await })
    }

    fn revise<'a>(
        &'a self,
        published: &'a [Published],
        at: Timestamp,
    ) -> StoreFuture<'a, Vec<Revision>> {
        Box::pin(async move {
            let keyed = self.keyed(published);
            self.inner.revise(&keyed, at).await
        })
    }

    fn revisions<'a>(
        &'a self,
        published: &'a [Published],
        at: Timestamp,
    ) -> StoreFuture<'a, Vec<Revision>> {
        Box::pin(async move {
            let keyed = self.keyed(published);
            self.inner.revisions(&keyed, at).await
        })
    }

    fn enqueue<'a>(&'a self, scope: &'a str, messages: &'a [NewMessage]) -> StoreFuture<'a, usize> {
        Box::pin(async move { self.inner.enqueue(&self.key(scope), messages).await })
    }

    fn due_messages<'a>(
        &'a self,
        scope: &'a str,
        now: Timestamp,
        limit: usize,
    ) -> StoreFuture<'a, Vec<OutboxMessage>> {
        Box::pin(async move { self.inner.due_messages(&self.key(scope), now, limit).await })
    }

    fn settle<'a>(
        &'a self,
        scope: &'a str,
        key: (&'a str, &'a str, &'a str),
        outcome: Settle,
        at: Timestamp,
    ) -> StoreFuture<'a, ()> {
        Box::pin(async move { self.inner.settle(&self.key(scope), key, outcome, at).await })
    }

    fn outbox<'a>(&'a self, scope: &'a str) -> StoreFuture<'a, Vec<OutboxMessage>> {
        Box::pin(async move { self.inner.outbox(&self.key(scope)).await })
    }

    fn channel_health<'a>(&'a self, scope: &'a str) -> StoreFuture<'a, Vec<ChannelHealth>> {
        Box::pin(async move { self.inner.channel_health(&self.key(scope)).await })
    }

    /// Every scope's: what expired a week ago can never be planned again, whoever planned it.
    fn prune_outbox(&self, before: Timestamp) -> StoreFuture<'_, usize> {
        self.inner.prune_outbox(before)
    }

    fn snapshot<'a>(&'a self, scope: &'a str) -> StoreFuture<'a, Option<KnownOccurrences>> {
        Box::pin(async move { self.inner.snapshot(&self.key(scope)).await })
    }

    /// The scopes under this community's, without its prefix.
    fn announce_scopes(&self) -> StoreFuture<'_, Vec<String>> {
        Box::pin(async move {
            let scopes = self.inner.announce_scopes().await?;
            Ok(scopes
                .into_iter()
                .filter_map(|s| s.strip_prefix(&self.prefix).map(str::to_owned))
                .collect())
        })
    }

    fn save_snapshot<'a>(
        &'a self,
        scope: &'a str,
        known: &'a KnownOccurrences,
    ) -> StoreFuture<'a, ()> {
        Box::pin(async move { self.inner.save_snapshot(&self.key(scope), known).await })
    }
}

impl Scoped {
    fn keyed(&self, published: &[Published]) -> Vec<Published> {
        published
            .iter()
            .map(|p| Published {
                key: self.key(&p.key),
                fingerprint: p.fingerprint,
            })
            .collect()
    }
}
