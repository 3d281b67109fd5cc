//! The files the pages load — the stylesheet, the scripts, the icon, the zone picker's names —
//! with their bytes, their type and a hash of those bytes, its *version*.
//!
//! Pages link each one as `{path}?v={version}` ([`crate::paths`] writes every asset path so), so
//! a new binary's pages ask for new addresses and a browser never pairs new HTML with the CSS or
//! script it kept from the old one. The server marks an answer to the current version
//! `immutable` for a year and any other (the bare path that pages already out there name, an
//! old version) for a few minutes (`touchpoint::server::pages`); `touchpoint build` writes each
//! file at its bare path, which a static host serves whatever the query.
//!
//! A query, not a hashed file name (`site.3f2a….css`): the file keeps its one name, so the
//! static export, a proxy's rules and the old unversioned address need nothing new, and a
//! replica still running the old binary during a rolling upgrade answers the new address with
//! its old bytes but without `immutable` (the version is not its own), instead of a 404 or a
//! year-long wrong copy.
//!
//! The versions are computed once, at start: when the server builds its route table (or an
//! export renders its first page). The bytes are compiled in, but the zone names and the
//! local-times sentences are put together at run time, so the hashes are taken then.
//!
//! The web component (`/embed/touchpoint-upcoming.js`) is not among them: other sites link it
//! by its bare address, which they cannot keep in step with a hash.

use std::sync::LazyLock;

use crate::paths::route;

/// One file the pages load.
#[derive(Debug)]
pub struct Asset {
    /// Its route, the bare path (`/assets/site.css`).
    pub route: &'static str,
    /// Its `Content-Type`.
    pub content_type: &'static str,
    /// Its bytes, as served and exported.
    pub body: Vec<u8>,
    /// A hash of [`Asset::body`] (16 hex digits): the `v` of the links to it, and its ETag.
    pub version: String,
}

impl Asset {
    /// Its path as pages link it: `{route}?v={version}`.
    pub fn path(&self) -> crate::SitePath {
        crate::paths::versioned(self.route)
    }

    fn new(route: &'static str, content_type: &'static str, body: impl Into<Vec<u8>>) -> Asset {
        let body = body.into();
        let version = format!("{:016x}", touchpoint_calendar::digest::digest(&body));
        Asset {
            route,
            content_type,
            body,
            version,
        }
    }
}

static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    let js = "text/javascript; charset=utf-8";
    vec![
        Asset::new(
            route::STYLESHEET,
            "text/css; charset=utf-8",
            crate::html::CSS,
        ),
        Asset::new(route::SCRIPT, js, crate::html::JS),
        Asset::new(
            route::LOCAL_TIMES,
            js,
            crate::embed::LOCAL_TIMES_FILE.as_str(),
        ),
        Asset::new(route::ZONES, "application/json", crate::html::zones_json()),
        Asset::new(route::FAVICON, "image/svg+xml", crate::html::FAVICON),
    ]
});

/// Every file the pages load, in a stable order.
pub fn all() -> &'static [Asset] {
    &ASSETS
}

/// The file served at `route`, if it is one of [`all`].
pub fn get(route: &str) -> Option<&'static Asset> {
    all().iter().find(|asset| asset.route == route)
}

/// The version of the file at `route` (empty for a route that is none of [`all`]).
pub(crate) fn version(route: &str) -> &'static str {
    get(route).map_or("", |asset| asset.version.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_version_each_file_by_its_bytes() {
        let css = get(route::STYLESHEET).unwrap();
        assert_eq!(css.body, crate::html::CSS.as_bytes());
        assert_eq!(css.version.len(), 16);
        assert_ne!(css.version, get(route::SCRIPT).unwrap().version);
        assert_eq!(
            crate::paths::stylesheet().to_string(),
            format!("/assets/site.css?v={}", css.version)
        );
        assert!(get(route::EMBED_COMPONENT).is_none());
    }
}
