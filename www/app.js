// wenxi page: wires input, persistence, the analyzer worker and the views together.
//
// Data flow: an input (paste, file, drop, demo) becomes a *source* {id, name, kind, text},
// saved to IndexedDB first, then analyzed in the worker; each source yields one or more
// articles (keys "<sourceId>:<index>"). Settings and the user dictionary are saved too.
// Timing marks for `cargo xtask bench`: wenxi:interactive, wenxi:ready, measure wenxi:results.
import { h, byId, replace } from './dom.js';
import { t, setLanguage, language, num, chars } from './i18n.js';
import { Store } from './store.js';
import { AnalyzerClient, Cancelled, Crashed } from './analyzer-client.js';
import { ArticleView, readingTime, shortDate, titleOf } from './views/article.js';
import { CorpusView } from './views/corpus.js';
import { renderArticleList } from './views/articles.js';
import { isHeadingLine } from './views/text.js';
import { dictionaryEntries, dictionaryLine, withLines, validWord, renderDictionary, renderDictionaryErrors } from './views/dictionary.js';
import { reportJson, reportsJsonl, frequenciesCsv, summaryMarkdown, summariesMarkdown, csv, fileName } from './export.js';
import { registerServiceWorker } from './pwa.js';

const DEFAULTS = Object.freeze({ topK: 10, lengthMode: 'sentences', summarySentences: 3, summaryChars: 150, method: 'auto', mode: 'default', hmm: true, split: true });
// Every content word (the core's default keeps 200): the table says how many there are, the CSV
// export is the whole list and corpus TF-IDF counts them all. The worker analyzes at most a
// million characters at once, so no article has more distinct words than this; a finite
// number keeps the options in an exported Report valid JSON.
const MAX_FREQUENCIES = 1_000_000;
const TEXT_FILE = /\.(txt|text|md|markdown|html?)$/i;
// Limits (docs/robustness.md). One input — a file, a paste, dropped text — up to 64 MB: a
// 50 MB input takes about a minute and 1.3 GB in this tab; far more would exhaust it.
const MAX_INPUT_BYTES = 64_000_000;
// A paste longer than this skips the text box (browsers crawl with megabytes in a textarea)
// and becomes an input at once.
const BOX_PASTE_CHARS = 1_000_000;
// jieba's largest published dictionary is 8 MB.
const MAX_DICTIONARY_BYTES = 16_000_000;

// IndexedDB opens while the page starts; every use waits for it.
const storeReady = Store.open();
const store = Object.fromEntries(['sources', 'putSources', 'deleteSource', 'clearSources', 'get', 'set']
  .map((name) => [name, (...args) => storeReady.then((s) => s[name](...args))]));

const state = {
  settings: { ...DEFAULTS },
  sources: [],
  results: new Map(), // source id → {articles} | {error}
  selected: null, // article key
  view: 'article',
  dictionary: '', // jieba-format lines
  job: null,
  queue: new Set(),
  crashes: new Map(), // source id → crashes of the worker while it was analyzed alone
  alone: new Set(), // source ids analyzed one per batch since a crash
  focusSource: null, // select this source's first article when its result arrives
  restoring: null, // {selected, view} saved before a reload, applied once the analysis is back
  clickMark: false,
  storageUnavailable: false, // the browser refuses IndexedDB: nothing survives a reload
  unsaved: new Set(), // ids of sources a write failed for (quota): saved again at the next chance
  stale: new Set(), // ids of sources whose results are from settings changed since
  staleShown: false, // whether the list marks them (not during a quick re-analysis)
  cancelled: new Set(), // ids of sources a cancel left unanalyzed
};

const els = {
  input: byId('article-input'),
  analyze: byId('analyze'),
  openFiles: byId('open-files'),
  fileInput: byId('file-input'),
  demo: byId('demo'),
  welcomeDemo: byId('welcome-demo'),
  list: byId('article-list'),
  listMore: byId('articles-more'),
  listEmpty: byId('articles-empty'),
  listKept: byId('articles-kept'),
  count: byId('article-count'),
  clearAll: byId('clear-all'),
  status: byId('status'),
  undo: byId('undo'),
  optionsNote: byId('options-note'),
  progress: byId('progress'),
  progressBar: byId('progress-bar'),
  progressText: byId('progress-text'),
  cancel: byId('cancel'),
  alerts: byId('alerts'),
  tabs: document.querySelector('.tabs'),
  tabArticle: byId('tab-article'),
  tabCorpus: byId('tab-corpus'),
  welcome: byId('welcome'),
  viewArticle: byId('view-article'),
  viewCorpus: byId('view-corpus'),
  overlay: byId('drop-overlay'),
  confirm: byId('confirm'),
  confirmText: byId('confirm-text'),
  confirmOk: byId('confirm-ok'),
  confirmCancel: byId('confirm-cancel'),
  lang: byId('lang-toggle'),
  theme: byId('theme-toggle'),
  opt: {
    topK: byId('opt-topk'),
    length: byId('opt-length'),
    lengthMode: byId('opt-length-mode'),
    method: byId('opt-method'),
    mode: byId('opt-mode'),
    hmm: byId('opt-hmm'),
    split: byId('opt-split'),
  },
  dict: {
    word: byId('dict-word'),
    freq: byId('dict-freq'),
    tag: byId('dict-tag'),
    add: byId('dict-add'),
    import: byId('dict-import'),
    file: byId('dict-file'),
    errors: byId('dict-errors'),
    note: byId('dict-note'),
    list: byId('dict-list'),
    count: byId('dict-count'),
  },
};

// ---------------------------------------------------------------- messages

// The last translated status, so switching language re-translates it.
let lastStatus = null;
const setStatus = (text) => {
  lastStatus = null;
  els.status.textContent = text;
  els.undo.hidden = true;
};
/** Shows the status message `key` (an i18n key) with `values`. */
function say(key, values) {
  setStatus(t(key, values));
  lastStatus = [key, values];
}

/**
 * A lasting message (errors the user must see), with a dismiss button and an optional action
 * (`{label, run}`). An `input` alert is about one batch of inputs (a file that could not be
 * read): the next input the user gives clears it, so old failures do not pile up.
 */
function showAlert(text, action = null, { input = false } = {}) {
  // The same failure repeating (e.g. every draft save on a full disk) shows once.
  if ([...els.alerts.children].some((a) => a.firstChild?.textContent === text)) return;
  const item = h('div', { class: 'alert', dataset: input ? { about: 'input' } : {} },
    h('span', {}, text),
    action && h('button', { type: 'button', class: 'small', attrs: { 'data-testid': 'alert-action' }, on: { click: () => {
      action.run();
      settle();
    } } }, action.label),
    h('button', { type: 'button', class: 'small', on: { click: () => {
      item.remove();
      settle();
    } } }, t('storage.dismiss')));
  // A button that took its alert away leaves the focus on the page: it goes to the next alert,
  // or to the article list, or where the next input comes from.
  const settle = () => {
    if (item.isConnected) return;
    const next = els.alerts.querySelector('button') ?? els.list.querySelector('button[tabindex="0"]');
    if (next) next.focus();
    else focusInput();
  };
  els.alerts.append(item);
  return item;
}

/** Clears the alerts about earlier inputs (see `showAlert`). */
function clearInputAlerts() {
  for (const a of els.alerts.querySelectorAll('[data-about="input"]')) a.remove();
}

const mb = (bytes) => num(bytes / 1e6, 1);

/** UTF-8 size of a string (what it would be as a file). */
function utf8Length(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
  }
  return n;
}

/** Refuses an input over the limit, saying so; true when refused. */
function tooLarge(bytes, name) {
  if (bytes <= MAX_INPUT_BYTES) return false;
  showAlert(t('input.tooLarge', { name, size: mb(bytes), limit: mb(MAX_INPUT_BYTES) }), null, { input: true });
  return true;
}

/** A worker error message in the user's words where we know it. */
const errorText = (message) => (/not a text file/.test(message) ? t('error.notText') : message);

function storageFailed(error, what) {
  const label = t(`storage.what.${what}`);
  if (error?.kind === 'quota') showAlert(t('storage.quota', { what: label }));
  else if (error?.kind === 'unavailable') {
    // The browser's own reason is English and technical: for the console, not the message.
    console.warn('wenxi: storage unavailable:', error.message);
    state.storageUnavailable = true;
    els.listKept.hidden = true;
    showAlert(t('storage.unavailable'));
  }
  else showAlert(t('storage.failed', { what: label, error: error?.message ?? String(error) }));
}

// ---------------------------------------------------------------- sources and articles

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

function sourceName(s) {
  if (s.name) return s.name;
  // 24-hour "09:05:31" in both languages, without loading ICU's date data at start-up; the
  // seconds tell apart texts pasted in the same minute.
  const added = new Date(s.added);
  const time = [added.getHours(), added.getMinutes(), added.getSeconds()].map((v) => String(v).padStart(2, '0')).join(':');
  return `${t(s.kind === 'demo' ? 'source.demo' : 'source.pasted')} ${time}`;
}

// Identifies a removed article across re-analyses (splitting does not depend on options).
const fingerprints = new WeakMap();
function fingerprint(article) {
  let known = fingerprints.get(article);
  if (!known) fingerprints.set(article, (known = hashArticle(article)));
  return known;
}

function hashArticle(article) {
  let hash = 0x811c9dc5;
  const s = `${article.title ?? ''}\u0000${article.text}`;
  for (let i = 0; i < s.length; i++) hash = Math.imul(hash ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return `${hash.toString(16)}-${s.length}`;
}

let itemsCache = null;
const invalidate = () => (itemsCache = null);

/** Everything in the list: analyzed articles, and sources still pending or failed. */
function items() {
  if (itemsCache) return itemsCache;
  const out = [];
  for (const s of state.sources) {
    const r = state.results.get(s.id);
    const name = sourceName(s);
    // Not analyzed: waiting for its turn, or left so by a cancel.
    if (!r) out.push({ kind: 'pending', key: s.id, sourceId: s.id, sourceName: name, cancelled: state.cancelled.has(s.id) });
    else if (r.error) out.push({ kind: 'error', key: s.id, sourceId: s.id, sourceName: name, error: r.error });
    // Nothing to analyze (blank, symbols, emoji): listed, so the input does not just vanish.
    else if (r.articles.length === 0) out.push({ kind: 'error', key: s.id, sourceId: s.id, sourceName: name, error: t('source.noText') });
    else {
      const removed = new Set(s.removed ?? []);
      const stale = state.staleShown && state.stale.has(s.id);
      r.articles.forEach((article, i) => {
        if (removed.size === 0 || !removed.has(fingerprint(article))) out.push({ kind: 'article', key: `${s.id}:${i}`, sourceId: s.id, sourceName: name, article, stale });
      });
    }
  }
  return (itemsCache = out);
}

const articleItems = () => items().filter((x) => x.kind === 'article');
const sourceById = (id) => state.sources.find((s) => s.id === id);

async function addSources(list) {
  if (list.length === 0) return;
  // The same text twice (a file opened again, a paste of a text already loaded) would count
  // every word twice in the corpus view: it is not added again, and the copy already there is
  // shown. Differently named files are kept even when their text is the same.
  const byText = new Map(); // trimmed text → sources with it
  const sharing = (text) => byText.get(text) ?? byText.set(text, []).get(text);
  for (const x of state.sources) sharing(x.text.trim()).push(x);
  const fresh = [];
  let again = null;
  for (const s of list) {
    const text = s.text.trim();
    const same = sharing(text);
    const copy = text && same.find((x) => s.kind !== 'file' || x.name === s.name);
    if (copy) {
      again ??= copy;
      continue;
    }
    same.push(s);
    fresh.push(s);
  }
  if (again) {
    say('status.duplicate', { name: again.name ?? t('source.pasted') });
    if (fresh.length === 0) {
      if (again.id && state.results.has(again.id)) openItem(`${again.id}:0`);
      return;
    }
  }
  list = fresh;
  const now = Date.now();
  const sources = list.map((s, i) => ({ id: newId(), name: s.name ?? null, kind: s.kind, text: s.text, added: now + i, removed: [] }));
  state.sources.push(...sources);
  state.focusSource = sources[0].id;
  invalidate();
  render();
  // Saved before the analysis starts: a crash in analysis cannot lose the text.
  say('status.saving');
  await saveSources(sources);
  analyze(sources.map((s) => s.id));
}

// ---------------------------------------------------------------- analysis jobs

function analyzeOptions() {
  const s = state.settings;
  const length = s.lengthMode === 'chars' ? { summaryChars: s.summaryChars } : { summarySentences: s.summarySentences };
  // Off: each input is one article, whatever headlines or --- lines it holds.
  return { topK: s.topK, method: s.method, hmm: s.hmm, oneArticle: !s.split, maxFrequencies: MAX_FREQUENCIES, ...length };
}

/**
 * A single paste that became one article although a line inside it looks like a headline
 * (short, no sentence mark, text after it): maybe several articles the reader meant apart.
 */
function pastedAsOne(ids) {
  if (ids.length !== 1 || !state.settings.split) return false;
  const source = sourceById(ids[0]);
  const articles = state.results.get(ids[0])?.articles;
  if (source?.kind !== 'paste' || articles?.length !== 1) return false;
  // A byline marks a news article: the core splits before the next one's own byline, so short
  // lines inside are section headings (seed 003), not further articles.
  if (articles[0].byline) return false;
  const lines = articles[0].text.split('\n');
  return lines.some((l, i) => i > 0 && i < lines.length - 1 && isHeadingLine(l) && !NUMBERED_SECTION.test(l.trim()));
}

/** A numbered heading (一、 （二） 3. 第三章) heads a section of the same text, not an article. */
const NUMBERED_SECTION = /^(?:第[一二三四五六七八九十百零\d]+[章节部分篇]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])/u;

/** True when nothing the inputs `ids` gave has a Chinese character: wenxi reads Chinese. */
function noChinese(ids) {
  const articles = ids.flatMap((id) => state.results.get(id)?.articles ?? []);
  return articles.length > 0 && !articles.some((a) => /\p{Script=Han}/u.test(a.text));
}

function analyze(ids) {
  let resumed = false;
  for (const id of ids) {
    state.queue.add(id);
    resumed = state.cancelled.delete(id) || resumed;
  }
  if (resumed) saveCancelled();
  invalidate();
  runNext();
}

/** Remembers which inputs a cancel left unanalyzed, so a reload does not start them again. */
function saveCancelled() {
  store.set('cancelled', [...state.cancelled]).catch((e) => storageFailed(e, 'settings'));
}

/** Forgets every cancel (all inputs are analyzed again, or gone). */
function clearCancelled() {
  if (state.cancelled.size === 0) return;
  state.cancelled.clear();
  saveCancelled();
}

/** A re-analysis longer than this marks the results it has not replaced yet; a quicker one
 *  would only make the marks flash. */
const STALE_MARK_DELAY_MS = 150;
let staleTimer = 0;

/** Whether the list marks results from settings changed since (see `state.staleShown`). */
function showStale(shown) {
  clearTimeout(staleTimer);
  if (state.staleShown === shown) return;
  state.staleShown = shown;
  invalidate();
  scheduleRender();
}

/** Analyzes everything again (options or dictionary changed), replacing a running job. */
function reanalyzeAll() {
  state.queue = new Set(state.sources.map((s) => s.id));
  state.stale = new Set(state.sources.filter((s) => state.results.has(s.id)).map((s) => s.id));
  clearCancelled();
  unfinishedNotice.hide();
  showStale(false);
  staleTimer = setTimeout(() => showStale(true), STALE_MARK_DELAY_MS);
  invalidate();
  scheduleRender();
  if (state.job) {
    state.job.superseded = true;
    client.cancel(state.job.id);
  } else {
    runNext();
  }
}

async function runNext() {
  if (state.job) return;
  let ids = [...state.queue].filter(sourceById);
  state.queue.clear();
  if (ids.length === 0) return;
  const alone = ids.find((id) => state.alone.has(id));
  if (alone) {
    for (const id of ids) if (id !== alone) state.queue.add(id);
    ids = [alone];
  }
  const items = ids.map((id) => ({ key: id, text: sourceById(id).text }));
  const { id, promise } = client.request('analyzeBatch', { items, options: analyzeOptions() }, {
    onProgress: (p) => showProgress(job, p),
    onItem: (item) => {
      job.received.add(item.key);
      state.alone.delete(item.key);
      state.crashes.delete(item.key);
      received(item);
    },
  });
  const job = (state.job = { id, superseded: false, cancelled: false, timer: 0, keys: ids, received: new Set() });
  for (const k of ids) state.cancelled.delete(k);
  say('status.analyzing');
  // Quick jobs finish before the bar would flash; long ones show it.
  job.timer = setTimeout(() => showProgress(job, null), 120);
  try {
    const done = await promise;
    // Counted as listed: an article the user removed is found again but not shown.
    const analyzed = new Set(ids);
    const listed = articleItems();
    const n = listed.filter((x) => analyzed.has(x.sourceId)).length;
    if (done.articles === 0) say('status.nothingFound');
    else if (noChinese(ids)) say('status.noChinese', { n: num(n), ms: num(done.ms) });
    else if (pastedAsOne(ids)) say('status.doneOnePaste', { n: num(n), ms: num(done.ms) });
    // The count is this analysis's; with earlier articles listed too, the total says so.
    else say(listed.length > n ? 'status.doneOf' : 'status.done', { n: num(n), ms: num(done.ms), total: num(listed.length) });
  } catch (e) {
    if (e instanceof Crashed) recoverFromCrash(job, e);
    else if (!(e instanceof Cancelled)) setStatus(String(e.message));
    else if (!job.superseded) {
      say('status.cancelled');
      job.cancelled = true;
    }
  } finally {
    clearTimeout(job.timer);
    els.progress.hidden = true;
    state.job = null;
    if (job.cancelled) {
      for (const k of job.keys) if (!job.received.has(k)) state.cancelled.add(k);
      saveCancelled();
      showStale(true);
      invalidate();
      scheduleRender();
    }
    runNext();
    if (job.cancelled) unfinishedNotice.show();
  }
}

/** Inputs a cancel left without current results: never analyzed, or analyzed with settings
 *  changed since (after turning splitting off, a mix of split and whole inputs). */
const unfinished = () => state.sources.filter((s) => !state.results.has(s.id) || state.stale.has(s.id)).map((s) => s.id);
const waiting = (id) => state.queue.has(id) || Boolean(state.job?.keys.includes(id) && !state.job.received.has(id));

/**
 * After a cancel: how many inputs lack current results, with a button that analyzes them. The
 * count follows removals and new results; the notice goes when none is left or a new
 * re-analysis starts, and follows the language.
 */
const unfinishedNotice = {
  el: null,
  count: 0,
  /** "not analyzed", or "not with the current settings" when some hold results of old ones. */
  text() {
    const left = unfinished().filter((id) => !waiting(id));
    const key = left.some((id) => state.results.has(id)) ? 'status.unfinishedStale' : 'status.unfinished';
    return t(key, { n: num(left.length) });
  },
  show() {
    this.hide();
    this.count = unfinished().filter((id) => !waiting(id)).length;
    if (this.count === 0) return;
    this.el = showAlert(this.text(), {
      label: t('status.finish'),
      run: () => {
        this.hide();
        analyze(unfinished());
      },
    });
  },
  hide() {
    this.el?.remove();
    this.el = null;
  },
  /** After a render: fewer left (removed, or analyzed since), or the language changed. */
  refresh(force = false) {
    if (!this.el?.isConnected) return;
    const n = unfinished().filter((id) => !waiting(id)).length;
    if (n === 0) this.hide();
    else if (n !== this.count || force) {
      this.count = n;
      this.el.firstChild.textContent = this.text();
      this.el.querySelector('[data-testid="alert-action"]').textContent = t('status.finish');
    }
  },
};

/**
 * The worker crashed during `job` (the client has already restarted it); the inputs are saved
 * and analyzed again. Which input caused it is unknown when several were in the batch, so
 * those go one per batch from now on; an input that crashes the worker twice on its own is
 * marked failed, with a retry button.
 */
function recoverFromCrash(job, error) {
  const interrupted = job.keys.filter((k) => sourceById(k) && !job.received.has(k));
  if (interrupted.length === 0) return;
  if (error.final) {
    for (const k of interrupted) state.results.set(k, { error: t('crash.source', { error: error.message }) });
    invalidate();
    scheduleRender();
    return;
  }
  const [only] = interrupted;
  const tries = interrupted.length === 1 ? (state.crashes.get(only) ?? 0) + 1 : 0;
  if (tries >= 2) {
    state.crashes.delete(only);
    state.results.set(only, { error: t('crash.source', { error: error.message }) });
    invalidate();
    scheduleRender();
    showAlert(t('crash.gaveUp', { name: sourceName(sourceById(only)) }), { label: t('crash.retry'), run: () => {
      state.results.delete(only);
      invalidate();
      analyze([only]);
    } });
    return;
  }
  if (tries) state.crashes.set(only, tries);
  for (const k of interrupted) {
    state.alone.add(k);
    state.queue.add(k);
  }
  say('status.resuming');
}

function showProgress(job, p) {
  if (state.job !== job) return;
  job.last = p ?? job.last;
  if (!job.shown && !p) job.shown = true;
  if (!job.shown) return;
  els.progress.hidden = false;
  const q = job.last;
  if (!q) {
    els.progressBar.removeAttribute('value');
    els.progressText.textContent = t('progress.preparing');
    return;
  }
  els.progressBar.max = Math.max(1, q.total);
  els.progressBar.value = q.done;
  els.progressText.textContent = t('progress.counts', { done: num(q.done), total: num(q.total), chars: chars(q.chars), totalChars: chars(q.totalChars) });
}

function received(item) {
  if (!sourceById(item.key)) return; // removed meanwhile
  state.results.set(item.key, item.error ? { error: item.error } : { articles: item.articles });
  state.stale.delete(item.key);
  invalidate();
  if (state.focusSource === item.key && !item.error && item.articles.length > 0) {
    state.focusSource = null;
    state.selected = `${item.key}:0`;
    state.view = 'article';
    render();
    bringViewIntoSight();
    if (state.clickMark) {
      state.clickMark = false;
      performance.measure('wenxi:results', 'wenxi:analyze-click');
    }
    saveUi();
  } else {
    scheduleRender();
  }
}

// ---------------------------------------------------------------- rendering

let frame = 0;
let lastRender = 0;
// During a batch results arrive continuously: re-render the list a few times a second, not
// on every frame, so the main thread stays free for the user.
function scheduleRender() {
  if (frame) return;
  const wait = state.job ? Math.max(0, 150 - (performance.now() - lastRender)) : 0;
  frame = setTimeout(() => requestAnimationFrame(() => render()), wait);
}

let shownArticle = null;
let shownCorpus = null;

function render() {
  clearTimeout(frame);
  frame = 0;
  lastRender = performance.now();
  const all = items();
  const articles = articleItems();
  unfinishedNotice.refresh();
  if (state.restoring) restoreChoice(articles, all);
  if (!articles.some((a) => a.key === state.selected)) state.selected = articles[0]?.key ?? null;
  renderArticleList(els.list, els.listMore, all, state.selected, { open: openItem, remove: removeItem, emptied: focusInput });
  els.count.textContent = all.length ? num(articles.length) : '';
  els.listEmpty.hidden = all.length > 0;
  showKeptHint();
  els.clearAll.disabled = state.sources.length === 0;

  const several = articles.length >= 2;
  if (!several && state.view === 'corpus') state.view = 'article';
  els.welcome.hidden = all.length > 0;
  els.tabs.hidden = !several;
  const corpus = state.view === 'corpus';
  els.tabArticle.setAttribute('aria-selected', String(!corpus));
  els.tabCorpus.setAttribute('aria-selected', String(corpus));
  els.tabArticle.tabIndex = corpus ? -1 : 0;
  els.tabCorpus.tabIndex = corpus ? 0 : -1;
  els.viewArticle.hidden = corpus || !state.selected;
  els.viewCorpus.hidden = !corpus;

  if (corpus) {
    if (shownCorpus !== itemsCache) {
      shownCorpus = itemsCache;
      corpusView.show(articles);
    }
  } else if (state.selected) {
    const entry = articles.find((a) => a.key === state.selected);
    // Entries are rebuilt when any result arrives; only a new article needs a new view.
    if (entry.key !== shownArticle?.key || entry.article !== shownArticle.article || entry.sourceName !== shownArticle.sourceName) {
      shownArticle = entry;
      articleView.show(entry);
    } else {
      articleView.shown(); // back from the corpus tab: a cloud drawn while hidden is redrawn
    }
  } else if (shownArticle) {
    shownArticle = null;
    articleView.clear();
  }
}

/** The article and tab chosen before a reload, once the saved inputs are analyzed again. */
function restoreChoice(articles, all) {
  const { selected, view } = state.restoring;
  const pending = all.some((x) => x.kind === 'pending');
  if (articles.some((a) => a.key === selected)) state.selected = selected;
  if (!pending) {
    state.view = view;
    state.restoring = null;
  }
}

function openItem(key, word) {
  const item = items().find((x) => x.key === key);
  if (!item) return;
  if (item.kind === 'pending') {
    analyze([item.sourceId]);
    return;
  }
  state.selected = key;
  state.view = 'article';
  state.restoring = null;
  render();
  // The list was redrawn under the focus; reading goes on at the headline (or the word's lines).
  if (word) articleView.pickWord(word);
  else articleView.focusHeadline();
  // Saved at once: a reload right after choosing must not lose the choice.
  saveUi({ now: true });
  bringViewIntoSight();
}

/** On a phone the input and the list sit above the analysis: bring it into sight. */
function bringViewIntoSight() {
  if (window.matchMedia('(max-width: 820px)').matches) els.viewArticle.scrollIntoView({ block: 'start' });
}

/**
 * Saves `sources`, and with them any the storage refused before (a removal or a smaller input
 * may have made room). A failure is shown and the sources are marked unsaved in the list hint.
 */
async function saveSources(sources) {
  const retry = state.sources.filter((s) => state.unsaved.has(s.id) && !sources.includes(s));
  const all = [...sources, ...retry];
  if (all.length === 0) return;
  try {
    await store.putSources(all);
    for (const s of all) state.unsaved.delete(s.id);
  } catch (e) {
    for (const s of all) state.unsaved.add(s.id);
    storageFailed(e, 'text');
  }
  showKeptHint();
}

/** The note under the list: what survives a reload. */
function showKeptHint() {
  const key = state.unsaved.size ? 'storage.notKept' : 'storage.kept';
  els.listKept.dataset.i18n = key;
  els.listKept.textContent = t(key);
  els.listKept.classList.toggle('warning', state.unsaved.size > 0);
  els.listKept.hidden = state.sources.length === 0 || state.storageUnavailable;
}

async function removeItem(item) {
  const s = sourceById(item.sourceId);
  if (!s) return;
  const siblings = items().filter((x) => x.sourceId === s.id && x.kind === 'article');
  const title = item.kind === 'article' ? titleOf(item.article) : item.sourceName;
  let copies = 1;
  let undo;
  try {
    const print = item.kind === 'article' ? fingerprint(item.article) : null;
    copies = print ? siblings.filter((x) => fingerprint(x.article) === print).length : 1;
    // The whole input goes when nothing of it would be left.
    if (item.kind !== 'article' || copies === siblings.length) {
      const index = state.sources.indexOf(s);
      state.sources = state.sources.filter((x) => x !== s);
      state.results.delete(s.id);
      state.queue.delete(s.id);
      state.unsaved.delete(s.id);
      invalidate();
      render();
      undo = async () => {
        state.sources.splice(Math.min(index, state.sources.length), 0, s);
        invalidate();
        render();
        await saveSources([s]);
        analyze([s.id]);
      };
      await store.deleteSource(s.id);
      // That may have made room for inputs the storage refused.
      if (state.unsaved.size) await saveSources([]);
    } else {
      // Removal is by content, so identical copies in the same input go together.
      const before = s.removed;
      s.removed = [...(before ?? []), print];
      invalidate();
      render();
      undo = async () => {
        s.removed = before;
        invalidate();
        render();
        await saveSources([s]);
      };
      await saveSources([s]);
    }
    if (copies > 1) say('status.removedCopies', { title, n: num(copies) });
    else say('status.removed', { title });
    offerUndo(async () => {
      await undo();
      say('status.restoredOne', { title });
    }, item.key);
  } catch (e) {
    storageFailed(e, 'text');
  }
}

/** Focus where the next input comes from: the paste box; on a touch screen the 分析 button
 *  beside it, as focusing a text box there pops up the keyboard. */
function focusInput() {
  (matchMedia('(pointer: coarse)').matches ? els.analyze : els.input).focus();
}

/** Shows the undo button for the removal just reported; the next status message hides it. */
function offerUndo(run, key) {
  els.undo.hidden = false;
  els.undo.onclick = async () => {
    // The button hides itself: the focus goes to the list first, then to the article restored
    // (an input restored whole is listed again once it is analyzed).
    const rover = () => els.list.querySelector('button.art-open[tabindex="0"], button.remove[tabindex="0"]');
    if (rover()) rover().focus();
    else focusInput();
    els.undo.hidden = true;
    els.undo.onclick = null;
    try {
      await run();
      const restored = [...els.list.querySelectorAll('li')].find((li) => li.dataset.key === key)?.querySelector('button.art-open');
      (restored ?? rover())?.focus();
    } catch (e) {
      storageFailed(e, 'text');
    }
  };
}

function confirmDialog(text) {
  els.confirmText.textContent = text;
  return new Promise((resolve) => {
    const done = (ok) => {
      els.confirmOk.onclick = els.confirmCancel.onclick = els.confirm.oncancel = null;
      els.confirm.close();
      resolve(ok);
    };
    els.confirmOk.onclick = () => done(true);
    els.confirmCancel.onclick = () => done(false);
    els.confirm.oncancel = (e) => {
      e.preventDefault();
      done(false);
    };
    els.confirm.showModal();
    els.confirmCancel.focus();
  });
}

async function clearAll() {
  // Counted as the list counts them: articles, from how many inputs.
  const articles = [...state.results.values()].reduce((n, r) => n + (r.articles?.length ?? 0), 0);
  if (!(await confirmDialog(t('confirm.clear', { n: num(articles), inputs: num(state.sources.length) })))) return;
  if (state.job) {
    state.job.superseded = true;
    client.cancel(state.job.id);
  }
  state.queue.clear();
  state.unsaved.clear();
  state.sources = [];
  state.results.clear();
  state.selected = null;
  clearCancelled();
  invalidate();
  render();
  focusInput(); // the dialog hands the focus back to 全部清除, now disabled
  try {
    await store.clearSources();
    say('status.cleared');
  } catch (e) {
    storageFailed(e, 'text');
  }
}

// ---------------------------------------------------------------- input

async function analyzePasted() {
  const text = els.input.value;
  if (!text.trim()) {
    say('status.empty');
    els.input.focus();
    return;
  }
  clearInputAlerts();
  if (tooLarge(utf8Length(text), t('source.pasted'))) return;
  performance.clearMarks('wenxi:analyze-click');
  performance.mark('wenxi:analyze-click');
  state.clickMark = true;
  els.input.value = '';
  clearTimeout(draftTimer);
  draftTimer = 0;
  await addSources([{ kind: 'paste', text }]);
  // Only now: until the input is saved, the draft is the saved copy of the text.
  if (!els.input.value) store.set('draft', '').catch((e) => storageFailed(e, 'text'));
}

/** A very long paste goes straight to the article list instead of the text box. */
function pasteLarge(e) {
  const text = e.clipboardData?.getData('text/plain') ?? '';
  if (text.length <= BOX_PASTE_CHARS) return;
  e.preventDefault();
  clearInputAlerts();
  const bytes = utf8Length(text);
  if (tooLarge(bytes, t('source.pasted'))) return;
  showAlert(t('input.bigPaste', { size: mb(bytes) }), null, { input: true });
  addSources([{ kind: 'paste', text }]);
}

let draftTimer = 0;
function saveDraft() {
  clearTimeout(draftTimer);
  draftTimer = setTimeout(writeDraft, 400);
}

function writeDraft() {
  draftTimer = 0;
  store.set('draft', els.input.value).catch((e) => storageFailed(e, 'text'));
}

// Leaving (a reload, say) within those 400 ms: an IndexedDB write may not finish while the page
// goes away, so the last keys go to sessionStorage, synchronously; restore() takes them back.
addEventListener('pagehide', () => {
  if (!draftTimer) return;
  clearTimeout(draftTimer);
  writeDraft();
  try {
    sessionStorage.setItem('wenxi.draft', els.input.value);
  } catch {
    // Too long for sessionStorage, or blocked: the IndexedDB write above may still make it.
  }
});

/** The draft kept at the last pagehide, if any (taken out of sessionStorage). */
function leftDraft() {
  try {
    const text = sessionStorage.getItem('wenxi.draft');
    sessionStorage.removeItem('wenxi.draft');
    return text;
  } catch {
    return null;
  }
}

async function loadDemo() {
  const { DEMO_NAME, DEMO_TEXT } = await import('./demo.js');
  clearInputAlerts();
  await addSources([{ kind: 'demo', name: DEMO_NAME, text: DEMO_TEXT }]);
}

/** Reads files as bytes and decodes them in the core (UTF-8, UTF-16, GBK…). */
async function openFiles(files) {
  const textFiles = files.filter((f) => TEXT_FILE.test(f.name) || f.type.startsWith('text/'));
  const skipped = files.filter((f) => !textFiles.includes(f));
  clearInputAlerts();
  if (skipped.length) showAlert(t('status.skipped', { names: skipped.map((f) => f.name).join('、') }), null, { input: true });
  const accepted = textFiles.filter((f) => !tooLarge(f.size, f.name));
  if (accepted.length === 0) return;
  say('status.reading', { n: accepted.length });
  const decoded = await Promise.all(accepted.map(async (file) => {
    try {
      const bytes = await file.arrayBuffer();
      const text = await client.call('decode', { bytes }, [bytes]);
      return { kind: 'file', name: file.name, text };
    } catch (e) {
      showAlert(t('status.decodeFailed', { name: file.name, error: errorText(e.message) }), null, { input: true });
      return null;
    }
  }));
  // An empty file has nothing to analyze or keep: it is named once, not listed as a failure.
  const empty = decoded.filter((x) => x && !x.text.trim());
  if (empty.length) showAlert(t('status.emptyFiles', { names: empty.map((x) => x.name).join('、') }), null, { input: true });
  const read = decoded.filter((x) => x && x.text.trim());
  // Each failure has its alert; the status must not stay at "reading…".
  if (read.length === 0) say(empty.length === decoded.length ? 'status.noneAdded' : 'status.noneRead');
  await addSources(read);
}

function setupDrop() {
  let depth = 0;
  const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth += 1;
    els.overlay.hidden = false;
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) els.overlay.hidden = true;
  });
  document.addEventListener('dragover', (e) => {
    if (!hasFiles(e) && e.target === els.input) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', (e) => {
    depth = 0;
    els.overlay.hidden = true;
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) {
      e.preventDefault();
      openFiles(files);
      return;
    }
    const text = e.dataTransfer?.getData('text/plain') ?? '';
    // Dropping text into the box edits it as usual, unless it is too long for a text box.
    if (e.target === els.input && text.length <= BOX_PASTE_CHARS) return;
    e.preventDefault();
    if (text.trim() && !tooLarge(utf8Length(text), t('source.pasted'))) addSources([{ kind: 'paste', text }]);
  });
}

// ---------------------------------------------------------------- options

function clampInt(value, min, max, fallback) {
  const n = Math.round(Number(value));
  return Number.isFinite(n) && value !== '' ? Math.min(max, Math.max(min, n)) : fallback;
}

function showSettings() {
  const s = state.settings;
  els.opt.topK.value = s.topK;
  els.opt.lengthMode.value = s.lengthMode;
  els.opt.length.value = s.lengthMode === 'chars' ? s.summaryChars : s.summarySentences;
  showLengthRange();
  els.opt.method.value = s.method;
  els.opt.mode.value = s.mode;
  els.opt.hmm.checked = s.hmm;
  els.opt.split.checked = s.split;
}

/** The summary length's limits follow its unit (sentences or characters). */
function showLengthRange() {
  const chars = state.settings.lengthMode === 'chars';
  els.opt.length.min = chars ? 10 : 1;
  els.opt.length.max = chars ? 5000 : 50;
}

function readSettings(event) {
  const prev = state.settings;
  const s = { ...prev };
  // An emptied field keeps the value in use while the user types, and falls back to the
  // default once they leave it (deleting "10" passes through "1" on the way).
  const left = event?.type === 'change';
  s.topK = clampInt(els.opt.topK.value, 1, 50, left ? DEFAULTS.topK : prev.topK);
  s.method = els.opt.method.value;
  s.mode = els.opt.mode.value;
  s.hmm = els.opt.hmm.checked;
  s.split = els.opt.split.checked;
  s.lengthMode = els.opt.lengthMode.value;
  if (event?.target === els.opt.lengthMode) {
    // Switching units shows the stored value of the other unit.
    els.opt.length.value = s.lengthMode === 'chars' ? s.summaryChars : s.summarySentences;
  } else if (s.lengthMode === 'chars') {
    s.summaryChars = clampInt(els.opt.length.value, 10, 5000, left ? DEFAULTS.summaryChars : prev.summaryChars);
  } else {
    s.summarySentences = clampInt(els.opt.length.value, 1, 50, left ? DEFAULTS.summarySentences : prev.summarySentences);
  }
  state.settings = s;
  // Once the user leaves a field (not while typing), it shows the value in use: 999 → 50,
  // and says why.
  if (event?.type === 'change') {
    const typed = event.target.value;
    els.opt.topK.value = s.topK;
    els.opt.length.value = s.lengthMode === 'chars' ? s.summaryChars : s.summarySentences;
    showLengthRange();
    const field = event.target;
    const clamped = field.type === 'number' && typed !== '' && typed !== field.value;
    els.optionsNote.hidden = !clamped;
    if (clamped) {
      const label = document.querySelector(`label[for="${field.id}"]`)?.textContent ?? '';
      els.optionsNote.textContent = t('options.clamped', { field: label, min: field.min, max: field.max, value: field.value });
    }
  }
  store.set('settings', s).catch((e) => storageFailed(e, 'settings'));
  const analysisChanged = ['topK', 'method', 'hmm', 'split', 'lengthMode', 'summaryChars', 'summarySentences'].some((k) => s[k] !== prev[k]);
  if (analysisChanged) reanalyzeAll();
  else if (s.mode !== prev.mode) articleView.refresh();
  // Removing an article is remembered for the split reading: read whole, its input holds it
  // again (and splitting back on leaves it out again). Said, not silently shown.
  if (prev.split && !s.split) {
    const holding = state.sources.filter((x) => x.removed?.length).length;
    if (holding) showAlert(t('options.splitRemoved', { n: num(holding) }));
  }
}

function setupOptions() {
  let timer = 0;
  for (const el of Object.values(els.opt)) {
    el.addEventListener('change', readSettings);
    if (el.type === 'number') {
      el.addEventListener('input', (e) => {
        clearTimeout(timer);
        timer = setTimeout(() => readSettings(e), 350);
      });
    }
  }
}

// ---------------------------------------------------------------- user dictionary

function showDictionary() {
  renderDictionary(els.dict.list, els.dict.count, state.dictionary, { remove: removeDictionaryEntry, emptied: () => els.dict.word.focus() });
}

async function saveDictionary() {
  client.setDictionary(state.dictionary);
  await store.set('dictionary', state.dictionary).catch((e) => storageFailed(e, 'dictionary'));
  showDictionary(); // after saving: a word shown in the list survives a reload
}

/** Says what the editor did beside it: the status line is taken over at once by the
 *  re-analysis the change starts. */
function dictionaryNote(key, params) {
  els.dict.note.textContent = t(key, params);
}

async function addDictionaryWord() {
  const word = els.dict.word.value.trim();
  if (!validWord(word)) {
    renderDictionaryErrors(els.dict.errors, [{ message: t('dict.invalidWord') }]);
    els.dict.word.focus();
    return;
  }
  const freqText = els.dict.freq.value.trim();
  // Empty means "let jieba choose"; anything else must be a whole number of at least 1.
  if (freqText && !/^[1-9]\d{0,8}$/.test(freqText)) {
    renderDictionaryErrors(els.dict.errors, [{ message: t('dict.invalidFreq') }]);
    els.dict.freq.focus();
    return;
  }
  const freq = freqText ? Number(freqText) : undefined;
  const tag = els.dict.tag.value.trim() || undefined;
  try {
    const used = await client.call('addWord', { word, freq, tag });
    state.dictionary = withLines(state.dictionary, [dictionaryLine(word, freq, tag, used)]);
    // jieba weighs a user word like any other: with a low frequency it still cuts it apart.
    const ends = freq ? await client.call('spans', { text: word, mode: 'default', hmm: true }) : [0, word.length];
    const whole = ends.length === 2 && ends[1] === word.length;
    renderDictionaryErrors(els.dict.errors, whole ? [] : [{ message: t('dict.weak', { word, freq: num(freq) }) }]);
    els.dict.word.value = els.dict.freq.value = els.dict.tag.value = '';
    dictionaryNote('dict.added', { word });
    await saveDictionary();
    reanalyzeAll();
  } catch (e) {
    renderDictionaryErrors(els.dict.errors, [{ message: e.message }]);
  }
}

async function importDictionary(file) {
  if (file.size > MAX_DICTIONARY_BYTES) {
    renderDictionaryErrors(els.dict.errors, [{ line: 0, message: t('dict.tooLarge', { name: file.name, size: mb(file.size), limit: mb(MAX_DICTIONARY_BYTES) }) }]);
    return;
  }
  try {
    const bytes = await file.arrayBuffer();
    const text = await client.call('decode', { bytes }, [bytes]);
    const result = await client.call('loadDictionary', { text });
    const bad = new Set(result.errors.map((e) => e.line));
    // The lines the core loaded: not blank, not a `#` comment, not rejected.
    const good = text.split(/\r?\n/).filter((line, i) => !bad.has(i + 1) && line.trim() && !line.trim().startsWith('#'));
    if (good.length) state.dictionary = withLines(state.dictionary, good);
    renderDictionaryErrors(els.dict.errors, result.errors);
    dictionaryNote('dict.imported', { name: file.name, added: result.added });
    await saveDictionary();
    if (result.added) reanalyzeAll();
  } catch (e) {
    renderDictionaryErrors(els.dict.errors, [{ line: 0, message: `${file.name}: ${errorText(e.message)}` }]);
  }
}

async function removeDictionaryEntry(index) {
  const entries = dictionaryEntries(state.dictionary);
  entries.splice(index, 1);
  state.dictionary = entries.map((e) => `${e.line}\n`).join('');
  // jieba cannot forget a word: start a fresh analyzer with the remaining dictionary.
  if (state.job) state.job.superseded = true;
  await saveDictionary();
  client.restart();
  reanalyzeAll();
}

// ---------------------------------------------------------------- export

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  say('status.exported', { name });
}

function exportText(kind, entry, level = 1) {
  const a = entry.article;
  if (kind === 'json') return reportJson(a, { source: entry.sourceName, options: analyzeOptions() });
  if (kind === 'csv') return frequenciesCsv(a);
  return summaryMarkdown(a, {
    level,
    title: titleOf(a),
    meta: [[t('view.byline'), a.byline], [t('view.date'), a.date && shortDate(a.date)], [t('view.source'), a.source], [t('view.file'), entry.sourceName]],
    stats: [[t('stats.chars'), num(a.stats.chars)], [t('stats.sentences'), num(a.stats.sentences)], [t('stats.reading'), readingTime(a.stats.chars)]],
    labels: { summary: t('summary.title'), keywords: t('keywords.title') },
  });
}

const TYPES = { json: 'application/json', csv: 'text/csv', md: 'text/markdown', jsonl: 'application/x-ndjson' };

function exportArticle(kind) {
  const entry = articleView.entry;
  if (!entry) return;
  download(fileName(titleOf(entry.article), kind), `${TYPES[kind]};charset=utf-8`, exportText(kind, entry));
}

async function copyArticle(kind) {
  const entry = articleView.entry;
  if (!entry) return;
  try {
    await navigator.clipboard.writeText(exportText(kind, entry));
    // A confirmation, not a state: the status before it comes back after a few seconds.
    const before = lastStatus;
    say('status.copied');
    const shown = lastStatus;
    setTimeout(() => {
      if (lastStatus === shown) before ? say(...before) : setStatus('');
    }, 4000);
  } catch (e) {
    say('status.copyFailed', { error: e.message });
  }
}

function exportCorpus(kind, rows) {
  if (kind === 'jsonl') {
    const reports = state.sources.filter((s) => state.results.get(s.id)?.articles).map((s) => ({
      source: sourceName(s),
      articles: articleItems().filter((x) => x.sourceId === s.id).map((x) => x.article),
    }));
    download('wenxi-corpus.jsonl', `${TYPES.jsonl};charset=utf-8`, reportsJsonl(reports));
  } else if (kind === 'summaries') {
    // Every article's summary and keywords in list order, for reading through a batch at once.
    const list = articleItems();
    const sections = list.map((x) => exportText('md', x, 2));
    download('wenxi-summaries.md', `${TYPES.md};charset=utf-8`, summariesMarkdown(t('corpus.mdTitle', { n: num(list.length) }), sections));
  } else {
    const head = ['title', 'source', 'chars', 'words', 'sentences', 'paragraphs', 'keywords', 'distinctive'];
    const body = rows.map((r) => [r.title, r.source, r.chars, r.entry.article.stats.words, r.sentences, r.entry.article.stats.paragraphs, r.keywords, r.distinct]);
    download('wenxi-compare.csv', 'text/csv;charset=utf-8', csv([head, ...body]));
  }
}

// ---------------------------------------------------------------- look and language

function currentTheme() {
  return document.documentElement.dataset.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

// Like the language button, the theme button names what it switches to.
function showTheme() {
  const dark = currentTheme() === 'dark';
  els.theme.textContent = `${dark ? '☀' : '☾'} ${t(dark ? 'theme.light' : 'theme.dark')}`;
  els.theme.setAttribute('aria-label', t(dark ? 'theme.toLight' : 'theme.toDark'));
}

// Language and theme are mirrored in localStorage, read synchronously by theme.js before the
// first paint; IndexedDB keeps them too, for browsers that block localStorage.
function mirror(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Only a first-paint hint; the setting itself is saved in IndexedDB as well.
  }
}

function mirrored(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

let uiTimer = 0;
/** Saves language, theme, chosen article and view; `now` for explicit choices. */
function saveUi({ now = false } = {}) {
  clearTimeout(uiTimer);
  const save = () => {
    const ui = { lang: language(), theme: document.documentElement.dataset.theme ?? null, selected: state.selected, view: state.view, textMode: articleView.textMode };
    store.set('ui', ui).catch((e) => storageFailed(e, 'settings'));
  };
  if (now) save();
  else uiTimer = setTimeout(save, 200);
}

function toggleTheme() {
  const next = currentTheme() === 'dark' ? 'light' : 'dark';
  document.documentElement.dataset.theme = next;
  mirror('wenxi.theme', next);
  showTheme();
  saveUi({ now: true });
  articleView.redrawCloud(); // the word cloud takes its colours from the theme
}

function applyLanguage(lang) {
  setLanguage(lang);
  // The button names the other language, in that language ("English", "中文").
  els.lang.lang = lang === 'en' ? 'zh-CN' : 'en';
  mirror('wenxi.lang', lang);
  if (lastStatus) say(...lastStatus);
  unfinishedNotice.refresh(true);
  // A note on a clamped option was in the old language; the field itself shows the value.
  els.optionsNote.hidden = true;
  showTheme();
  showDictionary();
  invalidate();
  shownArticle = shownCorpus = null;
  render();
}

function setupTabs() {
  const choose = (view) => {
    state.view = view;
    state.restoring = null;
    render();
    saveUi({ now: true });
  };
  els.tabArticle.addEventListener('click', () => choose('article'));
  els.tabCorpus.addEventListener('click', () => choose('corpus'));
  els.tabs.addEventListener('keydown', (e) => {
    const other = state.view === 'article' ? 'corpus' : 'article';
    const next = { ArrowLeft: other, ArrowRight: other, Home: 'article', End: 'corpus' }[e.key];
    if (!next) return;
    e.preventDefault();
    choose(next);
    (next === 'corpus' ? els.tabCorpus : els.tabArticle).focus();
  });
}

// ---------------------------------------------------------------- start

const client = new AnalyzerClient({ boot: globalThis.wenxiBoot });
// The saved inputs survive any crash; the interrupted analysis resumes (recoverFromCrash).
client.onCrash = (error) => {
  showAlert(t(error.final ? 'crash.final' : 'crash.restarted', { error: error.message }));
  if (error.final) document.body.dataset.analyzer = 'failed';
};
const articleView = new ArticleView(els.viewArticle, {
  segment: (text) => {
    const { mode, hmm } = state.settings;
    return mode === 'default'
      ? client.call('tag', { text, hmm }).then((words) => ({ words }))
      : client.call('spans', { text, mode, hmm }).then((spans) => ({ spans }));
  },
  // Default mode: words that tile the text, where a headline may wrap.
  wordSpans: (text) => client.call('spans', { text, mode: 'default', hmm: state.settings.hmm }),
  segmentationMode: () => state.settings.mode,
  textModeChanged: () => saveUi(),
  exportAs: exportArticle,
  copy: copyArticle,
});
const corpusView = new CorpusView(els.viewCorpus, { open: openItem, exportAs: exportCorpus });

if (document.documentElement.lang === 'en') {
  setLanguage('en');
  els.lang.lang = 'zh-CN';
}
showTheme();

els.analyze.addEventListener('click', analyzePasted);
els.input.addEventListener('input', saveDraft);
els.input.addEventListener('paste', pasteLarge);
els.input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) analyzePasted();
});
els.openFiles.addEventListener('click', () => els.fileInput.click());
els.fileInput.addEventListener('change', () => {
  openFiles([...els.fileInput.files]);
  els.fileInput.value = '';
});
els.demo.addEventListener('click', loadDemo);
els.welcomeDemo.addEventListener('click', loadDemo);
els.clearAll.addEventListener('click', clearAll);
els.cancel.addEventListener('click', () => {
  state.queue.clear();
  if (state.job) client.cancel(state.job.id);
  // The button goes with the progress bar: the focus must not go with it.
  els.analyze.focus();
});
els.lang.addEventListener('click', () => {
  applyLanguage(language() === 'en' ? 'zh' : 'en');
  saveUi({ now: true });
});
els.theme.addEventListener('click', toggleTheme);
els.dict.add.addEventListener('click', addDictionaryWord);
for (const input of [els.dict.word, els.dict.freq, els.dict.tag]) {
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') addDictionaryWord();
  });
}
els.dict.import.addEventListener('click', () => els.dict.file.click());
els.dict.file.addEventListener('change', () => {
  const [file] = els.dict.file.files;
  els.dict.file.value = '';
  if (file) importDictionary(file);
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !els.viewArticle.hidden && document.activeElement?.closest('.kwic')) articleView.closeWord();
  // Ctrl+Z (⌘Z) undoes a removal while its 撤销 button is offered, except in a text field,
  // where it undoes typing.
  const editing = e.target.closest?.('input, textarea, select, [contenteditable]');
  if (e.key.toLowerCase() === 'z' && (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && !editing && !els.undo.hidden) {
    e.preventDefault();
    els.undo.click();
  }
});
let resizeTimer = 0;
// Read after the first frame: reading it now would force a layout before the page is interactive.
let lastWidth = 0;
requestAnimationFrame(() => {
  lastWidth = window.innerWidth;
});
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (window.innerWidth === lastWidth) return; // phones fire resize when scrolling
    lastWidth = window.innerWidth;
    articleView.redrawCloud();
  }, 250);
});
setupDrop();
setupOptions();
setupTabs();
showSettings();
showDictionary();
render();
performance.mark('wenxi:interactive');

client.ready.then(
  (ms) => {
    performance.mark('wenxi:ready');
    document.body.dataset.analyzer = 'ready';
    if (!state.job) say('status.ready', { ms: num(ms) });
  },
  (e) => {
    document.body.dataset.analyzer = 'failed';
    say('status.failed', { error: e.message });
    showAlert(t('status.failed', { error: e.message }));
  },
);

// After the analyzer has loaded: on a first visit the service worker precaches the whole app,
// which would compete with the dictionary load for the CPU (start-up measured ~50 ms faster).
const startOffline = () => registerServiceWorker(showAlert);
client.ready.then(startOffline, startOffline);

// Not awaited at the top level: the module's evaluation ends here, so the page renders and
// takes input without waiting for IndexedDB; saved work appears when the store has opened.
storeReady.then((opened) => {
  if (opened.error) storageFailed(opened.error, 'text');
  return restore(Boolean(opened.error));
});

async function restore(unavailable) {
  const [settings, dictionary, ui, draft, sources, cancelled] = await Promise.all([
    store.get('settings'), store.get('dictionary'), store.get('ui'), store.get('draft'), store.sources(), store.get('cancelled'),
  ].map((p) => p.catch((e) => {
    if (!unavailable) storageFailed(e, 'text');
    return undefined;
  })));
  if (settings) state.settings = { ...DEFAULTS, ...settings };
  if (typeof dictionary === 'string' && dictionary.trim()) {
    state.dictionary = dictionary;
    client.setDictionary(dictionary);
    // Sent before any analysis request, so it applies to everything analyzed below.
    client.call('loadDictionary', { text: dictionary }).catch((e) => showAlert(e.message));
  }
  // The localStorage mirror is written synchronously, so it is never older than IndexedDB.
  if (ui?.textMode) articleView.textMode = ui.textMode;
  if (ui?.lang && !mirrored('wenxi.lang') && ui.lang !== language()) applyLanguage(ui.lang);
  if (ui?.theme && !mirrored('wenxi.theme') && ui.theme !== document.documentElement.dataset.theme) {
    document.documentElement.dataset.theme = ui.theme;
    mirror('wenxi.theme', ui.theme);
    showTheme();
  }
  const left = leftDraft();
  if (left != null && left !== draft) store.set('draft', left).catch((e) => storageFailed(e, 'text'));
  const text = left ?? draft;
  if (text && !els.input.value) els.input.value = text;
  showSettings();
  showDictionary();
  if (sources?.length) {
    // Inputs added while the store was opening come after the saved ones.
    const saved = new Set(sources.map((x) => x.id));
    state.sources = [...sources, ...state.sources.filter((x) => !saved.has(x.id))];
    state.restoring = { selected: ui?.selected ?? null, view: ui?.view === 'corpus' ? 'corpus' : 'article' };
    invalidate();
    render();
    say('status.restored', { n: sources.length });
    // What a cancel stopped stays stopped: listed as not analyzed, with 继续分析 offered.
    const stopped = new Set(Array.isArray(cancelled) ? cancelled : []);
    for (const s of sources) if (stopped.has(s.id)) state.cancelled.add(s.id);
    // The input of the article on screen before the reload goes first, so it is back at once
    // however long the list; the list keeps its order.
    const shownBefore = String(ui?.selected ?? '').split(':')[0];
    const again = sources.filter((s) => !stopped.has(s.id)).map((s) => s.id);
    analyze([...again.filter((id) => id === shownBefore), ...again.filter((id) => id !== shownBefore)]);
    if (state.cancelled.size) {
      invalidate();
      render();
      unfinishedNotice.show();
    }
  }
}
