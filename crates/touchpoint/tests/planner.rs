//! Issue 16, point 9: the planner against the real `touchpoint serve` on 127.0.0.1 — cities
//! found by name (accents, other names), added and removed one at a time through plain GET
//! forms and links, an hour picked by its link, the best hours suggested, offsets with their
//! minutes, and the warnings for a local time that does not exist or happens twice. The same
//! page in Chromium: tests/browser/planner.test.mjs.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `touchpoint serve` on a free port, stopped on drop.
struct Server {
    child: Child,
    port: u16,
    _data: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start() -> Server {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let data = tempfile::tempdir().unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_touchpoint"))
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .arg("--data")
            .arg(data.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let server = Server {
            child,
            port,
            _data: data,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while server
            .try_get("/healthz")
            .is_none_or(|(status, _)| status != 200)
        {
            assert!(Instant::now() < deadline, "touchpoint serve did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        server
    }

    /// Status and body of `GET path`, or `None` when the server does not answer.
    fn try_get(&self, path: &str) -> Option<(u16, String)> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        let request =
            format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).ok()?;
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).ok()?;
        let raw = String::from_utf8(raw).ok()?;
        let (head, body) = raw.split_once("\r\n\r\n")?;
        let status = head.split(' ').nth(1)?.parse().ok()?;
        let chunked = head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked");
        Some((
            status,
            if chunked {
                dechunk(body)
            } else {
                body.to_owned()
            },
        ))
    }

    fn get(&self, path: &str) -> String {
        let (status, body) = self
            .try_get(path)
            .unwrap_or_else(|| panic!("no answer for {path}"));
        assert_eq!(status, 200, "{path}: {body}");
        body
    }
}

/// A chunked HTTP/1.1 body, joined.
fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.push_str(&rest[..size]);
        body = &rest[size + 2..];
    }
    out
}

/// The page's text between `start` and `end` (markup), tags removed, entities decoded for the
/// few the pages use, white space collapsed.
fn text(html: &str, start: &str, end: &str) -> String {
    let from = html.find(start).unwrap_or_else(|| panic!("no {start:?}"));
    let rest = &html[from..];
    let to = rest[start.len()..]
        .find(end)
        .map_or(rest.len(), |i| i + start.len());
    let mut out = String::new();
    let mut in_tag = false;
    for c in rest[..to].chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out.replace("&amp;", "&").replace("&quot;", "\"");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `href`s of `<a>` elements whose text (or aria-label) contains `label`.
fn hrefs_labelled(html: &str, label: &str) -> Vec<String> {
    html.split("<a ")
        .skip(1)
        .filter(|a| {
            let element = &a[..a.find("</a>").unwrap_or(a.len())];
            element.contains(label)
        })
        .filter_map(|a| {
            let start = a.find("href=\"")? + 6;
            let end = a[start..].find('"')? + start;
            Some(a[start..end].replace("&amp;", "&"))
        })
        .collect()
}

#[test]
fn can_add_cities_by_name_with_or_without_accents_and_by_another_name() {
    let server = Server::start();
    let base = "/planner?at=2027-03-16T17:00&zone=Europe/Berlin&cities=Europe/Berlin";
    for (query, name, zone) in [
        ("Tokyo", "Tokyo", "Asia/Tokyo"),
        ("S%C3%A3o+Paulo", "São Paulo", "America/Sao_Paulo"),
        ("Sao+Paulo", "São Paulo", "America/Sao_Paulo"),
        ("Bengaluru", "Bengaluru", "Asia/Kolkata"),
        ("Bangalore", "Bengaluru (Bangalore)", "Asia/Kolkata"),
        ("Chatham", "Chatham", "Pacific/Chatham"),
    ] {
        let page = server.get(&format!("{base}&city={query}"));
        let added = text(&page, r#"<p class="added""#, "</p>");
        assert_eq!(added, format!("Added {name} — {zone}."), "{query}");
        let rows = text(&page, "<tbody>", "</tbody>");
        assert!(rows.contains(zone), "{query}: {rows}");
        // The plan's own link keeps both cities, so the next addition keeps this one.
        let share = hrefs_labelled(&page, "Link to this plan");
        assert!(share[0].contains("Europe%2FBerlin%2C"), "{share:?}");
    }
    // Two cities called Hyderabad in two zones: a choice, each a link adding one.
    let page = server.get(&format!("{base}&city=Hyderabad"));
    let choose = text(&page, r#"<div class="choose""#, "</div>");
    assert!(
        choose.contains("Hyderabad, IN — Asia/Kolkata")
            && choose.contains("Hyderabad, PK — Asia/Karachi"),
        "{choose}"
    );
    let links = hrefs_labelled(&page, "Hyderabad, PK");
    let added = server.get(&links[0]);
    assert!(text(&added, "<tbody>", "</tbody>").contains("Asia/Karachi"));
    // Nothing found: said so, and the plan is unchanged.
    let page = server.get(&format!("{base}&city=Xyzzyq"));
    assert!(page.contains("No city or time zone called <strong>Xyzzyq</strong>"));
    // The suggestions endpoint the form's script asks while typing.
    let json = server.get("/planner/cities.json?q=sao%20pau");
    let found: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(found[0]["key"], "sao-paulo-br");
    assert_eq!(found[0]["label"], "São Paulo, BR — America/Sao_Paulo");
}

#[test]
fn can_remove_one_city_and_keep_the_others() {
    let server = Server::start();
    let page = server.get(
        "/planner?at=2027-03-16T17:00&zone=Europe/Berlin&cities=Europe/Berlin,tokyo-jp,bengaluru-in",
    );
    let remove = hrefs_labelled(&page, "Remove Tokyo");
    assert_eq!(
        remove,
        vec![
            "/planner?at=2027-03-16T17%3A00&zone=Europe%2FBerlin&cities=Europe%2FBerlin%2Cbengaluru-in"
        ]
    );
    let after = text(&server.get(&remove[0]), "<tbody>", "</tbody>");
    assert!(
        after.contains("Berlin") && after.contains("Bengaluru"),
        "{after}"
    );
    assert!(!after.contains("Tokyo"), "{after}");
}

#[test]
fn can_pick_an_hour_by_its_link_and_see_it_across_every_row() {
    let server = Server::start();
    let page = server.get(
        "/planner?at=2027-03-16T17:00&zone=Europe/Berlin&cities=Europe/Berlin,America/New_York",
    );
    // The viewer's zone is the example's default (UTC); 14:00 UTC is 15:00 in Berlin.
    let pick = hrefs_labelled(&page, "Pick Tue 16 Mar, hour </span>14");
    assert_eq!(
        pick,
        vec![
            "/planner?at=2027-03-16T15%3A00&zone=Europe%2FBerlin&cities=Europe%2FBerlin%2CAmerica%2FNew_York"
        ]
    );
    let picked = server.get(&pick[0]);
    assert!(picked.contains("Tue 16 Mar 2027, 15:00 Europe/Berlin"));
    // The picked column is marked in the heading and in each city's row.
    assert_eq!(picked.matches(r#"aria-current="true""#).count(), 1);
    let rows = &picked[picked.find("<tbody>").unwrap()..picked.find("</tbody>").unwrap()];
    let marked: Vec<_> = rows
        .match_indices(r#" pick"#)
        .map(|(i, _)| &rows[i..i + 80])
        .collect();
    assert_eq!(marked.len(), 2, "{marked:?}");
    let rows = text(&picked, "<tbody>", "</tbody>");
    assert!(rows.contains("Berlin × 15:00–16:00 Tue · UTC+1"), "{rows}");
    assert!(
        rows.contains("New York × 10:00–11:00 Tue · UTC−4"),
        "{rows}"
    );
}

#[test]
fn can_suggest_the_hours_with_the_most_cities_inside_working_hours() {
    let server = Server::start();
    let page = server.get(
        "/planner?at=2027-03-16T17:00&zone=Europe/Berlin&cities=Europe/Berlin,America/New_York,Asia/Tokyo",
    );
    assert!(page.contains("09:00 to 18:00 local time, Monday to Friday"));
    let best = text(&page, r#"<p class="best-hours">"#, "</p>");
    // In UTC: Berlin 09–18 is 08–17, New York 09–18 is 13–22, Tokyo 09–18 is 00–09: Berlin
    // and New York overlap on Tuesday afternoon, Berlin and Tokyo on Wednesday at 08:00.
    assert_eq!(
        best,
        "Best start times (2 of 3 cities inside working hours), in UTC: 13:00 , 14:00 , 15:00 , 16:00 , Wed 08:00 ."
    );
}

#[test]
fn can_show_half_and_quarter_hour_zones_with_their_minutes() {
    let server = Server::start();
    let page = server.get(
        "/planner?at=2027-01-12T12:00&zone=UTC&cities=Asia/Kolkata,Asia/Kathmandu,Pacific/Chatham",
    );
    let rows = text(&page, "<tbody>", "</tbody>");
    assert!(
        rows.contains("Kolkata × 17:30–18:30 Tue · UTC+5:30"),
        "{rows}"
    );
    assert!(
        rows.contains("Kathmandu × 17:45–18:45 Tue · UTC+5:45"),
        "{rows}"
    );
    assert!(
        rows.contains("Chatham × 01:45–02:45 Wed · UTC+13:45"),
        "{rows}"
    );
    // The strip writes the minutes of each hour: 17:30 in Kolkata.
    assert!(page.contains("17<small>:30</small>"));
}

#[test]
fn can_warn_of_a_local_time_that_does_not_exist_or_happens_twice() {
    let server = Server::start();
    let gap = server.get(
        "/planner?at=2027-03-14T02:30&zone=America/New_York&cities=America/New_York,Europe/Berlin",
    );
    let warning = text(&gap, r#"<p class="warn clock-warning""#, "</p>");
    assert_eq!(
        warning,
        "02:30 does not exist in America/New_York on Sun 14 Mar 2027 : clocks jump from UTC−5 to UTC−4 over it. The meeting is then at 03:30 (moved forward by the gap)."
    );
    // New York's row says its clocks change inside the hours shown.
    let rows = text(&gap, "<tbody>", "</tbody>");
    assert!(
        rows.contains("Clocks go forward 1 h on Sun 14 Mar at 02:00 (UTC−5 → UTC−4)"),
        "{rows}"
    );
    let fold =
        server.get("/planner?at=2027-11-07T01:30&zone=America/New_York&cities=America/New_York");
    let warning = text(&fold, r#"<p class="warn clock-warning""#, "</p>");
    assert_eq!(
        warning,
        "01:30 happens twice in America/New_York on Sun 7 Nov 2027 : first at UTC−4, then at UTC−5 after clocks go back. The plan takes the first."
    );
    let fine =
        server.get("/planner?at=2027-03-15T02:30&zone=America/New_York&cities=America/New_York");
    assert!(!fine.contains("clock-warning"));
}

#[test]
fn can_show_next_in_the_viewers_zone_first() {
    let server = Server::start();
    let page = server
        .get("/planner?at=2027-03-16T17:00&zone=Europe/Berlin&cities=Europe/Berlin&tz=Asia/Tokyo");
    let next = text(&page, r#"<p class="next-at">"#, "</p>");
    assert!(
        next.starts_with(
            "Next: Wed 17 Mar 2027, 01:00–02:00 in Asia/Tokyo · 17:00 Europe/Berlin (the meeting's zone)."
        ),
        "{next}"
    );
}
