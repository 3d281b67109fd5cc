//! iCalendar feeds: the community's series, one series, one group, a cleaned copy of an outside
//! calendar, and everything merged. All are written by the calendar crate's writer.

use jiff::Timestamp;
use touchpoint_calendar::{Calendar, Event, write};

use crate::{Site, safe_url};

/// `Content-Type` of every feed.
pub const CONTENT_TYPE: &str = "text/calendar; charset=utf-8";

fn named(mut calendar: Calendar, name: String, description: Option<String>) -> Calendar {
    calendar.name = Some(name);
    calendar.description = description;
    calendar.prodid = Some(format!(
        "-//Touchpoint//Touchpoint {}//EN",
        env!("CARGO_PKG_VERSION")
    ));
    calendar
}

/// `/calendar.ics`: every series of the community.
pub fn community(site: &Site, now: Timestamp) -> String {
    let info = &site.community.info;
    let calendar = named(
        site.own.clone(),
        info.name.clone(),
        info.description.clone(),
    );
    write(&calendar, now)
}

/// `/series/{id}.ics`.
pub fn series(site: &Site, id: &str, now: Timestamp) -> Option<String> {
    let series = site.community.series(id)?;
    let calendar = site.community.series_calendar(id)?;
    let name = format!("{} — {}", series.title, site.community.info.name);
    Some(write(
        &named(calendar, name, series.description.clone()),
        now,
    ))
}

/// `/groups/{id}.ics`.
pub fn group(site: &Site, id: &str, now: Timestamp) -> Option<String> {
    let group = site.community.group(id)?;
    let calendar = site.community.group_calendar(id)?;
    let name = format!("{} — {}", group.title, site.community.info.name);
    Some(write(
        &named(calendar, name, group.description.clone()),
        now,
    ))
}

/// `/sources/{id}.ics`: an outside calendar as Touchpoint read it, with unsafe links dropped.
pub fn source(site: &Site, id: &str, now: Timestamp) -> Option<String> {
    let source = site.sources.iter().find(|s| s.decl.id == id)?;
    let mut calendar = source.calendar.clone().unwrap_or_default();
    clean(&mut calendar.events);
    let name = source.decl.name.clone();
    Some(write(&named(calendar, name, None), now))
}

/// `/all.ics`: the community's series and every outside calendar, each UID once.
pub fn all(site: &Site, now: Timestamp) -> String {
    let mut calendar = site.own.clone();
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
    write(&named(calendar, name, info.description.clone()), now)
}

fn clean(events: &mut [Event]) {
    for event in events {
        if event.url.as_deref().is_some_and(|url| !safe_url(url)) {
            event.url = None;
        }
    }
}
