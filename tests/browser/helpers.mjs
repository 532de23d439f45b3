// Shared helpers for the browser tests: a static server for dist/ and headless Chromium.
//
//   const site = await serveDist();          // { url, close() }
//   const browser = await launchBrowser();   // playwright-core Browser on Debian's chromium
//
// Run after `cargo xtask build`; `cargo xtask test` does both.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
// WENXI_DIST: a site built elsewhere by `WENXI_DIST=… cargo xtask build`.
export const DIST = process.env.WENXI_DIST ? resolve(process.env.WENXI_DIST) : join(ROOT, 'dist');
export const SHARED = resolve(ROOT, '..', 'shared');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * Serves `dir` (default dist/) on 127.0.0.1 with a free port. Paths outside `dir` are refused.
 * `requests` records every URL asked for, so tests can check the page stays on its origin.
 * `routes` maps extra paths to fixed HTML bodies (e.g. a blank page for benchmarks).
 */
export async function serveDist(dir = DIST, routes = {}) {
  await stat(join(dir, 'index.html')).catch(() => {
    throw new Error(`${dir}/index.html missing: run \`cargo xtask build\` first`);
  });
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path in routes) {
      res.writeHead(200, { 'Content-Type': TYPES['.html'] }).end(routes[path]);
      return;
    }
    let file = normalize(join(dir, path));
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/**
 * How every test and measurement starts Debian's Chromium. Each new window of Chromium 156
 * (every browser context) also loads the address bar's popup, a web page of its own
 * (chrome://omnibox-popup.top-chrome: about 400 requests and a renderer's worth of script in
 * the first 600 ms). A headless browser never shows it, and a person's browser loaded it once,
 * long before they open a site; here it would compete with the page under test for the two
 * cores. The feature switch leaves it out.
 */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
  ],
};

/** Headless Debian Chromium through playwright-core. */
export function launchBrowser() {
  return chromium.launch(CHROMIUM);
}

/**
 * Chromium with a normal, on-disk profile in `userDataDir` (a BrowserContext). The contexts
 * of `launchBrowser()` are private-window profiles, in which Chromium keeps no compiled-code
 * cache; a profile like this one is how people open an installed site again.
 */
export function launchProfile(userDataDir, options = {}) {
  return chromium.launchPersistentContext(userDataDir, { ...CHROMIUM, ...options });
}

/**
 * A fresh page (own context, so its own IndexedDB) that fails the test on page errors.
 * `errors` collects uncaught exceptions and console errors.
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}
