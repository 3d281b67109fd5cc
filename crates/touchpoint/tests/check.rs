//! Issue 2: `touchpoint check` on the real binary — exit codes and located, hinted problems.

use std::process::Command;

fn touchpoint() -> Command {
    Command::new(env!("CARGO_BIN_EXE_touchpoint"))
}

/// `touchpoint check --config CONFIG`, run to its end.
fn check(config: &std::path::Path) -> std::process::Output {
    touchpoint()
        .arg("check")
        .arg("--config")
        .arg(config)
        .output()
        .unwrap()
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn check_accepts_the_embedded_example() {
    let out = touchpoint().arg("check").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("ok — 4 series, 3 groups, 3 outside calendars"),
        "{stdout}"
    );
}

#[test]
fn check_accepts_a_copy_of_the_example_folder() {
    let dir = tempfile::tempdir().unwrap();
    let example =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/todo-group");
    let config = write(
        dir.path(),
        "touchpoint.toml",
        &std::fs::read_to_string(example.join("touchpoint.toml")).unwrap(),
    );
    let out = check(&config);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn check_reports_every_problem_with_file_line_column_and_hint() {
    let dir = tempfile::tempdir().unwrap();
    let config = write(
        dir.path(),
        "broken.toml",
        r#"[community]
name = "Broken"
timezone = "Europe/Madird"

[[series]]
id = "weekly"
title = "Weekly"
timezone = "Europe/Berlin"
start = "02:30"
duration = "1h"
repeat = "weekly on Sunday"
first = 2026-03-29
group = "nope"

[[series]]
id = "weekly"
title = "Twice"
timezone = "UTC"
start = "10:00"
duration = "1h"
rrule = "FREQ=SOMETIMES"
first = 2026-01-01
colour = "red"
"#,
    );
    let out = check(&config);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let shown = config.display().to_string();
    for needle in [
        // unknown zone of the community, with its line and column
        format!("{shown}:3:12: error"),
        // a local time that does not exist on the first date (DST gap in Berlin)
        "02:30".to_owned(),
        // unknown group, duplicate id, bad RRULE, unknown key
        "nope".to_owned(),
        "weekly".to_owned(),
        "FREQ".to_owned(),
        "colour".to_owned(),
        "hint:".to_owned(),
    ] {
        assert!(stderr.contains(&needle), "missing {needle:?} in:\n{stderr}");
    }
    // Every problem is reported, not only the first.
    let errors = stderr.matches(": error").count();
    assert!(
        errors >= 5,
        "expected every problem, got {errors}:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"));
}

/// Issue 20: a misspelt key used to hide the other problems of its table until the next run.
#[test]
fn check_reports_unknown_key_and_bad_repeat_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let config = write(
        dir.path(),
        "touchpoint.toml",
        r#"[community]
name = "C"
timezone = "UTC"

[[series]]
id = "weekly"
title = "Weekly"
timezone = "UTC"
start = "12:00"
duraton = "1h"
repeat = "weekly on Thrusday"
first = 2026-01-08
"#,
    );
    let out = check(&config);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let shown = config.display().to_string();
    for needle in [
        format!("{shown}:10:1: error: unknown key `duraton`"),
        "hint: did you mean `duration`?".to_owned(),
        format!("{shown}:11:10: error: cannot read repeat"),
        "thrusday".to_owned(),
    ] {
        assert!(stderr.contains(&needle), "missing {needle:?} in:\n{stderr}");
    }
}

/// A tester's find: moving Thu 3 Dec onto Thu 10 Dec 11:00, itself a regular meeting of the
/// series, passed `check` and showed two identical meetings on the pages and in the feeds.
#[test]
fn check_rejects_a_move_onto_the_series_next_meeting_unless_that_one_goes() {
    let dir = tempfile::tempdir().unwrap();
    let file = |then: &str| {
        format!(
            r#"[community]
name = "C"
timezone = "UTC"

[[series]]
id = "weekly"
title = "Weekly"
timezone = "UTC"
start = "11:00"
duration = "1h"
repeat = "weekly on Thursday"
first = 2026-11-05

  [[series.exceptions]]
  date = 2026-12-03
  move_to = 2026-12-10T11:00:00
{then}"#
        )
    };
    let config = write(dir.path(), "onto.toml", &file(""));
    let out = check(&config);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let shown = config.display().to_string();
    for needle in [
        format!(
            "{shown}:16:13: error: `move_to` puts the 2026-12-03 meeting at 2026-12-10 11:00, \
             when series \"weekly\" already meets"
        ),
        "^^^^^^^^^^^^^^^^^^^".to_owned(),
        "hint: the regular 2026-12-10 meeting is at that time too".to_owned(),
    ] {
        assert!(stderr.contains(&needle), "missing {needle:?} in:\n{stderr}");
    }
    let out = touchpoint()
        .args(["check", "--format", "json", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["diagnostics"][0]["code"], "duplicate-occurrence",
        "{json}"
    );

    // Cancelled or moved away in the same file, 10 Dec's slot is free.
    for then in [
        "\n  [[series.exceptions]]\n  date = 2026-12-10\n  cancel = \"Holiday\"\n",
        "\n  [[series.exceptions]]\n  date = 2026-12-10\n  move_to = 2026-12-11T11:00:00\n",
    ] {
        let config = write(dir.path(), "free.toml", &file(then));
        let out = check(&config);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn check_names_an_unreadable_file() {
    let out = touchpoint()
        .args(["check", "--config", "/nonexistent/touchpoint.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("/nonexistent/touchpoint.toml"), "{stderr}");
}

/// Issue 14: a file with thousands of broken tables printed every problem (28 MB for 200,000):
/// the report shows the first 100 and counts the rest.
#[test]
fn check_caps_its_report_at_100_problems_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("[community]\nname = \"C\"\ntimezone = \"UTC\"\n");
    for i in 0..3000 {
        text.push_str(&format!(
            "\n[[calendars]]\nid = \"c{i}\"\nname = \"c\"\nurl = \"ftp://x/{i}\"\n"
        ));
    }
    let config = write(dir.path(), "touchpoint.toml", &text);
    let out = check(&config);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.matches(": error: ").count(), 100, "{stderr}");
    assert!(
        stderr.contains("… and 2900 more problem(s) not shown (3000 in all)"),
        "{}",
        &stderr[stderr.len().saturating_sub(500)..]
    );
    assert!(stderr.contains("3000 error(s)"), "{stderr}");
    assert!(stderr.len() < 64 * 1024, "{} bytes", stderr.len());
}

/// Issue 14: text from the file reaches the terminal in diagnostics; control characters in it
/// (a colour change, a screen clear) are shown escaped instead of acted on.
#[test]
fn check_escapes_control_characters_from_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = write(
        dir.path(),
        "touchpoint.toml",
        "[community]\nname = \"C\"\ntimezone = \"Europe/\\u001b[2J\\u0007Nowhere\"\n",
    );
    let out = check(&config);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        !stderr.chars().any(|c| c.is_control() && c != '\n'),
        "{stderr:?}"
    );
    assert!(
        stderr.contains(r#"unknown time zone "Europe/\u{1b}[2J\u{7}Nowhere""#),
        "{stderr}"
    );
}
