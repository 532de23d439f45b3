// Starts the analyzer worker as early as possible: this module has no imports, so (async) it
// runs as soon as it arrives, while the app's modules are still loading. The WASM download,
// compilation and dictionary load in the worker overlap with the page start-up.
// app.js hands `globalThis.wenxiBoot` to AnalyzerClient, which replays the early messages.
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const early = [];
worker.onmessage = (e) => early.push({ data: e.data });
worker.onerror = (e) => early.push({ error: e.message || 'worker failed to start' });
globalThis.wenxiBoot = { worker, early };
