//! The hub file: many communities on one site. A hub is a folder of community files or a hub
//! file listing them:
//!
//! ```toml
//! [hub]
//! name = "Open source meetings"           # required
//! description = "Every project we host"   # optional
//! timezone = "UTC"                         # the hub pages' default zone (default UTC)
//!
//! [[communities]]
//! path = "todo-group/touchpoint.toml"      # relative to the hub file
//! id = "todo-group"                        # optional: else the file's name without .toml,
//!                                          # or its folder's name for a touchpoint.toml
//! ```
//!
//! Each community is served under `/{id}/…`, so an id is a URL segment ([`valid_id`]) that
//! must not be one of the hub's own routes ([`RESERVED_IDS`]). Parsing is pure ([`parse`]); the
//! binary reads the files.

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use touchpoint_calendar::Tz;

use crate::raw::RawText;
use crate::{Diagnostic, Lang, Severity, Text};

/// Ids a community cannot take: the hub's own routes at its root.
pub const RESERVED_IDS: [&str; 7] = [
    "api", "assets", "calendar", "embed", "health", "healthz", "static",
];

/// The longest community id, so a path segment stays readable.
const MAX_ID_LEN: usize = 63;

/// The `[hub]` table.
#[derive(Clone, Debug)]
pub struct HubInfo {
    /// Display name of the hub, in [`HubInfo::language`] and any others it is given in.
    pub name: Text,
    /// A short plain-text introduction, likewise.
    pub description: Option<Text>,
    /// The zone the hub pages show times in when the viewer has not chosen one.
    pub timezone: Tz,
    /// `language`: the language of the hub's own pages when the visitor asks for none of
    /// [`HubInfo::languages`] (default English).
    pub language: Lang,
    /// `languages`: the languages the hub's own pages are offered in, the default first
    /// (default: all of them).
    pub languages: Vec<Lang>,
}

impl HubInfo {
    /// A hub with `name`, no description, shown in UTC: a folder of community files.
    pub fn named(name: impl Into<String>) -> HubInfo {
        HubInfo {
            name: Text::plain(name.into(), Lang::En),
            description: None,
            timezone: Tz::utc(),
            language: Lang::En,
            languages: Lang::ALL.to_vec(),
        }
    }
}

/// One community of a hub: its id and its file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HubEntry {
    /// The URL segment it is served under.
    pub id: String,
    /// Its community file, as written in the hub file (relative to the hub file's folder).
    pub path: PathBuf,
}

/// A parsed hub file.
#[derive(Clone, Debug)]
pub struct HubFile {
    /// The `[hub]` table.
    pub info: HubInfo,
    /// The communities, in file order.
    pub communities: Vec<HubEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHubFile {
    hub: Spanned<RawHub>,
    #[serde(default)]
    communities: Vec<Spanned<RawEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHub {
    name: Spanned<RawText>,
    description: Option<Spanned<RawText>>,
    timezone: Option<Spanned<String>>,
    language: Option<Spanned<String>>,
    languages: Option<Spanned<Vec<Spanned<String>>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    path: Spanned<String>,
    id: Option<Spanned<String>>,
}

/// Whether `source` (a TOML file's text) is a hub file: it has a top-level `[hub]` table. A
/// community file never has one, so `--config` tells the two apart by this alone.
pub fn is_hub_file(source: &str) -> bool {
    source.lines().any(|line| line.trim() == "[hub]")
}

/// Whether `id` can name a community: lower-case ASCII letters, digits and `-`, starting with a
/// letter or digit, at most 63 characters, and not one of [`RESERVED_IDS`].
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !RESERVED_IDS.contains(&id)
}

/// Why `id` cannot name a community, as a hint.
fn id_hint(id: &str) -> String {
    if RESERVED_IDS.contains(&id) {
        format!(
            "`{id}` is one of the hub's own routes ({}); pick another id",
            RESERVED_IDS.join(", ")
        )
    } else {
        "use lower-case letters, digits and `-` (at most 63), as in `todo-group`".to_owned()
    }
}

/// The id a community file gets when none is written: its name without `.toml`, or its
/// folder's name for a `touchpoint.toml`.
pub fn id_of_path(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    if stem == "touchpoint" {
        let folder = path.parent()?.file_name()?.to_str()?;
        return Some(folder.to_owned());
    }
    Some(stem.to_owned())
}

/// Parse and check a hub file: every problem found, located, or the hub.
pub fn parse(source: &str) -> Result<HubFile, Vec<Diagnostic>> {
    let raw: RawHubFile = toml::from_str(source).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        vec![
            Diagnostic::error(source, span, e.message().trim_end_matches('.').to_owned())
                .with_code("hub-syntax"),
        ]
    })?;
    let mut problems = Vec::new();
    let mut error = |span: Range<usize>, message: String, hint: String| {
        problems.push(
            Diagnostic::new(Severity::Error, source, span, message)
                .with_code("hub-invalid")
                .with_hint(hint),
        );
    };
    let hub = raw.hub.into_inner();
    let timezone = match &hub.timezone {
        None => Tz::utc(),
        Some(zone) => Tz::iana(zone.get_ref()).unwrap_or_else(|| {
            let suggestions = crate::suggest_zones(zone.get_ref());
            error(
                zone.span(),
                format!("`{}` is not an IANA time zone", zone.get_ref()),
                match suggestions.first() {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => "write an IANA name such as `Europe/Berlin`".to_owned(),
                },
            );
            Tz::utc()
        }),
    };
    let mut tag = |tag: &Spanned<String>| {
        let lang = Lang::from_tag(tag.get_ref());
        if lang.is_none() {
            error(
                tag.span(),
                format!("`{}` is not a language tag Touchpoint knows", tag.get_ref()),
                match Lang::parse(tag.get_ref()) {
                    Some(lang) => format!("write `{}`", lang.tag()),
                    None => format!("the languages: {}", Lang::ALL.map(Lang::tag).join(", ")),
                },
            );
        }
        lang
    };
    let language = hub.language.as_ref().and_then(&mut tag).unwrap_or_default();
    let mut languages = vec![language];
    match &hub.languages {
        None => languages.extend(Lang::ALL.into_iter().filter(|l| *l != language)),
        Some(listed) => {
            let mut offers_default = false;
            for lang in listed.get_ref().iter().filter_map(&mut tag) {
                offers_default |= lang == language;
                if !languages.contains(&lang) {
                    languages.push(lang);
                }
            }
            if !offers_default {
                error(
                    listed.span(),
                    format!(
                        "`languages` does not offer the default language `{}`",
                        language.tag()
                    ),
                    format!("add \"{}\" to the list", language.tag()),
                );
            }
        }
    }
    // The name and description: a string in the default language, or a table by language
    // (`{ en = "…", ja = "…" }`) that has the default language's value, as in community files.
    // `None`: the default language's value is missing (reported).
    let mut text = |raw: Spanned<RawText>, key: &str| -> Option<Text> {
        let span = raw.span();
        let (mut text, has_default) = raw.into_inner().into_text(language, |tag| {
            let lang = Lang::from_tag(tag.get_ref());
            if lang.is_none() {
                error(
                    tag.span(),
                    format!(
                        "`{key}`: `{}` is not a language tag Touchpoint knows",
                        tag.get_ref()
                    ),
                    format!("the languages: {}", Lang::ALL.map(Lang::tag).join(", ")),
                );
            }
            lang
        });
        if !has_default {
            error(
                span,
                format!(
                    "`{key}` has no value in the default language `{}`",
                    language.tag()
                ),
                format!(
                    "add {} = \"…\": it is shown where no other language's value is",
                    language.tag()
                ),
            );
            return None;
        }
        text.default = text.default.trim().to_owned();
        for (_, value) in &mut text.by_lang {
            *value = value.trim().to_owned();
        }
        Some(text)
    };
    let name_span = hub.name.span();
    let name = text(hub.name, "name");
    let description = hub
        .description
        .and_then(|d| text(d, "description"))
        .filter(|d| !d.default.is_empty());
    if name.as_ref().is_some_and(|name| name.default.is_empty()) {
        error(
            name_span,
            "the hub's name is empty".to_owned(),
            "write the name people know the hub by".to_owned(),
        );
    }
    if raw.communities.is_empty() {
        error(
            0..0,
            "the hub lists no community".to_owned(),
            "add a [[communities]] table with the path of each community file".to_owned(),
        );
    }
    let mut communities: Vec<HubEntry> = Vec::new();
    for entry in raw.communities {
        let span = entry.span();
        let entry = entry.into_inner();
        let path = PathBuf::from(entry.path.get_ref());
        let (id, id_span) = match &entry.id {
            Some(id) => (Some(id.get_ref().clone()), id.span()),
            None => (id_of_path(&path), entry.path.span()),
        };
        let Some(id) = id else {
            error(
                entry.path.span(),
                format!("cannot name a community after `{}`", path.display()),
                "give it an `id`".to_owned(),
            );
            continue;
        };
        if !valid_id(&id) {
            error(
                id_span,
                format!("`{id}` cannot be a community's id"),
                id_hint(&id),
            );
            continue;
        }
        if communities.iter().any(|c| c.id == id) {
            error(
                span,
                format!("two communities have the id `{id}`"),
                "give one of them another `id`".to_owned(),
            );
            continue;
        }
        communities.push(HubEntry { id, path });
    }
    match name {
        Some(name) if problems.is_empty() => Ok(HubFile {
            info: HubInfo {
                name,
                description,
                timezone,
                language,
                languages,
            },
            communities,
        }),
        _ => {
            // In the order of the file, as a community file's are.
            problems.sort_by_key(|d| (d.line, d.column));
            Err(problems)
        }
    }
}

/// Why a community found in a hub folder cannot be served: its id, as a diagnostic on the file.
pub fn invalid_id_diagnostic(file: &Path, id: &str) -> Diagnostic {
    let mut d = Diagnostic::whole_file(
        Severity::Error,
        format!("`{id}` cannot be a community's id (it is the file's name)"),
    )
    .with_code("hub-invalid")
    .with_hint(format!("rename the file; {}", id_hint(id)));
    d.file = Some(file.to_path_buf());
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_parse_a_hub_file() {
        let hub = parse(
            "[hub]\nname = \"Foundation\"\ntimezone = \"Europe/Berlin\"\n\n\
             [[communities]]\npath = \"todo-group/touchpoint.toml\"\n\n\
             [[communities]]\npath = \"kernel.toml\"\n\n\
             [[communities]]\npath = \"x/y.toml\"\nid = \"why\"\n",
        )
        .unwrap();
        assert_eq!(hub.info.name, "Foundation");
        assert_eq!(&*hub.info.timezone.name, "Europe/Berlin");
        let ids: Vec<&str> = hub.communities.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["todo-group", "kernel", "why"]);
    }

    #[test]
    fn can_set_the_hubs_languages_and_refuses_unknown_tags() {
        let hub = parse(
            "[hub]\nname = \"F\"\nlanguage = \"ja\"\nlanguages = [\"en\", \"ja\"]\n\
             [[communities]]\npath = \"a.toml\"\n",
        )
        .unwrap();
        assert_eq!(hub.info.language, Lang::Ja);
        assert_eq!(hub.info.languages, [Lang::Ja, Lang::En]);
        let every = parse("[hub]\nname = \"F\"\n[[communities]]\npath = \"a.toml\"\n").unwrap();
        assert_eq!(every.info.languages, Lang::ALL);
        let problems = parse(
            "[hub]\nname = \"F\"\nlanguage = \"zh-CN\"\nlanguages = [\"ja\"]\n\
             [[communities]]\npath = \"a.toml\"\n",
        )
        .unwrap_err();
        let said: Vec<(usize, &str)> = problems
            .iter()
            .map(|p| (p.line, p.hint.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            said,
            [(3, "write `zh-Hans`"), (4, "add \"en\" to the list")],
            "{problems:?}"
        );
    }

    #[test]
    fn can_name_and_describe_the_hub_in_several_languages() {
        let hub = parse(
            "[hub]\nname = { en = \"Open Meetings\", ja = \"オープンミーティング\" }\n\
             description.en = \"Every meeting.\"\ndescription.de = \"Jedes Treffen.\"\n\
             [[communities]]\npath = \"a.toml\"\n",
        )
        .unwrap();
        assert_eq!(
            hub.info.name.get(Lang::Ja),
            ("オープンミーティング", Lang::Ja)
        );
        assert_eq!(hub.info.name.get(Lang::Fr), ("Open Meetings", Lang::En));
        let description = hub.info.description.unwrap();
        assert_eq!(description.get(Lang::De), ("Jedes Treffen.", Lang::De));
        assert_eq!(description.as_str(), "Every meeting.");
        // The default language's value is required; unknown tags are refused, where written.
        let problems = parse(
            "[hub]\nname = { ja = \"名前\" }\ndescription = { en = \"x\", xx = \"y\" }\n\
             [[communities]]\npath = \"a.toml\"\n",
        )
        .unwrap_err();
        let said: Vec<(usize, &str)> = problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert_eq!(
            said,
            [
                (2, "`name` has no value in the default language `en`"),
                (
                    3,
                    "`description`: `xx` is not a language tag Touchpoint knows"
                ),
            ],
            "{problems:?}"
        );
    }

    #[test]
    fn errors_when_ids_are_not_url_segments_or_repeat() {
        let problems = parse(
            "[hub]\nname = \"F\"\n[[communities]]\npath = \"Big Thing.toml\"\n\
             [[communities]]\npath = \"api.toml\"\n[[communities]]\npath = \"a.toml\"\n\
             [[communities]]\npath = \"b/a.toml\"\n",
        )
        .unwrap_err();
        let lines: Vec<(usize, &str)> = problems
            .iter()
            .map(|d| (d.line, d.message.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (4, "`Big Thing` cannot be a community's id"),
                (6, "`api` cannot be a community's id"),
                (9, "two communities have the id `a`"),
            ]
        );
    }

    #[test]
    fn errors_on_unknown_keys_and_zones_with_their_place() {
        let problems = parse("[hub]\nname = \"F\"\ncolour = 1\n").unwrap_err();
        assert_eq!(problems[0].line, 3);
        let problems =
            parse("[hub]\nname = \"F\"\ntimezone = \"Europe/Berln\"\n[[communities]]\npath = \"a.toml\"\n")
                .unwrap_err();
        assert_eq!(problems[0].line, 3);
        assert_eq!(
            problems[0].hint.as_deref(),
            Some("did you mean `Europe/Berlin`?")
        );
    }

    #[test]
    fn tells_a_hub_file_from_a_community_file() {
        assert!(is_hub_file("# x\n[hub]\nname = \"F\"\n"));
        assert!(!is_hub_file(crate::EXAMPLE));
    }

    #[test]
    fn names_a_community_after_its_file_or_folder() {
        assert_eq!(
            id_of_path(Path::new("a/b/kernel.toml")).as_deref(),
            Some("kernel")
        );
        assert_eq!(
            id_of_path(Path::new("hub/todo-group/touchpoint.toml")).as_deref(),
            Some("todo-group")
        );
    }
}
