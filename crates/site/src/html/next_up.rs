//! "Next up" at the top of the home page: the community's next meeting for the viewer (its own
//! series; outside calendars have their own section), when it is in the viewer's zone, how long
//! until it starts, Join when the series has a public join link, and add to calendar.
//!
//! Rendered from "now" on the server, so it is right with JavaScript off. A page kept open, or
//! served from a cache for a while, goes stale: each entry carries its start and end instants
//! (`data-start`, `data-end`) and site.js updates the countdown, says "happening now" while a
//! meeting runs (with the following one below it), moves on when it ends, and offers a reload
//! when every entry the page carries has passed.

use jiff::Timestamp;
use maud::{Markup, html};

use super::layout::{join_link, moved_note, when_time};
use super::series::{OccurrenceKey, google_link, occurrence_date};
use crate::i18n::Lang;
use crate::{Filter, Item, Origin, Site, Viewer, paths, t};

/// How many coming meetings the section carries: the one shown (two while one runs) and the
/// ones a page left open moves on to without asking the server.
pub const CANDIDATES: usize = 6;

/// "happening now", "in 45 min", "in 2 h 14 min", "in 3 days 4 h", or "ended": the countdown of
/// an occurrence from `start` to `end` seen at `now`. Minutes are rounded up, so a meeting never
/// reads "in 0 min" before it starts. site.js writes the same text from the same rule. Each
/// shape is one message of `lang`, so each language words it (「2時間14分後」).
pub fn countdown(lang: Lang, start: Timestamp, end: Timestamp, now: Timestamp) -> String {
    if start <= now {
        let id = if now < end {
            "home-countdown-now"
        } else {
            "home-countdown-ended"
        };
        return t!(lang, id).into_owned();
    }
    let minutes = ((start - now).as_secs() + 59) / 60;
    let (days, hours, minutes) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    match (days, hours, minutes) {
        (0, 0, m) => t!(lang, "home-countdown-minutes", minutes = m),
        (0, h, 0) => t!(lang, "home-countdown-hours", hours = h),
        (0, h, m) => t!(lang, "home-countdown-hours-minutes", hours = h, minutes = m),
        (1, 0, _) => t!(lang, "home-countdown-days", days = 1),
        (1, h, _) => t!(lang, "home-countdown-day-hours", hours = h),
        (d, _, _) => t!(lang, "home-countdown-days", days = d),
    }
}

/// The sentences of [`countdown`] in `lang` with their numbers left as `{minutes}`, `{hours}`
/// and `{days}` (`day`: one day, whole), for the section's `data-msg-*`: site.js fills them in
/// as the page stays open, so it words the countdown from the same messages as the server. A
/// number given as text picks the default (plural "other") variant, which is why one day has
/// its own sentence; a test holds them equal to [`countdown`].
fn countdown_text(lang: Lang) -> [String; 8] {
    [
        t!(lang, "home-countdown-now").into_owned(),
        t!(lang, "home-countdown-ended").into_owned(),
        t!(lang, "home-countdown-minutes", minutes = "{minutes}"),
        t!(lang, "home-countdown-hours", hours = "{hours}"),
        t!(
            lang,
            "home-countdown-hours-minutes",
            hours = "{hours}",
            minutes = "{minutes}"
        ),
        t!(lang, "home-countdown-days", days = 1),
        t!(lang, "home-countdown-days", days = "{days}"),
        t!(lang, "home-countdown-day-hours", hours = "{hours}"),
    ]
}

/// The meetings "Next up" carries at `now`: the coming (or running) occurrences of the
/// community's own series that are not cancelled, earliest first.
fn candidates(site: &Site, now: Timestamp) -> Vec<Item<'_>> {
    // A cancelled date is listed by `upcoming` too: ask for enough to fill the section anyway.
    let mut items = site.upcoming(now, &Filter::own(), CANDIDATES * 2);
    items.retain(|item| !item.cancelled() && item.end_at > now);
    items.truncate(CANDIDATES);
    items
}

/// How many of `items` are shown at `now`: the first, and the one after it while the first runs.
fn shown(items: &[Item<'_>], now: Timestamp) -> usize {
    match items.first() {
        Some(first) if first.start_at <= now => 2.min(items.len()),
        Some(_) => 1,
        None => 0,
    }
}

/// The "Next up" section, or nothing when the community has no coming meeting.
pub(crate) fn next_up(site: &Site, viewer: &Viewer, now: Timestamp) -> Markup {
    let items = candidates(site, now);
    if items.is_empty() {
        return html! {};
    }
    let visible = shown(&items, now);
    let lang = viewer.lang;
    let [now_, ended, min, h, h_min, day, days, day_h] = countdown_text(lang);
    html! {
        section class="next-up" aria-labelledby="next-up-h" data-next-up
            data-msg-now=(now_) data-msg-ended=(ended) data-msg-min=(min) data-msg-h=(h)
            data-msg-h-min=(h_min) data-msg-day=(day) data-msg-days=(days) data-msg-day-h=(day_h) {
            h2 id="next-up-h" { (t!(lang, "home-next-up")) }
            ol class="up-list" {
                @for (i, item) in items.iter().enumerate() {
                    (entry(site, viewer, now, item, i >= visible))
                }
            }
            p class="up-stale" hidden {
                (t!(lang, "home-next-up-ended")) " "
                a href="" data-reload { (t!(lang, "home-next-up-reload")) }
            }
        }
    }
}

fn entry(site: &Site, viewer: &Viewer, now: Timestamp, item: &Item<'_>, hidden: bool) -> Markup {
    let running = item.start_at <= now;
    html! {
        li class={ "up" @if running { " now" } } hidden[hidden]
            data-start=(Viewer::machine(item.start_at)) data-end=(Viewer::machine(item.end_at)) {
            p class="up-when" {
                strong class="countdown" data-countdown { (countdown(viewer.lang, item.start_at, item.end_at, now)) }
                " · " (when_time(viewer, item))
                (moved_note(site, viewer, item))
            }
            h3 {
                @match item.origin {
                    Origin::Series(series) => a href=(site.href(&paths::series(&series.id))) { (super::item_title(viewer, item)) },
                    Origin::Source(_) => (item.title()),
                }
            }
            (actions(site, viewer.lang, item, now))
        }
    }
}

/// Join (what [`Site::join`] allows at `now`) and add to calendar: a Google Calendar
/// template link and the `.ics` of this one occurrence.
fn actions(site: &Site, lang: Lang, item: &Item<'_>, now: Timestamp) -> Markup {
    let Origin::Series(series) = item.origin else {
        return html! {};
    };
    let date = occurrence_date(item);
    html! {
        p class="up-actions" {
            @if let Some(join) = site.join(item, now) {
                (join_link(lang, &join, "join-button", super::item_title_in(lang, item)))
                " "
            }
            span class="add" {
                (t!(lang, "home-add-to-calendar")) " "
                a href=(google_link(site, lang, series, item)) rel="nofollow noopener" { (t!(lang, "google-calendar")) }
                " · "
                a href=(site.href(&paths::series_occurrence(&series.id, OccurrenceKey::of(series, item)))) download {
                    ".ics" span class="sr" { " " (t!(lang, "ics-for-date", date = date.to_string())) }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn countdown_text_filled_as_site_js_does_says_what_the_server_says() {
        let start = ts("2026-11-26T12:00:00Z");
        let end = ts("2026-11-26T13:00:00Z");
        for lang in Lang::ALL {
            let [now_, ended, min, h, h_min, day, days, day_h] = countdown_text(lang);
            assert_eq!(countdown(lang, start, end, start), now_);
            assert_eq!(countdown(lang, start, end, end), ended);
            // Every minute of the first three days, then every hour up to 40 days.
            let ahead = (1..3 * 1440).chain((3 * 1440..40 * 1440).step_by(60));
            for minutes in ahead {
                let (d, hh, m) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
                let fill = |p: &str| {
                    p.replace("{days}", &d.to_string())
                        .replace("{hours}", &hh.to_string())
                        .replace("{minutes}", &m.to_string())
                };
                // site.js's rule, filling the patterns.
                let filled = match (d, hh, m) {
                    (0, 0, _) => fill(&min),
                    (0, _, 0) => fill(&h),
                    (0, _, _) => fill(&h_min),
                    (1, 0, _) => day.clone(),
                    (1, _, _) => fill(&day_h),
                    _ => fill(&days),
                };
                let now = start - jiff::SignedDuration::from_mins(minutes);
                assert_eq!(
                    countdown(lang, start, end, now),
                    filled,
                    "{lang:?} {minutes} min ahead"
                );
            }
        }
    }

    #[test]
    fn can_count_down_in_minutes_hours_and_days() {
        let start = ts("2026-11-26T12:00:00Z");
        let end = ts("2026-11-26T13:00:00Z");
        let cases = [
            ("2026-11-26T11:59:30Z", "in 1 min"),
            ("2026-11-26T11:15:00Z", "in 45 min"),
            ("2026-11-26T09:46:00Z", "in 2 h 14 min"),
            ("2026-11-26T09:45:30Z", "in 2 h 15 min"),
            ("2026-11-26T09:00:00Z", "in 3 h"),
            ("2026-11-25T12:00:00Z", "in 1 day"),
            ("2026-11-25T08:00:00Z", "in 1 day 4 h"),
            ("2026-11-22T12:00:00Z", "in 4 days"),
            ("2026-11-26T12:00:00Z", "happening now"),
            ("2026-11-26T12:59:59Z", "happening now"),
            ("2026-11-26T13:00:00Z", "ended"),
        ];
        for (now, expected) in cases {
            assert_eq!(
                countdown(Lang::En, start, end, ts(now)),
                expected,
                "at {now}"
            );
        }
    }
}
