//! The `wenxi` command line on inputs that must work or fail clearly: empty, blank, binary, NUL
//! bytes, GBK/GB18030, UTF-16 with BOM, a 1 MB line, emoji, English only, deeply nested HTML,
//! unclosed front matter, 50 MB, and a user dictionary with malformed lines.
//!
//! Runs the built binary. Inputs are written by the tests into Cargo's per-test temp dir.
//! Exit status: 0 when every input was analyzed (an input with no text is noted on stderr),
//! 2 when any input was refused or unreadable (the others are still analyzed).

use serde::de::IgnoredAny;
use serde::Deserialize;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_wenxi");

/// A fresh directory for one test's input files.
fn dir(test: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(test);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn run(args: &[&str], paths: &[&Path]) -> Output {
    Command::new(BIN).args(args).args(paths).output().unwrap()
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The JSON lines printed by `wenxi analyze`.
fn reports(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn articles(report: &serde_json::Value) -> &Vec<serde_json::Value> {
    report["articles"].as_array().unwrap()
}

#[test]
fn empty_and_blank_inputs_give_empty_reports_and_a_note() {
    let d = dir("blank");
    let empty = write(&d, "empty.txt", "");
    let blank = write(&d, "blank.txt", " \t\n\u{3000}\u{3000}\r\n\n  ");
    let out = run(&["analyze"], &[&empty, &blank]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = reports(&out);
    assert_eq!(lines.len(), 2);
    for (line, path) in lines.iter().zip([&empty, &blank]) {
        assert_eq!(articles(line).len(), 0);
        assert_eq!(line["source"], path.display().to_string());
    }
    let err = stderr(&out);
    assert_eq!(err.matches("no text to analyze").count(), 2, "{err}");
    assert!(
        err.contains("empty.txt") && err.contains("blank.txt"),
        "{err}"
    );
    // The same from stdin.
    let out = run_stdin(&["analyze"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("-: no text to analyze"),
        "{}",
        stderr(&out)
    );
    // `-` names stdin among files.
    let out = run_stdin(&["analyze", "-"], "株洲市开展政务服务改革。".as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["source"], "-");
    assert_eq!(articles(&line).len(), 1);
}

#[test]
fn binary_files_are_refused_by_name_and_the_others_still_analyzed() {
    let d = dir("binary");
    // The first bytes of a PNG image (signature and the start of its header chunk).
    let png = write(
        &d,
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0",
    );
    let good = write(
        &d,
        "good.txt",
        "图书馆今年新添了两台自助借书机。读者刷卡就能借书，不用排队。",
    );
    let out = run(&["analyze"], &[&png, &good]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("photo.txt: not a text file (binary data)"),
        "{err}"
    );
    let lines = reports(&out);
    assert_eq!(lines.len(), 1, "only the text file is reported");
    assert_eq!(lines[0]["source"], good.display().to_string());
    assert_eq!(articles(&lines[0]).len(), 1);

    let out = run_stdin(&["analyze"], b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("-: not a text file"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
    let out = run(&["cut"], &[&png]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a text file"));
}

#[test]
fn nul_bytes_in_a_text_file_mark_it_as_binary() {
    // UTF-8 text with NUL bytes in it is not a text file anyone meant to write. (UTF-16, the
    // usual source of NULs, is decoded: with a BOM, see the next test, or without one when
    // it is mostly ASCII.)
    let d = dir("nul");
    let path = write(
        &d,
        "nul.txt",
        "第一段文字写在这里。\0\0\0第二段文字也在这里。".as_bytes(),
    );
    let out = run(&["analyze"], &[&path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("nul.txt: not a text file (binary data)"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn gbk_gb18030_and_utf16_with_bom_decode_to_the_same_text() {
    let d = dir("encodings");
    // 㐀 (U+3400) is outside GBK: GB18030 writes it as a four-byte sequence.
    let sentence = "湖边的老茶馆重新开张了。茶馆里挂着一块写有㐀字的旧匾。";
    let (gbk, _, lossy) = encoding_rs::GBK.encode("湖边的老茶馆重新开张了。茶馆里的旧匾也修好了。");
    assert!(!lossy);
    let (gb18030, _, lossy) = encoding_rs::GB18030.encode(sentence);
    assert!(!lossy);
    assert!(
        gb18030
            .windows(4)
            .any(|w| w[0] >= 0x81 && (0x30..=0x39).contains(&w[1])),
        "a four-byte sequence"
    );
    let utf16le: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(sentence.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16be: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain(sentence.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let files = [
        (
            write(&d, "gbk.txt", &gbk),
            "湖边的老茶馆重新开张了。茶馆里的旧匾也修好了。",
        ),
        (write(&d, "gb18030.txt", &gb18030), sentence),
        (write(&d, "utf16le.txt", &utf16le), sentence),
        (write(&d, "utf16be.txt", &utf16be), sentence),
        (
            write(
                &d,
                "utf8bom.txt",
                [&[0xef, 0xbb, 0xbf][..], sentence.as_bytes()].concat(),
            ),
            sentence,
        ),
    ];
    let paths: Vec<&Path> = files.iter().map(|(p, _)| p.as_path()).collect();
    let out = run(&["analyze"], &paths);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = reports(&out);
    assert_eq!(lines.len(), files.len());
    for (line, (path, text)) in lines.iter().zip(&files) {
        assert_eq!(articles(line)[0]["text"], *text, "{}", path.display());
    }
    // `cut` reads the same encodings.
    let out = run(&["cut"], &[&files[1].0]);
    assert!(String::from_utf8(out.stdout).unwrap().contains("茶馆"));
}

#[test]
fn a_one_megabyte_line_without_punctuation_is_analyzed_whole() {
    let d = dir("line");
    let line = "湖边小镇的风筝节吸引了很多游客".repeat(23_000); // 15 characters, 45 bytes each
    assert!(line.len() > 1_000_000);
    let path = write(&d, "line.txt", &line);
    let out = run(&["analyze"], &[&path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = reports(&out);
    let found = articles(&lines[0]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["stats"]["chars"], line.chars().count());
    let keywords: Vec<&str> = found[0]["keywords"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["word"].as_str().unwrap())
        .collect();
    assert!(keywords.contains(&"风筝节"), "{keywords:?}");
}

#[test]
fn only_emoji_is_no_text_and_only_english_is_analyzed() {
    let d = dir("emoji");
    let emoji = write(&d, "emoji.txt", "😀🎉👍🏽🇨🇳\n".repeat(500));
    let english =
        "The library opened 2 new reading rooms in 2024 and lent 18000 books. ".repeat(40);
    let english_path = write(&d, "english.txt", &english);
    let out = run(&["analyze"], &[&emoji, &english_path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = reports(&out);
    assert_eq!(articles(&lines[0]).len(), 0);
    assert!(stderr(&out).contains("emoji.txt: no text to analyze"));
    let found = articles(&lines[1]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["text"], english.trim());
    assert!(found[0]["stats"]["words"].as_u64().unwrap() > 100);
}

#[test]
fn deeply_nested_html_keeps_its_text() {
    let d = dir("nested");
    let html = format!(
        "<html><body>{}老街的长者食堂今天开业了。每份午餐只要八元。{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let path = write(&d, "nested.html", html);
    let out = run(&["analyze"], &[&path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let found = articles(&reports(&out)[0]).clone();
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0]["text"],
        "老街的长者食堂今天开业了。每份午餐只要八元。"
    );
}

#[test]
fn unclosed_front_matter_loses_no_text() {
    let d = dir("frontmatter");
    let body = "社区图书馆延长了开放时间。晚上九点以前都可以借书。";
    let md = format!("---\ntitle: 图书馆延时开放\ndate: 2024-05-01\n\n{body}\n\n{body}二\n");
    let path = write(&d, "post.md", md);
    let out = run(&["analyze"], &[&path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let found = articles(&reports(&out)[0]).clone();
    let all: String = found.iter().map(|a| a["text"].as_str().unwrap()).collect();
    assert!(
        all.contains(body) && all.contains(&format!("{body}二")),
        "{all}"
    );
}

/// Peak resident memory of a running child (Linux `VmHWM`), polled until it exits.
#[cfg(target_os = "linux")]
fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

#[test]
fn fifty_megabytes_stream_out_article_by_article_in_bounded_memory() {
    #[derive(Deserialize)]
    struct Line {
        articles: Vec<IgnoredAny>,
    }
    // A debug build analyzes ten times slower: it gets a tenth of the size.
    let target = if cfg!(debug_assertions) {
        5_000_000
    } else {
        50_000_000
    };
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
    let mut names: Vec<PathBuf> = std::fs::read_dir(seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let block: String = names
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap() + "\n\n")
        .collect();
    let d = dir("fifty");
    let text = block.repeat(target / block.len() + 1);
    let expected = wenxi::ingest::articles(&text).len();
    let big = write(&d, "big.txt", &text);
    drop(text);
    let size = std::fs::metadata(&big).unwrap().len();

    let mut child = Command::new(BIN)
        .arg("analyze")
        .arg(&big)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        stdout.read_to_end(&mut bytes).map(|_| bytes)
    });
    let mut peak = 0;
    #[cfg(target_os = "linux")]
    while child.try_wait().unwrap().is_none() {
        peak = peak.max(peak_rss_kb(pid).unwrap_or(0));
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let status = child.wait().unwrap();
    assert!(status.success());
    let bytes = reader.join().unwrap().unwrap();
    let line: Line = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(line.articles.len(), expected);
    // The input is held twice at most (file bytes while decoding, then text and article
    // bodies) and one article's analysis at a time; a whole Report would be several times more.
    // On top comes what any run holds: code, dictionary and IDF table (28 MB for an empty input).
    const FIXED: u64 = 32_000_000;
    if cfg!(target_os = "linux") {
        let peak_bytes = peak * 1024;
        eprintln!(
            "{size} bytes in: peak RSS {:.0} MB",
            peak_bytes as f64 / 1e6
        );
        assert!(
            peak_bytes > 0 && peak_bytes < FIXED + size * 6,
            "peak RSS {peak_bytes} for {size} bytes of input"
        );
    }
}

#[test]
fn a_user_dictionary_with_malformed_lines_loads_the_good_ones_and_names_the_rest() {
    let d = dir("dict");
    let dict = write(&d, "mine.dict", "贯流风机 20 nz\n这一行 有 太多 的 字段\n\n# 注释行\n醴陵瓷谷 5\n数字立交 12x n\n响\u{7}铃 3\n");
    let text = write(&d, "text.txt", "株洲贯流风机厂的工人去醴陵瓷谷参观。\n");
    let out = run(&["cut", "--dict", dict.to_str().unwrap()], &[&text]);
    assert_eq!(out.status.code(), Some(2), "a rejected line is an error");
    let words: Vec<String> = String::from_utf8(out.stdout.clone())
        .unwrap()
        .split_whitespace()
        .map(String::from)
        .collect();
    assert!(
        words.contains(&"贯流风机".to_string()) && words.contains(&"醴陵瓷谷".to_string()),
        "{words:?}"
    );
    let err = stderr(&out);
    let named: Vec<&str> = err.lines().collect();
    assert_eq!(named.len(), 3, "{err}");
    assert!(named[0].contains("mine.dict: dictionary line 2"), "{err}");
    assert!(
        named[1].contains("dictionary line 6: frequency is not a whole number of 0 or more"),
        "{err}"
    );
    assert!(
        named[2].contains("dictionary line 7") && named[2].contains("control characters"),
        "{err}"
    );

    // A dictionary that is not text at all stops before any cutting.
    let binary = write(&d, "binary.dict", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let out = run(&["cut", "--dict", binary.to_str().unwrap()], &[&text]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("binary.dict: not a text file"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_files_and_bad_options_fail_with_a_message() {
    let d = dir("missing");
    let good = write(&d, "good.txt", "今天的天气很好。");
    let missing = d.join("no-such-file.txt");
    let out = run(&["analyze"], &[&missing, &good]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no-such-file.txt"),
        "{}",
        stderr(&out)
    );
    assert_eq!(reports(&out).len(), 1);
    let out = run(&["analyze", "--method", "magic"], &[&good]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("expected auto, tfidf or textrank"),
        "{}",
        stderr(&out)
    );
    let out = run(&["cut", "--mode", "fast"], &[&good]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("expected default, search or all"),
        "{}",
        stderr(&out)
    );
    // A negative count is named as such (not clap's tip to pass it after `--`).
    for option in [
        "--top-k",
        "--summary-sentences",
        "--summary-chars",
        "--max-frequencies",
    ] {
        let out = run(&["analyze", option, "-1"], &[&good]);
        assert_eq!(out.status.code(), Some(2), "{option}");
        assert!(
            stderr(&out).contains("expected a whole number of 0 or more"),
            "{option}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn the_frequency_list_is_capped_and_says_how_long_it_is_whole() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let feature = std::fs::read_dir(&seed)
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("003"))
        .unwrap()
        .path();
    let capped = reports(&run(&["analyze"], &[&feature]));
    let whole = reports(&run(&["analyze", "--max-frequencies", "all"], &[&feature]));
    let (capped, whole) = (&articles(&capped[0])[0], &articles(&whole[0])[0]);
    let distinct = whole["stats"]["distinctWords"].as_u64().unwrap() as usize;
    assert_eq!(
        capped["stats"]["distinctWords"],
        whole["stats"]["distinctWords"]
    );
    assert!(distinct > 200, "the feature has {distinct} distinct words");
    assert_eq!(capped["frequencies"].as_array().unwrap().len(), 200);
    let list = whole["frequencies"].as_array().unwrap();
    assert_eq!(list.len(), distinct);
    assert_eq!(&list[..200], &capped["frequencies"].as_array().unwrap()[..]);
    let ten = reports(&run(&["analyze", "--max-frequencies", "10"], &[&feature]));
    assert_eq!(
        articles(&ten[0])[0]["frequencies"]
            .as_array()
            .unwrap()
            .len(),
        10
    );
}
