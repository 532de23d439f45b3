//! wenxi (文析) analyzes Chinese articles: word segmentation (jieba), keyword and
//! word-frequency ranking, and extractive summaries.
//!
//! The pipeline is `ingest → segment → rank → summarize → report`, one module each. The core is
//! plain Rust; `wasm.rs` is the only file that knows about JavaScript.
//!
//! ```
//! let analyzer = wenxi::Analyzer::new();
//! let report = analyzer.analyze("数字赋能让政务服务更便捷。群众办事少跑腿。", &Default::default()).unwrap();
//! println!("{}", serde_json::to_string(&report).unwrap());
//! ```

pub mod analyzer;
pub mod dictionary;
pub mod error;
pub mod ingest;
pub mod keywords;
pub mod report;
pub mod script;
pub mod segment;
pub mod sentences;
pub mod stopwords;
pub mod summary;
pub mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analyzer::{Analyzer, Options};
pub use error::Error;
pub use keywords::Method;
pub use report::Report;
pub use segment::{Mode, Segmenter, Token};
