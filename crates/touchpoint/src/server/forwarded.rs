//! The public origin of a request behind a reverse proxy, read from the headers the proxy sets,
//! for a server started with `--trust-forwarded` and without `--base-url`
//! (docs/deployment.md, "The public URL").
//!
//! Only what a proxy writes is read: `X-Forwarded-Proto` with `X-Forwarded-Host`, or, when
//! neither is sent, the standard `Forwarded` header (RFC 7239) with one element. A bare `Host`
//! header is never used: any client can write it. Every value is checked strictly — the scheme
//! is `http` or `https`, the host a bare authority (`example.org`, `example.org:8443`,
//! `[2001:db8::1]`) as the `url` crate reads it — and anything else (a list from a chain of
//! proxies, a path, a user name, a quoted escape) counts as absent: the page is then rendered
//! as without a public URL.
//!
//! The origin goes into the request's extensions ([`Origin`]): handlers build their links from
//! it (`AppState::site_for`) and the response cache keys on it, so one origin's page is never
//! served to another.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, header};
use axum::middleware::Next;
use axum::response::Response;

use super::AppState;

/// The origin (`https://example.org`) a request was made to, as its proxy's headers say: the
/// public URL of the site for this request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin(pub Arc<str>);

const X_FORWARDED_PROTO: HeaderName = HeaderName::from_static("x-forwarded-proto");
const X_FORWARDED_HOST: HeaderName = HeaderName::from_static("x-forwarded-host");

/// The middleware: records the request's [`Origin`] when the server trusts forwarded headers.
pub async fn middleware(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    if state.trust_forwarded
        && let Some(origin) = origin(request.headers())
    {
        request.extensions_mut().insert(Origin(origin.into()));
    }
    next.run(request).await
}

/// The origin the forwarded headers name exactly, or `None`. `X-Forwarded-*` decide when
/// either is sent (the headers most proxies overwrite), else `Forwarded`.
pub fn origin(headers: &HeaderMap) -> Option<String> {
    let (proto, host) =
        if headers.contains_key(X_FORWARDED_PROTO) || headers.contains_key(X_FORWARDED_HOST) {
            (
                single(headers, &X_FORWARDED_PROTO)?,
                single(headers, &X_FORWARDED_HOST)?,
            )
        } else {
            forwarded(single(headers, &header::FORWARDED)?)?
        };
    authority(proto, host)
}

/// The value of `name` when it is sent once and holds one item (no comma): a chain of proxies
/// lists several, and which one to believe is not ours to guess.
fn single<'a>(headers: &'a HeaderMap, name: &HeaderName) -> Option<&'a str> {
    let mut values = headers.get_all(name).iter();
    let value = values.next()?.to_str().ok()?.trim();
    (values.next().is_none() && !value.contains(',') && !value.is_empty()).then_some(value)
}

/// `proto` and `host` of a `Forwarded` element (`for=…;proto=https;host=example.org`), each
/// named once; a value may be quoted, without escapes.
fn forwarded(element: &str) -> Option<(&str, &str)> {
    let (mut proto, mut host) = (None, None);
    for pair in element.split(';') {
        let (name, value) = pair.trim().split_once('=')?;
        let value = match value.strip_prefix('"') {
            Some(quoted) => quoted
                .strip_suffix('"')
                .filter(|v| !v.contains(['"', '\\']))?,
            None => value,
        };
        let slot = match name.trim().to_ascii_lowercase().as_str() {
            "proto" => &mut proto,
            "host" => &mut host,
            _ => continue,
        };
        if slot.replace(value).is_some() {
            return None;
        }
    }
    Some((proto?, host?))
}

/// `proto://host` as an origin, when `proto` is `http` or `https` and `host` a bare authority.
fn authority(proto: &str, host: &str) -> Option<String> {
    let proto = proto.to_ascii_lowercase();
    if !matches!(proto.as_str(), "http" | "https") {
        return None;
    }
    // What would make the url crate read more than an authority (a path, a query, a user
    // name), or that it would quietly rewrite (a backslash is a slash in http URLs).
    if host.is_empty() || host.contains(['/', '\\', '?', '#', '@']) {
        return None;
    }
    let url = url::Url::parse(&format!("{proto}://{host}/")).ok()?;
    let bare = url.has_host()
        && url.username().is_empty()
        && url.password().is_none()
        && url.path() == "/"
        && url.query().is_none()
        && url.fragment().is_none();
    bare.then(|| url.origin().ascii_serialization())
}

#[cfg(test)]
mod tests {
    use axum::http::{HeaderMap, HeaderName, HeaderValue};

    use super::origin;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.append(
                HeaderName::from_static(name),
                HeaderValue::from_str(value).unwrap(),
            );
        }
        headers
    }

    #[test]
    fn reads_the_origin_from_x_forwarded_proto_and_host() {
        let cases = [
            ("https", "example.org", "https://example.org"),
            ("HTTPS", "Example.ORG", "https://example.org"),
            ("http", "example.org:8080", "http://example.org:8080"),
            ("https", "example.org:443", "https://example.org"),
            ("https", "[2001:db8::1]:8443", "https://[2001:db8::1]:8443"),
            ("https", "127.0.0.1", "https://127.0.0.1"),
        ];
        for (proto, host, expected) in cases {
            let sent = headers(&[("x-forwarded-proto", proto), ("x-forwarded-host", host)]);
            assert_eq!(origin(&sent).as_deref(), Some(expected), "{proto} {host}");
        }
    }

    #[test]
    fn reads_the_origin_from_a_simple_forwarded_header() {
        let sent = headers(&[(
            "forwarded",
            "for=192.0.2.60;proto=https;host=\"example.org:8443\"",
        )]);
        assert_eq!(origin(&sent).as_deref(), Some("https://example.org:8443"));
        let sent = headers(&[("forwarded", "Host=example.org; Proto=http")]);
        assert_eq!(origin(&sent).as_deref(), Some("http://example.org"));
    }

    #[test]
    fn ignores_anything_but_an_exact_scheme_and_authority() {
        let bad = [
            // Schemes other than http and https, or none.
            &[
                ("x-forwarded-proto", "ftp"),
                ("x-forwarded-host", "example.org"),
            ][..],
            &[
                ("x-forwarded-proto", "javascript"),
                ("x-forwarded-host", "x"),
            ],
            &[("x-forwarded-host", "example.org")],
            &[("x-forwarded-proto", "https")],
            // More than an authority.
            &[
                ("x-forwarded-proto", "https"),
                ("x-forwarded-host", "evil.example/path"),
            ],
            &[
                ("x-forwarded-proto", "https"),
                ("x-forwarded-host", "user@evil.example"),
            ],
            &[
                ("x-forwarded-proto", "https"),
                ("x-forwarded-host", "evil.example?x"),
            ],
            &[
                ("x-forwarded-proto", "https"),
                ("x-forwarded-host", "evil.example#x"),
            ],
            &[
                ("x-forwarded-proto", "https"),
                ("x-forwarded-host", "evil.example\\x"),
            ],
            &[("x-forwarded-proto", "https"), ("x-forwarded-host", "a b")],
            &[
                ("x-forwarded-proto", "https"),
                ("x-forwarded-host", "example.org:99999"),
            ],
            &[
                ("x-forwarded-proto", "https"),
                ("x-forwarded-host", "example.org:x"),
            ],
            &[
                ("x-forwarded-proto", "https"),
                ("x-forwarded-host", "<script>"),
            ],
            &[("x-forwarded-proto", "https"), ("x-forwarded-host", "")],
            // Lists from a chain of proxies, or a header sent twice.
            &[
                ("x-forwarded-proto", "https"),
                ("x-forwarded-host", "a.example, b.example"),
            ],
            &[
                ("x-forwarded-proto", "https, http"),
                ("x-forwarded-host", "a.example"),
            ],
            &[
                ("x-forwarded-proto", "https"),
                ("x-forwarded-host", "a.example"),
                ("x-forwarded-host", "b.example"),
            ],
            // Forwarded: two elements, a parameter twice, an escape, a missing part.
            &[(
                "forwarded",
                "proto=https;host=a.example, proto=https;host=b.example",
            )],
            &[("forwarded", "proto=https;host=a.example;host=b.example")],
            &[("forwarded", "proto=https;host=\"a\\\"b\"")],
            &[("forwarded", "host=example.org")],
            &[("forwarded", "proto=https;host")],
            // A Host header alone is never enough.
            &[("host", "example.org")],
        ];
        for sent in bad {
            assert_eq!(origin(&headers(sent)), None, "{sent:?}");
        }
    }

    #[test]
    fn x_forwarded_headers_decide_over_forwarded() {
        // A proxy that overwrites X-Forwarded-* may pass a client's Forwarded through.
        let sent = headers(&[
            ("forwarded", "proto=https;host=evil.example"),
            ("x-forwarded-proto", "https"),
            ("x-forwarded-host", "example.org"),
        ]);
        assert_eq!(origin(&sent).as_deref(), Some("https://example.org"));
        let sent = headers(&[
            ("forwarded", "proto=https;host=evil.example"),
            ("x-forwarded-host", "example.org"),
        ]);
        assert_eq!(origin(&sent), None);
    }
}
