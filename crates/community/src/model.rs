//! The typed community file: what [`crate::parse`] returns once every value has been checked.
//!
//! Values are already parsed (jiff zones, times, spans and dates; recurrence rules), so code
//! that reads a [`Community`] never re-validates. Links stay plain `String`s as written.

use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::Span;
use jiff::civil::{self, Weekday};
use touchpoint_calendar::{RRule, Tz};

use crate::lang::Lang;
use crate::repeat;

/// A whole community file.
#[derive(Clone, Debug)]
pub struct Community {
    /// The `[community]` table.
    pub info: Info,
    /// The `[[series]]`: the community's own recurring meetings, in file order.
    pub series: Vec<Series>,
    /// The `[[groups]]`: working groups, in file order.
    pub groups: Vec<Group>,
    /// The `[[calendars]]`: outside calendars the community follows, in file order.
    pub calendars: Vec<CalendarSource>,
    /// The `[[announce]]` channels: where reminders and change notices are sent, in file order.
    /// Empty when the file has none.
    pub announce: Vec<Announce>,
}

/// The `[community]` table: who this page is for.
#[derive(Clone, Debug)]
pub struct Info {
    /// Display name, e.g. "TODO Group".
    pub name: Text,
    /// A short plain-text introduction.
    pub description: Option<Text>,
    /// The zone times are shown in when the viewer has not chosen one (IANA name).
    pub timezone: Tz,
    /// `language`: the language pages are written in when the visitor asks for none of
    /// [`Info::languages`], and the language of every plain-string text (default English).
    pub language: Lang,
    /// `languages`: the languages the pages are offered in, the default first, each once
    /// (default: every language Touchpoint speaks).
    pub languages: Vec<Lang>,
    /// The community's public meetings page; its host also makes series UIDs globally unique.
    pub url: Option<String>,
    /// Further links shown with the community (agendas, code of conduct, ...).
    pub links: Vec<Link>,
    /// The community's defaults for sharing join links (`join_visibility`, `join_near_start`,
    /// `register`, `contact` in `[community]`): what a series or calendar does not say itself.
    pub join: JoinDefaults,
}

/// Who may see a meeting's join link: `join_visibility` (issue 17).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum JoinVisibility {
    /// `"public"`: on every page, feed, API answer and embed (the default for the community's
    /// own series).
    #[default]
    Public,
    /// `"near-start"`: on the served pages only, from [`JoinPolicy::near_start`] before the
    /// start to the end; never in feeds, the API, embeds or the static export (the default
    /// for outside calendars).
    NearStart,
    /// `"registration"`: the `register` link (an LFX Meetings page, a sign-up form) is shown
    /// and published instead; the join link never is.
    Registration,
    /// `"hidden"`: only the contact is shown.
    Hidden,
}

impl JoinVisibility {
    /// Every value as written in the file, in the order of the variants.
    pub const NAMES: [&'static str; 4] = ["public", "near-start", "registration", "hidden"];

    /// The value as written in the file.
    pub fn name(self) -> &'static str {
        match self {
            JoinVisibility::Public => "public",
            JoinVisibility::NearStart => "near-start",
            JoinVisibility::Registration => "registration",
            JoinVisibility::Hidden => "hidden",
        }
    }

    /// The value written `name` (exactly as [`JoinVisibility::NAMES`] spells it).
    pub fn from_name(name: &str) -> Option<JoinVisibility> {
        match name {
            "public" => Some(JoinVisibility::Public),
            "near-start" => Some(JoinVisibility::NearStart),
            "registration" => Some(JoinVisibility::Registration),
            "hidden" => Some(JoinVisibility::Hidden),
            _ => None,
        }
    }
}

/// The join-link keys of `[community]` or a `[[groups]]` entry, as written: defaults for the
/// series (and, but for the visibility, the calendars) that do not say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JoinDefaults {
    /// `join_visibility`.
    pub visibility: Option<JoinVisibility>,
    /// `join_near_start`.
    pub near_start: Option<jiff::SignedDuration>,
    /// `register`.
    pub register: Option<String>,
    /// `contact`.
    pub contact: Option<String>,
}

/// How one series' or calendar's join link is shared, every default applied. Held in an
/// [`Arc`](std::sync::Arc): `check` gives every series with the same policy (most inherit the
/// community's) one copy, ~70 bytes fewer a series.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct JoinPolicy {
    /// Who may see the link.
    pub visibility: JoinVisibility,
    /// For [`JoinVisibility::NearStart`]: how long before the start the pages show the link
    /// ([`JoinPolicy::DEFAULT_NEAR_START`] unless `join_near_start` says).
    pub near_start: jiff::SignedDuration,
    /// The page to register at, shown and published instead of the link under
    /// [`JoinVisibility::Registration`] (required then).
    pub register: Option<String>,
    /// Whom to ask for the link (an http(s) or mailto address), shown wherever the link is not.
    pub contact: Option<String>,
}

impl JoinPolicy {
    /// How long before the start a near-start link is shown by default: 15 minutes.
    pub const DEFAULT_NEAR_START: jiff::SignedDuration = jiff::SignedDuration::from_mins(15);

    /// A policy of `visibility` with the default window and no links.
    pub fn new(visibility: JoinVisibility) -> JoinPolicy {
        JoinPolicy {
            visibility,
            near_start: JoinPolicy::DEFAULT_NEAR_START,
            register: None,
            contact: None,
        }
    }

    /// The link anyone may have at any time, for a meeting whose join link is `join`: the join
    /// link itself when public, the `register` link under registration, else none. What feeds,
    /// the API, embeds and the static export carry.
    pub fn published<'a>(&'a self, join: Option<&'a str>) -> Option<&'a str> {
        match self.visibility {
            JoinVisibility::Public => join,
            JoinVisibility::Registration => self.register.as_deref(),
            JoinVisibility::NearStart | JoinVisibility::Hidden => None,
        }
    }

    /// The near-start window for people: "15 minutes", "1 hour", "90 minutes".
    pub fn near_start_words(&self) -> String {
        match self.near_start.as_mins() {
            1 => "1 minute".to_owned(),
            60 => "1 hour".to_owned(),
            m if m % 60 == 0 => format!("{} hours", m / 60),
            m => format!("{m} minutes"),
        }
    }

    /// Whether a page rendered at `now` (by a server, at the visit) may show the join link of
    /// a meeting from `start` to `end`: always when public; from `near_start` before the start
    /// until the end under near-start; never otherwise.
    pub fn shows_at(
        &self,
        now: jiff::Timestamp,
        start: jiff::Timestamp,
        end: jiff::Timestamp,
    ) -> bool {
        match self.visibility {
            JoinVisibility::Public => true,
            JoinVisibility::NearStart => {
                let opens = start.checked_sub(self.near_start).unwrap_or(start);
                opens <= now && now < end
            }
            JoinVisibility::Registration | JoinVisibility::Hidden => false,
        }
    }
}

impl Default for JoinPolicy {
    fn default() -> JoinPolicy {
        JoinPolicy::new(JoinVisibility::Public)
    }
}

/// Text the community writes for people, in its default language and, optionally, in others:
/// `title = "Weekly call"` or `title = { en = "Weekly call", ja = "定例会議" }`.
///
/// It reads as the default language's value wherever a `&str` is wanted (it derefs to it and
/// displays it), so feeds, the API and diffs stay in the default language; pages ask
/// [`Text::get`] for the visitor's language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Text {
    /// The value in the community's default language (what a plain string gives).
    pub default: String,
    /// The language of [`Text::default`]: the file's `language`.
    pub lang: Lang,
    /// The value in other languages, in file order; never the default language.
    pub by_lang: Vec<(Lang, String)>,
}

impl Text {
    /// A text given as a plain string, in `lang`.
    pub fn plain(default: impl Into<String>, lang: Lang) -> Text {
        Text {
            default: default.into(),
            lang,
            by_lang: Vec::new(),
        }
    }

    /// The value to show a reader of `lang`, and the language it is actually in: the value in
    /// `lang` when the file gives one, else the default language's.
    pub fn get(&self, lang: Lang) -> (&str, Lang) {
        self.by_lang
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or((self.default.as_str(), self.lang), |(l, value)| {
                (value.as_str(), *l)
            })
    }

    /// The default language's value.
    pub fn as_str(&self) -> &str {
        &self.default
    }

    /// Every value with its language, the default first.
    pub fn all(&self) -> impl Iterator<Item = (Lang, &str)> {
        std::iter::once((self.lang, self.default.as_str()))
            .chain(self.by_lang.iter().map(|(l, v)| (*l, v.as_str())))
    }
}

impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.default
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.default
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.default
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.default)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.default == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.default == *other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == other.default
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.default
    }
}

impl From<&str> for Text {
    /// A plain English text.
    fn from(value: &str) -> Text {
        Text::plain(value, Lang::En)
    }
}

impl From<String> for Text {
    /// A plain English text.
    fn from(value: String) -> Text {
        Text::plain(value, Lang::En)
    }
}

/// A link with a label; both are required.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The text shown.
    pub label: Text,
    /// The target.
    pub url: String,
}

/// A label that may also link somewhere (a chat channel, a calendar note).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Channel {
    /// The text shown, e.g. "#wg-oss-in-business" or "Bi-weekly call".
    pub label: Text,
    /// Where the label links to, if anywhere.
    pub url: Option<String>,
}

/// A `[[series]]`: one recurring meeting of the community.
#[derive(Clone, Debug)]
pub struct Series {
    /// Unique id among series (`[a-z0-9-]+`); stable, since it makes the feed's UID.
    pub id: String,
    /// Display title.
    pub title: Text,
    /// Plain-text description.
    pub description: Option<Text>,
    /// The zone the meeting is anchored in: its local start time stays put across DST changes.
    pub timezone: Tz,
    /// Local start time in [`Series::timezone`].
    pub start: civil::Time,
    /// How long each occurrence lasts.
    pub duration: Span,
    /// How the meeting repeats.
    pub recurrence: Recurrence,
    /// The first occurrence's local date (also the anchor of "every N weeks").
    pub first: civil::Date,
    /// The last date an occurrence may fall on (inclusive), if the series ends.
    pub last: Option<civil::Date>,
    /// Where to join (video call link). Who sees it is [`Series::join_policy`]'s to say:
    /// read it through [`JoinPolicy::published`] or [`JoinPolicy::shows_at`], never directly
    /// into a page, feed or answer.
    pub join: Option<String>,
    /// How the join link is shared: the series' keys, else its group's, else the community's.
    pub join_policy: std::sync::Arc<JoinPolicy>,
    /// Where agendas live (e.g. a folder in a repository).
    pub agenda: Option<String>,
    /// Where meeting notes live.
    pub notes: Option<String>,
    /// Where recordings live.
    pub recordings: Option<String>,
    /// The id of the [`Group`] this series belongs to.
    pub group: Option<String>,
    /// Per-occurrence changes, in file order.
    pub exceptions: Vec<Exception>,
    /// The domain part of this series' UID: the host of the community's `url`, or
    /// `touchpoint.local` when it has none. One string shared by every series.
    pub uid_domain: std::sync::Arc<str>,
}

impl Series {
    /// The UID of this series in every feed: `"{id}@{uid_domain}"`.
    pub fn uid(&self) -> String {
        format!("{}@{}", self.id, self.uid_domain)
    }

    /// The cadence in words for people: "Every Thursday", "Every other Tuesday",
    /// "Monthly, last Friday".
    pub fn cadence(&self) -> String {
        self.recurrence.cadence()
    }

    /// The exception whose (regular occurrence) date is `date`, if any. Extras are matched by
    /// their own date.
    pub fn exception_for(&self, date: civil::Date) -> Option<&Exception> {
        self.exceptions.iter().find(|e| e.date == date)
    }

    /// The local start date-time of the regular occurrence on `date` (no check that the rule
    /// produces it).
    pub fn start_on(&self, date: civil::Date) -> civil::DateTime {
        date.to_datetime(self.start)
    }
}

/// How a series repeats: one of the friendly forms, or a raw RRULE for anything else.
#[derive(Clone, Debug, PartialEq)]
#[expect(
    clippy::large_enum_variant,
    reason = "a handful per file; matching on an unboxed RRule reads better"
)]
pub enum Recurrence {
    /// `daily`: every day.
    Daily,
    /// `weekly on Monday and Thursday` (interval 1) or `every 2 weeks on Tuesday`: the weeks
    /// are counted from the series' `first` date, never by ISO-week parity.
    Weekly {
        /// Every how many weeks (1 = every week).
        interval: u32,
        /// The weekdays, in week order (Monday first), without duplicates.
        days: Vec<Weekday>,
    },
    /// `monthly on the 2nd Tuesday` / `monthly on the last Friday`.
    MonthlyWeekday {
        /// 1..=5 counts from the start of the month, -1 is the last.
        nth: i8,
        /// The weekday.
        weekday: Weekday,
    },
    /// `monthly on day 15` (months without that day are skipped, as RFC 5545 says).
    MonthlyDay(i8),
    /// A raw `rrule = "FREQ=...;..."`, for anything the friendly forms cannot say.
    Rrule(RRule),
}

impl Recurrence {
    /// The equivalent RRULE, without UNTIL/COUNT (the series' `last` adds UNTIL).
    pub fn to_rrule(&self) -> RRule {
        repeat::to_rrule(self)
    }

    /// The cadence in words (see [`Series::cadence`]).
    pub fn cadence(&self) -> String {
        repeat::cadence(self)
    }

    /// The friendly form a raw rule has the shape of (`FREQ=WEEKLY;BYDAY=MO,TH` is `weekly on
    /// Monday and Thursday`): what [`Recurrence::cadence`] says it as, so a page in another
    /// language can say it alike. `None` for a friendly form itself and for a rule no friendly
    /// form can say.
    pub fn friendly(&self) -> Option<Recurrence> {
        match self {
            Recurrence::Rrule(rule) => repeat::friendly(rule),
            _ => None,
        }
    }
}

/// A `[[series.exceptions]]` entry: a change to one date of a series.
#[derive(Clone, Debug, PartialEq)]
pub struct Exception {
    /// The local date of the regular occurrence this changes (for an extra: the extra's date).
    pub date: civil::Date,
    /// What happens on that date.
    pub change: Change,
    /// An agenda link for this date only.
    pub agenda: Option<String>,
    /// A notes link for this date only.
    pub notes: Option<String>,
    /// A recording link for this date only.
    pub recording: Option<String>,
}

/// What an [`Exception`] does to its date.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Nothing but the links: the meeting happens as usual.
    None,
    /// `cancel = "reason"`: the occurrence does not take place; the reason is shown.
    Cancel(String),
    /// `move_to = 2027-01-08T15:00:00`: the occurrence takes place at this local date-time
    /// (series zone) instead.
    Move(civil::DateTime),
    /// `extra = true` (and optional `time = "HH:MM"`): an additional occurrence on the date, at
    /// this local time.
    Extra(civil::Time),
}

/// A `[[groups]]` entry: a working group card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// Unique id among groups (`[a-z0-9-]+`); series point at it with `group = "..."`.
    pub id: String,
    /// Display title.
    pub title: Text,
    /// Plain-text description.
    pub description: Option<Text>,
    /// The group's repository (e.g. a folder on GitHub) and the label to show.
    pub repository: Option<Link>,
    /// The mailing list and its label.
    pub mailing_list: Option<Link>,
    /// The chat channel (label; link optional).
    pub chat: Option<Channel>,
    /// A calendar note such as "Bi-weekly call", optionally linking to a calendar.
    pub calendar: Option<Channel>,
    /// Join-link defaults for the group's series (before the community's).
    pub join: JoinDefaults,
}

impl Group {
    /// The group's cadence, derived from its series ("Every other Tuesday"); several series
    /// are joined with "; ". `None` when the group has no series.
    pub fn cadence(&self, community: &Community) -> Option<String> {
        let parts: Vec<String> = community
            .group_series(&self.id)
            .map(Series::cadence)
            .collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

/// A `[[calendars]]` entry: an outside calendar the community follows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarSource {
    /// Unique id among calendars (`[a-z0-9-]+`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Where the feed comes from.
    pub location: Location,
    /// CSS colour (`#rgb` or `#rrggbb`) for this calendar's events.
    pub colour: Option<String>,
    /// How often the fetcher refreshes it (default 15 minutes).
    pub refresh: Duration,
    /// How the join links found in its events (URL, LOCATION, video-call links in
    /// DESCRIPTION) are shared: near-start unless the calendar says (the community's
    /// `join_visibility` does not apply; its other join keys do).
    pub join_policy: std::sync::Arc<JoinPolicy>,
}

/// Where a [`CalendarSource`] is read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// An `http`, `https` or `webcal` URL, as written.
    Url(String),
    /// A file path as written, relative to the community file's folder.
    Path(String),
}

impl Location {
    /// The URL to fetch, with `webcal://` read as `https://` ([`touchpoint_calendar::feed_url`]);
    /// `None` for a path or a URL that is not a feed's.
    pub fn fetch_url(&self) -> Option<url::Url> {
        match self {
            Location::Url(url) => touchpoint_calendar::feed_url(url).ok(),
            Location::Path(_) => None,
        }
    }

    /// The secrets in this URL, for `touchpoint check` to warn about; none for a path.
    pub fn url_secrets(&self) -> Vec<UrlSecret> {
        self.fetch_url()
            .map(|url| url_secrets(&url))
            .unwrap_or_default()
    }
}

impl CalendarSource {
    /// The default refresh interval: 15 minutes.
    pub const DEFAULT_REFRESH: Duration = Duration::from_secs(15 * 60);

    /// The URL to fetch ([`Location::fetch_url`]).
    pub fn fetch_url(&self) -> Option<url::Url> {
        self.location.fetch_url()
    }

    /// The URL to show the public (the pages' "Original feed" link, the API's `url`): the
    /// fetch URL without its credentials (`user:password@`), query string or fragment, where
    /// feed hosts put access tokens. `None` for a path, a URL that does not parse, or one whose
    /// path is itself the secret (Google's `…/private-<key>/basic.ics`): such a feed has no
    /// public address to show.
    pub fn public_url(&self) -> Option<String> {
        let mut url = self.fetch_url()?;
        if url_secrets(&url).contains(&UrlSecret::PrivatePath) {
            return None;
        }
        // Both fail only for URLs that cannot have credentials, which have none to remove.
        let _ = url.set_username("");
        let _ = url.set_password(None);
        url.set_query(None);
        url.set_fragment(None);
        Some(url.into())
    }

    /// The URL to show organizers (the health page): the fetch URL without user name or
    /// password, without the query parameters whose names look secret (`token`, `key`,
    /// `secret`, `sig`, `auth`, `pass`, …) and without fragment, and with a `private-<key>` path
    /// segment shown as `private-hidden`. Other parameters stay, so two feeds of one host that
    /// differ by them can be told apart. `None` for a path or a URL that does not parse.
    pub fn redacted_url(&self) -> Option<String> {
        let mut url = self.fetch_url()?;
        // Both fail only for URLs that cannot have credentials, which have none to remove.
        let _ = url.set_username("");
        let _ = url.set_password(None);
        url.set_fragment(None);
        let kept: Vec<(String, String)> = url
            .query_pairs()
            .filter(|(name, _)| !looks_secret(name))
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
        url.set_query(None);
        if !kept.is_empty() {
            url.query_pairs_mut().extend_pairs(kept);
        }
        let segments: Option<Vec<String>> = url.path_segments().map(|segments| {
            segments
                .map(|s| match strip_prefix_ignore_case(s, "private-") {
                    Some(key) if !key.is_empty() => "private-hidden".to_owned(),
                    _ => s.to_owned(),
                })
                .collect()
        });
        if let Some(segments) = segments {
            url.set_path(&segments.join("/"));
        }
        Some(url.into())
    }

    /// The file to read for a path source, resolved against `base` (the community file's
    /// folder); `None` for a URL.
    pub fn resolved_path(&self, base: &Path) -> Option<PathBuf> {
        match &self.location {
            Location::Path(p) => Some(base.join(p)),
            Location::Url(_) => None,
        }
    }
}

/// An `[[announce]]` entry: one channel that hears about the community's meetings.
///
/// Secrets (webhook URLs, tokens, SMTP passwords) are never in the file: the file names the
/// environment variables that hold them ([`Announce::secret_vars`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Announce {
    /// Unique id among channels (`[a-z0-9-]+`): part of the outbox key, so do not change it
    /// once messages were sent (a renamed channel sends again).
    pub id: String,
    /// Where the messages go.
    pub target: Target,
    /// Reminders this long before each occurrence starts (default 24 hours and 1 hour).
    pub leads: Vec<jiff::SignedDuration>,
    /// Whether cancellations, moves and additions within [`Announce::changes_days`] are sent.
    pub changes: bool,
    /// How many days ahead a change is announced (default 14).
    pub changes_days: u32,
    /// The weekly digest's day and local time (community zone), if any.
    pub digest: Option<(Weekday, civil::Time)>,
    /// The zones messages show times in besides UTC (default: the community's zone).
    pub zones: Vec<Tz>,
    /// Only these series (ids); empty: every series.
    pub series: Vec<String>,
    /// Only these groups' series (ids); empty: every group.
    pub groups: Vec<String>,
    /// Only these outside calendars (ids); empty: all of them. Outside calendars are left out
    /// when `series` or `groups` is set.
    pub calendars: Vec<String>,
}

/// The kind of an [`Announce`] channel and what it needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A Slack incoming webhook; its URL is in the environment variable `url_env`.
    Slack {
        /// The variable holding the webhook URL.
        url_env: String,
    },
    /// A Discord webhook; its URL is in the environment variable `url_env`.
    Discord {
        /// The variable holding the webhook URL.
        url_env: String,
    },
    /// A Matrix room.
    Matrix {
        /// The homeserver's base URL (`https://matrix.example.org`).
        homeserver: String,
        /// The room id (`!abc:example.org`, or `!abc` since room version 12).
        room: String,
        /// The variable holding the access token.
        token_env: String,
    },
    /// A generic webhook: JSON, signed with HMAC-SHA256.
    Webhook {
        /// The variable holding the URL.
        url_env: String,
        /// The variable holding the signing secret.
        secret_env: String,
    },
    /// A mailing list, through SMTP.
    Email {
        /// The list address.
        to: String,
        /// The sender address.
        from: String,
        /// The variable holding `smtp://user:pass@host:port` (STARTTLS) or `smtps://…` (TLS).
        smtp_url_env: String,
        /// Extra CA certificates (PEM) to trust for the SMTP server, relative to the file.
        ca_file: Option<String>,
    },
}

impl Target {
    /// The kind as written in the file: `slack`, `discord`, `matrix`, `webhook`, `email`.
    pub fn kind(&self) -> &'static str {
        match self {
            Target::Slack { .. } => "slack",
            Target::Discord { .. } => "discord",
            Target::Matrix { .. } => "matrix",
            Target::Webhook { .. } => "webhook",
            Target::Email { .. } => "email",
        }
    }
}

impl Announce {
    /// The default reminder leads: 24 hours and 1 hour.
    pub const DEFAULT_LEADS: [jiff::SignedDuration; 2] = [
        jiff::SignedDuration::from_hours(24),
        jiff::SignedDuration::from_hours(1),
    ];
    /// The default horizon of change notices, in days.
    pub const DEFAULT_CHANGES_DAYS: u32 = 14;

    /// The names of the environment variables this channel reads its secrets from.
    pub fn secret_vars(&self) -> Vec<&str> {
        match &self.target {
            Target::Slack { url_env } | Target::Discord { url_env } => vec![url_env],
            Target::Matrix { token_env, .. } => vec![token_env],
            Target::Webhook {
                url_env,
                secret_env,
            } => vec![url_env, secret_env],
            Target::Email { smtp_url_env, .. } => vec![smtp_url_env],
        }
    }
}

/// A secret a feed URL may carry, which Touchpoint never publishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlSecret {
    /// A user name or password (`https://user:password@host/…`).
    Credentials,
    /// A query string (`?token=…`, `?key=…`): feed hosts put access tokens there.
    Query,
    /// A path that is a private key, as in Google Calendar's secret address
    /// (`…/private-<key>/basic.ics`).
    PrivatePath,
}

impl UrlSecret {
    /// What it is, for messages: "a user name or password".
    pub fn describe(self) -> &'static str {
        match self {
            UrlSecret::Credentials => "a user name or password",
            UrlSecret::Query => "a query string (often an access token)",
            UrlSecret::PrivatePath => "a private address (a `private-…` key in its path)",
        }
    }
}

fn url_secrets(url: &url::Url) -> Vec<UrlSecret> {
    let mut secrets = Vec::new();
    if !url.username().is_empty() || url.password().is_some() {
        secrets.push(UrlSecret::Credentials);
    }
    if url.query().is_some_and(|q| !q.is_empty()) {
        secrets.push(UrlSecret::Query);
    }
    let private = url.path_segments().is_some_and(|mut segments| {
        segments.any(|s| strip_prefix_ignore_case(s, "private-").is_some_and(|k| !k.is_empty()))
    });
    if private {
        secrets.push(UrlSecret::PrivatePath);
    }
    secrets
}

/// Whether a query parameter's name looks like it holds a secret (an access token, a key, a
/// signature, a password).
fn looks_secret(name: &str) -> bool {
    const WORDS: [&str; 9] = [
        "token",
        "key",
        "secret",
        "sig",
        "auth",
        "pass",
        "pwd",
        "credential",
        "session",
    ];
    let name = name.to_ascii_lowercase();
    WORDS.iter().any(|word| name.contains(word))
}

pub(crate) fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

impl Community {
    /// The series with this id.
    pub fn series(&self, id: &str) -> Option<&Series> {
        self.series.iter().find(|s| s.id == id)
    }

    /// The group with this id.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The outside calendar with this id.
    pub fn calendar_source(&self, id: &str) -> Option<&CalendarSource> {
        self.calendars.iter().find(|c| c.id == id)
    }

    /// The series that belong to the group `group_id`, in file order.
    pub fn group_series<'a>(&'a self, group_id: &'a str) -> impl Iterator<Item = &'a Series> + 'a {
        self.series
            .iter()
            .filter(move |s| s.group.as_deref() == Some(group_id))
    }
}
