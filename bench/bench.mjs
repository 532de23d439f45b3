// `cargo xtask bench`: one run, one table. The native core, the WASM build in Node and in
// headless Chromium, and jieba-wasm@2.4.0 in the same Chromium page; init times; the page's
// own timings; the widget's; sizes. Figures are measured here, never asserted by tests.
import { mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, ROOT, SHARED, launchBrowser, serveDist } from '../tests/browser/helpers.mjs';
import { measureApp, serveDistProcess } from '../tests/browser/measure-app.mjs';

const corpus = await readFile(join(SHARED, 'data/sighan/pku_test.utf8'), 'utf8');
const mb = Buffer.byteLength(corpus) / 1e6;
const lines = corpus.split('\n').filter((l) => l.length > 0);
// Steady-state speed: the engine first runs WASM from a baseline compiler and optimizes hot
// functions in the background, so each measurement starts after at least three unmeasured runs
// and half a second of warm-up (as for any page used for more than a moment); then the best run.
// examples/bench.rs does the same natively.
const WARM_UP_MS = 500;
const best = (runs, f) => {
  for (let i = 0, t0 = performance.now(); i < 3 || performance.now() - t0 < WARM_UP_MS; i++) f();
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
};

// --- native (examples/bench.rs)
const runNative = (...args) => JSON.parse(execFileSync('cargo', ['run', '--release', '--quiet', '--example', 'bench', '--', ...args], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop());
const native = runNative();

// --- WASM in Node
let t0 = performance.now();
const { load } = await import(pathToFileURL(join(DIST, 'wenxi.js')).href);
const w = await load();
const node = {
  initMs: performance.now() - t0,
  segWholeMBs: mb / (best(5, () => w.segment(corpus)) / 1e3),
  segLinesMBs: mb / (best(5, () => lines.forEach((l) => w.segment(l))) / 1e3),
  analyzeWholeMBs: mb / (best(3, () => w.analyze(corpus)) / 1e3),
  analyzeLinesMBs: mb / (best(3, () => lines.forEach((l) => w.analyze(l))) / 1e3),
};

// --- Chromium: our WASM and jieba-wasm in one page, served from one origin
const site = await mkdtemp(join(tmpdir(), 'wenxi-bench-'));
await writeFile(join(site, 'index.html'), '<!doctype html><title>bench</title>');
await symlink(DIST, join(site, 'dist'));
await symlink(join(ROOT, 'node_modules/jieba-wasm/pkg/web'), join(site, 'jieba'));
const server = await serveDist(site);
const browser = await launchBrowser();
const page = await browser.newPage();
await page.goto(server.url);
const chromium = await page.evaluate(async (text) => {
  // page.evaluate runs in the browser: it cannot use the Node-side helpers above.
  const best = (runs, f) => {
    for (let i = 0, t0 = performance.now(); i < 3 || performance.now() - t0 < 500; i++) f();
    let min = Infinity;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      f();
      min = Math.min(min, performance.now() - t);
    }
    return min;
  };
  const mb = new TextEncoder().encode(text).length / 1e6;
  const lines = text.split('\n').filter((l) => l.length > 0);
  let t = performance.now();
  const { load } = await import('/dist/wenxi.js');
  const w = await load();
  globalThis.wenxiBench = { w, best, mb };
  const ours = {
    initMs: performance.now() - t,
    segWholeMBs: mb / (best(5, () => w.segment(text)) / 1e3),
    segLinesMBs: mb / (best(5, () => lines.forEach((l) => w.segment(l))) / 1e3),
    analyzeWholeMBs: mb / (best(3, () => w.analyze(text)) / 1e3),
    analyzeLinesMBs: mb / (best(3, () => lines.forEach((l) => w.analyze(l))) / 1e3),
  };
  // A 10,000-character article of running news text.
  const article = lines.join('').slice(0, 10_000);
  ours.analyze10kMs = best(5, () => w.analyze(article));
  t = performance.now();
  const jieba = await import('/jieba/jieba_rs_wasm.js');
  await jieba.default();
  jieba.cut('初始化词典', true);
  const theirs = {
    initMs: performance.now() - t,
    segWholeMBs: mb / (best(5, () => jieba.cut(text, true)) / 1e3),
    segLinesMBs: mb / (best(3, () => lines.forEach((l) => jieba.cut(l, true))) / 1e3),
  };
  return { ours, theirs };
}, corpus);
// This machine's speed drifts by up to 2× within a minute (a shared host), so the ratio to
// native is also measured in alternating rounds: one native process (kept running, so no
// start-up cost lands in a round) and the warm page take turns, the order flipping each round.
// The table shows the median round's ratio with the range, and the ratio of the best speeds
// over all rounds (each side's speed when the host was least busy).
const ROUNDS = 7;
const nativeServer = spawn(join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'release/examples/bench'), ['--serve'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
const nativeReplies = createInterface({ input: nativeServer.stdout })[Symbol.asyncIterator]();
const nativeRound = async () => {
  nativeServer.stdin.write('seg\n');
  const { value, done } = await nativeReplies.next();
  if (done) throw new Error('examples/bench --serve stopped');
  return JSON.parse(value).segWholeMBs;
};
const wasmRound = () => page.evaluate((text) => {
  const { w, best, mb } = globalThis.wenxiBench;
  return mb / (best(5, () => w.segment(text)) / 1e3);
}, corpus);
const pairs = [];
for (let round = 0; round < ROUNDS; round++) {
  let nativeMBs, wasmMBs;
  if (round % 2 === 0) {
    nativeMBs = await nativeRound();
    wasmMBs = await wasmRound();
  } else {
    wasmMBs = await wasmRound();
    nativeMBs = await nativeRound();
  }
  pairs.push({ nativeMBs, wasmMBs, ratio: wasmMBs / nativeMBs });
}
nativeServer.stdin.end();
const peak = {
  nativeMBs: Math.max(...pairs.map((p) => p.nativeMBs)),
  wasmMBs: Math.max(...pairs.map((p) => p.wasmMBs)),
};
pairs.sort((a, b) => a.ratio - b.ratio);
await browser.close();
await server.close();
await rm(site, { recursive: true, force: true });

// --- the page and the widget, each in fresh browser contexts
const app = await (async () => {
  const served = await serveDistProcess();
  const b = await launchBrowser();
  try {
    return await measureApp(b, served, { runs: 5 });
  } finally {
    await b.close();
    served.close();
  }
})();
const widgetOut = execFileSync(process.execPath, [join(ROOT, 'tests/browser/widget-measure.mjs'), '5'], { encoding: 'utf8' });
const widgetRender = widgetOut.split('\n').find((l) => l.startsWith('first render')) ?? '';

// --- sizes
const gz = async (path) => gzipSync(await readFile(path), { level: 9 }).length;
const walk = async (dir, prefix = '') => {
  const out = [];
  for (const f of await readdir(dir)) {
    const p = join(dir, f);
    if ((await stat(p)).isDirectory()) out.push(...(await walk(p, `${prefix}${f}/`)));
    else out.push(`${prefix}${f}`);
  }
  return out;
};
const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
const precached = JSON.parse(sw.match(/const FILES = (\[.*\]);/)[1]).filter((f) => f !== './').map((f) => f.slice(2));
let appGzip = 0;
for (const f of precached) appGzip += await gz(join(DIST, f));
let widgetGzip = 0;
for (const f of ['widget.js', 'widget-worker.js']) widgetGzip += await gz(join(DIST, f));

// --- print
const f = (x, d = 1) => (x === undefined ? '—' : x.toFixed(d));
const row = (name, r) => `| ${name.padEnd(28)} | ${f(r.segWholeMBs).padStart(8)} | ${f(r.segLinesMBs).padStart(8)} | ${f(r.analyzeWholeMBs).padStart(8)} | ${f(r.analyzeLinesMBs).padStart(8)} | ${f(r.initMs, 0).padStart(6)} |`;
console.log(`\nCorpus: pku_test.utf8, ${mb.toFixed(2)} MB, as one string ("whole") and line by line ("lines"); MB/s; segmentation best of 5, analysis best of 3.\n`);
console.log('| engine                       | seg whole| seg lines| ana whole| ana lines| init ms|');
console.log('|------------------------------|---------:|---------:|---------:|---------:|-------:|');
console.log(row('wenxi native', native));
console.log(row('wenxi WASM, Node 20', node));
console.log(row('wenxi WASM, Chromium', chromium.ours));
console.log(row('jieba-wasm 2.4.0, Chromium', chromium.theirs));
const median = pairs[Math.floor(pairs.length / 2)];
const vsJieba = chromium.ours.segWholeMBs / chromium.theirs.segWholeMBs;
console.log(`\n| measure | target | measured |\n|---|---|---|`);
const line = (m, target, value) => console.log(`| ${m} | ${target} | ${value} |`);
line(`segmentation, WASM in Chromium / native: best speeds over ${ROUNDS} alternating rounds`, '≥ 0.85×',
  `${(peak.wasmMBs / peak.nativeMBs).toFixed(2)}× (${peak.wasmMBs.toFixed(1)} / ${peak.nativeMBs.toFixed(1)} MB/s)`);
line('  the same, median round (range)', '',
  `${median.ratio.toFixed(2)}× (${median.wasmMBs.toFixed(1)} / ${median.nativeMBs.toFixed(1)} MB/s; ${pairs[0].ratio.toFixed(2)}–${pairs.at(-1).ratio.toFixed(2)}×)`);
line('segmentation, WASM in Chromium / jieba-wasm cut', '≥ 3×', `${vsJieba.toFixed(1)}×`);
line('analyze a 10,000-char article, native', '≤ 10 ms', `${native.analyze10kMs.toFixed(1)} ms`);
line('analyze a 10,000-char article, Chromium', '≤ 25 ms', `${chromium.ours.analyze10kMs.toFixed(1)} ms`);
line(`clean + split ${native.ingestMB.toFixed(0)} MB of pages, native`, '≪ 1 s', `${native.ingest10MBMs.toFixed(0)} ms`);
// Return visit: the installed site in a new tab of a normal profile; private: the same in a
// private-window profile (no compiled-code cache); first visit: empty caches, no service
// worker; reload: right after the first visit (see tests/browser/measure-app.mjs).
line('page interactive (return visit / private return / first visit / reload)', '≤ 100 ms', `${app.returnInteractive} / ${app.privateInteractive} / ${app.firstInteractive} / ${app.reloadInteractive} ms`);
line('analyzer ready: worker + WASM + dictionary (same four)', '≤ 250 ms', `${app.returnReady} / ${app.privateReady} / ${app.firstReady} / ${app.reloadReady} ms`);
line('click → results, 5,000-char article', '≤ 60 ms', `${app.results5k} ms`);
line(`200 files (${(app.batchBytes / 1e6).toFixed(2)} MB, ${app.batchArticles} articles) analyzed with progress`, '≤ 1.5 s', `${app.batch200} ms`);
line('widget first render after it becomes visible', '≤ 400 ms', widgetRender.replace('first render after visible: ', ''));
line('peak memory, analyze a 50 MB input, native', 'bounded', `${native.peak50MBMiB.toFixed(0)} MiB (${native.articles50MB} articles, ${(native.analyze50MBMs / 1e3).toFixed(1)} s)`);
console.log('\n| size | raw | gzip | budget |\n|---|---:|---:|---|');
const size = async (name, path, budget = '') => console.log(`| ${name} | ${((await stat(path)).size / 1e6).toFixed(2)} MB | ${((await gz(path)) / 1e6).toFixed(2)} MB | ${budget} |`);
await size('wenxi_core_bg.wasm', join(DIST, 'wenxi_core_bg.wasm'));
await size('jieba-wasm 2.4.0 .wasm', join(ROOT, 'node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm'));
await size('dist/wenxi.html (single file)', join(DIST, 'wenxi.html'), '≤ 4 MB raw');
console.log(`| app transfer (${precached.length} precached files) | | ${(appGzip / 1e6).toFixed(2)} MB | ≤ 2.0 MB gzip |`);
console.log(`| widget JS (widget.js + widget-worker.js) | | ${(widgetGzip / 1024).toFixed(1)} KB | ≤ 30 KB gzip |`);
