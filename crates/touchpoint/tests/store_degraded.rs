//! Issue 14: a data folder that cannot be written. `touchpoint serve` refused to start on a full
//! disk ("disk I/O error") and on a folder it may not write ("attempt to write a readonly
//! database"); now it serves what is stored and the log says why, naming the path. Real files,
//! a real (small, full) tmpfs, the real binary on 127.0.0.1.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn touchpoint() -> Command {
    Command::new(env!("CARGO_BIN_EXE_touchpoint"))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn http_get(addr: &str, path: &str) -> std::io::Result<String> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n")?;
    let mut text = String::new();
    stream.read_to_string(&mut text)?;
    Ok(text)
}

/// Store the embedded example's calendars in `data`.
fn refresh_into(data: &Path) {
    let out = touchpoint()
        .arg("refresh")
        .arg("--data")
        .arg(data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Serve `data` with `command` (the binary, maybe run as another user) and check the stored
/// calendars are served; returns the log.
fn serve_and_read(mut command: Command, data: &Path) -> String {
    let listen = format!("127.0.0.1:{}", free_port());
    // Not next to the data: that disk may be full.
    let logs = tempfile::tempdir().unwrap();
    let log = logs.path().join("serve.log");
    let log_file = std::fs::File::create(&log).unwrap();
    let _server = Server(
        command
            .arg("serve")
            .arg("--data")
            .arg(data)
            .arg("--listen")
            .arg(&listen)
            .stdout(Stdio::null())
            .stderr(log_file)
            .spawn()
            .unwrap(),
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    let calendars = loop {
        if let Ok(text) = http_get(&listen, "/api/v1/calendars")
            && text
                .lines()
                .next()
                .is_some_and(|line| line.contains(" 200 "))
        {
            break text;
        }
        assert!(
            Instant::now() < deadline,
            "serve did not start: {}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(calendars.contains(r#""status":"ok""#), "{calendars}");
    std::fs::read_to_string(&log).unwrap()
}

#[test]
fn serve_serves_what_is_stored_on_a_full_disk() {
    if !is_root() {
        eprintln!("skipped: mounting a small tmpfs needs root");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mount = dir.path().join("disk");
    std::fs::create_dir(&mount).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
        .arg(&mount)
        .status()
        .unwrap();
    if !mounted.success() {
        eprintln!("skipped: cannot mount a tmpfs here");
        return;
    }
    struct Unmount<'a>(&'a Path);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(self.0).status();
        }
    }
    let _unmount = Unmount(&mount);
    let data = mount.join("data");
    refresh_into(&data);
    // Fill the disk to the last byte.
    let _ = Command::new("dd")
        .args(["if=/dev/zero", "bs=4k"])
        .arg(format!("of={}", mount.join("fill").display()))
        .stderr(Stdio::null())
        .status();
    let log = serve_and_read(touchpoint(), &data);
    assert!(log.contains("the store is read-only"), "{log}");
    assert!(log.contains("no space left on device"), "{log}");
    assert!(log.contains(&data.display().to_string()), "{log}");
}

#[test]
fn serve_says_permission_denied_and_the_path_for_a_folder_it_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    refresh_into(&data);
    let mut command = touchpoint();
    if is_root() {
        // Root writes anywhere: run the server as `nobody`, who may read but not write.
        use std::os::unix::fs::PermissionsExt;
        for path in [dir.path(), &data] {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        command = Command::new("setpriv");
        command
            .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_touchpoint"));
    } else {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    let log = serve_and_read(command, &data);
    assert!(log.contains("permission denied"), "{log}");
    assert!(
        log.contains(&format!("cannot write in {}", data.display())),
        "{log}"
    );
}
