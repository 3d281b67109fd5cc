//! iCalendar feeds: the community's series (`/calendar.ics`), one series, one group, a cleaned
//! copy of an outside calendar, and everything merged (`/all.ics`). All are written by the
//! calendar crate's writer, which adds a VTIMEZONE from the tz database for every TZID used,
//! X-WR-CALNAME/X-WR-CALDESC and REFRESH-INTERVAL.
//!
//! The community's own events are the series compiled by the community crate: a cancelled date is
//! an EXDATE with its time **and** a `STATUS:CANCELLED` override carrying the reason, so clients
//! that honour either see it. Their UID is `{series id}@{community host}`, stable as long as the
//! id is. Their SEQUENCE and LAST-MODIFIED come from [`Site::revised`] (see [`sequence`]).
//!
//! Every function is pure: the same site gives byte-identical output, so the server's ETag and
//! Last-Modified stay valid between changes.

use jiff::Timestamp;
use touchpoint_calendar::write::{Revision, write_events};
use touchpoint_calendar::{Calendar, Event, write};

use crate::{Site, safe_url};

/// `Content-Type` of every feed.
pub const CONTENT_TYPE: &str = "text/calendar; charset=utf-8";

/// The instant SEQUENCE counts from: 2020-01-01T00:00:00Z.
const SEQUENCE_EPOCH: i64 = 1_577_836_800;

/// The SEQUENCE of the community's own events when the community file was last changed at
/// `revised`: the seconds from 2020-01-01T00:00:00Z to `revised` (0 before then).
///
/// RFC 5545 asks for a SEQUENCE that rises with every significant change and never goes back.
/// A hash of the compiled series would change but not rise, and counting revisions needs
/// memory of the previous content. The file's modification time rises whenever the file is
/// edited, pulled or checked out again, and stays put while it is not, so a number that grows
/// with it is monotonic and stable without any state: it may rise when nothing meaningful
/// changed (a `touch`, a change to another series), which clients take as a harmless update,
/// but it never stays put or falls when a series changed. Seconds keep two edits a minute apart
/// distinct and fit the 32-bit integer clients store until 2088.
pub fn sequence(revised: Timestamp) -> i64 {
    (revised.as_second() - SEQUENCE_EPOCH).max(0)
}

/// When a feed of `site` last changed: the later of the outside calendars' last good copy and
/// the community file's modification time. It is every event's DTSTAMP and the HTTP
/// `Last-Modified` of every feed.
pub fn modified(site: &Site) -> Timestamp {
    site.revised
        .map_or(site.updated, |revised| revised.max(site.updated))
}

/// Set SEQUENCE and LAST-MODIFIED of the community's own events from [`Site::revised`].
fn revise(site: &Site, events: &mut [Event]) {
    if let Some(revised) = site.revised {
        for event in events {
            event.sequence = sequence(revised);
            event.last_modified = Some(revised);
        }
    }
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

/// The community's own series compiled, with SEQUENCE and LAST-MODIFIED set.
fn own(site: &Site) -> Calendar {
    let mut calendar = site.own();
    revise(site, &mut calendar.events);
    calendar
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
        .clone()
        .unwrap_or_else(|| format!("Meetings of {}", info.name));
    let header = Calendar {
        timezone: Some(info.timezone.name.to_string()),
        ..Calendar::default()
    };
    let revision = site.revised.map(|revised| Revision {
        sequence: sequence(revised),
        last_modified: revised,
    });
    write_events(
        &named(header, info.name.clone(), description),
        site.by_series.iter().flat_map(|calendar| &calendar.events),
        revision,
        now,
    )
}

/// `/series/{id}.ics`; `None` for an unknown id.
pub fn series(site: &Site, id: &str, now: Timestamp) -> Option<String> {
    let series = site.community.series(id)?;
    let mut calendar = site.community.series_calendar(id)?;
    revise(site, &mut calendar.events);
    let name = format!("{} — {}", series.title, site.community.info.name);
    let description = series.description.clone().unwrap_or_else(|| {
        format!(
            "{}: {} ({})",
            site.community.info.name,
            series.title,
            series.cadence()
        )
    });
    Some(write(&named(calendar, name, description), now))
}

/// `/groups/{id}.ics`: the group's series; `None` for an unknown id.
pub fn group(site: &Site, id: &str, now: Timestamp) -> Option<String> {
    let group = site.community.group(id)?;
    let mut calendar = site.community.group_calendar(id)?;
    revise(site, &mut calendar.events);
    let name = format!("{} — {}", group.title, site.community.info.name);
    let description = group
        .description
        .clone()
        .unwrap_or_else(|| format!("Meetings of the {} working group", group.title));
    Some(write(&named(calendar, name, description), now))
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
    let mut calendar = own(site);
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
    write(&named(calendar, name, description), now)
}

/// Every feed of `site` as (path, body), in a stable order: what `touchpoint build` writes.
pub fn every(site: &Site) -> Vec<(String, String)> {
    let now = modified(site);
    let mut feeds = vec![
        ("/calendar.ics".to_owned(), community(site, now)),
        ("/all.ics".to_owned(), all(site, now)),
    ];
    for series in &site.community.series {
        if let Some(body) = self::series(site, &series.id, now) {
            feeds.push((format!("/series/{}.ics", series.id), body));
        }
    }
    for group in &site.community.groups {
        if let Some(body) = self::group(site, &group.id, now) {
            feeds.push((format!("/groups/{}.ics", group.id), body));
        }
    }
    for source in &site.sources {
        if let Some(body) = self::source(site, &source.decl.id, now) {
            feeds.push((format!("/sources/{}.ics", source.decl.id), body));
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
