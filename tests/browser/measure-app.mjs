// Measures the analyzer page in headless Chromium (run after `cargo xtask build`):
//   node tests/browser/measure-app.mjs [runs]
// Prints one JSON object with medians over `runs` fresh browser contexts (default 5).
// Start-up, in ms from navigation start, for four ways of opening the page:
//   first*   the first visit: empty caches, no service worker, a new renderer process
//   return*  a later visit: the installed site (service worker and its cache ready) opened in
//            a new tab of a normal browser profile, a few seconds after the first visit left
//            it idle — how people open the app day to day. The engine's compiled-code cache
//            then holds the optimized WASM the first visit produced.
//   private* the same later visit in a private-window profile, which keeps no compiled code
//   reload*  a reload right after the first visit, while its post-load work (service worker
//            precaching, code caching) may still run
// each as *Interactive (mark wenxi:interactive: the page handles input) and *Ready (mark
// wenxi:ready: the analyzer is loaded in its worker). Then:
//   results5k    ms from the analyze click to a 5,000-character article's results rendered
//                (measure wenxi:results; the text is saved to IndexedDB first)
//   batch200     ms from choosing 200 files (≈ 1 MB: the input's change event) to all of them
//                analyzed and listed
// The page's own marks make the figures independent of the test harness; dist/ is served
// from a separate process so the harness does not slow the server down.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SHARED, launchBrowser, launchProfile } from './helpers.mjs';

const runs = Number(process.argv[2] ?? 5);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]);
};

export async function measureApp(browser, site, { runs: n = 5 } = {}) {
  const dir = join(SHARED, 'seeds');
  const seeds = await Promise.all((await readdir(dir)).sort().map((f) => readFile(join(dir, f), 'utf8')));
  const all = seeds.join('\n\n');
  // 5,000 characters of running text (whitespace removed so the count is exact).
  const text5k = seeds[2].replace(/\s+/g, '').slice(0, 5000);
  const files = Array.from({ length: 200 }, (_, i) => {
    const start = (i * 1777) % (all.length - 2000);
    return { name: `a${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(all.slice(start, start + 1700)) };
  });
  const out = { firstInteractive: [], firstReady: [], reloadInteractive: [], reloadReady: [], returnInteractive: [], returnReady: [], privateInteractive: [], privateReady: [], results5k: [], batch200: [], batchArticles: 0, batchBytes: files.reduce((s, f) => s + f.buffer.length, 0) };
  const record = async (page, name) => {
    await settled(page);
    const m = await page.evaluate(() => ({
      interactive: performance.getEntriesByName('wenxi:interactive')[0].startTime,
      ready: performance.getEntriesByName('wenxi:ready')[0].startTime,
    }));
    out[`${name}Interactive`].push(m.interactive);
    out[`${name}Ready`].push(m.ready);
  };
  for (let run = 0; run < n; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const first = await context.newPage();
    await first.goto(site.url);
    await record(first, 'first');
    await first.reload();
    await record(first, 'reload');
    // Precaching ends before the service worker activates, so `ready` means installed.
    await first.evaluate(() => navigator.serviceWorker.ready);
    await first.close();
    const page = await context.newPage();
    await page.goto(site.url);
    await record(page, 'private');
    // The first analysis warms the worker's code; later ones are what a user sees.
    for (let i = 0; i < 3; i++) {
      await page.locator('[data-testid="article-input"]').fill(`${text5k}${i}`);
      await page.evaluate(() => performance.clearMeasures('wenxi:results'));
      await page.locator('[data-testid="analyze-button"]').click();
      await page.waitForFunction(() => performance.getEntriesByName('wenxi:results').length > 0);
      if (i > 0) out.results5k.push(await page.evaluate(() => performance.getEntriesByName('wenxi:results')[0].duration));
    }
    const before = await page.locator('[data-testid="article-list"] > li').count();
    // Timed in the page from the file input's change event, when the browser hands over the
    // files a user chose (Playwright's own transfer of 200 files to the browser, 250–400 ms
    // here, comes before it), to the frame that shows them all analyzed.
    await page.evaluate(() => document.addEventListener('change', (e) => (window.wenxiChosen = e.timeStamp), { capture: true, once: true }));
    await page.locator('#file-input').setInputFiles(files);
    const end = await page.waitForFunction((n) => {
      const list = document.querySelector('[data-testid="article-list"]');
      return list.children.length > n + 150 && !list.querySelector('.pending') && document.querySelector('[data-testid="progress"]').hidden && performance.now();
    }, before, { timeout: 120_000, polling: 'raf' });
    out.batch200.push((await end.jsonValue()) - (await page.evaluate(() => window.wenxiChosen)));
    out.batchArticles = (await page.locator('[data-testid="article-list"] > li').count()) - before;
    await context.close();
    await returnVisit(site, record);
  }
  return {
    ...Object.fromEntries(['first', 'return', 'private', 'reload'].flatMap((v) => [`${v}Interactive`, `${v}Ready`]).map((k) => [k, median(out[k])])),
    results5k: median(out.results5k),
    batch200: median(out.batch200),
    batchArticles: out.batchArticles,
    batchBytes: out.batchBytes,
  };
}

/**
 * Waits until the page has marked wenxi:ready without touching it during start-up: Playwright's
 * selector waits inject its own script into the page (about 14 ms of main-thread work on a
 * first visit), which would be counted against the page. The first look comes after every
 * start-up seen on this machine class has ended; later ones only if one has not.
 */
async function settled(page, timeout = 30_000) {
  await page.waitForTimeout(800);
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(() => performance.getEntriesByName('wenxi:ready').length > 0))) {
    if (await page.evaluate(() => document.body.dataset.analyzer === 'failed')) throw new Error('the analyzer failed to load');
    if (Date.now() > deadline) throw new Error(`the analyzer was not ready ${timeout / 1000 + 0.8} s after navigation`);
    await page.waitForTimeout(100);
  }
}

/** One return visit in a new on-disk profile: a first visit, left idle, then a new tab. */
async function returnVisit(site, record) {
  const dir = await mkdtemp(join(tmpdir(), 'wenxi-profile-'));
  const context = await launchProfile(dir, { viewport: { width: 1280, height: 900 } });
  try {
    const first = await context.newPage();
    await first.goto(site.url);
    await first.waitForSelector('body[data-analyzer="ready"]');
    await first.evaluate(() => navigator.serviceWorker.ready);
    // The engine writes its code cache once optimizing has been quiet for two seconds.
    await first.waitForTimeout(4000);
    await first.close();
    const page = await context.newPage();
    await page.goto(site.url);
    await record(page, 'return');
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Starts tests/browser/serve.mjs in a child process: `{url, close()}`. */
export async function serveDistProcess() {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./serve.mjs', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(String(d).trim()));
    child.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  return { url, close: () => child.kill() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const site = await serveDistProcess();
  const browser = await launchBrowser();
  try {
    console.log(JSON.stringify(await measureApp(browser, site, { runs })));
  } finally {
    await browser.close();
    site.close();
  }
}
