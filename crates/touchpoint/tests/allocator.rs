//! The binary's allocator threads: `touchpoint serve` runs jemalloc's background thread, which
//! returns freed pages to the system while the server idles; a short command such as
//! `touchpoint occurrences` does not start one (a thread at start-up was ~2.5 % of that
//! command's CPU time). Read from /proc, as `ps -L` shows them to an operator.
#![cfg(target_os = "linux")]

mod common;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// jemalloc's name for its background threads.
const PURGER: &str = "jemalloc_bg_thd";

/// The names of `child`'s threads.
fn threads(child: &Child) -> Vec<String> {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{}/task", child.id())) else {
        return Vec::new();
    };
    tasks
        .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("comm")).ok())
        .map(|name| name.trim_end().to_owned())
        .collect()
}

/// Waits until `child` has a thread named `name`, or `within` has passed: its thread names.
fn wait_for_thread(child: &Child, name: &str, within: Duration) -> Vec<String> {
    let deadline = Instant::now() + within;
    loop {
        let names = threads(child);
        if names.iter().any(|n| n == name) || Instant::now() >= deadline {
            return names;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serve_purges_freed_memory_in_the_background() {
    let (mut child, _, _data) = common::spawn_serve(&[]);
    let names = wait_for_thread(&child, PURGER, Duration::from_secs(30));
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        names.iter().any(|n| n == PURGER),
        "serve has no {PURGER} thread: {names:?}"
    );
}

#[test]
fn a_short_command_starts_no_background_thread() {
    // The command blocks reading a named pipe, after its start-up and the allocations of
    // parsing its arguments, so its threads can be read while it waits.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("calendar.ics");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let child = Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .arg("occurrences")
        .arg(&fifo)
        .args(["--from", "2026-01-01", "--to", "2027-01-01", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // As long as a started thread would take to show up (serve's shows within milliseconds).
    let names = wait_for_thread(&child, PURGER, Duration::from_secs(2));
    std::fs::write(
        &fifo,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let done = child.wait_with_output().unwrap();
    assert!(done.status.success(), "{done:?}");
    assert!(
        names.iter().any(|n| n.starts_with("touchpoint")),
        "the command's threads were not read: {names:?}"
    );
    assert!(
        !names.iter().any(|n| n == PURGER),
        "occurrences started {PURGER}: {names:?}"
    );
}
