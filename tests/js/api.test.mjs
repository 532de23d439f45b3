// The built JS API (dist/wenxi.js) in Node: the contract of issue 2, on real seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
      for (const k of ['chars', 'words', 'sentences', 'paragraphs']) assert.equal(typeof a.stats[k], 'number');
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
        if (i > 0) assert.ok(s.start > a.summary[i - 1].start, 'summary in article order');
      }
    }
  }
});

test('bad input gives an empty report or a clear error, never a crash', async () => {
  const w = await load();
  for (const text of ['', '   \n\t ', 'only English words and 123 digits.', '😀😀😀', '\u0000\u0000', '\ud800 lone surrogate']) {
    const report = w.analyze(text);
    assert.ok(Array.isArray(report.articles));
  }
  assert.throws(() => w.analyze('文本', { method: 'magic' }), /invalid value for method/);
  assert.throws(() => w.decode(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])), /not a text file/);
  // The instance survives all of the above.
  assert.ok(w.cut('仍然可以分词').length > 0);
});

test('WASM and the native CLI give the same Report for the same input', async () => {
  const w = await load();
  const cli = fileURLToPath(new URL('../../target/release/wenxi', import.meta.url));
  for (const name of seedFiles) {
    const path = new URL(name, SEEDS);
    const native = JSON.parse(execFileSync(cli, ['analyze', fileURLToPath(path)], { encoding: 'utf8' }));
    delete native.source;
    const wasm = w.analyze(w.decode(readFileSync(path)), {});
    assert.deepEqual(wasm, native, name);
  }
});
