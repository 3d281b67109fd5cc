//! Suggesting IANA zone names for one that is not: `touchpoint check` (an unknown `timezone`)
//! and the pages (an unknown `?tz=`) say the same, from this one function.

use crate::diagnostic::edit_distance;

/// Most names suggested.
const MOST: usize = 3;

/// IANA names close to `asked`, best first: compared with each whole name and with its last
/// part, so "Berln" and "Europe/Berln" both find "Europe/Berlin". Only the best matches and
/// those nearly as good are kept, so the hint stays to the point; none when nothing is close.
pub fn suggest_zones(asked: &str) -> Vec<String> {
    let asked = asked.trim().to_lowercase();
    let asked_len = asked.chars().count();
    let limit = (asked_len / 3).max(2);
    let mut scored: Vec<(usize, String)> = jiff::tz::db()
        .available()
        .filter_map(|name| {
            let name = name.as_str();
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

#[cfg(test)]
mod tests {
    use super::suggest_zones;

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
