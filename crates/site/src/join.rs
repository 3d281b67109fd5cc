//! The join link of an outside calendar's meeting: the video-call address its producer put in
//! the event's URL, LOCATION or DESCRIPTION (Google Calendar writes the Meet link in the
//! description, Outlook the Teams link, LFX and Zoom's own invitations the Zoom link).
//!
//! Only links to the video services people join meetings with are taken, so an agenda or a
//! mailing-list link in the description is never offered as "Join": Zoom (`zoom.us`,
//! `zoomgov.com`), Google Meet, Microsoft Teams, Jitsi Meet and Webex. Written by hand: finding
//! `https://` tokens in free text is a few lines, and `url::Url` does the parsing.

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
    text.match_indices("https://").filter_map(move |(at, _)| {
        let rest = &text[at..];
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '\\'))
            .unwrap_or(rest.len());
        let token = rest[..end].trim_end_matches(['.', ',', ';', ':', ')', ']', '!', '?']);
        Url::parse(token).ok()
    })
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
