//! Sentence splitting for Chinese prose.
//!
//! A sentence ends at 。！？!?；; or an ellipsis (…… / ...), together with any closing quotes
//! or brackets that follow (”」』）)】》'"). A `.` ends a sentence only when it is not between
//! digits (64.18%) and is followed by whitespace or the end. A line break always ends a
//! sentence, and a line with no sentence-ending punctuation is a heading, not a sentence.

/// One sentence (or heading line) of a text, as a byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte start in the text (after leading whitespace).
    pub start: usize,
    /// Byte end (exclusive; before trailing whitespace).
    pub end: usize,
    /// Index of the paragraph (non-empty line) it belongs to.
    pub paragraph: usize,
    /// A line without sentence punctuation: a heading, caption or list label.
    pub is_heading: bool,
}

const TERMINATORS: &[char] = &['。', '！', '？', '!', '?', '；', ';', '…'];
const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '】', '》', '"', '\'', '〕'];

/// Splits `text` into sentences in order.
///
/// ```
/// let text = "增长64.18%。他说：“好！”\n第二段";
/// let s = wenxi::sentences::split(text);
/// let parts: Vec<&str> = s.iter().map(|s| &text[s.start..s.end]).collect();
/// assert_eq!(parts, ["增长64.18%。", "他说：“好！”", "第二段"]);
/// assert!(s[2].is_heading);
/// ```
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        if !body.trim().is_empty() {
            let before = out.len();
            split_line(body, line_start, paragraph, &mut out);
            let has_terminator = body.trim_end().ends_with(|c| TERMINATORS.contains(&c) || CLOSERS.contains(&c))
                || out[before..].len() > 1;
            if !has_terminator {
                for s in &mut out[before..] {
                    s.is_heading = true;
                }
            }
            paragraph += 1;
        }
        line_start = line_end;
    }
    out
}

fn split_line(line: &str, offset: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        let ends = if TERMINATORS.contains(&c) {
            true
        } else if c == '.' {
            let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
            let next = chars.get(i + 1).map(|x| x.1);
            if next == Some('.') {
                false // inside "..."; the last dot decides
            } else if prev == Some('.') {
                true // end of "..."
            } else if prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()) {
                false // decimal point
            } else {
                next.is_none_or(|n| n.is_whitespace() || !n.is_ascii())
            }
        } else {
            false
        };
        i += 1;
        if ends {
            // Absorb repeated terminators (！！, ……) and closing quotes/brackets.
            while i < chars.len() && (TERMINATORS.contains(&chars[i].1) || CLOSERS.contains(&chars[i].1)) {
                i += 1;
            }
            let end = chars.get(i).map_or(line.len(), |x| x.0);
            push(line, offset, start, end, paragraph, out);
            start = end;
        }
    }
    push(line, offset, start, line.len(), paragraph, out);
}

fn push(line: &str, offset: usize, start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let piece = &line[start..end];
    let trimmed_start = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let s = offset + start + trimmed_start;
    out.push(Sentence { start: s, end: s + trimmed.len(), paragraph, is_heading: false });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn chinese_stops_and_closing_quotes() {
        assert_eq!(parts("他问：“来吗？”我说：“来。”好的！"), ["他问：“来吗？”", "我说：“来。”", "好的！"]);
    }

    #[test]
    fn decimals_percentages_and_ellipses() {
        assert_eq!(parts("增长了3.5倍，达64.18%。还有……很多。"), ["增长了3.5倍，达64.18%。", "还有……", "很多。"]);
    }

    #[test]
    fn english_full_stops() {
        assert_eq!(parts("It works. Really well."), ["It works.", "Really well."]);
        assert_eq!(parts("Version 2.0 is out."), ["Version 2.0 is out."]);
    }

    #[test]
    fn lines_without_punctuation_are_headings() {
        let s = split("标题在这里\n正文第一句。正文第二句。\n");
        assert!(s[0].is_heading);
        assert!(!s[1].is_heading && !s[2].is_heading);
        assert_eq!(s[2].paragraph, 1);
    }
}
