//! The week view's hour grid, laid out on the server so it works with JavaScript off: which
//! days the week shows, where an occurrence sits on a day in the viewer's zone, which hours the
//! grid needs, and how overlapping occurrences share a day's width.
//!
//! The grid's vertical axis is the wall clock (00:00 to 24:00), as a calendar's hour labels are.
//! An occurrence is placed by its wall-clock start and end in the viewer's zone, not by the time
//! elapsed since midnight: on a day whose clocks change (23 or 25 hours long) a 10:00 meeting is
//! on the 10:00 line, where counting elapsed hours would put it an hour off.

use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

/// Minutes from one midnight to the next on the wall clock.
pub const DAY_MINUTES: i32 = 24 * 60;

/// The shortest height an occurrence gets on the grid, so a zero-length or five-minute
/// occurrence stays readable and clickable.
pub const MIN_MINUTES: i32 = 20;

/// The hours the grid always shows (a working day), widened to what the week holds.
pub const WORKING_HOURS: (i32, i32) = (8, 18);

/// The first and last-plus-one day of the week view for `date`, `today` being today in the
/// viewer's zone: Monday to Sunday of `date`'s week, except that the week of today seen on a
/// Saturday or Sunday is the seven days from today, so the default week is not five past days.
pub fn week_span(date: Date, today: Date) -> (Date, Date) {
    let weekend = matches!(today.weekday(), Weekday::Saturday | Weekday::Sunday);
    let first = if date == today && weekend {
        today
    } else {
        monday_of(date)
    };
    (first, first.saturating_add(7.days()))
}

/// The Monday of `date`'s week.
pub fn monday_of(date: Date) -> Date {
    date.saturating_sub(i64::from(date.weekday().to_monday_zero_offset()).days())
}

/// The days the week view's "Earlier" and "Later" links show for a week `[first, end)`: the
/// Monday weeks just before and just after it (for a week started on a weekend, the week it
/// started in and the Monday week after the one it runs into).
pub fn week_neighbours(first: Date, end: Date) -> (Date, Date) {
    let earlier = monday_of(first.saturating_sub(1.day()));
    let later = monday_of(end.saturating_sub(1.day())).saturating_add(7.days());
    (earlier, later)
}

/// The part of an occurrence that falls on one day of the grid, in wall-clock minutes since
/// that day's midnight: `top` from 0, `bottom` up to [`DAY_MINUTES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Where it starts.
    pub top: i32,
    /// Where it ends (at least [`MIN_MINUTES`] below `top`).
    pub bottom: i32,
}

/// The part of `[start, end)` on `day` in `zone`, or `None` when it does not touch that day.
/// An occurrence that crosses midnight has a segment on each day it touches.
pub fn segment(start: Timestamp, end: Timestamp, day: Date, zone: &TimeZone) -> Option<Segment> {
    let day_start = crate::start_of_day(day, zone);
    let day_end = crate::start_of_day(day.saturating_add(1.day()), zone);
    let end = end.max(start);
    let touches = if end == start {
        day_start <= start && start < day_end
    } else {
        start < day_end && end > day_start
    };
    if !touches {
        return None;
    }
    let top = if start <= day_start {
        0
    } else {
        wall_minutes(start, zone)
    };
    let mut bottom = if end >= day_end {
        DAY_MINUTES
    } else {
        wall_minutes(end, zone)
    };
    if bottom <= top {
        // The clocks went back inside the occurrence (its end reads earlier than its start):
        // draw it as long as it lasts.
        let elapsed = (end - start.max(day_start)).as_secs() / 60;
        bottom = top.saturating_add(i32::try_from(elapsed).unwrap_or(DAY_MINUTES));
    }
    let bottom = bottom.max(top + MIN_MINUTES).min(DAY_MINUTES);
    let top = top.min(bottom - MIN_MINUTES);
    Some(Segment { top, bottom })
}

/// Minutes since midnight on the wall clock of `at` in `zone`.
pub fn wall_minutes(at: Timestamp, zone: &TimeZone) -> i32 {
    let time = at.to_zoned_datetime(zone.clone()).time();
    i32::from(time.hour()) * 60 + i32::from(time.minute())
}

/// How long `day` is in `zone`, in minutes: 1,440, or 1,380 and 1,500 on the days the clocks
/// change by an hour (1,410 and 1,470 on Lord Howe Island, where they move by half an hour).
pub fn day_minutes(day: Date, zone: &TimeZone) -> i64 {
    let start = crate::start_of_day(day, zone);
    let end = crate::start_of_day(day.saturating_add(1.day()), zone);
    (end - start).as_mins()
}

/// The hours `[from, to)` the grid shows: the working day, widened to every segment and to
/// `now` (wall-clock minutes) when the week holds today.
pub fn hour_range(segments: &[Segment], now: Option<i32>) -> (i32, i32) {
    let (mut from, mut to) = WORKING_HOURS;
    for segment in segments {
        from = from.min(segment.top / 60);
        to = to.max((segment.bottom + 59) / 60);
    }
    if let Some(now) = now {
        from = from.min(now / 60);
        to = to.max(now / 60 + 1);
    }
    (from.clamp(0, 23), to.clamp(1, 24))
}

/// Where an occurrence sits across a day's width: lane `lane` of `lanes` side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lane {
    /// Its lane, from 0 at the left.
    pub lane: usize,
    /// How many lanes its group of overlapping occurrences needs.
    pub lanes: usize,
}

/// The lane of each segment (in the order given): segments that overlap, directly or through
/// others, form a group; each takes the leftmost lane free at its start, earlier (then longer)
/// segments first, and every segment of a group gets the group's lane count, so they share the
/// width equally. Segments that only touch (one ends as the other starts) do not overlap.
pub fn lanes(segments: &[Segment]) -> Vec<Lane> {
    let mut order: Vec<usize> = (0..segments.len()).collect();
    order.sort_by_key(|&i| (segments[i].top, -segments[i].bottom, i));
    let mut placed = vec![Lane { lane: 0, lanes: 1 }; segments.len()];
    // The open group: its members, each lane's bottom, and where the group ends.
    let mut group: Vec<usize> = Vec::new();
    let mut lane_ends: Vec<i32> = Vec::new();
    let mut group_end = i32::MIN;
    let close = |group: &mut Vec<usize>, lane_ends: &mut Vec<i32>, placed: &mut [Lane]| {
        for &member in group.iter() {
            placed[member].lanes = lane_ends.len();
        }
        group.clear();
        lane_ends.clear();
    };
    for i in order {
        let Segment { top, bottom } = segments[i];
        if top >= group_end {
            close(&mut group, &mut lane_ends, &mut placed);
        }
        let lane = match lane_ends.iter().position(|&end| end <= top) {
            Some(free) => {
                lane_ends[free] = bottom;
                free
            }
            None => {
                lane_ends.push(bottom);
                lane_ends.len() - 1
            }
        };
        placed[i].lane = lane;
        group.push(i);
        group_end = if group.len() == 1 {
            bottom
        } else {
            group_end.max(bottom)
        };
    }
    close(&mut group, &mut lane_ends, &mut placed);
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn zone(name: &str) -> TimeZone {
        TimeZone::get(name).unwrap()
    }

    /// The instant of a wall-clock time in `zone` (the earlier one when it is repeated).
    fn at(wall: &str, zone: &TimeZone) -> Timestamp {
        let civil: jiff::civil::DateTime = wall.parse().unwrap();
        civil.to_zoned_datetime(zone.clone()).unwrap().timestamp()
    }

    fn seg(top: i32, bottom: i32) -> Segment {
        Segment { top, bottom }
    }

    fn lane(lane: usize, lanes: usize) -> Lane {
        Lane { lane, lanes }
    }

    #[test]
    fn can_start_the_default_week_today_on_a_weekend() {
        // Sat 5 Dec 2026: the seven days from today, not Mon 30 Nov .. Sun 6 Dec.
        let saturday = date("2026-12-05");
        assert_eq!(
            week_span(saturday, saturday),
            (saturday, date("2026-12-12"))
        );
        let sunday = date("2026-12-06");
        assert_eq!(week_span(sunday, sunday), (sunday, date("2026-12-13")));
        // On a weekday, and for any other date asked for, Monday to Sunday.
        let wednesday = date("2026-12-02");
        assert_eq!(
            week_span(wednesday, wednesday),
            (date("2026-11-30"), date("2026-12-07"))
        );
        assert_eq!(
            week_span(date("2026-12-19"), saturday),
            (date("2026-12-14"), date("2026-12-21"))
        );
    }

    #[test]
    fn can_step_to_the_monday_weeks_around_a_week() {
        // Mon 30 Nov .. Sun 6 Dec: the week before and the week after.
        assert_eq!(
            week_neighbours(date("2026-11-30"), date("2026-12-07")),
            (date("2026-11-23"), date("2026-12-07"))
        );
        // Sat 5 Dec .. Fri 11 Dec: the week it started in, and the week after Mon 7 Dec's.
        assert_eq!(
            week_neighbours(date("2026-12-05"), date("2026-12-12")),
            (date("2026-11-30"), date("2026-12-14"))
        );
    }

    #[test]
    fn can_place_an_occurrence_by_its_wall_clock_in_the_viewers_zone() {
        let tokyo = zone("Asia/Tokyo");
        // 12:00-13:00 UTC is 21:00-22:00 in Tokyo.
        let start = at("2026-11-26T21:00", &tokyo);
        let end = at("2026-11-26T22:00", &tokyo);
        assert_eq!(
            segment(start, end, date("2026-11-26"), &tokyo),
            Some(seg(21 * 60, 22 * 60))
        );
        assert_eq!(segment(start, end, date("2026-11-27"), &tokyo), None);
        assert_eq!(segment(start, end, date("2026-11-25"), &tokyo), None);
    }

    #[test]
    fn can_split_an_occurrence_across_midnight() {
        let la = zone("America/Los_Angeles");
        let start = at("2026-11-26T23:00", &la);
        let end = at("2026-11-27T01:30", &la);
        assert_eq!(
            segment(start, end, date("2026-11-26"), &la),
            Some(seg(23 * 60, DAY_MINUTES))
        );
        assert_eq!(
            segment(start, end, date("2026-11-27"), &la),
            Some(seg(0, 90))
        );
        // Ending at midnight: nothing on the next day.
        let midnight = at("2026-11-27T00:00", &la);
        assert_eq!(segment(start, midnight, date("2026-11-27"), &la), None);
    }

    #[test]
    fn can_place_occurrences_on_the_day_clocks_go_forward_in_berlin() {
        // Sun 28 Mar 2027: 02:00 CET becomes 03:00 CEST, a 23-hour day.
        let berlin = zone("Europe/Berlin");
        let day = date("2027-03-28");
        assert_eq!(day_minutes(day, &berlin), 23 * 60);
        // A 10:00-11:00 meeting is on the 10:00 line (9 hours after midnight have passed).
        let start = at("2027-03-28T10:00", &berlin);
        let end = at("2027-03-28T11:00", &berlin);
        assert_eq!((start - crate::start_of_day(day, &berlin)).as_hours(), 9);
        assert_eq!(
            segment(start, end, day, &berlin),
            Some(seg(10 * 60, 11 * 60))
        );
        // 01:30-03:30 lasts one hour but reads 01:30 to 03:30 on the wall: drawn that way.
        let start = at("2027-03-28T01:30", &berlin);
        let end = at("2027-03-28T03:30", &berlin);
        assert_eq!((end - start).as_hours(), 1);
        assert_eq!(segment(start, end, day, &berlin), Some(seg(90, 210)));
        // The same meeting seen from UTC is 08:00-09:00 on the same day.
        let utc = TimeZone::UTC;
        let start = at("2027-03-28T10:00", &berlin);
        let end = at("2027-03-28T11:00", &berlin);
        assert_eq!(segment(start, end, day, &utc), Some(seg(8 * 60, 9 * 60)));
    }

    #[test]
    fn can_measure_lord_howe_islands_half_hour_clock_changes() {
        // The clocks move by 30 minutes: forward on Sun 3 Oct 2027, back on Sun 4 Apr 2027.
        let lord_howe = zone("Australia/Lord_Howe");
        assert_eq!(day_minutes(date("2027-10-03"), &lord_howe), 23 * 60 + 30);
        assert_eq!(day_minutes(date("2027-04-04"), &lord_howe), 24 * 60 + 30);
        assert_eq!(day_minutes(date("2027-10-04"), &lord_howe), 24 * 60);
    }

    #[test]
    fn can_place_occurrences_on_the_day_clocks_go_back_in_berlin() {
        // Sun 31 Oct 2027: 03:00 CEST becomes 02:00 CET, a 25-hour day.
        let berlin = zone("Europe/Berlin");
        let day = date("2027-10-31");
        assert_eq!(day_minutes(day, &berlin), 25 * 60);
        let start = at("2027-10-31T17:00", &berlin);
        let end = at("2027-10-31T18:00", &berlin);
        assert_eq!((start - crate::start_of_day(day, &berlin)).as_hours(), 18);
        assert_eq!(
            segment(start, end, day, &berlin),
            Some(seg(17 * 60, 18 * 60))
        );
        // 02:30 CEST to 02:30 CET reads as no time at all on the wall: drawn an hour long.
        let start: Timestamp = "2027-10-31T00:30:00Z".parse().unwrap();
        let end: Timestamp = "2027-10-31T01:30:00Z".parse().unwrap();
        assert_eq!(segment(start, end, day, &berlin), Some(seg(150, 210)));
    }

    #[test]
    fn can_give_a_short_occurrence_a_readable_height() {
        let utc = TimeZone::UTC;
        let start = at("2026-11-26T12:00", &utc);
        let day = date("2026-11-26");
        assert_eq!(
            segment(start, start, day, &utc),
            Some(seg(720, 720 + MIN_MINUTES))
        );
        let late = at("2026-11-26T23:55", &utc);
        assert_eq!(
            segment(late, late, day, &utc),
            Some(seg(DAY_MINUTES - MIN_MINUTES, DAY_MINUTES))
        );
    }

    #[test]
    fn can_widen_the_working_day_to_what_the_week_holds() {
        assert_eq!(hour_range(&[], None), (8, 18));
        assert_eq!(hour_range(&[seg(9 * 60, 10 * 60)], None), (8, 18));
        // 02:00-03:00 in Tokyo and a meeting ending 21:30.
        assert_eq!(
            hour_range(&[seg(120, 180), seg(20 * 60, 21 * 60 + 30)], None),
            (2, 22)
        );
        // "Now" at 23:10 shows the 23:00 hour.
        assert_eq!(hour_range(&[], Some(23 * 60 + 10)), (8, 24));
        assert_eq!(hour_range(&[seg(0, DAY_MINUTES)], None), (0, 24));
    }

    #[test]
    fn can_put_overlapping_occurrences_side_by_side() {
        // A 12:00-13:00 and a 12:30-13:30: two lanes.
        assert_eq!(
            lanes(&[seg(720, 780), seg(750, 810)]),
            vec![lane(0, 2), lane(1, 2)]
        );
        // Touching is not overlapping: one lane each.
        assert_eq!(
            lanes(&[seg(720, 780), seg(780, 840)]),
            vec![lane(0, 1), lane(0, 1)]
        );
        // A long one and two short ones inside it one after the other: the short ones share
        // the second lane.
        assert_eq!(
            lanes(&[seg(600, 900), seg(600, 660), seg(700, 760)]),
            vec![lane(0, 2), lane(1, 2), lane(1, 2)]
        );
        // Three at once, given out of order, and a later one alone.
        assert_eq!(
            lanes(&[seg(1000, 1060), seg(540, 600), seg(560, 620), seg(570, 580)]),
            vec![lane(0, 1), lane(0, 3), lane(1, 3), lane(2, 3)]
        );
    }

    #[test]
    fn can_share_a_lane_count_across_a_chain_of_overlaps() {
        // A overlaps B, B overlaps C, A and C do not: one group of two lanes, C reusing A's.
        assert_eq!(
            lanes(&[seg(0, 60), seg(30, 90), seg(60, 120)]),
            vec![lane(0, 2), lane(1, 2), lane(0, 2)]
        );
        assert_eq!(lanes(&[]), vec![]);
    }
}
