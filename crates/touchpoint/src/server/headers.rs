//! The security headers of every answer: `X-Content-Type-Options: nosniff` and a
//! `Referrer-Policy` everywhere, and on HTML pages a `Content-Security-Policy` that allows only
//! the site's own stylesheet, script and `fetch` (`/assets/zones.json`), and no framing.
//!
//! The pages have no inline script or style (colour swatches are SVG `fill`s, not `style=`), so
//! the policy needs no `'unsafe-inline'`. The embed (`/embed/upcoming`) sets its own policy in
//! its handler, without `frame-ancestors`, because other sites frame it: the layers here only
//! add a header the answer does not already have.

use axum::http::{HeaderValue, header};
use axum::response::Response;
use tower_http::set_header::SetResponseHeaderLayer;

/// The policy of the HTML pages.
pub const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Where links to other sites get no referrer: the viewer's zone in `?tz=` is nobody's business.
pub const REFERRER_POLICY: &str = "same-origin";

type MakePolicy = fn(&Response) -> Option<HeaderValue>;

/// `Content-Security-Policy: `[`PAGE_CSP`] on HTML answers that have no policy of their own.
pub fn page_policy() -> SetResponseHeaderLayer<MakePolicy> {
    SetResponseHeaderLayer::if_not_present(header::CONTENT_SECURITY_POLICY, html_policy)
}

/// `X-Content-Type-Options: nosniff` on every answer: a feed or JSON body is never run as a page.
pub fn no_sniffing() -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    )
}

/// `Referrer-Policy: `[`REFERRER_POLICY`] on every answer.
pub fn referrer_policy() -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(
        header::REFERRER_POLICY,
        HeaderValue::from_static(REFERRER_POLICY),
    )
}

/// [`PAGE_CSP`] for an HTML answer; nothing for feeds, JSON and assets.
fn html_policy(response: &Response) -> Option<HeaderValue> {
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    html.then(|| HeaderValue::from_static(PAGE_CSP))
}
