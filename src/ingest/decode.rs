//! Bytes → text: UTF-8 (with or without BOM), UTF-16 (with BOM, or recognisable without one),
//! GB18030/GBK.

use crate::error::Error;
use encoding_rs::{Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// Decodes a file's bytes.
///
/// A byte-order mark decides the encoding. Without one, valid UTF-8 is UTF-8; otherwise the
/// bytes are read in the legacy encoding a web page declares (`<meta charset=big5>`), or else
/// as GB18030 (a superset of GBK and GB2312) or Big5, whichever reads as more common Chinese
/// characters — unless that yields more undecodable sequences than UTF-8 would. Stray undecodable bytes become U+FFFD; binary data
/// (NUL or other control bytes, or mostly undecodable) is refused with [`Error::NotText`].
///
/// ```
/// use wenxi::ingest::decode::decode;
/// let (gbk, _, _) = encoding_rs::GBK.encode("株洲日报讯");
/// assert_eq!(decode(&gbk).unwrap(), "株洲日报讯");
/// assert_eq!(decode(b"\xef\xbb\xbfok").unwrap(), "ok");
/// assert!(decode(&[0x89, b'P', b'N', b'G', 0, 0, 0, 13]).is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) =
            encoding.decode_without_bom_handling(bytes.get(bom_len..).unwrap_or_default());
        return checked(text.into_owned());
    }
    if bytes.contains(&0) {
        return match utf16_without_bom(bytes) {
            Some(encoding) => checked(encoding.decode_without_bom_handling(bytes).0.into_owned()),
            None => Err(Error::NotText),
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => return checked(text.to_string()),
        // Valid up to a sequence cut off by the end of the file: UTF-8, truncated.
        Err(e) if e.error_len().is_none() => {
            return checked(String::from_utf8_lossy(bytes).into_owned())
        }
        Err(_) => {}
    }
    let legacy = declared(bytes).unwrap_or_else(|| gb_or_big5(bytes));
    let (gb, _, gb_errors) = legacy.decode(bytes);
    let text = if gb_errors {
        let (utf8, _, _) = UTF_8.decode(bytes);
        if replacements(&gb) >= replacements(&utf8) {
            utf8
        } else {
            gb
        }
    } else {
        gb
    };
    checked(text.into_owned())
}

/// Bytes of a page's head searched for its declared encoding.
const HEAD_BYTES: usize = 4096;

/// The legacy encoding a page declares in its head (`<meta charset="big5">`, `<meta
/// http-equiv=… content="text/html; charset=gb2312">`, `<?xml … encoding="big5"?>`). UTF-8 and
/// UTF-16 declarations are not trusted: valid UTF-8 was already taken, and a page saved by a
/// browser often keeps its old declaration.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..bytes.len().min(HEAD_BYTES)).unwrap_or_default();
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) =
        find(lower.get(from..)?, b"charset=").or_else(|| find(lower.get(from..)?, b"encoding="))
    {
        let start = from + at + lower.get(from + at..)?.iter().position(|&b| b == b'=')? + 1;
        let value = lower.get(start..)?;
        let value = value
            .strip_prefix(b"\"")
            .or_else(|| value.strip_prefix(b"'"))
            .unwrap_or(value);
        let end = value
            .iter()
            .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b' ' | b'/' | b'?'))
            .unwrap_or(value.len());
        let encoding = Encoding::for_label(value.get(..end)?);
        if let Some(e) = encoding.filter(|e| *e != UTF_8 && *e != UTF_16LE && *e != UTF_16BE) {
            return Some(e);
        }
        from = start;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// GB18030 or Big5, for bytes that declare neither: the one whose reading of the start holds
/// more of the characters running Chinese text is made of. Big5 read as GBK (and the other way
/// round) decodes without errors, but into rare characters ("倍笲吏絬").
fn gb_or_big5(bytes: &[u8]) -> &'static Encoding {
    let sample = bytes
        .get(..bytes.len().min(SAMPLE_BYTES))
        .unwrap_or_default();
    let score = |encoding: &'static Encoding| {
        let (text, _) = encoding.decode_without_bom_handling(sample);
        text.chars()
            .filter(|&c| crate::text::is_han(c) && crate::script::is_common(c))
            .count()
    };
    if score(BIG5) > score(GB18030) {
        BIG5
    } else {
        GB18030
    }
}

/// UTF-16 without a BOM shows as NUL high bytes on one side of every pair of ASCII text. A
/// Chinese text has few ASCII characters (its line breaks, digits): then the sign is a byte
/// order in which the whole file reads as Chinese.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even_nul = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 3 >= pairs && even_nul * 20 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 3 >= pairs && odd_nul * 20 < pairs {
        Some(UTF_16BE)
    } else if reads_as_chinese(UTF_16LE, bytes) {
        Some(UTF_16LE)
    } else if reads_as_chinese(UTF_16BE, bytes) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Bytes [`reads_as_chinese`] looks at: enough to tell, and a large binary file is not decoded
/// twice over just to be refused.
const SAMPLE_BYTES: usize = 1 << 16;

/// True when the start of `bytes` decodes without errors to text that is nearly all Han
/// characters, ASCII and CJK or full-width punctuation (binary data read as UTF-16 scatters
/// over all of Unicode).
fn reads_as_chinese(encoding: &'static Encoding, bytes: &[u8]) -> bool {
    let sample = bytes
        .get(..bytes.len().min(SAMPLE_BYTES) & !1)
        .unwrap_or_default();
    let (text, _) = encoding.decode_without_bom_handling(sample);
    // A sample may end inside a surrogate pair.
    let text = if sample.len() < bytes.len() {
        text.strip_suffix('\u{fffd}').unwrap_or(&text)
    } else {
        &text
    };
    if text.contains('\u{fffd}') {
        return false;
    }
    let (mut chars, mut usual) = (0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        if c.is_ascii_graphic()
            || matches!(c, ' ' | '\n' | '\r' | '\t')
            || crate::text::is_han(c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
            || ('\u{2010}'..='\u{2027}').contains(&c)
        {
            usual += 1;
        }
    }
    usual * 10 >= chars * 9
}

fn replacements(s: &str) -> usize {
    s.chars().filter(|&c| c == '\u{fffd}').count()
}

/// Refuses decoded text that is really binary: many undecodable sequences or control
/// characters (text files hold only tab, line breaks, form feed and escape among them).
fn checked(text: String) -> Result<String, Error> {
    let mut chars = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        chars += 1;
        if c == '\u{fffd}'
            || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}' | '\u{1b}'))
        {
            bad += 1;
        }
    }
    // A few bad characters are damage (a truncated file, a stray byte); many are binary.
    if bad > 2 && bad * 10 > chars {
        return Err(Error::NotText);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_and_without_bom() {
        let text = "株洲日报 news";
        let mut le: Vec<u8> = vec![0xff, 0xfe];
        let mut be: Vec<u8> = vec![0xfe, 0xff];
        for u in text.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap(), text);
        assert_eq!(decode(&be).unwrap(), text);
        let ascii: Vec<u8> = "plain ascii text here"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode(&ascii).unwrap(), "plain ascii text here");
        // Chinese with only its line breaks in ASCII, either byte order, no BOM.
        let chinese =
            "株洲日报讯，市政府召开常务会议。\n会议研究部署秋粮生产工作，要求各地抓好田间管理。\n";
        let le: Vec<u8> = chinese
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let be: Vec<u8> = chinese
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&le).unwrap(), chinese);
        assert_eq!(decode(&be).unwrap(), chinese);
        // A long one is judged by its start, also when that sample ends inside a surrogate pair.
        let long = format!(
            "{}株洲日报讯，市𠀀{}",
            "株洲日报讯，市政府召开会议。".repeat(2340),
            chinese.repeat(50)
        );
        let units: Vec<u16> = long.encode_utf16().collect();
        assert_eq!(
            units[SAMPLE_BYTES / 2 - 1],
            0xd840,
            "the sample ends inside 𠀀"
        );
        let le: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&le).unwrap(), long);
        // Binary data with NULs on one side only is still binary.
        let binary: Vec<u8> = (0u32..400)
            .flat_map(|i| {
                [
                    (i * 37 % 251) as u8 | 1,
                    if i % 7 == 0 {
                        0
                    } else {
                        (i * 11 % 256) as u8 | 1
                    },
                ]
            })
            .collect();
        assert!(decode(&binary).is_err());
    }

    #[test]
    fn big5_and_gbk_are_told_apart() {
        let traditional = "臺北市政府捷運工程局今日舉行環狀線北環段動土典禮，市長表示，通車後士林到內湖的通勤時間將大幅縮短。\n";
        let simplified = "株洲市政府召开常务会议，研究部署秋粮生产工作，要求各地抓好田间管理。\n";
        let (big5, _, unmappable) = BIG5.encode(traditional);
        assert!(!unmappable);
        assert_eq!(decode(&big5).unwrap(), traditional);
        // Traditional text saved as GBK (which holds traditional characters too) stays GBK.
        let (gbk, _, _) = encoding_rs::GBK.encode(traditional);
        assert_eq!(decode(&gbk).unwrap(), traditional);
        let (gbk, _, _) = encoding_rs::GBK.encode(simplified);
        assert_eq!(decode(&gbk).unwrap(), simplified);
        // A page's declaration decides, in either form.
        for head in [
            "<meta charset=\"big5\">",
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=BIG5\">",
        ] {
            let page = format!("<html><head>{head}</head><body><p>{traditional}</p></body></html>");
            let (bytes, _, _) = BIG5.encode(&page);
            assert_eq!(decode(&bytes).unwrap(), page);
        }
        // A UTF-8 declaration on bytes that are not UTF-8 is not trusted.
        let page = format!("<meta charset=\"utf-8\"><p>{simplified}</p>");
        let (bytes, _, _) = encoding_rs::GBK.encode(&page);
        assert_eq!(decode(&bytes).unwrap(), page);
    }

    #[test]
    fn truncated_utf8_keeps_the_good_part() {
        let mut bytes = "荷塘区政务服务".as_bytes().to_vec();
        bytes.pop();
        let text = decode(&bytes).unwrap();
        assert!(text.starts_with("荷塘区政务服"), "{text}");
    }

    #[test]
    fn control_bytes_are_binary() {
        let bytes: Vec<u8> = (1u8..32).cycle().take(200).collect();
        assert_eq!(decode(&bytes), Err(Error::NotText));
    }
}
