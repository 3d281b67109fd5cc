//! An outside calendar's event in full: its DESCRIPTION, LOCATION and URL in a `<details>` under
//! the entry, wherever outside events are listed (the agenda, week and month views, the home
//! page's "Other calendars" cards).
//!
//! Everything here is someone else's text. Producers write descriptions as plain text or as
//! HTML (Google Calendar's editor writes `<br>`, `<b>`, `<a href>`); the HTML is reduced to its
//! text, never rendered: the result goes through maud's escaping like any text. Addresses in
//! the text become links only when they are http, https or mailto ([`crate::safe_url`]), with
//! `rel="nofollow noopener"`; anything else (`javascript:`) stays text. A description is cut
//! at [`MAX_CHARS`] so a feed cannot make a page heavy.

use maud::{Markup, html};

use crate::i18n::{Arg, Lang, markup};
use crate::{Item, Origin, Source, safe_url, t};
use touchpoint_calendar::event_text::plain_text;

/// The most characters of a description a page shows (the rest is on the event's own page).
pub const MAX_CHARS: usize = 1500;

/// The `<details>` of an outside calendar's event, or nothing when it has no description,
/// location or safe URL (or is one of the community's own).
pub(crate) fn event_details(lang: Lang, item: &Item<'_>) -> Markup {
    let Origin::Source(_) = item.origin else {
        return html! {};
    };
    let description = item.description().map(|text| cut(&plain_text(text)));
    let location = item.location();
    let page = item.event.url.as_deref().filter(|url| safe_url(url));
    if description.as_deref().is_none_or(str::is_empty) && location.is_none() && page.is_none() {
        return html! {};
    }
    html! {
        details class="event-more" {
            summary { (t!(lang, "details")) span class="sr" { " " (t!(lang, "details-of", title = super::item_title_in(lang, item))) } }
            @if let Some(location) = location {
                p class="where" { (markup(lang, "details-where", &[("place", Arg::Html(linked(location)))])) }
            }
            @if let Some(text) = description.as_deref().filter(|t| !t.is_empty()) {
                div class="desc" {
                    @for paragraph in text.split("\n\n") {
                        p {
                            @for (i, line) in paragraph.lines().enumerate() {
                                @if i > 0 { br; }
                                (linked(line))
                            }
                        }
                    }
                }
            }
            @if let Some(url) = page {
                p { a href=(url) rel="nofollow noopener" { (t!(lang, "details-event-page")) } }
            }
        }
    }
}

/// The details of the outside events among `items`, each event once (a daily call's description
/// is not repeated per day): where a view's entries are too small to hold them (the week's hour
/// grid), they follow it.
pub(crate) fn outside_details<'i, 'a: 'i>(
    lang: Lang,
    items: impl IntoIterator<Item = &'i Item<'a>>,
) -> Markup {
    let mut seen = std::collections::HashSet::new();
    let shown: Vec<(&Item<'_>, &Source, Markup)> = items
        .into_iter()
        .filter_map(|item| {
            let Origin::Source(source) = item.origin else {
                return None;
            };
            if !seen.insert((source.decl.id.as_str(), item.event.uid.as_str())) {
                return None;
            }
            let details = event_details(lang, item);
            (!details.0.is_empty()).then_some((item, source, details))
        })
        .collect();
    html! {
        @if !shown.is_empty() {
            section class="outside-details" aria-labelledby="outside-details-h" {
                h3 id="outside-details-h" { (t!(lang, "details-outside")) }
                ul class="occurrences" {
                    @for (item, source, details) in shown {
                        li class="occ" {
                            (super::layout::swatch(item))
                            span class="title" { (item.title()) }
                            " " span class="source" { "(" (source.decl.name) ")" }
                            (details)
                        }
                    }
                }
            }
        }
    }
}

/// `text` escaped, with its http(s) addresses and e-mail addresses as links.
pub(crate) fn linked(text: &str) -> Markup {
    let finder = linkify::LinkFinder::new();
    html! {
        @for span in finder.spans(text) {
            @match span.kind() {
                Some(linkify::LinkKind::Url) if safe_url(span.as_str()) => {
                    a href=(span.as_str()) rel="nofollow noopener" { (span.as_str()) }
                }
                Some(linkify::LinkKind::Email) => {
                    a href={ "mailto:" (span.as_str()) } rel="nofollow noopener" { (span.as_str()) }
                }
                _ => (span.as_str()),
            }
        }
    }
}

/// At most [`MAX_CHARS`] characters of `text`, with "…" when cut.
fn cut(text: &str) -> String {
    match text.char_indices().nth(MAX_CHARS) {
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cannot_let_hostile_text_become_markup_or_a_script_link() {
        let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>\
                       <a href=\"javascript:alert(3)\">click</a> javascript:alert(4) \
                       &lt;b&gt;bold&lt;/b&gt; mailto:a@example.org https://ok.example.org/p";
        let text = plain_text(hostile);
        assert!(text.starts_with("click (javascript:alert(3))"), "{text}");
        let markup = linked(&text).into_string();
        assert!(!markup.contains("<script"), "{markup}");
        assert!(!markup.contains("<img"), "{markup}");
        assert!(!markup.contains("<b>"), "{markup}");
        assert!(markup.contains("&lt;b&gt;bold"), "{markup}");
        assert!(!markup.contains("href=\"javascript"), "{markup}");
        assert!(
            markup.contains(r#"<a href="https://ok.example.org/p" rel="nofollow noopener">"#),
            "{markup}"
        );
        assert!(
            markup.contains(r#"<a href="mailto:a@example.org" rel="nofollow noopener">"#),
            "{markup}"
        );
        // The javascript: addresses stay words.
        assert_eq!(markup.matches("<a ").count(), 2, "{markup}");
    }

    #[test]
    fn can_cut_a_long_description() {
        let long = "word ".repeat(2000);
        let cut = cut(&plain_text(&long));
        assert!(cut.ends_with('…'));
        assert!(cut.chars().count() <= MAX_CHARS + 1);
    }
}
