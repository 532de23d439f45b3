//! The pipeline in one place: ingest → segment → rank → summarize → report.

use crate::error::Error;
use crate::ingest::{self, Article};
use crate::keywords::{self, KeywordInput, Method};
use crate::report::{ArticleReport, Frequency, Keyword, Report, Stats, SummarySentence};
use crate::script::simplified;
use crate::segment::{Mode, Segmenter, Token};
use crate::sentences::{self, Sentence};
use crate::stopwords::is_stopword;
use crate::summary::{self, Candidate, Length};
use crate::text::{is_number_like, is_punctuation_or_space, is_quantity_tail, Utf16Map};
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::HashMap;

/// What `analyze` should compute. Deserializes from camelCase JSON with every field optional.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// Number of keywords (default 10).
    pub top_k: usize,
    /// Summary length in sentences (default 3). Ignored when `summary_chars` is set.
    pub summary_sentences: usize,
    /// Summary length as a character budget.
    pub summary_chars: Option<usize>,
    /// Keyword method: `auto` (default), `tfidf` or `textrank`.
    pub method: String,
    /// Use jieba's HMM for words missing from the dictionary (default true).
    pub hmm: bool,
    /// Shortest content word in `frequencies`, in characters (default 2).
    pub min_word_length: usize,
    /// Longest `frequencies` list (default 200; `stats.distinct_words` says how long the whole
    /// list is).
    pub max_frequencies: usize,
    /// Extra stopwords for keywords and frequencies.
    pub stopwords: Vec<String>,
    /// Read the input as one article, never split (see [`ingest::article`]); default false.
    pub one_article: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            top_k: 10,
            summary_sentences: 3,
            summary_chars: None,
            method: "auto".into(),
            hmm: true,
            min_word_length: 2,
            max_frequencies: 200,
            stopwords: Vec::new(),
            one_article: false,
        }
    }
}

impl Options {
    /// The articles `text` holds: [`ingest::articles`], or with `one_article` the one
    /// [`ingest::article`].
    pub fn articles(&self, text: &str) -> Vec<ingest::Article> {
        if self.one_article {
            ingest::article(text).into_iter().collect()
        } else {
            ingest::articles(text)
        }
    }
}

/// Segmenter plus analysis. Create once (loading the dictionary is the slow part) and reuse.
///
/// ```
/// let analyzer = wenxi::Analyzer::new();
/// let report = analyzer.analyze("株洲齿轮公司的新能源变速器项目竣工投产。项目年产变速器25万台。", &Default::default()).unwrap();
/// let article = &report.articles[0];
/// assert!(article.keywords.iter().any(|k| k.word == "变速器"));
/// assert_eq!(article.stats.sentences, 2);
/// ```
#[derive(Default)]
pub struct Analyzer {
    segmenter: Segmenter,
}

impl Analyzer {
    /// Loads the built-in dictionary.
    pub fn new() -> Self {
        Analyzer {
            segmenter: Segmenter::new(),
        }
    }

    /// The segmenter (to segment, tag, or add user words).
    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    /// Mutable segmenter, for user dictionary changes.
    pub fn segmenter_mut(&mut self) -> &mut Segmenter {
        &mut self.segmenter
    }

    /// Analyzes decoded text: splits it into articles and analyzes each.
    pub fn analyze(&self, text: &str, options: &Options) -> Result<Report, Error> {
        let method: Method = options.method.parse()?;
        let articles = options
            .articles(text)
            .into_iter()
            .map(|a| self.analyze_article(a, method, options))
            .collect();
        Ok(Report { articles })
    }

    /// Analyzes one already-cleaned article.
    pub fn analyze_article(
        &self,
        article: Article,
        method: Method,
        options: &Options,
    ) -> ArticleReport {
        // Traditional text is analyzed in simplified characters (see `script`); what the report
        // shows is cut from the article's own text at the same offsets.
        let shown = article.body.as_str();
        let simple = simplified(shown);
        let text = simple.as_ref();
        let tokens =
            self.segmenter
                .segment_simplified(text, text, Mode::Default, options.hmm, true);
        let sentences = sentences::split(text);
        let stopwords: Vec<String> = options
            .stopwords
            .iter()
            .map(|w| simplified(w).into_owned())
            .collect();
        let extra_stop = |w: &str| stopwords.iter().any(|s| s == w);
        let title = article.title.as_deref().map(simplified);
        let content: Vec<&Token<'_>> = tokens
            .iter()
            .filter(|t| {
                is_content_word(t.word, options.min_word_length)
                    && !t.tag.is_some_and(is_function_tag)
                    && !t.is_glued_fragment()
                    && !extra_stop(t.word)
            })
            .collect();

        // The summary weighs sentences by the article's keywords, so rank at least a few even
        // when the caller asks for fewer.
        let mut keywords = keywords::rank(
            &self.segmenter,
            &KeywordInput {
                text,
                tokens: &tokens,
                title: title.as_deref(),
                stopwords: &stopwords,
                hmm: options.hmm,
            },
            method,
            options.top_k.max(SUMMARY_KEYWORDS),
        );
        let summary = self.summarize(
            (text, shown),
            &sentences,
            &tokens,
            &content,
            &keywords,
            options,
        );
        keywords.truncate(options.top_k);

        let (mut frequencies, distinct_words) = frequencies(&content, options.max_frequencies);
        if let Cow::Owned(_) = simple {
            let restore = Restore::new(text, shown, &tokens);
            for k in &mut keywords {
                (k.word, k.simplified) = restore.spelled(std::mem::take(&mut k.word));
            }
            for f in &mut frequencies {
                (f.word, f.simplified) = restore.spelled(std::mem::take(&mut f.word));
            }
        }
        let stats = Stats {
            chars: text.chars().filter(|c| !c.is_whitespace()).count(),
            words: tokens
                .iter()
                .filter(|t| !is_punctuation_or_space(t.word))
                .count(),
            sentences: sentences.iter().filter(|s| s.is_sentence()).count(),
            paragraphs: text.lines().filter(|l| !l.trim().is_empty()).count(),
            distinct_words,
        };
        ArticleReport {
            title: article.title,
            kicker: article.kicker,
            subtitle: article.subtitle,
            byline: article.byline,
            date: article.date,
            source: article.source,
            stats,
            keywords,
            frequencies,
            summary,
            text: article.body,
        }
    }
}

/// Sentences shorter than this (in characters) are summarized only when nothing is longer.
const MIN_SUMMARY_CHARS: usize = 6;

/// Keywords the summary weighs sentences by.
const SUMMARY_KEYWORDS: usize = 10;

impl Analyzer {
    /// Summary sentences: prose sentences scored with their content words and the keywords.
    fn summarize(
        &self,
        (text, shown): (&str, &str),
        sentences: &[Sentence],
        tokens: &[Token<'_>],
        content: &[&Token<'_>],
        keywords: &[Keyword],
        options: &Options,
    ) -> Vec<SummarySentence> {
        let length = match options.summary_chars {
            Some(c) => Length::Chars(c),
            None => Length::Sentences(options.summary_sentences),
        };
        if length == Length::Sentences(0) {
            return Vec::new();
        }
        let mut token_iter = content.iter().peekable();
        let mut candidates = Vec::new();
        let mut chosen_from = Vec::new();
        for s in sentences {
            let mut words = Vec::new();
            while let Some(t) = token_iter.peek() {
                if t.byte_start >= s.end {
                    break;
                }
                if t.byte_start >= s.start {
                    words.push(t.word);
                }
                token_iter.next();
            }
            let Some(sentence) = text.get(s.start..s.end) else {
                continue;
            };
            if s.is_sentence() {
                candidates.push(Candidate {
                    text: sentence,
                    words,
                    position: candidates.len(),
                    chars: sentence.chars().count(),
                });
                chosen_from.push(*s);
            }
        }
        // A sentence of a few characters ("值得。") says nothing alone: it is chosen only when
        // there is nothing longer.
        if candidates.iter().any(|c| c.chars >= MIN_SUMMARY_CHARS) {
            (candidates, chosen_from) = candidates
                .into_iter()
                .zip(chosen_from)
                .filter(|(c, _)| c.chars >= MIN_SUMMARY_CHARS)
                .unzip();
            for (i, c) in candidates.iter_mut().enumerate() {
                c.position = i;
            }
        }
        let max_score = keywords
            .first()
            .map_or(1.0, |k| k.score.max(f64::MIN_POSITIVE));
        let weights: Vec<(&str, f64)> = keywords
            .iter()
            .map(|k| (k.word.as_str(), k.score / max_score))
            .collect();
        // The article's best few keywords tell which clauses of a sentence carry its topic.
        let topic: Vec<&str> = keywords
            .iter()
            .take(summary::TOPIC_KEYWORDS)
            .map(|k| k.word.as_str())
            .collect();
        let mut map = Utf16Map::new(text);
        summary::select(&candidates, &weights, length)
            .into_iter()
            .filter_map(|(i, score)| {
                let s = chosen_from.get(i)?;
                let from = tokens.partition_point(|t| t.byte_start < s.start);
                let to = tokens.partition_point(|t| t.byte_start < s.end);
                let verbs: Vec<usize> = tokens
                    .get(from..to)?
                    .iter()
                    .filter(|t| t.tag == Some("v"))
                    .map(|t| t.byte_start - s.start)
                    .collect();
                let (a, b) = summary::compress(text.get(s.start..s.end)?, &topic, &verbs);
                let (start, end) = (s.start + a, s.start + b);
                // Offsets in increasing order: the map walks the text forward.
                let sentence_start = map.to_utf16(s.start);
                let (start_16, end_16) = (map.to_utf16(start), map.to_utf16(end));
                Some(SummarySentence {
                    text: shown.get(start..end)?.to_string(),
                    start: start_16,
                    end: end_16,
                    score: (score * 1e6).round() / 1e6,
                    sentence_start,
                    sentence_end: map.to_utf16(s.end),
                })
            })
            .collect()
    }
}

/// Words of the simplified copy of a text, as the original writes them.
struct Restore<'a> {
    simple: &'a str,
    original: &'a str,
    /// Where each word is first found.
    first: HashMap<&'a str, usize>,
}

impl<'a> Restore<'a> {
    fn new(simple: &'a str, original: &'a str, tokens: &[Token<'a>]) -> Self {
        let mut first = HashMap::new();
        for t in tokens {
            first.entry(t.word).or_insert(t.byte_start);
        }
        Restore {
            simple,
            original,
            first,
        }
    }

    /// The original of `word`, a word or phrase of the simplified text (phrases are found by
    /// search; only the few keywords are phrases).
    fn word(&self, word: &str) -> String {
        self.first
            .get(word)
            .copied()
            .or_else(|| self.simple.find(word))
            .and_then(|at| self.original.get(at..at + word.len()))
            .unwrap_or(word)
            .to_string()
    }

    /// `word` (simplified) as the original writes it, and the simplified form when it differs.
    fn spelled(&self, word: String) -> (String, Option<String>) {
        let original = self.word(&word);
        let simplified = (original != word).then_some(word);
        (original, simplified)
    }
}

/// A word worth counting: not a stopword, number or punctuation, and long enough.
pub fn is_content_word(word: &str, min_chars: usize) -> bool {
    word.chars().count() >= min_chars.max(1)
        && !is_punctuation_or_space(word)
        && !is_number_like(word)
        && !is_quantity_tail(word)
        && !is_stopword(word)
}

/// Tags of words that only point, count or connect: pronouns (为什么, 各类), numerals and
/// classifiers (两个), prepositions, conjunctions, particles, adverbs, interjections. Such words
/// are not counted as content even when the stopword list lacks them.
fn is_function_tag(tag: &str) -> bool {
    matches!(
        tag,
        "r" | "rr" | "rz" | "m" | "mq" | "q" | "p" | "c" | "d" | "e" | "y" | "o"
    ) || tag.starts_with('u')
}

/// The `limit` most frequent content words, and how many distinct ones there are.
fn frequencies(content: &[&Token<'_>], limit: usize) -> (Vec<Frequency>, usize) {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, t) in content.iter().enumerate() {
        counts.entry(t.word).or_insert((0, i)).0 += 1;
    }
    let mut list: Vec<(&str, (usize, usize))> = counts.into_iter().collect();
    // Most frequent first; ties in order of first appearance.
    list.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
    let distinct = list.len();
    let top = list
        .into_iter()
        .take(limit)
        .map(|(w, (count, _))| Frequency {
            word: w.to_string(),
            count,
            simplified: None,
        })
        .collect();
    (top, distinct)
}
