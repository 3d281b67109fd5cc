//! The kill -9 harness shared by the store's and the fetcher's crash tests (included in each with
//! `#[path]`): re-run this test binary as a child on one ignored test, which commits in a loop
//! and prints `committed N` after each commit; wait for some commits, SIGKILL it at a moment the
//! caller picks, and report the last commit it announced.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Run `child_test` (an ignored test of this binary) with `env_key` set to `dir`; after
/// `commits` announced commits wait `delay`, kill it, and return the last commit it announced
/// (everything up to it must survive).
pub fn kill_child_after(
    child_test: &str,
    env_key: &str,
    dir: &Path,
    commits: usize,
    delay: Duration,
) -> i64 {
    let exe = std::env::current_exe().unwrap();
    let mut child = Command::new(&exe)
        .args(["--ignored", "--exact", child_test, "--nocapture"])
        .args(["--test-threads", "1"])
        .env(env_key, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(n) = line.strip_prefix("committed ") {
                let _ = tx.send(n.parse::<i64>().unwrap());
            }
        }
    });
    let mut committed = 0;
    for _ in 0..commits {
        committed = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the child commits within 30 s");
    }
    std::thread::sleep(delay);
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    while let Ok(n) = rx.try_recv() {
        committed = n;
    }
    committed
}
