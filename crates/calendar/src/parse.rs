//! Lenient RFC 5545 reader: unfolding, parameters, escaped text, VEVENT and VTIMEZONE.
//!
//! The reader is one pass over the input, line by line, borrowing from the input wherever it can:
//! a logical line is copied only when it was folded, and only the values that end up in the model
//! are allocated. Each VEVENT is built in place as the model's [`Event`]. A TZID is resolved
//! when first met if it names a zone the database knows (IANA, Windows, path prefix), which is
//! final; any other TZID may be defined by a VTIMEZONE further on, and a floating time may be
//! claimed by an X-WR-TIMEZONE further on, so the events holding such times are listed and
//! fixed up once the whole file is read.
//!
//! Leniency follows what calendar apps do with broken feeds: a bad line or value is a [`Warning`]
//! and the rest is kept; a missing END closes the component; an event without DTSTART is dropped
//! with a warning; an event without UID gets a stable one hashed from its text. Input that is not
//! iCalendar at all is a [`ParseError`].

use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::Arc;

use jiff::Span;
use jiff::civil;
use jiff::tz::Offset;

use crate::digest::{FNV_OFFSET, fnv1a};
use crate::expand::stale_overrides;
use crate::model::{Calendar, End, Event, Freq, Organizer, RDate, RRule, Status, Time, Tz};
use crate::rrule::{RRuleError, read_rule, split_byte};
use crate::tz::{Observance, VTimezone, known_tzid, resolve_tzid};

/// A problem the parser recovered from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line number in the input (physical line, before unfolding).
    pub line: usize,
    /// What was wrong and what was done about it.
    pub message: String,
}

/// Input that is not iCalendar at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ParseError {
    /// What was wrong.
    pub message: String,
}

/// A parsed calendar and what the parser had to forgive.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    /// The calendar.
    pub calendar: Calendar,
    /// Recovered problems, in input order.
    pub warnings: Vec<Warning>,
}

/// How far into the input `BEGIN:VCALENDAR` must appear for it to count as iCalendar.
const SNIFF_BYTES: usize = 4096;
/// Deepest component nesting followed; deeper components are skipped as a whole.
const MAX_DEPTH: usize = 64;
/// Most warnings kept; past this one summary warning says how many more there were.
const MAX_WARNINGS: usize = 1000;
/// Longest SUMMARY and LOCATION kept, in bytes; longer ones are cut (with a warning). Every
/// occurrence of an event repeats its text in pages, feeds and the API: a 1 MB title on a
/// daily series made a two-year API answer of 767 MB.
pub const MAX_TITLE: usize = 1024;
/// Longest UID kept as written, in bytes (Exchange's are 112); a longer one is replaced by a
/// digest of it, since every occurrence repeats it in feeds and the API.
pub const MAX_UID: usize = 1024;
/// Longest DESCRIPTION kept, in bytes (an agenda with its links fits many times over).
pub const MAX_DESCRIPTION: usize = 64 * 1024;
/// Most instances kept of a rule that repeats more than once a minute (no meeting does; a feed
/// of such never-ending rules is an attack on whoever lists it).
pub const MAX_SUB_MINUTE: u32 = 1000;

/// Whether a rule repeats more than once a minute.
pub fn repeats_sub_minute(rule: &RRule) -> bool {
    (rule.freq == Freq::Secondly && rule.interval < 60)
        || (rule.freq <= Freq::Minutely && rule.by_second.len() > 1)
}

/// Gives a rule that repeats more than once a minute a COUNT of at most [`MAX_SUB_MINUTE`];
/// whether it had to.
pub fn clamp_sub_minute(rule: &mut RRule) -> bool {
    if repeats_sub_minute(rule) && rule.count.is_none_or(|n| n > MAX_SUB_MINUTE) {
        rule.count = Some(MAX_SUB_MINUTE);
        return true;
    }
    false
}

/// Longest URL kept, in bytes; a longer one is dropped (a cut link leads nowhere).
const MAX_URL: usize = 2048;

/// Parse iCalendar bytes (non-UTF-8 bytes are replaced, with a warning).
pub fn parse(input: &[u8]) -> Result<Parsed, ParseError> {
    let mut warnings = Warnings::default();
    let text = decode(input, &mut warnings);
    sniff(&text)?;
    let mut reader = Reader::new(warnings);
    reader.run(&text);
    Ok(reader.finish(&text))
}

/// Decode to UTF-8, repairing multi-byte characters split by a fold and replacing what remains
/// invalid, with one warning.
fn decode<'a>(input: &'a [u8], warnings: &mut Warnings) -> Cow<'a, str> {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    match std::str::from_utf8(input) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => {
            let repaired = rejoin_split_characters(input);
            match String::from_utf8(repaired) {
                Ok(s) => Cow::Owned(s),
                Err(e) => {
                    let bytes = e.into_bytes();
                    let first_bad = std::str::from_utf8(&bytes)
                        .err()
                        .map_or(0, |e| e.valid_up_to());
                    let line = 1 + bytes[..first_bad].iter().filter(|b| **b == b'\n').count();
                    let s = String::from_utf8_lossy(&bytes).into_owned();
                    warnings.push(
                        line,
                        "input is not valid UTF-8; invalid bytes were replaced with U+FFFD"
                            .to_owned(),
                    );
                    Cow::Owned(s)
                }
            }
        }
    }
}

/// Some producers fold inside a multi-byte character. Move the character's continuation bytes
/// from after the fold to before it, so the character is whole and the line count unchanged.
fn rejoin_split_characters(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        let b = input[i];
        if b == b'\n' && out.last().is_some_and(|l: &u8| *l >= 0x80 || *l == b'\r') {
            // Where does the newline sequence start (\r\n or \n)?
            let nl_start = if out.last() == Some(&b'\r') {
                out.len() - 1
            } else {
                out.len()
            };
            let before_ok = nl_start > 0 && out[nl_start - 1] >= 0x80;
            let fold = input.get(i + 1).is_some_and(|c| *c == b' ' || *c == b'\t');
            if before_ok && fold {
                let mut j = i + 2;
                let cont_start = j;
                while j < input.len() && (0x80..0xC0).contains(&input[j]) {
                    j += 1;
                }
                if j > cont_start {
                    let tail: Vec<u8> = out.drain(nl_start..).collect();
                    out.extend_from_slice(&input[cont_start..j]);
                    out.extend_from_slice(&tail);
                    out.push(b'\n');
                    out.push(input[i + 1]);
                    i = j;
                    continue;
                }
            }
        }
        out.push(b);
        i += 1;
    }
    out
}

/// Refuse input that is not iCalendar: `BEGIN:VCALENDAR` must be a line near the start.
fn sniff(text: &str) -> Result<(), ParseError> {
    let head_end = text
        .char_indices()
        .map(|(i, _)| i)
        .find(|i| *i >= SNIFF_BYTES)
        .unwrap_or(text.len());
    let head = &text[..head_end];
    let found = head
        .split('\n')
        .any(|l| l.trim().eq_ignore_ascii_case("BEGIN:VCALENDAR"));
    if found {
        return Ok(());
    }
    let start = head.trim_start();
    let message = if start.is_empty() {
        "not iCalendar: the input is empty".to_owned()
    } else if start.starts_with('<') {
        let kind = if start
            .as_bytes()
            .get(..5)
            .is_some_and(|b| b.eq_ignore_ascii_case(b"<?xml"))
        {
            "XML"
        } else {
            "HTML"
        };
        format!(
            "not iCalendar: the input looks like {kind} (a login or error page?), \
             expected BEGIN:VCALENDAR"
        )
    } else {
        let first: String = start
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(60)
            .collect();
        format!("not iCalendar: expected BEGIN:VCALENDAR near the start, found {first:?}")
    };
    Err(ParseError { message })
}

/// Warnings with a cap, so a hostile file cannot make us keep millions of them.
#[derive(Default)]
struct Warnings {
    list: Vec<Warning>,
    dropped: usize,
}

impl Warnings {
    fn push(&mut self, line: usize, message: String) {
        if self.list.len() < MAX_WARNINGS {
            self.list.push(Warning { line, message });
        } else {
            self.dropped += 1;
        }
    }

    fn finish(mut self, last_line: usize) -> Vec<Warning> {
        // Some warnings are only known later (unknown TZIDs, events without DTSTART).
        self.list.sort_by_key(|w| w.line);
        if self.dropped > 0 {
            self.list.push(Warning {
                line: last_line,
                message: format!("{} more warnings not shown", self.dropped),
            });
        }
        self.list
    }
}

/// What the reader knows of the VEVENT being read beyond the [`Event`] itself.
#[derive(Clone, Copy, Debug, Default)]
struct OpenEvent {
    /// Line of `BEGIN:VEVENT`.
    line: usize,
    /// Byte offset of `BEGIN:VEVENT`, for hashing a UID when it has none.
    start: usize,
    /// Whether DTSTART was read (`Event::start` holds a placeholder until then).
    has_start: bool,
}

/// How a TZID met in the file resolves.
#[derive(Clone, Debug)]
enum Zone {
    /// A zone the database knows: final.
    Known(Tz),
    /// Index into [`Reader::deferred`]: resolved at the end of the file.
    Deferred(usize),
}

/// A TZID the database does not know, resolved at the end of the file (from a VTIMEZONE that
/// may come later, or as a literal offset) or else read as floating.
struct DeferredTzid {
    tzid: String,
    /// The first line using it, for the warning when it stays unknown.
    line: usize,
    /// What its times hold until then; recognised by the identity of its name.
    placeholder: Tz,
}

/// The component the reader is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Comp {
    Calendar,
    Event,
    Timezone,
    Observance,
    /// VTODO, VJOURNAL, VALARM, X-components: read past.
    Other,
}

/// The property names the reader acts on, recognised once per line without regard to case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Name {
    Begin,
    End,
    Dtstart,
    Dtend,
    RecurrenceId,
    Duration,
    Rdate,
    Exdate,
    Rrule,
    Exrule,
    Sequence,
    Status,
    LastModified,
    Uid,
    Summary,
    Description,
    Location,
    Url,
    Categories,
    Organizer,
    Prodid,
    XWrCalname,
    XWrCaldesc,
    XWrTimezone,
    Tzid,
    TzoffsetFrom,
    TzoffsetTo,
    Tzname,
    /// Anything else (DTSTAMP, X- properties, …): read past.
    Other,
}

/// A property name of at most 15 bytes packed into one integer with its length in the top byte.
const fn name_key(name: &[u8]) -> u128 {
    let mut key = (name.len() as u128) << 120;
    let mut i = 0;
    while i < name.len() {
        key |= (name[i].to_ascii_uppercase() as u128) << (8 * i);
        i += 1;
    }
    key
}

/// The names [`Name::of`] recognises.
const NAMES: [(&[u8], Name); 28] = [
    (b"BEGIN", Name::Begin),
    (b"END", Name::End),
    (b"DTSTART", Name::Dtstart),
    (b"DTEND", Name::Dtend),
    (b"RECURRENCE-ID", Name::RecurrenceId),
    (b"DURATION", Name::Duration),
    (b"RDATE", Name::Rdate),
    (b"EXDATE", Name::Exdate),
    (b"RRULE", Name::Rrule),
    (b"EXRULE", Name::Exrule),
    (b"SEQUENCE", Name::Sequence),
    (b"STATUS", Name::Status),
    (b"LAST-MODIFIED", Name::LastModified),
    (b"UID", Name::Uid),
    (b"SUMMARY", Name::Summary),
    (b"DESCRIPTION", Name::Description),
    (b"LOCATION", Name::Location),
    (b"URL", Name::Url),
    (b"CATEGORIES", Name::Categories),
    (b"ORGANIZER", Name::Organizer),
    (b"PRODID", Name::Prodid),
    (b"X-WR-CALNAME", Name::XWrCalname),
    (b"X-WR-CALDESC", Name::XWrCaldesc),
    (b"X-WR-TIMEZONE", Name::XWrTimezone),
    (b"TZID", Name::Tzid),
    (b"TZOFFSETFROM", Name::TzoffsetFrom),
    (b"TZOFFSETTO", Name::TzoffsetTo),
    (b"TZNAME", Name::Tzname),
];

/// log2 of the number of slots in [`NAME_TABLE`].
const NAME_BITS: u32 = 7;

/// The slot of a key for multiplier `mul` (multiplicative hashing of the key's two halves).
const fn name_slot(key: u128, mul: u64) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64);
    (folded.wrapping_mul(mul) >> (64 - NAME_BITS)) as usize
}

/// A perfect hash of [`NAMES`]: a multiplier under which no two names share a slot, and for each
/// slot 1 + the index of its name in `NAMES` (0 when empty). Found at compile time.
///
/// Kept over a plain `match` on the upper-cased name: the match costs 0.9M more instructions
/// in one parse of the 2,000-series feed (22.81M against 21.91M, `bench/profile`, 4 %). Names
/// longer than 15 bytes do not fit the key and are read as [`Name::Other`]; every name known
/// has at most 13.
struct NameTable {
    mul: u64,
    keys: [u128; NAMES.len()],
    slots: [u8; 1 << NAME_BITS],
}

const NAME_TABLE: NameTable = {
    let mut keys = [0u128; NAMES.len()];
    let mut i = 0;
    while i < NAMES.len() {
        keys[i] = name_key(NAMES[i].0);
        i += 1;
    }
    // Odd multipliers from a fixed sequence until one separates every name (a few dozen tries
    // for 27 names in 128 slots).
    let mut mul: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut tries = 0;
    loop {
        assert!(tries < 10_000, "no perfect hash for the property names");
        let mut slots = [0u8; 1 << NAME_BITS];
        let mut ok = true;
        let mut i = 0;
        while i < NAMES.len() {
            let s = name_slot(keys[i], mul);
            if slots[s] != 0 {
                ok = false;
                break;
            }
            slots[s] = i as u8 + 1;
            i += 1;
        }
        if ok {
            break NameTable { mul, keys, slots };
        }
        mul = mul
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407)
            | 1;
        tries += 1;
    }
};

impl Name {
    /// Recognise the property name `line[start..start + len]`, without regard to case.
    ///
    /// The name is read as one 16-byte integer straight from the line when the line is long
    /// enough (nearly always: the value follows), upper-cased in that integer (SWAR) and looked
    /// up in a perfect hash: a handful of instructions, no copy and no string comparison.
    #[inline]
    fn of(line: &[u8], start: usize, len: usize) -> Name {
        if len == 0 || len > 15 {
            return Name::Other;
        }
        let x = match line.get(start..start + 16) {
            Some(b) => {
                let b: [u8; 16] = b.try_into().expect("16 bytes");
                u128::from_le_bytes(b) & ((1u128 << (8 * len)) - 1)
            }
            None => {
                let mut buf = [0u8; 16];
                buf[..len].copy_from_slice(&line[start..start + len]);
                u128::from_le_bytes(buf)
            }
        };
        const ONES: u128 = u128::MAX / 0xFF;
        if x & (ONES * 0x80) != 0 {
            return Name::Other; // not ASCII: no name we know
        }
        // Bytes are < 0x80, so these sums carry into no neighbour: bit 7 is set in `ge_a` where a
        // byte is ≥ b'a', in `gt_z` where it is > b'z'.
        let ge_a = x + ONES * (0x80 - u128::from(b'a'));
        let gt_z = x + ONES * (0x7F - u128::from(b'z'));
        let lower = ge_a & !gt_z & (ONES * 0x80);
        let key = (x - (lower >> 2)) | ((len as u128) << 120);
        match NAME_TABLE.slots[name_slot(key, NAME_TABLE.mul)] {
            0 => Name::Other,
            i if NAME_TABLE.keys[usize::from(i) - 1] == key => NAMES[usize::from(i) - 1].1,
            _ => Name::Other,
        }
    }
}

/// One content line, borrowed from the input or the unfold buffer.
struct Line<'l> {
    /// What `name` is, recognised once.
    kind: Name,
    name: &'l str,
    /// Everything between the name and the value colon, starting with `;` (or empty).
    params: &'l str,
    value: &'l str,
}

struct Reader {
    warnings: Warnings,
    stack: Vec<(Comp, Cow<'static, str>)>,
    calendar: Calendar,
    /// Whether a BEGIN:VCALENDAR was seen (X-WR-* from later calendars are ignored).
    calendars_seen: usize,
    /// Events read so far; while `in_event`, the last one is the VEVENT being read (built in
    /// place, so closing it moves nothing).
    events: Vec<Event>,
    in_event: bool,
    open: OpenEvent,
    /// Indices in `events` of the events holding a floating time or a deferred TZID.
    fix_up: Vec<usize>,
    /// Events without a UID, with their text's byte range: a UID is hashed from it at the end.
    missing_uid: Vec<(usize, (usize, usize))>,
    /// Events with a RECURRENCE-ID, with the line of their `BEGIN:VEVENT`: stale ones are
    /// dropped at the end.
    overrides: Vec<(usize, usize)>,
    vtimezones: Vec<VTimezone>,
    vtimezone: Option<VTimezone>,
    observance: Option<PartialObservance>,
    /// Distinct TZIDs used by events, and how each resolves.
    tzids: Vec<(String, Zone)>,
    /// Index in `tzids` of the last TZID looked up.
    last_tzid: usize,
    deferred: Vec<DeferredTzid>,
    /// The X-WR-TIMEZONE zone, once read, if the database knows it (then final).
    floating_zone: Option<Tz>,
    skipped_preamble: bool,
    /// 1 + the number of newlines in the input, known once [`Reader::run`] is done.
    last_line: usize,
}

#[derive(Default)]
struct PartialObservance {
    daylight: bool,
    start: Option<civil::DateTime>,
    offset_from: Option<Offset>,
    offset_to: Option<Offset>,
    name: Option<String>,
    rrule: Option<RRule>,
    rdates: Vec<civil::DateTime>,
}

impl Reader {
    fn new(warnings: Warnings) -> Reader {
        Reader {
            warnings,
            stack: Vec::new(),
            calendar: Calendar::default(),
            calendars_seen: 0,
            events: Vec::new(),
            in_event: false,
            open: OpenEvent::default(),
            fix_up: Vec::new(),
            missing_uid: Vec::new(),
            overrides: Vec::new(),
            vtimezones: Vec::new(),
            vtimezone: None,
            observance: None,
            tzids: Vec::new(),
            last_tzid: 0,
            deferred: Vec::new(),
            floating_zone: None,
            skipped_preamble: false,
            last_line: 1,
        }
    }

    /// The VEVENT being read (only called while in one).
    fn event(&mut self) -> &mut Event {
        self.events.last_mut().expect("in VEVENT")
    }

    fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.warnings.push(line, message.into());
    }

    /// One warning for each part a lenient rule reading dropped (`rrule::read_rule`).
    fn warn_dropped(&mut self, line: usize, rule: &str, dropped: Vec<RRuleError>) {
        for e in dropped {
            self.warn(line, format!("{rule}: {e}; that part ignored"));
        }
    }

    /// Split the text into logical lines (unfolded) and feed them to [`Reader::line`].
    fn run(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut scratch = String::new();
        let mut pos = 0;
        let mut line_no = 0;
        // The physical line at `pos` when the previous iteration already found it, with the
        // length of its leading run of name characters.
        let mut pending: Option<(&str, usize, usize)> = None;
        // One slot per VEVENT (counted at memory bandwidth), so the big vector never regrows.
        self.events
            .reserve(memchr::memmem::find_iter(bytes, b"BEGIN:VEVENT").count());
        while pos < bytes.len() {
            let (first, mut next, first_run) = pending.take().unwrap_or_else(|| {
                let (line, next) = physical_line(text, pos);
                (line, next, name_run(line.as_bytes()))
            });
            line_no += 1;
            let start_line = line_no;
            let start_pos = pos;
            let mut folded = false;
            while next < bytes.len() {
                let (cont, after) = physical_line(text, next);
                // Continuation lines begin with a space or a tab (RFC 5545 §3.1).
                let indented = bytes[next] == b' ' || bytes[next] == b'\t';
                // Sloppy producers break a long value with a bare newline and no indent: a line
                // that cannot be a property continues the previous one. Whether it can is
                // decided after unfolding its own continuation lines: Google folds long
                // ATTENDEE lines at 75 octets, often before the colon.
                let run = name_run(cont.as_bytes());
                let sloppy = !indented
                    && !cont.trim_ascii_start().is_empty()
                    && !begins_property(text, cont, run, after);
                if !indented && !sloppy {
                    pending = Some((cont, after, run));
                    break;
                }
                if !folded {
                    scratch.clear();
                    scratch.push_str(first);
                    folded = true;
                }
                line_no += 1;
                if indented {
                    scratch.push_str(&cont[1..]);
                } else {
                    self.warn(
                        line_no,
                        "line without a colon read as the continuation of the previous line",
                    );
                    scratch.push('\n');
                    scratch.push_str(cont);
                }
                next = after;
            }
            let logical: &str = if folded { &scratch } else { first };
            self.line(logical, first_run, start_line, start_pos, next);
            pos = next;
        }
        // Physical lines end at '\n'; a final line without one still counts.
        self.last_line = line_no + usize::from(text.is_empty() || text.ends_with('\n'));
        let last = line_no.max(1);
        if self.in_event || self.vtimezone.is_some() || !self.stack.is_empty() {
            let open: Vec<&str> = self.stack.iter().map(|(_, n)| n.as_ref()).collect();
            self.warn(
                last,
                format!(
                    "input ends inside {}; missing END added",
                    open.join(" > ").to_ascii_uppercase()
                ),
            );
            while let Some((comp, _)) = self.stack.pop() {
                self.close(comp, last, text.len());
            }
        }
    }

    fn line(&mut self, raw: &str, run: usize, line_no: usize, start: usize, end: usize) {
        if raw.is_empty() {
            return;
        }
        let Some(line) = split_line(raw, run) else {
            if raw.trim().is_empty() {
                return;
            }
            self.warn(
                line_no,
                format!("not a content line, ignored: {:?}", snippet(raw)),
            );
            return;
        };
        match line.kind {
            Name::Begin => self.begin(trim(line.value), line_no, start),
            Name::End => self.end(trim(line.value), line_no, end),
            _ => self.property(&line, line_no),
        }
    }

    fn begin(&mut self, name: &str, line_no: usize, start: usize) {
        let top = self.stack.last().map(|(c, _)| *c);
        if self.stack.is_empty() && !name.eq_ignore_ascii_case("VCALENDAR") {
            self.warn(line_no, format!("BEGIN:{name} outside VCALENDAR, skipped"));
            self.stack.push((Comp::Other, Cow::Owned(name.to_owned())));
            return;
        }
        if self.stack.len() >= MAX_DEPTH {
            self.warn(line_no, "components nested too deeply; skipped");
            self.stack.push((Comp::Other, Cow::Owned(name.to_owned())));
            return;
        }
        // A missing END:VEVENT shows up as a new VEVENT inside the open one.
        if top == Some(Comp::Event) && name.eq_ignore_ascii_case("VEVENT") {
            self.warn(
                line_no,
                "BEGIN:VEVENT inside VEVENT; missing END:VEVENT added",
            );
            self.stack.pop();
            self.close(Comp::Event, line_no, start);
        }
        let top = self.stack.last().map(|(c, _)| *c);
        let is = |n: &str| name.eq_ignore_ascii_case(n);
        let (comp, static_name) = match top {
            None if is("VCALENDAR") => {
                self.calendars_seen += 1;
                (Comp::Calendar, "VCALENDAR")
            }
            Some(Comp::Calendar) if is("VEVENT") => {
                // The start is a placeholder until DTSTART is read (`open.has_start`).
                self.events
                    .push(Event::new(String::new(), Time::Date(civil::Date::MIN)));
                self.open = OpenEvent {
                    line: line_no,
                    start,
                    has_start: false,
                };
                self.in_event = true;
                (Comp::Event, "VEVENT")
            }
            Some(Comp::Calendar) if is("VTIMEZONE") => {
                self.vtimezone = Some(VTimezone::default());
                (Comp::Timezone, "VTIMEZONE")
            }
            Some(Comp::Timezone) if is("STANDARD") || is("DAYLIGHT") => {
                let daylight = is("DAYLIGHT");
                self.observance = Some(PartialObservance {
                    daylight,
                    ..PartialObservance::default()
                });
                let name = if daylight { "DAYLIGHT" } else { "STANDARD" };
                (Comp::Observance, name)
            }
            _ if is("VALARM") => (Comp::Other, "VALARM"),
            _ => (Comp::Other, ""),
        };
        let name = if static_name.is_empty() {
            Cow::Owned(name.to_owned())
        } else {
            Cow::Borrowed(static_name)
        };
        self.stack.push((comp, name));
    }

    fn end(&mut self, name: &str, line_no: usize, end: usize) {
        let Some(depth) = self
            .stack
            .iter()
            .rposition(|(_, n)| n.eq_ignore_ascii_case(name))
        else {
            self.warn(line_no, format!("END:{name} without BEGIN, ignored"));
            return;
        };
        while self.stack.len() > depth + 1 {
            let (comp, open) = self.stack.pop().expect("stack deeper than depth");
            self.warn(
                line_no,
                format!("END:{name} closes {open} too; missing END:{open} added"),
            );
            self.close(comp, line_no, end);
        }
        let (comp, _) = self.stack.pop().expect("depth is in the stack");
        self.close(comp, line_no, end);
    }

    fn close(&mut self, comp: Comp, line_no: usize, end: usize) {
        match comp {
            Comp::Event => {
                if std::mem::take(&mut self.in_event) {
                    self.close_event(end);
                }
            }
            Comp::Observance => {
                if let Some(o) = self.observance.take() {
                    match (o.start, o.offset_from, o.offset_to) {
                        (Some(start), from, Some(to)) => {
                            if let Some(vtz) = self.vtimezone.as_mut() {
                                vtz.observances.push(Observance {
                                    daylight: o.daylight,
                                    start,
                                    offset_from: from.unwrap_or(to),
                                    offset_to: to,
                                    name: o.name,
                                    rrule: o.rrule,
                                    rdates: o.rdates,
                                });
                            }
                        }
                        _ => self.warn(
                            line_no,
                            "STANDARD/DAYLIGHT without DTSTART or TZOFFSETTO, ignored",
                        ),
                    }
                }
            }
            Comp::Timezone => {
                if let Some(vtz) = self.vtimezone.take() {
                    if vtz.tzid.is_empty() {
                        self.warn(line_no, "VTIMEZONE without TZID, ignored");
                    } else {
                        self.vtimezones.push(vtz);
                    }
                }
            }
            Comp::Calendar | Comp::Other => {}
        }
    }

    fn property(&mut self, line: &Line<'_>, line_no: usize) {
        match self.stack.last().map(|(c, _)| *c) {
            Some(Comp::Event) => self.event_property(line, line_no),
            Some(Comp::Calendar) => self.calendar_property(line),
            Some(Comp::Timezone) => {
                if line.kind == Name::Tzid
                    && let Some(vtz) = self.vtimezone.as_mut()
                {
                    vtz.tzid = trim(line.value).to_owned();
                }
            }
            Some(Comp::Observance) => self.observance_property(line, line_no),
            Some(Comp::Other) => {}
            None => {
                if !self.skipped_preamble {
                    self.skipped_preamble = true;
                    let message = if self.calendars_seen == 0 {
                        "text before BEGIN:VCALENDAR ignored"
                    } else {
                        "text after END:VCALENDAR ignored"
                    };
                    self.warn(line_no, message);
                }
            }
        }
    }

    fn calendar_property(&mut self, line: &Line<'_>) {
        if self.calendars_seen > 1 {
            return;
        }
        let slot = match line.kind {
            Name::Prodid => &mut self.calendar.prodid,
            Name::XWrCalname => &mut self.calendar.name,
            Name::XWrCaldesc => &mut self.calendar.description,
            Name::XWrTimezone => &mut self.calendar.timezone,
            _ => return,
        };
        if slot.is_none() {
            let value = unescape(line.value);
            *slot = Some(if line.kind == Name::XWrTimezone {
                trim(&value).to_owned()
            } else {
                value
            });
            if line.kind == Name::XWrTimezone {
                // Final when the database knows it; else resolved at the end (see `finish`).
                self.floating_zone = self.calendar.timezone.as_deref().and_then(known_tzid);
            }
        }
    }

    fn observance_property(&mut self, line: &Line<'_>, line_no: usize) {
        let name = line.name;
        let value = trim(line.value);
        let Some(o) = self.observance.as_mut() else {
            return;
        };
        match line.kind {
            Name::Dtstart => match parse_time_value(value, false) {
                Some(RawValue::DateTime(dt, _)) => o.start = Some(dt),
                Some(RawValue::Date(d)) => o.start = Some(d.to_datetime(civil::Time::midnight())),
                None => self.warn(line_no, format!("bad DTSTART {value:?} in VTIMEZONE")),
            },
            Name::TzoffsetFrom | Name::TzoffsetTo => match parse_utc_offset(value) {
                Some(off) if line.kind == Name::TzoffsetTo => o.offset_to = Some(off),
                Some(off) => o.offset_from = Some(off),
                None => self.warn(line_no, format!("bad {name} {value:?}")),
            },
            Name::Rdate => {
                for item in split_byte(value, b',') {
                    match parse_time_value(item, false) {
                        Some(RawValue::DateTime(dt, _)) => o.rdates.push(dt),
                        _ => {
                            self.warn(
                                line_no,
                                format!("bad RDATE {:?} in VTIMEZONE", snippet(item)),
                            );
                            return;
                        }
                    }
                }
            }
            Name::Tzname => o.name = Some(unescape(value)),
            Name::Rrule => {
                let mut rule = RRule::new(Freq::Yearly);
                let mut dropped = Vec::new();
                match read_rule(value, &mut rule, Some(&mut dropped)) {
                    Ok(()) => o.rrule = Some(rule),
                    Err(e) => self.warn(line_no, format!("bad RRULE in VTIMEZONE ({e}), ignored")),
                }
                self.warn_dropped(line_no, "RRULE in VTIMEZONE", dropped);
            }
            _ => {}
        }
    }

    fn event_property(&mut self, line: &Line<'_>, line_no: usize) {
        let name = line.name;
        match line.kind {
            Name::Dtstart | Name::Dtend | Name::RecurrenceId => {
                let Some(t) = self.time_value(line, line_no) else {
                    return;
                };
                if line.kind == Name::Dtstart {
                    self.open.has_start = true;
                }
                let ev = self.event();
                match line.kind {
                    Name::Dtstart => ev.start = t,
                    Name::Dtend => ev.end = Some(End::At(t)),
                    _ => {
                        ev.recurrence_id = Some(t);
                        ev.this_and_future = param(line.params, "RANGE")
                            .is_some_and(|r| r.eq_ignore_ascii_case("THISANDFUTURE"));
                    }
                }
            }
            Name::Duration => match parse_duration(trim(line.value)) {
                Some(span) => {
                    let ev = self.event();
                    // DTEND wins when both are present (it is the more common and explicit one).
                    if ev.end.is_none() {
                        ev.end = Some(End::Duration(span));
                    }
                }
                None => self.warn(
                    line_no,
                    format!("bad DURATION {:?}, ignored", snippet(line.value)),
                ),
            },
            Name::Rdate | Name::Exdate => self.multi_time(line, line_no, line.kind == Name::Rdate),
            Name::Rrule | Name::Exrule => {
                let ev = self.event();
                let rules = if line.kind == Name::Rrule {
                    &mut ev.rrules
                } else {
                    &mut ev.exrules
                };
                // Nearly every event has one rule: room for exactly one, not the four a first
                // push would make (a rule is a few hundred bytes, kept while served). The rule
                // is read in its slot, not moved there.
                rules.reserve_exact(1);
                rules.push(RRule::new(Freq::Daily));
                let slot = rules.last_mut().expect("just pushed");
                // Other people's rules are read leniently: a bad part is dropped, not the rule.
                let mut dropped = Vec::new();
                if let Err(e) = read_rule(trim(line.value), slot, Some(&mut dropped)) {
                    rules.pop();
                    if rules.is_empty() {
                        *rules = Vec::new(); // keep no room for a rule that never was
                    }
                    self.warn(line_no, format!("bad {name} ({e}), ignored"));
                } else {
                    let clamped = clamp_sub_minute(rules.last_mut().expect("read"));
                    self.warn_dropped(line_no, name, dropped);
                    if clamped {
                        self.warn(
                            line_no,
                            format!(
                                "{name} repeats more than once a minute: only its first \
                                 {MAX_SUB_MINUTE} instances are listed"
                            ),
                        );
                    }
                }
            }
            Name::Sequence => match trim(line.value).parse::<i64>() {
                Ok(n) => self.event().sequence = n,
                Err(_) => self.warn(
                    line_no,
                    format!("bad SEQUENCE {:?}, 0 used", snippet(line.value)),
                ),
            },
            Name::Status => {
                let v = trim(line.value);
                let status = if v.eq_ignore_ascii_case("CANCELLED") {
                    Status::Cancelled
                } else if v.eq_ignore_ascii_case("CONFIRMED") {
                    Status::Confirmed
                } else if v.eq_ignore_ascii_case("TENTATIVE") {
                    Status::Tentative
                } else {
                    self.warn(line_no, format!("unknown STATUS {:?}, ignored", snippet(v)));
                    return;
                };
                self.event().status = status;
            }
            Name::LastModified => match parse_time_value(trim(line.value), false) {
                // A floating LAST-MODIFIED is read as UTC, which it must be per the RFC.
                Some(RawValue::DateTime(dt, _)) => {
                    if let Ok(ts) = jiff::tz::TimeZone::UTC.to_timestamp(dt) {
                        self.event().last_modified = Some(ts);
                    }
                }
                _ => self.warn(
                    line_no,
                    format!("bad LAST-MODIFIED {:?}, ignored", snippet(line.value)),
                ),
            },
            Name::Uid => {
                let uid = trim(line.value);
                self.event().uid = if uid.len() > MAX_UID {
                    self.warn(
                        line_no,
                        format!("UID of {} bytes replaced by its digest", uid.len()),
                    );
                    // The same long UID gives the same digest: its overrides still match.
                    format!(
                        "long-uid-{:016x}@touchpoint",
                        fnv1a(FNV_OFFSET, uid.as_bytes())
                    )
                } else {
                    uid.to_owned()
                };
            }
            Name::Summary => {
                let text = self.capped(unescape(line.value), MAX_TITLE, name, line_no);
                self.event().summary = Some(text);
            }
            Name::Description => {
                let text = self.capped(unescape(line.value), MAX_DESCRIPTION, name, line_no);
                self.event().description = Some(text);
            }
            Name::Location => {
                let text = self.capped(unescape(line.value), MAX_TITLE, name, line_no);
                self.event().location = Some(text);
            }
            Name::Url => {
                let url = trim(line.value);
                if url.len() > MAX_URL {
                    self.warn(line_no, format!("URL longer than {MAX_URL} bytes, ignored"));
                } else {
                    self.event().url = Some(url.to_owned());
                }
            }
            Name::Organizer => {
                let cn = param(line.params, "CN").map(caret_decoded);
                let cn = cn.map(|cn| self.capped(cn, MAX_TITLE, name, line_no));
                let organizer = Organizer {
                    name: cn.filter(|cn| !cn.trim().is_empty()),
                    email: mailto(trim(line.value)).map(str::to_owned),
                };
                if organizer.name.is_some() || organizer.email.is_some() {
                    self.event().organizer = Some(Box::new(organizer));
                }
            }
            Name::Categories => {
                self.event().categories.extend(
                    split_unescaped_commas(line.value)
                        .map(unescape)
                        .filter(|c| !c.is_empty()),
                );
            }
            _ => {}
        }
    }

    /// How a TZID resolves, looked up once per distinct TZID.
    fn zone(&mut self, tzid: &str, line_no: usize) -> Zone {
        // An event's times almost always share one TZID: try the last one used first.
        if let Some((t, zone)) = self.tzids.get(self.last_tzid)
            && t == tzid
        {
            return zone.clone();
        }
        if let Some(i) = self.tzids.iter().position(|(t, _)| t == tzid) {
            self.last_tzid = i;
            return self.tzids[i].1.clone();
        }
        let zone = match known_tzid(tzid) {
            Some(tz) => Zone::Known(tz),
            None => {
                self.deferred.push(DeferredTzid {
                    tzid: tzid.to_owned(),
                    line: line_no,
                    placeholder: Tz {
                        name: Arc::from(tzid),
                        zone: jiff::tz::TimeZone::UTC,
                    },
                });
                Zone::Deferred(self.deferred.len() - 1)
            }
        };
        self.last_tzid = self.tzids.len();
        self.tzids.push((tzid.to_owned(), zone.clone()));
        zone
    }

    /// A value of the VEVENT being read as a model time. A time that may still change (floating,
    /// or in a TZID only the end of the file can resolve) puts the event on the fix-up list.
    fn time(&mut self, value: RawValue, tzid: Option<&str>, line_no: usize) -> Time {
        let dt = match value {
            RawValue::Date(d) => return Time::Date(d),
            RawValue::DateTime(dt, true) => return Time::Zoned(dt, Tz::utc()),
            RawValue::DateTime(dt, false) => dt,
        };
        let time = match tzid.map(|tzid| self.zone(tzid, line_no)) {
            Some(Zone::Known(tz)) => return Time::Zoned(dt, tz),
            Some(Zone::Deferred(i)) => Time::Zoned(dt, self.deferred[i].placeholder.clone()),
            None => match &self.floating_zone {
                Some(tz) => return Time::Zoned(dt, tz.clone()),
                None => Time::Floating(dt),
            },
        };
        let index = self.events.len() - 1;
        if self.fix_up.last() != Some(&index) {
            self.fix_up.push(index);
        }
        time
    }

    /// Close the VEVENT being read: drop it without DTSTART, note it when it has no UID.
    fn close_event(&mut self, end: usize) {
        let open = self.open;
        let index = self.events.len() - 1;
        if !open.has_start {
            let event = self.events.pop().expect("in VEVENT");
            if self.fix_up.last() == Some(&index) {
                self.fix_up.pop();
            }
            let uid = if event.uid.is_empty() {
                String::new()
            } else {
                format!("{:?} ", snippet(&event.uid))
            };
            self.warn(open.line, format!("VEVENT {uid}without DTSTART dropped"));
            return;
        }
        if self.events[index].uid.is_empty() {
            self.missing_uid.push((index, (open.start, end)));
        }
        if self.events[index].recurrence_id.is_some() {
            self.overrides.push((index, open.line));
        }
    }

    /// `text` cut to at most `max` bytes (at a character boundary, with an ellipsis), with a
    /// warning when it was longer.
    fn capped(&mut self, mut text: String, max: usize, name: &str, line_no: usize) -> String {
        if text.len() > max {
            self.warn(
                line_no,
                format!("{name} of {} bytes cut to {max}", text.len()),
            );
            let mut end = max - '…'.len_utf8();
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.truncate(end);
            text.push('…');
        }
        text
    }

    /// DTSTART, DTEND, RECURRENCE-ID: one date or date-time.
    fn time_value(&mut self, line: &Line<'_>, line_no: usize) -> Option<Time> {
        let [kind, tzid] = params_named(line.params, ["VALUE", "TZID"]);
        let is_date = kind.is_some_and(|v| v.eq_ignore_ascii_case("DATE"));
        let value = trim(line.value);
        match parse_time_value(value, is_date) {
            Some(v) => Some(self.time(v, tzid, line_no)),
            // An unquoted TZID holding a colon (`TZID=tzone://Microsoft/Utc:2024…`): the value
            // starts after the last colon.
            None if let Some(tzid) = tzid
                && let Some((more_tzid, rest)) = value.rsplit_once(':')
                && let Some(v) = parse_time_value(rest, is_date) =>
            {
                let tzid = format!("{tzid}:{more_tzid}");
                Some(self.time(v, Some(&tzid), line_no))
            }
            None => {
                self.warn(
                    line_no,
                    format!("bad {} value {:?}, ignored", line.name, snippet(value)),
                );
                None
            }
        }
    }

    /// RDATE and EXDATE: comma-separated lists, periods for RDATE;VALUE=PERIOD.
    fn multi_time(&mut self, line: &Line<'_>, line_no: usize, rdate: bool) {
        let [kind, tzid] = params_named(line.params, ["VALUE", "TZID"]);
        let is_date = kind.is_some_and(|v| v.eq_ignore_ascii_case("DATE"));
        let is_period = kind.is_some_and(|v| v.eq_ignore_ascii_case("PERIOD"));
        for item in split_byte(line.value, b',') {
            let item = trim(item);
            if item.is_empty() {
                continue;
            }
            // A period is recognised by its slash even without VALUE=PERIOD.
            if rdate && (is_period || item.as_bytes().contains(&b'/')) {
                let parsed = item.split_once('/').and_then(|(s, e)| {
                    let start = parse_time_value(s, false)?;
                    let end = if e.starts_with(['P', '+', '-', 'p']) {
                        RawEndValue::Duration(parse_duration(e)?)
                    } else {
                        RawEndValue::At(parse_time_value(e, false)?)
                    };
                    Some((start, end))
                });
                match parsed {
                    Some((start, end)) => {
                        let start = self.time(start, tzid, line_no);
                        let end = match end {
                            RawEndValue::At(v) => End::At(self.time(v, tzid, line_no)),
                            RawEndValue::Duration(s) => End::Duration(s),
                        };
                        let ev = self.event();
                        ev.rdates.push(RDate::Period(start, end));
                    }
                    None => self.warn(line_no, format!("bad RDATE period {:?}", snippet(item))),
                }
                continue;
            }
            match parse_time_value(item, is_date) {
                Some(v) => {
                    let t = self.time(v, tzid, line_no);
                    let ev = self.event();
                    if rdate {
                        ev.rdates.push(RDate::Time(t));
                    } else {
                        ev.exdates.push(t);
                    }
                }
                None => self.warn(
                    line_no,
                    format!("bad {} value {:?}, ignored", line.name, snippet(item)),
                ),
            }
        }
    }

    /// Resolve what only the whole file could resolve, and fix up the events that wait for it.
    fn finish(mut self, text: &str) -> Parsed {
        let last_line = self.last_line;
        let resolved: Vec<Option<Tz>> = self
            .deferred
            .iter()
            .map(|d| {
                let tz = resolve_tzid(&d.tzid, &self.vtimezones);
                if tz.is_none() {
                    self.warnings.push(
                        d.line,
                        format!(
                            "unknown TZID {:?} and no VTIMEZONE for it; its times are read as \
                             floating (local wall-clock) times",
                            snippet(&d.tzid)
                        ),
                    );
                }
                tz
            })
            .collect();
        let x_wr = match self.calendar.timezone.as_deref() {
            Some(name) if !name.is_empty() => {
                let tz = resolve_tzid(name, &self.vtimezones);
                if tz.is_none() {
                    self.warnings.push(
                        1,
                        format!("unknown X-WR-TIMEZONE {:?}, ignored", snippet(name)),
                    );
                }
                tz
            }
            _ => None,
        };
        let fixer = FixUp {
            deferred: &self.deferred,
            resolved: &resolved,
            floating: x_wr.as_ref(),
        };
        for &i in &self.fix_up {
            fixer.event(&mut self.events[i]);
        }
        for &(i, (start, end)) in &self.missing_uid {
            self.events[i].uid = generated_uid(&text[start..end.min(text.len())]);
        }
        if !self.overrides.is_empty() {
            self.drop_stale_overrides();
        }
        self.calendar.events = self.events;
        Parsed {
            calendar: self.calendar,
            warnings: self.warnings.finish(last_line),
        }
    }
}

impl Reader {
    /// Drops the overrides a later edit of their master excluded ([`stale_overrides`]), each
    /// with a warning at its `BEGIN:VEVENT`.
    fn drop_stale_overrides(&mut self) {
        // Only an override with a lower SEQUENCE than its master can be stale: when none is
        // lower than every master's, the grouping by UID is not needed (the common case).
        let newest_master = self
            .events
            .iter()
            .filter(|e| e.recurrence_id.is_none())
            .map(|e| e.sequence)
            .max();
        if newest_master.is_none_or(|newest| {
            self.overrides
                .iter()
                .all(|(i, _)| self.events[*i].sequence >= newest)
        }) {
            return;
        }
        let stale = stale_overrides(&self.events);
        if stale.is_empty() {
            return;
        }
        for &i in &stale {
            // Recorded as each override closed: in order of index.
            let line = self
                .overrides
                .binary_search_by_key(&i, |(e, _)| *e)
                .map_or(1, |at| self.overrides[at].1);
            let ev = &self.events[i];
            let rid = ev
                .recurrence_id
                .as_ref()
                .map(Time::to_json_string)
                .unwrap_or_default();
            let message = format!(
                "override of {:?} at {rid} (SEQUENCE {}) dropped: its series, rewritten later \
                 with a higher SEQUENCE, no longer has that occurrence",
                snippet(&ev.uid),
                ev.sequence
            );
            self.warnings.push(line, message);
        }
        let mut next = stale.iter().peekable();
        let mut index = 0;
        self.events.retain(|_| {
            let keep = next.next_if_eq(&&index).is_none();
            index += 1;
            keep
        });
    }
}

enum RawEndValue {
    At(RawValue),
    Duration(Span),
}

/// Resolves the times that waited for the end of the file: deferred TZIDs (a placeholder zone,
/// recognised by the identity of its name) and floating times under an X-WR-TIMEZONE.
struct FixUp<'r> {
    deferred: &'r [DeferredTzid],
    resolved: &'r [Option<Tz>],
    /// The X-WR-TIMEZONE zone, applied to floating date-times.
    floating: Option<&'r Tz>,
}

impl FixUp<'_> {
    fn event(&self, event: &mut Event) {
        self.time(&mut event.start);
        if let Some(End::At(t)) = &mut event.end {
            self.time(t);
        }
        for rdate in &mut event.rdates {
            match rdate {
                RDate::Time(t) => self.time(t),
                RDate::Period(t, end) => {
                    self.time(t);
                    if let End::At(t) = end {
                        self.time(t);
                    }
                }
            }
        }
        event.exdates.iter_mut().for_each(|t| self.time(t));
        if let Some(t) = &mut event.recurrence_id {
            self.time(t);
        }
    }

    fn time(&self, t: &mut Time) {
        let dt = match t {
            Time::Zoned(dt, tz) => {
                let Some(i) = self
                    .deferred
                    .iter()
                    .position(|d| Arc::ptr_eq(&d.placeholder.name, &tz.name))
                else {
                    return;
                };
                if let Some(tz) = &self.resolved[i] {
                    *t = Time::Zoned(*dt, tz.clone());
                    return;
                }
                *dt
            }
            Time::Floating(dt) => *dt,
            Time::Date(_) => return,
        };
        if let Some(tz) = self.floating {
            *t = Time::Zoned(dt, tz.clone());
        } else {
            *t = Time::Floating(dt);
        }
    }
}

/// A stable UID for an event that has none: FNV-1a over its text without DTSTAMP lines (which
/// change on every fetch), so the same event gets the same UID on every refresh.
fn generated_uid(event_text: &str) -> String {
    let mut hash = FNV_OFFSET;
    for line in event_text.lines() {
        let line = line.trim_end_matches('\r');
        // Bytes, not `str` slicing: byte 7 may fall inside a character of a hostile line.
        if line
            .as_bytes()
            .get(..7)
            .is_some_and(|name| name.eq_ignore_ascii_case(b"DTSTAMP"))
        {
            continue;
        }
        hash = fnv1a(fnv1a(hash, line.as_bytes()), b"\n");
    }
    let mut uid = String::with_capacity(40);
    let _ = write!(uid, "generated-{hash:016x}@touchpoint");
    uid
}

/// The physical line starting at `pos` (without its line ending) and the position after it.
#[inline]
fn physical_line(text: &str, pos: usize) -> (&str, usize) {
    let rest = &text[pos..];
    match memchr::memchr(b'\n', rest.as_bytes()) {
        Some(i) => {
            let line = &rest[..i];
            (line.strip_suffix('\r').unwrap_or(line), pos + i + 1)
        }
        None => (rest.strip_suffix('\r').unwrap_or(rest), text.len()),
    }
}

/// The length of the line's leading run of name characters (letters, digits, `-`): where a
/// property name ends, if the line is one. Found once per line, used by [`has_colon`] and,
/// as a starting point, by [`split_line`].
#[inline]
fn name_run(b: &[u8]) -> usize {
    /// Which bytes can be part of a property name: one load per byte instead of three ranges.
    static NAME_BYTE: [bool; 256] = {
        let mut table = [false; 256];
        let mut c = 0;
        while c < 256 {
            let b = c as u8;
            table[c] = b.is_ascii_alphanumeric() || b == b'-';
            c += 1;
        }
        table
    };
    b.iter()
        .position(|c| !NAME_BYTE[usize::from(*c)])
        .unwrap_or(b.len())
}

/// Whether a physical line holds a colon, given its [`name_run`]. Almost every line is `NAME:` or
/// `NAME;`, so the whole line is searched only when something else follows the name.
#[inline]
fn has_colon(line: &str, name: usize) -> bool {
    let b = line.as_bytes();
    match b.get(name) {
        Some(b':') => true,
        Some(_) => b[name + 1..].contains(&b':'),
        None => false,
    }
}

/// Whether the physical `line` (its [`name_run`] `name`, followed by the text at `next`) begins
/// a property: it holds a colon, or it begins as one does (a name, then nothing or `;`) and its
/// continuation lines bring the colon.
fn begins_property(text: &str, line: &str, name: usize, next: usize) -> bool {
    has_colon(line, name)
        || (name > 0
            && matches!(line.as_bytes().get(name), None | Some(b';'))
            && folded_colon(text, next))
}

/// Whether a colon follows on the continuation lines (indented by a space or a tab) starting at
/// `pos`: then the line before them, though it has no colon of its own, is a property folded
/// before its colon. Only asked for lines without a colon, which are rare.
fn folded_colon(text: &str, mut pos: usize) -> bool {
    let bytes = text.as_bytes();
    while matches!(bytes.get(pos), Some(b' ' | b'\t')) {
        let (line, next) = physical_line(text, pos);
        if line.contains(':') {
            return true;
        }
        pos = next;
    }
    false
}

/// Split `NAME;PARAM=…:value` at the first colon outside double quotes. `run` is a length of
/// leading bytes known to hold neither `;` nor `:` (the first physical line's [`name_run`]).
fn split_line(raw: &str, run: usize) -> Option<Line<'_>> {
    let bytes = raw.as_bytes();
    let run = run.min(bytes.len());
    let name_end = match bytes.get(run) {
        Some(b';' | b':') => run,
        _ => run + bytes[run..].iter().position(|b| *b == b';' || *b == b':')?,
    };
    let name = trim(&raw[..name_end]);
    if name.is_empty() {
        return None;
    }
    let name_start = name.as_ptr() as usize - raw.as_ptr() as usize;
    let i = match bytes[name_end] {
        b';' => unquoted(bytes, name_end, b':')?,
        _ => name_end,
    };
    Some(Line {
        kind: Name::of(bytes, name_start, name.len()),
        name,
        params: &raw[name_end..i],
        value: &raw[i + 1..],
    })
}

/// The first `target` at or after `from` outside double quotes.
#[inline]
fn unquoted(bytes: &[u8], from: usize, target: u8) -> Option<usize> {
    let mut i = from;
    loop {
        i += memchr::memchr2(target, b'"', &bytes[i..])?;
        if bytes[i] == target {
            return Some(i);
        }
        // An opening quote: skip to the closing one.
        i += 1 + memchr::memchr(b'"', &bytes[i + 1..])? + 1;
    }
}

/// A parameter value with RFC 6868's escapes read: `^'` a quote, `^n` a line break, `^^` a
/// caret (how a `CN` carries what a parameter cannot hold).
fn caret_decoded(value: &str) -> String {
    if !value.contains('^') {
        return value.to_owned();
    }
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '^' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\'') => out.push('"'),
            Some('n' | 'N') => out.push('\n'),
            Some('^') => out.push('^'),
            // Not an escape: both characters as written.
            Some(other) => {
                out.push('^');
                out.push(other);
            }
            None => out.push('^'),
        }
    }
    out
}

/// The address of a `mailto:` URI (scheme in any case), when it looks like one.
fn mailto(value: &str) -> Option<&str> {
    let scheme = value.get(..7)?;
    let address = value[7..].trim();
    (scheme.eq_ignore_ascii_case("mailto:")
        && address.contains('@')
        && address.len() <= MAX_URL
        && !address.contains(char::is_whitespace))
    .then_some(address)
}

/// The first value of parameter `name` in `;A=x;B="y:z"`, quotes removed.
fn param<'p>(params: &'p str, name: &str) -> Option<&'p str> {
    let [value] = params_named(params, [name]);
    value
}

/// The first value of each parameter in `names`, read in one pass over `params`.
fn params_named<'p, const N: usize>(params: &'p str, names: [&str; N]) -> [Option<&'p str>; N] {
    let mut found = [None; N];
    let bytes = params.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // At a ';': read the parameter name up to '='.
        let name_start = i + 1;
        let eq = memchr::memchr2(b'=', b';', &bytes[name_start..])
            .map_or(bytes.len(), |k| name_start + k);
        if eq >= bytes.len() || bytes[eq] == b';' {
            i = eq;
            continue;
        }
        // The value runs to the next ';' outside quotes.
        let j = unquoted(bytes, eq + 1, b';').unwrap_or(bytes.len());
        let pname = trim(&params[name_start..eq]);
        if let Some(k) = names.iter().position(|n| pname.eq_ignore_ascii_case(n))
            && found[k].is_none()
        {
            let value = trim(&params[eq + 1..j]);
            // Multi-valued parameters: the first value (commas inside quotes are kept).
            let (text, end) = match value.strip_prefix('"') {
                Some(rest) => (rest, b'"'),
                None => (value, b','),
            };
            let first = match text.bytes().position(|c| c == end) {
                Some(i) => &text[..i],
                None => text,
            };
            found[k] = Some(trim(first));
        }
        i = j;
    }
    found
}

/// A DATE or DATE-TIME as written, before any zone.
#[derive(Clone, Copy, Debug)]
enum RawValue {
    Date(civil::Date),
    /// The wall clock, and whether it ended in `Z`.
    DateTime(civil::DateTime, bool),
}

fn digits(b: &[u8]) -> Option<u32> {
    let mut n = 0u32;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(c - b'0');
    }
    Some(n)
}

/// `YYYYMMDD`, `YYYYMMDDTHHMMSS[Z]` (also tolerating `-` and `:` separators). A date-time
/// written where VALUE=DATE was declared keeps only its date.
fn parse_time_value(value: &str, is_date: bool) -> Option<RawValue> {
    let value = trim(value);
    match parse_basic_time_value(value.as_bytes(), is_date) {
        Some(parsed) => parsed,
        None => parse_any_time_value(value, is_date),
    }
}

/// [`parse_time_value`] for any form it accepts (the basic forms too, more slowly).
fn parse_any_time_value(value: &str, is_date: bool) -> Option<RawValue> {
    let cleaned: Cow<'_, str> = if value.bytes().any(|b| b == b'-' || b == b':') {
        Cow::Owned(value.chars().filter(|c| *c != '-' && *c != ':').collect())
    } else {
        Cow::Borrowed(value)
    };
    let b = cleaned.as_bytes();
    if b.len() < 8 {
        return None;
    }
    let year = digits(&b[0..4])?;
    let month = digits(&b[4..6])?;
    let day = digits(&b[6..8])?;
    let date = civil::Date::new(year as i16, month as i8, day as i8).ok()?;
    if b.len() == 8 {
        return Some(RawValue::Date(date));
    }
    if !b[8].eq_ignore_ascii_case(&b'T') {
        return None;
    }
    let (time, utc) = match &b[9..] {
        [t @ .., b'Z' | b'z'] => (t, true),
        t => (t, false),
    };
    if is_date {
        return Some(RawValue::Date(date));
    }
    let (h, m, s) = match time.len() {
        6 => (
            digits(&time[0..2])?,
            digits(&time[2..4])?,
            digits(&time[4..6])?,
        ),
        4 => (digits(&time[0..2])?, digits(&time[2..4])?, 0),
        _ => return None,
    };
    // Leap seconds (":60") are read as :59, as jiff has no leap seconds.
    let time = civil::Time::new(h as i8, m as i8, s.min(59) as i8, 0).ok()?;
    Some(RawValue::DateTime(date.to_datetime(time), utc))
}

/// The basic forms nearly every file writes, `YYYYMMDD` and `YYYYMMDDTHHMMSS[Z]`, read with
/// every digit checked at once; `None` for anything else, which [`parse_time_value`] then reads
/// the general way. `Some(None)` is a value of a basic form that is not a valid date or time.
#[inline]
fn parse_basic_time_value(b: &[u8], is_date: bool) -> Option<Option<RawValue>> {
    let (utc, len) = match b.len() {
        8 => (false, 8),
        15 => (false, 15),
        16 if matches!(b[15], b'Z' | b'z') => (true, 15),
        _ => return None,
    };
    // Each digit's value; a byte that is not a digit wraps to ≥ 10.
    let mut d = [0u8; 15];
    for (slot, byte) in d.iter_mut().zip(&b[..len]) {
        *slot = byte.wrapping_sub(b'0');
    }
    let date_ok = d[..8].iter().all(|x| *x < 10);
    let time_ok = len == 8 || (matches!(b[8], b'T' | b't') && d[9..15].iter().all(|x| *x < 10));
    if !(date_ok && time_ok) {
        return None;
    }
    let two = |i: usize| d[i] * 10 + d[i + 1];
    let year = i16::from(two(0)) * 100 + i16::from(two(2));
    let Ok(date) = civil::Date::new(year, two(4) as i8, two(6) as i8) else {
        return Some(None);
    };
    if len == 8 || is_date {
        return Some(Some(RawValue::Date(date)));
    }
    // Leap seconds (":60") are read as :59, as jiff has no leap seconds.
    let Ok(time) = civil::Time::new(two(9) as i8, two(11) as i8, two(13).min(59) as i8, 0) else {
        return Some(None);
    };
    Some(Some(RawValue::DateTime(date.to_datetime(time), utc)))
}

/// `+0100`, `-0500`, `+053000`.
fn parse_utc_offset(value: &str) -> Option<Offset> {
    let b = trim(value).as_bytes();
    let sign = match b.first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let rest = &b[1..];
    let (h, m, s) = match rest.len() {
        4 => (digits(&rest[0..2])?, digits(&rest[2..4])?, 0),
        6 => (
            digits(&rest[0..2])?,
            digits(&rest[2..4])?,
            digits(&rest[4..6])?,
        ),
        _ => return None,
    };
    if h > 25 || m > 59 || s > 59 {
        return None;
    }
    Offset::from_seconds(sign * (h * 3600 + m * 60 + s) as i32).ok()
}

/// RFC 5545 DURATION: `[+-]P[nW][nD][T[nH][nM][nS]]`, kept as nominal weeks/days and exact
/// hours/minutes/seconds.
pub(crate) fn parse_duration(value: &str) -> Option<Span> {
    let b = trim(value).as_bytes();
    let (negative, b) = match b.first()? {
        b'-' => (true, &b[1..]),
        b'+' => (false, &b[1..]),
        _ => (false, b),
    };
    let b = b.strip_prefix(b"P").or_else(|| b.strip_prefix(b"p"))?;
    let mut span = Span::new();
    let mut n: Option<i64> = None;
    let mut in_time = false;
    let mut any = false;
    for &c in b {
        match c {
            b'0'..=b'9' => {
                let d = i64::from(c - b'0');
                n = Some(n.unwrap_or(0).checked_mul(10)?.checked_add(d)?);
            }
            b'T' | b't' if n.is_none() && !in_time => in_time = true,
            _ => {
                let v = n.take()?;
                any = true;
                span = match (c.to_ascii_uppercase(), in_time) {
                    (b'W', false) => span.try_weeks(v).ok()?,
                    (b'D', false) => span.try_days(v).ok()?,
                    (b'H', true) => span.try_hours(v).ok()?,
                    (b'M', true) => span.try_minutes(v).ok()?,
                    (b'S', true) => span.try_seconds(v).ok()?,
                    _ => return None,
                };
            }
        }
    }
    if n.is_some() || !any {
        return None;
    }
    Some(if negative { span.negate() } else { span })
}

/// Split a TEXT list at commas that are not escaped.
fn split_unescaped_commas(value: &str) -> impl Iterator<Item = &str> {
    let bytes = value.as_bytes();
    let mut start = 0;
    let mut i = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => i += 2,
                b',' => {
                    let item = &value[start..i];
                    i += 1;
                    start = i;
                    return Some(item);
                }
                _ => i += 1,
            }
        }
        done = true;
        Some(&value[start.min(value.len())..])
    })
}

/// Unescape RFC 5545 TEXT: `\n` `\N` → newline, `\,` `\;` `\\` `\:` → the character.
pub(crate) fn unescape(value: &str) -> String {
    let bytes = value.as_bytes();
    let Some(first) = bytes.iter().position(|b| *b == b'\\') else {
        return value.to_owned();
    };
    let mut out = String::with_capacity(value.len());
    let mut copied = 0;
    let mut i = first;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        out.push_str(&value[copied..i]);
        match bytes.get(i + 1) {
            Some(b'n' | b'N') => {
                out.push('\n');
                i += 2;
            }
            // An escaped ASCII character stands for itself; before a multi-byte character the
            // backslash is dropped and the character kept whole.
            Some(c) if c.is_ascii() => {
                out.push(char::from(*c));
                i += 2;
            }
            Some(_) => i += 1,
            None => {
                out.push('\\');
                i += 1;
            }
        }
        copied = i;
    }
    out.push_str(&value[copied.min(value.len())..]);
    out
}

/// `str::trim` with an ASCII fast path: the Unicode walk is only needed when a non-ASCII
/// character (or a vertical tab, which `trim_ascii` keeps) sits at either end.
#[inline]
pub(crate) fn trim(s: &str) -> &str {
    let t = s.trim_ascii();
    match (t.as_bytes().first(), t.as_bytes().last()) {
        (Some(f), Some(l)) if !f.is_ascii() || !l.is_ascii() || *f == 0x0B || *l == 0x0B => {
            t.trim()
        }
        _ => t,
    }
}

/// At most 60 characters of `s`, for messages.
fn snippet(s: &str) -> &str {
    match s.char_indices().nth(60) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: Option<RawValue>, b: Option<RawValue>) -> bool {
        match (a, b) {
            (None, None) => true,
            (Some(RawValue::Date(x)), Some(RawValue::Date(y))) => x == y,
            (Some(RawValue::DateTime(x, u)), Some(RawValue::DateTime(y, v))) => x == y && u == v,
            _ => false,
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The fast path reads every value it takes exactly as the general reader does.
        #[test]
        fn can_read_basic_time_values_as_the_general_reader_does(
            value in "[0-9]{4}[01][0-9][0-3][0-9]([Tt][0-2][0-9][0-6][0-9][0-6][0-9][Zz]?)?|[0-9Tt:Zz-]{6,18}",
            is_date: bool,
        ) {
            let fast = parse_basic_time_value(value.as_bytes(), is_date);
            if let Some(fast) = fast {
                proptest::prop_assert!(same(fast, parse_any_time_value(&value, is_date)), "{value}");
            }
            proptest::prop_assert!(same(
                parse_time_value(&value, is_date),
                parse_any_time_value(&value, is_date)
            ));
        }
    }

    #[test]
    fn can_recognise_every_name_in_any_case_and_nothing_else() {
        for (text, name) in NAMES {
            let text = std::str::from_utf8(text).expect("ascii");
            let lower = text.to_ascii_lowercase();
            for written in [text.to_owned(), lower.clone()] {
                // Short line (read through a copy) and long line (read in place).
                let short = format!("{written}:");
                let long = format!("{written};X-LONG-PARAMETER=1:value");
                for line in [&short, &long] {
                    assert_eq!(Name::of(line.as_bytes(), 0, written.len()), name, "{line}");
                }
                let indented = format!("  {long}");
                assert_eq!(Name::of(indented.as_bytes(), 2, written.len()), name);
            }
            // One byte more or less is another name.
            let longer = format!("{text}X;A=1:value");
            assert_eq!(Name::of(longer.as_bytes(), 0, text.len() + 1), Name::Other);
            assert_ne!(Name::of(longer.as_bytes(), 0, text.len() - 1), name);
        }
        for other in [
            "DTSTAMP",
            "X-WR-RELCALID",
            "ATTENDEE",
            "ÉVÉNEMENT",
            "BEGINX",
            "",
        ] {
            let line = format!("{other}:value that is long enough");
            assert_eq!(
                Name::of(line.as_bytes(), 0, other.len()),
                Name::Other,
                "{other}"
            );
        }
    }

    #[test]
    fn can_read_quoted_parameters() {
        let line = split_line(
            r#"DTSTART;X-A="a:b;c";TZID="America/New_York":20240101T100000"#,
            0,
        )
        .expect("line");
        assert_eq!(line.name, "DTSTART");
        assert_eq!(line.value, "20240101T100000");
        assert_eq!(param(line.params, "TZID"), Some("America/New_York"));
        assert_eq!(param(line.params, "X-A"), Some("a:b;c"));
        assert_eq!(param(line.params, "VALUE"), None);
    }

    #[test]
    fn can_read_durations() {
        let span = parse_duration("P1W2DT3H4M5S").expect("duration");
        assert_eq!(span.get_weeks(), 1);
        assert_eq!(span.get_days(), 2);
        assert_eq!(span.get_hours(), 3);
        assert_eq!(span.get_minutes(), 4);
        assert_eq!(span.get_seconds(), 5);
        assert_eq!(parse_duration("-PT15M").expect("neg").get_minutes(), -15);
        assert!(parse_duration("P").is_none());
        assert!(parse_duration("PT1D").is_none());
        assert!(parse_duration("P99999999999999999999D").is_none());
    }

    #[test]
    fn can_split_escaped_lists() {
        let items: Vec<&str> = split_unescaped_commas(r"a\,b,c,,d\\").collect();
        assert_eq!(items, vec![r"a\,b", "c", "", r"d\\"]);
    }

    #[test]
    fn can_rejoin_a_character_split_by_a_fold() {
        let input = "SUMMARY:caf\u{e9}".as_bytes();
        let mut broken = input[..input.len() - 1].to_vec();
        broken.extend_from_slice(b"\r\n ");
        broken.push(input[input.len() - 1]);
        let fixed = rejoin_split_characters(&broken);
        assert_eq!(
            String::from_utf8(fixed).expect("utf8"),
            "SUMMARY:caf\u{e9}\r\n "
        );
    }
}
