//! Our word lists: stopwords, which never become keywords or content words, and generic
//! words, which may sit inside a key phrase but are never a keyword alone.
//!
//! Both live in `stopwords.txt`, written by us (not copied from any published list): function
//! words, pronouns, particles, conjunctions, generic verbs of news prose ("进行", "表示") and
//! newsroom words ("记者", "通讯员"); then, after a `[generic]` line, nouns too general to name
//! what an article is about ("研究", "问题", "服务") but meaningful in a phrase ("政务服务").
//! Edit the text file; it is compiled in.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

static TEXT: &str = include_str!("stopwords.txt");

struct Lists {
    stop: HashSet<&'static str>,
    generic: HashSet<&'static str>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut lists = Lists {
            stop: HashSet::default(),
            generic: HashSet::default(),
        };
        let mut generic = false;
        for line in TEXT.lines() {
            let line = line.trim();
            if line.starts_with('#') {
                continue;
            }
            if line == "[generic]" {
                generic = true;
                continue;
            }
            let set = if generic {
                &mut lists.generic
            } else {
                &mut lists.stop
            };
            set.extend(line.split_whitespace());
        }
        lists
    })
}

/// The built-in stopwords.
pub fn builtin() -> &'static HashSet<&'static str> {
    &lists().stop
}

/// True when `word` is a built-in stopword (case-insensitive for Latin words).
///
/// ```
/// assert!(wenxi::stopwords::is_stopword("的"));
/// assert!(!wenxi::stopwords::is_stopword("株洲"));
/// ```
pub fn is_stopword(word: &str) -> bool {
    let set = builtin();
    set.contains(word) || (word.is_ascii() && set.contains(word.to_ascii_lowercase().as_str()))
}

/// True when `word` is too general to be a keyword on its own (it may be part of one).
///
/// ```
/// assert!(wenxi::stopwords::is_generic("服务"));
/// assert!(!wenxi::stopwords::is_generic("政务服务"));
/// ```
pub fn is_generic(word: &str) -> bool {
    lists().generic.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_has_function_words_not_content_words() {
        assert!(is_stopword("的"));
        assert!(is_stopword("The"));
        assert!(!is_stopword("株洲"));
        assert!(!is_stopword("政务"));
        assert!(builtin().len() > 300);
    }

    #[test]
    fn generic_words_are_not_stopwords() {
        assert!(is_generic("研究") && !is_stopword("研究"));
        assert!(is_generic("工作") && !is_stopword("工作"));
        assert!(lists().generic.len() > 100);
    }
}
