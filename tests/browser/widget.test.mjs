// The embeddable widget (dist/widget.js, dist/embed.html) in headless Chromium, across two
// origins like a real embed: the widget's files are served from http://127.0.0.1:A with an
// Access-Control-Allow-Origin header, the host pages from http://localhost:B. A third origin,
// http://127.0.0.1:B, plays a hostile frame. Run after `cargo xtask build`.
//
// Timing (first render after the element becomes visible, long tasks) is printed as test
// diagnostics, not asserted: this machine is shared.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DIST as DIST_DIR, launchBrowser } from './helpers.mjs';

const DIST = `${DIST_DIR}/`;
const { load } = await import(pathToFileURL(`${DIST}wenxi.js`).href);
// Written under target/ so a test run never changes tracked files; screenshots/widget.png in
// the README is a copy of it.
const SCREENSHOT = new URL('../../target/screenshots/widget.png', import.meta.url);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.css': 'text/css' };
const WAIT = { timeout: 30_000 };

// Articles written for these tests (invented facts).
const POST = `<h1>老街社区长者食堂开业 老人吃饭不用愁</h1>
<p>老街社区长者食堂昨天正式开业。食堂由社区闲置用房改建而成，设有六十个座位，每天供应早餐和午餐，主要服务辖区内的独居老人和高龄老人。</p>
<p>食堂实行“政府补贴一点、企业让利一点、老人自付一点”的运营方式，八十岁以上老人的午餐每份只需八元。社区还组织志愿者为行动不便的老人送餐上门，目前已登记送餐对象四十多户。</p>
<p>社区负责人介绍，食堂菜单每周更新，少油少盐，并在窗口标注每道菜的主要食材。开业第一天，食堂接待老人两百多人次，不少老人说饭菜合口、价格实惠，以后不用再为一日三餐发愁了。</p>`;
const FARM = `<p>连日来，南岭镇的种粮大户抓住晴好天气开展春耕。镇农业服务中心调集插秧机、无人机等农机具一百二十台，为农户提供育秧、机插和飞防一条龙服务。</p>
<p>今年南岭镇计划种植早稻三万八千亩，比去年增加两千亩。农技人员分片包村，到田间地头指导农户选用良种、科学施肥，帮助解决育秧过程中遇到的烂秧和病虫害问题。</p>`;
const SCHOOL = `<p>东湖小学足球队在全市校园足球联赛中夺得冠军。这支球队成立只有四年，队员全部来自本校三到六年级，每周训练四次，训练安排在放学以后，不占用上课时间。</p>
<p>教练说，孩子们最大的收获不是奖杯，而是学会了团队配合和面对失利。学校计划明年再组建一支女子足球队。</p>`;

let browser;
let widget; // http://127.0.0.1:A/ — dist/ with CORS
let host; // http://localhost:B/ — host pages registered by the tests
let W; // widget base URL
let H; // host base URL
let EVIL; // http://127.0.0.1:B/ — another origin on the host server

/** dist/ on 127.0.0.1 with `Access-Control-Allow-Origin: *`; records request paths. */
async function serveWidget() {
  await stat(`${DIST}widget.js`).catch(() => {
    throw new Error('dist/widget.js missing: run `cargo xtask build` first');
  });
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (path.includes('..')) return res.writeHead(403).end();
    try {
      const body = await readFile(DIST + path.slice(1));
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, requests, port: server.address().port };
}

/** Host pages from a map path → html, on every local address (localhost and 127.0.0.1). */
async function serveHost() {
  const pages = new Map();
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/favicon.ico') return res.writeHead(204).end();
    const body = pages.get(path);
    if (body == null) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(body);
  });
  await new Promise((ok) => server.listen(0, ok));
  return { server, pages, port: server.address().port };
}

/** A host page: records widget events and long tasks; loads the widget unless told not to. */
function hostPage(body, { script = true, head = '' } = {}) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>host</title>
<script>
  window.events = [];
  for (const type of ['wenxi-ready', 'wenxi-result', 'wenxi-error']) {
    document.addEventListener(type, (e) => events.push({ type, id: e.target.id, detail: e.detail, at: performance.now() }));
  }
  window.longTasks = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask', buffered: true });
</script>
${script ? `<script type="module" src="${W}widget.js"></script>` : ''}${head}
</head><body>${body}</body></html>`;
}

async function open(path, html) {
  host.pages.set(path, html);
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  let workers = 0;
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('request', (r) => requests.push(r.url()));
  page.on('worker', () => workers++);
  await page.goto(H + path.slice(1));
  return { context, page, errors, requests, workers: () => workers };
}

const waitFor = (page, type, id) => page.waitForFunction(([type, id]) => events.some((e) => e.type === type && e.id === id), [type, id], WAIT);
const count = (page, type, id) => page.evaluate(([type, id]) => events.filter((e) => e.type === type && e.id === id).length, [type, id]);

/** What a widget shows, read from its shadow root. */
function shown(page, id) {
  return page.evaluate((id) => {
    const el = document.getElementById(id);
    const root = el.shadowRoot;
    const texts = (q) => [...root.querySelectorAll(q)].map((n) => n.textContent);
    return {
      keywords: texts('.chip .word'),
      summary: texts('.summary li'),
      stats: texts('.stats dd'),
      cloud: texts('.cloud-words span'),
      error: root.querySelector('.error')?.textContent ?? null,
      role: root.querySelector('.error')?.getAttribute('role') ?? null,
    };
  }, id);
}

before(async () => {
  widget = await serveWidget();
  host = await serveHost();
  W = `http://127.0.0.1:${widget.port}/`;
  H = `http://localhost:${host.port}/`;
  EVIL = `http://127.0.0.1:${host.port}/`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  widget?.server.close();
  host?.server.close();
});

test('the widget JavaScript stays within 30 KB gzip', async (t) => {
  let gzip = 0;
  for (const name of ['widget.js', 'widget-worker.js']) gzip += gzipSync(await readFile(DIST + name), { level: 9 }).length;
  t.diagnostic(`widget.js + widget-worker.js: ${(gzip / 1024).toFixed(1)} KB gzip`);
  assert.ok(gzip <= 30 * 1024, `${gzip} bytes gzipped`);
});

test('for="#post" renders the keywords and summary of the article, cross-origin', async () => {
  const { context, page, errors } = await open('/post.html', hostPage(`<article id="post">${POST}</article><wenxi-analyzer id="w" for="#post" top-k="6"></wenxi-analyzer>`));
  await waitFor(page, 'wenxi-result', 'w');
  const view = await shown(page, 'w');
  const report = await page.evaluate(() => events.find((e) => e.type === 'wenxi-result').detail);
  assert.equal(await count(page, 'wenxi-ready', 'w'), 1);

  // The widget analyzed the article as rendered, with the options of its attributes:
  // the same Report as the core gives for that text.
  const text = await page.evaluate(() => document.getElementById('post').innerText);
  const expected = (await load()).analyze(text, { topK: 6, summarySentences: 3, method: 'auto' });
  assert.deepEqual(report, expected);
  const article = expected.articles[0];
  assert.deepEqual(view.keywords, article.keywords.map((k) => k.word));
  assert.equal(view.keywords.length, 6);
  assert.ok(view.keywords.includes('食堂'), `keywords: ${view.keywords}`);
  // Each item reads as its whole sentence (a trimmed item is followed by the rest, muted).
  assert.deepEqual(view.summary, article.summary.map((s) => article.text.slice(s.start, s.sentenceEnd).trim()));
  assert.ok(view.summary.length >= 2);
  for (const sentence of view.summary) assert.ok(text.includes(sentence), sentence);
  assert.equal(view.stats[0], article.stats.chars.toLocaleString('zh-CN'));
  // Reading time worded as on the page (400 characters a minute).
  const minutes = article.stats.chars / 400;
  assert.equal(view.stats.at(-1), minutes < 1 ? '不到 1 分钟' : `约 ${Math.round(minutes)} 分钟`);
  assert.equal(view.error, null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a widget inside its own article does not analyze itself', async () => {
  const { context, page } = await open('/inside.html', hostPage(`<article id="post">${POST}<wenxi-analyzer id="w" for="#post" show="keywords summary stats cloud"></wenxi-analyzer></article>`));
  await waitFor(page, 'wenxi-result', 'w');
  const first = await page.evaluate(() => events.find((e) => e.type === 'wenxi-result').detail.articles[0]);
  assert.ok(!/文析|关键词|摘要/.test(first.text), 'the widget read its own output');
  // Its rendering does not count as a change of the article: no second analysis.
  await page.waitForTimeout(800);
  assert.equal(await count(page, 'wenxi-result', 'w'), 1);
  await context.close();
});

test('analyzed text is only ever inserted as text', async () => {
  const hostile = '<img src=x onerror="window.pwned=1"><b>加粗</b>老街社区的长者食堂今天开业，食堂每天供应早餐和午餐。食堂的午餐每份八元。';
  const { context, page } = await open('/text.html', hostPage(`<wenxi-analyzer id="w"></wenxi-analyzer>`));
  await page.evaluate((t) => (document.getElementById('w').text = t), hostile);
  // The empty widget may first report its empty text (no articles): wait for this text's result.
  await page.waitForFunction(() => events.some((e) => e.type === 'wenxi-result' && e.id === 'w' && e.detail?.articles?.length > 0), null, WAIT);
  const view = await shown(page, 'w');
  const tags = await page.evaluate(() => [...document.getElementById('w').shadowRoot.querySelectorAll('img, b')].length);
  assert.equal(tags, 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  // The core reads the markup as HTML and keeps only its text; the widget shows that text.
  assert.ok(view.summary.some((s) => s.startsWith('加粗老街社区')), view.summary.join('|'));
  await context.close();
});

test('three widgets on one page share one worker and one WASM instance', async (t) => {
  const body = `<article id="post">${POST}</article><article id="farm">${FARM}</article>
    <wenxi-analyzer id="w1" for="#post"></wenxi-analyzer>
    <wenxi-analyzer id="w2" for="#farm" show="keywords cloud"></wenxi-analyzer>
    <wenxi-analyzer id="w3" compact>${SCHOOL}</wenxi-analyzer>`;
  const { context, page, errors, requests, workers } = await open('/three.html', hostPage(body));
  for (const id of ['w1', 'w2', 'w3']) await waitFor(page, 'wenxi-result', id);
  const wasm = requests.filter((u) => u.endsWith('/wenxi_core_bg.wasm'));
  const workerScripts = requests.filter((u) => u.endsWith('/widget-worker.js'));
  assert.equal(wasm.length, 1, requests.join('\n'));
  assert.equal(workerScripts.length, 1);
  assert.equal(workers(), 1);
  assert.ok(wasm[0].startsWith(W), 'the WASM comes from the widget origin');
  const [a, b, c] = [await shown(page, 'w1'), await shown(page, 'w2'), await shown(page, 'w3')];
  assert.ok(a.keywords.includes('食堂'), a.keywords.join());
  assert.ok(b.keywords.some((k) => ['春耕', '农机', '插秧机', '育秧'].includes(k)), b.keywords.join());
  assert.ok(b.cloud.length >= 10 && b.summary.length === 0 && b.stats.length === 0);
  assert.ok(c.keywords.includes('足球队'), c.keywords.join());
  // Compact hides its headings visually (screen readers still read them), as it hides the
  // loading label of every widget; the full widget shows them.
  const widths = await page.evaluate(() => {
    const headings = (id) => [...document.getElementById(id).shadowRoot.querySelectorAll('h3')].map((h) => h.getBoundingClientRect().width);
    const label = document.createElement('span');
    label.className = 'sr-only';
    label.textContent = '正在分析…';
    document.getElementById('w1').shadowRoot.append(label);
    return { full: headings('w1'), compact: headings('w3'), label: label.getBoundingClientRect().width };
  });
  assert.ok(widths.full.length > 0 && widths.full.every((w) => w > 10), JSON.stringify(widths));
  assert.ok(widths.compact.length > 0 && widths.compact.every((w) => w <= 1), JSON.stringify(widths));
  assert.ok(widths.label <= 1, JSON.stringify(widths));
  const long = await page.evaluate(() => longTasks);
  t.diagnostic(`long tasks on the host page: ${long.map((l) => l.duration.toFixed(0)).join(', ') || 'none'}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('widgets load lazily when scrolled into view; first render time', async (t) => {
  const body = `<article id="post">${POST}</article><div style="height: 4000px"></div><wenxi-analyzer id="w" for="#post"></wenxi-analyzer>
    <script>
      new IntersectionObserver(([e]) => { if (e.isIntersecting && !window.visibleAt) window.visibleAt = performance.now(); }).observe(document.getElementById('w'));
    </script>`;
  const { context, page, requests, workers } = await open('/lazy.html', hostPage(body));
  await page.waitForFunction(() => customElements.get('wenxi-analyzer'), null, WAIT);
  await page.waitForTimeout(600);
  assert.equal(requests.filter((u) => u.endsWith('.wasm')).length, 0, 'nothing loads while the widget is off screen');
  assert.equal(workers(), 0);
  await page.evaluate(() => document.getElementById('w').scrollIntoView());
  await waitFor(page, 'wenxi-result', 'w');
  const { visibleAt, resultAt, long } = await page.evaluate(() => ({
    visibleAt,
    resultAt: events.find((e) => e.type === 'wenxi-result').at,
    long: longTasks.filter((l) => l.start >= visibleAt).map((l) => l.duration),
  }));
  t.diagnostic(`first render ${(resultAt - visibleAt).toFixed(0)} ms after the widget became visible (cold: worker + WASM + dictionary)`);
  t.diagnostic(`long tasks after it became visible: ${long.map((d) => d.toFixed(0)).join(', ') || 'none'}`);
  assert.equal(requests.filter((u) => u.endsWith('.wasm')).length, 1);
  await context.close();
});

test('re-analyzes when the target text or attributes change; view attributes only re-render', async () => {
  const { context, page } = await open('/change.html', hostPage(`<article id="post">${POST}</article><wenxi-analyzer id="w" for="#post" top-k="5"></wenxi-analyzer>`));
  await waitFor(page, 'wenxi-result', 'w');
  assert.equal((await shown(page, 'w')).keywords.length, 5);

  await page.evaluate(() => document.getElementById('w').setAttribute('top-k', '8'));
  await page.waitForFunction(() => events.filter((e) => e.type === 'wenxi-result').length === 2, null, WAIT);
  assert.equal((await shown(page, 'w')).keywords.length, 8);

  // New text in the article: several edits in a row are analyzed once, after they settle.
  await page.evaluate((farm) => {
    const post = document.getElementById('post');
    post.innerHTML = farm;
    post.append(' 南岭镇的插秧机');
    post.append(' 和无人机都已到位。');
  }, FARM);
  await page.waitForFunction(() => events.filter((e) => e.type === 'wenxi-result').length === 3, null, WAIT);
  const farm = await shown(page, 'w');
  assert.ok(!farm.keywords.includes('食堂') && farm.keywords.some((k) => ['春耕', '农机', '插秧机', '育秧'].includes(k)), farm.keywords.join());
  await page.waitForTimeout(700);
  assert.equal(await count(page, 'wenxi-result', 'w'), 3);

  await page.evaluate(() => document.getElementById('w').setAttribute('show', 'stats'));
  await page.evaluate(() => document.getElementById('w').setAttribute('lang', 'en'));
  const statsOnly = await page.evaluate(() => {
    const root = document.getElementById('w').shadowRoot;
    return { sections: [...root.querySelectorAll('section')].map((s) => s.className), label: root.querySelector('.stats h3').textContent };
  });
  assert.deepEqual(statsOnly, { sections: ['stats'], label: 'Stats' });
  await page.waitForTimeout(300);
  assert.equal(await count(page, 'wenxi-result', 'w'), 3, 'show and lang do not re-analyze');
  await context.close();
});

test('host styles do not reach the widget, and the widget styles do not reach the host', async () => {
  const body = `<article id="post">${POST}</article>
    <h3 id="host-h3">主页标题</h3><section id="host-section"><ol><li id="host-li">主页列表项</li></ol><p id="host-p">主页段落</p></section>
    <wenxi-analyzer id="w" for="#post" show="keywords summary stats cloud"></wenxi-analyzer>`;
  const { context, page, errors } = await open('/styles.html', hostPage(body, { script: false }));
  const PROPS = ['font-size', 'color', 'font-family', 'font-weight', 'line-height', 'background-color', 'margin-top', 'margin-bottom', 'padding-left', 'list-style-type', 'display', 'letter-spacing', 'text-transform', 'box-sizing', 'direction'];
  const hostStyles = () => page.evaluate((props) => Object.fromEntries(['host-h3', 'host-section', 'host-li', 'host-p', 'post'].map((id) => {
    const cs = getComputedStyle(document.getElementById(id));
    return [id, Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]))];
  })), PROPS);
  const widgetStyles = () => page.evaluate((props) => {
    const root = document.getElementById('w').shadowRoot;
    const pick = (q) => Object.fromEntries(props.map((p) => [p, getComputedStyle(root.querySelector(q)).getPropertyValue(p)]));
    return { root: pick('.root'), chip: pick('.chip'), h3: pick('h3'), summary: pick('.summary li'), dd: pick('.stats dd'), cloud: pick('.cloud-words span'), height: root.querySelector('.root').getBoundingClientRect().height };
  }, PROPS);

  const before = await hostStyles();
  await page.evaluate((src) => {
    const s = document.createElement('script');
    s.type = 'module';
    s.src = src;
    document.head.append(s);
  }, `${W}widget.js`);
  await waitFor(page, 'wenxi-result', 'w');
  assert.deepEqual(await hostStyles(), before, 'the widget changed the host page styles');

  const inside = await widgetStyles();
  await page.addStyleTag({ content: '* {font-size: 40px; direction: rtl} li {color: red !important} h3 {display: none !important} section {background: lime !important} body {line-height: 3; font-family: cursive; letter-spacing: 4px}' });
  assert.equal((await hostStyles())['host-li'].color, 'rgb(255, 0, 0)', 'the hostile sheet applies to the host');
  assert.deepEqual(await widgetStyles(), inside, 'the host stylesheet changed the widget');
  assert.equal(inside.root['font-size'], '15px');

  // Theming goes through the documented custom properties.
  await page.addStyleTag({ content: 'wenxi-analyzer { --wenxi-accent: rgb(1, 2, 3); --wenxi-font-size: 18px }' });
  const themed = await page.evaluate(() => {
    const root = document.getElementById('w').shadowRoot;
    return { chip: getComputedStyle(root.querySelector('.chip')).backgroundColor, size: getComputedStyle(root.querySelector('.root')).fontSize };
  });
  assert.deepEqual(themed, { chip: 'rgb(1, 2, 3)', size: '18px' });
  const background = () => page.evaluate(() => getComputedStyle(document.getElementById('w').shadowRoot.querySelector('.root')).backgroundColor);
  assert.equal(await background(), 'rgb(255, 255, 255)');
  await page.evaluate(() => document.getElementById('w').setAttribute('theme', 'dark'));
  assert.equal(await background(), 'rgb(23, 25, 29)');
  await page.evaluate(() => document.getElementById('w').setAttribute('theme', 'auto'));
  assert.equal(await background(), 'rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await background(), 'rgb(23, 25, 29)', 'theme="auto" follows prefers-color-scheme');
  // Error text in the dark scheme is the light red that reads on the dark background.
  await page.evaluate(() => document.getElementById('w').setAttribute('for', '#nothing-here'));
  await waitFor(page, 'wenxi-error', 'w');
  const errorColour = () => page.evaluate(() => getComputedStyle(document.getElementById('w').shadowRoot.querySelector('.error')).color);
  assert.equal(await errorColour(), 'rgb(249, 112, 102)');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await errorColour(), 'rgb(180, 35, 24)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('without a theme the widget matches the page: dark where its text is light, and follows a switch', async () => {
  // A site with its own dark mode: a class on <html> turns the text light on a dark background.
  const head = '<style>html.night { background: #101214; color: oklch(0.93 0.01 250) } html { color: #222 }</style>';
  const body = `<article id="post">${POST}</article>
    <wenxi-analyzer id="w" for="#post"></wenxi-analyzer>
    <wenxi-analyzer id="light" for="#post" theme="light" compact></wenxi-analyzer>`;
  const { context, page, errors } = await open('/page-theme.html', hostPage(body, { head }).replace('<html lang="zh-CN">', '<html lang="zh-CN" class="night">'));
  await waitFor(page, 'wenxi-result', 'w');
  const backgrounds = () => page.evaluate(() => ['w', 'light'].map((id) => getComputedStyle(document.getElementById(id).shadowRoot.querySelector('.root')).backgroundColor));
  assert.deepEqual(await backgrounds(), ['rgb(23, 25, 29)', 'rgb(255, 255, 255)'], 'dark page: the widget is dark, theme="light" stays light');
  // The site switches to its light look: the widget follows (within a frame).
  await page.evaluate(() => document.documentElement.classList.remove('night'));
  await page.waitForFunction(() => getComputedStyle(document.getElementById('w').shadowRoot.querySelector('.root')).backgroundColor === 'rgb(255, 255, 255)', null, WAIT);
  await page.evaluate(() => document.documentElement.classList.add('night'));
  await page.waitForFunction(() => getComputedStyle(document.getElementById('w').shadowRoot.querySelector('.root')).backgroundColor === 'rgb(23, 25, 29)', null, WAIT);
  // An explicit theme wins until it is removed; then the page decides again.
  await page.evaluate(() => document.getElementById('w').setAttribute('theme', 'light'));
  assert.deepEqual(await backgrounds(), ['rgb(255, 255, 255)', 'rgb(255, 255, 255)']);
  await page.evaluate(() => document.getElementById('w').removeAttribute('theme'));
  assert.deepEqual(await backgrounds(), ['rgb(23, 25, 29)', 'rgb(255, 255, 255)']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a bad for selector shows a readable error in the widget and fires wenxi-error', async () => {
  const body = `<article id="post">${POST}</article>
    <wenxi-analyzer id="bad" for="#post >>> p"></wenxi-analyzer>
    <wenxi-analyzer id="missing" for="#no-such-article" lang="en"></wenxi-analyzer>`;
  const { context, page, errors } = await open('/bad.html', hostPage(body));
  await waitFor(page, 'wenxi-error', 'bad');
  await waitFor(page, 'wenxi-error', 'missing');
  const details = await page.evaluate(() => Object.fromEntries(events.filter((e) => e.type === 'wenxi-error').map((e) => [e.id, e.detail])));
  assert.equal(details.bad.code, 'bad-selector');
  assert.equal(details.missing.code, 'no-target');
  const bad = await shown(page, 'bad');
  const missing = await shown(page, 'missing');
  assert.equal(bad.error, 'for="#post >>> p" 不是有效的 CSS 选择器。');
  assert.equal(bad.error, details.bad.message);
  assert.equal(bad.role, 'alert');
  assert.equal(missing.error, 'No element on this page matches for="#no-such-article".');
  assert.deepEqual(bad.keywords, []);

  // Fixing the attribute recovers.
  await page.evaluate(() => document.getElementById('bad').setAttribute('for', '#post'));
  await waitFor(page, 'wenxi-result', 'bad');
  assert.equal((await shown(page, 'bad')).error, null);

  // A target without text is no error: the widget says so and reports an empty Report.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<section id="blank">  </section><wenxi-analyzer id="empty" for="#blank"></wenxi-analyzer>');
  });
  await waitFor(page, 'wenxi-result', 'empty');
  const empty = await page.evaluate(() => events.find((e) => e.type === 'wenxi-result' && e.id === 'empty').detail);
  assert.deepEqual(empty, { articles: [] });
  assert.equal(await page.evaluate(() => events.filter((e) => e.type === 'wenxi-error' && e.id === 'empty').length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the cloud shows a name or key phrase as one word, like the keywords', async () => {
  // jieba cuts 赫拉利 into 赫拉|利 and 认知革命 into 认知|革命; the keywords join them again.
  const body = `<article id="post"><h1>读《人类简史》</h1>
    <p>赫拉利在书中提出，认知革命让智人能够相信虚构的故事。赫拉利认为，正是认知革命让大规模合作成为可能。</p>
    <p>书中说，农业革命让人口大大增加。赫拉利把农业革命称为史上最大的骗局。</p></article>
    <wenxi-analyzer id="w" for="#post" show="keywords cloud"></wenxi-analyzer>`;
  const { context, page, errors } = await open('/cloud.html', hostPage(body));
  await waitFor(page, 'wenxi-result', 'w');
  const view = await shown(page, 'w');
  for (const word of ['赫拉利', '认知革命']) {
    assert.ok(view.keywords.includes(word), `${word} in the keywords ${view.keywords}`);
    assert.ok(view.cloud.includes(word), `${word} in the cloud ${view.cloud}`);
  }
  for (const piece of ['赫拉', '认知']) assert.ok(!view.cloud.includes(piece), `${piece} alone in the cloud ${view.cloud}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('comments, related links and sidebars inside the target are not analyzed', async () => {
  const body = `<div id="content"><div class="bd">${POST}</div>
    <div class="related-news"><h3>相关阅读</h3><ul><li>房价又涨了，房价还会涨吗</li><li>房价调控新政出台</li></ul></div>
    <div id="commentList"><h3>网友评论（3）</h3><p>网友A：房价太高了！</p><p>网友B：房价什么时候降？</p><p>网友C：房价房价房价。</p></div>
    <aside><h3>热点排行</h3><ol><li>房价</li></ol></aside></div>
    <wenxi-analyzer id="text" for="#content"></wenxi-analyzer>
    <wenxi-analyzer id="html" for="#content" input="html"></wenxi-analyzer>`;
  const { context, page, errors } = await open('/furniture.html', hostPage(body));
  for (const id of ['text', 'html']) {
    await waitFor(page, 'wenxi-result', id);
    const { keywords } = await shown(page, id);
    const text = await page.evaluate((i) => events.find((e) => e.type === 'wenxi-result' && e.id === i).detail.articles.map((a) => a.text).join('\n'), id);
    assert.ok(keywords.includes('食堂') && !keywords.some((k) => ['房价', '网友'].includes(k)), `${id}: ${keywords}`);
    assert.ok(text.includes('送餐上门') && !/房价|网友|相关阅读|热点排行/.test(text), `${id}: ${text}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the target is one article: a body in a block named like furniture, sections after rules', async () => {
  // A site whose article body has a class that starts like a furniture word, and whose article
  // has sections after a rule and a bold subheading.
  const sections = `<div class="commentary-body">${POST.replace(/<h1>.*<\/h1>/, '')}
    <p>＊＊＊</p><p><strong>志愿者送餐上门</strong></p>${FARM}
    <p>———</p><p><strong>下一步</strong></p>${SCHOOL}</div>`;
  const body = `<article id="post"><h1>老街社区长者食堂开业 老人吃饭不用愁</h1>${sections}
    <p>老人们把饭菜的照片分享给了子女。</p><div class="share-bar"><p>分享</p></div></article>
    <wenxi-analyzer id="text" for="#post"></wenxi-analyzer>
    <wenxi-analyzer id="html" for="#post" input="html"></wenxi-analyzer>
    <div id="hot" class="hot-topic">${POST}</div><wenxi-analyzer id="hot-w" for="#hot"></wenxi-analyzer>`;
  const { context, page, errors } = await open('/one-article.html', hostPage(body));
  for (const id of ['text', 'html', 'hot-w']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded(); // widgets load when in view
    await waitFor(page, 'wenxi-result', id);
    const articles = await page.evaluate((i) => events.find((e) => e.type === 'wenxi-result' && e.id === i).detail.articles, id);
    assert.equal(articles.length, 1, `${id}: ${articles.map((a) => a.title)}`);
    const [a] = articles;
    assert.equal(a.title, '老街社区长者食堂开业 老人吃饭不用愁', id);
    assert.ok(a.text.includes('送餐上门') && !a.text.split('\n').includes('分享'), `${id}: ${a.text}`);
    if (id !== 'hot-w') assert.ok(a.text.includes('老人们把饭菜的照片分享给了子女。'), `${id}: the prose that holds the share bar's words stays whole: ${a.text}`);
    if (id !== 'hot-w') assert.ok(a.text.includes('插秧机') && a.text.includes('足球队'), `${id}: all sections: ${a.text}`);
    assert.ok((await shown(page, id)).keywords.includes('食堂'), id);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('an article rendered by script within 3 s is analyzed without an error first', async () => {
  const body = `<div id="app"></div><wenxi-analyzer id="w" for="#app article"></wenxi-analyzer>
    <script>setTimeout(() => { document.getElementById('app').innerHTML = '<article>' + ${JSON.stringify(POST)} + '</article>'; }, 1200);</script>`;
  const { context, page, errors } = await open('/rendered-late.html', hostPage(body));
  await waitFor(page, 'wenxi-result', 'w');
  assert.equal(await count(page, 'wenxi-error', 'w'), 0);
  assert.equal(await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('[role="alert"]')), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('follows its target: replaced by a new one, inserted late, or revealed', async () => {
  const body = `<main id="app"><article id="post">${POST}</article></main>
    <wenxi-analyzer id="spa" for="#post"></wenxi-analyzer>
    <div id="slot"></div><wenxi-analyzer id="late" for="#later"></wenxi-analyzer>
    <article id="fold">${SCHOOL}<div id="rest" hidden>${FARM}</div></article>
    <wenxi-analyzer id="folded" for="#fold"></wenxi-analyzer>
    <div id="tabs"><div id="tab2" style="display: none"><article id="in-tab"><script>var trackingCode = 1;</script><style>.x{color:red}</style><h1>南岭镇春耕忙</h1>${FARM}</article></div></div>
    <wenxi-analyzer id="tabbed" for="#in-tab"></wenxi-analyzer>
    <style>#tabs.second #tab2 { display: block !important }</style>
    <p id="ticker">0</p>`;
  const { context, page, errors } = await open('/follow.html', hostPage(body));
  const lastText = (id) => page.evaluate((i) => events.filter((e) => e.type === 'wenxi-result' && e.id === i).at(-1).detail.articles[0].text, id);
  await waitFor(page, 'wenxi-result', 'spa');
  await waitFor(page, 'wenxi-error', 'late');
  await waitFor(page, 'wenxi-result', 'folded');
  assert.ok(!(await lastText('folded')).includes('插秧机'), 'hidden part left out');
  // A target in a hidden tab: read from its nodes, without script or style code.
  await waitFor(page, 'wenxi-result', 'tabbed');
  const tabbed = await lastText('tabbed');
  assert.ok(tabbed.includes('插秧机') && !/trackingCode|color:red/.test(tabbed), tabbed);

  // Unrelated changes elsewhere on the page start no analysis.
  await page.evaluate(() => { for (let i = 1; i <= 5; i++) document.getElementById('ticker').textContent = String(i); });
  await page.waitForTimeout(700);
  assert.equal(await count(page, 'wenxi-result', 'spa'), 1);
  assert.equal(await count(page, 'wenxi-error', 'late'), 1);

  // A single-page site's navigation replaces the article element, while a clock elsewhere on
  // the page ticks every 100 ms (it must not hold the analysis off).
  await page.evaluate(() => {
    let n = 0;
    window.clock = setInterval(() => { document.getElementById('ticker').textContent = String(++n); }, 100);
  });
  await page.evaluate((farm) => {
    const next = document.createElement('article');
    next.id = 'post';
    next.innerHTML = farm;
    document.getElementById('post').replaceWith(next);
  }, FARM);
  await page.waitForFunction(() => events.filter((e) => e.type === 'wenxi-result' && e.id === 'spa').length === 2, null, WAIT);
  assert.ok((await lastText('spa')).includes('插秧机'));
  // The replacement is watched in turn.
  await page.evaluate((school) => { document.getElementById('post').innerHTML = school; }, SCHOOL);
  await page.waitForFunction(() => events.filter((e) => e.type === 'wenxi-result' && e.id === 'spa').length === 3, null, WAIT);
  assert.ok((await lastText('spa')).includes('足球队'));

  // A client-rendered article arrives after load.
  await page.evaluate((post) => { document.getElementById('slot').innerHTML = `<article id="later">${post}</article>`; }, POST);
  await waitFor(page, 'wenxi-result', 'late');
  assert.ok((await shown(page, 'late')).keywords.includes('食堂'));
  assert.equal((await shown(page, 'late')).error, null);

  // "展开全文": the rest of the article is shown.
  await page.evaluate(() => { document.getElementById('rest').hidden = false; });
  await page.waitForFunction(() => events.filter((e) => e.type === 'wenxi-result' && e.id === 'folded').length === 2, null, WAIT);
  assert.ok((await lastText('folded')).includes('插秧机'));
  // The tab is shown by a class on its container: read again, now as rendered.
  const before = await count(page, 'wenxi-result', 'tabbed');
  await page.evaluate(() => document.getElementById('tabs').classList.add('second'));
  await page.waitForFunction((n) => events.filter((e) => e.type === 'wenxi-result' && e.id === 'tabbed').length > n, before, WAIT);
  await page.evaluate(() => clearInterval(window.clock));
  assert.deepEqual(errors, []);
  await context.close();
});

test('attribute typos fall back to the defaults instead of stopping the widget', async () => {
  const body = `<article id="post">${POST}</article>
    <wenxi-analyzer id="typo" for="#post" method="bogus" top-k="abc"></wenxi-analyzer>
    <wenxi-analyzer id="upper" for="#post" method=" TFIDF " theme="DARK"></wenxi-analyzer>
    <wenxi-analyzer id="blank-for" for="">${SCHOOL}</wenxi-analyzer>
    <article id="with-hidden">${SCHOOL}<p hidden>隐藏段落里的南岭镇插秧机。</p></article>
    <wenxi-analyzer id="upper-input" for="#with-hidden" input="HTML"></wenxi-analyzer>`;
  const { context, page, errors } = await open('/typos.html', hostPage(body));
  for (const id of ['typo', 'upper', 'blank-for', 'upper-input']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await waitFor(page, 'wenxi-result', id);
  }
  // input="HTML" is input="html": the markup is sent, hidden paragraph included.
  const sent = await page.evaluate(() => events.find((e) => e.type === 'wenxi-result' && e.id === 'upper-input').detail.articles[0].text);
  assert.ok(sent.includes('隐藏段落'), sent);
  assert.equal(await page.evaluate(() => events.filter((e) => e.type === 'wenxi-error').length), 0);
  const [typo, upper, own] = [await shown(page, 'typo'), await shown(page, 'upper'), await shown(page, 'blank-for')];
  assert.ok(typo.keywords.includes('食堂') && typo.keywords.length === 10, typo.keywords.join());
  assert.ok(upper.keywords.includes('食堂'), upper.keywords.join());
  assert.ok(own.keywords.includes('足球队'), own.keywords.join());
  const backgrounds = await page.evaluate(() => ['typo', 'upper'].map((id) => getComputedStyle(document.getElementById(id).shadowRoot.querySelector('.root')).backgroundColor));
  assert.notEqual(backgrounds[0], backgrounds[1], 'theme="DARK" is the dark theme');
  assert.deepEqual(errors, []);
  await context.close();
});

test('under a host Content-Security-Policy: works with the documented sources, errors readably without them', async () => {
  const widgetOrigin = new URL(W).origin;
  const allowed = `<meta http-equiv="Content-Security-Policy" content="script-src 'unsafe-inline' ${widgetOrigin} 'wasm-unsafe-eval'; worker-src blob:; connect-src ${widgetOrigin}">`;
  const ok = await open('/csp-ok.html', hostPage(`<article id="post">${POST}</article><wenxi-analyzer id="w" for="#post"></wenxi-analyzer>`, { head: allowed }));
  await waitFor(ok.page, 'wenxi-result', 'w');
  assert.ok((await shown(ok.page, 'w')).keywords.includes('食堂'));
  await ok.context.close();

  // In the page's language, with what went wrong in plain words; the browser's own message
  // goes to the console for the site's developer.
  const blocked = `<meta http-equiv="Content-Security-Policy" content="script-src 'unsafe-inline' ${widgetOrigin} 'wasm-unsafe-eval'; worker-src 'none'">`;
  const { context, page } = await open('/csp-blocked.html', hostPage(`<article id="post">${POST}</article><wenxi-analyzer id="w" for="#post"></wenxi-analyzer>`, { head: blocked }));
  await waitFor(page, 'wenxi-error', 'w');
  const detail = await page.evaluate(() => events.find((e) => e.type === 'wenxi-error').detail);
  assert.equal(detail.code, 'load');
  assert.equal((await shown(page, 'w')).error, '分析器加载失败：本页的内容安全策略（CSP）不允许它运行。');
  await context.close();

  // The worker allowed, but not its downloads (no connect-src): still the CSP, not the network.
  const noConnect = `<meta http-equiv="Content-Security-Policy" content="script-src 'unsafe-inline' ${widgetOrigin} 'wasm-unsafe-eval'; worker-src blob:; connect-src 'none'">`;
  const nc = await open('/csp-no-connect.html', hostPage(`<article id="post">${POST}</article><wenxi-analyzer id="w" for="#post"></wenxi-analyzer>`, { head: noConnect }));
  await waitFor(nc.page, 'wenxi-error', 'w');
  assert.equal((await shown(nc.page, 'w')).error, '分析器加载失败：本页的内容安全策略（CSP）不允许它运行。');
  await nc.context.close();

  // A page that enforces Trusted Types and allows the widget's policy.
  const trusted = `<meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types wenxi-analyzer">`;
  const tt = await open('/csp-trusted-types.html', hostPage(`<article id="post">${POST}</article><wenxi-analyzer id="w" for="#post"></wenxi-analyzer>`, { head: trusted }));
  await waitFor(tt.page, 'wenxi-result', 'w');
  assert.ok((await shown(tt.page, 'w')).keywords.includes('食堂'));
  await tt.context.close();
});

test('files that cannot be downloaded: the widget says from where', async () => {
  const { context, page } = await open('/no-wasm.html', hostPage(`<article id="post">${POST}</article><wenxi-analyzer id="w" for="#post"></wenxi-analyzer>`));
  await context.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: '' }));
  await page.reload();
  await waitFor(page, 'wenxi-error', 'w');
  assert.equal((await shown(page, 'w')).error, `分析器加载失败：无法从 ${W} 下载它的文件。`);
  await context.close();
});

/** A host page (localhost:B) with the embed and a message log; the embed's frame. */
async function embedPage(path, extra = '') {
  const origin = new URL(H).origin;
  const body = `<iframe id="embed" src="${W}embed.html?origin=${encodeURIComponent(origin)}&top-k=5" style="width: 600px; height: 50px; border: 0"></iframe>${extra}
    <script>
      window.messages = [];
      addEventListener('message', (e) => {
        messages.push({ origin: e.origin, data: e.data });
        if (e.data?.type === 'wenxi-height') document.getElementById('embed').style.height = e.data.height + 'px';
      });
    </script>`;
  const opened = await open(path, hostPage(body, { script: false }));
  await opened.page.waitForFunction(() => messages.some((m) => m.data?.type === 'wenxi-ready'), null, WAIT);
  return { ...opened, embed: opened.page.frames().find((f) => f.url().startsWith(`${W}embed.html`)) };
}

test('the iframe embed analyzes text sent by postMessage and reports its height', async () => {
  const { context, page, errors, embed } = await embedPage('/embed-host.html');
  await page.evaluate(([text, target]) => {
    document.getElementById('embed').contentWindow.postMessage({ type: 'wenxi-analyze', id: 7, text, options: { summarySentences: 2 } }, target);
  }, [POST, new URL(W).origin]);
  await page.waitForFunction(() => messages.some((m) => m.data?.type === 'wenxi-result'), null, WAIT);
  const result = await page.evaluate(() => messages.find((m) => m.data?.type === 'wenxi-result'));
  assert.equal(result.origin, new URL(W).origin);
  assert.equal(result.data.id, 7);
  const article = result.data.report.articles[0];
  assert.equal(article.keywords.length, 5, 'top-k from the URL');
  assert.equal(article.summary.length, 2, 'summarySentences from the message');
  assert.ok(article.keywords.some((k) => k.word === '食堂'));
  const shownWords = await embed.evaluate(() => [...document.querySelector('wenxi-analyzer').shadowRoot.querySelectorAll('.chip .word')].map((n) => n.textContent));
  assert.deepEqual(shownWords, article.keywords.map((k) => k.word));

  // Auto-resize: the host follows the reported height, which fits the content.
  await page.waitForFunction(() => {
    const h = messages.filter((m) => m.data?.type === 'wenxi-height').at(-1)?.data.height;
    return h > 150 && document.getElementById('embed').getBoundingClientRect().height === h;
  }, null, WAIT);
  assert.ok(await embed.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1), 'the iframe is as tall as its content');

  // Two requests back to back: each gets an answer, the first that it was replaced.
  await page.evaluate(([text, target]) => {
    const frame = document.getElementById('embed').contentWindow;
    frame.postMessage({ type: 'wenxi-analyze', id: 'A', text }, target);
    frame.postMessage({ type: 'wenxi-analyze', id: 'B', text: `${text}\n食堂还将延长营业时间。` }, target);
  }, [POST, new URL(W).origin]);
  await page.waitForFunction(() => messages.some((m) => m.data?.type === 'wenxi-result' && m.data.id === 'B'), null, WAIT);
  const answers = await page.evaluate(() => messages.filter((m) => ['A', 'B'].includes(m.data?.id)).map((m) => [m.data.id, m.data.type, m.data.code ?? null]));
  assert.deepEqual(answers, [['A', 'wenxi-error', 'superseded'], ['B', 'wenxi-result', null]]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the iframe embed ignores messages from other origins', async () => {
  const HOSTILE = '恶意网站发来的文字：中奖通知请点击链接领取奖金。奖金马上到账。';
  // 1. A sibling frame of another origin (127.0.0.1:B) posts to the embed.
  host.pages.set('/evil.html', `<!doctype html><meta charset="utf-8"><script>
    addEventListener('message', (e) => {
      if (e.data !== 'go') return;
      parent.frames[0].postMessage({ type: 'wenxi-analyze', text: ${JSON.stringify(HOSTILE)} }, '*');
      parent.postMessage('sent', '*');
    });
  </script>`);
  const { context, page, embed } = await embedPage('/embed-sibling.html', `<iframe id="evil" src="${EVIL}evil.html"></iframe>`);
  await page.waitForFunction(() => document.readyState === 'complete', null, WAIT);
  await page.evaluate(() => document.getElementById('evil').contentWindow.postMessage('go', '*'));
  await page.waitForFunction(() => messages.some((m) => m.data === 'sent'), null, WAIT);
  await page.waitForTimeout(1000);
  assert.equal(await embed.evaluate(() => document.querySelector('wenxi-analyzer')), null, 'the embed took text from a sibling frame');
  // The allowed parent still gets through afterwards, and only its text was analyzed.
  await page.evaluate(([text, target]) => document.getElementById('embed').contentWindow.postMessage({ type: 'wenxi-analyze', text }, target), [POST, new URL(W).origin]);
  await page.waitForFunction(() => messages.some((m) => m.data?.type === 'wenxi-result'), null, WAIT);
  const text = await page.evaluate(() => messages.find((m) => m.data?.type === 'wenxi-result').data.report.articles[0].text);
  assert.ok(text.includes('长者食堂') && !text.includes('恶意'));
  await context.close();

  // 2. A page of another origin embeds the frame itself, so it is the parent: ignored too,
  //    and it hears nothing back.
  host.pages.set('/evil-parent.html', `<iframe id="embed" src="${W}embed.html?origin=${encodeURIComponent(new URL(H).origin)}"></iframe>
    <script>
      window.heard = [];
      addEventListener('message', (e) => heard.push(e.data));
      document.getElementById('embed').addEventListener('load', (e) => {
        e.target.contentWindow.postMessage({ type: 'wenxi-analyze', text: ${JSON.stringify(HOSTILE)} }, '*');
        window.posted = true;
      });
    </script>`);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(`${EVIL}evil-parent.html`);
  await otherPage.waitForFunction(() => window.posted, null, WAIT);
  await otherPage.waitForTimeout(1000);
  const frame = otherPage.frames().find((f) => f.url().startsWith(`${W}embed.html`));
  assert.equal(await frame.evaluate(() => document.querySelector('wenxi-analyzer')), null, 'the embed took text from a parent of another origin');
  assert.deepEqual(await otherPage.evaluate(() => heard), []);
  await other.close();
});

test('the iframe embed refuses to run without an origin', async () => {
  const body = `<iframe id="embed" src="${W}embed.html" style="width: 600px; height: 200px"></iframe>`;
  const { context, page } = await open('/embed-no-origin.html', hostPage(body, { script: false }));
  await page.waitForFunction(() => document.readyState === 'complete', null, WAIT);
  const frame = page.frames().find((f) => f.url().startsWith(`${W}embed.html`));
  await frame.waitForSelector('[role=alert]', WAIT);
  assert.match(await frame.textContent('[role=alert]'), /\?origin=/);
  await context.close();
});

test('the demo page shows several widgets (screenshot)', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${W}widget-demo.html`);
  // Scroll through the page so that every lazy widget starts.
  for (let y = 0; y < 4000; y += 600) {
    await page.evaluate((y) => scrollTo(0, y), y);
    await page.waitForTimeout(100);
  }
  await page.waitForFunction(() => [...document.querySelectorAll('wenxi-analyzer')].every((w) => w.report), null, WAIT);
  const widgets = await page.evaluate(() => document.querySelectorAll('wenxi-analyzer').length);
  assert.ok(widgets >= 4);
  await page.waitForFunction(() => document.getElementById('embed').getBoundingClientRect().height > 150, null, WAIT);
  await page.evaluate(() => scrollTo(0, 0));
  await page.waitForTimeout(200);
  await mkdir(new URL('.', SCREENSHOT), { recursive: true });
  await page.screenshot({ path: fileURLToPath(SCREENSHOT), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
