//! iCalendar feeds: the community's series (`/calendar.ics`), one series, one group, a cleaned
//! copy of an outside calendar, and everything merged (`/all.ics`). All are written by the
//! calendar crate's writer, which adds a VTIMEZONE from the tz database for every TZID used,
//! X-WR-CALNAME/X-WR-CALDESC and REFRESH-INTERVAL.
//!
//! The community's own events are the series compiled by the community crate: a cancelled date is
//! an EXDATE with its time **and** a `STATUS:CANCELLED` override carrying the reason, so clients
//! that honour either see it. Their UID is `{series id}@{community host}`, stable as long as the
//! id is. Their SEQUENCE, LAST-MODIFIED and DTSTAMP come from the store's revisions
//! ([`Site::set_revisions`]): they change when the event does, and only then.
//!
//! Every function is pure: the same site gives byte-identical output, so the server's ETag and
//! Last-Modified stay valid between changes.

use jiff::Timestamp;
use touchpoint_calendar::write::write_events;
use touchpoint_calendar::{Calendar, Event, write};
use touchpoint_community::Text;

use crate::{Site, SitePath, paths, safe_url};

/// `Content-Type` of every feed.
pub const CONTENT_TYPE: &str = "text/calendar; charset=utf-8";

/// When a feed of `site` last changed: the later of the outside calendars' last good copy and
/// the last change of the community's own events. It is the DTSTAMP of outside events and the
/// HTTP `Last-Modified` of every feed.
pub fn modified(site: &Site) -> Timestamp {
    site.revised()
        .map_or(site.updated, |revised| revised.max(site.updated))
}

/// When `/calendar.ics` last changed: the last change of the community's own events (what it
/// publishes), else [`modified`]. Its HTTP `Last-Modified`: an outside calendar's change leaves
/// its bytes, and so this, alone.
pub fn community_modified(site: &Site) -> Timestamp {
    site.revised().unwrap_or_else(|| modified(site))
}

/// When `/series/{id}.ics` last changed: the last change of that series' events, else
/// [`modified`]. Its HTTP `Last-Modified`.
pub fn series_modified(site: &Site, id: &str) -> Timestamp {
    let now = modified(site);
    site.community
        .series_calendar(id)
        .map_or(now, |calendar| last_change(site, &calendar, now))
}

/// When `/groups/{id}.ics` last changed: the last change of its series' events, else
/// [`modified`]. Its HTTP `Last-Modified`.
pub fn group_modified(site: &Site, id: &str) -> Timestamp {
    let now = modified(site);
    site.community
        .group_calendar(id)
        .map_or(now, |calendar| last_change(site, &calendar, now))
}

fn named(mut calendar: Calendar, name: String, description: String) -> Calendar {
    calendar.name = Some(name);
    calendar.description = Some(description);
    calendar.prodid = Some(format!(
        "-//Touchpoint//Touchpoint {}//EN",
        env!("CARGO_PKG_VERSION")
    ));
    calendar
}

/// `calendar` (its own events) written with the community's revisions: SEQUENCE,
/// LAST-MODIFIED and DTSTAMP of each own event from the store, so a feed keeps its bytes while
/// its events do not change, whatever else changes on the site.
fn write_revised(site: &Site, calendar: &Calendar, now: Timestamp) -> String {
    write_events(calendar, calendar.events.iter(), |e| site.revision(e), now)
}

/// The last change of `calendar`'s own events, else `now`: the "now" of a feed of the
/// community's series only, so a change elsewhere on the site leaves its bytes alone (the
/// VTIMEZONEs are listed ten years past it).
fn last_change(site: &Site, calendar: &Calendar, now: Timestamp) -> Timestamp {
    calendar
        .events
        .iter()
        .filter_map(|e| site.revision(e))
        .map(|r| r.last_modified)
        .max()
        .unwrap_or(now)
}

/// `/calendar.ics`: every series of the community. `now` is the DTSTAMP (use [`modified`] to
/// keep the output stable).
///
/// Written from the series the site already holds compiled, not from a new whole-community
/// calendar: a big community's feed costs its text, not a second copy of every event.
pub fn community(site: &Site, now: Timestamp) -> String {
    let info = &site.community.info;
    let description = info
        .description
        .as_ref()
        .map_or_else(|| format!("Meetings of {}", info.name), Text::to_string);
    let header = Calendar {
        timezone: Some(info.timezone.name.to_string()),
        ..Calendar::default()
    };
    write_events(
        &named(header, info.name.to_string(), description),
        site.by_series.iter().flat_map(|calendar| &calendar.events),
        |e| site.revision(e),
        site.revised().unwrap_or(now),
    )
}

/// `/series/{id}.ics`; `None` for an unknown id.
pub fn series(site: &Site, id: &str, now: Timestamp) -> Option<String> {
    let series = site.community.series(id)?;
    let calendar = site.community.series_calendar(id)?;
    let name = format!("{} — {}", series.title, site.community.info.name);
    let description = series.description.as_ref().map_or_else(
        || {
            format!(
                "{}: {} ({})",
                site.community.info.name,
                series.title,
                series.cadence()
            )
        },
        Text::to_string,
    );
    let now = last_change(site, &calendar, now);
    Some(write_revised(
        site,
        &named(calendar, name, description),
        now,
    ))
}

/// `/groups/{id}.ics`: the group's series; `None` for an unknown id.
pub fn group(site: &Site, id: &str, now: Timestamp) -> Option<String> {
    let group = site.community.group(id)?;
    let calendar = site.community.group_calendar(id)?;
    let name = format!("{} — {}", group.title, site.community.info.name);
    let description = group.description.as_ref().map_or_else(
        || format!("Meetings of the {} working group", group.title),
        Text::to_string,
    );
    let now = last_change(site, &calendar, now);
    Some(write_revised(
        site,
        &named(calendar, name, description),
        now,
    ))
}

/// `/sources/{id}.ics`: an outside calendar as Touchpoint read it, with unsafe links dropped
/// (empty until a good copy was fetched); `None` for an unknown id.
pub fn source(site: &Site, id: &str, now: Timestamp) -> Option<String> {
    let source = site.sources.iter().find(|s| s.decl.id == id)?;
    let mut calendar = source.calendar.clone().unwrap_or_default();
    clean(&mut calendar.events);
    let name = source.decl.name.clone();
    let description = format!(
        "{} as followed by {} (a cleaned copy)",
        source.decl.name, site.community.info.name
    );
    Some(write(&named(calendar, name, description), now))
}

/// `/all.ics`: the community's series and every outside calendar, each UID once.
pub fn all(site: &Site, now: Timestamp) -> String {
    let mut calendar = site.own();
    let mut seen: std::collections::HashSet<String> =
        calendar.events.iter().map(|e| e.uid.clone()).collect();
    for source in &site.sources {
        let Some(outside) = &source.calendar else {
            continue;
        };
        let mut fresh = std::collections::HashSet::new();
        for event in &outside.events {
            // A UID already published by an earlier source is the same meeting: keep the first.
            if !seen.contains(&event.uid) {
                fresh.insert(event.uid.clone());
                calendar.events.push(event.clone());
            }
        }
        seen.extend(fresh);
    }
    clean(&mut calendar.events);
    let info = &site.community.info;
    let name = format!("{} and calendars it follows", info.name);
    let description = format!(
        "Meetings of {} and of the calendars it follows, merged",
        info.name
    );
    write_revised(site, &named(calendar, name, description), now)
}

/// Every feed of `site` as (path, body), in a stable order: what `touchpoint build` writes.
pub fn every(site: &Site) -> Vec<(SitePath, String)> {
    let now = modified(site);
    let mut feeds = vec![
        (paths::community_feed(), community(site, now)),
        (paths::all_feed(), all(site, now)),
    ];
    for series in &site.community.series {
        if let Some(body) = self::series(site, &series.id, now) {
            feeds.push((paths::series_feed(&series.id), body));
        }
    }
    for group in &site.community.groups {
        if let Some(body) = self::group(site, &group.id, now) {
            feeds.push((paths::group_feed(&group.id), body));
        }
    }
    for source in &site.sources {
        if let Some(body) = self::source(site, &source.decl.id, now) {
            feeds.push((paths::source_feed(&source.decl.id), body));
        }
    }
    feeds
}

fn clean(events: &mut [Event]) {
    for event in events {
        if event.url.as_deref().is_some_and(|url| !safe_url(url)) {
            event.url = None;
        }
    }
}
