//! The address of a calendar feed as people write it: `http`, `https`, or `webcal` /
//! `webcals` (what "subscribe" links use), which are fetched over `https`. The community file's
//! check and the fetcher read feed addresses with this one parser.

use url::{Position, Url};

/// Why a text is not a feed address.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FeedUrlError {
    /// It is not a URL at all.
    #[error("{0}")]
    Syntax(#[from] url::ParseError),
    /// An `http(s)` URL without a host.
    #[error("it has no host")]
    NoHost,
    /// A scheme other than `http`, `https`, `webcal` and `webcals`.
    #[error("the scheme {0}: is not supported")]
    Scheme(String),
}

/// `text` (surrounding spaces ignored) as the URL to fetch: `webcal://` and `webcals://` read as
/// `https://`; otherwise only `http` and `https` URLs with a host.
pub fn feed_url(text: &str) -> Result<Url, FeedUrlError> {
    let url = Url::parse(text.trim())?;
    let url = match url.scheme() {
        // `Url::set_scheme` cannot turn a non-special scheme into a special one: parse again.
        "webcal" | "webcals" => Url::parse(&format!("https{}", &url[Position::AfterScheme..]))?,
        _ => url,
    };
    match url.scheme() {
        "http" | "https" if url.host().is_some() => Ok(url),
        "http" | "https" => Err(FeedUrlError::NoHost),
        other => Err(FeedUrlError::Scheme(other.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::{FeedUrlError, feed_url};

    #[test]
    fn can_read_webcal_as_https() {
        for (written, fetched) in [
            (
                "webcal://example.org/cal.ics?x=1",
                "https://example.org/cal.ics?x=1",
            ),
            ("WEBCALS://Example.ORG/a.ics", "https://example.org/a.ics"),
            (" http://example.org/a.ics ", "http://example.org/a.ics"),
        ] {
            assert_eq!(feed_url(written).map(String::from), Ok(fetched.to_owned()));
        }
    }

    #[test]
    fn errors_when_it_is_not_an_http_feed() {
        assert_eq!(
            feed_url("ftp://example.org/a.ics"),
            Err(FeedUrlError::Scheme("ftp".to_owned()))
        );
        assert_eq!(
            feed_url("file:///etc/passwd").unwrap_err().to_string(),
            "the scheme file: is not supported"
        );
        assert!(matches!(feed_url("https://"), Err(FeedUrlError::Syntax(_))));
        assert!(matches!(
            feed_url("example.org/a.ics"),
            Err(FeedUrlError::Syntax(_))
        ));
    }
}
