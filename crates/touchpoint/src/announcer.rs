//! Sending the community's announcements (issue 18): once for `touchpoint announce`, and every
//! tick in the background for `touchpoint serve`.
//!
//! One round, holding the announce lease (so that of several replicas on one PostgreSQL store
//! exactly one sends; the embedded store always grants it):
//!
//! 1. plan the messages due now from the site being served and the snapshot of occurrences the
//!    previous round kept ([`touchpoint_announce::plan()`]);
//! 2. put them in the store's outbox, keyed by (channel, occurrence, kind): a key already there
//!    is left alone, so a restart, a second replica or a second `touchpoint announce` with the
//!    same "now" adds nothing; then keep the new snapshot;
//! 3. send what the outbox holds due, each channel on its own (a failing or slow channel never
//!    holds up the others), recording each outcome: sent; failed, retried with exponential
//!    backoff (30 s doubling to 30 min) until it expires; or dropped when it is more than its
//!    lead late (or its channel was removed), with a log line saying so.
//!
//! **At most one duplicate.** A message is recorded as sent after the channel accepted it; a
//! process killed between the two sends it again on the next round, once (the retry is then
//! recorded). Matrix and email receivers deduplicate even that one (a transaction id and a
//! Message-ID derived from the key); Slack, Discord and webhooks may show it twice. A round
//! stops sending when half the lease has passed, so a replica whose lease lapsed cannot send
//! beside the one that took it over.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use jiff::{SignedDuration, Timestamp};
use touchpoint_announce::format::Layout;
use touchpoint_announce::send::{Secrets, Sender};
use touchpoint_announce::{Content, Message, Occurrence, Snapshot, plan};
use touchpoint_community::Announce;
use touchpoint_site::Site;
use touchpoint_store::{KnownOccurrences, NewMessage, OutboxMessage, Settle, Store};

/// The scope the announcer keeps its outbox and snapshot in, on the store it is given
/// ([`Store`]'s "Scopes"): the store's own. A hub gives each community's announcer that
/// community's view of its store (`hub::scoped::Scoped`), which keeps them under
/// `{community}/`.
const SCOPE: &str = "";

/// The lease id the sending replica holds (a `[[calendars]]` id cannot start with `@`).
pub const LEASE_ID: &str = "@announce";

/// The announcer's timing. [`Tuning::default`] is what production uses.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tuning {
    /// How often `serve` runs a round. Default 30 s.
    pub tick: Duration,
    /// How long the announce lease lasts; a round sends for at most half of it. Default 2 min.
    pub lease: Duration,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            tick: Duration::from_secs(30),
            lease: Duration::from_secs(120),
        }
    }
}

/// The hidden environment variable setting [`Tuning::tick`] (tests: `200ms`).
pub const TICK_VAR: &str = "TOUCHPOINT_ANNOUNCE_TICK";

/// The hidden environment variable setting [`Tuning::lease`] (tests: a sender killed mid-round
/// leaves its lease behind, which a test would otherwise wait two minutes for).
pub const LEASE_VAR: &str = "TOUCHPOINT_ANNOUNCE_LEASE";

impl Tuning {
    /// The defaults, with [`TICK_VAR`] and [`LEASE_VAR`] when set (positive durations such as
    /// `1s`).
    pub fn from_env() -> anyhow::Result<Tuning> {
        let defaults = Tuning::default();
        Ok(Tuning {
            tick: duration_var(TICK_VAR)?.unwrap_or(defaults.tick),
            lease: duration_var(LEASE_VAR)?.unwrap_or(defaults.lease),
        })
    }
}

/// The positive duration in the environment variable `var`, if set.
fn duration_var(var: &str) -> anyhow::Result<Option<Duration>> {
    let Ok(text) = std::env::var(var) else {
        return Ok(None);
    };
    let value: SignedDuration = text
        .trim()
        .parse()
        .with_context(|| format!("{var}={text:?} is not a duration such as 5s"))?;
    anyhow::ensure!(value.is_positive(), "{var}={text:?} must be more than zero");
    Ok(Duration::try_from(value).ok())
}

/// What one round did, per message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Messages planned that were new to the outbox.
    pub enqueued: usize,
    /// (channel, occurrence, kind) sent.
    pub sent: Vec<(String, String, String)>,
    /// (channel, occurrence, kind, why) failed, to be retried.
    pub failed: Vec<(String, String, String, String)>,
    /// (channel, occurrence, kind, why) dropped.
    pub dropped: Vec<(String, String, String, String)>,
}

/// How a round sends: the senders, where secrets are looked up, and the hub community the
/// messages are of (`None` for a single community): part of each message's id at the channel
/// ([`touchpoint_announce::Message::community`]).
pub struct Sending<'a> {
    /// The channels' senders.
    pub sender: &'a Sender,
    /// Where the community file's `*_env` names are looked up ([`environment`]).
    pub secrets: &'a Secrets,
    /// The hub community's id, or `None` for a single community.
    pub community: Option<&'a str>,
}

/// The process environment, where the community file's `*_env` names are looked up.
pub fn environment() -> Box<Secrets> {
    Box::new(|name: &str| std::env::var(name).ok())
}

/// One round at `now` (see the module documentation); the caller holds the lease.
pub async fn round(
    site: &Site,
    store: &dyn Store,
    sending: &Sending<'_>,
    now: Timestamp,
    tuning: &Tuning,
) -> anyhow::Result<Report> {
    let channels = &site.community.announce;
    let mut report = Report::default();
    if channels.is_empty() {
        return Ok(report);
    }
    let started = Instant::now();
    let previous = load_snapshot(store).await?;
    let planned = plan(site, channels, now, previous.as_ref());
    let new: Vec<NewMessage> = planned
        .messages
        .iter()
        .map(to_outbox)
        .collect::<anyhow::Result<_>>()?;
    report.enqueued = store
        .enqueue(SCOPE, &new)
        .await
        .context("cannot add to the outbox")?;
    save_snapshot(store, &planned.snapshot).await?;
    let due = store
        .due_messages(SCOPE, now, 1000)
        .await
        .context("cannot read the outbox")?;
    let mut by_channel: BTreeMap<String, Vec<OutboxMessage>> = BTreeMap::new();
    for message in due {
        by_channel
            .entry(message.message.channel.clone())
            .or_default()
            .push(message);
    }
    let deadline = started + tuning.lease / 2;
    let runs = by_channel.into_iter().map(|(id, messages)| {
        let channel = channels.iter().find(|c| c.id == id);
        send_channel(channel, messages, store, sending, now, deadline)
    });
    for outcome in futures_util::future::join_all(runs).await {
        report.sent.extend(outcome.sent);
        report.failed.extend(outcome.failed);
        report.dropped.extend(outcome.dropped);
    }
    // Settled messages that expired a week ago can never be planned again.
    let week_ago = now
        .checked_sub(SignedDuration::from_hours(7 * 24))
        .unwrap_or(now);
    store
        .prune_outbox(week_ago)
        .await
        .context("cannot prune the outbox")?;
    Ok(report)
}

/// Send one channel's due messages in order, recording each outcome; stop at its first failure
/// (the rest wait for the retry) or at the deadline.
async fn send_channel(
    channel: Option<&Announce>,
    messages: Vec<OutboxMessage>,
    store: &dyn Store,
    sending: &Sending<'_>,
    now: Timestamp,
    deadline: Instant,
) -> Report {
    let mut report = Report::default();
    for outbox in messages {
        let m = &outbox.message;
        // The channel as the log names it: `{community}/{channel}` on a hub.
        let shown = match sending.community {
            Some(community) => format!("{community}/{}", m.channel),
            None => m.channel.clone(),
        };
        let key = (m.channel.as_str(), m.occurrence.as_str(), m.kind.as_str());
        let owned = || (m.channel.clone(), m.occurrence.clone(), m.kind.clone());
        let drop_reason = match channel {
            None => Some("its channel is no longer in the community file".to_owned()),
            Some(_) if now >= m.expires => Some(format!(
                "more than its lead late (due {}, too late from {}, now {now})",
                m.due, m.expires
            )),
            Some(_) => None,
        };
        if let Some(reason) = drop_reason {
            tracing::warn!(channel = %shown, occurrence = %m.occurrence, kind = %m.kind,
                "announcement dropped: {reason}");
            record(
                store,
                key,
                Settle::Dropped {
                    reason: reason.clone(),
                },
                now,
            )
            .await;
            let (c, o, k) = owned();
            report.dropped.push((c, o, k, reason));
            continue;
        }
        let Some(channel) = channel else { continue };
        if Instant::now() >= deadline {
            break;
        }
        let message = match from_outbox(m, sending.community) {
            Ok(message) => message,
            Err(err) => {
                let reason = format!("unreadable outbox payload: {err:#}");
                record(
                    store,
                    key,
                    Settle::Dropped {
                        reason: reason.clone(),
                    },
                    now,
                )
                .await;
                let (c, o, k) = owned();
                report.dropped.push((c, o, k, reason));
                continue;
            }
        };
        match sending
            .sender
            .send(channel, &message, now, sending.secrets)
            .await
        {
            Ok(()) => {
                tracing::info!(channel = %shown, occurrence = %m.occurrence, kind = %m.kind,
                    "announcement sent");
                record(store, key, Settle::Sent, now).await;
                report.sent.push(owned());
            }
            Err(err) => {
                let retry_at = now
                    .checked_add(backoff(outbox.attempts))
                    .unwrap_or(Timestamp::MAX);
                tracing::warn!(channel = %shown, occurrence = %m.occurrence, kind = %m.kind,
                    attempts = outbox.attempts + 1, "announcement failed, retrying from {retry_at}: {err}");
                let error = err.to_string();
                record(
                    store,
                    key,
                    Settle::Failed {
                        error: error.clone(),
                        retry_at,
                    },
                    now,
                )
                .await;
                let (c, o, k) = owned();
                report.failed.push((c, o, k, error));
                break;
            }
        }
    }
    report
}

async fn record(store: &dyn Store, key: (&str, &str, &str), outcome: Settle, now: Timestamp) {
    if let Err(err) = store.settle(SCOPE, key, outcome, now).await {
        // Sent but not recorded: the next round sends it again (the one duplicate documented).
        tracing::warn!("cannot record an announcement's outcome: {err}");
    }
}

/// 30 s after the first failure, doubling, at most 30 minutes.
pub fn backoff(attempts_before: u32) -> SignedDuration {
    let seconds = 30i64.saturating_mul(1 << attempts_before.min(6));
    SignedDuration::from_secs(seconds.min(30 * 60))
}

fn to_outbox(message: &Message) -> anyhow::Result<NewMessage> {
    Ok(NewMessage {
        channel: message.channel.clone(),
        occurrence: message.occurrence.clone(),
        kind: message.kind.clone(),
        due: message.due,
        expires: message.expires,
        payload: serde_json::to_string(&message.content)?,
    })
}

fn from_outbox(m: &NewMessage, community: Option<&str>) -> anyhow::Result<Message> {
    Ok(Message {
        community: community.map(str::to_owned),
        channel: m.channel.clone(),
        occurrence: m.occurrence.clone(),
        kind: m.kind.clone(),
        due: m.due,
        expires: m.expires,
        content: serde_json::from_str::<Content>(&m.payload)?,
    })
}

async fn load_snapshot(store: &dyn Store) -> anyhow::Result<Option<Snapshot>> {
    let Some(known) = store
        .snapshot(SCOPE)
        .await
        .context("cannot read the announce snapshot")?
    else {
        return Ok(None);
    };
    let occurrences = known
        .entries
        .iter()
        .filter_map(|(_, data)| serde_json::from_str::<Occurrence>(data).ok())
        .collect();
    Ok(Some(Snapshot {
        horizon: known.horizon,
        occurrences,
    }))
}

async fn save_snapshot(store: &dyn Store, snapshot: &Snapshot) -> anyhow::Result<()> {
    let entries = snapshot
        .occurrences
        .iter()
        .map(|o| Ok((o.key.clone(), serde_json::to_string(o)?)))
        .collect::<anyhow::Result<Vec<_>>>()?;
    store
        .save_snapshot(
            SCOPE,
            &KnownOccurrences {
                horizon: snapshot.horizon,
                entries,
            },
        )
        .await
        .context("cannot keep the announce snapshot")
}

/// Refuse a single community's announcing on a store that keeps a hub's (a member file run on
/// its own against its hub's store, by mistake): its messages would go out again, with links
/// outside the community's prefix. The hub's own are safe either way (their scopes,
/// [`Store`]'s "Scopes").
pub async fn refuse_a_hubs_store(store: &dyn Store) -> anyhow::Result<()> {
    let scopes = store
        .announce_scopes()
        .await
        .context("cannot read the announce snapshots")?;
    let hub: Vec<&str> = scopes.iter().filter_map(|s| s.strip_suffix('/')).collect();
    anyhow::ensure!(
        hub.is_empty(),
        "this store keeps the announcements of a hub's communities ({}): announce with the hub \
         (`--config HUB`), not with one community file alone, which would send its messages again",
        hub.join(", ")
    );
    Ok(())
}

/// What `touchpoint announce --dry-run` prints: each message planned at `now` that the outbox
/// does not hold yet, with when it is due, its channel and its text. Writes nothing.
pub async fn dry_run(site: &Site, store: &dyn Store, now: Timestamp) -> anyhow::Result<String> {
    let channels = &site.community.announce;
    let previous = load_snapshot(store).await?;
    let planned = plan(site, channels, now, previous.as_ref());
    let known: std::collections::HashSet<(String, String, String)> = store
        .outbox(SCOPE)
        .await
        .context("cannot read the outbox")?
        .into_iter()
        .map(|m| (m.message.channel, m.message.occurrence, m.message.kind))
        .collect();
    let mut out = String::new();
    for message in &planned.messages {
        let key = (
            message.channel.clone(),
            message.occurrence.clone(),
            message.kind.clone(),
        );
        if known.contains(&key) {
            continue;
        }
        let Some(channel) = channels.iter().find(|c| c.id == message.channel) else {
            continue;
        };
        let late = now >= message.expires;
        out.push_str(&format!(
            "== {} {} ({}) due {}{}\n",
            channel.id,
            message.kind,
            channel.target.kind(),
            message.due,
            if late {
                " — too late, would be dropped"
            } else {
                ""
            }
        ));
        out.push_str(&Layout::of(channel, message, now).plain());
        out.push('\n');
    }
    if out.is_empty() {
        out.push_str("nothing to send\n");
    }
    Ok(out)
}

/// Hand the channels' health in the store's outbox to the server's `/health` page. Every
/// replica does this, the one sending or not.
async fn show_health(state: &crate::server::AppState, store: &dyn Store) {
    match store.channel_health(SCOPE).await {
        Ok(health) => state.set_channels(
            health
                .into_iter()
                .map(|h| touchpoint_site::ChannelStatus {
                    channel: h.channel,
                    last_sent: h.last_sent,
                    last_error: h.last_error,
                    pending: h.pending,
                })
                .collect(),
        ),
        Err(err) => tracing::debug!("cannot read the announcement channels' health: {err}"),
    }
}

/// The background loop of `touchpoint serve`: a round every tick while this replica holds the
/// announce lease, on the site being served. Errors are logged and the next tick tries again.
pub async fn run(
    state: crate::server::AppState,
    store: Arc<dyn Store>,
    holder: String,
    tuning: Tuning,
    base: Option<std::path::PathBuf>,
    community: Option<String>,
) {
    if state.site().community.announce.is_empty() {
        return;
    }
    if community.is_none()
        && let Err(err) = refuse_a_hubs_store(&*store).await
    {
        tracing::error!("not announcing: {err:#}");
        return;
    }
    let sender = match Sender::new(base.as_deref()) {
        Ok(sender) => sender,
        Err(err) => {
            tracing::error!("cannot start the announcer: {err}");
            return;
        }
    };
    let secrets = environment();
    loop {
        show_health(&state, &*store).await;
        match store.try_lease(LEASE_ID, &holder, tuning.lease).await {
            Ok(true) => {
                let site = state.site();
                let now = Timestamp::now();
                let sending = Sending {
                    sender: &sender,
                    secrets: &*secrets,
                    community: community.as_deref(),
                };
                if let Err(err) = round(&site, &*store, &sending, now, &tuning).await {
                    tracing::warn!("announcements: {err:#}");
                }
            }
            Ok(false) => tracing::debug!("another replica sends the announcements"),
            Err(err) => tracing::debug!("cannot take the announce lease: {err}"),
        }
        tokio::time::sleep(tuning.tick).await;
    }
}
