//! TF-IDF: how often the article uses a candidate, times how rare it is in general text.
//!
//! Single words take their IDF from jieba's corpus table. A phrase the table does not know is
//! at least as specific as its rarest word, and a little more for each further word, because
//! a fixed combination of words is rarer than any of them alone.

use super::phrases::Candidate;
use crate::dictionary::IdfTable;
use crate::segment::Token;

/// IDF of a candidate.
pub fn idf(table: &IdfTable, tokens: &[Token<'_>], c: &Candidate<'_>) -> f64 {
    if let Some(v) = table.get(c.word) {
        return f64::from(v);
    }
    let Some(&(start, end)) = c.occurrences.first() else { return f64::from(table.median()) };
    let word_idf = |t: &Token<'_>| f64::from(table.get(t.word).unwrap_or(table.median()));
    let parts: Vec<f64> = tokens.get(start..end).unwrap_or_default().iter().map(word_idf).collect();
    let max = parts.iter().cloned().fold(0.0, f64::max);
    max + 0.5 * (parts.len().saturating_sub(1)) as f64
}

/// TF-IDF score of every candidate, in the order given.
pub fn scores(table: &IdfTable, tokens: &[Token<'_>], candidates: &[Candidate<'_>]) -> Vec<f64> {
    candidates.iter().map(|c| c.count() as f64 * idf(table, tokens, c)).collect()
}
