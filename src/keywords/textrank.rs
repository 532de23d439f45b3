//! TextRank: PageRank over a graph of candidates that occur near each other.
//!
//! The text is read as a sequence of candidate units: at each position the longest candidate
//! starting there (so a phrase is one node, not its words). Units within [`WINDOW`] positions
//! of each other are linked, weighted by how often that happens. A candidate that is central
//! to the article's vocabulary collects rank from many neighbours.

use super::phrases::Candidate;

/// Co-occurrence window, in units.
pub const WINDOW: usize = 5;
const DAMPING: f64 = 0.85;
const ITERATIONS: usize = 30;

/// TextRank score of every candidate, in the order given (0 for candidates that are never a
/// longest unit).
pub fn scores(candidates: &[Candidate<'_>], token_count: usize) -> Vec<f64> {
    // Longest candidate starting at each token.
    let mut longest: Vec<Option<(usize, usize)>> = vec![None; token_count];
    for (k, c) in candidates.iter().enumerate() {
        for &(s, e) in &c.occurrences {
            if let Some(slot) = longest.get_mut(s) {
                if slot.is_none_or(|(_, end)| e > end) {
                    *slot = Some((k, e));
                }
            }
        }
    }
    let mut units = Vec::new();
    let mut i = 0;
    while i < token_count {
        match longest.get(i).copied().flatten() {
            Some((k, e)) => {
                units.push(k);
                i = e.max(i + 1);
            }
            None => i += 1,
        }
    }
    let n = candidates.len();
    // Co-occurring pairs, both directions, counted by sorting: no hashing, fixed order.
    let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(units.len() * WINDOW * 2);
    for a in 0..units.len() {
        for b in a + 1..(a + WINDOW).min(units.len()) {
            if units[a] != units[b] {
                pairs.push((units[a] as u32, units[b] as u32));
                pairs.push((units[b] as u32, units[a] as u32));
            }
        }
    }
    pairs.sort_unstable();
    let mut out_weight = vec![0.0; n];
    let mut incoming: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    let mut k = 0;
    while k < pairs.len() {
        let pair = pairs[k];
        let run = pairs[k..].iter().take_while(|p| **p == pair).count();
        let (from, to) = (pair.0 as usize, pair.1 as usize);
        out_weight[from] += run as f64;
        incoming[to].push((from, run as f64));
        k += run;
    }
    let present: Vec<bool> = {
        let mut p = vec![false; n];
        for &u in &units {
            p[u] = true;
        }
        p
    };
    let mut rank: Vec<f64> = present.iter().map(|&p| if p { 1.0 } else { 0.0 }).collect();
    for _ in 0..ITERATIONS {
        let previous = rank.clone();
        rank = (0..n)
            .map(|v| {
                if !present[v] {
                    return 0.0;
                }
                let sum: f64 = incoming[v]
                    .iter()
                    .map(|&(u, w)| w / out_weight[u] * rank[u])
                    .sum();
                (1.0 - DAMPING) + DAMPING * sum
            })
            .collect();
        if rank
            .iter()
            .zip(&previous)
            .all(|(a, b)| (a - b).abs() < 1e-4)
        {
            break; // converged
        }
    }
    rank
}
