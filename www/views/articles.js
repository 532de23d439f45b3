// The list of loaded articles: title, source file and top keyword chips; choose or remove.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { titleOf } from './article.js';

/** Longest list rendered (DOM size on huge batches); the rest is counted below the list. */
export const LIST_LIMIT = 500;

/**
 * @param {HTMLOListElement} list
 * @param {HTMLElement} more  note shown when the list is cut
 * @param {object[]} items    {kind: 'article'|'pending'|'error', key, article?, sourceName, error?}
 * @param {string|null} selected key of the chosen article
 * @param {{open: Function, remove: Function}} hooks
 */
export function renderArticleList(list, more, items, selected, hooks) {
  const shown = items.slice(0, LIST_LIMIT);
  replace(list, shown.map((item) => {
    if (item.kind !== 'article') {
      const note = item.kind === 'pending' ? t('articles.pending') : t('articles.failed', { error: item.error });
      return h('li', { class: ['art-item', item.kind], dataset: { key: item.key } },
        h('div', { class: 'art-open' }, h('span', { class: 'art-title' }, item.sourceName), h('span', { class: 'art-source' }, note)),
        h('button', { type: 'button', class: 'icon remove', attrs: { 'aria-label': t('articles.remove', { title: item.sourceName }) }, on: { click: () => hooks.remove(item) } }, '×'));
    }
    const title = titleOf(item.article);
    const current = item.key === selected;
    return h('li', { class: ['art-item', current && 'selected'], dataset: { key: item.key } },
      h('button', { type: 'button', class: 'art-open', attrs: { 'aria-current': current ? 'true' : null }, on: { click: () => hooks.open(item.key) } },
        h('span', { class: 'art-title' }, title),
        h('span', { class: 'art-source' }, item.sourceName),
        h('span', { class: 'chips' }, item.article.keywords.slice(0, 3).map((k) => h('span', { class: 'chip' }, k.word)))),
      h('button', { type: 'button', class: 'icon remove', attrs: { 'aria-label': t('articles.remove', { title }) }, on: { click: () => hooks.remove(item) } }, '×'));
  }));
  more.hidden = items.length <= LIST_LIMIT;
  more.textContent = items.length > LIST_LIMIT ? t('articles.more', { n: items.length - LIST_LIMIT }) : '';
}
