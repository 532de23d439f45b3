//! Extractive summary: the sentences that best tell the story.
//!
//! Each prose sentence gets a score from these signals:
//! - **centrality**: TextRank over a graph whose edges are BM25 similarities of the sentences'
//!   content words — a sentence that shares the article's recurring vocabulary is central;
//! - **position**: news and abstracts state their point first, so early sentences get a prior
//!   that fades with their rank;
//! - **keyword coverage**: how densely the sentence holds the article's keywords (phrases
//!   included), so a concise statement of the subject beats a long digression;
//! - **cues**: a sentence that announces the article's own subject ("本文…", "针对…") or is
//!   a news lead (one of the first three, opening with its date: "9月14日，…") is preferred,
//!   one that opens with background ("随着…", "近年来…") is not, nor one that cannot stand
//!   alone ("这是…", "对此…", a bare quotation) or trails off in an ellipsis;
//! - **length**: a small penalty per 100 characters, since long sentences bury their point;
//!   fragments and lists of figures (fewer than three distinct content words) are discounted.
//!
//! Sentences are then picked greedily by maximal marginal relevance (score minus similarity to
//! those already picked) so the summary does not repeat itself, and returned in article order.
//! Only prose is offered: headings, captions, bylines and date lines never are (see
//! [`crate::sentences`]).
//!
//! Each picked sentence is then compressed by [`compress`]: leading meta-discourse ("本文提出
//! 了", "据了解，", "随着…，") and trailing clauses that name none of the article's top
//! keywords are left out, so the summary item is the span of the sentence that carries its
//! topic (still a slice of the article; words inside a clause are never removed). Only the
//! front is trimmed by fixed markers; leading clauses without keywords are kept, since in
//! news they often hold the subject.
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

const WEIGHTS: Weights = Weights {
    centrality: 0.15,
    position: 0.4,
    coverage: 0.3,
    cue: 0.4,
    length: 0.2,
    relevance: 0.7,
};

/// Openings that announce what the text itself does or argues.
const SUBJECT_CUES: [&str; 12] = [
    "本文",
    "该文",
    "文章",
    "本研究",
    "本论文",
    "笔者",
    "针对",
    "旨在",
    "为了",
    "为解决",
    "目的",
    "提出了",
];
/// Prose sentences (0-based) within which a sentence opening with a date is the news lead.
const LEAD_POSITIONS: usize = 2;

/// Openings that set the scene rather than state the point.
const BACKGROUND_CUES: [&str; 8] = [
    "随着",
    "近年来",
    "近些年",
    "众所周知",
    "长期以来",
    "当今",
    "当前",
    "目前",
];

/// Openings that lean on the sentence before ("这是一组…的数据", "此外…", "对此…", "他表示…"):
/// read alone in a summary they point at nothing.
const DEPENDENT_CUES: [&str; 17] = [
    "这", "另外", "此外", "对此", "为此", "但是", "然而", "不过", "而", "如此", "至此", "由此",
    "其中", "其他", "他", "她", "它",
];
/// After 该 ("the said"), the places news names its subject by ("该县…", "该市…"); any other
/// 该 points back at a noun the reader has not seen ("该基地为…", "该公司成立了…").
const PLACE_AFTER_GAI: &str = "县市区省镇乡村州";

/// True for a sentence that cannot stand alone in a summary: its `opening` (the text from its
/// first letter) leans on the one before, or it is a quotation by itself
/// (“选择落户高新区是选对了!”).
fn is_dependent(text: &str, opening: &str) -> bool {
    let trimmed = text.trim();
    let closes_quote = trimmed.ends_with(['”', '」']);
    (DEPENDENT_CUES.iter().any(|q| opening.starts_with(q)) && !opening.starts_with("而今"))
        || opening
            .strip_prefix('该')
            .is_some_and(|rest| !rest.starts_with(|c: char| PLACE_AFTER_GAI.contains(c)))
        // A quotation by itself, or the last sentence of a longer one ("这就是数字农业的魅力。”").
        || (closes_quote && (trimmed.starts_with(['“', '「']) || !trimmed.contains(['“', '「'])))
        || (trimmed.starts_with('"') && trimmed.ends_with('"') && trimmed.len() > 1)
        // Introduces a quotation that is another sentence ("……蔡女士高兴地说。").
        || only_says_who_speaks(trimmed)
}

/// Endings of a sentence that only says who speaks.
const SPEECH_ENDS: [&str; 4] = ["说。", "说道。", "表示。", "告诉记者。"];
/// Characters before 说 that make a noun of it (小说, 传说, 学说…), not speech.
const NOT_SPEECH: &str = "小传学游演解听";

fn only_says_who_speaks(sentence: &str) -> bool {
    SPEECH_ENDS.iter().any(|e| {
        sentence.strip_suffix(e).is_some_and(|before| {
            *e != "说。" || !before.ends_with(|c: char| NOT_SPEECH.contains(c))
        })
    })
}

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
pub fn select(
    candidates: &[Candidate<'_>],
    keywords: &[(&str, f64)],
    length: Length,
) -> Vec<(usize, f64)> {
    let n = candidates.len();
    if n == 0 {
        return Vec::new();
    }
    let centrality = textrank(candidates);
    let max_c = centrality.iter().cloned().fold(f64::MIN_POSITIVE, f64::max);
    let coverage: Vec<f64> = candidates.iter().map(|c| coverage(c, keywords)).collect();
    let max_k = coverage.iter().cloned().fold(f64::MIN_POSITIVE, f64::max);
    let w = &WEIGHTS;
    let distinct: Vec<usize> = candidates
        .iter()
        .map(|c| c.words.iter().collect::<HashSet<_>>().len())
        .collect();
    let scores: Vec<f64> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let position = 1.0 / (1.0 + c.position as f64);
            let mut score = w.centrality * centrality[i] / max_c
                + w.position * position
                + w.coverage * coverage[i] / max_k;
            // Long sentences bury their point; a summary sentence should be quick to read.
            score -= w.length * (c.chars as f64 / 100.0);
            let opening = c.text.trim_start_matches(|ch: char| !ch.is_alphanumeric());
            // A news lead: one of the first sentences, opening with its date ("9月14日，…"),
            // also after a feature's opening scene.
            let lead =
                c.position <= LEAD_POSITIONS && crate::sentences::starts_with_dateline(opening);
            if lead || SUBJECT_CUES.iter().any(|q| opening.starts_with(q)) {
                score += w.cue;
            } else if BACKGROUND_CUES.iter().any(|q| opening.starts_with(q))
                || is_dependent(c.text, opening)
                // An item of a semicolon list is a clause of a longer sentence: it opens the
                // list or continues it ("…改造；以购买服务的方式，…推广手语翻译服务；").
                || c.text.trim_end().ends_with([';', '；'])
                // A thought left open ("…已重新铺设盲道……"): a scene or a list, not a statement.
                || c.text.trim_end().ends_with('…')
                || c.text.trim_end().ends_with("...")
            {
                score -= w.cue;
            }
            // A sentence without any of the article's keywords or figures sets a scene ("长桌上,
            // 签约双方郑重落笔……") rather than telling the story.
            if coverage[i] == 0.0 && !keywords.is_empty() && !c.text.contains(char::is_numeric) {
                score -= w.cue;
            }
            // Fragments and lists of figures rarely carry the story.
            // A short item of a list ("社区智慧监管,精准管理;") is a fragment too.
            let list_item = c.chars < 20 && c.text.trim_end().ends_with([';', '；']);
            if c.chars < 8 || distinct[i] < 3 || list_item {
                // Scaling a negative score would raise it: a fragment then loses a cue's worth.
                score = if score > 0.0 {
                    score * 0.3
                } else {
                    score - w.cue
                };
            }
            score
        })
        .collect();

    let sets: Vec<HashSet<&str>> = candidates
        .iter()
        .map(|c| c.words.iter().copied().collect())
        .collect();
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
                let redundancy = chosen
                    .iter()
                    .map(|&j| overlap(&sets[i], &sets[j]))
                    .fold(0.0, f64::max);
                (
                    i,
                    w.relevance * scores[i] - (1.0 - w.relevance) * redundancy,
                )
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
    let avg_len =
        (candidates.iter().map(|c| c.words.len()).sum::<usize>() as f64 / n as f64).max(1.0);
    // Words as small integers, and each sentence as sorted (word, count) pairs: the pairwise
    // similarity is then a merge of two short sorted lists, with no hashing in the hot loop.
    let mut ids: HashMap<&str, u32> = HashMap::default();
    let tfs: Vec<Vec<(u32, u32)>> = candidates
        .iter()
        .map(|c| {
            let mut words: Vec<u32> = c
                .words
                .iter()
                .map(|w| {
                    let next = ids.len() as u32;
                    *ids.entry(w).or_insert(next)
                })
                .collect();
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
    let idf: Vec<f64> = df
        .iter()
        .map(|&d| ((n as f64 - f64::from(d) + 0.5) / (f64::from(d) + 0.5) + 1.0).ln())
        .collect();
    let norm: Vec<f64> = candidates
        .iter()
        .map(|c| 1.5 * (0.25 + 0.75 * c.words.len() as f64 / avg_len))
        .collect();
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
    for (i, sum) in out_sum.iter_mut().enumerate() {
        let near = i.saturating_sub(window)..(i + window + 1).min(n);
        for (j, links) in incoming
            .iter_mut()
            .enumerate()
            .take(near.end)
            .skip(near.start)
        {
            if i != j {
                let w = bm25(i, j);
                if w > 0.0 {
                    links.push((i, w));
                    *sum += w;
                }
            }
        }
    }
    let mut rank = vec![1.0; n];
    for _ in 0..30 {
        let next: Vec<f64> = (0..n)
            .map(|j| {
                0.15 + 0.85
                    * incoming[j]
                        .iter()
                        .map(|&(i, w)| w / out_sum[i] * rank[i])
                        .sum::<f64>()
            })
            .collect();
        let change = next
            .iter()
            .zip(&rank)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        rank = next;
        if change < 1e-6 {
            break; // converged: further rounds would not change the order
        }
    }
    rank
}

/// How many of the article's best keywords decide which clauses of a summary sentence carry
/// its topic (chosen on the even rows of the CSL title set, confirmed on the odd).
pub const TOPIC_KEYWORDS: usize = 3;
/// A compressed sentence shorter than this many characters is too bare to read; the sentence
/// is then kept whole.
const MIN_COMPRESSED_CHARS: usize = 8;

/// Subjects of research prose that refer to the text itself ("本文提出了…").
const SELF_SUBJECTS: [&str; 9] = [
    "本论文",
    "本研究",
    "本文",
    "该文",
    "文章",
    "论文",
    "笔者",
    "作者",
    "我们",
];
/// Adverbs between such a subject and its verb ("本文首先分析了…").
const SELF_ADVERBS: [&str; 15] = [
    "首先",
    "主要",
    "重点",
    "简要",
    "系统地",
    "系统",
    "详细",
    "深入",
    "进一步",
    "具体",
    "着重",
    "试图",
    "尝试",
    "力图",
    "拟",
];
/// Verbs of what the text does ("提出了", "研究了"): the framing before its object.
const SELF_VERBS: [&str; 28] = [
    "提出", "研究", "分析", "探讨", "介绍", "综述", "阐述", "讨论", "论述", "总结", "概述", "给出",
    "设计", "建立", "构建", "描述", "回顾", "探究", "考察", "评述", "剖析", "归纳", "报道", "阐明",
    "梳理", "简述", "诠释", "论证",
];
/// Words after such a subject that open the real content ("本文对…进行了…", "本文采用…方法"):
/// only the subject is framing then.
const SELF_PREPOSITIONS: [&str; 22] = [
    "针对", "基于", "结合", "根据", "运用", "利用", "通过", "采用", "应用", "使用", "选取", "借助",
    "依据", "按照", "对", "就", "从", "在", "以", "用", "将", "分",
];
/// Discourse markers that open a sentence and are set off by a comma ("据了解，", "近日，"):
/// they say where the news came from or when, never what it is about.
const MARKERS: [&str; 17] = [
    "据了解",
    "记者了解到",
    "据悉",
    "据介绍",
    "近日",
    "日前",
    "目前",
    "当前",
    "如今",
    "近年来",
    "近些年来",
    "近些年",
    "众所周知",
    "长期以来",
    "与此同时",
    "此外",
    "其中",
];
/// Openers of a framing clause that runs to the first comma: background ("随着…，") or
/// purpose ("为了…，").
const FRAMING_CLAUSES: [&str; 2] = ["随着", "为了"];
/// Longest framing clause (in characters) that is cut; a longer one is the sentence itself.
const MAX_FRAMING_CHARS: usize = 40;
/// Longest "记者从…获悉，" clause (in characters) that is cut.
const MAX_SOURCE_CHARS: usize = 30;

/// Compresses a summary sentence to the part that carries its topic, as a byte range of
/// `sentence`.
///
/// Only whole pieces are removed, never words inside a clause, so the result is always a span
/// of the article:
/// 1. **leading meta-discourse**: a marker set off by a comma ("据了解，", "近日，"), a
///    background or purpose clause ("随着…，", "为了…，"), and a subject that refers to the
///    text itself with its verb ("本文提出了", "本文首先分析了"; before a preposition only the
///    subject: "本文对…" → "对…");
/// 2. **trailing clauses off the topic**: the sentence ends with the last clause (split at
///    top-level `，；：`, not inside quotes or brackets) that holds one of `keywords` (the
///    article's best few); the clauses after it are consequences or asides ("，取得了良好的
///    效果") that do not name the subject. A trailing clause comma is left out; a final stop is
///    kept. `verbs` are byte offsets of the sentence's verbs: the cut is only made when a verb
///    comes before it, so a bare topic is never cut from its statement. Leading clauses that
///    hold no keyword are kept, since in news they often hold the subject.
///
/// Everything else is kept: words are never removed inside a clause, so what remains reads as
/// the writer wrote it. Whatever makes the result shorter than a few characters is not done.
///
/// ```
/// use wenxi::summary::compress;
/// let s = "据了解，本文提出了一种贯流风机降噪方法，取得了良好的效果。";
/// let verbs = [s.find("提出").unwrap()];
/// let (a, b) = compress(s, &["贯流风机"], &verbs);
/// assert_eq!(&s[a..b], "一种贯流风机降噪方法");
/// let s = "贯流风机的噪声来自叶片。";
/// let (a, b) = compress(s, &["贯流风机"], &[s.find("来自").unwrap()]);
/// assert_eq!(&s[a..b], s);
/// ```
pub fn compress(sentence: &str, keywords: &[&str], verbs: &[usize]) -> (usize, usize) {
    let start = strip_framing(sentence);
    let end = sentence.len();
    let (a, b) = topic_span(sentence, start, keywords);
    // Without a verb the kept clauses are only a topic ("汽车产业的转型升级，企业是主体"): the
    // clauses after it are the statement.
    let (a, b) = if verbs.iter().any(|&v| v < b) && !needs_rest(&sentence[a..b], &sentence[b..]) {
        (a, b)
    } else {
        (start, end)
    };
    let chars = |x: usize, y: usize| sentence.get(x..y).map_or(0, |s| s.chars().count());
    if chars(a, b) >= MIN_COMPRESSED_CHARS {
        (a, b)
    } else if chars(start, end) >= MIN_COMPRESSED_CHARS {
        (start, end)
    } else {
        (0, end)
    }
}

/// True when the kept span (`span`) cannot end the summary item: the clauses after it
/// (`rest`) complete what it says. Each reason is one of the checks below.
fn needs_rest(span: &str, rest: &str) -> bool {
    let last = span.rsplit(['，', ',', '；', ';']).next().unwrap_or(span);
    is_adverbial(span)
        || leads_on(span, last)
        || statement_goes_on(rest)
        || completes_copula(last, rest)
        || ends_with_date(span)
        || introduces_speech(last)
}

/// Verbs that introduce what someone said or announced; the clauses after them are the content.
const SPEECH_VERBS: [&str; 14] = [
    "表示",
    "说",
    "说道",
    "称",
    "指出",
    "认为",
    "介绍",
    "强调",
    "透露",
    "坦言",
    "提到",
    "表明",
    "宣布",
    "告诉记者",
];

/// True when the kept span's last clause only says who speaks ("董事长赵国栋在业绩说明会上
/// 表示"): cut there, the summary item would hold no statement.
fn introduces_speech(last: &str) -> bool {
    let last = last.trim_end_matches(['，', ',', '：', ':', ' ']);
    SPEECH_VERBS.iter().any(|v| {
        last.strip_suffix(v)
            .is_some_and(|before| *v != "说" || !before.ends_with(|c: char| NOT_SPEECH.contains(c)))
    })
}

/// True for a span that only says where or when ("在株洲所内部开设的……专栏中"): a
/// prepositional phrase, whose statement is in the clauses after it.
fn is_adverbial(span: &str) -> bool {
    span.starts_with(['在', '于', '从', '自', '当'])
        // Words that start with one of those characters but are no preposition (当地企业…).
        && !NOT_PREPOSITIONS.iter().any(|w| span.starts_with(w))
        && span.ends_with(['中', '上', '下', '里', '内', '外', '时', '后', '前', '间'])
        && !span.contains(['，', ',', '；', ';'])
}

/// True when the kept span (`span`) announces a second half that the cut would remove: it holds
/// the first word of a paired construction ("不单…，更…", "虽然…，但…", "如果…，就…"), or
/// its last clause is a means or basis ("以…为牵引", "通过…", "围绕…") whose head clause
/// follows.
fn leads_on(span: &str, last: &str) -> bool {
    FIRST_HALVES.iter().any(|w| span.contains(w))
        || MEANS_OPENERS.iter().any(|w| last.starts_with(w))
        || holds_disposal(last)
        || (last.starts_with('以')
            && !NOT_MEANS.iter().any(|w| last.starts_with(w))
            && last.contains('为'))
}

/// True for a clause with 把 ("株洲所把学习…精神，作为首要政治任务"): official prose often puts
/// the verb of a 把 construction after a comma.
fn holds_disposal(clause: &str) -> bool {
    clause
        .match_indices('把')
        .any(|(i, _)| !clause[i + '把'.len_utf8()..].starts_with(['握', '关', '手', '控']))
}

/// First halves of paired conjunctions: the clause after them completes the statement.
const FIRST_HALVES: [&str; 12] = [
    "不仅", "不但", "不单", "不只", "不光", "虽然", "尽管", "如果", "假如", "只要", "只有", "一旦",
];
/// Prepositions that open a means or basis clause ("通过开展专项行动，……").
const MEANS_OPENERS: [&str; 10] = [
    "通过",
    "围绕",
    "依托",
    "借助",
    "按照",
    "根据",
    "依据",
    "立足",
    "聚焦",
    "坚持以",
];
/// Words that start with 以 but open no "以…为…" clause.
const NOT_MEANS: [&str; 6] = ["以及", "以上", "以下", "以后", "以前", "以来"];

/// True when the clauses after a cut (`rest`) hold the main statement that the kept part only
/// leads up to ("炎陵县民凭快递包装箱，无论大小，均可……").
fn statement_goes_on(rest: &str) -> bool {
    let rest = rest.trim_start_matches(['，', ',', '；', ';', '：', ':', ' ']);
    MAIN_CLAUSE_OPENERS.iter().any(|o| rest.starts_with(o))
}

/// True when the kept span's last clause says "X 是 …" and the rest ends in the noun the 是
/// names ("推行“一窗通办”是茶陵县提升办事效率，加快……改革步伐的缩影。"): the cut would
/// change what the sentence says.
fn completes_copula(last: &str, rest: &str) -> bool {
    let tail = rest
        .trim_start_matches(['，', ',', ' '])
        .trim_end_matches(['。', '！', '？', '!', '?', '；', ';', '”', ' ']);
    last.contains('是')
        && !tail.contains('是')
        && !tail.contains(['，', ','])
        && tail.rsplit_once('的').is_some_and(|(_, noun)| {
            (1..=COPULA_NOUN_MAX_CHARS).contains(&noun.chars().count())
                && noun.chars().all(crate::text::is_han)
        })
}

/// Longest noun (in characters) after the last 的 that [`completes_copula`] reads as what 是
/// names ("…的缩影", "…的一系列零部件组件").
const COPULA_NOUN_MAX_CHARS: usize = 8;

/// True when the kept span ends with a day ("……9月14日"): a date opens the clause after it.
fn ends_with_date(span: &str) -> bool {
    span.strip_suffix('日')
        .is_some_and(|s| s.ends_with(|c: char| c.is_ascii_digit()))
}

/// Openings of a clause that carries the sentence's main statement after a condition or topic.
const MAIN_CLAUSE_OPENERS: [&str; 19] = [
    "无论", "不论", "不管", "均可", "都可", "即可", "便可", "就可",
    // Adverbs before the main verb of a plural subject ("…结合工作实际，分别作主题发言").
    "分别", "先后", "相继", "纷纷", "共同", "一同", "一起",
    // A turn: what follows is the point ("骑手送餐途中受伤，却被告知自己并非平台员工").
    "却", "但", "然而", "可是",
];

const NOT_PREPOSITIONS: [&str; 12] = [
    "当地", "当前", "当代", "当年", "当天", "自治", "自身", "自主", "自然", "从事", "在线", "于是",
];

/// Byte length of the leading meta-discourse of `sentence` (step 1 of [`compress`]), applied
/// until nothing more is removed ("为了…，本文提出了…").
fn strip_framing(sentence: &str) -> usize {
    let mut start = 0;
    loop {
        let rest = sentence.get(start..).unwrap_or("");
        let cut = marker_len(rest)
            .max(framing_clause_len(rest))
            .max(source_clause_len(rest))
            .max(self_subject_len(rest));
        if cut == 0 || rest.len() - cut == 0 {
            return start;
        }
        start += cut;
    }
}

fn after_comma(rest: &str) -> Option<&str> {
    rest.strip_prefix('，').or_else(|| rest.strip_prefix(','))
}

fn marker_len(s: &str) -> usize {
    MARKERS
        .iter()
        .find_map(|m| after_comma(s.strip_prefix(m)?))
        .map_or(0, |rest| s.len() - rest.len())
}

/// Where the reporter heard it ("记者从青溪市园林局获悉，", "从市教育局了解到，"): the
/// statement follows.
fn source_clause_len(s: &str) -> usize {
    if !s.starts_with("记者") && !s.starts_with('从') {
        return 0;
    }
    match clause_ends(s).first() {
        Some(&end)
            if end < s.len() && s[..end].chars().count() <= MAX_SOURCE_CHARS && {
                let clause = s[..end].trim_end_matches(['，', ',']);
                ["获悉", "了解到", "得知"]
                    .iter()
                    .any(|v| clause.ends_with(v))
            } =>
        {
            end
        }
        _ => 0,
    }
}

fn framing_clause_len(s: &str) -> usize {
    if !FRAMING_CLAUSES.iter().any(|f| s.starts_with(f)) {
        return 0;
    }
    match clause_ends(s).first() {
        // The clause must end at a comma, not at the end of the sentence.
        Some(&end)
            if end < s.len()
                && s[..end].ends_with(['，', ','])
                && s[..end].chars().count() <= MAX_FRAMING_CHARS =>
        {
            // A purpose often goes on in a second clause ("为了…，尽可能减少…，主句").
            let next = clause_ends(&s[end..]).first().map(|&e| end + e);
            match next {
                Some(next)
                    if PURPOSE_GOES_ON.iter().any(|a| s[end..].starts_with(a))
                        && next < s.len()
                        && s[..next].ends_with(['，', ','])
                        && s[..next].chars().count() <= MAX_FRAMING_CHARS * 2 =>
                {
                    next
                }
                _ => end,
            }
        }
        _ => 0,
    }
}

/// Adverbs that open the second clause of a purpose ("为了…，尽可能减少…的影响，").
const PURPOSE_GOES_ON: [&str; 6] = ["尽可能", "尽量", "进一步", "更好地", "切实", "最大限度"];

fn self_subject_len(s: &str) -> usize {
    let Some(subject) = SELF_SUBJECTS.iter().find(|q| s.starts_with(**q)) else {
        return 0;
    };
    let mut rest = &s[subject.len()..];
    rest = after_comma(rest).unwrap_or(rest);
    if let Some(r) = SELF_ADVERBS.iter().find_map(|a| rest.strip_prefix(a)) {
        rest = r;
    }
    if let Some(r) = SELF_VERBS.iter().find_map(|v| rest.strip_prefix(v)) {
        let r = r.strip_prefix('了').unwrap_or(r);
        let r = after_comma(r).unwrap_or(r);
        return s.len() - r.len();
    }
    if SELF_PREPOSITIONS.iter().any(|p| rest.starts_with(p)) {
        return s.len() - rest.len();
    }
    0
}

/// Byte ends of the top-level clauses of `s` (each end is just after its `，；：` or the end
/// of `s`); separators inside quotes or brackets do not count.
fn clause_ends(s: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut depth: i32 = 0;
    for (i, c) in s.char_indices() {
        match c {
            '（' | '(' | '“' | '‘' | '「' | '『' | '《' | '【' | '[' => depth += 1,
            '）' | ')' | '”' | '’' | '」' | '』' | '》' | '】' | ']' => {
                depth = (depth - 1).max(0)
            }
            '，' | ',' | '；' | ';' | '：' | ':' if depth == 0 => ends.push(i + c.len_utf8()),
            _ => {}
        }
    }
    if ends.last() != Some(&s.len()) {
        ends.push(s.len());
    }
    ends
}

/// Step 2 of [`compress`] on `sentence[from..]`, as a byte range of `sentence`.
fn topic_span(sentence: &str, from: usize, keywords: &[&str]) -> (usize, usize) {
    let rest = sentence.get(from..).unwrap_or("");
    let mut last = None;
    let mut begin = 0;
    for end in clause_ends(rest) {
        let clause = rest.get(begin..end).unwrap_or("");
        if keywords.iter().any(|k| !k.is_empty() && clause.contains(k)) {
            last = Some(from + end);
        }
        begin = end;
    }
    let (a, Some(b)) = (from, last) else {
        return (from, sentence.len());
    };
    let span = sentence.get(a..b).unwrap_or("");
    let trimmed = span
        .trim_end_matches(['，', ',', '；', ';', '：', ':'])
        .trim_end();
    (a, a + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::{compress, is_dependent, select, Candidate, Length};

    #[test]
    fn speech_and_quotation_tails_cannot_stand_alone_but_a_novel_can() {
        assert!(is_dependent(
            "刚办完业务的蔡女士高兴地说。",
            "刚办完业务的蔡女士高兴地说。"
        ));
        assert!(is_dependent(
            "这就是数字农业的魅力。”",
            "这就是数字农业的魅力。”"
        ));
        assert!(!is_dependent(
            "《平凡的世界》是一部长篇小说。",
            "平凡的世界》是一部长篇小说。"
        ));
        // 该 points back at a noun named before, except the places news names its subject by.
        assert!(is_dependent("该基地为智能工厂。", "该基地为智能工厂。"));
        assert!(!is_dependent("该县上线了专区。", "该县上线了专区。"));
        assert!(is_dependent("他表示，将继续推进。", "他表示，将继续推进。"));
    }

    #[test]
    fn a_fragment_never_outranks_whole_sentences() {
        // None holds the keyword, so the later scores are negative; the list item must rank last.
        let texts = [
            "街道把闲置空地改造成社区菜园，由居民家庭认领种植。",
            "社区智慧监管，精准管理；",
            "退休教师每天早上都来浇水，还办起了种菜小课堂。",
        ];
        let words = [
            vec![
                "街道", "闲置", "空地", "改造", "社区", "菜园", "居民", "家庭", "认领", "种植",
            ],
            vec!["社区", "智慧", "监管", "精准", "管理"],
            vec!["退休", "教师", "早上", "浇水", "种菜", "小课堂"],
        ];
        let candidates: Vec<Candidate> = texts
            .iter()
            .zip(words)
            .enumerate()
            .map(|(i, (t, w))| Candidate {
                text: t,
                words: w,
                position: i,
                chars: t.chars().count(),
            })
            .collect();
        let picked: Vec<usize> = select(&candidates, &[("无关词", 1.0)], Length::Sentences(2))
            .into_iter()
            .map(|(i, _)| i)
            .collect();
        assert_eq!(picked, vec![0, 2]);
    }

    fn cut<'a>(s: &'a str, keywords: &[&str], verb: &str) -> &'a str {
        let verbs: Vec<usize> = s.find(verb).into_iter().collect();
        let (a, b) = compress(s, keywords, &verbs);
        &s[a..b]
    }

    #[test]
    fn leading_markers_and_framing_clauses_go() {
        assert_eq!(
            cut(
                "其中，体育与健康科目的分值将由50分提高至70分。",
                &["体育"],
                "提高"
            ),
            "体育与健康科目的分值将由50分提高至70分。"
        );
        // Where the reporter heard it; a longer clause that only starts alike stays.
        assert_eq!(
            cut(
                "记者从青溪市园林局获悉，江心洲湿地公园生态修复工程日前通过专家验收。",
                &["湿地"],
                "通过"
            ),
            "江心洲湿地公园生态修复工程日前通过专家验收。"
        );
        assert_eq!(
            cut(
                "从市教育局了解到，全市新建了十二所学校。",
                &["学校"],
                "新建"
            ),
            "全市新建了十二所学校。"
        );
        assert_eq!(
            cut("记者走访发现，社区食堂很受欢迎。", &["食堂"], "受"),
            "记者走访发现，社区食堂很受欢迎。"
        );
        assert_eq!(
            cut(
                "近日，市政府召开了政务服务工作会议。",
                &["政务服务"],
                "召开"
            ),
            "市政府召开了政务服务工作会议。"
        );
        assert_eq!(
            cut(
                "随着网购的普及，快递包装箱回收成为难题。",
                &["包装箱"],
                "成为"
            ),
            "快递包装箱回收成为难题。"
        );
        assert_eq!(
            cut(
                "为了降低噪声，本文设计了一种贯流风机叶片。",
                &["贯流风机"],
                "设计"
            ),
            "一种贯流风机叶片。"
        );
        assert_eq!(
            cut("本文对贯流风机的噪声进行了研究。", &["贯流风机"], "进行"),
            "对贯流风机的噪声进行了研究。"
        );
        // "本文的…" is not framing: the subject is part of the phrase.
        assert_eq!(
            cut("本文的方法适用于贯流风机。", &["贯流风机"], "适用"),
            "本文的方法适用于贯流风机。"
        );
    }

    #[test]
    fn a_purpose_that_goes_on_in_a_second_clause_goes_whole() {
        // Seed 000: the second clause still belongs to 为了.
        assert_eq!(
            cut(
                "为了随时满足防控需求，尽可能减少对市民的影响，政务服务中心将服务搬到了线上。",
                &["政务服务"],
                "搬到"
            ),
            "政务服务中心将服务搬到了线上。"
        );
    }

    #[test]
    fn sentences_that_point_back_cannot_stand_alone() {
        for s in [
            "其中，中车电动将建好产业学院。",
            "而这一创新成果只是一个缩影。",
        ] {
            assert!(is_dependent(s, s), "{s}");
        }
        assert!(!is_dependent(
            "而今，株洲已建成智慧城市。",
            "而今，株洲已建成智慧城市。"
        ));
    }

    #[test]
    fn trailing_clauses_without_keywords_go_but_not_inside_brackets() {
        assert_eq!(
            cut(
                "该县开展“跨省通办”试点，效果良好，群众满意。",
                &["跨省通办"],
                "开展"
            ),
            "该县开展“跨省通办”试点"
        );
        assert_eq!(
            cut(
                "该县开展试点（涉及跨省通办，共5项）。",
                &["跨省通办"],
                "开展"
            ),
            "该县开展试点（涉及跨省通办，共5项）。"
        );
    }

    #[test]
    fn a_bare_topic_or_a_tiny_rest_keeps_the_sentence() {
        // No verb before the cut: the topic would lose its statement.
        assert_eq!(
            cut(
                "汽车产业的转型升级，企业是主体，服务是关键。",
                &["汽车产业"],
                "是"
            ),
            "汽车产业的转型升级，企业是主体，服务是关键。"
        );
        // Too short once cut.
        assert_eq!(
            cut("风机降噪，是本研究的目标。", &["风机"], "是"),
            "风机降噪，是本研究的目标。"
        );
        // Only a place ("在……专栏中"): the statement comes after it.
        let s = "在株洲所内部开设的员工学习专栏中，夏工热情地表达自己的心声。";
        assert_eq!(cut(s, &["株洲所"], "开设"), s);
        // A condition and its main clause stay together.
        let s = "县民凭快递包装箱，无论大小，均可到邮政网点兑换礼物。";
        assert_eq!(cut(s, &["快递包装箱"], "快递"), s);
        // 当地 is a subject, not 当 "when": the aside after it still goes.
        assert_eq!(
            cut(
                "当地企业纷纷投身到数字经济发展中，取得了显著成效。",
                &["数字经济"],
                "投身"
            ),
            "当地企业纷纷投身到数字经济发展中"
        );
    }

    #[test]
    fn a_clause_that_announces_more_keeps_what_it_announces() {
        // (sentence, keywords, a verb before the cut): each is kept whole.
        let whole = [
            // The first half of 不单…更… (seed 003).
            (
                "数字改革不单为企业“智”做“加法”，为群众办事更是“勇”做“减法”。",
                &["数字"][..],
                "做",
            ),
            // A means clause ("以…为牵引", "通过…") leads to its head clause (seed 002).
            (
                "高新区打破沉疴痼疾，以企业全生命周期发展需求为牵引，构建园区新体制机制。",
                &["企业", "高新区"][..],
                "打破",
            ),
            (
                "该县整合窗口资源，通过跨省通办专区，为群众节省了时间。",
                &["跨省通办"][..],
                "整合",
            ),
            // The verb of a 把 construction after the comma; a plural subject's main verb.
            (
                "株洲所把学习讲话精神，作为一项首要政治任务。",
                &["株洲所"][..],
                "学习",
            ),
            (
                "曹慧泉、陈恢清结合工作实际，分别作主题发言。",
                &["陈恢清"][..],
                "结合",
            ),
            // "X是A，B的缩影": the noun that 是 names is after the comma (seed 001).
            (
                "推行“一窗通办”是茶陵县提升办事效率，加快改革步伐的缩影。",
                &["一窗通办"][..],
                "推行",
            ),
            // A definition: what 是 names is a longer noun phrase (seed 000).
            (
                "动力总成指的是车辆上产生动力，并将动力传递到路面的一系列零部件组件。",
                &["动力总成"][..],
                "产生",
            ),
            // A turn: what follows 却 is the point.
            (
                "骑手在送餐途中发生交通事故受伤，却被告知自己并非平台员工。",
                &["骑手"][..],
                "发生",
            ),
            // Who speaks, then what they said.
            (
                "青溪食品董事长在业绩说明会上表示，公司下半年将新建两座工厂。",
                &["青溪食品"][..],
                "在",
            ),
            // A date opens the clause after it (seed 002).
            (
                "盲道已重新铺设……9月14日，市人大常委会再次跟踪督办。",
                &["盲道"][..],
                "铺设",
            ),
        ];
        for (s, keywords, verb) in whole {
            assert_eq!(cut(s, keywords, verb), s);
        }
        // (sentence, keywords, verb, what is kept): look-alikes whose aside still goes.
        let trimmed = [
            // 把握 is no 把 construction.
            (
                "该县把握跨省通办机遇，效果良好。",
                &["跨省通办"][..],
                "把握",
                "该县把握跨省通办机遇",
            ),
            // A second statement with its own 是.
            (
                "深度学习是贯流风机设计的热点，也是难点。",
                &["贯流风机"][..],
                "学习",
                "深度学习是贯流风机设计的热点",
            ),
            // 以及 is no means clause.
            (
                "该县开通了跨省通办，以及网上预约，效果良好。",
                &["网上预约"][..],
                "开通",
                "该县开通了跨省通办，以及网上预约",
            ),
            // A 说 that is a noun ends no speech.
            (
                "这部小说获得了青溪文学奖，作者很高兴。",
                &["青溪文学奖"][..],
                "获得",
                "这部小说获得了青溪文学奖",
            ),
        ];
        for (s, keywords, verb, kept) in trimmed {
            assert_eq!(cut(s, keywords, verb), kept);
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "",
            "，",
            "本文",
            "本文提出了",
            "据了解，",
            "随着，",
            "为了",
            "）（，",
            "😀，😀。",
        ] {
            let (a, b) = compress(s, &["😀", ""], &[0, 1, 100]);
            assert!(a <= b && s.get(a..b).is_some(), "{s:?}");
        }
    }
}
