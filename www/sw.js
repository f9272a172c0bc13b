// Service worker: keeps the page's own files so that Dateline works offline after the first
// visit. Network first (so a new build is picked up at once), the cache when the network fails.
// Only same-origin GET requests are handled; the page makes no other kind.

const CACHE = 'dateline-v1';
const SHELL = [
  './',
  'index.html',
  'style.css',
  'icon.svg',
  'sample.txt',
  'boot.js',
  'app.js',
  'annotator.js',
  'worker.js',
  'render.js',
  'card.js',
  'labels.js',
  'theme.js',
  'chunks.js',
  'panel.js',
  'values.js',
  'export.js',
  'share.js',
  'textfile.js',
  'pkg/dateline_wasm.js',
  'pkg/dateline_wasm_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // One by one, so that a missing file (e.g. no wasm build yet) does not stop the rest.
      await Promise.all(SHELL.map((p) => cache.add(new Request(p, { cache: 'no-cache' })).catch(() => {})));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        // Revalidate with the server every time (a new build must never hide behind the
        // browser's heuristic HTTP cache); a 304 costs little.
        const res = await fetch(req, { cache: 'no-cache' });
        if (res.ok) {
          // The cache key drops the query and hash (the share link lives in the hash anyway).
          await cache.put(new Request(url.origin + url.pathname), res.clone());
          return res;
        }
        const cached = await cache.match(req, { ignoreSearch: true });
        return cached ?? res;
      } catch (err) {
        const cached =
          (await cache.match(req, { ignoreSearch: true })) ??
          (req.mode === 'navigate' ? await cache.match('index.html') ?? await cache.match('./') : undefined);
        if (cached) return cached;
        throw err;
      }
    })(),
  );
});
