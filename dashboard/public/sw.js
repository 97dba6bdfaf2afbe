/* global self, caches, fetch, URL, location, Response */
/**
 * The app shell offline (issue 5: the virtual button works offline and installs as a PWA).
 * Pages: network first, the cached shell when there is no network (the app routes itself).
 * Built files (hashed names under /assets/): cache first; icons and manifest: network, else cache. The API is never cached: presses
 * made offline wait in the page's own queue (dashboard/src/pages/button/phone-store.ts).
 */
const CACHE = 'dash-shell-v1';
const SHELL = '/';

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const page = await fetch(SHELL, { cache: 'no-cache' });
  if (!page.ok) return;
  const html = await page.clone().text();
  const files = [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css|svg|png|webmanifest))"/g)].map((m) => m[1]);
  await cache.addAll([...new Set(files)]);
  await cache.put(SHELL, page);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin || /^\/(api|metrics|mqtt)(\/|$)/.test(url.pathname)) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).then(async (response) => {
      if (response.ok) await (await caches.open(CACHE)).put(SHELL, response.clone());
      return response;
    }).catch(async () => (await caches.match(SHELL)) ?? Response.error()));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request).then(async (response) => {
      if (response.ok) await (await caches.open(CACHE)).put(request, response.clone());
      return response;
    })));
    return;
  }
  // Icons and the manifest: fresh when online, cached otherwise.
  event.respondWith(fetch(request).catch(async () => (await caches.match(request)) ?? Response.error()));
});
