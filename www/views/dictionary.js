// The user dictionary editor: the word list (jieba format lines) with remove buttons and the
// per-line errors of the last import.
import { ZH, h, replace } from '../dom.js';
import { t } from '../i18n.js';

/** The core's reasons for rejecting a dictionary line, in the page's language. */
const REASONS = {
  'expected `word [freq] [tag]`': 'dict.reason.format',
  'frequency is not a whole number of 0 or more': 'dict.reason.freq',
  'the word is empty': 'dict.reason.empty',
  'longer than 64 characters': 'dict.reason.long',
  'contains spaces or control characters': 'dict.reason.spaces',
};
const reasonText = (reason) => (REASONS[reason] ? t(REASONS[reason]) : reason);

/** Parses jieba-format text into entries {word, freq, tag, line}; blank lines are skipped. */
export function dictionaryEntries(text) {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const [word, freq, tag] = line.split(/\s+/);
    return { word, freq: freq ?? null, tag: tag ?? null, line };
  });
}

/**
 * The dictionary text with `lines` added: an earlier line for the same word goes, as its
 * frequency and tag are replaced in the analyzer too (a word added again, or imported again
 * with a frequency, is listed once).
 */
export function withLines(text, lines) {
  const added = dictionaryEntries(lines.join('\n'));
  const last = new Map(added.map((e, i) => [e.word, i]));
  const kept = dictionaryEntries(text).filter((e) => !last.has(e.word));
  return [...kept, ...added.filter((e, i) => last.get(e.word) === i)].map((e) => `${e.line}\n`).join('');
}

/**
 * One jieba-format line for what the user typed: `word`, `word freq` or `word freq tag`
 * (`usedFreq`, what the analyzer chose, fills the frequency a tag needs before it).
 */
export function dictionaryLine(word, freq, tag, usedFreq) {
  if (tag) return `${word} ${freq ?? usedFreq} ${tag}`;
  return freq ? `${word} ${freq}` : word;
}

/** A word the dictionary can hold: not empty, no whitespace. */
export const validWord = (word) => word.length > 0 && !/\s/.test(word);

/** `hooks.remove(index)`; `hooks.emptied()` when the list lost its last word while it had the
 *  focus (otherwise the focus stays on the × at the removed word's place). */
export function renderDictionary(list, count, text, hooks) {
  const entries = dictionaryEntries(text);
  const focused = list.contains(document.activeElement) ? [...list.children].indexOf(document.activeElement.closest('li')) : -1;
  count.textContent = entries.length ? t('dict.count', { n: entries.length }) : '';
  replace(list, entries.length === 0 && h('li', { class: 'empty hint' }, t('dict.empty')), entries.map((e, i) => h('li', {},
    h('span', { class: 'dict-word', lang: ZH }, e.word),
    (e.freq || e.tag) && h('span', { class: 'hint' }, [e.freq, e.tag].filter(Boolean).join(' ')),
    h('button', { type: 'button', class: 'icon remove', attrs: { 'aria-label': t('dict.remove', { word: e.word }) }, on: { click: () => hooks.remove(i) } }, '×'))));
  if (focused < 0) return;
  const buttons = list.querySelectorAll('button.remove');
  if (buttons.length) buttons[Math.min(focused, buttons.length - 1)].focus();
  else hooks.emptied?.();
}

export function renderDictionaryErrors(box, errors) {
  box.hidden = errors.length === 0;
  // Errors with a line number come from an imported file; the others (a word typed into the
  // form, a file too large) are shown as they are.
  const lines = errors.filter((e) => e.line > 0).length;
  replace(box, lines > 0 && h('p', {}, t('dict.errors', { n: lines })),
    h('ul', {}, errors.slice(0, 50).map((e) => h('li', {}, e.line > 0 ? t('dict.lineError', { line: e.line, content: e.content, reason: reasonText(e.reason) }) : e.message))));
}
