//! Embeds for other sites (Hugo, Zola, WordPress): `/embed/upcoming`, a small self-contained
//! HTML page for an iframe, and the `<touchpoint-upcoming>` web component served at
//! `/embed/touchpoint-upcoming.js`. See docs/embedding.md.
//!
//! The iframe page makes no request of its own: its CSS and script are inline, and it shows
//! times in the server's zone (`?tz=`, else the community's) until the inline script
//! ([`LOCAL_TIMES_JS`]) rewrites every `<time datetime data-end>` in the visitor's zone (or the
//! one `?tz=` named) with `Intl.DateTimeFormat`. With JavaScript off
//! the server's zone stays, and is named beside the times.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use jiff::Timestamp;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use serde::Deserialize;

use crate::api::{self, ApiError};
use crate::html::{LOCAL_TIMES_JS, moved_note, when_time};
use crate::i18n::Lang;
use crate::{Filter, HourCycle, Origin, Site, Viewer, paths, t};

/// The `<touchpoint-upcoming>` web component: its sentences in every language
/// ([`text_table`]), [`LOCAL_TIMES_JS`] and the component, in one function so none adds a
/// global to the embedding page.
pub static COMPONENT_JS: LazyLock<String> = LazyLock::new(|| {
    format!(
        "(function () {{\n{}{}\n{}}})();\n",
        text_table(&Lang::ALL),
        LOCAL_TIMES_JS,
        include_str!("html/assets/touchpoint-upcoming.js")
    )
});

/// `/assets/local-times.js` as served and exported: [`LOCAL_TIMES_JS`] after its sentences in
/// every language ([`text_table`]); it writes in the language of the page that loads it.
pub static LOCAL_TIMES_FILE: LazyLock<String> =
    LazyLock::new(|| format!("{}{}", text_table(&Lang::ALL), LOCAL_TIMES_JS));

/// The sentences local-times.js and the web component write, in `lang`, from the same
/// messages as the server's pages, each with its values left as `{name}` for the script to
/// fill in. A value given as text picks a message's default (plural "other") variant, which
/// is right for every number these are filled with ("+N more" is never under 2, a day whose
/// clocks change has 23 or 25 hours); a test holds them to the server's text.
pub fn script_text(lang: Lang) -> BTreeMap<&'static str, String> {
    BTreeMap::from([
        ("moved", t!(lang, "when-moved-from", when = "{when}")),
        (
            "clocksEarlier",
            t!(lang, "when-clocks-earlier", duration = "{duration}"),
        ),
        (
            "clocksLater",
            t!(lang, "when-clocks-later", duration = "{duration}"),
        ),
        (
            "clocksEarlierIn",
            t!(
                lang,
                "when-clocks-earlier-in",
                duration = "{duration}",
                place = "{place}",
                day = "{day}"
            ),
        ),
        (
            "clocksLaterIn",
            t!(
                lang,
                "when-clocks-later-in",
                duration = "{duration}",
                place = "{place}",
                day = "{day}"
            ),
        ),
        // "1 hour" takes its own words ("one"); other lengths the "other" ones.
        ("hour", t!(lang, "duration-hours", count = 1)),
        ("hours", t!(lang, "duration-hours", count = "{count}")),
        ("minutes", t!(lang, "duration-minutes", count = "{count}")),
        ("today", t!(lang, "cal-today").into_owned()),
        ("more", t!(lang, "cal-more", count = "{count}")),
        ("moreOn", t!(lang, "cal-more-on", date = "{date}")),
        ("dst", t!(lang, "cal-week-clocks-change", hours = "{hours}")),
        ("none", t!(lang, "cal-week-day-empty").into_owned()),
        (
            "range",
            t!(lang, "when-range", from = "{from}", to = "{to}"),
        ),
        ("shown", t!(lang, "zone-shared", zone = "{zone}")),
        ("ownZone", t!(lang, "zone-use-mine").into_owned()),
        ("empty", t!(lang, "embed-empty").into_owned()),
        ("cancelled", t!(lang, "embed-cancelled").into_owned()),
        ("all", t!(lang, "embed-all-meetings").into_owned()),
        ("failed", t!(lang, "embed-failed", error = "{error}")),
        (
            "cadence",
            t!(
                lang,
                "when-cadence",
                rule = "{rule}",
                clock = "{clock}",
                zone = "{zone}"
            ),
        ),
        (
            "cadenceAnchor",
            t!(
                lang,
                "when-cadence-anchor",
                clock = "{clock}",
                zone = "{zone}"
            ),
        ),
        (
            "cadenceAnchorDays",
            t!(
                lang,
                "when-cadence-anchor-days",
                days = "{days}",
                clock = "{clock}",
                zone = "{zone}"
            ),
        ),
        (
            "cadenceWith",
            t!(
                lang,
                "when-cadence-with-anchor",
                local = "{local}",
                anchor = "{anchor}"
            ),
        ),
    ])
}

/// `var TOUCHPOINT_TEXT = {"ja": {…}, …};`: [`script_text`] of each of `langs` by tag, the
/// first line of the scripts that write words, so translators edit only the `.ftl` files.
pub fn text_table(langs: &[Lang]) -> String {
    let table: BTreeMap<&str, BTreeMap<&str, String>> = langs
        .iter()
        .map(|&lang| (lang.tag(), script_text(lang)))
        .collect();
    // Maps of strings always serialize; `<\/` keeps the table inert inside an inline <script>.
    let json = serde_json::to_string(&table).unwrap_or_else(|_| "{}".to_owned());
    format!("var TOUCHPOINT_TEXT = {};\n", json.replace("</", "<\\/"))
}

/// How many meetings an embed lists when `limit` is not given.
pub const DEFAULT_LIMIT: usize = 5;
/// The most meetings an embed lists.
pub const MAX_LIMIT: usize = 50;

/// The `Content-Security-Policy` of the iframe page: nothing but its own inline style and
/// script, so it cannot load (or leak to) anything else.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; \
base-uri 'none'; form-action 'none'";

/// Query of `GET /embed/upcoming`.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct UpcomingQuery {
    /// Only this series.
    pub series: Option<String>,
    /// Only this group's series.
    pub group: Option<String>,
    /// Only this outside calendar (`community` for the community's own series). Without it,
    /// the community's own series.
    pub source: Option<String>,
    /// How many meetings (default 5, at most 50).
    pub limit: Option<usize>,
    /// The zone shown with JavaScript off, and forced with it on (default: the visitor's zone
    /// in the browser, the community's zone without JavaScript).
    pub tz: Option<String>,
    /// `light` (the default) or `dark`: the embedding page's theme, which the list follows.
    pub theme: Option<String>,
    /// The language of the list's words and dates (`ja`, `zh-Hans`, …); without it (or with
    /// one the site does not offer), the visitor's `Accept-Language`, else the site's default.
    pub lang: Option<String>,
}

/// The embed's colour theme (`?theme=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Dark text on the host page's light background.
    #[default]
    Light,
    /// Light text on the host page's dark background.
    Dark,
}

impl Theme {
    /// The theme `?theme=` names: `light`, `dark`, or nothing (light).
    pub fn from_query(theme: Option<&str>) -> Result<Theme, ApiError> {
        match theme.map(str::trim).unwrap_or_default() {
            "" | "light" => Ok(Theme::Light),
            "dark" => Ok(Theme::Dark),
            other => Err(ApiError::bad_request(format!(
                "theme must be light or dark, got {:?}",
                other.chars().take(40).collect::<String>()
            ))),
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The page's style. The theme is the host page's (`?theme=`), not the visitor's system
/// setting: a light site framing a list that turned dark on its own would show a black box.
/// Both themes' colours pass WCAG AA on the host's background (white, or the dark sites' usual
/// #0d1117–#202124); the page's own background stays transparent.
const STYLE: &str = "
:root{color-scheme:light;color:#1b1f24;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}
:root[data-theme=dark]{color-scheme:dark;color:#e6edf3}
body{margin:0;padding:.5rem;background:transparent}
.moved{font-size:.85em;font-style:italic}
.clocks{font-size:.85em;font-style:italic;opacity:.75}
ul{list-style:none;margin:0;padding:0}
li{padding:.4rem 0;border-bottom:1px solid color-mix(in srgb,currentColor 15%,transparent)}
li:last-child{border-bottom:0}
time{display:block;font-variant-numeric:tabular-nums;opacity:.8;font-size:.92em}
a{color:inherit}
.t{font-weight:600}
.x .t{text-decoration:line-through}
.badge{font-size:.8em;font-weight:600;padding:0 .3em;border:1px solid currentColor;border-radius:.25em}
.more{margin:.5rem 0 0;font-size:.9em;opacity:.85}
.empty{opacity:.8}
";

/// The iframe page of `GET /embed/upcoming`: the next meetings matching the query, or a 400
/// for an unknown series, group, source or zone.
///
/// `hours` is the visitor's clock (from their `Accept-Language`); the inline script writes the
/// same with JavaScript on. `lang` is the list's language ([`Site::language`] of `?lang=` and
/// `Accept-Language`).
pub fn upcoming(
    site: &Site,
    query: &UpcomingQuery,
    now: Timestamp,
    hours: HourCycle,
    lang: Lang,
) -> Result<Markup, ApiError> {
    let asked_tz = query
        .tz
        .as_deref()
        .map(str::trim)
        .filter(|tz| !tz.is_empty());
    let viewer = Viewer {
        hours,
        lang,
        ..Viewer::from_query(asked_tz, site.default_tz())
            .map_err(|err| ApiError::bad_request(err.to_string()))?
    };
    let theme = Theme::from_query(query.theme.as_deref())?;
    let mut filter = api::filter(
        site,
        query.source.as_deref(),
        query.series.as_deref(),
        query.group.as_deref(),
    )?;
    if filter.sources.is_empty() {
        filter = Filter {
            own_only: true,
            ..filter
        };
    }
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let items = site.upcoming(now, &filter, limit);
    let info = &site.community.info;
    Ok(html! {
        (DOCTYPE)
        html lang=(lang.tag()) data-theme=(theme.as_str()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex";
                title { (t!(lang, "embed-title", community = info.name.get(lang).0)) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                @if items.is_empty() {
                    p class="empty" { (t!(lang, "embed-empty")) }
                } @else {
                    ul {
                        @for item in &items {
                            li class=[item.cancelled().then_some("x")] {
                                (when_time(&viewer, item))
                                @match item.origin {
                                    Origin::Series(series) => {
                                        a class="t" href=(site.href(&paths::series(&series.id))) target="_blank" rel="noopener" { (crate::html::item_title(&viewer, item)) }
                                    }
                                    Origin::Source(_) => {
                                        @if let Some(url) = item.url() {
                                            a class="t" href=(url) target="_blank" rel="noopener nofollow" { (item.title()) }
                                        } @else {
                                            span class="t" { (item.title()) }
                                        }
                                    }
                                }
                                (moved_note(site, &viewer, item))
                                @if item.cancelled() {
                                    " " span class="badge" { (t!(lang, "embed-cancelled")) }
                                    @if let Some(reason) = item.cancel_reason() { " " (reason) }
                                }
                            }
                        }
                    }
                }
                p class="more" {
                    span id="zone" data-zone-label=(t!(lang, "embed-times-in", zone = "%")) {
                        (t!(lang, "embed-times-in", zone = &*viewer.tz.name))
                    }
                    " "
                    a href=(site.href(&paths::home())) target="_blank" rel="noopener" { (t!(lang, "embed-all-meetings")) }
                    " · "
                    a href={ (site.url(&paths::home())) "#calendar" } target="_blank" rel="noopener" { (t!(lang, "embed-subscribe")) }
                }
                script data-local-times data-zone-names data-tz=[asked_tz.map(|_| &*viewer.tz.name)] {
                    (PreEscaped(text_table(&[lang])))
                    (PreEscaped(LOCAL_TIMES_JS))
                }
            }
        }
    })
}

/// The iframe page for a bad query: the message, styled like the list, so the embedding site's
/// author sees what to fix. The message itself is the API's (English, as the API's errors are);
/// the page's title is in `lang`.
pub fn error(site: &Site, error: &ApiError, lang: Lang) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.tag()) {
            head {
                meta charset="utf-8";
                meta name="robots" content="noindex";
                title { (t!(lang, "embed-title", community = site.community.info.name.get(lang).0)) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                p class="empty" { (error.error) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_text_filled_says_what_the_server_says_in_every_language() {
        for lang in Lang::ALL {
            let text = script_text(lang);
            let fill = |key: &str, name: &str, value: &str| text[key].replace(name, value);
            // A crowded month cell lists one fewer than it holds: "+N more" is never under 2.
            for count in [2, 3, 11] {
                let n = count.to_string();
                assert_eq!(
                    fill("more", "{count}", &n),
                    t!(lang, "cal-more", count = count)
                );
            }
            for hours in [23, 25] {
                let n = hours.to_string();
                let said = t!(lang, "cal-week-clocks-change", hours = hours);
                assert_eq!(fill("dst", "{hours}", &n), said, "{lang:?}");
            }
            // A clock change moves a meeting by 30 minutes (Lord Howe Island), an hour, or two
            // (both zones' clocks changed, in opposite directions, since last time).
            for minutes in [30, 60, 90, 120] {
                let duration = match minutes {
                    60 => text["hour"].clone(),
                    m if m % 60 == 0 => fill("hours", "{count}", &(m / 60).to_string()),
                    m => fill("minutes", "{count}", &m.to_string()),
                };
                let said =
                    crate::html::duration_words(lang, jiff::SignedDuration::from_mins(minutes));
                assert_eq!(duration, said, "{lang:?} {minutes} min");
                assert_eq!(
                    fill("clocksEarlier", "{duration}", &duration),
                    t!(lang, "when-clocks-earlier", duration = said.as_str()),
                );
                let filled = fill("clocksLaterIn", "{duration}", &duration)
                    .replace("{place}", "PLACE")
                    .replace("{day}", "DAY");
                assert_eq!(
                    filled,
                    t!(
                        lang,
                        "when-clocks-later-in",
                        duration = said.as_str(),
                        place = "PLACE",
                        day = "DAY"
                    ),
                );
            }
            let when = "WHEN";
            assert_eq!(
                fill("moved", "{when}", when),
                t!(lang, "when-moved-from", when = when)
            );
            assert!(text.values().all(|v| !v.trim().is_empty()), "{lang:?}");
            if lang != Lang::En {
                assert_ne!(text, script_text(Lang::En), "{lang:?} is English");
            }
        }
    }

    #[test]
    fn text_table_holds_every_language_by_tag_and_stays_inert_inline() {
        let table = text_table(&Lang::ALL);
        let json = table
            .strip_prefix("var TOUCHPOINT_TEXT = ")
            .and_then(|rest| rest.strip_suffix(";\n"))
            .expect("one assignment");
        let parsed: BTreeMap<String, BTreeMap<String, String>> =
            serde_json::from_str(json).expect("JSON");
        let tags: Vec<&str> = parsed.keys().map(String::as_str).collect();
        assert_eq!(tags, ["de", "en", "es", "fr", "ja", "pt-BR", "zh-Hans"]);
        assert_eq!(parsed["ja"]["cancelled"], t!(Lang::Ja, "embed-cancelled"));
        assert!(!table.contains("</"));
        assert!(COMPONENT_JS.contains(&table) && LOCAL_TIMES_FILE.starts_with(&table));
    }
}
