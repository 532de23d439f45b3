// Offline use (issue 6): the single file from disk with no network, and the installed site
// (service worker) with the network off, and a new build replacing the old cache.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, launchBrowser, newPage, serveDist } from './helpers.mjs';

const ARTICLE = `城南社区图书馆试行夜间开放
本月起，城南社区图书馆每周二至周六的闭馆时间推迟到晚上九点半。图书馆负责人介绍，夜间开放主要方便上班族和学生借书还书。
试行第一周，夜间到馆读者超过一千二百人次，自助借还机使用量明显增加。图书馆还招募了二十多名志愿者协助夜间值守。
负责人表示，试行结束后将根据读者意见评估夜间开放的效果，再决定是否长期实行。`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

async function analyzeIn(page) {
  await page.getByTestId('article-input').fill(ARTICLE);
  await page.getByTestId('analyze-button').click();
  await page.locator('[data-testid="keywords"] > li').first().waitFor({ timeout: 20_000 });
  const keywords = await page.locator('[data-testid="keywords"] > li').allTextContents();
  const summary = await page.locator('[data-testid="summary"] > li').allTextContents();
  assert.ok(keywords.some((k) => k.startsWith('图书馆')), `keywords: ${keywords}`);
  assert.ok(summary.length >= 1);
}

test('dist/wenxi.html from file:// works with every request aborted, and makes none', async () => {
  const { context, page, errors } = await newPage(browser);
  const attempted = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    attempted.push(url);
    return route.abort();
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('file:') && !url.startsWith('blob:') && !url.startsWith('data:')) attempted.push(url);
  });
  await page.goto(pathToFileURL(join(DIST, 'wenxi.html')).href);
  await analyzeIn(page);
  // The word cloud (inlined library) renders too.
  await page.locator('canvas, .cloud span, .cloud-words').first().waitFor({ timeout: 10_000 });
  assert.deepEqual(attempted, [], 'no network request was attempted');
  assert.deepEqual(errors, []);
  await context.close();
});

test('dist/wenxi.html keeps its articles across reloads from disk', async () => {
  const { context, page, errors } = await newPage(browser);
  await page.goto(pathToFileURL(join(DIST, 'wenxi.html')).href);
  await analyzeIn(page);
  await page.reload();
  // Restored from IndexedDB (file:// pages keep their storage in Chromium) and analyzed again.
  await page.getByTestId('article-list').getByText('城南社区图书馆试行夜间开放').waitFor({ timeout: 20_000 });
  assert.equal(await page.locator('[data-testid="article-list"] > *').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the served site works offline after the first visit', async () => {
  const site = await serveDist();
  const { context, page, errors } = await newPage(browser);
  await page.goto(site.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Precaching finishes before `ready` resolves (install → activate).
  await context.setOffline(true);
  await site.close();
  await page.reload();
  await analyzeIn(page);
  // Chromium serves the page (its module is inline) and the scripts it loads later by the
  // worker's static routes, straight from the cache, without starting its fetch handler.
  const sources = await page.evaluate(() =>
    [performance.getEntriesByType('navigation')[0], performance.getEntriesByName(new URL('vendor/wordcloud2.js', location.href).href)[0]].map(
      (e) => e?.workerFinalSourceType,
    ),
  );
  assert.deepEqual(sources, ['cache', 'cache']);
  // A URL with a query is left to the fetch handler, which still finds the page offline.
  await page.goto(`${site.url}?lang=en`);
  await analyzeIn(page);
  assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
  await context.close();
});

test('a new build replaces the old cache and the page offers the reload', async () => {
  // A private copy of dist/ whose service worker and app we can "rebuild".
  const dir = await mkdtemp(join(tmpdir(), 'wenxi-sw-'));
  await cp(DIST, dir, { recursive: true });
  const site = await serveDist(dir);
  const { context, page, errors } = await newPage(browser);
  await page.goto(site.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const before = await page.evaluate(() => caches.keys());
  assert.equal(before.length, 1);

  const sw = await readFile(join(dir, 'sw.js'), 'utf8');
  const oldVersion = sw.match(/const VERSION = '([0-9a-f]+)'/)[1];
  await writeFile(join(dir, 'sw.js'), sw.replace(oldVersion, 'feedc0ffee00'));
  await page.reload();
  const action = page.getByTestId('alert-action');
  await action.waitFor({ timeout: 20_000 });
  await Promise.all([page.waitForEvent('load'), action.click()]);
  await page.waitForFunction(async () => {
    const keys = await caches.keys();
    return keys.length === 1 && keys[0] === 'wenxi-feedc0ffee00';
  });
  assert.deepEqual(errors, []);
  await context.close();
  await site.close();
  await rm(dir, { recursive: true, force: true });
});
