//! The viewer's time zone and how times are shown in it.

use jiff::Timestamp;
use touchpoint_calendar::Tz;

use crate::Item;

/// The zone a page is rendered in: `?tz=`, else the community's default.
#[derive(Clone, Debug)]
pub struct Viewer {
    /// The zone.
    pub tz: Tz,
}

/// An unknown `?tz=` value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewerError {
    /// What was asked for.
    pub asked: String,
    /// Close IANA names, best first.
    pub suggestions: Vec<String>,
}

impl std::fmt::Display for ViewerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown time zone {:?}: write an IANA name such as Europe/Madrid, America/New_York or UTC",
            self.asked
        )?;
        if !self.suggestions.is_empty() {
            write!(f, " (did you mean {}?)", self.suggestions.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for ViewerError {}

impl Viewer {
    /// The viewer for an optional `?tz=` value; empty means the default.
    pub fn from_query(tz: Option<&str>, default: &Tz) -> Result<Viewer, ViewerError> {
        match tz.map(str::trim).filter(|tz| !tz.is_empty()) {
            None => Ok(Viewer {
                tz: default.clone(),
            }),
            Some(name) => Tz::iana(name)
                .map(|tz| Viewer { tz })
                .ok_or_else(|| ViewerError {
                    asked: name.chars().take(80).collect(),
                    suggestions: suggest_zones(name),
                }),
        }
    }

    /// The zone's name with its current abbreviation and offset: "Europe/Madrid (CET, UTC+01:00)".
    pub fn label(&self, now: Timestamp) -> String {
        let info = self.tz.zone.to_offset_info(now);
        let offset = info.offset();
        let abbreviation = info.abbreviation();
        let utc = if offset.seconds() == 0 {
            "UTC".to_owned()
        } else {
            format!("UTC{offset}")
        };
        if abbreviation.starts_with(['+', '-'])
            || abbreviation == self.tz.name
            || abbreviation == "UTC"
        {
            format!("{} ({utc})", self.tz.name)
        } else {
            format!("{} ({abbreviation}, {utc})", self.tz.name)
        }
    }

    /// "Thu 3 Dec 2026" for the day an instant falls on in the viewer's zone.
    pub fn day(&self, at: Timestamp) -> String {
        at.to_zoned_datetime(self.tz.zone.clone())
            .strftime("%a %-d %b %Y")
            .to_string()
    }

    /// "13:00" in the viewer's zone.
    pub fn clock(&self, at: Timestamp) -> String {
        at.to_zoned_datetime(self.tz.zone.clone())
            .strftime("%H:%M")
            .to_string()
    }

    /// The RFC 3339 instant for `<time datetime>`.
    pub fn machine(at: Timestamp) -> String {
        at.to_string()
    }

    /// "Thu 3 Dec 2026, 13:00–14:00" (or "… all day") for an item, in the viewer's zone.
    pub fn when(&self, item: &Item<'_>) -> String {
        if item.all_day() {
            return format!(
                "{}, all day",
                item.start.civil().date().strftime("%a %-d %b %Y")
            );
        }
        let start_day = self.day(item.start_at);
        let end_day = self.day(item.end_at);
        if item.end_at <= item.start_at {
            format!("{start_day}, {}", self.clock(item.start_at))
        } else if start_day == end_day {
            format!(
                "{start_day}, {}–{}",
                self.clock(item.start_at),
                self.clock(item.end_at)
            )
        } else {
            format!(
                "{start_day}, {} – {end_day}, {}",
                self.clock(item.start_at),
                self.clock(item.end_at)
            )
        }
    }
}

/// IANA names close to `asked`: same last component, or containing it, case-insensitively.
pub fn suggest_zones(asked: &str) -> Vec<String> {
    let needle = asked
        .rsplit(['/', ' '])
        .next()
        .unwrap_or(asked)
        .trim()
        .to_ascii_lowercase()
        .replace(' ', "_");
    if needle.len() < 3 {
        return Vec::new();
    }
    let mut found: Vec<String> = jiff::tz::db()
        .available()
        .map(|name| name.as_str().to_owned())
        .filter(|name| name.to_ascii_lowercase().contains(&needle))
        .collect();
    found.sort_by_key(|name| name.len());
    found.truncate(5);
    found
}
