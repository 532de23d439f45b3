//! Front matter: the `---` block of YAML (or `+++` block of TOML) that static-site posts start
//! with.
//!
//! Only the keys an article needs are read — `title`, `date`, `author`, `source`, `tags`,
//! `categories` — as scalars, quoted strings, flow lists (`[a, b]`) or block lists (`- a`).
//! A YAML library would add tens of kilobytes of WebAssembly for anchors, multi-line strings and
//! types that post headers do not use. Other keys are skipped; nothing here can fail.

/// Metadata read from front matter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// `title`
    pub title: Option<String>,
    /// `date` as written.
    pub date: Option<String>,
    /// `author`
    pub author: Option<String>,
    /// `source`
    pub source: Option<String>,
    /// `tags` / `tag` (a scalar is split on whitespace and commas, as Jekyll does).
    pub tags: Vec<String>,
    /// `categories` / `category`
    pub categories: Vec<String>,
}

/// Separates front matter from the body.
///
/// A block that is never closed still counts for its leading `key: value` lines, so a broken
/// header does not leak its keys into the article text.
///
/// ```
/// use wenxi::ingest::frontmatter::split;
/// let (fm, body) = split("---\ntitle: \"标题\"\ntags: [甲, 乙]\n---\n正文");
/// let fm = fm.unwrap();
/// assert_eq!(fm.title.as_deref(), Some("标题"));
/// assert_eq!(fm.tags, ["甲", "乙"]);
/// assert_eq!(body, "正文");
/// ```
pub fn split(text: &str) -> (Option<FrontMatter>, &str) {
    let start = text.len()
        - text
            .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
            .len();
    let rest = text.get(start..).unwrap_or_default();
    let mut lines = rest.split_inclusive('\n');
    let fence = match lines.next().map(|l| l.trim_end()) {
        Some(f @ ("---" | "+++")) => f,
        _ => return (None, text),
    };
    let mut offset = start + rest.find('\n').map_or(rest.len(), |i| i + 1);
    let body_start = offset;
    let mut fm = FrontMatter::default();
    let mut list_key: Option<String> = None;
    let mut keys = 0usize;
    let mut last_yaml_end = body_start;
    for line in lines {
        let trimmed = line.trim_end();
        offset += line.len();
        if trimmed == fence || (fence == "---" && trimmed == "...") {
            return (Some(fm), text.get(offset..).unwrap_or_default());
        }
        let Some(entry) = parse_line(trimmed, fence == "+++") else {
            break; // not front matter: the block was never closed
        };
        match entry {
            Entry::Key(key, value) => {
                keys += 1;
                list_key = value.is_empty().then(|| key.clone());
                fm.set(&key, &value);
            }
            Entry::ListItem(value) => {
                if let Some(key) = &list_key {
                    fm.push(key, value);
                }
            }
            Entry::Other => {}
        }
        last_yaml_end = offset;
    }
    if keys == 0 {
        return (None, text);
    }
    (Some(fm), text.get(last_yaml_end..).unwrap_or_default())
}

/// Splits text made of several posts pasted one after another, each with its own front
/// matter, into one slice per post. A `---` (or `+++`) line starts a new post only when a
/// closed block follows it, holding a key posts have (`title`, `date`, `layout`…): a rule
/// between paragraphs stays in its post.
///
/// ```
/// use wenxi::ingest::frontmatter::posts;
/// let text = "---\ntitle: 甲\n---\n正文甲。\n\n---\n\n---\nlayout: post\ntitle: 乙\n---\n正文乙。";
/// let parts = posts(text);
/// assert_eq!(parts.len(), 2);
/// assert!(parts[0].ends_with("正文甲。\n\n---\n\n"));
/// assert!(parts[1].starts_with("---\nlayout: post"));
/// ```
pub fn posts(text: &str) -> Vec<&str> {
    let mut cuts = vec![0];
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_end();
        if offset > 0 && matches!(t, "---" | "+++") && is_post_header(&text[offset..]) {
            cuts.push(offset);
        } else if let Some(before) = t.strip_suffix("---").filter(|b| !b.ends_with('-')) {
            // Files joined with `cat` where the first lacks a final newline: the fence ends
            // the previous file's last line.
            let at = offset + before.len();
            if !before.trim().is_empty() && is_post_header(&text[at..]) {
                cuts.push(at);
            }
        }
        offset += line.len();
    }
    cuts.push(text.len());
    cuts.windows(2)
        .filter_map(|w| text.get(w[0]..w[1]))
        .collect()
}

/// Longest header looked for after a fence inside a text, in lines (keeps [`posts`] linear).
const MAX_HEADER_LINES: usize = 40;

/// True when `text` opens with a closed front-matter block that names a post key.
fn is_post_header(text: &str) -> bool {
    let mut lines = text.lines();
    let Some(fence) = lines.next().map(str::trim_end) else {
        return false;
    };
    let mut post_key = false;
    for line in lines.take(MAX_HEADER_LINES) {
        if line.trim_end() == fence {
            return post_key;
        }
        match parse_line(line.trim_end(), fence == "+++") {
            Some(Entry::Key(key, _)) => {
                post_key |= matches!(
                    key.as_str(),
                    "title" | "date" | "layout" | "author" | "tags" | "categories" | "slug"
                );
            }
            Some(_) => {}
            None => return false,
        }
    }
    false
}

enum Entry {
    Key(String, String),
    ListItem(String),
    Other,
}

/// One line of the block, or `None` when it cannot be front matter.
fn parse_line(line: &str, toml: bool) -> Option<Entry> {
    let content = line.trim();
    if content.is_empty() || content.starts_with('#') {
        return Some(Entry::Other);
    }
    if let Some(item) = content
        .strip_prefix("- ")
        .or_else(|| (content == "-").then_some(""))
    {
        return Some(Entry::ListItem(unquote(item.trim()).to_string()));
    }
    if toml && content.starts_with('[') {
        return Some(Entry::Other); // a TOML table header
    }
    let sep = if toml { '=' } else { ':' };
    let (key, value) = content.split_once(sep)?;
    let key = key.trim();
    let key_ok = !key.is_empty()
        && key.len() <= 40
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ' ' | '.' | '"' | '\''));
    if !key_ok {
        // Indented continuation of a multi-line value: part of the block, not a key.
        return line.starts_with([' ', '\t']).then_some(Entry::Other);
    }
    Some(Entry::Key(
        unquote(key).to_ascii_lowercase(),
        value.trim().to_string(),
    ))
}

fn unquote(s: &str) -> &str {
    let s = s.trim();
    for q in ['"', '\''] {
        if let Some(inner) = s.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner;
        }
    }
    s
}

impl FrontMatter {
    fn set(&mut self, key: &str, value: &str) {
        let scalar = || {
            let v = unquote(value).trim();
            (!v.is_empty()).then(|| v.to_string())
        };
        match key {
            "title" => self.title = scalar(),
            "date" => self.date = scalar(),
            "author" => self.author = scalar(),
            "source" => self.source = scalar(),
            "tags" | "tag" | "keywords" => self.tags.extend(list(value)),
            "categories" | "category" => self.categories.extend(list(value)),
            _ => {}
        }
    }

    fn push(&mut self, key: &str, value: String) {
        if value.is_empty() {
            return;
        }
        match key {
            "tags" | "tag" | "keywords" => self.tags.push(value),
            "categories" | "category" => self.categories.push(value),
            _ => {}
        }
    }
}

/// `[a, "b"]`, `a, b` or `a b` → items.
fn list(value: &str) -> Vec<String> {
    let v = value.trim();
    let inner = v.strip_prefix('[').and_then(|r| r.strip_suffix(']'));
    let quoted = inner.is_none() && (v.starts_with('"') || v.starts_with('\''));
    let inner = inner.unwrap_or(v);
    let parts: Vec<&str> = if quoted {
        vec![unquote(inner)]
    } else if inner.contains(',') || inner.contains('，') {
        inner.split([',', '，']).collect()
    } else {
        inner.split_whitespace().collect()
    };
    parts
        .into_iter()
        .map(unquote)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jekyll_header() {
        let text = "---\nlayout: post\ntitle: \"株齿项目\"\ndate: 2022-01-05 08:28:48 +0800\ncategories: a b\ntags:\n  - 新闻\n  - '株洲'\n---\n<p>x</p>";
        let (fm, body) = split(text);
        let fm = fm.unwrap();
        assert_eq!(fm.title.as_deref(), Some("株齿项目"));
        assert_eq!(fm.date.as_deref(), Some("2022-01-05 08:28:48 +0800"));
        assert_eq!(fm.categories, ["a", "b"]);
        assert_eq!(fm.tags, ["新闻", "株洲"]);
        assert_eq!(body, "<p>x</p>");
    }

    #[test]
    fn toml_header() {
        let (fm, body) = split("+++\ntitle = \"T\"\n[extra]\n+++\nbody");
        assert_eq!(fm.unwrap().title.as_deref(), Some("T"));
        assert_eq!(body, "body");
    }

    #[test]
    fn unclosed_header_keeps_its_keys_out_of_the_body() {
        let (fm, body) = split("---\ntitle: 标题\ndate: 2022\n正文第一段。\n第二段。");
        assert_eq!(fm.unwrap().date.as_deref(), Some("2022"));
        assert_eq!(body, "正文第一段。\n第二段。");
    }

    #[test]
    fn a_fence_glued_to_the_previous_files_last_line_starts_a_post() {
        let text = "第一篇的最后一句。---\ntitle: 乙\n---\n正文乙。";
        assert_eq!(
            posts(text),
            ["第一篇的最后一句。", "---\ntitle: 乙\n---\n正文乙。"]
        );
        // Not a fence: a longer rule, or dashes with no header after them.
        assert_eq!(posts("正文----\ntitle: 乙\n---\n").len(), 1);
        assert_eq!(posts("正文---\n下一段。\n").len(), 1);
    }

    #[test]
    fn a_rule_is_not_front_matter() {
        let text = "---\n这是一段正文，不是键值。\n";
        assert_eq!(split(text), (None, text));
        assert_eq!(split("no header").0, None);
    }
}
