// Corpus statistics over the loaded articles, computed from their Reports: the frequency list
// (every content word) and the keywords (which also hold phrases such as 政务服务, and never a
// word too generic to name a subject, such as 服务 or 发展).
// Pure functions (no DOM), so they are easy to check and reuse.

// Words an article writes in traditional characters, with their simplified form (報告 → 报告,
// the Report's `simplified` field), so that articles in either script share their words.
const simplifiedOf = new Map();

/** The form by which words of different articles are compared: in simplified characters. */
export const wordKey = (word) => simplifiedOf.get(word) ?? word;

// word → count for one article: its frequency list, plus its keyword phrases.
const termCache = new WeakMap();
function terms(article) {
  let m = termCache.get(article);
  if (!m) {
    m = new Map();
    for (const e of [...article.frequencies, ...article.keywords]) {
      if (e.simplified) simplifiedOf.set(e.word, e.simplified);
      if (!m.has(e.word)) m.set(e.word, e.count);
    }
    termCache.set(article, m);
  }
  return m;
}

/**
 * Uses of `word` in an article: its count as a word (its frequency entry), or as a keyword
 * phrase of the article. 服务 inside 中车电动服务站's name is not a use; a phrase the article
 * uses without ranking it among its keywords is not counted.
 */
export function countIn(article, word) {
  return terms(article).get(word) ?? 0;
}

/** Document frequency: word (its `wordKey`) → number of articles that use it (see `countIn`). */
export function documentFrequency(articles) {
  const df = new Map();
  for (const a of articles) {
    for (const k of new Set([...terms(a).keys()].map(wordKey))) df.set(k, (df.get(k) ?? 0) + 1);
  }
  return df;
}

const total = (a) => a.frequencies.reduce((n, f) => n + f.count, 0) || 1;

/**
 * Keywords of the whole set, chosen among the articles' own keywords: those used by two
 * articles or more first (from three articles on), each group ranked by pooled TF × smoothed
 * IDF over the loaded set (idf = ln((1 + N) / (1 + df)) + 1). TF is the word's share of
 * all words loaded, so a short article counts for what it is (a mean of per-article shares
 * would let a 100-character note outrank the theme of twenty articles), while words concentrated
 * in few articles get the IDF boost and themes shared by all still rank.
 * @returns {{word: string, words: string[], score: number, df: number, count: number}[]} best first
 */
export function corpusKeywords(articles, limit = 30, df = documentFrequency(articles)) {
  const n = articles.length;
  if (n === 0) return [];
  const words = articles.reduce((sum, a) => sum + total(a), 0);
  const counts = new Map(articles.flatMap((a) => a.keywords.map((k) => [k.word, 0])));
  // One pass over each article's terms (not candidates × articles: hundreds of articles).
  for (const a of articles) {
    for (const [word, c] of terms(a)) if (counts.has(word)) counts.set(word, counts.get(word) + c);
  }
  // One keyword however it is written: in either script (報告, 报告), under the spelling used
  // most; and a place named with and without its level (株洲 and 株洲市), under the shorter
  // name. `words` lists every spelling.
  const groups = new Map();
  for (const [word, count] of counts) {
    const key = wordKey(word);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { word, words: [word], count });
      continue;
    }
    group.words.push(word);
    if (count > counts.get(group.word)) group.word = word;
    group.count += count;
  }
  for (const [key, group] of [...groups]) {
    const bare = groups.get(LEVELLED_PLACE.exec(key)?.[1]);
    if (!bare) continue;
    bare.words.push(...group.words);
    bare.count += group.count;
    groups.delete(key);
  }
  const scored = [...groups.values()].map(({ word, words: all, count }) => {
    const d = all.length > 1 ? articles.filter((a) => usesOf(a, all) > 0).length : (df.get(wordKey(word)) ?? 1);
    return { word, words: all, score: (count / words) * (Math.log((1 + n) / (1 + d)) + 1), df: d, count };
  });
  // Keywords *of the set*: from three articles on, words several articles share come first,
  // and a word of one article only (however often it uses it) after them.
  const shared = (k) => (n >= 3 && k.df >= 2 ? 1 : 0);
  return scored.sort((x, y) => shared(y) - shared(x) || y.score - x.score || y.count - x.count).slice(0, limit);
}

/** A Chinese place name followed by its level: 株洲市 (株洲), 茶陵县 (茶陵), 湖南省 (湖南). */
const LEVELLED_PLACE = /^(\p{Script=Han}{2,})[市县省]$/u;

/** Uses of any of `words` (one keyword's spellings) in an article; see `countIn`. */
export function usesOf(article, words) {
  return words.reduce((sum, w) => sum + countIn(article, w), 0);
}

/**
 * The article's keywords that set it apart from the others: TF × ln(N / df), so words used in
 * every article score zero. Empty for a set of one.
 */
export function distinctiveWords(article, df, n, limit = 3) {
  if (n < 2) return [];
  const sum = total(article);
  return article.keywords
    .map((k) => ({ word: k.word, score: (countIn(article, k.word) / sum) * Math.log(n / (df.get(wordKey(k.word)) ?? n)) }))
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score)
    .slice(0, limit);
}

/**
 * What an article's word cloud shows, most frequent first: its content words, with each key
 * phrase (万人助万企, 政务服务) as one entry whose uses no longer count for the words inside it,
 * so the cloud and the keyword list agree.
 * @returns {{word: string, count: number}[]}
 */
export function cloudTerms(article) {
  const counts = new Map(article.frequencies.map((f) => [f.word, f.count]));
  for (const k of article.keywords) {
    if (counts.has(k.word)) continue; // a word, already counted
    for (const [word, count] of counts) {
      if (!k.word.includes(word)) continue;
      if (count > k.count) counts.set(word, count - k.count);
      else counts.delete(word);
    }
    counts.set(k.word, k.count);
  }
  return [...counts].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count);
}

/** Non-overlapping `[start, end]` UTF-16 offsets of `word` in `text`. */
export function occurrences(text, word, limit = Infinity) {
  const out = [];
  if (!word) return out;
  for (let i = text.indexOf(word); i !== -1 && out.length < limit; i = text.indexOf(word, i + word.length)) {
    out.push([i, i + word.length]);
  }
  return out;
}

/** Minutes to read `chars` characters of Chinese at about 400 characters a minute. */
export const readingMinutes = (chars) => chars / 400;
