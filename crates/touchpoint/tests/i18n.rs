//! Issue 19: every page speaks every language. For each of the seven languages, asked with
//! `?lang=` and separately with `Accept-Language`, the walk renders every page the site serves
//! (every `paths::every` route, the calendar filters, the planner with cities, the embeds, the
//! 400 and 404 pages, the hub's own pages) through the real router in-process and fails on:
//!
//! - a message id the language lacks (`touchpoint_site::i18n::missing()`);
//! - `<html lang>` that is not the language asked for;
//! - English left over: an English message of `crates/site/locales/en.ftl` (without variables,
//!   of two words or eight letters, and unlike the language's own) as a text node or as a
//!   `title`, `aria-label`, `placeholder`, `alt` or button value; and, in Japanese and Chinese
//!   pages, any of the English UI words the pages wrote before they were translated.
//!
//! The community's own data (titles, descriptions, names from its file and its outside
//! calendars) is not the site's to translate: text inside an element marked with another `lang`,
//! and text that is part of the community's data, is passed over.
//!
//! Also: feeds and the JSON API are byte-identical whatever language is asked; the home page stays
//! under 100 KB in every language; `Vary` names what chooses the language.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{example_site, now, state};
use fluent_syntax::ast::{Entry, PatternElement};
use scraper::{Html, Node};
use touchpoint::app;
use touchpoint::cli::ConfigArgs;
use touchpoint::hub;
use touchpoint::server::hub::{HubState, Served, hub_router};
use touchpoint::server::{AppState, router};
use touchpoint_community::Lang;
use touchpoint_site::{Site, i18n, paths};
use tower::ServiceExt;

/// Gaps known while the pages are being translated (issue 19): a failure whose text is listed
/// here is printed as a known gap instead of failing the walk. Each entry is the English text
/// left over, the message id missing, or `lang <path>` for a page whose `<html lang>` is wrong.
/// The list shrinks as translations land and must end empty.
const KNOWN_GAPS: &[&str] = &[];

/// English UI words and phrases the pages wrote before they were translated (the literals of
/// `crates/site/src` at 1cea7d9, less city, product and protocol names): none may show in a
/// Japanese or Chinese page outside the community's own data. Matched as whole words.
const ENGLISH_UI: &[&str] = &[
    // The shell: navigation, pickers, footer.
    "Meetings",
    "meetings",
    "Calendar",
    "Working groups",
    "Time planner",
    "Skip to content",
    "Times are shown in",
    "Subscribe to the calendar",
    "Feed health",
    "Time zone",
    "Shown in",
    "Show",
    // Join links, markers, lists.
    "Join",
    "Register to join",
    "Join link here",
    "Join link not published",
    "Join link shown on this site",
    "Ask for the join link",
    "Contact",
    "Happening now",
    "Starts in",
    "Cancelled",
    "No upcoming dates",
    "No upcoming meetings",
    "Next up",
    "Next meeting",
    "Next meetings",
    "Next dates",
    "Past meetings",
    "Past dates",
    "All day",
    "Every",
    "every",
    // Series and groups.
    "Agenda",
    "Notes",
    "Recordings",
    "Recording",
    "Subscribe",
    "Repository",
    "Mailing list",
    "Chat",
    "Meets",
    "No scheduled meetings",
    "About this meeting",
    "Details",
    "Contents",
    "Event page",
    "Original feed",
    "Each date below can also be added alone",
    "This group has no scheduled meetings",
    "This community has no working groups yet",
    "Other calendars",
    "Copy",
    // Calendar views.
    "Today",
    "Later",
    "Earlier",
    "Week",
    "Month",
    "Nothing in this period",
    "Show all",
    "Show one calendar or group",
    "All calendar views",
    "Back to the whole calendar",
    "Filter",
    "Calendars",
    // Planner.
    "Add a city",
    "Best start times",
    "Working hours",
    "Outside working hours",
    "Coming clock changes",
    "Link to this plan",
    "Night",
    "Date and time",
    "In zone",
    "See it across time zones",
    // Health, errors.
    "Last error",
    "Last success",
    "Last attempt",
    "Last sent",
    "Next try",
    "Not fetched yet",
    "Waiting",
    "Announcement channels",
    "Not found",
    "There is no page at this address",
    "There is no time zone called",
    "Unknown time zone",
    "Back to the meetings page",
    // The hub.
    "Communities",
    "Only the first",
    "Every community",
    "Subscribe to every community",
    "Nothing to show",
    "in this hub",
    "has a source, series or group",
    // Dates and relative times, which CLDR writes in the page's language.
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mon",
    "Tue",
    "Wed",
    "Thu",
    "Fri",
    "Sat",
    "Sun",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "AM",
    "PM",
    "minutes",
    "hours",
    "days",
    "weeks",
    "ago",
    "Tomorrow",
    "Yesterday",
];

/// The `Accept-Language` a browser set to `lang` sends.
fn accept_language(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en-US,en;q=0.9",
        Lang::Ja => "ja-JP,ja;q=0.9,en;q=0.5",
        Lang::ZhHans => "zh-CN,zh;q=0.9,en;q=0.5",
        Lang::De => "de-DE,de;q=0.9,en;q=0.5",
        Lang::Fr => "fr-FR,fr;q=0.9,en;q=0.5",
        Lang::Es => "es-ES,es;q=0.9,en;q=0.5",
        Lang::PtBr => "pt-BR,pt;q=0.9,en;q=0.5",
    }
}

/// `uri` with `?lang=tag` (or `&lang=tag`) added.
fn with_lang(uri: &str, lang: Lang) -> String {
    let joiner = if uri.contains('?') { '&' } else { '?' };
    format!("{uri}{joiner}lang={}", lang.tag())
}

/// One answer: status, headers and the body's bytes.
struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn is_html(&self) -> bool {
        self.header(header::CONTENT_TYPE).starts_with("text/html")
    }

    fn header(&self, name: header::HeaderName) -> String {
        let values: Vec<&str> = self
            .headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        values.join(", ")
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// How a request asks for a language.
#[derive(Clone, Copy, Debug)]
enum Ask {
    /// `?lang=tag`.
    Query,
    /// `Accept-Language` of a browser set to the language.
    Browser,
    /// The `lang` cookie, as the language picker sets it.
    Cookie,
}

fn request(uri: &str, lang: Lang, ask: Ask) -> Request<Body> {
    let builder = match ask {
        Ask::Query => Request::get(with_lang(uri, lang)),
        Ask::Browser => Request::get(uri).header(header::ACCEPT_LANGUAGE, accept_language(lang)),
        Ask::Cookie => Request::get(uri).header(header::COOKIE, format!("lang={}", lang.tag())),
    };
    builder.body(Body::empty()).unwrap()
}

async fn send(router: axum::Router, request: Request<Body>) -> Answer {
    let response = router.oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), 64 << 20)
        .await
        .unwrap()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

/// The messages of each language's files without variables or selectors, by id: what a page
/// shows as it is.
fn plain_messages(lang: Lang) -> BTreeMap<String, String> {
    let mut messages = BTreeMap::new();
    for source in [i18n::source(lang)] {
        let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(r, _)| r);
        for entry in resource.body {
            let Entry::Message(message) = entry else {
                continue;
            };
            let Some(pattern) = message.value else {
                continue;
            };
            let mut text = String::new();
            let plain = pattern.elements.iter().all(|element| match element {
                PatternElement::TextElement { value } => {
                    text.push_str(value);
                    true
                }
                PatternElement::Placeable { .. } => false,
            });
            if plain {
                messages.insert(message.id.name.to_owned(), normalize(&text));
            }
        }
    }
    messages
}

/// The English messages worth looking for in a page of `lang`: plain, two words or eight
/// letters at least, and not what `lang` itself says.
fn english_to_find(lang: Lang) -> Vec<String> {
    // A word the language itself uses for some message ("Meetings" in German) is not English
    // left over when the page shows it.
    let own: BTreeSet<String> = plain_messages(lang).into_values().collect();
    let mut found: BTreeSet<String> = BTreeSet::new();
    for english in plain_messages(Lang::En).into_values() {
        let long = english.split_whitespace().count() >= 2
            || english.chars().filter(|c| c.is_alphabetic()).count() >= 8;
        if long && !own.contains(&english) {
            found.insert(english);
        }
    }
    found.into_iter().collect()
}

/// Whitespace runs as one space, trimmed.
fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every string of `debug` (a `{:?}` rendering of the community's model): the community's own
/// data, whatever shape its per-language text takes.
fn debug_strings(debug: &str, into: &mut BTreeSet<String>) {
    let mut chars = debug.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut value = String::new();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') | Some('t') | Some('r') => value.push(' '),
                    Some('u') => {
                        // \u{XXXX}
                        let code: String =
                            chars.by_ref().skip(1).take_while(|c| *c != '}').collect();
                        if let Some(c) =
                            u32::from_str_radix(&code, 16).ok().and_then(char::from_u32)
                        {
                            value.push(c);
                        }
                    }
                    Some(other) => value.push(other),
                    None => break,
                },
                other => value.push(other),
            }
        }
        let value = normalize(&value);
        if !value.is_empty() {
            into.insert(value);
        }
    }
}

/// The community's own data on a site's pages.
fn community_data(site: &Site, into: &mut BTreeSet<String>) {
    debug_strings(&format!("{:?}", site.community), into);
    debug_strings(&format!("{:?}", site.sources), into);
}

/// What counts as the community's: its strings, and long text found inside them (a paragraph of
/// a description, a line of an event's notes).
struct Community {
    exact: BTreeSet<String>,
    joined: String,
    /// Its strings of two words or more, longest first: names a page may set inside its own
    /// sentence ("カレンダー — Open Source Meetings" in a `<title>`).
    names: Vec<String>,
}

impl Community {
    fn new(strings: BTreeSet<String>) -> Community {
        let joined = strings.iter().cloned().collect::<Vec<_>>().join("\n");
        let mut names: Vec<String> = strings
            .iter()
            .filter(|s| s.split_whitespace().nth(1).is_some())
            .cloned()
            .collect();
        names.sort_by_key(|name| std::cmp::Reverse(name.len()));
        Community {
            exact: strings,
            joined,
            names,
        }
    }

    fn owns(&self, text: &str) -> bool {
        self.exact.contains(text) || (text.chars().count() >= 20 && self.joined.contains(text))
    }

    /// `text` with the community's names in it blanked out: what the site itself wrote.
    fn without_names(&self, text: &str) -> String {
        let mut text = text.to_owned();
        for name in &self.names {
            if text.contains(name.as_str()) {
                text = text.replace(name.as_str(), " ");
            }
        }
        text
    }
}

/// Whether `needle` is in `haystack` as whole words.
fn has_words(haystack: &str, needle: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    haystack.match_indices(needle).any(|(at, _)| {
        !word(haystack[..at].chars().next_back())
            && !word(haystack[at + needle.len()..].chars().next())
    })
}

/// The text a visitor reads on a page, each piece with the language it is marked with: text
/// nodes (not scripts or styles) and the attributes people read.
fn readable(page: &Html, page_lang: &str) -> Vec<(String, String)> {
    let mut pieces = Vec::new();
    for node in page.tree.root().descendants() {
        let marked = node
            .ancestors()
            .chain(std::iter::once(node))
            .filter_map(|n| n.value().as_element())
            .find_map(|e| e.attr("lang"))
            .unwrap_or(page_lang)
            .to_owned();
        match node.value() {
            Node::Text(text) => {
                let inside_code = node.ancestors().any(|a| {
                    a.value()
                        .as_element()
                        .is_some_and(|e| matches!(e.name(), "script" | "style" | "template"))
                });
                let text = normalize(text);
                if !inside_code && !text.is_empty() {
                    pieces.push((text, marked));
                }
            }
            Node::Element(element) => {
                for name in ["title", "aria-label", "placeholder", "alt"] {
                    if let Some(value) = element.attr(name) {
                        pieces.push((normalize(value), marked.clone()));
                    }
                }
                let button = element.name() == "button"
                    || (element.name() == "input"
                        && matches!(element.attr("type"), Some("submit" | "button" | "reset")));
                if button && let Some(value) = element.attr("value") {
                    pieces.push((normalize(value), marked.clone()));
                }
            }
            _ => {}
        }
    }
    pieces
}

/// The failures of one HTML page of `lang`.
fn check_page(
    what: &str,
    body: &str,
    lang: Lang,
    english: &[String],
    community: &Community,
    failures: &mut Vec<Failure>,
) {
    let page = Html::parse_document(body);
    let html_lang = page
        .root_element()
        .attr("lang")
        .unwrap_or("(none)")
        .to_owned();
    if html_lang != lang.tag() {
        failures.push(Failure::new(
            what,
            format!("lang {}", path_of(what)),
            format!("<html lang={html_lang}>"),
        ));
    }
    if lang == Lang::En {
        return;
    }
    let cjk = matches!(lang, Lang::Ja | Lang::ZhHans);
    let mut seen = BTreeSet::new();
    for (text, marked) in readable(&page, lang.tag()) {
        if marked != lang.tag() || community.owns(&text) || !seen.insert(text.clone()) {
            continue;
        }
        // What the site wrote around any name of the community's it quotes.
        let site_text = community.without_names(&text);
        for message in english {
            let one_word = !message.contains(' ');
            let found = if one_word {
                site_text.trim().trim_end_matches([':', '.']) == message
            } else {
                has_words(&site_text, message)
            };
            if found {
                failures.push(Failure::new(what, message.clone(), text.clone()));
            }
        }
        if cjk {
            for word in ENGLISH_UI {
                if has_words(&site_text, word) {
                    failures.push(Failure::new(what, (*word).to_owned(), text.clone()));
                }
            }
        }
    }
}

/// The page of a `"{lang} {ask} {uri}"` description, without the query (`/series/x`, or
/// `hub /calendar` for the hub's own).
fn path_of(what: &str) -> &str {
    let page = what.splitn(3, ' ').nth(2).unwrap_or(what);
    page.split('?').next().unwrap_or(page)
}

/// One thing wrong: on which page (`"{lang} {ask} {uri}"`), the gap's key (see [`KNOWN_GAPS`])
/// and what was found.
struct Failure {
    page: String,
    key: String,
    found: String,
}

impl Failure {
    fn new(page: &str, key: String, found: String) -> Failure {
        Failure {
            page: page.to_owned(),
            key,
            found,
        }
    }
}

/// Every failure printed, each text once with every page it is on (languages, ways of asking and
/// paths apart), the known gaps apart; then the test fails if any is not a known gap.
fn report(failures: &[Failure]) {
    // (known, key, found) → the languages, ways of asking and uris it was seen with.
    type Seen = (BTreeSet<String>, BTreeSet<String>, BTreeSet<String>);
    let mut grouped: BTreeMap<(bool, &str, &str), Seen> = BTreeMap::new();
    for failure in failures {
        let known = KNOWN_GAPS.contains(&failure.key.as_str());
        let seen = grouped
            .entry((known, failure.key.as_str(), failure.found.as_str()))
            .or_default();
        let mut parts = failure.page.splitn(3, ' ');
        seen.0.insert(parts.next().unwrap_or_default().to_owned());
        seen.1.insert(parts.next().unwrap_or_default().to_owned());
        seen.2.insert(parts.next().unwrap_or_default().to_owned());
    }
    let mut lines = [String::new(), String::new()];
    for ((known, key, found), (langs, asks, uris)) in &grouped {
        let langs: Vec<_> = langs.iter().map(String::as_str).collect();
        let asks: Vec<_> = asks.iter().map(String::as_str).collect();
        let uris: Vec<_> = uris.iter().map(String::as_str).collect();
        writeln!(
            lines[usize::from(*known)],
            "[{key}] {found:?} in {} by {} on {} page(s): {}",
            langs.join(","),
            asks.join(","),
            uris.len(),
            uris.join(" ")
        )
        .unwrap();
    }
    let [unknown, known] = lines;
    if !known.is_empty() {
        eprintln!("known gaps of issue 19, still open:\n{known}");
    }
    let keys_seen: BTreeSet<&str> = failures.iter().map(|f| f.key.as_str()).collect();
    for gap in KNOWN_GAPS {
        if !keys_seen.contains(gap) {
            eprintln!("known gap {gap:?} not seen here: take it off KNOWN_GAPS if no test sees it");
        }
    }
    let keys: BTreeSet<&str> = failures
        .iter()
        .map(|f| f.key.as_str())
        .filter(|key| !KNOWN_GAPS.contains(key))
        .collect();
    assert!(
        unknown.is_empty(),
        "{} failures:\n{unknown}\ntheir keys: {keys:?}",
        unknown.lines().count()
    );
}

/// The ids `i18n::missing()` gained since `before`.
fn newly_missing(before: &BTreeSet<String>) -> Vec<String> {
    i18n::missing()
        .into_iter()
        .filter(|id| !before.contains(id))
        .collect()
}

/// Every address of the example site to walk: every path, the calendar views with filters and
/// dates, the planner with cities, the embeds with options, the error pages.
fn uris(site: &Site) -> Vec<String> {
    let mut uris: Vec<String> = paths::every(site, now())
        .iter()
        .map(ToString::to_string)
        .collect();
    let series = &site.community.series[0].id;
    uris.extend(
        [
            "/calendar?view=week&date=2026-12-21",
            "/calendar?view=month&date=2026-12-10",
            "/calendar?view=agenda&date=2026-12-21",
            "/planner?cities=tokyo-jp,Europe/Berlin,America/New_York,Asia/Shanghai",
            "/planner?cities=Asia/Tokyo&city=Xyzzyq",
            "/planner?city=San",
            "/planner?at=2027-03-28T17:00&zone=Europe/Berlin",
            "/embed/upcoming?limit=10",
            "/embed/upcoming?theme=dark",
            "/embed/upcoming?theme=purple",
            "/?tz=Not/AZone",
            "/calendar?tz=Not/AZone",
            "/no/such/page",
            "/series/no-such-series",
            "/groups/no-such-group",
        ]
        .map(str::to_owned),
    );
    uris.push(format!("/planner?series={series}"));
    uris.push(format!("/embed/upcoming?series={series}"));
    uris
}

#[tokio::test]
async fn can_show_every_page_in_every_language_with_no_english_left_over() {
    let site = example_site();
    let mut strings = BTreeSet::new();
    community_data(&site, &mut strings);
    let community = Community::new(strings);
    let uris = uris(&site);
    let state = state(site);
    let mut failures = Vec::new();
    let mut pages = 0;
    for lang in Lang::ALL {
        let english = english_to_find(lang);
        for ask in [Ask::Query, Ask::Browser] {
            for uri in &uris {
                let what = format!("{} {ask:?} {uri}", lang.tag());
                let before: BTreeSet<String> = i18n::missing().into_iter().collect();
                let answer = send(router(state.clone()), request(uri, lang, ask)).await;
                for id in newly_missing(&before) {
                    let key = id.split_once(": ").map_or(id.as_str(), |(_, id)| id);
                    failures.push(Failure::new(&what, key.to_owned(), id.clone()));
                }
                if answer.status.is_server_error() {
                    failures.push(Failure::new(
                        &what,
                        "status".into(),
                        answer.status.to_string(),
                    ));
                }
                if answer.is_html() {
                    pages += 1;
                    check_page(
                        &what,
                        &answer.text(),
                        lang,
                        &english,
                        &community,
                        &mut failures,
                    );
                }
            }
        }
    }
    // The walk saw the pages it meant to: 7 languages, 2 ways, dozens of pages each.
    assert!(pages > 14 * 40, "only {pages} pages");
    report(&failures);
}

/// The example hub's communities, each site as the hub serves it (under `/{id}`), with their
/// sample calendars stored (as tests/hub.rs loads them).
fn example_hub() -> (hub::Layout, Vec<(String, Site)>) {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/hub/hub.toml");
    let args = ConfigArgs {
        config: Some(file),
        ..ConfigArgs::default()
    };
    let layout = hub::layout(&args).unwrap().expect("the example is a hub");
    let sites = hub::load_members(&layout, &args)
        .into_iter()
        .map(|member| {
            let loaded = member.loaded.expect("every example community is valid");
            let records: Vec<_> = loaded
                .community
                .calendars
                .iter()
                .map(|decl| {
                    let touchpoint_community::Location::Path(path) = &decl.location else {
                        panic!("the example reads sample files");
                    };
                    let file = loaded.base.as_ref().unwrap().join(path);
                    common::record(&decl.id, &std::fs::read(file).unwrap())
                })
                .collect();
            let mut site = app::site_from_records(&loaded, &records);
            site.base_path = format!("/{}", member.id);
            (member.id, site)
        })
        .collect();
    (layout, sites)
}

#[tokio::test]
async fn can_show_the_hub_in_every_language_with_no_english_left_over() {
    let (layout, sites) = example_hub();
    let hub = HubState::new(
        layout.info.clone(),
        "",
        sites
            .iter()
            .map(|(id, _)| Served {
                id: id.clone(),
                serving: None,
            })
            .collect(),
        Arc::new(now),
    );
    let mut strings = BTreeSet::new();
    debug_strings(&format!("{:?}", layout.info), &mut strings);
    for (id, site) in &sites {
        hub.set_member(
            id,
            AppState::new(site.clone(), Arc::new(now)).mounted_at(&format!("/{id}")),
        );
        community_data(site, &mut strings);
    }
    let community = Community::new(strings);
    let (first, _) = &sites[0];
    let uris = [
        "/".to_owned(),
        "/calendar".to_owned(),
        format!("/calendar?community={first}"),
        "/?tz=Not/AZone".to_owned(),
        "/no-such-community/".to_owned(),
        // "Nothing to show": a community, or a series, no community of the hub has.
        "/calendar?community=no-such-community".to_owned(),
        "/calendar?series=no-such-series".to_owned(),
        format!("/{first}/"),
        format!("/{first}/calendar/week"),
    ];
    let mut failures = Vec::new();
    for lang in Lang::ALL {
        let english = english_to_find(lang);
        for ask in [Ask::Query, Ask::Browser] {
            for uri in &uris {
                let what = format!("{} {ask:?} hub {uri}", lang.tag());
                let before: BTreeSet<String> = i18n::missing().into_iter().collect();
                let answer = send(hub_router(hub.clone()), request(uri, lang, ask)).await;
                for id in newly_missing(&before) {
                    let key = id.split_once(": ").map_or(id.as_str(), |(_, id)| id);
                    failures.push(Failure::new(&what, key.to_owned(), id.clone()));
                }
                assert!(
                    answer.is_html(),
                    "{what}: {}",
                    answer.header(header::CONTENT_TYPE)
                );
                check_page(
                    &what,
                    &answer.text(),
                    lang,
                    &english,
                    &community,
                    &mut failures,
                );
            }
        }
    }
    report(&failures);
}

#[tokio::test]
async fn can_keep_feeds_and_the_api_the_same_in_every_language() {
    let site = example_site();
    let every = paths::every(&site, now());
    let state = state(site);
    let mut checked = 0;
    let mut differ = Vec::new();
    for path in &every {
        let uri = path.to_string();
        let plain = send(
            router(state.clone()),
            Request::get(&uri).body(Body::empty()).unwrap(),
        )
        .await;
        let kind = plain.header(header::CONTENT_TYPE);
        if !(kind.starts_with("text/calendar") || kind.starts_with("application/json")) {
            continue;
        }
        checked += 1;
        // `/api/v1/occurrences?lang=` asks for the community's titles in a language
        // (tests/language.rs); a browser's languages and the `lang` cookie never change it.
        let asks: &[Ask] = if uri.starts_with("/api/v1/occurrences") {
            &[Ask::Browser, Ask::Cookie]
        } else {
            &[Ask::Query, Ask::Browser, Ask::Cookie]
        };
        for lang in Lang::ALL {
            for &ask in asks {
                let answer = send(router(state.clone()), request(&uri, lang, ask)).await;
                if answer.status != plain.status || answer.body != plain.body {
                    differ.push(format!("{uri} in {} by {ask:?}", lang.tag()));
                }
            }
        }
    }
    // The example's feeds: community, all, each series, group and outside calendar, the
    // one-occurrence downloads; and the API's lists, items and OpenAPI document.
    assert!(checked > 20, "only {checked} feeds and API answers");
    assert!(
        differ.is_empty(),
        "changed with the language:\n{}",
        differ.join("\n")
    );
}

#[tokio::test]
async fn can_keep_the_home_page_under_100_kb_in_every_language() {
    let state = state(example_site());
    let mut table = String::new();
    let mut too_big = Vec::new();
    for lang in Lang::ALL {
        let plain = send(router(state.clone()), request("/", lang, Ask::Query)).await;
        let request = Request::get(with_lang("/", lang))
            .header(header::ACCEPT_ENCODING, "br")
            .body(Body::empty())
            .unwrap();
        let compressed = send(router(state.clone()), request).await;
        assert_eq!(compressed.header(header::CONTENT_ENCODING), "br");
        let mut unpacked = Vec::new();
        brotli::BrotliDecompress(&mut compressed.body.as_slice(), &mut unpacked).unwrap();
        assert_eq!(unpacked, plain.body, "{lang}: brotli is the same page");
        writeln!(
            table,
            "{:>8} {:>8} B served {:>7} B brotli",
            lang.tag(),
            plain.body.len(),
            compressed.body.len()
        )
        .unwrap();
        if plain.body.len() >= 100 * 1000 {
            too_big.push(lang.tag());
        }
    }
    eprintln!("home page sizes:\n{table}");
    assert!(too_big.is_empty(), "over 100 KB: {too_big:?}\n{table}");
}

#[tokio::test]
async fn can_say_a_page_varies_with_what_chooses_its_language() {
    let site = example_site();
    let series = site.community.series[0].id.clone();
    let state = state(site);
    let mut failures = Vec::new();
    for uri in [
        "/".to_owned(),
        "/calendar/week".to_owned(),
        "/planner".to_owned(),
        format!("/series/{series}"),
        "/groups".to_owned(),
        "/embed/upcoming".to_owned(),
        "/no/such/page".to_owned(),
        "/?tz=Not/AZone".to_owned(),
    ] {
        let path = uri.split('?').next().unwrap_or(&uri);
        // The embed is framed by other sites, where the site's own cookie is not the visitor's
        // pick: it follows `?lang=` and the browser only.
        let asks: &[Ask] = if path.starts_with("/embed") {
            &[Ask::Query, Ask::Browser]
        } else {
            &[Ask::Query, Ask::Browser, Ask::Cookie]
        };
        for ask in asks {
            let what = format!("ja {ask:?} {uri}");
            let answer = send(router(state.clone()), request(&uri, Lang::Ja, *ask)).await;
            let vary = answer.header(header::VARY).to_ascii_lowercase();
            let needs = if asks.len() == 3 {
                &["accept-language", "cookie"][..]
            } else {
                &["accept-language"][..]
            };
            for name in needs {
                if !vary.split(',').any(|v| v.trim() == *name) {
                    let found = format!("Vary {vary:?} lacks {name}");
                    failures.push(Failure::new(&what, format!("vary {uri}"), found));
                }
            }
            // The cookie and the browser choose as `?lang=` does.
            let page = answer.text();
            if answer.is_html() && !page.contains("<html lang=\"ja\"") {
                let found = page.lines().find(|l| l.contains("<html")).unwrap_or("");
                let found = found.chars().take(80).collect();
                failures.push(Failure::new(&what, format!("lang {path}"), found));
            }
        }
    }
    report(&failures);
}
