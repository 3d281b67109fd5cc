//! Small text helpers the importers share: ids, weekday and time parsing, repeat phrases.

use std::collections::HashSet;

use jiff::civil::{self, Weekday};
use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

/// A scalar YAML reads as a number or as text (`time: 1400` or `time: '1400'`).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum Scalar {
    Number(i64),
    Text(String),
}

impl Scalar {
    pub(crate) fn text(&self) -> String {
        match self {
            Scalar::Number(n) => n.to_string(),
            Scalar::Text(t) => t.trim().to_owned(),
        }
    }

    /// `HHMM`, with the leading zero YAML drops from a number (`900` → `"0900"`).
    pub(crate) fn hhmm(&self) -> String {
        match self {
            Scalar::Number(n) => format!("{n:04}"),
            Scalar::Text(t) => t.trim().to_owned(),
        }
    }

    /// `YYYYMMDD`.
    pub(crate) fn date(&self) -> Option<civil::Date> {
        let text = self.text();
        if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        civil::Date::new(
            text[..4].parse().ok()?,
            text[4..6].parse().ok()?,
            text[6..].parse().ok()?,
        )
        .ok()
    }
}

/// `[a-z0-9-]+` from any text: lower-cased, runs of other characters become one `-`.
pub(crate) fn slug(text: &str) -> String {
    // Latin letters keep their base letter ("Técnico" → "tecnico", not "t-cnico"): accents
    // split off by NFKD (which also makes "ﬁ" "fi" and "Ｆ" "F") and dropped, and the letters it
    // leaves whole spelled out.
    let mut out = String::new();
    for c in text.nfkd().flat_map(char::to_lowercase) {
        let spelled = match c {
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'ø' => "o",
            'ł' => "l",
            'đ' | 'ð' => "d",
            'þ' => "th",
            'ı' => "i",
            _ => "",
        };
        if !spelled.is_empty() {
            out.push_str(spelled);
        } else if ('\u{300}'..='\u{36f}').contains(&c) {
            // A combining accent (NFKD put it after its letter).
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let mut out: String = out.chars().take(60).collect();
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        "meeting".to_owned()
    } else {
        out
    }
}

/// Hands out ids unique within one file: `id`, `id-2`, `id-3`…
#[derive(Default)]
pub(crate) struct Ids(HashSet<String>);

impl Ids {
    pub(crate) fn unique(&mut self, base: &str) -> String {
        let base = slug(base);
        let mut id = base.clone();
        let mut n = 2;
        while !self.0.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

/// A weekday from its English name, full or three letters, any case, plural accepted, as a
/// community file's `repeat` reads it; a trailing comma or full stop of free text is ignored.
pub(crate) fn weekday(word: &str) -> Option<Weekday> {
    touchpoint_community::repeat::weekday(word.trim().trim_end_matches([',', '.']))
}

pub(crate) use touchpoint_community::repeat::weekday_name;

/// `1` → `"1st"`, …, `-1` → `"last"`: the ordinals `repeat` accepts.
pub(crate) fn ordinal(nth: i8) -> Option<&'static str> {
    Some(match nth {
        1 => "1st",
        2 => "2nd",
        3 => "3rd",
        4 => "4th",
        5 => "5th",
        -1 => "last",
        _ => return None,
    })
}

/// An ordinal word: `first`/`1st` … `fifth`/`5th`, `last`.
pub(crate) fn ordinal_word(word: &str) -> Option<i8> {
    Some(match word.trim().to_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        "fifth" | "5th" => 5,
        "last" => -1,
        _ => return None,
    })
}

/// `weekly on Tuesday`, `every 2 weeks on Monday and Thursday`.
pub(crate) fn weekly_phrase(interval: u32, days: &[Weekday]) -> String {
    let names: Vec<&str> = days.iter().map(|d| weekday_name(*d)).collect();
    let names = names.join(", ");
    if interval == 1 {
        format!("weekly on {names}")
    } else {
        format!("every {interval} weeks on {names}")
    }
}

/// `monthly on the 2nd Tuesday`.
pub(crate) fn monthly_phrase(nth: i8, day: Weekday) -> Option<String> {
    Some(format!(
        "monthly on the {} {}",
        ordinal(nth)?,
        weekday_name(day)
    ))
}

/// The first date on or after `from` that is a `day`.
pub(crate) fn next_weekday(from: civil::Date, day: Weekday) -> civil::Date {
    let ahead = (day.to_monday_zero_offset() - from.weekday().to_monday_zero_offset() + 7) % 7;
    from.checked_add(jiff::Span::new().days(i64::from(ahead)))
        .unwrap_or(from)
}

/// The first date on or after `from` that is the `nth` `day` of its month.
pub(crate) fn next_nth_weekday(from: civil::Date, nth: i8, day: Weekday) -> Option<civil::Date> {
    let mut month = from.first_of_month();
    for _ in 0..14 {
        if let Ok(date) = month.nth_weekday_of_month(nth, day)
            && date >= from
        {
            return Some(date);
        }
        month = month.checked_add(jiff::Span::new().months(1)).ok()?;
    }
    None
}

/// A clock time: `"9:00"`, `"09:00"`, `"1400"`, `"10:30am"`, `"4pm"`, `"1:00 PM"`.
pub(crate) fn clock(text: &str) -> Option<civil::Time> {
    let lower = text.trim().to_lowercase().replace(' ', "");
    let (digits, pm) = if let Some(rest) = lower.strip_suffix("pm") {
        (rest, Some(true))
    } else if let Some(rest) = lower.strip_suffix("am") {
        (rest, Some(false))
    } else {
        (lower.as_str(), None)
    };
    let (hour, minute) = match digits.split_once(':') {
        Some((h, m)) => (h.parse::<i8>().ok()?, m.parse::<i8>().ok()?),
        None if digits.len() == 4 => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
        None if pm.is_some() && digits.len() <= 2 => (digits.parse().ok()?, 0),
        None => return None,
    };
    let hour = match pm {
        Some(true) if (1..12).contains(&hour) => hour + 12,
        Some(false) if hour == 12 => 0,
        Some(_) if !(1..=12).contains(&hour) => return None,
        _ => hour,
    };
    civil::Time::new(hour, minute, 0, 0).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn can_make_ids() {
        assert_eq!(
            slug("SIG API Machinery: Regular SIG Meeting"),
            "sig-api-machinery-regular-sig-meeting"
        );
        let mut ids = Ids::default();
        assert_eq!(ids.unique("Weekly"), "weekly");
        assert_eq!(ids.unique("weekly!"), "weekly-2");
        assert_eq!(ids.unique("???"), "meeting");
    }

    #[test]
    fn can_keep_latin_letters_without_their_accents_in_ids() {
        assert_eq!(slug("Técnico Sync 技术"), "tecnico-sync");
        assert_eq!(
            slug("Straßenbahn Øresund Łódź"),
            "strassenbahn-oresund-lodz"
        );
        assert_eq!(slug("Ça va? Ærø"), "ca-va-aero");
        // Compatibility characters as the letters they stand for.
        assert_eq!(slug("ﬁnal ĳssel Ｆｕｌｌ"), "final-ijssel-full");
        // Nothing Latin: the fallback.
        assert_eq!(slug("技术"), "meeting");
    }

    #[test]
    fn can_read_clock_times() {
        assert_eq!(clock("9:00"), Some(civil::time(9, 0, 0, 0)));
        assert_eq!(clock("1400"), Some(civil::time(14, 0, 0, 0)));
        assert_eq!(clock("10:30am"), Some(civil::time(10, 30, 0, 0)));
        assert_eq!(clock("4pm"), Some(civil::time(16, 0, 0, 0)));
        assert_eq!(clock("12:15 AM"), Some(civil::time(0, 15, 0, 0)));
        assert_eq!(clock("25:00"), None);
        assert_eq!(clock("noon"), None);
    }

    #[test]
    fn can_find_next_dates() {
        // 2026-11-30 is a Monday.
        assert_eq!(
            next_weekday(date(2026, 11, 30), Weekday::Monday),
            date(2026, 11, 30)
        );
        assert_eq!(
            next_weekday(date(2026, 11, 30), Weekday::Sunday),
            date(2026, 12, 6)
        );
        assert_eq!(
            next_nth_weekday(date(2026, 11, 30), -1, Weekday::Wednesday),
            Some(date(2026, 12, 30))
        );
    }
}
