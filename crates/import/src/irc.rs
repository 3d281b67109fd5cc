//! OpenStack's irc-meetings YAML (yaml2ical's format) → community file.
//!
//! One file per meeting: `project`, `meeting_id`, `agenda_url`, `chair`, `description` and a
//! `schedule` list, each entry `time` (UTC, `HHMM`), `day`, `irc` (channel), `frequency` and
//! optionally `start_date` (`YYYYMMDD`), `duration` (minutes, default 60) and `skip_dates`
//! (`skip_date` + `reason`). Each file becomes a `[[groups]]` entry (its IRC channel as chat),
//! each schedule entry a `[[series]]` in UTC.
//!
//! Frequencies, as yaml2ical's `recurrence.py` defines them: `weekly`; `biweekly-odd` /
//! `biweekly-even` (the first meeting in an odd / even ISO week); `quadweekly`,
//! `quadweekly-week-1/2/3`, `quadweekly-alternate` (= week 2) (the first meeting whose ISO week
//! modulo 4 is that number); `first-monday` … (monthly); `adhoc` (no schedule: commented out).
//! The first meeting is the first on or after `start_date` (yaml2ical: "now" without one; here
//! the import date). From there yaml2ical's feed repeats every 2 or 4 weeks (`INTERVAL`), which
//! is what `every 2 weeks on …` counted from `first` says.

use jiff::civil::{self, Weekday};
use serde::Deserialize;

use crate::draft::{self, Draft, DraftChange, DraftException, DraftGroup, DraftSeries, Rule};
use crate::text::{
    Ids, Scalar, clock, monthly_phrase, next_nth_weekday, next_weekday, ordinal_word, weekday,
    weekday_name, weekly_phrase,
};
use crate::{ImportError, Imported, Options};

/// One meeting file.
#[derive(Debug, Deserialize)]
struct Meeting {
    project: String,
    #[serde(default)]
    meeting_id: Option<Scalar>,
    #[serde(default)]
    agenda_url: Option<String>,
    #[serde(default)]
    chair: Option<Scalar>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    schedule: Vec<Schedule>,
}

#[derive(Debug, Deserialize)]
struct Schedule {
    time: Scalar,
    day: String,
    #[serde(default)]
    irc: Option<String>,
    frequency: String,
    #[serde(default)]
    start_date: Option<Scalar>,
    #[serde(default)]
    duration: Option<Scalar>,
    #[serde(default)]
    skip_dates: Vec<SkipDate>,
}

#[derive(Debug, Deserialize)]
struct SkipDate {
    skip_date: Scalar,
    #[serde(default)]
    reason: Option<String>,
}

/// Import irc-meetings files, each given as (file name, text). Fails on the first file that
/// is not a meeting file, naming it.
pub fn from_irc_meetings(
    files: &[(String, String)],
    options: &Options,
) -> Result<Imported, ImportError> {
    if files.is_empty() {
        return Err(ImportError::new("no meeting files (*.yaml) found"));
    }
    let mut draft = Draft {
        name: "OpenStack meetings".to_owned(),
        description: Some("Team meetings held on IRC.".to_owned()),
        timezone: "UTC".to_owned(),
        header: vec![
            "Imported by `touchpoint import irc-meetings` from yaml2ical meeting files.".to_owned(),
            format!("Import date: {}.", options.today),
        ],
        ..Draft::default()
    };
    let mut ids = Ids::default();
    let mut group_ids = Ids::default();
    for (name, text) in files {
        let meeting: Meeting = serde_saphyr::from_str(text)
            .map_err(|e| ImportError::new(format!("{name}: not a meeting file: {e}")))?;
        let stem = name.rsplit('/').next().unwrap_or(name);
        let stem = stem.split('.').next().unwrap_or(stem);
        let group_id = group_ids.unique(
            &meeting
                .meeting_id
                .as_ref()
                .map(Scalar::text)
                .unwrap_or_else(|| stem.to_owned()),
        );
        let chair = meeting
            .chair
            .as_ref()
            .map(Scalar::text)
            .filter(|c| !c.is_empty());
        let description = meeting
            .description
            .as_deref()
            .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|d| !d.is_empty());
        for schedule in &meeting.schedule {
            let mut series = series(&meeting.project, schedule, options.today, &mut ids);
            let mut text = description.clone().unwrap_or_default();
            if let Some(chair) = &chair {
                text.push_str(&format!("\n\nChair: {chair}"));
            }
            if let Some(irc) = &schedule.irc {
                text.push_str(&format!("\nIRC: #{irc}"));
            }
            series.description = Some(text.trim().to_owned()).filter(|t| !t.is_empty());
            series.agenda = meeting.agenda_url.clone().filter(|u| u.starts_with("http"));
            series.group = Some(group_id.clone());
            draft.series.push(series);
        }
        draft.groups.push(DraftGroup {
            id: group_id,
            title: meeting.project.clone(),
            description,
            mailing_list: None,
            chat: meeting
                .schedule
                .iter()
                .find_map(|s| s.irc.as_ref())
                .map(|irc| (format!("#{irc} (IRC)"), None)),
        });
    }
    Ok(draft::finish(draft))
}

fn series(project: &str, schedule: &Schedule, today: civil::Date, ids: &mut Ids) -> DraftSeries {
    let mut series = DraftSeries {
        id: ids.unique(project),
        title: project.to_owned(),
        timezone: Some("UTC".to_owned()),
        duration_minutes: 60,
        ..DraftSeries::default()
    };
    let time = schedule.time.hhmm();
    match clock(&time) {
        Some(start) if time.len() == 4 => series.start = Some(start),
        _ => series.blocked.push(format!(
            "time {time:?} is not HHMM: write start = \"HH:MM\""
        )),
    }
    if let Some(duration) = &schedule.duration {
        match duration.text().parse::<i64>() {
            Ok(minutes) if minutes > 0 => series.duration_minutes = minutes,
            _ => series.blocked.push(format!(
                "duration {:?} is not a number of minutes",
                duration.text()
            )),
        }
    }
    let from = match &schedule.start_date {
        Some(start) => match start.date() {
            Some(date) => date,
            None => {
                series
                    .blocked
                    .push(format!("start_date {:?} is not YYYYMMDD", start.text()));
                today
            }
        },
        None => today,
    };
    let Some(day) = weekday(&schedule.day) else {
        series
            .blocked
            .push(format!("day {:?} is not a weekday", schedule.day));
        return series;
    };
    let frequency = schedule.frequency.trim();
    let since = if schedule.start_date.is_some() {
        "start_date"
    } else {
        "the import date (no start_date)"
    };
    series.comments.push(format!("frequency: {frequency}"));
    match frequency {
        "weekly" => {
            series.rule = Rule::Repeat(weekly_phrase(1, &[day]));
            series.first = Some(next_weekday(from, day));
        }
        "biweekly-odd" | "biweekly-even" => {
            let odd = frequency.ends_with("odd");
            series.rule = Rule::Repeat(weekly_phrase(2, &[day]));
            series.first = first_in_week(from, day, |week| (week % 2 == 1) == odd);
            series.comments.push(format!(
                "first: the first {} in an {} ISO week from {since}",
                weekday_name(day),
                if odd { "odd" } else { "even" },
            ));
        }
        "quadweekly"
        | "quadweekly-week-1"
        | "quadweekly-week-2"
        | "quadweekly-week-3"
        | "quadweekly-alternate" => {
            let slot = match frequency {
                "quadweekly" => 0,
                "quadweekly-week-1" => 1,
                "quadweekly-week-3" => 3,
                _ => 2,
            };
            series.rule = Rule::Repeat(weekly_phrase(4, &[day]));
            series.first = first_in_week(from, day, |week| week % 4 == slot);
            series.comments.push(format!(
                "first: the first {} in an ISO week whose number modulo 4 is {slot}, from {since}",
                weekday_name(day)
            ));
        }
        "adhoc" => series
            .blocked
            .push("adhoc: held as needed, with no schedule to write".to_owned()),
        other => match monthly(other, day) {
            Some(nth) => {
                series.rule = Rule::Repeat(monthly_phrase(nth, day).unwrap_or_default());
                series.first = next_nth_weekday(from, nth, day);
            }
            None => series
                .blocked
                .push(format!("frequency {other:?} is not one yaml2ical defines")),
        },
    }
    for skip in &schedule.skip_dates {
        match skip.skip_date.date() {
            Some(date) if !meets_on(&series, date) => series.todos.push(format!(
                "skip_date {date} is not a date it meets on, so it skips nothing; left out"
            )),
            Some(date) => series.exceptions.push(DraftException {
                date,
                change: DraftChange::Cancel(
                    skip.reason.clone().unwrap_or_else(|| "skipped".to_owned()),
                ),
            }),
            None => series.todos.push(format!(
                "skip_date {:?} is not YYYYMMDD; left out",
                skip.skip_date.text()
            )),
        }
    }
    series.exceptions.sort_by_key(|e| e.date);
    series
}

/// Whether the series' rule (written by [`series`]: weekly, every N weeks, or monthly on the
/// Nth weekday) meets on `date`.
fn meets_on(series: &DraftSeries, date: civil::Date) -> bool {
    let (Some(first), Rule::Repeat(phrase)) = (series.first, &series.rule) else {
        return false;
    };
    if date < first || date.weekday() != first.weekday() {
        return false;
    }
    let weeks = first
        .until(date)
        .map(|span| span.get_days() / 7)
        .unwrap_or(0);
    if let Some(rest) = phrase.strip_prefix("every ") {
        let interval: i32 = rest
            .split(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(1);
        weeks % interval == 0
    } else if phrase.starts_with("monthly on the last") {
        date.last_of_month().day() - date.day() < 7
    } else if phrase.starts_with("monthly") {
        (date.day() - 1) / 7 == (first.day() - 1) / 7
    } else {
        true
    }
}

/// `first-monday` … `last-friday`: the week of the month.
fn monthly(frequency: &str, day: Weekday) -> Option<i8> {
    let (nth, name) = frequency.split_once('-')?;
    (weekday(name)? == day).then_some(())?;
    ordinal_word(nth)
}

/// The first `day` on or after `from` whose ISO week number satisfies `wanted`.
fn first_in_week(
    from: civil::Date,
    day: Weekday,
    wanted: impl Fn(i8) -> bool,
) -> Option<civil::Date> {
    let mut date = next_weekday(from, day);
    for _ in 0..8 {
        if wanted(date.iso_week_date().week()) {
            return Some(date);
        }
        date = date.checked_add(jiff::Span::new().weeks(1)).ok()?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn can_find_the_week_yaml2ical_would() {
        // 2016-11-10 is a Thursday in ISO week 45 (odd).
        let odd = |w: i8| w % 2 == 1;
        let even = |w: i8| w % 2 == 0;
        assert_eq!(
            first_in_week(date(2016, 11, 10), Weekday::Thursday, odd),
            Some(date(2016, 11, 10))
        );
        assert_eq!(
            first_in_week(date(2016, 11, 10), Weekday::Thursday, even),
            Some(date(2016, 11, 17))
        );
        assert_eq!(monthly("first-thursday", Weekday::Thursday), Some(1));
        assert_eq!(monthly("first-thursday", Weekday::Monday), None);
    }
}
