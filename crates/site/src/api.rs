//! The JSON API's request and response types and the functions that answer them.

use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use serde::{Deserialize, Serialize};

use crate::{Filter, Item, MAX_WINDOW_DAYS, Site, Viewer};

/// An API error: HTTP status and a message saying what was wrong and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ApiError {
    /// HTTP status code.
    #[serde(skip)]
    pub status: u16,
    /// What was wrong.
    pub error: String,
}

impl ApiError {
    fn bad_request(error: impl Into<String>) -> ApiError {
        ApiError {
            status: 400,
            error: error.into(),
        }
    }
}

/// Query of `GET /api/v1/occurrences`.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct OccurrencesQuery {
    /// First day, `YYYY-MM-DD`, inclusive (default: today in `tz`).
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`, exclusive (default: 30 days after `from`).
    pub to: Option<String>,
    /// IANA zone the days are read in and floating times shown in (default: the community's).
    pub tz: Option<String>,
    /// Only this source: a `[[calendars]]` id, or `community` for the community's own series.
    pub source: Option<String>,
    /// Only this series.
    pub series: Option<String>,
    /// Only this group's series.
    pub group: Option<String>,
}

/// One occurrence in the API.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ApiOccurrence {
    /// The event's UID.
    pub uid: String,
    /// The community series it belongs to, or null.
    pub series: Option<String>,
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
    pub status: &'static str,
    /// A join or details link (http(s) or mailto only), or null.
    pub url: Option<String>,
}

impl ApiOccurrence {
    /// The API form of an item.
    pub fn from_item(item: &Item<'_>) -> ApiOccurrence {
        ApiOccurrence {
            uid: item.event.uid.clone(),
            series: item.series().map(str::to_owned),
            source: item.source().map(str::to_owned),
            title: item.title().to_owned(),
            start: item.start.to_json_string(),
            end: item.end.to_json_string(),
            all_day: item.all_day(),
            status: item.status.as_str().unwrap_or("confirmed"),
            url: item.url().map(str::to_owned),
        }
    }
}

/// Response of `GET /api/v1/occurrences`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OccurrencesResponse {
    /// Occurrences overlapping the window, sorted by start.
    pub occurrences: Vec<ApiOccurrence>,
}

fn parse_day(name: &str, value: &str) -> Result<Date, ApiError> {
    value.parse::<Date>().map_err(|_| {
        ApiError::bad_request(format!(
            "`{name}` must be a date written YYYY-MM-DD, got {:?}",
            value.chars().take(40).collect::<String>()
        ))
    })
}

/// Answer `GET /api/v1/occurrences`.
pub fn occurrences(
    site: &Site,
    query: &OccurrencesQuery,
    now: Timestamp,
) -> Result<OccurrencesResponse, ApiError> {
    let viewer = Viewer::from_query(query.tz.as_deref(), site.default_tz())
        .map_err(|err| ApiError::bad_request(err.to_string()))?;
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
    let mut filter = Filter::default();
    if let Some(source) = &query.source {
        if source != "community" && !site.sources.iter().any(|s| &s.decl.id == source) {
            return Err(ApiError::bad_request(format!(
                "no calendar source {source:?}"
            )));
        }
        filter.sources.push(source.clone());
    }
    if let Some(series) = &query.series {
        if site.community.series(series).is_none() {
            return Err(ApiError::bad_request(format!("no series {series:?}")));
        }
        filter.series.push(series.clone());
    }
    if let Some(group) = &query.group {
        if site.community.group(group).is_none() {
            return Err(ApiError::bad_request(format!("no group {group:?}")));
        }
        filter.groups.push(group.clone());
    }
    let items = site.items(
        crate::start_of_day(from, zone),
        crate::start_of_day(to, zone),
        zone,
        &filter,
    );
    Ok(OccurrencesResponse {
        occurrences: items.iter().map(ApiOccurrence::from_item).collect(),
    })
}

/// One outside calendar in `GET /api/v1/calendars`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ApiCalendar {
    /// The `[[calendars]]` id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The feed URL, when it is fetched over HTTP.
    pub url: Option<String>,
    /// CSS colour.
    pub colour: Option<String>,
    /// `ok`, `stale`, `error` or `pending`.
    pub status: &'static str,
    /// When the last good copy was fetched (RFC 3339), or null.
    pub last_success: Option<String>,
    /// When the source was last tried (RFC 3339), or null.
    pub last_attempt: Option<String>,
    /// The last error, when the last attempt failed.
    pub last_error: Option<String>,
}

/// Response of `GET /api/v1/calendars`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CalendarsResponse {
    /// Every outside calendar, in file order.
    pub calendars: Vec<ApiCalendar>,
}

/// Answer `GET /api/v1/calendars`.
pub fn calendars(site: &Site) -> CalendarsResponse {
    CalendarsResponse {
        calendars: site
            .sources
            .iter()
            .map(|source| ApiCalendar {
                id: source.decl.id.clone(),
                name: source.decl.name.clone(),
                url: match &source.decl.location {
                    touchpoint_community::Location::Url(url) => Some(url.clone()),
                    touchpoint_community::Location::Path(_) => None,
                },
                colour: source.decl.colour.clone(),
                status: source.status.as_str(),
                last_success: source.last_success.map(|t| t.to_string()),
                last_attempt: source.last_attempt.map(|t| t.to_string()),
                last_error: source.last_error.clone(),
            })
            .collect(),
    }
}
