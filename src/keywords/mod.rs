//! Keyword ranking: which words and key phrases an article is about.
//!
//! 1. [`candidates`] gives every token a role (head, modifier, opener, break) from its part of speech,
//!    our stopword list, and number, date and credit patterns.
//! 2. [`phrases`] turns runs of heads and modifiers into candidates: single words, and phrases
//!    of adjacent words that recur together ("政务服务").
//! 3. Candidates are scored by one of three methods:
//!    - `tfidf` ([`tfidf`]): count × IDF from jieba's corpus table;
//!    - `textrank` ([`textrank`]): PageRank over candidate co-occurrence;
//!    - `auto` (default): both, normalized and blended, then weighted by where the candidate
//!      first occurs (the lead states the subject), boosted when the title uses it, and
//!      favouring longer, more specific terms.
//! 4. A word used mostly (¾ of the time) inside a longer candidate hands its score to it
//!    ("政务" → "政务服务"). The best are then picked in order, skipping a candidate that is
//!    part of, contains, or mostly overlaps one already picked, so "政务服务" is not followed by
//!    "政务" and "服务".
//!
//! Weights were chosen on the even rows of the CSL keyword set and confirmed on the odd rows;
//! the word lists are our own (see [`crate::stopwords`]), not taken from any evaluation data.
//!
//! Each keyword carries its count and UTF-16 occurrence offsets for highlighting, and a score
//! in (0, 1]: the square root of its score relative to the best keyword's, which is 1.0.

pub mod candidates;
pub mod phrases;
pub mod textrank;
pub mod tfidf;

use crate::error::Error;
use crate::report::Keyword;
use crate::segment::{Mode, Segmenter, Token};
use crate::text::Utf16Map;
use candidates::Role;
use phrases::Candidate;
use rustc_hash::FxHashMap as HashMap;
use std::str::FromStr;

/// Keyword ranking method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// TF-IDF.
    Tfidf,
    /// TextRank over candidate co-occurrence.
    Textrank,
    /// Blend of both with position and title weights.
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
            _ => Err(Error::InvalidOption {
                name: "method",
                value: s.to_string(),
            }),
        }
    }
}

/// What keyword ranking needs to know about an article.
pub struct KeywordInput<'a, 'b> {
    /// The article text the tokens come from.
    pub text: &'a str,
    /// Tagged tokens of `text`, in order, covering it.
    pub tokens: &'b [Token<'a>],
    /// Title, if any: its words are evidence for phrases and get a boost in `auto`.
    pub title: Option<&'b str>,
    /// Extra stopwords from the caller.
    pub stopwords: &'b [String],
    /// Whether to segment the title with the HMM (as the text was).
    pub hmm: bool,
}

/// Weights of the `auto` blend.
struct Weights {
    /// Share of TF-IDF in the blend (the rest is TextRank).
    tfidf: f64,
    /// Extra weight for a candidate first seen at the very start, fading linearly to 0 at the end.
    position: f64,
    /// Factor for candidates the title uses.
    title: f64,
    /// Exponent of a length prior (characters / 2): longer terms are more specific; two-character
    /// words are often too general to name a subject.
    length: f64,
}

/// Article length (in tokens, about 900 characters) from which a title word used once in the
/// body counts as a flourish.
const SLOGAN_MIN_TOKENS: usize = 500;

const AUTO: Weights = Weights {
    tfidf: 0.7,
    position: 1.0,
    title: 4.0,
    length: 0.5,
};

/// Ranks keywords and returns the best `top_k`, with occurrence offsets.
///
/// ```
/// use wenxi::keywords::{rank, KeywordInput, Method};
/// let seg = wenxi::Segmenter::new();
/// let text = "贯流风机噪音低。这台贯流风机很安静，贯流风机也省电。";
/// let tokens = seg.segment(text, Default::default(), true, true);
/// let input = KeywordInput { text, tokens: &tokens, title: None, stopwords: &[], hmm: true };
/// let keywords = rank(&seg, &input, Method::Auto, 3);
/// assert_eq!(keywords[0].word, "贯流风机");
/// assert_eq!(keywords[0].count, 3);
/// ```
pub fn rank(
    seg: &Segmenter,
    input: &KeywordInput<'_, '_>,
    method: Method,
    top_k: usize,
) -> Vec<Keyword> {
    if top_k == 0 || input.tokens.is_empty() {
        return Vec::new();
    }
    let extra = |w: &str| input.stopwords.iter().any(|s| s == w);
    let roles = roles_of(input.tokens, &extra, seg.idf());
    let title = input.title.unwrap_or("");
    let title_tokens = if title.is_empty() {
        Vec::new()
    } else {
        seg.segment(title, Mode::Default, input.hmm, true)
    };
    let title_roles = roles_of(&title_tokens, &extra, seg.idf());
    let found = phrases::find(
        input.text,
        input.tokens,
        &roles,
        title,
        &title_tokens,
        &title_roles,
    );
    if found.is_empty() {
        return Vec::new();
    }
    let scores = match method {
        Method::Tfidf => tfidf::scores(seg.idf(), input.tokens, &found),
        Method::Textrank => textrank::scores(&found, input.tokens.len()),
        Method::Auto => auto(seg, input.tokens, &found),
    };
    let scores = promote(input.text, input.tokens, &found, scores);
    // A stopword the caller named is never a keyword, also when it is a phrase or a name
    // made of several tokens ("赫拉|利").
    let mut keywords = select(
        input.text,
        &found,
        &scores,
        top_k.saturating_add(input.stopwords.len()),
    );
    keywords.retain(|k| !extra(&k.word));
    keywords.truncate(top_k);
    keywords
}

/// The most common one-character surnames.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤";

/// One-character words that, after a place name, make it an institution's name.
const INSTITUTION_SUFFIXES: [&str; 6] = ["所", "院", "局", "厂", "馆", "站"];

fn roles_of(
    tokens: &[Token<'_>],
    extra: &dyn Fn(&str) -> bool,
    idf: &crate::dictionary::IdfTable,
) -> Vec<Role> {
    let credited = candidates::credited_names(tokens);
    let mut roles: Vec<Role> = tokens
        .iter()
        .map(|t| {
            if credited.contains(t.word) {
                Role::Break
            } else {
                candidates::role(t, extra)
            }
        })
        .collect();
    for (i, t) in tokens.iter().enumerate() {
        // The rest of a date or quantity that jieba glued to the next word ("10月1日起" →
        // 日起, "55节车厢" → 节车厢).
        let unit_rest = i > 0
            && crate::text::is_number_like(tokens[i - 1].word)
            && t.word.starts_with(candidates::is_unit);
        // A given name jieba cut from its surname ("局长刘建华" → 刘|建华): 建华 alone names
        // nobody the reader knows.
        let given_name = i > 0
            && matches!(tokens[i - 1].tag, Some("zg" | "nr"))
            && tokens[i - 1].word.chars().count() == 1
            && SURNAMES.contains(tokens[i - 1].word)
            && (1..=2).contains(&t.word.chars().count());
        if unit_rest || given_name {
            roles[i] = Role::Break;
        }
        // A one-character institution suffix after a place name names the institution
        // ("株洲|所" = 株洲所, the institute): it ends a phrase instead of breaking it.
        if i > 0
            && tokens[i - 1].tag == Some("ns")
            && roles[i - 1] != Role::Break
            && INSTITUTION_SUFFIXES.contains(&t.word)
        {
            roles[i] = Role::Head;
        }
        // jieba tags 号 a numeral, as in 5号; after a noun it names an account or a serial
        // ("微信公众|号", "视频|号", "车牌|号") and ends the phrase.
        if i > 0
            && t.word == "号"
            && roles[i - 1] == Role::Head
            && tokens[i - 1].word.chars().all(crate::text::is_han)
        {
            roles[i] = Role::Head;
        }
    }
    // A verb rare in general text names a thing or an event of this article, whatever its tag:
    // jieba tags 总成 (动力总成, the powertrain), 打卡, 展览, 怀表, 绝杀 and 受灾 as verbs.
    // Common verbs (强调, 开展, 审批, 改造) keep their role: they report or act.
    for (i, t) in tokens.iter().enumerate() {
        if t.tag == Some("v")
            && roles[i] != Role::Break
            && t.word.chars().count() >= 2
            && idf.get(t.word).unwrap_or(0.0) >= RARE_VERB_MIN_IDF
        {
            roles[i] = Role::Head;
        }
    }
    roles
}

/// Least IDF of a verb read as a content word ([`roles_of`]): rare in general text (总成 9.8,
/// 展览 8.4, 取胜 8.0; 改造 6.6, 审批 6.6, 强调 5.8).
const RARE_VERB_MIN_IDF: f32 = 8.0;

fn auto(seg: &Segmenter, tokens: &[Token<'_>], found: &[Candidate<'_>]) -> Vec<f64> {
    let tfidf = normalize(tfidf::scores(seg.idf(), tokens, found));
    let textrank = normalize(textrank::scores(found, tokens.len()));
    let n = tokens.len().max(1) as f64;
    found
        .iter()
        .zip(tfidf.iter().zip(&textrank))
        .map(|(c, (a, b))| {
            let mut score = AUTO.tfidf * a + (1.0 - AUTO.tfidf) * b;
            score *= 1.0 + AUTO.position * (1.0 - c.first() as f64 / n).max(0.0);
            if c.in_title > 0 {
                // In a long article the subject recurs; a title word the body uses once is a
                // headline flourish ("深学细悟见真章") and gets a smaller boost.
                score *= if c.count() <= 1 && tokens.len() >= SLOGAN_MIN_TOKENS {
                    AUTO.title.sqrt()
                } else {
                    AUTO.title
                };
            }
            score *= (c.word.chars().count() as f64 / 2.0).powf(AUTO.length);
            score
        })
        .collect()
}

/// A word or phrase used mostly inside a longer candidate is represented by it: the longer one
/// takes its score (if higher) and the shorter one drops out ("政务" → "政务服务").
fn promote(
    text: &str,
    tokens: &[Token<'_>],
    found: &[Candidate<'_>],
    mut scores: Vec<f64>,
) -> Vec<f64> {
    let index: HashMap<&str, usize> = found.iter().enumerate().map(|(k, c)| (c.word, k)).collect();
    // containers[k]: the longer candidates made of candidate k plus neighbouring words.
    let mut containers: Vec<Vec<usize>> = vec![Vec::new(); found.len()];
    for (p, c) in found.iter().enumerate() {
        let Some(&first) = c.occurrences.first() else {
            continue;
        };
        for (i, j) in phrases::sub_ranges(first, c.tokens) {
            let sub = tokens
                .get(i)
                .zip(tokens.get(j.wrapping_sub(1)))
                .and_then(|(a, b)| text.get(a.byte_start..b.byte_end));
            if let Some(&k) = sub.and_then(|w| index.get(w)) {
                containers[k].push(p);
            }
        }
    }
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    for k in order {
        if scores[k] <= 0.0 {
            continue;
        }
        let c = &found[k];
        let best = containers[k]
            .iter()
            .copied()
            .filter(|&p| scores[p] > 0.0 && found[p].count() * 4 >= c.count() * 3)
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)));
        if let Some(p) = best {
            scores[p] = scores[p].max(scores[k]);
            scores[k] = 0.0;
        }
    }
    scores
}

/// Best first; a candidate overlapping one already taken (part of it, or containing it) is
/// skipped.
fn select(text: &str, found: &[Candidate<'_>], scores: &[f64], top_k: usize) -> Vec<Keyword> {
    let mut order: Vec<usize> = (0..found.len()).filter(|&k| scores[k] > 0.0).collect();
    // Ties broken by first occurrence, then word, so output is deterministic.
    order.sort_by(|&a, &b| {
        scores[b]
            .total_cmp(&scores[a])
            .then(found[a].first().cmp(&found[b].first()))
            .then(found[a].word.cmp(found[b].word))
    });
    let mut picked: Vec<&Candidate<'_>> = Vec::new();
    // Bytes of the text inside an occurrence of a keyword picked so far: a lookup per span, not
    // a scan of every earlier span (long texts have thousands).
    let mut covered = vec![false; text.len()];
    let mut out = Vec::new();
    let mut map = Utf16Map::new(text);
    let top = order.first().map_or(1.0, |&k| scores[k]);
    for k in order {
        if out.len() >= top_k {
            break;
        }
        let c = &found[k];
        // A phrase around a picked word says the same thing; so does a piece of a picked phrase
        // used mostly inside it (服务 in 政务服务), or a phrase that mostly overlaps one
        // ("工业大学包装设计" after "包装设计艺术学院"): both caught by the overlap below. A
        // piece used mostly on its own stays: news names 青溪市图书馆 once, then says 图书馆.
        let nested = picked.iter().any(|p| c.word.contains(p.word));
        let overlapping = c
            .spans
            .iter()
            .filter(|&&(s, e)| covered.get(s..e).is_some_and(|b| b.contains(&true)))
            .count();
        if nested || overlapping * 2 > c.count() {
            continue;
        }
        for &(s, e) in &c.spans {
            if let Some(bytes) = covered.get_mut(s..e) {
                bytes.fill(true);
            }
        }
        picked.push(c);
        let mut spans = c.spans.clone();
        spans.sort_unstable();
        let occurrences = spans
            .iter()
            .map(|&(s, e)| [map.to_utf16(s), map.to_utf16(e)])
            .collect();
        out.push(Keyword {
            word: c.word.to_string(),
            score: readable(scores[k], top),
            count: c.count(),
            occurrences,
            simplified: None,
        });
    }
    out
}

fn normalize(scores: Vec<f64>) -> Vec<f64> {
    let max = scores.iter().cloned().fold(0.0, f64::max);
    if max <= 0.0 {
        return scores;
    }
    scores.into_iter().map(|s| s / max).collect()
}

/// The score as shown to a reader: relative to the best keyword (1.0) and compressed with a
/// square root, so that the title and lead boosts (which can make the best keyword ten times the
/// next) do not flatten every other bar; monotonic, so the ranking is unchanged.
fn readable(score: f64, top: f64) -> f64 {
    if top <= 0.0 || score <= 0.0 {
        return 0.0;
    }
    round((score / top).min(1.0).sqrt()).max(1e-6)
}

fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}
