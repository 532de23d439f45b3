//! `wenxi` command line: batch analysis and segmentation on the same core as the web app.

use clap::{Parser, Subcommand};
use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use wenxi::{Analyzer, Mode, Options};

#[derive(Parser)]
#[command(name = "wenxi", version, about = "文析 — analyze Chinese articles: keywords, word frequencies, summaries")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print one JSON Report per input file per line (JSON Lines). Reads stdin without files.
    Analyze {
        /// Input files (.txt, .md, .html; UTF-8, UTF-16 or GBK).
        files: Vec<PathBuf>,
        /// Number of keywords.
        #[arg(long, default_value_t = 10)]
        top_k: usize,
        /// Summary length in sentences.
        #[arg(long, default_value_t = 3)]
        summary_sentences: usize,
        /// Summary length as a character budget (overrides --summary-sentences).
        #[arg(long)]
        summary_chars: Option<usize>,
        /// Keyword method: auto, tfidf or textrank.
        #[arg(long, default_value = "auto")]
        method: String,
        /// Pretty-print (one Report spans several lines).
        #[arg(long)]
        pretty: bool,
    },
    /// Segment each input line; print its words separated by single spaces (SIGHAN format).
    Cut {
        /// Input files; stdin without files.
        files: Vec<PathBuf>,
        /// default, search or all.
        #[arg(long, default_value = "default")]
        mode: String,
        /// Do not guess words missing from the dictionary with the HMM.
        #[arg(long)]
        no_hmm: bool,
        /// User dictionary (jieba format: `word [freq] [tag]` a line).
        #[arg(long)]
        dict: Option<PathBuf>,
    },
}

/// A Report with the input it came from, as the CLI prints it.
#[derive(serde::Serialize)]
struct Sourced<'a> {
    #[serde(flatten)]
    report: &'a wenxi::Report,
    source: &'a str,
}

/// One input: a named file or stdin.
struct Input {
    name: String,
    text: Result<String, String>,
}

fn read_inputs(files: &[PathBuf]) -> Vec<Input> {
    if files.is_empty() {
        let mut bytes = Vec::new();
        let text = io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| e.to_string())
            .and_then(|_| wenxi::ingest::decode::decode(&bytes).map_err(|e| e.to_string()));
        return vec![Input { name: "-".into(), text }];
    }
    files
        .iter()
        .map(|path| {
            let text = std::fs::read(path)
                .map_err(|e| e.to_string())
                .and_then(|bytes| wenxi::ingest::decode::decode(&bytes).map_err(|e| e.to_string()));
            Input { name: path.display().to_string(), text }
        })
        .collect()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut failed = false;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match cli.command {
        Command::Analyze { files, top_k, summary_sentences, summary_chars, method, pretty } => {
            let options = Options { top_k, summary_sentences, summary_chars, method, ..Options::default() };
            if let Err(e) = options.method.parse::<wenxi::Method>() {
                eprintln!("wenxi: {e} (expected auto, tfidf or textrank)");
                return ExitCode::from(2);
            }
            let analyzer = Analyzer::new();
            for input in read_inputs(&files) {
                let text = match input.text {
                    Ok(t) => t,
                    Err(e) => {
                        eprintln!("wenxi: {}: {e}", input.name);
                        failed = true;
                        continue;
                    }
                };
                match analyzer.analyze(&text, &options) {
                    Ok(report) => {
                        let value = Sourced { report: &report, source: &input.name };
                        let line = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) };
                        let _ = writeln!(out, "{}", line.unwrap_or_default());
                    }
                    Err(e) => {
                        eprintln!("wenxi: {}: {e}", input.name);
                        failed = true;
                    }
                }
            }
        }
        Command::Cut { files, mode, no_hmm, dict } => {
            let mode: Mode = match mode.parse() {
                Ok(m) => m,
                Err(e) => {
                    eprintln!("wenxi: {e} (expected default, search or all)");
                    return ExitCode::from(2);
                }
            };
            let mut analyzer = Analyzer::new();
            if let Some(path) = dict {
                match std::fs::read(&path).map_err(|e| e.to_string()).and_then(|b| wenxi::ingest::decode::decode(&b).map_err(|e| e.to_string())) {
                    Ok(text) => {
                        for e in analyzer.segmenter_mut().load_dictionary(&text).1 {
                            eprintln!("wenxi: {}: {e}", path.display());
                            failed = true;
                        }
                    }
                    Err(e) => {
                        eprintln!("wenxi: {}: {e}", path.display());
                        return ExitCode::from(2);
                    }
                }
            }
            let segmenter = analyzer.segmenter();
            for input in read_inputs(&files) {
                let text = match input.text {
                    Ok(t) => t,
                    Err(e) => {
                        eprintln!("wenxi: {}: {e}", input.name);
                        failed = true;
                        continue;
                    }
                };
                for line in text.lines() {
                    let tokens = segmenter.segment(line, mode, !no_hmm, false);
                    let words: Vec<&str> = tokens.iter().map(|t| t.word).filter(|w| !w.trim().is_empty()).collect();
                    let _ = writeln!(out, "{}", words.join(" "));
                }
            }
        }
    }
    let _ = out.flush();
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}
