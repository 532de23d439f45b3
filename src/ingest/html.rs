//! HTML → lines, with the WHATWG tokenizer of the `html5gum` crate.
//!
//! A tokenizer and no tree: nesting depth costs nothing, so 100 000 nested tags cannot exhaust a
//! stack, and mis-nested tag soup is read the way it streams. Block elements and `<br>` end
//! lines; `<h1>`–`<h6>` and `<li>` keep their role; `<script>`, `<style>`, `<nav>`, `<aside>`,
//! `<footer>`, form controls and figure captions are dropped, and so is any block whose class
//! or id names page furniture (comments, related links, share bars, rankings; see
//! [`is_furniture`]); entities are decoded by the tokenizer; `<title>` is kept aside as a
//! fallback headline.

use super::lines::{is_code, normalize, Kind, Line};
use crate::text::is_han;
use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};

/// Lines of an HTML document or fragment, plus its `<title>`.
#[derive(Debug, Default)]
pub(crate) struct Extracted {
    pub lines: Vec<Line>,
    pub title: Option<String>,
}

/// True when the text carries HTML markup (two or more known tags, or a doctype).
pub(crate) fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut found = 0;
    let mut i = 0;
    while let Some(pos) = bytes
        .get(i..)
        .and_then(|b| b.iter().position(|&c| c == b'<'))
    {
        let at = i + pos + 1;
        let rest = bytes
            .get(at..at + 12)
            .or_else(|| bytes.get(at..))
            .unwrap_or_default();
        let rest = rest.strip_prefix(b"/").unwrap_or(rest);
        let name_len = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'!')
            .count();
        let name = rest
            .get(..name_len)
            .unwrap_or_default()
            .to_ascii_lowercase();
        let after = rest.get(name_len).copied();
        if name.as_slice() == b"!doctype" || name.starts_with(b"!--") {
            return true;
        }
        if matches!(after, Some(b'>' | b' ' | b'/' | b'\t' | b'\n' | b'\r'))
            && !matches!(tag(&name), Tag::Other)
        {
            found += 1;
            if found >= 2 {
                return true;
            }
        }
        i = at;
    }
    false
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Block,
    Br,
    Hr,
    /// Table cell: cells of a row share a line.
    Cell,
    Heading(u8),
    Li,
    A,
    Pre,
    Title,
    /// Content dropped whole; the index counts open elements per kind.
    Skip(usize),
    /// `</body>`, `</html>`: whatever was left open ends here.
    Root,
    Inline,
    Other,
}

const SKIPPED: [&[u8]; 15] = [
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"iframe",
    b"svg",
    b"math",
    b"object",
    b"nav",
    b"aside",
    b"footer",
    b"select",
    b"button",
    b"figcaption",
    b"textarea",
];

fn tag(name: &[u8]) -> Tag {
    if let Some(i) = SKIPPED.iter().position(|s| *s == name) {
        return Tag::Skip(i);
    }
    match name {
        b"br" => Tag::Br,
        b"hr" => Tag::Hr,
        b"h1" => Tag::Heading(1),
        b"h2" => Tag::Heading(2),
        b"h3" => Tag::Heading(3),
        b"h4" => Tag::Heading(4),
        b"h5" => Tag::Heading(5),
        b"h6" => Tag::Heading(6),
        b"li" | b"dt" | b"dd" => Tag::Li,
        b"a" => Tag::A,
        b"pre" | b"listing" | b"plaintext" => Tag::Pre,
        b"title" => Tag::Title,
        b"body" | b"html" => Tag::Root,
        b"td" | b"th" => Tag::Cell,
        b"p" | b"div" | b"section" | b"article" | b"main" | b"header" | b"blockquote" | b"ul"
        | b"ol" | b"dl" | b"table" | b"thead" | b"tbody" | b"tfoot" | b"tr" | b"caption"
        | b"figure" | b"address" | b"center" | b"details" | b"summary" | b"dialog"
        | b"fieldset" | b"form" | b"legend" | b"option" | b"hgroup" | b"menu" => Tag::Block,
        b"span" | b"b" | b"i" | b"em" | b"strong" | b"u" | b"font" | b"img" | b"small" | b"sup"
        | b"sub" | b"meta" | b"link" | b"label" | b"input" | b"code" | b"mark" | b"abbr"
        | b"cite" | b"q" | b"time" | b"s" => Tag::Inline,
        _ => Tag::Other,
    }
}

/// An element name, kept without allocating (longer names are cut; only short container
/// names are ever compared).
#[derive(Clone, Copy, PartialEq, Eq, Default)]
struct Name([u8; 10], u8);

impl Name {
    fn new(name: &[u8]) -> Self {
        let mut bytes = [0; 10];
        let len = name.len().min(bytes.len());
        for (b, c) in bytes.iter_mut().zip(name) {
            *b = c.to_ascii_lowercase();
        }
        Name(bytes, len as u8)
    }

    fn as_bytes(&self) -> &[u8] {
        &self.0[..usize::from(self.1)]
    }
}

/// Words of class names and ids that mark page furniture around an article.
const FURNITURE: [&str; 15] = [
    "comment",
    "related",
    "share",
    "sharing",
    "social",
    "recommend",
    "sidebar",
    "breadcrumb",
    "crumb",
    "hot",
    "rank",
    "ranking",
    "advert",
    "ads",
    "ad",
];

/// What may follow a [`FURNITURE`] word in one run-together word of a class name
/// (`comments`, `commentlist`, `sharebar`, `hotnews`, `advertisement`). Any other ending makes
/// another word: `commentary`, `shareholder`, `hotel`, `adsorb`.
const FURNITURE_ENDINGS: [&str; 35] = [
    "s",
    "section",
    "content",
    "posts",
    "articles",
    "reading",
    "list",
    "box",
    "bar",
    "area",
    "wrap",
    "wrapper",
    "panel",
    "block",
    "btn",
    "btns",
    "button",
    "buttons",
    "tool",
    "tools",
    "item",
    "items",
    "news",
    "link",
    "links",
    "con",
    "container",
    "module",
    "mod",
    "zone",
    "tab",
    "tabs",
    "top",
    "isement",
    "ising",
];

/// True when a class or id value names page furniture: one of its words (split at spaces,
/// `-`, `_` and lower-to-upper case changes) is a [`FURNITURE`] word, alone or with one of the
/// [`FURNITURE_ENDINGS`] (`comments`, `related-news`, `shareBar`, `ad`; not `content`,
/// `article-body`, `commentary` or `shareholder`).
fn is_furniture(value: &[u8]) -> bool {
    let mut words = Vec::new();
    let mut start = 0;
    for i in 0..=value.len() {
        let split = match (value.get(i), i.checked_sub(1).and_then(|j| value.get(j))) {
            (None, _) => true,
            (Some(c), _) if !c.is_ascii_alphanumeric() => true,
            (Some(c), Some(p)) => c.is_ascii_uppercase() && p.is_ascii_lowercase(),
            _ => false,
        };
        if split {
            if let Some(word) = value.get(start..i).filter(|w| !w.is_empty()) {
                words.push(word.to_ascii_lowercase());
            }
            start = if value.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i
            } else {
                i + 1
            };
        }
    }
    words.iter().any(|w| {
        FURNITURE.iter().any(|f| {
            w.strip_prefix(f.as_bytes()).is_some_and(|rest| {
                rest.is_empty() || FURNITURE_ENDINGS.iter().any(|e| rest == e.as_bytes())
            })
        })
    })
}

/// Fewer characters of prose than this outside the furniture is no article (a headline at
/// most): a block dropped as furniture that holds more was the article itself, under a class
/// name that only looks like furniture (`hot-topic`, `news-social`). A short brief beside a
/// long comment thread is still an article.
const MIN_ARTICLE_CHARS: usize = 30;

/// Characters of prose in `lines`: paragraphs and items, not headings or link lists.
fn prose_chars(lines: &[Line]) -> usize {
    lines
        .iter()
        .filter(|l| !l.link_only && !matches!(l.kind, Kind::Heading(_)))
        .map(|l| l.text.chars().filter(|c| c.is_alphanumeric()).count())
        .sum()
}

enum Event {
    /// Tag, self-closing, name, and whether its class or id names page furniture.
    Open(Tag, bool, Name, bool),
    Close(Tag, Name),
    Text(String),
}

/// A furniture block being skipped: its name and how many elements of that name are open.
struct Furniture {
    name: Name,
    depth: u32,
}

/// Extracts the text lines of an HTML document.
pub(crate) fn extract(text: &str) -> Extracted {
    let mut pending = (Tag::Other, Name::default(), false);
    let mut in_class_or_id = false;
    let mut emitter = CallbackEmitter::new(
        move |event: CallbackEvent<'_>, _: Span<()>| -> Option<Event> {
            match event {
                CallbackEvent::OpenStartTag { name } => {
                    pending = (tag(name), Name::new(name), false);
                    None
                }
                CallbackEvent::AttributeName { name } => {
                    in_class_or_id =
                        name.eq_ignore_ascii_case(b"class") || name.eq_ignore_ascii_case(b"id");
                    None
                }
                CallbackEvent::AttributeValue { value } => {
                    pending.2 |= in_class_or_id && is_furniture(value);
                    None
                }
                CallbackEvent::CloseStartTag { self_closing } => {
                    Some(Event::Open(pending.0, self_closing, pending.1, pending.2))
                }
                CallbackEvent::EndTag { name } => Some(Event::Close(tag(name), Name::new(name))),
                CallbackEvent::String { value } => {
                    Some(Event::Text(String::from_utf8_lossy(value).into_owned()))
                }
                _ => None,
            }
        },
    );
    // Raw-text elements (script, style, textarea…) must not be tokenized as markup.
    emitter.naively_switch_states(true);

    // [0] builds the lines kept; [1] those of the furniture block being read, set aside in
    // case the block turns out to be the article (see MIN_ARTICLE_CHARS).
    let mut out = [Builder::default(), Builder::default()];
    let mut set_aside: Vec<(usize, Vec<Line>)> = Vec::new();
    let mut skip = [0u32; SKIPPED.len()];
    // Whether the text closes each skipped element anywhere, looked up on its first opening.
    // In a fragment (no <body>), one that is never closed is not skipped: pasted text with a
    // stray "<svg onload=…>" or "<nav>" keeps everything after it (a browser would swallow the
    // rest). In a whole document, an element left open is skipped until <body>, as before.
    let document = text.match_indices('<').any(|(at, _)| {
        text.as_bytes()
            .get(at + 1..at + 5)
            .is_some_and(|n| n.eq_ignore_ascii_case(b"body"))
    });
    let mut closed: [Option<bool>; SKIPPED.len()] = [None; SKIPPED.len()];
    let mut furniture: Option<Furniture> = None;
    // Whether the text closes an element of each furniture name, looked up once per name: a
    // fragment with many `<div class="ad">` must not scan the text for each.
    let mut furniture_closes: Vec<(Name, bool)> = Vec::new();
    let mut in_title = false;
    let mut title = String::new();
    // Open block elements (paragraphs, cells, list items…). Text outside all of them is bare
    // text, as in a plain-text file appended to a page: there a line break ends a line.
    let mut blocks = 0u32;
    let set_block_aside = |out: &mut [Builder; 2], set_aside: &mut Vec<(usize, Vec<Line>)>| {
        let mut block = std::mem::take(&mut out[1]);
        block.flush();
        if !block.lines.is_empty() {
            set_aside.push((out[0].lines.len(), block.lines));
        }
    };
    for event in Tokenizer::new_with_emitter(text, emitter).flatten() {
        // Inside furniture, elements of its own name find its end.
        let mut furniture_ends = false;
        if let Some(f) = furniture.as_mut() {
            match &event {
                Event::Open(_, false, name, _) if f.name == *name => {
                    f.depth = f.depth.saturating_add(1);
                }
                Event::Close(_, name) if f.name == *name => {
                    f.depth -= 1;
                    furniture_ends = f.depth == 0;
                }
                _ => {}
            }
        }
        let skipping = skip.iter().any(|&n| n > 0);
        let b = &mut out[usize::from(furniture.is_some())];
        match event {
            // Never the article or main element itself, whatever its classes say.
            Event::Open(Tag::Block, false, name, true)
                if !skipping
                    && furniture.is_none()
                    && !matches!(name.as_bytes(), b"article" | b"main")
                    && (document || closes(&mut furniture_closes, text, name)) =>
            {
                b.flush();
                blocks = blocks.saturating_add(1);
                furniture = Some(Furniture { name, depth: 1 });
            }
            Event::Open(Tag::Skip(i), self_closing, ..) => {
                let closes = match closed.get_mut(i) {
                    Some(known) => {
                        *known.get_or_insert_with(|| document || has_end_tag(text, SKIPPED[i]))
                    }
                    None => false,
                };
                if !self_closing && closes {
                    if let Some(n) = skip.get_mut(i) {
                        *n = n.saturating_add(1);
                    }
                }
            }
            Event::Close(Tag::Skip(i), _) => {
                if let Some(n) = skip.get_mut(i) {
                    *n = n.saturating_sub(1);
                }
            }
            Event::Open(Tag::Title, self_closing, ..) => in_title = !self_closing,
            Event::Close(Tag::Title, _) => in_title = false,
            Event::Open(Tag::Root, ..) | Event::Close(Tag::Root, _) => {
                skip = [0; SKIPPED.len()];
                blocks = 0;
                if furniture.take().is_some() {
                    set_block_aside(&mut out, &mut set_aside);
                }
                out[0].flush();
            }
            Event::Text(s) if in_title => title.push_str(&s),
            _ if skipping => {}
            Event::Open(t, self_closing, ..) => {
                if !self_closing && matches!(t, Tag::Block | Tag::Heading(_) | Tag::Li | Tag::Cell)
                {
                    blocks = blocks.saturating_add(1);
                }
                match t {
                    Tag::Block | Tag::Br => b.flush(),
                    Tag::Hr => {
                        b.flush();
                        b.lines.push(Line {
                            text: String::new(),
                            kind: Kind::Break,
                            link_only: false,
                        });
                    }
                    Tag::Heading(level) => {
                        b.flush();
                        b.kind = Kind::Heading(level);
                    }
                    Tag::Li => {
                        b.flush();
                        b.kind = Kind::Item;
                    }
                    Tag::Cell => b.separate(),
                    Tag::A if !self_closing => b.in_link += 1,
                    Tag::Pre if !self_closing => {
                        b.flush();
                        if b.in_pre == 0 {
                            b.pre_start = b.lines.len();
                        }
                        b.in_pre += 1;
                    }
                    _ => {}
                }
            }
            Event::Close(t, _) => match t {
                Tag::Block | Tag::Heading(_) | Tag::Li => {
                    blocks = blocks.saturating_sub(1);
                    b.flush();
                    b.kind = Kind::Para;
                }
                Tag::Cell => blocks = blocks.saturating_sub(1),
                Tag::A => b.in_link = b.in_link.saturating_sub(1),
                Tag::Pre => {
                    b.flush();
                    b.in_pre = b.in_pre.saturating_sub(1);
                    // Program code is not analyzed; preformatted prose is.
                    if b.in_pre == 0 && b.lines.get(b.pre_start..).is_some_and(is_code) {
                        b.lines.truncate(b.pre_start);
                    }
                }
                _ => {}
            },
            Event::Text(s) => b.text(&s, blocks == 0),
        }
        if furniture_ends && furniture.take().is_some() {
            set_block_aside(&mut out, &mut set_aside);
        }
    }
    if furniture.is_some() {
        set_block_aside(&mut out, &mut set_aside);
    }
    let [mut b, _] = out;
    b.flush();
    // A page whose only prose sits in a block named like furniture: that block is the article.
    let kept = prose_chars(&b.lines);
    if kept < MIN_ARTICLE_CHARS {
        let best = set_aside
            .iter()
            .enumerate()
            .map(|(k, (_, lines))| (k, prose_chars(lines)))
            .filter(|&(_, chars)| chars >= MIN_ARTICLE_CHARS)
            .max_by_key(|&(k, chars)| (chars, std::cmp::Reverse(k)));
        if let Some((k, _)) = best {
            let (at, lines) = set_aside.swap_remove(k);
            b.lines.splice(at..at, lines);
        }
    }
    let title = normalize(&title);
    Extracted {
        lines: b.lines,
        title: (!title.is_empty()).then_some(title),
    }
}

/// [`has_end_tag`] for `name`, remembered in `known`.
fn closes(known: &mut Vec<(Name, bool)>, text: &str, name: Name) -> bool {
    if let Some(&(_, found)) = known.iter().find(|(n, _)| *n == name) {
        return found;
    }
    let found = has_end_tag(text, name.as_bytes());
    known.push((name, found));
    found
}

/// True when `text` holds an end tag `</name` (ASCII case-insensitive) followed by `>`, `/`,
/// whitespace or the end.
fn has_end_tag(text: &str, name: &[u8]) -> bool {
    let bytes = text.as_bytes();
    text.match_indices("</").any(|(at, _)| {
        let start = at + 2;
        bytes
            .get(start..start + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && bytes
                .get(start + name.len())
                .is_none_or(|&c| c == b'>' || c == b'/' || c.is_ascii_whitespace())
    })
}

/// Accumulates the current line.
struct Builder {
    lines: Vec<Line>,
    buf: String,
    kind: Kind,
    in_link: u32,
    in_pre: u32,
    /// Where the lines of the outermost open `<pre>` start.
    pre_start: usize,
    link_chars: usize,
    plain_chars: usize,
    /// Newlines in the whitespace run not yet written (`None`: no pending whitespace).
    pending_ws: Option<u32>,
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            lines: Vec::new(),
            buf: String::new(),
            kind: Kind::Para,
            in_link: 0,
            in_pre: 0,
            pre_start: 0,
            link_chars: 0,
            plain_chars: 0,
            pending_ws: None,
        }
    }
}

impl Builder {
    /// Appends text; `bare` text (outside every block element) ends a line at each line break.
    fn text(&mut self, s: &str, bare: bool) {
        for c in s.chars() {
            if self.in_pre > 0 && c == '\n' {
                self.flush();
                continue;
            }
            if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u{c}' {
                // Bare text's line breaks count as blank lines: each ends a paragraph.
                let newlines = u32::from(c == '\n') * if bare { 2 } else { 1 };
                self.pending_ws = Some(self.pending_ws.unwrap_or(0).saturating_add(newlines));
                continue;
            }
            if let Some(newlines) = self.pending_ws.take() {
                // A blank line separates paragraphs (markdown posts mix HTML with blank-line
                // paragraphs); a single line break between two ideographs is no space at all.
                if newlines >= 2 {
                    self.flush();
                } else if !(newlines == 1
                    && self.buf.chars().last().is_some_and(is_han)
                    && is_han(c))
                {
                    self.buf.push(' ');
                }
            }
            if c.is_alphanumeric() {
                if self.in_link > 0 {
                    self.link_chars += 1;
                } else {
                    self.plain_chars += 1;
                }
            }
            self.buf.push(c);
        }
    }

    /// Whitespace between two pieces of text that markup alone keeps apart.
    fn separate(&mut self) {
        if !self.buf.is_empty() {
            self.pending_ws = Some(self.pending_ws.unwrap_or(0));
        }
    }

    fn flush(&mut self) {
        let text = normalize(&self.buf);
        if !text.is_empty() {
            let link_only = self.link_chars > 0 && self.plain_chars == 0;
            self.lines.push(Line {
                text,
                kind: self.kind,
                link_only,
            });
        }
        self.buf.clear();
        self.link_chars = 0;
        self.plain_chars = 0;
        self.pending_ws = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        extract(html).lines.into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn an_element_never_closed_does_not_swallow_the_rest() {
        // "<svg onload=…>" pasted into text with other tags: the text after it stays.
        let lines = texts("<p>第一段</p><svg onload=alert(1)><p>第二段的文字</p><p>第三段</p>");
        assert_eq!(lines, ["第一段", "第二段的文字", "第三段"]);
        let lines = texts("<p>甲</p><nav><p>乙</p>");
        assert_eq!(lines, ["甲", "乙"]);
        // Closed ones are still dropped, whatever the case of the end tag.
        assert_eq!(
            texts("<p>甲</p><SVG><text>图</text></Svg ><p>乙</p>"),
            ["甲", "乙"]
        );
        assert!(has_end_tag("a</svg>", b"svg") && has_end_tag("</SVG", b"svg"));
        assert!(!has_end_tag("</svgx>", b"svg") && !has_end_tag("</sv", b"svg"));
    }

    #[test]
    fn page_furniture_is_dropped_by_class_or_id() {
        let page = "<body><div id=\"content\"><h1>标题</h1><div class=\"bd\"><p>正文第一段。</p>\
            <div class=\"share-bar\"><div>分享到</div><span>微信</span></div><p>正文第二段。</p></div>\
            <div class=\"related\"><h3>相关阅读</h3><ul><li>别的新闻</li></ul></div>\
            <div id=\"commentList\"><p>网友A：点赞</p><div><p>网友B：好</p></div></div>\
            <p>正文结尾。</p></div><aside><h3>热点排行</h3><ol><li>明星新闻</li></ol></aside>\
            <footer>版权所有</footer></body>";
        assert_eq!(
            texts(page),
            ["标题", "正文第一段。", "正文第二段。", "正文结尾。"]
        );
        // Words inside class names are not furniture: content, article-body, shared-by…
        assert!(!is_furniture(b"content article-body") && !is_furniture(b"post-adsorb"));
        assert!(
            is_furniture(b"hotNews") && is_furniture(b"comments") && is_furniture(b"ad ads-top")
        );
        assert!(
            is_furniture(b"commentList")
                && is_furniture(b"sharebar")
                && is_furniture(b"advertisement")
        );
        assert!(is_furniture(b"relatedposts") && is_furniture(b"commentsection"));
        // A furniture word that only starts a longer word names something else.
        for name in [
            "commentary-body",
            "shareholder-news",
            "hotel-guide",
            "socialist",
        ] {
            assert!(!is_furniture(name.as_bytes()), "{name}");
        }
        // In a fragment, furniture never closed is not dropped (nor is what follows it), and
        // many of them stay linear.
        assert_eq!(texts("<p>甲</p><div class=\"ad\"><p>乙</p>"), ["甲", "乙"]);
        let many = "<div class=\"ad\">广告<p>文字</p>".repeat(50_000);
        assert_eq!(texts(&many).len(), 100_000);
        // The article element itself is never dropped.
        assert_eq!(
            texts("<article class=\"comments-open\"><p>正文。</p></article>"),
            ["正文。"]
        );
    }

    #[test]
    fn a_block_named_like_furniture_that_holds_the_only_prose_is_the_article() {
        let paragraph =
            "图书馆从本月起试行夜间开放，每周二至周六的闭馆时间由下午六点推迟到晚上九点半。";
        let body = format!("<p>{paragraph}</p>").repeat(3);
        // The whole story in a "hot-topic" block, beside a small share bar.
        let page = format!(
            "<body><h1>图书馆试行夜间开放</h1><div class=\"hot-topic\">{body}</div>\
             <div class=\"share\"><p>分享到微信</p></div></body>"
        );
        let lines = texts(&page);
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert_eq!(lines[0], "图书馆试行夜间开放");
        assert!(lines[1..].iter().all(|l| l == paragraph), "{lines:?}");
        // With the story outside it, the same block is furniture again.
        let page = format!(
            "<body><h1>图书馆试行夜间开放</h1>{body}<div class=\"hot-topic\">{body}</div></body>"
        );
        assert_eq!(texts(&page).len(), 4);
        // A short brief beside a long comment thread: the brief is the article.
        let page = format!(
            "<body><h1>图书馆试行夜间开放</h1><p>图书馆从本月起试行夜间开放，闭馆推迟到晚上九点半，方便下班以后来借书的读者。</p>\
             <div class=\"comments\">{body}</div></body>"
        );
        assert_eq!(
            texts(&page),
            [
                "图书馆试行夜间开放",
                "图书馆从本月起试行夜间开放，闭馆推迟到晚上九点半，方便下班以后来借书的读者。"
            ]
        );
    }

    #[test]
    fn detection() {
        assert!(looks_like_html("<p>一</p>"));
        assert!(looks_like_html("<!DOCTYPE html><title>x</title>"));
        assert!(!looks_like_html("a < b and c > d"));
        assert!(!looks_like_html("链接 <http://example.com/a>"));
    }

    #[test]
    fn blocks_breaks_entities_and_dropped_elements() {
        let html = "<html><head><title>T</title><style>p{color:red}</style></head><body>\
            <nav><a href=/>首页</a></nav><h2>标题</h2><p>甲&amp;乙<br>丙&nbsp;丁</p>\
            <script>if (a<b) document.write('<p>x</p>')</script><ul><li>一</li><li>二</li></ul></body></html>";
        let e = extract(html);
        assert_eq!(e.title.as_deref(), Some("T"));
        let lines: Vec<(String, Kind)> = e.lines.into_iter().map(|l| (l.text, l.kind)).collect();
        assert_eq!(
            lines,
            [
                ("标题".to_string(), Kind::Heading(2)),
                ("甲&乙".to_string(), Kind::Para),
                ("丙 丁".to_string(), Kind::Para),
                ("一".to_string(), Kind::Item),
                ("二".to_string(), Kind::Item),
            ]
        );
    }

    #[test]
    fn link_only_lines_are_flagged() {
        let e =
            extract("<p><a href=x>返回</a> | <a href=y>首页</a></p><p>见<a href=z>此处</a>。</p>");
        assert!(e.lines[0].link_only);
        assert!(!e.lines[1].link_only);
    }

    #[test]
    fn program_code_in_pre_is_left_out_and_preformatted_prose_kept() {
        assert_eq!(
            texts("<p>部署步骤如下。</p><pre><code>kubectl apply -f deploy.yaml\n}\n</code></pre><p>完成。</p>"),
            ["部署步骤如下。", "完成。"]
        );
        assert_eq!(
            texts("<pre>床前明月光，\n疑是地上霜。</pre>"),
            ["床前明月光，", "疑是地上霜。"]
        );
    }

    #[test]
    fn soft_line_breaks() {
        assert_eq!(texts("<p>惠及企\n业群众</p>"), ["惠及企业群众"]);
        assert_eq!(texts("<p>word\nwrap</p>"), ["word wrap"]);
        assert_eq!(texts("<div>一段\n\n二段</div>"), ["一段", "二段"]);
        // Text outside every block (a plain-text file appended to a page) keeps its lines.
        assert_eq!(
            texts("<p>一段</p>\n全媒体记者/旷昆红\n通讯员/张敬尧 摄\n<p>二段</p>"),
            ["一段", "全媒体记者/旷昆红", "通讯员/张敬尧 摄", "二段"]
        );
        assert_eq!(texts("<table><tr><td>区县</td><td>计划数</td></tr><tr><th>东区</th><td>80</td></tr></table>"), ["区县 计划数", "东区 80"]);
    }

    #[test]
    fn deep_nesting_and_unclosed_elements() {
        let deep = "<div>".repeat(100_000) + "深处" + &"</div>".repeat(100_000);
        assert_eq!(texts(&deep), ["深处"]);
        assert_eq!(texts("<p>开<b>头"), ["开头"]);
        // An element left open in the head ends where the body starts.
        assert_eq!(texts("<object>插件提示<body>正文</body>后"), ["正文", "后"]);
        assert_eq!(texts("<nav>菜单</nav><p>正文</p>"), ["正文"]);
    }
}
