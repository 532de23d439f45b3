// Starts the analyzer worker as early as possible. The build inlines this classic script at the
// top of index.html, so it runs while the page is still parsing: the worker thread, the WASM
// download, compilation and dictionary load overlap with the page's own start-up. (Started any
// later, the worker would wait for the main thread to finish the first layout and app.js.)
// app.js hands `globalThis.wenxiBoot` to AnalyzerClient, which replays the early messages.
// The single-file build (wenxi.html) carries the worker's source in a data block instead and
// places this script after it.
(() => {
  const inline = document.getElementById('wenxi-worker-source');
  const url = inline
    ? URL.createObjectURL(new Blob([inline.textContent], { type: 'text/javascript' }))
    : new URL('worker.js', document.baseURI);
  // Chromium refuses module workers from blob: URLs in file:// pages; the inline one is classic.
  const type = inline ? 'classic' : 'module';
  const worker = new Worker(url, { type });
  const early = [];
  worker.onmessage = (e) => early.push({ data: e.data });
  worker.onerror = (e) => early.push({ error: e.message || 'worker failed to start' });
  globalThis.wenxiBoot = { worker, early, url, type };
})();
