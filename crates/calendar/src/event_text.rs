//! What a producer's text for an event holds, read as people see it: a description that may
//! be HTML reduced to its text ([`plain_text`]; Google Calendar's editor writes `<br>`, `<b>`,
//! `<a href>`), and the join link of a meeting: the video-call address its producer put in
//! the event's URL, LOCATION or DESCRIPTION (Google Calendar writes the Meet link in the
//! description, Outlook the Teams link, LFX and Zoom's own invitations the Zoom link).
//!
//! Only links to the video services people join meetings with are taken, so an agenda or a
//! mailing-list link in the description is never offered as "Join": Zoom (`zoom.us`,
//! `zoomgov.com`), Google Meet, Microsoft Teams, Jitsi Meet and Webex. Written by hand: finding
//! `https://` tokens in free text is a few lines, and `url::Url` does the parsing.
//!
//! Where a calendar's join links are not public ([`scrub`]), those same links are taken out of
//! its events' text, with the invitation lines that let one in without them (passcodes, meeting
//! IDs, PINs, one-tap dial strings).

use url::Url;

/// The first join link in `url`, then `location`, then `description`; `None` when none names a
/// known video service.
pub fn join_url(
    url: Option<&str>,
    location: Option<&str>,
    description: Option<&str>,
) -> Option<String> {
    [url, location, description]
        .into_iter()
        .flatten()
        .flat_map(links)
        .find(is_video_call)
        .map(|link| link.to_string())
}

/// Every `https://` link in `text`, as far as the first character a URL does not hold in prose
/// (space, quote, angle bracket), without trailing punctuation.
fn links(text: &str) -> impl Iterator<Item = Url> + '_ {
    spans(text).map(|(_, url)| url)
}

/// [`links`] with where each one is in `text`, a link inside another's text included (Google
/// wraps links in `https://www.google.com/url?q=https://…`). The run of characters a token
/// spans is found once for every link that starts in it, and a token longer than any address
/// a meeting gives is skipped unparsed: a 64 KiB description of `https://https://…` took 49 s
/// in a debug build when each match scanned and parsed the rest of the run.
fn spans(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, Url)> + '_ {
    /// Longer tokens are not a meeting's address (browsers' own limits are about this).
    const LONGEST: usize = 4096;
    let mut run_end = 0;
    text.match_indices("https://").filter_map(move |(at, _)| {
        if at >= run_end {
            let rest = &text[at..];
            run_end = at
                + rest
                    .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '\\'))
                    .unwrap_or(rest.len());
        }
        let token = text[at..run_end].trim_end_matches(['.', ',', ';', ':', ')', ']', '!', '?']);
        if token.len() > LONGEST {
            return None;
        }
        Url::parse(token)
            .ok()
            .map(|url| (at..at + token.len(), url))
    })
}

/// Whether `url` (a whole property value, such as an event's URL) is a video-call link.
pub fn is_join_link(url: &str) -> bool {
    Url::parse(url.trim()).is_ok_and(|url| is_video_call(&url))
}

/// `text` as it may be published when its meeting's join link is not public: each video-call
/// link (the services [`join_url`] knows) replaced by `instead`, and each line that gives a
/// way in without the link left out: a line naming a passcode, password, PIN, access code,
/// meeting or webinar ID, or holding a one-tap dial string (`+15550100,,123456789#`). `None`
/// when nothing but blank lines is left.
pub fn scrub(text: &str, instead: &str) -> Option<String> {
    let mut kept = Vec::new();
    for line in text.lines() {
        let mut out = String::with_capacity(line.len());
        let mut from = 0;
        for (span, url) in spans(line) {
            if span.start < from || !is_video_call(&url) {
                continue;
            }
            out.push_str(&line[from..span.start]);
            out.push_str(instead);
            from = span.end;
        }
        out.push_str(&line[from..]);
        // Looked at without the links, so a `?pwd=` in a replaced link leaves its line.
        if !gives_a_way_in(&out) {
            kept.push(out);
        }
    }
    let text = kept.join("\n");
    (!text.trim().is_empty()).then_some(text)
}

/// Whether a line of an invitation gives a way into the meeting without the link.
fn gives_a_way_in(line: &str) -> bool {
    const WORDS: [&str; 9] = [
        "passcode",
        "password",
        "pwd=",
        "access code",
        "meeting id",
        "meeting-id",
        "webinar id",
        "conference id",
        "one tap",
    ];
    let lower = line.to_lowercase();
    let pin = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| word == "pin");
    // Zoom's one-tap dial strings: a number, two commas, the meeting id.
    let one_tap = lower
        .match_indices(",,")
        .any(|(at, _)| lower[at + 2..].starts_with(|c: char| c.is_ascii_digit()));
    pin || one_tap || WORDS.iter().any(|word| lower.contains(word))
}

/// Whether `link` is a meeting on one of the known video services.
fn is_video_call(link: &Url) -> bool {
    let Some(host) = link.host_str() else {
        return false;
    };
    let host = host.to_ascii_lowercase();
    let within = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
    let path = link.path();
    (within("zoom.us") || within("zoomgov.com"))
        && ["/j/", "/w/", "/my/", "/s/"]
            .iter()
            .any(|p| path.starts_with(p))
        || host == "meet.google.com" && path.len() > 1
        || (host == "teams.microsoft.com" || host == "teams.live.com")
            && (path.starts_with("/l/meetup-join/") || path.starts_with("/meet/"))
        || host == "meet.jit.si" && path.len() > 1
        // A site's meeting ({site}.webex.com/meet/…, /join/…, /{site}/j.php?MTID=…,
        // /wbxmjs/joinservice/…), not webex.com's own pages.
        || host.ends_with(".webex.com")
            && host != "www.webex.com"
            && (["/meet/", "/join/", "/wbxmjs/"]
                .iter()
                .any(|p| path.starts_with(p))
                || path.ends_with("/j.php"))
}

/// The text of a description that may be HTML: tags dropped (line and paragraph breaks kept, a
/// link's address kept beside its label), character references decoded, runs of blank lines
/// made one. Hand-written rather than an HTML parser: the result is only ever shown as escaped
/// text, so a tag read wrongly costs a stray character, never markup.
pub fn plain_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len());
    let mut href: Option<String> = None;
    let mut label_start = 0;
    let mut rest = text.as_str();
    while let Some(at) = rest.find('<') {
        let after = &rest[at + 1..];
        // A comment is no text, links in it included.
        if let Some(comment) = after.strip_prefix("!--") {
            out.push_str(&decode(&rest[..at]));
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        // A tag's name ends at a space, `>` or `/`: `<https://…>` and `<jane@example.org>`, as
        // Outlook writes a link and an address in plain text, are text.
        let body = (after.strip_prefix('/'))
            .or_else(|| after.strip_prefix('!'))
            .unwrap_or(after);
        let word = |text: &str| {
            text.find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
                .unwrap_or(text.len())
        };
        let mut name_end = word(body);
        // A namespaced name (`<o:p>`, as Word's HTML writes) is a tag; `<https:` is not.
        if let Some(local) = body[name_end..].strip_prefix(':')
            && local.starts_with(|c: char| c.is_ascii_alphabetic())
        {
            name_end += 1 + word(local);
        }
        let is_tag = body.starts_with(|c: char| c.is_ascii_alphabetic())
            && body[name_end..].starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/');
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
    let wanted = format!("{name}=");
    // The attribute itself, not one whose name ends the same (`data-href=`).
    let at = lower
        .match_indices(&wanted)
        .find(|(at, _)| lower[..*at].ends_with(char::is_whitespace))?
        .0
        + wanted.len();
    let value = &tag[at..];
    match value.chars().next()? {
        quote @ ('"' | '\'') => {
            let value = &value[1..];
            Some(value[..value.find(quote)?].to_owned())
        }
        // Unquoted: up to the next space.
        _ => Some(value.split(char::is_whitespace).next()?.to_owned()),
    }
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
    use proptest::prelude::*;

    proptest! {
        /// Someone else's text never makes the reader panic, and reading it as text never
        /// makes it longer than its decoded characters and the addresses it names.
        #[test]
        fn reads_any_description_without_panicking(
            text in r#"([<>/!&;:@"'= a-z0-9\n-]|https://|<a href=|</a>|<!--|-->|&amp;|&#x41;){0,80}"#,
        ) {
            let plain = plain_text(&text);
            prop_assert!(plain.len() <= 2 * text.len() + 1, "{text:?} → {plain:?}");
            let _ = join_url(Some(&text), Some(&plain), Some(&text));
            let _ = scrub(&text, "[link]");
        }
    }

    #[test]
    fn can_keep_outlooks_plain_text_links_and_addresses() {
        // Outlook's plain-text body: a link and an address in angle brackets are text.
        let outlook = "Jetzt teilnehmen<https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0?context=%7b%7d>\nFragen an <jane@example.org>";
        assert_eq!(plain_text(outlook), outlook);
        assert_eq!(
            join_url(None, None, Some(&plain_text(outlook))).as_deref(),
            Some(
                "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0?context=%7b%7d"
            )
        );
        // Word's namespaced tags are tags.
        assert_eq!(plain_text("Hallo<o:p></o:p> Welt"), "Hallo Welt");
        // A comment says nothing, its links included.
        assert_eq!(
            plain_text("a<!-- <a href=\"https://x.example\">x</a> -->b<!-- open"),
            "ab"
        );
    }

    #[test]
    fn can_read_a_links_own_href_quoted_or_not() {
        assert_eq!(
            plain_text(
                "<a data-href=\"https://evil.example/x\" href=\"https://meet.google.com/aaa-bbbb-ccc\">join</a>"
            ),
            "join (https://meet.google.com/aaa-bbbb-ccc)"
        );
        assert_eq!(
            plain_text("<a href=https://zoom.us/j/123>z</a>"),
            "z (https://zoom.us/j/123)"
        );
    }

    #[test]
    fn can_find_a_link_inside_another_and_pass_over_a_run_of_them() {
        // Google's redirect around the Zoom link: found, and scrubbed.
        let google = "https://www.google.com/url?q=https://zoom.us/j/123&sa=D";
        assert_eq!(
            join_url(None, None, Some(google)).as_deref(),
            Some("https://zoom.us/j/123&sa=D")
        );
        assert!(!scrub(google, "[link]").unwrap().contains("zoom.us"));
        // A run of 64 KiB with no address in it gives none (and is read once per link, not
        // scanned and parsed again from each).
        let run = "https://".repeat(8 * 1024);
        assert_eq!(join_url(None, None, Some(&run)), None);
    }

    #[test]
    fn cannot_take_webex_s_own_pages_for_a_meeting() {
        for page in [
            "https://www.webex.com/downloads.html",
            "https://webex.com/pricing",
            "https://lf.webex.com/",
        ] {
            assert_eq!(join_url(Some(page), None, None), None, "{page}");
        }
        for meeting in [
            "https://lf.webex.com/join/jane",
            "https://lf.webex.com/lf/j.php?MTID=m0123",
            "https://lf.webex.com/wbxmjs/joinservice/sites/lf/meeting/download/abc",
        ] {
            assert_eq!(
                join_url(Some(meeting), None, None).as_deref(),
                Some(meeting)
            );
        }
    }

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
    fn can_find_the_join_link_each_producer_writes() {
        // Google Calendar: the Meet link in the description, with its own text around it.
        let google = "Join with Google Meet: https://meet.google.com/abc-defg-hij\n\
                      Or dial: (US) +1 555-0100 PIN: 123#";
        assert_eq!(
            join_url(None, None, Some(google)).as_deref(),
            Some("https://meet.google.com/abc-defg-hij")
        );
        // Outlook / Teams: the long meetup-join link, in angle brackets.
        let teams = "Microsoft Teams meeting\nJoin: <https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0?context=%7b%7d>";
        assert!(
            join_url(None, None, Some(teams))
                .unwrap()
                .starts_with("https://teams.microsoft.com/l/meetup-join/19%3ameeting_x")
        );
        // LFX and Zoom: the Zoom link in LOCATION, a sub-domain, with a passcode query.
        assert_eq!(
            join_url(
                None,
                Some("https://zoom-lfx.zoom.us/j/123456789?pwd=abc."),
                None
            )
            .as_deref(),
            Some("https://zoom-lfx.zoom.us/j/123456789?pwd=abc")
        );
        assert_eq!(
            join_url(
                None,
                None,
                Some("Jitsi: https://meet.jit.si/OpenChainCall, see you")
            )
            .as_deref(),
            Some("https://meet.jit.si/OpenChainCall")
        );
        assert_eq!(
            join_url(Some("https://lf.webex.com/meet/x"), None, None).as_deref(),
            Some("https://lf.webex.com/meet/x")
        );
    }

    #[test]
    fn can_scrub_the_links_and_the_ways_in_from_an_invitation() {
        let zoom = "Weekly sync. Notes: https://docs.example.org/n\n\
                    Join Zoom Meeting\n\
                    https://zoom-lfx.zoom.us/j/98765432100?pwd=SECRET\n\
                    Meeting ID: 987 6543 2100\n\
                    Passcode: 424242\n\
                    One tap mobile\n\
                    +16699006833,,98765432100# US (San Jose)\n\
                    Or dial: (US) +1 555-0100 PIN: 123#\n\
                    Agenda in the notes.";
        let scrubbed = scrub(zoom, "[link hidden]").unwrap();
        assert_eq!(
            scrubbed,
            "Weekly sync. Notes: https://docs.example.org/n\nJoin Zoom Meeting\n[link hidden]\n\
             Agenda in the notes."
        );
        for secret in ["98765432100", "SECRET", "424242", "123#"] {
            assert!(!scrubbed.contains(secret), "{secret} left in {scrubbed}");
        }
        // A link in the middle of a sentence keeps the sentence; only links are replaced.
        assert_eq!(
            scrub(
                "Call: https://meet.google.com/abc-defg-hij (Meet).",
                "(later)"
            )
            .as_deref(),
            Some("Call: (later) (Meet).")
        );
        assert_eq!(
            scrub("https://zoom.us/j/1\nPasscode: 1", "").as_deref(),
            None
        );
        // Words that merely contain "pin" stay.
        assert_eq!(
            scrub("Opinions and pinned issues", "").as_deref(),
            Some("Opinions and pinned issues")
        );
        assert!(is_join_link(" https://teams.microsoft.com/l/meetup-join/x"));
        assert!(!is_join_link("https://example.org/event/1"));
    }

    #[test]
    fn cannot_take_an_agenda_or_a_look_alike_host_for_a_join_link() {
        let agenda =
            "Agenda: https://docs.google.com/document/d/x and notes https://github.com/o/r";
        assert_eq!(join_url(None, None, Some(agenda)), None);
        for fake in [
            "https://zoom.us.evil.example/j/1",
            "https://evilzoom.us/j/1",
            "https://zoom.us/pricing",
            "http://meet.google.com/abc-defg-hij",
            "https://meet.google.com/",
        ] {
            assert_eq!(join_url(None, None, Some(fake)), None, "{fake}");
        }
        // The URL property wins over the description.
        assert_eq!(
            join_url(
                Some("https://meet.google.com/aaa-bbbb-ccc"),
                None,
                Some("https://zoom.us/j/1")
            )
            .as_deref(),
            Some("https://meet.google.com/aaa-bbbb-ccc")
        );
    }
}
