//! The built-in dictionary: jieba's word list (frequency, part-of-speech tag) and IDF table,
//! decoded from the compact blob that `build.rs` packs.
//!
//! The IDF table is kept as one sorted string arena with offsets, so a lookup is a binary
//! search and start-up allocates a handful of vectors instead of 600k strings.

use jieba_rs::Jieba;

static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dictionary.bin"));

/// Sorted words with their IDF, stored without per-word allocation.
#[derive(Debug, Default, Clone)]
pub struct IdfTable {
    arena: String,
    /// `ends[i]` is the end of word `i` in `arena`; word `i` starts at `ends[i-1]` (or 0).
    ends: Vec<u32>,
    idf: Vec<f32>,
    median: f32,
}

impl IdfTable {
    /// IDF of `word`, or `None` when the corpus never saw it.
    pub fn get(&self, word: &str) -> Option<f32> {
        let (mut lo, mut hi) = (0usize, self.ends.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.word(mid).cmp(word) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(self.idf[mid]),
            }
        }
        None
    }

    /// Median IDF: the usual stand-in for words the table does not know.
    pub fn median(&self) -> f32 {
        self.median
    }

    /// Number of words with an IDF.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when the table holds no words.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn word(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.arena[start..self.ends[i] as usize]
    }
}

/// Builds a segmenter holding the built-in dictionary, and the IDF table.
pub fn load() -> (Jieba, IdfTable) {
    // The blob is produced by our own build script; a decoding failure is a build bug, and we
    // fall back to an empty dictionary rather than panic inside the WASM instance.
    decode(BLOB).unwrap_or_else(|| (Jieba::empty(), IdfTable::default()))
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }
    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
    fn f32(&mut self) -> Option<f32> {
        Some(f32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    /// Next front-coded word, rebuilt in `word`.
    fn word(&mut self, word: &mut String) -> Option<()> {
        let shared = self.varint()? as usize;
        let len = self.varint()? as usize;
        let suffix = std::str::from_utf8(self.take(len)?).ok()?;
        if shared > word.len() || !word.is_char_boundary(shared) {
            return None;
        }
        word.truncate(shared);
        word.push_str(suffix);
        Some(())
    }
}

/// Words decoded per call of [`add_words`].
const CHUNK: usize = 4096;

/// The per-word columns of the blob, read in step.
struct Columns<'a, F> {
    words: Reader<'a>,
    freqs: Reader<'a>,
    tags: &'a [&'a str],
    tag_col: &'a [u8],
    idf_col: &'a [u8],
    dequantize: &'a F,
}

/// Adds the words `range` to the segmenter and the IDF table.
///
/// Kept out of line on purpose: WebAssembly engines start on a baseline compiler and swap in
/// optimized code between calls, never inside a running call. One loop over all 200k words
/// would run entirely on baseline code; called per chunk, most chunks run optimized (this
/// halves start-up in Chromium).
#[inline(never)]
fn add_words<F: Fn(u8) -> f32>(
    c: &mut Columns<'_, F>,
    range: std::ops::Range<usize>,
    word: &mut String,
    jieba: &mut Jieba,
    idf: &mut IdfTable,
) -> Option<()> {
    for i in range {
        c.words.word(word)?;
        let freq = c.freqs.varint()? as usize;
        let tag = *c.tags.get(usize::from(*c.tag_col.get(i)?))?;
        jieba.add_word(word, Some(freq), Some(tag));
        let q = *c.idf_col.get(i)?;
        if q != 0 {
            idf.arena.push_str(word);
            idf.ends.push(idf.arena.len() as u32);
            idf.idf.push((c.dequantize)(q));
        }
    }
    Some(())
}

fn decode(bytes: &[u8]) -> Option<(Jieba, IdfTable)> {
    let mut r = Reader { bytes, pos: 0 };
    if r.take(4)? != b"WXD2" {
        return None;
    }
    let (min, max) = (r.f32()?, r.f32()?);
    let dequantize = |q: u8| min + (max - min) * f32::from(q.saturating_sub(1)) / 254.0;
    let tag_count = r.varint()? as usize;
    let mut tags = Vec::with_capacity(tag_count);
    for _ in 0..tag_count {
        let len = r.varint()? as usize;
        tags.push(std::str::from_utf8(r.take(len)?).ok()?);
    }
    let count = r.varint()? as usize;
    let words_len = r.varint()? as usize;
    let words = Reader {
        bytes: r.take(words_len)?,
        pos: 0,
    };
    let freqs_len = r.varint()? as usize;
    let freqs = Reader {
        bytes: r.take(freqs_len)?,
        pos: 0,
    };
    let tag_col = r.take(count)?;
    let idf_col = r.take(count)?;

    let mut jieba = Jieba::empty();
    let mut idf = IdfTable {
        arena: String::with_capacity(words_len * 2),
        ends: Vec::with_capacity(count),
        idf: Vec::with_capacity(count),
        median: 0.0,
    };
    let columns = Columns {
        words,
        freqs,
        tags: &tags,
        tag_col,
        idf_col,
        dequantize: &dequantize,
    };
    let mut word = String::new();
    let mut cursor = columns;
    let mut i = 0;
    while i < count {
        let end = (i + CHUNK).min(count);
        add_words(&mut cursor, i..end, &mut word, &mut jieba, &mut idf)?;
        i = end;
    }
    // The median needs one element in place, not a full sort of 150k values.
    let mut values = idf.idf.clone();
    let middle = values.len() / 2;
    idf.median = if values.is_empty() {
        10.0
    } else {
        *values.select_nth_unstable_by(middle, f32::total_cmp).1
    };
    Some((jieba, idf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_builtin_dictionary() {
        let (jieba, idf) = load();
        assert!(jieba.has_word("我们"));
        assert!(jieba.has_word("北京烤鸭"));
        assert!(jieba.has_word("新能源"));
        // One-off rare entries are left out of the compact dictionary.
        assert!(!jieba.has_word("郑屠那"));
        assert!(idf.len() > 150_000, "idf words: {}", idf.len());
        // Rare words have a high IDF, common ones a low IDF.
        let rare = idf.get("北京烤鸭").unwrap();
        let common = idf.get("中国").unwrap();
        assert!(rare > common, "{rare} vs {common}");
        assert!(idf.get("不存在的词语甲乙丙").is_none());
        assert!(idf.median() > common && idf.median() < rare);
    }

    #[test]
    fn truncated_or_foreign_blobs_are_rejected_without_panic() {
        assert!(decode(b"").is_none());
        assert!(decode(b"WXD1....").is_none());
        for cut in [5, 100, BLOB.len() / 2, BLOB.len() - 1] {
            assert!(decode(&BLOB[..cut]).is_none(), "cut at {cut}");
        }
    }
}
