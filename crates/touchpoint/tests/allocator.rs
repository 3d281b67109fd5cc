//! The binary's allocator threads and pages: `touchpoint serve` runs jemalloc's background
//! thread, which returns freed pages to the system while the server idles, and keeps to small
//! pages, as do the other commands but one; `touchpoint occurrences` starts no thread (a thread
//! at start-up was ~2.5 % of its CPU time) and is given huge pages where the system allows
//! them (~9 %). Read from /proc, as `ps -L` and `/proc/PID/status` show them to an operator.
#![cfg(target_os = "linux")]

mod common;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
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

/// The value of `key` in `child`'s /proc file `file` (`status`, `smaps_rollup`), as written.
fn proc_value(child: &Child, file: &str, key: &str) -> Option<String> {
    let text = std::fs::read_to_string(format!("/proc/{}/{file}", child.id())).ok()?;
    text.lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix(':'))
        .map(|value| value.trim().to_owned())
}

/// Waits until `child`'s /proc `file` says `want` for `key`, or `within` has passed: the value.
fn wait_for_value(
    child: &Child,
    file: &str,
    key: &str,
    want: &str,
    within: Duration,
) -> Option<String> {
    let deadline = Instant::now() + within;
    loop {
        let value = proc_value(child, file, key);
        if value.as_deref() == Some(want) || Instant::now() >= deadline {
            return value;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Whether one of `child`'s mappings is marked for transparent huge pages (`madvise(…,
/// MADV_HUGEPAGE)`, the `hg` flag of /proc/PID/smaps).
fn asks_for_huge_pages(child: &Child) -> bool {
    std::fs::read_to_string(format!("/proc/{}/smaps", child.id())).is_ok_and(|smaps| {
        smaps
            .lines()
            .filter_map(|line| line.strip_prefix("VmFlags:"))
            .any(|flags| flags.split_whitespace().any(|flag| flag == "hg"))
    })
}

/// Whether this system gives a process transparent huge pages when it asks for them.
fn system_gives_huge_pages() -> bool {
    std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled")
        .is_ok_and(|mode| !mode.contains("[never]"))
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
fn serve_keeps_to_small_pages_from_its_first_one() {
    let (mut child, _, _data) = common::spawn_serve(&[]);
    // The thread starts once serve runs on small pages (after starting itself again).
    let names = wait_for_thread(&child, PURGER, Duration::from_secs(30));
    let flag = proc_value(&child, "status", "THP_enabled");
    let huge = proc_value(&child, "smaps_rollup", "AnonHugePages");
    let name = std::fs::read_to_string(format!("/proc/{}/comm", child.id()));
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        names.iter().any(|n| n == PURGER),
        "serve did not start: {names:?}"
    );
    assert_eq!(flag.as_deref(), Some("0"), "serve may be given huge pages");
    // Huge pages touched before the flag was set would stay resident (~4 MiB).
    assert_eq!(huge.as_deref(), Some("0 kB"), "serve holds huge pages");
    // Started again by its own path, it keeps the name `ps` and `pkill` know it by.
    assert_eq!(name.unwrap().trim_end(), "touchpoint");
}

/// The dynamic loader this test runs under, as its memory map names it.
fn loader() -> PathBuf {
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
    maps.lines()
        .filter_map(|line| line.split_whitespace().nth(5))
        .find(|path| {
            let name = path.rsplit('/').next().unwrap_or_default();
            name.starts_with("ld-linux") || name.starts_with("ld-musl")
        })
        .map(PathBuf::from)
        .expect("a dynamic loader in /proc/self/maps")
}

#[test]
fn serve_run_by_the_dynamic_loader_serves() {
    // `ld-linux-x86-64.so.2 touchpoint serve …`: the file the kernel runs is the loader, so
    // starting "itself" again would start the loader with `serve` for a program.
    let data = tempfile::tempdir().unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let mut child = Command::new(loader())
        .arg(env!("CARGO_BIN_EXE_touchpoint"))
        .args(["serve", "--listen", &addr.to_string(), "--data"])
        .arg(data.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let answer = loop {
        match common::http_get(addr, "/healthz", Duration::from_secs(5)) {
            Ok(answer) => break Some(answer),
            Err(_) if Instant::now() < deadline && child.try_wait().unwrap().is_none() => {
                std::thread::sleep(Duration::from_millis(100));
            }
            Err(_) => break None,
        }
    };
    child.kill().unwrap();
    let done = child.wait_with_output().unwrap();
    let log = String::from_utf8_lossy(&done.stderr);
    let (head, body) = answer.unwrap_or_else(|| panic!("serve did not answer: {log}"));
    assert_eq!(common::status_of(&head), Some(200), "{head}");
    assert_eq!(body, "ok");
    // The operator is told why its first pages stay huge.
    assert!(log.contains("started by the loader"), "{log}");
}

/// `touchpoint` run with `args(pipe)`, where `pipe` is a named pipe called `name` that the
/// command reads: it waits there, after its start-up and the allocations of parsing its
/// arguments, so its threads and pages can be read while it waits. Writing the pipe lets it
/// go on; the directory (the first value) holds the pipe.
fn held_on_a_pipe(
    name: &str,
    args: impl FnOnce(&Path) -> Vec<OsString>,
) -> (tempfile::TempDir, PathBuf, Child) {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join(name);
    let made = Command::new("mkfifo").arg(&pipe).status().unwrap();
    assert!(made.success());
    let child = Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .args(args(&pipe))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    (dir, pipe, child)
}

#[test]
fn a_command_that_frees_as_it_goes_keeps_to_small_pages() {
    let (_dir, _, mut child) = held_on_a_pipe("community.toml", |pipe| {
        vec!["check".into(), "--config".into(), pipe.into()]
    });
    let flag = wait_for_value(&child, "status", "THP_enabled", "0", Duration::from_secs(5));
    child.kill().unwrap();
    child.wait().unwrap();
    // Huge pages made `touchpoint build` ~25 % slower and a third bigger.
    assert_eq!(flag.as_deref(), Some("0"), "check may be given huge pages");
}

#[test]
fn occurrences_starts_no_thread_and_is_given_huge_pages() {
    let (_dir, fifo, child) = held_on_a_pipe("calendar.ics", |pipe| {
        let window = ["--from", "2026-01-01", "--to", "2027-01-01", "--json"];
        let mut args: Vec<OsString> = vec!["occurrences".into(), pipe.into()];
        args.extend(window.map(OsString::from));
        args
    });
    // As long as a started thread would take to show up (serve's shows within milliseconds).
    let names = wait_for_thread(&child, PURGER, Duration::from_secs(2));
    let flag = proc_value(&child, "status", "THP_enabled");
    let asked = asks_for_huge_pages(&child);
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
    // Its allocator asks for 2 MB pages (whether the kernel finds one free at each fault is
    // the kernel's business).
    assert_eq!(
        flag.as_deref(),
        Some("1"),
        "occurrences may not have huge pages"
    );
    if system_gives_huge_pages() {
        assert!(asked, "occurrences' allocator asks for no huge page");
    }
}
