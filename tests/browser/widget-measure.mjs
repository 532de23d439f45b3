// By-hand measurement of the widget budget (not a test: timing on a shared machine is noisy).
//
//   cargo xtask build && node tests/browser/widget-measure.mjs [trials=7]
//
// Prints the gzip size of the widget's own JavaScript and, over cold page loads (new browser
// context each time, widget on 127.0.0.1:A, host page on localhost:B), the time from the
// widget becoming visible to its first render, with the steps in between.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './helpers.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };
const trials = Number(process.argv[2] ?? 7);

const ARTICLE = `<p>老街社区长者食堂昨天正式开业。食堂由社区闲置用房改建而成，设有六十个座位，每天供应早餐和午餐，主要服务辖区内的独居老人和高龄老人。</p>
<p>食堂实行“政府补贴一点、企业让利一点、老人自付一点”的运营方式，八十岁以上老人的午餐每份只需八元。社区还组织志愿者为行动不便的老人送餐上门。</p>`.repeat(4);

function listen(server, hostname) {
  return new Promise((ok) => server.listen(0, hostname, () => ok(server.address().port)));
}

const widgetPort = await listen(createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  try {
    const body = await readFile(DIST + path.slice(1).replaceAll('..', ''));
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Access-Control-Allow-Origin': '*' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}), '127.0.0.1');
const W = `http://127.0.0.1:${widgetPort}/`;
const page = `<!doctype html><meta charset="utf-8"><script type="module" src="${W}widget.js"></script>
<article id="post">${ARTICLE}</article><div style="height: 3000px"></div><wenxi-analyzer id="w" for="#post"></wenxi-analyzer>
<script>
  window.t = {};
  new IntersectionObserver(([e]) => { if (e.isIntersecting && !t.visible) t.visible = performance.now(); }).observe(document.getElementById('w'));
  document.addEventListener('wenxi-ready', () => (t.ready = performance.now()));
  document.addEventListener('wenxi-result', () => (t.result = performance.now()));
  window.longest = 0;
  new PerformanceObserver((l) => l.getEntries().forEach((e) => (longest = Math.max(longest, e.duration)))).observe({ type: 'longtask' });
  // Long animation frames say where a long task went: scripts (ours?) or style and layout.
  window.frames = [];
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    new PerformanceObserver((l) => l.getEntries().forEach((e) => frames.push({
      duration: Math.round(e.duration),
      script: Math.round(e.scripts.reduce((sum, s) => sum + s.duration, 0)),
      layout: Math.round(e.startTime + e.duration - e.styleAndLayoutStart),
      sources: [...new Set(e.scripts.map((s) => s.sourceURL.split('/').pop() || s.invoker))].join(' '),
    }))).observe({ type: 'long-animation-frame' });
  }
</script>`;
const hostPort = await listen(createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page)));

let gzip = 0;
for (const name of ['widget.js', 'widget-worker.js']) gzip += gzipSync(await readFile(DIST + name), { level: 9 }).length;
console.log(`widget JS (widget.js + widget-worker.js): ${(gzip / 1024).toFixed(1)} KB gzip (budget 30 KB)`);

const browser = await chromium.launch(CHROMIUM);
const rows = [];
for (let i = 0; i < trials; i++) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const started = new Map();
  const done = new Map();
  const now = () => tab.evaluate(() => performance.now()).catch(() => NaN);
  tab.on('request', (r) => started.set(r.url().split('/').pop(), Date.now()));
  tab.on('requestfinished', (r) => done.set(r.url().split('/').pop(), Date.now()));
  await tab.goto(`http://localhost:${hostPort}/`);
  await tab.waitForFunction(() => customElements.get('wenxi-analyzer'));
  await tab.waitForTimeout(300);
  const wallAtScroll = Date.now();
  const pageAtScroll = await now();
  await tab.evaluate(() => document.getElementById('w').scrollIntoView());
  await tab.waitForFunction(() => t.result, null, { timeout: 30_000 });
  const t = await tab.evaluate(() => ({ ...t, longest, frames: frames.filter((f) => f.duration > 50) }));
  // Request times are wall-clock; map them onto the page clock through the scroll moment.
  const at = (name, map) => (map.has(name) ? (map.get(name) - wallAtScroll + pageAtScroll - t.visible).toFixed(0) : '-');
  rows.push({
    'first render ms': Math.round(t.result - t.visible),
    'worker requested': at('widget-worker.js', started),
    'wasm requested': at('wenxi_core_bg.wasm', started),
    'wasm loaded': at('wenxi_core_bg.wasm', done),
    'core ready': Math.round(t.ready - t.visible),
    'longest task ms': Math.round(t.longest),
    'long frames (total/script/style+layout ms, scripts)': t.frames.map((f) => `${f.duration}/${f.script}/${f.layout} ${f.sources}`).join('; '),
  });
  await context.close();
}
console.table(rows);
const sorted = rows.map((r) => r['first render ms']).sort((a, b) => a - b);
console.log(`first render after visible: median ${sorted[sorted.length >> 1]} ms, min ${sorted[0]} ms, max ${sorted.at(-1)} ms (${trials} cold loads)`);
await browser.close();
process.exit(0);
