//! The JSON API under `/api/v1`: typed request and response structs (each field documented, so
//! the OpenAPI document in [`crate::openapi`] says the same as this file) and the pure functions
//! that answer them. The server and `touchpoint build` both call these functions.

use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use serde::{Deserialize, Serialize};
use touchpoint_community::{Change, Group, JoinVisibility, Lang, Series};
use utoipa::{IntoParams, ToSchema};

use crate::{Cursor, Filter, Item, MAX_WINDOW_DAYS, Site, Viewer, paths};

/// How many upcoming occurrences `GET /api/v1/series/{id}` and `GET /api/v1/groups/{id}` list.
pub const UPCOMING: usize = 5;

/// An API error: HTTP status and a message saying what was wrong and how to fix it. Served as
/// `{"error": "..."}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema, thiserror::Error)]
#[error("{error} ({status})")]
pub struct ApiError {
    /// HTTP status code.
    #[serde(skip)]
    pub status: u16,
    /// What was wrong.
    pub error: String,
}

impl ApiError {
    /// A 400: the request was malformed.
    pub fn bad_request(error: impl Into<String>) -> ApiError {
        ApiError {
            status: 400,
            error: error.into(),
        }
    }

    /// A 400 for a query string the server could not read, from the framework's text for it
    /// (axum's `QueryRejection::body_text`): a parameter given twice is named as such, and the
    /// framework's "Failed to deserialize" is said as the API's other errors are.
    pub fn bad_query(rejection: &str) -> ApiError {
        let detail = rejection
            .strip_prefix("Failed to deserialize query string: ")
            .unwrap_or(rejection);
        // serde_urlencoded (axum's `Query`, which both APIs read with) says "duplicate field
        // `lang`".
        let duplicate = detail
            .strip_prefix("duplicate field `")
            .and_then(|rest| rest.strip_suffix('`'));
        ApiError::bad_request(match duplicate {
            Some(name) => format!("`{name}` is given more than once: give it once"),
            None => format!("the query string cannot be read: {detail}"),
        })
    }

    /// A 404: the thing asked for does not exist.
    pub fn not_found(error: impl Into<String>) -> ApiError {
        ApiError {
            status: 404,
            error: error.into(),
        }
    }
}

/// Query of `GET /api/v1/occurrences`.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OccurrencesQuery {
    /// First day, `YYYY-MM-DD`, inclusive (default: today in `tz`).
    #[param(format = Date, pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`, exclusive (default: 30 days after `from`). The window from
    /// `from` to `to` is at least one day and at most 732 days, and ends by 9999-12-31.
    #[param(format = Date, pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    pub to: Option<String>,
    /// IANA zone the days are read in and floating times shown in (default: the community's).
    pub tz: Option<String>,
    /// Only this source: a `[[calendars]]` id, or `community` for the community's own series.
    /// `source`, `series` and `group` together list the union of what they name (as the
    /// calendar page's boxes do); an id that names nothing is a 400 listing the ids there are.
    pub source: Option<String>,
    /// Only this series (with `source` and `group`: the union).
    pub series: Option<String>,
    /// Only this group's series (with `source` and `series`: the union).
    pub group: Option<String>,
    /// At most this many occurrences per answer, the earliest first (default 1000, from 1 to
    /// 10000); when the window holds more, `next` links to the rest.
    #[param(minimum = 1, maximum = 10000)]
    pub limit: Option<usize>,
    /// Continue after a previous answer: the `after` of its `next` link (empty: from the start).
    #[param(pattern = r"^(-?[0-9]{1,11}\.(100000|[0-9]{1,5}))?$")]
    pub after: Option<String>,
    /// The language of the community's own titles and descriptions: a language tag (`ja`,
    /// `pt-BR`, a browser's `navigator.language`), read as the pages read `?lang=`: the closest
    /// language the site offers, else its default (also when not given). Outside calendars'
    /// text is as their feeds wrote it; every other field is the same in every language.
    /// Empty: as when not given.
    #[param(pattern = r"^([A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8}){0,4})?$")]
    pub lang: Option<String>,
}

/// Occurrences per answer when `limit` is not given.
pub const DEFAULT_LIMIT: usize = 1000;
/// The most occurrences one answer lists (a larger `limit` is refused).
pub const MAX_LIMIT: usize = 10_000;
/// The most bytes of occurrences one answer holds: a page of long titles ends early, with a
/// `next` link to the rest (10,000 ordinary occurrences take about 3 MB).
pub const MAX_ANSWER_BYTES: usize = 8 << 20;
/// The most occurrences a cursor may skip at one instant: more would be a forged cursor (it
/// would make an answer keep that many occurrences in memory).
const MAX_SKIP: usize = 100_000;

/// One occurrence in the API.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct ApiOccurrence {
    /// The event's UID.
    pub uid: String,
    /// The community series it belongs to, or null.
    pub series: Option<String>,
    /// The working group of its series, or null.
    pub group: Option<String>,
    /// The outside calendar it comes from, or null.
    pub source: Option<String>,
    /// Title.
    pub title: String,
    /// Start: `YYYY-MM-DD` for all-day, `YYYY-MM-DDTHH:MM:SS` floating, RFC 3339 with offset.
    pub start: String,
    /// End, in the same form as `start`.
    pub end: String,
    /// Whether it is an all-day occurrence.
    pub all_day: bool,
    /// `confirmed`, `tentative` or `cancelled`.
    #[schema(value_type = String, example = "confirmed")]
    pub status: &'static str,
    /// Why a cancelled occurrence of the community's own series does not take place, or null.
    pub cancel_reason: Option<String>,
    /// Where an occurrence an override moved was due (its RECURRENCE-ID, RFC 3339 in UTC), or
    /// null when it takes place when its rule says.
    pub moved_from: Option<String>,
    /// The start of the series' previous regular occurrence (RFC 3339 with the series' offset,
    /// as `start`), for a regular occurrence of the community's own series that is at the same
    /// time of day on the series' clock as that one; else null. A reader whose clock puts the
    /// two at different times of day (clocks changed in one of the zones since) can say "1 hour
    /// earlier than last time: clocks changed", as the pages and the embeds do.
    pub previous_start: Option<String>,
    /// A join, registration or details link (http(s) or mailto only), or null. Never a join
    /// link that is not public.
    pub url: Option<String>,
    /// The link to join the meeting's video call, or null: the series' join link, or for an
    /// outside calendar's event a Zoom, Google Meet, Teams, Jitsi or Webex link found in its URL,
    /// location or description. Only a public one: null unless `join_visibility` is `public`.
    pub join_url: Option<String>,
    /// How the meeting shares its join link: `public` (in `join_url`), `near-start` (on the
    /// site's pages shortly before the start only), `registration` (register at `register`)
    /// or `hidden`.
    #[schema(value_type = String, example = "public")]
    pub join_visibility: &'static str,
    /// Where to register for the join link when `join_visibility` is `registration`, or null.
    pub register: Option<String>,
    /// Plain-text description (the series' or the outside event's), or null.
    pub description: Option<String>,
    /// Where it takes place, as the outside event says, or null.
    pub location: Option<String>,
    /// Who organizes it, as the outside event's ORGANIZER says, or null.
    pub organizer: Option<ApiOrganizer>,
}

/// The organizer of an outside calendar's event.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct ApiOrganizer {
    /// The name to show (the ORGANIZER's CN), or null.
    pub name: Option<String>,
    /// The e-mail address, when the source published one, or null.
    pub email: Option<String>,
}

impl ApiOccurrence {
    /// About how many bytes its JSON takes: its strings escaped, plus the rest of the object.
    fn json_bytes(&self) -> usize {
        fn escaped(s: &str) -> usize {
            s.bytes()
                .map(|b| match b {
                    b'"' | b'\\' => 2,
                    0..0x20 => 6,
                    _ => 1,
                })
                .sum::<usize>()
        }
        let optional = |s: &Option<String>| s.as_deref().map_or(0, escaped);
        200 + escaped(&self.uid)
            + escaped(&self.title)
            + self.start.len()
            + self.end.len()
            + optional(&self.series)
            + optional(&self.group)
            + optional(&self.source)
            + optional(&self.cancel_reason)
            + optional(&self.moved_from)
            + optional(&self.previous_start)
            + optional(&self.url)
            + optional(&self.join_url)
            + optional(&self.register)
            + optional(&self.description)
            + optional(&self.location)
            + self.organizer.as_ref().map_or(0, |organizer| {
                40 + optional(&organizer.name) + optional(&organizer.email)
            })
    }

    /// The API form of one of `site`'s items, the community's text in its default language.
    pub fn from_item(site: &Site, item: &Item<'_>) -> ApiOccurrence {
        ApiOccurrence::from_item_in(site, item, None)
    }

    /// The API form of an item, the community's own title and description in `lang` where the
    /// community file gives them in it (`None`: the default language). `previous_start` is
    /// found among `site`'s occurrences ([`Site::clock_previous`]), as the pages find it.
    pub fn from_item_in(site: &Site, item: &Item<'_>, lang: Option<Lang>) -> ApiOccurrence {
        let (title, description) = match lang {
            Some(lang) => (
                crate::html::item_title_in(lang, item),
                item.description_in(lang),
            ),
            None => (item.title(), item.description()),
        };
        ApiOccurrence {
            uid: item.event.uid.clone(),
            series: item.series().map(str::to_owned),
            group: match item.origin {
                crate::Origin::Series(series) => series.group.clone(),
                crate::Origin::Source(_) => None,
            },
            source: item.source().map(str::to_owned),
            title: title.to_owned(),
            start: item.start.to_json_string(),
            end: item.end.to_json_string(),
            all_day: item.all_day(),
            status: item.status.as_str().unwrap_or("confirmed"),
            cancel_reason: item.cancel_reason().map(str::to_owned),
            moved_from: item.moved_from().map(|at| at.to_string()),
            previous_start: site
                .clock_previous(item)
                .zip(zone_of(item))
                .map(|(at, zone)| {
                    let wall = at.to_zoned_datetime(zone.zone.clone()).datetime();
                    touchpoint_calendar::Time::Zoned(wall, zone.clone()).to_json_string()
                }),
            url: item.url().map(str::to_owned),
            join_url: item.join_url(),
            join_visibility: item.join_policy().visibility.name(),
            register: item.register_url().map(str::to_owned),
            description: description.map(str::to_owned),
            location: item.location().map(str::to_owned),
            organizer: item
                .event
                .organizer
                .as_deref()
                .map(|organizer| ApiOrganizer {
                    name: organizer.name.clone(),
                    email: organizer.email.clone(),
                }),
        }
    }
}

/// The zone an occurrence's start is written in, when it has one.
fn zone_of<'i>(item: &'i Item<'_>) -> Option<&'i touchpoint_calendar::Tz> {
    match &item.start {
        touchpoint_calendar::Time::Zoned(_, zone) => Some(zone),
        _ => None,
    }
}

/// Response of `GET /api/v1/occurrences`.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct OccurrencesResponse {
    /// Occurrences overlapping the window, sorted by start (then title and UID).
    pub occurrences: Vec<ApiOccurrence>,
    /// When the window holds more than `limit`: the URL of the next answer (same window and
    /// filters, with `after` set); null on the last.
    pub next: Option<String>,
}

/// The language `lang=` asks for, as the pages read `?lang=` ([`Site::language`]): the closest
/// the site offers, else its default. 400 for what is not a language tag at all.
fn language(site: &Site, tag: &str) -> Result<Lang, ApiError> {
    check_language_tag(tag)?;
    Ok(site.language(Some(tag), None, ""))
}

/// 400 unless `tag` has the shape of a language tag (`ja`, `pt-BR`, `zh_Hant_TW`): the
/// pattern the OpenAPI document gives `lang`. What it names is matched by [`Site::language`].
pub(crate) fn check_language_tag(tag: &str) -> Result<(), ApiError> {
    let mut subtags = tag.split(['-', '_']);
    let primary = subtags.next().unwrap_or_default();
    let shaped = (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags.enumerate().all(|(i, subtag)| {
            i < 4
                && (1..=8).contains(&subtag.len())
                && subtag.bytes().all(|b| b.is_ascii_alphanumeric())
        });
    if !shaped {
        return Err(ApiError::bad_request(format!(
            "`lang` must be a language tag such as ja or pt-BR, got {:?}",
            tag.chars().take(40).collect::<String>()
        )));
    }
    Ok(())
}

fn parse_day(name: &str, value: &str) -> Result<Date, ApiError> {
    // Exactly `YYYY-MM-DD`, as the OpenAPI document says (jiff alone also reads `+002026-01-05`).
    let shape = value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    let parsed = if shape {
        value.parse::<Date>().ok()
    } else {
        None
    };
    parsed.ok_or_else(|| {
        ApiError::bad_request(format!(
            "`{name}` must be a date written YYYY-MM-DD, got {:?}",
            value.chars().take(40).collect::<String>()
        ))
    })
}

/// The filter for optional `source`, `series` and `group` query values (empty values are
/// ignored): the union of what they name, as on the calendar page; 400 when one names nothing
/// in `site`, listing the ids there are.
pub fn filter(
    site: &Site,
    source: Option<&str>,
    series: Option<&str>,
    group: Option<&str>,
) -> Result<Filter, ApiError> {
    let given = |value: Option<&str>| {
        value
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .into_iter()
            .collect()
    };
    let filter = Filter {
        sources: given(source),
        series: given(series),
        groups: given(group),
        own_only: false,
    };
    filter
        .check(site)
        .map_err(|unknown| ApiError::bad_request(unknown.to_string()))?;
    Ok(filter)
}

/// Answer `GET /api/v1/occurrences`.
#[utoipa::path(
    get,
    path = "/api/v1/occurrences",
    tag = "occurrences",
    params(OccurrencesQuery),
    responses(
        (status = 200, description = "Occurrences overlapping the window, sorted by start", body = OccurrencesResponse),
        (status = 400, description = "A malformed date, zone, filter, window or language tag", body = ApiError),
    ),
)]
pub fn occurrences(
    site: &Site,
    query: &OccurrencesQuery,
    now: Timestamp,
) -> Result<OccurrencesResponse, ApiError> {
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if limit > MAX_LIMIT {
        return Err(ApiError::bad_request(format!(
            "`limit` must be from 1 to {MAX_LIMIT}, got {limit}"
        )));
    }
    occurrences_paged(site, query, now, limit)
}

/// Every occurrence of the window in one answer, whatever its size (the static export's file,
/// which cannot page).
pub fn all_occurrences(
    site: &Site,
    query: &OccurrencesQuery,
    now: Timestamp,
) -> Result<OccurrencesResponse, ApiError> {
    occurrences_paged(site, query, now, usize::MAX)
}

fn occurrences_paged(
    site: &Site,
    query: &OccurrencesQuery,
    now: Timestamp,
    limit: usize,
) -> Result<OccurrencesResponse, ApiError> {
    let viewer = Viewer::from_query(query.tz.as_deref(), site.default_tz())
        .map_err(|err| ApiError::bad_request(err.to_string()))?;
    let lang = match query.lang.as_deref().filter(|tag| !tag.is_empty()) {
        Some(tag) => Some(language(site, tag)?),
        None => None,
    };
    let zone = &viewer.tz.zone;
    let from = match &query.from {
        Some(from) => parse_day("from", from)?,
        None => now.to_zoned_datetime(zone.clone()).date(),
    };
    let to = match &query.to {
        Some(to) => parse_day("to", to)?,
        None => from
            .checked_add(30.days())
            .map_err(|_| ApiError::bad_request("`from` is out of range"))?,
    };
    if to <= from {
        return Err(ApiError::bad_request("`to` must be after `from`"));
    }
    let days = (to - from).get_days();
    if days > MAX_WINDOW_DAYS {
        return Err(ApiError::bad_request(format!(
            "the window is {days} days; ask for at most {MAX_WINDOW_DAYS} days per request"
        )));
    }
    if limit == 0 {
        return Err(ApiError::bad_request("`limit` must be at least 1"));
    }
    let after = match query.after.as_deref().filter(|a| !a.is_empty()) {
        Some(after) => {
            let cursor = after.parse::<Cursor>().map_err(ApiError::bad_request)?;
            if cursor.skip > MAX_SKIP {
                return Err(ApiError::bad_request(format!(
                    "`after` must be a cursor from a previous answer's `next`, got {after:?} \
                     (it skips more than {MAX_SKIP} occurrences)"
                )));
            }
            Some(cursor)
        }
        None => None,
    };
    let filter = filter(
        site,
        query.source.as_deref(),
        query.series.as_deref(),
        query.group.as_deref(),
    )?;
    let crate::ItemsPage {
        mut items,
        mut next,
        ..
    } = site.items_page(
        crate::start_of_day(from, zone),
        crate::start_of_day(to, zone),
        zone,
        &filter,
        after,
        limit,
    );
    let mut occurrences: Vec<ApiOccurrence> = items
        .iter()
        .map(|item| ApiOccurrence::from_item_in(site, item, lang))
        .collect();
    // An answer's bytes are bounded as its count is: past MAX_ANSWER_BYTES the page ends early
    // (never empty) and `next` goes on from there.
    let mut bytes = 0;
    let fits = occurrences
        .iter()
        .position(|o| {
            bytes += o.json_bytes();
            bytes > MAX_ANSWER_BYTES
        })
        .map(|over| over.max(1));
    if let Some(fits) = fits.filter(|n| *n < items.len()) {
        items.truncate(fits);
        occurrences.truncate(fits);
        next = Cursor::after_page(&items, after);
    }
    Ok(OccurrencesResponse {
        occurrences,
        next: next.map(|cursor| {
            // The same window (pinned: `from` may have been "today") and filters.
            let (from, to, limit, after) = (
                from.to_string(),
                to.to_string(),
                query.limit.map(|l| l.to_string()),
                cursor.to_string(),
            );
            let pairs = [
                ("from", Some(&from)),
                ("to", Some(&to)),
                ("tz", query.tz.as_ref()),
                ("source", query.source.as_ref()),
                ("series", query.series.as_ref()),
                ("group", query.group.as_ref()),
                ("limit", limit.as_ref()),
                ("lang", query.lang.as_ref()),
                ("after", Some(&after)),
            ];
            let given = pairs.into_iter().filter_map(|(name, value)| {
                Some((name, value.map(String::as_str).filter(|v| !v.is_empty())?))
            });
            site.href(&paths::api_occurrences().with_query(given))
        }),
    })
}

/// One outside calendar in `GET /api/v1/calendars`.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct ApiCalendar {
    /// The `[[calendars]]` id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The feed's public URL, without credentials, query string or fragment; null for a file,
    /// or for a private address (Google's `private-…`) that has no public form.
    pub url: Option<String>,
    /// CSS colour.
    pub colour: Option<String>,
    /// `ok`, `stale`, `error` or `pending`.
    #[schema(value_type = String, example = "ok")]
    pub status: &'static str,
    /// When the last good copy was fetched (RFC 3339), or null.
    pub last_success: Option<String>,
    /// When the source was last tried (RFC 3339), or null.
    pub last_attempt: Option<String>,
    /// The last error, when the last attempt failed.
    pub last_error: Option<String>,
    /// Path of the cleaned iCalendar copy Touchpoint publishes (`/sources/{id}.ics`).
    pub feed: String,
}

/// Response of `GET /api/v1/calendars`.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct CalendarsResponse {
    /// Every outside calendar, in file order.
    pub calendars: Vec<ApiCalendar>,
}

/// Answer `GET /api/v1/calendars`.
#[utoipa::path(
    get,
    path = "/api/v1/calendars",
    tag = "calendars",
    responses((status = 200, description = "Every outside calendar and its health", body = CalendarsResponse)),
)]
pub fn calendars(site: &Site) -> CalendarsResponse {
    CalendarsResponse {
        calendars: site
            .sources
            .iter()
            .map(|source| ApiCalendar {
                id: source.decl.id.clone(),
                name: source.decl.name.clone(),
                url: source.decl.public_url(),
                colour: source.decl.colour.clone(),
                status: source.status.as_str(),
                last_success: source.last_success.map(|t| t.to_string()),
                last_attempt: source.last_attempt.map(|t| t.to_string()),
                last_error: source.last_error.clone(),
                feed: site.href(&paths::source_feed(&source.decl.id)),
            })
            .collect(),
    }
}

/// A link with its label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct ApiLink {
    /// The text to show.
    pub label: String,
    /// The target; null for a label that links nowhere (a chat channel without a URL).
    pub url: Option<String>,
}

/// A change to one date of a series.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct ApiException {
    /// The local date (series zone) of the regular occurrence this changes, `YYYY-MM-DD`; for
    /// an extra occurrence, its own date.
    pub date: String,
    /// `cancel`, `move`, `extra`, or `links` (the meeting happens as usual; only links change).
    #[schema(value_type = String, example = "cancel")]
    pub kind: &'static str,
    /// Why the occurrence is cancelled (for `cancel`), else null.
    pub reason: Option<String>,
    /// The new local start (series zone), `YYYY-MM-DDTHH:MM:SS`, for `move`; the extra
    /// occurrence's local start for `extra`; else null.
    pub start: Option<String>,
    /// An agenda link for this date only, or null.
    pub agenda: Option<String>,
    /// A notes link for this date only, or null.
    pub notes: Option<String>,
    /// A recording link for this date only, or null.
    pub recording: Option<String>,
}

/// One of the community's own recurring meetings.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct ApiSeries {
    /// Stable id (`[a-z0-9-]+`).
    pub id: String,
    /// The UID its events carry in every feed.
    pub uid: String,
    /// Display title.
    pub title: String,
    /// Plain-text description, or null.
    pub description: Option<String>,
    /// The IANA zone the meeting is anchored in (its local time stays put across DST changes).
    pub timezone: String,
    /// Local start time in `timezone`, `HH:MM`.
    pub start: String,
    /// How long each occurrence lasts, as an ISO 8601 / RFC 5545 duration (`PT1H`).
    pub duration: String,
    /// The cadence in words ("Every other Tuesday").
    pub cadence: String,
    /// The recurrence rule as RFC 5545 writes it (without the UNTIL the `last` date adds).
    pub rrule: String,
    /// Local date of the first occurrence, `YYYY-MM-DD`.
    pub first: String,
    /// Last date an occurrence may fall on (inclusive), or null when the series does not end.
    pub last: Option<String>,
    /// The id of the group it belongs to, or null.
    pub group: Option<String>,
    /// Where to join (video call), or null; only when `join_visibility` is `public`.
    pub join: Option<String>,
    /// How the series shares its join link: `public`, `near-start` (on the site's pages
    /// shortly before each meeting only), `registration` (register at `register`) or `hidden`.
    #[schema(value_type = String, example = "public")]
    pub join_visibility: &'static str,
    /// Where to register for the join link when `join_visibility` is `registration`, or null.
    pub register: Option<String>,
    /// Whom to ask for the join link when it is not public (http(s) or mailto), or null.
    pub contact: Option<String>,
    /// Where agendas live, or null.
    pub agenda: Option<String>,
    /// Where notes live, or null.
    pub notes: Option<String>,
    /// Where recordings live, or null.
    pub recordings: Option<String>,
    /// Path of the series' own iCalendar feed (`/series/{id}.ics`).
    pub feed: String,
    /// Per-date changes, in file order.
    pub exceptions: Vec<ApiException>,
}

impl ApiSeries {
    /// The API form of a series.
    pub fn from_series(site: &Site, series: &Series) -> ApiSeries {
        ApiSeries {
            id: series.id.clone(),
            uid: series.uid(),
            title: series.title.to_string(),
            description: series.description.as_deref().map(str::to_owned),
            timezone: series.timezone.name.to_string(),
            start: series.start.strftime("%H:%M").to_string(),
            duration: touchpoint_calendar::write::format_duration(&series.duration),
            cadence: series.cadence(),
            rrule: series.recurrence.to_rrule().to_string(),
            first: series.first.to_string(),
            last: series.last.map(|d| d.to_string()),
            group: series.group.clone(),
            join: match series.join_policy.visibility {
                JoinVisibility::Public => series.join.clone(),
                _ => None,
            },
            join_visibility: series.join_policy.visibility.name(),
            register: match series.join_policy.visibility {
                JoinVisibility::Registration => series.join_policy.register.clone(),
                _ => None,
            },
            contact: match series.join_policy.visibility {
                JoinVisibility::Public => None,
                _ => series.join_policy.contact.clone(),
            },
            agenda: series.agenda.clone(),
            notes: series.notes.clone(),
            recordings: series.recordings.clone(),
            feed: site.href(&paths::series_feed(&series.id)),
            exceptions: series
                .exceptions
                .iter()
                .map(|exception| {
                    let (kind, reason, start) = match &exception.change {
                        Change::None => ("links", None, None),
                        Change::Cancel(reason) => ("cancel", Some(reason.clone()), None),
                        Change::Move(to) => ("move", None, Some(local(*to))),
                        Change::Extra(time) => (
                            "extra",
                            None,
                            Some(local(exception.date.to_datetime(*time))),
                        ),
                    };
                    ApiException {
                        date: exception.date.to_string(),
                        kind,
                        reason,
                        start,
                        agenda: exception.agenda.clone(),
                        notes: exception.notes.clone(),
                        recording: exception.recording.clone(),
                    }
                })
                .collect(),
        }
    }
}

fn local(dt: jiff::civil::DateTime) -> String {
    dt.strftime("%Y-%m-%dT%H:%M:%S").to_string()
}

/// Response of `GET /api/v1/series`.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct SeriesListResponse {
    /// Every series of the community, in file order.
    pub series: Vec<ApiSeries>,
}

/// Response of `GET /api/v1/series/{id}`.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct SeriesResponse {
    /// The series.
    pub series: ApiSeries,
    /// Its next occurrences that have not ended (at most 5), in the community's zone.
    pub upcoming: Vec<ApiOccurrence>,
}

/// A working group.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct ApiGroup {
    /// Stable id (`[a-z0-9-]+`).
    pub id: String,
    /// Display title.
    pub title: String,
    /// Plain-text description, or null.
    pub description: Option<String>,
    /// The group's repository, or null.
    pub repository: Option<ApiLink>,
    /// The mailing list, or null.
    pub mailing_list: Option<ApiLink>,
    /// The chat channel, or null.
    pub chat: Option<ApiLink>,
    /// A calendar note ("Bi-weekly call"), or null.
    pub calendar: Option<ApiLink>,
    /// The cadence of its series in words, or null when it has none.
    pub cadence: Option<String>,
    /// Ids of its series, in file order.
    pub series: Vec<String>,
    /// Path of the group's iCalendar feed (`/groups/{id}.ics`).
    pub feed: String,
}

impl ApiGroup {
    /// The API form of a group.
    pub fn from_group(site: &Site, group: &Group) -> ApiGroup {
        let link = |link: &touchpoint_community::Link| ApiLink {
            label: link.label.to_string(),
            url: Some(link.url.clone()),
        };
        let channel = |channel: &touchpoint_community::Channel| ApiLink {
            label: channel.label.to_string(),
            url: channel.url.clone(),
        };
        ApiGroup {
            id: group.id.clone(),
            title: group.title.to_string(),
            description: group.description.as_deref().map(str::to_owned),
            repository: group.repository.as_ref().map(link),
            mailing_list: group.mailing_list.as_ref().map(link),
            chat: group.chat.as_ref().map(channel),
            calendar: group.calendar.as_ref().map(channel),
            cadence: group.cadence(&site.community),
            series: site
                .community
                .group_series(&group.id)
                .map(|s| s.id.clone())
                .collect(),
            feed: site.href(&paths::group_feed(&group.id)),
        }
    }
}

/// Response of `GET /api/v1/groups`.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct GroupsResponse {
    /// Every working group, in file order.
    pub groups: Vec<ApiGroup>,
}

/// Response of `GET /api/v1/groups/{id}`.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct GroupResponse {
    /// The group.
    pub group: ApiGroup,
    /// Its series.
    pub series: Vec<ApiSeries>,
    /// The next occurrences of its series that have not ended (at most 5).
    pub upcoming: Vec<ApiOccurrence>,
}

/// Answer `GET /api/v1/series`.
#[utoipa::path(
    get,
    path = "/api/v1/series",
    tag = "series",
    responses((status = 200, description = "Every series of the community", body = SeriesListResponse)),
)]
pub fn series_list(site: &Site) -> SeriesListResponse {
    SeriesListResponse {
        series: site
            .community
            .series
            .iter()
            .map(|series| ApiSeries::from_series(site, series))
            .collect(),
    }
}

/// Answer `GET /api/v1/series/{id}`: 404 for an unknown id.
#[utoipa::path(
    get,
    path = "/api/v1/series/{id}",
    tag = "series",
    params(("id" = String, Path, description = "The series id")),
    responses(
        (status = 200, description = "The series and its next occurrences", body = SeriesResponse),
        (status = 404, description = "No series has this id", body = ApiError),
    ),
)]
pub fn series(site: &Site, id: &str, now: Timestamp) -> Result<SeriesResponse, ApiError> {
    let series = site
        .community
        .series(id)
        .ok_or_else(|| ApiError::not_found(format!("no series {id:?}")))?;
    Ok(SeriesResponse {
        series: ApiSeries::from_series(site, series),
        upcoming: site
            .next_of_series(id, now, UPCOMING)
            .iter()
            .map(|item| ApiOccurrence::from_item(site, item))
            .collect(),
    })
}

/// Answer `GET /api/v1/groups`.
#[utoipa::path(
    get,
    path = "/api/v1/groups",
    tag = "groups",
    responses((status = 200, description = "Every working group", body = GroupsResponse)),
)]
pub fn groups(site: &Site) -> GroupsResponse {
    GroupsResponse {
        groups: site
            .community
            .groups
            .iter()
            .map(|group| ApiGroup::from_group(site, group))
            .collect(),
    }
}

/// Answer `GET /api/v1/groups/{id}`: 404 for an unknown id.
#[utoipa::path(
    get,
    path = "/api/v1/groups/{id}",
    tag = "groups",
    params(("id" = String, Path, description = "The group id")),
    responses(
        (status = 200, description = "The group, its series and their next occurrences", body = GroupResponse),
        (status = 404, description = "No group has this id", body = ApiError),
    ),
)]
pub fn group(site: &Site, id: &str, now: Timestamp) -> Result<GroupResponse, ApiError> {
    let group = site
        .community
        .group(id)
        .ok_or_else(|| ApiError::not_found(format!("no group {id:?}")))?;
    let filter = Filter {
        groups: vec![id.to_owned()],
        own_only: true,
        ..Filter::default()
    };
    Ok(GroupResponse {
        group: ApiGroup::from_group(site, group),
        series: site
            .community
            .group_series(id)
            .map(|series| ApiSeries::from_series(site, series))
            .collect(),
        upcoming: site
            .upcoming(now, &filter, UPCOMING)
            .iter()
            .map(|item| ApiOccurrence::from_item(site, item))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::ApiError;

    #[test]
    fn says_what_was_wrong_then_the_status() {
        let error = ApiError::bad_request("`from` is not a date");
        assert_eq!(error.to_string(), "`from` is not a date (400)");
        assert_eq!(
            ApiError::not_found("no series").to_string(),
            "no series (404)"
        );
    }
}
