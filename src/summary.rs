//! Extractive summary: the sentences that best tell the story.
//!
//! Each prose sentence gets a score from these signals:
//! - **centrality**: TextRank over a graph whose edges are BM25 similarities of the sentences'
//!   content words — a sentence that shares the article's recurring vocabulary is central;
//! - **position**: news and abstracts state their point first, so early sentences get a prior
//!   that fades with their rank;
//! - **keyword coverage**: how densely the sentence holds the article's keywords (phrases
//!   included), so a concise statement of the subject beats a long digression;
//! - **cues**: a sentence that announces the article's own subject ("本文…", "针对…") is
//!   preferred, one that opens with background ("随着…", "近年来…") is not;
//! - **length**: a small penalty per 100 characters, since long sentences bury their point;
//!   fragments and lists of figures (fewer than three distinct content words) are discounted.
//!
//! Sentences are then picked greedily by maximal marginal relevance (score minus similarity to
//! those already picked) so the summary does not repeat itself, and returned in article order.
//! Only prose is offered: headings, captions, bylines and date lines never are (see
//! [`crate::sentences`]).
//!
//! Cost is bounded: beyond [`MAX_GRAPH`] sentences each sentence is only linked to its
//! neighbours within [`WINDOW`] positions, so the graph stays linear in article length.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Above this many sentences the graph is windowed.
pub const MAX_GRAPH: usize = 100;
/// Neighbourhood size of the windowed graph.
pub const WINDOW: usize = 20;

/// A candidate sentence.
pub struct Candidate<'a> {
    /// The sentence text.
    pub text: &'a str,
    /// Content words of the sentence.
    pub words: Vec<&'a str>,
    /// Rank among the article's prose sentences (0 = first).
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

/// Weights of the score (chosen on the even rows of the CSL title set, confirmed on the odd).
struct Weights {
    centrality: f64,
    position: f64,
    coverage: f64,
    /// Added for a subject cue, subtracted for a background opener.
    cue: f64,
    /// Subtracted per 100 characters.
    length: f64,
    /// MMR trade-off: share of the score against redundancy.
    relevance: f64,
}

const WEIGHTS: Weights = Weights { centrality: 0.15, position: 0.4, coverage: 0.3, cue: 0.4, length: 0.2, relevance: 0.7 };

/// Openings that announce what the text itself does or argues.
const SUBJECT_CUES: [&str; 12] = ["本文", "该文", "文章", "本研究", "本论文", "笔者", "针对", "旨在", "为了", "为解决", "目的", "提出了"];
/// Openings that set the scene rather than state the point.
const BACKGROUND_CUES: [&str; 8] = ["随着", "近年来", "近些年", "众所周知", "长期以来", "当今", "当前", "目前"];

/// Picks summary sentences. `keywords` are the article's keywords with weights in 0..=1.
/// Returns indexes into `candidates` (in article order) with their scores.
///
/// ```
/// use wenxi::summary::{select, Candidate, Length};
/// let texts = ["本文研究贯流风机的噪声。", "贯流风机噪声来自叶片。", "天气很好。"];
/// let words = [vec!["研究", "贯流", "风机", "噪声"], vec!["贯流", "风机", "噪声", "叶片"], vec!["天气"]];
/// let candidates: Vec<Candidate> = texts.iter().zip(words).enumerate()
///     .map(|(i, (t, w))| Candidate { text: t, words: w, position: i, chars: t.chars().count() })
///     .collect();
/// let picked = select(&candidates, &[("贯流风机", 1.0)], Length::Sentences(1));
/// assert_eq!(picked[0].0, 0);
/// ```
pub fn select(candidates: &[Candidate<'_>], keywords: &[(&str, f64)], length: Length) -> Vec<(usize, f64)> {
    let n = candidates.len();
    if n == 0 {
        return Vec::new();
    }
    let centrality = textrank(candidates);
    let max_c = centrality.iter().cloned().fold(f64::MIN_POSITIVE, f64::max);
    let coverage: Vec<f64> = candidates.iter().map(|c| coverage(c, keywords)).collect();
    let max_k = coverage.iter().cloned().fold(f64::MIN_POSITIVE, f64::max);
    let w = &WEIGHTS;
    let distinct: Vec<usize> = candidates.iter().map(|c| c.words.iter().collect::<HashSet<_>>().len()).collect();
    let scores: Vec<f64> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let position = 1.0 / (1.0 + c.position as f64);
            let mut score = w.centrality * centrality[i] / max_c + w.position * position + w.coverage * coverage[i] / max_k;
            // Long sentences bury their point; a summary sentence should be quick to read.
            score -= w.length * (c.chars as f64 / 100.0);
            let opening = c.text.trim_start_matches(|ch: char| !ch.is_alphanumeric());
            if SUBJECT_CUES.iter().any(|q| opening.starts_with(q)) {
                score += w.cue;
            } else if BACKGROUND_CUES.iter().any(|q| opening.starts_with(q)) {
                score -= w.cue;
            }
            // Fragments and lists of figures rarely carry the story.
            if c.chars < 8 || distinct[i] < 3 {
                score *= 0.3;
            }
            score
        })
        .collect();

    let sets: Vec<HashSet<&str>> = candidates.iter().map(|c| c.words.iter().copied().collect()).collect();
    let mut chosen: Vec<usize> = Vec::new();
    let mut used_chars = 0;
    let limit = match length {
        Length::Sentences(k) => k.min(n),
        Length::Chars(_) => n,
    };
    let mut taken = vec![false; n];
    while chosen.len() < limit {
        let best = (0..n)
            .filter(|&i| !taken[i])
            .map(|i| {
                let redundancy = chosen.iter().map(|&j| overlap(&sets[i], &sets[j])).fold(0.0, f64::max);
                (i, w.relevance * scores[i] - (1.0 - w.relevance) * redundancy)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let Some((i, _)) = best else { break };
        taken[i] = true;
        if let Length::Chars(budget) = length {
            if used_chars + candidates[i].chars > budget {
                if chosen.is_empty() {
                    chosen.push(i); // at least one sentence, even over budget
                    break;
                }
                continue; // a shorter sentence may still fit
            }
        }
        used_chars += candidates[i].chars;
        chosen.push(i);
    }
    chosen.sort_unstable();
    chosen.into_iter().map(|i| (i, scores[i])).collect()
}

/// Share of the sentence made of keywords (weighted by keyword score): dense beats long.
fn coverage(c: &Candidate<'_>, keywords: &[(&str, f64)]) -> f64 {
    let held: f64 = keywords
        .iter()
        .filter(|(k, _)| !k.is_empty() && c.text.contains(k))
        .map(|(k, w)| w * k.chars().count() as f64)
        .sum();
    held / c.chars.max(1) as f64
}

/// Share of words two sentences have in common (Dice coefficient).
fn overlap(a: &HashSet<&str>, b: &HashSet<&str>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.intersection(b).count() as f64;
    2.0 * inter / (a.len() + b.len()) as f64
}

/// TextRank over sentences with BM25 similarity (k1 = 1.5, b = 0.75).
fn textrank(candidates: &[Candidate<'_>]) -> Vec<f64> {
    let n = candidates.len();
    let avg_len = (candidates.iter().map(|c| c.words.len()).sum::<usize>() as f64 / n as f64).max(1.0);
    // Words as small integers, and each sentence as sorted (word, count) pairs: the pairwise
    // similarity is then a merge of two short sorted lists, with no hashing in the hot loop.
    let mut ids: HashMap<&str, u32> = HashMap::default();
    let tfs: Vec<Vec<(u32, u32)>> = candidates
        .iter()
        .map(|c| {
            let mut words: Vec<u32> = c.words.iter().map(|w| {
                let next = ids.len() as u32;
                *ids.entry(w).or_insert(next)
            }).collect();
            words.sort_unstable();
            let mut tf: Vec<(u32, u32)> = Vec::new();
            for w in words {
                match tf.last_mut() {
                    Some((last, count)) if *last == w => *count += 1,
                    _ => tf.push((w, 1)),
                }
            }
            tf
        })
        .collect();
    let mut df = vec![0u32; ids.len()];
    for tf in &tfs {
        for &(w, _) in tf {
            df[w as usize] += 1;
        }
    }
    let idf: Vec<f64> = df.iter().map(|&d| ((n as f64 - f64::from(d) + 0.5) / (f64::from(d) + 0.5) + 1.0).ln()).collect();
    let norm: Vec<f64> = candidates.iter().map(|c| 1.5 * (0.25 + 0.75 * c.words.len() as f64 / avg_len)).collect();
    let bm25 = |query: usize, doc: usize| -> f64 {
        let (q, d) = (&tfs[query], &tfs[doc]);
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < q.len() && j < d.len() {
            match q[i].0.cmp(&d[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let f = f64::from(d[j].1);
                    sum += idf[q[i].0 as usize] * f * 2.5 / (f + norm[doc]);
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    };
    let window = if n > MAX_GRAPH { WINDOW } else { n };
    // incoming[j] = (i, w): i links to j with weight w.
    let mut incoming: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    let mut out_sum = vec![0.0; n];
    for i in 0..n {
        for j in i.saturating_sub(window)..(i + window + 1).min(n) {
            if i != j {
                let w = bm25(i, j);
                if w > 0.0 {
                    incoming[j].push((i, w));
                    out_sum[i] += w;
                }
            }
        }
    }
    let mut rank = vec![1.0; n];
    for _ in 0..30 {
        let next: Vec<f64> = (0..n).map(|j| 0.15 + 0.85 * incoming[j].iter().map(|&(i, w)| w / out_sum[i] * rank[i]).sum::<f64>()).collect();
        let change = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
        rank = next;
        if change < 1e-6 {
            break; // converged: further rounds would not change the order
        }
    }
    rank
}
