//! Reminders and announcements (issue 18): chat rooms and mailing lists hear about every meeting,
//! once.
//!
//! Three parts, from pure to I/O:
//!
//! - [`mod@plan`] (pure): given the compiled [`Site`](touchpoint_site::Site), the
//!   community's `[[announce]]` channels, "now" and the [`Snapshot`] of occurrences known at the
//!   previous round, which [`Message`]s are due — reminders at each channel's leads, a notice
//!   for each occurrence cancelled, moved or added within the coming days, the weekly digest —
//!   and the snapshot to keep for the next round. Every message has a key (channel, occurrence,
//!   kind): the caller's outbox sends each key once, so planning twice plans nothing new.
//! - [`mod@format`] (pure): one message as its channel wants it — Slack mrkdwn blocks, a Discord
//!   embed, Matrix HTML with a plain body, an email's text and HTML parts with the occurrence
//!   as an iCalendar attachment (METHOD:PUBLISH), the generic webhook's documented JSON.
//! - [`mod@send`]: the senders — HTTP through reqwest, SMTP through lettre (STARTTLS or TLS, AUTH)
//!   — with the secrets read from the environment variables the community file names, through
//!   a lookup the caller gives (tests pass their own). No secret is ever part of an error.
//!
//! Nothing here knows SQL: the binary keeps the outbox and the snapshot in the store.

pub mod format;
pub mod plan;
pub mod send;
pub mod sign;

pub use plan::{Change, Content, Message, Occurrence, Snapshot, plan};
