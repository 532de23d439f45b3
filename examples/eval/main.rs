//! Quality figures for wenxi: `cargo xtask eval` (= `cargo run --release --example eval`).
//!
//! Prints one table:
//! - keyword F1@5 on the CSL keyword set for `tfidf`, `textrank` and `auto`;
//! - character ROUGE-1/2/L F of the top summary sentence against the paper title on the CSL
//!   title set, for our summarizer and the lead-1 baseline;
//! - word-span P/R/F1 of default-mode segmentation on the SIGHAN PKU test set.
//!
//! Every figure is given on all rows and on the even and odd halves, so a change tuned on one
//! half can be checked on the other. Then the top-10 keywords and a 3-sentence summary of every
//! article of every seed file, to be read by a person.
//!
//! Options: `--no-seeds` skips the seed listing; `--limit N` uses the first N rows of each set.

use std::path::{Path, PathBuf};
mod metrics;

use metrics::Scores;
use wenxi::ingest;
use wenxi::{Analyzer, Method, Mode, Options};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seeds = !args.iter().any(|a| a == "--no-seeds");
    let limit = args
        .iter()
        .position(|a| a == "--limit")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX);
    let analyzer = Analyzer::new();
    let data = shared().join("data");
    let read =
        |p: PathBuf| std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));

    println!("{:<34} {:>8} {:>8} {:>8}", "metric", "all", "even", "odd");
    let kg = read(data.join("csl/kg_dev.tsv"));
    let kg_rows: Vec<_> = metrics::keyword_rows(&kg).into_iter().take(limit).collect();
    for (name, method) in [
        ("tfidf", Method::Tfidf),
        ("textrank", Method::Textrank),
        ("auto", Method::Auto),
    ] {
        let per_row = metrics::keyword_f1(&analyzer, &kg_rows, method, 5);
        row(&format!("keywords F1@5 {name}"), &Scores::new(per_row));
    }
    let ts = read(data.join("csl/ts_dev.tsv"));
    let ts_rows: Vec<_> = metrics::summary_rows(&ts).into_iter().take(limit).collect();
    let ours = metrics::summary_rouge(&analyzer, &ts_rows, false);
    let lead = metrics::summary_rouge(&analyzer, &ts_rows, true);
    for (name, scores) in [("summary", &ours), ("lead-1", &lead)] {
        for (k, label) in ["R1", "R2", "RL"].iter().enumerate() {
            row(
                &format!("{name} ROUGE-{} F", &label[1..]),
                &Scores::new(scores.iter().map(|s| s[k]).collect()),
            );
        }
    }
    let raw = read(data.join("sighan/pku_test.utf8"));
    let gold = read(data.join("sighan/pku_test_gold.utf8"));
    let seg = metrics::segmentation(analyzer.segmenter(), &raw, &gold, Mode::Default);
    println!(
        "{:<34} {:>8.4}   (P {:.4}, R {:.4})",
        "segmentation F1 (pku, default)",
        seg.f1(),
        seg.precision(),
        seg.recall()
    );

    if seeds {
        print_seeds(&analyzer);
    }
}

fn row(name: &str, s: &Scores) {
    println!("{:<34} {:>8.4} {:>8.4} {:>8.4}", name, s.all, s.even, s.odd);
}

fn print_seeds(analyzer: &Analyzer) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared().join("seeds"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let options = Options::default();
    for path in files {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let Ok(text) = ingest::decode::decode(&bytes) else {
            continue;
        };
        let Ok(report) = analyzer.analyze(&text, &options) else {
            continue;
        };
        println!(
            "\n==== {}",
            path.file_name().unwrap_or_default().to_string_lossy()
        );
        for (i, a) in report.articles.iter().enumerate() {
            println!(
                "-- article {} {}",
                i + 1,
                a.title.as_deref().unwrap_or("(no title)")
            );
            let words: Vec<String> = a
                .keywords
                .iter()
                .map(|k| format!("{}×{}", k.word, k.count))
                .collect();
            println!("   keywords: {}", words.join(" "));
            for s in &a.summary {
                println!("   · {}", s.text);
            }
        }
    }
}
