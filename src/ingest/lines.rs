//! The unit every input format is reduced to — one line of text with its structural role — and
//! the character classes the cleaning rules share.

use crate::text::is_han;

/// Structural role a format gave a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Ordinary text: a paragraph or a piece of one.
    Para,
    /// Marked-up heading (`#`…`######`, `<h1>`…`<h6>`), with its level.
    Heading(u8),
    /// Marked-up list item (`- `, `1. `, `<li>`), marker removed.
    Item,
    /// A thematic break (`---`, `<hr>`): separates, carries no text.
    Break,
}

/// One line of an input after format extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// Text with whitespace normalized (see [`normalize`]).
    pub text: String,
    /// Role given by the markup.
    pub kind: Kind,
    /// Every visible character came from a link: navigation, not prose.
    pub link_only: bool,
}

impl Line {
    /// A plain paragraph line.
    pub fn para(text: String) -> Line {
        Line {
            text,
            kind: Kind::Para,
            link_only: false,
        }
    }
}

/// Splits plain text into lines (LF, CRLF or CR), normalized, empty ones skipped; a rule line
/// (see [`is_rule`]) becomes a thematic break.
pub(crate) fn plain(text: &str) -> Vec<Line> {
    raw_lines(text)
        .map(normalize)
        .filter(|t| !t.is_empty())
        .map(|t| {
            if is_rule(&t) {
                Line {
                    text: String::new(),
                    kind: Kind::Break,
                    link_only: false,
                }
            } else {
                Line::para(t)
            }
        })
        .collect()
}

/// Lines of a code block (a Markdown fence, `<pre>`) that read as program code, not prose:
/// more other letters and digits than Han characters. Code is not analyzed; a fenced poem is.
pub(crate) fn is_code(lines: &[Line]) -> bool {
    let (mut han, mut other) = (0usize, 0usize);
    for c in lines.iter().flat_map(|l| l.text.chars()) {
        if crate::text::is_han(c) {
            han += 1;
        } else if c.is_alphanumeric() {
            other += 1;
        }
    }
    han < other
}

/// A thematic break: three or more of one rule character and nothing else but spaces —
/// Markdown's `---` `***` `___`, and what people type between pasted articles (`===`,
/// `＊＊＊`, `———`, `－－－`).
pub(crate) fn is_rule(l: &str) -> bool {
    let mut marks = l.chars().filter(|&c| c != ' ');
    let Some(first) = marks.next() else {
        return false;
    };
    let rule_char = matches!(
        first,
        '-' | '*' | '_' | '=' | '＊' | '—' | '－' | '＝' | '─' | '━'
    );
    let mut count = 1;
    for c in marks {
        if c != first {
            return false;
        }
        count += 1;
    }
    rule_char && count >= 3
}

/// Splits plain text at lines made only of three or more hyphens (`---`, `- - -`), dropping
/// those lines. One piece when there is no such line.
pub(crate) fn split_at_hyphen_rules(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let (mut start, mut offset) = (0, 0);
    for line in text.split_inclusive('\n') {
        let l = line.trim();
        if is_rule(l) && l.starts_with('-') {
            pieces.push(&text[start..offset]);
            start = offset + line.len();
        }
        offset += line.len();
    }
    pieces.push(&text[start..]);
    pieces.retain(|p| !p.trim().is_empty());
    if pieces.is_empty() {
        pieces.push(text);
    }
    pieces
}

/// Raw lines of a text for any of the three line-ending conventions.
pub(crate) fn raw_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .flat_map(|l| l.split('\r'))
}

/// Whitespace as articles carry it — tabs, full-width and no-break spaces — becomes one ASCII
/// space; zero-width characters and controls go; ends are trimmed.
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if is_space(c) {
            pending_space = !out.is_empty();
        } else if is_invisible(c) {
            continue;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Any Unicode space, including the ideographic space U+3000 and line breaks.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}'
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{fffc}' | '\u{ad}'
    ) || (c.is_control() && !is_space(c))
}

/// Sentence-ending punctuation (an ellipsis counts: Chinese prose ends paragraphs with it).
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '…' | '．')
}

/// Closing quotes and brackets that may follow a sentence end.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》' | '"' | '\'' | '〕' | ']'
    )
}

/// Commas and enumeration marks: a line holding them reads as prose, not as a headline.
pub(crate) fn is_comma(c: char) -> bool {
    matches!(c, '，' | ',' | '、')
}

/// Last character that is not a closing quote or bracket.
pub(crate) fn last_significant(s: &str) -> Option<char> {
    s.chars().rev().find(|&c| !is_closer(c) && c != ' ')
}

/// Number of characters that are not spaces, counted up to `cap` (cheap on huge lines).
pub(crate) fn visible_len(s: &str, cap: usize) -> usize {
    s.chars().filter(|&c| c != ' ').take(cap).count()
}

/// Letters, digits and ideographs: what a reader reads.
pub(crate) fn is_wordlike(c: char) -> bool {
    c.is_alphanumeric() || is_han(c)
}

/// Text with spaces removed, for comparing lines that differ only in spacing.
pub(crate) fn squeeze(s: &str) -> String {
    s.chars().filter(|&c| c != ' ').collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_collapses_every_kind_of_space() {
        assert_eq!(
            normalize("\u{3000}\u{3000}株洲\t日报\u{a0}\u{a0}讯 "),
            "株洲 日报 讯"
        );
        assert_eq!(normalize("\u{feff}a\u{200b}b"), "ab");
    }

    #[test]
    fn line_endings() {
        let lines: Vec<&str> = raw_lines("a\r\nb\rc\nd").collect();
        assert_eq!(lines, ["a", "b", "c", "d"]);
    }

    #[test]
    fn last_significant_skips_closers() {
        assert_eq!(last_significant("他说：“好。”"), Some('。'));
        assert_eq!(last_significant("惠及企"), Some('企'));
    }
}
