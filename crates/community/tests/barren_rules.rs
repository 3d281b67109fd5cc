//! Issue 14: `check` accepted rules that never produce a date (`BYMONTH=2;BYMONTHDAY=30`): the
//! series showed its `first` meeting and then nothing, silently.

use touchpoint_community::parse;

fn series(rrule: &str, first: &str, extra: &str) -> String {
    format!(
        "[community]\nname = \"C\"\ntimezone = \"UTC\"\n\n[[series]]\nid = \"s\"\ntitle = \"S\"\n\
         timezone = \"Europe/Berlin\"\nstart = \"10:00\"\nduration = \"1h\"\n\
         rrule = \"{rrule}\"\nfirst = {first}\n{extra}"
    )
}

#[test]
fn errors_when_a_never_ending_rule_produces_no_date_after_first() {
    for rule in [
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31",
        "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=31;BYDAY=MO",
    ] {
        let diags = parse(&series(rule, "2026-01-05", "")).expect_err(rule);
        // Other problems may be reported too (`first` on a day the rule skips).
        let d = diags
            .iter()
            .find(|d| d.message.starts_with("this rrule produces no date"))
            .unwrap_or_else(|| panic!("{rule}: {diags:?}"));
        assert_eq!((d.line, d.column), (11, 9), "{rule}");
        assert_eq!(
            d.message,
            "this rrule produces no date after `first` (2026-01-05): none in the 8 years after it"
        );
        assert!(d.hint.as_deref().unwrap().contains("BYMONTHDAY=30"));
    }
}

#[test]
fn can_accept_rare_rules_and_rules_that_end() {
    for (rule, first, extra) in [
        // Leap days: every four years.
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2028-02-29", ""),
        // Friday the 13th.
        ("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "2026-02-13", ""),
        // Monday of ISO week 53, in the years that have one.
        ("FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO", "2026-12-28", ""),
        // Ending rules may rightly have nothing more.
        ("FREQ=YEARLY;COUNT=1", "2026-01-05", ""),
        (
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=1",
            "2026-01-05",
            "",
        ),
        (
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
            "2026-01-05",
            "last = 2026-01-05\n",
        ),
    ] {
        let result = parse(&series(rule, first, extra));
        assert!(result.is_ok(), "{rule}: {:?}", result.err());
    }
}
