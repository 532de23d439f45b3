//! Native side of `cargo xtask bench`: prints one JSON object of measurements.
//!
//! Corpus: ../shared/data/sighan/pku_test.utf8 (510 KB), as one string and line by line.

use std::time::Instant;
use wenxi::{Analyzer, Options};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/sighan/pku_test.utf8"
);
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");

/// Best-of-`runs` seconds for `f`, after the same warm-up as the WASM measurements in
/// bench/bench.mjs (at least three runs and half a second).
fn best<F: FnMut()>(runs: usize, mut f: F) -> f64 {
    let warm_up = Instant::now();
    let mut i = 0;
    while i < 3 || warm_up.elapsed().as_secs_f64() < 0.5 {
        f();
        i += 1;
    }
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let corpus = std::fs::read_to_string(CORPUS)
        .expect("read pku_test.utf8 (../shared must be beside the repo)");
    let mb = corpus.len() as f64 / 1e6;
    let lines: Vec<&str> = corpus.lines().collect();

    let t = Instant::now();
    let analyzer = Analyzer::new();
    let init_ms = t.elapsed().as_secs_f64() * 1e3;
    let seg = analyzer.segmenter();
    let options = Options::default();

    // The same work as the WASM `segment`: UTF-16 end offsets of the default segmentation.
    let seg_whole = best(5, || {
        std::hint::black_box(seg.utf16_ends(&corpus, true));
    });
    // `--seg`: segmentation only. `--serve`: the same once per line read from stdin, so
    // bench.mjs can alternate native and WASM rounds without restarting this process.
    if std::env::args().any(|a| a == "--seg") {
        println!("{}", serde_json::json!({ "segWholeMBs": mb / seg_whole }));
        return;
    }
    if std::env::args().any(|a| a == "--serve") {
        for line in std::io::stdin().lines() {
            if line.is_err() {
                break;
            }
            let secs = best(5, || {
                std::hint::black_box(seg.utf16_ends(&corpus, true));
            });
            println!("{}", serde_json::json!({ "segWholeMBs": mb / secs }));
        }
        return;
    }
    let seg_lines = best(5, || {
        for l in &lines {
            std::hint::black_box(seg.utf16_ends(l, true));
        }
    });
    let analyze_whole = best(3, || {
        std::hint::black_box(analyzer.analyze(&corpus, &options).ok());
    });
    let analyze_lines = best(3, || {
        for l in &lines {
            std::hint::black_box(analyzer.analyze(l, &options).ok());
        }
    });

    // A 10,000-character article made of real news paragraphs.
    let mut news = String::new();
    for entry in std::fs::read_dir(SEEDS).expect("seeds").flatten() {
        news.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
    }
    let article = article_of(&news, 10_000);
    let analyze_10k = best(5, || {
        std::hint::black_box(analyzer.analyze(&article, &options).ok());
    });

    // Cleaning and splitting 10 MB of messy pages.
    let mut big = String::new();
    while big.len() < 10_000_000 {
        big.push_str(&news);
    }
    let ingest_10mb = best(1, || {
        std::hint::black_box(wenxi::ingest::articles(&big));
    });

    // A 50 MB paste of news pages, analyzed in one call: peak memory must stay bounded.
    let mut huge = String::with_capacity(50_000_000);
    while huge.len() < 50_000_000 {
        huge.push_str(&news);
        huge.push_str("\n\n");
    }
    let t = Instant::now();
    let articles_50mb = analyzer
        .analyze(&huge, &options)
        .map(|r| r.articles.len())
        .unwrap_or(0);
    let analyze_50mb = t.elapsed().as_secs_f64();
    drop(huge);

    println!(
        "{}",
        serde_json::json!({
            "peak50MBMiB": peak_rss_mib(),
            "articles50MB": articles_50mb,
            "analyze50MBMs": analyze_50mb * 1e3,
            "initMs": init_ms,
            "segWholeMBs": mb / seg_whole,
            "segLinesMBs": mb / seg_lines,
            "analyzeWholeMBs": mb / analyze_whole,
            "analyzeLinesMBs": mb / analyze_lines,
            "analyze10kMs": analyze_10k * 1e3,
            "ingest10MBMs": ingest_10mb * 1e3,
            "ingestMB": big.len() as f64 / 1e6,
        })
    );
}

/// Peak resident memory of this process (Linux `VmHWM`), in MiB.
fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The first `chars` characters of the plain-text paragraphs of `news` (lines with Chinese
/// sentence punctuation), so the article is prose rather than markup.
pub fn article_of(news: &str, chars: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    for line in news
        .lines()
        .filter(|l| l.contains('。') && !l.contains('<'))
    {
        for c in line.chars() {
            if n == chars {
                return out;
            }
            out.push(c);
            n += 1;
        }
        out.push('\n');
    }
    out
}
