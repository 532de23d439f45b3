//! The Report: what `analyze` returns, serialized as camelCase JSON.
//!
//! The shape is a stable contract shared by the CLI, the JS API, the page and the widget:
//! fields may be added, never renamed or removed.

use serde::{Deserialize, Serialize};

/// Analysis of one input, which may hold several articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The articles found in the input, in input order.
    pub articles: Vec<ArticleReport>,
}

/// Analysis of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ArticleReport {
    /// Headline, when the input has one.
    pub title: Option<String>,
    /// Line above the headline (引题), when present.
    pub kicker: Option<String>,
    /// Line below the headline (副题), when present.
    pub subtitle: Option<String>,
    /// Byline such as "株洲日报讯(全媒体记者/…)".
    pub byline: Option<String>,
    /// Publication date as written in the input.
    pub date: Option<String>,
    /// Source or publication name.
    pub source: Option<String>,
    /// The cleaned body; every offset in this article refers to this string (UTF-16 units).
    pub text: String,
    /// Counts.
    pub stats: Stats,
    /// Keywords, best first.
    pub keywords: Vec<Keyword>,
    /// Content words, most frequent first.
    pub frequencies: Vec<Frequency>,
    /// Summary sentences, in article order.
    pub summary: Vec<SummarySentence>,
}

/// Size of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Characters, not counting whitespace.
    pub chars: usize,
    /// Words (tokens that are not punctuation or whitespace).
    pub words: usize,
    /// Sentences (headings not counted).
    pub sentences: usize,
    /// Paragraphs (non-empty lines).
    pub paragraphs: usize,
    /// Distinct content words: the length of the whole frequency list, of which `frequencies`
    /// holds the first `maxFrequencies`.
    pub distinct_words: usize,
}

/// A keyword with its score and where it occurs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Keyword {
    /// The keyword (a word or a phrase of adjacent words).
    pub word: String,
    /// Relevance, higher is better; comparable within one article only.
    pub score: f64,
    /// Occurrences in the text.
    pub count: usize,
    /// `[start, end]` UTF-16 offsets of each occurrence in `text`.
    pub occurrences: Vec<[u32; 2]>,
    /// See [`Frequency::simplified`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub simplified: Option<String>,
}

/// A content word and how often it occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Frequency {
    /// The word.
    pub word: String,
    /// Occurrences in the text.
    pub count: usize,
    /// The word in simplified characters, present only when the text writes it in traditional
    /// ones (報告 → 报告): the form by which words of articles in either script are compared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub simplified: Option<String>,
}

/// One sentence of the summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct SummarySentence {
    /// The sentence as it appears in `text`.
    pub text: String,
    /// UTF-16 start offset in the article text.
    pub start: u32,
    /// UTF-16 end offset (exclusive).
    pub end: u32,
    /// Relevance, higher is better.
    pub score: f64,
    /// UTF-16 offsets of the whole sentence the item was taken from: the item may be trimmed to
    /// the part that carries the topic (`sentenceStart <= start`, `end <= sentenceEnd`).
    pub sentence_start: u32,
    /// See `sentence_start`.
    pub sentence_end: u32,
}
