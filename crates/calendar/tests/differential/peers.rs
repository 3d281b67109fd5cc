//! The two peers of the differential test and the comparison with our expansion: running a peer
//! on a set of files, listing ours the same way, and the raw differences between the two lists
//! (which the tests then sort into documented classes and real problems).

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use jiff::ToSpan;
use jiff::civil::{self, Date};
use jiff::tz::TimeZone;
use touchpoint_calendar::{Calendar, End, Limits, Time, Window, expand, parse};

/// How much wider than the compared window both sides are asked for, on each side.
pub const MARGIN_DAYS: i64 = 3;

/// An occurrence in the compared form.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    pub file: String,
    pub uid: String,
    pub start: String,
}

/// The compared window `[from, to)`: instants for zoned starts (read in UTC), dates otherwise.
#[derive(Clone, Copy)]
pub struct Span {
    pub from: Date,
    pub to: Date,
}

impl Span {
    /// Whether a normalised start lies in the window.
    pub fn contains(&self, start: &str) -> bool {
        if let Some(utc) = start.strip_suffix('Z') {
            let ts: Timestamp = format!("{utc}Z").parse().expect("instant");
            let at = |d: Date| {
                d.to_zoned_datetime(TimeZone::UTC)
                    .expect("instant")
                    .timestamp()
            };
            return at(self.from) <= ts && ts < at(self.to);
        }
        let date: Date = start[..10].parse().expect("date");
        self.from <= date && date < self.to
    }

    /// The window both sides are asked for, [`MARGIN_DAYS`] wider on each side.
    fn asked(&self) -> (Date, Date) {
        (
            self.from
                .checked_sub(MARGIN_DAYS.days())
                .expect("from in range"),
            self.to
                .checked_add(MARGIN_DAYS.days())
                .expect("to in range"),
        )
    }
}

/// Start in the compared form: dates and floating values as written, zoned ones in UTC.
pub fn normalise(t: &Time) -> String {
    match t {
        Time::Date(d) => d.to_string(),
        Time::Floating(dt) => dt.strftime("%Y-%m-%dT%H:%M:%S").to_string(),
        Time::Zoned(..) => t
            .instant(&TimeZone::UTC)
            .strftime("%Y-%m-%dT%H:%M:%SZ")
            .to_string(),
    }
}

/// Whether wall-clock end arithmetic (both peers add a duration on the wall clock) and RFC
/// 5545's exact arithmetic must agree on the end of an occurrence from `start` to `end`: both
/// wall clocks exist exactly once (no gap, no fold) and the zone's UTC offset is the same at
/// both. Always for dates and floating values.
fn plain_span(start: &Time, end: &Time) -> bool {
    match (start, end) {
        (Time::Zoned(s, tz), Time::Zoned(e, _)) => {
            let s = tz.zone.to_ambiguous_timestamp(*s);
            let e = tz.zone.to_ambiguous_timestamp(*e);
            !s.is_ambiguous() && !e.is_ambiguous() && s.offset() == e.offset()
        }
        _ => true,
    }
}

/// One of our occurrences, with what the classes of differences need to know about it.
#[derive(Clone, Debug)]
pub struct Ours {
    /// The start, as our engine gives it.
    pub start: Time,
    /// The end in the compared form, `None` when ends are not compared (see [`plain_span`]).
    pub end: Option<String>,
    /// Index of the applying event in the file's [`Calendar::events`].
    pub event: usize,
}

/// Our expansion of some files: the parsed calendars (by file name) and key → occurrences.
pub struct OurListing {
    pub calendars: BTreeMap<String, Calendar>,
    /// The files' text (lossily decoded), for what the model does not keep (TZIDs as written).
    pub texts: BTreeMap<String, String>,
    pub occurrences: BTreeMap<Key, Vec<Ours>>,
}

/// File name of a path, the form both peers print.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .expect("file name")
        .to_string_lossy()
        .into_owned()
}

/// Ours, for the files at `paths`, clipped to `span`.
pub fn ours(paths: &[PathBuf], span: Span) -> OurListing {
    let (from, to) = span.asked();
    let window = Window {
        start: from.to_datetime(civil::Time::midnight()),
        end: to.to_datetime(civil::Time::midnight()),
        zone: None,
    };
    let mut calendars = BTreeMap::new();
    let mut texts = BTreeMap::new();
    let mut occurrences: BTreeMap<Key, Vec<Ours>> = BTreeMap::new();
    for path in paths {
        let file = file_name(path);
        let bytes = std::fs::read(path).expect("read calendar file");
        let calendar = parse(&bytes)
            .unwrap_or_else(|e| panic!("{file} does not parse: {e}"))
            .calendar;
        for occ in expand(&calendar, &window, &Limits::default()).occurrences {
            let start = normalise(&occ.start);
            if !span.contains(&start) {
                continue;
            }
            // The applying event's own DTSTART/DTEND define the duration: it too must not span
            // a transition for the ends to be comparable.
            let event = &calendar.events[occ.event];
            let comparable = plain_span(&occ.start, &occ.end)
                && match &event.end {
                    Some(End::At(end)) => plain_span(&event.start, end),
                    _ => true,
                };
            let key = Key {
                file: file.clone(),
                uid: event.uid.clone(),
                start,
            };
            occurrences.entry(key).or_default().push(Ours {
                start: occ.start.clone(),
                end: comparable.then(|| normalise(&occ.end)),
                event: occ.event,
            });
        }
        calendars.insert(file.clone(), calendar);
        texts.insert(file, String::from_utf8_lossy(&bytes).into_owned());
    }
    OurListing {
        calendars,
        texts,
        occurrences,
    }
}

/// One of the two peers.
pub enum Peer {
    /// python recurring-ical-events 3.x on icalendar 6.x, run by this interpreter.
    RecurringIcalEvents { python: String },
    /// ical.js 2.x on node; `modules` is the folder holding its `node_modules`.
    IcalJs { modules: PathBuf },
}

impl Peer {
    /// The python peer from `TOUCHPOINT_TEST_PYTHON`; panics (the test fails) without it.
    pub fn recurring_ical_events() -> Peer {
        let python = std::env::var("TOUCHPOINT_TEST_PYTHON").unwrap_or_else(|_| {
            panic!(
                "TOUCHPOINT_TEST_PYTHON is not set: the differential test needs python with \
                 recurring-ical-events 3.x and icalendar 6.x. Run scripts/test, or create the \
                 venv: python3 -m venv target/test-venv && target/test-venv/bin/pip install \
                 'recurring-ical-events==3.*' 'icalendar==6.*' and set \
                 TOUCHPOINT_TEST_PYTHON=$PWD/target/test-venv/bin/python"
            )
        });
        Peer::RecurringIcalEvents { python }
    }

    /// The node peer from `TOUCHPOINT_TEST_NODE_PEER`; panics (the test fails) without it or
    /// without ical.js installed there.
    pub fn ical_js() -> Peer {
        let hint = "the differential test needs ical.js from npm. Run scripts/test, or: \
                    (cd crates/calendar/tests/differential && npm ci) and set \
                    TOUCHPOINT_TEST_NODE_PEER=$PWD/crates/calendar/tests/differential";
        let dir = std::env::var("TOUCHPOINT_TEST_NODE_PEER")
            .unwrap_or_else(|_| panic!("TOUCHPOINT_TEST_NODE_PEER is not set: {hint}"));
        let modules = PathBuf::from(dir).join("node_modules");
        assert!(
            modules.join("ical.js/package.json").is_file(),
            "{} has no ical.js: {hint}",
            modules.display()
        );
        Peer::IcalJs { modules }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Peer::RecurringIcalEvents { .. } => "recurring-ical-events",
            Peer::IcalJs { .. } => "ical.js",
        }
    }

    /// The peer's occurrences of the files at `paths`, clipped to `span`, and the files it could
    /// not read (file → its error).
    pub fn list(&self, paths: &[PathBuf], span: Span) -> Listing {
        let (from, to) = span.asked();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/differential");
        let mut command = match self {
            Peer::RecurringIcalEvents { python } => {
                let mut c = Command::new(python);
                // Python's zoneinfo prefers the system's tz database, which may be years older
                // than ours; an empty search path makes it read the `tzdata` package, which
                // scripts/test pins to the release jiff bundles (a different release would be a
                // difference of data, not of reading).
                c.arg(format!("{dir}/peer.py")).env("PYTHONTZPATH", "");
                c
            }
            Peer::IcalJs { modules } => {
                let mut c = Command::new("node");
                c.arg(format!("{dir}/icaljs.mjs"))
                    .env("TOUCHPOINT_NODE_MODULES", modules);
                c
            }
        };
        let child = command
            .arg(from.to_string())
            .arg(to.to_string())
            .args(paths)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run the {} peer: {e}", self.name()));
        let output = wait_at_most(child, PEER_TIME_LIMIT, self.name());
        assert!(
            output.status.success(),
            "the {} peer failed ({}):\n{}",
            self.name(),
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        let mut listing = Listing::default();
        for line in String::from_utf8(output.stdout).expect("utf-8").lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("peer JSON line");
            let field = |name: &str| v[name].as_str().map(str::to_owned);
            let file = field("file").expect("file");
            if let Some(error) = field("error") {
                listing.errors.insert((file, field("uid")), error);
                continue;
            }
            let start = field("start").expect("start");
            if !span.contains(&start) {
                continue;
            }
            let key = Key {
                file,
                uid: field("uid").expect("uid"),
                start,
            };
            listing
                .occurrences
                .entry(key)
                .or_default()
                .push(field("end").unwrap_or_default());
        }
        listing
    }
}

/// How long a peer may take on one set of files (both take seconds; a peer that loops on some
/// input must fail the test, not hang it).
const PEER_TIME_LIMIT: Duration = Duration::from_secs(300);

/// The output of `child`, which must exit within `limit` (else it is killed and the test fails).
fn wait_at_most(mut child: Child, limit: Duration, name: &str) -> Output {
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let out = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let err = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr.read_to_end(&mut buf);
        buf
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("peer status") {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the {name} peer did not finish in {limit:?} (an input it loops on?)");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Output {
        status,
        stdout: out.join().expect("stdout reader"),
        stderr: err.join().expect("stderr reader"),
    }
}

/// A peer's answer.
#[derive(Default)]
pub struct Listing {
    /// key → the ends of the occurrences with that key.
    pub occurrences: BTreeMap<Key, Vec<String>>,
    /// (file, UID) → the error the peer reported instead of the occurrences of that series, or
    /// (file, `None`) → the error for the whole file.
    pub errors: BTreeMap<(String, Option<String>), String>,
}

/// A raw difference between ours and a peer's.
#[derive(Debug)]
pub enum Difference {
    /// The peer could not read the file (`uid` is `None`) or expand the series `uid`.
    Error {
        file: String,
        uid: Option<String>,
        message: String,
    },
    /// Ours lists this key `ours` times, the peer `theirs` times (either may be 0).
    Count {
        key: Key,
        ours: usize,
        theirs: usize,
    },
    /// Same key, a different end.
    End {
        key: Key,
        ours: String,
        theirs: String,
    },
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Difference::Error {
                file,
                uid: None,
                message,
            } => write!(f, "{file}: the peer cannot read it: {message}"),
            Difference::Error {
                file,
                uid: Some(uid),
                message,
            } => write!(f, "{file} {uid}: the peer cannot expand it: {message}"),
            Difference::Count { key, ours, theirs } => write!(
                f,
                "{} {} {}: ours {ours} times, the peer's {theirs} times",
                key.file, key.uid, key.start
            ),
            Difference::End { key, ours, theirs } => write!(
                f,
                "{} {} {}: ends at {ours} (ours), at {theirs} (the peer's)",
                key.file, key.uid, key.start
            ),
        }
    }
}

/// Every difference between ours and the peer's, leaving out the files and series the peer could
/// not read (those are one [`Difference::Error`] each).
pub fn differences(ours: &OurListing, theirs: &Listing) -> Vec<Difference> {
    let mut out: Vec<Difference> = theirs
        .errors
        .iter()
        .map(|((file, uid), message)| Difference::Error {
            file: file.clone(),
            uid: uid.clone(),
            message: message.clone(),
        })
        .collect();
    let readable = |key: &Key| {
        !theirs.errors.contains_key(&(key.file.clone(), None))
            && !theirs
                .errors
                .contains_key(&(key.file.clone(), Some(key.uid.clone())))
    };
    for (key, list) in ours.occurrences.iter().filter(|(k, _)| readable(k)) {
        let ends = theirs.occurrences.get(key).map_or(&[][..], Vec::as_slice);
        if ends.len() != list.len() {
            out.push(Difference::Count {
                key: key.clone(),
                ours: list.len(),
                theirs: ends.len(),
            });
            continue;
        }
        for (o, their_end) in list.iter().zip(ends) {
            if let Some(e) = &o.end
                && e != their_end
            {
                out.push(Difference::End {
                    key: key.clone(),
                    ours: e.clone(),
                    theirs: their_end.clone(),
                });
            }
        }
    }
    for (key, ends) in theirs.occurrences.iter().filter(|(k, _)| readable(k)) {
        if !ours.occurrences.contains_key(key) {
            out.push(Difference::Count {
                key: key.clone(),
                ours: 0,
                theirs: ends.len(),
            });
        }
    }
    out
}
