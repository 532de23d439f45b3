// Word cloud with wordcloud2.js (vendored into dist/vendor by `cargo xtask build`). The
// library is a classic script, loaded on first use so it does not delay the page.
import { t } from '../i18n.js';

let library = null;

function loadLibrary() {
  // Already there when the page inlines it (the single-file build).
  if (window.WordCloud) return Promise.resolve(window.WordCloud);
  library ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    // Relative to the page, not this module, so it still resolves when the modules are bundled.
    script.src = new URL('vendor/wordcloud2.js', document.baseURI).href;
    script.onload = () => (window.WordCloud ? resolve(window.WordCloud) : reject(new Error('wordcloud2.js did not load')));
    script.onerror = () => {
      library = null;
      reject(new Error('wordcloud2.js missing'));
    };
    document.head.append(script);
  });
  return library;
}

// A stable colour per word, from the theme's palette.
function colourOf(word, palette) {
  let hash = 0;
  for (const ch of word) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return palette[hash % palette.length];
}

/**
 * Draws `words` ([{word, count}], most frequent first) on `canvas`; `onPick(word)` on click.
 * Resolves when drawing has started (it finishes asynchronously), or with `false` when the canvas
 * is hidden and has no size to draw at.
 */
export async function drawCloud(canvas, words, onPick) {
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', t('cloud.label', { words: words.slice(0, 12).map((w) => w.word).join('、') }));
  const WordCloud = await loadLibrary();
  if (!WordCloud.isSupported || !canvas.isConnected) return;
  WordCloud.stop();
  // Layout is read only here, after the view is built: reading it earlier would force a layout
  // in the middle of rendering the results.
  const css = getComputedStyle(canvas);
  canvas.style.width = canvas.style.height = canvas.style.flex = ''; // measure the size the stylesheet gives it
  // In a hidden view there is no size to fit: the caller draws again once it is shown.
  if (canvas.clientWidth === 0 || canvas.clientHeight === 0) return false;
  const dpr = window.devicePixelRatio || 1;
  // A coarser grid leaves a gap between words (at 6 px neighbours read as one word).
  const grid = Math.round(7 * dpr);
  // wordcloud2 lays words out on whole grid cells, and a partial cell at the right or bottom
  // edge counts as inside: glyphs placed there were cut off. The drawing is sized to whole
  // cells, at most one cell smaller than its box.
  const fit = (cssPx) => Math.max(grid, Math.floor((cssPx * dpr) / grid) * grid);
  canvas.width = fit(canvas.clientWidth);
  canvas.height = fit(canvas.clientHeight);
  const width = canvas.width / dpr;
  const height = canvas.height / dpr;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  canvas.style.flex = 'none';
  // As many words as the canvas holds legibly: 60 on a desktop card, fewer on a phone.
  const list = words.slice(0, Math.max(20, Math.min(60, Math.round((width * height) / 2200))));
  if (list.length === 0) {
    canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
    return;
  }
  const palette = ['--cloud-1', '--cloud-2', '--cloud-3', '--cloud-4', '--cloud-5'].map((v) => css.getPropertyValue(v).trim() || '#336');
  const max = list[0].count;
  const min = list[list.length - 1].count;
  // Font size by the square root of the count, so the top word does not dwarf the rest.
  const maxPx = Math.min(64, Math.max(28, width / 7));
  const minPx = 13;
  const size = (c) => (max === min ? (maxPx + minPx) / 2 : minPx + (maxPx - minPx) * Math.sqrt((c - min) / (max - min)));
  WordCloud(canvas, {
    list: list.map((w) => [w.word, size(w.count) * dpr]),
    fontFamily: css.fontFamily,
    fontWeight: (word, weight) => (weight > (maxPx * dpr) / 2 ? '700' : '500'),
    color: (word) => colourOf(word, palette),
    backgroundColor: 'rgba(0,0,0,0)',
    gridSize: grid,
    rotateRatio: 0,
    shuffle: false,
    shrinkToFit: true,
    // A word that only fits shrunk below this is left out rather than drawn unreadably small.
    minSize: Math.round(11 * dpr),
    drawOutOfBound: false,
    click: (item) => onPick?.(item[0]),
  });
}
