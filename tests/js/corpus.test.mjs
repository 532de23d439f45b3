// The page's corpus statistics (www/corpus.js) over the Reports of every seed article, as the
// built core (dist/wenxi.js) gives them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { load } from '../../dist/wenxi.js';
import { cloudTerms, corpusKeywords, countIn, distinctiveWords, documentFrequency, usesOf, wordKey } from '../../www/corpus.js';

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
  // Counts are uses as a word, not as part of one: 服务 inside 政务服务 is no use of 服务.
  const article = articles.find((a) => a.keywords.some((k) => k.word === '政务服务'));
  assert.ok(article, 'an article with the keyword 政务服务');
  const asWord = article.frequencies.find((f) => f.word === '服务')?.count ?? 0;
  assert.equal(countIn(article, '服务'), asWord);
  assert.ok(countIn(article, '政务服务') > 0);
  assert.ok(article.text.split('服务').length - 1 > asWord, '服务 also occurs inside longer words here');
  // Keywords of the set: words several articles share lead, and those of one article follow.
  assert.ok(keywords.some((k) => k.df >= 3), `no shared theme in ${words}`);
  const firstAlone = keywords.findIndex((k) => k.df === 1);
  const lastShared = keywords.findLastIndex((k) => k.df >= 2);
  assert.ok(firstAlone === -1 || lastShared < firstAlone, keywords.map((k) => `${k.word} ${k.df}`).join());
  assert.ok(keywords.filter((k) => k.df >= 2).length >= 15, keywords.map((k) => `${k.word} ${k.df}`).join());
  // Within each group, by TF-IDF.
  for (const group of [keywords.filter((k) => k.df >= 2), keywords.filter((k) => k.df === 1)]) {
    for (let i = 1; i < group.length; i++) assert.ok(group[i - 1].score >= group[i].score);
  }
  // Two articles: TF-IDF alone.
  const two = corpusKeywords(articles.slice(0, 2), 20);
  for (let i = 1; i < two.length; i++) assert.ok(two[i - 1].score >= two[i].score);
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

test('the word cloud shows a key phrase once, not the words inside it', async () => {
  const articles = await seedArticles();
  const article = articles.find((a) => a.keywords.some((k) => k.word === '万人助万企'));
  assert.ok(article, 'seed 004 has the keyword 万人助万企');
  const words = new Map(article.frequencies.map((f) => [f.word, f.count]));
  assert.ok(words.has('万人助') && words.has('万企'), 'jieba counts its two halves as words');
  const cloud = new Map(cloudTerms(article).map((c) => [c.word, c.count]));
  assert.equal(cloud.get('万人助万企'), 3);
  assert.ok(!cloud.has('万人助') && !cloud.has('万企'), [...cloud.keys()].join());
  // A word also used outside the phrase keeps those uses: 政务 in 政务服务 and elsewhere.
  for (const k of article.keywords) assert.equal(cloud.get(k.word), k.count, k.word);
  const counts = [...cloud.values()];
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most frequent first');
});

test('a place named with and without its level is one corpus keyword', async () => {
  const articles = await seedArticles();
  const keywords = corpusKeywords(articles, 200);
  const words = keywords.map((k) => k.word);
  // The seeds' articles name the city both ways: 株洲 and 株洲市.
  assert.ok(articles.some((a) => a.keywords.some((k) => k.word === '株洲市')), 'an article keyword 株洲市');
  assert.ok(!words.includes('株洲市'), words.join());
  const city = keywords.find((k) => k.word === '株洲');
  assert.ok(city, words.join());
  assert.deepEqual(city.words, ['株洲', '株洲市']);
  assert.equal(city.df, articles.filter((a) => usesOf(a, ['株洲', '株洲市']) > 0).length);
  assert.ok(city.df > articles.filter((a) => countIn(a, '株洲') > 0).length, 'the articles that only say 株洲市 count too');
  // Other keywords keep their one spelling.
  for (const k of keywords) if (k.word !== '株洲') assert.deepEqual(k.words, [k.word]);
});

test('a word written in traditional characters in one article and simplified in others is one corpus keyword', async () => {
  const w = await load();
  const articles = await seedArticles();
  // One seed article rewritten in traditional characters with the core's own table
  // (src/ts_characters.txt, traditional → simplified pairs), read backwards.
  const toTraditional = new Map();
  for (const line of readFileSync(new URL('../../src/ts_characters.txt', import.meta.url), 'utf8').split('\n')) {
    const [traditional, simplified] = [...line];
    if (!line.startsWith('#') && simplified && !toTraditional.has(simplified)) toTraditional.set(simplified, traditional);
  }
  const original = articles.find((a) => a.keywords.some((k) => k.word === '政务服务'));
  const text = [original.title, original.text].join('\n\n');
  const rewritten = [...text].map((c) => toTraditional.get(c) ?? c).join('');
  assert.notEqual(rewritten, text);
  const [traditional] = w.analyze(rewritten).articles;
  const key = traditional.keywords.find((k) => k.simplified === '政务服务');
  assert.ok(key, traditional.keywords.map((k) => k.word).join());
  assert.equal(key.word, '政務服務');
  assert.ok(traditional.frequencies.some((f) => f.simplified && f.simplified !== f.word));
  for (const e of [...traditional.keywords, ...traditional.frequencies]) assert.notEqual(e.simplified, e.word);

  const all = [...articles, traditional];
  const df = documentFrequency(all);
  assert.equal(wordKey('政務服務'), '政务服务');
  assert.equal(df.get('政务服务'), documentFrequency(articles).get('政务服务') + 1);
  assert.equal(df.has('政務服務'), false);
  const keywords = corpusKeywords(all, 200, df);
  const keys = keywords.map((k) => wordKey(k.word));
  assert.deepEqual(keys, [...new Set(keys)], 'each keyword once');
  const merged = keywords.find((k) => k.words.includes('政务服务'));
  assert.ok(merged);
  // Shown as the simplified articles write it, the spelling used most.
  assert.equal(merged.word, '政务服务');
  assert.ok(merged.words.includes('政務服務'), merged.words.join());
  assert.equal(merged.df, all.filter((a) => usesOf(a, merged.words) > 0).length);
  assert.ok(usesOf(traditional, merged.words) > 0);
  // The rewritten article shares every word with the original: none of its distinctive words
  // counts as its alone.
  const distinct = distinctiveWords(traditional, df, all.length);
  assert.ok(distinct.length > 0);
  for (const d of distinct) assert.ok(df.get(wordKey(d.word)) >= 2, `${d.word}: ${df.get(wordKey(d.word))}`);
});
