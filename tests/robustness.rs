//! No panics, ever: property tests over every core entry point with arbitrary bytes and text,
//! plus the hostile inputs people actually paste.
//!
//! `cargo xtask test` runs a bounded number of cases; a longer run is
//! `PROPTEST_CASES=20000 cargo test --release --test robustness`.

use proptest::prelude::*;
use std::sync::OnceLock;
use wenxi::{Analyzer, Mode, Options, Segmenter};

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(Analyzer::new)
}

/// Text mixing the characters that trip parsers: CJK, punctuation, markup, emoji, controls.
fn messy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[\\u4e00-\\u9fa5]{1,12}",
        "[。！？；…，、“”「」（）《》]{1,3}",
        "[<>/=\"' a-z]{1,10}",
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("---\n".to_string()),
        Just("# ".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("&amp;&#x4e2d;&#99999999;".to_string()),
        "[0-9.%]{1,6}",
        "[\\u{1F600}-\\u{1F64F}]{1,3}",
        "[\\u{0}-\\u{1f}\\u{feff}\\u{3000}\\u{fffd}]{1,3}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    // 256 cases by default; PROPTEST_CASES raises it for long runs.
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = wenxi::ingest::decode::decode(&bytes);
    }

    #[test]
    fn articles_never_panic(text in messy_text()) {
        let articles = wenxi::ingest::articles(&text);
        // Cleaning only removes text: no article body is longer than its input.
        prop_assert!(articles.iter().all(|a| a.body.len() <= text.len() * 3 + 16));
    }

    #[test]
    fn segment_offsets_are_consistent(text in messy_text(), mode in 0..3usize, hmm in any::<bool>()) {
        let mode = [Mode::Default, Mode::Search, Mode::All][mode];
        let seg = analyzer().segmenter();
        let tokens = seg.segment(&text, mode, hmm, mode == Mode::Default);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for t in &tokens {
            prop_assert_eq!(&text[t.byte_start..t.byte_end], t.word);
            let units = utf16.get(t.start as usize..t.end as usize).map(String::from_utf16_lossy);
            prop_assert_eq!(units.as_deref(), Some(t.word));
        }
    }

    #[test]
    fn analyze_never_panics_and_offsets_hold(text in messy_text(), top_k in 0..30usize, sentences in 0..6usize, method in 0..3usize) {
        let options = Options {
            top_k,
            summary_sentences: sentences,
            method: ["auto", "tfidf", "textrank"][method].into(),
            ..Options::default()
        };
        let report = analyzer().analyze(&text, &options).unwrap();
        for a in &report.articles {
            let utf16: Vec<u16> = a.text.encode_utf16().collect();
            prop_assert!(a.keywords.len() <= top_k);
            prop_assert!(a.summary.len() <= sentences);
            for s in &a.summary {
                let slice = utf16.get(s.start as usize..s.end as usize).map(String::from_utf16_lossy);
                prop_assert_eq!(slice.as_deref(), Some(s.text.as_str()));
            }
            for k in &a.keywords {
                for [s, e] in &k.occurrences {
                    let slice = utf16.get(*s as usize..*e as usize).map(String::from_utf16_lossy);
                    prop_assert_eq!(slice.as_deref(), Some(k.word.as_str()));
                }
            }
        }
    }

    #[test]
    fn articles_from_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = wenxi::ingest::articles_from_bytes(&bytes);
    }

    #[test]
    fn encoded_text_decodes_back_or_is_refused(text in messy_text(), encoding in 0..4usize) {
        let bom = |big: bool| -> Vec<u8> {
            let units = text.encode_utf16().flat_map(|u| if big { u.to_be_bytes() } else { u.to_le_bytes() });
            (if big { vec![0xfe, 0xff] } else { vec![0xff, 0xfe] }).into_iter().chain(units).collect()
        };
        let bytes = match encoding {
            0 => text.as_bytes().to_vec(),
            1 => encoding_rs::GB18030.encode(&text).0.into_owned(),
            2 => bom(false),
            _ => bom(true),
        };
        let _ = wenxi::ingest::articles_from_bytes(&bytes);
        // With a byte-order mark the encoding is certain: the text comes back unchanged, unless
        // its control characters make it look binary.
        if encoding >= 2 {
            match wenxi::ingest::decode::decode(&bytes) {
                Ok(decoded) => prop_assert_eq!(decoded, text),
                Err(e) => prop_assert_eq!(e, wenxi::Error::NotText),
            }
        }
    }

    #[test]
    fn dictionary_loading_never_panics(text in messy_text()) {
        let mut seg = Segmenter::empty();
        let (added, errors) = seg.load_dictionary(&text);
        prop_assert!(added + errors.len() <= text.lines().count());
    }
}

#[test]
fn hostile_inputs_finish() {
    let a = analyzer();
    let options = Options::default();
    let long_line: String = "无标点的长句子".repeat(150_000); // ~1 MB, no punctuation
    let nested = format!(
        "{}深层嵌套的文字。{}",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let inputs: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("whitespace", " \t\n\u{3000}\r\n ".into()),
        ("NUL bytes", "\u{0}\u{0}中文\u{0}".into()),
        ("emoji only", "😀🎉👍".repeat(1000)),
        (
            "English and digits",
            "Version 2.0 shipped on 2024-05-01 with 64.18% coverage. ".repeat(100),
        ),
        ("1 MB line", long_line),
        ("100k nested tags", nested),
        (
            "unclosed front matter",
            format!("---\ntitle: 没有结束\n{}", "正文。".repeat(1000)),
        ),
    ];
    for (name, text) in inputs {
        let report = a
            .analyze(&text, &options)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        for article in &report.articles {
            assert!(article.keywords.len() <= 10, "{name}");
        }
    }
}

#[test]
fn malformed_user_dictionary_lines_are_named_and_the_rest_loads() {
    let mut seg = Segmenter::empty();
    let (added, errors) =
        seg.load_dictionary("好词 10 n\n坏 词 很 多 列\n\n另一个好词\n数字 12x\n");
    assert_eq!(added, 2);
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].contains("line 2"), "{lines:?}");
    assert!(lines[1].contains("line 5"), "{lines:?}");
}

proptest! {
    #[test]
    fn fast_utf16_ends_match_the_token_offsets(text in messy_text(), hmm in any::<bool>()) {
        let seg = analyzer().segmenter();
        let slow: Vec<u32> = seg.segment(&text, Mode::Default, hmm, false).iter().map(|t| t.end).collect();
        prop_assert_eq!(seg.utf16_ends(&text, hmm), slow);
    }
}
