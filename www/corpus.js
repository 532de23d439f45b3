// Corpus statistics over the loaded articles, computed from their Reports' frequency lists.
// Pure functions (no DOM), so they are easy to check and reuse.

/** Document frequency: word → number of articles whose frequency list contains it. */
export function documentFrequency(articles) {
  const df = new Map();
  for (const a of articles) for (const f of a.frequencies) df.set(f.word, (df.get(f.word) ?? 0) + 1);
  return df;
}

const total = (a) => a.frequencies.reduce((n, f) => n + f.count, 0) || 1;

/**
 * Keywords of the whole set: pooled TF × smoothed IDF (idf = ln((1 + N) / (1 + df)) + 1). TF is
 * the word's share of all words loaded, so a short article counts for what it is (a mean of
 * per-article shares would let a 100-character note outrank the theme of twenty articles),
 * while words concentrated in few articles get the IDF boost and themes shared by all still rank.
 * @returns {{word: string, score: number, df: number, count: number}[]} best first
 */
export function corpusKeywords(articles, limit = 30) {
  const n = articles.length;
  if (n === 0) return [];
  const df = documentFrequency(articles);
  const words = articles.reduce((sum, a) => sum + total(a), 0);
  const scores = new Map();
  for (const a of articles) {
    for (const f of a.frequencies) {
      const s = scores.get(f.word) ?? { word: f.word, score: 0, df: df.get(f.word), count: 0 };
      s.count += f.count;
      scores.set(f.word, s);
    }
  }
  for (const s of scores.values()) s.score = (s.count / words) * (Math.log((1 + n) / (1 + s.df)) + 1);
  return [...scores.values()].sort((x, y) => y.score - x.score || y.count - x.count).slice(0, limit);
}

/**
 * Words that set one article apart from the others: TF × ln(N / df), so words found in every
 * article score zero. Empty for a set of one.
 */
export function distinctiveWords(article, df, n, limit = 3) {
  if (n < 2) return [];
  const sum = total(article);
  return article.frequencies
    .map((f) => ({ word: f.word, score: (f.count / sum) * Math.log(n / (df.get(f.word) ?? n)) }))
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score)
    .slice(0, limit);
}

/**
 * Occurrences of `word` in an article as a word (its frequency entry), the count the corpus
 * keywords and their article counts are made of: 服务 inside 中车电动服务站's name is not a use.
 */
export function countIn(article, word) {
  return article.frequencies.find((x) => x.word === word)?.count ?? 0;
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
