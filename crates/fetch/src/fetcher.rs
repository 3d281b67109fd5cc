//! Getting one location's bytes: HTTP(S), a file on disk, or bytes compiled into the binary.
//!
//! Limits hold for every kind of location: the body cap is checked against `Content-Length`
//! before reading and again on every chunk while streaming (after gzip decoding, so a small
//! compressed bomb is caught too), so no more than the cap is ever held in memory.

use std::path::PathBuf;
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED};
use tokio::io::AsyncReadExt;
use url::Url;

use crate::address;
use crate::error::{human_duration, human_size};
use crate::{FetchError, FetchErrorKind};

/// Limits and identity for fetching outside calendars.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchConfig {
    /// How long to wait for a TCP (and TLS) connection. Default 10 s.
    pub connect_timeout: Duration,
    /// How long the whole request may take, body included; this is what stops a server that
    /// trickles. Default 60 s.
    pub total_timeout: Duration,
    /// The largest body accepted, in bytes, after decoding. Default 20 MiB.
    pub max_body: u64,
    /// How many redirects are followed. Default 5.
    pub max_redirects: usize,
    /// The `User-Agent` header. Default `touchpoint/<version>`, followed by ` (+<repository>)`
    /// when the package's `repository` is set, so feed owners can find who is polling.
    pub user_agent: String,
    /// The folder every [`Location::Path`] must resolve inside (symlinks followed, `..`
    /// resolved), or `None` to read any path the process can. Default `None`; `touchpoint`
    /// sets the community file's folder unless started with `--allow-any-path`.
    pub path_root: Option<PathBuf>,
    /// Whether URLs may reach loopback, private (RFC 1918, unique-local) and link-local
    /// addresses. Default `false`: checked after DNS resolution and on every redirect, so a
    /// feed cannot make the server probe its own network.
    pub allow_private_addresses: bool,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(60),
            max_body: 20 * 1024 * 1024,
            max_redirects: 5,
            user_agent: default_user_agent(),
            path_root: None,
            allow_private_addresses: false,
        }
    }
}

/// `touchpoint/<version>`, plus the repository URL when the manifest names one.
fn default_user_agent() -> String {
    let version = env!("CARGO_PKG_VERSION");
    match env!("CARGO_PKG_REPOSITORY") {
        "" => format!("touchpoint/{version}"),
        repository => format!("touchpoint/{version} (+{repository})"),
    }
}

/// Where an outside calendar comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// An `http` or `https` URL (`webcal://` is read as `https://`; see [`Location::url`]).
    Url(Url),
    /// A file on disk (a `path =` source).
    Path(PathBuf),
    /// Bytes compiled into the binary (the embedded example's sample calendars).
    Embedded(&'static [u8]),
}

impl Location {
    /// The location of a URL as written in the community file: `webcal://` and `webcals://`
    /// become `https://`; only `http` and `https` are accepted otherwise.
    pub fn url(text: &str) -> Result<Location, FetchError> {
        touchpoint_calendar::feed_url(text)
            .map(Location::Url)
            .map_err(|why| {
                FetchError::new(
                    FetchErrorKind::InvalidLocation,
                    format!("not a URL touchpoint can fetch: {why}"),
                )
            })
    }
}

/// What a fetch brought back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchOutcome {
    /// A body, with the validators to send next time.
    Fetched {
        /// The body, decoded from any transfer compression; at most the configured cap.
        body: Vec<u8>,
        /// The response's `ETag`.
        etag: Option<String>,
        /// The response's `Last-Modified`.
        last_modified: Option<String>,
    },
    /// `304 Not Modified`: the copy whose validators were sent is still current.
    NotModified,
}

/// Fetches locations with one shared HTTP client (connection pool, TLS configuration).
#[derive(Clone, Debug)]
pub struct Fetcher {
    client: reqwest::Client,
    config: FetchConfig,
}

impl Fetcher {
    /// A fetcher with `config`'s limits. Fails only if the TLS backend cannot start.
    pub fn new(config: FetchConfig) -> Result<Fetcher, FetchError> {
        let limited = reqwest::redirect::Policy::limited(config.max_redirects);
        let allow_private = config.allow_private_addresses;
        // Every hop is checked, not only the first URL: a public feed may redirect anywhere.
        let redirects = reqwest::redirect::Policy::custom(move |attempt| {
            match address::refusal(attempt.url()).filter(|_| !allow_private) {
                Some(refused) => attempt.error(refused),
                None => limited.redirect(attempt),
            }
        });
        let mut builder = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .timeout(config.total_timeout)
            .redirect(redirects)
            .user_agent(config.user_agent.clone())
            .gzip(true);
        if !allow_private {
            builder = builder.dns_resolver(address::PublicResolver);
        }
        let client = builder
            .build()
            .map_err(|e| FetchError::new(FetchErrorKind::Transfer, root_cause(&e)))?;
        Ok(Fetcher { client, config })
    }

    /// The limits in force.
    pub fn config(&self) -> &FetchConfig {
        &self.config
    }

    /// Fetch `location`. For URLs, `etag` and `last_modified` (the stored copy's validators)
    /// are sent as `If-None-Match` and `If-Modified-Since`, and a `304` answer becomes
    /// [`FetchOutcome::NotModified`]. Files and embedded bytes are always read whole.
    pub async fn fetch(
        &self,
        location: &Location,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<FetchOutcome, FetchError> {
        match location {
            Location::Url(url) => self.fetch_url(url, etag, last_modified).await,
            Location::Path(path) => self.read_file(path).await,
            Location::Embedded(bytes) => {
                self.check_size(bytes.len() as u64)?;
                Ok(FetchOutcome::Fetched {
                    body: bytes.to_vec(),
                    etag: None,
                    last_modified: None,
                })
            }
        }
    }

    async fn fetch_url(
        &self,
        url: &Url,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<FetchOutcome, FetchError> {
        if !self.config.allow_private_addresses
            && let Some(refused) = address::refusal(url)
        {
            return Err(forbidden(&refused));
        }
        let mut request = self.client.get(url.clone());
        if let Some(etag) = etag {
            request = request.header(IF_NONE_MATCH, etag);
        }
        if let Some(last_modified) = last_modified {
            request = request.header(IF_MODIFIED_SINCE, last_modified);
        }
        let mut response = request.send().await.map_err(|e| self.http_error(&e))?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED && (etag.is_some() || last_modified.is_some()) {
            return Ok(FetchOutcome::NotModified);
        }
        if !status.is_success() {
            let reason = status.canonical_reason().unwrap_or("");
            return Err(FetchError::new(
                FetchErrorKind::Http(status.as_u16()),
                format!("the server answered HTTP {} {reason}", status.as_u16())
                    .trim_end()
                    .to_owned(),
            ));
        }
        if let Some(length) = response.content_length() {
            self.check_size(length)?;
        }
        let header = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
                .map(str::to_owned)
        };
        let (etag, last_modified) = (header(ETAG), header(LAST_MODIFIED));
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.http_error(&e))? {
            self.check_size(body.len() as u64 + chunk.len() as u64)?;
            body.extend_from_slice(&chunk);
        }
        Ok(FetchOutcome::Fetched {
            body,
            etag,
            last_modified,
        })
    }

    /// Read a `path =` source whole. Only a regular file is read (a FIFO, a device or a
    /// directory would block or never end), and the whole read is bounded by the total timeout,
    /// so a hung network mount costs this source its round and nothing more.
    async fn read_file(&self, path: &std::path::Path) -> Result<FetchOutcome, FetchError> {
        let limit = self.config.total_timeout;
        match tokio::time::timeout(limit, self.read_regular_file(path)).await {
            Ok(result) => result,
            Err(_) => Err(FetchError::new(
                FetchErrorKind::Timeout,
                format!(
                    "reading the file took longer than {}",
                    human_duration(limit)
                ),
            )),
        }
    }

    async fn read_regular_file(&self, path: &std::path::Path) -> Result<FetchOutcome, FetchError> {
        // The public text never says why (missing, not allowed, not a file): the feed-health
        // page would otherwise tell anyone which paths exist on the server. The log says.
        let failed = |why: String| {
            FetchError::with_detail(
                FetchErrorKind::Io,
                "the calendar file could not be read",
                format!("{}: {why}", path.display()),
            )
        };
        let io = |e: std::io::Error| failed(e.to_string());
        let real = tokio::fs::canonicalize(path).await.map_err(io)?;
        if let Some(root) = &self.config.path_root {
            let root = tokio::fs::canonicalize(root)
                .await
                .map_err(|e| failed(format!("the folder {}: {e}", root.display())))?;
            if !real.starts_with(&root) {
                return Err(failed(format!(
                    "it is {}, outside {} (start touchpoint with --allow-any-path to read it)",
                    real.display(),
                    root.display()
                )));
            }
        }
        let not_regular = || failed("not a regular file".to_owned());
        // `stat` first: opening a FIFO for reading blocks until a writer appears.
        if !tokio::fs::metadata(&real).await.map_err(io)?.is_file() {
            return Err(not_regular());
        }
        let file = tokio::fs::File::open(&real).await.map_err(io)?;
        // Again on the open file: the path may have been replaced in between.
        let metadata = file.metadata().await.map_err(io)?;
        if !metadata.is_file() {
            return Err(not_regular());
        }
        let length = metadata.len();
        self.check_size(length)?;
        // The file may grow between the size check and the read: read at most one byte past
        // the cap to notice.
        let mut body = Vec::with_capacity(length as usize);
        file.take(self.config.max_body + 1)
            .read_to_end(&mut body)
            .await
            .map_err(io)?;
        self.check_size(body.len() as u64)?;
        Ok(FetchOutcome::Fetched {
            body,
            etag: None,
            last_modified: None,
        })
    }

    fn check_size(&self, bytes: u64) -> Result<(), FetchError> {
        if bytes > self.config.max_body {
            return Err(FetchError::new(
                FetchErrorKind::TooLarge,
                format!("body larger than {}", human_size(self.config.max_body)),
            ));
        }
        Ok(())
    }

    fn http_error(&self, e: &reqwest::Error) -> FetchError {
        if let Some(refused) = find_refusal(e) {
            return forbidden(refused);
        }
        let (kind, message) = if e.is_redirect() {
            (
                FetchErrorKind::TooManyRedirects,
                format!("more than {} redirects", self.config.max_redirects),
            )
        } else if e.is_timeout() && e.is_connect() {
            (
                FetchErrorKind::Timeout,
                format!(
                    "could not connect within {}",
                    human_duration(self.config.connect_timeout)
                ),
            )
        } else if e.is_timeout() {
            (
                FetchErrorKind::Timeout,
                format!(
                    "timed out after {}",
                    human_duration(self.config.total_timeout)
                ),
            )
        } else if e.is_connect() {
            (
                FetchErrorKind::Connect,
                format!("could not connect: {}", root_cause(e)),
            )
        } else {
            (
                FetchErrorKind::Transfer,
                format!("the transfer failed: {}", root_cause(e)),
            )
        };
        FetchError::new(kind, message)
    }
}

/// The error for a refused address. The public text does not say which address: the feed-health
/// page would otherwise tell what a private name resolves to.
fn forbidden(refused: &address::Refused) -> FetchError {
    FetchError::with_detail(
        FetchErrorKind::Forbidden,
        "refused: the feed or a redirect points at a loopback, private or link-local address",
        format!(
            "{} (start touchpoint with --allow-private-addresses to allow it)",
            refused.detail
        ),
    )
}

/// The [`address::Refused`] in `e`'s chain of sources, if an address was refused.
fn find_refusal<'e>(e: &'e (dyn std::error::Error + 'static)) -> Option<&'e address::Refused> {
    let mut inner = Some(e);
    while let Some(error) = inner {
        if let Some(refused) = error.downcast_ref::<address::Refused>() {
            return Some(refused);
        }
        inner = error.source();
    }
    None
}

/// The innermost error's text: reqwest's outer layers say only "error sending request".
fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut inner = e;
    while let Some(source) = inner.source() {
        inner = source;
    }
    inner.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_read_webcal_as_https() {
        let Location::Url(url) = Location::url("webcal://example.org/cal.ics?x=1").unwrap() else {
            panic!("not a URL");
        };
        assert_eq!(url.as_str(), "https://example.org/cal.ics?x=1");
        let Location::Url(url) = Location::url("WEBCALS://example.org/a.ics").unwrap() else {
            panic!("not a URL");
        };
        assert_eq!(url.as_str(), "https://example.org/a.ics");
        let Location::Url(url) = Location::url(" http://example.org/a.ics ").unwrap() else {
            panic!("not a URL");
        };
        assert_eq!(url.scheme(), "http");
    }

    #[test]
    fn errors_when_the_scheme_is_not_fetchable() {
        for text in [
            "ftp://example.org/a.ics",
            "file:///etc/passwd",
            "not a url",
            "https://",
        ] {
            let err = Location::url(text).unwrap_err();
            assert_eq!(err.kind(), FetchErrorKind::InvalidLocation, "{text}");
            assert!(
                err.to_string()
                    .starts_with("not a URL touchpoint can fetch"),
                "{err}"
            );
        }
    }

    #[test]
    fn can_name_touchpoint_and_its_version_in_the_user_agent() {
        let ua = FetchConfig::default().user_agent;
        assert!(ua.starts_with(&format!("touchpoint/{}", env!("CARGO_PKG_VERSION"))));
        assert!(!ua.contains(char::is_control));
    }
}
