// The page's corpus statistics (www/corpus.js) over the Reports of every seed article, as the
// built core (dist/wenxi.js) gives them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { load } from '../../dist/wenxi.js';
import { corpusKeywords, countIn, distinctiveWords, documentFrequency } from '../../www/corpus.js';

const SEEDS = new URL('../../../shared/seeds/', import.meta.url);

async function seedArticles() {
  const w = await load();
  return readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()
    .flatMap((f) => w.analyze(readFileSync(new URL(f, SEEDS), 'utf8')).articles);
}

test('corpus keywords come from the articles’ keywords: phrases yes, generic words alone no', async () => {
  const articles = await seedArticles();
  assert.ok(articles.length >= 20, `seed articles: ${articles.length}`);
  const keywords = corpusKeywords(articles, 20);
  const words = keywords.map((k) => k.word);
  assert.equal(words.length, 20);
  // Government news shares these words everywhere; alone they name no subject.
  for (const generic of ['服务', '企业', '发展', '建设', '群众', '工作', '项目']) {
    assert.ok(!words.includes(generic), `generic word ${generic} in ${words}`);
  }
  const own = new Set(articles.flatMap((a) => a.keywords.map((k) => k.word)));
  for (const w of words) assert.ok(own.has(w), `${w} is no article's keyword`);
  assert.ok(words.some((w) => w.length >= 4), `a phrase among ${words}`);
  // Each keyword's article count is the number of articles that use it, as the page lists them.
  for (const k of keywords) {
    assert.equal(k.df, articles.filter((a) => countIn(a, k.word) > 0).length, k.word);
    assert.equal(k.count, articles.reduce((n, a) => n + countIn(a, k.word), 0), k.word);
  }
  // Shared themes rank above words of one article only when they are used more.
  assert.ok(keywords.some((k) => k.df >= 3), `no shared theme in ${words}`);
});

test('distinctive words of an article are its own keywords, not pieces of them', async () => {
  const articles = await seedArticles();
  const df = documentFrequency(articles);
  let seen = 0;
  for (const a of articles) {
    const own = new Set(a.keywords.map((k) => k.word));
    const distinct = distinctiveWords(a, df, articles.length);
    for (const d of distinct) assert.ok(own.has(d.word), `${d.word} is not a keyword of ${a.title}`);
    seen += distinct.length;
  }
  assert.ok(seen >= articles.length * 2, `distinctive words: ${seen}`);
  assert.deepEqual(distinctiveWords(articles[0], df, 1), []);
});
