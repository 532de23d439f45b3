//! Extractive summary: the sentences that best tell the story.
//!
//! Sentences are nodes of a graph weighted by BM25 similarity of their content words;
//! TextRank gives each a centrality score, which is combined with a position prior (news and
//! abstracts put the point first) and coverage of the article's keywords. Sentences are then
//! picked greedily with maximal marginal relevance so the summary does not repeat itself, and
//! returned in article order. Headings are never picked.
//!
//! Cost is bounded: beyond [`MAX_GRAPH`] sentences each sentence is only linked to its
//! neighbours within [`WINDOW`] positions, so the graph stays linear in article length.

use std::collections::{HashMap, HashSet};

/// Above this many sentences the graph is windowed.
pub const MAX_GRAPH: usize = 200;
/// Neighbourhood size of the windowed graph.
pub const WINDOW: usize = 40;

/// A candidate sentence: its content words and position.
pub struct Candidate<'a> {
    /// Content words of the sentence.
    pub words: Vec<&'a str>,
    /// Index among all sentences of the article (0 = first).
    pub position: usize,
    /// Length in characters.
    pub chars: usize,
}

/// How long the summary may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// At most this many sentences.
    Sentences(usize),
    /// As many sentences as fit in this many characters (at least one).
    Chars(usize),
}

/// Returns indexes into `candidates` of the chosen sentences (in article order) and scores.
pub fn select(candidates: &[Candidate<'_>], keywords: &HashMap<&str, f64>, length: Length) -> Vec<(usize, f64)> {
    let n = candidates.len();
    if n == 0 {
        return Vec::new();
    }
    let centrality = textrank(candidates);
    let max_c = centrality.iter().cloned().fold(f64::MIN_POSITIVE, f64::max);
    let total = candidates.iter().map(|c| c.position).max().unwrap_or(0) + 1;
    let scores: Vec<f64> = candidates
        .iter()
        .zip(&centrality)
        .map(|(c, r)| {
            let position = 1.0 - (c.position as f64 / total as f64);
            let distinct: HashSet<&&str> = c.words.iter().collect();
            let coverage: f64 = distinct.iter().filter_map(|w| keywords.get(**w)).sum();
            let coverage = coverage / (1.0 + (c.words.len() as f64).sqrt());
            // Very short sentences rarely carry the story.
            let short = if c.chars < 8 { 0.3 } else { 1.0 };
            (0.45 * r / max_c + 0.35 * position.powi(2) + 0.2 * coverage.min(1.0)) * short
        })
        .collect();

    let sets: Vec<HashSet<&str>> = candidates.iter().map(|c| c.words.iter().copied().collect()).collect();
    let mut chosen: Vec<usize> = Vec::new();
    let mut used_chars = 0;
    let limit = match length {
        Length::Sentences(k) => k.min(n),
        Length::Chars(_) => n,
    };
    while chosen.len() < limit {
        let best = (0..n)
            .filter(|i| !chosen.contains(i))
            .map(|i| {
                let redundancy = chosen.iter().map(|&j| jaccard(&sets[i], &sets[j])).fold(0.0, f64::max);
                (i, 0.75 * scores[i] - 0.25 * redundancy)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let Some((i, _)) = best else { break };
        if let Length::Chars(budget) = length {
            if !chosen.is_empty() && used_chars + candidates[i].chars > budget {
                break;
            }
        }
        used_chars += candidates[i].chars;
        chosen.push(i);
    }
    chosen.sort_unstable();
    chosen.into_iter().map(|i| (i, scores[i])).collect()
}

fn jaccard(a: &HashSet<&str>, b: &HashSet<&str>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.intersection(b).count() as f64;
    inter / (a.len() + b.len()) as f64 * 2.0
}

/// TextRank over sentences with BM25 similarity (k1 = 1.5, b = 0.75).
fn textrank(candidates: &[Candidate<'_>]) -> Vec<f64> {
    let n = candidates.len();
    let avg_len = candidates.iter().map(|c| c.words.len()).sum::<usize>() as f64 / n as f64;
    let mut df: HashMap<&str, usize> = HashMap::new();
    let tfs: Vec<HashMap<&str, usize>> = candidates
        .iter()
        .map(|c| {
            let mut tf = HashMap::new();
            for w in &c.words {
                *tf.entry(*w).or_insert(0) += 1;
            }
            for w in tf.keys() {
                *df.entry(*w).or_insert(0) += 1;
            }
            tf
        })
        .collect();
    let idf = |w: &str| {
        let d = *df.get(w).unwrap_or(&0) as f64;
        ((n as f64 - d + 0.5) / (d + 0.5) + 1.0).ln()
    };
    let bm25 = |query: usize, doc: usize| -> f64 {
        let len = candidates[doc].words.len() as f64;
        let tf = &tfs[doc];
        tfs[query]
            .keys()
            .filter_map(|w| {
                let f = *tf.get(w)? as f64;
                Some(idf(w) * f * 2.5 / (f + 1.5 * (0.25 + 0.75 * len / avg_len.max(1.0))))
            })
            .sum()
    };
    let window = if n > MAX_GRAPH { WINDOW } else { n };
    let mut weights: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for i in 0..n {
        for j in i.saturating_sub(window)..(i + window + 1).min(n) {
            if i != j {
                let w = bm25(i, j);
                if w > 0.0 {
                    weights[j].push((i, w));
                }
            }
        }
    }
    let out_sum: Vec<f64> = {
        let mut s = vec![0.0; n];
        for (j, edges) in weights.iter().enumerate() {
            let _ = j;
            for &(i, w) in edges {
                s[i] += w;
            }
        }
        s
    };
    let mut rank = vec![1.0; n];
    for _ in 0..30 {
        rank = (0..n)
            .map(|j| 0.15 + 0.85 * weights[j].iter().map(|&(i, w)| w / out_sum[i] * rank[i]).sum::<f64>())
            .collect();
    }
    rank
}
