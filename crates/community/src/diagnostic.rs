//! Diagnostics: one problem found in a community file, located by byte span and by 1-based
//! line and column, rendered the way rustc renders its errors.
//!
//! Everything here is pure and total: spans out of range or inside a multi-byte character are
//! clamped, never a panic, because spans can come from third-party parsers.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How serious a [`Diagnostic`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The file cannot be used; `touchpoint check` exits non-zero.
    Error,
    /// The file works, but something looks like a mistake (for example, the same calendar twice).
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem in a community file, with where it is and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What kind of problem this is, in kebab-case (`unknown-zone`, `duplicate-id`, …): stable
    /// across releases, so CI can match on it; the list is in docs/ci.md. [`Diagnostic::new`]
    /// and friends give [`Diagnostic::GENERIC`] until [`Diagnostic::with_code`] says better.
    pub code: &'static str,
    /// The file the source came from, when known ([`crate::parse_file`] sets it).
    pub file: Option<PathBuf>,
    /// 1-based line of the start of [`Diagnostic::span`]; 0 when the problem has no place in
    /// the text (for example, the file could not be read).
    pub line: usize,
    /// 1-based column, counted in characters, of the start of [`Diagnostic::span`]; 0 with `line`.
    pub column: usize,
    /// 1-based line of the end of [`Diagnostic::span`]; 0 with `line`.
    pub end_line: usize,
    /// 1-based column, in characters, just past the end of [`Diagnostic::span`] (exclusive, so
    /// an empty span has `end_column == column`); 0 with `line`.
    pub end_column: usize,
    /// What is wrong, in one sentence without a trailing period.
    pub message: String,
    /// How to fix it, when there is something useful to say.
    pub hint: Option<String>,
    /// Byte range of the offending text in the source.
    pub span: Range<usize>,
    /// The source line the span starts on (without its line ending), for the caret display.
    pub snippet: Option<String>,
}

impl Diagnostic {
    /// An error at `span` of `source`.
    pub fn error(source: &str, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, source, span, message)
    }

    /// A warning at `span` of `source`.
    pub fn warning(source: &str, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, source, span, message)
    }

    /// A diagnostic located at `span` of `source` (line, column and snippet are derived).
    pub fn new(
        severity: Severity,
        source: &str,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::located(severity, source, &LineIndex::new(source), span, message)
    }

    /// [`Diagnostic::new`] with the line starts of `source` already known, so a parse that
    /// reports many diagnostics does not rescan the text for each one.
    pub(crate) fn located(
        severity: Severity,
        source: &str,
        lines: &LineIndex,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let start = floor_char_boundary(source, span.start);
        let end = floor_char_boundary(source, span.end.max(start));
        let (line, column, snippet) = lines.locate(source, start);
        let (end_line, end_column) = lines.position(source, end);
        Diagnostic {
            severity,
            code: Diagnostic::GENERIC,
            file: None,
            line,
            column,
            end_line,
            end_column,
            message: message.into(),
            hint: None,
            span: start..end,
            snippet: Some(snippet),
        }
    }

    /// A diagnostic about the whole file (line and column 0, no snippet).
    pub fn whole_file(severity: Severity, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            code: Diagnostic::GENERIC,
            file: None,
            line: 0,
            column: 0,
            end_line: 0,
            end_column: 0,
            message: message.into(),
            hint: None,
            span: 0..0,
            snippet: None,
        }
    }

    /// The code of a diagnostic made without one.
    pub const GENERIC: &'static str = "invalid";

    /// The same diagnostic with a code (see [`Diagnostic::code`]).
    pub fn with_code(mut self, code: &'static str) -> Diagnostic {
        self.code = code;
        self
    }

    /// The same diagnostic with a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Renders `FILE:LINE:COL: error: message`, then the source line with carets under the span,
/// then `  hint: ...`. Without a file the location reads `<input>`.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self
            .file
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "<input>".to_owned());
        // Text from the file (in messages, snippets and hints) may hold control characters: a
        // terminal would act on them (colours, cursor moves, a cleared screen), so they are
        // shown escaped, `\u{1b}`.
        let message = escape_controls(&self.message);
        if self.line == 0 {
            write!(f, "{file}: {}: {message}", self.severity.as_str())?;
        } else {
            write!(
                f,
                "{file}:{}:{}: {}: {message}",
                self.line,
                self.column,
                self.severity.as_str(),
            )?;
        }
        if let Some(snippet) = &self.snippet {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            // Carets cover the span on this line only; at least one caret.
            let before: String = snippet
                .chars()
                .take(self.column.saturating_sub(1))
                .collect();
            let span_chars = self.snippet_span_chars(snippet).max(1).min(
                snippet
                    .chars()
                    .count()
                    .saturating_sub(before.chars().count())
                    .max(1),
            );
            // As wide as the terminal shows the text: a CJK character takes two columns.
            let indent: String = escape_controls(&before)
                .chars()
                .map(|c| match c {
                    '\t' => "\t".to_owned(),
                    c => " ".repeat(c.width().unwrap_or(0)),
                })
                .collect();
            let spanned: String = snippet
                .chars()
                .skip(before.chars().count())
                .take(span_chars)
                .collect();
            let carets = escape_controls(&spanned).width().max(1);
            write!(
                f,
                "\n {pad} |\n {number} | {}\n {pad} | {indent}{}",
                escape_controls(snippet),
                "^".repeat(carets)
            )?;
        }
        if let Some(hint) = &self.hint {
            let mut lines = hint.lines();
            if let Some(first) = lines.next() {
                write!(f, "\n  hint: {}", escape_controls(first))?;
            }
            for line in lines {
                write!(f, "\n        {}", escape_controls(line))?;
            }
        }
        Ok(())
    }
}

/// `text` with every control character but the tab written as `\u{…}`.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\t') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() && c != '\t' {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

impl Diagnostic {
    /// How many characters of the span lie on the snippet's line.
    fn snippet_span_chars(&self, snippet: &str) -> usize {
        let len = self.span.end.saturating_sub(self.span.start);
        // Walk the snippet from the column, counting chars until `len` bytes are used.
        let mut used = 0;
        let mut count = 0;
        for c in snippet.chars().skip(self.column.saturating_sub(1)) {
            if used >= len {
                break;
            }
            used += c.len_utf8();
            count += 1;
        }
        count
    }
}

/// The largest char boundary of `s` at or below `i` (clamped to `s.len()`).
pub(crate) fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The byte offset where each line of a source starts, computed once per source so that
/// turning an offset into a line costs a binary search, not a scan from the start of the text.
#[derive(Clone, Debug)]
pub(crate) struct LineIndex {
    /// Offset 0, then the offset after every `\n`, ascending.
    starts: Vec<usize>,
}

impl LineIndex {
    /// The line starts of `source` (one pass over it).
    pub(crate) fn new(source: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// 1-based line of byte `offset` (offsets past the end count as on the last line).
    pub(crate) fn line(&self, offset: usize) -> usize {
        // Lines starting at or before `offset`; `starts[0] == 0`, so at least 1.
        self.starts.partition_point(|&start| start <= offset)
    }

    /// 1-based line and character column of byte `offset` of `source` (the text this index
    /// was built from), without the line's text.
    pub(crate) fn position(&self, source: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(source, offset);
        let line = self.line(offset);
        let line_start = self.starts[line - 1];
        (line, source[line_start..offset].chars().count() + 1)
    }

    /// 1-based line and character column of byte `offset` of `source` (the text this index
    /// was built from), and that line's text without its line ending.
    pub(crate) fn locate(&self, source: &str, offset: usize) -> (usize, usize, String) {
        let offset = floor_char_boundary(source, offset);
        let line = self.line(offset);
        let line_start = self.starts[line - 1];
        let column = source[line_start..offset].chars().count() + 1;
        let line_end = source[line_start..]
            .find('\n')
            .map_or(source.len(), |i| line_start + i);
        let text = source[line_start..line_end]
            .trim_end_matches('\r')
            .to_owned();
        (line, column, text)
    }
}

/// Levenshtein distance in characters (for "did you mean" hints).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let next = (row[j] + 1).min(row[j + 1] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// The candidates closest to `word` (case-insensitive), best first, at most `max`, only those
/// within a distance that still looks like a typo.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max: usize,
) -> Vec<&'a str> {
    let lower = word.to_lowercase();
    let limit = (word.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .map(|c| (edit_distance(&lower, &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .collect();
    scored.sort();
    scored.into_iter().take(max).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_locate_offsets_in_characters() {
        let src = "a = 1\nbé = \"x\"\n";
        let lines = LineIndex::new(src);
        let offset = src.find('=').unwrap();
        assert_eq!(lines.locate(src, offset).0, 1);
        let second = src.rfind('=').unwrap();
        let (line, column, text) = lines.locate(src, second);
        assert_eq!((line, column, text.as_str()), (2, 4, "bé = \"x\""));
    }

    #[test]
    fn can_locate_line_starts_ends_and_past_the_end() {
        let src = "ab\r\n\ncd";
        let lines = LineIndex::new(src);
        assert_eq!(lines.locate(src, 0), (1, 1, "ab".to_owned()));
        // The `\n` itself still belongs to the line it ends.
        assert_eq!(lines.locate(src, 3), (1, 4, "ab".to_owned()));
        assert_eq!(lines.locate(src, 4), (2, 1, String::new()));
        assert_eq!(lines.locate(src, 5), (3, 1, "cd".to_owned()));
        assert_eq!(lines.locate(src, 99), (3, 3, "cd".to_owned()));
        assert_eq!(LineIndex::new("").locate("", 5), (1, 1, String::new()));
    }

    #[test]
    fn can_clamp_spans_out_of_range() {
        let d = Diagnostic::error("é", 1..99, "m");
        assert_eq!(d.span, 0..2);
        assert_eq!((d.line, d.column), (1, 1));
        assert_eq!((d.end_line, d.end_column), (1, 2));
    }

    #[test]
    fn can_locate_the_end_of_a_span_across_lines() {
        let src = "a = \"\"\"\nxé\n\"\"\"\n";
        let d = Diagnostic::error(src, 4..src.len() - 1, "m");
        assert_eq!((d.line, d.column, d.end_line, d.end_column), (1, 5, 3, 4));
    }

    #[test]
    fn can_render_like_rustc() {
        let src = "[community]\nname = 3\n";
        let start = src.find('3').unwrap();
        let d = Diagnostic::error(src, start..start + 1, "expected a string").with_hint("quote it");
        assert_eq!(
            d.to_string(),
            "<input>:2:8: error: expected a string\n   |\n 2 | name = 3\n   |        ^\n  hint: quote it"
        );
    }

    #[test]
    fn can_put_the_carets_under_the_span_after_wide_text() {
        // 定例 takes four terminal columns, not two: the carets stay under `xx`.
        let src = "title = { ja = \"定例\", xx = \"y\" }\n";
        let start = src.find("xx").unwrap();
        let d = Diagnostic::error(src, start..start + 2, "unknown tag");
        let caret_line = d.to_string().lines().nth(3).unwrap().to_owned();
        let source_line = d.to_string().lines().nth(2).unwrap().to_owned();
        let width = |s: &str| UnicodeWidthStr::width(s);
        let under = source_line.find("xx").unwrap();
        assert_eq!(
            width(&caret_line[..caret_line.find('^').unwrap()]),
            width(&source_line[..under])
        );
        assert!(caret_line.ends_with(" ^^"), "{caret_line:?}");
    }

    #[test]
    fn can_suggest_close_names() {
        assert_eq!(closest("colr", ["colour", "id", "url"], 3), vec!["colour"]);
        assert!(closest("zzzzzz", ["colour"], 3).is_empty());
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
