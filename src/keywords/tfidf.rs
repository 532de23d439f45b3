//! TF-IDF: how often the article uses a candidate, times how rare it is in general text.
//!
//! Single words take their IDF from jieba's corpus table. A phrase the table does not know is
//! at least as specific as its rarest word, and a little more for each further word, because
//! a fixed combination of words is rarer than any of them alone.

use super::phrases::Candidate;
use crate::dictionary::IdfTable;
use crate::segment::Token;
use rustc_hash::FxHashMap;

/// IDF of a candidate; `lookup` gives the table's IDF of a word, if it has one.
fn idf<'a>(
    lookup: &mut dyn FnMut(&'a str) -> Option<f64>,
    median: f64,
    tokens: &[Token<'a>],
    c: &Candidate<'a>,
) -> f64 {
    // jieba keeps dictionary words whole, so only single tokens are worth looking up.
    if c.tokens == 1 {
        return lookup(c.word).unwrap_or(median);
    }
    let Some(&(start, end)) = c.occurrences.first() else {
        return median;
    };
    let parts: Vec<f64> = tokens
        .get(start..end)
        .unwrap_or_default()
        .iter()
        .map(|t| lookup(t.word).unwrap_or(median))
        .collect();
    let max = parts.iter().cloned().fold(0.0, f64::max);
    max + 0.5 * (parts.len().saturating_sub(1)) as f64
}

/// TF-IDF score of every candidate, in the order given.
pub fn scores<'a>(
    table: &IdfTable,
    tokens: &[Token<'a>],
    candidates: &[Candidate<'a>],
) -> Vec<f64> {
    // Each distinct word is looked up once: the table is a binary search over 350k words.
    let mut cache: FxHashMap<&'a str, Option<f64>> = FxHashMap::default();
    let mut lookup = |w: &'a str| {
        *cache
            .entry(w)
            .or_insert_with(|| table.get(w).map(f64::from))
    };
    let median = f64::from(table.median());
    candidates
        .iter()
        .map(|c| c.count() as f64 * idf(&mut lookup, median, tokens, c))
        .collect()
}
