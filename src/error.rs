//! Errors wenxi reports to callers. User input never panics; it ends up here.

use std::fmt;

/// What went wrong, in terms a user can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A user dictionary line could not be read. Valid lines around it were still loaded.
    DictionaryLine {
        /// 1-based line number in the dictionary text.
        line: usize,
        /// The offending line, trimmed.
        content: String,
        /// Why the line was rejected.
        reason: &'static str,
    },
    /// A word cannot go into the dictionary (empty, too long, or with control characters).
    InvalidWord {
        /// The rejected word.
        word: String,
        /// Why.
        reason: &'static str,
    },
    /// An option had a value wenxi does not understand.
    InvalidOption {
        /// Option name as the user wrote it (`method`, `mode`, …).
        name: &'static str,
        /// The rejected value.
        value: String,
    },
    /// The input is not text (binary data such as an image or archive).
    NotText,
    /// The input is larger than wenxi accepts in one piece.
    TooLarge {
        /// Input size in bytes.
        size: usize,
        /// The documented limit in bytes.
        limit: usize,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::DictionaryLine {
                line,
                content,
                reason,
            } => {
                write!(f, "dictionary line {line}: {reason}: `{content}`")
            }
            Error::InvalidWord { word, reason } => write!(f, "cannot add word `{word}`: {reason}"),
            Error::InvalidOption { name, value } => {
                write!(f, "invalid value for {name}: `{value}`")
            }
            Error::NotText => write!(f, "not a text file (binary data)"),
            Error::TooLarge { size, limit } => write!(
                f,
                "input is {:.1} MB, above the limit of {:.0} MB",
                *size as f64 / 1e6,
                *limit as f64 / 1e6
            ),
        }
    }
}

impl std::error::Error for Error {}
