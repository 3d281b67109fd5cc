//! A hub: many communities' sites on one instance, each under `/{community}/…`. Its own
//! answers at the root span every community: the home page (`html::hub::home`), the calendar
//! (`html::hub::calendar`), `/all.ics` ([`all_feed`]) and `/api/v1/occurrences` ([`occurrences`]),
//! each filterable by `community` (and, as on one community, by source, series and group).
//!
//! A community's own pages are its [`Site`] with the base path `/{community}`, so every link
//! they write stays under the prefix; the hub's answers link to them through that site.

use jiff::{Timestamp, ToSpan};
use serde::{Deserialize, Serialize};
use touchpoint_calendar::{Calendar, Event};
use touchpoint_community::Text;
use touchpoint_community::hub::HubInfo;
use utoipa::{IntoParams, ToSchema};

use crate::api::{ApiError, ApiOccurrence, DEFAULT_LIMIT, MAX_LIMIT};
use crate::export::{self, StaticFile};
use crate::html::View;
use crate::i18n::Lang;
use crate::{
    Cursor, Filter, IdKind, Item, MAX_WINDOW_DAYS, Site, SitePath, Viewer, feeds, paths, t,
};

/// A hub as one answer sees it.
#[derive(Clone, Copy, Debug)]
pub struct Hub<'a> {
    /// The `[hub]` table.
    pub info: &'a HubInfo,
    /// Path prefix the hub is served under ("" at the root).
    pub base_path: &'a str,
    /// Every community, in the hub's order.
    pub members: &'a [HubMember<'a>],
}

/// One community of a hub.
#[derive(Clone, Copy, Debug)]
pub struct HubMember<'a> {
    /// The URL segment it is served under.
    pub id: &'a str,
    /// Its site, or `None` when its file never loaded (its problems are `touchpoint check`'s).
    pub site: Option<&'a Site>,
}

impl<'a> Hub<'a> {
    /// The link to one of the hub's own paths.
    pub fn href(&self, path: &SitePath) -> String {
        format!("{}{path}", self.base_path)
    }

    /// The communities being served, with their sites.
    pub fn serving(&self) -> impl Iterator<Item = (&'a str, &'a Site)> + 'a {
        self.members.iter().filter_map(|m| Some((m.id, m.site?)))
    }
}

/// Which occurrences of a hub to list: the communities named (all when none), and within them
/// the union of the sources, series and groups named, as on one community's calendar.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HubFilter {
    /// These communities (ids), or every one.
    pub communities: Vec<String>,
    /// These sources (`[[calendars]]` ids, or `community` for own series) of each community.
    pub sources: Vec<String>,
    /// These series.
    pub series: Vec<String>,
    /// These groups' series.
    pub groups: Vec<String>,
}

impl HubFilter {
    /// The filter a query's `community`, `source`, `series` and `group` pairs give (each may
    /// repeat; empty values are ignored).
    pub fn from_pairs(pairs: &[(String, String)]) -> HubFilter {
        let mut filter = HubFilter::default();
        for (key, value) in pairs {
            if value.is_empty() {
                continue;
            }
            let list = match key.as_str() {
                "community" => &mut filter.communities,
                "source" => &mut filter.sources,
                "series" => &mut filter.series,
                "group" => &mut filter.groups,
                _ => continue,
            };
            if !list.contains(value) {
                list.push(value.clone());
            }
        }
        filter
    }

    /// Each community this filter lists, with its site and its own [`Filter`]: the ids named
    /// that it has. A community that has none of the source, series or group ids named is left
    /// out, unless `community=` names it: then it is shown whole (the calendar's form lists each
    /// ticked community's groups under its name, so a group ticked for one narrows that one,
    /// not the others ticked). An id that no community has (or an unknown community) is an
    /// error saying so.
    pub fn select<'a>(
        &self,
        hub: &Hub<'a>,
    ) -> Result<Vec<(&'a str, &'a Site, Filter)>, SelectError> {
        for asked in &self.communities {
            if !hub.serving().any(|(id, _)| id == asked) {
                return Err(SelectError::NoCommunity {
                    asked: asked.clone(),
                    known: hub.serving().map(|(id, _)| id.to_owned()).collect(),
                });
            }
        }
        let wanted: Vec<(&'a str, &'a Site)> = hub
            .members
            .iter()
            .filter_map(|m| Some((m.id, m.site?)))
            .filter(|(id, _)| {
                self.communities.is_empty() || self.communities.iter().any(|c| c == id)
            })
            .collect();
        let narrowed =
            !(self.sources.is_empty() && self.series.is_empty() && self.groups.is_empty());
        let mut selected = Vec::new();
        let found = |kind: IdKind, asked: &[String], site: &Site| -> Vec<String> {
            let known = kind.ids(site);
            asked
                .iter()
                .filter(|a| known.iter().any(|(id, _)| id == *a))
                .cloned()
                .collect()
        };
        let mut seen: Vec<String> = Vec::new();
        for (id, site) in wanted {
            let filter = Filter {
                sources: found(IdKind::Source, &self.sources, site),
                series: found(IdKind::Series, &self.series, site),
                groups: found(IdKind::Group, &self.groups, site),
                own_only: false,
            };
            let empty =
                filter.sources.is_empty() && filter.series.is_empty() && filter.groups.is_empty();
            seen.extend(
                filter
                    .sources
                    .iter()
                    .chain(&filter.series)
                    .chain(&filter.groups)
                    .cloned(),
            );
            if narrowed && empty && self.communities.is_empty() {
                continue;
            }
            selected.push((id, site, filter));
        }
        let missing: Vec<&String> = self
            .sources
            .iter()
            .chain(&self.series)
            .chain(&self.groups)
            .filter(|asked| !seen.contains(asked))
            .collect();
        if let Some(asked) = missing.first() {
            return Err(SelectError::NoId {
                asked: (*asked).clone(),
                among: self.communities.clone(),
            });
        }
        Ok(selected)
    }
}

/// Why a [`HubFilter`] selects nothing: it names what the hub does not have. `Display` is the
/// API's and the feed's English; [`SelectError::in_lang`] the page's sentence.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SelectError {
    /// `community=` names no community the hub serves.
    #[error("no community `{asked}` in this hub; there are: {}", known.join(", "))]
    NoCommunity {
        /// The id asked for.
        asked: String,
        /// The ids of the communities served.
        known: Vec<String>,
    },
    /// A source, series or group id that no community served (or none of those `community=`
    /// names) has.
    #[error("{}", no_id_message(.asked, .among))]
    NoId {
        /// The id asked for.
        asked: String,
        /// The communities `community=` names; empty: the whole hub.
        among: Vec<String>,
    },
}

impl SelectError {
    /// The reason as a sentence in `lang`, for the hub's "Nothing to show" page.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            SelectError::NoCommunity { asked, known } => t!(
                lang,
                "hub-no-such-community",
                id = asked.as_str(),
                known = known.join(", ")
            ),
            SelectError::NoId { asked, among } if among.is_empty() => {
                t!(lang, "hub-no-such-id", id = asked.as_str())
            }
            SelectError::NoId { asked, among } => t!(
                lang,
                "hub-no-such-id-among",
                id = asked.as_str(),
                communities = among.join(", ")
            ),
        }
    }
}

/// [`SelectError::NoId`]'s English: which communities were searched, so that an id another
/// community has is not reported as missing from the whole hub.
fn no_id_message(asked: &str, among: &[String]) -> String {
    match among {
        [] => format!("no community of this hub has a source, series or group `{asked}`"),
        _ => format!(
            "none of the communities asked for ({}) has a source, series or group `{asked}`",
            among
                .iter()
                .map(|id| format!("`{id}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// One occurrence of a hub: the community it belongs to and the occurrence.
#[derive(Clone, Debug)]
pub struct HubItem<'a> {
    /// The community's id.
    pub community: &'a str,
    /// Its site (for links under its prefix).
    pub site: &'a Site,
    /// The occurrence.
    pub item: Item<'a>,
}

/// A page of [`items_page`].
#[derive(Debug)]
pub struct HubPage<'a> {
    /// The items, by start, title, UID, then community.
    pub items: Vec<HubItem<'a>>,
    /// Where the next page starts, when there are more.
    pub next: Option<Cursor>,
}

/// The occurrences of the communities `selected` lists overlapping `[from, to)`, merged in one
/// order, a page at a time (`after`, `limit`: as [`Site::items_page`]). Each community is asked
/// only for the items a page could hold, so memory follows the page, not the hub.
pub fn items_page<'a>(
    selected: &[(&'a str, &'a Site, Filter)],
    from: Timestamp,
    to: Timestamp,
    zone: &jiff::tz::TimeZone,
    after: Option<Cursor>,
    limit: usize,
) -> HubPage<'a> {
    let skip = after.map_or(0, |c| c.skip);
    // Each community's first `skip + limit + 1` items from the cursor's instant on: whatever
    // the merge takes comes from these.
    let keep = skip.saturating_add(limit).saturating_add(1);
    let from_cursor = after.map(|c| Cursor {
        start: c.start,
        skip: 0,
    });
    let mut items: Vec<HubItem<'a>> = Vec::new();
    for (community, site, filter) in selected {
        let page = site.items_page(from, to, zone, filter, from_cursor, keep);
        items.extend(page.items.into_iter().map(|item| HubItem {
            community,
            site,
            item,
        }));
    }
    items.sort_by(|a, b| {
        (
            a.item.start_at,
            a.item.title(),
            a.item.event.uid.as_str(),
            a.community,
        )
            .cmp(&(
                b.item.start_at,
                b.item.title(),
                b.item.event.uid.as_str(),
                b.community,
            ))
    });
    if let Some(after) = after {
        let listed = items
            .iter()
            .take(after.skip)
            .take_while(|i| i.item.start_at == after.start)
            .count();
        items.drain(..listed);
    }
    if items.len() <= limit {
        return HubPage { items, next: None };
    }
    items.truncate(limit);
    let last = items.last().map(|i| i.item.start_at);
    let next = last.map(|start| {
        let same = items
            .iter()
            .rev()
            .take_while(|i| i.item.start_at == start)
            .count();
        let before = match after {
            Some(after) if after.start == start => after.skip,
            _ => 0,
        };
        Cursor {
            start,
            skip: before + same,
        }
    });
    HubPage { items, next }
}

/// The next `n` occurrences of the whole hub (own series and followed calendars) ending after
/// `now`, within the coming `days`.
pub fn upcoming<'a>(hub: &Hub<'a>, now: Timestamp, days: i64, n: usize) -> Vec<HubItem<'a>> {
    let selected: Vec<(&'a str, &'a Site, Filter)> = hub
        .serving()
        .map(|(id, site)| (id, site, Filter::default()))
        .collect();
    let to = now
        .checked_add((days * 24).hours())
        .unwrap_or(Timestamp::MAX);
    items_page(&selected, now, to, &hub.info.timezone.zone, None, n).items
}

/// Query of the hub's `GET /api/v1/occurrences`: one community's parameters (see
/// [`crate::api::OccurrencesQuery`]), and `community`.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HubOccurrencesQuery {
    /// Only these communities (their ids, the parameter repeated: `community=a&community=b`);
    /// default every one. An id the hub does not serve is a 400 listing those it does.
    #[serde(default)]
    #[param(explode = true, style = Form)]
    pub community: Vec<String>,
    /// First day, `YYYY-MM-DD`, inclusive (default: today in `tz`).
    #[param(format = Date, pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`, exclusive (default: 30 days after `from`). The window from
    /// `from` to `to` is at least one day and at most 732 days, and ends by 9999-12-31.
    #[param(format = Date, pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    pub to: Option<String>,
    /// IANA zone the days are read in (default: the hub's).
    pub tz: Option<String>,
    /// Only this source of each community (`community` for its own series). `source`,
    /// `series` and `group` together list the union of what they name; an id that none of the
    /// chosen communities has is a 400 naming them.
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
    /// The language of each community's own titles and descriptions, as a community's API
    /// reads `lang=`: per community, the closest language it offers, else its default.
    /// Empty: as when not given.
    #[param(pattern = r"^([A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8}){0,4})?$")]
    pub lang: Option<String>,
}

/// One occurrence in the hub's API: a community's occurrence and the community's id.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct HubOccurrence {
    /// The community it belongs to.
    pub community: String,
    /// The occurrence, as the community's API lists it.
    #[serde(flatten)]
    pub occurrence: ApiOccurrence,
}

/// Response of the hub's `GET /api/v1/occurrences`.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct HubOccurrencesResponse {
    /// Occurrences overlapping the window, by start (then title, UID and community).
    pub occurrences: Vec<HubOccurrence>,
    /// The URL of the next answer when the window holds more than `limit`; null on the last.
    pub next: Option<String>,
}

/// Answer the hub's `GET /api/v1/occurrences`: every community's (or `community`'s)
/// occurrences in the window, merged, a page at a time.
#[utoipa::path(
    get,
    path = "/api/v1/occurrences",
    tag = "occurrences",
    params(HubOccurrencesQuery),
    responses(
        (status = 200, description = "The chosen communities' occurrences overlapping the window, sorted by start", body = HubOccurrencesResponse),
        (status = 400, description = "A malformed date, zone, filter, window or language tag, or an id no chosen community has", body = ApiError),
    ),
)]
pub fn occurrences(
    hub: &Hub<'_>,
    query: &HubOccurrencesQuery,
    now: Timestamp,
) -> Result<HubOccurrencesResponse, ApiError> {
    let q = query;
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(ApiError::bad_request(format!(
            "`limit` must be from 1 to {MAX_LIMIT}, got {limit}"
        )));
    }
    let viewer = Viewer::from_query(q.tz.as_deref(), &hub.info.timezone)
        .map_err(|err| ApiError::bad_request(err.to_string()))?;
    let zone = &viewer.tz.zone;
    let day = |name: &str, value: &str| {
        value.parse::<jiff::civil::Date>().map_err(|_| {
            ApiError::bad_request(format!("`{name}` must be a date written YYYY-MM-DD"))
        })
    };
    let from = match &q.from {
        Some(from) => day("from", from)?,
        None => now.to_zoned_datetime(zone.clone()).date(),
    };
    let to = match &q.to {
        Some(to) => day("to", to)?,
        None => from
            .checked_add(30.days())
            .map_err(|_| ApiError::bad_request("`from` is out of range"))?,
    };
    if to <= from {
        return Err(ApiError::bad_request("`to` must be after `from`"));
    }
    if (to - from).get_days() > MAX_WINDOW_DAYS {
        return Err(ApiError::bad_request(format!(
            "ask for at most {MAX_WINDOW_DAYS} days per request"
        )));
    }
    let after = match q.after.as_deref().filter(|a| !a.is_empty()) {
        Some(after) => Some(after.parse::<Cursor>().map_err(ApiError::bad_request)?),
        None => None,
    };
    let lang = q.lang.as_deref().filter(|tag| !tag.is_empty());
    if let Some(tag) = lang {
        crate::api::check_language_tag(tag)?;
    }
    let one = |value: &Option<String>| value.iter().filter(|v| !v.is_empty()).cloned().collect();
    let filter = HubFilter {
        communities: query
            .community
            .iter()
            .filter(|c| !c.is_empty())
            .cloned()
            .collect(),
        sources: one(&q.source),
        series: one(&q.series),
        groups: one(&q.group),
    };
    let selected = filter
        .select(hub)
        .map_err(|error| ApiError::bad_request(error.to_string()))?;
    let page = items_page(
        &selected,
        crate::start_of_day(from, zone),
        crate::start_of_day(to, zone),
        zone,
        after,
        limit,
    );
    let occurrences = page
        .items
        .iter()
        .map(|i| HubOccurrence {
            community: i.community.to_owned(),
            occurrence: ApiOccurrence::from_item_in(
                i.site,
                &i.item,
                lang.map(|tag| i.site.language(Some(tag), None, "")),
            ),
        })
        .collect();
    let next = page.next.map(|cursor| {
        let (from, to, limit, after) = (
            from.to_string(),
            to.to_string(),
            q.limit.map(|l| l.to_string()),
            cursor.to_string(),
        );
        let communities = query.community.iter().map(|c| ("community", Some(c)));
        let pairs = [
            ("from", Some(&from)),
            ("to", Some(&to)),
            ("tz", q.tz.as_ref()),
        ]
        .into_iter()
        .chain(communities)
        .chain([
            ("source", q.source.as_ref()),
            ("series", q.series.as_ref()),
            ("group", q.group.as_ref()),
            ("limit", limit.as_ref()),
            ("lang", q.lang.as_ref()),
            ("after", Some(&after)),
        ]);
        let given = pairs.filter_map(|(name, value)| {
            Some((name, value.map(String::as_str).filter(|v| !v.is_empty())?))
        });
        hub.href(&crate::paths::api_occurrences().with_query(given))
    });
    Ok(HubOccurrencesResponse { occurrences, next })
}

/// One community in the hub's `GET /api/v1/communities`.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct HubCommunity {
    /// Its id: the URL segment it is served under.
    pub id: String,
    /// Its name, or null when its file has errors and it is not served.
    pub name: Option<String>,
    /// Its home page's path.
    pub href: String,
    /// How many series it has.
    pub series: usize,
}

/// Answer the hub's `GET /api/v1/communities`: every community, in the hub's order.
#[utoipa::path(
    get,
    path = "/api/v1/communities",
    tag = "communities",
    responses((status = 200, description = "Every community of the hub, in its order", body = [HubCommunity])),
)]
pub fn communities(hub: &Hub<'_>) -> Vec<HubCommunity> {
    hub.members
        .iter()
        .map(|m| HubCommunity {
            id: m.id.to_owned(),
            name: m.site.map(|s| s.community.info.name.to_string()),
            href: m.site.map_or_else(
                || hub.href(&crate::paths::home()),
                |s| s.href(&crate::paths::home()),
            ),
            series: m.site.map_or(0, |s| s.community.series.len()),
        })
        .collect()
}

/// The hub's `/all.ics`: the union of each listed community's `/all.ics` (its series and the
/// calendars it follows, exactly as that feed publishes them), each UID once. `filter` picks
/// communities; a source, series or group filter is not offered for the merged feed (each has
/// its own feed under the community's prefix).
pub fn all_feed(hub: &Hub<'_>, communities: &[String], now: Timestamp) -> String {
    let mut events: Vec<Event> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (id, site) in hub.serving() {
        if !communities.is_empty() && !communities.iter().any(|c| c == id) {
            continue;
        }
        // The community's own feed, read back: the hub publishes what each community does.
        let text = feeds::all(site, feeds::modified(site));
        let Ok(parsed) = touchpoint_calendar::parse(text.as_bytes()) else {
            continue;
        };
        for event in parsed.calendar.events {
            let key = touchpoint_calendar::write::revision_key(&event);
            if seen.insert(key) {
                events.push(event);
            }
        }
    }
    // Feeds are in the hub's default language, as a community's are.
    let description = hub.info.description.as_ref().map_or_else(
        || format!("Meetings of every community of {}", hub.info.name),
        Text::to_string,
    );
    let calendar = Calendar {
        name: Some(hub.info.name.to_string()),
        description: Some(description),
        timezone: Some(hub.info.timezone.name.to_string()),
        prodid: Some(format!(
            "-//Touchpoint//Touchpoint {}//EN",
            env!("CARGO_PKG_VERSION")
        )),
        ..Calendar::default()
    };
    touchpoint_calendar::write::write_events(&calendar, events.iter(), |_| None, now)
}

/// When the hub's feed last changed: the latest of its communities'.
pub fn modified(hub: &Hub<'_>) -> Timestamp {
    hub.serving()
        .map(|(_, site)| feeds::modified(site))
        .max()
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

/// Every file of the hub's static export at `now`: each community's whole export
/// ([`export::render`]) under `{community}/`, and the hub's own pages, feed, list of
/// communities and assets at the root (the spanning occurrences need a server: each
/// community's `api/v1/occurrences.json` is there). Links are made relative to each page, so the tree works wherever it is
/// put.
pub fn export(hub: &Hub<'_>, now: Timestamp) -> Vec<StaticFile> {
    let mut files = Vec::new();
    for (id, site) in hub.serving() {
        files.extend(
            export::render(site, now)
                .into_iter()
                .map(|file| StaticFile {
                    path: format!("{id}/{}", file.path),
                    body: file.body,
                }),
        );
    }
    let mut viewer = Viewer::new(hub.info.timezone.clone());
    viewer.lang = hub.info.language;
    let page = |path: &SitePath, markup: maud::Markup| {
        let file = path.export_file().unwrap_or_default();
        let mut text = markup.into_string();
        let script = format!(
            "<script src=\"{}\" data-local-times data-zone-from-query data-static></script>",
            hub.href(&paths::local_times())
        );
        match text.rfind("</body>") {
            Some(at) => text.insert_str(at, &script),
            None => text.push_str(&script),
        }
        StaticFile {
            body: export::relative_links(&text, hub.base_path, &file).into_bytes(),
            path: file,
        }
    };
    files.push(page(
        &paths::home(),
        crate::html::hub::home(hub, &viewer, now),
    ));
    // Each view at a path of its own: a static host serves the same file whatever the query.
    for view in [View::Agenda, View::Week, View::Month] {
        let period = crate::html::hub::HubPeriod {
            view,
            date: None,
            export: true,
        };
        if let Ok(markup) =
            crate::html::hub::calendar(hub, &viewer, now, &HubFilter::default(), &period)
        {
            files.push(page(&paths::calendar_view(view), markup));
        }
    }
    let asset = |path: &SitePath, body: Vec<u8>| StaticFile {
        path: path.export_file().unwrap_or_default(),
        body,
    };
    files.push(asset(
        &paths::all_feed(),
        all_feed(hub, &[], modified(hub)).into_bytes(),
    ));
    // The files the hub's pages load, as the server answers them (their `?v=` is a hash of
    // these bytes).
    files.extend(
        crate::assets::all()
            .iter()
            .map(|file| asset(&file.path(), file.body.clone())),
    );
    files.push(StaticFile {
        path: "api/v1/communities.json".to_owned(),
        body: serde_json::to_vec_pretty(&communities(hub)).unwrap_or_default(),
    });
    // The API's description, as the hub's server answers it (each community's is under its
    // own prefix).
    files.push(asset(
        &paths::api_openapi(),
        crate::openapi::hub_json(hub).into_bytes(),
    ));
    files
}
