// The worker behind <wenxi-analyzer>: ONE WASM instance for every widget of a page, so the
// host's main thread never runs the analysis. The build copies this file to
// dist/widget-worker.js, next to wenxi.js and the .wasm (hence the './' URLs).
//
// Messages in:  {type: 'analyze', id, text, options}
// Messages out: {type: 'ready'} once the core is loaded, or {type: 'boot-error', message};
//               {type: 'result', id, report} or {type: 'error', id, message, fatal}.

// A download the host page's CSP refuses (no connect-src for the widget's origin) fails like a
// network error; the violation, reported in this worker's own scope, says why.
let violation = '';
self.addEventListener('securitypolicyviolation', (e) => {
  violation ||= `Content Security Policy: ${e.effectiveDirective} refused ${e.blockedURI}; `;
});

// Start downloading the core before the JS modules it needs have arrived: on a real network
// the .wasm is by far the longest fetch.
const wasm = fetch(new URL('./wenxi_core_bg.wasm', import.meta.url));
wasm.catch(() => {}); // reported through load() below

const analyzer = import('./wenxi.js').then(({ load }) => load({ wasm }));

self.onmessage = async ({ data }) => {
  if (data?.type !== 'analyze') return;
  try {
    const core = await analyzer;
    postMessage({ type: 'result', id: data.id, report: core.analyze(String(data.text ?? ''), data.options ?? {}) });
  } catch (e) {
    // A trap (RuntimeError) leaves the instance unusable; the page then starts a new worker.
    postMessage({ type: 'error', id: data.id, message: String(e?.message ?? e), fatal: e instanceof WebAssembly.RuntimeError });
  }
};

analyzer.then(
  () => postMessage({ type: 'ready' }),
  // The violation event is a task of its own: let it run before reporting.
  (e) => setTimeout(() => postMessage({ type: 'boot-error', message: `cannot load the analyzer: ${violation}${e?.message ?? e}` })),
);
