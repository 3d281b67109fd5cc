//! The pages' words in the visitor's language: Project Fluent messages, one `.ftl` file per
//! language (`crates/site/locales/<tag>.ftl`), compiled into the binary. Adding a language is
//! adding its file (a copy of `en.ftl`, translated) and its [`Lang`] variant.
//!
//! Renderers never write English literals: they ask for a message by id, with [`t!`](crate::t!)
//! (`t!(viewer.lang, "nav-calendar")`, `t!(lang, "starts-in", minutes = 5)`). A message a
//! language lacks falls back to English and is recorded ([`missing`]), so the test that walks
//! every page in every language fails on an untranslated id; an id English lacks shows the id.
//!
//! Fluent is Mozilla's message format (Firefox's): plurals and other selectors use CLDR's
//! plural rules for each language, variables are named, and translators edit plain text files.
//! Dates and times are not messages: `when.rs` formats them with CLDR data.
//!
//! Each file has one section per page area, in the same order: `site` (the shell: navigation, pickers,
//! footer, error pages), `home` (home page, Next up), `calendar` (agenda, week, month), `planner`,
//! `series` (series and group pages, event details, subscribe), `when` (relative times,
//! cadences), `embed` (embeds and the web component), `hub` (the hub's own pages).

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::{LazyLock, Mutex};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

pub use fluent_bundle::FluentValue as Value;
pub use touchpoint_community::Lang;

/// The page areas: each language's file has one section per area, headed `## ---- <area>`.
pub const AREAS: [&str; 8] = [
    "site", "home", "calendar", "planner", "series", "when", "embed", "hub",
];

/// The message of `id` in `lang` (see the module docs), with named arguments:
/// `t!(lang, "id")` or `t!(lang, "id", count = 3, zone = name)`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:expr) => {
        $crate::i18n::text($lang, $id)
    };
    ($lang:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text_with(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::Value::from($value))),+],
        )
    };
}

/// The `.ftl` file of `lang`: every message of every page in that language.
pub fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../locales/en.ftl"),
        Lang::Ja => include_str!("../locales/ja.ftl"),
        Lang::ZhHans => include_str!("../locales/zh-Hans.ftl"),
        Lang::De => include_str!("../locales/de.ftl"),
        Lang::Fr => include_str!("../locales/fr.ftl"),
        Lang::Es => include_str!("../locales/es.ftl"),
        Lang::PtBr => include_str!("../locales/pt-BR.ftl"),
    }
}

/// The section of `lang`'s file for `area` (one of [`AREAS`]), without its heading; empty
/// for an unknown area.
pub fn section(lang: Lang, area: &str) -> &'static str {
    let source = source(lang);
    let heading = format!("## ---- {area} ");
    let Some(at) = source.find(&heading) else {
        return "";
    };
    let rest = &source[at..];
    let body = rest.find('\n').map_or("", |nl| &rest[nl + 1..]);
    body.find("\n## ---- ").map_or(body, |end| &body[..end])
}

type Bundle = FluentBundle<FluentResource>;

/// One bundle per language in [`Lang::ALL`] order, parsed on first use.
static BUNDLES: LazyLock<Vec<Bundle>> = LazyLock::new(|| Lang::ALL.map(bundle).into());

/// Ids asked for in a language that lacks them, as `"ja: nav-calendar"`.
static MISSING: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());

fn bundle(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // Pages are HTML, with no right-to-left language: no Unicode isolation marks around values.
    bundle.set_use_isolating(false);
    // A syntax error drops only the broken entry; the catalog test fails on any.
    let resource = FluentResource::try_new(source(lang).to_owned()).unwrap_or_else(|(r, _)| r);
    // A duplicate id keeps the first; the catalog test fails on any.
    let _ = bundle.add_resource(resource);
    bundle
}

fn bundle_of(lang: Lang) -> &'static Bundle {
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    &BUNDLES[index]
}

fn record_missing(lang: Lang, id: &str) {
    if let Ok(mut missing) = MISSING.lock() {
        missing.insert(format!("{}: {id}", lang.tag()));
    }
}

/// Formats `id` of `lang` with `args`, falling back to English, then to the id itself.
fn format(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> Cow<'static, str> {
    let mut lang = lang;
    loop {
        let bundle = bundle_of(lang);
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                record_missing(lang, &format!("{id} ({errors:?})"));
            }
            return text;
        }
        record_missing(lang, id);
        if lang == Lang::En {
            return Cow::Owned(id.to_owned());
        }
        lang = Lang::En;
    }
}

/// The language of a request among `offered`: `?lang=` (a shared view, `query`), else the
/// `lang` cookie (the visitor's pick), else the first language of `Accept-Language` offered,
/// else `default`. A value not offered is passed over, never an error.
pub fn choose(
    query: Option<&str>,
    cookie: Option<&str>,
    accept: &str,
    offered: &[Lang],
    default: Lang,
) -> Lang {
    let offered = |lang: &Lang| offered.contains(lang);
    query
        .and_then(Lang::parse)
        .filter(offered)
        .or_else(|| cookie.and_then(Lang::parse).filter(offered))
        .or_else(|| Lang::preferred(accept).into_iter().find(offered))
        .unwrap_or(default)
}

/// The message `id` in `lang` (no arguments); see [`t!`](crate::t!).
pub fn text(lang: Lang, id: &str) -> Cow<'static, str> {
    format(lang, id, None)
}

/// The message `id` in `lang` with named arguments; see [`t!`](crate::t!).
pub fn text_with(lang: Lang, id: &str, args: &[(&str, Value<'_>)]) -> String {
    let mut fluent = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent.set(*name, value.clone());
    }
    format(lang, id, Some(&fluent)).into_owned()
}

/// The message `id` in `lang` as HTML, where some arguments are markup (a link, a `<time>`):
/// `markup(lang, "next-in", &[("title", Arg::Html(link)), ("zone", Arg::Text(name))])`.
/// The message's own text and text arguments are escaped; markup arguments are put in as they
/// are. One whole sentence stays one message, so each language orders its words.
pub fn markup(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> maud::Markup {
    // Markup arguments go through Fluent as private-use placeholders, which escaping keeps.
    let mut fluent = FluentArgs::with_capacity(args.len());
    for (index, (name, arg)) in args.iter().enumerate() {
        match arg {
            Arg::Text(text) => fluent.set(*name, Value::from(*text)),
            Arg::Number(n) => fluent.set(*name, Value::from(*n)),
            Arg::Html(_) => fluent.set(*name, Value::from(placeholder(index))),
        }
    }
    let text = format(lang, id, Some(&fluent));
    let mut html = maud::html! { (text) }.into_string();
    for (index, (_, arg)) in args.iter().enumerate() {
        if let Arg::Html(markup) = arg {
            html = html.replace(&placeholder(index), &markup.0);
        }
    }
    maud::PreEscaped(html)
}

/// An argument of [`markup`].
#[derive(Clone, Debug)]
pub enum Arg<'a> {
    /// Plain text, escaped.
    Text(&'a str),
    /// A number, for plural selectors.
    Number(i64),
    /// Markup, put in as it is.
    Html(maud::Markup),
}

fn placeholder(index: usize) -> String {
    format!("\u{E000}{index}\u{E001}")
}

/// Every id asked for in a language that lacks it (or whose arguments did not fit), as
/// `"ja: nav-calendar"`, since the process started: what the page walk checks is empty.
pub fn missing() -> Vec<String> {
    MISSING
        .lock()
        .map(|missing| missing.iter().cloned().collect())
        .unwrap_or_default()
}

/// The message ids of `lang`'s files, in file order, with any syntax errors as messages.
pub fn ids(lang: Lang) -> Result<Vec<String>, Vec<String>> {
    match FluentResource::try_new(source(lang).to_owned()) {
        Ok(resource) => Ok(resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
                _ => None,
            })
            .collect()),
        Err((_, errors)) => Err(errors
            .iter()
            .map(|e| format!("{}.ftl: {e:?}", lang.tag()))
            .collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_message_of_english_and_no_other() {
        let english: BTreeSet<String> = ids(Lang::En).unwrap().into_iter().collect();
        for lang in Lang::ALL {
            let ids = ids(lang).unwrap_or_else(|e| panic!("{lang}: {e:?}"));
            let set: BTreeSet<String> = ids.iter().cloned().collect();
            assert_eq!(set.len(), ids.len(), "{lang}: an id is defined twice");
            let lacking: Vec<_> = english.difference(&set).collect();
            let extra: Vec<_> = set.difference(&english).collect();
            assert!(lacking.is_empty(), "{lang} lacks {lacking:?}");
            assert!(extra.is_empty(), "{lang} has ids English lacks: {extra:?}");
        }
    }

    #[test]
    fn chooses_the_link_then_the_cookie_then_the_browser_then_the_default() {
        let offered = [Lang::En, Lang::Ja, Lang::ZhHans];
        let choose = |q, c, a| choose(q, c, a, &offered, Lang::En);
        assert_eq!(choose(Some("ja"), Some("zh-Hans"), "en"), Lang::Ja);
        assert_eq!(choose(Some("de"), Some("zh-Hans"), "en"), Lang::ZhHans);
        assert_eq!(
            choose(None, Some("nonsense"), "fr, zh-CN;q=0.8"),
            Lang::ZhHans
        );
        assert_eq!(choose(None, None, "fr, de"), Lang::En);
        assert_eq!(choose(None, None, ""), Lang::En);
    }

    #[test]
    fn escapes_the_message_and_text_but_keeps_markup_arguments() {
        let link = maud::html! { a href="/x" { "A & B" } };
        let html = markup(
            Lang::En,
            "test-markup",
            &[("link", Arg::Html(link)), ("name", Arg::Text("<b>"))],
        );
        // English lacks the id, so the id itself shows, escaped; the gap is recorded.
        assert_eq!(html.into_string(), "test-markup");
        let bundle_text = {
            let mut bundle = Bundle::new_concurrent(vec!["en".parse().unwrap()]);
            bundle.set_use_isolating(false);
            let _ = bundle.add_resource(
                FluentResource::try_new("m = See { $link } & { $name }".to_owned()).unwrap(),
            );
            let mut args = FluentArgs::new();
            args.set("link", Value::from(placeholder(0)));
            args.set("name", Value::from("<b>"));
            let pattern = bundle.get_message("m").unwrap().value().unwrap();
            bundle
                .format_pattern(pattern, Some(&args), &mut vec![])
                .into_owned()
        };
        let html = maud::html! { (bundle_text) }.into_string();
        let html = html.replace(&placeholder(0), "<a href=\"/x\">A &amp; B</a>");
        assert_eq!(html, "See <a href=\"/x\">A &amp; B</a> &amp; &lt;b&gt;");
    }

    #[test]
    fn has_every_area_in_every_language_in_order() {
        for lang in Lang::ALL {
            let source = source(lang);
            let mut last = 0;
            for area in AREAS {
                let at = source.find(&format!("## ---- {area} ")).unwrap_or_else(|| {
                    panic!("{lang} has no section {area}");
                });
                assert!(at >= last, "{lang}: {area} out of order");
                last = at;
                assert!(!section(lang, area).contains("## ---- "), "{lang} {area}");
            }
        }
        assert!(section(Lang::En, "calendar").contains("cal-title = Calendar"));
        assert!(!section(Lang::En, "calendar").contains("nav-meetings"));
        assert_eq!(section(Lang::En, "nope"), "");
    }

    #[test]
    fn falls_back_to_english_and_records_the_gap() {
        assert_eq!(t!(Lang::Ja, "lang-picker-label"), "言語");
        assert_eq!(t!(Lang::De, "no-such-message-id"), "no-such-message-id");
        let missing = missing();
        assert!(
            missing.contains(&"de: no-such-message-id".to_owned()),
            "{missing:?}"
        );
        assert!(
            missing.contains(&"en: no-such-message-id".to_owned()),
            "{missing:?}"
        );
    }
}
