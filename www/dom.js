// Tiny DOM helpers. Text always goes in through text nodes / textContent, never as HTML, so
// article text, titles, file names and dictionary words cannot inject markup.

/** Language of article text, set on the elements that show it: in the English UI a screen reader
 *  would otherwise read Chinese with an English voice. */
export const ZH = 'zh-CN';

/**
 * Creates an element. `props`: `class`, `text`, `dataset`, `style` (CSS custom properties and
 * declarations set through the CSSOM, allowed by the page's CSP), `on` ({event: handler}),
 * `attrs` (setAttribute), any other key is assigned as a DOM property (e.g. `type`, `hidden`).
 * Children: nodes, strings (as text) or arrays of them; null/false are skipped.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'style') for (const [p, v] of Object.entries(value)) el.style.setProperty(p, v);
    else if (key === 'on') for (const [ev, fn] of Object.entries(value)) el.addEventListener(ev, fn);
    else if (key === 'attrs') for (const [a, v] of Object.entries(value)) { if (v != null && v !== false) el.setAttribute(a, v === true ? '' : String(v)); }
    else el[key] = value;
  }
  append(el, children);
  return el;
}

/** Appends children (nodes, strings as text, nested arrays). */
export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/**
 * Roving tabindex: of `buttons`, only the one at `index` (clamped) is in the Tab order, so a
 * long list is one Tab stop; focused when `focus`. Returns the index used (-1: no buttons).
 */
export function rove(buttons, index, focus = false) {
  if (buttons.length === 0) return -1;
  const i = Math.max(0, Math.min(index, buttons.length - 1));
  buttons.forEach((b, j) => {
    b.tabIndex = j === i ? 0 : -1;
  });
  if (focus) buttons[i].focus();
  return i;
}

/** Where ↑ ↓ Home End move from item `i` of `n`; null for any other key. */
export const keyMove = (key, i, n) => ({ ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: n - 1 })[key] ?? null;

/**
 * Makes the buttons matching `selector` inside `container` one Tab stop that ↑ ↓ Home End
 * move through (call `rove` on them after each redraw).
 */
export function arrowKeys(container, selector) {
  // A word focused by a click (or a script) becomes the Tab stop: Tab then leaves the list.
  container.addEventListener('focusin', (e) => {
    const buttons = [...container.querySelectorAll(selector)];
    const i = buttons.indexOf(e.target);
    if (i >= 0) rove(buttons, i);
  });
  container.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const buttons = [...container.querySelectorAll(selector)];
    const i = buttons.indexOf(e.target);
    const next = i < 0 ? null : keyMove(e.key, i, buttons.length);
    if (next == null) return;
    e.preventDefault();
    rove(buttons, next, true);
  });
}

/** Replaces all children. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** `document.getElementById`, failing loudly when the page and the code disagree. */
export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from index.html`);
  return el;
}
