//! "Subscribe": one block per feed with the link each calendar app expects, so a click gives a
//! live subscription rather than a downloaded snapshot (docs/feeds.md says how each app
//! subscribes, with sources):
//!
//! - `webcal://…`: Apple Calendar, Outlook on the desktop, Thunderbird and Evolution open it as
//!   a subscription;
//! - Google Calendar: `calendar.google.com/calendar/render?cid=` with the webcal address;
//! - Outlook.com and Microsoft 365: `…/calendar/0/addfromweb?url=…&name=…` with the https
//!   address;
//! - the https address to copy, for any other app ("From URL", "On the Network");
//! - a one-time download, labelled as such.
//!
//! Every link is absolute, built from the site's public URL ([`Site::base_url`]); without one
//! (a server that does not know its address) the block says so and offers the download only.
//! Plain links in a `<details>`: it works with JavaScript off and with a keyboard; the script
//! only adds a "Copy" button.

use maud::{Markup, html};

use crate::i18n::{Arg, Lang, markup};
use crate::{Site, SitePath, t};

/// The subscribe block for the feed at `path`, named `name` in the apps that show a name.
/// `id` makes the block's element ids unique on a page with several.
pub fn subscribe(site: &Site, lang: Lang, path: &SitePath, name: &str, id: &str) -> Markup {
    let copy_id = format!("feed-url-{id}");
    let Some(https) = site.absolute(path) else {
        return html! {
            details class="subscribe" {
                summary { (t!(lang, "subscribe")) }
                p {
                    (markup(lang, "subscribe-no-address", &[
                        ("base_url", Arg::Html(html! { code { "--base-url" } })),
                        ("trust_forwarded", Arg::Html(html! { code { "--trust-forwarded" } })),
                    ]))
                    " "
                    (markup(lang, "subscribe-no-address-download", &[(
                        "link",
                        Arg::Html(html! { a href=(site.href(path)) download { (t!(lang, "subscribe-download")) } }),
                    )]))
                }
            }
        };
    };
    let webcal = site.webcal(path);
    let google = format!(
        "https://calendar.google.com/calendar/render?cid={}",
        encode(&webcal)
    );
    let outlook = |host: &str| {
        format!(
            "https://{host}/calendar/0/addfromweb?url={}&name={}",
            encode(&https),
            encode(name)
        )
    };
    html! {
        details class="subscribe" {
            summary { (t!(lang, "subscribe")) span class="visually-hidden" { " " (t!(lang, "subscribe-to", name = name)) } }
            ul {
                li { a href=(webcal) { (t!(lang, "subscribe-webcal")) } }
                li { a href=(google) rel="noopener" { (t!(lang, "google-calendar")) } }
                li { a href=(outlook("outlook.live.com")) rel="noopener" { "Outlook.com" } }
                li { a href=(outlook("outlook.office.com")) rel="noopener" { (t!(lang, "subscribe-microsoft-365")) } }
                li class="copy" {
                    label for=(copy_id) { (t!(lang, "subscribe-other-app")) }
                    input id=(copy_id) type="url" readonly value=(https);
                    button type="button" data-copy=(copy_id) data-copied=(t!(lang, "subscribe-copied")) hidden { (t!(lang, "subscribe-copy")) }
                }
                li {
                    a href=(https) download { (t!(lang, "subscribe-download")) }
                    " — " (t!(lang, "subscribe-download-note"))
                }
            }
        }
    }
}

/// `value` for a query string (`application/x-www-form-urlencoded`: letters, digits and `*-._`
/// kept, a space as `+`, everything else percent-encoded), as the apps' add links read their
/// `url`, `cid` and `name` (and Google's event template its fields).
pub(super) fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}
