//! The join link of an outside calendar's meeting: the video-call address its producer put in
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

/// [`links`] with where each one is in `text`.
fn spans(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, Url)> + '_ {
    text.match_indices("https://").filter_map(move |(at, _)| {
        let rest = &text[at..];
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '\\'))
            .unwrap_or(rest.len());
        let token = rest[..end].trim_end_matches(['.', ',', ';', ':', ')', ']', '!', '?']);
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
        || within("webex.com") && path.len() > 1
}

#[cfg(test)]
mod tests {
    use super::*;

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
