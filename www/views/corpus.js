// The corpus view: keywords across all loaded articles, the articles using a keyword, and a
// sortable table comparing the articles.
import { ZH, arrowKeys, h, replace, rove } from '../dom.js';
import { t, num } from '../i18n.js';
import { corpusKeywords, countIn, distinctiveWords, documentFrequency, usesOf, wordKey } from '../corpus.js';
import { readingTime, scrollBehavior, titleOf } from './article.js';

export class CorpusView {
  #root;
  #hooks;
  #entries = [];
  #word = null;
  /** Every spelling of the picked keyword (株洲, 株洲市). */
  #spellings = [];
  #sort = { key: 'index', dir: 1 };
  #using = null;

  /** @param {{open: (key: string) => void, exportAs: (kind: string) => void}} hooks */
  constructor(root, hooks) {
    this.#root = root;
    this.#hooks = hooks;
  }

  show(entries) {
    this.#entries = entries;
    const articles = entries.map((e) => e.article);
    const df = documentFrequency(articles);
    const n = articles.length;
    const rows = entries.map((e, index) => ({
      index,
      entry: e,
      title: titleOf(e.article),
      source: e.sourceName ?? '',
      chars: e.article.stats.chars,
      sentences: e.article.stats.sentences,
      keywordList: e.article.keywords.slice(0, 3).map((k) => k.word),
      distinctList: distinctiveWords(e.article, df, n).map((d) => d.word),
    }));
    for (const r of rows) {
      r.keywords = r.keywordList.join('、');
      r.distinct = r.distinctList.join('、');
    }
    const keywords = corpusKeywords(articles, 20, df);
    if (this.#word && !df.has(wordKey(this.#word))) this.#word = null;
    // The picked keyword may now be shown in another of its spellings.
    const picked = keywords.find((k) => k.words.includes(this.#word));
    if (picked) this.#word = picked.word;
    this.#spellings = picked?.words ?? [this.#word];
    const totalChars = articles.reduce((s, a) => s + a.stats.chars, 0);

    const max = Math.max(...keywords.map((k) => k.score)) || 1;
    // The words of one article only follow the shared ones (see corpusKeywords), under a line.
    const firstAlone = n >= 3 && keywords.some((k) => k.df >= 2) ? keywords.findIndex((k) => k.df < 2) : -1;
    const kwList = h('ol', { class: 'keywords corpus-keywords' },
      keywords.flatMap((k, i) => [i === firstAlone && h('li', { class: 'kw-group', attrs: { 'aria-hidden': 'true' } }, t('corpus.alone')),
        h('li', { dataset: { word: k.word }, class: k.word === this.#word ? 'picked' : null },
        h('button', { type: 'button', class: 'word', lang: ZH, on: { click: () => this.#pick(k) } }, k.word),
        h('span', { class: 'bar', attrs: { 'aria-hidden': 'true' } }, h('span', { style: { '--w': `${Math.max(2, (k.score / max) * 100).toFixed(1)}%` } })),
        h('span', { class: 'count' }, t('corpus.inArticles', { n: k.df })))]));
    rove([...kwList.querySelectorAll('button.word')], 0);
    arrowKeys(kwList, 'button.word');
    this.#using = h('div', { attrs: { 'aria-live': 'polite' } });

    const table = this.#table(rows);
    replace(this.#root,
      h('header', { class: 'art-head' },
        h('h2', { tabIndex: -1, id: 'corpus-title' }, t('corpus.title')),
        h('p', { class: 'subtitle' }, t('corpus.summary', { n: num(n), chars: num(totalChars) }))),
      n < 2 && h('p', { class: 'hint' }, t('corpus.needTwo')),
      h('section', { class: 'card', attrs: { 'aria-labelledby': 'cmp-h' } },
        h('h3', { id: 'cmp-h' }, t('corpus.compare')),
        table),
      h('div', { class: 'grid2 top' },
        h('section', { class: 'card', attrs: { 'aria-labelledby': 'ckw-h' } },
          h('h3', { id: 'ckw-h' }, t('corpus.keywords')),
          h('p', { class: 'hint below' }, t('corpus.keywordsHint')),
          kwList),
        h('section', { class: 'card', attrs: { 'aria-labelledby': 'using-h' } }, this.#using)),
      h('section', { class: 'card export' },
        h('h3', {}, t('export.title')),
        h('div', { class: 'row wrap' },
          h('button', { type: 'button', dataset: { export: 'summaries' }, on: { click: () => this.#hooks.exportAs('summaries') } }, t('corpus.exportMd')),
          h('button', { type: 'button', dataset: { export: 'jsonl' }, on: { click: () => this.#hooks.exportAs('jsonl') } }, t('corpus.exportJson')),
          h('button', { type: 'button', dataset: { export: 'compare' }, on: { click: () => this.#hooks.exportAs('compare', rows) } }, t('corpus.exportCsv')))));
    this.#renderUsing();
  }

  #pick({ word, words }) {
    this.#word = word;
    this.#spellings = words;
    for (const li of this.#root.querySelectorAll('.corpus-keywords li')) li.classList.toggle('picked', li.dataset.word === word);
    this.#renderUsing();
    // On a phone the list sits under the keywords, out of sight: bring it up.
    const box = this.#using.getBoundingClientRect();
    if (box.top > innerHeight - 40 || box.bottom < 0) this.#using.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
  }

  #renderUsing() {
    const word = this.#word;
    if (!word) {
      replace(this.#using, h('h3', { id: 'using-h' }, t('corpus.using', { word: '…' })), h('p', { class: 'hint' }, t('corpus.usingHint')));
      return;
    }
    const using = this.#entries
      .map((e) => ({ e, n: usesOf(e.article, this.#spellings), own: ownSpelling(e.article, this.#spellings) }))
      .filter((x) => x.n > 0)
      .sort((x, y) => y.n - x.n);
    // Articles of the same title (one story in two files) are told apart by their file.
    const titles = using.map(({ e }) => titleOf(e.article));
    const repeated = new Set(titles.filter((x, i) => titles.indexOf(x) !== i));
    replace(this.#using,
      h('h3', { id: 'using-h' }, t('corpus.using', { word })),
      h('ol', { class: 'using' }, using.map(({ e, n, own }, i) => h('li', {},
        h('span', {},
          h('button', { type: 'button', class: 'link', lang: ZH, on: { click: () => this.#hooks.open(e.key, own) } }, titles[i]),
          repeated.has(titles[i]) && e.sourceName && h('span', { class: 'using-file' }, ` · ${e.sourceName}`)),
        h('span', { class: 'count' }, t('corpus.times', { n }))))));
  }

  #table(rows) {
    // The file goes under the title, not in a column of its own: a table narrow enough for
    // its word columns to stay in view.
    const cols = [
      ['title', 'corpus.col.title'], ['chars', 'corpus.col.chars'],
      ['sentences', 'corpus.col.sentences'], ['reading', 'corpus.col.reading'],
      ['keywords', 'corpus.col.keywords'], ['distinct', 'corpus.col.distinct'],
    ];
    const numeric = new Set(['chars', 'sentences', 'reading']);
    const tbody = h('tbody');
    const heads = cols.map(([key, label]) => {
      const th = h('th', { scope: 'col', dataset: { key } }, h('button', { type: 'button', class: 'sort', on: { click: () => {
        this.#sort = { key, dir: this.#sort.key === key ? -this.#sort.dir : numeric.has(key) ? -1 : 1 };
        fill();
      } } }, t(label)));
      return th;
    });
    const fill = () => {
      const { key, dir } = this.#sort;
      for (const th of heads) {
        if (th.dataset.key === key) th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
        else th.removeAttribute('aria-sort');
      }
      const value = (r) => (key === 'reading' ? r.chars : r[key]);
      const sorted = [...rows].sort((x, y) => {
        const a = value(x);
        const b = value(y);
        return dir * (typeof a === 'number' ? a - b : String(a).localeCompare(String(b), 'zh-CN'));
      });
      replace(tbody, sorted.map((r) => h('tr', {},
        h('th', { scope: 'row' },
          h('button', { type: 'button', class: 'link', lang: ZH, on: { click: () => this.#hooks.open(r.entry.key) } }, r.title),
          r.source && h('span', { class: 'row-file' }, r.source)),
        h('td', { class: 'num' }, num(r.chars)),
        h('td', { class: 'num' }, num(r.sentences)),
        h('td', { class: 'num' }, readingTime(r.chars)),
        h('td', { lang: ZH }, words(r.keywordList)),
        h('td', { lang: ZH }, words(r.distinctList)))));
      // The titles are one Tab stop that ↑ ↓ move through, like the other lists: with many
      // articles, Tab would otherwise walk every row to reach the exports.
      rove([...tbody.querySelectorAll('button.link')], 0);
    };
    arrowKeys(tbody, 'button.link');
    fill();
    return h('div', { class: 'table-wrap' }, h('table', { class: 'compare', attrs: { 'aria-label': t('corpus.compare') } }, h('thead', {}, h('tr', {}, heads)), tbody));
  }
}

/** The spelling of a keyword (報告 or 报告, 株洲 or 株洲市) an article uses most. */
function ownSpelling(article, spellings) {
  return spellings.reduce((best, w) => (countIn(article, w) > countIn(article, best) ? w : best));
}

/** A list of words that wraps between words, never inside one (动力总|成). */
function words(list) {
  return list.flatMap((w, i) => [i > 0 && '、', h('span', { class: 'nowrap' }, w)]);
}
