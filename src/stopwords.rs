//! The stopword list: words that never become keywords or content words.
//!
//! The list (`stopwords.txt`) is wenxi's own: function words, pronouns, particles,
//! conjunctions, generic verbs of news prose ("进行", "表示") and newsroom words ("记者",
//! "通讯员"). Edit the text file; it is compiled in.

use std::collections::HashSet;
use std::sync::OnceLock;

static TEXT: &str = include_str!("stopwords.txt");

/// The built-in stopwords.
pub fn builtin() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        TEXT.lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    })
}

/// True when `word` is a built-in stopword (case-insensitive for Latin words).
pub fn is_stopword(word: &str) -> bool {
    let set = builtin();
    set.contains(word) || (word.is_ascii() && set.contains(word.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn list_has_function_words_not_content_words() {
        assert!(super::is_stopword("的"));
        assert!(super::is_stopword("The"));
        assert!(!super::is_stopword("株洲"));
        assert!(!super::is_stopword("政务"));
        assert!(super::builtin().len() > 300);
    }
}
