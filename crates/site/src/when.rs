//! The viewer's time zone and how times are shown in it.

use jiff::Timestamp;
use touchpoint_calendar::Tz;

use crate::Item;

/// The zone a page is rendered in: `?tz=`, else the `tz` cookie, else the community's default.
#[derive(Clone, Debug)]
pub struct Viewer {
    /// The zone.
    pub tz: Tz,
}

/// An unknown `?tz=` value.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown time zone {asked:?}: write an IANA name such as Europe/Madrid, America/New_York or UTC{}",
    did_you_mean(suggestions)
)]
pub struct ViewerError {
    /// What was asked for.
    pub asked: String,
    /// Close IANA names, best first.
    pub suggestions: Vec<String>,
}

/// " (did you mean A, B?)", or nothing without suggestions.
fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", suggestions.join(", "))
    }
}

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
                    suggestions: touchpoint_community::suggest_zones(name),
                }),
        }
    }

    /// The viewer for a request: `?tz=` wins (an unknown name is an error, so the visitor
    /// learns of the typo), then the `tz` cookie (an unknown name there is ignored: a cookie
    /// set by an older tz database must not lock a visitor out), then `default`.
    pub fn from_request(
        query: Option<&str>,
        cookie: Option<&str>,
        default: &Tz,
    ) -> Result<Viewer, ViewerError> {
        if query.is_some_and(|tz| !tz.trim().is_empty()) {
            return Viewer::from_query(query, default);
        }
        let remembered = cookie
            .map(str::trim)
            .filter(|tz| !tz.is_empty())
            .and_then(Tz::iana);
        Ok(Viewer {
            tz: remembered.unwrap_or_else(|| default.clone()),
        })
    }

    /// The wall clock of an instant in the viewer's zone.
    pub fn local(&self, at: Timestamp) -> jiff::ZonedDateTime {
        at.to_zoned_datetime(self.tz.zone.clone())
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
            || abbreviation == &*self.tz.name
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

/// "Happening now", "Starts in 2 h 15 min" (within a day; whole hours from 3 h on, where
/// minutes are noise), or `None`: the marker of an occurrence from `start` to `end` seen at
/// `now`.
pub fn relative_marker(start: Timestamp, end: Timestamp, now: Timestamp) -> Option<String> {
    if start <= now && now < end {
        return Some("Happening now".to_owned());
    }
    let ahead = (start - now).as_secs();
    if ahead <= 0 || ahead > 24 * 3600 {
        return None;
    }
    let minutes = (ahead + 59) / 60;
    let (hours, minutes) = (minutes / 60, minutes % 60);
    Some(match (hours, minutes) {
        (0, m) => format!("Starts in {m} min"),
        (h, _) if h >= 3 => format!("Starts in {h} h"),
        (h, 0) => format!("Starts in {h} h"),
        (h, m) => format!("Starts in {h} h {m} min"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn can_prefer_the_query_then_the_cookie_then_the_default() {
        let utc = Tz::utc();
        let q = Viewer::from_request(Some("Asia/Tokyo"), Some("Europe/Berlin"), &utc).unwrap();
        assert_eq!(&*q.tz.name, "Asia/Tokyo");
        let c = Viewer::from_request(None, Some("Europe/Berlin"), &utc).unwrap();
        assert_eq!(&*c.tz.name, "Europe/Berlin");
        let d = Viewer::from_request(Some(" "), None, &utc).unwrap();
        assert_eq!(&*d.tz.name, "UTC");
    }

    #[test]
    fn says_which_zone_is_unknown_and_what_it_may_have_meant() {
        let mut error = ViewerError {
            asked: "Europe/Madird".to_owned(),
            suggestions: vec!["Europe/Madrid".to_owned(), "Europe/Malta".to_owned()],
        };
        let start = "unknown time zone \"Europe/Madird\": write an IANA name such as \
                     Europe/Madrid, America/New_York or UTC";
        assert_eq!(
            error.to_string(),
            format!("{start} (did you mean Europe/Madrid, Europe/Malta?)")
        );
        error.suggestions.clear();
        assert_eq!(error.to_string(), start);
    }

    #[test]
    fn suggests_the_zones_check_suggests() {
        for asked in [
            "Europe/Berln",
            "Madrid",
            "America/New York",
            "Mars/Olympus Mons",
        ] {
            let page = Viewer::from_query(Some(asked), &Tz::utc())
                .unwrap_err()
                .suggestions;
            let file = format!("[community]\nname = \"T\"\ntimezone = \"{asked}\"\n");
            let Err(diagnostics) = touchpoint_community::parse(&file) else {
                panic!("{asked}: an unknown zone passed the check");
            };
            let hint = diagnostics.iter().find_map(|d| d.hint.clone()).unwrap();
            let quoted: Vec<String> = page.iter().map(|zone| format!("\"{zone}\"")).collect();
            if page.is_empty() {
                assert!(!hint.contains("did you mean"), "{asked}: {hint}");
            } else {
                assert_eq!(
                    hint,
                    format!("did you mean {}?", quoted.join(", ")),
                    "{asked}"
                );
            }
        }
    }

    #[test]
    fn errors_when_the_query_names_no_zone_but_ignores_a_bad_cookie() {
        let utc = Tz::utc();
        assert!(Viewer::from_request(Some("Mars/Olympus"), None, &utc).is_err());
        let v = Viewer::from_request(None, Some("Mars/Olympus"), &utc).unwrap();
        assert_eq!(&*v.tz.name, "UTC");
    }

    #[test]
    fn can_mark_happening_now_and_starting_soon() {
        let start = ts("2026-11-26T12:00:00Z");
        let end = ts("2026-11-26T13:00:00Z");
        assert_eq!(
            relative_marker(start, end, ts("2026-11-26T12:30:00Z")).as_deref(),
            Some("Happening now")
        );
        assert_eq!(
            relative_marker(start, end, ts("2026-11-26T10:00:00Z")).as_deref(),
            Some("Starts in 2 h")
        );
        assert_eq!(
            relative_marker(start, end, ts("2026-11-26T09:45:00Z")).as_deref(),
            Some("Starts in 2 h 15 min")
        );
        assert_eq!(
            relative_marker(start, end, ts("2026-11-26T11:50:00Z")).as_deref(),
            Some("Starts in 10 min")
        );
        assert_eq!(
            relative_marker(start, end, ts("2026-11-25T11:00:00Z")),
            None
        );
        assert_eq!(
            relative_marker(start, end, ts("2026-11-26T13:00:00Z")),
            None
        );
    }
}
