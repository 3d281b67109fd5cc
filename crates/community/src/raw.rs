//! The file as serde sees it: one struct per TOML table, unknown keys denied, spans kept on
//! every value whose meaning is checked later (so that check can point at it).
//!
//! Nothing here is public; [`crate::check`] turns these into the typed [`crate::model`].

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

/// `[community]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCommunity {
    pub name: Spanned<String>,
    pub description: Option<String>,
    pub timezone: Spanned<String>,
    pub url: Option<Spanned<String>>,
    #[serde(default)]
    pub links: Vec<RawLink>,
}

/// A `{ label, url }` link.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLink {
    pub label: String,
    pub url: Spanned<String>,
}

/// A `{ label, url? }` channel.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawChannel {
    pub label: String,
    pub url: Option<Spanned<String>>,
}

/// `[[series]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSeries {
    pub id: Spanned<String>,
    pub title: String,
    pub description: Option<String>,
    pub timezone: Spanned<String>,
    pub start: Spanned<String>,
    pub duration: Spanned<String>,
    pub repeat: Option<Spanned<String>>,
    pub rrule: Option<Spanned<String>>,
    pub first: Spanned<Datetime>,
    pub last: Option<Spanned<Datetime>>,
    pub join: Option<Spanned<String>>,
    pub agenda: Option<Spanned<String>>,
    pub notes: Option<Spanned<String>>,
    pub recordings: Option<Spanned<String>>,
    pub group: Option<Spanned<String>>,
    #[serde(default)]
    pub exceptions: Vec<Spanned<RawException>>,
}

/// `[[series.exceptions]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawException {
    pub date: Spanned<Datetime>,
    pub cancel: Option<Spanned<String>>,
    pub move_to: Option<Spanned<Datetime>>,
    pub extra: Option<Spanned<bool>>,
    pub time: Option<Spanned<String>>,
    pub agenda: Option<Spanned<String>>,
    pub notes: Option<Spanned<String>>,
    pub recording: Option<Spanned<String>>,
}

/// `[[groups]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGroup {
    pub id: Spanned<String>,
    pub title: String,
    pub description: Option<String>,
    pub repository: Option<RawLink>,
    pub mailing_list: Option<RawLink>,
    pub chat: Option<RawChannel>,
    pub calendar: Option<RawChannel>,
}

/// `[[calendars]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCalendar {
    pub id: Spanned<String>,
    pub name: String,
    pub url: Option<Spanned<String>>,
    pub path: Option<Spanned<String>>,
    pub colour: Option<Spanned<String>>,
    pub refresh: Option<Spanned<String>>,
}
