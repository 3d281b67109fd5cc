//! What to send, and when: pure planning from the compiled calendar and an injected "now".
//!
//! Each round [`plan`] lists every message due at `now`, whether or not an earlier round planned
//! it already: the caller's outbox is keyed by (channel, occurrence, kind) and keeps the first
//! copy of each key, so planning is idempotent and a restart sends nothing twice.
//!
//! - **Reminders**: for each lead (24 h and 1 h by default), an occurrence starting within the
//!   lead gets one reminder, due `lead` before its start. Only the nearest lead already due is
//!   planned (a meeting added 30 minutes ahead gets its "1 hour" reminder, not also the "24
//!   hours" one), and a reminder expires when the next nearer one falls due, or at the start:
//!   a message more than its lead late is dropped, never sent. The kind holds the start
//!   instant, so a moved meeting is reminded at its new time.
//! - **Changes**: the occurrences of the coming days are compared with the [`Snapshot`] the
//!   previous round kept (the caller stores it). An occurrence cancelled (or gone from its
//!   calendar), moved, or added within a channel's `changes_days` gets one notice, due at once.
//!   "Added" needs the previous snapshot to have covered that time, so an occurrence that merely
//!   comes into view as days pass is not news; with no snapshot yet (the first round ever)
//!   nothing is a change. An outside calendar without a good copy is not compared (its
//!   occurrences did not vanish; the copy did not come).
//! - **Digest**: a channel with `digest = "monday 09:00"` gets, at that local time (community
//!   zone) each week, the week's occurrences; it expires a day later.

use std::collections::HashMap;

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ToSpan};
use serde::{Deserialize, Serialize};
use touchpoint_community::{Announce, JoinVisibility};
use touchpoint_site::{Filter, Item, Origin, Site, paths};

/// One occurrence as messages show it, owned, so it can be kept (in the snapshot, in the
/// outbox) after the site it came from is gone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    /// Stable across edits that move it: the UID, and for an instance of a recurring event its
    /// original start (UTC).
    pub key: String,
    /// The event's UID.
    pub uid: String,
    /// The instance's original start, for an instance of a recurring event.
    pub recurrence_id: Option<Timestamp>,
    /// The title.
    pub title: String,
    /// The community's series it belongs to.
    pub series: Option<String>,
    /// That series' group.
    pub group: Option<String>,
    /// The outside calendar it comes from.
    pub source: Option<String>,
    /// Start.
    pub start: Timestamp,
    /// End.
    pub end: Timestamp,
    /// For an all-day occurrence, its date (start and end are then the community zone's
    /// midnights).
    pub all_day: Option<Date>,
    /// Whether it is cancelled.
    pub cancelled: bool,
    /// Why, when the community file says.
    pub cancel_reason: Option<String>,
    /// The page that shows it, absolute (every visitor sees it in their own zone there); `None`
    /// when the site's public address is unknown.
    pub page: Option<String>,
    /// The agenda link.
    pub agenda: Option<String>,
    /// Where to join: the public join link; in a reminder due inside a near-start window, the
    /// near-start link ([`Occurrence::near_start`]).
    pub join: Option<String>,
    /// Where to register for the join link, when the meeting shares it by registration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub register: Option<String>,
    /// A near-start join link and how long before the start it may be shown. Never kept (not
    /// in the snapshot, not in a message): [`plan`] moves it into `join` of a reminder due
    /// inside the window, and drops it everywhere else.
    #[serde(skip)]
    pub near_start: Option<(String, SignedDuration)>,
    /// Plain-text description.
    pub description: Option<String>,
}

impl Occurrence {
    /// The occurrence of `item`, with absolute links from `site`.
    pub fn of(site: &Site, item: &Item<'_>) -> Occurrence {
        let zone = &site.default_tz().zone;
        let recurrence_id = item.recurrence_id.as_ref().map(|rid| rid.instant(zone));
        let key = match recurrence_id {
            Some(rid) => format!("{} {}", item.event.uid, utc(rid)),
            None => item.event.uid.clone(),
        };
        let (series, group, source, agenda) = match item.origin {
            Origin::Series(series) => {
                let date = item.recurrence_id.as_ref().unwrap_or(&item.start).civil();
                let agenda = series
                    .exception_for(date.date())
                    .and_then(|e| e.agenda.clone())
                    .or_else(|| series.agenda.clone());
                (Some(series.id.clone()), series.group.clone(), None, agenda)
            }
            Origin::Source(source) => (None, None, Some(source.decl.id.clone()), None),
        };
        let path = match &series {
            Some(id) => paths::series(id),
            None => {
                let date = zone.to_datetime(item.start_at).date().to_string();
                paths::calendar().with_query([("view", "agenda"), ("date", date.as_str())])
            }
        };
        let page = site.absolute(&path).or_else(|| {
            let base = site.community.info.url.as_deref()?;
            Some(format!("{}{path}", base.trim_end_matches('/')))
        });
        Occurrence {
            key,
            uid: item.event.uid.clone(),
            recurrence_id,
            title: item.title().to_owned(),
            series,
            group,
            source,
            start: item.start_at,
            end: item.end_at,
            all_day: item.all_day().then(|| item.start.civil().date()),
            cancelled: item.cancelled(),
            cancel_reason: item.cancel_reason().map(str::to_owned),
            page,
            agenda: agenda.filter(|url| touchpoint_site::safe_url(url)),
            join: item.join_url(),
            register: item.register_url().map(str::to_owned),
            near_start: match item.join_policy().visibility {
                JoinVisibility::NearStart => site
                    .unpublished_join_url(item)
                    .map(|link| (link, item.join_policy().near_start)),
                _ => None,
            },
            description: item.description().map(str::to_owned),
        }
    }

    /// Whether `channel`'s filters let this occurrence through: with `series` or `groups`
    /// set, only those series; else every series, and the outside calendars `calendars`
    /// names (all when empty).
    pub fn wanted_by(&self, channel: &Announce) -> bool {
        let narrowed = !channel.series.is_empty() || !channel.groups.is_empty();
        match (&self.series, &self.source) {
            (Some(series), _) => {
                (channel.series.is_empty() || channel.series.contains(series))
                    && (channel.groups.is_empty()
                        || self
                            .group
                            .as_ref()
                            .is_some_and(|g| channel.groups.contains(g)))
            }
            (None, Some(source)) => {
                !narrowed && (channel.calendars.is_empty() || channel.calendars.contains(source))
            }
            (None, None) => !narrowed,
        }
    }
}

/// What changed about an occurrence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// Cancelled, or gone from its calendar.
    Cancelled,
    /// Moved from `from` (its start before) to the occurrence's start.
    Moved {
        /// The start before.
        from: Timestamp,
    },
    /// New within the coming days (an extra meeting, or a cancellation undone).
    Added,
}

impl Change {
    /// The word in the outbox key.
    fn word(&self) -> &'static str {
        match self {
            Change::Cancelled => "cancelled",
            Change::Moved { .. } => "moved",
            Change::Added => "added",
        }
    }
}

/// What a message says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Content {
    /// A meeting starts soon.
    Reminder {
        /// Which one.
        occurrence: Occurrence,
        /// The lead it was planned for.
        lead: SignedDuration,
    },
    /// A meeting was cancelled, moved or added.
    Change {
        /// Which one, as it is now (as it was, for one gone from its calendar).
        occurrence: Occurrence,
        /// What changed.
        change: Change,
    },
    /// This week's meetings.
    Digest {
        /// The first day of the week covered (the digest's day, community zone).
        week: Date,
        /// The occurrences, in start order.
        occurrences: Vec<Occurrence>,
    },
}

/// One message to one channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// The hub community it is of (`None`: a single community's, and what [`plan()`] gives;
    /// the caller sets it). Part of what identifies the message to the channel (the Matrix
    /// transaction id, the email's Message-ID, the webhook's `id`), so two communities posting
    /// to one room, list or endpoint each have theirs received.
    pub community: Option<String>,
    /// The channel's id.
    pub channel: String,
    /// The occurrence's key (`digest` for a digest).
    pub occurrence: String,
    /// What kind of message, with what makes it unique: `reminder 1h 2026-12-03T15:00:00Z`,
    /// `moved 2026-12-04T15:00:00Z`, `week 2026-11-30`.
    pub kind: String,
    /// When it should go out.
    pub due: Timestamp,
    /// When it is too late to send (logged and dropped then).
    pub expires: Timestamp,
    /// What it says.
    pub content: Content,
}

/// The occurrences known at one round, for the next round to compare with.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The end of the time the snapshot covers: occurrences starting before it are all in it.
    pub horizon: Timestamp,
    /// The occurrences starting from the round's "now" to the horizon.
    pub occurrences: Vec<Occurrence>,
}

/// What one round plans.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The messages due at "now", already sent or not (the outbox knows).
    pub messages: Vec<Message>,
    /// The snapshot to keep for the next round.
    pub snapshot: Snapshot,
}

/// Plan the round at `now` for `channels` (see the module documentation). `previous` is the
/// snapshot the last round kept, `None` on the first round ever.
pub fn plan(
    site: &Site,
    channels: &[Announce],
    now: Timestamp,
    previous: Option<&Snapshot>,
) -> Plan {
    let zone = site.default_tz().zone.clone();
    let longest_lead = channels
        .iter()
        .flat_map(|c| c.leads.iter().copied())
        .max()
        .unwrap_or(SignedDuration::ZERO);
    let changes_days = channels
        .iter()
        .filter(|c| c.changes)
        .map(|c| i64::from(c.changes_days))
        .max()
        .unwrap_or(0);
    // Twice the change window, so that a move out of the window is seen as a move, not as a
    // cancellation.
    let horizon = plus(now, SignedDuration::from_hours(48 * changes_days.max(1)));
    let until = horizon.max(plus(now, longest_lead));
    let items = site.items(minus(now, longest_lead), until, &zone, &Filter::default());
    let current: Vec<Occurrence> = items.iter().map(|i| Occurrence::of(site, i)).collect();
    let mut messages = Vec::new();
    for channel in channels {
        reminders(channel, &current, now, &mut messages);
        if channel.changes
            && let Some(previous) = previous
        {
            changes(site, channel, previous, &current, now, &mut messages);
        }
        if let Some(digest) = channel.digest {
            weekly(site, channel, digest, now, &zone, &mut messages);
        }
    }
    let snapshot = Snapshot {
        horizon,
        occurrences: current
            .into_iter()
            .filter(|o| o.start >= now && o.start < horizon)
            .collect(),
    };
    Plan { messages, snapshot }
}

fn reminders(channel: &Announce, current: &[Occurrence], now: Timestamp, out: &mut Vec<Message>) {
    let mut leads = channel.leads.clone();
    leads.sort();
    leads.dedup();
    for occurrence in current {
        if occurrence.cancelled || !occurrence.wanted_by(channel) || occurrence.start <= now {
            continue;
        }
        // The nearest lead already due; it expires when the next nearer one is due, or at
        // the start.
        let Some(index) = leads
            .iter()
            .position(|lead| minus(occurrence.start, *lead) <= now)
        else {
            continue;
        };
        let lead = leads[index];
        let expires = match index.checked_sub(1) {
            Some(nearer) => minus(occurrence.start, leads[nearer]),
            None => occurrence.start,
        };
        out.push(Message {
            community: None,
            channel: channel.id.clone(),
            occurrence: occurrence.key.clone(),
            kind: format!("reminder {} {}", lead_name(lead), utc(occurrence.start)),
            due: minus(occurrence.start, lead),
            expires,
            content: Content::Reminder {
                occurrence: reminded(occurrence, lead),
                lead,
            },
        });
    }
}

/// `occurrence` as a reminder `lead` before its start shows it: with its near-start join link
/// when the reminder is due inside the window (`lead` at most the window: whenever it is sent,
/// between its due time and the start, the pages show the link too), else without.
fn reminded(occurrence: &Occurrence, lead: SignedDuration) -> Occurrence {
    let mut occurrence = occurrence.clone();
    if let Some((link, window)) = occurrence.near_start.take()
        && lead <= window
    {
        occurrence.join = Some(link);
    }
    occurrence
}

fn changes(
    site: &Site,
    channel: &Announce,
    previous: &Snapshot,
    current: &[Occurrence],
    now: Timestamp,
    out: &mut Vec<Message>,
) {
    let window_end = plus(
        now,
        SignedDuration::from_hours(24 * i64::from(channel.changes_days)),
    );
    let within = |t: Timestamp| t >= now && t < window_end;
    let before: HashMap<&str, &Occurrence> = previous
        .occurrences
        .iter()
        .map(|o| (o.key.as_str(), o))
        .collect();
    let after: HashMap<&str, &Occurrence> = current.iter().map(|o| (o.key.as_str(), o)).collect();
    let mut notice = |occurrence: &Occurrence, change: Change| {
        if !occurrence.wanted_by(channel) {
            return;
        }
        out.push(Message {
            community: None,
            channel: channel.id.clone(),
            occurrence: occurrence.key.clone(),
            kind: format!("{} {}", change.word(), utc(occurrence.start)),
            due: now,
            // A notice about a meeting that has begun is no use.
            expires: occurrence.start.max(now),
            content: Content::Change {
                occurrence: occurrence.clone(),
                change,
            },
        });
    };
    for now_known in current {
        match before.get(now_known.key.as_str()) {
            Some(was) => {
                if now_known.cancelled && !was.cancelled && within(now_known.start) {
                    notice(now_known, Change::Cancelled);
                } else if !now_known.cancelled && was.cancelled && within(now_known.start) {
                    notice(now_known, Change::Added);
                } else if !now_known.cancelled
                    && now_known.start != was.start
                    && now_known.start >= now
                    && (within(now_known.start) || within(was.start))
                {
                    notice(now_known, Change::Moved { from: was.start });
                }
            }
            None => {
                if !now_known.cancelled
                    && within(now_known.start)
                    && now_known.start < previous.horizon
                {
                    notice(now_known, Change::Added);
                }
            }
        }
    }
    for was in &previous.occurrences {
        if was.cancelled || after.contains_key(was.key.as_str()) || !within(was.start) {
            continue;
        }
        let source_copy = match &was.source {
            None => true,
            Some(id) => site
                .sources
                .iter()
                .any(|s| &s.decl.id == id && s.calendar.is_some()),
        };
        if source_copy {
            let mut gone = was.clone();
            gone.cancelled = true;
            notice(&gone, Change::Cancelled);
        }
    }
}

fn weekly(
    site: &Site,
    channel: &Announce,
    (weekday, time): (jiff::civil::Weekday, jiff::civil::Time),
    now: Timestamp,
    zone: &TimeZone,
    out: &mut Vec<Message>,
) {
    let today = zone.to_datetime(now).date();
    let back = i64::from(today.weekday().since(weekday));
    let Ok(day) = today.checked_sub(back.days()) else {
        return;
    };
    let mut due = touchpoint_calendar::wall_to_instant(zone, DateTime::from_parts(day, time));
    if due > now {
        let Ok(earlier) = day.checked_sub(7.days()) else {
            return;
        };
        due = touchpoint_calendar::wall_to_instant(zone, DateTime::from_parts(earlier, time));
    }
    let expires = plus(due, SignedDuration::from_hours(24));
    if now >= expires {
        return;
    }
    let week = zone.to_datetime(due).date();
    let end = plus(due, SignedDuration::from_hours(7 * 24));
    let occurrences: Vec<Occurrence> = site
        .items(due, end, zone, &Filter::default())
        .iter()
        .filter(|item| item.start_at >= due)
        .map(|item| Occurrence::of(site, item))
        .filter(|o| o.wanted_by(channel))
        .collect();
    if occurrences.is_empty() {
        return;
    }
    out.push(Message {
        community: None,
        channel: channel.id.clone(),
        occurrence: "digest".to_owned(),
        kind: format!("week {week}"),
        due,
        expires,
        content: Content::Digest { week, occurrences },
    });
}

/// A lead as people write it: `24h`, `1h`, `90m`, `2d`.
pub fn lead_name(lead: SignedDuration) -> String {
    let minutes = lead.as_secs().unsigned_abs() / 60;
    if minutes.is_multiple_of(24 * 60) && minutes >= 48 * 60 {
        format!("{}d", minutes / (24 * 60))
    } else if minutes.is_multiple_of(60) {
        format!("{}h", minutes / 60)
    } else {
        format!("{minutes}m")
    }
}

/// An instant in UTC to the second: `2026-12-03T15:00:00Z`.
pub(crate) fn utc(at: Timestamp) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// `at + by`, at the end of the representable range rather than failing.
pub(crate) fn plus(at: Timestamp, by: SignedDuration) -> Timestamp {
    at.checked_add(by).unwrap_or(if by.is_negative() {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    })
}

/// `at - by`, at the end of the representable range rather than failing.
pub(crate) fn minus(at: Timestamp, by: SignedDuration) -> Timestamp {
    plus(at, -by)
}
