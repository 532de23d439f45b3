// The page's Markdown export (www/export.js) of real seed articles, as the built core
// (dist/wenxi.js) analyzes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { load } from '../../dist/wenxi.js';
import { fileName, sentenceHead, sentenceRest, summaryMarkdown } from '../../www/export.js';

const SEEDS = new URL('../../../shared/seeds/', import.meta.url);

test('the Markdown summary writes each trimmed item out as its whole sentence', async () => {
  const w = await load();
  const articles = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => w.analyze(readFileSync(new URL(f, SEEDS), 'utf8'), { summarySentences: 5 }).articles);
  const items = articles.flatMap((a) => a.summary.map((s) => ({ a, s })));
  // The seeds have items trimmed at both ends: "为了…，" before (seed 000), asides after.
  assert.ok(items.some(({ a, s }) => sentenceHead(a.text, s) !== ''), 'an item with a trimmed head');
  assert.ok(items.some(({ a, s }) => sentenceRest(a.text, s) !== ''), 'an item with a trimmed rest');
  for (const a of articles) {
    const md = summaryMarkdown(a, { title: a.title ?? '', labels: { summary: '摘要', keywords: '关键词' } });
    const bullets = md.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2).replace(/\\(.)/g, '$1'));
    assert.deepEqual(bullets, a.summary.map((s) => a.text.slice(s.sentenceStart, s.sentenceEnd).trim()));
  }
});

test('export file names: a title as it is, an untitled article by its first clause', () => {
  assert.equal(fileName('长春汽开区:以高质量服务打造新“引擎”', 'json'), '长春汽开区 以高质量服务打造新“引擎”.json');
  // The list shows an untitled article by the start of its text, cut with "…".
  assert.equal(fileName('青溪市图书馆自下月起试行夜间开放，周一至周五开放至晚上十…', 'json'), '青溪市图书馆自下月起试行夜间开放.json');
  assert.equal(fileName('a/b\\c', 'csv'), 'a b c.csv');
  // A colon between spaces ("公司 : 多措并举") leaves one space, not three.
  assert.equal(fileName('大唐华银攸县公司 : 多措并举购煤保供电', 'md'), '大唐华银攸县公司 多措并举购煤保供电.md');
  assert.equal(fileName('', 'md'), 'wenxi.md');
});
