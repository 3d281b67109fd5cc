//! Issue 6 property: the published feed and the API cannot disagree. For generated community
//! files (zones with and without DST, weekly, bi-weekly and monthly forms, start times inside
//! DST gaps and folds, cancellations and moves), parsing `/calendar.ics` back with the calendar
//! crate and expanding it gives exactly the occurrences `api::occurrences` lists for the same
//! window: same UID, start, end and status.

use std::collections::BTreeSet;

use jiff::civil::{Date, Weekday, date};
use jiff::{Timestamp, ToSpan};
use proptest::prelude::*;
use touchpoint_calendar::{Limits, Window, expand, parse};
use touchpoint_site::api::{self, OccurrencesQuery};
use touchpoint_site::{Site, feeds};

const ZONES: &[&str] = &[
    "UTC",
    "Europe/Madrid",
    "Europe/London",
    "America/Los_Angeles",
    "America/New_York",
    "America/Sao_Paulo",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Asia/Kolkata",
    "Asia/Tehran",
];

const DAYS: &[(&str, Weekday)] = &[
    ("Monday", Weekday::Monday),
    ("Tuesday", Weekday::Tuesday),
    ("Wednesday", Weekday::Wednesday),
    ("Thursday", Weekday::Thursday),
    ("Friday", Weekday::Friday),
    ("Saturday", Weekday::Saturday),
    ("Sunday", Weekday::Sunday),
];

/// How a generated series repeats.
#[derive(Clone, Debug)]
enum Form {
    Weekly { interval: i8, day: usize },
    MonthlyNth { nth: i8, day: usize },
    MonthlyDay(i8),
}

#[derive(Clone, Debug)]
struct GenSeries {
    zone: usize,
    hour: i8,
    minute: i8,
    minutes: i32,
    form: Form,
    /// Month (2026) the first occurrence falls in, and a day to start searching from.
    month: i8,
    day: i8,
    /// Occurrence indices to cancel, and to move (by days, to a new hour).
    cancel: Vec<usize>,
    moves: Vec<(usize, i8, i8)>,
}

fn form() -> impl Strategy<Value = Form> {
    prop_oneof![
        (1i8..=2, 0usize..7).prop_map(|(interval, day)| Form::Weekly { interval, day }),
        (prop_oneof![1i8..=4, Just(-1i8)], 0usize..7)
            .prop_map(|(nth, day)| Form::MonthlyNth { nth, day }),
        (1i8..=28).prop_map(Form::MonthlyDay),
    ]
}

fn series() -> impl Strategy<Value = GenSeries> {
    (
        0..ZONES.len(),
        // Early-morning hours often fall in DST gaps (02:xx) and folds (01:xx).
        prop_oneof![0i8..24, 1i8..=3],
        prop_oneof![Just(0i8), Just(15), Just(30), Just(45)],
        prop_oneof![Just(30), Just(60), Just(90), 15i32..240],
        form(),
        (1i8..=12, 1i8..=28),
        prop::collection::vec(0usize..30, 0..3),
        prop::collection::vec((0usize..30, -2i8..=2, 0i8..24), 0..3),
    )
        .prop_map(
            |(zone, hour, minute, minutes, form, (month, day), cancel, moves)| GenSeries {
                zone,
                hour,
                minute,
                minutes,
                form,
                month,
                day,
                cancel,
                moves,
            },
        )
}

impl GenSeries {
    /// The phrase and the first date the rule produces whose start exists (the community
    /// file rejects a `first` whose start falls in a DST gap; later dates may).
    fn rule(&self) -> (String, Date) {
        let (phrase, mut first) = self.first_rule();
        let time = jiff::civil::time(self.hour, self.minute, 0, 0);
        while in_gap(ZONES[self.zone], first.to_datetime(time)) {
            first = match self.form {
                Form::Weekly { interval, .. } => {
                    first.checked_add((7 * interval as i64).days()).unwrap()
                }
                Form::MonthlyNth { nth, day } => first
                    .first_of_month()
                    .checked_add(1.month())
                    .unwrap()
                    .nth_weekday_of_month(nth, DAYS[day].1)
                    .unwrap(),
                Form::MonthlyDay(_) => first.checked_add(1.month()).unwrap(),
            };
        }
        (phrase, first)
    }

    fn first_rule(&self) -> (String, Date) {
        let start = date(2026, self.month, self.day);
        match self.form {
            Form::Weekly { interval, day } => {
                let (name, weekday) = DAYS[day];
                let first = if start.weekday() == weekday {
                    start
                } else {
                    start.nth_weekday(1, weekday).unwrap()
                };
                let phrase = if interval == 1 {
                    format!("weekly on {name}")
                } else {
                    format!("every {interval} weeks on {name}")
                };
                (phrase, first)
            }
            Form::MonthlyNth { nth, day } => {
                let (name, weekday) = DAYS[day];
                let first = start
                    .first_of_month()
                    .nth_weekday_of_month(nth, weekday)
                    .unwrap();
                let ordinal = match nth {
                    1 => "1st",
                    2 => "2nd",
                    3 => "3rd",
                    4 => "4th",
                    _ => "last",
                };
                (format!("monthly on the {ordinal} {name}"), first)
            }
            Form::MonthlyDay(n) => (format!("monthly on day {n}"), date(2026, self.month, n)),
        }
    }

    fn toml(&self, id: usize, exceptions: &str) -> String {
        let (phrase, first) = self.rule();
        format!(
            "[[series]]\nid = \"s{id}\"\ntitle = \"Series {id}\"\ntimezone = \"{}\"\n\
             start = \"{:02}:{:02}\"\nduration = \"{}m\"\nrepeat = \"{phrase}\"\nfirst = {first}\n{exceptions}\n",
            ZONES[self.zone], self.hour, self.minute, self.minutes
        )
    }
}

/// Whether the clocks skip `local` in `zone` (a DST gap).
fn in_gap(zone: &str, local: jiff::civil::DateTime) -> bool {
    let zone = jiff::tz::TimeZone::get(zone).unwrap();
    matches!(
        zone.to_ambiguous_timestamp(local).offset(),
        jiff::tz::AmbiguousOffset::Gap { .. }
    )
}

const HEAD: &str = "[community]\nname = \"Generated\"\ntimezone = \"UTC\"\nurl = \"https://generated.example/\"\n\n";

fn site(text: &str) -> Site {
    let checked = touchpoint_community::parse(text).unwrap_or_else(|diagnostics| {
        panic!(
            "generated file is invalid:\n{text}\n{}",
            diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    Site::new(checked.community, Vec::new(), Timestamp::UNIX_EPOCH)
}

/// The file with exceptions on dates that are regular occurrences of each series.
fn community_file(all: &[GenSeries]) -> String {
    let plain: String = all.iter().enumerate().map(|(i, s)| s.toml(i, "")).collect();
    let plain = site(&format!("{HEAD}{plain}"));
    let mut text = HEAD.to_owned();
    for (i, spec) in all.iter().enumerate() {
        let uid = plain.community.series[i].uid();
        let window = Window {
            start: date(2026, 1, 1).to_datetime(jiff::civil::Time::midnight()),
            end: date(2028, 1, 1).to_datetime(jiff::civil::Time::midnight()),
            zone: None,
        };
        let own = plain.own();
        let dates: Vec<Date> = expand(&own, &window, &Limits::default())
            .occurrences
            .iter()
            .filter(|occ| own.events[occ.event].uid == uid)
            .map(|occ| occ.start.civil().date())
            .collect();
        let mut used = BTreeSet::new();
        let mut exceptions = String::new();
        for &index in &spec.cancel {
            if let Some(&day) = dates.get(index)
                && used.insert(day)
            {
                exceptions += &format!(
                    "  [[series.exceptions]]\n  date = {day}\n  cancel = \"Reason {index}\"\n"
                );
            }
        }
        for &(index, shift, hour) in &spec.moves {
            if let Some(&day) = dates.get(index)
                && used.insert(day)
            {
                let to = day.checked_add((shift as i64).days()).unwrap();
                // The community file rejects a move to a time the clocks skip.
                if in_gap(
                    ZONES[spec.zone],
                    to.to_datetime(jiff::civil::time(hour, 30, 0, 0)),
                ) {
                    continue;
                }
                exceptions += &format!(
                    "  [[series.exceptions]]\n  date = {day}\n  move_to = {to}T{hour:02}:30:00\n"
                );
            }
        }
        text += &spec.toml(i, &exceptions);
    }
    text
}

type Key = (String, String, String, String);

fn api_set(site: &Site, from: Date, to: Date) -> BTreeSet<Key> {
    let query = OccurrencesQuery {
        from: Some(from.to_string()),
        to: Some(to.to_string()),
        tz: Some("UTC".to_owned()),
        ..OccurrencesQuery::default()
    };
    api::all_occurrences(site, &query, Timestamp::UNIX_EPOCH)
        .unwrap()
        .occurrences
        .into_iter()
        .map(|o| (o.uid, o.start, o.end, o.status.to_owned()))
        .collect()
}

/// Every page of `GET /api/v1/occurrences` for the window, `limit` at a time, following `next`.
fn pages(site: &Site, from: Date, to: Date, limit: usize) -> Vec<Vec<api::ApiOccurrence>> {
    let mut query = OccurrencesQuery {
        from: Some(from.to_string()),
        to: Some(to.to_string()),
        tz: Some("UTC".to_owned()),
        limit: Some(limit),
        ..OccurrencesQuery::default()
    };
    let mut pages = Vec::new();
    loop {
        let answer = api::occurrences(site, &query, Timestamp::UNIX_EPOCH).unwrap();
        pages.push(answer.occurrences);
        let Some(next) = answer.next else {
            return pages;
        };
        // The link keeps the window and filters, and carries the cursor.
        assert!(next.starts_with("/api/v1/occurrences?from="), "{next}");
        assert!(next.contains(&format!("&limit={limit}&")), "{next}");
        let after = next.split("&after=").nth(1).expect("a cursor").to_owned();
        query.after = Some(after.replace("%2E", "."));
        assert!(pages.len() < 10_000, "paging does not end");
    }
}

fn feed_set(feed: &str, from: Date, to: Date) -> BTreeSet<Key> {
    let parsed = parse(feed.as_bytes()).expect("the published feed parses");
    let window = Window {
        start: from.to_datetime(jiff::civil::Time::midnight()),
        end: to.to_datetime(jiff::civil::Time::midnight()),
        zone: Some(jiff::tz::TimeZone::UTC),
    };
    let calendar = &parsed.calendar;
    expand(calendar, &window, &Limits::default())
        .occurrences
        .into_iter()
        .map(|occ| {
            (
                calendar.events[occ.event].uid.clone(),
                occ.start.to_json_string(),
                occ.end.to_json_string(),
                occ.status.as_str().unwrap_or("confirmed").to_owned(),
            )
        })
        .collect()
}

proptest! {
    // 128 cases by default (under a second); PROPTEST_CASES=1000 for a longer search.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(128),
        ..ProptestConfig::default()
    })]

    #[test]
    fn can_page_through_the_api_and_get_every_occurrence_once_in_order(
        all in prop::collection::vec(series(), 1..4),
        start_month in 1i8..=12,
        days in 30i64..400,
        limit in 1usize..40,
    ) {
        let text = community_file(&all);
        let site = site(&text);
        let from = date(2026, start_month, 1);
        let to = from.checked_add(days.days()).unwrap();
        let query = OccurrencesQuery {
            from: Some(from.to_string()),
            to: Some(to.to_string()),
            tz: Some("UTC".to_owned()),
            ..OccurrencesQuery::default()
        };
        let whole = api::all_occurrences(&site, &query, Timestamp::UNIX_EPOCH).unwrap();
        prop_assert!(whole.next.is_none());
        let pages = pages(&site, from, to, limit);
        // Every page but the last is full; none is empty unless the window is.
        for page in &pages[..pages.len() - 1] {
            prop_assert_eq!(page.len(), limit);
        }
        prop_assert!(!pages.last().unwrap().is_empty() || whole.occurrences.is_empty());
        let paged: Vec<_> = pages.into_iter().flatten().collect();
        prop_assert_eq!(&paged, &whole.occurrences, "file:\n{}", text);
    }

    #[test]
    fn can_expand_the_published_feed_to_what_the_api_lists(
        all in prop::collection::vec(series(), 1..4),
        start_month in 1i8..=12,
        days in 30i64..400,
    ) {
        let text = community_file(&all);
        let site = site(&text);
        let feed = feeds::community(&site, feeds::modified(&site));
        let from = date(2026, start_month, 1);
        let to = from.checked_add(days.days()).unwrap();
        let api = api_set(&site, from, to);
        let published = feed_set(&feed, from, to);
        prop_assert_eq!(&published, &api, "file:\n{}", text);
        // The comparison is not vacuous: a year of any of these forms has occurrences.
        if days >= 370 {
            prop_assert!(!api.is_empty());
        }
    }
}

#[test]
fn can_publish_a_cancelled_date_as_exdate_and_cancelled_override() {
    let spec = GenSeries {
        zone: 3, // America/Los_Angeles
        hour: 2,
        minute: 30,
        minutes: 60,
        form: Form::Weekly {
            interval: 1,
            day: 6,
        },
        month: 3,
        day: 1,
        cancel: vec![1],
        moves: vec![],
    };
    let text = community_file(&[spec]);
    // 8 March 2026 02:30 does not exist in Los Angeles (spring forward): the date is the
    // second Sunday, the one cancelled.
    assert!(text.contains("date = 2026-03-08"), "{text}");
    let site = site(&text);
    let feed = feeds::community(&site, feeds::modified(&site));
    assert!(
        feed.contains("EXDATE;TZID=America/Los_Angeles:20260308T023000"),
        "{feed}"
    );
    assert!(feed.contains("RECURRENCE-ID;TZID=America/Los_Angeles:20260308T023000"));
    assert!(feed.contains("STATUS:CANCELLED"));
    assert!(feed.contains("DESCRIPTION:Reason 1"));
    let from = date(2026, 3, 1);
    let to = date(2026, 4, 1);
    let published = feed_set(&feed, from, to);
    assert_eq!(published, api_set(&site, from, to));
    let cancelled: Vec<&Key> = published.iter().filter(|k| k.3 == "cancelled").collect();
    assert_eq!(cancelled.len(), 1, "{published:?}");
    // In the gap, the time moves forward by the gap: 03:30 PDT.
    assert_eq!(cancelled[0].1, "2026-03-08T03:30:00-07:00");
}

/// `n` daily series all at 09:00 UTC with the same title: every day holds `n` ties.
fn tied(n: usize) -> Site {
    let mut text = HEAD.to_owned();
    for id in 0..n {
        text += &format!(
            "[[series]]\nid = \"t{id}\"\ntitle = \"Same\"\ntimezone = \"UTC\"\nstart = \"09:00\"\n\
             duration = \"30m\"\nrepeat = \"every day\"\nfirst = 2026-01-01\n\n"
        );
    }
    site(&text)
}

#[test]
fn can_page_through_occurrences_that_start_at_the_same_instant() {
    // 5 ties a day, pages of 3: cursors fall inside a day's ties and across days.
    let site = tied(5);
    let (from, to) = (date(2026, 2, 1), date(2026, 2, 8));
    let pages = pages(&site, from, to, 3);
    assert_eq!(pages.len(), 12, "35 occurrences in pages of 3");
    let paged: Vec<(String, String)> = pages
        .into_iter()
        .flatten()
        .map(|o| (o.start, o.uid))
        .collect();
    let mut expected = Vec::new();
    for day in 1..8 {
        for id in 0..5 {
            expected.push((
                format!("2026-02-{day:02}T09:00:00+00:00"),
                format!("t{id}@generated.example"),
            ));
        }
    }
    assert_eq!(paged, expected);
}

#[test]
fn can_bound_an_answer_to_a_page_by_default() {
    // 40 daily series over 60 days: 2,400 occurrences, more than one default page.
    let site = tied(40);
    let query = OccurrencesQuery {
        from: Some("2026-03-01".to_owned()),
        to: Some("2026-04-30".to_owned()),
        tz: Some("UTC".to_owned()),
        ..OccurrencesQuery::default()
    };
    let first = api::occurrences(&site, &query, Timestamp::UNIX_EPOCH).unwrap();
    assert_eq!(first.occurrences.len(), api::DEFAULT_LIMIT);
    let next = first.next.expect("a next page");
    assert!(
        next.contains("from=2026-03-01&to=2026-04-30&tz=UTC&after="),
        "{next}"
    );
    // A limit above the most one answer lists is refused, as the OpenAPI document says.
    let big = OccurrencesQuery {
        limit: Some(api::MAX_LIMIT + 1),
        ..query.clone()
    };
    let refused = api::occurrences(&site, &big, Timestamp::UNIX_EPOCH).unwrap_err();
    assert!(refused.to_string().contains("from 1 to 10000"), "{refused}");
    let most = OccurrencesQuery {
        limit: Some(api::MAX_LIMIT),
        ..query.clone()
    };
    let all = api::occurrences(&site, &most, Timestamp::UNIX_EPOCH).unwrap();
    assert_eq!(all.occurrences.len(), 2_400);
    assert!(all.next.is_none());
    let one = OccurrencesQuery {
        from: Some("2026-03-01".to_owned()),
        to: Some("2026-03-02".to_owned()),
        limit: Some(api::MAX_LIMIT),
        ..query.clone()
    };
    let day = api::occurrences(&site, &one, Timestamp::UNIX_EPOCH).unwrap();
    assert_eq!(day.occurrences.len(), 40);
    assert!(day.next.is_none());
}

#[test]
fn cannot_page_with_a_malformed_cursor_or_a_zero_limit() {
    let site = tied(1);
    let base = OccurrencesQuery {
        from: Some("2026-03-01".to_owned()),
        to: Some("2026-03-08".to_owned()),
        ..OccurrencesQuery::default()
    };
    for after in [
        "yesterday",
        "12",
        "12.x",
        "1.2.3",
        "99999999999999999999.0",
        "1772323200.99999999",
        // Integer parsing alone reads a `+`; the document's pattern does not allow one.
        "+1772323200.0",
        "1772323200.+1",
    ] {
        let query = OccurrencesQuery {
            after: Some(after.to_owned()),
            ..base.clone()
        };
        let err = api::occurrences(&site, &query, Timestamp::UNIX_EPOCH).unwrap_err();
        assert!(
            err.error.contains("`after` must be a cursor"),
            "{after}: {err}"
        );
    }
    // A hostile value is not echoed whole.
    let long = OccurrencesQuery {
        after: Some("x".repeat(10_000)),
        ..base.clone()
    };
    let err = api::occurrences(&site, &long, Timestamp::UNIX_EPOCH).unwrap_err();
    assert!(err.error.len() < 200, "{}", err.error.len());
    let zero = OccurrencesQuery {
        limit: Some(0),
        ..base
    };
    let err = api::occurrences(&site, &zero, Timestamp::UNIX_EPOCH).unwrap_err();
    assert!(err.error.contains("`limit`"), "{err}");
}

#[test]
fn can_count_what_a_page_leaves_out() {
    let site = tied(5);
    let zone = jiff::tz::TimeZone::UTC;
    let from = date(2026, 2, 1)
        .at(0, 0, 0, 0)
        .to_zoned_datetime(zone.clone())
        .unwrap()
        .timestamp();
    let to = date(2026, 2, 8)
        .at(0, 0, 0, 0)
        .to_zoned_datetime(zone.clone())
        .unwrap()
        .timestamp();
    let filter = touchpoint_site::Filter::own();
    let all = site.items(from, to, &zone, &filter);
    assert_eq!(all.len(), 35);
    let first = site.items_page(from, to, &zone, &filter, None, 4);
    assert_eq!((first.items.len(), first.total), (4, 35));
    let cursor = first.next.expect("more pages");
    let second = site.items_page(from, to, &zone, &filter, Some(cursor), 4);
    // The second page counts what is left from its own start.
    assert_eq!((second.items.len(), second.total), (4, 31));
    assert_eq!(second.items[0].event.uid, all[4].event.uid);
}

#[test]
fn cannot_ask_for_a_day_in_another_shape_than_the_document_says() {
    let site = tied(1);
    for day in [
        "+002026-03-01",
        "2026-3-1",
        "20260301",
        "2026-03-01T00:00",
        " 2026-03-01",
    ] {
        let query = OccurrencesQuery {
            from: Some(day.to_owned()),
            ..OccurrencesQuery::default()
        };
        let err = api::occurrences(&site, &query, Timestamp::UNIX_EPOCH).unwrap_err();
        assert!(err.error.contains("YYYY-MM-DD"), "{day}: {err}");
    }
}
