//! HTML → lines, with the WHATWG tokenizer of the `html5gum` crate.
//!
//! A tokenizer and no tree: nesting depth costs nothing, so 100 000 nested tags cannot exhaust a
//! stack, and mis-nested tag soup is read the way it streams. Block elements and `<br>` end
//! lines; `<h1>`–`<h6>` and `<li>` keep their role; `<script>`, `<style>`, `<nav>`, form
//! controls and figure captions are dropped; entities are decoded by the tokenizer; `<title>`
//! is kept aside as a fallback headline.

use super::lines::{normalize, Kind, Line};
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

const SKIPPED: [&[u8]; 13] = [
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"iframe",
    b"svg",
    b"math",
    b"object",
    b"nav",
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
        b"p" | b"div" | b"section" | b"article" | b"main" | b"header" | b"footer" | b"aside"
        | b"blockquote" | b"ul" | b"ol" | b"dl" | b"table" | b"thead" | b"tbody" | b"tfoot"
        | b"tr" | b"caption" | b"figure" | b"address" | b"center" | b"details" | b"summary"
        | b"dialog" | b"fieldset" | b"form" | b"legend" | b"option" | b"hgroup" | b"menu" => {
            Tag::Block
        }
        b"span" | b"b" | b"i" | b"em" | b"strong" | b"u" | b"font" | b"img" | b"small" | b"sup"
        | b"sub" | b"meta" | b"link" | b"label" | b"input" | b"code" | b"mark" | b"abbr"
        | b"cite" | b"q" | b"time" | b"s" => Tag::Inline,
        _ => Tag::Other,
    }
}

enum Event {
    Open(Tag, bool),
    Close(Tag),
    Text(String),
}

/// Extracts the text lines of an HTML document.
pub(crate) fn extract(text: &str) -> Extracted {
    let mut pending = Tag::Other;
    let mut emitter = CallbackEmitter::new(
        move |event: CallbackEvent<'_>, _: Span<()>| -> Option<Event> {
            match event {
                CallbackEvent::OpenStartTag { name } => {
                    pending = tag(name);
                    None
                }
                CallbackEvent::CloseStartTag { self_closing } => {
                    Some(Event::Open(pending, self_closing))
                }
                CallbackEvent::EndTag { name } => Some(Event::Close(tag(name))),
                CallbackEvent::String { value } => {
                    Some(Event::Text(String::from_utf8_lossy(value).into_owned()))
                }
                _ => None,
            }
        },
    );
    // Raw-text elements (script, style, textarea…) must not be tokenized as markup.
    emitter.naively_switch_states(true);

    let mut b = Builder::default();
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
    let mut in_title = false;
    let mut title = String::new();
    for event in Tokenizer::new_with_emitter(text, emitter).flatten() {
        let skipping = skip.iter().any(|&n| n > 0);
        match event {
            Event::Open(Tag::Skip(i), self_closing) => {
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
            Event::Close(Tag::Skip(i)) => {
                if let Some(n) = skip.get_mut(i) {
                    *n = n.saturating_sub(1);
                }
            }
            Event::Open(Tag::Title, self_closing) => in_title = !self_closing,
            Event::Close(Tag::Title) => in_title = false,
            Event::Open(Tag::Root, _) | Event::Close(Tag::Root) => {
                skip = [0; SKIPPED.len()];
                b.flush();
            }
            Event::Text(s) if in_title => title.push_str(&s),
            _ if skipping => {}
            Event::Open(t, self_closing) => match t {
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
                    b.in_pre += 1;
                }
                _ => {}
            },
            Event::Close(t) => match t {
                Tag::Block | Tag::Heading(_) | Tag::Li => {
                    b.flush();
                    b.kind = Kind::Para;
                }
                Tag::A => b.in_link = b.in_link.saturating_sub(1),
                Tag::Pre => {
                    b.flush();
                    b.in_pre = b.in_pre.saturating_sub(1);
                }
                _ => {}
            },
            Event::Text(s) => b.text(&s),
        }
    }
    b.flush();
    let title = normalize(&title);
    Extracted {
        lines: b.lines,
        title: (!title.is_empty()).then_some(title),
    }
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
            link_chars: 0,
            plain_chars: 0,
            pending_ws: None,
        }
    }
}

impl Builder {
    fn text(&mut self, s: &str) {
        for c in s.chars() {
            if self.in_pre > 0 && c == '\n' {
                self.flush();
                continue;
            }
            if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u{c}' {
                let newlines = u32::from(c == '\n');
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
    fn soft_line_breaks() {
        assert_eq!(texts("<p>惠及企\n业群众</p>"), ["惠及企业群众"]);
        assert_eq!(texts("<p>word\nwrap</p>"), ["word wrap"]);
        assert_eq!(texts("<div>一段\n\n二段</div>"), ["一段", "二段"]);
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
