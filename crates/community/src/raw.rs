//! The file as serde sees it: one struct per TOML table, spans kept on every value whose meaning
//! is checked later (so that check can point at it).
//!
//! Every key is optional here, the required ones too, and unknown keys are not denied: check
//! reports a missing key, an unknown one ([`Table`] names the keys of each table) and a value of
//! the wrong type itself, and still checks the other keys of that table, so one slip does not
//! hide the next. Nothing here is public; [`crate::check`] turns these into the typed
//! [`crate::model`].

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use toml::Spanned;
use toml::value::Datetime;

use crate::{Lang, Text};

/// `[community]`.
#[derive(Debug, Deserialize)]
#[serde(expecting = "a table")]
pub(crate) struct RawCommunity {
    pub name: Option<Spanned<RawText>>,
    pub description: Option<Spanned<RawText>>,
    pub timezone: Option<Spanned<String>>,
    pub language: Option<Spanned<String>>,
    pub languages: Option<Spanned<Vec<Spanned<String>>>>,
    pub url: Option<Spanned<String>>,
    #[serde(default)]
    pub links: Vec<Spanned<RawLink>>,
    pub join_visibility: Option<Spanned<String>>,
    pub join_near_start: Option<Spanned<String>>,
    pub register: Option<Spanned<String>>,
    pub contact: Option<Spanned<String>>,
}

/// A `{ label, url }` link.
#[derive(Debug, Deserialize)]
#[serde(expecting = "a table")]
pub(crate) struct RawLink {
    pub label: Option<Spanned<RawText>>,
    pub url: Option<Spanned<String>>,
}

/// A `{ label, url? }` channel.
#[derive(Debug, Deserialize)]
#[serde(expecting = "a table")]
pub(crate) struct RawChannel {
    pub label: Option<Spanned<RawText>>,
    pub url: Option<Spanned<String>>,
}

/// Text for people: a plain string, or the same text by language tag
/// (`{ en = "Weekly call", ja = "定例会議" }`). The tags are checked against the languages
/// Touchpoint speaks by [`crate::check`].
#[derive(Debug)]
pub(crate) enum RawText {
    /// `"…"`.
    Plain(String),
    /// `{ tag = "…", … }`, in file order, each tag and value with its span.
    ByLang(Vec<(Spanned<String>, Spanned<String>)>),
}

impl RawText {
    /// The text, its plain string or its table read with `default` as the default language;
    /// `lang_of` names each table key's language (`None`: not one, reported by the caller).
    /// With it, whether a table gave the default language's value (a plain string always does).
    pub(crate) fn into_text(
        self,
        default: Lang,
        mut lang_of: impl FnMut(&Spanned<String>) -> Option<Lang>,
    ) -> (Text, bool) {
        match self {
            RawText::Plain(value) => (Text::plain(value, default), true),
            RawText::ByLang(entries) => {
                let mut text = Text::plain(String::new(), default);
                let mut has_default = false;
                for (tag, value) in entries {
                    match lang_of(&tag) {
                        Some(lang) if lang == default => {
                            has_default = true;
                            text.default = value.into_inner();
                        }
                        Some(lang) => text.by_lang.push((lang, value.into_inner())),
                        None => {}
                    }
                }
                (text, has_default)
            }
        }
    }
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RawText, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = RawText;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    r#"a string, or a table of strings by language (`{ en = "…", ja = "…" }`)"#,
                )
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawText, E> {
                Ok(RawText::Plain(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<RawText, E> {
                Ok(RawText::Plain(v))
            }

            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<RawText, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    entries.push((key, map.next_value::<Spanned<String>>()?));
                }
                Ok(RawText::ByLang(entries))
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}

/// `[[series]]`.
#[derive(Debug, Deserialize)]
#[serde(expecting = "a table")]
pub(crate) struct RawSeries {
    pub id: Option<Spanned<String>>,
    pub title: Option<Spanned<RawText>>,
    pub description: Option<Spanned<RawText>>,
    pub timezone: Option<Spanned<String>>,
    pub start: Option<Spanned<String>>,
    pub duration: Option<Spanned<String>>,
    pub repeat: Option<Spanned<String>>,
    pub rrule: Option<Spanned<String>>,
    pub first: Option<Spanned<Datetime>>,
    pub last: Option<Spanned<Datetime>>,
    pub join: Option<Spanned<String>>,
    pub agenda: Option<Spanned<String>>,
    pub notes: Option<Spanned<String>>,
    pub recordings: Option<Spanned<String>>,
    pub group: Option<Spanned<String>>,
    pub join_visibility: Option<Spanned<String>>,
    pub join_near_start: Option<Spanned<String>>,
    pub register: Option<Spanned<String>>,
    pub contact: Option<Spanned<String>>,
    #[serde(default)]
    pub exceptions: Vec<Spanned<RawException>>,
}

/// `[[series.exceptions]]`.
#[derive(Debug, Deserialize)]
#[serde(expecting = "a table")]
pub(crate) struct RawException {
    pub date: Option<Spanned<Datetime>>,
    pub cancel: Option<Spanned<String>>,
    pub move_to: Option<Spanned<Datetime>>,
    pub extra: Option<Spanned<bool>>,
    pub time: Option<Spanned<String>>,
    pub agenda: Option<Spanned<String>>,
    pub notes: Option<Spanned<String>>,
    pub recording: Option<Spanned<String>>,
}

/// `[[groups]]`.
#[derive(Debug, Deserialize)]
#[serde(expecting = "a table")]
pub(crate) struct RawGroup {
    pub id: Option<Spanned<String>>,
    pub title: Option<Spanned<RawText>>,
    pub description: Option<Spanned<RawText>>,
    pub repository: Option<Spanned<RawLink>>,
    pub mailing_list: Option<Spanned<RawLink>>,
    pub chat: Option<Spanned<RawChannel>>,
    pub calendar: Option<Spanned<RawChannel>>,
    pub join_visibility: Option<Spanned<String>>,
    pub join_near_start: Option<Spanned<String>>,
    pub register: Option<Spanned<String>>,
    pub contact: Option<Spanned<String>>,
}

/// `[[calendars]]`.
#[derive(Debug, Deserialize)]
#[serde(expecting = "a table")]
pub(crate) struct RawCalendar {
    pub id: Option<Spanned<String>>,
    pub name: Option<String>,
    pub url: Option<Spanned<String>>,
    pub path: Option<Spanned<String>>,
    pub colour: Option<Spanned<String>>,
    pub refresh: Option<Spanned<String>>,
    pub join_visibility: Option<Spanned<String>>,
    pub join_near_start: Option<Spanned<String>>,
    pub register: Option<Spanned<String>>,
    pub contact: Option<Spanned<String>>,
}

/// `[[announce]]`: a channel that hears about meetings (issue 18). Lists are read as lists of
/// spanned strings so that each bad entry is pointed at.
#[derive(Debug, Deserialize)]
#[serde(expecting = "a table")]
pub(crate) struct RawAnnounce {
    pub id: Option<Spanned<String>>,
    pub kind: Option<Spanned<String>>,
    pub to: Option<Spanned<String>>,
    pub from: Option<Spanned<String>>,
    pub smtp_url_env: Option<Spanned<String>>,
    pub url_env: Option<Spanned<String>>,
    pub homeserver: Option<Spanned<String>>,
    pub room: Option<Spanned<String>>,
    pub token_env: Option<Spanned<String>>,
    pub secret_env: Option<Spanned<String>>,
    pub ca_file: Option<Spanned<String>>,
    pub leads: Option<Spanned<Vec<Spanned<String>>>>,
    pub changes: Option<Spanned<bool>>,
    pub changes_days: Option<Spanned<i64>>,
    pub digest: Option<Spanned<String>>,
    pub zones: Option<Vec<Spanned<String>>>,
    pub series: Option<Vec<Spanned<String>>>,
    pub groups: Option<Vec<Spanned<String>>>,
    pub calendars: Option<Vec<Spanned<String>>>,
}

/// The join-link keys a `[community]`, `[[groups]]`, `[[series]]` or `[[calendars]]` table may
/// hold, taken out of it to be checked together.
#[derive(Debug, Default)]
pub(crate) struct RawJoin {
    pub visibility: Option<Spanned<String>>,
    pub near_start: Option<Spanned<String>>,
    pub register: Option<Spanned<String>>,
    pub contact: Option<Spanned<String>>,
}

/// Take the join-link keys out of a raw table that has them.
macro_rules! take_join {
    ($($table:ty),*) => {$(
        impl $table {
            pub(crate) fn take_join(&mut self) -> RawJoin {
                RawJoin {
                    visibility: self.join_visibility.take(),
                    near_start: self.join_near_start.take(),
                    register: self.register.take(),
                    contact: self.contact.take(),
                }
            }
        }
    )*};
}

take_join!(RawCommunity, RawSeries, RawGroup, RawCalendar);

/// The kinds of table in the file, for the keys check reports against: which keys a table
/// knows, and which of them hold tables of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Table {
    /// `[community]`.
    Community,
    /// A link: `[community].links`, a group's `repository` and `mailing_list`.
    Link,
    /// A group's `chat` and `calendar`.
    Channel,
    /// `[[series]]`.
    Series,
    /// `[[series.exceptions]]`.
    Exception,
    /// `[[groups]]`.
    Group,
    /// `[[calendars]]`.
    Calendar,
    /// `[[announce]]`.
    Announce,
}

impl Table {
    /// The keys this table knows, in the order of its struct: serde's own list of the fields,
    /// so it cannot drift from the struct.
    pub(crate) fn keys(self) -> &'static [&'static str] {
        match self {
            Table::Community => fields_of::<RawCommunity>(),
            Table::Link => fields_of::<RawLink>(),
            Table::Channel => fields_of::<RawChannel>(),
            Table::Series => fields_of::<RawSeries>(),
            Table::Exception => fields_of::<RawException>(),
            Table::Group => fields_of::<RawGroup>(),
            Table::Calendar => fields_of::<RawCalendar>(),
            Table::Announce => fields_of::<RawAnnounce>(),
        }
    }

    /// The kind of the table (or of each table in the array) under `key`, if it holds tables.
    pub(crate) fn child(self, key: &str) -> Option<Table> {
        match (self, key) {
            (Table::Community, "links") => Some(Table::Link),
            (Table::Series, "exceptions") => Some(Table::Exception),
            (Table::Group, "repository" | "mailing_list") => Some(Table::Link),
            (Table::Group, "chat" | "calendar") => Some(Table::Channel),
            _ => None,
        }
    }
}

/// The field names a derived `Deserialize` passes to `deserialize_struct`.
fn fields_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut fields = None;
    // The recorder refuses every value, so this is always an error; the names are the result.
    let _ = T::deserialize(FieldRecorder {
        fields: &mut fields,
    });
    fields.unwrap_or(&[])
}

/// A deserializer that only notes the field names of the struct asked of it.
struct FieldRecorder<'f> {
    fields: &'f mut Option<&'static [&'static str]>,
}

/// [`FieldRecorder`]'s refusal.
#[derive(Debug)]
struct Recorded;

impl std::fmt::Display for Recorded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field names recorded")
    }
}

impl std::error::Error for Recorded {}

impl de::Error for Recorded {
    fn custom<M: std::fmt::Display>(_: M) -> Recorded {
        Recorded
    }
}

impl<'de> Deserializer<'de> for FieldRecorder<'_> {
    type Error = Recorded;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Recorded> {
        Err(Recorded)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Recorded> {
        *self.fields = Some(fields);
        Err(Recorded)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KINDS: [Table; 8] = [
        Table::Community,
        Table::Link,
        Table::Channel,
        Table::Series,
        Table::Exception,
        Table::Group,
        Table::Calendar,
        Table::Announce,
    ];

    #[test]
    fn can_name_the_keys_of_each_table() {
        assert_eq!(Table::Link.keys(), ["label", "url"]);
        assert_eq!(
            Table::Calendar.keys(),
            [
                "id",
                "name",
                "url",
                "path",
                "colour",
                "refresh",
                "join_visibility",
                "join_near_start",
                "register",
                "contact"
            ]
        );
        for kind in KINDS {
            assert!(!kind.keys().is_empty(), "{kind:?}");
        }
    }

    /// `child` must name every key whose value serde reads as a table (or an array of them):
    /// check looks for unknown keys only where `child` leads it. Every key is optional, so a
    /// table of unknown keys reads as such a value, and as nothing else.
    #[test]
    fn can_tell_every_key_that_holds_tables() {
        fn reads_tables<T: serde::de::DeserializeOwned>(key: &str) -> bool {
            [
                format!("{key} = {{ zzz = 1 }}"),
                format!("{key} = [{{ zzz = 1 }}]"),
            ]
            .iter()
            .any(|text| toml::from_str::<T>(text).is_ok())
        }
        for kind in KINDS {
            for key in kind.keys() {
                let holds_tables = match kind {
                    Table::Community => reads_tables::<RawCommunity>(key),
                    Table::Link => reads_tables::<RawLink>(key),
                    Table::Channel => reads_tables::<RawChannel>(key),
                    Table::Series => reads_tables::<RawSeries>(key),
                    Table::Exception => reads_tables::<RawException>(key),
                    Table::Group => reads_tables::<RawGroup>(key),
                    Table::Calendar => reads_tables::<RawCalendar>(key),
                    Table::Announce => reads_tables::<RawAnnounce>(key),
                };
                assert_eq!(kind.child(key).is_some(), holds_tables, "{kind:?}.{key}");
            }
        }
    }
}
