//! Ingestion: bytes → text → cleaned articles.
//!
//! First cut: one input is one article, with line endings normalized. Format detection,
//! cleaning and article splitting build on this interface.

pub mod decode;

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
    /// Cleaned body: paragraphs separated by `\n`.
    pub body: String,
}

/// Splits decoded text into articles.
pub fn articles(text: &str) -> Vec<Article> {
    let body = text.replace("\r\n", "\n").replace('\r', "\n");
    vec![Article { body, ..Article::default() }]
}
