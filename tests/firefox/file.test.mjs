// The single file (dist/wenxi.html) opened from disk in Firefox (issue 6), with the network
// blocked: Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi (playwright-core
// only drives its own patched Firefox, which cannot be downloaded here).
// Run after `cargo xtask build`; `cargo xtask test` does both and installs firefox-esr.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { DIST, SHARED } from '../browser/helpers.mjs';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const PAGE = pathToFileURL(join(DIST, 'wenxi.html')).href;
// Our own text.
const ARTICLE = `河畔公园新添三条夜跑步道
河畔公园近日完成改造，新添三条夜跑步道，全长约六公里，沿途加装了感应路灯和里程标识。
步道开放后的第一个周末，夜跑市民明显增多。公园管理处在步道入口设置了饮水点和急救箱。
管理处表示，将根据市民意见调整夜跑步道的照明时间，并增加安全巡查。`;

let browser;
let downloads;
before(async () => {
  downloads = await mkdtemp(join(tmpdir(), 'wenxi-firefox-'));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // No network: every http(s) request would go to a closed local port.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.allow_hijacking_localhost': true,
      // Exports are saved without asking.
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
});
after(async () => {
  await browser?.close();
  await rm(downloads, { recursive: true, force: true });
});

/** A new page that records every request leaving the file and every error. */
async function openFile() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => {
    if (!/^(file|blob|data):/.test(r.url())) requests.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(PAGE);
  await page.waitForSelector('body[data-analyzer="ready"]', { timeout: 30_000 });
  return { context, page, requests, errors };
}

const texts = (page, selector) => page.$$eval(selector, (els) => els.map((e) => e.textContent.trim()));

async function paste(page, text) {
  await page.$eval('[data-testid="article-input"]', (el, text) => {
    el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.click('[data-testid="analyze-button"]');
}

test('Firefox, file://, no network: paste, open files, export; no request leaves the page', async () => {
  const { context, page, requests, errors } = await openFile();
  await paste(page, ARTICLE);
  await page.waitForSelector('[data-testid="keywords"] > li');
  const keywords = await texts(page, '[data-testid="keywords"] > li');
  assert.ok(keywords.some((k) => k.startsWith('步道') || k.startsWith('夜跑步道')), `keywords: ${keywords}`);
  assert.ok((await texts(page, '[data-testid="summary"] > li')).length >= 1);

  // Seed 001 holds eight articles.
  const seed = (await readdir(join(SHARED, 'seeds'))).find((f) => f.startsWith('001_'));
  const input = await page.$('#file-input');
  await input.uploadFile(join(SHARED, 'seeds', seed));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="article-list"] > li:not(.pending)').length === 9, { timeout: 30_000 });

  // Export the chosen article's Report as JSON: a real download.
  await page.click('[data-testid="article-list"] > li:first-child');
  await page.waitForSelector('[data-export="json"]');
  await page.click('[data-export="json"]');
  // Firefox creates the file first and writes it afterwards: wait until it parses.
  let report;
  for (let i = 0; i < 100 && !report; i++) {
    const saved = (await readdir(downloads)).find((f) => f.endsWith('.json'));
    report = saved && (await readFile(join(downloads, saved), 'utf8').then(JSON.parse).catch(() => undefined));
    if (!report) await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.ok(report, 'the JSON export was saved');
  assert.equal(report.articles.length, 1);
  assert.ok(report.articles[0].keywords.length > 0 && report.articles[0].summary.length > 0);

  assert.deepEqual(requests, [], 'no request left the page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Firefox, file://: articles survive a reload (IndexedDB is available to file pages)', async () => {
  const { context, page, errors } = await openFile();
  await paste(page, ARTICLE);
  await page.waitForSelector('[data-testid="keywords"] > li');
  await page.reload();
  await page.waitForSelector('body[data-analyzer="ready"]', { timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="article-list"]')?.textContent.includes('河畔公园新添三条夜跑步道'), { timeout: 30_000 });
  assert.equal((await texts(page, '[data-testid="article-list"] > li')).length, 1);
  assert.equal(await page.$eval('#alerts', (e) => e.textContent.trim()), '', 'no storage warning');
  assert.deepEqual(errors, []);
  await context.close();
});
