//! A series' cadence as its viewer reads it: "Every other Thursday, 01:00 JST (Wednesday 09:00
//! PDT)" — the viewer's zone first, the series' own zone second when it reads differently.
//!
//! The weekday and clock in the viewer's zone are read off a real upcoming regular occurrence
//! (not moved, not cancelled), never by adding an offset to the rule: a series anchored in a
//! zone with daylight saving may fall on one weekday for a viewer in summer and on the next in
//! winter, and the line says what the next dates say.

use std::fmt;

use jiff::Timestamp;
use jiff::civil::Weekday;
use touchpoint_calendar::Freq;
use touchpoint_community::{Recurrence, Series};

use crate::i18n::Lang;
use crate::{Item, Viewer, t};

/// A series' cadence in the viewer's zone, and in its own zone when that reads differently.
/// Shown as one line ([`fmt::Display`]): "local (anchor)", with the brackets of its language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cadence {
    /// The language of the line.
    pub lang: Lang,
    /// "Every other Thursday, 01:00 JST": in the viewer's zone.
    pub local: String,
    /// "Wednesday 09:00 PDT": in the series' zone; `None` when it reads as `local` does.
    pub anchor: Option<String>,
    /// What a browser needs to say it again in another zone (the static export, where the
    /// server does not know the visitor's): for weekly rules read off an occurrence.
    pub weekly: Option<Weekly>,
}

/// A weekly cadence as data: [`Cadence::weekly`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weekly {
    /// The regular occurrence it was read off.
    pub at: Timestamp,
    /// Every how many weeks.
    pub interval: u32,
    /// The weekdays in the series' zone, Monday first.
    pub days: Vec<Weekday>,
    /// The series' zone.
    pub zone: String,
}

impl fmt::Display for Cadence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.anchor {
            Some(anchor) => f.write_str(&t!(
                self.lang,
                "when-cadence-with-anchor",
                local = self.local.as_str(),
                anchor = anchor.as_str()
            )),
            None => f.write_str(&self.local),
        }
    }
}

/// Whether `item` is a regular occurrence: neither moved by an override nor cancelled.
fn is_regular(item: &Item<'_>) -> bool {
    !item.cancelled() && item.moved_from().is_none()
}

/// The cadence of `series` for `viewer`, read off the first regular occurrence in `upcoming`
/// (the series' next dates). Without one (a series that has ended), the rule in the series'
/// own zone.
pub fn cadence(series: &Series, viewer: &Viewer, upcoming: &[Item<'_>]) -> Cadence {
    match upcoming.iter().find(|item| is_regular(item)) {
        Some(item) if !item.all_day() => cadence_at(series, viewer, item.start_at),
        _ => Cadence {
            lang: viewer.lang,
            local: t!(
                viewer.lang,
                "when-cadence",
                rule = words(viewer.lang, &series.recurrence),
                clock = viewer.wall_clock(series.start),
                zone = &*series.timezone.name
            ),
            anchor: None,
            weekly: None,
        },
    }
}

/// The cadence of `series` for `viewer`, as an occurrence starting at `at` shows it.
pub fn cadence_at(series: &Series, viewer: &Viewer, at: Timestamp) -> Cadence {
    let anchor_zone = &series.timezone.zone;
    let there = at.to_zoned_datetime(anchor_zone.clone());
    let here = at.to_zoned_datetime(viewer.tz.zone.clone());
    let shift = i64::from(
        there
            .date()
            .until(here.date())
            .map_or(0, |span| span.get_days()),
    );
    let lang = viewer.lang;
    let here_abbreviation = viewer.zone_short(&viewer.tz, at);
    let there_abbreviation = viewer.zone_short(&series.timezone, at);
    let local = t!(
        lang,
        "when-cadence",
        rule = shifted(lang, &series.recurrence, shift),
        clock = viewer.wall_clock(here.time()),
        zone = here_abbreviation.as_str()
    );
    let same = shift == 0 && here.time() == there.time() && here_abbreviation == there_abbreviation;
    let days = weekdays(&series.recurrence);
    let anchor = (!same).then(|| {
        let clock = viewer.wall_clock(there.time());
        if days.is_empty() {
            t!(
                lang,
                "when-cadence-anchor",
                clock = clock,
                zone = there_abbreviation
            )
        } else {
            let days = day_list(lang, &days);
            t!(
                lang,
                "when-cadence-anchor-days",
                days = days,
                clock = clock,
                zone = there_abbreviation
            )
        }
    });
    let weekly = match &series.recurrence {
        Recurrence::Weekly { interval, days } => Some(Weekly {
            at,
            interval: *interval,
            days: days.clone(),
            zone: series.timezone.name.to_string(),
        }),
        _ => None,
    };
    Cadence {
        lang,
        local,
        anchor,
        weekly,
    }
}

/// The rule's words in `lang`: "Every other Thursday", "隔週木曜日", "Jeden zweiten Donnerstag".
/// English keeps the community crate's own words ([`Recurrence::cadence`]); a raw RRULE is said
/// as the friendly form it has the shape of, else by its frequency and interval ("Every 3
/// days", "3日ごと").
pub fn words(lang: Lang, recurrence: &Recurrence) -> String {
    if lang == Lang::En {
        return recurrence.cadence();
    }
    match recurrence {
        Recurrence::Daily => t!(lang, "when-daily").into_owned(),
        Recurrence::Weekly { interval, days } => {
            let days = day_list(lang, days);
            match interval {
                1 => t!(lang, "when-weekly", days = days),
                2 => t!(lang, "when-every-other-week", days = days),
                n => t!(lang, "when-every-n-weeks", count = *n, days = days),
            }
        }
        Recurrence::MonthlyWeekday { nth, weekday } => t!(
            lang,
            "when-monthly-nth",
            nth = i64::from(*nth),
            weekday = weekday_name(lang, *weekday)
        ),
        Recurrence::MonthlyDay(day) => t!(lang, "when-monthly-day", day = i64::from(*day)),
        Recurrence::Rrule(rule) => match recurrence.friendly() {
            Some(friendly) => words(lang, &friendly),
            None => {
                let unit = match rule.freq {
                    Freq::Secondly => "second",
                    Freq::Minutely => "minute",
                    Freq::Hourly => "hour",
                    Freq::Daily => "day",
                    Freq::Weekly => "week",
                    Freq::Monthly => "month",
                    Freq::Yearly => "year",
                };
                let count = i64::from(rule.interval.max(1));
                t!(lang, "when-repeat-every", unit = unit, count = count)
            }
        },
    }
}

/// A weekday's name in `lang` by CLDR: "Monday", "月曜日", "周一" (Chinese says "每周一").
fn weekday_name(lang: Lang, day: Weekday) -> String {
    if lang == Lang::En {
        return name(day).to_owned();
    }
    // A date in a week whose Monday is 7 December 2026.
    let date = jiff::civil::date(2026, 12, 7)
        .saturating_add(jiff::Span::new().days(i64::from(day.to_monday_zero_offset())));
    let shape = if lang == Lang::ZhHans {
        crate::when::cldr::DateShape::Weekday
    } else {
        crate::when::cldr::DateShape::WeekdayLong
    };
    crate::when::cldr::date(lang, shape, date)
}

/// "Monday and Thursday", "月曜日と木曜日": the weekdays named in `lang`.
fn day_list(lang: Lang, days: &[Weekday]) -> String {
    let names: Vec<String> = days.iter().map(|d| weekday_name(lang, *d)).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => {
            let first = rest.iter().skip(1).fold(rest[0].clone(), |acc, next| {
                t!(lang, "when-list-middle", first = acc, rest = next.as_str())
            });
            t!(lang, "when-list-pair", first = first, last = last.as_str())
        }
    }
}

/// The rule's words with its weekdays moved `shift` days (the viewer's day minus the series').
fn shifted(lang: Lang, recurrence: &Recurrence, shift: i64) -> String {
    if shift == 0 {
        return words(lang, recurrence);
    }
    match recurrence {
        Recurrence::Daily => words(lang, recurrence),
        Recurrence::Weekly { interval, days } => {
            let mut moved: Vec<Weekday> = days.iter().map(|d| d.wrapping_add(shift)).collect();
            moved.sort_by_key(|d| d.to_monday_zero_offset());
            let moved = Recurrence::Weekly {
                interval: *interval,
                days: moved,
            };
            words(lang, &moved)
        }
        // A monthly rule has no weekday of its own to move: say how the day differs.
        _ => {
            let id = if shift > 0 {
                "when-shift-later"
            } else {
                "when-shift-earlier"
            };
            let rule = words(lang, recurrence);
            t!(lang, id, rule = rule, count = shift.unsigned_abs())
        }
    }
}

/// What local-times.js needs to say a weekly cadence again in the visitor's zone in a
/// language other than English (the static export): the rule's words with its weekdays a day
/// earlier, the same and a day later than in the series' zone, and those weekdays alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptWords {
    /// The rule, its weekdays one day earlier (the visitor's day is the day before).
    pub earlier: String,
    /// The rule as the series' zone says it.
    pub same: String,
    /// The rule, its weekdays one day later.
    pub later: String,
    /// The weekdays in the series' zone ("月曜日と木曜日").
    pub days: String,
}

/// [`ScriptWords`] of a weekly `recurrence` in `lang`; none for other rules.
pub fn script_words(lang: Lang, recurrence: &Recurrence) -> Option<ScriptWords> {
    let Recurrence::Weekly { days, .. } = recurrence else {
        return None;
    };
    Some(ScriptWords {
        earlier: shifted(lang, recurrence, -1),
        same: shifted(lang, recurrence, 0),
        later: shifted(lang, recurrence, 1),
        days: day_list(lang, days),
    })
}

/// The weekdays a weekly rule names (none for other rules).
fn weekdays(recurrence: &Recurrence) -> Vec<Weekday> {
    match recurrence {
        Recurrence::Weekly { days, .. } => days.clone(),
        _ => Vec::new(),
    }
}

fn name(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

impl Item<'_> {
    /// The original start of an occurrence an override moved elsewhere (its RECURRENCE-ID as
    /// an instant), or `None` when it takes place when the rule says.
    pub fn moved_from(&self) -> Option<Timestamp> {
        self.event.recurrence_id.as_ref()?;
        let original = self.recurrence_id.as_ref()?;
        let at = match original {
            touchpoint_calendar::Time::Zoned(..) => original.instant(&jiff::tz::TimeZone::UTC),
            // A floating or all-day original reads in the zone the start was read in: the same
            // distance from the start as the wall clocks are.
            _ => {
                let apart = self.start.civil().until(original.civil()).ok()?;
                self.start_at.checked_add(apart).ok()?
            }
        };
        (at != self.start_at).then_some(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use touchpoint_calendar::Tz;

    /// A one-series community anchored in `zone` at `start`, repeating `repeat`.
    fn series(zone: &str, start: &str, repeat: &str, first: &str) -> Series {
        series_with(zone, start, &format!("repeat = \"{repeat}\""), first)
    }

    /// A one-series community anchored in `zone` at `start`, its rule given by the key line
    /// `rule` (`repeat = …` or `rrule = …`).
    fn series_with(zone: &str, start: &str, rule: &str, first: &str) -> Series {
        let file = format!(
            "[community]\nname = \"T\"\ntimezone = \"UTC\"\n\n[[series]]\nid = \"s\"\ntitle = \"S\"\n\
             timezone = \"{zone}\"\nstart = \"{start}\"\nduration = \"1h\"\n{rule}\n\
             first = {first}\n"
        );
        let community = touchpoint_community::parse(&file)
            .unwrap_or_else(|d| panic!("{d:?}"))
            .community;
        community.series.into_iter().next().unwrap()
    }

    fn viewer(zone: &str) -> Viewer {
        Viewer::new(Tz::iana(zone).unwrap())
    }

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn can_say_a_utc_monday_evening_is_a_tuesday_morning_in_tokyo() {
        let amer = series("UTC", "17:00", "weekly on Monday", "2026-01-05");
        let line = cadence_at(&amer, &viewer("Asia/Tokyo"), at("2026-12-07T17:00:00Z"));
        assert_eq!(
            line.to_string(),
            "Every Tuesday, 02:00 JST (Monday 17:00 UTC)"
        );
    }

    #[test]
    fn can_say_a_los_angeles_wednesday_is_a_thursday_in_tokyo() {
        let chaoss = series(
            "America/Los_Angeles",
            "09:00",
            "every 2 weeks on Wednesday",
            "2026-01-14",
        );
        // 9 December 2026: Los Angeles is on standard time (UTC-8).
        let line = cadence_at(&chaoss, &viewer("Asia/Tokyo"), at("2026-12-09T17:00:00Z"));
        assert_eq!(
            line.to_string(),
            "Every other Thursday, 02:00 JST (Wednesday 09:00 PST)"
        );
    }

    #[test]
    fn can_say_a_utc_small_hours_meeting_is_the_evening_before_in_los_angeles() {
        let early = series(
            "UTC",
            "02:00",
            "weekly on Monday and Thursday",
            "2026-01-05",
        );
        let line = cadence_at(
            &early,
            &viewer("America/Los_Angeles"),
            at("2026-12-07T02:00:00Z"),
        );
        assert_eq!(
            line.to_string(),
            "Every Wednesday and Sunday, 18:00 PST (Monday and Thursday 02:00 UTC)"
        );
    }

    #[test]
    fn can_keep_the_weekday_when_only_the_clock_differs() {
        let apac = series("UTC", "12:00", "weekly on Thursday", "2026-01-08");
        let line = cadence_at(
            &apac,
            &viewer("America/Los_Angeles"),
            at("2026-12-03T12:00:00Z"),
        );
        assert_eq!(
            line.to_string(),
            "Every Thursday, 04:00 PST (Thursday 12:00 UTC)"
        );
    }

    #[test]
    fn can_say_it_once_in_the_series_own_zone() {
        let apac = series("UTC", "12:00", "weekly on Thursday", "2026-01-08");
        let line = cadence_at(&apac, &viewer("UTC"), at("2026-12-03T12:00:00Z"));
        assert_eq!(line.to_string(), "Every Thursday, 12:00 UTC");
        assert_eq!(line.anchor, None);
    }

    #[test]
    fn can_follow_a_daylight_saving_change_across_midnight() {
        // 16:30 in Madrid: 23:30 in Tokyo in summer (UTC+2), 00:30 the next day in winter.
        let call = series(
            "Europe/Madrid",
            "16:30",
            "every 2 weeks on Tuesday",
            "2026-01-13",
        );
        let tokyo = viewer("Asia/Tokyo");
        let summer = cadence_at(&call, &tokyo, at("2026-06-16T14:30:00Z"));
        assert_eq!(
            summer.to_string(),
            "Every other Tuesday, 23:30 JST (Tuesday 16:30 CEST)"
        );
        let winter = cadence_at(&call, &tokyo, at("2026-12-01T15:30:00Z"));
        assert_eq!(
            winter.to_string(),
            "Every other Wednesday, 00:30 JST (Tuesday 16:30 CET)"
        );
    }

    #[test]
    fn can_read_the_weekday_off_the_next_regular_date_in_each_season() {
        // 16:30 in Madrid every other Tuesday; the first June date is moved to a Friday, so
        // the line must skip it and read the next regular one.
        let file = "[community]\nname = \"T\"\ntimezone = \"UTC\"\n\n[[series]]\nid = \"s\"\n\
                    title = \"S\"\ntimezone = \"Europe/Madrid\"\nstart = \"16:30\"\n\
                    duration = \"1h\"\nrepeat = \"every 2 weeks on Tuesday\"\nfirst = 2026-01-13\n\n\
                    [[series.exceptions]]\ndate = 2026-06-02\nmove_to = 2026-06-05T09:00:00\n";
        let community = touchpoint_community::parse(file)
            .unwrap_or_else(|d| panic!("{d:?}"))
            .community;
        let site = crate::Site::new(community, Vec::new(), at("2026-01-01T00:00:00Z"));
        let series = &site.community.series[0];
        let tokyo = viewer("Asia/Tokyo");
        let june = site.next_of_series("s", at("2026-06-01T00:00:00Z"), 4);
        assert!(
            june[0].moved_from().is_some(),
            "the first June date is the moved one"
        );
        assert_eq!(
            cadence(series, &tokyo, &june).to_string(),
            "Every other Tuesday, 23:30 JST (Tuesday 16:30 CEST)"
        );
        let november = site.next_of_series("s", at("2026-11-01T00:00:00Z"), 4);
        assert_eq!(
            cadence(series, &tokyo, &november).to_string(),
            "Every other Wednesday, 00:30 JST (Tuesday 16:30 CET)"
        );
    }

    /// A one-series community anchored in `zone` at `start`, repeating by the raw `rrule`.
    fn raw_series(zone: &str, start: &str, rrule: &str, first: &str) -> Series {
        series_with(zone, start, &format!("rrule = \"{rrule}\""), first)
    }

    #[test]
    fn can_say_a_raw_rule_in_the_viewers_language() {
        let every_3_days = raw_series("UTC", "09:00", "FREQ=DAILY;INTERVAL=3", "2026-01-01");
        let weekly_mo_th = raw_series("UTC", "09:00", "FREQ=WEEKLY;BYDAY=MO,TH", "2026-01-05");
        let yearly = raw_series("UTC", "09:00", "FREQ=YEARLY;BYMONTH=3", "2026-03-01");
        for (lang, rule, said) in [
            (Lang::En, &every_3_days, "Every 3 days"),
            (Lang::Ja, &every_3_days, "3日ごと"),
            (Lang::ZhHans, &every_3_days, "每3天"),
            (Lang::De, &every_3_days, "Alle 3 Tage"),
            (Lang::Fr, &every_3_days, "Tous les 3 jours"),
            (Lang::Es, &every_3_days, "Cada 3 días"),
            (Lang::PtBr, &every_3_days, "A cada 3 dias"),
            (Lang::En, &yearly, "Yearly"),
            (Lang::Ja, &yearly, "毎年"),
            (Lang::De, &yearly, "Jährlich"),
            // A raw rule of a friendly form's shape is said as that form.
            (Lang::En, &weekly_mo_th, "Every Monday and Thursday"),
            (Lang::Ja, &weekly_mo_th, "毎週月曜日と木曜日"),
            (Lang::De, &weekly_mo_th, "Jeden Montag und Donnerstag"),
        ] {
            assert_eq!(words(lang, &rule.recurrence), said, "{lang:?}");
        }
        // And the whole line, with no English word left in Japanese.
        let line = cadence_at(
            &every_3_days,
            &viewer_in(Lang::Ja, "UTC"),
            at("2026-12-07T09:00:00Z"),
        );
        assert_eq!(line.to_string(), "3日ごと 9:00 UTC");
    }

    #[test]
    fn can_bracket_the_series_own_zone_as_each_language_writes_brackets() {
        let amer = series("UTC", "17:00", "weekly on Monday", "2026-01-05");
        let monday = at("2026-12-07T17:00:00Z");
        for (lang, line) in [
            (Lang::Ja, "毎週火曜日 2:00 JST（月曜日 17:00 UTC）"),
            (Lang::ZhHans, "每周二 02:00 GMT+9（周一 17:00 UTC）"),
            (Lang::De, "Jeden Dienstag, 02:00 GMT+9 (Montag 17:00 UTC)"),
            (Lang::En, "Every Tuesday, 02:00 JST (Monday 17:00 UTC)"),
        ] {
            let cadence = cadence_at(&amer, &viewer_in(lang, "Asia/Tokyo"), monday);
            assert_eq!(cadence.to_string(), line, "{lang:?}");
        }
    }

    #[test]
    fn can_write_a_twelve_hour_clock_for_a_viewer_who_reads_one() {
        let amer = series("UTC", "17:00", "weekly on Monday", "2026-01-05");
        let viewer = Viewer {
            hours: crate::HourCycle::H12,
            ..viewer("America/Los_Angeles")
        };
        let line = cadence_at(&amer, &viewer, at("2026-12-07T17:00:00Z"));
        assert_eq!(
            line.to_string(),
            "Every Monday, 9:00 AM PST (Monday 5:00 PM UTC)"
        );
    }

    #[test]
    fn can_say_how_a_monthly_day_moves() {
        let monthly = series("UTC", "23:00", "monthly on the 2nd Tuesday", "2026-01-13");
        let line = cadence_at(&monthly, &viewer("Asia/Tokyo"), at("2026-12-08T23:00:00Z"));
        assert_eq!(
            line.to_string(),
            "Monthly, 2nd Tuesday, a day later in your zone, 08:00 JST (23:00 UTC)"
        );
    }

    fn viewer_in(lang: Lang, zone: &str) -> Viewer {
        Viewer {
            lang,
            ..viewer(zone)
        }
    }

    #[test]
    fn can_say_a_cadence_in_japanese() {
        let chaoss = series(
            "America/Los_Angeles",
            "09:00",
            "every 2 weeks on Wednesday",
            "2026-01-14",
        );
        let line = cadence_at(
            &chaoss,
            &viewer_in(Lang::Ja, "Asia/Tokyo"),
            at("2026-12-09T17:00:00Z"),
        );
        assert_eq!(line.to_string(), "隔週木曜日 2:00 JST（水曜日 9:00 GMT-8）");
        let early = series(
            "UTC",
            "02:00",
            "weekly on Monday and Thursday",
            "2026-01-05",
        );
        let line = cadence_at(
            &early,
            &viewer_in(Lang::Ja, "UTC"),
            at("2026-12-07T02:00:00Z"),
        );
        assert_eq!(line.to_string(), "毎週月曜日と木曜日 2:00 UTC");
        let monthly = series("UTC", "23:00", "monthly on the 2nd Tuesday", "2026-01-13");
        let line = cadence_at(
            &monthly,
            &viewer_in(Lang::Ja, "Asia/Tokyo"),
            at("2026-12-08T23:00:00Z"),
        );
        assert_eq!(
            line.to_string(),
            "毎月第2火曜日（あなたのタイムゾーンでは1日後） 8:00 JST（23:00 UTC）"
        );
    }

    #[test]
    fn can_say_a_cadence_in_german_and_chinese() {
        let call = series(
            "Europe/Madrid",
            "16:30",
            "every 2 weeks on Tuesday",
            "2026-01-13",
        );
        let line = cadence_at(
            &call,
            &viewer_in(Lang::De, "Asia/Tokyo"),
            at("2026-12-01T15:30:00Z"),
        );
        assert_eq!(
            line.to_string(),
            "Jeden zweiten Mittwoch, 00:30 GMT+9 (Dienstag 16:30 MEZ)"
        );
        let amer = series("UTC", "17:00", "weekly on Monday", "2026-01-05");
        let line = cadence_at(
            &amer,
            &viewer_in(Lang::De, "UTC"),
            at("2026-12-07T17:00:00Z"),
        );
        assert_eq!(line.to_string(), "Jeden Montag, 17:00 UTC");
        let early = series(
            "UTC",
            "02:00",
            "weekly on Monday, Wednesday and Friday",
            "2026-01-05",
        );
        let line = cadence_at(
            &early,
            &viewer_in(Lang::De, "UTC"),
            at("2026-12-07T02:00:00Z"),
        );
        assert_eq!(
            line.to_string(),
            "Jeden Montag, Mittwoch und Freitag, 02:00 UTC"
        );
        let line = cadence_at(
            &amer,
            &viewer_in(Lang::ZhHans, "Asia/Shanghai"),
            at("2026-12-07T17:00:00Z"),
        );
        assert_eq!(line.to_string(), "每周二 01:00 GMT+8（周一 17:00 UTC）");
    }
}
