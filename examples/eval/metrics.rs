//! Scoring shared by the eval example and the quality-gate test (`tests/quality.rs` includes
//! this file with `#[path]`): data parsing, keyword F1@k, character ROUGE and word-span F1.

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};
use wenxi::ingest::Article;
use wenxi::{Analyzer, Method, Mode, Options, Segmenter};

/// A mean over all rows and over the even and odd halves (by row index).
pub struct Scores {
    pub all: f64,
    pub even: f64,
    pub odd: f64,
}

impl Scores {
    pub fn new(per_row: Vec<f64>) -> Self {
        let mean = |it: Vec<f64>| {
            if it.is_empty() {
                0.0
            } else {
                it.iter().sum::<f64>() / it.len() as f64
            }
        };
        let pick = |parity: usize| {
            per_row
                .iter()
                .enumerate()
                .filter(|(i, _)| i % 2 == parity)
                .map(|(_, v)| *v)
                .collect()
        };
        Scores {
            all: mean(per_row.clone()),
            even: mean(pick(0)),
            odd: mean(pick(1)),
        }
    }
}

/// One row of `kg_dev.tsv`.
pub struct KeywordRow {
    pub title: Option<String>,
    pub body: String,
    pub gold: Vec<String>,
}

/// One row of `ts_dev.tsv`.
pub struct SummaryRow {
    pub body: String,
    pub title: String,
}

/// Parses `kg_dev.tsv`: `prompt \t abstract+" "+title \t gold_gold_gold`.
///
/// The second column is the abstract followed by a space and the title. The title is what
/// follows the last sentence stop that is followed by a space; without one the whole column
/// is the body. This is a property of the file format, not of any row.
pub fn keyword_rows(tsv: &str) -> Vec<KeywordRow> {
    tsv.lines()
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let (_, text, gold) = (cols.next()?, cols.next()?, cols.next()?);
            let gold = gold
                .split('_')
                .map(str::trim)
                .filter(|g| !g.is_empty())
                .map(String::from)
                .collect();
            let (body, title) = split_title(text);
            Some(KeywordRow { title, body, gold })
        })
        .collect()
}

fn split_title(text: &str) -> (String, Option<String>) {
    let stops = [
        '.', '。', '!', '?', '！', '？', ')', '）', '"', '”', ';', '；',
    ];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for k in (1..chars.len()).rev() {
        if chars[k].1 == ' ' && stops.contains(&chars[k - 1].1) {
            let title = text[chars[k].0..].trim();
            if !title.is_empty() {
                return (
                    text[..chars[k].0].trim().to_string(),
                    Some(title.to_string()),
                );
            }
        }
    }
    (text.trim().to_string(), None)
}

/// Parses `ts_dev.tsv`: `prompt \t abstract \t title`.
pub fn summary_rows(tsv: &str) -> Vec<SummaryRow> {
    tsv.lines()
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let (_, body, title) = (cols.next()?, cols.next()?, cols.next()?);
            Some(SummaryRow {
                body: body.trim().to_string(),
                title: title.trim().to_string(),
            })
        })
        .collect()
}

/// Per-row F1 of the top `k` keywords against the gold list (exact string match).
pub fn keyword_f1(analyzer: &Analyzer, rows: &[KeywordRow], method: Method, k: usize) -> Vec<f64> {
    let options = Options {
        top_k: k,
        summary_sentences: 0,
        ..Options::default()
    };
    rows.iter()
        .map(|row| {
            let article = Article {
                title: row.title.clone(),
                body: row.body.clone(),
                ..Article::default()
            };
            let report = analyzer.analyze_article(article, method, &options);
            let predicted: Vec<&str> = report
                .keywords
                .iter()
                .take(k)
                .map(|w| w.word.as_str())
                .collect();
            f1(&predicted, &row.gold)
        })
        .collect()
}

/// F1 of a predicted list against a gold list, each item matching at most once.
pub fn f1(predicted: &[&str], gold: &[String]) -> f64 {
    if predicted.is_empty() || gold.is_empty() {
        return 0.0;
    }
    let gold: HashSet<&str> = gold.iter().map(String::as_str).collect();
    let predicted: HashSet<&str> = predicted.iter().copied().collect();
    let hits = predicted.intersection(&gold).count() as f64;
    if hits == 0.0 {
        return 0.0;
    }
    let (p, r) = (hits / predicted.len() as f64, hits / gold.len() as f64);
    2.0 * p * r / (p + r)
}

/// Per-row `[R1, R2, RL]` F of the top summary sentence (or the first sentence when `lead`)
/// against the title.
pub fn summary_rouge(analyzer: &Analyzer, rows: &[SummaryRow], lead: bool) -> Vec<[f64; 3]> {
    let options = Options {
        summary_sentences: 1,
        top_k: 10,
        ..Options::default()
    };
    rows.iter()
        .map(|row| {
            let sentence = if lead {
                wenxi::sentences::split(&row.body)
                    .into_iter()
                    .find(|s| !s.is_heading)
                    .map(|s| row.body[s.start..s.end].to_string())
                    .unwrap_or_default()
            } else {
                let article = Article {
                    body: row.body.clone(),
                    ..Article::default()
                };
                let report = analyzer.analyze_article(article, Method::Auto, &options);
                report
                    .summary
                    .first()
                    .map(|s| s.text.clone())
                    .unwrap_or_default()
            };
            rouge(&sentence, &row.title)
        })
        .collect()
}

/// Character ROUGE-1, ROUGE-2 and ROUGE-L F scores (whitespace ignored).
pub fn rouge(candidate: &str, reference: &str) -> [f64; 3] {
    let c: Vec<char> = candidate.chars().filter(|c| !c.is_whitespace()).collect();
    let r: Vec<char> = reference.chars().filter(|c| !c.is_whitespace()).collect();
    let f = |overlap: usize, nc: usize, nr: usize| {
        if overlap == 0 || nc == 0 || nr == 0 {
            return 0.0;
        }
        let (p, rec) = (overlap as f64 / nc as f64, overlap as f64 / nr as f64);
        2.0 * p * rec / (p + rec)
    };
    let r1 = f(ngram_overlap(&c, &r, 1), c.len(), r.len());
    let r2 = f(
        ngram_overlap(&c, &r, 2),
        c.len().saturating_sub(1),
        r.len().saturating_sub(1),
    );
    let rl = f(lcs(&c, &r), c.len(), r.len());
    [r1, r2, rl]
}

fn ngram_overlap(a: &[char], b: &[char], n: usize) -> usize {
    if a.len() < n || b.len() < n {
        return 0;
    }
    let mut counts: HashMap<&[char], usize> = HashMap::new();
    for g in b.windows(n) {
        *counts.entry(g).or_insert(0) += 1;
    }
    let mut hits = 0;
    for g in a.windows(n) {
        if let Some(c) = counts.get_mut(g) {
            if *c > 0 {
                *c -= 1;
                hits += 1;
            }
        }
    }
    hits
}

fn lcs(a: &[char], b: &[char]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    for x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Word-span counts of a segmentation against a gold one.
#[derive(Default)]
pub struct Prf {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.predicted.max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        self.correct as f64 / self.gold.max(1) as f64
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Segments each raw line like `wenxi cut` (HMM on) and compares word spans with the gold line
/// (words separated by whitespace). Spans are in characters, whitespace removed.
pub fn segmentation(seg: &Segmenter, raw: &str, gold: &str, mode: Mode) -> Prf {
    let spans = |words: &mut dyn Iterator<Item = &str>| {
        let mut out = HashSet::new();
        let mut pos = 0;
        for w in words {
            let n = w.chars().filter(|c| !c.is_whitespace()).count();
            if n > 0 {
                out.insert((pos, pos + n));
                pos += n;
            }
        }
        out
    };
    let mut prf = Prf::default();
    for (line, gold_line) in raw.lines().zip(gold.lines()) {
        let tokens = seg.segment(line, mode, true, false);
        let predicted = spans(&mut tokens.iter().map(|t| t.word));
        let expected = spans(&mut gold_line.split_whitespace());
        prf.correct += predicted.intersection(&expected).count();
        prf.predicted += predicted.len();
        prf.gold += expected.len();
    }
    prf
}
