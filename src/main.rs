//! `wenxi` command line: batch analysis and segmentation on the same core as the web app.

use clap::{Parser, Subcommand};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wenxi::{Analyzer, Method, Mode, Options};

#[derive(Parser)]
#[command(
    name = "wenxi",
    version,
    about = "文析 — analyze Chinese articles: keywords, word frequencies, summaries"
)]
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
        #[arg(long, default_value = "10", value_parser = count, allow_negative_numbers = true)]
        top_k: usize,
        /// Summary length in sentences.
        #[arg(long, default_value = "3", value_parser = count, allow_negative_numbers = true)]
        summary_sentences: usize,
        /// Summary length as a character budget (overrides --summary-sentences): as many
        /// sentences as fit; the best sentence is kept even when it alone is longer.
        #[arg(long, value_parser = count, allow_negative_numbers = true)]
        summary_chars: Option<usize>,
        /// Keyword method: auto, tfidf or textrank.
        #[arg(long, default_value = "auto")]
        method: String,
        /// Longest word-frequency list, or `all` (`stats.distinctWords` counts the whole list).
        #[arg(long, default_value = "200", value_parser = count_or_all, allow_negative_numbers = true)]
        max_frequencies: usize,
        /// Read each input as one article (never split at headlines or `---` lines).
        #[arg(long)]
        one_article: bool,
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

/// One input: a named file or stdin, read only when its turn comes, so that a long list of
/// files never sits in memory at once.
struct Input<'a> {
    name: String,
    path: Option<&'a Path>,
}

impl Input<'_> {
    /// Reads and decodes the input: `Err` says why it is not text (unreadable, binary…).
    fn text(&self) -> Result<String, String> {
        let bytes = match self.path {
            Some(path) => std::fs::read(path).map_err(|e| e.to_string())?,
            None => {
                let mut bytes = Vec::new();
                io::stdin()
                    .read_to_end(&mut bytes)
                    .map_err(|e| e.to_string())?;
                bytes
            }
        };
        wenxi::ingest::decode::decode(&bytes).map_err(|e| e.to_string())
    }
}

fn inputs(files: &[PathBuf]) -> Vec<Input<'_>> {
    if files.is_empty() {
        return vec![Input {
            name: "-".into(),
            path: None,
        }];
    }
    files
        .iter()
        .map(|path| Input {
            name: path.display().to_string(),
            // `-` names stdin, as in most command-line tools.
            path: (path.as_os_str() != "-").then_some(path.as_path()),
        })
        .collect()
}

/// Writes one input's Report as a JSON line, article by article: memory holds the input and
/// one article's analysis at a time, never the whole Report (a 50 MB input has thousands).
/// The line is the same as serializing [`Sourced`].
fn write_streamed(
    out: &mut impl Write,
    analyzer: &Analyzer,
    text: &str,
    options: &Options,
    method: Method,
    source: &str,
) -> io::Result<usize> {
    let mut count = 0;
    out.write_all(b"{\"articles\":[")?;
    for article in options.articles(text) {
        if count > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(
            &mut *out,
            &analyzer.analyze_article(article, method, options),
        )?;
        count += 1;
    }
    out.write_all(b"],\"source\":")?;
    serde_json::to_writer(&mut *out, source)?;
    out.write_all(b"}\n")?;
    Ok(count)
}

/// Said on stderr when an input holds nothing to analyze; its Report has no articles.
const NO_TEXT: &str = "no text to analyze (empty, or only whitespace, symbols or emoji)";

/// A whole number of 0 or more.
fn count(s: &str) -> Result<usize, String> {
    s.parse()
        .map_err(|_| format!("expected a whole number of 0 or more, not `{s}`"))
}

/// A whole number, or `all` for no limit.
fn count_or_all(s: &str) -> Result<usize, String> {
    if s == "all" {
        return Ok(usize::MAX);
    }
    s.parse()
        .map_err(|_| format!("expected a whole number of 0 or more, or `all`, not `{s}`"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut failed = false;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match cli.command {
        Command::Analyze {
            files,
            top_k,
            summary_sentences,
            summary_chars,
            method,
            max_frequencies,
            one_article,
            pretty,
        } => {
            let options = Options {
                top_k,
                summary_sentences,
                summary_chars,
                method,
                max_frequencies,
                one_article,
                ..Options::default()
            };
            let method: Method = match options.method.parse() {
                Ok(m) => m,
                Err(e) => {
                    eprintln!("wenxi: {e} (expected auto, tfidf or textrank)");
                    return ExitCode::from(2);
                }
            };
            let analyzer = Analyzer::new();
            for input in inputs(&files) {
                let text = match input.text() {
                    Ok(t) => t,
                    Err(e) => {
                        eprintln!("wenxi: {}: {e}", input.name);
                        failed = true;
                        continue;
                    }
                };
                let written = if pretty {
                    // Pretty output needs the whole Report to indent it.
                    analyzer
                        .analyze(&text, &options)
                        .map_err(|e| e.to_string())
                        .and_then(|report| {
                            let value = Sourced {
                                report: &report,
                                source: &input.name,
                            };
                            let line =
                                serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?;
                            writeln!(out, "{line}").map_err(|e| e.to_string())?;
                            Ok(report.articles.len())
                        })
                } else {
                    write_streamed(&mut out, &analyzer, &text, &options, method, &input.name)
                        .map_err(|e| e.to_string())
                };
                match written {
                    Ok(0) => eprintln!("wenxi: {}: {NO_TEXT}", input.name),
                    Ok(_) => {}
                    // Output failed (a closed pipe, a full disk): nothing further can be written.
                    Err(e) => {
                        eprintln!("wenxi: {}: {e}", input.name);
                        return ExitCode::from(2);
                    }
                }
            }
        }
        Command::Cut {
            files,
            mode,
            no_hmm,
            dict,
        } => {
            let mode: Mode = match mode.parse() {
                Ok(m) => m,
                Err(e) => {
                    eprintln!("wenxi: {e} (expected default, search or all)");
                    return ExitCode::from(2);
                }
            };
            let mut analyzer = Analyzer::new();
            if let Some(path) = dict {
                match std::fs::read(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|b| wenxi::ingest::decode::decode(&b).map_err(|e| e.to_string()))
                {
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
            for input in inputs(&files) {
                let text = match input.text() {
                    Ok(t) => t,
                    Err(e) => {
                        eprintln!("wenxi: {}: {e}", input.name);
                        failed = true;
                        continue;
                    }
                };
                for line in text.lines() {
                    let tokens = segmenter.segment(line, mode, !no_hmm, false);
                    let words: Vec<&str> = tokens
                        .iter()
                        .map(|t| t.word)
                        .filter(|w| !w.trim().is_empty())
                        .collect();
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
