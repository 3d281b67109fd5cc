//! The week view of `/calendar`: seven day columns on an hour grid in the viewer's zone, laid
//! out on the server ([`crate::timegrid`]) so it works with JavaScript off.
//!
//! Hours run down the side (the working day, widened to what the week holds); each occurrence
//! sits at its wall-clock start and end, overlapping ones side by side; past ones are dimmed and
//! a line marks "now" in today's column. The pages' policy allows no `style=` attribute, so
//! positions are classes from a fixed set (site.css): `gy`/`gm` the top in hours and five
//! minutes, `gd`/`gq` the height, `gl`/`gn` the lane and the lane count. site.js moves the now
//! line and dims what has ended on a page left open. At 375 px the day columns scroll sideways
//! inside the grid, under a sticky hour column as wide as its longest label in the page's
//! language and clock ("8 Uhr morgens"), with a line saying so.
//!
//! The static export cannot know the visitor's zone: there the grid carries what local-times.js
//! needs to lay it out again in the browser (`touchpointWeek`), from data attributes only: each
//! event's `data-i` (one occurrence drawn on two days is one), its start and end instants, the
//! working hours, and, in a hidden list, the occurrences of the days around the week that the
//! visitor's zone may bring into it.

use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use maud::{Markup, html};

use super::Placed;
use super::layout::{cancel_note, moved_note, swatch, title_link};
use crate::timegrid::{self, Lane, Segment};
use crate::{Viewer, t};

/// The most lanes side by side in a day column; more overlapping occurrences share the last.
const MAX_LANES: usize = 6;

/// One day of the grid: its all-day occurrences and its timed ones with their index in the
/// week's items and their places.
struct Day<'i, 'a> {
    date: Date,
    all_day: Vec<Placed<'i, 'a>>,
    timed: Vec<(usize, Placed<'i, 'a>, Segment, Lane)>,
}

/// The classes placing a box `minutes` below the grid's first hour and `length` minutes tall,
/// in five-minute steps.
fn place(minutes: i32, length: Option<i32>) -> String {
    let top = (minutes.max(0) + 2) / 5;
    let mut classes = format!("gy{} gm{}", top / 12, top % 12);
    if let Some(length) = length {
        let height = ((length + 2) / 5).max(1);
        classes.push_str(&format!(" gd{} gq{}", height / 12, height % 12));
    }
    classes
}

/// The hour labels from `from` to `to` (exclusive) in the viewer's clock and language:
/// "08:00", or "8 AM" on a 12-hour clock ([`Viewer::hour_label`]).
fn hour_labels(viewer: &Viewer, from: i32, to: i32) -> Vec<String> {
    (from..to)
        .map(|hour| viewer.hour_label(i8::try_from(hour).unwrap_or(0)))
        .collect()
}

/// Lay out `items` on the days `[first, end)`.
fn days<'i, 'a>(
    viewer: &Viewer,
    first: Date,
    end: Date,
    items: &[Placed<'i, 'a>],
) -> Vec<Day<'i, 'a>> {
    let zone = &viewer.tz.zone;
    let mut days = Vec::new();
    let mut date = first;
    while date < end {
        let mut all_day = Vec::new();
        let mut timed: Vec<(usize, Placed<'i, 'a>, Segment)> = Vec::new();
        for (i, &placed) in items.iter().enumerate() {
            let item = placed.item;
            if item.all_day() {
                let start = item.start.civil().date();
                let last = item.end.civil().date().saturating_sub(1.day()).max(start);
                if start <= date && date <= last {
                    all_day.push(placed);
                }
            } else if let Some(segment) = timegrid::segment(item.start_at, item.end_at, date, zone)
            {
                timed.push((i, placed, segment));
            }
        }
        let segments: Vec<Segment> = timed.iter().map(|(_, _, s)| *s).collect();
        let timed = timed
            .into_iter()
            .zip(timegrid::lanes(&segments))
            .map(|((i, item, segment), lane)| (i, item, segment, lane))
            .collect();
        days.push(Day {
            date,
            all_day,
            timed,
        });
        date = date.saturating_add(1.day());
    }
    days
}

/// What every column and box of one grid needs: the page's viewer and "now", the minute the
/// grid's first hour starts at, and whether boxes carry their `data-i` (the export).
struct Grid<'s> {
    viewer: &'s Viewer,
    now: Timestamp,
    today: Date,
    origin: i32,
    ids: bool,
}

/// The week grid of the days `[first, end)`, each occurrence linking into its own site (on a
/// hub, its community's). `spare` is `Some` on the static export: the timed occurrences of the
/// days around the week, carried hidden for the browser's layout in the visitor's zone (see the
/// module doc).
pub(crate) fn week(
    viewer: &Viewer,
    (now, today): (Timestamp, Date),
    (first, end): (Date, Date),
    items: &[Placed<'_, '_>],
    spare: Option<&[Placed<'_, '_>]>,
) -> Markup {
    let zone = &viewer.tz.zone;
    let days = days(viewer, first, end, items);
    let working = spare.map(|_| {
        let (from, to) = timegrid::WORKING_HOURS;
        format!("{from} {to}")
    });
    let now_minutes = (first <= today && today < end).then(|| timegrid::wall_minutes(now, zone));
    let segments: Vec<Segment> = days
        .iter()
        .flat_map(|day| day.timed.iter().map(|(_, _, segment, _)| *segment))
        .collect();
    let (from, to) = timegrid::hour_range(&segments, now_minutes);
    let grid = Grid {
        viewer,
        now,
        today,
        origin: from * 60,
        ids: spare.is_some(),
    };
    // A spare box's place is the browser's to set: any will do.
    let unplaced = (
        Segment {
            top: 0,
            bottom: timegrid::MIN_MINUTES,
        },
        Lane { lane: 0, lanes: 1 },
    );
    let lang = viewer.lang;
    html! {
        p class="wk-cue" { (t!(lang, "cal-week-scroll-cue")) }
        div class="wk-scroll" role="region" aria-label=(t!(lang, "cal-week-grid-label")) tabindex="0" {
            div class={ "wk gd" (to - from) } data-from-hour=(from) data-to-hour=(to) data-tz=(viewer.tz.name) data-working-hours=[working] {
                div class="wk-gutter" aria-hidden="true" {
                    span class="wk-corner" {}
                    span class="wk-allday-label" { (t!(lang, "cal-all-day")) }
                    div class="wk-hours" {
                        @for label in hour_labels(viewer, from, to) { span { (label) } }
                    }
                }
                @for day in &days {
                    (grid.day_column(day, now_minutes))
                }
            }
        }
        @if let Some(spare) = spare {
            // Drawn by local-times.js where the visitor's zone puts them in the week.
            ol class="wk-spare" hidden {
                @for (i, placed) in spare.iter().enumerate().filter(|(_, p)| !p.item.all_day()) {
                    (grid.event(*placed, unplaced, items.len() + i))
                }
            }
        }
    }
}

impl Grid<'_> {
    fn day_column(&self, day: &Day<'_, '_>, now_minutes: Option<i32>) -> Markup {
        let (today, lang) = (self.today, self.viewer.lang);
        let id = format!("wk-{}", day.date);
        let minutes = timegrid::day_minutes(day.date, &self.viewer.tz.zone);
        html! {
            section class={ "wk-day" @if day.date == today { " is-today" } } data-date=(day.date) aria-labelledby=(id) {
                h3 id=(id) {
                    span class="wk-wd" { (self.viewer.weekday_short(day.date)) }
                    " " (self.viewer.day_month(day.date))
                    span class="sr" { " " (day.date.year()) }
                    @if day.date == today { " " span class="today-badge" { (t!(lang, "cal-today")) } }
                    @if minutes != 24 * 60 {
                        @let hours = crate::when::cldr::hours(lang, minutes);
                        " " span class="wk-dst" { (t!(lang, "cal-week-clocks-change", hours = hours)) }
                    }
                }
                ul class="wk-allday" {
                    @for placed in &day.all_day {
                        @let item = placed.item;
                        li class={ "ev-day" @if item.end_at <= self.now { " past" } @if item.cancelled() { " cancelled" } } {
                            (swatch(item)) (title_link(placed.site, self.viewer, item)) (placed.community(self.viewer))
                            (cancel_note(self.viewer.lang, item))
                        }
                    }
                }
                div class="wk-slots" {
                    @if day.timed.is_empty() && day.all_day.is_empty() {
                        p class="sr" { (t!(lang, "cal-week-day-empty")) }
                    }
                    ol class="wk-events" {
                        @for (i, placed, segment, lane) in &day.timed {
                            (self.event(*placed, (*segment, *lane), *i))
                        }
                    }
                    @if day.date == today {
                        @if let Some(minutes) = now_minutes {
                            div class={ "wk-now " (place(minutes - self.origin, None)) } aria-hidden="true" {}
                        }
                    }
                }
            }
        }
    }

    /// One occurrence's box; `i` (its index in the week's items) is written on the export only.
    fn event(&self, placed: Placed<'_, '_>, (segment, lane): (Segment, Lane), i: usize) -> Markup {
        let (viewer, now, item) = (self.viewer, self.now, placed.item);
        let lanes = lane.lanes.min(MAX_LANES);
        let classes = format!(
            "ev {} gl{} gn{}{}{}",
            place(
                segment.top - self.origin,
                Some(segment.bottom - segment.top)
            ),
            lane.lane.min(lanes - 1),
            lanes,
            if item.end_at <= now { " past" } else { "" },
            if item.cancelled() { " cancelled" } else { "" },
        );
        let clock = viewer.clock(item.start_at);
        let until = viewer.clock(item.end_at);
        // The start time leads, so a narrow lane gives it a line of its own and the colour dot
        // goes with the title to the next one (site.css: a lane fits a bold "00:00").
        html! {
            li class=(classes) data-i=[self.ids.then_some(i)] data-end=(Viewer::machine(item.end_at)) title=(format!("{clock}–{until} {}", super::text::item_title_str(self.viewer, item))) {
                time datetime=(Viewer::machine(item.start_at)) data-clock { (breakable(&clock)) }
                span class="sr" { "–" time datetime=(Viewer::machine(item.end_at)) data-clock { (breakable(&until)) } }
                " " (swatch(item)) (title_link(placed.site, self.viewer, item))
                (placed.community(viewer))
                (moved_note(placed.site, self.viewer, item))
                (cancel_note(viewer.lang, item))
            }
        }
    }
}

/// A clock as a box writes it: CLDR's no-break spaces ("5:00\u{202f}PM", "5:00\u{202f}p.\u{202f}m.")
/// as spaces, so a lane narrower than the whole clock breaks it between the number and "PM"
/// rather than clip it; the number itself never breaks (site.css). local-times.js does the same.
fn breakable(clock: &str) -> String {
    clock.replace(['\u{a0}', '\u{202f}'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_place_a_box_in_five_minute_steps() {
        assert_eq!(place(0, Some(60)), "gy0 gm0 gd1 gq0");
        // 2 h 35 min below the first hour, 50 minutes tall.
        assert_eq!(place(155, Some(50)), "gy2 gm7 gd0 gq10");
        // 12:58 rounds to 13:00; a 1-minute box gets the smallest height.
        assert_eq!(place(778, Some(1)), "gy13 gm0 gd0 gq1");
        assert_eq!(place(24 * 60, None), "gy24 gm0");
    }

    #[test]
    fn can_break_a_clock_between_its_number_and_day_period() {
        assert_eq!(breakable("5:00\u{202f}p.\u{a0}m."), "5:00 p. m.");
        assert_eq!(breakable("17:00"), "17:00");
    }
}
