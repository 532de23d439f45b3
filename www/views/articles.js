// The list of loaded articles: title, source file and top keyword chips; choose or remove.
import { ZH, h, keyMove, replace, rove } from '../dom.js';
import { num, t } from '../i18n.js';
import { titleOf } from './article.js';

/** Longest list rendered (DOM size on huge batches); the rest is counted below the list. */
export const LIST_LIMIT = 500;

/**
 * The items a long list shows, in order: inputs not analyzed (waiting, cancelled or failed) and
 * the chosen article always — they need the user — then the first articles up to the limit.
 */
function listed(items, selected) {
  if (items.length <= LIST_LIMIT) return items;
  const kept = new Set(items.filter((x) => x.kind !== 'article' || x.key === selected).map((x) => x.key));
  if (kept.size >= LIST_LIMIT) return items.slice(0, LIST_LIMIT);
  let room = LIST_LIMIT - kept.size;
  return items.filter((x) => kept.has(x.key) || room-- > 0);
}

/**
 * @param {HTMLOListElement} list
 * @param {HTMLElement} more  note shown when the list is cut
 * @param {object[]} items    {kind: 'article'|'pending'|'error', key, article?, sourceName, error?,
 *   stale?: results from settings changed since, cancelled?: a pending input no job will reach}
 * @param {string|null} selected key of the chosen article
 * @param {{open: Function, remove: Function, emptied?: Function}} hooks  `emptied`: the list lost
 *   its last item while it had the focus
 */
export function renderArticleList(list, more, items, selected, hooks) {
  const shown = listed(items, selected);
  // The list is redrawn while a batch runs: focus inside it stays on the same article.
  const focused = list.contains(document.activeElement) ? document.activeElement.closest('li') : null;
  const focusedIndex = focused ? [...list.children].indexOf(focused) : -1;
  replace(list, shown.map((item) => {
    if (item.kind !== 'article') {
      const note = item.kind === 'pending' ? t(item.cancelled ? 'articles.cancelled' : 'articles.pending') : t('articles.failed', { error: item.error });
      return h('li', { class: ['art-item', item.kind], dataset: { key: item.key } },
        h('div', { class: 'art-open' }, h('span', { class: 'art-title' }, fileName(item.sourceName)), h('span', { class: 'art-source' }, note)),
        removeButton(item, item.sourceName, hooks));
    }
    const title = titleOf(item.article);
    const current = item.key === selected;
    return h('li', { class: ['art-item', current && 'selected'], dataset: { key: item.key } },
      h('button', { type: 'button', class: 'art-open', attrs: { 'aria-current': current ? 'true' : null, 'aria-describedby': 'articles-keys', 'aria-keyshortcuts': 'Delete' }, on: { click: () => hooks.open(item.key) } },
        h('span', { class: 'art-title', lang: ZH }, title),
        h('span', { class: 'art-source' }, fileName(item.sourceName, item.stale ? ` · ${t('articles.stale')}` : '')),
        h('span', { class: 'chips', lang: ZH }, item.article.keywords.slice(0, 3).map((k) => h('span', { class: 'chip' }, k.word)))),
      removeButton(item, title, hooks));
  }));
  more.hidden = items.length === shown.length;
  more.textContent = items.length > shown.length ? t('articles.more', { n: num(items.length - shown.length) }) : '';
  const keys = shown.map((item) => item.key);
  const at = (key) => (key == null ? -1 : keys.indexOf(key));
  if (focused && shown.length === 0) {
    hooks.emptied?.(); // the last one removed: the focus goes where the next input comes from
  } else if (focused) {
    // The same article, or the one that took its place.
    const still = at(focused.dataset.key);
    moveTo(list, still >= 0 ? still : focusedIndex, true);
  } else {
    moveTo(list, [at(selected), at(list.dataset.rover), 0].find((i) => i >= 0), false);
  }
  if (!list.dataset.keyboard) {
    list.dataset.keyboard = 'on';
    list.addEventListener('keydown', (e) => onListKey(e, list));
  }
}

/**
 * A file name that, when too long for its line, loses its middle rather than its end: a batch
 * of "report_2024_copy1.txt", "report_2024_copy2.txt"… stays told apart. `after` follows it.
 */
function fileName(name, after = '') {
  const tail = [...name].slice(-12).join('');
  if (tail.length === name.length) return name + after;
  return h('span', { class: 'fname' },
    h('span', { class: 'fname-head' }, name.slice(0, name.length - tail.length)),
    h('span', { class: 'fname-tail' }, tail + after));
}

/** The × of an item: for the mouse; the keyboard removes with Delete on the item itself. */
function removeButton(item, title, hooks) {
  return h('button', { type: 'button', class: 'icon remove', tabIndex: -1, attrs: { 'aria-label': t('articles.remove', { title }) }, on: { click: () => hooks.remove(item) } }, '×');
}

// Keyboard: the list is one Tab stop (a roving tabindex): ↑ ↓ Home End move between articles,
// Enter opens, Delete or Backspace removes. 500 articles are not 1000 Tab presses.
const target = (li) => li?.querySelector('button.art-open') ?? li?.querySelector('button.remove');

function moveTo(list, index, focus) {
  const items = [...list.children];
  const i = rove(items.map(target), index, focus);
  if (i < 0) delete list.dataset.rover;
  else list.dataset.rover = items[i].dataset.key;
}

function onListKey(e, list) {
  const li = e.target.closest('li');
  if (!li || e.altKey || e.ctrlKey || e.metaKey) return;
  const items = [...list.children];
  const next = keyMove(e.key, items.indexOf(li), items.length);
  if (next != null) {
    e.preventDefault();
    moveTo(list, next, true);
  } else if (e.key === 'Delete' || e.key === 'Backspace') {
    e.preventDefault();
    // Redrawn with the focus inside: the next article takes the removed one's place.
    li.querySelector('button.remove')?.click();
  }
}
