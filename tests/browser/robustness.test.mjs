// Robustness and security of the page and the widget (issue 8), in headless Chromium:
// - inputs that must work or fail clearly (blank, binary, NUL, GBK/GB18030, UTF-16, a 1 MB
//   line, emoji, English, nested HTML, unclosed front matter, 50 MB, over the limit, a very
//   long article, a bad dictionary);
// - nothing lost (saved before analysis, a worker crash, a WASM trap, a reload mid-analysis);
// - nothing injected (payloads as text, file names, titles and dictionary words; the CSP).
// Limits and the matrix of what the user sees: docs/robustness.md. Texts are our own words.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { DIST, SHARED, launchBrowser, newPage, serveDist } from './helpers.mjs';

/** Records the page's dialogs (dismissed at once: a payload that ran would open one) and workers. */
function watch(page) {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  const workers = [];
  page.on('worker', (w) => workers.push(w));
  return { dialogs, workers };
}

const { load } = await import(pathToFileURL(join(DIST, 'wenxi.js')).href);

let site;
let browser;
let core;

before(async () => {
  site = await serveDist();
  browser = await launchBrowser();
  core = await load();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

// ------------------------------------------------------------------------------ helpers

/** A fresh context on the app, analyzer loaded; records dialogs and workers. */
async function openApp({ route = null, ...options } = {}) {
  // No service worker: it could answer requests a test routes.
  const { context, page, errors } = await newPage(browser, { viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', ...options });
  const { dialogs, workers } = watch(page);
  if (route) await route(page);
  await page.goto(site.url);
  await page.waitForSelector('body[data-analyzer="ready"]');
  return { context, page, errors, dialogs, workers };
}

const listItems = (page) => page.locator('[data-testid="article-list"] > li');
const status = (page) => page.locator('[data-testid="status"]').textContent();
const alerts = (page) => page.locator('#alerts .alert').allTextContents();

/** Waits until the analysis is over ("已分析 N 篇文章") and returns N. */
async function analyzed(page, timeout = 120_000) {
  await page.waitForFunction(() => /已分析 [\d,]+ 篇文章/.test(document.querySelector('[data-testid="status"]').textContent)
    && document.querySelector('[data-testid="progress"]').hidden, null, { timeout });
  return Number((await status(page)).match(/已分析 ([\d,]+) 篇/)[1].replace(/,/g, ''));
}

/** A paste event on the text box carrying `block` repeated `times` (built in the page). */
function paste(page, block, times = 1) {
  return page.evaluate(({ block, times }) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', block.repeat(times));
    const event = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    document.querySelector('[data-testid="article-input"]').dispatchEvent(event);
    return event.defaultPrevented;
  }, { block, times });
}

/** Drops `text` on the element `selector`; true when the page took the drop over. */
function dropText(page, selector, text) {
  return page.evaluate(({ selector, text }) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    const event = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
    document.querySelector(selector).dispatchEvent(event);
    return event.defaultPrevented;
  }, { selector, text });
}

async function seedBlock() {
  const dir = join(SHARED, 'seeds');
  const names = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  const texts = await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')));
  return texts.map((t) => `${t}\n\n`).join('');
}

/** Articles the core finds in `text`, after the worker's cut of very long ones. */
const expectedArticles = (text) => core.splitArticles(text).reduce((n, a) => n + Math.max(1, Math.ceil(a.body.length / 1_000_000)), 0);

/**
 * An encoder to GB18030 built from Node's own decoder: every two-byte code, and the
 * four-byte codes of the characters asked for, decoded once to make the table.
 */
function gb18030(text) {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const table = new Map();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      try {
        const c = decoder.decode(Uint8Array.of(a, b));
        if (!table.has(c)) table.set(c, [a, b]);
      } catch {
        // Not a character.
      }
    }
  }
  const four = (ch) => {
    for (let a = 0x81; a <= 0x84; a++) for (let b = 0x30; b <= 0x39; b++) for (let c = 0x81; c <= 0xfe; c++) for (let d = 0x30; d <= 0x39; d++) {
      try {
        if (decoder.decode(Uint8Array.of(a, b, c, d)) === ch) return [a, b, c, d];
      } catch {
        // Not a character.
      }
    }
    throw new Error(`no GB18030 code for ${ch}`);
  };
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch) ?? four(ch))));
}

const utf16 = (text, bigEndian) => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return bigEndian ? Buffer.from(le).swap16() : le;
};

/**
 * Page code run in a worker before its own: makes the named WASM export trap (throw
 * `RuntimeError: unreachable`, as a Rust panic does) when its string argument holds `marker`,
 * and every export trap after that, as a dead instance would.
 */
function trapPrelude(exportName, marker) {
  return `(() => {
  let dead = false;
  const wrap = (result) => {
    const instance = result.instance ?? result;
    const real = instance.exports;
    const exports = {};
    for (const [name, value] of Object.entries(real)) {
      exports[name] = typeof value !== 'function' ? value : (...args) => {
        if (dead) throw new WebAssembly.RuntimeError('unreachable');
        if (name === ${JSON.stringify(exportName)}) {
          const text = new TextDecoder().decode(new Uint8Array(real.memory.buffer, args[1], args[2]));
          if (text.includes(${JSON.stringify(marker)})) {
            dead = true;
            throw new WebAssembly.RuntimeError('unreachable');
          }
        }
        return value(...args);
      };
    }
    return result.instance ? { instance: { exports }, module: result.module } : { exports };
  };
  const streaming = WebAssembly.instantiateStreaming;
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiateStreaming = async (...a) => wrap(await streaming(...a));
  WebAssembly.instantiate = async (...a) => wrap(await instantiate(...a));
})();
`;
}

/** Routes `path` (a worker script under dist/) to itself with the trap prelude in front, for
 *  the first `times` workers started from it. */
function withTrap(path, exportName, marker, times = Infinity) {
  return async (page) => {
    const source = await readFile(join(DIST, path), 'utf8');
    let served = 0;
    // On the context, not the page: a page route can miss a worker's own script request (the
    // second case of the widget crash test once got a worker without the trap).
    await page.context().route(`${site.url}${path}`, (route) => route.fulfill({
      status: 200,
      contentType: 'text/javascript; charset=utf-8',
      body: (served++ < times ? trapPrelude(exportName, marker) : '') + source,
    }));
  };
}

/** Waits until `list` has at least `n` entries (workers seen by the test). */
async function atLeast(list, n, timeout = 60_000) {
  const end = Date.now() + timeout;
  while (list.length < n) {
    if (Date.now() > end) throw new Error(`${list.length} of ${n} workers`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** Payloads that would run script or restyle the page if inserted as HTML. */
const PAYLOADS = [
  '<script>window.__pwned="script";alert("script")</script>',
  '<img src=x onerror="window.__pwned=\'img\';alert(\'img\')">',
  '<svg onload="window.__pwned=\'svg\';alert(\'svg\')">',
  '</textarea><img src=x onerror=alert("textarea")>',
  '<style>*{display:none!important}</style>',
  '<iframe src="javascript:parent.__pwned=\'iframe\'"></iframe>',
];

/** No dialog, no global written by a payload, no element a payload would create. */
async function assertClean(page, dialogs, scope = 'body') {
  await page.waitForTimeout(300); // let an injected image fail and its handler run, if any
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no payload ran');
  const injected = await page.evaluate(async (scope) => {
    // The page's own inline scripts and styles are the ones its CSP allows by hash.
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '';
    const shipped = new Set((csp.match(/'sha256-[^']+'/g) ?? []).map((h) => h.slice(8, -1)));
    const sha256 = async (text) => btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))));
    const roots = [...document.querySelectorAll(scope)];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    const found = roots.flatMap((r) => [...r.querySelectorAll('img, svg, script:not([src]), style, iframe, object, embed, a[href^="javascript:" i]')]);
    const out = [];
    for (const el of found) {
      if (el.matches('script, style') && shipped.has(await sha256(el.textContent))) continue;
      out.push(el.outerHTML.slice(0, 80));
    }
    return out;
  }, scope);
  assert.deepEqual(injected, []);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('main, .root, body')).display === 'none'), false, 'page styles intact');
}

// ------------------------------------------------------------------------------ inputs

test('page: blank, emoji-only, binary and NUL inputs fail clearly and by name', async () => {
  const { context, page, errors } = await openApp();
  // An empty or blank text box is not analyzed.
  await page.locator('[data-testid="analyze-button"]').click();
  assert.equal(await status(page), '请先粘贴文章');
  await page.locator('[data-testid="article-input"]').fill(' \n\t\u3000 \n');
  await page.locator('[data-testid="analyze-button"]').click();
  assert.equal(await status(page), '请先粘贴文章');
  assert.equal(await listItems(page).count(), 0);
  // Empty and blank files are named in one alert and not added; a file with text but no words
  // is listed, saying there is nothing to analyze.
  await page.locator('#file-input').setInputFiles([
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'blank.txt', mimeType: 'text/plain', buffer: Buffer.from(' \r\n\t\u3000\n\n') },
    { name: 'emoji.txt', mimeType: 'text/plain', buffer: Buffer.from('😀🎉👍🏽🇨🇳\n'.repeat(200)) },
  ]);
  await page.locator('#alerts .alert', { hasText: '文件是空的' }).waitFor();
  assert.match(await page.locator('#alerts .alert', { hasText: '文件是空的' }).textContent(), /empty\.txt、blank\.txt/);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="article-list"] > li.error').length === 1);
  const notes = await page.locator('[data-testid="article-list"] > li.error').allTextContents();
  assert.ok(notes[0].includes('emoji.txt') && notes[0].includes('没有可分析的文字'), `${notes}`);
  // Only empty files: the status says so too (not that they could not be read).
  await page.locator('#file-input').setInputFiles([{ name: 'empty2.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) }]);
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]').textContent === '没有添加文件：它们是空的。');
  // Binary content: an image named as one is skipped, one named .txt cannot be read; text
  // with NUL bytes in it counts as binary. Each is named in an alert; nothing is added.
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000001000000010008060000001f15c489', 'hex');
  await page.locator('#file-input').setInputFiles([
    { name: 'photo.png', mimeType: 'image/png', buffer: png },
    { name: 'photo.txt', mimeType: 'text/plain', buffer: png },
    { name: 'nul.txt', mimeType: 'text/plain', buffer: Buffer.from('第一段文字写在这里。\0\0\0第二段文字也在这里。') },
  ]);
  await page.locator('#alerts .alert', { hasText: 'nul.txt' }).waitFor();
  await page.locator('#alerts .alert', { hasText: 'photo.txt' }).waitFor();
  const shown = await alerts(page);
  assert.ok(shown.some((a) => a.includes('跳过不支持的文件') && a.includes('photo.png')), `${shown}`);
  assert.ok(shown.some((a) => a.includes('无法读取 photo.txt') && a.includes('不是文本文件')), `${shown}`);
  assert.ok(shown.some((a) => a.includes('无法读取 nul.txt') && a.includes('不是文本文件')), `${shown}`);
  assert.ok(!shown.some((a) => a.includes('文件是空的')), `the alert about the earlier files is gone: ${shown}`);
  assert.equal(await status(page), '文件没能读取，原因见上方提示。');
  assert.equal(await listItems(page).count(), 1);
  // NUL characters pasted as text are only characters: the text around them is analyzed.
  await page.locator('[data-testid="article-input"]').fill('湖边小镇今年第一次举办风筝节。\u0000孩子们在草地上放风筝，风筝节吸引了很多游客。');
  await page.locator('[data-testid="analyze-button"]').click();
  await page.locator('[data-testid="keywords"] > li').first().waitFor();
  assert.ok((await page.locator('[data-testid="keywords"] .word').allTextContents()).includes('风筝节'));
  assert.deepEqual(await alerts(page), [], 'a new input clears the alerts about earlier ones');
  assert.deepEqual(errors, []);
  await context.close();
});

test('page: GBK, GB18030 and UTF-16 files (both byte orders) give the same text', async () => {
  const { context, page, errors } = await openApp();
  const sentence = '湖边的老茶馆重新开张了。茶馆里挂着一块写有㐀字的旧匾，来喝茶的老人说这块匾有一百多年了。';
  const plain = '湖边的老茶馆重新开张了。茶馆里的旧匾也修好了，来喝茶的老人都说好。';
  const gb = gb18030(sentence);
  assert.equal(new TextDecoder('gb18030').decode(gb), sentence, 'the encoder round-trips');
  assert.ok(gb.includes(Buffer.from([0x81, 0x39, 0xee, 0x39])), '㐀 is a four-byte sequence');
  const files = [
    { name: 'gbk.txt', buffer: gb18030(plain), text: plain },
    { name: 'gb18030.txt', buffer: gb, text: sentence },
    { name: 'utf16le.txt', buffer: utf16(sentence, false), text: sentence },
    { name: 'utf16be.txt', buffer: utf16(sentence, true), text: sentence },
  ];
  await page.locator('#file-input').setInputFiles(files.map(({ name, buffer }) => ({ name, mimeType: 'text/plain', buffer })));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="article-list"] > li:not(.pending)').length === 4);
  for (const file of files) {
    await listItems(page).filter({ hasText: file.name }).locator('.art-open').click();
    await page.waitForFunction((name) => document.querySelector('.art-item.selected')?.textContent.includes(name), file.name);
    assert.equal((await page.locator('.fulltext').textContent()).trim(), file.text, file.name);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('page: a 1 MB line, English only, 100k nested tags and unclosed front matter are analyzed', async () => {
  const { context, page, errors } = await openApp();
  const line = '湖边小镇的风筝节吸引了很多游客'.repeat(23_000); // 345,000 characters, 1 MB
  const english = 'The library opened 2 new reading rooms in 2024 and lent 18000 books. '.repeat(30);
  const nested = `${'<div>'.repeat(100_000)}老街的长者食堂今天开业了。每份午餐只要八元。${'</div>'.repeat(100_000)}`;
  const front = '---\ntitle: 图书馆延时开放\ndate: 2024-05-01\n\n社区图书馆延长了开放时间。晚上九点以前都可以借书。\n';
  await page.locator('#file-input').setInputFiles([
    { name: 'line.txt', mimeType: 'text/plain', buffer: Buffer.from(line) },
    { name: 'english.txt', mimeType: 'text/plain', buffer: Buffer.from(english) },
    { name: 'nested.html', mimeType: 'text/html', buffer: Buffer.from(nested) },
    { name: 'front.md', mimeType: 'text/markdown', buffer: Buffer.from(front) },
  ]);
  const n = await analyzed(page);
  assert.equal(n, 4);
  const open = async (name) => {
    await listItems(page).filter({ hasText: name }).locator('.art-open').click();
    await page.waitForFunction((name) => document.querySelector('.art-item.selected')?.textContent.includes(name), name);
  };
  await open('line.txt');
  assert.equal(await page.locator('.stats dd').first().textContent(), (345_000).toLocaleString('zh-CN'));
  assert.ok((await page.locator('[data-testid="keywords"] .word').allTextContents()).includes('风筝节'));
  // The text shown is cut for the DOM's sake, and says so.
  assert.match(await page.locator('#view-article').textContent(), /文章很长，只显示前/);
  await open('english.txt');
  assert.equal((await page.locator('.fulltext').textContent()).trim(), english.trim());
  await open('nested.html');
  assert.equal((await page.locator('.fulltext').textContent()).trim(), '老街的长者食堂今天开业了。每份午餐只要八元。');
  await open('front.md');
  assert.ok((await page.locator('.fulltext').textContent()).includes('晚上九点以前都可以借书。'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('page: a 50 MB paste skips the text box and is analyzed article by article with progress', async (t) => {
  const { context, page, errors } = await openApp();
  const block = await seedBlock();
  const times = Math.ceil(50_000_000 / Buffer.byteLength(block));
  const expected = expectedArticles(block.repeat(times));
  const started = Date.now();
  assert.equal(await paste(page, block, times), true, 'the page took the paste over');
  await page.locator('[data-testid="progress"]').waitFor({ state: 'visible' });
  await page.waitForFunction(() => /[\d,]+ \/ [\d,]+ 篇/.test(document.querySelector('[data-testid="progress"]').textContent), null, { timeout: 60_000 });
  assert.equal(await page.locator('[data-testid="article-input"]').inputValue(), '', 'not put in the text box');
  assert.ok((await alerts(page)).some((a) => /粘贴的文字有 5\d\.\d MB/.test(a)), `${await alerts(page)}`);
  const n = await analyzed(page, 240_000);
  assert.equal(n, expected, 'every article analyzed');
  assert.equal(await page.locator('#article-count').textContent(), n.toLocaleString('zh-CN'));
  // Peak memory of the tab's processes (page and worker share the renderer).
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  const peaks = await Promise.all(processInfo.filter((p) => p.type === 'renderer').map(async (p) => {
    const text = await readFile(`/proc/${p.id}/status`, 'utf8').catch(() => '');
    return Number(text.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) * 1024;
  }));
  t.diagnostic(`50 MB paste: ${n} articles in ${((Date.now() - started) / 1000).toFixed(0)} s, renderer peak RSS ${(Math.max(...peaks) / 1e6).toFixed(0)} MB`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('page: inputs over 64 MB are refused with the limit named; so are huge dictionaries', async () => {
  const { context, page, errors } = await openApp();
  // 22 million CJK characters: 66 MB as UTF-8.
  assert.equal(await paste(page, '湖', 22_000_000), true);
  await page.locator('#alerts .alert', { hasText: '64' }).waitFor();
  const pasted = await alerts(page);
  assert.ok(pasted.some((a) => a.includes('粘贴的文本') && a.includes('66.0 MB') && a.includes('64.0 MB 的上限')), `${pasted}`);
  // A file, dropped: refused from its size, before it is read.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['风'.repeat(22_000_000)], '全部存档.txt', { type: 'text/plain' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.locator('#alerts .alert', { hasText: '全部存档.txt' }).waitFor();
  const shown = await alerts(page);
  // The file is a new input: the alert about the paste before it is gone.
  assert.ok(!shown.some((a) => a.includes('粘贴的文本')), `${shown}`);
  assert.ok(shown.some((a) => a.includes('全部存档.txt') && a.includes('66.0 MB') && a.includes('64.0 MB 的上限')), `${shown}`);
  assert.equal(await listItems(page).count(), 0, 'nothing added');
  assert.equal(await page.locator('[data-testid="article-input"]').inputValue(), '');
  await page.locator('#dict-panel summary').click();
  await page.locator('#dict-file').setInputFiles({ name: 'huge.dict', mimeType: 'text/plain', buffer: Buffer.alloc(17_000_000, '词 1\n') });
  await page.locator('#dict-errors', { hasText: 'huge.dict' }).waitFor();
  assert.match(await page.locator('#dict-errors').textContent(), /17\.0 MB.*16\.0 MB/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('page: an article over a million characters is analyzed in numbered parts', async () => {
  const { context, page, errors } = await openApp();
  // One untitled article: long paragraphs, each different (repeated paragraphs are dropped as
  // page noise), 2.6 million characters.
  const paragraph = (i) => `第${i}段：湖边小镇今年第一次举办风筝节，孩子们在草地上放风筝，家长们在树荫下聊天，志愿者在路口为游客指路。这些都是我们为测试写下的句子。`;
  const body = Array.from({ length: 38_000 }, (_, i) => paragraph(i + 1)).join('\n');
  const [article] = core.splitArticles(body);
  assert.equal(core.splitArticles(body).length, 1);
  assert.ok(article.body.length > 2_000_000);
  // Dropped on the text box: too long for it, so it becomes an input at once, like a paste.
  assert.equal(await dropText(page, '[data-testid="article-input"]', body), true);
  await analyzed(page, 120_000);
  assert.equal(await page.locator('[data-testid="article-input"]').inputValue(), '');
  const titles = await page.locator('[data-testid="article-list"] .art-title').allTextContents();
  const count = Math.ceil(article.body.length / 1_000_000);
  assert.equal(titles.length, count, `${titles}`);
  titles.forEach((title, i) => assert.ok(title.endsWith(`（第 ${i + 1}/${count} 部分）`), title));
  // The parts are the article, cut at line ends, each under the limit.
  const saved = await page.evaluate(async () => {
    const db = await new Promise((ok) => Object.assign(indexedDB.open('wenxi'), { onsuccess: (e) => ok(e.target.result) }));
    return new Promise((ok) => Object.assign(db.transaction('sources').objectStore('sources').getAll(), { onsuccess: (e) => ok(e.target.result.length) }));
  });
  assert.equal(saved, 1, 'one saved input');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const exported = [];
  for (let i = 0; i < count; i++) {
    await listItems(page).nth(i).locator('.art-open').click();
    await page.waitForFunction((i) => document.querySelectorAll('.art-item')[i]?.classList.contains('selected'), i);
    await page.locator('[data-copy="json"]').click();
    await page.waitForFunction(() => /复制/.test(document.querySelector('[data-testid="status"]').textContent));
    const json = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    exported.push(json.articles[0]);
    await page.evaluate(() => (document.querySelector('[data-testid="status"]').textContent = ''));
  }
  exported.forEach((a, i) => {
    assert.deepEqual(a.part, { index: i + 1, count });
    assert.ok(a.text.length <= 1_000_000);
  });
  assert.equal(exported.map((a) => a.text).join('\n'), article.body);
  assert.deepEqual(errors, []);
  await context.close();
});

test('page: a user dictionary with malformed lines loads the good ones and names the rest', async () => {
  const { context, page, errors } = await openApp();
  await page.locator('#dict-panel summary').click();
  // BOM, CRLF, a line of too many fields, a bad frequency, a control character, a word over
  // 64 characters, a comment and blank lines.
  const long = '长'.repeat(70);
  const dict = `\ufeff湖心岛灯会 20 nz\r\n这一行 有 太多 的 字段\r\n\r\n# 注释\r\n风筝节 abc9 n\r\n响\u0007铃 3\r\n${long} 5\r\n醴陵瓷谷\r\n`;
  await page.locator('#dict-file').setInputFiles({ name: 'mine.dict', mimeType: 'text/plain', buffer: Buffer.from(dict) });
  await page.locator('#dict-errors li').first().waitFor();
  const errorsShown = await page.locator('#dict-errors li').allTextContents();
  assert.deepEqual(errorsShown.map((e) => Number(e.match(/第 (\d+) 行/)[1])), [2, 5, 6, 7], `${errorsShown}`);
  assert.match(await page.locator('#dict-errors').textContent(), /4 行无法识别/);
  // Each names the line and says why in the page's language (no English from the core).
  assert.match(errorsShown[0], /^第 2 行“这一行 有 太多 的 字段”：格式应为/);
  assert.ok(errorsShown.every((e) => !/[A-Za-z]{3}/.test(e.replace(/“[^”]*”/, ''))), `${errorsShown}`);
  assert.deepEqual(await page.locator('#dict-list .dict-word').allTextContents(), ['湖心岛灯会', '醴陵瓷谷']);
  // A dictionary that is not text is refused as a whole, by name.
  await page.locator('#dict-file').setInputFiles({ name: 'picture.dict', mimeType: 'text/plain', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
  await page.locator('#dict-errors', { hasText: 'picture.dict' }).waitFor();
  assert.match(await page.locator('#dict-errors').textContent(), /picture\.dict：?.*不是文本文件/);
  assert.equal(await page.locator('#dict-list .dict-word').count(), 2);
  assert.deepEqual(errors, []);
  await context.close();
});

// ------------------------------------------------------------------------------ nothing lost

test('page: every input is saved in IndexedDB before its analysis is sent to the worker', async () => {
  const { context, page, errors } = await newPage(browser, { serviceWorkers: 'block' });
  await page.addInitScript(() => {
    window.__events = [];
    // Listeners added when a transaction starts run before the page's own `oncomplete`, so
    // "saved" is logged before anything the page does once the save has committed.
    const saving = new WeakMap();
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (...args) {
      const tx = transaction.apply(this, args);
      const names = [];
      saving.set(tx, names);
      tx.addEventListener('complete', () => names.forEach((n) => window.__events.push(`saved ${n}`)));
      return tx;
    };
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, ...rest) {
      if (this.name === 'sources') saving.get(this.transaction)?.push(value.name ?? value.kind);
      return put.call(this, value, ...rest);
    };
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message?.op === 'analyzeBatch') window.__events.push(`analyze ${message.items.length}`);
      return post.call(this, message, ...rest);
    };
  });
  await page.goto(site.url);
  await page.waitForSelector('body[data-analyzer="ready"]');
  await page.locator('[data-testid="article-input"]').fill('湖边小镇今年第一次举办风筝节。孩子们在草地上放风筝。');
  await page.locator('[data-testid="analyze-button"]').click();
  await page.locator('[data-testid="keywords"] > li').first().waitFor();
  await page.locator('#file-input').setInputFiles([
    { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('老街的长者食堂今天开业了。每份午餐只要八元。') },
    { name: 'b.txt', mimeType: 'text/plain', buffer: Buffer.from('社区图书馆延长了开放时间。晚上九点以前都可以借书。') },
  ]);
  await page.waitForFunction(() => window.__events.filter((e) => e.startsWith('analyze')).length === 2);
  assert.deepEqual(await page.evaluate(() => window.__events), ['saved paste', 'analyze 1', 'saved a.txt', 'saved b.txt', 'analyze 2']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('page: a worker crash mid-analysis restarts it with the user dictionary and the analysis completes', async () => {
  const { context, page, errors, workers } = await openApp();
  // A user word, so the restart's dictionary replay shows in the segmented text.
  await page.locator('#dict-panel summary').click();
  await page.locator('#dict-word').fill('湖心岛灯会');
  await page.locator('#dict-add').click();
  await page.locator('#dict-list li', { hasText: '湖心岛灯会' }).waitFor();
  const block = await seedBlock();
  // Over a million characters: pasted, it goes straight to the list.
  const text = `湖心岛灯会今晚开幕\n\n湖心岛灯会今晚开幕，游客可以坐船上岛看灯。今年的湖心岛灯会有三十多组花灯。\n\n${block.repeat(80)}`;
  assert.ok(text.length > 1_000_000);
  const expected = expectedArticles(text);
  assert.equal(await paste(page, text), true);
  await page.waitForFunction(() => /[1-9][\d,]* \/ [\d,]+ 篇/.test(document.querySelector('[data-testid="progress"]').textContent), null, { timeout: 60_000 });
  const crashed = workers.at(-1);
  await crashed.evaluate(() => setTimeout(() => {
    throw new Error('simulated crash');
  }));
  await page.locator('#alerts .alert', { hasText: 'simulated crash' }).waitFor();
  assert.match((await alerts(page)).join('\n'), /分析器意外停止了（.*simulated crash）.*已经重新启动/);
  assert.equal(await analyzed(page, 180_000), expected, 'all articles, after the restart');
  assert.ok(workers.length >= 2, 'a new worker was started');
  await listItems(page).filter({ hasText: '湖心岛灯会今晚开幕' }).locator('.art-open').click();
  await page.locator('.seg-btn[data-mode="seg"]').click();
  await page.locator('.fulltext .tok.user', { hasText: '湖心岛灯会' }).first().waitFor();
  assert.deepEqual(errors.filter((e) => !/simulated crash/.test(e)), []);
  await context.close();
});

test('page: an input that traps the WASM twice is marked failed with a retry; the others are analyzed', async () => {
  const marker = '触发陷阱的标记';
  const { context, page, errors, workers } = await openApp({ route: withTrap('worker.js', 'wenxi_splitArticles', marker) });
  await page.locator('#file-input').setInputFiles([
    { name: 'first.txt', mimeType: 'text/plain', buffer: Buffer.from('老街的长者食堂今天开业了。每份午餐只要八元。') },
    { name: 'bad.txt', mimeType: 'text/plain', buffer: Buffer.from(`这段文字带着${marker}。分析器会在这里停下。`) },
    { name: 'last.txt', mimeType: 'text/plain', buffer: Buffer.from('社区图书馆延长了开放时间。晚上九点以前都可以借书。') },
  ]);
  await page.locator('#alerts .alert', { hasText: 'bad.txt' }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="article-list"] .pending') && document.querySelector('[data-testid="progress"]').hidden);
  const shown = await alerts(page);
  assert.ok(shown.some((a) => /分析器意外停止了（unreachable）/.test(a)), `${shown}`);
  assert.ok(shown.some((a) => a.includes('分析器处理“bad.txt”时崩溃了两次') && a.includes('重试')), `${shown}`);
  const failed = await page.locator('[data-testid="article-list"] > li.error').allTextContents();
  assert.equal(failed.length, 1);
  assert.match(failed[0], /bad\.txt.*崩溃了两次/);
  const titles = await page.locator('[data-testid="article-list"] > li:not(.error) .art-source').allTextContents();
  assert.deepEqual(titles.sort(), ['first.txt', 'last.txt']);
  // Three workers died (the batch, then bad.txt alone twice); the page still works.
  assert.ok(workers.length >= 4, `${workers.length} workers`);
  await page.locator('[data-testid="article-input"]').fill('湖边小镇今年第一次举办风筝节。孩子们在草地上放风筝。');
  await page.locator('[data-testid="analyze-button"]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="article-list"] > li:not(.error)').length === 3);
  // The retry button analyzes it again (and it fails again the same way).
  const before = workers.length;
  await page.locator('#alerts .alert', { hasText: 'bad.txt' }).locator('[data-testid="alert-action"]').click();
  await atLeast(workers, before + 2);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="article-list"] > li.error').length === 1
    && !document.querySelector('[data-testid="article-list"] .pending'), null, { timeout: 60_000 });
  assert.deepEqual(errors.filter((e) => !/unreachable/.test(e)), []);
  await context.close();
});

test('page: a reload mid-analysis keeps the text and the analysis starts again; a draft survives', async () => {
  const { context, page, errors } = await openApp();
  const block = await seedBlock();
  const text = block.repeat(80);
  assert.ok(text.length > 1_000_000);
  const expected = expectedArticles(text);
  assert.equal(await paste(page, text), true);
  await page.waitForFunction(() => /[1-9][\d,]* \/ [\d,]+ 篇/.test(document.querySelector('[data-testid="progress"]').textContent), null, { timeout: 60_000 });
  assert.ok(!/已分析/.test(await status(page)), 'still analyzing');
  // Typed just before the reload: the draft is saved when the page goes away, not only
  // 400 ms after the last key.
  await page.locator('[data-testid="article-input"]').fill('还没有分析的草稿：湖边小镇的风筝节。');
  await page.reload();
  await page.waitForSelector('body[data-analyzer="ready"]');
  assert.equal(await page.locator('[data-testid="article-input"]').inputValue(), '还没有分析的草稿：湖边小镇的风筝节。');
  assert.equal(await analyzed(page, 180_000), expected);
  assert.deepEqual(errors, []);
  await context.close();
});

// ------------------------------------------------------------------------------ nothing injected

test('page: payloads in pasted text, titles, file names and dictionary words stay text', async () => {
  const { context, page, errors, dialogs } = await openApp();
  // As pasted text: the title line and paragraphs carry payloads (one tag each, so the core
  // reads it as plain text and keeps them).
  const pasted = `${PAYLOADS[1]}图书馆夜间开放\n\n社区图书馆从下个月起延长开放时间，晚上九点以前都可以借书还书。链接 javascript:alert(2) 和 "' onmouseover="alert(3) 也只是文字。\n\n馆长说，夜间开放是读者提得最多的建议。`;
  await page.locator('[data-testid="article-input"]').fill(pasted);
  await page.locator('[data-testid="analyze-button"]').click();
  await page.locator('[data-testid="keywords"] > li').first().waitFor();
  const full = await page.locator('.fulltext').textContent();
  assert.ok(full.includes(PAYLOADS[1]) && full.includes('javascript:alert(2) 和 "\' onmouseover="alert(3)'), `the payloads are shown as text: ${full}`);
  // As files: hostile names, a Markdown heading and javascript: links, an HTML title.
  const markdown = `# 荷花节开幕 <svg/onload=alert(6)>\n\n市民公园的[荷花节](javascript:window.__pwned=4)今天开幕。点[这里](javascript:alert(7))看照片。\n`;
  const html = `<html><head><title>&lt;img src=x onerror=alert(8)&gt;荷花节 - 某某网</title><style>*{display:none}</style></head><body><p>市民公园的荷花开了，很多人来拍照。</p>${PAYLOADS[3]}<p>公园提醒游客不要踩踏草坪。</p></body></html>`;
  const names = ['<img src=x onerror=alert(1)>.md', '"><svg onload=alert(2)>.html', '<script>alert(3)<\\script>.txt'];
  await page.locator('#file-input').setInputFiles([
    { name: names[0], mimeType: 'text/markdown', buffer: Buffer.from(markdown) },
    { name: names[1], mimeType: 'text/html', buffer: Buffer.from(html) },
    { name: names[2], mimeType: 'text/plain', buffer: Buffer.from(`${PAYLOADS[4]}${PAYLOADS[5]}\n\n荷塘边新修了一条步道，晚上也有很多人散步。`) },
  ]);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="article-list"] > li:not(.pending)').length === 4);
  const sources = await page.locator('[data-testid="article-list"] .art-source').allTextContents();
  for (const name of names) assert.ok(sources.includes(name), `file name shown as text: ${name}`);
  const titles = await page.locator('[data-testid="article-list"] .art-title').allTextContents();
  assert.ok(titles.includes('荷花节开幕 <svg/onload=alert(6)>'), `${titles}`);
  assert.ok(titles.includes('<img src=x onerror=alert(8)>荷花节'), `${titles}`);
  await listItems(page).filter({ hasText: '荷花节开幕' }).locator('.art-open').click();
  await page.waitForFunction(() => document.querySelector('#article-title')?.textContent.includes('<svg/onload'));
  // Every view: segmented text, corpus table, concordance of a keyword.
  await page.locator('.seg-btn[data-mode="seg"]').click();
  await page.locator('.fulltext .tok').first().waitFor();
  await page.locator('[data-testid="keywords"] > li .word').first().click();
  await page.locator('.kwic-line').first().waitFor();
  await page.locator('#tab-corpus').click();
  await page.locator('.compare tbody tr').first().waitFor();
  assert.ok((await page.locator('.compare').textContent()).includes('<img src=x onerror=alert(8)>荷花节'));
  // As dictionary words: typed, and imported from a file; then used in the text.
  await page.locator('#dict-panel summary').click();
  await page.locator('#dict-word').fill('<svg/onload=alert(9)>');
  await page.locator('#dict-add').click();
  await page.locator('#dict-list .dict-word', { hasText: '<svg/onload=alert(9)>' }).waitFor();
  // The import's note beside the editor names the file as text.
  await page.locator('#dict-file').setInputFiles({ name: '<img src=x onerror=alert(10)>.dict', mimeType: 'text/plain', buffer: Buffer.from('<script>alert(11)</script> 10 n\n</textarea><b>粗</b> 5\n坏 的 行 太 多\n') });
  await page.locator('#dict-list .dict-word', { hasText: '<script>alert(11)</script>' }).waitFor();
  assert.equal(await page.locator('#dict-note').textContent(), '从 <img src=x onerror=alert(10)>.dict 导入 2 个词');
  assert.ok((await page.locator('#dict-errors').textContent()).includes('坏 的 行 太 多'));
  await assertClean(page, dialogs, 'html');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the CSP of the page and of the single file forbids inline script, handlers, styles and javascript: URLs', async () => {
  const csp = (await readFile(join(DIST, 'index.html'), 'utf8')).match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
  // Besides the origin, exactly the page's own inline scripts and style sheet, by hash.
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  // Every inline element, with or without attributes (the page module is `<script type="module">`).
  const hashes = (tag) => [...html.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))]
    .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`).join(' ');
  assert.equal(directives['script-src'], `'self' ${hashes('script')} 'wasm-unsafe-eval'`);
  assert.equal(directives['style-src'], `'self' ${hashes('style')}`);
  assert.equal(directives['object-src'], "'none'");
  for (const url of [site.url, pathToFileURL(join(DIST, 'wenxi.html')).href]) {
    const { context, page, errors } = await newPage(browser, { serviceWorkers: 'block' });
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => {});
    });
    await page.goto(url);
    await page.waitForSelector('body[data-analyzer="ready"]');
    const result = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = "inline script"';
      document.body.append(script);
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="window.__pwned=\'handler\'"><img src=x onerror="window.__pwned=\'handler\'">';
      document.body.append(holder);
      const style = document.createElement('style');
      style.textContent = 'main { display: none !important }';
      document.head.append(style);
      const link = document.createElement('a');
      link.href = 'javascript:window.__pwned="link"';
      document.body.append(link);
      link.click();
      await new Promise((ok) => setTimeout(ok, 500));
      return { pwned: window.__pwned, violations: [...new Set(violations)].sort(), hidden: getComputedStyle(document.querySelector('main')).display === 'none' };
    });
    assert.equal(result.pwned, undefined, url);
    assert.equal(result.hidden, false, `${url}: injected style not applied`);
    assert.ok(result.violations.includes('script-src-elem') && result.violations.includes('script-src-attr') && result.violations.includes('style-src-elem'), `${url}: ${result.violations}`);
    assert.deepEqual(dialogs, []);
    // The refusals are logged, and the injected <img src=x> is a 404.
    assert.deepEqual(errors.filter((e) => !/Content Security Policy|Failed to load resource/.test(e)), []);
    await context.close();
  }
});

// ------------------------------------------------------------------------------ widget

/** A host page on the site's origin with the widget loaded and `body` in it. */
async function openWidget(body, { route = null } = {}) {
  const { context, page, errors } = await newPage(browser, { serviceWorkers: 'block', viewport: { width: 1000, height: 2000 } });
  const { dialogs, workers } = watch(page);
  if (route) await route(page);
  await page.route(`${site.url}robustness-host.html`, (r) => r.fulfill({
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><script type="module" src="./widget.js"></script></head><body><main>${body}</main></body></html>`,
  }));
  await page.goto(`${site.url}robustness-host.html`);
  await page.evaluate(() => {
    window.__results = [];
    document.addEventListener('wenxi-result', (e) => window.__results.push({ id: e.target.id, type: 'result', articles: e.detail.articles.length }));
    document.addEventListener('wenxi-error', (e) => window.__results.push({ id: e.target.id, type: 'error', ...e.detail }));
  });
  return { context, page, errors, dialogs, workers };
}

/** Sets a widget's `text` and waits for its next wenxi-result or wenxi-error. */
async function widgetRun(page, id, text, timeout = 60_000) {
  // Counted and set in one step: the widget's own first run (empty content, reported as a
  // result) may land between two steps and pass for the answer to `text`.
  const before = await page.evaluate(({ id, text }) => {
    const n = window.__results.filter((r) => r.id === id).length;
    document.getElementById(id).text = text;
    return n;
  }, { id, text });
  await page.waitForFunction(({ id, before }) => window.__results.filter((r) => r.id === id).length > before, { id, before }, { timeout });
  return page.evaluate((id) => {
    const w = document.getElementById(id);
    const root = w.shadowRoot;
    return {
      event: window.__results.filter((r) => r.id === id).at(-1),
      view: root.querySelector('.root').textContent,
      error: root.querySelector('.error')?.textContent ?? null,
      note: root.querySelector('.note')?.textContent ?? null,
      title: root.querySelector('.head .title')?.textContent ?? null,
      keywords: [...root.querySelectorAll('.keywords .word')].map((e) => e.textContent),
      summary: [...root.querySelectorAll('.summary li')].map((e) => e.textContent),
    };
  }, id);
}

/** Waits until the widget shows `state` (the empty note) without an event. */
async function widgetShows(page, id, text, selector) {
  await page.evaluate(({ id, text }) => (document.getElementById(id).text = text), { id, text });
  await page.waitForFunction(({ id, selector }) => document.getElementById(id).shadowRoot.querySelector(selector), { id, selector });
  return page.evaluate(({ id, selector }) => document.getElementById(id).shadowRoot.querySelector(selector).textContent, { id, selector });
}

test('widget: blank, emoji, NUL, a 1 MB line, nested HTML, front matter, and text over its limit', async () => {
  const { context, page, errors } = await openWidget('<wenxi-analyzer id="w"></wenxi-analyzer>');
  let r = await widgetRun(page, 'w', '老街的长者食堂今天开业了。每份午餐只要八元。');
  assert.equal(r.event.type, 'result');
  assert.equal(await widgetShows(page, 'w', ' \n\t\u3000 ', '.note'), '没有可分析的文字。');
  // Emoji only: the core finds no article, and the widget says so instead of showing nothing.
  r = await widgetRun(page, 'w', '😀🎉👍🏽🇨🇳'.repeat(300));
  assert.equal(r.event.articles, 0);
  assert.equal(r.note, '没有可分析的文字。');
  r = await widgetRun(page, 'w', '湖边小镇今年第一次举办风筝节。\u0000孩子们在草地上放风筝，风筝节吸引了很多游客。');
  assert.ok(r.keywords.includes('风筝节'), `${r.keywords}`);
  assert.equal(r.note, null);
  // English only: analyzed, with a note that wenxi is made for Chinese.
  r = await widgetRun(page, 'w', 'The library opens until nine on Monday evenings. Readers can borrow books at night.');
  assert.equal(r.event.type, 'result');
  assert.equal(r.note, '这段文字里没有中文：文析为中文文章而做，其他语言的关键词和摘要不可靠。');
  r = await widgetRun(page, 'w', '湖边小镇的风筝节吸引了很多游客'.repeat(23_000));
  assert.ok(r.keywords.includes('风筝节'), `${r.keywords}`);
  assert.match(r.view, /345,000/);
  r = await widgetRun(page, 'w', `${'<div>'.repeat(100_000)}老街的长者食堂今天开业了。每份午餐只要八元。${'</div>'.repeat(100_000)}`);
  assert.deepEqual(r.summary, ['老街的长者食堂今天开业了。', '每份午餐只要八元。']);
  r = await widgetRun(page, 'w', '---\ntitle: 图书馆延时开放\n\n社区图书馆延长了开放时间。晚上九点以前都可以借书。\n');
  assert.ok(r.summary.join('').includes('晚上九点以前都可以借书。'), `${r.summary}`);
  // Over 2,000,000 characters (here a 50 MB paste's worth): refused at once, the limit named.
  const started = Date.now();
  r = await page.evaluate(() => new Promise((ok) => {
    const w = document.getElementById('w');
    w.addEventListener('wenxi-error', (e) => ok({ ...e.detail, shown: w.shadowRoot.querySelector('.error').textContent }), { once: true });
    w.text = '湖'.repeat(17_000_000);
  }));
  assert.equal(r.code, 'too-large');
  assert.match(r.shown, /17,000,000 字，超过了组件一次最多分析 2,000,000 字的上限/);
  assert.ok(Date.now() - started < 5000, 'refused without analyzing');
  assert.deepEqual(errors, []);
  await context.close();
});

test('widget: payloads in text, titles and the target stay text', async () => {
  // The target's text holds a payload (escaped in the host page, so it is text there too).
  const target = `<article id="post"><p>${'&lt;img src=x onerror="window.__pwned=1;alert(1)"&gt;'}老街社区长者食堂昨天正式开业，食堂每天供应早餐和午餐。</p><p>八十岁以上老人的午餐每份只需八元。</p></article>`;
  const { context, page, errors, dialogs } = await openWidget(`<wenxi-analyzer id="w"></wenxi-analyzer><wenxi-analyzer id="t" for="#post"></wenxi-analyzer>${target}`);
  await page.waitForFunction(() => window.__results.some((r) => r.id === 't'));
  const fromTarget = await page.evaluate(() => [...document.getElementById('t').shadowRoot.querySelectorAll('.summary li')].map((e) => e.textContent));
  assert.ok(fromTarget.some((s) => s.includes('<img src=x onerror=')), `${fromTarget}`);
  // Hostile headlines: the title is shown as text, the second (a section of the one article
  // the widget reads) stays text in the analysis.
  const text = `# 荷花节开幕 <svg/onload=alert(2)>\n\n市民公园的[荷花节](javascript:window.__pwned=3)今天开幕，很多人来拍照。公园管理处提醒游客不要踩踏草坪。\n\n# "' onmouseover="alert(5) 步道修好了\n\n荷塘边新修了一条步道，晚上也有很多人散步。步道旁边还装了路灯。\n`;
  const r = await widgetRun(page, 'w', text);
  assert.equal(r.event.type, 'result');
  assert.equal(r.title, '荷花节开幕 <svg/onload=alert(2)>');
  assert.equal(r.event.articles, 1);
  // One article whose title is a payload: shown in the widget's head.
  const single = await widgetRun(page, 'w', `<html><head><title>&lt;svg onload=alert(4)&gt;荷花节</title></head><body><p>市民公园的荷花开了，很多人来拍照。</p><p>公园提醒游客不要踩踏草坪。</p></body></html>`);
  assert.equal(single.title, '<svg onload=alert(4)>荷花节');
  const closing = await widgetRun(page, 'w', '</textarea>市民公园的荷花开了，很多人来拍照。公园提醒游客不要踩踏草坪。');
  assert.equal(closing.summary[0], '</textarea>市民公园的荷花开了，很多人来拍照。');
  await assertClean(page, dialogs, 'main');
  assert.deepEqual(errors, []);
  await context.close();
});

test('widget: a crashed worker is replaced; a trap is retried once in a fresh worker, a second one reported', async () => {
  const marker = '触发陷阱的标记';
  // The first two workers trap on the marker; later ones load the plain script. The trap goes
  // into wenxi.js, which each worker imports.
  let { context, page, errors, workers } = await openWidget('<wenxi-analyzer id="w"></wenxi-analyzer>', {
    route: withTrap('wenxi.js', 'wenxi_analyze', marker, 2),
  });
  let r = await widgetRun(page, 'w', '老街的长者食堂今天开业了。每份午餐只要八元。');
  assert.equal(r.event.type, 'result');
  // The idle worker dies: the next analysis starts a new one.
  await workers[0].evaluate(() => setTimeout(() => {
    throw new Error('simulated crash');
  }));
  await page.waitForTimeout(300);
  r = await widgetRun(page, 'w', '社区图书馆延长了开放时间。晚上九点以前都可以借书。');
  assert.equal(r.event.type, 'result', JSON.stringify(r.event));
  assert.equal(workers.length, 2);
  // A trap while analyzing: the same text again in a fresh worker, which succeeds.
  r = await widgetRun(page, 'w', `湖边小镇今年第一次举办风筝节。这段文字带着${marker}。`);
  assert.equal(r.event.type, 'result', JSON.stringify(r.event));
  assert.ok(r.keywords.includes('风筝节'), `${r.keywords}`);
  assert.equal(workers.length, 3);
  assert.deepEqual(errors.filter((e) => !/simulated crash|unreachable/.test(e)), []);
  await context.close();

  // Every worker traps on the marker: one retry, then the error is shown; the next text works.
  ({ context, page, errors, workers } = await openWidget('<wenxi-analyzer id="w"></wenxi-analyzer>', {
    route: withTrap('wenxi.js', 'wenxi_analyze', marker),
  }));
  r = await widgetRun(page, 'w', `这段文字带着${marker}。`);
  assert.equal(r.event.type, 'error', JSON.stringify({ event: r.event, workers: workers.length, view: r.view }));
  assert.equal(r.event.code, 'crash');
  assert.equal(r.error, '分析器意外停止了：unreachable');
  assert.equal(workers.length, 2);
  r = await widgetRun(page, 'w', '社区图书馆延长了开放时间。晚上九点以前都可以借书。');
  assert.equal(r.event.type, 'result');
  assert.equal(workers.length, 3);
  assert.deepEqual(errors.filter((e) => !/unreachable/.test(e)), []);
  await context.close();
});
