//! The languages Touchpoint speaks, as BCP 47 tags, and how a visitor's `Accept-Language` picks
//! one. The community file names its default and the languages it offers with these tags
//! (`language = "en"`, `languages = ["en", "ja", "zh-Hans"]`); the messages themselves are the
//! site crate's (`touchpoint_site::i18n`).

use std::fmt;

/// A language Touchpoint's pages are translated into.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Japanese.
    Ja,
    /// Chinese in simplified characters.
    ZhHans,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Brazilian Portuguese.
    PtBr,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 7] = [
        Lang::En,
        Lang::Ja,
        Lang::ZhHans,
        Lang::De,
        Lang::Fr,
        Lang::Es,
        Lang::PtBr,
    ];

    /// The BCP 47 tag, as written in the community file, `lang=`, `hreflang=` and `?lang=`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
            Lang::ZhHans => "zh-Hans",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::PtBr => "pt-BR",
        }
    }

    /// The language's name in itself, for the language picker.
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ja => "日本語",
            Lang::ZhHans => "简体中文",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::PtBr => "Português (Brasil)",
        }
    }

    /// The language a tag asks for, leniently: case and `_` or `-` do not matter, a region or
    /// script that does not change the language is ignored (`en-GB`, `de-AT`, `es-419`), `pt`
    /// of any region reads Brazilian Portuguese, and `zh` reads Simplified Chinese unless the
    /// tag asks for traditional characters (`zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO`), which
    /// Touchpoint does not have.
    pub fn parse(tag: &str) -> Option<Lang> {
        let mut parts = tag.trim().split(['-', '_']);
        let language = parts.next()?.to_ascii_lowercase();
        Some(match language.as_str() {
            "en" => Lang::En,
            "ja" => Lang::Ja,
            "de" => Lang::De,
            "fr" => Lang::Fr,
            "es" => Lang::Es,
            "pt" => Lang::PtBr,
            "zh" => {
                let traditional = parts.any(|part| {
                    ["hant", "tw", "hk", "mo"].contains(&part.to_ascii_lowercase().as_str())
                });
                if traditional {
                    return None;
                }
                Lang::ZhHans
            }
            _ => return None,
        })
    }

    /// The exact tag of a language (`"zh-Hans"`, not `"zh-CN"`): what the community file must
    /// write, so a typo is caught rather than read as something else.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.tag() == tag)
    }

    /// The languages of an `Accept-Language` header that Touchpoint speaks, most preferred
    /// first (by `q`, then by order), each once. `*` and `q=0` ranges are skipped.
    pub fn preferred(accept_language: &str) -> Vec<Lang> {
        let mut ranked: Vec<(Lang, f32)> = Vec::new();
        for (tag, quality) in ranges(accept_language) {
            if let Some(lang) = Lang::parse(tag)
                && !ranked.iter().any(|(seen, _)| *seen == lang)
            {
                ranked.push((lang, quality));
            }
        }
        // Stable: equal qualities keep the header's order.
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        ranked.into_iter().map(|(lang, _)| lang).collect()
    }
}

/// The language ranges of an `Accept-Language` header with their `q`, in the header's order,
/// without `*` and `q=0` ranges. A header longer than any browser sends is read no further
/// than its first 32 ranges.
pub fn ranges(accept_language: &str) -> impl Iterator<Item = (&str, f32)> {
    accept_language.split(',').take(32).filter_map(|range| {
        let mut fields = range.split(';');
        let tag = fields.next().unwrap_or_default().trim();
        let quality = fields
            .find_map(|f| f.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let skipped = tag.is_empty() || tag == "*" || quality.is_nan() || quality <= 0.0;
        (!skipped).then_some((tag, quality))
    })
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_tags_browsers_send() {
        assert_eq!(Lang::parse("en-US"), Some(Lang::En));
        assert_eq!(Lang::parse("ja"), Some(Lang::Ja));
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::ZhHans));
        assert_eq!(Lang::parse("zh_hans_sg"), Some(Lang::ZhHans));
        assert_eq!(Lang::parse("zh-TW"), None);
        assert_eq!(Lang::parse("zh-Hant-HK"), None);
        assert_eq!(Lang::parse("pt-PT"), Some(Lang::PtBr));
        assert_eq!(Lang::parse("es-419"), Some(Lang::Es));
        assert_eq!(Lang::parse("ko"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn ranks_accept_language_by_quality_then_order() {
        assert_eq!(
            Lang::preferred("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5"),
            [Lang::Fr, Lang::En, Lang::De]
        );
        assert_eq!(
            Lang::preferred("en;q=0.5, ja, zh-TW, zh;q=0.6"),
            [Lang::Ja, Lang::ZhHans, Lang::En]
        );
        assert_eq!(Lang::preferred("ko, ja;q=0"), []);
        assert_eq!(Lang::preferred("de;q=nonsense"), [Lang::De]);
    }

    #[test]
    fn tags_round_trip_exactly() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
            assert_eq!(Lang::parse(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::from_tag("zh-CN"), None);
        assert_eq!(Lang::from_tag("EN"), None);
    }
}
