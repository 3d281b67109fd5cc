//! The embedded example (the TODO Group's meetings page) validates cleanly, reproduces the page,
//! and its offline sample feeds are real, parsable calendars with occurrences through 2027.

use jiff::civil::{Weekday, date, time};
use jiff::tz::TimeZone;
use touchpoint_calendar::{Limits, Status, Window, expand};
use touchpoint_community::{Community, EXAMPLE, Location, example_file, parse};

fn example() -> Community {
    match parse(EXAMPLE) {
        Ok(checked) => checked.community,
        Err(diags) => panic!(
            "{}",
            diags
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

#[test]
fn can_validate_the_example_without_errors_or_warnings() {
    let checked = parse(EXAMPLE).expect("the example is valid");
    assert!(checked.warnings.is_empty(), "{:?}", checked.warnings);
}

#[test]
fn can_reproduce_the_touchpoints_of_the_page() {
    let community = example();
    assert_eq!(community.info.name, "TODO Group");
    assert_eq!(&*community.info.timezone.name, "UTC");
    let apac = community.series("touchpoint-apac-emea").unwrap();
    assert_eq!(apac.title, "APAC & EMEA Touchpoint");
    assert_eq!(
        (apac.start, &*apac.timezone.name),
        (time(12, 0, 0, 0), "UTC")
    );
    assert_eq!(apac.first.weekday(), Weekday::Thursday);
    assert_eq!(apac.cadence(), "Every Thursday");
    assert_eq!(apac.uid(), "touchpoint-apac-emea@todogroup.org");
    assert_eq!(
        apac.agenda.as_deref(),
        Some("https://github.com/todogroup/ospology/tree/main/meetings")
    );
    let amer = community.series("touchpoint-amer-emea").unwrap();
    assert_eq!(amer.start, time(17, 0, 0, 0));
    assert_eq!(amer.cadence(), "Every Monday");
    assert_eq!((apac.first.year(), apac.first.month()), (2026, 1));
    assert_eq!((amer.first.year(), amer.first.month()), (2026, 1));
}

#[test]
fn can_reproduce_the_working_group_cards() {
    let community = example();
    let titles: Vec<&str> = community.groups.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "OSPO Book Working Group",
            "OSS in Business Working Group",
            "CHAOSS OSPO Metrics Working Group"
        ]
    );
    let book = community.group("ospo-book").unwrap();
    assert_eq!(book.repository.as_ref().unwrap().label, "ospology/ospobook");
    assert!(book.calendar.is_none());
    assert_eq!(book.cadence(&community), None);
    let business = community.group("oss-in-business").unwrap();
    assert_eq!(business.calendar.as_ref().unwrap().label, "Bi-weekly call");
    assert_eq!(
        business.mailing_list.as_ref().unwrap().url,
        "https://lists.todogroup.org/g/WG-oss-in-business"
    );
    assert_eq!(business.chat.as_ref().unwrap().label, "#wg-oss-in-business");
    assert_eq!(
        business.cadence(&community).as_deref(),
        Some("Every other Tuesday")
    );
    let chaoss = community.group("chaoss-ospo-metrics").unwrap();
    assert!(chaoss.mailing_list.is_none());
    assert_eq!(
        chaoss.repository.as_ref().unwrap().url,
        "https://github.com/chaoss/wg-ospo"
    );
    assert_eq!(
        chaoss.cadence(&community).as_deref(),
        Some("Every other Wednesday")
    );
}

#[test]
fn can_show_holiday_cancellations_and_moves_in_the_feed() {
    let community = example();
    let calendar = community.to_calendar();
    let window = Window {
        start: date(2026, 12, 14).at(0, 0, 0, 0),
        end: date(2027, 1, 1).at(0, 0, 0, 0),
        zone: Some(TimeZone::UTC),
    };
    let expansion = expand(&calendar, &window, &Limits::default());
    let apac_uid = community.series("touchpoint-apac-emea").unwrap().uid();
    let cancelled: Vec<_> = expansion
        .occurrences
        .iter()
        .filter(|o| calendar.events[o.event].uid == apac_uid && o.status == Status::Cancelled)
        .map(|o| o.start.civil().date())
        .collect();
    assert_eq!(cancelled, [date(2026, 12, 24), date(2026, 12, 31)]);
    let amer_uid = community.series("touchpoint-amer-emea").unwrap().uid();
    let amer: Vec<_> = expansion
        .occurrences
        .iter()
        .filter(|o| calendar.events[o.event].uid == amer_uid && o.status != Status::Cancelled)
        .map(|o| o.start.civil())
        .collect();
    assert_eq!(
        amer,
        [
            date(2026, 12, 14).at(17, 0, 0, 0),
            date(2026, 12, 17).at(17, 0, 0, 0)
        ]
    );
}

#[test]
fn can_embed_every_sample_feed_the_example_names() {
    let community = example();
    let ids: Vec<&str> = community.calendars.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["openssf", "openchain", "chaoss"]);
    for source in &community.calendars {
        let Location::Path(path) = &source.location else {
            panic!("{} should read an offline sample", source.id);
        };
        let bytes = example_file(path).unwrap_or_else(|| panic!("{path} is not embedded"));
        let parsed = touchpoint_calendar::parse(bytes).expect("sample feed parses");
        assert!(parsed.warnings.is_empty(), "{path}: {:?}", parsed.warnings);
        let calendar = &parsed.calendar;
        assert_eq!(
            calendar.prodid.as_deref(),
            Some("-//Google Inc//Google Calendar 70.9054//EN")
        );
        assert_eq!(calendar.name.as_deref(), Some(source.name.as_str()));
        // Occurrences late in 2027, a moved instance, a cancelled one and an all-day event.
        let window = Window {
            start: date(2027, 10, 1).at(0, 0, 0, 0),
            end: date(2028, 1, 1).at(0, 0, 0, 0),
            zone: None,
        };
        let late = expand(calendar, &window, &Limits::default());
        assert!(
            late.occurrences.len() >= 6,
            "{path}: {}",
            late.occurrences.len()
        );
        assert!(
            calendar.events.iter().any(|e| e.start.is_date()),
            "{path}: all-day"
        );
        assert!(
            calendar
                .events
                .iter()
                .any(|e| e.recurrence_id.is_some() && e.status == Status::Cancelled),
            "{path}: cancelled instance"
        );
        assert!(
            calendar
                .events
                .iter()
                .any(|e| e.recurrence_id.as_ref().is_some_and(|r| *r != e.start) && e.sequence > 0),
            "{path}: moved instance"
        );
        assert!(
            calendar.events.iter().any(|e| !e.exdates.is_empty()),
            "{path}: EXDATE"
        );
    }
    assert_eq!(example_file("calendars/none.ics"), None);
    assert!(example_file("./calendars/openssf.ics").is_some());
}
