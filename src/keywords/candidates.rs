//! Which tokens may be (part of) a keyword.
//!
//! Every token gets a [`Role`]: a *head* can end a key phrase or be a keyword alone (nouns,
//! names, places, organisations, verbal nouns, foreign words, words jieba's HMM discovered);
//! a *modifier* can only sit inside a phrase ("大" in 大角度机动), and a verb only at its start
//! ("修正" in 修正参数模型);
//! everything else *breaks* phrases: punctuation, whitespace, stopwords, numbers, time words,
//! particles, pronouns, prepositions, conjunctions, adverbs.
//!
//! Some words are never keywords whatever their tag: numbers, dates, and the names that follow
//! a newsroom credit (记者/王娜, 通讯员 张倩, 李华 摄), which jieba tags like any other name.

use crate::segment::Token;
use crate::stopwords::is_stopword;
use crate::text::{is_han, is_number_like, is_punctuation_or_space};
use std::collections::HashSet;

/// What a token can do in a key phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Ends a phrase, or is a keyword alone.
    Head,
    /// Only inside a phrase, never at its end.
    Modifier,
    /// Only at the start of a phrase: a verb modifies what follows ("修正参数模型"), but a verb
    /// after a noun makes a clause ("常委会召开会议"), not a term.
    Opener,
    /// Never part of a keyword; phrases do not cross it.
    Break,
}

/// Tags of words that can be part of a keyword, besides nouns (`n…`).
const MAY_JOIN: [&str; 18] = [
    "vn", "an", "j", "eng", "l", "x", "v", "vd", "a", "b", "ag", "s", "z", "g", "k", "h", "vg", "t",
];

/// The role of `token`; `extra_stop` holds the caller's additional stopwords.
pub fn role(token: &Token<'_>, extra_stop: &dyn Fn(&str) -> bool) -> Role {
    let word = token.word;
    let tag = token.tag.unwrap_or("x");
    // Most tokens are particles, prepositions, pronouns…: settle those by tag alone.
    if !(tag.starts_with('n') || MAY_JOIN.contains(&tag)) {
        return Role::Break;
    }
    if is_punctuation_or_space(word)
        || token.is_glued_fragment()
        || is_number_like(word)
        || is_date_like(word)
        || is_stopword(word)
        || extra_stop(word)
    {
        return Role::Break;
    }
    if word
        .chars()
        .any(|c| !(is_han(c) || c.is_ascii_alphanumeric() || c == '-'))
    {
        return Role::Break;
    }
    // Lower-case Latin words in Chinese prose are glosses ("短暂性脑缺血发作(transient …)") or
    // species names, and "2600kg", "667m2" are quantities; neither names a subject.
    if word.is_ascii() && (word.bytes().all(|b| b.is_ascii_lowercase()) || is_quantity(word)) {
        return Role::Break;
    }
    match tag {
        // Nouns of every kind (n, nr, ns, nt, nz, ng, nrt, nrfg), verbal and adjectival nouns,
        // abbreviations, idioms used as terms and foreign words.
        t if t.starts_with('n') => Role::Head,
        "vn" | "an" | "j" | "eng" | "l" => Role::Head,
        // Time words that name a subject ("夜间", "春节", "周末"); the generic ones ("今年",
        // "目前") are stopwords and dates were settled above.
        "t" => Role::Head,
        // jieba's HMM found the word, the dictionary lacks it: new terms and names.
        "x" => {
            if word.chars().all(is_han)
                || word.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            {
                Role::Head
            } else {
                Role::Break
            }
        }
        "v" | "vd" | "vg" => Role::Opener,
        "a" | "b" | "ag" | "s" | "z" | "g" | "k" | "h" => Role::Modifier,
        _ => Role::Break,
    }
}

/// True for a number followed by a unit of measure: 2600kg, 667m2, 15mm, 3.5h (not 5G).
pub fn is_quantity(word: &str) -> bool {
    let digits = word
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    let unit = word
        .get(digits..)
        .unwrap_or("")
        .trim_end_matches(|c: char| c.is_ascii_digit());
    // Units have a lower-case letter (kg, m, Hz, mmHg); "5G" or "3D" are names, not quantities.
    digits > 0
        && (1..=4).contains(&unit.len())
        && unit.bytes().all(|b| b.is_ascii_alphabetic())
        && unit.bytes().any(|b| b.is_ascii_lowercase())
}

/// True for characters that count or date things after a number (年, 月, 日, 个, 万, 元…).
pub fn is_unit(c: char) -> bool {
    "年月日号时分秒点周天个次项件名位家户台套元万亿千百倍米吨岁人期届节列辆座株亩栋艘架".contains(c)
}

/// True for time expressions: 10月8日, 2022年, 15时, 1920年代 (digits with date units).
pub fn is_date_like(word: &str) -> bool {
    const UNITS: &str = "年月日号时分秒点周";
    let mut digits = false;
    for c in word.chars() {
        if c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || "零〇一二三四五六七八九十两".contains(c)
        {
            digits = true;
        } else if !UNITS.contains(c) && !"-/:.代初底末".contains(c) {
            return false;
        }
    }
    digits
}

/// Names that appear in credits: the words right after 记者/通讯员/编辑… and before 摄.
///
/// ```
/// let seg = wenxi::Segmenter::new();
/// let text = "株洲日报讯(记者/王娜 通讯员/张倩) 近日，项目投产。李华 摄";
/// let tokens = seg.segment(text, Default::default(), true, true);
/// let names = wenxi::keywords::candidates::credited_names(&tokens);
/// assert!(names.contains("王娜") && names.contains("张倩") && names.contains("李华"));
/// assert!(!names.contains("项目"));
///
/// // Running text after a role word is not a credit: these are not names.
/// let tokens = seg.segment("记者使用人工智能工具分析数据。", Default::default(), true, true);
/// assert!(wenxi::keywords::candidates::credited_names(&tokens).is_empty());
/// ```
pub fn credited_names<'a>(tokens: &[Token<'a>]) -> HashSet<&'a str> {
    const ROLES: [&str; 9] = [
        "记者",
        "通讯员",
        "编辑",
        "责编",
        "责任编辑",
        "作者",
        "摄影",
        "撰稿",
        "审核",
    ];
    let mut names = HashSet::new();
    let is_name = |w: &str| {
        let n = w.chars().count();
        (2..=4).contains(&n) && w.chars().all(is_han) && !is_stopword(w)
    };
    // A name is a dictionary name (nr…), a place-like surname (欧阳/ns) or a word jieba does not
    // know (x, how unknown names come out); verbs and nouns ("使用", "人工智能") are running text.
    let is_name_token = |t: &Token<'_>| {
        is_name(t.word)
            && t.tag
                .is_none_or(|tag| tag == "x" || tag.starts_with("nr") || tag == "ns")
    };
    // A credit ends at the line's end: "责编:李玥\n原题:…" credits 李玥 only.
    let is_sep = |w: &str| {
        w.chars()
            .all(|c| (c.is_whitespace() && c != '\n') || "/／:：、·".contains(c))
    };
    for (i, t) in tokens.iter().enumerate() {
        if ROLES.iter().any(|r| t.word.ends_with(r)) {
            // Names follow, separated by slashes, colons or spaces, until anything else.
            // A second name needs a separator before it ("王娜 张倩", "王娜、张倩"), unless it
            // is a word jieba does not know: the rest of a name it split ("欧阳 晓娟").
            let mut j = i + 1;
            let mut taken = 0;
            let mut separated = true;
            while let Some(next) = tokens.get(j) {
                if is_sep(next.word) {
                    separated = true;
                    j += 1;
                } else if (separated || next.tag == Some("x"))
                    && is_name_token(next)
                    && taken < 4
                    && !ROLES.iter().any(|r| next.word.ends_with(r))
                {
                    names.insert(next.word);
                    taken += 1;
                    separated = false;
                    j += 1;
                } else {
                    break;
                }
            }
        }
        if t.word == "摄" {
            // "李华 摄", "记者/王娜 摄": the name before, set off by space or slash.
            let before: Vec<&Token<'a>> = tokens[..i].iter().rev().take(3).collect();
            if let [sep, name, ..] = before.as_slice() {
                if is_sep(sep.word) && is_name(name.word) {
                    names.insert(name.word);
                }
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_are_not_terms() {
        for w in ["2600kg", "667m2", "15mm", "3.5h", "139mmHg", "5.6mmol"] {
            assert!(is_quantity(w), "{w}");
        }
        for w in ["AT8515", "JXB", "5G", "3D", "XML", "kg"] {
            assert!(!is_quantity(w), "{w}");
        }
    }

    #[test]
    fn time_words_that_name_a_subject_may_be_keywords() {
        let seg = crate::Segmenter::new();
        let tokens = seg.segment("图书馆今年试行夜间开放。", Default::default(), true, true);
        let role_of = |w: &str| {
            let t = tokens.iter().find(|t| t.word == w).expect(w);
            assert_eq!(t.tag, Some("t"), "{w} is a time word");
            role(t, &|_| false)
        };
        assert_eq!(role_of("夜间"), Role::Head);
        assert_eq!(role_of("今年"), Role::Break);
    }

    #[test]
    fn dates_are_recognized() {
        for w in ["10月8日", "2022年", "15时", "十月", "1920年代", "12月底"] {
            assert!(is_date_like(w), "{w}");
        }
        for w in ["月饼", "年度", "株洲", "5G"] {
            assert!(!is_date_like(w), "{w}");
        }
    }
}
