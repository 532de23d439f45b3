// Starts the analyzer worker as early as possible: this module has no imports, so (async) it
// runs as soon as it arrives, while the app's modules are still loading. The WASM download,
// compilation and dictionary load in the worker overlap with the page start-up.
// app.js hands `globalThis.wenxiBoot` to AnalyzerClient, which replays the early messages.
// The single-file build (wenxi.html) carries the worker's source in a data block instead.
const inline = document.getElementById('wenxi-worker-source');
const url = inline
  ? URL.createObjectURL(new Blob([inline.textContent], { type: 'text/javascript' }))
  : new URL('./worker.js', import.meta.url);
// Chromium refuses module workers from blob: URLs in file:// pages; the inline one is classic.
const type = inline ? 'classic' : 'module';
const worker = new Worker(url, { type });
const early = [];
worker.onmessage = (e) => early.push({ data: e.data });
worker.onerror = (e) => early.push({ error: e.message || 'worker failed to start' });
globalThis.wenxiBoot = { worker, early, url, type };
