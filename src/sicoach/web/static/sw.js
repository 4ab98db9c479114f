// The service worker: keeps SI Coach usable with no network.
//
// Pages (they all show the safety level) go to the network first; only when it cannot be
// reached is the last copy shown, and then with a visible "offline, last checked at" line,
// so a stale page never hides a safety message silently. Static files and figures come from
// the cache and are refreshed in the background. A new version waits until the app is
// started again (or the person taps "Use it now").
"use strict";

const VERSION = "__SHELL_VERSION__";
const CACHE = `sicoach-${VERSION}`;
const FETCHED_AT = "x-sicoach-fetched-at";
const MARKER = "<!--sicoach:offline-line-->";
const NETWORK_TIMEOUT_MS = 6000;

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(names.filter((n) => n.startsWith("sicoach-") && n !== CACHE).map((n) => caches.delete(n))),
    ).then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "use-new-version") self.skipWaiting();
  if (event.data === "forget-cache") event.waitUntil(caches.delete(CACHE));
});

async function precache() {
  const cache = await caches.open(CACHE);
  const answer = await fetch("/pwa/precache.json", { cache: "no-store" });
  const { urls } = await answer.json();
  // One missing page must not stop the rest from being kept.
  await Promise.all(urls.map(async (url) => {
    try {
      const response = await fetch(url, { cache: "no-store", credentials: "same-origin" });
      if (response.ok) await cache.put(url, await stamped(response));
    } catch (error) {
      // offline while installing: the page is cached the next time it is opened
    }
  }));
}

async function stamped(response) {
  // A copy that remembers when it was fetched, for the offline line.
  const headers = new Headers(response.headers);
  headers.set(FETCHED_AT, new Date().toISOString());
  const body = await response.blob();
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname === "/sw.js" || url.pathname.startsWith("/export/") || url.pathname.startsWith("/report")) return;
  if (request.mode === "navigate" || url.pathname.startsWith("/api/")) {
    event.respondWith(networkFirst(request, request.mode === "navigate"));
  } else if (url.pathname.startsWith("/static/") || url.pathname.startsWith("/figures/") || url.pathname.startsWith("/icons/")) {
    event.respondWith(staleWhileRevalidate(event, request));
  }
});

function withTimeout(promise) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("network timeout")), NETWORK_TIMEOUT_MS);
    promise.then((value) => { clearTimeout(timer); resolve(value); }, (error) => { clearTimeout(timer); reject(error); });
  });
}

function cacheKey(request, isPage) {
  // Pages are kept by path (a ?saved= notice is not worth a copy of its own).
  if (!isPage) return request;
  const url = new URL(request.url);
  return url.pathname === "/session/play" ? url.pathname + url.search : url.pathname;
}

async function networkFirst(request, isPage) {
  const cache = await caches.open(CACHE);
  try {
    const response = await withTimeout(fetch(request));
    if (response.ok && !response.redirected) {
      await cache.put(cacheKey(request, isPage), await stamped(response.clone()));
    }
    return response;
  } catch (error) {
    const cached = await cache.match(cacheKey(request, isPage));
    if (!cached) return offlineAnswer(isPage);
    return isPage ? markedOffline(cached) : cached;
  }
}

async function markedOffline(cached) {
  const fetchedAt = cached.headers.get(FETCHED_AT);
  const when = fetchedAt
    ? new Date(fetchedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })
    : "an earlier visit";
  const day = fetchedAt && new Date(fetchedAt).toDateString() !== new Date().toDateString()
    ? ` on ${new Date(fetchedAt).toLocaleDateString()}` : "";
  const line =
    `<p class="offline-line" role="status"><strong>Offline</strong> — last checked at ${when}${day}. ` +
    "This page may be out of date. If you have any warning sign, do not wait for the app: " +
    "call your doctor, or your local emergency number.</p>";
  const text = (await cached.text()).replace(MARKER, line);
  const headers = new Headers(cached.headers);
  headers.delete("content-length");
  return new Response(text, { status: 200, headers });
}

function offlineAnswer(isPage) {
  if (!isPage) {
    return new Response(JSON.stringify({ detail: "You are offline." }), {
      status: 503, headers: { "Content-Type": "application/json" },
    });
  }
  const page =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Offline · SI Coach</title><link rel="stylesheet" href="/static/app.css"></head><body><main id="main">' +
    '<p class="offline-line" role="status"><strong>Offline</strong> — this page was not saved on this device.</p>' +
    '<p><a class="button" href="/">Go to Today</a></p></main></body></html>';
  return new Response(page, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function staleWhileRevalidate(event, request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  const refresh = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(request, response.clone());
    return response;
  });
  if (cached) {
    event.waitUntil(refresh.catch(() => undefined));
    return cached;
  }
  return refresh;
}
