//! The planner's arithmetic, kept apart from the page: which local times do not exist or happen
//! twice (jiff's ambiguous offsets), which clock changes fall in the hours shown, and which
//! start times put the most cities inside working hours.

use jiff::civil::{DateTime, Weekday};
use jiff::tz::{AmbiguousOffset, Offset, TimeZone};
use jiff::{Timestamp, ToSpan};

/// Local working hours: from 09:00 …
pub const WORK_START: i8 = 9;
/// … to 18:00, Monday to Friday.
pub const WORK_END: i8 = 18;

/// What a wall-clock time is in a zone on its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WallClock {
    /// It happens once.
    Once,
    /// It does not exist: clocks jump from `before` to `after` over it (spring forward).
    Gap {
        /// The offset before the jump.
        before: Offset,
        /// The offset after it.
        after: Offset,
    },
    /// It happens twice: first at `before`, then at `after` (fall back).
    Fold {
        /// The first offset.
        before: Offset,
        /// The second.
        after: Offset,
    },
}

/// Whether `at` exists, once, in `zone`.
pub fn wall_clock(zone: &TimeZone, at: DateTime) -> WallClock {
    match zone.to_ambiguous_timestamp(at).offset() {
        AmbiguousOffset::Unambiguous { .. } => WallClock::Once,
        AmbiguousOffset::Gap { before, after } => WallClock::Gap { before, after },
        AmbiguousOffset::Fold { before, after } => WallClock::Fold { before, after },
    }
}

/// "UTC+5:30", "UTC−3", "UTC+12:45", "UTC": an offset as people read it, minutes shown only
/// when there are some.
pub fn offset_text(offset: Offset) -> String {
    let seconds = offset.seconds();
    if seconds == 0 {
        return "UTC".to_owned();
    }
    let sign = if seconds < 0 { '−' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    match minutes % 60 {
        0 => format!("UTC{sign}{}", minutes / 60),
        m => format!("UTC{sign}{}:{m:02}", minutes / 60),
    }
}

/// A clock change in a zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    /// When it happens.
    pub at: Timestamp,
    /// The offset before.
    pub before: Offset,
    /// The offset after.
    pub after: Offset,
}

/// The clock changes of `zone` from `from` (inclusive) to `to` (exclusive).
pub fn changes(zone: &TimeZone, from: Timestamp, to: Timestamp) -> Vec<Change> {
    let start = from.checked_sub(1.nanosecond()).unwrap_or(from);
    zone.following(start)
        .take_while(|t| t.timestamp() < to)
        .filter_map(|t| {
            let at = t.timestamp();
            let before = zone.to_offset(at.checked_sub(1.second()).ok()?);
            (before != t.offset()).then_some(Change {
                at,
                before,
                after: t.offset(),
            })
        })
        .collect()
}

/// Whether a meeting from `start` to `end` sits inside the working day (a weekday, 09:00 to
/// 18:00) in `zone`.
pub fn in_working_hours(zone: &TimeZone, start: Timestamp, end: Timestamp) -> bool {
    let local_start = start.to_zoned_datetime(zone.clone());
    let local_end = end.to_zoned_datetime(zone.clone());
    let weekday = !matches!(local_start.weekday(), Weekday::Saturday | Weekday::Sunday);
    let day_start = local_start
        .date()
        .to_datetime(jiff::civil::time(WORK_START, 0, 0, 0));
    let day_end = local_start
        .date()
        .to_datetime(jiff::civil::time(WORK_END, 0, 0, 0));
    weekday && local_start.datetime() >= day_start && local_end.datetime() <= day_end
}

/// How many of `zones` see a meeting starting at each of `starts` and lasting `length` inside
/// their working hours.
pub fn scores(
    zones: &[&TimeZone],
    starts: &[Timestamp],
    length: jiff::SignedDuration,
) -> Vec<usize> {
    starts
        .iter()
        .map(|&start| {
            let end = start.checked_add(length).unwrap_or(start);
            zones
                .iter()
                .filter(|zone| in_working_hours(zone, start, end))
                .count()
        })
        .collect()
}

/// The indexes of the best of `scores`: those with the highest score, when it is above zero.
pub fn best(scores: &[usize]) -> Vec<usize> {
    let top = scores.iter().copied().max().unwrap_or(0);
    if top == 0 {
        return Vec::new();
    }
    (0..scores.len()).filter(|&i| scores[i] == top).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use jiff::tz::offset;

    fn tz(name: &str) -> TimeZone {
        TimeZone::get(name).unwrap()
    }

    #[test]
    fn finds_the_gap_and_the_fold_of_new_york_in_2027() {
        let ny = tz("America/New_York");
        assert_eq!(
            wall_clock(&ny, date(2027, 3, 14).at(2, 30, 0, 0)),
            WallClock::Gap {
                before: offset(-5),
                after: offset(-4)
            }
        );
        assert_eq!(
            wall_clock(&ny, date(2027, 11, 7).at(1, 30, 0, 0)),
            WallClock::Fold {
                before: offset(-4),
                after: offset(-5)
            }
        );
        assert_eq!(
            wall_clock(&ny, date(2027, 3, 14).at(3, 30, 0, 0)),
            WallClock::Once
        );
        assert_eq!(
            wall_clock(&ny, date(2027, 3, 15).at(2, 30, 0, 0)),
            WallClock::Once
        );
        assert_eq!(
            wall_clock(&tz("Asia/Kolkata"), date(2027, 3, 14).at(2, 30, 0, 0)),
            WallClock::Once
        );
    }

    #[test]
    fn writes_offsets_with_minutes_only_when_there_are_some() {
        let at = "2027-01-15T12:00:00Z".parse().unwrap();
        let text = |name: &str| offset_text(tz(name).to_offset(at));
        assert_eq!(text("Asia/Kolkata"), "UTC+5:30");
        assert_eq!(text("Asia/Kathmandu"), "UTC+5:45");
        assert_eq!(text("Pacific/Chatham"), "UTC+13:45");
        assert_eq!(text("America/Sao_Paulo"), "UTC−3");
        assert_eq!(text("Europe/London"), "UTC");
        assert_eq!(text("Asia/Tokyo"), "UTC+9");
    }

    #[test]
    fn lists_clock_changes_in_a_window() {
        let from: Timestamp = "2027-03-13T00:00:00Z".parse().unwrap();
        let to: Timestamp = "2027-03-16T00:00:00Z".parse().unwrap();
        let found = changes(&tz("America/New_York"), from, to);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].at, "2027-03-14T07:00:00Z".parse().unwrap());
        assert_eq!((found[0].before, found[0].after), (offset(-5), offset(-4)));
        assert!(changes(&tz("Asia/Tokyo"), from, to).is_empty());
    }

    #[test]
    fn scores_hours_by_cities_in_working_hours() {
        let (berlin, ny, tokyo) = (
            tz("Europe/Berlin"),
            tz("America/New_York"),
            tz("Asia/Tokyo"),
        );
        let zones = [&berlin, &ny, &tokyo];
        // Tuesday 16 March 2027; New York is already on summer time, Berlin not yet.
        let starts: Vec<Timestamp> = (0..24)
            .map(|h| {
                "2027-03-16T00:00:00Z"
                    .parse::<Timestamp>()
                    .unwrap()
                    .checked_add((h * 3600).seconds())
                    .unwrap()
            })
            .collect();
        let got = scores(&zones, &starts, jiff::SignedDuration::from_hours(1));
        // 13:00–16:00 UTC: Berlin 14–17, New York 09–12: two cities, Tokyo at night; and
        // 08:00 UTC: Berlin 09:00, Tokyo 17:00 (the meeting ends at 18:00, still inside).
        assert_eq!(best(&got), vec![8, 13, 14, 15, 16]);
        assert_eq!(got[13], 2);
        // 00:00 UTC: Tokyo 09:00 only.
        assert_eq!(got[0], 1);
        // 17:00 UTC would end at 19:00 in Berlin: outside.
        assert_eq!(got[17], 1);
    }

    #[test]
    fn weekends_are_not_working_hours() {
        let saturday: Timestamp = "2027-03-20T10:00:00Z".parse().unwrap();
        let end = saturday.checked_add(1.hour()).unwrap();
        assert!(!in_working_hours(&tz("Europe/London"), saturday, end));
        assert_eq!(best(&[0, 0]), Vec::<usize>::new());
    }
}
