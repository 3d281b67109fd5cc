//! What a change to a community file changes for people: series added, removed or renamed,
//! meetings that move (and from which occurrence), cancellations and moves of single dates,
//! join links. `touchpoint check --diff OLD NEW` renders it for a pull request.
//!
//! Pure: both files are already parsed, and "now" is a parameter. Schedules are compared by
//! their occurrences from "now" on, not by how the file says them, so rewriting
//! `repeat = "weekly on Tuesday"` as the equivalent RRULE changes nothing, and a zone change
//! that keeps the meetings where they are until the next DST change is reported from the first
//! occurrence that actually moves.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use jiff::tz::TimeZone;
use jiff::{Timestamp, civil};
use touchpoint_calendar::{Limits, Tz, Window, expand, wall_to_instant};

use crate::lang::Lang;
use crate::model::{Change as DateChange, Community, Exception, Location, Series, Text};

/// How many days from "now" the schedules are compared: over a year, so both DST changes of
/// every zone fall inside.
pub const HORIZON_DAYS: i64 = 400;

/// One change people would notice.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// What kind of change.
    pub kind: Kind,
    /// The series' id (in the new file; in the old one for a removed series); `None` for a
    /// change to an outside calendar.
    pub series: Option<String>,
    /// The id in the old file, for a renamed series.
    pub old_series: Option<String>,
    /// The series' title (or the outside calendar's name).
    pub title: String,
    /// The id and title of the series' group, if it has one.
    pub group: Option<(String, String)>,
    /// The first affected date (local to the series' zone); `None` when it is not about a
    /// date (a join link, a title).
    pub from: Option<civil::Date>,
    /// The first affected occurrence as it was, if there was one.
    pub before: Option<Meeting>,
    /// The first affected occurrence as it will be, if there is one.
    pub after: Option<Meeting>,
    /// What changed, one short phrase each ("start 17:00 -> 18:00", "zone UTC -> Asia/Tokyo").
    pub details: Vec<String>,
}

/// One occurrence: when it starts and ends, and the zone its series is anchored in.
#[derive(Clone, Debug, PartialEq)]
pub struct Meeting {
    /// Start instant.
    pub start: Timestamp,
    /// End instant.
    pub end: Timestamp,
    /// The series' zone.
    pub zone: Tz,
}

/// The kinds of [`Change`], each with a stable name (see [`Kind::as_str`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// A new series.
    SeriesAdded,
    /// A series is gone.
    SeriesRemoved,
    /// A series has a new id (subscribers' calendars see the old one removed and a new one
    /// added, since the id makes the UID).
    SeriesRenamed,
    /// A series has a new title.
    TitleChanged,
    /// A series' regular meetings move: time, weekday, zone, duration, cadence or dates.
    Rescheduled,
    /// A series belongs to another group.
    GroupChanged,
    /// A series' join link changed.
    JoinChanged,
    /// One date is cancelled.
    CancellationAdded,
    /// A cancelled date takes place again.
    CancellationRemoved,
    /// One date moves.
    MoveAdded,
    /// A moved date moves elsewhere.
    MoveChanged,
    /// A moved date is back at its regular time.
    MoveRemoved,
    /// An extra meeting.
    ExtraAdded,
    /// An extra meeting is at another time.
    ExtraChanged,
    /// An extra meeting is gone.
    ExtraRemoved,
    /// A new outside calendar is followed.
    CalendarAdded,
    /// An outside calendar is no longer followed.
    CalendarRemoved,
}

impl Kind {
    /// The kind's stable name in kebab-case, as `--format json` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::SeriesAdded => "series-added",
            Kind::SeriesRemoved => "series-removed",
            Kind::SeriesRenamed => "series-renamed",
            Kind::TitleChanged => "title-changed",
            Kind::Rescheduled => "rescheduled",
            Kind::GroupChanged => "group-changed",
            Kind::JoinChanged => "join-changed",
            Kind::CancellationAdded => "cancellation-added",
            Kind::CancellationRemoved => "cancellation-removed",
            Kind::MoveAdded => "move-added",
            Kind::MoveChanged => "move-changed",
            Kind::MoveRemoved => "move-removed",
            Kind::ExtraAdded => "extra-added",
            Kind::ExtraChanged => "extra-changed",
            Kind::ExtraRemoved => "extra-removed",
            Kind::CalendarAdded => "calendar-added",
            Kind::CalendarRemoved => "calendar-removed",
        }
    }
}

/// Every change from `old` to `new` that people would notice from `now` on, series in the new
/// file's order, then the removed ones, then outside calendars.
pub fn diff(old: &Community, new: &Community, now: Timestamp) -> Vec<Change> {
    let mut changes = Vec::new();
    let old_by_id: HashMap<&str, &Series> = old.series.iter().map(|s| (s.id.as_str(), s)).collect();
    let new_ids: HashSet<&str> = new.series.iter().map(|s| s.id.as_str()).collect();
    // Each removed series with its meetings, expanded once: every new id is compared with them.
    let times = |meetings: &[Meeting]| -> Vec<(Timestamp, Timestamp)> {
        meetings.iter().map(|m| (m.start, m.end)).collect()
    };
    let mut removed: Vec<(&Series, Vec<(Timestamp, Timestamp)>)> = old
        .series
        .iter()
        .filter(|s| !new_ids.contains(s.id.as_str()))
        .map(|s| (s, times(&regular(old, s, now))))
        .collect();
    for series in &new.series {
        if let Some(before) = old_by_id.get(series.id.as_str()) {
            changes.extend(series_changes(old, before, new, series, now));
            continue;
        }
        // A new id: a rename when a removed series has the same meetings or the same title.
        let after = regular(new, series, now);
        let after_times = times(&after);
        let renamed = removed
            .iter()
            .position(|(_, was)| !after.is_empty() && *was == after_times)
            .or_else(|| removed.iter().position(|(r, _)| r.title == series.title));
        match renamed {
            Some(i) => {
                let (before, _) = removed.remove(i);
                let mut change = base(new, series, Kind::SeriesRenamed);
                change.old_series = Some(before.id.clone());
                change.details.push(format!(
                    "id \"{}\" -> \"{}\": subscribed calendars drop the old meetings and add \
                     new ones",
                    before.id, series.id
                ));
                changes.push(change);
                changes.extend(series_changes(old, before, new, series, now));
            }
            None => {
                let mut change = base(new, series, Kind::SeriesAdded);
                if let Some(first) = after.first() {
                    change.from = Some(local_date(first));
                    change.after = Some(first.clone());
                }
                change.details.push(schedule(series));
                changes.push(change);
            }
        }
    }
    for (series, _) in removed {
        let mut change = base(old, series, Kind::SeriesRemoved);
        if let Some(next) = regular(old, series, now).into_iter().next() {
            change.from = Some(local_date(&next));
            change.before = Some(next);
        }
        change.details.push(schedule(series));
        changes.push(change);
    }
    changes.extend(calendar_changes(old, new));
    changes
}

/// What changed in one series present in both files (`before` in `old`, `after` in `new`).
fn series_changes(
    old: &Community,
    before: &Series,
    new: &Community,
    after: &Series,
    now: Timestamp,
) -> Vec<Change> {
    let mut changes = Vec::new();
    if before.title != after.title {
        let mut change = base(new, after, Kind::TitleChanged);
        change.details = text_changes("title", &before.title, &after.title);
        changes.push(change);
    }
    if before.group != after.group {
        let mut change = base(new, after, Kind::GroupChanged);
        let title = |c: &Community, id: &Option<String>| match id {
            Some(id) => c.group(id).map_or(id.clone(), |g| g.title.to_string()),
            None => "none".to_owned(),
        };
        change.details.push(format!(
            "group {} -> {}",
            title(old, &before.group),
            title(new, &after.group)
        ));
        changes.push(change);
    }
    // Most series of a pull request are untouched: the same fields give the same meetings,
    // without expanding both (`check --diff` of two identical 2,000-series files, debug build:
    // 1.9 s of CPU before, 0.65 s after, most of it now the two files' checks).
    let (was, will) = if same_schedule(before, after) {
        (Vec::new(), Vec::new())
    } else {
        (regular(old, before, now), regular(new, after, now))
    };
    let when = |m: Option<&Meeting>| m.map(|m| (m.start, m.end));
    if let Some(i) = (0..was.len().max(will.len())).find(|&i| when(was.get(i)) != when(will.get(i)))
    {
        let mut change = base(new, after, Kind::Rescheduled);
        change.before = was.get(i).cloned();
        change.after = will.get(i).cloned();
        change.from = [&change.before, &change.after]
            .into_iter()
            .flatten()
            .min_by_key(|m| m.start)
            .map(local_date);
        change.details = field_changes(before, after);
        changes.push(change);
    }
    if before.join != after.join {
        let mut change = base(new, after, Kind::JoinChanged);
        let link = |join: &Option<String>| join.clone().unwrap_or_else(|| "none".to_owned());
        change.details.push(format!(
            "join link {} -> {}",
            link(&before.join),
            link(&after.join)
        ));
        changes.push(change);
    }
    changes.extend(exception_changes(new, before, after, now));
    changes
}

/// Whether two series have the same schedule fields (zone, start, duration, rule, dates), and
/// so the same regular meetings.
fn same_schedule(a: &Series, b: &Series) -> bool {
    a.timezone.name == b.timezone.name
        && a.start == b.start
        && a.duration.fieldwise() == b.duration.fieldwise()
        && a.recurrence == b.recurrence
        && a.first == b.first
        && a.last == b.last
}

/// The fields of a series' schedule that differ, in words.
fn field_changes(before: &Series, after: &Series) -> Vec<String> {
    let mut details = Vec::new();
    let mut field = |what: &str, was: String, will: String| {
        if was != will {
            details.push(format!("{what} {was} -> {will}"));
        }
    };
    field(
        "start",
        before.start.strftime("%H:%M").to_string(),
        after.start.strftime("%H:%M").to_string(),
    );
    field(
        "zone",
        before.timezone.name.to_string(),
        after.timezone.name.to_string(),
    );
    field(
        "duration",
        format!("{:#}", before.duration),
        format!("{:#}", after.duration),
    );
    field("repeats", before.cadence(), after.cadence());
    field("first", before.first.to_string(), after.first.to_string());
    let last = |s: &Series| s.last.map_or("none".to_owned(), |d| d.to_string());
    field("last", last(before), last(after));
    details
}

/// Cancellations, moves and extras that differ, for dates from today (in the series' zone) on.
fn exception_changes(
    new: &Community,
    before: &Series,
    after: &Series,
    now: Timestamp,
) -> Vec<Change> {
    let today = now.to_zoned_datetime(after.timezone.zone.clone()).date();
    let dated = |s: &Series| -> BTreeMap<civil::Date, DateChange> {
        s.exceptions
            .iter()
            .filter(|e| e.date >= today)
            .map(|e: &Exception| (e.date, e.change.clone()))
            .collect()
    };
    let (was, will) = (dated(before), dated(after));
    let dates: BTreeSet<civil::Date> = was.keys().chain(will.keys()).copied().collect();
    let mut changes = Vec::new();
    for date in dates {
        let (old, new_change) = (was.get(&date), will.get(&date));
        let regular = meeting(after, after.start_on(date));
        let mut push = |kind: Kind, before_m: Option<Meeting>, after_m: Option<Meeting>, what| {
            let mut change = base(new, after, kind);
            change.from = Some(date);
            change.before = before_m;
            change.after = after_m;
            change.details.push(what);
            changes.push(change);
        };
        // What the old file did to the date and the new one no longer does.
        match old {
            Some(DateChange::Cancel(_)) if !matches!(new_change, Some(DateChange::Cancel(_))) => {
                push(
                    Kind::CancellationRemoved,
                    None,
                    Some(regular.clone()),
                    format!("{date} is no longer cancelled"),
                );
            }
            Some(DateChange::Move(to)) if !matches!(new_change, Some(DateChange::Move(_))) => {
                push(
                    Kind::MoveRemoved,
                    Some(meeting(before, *to)),
                    Some(regular.clone()),
                    format!(
                        "{date} is no longer moved (it was at {})",
                        local(before, *to)
                    ),
                );
            }
            Some(DateChange::Extra(time)) if !matches!(new_change, Some(DateChange::Extra(_))) => {
                push(
                    Kind::ExtraRemoved,
                    Some(meeting(before, date.to_datetime(*time))),
                    None,
                    format!("no extra meeting on {date}"),
                );
            }
            _ => {}
        }
        // What the new file does to the date that the old one did not (or differently).
        match (old, new_change) {
            (Some(DateChange::Cancel(_)), Some(DateChange::Cancel(_))) => {}
            (_, Some(DateChange::Cancel(reason))) => push(
                Kind::CancellationAdded,
                Some(regular.clone()),
                None,
                format!("{date} is cancelled: {reason}"),
            ),
            (Some(DateChange::Move(was_to)), Some(DateChange::Move(to))) if was_to != to => push(
                Kind::MoveChanged,
                Some(meeting(before, *was_to)),
                Some(meeting(after, *to)),
                format!(
                    "{date} now moves to {} (was {})",
                    local(after, *to),
                    local(before, *was_to)
                ),
            ),
            (Some(DateChange::Move(_)), Some(DateChange::Move(_))) => {}
            (_, Some(DateChange::Move(to))) => push(
                Kind::MoveAdded,
                Some(regular.clone()),
                Some(meeting(after, *to)),
                format!("{date} moves to {}", local(after, *to)),
            ),
            (Some(DateChange::Extra(was_at)), Some(DateChange::Extra(at))) if was_at != at => {
                push(
                    Kind::ExtraChanged,
                    Some(meeting(before, date.to_datetime(*was_at))),
                    Some(meeting(after, date.to_datetime(*at))),
                    format!("the extra meeting on {date} is now at {at}"),
                );
            }
            (Some(DateChange::Extra(_)), Some(DateChange::Extra(_))) => {}
            (_, Some(DateChange::Extra(at))) => push(
                Kind::ExtraAdded,
                None,
                Some(meeting(after, date.to_datetime(*at))),
                format!("an extra meeting on {date} at {at}"),
            ),
            _ => {}
        }
    }
    changes
}

/// Outside calendars followed or dropped, by id.
fn calendar_changes(old: &Community, new: &Community) -> Vec<Change> {
    let mut changes = Vec::new();
    let shown = |location: &Location| match location {
        Location::Url(_) => "a URL".to_owned(),
        Location::Path(path) => format!("the file {path}"),
    };
    for (community, other, kind) in [
        (new, old, Kind::CalendarAdded),
        (old, new, Kind::CalendarRemoved),
    ] {
        for calendar in &community.calendars {
            if other.calendar_source(&calendar.id).is_none() {
                changes.push(Change {
                    kind,
                    series: None,
                    old_series: None,
                    title: calendar.name.clone(),
                    group: None,
                    from: None,
                    before: None,
                    after: None,
                    details: vec![format!(
                        "outside calendar \"{}\" from {}",
                        calendar.id,
                        shown(&calendar.location)
                    )],
                });
            }
        }
    }
    changes
}

/// A change of `kind` about `series` of `community`, without dates or details yet.
fn base(community: &Community, series: &Series, kind: Kind) -> Change {
    Change {
        kind,
        series: Some(series.id.clone()),
        old_series: None,
        title: series.title.to_string(),
        group: series.group.as_ref().map(|id| {
            let title = community
                .group(id)
                .map_or(id.clone(), |g| g.title.to_string());
            (id.clone(), title)
        }),
        from: None,
        before: None,
        after: None,
        details: Vec::new(),
    }
}

/// The schedule of a series in words: "Every Tuesday at 02:00 Asia/Tokyo, 1h".
fn schedule(series: &Series) -> String {
    format!(
        "{} at {} {}, {:#}",
        series.cadence(),
        series.start.strftime("%H:%M"),
        series.timezone.name,
        series.duration
    )
}

/// The regular occurrences of `series` (its exceptions left out) starting from `now`, for
/// [`HORIZON_DAYS`].
fn regular(community: &Community, series: &Series, now: Timestamp) -> Vec<Meeting> {
    let mut plain = series.clone();
    plain.exceptions.clear();
    let calendar = community.calendar_of_series(&plain);
    let start = now.to_zoned_datetime(TimeZone::UTC).datetime();
    let window = Window {
        start,
        end: start
            .checked_add(jiff::Span::new().days(HORIZON_DAYS))
            .unwrap_or(civil::DateTime::MAX),
        zone: Some(TimeZone::UTC),
    };
    expand(&calendar, &window, &Limits::default())
        .occurrences
        .iter()
        .map(|o| Meeting {
            start: o.start.instant(&TimeZone::UTC),
            end: o.end.instant(&TimeZone::UTC),
            zone: series.timezone.clone(),
        })
        .filter(|m| m.start >= now)
        .collect()
}

/// The occurrence of `series` starting at local `start`, with its duration.
fn meeting(series: &Series, start: civil::DateTime) -> Meeting {
    let zone = &series.timezone.zone;
    let begins = wall_to_instant(zone, start);
    let end = begins
        .to_zoned_datetime(zone.clone())
        .checked_add(series.duration)
        .map_or(begins, |z| z.timestamp());
    Meeting {
        start: begins,
        end,
        zone: series.timezone.clone(),
    }
}

/// A local date-time of `series` in words: "2027-01-06 17:00 UTC".
fn local(series: &Series, at: civil::DateTime) -> String {
    format!("{} {}", at.strftime("%Y-%m-%d %H:%M"), series.timezone.name)
}

/// The local date of a meeting in its series' zone.
fn local_date(meeting: &Meeting) -> civil::Date {
    meeting
        .start
        .to_zoned_datetime(meeting.zone.zone.clone())
        .date()
}

/// What changed between two values of a text, one phrase per language: `title "A" -> "B"` in
/// the default language, `title (ja) "A" -> "B"` for a translation, or one added or removed.
fn text_changes(name: &str, before: &Text, after: &Text) -> Vec<String> {
    let mut phrases = Vec::new();
    if before.default != after.default {
        phrases.push(format!(
            "{name} \"{}\" -> \"{}\"",
            before.default, after.default
        ));
    }
    fn own(text: &Text, lang: Lang) -> Option<&str> {
        text.by_lang
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, value)| value.as_str())
    }
    for lang in Lang::ALL {
        let tag = lang.tag();
        match (own(before, lang), own(after, lang)) {
            (Some(old), Some(new)) if old != new => {
                phrases.push(format!("{name} ({tag}) \"{old}\" -> \"{new}\""));
            }
            (None, Some(new)) => phrases.push(format!("{name} ({tag}) added: \"{new}\"")),
            (Some(old), None) => phrases.push(format!("{name} ({tag}) removed (was \"{old}\")")),
            _ => {}
        }
    }
    phrases
}

#[cfg(test)]
mod tests {
    use super::*;

    fn community(series: &str) -> Community {
        let text = format!(
            "[community]\nname = \"C\"\ntimezone = \"UTC\"\n\n[[groups]]\nid = \"apac\"\n\
             title = \"APAC\"\n\n{series}"
        );
        crate::parse(&text).expect("valid").community
    }

    const TUESDAY: &str = "[[series]]\nid = \"call\"\ntitle = \"APAC call\"\ngroup = \"apac\"\n\
        timezone = \"Asia/Tokyo\"\nstart = \"02:00\"\nduration = \"1h\"\n\
        repeat = \"weekly on Tuesday\"\nfirst = 2026-12-01\n";

    fn now() -> Timestamp {
        "2026-12-02T00:00:00Z".parse().unwrap()
    }

    #[test]
    fn can_say_which_language_of_a_title_changed() {
        let file = |title: &str| {
            let text = format!(
                "[community]\nname = \"C\"\ntimezone = \"UTC\"\nlanguages = [\"en\", \"ja\", \"de\"]\n\n\
                 [[groups]]\nid = \"apac\"\ntitle = \"APAC\"\n\n{}",
                TUESDAY.replace("title = \"APAC call\"", title)
            );
            crate::parse(&text).expect("valid").community
        };
        let old = file("title = { en = \"APAC call\", ja = \"APAC会議\", de = \"APAC-Treffen\" }");
        let new = file("title = { en = \"APAC call\", ja = \"APACミーティング\" }");
        let changes = diff(&old, &new, now());
        assert_eq!(changes.len(), 1, "{changes:#?}");
        assert_eq!(changes[0].kind, Kind::TitleChanged);
        assert_eq!(
            changes[0].details,
            [
                "title (ja) \"APAC会議\" -> \"APACミーティング\"",
                "title (de) removed (was \"APAC-Treffen\")",
            ]
        );
        let renamed =
            file("title = { en = \"APAC sync\", ja = \"APAC会議\", de = \"APAC-Treffen\" }");
        assert_eq!(
            diff(&old, &renamed, now())[0].details,
            ["title \"APAC call\" -> \"APAC sync\""]
        );
    }

    #[test]
    fn can_see_that_nothing_changed() {
        let c = community(TUESDAY);
        assert_eq!(diff(&c, &c, now()), vec![]);
    }

    #[test]
    fn can_see_an_equivalent_rule_as_no_change() {
        let rrule = TUESDAY.replace(
            "repeat = \"weekly on Tuesday\"",
            "rrule = \"FREQ=WEEKLY;BYDAY=TU\"",
        );
        assert_eq!(diff(&community(TUESDAY), &community(&rrule), now()), vec![]);
    }

    #[test]
    fn can_see_a_new_zone_at_the_same_instants_as_no_change_until_they_differ() {
        // 02:00 in Tokyo is 17:00 UTC the day before, all year (Japan has no DST).
        let utc = TUESDAY
            .replace("Asia/Tokyo", "UTC")
            .replace("02:00", "17:00")
            .replace("weekly on Tuesday", "weekly on Monday")
            .replace("2026-12-01", "2026-11-30");
        assert_eq!(diff(&community(TUESDAY), &community(&utc), now()), vec![]);
    }

    #[test]
    fn can_date_a_move_from_its_first_affected_occurrence() {
        let later = TUESDAY.replace("02:00", "03:00");
        let changes = diff(&community(TUESDAY), &community(&later), now());
        assert_eq!(changes.len(), 1, "{changes:#?}");
        let change = &changes[0];
        assert_eq!(change.kind, Kind::Rescheduled);
        assert_eq!(change.from, Some(civil::date(2026, 12, 8)));
        assert_eq!(change.details, vec!["start 02:00 -> 03:00"]);
        assert_eq!(change.group, Some(("apac".to_owned(), "APAC".to_owned())));
    }
}
