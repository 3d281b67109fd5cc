//! The community's own text (names, titles, descriptions, link labels) in the visitor's
//! language: the value the community file gives in [`Viewer::lang`], else its default
//! language's, which is then marked with `lang=` so screen readers switch voice.

use maud::{Markup, html};
use touchpoint_community::{Lang, Text};

use crate::{Item, Origin, Viewer};

/// `text` in the viewer's language, as inline markup: the bare value when it is in the page's
/// language, else a `<span lang="…">` around the default language's value.
pub fn text(viewer: &Viewer, text: &Text) -> Markup {
    let (value, lang) = text.get(viewer.lang);
    if lang == viewer.lang {
        html! { (value) }
    } else {
        html! { span lang=(lang.tag()) { (value) } }
    }
}

/// `text` in the viewer's language, for an attribute (`title=`, `aria-label=`), where no
/// `lang` can mark a fallback.
pub fn text_str<'a>(viewer: &Viewer, text: &'a Text) -> &'a str {
    text.get(viewer.lang).0
}

/// An occurrence's title in the viewer's language: for the community's own series, the
/// series' title per language unless the occurrence has a title of its own; an outside
/// calendar's title as its feed wrote it (in a language nobody declared, so unmarked).
pub fn item_title(viewer: &Viewer, item: &Item<'_>) -> Markup {
    match item.origin {
        Origin::Series(series) if item.title() == series.title.as_str() => {
            text(viewer, &series.title)
        }
        _ => html! { (item.title()) },
    }
}

/// [`item_title`] for an attribute or a screen reader's words, where no `lang` can mark a
/// fallback.
pub fn item_title_str<'a>(viewer: &Viewer, item: &'a Item<'_>) -> &'a str {
    item_title_in(viewer.lang, item)
}

/// [`item_title_str`] in `lang`, for renderers that are given a language without a viewer.
pub fn item_title_in<'a>(lang: Lang, item: &'a Item<'_>) -> &'a str {
    match item.origin {
        Origin::Series(series) if item.title() == series.title.as_str() => series.title.get(lang).0,
        _ => item.title(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use touchpoint_calendar::Tz;
    use touchpoint_community::Lang;

    fn viewer(lang: Lang) -> Viewer {
        let mut viewer = Viewer::new(Tz::iana("UTC").unwrap());
        viewer.lang = lang;
        viewer
    }

    #[test]
    fn can_show_a_translation_and_mark_a_fallback_with_its_language() {
        let title = Text {
            default: "Weekly call".to_owned(),
            lang: Lang::En,
            by_lang: vec![(Lang::Ja, "定例会議".to_owned())],
        };
        assert_eq!(text(&viewer(Lang::Ja), &title).into_string(), "定例会議");
        assert_eq!(text(&viewer(Lang::En), &title).into_string(), "Weekly call");
        assert_eq!(
            text(&viewer(Lang::De), &title).into_string(),
            r#"<span lang="en">Weekly call</span>"#
        );
        assert_eq!(text_str(&viewer(Lang::De), &title), "Weekly call");
    }
}
