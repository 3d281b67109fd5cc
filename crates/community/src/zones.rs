//! Suggesting IANA zone names for one that is not: `touchpoint check` (an unknown `timezone`)
//! and the pages (an unknown `?tz=`) say the same, from this one function.

use crate::diagnostic::edit_distance;

/// Most names suggested.
const MOST: usize = 3;

/// IANA names close to `asked`, best first: compared with each whole name and with its last
/// part, so "Berln" and "Europe/Berln" both find "Europe/Berlin". Only the best matches and
/// those nearly as good are kept, so the hint stays to the point; none when nothing is close.
pub fn suggest_zones(asked: &str) -> Vec<String> {
    if let Some((_, cities)) = ABBREVIATIONS
        .iter()
        .find(|(abbreviation, _)| abbreviation.eq_ignore_ascii_case(asked.trim()))
    {
        return cities.iter().map(|&city| city.to_owned()).collect();
    }
    let asked = asked.trim().to_lowercase();
    let asked_len = asked.chars().count();
    let limit = (asked_len / 3).max(2);
    let mut scored: Vec<(usize, String)> = jiff::tz::db()
        .available()
        .filter_map(|name| {
            let name = name.as_str();
            // A name close to a typo is offered to be used as it is: never one that reads as a
            // region's clock but is a fixed offset ([`fixed_offset_trap`]).
            if fixed_offset_trap(name).is_some() {
                return None;
            }
            let lower = name.to_lowercase();
            let city = lower.rsplit('/').next().unwrap_or(&lower);
            // Two texts are at least their lengths' difference apart: a name that far off is
            // not measured. So a long `?tz=` costs a count per zone, not a 15,000-by-30 table
            // of edit distances for each of them (seconds for one request).
            let near = |text: &str| asked_len.abs_diff(text.chars().count()) <= limit;
            let distance = [lower.as_str(), city]
                .into_iter()
                .filter(|text| near(text))
                .map(|text| edit_distance(&asked, text))
                .min()?;
            (distance <= limit).then(|| (distance, name.to_owned()))
        })
        .collect();
    scored.sort();
    let best = scored.first().map_or(0, |(distance, _)| *distance);
    scored
        .into_iter()
        .filter(|(distance, _)| *distance <= best + 1)
        .take(MOST)
        .map(|(_, name)| name)
        .collect()
}

/// Abbreviations people write for a zone that are not IANA names (or are, as a fixed offset:
/// [`fixed_offset_trap`]), with the zones of the places that keep them in winter and summer.
/// Only those that name one clock: "IST" (India, Ireland, Israel) or "CST" (China, Cuba, North
/// America) do not.
const ABBREVIATIONS: &[(&str, &[&str])] = &[
    ("PST", &["America/Los_Angeles", "America/Vancouver"]),
    ("PDT", &["America/Los_Angeles", "America/Vancouver"]),
    ("EST", &["America/New_York", "America/Toronto"]),
    ("EDT", &["America/New_York", "America/Toronto"]),
    ("CDT", &["America/Chicago", "America/Winnipeg"]),
    ("MST", &["America/Denver", "America/Phoenix"]),
    ("MDT", &["America/Denver", "America/Edmonton"]),
    ("CEST", &["Europe/Berlin", "Europe/Paris"]),
    ("BST", &["Europe/London"]),
    ("JST", &["Asia/Tokyo"]),
    ("AEST", &["Australia/Sydney", "Australia/Brisbane"]),
    ("AEDT", &["Australia/Sydney", "Australia/Melbourne"]),
];

/// Why an IANA name that reads as a region's clock is not one, if it is such a name: `EST` and
/// `MST` are UTC−5 and UTC−7 all year (no daylight saving time: New York and Denver are an hour
/// off for most of the year), and `Etc/GMT+5` is UTC−5 (POSIX signs: the opposite of what it
/// reads as). Each with the zones a person likely meant.
pub fn fixed_offset_trap(name: &str) -> Option<(String, &'static [&'static str])> {
    let name = name.trim();
    if name.eq_ignore_ascii_case("EST") {
        return Some((
            "EST is UTC−05:00 all year, without daylight saving time".to_owned(),
            &["America/New_York", "America/Toronto"],
        ));
    }
    if name.eq_ignore_ascii_case("MST") {
        return Some((
            "MST is UTC−07:00 all year, without daylight saving time".to_owned(),
            &["America/Denver", "America/Phoenix"],
        ));
    }
    let (etc, offset) = name.split_at_checked(7)?;
    let hours: i8 = offset.strip_prefix('+').unwrap_or(offset).parse().ok()?;
    if !etc.eq_ignore_ascii_case("Etc/GMT") || hours == 0 || !offset.starts_with(['+', '-']) {
        return None;
    }
    let sign = if hours > 0 { '−' } else { '+' };
    Some((
        format!(
            "{name} is UTC{sign}{:02}:00 all year (in Etc/ names the sign is reversed), without \
             daylight saving time",
            hours.unsigned_abs()
        ),
        &[],
    ))
}

#[cfg(test)]
mod tests {
    use super::{fixed_offset_trap, suggest_zones};

    #[test]
    fn can_suggest_a_regions_zone_for_its_abbreviation() {
        assert_eq!(
            suggest_zones("PST"),
            ["America/Los_Angeles", "America/Vancouver"]
        );
        assert_eq!(suggest_zones(" est ")[0], "America/New_York");
        // Not a fixed offset for a typo: "PTS" was "PST" or "PDT", not "EST" or "MST".
        for typo in ["PTS", "ESTT", "Etc/GMT+55"] {
            assert!(
                suggest_zones(typo)
                    .iter()
                    .all(|zone| fixed_offset_trap(zone).is_none()),
                "{typo}: {:?}",
                suggest_zones(typo)
            );
        }
    }

    #[test]
    fn can_tell_the_fixed_offsets_that_read_as_a_regions_clock() {
        assert!(fixed_offset_trap("EST").unwrap().0.contains("UTC−05:00"));
        assert_eq!(fixed_offset_trap("MST").unwrap().1[0], "America/Denver");
        assert_eq!(
            fixed_offset_trap("Etc/GMT-5").unwrap().0,
            "Etc/GMT-5 is UTC+05:00 all year (in Etc/ names the sign is reversed), without \
             daylight saving time"
        );
        assert!(
            fixed_offset_trap("Etc/GMT+10")
                .unwrap()
                .0
                .contains("UTC−10:00")
        );
        for fine in [
            "UTC",
            "Etc/GMT",
            "Etc/GMT+0",
            "Etc/UTC",
            "HST",
            "America/New_York",
            "EST5EDT",
        ] {
            assert_eq!(fixed_offset_trap(fine), None, "{fine}");
        }
    }

    #[test]
    fn can_suggest_zones_by_whole_name_or_city() {
        assert_eq!(suggest_zones("Europe/Berln")[0], "Europe/Berlin");
        assert!(suggest_zones("Berlin").contains(&"Europe/Berlin".to_owned()));
        assert!(suggest_zones(" madrid ").contains(&"Europe/Madrid".to_owned()));
    }

    #[test]
    fn suggests_nothing_for_a_name_far_from_every_zone() {
        assert!(suggest_zones("Mars/Olympus Mons").is_empty());
    }

    #[test]
    fn suggests_nothing_for_a_name_longer_than_every_zone_by_far() {
        // What a request may send as `?tz=`: no zone is near, so none is measured against it.
        assert!(suggest_zones(&"A".repeat(15_000)).is_empty());
        // A typo in a long name is still found.
        assert_eq!(
            suggest_zones("America/Argentina/ComodRivadavi")[0],
            "America/Argentina/ComodRivadavia"
        );
    }
}
