//! The community file's languages: `language` and `languages` in `[community]`, and texts
//! given per language (`title = { en = "…", ja = "…" }`), with their located errors.

use touchpoint_community::{Diagnostic, Lang, parse};

const SERIES: &str = r#"
[[series]]
id = "call"
title = { en = "Weekly call", ja = "定例会議", "zh-Hans" = "例会" }
description = "Plain, so in the default language."
timezone = "UTC"
start = "12:00"
duration = "1h"
repeat = "weekly on Thursday"
first = 2026-01-01
"#;

fn errors(source: &str) -> Vec<Diagnostic> {
    match parse(source) {
        Ok(_) => panic!("should not validate:\n{source}"),
        Err(diags) => diags,
    }
}

/// Line, column, code and message of each diagnostic.
fn located(diags: &[Diagnostic]) -> Vec<(usize, usize, &str, &str)> {
    diags
        .iter()
        .map(|d| (d.line, d.column, d.code, d.message.as_str()))
        .collect()
}

#[test]
fn can_read_a_text_per_language_and_fall_back_to_the_default() {
    let source = format!(
        "[community]\nname = {{ en = \"TODO Group\", ja = \"TODO グループ\" }}\ntimezone = \"UTC\"\nlanguages = [\"en\", \"ja\", \"zh-Hans\"]\n{SERIES}"
    );
    let community = parse(&source).expect("valid").community;
    assert_eq!(community.info.language, Lang::En);
    assert_eq!(community.info.languages, [Lang::En, Lang::Ja, Lang::ZhHans]);
    // Everything that reads it as a string (feeds, the API) gets the default language.
    assert_eq!(community.info.name, "TODO Group");
    let call = community.series("call").unwrap();
    assert_eq!(call.title, "Weekly call");
    assert_eq!(call.title.get(Lang::Ja), ("定例会議", Lang::Ja));
    assert_eq!(call.title.get(Lang::ZhHans), ("例会", Lang::ZhHans));
    // No German value: the default's, and it says it is English.
    assert_eq!(call.title.get(Lang::De), ("Weekly call", Lang::En));
    let description = call.description.as_ref().unwrap();
    assert_eq!(
        description.get(Lang::Ja),
        ("Plain, so in the default language.", Lang::En)
    );
}

#[test]
fn can_set_another_default_language_and_offer_every_language_by_default() {
    let source = "[community]\nname = { ja = \"例\", en = \"Example\" }\ntimezone = \"Asia/Tokyo\"\nlanguage = \"ja\"\n";
    let info = parse(source).expect("valid").community.info;
    assert_eq!(info.language, Lang::Ja);
    // The default first, then the others.
    assert_eq!(info.languages.len(), Lang::ALL.len());
    assert_eq!(info.languages[0], Lang::Ja);
    assert_eq!(info.name, "例");
    assert_eq!(info.name.get(Lang::En), ("Example", Lang::En));
    assert_eq!(info.name.get(Lang::Fr), ("例", Lang::Ja));
}

#[test]
fn errors_when_a_language_tag_is_unknown_with_the_exact_tag_to_write() {
    let source = "[community]\nname = \"X\"\ntimezone = \"UTC\"\nlanguage = \"zh-CN\"\nlanguages = [\"en\", \"kr\"]\n";
    let diags = errors(source);
    assert_eq!(
        located(&diags),
        [
            (
                4,
                12,
                "unknown-language",
                "`language`: \"zh-CN\" is not a language tag Touchpoint knows"
            ),
            (
                5,
                20,
                "unknown-language",
                "`languages`: \"kr\" is not a language tag Touchpoint knows"
            ),
        ]
    );
    assert_eq!(
        diags[0].hint.as_deref(),
        Some("write \"zh-Hans\" (简体中文)")
    );
    assert!(
        diags[1].hint.as_deref().unwrap().contains("\"pt-BR\""),
        "{:?}",
        diags[1].hint
    );
}

#[test]
fn errors_when_the_default_language_is_not_offered() {
    let source = "[community]\nname = \"X\"\ntimezone = \"UTC\"\nlanguage = \"de\"\nlanguages = [\"en\", \"ja\"]\n";
    let diags = errors(source);
    assert_eq!(
        located(&diags),
        [(
            5,
            13,
            "unknown-value",
            "`languages` does not offer the default language \"de\""
        )]
    );
}

#[test]
fn errors_when_a_text_has_an_unknown_tag_or_no_default_value() {
    let source = r#"[community]
name = "X"
timezone = "UTC"

[[groups]]
id = "g"
title = { ja = "作業部会", fr = "Groupe" }
description = { en = "A group", jp = "部会" }
"#;
    let diags = errors(source);
    assert_eq!(
        located(&diags),
        [
            (
                7,
                9,
                "missing-language",
                "`title` has no value in the default language \"en\""
            ),
            (
                8,
                33,
                "unknown-language",
                "`description`: \"jp\" is not a language tag Touchpoint knows"
            ),
        ]
    );
    assert_eq!(
        diags[1].hint.as_deref().map(|h| h.contains("\"ja\"")),
        Some(true)
    );
}

#[test]
fn errors_when_a_text_is_neither_a_string_nor_a_table_of_strings() {
    let source = "[community]\nname = \"X\"\ntimezone = \"UTC\"\nlinks = [{ label = { en = 3 }, url = \"https://x.example/\" }]\n";
    let diags = errors(source);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0].code, "wrong-type");
    assert_eq!(diags[0].line, 4);
}
