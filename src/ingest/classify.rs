//! Lines → items: each line is kept as text, read as metadata (byline, credit, meta line), or
//! dropped as page noise. Dropped lines leave a [`Item::Break`]: a headline never spans one.

use super::byline::{self, Credit, Lead, Meta};
use super::lines::{is_comma, is_terminal, last_significant, normalize, visible_len, Kind, Line};
use super::noise::{self, Marker};
use crate::script::{restore, simplified};
use std::borrow::Cow;
use std::collections::HashMap;

/// Role of a kept line in the article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Para,
    /// Marked-up heading with its level.
    Heading(u8),
    /// Plain-text section heading marked by a bullet or a number ("● …", "1 …", "一、…").
    Section,
    /// List item.
    Item,
}

/// A kept line.
#[derive(Debug, Clone)]
pub(crate) struct Text {
    pub text: String,
    pub role: Role,
    /// Credit that opened the paragraph ("…讯(记者/…)"), removed from `text`.
    pub lead: Option<Lead>,
    /// Credit that closed it ("(文/…)"), removed from `text`.
    pub tail: Option<String>,
    /// Visible characters, capped at [`STAT_CAP`].
    pub chars: usize,
    /// Holds a full stop (。；… or a Latin ". ") somewhere.
    pub has_stop: bool,
    /// Holds a question or exclamation mark somewhere.
    pub has_exclamation: bool,
    /// Holds a comma or enumeration mark somewhere.
    pub has_comma: bool,
}

/// Character counts above this are "long" for every rule that uses them.
pub(crate) const STAT_CAP: usize = 1000;

impl Text {
    pub fn new(text: String, role: Role) -> Text {
        let chars = visible_len(&text, STAT_CAP);
        let has_exclamation = text.chars().any(|c| matches!(c, '！' | '？' | '!' | '?'));
        // Latin prose ends sentences with a full stop, which also sits inside numbers (1.5).
        let has_stop = text
            .chars()
            .any(|c| is_terminal(c) && !matches!(c, '！' | '？' | '!' | '?'))
            || text.contains(". ")
            || text.ends_with('.');
        let has_comma = text.chars().any(is_comma);
        Text {
            text,
            role,
            lead: None,
            tail: None,
            chars,
            has_stop,
            has_exclamation,
            has_comma,
        }
    }

    /// Could be a headline: a short plain line without sentence punctuation that does not end
    /// mid-clause. A headline may end in one question or exclamation mark.
    pub fn headline_like(&self) -> bool {
        if self.role != Role::Para
            || self.lead.is_some()
            || self.tail.is_some()
            || !(2..=40).contains(&self.chars)
        {
            return false;
        }
        if self.text.chars().any(|c| matches!(c, '。' | '；' | ';')) {
            return false;
        }
        let Some(last) = last_significant(&self.text) else {
            return false;
        };
        let exclaimed = matches!(last, '？' | '！' | '?' | '!')
            && self.chars <= 30
            && self.text.chars().filter(|&c| is_terminal(c)).count() == 1;
        (exclaimed || !is_terminal(last))
            && !is_comma(last)
            && !matches!(
                last,
                '：' | ':' | '（' | '(' | '“' | '‘' | '《' | '—' | '-' | '.'
            )
    }
}

/// One unit of a page after classification.
#[derive(Debug, Clone)]
pub(crate) enum Item {
    Text(Text),
    /// A standalone byline line.
    Byline(String),
    /// A photo credit line.
    Credit(String),
    /// A meta line or source note.
    Meta(Meta),
    /// Dropped noise.
    Break,
    /// A thematic break the author put in (`---`, `<hr>`, `＊＊＊`): it separates sections or,
    /// before a headline, articles.
    Rule,
}

/// Classifies every line.
pub(crate) fn classify(lines: Vec<Line>) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::with_capacity(lines.len());
    let mut in_copyright_block = false;
    let mut ends = Vec::new();
    for line in lines {
        if line.kind != Kind::Break && noise::is_page_end(&line.text) {
            ends.push(items.len());
            items.push(Item::Break);
            continue;
        }
        // A paragraph that stops mid-sentence (a print line break) continues in the next one.
        let continued = matches!(items.last(), Some(Item::Text(t))
            if t.role == Role::Para && !last_significant(&t.text).is_some_and(is_terminal));
        let mut credit_after = None;
        let item = classify_line(line, &mut in_copyright_block, continued, &mut credit_after);
        // A byline line followed by "… 摄" is one photo credit split over two lines.
        if let (Item::Credit(credit), Some(Item::Byline(previous))) = (&item, items.last()) {
            let joined = format!("{previous} {credit}");
            if let Some(last) = items.last_mut() {
                *last = Item::Credit(joined);
            }
            continue;
        }
        if let Item::Credit(credit) = &item {
            drop_caption_list(&mut items, credit);
        }
        items.push(item);
        items.extend(credit_after.map(Item::Credit));
    }
    drop_page_ends(&mut items, &ends);
    drop_running_heads(&mut items);
    items
}

/// Times a short line must recur to be a running head or foot of printed pages.
const RUNNING_HEAD_REPEATS: usize = 3;

/// Drops running heads and feet and page numbers: the same short line, with no sentence in it,
/// on every page of a text copied from a PDF ("中国城市发展研究报告（2023） 第三章 城市更新"),
/// recognised by recurring and by cutting into a sentence at least once (a page ends
/// mid-sentence). A headline that recurs (a page's title repeated, the same article twice)
/// stands between finished paragraphs and stays. Bylines and headings are never counted.
fn drop_running_heads(items: &mut Vec<Item>) {
    fn head(i: &Item) -> Option<&str> {
        match i {
            Item::Text(t)
                if t.role == Role::Para && t.chars <= 40 && !t.has_stop && t.lead.is_none() =>
            {
                Some(t.text.as_str())
            }
            _ => None,
        }
    }
    let page_number = |i: &Item| matches!(i, Item::Text(t) if noise::is_page_number(&t.text));
    let mut counts: HashMap<&str, (usize, bool)> = HashMap::new();
    let mut open = false;
    for item in items.iter() {
        if page_number(item) {
            continue;
        }
        if let Some(text) = head(item) {
            let entry = counts.entry(text).or_default();
            entry.0 += 1;
            entry.1 |= open;
        }
        if let Item::Text(t) = item {
            // Whether the last paragraph stops mid-sentence (heads leave it open).
            if head(item).is_none() {
                open = t.role == Role::Para && !last_significant(&t.text).is_some_and(is_terminal);
            }
        }
    }
    let running: Vec<String> = counts
        .into_iter()
        .filter(|(_, (n, cuts))| *n >= RUNNING_HEAD_REPEATS && *cuts)
        .map(|(text, _)| text.to_string())
        .collect();
    let prose = items.iter().any(|i| {
        matches!(i, Item::Text(_))
            && !page_number(i)
            && head(i).is_none_or(|t| !running.iter().any(|r| r == t))
    });
    // Removed rather than broken: the sentence a page break cut is joined again (layout).
    items.retain(|item| {
        !((prose && page_number(item))
            || head(item).is_some_and(|t| running.iter().any(|r| r == t)))
    });
}

/// Headline lines looked back over from a byline for the start of the next article: one, so
/// that the last related link above it is not taken for a kicker.
const MAX_HEADLINE_LINES: usize = 1;

/// Drops what follows each page-end line (comments, related links, a post's closing calls),
/// up to the next article that a byline or a lead credit marks, or to the end.
fn drop_page_ends(items: &mut [Item], ends: &[usize]) {
    let mut done = 0;
    for &end in ends {
        if end < done {
            continue;
        }
        let after = end + 1;
        let next = items
            .get(after..)
            .unwrap_or_default()
            .iter()
            .position(|i| {
                matches!(i, Item::Byline(_)) || matches!(i, Item::Text(t) if t.lead.is_some())
            })
            .map(|k| after + k);
        let stop = match next {
            Some(k) => {
                let headline = items
                    .get(end + 1..k)
                    .unwrap_or_default()
                    .iter()
                    .rev()
                    .take(MAX_HEADLINE_LINES)
                    .take_while(|i| matches!(i, Item::Text(t) if t.headline_like()))
                    .count();
                k - headline
            }
            None => items.len(),
        };
        for item in items.get_mut(end + 1..stop).unwrap_or_default() {
            *item = Item::Break;
        }
        done = stop;
    }
}

/// Longest list item read as a picture caption, in visible characters.
const CAPTION_ITEM_CHARS: usize = 40;

/// A run of short list items right above a note on where the pictures came from
/// ("（本版图片均由…提供）") is the page's numbered photo captions, not part of the story.
fn drop_caption_list(items: &mut [Item], credit: &str) {
    if !credit.contains("图片") {
        return;
    }
    let run = items
        .iter()
        .rev()
        .take_while(
            |i| matches!(i, Item::Text(t) if t.role == Role::Item && t.chars <= CAPTION_ITEM_CHARS),
        )
        .count();
    if run >= 2 {
        let len = items.len();
        for item in &mut items[len - run..] {
            *item = Item::Break;
        }
    }
}

/// Classifies one line; `continued` when it finishes the sentence of the paragraph before. A
/// photo credit cut off the end of a paragraph goes to `credit_after`, to follow its item.
///
/// A line in traditional characters is classified in its simplified form, so the newsroom
/// vocabulary (記者, 報導, 本報訊…) needs no second spelling; what it yields is given back in
/// the line's own characters.
fn classify_line(
    line: Line,
    in_copyright_block: &mut bool,
    continued: bool,
    credit_after: &mut Option<String>,
) -> Item {
    let Cow::Owned(simple) = simplified(&line.text) else {
        return classify_simplified(line, in_copyright_block, continued, credit_after);
    };
    let original = line.text;
    let line = Line {
        text: simple.clone(),
        ..line
    };
    let back = |s: &str| restore(s, &simple, &original);
    let item = classify_simplified(line, in_copyright_block, continued, credit_after);
    if let Some(credit) = credit_after.as_mut() {
        *credit = back(credit);
    }
    match item {
        Item::Text(mut t) => {
            // The paragraph is a piece of the line: cut it from the original where possible.
            let at = if simple.ends_with(t.text.as_str()) {
                Some(simple.len() - t.text.len())
            } else {
                simple.find(t.text.as_str())
            };
            t.text = at
                .and_then(|at| original.get(at..at + t.text.len()))
                .map_or_else(|| back(&t.text), str::to_string);
            if let Some(lead) = t.lead.as_mut() {
                lead.byline = lead.byline.as_deref().map(back);
                lead.source = lead.source.as_deref().map(back);
            }
            t.tail = t.tail.as_deref().map(back);
            Item::Text(t)
        }
        Item::Byline(b) => Item::Byline(back(&b)),
        Item::Credit(c) => Item::Credit(back(&c)),
        Item::Meta(m) => Item::Meta(Meta {
            date: m.date.as_deref().map(back),
            source: m.source.as_deref().map(back),
            author: m.author.as_deref().map(back),
        }),
        other => other,
    }
}

fn classify_simplified(
    line: Line,
    in_copyright_block: &mut bool,
    continued: bool,
    credit_after: &mut Option<String>,
) -> Item {
    if line.kind == Kind::Break || line.link_only {
        *in_copyright_block = false;
        return if line.kind == Kind::Break {
            Item::Rule
        } else {
            Item::Break
        };
    }
    let text = match noise::strip_urls(&line.text) {
        std::borrow::Cow::Borrowed(_) => line.text,
        std::borrow::Cow::Owned(stripped) => normalize(&stripped),
    };
    if !text.chars().any(super::lines::is_wordlike) {
        return Item::Break;
    }
    let (marker, rest) = if line.kind == Kind::Para {
        noise::marker(&text)
    } else {
        (Marker::None, text.as_str())
    };
    let copyright = noise::copyright(&text);
    if *in_copyright_block
        && (marker != Marker::None || line.kind == Kind::Item || copyright.is_some())
    {
        return Item::Break;
    }
    *in_copyright_block = false;
    if let Some(heads_block) = copyright {
        *in_copyright_block = heads_block;
        return Item::Break;
    }
    if noise::is_caption(&text)
        || noise::is_navigation(&text)
        || noise::is_contact(&text)
        || noise::is_masthead(&text)
        || noise::is_continuation(&text)
        || noise::is_original_title(&text)
    {
        return Item::Break;
    }
    let mut text = text.clone();
    if matches!(line.kind, Kind::Para | Kind::Item) {
        if let Some(meta) = byline::meta_line(&text) {
            return Item::Meta(meta);
        }
        match byline::photo_credit(&text) {
            Some(Credit::Line) => return Item::Credit(text),
            // A short paragraph ending in a credit is a photo caption, unless it finishes the
            // sentence of the paragraph before: then it is the end of a story and its credit
            // ("…孩子们化" + "身“快乐小农夫”…假期。 记者/周嵩 摄", two lines Markdown or HTML
            // joined).
            Some(Credit::Caption(_)) if !continued => return Item::Break,
            Some(Credit::Caption(at) | Credit::Trailing(at)) => {
                *credit_after = text.get(at..).map(|c| c.trim().to_string());
                text = text.get(..at).unwrap_or_default().trim_end().to_string()
            }
            None => {}
        }
        if byline::is_byline(&text) {
            // "□ 苏文博": the box only sets the name apart on the page.
            return Item::Byline(byline::without_column_mark(&text).to_string());
        }
    }
    let role = match line.kind {
        Kind::Heading(level) => Role::Heading(level),
        Kind::Item => Role::Item,
        _ => Role::Para,
    };
    let (role, text) = match marker {
        Marker::None => (role, text),
        Marker::Bullet => {
            let rest = rest.to_string();
            let section = Text::new(rest.clone(), Role::Para).headline_like();
            (if section { Role::Section } else { Role::Item }, rest)
        }
        Marker::Number => {
            let section = Text::new(text.clone(), Role::Para).headline_like();
            (if section { Role::Section } else { Role::Para }, text)
        }
    };
    let mut lead = None;
    let mut text = text;
    if role == Role::Para {
        if let Some(l) = byline::lead(&text) {
            text = text.get(l.rest..).unwrap_or_default().to_string();
            lead = Some(l);
        }
    }
    let mut tail = None;
    if let Some((at, credit)) = byline::tail(&text) {
        text = text.get(..at).unwrap_or_default().trim_end().to_string();
        tail = Some(credit);
    }
    if !text.chars().any(super::lines::is_wordlike) {
        // Nothing but a credit.
        return match (lead.and_then(|l| l.byline), tail) {
            (Some(b), _) | (None, Some(b)) => Item::Byline(b),
            _ => Item::Break,
        };
    }
    let mut item = Text::new(text, role);
    item.lead = lead;
    item.tail = tail;
    Item::Text(item)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Item {
        let mut items = classify(vec![Line::para(s.to_string())]);
        assert_eq!(items.len(), 1);
        items.remove(0)
    }

    #[test]
    fn captions_listed_above_a_picture_source_note_are_dropped() {
        let item = |s: &str| Line {
            text: s.to_string(),
            kind: Kind::Item,
            link_only: false,
        };
        let lines = || {
            vec![
                Line::para("市民通过服务平台即可在这些医院预约挂号。".into()),
                item("1.数字城管助力城区社会治理现代化。"),
                item("2.社区智慧监管,精准到位。"),
            ]
        };
        let mut with_note = lines();
        with_note.push(Line::para("(本版图片均由市行政审批服务局提供)".into()));
        let kept = |items: &[Item]| items.iter().filter(|i| matches!(i, Item::Text(_))).count();
        assert_eq!(kept(&classify(with_note)), 1);
        // Without the note the list is part of the story.
        assert_eq!(kept(&classify(lines())), 3);
    }

    #[test]
    fn kinds_of_lines() {
        assert!(matches!(one("株洲日报全媒体记者/邓伟勇"), Item::Byline(_)));
        assert!(matches!(
            one("2019-12-20 15:56:19 | 来源:中国吉林网"),
            Item::Meta(_)
        ));
        assert!(matches!(one("罗浩/图"), Item::Credit(_)));
        assert!(matches!(one("▲开幕式现场。"), Item::Break));
        assert!(matches!(one("http://example.com/a"), Item::Break));
        match one("● 机构重组,建立全流程链条式服务模式") {
            Item::Text(t) => assert_eq!(
                (t.text.as_str(), t.role),
                ("机构重组,建立全流程链条式服务模式", Role::Section)
            ),
            other => panic!("{other:?}"),
        }
        match one("株洲日报讯(全媒体记者/胡文洁) 10月8日，会议召开。") {
            Item::Text(t) => {
                assert_eq!(t.text, "10月8日，会议召开。");
                assert_eq!(
                    t.lead.and_then(|l| l.byline).as_deref(),
                    Some("全媒体记者/胡文洁")
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_split_photo_credit_is_one_item() {
        let lines = vec![
            Line::para("株洲日报全媒体记者/旷昆红".into()),
            Line::para("通讯员/张敬尧 摄".into()),
        ];
        let items = classify(lines);
        assert_eq!(items.len(), 1);
        assert!(
            matches!(&items[0], Item::Credit(c) if c == "株洲日报全媒体记者/旷昆红 通讯员/张敬尧 摄")
        );
    }

    #[test]
    fn copyright_block_with_its_list() {
        let lines = [
            "正文一句。",
            "本网版权声明:",
            "• 1、凡注明来源的作品，版权归本网所有。",
            "• 2、其他作品转载自其他媒体。",
            "后记。",
        ];
        let items = classify(lines.iter().map(|s| Line::para(s.to_string())).collect());
        let kept: Vec<String> = items
            .into_iter()
            .filter_map(|i| {
                if let Item::Text(t) = i {
                    Some(t.text)
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(kept, ["正文一句。", "后记。"]);
    }

    #[test]
    fn headline_like_lines() {
        assert!(Text::new("市委常委会召开会议".into(), Role::Para).headline_like());
        assert!(Text::new("“毛泽东足迹遍株洲” 临时开展".into(), Role::Para).headline_like());
        assert!(!Text::new("会议还研究了其他事项。".into(), Role::Para).headline_like());
        assert!(Text::new("年轻人为何爱上逛博物馆？".into(), Role::Para).headline_like());
        assert!(!Text::new("真好！我们又来了！".into(), Role::Para).headline_like());
        assert!(!Text::new("改革后的高新区,设立了产业发展局、".into(), Role::Para).headline_like());
    }
}
