//! The page shell (head, header with navigation and the zone picker, footer) and the pieces
//! several pages share: one occurrence as a list entry, link lists, group cards, and reading a
//! query string.

use jiff::Timestamp;
use maud::{DOCTYPE, Markup, html};

use super::details::event_details;
use super::subscribe::subscribe;
use crate::i18n::{Arg, Lang, markup};
use crate::t;
use crate::when::{ClockShift, relative_marker_in};
use crate::{Filter, Item, Join, Origin, Site, Viewer, ZoneChoice, paths};
use touchpoint_community::JoinVisibility;

/// Which navigation entry a page belongs to (marked `aria-current`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Nav {
    Home,
    Calendar,
    Groups,
    Planner,
    Other,
}

/// What a page shell shows that differs between a community's pages ([`layout`]) and the
/// hub's (`html::hub`); [`shell`] writes the rest, the same for both.
pub(crate) struct Chrome<'a> {
    /// The page's language.
    pub lang: Lang,
    /// The zone times are shown in (`data-tz`, for the scripts).
    pub tz: &'a str,
    /// The page's title and the site's name: the `<title>` is "{title} — {name}", or the
    /// name alone on the page titled with it.
    pub title: (&'a str, &'a str),
    /// The "Starts in …" marker's sentences, for site.js (pages that show markers).
    pub marker: Option<crate::when::MarkerText>,
    /// The icon, stylesheet and script, as the page links them.
    pub icon: String,
    pub stylesheet: String,
    pub script: String,
    /// The feed's title and address, for `<link rel="alternate" type="text/calendar">`.
    pub feed: (String, String),
    /// Whatever else goes in `<head>` (hreflang alternates).
    pub head: Markup,
    /// The brand's link and name.
    pub brand: (String, Markup),
    /// The navigation entries: whether it is this page's, its address, its label.
    pub nav: Vec<(bool, String, String)>,
    /// What follows the navigation in the header (the zone and language pickers).
    pub header: Markup,
    /// The footer's paragraph.
    pub footer: Markup,
}

/// The page shell of every served page: head, header with its navigation, `main`, footer.
pub(crate) fn shell(chrome: Chrome<'_>, body: Markup) -> Markup {
    let Chrome { lang, marker, .. } = chrome;
    let marker = marker.as_ref();
    let (title, name) = chrome.title;
    let title = if title == name {
        title.to_owned()
    } else {
        format!("{title} — {name}")
    };
    html! {
        (DOCTYPE)
        html lang=(lang.tag()) data-tz=(chrome.tz) data-msg-now=[marker.map(|m| &m.now)]
            data-msg-min=[marker.map(|m| &m.min)] data-msg-h=[marker.map(|m| &m.h)]
            data-msg-h-min=[marker.map(|m| &m.h_min)] {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="color-scheme" content="light dark";
                title { (title) }
                link rel="icon" type="image/svg+xml" href=(chrome.icon);
                link rel="stylesheet" href=(chrome.stylesheet);
                link rel="alternate" type="text/calendar" title=(chrome.feed.0) href=(chrome.feed.1);
                (chrome.head)
                script src=(chrome.script) defer {}
            }
            body {
                a class="skip" href="#main" { (t!(lang, "site-skip")) }
                header class="top" {
                    p class="brand" { a href=(chrome.brand.0) { (chrome.brand.1) } }
                    nav aria-label=(t!(lang, "site-nav-label")) {
                        ul {
                            @for (current, href, label) in &chrome.nav {
                                li {
                                    @if *current {
                                        a href=(href) aria-current="page" { (label) }
                                    } @else {
                                        a href=(href) { (label) }
                                    }
                                }
                            }
                        }
                    }
                    (chrome.header)
                }
                main id="main" tabindex="-1" { (body) }
                footer { p { (chrome.footer) } }
            }
        }
    }
}

/// A community's page shell: [`shell`] with the community's name, its four navigation
/// entries, the zone and language pickers, and a footer naming the zone every time is shown
/// in. `title` is in the viewer's language (a name of the community's through
/// [`super::text_str`]); the `<title>` adds the community's name in it too.
pub(crate) fn layout(
    site: &Site,
    title: &str,
    nav: Nav,
    viewer: &Viewer,
    now: Timestamp,
    body: Markup,
) -> Markup {
    let info = &site.community.info;
    let name = super::text_str(viewer, &info.name);
    let lang = viewer.lang;
    // A shared `?lang=` view keeps its language along the shell's links.
    let shell_link = |path: &crate::SitePath| shell_href(site, viewer, path);
    let entries = [
        (Nav::Home, paths::home(), t!(lang, "nav-meetings")),
        (Nav::Calendar, paths::calendar(), t!(lang, "nav-calendar")),
        (Nav::Groups, paths::groups(), t!(lang, "nav-groups")),
        (Nav::Planner, paths::planner(), t!(lang, "nav-planner")),
    ];
    let zone = html! { strong data-zone-label { (viewer.label(now)) } };
    let chrome = Chrome {
        lang,
        tz: &viewer.tz.name,
        title: (title, name),
        marker: Some(crate::when::MarkerText::of(lang)),
        icon: site.href(&paths::favicon()),
        stylesheet: site.href(&paths::stylesheet()),
        script: site.href(&paths::script()),
        feed: (
            t!(lang, "site-feed-title", name = info.name.as_str()),
            site.url(&paths::community_feed()),
        ),
        head: alternates(site.languages(), viewer),
        brand: (
            shell_link(&paths::home()),
            html! { (super::text(viewer, &info.name)) },
        ),
        nav: entries
            .into_iter()
            .map(|(entry, path, label)| (entry == nav, shell_link(&path), label.into_owned()))
            .collect(),
        header: prefs(&site.href(&paths::zones()), site.languages(), viewer, now),
        footer: html! {
            (markup(lang, "site-footer-zone", &[("zone", Arg::Html(zone))])) " "
            // The home page's subscribe block has each calendar app's own link.
            a href={ (shell_link(&paths::home())) "#calendar" } { (t!(lang, "site-footer-subscribe")) }
            " · "
            a href=(shell_link(&paths::health())) { (t!(lang, "site-footer-health")) }
            " · " (t!(lang, "site-footer-served"))
        },
    };
    shell(chrome, body)
}

/// The zone and language pickers of a page's header, together: beside the navigation where
/// there is room, else on a line of their own at the right (left on a phone), not one under
/// the brand; then the note of a shared link's zone. `zones`: the address of the zone names
/// (`/assets/zones.json`); `offered`: the languages to pick from (none or one: no language
/// picker).
pub(crate) fn prefs(zones: &str, offered: &[Lang], viewer: &Viewer, now: Timestamp) -> Markup {
    html! {
        div class="prefs" { (zone_form(zones, viewer, now)) (language_form(offered, viewer)) }
        (zone_shared_note(viewer))
    }
}

/// The time-zone picker: a plain GET form, so it works with JavaScript off. It submits the
/// page's own parameters (hidden inputs: the view, date and filters stay) with `tz` and
/// `remember=1`, which the server answers by remembering the zone in the `tz` cookie and sending
/// the visitor back to the page. The list of zone names is not inlined, which would weigh ~25 KB
/// on every page: site.js fills the datalist from `/assets/zones.json` on focus.
///
/// When `?tz=` (a shared link) chose the zone, [`zone_shared_note`] says so under the pickers.
fn zone_form(zones: &str, viewer: &Viewer, now: Timestamp) -> Markup {
    let lang = viewer.lang;
    html! {
        form class="tz" method="get" action="" {
            @for (key, value) in &viewer.params {
                input type="hidden" name=(key) value=(value);
            }
            input type="hidden" name="remember" value="1";
            label for="tz" { (t!(lang, "zone-picker-label")) }
            input id="tz" name="tz" list="zones" value=(viewer.tz.name) autocomplete="off"
                spellcheck="false" aria-describedby="zone-now";
            datalist id="zones" data-src=(zones) {}
            // Its name says what it shows: a page can hold three "Show" buttons.
            button type="submit" aria-label=(t!(lang, "zone-picker-show-name")) { (t!(lang, "zone-picker-show")) }
            span class="zone-now" id="zone-now" data-zone-label { (viewer.label(now)) }
        }
    }
}

/// The line under the pickers when `?tz=` (a shared link) chose the zone: which zone the page
/// is shown in, and a link to the page in the visitor's own zone.
fn zone_shared_note(viewer: &Viewer) -> Markup {
    let lang = viewer.lang;
    html! {
        @if viewer.choice == ZoneChoice::Link {
            @if let Some(own) = viewer.own_zone_href() {
                p class="zone-shared" role="note" {
                    (markup(lang, "zone-shared", &[("zone", Arg::Html(html! { strong { (viewer.shown_in()) } }))]))
                    " · "
                    a href=(own) { (t!(lang, "zone-use-mine")) }
                }
            }
        }
    }
}

/// The language picker, beside the zone picker and built like it: a plain GET form that works
/// with JavaScript off, carrying the view's own parameters (a shared `?tz=` too) with `lang`
/// and [`super::REMEMBER_LANG`], which the server answers by remembering the language in the
/// `lang` cookie and sending the visitor back to the page. Each language is named in itself,
/// marked with its own `lang` so screen readers say it right. Left out when one language is
/// offered.
fn language_form(offered: &[Lang], viewer: &Viewer) -> Markup {
    if offered.len() < 2 {
        return html! {};
    }
    html! {
        form class="lang" method="get" action="" {
            @for (key, value) in view_params(viewer) {
                input type="hidden" name=(key) value=(value);
            }
            input type="hidden" name=(super::REMEMBER_LANG) value="1";
            label for="lang-pick" { (t!(viewer.lang, "lang-picker-label")) }
            select id="lang-pick" name="lang" {
                @for lang in offered {
                    option value=(lang.tag()) lang=(lang.tag()) selected[*lang == viewer.lang] { (lang.autonym()) }
                }
            }
            button type="submit" aria-label=(t!(viewer.lang, "lang-picker-show-name")) { (t!(viewer.lang, "lang-picker-show")) }
        }
    }
}

/// The page's parameters that make its view, without `lang`: the page's own and a shared
/// link's `?tz=`.
fn view_params(viewer: &Viewer) -> Vec<(String, String)> {
    let mut params: Vec<(String, String)> = viewer
        .params
        .iter()
        .filter(|(key, _)| key != "lang")
        .cloned()
        .collect();
    if viewer.choice == ZoneChoice::Link {
        params.push(("tz".to_owned(), viewer.tz.name.to_string()));
    }
    params
}

/// Hidden inputs for a form of the page's own (a calendar's filters) that keep a shared view as
/// shared: the zone a link's `?tz=` chose and the language its `?lang=` chose. A visitor's own
/// choices travel in their cookies and need none.
pub(crate) fn shared_view_inputs(viewer: &Viewer) -> Markup {
    html! {
        @if viewer.choice == ZoneChoice::Link {
            input type="hidden" name="tz" value=(viewer.tz.name);
        }
        @if let Some(lang) = shared_lang(viewer) {
            input type="hidden" name="lang" value=(lang.tag());
        }
    }
}

/// The language a `?lang=` in the address chose, when it is the page's: a shared view in a
/// language, which the shell's links keep.
fn shared_lang(viewer: &Viewer) -> Option<Lang> {
    let asked = viewer.params.iter().rev().find(|(key, _)| key == "lang")?;
    Lang::parse(&asked.1).filter(|lang| *lang == viewer.lang)
}

/// The link to `path` from the shell (navigation, brand, footer): with `?lang=` when the page
/// is a shared view in a language ([`shared_lang`]), so following it stays in that language.
/// Like a shared `?tz=`, it is never remembered; the language picker does that.
fn shell_href(site: &Site, viewer: &Viewer, path: &crate::SitePath) -> String {
    site.href(&in_shared_lang(viewer, path))
}

/// `path`, with the `?lang=` of a page that is a shared view in a language ([`shared_lang`]):
/// what the shell's links (a community's or the hub's) lead to.
pub(crate) fn in_shared_lang(viewer: &Viewer, path: &crate::SitePath) -> crate::SitePath {
    match shared_lang(viewer) {
        Some(lang) => path.clone().with_query([("lang", lang.tag())]),
        None => path.clone(),
    }
}

/// `path`, with what makes the page a shared view: a shared link's `?tz=` and `?lang=`. Where a
/// page's own links lead on through the same view (a calendar's other periods and views), so
/// that "+3 more" opens the agenda of the day it counted, in the zone it counted in. As the
/// page, they are never remembered.
pub(crate) fn in_shared_view(viewer: &Viewer, path: &crate::SitePath) -> crate::SitePath {
    let path = in_shared_lang(viewer, path);
    match viewer.choice {
        ZoneChoice::Link => path.with_query([("tz", viewer.tz.name.as_ref())]),
        _ => path,
    }
}

/// `<link rel="alternate" hreflang>` for each language the site offers (this page with
/// `?lang=`) and `x-default` (this page without it, in the visitor's own language). Relative
/// to the page, like "use my zone"; none where there is no request (the static export) or
/// only one language.
pub(crate) fn alternates(offered: &[Lang], viewer: &Viewer) -> Markup {
    let Some(here) = viewer.here.as_deref().filter(|_| offered.len() > 1) else {
        return html! {};
    };
    let params = view_params(viewer);
    let href = |lang: Option<Lang>| {
        let mut params = params.clone();
        if let Some(lang) = lang {
            params.push(("lang".to_owned(), lang.tag().to_owned()));
        }
        Viewer::page_href(here, &params)
    };
    html! {
        @for lang in offered {
            link rel="alternate" hreflang=(lang.tag()) href=(href(Some(*lang)));
        }
        link rel="alternate" hreflang="x-default" href=(href(None));
    }
}

/// Every IANA zone name jiff knows, sorted: the body of `/assets/zones.json`.
pub fn zones_json() -> String {
    let mut names: Vec<String> = jiff::tz::db()
        .available()
        .map(|name| name.as_str().to_owned())
        .collect();
    names.sort();
    serde_json::to_string(&names).unwrap_or_else(|_| "[]".to_owned())
}

/// The "Happening now" / "Starts in 2 h" marker, when one applies.
pub(crate) fn marker(viewer: &Viewer, item: &Item<'_>, now: Timestamp) -> Markup {
    html! {
        @if !item.cancelled() {
            @if let Some(text) = relative_marker_in(viewer.lang, item.start_at, item.end_at, now) {
                " " strong class={ "marker" @if item.start_at <= now { " now" } } { (text) }
            }
        }
    }
}

/// When an occurrence is, in the viewer's zone, as a `<time>` whose data attributes (start, end,
/// all day) let [`super::LOCAL_TIMES_JS`] show it in another zone where the server cannot.
pub(crate) fn when_time(viewer: &Viewer, item: &Item<'_>) -> Markup {
    html! {
        time datetime=(Viewer::machine(item.start_at)) data-end=(Viewer::machine(item.end_at))
            data-all-day=[item.all_day().then_some("")] { (viewer.when(item)) }
    }
}

/// One occurrence as a list entry: when (in the viewer's zone), title, status, markers, links.
pub(crate) fn occurrence(site: &Site, viewer: &Viewer, now: Timestamp, item: &Item<'_>) -> Markup {
    html! {
        li class={ "occ" @if item.cancelled() { " cancelled" } } {
            (swatch(item))
            (when_time(viewer, item))
            " "
            (title_link(site, viewer, item))
            (moved_note(site, viewer, item))
            (cancel_note(viewer.lang, item))
            (marker(viewer, item, now))
            // A list says only what can be followed now; when a near-start link shows, and whom
            // to ask, are said once on the series page and the "Next up" card.
            @if let Some(join @ (Join::Link(_) | Join::Register(_))) = site.join(item, now) {
                " " (join_link(viewer.lang, &join, "join", super::text::item_title_str(viewer, item)))
            }
            (event_details(viewer.lang, item))
        }
    }
}

/// How to join one occurrence ([`Site::join`]): "Join" (the link), "Register to join", "Join
/// link here 15 minutes before" (near-start, outside its window or on the static export) or
/// "Ask for the join link" (hidden), each with the contact where there is one. `class` is the
/// link's (`join`, `join-button`); `title` names the meeting for screen readers.
pub(crate) fn join_link(lang: Lang, join: &Join<'_>, class: &str, title: &str) -> Markup {
    let contact = |contact: Option<&str>, label: &str| match contact {
        Some(url) => {
            html! { a class="join-contact" href=(url) rel="nofollow noopener" { (label) } }
        }
        None => html! {},
    };
    html! {
        @match join {
            Join::Link(url) => a class=(class) href=(url) rel="nofollow noopener" {
                (t!(lang, "join")) span class="sr" { " " (title) }
            },
            Join::Register(url) => a class=(class) href=(url) rel="nofollow noopener" {
                (t!(lang, "join-register")) span class="sr" { " " (title) }
            },
            Join::Later { window, contact: who } => {
                span class="join-later" { (t!(lang, "join-later", window = duration_words(lang, *window))) }
                @if who.is_some() { " " (contact(*who, &t!(lang, "join-contact"))) }
            },
            Join::Ask { contact: who } => @if who.is_some() {
                (contact(*who, &t!(lang, "join-ask")))
            } @else {
                span class="join-later" { (t!(lang, "join-unpublished")) }
            },
        }
    }
}

/// The colour dot of an outside calendar's occurrence.
pub(crate) fn swatch(item: &Item<'_>) -> Markup {
    html! {
        @if let Origin::Source(source) = item.origin {
            @if let Some(colour) = &source.decl.colour {
                svg class="swatch" viewBox="0 0 2 2" aria-hidden="true" { circle cx="1" cy="1" r="1" fill=(colour) {} }
            }
        }
    }
}

/// The title in the viewer's language ([`super::item_title`]), linked to the series page for
/// own series, with the source named otherwise.
pub(crate) fn title_link(site: &Site, viewer: &Viewer, item: &Item<'_>) -> Markup {
    html! {
        @match item.origin {
            Origin::Series(series) => {
                a class="title" href=(site.href(&paths::series(&series.id))) { (super::item_title(viewer, item)) }
            }
            Origin::Source(source) => {
                span class="title" { (item.title()) }
                " " span class="source" { "(" (source.decl.name) ")" }
            }
        }
    }
}

/// "moved from Mon 21 Dec" (in the viewer's zone) for an occurrence an override moved, with
/// the original start for [`super::LOCAL_TIMES_JS`] where the server cannot know the zone; for
/// a regular one, "1 hour earlier than last time: clocks changed" where it applies
/// ([`clocks_note`]).
pub(crate) fn moved_note(site: &Site, viewer: &Viewer, item: &Item<'_>) -> Markup {
    notes(site, viewer, item).0
}

/// [`moved_note`], and the clocks note's words when the viewer sees them: a month cell's title,
/// where the line's ellipsis may cut the note.
pub(crate) fn notes(site: &Site, viewer: &Viewer, item: &Item<'_>) -> (Markup, Option<String>) {
    // An extra meeting beside the regular ones: said, so it does not read as one moved.
    let extra = match item.origin {
        Origin::Series(series) => super::series::OccurrenceKey::of(series, item)
            .extra
            .is_some(),
        Origin::Source(_) => false,
    };
    let clocks = (!extra && item.moved_from().is_none())
        .then(|| ClocksNote::of(site, viewer, item))
        .flatten();
    let said = clocks
        .as_ref()
        .and_then(|note| note.shift.as_ref())
        .map(|shift| viewer.clock_shift(shift));
    let markup = html! {
        @if extra {
            " " strong class="badge extra" { (t!(viewer.lang, "extra-meeting")) }
        }
        @if let Some(from) = item.moved_from() {
            " " span class="moved" data-moved-from=(Viewer::machine(from)) data-start=(Viewer::machine(item.start_at)) {
                (viewer.moved_from(item.start_at, from))
            }
        } @else if let Some(note) = &clocks {
            (clocks_note(viewer, item, note, said.as_deref()))
        }
    };
    (markup, said)
}

/// "1 hour earlier than last time: clocks changed in New York on Sun 14 Mar" for a regular
/// occurrence that starts at another time on the viewer's clock than the series' previous
/// regular one although the series' own clock did not change ([`crate::when::ClockShift`]):
/// `said`, the note's words for this viewer.
///
/// Every regular occurrence with one before it carries the note's data, the note empty and
/// hidden where the viewer sees no change: [`super::LOCAL_TIMES_JS`] works it out again in the
/// browser's zone (the embed, the static export), from the previous start
/// (`data-clocks-prev`), the series' own offset change in minutes (`data-clocks-own`, left out
/// when none: most meetings, and a static export lists thousands) and, when
/// that is not zero, the words for where and when its clocks changed.
fn clocks_note(viewer: &Viewer, item: &Item<'_>, note: &ClocksNote, said: Option<&str>) -> Markup {
    let own = note.own;
    html! {
        " " span class="clocks" data-clocks-prev=(Viewer::machine(note.previous))
            data-start=(Viewer::machine(item.start_at)) data-clocks-own=[(own != 0).then_some(own)]
            data-clocks-place=[note.changed.as_ref().map(|(zone, _)| viewer.city(zone))]
            data-clocks-day=[note.changed.as_ref().map(|(_, day)| viewer.date_no_year(*day))]
            hidden[said.is_none()] {
            @if let Some(said) = said { (said) }
        }
    }
}

/// What [`clocks_note`] says of a regular occurrence with one before it.
struct ClocksNote {
    previous: Timestamp,
    /// The series' own offset change since, in minutes.
    own: i32,
    /// Where and when the series' clocks changed, when they did.
    changed: Option<(touchpoint_calendar::Tz, jiff::civil::Date)>,
    /// The change on the viewer's clock, when there is one.
    shift: Option<ClockShift>,
}

impl ClocksNote {
    fn of(site: &Site, viewer: &Viewer, item: &Item<'_>) -> Option<ClocksNote> {
        let touchpoint_calendar::Time::Zoned(_, series_zone) = &item.start else {
            return None;
        };
        let previous = site.clock_previous(item)?;
        let start = item.start_at;
        let own = ClockShift::offset_change(series_zone, previous, start);
        Some(ClocksNote {
            previous,
            own,
            changed: (own != 0)
                .then(|| ClockShift::last_change(series_zone, previous, start))
                .flatten(),
            shift: ClockShift::between(series_zone, &viewer.tz, previous, start),
        })
    }
}

/// "Cancelled — reason" for a cancelled occurrence.
pub(crate) fn cancel_note(lang: Lang, item: &Item<'_>) -> Markup {
    html! {
        @if item.cancelled() {
            " " strong class="badge" { (t!(lang, "cancelled")) }
            @if let Some(reason) = item.cancel_reason() { " — " span class="reason" { (reason) } }
        }
    }
}

/// A list of occurrences, or "No upcoming dates."
pub(crate) fn next_list(
    site: &Site,
    viewer: &Viewer,
    now: Timestamp,
    items: &[Item<'_>],
) -> Markup {
    html! {
        @if items.is_empty() {
            p class="empty" { (t!(viewer.lang, "no-upcoming-dates")) }
        } @else {
            ul class="next" {
                @for item in items { (occurrence(site, viewer, now, item)) }
            }
        }
    }
}

/// "Every Tuesday, 02:00 JST (Monday 17:00 UTC)": the cadence in the viewer's zone, read off
/// the series' next regular date, then in the series' own zone ([`crate::cadence`]). A weekly
/// one carries its data for [`super::LOCAL_TIMES_JS`], which says it again in the visitor's zone
/// where the server cannot know it (the static export).
pub(crate) fn series_cadence(
    site: &Site,
    series: &touchpoint_community::Series,
    viewer: &Viewer,
    now: Timestamp,
) -> Markup {
    let next = site.next_of_series(&series.id, now, 4);
    let cadence = crate::cadence::cadence(series, viewer, &next);
    match &cadence.weekly {
        Some(weekly) => {
            let days: Vec<String> = weekly
                .days
                .iter()
                .map(|d| d.to_monday_one_offset().to_string())
                .collect();
            // English is put together by the script itself; other languages take the words.
            let words = (viewer.lang != Lang::En)
                .then(|| crate::cadence::script_words(viewer.lang, &series.recurrence))
                .flatten();
            let words = words.as_ref();
            html! {
                span data-cadence-at=(Viewer::machine(weekly.at)) data-cadence-days=(days.join(" "))
                    data-cadence-interval=(weekly.interval) data-cadence-zone=(weekly.zone)
                    data-cadence-rule-earlier=[words.map(|w| &w.earlier)]
                    data-cadence-rule=[words.map(|w| &w.same)]
                    data-cadence-rule-later=[words.map(|w| &w.later)]
                    data-cadence-days-text=[words.map(|w| &w.days)] { (cadence) }
            }
        }
        None => html! { (cadence) },
    }
}

/// A group's cadence for the viewer: each of its series' ([`series_cadence`]), joined by "; ".
fn group_cadence(
    site: &Site,
    group: &touchpoint_community::Group,
    viewer: &Viewer,
    now: Timestamp,
) -> Option<Markup> {
    let parts: Vec<Markup> = site
        .community
        .group_series(&group.id)
        .map(|series| series_cadence(site, series, viewer, now))
        .collect();
    (!parts.is_empty()).then(|| {
        html! {
            @for (i, part) in parts.into_iter().enumerate() {
                @if i > 0 { "; " }
                (part)
            }
        }
    })
}

/// `url` when it may be a link target: http(s) and mailto only. `touchpoint check` refuses other
/// schemes in the community file; this keeps a `javascript:` out of the pages even so.
pub(crate) fn safe(url: &Option<String>) -> Option<&str> {
    url.as_deref().filter(|url| crate::safe_url(url))
}

/// `label` linked to `url`, or the label alone when there is no URL or it is not a safe one.
pub(crate) fn link(url: Option<&String>, label: &str) -> Markup {
    match url.filter(|url| crate::safe_url(url)) {
        Some(url) => html! { a href=(url) { (label) } },
        None => html! { (label) },
    }
}

/// A series' links: join, agenda, notes, recordings, subscribe.
pub(crate) fn series_links(
    site: &Site,
    lang: Lang,
    series: &touchpoint_community::Series,
) -> Markup {
    html! {
        ul class="links" {
            (series_join(lang, series))
            @if let Some(agenda) = safe(&series.agenda) { li { a href=(agenda) { (t!(lang, "link-agenda")) } } }
            @if let Some(notes) = safe(&series.notes) { li { a href=(notes) { (t!(lang, "link-notes")) } } }
            @if let Some(recordings) = safe(&series.recordings) { li { a href=(recordings) { (t!(lang, "link-recordings")) } } }
            // The series page's subscribe block offers each calendar app its own link.
            li { a href={ (site.href(&paths::series(&series.id))) "#subscribe-h" } { (t!(lang, "subscribe")) } }
        }
    }
}

/// "15 minutes", "1 hour", "2 hours": how long before a meeting its near-start link shows.
pub(crate) fn duration_words(lang: Lang, duration: jiff::SignedDuration) -> String {
    let minutes = duration.as_mins();
    if minutes >= 60 && minutes % 60 == 0 {
        t!(lang, "duration-hours", count = minutes / 60)
    } else {
        t!(lang, "duration-minutes", count = minutes)
    }
}

/// A series' join entry for the links list: the link when public, "Register to join", or
/// when the link shows up (near-start) or whom to ask (hidden).
fn series_join(lang: Lang, series: &touchpoint_community::Series) -> Markup {
    let policy = &series.join_policy;
    let contact = policy.contact.as_deref().filter(|url| crate::safe_url(url));
    if series.join.is_none() && policy.visibility != JoinVisibility::Registration {
        return html! {};
    }
    html! {
        @match policy.visibility {
            JoinVisibility::Public => @if let Some(join) = safe(&series.join) { li { a href=(join) { (t!(lang, "join")) } } },
            JoinVisibility::Registration => @if let Some(register) = safe(&policy.register) {
                li { a href=(register) { (t!(lang, "join-register")) } }
            },
            JoinVisibility::NearStart => li class="join-later" {
                (t!(lang, "join-near-start", window = duration_words(lang, policy.near_start)))
                @if let Some(contact) = contact { " (" a href=(contact) { (t!(lang, "join-contact-lower")) } ")" }
            },
            JoinVisibility::Hidden => li {
                @if let Some(contact) = contact {
                    a href=(contact) { (t!(lang, "join-ask")) }
                } @else {
                    span class="join-later" { (t!(lang, "join-unpublished")) }
                }
            },
        }
    }
}

/// A working group's card: links, cadence, next meeting in the viewer's zone, subscribe.
pub(crate) fn group_card(
    site: &Site,
    viewer: &Viewer,
    group: &touchpoint_community::Group,
    now: Timestamp,
    heading_link: bool,
) -> Markup {
    let filter = Filter {
        groups: vec![group.id.clone()],
        own_only: true,
        ..Filter::default()
    };
    let next = site.upcoming(now, &filter, 1);
    let has_series = site.community.group_series(&group.id).next().is_some();
    let lang = viewer.lang;
    html! {
        article class="card group" id=(format!("group-{}", group.id)) {
            // On the group's own page the title is the page's heading already.
            @if heading_link {
                h3 { a href=(site.href(&paths::group(&group.id))) { (super::text(viewer, &group.title)) } }
            }
            @if let Some(description) = &group.description { p { (super::text(viewer, description)) } }
            dl {
                @if let Some(repo) = &group.repository {
                    dt { (t!(lang, "group-repository")) } dd { (link(Some(&repo.url), &repo.label)) }
                }
                @if let Some(list) = &group.mailing_list {
                    dt { (t!(lang, "group-mailing-list")) } dd { (link(Some(&list.url), &list.label)) }
                }
                @if let Some(chat) = &group.chat {
                    dt { (t!(lang, "group-chat")) } dd {
                        (link(chat.url.as_ref(), &chat.label))
                        @if let Some(service) = chat.url.as_deref().and_then(chat_service) {
                            " " span class="service" { "(" (service) ")" }
                        }
                    }
                }
                @if let Some(calendar) = &group.calendar {
                    dt { (t!(lang, "group-calendar")) } dd {
                        (link(calendar.url.as_ref(), &calendar.label))
                        @if let Some(cadence) = group_cadence(site, group, viewer, now) { " — " (cadence) }
                    }
                } @else if let Some(cadence) = group_cadence(site, group, viewer, now) {
                    dt { (t!(lang, "group-meets")) } dd { (cadence) }
                }
                // The group's own page says so under its Meetings heading.
                @if !has_series && heading_link {
                    dt { (t!(lang, "group-meetings")) } dd { (t!(lang, "group-no-meetings")) }
                }
                @if let Some(item) = next.first() {
                    dt { (t!(lang, "group-next-meeting")) } dd {
                        (when_time(viewer, item))
                        (moved_note(site, viewer, item))
                        (cancel_note(lang, item))
                        (marker(viewer, item, now))
                    }
                }
            }
            @if has_series {
                (subscribe(site, lang, &paths::group_feed(&group.id), super::text_str(viewer, &group.title), &format!("group-{}", group.id)))
            }
        }
    }
}

/// The chat service a channel's URL is on ("Slack", "Matrix", "Discord", "Zulip"), to say beside
/// its label; `None` for another host.
pub(crate) fn chat_service(url: &str) -> Option<&'static str> {
    let host = url::Url::parse(url).ok()?.host_str()?.to_ascii_lowercase();
    let within = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
    if within("slack.com") {
        Some("Slack")
    } else if within("matrix.to") || host.starts_with("matrix.") || within("element.io") {
        Some("Matrix")
    } else if within("discord.gg") || within("discord.com") {
        Some("Discord")
    } else if within("zulipchat.com") {
        Some("Zulip")
    } else {
        None
    }
}

/// The `key=value` pairs of a raw query string, form-decoded (`+` and percent escapes).
pub fn query_pairs(raw: &str) -> Vec<(String, String)> {
    url::form_urlencoded::parse(raw.as_bytes())
        .into_owned()
        .collect()
}
