//! The WebAssembly boundary — the only file that knows about JavaScript.
//!
//! Design for a cheap boundary: segmentation returns a `Uint32Array` of UTF-16 offsets
//! (JavaScript slices words itself), tags come back as one space-separated string, and only
//! the Report (a handful of objects) is built field by field. No function here can panic on
//! user input: errors become JavaScript `Error`s.

use crate::analyzer::{Analyzer, Options};
use crate::ingest::decode::decode;
use crate::ingest::Article;
use crate::keywords::Method;
use crate::segment::Mode;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// One analyzer instance: dictionary, user words, and the analysis pipeline.
#[wasm_bindgen]
pub struct Wenxi {
    analyzer: Analyzer,
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    // json_compatible: `None` becomes `null` (not `undefined`), maps become plain objects.
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

fn options(value: JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("invalid options: {e}")))
}

fn mode(value: &str) -> Result<Mode, JsError> {
    value
        .parse()
        .map_err(|e: crate::Error| JsError::new(&e.to_string()))
}

/// An article found by ingestion, before analysis: `splitArticles` returns these and
/// `analyzeArticle` takes one back, so a worker can report progress article by article.
#[derive(Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Part {
    title: Option<String>,
    kicker: Option<String>,
    subtitle: Option<String>,
    byline: Option<String>,
    date: Option<String>,
    source: Option<String>,
    body: String,
}

impl From<Article> for Part {
    fn from(a: Article) -> Part {
        Part {
            title: a.title,
            kicker: a.kicker,
            subtitle: a.subtitle,
            byline: a.byline,
            date: a.date,
            source: a.source,
            body: a.body,
        }
    }
}

impl From<Part> for Article {
    // The update keeps this compiling when ingestion adds fields.
    #[allow(clippy::needless_update)]
    fn from(p: Part) -> Article {
        Article {
            title: p.title,
            kicker: p.kicker,
            subtitle: p.subtitle,
            byline: p.byline,
            date: p.date,
            source: p.source,
            body: p.body,
            ..Article::default()
        }
    }
}

#[wasm_bindgen]
impl Wenxi {
    /// Loads the built-in dictionary.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Wenxi {
        Wenxi {
            analyzer: Analyzer::new(),
        }
    }

    /// Analyzes text; returns the Report object.
    pub fn analyze(&self, text: &str, opts: JsValue) -> Result<JsValue, JsError> {
        let report = self
            .analyzer
            .analyze(text, &options(opts)?)
            .map_err(|e| JsError::new(&e.to_string()))?;
        to_js(&report)
    }

    /// Splits text into articles without analyzing them (`analyze` = this + `analyzeArticle`
    /// on each part); with `one_article`, the whole text is one part.
    #[wasm_bindgen(js_name = splitArticles)]
    pub fn split_articles(
        &self,
        text: &str,
        one_article: Option<bool>,
    ) -> Result<JsValue, JsError> {
        let options = Options {
            one_article: one_article.unwrap_or(false),
            ..Options::default()
        };
        let parts: Vec<Part> = options.articles(text).into_iter().map(Part::from).collect();
        to_js(&parts)
    }

    /// Analyzes one part returned by `splitArticles`; returns one Report article.
    #[wasm_bindgen(js_name = analyzeArticle)]
    pub fn analyze_article(&self, part: JsValue, opts: JsValue) -> Result<JsValue, JsError> {
        let options = options(opts)?;
        let method: Method = options
            .method
            .parse()
            .map_err(|e: crate::Error| JsError::new(&e.to_string()))?;
        let part: Part = serde_wasm_bindgen::from_value(part)
            .map_err(|e| JsError::new(&format!("invalid article: {e}")))?;
        to_js(&self.analyzer.analyze_article(part.into(), method, &options))
    }

    /// Decodes file bytes (UTF-8, UTF-16 with BOM, GB18030/GBK) to text.
    pub fn decode(&self, bytes: &[u8]) -> Result<String, JsError> {
        decode(bytes).map_err(|e| JsError::new(&e.to_string()))
    }

    /// UTF-16 end offsets of the tokens (for `default` mode they tile the text).
    pub fn segment(&self, text: &str, mode_name: &str, hmm: bool) -> Result<Vec<u32>, JsError> {
        let segmenter = self.analyzer.segmenter();
        match mode(mode_name)? {
            Mode::Default => Ok(segmenter.utf16_ends(text, hmm)),
            other => Ok(segmenter
                .segment(text, other, hmm, false)
                .iter()
                .map(|t| t.end)
                .collect()),
        }
    }

    /// `[start0, end0, start1, end1, …]` UTF-16 offsets; needed for the overlapping modes.
    pub fn spans(&self, text: &str, mode_name: &str, hmm: bool) -> Result<Vec<u32>, JsError> {
        let tokens = self
            .analyzer
            .segmenter()
            .segment(text, mode(mode_name)?, hmm, false);
        Ok(tokens.iter().flat_map(|t| [t.start, t.end]).collect())
    }

    /// Part-of-speech tags for the default segmentation, space separated, one per token
    /// (a `*` suffix marks user-dictionary words). Pair with [`Wenxi::segment`].
    #[wasm_bindgen(js_name = tagString)]
    pub fn tag_string(&self, text: &str, hmm: bool) -> String {
        let seg = self.analyzer.segmenter();
        let tokens = seg.segment(text, Mode::Default, hmm, true);
        let mut out = String::with_capacity(tokens.len() * 3);
        for (i, t) in tokens.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(t.tag.unwrap_or("x"));
            if seg.is_user_word(t.word) {
                out.push('*');
            }
        }
        out
    }

    /// Adds a word to the dictionary; returns the frequency used.
    #[wasm_bindgen(js_name = addWord)]
    pub fn add_word(
        &mut self,
        word: &str,
        freq: Option<u32>,
        tag: Option<String>,
    ) -> Result<u32, JsError> {
        let freq = freq.map(|f| f as usize);
        let used = self
            .analyzer
            .segmenter_mut()
            .add_word(word, freq, tag.as_deref());
        used.map(|f| f as u32)
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// Loads a jieba-format dictionary. Returns `{added, errors: [{line, message}]}`; valid
    /// lines are loaded even when others are malformed.
    #[wasm_bindgen(js_name = loadDictionary)]
    pub fn load_dictionary(&mut self, text: &str) -> Result<JsValue, JsError> {
        /// `reason` and `content` let a page word the message in its own language.
        #[derive(Serialize)]
        struct LineError {
            line: usize,
            message: String,
            reason: &'static str,
            content: String,
        }
        #[derive(Serialize)]
        struct Loaded {
            added: usize,
            errors: Vec<LineError>,
        }
        let (added, errors) = self.analyzer.segmenter_mut().load_dictionary(text);
        let errors = errors
            .into_iter()
            .map(|e| {
                let (line, reason, content) = match &e {
                    crate::Error::DictionaryLine {
                        line,
                        reason,
                        content,
                    } => (*line, *reason, content.clone()),
                    _ => (0, "", String::new()),
                };
                LineError {
                    line,
                    message: e.to_string(),
                    reason,
                    content,
                }
            })
            .collect();
        to_js(&Loaded { added, errors })
    }
}

impl Default for Wenxi {
    fn default() -> Self {
        Self::new()
    }
}
