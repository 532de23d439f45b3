// wenxi JS API: one shared WebAssembly instance of the Rust core.
//
//   import { load } from './wenxi.js';
//   const w = await load();
//   const report = w.analyze(text, { topK: 10 });
//
// The .wasm is resolved relative to this module, so the files can be served from any path
// or origin. Works in browsers, workers and Node 20+.
import init, { Wenxi } from './wenxi_core.js';

const MODES = new Set(['default', 'search', 'all']);

let loading = null;

async function wasmSource(source) {
  if (source) return source;
  // The single-file build (dist/wenxi.html) carries the WASM inline and installs this hook.
  if (typeof globalThis.wenxiInlineWasm === 'function') return globalThis.wenxiInlineWasm();
  // Resolved here, not at module load: in the single file this module runs from a blob: URL,
  // against which relative URLs cannot be resolved.
  const WASM_URL = new URL('./wenxi_core_bg.wasm', import.meta.url);
  const isNode = typeof process !== 'undefined' && process.versions?.node && WASM_URL.protocol === 'file:';
  if (isNode) {
    const { readFile } = await import('node:fs/promises');
    return readFile(WASM_URL);
  }
  return WASM_URL;
}

function modeOf(options) {
  const mode = options?.mode ?? 'default';
  if (!MODES.has(mode)) throw new RangeError(`unknown segmentation mode ${shown(mode)} (expected default, search or all)`);
  return mode;
}

function hmmOf(options) {
  const hmm = options?.hmm ?? true;
  if (typeof hmm !== 'boolean') throw new TypeError(`hmm must be true or false, not ${shown(hmm)}`);
  return hmm;
}

/** A value as a message shows it: NaN as NaN, not JSON's null. */
const shown = (v) => (typeof v === 'number' || typeof v === 'bigint' ? String(v) : v === undefined ? 'undefined' : JSON.stringify(v) ?? typeof v);

/** Text arguments: a string (null and undefined are empty text). */
function textOf(text, what) {
  if (text == null) return '';
  if (typeof text !== 'string') throw new TypeError(`${what}: the text must be a string, not ${typeof text}`);
  return text;
}

const METHODS = ['auto', 'tfidf', 'textrank'];
const KNOWN_OPTIONS = new Set(['topK', 'summarySentences', 'summaryChars', 'method', 'hmm', 'minWordLength', 'maxFrequencies', 'stopwords', 'oneArticle']);

/** Whole-number options, and the booleans: checked here so a wrong value is named plainly. */
const COUNT_OPTIONS = ['topK', 'summarySentences', 'summaryChars', 'minWordLength', 'maxFrequencies'];
const FLAG_OPTIONS = ['hmm', 'oneArticle'];

/** The core's largest count (a 32-bit `usize`): `maxFrequencies: Infinity`, the whole list,
 *  becomes this. */
const ALL = 0xffff_ffff;

function checkedOptions(options) {
  if (options == null) return {};
  if (typeof options !== 'object') throw new TypeError(`options must be an object, not ${typeof options}`);
  // A misspelt option (topk) would otherwise be ignored without a word.
  for (const name of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(name)) throw new TypeError(`unknown option ${shown(name)} (known: ${[...KNOWN_OPTIONS].join(', ')})`);
  }
  if (options.maxFrequencies > ALL) options = { ...options, maxFrequencies: ALL };
  for (const name of COUNT_OPTIONS) {
    const v = options[name];
    if (v != null && !(Number.isSafeInteger(v) && v >= 0)) throw new RangeError(`${name} must be a whole number of 0 or more, not ${shown(v)}`);
  }
  for (const name of FLAG_OPTIONS) {
    const v = options[name];
    if (v != null && typeof v !== 'boolean') throw new TypeError(`${name} must be true or false, not ${shown(v)}`);
  }
  if (options.method != null && !METHODS.includes(options.method)) {
    throw new RangeError(`unknown keyword method ${shown(options.method)} (expected ${METHODS.join(', ')})`);
  }
  const { stopwords } = options;
  if (stopwords != null && !(Array.isArray(stopwords) && stopwords.every((w) => typeof w === 'string'))) {
    throw new TypeError('stopwords must be an array of strings');
  }
  return options;
}

const isBytes = (x) => x instanceof ArrayBuffer || ArrayBuffer.isView(x);
const bytesOf = (x) => (x instanceof Uint8Array ? x : ArrayBuffer.isView(x) ? new Uint8Array(x.buffer, x.byteOffset, x.byteLength) : new Uint8Array(x));

/** The analyzer API around one WASM instance. */
class Analyzer {
  #core;
  constructor(core) {
    this.#core = core;
  }

  /** Analyze text, or a file's bytes (decoded as `decode` does) → Report ({ articles: [...] }). */
  analyze(text, options = {}) {
    return this.#core.analyze(this.#text(text), checkedOptions(options));
  }

  // Bytes are decoded rather than turned into a string by String(), which reads a GBK
  // file's bytes as UTF-8 and garbles it.
  #text(input) {
    return isBytes(input) ? this.decode(input) : textOf(input, 'analyze');
  }

  /**
   * Split text into articles without analyzing them: `analyze(text, options)` equals
   * `{articles: splitArticles(text, options).map((p) => analyzeArticle(p, options))}`. Lets a
   * worker report progress article by article on large inputs. `oneArticle: true` keeps the
   * text whole.
   */
  splitArticles(text, options = {}) {
    return this.#core.splitArticles(this.#text(text), Boolean(options?.oneArticle));
  }

  /** Analyze one part from `splitArticles` → one Report article. */
  analyzeArticle(part, options = {}) {
    return this.#core.analyzeArticle(part, checkedOptions(options));
  }

  /** Decode file bytes (UTF-8, UTF-16 with BOM, GBK/GB18030, Big5) → string. Throws on binary data. */
  decode(bytes) {
    if (!isBytes(bytes)) throw new TypeError(`decode: expected a file's bytes (Uint8Array or ArrayBuffer), not ${bytes === null ? 'null' : typeof bytes}`);
    return this.#core.decode(bytesOf(bytes));
  }

  /** UTF-16 end offsets of the tokens, as a Uint32Array. */
  segment(text, options = {}) {
    return this.#core.segment(textOf(text, 'segment'), modeOf(options), hmmOf(options));
  }

  /** [start, end] pairs (flattened) — the search and all modes produce overlapping tokens. */
  spans(text, options = {}) {
    return this.#core.spans(textOf(text, 'spans'), modeOf(options), hmmOf(options));
  }

  /** Words as strings, sliced in JS from the offsets. */
  cut(text, options = {}) {
    text = textOf(text, 'cut');
    const words = [];
    if (modeOf(options) === 'default') {
      const ends = this.segment(text, options);
      let start = 0;
      for (const end of ends) {
        words.push(text.slice(start, end));
        start = end;
      }
    } else {
      const spans = this.spans(text, options);
      for (let i = 0; i < spans.length; i += 2) words.push(text.slice(spans[i], spans[i + 1]));
    }
    return words;
  }

  /** [{word, tag}] for the default segmentation; `user: true` marks user-dictionary words. */
  tag(text, options = {}) {
    text = textOf(text, 'tag');
    const hmm = hmmOf(options);
    const ends = this.#core.segment(text, 'default', hmm);
    const tags = this.#core.tagString(text, hmm).split(' ');
    const out = new Array(ends.length);
    let start = 0;
    for (let i = 0; i < ends.length; i++) {
      const raw = tags[i] ?? 'x';
      const user = raw.endsWith('*');
      out[i] = { word: text.slice(start, ends[i]), tag: user ? raw.slice(0, -1) : raw };
      if (user) out[i].user = true;
      start = ends[i];
    }
    return out;
  }

  /** Add a word to the dictionary (freq and tag optional). Returns the frequency used. */
  addWord(word, freq, tag) {
    // Checked here: the boundary would turn null into "null" and -5 into 4294967291.
    if (typeof word !== 'string') throw new TypeError(`addWord: the word must be a string, not ${word === null ? 'null' : typeof word}`);
    if (freq != null && !(Number.isInteger(freq) && freq > 0 && freq <= 0xffffffff)) throw new RangeError(`addWord: the frequency must be a whole number of 1 or more, not ${JSON.stringify(freq)}`);
    if (tag != null && typeof tag !== 'string') throw new TypeError(`addWord: the tag must be a string, not ${typeof tag}`);
    return this.#core.addWord(word, freq ?? undefined, tag ?? undefined);
  }

  /** Load a jieba-format dictionary (`word [freq] [tag]` a line; text, or a file's bytes) →
   *  {added, errors: [{line, message, reason, content}]}. */
  loadDictionary(text) {
    if (!isBytes(text) && typeof text !== 'string') throw new TypeError(`loadDictionary: expected the dictionary's text or bytes, not ${text === null ? 'null' : typeof text}`);
    return this.#core.loadDictionary(this.#text(text));
  }
}

/**
 * Instantiate the analyzer once; later calls return the same instance.
 * @param {{wasm?: BufferSource | WebAssembly.Module | URL | Response}} [options]
 */
export function load(options = {}) {
  loading ??= (async () => {
    await init({ module_or_path: await wasmSource(options.wasm) });
    return new Analyzer(new Wenxi());
  })();
  return loading;
}

export default load;
