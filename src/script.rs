//! Traditional and simplified characters.
//!
//! jieba's dictionary, IDF table and wenxi's stopwords are simplified Chinese, so traditional
//! text (Taiwan, Hong Kong) segments badly: 立法會 and 施政報告 fall apart. Text is therefore
//! segmented and ranked in its simplified form, character for character, and everything shown
//! is cut from the original at the same offsets: a traditional article keeps its characters.
//!
//! The conversion is one character to one character of the same UTF-8 length (the table is
//! built that way, see `build.rs`), so byte, UTF-16 and character offsets all carry over.

use std::borrow::Cow;

include!(concat!(env!("OUT_DIR"), "/script_tables.rs"));

const CJK_FIRST: u32 = 0x4E00;
const CJK_LAST: u32 = 0x9FFF;

fn in_set(set: &[u64], c: u32) -> bool {
    let i = (c - CJK_FIRST) as usize;
    set.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
}

/// The simplified form of one character, or the character itself.
///
/// ```
/// use wenxi::script::simplified_char;
/// assert_eq!(simplified_char('會'), '会');
/// assert_eq!(simplified_char('会'), '会');
/// assert_eq!(simplified_char('a'), 'a');
/// ```
pub fn simplified_char(c: char) -> char {
    let code = u32::from(c);
    let candidate = match code {
        CJK_FIRST..=CJK_LAST => in_set(&TRADITIONAL, code),
        // Extension A and the compatibility ideographs hold a few more.
        0x3400..=0x4DBF | 0xF900..=0xFAFF => true,
        _ => false,
    };
    if !candidate {
        return c;
    }
    let Ok(key) = u16::try_from(code) else {
        return c;
    };
    T2S.binary_search_by_key(&key, |&(t, _)| t)
        .ok()
        .and_then(|i| T2S.get(i))
        .and_then(|&(_, s)| char::from_u32(u32::from(s)))
        .unwrap_or(c)
}

/// `text` in simplified characters: borrowed when it has no traditional character. The result
/// has the same length and character boundaries as `text`.
///
/// ```
/// use wenxi::script::simplified;
/// assert_eq!(simplified("行政長官發表施政報告"), "行政长官发表施政报告");
/// assert!(matches!(simplified("简体中文"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn simplified(text: &str) -> Cow<'_, str> {
    let Some(first) = text
        .char_indices()
        .find(|&(_, c)| simplified_char(c) != c)
        .map(|(i, _)| i)
    else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(text.get(..first).unwrap_or_default());
    out.extend(
        text.get(first..)
            .unwrap_or_default()
            .chars()
            .map(simplified_char),
    );
    debug_assert_eq!(out.len(), text.len());
    Cow::Owned(out)
}

/// `derived`, a string made from `simple` (the simplified copy of `original`), in the
/// characters of `original`: a piece of the line is cut from the original at its place;
/// otherwise every character the original writes differently is put back. Meant for short
/// pieces of one line (a byline, a source): where the original has two traditional forms of
/// one simplified character, the first wins.
///
/// ```
/// use wenxi::script::{restore, simplified};
/// let line = "【記者林怡君／台北報導】";
/// let simple = simplified(line);
/// assert_eq!(restore("记者林怡君／台北报导", &simple, line), "記者林怡君／台北報導");
/// ```
pub fn restore(derived: &str, simple: &str, original: &str) -> String {
    // A piece cut from the line as it is: cut it from the original at the same place.
    if let Some(piece) = simple
        .find(derived)
        .and_then(|at| original.get(at..at + derived.len()))
    {
        return piece.to_string();
    }
    let mut back: Vec<(char, char)> = simple
        .chars()
        .zip(original.chars())
        .filter(|(s, o)| s != o)
        .collect();
    back.sort_by_key(|&(s, _)| s);
    back.dedup_by_key(|&mut (s, _)| s);
    derived
        .chars()
        .map(|c| {
            back.binary_search_by_key(&c, |&(s, _)| s)
                .ok()
                .and_then(|i| back.get(i))
                .map_or(c, |&(_, o)| o)
        })
        .collect()
}

/// Whether `c` is one of the characters most Chinese text is made of, in either script. A
/// decoding that yields mostly rare characters is the wrong one (Big5 read as GBK).
pub fn is_common(c: char) -> bool {
    let s = u32::from(simplified_char(c));
    (CJK_FIRST..=CJK_LAST).contains(&s) && in_set(&COMMON, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversion_keeps_every_offset() {
        let text = "臺灣的捷運局長於週三說明，𠀀和😀不變。abc";
        let s = simplified(text);
        assert_eq!(s, "台湾的捷运局长于周三说明，𠀀和😀不变。abc");
        assert_eq!(s.len(), text.len());
        assert!(text
            .char_indices()
            .map(|(i, _)| i)
            .eq(s.char_indices().map(|(i, _)| i)));
    }

    #[test]
    fn characters_simplified_text_uses_stay() {
        // 乾 (乾隆) and 吒 (哪吒) are simplified characters too.
        assert_eq!(simplified("乾隆年间，哪吒闹海"), "乾隆年间，哪吒闹海");
    }

    #[test]
    fn common_characters_in_both_scripts() {
        assert!("的是國国們们說说".chars().all(is_common));
        assert!(!"笲絬琿".chars().any(is_common));
    }
}
