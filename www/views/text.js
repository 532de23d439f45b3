// The article text, plain (with summary sentences and word occurrences marked) or segmented
// (one span per word, coloured by part of speech). Built from text nodes only.
import { h } from '../dom.js';
import { t } from '../i18n.js';

/** Longest text rendered in full; longer articles show their beginning (DOM size). */
export const TEXT_LIMIT = 200_000;

/** Part-of-speech tag → colour group (a CSS class `pos-<group>` and an i18n key). */
export function posGroup(tag, word = '') {
  if (!tag) return 'other';
  // jieba tags words its dictionary lacks (found by the HMM), punctuation and some rare single
  // characters alike as x: only a word of two or more characters is a new word.
  if (tag === 'x') return [...word].length > 1 && /[\p{L}\p{N}]/u.test(word) ? 'unknown' : 'other';
  if (tag === 'i' || tag === 'l') return 'phrase'; // idioms and set phrases
  if (tag === 'j') return 'noun'; // abbreviations: 一汽, 人大
  if (tag === 's') return 'place'; // place words: 郊外, 身边
  if (tag === 'b' || tag === 'z') return 'adj'; // distinguishing and state words: 大型, 崭新
  if (tag.startsWith('nr')) return 'person';
  if (tag.startsWith('ns')) return 'place';
  if (tag.startsWith('nt')) return 'org';
  if (tag === 'eng') return 'eng';
  if (tag.startsWith('n')) return 'noun';
  if (tag.startsWith('v')) return 'verb';
  if (tag.startsWith('a')) return 'adj';
  if (tag.startsWith('d')) return 'adv';
  if (tag.startsWith('m') || tag === 'q') return 'num';
  if (tag.startsWith('r')) return 'pron';
  if (tag.startsWith('t')) return 'time';
  if (['p', 'c', 'u', 'e', 'y', 'o', 'f', 'k', 'h'].includes(tag[0])) return 'func';
  return 'other';
}

export const POS_GROUPS = ['noun', 'person', 'place', 'org', 'verb', 'adj', 'adv', 'num', 'pron', 'time', 'func', 'phrase', 'eng', 'unknown'];

// Which of the sorted, non-overlapping ranges covers position `p`? (index, or -1)
function cover(ranges) {
  return (p) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid][1] <= p) lo = mid + 1;
      else if (ranges[mid][0] > p) hi = mid - 1;
      else return mid;
    }
    return -1;
  };
}

function paragraphs(container) {
  let p = null;
  return {
    add(node) {
      p ??= container.appendChild(h('p'));
      p.append(node);
    },
    breakLine() {
      p = null;
    },
  };
}

/**
 * A line that reads as a section heading: short, without sentence punctuation (the core keeps
 * an article's section headings as lines of their own in its text).
 */
export const isHeadingLine = (line) => line.length > 0 && line.length <= 30 && !/[。！？!?；;…：:，,、]/.test(line);

/** Shows heading lines between paragraphs of a rendered text as section headings. */
export function markSubheads(container) {
  const ps = container.children;
  for (let i = 0; i + 1 < ps.length; i++) {
    if (ps[i].tagName === 'P' && isHeadingLine(ps[i].textContent.trim())) ps[i].classList.add('subhead');
  }
}

/**
 * Plain text with marks. `summary`: sentences ({start, end}); `hits`: [start, end] pairs of
 * the selected word. Summary marks get `data-sum=<index>`, hits `data-hit=<index>`.
 */
export function renderPlain(container, text, { summary = [], hits = [] } = {}) {
  const shown = text.length > TEXT_LIMIT ? text.slice(0, TEXT_LIMIT) : text;
  const sums = summary.map((s) => [s.start, s.end]);
  const cuts = new Set([0, shown.length]);
  for (const [a, b] of [...sums, ...hits]) {
    if (a < shown.length) cuts.add(a);
    if (b < shown.length) cuts.add(b);
  }
  for (let i = shown.indexOf('\n'); i !== -1; i = shown.indexOf('\n', i + 1)) cuts.add(i).add(i + 1);
  const points = [...cuts].sort((a, b) => a - b);
  const inSummary = cover(sums);
  const inHit = cover(hits);
  const out = paragraphs(container);
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const piece = shown.slice(a, points[k + 1]);
    if (piece === '\n') {
      out.breakLine();
      continue;
    }
    const s = inSummary(a);
    const hit = inHit(a);
    if (s < 0 && hit < 0) {
      out.add(document.createTextNode(piece));
    } else {
      const mark = h('mark', { class: [s >= 0 && 'sum', hit >= 0 && 'hit'] }, piece);
      if (s >= 0) mark.dataset.sum = s;
      if (hit >= 0) mark.dataset.hit = hit;
      out.add(mark);
    }
  }
  return shown.length < text.length;
}

/**
 * Segmented text. `words`: [{word, tag, user?}] tiling the text (default mode), or
 * `spans` (Uint32Array [start, end, …], possibly overlapping) for the search and all modes.
 */
export function renderSegmented(container, text, { words = null, spans = null, summary = [], hits = [] } = {}) {
  const out = paragraphs(container);
  const inSummary = cover(summary.map((s) => [s.start, s.end]));
  const inHit = cover(hits);
  const token = (word, start, tag, user) => {
    const s = inSummary(start);
    const hit = inHit(start);
    const group = tag === undefined ? null : posGroup(tag, word);
    const cls = ['tok', group && `pos-${group}`, user && 'user', s >= 0 && 'sum', hit >= 0 && 'hit'];
    const span = h('span', { class: cls }, word);
    if (s >= 0) span.dataset.sum = s;
    if (hit >= 0) span.dataset.hit = hit;
    if (tag !== undefined) {
      span.title = user ? `${tag} · ${t('text.user')}` : tag;
      if (group !== 'other') span.dataset.pos = t(`pos.short.${group}`);
    }
    return span;
  };
  if (words) {
    let start = 0;
    for (const w of words) {
      if (start >= TEXT_LIMIT) return true;
      const pieces = w.word.split('\n');
      pieces.forEach((piece, i) => {
        if (i > 0) out.breakLine();
        if (!piece) return;
        if (!piece.trim()) out.add(document.createTextNode(piece));
        else out.add(token(piece, start, w.tag, w.user));
      });
      start += w.word.length;
    }
    return text.length > TEXT_LIMIT;
  }
  // Overlapping modes (当 当前 前): words that overlap form a group, shown as the text they
  // cover followed by the words found in it, small, so the text still reads in order. A new
  // paragraph where the text has a line break.
  const pairs = [];
  for (let i = 0; i + 1 < spans.length; i += 2) pairs.push([spans[i], spans[i + 1]]);
  pairs.sort((x, y) => x[0] - y[0] || y[1] - x[1]); // search mode lists a word after its parts
  let last = 0;
  for (let i = 0; i < pairs.length;) {
    const start = pairs[i][0];
    if (start >= TEXT_LIMIT) return true;
    let end = pairs[i][1];
    const found = [];
    for (; i < pairs.length && pairs[i][0] < end; i++) {
      end = Math.max(end, pairs[i][1]);
      found.push(text.slice(pairs[i][0], pairs[i][1]));
    }
    const covered = text.slice(start, end);
    // The line break is a gap between words or a token of its own (all mode lists it).
    if (text.slice(last, start).includes('\n') || (!covered.trim() && covered.includes('\n'))) out.breakLine();
    last = end;
    if (!covered.trim()) continue;
    // Single characters add nothing a reader does not see in the text itself.
    const parts = found.filter((w) => w !== covered && w.trim().length > 1);
    out.add(parts.length ? h('span', { class: 'tok-group' }, token(covered, start), h('small', { class: 'tok-parts' }, parts.join(' '))) : token(covered, start));
  }
  return text.length > TEXT_LIMIT;
}
