//! Keyword ranking: which words (and recurring phrases) an article is about.
//!
//! Three methods share one candidate filter:
//! - `tfidf`: term frequency × inverse document frequency from jieba's corpus statistics;
//! - `textrank`: PageRank over a co-occurrence graph of candidate words (window 5);
//! - `auto` (default): both scores normalized and blended, then boosted for words of the
//!   title and the lead paragraph.
//!
//! Candidates are nouns, names, places, organisations, verbal nouns and verbs of two or more
//! characters that are not stopwords, numbers or punctuation.

use crate::error::Error;
use crate::report::Keyword;
use crate::segment::{Segmenter, Token};
use crate::stopwords::is_stopword;
use crate::text::{is_han, is_number_like, is_punctuation_or_space};
use std::collections::HashMap;
use std::str::FromStr;

/// Keyword ranking method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// TF-IDF.
    Tfidf,
    /// TextRank over word co-occurrence.
    Textrank,
    /// Blend of both with title and lead boosts.
    #[default]
    Auto,
}

impl FromStr for Method {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "tfidf" => Ok(Method::Tfidf),
            "textrank" => Ok(Method::Textrank),
            "auto" | "" => Ok(Method::Auto),
            _ => Err(Error::InvalidOption { name: "method", value: s.to_string() }),
        }
    }
}

/// Whether a tagged token may be a keyword.
pub fn is_candidate(token: &Token<'_>) -> bool {
    let word = token.word;
    let chars = word.chars().count();
    if chars < 2 || chars > 16 || is_punctuation_or_space(word) || is_number_like(word) || is_stopword(word) {
        return false;
    }
    let tag = token.tag.unwrap_or("x");
    match tag {
        t if t.starts_with('n') => true,
        "vn" | "v" | "eng" | "j" | "an" | "l" => true,
        // Words jieba's HMM found that the dictionary lacks: names and new terms.
        "x" => word.chars().all(is_han) || word.chars().all(|c| c.is_ascii_alphabetic()),
        _ => false,
    }
}

/// Keyword scores for one article.
pub struct KeywordInput<'a, 'b> {
    /// Tagged tokens of the article text, in order.
    pub tokens: &'b [Token<'a>],
    /// Title, if any (its words get a boost in `auto`).
    pub title: Option<&'b str>,
    /// Byte end of the lead paragraph in the text.
    pub lead_end: usize,
}

/// Ranks keywords and returns the best `top_k`, with occurrence offsets.
pub fn rank(seg: &Segmenter, input: &KeywordInput<'_, '_>, method: Method, top_k: usize) -> Vec<Keyword> {
    let mut counts: HashMap<&str, (usize, Vec<[u32; 2]>)> = HashMap::new();
    let mut candidates: Vec<usize> = Vec::new();
    for (i, t) in input.tokens.iter().enumerate() {
        if is_candidate(t) {
            candidates.push(i);
            let entry = counts.entry(t.word).or_default();
            entry.0 += 1;
            entry.1.push([t.start, t.end]);
        }
    }
    if counts.is_empty() || top_k == 0 {
        return Vec::new();
    }
    let scores: HashMap<&str, f64> = match method {
        Method::Tfidf => tfidf(seg, &counts),
        Method::Textrank => textrank(input.tokens, &candidates),
        Method::Auto => {
            let a = normalize(tfidf(seg, &counts));
            let b = normalize(textrank(input.tokens, &candidates));
            let title = input.title.unwrap_or("");
            let mut lead: HashMap<&str, bool> = HashMap::new();
            for &i in &candidates {
                let t = &input.tokens[i];
                if t.byte_end <= input.lead_end {
                    lead.insert(t.word, true);
                }
            }
            a.iter()
                .map(|(w, s)| {
                    let mut score = 0.65 * s + 0.35 * b.get(w).copied().unwrap_or(0.0);
                    if !title.is_empty() && title.contains(w) {
                        score *= 1.5;
                    }
                    if lead.contains_key(w) {
                        score *= 1.2;
                    }
                    (*w, score)
                })
                .collect()
        }
    };
    let mut ranked: Vec<(&str, f64)> = scores.into_iter().collect();
    // Ties broken by word so output is deterministic across runs and targets.
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    ranked
        .into_iter()
        .take(top_k)
        .map(|(word, score)| {
            let (count, occurrences) = counts.remove(word).unwrap_or_default();
            Keyword { word: word.to_string(), score: round(score), count, occurrences }
        })
        .collect()
}

fn tfidf<'a>(seg: &Segmenter, counts: &HashMap<&'a str, (usize, Vec<[u32; 2]>)>) -> HashMap<&'a str, f64> {
    let total: usize = counts.values().map(|c| c.0).sum();
    let idf = seg.idf();
    counts
        .iter()
        .map(|(w, (n, _))| {
            let idf = idf.get(w).unwrap_or(idf.median());
            (*w, *n as f64 / total as f64 * f64::from(idf))
        })
        .collect()
}

/// PageRank over candidate co-occurrence within a window of 5 candidate positions.
fn textrank<'a>(tokens: &[Token<'a>], candidates: &[usize]) -> HashMap<&'a str, f64> {
    const WINDOW: usize = 5;
    let mut ids: HashMap<&'a str, usize> = HashMap::new();
    let seq: Vec<usize> = candidates
        .iter()
        .map(|&i| {
            let n = ids.len();
            *ids.entry(tokens[i].word).or_insert(n)
        })
        .collect();
    let n = ids.len();
    let mut edges: HashMap<(usize, usize), f64> = HashMap::new();
    for i in 0..seq.len() {
        for j in i + 1..(i + WINDOW).min(seq.len()) {
            if seq[i] != seq[j] {
                *edges.entry((seq[i], seq[j])).or_default() += 1.0;
                *edges.entry((seq[j], seq[i])).or_default() += 1.0;
            }
        }
    }
    let mut out_weight = vec![0.0; n];
    let mut adjacency: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for (&(a, b), &w) in &edges {
        out_weight[a] += w;
        adjacency[b].push((a, w));
    }
    let mut rank = vec![1.0 / n as f64; n];
    for _ in 0..20 {
        let next: Vec<f64> = (0..n)
            .map(|v| {
                let incoming: f64 =
                    adjacency[v].iter().map(|&(u, w)| w / out_weight[u] * rank[u]).sum();
                0.15 + 0.85 * incoming
            })
            .collect();
        rank = next;
    }
    ids.into_iter().map(|(w, i)| (w, rank[i])).collect()
}

fn normalize(scores: HashMap<&str, f64>) -> HashMap<&str, f64> {
    let max = scores.values().cloned().fold(0.0, f64::max);
    if max <= 0.0 {
        return scores;
    }
    scores.into_iter().map(|(w, s)| (w, s / max)).collect()
}

fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}
