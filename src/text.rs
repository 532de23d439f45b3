//! Small text helpers shared by the pipeline: character classes and UTF-16 offsets.
//!
//! Offsets in reports are UTF-16 code units because that is what JavaScript strings index by.

/// True for CJK ideographs (the characters jieba segments into words).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// True when `word` has no letter or ideograph: punctuation, symbols, whitespace, digits.
pub fn is_punctuation_or_space(word: &str) -> bool {
    word.chars().all(|c| !c.is_alphanumeric())
}

/// True for numbers in any of the forms articles use: 2022, 64.18%, 3.5万, ２０２２, 第23094期 is not.
pub fn is_number_like(word: &str) -> bool {
    const HAN_NUMERALS: &str = "零〇一二三四五六七八九十百千万亿两";
    let mut digits = 0;
    for c in word.chars() {
        if c.is_ascii_digit() || ('０'..='９').contains(&c) || HAN_NUMERALS.contains(c) {
            digits += 1;
        } else if !matches!(c, '.' | ',' | '%' | '％' | '．' | '-' | '+') {
            return false;
        }
    }
    digits > 0
}

/// The unit half of a quantity that jieba cut off its number: 万台 (25|万台), 亿元, 余名.
///
/// ```
/// assert!(wenxi::text::is_quantity_tail("万台"));
/// assert!(wenxi::text::is_quantity_tail("余名"));
/// assert!(!wenxi::text::is_quantity_tail("万象"));
/// ```
pub fn is_quantity_tail(word: &str) -> bool {
    const UNITS: &str = "年月日时分秒个次项件名位家户台套元吨岁人亩辆座所株册份";
    let mut chars = word.chars();
    let magnitude = matches!(chars.next(), Some('万' | '亿' | '余'));
    let units: Vec<char> = chars.collect();
    magnitude && (1..=2).contains(&units.len()) && units.iter().all(|&c| UNITS.contains(c))
}

/// Maps byte offsets of a string to UTF-16 offsets. Cheap when the text has no characters
/// outside the Basic Multilingual Plane (then UTF-16 index = char index).
pub struct Utf16Map<'a> {
    text: &'a str,
    /// Byte offset → UTF-16 offset, built lazily as a running scan.
    last_byte: usize,
    last_u16: usize,
}

impl<'a> Utf16Map<'a> {
    /// A map over `text`.
    pub fn new(text: &'a str) -> Self {
        Utf16Map {
            text,
            last_byte: 0,
            last_u16: 0,
        }
    }

    /// UTF-16 offset of byte offset `byte` (which must be a char boundary; otherwise the
    /// next boundary is used). Queries in increasing order are linear overall.
    pub fn to_utf16(&mut self, byte: usize) -> u32 {
        let byte = byte.min(self.text.len());
        if byte < self.last_byte {
            self.last_byte = 0;
            self.last_u16 = 0;
        }
        let (from, mut units) = (self.last_byte, self.last_u16);
        let mut reached = from;
        for (i, c) in self.text[from..].char_indices() {
            if from + i >= byte {
                break;
            }
            units += c.len_utf16();
            reached = from + i + c.len_utf8();
        }
        self.last_byte = reached.max(from);
        self.last_u16 = units;
        units as u32
    }
}

/// Number of UTF-16 code units in `s`.
pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_astral_chars_twice() {
        let text = "a😀中文";
        let mut map = Utf16Map::new(text);
        assert_eq!(map.to_utf16(0), 0);
        assert_eq!(map.to_utf16(1), 1);
        assert_eq!(map.to_utf16(5), 3);
        assert_eq!(map.to_utf16(8), 4);
        assert_eq!(map.to_utf16(text.len()), 5);
        assert_eq!(map.to_utf16(1), 1, "going backwards restarts the scan");
    }

    #[test]
    fn numbers_in_article_forms() {
        for n in ["2022", "64.18%", "3.5万", "２０２２", "十", "4526"] {
            assert!(is_number_like(n), "{n}");
        }
        for w in ["株洲", "第23094期", "5G"] {
            assert!(!is_number_like(w), "{w}");
        }
    }
}
