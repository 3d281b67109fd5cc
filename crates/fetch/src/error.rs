//! Why a fetch or a refresh failed. The Display text is public — the feed-health page and the
//! API show it — so it is a whole sentence fragment a person can act on that reveals nothing of
//! the server; [`FetchError::detail`] may say more (a file's path and the system's error), for
//! the log and `touchpoint refresh`.

/// What kind of failure a [`FetchError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FetchErrorKind {
    /// The location is not a URL Touchpoint can fetch (bad syntax, unsupported scheme).
    InvalidLocation,
    /// The server could not be reached (DNS, refused, TLS handshake).
    Connect,
    /// Connecting, or the whole request including the body, took longer than allowed.
    Timeout,
    /// The server answered with this non-success HTTP status.
    Http(u16),
    /// The body is larger than the configured cap.
    TooLarge,
    /// The server redirected more times than allowed (or in a loop).
    TooManyRedirects,
    /// The body is not iCalendar at all (an HTML page, an error text, an empty answer).
    NotICalendar,
    /// The body is iCalendar but unreadable, or too broken to trust.
    Invalid,
    /// A `path =` source could not be read (missing, not a regular file, unreadable, or outside
    /// the community file's folder).
    Io,
    /// The address is one Touchpoint refuses to fetch from: loopback, private or link-local,
    /// after DNS resolution and on every redirect.
    Forbidden,
    /// Any other failure of the HTTP exchange (a broken connection mid-body, bad encoding).
    Transfer,
}

/// A failed fetch or a rejected body. Its Display is the public text alone.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct FetchError {
    kind: FetchErrorKind,
    message: String,
    detail: Option<String>,
}

impl FetchError {
    /// An error of `kind` whose whole readable text is `message`.
    pub fn new(kind: FetchErrorKind, message: impl Into<String>) -> Self {
        FetchError {
            kind,
            message: message.into(),
            detail: None,
        }
    }

    /// An error whose public text is `message` and whose text for the log is `detail`.
    pub fn with_detail(
        kind: FetchErrorKind,
        message: impl Into<String>,
        detail: impl Into<String>,
    ) -> Self {
        FetchError {
            kind,
            message: message.into(),
            detail: Some(detail.into()),
        }
    }

    /// The whole story for the log and the operator's `touchpoint refresh`: the public text
    /// followed by what it leaves out (paths, the system's error), when there is more.
    pub fn detail(&self) -> String {
        match &self.detail {
            Some(detail) => format!("{}: {detail}", self.message),
            None => self.message.clone(),
        }
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> FetchErrorKind {
        self.kind
    }
}

/// A byte count as people say it: "20 MiB", "64 KiB", "1000 bytes".
pub(crate) fn human_size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// A duration as people say it: "30 s", "500 ms".
pub(crate) fn human_duration(d: std::time::Duration) -> String {
    if d.subsec_millis() == 0 && d.as_secs() > 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{} ms", d.as_millis())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_say_sizes_and_durations_like_people() {
        assert_eq!(human_size(20 * 1024 * 1024), "20 MiB");
        assert_eq!(human_size(64 * 1024), "64 KiB");
        assert_eq!(human_size(1000), "1000 bytes");
        assert_eq!(human_duration(std::time::Duration::from_secs(30)), "30 s");
        assert_eq!(
            human_duration(std::time::Duration::from_millis(250)),
            "250 ms"
        );
    }

    #[test]
    fn shows_the_public_text_alone_and_keeps_the_detail_for_the_log() {
        let error = FetchError::with_detail(
            FetchErrorKind::Io,
            "cannot read the calendar file",
            "/srv/x.ics: permission denied",
        );
        assert_eq!(error.to_string(), "cannot read the calendar file");
        assert_eq!(
            error.detail(),
            "cannot read the calendar file: /srv/x.ics: permission denied"
        );
    }
}
