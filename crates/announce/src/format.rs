//! One message as its channel wants it. Pure: the caller gives "now" (for "starts in 55
//! minutes") and the channel (for its zones).
//!
//! Every message is first laid out once, channel-neutral ([`Layout`]: a headline and entries,
//! each with a title, the time in UTC and the channel's zones, a note, links), then written in
//! each channel's markup, with that markup's escaping: Slack mrkdwn in blocks, a Discord embed
//! (mentions disabled), Matrix HTML with a plain body, an email's text and HTML parts, and the
//! generic webhook's JSON (schema in docs/announcements.md).

use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde_json::{Value, json};
use touchpoint_calendar::write::write;
use touchpoint_calendar::{Calendar, End, Event, Status, Time, Tz};
use touchpoint_community::{Announce, Target};

use crate::plan::{Change, Content, Message, Occurrence, lead_name, utc};

/// Most entries a digest lists in one message (Slack takes 50 blocks, Discord 4,096 characters
/// of embed text); the rest are counted.
const DIGEST_LIMIT: usize = 40;

/// A message written for its channel.
#[derive(Clone, Debug, PartialEq)]
pub enum Rendered {
    /// A JSON body to POST (Slack, Discord, the generic webhook).
    Json(Value),
    /// A Matrix `m.room.message`: the plain body and its HTML form.
    Matrix {
        /// Plain text, for clients without HTML.
        body: String,
        /// `org.matrix.custom.html`.
        html: String,
    },
    /// An email.
    Email {
        /// The subject line.
        subject: String,
        /// The text/plain part.
        text: String,
        /// The text/html part.
        html: String,
        /// The occurrence as iCalendar (METHOD:PUBLISH), for a message about one occurrence.
        ics: Option<String>,
    },
}

/// `message` written for `channel`'s kind, at `now`, with times in UTC and the channel's zones.
pub fn render(channel: &Announce, message: &Message, now: Timestamp) -> Rendered {
    let layout = Layout::of(channel, message, now);
    match &channel.target {
        Target::Slack { .. } => Rendered::Json(slack(&layout)),
        Target::Discord { .. } => Rendered::Json(discord(&layout)),
        Target::Webhook { .. } => Rendered::Json(webhook(channel, message, &layout, now)),
        Target::Matrix { .. } => Rendered::Matrix {
            body: layout.plain(),
            html: layout.html(),
        },
        Target::Email { .. } => Rendered::Email {
            subject: layout.subject(),
            text: layout.plain(),
            html: format!("<!DOCTYPE html><html><body>{}</body></html>", layout.html()),
            ics: single(message).map(|o| ics(o, now)),
        },
    }
}

/// The one occurrence a reminder or a change notice is about.
fn single(message: &Message) -> Option<&Occurrence> {
    match &message.content {
        Content::Reminder { occurrence, .. } | Content::Change { occurrence, .. } => {
            Some(occurrence)
        }
        Content::Digest { .. } => None,
    }
}

/// A message laid out, before any markup.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// What happened: "Starts in 1 hour", "Cancelled", "This week's meetings".
    pub headline: String,
    /// The occurrences.
    pub entries: Vec<Entry>,
    /// "… and 3 more" when a digest was cut.
    pub more: usize,
}

/// One occurrence in a [`Layout`].
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The title.
    pub title: String,
    /// Its page, if the public address is known.
    pub page: Option<String>,
    /// When, in UTC then each zone: "Thu 3 Dec 2026 15:00–16:00 UTC · 16:00 Europe/Berlin".
    pub when: String,
    /// A note: the cancellation reason, "moved from …".
    pub note: Option<String>,
    /// Labelled links: agenda, join.
    pub links: Vec<(&'static str, String)>,
    /// Whether it is cancelled (struck through where the markup can).
    pub cancelled: bool,
}

impl Layout {
    /// Lay `message` out for `channel` at `now`.
    pub fn of(channel: &Announce, message: &Message, now: Timestamp) -> Layout {
        let zones = &channel.zones;
        match &message.content {
            Content::Reminder { occurrence, .. } => Layout {
                headline: format!("Starts {}", relative(occurrence.start, now)),
                entries: vec![entry(occurrence, zones, None)],
                more: 0,
            },
            Content::Change { occurrence, change } => {
                let (headline, note) = match change {
                    Change::Cancelled => (
                        "Cancelled".to_owned(),
                        occurrence
                            .cancel_reason
                            .as_ref()
                            .map(|r| format!("Reason: {r}")),
                    ),
                    Change::Moved { from } => (
                        "Moved".to_owned(),
                        Some(format!("Was: {}", when(*from, None, None, zones))),
                    ),
                    Change::Added => ("Added".to_owned(), None),
                };
                Layout {
                    headline,
                    entries: vec![entry(occurrence, zones, note)],
                    more: 0,
                }
            }
            Content::Digest { week, occurrences } => Layout {
                headline: format!(
                    "This week's meetings, from {}",
                    week.strftime("%A %-d %B %Y")
                ),
                entries: occurrences
                    .iter()
                    .take(DIGEST_LIMIT)
                    .map(|o| {
                        let note = o.cancelled.then(|| "Cancelled".to_owned());
                        entry(o, zones, note)
                    })
                    .collect(),
                more: occurrences.len().saturating_sub(DIGEST_LIMIT),
            },
        }
    }

    /// An email subject: the headline, and the title when there is one occurrence.
    pub fn subject(&self) -> String {
        match self.entries.as_slice() {
            [one] => format!("{}: {}", self.headline, one.title),
            _ => self.headline.clone(),
        }
    }

    /// Plain text.
    pub fn plain(&self) -> String {
        let mut out = format!("{}\n", self.headline);
        for e in &self.entries {
            out.push('\n');
            out.push_str(&e.title);
            out.push('\n');
            out.push_str(&e.when);
            out.push('\n');
            if let Some(note) = &e.note {
                out.push_str(note);
                out.push('\n');
            }
            if let Some(page) = &e.page {
                out.push_str(&format!("Details: {page}\n"));
            }
            for (label, url) in &e.links {
                out.push_str(&format!("{label}: {url}\n"));
            }
        }
        if self.more > 0 {
            out.push_str(&format!("\n… and {} more\n", self.more));
        }
        out
    }

    /// HTML (a fragment), every text escaped.
    pub fn html(&self) -> String {
        let mut out = format!("<p><strong>{}</strong></p>", html(&self.headline));
        for e in &self.entries {
            let title = match &e.page {
                Some(page) => format!("<a href=\"{}\">{}</a>", html(page), html(&e.title)),
                None => html(&e.title),
            };
            let title = if e.cancelled {
                format!("<del>{title}</del>")
            } else {
                title
            };
            out.push_str(&format!("<p><strong>{title}</strong><br>{}", html(&e.when)));
            if let Some(note) = &e.note {
                out.push_str(&format!("<br>{}", html(note)));
            }
            for (label, url) in &e.links {
                out.push_str(&format!(
                    "<br><a href=\"{}\">{}</a>",
                    html(url),
                    html(label)
                ));
            }
            out.push_str("</p>");
        }
        if self.more > 0 {
            out.push_str(&format!("<p>… and {} more</p>", self.more));
        }
        out
    }
}

fn entry(occurrence: &Occurrence, zones: &[Tz], note: Option<String>) -> Entry {
    let mut links = Vec::new();
    if let Some(agenda) = &occurrence.agenda {
        links.push(("Agenda", agenda.clone()));
    }
    if let Some(join) = &occurrence.join
        && !occurrence.cancelled
    {
        links.push(("Join", join.clone()));
    }
    if let Some(register) = &occurrence.register
        && !occurrence.cancelled
    {
        links.push(("Register to join", register.clone()));
    }
    Entry {
        title: occurrence.title.clone(),
        page: occurrence.page.clone(),
        when: when(
            occurrence.start,
            Some(occurrence.end),
            occurrence.all_day,
            zones,
        ),
        note,
        links,
        cancelled: occurrence.cancelled,
    }
}

/// "Thu 3 Dec 2026 15:00–16:00 UTC · 16:00 Europe/Berlin · 10:00 America/New_York"; a zone
/// whose date differs says its weekday. An all-day occurrence is its date.
fn when(
    start: Timestamp,
    end: Option<Timestamp>,
    all_day: Option<jiff::civil::Date>,
    zones: &[Tz],
) -> String {
    if let Some(date) = all_day {
        return format!("{} (all day)", date.strftime("%a %-d %b %Y"));
    }
    let utc_start = TimeZone::UTC.to_datetime(start);
    let mut out = utc_start.strftime("%a %-d %b %Y %H:%M").to_string();
    if let Some(end) = end {
        out.push_str(
            &TimeZone::UTC
                .to_datetime(end)
                .strftime("–%H:%M")
                .to_string(),
        );
    }
    out.push_str(" UTC");
    for tz in zones.iter().filter(|tz| !tz.is_utc()) {
        let local = tz.zone.to_datetime(start);
        let time = if local.date() == utc_start.date() {
            local.strftime("%H:%M").to_string()
        } else {
            local.strftime("%H:%M %a").to_string()
        };
        out.push_str(&format!(" · {time} {}", tz.name));
    }
    out
}

/// "in 55 minutes", "in 1 hour", "in 23 hours", "in 2 days", "now".
fn relative(start: Timestamp, now: Timestamp) -> String {
    let seconds = start.duration_since(now).as_secs().max(0);
    let minutes = (seconds + 59) / 60;
    let plural = |n: i64, unit: &str| {
        if n == 1 {
            format!("in 1 {unit}")
        } else {
            format!("in {n} {unit}s")
        }
    };
    match minutes {
        0 => "now".to_owned(),
        1..=89 => plural(minutes, "minute"),
        90..=2159 => plural((minutes + 30) / 60, "hour"),
        _ => plural((minutes + 720) / 1440, "day"),
    }
}

/// HTML text and attribute escaping.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Slack's escaping: `&`, `<` and `>` (api.slack.com, "Formatting text for app surfaces").
fn slack_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A Slack link `<url|label>`; a `|` or `>` in the URL would end it early, so they are encoded.
fn slack_link(url: &str, label: &str) -> String {
    let url = url
        .replace('|', "%7C")
        .replace('>', "%3E")
        .replace('<', "%3C");
    format!("<{url}|{}>", slack_text(label))
}

fn slack(layout: &Layout) -> Value {
    let mut blocks = vec![json!({
        "type": "header",
        "text": { "type": "plain_text", "text": truncate(&layout.headline, 150) },
    })];
    for e in &layout.entries {
        let title = match &e.page {
            Some(page) => slack_link(page, &e.title),
            None => slack_text(&e.title),
        };
        let title = if e.cancelled {
            format!("~{title}~")
        } else {
            title
        };
        let mut text = format!("*{title}*\n{}", slack_text(&e.when));
        if let Some(note) = &e.note {
            text.push_str(&format!("\n{}", slack_text(note)));
        }
        let links: Vec<String> = e.links.iter().map(|(l, u)| slack_link(u, l)).collect();
        if !links.is_empty() {
            text.push_str(&format!("\n{}", links.join(" · ")));
        }
        blocks.push(json!({
            "type": "section",
            "text": { "type": "mrkdwn", "text": truncate(&text, 3000) },
        }));
    }
    if layout.more > 0 {
        blocks.push(json!({
            "type": "context",
            "elements": [{ "type": "mrkdwn", "text": format!("… and {} more", layout.more) }],
        }));
    }
    json!({ "text": slack_text(&layout.subject()), "blocks": blocks })
}

/// Discord markdown's special characters, escaped with a backslash.
fn discord_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '[' | ']' | '#' | '-'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn discord(layout: &Layout) -> Value {
    let lines = |e: &Entry| {
        let mut text = discord_text(&e.when);
        if let Some(note) = &e.note {
            text.push_str(&format!("\n{}", discord_text(note)));
        }
        for (label, url) in &e.links {
            text.push_str(&format!("\n[{label}](<{url}>)"));
        }
        text
    };
    let embed = match layout.entries.as_slice() {
        [one] => json!({
            "title": truncate(&one.title, 256),
            "url": one.page,
            "description": truncate(&lines(one), 4096),
            "color": if one.cancelled { 0xd0_3b_3b } else { 0x2f_6f_eb },
        }),
        entries => {
            let mut text = String::new();
            for e in entries {
                let title = match &e.page {
                    Some(page) => format!("[{}](<{page}>)", discord_text(&e.title)),
                    None => discord_text(&e.title),
                };
                text.push_str(&format!("**{title}**\n{}\n\n", lines(e)));
            }
            if layout.more > 0 {
                text.push_str(&format!("… and {} more", layout.more));
            }
            json!({ "title": truncate(&layout.headline, 256), "description": truncate(&text, 4096) })
        }
    };
    json!({
        "content": truncate(&discord_text(&layout.headline), 2000),
        "embeds": [embed],
        // Nothing in a meeting's title may ping @everyone or a role.
        "allowed_mentions": { "parse": [] },
    })
}

/// The generic webhook's body (docs/announcements.md, "Generic webhook"): version 1.
fn webhook(channel: &Announce, message: &Message, layout: &Layout, now: Timestamp) -> Value {
    let occurrence = |o: &Occurrence| {
        let local: Vec<Value> = channel
            .zones
            .iter()
            .map(|tz| {
                json!({
                    "zone": &*tz.name,
                    "start": tz.zone.to_datetime(o.start).to_string(),
                })
            })
            .collect();
        json!({
            "key": o.key,
            "uid": o.uid,
            "recurrence_id": o.recurrence_id.map(utc),
            "title": o.title,
            "series": o.series,
            "group": o.group,
            "source": o.source,
            "start": utc(o.start),
            "end": utc(o.end),
            "all_day": o.all_day.map(|d| d.to_string()),
            "local": local,
            "cancelled": o.cancelled,
            "cancel_reason": o.cancel_reason,
            "page": o.page,
            "agenda": o.agenda,
            "join": if o.cancelled { None } else { o.join.clone() },
            "register": if o.cancelled { None } else { o.register.clone() },
        })
    };
    let (kind, detail, occurrences) = match &message.content {
        Content::Reminder {
            occurrence: o,
            lead,
        } => (
            "reminder",
            json!({ "lead": lead_name(*lead), "lead_seconds": lead.as_secs() }),
            vec![occurrence(o)],
        ),
        Content::Change {
            occurrence: o,
            change,
        } => {
            let detail = match change {
                Change::Moved { from } => json!({ "change": "moved", "from": utc(*from) }),
                Change::Cancelled => json!({ "change": "cancelled" }),
                Change::Added => json!({ "change": "added" }),
            };
            ("change", detail, vec![occurrence(o)])
        }
        Content::Digest { week, occurrences } => (
            "digest",
            json!({ "week": week.to_string() }),
            occurrences.iter().map(occurrence).collect(),
        ),
    };
    let mut body = json!({
        "version": 1,
        "type": kind,
        "channel": channel.id,
        "id": format!(
            "{} {} {}",
            crate::send::message_channel(message),
            message.occurrence,
            message.kind
        ),
        "sent_at": utc(now),
        "text": layout.plain(),
        "occurrences": occurrences,
    });
    if let (Value::Object(body), Value::Object(detail)) = (&mut body, detail) {
        body.extend(detail);
    }
    if let (Value::Object(body), Some(community)) = (&mut body, &message.community) {
        body.insert("community".to_owned(), json!(community));
    }
    body
}

/// The occurrence as a one-event iCalendar object (METHOD:PUBLISH), times in UTC, for an email
/// attachment; a cancelled one has STATUS:CANCELLED.
pub fn ics(occurrence: &Occurrence, now: Timestamp) -> String {
    let utc_time = |at: Timestamp| Time::Zoned(TimeZone::UTC.to_datetime(at), Tz::utc());
    let start = match occurrence.all_day {
        Some(date) => Time::Date(date),
        None => utc_time(occurrence.start),
    };
    let mut event = Event::new(occurrence.uid.clone(), start);
    event.recurrence_id = occurrence.recurrence_id.map(utc_time);
    event.end = Some(match occurrence.all_day {
        Some(date) => End::At(Time::Date(date.tomorrow().unwrap_or(date))),
        None => End::At(utc_time(occurrence.end)),
    });
    event.summary = Some(occurrence.title.clone());
    event.description = occurrence.description.clone();
    event.url = occurrence.page.clone();
    if !occurrence.cancelled {
        event.location = occurrence.join.clone();
    }
    event.status = if occurrence.cancelled {
        Status::Cancelled
    } else {
        Status::Confirmed
    };
    let calendar = Calendar {
        prodid: Some(format!(
            "-//Touchpoint//Touchpoint {}//EN",
            env!("CARGO_PKG_VERSION")
        )),
        events: vec![event],
        ..Calendar::default()
    };
    write(&calendar, now)
}

fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max_chars - 1).collect();
    out.push('…');
    out
}
