//! The senders: HTTP (Slack, Discord, Matrix, the generic webhook) through reqwest, email
//! through lettre's SMTP transport.
//!
//! Secrets (webhook URLs, the Matrix token, the webhook's signing secret, the SMTP URL with its
//! password) come from the environment variables the community file names, read through the
//! lookup the caller passes, at send time. They never appear in an error: reqwest's errors are
//! stripped of their URL, and every error text has each secret value replaced by `[secret]`
//! before it leaves this module (errors are logged and shown on `/health`).
//!
//! Duplicates: Matrix gets a transaction id derived from the outbox key, so a retry of the same
//! message after a crash is one event in the room; email carries a Message-ID derived from it,
//! which mail archives and most list servers deduplicate on. Slack and Discord have no such key.

use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::Timestamp;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use sha2::{Digest, Sha256};
use touchpoint_community::{Announce, Target};

use crate::format::{Rendered, render};
use crate::plan::Message;
use crate::sign;

/// How long one send may take (connect, TLS, the request, the answer).
const TIMEOUT: Duration = Duration::from_secs(20);

/// Why a message could not be sent, with no secret in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SendError(pub String);

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SendError {}

/// Where secrets are read from: the process environment in production.
pub type Secrets = dyn Fn(&str) -> Option<String> + Send + Sync;

/// Sends rendered messages; holds one HTTP client for every channel.
#[derive(Clone, Debug)]
pub struct Sender {
    http: reqwest::Client,
    /// The community file's folder: an email channel's `ca_file` is relative to it.
    base: Option<PathBuf>,
}

impl Sender {
    /// A sender; `base` is the community file's folder (`None` for the embedded example).
    pub fn new(base: Option<&Path>) -> Result<Sender, SendError> {
        let http = reqwest::Client::builder()
            .timeout(TIMEOUT)
            // A webhook that redirects is misconfigured; following it would send the message
            // (and the signature) somewhere nobody chose.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("Touchpoint/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SendError(format!("cannot set up the HTTP client: {e}")))?;
        Ok(Sender {
            http,
            base: base.map(Path::to_path_buf),
        })
    }

    /// Send `message` to `channel` at `now`.
    pub async fn send(
        &self,
        channel: &Announce,
        message: &Message,
        now: Timestamp,
        secrets: &Secrets,
    ) -> Result<(), SendError> {
        let values: Vec<String> = channel
            .secret_vars()
            .into_iter()
            .filter_map(secrets)
            .filter(|v| !v.is_empty())
            .collect();
        let read = |name: &str| -> Result<String, SendError> {
            secrets(name)
                .filter(|v| !v.trim().is_empty())
                .ok_or_else(|| SendError(format!("the environment variable {name} is not set")))
        };
        let rendered = render(channel, message, now);
        let sending = async {
            match (&channel.target, rendered) {
                (Target::Slack { url_env } | Target::Discord { url_env }, Rendered::Json(body)) => {
                    let url = read(url_env)?;
                    self.post(channel, &url, &body, None).await
                }
                (
                    Target::Webhook {
                        url_env,
                        secret_env,
                    },
                    Rendered::Json(body),
                ) => {
                    let url = read(url_env)?;
                    let secret = read(secret_env)?;
                    self.post(channel, &url, &body, Some(&secret)).await
                }
                (
                    Target::Matrix {
                        homeserver,
                        room,
                        token_env,
                    },
                    Rendered::Matrix { body, html },
                ) => {
                    let token = read(token_env)?;
                    self.matrix(homeserver, room, &token, message, &body, &html)
                        .await
                }
                (
                    Target::Email {
                        to,
                        from,
                        smtp_url_env,
                        ca_file,
                    },
                    Rendered::Email {
                        subject,
                        text,
                        html,
                        ics,
                    },
                ) => {
                    let smtp_url = read(smtp_url_env)?;
                    let mail = Mail {
                        to,
                        from,
                        subject: &subject,
                        text: &text,
                        html: &html,
                        ics: ics.as_deref(),
                        message_id: &format!("<{}@touchpoint>", key_hash(message)),
                    };
                    self.email(&smtp_url, ca_file.as_deref(), mail).await
                }
                _ => Err(SendError(
                    "the message was rendered for another kind".into(),
                )),
            }
        };
        // Each transport has its own timeouts; this bounds the whole exchange, so a server that
        // stalls mid-conversation holds up its channel for at most this long.
        let result = match tokio::time::timeout(2 * TIMEOUT, sending).await {
            Ok(result) => result,
            Err(_) => Err(SendError(format!(
                "no answer within {} seconds",
                (2 * TIMEOUT).as_secs()
            ))),
        };
        result.map_err(|e| SendError(redact(&e.0, &values)))
    }

    async fn post(
        &self,
        channel: &Announce,
        url: &str,
        body: &serde_json::Value,
        secret: Option<&str>,
    ) -> Result<(), SendError> {
        let body = serde_json::to_vec(body).map_err(|e| SendError(e.to_string()))?;
        let mut request = self
            .http
            .post(url)
            .header("content-type", "application/json");
        if let Some(secret) = secret {
            request = request.header(sign::HEADER, sign::signature(secret.as_bytes(), &body));
        }
        let response = request.body(body).send().await.map_err(http_error)?;
        answer(channel.target.kind(), response).await
    }

    async fn matrix(
        &self,
        homeserver: &str,
        room: &str,
        token: &str,
        message: &Message,
        body: &str,
        html: &str,
    ) -> Result<(), SendError> {
        let mut url = url::Url::parse(homeserver)
            .map_err(|e| SendError(format!("homeserver {homeserver:?}: {e}")))?;
        url.path_segments_mut()
            .map_err(|()| SendError(format!("homeserver {homeserver:?} cannot be a base")))?
            .pop_if_empty()
            .extend([
                "_matrix",
                "client",
                "v3",
                "rooms",
                room,
                "send",
                "m.room.message",
                &key_hash(message),
            ]);
        let content = serde_json::json!({
            "msgtype": "m.text",
            "body": body,
            "format": "org.matrix.custom.html",
            "formatted_body": html,
        });
        let response = self
            .http
            .put(url)
            .bearer_auth(token)
            .header("content-type", "application/json")
            .body(content.to_string())
            .send()
            .await
            .map_err(http_error)?;
        answer("matrix", response).await
    }

    async fn email(
        &self,
        smtp_url: &str,
        ca_file: Option<&str>,
        mail: Mail<'_>,
    ) -> Result<(), SendError> {
        let email = mail.build()?;
        let url = url::Url::parse(smtp_url).map_err(|_| {
            SendError("the SMTP URL does not parse (smtp://user:pass@host:port)".into())
        })?;
        let host = url
            .host_str()
            .ok_or_else(|| SendError("the SMTP URL has no host".into()))?
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_owned();
        let mut params = TlsParameters::builder(host.clone());
        if let Some(ca_file) = ca_file {
            let path = match &self.base {
                Some(base) => base.join(ca_file),
                None => PathBuf::from(ca_file),
            };
            let pem = std::fs::read(&path)
                .map_err(|e| SendError(format!("cannot read {}: {e}", path.display())))?;
            let cert = Certificate::from_pem(&pem)
                .map_err(|e| SendError(format!("{}: {e}", path.display())))?;
            params = params.add_root_certificate(cert);
        }
        let params = params
            .build_rustls()
            .map_err(|e| SendError(format!("cannot set up TLS: {e}")))?;
        let plain = url.query_pairs().any(|(k, v)| k == "tls" && v == "none");
        let (tls, port) = match url.scheme() {
            "smtps" => (Tls::Wrapper(params), 465),
            "smtp" if plain => {
                // Only to a relay on this machine: a password must not cross a network in clear.
                let loopback = host
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
                    || host == "localhost";
                if !loopback {
                    return Err(SendError(
                        "tls=none is allowed only for a relay on this machine (127.0.0.1)".into(),
                    ));
                }
                (Tls::None, 25)
            }
            "smtp" => (Tls::Required(params), 587),
            other => {
                return Err(SendError(format!(
                    "the SMTP URL's scheme is {other:?}: use smtp:// (STARTTLS) or smtps:// (TLS)"
                )));
            }
        };
        let mut transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(url.port().unwrap_or(port))
            .tls(tls)
            .timeout(Some(TIMEOUT));
        if !url.username().is_empty() {
            let decode = |s: &str| {
                url::form_urlencoded::parse(format!("x={s}").as_bytes())
                    .next()
                    .map(|(_, v)| v.into_owned())
                    .unwrap_or_default()
            };
            let user = decode(url.username());
            let password = decode(url.password().unwrap_or_default());
            // PLAIN only (inside TLS, or to this machine): LOGIN adds nothing, and a server
            // refusing it mid-dialogue has been seen to stall instead of answering.
            transport = transport
                .credentials(Credentials::new(user, password))
                .authentication(vec![Mechanism::Plain]);
        }
        let transport = transport.build();
        transport
            .send(email)
            .await
            .map(|_| ())
            .map_err(|e| SendError(format!("SMTP: {e}")))
    }
}

/// What an email needs.
struct Mail<'a> {
    to: &'a str,
    from: &'a str,
    subject: &'a str,
    text: &'a str,
    html: &'a str,
    ics: Option<&'a str>,
    message_id: &'a str,
}

impl Mail<'_> {
    /// A multipart/mixed message: text and HTML as alternatives, and the occurrence's
    /// iCalendar object as `text/calendar; method=PUBLISH`.
    fn build(&self) -> Result<lettre::Message, SendError> {
        let address = |a: &str| {
            a.parse::<Mailbox>()
                .map_err(|e| SendError(format!("address {a:?}: {e}")))
        };
        let body = MultiPart::alternative_plain_html(self.text.to_owned(), self.html.to_owned());
        let body = match self.ics {
            Some(ics) => {
                let calendar = ContentType::parse("text/calendar; method=PUBLISH; charset=utf-8")
                    .map_err(|e| SendError(e.to_string()))?;
                MultiPart::mixed().multipart(body).singlepart(
                    Attachment::new("meeting.ics".to_owned()).body(ics.to_owned(), calendar),
                )
            }
            None => body,
        };
        lettre::Message::builder()
            .from(address(self.from)?)
            .to(address(self.to)?)
            .subject(self.subject)
            .message_id(Some(self.message_id.to_owned()))
            .multipart(body)
            .map_err(|e| SendError(format!("cannot build the email: {e}")))
    }
}

/// A request that did not get an answer, without its URL (a webhook URL is a secret).
fn http_error(e: reqwest::Error) -> SendError {
    let kind = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "cannot connect"
    } else {
        "request failed"
    };
    let e = e.without_url();
    let mut detail = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        detail.push_str(&format!(": {s}"));
        source = s.source();
    }
    SendError(format!("{kind}: {detail}"))
}

/// Success for a 2xx answer, else the status and the start of the body.
async fn answer(kind: &str, response: reqwest::Response) -> Result<(), SendError> {
    let status = response.status();
    if status.is_success() {
        return Ok(());
    }
    let body = response.text().await.unwrap_or_default();
    let body: String = body.chars().take(200).collect();
    Err(SendError(format!(
        "the {kind} endpoint answered {status}: {}",
        body.trim()
    )))
}

/// `text` with every secret value replaced by `[secret]`.
fn redact(text: &str, secrets: &[String]) -> String {
    let mut out = text.to_owned();
    for secret in secrets {
        out = out.replace(secret.as_str(), "[secret]");
        // The parts of a URL secret (its password, its path token) on their own too.
        if let Ok(url) = url::Url::parse(secret) {
            for part in [
                url.password().unwrap_or_default(),
                url.path(),
                url.query().unwrap_or_default(),
            ] {
                if part.len() >= 8 {
                    out = out.replace(part, "[secret]");
                }
            }
        }
    }
    out
}

/// A stable id for a message: hex SHA-256 of its key (Matrix transaction id, Message-ID), with
/// its hub community's id before the channel's when it has one (a single community's ids are
/// as they always were).
pub fn key_hash(message: &Message) -> String {
    let digest = Sha256::digest(
        format!(
            "{}\n{}\n{}",
            message_channel(message),
            message.occurrence,
            message.kind
        )
        .as_bytes(),
    );
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// The channel a message names itself by: `{community}/{channel}` on a hub, else the channel.
pub fn message_channel(message: &Message) -> String {
    match &message.community {
        Some(community) => format!("{community}/{}", message.channel),
        None => message.channel.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::{key_hash, redact};
    use crate::{Content, Message};

    #[test]
    fn can_tell_two_hub_communities_messages_apart_at_one_channel() {
        let message = |community: Option<&str>| Message {
            community: community.map(str::to_owned),
            channel: "room".to_owned(),
            occurrence: "weekly@touchpoint.local 2026-12-03T14:00:00Z".to_owned(),
            kind: "reminder 1h 2026-12-03T14:00:00Z".to_owned(),
            due: jiff::Timestamp::UNIX_EPOCH,
            expires: jiff::Timestamp::UNIX_EPOCH,
            content: Content::Digest {
                week: jiff::civil::date(2026, 11, 30),
                occurrences: Vec::new(),
            },
        };
        // Two communities posting the same UID's reminder to one Matrix room or list: two
        // transaction ids (a homeserver keeps only the first of one id).
        let (alpha, beta) = (
            key_hash(&message(Some("alpha"))),
            key_hash(&message(Some("beta"))),
        );
        assert_ne!(alpha, beta);
        // A single community's ids stay what they were before hubs sent announcements.
        let single = key_hash(&message(None));
        assert_ne!(single, alpha);
        use sha2::Digest;
        let before = sha2::Sha256::digest(
            "room\nweekly@touchpoint.local 2026-12-03T14:00:00Z\nreminder 1h 2026-12-03T14:00:00Z",
        );
        let before: String = before[..16].iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(single, before);
    }

    #[test]
    fn can_redact_a_secret_and_the_parts_of_a_secret_url() {
        let secrets = vec!["smtp://list:hunter2hunter2@mail.example.org:587".to_owned()];
        assert_eq!(
            redact("auth failed for hunter2hunter2", &secrets),
            "auth failed for [secret]"
        );
        let hook = vec!["https://hooks.slack.com/services/T0/B0/XXXXXXXXXX".to_owned()];
        assert_eq!(
            redact("POST /services/T0/B0/XXXXXXXXXX: 404", &hook),
            "POST [secret]: 404"
        );
    }
}
