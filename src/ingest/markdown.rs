//! Markdown → lines, by line rules.
//!
//! Articles use a small part of Markdown: ATX and setext headings, list markers, block quotes,
//! rules, links, images, emphasis and code marks. A full CommonMark parser (pulldown-cmark)
//! costs about 210 KB of WebAssembly and gives nothing more for prose; worse, its indented-code
//! rule would turn paragraphs indented with spaces — common in Chinese text — into code. These
//! rules are one pass per line and linear even on a multi-megabyte line.

use super::lines::{is_code, is_rule, normalize, Kind, Line};

/// True when the text uses Markdown syntax: an ATX heading, a link or image, or a code fence.
pub(crate) fn looks_like_markdown(text: &str) -> bool {
    super::lines::raw_lines(text).any(|raw| {
        let l = raw.trim_start();
        atx(l).is_some() || l.starts_with("```") || (l.contains("](") && l.contains('['))
    })
}

/// Lines of a Markdown text.
pub(crate) fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut state = State::default();
    for raw in super::lines::raw_lines(text) {
        push_line(raw, Kind::Para, &mut state, &mut out);
    }
    end_fence(&state, &mut out);
    out
}

/// Applies the Markdown rules to lines another format produced (a post that mixes HTML and
/// Markdown): paragraph lines get block and inline rules, headings and items inline rules.
pub(crate) fn refine(lines: Vec<Line>) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    let mut state = State::default();
    for line in lines {
        if line.link_only || line.kind == Kind::Break {
            out.push(line);
            continue;
        }
        push_line(&line.text, line.kind, &mut state, &mut out);
        state.previous_was_text = false;
    }
    end_fence(&state, &mut out);
    out
}

/// Drops the fenced block being read if it is code.
fn end_fence(state: &State, out: &mut Vec<Line>) {
    if state.in_fence && out.get(state.fence_start..).is_some_and(is_code) {
        out.truncate(state.fence_start);
    }
}

#[derive(Default)]
struct State {
    in_fence: bool,
    /// Where the lines of the open fence start in the output.
    fence_start: usize,
    in_comment: bool,
    /// The previous raw line was paragraph text (a setext underline may follow).
    previous_was_text: bool,
}

fn push_line(raw: &str, kind: Kind, state: &mut State, out: &mut Vec<Line>) {
    let mut l = raw.trim();
    let was_text = std::mem::replace(&mut state.previous_was_text, false);
    if state.in_comment {
        if let Some((_, after)) = l.split_once("-->") {
            state.in_comment = false;
            l = after.trim();
        } else {
            return;
        }
    }
    if l.starts_with("```") || l.starts_with("~~~") {
        end_fence(state, out);
        state.in_fence = !state.in_fence;
        state.fence_start = out.len();
        return;
    }
    if state.in_fence {
        let text = normalize(l);
        if !text.is_empty() {
            out.push(Line::para(text));
        }
        return;
    }
    if l.starts_with("<!--") {
        match l.split_once("-->") {
            Some((_, after)) => l = after.trim(),
            None => {
                state.in_comment = true;
                return;
            }
        }
    }
    while let Some(rest) = l.strip_prefix('>') {
        l = rest.trim_start();
    }
    if l.is_empty() {
        return;
    }
    if kind == Kind::Para {
        if let Some(underline) = setext(l) {
            if was_text {
                if let Some(last) = out.last_mut() {
                    last.kind = Kind::Heading(underline);
                    return;
                }
            }
        }
        if is_rule(l) {
            out.push(Line {
                text: String::new(),
                kind: Kind::Break,
                link_only: false,
            });
            return;
        }
        if is_reference_definition(l) || is_table_separator(l) {
            return;
        }
    }
    let (mut kind, mut content) = (kind, l);
    if kind == Kind::Para {
        if let Some((level, text)) = atx(l) {
            kind = Kind::Heading(level);
            content = text;
        } else if let Some(text) = list_item(l) {
            kind = Kind::Item;
            content = text;
        }
    }
    let content = content
        .strip_prefix('|')
        .map_or(content, |c| c.strip_suffix('|').unwrap_or(c));
    let (text, link_only) = inline(content);
    let text = if content.contains('|') && l.starts_with('|') {
        normalize(&text.replace('|', " "))
    } else {
        text
    };
    if text.is_empty() {
        return;
    }
    state.previous_was_text = kind == Kind::Para;
    out.push(Line {
        text,
        kind,
        link_only,
    });
}

/// `# Title #` → (1, "Title").
fn atx(l: &str) -> Option<(u8, &str)> {
    let hashes = l.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = l.get(hashes..)?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let text = rest.trim();
    let text = text.trim_end_matches('#');
    // A closing sequence must be preceded by a space; otherwise the hashes are content.
    let text = if text.len() < rest.trim().len() && !(text.is_empty() || text.ends_with(' ')) {
        rest.trim()
    } else {
        text.trim_end()
    };
    Some((hashes as u8, text))
}

fn setext(l: &str) -> Option<u8> {
    let first = l.chars().next()?;
    (matches!(first, '=' | '-') && l.chars().all(|c| c == first)).then_some(if first == '=' {
        1
    } else {
        2
    })
}

fn is_reference_definition(l: &str) -> bool {
    l.starts_with('[')
        && l.split_once("]:")
            .is_some_and(|(label, _)| !label.contains(']'))
}

fn is_table_separator(l: &str) -> bool {
    l.contains('-') && l.contains('|') && l.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// `- x`, `* x`, `+ x`, `1. x`, `1) x` → "x".
fn list_item(l: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = l.strip_prefix(marker) {
            return Some(rest.trim_start());
        }
    }
    let digits = l.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = l.get(digits..)?;
        let rest = rest
            .strip_prefix(". ")
            .or_else(|| rest.strip_prefix(") "))?;
        return Some(rest.trim_start());
    }
    None
}

/// Finds the next occurrence of one character at or after a position, remembering the answer
/// so that a scan moving forward over many candidates stays linear.
struct Finder {
    target: char,
    found: Option<usize>,
    none_from: Option<usize>,
}

impl Finder {
    fn new(target: char) -> Self {
        Finder {
            target,
            found: None,
            none_from: None,
        }
    }

    fn find(&mut self, chars: &[char], from: usize) -> Option<usize> {
        if let Some(p) = self.found.filter(|&p| p >= from) {
            return Some(p);
        }
        if self.none_from.is_some_and(|n| from >= n) {
            return None;
        }
        let hit = chars
            .get(from..)
            .and_then(|rest| rest.iter().position(|&c| c == self.target))
            .map(|p| from + p);
        match hit {
            Some(p) => self.found = Some(p),
            None => self.none_from = Some(from),
        }
        hit
    }
}

/// Inline rules: links keep their text, images and autolinks go, emphasis and code marks go,
/// backslash escapes resolve. Returns the text and whether all of it was link text.
fn inline(s: &str) -> (String, bool) {
    let chars: Vec<char> = s.chars().collect();
    let count = |c: char| chars.iter().filter(|&&x| x == c).count();
    // Marks are dropped only when they pair up on the line, so a lone `*` or `_` stays.
    let strip_star = count('*') % 2 == 0;
    let strip_under = count('_') % 2 == 0;
    let strip_tilde = count('~') % 4 == 0;
    let mut out = Emit {
        text: String::with_capacity(s.len()),
        link_chars: 0,
        plain_chars: 0,
    };
    let (mut close_bracket, mut close_paren, mut close_angle) =
        (Finder::new(']'), Finder::new(')'), Finder::new('>'));
    let at = |i: usize| chars.get(i).copied();
    let mut i = 0;
    while let Some(c) = at(i) {
        match c {
            '\\' if at(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                out.push(at(i + 1).unwrap_or(c), false);
                i += 2;
            }
            '[' | '!' if c == '[' || at(i + 1) == Some('[') => {
                let open = if c == '!' { i + 1 } else { i };
                let Some(close) = close_bracket.find(&chars, open + 1) else {
                    out.push(c, false);
                    i += 1;
                    continue;
                };
                let end = match at(close + 1) {
                    Some('(') => close_paren
                        .find(&chars, close + 2)
                        .map(|first| balanced_close(&chars, close + 2, first)),
                    Some('[') if c == '[' => close_bracket.find(&chars, close + 2),
                    _ => None,
                };
                match end {
                    Some(end) => {
                        if c == '[' {
                            for &t in chars.get(open + 1..close).unwrap_or_default() {
                                if !matches!(t, '*' | '_' | '`') {
                                    out.push(t, true);
                                }
                            }
                        }
                        i = end + 1;
                    }
                    None => {
                        out.push(c, false);
                        i += 1;
                    }
                }
            }
            '<' if autolink_start(chars.get(i + 1..).unwrap_or_default()) => {
                match close_angle.find(&chars, i + 1) {
                    Some(end) => i = end + 1,
                    None => {
                        out.push(c, false);
                        i += 1;
                    }
                }
            }
            '`' => i += 1,
            '*' if strip_star => i += 1,
            '_' if strip_under
                && !(at(i.wrapping_sub(1)).is_some_and(char::is_alphanumeric)
                    && at(i + 1).is_some_and(char::is_alphanumeric)) =>
            {
                i += 1
            }
            '~' if strip_tilde
                && (at(i + 1) == Some('~') || at(i.wrapping_sub(1)) == Some('~')) =>
            {
                i += 1
            }
            _ => {
                out.push(c, false);
                i += 1;
            }
        }
    }
    let link_only = out.link_chars > 0 && out.plain_chars == 0;
    (normalize(&out.text), link_only)
}

/// The `)` that ends a link destination starting at `start`, given the first `)` after it:
/// a destination may hold balanced parentheses ("…/Foo_(bar))"). Looks at most a few hundred
/// characters, so many unbalanced links on one line stay linear; falls back to `first`.
fn balanced_close(chars: &[char], start: usize, first: usize) -> usize {
    const LOOK: usize = 256;
    if first - start > LOOK {
        return first;
    }
    let mut depth = chars[start..first].iter().filter(|&&c| c == '(').count();
    if depth == 0 {
        return first;
    }
    depth -= 1; // `first` closes one of them
    for (i, &c) in chars.iter().enumerate().skip(first + 1).take(LOOK) {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return i,
            ')' => depth -= 1,
            c if c.is_whitespace() => break,
            _ => {}
        }
    }
    first
}

fn autolink_start(rest: &[char]) -> bool {
    ["http://", "https://", "mailto:", "www.", "ftp://"]
        .iter()
        .any(|p| {
            p.chars()
                .zip(rest.iter())
                .filter(|(a, b)| a.eq_ignore_ascii_case(b))
                .count()
                == p.len()
        })
}

struct Emit {
    text: String,
    link_chars: usize,
    plain_chars: usize,
}

impl Emit {
    fn push(&mut self, c: char, in_link: bool) {
        if c.is_alphanumeric() {
            if in_link {
                self.link_chars += 1;
            } else {
                self.plain_chars += 1;
            }
        }
        self.text.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> (String, Kind) {
        let l = lines(s);
        assert_eq!(l.len(), 1, "{l:?}");
        (l[0].text.clone(), l[0].kind)
    }

    #[test]
    fn fenced_code_is_left_out_and_a_fenced_poem_kept() {
        let texts = |s: &str| lines(s).into_iter().map(|l| l.text).collect::<Vec<_>>();
        assert_eq!(
            texts("步骤如下。\n\n```yaml\napiVersion: apps/v1\nkind: Deployment\n}\n```\n\n完成。"),
            ["步骤如下。", "完成。"]
        );
        assert_eq!(
            texts("```\n床前明月光，\n疑是地上霜。\n```"),
            ["床前明月光，", "疑是地上霜。"]
        );
        // An unclosed fence of code ends with the text.
        assert_eq!(texts("说明。\n```\nfn main() {}\n"), ["说明。"]);
    }

    #[test]
    fn headings_and_markers() {
        assert_eq!(
            one("### 数字搭桥 为政府高效赋能"),
            ("数字搭桥 为政府高效赋能".into(), Kind::Heading(3))
        );
        assert_eq!(one("## 标题 ##"), ("标题".into(), Kind::Heading(2)));
        assert_eq!(one("#5G不是标题"), ("#5G不是标题".into(), Kind::Para));
        assert_eq!(
            one("- 1.“一件事一次办”实现协同。"),
            ("1.“一件事一次办”实现协同。".into(), Kind::Item)
        );
        assert_eq!(one("2. 第二项"), ("第二项".into(), Kind::Item));
        assert_eq!(one("> 引用的话"), ("引用的话".into(), Kind::Para));
        let setext = lines("标题\n===\n\n正文");
        assert_eq!(setext[0].kind, Kind::Heading(1));
        assert_eq!(lines("正文\n\n---\n")[1].kind, Kind::Break);
    }

    #[test]
    fn inline_rules() {
        assert_eq!(
            inline("见[市政府网站](http://x.cn/a_b)和**重点**工作").0,
            "见市政府网站和重点工作"
        );
        assert_eq!(inline("![图片说明](a.jpg)正文").0, "正文");
        // Parentheses inside the destination, balanced or not.
        assert_eq!(
            inline("见[词条](https://zh.wikipedia.org/wiki/A_(B))一文").0,
            "见词条一文"
        );
        assert_eq!(inline("见[词条](http://a.cn/x(y)z)。").0, "见词条。");
        assert_eq!(inline("见[词条](http://a.cn/x(y)。").0, "见词条。");
        assert_eq!(inline("地址 <https://example.com/x> 结束").0, "地址 结束");
        assert_eq!(inline("snake_case 与 2*3").0, "snake_case 与 2*3");
        assert_eq!(inline(r"\*转义\*").0, "*转义*");
        let (text, link_only) = inline("[返回株洲日报新闻](//a.com/x.html)｜[返回首页](//a.com/)");
        assert_eq!(text, "返回株洲日报新闻｜返回首页");
        assert!(link_only);
    }

    #[test]
    fn many_unclosed_brackets_stay_linear() {
        let s = "[".repeat(200_000) + &"](".repeat(200_000);
        let (text, _) = inline(&s);
        assert!(text.len() >= 200_000);
    }
}
