//! Issue 17 §4: `touchpoint check` in a community's CI, on the real binary — GitHub Actions
//! annotations, the JSON document, and `--diff OLD NEW` on realistic pairs of files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn touchpoint() -> Command {
    Command::new(env!("CARGO_BIN_EXE_touchpoint"))
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// `check --diff OLD NEW` at a fixed "now" (Tuesday 2026-12-01, 00:00 UTC), with extra args.
fn diff(old: &Path, new: &Path, extra: &[&str]) -> Output {
    touchpoint()
        .args(["check", "--now", "2026-12-01T00:00:00Z", "--diff"])
        .arg(old)
        .arg(new)
        .args(extra)
        // The job summary is written only when asked for.
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .unwrap()
}

const HEAD: &str = r#"[community]
name = "Example"
timezone = "UTC"

[[groups]]
id = "apac"
title = "APAC"
"#;

/// A community file: [`HEAD`] and the given series.
fn community(series: &str) -> String {
    format!("{HEAD}\n{series}")
}

const APAC_CALL: &str = r#"[[series]]
id = "apac-call"
title = "APAC call"
group = "apac"
timezone = "Asia/Tokyo"
start = "02:00"
duration = "1h"
repeat = "weekly on Tuesday"
first = 2026-06-02
join = "https://meet.example.org/apac"
"#;

const AMERICAS_CALL: &str = r#"[[series]]
id = "americas-call"
title = "Americas call"
timezone = "America/Los_Angeles"
start = "09:00"
duration = "1h"
repeat = "weekly on Tuesday"
first = 2026-06-02
"#;

// ---- one file -------------------------------------------------------------------------------

/// Three errors, one of them with a `%` in the file's text, a hint over several lines, and a
/// file name with the two characters that end a property (`,` and `:`): every line exact.
#[test]
fn github_format_prints_one_escaped_workflow_command_per_problem() {
    let dir = tempfile::tempdir().unwrap();
    let config = write(
        dir.path(),
        "meetings,v1:draft.toml",
        r#"[community]
name = "C"
timezone = "Europe/100%"

[[series]]
id = "weekly"
title = "Weekly"
timezone = "UTC"
start = "12:00"
duration = "1h"
repeat = "weekly on Thrusday"
first = 2026-01-08
colour = "red"
"#,
    );
    let out = touchpoint()
        .args(["check", "--format", "github", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let file = config
        .display()
        .to_string()
        .replace(',', "%2C")
        .replace(':', "%3A");
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    // The hints, as the JSON document gives them, escaped as a message is.
    let json = touchpoint()
        .args(["check", "--format", "json", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    let document: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let help = |i: usize| {
        document["diagnostics"][i]["help"]
            .as_str()
            .unwrap()
            .replace('%', "%25")
            .replace('\n', "%0A")
    };
    assert_eq!(
        lines[0],
        format!(
            "::error file={file},line=3,col=12,endLine=3,title=touchpoint check%3A unknown-zone::\
             unknown time zone \"Europe/100%25\"%0Ahint: {}",
            help(0)
        )
    );
    assert_eq!(
        lines[1],
        format!(
            "::error file={file},line=11,col=10,endLine=11,title=touchpoint check%3A invalid-repeat::\
             cannot read repeat: \"thrusday\" is not a weekday (Monday..Sunday or Mon..Sun)%0Ahint: {}",
            help(1)
        ),
    );
    assert!(help(1).starts_with("the forms are:%0A"), "{}", help(1));
    assert_eq!(
        lines[2],
        format!(
            "::error file={file},line=13,col=1,endLine=13,title=touchpoint check%3A unknown-key::\
             unknown key `colour`%0Ahint: {}",
            help(2)
        )
    );
    assert_eq!(
        lines[3],
        format!("{}: 3 error(s); nothing was changed", config.display())
    );
    assert_eq!(lines.len(), 4, "{lines:#?}");
    // A workflow command is one line: nothing from the file may break it.
    assert!(lines.iter().all(|l| !l.contains('\r')));
}

/// The JSON document lists the same problems as the human report, each with its code, place
/// and help.
#[test]
fn json_format_lists_every_diagnostic_with_code_place_and_help() {
    let dir = tempfile::tempdir().unwrap();
    let config = write(
        dir.path(),
        "touchpoint.toml",
        r#"[community]
name = "Broken"
timezone = "Europe/Madird"

[[series]]
id = "weekly"
title = "Weekly"
timezone = "UTC"
start = "10:00"
duration = "1h"
rrule = "FREQ=SOMETIMES"
first = 2026-01-01
group = "nope"
"#,
    );
    let json = touchpoint()
        .args(["check", "--format", "json", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    assert_eq!(json.status.code(), Some(1));
    let human = touchpoint()
        .args(["check", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    let document: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(document["version"], 1);
    assert_eq!(document["ok"], false);
    let diagnostics = document["diagnostics"].as_array().unwrap();
    assert_eq!(
        diagnostics.len(),
        stderr(&human).matches(": error: ").count(),
        "{document:#}\n{}",
        stderr(&human)
    );
    assert_eq!(document["errors"], diagnostics.len());
    let zone = &diagnostics[0];
    assert_eq!(zone["severity"], "error");
    assert_eq!(zone["code"], "unknown-zone");
    assert_eq!(zone["file"], config.display().to_string());
    assert_eq!(
        (zone["line"].as_u64(), zone["column"].as_u64()),
        (Some(3), Some(12))
    );
    // The span is the quoted value, `"Europe/Madird"`: 15 characters.
    assert_eq!(
        (zone["end_line"].as_u64(), zone["end_column"].as_u64()),
        (Some(3), Some(27))
    );
    assert_eq!(zone["message"], "unknown time zone \"Europe/Madird\"");
    assert!(
        zone["help"].as_str().unwrap().contains("Europe/Madrid"),
        "{zone}"
    );
    let codes: Vec<&str> = diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"invalid-rrule"), "{codes:?}");
    assert!(codes.contains(&"unknown-reference"), "{codes:?}");
    // Every diagnostic is located in the human report at the same line and column.
    for d in diagnostics {
        let at = format!(
            "{}:{}:{}: error: ",
            config.display(),
            d["line"],
            d["column"]
        );
        assert!(stderr(&human).contains(&at), "missing {at}");
    }
}

#[test]
fn json_format_of_a_valid_file_counts_what_it_holds() {
    let out = touchpoint()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let document: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(document["ok"], true);
    assert_eq!(document["file"], serde_json::Value::Null);
    assert_eq!(
        document["counts"],
        serde_json::json!({"series": 4, "groups": 3, "calendars": 3})
    );
    assert_eq!(document["diagnostics"], serde_json::json!([]));
}

#[test]
fn every_format_says_clearly_when_the_file_is_missing_or_not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.toml");
    std::fs::write(
        &latin1,
        b"[community]\nname = \"Caf\xe9\"\ntimezone = \"UTC\"\n",
    )
    .unwrap();
    let missing = dir.path().join("missing.toml");
    for format in ["human", "github", "json"] {
        let out = touchpoint()
            .args(["check", "--format", format, "--config"])
            .arg(&missing)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        let text = stdout(&out) + &stderr(&out);
        assert!(text.contains("cannot read the file"), "{format}: {text}");
        assert!(text.contains("missing.toml"), "{format}: {text}");
        let out = touchpoint()
            .args(["check", "--format", format, "--config"])
            .arg(&latin1)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        let text = stdout(&out) + &stderr(&out);
        assert!(
            text.contains("the file is not UTF-8: byte 0xe9 at offset 23"),
            "{format}: {text}"
        );
        match format {
            "human" => assert!(text.contains("latin1.toml:2:12: error"), "{text}"),
            "github" => assert!(text.contains(",line=2,col=12,"), "{text}"),
            _ => {
                let document: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                assert_eq!(document["diagnostics"][0]["code"], "not-utf8");
                assert_eq!(document["diagnostics"][0]["line"], 2);
            }
        }
    }
}

/// A hub folder: each community file on its own, the broken one's problems located in it.
#[test]
fn json_and_github_formats_check_each_file_of_a_hub() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.toml", &community(APAC_CALL));
    let broken = write(
        dir.path(),
        "broken.toml",
        &community(&APAC_CALL.replace("Asia/Tokyo", "Asia/Tokio")),
    );
    let out = touchpoint()
        .args(["check", "--format", "json", "--config"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let document: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(document["ok"], false);
    let members: Vec<(&str, bool)> = document["communities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["id"].as_str().unwrap(), m["ok"].as_bool().unwrap()))
        .collect();
    assert_eq!(members, [("broken", false), ("good", true)]);
    let diagnostics = document["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{document:#}");
    assert_eq!(diagnostics[0]["file"], broken.display().to_string());
    assert_eq!(diagnostics[0]["code"], "unknown-zone");
    let out = touchpoint()
        .args(["check", "--format", "github", "--config"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!(
            "::error file={},line=13,col=12,endLine=13,title=touchpoint check%3A unknown-zone::",
            broken
                .display()
                .to_string()
                .replace(':', "%3A")
                .replace(',', "%2C")
        )),
        "{text}"
    );
}

// ---- --diff ---------------------------------------------------------------------------------

/// The Americas call is re-anchored from Los Angeles to UTC at the winter time: nothing moves
/// until the US changes clocks, then the meeting is an hour later for Los Angeles.
#[test]
fn diff_dates_a_zone_change_from_the_first_occurrence_that_moves_across_dst() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.toml", &community(AMERICAS_CALL));
    let utc = AMERICAS_CALL
        .replace("America/Los_Angeles", "UTC")
        .replace("09:00", "17:00");
    let new = write(dir.path(), "new.toml", &community(&utc));
    let out = diff(&old, &new, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    // The US changes clocks on Sunday 2027-03-14: the first Tuesday after is the first to move.
    for needle in [
        "1 change(s) for people",
        "Americas call (series \"americas-call\"): moves from 2027-03-16",
        "  start 09:00 -> 17:00\n",
        "  zone America/Los_Angeles -> UTC\n",
        "America/Los_Angeles  Tue 09:00 PDT -> Tue 10:00 PDT\n",
        "UTC                  Tue 16:00 UTC -> Tue 17:00 UTC\n",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

/// The APAC call moves from Tuesday to Wednesday in Tokyo: Monday to Tuesday in Los Angeles,
/// where the other meeting of the community is anchored.
#[test]
fn diff_shows_a_weekday_change_in_each_zone_the_community_meets_in() {
    let dir = tempfile::tempdir().unwrap();
    let both = |apac: &str| community(&format!("{apac}\n{AMERICAS_CALL}"));
    let old = write(dir.path(), "old.toml", &both(APAC_CALL));
    let wednesday = APAC_CALL
        .replace("weekly on Tuesday", "weekly on Wednesday")
        .replace("2026-06-02", "2026-06-03");
    let new = write(dir.path(), "new.toml", &both(&wednesday));
    let out = diff(&old, &new, &["--zone", "Europe/Berlin"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for needle in [
        "APAC call (series \"apac-call\", group \"APAC\"): moves from 2026-12-02",
        "  repeats Every Tuesday -> Every Wednesday\n",
        "Asia/Tokyo           Tue 02:00 JST -> Wed 02:00 JST  (another day)\n",
        "Europe/Berlin        Mon 18:00 CET -> Tue 18:00 CET  (another day)\n",
        "UTC                  Mon 17:00 UTC -> Tue 17:00 UTC  (another day)\n",
        "America/Los_Angeles  Mon 09:00 PST -> Tue 09:00 PST  (another day)\n",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    assert_eq!(text.matches("moves from").count(), 1, "{text}");
}

/// A pull request that removes a series, cancels one date of another and changes its join
/// link: each is listed, in JSON with its stable kind.
#[test]
fn diff_lists_a_removed_series_a_cancellation_and_a_new_join_link() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(
        dir.path(),
        "old.toml",
        &community(&format!("{APAC_CALL}\n{AMERICAS_CALL}")),
    );
    let changed = APAC_CALL.replace(
        "https://meet.example.org/apac",
        "https://zoom.example.com/j/123",
    ) + "\n[[series.exceptions]]\ndate = 2026-12-29\ncancel = \"end of year\"\n";
    let new = write(dir.path(), "new.toml", &community(&changed));
    let out = diff(&old, &new, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let document: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(document["ok"], true);
    assert_eq!(document["now"], "2026-12-01T00:00:00Z");
    let changes = document["changes"].as_array().unwrap();
    let kinds: Vec<&str> = changes
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["join-changed", "cancellation-added", "series-removed"],
        "{document:#}"
    );
    assert_eq!(
        changes[0]["details"][0],
        "join link https://meet.example.org/apac -> https://zoom.example.com/j/123"
    );
    let cancelled = &changes[1];
    assert_eq!(cancelled["series"], "apac-call");
    assert_eq!(cancelled["group"]["title"], "APAC");
    assert_eq!(cancelled["from"], "2026-12-29");
    assert_eq!(cancelled["before"]["start"], "2026-12-28T17:00:00Z");
    assert_eq!(cancelled["after"], serde_json::Value::Null);
    let removed = &changes[2];
    assert_eq!(removed["series"], "americas-call");
    assert_eq!(removed["from"], "2026-12-01");
    assert_eq!(removed["before"]["zone"], "America/Los_Angeles");
    // The human report says the same.
    let text = stdout(&diff(&old, &new, &[]));
    for needle in [
        "3 change(s) for people",
        "APAC call (series \"apac-call\", group \"APAC\"): cancelled once from 2026-12-29",
        "  2026-12-29 is cancelled: end of year\n",
        "Americas call (series \"americas-call\"): removed, next was 2026-12-01",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

/// Rewriting the file without changing any meeting (a friendly `repeat` as its RRULE, keys in
/// another order, a comment) is no change for people, and exits 0.
#[test]
fn diff_says_so_when_nothing_changes_for_people() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.toml", &community(APAC_CALL));
    let rewritten = APAC_CALL.replace(
        "repeat = \"weekly on Tuesday\"",
        "# the same, as an RRULE\nrrule = \"FREQ=WEEKLY;BYDAY=TU\"",
    );
    let new = write(dir.path(), "new.toml", &community(&rewritten));
    let out = diff(&old, &new, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "{} -> {}: no change for people (meetings compared from 2026-12-01 00:00 UTC for 400 days)\n",
            old.display(),
            new.display()
        )
    );
    let json = diff(&old, &new, &["--format", "json"]);
    let document: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(document["changes"], serde_json::json!([]));
}

/// A renamed id is a rename, not a removal and an addition, with a word on what subscribers
/// see.
#[test]
fn diff_recognises_a_renamed_series() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.toml", &community(APAC_CALL));
    let new = write(
        dir.path(),
        "new.toml",
        &community(&APAC_CALL.replace("id = \"apac-call\"", "id = \"apac-sync\"")),
    );
    let text = stdout(&diff(&old, &new, &[]));
    assert!(
        text.contains("APAC call (series \"apac-call\" -> \"apac-sync\", group \"APAC\"): renamed"),
        "{text}"
    );
    assert_eq!(text.matches("change(s) for people").count(), 1);
    assert!(
        text.starts_with(&format!(
            "{} -> {}: 1 change(s)",
            old.display(),
            new.display()
        )),
        "{text}"
    );
}

/// Errors in either file are reported with their place, and nothing is compared.
#[test]
fn diff_reports_the_errors_of_either_file_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.toml", &community(APAC_CALL));
    let new = write(
        dir.path(),
        "new.toml",
        &community(&APAC_CALL.replace("Asia/Tokyo", "Asia/Tokio")),
    );
    let out = diff(&old, &new, &[]);
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(
        text.contains(&format!(
            "{}:13:12: error: unknown time zone \"Asia/Tokio\"",
            new.display()
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{} has errors; nothing was compared",
            new.display()
        )),
        "{text}"
    );
    assert!(stdout(&out).is_empty());

    let missing = dir.path().join("gone.toml");
    let out = diff(&missing, &new, &["--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("::error file="), "{text}");
    assert!(text.contains("cannot read the file"), "{text}");
    assert!(text.contains("Asia/Tokio"), "{text}");
    assert!(text.contains("have errors; nothing was compared"), "{text}");
}

/// In GitHub Actions, each change is a notice and the report goes to the job's summary page.
#[test]
fn diff_in_github_format_prints_notices_and_writes_the_job_summary() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.toml", &community(APAC_CALL));
    let new = write(
        dir.path(),
        "new.toml",
        &community(&APAC_CALL.replace("02:00", "03:00")),
    );
    let summary = dir.path().join("summary.md");
    let out = touchpoint()
        .args([
            "check",
            "--now",
            "2026-12-01T00:00:00Z",
            "--format",
            "github",
            "--diff",
        ])
        .arg(&old)
        .arg(&new)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let notice = text.lines().next().unwrap();
    assert!(
        notice.starts_with(&format!(
            "::notice file={},title=Meeting change%3A rescheduled::APAC call (series \"apac-call\", group \"APAC\"): moves from 2026-12-08%0A  start 02:00 -> 03:00%0A",
            new.display().to_string().replace(':', "%3A").replace(',', "%2C")
        )),
        "{notice}"
    );
    assert!(
        notice.contains("Asia/Tokyo  Tue 02:00 JST -> Tue 03:00 JST"),
        "{notice}"
    );
    let written = std::fs::read_to_string(&summary).unwrap();
    assert!(written.starts_with("### Meeting changes\n"), "{written}");
    assert!(
        written.contains("Asia/Tokyo  Tue 02:00 JST -> Tue 03:00 JST"),
        "{written}"
    );
}

// ---- the documented workflow and hook -------------------------------------------------------

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The `run: |` script of the step named `name` in a workflow file (the lines indented under
/// it), read without a YAML library: the file is ours and keeps that shape.
fn step_script(workflow: &str, name: &str) -> String {
    let lines: Vec<&str> = workflow.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.trim() == format!("- name: {name}"))
        .unwrap_or_else(|| panic!("no step {name:?}"));
    let run = (at..lines.len())
        .find(|&i| lines[i].trim() == "run: |")
        .unwrap();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let body_indent = indent(lines[run + 1]);
    lines[run + 1..]
        .iter()
        .take_while(|l| l.trim().is_empty() || indent(l) >= body_indent)
        .map(|l| l.get(body_indent..).unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=CI", "-c", "user.email=ci@example.org"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(status.status.success(), "git {args:?}: {status:?}");
}

/// The example workflow's two scripts, run with bash in a clone whose pull request moves the
/// APAC call, as Actions would run them: the check passes, and the comparison with the base
/// branch's copy lists the move and writes the job summary.
#[test]
fn example_workflow_checks_and_compares_with_the_base_branch() {
    let workflow = std::fs::read_to_string(
        repo_root().join("examples/ci/.github/workflows/touchpoint-check.yml"),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let origin = dir.path().join("origin");
    std::fs::create_dir(&origin).unwrap();
    write(&origin, "meetings.toml", &community(APAC_CALL));
    git(&origin, &["init", "-q"]);
    git(&origin, &["add", "meetings.toml"]);
    git(&origin, &["commit", "-q", "-m", "meetings"]);
    let clone = dir.path().join("clone");
    git(
        dir.path(),
        &[
            "clone",
            "-q",
            origin.to_str().unwrap(),
            clone.to_str().unwrap(),
        ],
    );
    git(&clone, &["checkout", "-q", "-b", "move-apac"]);
    write(
        &clone,
        "meetings.toml",
        &community(&APAC_CALL.replace("02:00", "03:00")),
    );
    git(&clone, &["commit", "-q", "-am", "APAC call an hour later"]);

    let bin = Path::new(env!("CARGO_BIN_EXE_touchpoint"))
        .parent()
        .unwrap()
        .to_owned();
    let path = std::env::join_paths(
        std::iter::once(bin).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let summary = dir.path().join("summary.md");
    let run = |step: &str| {
        Command::new("bash")
            .args(["-e", "-c", &step_script(&workflow, step)])
            .current_dir(&clone)
            .env("PATH", &path)
            .env("MEETINGS", "meetings.toml")
            .env("GITHUB_BASE_REF", "main")
            .env("RUNNER_TEMP", dir.path())
            .env("GITHUB_STEP_SUMMARY", &summary)
            .output()
            .unwrap()
    };
    let check = run("Check");
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert_eq!(
        stdout(&check),
        "meetings.toml: ok — 1 series, 1 group, 0 outside calendars\n"
    );

    let compare = run("What changes for people");
    assert_eq!(compare.status.code(), Some(0), "{}", stderr(&compare));
    let text = stdout(&compare);
    assert!(
        text.starts_with(
            "::notice file=meetings.toml,title=Meeting change%3A rescheduled::APAC call"
        ),
        "{text}"
    );
    assert!(text.contains("%0A  start 02:00 -> 03:00%0A"), "{text}");
    let written = std::fs::read_to_string(&summary).unwrap();
    assert!(
        written.contains("Asia/Tokyo  Tue 02:00 JST -> Tue 03:00 JST"),
        "{written}"
    );

    // A broken file fails the check step with an annotation on its line.
    write(
        &clone,
        "meetings.toml",
        &community(&APAC_CALL.replace("Asia/Tokyo", "Asia/Tokio")),
    );
    let check = run("Check");
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stdout(&check).starts_with("::error file=meetings.toml,line=13,col=12,"),
        "{}",
        stdout(&check)
    );
}

/// The pre-commit hook's `entry` and `args`, run as pre-commit runs them (no file names
/// passed), pass a valid file and stop on a broken one.
#[test]
fn pre_commit_hook_checks_the_named_file() {
    let hooks = std::fs::read_to_string(repo_root().join(".pre-commit-hooks.yaml")).unwrap();
    let value = |key: &str| {
        hooks
            .lines()
            .find_map(|l| l.trim().strip_prefix(&format!("{key}: ")))
            .unwrap_or_else(|| panic!("no {key}"))
            .to_owned()
    };
    assert_eq!(value("pass_filenames"), "false");
    assert_eq!(value("language"), "system");
    let entry = value("entry");
    let args: Vec<String> = value("args")
        .trim_matches(['[', ']'])
        .split(',')
        .map(|a| a.trim().to_owned())
        .collect();
    let mut words = entry.split_whitespace();
    assert_eq!(words.next(), Some("touchpoint"));
    let dir = tempfile::tempdir().unwrap();
    let run = || {
        touchpoint()
            .args(words.clone())
            .args(&args)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    write(dir.path(), "touchpoint.toml", &community(APAC_CALL));
    let out = run();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    write(
        dir.path(),
        "touchpoint.toml",
        &community("[[series]]\nid = 1\n"),
    );
    let out = run();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("touchpoint.toml:10:6: error"),
        "{}",
        stderr(&out)
    );
}

/// With `--format json`, a file that does not check gives `ok: false` and its located errors;
/// a zone that is not IANA's is refused with a suggestion; `--now` without `--diff` is a usage
/// error.
#[test]
fn diff_refuses_bad_input_clearly_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.toml", &community(APAC_CALL));
    let latin1 = dir.path().join("new.toml");
    std::fs::write(&latin1, b"[community]\nname = \"Caf\xe9\"\n").unwrap();
    let out = diff(&old, &latin1, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let document: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(document["ok"], false);
    assert_eq!(document["changes"], serde_json::json!([]));
    assert_eq!(document["diagnostics"][0]["code"], "not-utf8");
    assert_eq!(
        document["diagnostics"][0]["file"],
        latin1.display().to_string()
    );

    let out = diff(&old, &old, &["--zone", "Europe/Pariss"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .contains("--zone \"Europe/Pariss\" is not an IANA zone; did you mean Europe/Paris?"),
        "{}",
        stderr(&out)
    );

    let out = touchpoint()
        .args(["check", "--now", "2026-12-01T00:00:00Z"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--diff"), "{}", stderr(&out));
}
