//! Packs jieba's dictionary (dict.txt) and IDF table (idf.txt) into one compact blob that
//! `src/dictionary.rs` decodes at start-up.
//!
//! Why: jieba-rs embeds both files as text (11 MB, ~2.4 MB gzip in a WASM build). The blob
//! front-codes the sorted word list, stores frequencies as varints, POS tags as indexes and IDF
//! values quantized to one byte aligned with the word list, which is several times smaller.
//!
//! The source files come from the jieba-rs crate that Cargo already downloaded; we find it
//! with `cargo metadata`, so nothing from jieba is copied into this repository.

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Must match the exact version pinned in Cargo.toml.
const JIEBA_VERSION: &str = "0.11.0";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=WENXI_JIEBA_DATA");
    let data = jieba_data_dir();
    let dict = fs::read_to_string(data.join("dict.txt")).expect("read jieba dict.txt");
    let idf = fs::read_to_string(data.join("idf.txt")).expect("read jieba idf.txt");
    let blob = pack(&dict, &idf);
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    fs::write(out.join("dictionary.bin"), blob).unwrap();
    println!("cargo:rerun-if-changed=src/ts_characters.txt");
    let pairs = fs::read_to_string("src/ts_characters.txt").expect("read src/ts_characters.txt");
    fs::write(out.join("script_tables.rs"), script_tables(&pairs, &dict)).unwrap();
}

/// First and last code point of the CJK Unified Ideographs block, which the bit sets cover.
const CJK_FIRST: u32 = 0x4E00;
const CJK_LAST: u32 = 0x9FFF;
/// Characters that make up most running Chinese text: the most frequent ones in jieba's
/// dictionary, weighted by word frequency (about 99 % of the characters of news text).
const COMMON_CHARS: usize = 3000;

/// Rust source for `src/script.rs`: the traditional → simplified pairs sorted by traditional
/// character, a bit set of those traditional characters in the CJK block (the per-character
/// test), and a bit set of the common simplified characters.
fn script_tables(pairs: &str, dict: &str) -> String {
    let mut map: Vec<(u32, u32)> = pairs
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let mut chars = l.chars();
            let (t, s) = (chars.next().unwrap(), chars.next().unwrap());
            assert!(chars.next().is_none(), "one pair a line: {l}");
            // Same UTF-8 length, so byte offsets stay valid across the conversion.
            assert_eq!(t.len_utf8(), s.len_utf8(), "{l}");
            assert!(u16::try_from(u32::from(t)).is_ok() && u16::try_from(u32::from(s)).is_ok());
            (u32::from(t), u32::from(s))
        })
        .collect();
    map.sort_unstable();
    map.dedup_by_key(|p| p.0);
    let words = (CJK_LAST - CJK_FIRST + 1).div_ceil(64) as usize;
    let mut traditional = vec![0u64; words];
    for &(t, _) in &map {
        if (CJK_FIRST..=CJK_LAST).contains(&t) {
            let i = (t - CJK_FIRST) as usize;
            traditional[i / 64] |= 1 << (i % 64);
        }
    }
    let mut weights: BTreeMap<char, u64> = BTreeMap::new();
    for line in dict.lines() {
        let mut parts = line.split_whitespace();
        let (Some(word), Some(freq)) = (parts.next(), parts.next()) else {
            continue;
        };
        let freq: u64 = freq.parse().unwrap_or(0);
        for c in word.chars() {
            *weights.entry(c).or_default() += freq;
        }
    }
    let mut ranked: Vec<(char, u64)> = weights
        .into_iter()
        .filter(|(c, _)| (CJK_FIRST..=CJK_LAST).contains(&u32::from(*c)))
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut common = vec![0u64; words];
    for (c, _) in ranked.into_iter().take(COMMON_CHARS) {
        let i = (u32::from(c) - CJK_FIRST) as usize;
        common[i / 64] |= 1 << (i % 64);
    }
    let bits = |v: &[u64]| {
        v.iter()
            .map(|w| format!("{w:#x},"))
            .collect::<Vec<_>>()
            .join("")
    };
    format!(
        "static T2S: [(u16, u16); {}] = [{}];\nstatic TRADITIONAL: [u64; {words}] = [{}];\nstatic COMMON: [u64; {words}] = [{}];\n",
        map.len(),
        map.iter()
            .map(|(t, s)| format!("({t:#x},{s:#x}),"))
            .collect::<String>(),
        bits(&traditional),
        bits(&common),
    )
}

/// Directory holding jieba-rs's `dict.txt` and `idf.txt`.
fn jieba_data_dir() -> PathBuf {
    if let Ok(dir) = env::var("WENXI_JIEBA_DATA") {
        return PathBuf::from(dir);
    }
    // Usual case: the registry checkout Cargo just built jieba-rs from.
    let cargo_home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    if let Some(src) = cargo_home.map(|h| h.join("registry").join("src")) {
        for index in fs::read_dir(&src).into_iter().flatten().flatten() {
            let dir = index
                .path()
                .join(format!("jieba-rs-{JIEBA_VERSION}"))
                .join("src")
                .join("data");
            if dir.join("dict.txt").exists() {
                return dir;
            }
        }
    }
    // Vendored or unusual layouts: ask Cargo where the package lives.
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("Cargo.toml");
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(&manifest)
        .output()
        .expect("run cargo metadata");
    assert!(
        output.status.success(),
        "cargo metadata failed (set WENXI_JIEBA_DATA to jieba-rs's src/data): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let packages = meta["packages"].as_array().unwrap();
    let jieba = packages
        .iter()
        .find(|p| p["name"] == "jieba-rs")
        .expect("jieba-rs in cargo metadata");
    let manifest_path = Path::new(jieba["manifest_path"].as_str().unwrap());
    manifest_path.parent().unwrap().join("src").join("data")
}

/// Words rarer than this in jieba's frequency list are kept only when jieba's IDF corpus saw
/// them in several documents (IDF below [`RARE_IDF`]). About 140k of jieba's 349k entries are
/// one-off names and fragments ("郑屠那", "一个数万"); dropping them halves start-up and size
/// and slightly improves segmentation F1 on the SIGHAN PKU test (0.818 → 0.821).
const RARE_FREQ: u64 = 3;
/// IDF of a word seen in about three documents of jieba's IDF corpus.
const RARE_IDF: f64 = 13.0;

/// Entries that are not terms (mostly personal names from novels and fragments such as
/// "郭靖横", "那小官", "大半碗") are also left out when they are scarce: at most this frequent in
/// jieba's list and seen in few documents (IDF [`SCARCE_IDF`] or more). Another 52k entries go;
/// the dictionary then builds about a quarter faster at start-up, with keyword F1, summary
/// ROUGE and segmentation F1 unchanged within ±0.001 (`cargo xtask eval`).
const SCARCE_FREQ: u64 = 20;
const SCARCE_IDF: f64 = 11.0;

/// Terms (nouns other than personal names, verbal nouns, abbreviations, set phrases) are kept
/// whenever they pass the one-off rule: they are what keywords are made of.
fn is_term(tag: &str) -> bool {
    (tag.starts_with('n') && !tag.starts_with("nr"))
        || matches!(tag, "vn" | "j" | "eng" | "i" | "l")
}

/// Blob layout (integers are LEB128 varints unless noted), column by column so that each
/// column compresses well under gzip:
/// - magic `WXD2`, idf min and max as f32 little endian
/// - tag table: count, then each tag as len + bytes
/// - entry count N
/// - words column (byte length, then N front-coded words sorted by bytes: shared-prefix
///   length, suffix length, suffix bytes)
/// - freq column (byte length, then N varints)
/// - tag column (N bytes, index into the tag table)
/// - idf column (N bytes; 0 = unknown, 1..=255 linear between min and max)
fn pack(dict: &str, idf: &str) -> Vec<u8> {
    let mut idfs: BTreeMap<&str, f64> = BTreeMap::new();
    for line in idf.lines() {
        let mut parts = line.split_whitespace();
        let (Some(word), Some(value)) = (parts.next(), parts.next()) else {
            continue;
        };
        if let Ok(v) = value.parse::<f64>() {
            idfs.insert(word, v);
        }
    }
    let mut entries: BTreeMap<&str, (u64, &str)> = BTreeMap::new();
    for line in dict.lines() {
        let mut parts = line.split_whitespace();
        let (Some(word), Some(freq)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Ok(freq) = freq.parse::<u64>() else {
            continue;
        };
        let tag = parts.next().unwrap_or("");
        let idf = idfs.get(word).copied();
        let seen_enough = idf.is_some_and(|v| v < RARE_IDF);
        let seen_often = idf.is_some_and(|v| v < SCARCE_IDF);
        if (freq > RARE_FREQ || seen_enough) && (freq > SCARCE_FREQ || seen_often || is_term(tag)) {
            entries.insert(word, (freq, tag));
        }
    }
    let kept: Vec<f64> = entries
        .keys()
        .filter_map(|w| idfs.get(w).copied())
        .collect();
    let min = kept.iter().cloned().fold(f64::INFINITY, f64::min);
    let max = kept.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let quantize = |v: f64| -> u8 { 1 + (((v - min) / (max - min)) * 254.0).round() as u8 };

    let mut tags: Vec<&str> = entries.values().map(|(_, t)| *t).collect();
    tags.sort_unstable();
    tags.dedup();
    assert!(tags.len() < 256);

    let (mut words, mut freqs, mut tag_col, mut idf_col) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut prev = "";
    for (word, (freq, tag)) in &entries {
        front_code(&mut words, prev, word);
        varint(&mut freqs, *freq);
        tag_col.push(tags.binary_search(tag).unwrap() as u8);
        idf_col.push(idfs.get(word).map_or(0, |v| quantize(*v)));
        prev = word;
    }

    let mut out = b"WXD2".to_vec();
    out.extend_from_slice(&(min as f32).to_le_bytes());
    out.extend_from_slice(&(max as f32).to_le_bytes());
    varint(&mut out, tags.len() as u64);
    for t in &tags {
        varint(&mut out, t.len() as u64);
        out.extend_from_slice(t.as_bytes());
    }
    varint(&mut out, entries.len() as u64);
    for column in [&words, &freqs] {
        varint(&mut out, column.len() as u64);
        out.extend_from_slice(column);
    }
    out.extend_from_slice(&tag_col);
    out.extend_from_slice(&idf_col);
    out
}

fn front_code(out: &mut Vec<u8>, prev: &str, word: &str) {
    let shared = prev
        .bytes()
        .zip(word.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    // Keep the suffix on a char boundary so the decoder can validate UTF-8 cheaply.
    let mut shared = shared;
    while !word.is_char_boundary(shared) {
        shared -= 1;
    }
    varint(out, shared as u64);
    varint(out, (word.len() - shared) as u64);
    out.extend_from_slice(&word.as_bytes()[shared..]);
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}
