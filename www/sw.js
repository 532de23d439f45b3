// Service worker: the whole app is precached on the first visit, so it opens and analyzes
// with the network off. `cargo xtask build` fills in VERSION (a hash of the files) and the
// file list; a new build gets a new cache, and the old one is dropped once the new version
// takes over (the page offers "new version — reload", see pwa.js).
const VERSION = '__WENXI_VERSION__';
const FILES = ['__WENXI_FILES__'];
const CACHE = `wenxi-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
  // Static routing (Chromium): the app's own files come straight from this version's cache,
  // without starting this worker and running its fetch handler first, which put tens of
  // milliseconds in front of every load. A miss still goes to the network. Requests with a
  // query ("/?lang=en") and other browsers keep to the fetch handler below.
  if (event.addRoutes && self.URLPattern) {
    const scope = new URL(self.registration.scope);
    event.waitUntil(
      event.addRoutes({
        condition: {
          requestMethod: 'GET',
          urlPattern: new URLPattern({
            protocol: scope.protocol.slice(0, -1),
            hostname: scope.hostname,
            port: scope.port,
            pathname: `${scope.pathname}*`,
            search: '',
          }),
        },
        source: { cacheName: CACHE },
      }),
    );
  }
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('wenxi-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
  if (event.data?.type === 'version') event.source?.postMessage({ type: 'version', version: VERSION });
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Navigations ignore the query string so "/?lang=en" is served offline too.
      const cached = await cache.match(event.request, { ignoreSearch: event.request.mode === 'navigate' });
      return cached ?? fetch(event.request);
    })(),
  );
});
