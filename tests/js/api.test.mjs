// The built JS API (dist/wenxi.js) in Node: the contract of issue 2, on real seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { load } from '../../dist/wenxi.js';

const SEEDS = new URL('../../../shared/seeds/', import.meta.url);
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seed = (name) => readFileSync(new URL(name, SEEDS), 'utf8');

test('load() instantiates once', async () => {
  const a = await load();
  const b = await load();
  assert.equal(a, b);
});

test('segment returns UTF-16 end offsets that tile the text', async () => {
  const w = await load();
  const text = '我来到北京清华大学😀，然后去了株洲。';
  const ends = w.segment(text);
  assert.ok(ends instanceof Uint32Array);
  assert.equal(ends[ends.length - 1], text.length);
  for (let i = 1; i < ends.length; i++) assert.ok(ends[i] > ends[i - 1]);
  assert.deepEqual(w.cut(text).join(''), text);
  assert.ok(w.cut(text).includes('清华大学'));
  assert.ok(w.cut(text).includes('😀'));
});

test('search and all modes give overlapping words', async () => {
  const w = await load();
  const search = w.cut('我来到北京清华大学', { mode: 'search' });
  assert.ok(search.includes('清华') && search.includes('清华大学'));
  const all = w.cut('我来到北京清华大学', { mode: 'all' });
  assert.ok(all.includes('华大') && all.includes('大学'));
  assert.throws(() => w.cut('文本', { mode: 'fast' }), /unknown segmentation mode/);
});

test('HMM on finds unknown names, off splits them', async () => {
  const w = await load();
  const text = '他来到了网易杭研大厦';
  assert.ok(w.cut(text, { hmm: true }).includes('杭研'));
  assert.ok(!w.cut(text, { hmm: false }).includes('杭研'));
});

test('tag gives part of speech and marks user words', async () => {
  const w = await load();
  const before = w.tag('株洲贯流风机厂');
  assert.deepEqual(before[0], { word: '株洲', tag: 'ns' });
  assert.ok(!before.some((t) => t.word === '贯流风机'));
  w.addWord('贯流风机', undefined, 'nz');
  const after = w.tag('株洲贯流风机厂');
  assert.deepEqual(after[1], { word: '贯流风机', tag: 'nz', user: true });
});

test('wrong argument types and option values are refused with messages that name them', async () => {
  const w = await load();
  const text = '青溪市图书馆试行夜间开放。图书馆负责人表示，这是回应读者的呼声。';
  assert.throws(() => w.analyze(text, { topK: -1 }), { name: 'RangeError', message: 'topK must be a whole number of 0 or more, not -1' });
  assert.throws(() => w.analyze(text, { summarySentences: 2.5 }), /summarySentences must be a whole number/);
  assert.throws(() => w.analyze(text, { hmm: 'no' }), /hmm must be true or false/);
  assert.throws(() => w.analyze(text, { stopwords: '图书馆' }), /stopwords must be an array of strings/);
  assert.throws(() => w.analyze(text, 5), /options must be an object/);
  assert.equal(w.analyze(text, { topK: 0 }).articles[0].keywords.length, 0);
  assert.throws(() => w.analyze(text, { topK: NaN }), { name: 'RangeError', message: 'topK must be a whole number of 0 or more, not NaN' });
  assert.throws(() => w.analyze(text, { topk: 3 }), { name: 'TypeError', message: /^unknown option "topk" \(known: topK, / });
  assert.throws(() => w.analyze(text, { method: 'TFIDF' }), { name: 'RangeError', message: 'unknown keyword method "TFIDF" (expected auto, tfidf, textrank)' });
  assert.throws(() => w.analyze({ text }), { name: 'TypeError', message: 'analyze: the text must be a string, not object' });
  assert.throws(() => w.cut(text, { hmm: 'no' }), /hmm must be true or false, not "no"/);
  assert.throws(() => w.tag(text, { hmm: 0 }), /hmm must be true or false, not 0/);
  assert.throws(() => w.segment(42), /segment: the text must be a string, not number/);
  assert.throws(() => w.decode('abc'), { name: 'TypeError', message: /^decode: expected a file's bytes/ });
  assert.throws(() => w.addWord(null), { name: 'TypeError', message: 'addWord: the word must be a string, not null' });
  assert.throws(() => w.addWord('贯流风机', -5), /frequency must be a whole number of 1 or more, not -5/);
  assert.throws(() => w.addWord('贯流风机', 10, 3), /the tag must be a string/);
  assert.throws(() => w.loadDictionary(42), /expected the dictionary's text or bytes, not number/);
  // A dictionary file's bytes are decoded like any file (UTF-8 here).
  assert.deepEqual(w.loadDictionary(new TextEncoder().encode('数字立交 20 n\n')), { added: 1, errors: [] });
  assert.ok(w.cut('数字立交很方便').includes('数字立交'));
});

test('loadDictionary loads valid lines and names malformed ones', async () => {
  const w = await load();
  const result = w.loadDictionary('躬身式服务 20 n\n这一行 不是 合法 的 条目\n醴陵瓷谷 5\n数字立交 abc n\n');
  assert.equal(result.added, 2);
  assert.deepEqual(result.errors.map((e) => e.line), [2, 4]);
  assert.match(result.errors[0].message, /line 2/);
  assert.ok(w.cut('醴陵瓷谷很美').includes('醴陵瓷谷'));
});

test('analyze returns the Report contract on every seed', async () => {
  const w = await load();
  for (const name of seedFiles) {
    const report = w.analyze(seed(name), { topK: 8, summarySentences: 2 });
    assert.ok(report.articles.length >= 1, name);
    for (const a of report.articles) {
      assert.ok(a.title === null || typeof a.title === 'string');
      assert.equal(typeof a.text, 'string');
      for (const k of ['chars', 'words', 'sentences', 'paragraphs', 'distinctWords']) assert.equal(typeof a.stats[k], 'number');
      // The default list holds the 200 most frequent of them.
      assert.equal(a.frequencies.length, Math.min(200, a.stats.distinctWords), name);
      assert.ok(a.keywords.length <= 8);
      for (let i = 1; i < a.keywords.length; i++) assert.ok(a.keywords[i - 1].score >= a.keywords[i].score, `${name}: keywords best first`);
      for (const k of a.keywords) {
        assert.equal(k.count, k.occurrences.length);
        for (const [s, e] of k.occurrences) assert.equal(a.text.slice(s, e), k.word);
      }
      for (let i = 1; i < a.frequencies.length; i++) assert.ok(a.frequencies[i - 1].count >= a.frequencies[i].count);
      assert.ok(a.summary.length <= 2);
      for (let i = 0; i < a.summary.length; i++) {
        const s = a.summary[i];
        assert.equal(a.text.slice(s.start, s.end), s.text, `${name}: summary offsets`);
        assert.ok(s.sentenceStart <= s.start && s.end <= s.sentenceEnd, `${name}: the item lies in its sentence`);
        assert.ok(!/[。！？!?]/.test(a.text.slice(s.sentenceStart, s.sentenceEnd - 1)), `${name}: one sentence`);
        if (i > 0) assert.ok(s.start > a.summary[i - 1].start, 'summary in article order');
      }
    }
  }
});

test('maxFrequencies: Infinity lists every distinct content word', async () => {
  const w = await load();
  const text = seed(seedFiles.find((n) => n.startsWith('003')));
  const [whole] = w.analyze(text, { maxFrequencies: Infinity }).articles;
  const [capped] = w.analyze(text).articles;
  assert.ok(whole.stats.distinctWords > 200, `${whole.stats.distinctWords} distinct words`);
  assert.equal(whole.frequencies.length, whole.stats.distinctWords);
  assert.deepEqual(whole.frequencies.slice(0, 200), capped.frequencies);
  assert.equal(new Set(whole.frequencies.map((f) => f.word)).size, whole.frequencies.length);
});

test('bad input gives an empty report or a clear error, never a crash', async () => {
  const w = await load();
  for (const text of ['', '   \n\t ', 'only English words and 123 digits.', '😀😀😀', '\u0000\u0000', '\ud800 lone surrogate']) {
    const report = w.analyze(text);
    assert.ok(Array.isArray(report.articles));
  }
  assert.throws(() => w.analyze('文本', { method: 'magic' }), { name: 'RangeError', message: 'unknown keyword method "magic" (expected auto, tfidf, textrank)' });
  assert.throws(() => w.decode(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])), /not a text file/);
  // The instance survives all of the above.
  assert.ok(w.cut('仍然可以分词').length > 0);
});

test('WASM and the native CLI give the same Report for the same input', async () => {
  const w = await load();
  // The CLI `cargo xtask test` built, in cargo's target directory.
  const target = process.env.CARGO_TARGET_DIR ?? fileURLToPath(new URL('../../target', import.meta.url));
  const cli = join(target, 'release/wenxi');
  for (const name of seedFiles) {
    const path = new URL(name, SEEDS);
    const native = JSON.parse(execFileSync(cli, ['analyze', fileURLToPath(path)], { encoding: 'utf8' }));
    delete native.source;
    const wasm = w.analyze(w.decode(readFileSync(path)), {});
    assert.deepEqual(wasm, native, name);
    // Read as one article (the widget's way): one article, the same from both.
    const one = JSON.parse(execFileSync(cli, ['analyze', '--one-article', fileURLToPath(path)], { encoding: 'utf8' }));
    delete one.source;
    assert.equal(one.articles.length, 1, name);
    assert.deepEqual(w.analyze(w.decode(readFileSync(path)), { oneArticle: true }), one, name);
  }
});

/** GB18030 bytes of `text`, from a table made with Node's own decoder (two-byte codes, and
 *  four-byte codes searched for the characters that need them). */
function gb18030(text) {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const decodes = (bytes) => {
    try {
      return decoder.decode(Uint8Array.from(bytes));
    } catch {
      return null;
    }
  };
  const table = new Map();
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) {
    const c = b === 0x7f ? null : decodes([a, b]);
    if (c && !table.has(c)) table.set(c, [a, b]);
  }
  const four = (ch) => {
    for (let a = 0x81; a <= 0x84; a++) for (let b = 0x30; b <= 0x39; b++) for (let c = 0x81; c <= 0xfe; c++) for (let d = 0x30; d <= 0x39; d++) {
      if (decodes([a, b, c, d]) === ch) return [a, b, c, d];
    }
    throw new Error(`no GB18030 code for ${ch}`);
  };
  return Uint8Array.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch) ?? four(ch))));
}

test('decode: GBK, GB18030 four-byte sequences and UTF-16 with either BOM', async () => {
  const w = await load();
  const sentence = '湖边的老茶馆重新开张了。茶馆里挂着一块写有㐀字的旧匾。';
  const gb = gb18030(sentence);
  assert.ok(gb.length > sentence.length * 2, '㐀 takes four bytes');
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sentence, 'utf16le')]);
  const be = Buffer.from(le).swap16();
  assert.deepEqual([...be.subarray(0, 2)], [0xfe, 0xff]);
  for (const bytes of [gb, le, be, new Uint8Array(le).buffer]) assert.equal(w.decode(bytes), sentence);
  // Any view of the bytes, not only a Uint8Array over a whole buffer.
  const padded = new Uint8Array(gb.length + 8);
  padded.set(gb, 4);
  assert.equal(w.decode(new DataView(padded.buffer, 4, gb.length)), sentence);
  // analyze and splitArticles take the bytes of a GBK file as they come from readFile.
  const page = `湖边茶馆重新开张\n\n${sentence}`;
  assert.deepEqual(w.analyze(Buffer.from(gb18030(page))), w.analyze(page));
  assert.deepEqual(w.splitArticles(gb18030(page).buffer), w.splitArticles(page));
  assert.equal(w.decode(gb18030('老街的长者食堂开业了。')), '老街的长者食堂开业了。');
  // Text with NUL bytes in it is binary, not text.
  assert.throws(() => w.decode(Buffer.from('第一段。\0\0\0第二段。')), /not a text file/);
});

test('analyze: a 1 MB line, 100k nested tags and unclosed front matter', async () => {
  const w = await load();
  const line = '湖边小镇的风筝节吸引了很多游客'.repeat(23_000);
  const [long] = w.analyze(line).articles;
  assert.equal(long.stats.chars, line.length);
  assert.ok(long.keywords.some((k) => k.word === '风筝节'));
  const nested = `${'<div>'.repeat(100_000)}老街的长者食堂今天开业了。每份午餐只要八元。${'</div>'.repeat(100_000)}`;
  assert.deepEqual(w.analyze(nested).articles.map((a) => a.text), ['老街的长者食堂今天开业了。每份午餐只要八元。']);
  const front = '---\ntitle: 图书馆延时开放\n\n社区图书馆延长了开放时间。晚上九点以前都可以借书。\n';
  assert.ok(w.analyze(front).articles.some((a) => a.text.includes('晚上九点以前都可以借书。')));
  // splitArticles + analyzeArticle, the pair the page's worker uses for progress, agree with analyze.
  const parts = w.splitArticles(nested);
  assert.deepEqual({ articles: parts.map((p) => w.analyzeArticle(p)) }, w.analyze(nested));
  // …also for a text read as one article.
  const two = '第一篇的标题\n\n第一篇的正文，说的是一件事。\n\n---\n\n第二篇的标题\n\n第二篇的正文。';
  assert.equal(w.splitArticles(two).length, 2);
  const one = w.splitArticles(two, { oneArticle: true });
  assert.equal(one.length, 1);
  assert.deepEqual({ articles: one.map((p) => w.analyzeArticle(p)) }, w.analyze(two, { oneArticle: true }));
});
