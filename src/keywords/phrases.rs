//! Candidate keywords: single words and key phrases of adjacent words.
//!
//! Within each run of non-breaking tokens, every sequence of up to [`MAX_TOKENS`] tokens that
//! ends with a head word is a possible candidate. A single head word of two or more characters
//! is a candidate as soon as it occurs. A phrase of several words is a candidate only when the
//! words *recur together*: the same sequence occurs at least twice in the text, or once in the
//! text and once in the title. That is what makes "政务服务" or "贯流风机" a unit rather than
//! two loose words.
//!
//! A candidate that never occurs outside one longer candidate (same count, title included) is
//! dropped: it is only a piece of that phrase ("贯流" inside "贯流风机").

use super::candidates::{is_date_like, Role};
use crate::segment::Token;
use crate::stopwords::is_generic;
use crate::text::{is_han, is_number_like};
use rustc_hash::FxHashMap as HashMap;

/// Longest phrase, in tokens.
pub const MAX_TOKENS: usize = 5;
/// Longest phrase, in characters.
pub const MAX_CHARS: usize = 12;

/// From this many tokens (about 3,500 characters) on, a single word must occur twice.
pub const LONG_ARTICLE_TOKENS: usize = 2000;

/// A keyword candidate and where it occurs.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    /// The word or phrase, borrowed from the text.
    pub word: &'a str,
    /// Number of tokens it spans.
    pub tokens: usize,
    /// Token index ranges `[start, end)` where the candidate is a sequence of whole tokens.
    pub occurrences: Vec<(usize, usize)>,
    /// Byte ranges of every occurrence in the text: the token ranges for a single word; for a
    /// phrase every place the text spells it from a token start, also where jieba cut its end
    /// differently ("政务服务" inside 政务|服务中心).
    pub spans: Vec<(usize, usize)>,
    /// Occurrences in the title.
    pub in_title: usize,
}

impl Candidate<'_> {
    /// Occurrences in the text.
    pub fn count(&self) -> usize {
        self.spans.len()
    }

    /// Token index of the first occurrence.
    pub fn first(&self) -> usize {
        self.occurrences.first().map_or(usize::MAX, |o| o.0)
    }
}

/// Finds candidates in `tokens` (with `roles`), using the title's tokens and roles as
/// evidence for phrases. Candidates are returned in order of first occurrence.
pub fn find<'a>(
    text: &'a str,
    tokens: &[Token<'a>],
    roles: &[Role],
    title: &str,
    title_tokens: &[Token<'_>],
    title_roles: &[Role],
) -> Vec<Candidate<'a>> {
    let mut found: HashMap<&'a str, Candidate<'a>> = HashMap::default();
    for_each_ngram(tokens, roles, |i, j| {
        let Some(word) = text.get(tokens[i].byte_start..tokens[j - 1].byte_end) else {
            return;
        };
        found
            .entry(word)
            .or_insert_with(|| Candidate {
                word,
                tokens: j - i,
                occurrences: Vec::new(),
                spans: Vec::new(),
                in_title: 0,
            })
            .occurrences
            .push((i, j));
    });
    // Where each character starts a token: a phrase spelled in the text starts at a token
    // boundary even when jieba cut its end differently, so only those places are checked.
    let mut starts: HashMap<char, Vec<usize>> = HashMap::default();
    for t in tokens {
        if let Some(c) = t.word.chars().next() {
            starts.entry(c).or_default().push(t.byte_start);
        }
    }
    let phrase_spans = spelled_all(
        text,
        tokens,
        found.values().filter(|c| c.tokens > 1).map(|c| c.word),
    );
    for c in found.values_mut() {
        c.spans = if c.tokens == 1 {
            c.occurrences
                .iter()
                .filter_map(|&(i, j)| {
                    Some((tokens.get(i)?.byte_start, tokens.get(j - 1)?.byte_end))
                })
                .collect()
        } else {
            phrase_spans.get(c.word).cloned().unwrap_or_default()
        };
    }
    let mut title_counts: HashMap<&str, usize> = HashMap::default();
    for_each_ngram(title_tokens, title_roles, |i, j| {
        if let Some(word) = title.get(title_tokens[i].byte_start..title_tokens[j - 1].byte_end) {
            *title_counts.entry(word).or_insert(0) += 1;
        }
    });
    for c in found.values_mut() {
        c.in_title = title_counts.get(c.word).copied().unwrap_or(0);
    }
    // Phrases must recur together. In a long article a keyword recurs too: words seen once
    // there are left out (which also keeps the cost of ranking in step with the vocabulary).
    let single_min = if tokens.len() >= LONG_ARTICLE_TOKENS {
        2
    } else {
        1
    };
    found.retain(|_, c| {
        let min = if c.tokens == 1 { single_min } else { 2 };
        c.count() >= min || (c.count() >= 1 && c.in_title >= 1)
    });
    // Names of works in 《》 are units whatever their words (《习近平谈治国理政》), and so are
    // terms the text keeps quoting (“加拿大一枝黄花”, where 一枝 would break a phrase).
    for (word, range) in enclosed_names(text, tokens, title) {
        if let Some(existing) = found.get_mut(word) {
            existing.tokens = existing.tokens.max(2);
            continue;
        }
        let spans = spelled(
            text,
            word,
            starts
                .get(&word.chars().next().unwrap_or(' '))
                .map_or(&[], Vec::as_slice),
        );
        let in_title = usize::from(title.contains(word));
        found.insert(
            word,
            Candidate {
                word,
                tokens: (range.1 - range.0).max(2),
                occurrences: vec![range],
                spans,
                in_title,
            },
        );
    }

    // Drop pieces that never occur outside a longer candidate.
    let total = |c: &Candidate<'_>| c.count() + c.in_title;
    let mut pieces: Vec<&'a str> = Vec::new();
    for c in found.values() {
        if c.tokens < 2 {
            continue;
        }
        for (i, j) in sub_ranges(c.occurrences[0], c.tokens) {
            let Some(sub) = text.get(tokens[i].byte_start..tokens[j - 1].byte_end) else {
                continue;
            };
            if let Some(s) = found.get(sub) {
                if total(s) <= total(c) {
                    pieces.push(sub);
                }
            }
        }
    }
    for p in pieces {
        found.remove(p);
    }
    let mut out: Vec<Candidate<'a>> = found.into_values().collect();
    out.sort_by_key(|c| (c.first(), c.tokens));
    out
}

/// Brackets whose content is named as a unit: the first is the opening mark, the second the
/// closing one, and the third says whether one occurrence is enough. A name of a work in 《》
/// is; quotation marks also enclose speech and emphasis, so a quoted term must be quoted at
/// least twice, or once in the text and once in the title.
const ENCLOSURES: [(&str, &str, bool); 4] = [
    ("《", "》", true),
    ("“", "”", false),
    ("「", "」", false),
    ("『", "』", false),
];

/// The names inside 《》 (2 to [`MAX_CHARS`] + 4 characters) and the terms repeatedly quoted
/// in “” 「」 『』 (2 to [`MAX_CHARS`] characters of letters and digits), each with the token range of
/// its first occurrence.
///
/// ```
/// use wenxi::keywords::phrases::enclosed_names;
/// let seg = wenxi::Segmenter::new();
/// let text = "铲除“加拿大一枝黄花”。“加拿大一枝黄花”原产北美。他说：“好的。”";
/// let tokens = seg.segment(text, Default::default(), true, true);
/// let names: Vec<&str> = enclosed_names(text, &tokens, "").into_iter().map(|n| n.0).collect();
/// assert_eq!(names, ["加拿大一枝黄花"]);
/// ```
pub fn enclosed_names<'a>(
    text: &'a str,
    tokens: &[Token<'a>],
    title: &str,
) -> Vec<(&'a str, (usize, usize))> {
    let mut out: Vec<(&'a str, (usize, usize), usize, bool)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let Some(&(_, close, single)) = ENCLOSURES.iter().find(|e| e.0 == t.word) else {
            continue;
        };
        let Some(len) = tokens[i + 1..]
            .iter()
            .take(MAX_TOKENS * 3)
            .position(|x| x.word == close || x.word == t.word)
        else {
            continue;
        };
        let (first, last) = (i + 1, i + 1 + len);
        if len == 0 || tokens.get(last).is_none_or(|x| x.word != close) {
            continue;
        }
        let Some(word) = text.get(tokens[first].byte_start..tokens[last - 1].byte_end) else {
            continue;
        };
        let chars = word.chars().count();
        let fits = if single {
            (2..=MAX_CHARS + 4).contains(&chars) && !word.contains(['\n', '。', '，'])
        } else {
            // A term, not a quoted sentence, number or date: letters only, some of them Han.
            (2..=MAX_CHARS).contains(&chars)
                && word
                    .chars()
                    .all(|c| is_han(c) || c.is_alphanumeric() || c == '·')
                && word.chars().any(is_han)
                && !is_number_like(word)
                && !is_date_like(word)
        };
        if !fits {
            continue;
        }
        match out.iter_mut().find(|n| n.0 == word) {
            Some(seen) => seen.2 += 1,
            None => out.push((word, (first, last), 1, single)),
        }
    }
    out.into_iter()
        .filter(|&(word, _, times, single)| single || times >= 2 || title.contains(word))
        .map(|(word, range, _, _)| (word, range))
        .collect()
}

/// For each of `words`, the non-overlapping byte ranges where the text spells it from a token
/// start: what [`spelled`] gives for one word, for all of them in one pass over the tokens, so
/// the cost stays linear in the text however many phrases it has.
fn spelled_all<'w>(
    text: &str,
    tokens: &[Token<'_>],
    words: impl Iterator<Item = &'w str>,
) -> HashMap<&'w str, Vec<(usize, usize)>> {
    /// The spans found so far, and the end of the last one.
    type Found = (Vec<(usize, usize)>, usize);
    let mut found: HashMap<&'w str, Found> = HashMap::default();
    let mut lengths: Vec<usize> = Vec::new();
    for w in words {
        found.entry(w).or_default();
        lengths.push(w.len());
    }
    lengths.sort_unstable();
    lengths.dedup();
    for t in tokens {
        let s = t.byte_start;
        for &len in &lengths {
            if s + len > text.len() {
                break;
            }
            // Not a character boundary at this length: a word of another script mix.
            let Some(piece) = text.get(s..s + len) else {
                continue;
            };
            if let Some((spans, after)) = found.get_mut(piece) {
                if s >= *after {
                    spans.push((s, s + len));
                    *after = s + len;
                }
            }
        }
    }
    found
        .into_iter()
        .map(|(w, (spans, _))| (w, spans))
        .collect()
}

/// Non-overlapping byte ranges where `word` is spelled starting at one of `starts`.
fn spelled(text: &str, word: &str, starts: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut after = 0;
    for &s in starts {
        if s >= after && text.get(s..).is_some_and(|rest| rest.starts_with(word)) {
            out.push((s, s + word.len()));
            after = s + word.len();
        }
    }
    out
}

/// Calls `f(i, j)` for every token range `[i, j)` that may be a candidate.
fn for_each_ngram(tokens: &[Token<'_>], roles: &[Role], mut f: impl FnMut(usize, usize)) {
    let n = tokens.len().min(roles.len());
    for i in 0..n {
        if roles[i] == Role::Break {
            continue;
        }
        let mut chars = 0;
        for j in i..n.min(i + MAX_TOKENS) {
            if roles[j] == Role::Break || (j > i && roles[j] == Role::Opener) {
                break;
            }
            // A verb before a person's name makes a clause ("贯彻习近平总书记…", "会见王伟"),
            // not a term.
            if j > i && roles[i] == Role::Opener && is_person(&tokens[j]) {
                break;
            }
            chars += tokens[j].word.chars().count();
            if chars > MAX_CHARS {
                break;
            }
            let single = j == i;
            if single && next_to_a_stray_character(tokens, i) {
                continue;
            }
            if roles[j] == Role::Head && (!single || (chars >= 2 && !is_generic(tokens[j].word))) {
                f(i, j + 1);
            }
        }
    }
}

/// A word beside a lone character the dictionary lacks and the HMM could not attach
/// ("溁|口镇"), or before a lone place suffix ("下村|乡"): a piece of a name, not a keyword of
/// its own.
fn next_to_a_stray_character(tokens: &[Token<'_>], i: usize) -> bool {
    let stray = |t: Option<&Token<'_>>| {
        t.is_some_and(|t| {
            t.tag == Some("x") && {
                let mut chars = t.word.chars();
                chars.next().is_some_and(crate::text::is_han) && chars.next().is_none()
            }
        })
    };
    // A word right before a lone 乡/镇/村… is the front of a place name ("下村|乡"): the whole
    // name may still be a phrase.
    let place_suffix = tokens.get(i + 1).is_some_and(|n| {
        let mut c = n.word.chars();
        c.next().is_some_and(|c| "乡镇村县区市街路".contains(c)) && c.next().is_none()
    });
    place_suffix || stray(i.checked_sub(1).and_then(|p| tokens.get(p))) || stray(tokens.get(i + 1))
}

/// A token tagged as a person's name (nr, nrfg, nrt).
fn is_person(token: &Token<'_>) -> bool {
    token.tag.is_some_and(|t| t.starts_with("nr"))
}

/// The token ranges of the proper sub-sequences of a phrase occurrence.
pub fn sub_ranges((start, _): (usize, usize), len: usize) -> impl Iterator<Item = (usize, usize)> {
    (0..len)
        .flat_map(move |a| (a + 1..=len).map(move |b| (start + a, start + b)))
        .filter(move |&(a, b)| b - a < len)
}

#[cfg(test)]
mod tests {
    use super::{spelled, spelled_all};
    use crate::segment::{Mode, Segmenter};

    #[test]
    fn one_pass_finds_what_a_search_per_word_finds() {
        let seg = Segmenter::new();
        let text = "5G网络覆盖全市。政务服务中心推行5G网络办事，政务服务更便捷；政务服务政务服务。";
        let tokens = seg.segment(text, Mode::Default, true, false);
        let words = [
            "政务服务",
            "5G网络",
            "网络办事",
            "服务政务",
            "全市",
            "不存在的词",
        ];
        let all = spelled_all(text, &tokens, words.iter().copied());
        let starts: Vec<usize> = tokens.iter().map(|t| t.byte_start).collect();
        for w in words {
            assert_eq!(all[w], spelled(text, w, &starts), "{w}");
        }
        assert_eq!(all["政务服务"].len(), 4);
        assert_eq!(all["5G网络"].len(), 2);
    }
}
