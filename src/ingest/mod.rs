//! Ingestion: bytes → text → cleaned articles.
//!
//! The pipeline, one module each:
//! 1. [`decode`]: bytes → text (UTF-8, UTF-16, GB18030/GBK).
//! 2. [`frontmatter`]: a post's `---` header → title, date, tags, categories.
//! 3. Format → lines: `html` (a WHATWG tokenizer), `markdown` (line rules) or plain text, each
//!    line with its role (paragraph, heading, list item) and whitespace normalized.
//! 4. `classify`: each line is kept, read as a byline, credit or meta line, or dropped as page
//!    noise (`noise`: URLs, navigation, contacts, masthead, captions, copyright blocks;
//!    `byline`: credits and meta lines).
//! 5. `layout`: paragraphs cut by print layout are joined again.
//! 6. `split`: headline groups start articles; each gets title, kicker, subtitle, byline, date,
//!    source and a body whose paragraphs and section headings are separated by `\n`.
//!
//! Every step is linear in the input size and never panics.

mod byline;
mod classify;
pub mod decode;
pub mod frontmatter;
mod html;
mod layout;
mod lines;
mod markdown;
mod noise;
mod split;

use crate::error::Error;

/// One article found in an input, cleaned and ready to analyze.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Article {
    /// Headline.
    pub title: Option<String>,
    /// Line above the headline (引题).
    pub kicker: Option<String>,
    /// Line below the headline (副题).
    pub subtitle: Option<String>,
    /// Byline.
    pub byline: Option<String>,
    /// Date as written.
    pub date: Option<String>,
    /// Source or publication.
    pub source: Option<String>,
    /// Tags from the input's front matter.
    pub tags: Vec<String>,
    /// Categories: front-matter categories, then column banners printed over the headline.
    pub categories: Vec<String>,
    /// Cleaned body: paragraphs and section headings, one a line, separated by `\n`.
    pub body: String,
}

/// Splits decoded text into cleaned articles.
///
/// Empty or noise-only input gives no article; text without any headline gives one untitled
/// article.
///
/// ```
/// let text = "市委常委会召开会议\n\n本报讯(记者/王娜) 10月8日，市委常委会召开会议。\n\n会议强调，要抓好落实。\n\n\
///             我市启动示范区建设\n\n本报记者/李华\n\n9月14日，示范区建设启动。";
/// let articles = wenxi::ingest::articles(text);
/// assert_eq!(articles.len(), 2);
/// assert_eq!(articles[0].title.as_deref(), Some("市委常委会召开会议"));
/// assert_eq!(articles[0].byline.as_deref(), Some("记者/王娜"));
/// assert_eq!(articles[0].body, "10月8日，市委常委会召开会议。\n会议强调，要抓好落实。");
/// assert_eq!(articles[1].byline.as_deref(), Some("本报记者/李华"));
/// ```
pub fn articles(text: &str) -> Vec<Article> {
    // Posts pasted one after another (each with its front matter) are read one by one: each
    // has its own format and metadata.
    frontmatter::posts(text)
        .into_iter()
        .flat_map(post_articles)
        .collect()
}

/// Cleans text known to be one article (the article of a web page, say): read like
/// [`articles`], then joined. The first article's title and metadata are the article's (a
/// masthead stays its source); each later one's headline heads its section. `None` for empty
/// or noise-only text.
///
/// ```
/// let text = "青溪市图书馆试行夜间开放\n\n本报讯 图书馆从本月起试行夜间开放。\n\n＊＊＊\n\n\
///             读者反映热烈\n\n记者/李华\n\n试行第一周，夜间到馆的读者超过一千人次。";
/// assert_eq!(wenxi::ingest::articles(text).len(), 2);
/// let one = wenxi::ingest::article(text).unwrap();
/// assert_eq!(one.title.as_deref(), Some("青溪市图书馆试行夜间开放"));
/// assert!(one.body.contains("读者反映热烈") && one.body.ends_with("超过一千人次。"));
/// ```
pub fn article(text: &str) -> Option<Article> {
    // Read as for several articles (so a masthead stays the source, not the title), then
    // joined: each later article's headline heads its section.
    let mut parts = articles(text).into_iter();
    let mut one = parts.next()?;
    for part in parts {
        for line in [part.kicker, part.title, part.subtitle]
            .into_iter()
            .flatten()
        {
            one.body.push('\n');
            one.body.push_str(&line);
        }
        if !part.body.is_empty() {
            one.body.push('\n');
            one.body.push_str(&part.body);
        }
    }
    Some(one)
}

/// The articles of one post (a text with at most one front-matter block, at its start).
fn post_articles(text: &str) -> Vec<Article> {
    let (front, body) = frontmatter::split(text);
    let markdown = front.is_some() || markdown::looks_like_markdown(body);
    let mut defaults = front.map(|f| split::Defaults {
        title: f.title,
        date: f.date,
        source: f.source,
        author: f.author,
        tags: f.tags,
        categories: f.categories,
    });
    let lines = if html::looks_like_html(body) {
        let extracted = html::extract(body);
        let d = defaults.get_or_insert_with(Default::default);
        if d.title.is_none() {
            d.title = extracted.title.as_deref().map(page_title);
        }
        if markdown {
            markdown::refine(extracted.lines)
        } else {
            extracted.lines
        }
    } else if markdown {
        markdown::lines(body)
    } else {
        // In plain text a line of hyphens is how people separate the articles they paste (the
        // page's paste box says so): each piece is read on its own, headline or not. Other
        // rules (＊＊＊, ===) also mark sections, so they separate only before a headline.
        let pieces = lines::split_at_hyphen_rules(body);
        if pieces.len() > 1 {
            return pieces
                .into_iter()
                .flat_map(|piece| plain_articles(piece, defaults.clone()))
                .collect();
        }
        lines::plain(body)
    };
    let items = layout::repair(classify::classify(lines));
    split::split(items, defaults.unwrap_or_default())
}

/// The articles of a plain-text piece.
fn plain_articles(text: &str, defaults: Option<split::Defaults>) -> Vec<Article> {
    let items = layout::repair(classify::classify(lines::plain(text)));
    split::split(items, defaults.unwrap_or_default())
}

/// Decodes file bytes and splits them into articles.
///
/// ```
/// let (gbk, _, _) = encoding_rs::GBK.encode("标题\n\n正文第一句。");
/// let articles = wenxi::ingest::articles_from_bytes(&gbk).unwrap();
/// assert_eq!(articles[0].title.as_deref(), Some("标题"));
/// ```
pub fn articles_from_bytes(bytes: &[u8]) -> Result<Vec<Article>, Error> {
    Ok(articles(&decode::decode(bytes)?))
}

/// A page's `<title>` without the site name sites append ("标题_某某网", "标题 - Site").
fn page_title(title: &str) -> String {
    let cut = ["_", " - ", " | ", "｜", " – "]
        .iter()
        .filter_map(|sep| title.find(sep))
        .filter(|&i| i > 0)
        .min();
    cut.and_then(|i| title.get(..i))
        .unwrap_or(title)
        .trim()
        .to_string()
}
