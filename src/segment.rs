//! Word segmentation: jieba with the built-in dictionary plus user words, with offsets in
//! bytes (for Rust) and UTF-16 code units (for JavaScript).

use crate::dictionary::{self, IdfTable};
use crate::error::Error;
use crate::script::simplified;
use crate::text::Utf16Map;
use jieba_rs::Jieba;
use std::collections::HashSet;
use std::str::FromStr;

/// Longest word the user dictionary accepts, in characters.
pub const MAX_WORD_CHARS: usize = 64;

/// Part-of-speech tag of a user word added without one: other proper noun (`nz`).
pub const USER_WORD_TAG: &str = "nz";

/// How jieba cuts text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Most likely segmentation; tokens cover the text without overlap.
    #[default]
    Default,
    /// Default, plus the shorter dictionary words inside long words (tokens overlap).
    Search,
    /// Every dictionary word found anywhere (tokens overlap).
    All,
}

impl FromStr for Mode {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "default" | "" => Ok(Mode::Default),
            "search" => Ok(Mode::Search),
            "all" => Ok(Mode::All),
            _ => Err(Error::InvalidOption {
                name: "mode",
                value: s.to_string(),
            }),
        }
    }
}

/// One word of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word, borrowed from the input.
    pub word: &'a str,
    /// Byte range in the input.
    pub byte_start: usize,
    /// End of the byte range (exclusive).
    pub byte_end: usize,
    /// UTF-16 range in the input (what JavaScript indexes by).
    pub start: u32,
    /// End of the UTF-16 range (exclusive).
    pub end: u32,
    /// Part-of-speech tag, when requested (`n`, `v`, `ns`, …; `x` for punctuation).
    pub tag: Option<&'a str>,
}

/// Characters that stand alone as grammatical words (pronouns, prepositions, particles,
/// adverbs) and that jieba's HMM sometimes glues to a neighbour of an unknown word: at the
/// start of such a word (将线, 因新冠, 其要, 这是, 自下 of 自下月起) …
const GLUED_BEFORE: &str =
    "之这那其仅再到即因为将已我你他她有而凡并被把让给在和与及或以也都就还又才每各该此的了着得自从对";
/// Chinese numerals.
const NUMERALS: &str = "一二三四五六七八九十两";
/// … or at its end (帮其, 机将, 次到, 地说, 党有, 周琦在, 签个, 区均).
const GLUED_AFTER: &str =
    "的了着过将把被让给在于与和及或其之而因为以有是也都就还又再才次到说等这那个均";

impl Token<'_> {
    /// A word jieba's HMM made from characters the dictionary does not join (tag `x`, two or
    /// three Han characters) that starts or ends with a grammatical word, or two characters
    /// that start with a numeral: a fragment of two words, not a new word or a name. Names and
    /// new terms (陈恢清, 汽开区, 通办) are not.
    ///
    /// ```
    /// use wenxi::{Mode, Segmenter};
    /// let seg = Segmenter::new();
    /// let tokens = seg.segment("自下月起每周二至周六开放。这项业务将线上办理。", Mode::Default, true, true);
    /// let glued: Vec<&str> = tokens.iter().filter(|t| t.is_glued_fragment()).map(|t| t.word).collect();
    /// assert_eq!(glued, ["自下", "二至", "将线"]);
    /// ```
    pub fn is_glued_fragment(&self) -> bool {
        if self.tag != Some("x") {
            return false;
        }
        let mut chars = self.word.chars();
        let (Some(first), Some(_)) = (chars.next(), chars.next()) else {
            return false;
        };
        let rest = chars.count();
        let last = self.word.chars().next_back().unwrap_or(first);
        rest <= 1
            && self.word.chars().all(crate::text::is_han)
            && (GLUED_BEFORE.contains(first)
                || GLUED_AFTER.contains(last)
                // A numeral glued to the next character ("周二至周六" → 二至).
                || (rest == 0 && NUMERALS.contains(first)))
    }
}

/// jieba plus the data wenxi adds: IDF table and the words the user added.
pub struct Segmenter {
    jieba: Jieba,
    idf: IdfTable,
    user_words: HashSet<String>,
    /// Tags of user words that jieba does not have.
    user_tags: HashSet<String>,
}

/// jieba's part-of-speech tags (its dictionary's and its HMM's, and `eng`), sorted.
const JIEBA_TAGS: &[&str] = &[
    "a", "ad", "ag", "an", "b", "bg", "c", "d", "df", "dg", "e", "en", "eng", "f", "g", "h", "i",
    "in", "j", "jn", "k", "l", "ln", "m", "mg", "mq", "n", "ng", "nr", "nrfg", "nrt", "ns", "nt",
    "nz", "o", "p", "q", "qe", "qg", "r", "rg", "rr", "rz", "s", "t", "tg", "u", "ud", "ug", "uj",
    "ul", "uv", "uz", "v", "vd", "vg", "vi", "vn", "vq", "w", "x", "y", "yg", "z", "zg",
];

impl Default for Segmenter {
    fn default() -> Self {
        Self::new()
    }
}

impl Segmenter {
    /// Loads the built-in dictionary (about 30 ms natively, 50–90 ms in WebAssembly).
    pub fn new() -> Self {
        let (jieba, idf) = dictionary::load();
        Segmenter {
            jieba,
            idf,
            user_words: HashSet::new(),
            user_tags: HashSet::new(),
        }
    }

    /// A segmenter with no dictionary at all (only user words): for tests and for callers who
    /// bring their own full dictionary through [`Segmenter::load_dictionary`].
    pub fn empty() -> Self {
        Segmenter {
            jieba: Jieba::empty(),
            idf: IdfTable::default(),
            user_words: HashSet::new(),
            user_tags: HashSet::new(),
        }
    }

    /// `tag` as a string of the segmenter's own: jieba's tags borrow the text it tagged, which
    /// for traditional text is a simplified copy that does not outlive the call.
    fn own_tag<'s>(&'s self, tag: &str) -> &'s str {
        JIEBA_TAGS
            .binary_search(&tag)
            .ok()
            .and_then(|i| JIEBA_TAGS.get(i).copied())
            .or_else(|| self.user_tags.get(tag).map(String::as_str))
            .unwrap_or("x")
    }

    /// IDF table of the built-in corpus.
    pub fn idf(&self) -> &IdfTable {
        &self.idf
    }

    /// True when the user added `word` through [`Segmenter::add_word`] or a dictionary (in
    /// either script).
    pub fn is_user_word(&self, word: &str) -> bool {
        self.user_words.contains(simplified(word).as_ref())
    }

    /// Adds one word. Without `freq`, jieba picks a frequency just high enough to keep the word
    /// together; without `tag`, a new word is tagged [`USER_WORD_TAG`]. Returns the frequency
    /// used.
    ///
    /// ```
    /// let mut seg = wenxi::Segmenter::new();
    /// seg.add_word("贯流风机", None, Some("n")).unwrap();
    /// let words: Vec<_> = seg.segment("贯流风机很安静", Default::default(), true, false)
    ///     .into_iter().map(|t| t.word).collect();
    /// assert_eq!(words[0], "贯流风机");
    /// assert!(seg.add_word("bad\0word", None, None).is_err());
    /// ```
    pub fn add_word(
        &mut self,
        word: &str,
        freq: Option<usize>,
        tag: Option<&str>,
    ) -> Result<usize, Error> {
        let word = word.trim();
        let reason = if word.is_empty() {
            Some("the word is empty")
        } else if word.chars().count() > MAX_WORD_CHARS {
            Some("longer than 64 characters")
        } else if word.chars().any(|c| c.is_control() || c.is_whitespace()) {
            // jieba never segments across spaces or control characters: such a word could never match.
            Some("contains spaces or control characters")
        } else {
            None
        };
        if let Some(reason) = reason {
            return Err(Error::InvalidWord {
                word: word.chars().take(80).collect(),
                reason,
            });
        }
        // A word added without a tag is a term the user wants found: tag it as a proper noun
        // (jieba would leave the tag empty, and an untagged word can never be a keyword).
        // A word the dictionary already holds keeps its own tag.
        let tag = tag
            .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric()))
            .or(Some(USER_WORD_TAG));
        // Text is segmented in simplified characters (see `script`): so are its words.
        let word = simplified(word);
        self.user_words.insert(word.to_string());
        if let Some(tag) = tag.filter(|t| JIEBA_TAGS.binary_search(t).is_err()) {
            self.user_tags.insert(tag.to_string());
        }
        Ok(self.jieba.add_word(&word, freq, tag))
    }

    /// Loads a jieba-format dictionary: one `word [freq] [tag]` a line; blank lines and lines
    /// starting with `#` are skipped. Malformed lines are reported with their line number;
    /// every valid line is still added. Returns the number of words added.
    pub fn load_dictionary(&mut self, text: &str) -> (usize, Vec<Error>) {
        let mut added = 0;
        let mut errors = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let trimmed = line.trim().trim_start_matches('\u{feff}');
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = trimmed.split_whitespace().collect();
            let bad = |reason| Error::DictionaryLine {
                line: i + 1,
                content: trimmed.to_string(),
                reason,
            };
            let (word, freq, tag) = match fields.as_slice() {
                [w] => (*w, None, None),
                [w, f] => match f.parse::<usize>() {
                    Ok(f) => (*w, Some(f), None),
                    // `word tag` is a common hand-written form; accept a tag without frequency.
                    Err(_) if f.chars().all(|c| c.is_ascii_alphabetic()) => (*w, None, Some(*f)),
                    Err(_) => {
                        errors.push(bad("frequency is not a whole number of 0 or more"));
                        continue;
                    }
                },
                [w, f, t] => match f.parse::<usize>() {
                    Ok(f) => (*w, Some(f), Some(*t)),
                    Err(_) => {
                        errors.push(bad("frequency is not a whole number of 0 or more"));
                        continue;
                    }
                },
                _ => {
                    errors.push(bad("expected `word [freq] [tag]`"));
                    continue;
                }
            };
            match self.add_word(word, freq, tag) {
                Ok(_) => added += 1,
                Err(Error::InvalidWord { reason, .. }) => errors.push(bad(reason)),
                Err(e) => errors.push(e),
            }
        }
        (added, errors)
    }

    /// Segments `text`. Offsets are exact for any input, including characters outside the BMP.
    /// Traditional characters are segmented in their simplified form; the words are cut from
    /// `text` itself.
    ///
    /// ```
    /// let seg = wenxi::Segmenter::new();
    /// let words: Vec<_> = seg.segment("立法會議員", Default::default(), true, false)
    ///     .into_iter().map(|t| t.word).collect();
    /// assert_eq!(words, ["立法會", "議員"]);
    /// ```
    pub fn segment<'a>(
        &'a self,
        text: &'a str,
        mode: Mode,
        hmm: bool,
        with_tags: bool,
    ) -> Vec<Token<'a>> {
        self.segment_simplified(text, &simplified(text), mode, hmm, with_tags)
    }

    /// [`Segmenter::segment`] for a caller that already holds `simple`, the simplified form
    /// of `text` (the analyzer works on it throughout): the text is not scanned again.
    pub(crate) fn segment_simplified<'a>(
        &'a self,
        text: &'a str,
        simple: &str,
        mode: Mode,
        hmm: bool,
        with_tags: bool,
    ) -> Vec<Token<'a>> {
        debug_assert_eq!(simple.len(), text.len());
        let original = |start: usize, end: usize| text.get(start..end).unwrap_or_default();
        let mut map = Utf16Map::new(text);
        let mut out: Vec<Token<'a>> = match (mode, with_tags) {
            (Mode::Default, true) => self
                .jieba
                .tag(simple, hmm)
                .into_iter()
                .map(|t| Token {
                    word: original(t.byte_start, t.byte_end),
                    byte_start: t.byte_start,
                    byte_end: t.byte_end,
                    start: 0,
                    end: 0,
                    tag: Some(self.own_tag(t.tag)),
                })
                .collect(),
            _ => {
                let tokens = match mode {
                    Mode::Default => self.jieba.cut(simple, hmm),
                    Mode::Search => self.jieba.cut_for_search(simple, hmm),
                    Mode::All => self.jieba.cut_all(simple),
                };
                tokens
                    .into_iter()
                    .map(|t| Token {
                        word: original(t.byte_start, t.byte_end),
                        byte_start: t.byte_start,
                        byte_end: t.byte_end,
                        start: 0,
                        end: 0,
                        tag: None,
                    })
                    .collect()
            }
        };
        if with_tags && mode != Mode::Default {
            for t in &mut out {
                t.tag = Some(self.tag_of(t.word));
            }
        }
        // Overlapping modes are not sorted by start; map in start order to stay linear.
        let ordered = out.windows(2).all(|w| w[0].byte_start <= w[1].byte_start);
        if !ordered {
            out.sort_by_key(|t| (t.byte_start, t.byte_end));
        }
        for t in &mut out {
            t.start = map.to_utf16(t.byte_start);
            t.end = t.start + crate::text::utf16_len(t.word) as u32;
        }
        out
    }

    /// UTF-16 end offsets of the default segmentation: the boundary's hot path, without the
    /// intermediate [`Token`] list (for `default` mode the tokens tile the text in order).
    pub fn utf16_ends(&self, text: &str, hmm: bool) -> Vec<u32> {
        let text = simplified(text);
        let tokens = self.jieba.cut(&text, hmm);
        // jieba counts chars; they are UTF-16 units unless the text has characters outside the
        // Basic Multilingual Plane (4-byte UTF-8 sequences, lead byte 0xF0 and up).
        if !has_astral(&text) {
            return tokens.iter().map(|t| t.end as u32).collect();
        }
        let mut ends = Vec::with_capacity(tokens.len());
        let mut units = 0u32;
        for t in tokens {
            units += t.word.chars().map(|c| c.len_utf16() as u32).sum::<u32>();
            ends.push(units);
        }
        ends
    }

    /// Dictionary tag of `word`, or jieba's guess (`x` for punctuation, `m` for numbers…).
    pub fn tag_of<'a>(&'a self, word: &'a str) -> &'a str {
        self.jieba
            .tag(&simplified(word), false)
            .first()
            .map_or("x", |t| self.own_tag(t.tag))
    }
}

/// True when `text` has a character outside the Basic Multilingual Plane (a 4-byte UTF-8
/// sequence, lead byte 0xF0 and up), i.e. one that takes two UTF-16 units.
fn has_astral(text: &str) -> bool {
    // Eight bytes at a time (a tight loop, fast without SIMD too): a byte is 0xF0 or more when
    // its top four bits are all set; the shifts stay within each byte at the bit-7 positions.
    const TOP: u64 = 0x8080_8080_8080_8080;
    let mut chunks = text.as_bytes().chunks_exact(8);
    let mut seen = 0u64;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        seen |= w & (w << 1) & (w << 2) & (w << 3) & TOP;
    }
    seen != 0 || chunks.remainder().iter().any(|&b| b >= 0xF0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_word_in_either_script_matches_text_in_either() {
        let mut seg = Segmenter::empty();
        seg.add_word("蔣萬安", Some(1000), None).unwrap();
        for text in ["蔣萬安表示", "蒋万安表示"] {
            let tokens = seg.segment(text, Mode::Default, false, true);
            assert_eq!(tokens[0].word, text.get(..9).unwrap());
            assert_eq!(tokens[0].tag, Some(USER_WORD_TAG));
            assert!(seg.is_user_word(tokens[0].word));
        }
        // A tag jieba does not have is kept for the word.
        seg.add_word("捷運局", Some(1000), Some("org")).unwrap();
        assert_eq!(
            seg.segment("捷運局", Mode::Default, false, true)[0].tag,
            Some("org")
        );
    }

    #[test]
    fn astral_characters_are_found_at_any_offset() {
        let naive = |s: &str| s.chars().any(|c| c.len_utf16() == 2);
        for pad in 0..17 {
            for ch in ["😀", "𠀀", "中", "é", "a", "\u{FFFF}"] {
                for tail in ["", "文字", "ab"] {
                    let s = format!("{}{ch}{tail}", "x".repeat(pad));
                    assert_eq!(has_astral(&s), naive(&s), "{s:?}");
                }
            }
        }
        assert!(!has_astral(""));
    }
}
