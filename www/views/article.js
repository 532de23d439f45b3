// The analysis of one article: header, statistics, keywords with score bars, word cloud,
// keyword-in-context, summary (linked to the text), full text plain or segmented, the
// frequency table and export buttons.
import { ZH, arrowKeys, h, replace, rove } from '../dom.js';
import { t, num } from '../i18n.js';
import { cloudTerms, occurrences, readingMinutes } from '../corpus.js';
import { drawCloud } from './cloud.js';
import { sentenceHead, sentenceRest } from '../export.js';
import { renderPlain, renderSegmented, markSubheads, POS_GROUPS, TEXT_LIMIT } from './text.js';

const KWIC_CONTEXT = 20;
const FREQ_ROWS = 100;
// Made on first use: building a Chinese collator loads ICU's pinyin tables (~20 ms).
let collator = null;
export const scrollBehavior = () => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');
const KWIC_LIMIT = 200;
/** A character that can end or start a word (not punctuation or space). */
const WORD_EDGE = /[\p{L}\p{N}]/u;

/** "2022-01-05 08:28:48 +0800" → "2022-01-05 08:28": to the minute, as a reader wants it. */
export const shortDate = (date) => date.replace(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?$/, '$1 $2');

/** "约 3 分钟" from a character count. */
export function readingTime(chars) {
  const m = readingMinutes(chars);
  return m < 1 ? t('stats.underMinute') : t('stats.minutes', { n: Math.round(m) });
}

/** Display title of an article: its headline, else the start of its text; a part of a very
 *  long article (worker.js) says which. */
export function titleOf(article) {
  const title = headlineOf(article);
  return article.part ? `${title}${t('articles.part', article.part)}` : title;
}

function headlineOf(article) {
  if (article.title) return article.title;
  const first = article.text.split('\n').map((l) => l.replace(/^[#>\s*-]+/, '').trim()).find(Boolean);
  return first ? (first.length > 28 ? `${first.slice(0, 28)}…` : first) : t('articles.untitled');
}

/** Text views that show words: 'seg' by colour, 'tags' with a part-of-speech label too. */
const isSegmented = (mode) => mode === 'seg' || mode === 'tags';

export class ArticleView {
  #root;
  #hooks;
  #entry = null;
  #word = null;
  #hits = [];
  #textMode = 'plain';
  #freqSort = { key: 'count', dir: -1 };
  #freqFilter = '';
  #freqAll = false;
  #segCache = null;
  #opener = null;
  #cloudStale = false;
  #els = {};

  /**
   * @param {HTMLElement} root
   * @param {{segment: (text: string) => Promise<{words?: object[], spans?: Uint32Array}>,
   *          wordSpans?: (text: string) => Promise<Uint32Array>,
   *          textModeChanged?: (mode: string) => void,
   *          exportAs: (kind: string) => void, copy: (kind: string) => void,
   *          segmentationMode: () => string}} hooks
   */
  constructor(root, hooks) {
    this.#root = root;
    this.#hooks = hooks;
  }

  get entry() {
    return this.#entry;
  }

  /** Shows an entry `{key, article, sourceName}`; keeps the picked word when it still occurs. */
  show(entry) {
    const same = this.#entry?.key === entry.key;
    this.#entry = entry;
    this.#segCache = null;
    if (!same) {
      this.#word = null;
      this.#freqFilter = '';
      this.#freqAll = false;
    }
    this.#render();
    if (this.#word) this.pickWord(this.#word, { scroll: false });
  }

  clear() {
    this.#entry = null;
    this.#root.replaceChildren();
  }

  /** Re-renders with current labels (after a language switch) or segmentation options. */
  refresh() {
    if (this.#entry) this.show(this.#entry);
  }

  /**
   * Lets a headline wrap only between words: Chinese text may otherwise break between any two
   * characters, splitting a word such as 引|擎 across lines. Word ends come from the segmenter
   * (with the user dictionary); until they arrive, or if they fail, the headline wraps as usual.
   */
  #breakAtWords(el) {
    const text = el.textContent;
    const els = this.#els;
    this.#hooks.wordSpans?.(text).then((spans) => {
      if (this.#els !== els || el.textContent !== text) return; // re-rendered meanwhile
      // Only between two words: next to punctuation the browser's own rules apply, which
      // keep a closing quote or comma off the start of a line.
      const parts = [];
      for (let i = 0; i < spans.length; i += 2) {
        const word = text.slice(spans[i], spans[i + 1]);
        if (i > 0 && WORD_EDGE.test(text[spans[i] - 1]) && WORD_EDGE.test(word[0])) parts.push(h('wbr'));
        parts.push(word);
      }
      el.replaceChildren(...parts);
      el.classList.add('word-wrap');
    }, () => {});
  }

  #render() {
    const a = this.#entry.article;
    const els = (this.#els = {});
    const meta = [
      a.byline && [t('view.byline'), a.byline],
      a.date && [t('view.date'), shortDate(a.date)],
      a.source && [t('view.source'), a.source],
      this.#entry.sourceName && [t('view.file'), this.#entry.sourceName],
    ].filter(Boolean);
    // Article text is Chinese whatever the UI language: screen readers pick their voice by `lang`.
    els.title = h('h2', { class: 'headline', tabIndex: -1, id: 'article-title', lang: ZH }, titleOf(a));
    this.#breakAtWords(els.title);
    const header = h('header', { class: 'art-head' },
      a.kicker && h('p', { class: 'kicker', lang: ZH }, a.kicker),
      els.title,
      a.subtitle && h('p', { class: 'subtitle', lang: ZH }, a.subtitle),
      meta.length > 0 && h('dl', { class: 'meta' }, meta.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', { lang: ZH }, v)))));
    const stats = h('dl', { class: 'stats' },
      [
        [t('stats.chars'), num(a.stats.chars)],
        [t('stats.words'), num(a.stats.words)],
        [t('stats.sentences'), num(a.stats.sentences)],
        [t('stats.paragraphs'), num(a.stats.paragraphs)],
        [t('stats.reading'), readingTime(a.stats.chars)],
      ].map(([k, v]) => h('div', { class: 'stat' }, h('dt', {}, k), h('dd', {}, v))));

    els.cloud = h('canvas', { class: 'cloud', width: 480, height: 280 });
    const top = h('div', { class: 'grid2' },
      h('section', { class: 'card', attrs: { 'aria-labelledby': 'kw-h' } },
        h('h3', { id: 'kw-h' }, t('keywords.title')),
        this.#keywords(a)),
      h('section', { class: 'card cloud-card', attrs: { 'aria-labelledby': 'cloud-h' } },
        h('h3', { id: 'cloud-h' }, t('cloud.title')),
        els.cloud));

    els.kwic = h('section', { class: 'card kwic', hidden: true, attrs: { 'aria-live': 'polite' } });

    const summary = h('section', { class: 'card', attrs: { 'aria-labelledby': 'sum-h' } },
      h('div', { class: 'card-head' }, h('h3', { id: 'sum-h' }, t('summary.title')), h('span', { class: 'hint' }, t('summary.hint'))),
      this.#summary(a));

    els.text = h('div', { class: 'fulltext', lang: 'zh' });
    els.legend = h('ul', { class: 'legend', hidden: !isSegmented(this.#textMode), attrs: { 'aria-label': t('text.segmented') } },
      POS_GROUPS.map((g) => h('li', { class: `tok pos-${g}`, dataset: { pos: t(`pos.short.${g}`) } }, t(`pos.${g}`))),
      h('li', { class: 'tok user' }, t('text.user')));
    els.textNote = h('p', { class: 'hint', hidden: true });
    els.tagsNote = h('p', { class: 'hint', hidden: true }, t('text.tagsDefaultOnly'));
    const modeButton = (mode, label) => h('button', {
      type: 'button',
      class: 'seg-btn',
      attrs: { 'aria-pressed': String(this.#textMode === mode) },
      dataset: { mode },
      on: { click: () => this.setTextMode(mode) },
    }, label);
    els.modeButtons = [modeButton('plain', t('text.plain')), modeButton('seg', t('text.segmented')), modeButton('tags', t('text.tags'))];
    const full = h('section', { class: 'card', attrs: { 'aria-labelledby': 'text-h' } },
      h('div', { class: 'card-head' },
        h('h3', { id: 'text-h' }, t('text.title')),
        h('div', { class: 'segmented-control', attrs: { role: 'group', 'aria-label': t('text.view') } }, els.modeButtons)),
      els.legend, els.tagsNote, els.textNote, els.text);

    const freq = h('section', { class: 'card', attrs: { 'aria-labelledby': 'freq-h' } }, h('h3', { id: 'freq-h' }, t('freq.title')), this.#frequencyTable(a));

    const exportCard = h('section', { class: 'card export', attrs: { 'aria-labelledby': 'exp-h' } },
      h('h3', { id: 'exp-h' }, t('export.title')),
      h('div', { class: 'row wrap' },
        [['json', 'export.json'], ['csv', 'export.csv'], ['md', 'export.md']].map(([kind, key]) =>
          h('button', { type: 'button', dataset: { export: kind }, on: { click: () => this.#hooks.exportAs(kind) } }, t(key))),
        [['json', 'export.copyJson'], ['md', 'export.copyMd']].map(([kind, key]) =>
          h('button', { type: 'button', dataset: { copy: kind }, on: { click: () => this.#hooks.copy(kind) } }, t(key)))));

    replace(this.#root, h('article', { class: 'analysis' }, header, stats, top, els.kwic, summary, full, freq, exportCard));
    this.#renderText();
    this.redrawCloud();
  }

  /** Draws the word cloud again (size or theme changed). */
  redrawCloud() {
    const canvas = this.#els.cloud;
    if (!this.#entry || !canvas) return;
    drawCloud(canvas, cloudTerms(this.#entry.article), (word) => this.pickWord(word)).then((drawn) => {
      this.#cloudStale = drawn === false; // hidden (the corpus tab is shown): no size to draw at
    }, (e) => {
      canvas.replaceWith(h('p', { class: 'hint' }, String(e.message)));
    });
  }

  /** The view is visible again: redraws what could not be drawn while it was hidden. */
  shown() {
    if (this.#cloudStale) this.redrawCloud();
  }

  #keywords(a) {
    if (a.keywords.length === 0) return h('p', { class: 'hint', dataset: { testid: 'keywords' } }, t('keywords.empty'));
    const max = a.keywords[0].score || 1;
    const list = h('ol', { class: 'keywords', dataset: { testid: 'keywords' } },
      a.keywords.map((k) => h('li', { dataset: { word: k.word } },
        h('button', { type: 'button', class: 'word', lang: ZH, on: { click: () => this.pickWord(k.word) } }, k.word),
        h('span', { class: 'bar', attrs: { 'aria-hidden': 'true' } }, h('span', { style: { '--w': `${Math.max(2, (k.score / max) * 100).toFixed(1)}%` } })),
        h('span', { class: 'score' }, k.score.toFixed(3)),
        h('span', { class: 'count' }, t('keywords.count', { n: k.count })))));
    // Up to 50 keywords: one Tab stop, the arrows move through them.
    rove([...list.querySelectorAll('button.word')], 0);
    arrowKeys(list, 'button.word');
    return list;
  }

  #summary(a) {
    // The core may trim a summary sentence to its topic clause; the rest of the sentence is
    // shown around it, muted, through CSS (data-head, data-rest), so the item reads as a whole
    // sentence while its text stays the Report's span.
    if (a.summary.length === 0) return h('p', { class: 'hint', dataset: { testid: 'summary' } }, t('summary.empty'));
    return h('ol', { class: 'summary', lang: ZH, dataset: { testid: 'summary' } },
      a.summary.map((s, i) => {
        const head = sentenceHead(a.text, s);
        const rest = sentenceRest(a.text, s);
        const dataset = { ...(head && { head }), ...(rest && { rest }) };
        return h('li', {},
          h('button', { type: 'button', class: ['sentence', (head || rest) && 'clipped'], dataset, on: { click: () => this.#scrollTo(`[data-sum="${i}"]`) } }, s.text));
      }));
  }

  #frequencyTable(a) {
    const total = a.stats.words || 1;
    const filter = h('input', {
      type: 'search', id: 'freq-filter', value: this.#freqFilter, placeholder: t('freq.filter'),
      attrs: { 'aria-label': t('freq.filter') },
      on: { input: (e) => { this.#freqFilter = e.target.value.trim(); fill(); } },
    });
    const shown = h('span', { class: 'hint nowrap', attrs: { 'aria-live': 'polite' } });
    const tbody = h('tbody');
    // Hundreds of words: one Tab stop, the arrows move through them.
    arrowKeys(tbody, 'button.word');
    const columns = [['word', 'freq.word'], ['count', 'freq.count'], ['share', 'freq.share']];
    const heads = columns.map(([key, label]) => {
      const th = h('th', { scope: 'col' }, h('button', { type: 'button', class: 'sort', on: { click: () => {
        this.#freqSort = { key, dir: this.#freqSort.key === key ? -this.#freqSort.dir : key === 'word' ? 1 : -1 };
        fill();
      } } }, t(label)));
      th.dataset.key = key;
      return th;
    });
    const maxCount = a.frequencies[0]?.count || 1;
    const more = h('button', { type: 'button', class: 'small', hidden: true, on: { click: () => { this.#freqAll = true; fill(); } } });
    const fill = () => {
      const { key, dir } = this.#freqSort;
      for (const th of heads) {
        if (th.dataset.key === key) th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
        else th.removeAttribute('aria-sort');
      }
      // The core lists most frequent first (ties by first appearance): index keeps that order.
      let rows = a.frequencies.map((f, i) => ({ ...f, i })).filter((f) => !this.#freqFilter || f.word.includes(this.#freqFilter));
      if (key === 'word') {
        collator ??= new Intl.Collator('zh-CN');
        rows.sort((x, y) => dir * collator.compare(x.word, y.word));
      } else rows.sort((x, y) => dir * (x.count - y.count) || x.i - y.i);
      const matching = rows.length;
      // Long lists render their top rows first; the rest on request (keeps the view fast).
      if (!this.#freqAll && !this.#freqFilter && rows.length > FREQ_ROWS) rows = rows.slice(0, FREQ_ROWS);
      more.hidden = rows.length === matching;
      more.textContent = t('freq.all', { n: num(matching) });
      shown.textContent = t('freq.shown', { n: rows.length, total: a.frequencies.length });
      replace(tbody, rows.length === 0
        ? h('tr', {}, h('td', { colSpan: 3, class: 'hint' }, t('freq.none')))
        : rows.map((f) => h('tr', {},
          h('td', {}, h('button', { type: 'button', class: 'word', lang: ZH, on: { click: () => this.pickWord(f.word) } }, f.word)),
          h('td', { class: 'num' }, num(f.count)),
          // The grid sits inside the cell: a cell that is itself a grid leaves the table's row
          // layout and its borders no longer line up.
          h('td', { class: 'num share' }, h('span', { class: 'share-cell' },
            h('span', { class: 'bar', attrs: { 'aria-hidden': 'true' } }, h('span', { style: { '--w': `${((f.count / maxCount) * 100).toFixed(1)}%` } })),
            `${num((f.count / total) * 100, 2)}%`)))));
      rove([...tbody.querySelectorAll('button.word')], 0);
    };
    fill();
    return h('div', {},
      h('div', { class: 'row' }, filter, shown),
      h('div', { class: 'table-wrap' }, h('table', { class: 'freq', attrs: { 'aria-label': t('freq.title') } }, h('thead', {}, h('tr', {}, heads)), tbody)),
      more,
      h('p', { class: 'hint' }, t('freq.note', { words: num(a.stats.words) })));
  }

  /** Shows the keyword-in-context lines of `word` and marks it in the text. */
  pickWord(word, { scroll = true } = {}) {
    if (!this.#entry) return;
    const a = this.#entry.article;
    this.#word = word;
    const kw = a.keywords.find((k) => k.word === word);
    this.#hits = kw?.occurrences?.length ? kw.occurrences.map(([s, e]) => [s, e]).sort((x, y) => x[0] - y[0]) : occurrences(a.text, word);
    const box = this.#els.kwic;
    const close = h('button', { type: 'button', class: 'icon', attrs: { 'aria-label': t('kwic.close') }, on: { click: () => this.closeWord() } }, '×');
    const head = h('div', { class: 'card-head' },
      h('h3', { id: 'kwic-h' }, t('kwic.title', { word })),
      h('span', { class: 'hint' }, t('kwic.count', { n: this.#hits.length })), close);
    const lines = this.#hits.slice(0, KWIC_LIMIT).map(([s, e], i) => {
      const left = a.text.slice(Math.max(0, s - KWIC_CONTEXT), s).split('\n').pop();
      const right = a.text.slice(e, e + KWIC_CONTEXT).split('\n')[0];
      return h('li', {}, h('button', { type: 'button', class: 'kwic-line', lang: ZH, on: { click: () => this.#scrollTo(`[data-hit="${i}"]`) } },
        h('span', { class: 'left' }, h('span', {}, left)), h('strong', {}, a.text.slice(s, e)), h('span', { class: 'right' }, right)));
    });
    replace(box, head,
      this.#hits.length === 0 ? h('p', { class: 'hint' }, t('kwic.none')) : h('ol', { class: 'kwic-lines' }, lines),
      this.#hits.length > KWIC_LIMIT && h('p', { class: 'hint' }, t('kwic.more', { n: KWIC_LIMIT })));
    box.hidden = false;
    box.setAttribute('aria-labelledby', 'kwic-h');
    for (const li of this.#root.querySelectorAll('.keywords li')) li.classList.toggle('picked', li.dataset.word === word);
    this.#renderText();
    if (scroll) {
      // Closing the panel gives focus back to what opened it (a keyword, the cloud, a row of
      // this view; not a button of the hidden corpus view).
      const opener = document.activeElement;
      this.#opener = opener && opener !== box && !box.contains(opener) && this.#root.contains(opener) ? opener : null;
      box.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
      close.focus({ preventScroll: true });
    }
  }

  /** Moves focus to the headline: after choosing an article, reading starts there. */
  focusHeadline() {
    this.#els.title?.focus({ preventScroll: true });
  }

  closeWord() {
    const hadFocus = this.#els.kwic.contains(document.activeElement);
    this.#word = null;
    this.#hits = [];
    this.#els.kwic.hidden = true;
    if (hadFocus) (this.#opener?.isConnected ? this.#opener : this.#els.title)?.focus({ preventScroll: true });
    this.#opener = null;
    for (const li of this.#root.querySelectorAll('.keywords li.picked')) li.classList.remove('picked');
    this.#renderText();
  }

  setTextMode(mode) {
    this.#textMode = mode;
    this.#hooks.textModeChanged?.(mode);
    for (const b of this.#els.modeButtons) b.setAttribute('aria-pressed', String(b.dataset.mode === mode));
    this.#els.legend.hidden = !isSegmented(mode) || this.#hooks.segmentationMode() !== 'default';
    this.#renderText();
  }

  get textMode() {
    return this.#textMode;
  }

  /** The text view to start in ('plain' or 'seg'), e.g. as saved before a reload. */
  set textMode(mode) {
    if (mode !== 'plain' && !isSegmented(mode)) return;
    if (this.#entry && this.#els.modeButtons) this.setTextMode(mode);
    else this.#textMode = mode;
  }

  async #renderText() {
    const a = this.#entry.article;
    const el = this.#els.text;
    const opts = { summary: a.summary, hits: this.#hits };
    let truncated;
    if (isSegmented(this.#textMode)) {
      const key = this.#entry.key;
      // Only the part that will be shown is segmented (a long article would send millions of
      // words across the worker boundary for nothing).
      this.#segCache ??= this.#hooks.segment(a.text.slice(0, TEXT_LIMIT));
      let seg;
      try {
        seg = await this.#segCache;
      } catch (e) {
        this.#segCache = null;
        el.replaceChildren(h('p', { class: 'hint' }, String(e.message)));
        return;
      }
      if (this.#entry?.key !== key || !isSegmented(this.#textMode)) return;
      el.replaceChildren();
      this.#els.legend.hidden = !seg.words;
      // Search and full modes give overlapping words without tags.
      this.#els.tagsNote.hidden = this.#textMode !== 'tags' || Boolean(seg.words);
      truncated = renderSegmented(el, a.text, { ...seg, ...opts });
    } else {
      el.replaceChildren();
      this.#els.tagsNote.hidden = true;
      truncated = renderPlain(el, a.text, opts);
    }
    el.classList.toggle('segmented', isSegmented(this.#textMode));
    // Part of speech in words as well as colours: a short label after each word.
    el.classList.toggle('tagged', this.#textMode === 'tags');
    this.#els.legend.classList.toggle('tagged', this.#textMode === 'tags');
    this.#els.legend.setAttribute('aria-label', t(this.#textMode === 'tags' ? 'text.tags' : 'text.segmented'));
    markSubheads(el);
    this.#els.textNote.hidden = !truncated;
    this.#els.textNote.textContent = truncated ? t('text.truncated', { n: num(TEXT_LIMIT) }) : '';
  }

  #scrollTo(selector) {
    const target = this.#els.text.querySelector(selector);
    if (!target) return;
    target.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
    // The focus follows, as for an in-page link: a keyboard or screen-reader user is at the
    // sentence (not left on the summary item, now scrolled away) and reads on from there.
    target.tabIndex = -1;
    target.focus({ preventScroll: true });
    target.classList.remove('flash');
    void target.offsetWidth; // restart the animation
    target.classList.add('flash');
  }
}
