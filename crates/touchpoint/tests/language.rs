//! Issue 19, choosing a language, through the real router in-process: the language picker
//! remembers its pick in the `lang` cookie (303 back to the same view), which then wins over
//! `Accept-Language`; a shared `?lang=` shows its language without remembering it and the
//! shell's links keep it; every page names its translations (`hreflang`); the error pages (400
//! for an unknown zone or id, 404) speak the visitor's language.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{Answer, example_site, get, get_with, state};

/// GET `uri` with the given request headers.
async fn get_as(uri: &str, headers: &[(header::HeaderName, &str)]) -> Answer {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    get_with(&state(example_site()), request.body(Body::empty()).unwrap()).await
}

/// The opening `<html …>` tag of a page.
fn html_tag(body: &str) -> &str {
    let start = body.find("<html").expect("an <html> element");
    &body[start..start + body[start..].find('>').unwrap() + 1]
}

/// Whether an answer says it varies with what chooses its language.
fn varies_with_language(answer: &Answer) -> bool {
    answer
        .headers
        .get_all(header::VARY)
        .iter()
        .any(|value| value == "Cookie, Accept-Language")
}

/// The language picker's form.
fn language_form(body: &str) -> &str {
    let start = body
        .find(r#"<form class="lang""#)
        .expect("the language picker");
    &body[start..start + body[start..].find("</form>").unwrap()]
}

#[tokio::test]
async fn can_remember_the_pickers_language_and_go_back_to_the_same_view() {
    let picked = get(
        &state(example_site()),
        "/calendar?view=month&date=2027-01-15&source=openssf&lang=ja&remember-lang=1",
    )
    .await;
    assert_eq!(picked.status, StatusCode::SEE_OTHER);
    assert_eq!(
        picked.headers[header::LOCATION],
        "./calendar?view=month&date=2027-01-15&source=openssf",
        "back to the same view, without lang= and remember-lang="
    );
    assert_eq!(
        picked.headers[header::SET_COOKIE],
        "lang=ja; Path=/; Max-Age=31536000; SameSite=Lax"
    );
    assert_eq!(picked.headers[header::CACHE_CONTROL], "no-store");

    // The cookie then wins over the browser's languages.
    let page = get_as(
        "/calendar?view=month&date=2027-01-15",
        &[
            (header::COOKIE, "lang=ja"),
            (header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9"),
        ],
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(html_tag(&page.body).contains(r#"lang="ja""#));
    assert!(
        page.body.contains("本文へスキップ"),
        "the shell is in Japanese"
    );
    assert!(page.headers.get(header::SET_COOKIE).is_none());

    // A shared link's zone stays in the view; an empty or unknown pick forgets the choice.
    let shared = get(
        &state(example_site()),
        "/groups?tz=Asia/Tokyo&lang=de&remember-lang=1",
    )
    .await;
    assert_eq!(shared.headers[header::LOCATION], "./groups?tz=Asia%2FTokyo");
    assert!(
        shared.headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .starts_with("lang=de;")
    );
    for forget in ["/?lang=&remember-lang=1", "/?lang=klingon&remember-lang=1"] {
        let answer = get(&state(example_site()), forget).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{forget}");
        assert_eq!(answer.headers[header::LOCATION], "./");
        assert_eq!(
            answer.headers[header::SET_COOKIE],
            "lang=; Path=/; Max-Age=0; SameSite=Lax",
            "{forget}"
        );
    }
}

#[tokio::test]
async fn can_show_a_shared_language_link_without_remembering_it() {
    let shared = get_as(
        "/calendar?view=week&lang=zh-Hans",
        &[(header::ACCEPT_LANGUAGE, "en-GB")],
    )
    .await;
    assert_eq!(shared.status, StatusCode::OK);
    assert!(shared.headers.get(header::SET_COOKIE).is_none());
    assert!(html_tag(&shared.body).contains(r#"lang="zh-Hans""#));
    assert!(shared.body.contains("跳到正文"));
    // The shell's links keep the shared language.
    assert!(
        shared
            .body
            .contains(r#"<a href="/groups?lang=zh-Hans">工作组</a>"#),
        "navigation keeps ?lang="
    );
    // So does the calendar's filter form: filtering a shared view leaves it shared.
    let filters = &shared.body[shared.body.find(r#"<form class="filters""#).unwrap()..];
    assert!(filters.contains(r#"<input type="hidden" name="lang" value="zh-Hans">"#));
    // Without it, the browser's language.
    let own = get_as("/calendar?view=week", &[(header::ACCEPT_LANGUAGE, "en-GB")]).await;
    assert!(html_tag(&own.body).contains(r#"lang="en""#));
    assert!(!own.body.contains(r#"<input type="hidden" name="lang""#));
    assert!(own.body.contains(r#"<a href="/groups">Working groups</a>"#));
}

#[tokio::test]
async fn can_offer_every_language_in_the_picker_by_its_own_name() {
    let page = get_as(
        "/groups?tz=Asia/Tokyo",
        &[(header::ACCEPT_LANGUAGE, "fr-FR")],
    )
    .await;
    let form = language_form(&page.body);
    assert!(
        form.contains(r#"<label for="lang-pick">Langue</label>"#),
        "{form}"
    );
    assert!(
        form.contains(r#"<option value="ja" lang="ja">日本語</option>"#),
        "{form}"
    );
    assert!(
        form.contains(r#"<option value="fr" lang="fr" selected>Français</option>"#),
        "the page's language is selected: {form}"
    );
    assert_eq!(form.matches("<option ").count(), 7);
    // The view's parameters go along: a shared link's zone, and the flag to remember.
    assert!(form.contains(r#"<input type="hidden" name="tz" value="Asia/Tokyo">"#));
    assert!(form.contains(r#"<input type="hidden" name="remember-lang" value="1">"#));
    assert_eq!(
        form.matches(r#"name="lang""#).count(),
        1,
        "lang is the field"
    );
}

#[tokio::test]
async fn can_name_each_translation_of_a_page_with_hreflang() {
    let page = get(
        &state(example_site()),
        "/calendar?view=week&date=2027-01-15&lang=ja",
    )
    .await;
    let head = &page.body[..page.body.find("</head>").unwrap()];
    let alternates: Vec<&str> = head
        .match_indices("<link rel=\"alternate\" hreflang=")
        .map(|(at, _)| &head[at..at + head[at..].find('>').unwrap() + 1])
        .collect();
    let expected: Vec<String> = ["en", "ja", "zh-Hans", "de", "fr", "es", "pt-BR"]
        .iter()
        .map(|tag| {
            let query = format!("view=week&amp;date=2027-01-15&amp;lang={tag}");
            format!(r#"<link rel="alternate" hreflang="{tag}" href="./calendar?{query}">"#)
        })
        .chain([
            r#"<link rel="alternate" hreflang="x-default" href="./calendar?view=week&amp;date=2027-01-15">"#
                .to_owned(),
        ])
        .collect();
    assert_eq!(alternates, expected);
    // A series page, under its own folder, names itself.
    let series = get(&state(example_site()), "/series/touchpoint-apac-emea").await;
    assert!(series.body.contains(
        r#"<link rel="alternate" hreflang="pt-BR" href="./touchpoint-apac-emea?lang=pt-BR">"#
    ));
    assert!(
        series.body.contains(
            r#"<link rel="alternate" hreflang="x-default" href="./touchpoint-apac-emea">"#
        )
    );
}

#[tokio::test]
async fn can_say_an_unknown_zone_in_japanese() {
    for (uri, headers) in [
        (
            "/calendar?tz=Asia/Tokio",
            vec![(header::ACCEPT_LANGUAGE, "ja-JP,ja;q=0.9")],
        ),
        ("/calendar?tz=Asia/Tokio&lang=ja", vec![]),
        ("/calendar?tz=Asia/Tokio", vec![(header::COOKIE, "lang=ja")]),
    ] {
        let page = get_as(uri, &headers).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(html_tag(&page.body).contains(r#"lang="ja""#), "{uri}");
        assert!(page.body.contains("<title>不明なタイムゾーン — "), "{uri}");
        assert!(
            page.body
                .contains("<p><code>Asia/Tokio</code>というタイムゾーンはありません。</p>"),
            "{uri}"
        );
        assert!(page.body.contains("もしかして："), "{uri}");
        assert!(varies_with_language(&page), "{uri}");
        assert!(
            page.body
                .contains(r#"<a href="/?tz=Asia%2FTokyo">Asia/Tokyo</a>"#)
        );
    }
}

#[tokio::test]
async fn can_say_a_missing_page_in_japanese() {
    for (uri, headers) in [
        ("/no-such-page", vec![(header::ACCEPT_LANGUAGE, "ja")]),
        ("/no-such-page?lang=ja", vec![]),
        ("/series/no-such-series", vec![(header::COOKIE, "lang=ja")]),
        (
            "/series/no-such-series.ics",
            vec![(header::ACCEPT_LANGUAGE, "ja")],
        ),
    ] {
        let page = get_as(uri, &headers).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(html_tag(&page.body).contains(r#"lang="ja""#), "{uri}");
        assert!(
            page.body.contains("<h1>ページが見つかりません</h1>"),
            "{uri}"
        );
        assert!(
            page.body.contains("このアドレスにはページがありません。"),
            "{uri}"
        );
        assert!(varies_with_language(&page), "{uri}");
    }
    // And in English by default, as before.
    let english = get(&state(example_site()), "/no-such-page").await;
    assert!(
        english
            .body
            .contains("<h1>Not found</h1><p>There is no page at this address.</p>")
    );
}

#[tokio::test]
async fn can_say_an_unknown_id_in_the_visitors_language() {
    let page = get_as("/calendar?source=bogus", &[(header::ACCEPT_LANGUAGE, "de")]).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(html_tag(&page.body).contains(r#"lang="de""#));
    assert!(page.body.contains("<h1>Unbekannter Kalender</h1>"));
    assert!(page.body.contains(
        "Es gibt keinen Kalender mit der ID <code>bogus</code> (in <code>?source=</code>)."
    ));
}

#[tokio::test]
async fn can_say_unreadable_parameters_in_the_visitors_language() {
    let english = get(&state(example_site()), "/calendar?view=fortnight").await;
    assert_eq!(english.status, StatusCode::BAD_REQUEST);
    let english_reason = paragraph_after_h1(&english.body).to_owned();
    assert!(english.body.contains("<h1>Cannot show this page</h1>"));
    let page = get(&state(example_site()), "/calendar?view=fortnight&lang=ja").await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(html_tag(&page.body).contains(r#"lang="ja""#));
    assert!(page.body.contains("<h1>このページを表示できません</h1>"));
    let reason = paragraph_after_h1(&page.body);
    assert!(reason.contains("fortnight"), "the value asked: {reason}");
    assert_ne!(reason, english_reason, "the reason is said in Japanese too");
}

/// The first paragraph after a page's `<h1>`.
fn paragraph_after_h1(body: &str) -> &str {
    let rest = &body[body.find("</h1>").unwrap()..];
    let start = rest.find("<p>").unwrap() + 3;
    &rest[start..start + rest[start..].find("</p>").unwrap()]
}

#[tokio::test]
async fn can_leave_out_the_picker_and_the_alternates_for_a_single_language() {
    let mut loaded = common::example();
    let community = std::sync::Arc::make_mut(&mut loaded.community);
    community.info.language = touchpoint_site::Lang::Ja;
    community.info.languages = vec![touchpoint_site::Lang::Ja];
    let records = common::example_records(&loaded);
    let state = state(touchpoint::app::site_from_records(&loaded, &records));
    // A German browser, a shared English link, a stale cookie: the one language offered.
    let page = get_with(
        &state,
        Request::get("/groups?lang=en")
            .header(header::ACCEPT_LANGUAGE, "de")
            .header(header::COOKIE, "lang=fr")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(html_tag(&page.body).contains(r#"lang="ja""#));
    assert!(!page.body.contains(r#"<form class="lang""#), "no picker");
    assert!(!page.body.contains("hreflang="), "no alternates");
    // Asking to remember a language not offered forgets any earlier pick.
    let picked = get(&state, "/groups?lang=de&remember-lang=1").await;
    assert_eq!(
        picked.headers[header::SET_COOKIE],
        "lang=; Path=/; Max-Age=0; SameSite=Lax"
    );
}

/// Whether a page writes a 12-hour clock ("1:00 PM", "午前8:00"/"午前8時") somewhere.
fn twelve_hour(body: &str) -> bool {
    let bytes = body.as_bytes();
    body.contains("午前")
        || body.contains("午後")
        || body.contains("上午")
        || body.contains("下午")
        || body
            .match_indices(" AM")
            .chain(body.match_indices(" PM"))
            .any(|(at, _)| {
                // "h:mm AM": a digit, a colon and two digits before.
                at >= 4
                    && bytes[at - 1].is_ascii_digit()
                    && bytes[at - 2].is_ascii_digit()
                    && bytes[at - 3] == b':'
                    && bytes[at - 4].is_ascii_digit()
            })
}

#[tokio::test]
async fn can_write_a_shared_links_clock_as_its_language_reads_one() {
    // A browser set to US English opening a shared Japanese link keeps its own 12-hour habit
    // (午前/午後), and a German browser opening an English link keeps 24 hours: the clock is the
    // visitor's region's, where the header names no region for the page's language.
    for uri in ["/?lang=ja", "/calendar?view=week&date=2026-12-21&lang=ja"] {
        let page = get_as(uri, &[(header::ACCEPT_LANGUAGE, "en-US,en;q=0.9")]).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(html_tag(&page.body).contains(r#"lang="ja""#));
        assert!(twelve_hour(&page.body), "{uri}: en-US's 12-hour clock");
        let page = get_as(uri, &[(header::ACCEPT_LANGUAGE, "ja-JP,en-US;q=0.9")]).await;
        assert!(!twelve_hour(&page.body), "{uri}: ja-JP's 24-hour clock");
    }
    let german = get_as("/?lang=en", &[(header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9")]).await;
    assert!(html_tag(&german.body).contains(r#"lang="en""#));
    assert!(
        !twelve_hour(&german.body),
        "de-DE on an English page: 24-hour"
    );
    // An English page reads the clock of the browser's English: en-US 12-hour, en-GB 24-hour.
    let us = get_as(
        "/?lang=en",
        &[(header::ACCEPT_LANGUAGE, "ja-JP,en-US;q=0.5")],
    )
    .await;
    assert!(twelve_hour(&us.body), "en-US after ja: 12-hour");
    let gb = get_as(
        "/?lang=en",
        &[(header::ACCEPT_LANGUAGE, "ja-JP,en-GB;q=0.5")],
    )
    .await;
    assert!(!twelve_hour(&gb.body), "en-GB after ja: 24-hour");
}

#[tokio::test]
async fn can_keep_two_clocks_of_one_link_apart_in_the_response_cache() {
    // Same URL; the browsers differ only in the region of their second language, the one the
    // link asks for. The first browser's answer, kept, must not answer the second.
    let state = state(example_site());
    let uri = "/calendar?view=week&date=2026-12-21&lang=en";
    let ask = |accept: &'static str| {
        let state = state.clone();
        async move {
            let request = Request::get(uri)
                .header(header::ACCEPT_LANGUAGE, accept)
                .body(Body::empty())
                .unwrap();
            get_with(&state, request).await
        }
    };
    let us = "ja-JP,ja;q=0.9,en-US;q=0.5";
    let gb = "ja-JP,ja;q=0.9,en-GB;q=0.5";
    let (us_first, gb_first) = (ask(us).await, ask(gb).await);
    let (us_again, gb_again) = (ask(us).await, ask(gb).await);
    assert_eq!(us_first.status, StatusCode::OK);
    assert!(twelve_hour(&us_first.body), "en-US: 12-hour");
    assert!(!twelve_hour(&gb_first.body), "en-GB: 24-hour");
    assert_eq!(us_again.body, us_first.body, "en-US again, from the cache");
    assert_eq!(gb_again.body, gb_first.body, "en-GB again, from the cache");
    assert_ne!(us_first.body, gb_first.body, "two clocks, two entries");
}

#[tokio::test]
async fn can_title_a_page_and_its_series_in_the_visitors_language() {
    let mut loaded = common::example();
    std::sync::Arc::make_mut(&mut loaded.community)
        .info
        .name
        .by_lang
        .push((touchpoint_site::Lang::Ja, "TODOグループ".to_owned()));
    let community = std::sync::Arc::make_mut(&mut loaded.community);
    let book = community
        .groups
        .iter_mut()
        .find(|g| g.id == "ospo-book")
        .unwrap();
    let english_title = book.title.default.clone();
    book.title
        .by_lang
        .push((touchpoint_site::Lang::Ja, "OSPOブック".to_owned()));
    let records = common::example_records(&loaded);
    let state = state(touchpoint::app::site_from_records(&loaded, &records));
    let ja = |uri: &str| {
        let request = Request::get(format!("{uri}&lang=ja"))
            .body(Body::empty())
            .unwrap();
        get_with(&state, request)
    };
    // The community's name in the <title>, whatever the page.
    for uri in ["/?", "/calendar?view=week", "/series/touchpoint-apac-emea?"] {
        let page = ja(uri).await;
        let title = &page.body[page.body.find("<title>").unwrap()..];
        let title = &title[..title.find("</title>").unwrap()];
        assert!(title.contains("TODOグループ"), "{uri}: {title}");
        assert!(!title.contains("TODO Group"), "{uri}: {title}");
    }
    let series = ja("/series/touchpoint-apac-emea?").await;
    assert!(
        series
            .body
            .contains("<title>APAC・EMEA Touchpoint — TODOグループ</title>")
    );
    // The series' Japanese title in every calendar view's rows, never its English one.
    for uri in [
        "/calendar?view=week&date=2026-12-21",
        "/calendar?view=month&date=2026-12-10",
        "/calendar?view=agenda&date=2026-12-21",
    ] {
        let page = ja(uri).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(">APAC・EMEA Touchpoint</a>"), "{uri}");
        assert!(!page.body.contains("APAC &amp; EMEA Touchpoint"), "{uri}");
    }
    // The embed's list and its <title>, and the words screen readers say on the home page
    // (each meeting's "Details of …") and the series page ("Subscribe to …").
    let embed = ja("/embed/upcoming?limit=20").await;
    assert_eq!(embed.status, StatusCode::OK);
    assert!(embed.body.contains(">APAC・EMEA Touchpoint</a>"));
    assert!(embed.body.contains("TODOグループ"));
    for page in [&embed, &ja("/?").await, &series] {
        assert!(
            !page.body.contains("APAC &amp; EMEA Touchpoint"),
            "{}",
            page.body
        );
        assert!(!page.body.contains("AMER &amp; EMEA Touchpoint"));
    }
    assert!(series.body.contains("APAC・EMEA Touchpoint"));
    // A group's card and its feed's name.
    let groups = ja("/groups?").await;
    assert!(groups.body.contains(">OSPOブック</a>"));
    assert!(!groups.body.contains(&english_title), "{english_title}");
}

#[tokio::test]
async fn can_mark_a_meetings_description_in_the_default_language_on_a_japanese_home() {
    // The Touchpoints' shared description is written in English only: on the Japanese home
    // page it shows in English inside `lang="en"`, so a screen reader reads it in English.
    let page = get_as("/?lang=ja", &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    let at = page
        .body
        .find("Touchpoints are collaborative sessions")
        .expect("the shared description is on the home page");
    let before = &page.body[..at];
    assert!(
        before.ends_with(r#"<p><span lang="en">"#),
        "not marked: …{}",
        &before[before.len().saturating_sub(80)..]
    );
    // Its summary names the series in Japanese where the file gives their titles in Japanese.
    assert!(page.body.contains("APAC・EMEA Touchpoint"), "{}", page.body);
}

#[tokio::test]
async fn can_answer_the_api_with_the_communitys_titles_in_a_language() {
    let titles = |body: &str| -> Vec<String> {
        let answer: serde_json::Value = serde_json::from_str(body).unwrap();
        answer["occurrences"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| o["series"] == "touchpoint-apac-emea")
            .map(|o| o["title"].as_str().unwrap().to_owned())
            .collect()
    };
    let window = "/api/v1/occurrences?from=2026-12-01&to=2027-01-01&source=community";
    let english = get_as(window, &[]).await;
    assert_eq!(titles(&english.body)[0], "APAC & EMEA Touchpoint");
    // A language the site offers, as a page's ?lang= or a browser's navigator.language.
    for tag in ["ja", "ja-JP"] {
        let ja = get_as(&format!("{window}&lang={tag}"), &[]).await;
        assert_eq!(ja.status, StatusCode::OK);
        let got = titles(&ja.body);
        assert!(
            !got.is_empty() && got.iter().all(|t| t == "APAC・EMEA Touchpoint"),
            "{got:?}"
        );
    }
    // One it does not: the default language, as the pages do.
    let korean = get_as(&format!("{window}&lang=ko"), &[]).await;
    assert_eq!(korean.status, StatusCode::OK);
    assert_eq!(titles(&korean.body)[0], "APAC & EMEA Touchpoint");
    // Not a language tag at all: a 400 that says what `lang` takes.
    let bad = get_as(&format!("{window}&lang=%3Cscript%3E"), &[]).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(
        bad.body.contains("`lang` must be a language tag"),
        "{}",
        bad.body
    );
    // The next page keeps the language.
    let paged = get_as(&format!("{window}&lang=ja&limit=1"), &[]).await;
    let answer: serde_json::Value = serde_json::from_str(&paged.body).unwrap();
    assert!(
        answer["next"].as_str().unwrap().contains("lang=ja"),
        "{answer}"
    );
}
