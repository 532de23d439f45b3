//! Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.

use crate::error::Error;
use encoding_rs::{Encoding, GB18030, UTF_8};

/// Decodes a file's bytes. Binary data (NUL bytes outside UTF-16, or mostly undecodable
/// bytes) is refused with [`Error::NotText`]; stray undecodable bytes become U+FFFD.
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(text.into_owned());
    }
    if bytes.contains(&0) {
        return Err(Error::NotText);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let (gb, _, gb_errors) = GB18030.decode(bytes);
    let (utf8, _, _) = UTF_8.decode(bytes);
    let replacement = |s: &str| s.chars().filter(|&c| c == '\u{fffd}').count();
    let text = if gb_errors && replacement(&gb) >= replacement(&utf8) { utf8 } else { gb };
    if replacement(&text) * 10 > text.chars().count().max(1) {
        return Err(Error::NotText);
    }
    Ok(text.into_owned())
}
