//! Parsing and validating a community file: TOML → raw structs (per table, so one bad table
//! does not hide problems in the next) → typed [`Community`], collecting every problem as a
//! located [`Diagnostic`] instead of stopping at the first.
//!
//! Checks that need occurrences (is this exception date a real occurrence? do two series of a
//! group overlap?) run the calendar engine on the compiled series, with fixed windows derived
//! from the file itself, never from "now", so `check` gives the same answer every day.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;
use std::time::Duration;

use jiff::civil;
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{SignedDuration, Span, Timestamp, ToSpan};
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::value::Datetime;
use touchpoint_calendar::{
    Calendar, Limits, Occurrence, RRule, Status, Tz, Window, expand, feed_url, wall_to_instant,
};
use url::Url;

use crate::compile::{master_event, series_events};
use crate::diagnostic::{Diagnostic, LineIndex, Severity, closest};
use crate::lang::Lang;
use crate::model::{
    Announce, CalendarSource, Change, Channel, Community, Exception, Group, Info, JoinDefaults,
    JoinPolicy, JoinVisibility, Link, Location, Recurrence, Series, Target, Text,
    strip_prefix_ignore_case,
};
use crate::raw::{
    RawAnnounce, RawCalendar, RawChannel, RawCommunity, RawException, RawGroup, RawJoin, RawLink,
    RawSeries, RawText, Table,
};
use crate::repeat;

/// A community file that passed validation, and the warnings it still deserves.
#[derive(Clone, Debug)]
pub struct Checked {
    /// The typed community.
    pub community: Community,
    /// Problems that do not stop the file from working (e.g. a calendar followed twice).
    pub warnings: Vec<Diagnostic>,
}

/// Parse and validate a community file. Pure: no I/O and no clock.
///
/// On success, the community and any warnings; on failure, every diagnostic found (errors
/// and warnings), sorted by position. Never panics, whatever the input.
pub fn parse(source: &str) -> Result<Checked, Vec<Diagnostic>> {
    let mut cx = Cx {
        source,
        lines: LineIndex::new(source),
        diags: Vec::new(),
        invalid: HashSet::new(),
        lang: Lang::default(),
        join_policies: HashSet::new(),
    };
    let community = cx.community();
    let mut diags = cx.diags;
    diags.sort_by_key(|d| (d.span.start, d.severity));
    match community {
        Some(community) if !diags.iter().any(Diagnostic::is_error) => Ok(Checked {
            community,
            warnings: diags,
        }),
        _ => Err(diags),
    }
}

const TOP_KEYS: [&str; 5] = ["community", "series", "groups", "calendars", "announce"];

/// How many years of occurrences the overlap check compares, from the later series' `first`.
const OVERLAP_YEARS: i64 = 2;

/// Bounds for the engine runs inside validation: generous for real meetings, small enough
/// that a hostile rule cannot make `check` slow.
/// How many years after `first` [`Cx::barren_rule`] looks for a second date.
const BARREN_YEARS: i64 = 8;

fn limits() -> Limits {
    Limits {
        max_candidates_per_event: 200_000,
        max_occurrences_per_event: 20_000,
    }
}

struct Cx<'s> {
    source: &'s str,
    /// Line starts of `source`, computed once: every diagnostic and every "first one is on
    /// line N" looks its line up here instead of rescanning the text.
    lines: LineIndex,
    diags: Vec<Diagnostic>,
    /// The keys whose value had the wrong type (already reported): the start of their table's
    /// span and their name.
    invalid: HashSet<(usize, String)>,
    /// The file's default language (`[community] language`), which plain-string texts are in;
    /// known once `[community]` is read, which is before any other table's texts.
    lang: Lang,
    /// The join policies made so far, each held once however many series share it.
    join_policies: HashSet<Arc<JoinPolicy>>,
}

/// A position for an id, to mention the first one when a duplicate shows up.
struct Seen {
    line: usize,
}

/// Where a kept `[[series.exceptions]]` entry is: the line of its `date`, to name it in another
/// entry's diagnostic, and its `move_to` value, if any, to point at.
struct ExceptionPlace {
    key_line: usize,
    move_to: Option<Range<usize>>,
}

/// What a `move_to` lands on that the series already has at that time.
enum Landing<'a> {
    /// A regular meeting, neither cancelled nor moved away.
    Regular,
    /// Another exception's meeting (a move's new time, an extra), with the line of its `date`.
    Entry(&'a Exception, usize),
}

impl Landing<'_> {
    /// The message and the hint for moving the `moved` meeting to `to` onto this.
    fn words(&self, series: &Series, moved: civil::Date, to: civil::DateTime) -> (String, String) {
        let when = format!("{} {}", to.date(), to.strftime("%H:%M"));
        match self {
            Landing::Regular => (
                format!(
                    "`move_to` puts the {moved} meeting at {when}, when series \"{}\" already meets",
                    series.id
                ),
                format!(
                    "the regular {0} meeting is at that time too, so pages and feeds would show \
                     two; pick another date or time, or if the {0} meeting does not take place \
                     as usual, cancel or move it as well",
                    to.date()
                ),
            ),
            Landing::Entry(other, line) => {
                let (there, fix) = if matches!(other.change, Change::Extra(_)) {
                    (
                        format!("the extra meeting of {} is", other.date),
                        "or drop the extra",
                    )
                } else {
                    (
                        format!("the {} meeting is moved too", other.date),
                        "or cancel one of them",
                    )
                };
                (
                    format!(
                        "`move_to` puts the {moved} meeting at {when}, where {there} (line {line})"
                    ),
                    format!(
                        "pages and feeds would show two meetings at that time; pick another date \
                         or time, {fix}"
                    ),
                )
            }
        }
    }
}

impl<'s> Cx<'s> {
    /// Report an error; `code` is one of the stable codes listed in docs/ci.md.
    fn error(
        &mut self,
        code: &'static str,
        span: Range<usize>,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        self.report(Severity::Error, code, span, message, hint);
    }

    /// Report a warning; `code` is one of the stable codes listed in docs/ci.md.
    fn warning(
        &mut self,
        code: &'static str,
        span: Range<usize>,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        self.report(Severity::Warning, code, span, message, hint);
    }

    fn report(
        &mut self,
        severity: Severity,
        code: &'static str,
        span: Range<usize>,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        let mut d = Diagnostic::located(severity, self.source, &self.lines, span, message);
        d.code = code;
        d.hint = hint;
        self.diags.push(d);
    }

    fn line_of(&self, offset: usize) -> usize {
        self.lines.line(offset)
    }

    // ---- TOML level -------------------------------------------------------------------------

    fn community(&mut self) -> Option<Community> {
        let (root, errors) = DeTable::parse_recoverable(self.source);
        if !errors.is_empty() {
            for e in errors {
                let span = e.span().unwrap_or(0..0);
                self.error(
                    "toml-syntax",
                    span,
                    format!("TOML syntax: {}", e.message().trim()),
                    Some("see https://toml.io for the syntax; strings need double quotes".into()),
                );
            }
            return None;
        }
        let root = root.into_inner();
        let mut raw_community = None;
        let mut community_seen = false;
        let mut raw_series = Vec::new();
        let mut raw_groups = Vec::new();
        let mut raw_calendars = Vec::new();
        let mut raw_announce = Vec::new();
        // By value: each entry's document is dropped once it is read, so a big file's parsed
        // document and its typed copy are not both held whole.
        for (key, value) in root {
            match key.get_ref().as_ref() {
                "community" => {
                    community_seen = true;
                    let span = value.span();
                    raw_community = self
                        .deserialize::<RawCommunity>(Table::Community, value)
                        .map(|raw| (raw, span));
                }
                "series" => raw_series = self.array::<RawSeries>(Table::Series, "series", value),
                "groups" => raw_groups = self.array::<RawGroup>(Table::Group, "groups", value),
                "calendars" => {
                    raw_calendars = self.array::<RawCalendar>(Table::Calendar, "calendars", value);
                }
                "announce" => {
                    raw_announce = self.array::<RawAnnounce>(Table::Announce, "announce", value);
                }
                other => {
                    let hint = did_you_mean(other, TOP_KEYS.iter().copied());
                    self.error(
                        "unknown-key",
                        key.span(),
                        format!("unknown key `{other}` at the top level"),
                        Some(hint.unwrap_or_else(|| {
                            "the file has [community], [[series]], [[groups]], [[calendars]] and [[announce]]"
                                .into()
                        })),
                    );
                }
            }
        }
        if !community_seen {
            self.error(
                "missing-table",
                0..0,
                "the [community] table is missing",
                Some(
                    "start the file with:\n[community]\nname = \"...\"\ntimezone = \"UTC\"".into(),
                ),
            );
        }
        // A broken [community] table must not hide the problems of the entries after it: check
        // everything, then give up if any part failed.
        let info = raw_community.and_then(|(raw, span)| self.info(raw, span));
        let uid_domain = info
            .as_ref()
            .and_then(|info| info.url.as_deref())
            .and_then(url_host)
            .unwrap_or_else(|| "touchpoint.local".to_owned());
        let uid_domain: Arc<str> = uid_domain.into();

        let community_join = info
            .as_ref()
            .map(|info| info.join.clone())
            .unwrap_or_default();
        let groups = self.groups(raw_groups);
        let series = self.all_series(raw_series, &uid_domain, &groups, &community_join);
        let calendars = self.calendars(raw_calendars, &community_join);
        let announce = self.announce(
            raw_announce,
            info.as_ref().map(|info| &info.timezone),
            &series,
            &groups,
            &calendars,
        );
        let info = info?;
        // Collected anew and exact: mapped in place, each vector would keep the larger
        // allocation of the (item, span) pairs it was read into, for as long as the site runs.
        let mut series: Vec<Series> = series.into_iter().map(|(s, _)| s).collect();
        series.shrink_to_fit();
        let mut groups: Vec<Group> = groups.into_iter().map(|(g, _)| g).collect();
        groups.shrink_to_fit();
        let community = Community {
            info,
            series,
            groups,
            calendars,
            announce,
        };
        Some(community)
    }

    /// `[[name]]`: an array of tables, each deserialized on its own.
    fn array<T: DeserializeOwned>(
        &mut self,
        kind: Table,
        name: &str,
        value: Spanned<DeValue<'_>>,
    ) -> Vec<(T, Range<usize>)> {
        let span = value.span();
        let DeValue::Array(items) = value.into_inner() else {
            self.error(
                "wrong-type",
                span,
                format!("`{name}` must be an array of tables"),
                Some(format!("write each entry under its own [[{name}]] header")),
            );
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let span = item.span();
            if let Some(t) = self.deserialize::<T>(kind, item) {
                out.push((t, span));
            }
        }
        out
    }

    /// Deserialize one table of kind `kind`, reporting every problem in it: each unknown key
    /// (with a "did you mean"), found in one walk over the parsed TOML against the keys serde
    /// knows, and each value of the wrong type. A bad value reads as missing, so the table's
    /// other keys are still checked. `None` when the value is not a table of that kind.
    fn deserialize<T: DeserializeOwned>(
        &mut self,
        kind: Table,
        mut value: Spanned<DeValue<'_>>,
    ) -> Option<T> {
        self.unknown_keys(kind, &value);
        // serde stops at the first value of the wrong type: report it, drop its key and read
        // the rest again. Each round drops a key, so this ends within the number of keys.
        loop {
            let err = match T::deserialize(ValueDeserializer::from(value.clone())) {
                Ok(t) => return Some(t),
                Err(err) => err,
            };
            let span = err.span().unwrap_or_else(|| value.span());
            let hint = type_hint::<T>(&value, &span);
            self.error("wrong-type", span.clone(), err.message().trim(), hint);
            let (table, key) = remove_at(&mut value, &span)?;
            self.invalid.insert((table.start, key));
        }
    }

    /// Report every key of `value` (a table of kind `kind`) and of the tables inside it that
    /// the kind does not know.
    fn unknown_keys(&mut self, kind: Table, value: &Spanned<DeValue<'_>>) {
        let DeValue::Table(table) = value.get_ref() else {
            return;
        };
        let known = kind.keys();
        for (key, value) in table {
            let name: &str = key.get_ref();
            if !known.contains(&name) {
                let hint = did_you_mean(name, known.iter().copied())
                    .unwrap_or_else(|| format!("known keys here: {}", known.join(", ")));
                self.error(
                    "unknown-key",
                    key.span(),
                    format!("unknown key `{name}`"),
                    Some(hint),
                );
            } else if let Some(child) = kind.child(name) {
                match value.get_ref() {
                    DeValue::Array(items) => {
                        for item in items {
                            self.unknown_keys(child, item);
                        }
                    }
                    _ => self.unknown_keys(child, value),
                }
            }
        }
    }

    /// Whether `key` of the table at `table` had a value of the wrong type (reported, and read
    /// as missing): the checks that its absence would fail stay quiet.
    fn invalid(&self, table: &Range<usize>, key: &str) -> bool {
        self.invalid.contains(&(table.start, key.to_owned()))
    }

    /// A key every table of its kind has: `None` when it is missing, which is reported at the
    /// table. A key whose value had the wrong type was reported as that, not again here.
    fn required<V>(&mut self, value: Option<V>, key: &str, table: &Range<usize>) -> Option<V> {
        if value.is_none() && !self.invalid(table, key) {
            self.error(
                "missing-key",
                table.clone(),
                format!("missing key `{key}`"),
                Some(format!("add {key} = ... to this table")),
            );
        }
        value
    }

    // ---- [community] ------------------------------------------------------------------------

    fn info(&mut self, mut raw: RawCommunity, table: Range<usize>) -> Option<Info> {
        let join = self.join_defaults(raw.take_join());
        let (language, languages) = self.languages(raw.language, raw.languages);
        self.lang = language;
        let name = self.required(raw.name, "name", &table);
        let timezone = self.required(raw.timezone, "timezone", &table);
        let name = name.map(|name| {
            let span = name.span();
            (self.text(name, "name"), span)
        });
        if let Some((name, span)) = &name
            && name.trim().is_empty()
        {
            self.error(
                "empty-value",
                span.clone(),
                "the community name is empty",
                None,
            );
        }
        let timezone = timezone.and_then(|tz| self.timezone(&tz));
        if let Some(url) = &raw.url
            && url_host(url.get_ref()).is_none()
        {
            self.error(
                "invalid-url",
                url.span(),
                format!("`{}` is not an http(s) URL", url.get_ref()),
                Some(
                    "write the public page's address, e.g. \"https://example.org/meetings/\""
                        .into(),
                ),
            );
        }
        let links = raw.links.into_iter().map(|l| self.link(l)).collect();
        let description = raw.description.map(|d| self.text(d, "description"));
        Some(Info {
            name: name?.0,
            description,
            timezone: timezone?,
            language,
            languages,
            url: raw.url.map(Spanned::into_inner),
            links,
            join,
        })
    }

    /// `language` and `languages`: the default language and the languages offered, the
    /// default first. Unknown tags are reported (with the exact tag when the language is one
    /// Touchpoint speaks under another spelling) and left out.
    fn languages(
        &mut self,
        language: Option<Spanned<String>>,
        languages: Option<Spanned<Vec<Spanned<String>>>>,
    ) -> (Lang, Vec<Lang>) {
        let default = language
            .as_ref()
            .and_then(|tag| self.lang_tag(tag, "language"))
            .unwrap_or_default();
        let Some(languages) = languages else {
            let mut all = vec![default];
            all.extend(Lang::ALL.into_iter().filter(|l| *l != default));
            return (default, all);
        };
        let span = languages.span();
        let mut offered = vec![default];
        let mut listed = false;
        for tag in languages.into_inner() {
            let Some(lang) = self.lang_tag(&tag, "languages") else {
                continue;
            };
            listed |= lang == default;
            if !offered.contains(&lang) {
                offered.push(lang);
            }
        }
        if !listed {
            self.error(
                "unknown-value",
                span,
                format!(
                    "`languages` does not offer the default language \"{}\"",
                    default.tag()
                ),
                Some(format!("add \"{}\" to the list", default.tag())),
            );
        }
        (default, offered)
    }

    /// The language of an exact tag, or an `unknown-language` error pointing at it.
    fn lang_tag(&mut self, tag: &Spanned<String>, key: &str) -> Option<Lang> {
        let text = tag.get_ref();
        if let Some(lang) = Lang::from_tag(text) {
            return Some(lang);
        }
        let known: Vec<String> = Lang::ALL
            .iter()
            .map(|l| format!("\"{}\"", l.tag()))
            .collect();
        let hint = match Lang::parse(text) {
            Some(lang) => format!("write \"{}\" ({})", lang.tag(), lang.autonym()),
            None => format!("the languages Touchpoint speaks: {}", known.join(", ")),
        };
        self.error(
            "unknown-language",
            tag.span(),
            format!("`{key}`: \"{text}\" is not a language tag Touchpoint knows"),
            Some(hint),
        );
        None
    }

    /// A text for people: a plain string is in the default language; a table by language needs
    /// the default language's value and known tags.
    fn text(&mut self, raw: Spanned<RawText>, key: &str) -> Text {
        let span = raw.span();
        let default = self.lang;
        let (text, has_default) = raw
            .into_inner()
            .into_text(default, |tag| self.lang_tag(tag, key));
        // A value of the wrong type was reported, and taken out: not missing.
        let had_bad_value = self.invalid.iter().any(|(table, _)| *table == span.start);
        if !has_default && !had_bad_value {
            self.error(
                "missing-language",
                span,
                format!(
                    "`{key}` has no value in the default language \"{}\"",
                    default.tag()
                ),
                Some(format!(
                    "add {} = \"…\": it is shown where no other language's value is",
                    toml_key(default.tag())
                )),
            );
        }
        text
    }

    fn timezone(&mut self, name: &Spanned<String>) -> Option<Tz> {
        let tz = Tz::iana(name.get_ref().trim());
        if tz.is_none() {
            let suggestions = crate::suggest_zones(name.get_ref());
            let hint = if suggestions.is_empty() {
                "use an IANA time zone name such as \"UTC\", \"Europe/Berlin\" or \"America/New_York\""
                    .to_owned()
            } else {
                format!("did you mean {}?", quote_list(&suggestions))
            };
            self.error(
                "unknown-zone",
                name.span(),
                format!("unknown time zone \"{}\"", name.get_ref()),
                Some(hint),
            );
        } else if let Some((why, meant)) = crate::zones::fixed_offset_trap(name.get_ref()) {
            let hint = match meant {
                [] => "for a place's clock write its city's zone (Area/City, e.g. \"Asia/Karachi\"); keep this name only for a fixed offset".to_owned(),
                meant => format!(
                    "for a place's clock write its city's zone, e.g. {}; keep \"{}\" only for a fixed offset",
                    quote_list(&meant.iter().map(|&z| z.to_owned()).collect::<Vec<_>>()),
                    name.get_ref().trim()
                ),
            };
            self.warning("fixed-offset-zone", name.span(), why, Some(hint));
        }
        tz
    }

    fn check_id(&mut self, kind: &str, id: &Spanned<String>, seen: &mut HashMap<String, Seen>) {
        let text = id.get_ref();
        let valid = !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid {
            self.error(
                "invalid-id",
                id.span(),
                format!("{kind} id \"{text}\" may only use a-z, 0-9 and -"),
                Some(format!("e.g. \"{}\"", slug(text))),
            );
        }
        if let Some(first) = seen.get(text) {
            self.error(
                "duplicate-id",
                id.span(),
                format!("duplicate {kind} id \"{text}\""),
                Some(format!(
                    "the first {kind} with this id is on line {}; ids must be unique",
                    first.line
                )),
            );
        } else {
            let line = self.line_of(id.span().start);
            seen.insert(text.clone(), Seen { line });
        }
    }

    // ---- [[groups]] ---------------------------------------------------------------------------

    fn groups(&mut self, raws: Vec<(RawGroup, Range<usize>)>) -> Vec<(Group, Range<usize>)> {
        let mut seen = HashMap::new();
        raws.into_iter()
            .map(|(mut raw, span)| {
                let join = self.join_defaults(raw.take_join());
                let id = self.required(raw.id, "id", &span);
                let title = self.required(raw.title, "title", &span);
                if let Some(id) = &id {
                    self.check_id("group", id, &mut seen);
                }
                let title = title.map(|t| self.text(t, "title"));
                let description = raw.description.map(|d| self.text(d, "description"));
                let group = Group {
                    id: id.map(Spanned::into_inner).unwrap_or_default(),
                    title: title.unwrap_or_default(),
                    description,
                    repository: raw.repository.map(|l| self.link(l)),
                    mailing_list: raw.mailing_list.map(|l| self.link(l)),
                    chat: raw.chat.map(|c| self.channel(c)),
                    calendar: raw.calendar.map(|c| self.channel(c)),
                    join,
                };
                (group, span)
            })
            .collect()
    }

    // ---- [[series]] ---------------------------------------------------------------------------

    fn all_series(
        &mut self,
        raws: Vec<(RawSeries, Range<usize>)>,
        uid_domain: &Arc<str>,
        groups: &[(Group, Range<usize>)],
        community_join: &JoinDefaults,
    ) -> Vec<(Series, Option<Spanned<String>>)> {
        let mut seen = HashMap::new();
        let mut out = Vec::new();
        for (mut raw, table) in raws {
            let join = self.join_defaults(raw.take_join());
            if let Some(id) = &raw.id {
                self.check_id("series", id, &mut seen);
            }
            if let Some(group) = &raw.group
                && !groups.iter().any(|(g, _)| &g.id == group.get_ref())
            {
                let known: Vec<String> = groups.iter().map(|(g, _)| g.id.clone()).collect();
                let hint = match did_you_mean(group.get_ref(), known.iter().map(String::as_str)) {
                    Some(h) => h,
                    None if known.is_empty() => "no [[groups]] are defined".to_owned(),
                    None => format!("known groups: {}", quote_list(&known)),
                };
                self.error(
                    "unknown-reference",
                    group.span(),
                    format!("series points at unknown group \"{}\"", group.get_ref()),
                    Some(hint),
                );
            }
            let group_span = raw.group.clone();
            let rrule_span = raw.rrule.as_ref().map(Spanned::span);
            let id_span = raw.id.as_ref().map_or(table.clone(), Spanned::span);
            if let Some(mut series) = self.series(raw, table, uid_domain) {
                let group_join = series
                    .group
                    .as_deref()
                    .and_then(|id| groups.iter().find(|(g, _)| g.id == id))
                    .map(|(g, _)| &g.join);
                let visibility = [Some(&join), group_join, Some(community_join)]
                    .into_iter()
                    .flatten()
                    .find_map(|d| d.visibility)
                    .unwrap_or_default();
                let what = format!("series \"{}\"", series.id);
                series.join_policy = self.join_policy(
                    visibility,
                    &[Some(&join), group_join, Some(community_join)],
                    (&what, id_span),
                );
                if let Some(span) = rrule_span {
                    self.barren_rule(&series, span);
                }
                out.push((series, group_span));
            }
        }
        self.overlaps(&out);
        out
    }

    fn series(
        &mut self,
        mut raw: RawSeries,
        table: Range<usize>,
        uid_domain: &Arc<str>,
    ) -> Option<Series> {
        let id = self.required(raw.id.take(), "id", &table);
        let title = self
            .required(raw.title.take(), "title", &table)
            .map(|t| self.text(t, "title"));
        let description = raw.description.take().map(|d| self.text(d, "description"));
        let timezone = self.required(raw.timezone.take(), "timezone", &table);
        let start_raw = self.required(raw.start.take(), "start", &table);
        let duration = self.required(raw.duration.take(), "duration", &table);
        let first_raw = self.required(raw.first.take(), "first", &table);
        // Where to point, and what to call the series, when its id is missing.
        let (id_text, id_span) = id.as_ref().map_or((String::new(), table.clone()), |id| {
            (id.get_ref().clone(), id.span())
        });
        // Every occurrence repeats the series' text in pages, feeds and the API: the same
        // bounds as feeds' text, which the reader cuts (touchpoint_calendar::parse).
        for (what, text, max) in [
            (
                "title",
                title.as_ref(),
                touchpoint_calendar::parse::MAX_TITLE,
            ),
            (
                "description",
                description.as_ref(),
                touchpoint_calendar::parse::MAX_DESCRIPTION,
            ),
        ] {
            // Every language's value is the title somewhere.
            let longest = text.and_then(|t| t.all().map(|(_, value)| value.len()).max());
            if let Some(len) = longest.filter(|len| *len > max) {
                self.error(
                    "too-long",
                    id_span.clone(),
                    format!(
                        "series \"{id_text}\" has a {what} of {len} bytes; at most {max} are allowed"
                    ),
                    Some(format!("shorten the {what}; link to longer text instead")),
                );
            }
        }
        let timezone = timezone.and_then(|tz| self.timezone(&tz));
        let start = start_raw.as_ref().and_then(|s| self.local_time(s));
        let duration = duration.and_then(|d| self.duration(&d));
        let recurrence = self.recurrence(&raw, &table, (&id_text, &id_span));
        let first = first_raw.as_ref().and_then(|f| self.date(f, "first"));
        let last = raw.last.as_ref().and_then(|l| self.date(l, "last"));
        if let (Some(first), Some(last), Some(raw_last)) = (first, last, &raw.last)
            && first > last
        {
            self.error(
                "last-before-first",
                raw_last.span(),
                format!("`last` ({last}) is before `first` ({first})"),
                Some("`last` is the last date the meeting may happen on, inclusive".into()),
            );
        }
        if let (Some(recurrence), Some(first), Some(first_raw)) = (&recurrence, first, &first_raw)
            && let Err(reason) = repeat::check_first(recurrence, first)
        {
            let what = raw
                .repeat
                .as_ref()
                .map(|r| format!("\"{}\"", r.get_ref()))
                .unwrap_or_else(|| "the rrule".to_owned());
            self.error(
                "first-not-an-occurrence",
                first_raw.span(),
                format!("`first` ({first}) is not a date that {what} produces"),
                Some(format!(
                    "{reason}; set `first` to the date of the first real meeting"
                )),
            );
        }
        let (id, title, timezone, start, duration, recurrence, first) = (
            id?,
            title?,
            timezone?,
            start?,
            duration?,
            recurrence?,
            first?,
        );
        if let Some((message, hint)) = gap(&timezone, first.to_datetime(start)) {
            self.error(
                "nonexistent-time",
                start_raw.map_or(id_span, |s| s.span()),
                message,
                Some(hint),
            );
        }
        let mut series = Series {
            id: id.into_inner(),
            title,
            description,
            timezone,
            start,
            duration,
            recurrence,
            first,
            last,
            join: self.url(raw.join),
            agenda: self.url(raw.agenda),
            notes: self.url(raw.notes),
            recordings: self.url(raw.recordings),
            group: raw.group.map(Spanned::into_inner),
            join_policy: Arc::default(),
            exceptions: Vec::new(),
            uid_domain: Arc::clone(uid_domain),
        };
        let mut exceptions = Vec::new();
        let mut places = Vec::new();
        let mut dates: HashMap<civil::Date, usize> = HashMap::new();
        for raw_exception in raw.exceptions {
            let span = raw_exception.span();
            let move_to = raw_exception.get_ref().move_to.as_ref().map(Spanned::span);
            if let Some(exception) = self.exception(&series, raw_exception.into_inner(), span) {
                let key_line = self.line_of(exception.1.start);
                if !matches!(exception.0.change, Change::Extra(_)) {
                    if let Some(line) = dates.get(&exception.0.date) {
                        self.error(
                            "duplicate-exception",
                            exception.1.clone(),
                            format!("a second exception for {}", exception.0.date),
                            Some(format!(
                                "the first one is on line {line}; put everything for one date in one entry"
                            )),
                        );
                        continue;
                    }
                    dates.insert(exception.0.date, key_line);
                }
                exceptions.push(exception.0);
                places.push(ExceptionPlace { key_line, move_to });
            }
        }
        series.exceptions = exceptions;
        self.moves_onto_meetings(&series, &places);
        Some(series)
    }

    /// A `move_to` onto a time the series already meets at — a regular meeting that is not
    /// cancelled or moved away, another move's new time, an extra — would publish two
    /// identical meetings at once (the override and the other one: pages list both, calendar
    /// clients show both). Whoever moves a meeting onto next week's slot almost certainly
    /// meant another date, so it is an error, as an extra at a regular time is. Reported at
    /// the `move_to` (the later one of two moves), naming the other meeting.
    fn moves_onto_meetings(&mut self, series: &Series, places: &[ExceptionPlace]) {
        let zone = &series.timezone.zone;
        // One meeting is one instant; a wall clock past the end of jiff's range (the last day
        // of year 9999) has none, and stands for itself.
        let at = |local: civil::DateTime| -> Result<Timestamp, civil::DateTime> {
            zone.to_ambiguous_timestamp(local)
                .compatible()
                .map_err(|_| local)
        };
        // The regular meetings that do not take place at their own time.
        let taken_away: HashSet<_> = series
            .exceptions
            .iter()
            .filter(|e| matches!(e.change, Change::Cancel(_) | Change::Move(_)))
            .map(|e| at(series.start_on(e.date)))
            .collect();
        // The meetings the exceptions add, by time: the first entry adding it and the first
        // extra adding it (indices into the exceptions).
        let mut added: HashMap<_, (usize, Option<usize>)> = HashMap::new();
        for (i, e) in series.exceptions.iter().enumerate() {
            let (start, extra) = match e.change {
                Change::Move(to) => (at(to), false),
                Change::Extra(time) => (at(e.date.to_datetime(time)), true),
                Change::None | Change::Cancel(_) => continue,
            };
            let first = added.entry(start).or_insert((i, None));
            if extra {
                first.1 = first.1.or(Some(i));
            }
        }
        // Each day's regular meetings, expanded once however many moves land on it.
        let master = Calendar {
            events: vec![master_event(series)],
            ..Calendar::default()
        };
        let mut days: HashMap<civil::Date, Vec<_>> = HashMap::new();
        for (i, exception) in series.exceptions.iter().enumerate() {
            let (Change::Move(to), Some(span)) = (&exception.change, &places[i].move_to) else {
                continue;
            };
            let target = at(*to);
            let regular = !taken_away.contains(&target)
                && days
                    .entry(to.date())
                    .or_insert_with(|| {
                        let starts = regular_starts_in(&master, to.date()).unwrap_or_default();
                        starts.into_iter().map(at).collect()
                    })
                    .contains(&target);
            // Another move counts when it comes first in the file, so a pair is reported once;
            // an extra wherever it is.
            let other = added.get(&target).and_then(
                |&(first, extra)| {
                    if first < i { Some(first) } else { extra }
                },
            );
            let landing = if regular {
                Landing::Regular
            } else if let Some(j) = other {
                Landing::Entry(&series.exceptions[j], places[j].key_line)
            } else {
                continue;
            };
            let (message, hint) = landing.words(series, exception.date, *to);
            self.error("duplicate-occurrence", span.clone(), message, Some(hint));
        }
    }

    /// An `rrule` that never ends but produces no date after `first` — `BYMONTH=2;BYMONTHDAY=30`,
    /// `BYDAY=MO;BYMONTHDAY=31;BYMONTH=4` — would show one meeting and then nothing, silently.
    /// Looked for over [`BARREN_YEARS`] after `first` (long enough for leap days and week 53);
    /// a rule that ends (`COUNT`, `UNTIL`, `last`) may rightly produce nothing more.
    fn barren_rule(&mut self, series: &Series, span: Range<usize>) {
        let Recurrence::Rrule(rule) = &series.recurrence else {
            return;
        };
        if rule.count.is_some() || rule.until.is_some() || series.last.is_some() {
            return;
        }
        let Some(from) = series.first.tomorrow().ok() else {
            return;
        };
        let Ok(to) = from.checked_add(BARREN_YEARS.years()) else {
            return;
        };
        let window = Window {
            start: from.to_datetime(civil::Time::midnight()),
            end: to.to_datetime(civil::Time::midnight()),
            zone: None,
        };
        let calendar = Calendar {
            events: vec![master_event(series)],
            ..Calendar::default()
        };
        let expansion = expand(&calendar, &window, &limits());
        // A rule cut short by the limits did produce candidates: nothing can be said.
        if expansion.occurrences.is_empty() && expansion.truncated.is_empty() {
            self.error(
                "barren-rule",
                span,
                format!(
                    "this rrule produces no date after `first` ({}): none in the {BARREN_YEARS} years after it",
                    series.first
                ),
                Some(
                    "its parts exclude each other, e.g. BYMONTH=2;BYMONTHDAY=30 names a day that \
                     never exists; check BYMONTH, BYMONTHDAY, BYDAY and BYSETPOS together"
                        .into(),
                ),
            );
        }
    }

    fn local_time(&mut self, raw: &Spanned<String>) -> Option<civil::Time> {
        let text = raw.get_ref().trim();
        let parsed = (text.len() == 5 || text.len() == 8)
            .then(|| text.parse::<civil::Time>().ok())
            .flatten();
        if parsed.is_none() {
            self.error(
                "invalid-time",
                raw.span(),
                format!("\"{}\" is not a local time", raw.get_ref()),
                Some("write 24-hour HH:MM, e.g. \"17:00\"".into()),
            );
        }
        parsed
    }

    fn duration(&mut self, raw: &Spanned<String>) -> Option<Span> {
        let hint = "write a duration such as \"1h\", \"90m\" or \"1h30m\"";
        match raw.get_ref().trim().parse::<Span>() {
            Ok(span) if span.is_positive() && fits_in_a_month(span) => Some(span),
            Ok(_) => {
                self.error(
                    "invalid-duration",
                    raw.span(),
                    format!(
                        "duration \"{}\" must be more than zero and at most 31 days",
                        raw.get_ref()
                    ),
                    Some(hint.into()),
                );
                None
            }
            Err(e) => {
                self.error(
                    "invalid-duration",
                    raw.span(),
                    format!("\"{}\" is not a duration: {e}", raw.get_ref()),
                    Some(hint.into()),
                );
                None
            }
        }
    }

    /// The series' `repeat` or `rrule`; `id` names the series and where it is.
    fn recurrence(
        &mut self,
        raw: &RawSeries,
        table: &Range<usize>,
        (id, id_span): (&str, &Range<usize>),
    ) -> Option<Recurrence> {
        match (&raw.repeat, &raw.rrule) {
            (Some(_), Some(rrule)) => {
                self.error(
                    "conflicting-keys",
                    rrule.span(),
                    "a series has `repeat` or `rrule`, not both",
                    Some("keep `repeat` for the friendly forms, `rrule` for anything else".into()),
                );
                None
            }
            (None, None) if self.invalid(table, "repeat") || self.invalid(table, "rrule") => None,
            (None, None) => {
                self.error(
                    "missing-recurrence",
                    id_span.clone(),
                    format!("series \"{id}\" says neither `repeat` nor `rrule`"),
                    Some(format!(
                        "add e.g. repeat = \"weekly on Thursday\"; the forms are:\n{}",
                        repeat::FORMS
                    )),
                );
                None
            }
            (Some(phrase), None) => match repeat::parse_phrase(phrase.get_ref()) {
                Ok(r) => Some(r),
                Err(e) => {
                    self.error(
                        "invalid-repeat",
                        phrase.span(),
                        format!("cannot read repeat: {e}"),
                        Some(format!("the forms are:\n{}", repeat::FORMS)),
                    );
                    None
                }
            },
            (None, Some(text)) => {
                let body = text.get_ref().trim();
                let body = strip_prefix_ignore_case(body, "RRULE:").unwrap_or(body);
                match body.parse::<RRule>() {
                    Ok(rule) => {
                        if touchpoint_calendar::parse::repeats_sub_minute(&rule) {
                            self.error(
                                "invalid-rrule",
                                text.span(),
                                "the rrule repeats more than once a minute",
                                Some(
                                    "no meeting does; feeds read such a rule only for its \
                                     first 1000 dates. Use FREQ=DAILY, WEEKLY or MONTHLY"
                                        .into(),
                                ),
                            );
                            return None;
                        }
                        if raw.last.is_some() && (rule.until.is_some() || rule.count.is_some()) {
                            self.error(
                                "conflicting-keys",
                                text.span(),
                                "the rrule has UNTIL or COUNT and the series also has `last`",
                                Some("keep one way of ending the series".into()),
                            );
                            return None;
                        }
                        Some(Recurrence::Rrule(rule))
                    }
                    Err(e) => {
                        self.error(
                            "invalid-rrule",
                            text.span(),
                            format!("cannot parse the RRULE: {e}"),
                            Some("RFC 5545 form, e.g. \"FREQ=MONTHLY;BYDAY=1WE\"".into()),
                        );
                        None
                    }
                }
            }
        }
    }

    fn date(&mut self, raw: &Spanned<Datetime>, what: &str) -> Option<civil::Date> {
        let dt = raw.get_ref();
        let date = match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => {
                civil::Date::new(d.year as i16, d.month as i8, d.day as i8).ok()
            }
            _ => None,
        };
        if date.is_none() {
            self.error(
                "invalid-date",
                raw.span(),
                format!("`{what}` must be a local date"),
                Some(format!("write {what} = 2026-01-08 (no time, no quotes)")),
            );
        }
        date
    }

    fn datetime(&mut self, raw: &Spanned<Datetime>, what: &str) -> Option<civil::DateTime> {
        let dt = raw.get_ref();
        let value = match (dt.date, dt.time, dt.offset) {
            (Some(d), Some(t), None) => civil::DateTime::new(
                d.year as i16,
                d.month as i8,
                d.day as i8,
                t.hour as i8,
                t.minute as i8,
                t.second.unwrap_or(0) as i8,
                0,
            )
            .ok(),
            _ => None,
        };
        if value.is_none() {
            self.error(
                "invalid-datetime",
                raw.span(),
                format!("`{what}` must be a local date-time in the series' zone"),
                Some(format!(
                    "write {what} = 2027-01-08T15:00:00 (no offset, no quotes)"
                )),
            );
        }
        value
    }

    fn exception(
        &mut self,
        series: &Series,
        raw: RawException,
        span: Range<usize>,
    ) -> Option<(Exception, Range<usize>)> {
        let date_raw = self.required(raw.date, "date", &span)?;
        let date = self.date(&date_raw, "date")?;
        let actions = [
            raw.cancel.as_ref().map(Spanned::span),
            raw.move_to.as_ref().map(Spanned::span),
            raw.extra.as_ref().map(Spanned::span),
        ];
        if actions.iter().flatten().count() > 1 {
            let second = actions.iter().flatten().nth(1).cloned().unwrap_or(span);
            self.error(
                "conflicting-keys",
                second,
                "an exception does one of `cancel`, `move_to` or `extra`",
                Some("split it into separate [[series.exceptions]] entries".into()),
            );
            return None;
        }
        if let Some(time) = &raw.time
            && !raw.extra.as_ref().is_some_and(|e| *e.get_ref())
        {
            self.error(
                "conflicting-keys",
                time.span(),
                "`time` only goes with `extra = true`",
                Some("to change one meeting's time, use move_to = 2027-01-08T15:00:00".into()),
            );
            return None;
        }
        let change = if let Some(reason) = raw.cancel {
            Change::Cancel(reason.into_inner())
        } else if let Some(to) = &raw.move_to {
            let to = self.datetime(to, "move_to")?;
            if let Some((message, hint)) = gap(&series.timezone, to) {
                self.error(
                    "nonexistent-time",
                    raw.move_to.as_ref().map_or(span.clone(), Spanned::span),
                    message,
                    Some(hint),
                );
                return None;
            }
            Change::Move(to)
        } else if let Some(extra) = &raw.extra {
            if !*extra.get_ref() {
                self.error(
                    "invalid-value",
                    extra.span(),
                    "`extra = false` means nothing",
                    Some("remove the line, or write extra = true".into()),
                );
                return None;
            }
            let time = match &raw.time {
                Some(t) => self.local_time(t)?,
                None => series.start,
            };
            Change::Extra(time)
        } else if raw.agenda.is_none() && raw.notes.is_none() && raw.recording.is_none() {
            // A change whose value had the wrong type was reported as that.
            if ["cancel", "move_to", "extra", "agenda", "notes", "recording"]
                .iter()
                .any(|key| self.invalid(&span, key))
            {
                return None;
            }
            self.error(
                "empty-exception",
                span,
                format!("the exception for {date} changes nothing"),
                Some("give cancel = \"reason\", move_to = ..., extra = true, or agenda/notes/recording links".into()),
            );
            return None;
        } else {
            Change::None
        };

        let regular = regular_starts_on(series, date);
        match (&change, regular) {
            (_, Err(())) => {}
            (Change::Extra(time), Ok(starts)) if starts.contains(&date.to_datetime(*time)) => {
                self.error(
                    "exception-date",
                    date_raw.span(),
                    format!(
                        "{date} at {} is already a regular occurrence",
                        time.strftime("%H:%M")
                    ),
                    Some("an extra adds a meeting; give another date or `time`".into()),
                );
                return None;
            }
            // An extra on a day without a regular meeting is what extras are for.
            (Change::Extra(_), Ok(_)) => {}
            (_, Ok(starts)) if starts.is_empty() => {
                self.error(
                    "exception-date",
                    date_raw.span(),
                    format!(
                        "{date} is not a regular occurrence of series \"{}\"",
                        series.id
                    ),
                    Some(format!(
                        "{date} is a {}; the series meets \"{}\" from {}{}",
                        repeat::weekday_name(date.weekday()),
                        series.cadence(),
                        series.first,
                        series.last.map(|l| format!(" to {l}")).unwrap_or_default(),
                    )),
                );
                return None;
            }
            _ => {}
        }
        Some((
            Exception {
                date,
                change,
                agenda: self.url(raw.agenda),
                notes: self.url(raw.notes),
                recording: self.url(raw.recording),
            },
            date_raw.span(),
        ))
    }

    /// Two series of one group must not overlap in the two years from the later `first`.
    fn overlaps(&mut self, all: &[(Series, Option<Spanned<String>>)]) {
        // Only series of one group are compared, so bucket them by group first: comparing
        // every pair of the file would be quadratic in the number of series.
        let mut by_group: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, (series, _)) in all.iter().enumerate() {
            if let Some(group) = &series.group {
                by_group.entry(group.as_str()).or_default().push(i);
            }
        }
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for members in by_group.values() {
            for (k, &i) in members.iter().enumerate() {
                pairs.extend(members[k + 1..].iter().map(|&j| (i, j)));
            }
        }
        // The order of the all-pairs walk, so diagnostics at one span keep their order.
        pairs.sort_unstable();
        for (i, j) in pairs {
            let (a, (b, b_group)) = (&all[i].0, &all[j]);
            let (Some(ga), Some(b_group)) = (&a.group, b_group) else {
                continue;
            };
            if let Some((oa, ob)) = first_overlap(a, b) {
                let show = |s: &Series, o: &Occurrence| {
                    format!(
                        "{} {}–{} {}",
                        o.start.civil().date(),
                        o.start.civil().strftime("%H:%M"),
                        o.end.civil().strftime("%H:%M"),
                        s.timezone.name
                    )
                };
                self.error(
                    "overlap",
                    b_group.span(),
                    format!(
                        "series \"{}\" and \"{}\" of group \"{ga}\" overlap, first on {}",
                        a.id,
                        b.id,
                        ob.start.civil().date()
                    ),
                    Some(format!(
                        "\"{}\": {}; \"{}\": {}; move one of them, or cancel or move that date with an exception",
                        a.id,
                        show(a, &oa),
                        b.id,
                        show(b, &ob)
                    )),
                );
            }
        }
    }

    // ---- [[calendars]] ------------------------------------------------------------------------

    fn calendars(
        &mut self,
        raws: Vec<(RawCalendar, Range<usize>)>,
        community_join: &JoinDefaults,
    ) -> Vec<CalendarSource> {
        let mut seen = HashMap::new();
        let mut sources: HashMap<String, (String, usize)> = HashMap::new();
        let mut out = Vec::new();
        for (mut raw, table) in raws {
            let join = self.join_defaults(raw.take_join());
            let id = self.required(raw.id, "id", &table);
            let name = self.required(raw.name, "name", &table);
            if let Some(id) = &id {
                self.check_id("calendar", id, &mut seen);
            }
            let (id_text, id_span) = id.as_ref().map_or((String::new(), table.clone()), |id| {
                (id.get_ref().clone(), id.span())
            });
            let location = match (&raw.url, &raw.path) {
                (Some(_), Some(path)) => {
                    self.error(
                        "conflicting-keys",
                        path.span(),
                        "a calendar has `url` or `path`, not both",
                        Some(
                            "`url` for a feed on the web, `path` for a file next to this one"
                                .into(),
                        ),
                    );
                    None
                }
                (None, None) if self.invalid(&table, "url") || self.invalid(&table, "path") => None,
                (None, None) => {
                    self.error(
                        "missing-location",
                        id_span.clone(),
                        format!("calendar \"{id_text}\" has neither `url` nor `path`"),
                        Some(
                            "add url = \"https://.../basic.ics\" or path = \"calendars/name.ics\""
                                .into(),
                        ),
                    );
                    None
                }
                (Some(url), None) => {
                    let text = url.get_ref().trim();
                    if let Ok(fetched) = feed_url(text) {
                        self.url_secrets(url);
                        Some((
                            Location::Url(text.to_owned()),
                            normalise_url(&fetched),
                            url.span(),
                        ))
                    } else {
                        self.error(
                            "invalid-url",
                            url.span(),
                            format!("calendar url \"{}\" is not http, https or webcal", url.get_ref()),
                            Some("e.g. \"https://calendar.google.com/calendar/ical/<id>/public/basic.ics\"; for a local file use `path`".into()),
                        );
                        None
                    }
                }
                (None, Some(path)) => {
                    let text = path.get_ref().trim();
                    if text.is_empty() {
                        self.error(
                            "empty-value",
                            path.span(),
                            "the calendar path is empty",
                            None,
                        );
                        None
                    } else {
                        self.path_outside(path);
                        let key = format!("path:{}", text.strip_prefix("./").unwrap_or(text));
                        Some((Location::Path(text.to_owned()), key, path.span()))
                    }
                }
            };
            if let Some(colour) = &raw.colour
                && !is_colour(colour.get_ref())
            {
                self.error(
                    "invalid-colour",
                    colour.span(),
                    format!("\"{}\" is not a CSS hex colour", colour.get_ref()),
                    Some("write #rgb or #rrggbb, e.g. \"#6f42c1\"".into()),
                );
            }
            let refresh = match &raw.refresh {
                None => Some(CalendarSource::DEFAULT_REFRESH),
                Some(r) => self.refresh(r),
            };
            // An outside calendar's links are near-start unless it says: the community's
            // `join_visibility` is about its own series.
            let what = format!("calendar \"{id_text}\"");
            let join_policy = self.join_policy(
                join.visibility.unwrap_or(JoinVisibility::NearStart),
                &[Some(&join), Some(community_join)],
                (&what, id_span.clone()),
            );
            let Some((location, key, location_span)) = location else {
                continue;
            };
            if let Some((first_id, line)) = sources.get(&key) {
                self.warning(
                    "duplicate-calendar",
                    location_span,
                    format!("calendar \"{id_text}\" is the same source as calendar \"{first_id}\""),
                    Some(format!(
                        "line {line} already follows it; its events would show twice (a copy-paste slip?)"
                    )),
                );
            } else {
                let line = self.line_of(location_span.start);
                sources.insert(key, (id_text.clone(), line));
            }
            if let (Some(refresh), Some(id), Some(name)) = (refresh, id, name) {
                out.push(CalendarSource {
                    id: id.into_inner(),
                    name,
                    location,
                    colour: raw.colour.map(Spanned::into_inner),
                    refresh,
                    join_policy,
                });
            }
        }
        out
    }

    /// Warn about secrets in a calendar's URL: they are never published (the pages and the API
    /// show the URL without them), but the file is often public in git.
    fn url_secrets(&mut self, url: &Spanned<String>) {
        let secrets = Location::Url(url.get_ref().trim().to_owned()).url_secrets();
        if secrets.is_empty() {
            return;
        }
        let what: Vec<&str> = secrets.iter().map(|s| s.describe()).collect();
        self.warning(
            "secret-in-url",
            url.span(),
            format!("this calendar url holds {}", what.join(" and ")),
            Some(
                "touchpoint never publishes it (pages and API show the url without it), but \
                 anyone who can read this file can; keep the file private or use a public feed"
                    .into(),
            ),
        );
    }

    // ---- [[announce]] -------------------------------------------------------------------------

    fn announce(
        &mut self,
        raws: Vec<(RawAnnounce, Range<usize>)>,
        community_zone: Option<&Tz>,
        series: &[(Series, Option<Spanned<String>>)],
        groups: &[(Group, Range<usize>)],
        calendars: &[CalendarSource],
    ) -> Vec<Announce> {
        let mut seen = HashMap::new();
        let mut out = Vec::new();
        for (raw, table) in raws {
            let id = self.required(raw.id.clone(), "id", &table);
            if let Some(id) = &id {
                self.check_id("announce", id, &mut seen);
            }
            let target = self.target(&raw, &table);
            let leads = match &raw.leads {
                None => Announce::DEFAULT_LEADS.to_vec(),
                Some(leads) => leads
                    .get_ref()
                    .iter()
                    .filter_map(|l| self.lead(l))
                    .collect(),
            };
            let changes_days = match &raw.changes_days {
                None => Some(Announce::DEFAULT_CHANGES_DAYS),
                Some(days) => {
                    let ok = u32::try_from(*days.get_ref())
                        .ok()
                        .filter(|d| (1..=366).contains(d));
                    if ok.is_none() {
                        self.error(
                            "out-of-range",
                            days.span(),
                            format!("changes_days {} is not 1 to 366", days.get_ref()),
                            Some("how many days ahead a change is announced, e.g. 14".into()),
                        );
                    }
                    ok
                }
            };
            // `Some(None)`: a digest was asked for but is invalid (reported).
            let digest = raw.digest.as_ref().map(|d| self.digest(d));
            let digest = match digest {
                None => Some(None),
                Some(Some(digest)) => Some(Some(digest)),
                Some(None) => None,
            };
            let zones: Vec<Tz> = match &raw.zones {
                None => community_zone.cloned().into_iter().collect(),
                Some(zones) => zones.iter().filter_map(|z| self.timezone(z)).collect(),
            };
            let series_ids: Vec<&str> = series.iter().map(|(s, _)| s.id.as_str()).collect();
            let group_ids: Vec<&str> = groups.iter().map(|(g, _)| g.id.as_str()).collect();
            let calendar_ids: Vec<&str> = calendars.iter().map(|c| c.id.as_str()).collect();
            let series_filter = self.references("series", raw.series.as_deref(), &series_ids);
            let groups_filter = self.references("group", raw.groups.as_deref(), &group_ids);
            let calendars_filter =
                self.references("calendar", raw.calendars.as_deref(), &calendar_ids);
            if let (Some(id), Some(target), Some(changes_days), Some(digest)) =
                (id, target, changes_days, digest)
            {
                out.push(Announce {
                    id: id.into_inner(),
                    target,
                    leads,
                    changes: raw.changes.is_none_or(Spanned::into_inner),
                    changes_days,
                    digest,
                    zones,
                    series: series_filter,
                    groups: groups_filter,
                    calendars: calendars_filter,
                });
            }
        }
        out
    }

    /// The channel's kind and the keys it needs; keys of another kind are errors, so a `to`
    /// on a Slack channel is not silently ignored.
    fn target(&mut self, raw: &RawAnnounce, table: &Range<usize>) -> Option<Target> {
        const KINDS: [&str; 5] = ["slack", "discord", "matrix", "webhook", "email"];
        let kind = self.required(raw.kind.clone(), "kind", table)?;
        let name = kind.get_ref().trim();
        if !KINDS.contains(&name) {
            let hint = did_you_mean(name, KINDS.iter().copied())
                .unwrap_or_else(|| format!("the kinds are {}", KINDS.join(", ")));
            self.error(
                "unknown-value",
                kind.span(),
                format!("unknown announce kind \"{name}\""),
                Some(hint),
            );
            return None;
        }
        let keys: [(&str, &Option<Spanned<String>>); 9] = [
            ("to", &raw.to),
            ("from", &raw.from),
            ("smtp_url_env", &raw.smtp_url_env),
            ("url_env", &raw.url_env),
            ("homeserver", &raw.homeserver),
            ("room", &raw.room),
            ("token_env", &raw.token_env),
            ("secret_env", &raw.secret_env),
            ("ca_file", &raw.ca_file),
        ];
        let wanted: &[&str] = match name {
            "slack" | "discord" => &["url_env"],
            "webhook" => &["url_env", "secret_env"],
            "matrix" => &["homeserver", "room", "token_env"],
            _ => &["to", "from", "smtp_url_env", "ca_file"],
        };
        for (key, value) in keys {
            if let Some(value) = value
                && !wanted.contains(&key)
            {
                self.error(
                    "inapplicable-key",
                    value.span(),
                    format!("`{key}` does not apply to a {name} channel"),
                    Some(format!("a {name} channel takes {}", wanted.join(", "))),
                );
            }
        }
        let need = |cx: &mut Self, key: &str, value: &Option<Spanned<String>>| {
            cx.required(value.clone(), key, table)
        };
        let env = |cx: &mut Self, value: Option<Spanned<String>>| -> Option<String> {
            let value = value?;
            let text = value.get_ref().trim();
            let valid = text
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_uppercase() || c == '_')
                && text
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
            if !valid {
                cx.error(
                    "invalid-env-name",
                    value.span(),
                    format!("\"{text}\" is not the name of an environment variable"),
                    Some(
                        "name the variable that holds the secret, e.g. \"SLACK_WEBHOOK_URL\"; \
                         never put the secret itself in this file"
                            .into(),
                    ),
                );
                return None;
            }
            Some(text.to_owned())
        };
        let address = |cx: &mut Self, value: Option<Spanned<String>>| -> Option<String> {
            let value = value?;
            let text = value.get_ref().trim();
            let valid = text
                .split_once('@')
                .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
                && !text.contains(char::is_whitespace);
            if !valid {
                cx.error(
                    "invalid-email",
                    value.span(),
                    format!("\"{text}\" is not an email address"),
                    Some("e.g. \"community@lists.example.org\"".into()),
                );
                return None;
            }
            Some(text.to_owned())
        };
        match name {
            "slack" | "discord" => {
                let url_env = need(self, "url_env", &raw.url_env);
                let url_env = env(self, url_env)?;
                Some(if name == "slack" {
                    Target::Slack { url_env }
                } else {
                    Target::Discord { url_env }
                })
            }
            "webhook" => {
                let url_env = need(self, "url_env", &raw.url_env);
                let secret_env = need(self, "secret_env", &raw.secret_env);
                let (url_env, secret_env) = (env(self, url_env), env(self, secret_env));
                Some(Target::Webhook {
                    url_env: url_env?,
                    secret_env: secret_env?,
                })
            }
            "matrix" => {
                let homeserver = need(self, "homeserver", &raw.homeserver);
                let room = need(self, "room", &raw.room);
                let token_env = need(self, "token_env", &raw.token_env);
                let token_env = env(self, token_env);
                let homeserver = homeserver.and_then(|h| {
                    let ok = url_host(h.get_ref().trim()).is_some();
                    if !ok {
                        self.error(
                            "invalid-url",
                            h.span(),
                            format!("homeserver \"{}\" is not an http(s) URL", h.get_ref()),
                            Some("e.g. \"https://matrix.example.org\"".into()),
                        );
                    }
                    ok.then(|| h.get_ref().trim().to_owned())
                });
                let room = room.and_then(|r| {
                    let text = r.get_ref().trim();
                    // `!opaque:server`, or since room version 12 `!opaque` alone.
                    let ok = text.len() > 1
                        && text.starts_with('!')
                        && !text.contains(char::is_whitespace);
                    if !ok {
                        self.error(
                            "invalid-room-id",
                            r.span(),
                            format!("\"{text}\" is not a Matrix room id"),
                            Some(
                                "a room id starts with `!` (Element: room settings, Advanced); \
                                 an alias such as #room:example.org is not a room id"
                                    .into(),
                            ),
                        );
                    }
                    ok.then(|| text.to_owned())
                });
                Some(Target::Matrix {
                    homeserver: homeserver?,
                    room: room?,
                    token_env: token_env?,
                })
            }
            _ => {
                let to = need(self, "to", &raw.to);
                let from = need(self, "from", &raw.from);
                let smtp_url_env = need(self, "smtp_url_env", &raw.smtp_url_env);
                let (to, from) = (address(self, to), address(self, from));
                let smtp_url_env = env(self, smtp_url_env);
                Some(Target::Email {
                    to: to?,
                    from: from?,
                    smtp_url_env: smtp_url_env?,
                    ca_file: raw.ca_file.as_ref().map(|c| c.get_ref().trim().to_owned()),
                })
            }
        }
    }

    /// A reminder lead: `"24h"`, `"90m"`, `"2d"` (days of 24 hours); more than zero, at most
    /// 31 days.
    fn lead(&mut self, raw: &Spanned<String>) -> Option<SignedDuration> {
        let text = raw.get_ref().trim();
        let parsed = match text.strip_suffix('d').map(str::parse::<i64>) {
            Some(Ok(days)) => days.checked_mul(86_400).map(SignedDuration::from_secs),
            _ => text.parse::<SignedDuration>().ok(),
        }
        .filter(|d| d.is_positive() && *d <= SignedDuration::from_hours(31 * 24));
        if parsed.is_none() {
            self.error(
                "invalid-duration",
                raw.span(),
                format!("lead \"{text}\" is not a duration from 1 minute to 31 days"),
                Some("write e.g. \"24h\", \"1h\", \"30m\" or \"2d\"".into()),
            );
        }
        parsed
    }

    /// The weekly digest: `"monday 09:00"`, in the community's zone. `None` inside when bad.
    fn digest(&mut self, raw: &Spanned<String>) -> Option<(civil::Weekday, civil::Time)> {
        let text = raw.get_ref().trim();
        let parsed = text.split_once(' ').and_then(|(day, time)| {
            let day = repeat::weekday(day.trim())?;
            let time = time.trim().parse::<civil::Time>().ok()?;
            Some((day, time))
        });
        if parsed.is_none() {
            self.error(
                "invalid-digest",
                raw.span(),
                format!("digest \"{text}\" is not a weekday and a time"),
                Some("write e.g. \"monday 09:00\" (in the community's time zone)".into()),
            );
        }
        parsed
    }

    /// Ids of a filter list, each checked against the ids that exist.
    fn references(
        &mut self,
        what: &str,
        raw: Option<&[Spanned<String>]>,
        known: &[&str],
    ) -> Vec<String> {
        let mut out = Vec::new();
        for id in raw.unwrap_or_default() {
            if known.contains(&id.get_ref().as_str()) {
                out.push(id.get_ref().clone());
                continue;
            }
            let hint = did_you_mean(id.get_ref(), known.iter().copied())
                .unwrap_or_else(|| format!("no {what} has this id"));
            self.error(
                "unknown-reference",
                id.span(),
                format!("unknown {what} \"{}\"", id.get_ref()),
                Some(hint),
            );
        }
        out
    }

    // ---- links --------------------------------------------------------------------------------

    /// A link the pages will show: only http(s) and mailto, so a `javascript:` or `data:` URL
    /// never becomes a link on the community's page.
    fn url(&mut self, raw: Option<Spanned<String>>) -> Option<String> {
        let raw = raw?;
        if !safe_link(raw.get_ref()) {
            self.error(
                "invalid-url",
                raw.span(),
                format!(
                    "link \"{}\" is not an http, https or mailto address",
                    raw.get_ref()
                ),
                Some(
                    "links are shown on the public page; write e.g. \"https://example.org/notes\" \
                     or \"mailto:team@example.org\""
                        .into(),
                ),
            );
        }
        Some(raw.into_inner())
    }

    fn link(&mut self, raw: Spanned<RawLink>) -> Link {
        let table = raw.span();
        let raw = raw.into_inner();
        let label = self.required(raw.label, "label", &table);
        let url = self.required(raw.url, "url", &table);
        Link {
            label: label.map(|l| self.text(l, "label")).unwrap_or_default(),
            url: self.url(url).unwrap_or_default(),
        }
    }

    fn channel(&mut self, raw: Spanned<RawChannel>) -> Channel {
        let table = raw.span();
        let raw = raw.into_inner();
        Channel {
            label: self
                .required(raw.label, "label", &table)
                .map(|l| self.text(l, "label"))
                .unwrap_or_default(),
            url: self.url(raw.url),
        }
    }

    /// Warn about a `path` that leads out of the community file's folder (absolute, or more `..`
    /// than folders): touchpoint refuses to read it unless the operator starts it with
    /// `--allow-any-path`. (Symlinks leading out are found only when the file is read.)
    fn path_outside(&mut self, path: &Spanned<String>) {
        let mut depth: i64 = 0;
        let mut outside = std::path::Path::new(path.get_ref().trim()).is_absolute();
        for part in path.get_ref().trim().split(['/', '\\']) {
            match part {
                "" | "." => {}
                ".." => depth -= 1,
                _ => depth += 1,
            }
            outside |= depth < 0;
        }
        if outside {
            self.warning(
                "path-outside",
                path.span(),
                "this path leads outside the community file's folder",
                Some(
                    "touchpoint reads only files inside that folder (what it reads is published) \
                     unless it is started with --allow-any-path; move the file next to this one"
                        .into(),
                ),
            );
        }
    }

    // ---- join links -------------------------------------------------------------------------

    /// The join-link keys of one table, each checked on its own.
    fn join_defaults(&mut self, raw: RawJoin) -> JoinDefaults {
        let visibility = raw.visibility.and_then(|value| {
            let text = value.get_ref().trim();
            let parsed = JoinVisibility::from_name(text);
            if parsed.is_none() {
                let hint = did_you_mean(text, JoinVisibility::NAMES).unwrap_or_else(|| {
                    format!(
                        "join_visibility is one of {}",
                        quote_list(&JoinVisibility::NAMES.map(str::to_owned))
                    )
                });
                self.error(
                    "unknown-value",
                    value.span(),
                    format!("unknown join_visibility \"{text}\""),
                    Some(hint),
                );
            }
            parsed
        });
        let near_start = raw.near_start.and_then(|value| {
            let text = value.get_ref().trim();
            let parsed = text
                .parse::<SignedDuration>()
                .ok()
                .filter(|d| d.is_positive() && *d <= SignedDuration::from_hours(24));
            if parsed.is_none() {
                self.error(
                    "invalid-duration",
                    value.span(),
                    format!(
                        "join_near_start \"{text}\" is not a duration from 1 minute to 24 hours"
                    ),
                    Some(
                        "how long before the start the pages show the link, e.g. \"15m\" or \"1h\""
                            .into(),
                    ),
                );
            }
            parsed
        });
        JoinDefaults {
            visibility,
            near_start,
            register: self.url(raw.register),
            contact: self.url(raw.contact),
        }
    }

    /// The join policy of `what` (a series or a calendar, named for messages, its id at
    /// `span`): each key from the first of `layers` (its own table, then its group's, then
    /// the community's) that has it.
    fn join_policy(
        &mut self,
        visibility: JoinVisibility,
        layers: &[Option<&JoinDefaults>],
        (what, span): (&str, Range<usize>),
    ) -> Arc<JoinPolicy> {
        let layers: Vec<&JoinDefaults> = layers.iter().flatten().copied().collect();
        let first =
            |pick: &dyn Fn(&JoinDefaults) -> Option<String>| layers.iter().find_map(|d| pick(d));
        let policy = JoinPolicy {
            visibility,
            near_start: layers
                .iter()
                .find_map(|d| d.near_start)
                .unwrap_or(JoinPolicy::DEFAULT_NEAR_START),
            register: first(&|d| d.register.clone()),
            contact: first(&|d| d.contact.clone()),
        };
        let own_register = layers.first().is_some_and(|own| own.register.is_some());
        match visibility {
            JoinVisibility::Registration if policy.register.is_none() => self.error(
                "missing-key",
                span,
                format!("{what} shares its join link by registration but has no `register` link"),
                Some(
                    "add register = \"https://…\" (e.g. its LFX Meetings page) to it, its group \
                     or [community]"
                        .into(),
                ),
            ),
            JoinVisibility::Hidden if policy.contact.is_none() => self.warning(
                "no-contact",
                span,
                format!("{what} hides its join link and names no `contact`"),
                Some(
                    "visitors see neither the link nor whom to ask for it; add \
                     contact = \"mailto:…\" to it, its group or [community]"
                        .into(),
                ),
            ),
            JoinVisibility::Public | JoinVisibility::NearStart | JoinVisibility::Hidden
                if own_register =>
            {
                self.warning(
                    "inapplicable-key",
                    span,
                    format!(
                        "{what} has a `register` link, which is shown only with \
                         join_visibility = \"registration\"; it is \"{}\"",
                        visibility.name()
                    ),
                    Some("remove `register`, or set join_visibility = \"registration\"".into()),
                );
            }
            _ => {}
        }
        if let Some(shared) = self.join_policies.get(&policy) {
            return Arc::clone(shared);
        }
        let policy = Arc::new(policy);
        self.join_policies.insert(Arc::clone(&policy));
        policy
    }

    fn refresh(&mut self, raw: &Spanned<String>) -> Option<Duration> {
        let parsed = raw
            .get_ref()
            .trim()
            .parse::<SignedDuration>()
            .ok()
            .filter(|d| *d >= SignedDuration::from_mins(1))
            .and_then(|d| Duration::try_from(d).ok());
        if parsed.is_none() {
            self.error(
                "invalid-duration",
                raw.span(),
                format!(
                    "refresh \"{}\" is not a duration of at least one minute",
                    raw.get_ref()
                ),
                Some("write e.g. \"15m\" or \"1h\"".into()),
            );
        }
        parsed
    }
}

// ---- helpers --------------------------------------------------------------------------------

/// Whether `url` may be a link on the public page: `http://host…`, `https://host…` or
/// `mailto:…`, nothing else (no `javascript:`, `data:`, or relative paths).
fn safe_link(url: &str) -> bool {
    let url = url.trim();
    ["https://", "http://"]
        .iter()
        .any(|p| strip_prefix_ignore_case(url, p).is_some_and(|rest| !rest.is_empty()))
        || strip_prefix_ignore_case(url, "mailto:").is_some_and(|rest| !rest.is_empty())
}

/// A tag as a TOML key: bare when it can be (`en`, `zh-Hans`), quoted otherwise.
fn toml_key(tag: &str) -> String {
    if tag
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        tag.to_owned()
    } else {
        format!("\"{tag}\"")
    }
}

fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let best = closest(word, candidates, 1);
    best.first().map(|c| format!("did you mean `{c}`?"))
}

fn quote_list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().to_lowercase().chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "my-id".to_owned()
    } else {
        out
    }
}

/// Remove the key whose key or value span is `span`, searching nested tables; returns the span
/// of the table that held it and its name.
fn remove_at(
    value: &mut Spanned<DeValue<'_>>,
    span: &Range<usize>,
) -> Option<(Range<usize>, String)> {
    let table_span = value.span();
    match value.get_mut() {
        DeValue::Table(table) => {
            let hit = table
                .iter()
                .find(|(k, v)| k.span() == *span || v.span() == *span)
                .map(|(k, _)| k.get_ref().to_string());
            if let Some(name) = hit {
                table.remove(name.as_str());
                return Some((table_span, name));
            }
            table.iter_mut().find_map(|(_, v)| remove_at(v, span))
        }
        DeValue::Array(items) => items.iter_mut().find_map(|v| remove_at(v, span)),
        _ => None,
    }
}

/// The value at `span` inside `value` (itself included).
fn value_at<'v, 'i>(
    value: &'v mut Spanned<DeValue<'i>>,
    span: &Range<usize>,
) -> Option<&'v mut Spanned<DeValue<'i>>> {
    if value.span() == *span {
        return Some(value);
    }
    match value.get_mut() {
        DeValue::Table(table) => table.iter_mut().find_map(|(_, v)| value_at(v, span)),
        DeValue::Array(items) => items.iter_mut().find_map(|v| value_at(v, span)),
        _ => None,
    }
}

/// A hint for the value at `span`, which `T` refused for its type: what to write, from the kind
/// of value the key does take. Each kind is tried in its place; a key that takes a table gets
/// no hint (a date would read as one).
fn type_hint<T: DeserializeOwned>(
    value: &Spanned<DeValue<'_>>,
    span: &Range<usize>,
) -> Option<String> {
    let date = "2026-01-08".parse::<Datetime>().ok()?;
    let tries = [
        (DeValue::Table(DeTable::new()), None),
        (
            DeValue::Datetime(date),
            Some("dates are written without quotes: first = 2026-01-08"),
        ),
        (
            DeValue::String("x".into()),
            Some("put the value in double quotes"),
        ),
        (DeValue::Boolean(true), Some("write true or false")),
    ];
    for (instead, hint) in tries {
        let mut probe = value.clone();
        *value_at(&mut probe, span)? = Spanned::new(span.clone(), instead);
        let taken = match T::deserialize(ValueDeserializer::from(probe)) {
            Ok(_) => true,
            Err(err) => err.span().as_ref() != Some(span),
        };
        if taken {
            return hint.map(str::to_owned);
        }
    }
    None
}

/// The host of an http(s) URL, lower-cased, without user or port.
fn url_host(url: &str) -> Option<String> {
    let url = Url::parse(url.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    url.host_str().map(str::to_owned)
}

/// A key under which the same feed compares equal: webcal is https, scheme and host are
/// case-insensitive (as [`feed_url`] reads them), a trailing slash does not matter.
fn normalise_url(fetched: &Url) -> String {
    format!("url:{}", fetched.as_str().trim_end_matches('/'))
}

fn is_colour(text: &str) -> bool {
    text.strip_prefix('#').is_some_and(|hex| {
        (hex.len() == 3 || hex.len() == 6) && hex.chars().all(|c| c.is_ascii_hexdigit())
    })
}

fn fits_in_a_month(span: Span) -> bool {
    let day = civil::date(2000, 1, 1);
    span.total((jiff::Unit::Day, day))
        .is_ok_and(|days| days <= 31.0)
}

/// When `dt` does not exist in `tz` (a DST gap): the message and a hint.
fn gap(tz: &Tz, dt: civil::DateTime) -> Option<(String, String)> {
    let ambiguous = tz.zone.to_ambiguous_timestamp(dt);
    if !matches!(ambiguous.offset(), AmbiguousOffset::Gap { .. }) {
        return None;
    }
    let shifted = wall_to_instant(&tz.zone, dt)
        .to_zoned_datetime(tz.zone.clone())
        .strftime("%H:%M")
        .to_string();
    Some((
        format!(
            "{} {} does not exist in {}: the clocks skip it that day",
            dt.date(),
            dt.strftime("%H:%M"),
            tz.name
        ),
        format!("it would be read as {shifted}; choose another date or a time outside the change"),
    ))
}

/// The local start date-times of the regular occurrences (no exceptions applied) on `date`.
/// `Err(())` when the engine gave up (limits), so the caller cannot tell.
fn regular_starts_on(series: &Series, date: civil::Date) -> Result<Vec<civil::DateTime>, ()> {
    let calendar = Calendar {
        events: vec![master_event(series)],
        ..Calendar::default()
    };
    regular_starts_in(&calendar, date)
}

/// [`regular_starts_on`] of a calendar that holds the series' [`master_event`] alone.
fn regular_starts_in(calendar: &Calendar, date: civil::Date) -> Result<Vec<civil::DateTime>, ()> {
    let (Ok(end), start) = (date.tomorrow(), date.to_datetime(civil::Time::midnight())) else {
        return Err(());
    };
    let window = Window {
        start,
        end: end.to_datetime(civil::Time::midnight()),
        zone: None,
    };
    let expansion = expand(calendar, &window, &limits());
    if !expansion.truncated.is_empty() {
        return Err(());
    }
    Ok(expansion
        .occurrences
        .iter()
        .map(|o| o.start.civil())
        .filter(|dt| dt.date() == date)
        .collect())
}

/// The first pair of (not cancelled) occurrences of `a` and `b` that overlap, within
/// [`OVERLAP_YEARS`] from the later `first`.
fn first_overlap(a: &Series, b: &Series) -> Option<(Occurrence, Occurrence)> {
    let from = a.first.max(b.first).to_datetime(civil::Time::midnight());
    let to = from.checked_add(OVERLAP_YEARS.years()).ok()?;
    let window = Window {
        start: from,
        end: to,
        zone: Some(TimeZone::UTC),
    };
    let list = |s: &Series| -> Vec<(Timestamp, Timestamp, Occurrence)> {
        let calendar = Calendar {
            events: series_events(s),
            ..Calendar::default()
        };
        expand(&calendar, &window, &limits())
            .occurrences
            .into_iter()
            .filter(|o| o.status != Status::Cancelled)
            .map(|o| {
                (
                    o.start.instant(&TimeZone::UTC),
                    o.end.instant(&TimeZone::UTC),
                    o,
                )
            })
            .collect()
    };
    let (xs, ys) = (list(a), list(b));
    // Sweep both sorted lists by start: an occurrence clashes with the other series when it
    // starts before the latest end seen there so far.
    let mut merged: Vec<(bool, &(Timestamp, Timestamp, Occurrence))> = xs
        .iter()
        .map(|x| (true, x))
        .chain(ys.iter().map(|y| (false, y)))
        .collect();
    merged.sort_by_key(|(is_a, x)| (x.0, !*is_a));
    let mut latest: [Option<&(Timestamp, Timestamp, Occurrence)>; 2] = [None, None];
    for (is_a, occ) in merged {
        let (mine, other) = if is_a { (0, 1) } else { (1, 0) };
        if let Some(prev) = latest[other]
            && prev.1 > occ.0
        {
            return Some(if is_a {
                (occ.2.clone(), prev.2.clone())
            } else {
                (prev.2.clone(), occ.2.clone())
            });
        }
        if latest[mine].is_none_or(|p| occ.1 > p.1) {
            latest[mine] = Some(occ);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_find_url_hosts() {
        assert_eq!(
            url_host("https://User@TodoGroup.org:443/community/").as_deref(),
            Some("todogroup.org")
        );
        assert_eq!(url_host("ftp://x"), None);
    }

    #[test]
    fn can_normalise_feed_urls() {
        let key = |text: &str| normalise_url(&feed_url(text).unwrap());
        assert_eq!(
            key("webcal://Calendar.Google.com/a/basic.ics"),
            key("https://calendar.google.com/a/basic.ics/")
        );
        assert_ne!(key("https://x/A"), key("https://x/a"));
    }

    #[test]
    fn can_tell_colours() {
        assert!(is_colour("#6f42c1") && is_colour("#FFF"));
        assert!(!is_colour("purple") && !is_colour("#12345") && !is_colour("#ggg"));
    }
}
