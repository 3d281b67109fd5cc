//! Kubernetes' `sigs.yaml` → community file.
//!
//! The file (kubernetes/community, read by its `generator/app.go`) lists `sigs`,
//! `workinggroups`, `usergroups` and `committees`; each group has `meetings`, a `contact`
//! (`slack`, `mailing_list`) and `subprojects` that may have meetings of their own. A meeting is
//! `description`, `day`, `time`, `tz`, `frequency`, `url`, `archive_url`, `recordings_url`, all
//! free text. Each group becomes a `[[groups]]` entry, each meeting a `[[series]]` of it.
//!
//! `tz` is read through a table of the names the file uses ([`zone`]); `frequency` by
//! [`cadence`]. What cannot be read without a guess ("biweekly" with no start date: which
//! week?; "monthly": which week of the month?; "every four weeks"; "weekly - except fourth
//! Tuesday every month") is written commented out with a TODO. The file gives no durations:
//! every series is written as one hour, with a TODO saying so.

use jiff::civil::{self, Weekday};
use serde::Deserialize;

use crate::draft::{self, Draft, DraftGroup, DraftSeries, Rule};
use crate::text::{
    Ids, Scalar, clock, monthly_phrase, next_nth_weekday, next_weekday, ordinal_word, slug,
    weekday, weekday_name, weekly_phrase,
};
use crate::{ImportError, Imported, Note, Options};

/// `sigs.yaml`: the generator's `Context`.
#[derive(Debug, Deserialize)]
struct Context {
    #[serde(default)]
    sigs: Vec<Group>,
    #[serde(default)]
    workinggroups: Vec<Group>,
    #[serde(default)]
    usergroups: Vec<Group>,
    #[serde(default)]
    committees: Vec<Group>,
}

/// A SIG, working group, user group or committee (the generator's `Group`).
#[derive(Debug, Deserialize)]
struct Group {
    dir: String,
    name: String,
    #[serde(default)]
    mission_statement: Option<String>,
    #[serde(default)]
    meetings: Vec<Meeting>,
    #[serde(default)]
    contact: Option<Contact>,
    #[serde(default)]
    subprojects: Vec<Subproject>,
}

#[derive(Debug, Deserialize)]
struct Subproject {
    name: String,
    #[serde(default)]
    meetings: Vec<Meeting>,
}

#[derive(Debug, Deserialize)]
struct Contact {
    #[serde(default)]
    slack: Option<String>,
    #[serde(default)]
    mailing_list: Option<String>,
}

/// A meeting (the generator's `Meeting`): every field free text.
#[derive(Debug, Deserialize)]
struct Meeting {
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    day: Option<String>,
    #[serde(default)]
    time: Option<Scalar>,
    #[serde(default)]
    tz: Option<String>,
    #[serde(default)]
    frequency: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    archive_url: Option<String>,
    #[serde(default)]
    recordings_url: Option<String>,
}

/// Import a `sigs.yaml`. Fails when the text is not YAML of that shape.
pub fn from_k8s_sigs(text: &str, options: &Options) -> Result<Imported, ImportError> {
    let context: Context = serde_saphyr::from_str(text)
        .map_err(|e| ImportError::new(format!("not a sigs.yaml file: {e}")))?;
    let mut draft = Draft {
        name: "Kubernetes community".to_owned(),
        description: Some(
            "The meetings of the Kubernetes SIGs, working groups, user groups and committees."
                .to_owned(),
        ),
        timezone: "UTC".to_owned(),
        header: vec![
            "Imported by `touchpoint import k8s-sigs` from Kubernetes' sigs.yaml.".to_owned(),
            format!("Import date: {}.", options.today),
        ],
        ..Draft::default()
    };
    let mut ids = Ids::default();
    let mut group_ids = Ids::default();
    let kinds = [
        ("SIG", &context.sigs),
        ("WG", &context.workinggroups),
        ("UG", &context.usergroups),
        ("Committee", &context.committees),
    ];
    for (kind, groups) in kinds {
        for group in groups.iter() {
            let id = group_ids.unique(&group.dir);
            let title = if kind == "Committee" {
                format!("{} Committee", group.name)
            } else {
                format!("{kind} {}", group.name)
            };
            let meetings = group.meetings.iter().map(|m| (title.clone(), m)).chain(
                group.subprojects.iter().flat_map(|sub| {
                    let title = format!("{title} ({})", sub.name);
                    sub.meetings.iter().map(move |m| (title.clone(), m))
                }),
            );
            for (owner, meeting) in meetings {
                let mut series = series(&owner, meeting, options.today, &mut ids);
                series.group = Some(id.clone());
                draft.series.push(series);
            }
            draft.groups.push(group_entry(id, title, group));
        }
    }
    if !draft.series.is_empty() {
        draft.notes.push(Note {
            subject: "every series".to_owned(),
            message: "sigs.yaml gives no durations: each is written as 1h (a TODO in the file)"
                .to_owned(),
        });
    }
    Ok(draft::finish(draft))
}

fn is_link(text: &str) -> bool {
    text.starts_with("https://") || text.starts_with("http://") || text.starts_with("mailto:")
}

fn group_entry(id: String, title: String, group: &Group) -> DraftGroup {
    let contact = group.contact.as_ref();
    DraftGroup {
        id,
        title,
        description: group
            .mission_statement
            .as_deref()
            .map(|m| m.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|m| !m.is_empty()),
        mailing_list: contact
            .and_then(|c| c.mailing_list.clone())
            .filter(|l| is_link(l)),
        // The generator's README templates link a channel as kubernetes.slack.com/messages/NAME.
        chat: contact.and_then(|c| c.slack.as_deref()).map(|slack| {
            (
                format!("#{slack}"),
                Some(format!("https://kubernetes.slack.com/messages/{slack}")),
            )
        }),
    }
}

fn series(owner: &str, meeting: &Meeting, today: civil::Date, ids: &mut Ids) -> DraftSeries {
    let what = meeting.description.as_deref().unwrap_or("Meeting").trim();
    let title = format!("{owner}: {what}");
    let mut series = DraftSeries {
        id: ids.unique(&slug(&title)),
        title,
        duration_minutes: 60,
        join: meeting.url.clone().filter(|u| is_link(u)),
        agenda: meeting.archive_url.clone().filter(|u| is_link(u)),
        recordings: meeting.recordings_url.clone().filter(|u| is_link(u)),
        ..DraftSeries::default()
    };
    series
        .comments
        .push("TODO: sigs.yaml gives no duration; 1h is written".to_owned());
    let tz = meeting.tz.as_deref().unwrap_or("").trim();
    match zone(tz) {
        Ok((iana, how)) => {
            series.timezone = Some(iana);
            if let Some(how) = how {
                series.comments.push(how);
            }
        }
        Err(why) => series.blocked.push(why),
    }
    let time = meeting.time.as_ref().map(Scalar::text).unwrap_or_default();
    match clock(&time) {
        Some(start) => series.start = Some(start),
        None => series.blocked.push(format!(
            "time {time:?} is not a clock time: write start = \"HH:MM\""
        )),
    }
    let day_text = meeting.day.as_deref().unwrap_or("");
    let Some(day) = weekday(day_text) else {
        series.blocked.push(format!(
            "day {day_text:?} is not one weekday: write the rule"
        ));
        return series;
    };
    let frequency = meeting.frequency.as_deref().unwrap_or("").trim();
    series.comments.push(format!("frequency: {frequency:?}"));
    match cadence(frequency, day) {
        Cadence::Weekly => {
            series.rule = Rule::Repeat(weekly_phrase(1, &[day]));
            series.first = Some(next_weekday(today, day));
        }
        Cadence::Weeks(n, Some(start)) if start.weekday() == day => {
            series.rule = Rule::Repeat(weekly_phrase(n, &[day]));
            series.first = Some(start);
        }
        Cadence::Weeks(n, Some(start)) => {
            series.rule = Rule::Repeat(weekly_phrase(n, &[day]));
            series.blocked.push(format!(
                "it starts on {start}, a {}, but meets on {}s: which is right?",
                weekday_name(start.weekday()),
                weekday_name(day)
            ));
        }
        Cadence::Weeks(n, None) => {
            series.rule = Rule::Repeat(weekly_phrase(n, &[day]));
            series.blocked.push(format!(
                "{frequency:?} gives no start date: which week? Write `first` = a date it met on"
            ));
        }
        Cadence::Monthly(nth) => match monthly_phrase(nth, day) {
            Some(phrase) => {
                series.rule = Rule::Repeat(phrase);
                series.first = next_nth_weekday(today, nth, day);
            }
            None => series
                .blocked
                .push(format!("{frequency:?}: no such week of a month")),
        },
        Cadence::Unclear(why) => series.blocked.push(why),
    }
    series
}

/// The IANA zone of a `tz` value, and a comment when the reading is worth saying.
fn zone(tz: &str) -> Result<(String, Option<String>), String> {
    let key = tz
        .split(['(', ','])
        .next()
        .unwrap_or("")
        .trim()
        .to_uppercase();
    let (iana, note) = match key.as_str() {
        "PT" | "PST" | "PDT" | "PACIFIC" | "PACIFIC TIME" => ("America/Los_Angeles", true),
        "MT" | "MST" | "MDT" | "MOUNTAIN TIME" => ("America/Denver", true),
        "CT" | "CST" | "CDT" | "CENTRAL TIME" => ("America/Chicago", true),
        "ET" | "EST" | "EDT" | "EASTERN" | "EASTERN TIME" => ("America/New_York", true),
        "UTC" | "GMT" | "UTC+0" | "Z" => ("UTC", false),
        "CET" | "CEST" => ("Europe/Berlin", true),
        "BST" | "UK" => ("Europe/London", true),
        "BEIJING" | "CHINA" | "CHINA STANDARD TIME" => ("Asia/Shanghai", false),
        "JST" => ("Asia/Tokyo", false),
        "KST" => ("Asia/Seoul", false),
        "AEST" | "AEDT" => ("Australia/Sydney", true),
        _ => {
            if let Some(tz) = touchpoint_calendar::Tz::iana(tz.trim()) {
                return Ok((tz.name.to_string(), None));
            }
            let hint = touchpoint_community::suggest_zones(tz.trim());
            let hint = if hint.is_empty() {
                String::new()
            } else {
                format!(" (closest: {})", hint.join(", "))
            };
            return Err(format!(
                "tz {tz:?} names no one zone: write the IANA zone{hint}"
            ));
        }
    };
    let how = if note {
        format!("tz {tz:?} read as {iana} (its daylight-saving changes included)")
    } else {
        format!("tz {tz:?} read as {iana}")
    };
    let how = Some(how).filter(|_| iana != tz.trim());
    Ok((iana.to_owned(), how))
}

/// What a `frequency` says.
#[derive(Debug, PartialEq)]
enum Cadence {
    Weekly,
    /// Every N weeks, from a start date when the text gives one.
    Weeks(u32, Option<civil::Date>),
    /// Monthly on the Nth (-1: last) weekday.
    Monthly(i8),
    /// Cannot be read without a guess: why.
    Unclear(String),
}

/// Read a free-text `frequency`; `day` is the meeting's weekday.
fn cadence(frequency: &str, day: Weekday) -> Cadence {
    let lower = frequency.to_lowercase().replace("bi-weekly", "biweekly");
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let unclear = |why: &str| Cadence::Unclear(format!("frequency {frequency:?}: {why}"));
    if ["except", "after", "demand", "triweekly", "or"]
        .iter()
        .any(|w| words.contains(w))
        || lower.contains('/')
    {
        return unclear("not one regular rule; write it as an rrule or split it");
    }
    // A weekday named in the text must be the meeting's day.
    if let Some(other) = words.iter().filter_map(|w| weekday(w)).find(|d| *d != day) {
        return unclear(&format!(
            "names {} but the meeting's day is {}",
            weekday_name(other),
            weekday_name(day)
        ));
    }
    let start = start_date(&words);
    let weeks = match words.as_slice() {
        ["weekly", ..] => Some(1),
        ["biweekly", ..] | ["every", "other", "week", ..] => Some(2),
        ["every", n, "weeks", ..] => number(n),
        ["monthly", ..] => None,
        _ => return unclear("not a frequency this importer knows"),
    };
    if let Some(weeks) = weeks {
        return match (weeks, start) {
            (1, None) => Cadence::Weekly,
            (n, start) => Cadence::Weeks(n, start),
        };
    }
    match words.iter().find_map(|w| ordinal_word(w)) {
        Some(nth) => Cadence::Monthly(nth),
        None => match start {
            Some(start) => unclear(&format!(
                "monthly from {start}: on its weekday of the month, or on day {}?",
                start.day()
            )),
            None => unclear("monthly, but on which week of the month?"),
        },
    }
}

fn number(word: &str) -> Option<u32> {
    Some(match word {
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "six" => 6,
        "eight" => 8,
        n => n.parse().ok().filter(|n| (1..=52).contains(n))?,
    })
}

/// A date written in the text: a month name, a day and a four-digit year, in any order
/// ("starting Wednesday March 20, 2019", "2019 start date: Jan. 11th").
fn start_date(words: &[&str]) -> Option<civil::Date> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let month = words.iter().position(|w| {
        w.len() >= 3
            && MONTHS
                .iter()
                .any(|m| w.starts_with(m) && m.starts_with(&w[..3]))
    })?;
    let month_number = MONTHS.iter().position(|m| words[month].starts_with(m))? + 1;
    let day = words[month + 1..].iter().find_map(|w| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        digits.parse::<i8>().ok().filter(|d| (1..=31).contains(d))
    })?;
    let year = words
        .iter()
        .find_map(|w| w.parse::<i16>().ok().filter(|y| (1970..=2200).contains(y)))?;
    civil::Date::new(year, month_number as i8, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn can_read_the_frequencies_sigs_yaml_uses() {
        let wed = Weekday::Wednesday;
        assert_eq!(cadence("weekly", wed), Cadence::Weekly);
        assert_eq!(cadence("biweekly", wed), Cadence::Weeks(2, None));
        assert_eq!(
            cadence("biweekly starting Wednesday March 20, 2019", wed),
            Cadence::Weeks(2, Some(date(2019, 3, 20)))
        );
        assert_eq!(
            cadence("biweekly 2019 start date: Jan. 11th", Weekday::Friday),
            Cadence::Weeks(2, Some(date(2019, 1, 11)))
        );
        assert_eq!(
            cadence("monthly - last Wednesday every month", wed),
            Cadence::Monthly(-1)
        );
        assert_eq!(
            cadence("monthly on 4th Thursday", Weekday::Thursday),
            Cadence::Monthly(4)
        );
        assert_eq!(cadence("every four weeks", wed), Cadence::Weeks(4, None));
        for unclear in [
            "monthly",
            "biweekly/triweekly",
            "weekly - except fourth Tuesday every month",
            "monthly - Wednesday, after the fourth Tuesday, every month",
            "biweekly (On demand)",
            "monthly 2020 start date: Jan. 7th",
        ] {
            assert!(
                matches!(cadence(unclear, Weekday::Tuesday), Cadence::Unclear(_)),
                "{unclear}"
            );
        }
    }

    #[test]
    fn can_read_an_unquoted_time_and_skip_unknown_keys() {
        let yaml = "sigs:\n- dir: sig-x\n  name: X\n  label: x\n  meetings:\n  - description: Sync\n    day: Tuesday\n    time: 1400\n    tz: UTC\n    frequency: weekly\n";
        let today = date(2026, 11, 30);
        let imported = from_k8s_sigs(yaml, &Options { today }).unwrap();
        assert!(
            imported.toml.contains("start = \"14:00\""),
            "{}",
            imported.toml
        );
        assert!(
            imported.toml.contains("first = 2026-12-01"),
            "{}",
            imported.toml
        );
        assert_eq!(imported.series, 1);
    }

    #[test]
    fn can_read_the_zones_sigs_yaml_uses() {
        assert_eq!(
            zone("PT (Pacific Time)").map(|z| z.0).as_deref(),
            Ok("America/Los_Angeles")
        );
        assert_eq!(zone("UTC").map(|z| z.0).as_deref(), Ok("UTC"));
        assert_eq!(
            zone("CEST (Central European Summer Time)")
                .map(|z| z.0)
                .as_deref(),
            Ok("Europe/Berlin")
        );
        assert_eq!(
            zone("Europe/Paris").map(|z| z.0).as_deref(),
            Ok("Europe/Paris")
        );
        assert!(zone("IST").is_err());
        assert!(zone("").is_err());
    }
}
