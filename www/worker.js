// worker.js — the wenxi analyzer in a Web Worker, so the page never blocks on WASM work.
//
// Start it as a module worker:  new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })
// (`analyzer-client.js` wraps this protocol in promises; any page can reuse the pair.)
//
// Protocol — plain structured-clone messages.
//   Worker → page, once:   { ready: true, ms }  analyzer loaded (ms since the worker started)
//                          { ready: false, error }  loading failed
//   Page → worker:         { id, op, ...arguments }   `id` is any number unique per request.
//   Worker → page reply:   { id, ok: true, value }  or  { id, ok: false, error, cancelled?, fatal? }
//                          `fatal`: the WASM instance trapped (a RuntimeError such as
//                          "unreachable" after a panic, or out of memory) and is unusable; the
//                          worker answers every later request the same way. Terminate it and
//                          start a new one. An uncaught error (the worker's `error` event) means
//                          the same.
//   Requests sent before `ready` wait for the analyzer; replies come in request order except
//   that a running `analyzeBatch` lets other requests through between articles.
//
//   op               arguments                    value
//   analyze          text, options                Report ({ articles })
//   analyzeBatch     items: [{ key, text }],      { articles: n, ms }   and, while running:
//                    options                        { id, progress: { done, total, chars, totalChars } }
//                                                   { id, item: { key, articles } | { key, error } }
//                                                 (one `item` per input, in input order; progress
//                                                 counts articles and their UTF-16 characters)
//                                                 An article longer than PART_CHARS is analyzed
//                                                 in parts: each part is one Report article with
//                                                 `part: { index, count }` (1-based) added.
//   cancel           target (a batch id)          —  no reply; the batch replies
//                                                   { ok: false, cancelled: true }
//   decode           bytes (ArrayBuffer|Uint8Array) string (UTF-8, UTF-16 BOM, GBK/GB18030)
//   tag              text, hmm                    [{ word, tag, user? }]
//   spans            text, mode, hmm              Uint32Array [start, end, …]
//   addWord          word, freq?, tag?            frequency used
//   loadDictionary   text (jieba format)          { added, errors: [{ line, message }] }
//
// A batch cannot be interrupted inside one article (or part); a caller that needs a hard stop
// terminates the worker and starts a new one (replaying its user dictionary). After `ready`
// the worker runs a few warm-up analyses between requests (see warmUp below).
import { load } from './wenxi.js';
// Also imported by wenxi.js; naming it here lets both be fetched at once (one round trip less
// before the WASM starts loading).
import './wenxi_core.js';

/**
 * Longest article body analyzed in one piece, in UTF-16 units (about a long novel). Longer
 * bodies are cut into parts at paragraph or sentence ends: one call per part keeps the WASM
 * memory bounded and lets progress and cancellation through between parts.
 */
const PART_CHARS = 1_000_000;

const started = performance.now();
const analyzer = load();
analyzer.then(
  (w) => {
    postMessage({ ready: true, ms: Math.round(performance.now() - started) });
    // Warm-up is optional; only a trap, which leaves the instance dead, matters.
    warmUp(w).catch((e) => isTrap(e) && crash(e));
  },
  (e) => postMessage({ ready: false, error: String(e?.message ?? e) }),
);

// A trap leaves the WASM instance in an unknown state: after one, every request fails.
let dead = null;
const isTrap = (e) => e instanceof WebAssembly.RuntimeError;
const message = (e) => String(e?.message ?? e);

/** A trap outside any request: rethrown as an uncaught error, the page's sign of a crash. */
function crash(e) {
  dead ??= message(e);
  setTimeout(() => {
    throw e;
  });
}

// The engine first runs WASM from its baseline compiler and optimizes hot code in the
// background. A few small analyses right after loading get that done before the user's first
// click (it halves the first result's time); they yield between runs, so requests go first.
// Some read the demo as a saved web page, so the HTML reader is warm too for the first files
// (a first batch of 200 seed excerpts: about 10% faster).
async function warmUp(w) {
  const { DEMO_TEXT } = await import('./demo.js');
  const page = `<!doctype html><title>示例</title><nav><a href="/">首页</a></nav><article>${
    DEMO_TEXT.split('\n').map((line) => `<p>${line}</p>`).join('')}</article><footer>版权所有</footer>`;
  for (let i = 0; i < 10; i++) {
    await yieldToMessages();
    w.analyze(`${i % 3 === 0 ? page : DEMO_TEXT}${i}`, { maxFrequencies: 500 });
  }
}

const cancelled = new Set();

// A macrotask yield without setTimeout's 4 ms clamping, so `cancel` messages get a turn.
const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToMessages = () => new Promise((resolve) => {
  waiting.push(resolve);
  channel.port2.postMessage(0);
});

const ops = {
  analyze: (w, m) => w.analyze(m.text, m.options),
  decode: (w, m) => w.decode(m.bytes),
  tag: (w, m) => w.tag(m.text, { hmm: m.hmm }),
  spans: (w, m) => w.spans(m.text, { mode: m.mode, hmm: m.hmm }),
  addWord: (w, m) => w.addWord(m.word, m.freq, m.tag),
  loadDictionary: (w, m) => w.loadDictionary(m.text),
  analyzeBatch,
};

/** Cuts a body into pieces of at most `max` UTF-16 units: after a line break when one is in
 *  the second half of the window, else after a sentence end, else between characters. */
function cutBody(body, max = PART_CHARS) {
  const pieces = [];
  let start = 0;
  while (body.length - start > max) {
    const half = start + Math.floor(max / 2);
    let end = start + max;
    let next = end;
    const newline = body.lastIndexOf('\n', end - 1);
    if (newline >= half) {
      end = newline;
      next = newline + 1;
    } else {
      let k = end - 1;
      while (k >= half && !SENTENCE_END.has(body[k])) k -= 1;
      if (k >= half) end = next = k + 1;
      else if (isHighSurrogate(body.charCodeAt(end - 1))) end = next = end - 1;
    }
    pieces.push(body.slice(start, end));
    start = next;
  }
  pieces.push(body.slice(start));
  return pieces;
}

const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';', '…']);
const isHighSurrogate = (c) => c >= 0xd800 && c <= 0xdbff;

/** Parts of one input: articles, long ones cut into numbered pieces. */
function partsOf(articles) {
  return articles.flatMap((article) => {
    if (article.body.length <= PART_CHARS) return [{ article }];
    const pieces = cutBody(article.body);
    return pieces.map((body, i) => ({ article: { ...article, body }, part: { index: i + 1, count: pieces.length } }));
  });
}

async function analyzeBatch(w, { id, items, options }) {
  const t0 = performance.now();
  // Splitting is cheap next to analysis; doing it first gives an article total for progress.
  const parts = items.map((item) => {
    try {
      return { key: item.key, parts: partsOf(w.splitArticles(item.text, options)) };
    } catch (e) {
      if (isTrap(e)) throw e;
      return { key: item.key, error: message(e) };
    }
  });
  const total = parts.reduce((n, p) => n + (p.parts?.length ?? 0), 0);
  const totalChars = parts.reduce((n, p) => n + (p.parts ?? []).reduce((m, part) => m + part.article.body.length, 0), 0);
  let done = 0;
  let chars = 0;
  let lastPost = 0;
  let lastYield = performance.now();
  const progress = () => postMessage({ id, progress: { done, total, chars, totalChars } });
  progress();
  for (const p of parts) {
    if (p.error) {
      postMessage({ id, item: { key: p.key, error: p.error } });
      continue;
    }
    const articles = [];
    try {
      for (const { article, part } of p.parts) {
        if (performance.now() - lastYield > 16) {
          await yieldToMessages();
          lastYield = performance.now();
          if (cancelled.delete(id)) return { cancelled: true };
        }
        const report = w.analyzeArticle(article, options);
        if (part) report.part = part;
        articles.push(report);
        done += 1;
        chars += article.body.length;
        if (performance.now() - lastPost > 50) {
          lastPost = performance.now();
          progress();
        }
      }
      postMessage({ id, item: { key: p.key, articles } });
    } catch (e) {
      if (isTrap(e)) throw e; // the instance is gone: the whole batch fails as fatal
      postMessage({ id, item: { key: p.key, error: message(e) } });
    }
  }
  progress();
  return { articles: done, ms: Math.round(performance.now() - t0) };
}

onmessage = async ({ data: m }) => {
  if (m.op === 'cancel') {
    cancelled.add(m.target);
    return;
  }
  const run = ops[m.op];
  try {
    if (dead) throw new WebAssembly.RuntimeError(dead);
    if (!run) throw new Error(`unknown op "${m.op}"`);
    const value = await run(await analyzer, m);
    if (value?.cancelled) {
      postMessage({ id: m.id, ok: false, cancelled: true, error: 'cancelled' });
    } else {
      postMessage({ id: m.id, ok: true, value });
    }
  } catch (e) {
    if (isTrap(e)) dead ??= message(e);
    postMessage({ id: m.id, ok: false, error: message(e), fatal: isTrap(e) || undefined });
  }
};
