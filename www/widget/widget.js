// <wenxi-analyzer>: keywords, summary and counts of an article, shown next to it on any page.
//
//   <script type="module" src="https://example.org/wenxi/widget.js"></script>
//   <wenxi-analyzer for="#post"></wenxi-analyzer>
//
// The heavy part (the WASM core) runs in ONE worker shared by every widget of the page, and
// starts only when a widget comes near the viewport, so the host's main thread only builds a
// few DOM nodes. The module defines the element and nothing else: no globals, no document
// styles, analyzed text only ever inserted as text. Reference: docs/widget.md.
//
// `cargo xtask build` turns this file into dist/widget.js (inlining widget.css below) and
// copies worker.js to dist/widget-worker.js, next to wenxi.js and the .wasm.

import { cloudTerms } from '../corpus.js';

const WORKER_URL = new URL('./widget-worker.js', import.meta.url);
/** Where the widget's files are (named when they cannot be downloaded). */
const WIDGET_BASE = new URL('./', import.meta.url).href;
const CSS = /* @inline widget.css */ '';

const TAG = 'wenxi-analyzer';
/** Attributes whose change needs a new analysis; the others only re-render. */
const ANALYSIS_ATTRIBUTES = ['for', 'text', 'input', 'top-k', 'summary-sentences', 'method'];
const VIEW_ATTRIBUTES = ['lang', 'theme', 'compact', 'show'];
const PARTS = ['keywords', 'summary', 'stats', 'cloud'];
const DEFAULT_PARTS = ['keywords', 'summary', 'stats'];
/** Typing in an edited article should not start an analysis per key stroke. */
const MUTATION_DELAY_MS = 400;
/** Longest an analysis waits for a page that keeps changing. */
const MAX_WAIT_MS = 1500;
/** How long a missing `for` target may take to appear (a page that renders its article with
 *  script) before the widget says it is missing. */
const NO_TARGET_GRACE_MS = 3000;
/** Start loading a little before the widget is on screen. */
const PRELOAD_MARGIN = '200px 0px';
const CLOUD_WORDS = 30;
const CHARS_PER_MINUTE = 400;
/** Longest text analyzed, in UTF-16 units, markup included (a long novel; a few seconds of work in the worker).
 *  Longer text is refused with a message that says the limit. */
const MAX_CHARS = 2_000_000;

/** "12,345" in both languages, without `toLocaleString` (its first call loads ICU data, ~20 ms). */
const grouped = (n) => String(Math.trunc(Number(n))).replace(/\B(?=(\d{3})+$)/g, ',');

const STRINGS = {
  zh: {
    tag: 'zh-CN',
    label: '文析：文章关键词与摘要',
    brand: '文析',
    keywords: '关键词',
    summary: '摘要',
    stats: '统计',
    cloud: '词云',
    loading: '正在分析…',
    chars: '字数',
    words: '词数',
    sentences: '句子',
    paragraphs: '段落',
    reading: '阅读',
    minutes: (m) => (m < 1 ? '不到 1 分钟' : `约 ${Math.round(m)} 分钟`),
    times: (n) => `${n} 次`,
    empty: '没有可分析的文字。',
    notChinese: '这段文字里没有中文：文析为中文文章而做，其他语言的关键词和摘要不可靠。',
    nothing: '文字太短，没有找到关键词。',
    foot: '文析 · 在你的浏览器里分析，文字不离开本机',
    'bad-selector': (s) => `for="${s}" 不是有效的 CSS 选择器。`,
    'too-large': (n) => `文字有 ${grouped(n)} 字，超过了组件一次最多分析 ${grouped(MAX_CHARS)} 字的上限。`,
    crash: (m) => `分析器意外停止了：${m}`,
    'no-target': (s) => `页面上没有 for="${s}" 指向的元素。`,
    load: (m) => `分析器加载失败：${{ csp: '本页的内容安全策略（CSP）不允许它运行。', network: `无法从 ${WIDGET_BASE} 下载它的文件。` }[loadFailure(m)] ?? m}`,
    analyze: (m) => `分析失败：${m}`,
  },
  en: {
    tag: 'en',
    label: 'wenxi: keywords and summary of the article',
    brand: 'wenxi',
    keywords: 'Keywords',
    summary: 'Summary',
    stats: 'Stats',
    cloud: 'Word cloud',
    loading: 'Analyzing…',
    chars: 'Characters',
    words: 'Words',
    sentences: 'Sentences',
    paragraphs: 'Paragraphs',
    reading: 'Reading',
    minutes: (m) => (m < 1 ? 'under a minute' : `about ${Math.round(m)} min`),
    times: (n) => (n === 1 ? 'once' : `${n} times`),
    empty: 'There is no text to analyze.',
    notChinese: 'There is no Chinese in this text: wenxi is made for Chinese articles, and its keywords and summary of other languages are not reliable.',
    nothing: 'The text is too short for keywords.',
    foot: 'wenxi · analyzed in your browser; the text never leaves this device',
    'bad-selector': (s) => `for="${s}" is not a valid CSS selector.`,
    'too-large': (n) => `The text has ${grouped(n)} characters, above the widget's limit of ${grouped(MAX_CHARS)}.`,
    crash: (m) => `The analyzer stopped unexpectedly: ${m}`,
    'no-target': (s) => `No element on this page matches for="${s}".`,
    load: (m) => `The analyzer could not be loaded: ${{ csp: "this page's Content-Security-Policy does not allow it.", network: `its files could not be downloaded from ${WIDGET_BASE}.` }[loadFailure(m)] ?? m}`,
    analyze: (m) => `The analysis failed: ${m}`,
  },
};

const HAN = /\p{Script=Han}/u;

/** Why the analyzer did not load, from the browser's message: 'csp', 'network' or null. The
 *  message itself, in the browser's words, goes to the console for the site's developer. */
function loadFailure(message) {
  if (/Content.Security.Policy|unsafe-eval|Trusted ?Type|TrustedScriptURL/i.test(message)) return 'csp';
  if (/fetch|network|Failed to load|import|404|MIME|cannot start/i.test(message)) return 'network';
  return null;
}

const stringsFor = (lang) => (String(lang ?? '').toLowerCase().startsWith('en') ? STRINGS.en : STRINGS.zh);

/** An error with a stable `code` (bad-selector, no-target, too-large, load, analyze, crash)
 *  and its subject. */
class WenxiError extends Error {
  constructor(code, detail) {
    super(String(detail));
    this.code = code;
    this.detail = String(detail);
  }
}

// ---------------------------------------------------------------------------------------
// The shared engine: one worker, one WASM instance, for every widget of the page.

const engine = { ready: null, calls: new Map(), nextId: 1 };

/** A module worker for WORKER_URL. Browsers refuse `new Worker(url)` across origins, so a
 *  cross-origin widget boots a same-origin blob: worker that import()s the real module
 *  (which, like widget.js itself, needs an Access-Control-Allow-Origin header). */
function spawnWorker() {
  const options = { type: 'module', name: 'wenxi' };
  if (WORKER_URL.origin === location.origin) return { worker: new Worker(scriptURL(WORKER_URL.href), options), blob: null };
  const boot = `import(${JSON.stringify(WORKER_URL.href)}).catch((e) => postMessage({ type: 'boot-error', message: String((e && e.message) || e) }));`;
  const blob = URL.createObjectURL(new Blob([boot], { type: 'text/javascript' }));
  return { worker: new Worker(scriptURL(blob), options), blob };
}

/** A page that enforces Trusted Types (`require-trusted-types-for 'script'`) takes a worker
 *  URL only through a policy; ours, named `wenxi-analyzer`, is only ever given the two URLs
 *  above. Without Trusted Types, or where the page does not allow the policy, the plain URL. */
let policy;
function scriptURL(url) {
  if (policy === undefined) {
    try {
      policy = globalThis.trustedTypes?.createPolicy('wenxi-analyzer', { createScriptURL: (u) => u }) ?? null;
    } catch {
      policy = null;
    }
  }
  return policy ? policy.createScriptURL(url) : url;
}

let violation = null;
let listening = false;

/** A `load` error; the browser's own words go to the console, for the site's developer. */
function loadError(message) {
  console.warn(`wenxi: the analyzer did not load (${WIDGET_BASE}): ${message}`);
  // A download the page's CSP refused fails like any download: the violation says why.
  return new WenxiError('load', violation ? `${violation}; ${message}` : message);
}

/** Starts the worker once; resolves to it when the core is loaded. A failure resets the
 *  engine so that a later analysis tries again. */
function startEngine() {
  if (engine.ready) return engine.ready;
  if (!listening) {
    // A worker the page's CSP blocks fails without a message; the violation report says why.
    listening = true;
    document.addEventListener('securitypolicyviolation', (e) => {
      const ours = e.effectiveDirective === 'worker-src' || /^(blob|wasm-eval|trusted-types)/.test(e.blockedURI) || e.blockedURI.startsWith(WIDGET_BASE);
      if (ours) violation = `Content Security Policy: ${e.effectiveDirective} refused ${e.blockedURI}`;
    });
  }
  const ready = new Promise((resolve, reject) => {
    let spawned;
    try {
      spawned = spawnWorker();
    } catch (e) {
      // e.g. a host Content-Security-Policy without `worker-src blob:`.
      reject(loadError(String(e?.message ?? e)));
      return;
    }
    const { worker, blob } = spawned;
    let loaded = false;
    // The worker is gone (failed to load, or crashed): fail its calls; the next analysis
    // starts a fresh one.
    const stop = (error) => {
      worker.terminate();
      if (engine.ready === ready) engine.ready = null;
      for (const call of engine.calls.values()) call.reject(error);
      engine.calls.clear();
      reject(error);
    };
    worker.onmessage = ({ data }) => {
      if (blob) URL.revokeObjectURL(blob);
      if (data?.type === 'ready') {
        loaded = true;
        resolve(worker);
      } else if (data?.type === 'boot-error') stop(loadError(data.message));
      else if (data?.type === 'result' || data?.type === 'error') {
        const call = engine.calls.get(data.id);
        engine.calls.delete(data.id);
        if (data.type === 'result') call?.resolve(data.report);
        else {
          // A trapped WASM instance is unusable: it counts as a crash.
          const error = new WenxiError(data.fatal ? 'crash' : 'analyze', data.message);
          call?.reject(error);
          if (data.fatal) stop(error);
        }
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const message = event.message || violation || `cannot start ${WORKER_URL.href}`;
      stop(loaded ? new WenxiError('crash', message) : loadError(message));
    };
  });
  engine.ready = ready;
  ready.catch(() => {
    if (engine.ready === ready) engine.ready = null;
  });
  return ready;
}

async function analyzeInWorker(text, options, retry = true) {
  const worker = await startEngine();
  try {
    return await new Promise((resolve, reject) => {
      const id = engine.nextId++;
      engine.calls.set(id, { resolve, reject });
      worker.postMessage({ type: 'analyze', id, text, options });
    });
  } catch (error) {
    // After a crash a fresh worker gets one more try; a second crash is reported.
    if (error?.code === 'crash' && retry) return analyzeInWorker(text, options, false);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------
// Lazy start: one IntersectionObserver for all widgets.

const BECAME_VISIBLE = Symbol('visible');
let viewport = null;

function whenVisible(element) {
  if (typeof IntersectionObserver !== 'function') {
    queueMicrotask(() => element[BECAME_VISIBLE]());
    return;
  }
  viewport ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        viewport.unobserve(entry.target);
        entry.target[BECAME_VISIBLE]();
      }
    },
    { rootMargin: PRELOAD_MARGIN },
  );
  viewport.observe(element);
}

// ---------------------------------------------------------------------------------------
// Without a `theme`, a widget matches the page around it: dark where the page's text is light.
// Read from the colour the host inherits, so it works however the site switches to dark (a
// class on <html>, a media query, a stylesheet swap); one observer for all widgets.

const THEMES = ['light', 'dark', 'auto'];
const followers = new Set();
let pageWatch = null;
let probe = null;

/** Relative luminance (0 dark – 1 light) of a CSS colour in any syntax the browser knows. */
function luminance(color) {
  probe ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!probe) return 0;
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = '#000';
  probe.fillStyle = color;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
  const linear = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** 'dark' when the text colour `element` inherits is light, else 'light'. */
const pageScheme = (element) => (luminance(getComputedStyle(element).color) > 0.4 ? 'dark' : 'light');

function followPage(widget, follow) {
  if (!follow) {
    followers.delete(widget);
    return;
  }
  followers.add(widget);
  if (pageWatch) return;
  let queued = false;
  const update = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      for (const w of followers) w[PAGE_CHANGED]();
    });
  };
  pageWatch = new MutationObserver(update);
  for (const el of [document.documentElement, document.body]) if (el) pageWatch.observe(el, { attributes: true });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', update);
}

const PAGE_CHANGED = Symbol('page changed');

// ---------------------------------------------------------------------------------------
// DOM helpers. Strings become Text nodes (`append`), never markup.

function h(tag, attributes, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value != null && value !== false) el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child != null && child !== false) el.append(child);
  return el;
}

const BLOCKS = new Set(['P', 'DIV', 'LI', 'BR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'TR', 'HEADER', 'FOOTER', 'FIGCAPTION']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** Text of nodes that are not rendered (the widget's own children), with a line break
 *  around block elements so paragraphs stay paragraphs. */
function blockText(node) {
  let out = '';
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) out += child.data;
    else if (child.nodeType === Node.ELEMENT_NODE && !SKIPPED.has(child.tagName)) {
      const block = BLOCKS.has(child.tagName);
      out += (block ? '\n' : '') + blockText(child) + (block ? '\n' : '');
    }
  }
  return out;
}

// Page furniture inside the target — comments, related links, share bars, rankings, ads — by
// tag or by a word of its class or id: the rules the core applies to HTML input
// (src/ingest/html.rs, FURNITURE), for the rendered text the widget sends by default. Buttons
// ("展开全文", "分享") are controls, not text.
const FURNITURE_TAGS = new Set(['ASIDE', 'NAV', 'FOOTER', 'BUTTON']);
// A furniture word alone or run together with a UI ending (comments, commentList, sharebar,
// advertisement), not the start of another word (commentary, shareholder, hotel).
const FURNITURE_WORD = /^(?:comment|related|share|sharing|social|recommend|sidebar|breadcrumb|crumb|hot|rank|ranking|advert|ads|ad)(?:s|section|content|posts|articles|reading|list|box|bar|area|wrap|wrapper|panel|block|btn|btns|button|buttons|tool|tools|item|items|news|link|links|con|container|module|mod|zone|tab|tabs|top|isement|ising)?$/;
// Less prose than this left without the furniture is no article (a headline at most): the
// block dropped was the article itself, under a class name that only looks like furniture.
const MIN_ARTICLE_CHARS = 30;
const proseChars = (s) => s.match(/[\p{L}\p{N}]/gu)?.length ?? 0;

function isFurniture(el) {
  if (FURNITURE_TAGS.has(el.tagName)) return true;
  if (el.tagName === 'ARTICLE' || el.tagName === 'MAIN') return false;
  const words = `${el.id} ${el.getAttribute('class') ?? ''}`.split(/[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])/);
  return words.some((w) => FURNITURE_WORD.test(w.toLowerCase()));
}

/**
 * The target's text as rendered (`innerText`: hidden parts left out, a paragraph a line),
 * without the furniture inside it. A target that is not rendered at all (in a hidden tab) is
 * read from its nodes, scripts and styles left out.
 */
function articleText(target) {
  if (target.getClientRects().length === 0) return blockText(target);
  // Outermost furniture, in document order; a stack, as pages can nest very deeply.
  const furniture = [];
  const stack = [...target.children].reverse();
  while (stack.length) {
    const el = stack.pop();
    if (isFurniture(el)) furniture.push(el);
    else for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
  }
  if (furniture.length === 0) return target.innerText;
  const text = textWithout(target, new Set(furniture));
  if (proseChars(text) >= MIN_ARTICLE_CHARS) return text;
  // Nearly nothing left: the largest furniture block, if it holds prose, was the article.
  const sizes = furniture.map((el) => proseChars(el.innerText));
  const largest = sizes.indexOf(Math.max(...sizes));
  return sizes[largest] >= MIN_ARTICLE_CHARS ? textWithout(target, new Set(furniture.filter((_, i) => i !== largest))) : text;
}

/** `el`'s rendered text without the elements in `skip`: subtrees free of them are read whole
 *  (`innerText`), only the way down to each skipped element is walked. */
function textWithout(el, skip) {
  let out = '';
  for (const child of el.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) out += child.data.replace(/\s+/g, ' ');
    else if (child.nodeType !== Node.ELEMENT_NODE || skip.has(child) || SKIPPED.has(child.tagName)) continue;
    else {
      const style = getComputedStyle(child);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const block = !style.display.startsWith('inline');
      const holds = [...skip].some((s) => child.contains(s));
      const text = holds ? textWithout(child, skip) : child.innerText;
      out += block ? `\n${text}\n` : text;
    }
  }
  return out;
}

const METHODS = ['auto', 'tfidf', 'textrank'];
const INPUTS = ['text', 'html'];
/** Attributes that show or hide parts of an article (a "展开全文" button flips one of them). */
const WATCHED_ATTRIBUTES = ['hidden', 'style', 'class', 'open'];

/** `value` lower-cased if it is one of `allowed`, else `fallback`. */
function oneOf(value, allowed, fallback) {
  const v = value?.trim().toLowerCase();
  return allowed.includes(v) ? v : fallback;
}

function intAttribute(el, name, fallback, min, max) {
  const raw = el.getAttribute(name);
  const n = raw == null || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : fallback;
}

let sheet = null;
function adoptStyles(shadow) {
  if ('adoptedStyleSheets' in shadow && 'replaceSync' in CSSStyleSheet.prototype) {
    // One parsed stylesheet shared by every widget.
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    shadow.adoptedStyleSheets = [sheet];
  } else {
    shadow.append(h('style', null, CSS));
  }
}

// ---------------------------------------------------------------------------------------
// The element.

export class WenxiAnalyzer extends HTMLElement {
  static observedAttributes = [...ANALYSIS_ATTRIBUTES, ...VIEW_ATTRIBUTES];

  #view;
  #text = null;
  #report = null;
  #error = null;
  #empty = false;
  #visible = false;
  #readyFired = false;
  #timer = 0;
  #busy = false;
  #dirty = false;
  #last = { text: null, options: null };
  #watched = null;
  #target = null;
  #deadline = 0;
  /** When the `for` target was first found missing (0: it is there). */
  #missingSince = 0;
  #graceTimer = 0;
  #mutations = new MutationObserver((records) => this.#changed(records));

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    adoptStyles(shadow);
    this.#view = h('div', { class: 'root', part: 'root', role: 'region' });
    shadow.append(this.#view);
    // A `text` set before the element was defined is an own property hiding the setter.
    if (Object.prototype.hasOwnProperty.call(this, 'text')) {
      const value = this.text;
      delete this.text;
      this.text = value;
    }
    this.#render();
  }

  /** Text to analyze, instead of the `for` target or the element's content. */
  get text() {
    return this.#text ?? this.getAttribute('text');
  }
  set text(value) {
    this.#text = value == null ? null : String(value);
    this.#schedule(0);
  }

  /** The latest Report, or null. */
  get report() {
    return this.#report;
  }

  /** Analyze again now, even if the text did not change. */
  refresh() {
    this.#last = { text: null, options: null };
    this.#schedule(0);
  }

  connectedCallback() {
    // Before the first paint, without forcing a style calculation while the page parses.
    requestAnimationFrame(() => this.#scheme());
    if (this.#visible) this.#schedule(0);
    else whenVisible(this);
  }

  disconnectedCallback() {
    clearTimeout(this.#timer);
    this.#timer = 0;
    viewport?.unobserve(this);
    followPage(this, false);
    this.#watch(null);
  }

  [PAGE_CHANGED]() {
    this.#scheme();
  }

  /** The colour scheme: the `theme` attribute's, or (without one) the page's. */
  #scheme() {
    const follow = this.isConnected && !oneOf(this.getAttribute('theme'), THEMES, '');
    followPage(this, follow);
    if (follow) this.#view.dataset.scheme = pageScheme(this);
    else delete this.#view.dataset.scheme;
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (name === 'theme') this.#scheme();
    if (ANALYSIS_ATTRIBUTES.includes(name)) this.#schedule(0);
    else this.#render();
  }

  [BECAME_VISIBLE]() {
    if (this.#visible) return;
    this.#visible = true;
    startEngine().then(
      () => {
        if (this.#readyFired) return;
        this.#readyFired = true;
        this.#emit('wenxi-ready', null);
      },
      () => {}, // reported by the analysis that waits on it
    );
    this.#schedule(0);
  }

  #strings() {
    return stringsFor(this.getAttribute('lang'));
  }

  #parts() {
    const asked = (this.getAttribute('show') ?? '').toLowerCase().split(/[\s,]+/).filter((p) => PARTS.includes(p));
    return new Set(asked.length ? asked : DEFAULT_PARTS);
  }

  #options() {
    return {
      topK: intAttribute(this, 'top-k', 10, 1, 50),
      summarySentences: intAttribute(this, 'summary-sentences', 3, 0, 20),
      // Like every other attribute, an unknown value falls back to the default.
      method: oneOf(this.getAttribute('method'), METHODS, 'auto'),
      // The widget shows the article on its page: sections and rules inside it never make
      // it several articles.
      oneArticle: true,
    };
  }

  #schedule(delay) {
    if (!this.#visible || !this.isConnected) return;
    const now = performance.now();
    // Debounced, but never later than MAX_WAIT_MS after the first change that asked: a page
    // that keeps changing (a clock, a carousel) must not hold the analysis off for ever.
    if (this.#timer && delay > 0 && now + delay > this.#deadline) return;
    if (!this.#timer || delay === 0) this.#deadline = now + MAX_WAIT_MS;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = 0;
      this.#run();
    }, delay);
  }

  /**
   * Watches `node` (the element's own content) or, with a `for` selector, the root it is
   * looked up in: the target may be edited, revealed ("展开全文" removes `hidden`), replaced
   * (a single-page site's navigation) or inserted late (a client-rendered article).
   */
  #watch(node, target = null) {
    this.#target = target;
    if (this.#watched === node) return;
    this.#mutations.disconnect();
    this.#watched = node;
    if (!node) return;
    this.#mutations.observe(node, {
      childList: true,
      characterData: true,
      subtree: true,
      attributes: node !== this,
      attributeFilter: node !== this ? WATCHED_ATTRIBUTES : undefined,
    });
  }

  #changed(records) {
    if (this.#watched === this) {
      this.#schedule(MUTATION_DELAY_MS);
      return;
    }
    const target = this.#target;
    // Changes elsewhere on the page are none of ours; a target that is gone is looked up again,
    // and a missing one once it is there.
    let ours;
    // An ancestor's attributes count too: a tab or a "展开全文" may show the target by a class
    // on its container.
    if (target) ours = !target.isConnected || records.some((r) => target.contains(r.target) || (r.type === 'attributes' && r.target.contains(target)));
    else {
      try {
        ours = this.#lookUp() != null;
      } catch {
        ours = false;
      }
    }
    if (ours) this.#schedule(MUTATION_DELAY_MS);
  }

  /** The element `for` selects, or null; throws for a selector that is not valid CSS. */
  #lookUp() {
    const selector = this.getAttribute('for')?.trim();
    try {
      return this.getRootNode().querySelector(selector);
    } catch {
      throw new WenxiError('bad-selector', selector);
    }
  }

  /** The text to analyze: `text`, else the `for` target, else the element's own content. */
  #source() {
    const text = this.text;
    if (text != null) {
      this.#watch(null);
      return text;
    }
    const selector = this.getAttribute('for')?.trim();
    if (!selector) {
      this.#watch(this);
      return blockText(this);
    }
    let target;
    try {
      target = this.#lookUp();
    } catch (error) {
      this.#watch(null);
      throw error;
    }
    this.#watch(this.getRootNode(), target);
    if (!target) throw new WenxiError('no-target', selector);
    // innerText is the text as rendered: hidden parts left out, paragraphs on their own lines.
    // Furniture inside the target (comments, related links…) is left out too.
    return oneOf(this.getAttribute('input'), INPUTS, 'text') === 'html' ? target.innerHTML : articleText(target);
  }

  async #run() {
    if (!this.isConnected) return;
    if (this.#busy) {
      this.#dirty = true;
      return;
    }
    let text;
    try {
      text = this.#source();
    } catch (error) {
      if (error.code === 'no-target' && document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', () => this.#schedule(0), { once: true });
      } else if (error.code === 'no-target' && this.#waitForTarget()) {
        // Still within the grace: the page may yet render its article (the target is watched).
      } else {
        this.#fail(error);
      }
      return;
    }
    this.#missingSince = 0;
    const options = this.#options();
    const key = JSON.stringify(options);
    if ((this.#report || this.#empty) && text === this.#last.text && key === this.#last.options) return;
    this.#last = { text, options: key };
    if (!text.trim()) {
      this.#report = null;
      this.#error = null;
      this.#empty = true;
      this.#render();
      // As the core answers empty text: a valid Report without articles.
      this.#emit('wenxi-result', { articles: [] });
      return;
    }
    if (text.length > MAX_CHARS) {
      this.#fail(new WenxiError('too-large', text.length));
      return;
    }
    this.#busy = true;
    try {
      const report = await analyzeInWorker(text, options);
      this.#report = report;
      this.#error = null;
      this.#empty = false;
      this.#render();
      this.#emit('wenxi-result', report);
    } catch (error) {
      this.#last = { text: null, options: null };
      this.#fail(error);
    } finally {
      this.#busy = false;
      if (this.#dirty) {
        this.#dirty = false;
        this.#schedule(0);
      }
    }
  }

  /** True while a missing target may still appear; looks again when the grace ends. */
  #waitForTarget() {
    const now = performance.now();
    this.#missingSince ||= now;
    const left = NO_TARGET_GRACE_MS - (now - this.#missingSince);
    if (left <= 0) return false;
    clearTimeout(this.#graceTimer);
    this.#graceTimer = setTimeout(() => this.#schedule(0), left);
    return true;
  }

  #fail(error) {
    this.#error = error instanceof WenxiError ? error : new WenxiError('analyze', error?.message ?? error);
    this.#report = null;
    this.#empty = false;
    this.#render();
    this.#emit('wenxi-error', { code: this.#error.code, message: this.#errorText() });
  }

  #errorText() {
    return this.#strings()[this.#error.code](this.#error.detail);
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #render() {
    const t = this.#strings();
    const view = this.#view;
    view.setAttribute('lang', t.tag);
    view.setAttribute('aria-label', t.label);
    view.setAttribute('aria-busy', String(!this.#report && !this.#error && !this.#empty));
    // One article at most: the widget asks the core to read its text as one (`oneArticle`).
    const article = this.#report?.articles[0] ?? null;
    const title = article?.title;
    const head = h('div', { class: 'head' }, h('span', { class: 'brand' }, t.brand), title && h('span', { class: 'title', lang: 'zh-CN' }, title));
    let body;
    if (this.#error) body = h('p', { class: 'error', role: 'alert', part: 'error' }, this.#errorText());
    else if (this.#empty) body = h('p', { class: 'note' }, t.empty);
    else if (!this.#report) body = h('div', { class: 'loading' }, h('span', { class: 'sr-only' }, t.loading), h('div', { class: 'bar' }), h('div', { class: 'bar' }), h('div', { class: 'bar' }));
    // Text the core found nothing in (only symbols or emoji, markup without text).
    else if (!article) body = h('p', { class: 'note' }, t.empty);
    else {
      body = [this.#article(article, t)];
      // The core reads any language, but its keywords and summaries are only good in Chinese.
      if (!HAN.test(article.text)) body.unshift(h('p', { class: 'note' }, t.notChinese));
    }
    view.replaceChildren(head, ...[body].flat(), h('p', { class: 'foot' }, t.foot));
  }

  #article(article, t) {
    const parts = this.#parts();
    const sections = [];
    if (parts.has('keywords') && article.keywords.length) {
      sections.push(
        h('section', { class: 'keywords', part: 'keywords' }, h('h3', null, t.keywords),
          h('ol', { class: 'chips', lang: 'zh-CN' }, article.keywords.map((k) =>
            h('li', { class: 'chip', part: 'keyword' }, h('span', { class: 'word' }, k.word), h('span', { class: 'count', 'aria-label': t.times(k.count) }, `×${k.count}`))))),
      );
    }
    if (parts.has('summary') && article.summary.length) {
      sections.push(
        h('section', { class: 'summary', part: 'summary' }, h('h3', null, t.summary),
          // An item trimmed to its topic clause is followed by the rest of its sentence, muted.
          h('ol', { lang: 'zh-CN' }, article.summary.map((s) => h('li', null, s.text,
            h('span', { class: 'rest' }, article.text.slice(s.end, Math.max(s.end, s.sentenceEnd ?? 0)).trimEnd()))))),
      );
    }
    if (parts.has('stats')) {
      const s = article.stats;
      const item = (label, value) => h('div', null, h('dt', null, label), h('dd', null, value));
      sections.push(
        h('section', { class: 'stats', part: 'stats' }, h('h3', null, t.stats),
          h('dl', null,
            item(t.chars, grouped(s.chars)),
            item(t.words, grouped(s.words)),
            item(t.sentences, grouped(s.sentences)),
            item(t.paragraphs, grouped(s.paragraphs)),
            item(t.reading, t.minutes(s.chars / CHARS_PER_MINUTE)))), // worded as on the page
      );
    }
    if (parts.has('cloud') && article.frequencies.length) {
      // As in the page: a key phrase or name (赫拉利) is one word, not its pieces (赫拉).
      sections.push(h('section', { class: 'cloud', part: 'cloud' }, h('h3', null, t.cloud), cloud(cloudTerms(article), t)));
    }
    if (!sections.length || (parts.has('keywords') && !article.keywords.length)) sections.push(h('p', { class: 'note' }, t.nothing));
    return h('div', { class: 'article' }, sections);
  }
}

/** A keyword-size tag cloud: the most frequent terms, larger when more frequent, the
 *  largest in the middle. Pure CSS layout, so it costs the main thread nothing. */
function cloud(terms, t) {
  const top = terms.slice(0, CLOUD_WORDS);
  const max = Math.sqrt(top[0].count);
  const min = Math.sqrt(top[top.length - 1].count);
  const ordered = [];
  top.forEach((f, i) => (i % 2 ? ordered.push(f) : ordered.unshift(f)));
  return h('p', { class: 'cloud-words', lang: 'zh-CN' }, ordered.map((f) => {
    const weight = max === min ? 0.5 : (Math.sqrt(f.count) - min) / (max - min);
    const word = h('span', { class: weight > 0.66 ? 'hot' : null, title: `${f.word} · ${t.times(f.count)}` }, f.word);
    word.style.setProperty('--w', weight.toFixed(2));
    return word;
  }));
}

if (!customElements.get(TAG)) customElements.define(TAG, WenxiAnalyzer);
