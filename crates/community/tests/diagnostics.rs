//! Validation: each broken fixture in `tests/fixtures/errors/` is rejected with located,
//! hinted diagnostics (snapshots of the rendered text), and the valid fixtures pass.

use std::path::{Path, PathBuf};

use touchpoint_community::{Diagnostic, Severity, parse, parse_file};

fn fixture(kind: &str, name: &str) -> (PathBuf, String) {
    let path = Path::new("tests/fixtures")
        .join(kind)
        .join(format!("{name}.toml"));
    let source = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(&path))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (path, source)
}

/// The diagnostics of a fixture that must fail, with the fixture path as their file.
fn errors(name: &str) -> Vec<Diagnostic> {
    let (path, source) = fixture("errors", name);
    match parse(&source) {
        Ok(_) => panic!("{name} should not validate"),
        Err(diags) => diags
            .into_iter()
            .map(|mut d| {
                d.file = Some(path.clone());
                d
            })
            .collect(),
    }
}

fn render(diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Line, column and message of each diagnostic, for exact assertions.
fn located(diags: &[Diagnostic]) -> Vec<(usize, usize, &str)> {
    diags
        .iter()
        .map(|d| (d.line, d.column, d.message.as_str()))
        .collect()
}

#[test]
fn can_validate_the_valid_fixtures() {
    for name in ["minimal", "everything"] {
        let (path, source) = fixture("valid", name);
        let checked =
            parse(&source).unwrap_or_else(|d| panic!("{}: {}", path.display(), render(&d)));
        assert!(
            checked.warnings.is_empty(),
            "{name}: {}",
            render(&checked.warnings)
        );
    }
}

#[test]
fn errors_when_the_toml_is_malformed() {
    let diags = errors("syntax");
    assert_eq!((diags[0].line, diags[0].column), (6, 13));
    assert!(
        diags[0].message.starts_with("TOML syntax"),
        "{}",
        diags[0].message
    );
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_keys_are_unknown_with_a_did_you_mean() {
    let diags = errors("unknown_key");
    assert_eq!(
        located(&diags),
        [
            (7, 1, "unknown key `titel`"),
            (19, 1, "unknown key `color`"),
            (21, 2, "unknown key `calender` at the top level"),
        ]
    );
    assert_eq!(diags[0].hint.as_deref(), Some("did you mean `title`?"));
    assert_eq!(diags[1].hint.as_deref(), Some("did you mean `colour`?"));
    assert_eq!(diags[2].hint.as_deref(), Some("did you mean `calendars`?"));
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_a_value_has_the_wrong_type() {
    let diags = errors("wrong_type");
    assert_eq!((diags[0].line, diags[0].column), (10, 12));
    assert!(
        diags[0].message.contains("expected a string"),
        "{}",
        diags[0].message
    );
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_a_date_is_quoted() {
    let diags = errors("quoted_date");
    assert_eq!((diags[0].line, diags[0].column), (12, 9));
    assert!(diags[0].hint.as_deref().unwrap().contains("without quotes"));
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_a_required_key_is_missing() {
    let diags = errors("missing_key");
    assert_eq!(located(&diags)[0].2, "missing key `title`");
    assert_eq!(diags[0].line, 5);
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_the_community_table_is_missing() {
    let diags = errors("missing_community");
    assert_eq!(
        located(&diags),
        [(1, 1, "the [community] table is missing")]
    );
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_the_time_zone_is_unknown_and_suggests_iana_names() {
    let diags = errors("unknown_timezone");
    assert_eq!(
        located(&diags),
        [(8, 12, "unknown time zone \"Europe/Berln\"")]
    );
    assert!(
        diags[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("\"Europe/Berlin\"")
    );
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_the_start_does_not_exist_on_the_first_date() {
    let diags = errors("dst_gap");
    assert_eq!(diags.len(), 1);
    assert_eq!((diags[0].line, diags[0].column), (10, 9));
    assert!(
        diags[0]
            .message
            .contains("2026-03-29 02:30 does not exist in Europe/Berlin")
    );
    assert!(diags[0].hint.as_deref().unwrap().contains("03:30"));
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_the_rrule_cannot_be_parsed() {
    let diags = errors("bad_rrule");
    assert_eq!((diags[0].line, diags[0].column), (11, 9));
    assert!(
        diags[0].message.starts_with("cannot parse the RRULE: "),
        "{}",
        diags[0].message
    );
    assert!(
        diags[0].message.contains("FORTNIGHTLY"),
        "{}",
        diags[0].message
    );
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_the_repeat_phrase_is_unknown_listing_the_forms() {
    let diags = errors("bad_repeat");
    assert_eq!((diags[0].line, diags[0].column), (11, 10));
    let hint = diags[0].hint.as_deref().unwrap();
    assert!(
        hint.contains("every 2 weeks on Tuesday") && hint.contains("rrule"),
        "{hint}"
    );
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_the_duration_is_unreadable() {
    let diags = errors("bad_duration");
    assert_eq!((diags[0].line, diags[0].column), (10, 12));
    assert!(
        diags[0]
            .message
            .starts_with("\"an hour\" is not a duration")
    );
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_the_start_time_is_unreadable() {
    let diags = errors("bad_start");
    assert_eq!(located(&diags), [(9, 9, "\"noon\" is not a local time")]);
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_first_is_after_last() {
    let diags = errors("first_after_last");
    assert_eq!(
        located(&diags),
        [(13, 8, "`last` (2025-12-31) is before `first` (2026-01-08)")]
    );
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_first_is_not_a_day_the_rule_produces() {
    let diags = errors("first_not_produced");
    assert_eq!((diags[0].line, diags[0].column), (12, 9));
    assert!(
        diags[0]
            .hint
            .as_deref()
            .unwrap()
            .starts_with("2026-01-07 is a Wednesday")
    );
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_an_exception_date_is_not_an_occurrence() {
    let diags = errors("exception_not_occurrence");
    assert_eq!(
        located(&diags),
        [(
            15,
            10,
            "2026-12-23 is not a regular occurrence of series \"weekly\""
        )]
    );
    assert!(
        diags[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("2026-12-23 is a Wednesday")
    );
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_an_exception_mixes_actions_or_misplaces_time() {
    let diags = errors("exception_conflicting");
    assert_eq!(
        located(&diags),
        [
            (
                17,
                13,
                "an exception does one of `cancel`, `move_to` or `extra`"
            ),
            (21, 10, "`time` only goes with `extra = true`"),
        ]
    );
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_a_move_lands_on_a_meeting_the_series_already_has() {
    let diags = errors("move_onto_meeting");
    assert_eq!(
        located(&diags),
        [
            (
                17,
                13,
                "`move_to` puts the 2026-12-03 meeting at 2026-12-10 11:00, when series \"weekly\" already meets"
            ),
            (
                43,
                13,
                "`move_to` puts the 2027-01-28 meeting at 2027-01-23 09:00, where the 2027-01-21 meeting is moved too (line 38)"
            ),
            (
                48,
                13,
                "`move_to` puts the 2027-02-04 meeting at 2027-02-05 16:00, where the extra meeting of 2027-02-05 is (line 51)"
            ),
        ]
    );
    assert!(diags.iter().all(|d| d.code == "duplicate-occurrence"
        && d.severity == Severity::Error
        && d.end_column == 32));
    assert!(
        diags[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("cancel or move it as well")
    );
    insta::assert_snapshot!(render(&diags));
}

/// Past the end of the time library's range (after 9999-12-30 22:00 UTC) a wall clock has no
/// instant: two different times there are still two meetings, not one.
#[test]
fn can_move_two_meetings_to_different_times_at_the_end_of_year_9999() {
    // A weekly series in `zone` whose meetings of 16 and 23 December 9999 move to `to`.
    let moved = |zone: &str, to: [&str; 2]| {
        let mut source = series_with(&[
            ("timezone = \"UTC\"", &format!("timezone = \"{zone}\"")),
            ("first = 2026-01-08", "first = 9999-12-02"),
        ]);
        for (date, to) in ["9999-12-16", "9999-12-23"].into_iter().zip(to) {
            source.push_str(&format!(
                "\n[[series.exceptions]]\ndate = {date}\nmove_to = {to}\n"
            ));
        }
        source
    };
    for zone in ["Europe/Berlin", "America/New_York"] {
        let source = moved(zone, ["9999-12-31T08:00:00", "9999-12-31T20:00:00"]);
        let checked = parse(&source).unwrap_or_else(|d| panic!("{zone}: {}", render(&d)));
        assert!(checked.warnings.is_empty(), "{}", render(&checked.warnings));
        // The same time twice there is still one meeting twice.
        let diags = errors_of(&moved(zone, ["9999-12-31T20:00:00"; 2]));
        assert_eq!(diags.len(), 1, "{}", render(&diags));
        assert_eq!(diags[0].code, "duplicate-occurrence");
    }
}

#[test]
fn can_move_a_meeting_onto_a_slot_that_is_cancelled_or_moved_away() {
    let exception =
        |date: &str, change: &str| format!("\n[[series.exceptions]]\ndate = {date}\n{change}\n");
    let onto_next = exception("2026-12-03", "move_to = 2026-12-10T12:00:00");
    for then in [
        exception("2026-12-10", "cancel = \"Holiday\""),
        exception("2026-12-10", "move_to = 2026-12-11T12:00:00"),
        // Two meetings trading places.
        exception("2026-12-10", "move_to = 2026-12-03T12:00:00"),
    ] {
        let source = format!("{}{onto_next}{then}", series_with(&[]));
        let checked = parse(&source).unwrap_or_else(|d| panic!("{source}\n{}", render(&d)));
        assert!(checked.warnings.is_empty(), "{}", render(&checked.warnings));
    }
    // Moving a meeting to its own time changes nothing, and is no clash with itself.
    let source = format!(
        "{}{}",
        series_with(&[]),
        exception("2026-12-03", "move_to = 2026-12-03T12:00:00")
    );
    parse(&source).unwrap_or_else(|d| panic!("{}", render(&d)));
}

#[test]
fn errors_when_ids_repeat_pointing_at_the_second() {
    let diags = errors("duplicate_ids");
    assert_eq!(located(&diags), [(15, 6, "duplicate series id \"weekly\"")]);
    assert!(diags[0].hint.as_deref().unwrap().contains("line 6"));
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_ids_use_other_characters() {
    let diags = errors("bad_id");
    assert_eq!(located(&diags)[0].0, 6);
    assert!(
        diags[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("\"security-wg\"")
    );
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_a_series_names_an_unknown_group() {
    let diags = errors("unknown_group");
    assert_eq!(
        located(&diags),
        [(13, 9, "series points at unknown group \"wg-securty\"")]
    );
    assert_eq!(
        diags[0].hint.as_deref(),
        Some("did you mean `wg-security`?")
    );
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_two_series_of_a_group_overlap() {
    let diags = errors("overlapping_series");
    assert_eq!(diags.len(), 1);
    assert_eq!((diags[0].line, diags[0].column), (29, 9));
    assert_eq!(
        diags[0].message,
        "series \"weekly\" and \"biweekly\" of group \"wg\" overlap, first on 2026-04-09"
    );
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_a_calendar_has_no_usable_location() {
    let diags = errors("calendar_location");
    assert_eq!(
        located(&diags),
        [
            (6, 6, "calendar \"neither\" has neither `url` nor `path`"),
            (13, 8, "a calendar has `url` or `path`, not both"),
            (
                18,
                7,
                "calendar url \"ftp://example.org/a.ics\" is not http, https or webcal"
            ),
        ]
    );
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_a_colour_is_not_hex() {
    let diags = errors("bad_colour");
    assert_eq!(
        located(&diags),
        [(9, 10, "\"purple\" is not a CSS hex colour")]
    );
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn errors_when_a_series_has_both_repeat_and_rrule() {
    let diags = errors("repeat_and_rrule");
    assert_eq!(
        located(&diags),
        [(13, 9, "a series has `repeat` or `rrule`, not both")]
    );
    insta::assert_snapshot!(render(&diags));
}

#[test]
fn warns_when_a_zone_reads_as_a_regions_clock_but_is_a_fixed_offset() {
    let (_, source) = fixture("warnings", "fixed_offset_zones");
    let checked = parse(&source).expect("a fixed offset is only a warning");
    let warnings = &checked.warnings;
    assert_eq!(
        located(warnings),
        [
            (
                3,
                12,
                "EST is UTC−05:00 all year, without daylight saving time"
            ),
            (
                8,
                12,
                "MST is UTC−07:00 all year, without daylight saving time"
            ),
            (
                17,
                12,
                "Etc/GMT-5 is UTC+05:00 all year (in Etc/ names the sign is reversed), \
                 without daylight saving time"
            ),
        ]
    );
    assert!(
        warnings[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("\"America/New_York\"")
    );
    insta::assert_snapshot!(render(warnings));
}

#[test]
fn can_warn_about_the_same_calendar_followed_twice() {
    let (_, source) = fixture("warnings", "duplicate_calendars");
    let checked = parse(&source).expect("duplicates are only a warning");
    let warnings = &checked.warnings;
    assert!(warnings.iter().all(|w| w.severity == Severity::Warning));
    assert_eq!(
        located(warnings),
        [
            (
                13,
                7,
                "calendar \"chaoss\" is the same source as calendar \"todo\""
            ),
            (
                23,
                8,
                "calendar \"local-b\" is the same source as calendar \"local-a\""
            ),
        ]
    );
    assert!(warnings[0].hint.as_deref().unwrap().contains("line 8"));
    insta::assert_snapshot!(render(warnings));
}

#[test]
fn can_name_the_file_in_diagnostics_from_disk() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/errors/bad_colour.toml");
    let diags = parse_file(&path).unwrap_err();
    assert_eq!(diags[0].file.as_deref(), Some(path.as_path()));
    assert!(
        diags[0]
            .to_string()
            .starts_with(&format!("{}:9:10: error:", path.display()))
    );
    let missing = parse_file(Path::new("/nonexistent/touchpoint.toml")).unwrap_err();
    assert_eq!((missing[0].line, missing[0].column), (0, 0));
    assert!(
        missing[0]
            .to_string()
            .starts_with("/nonexistent/touchpoint.toml: error: cannot read")
    );
}

// ---- one run reports every problem of a table (issue 20) --------------------------------------

const COMMUNITY: &str = "[community]\nname = \"Fixture\"\ntimezone = \"UTC\"\n";

/// `[[series]]` starting on line 5 after [`COMMUNITY`], with `changes` applied to its lines.
fn series_with(changes: &[(&str, &str)]) -> String {
    let mut series = "\n[[series]]\nid = \"weekly\"\ntitle = \"Weekly call\"\ntimezone = \"UTC\"\n\
                      start = \"12:00\"\nduration = \"1h\"\nrepeat = \"weekly on Thursday\"\n\
                      first = 2026-01-08\n"
        .to_owned();
    for (from, to) in changes {
        assert!(series.contains(from), "{from}");
        series = series.replace(from, to);
    }
    format!("{COMMUNITY}{series}")
}

fn errors_of(source: &str) -> Vec<Diagnostic> {
    parse(source).expect_err("should not validate")
}

#[test]
fn reports_unknown_key_and_bad_repeat_in_one_run() {
    let source = series_with(&[
        ("duration = \"1h\"", "duraton = \"1h\""),
        ("Thursday", "Thrusday"),
    ]);
    let diags = errors_of(&source);
    assert_eq!(
        located(&diags),
        [
            (5, 1, "missing key `duration`"),
            (10, 1, "unknown key `duraton`"),
            (
                11,
                10,
                "cannot read repeat: \"thrusday\" is not a weekday (Monday..Sunday or Mon..Sun)"
            ),
        ]
    );
    assert_eq!(diags[1].hint.as_deref(), Some("did you mean `duration`?"));
    assert!(
        diags[2]
            .hint
            .as_deref()
            .unwrap()
            .contains("weekly on Thursday")
    );
}

#[test]
fn reports_every_missing_key_of_a_table_and_checks_the_rest() {
    let source = series_with(&[
        ("id = \"weekly\"\n", ""),
        ("title = \"Weekly call\"\n", ""),
        ("start = \"12:00\"", "start = \"noon\""),
    ]);
    let diags = errors_of(&source);
    assert_eq!(
        located(&diags),
        [
            (5, 1, "missing key `id`"),
            (5, 1, "missing key `title`"),
            (7, 9, "\"noon\" is not a local time"),
        ]
    );
    assert_eq!(
        diags[1].hint.as_deref(),
        Some("add title = ... to this table")
    );
}

#[test]
fn reports_a_wrong_type_without_hiding_the_rest_of_the_table() {
    let source = series_with(&[
        ("duration = \"1h\"", "duration = 60"),
        ("Thursday", "Thrusday"),
        ("first = 2026-01-08", "first = 2026-01-08\ncolour = \"red\""),
    ]);
    let diags = errors_of(&source);
    // The value of the wrong type is reported once: not again as a missing key.
    assert_eq!(
        located(&diags)
            .iter()
            .map(|(line, column, _)| (*line, *column))
            .collect::<Vec<_>>(),
        [(10, 12), (11, 10), (13, 1)]
    );
    assert_eq!(
        diags[0].message,
        "invalid type: integer `60`, expected a string"
    );
    assert_eq!(
        diags[0].hint.as_deref(),
        Some("put the value in double quotes")
    );
    assert!(diags[1].message.starts_with("cannot read repeat"));
    assert_eq!(diags[2].message, "unknown key `colour`");
}

#[test]
fn reports_unknown_keys_inside_nested_tables_with_a_did_you_mean() {
    let source = format!(
        "[community]\nname = \"Fixture\"\ntimezone = \"UTC\"\n\
         links = [{{ label = \"Home\", ur = \"https://example.org\" }}]\n\
         {}\
         [[series.exceptions]]\ndate = 2026-01-15\ncancel = \"holiday\"\nnotez = \"x\"\n\n\
         [[groups]]\nid = \"wg\"\ntitle = \"WG\"\n\
         chat = {{ labl = \"Slack\" }}\n",
        &series_with(&[])[COMMUNITY.len()..],
    );
    let diags = errors_of(&source);
    let unknown: Vec<(usize, usize, &str, Option<&str>)> = diags
        .iter()
        .filter(|d| d.message.starts_with("unknown key"))
        .map(|d| (d.line, d.column, d.message.as_str(), d.hint.as_deref()))
        .collect();
    assert_eq!(
        unknown,
        [
            (4, 28, "unknown key `ur`", Some("did you mean `url`?")),
            (17, 1, "unknown key `notez`", Some("did you mean `notes`?")),
            (22, 10, "unknown key `labl`", Some("did you mean `label`?")),
        ]
    );
    // Each misspelt key leaves its table without the key it meant.
    let missing: Vec<(usize, &str)> = diags
        .iter()
        .filter(|d| d.message.starts_with("missing key"))
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        missing,
        [(4, "missing key `url`"), (22, "missing key `label`")]
    );
}

#[test]
fn errors_when_a_value_has_the_wrong_type_hinting_from_what_the_key_takes() {
    let source = format!(
        "{}[[series.exceptions]]\ndate = 2026-01-15\nextra = \"yes\"\n\n\
         [[series.exceptions]]\ndate = \"2026-01-22\"\ncancel = \"holiday\"\n",
        series_with(&[("start = \"12:00\"", "start = 12:00")])
    );
    let diags = errors_of(&source);
    let hints: Vec<(usize, Option<&str>)> =
        diags.iter().map(|d| (d.line, d.hint.as_deref())).collect();
    assert_eq!(
        hints,
        [
            (9, Some("put the value in double quotes")),
            (15, Some("write true or false")),
            (
                18,
                Some("dates are written without quotes: first = 2026-01-08")
            ),
        ],
        "{}",
        render(&diags)
    );
}

#[test]
fn errors_when_a_table_is_not_a_table() {
    let diags = errors_of(&format!(
        "community = 3\n{}",
        &series_with(&[("first = 2026-01-08", "first = 2026-01-08\nexceptions = [3]")])
            [COMMUNITY.len()..]
    ));
    assert_eq!(
        located(&diags),
        [
            (1, 13, "invalid type: integer `3`, expected a table"),
            (11, 15, "invalid type: integer `3`, expected a table"),
        ]
    );
    assert!(diags.iter().all(|d| d.hint.is_none()), "{}", render(&diags));
}
