//! The viewer's time zone and how times are shown in it, in the viewer's language.
//!
//! Dates, clocks and zone names follow CLDR through ICU4X ([`cldr`]): weekday and month
//! names, date order, the 12/24-hour patterns, "日本標準時"/"JST". English keeps the forms the
//! pages have always written ("Thu 3 Dec 2026", "1:00 PM", the tz database's "JST", "CET"):
//! CLDR's British English agrees with them but for the comma after the weekday, and the
//! browser scripts (local-times.js) rewrite English times in exactly those forms. The words
//! around them ("moved from …", "all day", "Starts in …") are `when` area messages.

use jiff::Timestamp;
use touchpoint_calendar::Tz;

use crate::Item;
use crate::i18n::Lang;
use crate::t;
use cldr::{DateShape, ZoneName};

/// The zone a page is rendered in: `?tz=`, else the `tz` cookie, else the community's default;
/// and how the visitor reads a clock.
#[derive(Clone, Debug)]
pub struct Viewer {
    /// The zone.
    pub tz: Tz,
    /// Where the zone came from.
    pub choice: ZoneChoice,
    /// 12- or 24-hour clock, from the visitor's language ([`HourCycle::for_language`]).
    pub hours: HourCycle,
    /// The language pages are written in ([`crate::Site::language`]).
    pub lang: Lang,
    /// The page's own query parameters other than `tz`, in request order: the zone picker
    /// carries them as hidden inputs, so changing zone keeps the view, date and filters.
    pub params: Vec<(String, String)>,
    /// The page's own address relative to itself (`./calendar`, `./`), for "use my zone"; `None`
    /// where there is no request (the static export).
    pub here: Option<String>,
}

/// Where the viewer's zone came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ZoneChoice {
    /// Nothing chose it: the community's default.
    #[default]
    Default,
    /// The `tz` cookie: the visitor's pick in the zone picker, or their detected zone.
    Remembered,
    /// `?tz=` in the address, as in a shared link: shown for this view only, never remembered.
    Link,
}

/// How a clock is written: "13:00" or "1:00 PM".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum HourCycle {
    /// "13:00".
    #[default]
    H23,
    /// "1:00 PM".
    H12,
}

/// The regions whose preferred hour cycle is 12-hour (`_preferred: "h"`) in CLDR 44's
/// supplemental `timeData.json`. The browser script (`html/assets/local-times.js`) holds the
/// same list (a unit test keeps them equal), so a page and an embed write a clock alike.
pub const TWELVE_HOUR_REGIONS: &[&str] = &[
    "AE", "AG", "AL", "AR", "AS", "AU", "BB", "BD", "BH", "BM", "BN", "BO", "BS", "BT", "CA", "CL",
    "CO", "CR", "CU", "CY", "DJ", "DM", "DO", "DZ", "EC", "EG", "EH", "ER", "ET", "FJ", "FM", "GD",
    "GH", "GM", "GR", "GT", "GU", "GY", "HK", "HN", "IN", "IQ", "JM", "JO", "KH", "KI", "KN", "KP",
    "KR", "KW", "KY", "LB", "LC", "LR", "LS", "LY", "MH", "MO", "MP", "MR", "MW", "MX", "MY", "NA",
    "NI", "NZ", "OM", "PA", "PE", "PG", "PH", "PK", "PR", "PS", "PW", "PY", "QA", "SA", "SB", "SD",
    "SG", "SL", "SO", "SS", "SV", "SY", "SZ", "TC", "TD", "TN", "TO", "TT", "TW", "UM", "US", "UY",
    "VC", "VE", "VG", "VI", "VU", "WS", "YE", "ZM",
];

/// The region a language alone stands for, where it matters to the clock: CLDR's likely
/// subtags for the languages whose likely region is in [`TWELVE_HOUR_REGIONS`] (every other
/// bare language reads a 24-hour clock).
pub const TWELVE_HOUR_LANGUAGES: &[(&str, &str)] = &[
    ("ar", "EG"),
    ("bn", "BD"),
    ("el", "GR"),
    ("en", "US"),
    ("fil", "PH"),
    ("hi", "IN"),
    ("ko", "KR"),
    ("ur", "PK"),
];

impl HourCycle {
    /// The clock of a language tag (`en-US`, `de`, `es-419`): 12-hour when its region (or, with
    /// no region, the language's likely region) prefers it in CLDR, else 24-hour.
    pub fn for_language(tag: &str) -> HourCycle {
        let mut parts = tag.trim().split(['-', '_']);
        let language = parts.next().unwrap_or_default().to_ascii_lowercase();
        // The region is the first two-letter (or three-digit) subtag after the language.
        let region = parts
            .map(str::to_ascii_uppercase)
            .find(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic()) || p == "419");
        let twelve = match region.as_deref() {
            Some("419") => true,
            Some(region) => TWELVE_HOUR_REGIONS.contains(&region),
            None => TWELVE_HOUR_LANGUAGES.iter().any(|(l, _)| *l == language),
        };
        if twelve {
            HourCycle::H12
        } else {
            HourCycle::H23
        }
    }

    /// The clock of an `Accept-Language` header: its most preferred language's
    /// ([`HourCycle::for_language`]); 24-hour without one.
    pub fn for_accept_language(header: &str) -> HourCycle {
        most_preferred(touchpoint_community::lang::ranges(header))
            .map_or(HourCycle::H23, HourCycle::for_language)
    }

    /// The clock of a page written in `lang` for a browser sending `accept` (`Accept-Language`):
    /// that of the header's most preferred tag of `lang` ("ja, en-GB;q=0.5" makes an English
    /// page 24-hour), else the visitor's own, the header's most preferred tag's
    /// ([`HourCycle::for_accept_language`]): the clock is a habit of the visitor's region, so a
    /// German browser keeps 24 hours on an English-only site and a browser set to "en-US" reads
    /// a shared `?lang=ja` link with 午前/午後. Without a header, the 24-hour clock.
    pub fn for_page(lang: Lang, accept: &str) -> HourCycle {
        let of_lang = touchpoint_community::lang::ranges(accept)
            .filter(|(tag, _)| Lang::parse(tag) == Some(lang));
        match most_preferred(of_lang) {
            Some(tag) => HourCycle::for_language(tag),
            None => HourCycle::for_accept_language(accept),
        }
    }
}

/// The tag of the highest `q` among `ranges`, the first of equals.
fn most_preferred<'a>(ranges: impl Iterator<Item = (&'a str, f32)>) -> Option<&'a str> {
    let mut best: Option<(&str, f32)> = None;
    for (tag, quality) in ranges {
        if best.is_none_or(|(_, q)| quality > q) {
            best = Some((tag, quality));
        }
    }
    best.map(|(tag, _)| tag)
}

/// An unknown `?tz=` value.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown time zone {asked:?}: write an IANA name such as Europe/Madrid, America/New_York or UTC{}",
    did_you_mean(suggestions)
)]
pub struct ViewerError {
    /// What was asked for.
    pub asked: String,
    /// Close IANA names, best first.
    pub suggestions: Vec<String>,
}

/// " (did you mean A, B?)", or nothing without suggestions.
fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", suggestions.join(", "))
    }
}

impl Viewer {
    /// A viewer of `tz` (nothing chose it), with a 24-hour clock.
    pub fn new(tz: Tz) -> Viewer {
        Viewer {
            tz,
            choice: ZoneChoice::Default,
            hours: HourCycle::H23,
            lang: Lang::En,
            params: Vec::new(),
            here: None,
        }
    }

    /// The viewer for an optional `?tz=` value; empty means the default.
    pub fn from_query(tz: Option<&str>, default: &Tz) -> Result<Viewer, ViewerError> {
        match tz.map(str::trim).filter(|tz| !tz.is_empty()) {
            None => Ok(Viewer::new(default.clone())),
            Some(name) => Tz::iana(name)
                .map(|tz| Viewer {
                    choice: ZoneChoice::Link,
                    ..Viewer::new(tz)
                })
                .ok_or_else(|| ViewerError {
                    asked: name.chars().take(80).collect(),
                    suggestions: touchpoint_community::suggest_zones(name),
                }),
        }
    }

    /// The viewer for a request: `?tz=` wins (an unknown name is an error, so the visitor
    /// learns of the typo), then the `tz` cookie (an unknown name there is ignored: a cookie
    /// set by an older tz database must not lock a visitor out), then `default`.
    pub fn from_request(
        query: Option<&str>,
        cookie: Option<&str>,
        default: &Tz,
    ) -> Result<Viewer, ViewerError> {
        if query.is_some_and(|tz| !tz.trim().is_empty()) {
            return Viewer::from_query(query, default);
        }
        let remembered = cookie
            .map(str::trim)
            .filter(|tz| !tz.is_empty())
            .and_then(Tz::iana);
        Ok(match remembered {
            Some(tz) => Viewer {
                choice: ZoneChoice::Remembered,
                ..Viewer::new(tz)
            },
            None => Viewer::new(default.clone()),
        })
    }

    /// The place a zone is named after, for people: "Tokyo" for Asia/Tokyo, "Buenos Aires"
    /// for America/Argentina/Buenos_Aires, the name itself for UTC and the like.
    pub fn place(&self) -> String {
        let name = &*self.tz.name;
        match name.rsplit_once('/') {
            Some((area, city)) if area != "Etc" => city.replace('_', " "),
            _ => name.to_owned(),
        }
    }

    /// "Tokyo time" (or "UTC"): what a shared link shows times in.
    pub fn shown_in(&self) -> String {
        let place = self.place();
        let zoned = self.tz.name.contains('/') && !self.tz.name.starts_with("Etc/");
        if self.lang != Lang::En && zoned {
            let now = Timestamp::now();
            return cldr::zone(
                self.lang,
                ZoneName::Location,
                &self.tz.name,
                &self.tz.zone,
                now,
            );
        }
        if self.tz.name.contains('/') && !self.tz.name.starts_with("Etc/") {
            format!("{place} time")
        } else {
            place
        }
    }

    /// This page without `?tz=` (every other parameter kept): "use my zone"; `None` without a
    /// request.
    pub fn own_zone_href(&self) -> Option<String> {
        Some(Viewer::page_href(self.here.as_deref()?, &self.params))
    }

    /// The link to the page at `here` (a relative address, [`Viewer::here`]) with `params`.
    pub fn page_href(here: &str, params: &[(String, String)]) -> String {
        if params.is_empty() {
            return here.to_owned();
        }
        let query = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(params)
            .finish();
        format!("{here}?{query}")
    }

    /// The zone's abbreviation at `at` when it has a real one ("JST", "CEST"), else its offset
    /// ("UTC+05:30", "UTC").
    pub fn abbreviation(zone: &jiff::tz::TimeZone, at: Timestamp) -> String {
        let info = zone.to_offset_info(at);
        let abbreviation = info.abbreviation();
        if abbreviation.starts_with(['+', '-']) || abbreviation.is_empty() {
            let offset = info.offset();
            if offset.seconds() == 0 {
                "UTC".to_owned()
            } else {
                format!("UTC{offset}")
            }
        } else {
            abbreviation.to_owned()
        }
    }

    /// The wall clock of an instant in the viewer's zone.
    pub fn local(&self, at: Timestamp) -> jiff::ZonedDateTime {
        at.to_zoned_datetime(self.tz.zone.clone())
    }

    /// The zone's name with its current abbreviation and offset: "Europe/Madrid (CET, UTC+01:00)";
    /// "UTC" alone for UTC (never "UTC (UTC)").
    pub fn label(&self, now: Timestamp) -> String {
        if self.lang != Lang::En {
            return self.label_cldr(now);
        }
        let info = self.tz.zone.to_offset_info(now);
        let offset = info.offset();
        let abbreviation = info.abbreviation();
        let utc = if offset.seconds() == 0 {
            "UTC".to_owned()
        } else {
            format!("UTC{offset}")
        };
        if *self.tz.name == *utc {
            utc
        } else if abbreviation.starts_with(['+', '-'])
            || abbreviation == &*self.tz.name
            || abbreviation == "UTC"
        {
            format!("{} ({utc})", self.tz.name)
        } else {
            format!("{} ({abbreviation}, {utc})", self.tz.name)
        }
    }

    /// The zone's label in a language other than English: "Asia/Tokyo（日本標準時、GMT+09:00）".
    fn label_cldr(&self, now: Timestamp) -> String {
        let offset = self.tz.zone.to_offset(now);
        let name = &*self.tz.name;
        if offset.seconds() == 0 && matches!(name, "UTC" | "Etc/UTC" | "Etc/GMT" | "GMT") {
            return name.to_owned();
        }
        let long = cldr::zone(self.lang, ZoneName::Long, name, &self.tz.zone, now);
        let offset = cldr::zone(self.lang, ZoneName::Offset, name, &self.tz.zone, now);
        if long == offset {
            t!(
                self.lang,
                "when-zone-label-offset",
                zone = name,
                offset = offset
            )
        } else {
            t!(
                self.lang,
                "when-zone-label",
                zone = name,
                name = long,
                offset = offset
            )
        }
    }

    /// The zone's short name at `at` in the viewer's language: in English the tz database's
    /// abbreviation ([`Viewer::abbreviation`], "JST", "CET"); in other languages CLDR's
    /// ("JST", "MEZ"), or its offset format where CLDR has no short name ("GMT+9").
    pub fn zone_short(&self, zone: &Tz, at: Timestamp) -> String {
        if self.lang == Lang::En {
            Viewer::abbreviation(&zone.zone, at)
        } else {
            cldr::zone(self.lang, ZoneName::Short, &zone.name, &zone.zone, at)
        }
    }

    /// The zone's long name at `at` in the viewer's language: "日本標準時", "Japan Standard Time".
    pub fn zone_long(&self, zone: &Tz, at: Timestamp) -> String {
        cldr::zone(self.lang, ZoneName::Long, &zone.name, &zone.zone, at)
    }

    /// "Thu 3 Dec 2026" for the day an instant falls on in the viewer's zone.
    pub fn day(&self, at: Timestamp) -> String {
        self.date(at.to_zoned_datetime(self.tz.zone.clone()).date())
    }

    /// "13:00" (or "1:00 PM", see [`Viewer::hours`]) in the viewer's zone.
    pub fn clock(&self, at: Timestamp) -> String {
        self.wall_clock(at.to_zoned_datetime(self.tz.zone.clone()).time())
    }

    /// A wall-clock time as this viewer reads clocks: "13:00" or "1:00 PM".
    pub fn wall_clock(&self, time: jiff::civil::Time) -> String {
        if self.lang != Lang::En {
            return cldr::clock(self.lang, self.hours, time, false);
        }
        match self.hours {
            HourCycle::H23 => time.strftime("%H:%M").to_string(),
            HourCycle::H12 => time.strftime("%-I:%M %p").to_string(),
        }
    }

    /// "moved from Mon 21 Dec" (or "moved from 17:00" when only the clock changed): where an
    /// occurrence starting at `start` was before an override moved it, in the viewer's zone.
    pub fn moved_from(&self, start: Timestamp, original: Timestamp) -> String {
        let was = self.local(original);
        let when = if was.date() == self.local(start).date() {
            self.clock(original)
        } else {
            self.date_no_year(was.date())
        };
        t!(self.lang, "when-moved-from", when = when)
    }

    /// "1 hour earlier than last time: clocks changed in New York on Sun 14 Mar": what a
    /// [`ClockShift`] means to this viewer, naming the zone whose clocks changed when only one
    /// of the two did.
    pub fn clock_shift(&self, shift: &ClockShift) -> String {
        let minutes = i64::from(shift.minutes.unsigned_abs());
        let duration =
            crate::html::duration_words(self.lang, jiff::SignedDuration::from_mins(minutes));
        let (earlier, later) = match &shift.changed {
            Some(_) => ("when-clocks-earlier-in", "when-clocks-later-in"),
            None => ("when-clocks-earlier", "when-clocks-later"),
        };
        let key = if shift.minutes < 0 { earlier } else { later };
        match &shift.changed {
            Some((zone, day)) => t!(
                self.lang,
                key,
                duration = duration,
                place = self.city(zone),
                day = self.date_no_year(*day)
            ),
            None => t!(self.lang, key, duration = duration),
        }
    }

    /// The city a zone is named after, in the viewer's language: "New York", "ニューヨーク".
    pub fn city(&self, zone: &Tz) -> String {
        if self.lang == Lang::En || !zone.name.contains('/') || zone.name.starts_with("Etc/") {
            return Viewer::new(zone.clone()).place();
        }
        cldr::zone(
            self.lang,
            ZoneName::City,
            &zone.name,
            &zone.zone,
            Timestamp::UNIX_EPOCH,
        )
    }

    /// "Thu 3 Dec 2026": a calendar day (agenda headings, the week's first day).
    pub fn date(&self, date: jiff::civil::Date) -> String {
        self.date_as(DateShape::Day, "%a %-d %b %Y", date)
    }

    /// "Thu 3 Dec": a calendar day in a list where the year goes without saying.
    pub fn date_no_year(&self, date: jiff::civil::Date) -> String {
        self.date_as(DateShape::DayNoYear, "%a %-d %b", date)
    }

    /// "Thursday 3 December 2026": a day spelled out (`aria-label`s).
    pub fn date_long(&self, date: jiff::civil::Date) -> String {
        self.date_as(DateShape::DayLong, "%A %-d %B %Y", date)
    }

    /// "Thursday 3 December": a day spelled out without its year.
    pub fn date_long_no_year(&self, date: jiff::civil::Date) -> String {
        self.date_as(DateShape::DayLongNoYear, "%A %-d %B", date)
    }

    /// "Thu": a weekday, short (the week grid's column heads).
    pub fn weekday_short(&self, date: jiff::civil::Date) -> String {
        self.date_as(DateShape::Weekday, "%a", date)
    }

    /// "3 Dec": a day of a month, short, without weekday or year (the week grid's column heads).
    pub fn day_month(&self, date: jiff::civil::Date) -> String {
        self.date_as(DateShape::MonthDay, "%-d %b", date)
    }

    /// "December 2026": a month's title.
    pub fn month_year(&self, date: jiff::civil::Date) -> String {
        self.date_as(DateShape::MonthYear, "%B %Y", date)
    }

    /// "30 Nov 2026 – 6 Dec 2026": the days from `first` to `last`, both included.
    pub fn date_range(&self, first: jiff::civil::Date, last: jiff::civil::Date) -> String {
        let from = self.date_as(DateShape::YearMonthDay, "%-d %b %Y", first);
        let to = self.date_as(DateShape::YearMonthDay, "%-d %b %Y", last);
        t!(self.lang, "when-range", from = from, to = to)
    }

    /// `date` in the viewer's language: by CLDR, or in English by `english` (strftime).
    fn date_as(&self, shape: DateShape, english: &str, date: jiff::civil::Date) -> String {
        if self.lang == Lang::En {
            date.strftime(english).to_string()
        } else {
            cldr::date(self.lang, shape, date)
        }
    }

    /// "08:00", or "8 AM" on a 12-hour clock: an hour line of a time grid.
    pub fn hour_label(&self, hour: i8) -> String {
        let time = jiff::civil::Time::new(hour.clamp(0, 23), 0, 0, 0).unwrap_or_default();
        if self.lang != Lang::En {
            return cldr::clock(self.lang, self.hours, time, true);
        }
        let label = self.wall_clock(time);
        match label.split_once(' ') {
            // "8:00 AM": the minutes say nothing on an hour line.
            Some((clock, half)) => format!("{} {half}", clock.trim_end_matches(":00")),
            None => label,
        }
    }

    /// The RFC 3339 instant for `<time datetime>`.
    pub fn machine(at: Timestamp) -> String {
        at.to_string()
    }

    /// "Thu 3 Dec 2026, 13:00–14:00" (or "… all day") for an item, in the viewer's zone.
    pub fn when(&self, item: &Item<'_>) -> String {
        let lang = self.lang;
        if item.all_day() {
            let day = self.date(item.start.civil().date());
            return t!(lang, "when-all-day", day = day);
        }
        let start_day = self.day(item.start_at);
        let end_day = self.day(item.end_at);
        let (start, end) = (self.clock(item.start_at), self.clock(item.end_at));
        if item.end_at <= item.start_at {
            t!(lang, "when-at", day = start_day, start = start)
        } else if start_day == end_day {
            t!(lang, "when-span", day = start_day, start = start, end = end)
        } else {
            t!(
                lang,
                "when-span-days",
                day = start_day,
                start = start,
                end_day = end_day,
                end = end
            )
        }
    }
}

/// How far a regular occurrence's start moved on a viewer's clock from the regular occurrence
/// before it while the series' own clock stayed: the clocks of one of the two zones changed
/// (US and European summer time begin and end on different Sundays, the southern hemisphere's
/// run the other way), so a viewer who goes by last time's would be early or late.
#[derive(Clone, Debug, PartialEq)]
pub struct ClockShift {
    /// Minutes later on the viewer's clock than last time; negative: earlier.
    pub minutes: i32,
    /// The zone whose clocks changed and the day they did (on its own calendar), when only one
    /// of the two zones' did.
    pub changed: Option<(Tz, jiff::civil::Date)>,
}

impl ClockShift {
    /// The shift on `viewer`'s clock of an occurrence at `start` of a series kept on `series`'s
    /// clock, whose previous regular occurrence was at `previous`; `None` when the viewer reads
    /// the same clock as last time, and when the series' own clock changed (an edited series:
    /// not the clocks' doing).
    pub fn between(
        series: &Tz,
        viewer: &Tz,
        previous: Timestamp,
        start: Timestamp,
    ) -> Option<ClockShift> {
        let own_clock = |at: Timestamp| at.to_zoned_datetime(series.zone.clone()).time();
        if own_clock(previous) != own_clock(start) {
            return None;
        }
        let own = ClockShift::offset_change(series, previous, start);
        let theirs = ClockShift::offset_change(viewer, previous, start);
        let minutes = theirs - own;
        if minutes == 0 {
            return None;
        }
        let changed = match (own, theirs) {
            (0, _) => ClockShift::last_change(viewer, previous, start),
            (_, 0) => ClockShift::last_change(series, previous, start),
            _ => None,
        };
        Some(ClockShift { minutes, changed })
    }

    /// How many minutes `zone`'s offset from UTC grew from `from` to `to`.
    pub fn offset_change(zone: &Tz, from: Timestamp, to: Timestamp) -> i32 {
        (zone.zone.to_offset(to).seconds() - zone.zone.to_offset(from).seconds()) / 60
    }

    /// The day (on its own calendar) of `zone`'s last clock change after `from`, up to `to`.
    pub fn last_change(
        zone: &Tz,
        from: Timestamp,
        to: Timestamp,
    ) -> Option<(Tz, jiff::civil::Date)> {
        let change = crate::html::planner::clock::changes(&zone.zone, from, to).pop()?;
        let day = change.at.to_zoned_datetime(zone.zone.clone()).date();
        Some((zone.clone(), day))
    }
}

/// "Happening now", "Starts in 2 h 15 min" (within a day; whole hours from 3 h on, where
/// minutes are noise), or `None`: the marker of an occurrence from `start` to `end` seen at
/// `now`. site.js writes the same text by the same rule as the page stays open.
pub fn relative_marker(start: Timestamp, end: Timestamp, now: Timestamp) -> Option<String> {
    relative_marker_in(Lang::En, start, end, now)
}

/// [`relative_marker`] in `lang`: "開催中", "あと2時間15分で開始".
pub fn relative_marker_in(
    lang: Lang,
    start: Timestamp,
    end: Timestamp,
    now: Timestamp,
) -> Option<String> {
    if start <= now && now < end {
        return Some(t!(lang, "when-happening-now").into_owned());
    }
    let ahead = (start - now).as_secs();
    if ahead <= 0 || ahead > 24 * 3600 {
        return None;
    }
    let minutes = (ahead + 59) / 60;
    let (hours, minutes) = (minutes / 60, minutes % 60);
    Some(match (hours, minutes) {
        (0, m) => t!(lang, "when-starts-in-min", minutes = m),
        (h, _) if h >= 3 => t!(lang, "when-starts-in-h", hours = h),
        (h, 0) => t!(lang, "when-starts-in-h", hours = h),
        (h, m) => t!(lang, "when-starts-in-h-min", hours = h, minutes = m),
    })
}

/// The sentences of [`relative_marker_in`] in `lang` with their numbers left as `{minutes}`
/// and `{hours}`: what site.js fills in as a page stays open (the `<html>` element's
/// `data-msg-*`), so the browser words the marker from the same messages as the server.
///
/// A number given as text picks a message's default variant: these sentences take their
/// numbers as they are (no plural forms); a test holds them equal to [`relative_marker_in`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkerText {
    /// "Happening now".
    pub now: String,
    /// "Starts in {minutes} min".
    pub min: String,
    /// "Starts in {hours} h".
    pub h: String,
    /// "Starts in {hours} h {minutes} min".
    pub h_min: String,
}

impl MarkerText {
    /// The marker's sentences in `lang`.
    pub fn of(lang: Lang) -> Self {
        Self {
            now: t!(lang, "when-happening-now").into_owned(),
            min: t!(lang, "when-starts-in-min", minutes = "{minutes}"),
            h: t!(lang, "when-starts-in-h", hours = "{hours}"),
            h_min: t!(
                lang,
                "when-starts-in-h-min",
                hours = "{hours}",
                minutes = "{minutes}"
            ),
        }
    }
}

/// "in 19 hours", "19 時間後", "3 日後", "vor 2 Tagen": how far `at` is from `now`, in the
/// largest whole unit (minutes under an hour, hours under two days, else days).
///
/// Fluent messages with CLDR plural rules (`when` area), not ICU4X's relative-time formatter:
/// that lives in `icu_experimental`, whose API changes with every 0.x release and which builds
/// the data of all its experimental components; these six sentences per language are stable.
pub fn relative(lang: Lang, at: Timestamp, now: Timestamp) -> String {
    let seconds = (at - now).as_secs();
    let past = seconds < 0;
    let seconds = seconds.unsigned_abs();
    let (id, count) = if seconds < 3600 {
        ("minutes", seconds.div_ceil(60).max(1))
    } else if seconds < 48 * 3600 {
        ("hours", seconds / 3600)
    } else {
        ("days", seconds / 86_400)
    };
    let id = format!("when-{}-{id}", if past { "ago" } else { "in" });
    t!(lang, &id, count = count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn can_write_a_days_length_in_hours_as_each_language_writes_numbers() {
        use crate::i18n::Lang;
        assert_eq!(cldr::hours(Lang::En, 23 * 60), "23");
        assert_eq!(cldr::hours(Lang::En, 25 * 60), "25");
        assert_eq!(cldr::hours(Lang::En, 1410), "23.5");
        assert_eq!(cldr::hours(Lang::Ja, 1470), "24.5");
        for lang in [Lang::De, Lang::Fr, Lang::Es, Lang::PtBr] {
            assert_eq!(cldr::hours(lang, 1410), "23,5", "{lang:?}");
        }
        // A historical shift of 20 minutes, to the hundredth.
        assert_eq!(cldr::hours(Lang::En, 1420), "23.67");
    }

    #[test]
    fn can_prefer_the_query_then_the_cookie_then_the_default() {
        let utc = Tz::utc();
        let q = Viewer::from_request(Some("Asia/Tokyo"), Some("Europe/Berlin"), &utc).unwrap();
        assert_eq!(&*q.tz.name, "Asia/Tokyo");
        let c = Viewer::from_request(None, Some("Europe/Berlin"), &utc).unwrap();
        assert_eq!(&*c.tz.name, "Europe/Berlin");
        let d = Viewer::from_request(Some(" "), None, &utc).unwrap();
        assert_eq!(&*d.tz.name, "UTC");
    }

    #[test]
    fn says_which_zone_is_unknown_and_what_it_may_have_meant() {
        let mut error = ViewerError {
            asked: "Europe/Madird".to_owned(),
            suggestions: vec!["Europe/Madrid".to_owned(), "Europe/Malta".to_owned()],
        };
        let start = "unknown time zone \"Europe/Madird\": write an IANA name such as \
                     Europe/Madrid, America/New_York or UTC";
        assert_eq!(
            error.to_string(),
            format!("{start} (did you mean Europe/Madrid, Europe/Malta?)")
        );
        error.suggestions.clear();
        assert_eq!(error.to_string(), start);
    }

    #[test]
    fn suggests_the_zones_check_suggests() {
        for asked in [
            "Europe/Berln",
            "Madrid",
            "America/New York",
            "Mars/Olympus Mons",
        ] {
            let page = Viewer::from_query(Some(asked), &Tz::utc())
                .unwrap_err()
                .suggestions;
            let file = format!("[community]\nname = \"T\"\ntimezone = \"{asked}\"\n");
            let Err(diagnostics) = touchpoint_community::parse(&file) else {
                panic!("{asked}: an unknown zone passed the check");
            };
            let hint = diagnostics.iter().find_map(|d| d.hint.clone()).unwrap();
            let quoted: Vec<String> = page.iter().map(|zone| format!("\"{zone}\"")).collect();
            if page.is_empty() {
                assert!(!hint.contains("did you mean"), "{asked}: {hint}");
            } else {
                assert_eq!(
                    hint,
                    format!("did you mean {}?", quoted.join(", ")),
                    "{asked}"
                );
            }
        }
    }

    #[test]
    fn can_tell_a_shared_link_from_a_remembered_choice() {
        let utc = Tz::utc();
        let link = Viewer::from_request(Some("Asia/Tokyo"), Some("Europe/Berlin"), &utc).unwrap();
        assert_eq!(link.choice, ZoneChoice::Link);
        assert_eq!(link.shown_in(), "Tokyo time");
        let kept = Viewer::from_request(None, Some("Europe/Berlin"), &utc).unwrap();
        assert_eq!(kept.choice, ZoneChoice::Remembered);
        let none = Viewer::from_request(None, None, &utc).unwrap();
        assert_eq!(none.choice, ZoneChoice::Default);
        let buenos_aires = Viewer::new(Tz::iana("America/Argentina/Buenos_Aires").unwrap());
        assert_eq!(buenos_aires.shown_in(), "Buenos Aires time");
        assert_eq!(Viewer::new(utc).shown_in(), "UTC");
    }

    #[test]
    fn can_link_to_the_same_page_without_the_zone() {
        let mut viewer = Viewer::new(Tz::utc());
        assert_eq!(viewer.own_zone_href(), None);
        viewer.here = Some("./calendar".to_owned());
        assert_eq!(viewer.own_zone_href().as_deref(), Some("./calendar"));
        viewer.params = vec![
            ("view".to_owned(), "month".to_owned()),
            ("source".to_owned(), "openssf".to_owned()),
            ("source".to_owned(), "a b&c".to_owned()),
        ];
        assert_eq!(
            viewer.own_zone_href().as_deref(),
            Some("./calendar?view=month&source=openssf&source=a+b%26c")
        );
    }

    #[test]
    fn never_labels_utc_twice() {
        let now = ts("2026-11-26T12:00:00Z");
        assert_eq!(Viewer::new(Tz::utc()).label(now), "UTC");
        let madrid = Viewer::new(Tz::iana("Europe/Madrid").unwrap());
        assert_eq!(madrid.label(now), "Europe/Madrid (CET, UTC+01)");
        let london = Viewer::new(Tz::iana("Europe/London").unwrap());
        assert_eq!(london.label(now), "Europe/London (GMT, UTC)");
    }

    #[test]
    fn can_read_the_clock_a_language_prefers() {
        for (tag, hours) in [
            ("en-US", HourCycle::H12),
            ("en", HourCycle::H12),
            ("en-GB", HourCycle::H23),
            ("en-IN", HourCycle::H12),
            ("es-419", HourCycle::H12),
            ("es-MX", HourCycle::H12),
            ("es", HourCycle::H23),
            ("de-DE", HourCycle::H23),
            ("ja", HourCycle::H23),
            ("ko-KR", HourCycle::H12),
            ("zh-Hant-TW", HourCycle::H12),
            ("zh-Hans-CN", HourCycle::H23),
            ("", HourCycle::H23),
        ] {
            assert_eq!(HourCycle::for_language(tag), hours, "{tag:?}");
        }
        assert_eq!(
            HourCycle::for_accept_language("de-DE,de;q=0.9,en-US;q=0.8"),
            HourCycle::H23
        );
        assert_eq!(
            HourCycle::for_accept_language("fr;q=0.5, en-US"),
            HourCycle::H12
        );
        assert_eq!(HourCycle::for_accept_language("*"), HourCycle::H23);
    }

    #[test]
    fn keeps_a_formatter_per_language_shape_and_clock() {
        // Kept formatters answer as new ones would, whatever asked first on the thread.
        let time = jiff::civil::time(13, 5, 0, 0);
        let date = jiff::civil::date(2026, 12, 3);
        for _ in 0..2 {
            assert_eq!(
                cldr::clock(Lang::Ja, HourCycle::H12, time, false),
                "午後1:05"
            );
            assert_eq!(cldr::clock(Lang::Ja, HourCycle::H23, time, false), "13:05");
            assert_eq!(cldr::clock(Lang::Ja, HourCycle::H12, time, true), "午後1時");
            assert_eq!(cldr::clock(Lang::De, HourCycle::H23, time, false), "13:05");
            assert_eq!(cldr::date(Lang::Ja, DateShape::Weekday, date), "木");
            assert_eq!(cldr::date(Lang::Ja, DateShape::WeekdayLong, date), "木曜日");
            assert_eq!(
                cldr::date(Lang::De, DateShape::WeekdayLong, date),
                "Donnerstag"
            );
            assert_eq!(
                cldr::date(Lang::Ja, DateShape::MonthYear, date),
                "2026年12月"
            );
            assert_eq!(
                cldr::date(Lang::PtBr, DateShape::MonthYear, date),
                "dezembro de 2026"
            );
            let tokyo = jiff::tz::TimeZone::get("Asia/Tokyo").unwrap();
            let at: Timestamp = "2026-12-03T00:00:00Z".parse().unwrap();
            let zone = |name| cldr::zone(Lang::Ja, name, "Asia/Tokyo", &tokyo, at);
            assert_eq!(zone(ZoneName::Short), "JST");
            assert_eq!(zone(ZoneName::Long), "日本標準時");
        }
    }

    #[test]
    fn can_read_a_pages_clock_from_the_browsers_tag_of_its_language() {
        for (lang, accept, hours) in [
            // The page's language in the header: its tag's region decides.
            (Lang::En, "en-US,en;q=0.9", HourCycle::H12),
            (Lang::En, "en-GB,en;q=0.9", HourCycle::H23),
            (Lang::En, "ja-JP,ja;q=0.9,en-GB;q=0.5", HourCycle::H23),
            (Lang::En, "ja-JP,en-IN;q=0.5,en-GB;q=0.4", HourCycle::H12),
            (Lang::Es, "en-US,es-MX;q=0.5", HourCycle::H12),
            (Lang::ZhHans, "en-US,zh-SG;q=0.5", HourCycle::H12),
            (Lang::ZhHans, "en-US,zh-CN;q=0.5", HourCycle::H23),
            // A page in a language the header does not name: the visitor's own habit, their
            // first tag's clock.
            (Lang::Ja, "en-US,en;q=0.9", HourCycle::H12),
            (Lang::ZhHans, "en-US", HourCycle::H12),
            (Lang::De, "en-GB", HourCycle::H23),
            (Lang::En, "de-DE,de;q=0.9", HourCycle::H23),
            (Lang::Ja, "de", HourCycle::H23),
            // Traditional Chinese is not the page's Simplified Chinese: Taiwan's own clock.
            (Lang::ZhHans, "zh-TW,en-GB;q=0.5", HourCycle::H12),
            // No browser's preference at all: 24-hour, as pages have always been.
            (Lang::En, "", HourCycle::H23),
            (Lang::En, "*", HourCycle::H23),
            (Lang::Ja, "", HourCycle::H23),
        ] {
            assert_eq!(
                HourCycle::for_page(lang, accept),
                hours,
                "{lang:?} for {accept:?}"
            );
        }
    }

    #[test]
    fn can_write_a_twelve_hour_clock() {
        let viewer = Viewer {
            hours: HourCycle::H12,
            ..Viewer::new(Tz::utc())
        };
        assert_eq!(viewer.clock(ts("2026-11-26T13:05:00Z")), "1:05 PM");
        assert_eq!(viewer.clock(ts("2026-11-26T00:30:00Z")), "12:30 AM");
        assert_eq!(viewer.clock(ts("2026-11-26T12:00:00Z")), "12:00 PM");
        assert_eq!(
            Viewer::new(Tz::utc()).clock(ts("2026-11-26T09:05:00Z")),
            "09:05"
        );
    }

    /// The browser script writes clocks by the same rule: its lists are these.
    #[test]
    fn can_share_the_twelve_hour_rule_with_the_browser_script() {
        let script = crate::html::LOCAL_TIMES_JS;
        let list = |name: &str| -> Vec<String> {
            let line = script
                .lines()
                .find(|l| l.starts_with(&format!("var {name} = ")))
                .unwrap_or_else(|| panic!("no {name} in local-times.js"));
            let quoted = line.split('"').nth(1).unwrap();
            quoted.split(' ').map(str::to_owned).collect()
        };
        assert_eq!(
            list("TOUCHPOINT_TWELVE_HOUR_REGIONS"),
            TWELVE_HOUR_REGIONS.to_vec()
        );
        let languages: Vec<&str> = TWELVE_HOUR_LANGUAGES.iter().map(|(l, _)| *l).collect();
        assert_eq!(list("TOUCHPOINT_TWELVE_HOUR_LANGUAGES"), languages);
    }

    #[test]
    fn can_say_where_a_moved_meeting_was() {
        let tokyo = Viewer::new(Tz::iana("Asia/Tokyo").unwrap());
        let moved = ts("2026-12-17T17:00:00Z");
        let was = ts("2026-12-21T17:00:00Z");
        // In Tokyo the Monday 17:00 UTC meeting was on Tuesday morning.
        assert_eq!(tokyo.moved_from(moved, was), "moved from Tue 22 Dec");
        let utc = Viewer::new(Tz::utc());
        assert_eq!(utc.moved_from(moved, was), "moved from Mon 21 Dec");
        assert_eq!(
            utc.moved_from(moved, ts("2026-12-17T15:00:00Z")),
            "moved from 15:00"
        );
    }

    #[test]
    fn errors_when_the_query_names_no_zone_but_ignores_a_bad_cookie() {
        let utc = Tz::utc();
        assert!(Viewer::from_request(Some("Mars/Olympus"), None, &utc).is_err());
        let v = Viewer::from_request(None, Some("Mars/Olympus"), &utc).unwrap();
        assert_eq!(&*v.tz.name, "UTC");
    }

    #[test]
    fn can_mark_happening_now_and_starting_soon() {
        let start = ts("2026-11-26T12:00:00Z");
        let end = ts("2026-11-26T13:00:00Z");
        assert_eq!(
            relative_marker_in(Lang::En, start, end, ts("2026-11-26T12:30:00Z")).as_deref(),
            Some("Happening now")
        );
        assert_eq!(
            relative_marker_in(Lang::En, start, end, ts("2026-11-26T10:00:00Z")).as_deref(),
            Some("Starts in 2 h")
        );
        assert_eq!(
            relative_marker_in(Lang::En, start, end, ts("2026-11-26T09:45:00Z")).as_deref(),
            Some("Starts in 2 h 15 min")
        );
        assert_eq!(
            relative_marker_in(Lang::En, start, end, ts("2026-11-26T11:50:00Z")).as_deref(),
            Some("Starts in 10 min")
        );
        assert_eq!(
            relative_marker_in(Lang::En, start, end, ts("2026-11-25T11:00:00Z")),
            None
        );
        assert_eq!(
            relative_marker_in(Lang::En, start, end, ts("2026-11-26T13:00:00Z")),
            None
        );
    }

    fn in_lang(lang: Lang, zone: &str, hours: HourCycle) -> Viewer {
        Viewer {
            lang,
            hours,
            ..Viewer::new(Tz::iana(zone).unwrap())
        }
    }

    #[test]
    fn can_write_days_by_cldr_in_each_language() {
        let day = jiff::civil::date(2026, 12, 3);
        let ja = in_lang(Lang::Ja, "Asia/Tokyo", HourCycle::H23);
        assert_eq!(ja.date_no_year(day), "12月3日(木)");
        assert_eq!(ja.date(day), "2026/12/03(木)");
        assert_eq!(ja.date_long(day), "2026年12月3日木曜日");
        assert_eq!(ja.month_year(day), "2026年12月");
        assert_eq!(ja.weekday_short(day), "木");
        assert_eq!(ja.day_month(day), "12月3日");
        let zh = in_lang(Lang::ZhHans, "Asia/Shanghai", HourCycle::H23);
        assert_eq!(zh.date_no_year(day), "12月3日周四");
        assert_eq!(zh.month_year(day), "2026年12月");
        assert_eq!(zh.weekday_short(day), "周四");
        let de = in_lang(Lang::De, "Europe/Berlin", HourCycle::H23);
        assert_eq!(de.date(day), "Do., 03.12.2026");
        assert_eq!(de.date_long_no_year(day), "Donnerstag, 3. Dezember");
        assert_eq!(de.month_year(day), "Dezember 2026");
        let pt = in_lang(Lang::PtBr, "America/Sao_Paulo", HourCycle::H23);
        assert_eq!(pt.month_year(day), "dezembro de 2026");
        let fr = in_lang(Lang::Fr, "Europe/Paris", HourCycle::H23);
        assert_eq!(fr.date_no_year(day), "jeu. 3 déc.");
        assert_eq!(
            fr.date_range(day, jiff::civil::date(2026, 12, 9)),
            "3 déc. 2026 – 9 déc. 2026"
        );
        assert_eq!(
            ja.date_range(day, jiff::civil::date(2026, 12, 9)),
            "2026/12/03～2026/12/09"
        );
        // English keeps the forms the pages and the browser scripts write.
        let en = Viewer::new(Tz::utc());
        assert_eq!(en.date(day), "Thu 3 Dec 2026");
        assert_eq!(en.date_long(day), "Thursday 3 December 2026");
        assert_eq!(en.month_year(day), "December 2026");
        assert_eq!(
            en.date_range(day, jiff::civil::date(2026, 12, 9)),
            "3 Dec 2026 – 9 Dec 2026"
        );
    }

    #[test]
    fn can_read_a_clock_by_cldr_with_the_visitors_hour_cycle() {
        let at = ts("2026-12-03T04:05:00Z");
        assert_eq!(
            in_lang(Lang::Ja, "Asia/Tokyo", HourCycle::H23).clock(at),
            "13:05"
        );
        assert_eq!(
            in_lang(Lang::Ja, "Asia/Tokyo", HourCycle::H12).clock(at),
            "午後1:05"
        );
        assert_eq!(
            in_lang(Lang::ZhHans, "Asia/Tokyo", HourCycle::H12).clock(at),
            "下午1:05"
        );
        assert_eq!(
            in_lang(Lang::De, "Asia/Tokyo", HourCycle::H23).clock(at),
            "13:05"
        );
        assert_eq!(
            in_lang(Lang::En, "Asia/Tokyo", HourCycle::H12).clock(at),
            "1:05 PM"
        );
        assert_eq!(
            in_lang(Lang::De, "UTC", HourCycle::H23).hour_label(8),
            "08:00"
        );
        assert_eq!(
            in_lang(Lang::Ja, "UTC", HourCycle::H12).hour_label(8),
            "午前8時"
        );
        assert_eq!(
            in_lang(Lang::En, "UTC", HourCycle::H12).hour_label(8),
            "8 AM"
        );
    }

    #[test]
    fn can_name_zones_by_cldr() {
        let at = ts("2026-12-03T04:05:00Z");
        let tokyo = Tz::iana("Asia/Tokyo").unwrap();
        let berlin = Tz::iana("Europe/Berlin").unwrap();
        let ja = in_lang(Lang::Ja, "Asia/Tokyo", HourCycle::H23);
        assert_eq!(ja.zone_short(&tokyo, at), "JST");
        assert_eq!(ja.zone_long(&tokyo, at), "日本標準時");
        assert_eq!(ja.label(at), "Asia/Tokyo（日本標準時、GMT+09:00）");
        assert_eq!(ja.shown_in(), "日本時間");
        let de = in_lang(Lang::De, "Europe/Berlin", HourCycle::H23);
        assert_eq!(de.zone_short(&berlin, at), "MEZ");
        // CLDR's German has no short name for Japan: the offset format.
        assert_eq!(de.zone_short(&tokyo, at), "GMT+9");
        let summer = ts("2026-07-03T04:05:00Z");
        assert_eq!(de.zone_short(&berlin, summer), "MESZ");
        let zh = in_lang(Lang::ZhHans, "Asia/Tokyo", HourCycle::H23);
        assert_eq!(zh.zone_long(&tokyo, at), "日本标准时间");
        // English keeps the tz database's abbreviations.
        let en = Viewer::new(tokyo.clone());
        assert_eq!(en.zone_short(&tokyo, at), "JST");
        assert_eq!(en.zone_short(&berlin, summer), "CEST");
    }

    #[test]
    fn marker_text_filled_as_site_js_does_says_what_the_server_says() {
        let start = ts("2026-11-27T00:00:00Z");
        let end = ts("2026-11-27T01:00:00Z");
        for lang in Lang::ALL {
            let text = MarkerText::of(lang);
            assert!(
                !text.min.contains("Starts") || lang == Lang::En,
                "{lang:?}: {text:?}"
            );
            let during = relative_marker_in(lang, start, end, ts("2026-11-27T00:10:00Z"));
            assert_eq!(during.as_deref(), Some(text.now.as_str()));
            for minutes in 1..=24 * 60 {
                let now = start - jiff::SignedDuration::from_mins(minutes);
                let (h, m) = (minutes / 60, minutes % 60);
                // site.js's rule, filling the patterns.
                let filled = match (h, m) {
                    (0, m) => text.min.replace("{minutes}", &m.to_string()),
                    (h, m) if h >= 3 || m == 0 => text.h.replace("{hours}", &h.to_string()),
                    (h, m) => text
                        .h_min
                        .replace("{hours}", &h.to_string())
                        .replace("{minutes}", &m.to_string()),
                };
                let said = relative_marker_in(lang, start, end, now);
                assert_eq!(
                    said.as_deref(),
                    Some(filled.as_str()),
                    "{lang:?} {minutes} min ahead"
                );
            }
        }
    }

    #[test]
    fn can_say_how_far_ahead_by_cldr_plural_rules() {
        let now = ts("2026-12-03T00:00:00Z");
        let in_19h = ts("2026-12-03T19:00:00Z");
        let in_3d = ts("2026-12-06T00:00:00Z");
        assert_eq!(relative(Lang::En, in_19h, now), "in 19 hours");
        assert_eq!(
            relative(Lang::En, ts("2026-12-03T01:00:00Z"), now),
            "in 1 hour"
        );
        assert_eq!(relative(Lang::Ja, in_19h, now), "19 時間後");
        assert_eq!(relative(Lang::Ja, in_3d, now), "3 日後");
        assert_eq!(relative(Lang::ZhHans, in_3d, now), "3天后");
        assert_eq!(relative(Lang::De, in_3d, now), "in 3 Tagen");
        assert_eq!(
            relative(Lang::De, ts("2026-12-04T00:00:00Z"), now),
            "in 24 Stunden"
        );
        assert_eq!(relative(Lang::Fr, now, in_3d), "il y a 3 jours");
        let start = ts("2026-11-26T12:00:00Z");
        let end = ts("2026-11-26T13:00:00Z");
        let marker = |lang, now| relative_marker_in(lang, start, end, ts(now));
        assert_eq!(
            marker(Lang::Ja, "2026-11-26T09:45:00Z").as_deref(),
            Some("あと2時間15分で開始")
        );
        assert_eq!(
            marker(Lang::De, "2026-11-26T12:30:00Z").as_deref(),
            Some("Läuft gerade")
        );
    }

    #[test]
    fn can_say_a_utc_meeting_is_an_hour_later_in_berlin_after_its_clocks_spring_forward() {
        let utc = Tz::iana("UTC").unwrap();
        let berlin = in_lang(Lang::En, "Europe/Berlin", HourCycle::H23);
        // A weekly 16:00 UTC call: 17:00 in Berlin on Monday 22 March 2027, 18:00 on the 29th.
        let (before, after) = (ts("2027-03-22T16:00:00Z"), ts("2027-03-29T16:00:00Z"));
        let shift = ClockShift::between(&utc, &berlin.tz, before, after).unwrap();
        assert_eq!(shift.minutes, 60);
        assert_eq!(
            berlin.clock_shift(&shift),
            "1 hour later than last time: clocks changed in Berlin on Sun 28 Mar"
        );
        // The week after, nothing changed; nor does anything for a viewer in UTC.
        let next = ts("2027-04-05T16:00:00Z");
        assert_eq!(ClockShift::between(&utc, &berlin.tz, after, next), None);
        assert_eq!(ClockShift::between(&utc, &utc, before, after), None);
    }

    #[test]
    fn can_say_clocks_changed_where_the_southern_and_northern_summers_cross() {
        let new_york = Tz::iana("America/New_York").unwrap();
        let sydney = in_lang(Lang::En, "Australia/Sydney", HourCycle::H23);
        // A New York Thursday 18:00 call: Friday 10:00 in Sydney on 2 April 2027; Sydney falls
        // back on Sunday 4 April, so 9 April's is at 09:00 there.
        let (before, after) = (ts("2027-04-01T22:00:00Z"), ts("2027-04-08T22:00:00Z"));
        let shift = ClockShift::between(&new_york, &sydney.tz, before, after).unwrap();
        assert_eq!(
            sydney.clock_shift(&shift),
            "1 hour earlier than last time: clocks changed in Sydney on Sun 4 Apr"
        );
        // Between a monthly call's February and April instances both zones changed, in
        // opposite directions: two hours, without naming one.
        let february = ts("2027-02-04T23:00:00Z");
        let shift = ClockShift::between(&new_york, &sydney.tz, february, after).unwrap();
        assert_eq!(
            sydney.clock_shift(&shift),
            "2 hours earlier than last time: clocks changed"
        );
        // A series whose own clock changed (an edit, not the clocks) says nothing here.
        let edited = ts("2027-04-08T23:00:00Z");
        assert_eq!(
            ClockShift::between(&new_york, &sydney.tz, before, edited),
            None
        );
    }

    #[test]
    fn can_say_clocks_changed_in_every_language() {
        let new_york = Tz::iana("America/New_York").unwrap();
        let (before, after) = (ts("2027-03-11T16:00:00Z"), ts("2027-03-18T15:00:00Z"));
        for lang in Lang::ALL {
            let viewer = in_lang(lang, "Europe/Berlin", HourCycle::H23);
            let shift = ClockShift::between(&new_york, &viewer.tz, before, after).unwrap();
            let said = viewer.clock_shift(&shift);
            assert!(
                said.contains('1') && !said.contains('{'),
                "{lang:?}: {said}"
            );
        }
        let ja = in_lang(Lang::Ja, "Europe/Berlin", HourCycle::H23);
        let shift = ClockShift::between(&new_york, &ja.tz, before, after).unwrap();
        assert_eq!(
            ja.clock_shift(&shift),
            "前回より1時間早い開始（3月14日(日)にニューヨークで時刻を切り替え）"
        );
    }

    #[test]
    fn can_say_where_a_moved_meeting_was_in_japanese() {
        let tokyo = in_lang(Lang::Ja, "Asia/Tokyo", HourCycle::H23);
        let moved = ts("2026-12-17T17:00:00Z");
        assert_eq!(
            tokyo.moved_from(moved, ts("2026-12-21T17:00:00Z")),
            "12月22日(火)から変更"
        );
    }
}

/// CLDR formatting through ICU4X (compiled data) for the languages other than English.
pub mod cldr {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::hash::Hash;
    use std::thread::LocalKey;

    use icu_calendar::{Date, Gregorian};
    use icu_datetime::fieldsets::{self, enums::DateFieldSet, enums::ZoneFieldSet};
    use icu_datetime::options::TimePrecision;
    use icu_datetime::{FixedCalendarDateTimeFormatter, NoCalendarFormatter};
    use icu_decimal::DecimalFormatter;
    use icu_decimal::input::Decimal;
    use icu_locale_core::Locale;
    use icu_time::zone::{IanaParser, UtcOffset};
    use icu_time::{DateTime, Time};
    use jiff::Timestamp;

    use super::HourCycle;
    use crate::i18n::Lang;

    /// A date shape, as CLDR's skeletons name them.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum DateShape {
        /// Year, month, day and weekday, medium: "Thu, 3 Dec 2026", "2026/12/03(木)".
        Day,
        /// Month, day and weekday, medium: "Thu 3 Dec", "12月3日(木)".
        DayNoYear,
        /// Year, month, day and weekday, long: "Thursday, 3 December 2026".
        DayLong,
        /// Month, day and weekday, long: "Thursday 3 December", "12月3日木曜日".
        DayLongNoYear,
        /// Weekday, short: "Thu", "木", "周四".
        Weekday,
        /// Weekday, long: "Thursday", "木曜日", "星期四".
        WeekdayLong,
        /// Month and day, medium: "3 Dec", "12月3日".
        MonthDay,
        /// Year, month and day, medium: "3 Dec 2026", "2026/12/03".
        YearMonthDay,
        /// Year and month, long: "December 2026", "2026年12月".
        MonthYear,
        /// Year, month and day, long: "3 December 2026", "2026年12月3日".
        YearMonthDayLong,
    }

    /// The formatters made so far on this thread, by what they format: each is made once, and
    /// there are at most a few dozen (languages × shapes). A page in Japanese formats dozens of
    /// dates and clocks: with a formatter made per call the example's home page rendered in
    /// 0.86–1.02 ms in Japanese against 0.48–0.56 ms in English (release build, 200 renders);
    /// kept, 0.26–0.54 ms, as English. Per thread because ICU4X's formatters are not `Sync`
    /// without its `sync` feature; a failed construction is kept as `None`, so it falls back
    /// without retrying.
    type Cache<K, F> = RefCell<HashMap<K, Option<F>>>;

    type DateFormatter<Set> = FixedCalendarDateTimeFormatter<Gregorian, Set>;

    thread_local! {
        static DATES: Cache<(Lang, DateShape), DateFormatter<DateFieldSet>> = RefCell::default();
        static MONTHS: Cache<Lang, DateFormatter<fieldsets::YM>> = RefCell::default();
        static CLOCKS: Cache<(Lang, HourCycle, bool), NoCalendarFormatter<fieldsets::T>> =
            RefCell::default();
        static ZONES: Cache<(Lang, ZoneName), NoCalendarFormatter<ZoneFieldSet>> =
            RefCell::default();
    }

    /// `format` with the formatter of `key` in `cache`, made by `make` the first time.
    fn with_cached<K: Eq + Hash, F: 'static, R>(
        cache: &'static LocalKey<Cache<K, F>>,
        key: K,
        make: impl FnOnce() -> Option<F>,
        format: impl FnOnce(&F) -> R,
    ) -> Option<R> {
        cache.with(|cache| {
            let mut cache = cache.borrow_mut();
            cache.entry(key).or_insert_with(make).as_ref().map(format)
        })
    }

    /// A length of `minutes` in hours, to the hundredth, as `lang` writes a number: "23",
    /// "23.5", "23,5" in German. A day is 23.5 hours long on Lord Howe Island when its clocks
    /// move forward by half an hour.
    pub fn hours(lang: Lang, minutes: i64) -> String {
        let mut value = Decimal::from((minutes * 100 + 30).div_euclid(60));
        value.multiply_pow10(-2);
        value.trim_end();
        let locale: Locale = lang.tag().parse().unwrap_or(Locale::UNKNOWN);
        match DecimalFormatter::try_new((&locale).into(), Default::default()) {
            Ok(formatter) => formatter.format(&value).to_string(),
            Err(_) => value.to_string(),
        }
    }

    /// The locale of `lang` reading a clock by `hours`: `ja-u-hc-h12`.
    fn locale(lang: Lang, hours: HourCycle) -> Locale {
        let cycle = match hours {
            HourCycle::H23 => "h23",
            HourCycle::H12 => "h12",
        };
        format!("{}-u-hc-{cycle}", lang.tag())
            .parse()
            .unwrap_or(Locale::UNKNOWN)
    }

    fn gregorian(date: jiff::civil::Date) -> Option<Date<Gregorian>> {
        let month = u8::try_from(date.month()).ok()?;
        let day = u8::try_from(date.day()).ok()?;
        Date::try_new_gregorian(i32::from(date.year()), month, day).ok()
    }

    /// `date` in `lang` by CLDR in the given shape.
    pub fn date(lang: Lang, shape: DateShape, date: jiff::civil::Date) -> String {
        let Some(day) = gregorian(date) else {
            return date.to_string();
        };
        // CLDR's Portuguese month title is "MMMM 'de' y"; ICU4X 2.4 loses the year's digits
        // in the long year-month pattern (DecimalFormatterNotLoaded), so it is put together here
        // from the standalone month name the same pattern uses.
        if shape == DateShape::MonthYear && lang == Lang::PtBr {
            let month = with_date(lang, DateShape::YearMonthDayLong, &day);
            let name = month
                .split(" de ")
                .nth(1)
                .map(str::to_owned)
                .unwrap_or(month);
            return format!("{name} de {}", date.year());
        }
        if shape == DateShape::MonthYear {
            return with_cached(
                &MONTHS,
                lang,
                || {
                    FixedCalendarDateTimeFormatter::try_new(
                        locale(lang, HourCycle::H23).into(),
                        fieldsets::YM::long(),
                    )
                    .ok()
                },
                |f| f.format(&day).to_string(),
            )
            .unwrap_or_else(|| date.to_string());
        }
        with_date(lang, shape, &day)
    }

    /// `day` in `lang` in a shape of CLDR's date field sets (any but [`DateShape::MonthYear`]).
    fn with_date(lang: Lang, shape: DateShape, day: &Date<Gregorian>) -> String {
        let set = match shape {
            DateShape::Day => DateFieldSet::YMDE(fieldsets::YMDE::medium()),
            DateShape::DayNoYear => DateFieldSet::MDE(fieldsets::MDE::medium()),
            DateShape::DayLong => DateFieldSet::YMDE(fieldsets::YMDE::long()),
            DateShape::DayLongNoYear => DateFieldSet::MDE(fieldsets::MDE::long()),
            DateShape::Weekday => DateFieldSet::E(fieldsets::E::short()),
            DateShape::WeekdayLong => DateFieldSet::E(fieldsets::E::long()),
            DateShape::MonthDay => DateFieldSet::MD(fieldsets::MD::medium()),
            DateShape::YearMonthDay => DateFieldSet::YMD(fieldsets::YMD::medium()),
            DateShape::YearMonthDayLong | DateShape::MonthYear => {
                DateFieldSet::YMD(fieldsets::YMD::long())
            }
        };
        with_cached(
            &DATES,
            (lang, shape),
            || {
                FixedCalendarDateTimeFormatter::try_new(locale(lang, HourCycle::H23).into(), set)
                    .ok()
            },
            |f| f.format(day).to_string(),
        )
        .unwrap_or_default()
    }

    /// A wall clock in `lang` read by `hours`: "13:05", "午後1:05"; `hour_only` for an hour
    /// line of a grid ("8 AM", "午前8時", "08").
    pub fn clock(lang: Lang, hours: HourCycle, time: jiff::civil::Time, hour_only: bool) -> String {
        let Ok(at) = Time::try_new(
            u8::try_from(time.hour()).unwrap_or(0),
            u8::try_from(time.minute()).unwrap_or(0),
            0,
            0,
        ) else {
            return time.to_string();
        };
        let set = if hour_only && hours == HourCycle::H12 {
            fieldsets::T::medium().with_time_precision(TimePrecision::Hour)
        } else {
            fieldsets::T::hm()
        };
        let hour_only = hour_only && hours == HourCycle::H12;
        with_cached(
            &CLOCKS,
            (lang, hours, hour_only),
            || NoCalendarFormatter::try_new(locale(lang, hours).into(), set).ok(),
            |f| f.format(&at).to_string(),
        )
        .unwrap_or_else(|| time.to_string())
    }

    /// How a zone is named.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum ZoneName {
        /// "JST", "MEZ", or the offset where CLDR has no short name in that language ("GMT+9").
        Short,
        /// "日本標準時", "Mitteleuropäische Normalzeit".
        Long,
        /// The offset: "GMT+09:00", "UTC+01:00".
        Offset,
        /// The place: "日本時間", "Los Angeles (Ortszeit)".
        Location,
        /// The city the zone is named after: "ニューヨーク", "New York".
        City,
    }

    /// The name of the IANA zone `iana` (whose offset at `at` is `offset`) in `lang`.
    pub fn zone(
        lang: Lang,
        name: ZoneName,
        iana: &str,
        zone: &jiff::tz::TimeZone,
        at: Timestamp,
    ) -> String {
        let offset = zone.to_offset(at);
        let utc = UtcOffset::try_from_seconds(offset.seconds()).ok();
        let local = at.to_zoned_datetime(zone.clone());
        let wall = DateTime {
            date: Date::try_new_iso(
                i32::from(local.year()),
                u8::try_from(local.month()).unwrap_or(1),
                u8::try_from(local.day()).unwrap_or(1),
            )
            .unwrap_or(Date::try_new_iso(2000, 1, 1).unwrap_or_else(|_| unreachable!())),
            time: Time::try_new(
                u8::try_from(local.hour()).unwrap_or(0),
                u8::try_from(local.minute()).unwrap_or(0),
                0,
                0,
            )
            .unwrap_or(Time::start_of_day()),
        };
        let info = IanaParser::new()
            .parse(iana)
            .with_offset(utc)
            .at_date_time(wall);
        let set = match name {
            ZoneName::Short => ZoneFieldSet::SpecificShort(fieldsets::zone::SpecificShort),
            ZoneName::Long => ZoneFieldSet::SpecificLong(fieldsets::zone::SpecificLong),
            ZoneName::Offset => {
                ZoneFieldSet::LocalizedOffsetLong(fieldsets::zone::LocalizedOffsetLong)
            }
            ZoneName::Location => ZoneFieldSet::Location(fieldsets::zone::Location),
            ZoneName::City => ZoneFieldSet::ExemplarCity(fieldsets::zone::ExemplarCity),
        };
        with_cached(
            &ZONES,
            (lang, name),
            || NoCalendarFormatter::try_new(locale(lang, HourCycle::H23).into(), set).ok(),
            |f| f.format(&info).to_string(),
        )
        .unwrap_or_else(|| iana.to_owned())
    }
}
