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

/// The text of a description that may be HTML: tags dropped (line and paragraph breaks kept, a
/// link's address kept beside its label), character references decoded, runs of blank lines
/// made one. Hand-written rather than an HTML parser: the result is only ever shown as escaped
/// text, so a tag read wrongly costs a stray character, never markup.
pub(crate) fn plain_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len());
    let mut href: Option<String> = None;
    let mut label_start = 0;
    let mut rest = text.as_str();
    while let Some(at) = rest.find('<') {
        let after = &rest[at + 1..];
        let is_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        let Some(end) = after.find('>').filter(|_| is_tag) else {
            out.push_str(&decode(&rest[..at + 1]));
            rest = after;
            continue;
        };
        out.push_str(&decode(&rest[..at]));
        let tag = &after[..end];
        rest = &after[end + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let closing = tag.starts_with('/');
        // A script's or style's body is code, not text: skip to its end tag.
        if !closing && (name == "script" || name == "style") {
            let end_tag = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            let skip = lower.find(&end_tag).unwrap_or(rest.len());
            rest = &rest[skip..];
            continue;
        }
        match name.as_str() {
            "br" => out.push('\n'),
            "p" | "div" | "ul" | "ol" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                out.push_str("\n\n")
            }
            "li" if !closing => out.push_str("\n• "),
            "a" if !closing => {
                href = attribute(tag, "href");
                label_start = out.len();
            }
            "a" => {
                // Keep the address unless the label already shows it.
                if let Some(url) = href.take().map(|u| decode(&u))
                    && !out[label_start..].contains(url.as_str())
                {
                    out.push_str(&format!(" ({url})"));
                }
            }
            _ => {}
        }
    }
    out.push_str(&decode(rest));
    // Trailing spaces and runs of blank lines go; single line breaks stay.
    let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
    let mut joined = String::with_capacity(out.len());
    let mut blank = 0;
    for line in lines {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !joined.is_empty() {
            joined.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        joined.push_str(line);
    }
    joined
}

/// The value of `name="…"` (or `'…'`) in a tag's text.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let value = &tag[at..];
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &value[1..];
    Some(value[..value.find(quote)?].to_owned())
}

/// `text` with HTML's character references decoded (the named ones descriptions use, and
/// numeric ones); anything else is left as written.
fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|end| *end <= 10);
        let decoded = end.and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code).filter(|c| !c.is_control() || *c == '\n')?
                }
            };
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_reduce_a_google_description_to_text_keeping_its_links() {
        let google = "Join the call<br><br><b>Agenda</b>: <a href=\"https://docs.example.org/a?x=1&amp;y=2\">notes</a><br>\
                      Meet: <a href=\"https://meet.google.com/abc-defg-hij\">https://meet.google.com/abc-defg-hij</a>\
                      <ul><li>one</li><li>two &amp; three</li></ul>";
        assert_eq!(
            plain_text(google),
            "Join the call\n\nAgenda: notes (https://docs.example.org/a?x=1&y=2)\n\
             Meet: https://meet.google.com/abc-defg-hij\n\n• one\n• two & three"
        );
    }

    #[test]
    fn can_keep_plain_text_as_written() {
        let text = "Call at 3 < 4 pm, a&b\nsee https://example.org/x.\n\n\n\nBye";
        assert_eq!(
            plain_text(text),
            "Call at 3 < 4 pm, a&b\nsee https://example.org/x.\n\nBye"
        );
    }

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
