//! Sentence splitting for Chinese prose, and telling sentences from the lines around them.
//!
//! A sentence ends at 。！？!?；; together with any closing quotes or brackets that follow
//! (”」』）)】》), unless a comma or colon follows the closing quote ("“好！”他说" stays
//! one sentence only when written “好！”，他说). A `.` ends a sentence when it is not a
//! decimal point (64.18%) and is followed by whitespace, the end or a Chinese character.
//! An ellipsis (…… / ...) ends a sentence only at the end of a line, before a closing quote,
//! whitespace or a news lead's dateline ("……9月14日，"); inside a line it is a pause.
//!
//! Lines are classified first, because news text mixes prose with lines that are not
//! sentences: Markdown headings, short lines without sentence punctuation (headlines, section
//! titles), photo captions ("…。李华 摄", "图为…"), bylines ("全媒体记者/易楚瞳 通讯员/杨清"),
//! and date or source lines. A byline at the start of a lead sentence
//! ("株洲日报讯(记者/王娜) 近日，…") is cut off so the sentence starts with its content.
//! Markdown list markers (`- `, `1. `, `（一）`) are not part of the sentence.

/// What a line piece is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Prose: may be summarized.
    Sentence,
    /// A heading, headline, list label or other short line without sentence punctuation.
    Heading,
    /// A photo caption or its credit.
    Caption,
    /// A reporter or editor credit.
    Byline,
    /// A date, time or source line.
    Meta,
}

/// One sentence (or other line piece) of a text, as a byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte start in the text (after leading whitespace, list markers and bylines).
    pub start: usize,
    /// Byte end (exclusive; before trailing whitespace).
    pub end: usize,
    /// Index of the paragraph (non-empty line) it belongs to.
    pub paragraph: usize,
    /// What the piece is.
    pub kind: Kind,
    /// True for every kind but [`Kind::Sentence`] (kept for callers that only need that).
    pub is_heading: bool,
}

impl Sentence {
    /// True when the piece is prose, fit for a summary.
    pub fn is_sentence(&self) -> bool {
        self.kind == Kind::Sentence
    }
}

/// Longest question line read as a section heading.
const MAX_QUESTION_HEADING_CHARS: usize = 16;

const STOPS: &[char] = &['。', '！', '？', '!', '?', '；', ';'];
const CLOSERS: &[char] = &[
    '”', '’', '」', '』', '）', ')', '】', '》', '"', '\'', '〕', '］', ']',
];
/// Closers that never open anything: a piece starting with one has lost its opening quote.
const CLOSING_ONLY: &[char] = &['”', '’', '」', '』', '）', '】', '》', '〕'];
/// A line without sentence punctuation longer than this is prose cut by a line break, not a
/// heading (headlines and section titles are short).
const MAX_HEADING_CHARS: usize = 40;

/// Splits `text` into sentences and other line pieces, in order.
///
/// A text with no prose at all (a one-line note, a poem, a list of slogans) has its short
/// lines without sentence punctuation as its sentences rather than as headings: `今天天气不错`
/// is one sentence.
///
/// ```
/// use wenxi::sentences::{split, Kind};
/// let text = "# 标题\n增长64.18%。他说：“好！”\n图为市民在观展。\n第二段";
/// let s = split(text);
/// let parts: Vec<&str> = s.iter().map(|s| &text[s.start..s.end]).collect();
/// assert_eq!(parts, ["标题", "增长64.18%。", "他说：“好！”", "图为市民在观展。", "第二段"]);
/// let kinds: Vec<Kind> = s.iter().map(|s| s.kind).collect();
/// assert_eq!(kinds, [Kind::Heading, Kind::Sentence, Kind::Sentence, Kind::Caption, Kind::Heading]);
/// ```
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut line_start = 0;
    let mut unpunctuated = Vec::new();
    for line in text.split_inclusive('\n') {
        let offset = line_start;
        line_start += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() {
            continue;
        }
        if split_line(body, offset, paragraph, &mut out) {
            unpunctuated.push(out.len() - 1);
        }
        paragraph += 1;
    }
    if !out.iter().any(Sentence::is_sentence) {
        for i in unpunctuated {
            out[i].kind = Kind::Sentence;
            out[i].is_heading = false;
        }
    }
    out
}

/// Splits one non-empty line into `out`; true when the line is short and has no sentence
/// punctuation at all, so it was taken for a heading.
fn split_line(line: &str, offset: usize, paragraph: usize, out: &mut Vec<Sentence>) -> bool {
    let lead = line.len() - line.trim_start().len();
    let trimmed = line.trim();
    let piece = |start: usize, end: usize, kind: Kind, out: &mut Vec<Sentence>| {
        push(line, offset, start, end, paragraph, kind, out);
    };
    if let Some(rest) = trimmed.strip_prefix('#') {
        let title = rest.trim_start_matches('#');
        piece(
            lead + trimmed.len() - title.len(),
            lead + trimmed.len(),
            Kind::Heading,
            out,
        );
        return false;
    }
    let line_kind = classify_line(trimmed);
    if line_kind != Kind::Sentence {
        piece(lead, lead + trimmed.len(), line_kind, out);
        return false;
    }
    // A short question alone on its line heads a section ("农业革命是个骗局？"); it asks
    // what the text then answers, so it is no summary sentence.
    if trimmed.chars().count() <= MAX_QUESTION_HEADING_CHARS
        && trimmed.ends_with(['？', '?'])
        && !trimmed
            .trim_end_matches(['？', '?'])
            .contains(['。', '！', '？', '!', '?', '，', ',', '…', '.', '；', ';'])
    {
        piece(lead, lead + trimmed.len(), Kind::Heading, out);
        return false;
    }
    let mut start = lead + list_marker_len(trimmed);
    let before = out.len();
    for end in merge_attributions(line, start, stops(line, start)) {
        let kind = piece_kind(&line[start..end]);
        piece(start + opening_len(&line[start..end]), end, kind, out);
        start = end;
    }
    if start < line.len() && !line[start..].trim().is_empty() {
        // Text after the last stop: a full sentence cut by a line break, or a heading when the
        // whole line has no stop and is short.
        let rest = &line[start..];
        let no_stop = out.len() == before;
        let heading = no_stop && rest.trim().chars().count() <= MAX_HEADING_CHARS;
        let kind = if heading {
            Kind::Heading
        } else {
            piece_kind(rest)
        };
        let count = out.len();
        piece(start + opening_len(rest), line.len(), kind, out);
        return heading && out.len() > count;
    }
    false
}

/// Byte offsets (into `line`) where sentences end, scanning from `from`.
fn stops(line: &str, from: usize) -> Vec<usize> {
    let chars: Vec<(usize, char)> = line.char_indices().filter(|(i, _)| *i >= from).collect();
    let at = |k: usize| chars.get(k).map(|x| x.1);
    let mut ends = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        let prev = if k > 0 { at(k - 1) } else { None };
        let mut ellipsis = false;
        let ends_here = match c {
            c if STOPS.contains(&c) => true,
            '…' => {
                ellipsis = true;
                at(k + 1) != Some('…')
            }
            '.' if at(k + 1) == Some('.') => false, // inside "...": the last dot decides
            '.' if prev == Some('.') => {
                ellipsis = true;
                true
            }
            '.' => {
                let next = at(k + 1);
                let decimal = prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit());
                // After a Chinese character a dot is a full stop whatever follows ("体系.2007年");
                // between Latin letters or digits it is part of a word (e.g., 13.Oμm, v1.2).
                let after_han = prev.is_some_and(|p| !p.is_ascii());
                !decimal && (after_han || next.is_none_or(|n| n.is_whitespace() || !n.is_ascii()))
            }
            _ => false,
        };
        k += 1;
        if !ends_here {
            continue;
        }
        // Absorb repeated stops (！！, ？！) and closing quotes and brackets, also when a stray
        // space sits before the closing quote ("。 ”").
        let mut closed = false;
        while let Some(n) = at(k) {
            if STOPS.contains(&n) || n == '…' {
                k += 1;
            } else if CLOSERS.contains(&n) {
                closed = true;
                k += 1;
            } else if n.is_whitespace() && at(k + 1).is_some_and(|m| CLOSING_ONLY.contains(&m)) {
                k += 1;
            } else {
                break;
            }
        }
        let next = at(k);
        // An ellipsis followed by more words is a pause, not an end; unless a dateline follows,
        // where a feature's opening scene ends and its news lead begins ("……9月14日，…").
        if ellipsis
            && !closed
            && next.is_some_and(|n| !n.is_whitespace())
            && !starts_with_dateline(chars.get(k).map_or("", |x| &line[x.0..]))
        {
            continue;
        }
        // “好！”，他说 — the quote is part of a longer sentence.
        if closed && matches!(next, Some('，' | ',' | '：' | ':' | '、')) {
            continue;
        }
        ends.push(chars.get(k).map_or(line.len(), |x| x.0));
    }
    ends
}

/// True when `s` opens with the date of a news lead and a comma: "9月14日，", "2022年10月8日上午，",
/// "14日晚，", "近日，", "日前，".
pub(crate) fn starts_with_dateline(s: &str) -> bool {
    let rest = ["近日", "日前", "昨天", "昨日", "今天", "今日"]
        .iter()
        .find_map(|w| s.strip_prefix(w))
        .or_else(|| {
            // Digits and date units: 2022年10月8日, 9月14日, 14日.
            let end = s
                .char_indices()
                .find(|&(_, c)| !(c.is_ascii_digit() || c.is_numeric() || "年月日".contains(c)))
                .map_or(s.len(), |(i, _)| i);
            let date = &s[..end];
            (date.ends_with('日') && date.chars().next().is_some_and(|c| c.is_ascii_digit()))
                .then(|| &s[end..])
        });
    let Some(rest) = rest else {
        return false;
    };
    let rest = [
        "上午", "下午", "晚上", "晚间", "早上", "凌晨", "晚", "起", "以来",
    ]
    .iter()
    .find_map(|w| rest.strip_prefix(w))
    .unwrap_or(rest);
    rest.starts_with(['，', ','])
}

/// Drops the stop after a closing quote when the next sentence only says who spoke
/// ("“……。”该县负责人说。"): the attribution belongs to the quote.
fn merge_attributions(line: &str, from: usize, ends: Vec<usize>) -> Vec<usize> {
    const SPEECH: [&str; 9] = [
        "说", "说道", "表示", "介绍", "指出", "称", "坦言", "感慨", "强调",
    ];
    let mut out = Vec::with_capacity(ends.len());
    let mut start = from;
    for (k, &end) in ends.iter().enumerate() {
        let piece = line.get(start..end).unwrap_or("").trim_end();
        let quoted = piece.ends_with(['”', '」', '』', '"']);
        let next = ends
            .get(k + 1)
            .and_then(|&e| line.get(end..e))
            .unwrap_or("")
            .trim();
        let body = next.trim_end_matches(|c: char| STOPS.contains(&c) || c == '.');
        let attribution = body.chars().count() <= 25
            && SPEECH.iter().any(|v| body.ends_with(v))
            && !body.contains(['，', ',']);
        if !(quoted && attribution) {
            out.push(end);
        }
        start = end;
    }
    out
}

fn push(
    line: &str,
    offset: usize,
    start: usize,
    end: usize,
    paragraph: usize,
    kind: Kind,
    out: &mut Vec<Sentence>,
) {
    let Some(piece) = line.get(start..end) else {
        return;
    };
    let trimmed_start = piece.len()
        - piece
            .trim_start_matches(|c: char| c.is_whitespace() || CLOSING_ONLY.contains(&c))
            .len();
    let trimmed = piece[trimmed_start..].trim_end();
    if trimmed.is_empty() || trimmed.chars().all(|c| !c.is_alphanumeric()) {
        return;
    }
    let s = offset + start + trimmed_start;
    out.push(Sentence {
        start: s,
        end: s + trimmed.len(),
        paragraph,
        kind,
        is_heading: kind != Kind::Sentence,
    });
}

/// Kind of a whole line, before splitting it: captions, bylines and date lines are never
/// prose, whatever punctuation they hold.
fn classify_line(line: &str) -> Kind {
    if is_caption(line) {
        return Kind::Caption;
    }
    let chars = line.chars().count();
    let ends_with_stop = line.ends_with(|c| STOPS.contains(&c) || c == '.' || c == '…');
    if !ends_with_stop && chars <= MAX_HEADING_CHARS && is_credit(line) {
        return Kind::Byline;
    }
    if is_meta(line) {
        return Kind::Meta;
    }
    Kind::Sentence
}

/// Kind of one piece of a prose line.
fn piece_kind(piece: &str) -> Kind {
    let p = piece.trim();
    if p.starts_with("图为") || p.starts_with("图：") || p.starts_with("图:") {
        Kind::Caption
    } else {
        Kind::Sentence
    }
}

/// A photo caption: starts with 图为/图：/▲, or ends with a photographer's credit (…摄).
fn is_caption(line: &str) -> bool {
    let line = line.trim();
    if line.starts_with("图为")
        || line.starts_with("图：")
        || line.starts_with("图:")
        || line.starts_with('▲')
    {
        return true;
    }
    let tail = line.trim_end_matches(|c: char| CLOSERS.contains(&c) || c == '。');
    if let Some(before) = tail
        .strip_suffix('摄')
        .or_else(|| tail.strip_suffix("摄影"))
    {
        // A credit is a short name before 摄, set off by a space, slash or bracket:
        // "李华 摄", "记者/王娜 摄", "（张三 摄）". "拍摄" or "摄" ending a sentence is not.
        let name: String = before
            .chars()
            .rev()
            .take_while(|c| !c.is_whitespace() && !"/／（(".contains(*c))
            .collect();
        let separated = before.len() > name.len();
        return separated && name.chars().count() <= 6;
    }
    false
}

/// A line of credits: 记者/通讯员/编辑 followed by names, without prose around them.
fn is_credit(line: &str) -> bool {
    const ROLES: [&str; 7] = ["记者", "通讯员", "编辑", "责编", "作者", "撰稿", "审核"];
    ROLES.iter().any(|r| line.contains(r)) && !line.contains('，') && !line.contains(',')
}

/// A date, time or "来源/编辑" line: mostly digits and separators, or source metadata.
fn is_meta(line: &str) -> bool {
    let chars = line.chars().count();
    if chars == 0 {
        return false;
    }
    if (line.contains("来源：") || line.contains("来源:")) && !line.ends_with('。') {
        return true;
    }
    let datelike = line
        .chars()
        .filter(|c| c.is_ascii_digit() || "年月日时分秒星期-/:： .".contains(*c))
        .count();
    datelike * 10 >= chars * 7 && line.chars().any(|c| c.is_ascii_digit() || c == '年')
}

/// Length in bytes of a Markdown list marker at the start of `line` ("- ", "1. ", "（一）", "2、").
fn list_marker_len(line: &str) -> usize {
    for bullet in ["- ", "* ", "+ ", "• ", "· "] {
        if line.starts_with(bullet) {
            return bullet.len();
        }
    }
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let digits: usize = line
        .chars()
        .take_while(|c| numeral(*c))
        .map(char::len_utf8)
        .sum();
    if digits > 0 && digits <= 9 {
        let rest = &line[digits..];
        for sep in [". ", "、", "．", ")", "）"] {
            if rest.starts_with(sep) {
                return digits + sep.len();
            }
        }
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(rest) = line.strip_prefix(open) {
            let inner: usize = rest
                .chars()
                .take_while(|c| numeral(*c))
                .map(char::len_utf8)
                .sum();
            if inner > 0 && rest[inner..].starts_with(close) {
                return open.len_utf8() + inner + close.len_utf8();
            }
        }
    }
    0
}

/// Length in bytes of what opens a sentence without being part of it: a byline, or a run-in
/// label of a structured abstract ("目的 观察…", "【结论】…").
fn opening_len(piece: &str) -> usize {
    let byline = byline_prefix_len(piece);
    if byline > 0 {
        return byline;
    }
    // Emoji and pictographs a post puts before a sentence ("💰💰💰与往年一样…", "⚠️特别提醒").
    let decoration = piece
        .char_indices()
        .find(|&(_, c)| !is_decoration(c))
        .map_or(piece.len(), |(i, _)| i);
    if decoration > 0 && decoration < piece.len() {
        return decoration;
    }
    const LABELS: [&str; 8] = [
        "目的",
        "方法",
        "结果",
        "结论",
        "摘要",
        "背景",
        "目标",
        "关键词",
    ];
    let lead = piece.len() - piece.trim_start().len();
    let p = &piece[lead..];
    let (bracketed, inner) = match p.strip_prefix('【').or_else(|| p.strip_prefix('[')) {
        Some(rest) => (true, rest),
        None => (false, p),
    };
    for label in LABELS {
        let Some(after) = inner.strip_prefix(label) else {
            continue;
        };
        let after = if bracketed {
            after.strip_prefix(['】', ']']).unwrap_or(after)
        } else {
            after
        };
        let rest = after.trim_start_matches([':', '：', ' ', '\u{3000}', '\t']);
        // Only a label when something separates it from the sentence: "结果表明" is prose.
        if rest.len() < after.len() || (bracketed && after.len() < inner.len() - label.len()) {
            return piece.len() - rest.len();
        }
    }
    0
}

/// Emoji, pictographs, dingbats and their joiners and variation selectors: decoration, not text.
fn is_decoration(c: char) -> bool {
    matches!(u32::from(c),
        0x2190..=0x21FF | 0x2300..=0x23FF | 0x25A0..=0x27BF | 0x2B00..=0x2BFF | 0xFE0F | 0x200D
        | 0x1F000..=0x1FAFF)
}

/// Length in bytes of a byline opening a sentence: "株洲日报讯(全媒体记者/胡文洁) ",
/// "新华社北京1月5日电（记者 张三）", "（记者 李四）". 0 when there is none.
fn byline_prefix_len(piece: &str) -> usize {
    let lead = piece.len() - piece.trim_start().len();
    let p = &piece[lead..];
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']'), ('【', '】')] {
        let Some(o) = p.find(open) else { continue };
        // The bracket opens the sentence or follows a short dateline ending in 讯/电.
        let head = &p[..o];
        let dateline = head.is_empty()
            || ((head.ends_with('讯') || head.ends_with('电')) && head.chars().count() <= 24);
        if !dateline {
            continue;
        }
        let Some(c) = p[o..].find(close) else {
            continue;
        };
        let inside = &p[o..o + c];
        if !["记者", "通讯员", "特约", "编辑"]
            .iter()
            .any(|r| inside.contains(r))
        {
            continue;
        }
        let after = &p[o + c + close.len_utf8()..];
        let after_trim = after.trim_start_matches([':', '：', ' ', '\u{3000}', '\t']);
        return lead + p.len() - after_trim.len();
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        split(text)
            .iter()
            .filter(|s| s.is_sentence())
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn chinese_stops_and_closing_quotes() {
        assert_eq!(
            parts("他问：“来吗？”我说：“来。”好的！"),
            ["他问：“来吗？”", "我说：“来。”", "好的！"]
        );
        assert_eq!(parts("先试点；再推广。"), ["先试点；", "再推广。"]);
        assert_eq!(parts("（见附件。）下一句。"), ["（见附件。）", "下一句。"]);
        assert_eq!(parts("“好！”，他笑着说。"), ["“好！”，他笑着说。"]);
    }

    #[test]
    fn a_short_question_alone_on_its_line_is_a_heading() {
        let text = "农业革命是个骗局？\n作者认为，农业让人类的生活更辛苦了。值得一读吗？值得。";
        let kinds: Vec<Kind> = split(text).iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Heading,
                Kind::Sentence,
                Kind::Sentence,
                Kind::Sentence
            ]
        );
        // A longer question, or one after other sentences, is prose.
        let kinds: Vec<Kind> = split("为什么越来越多的年轻人选择回到家乡创业？\n然后呢？")
            .iter()
            .map(|s| s.kind)
            .collect();
        assert_eq!(kinds, [Kind::Sentence, Kind::Heading]);
    }

    #[test]
    fn emoji_before_a_sentence_are_not_part_of_it() {
        assert_eq!(
            parts("💰💰💰与往年一样，税务部门提供预约服务。⚠️特别提醒：要警惕诈骗短信。"),
            [
                "与往年一样，税务部门提供预约服务。",
                "特别提醒：要警惕诈骗短信。"
            ]
        );
    }

    #[test]
    fn decimals_percentages_and_ellipses() {
        assert_eq!(
            parts("增长了3.5倍，达64.18%。还有……很多。"),
            ["增长了3.5倍，达64.18%。", "还有……很多。"]
        );
        assert_eq!(
            parts("他沉默了……\n第二天，他走了。"),
            ["他沉默了……", "第二天，他走了。"]
        );
        assert_eq!(parts("等等... 然后呢？"), ["等等...", "然后呢？"]);
        // A feature's opening scene, then the news lead after a dateline.
        assert_eq!(
            parts("盲道被占用，已重新铺设盲道……9月14日，市人大常委会率队走访。"),
            [
                "盲道被占用，已重新铺设盲道……",
                "9月14日，市人大常委会率队走访。"
            ]
        );
        assert_eq!(
            parts("收稻谷、做面条……近日，孩子们来到基地。"),
            ["收稻谷、做面条……", "近日，孩子们来到基地。"]
        );
        assert_eq!(
            parts("收稻谷、做面条……国庆长假期间，孩子们来到基地。"),
            ["收稻谷、做面条……国庆长假期间，孩子们来到基地。"]
        );
    }

    #[test]
    fn english_full_stops() {
        assert_eq!(
            parts("It works. Really well."),
            ["It works.", "Really well."]
        );
        assert_eq!(parts("Version 2.0 is out."), ["Version 2.0 is out."]);
        assert_eq!(
            parts("建立了模型.仿真结果表明,方法有效."),
            ["建立了模型.", "仿真结果表明,方法有效."]
        );
    }

    #[test]
    fn a_single_sentence_line_ending_in_a_dot_is_prose() {
        let s = split("本文对档案学研究的定性与定量方法的若干问题,作了阐述.");
        assert_eq!(s.len(), 1);
        assert!(s[0].is_sentence());
    }

    #[test]
    fn lines_without_punctuation_are_headings_unless_long() {
        let s = split("标题在这里\n正文第一句。正文第二句。\n");
        assert_eq!(s[0].kind, Kind::Heading);
        assert!(s[1].is_sentence() && s[2].is_sentence());
        assert_eq!(s[2].paragraph, 1);
        let long = "这是一行很长的正文因为排版而在这里断开所以没有句末标点但它确实是正文的一部分而不是标题";
        assert!(split(long)[0].is_sentence());
    }

    #[test]
    fn a_text_without_prose_has_its_short_lines_as_sentences() {
        let s = split("今天天气不错");
        assert_eq!(s.len(), 1);
        assert!(s[0].is_sentence());
        // Lines of a poem; the Markdown heading above them stays a heading.
        let s = split("# 春晓\n春眠不觉晓\n处处闻啼鸟\n");
        let kinds: Vec<Kind> = s.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [Kind::Heading, Kind::Sentence, Kind::Sentence]);
        // A byline is never prose, even alone.
        assert!(!split("记者 王娜")[0].is_sentence());
        // Next to prose, a short line is still a heading.
        assert!(!split("标题在这里\n正文。")[0].is_sentence());
    }

    #[test]
    fn markdown_headings_and_list_items() {
        let text = "## 数字搭桥 为政府高效赋能\n1. 建成统一的政务服务平台。\n- 推进数据共享；\n（二）优化审批流程。";
        assert_eq!(
            parts(text),
            [
                "数字搭桥 为政府高效赋能",
                "建成统一的政务服务平台。",
                "推进数据共享；",
                "优化审批流程。"
            ]
        );
        assert_eq!(split(text)[0].kind, Kind::Heading);
    }

    #[test]
    fn captions_bylines_and_dates_are_not_sentences() {
        let text = "攸县尹先生在茶陵办理业务。李华 摄\n株洲日报全媒体记者/易楚瞳 通讯员/杨清\n2022年10月9日 星期日\n\
                    2019-12-20 15:56:19  |  来源:中国吉林网  |  编辑:田东艳\n图为市民在观展。\n他拍摄了一部纪录片。";
        assert_eq!(sentences(text), ["他拍摄了一部纪录片。"]);
        let kinds: Vec<Kind> = split(text).iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Caption,
                Kind::Byline,
                Kind::Meta,
                Kind::Meta,
                Kind::Caption,
                Kind::Sentence
            ]
        );
    }

    #[test]
    fn leading_bylines_are_cut_off() {
        let text = "株洲日报讯(全媒体记者/胡文洁) 10月8日,市委常委会召开会议。";
        assert_eq!(sentences(text), ["10月8日,市委常委会召开会议。"]);
        let text = "新华社北京1月5日电（记者 张三）今天，会议开幕。";
        assert_eq!(sentences(text), ["今天，会议开幕。"]);
        // A bracket that is not a credit stays.
        assert_eq!(sentences("（一）项目概况。"), ["项目概况。"]);
        assert_eq!(
            sentences("株洲齿轮有限责任公司(简称株齿公司)投产。"),
            ["株洲齿轮有限责任公司(简称株齿公司)投产。"]
        );
    }

    #[test]
    fn run_in_labels_of_abstracts_are_not_part_of_the_sentence() {
        assert_eq!(
            sentences("目的 观察疗效。结果表明，疗效显著。"),
            ["观察疗效。", "结果表明，疗效显著。"]
        );
        assert_eq!(sentences("【结论】方法可行。"), ["方法可行。"]);
        assert_eq!(
            sentences("构建了保护体系.2007年查处案件559件."),
            ["构建了保护体系.", "2007年查处案件559件."]
        );
    }

    #[test]
    fn attribution_after_a_quote_stays_with_it() {
        let text = "“服务很周到。”该县项目负责人说道。下一句话。";
        assert_eq!(
            parts(text),
            ["“服务很周到。”该县项目负责人说道。", "下一句话。"]
        );
        assert_eq!(parts("“好。”他说。"), ["“好。”他说。"]);
        assert_eq!(parts("“服务好。 ”局长表示。"), ["“服务好。 ”局长表示。"]);
        // A full sentence after a quote is its own sentence.
        assert_eq!(
            parts("“好。”他随后走进会场，参加了座谈会。"),
            ["“好。”", "他随后走进会场，参加了座谈会。"]
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "",
            "\n\n",
            "。。。",
            "……",
            "(",
            "（记者",
            "1.",
            "#",
            "- ",
            "😀.😀",
            "a\r\nb",
            "讯(记者)",
        ] {
            let _ = split(text);
        }
    }
}
