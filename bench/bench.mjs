// `cargo xtask bench`: one run, one table. Native core, the WASM build in Node and in headless
// Chromium, and jieba-wasm@2.4.0 in the same Chromium page; plus init times and sizes.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { startServer, launchChromium } from './support.mjs';

const root = new URL('../', import.meta.url);
const corpusUrl = new URL('../shared/data/sighan/pku_test.utf8', root);
const corpus = readFileSync(corpusUrl, 'utf8');
const mb = Buffer.byteLength(corpus) / 1e6;
const lines = corpus.split('\n').filter((l) => l.length > 0);

const best = (runs, f) => {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
};

// --- native
const nativeOut = execFileSync('cargo', ['run', '--release', '--quiet', '--example', 'bench'], { cwd: fileURLToPath(root), encoding: 'utf8' });
const native = JSON.parse(nativeOut.trim().split('\n').pop());

// --- WASM in Node
const t0 = performance.now();
const { load } = await import('../dist/wenxi.js');
const w = await load();
const nodeInit = performance.now() - t0;
const node = {
  initMs: nodeInit,
  segWholeMBs: mb / (best(3, () => w.segment(corpus)) / 1e3),
  segLinesMBs: mb / (best(3, () => lines.forEach((l) => w.segment(l))) / 1e3),
  analyzeWholeMBs: mb / (best(3, () => w.analyze(corpus)) / 1e3),
  analyzeLinesMBs: mb / (best(3, () => lines.forEach((l) => w.analyze(l))) / 1e3),
};

// --- Chromium: our WASM and jieba-wasm in the same page
const server = await startServer(fileURLToPath(root), { '/__corpus': corpus });
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(`${server.url}/__blank`);
const chromium = await page.evaluate(async () => {
  const best = (runs, f) => {
    let min = Infinity;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      f();
      min = Math.min(min, performance.now() - t);
    }
    return min;
  };
  const text = await (await fetch('/__corpus')).text();
  const mb = new TextEncoder().encode(text).length / 1e6;
  const lines = text.split('\n').filter((l) => l.length > 0);
  let t = performance.now();
  const { load } = await import('/dist/wenxi.js');
  const w = await load();
  const ours = {
    initMs: performance.now() - t,
    segWholeMBs: mb / (best(3, () => w.segment(text)) / 1e3),
    segLinesMBs: mb / (best(3, () => lines.forEach((l) => w.segment(l))) / 1e3),
    analyzeWholeMBs: mb / (best(3, () => w.analyze(text)) / 1e3),
    analyzeLinesMBs: mb / (best(3, () => lines.forEach((l) => w.analyze(l))) / 1e3),
  };
  t = performance.now();
  const jieba = await import('/node_modules/jieba-wasm/pkg/web/jieba_rs_wasm.js');
  await jieba.default();
  jieba.cut('初始化词典', true);
  const theirs = {
    initMs: performance.now() - t,
    segWholeMBs: mb / (best(3, () => jieba.cut(text, true)) / 1e3),
    segLinesMBs: mb / (best(3, () => lines.forEach((l) => jieba.cut(l, true))) / 1e3),
  };
  return { ours, theirs };
});
await browser.close();
server.close();

// --- sizes
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const wasmPath = fileURLToPath(new URL('dist/wenxi_core_bg.wasm', root));
const jiebaWasm = fileURLToPath(new URL('node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm', root));
const distFiles = [];
const walk = (dir) => {
  for (const f of readdirSync(dir)) {
    const p = `${dir}/${f}`;
    if (statSync(p).isDirectory()) walk(p);
    else distFiles.push(p);
  }
};
walk(fileURLToPath(new URL('dist', root)));
const appFiles = distFiles.filter((p) => !/wenxi\.html$|widget-demo|embed\.html/.test(p));
const totalGzip = appFiles.reduce((s, p) => s + gz(p), 0);

const f = (x, d = 1) => (x === undefined ? '—' : x.toFixed(d));
const row = (name, r) => `| ${name.padEnd(28)} | ${f(r.segWholeMBs).padStart(8)} | ${f(r.segLinesMBs).padStart(8)} | ${f(r.analyzeWholeMBs).padStart(8)} | ${f(r.analyzeLinesMBs).padStart(8)} | ${f(r.initMs, 0).padStart(6)} |`;
console.log(`\nCorpus: pku_test.utf8, ${mb.toFixed(2)} MB; MB/s as one string ("whole") and line by line ("lines"); best of 3.\n`);
console.log('| engine                       | seg whole| seg lines| ana whole| ana lines| init ms|');
console.log('|------------------------------|---------:|---------:|---------:|---------:|-------:|');
console.log(row('wenxi native', native));
console.log(row('wenxi WASM, Node', node));
console.log(row('wenxi WASM, Chromium', chromium.ours));
console.log(row('jieba-wasm 2.4.0, Chromium', chromium.theirs));
const ratio = chromium.ours.segWholeMBs / native.segWholeMBs;
const vsJieba = chromium.ours.segWholeMBs / chromium.theirs.segWholeMBs;
console.log(`\nWASM-in-Chromium / native segmentation: ${ratio.toFixed(2)}× (target ≥ 0.85); vs jieba-wasm cut: ${vsJieba.toFixed(1)}× (target ≥ 3)`);
console.log(`analyze, 10,000-char article, native: ${native.analyze10kMs.toFixed(1)} ms (target ≤ 10)`);
console.log(`ingest (clean + split) ${native.ingestMB.toFixed(1)} MB natively: ${native.ingest10MBMs.toFixed(0)} ms`);
console.log('\n| size                         |      raw |     gzip |');
console.log('|------------------------------|---------:|---------:|');
const size = (name, path) => console.log(`| ${name.padEnd(28)} | ${(statSync(path).size / 1e6).toFixed(2).padStart(5)} MB | ${(gz(path) / 1e6).toFixed(2).padStart(5)} MB |`);
size('wenxi_core_bg.wasm', wasmPath);
size('jieba-wasm 2.4.0 .wasm', jiebaWasm);
console.log(`| ${'app total (dist/, gzip)'.padEnd(28)} |          | ${(totalGzip / 1e6).toFixed(2).padStart(5)} MB |`);
