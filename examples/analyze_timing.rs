//! Times `analyze` on a 10,000-character article built from the seed files (run by hand:
//! `cargo run --release --example analyze_timing`). Prints the median of several runs.

use std::time::Instant;
use wenxi::{Analyzer, Options};

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    // Prose paragraphs of the seeds, joined until the article reaches 10,000 characters.
    let mut text = String::new();
    'outer: loop {
        for p in &paths {
            let raw =
                wenxi::ingest::decode::decode(&std::fs::read(p).expect("read")).expect("decode");
            for line in raw
                .lines()
                .filter(|l| l.trim().chars().count() > 40 && !l.contains('<'))
            {
                text.push_str(line.trim());
                text.push('\n');
                if text.chars().count() >= 10_000 {
                    break 'outer;
                }
            }
        }
    }
    let text: String = text.chars().take(10_000).collect();
    let analyzer = Analyzer::new();
    let options = Options::default();
    let _ = analyzer.analyze(&text, &options);
    // WENXI_RUNS sets the number of timed runs (default 30). On a busy machine compare CPU
    // time instead of wall time: `perf stat -e task-clock` with 0 and with N runs.
    let runs = std::env::var("WENXI_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    if runs == 0 {
        return;
    }
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let report = analyzer.analyze(&text, &options).expect("analyze");
            std::hint::black_box(report);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "analyze, {} chars: median {:.2} ms, min {:.2} ms, max {:.2} ms",
        text.chars().count(),
        times[times.len() / 2],
        times[0],
        times[times.len() - 1]
    );
    // Stages, each the fastest of the runs (least disturbed by other processes).
    let fastest = |f: &dyn Fn()| {
        (0..runs.max(1))
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .fold(f64::INFINITY, f64::min)
    };
    let seg = analyzer.segmenter();
    let articles = wenxi::ingest::articles(&text);
    println!(
        "  ({} articles; stages below run on the whole text as one body)",
        articles.len()
    );
    let body = text.clone();
    let tokens = seg.segment(&body, Default::default(), true, true);
    println!(
        "  ingest    {:.2} ms",
        fastest(&|| drop(std::hint::black_box(wenxi::ingest::articles(&text))))
    );
    println!(
        "  tagging   {:.2} ms",
        fastest(&|| drop(std::hint::black_box(seg.segment(
            &body,
            Default::default(),
            true,
            true
        ))))
    );
    println!(
        "  sentences {:.2} ms",
        fastest(&|| drop(std::hint::black_box(wenxi::sentences::split(&body))))
    );
    let input = wenxi::keywords::KeywordInput {
        text: &body,
        tokens: &tokens,
        title: None,
        stopwords: &[],
        hmm: true,
    };
    println!(
        "  keywords  {:.2} ms",
        fastest(&|| drop(std::hint::black_box(wenxi::keywords::rank(
            seg,
            &input,
            wenxi::Method::Auto,
            10
        ))))
    );
    let article = || wenxi::ingest::Article {
        body: body.clone(),
        ..Default::default()
    };
    println!(
        "  article   {:.2} ms (analyze_article: all stages but ingest)",
        fastest(&|| drop(std::hint::black_box(analyzer.analyze_article(
            article(),
            wenxi::Method::Auto,
            &options
        ))))
    );
    let no_summary = Options {
        summary_sentences: 0,
        ..Options::default()
    };
    println!(
        "  article without summary {:.2} ms",
        fastest(&|| drop(std::hint::black_box(analyzer.analyze_article(
            article(),
            wenxi::Method::Auto,
            &no_summary
        ))))
    );
}
