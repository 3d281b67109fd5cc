//! The friendly `repeat = "..."` phrases: parsing them, compiling them to an RRULE, describing
//! a recurrence in words, and checking that a series' `first` date is one the rule produces.
//!
//! The phrases are deliberately few (see [`FORMS`]); anything else is written as a raw RRULE.

use jiff::civil::{self, Weekday};
use touchpoint_calendar::{Freq, RRule, WeekdayNum};

use crate::model::Recurrence;

/// The accepted phrases, for hints.
pub const FORMS: &str = "daily\n\
weekly on Thursday\n\
weekly on Monday and Thursday (or: weekly on Mon, Thu)\n\
every 2 weeks on Tuesday (counted from `first`)\n\
monthly on the 2nd Tuesday (1st..5th)\n\
monthly on the last Friday\n\
monthly on day 15\n\
anything else: rrule = \"FREQ=...;...\" instead of repeat";

/// Parse a friendly phrase (case-insensitive; weekday names full or 3-letter). The error says
/// what was not understood.
pub fn parse_phrase(phrase: &str) -> Result<Recurrence, String> {
    let lower = phrase.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        ["daily"] | ["every", "day"] => Ok(Recurrence::Daily),
        ["weekly", "on", rest @ ..] | ["every", "week", "on", rest @ ..] => {
            weekly(1, &rest.join(" "))
        }
        ["every", "other", "week", "on", rest @ ..] => weekly(2, &rest.join(" ")),
        ["every", n, "weeks", "on", rest @ ..] => {
            let interval: u32 = n
                .parse()
                .ok()
                .filter(|n| (1..=52).contains(n))
                .ok_or_else(|| format!("\"{n}\" is not a number of weeks from 1 to 52"))?;
            weekly(interval, &rest.join(" "))
        }
        ["monthly", "on", "day", n] => {
            let day: i8 = n
                .parse()
                .ok()
                .filter(|d| (1..=31).contains(d))
                .ok_or_else(|| format!("\"{n}\" is not a day of the month from 1 to 31"))?;
            Ok(Recurrence::MonthlyDay(day))
        }
        ["monthly", "on", "the", nth, day] => {
            let nth = ordinal(nth)
                .ok_or_else(|| format!("\"{nth}\" is not one of 1st, 2nd, 3rd, 4th, 5th, last"))?;
            let weekday = weekday(day).ok_or_else(|| not_a_weekday(day))?;
            Ok(Recurrence::MonthlyWeekday { nth, weekday })
        }
        [] => Err("the phrase is empty".to_owned()),
        _ => Err(format!(
            "\"{}\" is not a repeat phrase I know",
            phrase.trim()
        )),
    }
}

fn weekly(interval: u32, list: &str) -> Result<Recurrence, String> {
    let mut days = Vec::new();
    for item in list
        .split([',', '&'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let item = item.strip_prefix("and ").unwrap_or(item).trim();
        let day = weekday(item).ok_or_else(|| not_a_weekday(item))?;
        if !days.contains(&day) {
            days.push(day);
        }
    }
    if days.is_empty() {
        return Err("no weekday given after \"on\"".to_owned());
    }
    days.sort_by_key(|d| d.to_monday_zero_offset());
    Ok(Recurrence::Weekly { interval, days })
}

fn not_a_weekday(word: &str) -> String {
    format!("\"{word}\" is not a weekday (Monday..Sunday or Mon..Sun)")
}

/// A weekday from its full or 3-letter English name, any case (plural "thursdays" accepted).
pub fn weekday(word: &str) -> Option<Weekday> {
    let w = word.trim().to_lowercase();
    let w = w.strip_suffix('s').filter(|s| s.len() >= 3).unwrap_or(&w);
    const NAMES: [(&str, Weekday); 7] = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    NAMES
        .iter()
        .find(|(name, _)| *name == w || (w.len() == 3 && name.starts_with(w)))
        .map(|(_, day)| *day)
}

fn ordinal(word: &str) -> Option<i8> {
    Some(match word {
        "1st" | "first" => 1,
        "2nd" | "second" => 2,
        "3rd" | "third" => 3,
        "4th" | "fourth" => 4,
        "5th" | "fifth" => 5,
        "last" => -1,
        _ => return None,
    })
}

/// A weekday's English name, as a `repeat` says it ("Thursday").
pub fn weekday_name(day: Weekday) -> &'static str {
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

fn ordinal_name(nth: i8) -> String {
    match nth {
        -1 => "last".to_owned(),
        1 => "1st".to_owned(),
        2 => "2nd".to_owned(),
        3 => "3rd".to_owned(),
        n => format!("{n}th"),
    }
}

/// The RRULE for a recurrence (no UNTIL/COUNT; WKST stays Monday).
pub(crate) fn to_rrule(recurrence: &Recurrence) -> RRule {
    match recurrence {
        Recurrence::Daily => RRule::new(Freq::Daily),
        Recurrence::Weekly { interval, days } => {
            let mut rule = RRule::new(Freq::Weekly);
            rule.interval = *interval;
            rule.by_day = days
                .iter()
                .map(|&weekday| WeekdayNum { nth: 0, weekday })
                .collect();
            rule
        }
        Recurrence::MonthlyWeekday { nth, weekday } => {
            let mut rule = RRule::new(Freq::Monthly);
            rule.by_day = touchpoint_calendar::smallvec![WeekdayNum {
                nth: *nth,
                weekday: *weekday,
            }];
            rule
        }
        Recurrence::MonthlyDay(day) => {
            let mut rule = RRule::new(Freq::Monthly);
            rule.by_month_day = touchpoint_calendar::smallvec![*day];
            rule
        }
        Recurrence::Rrule(rule) => rule.clone(),
    }
}

fn list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The cadence in words.
pub(crate) fn cadence(recurrence: &Recurrence) -> String {
    match recurrence {
        Recurrence::Daily => "Daily".to_owned(),
        Recurrence::Weekly { interval, days } => {
            let names: Vec<&str> = days.iter().map(|d| weekday_name(*d)).collect();
            match interval {
                1 => format!("Every {}", list(&names)),
                2 => format!("Every other {}", list(&names)),
                n => format!("Every {n} weeks on {}", list(&names)),
            }
        }
        Recurrence::MonthlyWeekday { nth, weekday } => {
            format!("Monthly, {} {}", ordinal_name(*nth), weekday_name(*weekday))
        }
        Recurrence::MonthlyDay(day) => format!("Monthly, day {day}"),
        Recurrence::Rrule(rule) => rrule_cadence(rule),
    }
}

/// A best-effort description of a raw rule: exact for the shapes the friendly forms cover,
/// otherwise the frequency and interval.
fn rrule_cadence(rule: &RRule) -> String {
    if let Some(friendly) = friendly(rule) {
        return cadence(&friendly);
    }
    let (one, many) = match rule.freq {
        Freq::Secondly => ("Every second", "seconds"),
        Freq::Minutely => ("Every minute", "minutes"),
        Freq::Hourly => ("Hourly", "hours"),
        Freq::Daily => ("Daily", "days"),
        Freq::Weekly => ("Weekly", "weeks"),
        Freq::Monthly => ("Monthly", "months"),
        Freq::Yearly => ("Yearly", "years"),
    };
    match rule.interval {
        0 | 1 => one.to_owned(),
        n => format!("Every {n} {many}"),
    }
}

/// The friendly form a raw rule has the shape of (`FREQ=WEEKLY;BYDAY=MO,TH` is `weekly on
/// Monday and Thursday`), if any: what [`Recurrence::friendly`] answers.
pub(crate) fn friendly(rule: &RRule) -> Option<Recurrence> {
    let simple = rule.by_second.is_empty()
        && rule.by_minute.is_empty()
        && rule.by_hour.is_empty()
        && rule.by_year_day.is_empty()
        && rule.by_week_no.is_empty()
        && rule.by_month.is_empty()
        && rule.by_set_pos.is_empty();
    if simple {
        let plain_days: Option<Vec<Weekday>> = rule
            .by_day
            .iter()
            .map(|d| (d.nth == 0).then_some(d.weekday))
            .collect();
        match (
            rule.freq,
            rule.by_day.as_slice(),
            rule.by_month_day.as_slice(),
        ) {
            (Freq::Daily, [], []) if rule.interval == 1 => return Some(Recurrence::Daily),
            (Freq::Weekly, [_, ..], []) if plain_days.is_some() => {
                return Some(Recurrence::Weekly {
                    interval: rule.interval,
                    days: plain_days.unwrap_or_default(),
                });
            }
            (Freq::Monthly, [one], []) if rule.interval == 1 && one.nth != 0 => {
                return Some(Recurrence::MonthlyWeekday {
                    nth: one.nth,
                    weekday: one.weekday,
                });
            }
            (Freq::Monthly, [], [day]) if rule.interval == 1 => {
                return Some(Recurrence::MonthlyDay(*day));
            }
            _ => {}
        }
    }
    None
}

/// Whether the rule produces `first` as a date, when that can be told without the engine:
/// `Err(reason)` when it certainly does not. Raw rules are checked for their plain `BYDAY`
/// weekdays and `BYMONTHDAY` only.
pub(crate) fn check_first(recurrence: &Recurrence, first: civil::Date) -> Result<(), String> {
    let weekday = first.weekday();
    let falls = format!("{first} is a {}", weekday_name(weekday));
    match recurrence {
        Recurrence::Daily => Ok(()),
        Recurrence::Weekly { days, .. } => {
            if days.contains(&weekday) {
                Ok(())
            } else {
                Err(falls)
            }
        }
        Recurrence::MonthlyWeekday { nth, weekday: want } => {
            let produced = first.nth_weekday_of_month(*nth, *want).ok();
            if produced == Some(first) {
                Ok(())
            } else {
                let day_in_month = (first.day() - 1) / 7 + 1;
                let last = first.last_of_month().day() - first.day() < 7;
                let which = if last && day_in_month >= 4 {
                    format!("{} (and the last)", ordinal_name(day_in_month))
                } else {
                    ordinal_name(day_in_month)
                };
                Err(format!(
                    "{falls}, the {which} {} of its month",
                    weekday_name(weekday)
                ))
            }
        }
        Recurrence::MonthlyDay(day) => {
            if first.day() == *day {
                Ok(())
            } else {
                Err(format!("{first} is day {} of its month", first.day()))
            }
        }
        Recurrence::Rrule(rule) => {
            let plain: Vec<Weekday> = rule
                .by_day
                .iter()
                .filter(|d| d.nth == 0)
                .map(|d| d.weekday)
                .collect();
            if !plain.is_empty() && plain.len() == rule.by_day.len() && !plain.contains(&weekday) {
                return Err(falls);
            }
            let month_days = &rule.by_month_day;
            if rule.freq == Freq::Monthly
                && !month_days.is_empty()
                && month_days.iter().all(|d| *d > 0)
                && !month_days.contains(&first.day())
            {
                return Err(format!("{first} is day {} of its month", first.day()));
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_parse_weekly_lists() {
        let expected = Recurrence::Weekly {
            interval: 1,
            days: vec![Weekday::Monday, Weekday::Thursday],
        };
        for phrase in [
            "weekly on Monday and Thursday",
            "Weekly on Mon, Thu",
            "weekly on thursday, monday",
            "WEEKLY ON Mondays & Thursdays",
            "weekly on Mon, and Thu",
        ] {
            assert_eq!(parse_phrase(phrase), Ok(expected.clone()), "{phrase}");
        }
    }

    #[test]
    fn errors_when_the_weekday_is_unknown() {
        let err = parse_phrase("weekly on Thrusday").unwrap_err();
        assert!(err.contains("\"thrusday\" is not a weekday"), "{err}");
    }
}
