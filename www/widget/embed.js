// dist/embed.js: the script of dist/embed.html, the iframe embed of <wenxi-analyzer>.
//
// Only the origin named by `?origin=` may send text, and replies go to that origin only; a
// page without a valid origin gets an error and nothing is listened to. The text reaches the
// widget through its `text` property (never as markup).
import './widget.js';

const OPTION_ATTRIBUTES = { topK: 'top-k', summarySentences: 'summary-sentences', method: 'method', lang: 'lang', theme: 'theme', compact: 'compact', show: 'show' };

const params = new URLSearchParams(location.search);
// Inserted with the first text, so an empty frame shows nothing rather than "no text".
const widget = document.createElement('wenxi-analyzer');
document.documentElement.style.cssText = 'margin:0;padding:0;background:transparent';
document.body.style.cssText = 'margin:0;padding:1px 0;background:transparent';

/** The allowed origin, or null: an exact http(s) origin, no wildcard, no path. */
function allowedOrigin(value) {
  if (!value) return null;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.replace(/\/$/, '') ? url.origin : null;
  } catch {
    return null;
  }
}

function applyOptions(options) {
  for (const [key, attribute] of Object.entries(OPTION_ATTRIBUTES)) {
    const value = options?.[key];
    if (value === undefined) continue;
    if (value === null || value === false) widget.removeAttribute(attribute);
    else widget.setAttribute(attribute, value === true ? '' : String(value));
  }
}

const origin = allowedOrigin(params.get('origin'));
// Options in the URL use the attribute names: ?origin=…&top-k=5&theme=dark&show=keywords,summary
for (const attribute of Object.values(OPTION_ATTRIBUTES)) {
  if (params.has(attribute)) widget.setAttribute(attribute, params.get(attribute));
}

if (!origin) {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.style.cssText = 'font:14px system-ui,sans-serif;color:#b42318;margin:8px';
  p.textContent = 'wenxi embed: add ?origin=<the embedding page origin, e.g. https://example.org> to the iframe URL.';
  document.body.append(p);
} else {
  const send = (message) => parent.postMessage(message, origin);
  // The embed shows one analysis: a request that comes before the last one was answered
  // replaces it, and the last one is told so rather than left waiting.
  let requestId = null;
  let pending = false;
  const answer = (message) => {
    pending = false;
    send({ ...message, id: requestId });
  };
  widget.addEventListener('wenxi-result', (e) => answer({ type: 'wenxi-result', report: e.detail }));
  widget.addEventListener('wenxi-error', (e) => answer({ type: 'wenxi-error', ...e.detail }));

  addEventListener('message', (event) => {
    if (event.origin !== origin || event.source !== parent) return;
    const data = event.data;
    if (data?.type !== 'wenxi-analyze') return;
    if (pending) {
      send({ type: 'wenxi-error', id: requestId, code: 'superseded', message: 'a later wenxi-analyze message replaced this one before it was answered' });
    }
    pending = true;
    requestId = data.id ?? null;
    applyOptions(data.options);
    widget.text = String(data.text ?? '');
    if (!widget.isConnected) document.body.append(widget);
  });

  // Height for auto-resize, posted whenever the content changes size.
  let lastHeight = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    send({ type: 'wenxi-height', height });
  }).observe(document.body);

  send({ type: 'wenxi-ready' });
}
