/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';

/**
 * Lets a board page that was open once reopen without a network (a train, a venue's Wi-Fi
 * gone): the app's assets are cached at install, pages are fetched network-first and the last
 * good copy is served when offline. Board content itself comes from IndexedDB (y-indexeddb),
 * not from this cache. Only GET requests of our own origin are touched; sockets never pass here.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const ASSETS = `narada-assets-${version}`;
const PAGES = `narada-pages-${version}`;
const assetPaths = new Set([...build, ...files]);
/** Pages worth keeping for offline use: boards and workshop lobbies (and their data requests). */
const OFFLINE_PAGES = /^\/(boards|w)\/[^/]+\/?(__data\.json)?$/;

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(ASSETS).then((cache) => cache.addAll([...assetPaths])));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((key) => key !== ASSETS && key !== PAGES).map((key) => caches.delete(key))))
			.then(() => sw.clients.claim())
	);
});

/** A board page asks to be kept: the first visit was loaded before this worker controlled it. */
sw.addEventListener('message', (event) => {
	const data = event.data as { type?: string; url?: string } | null;
	if (data?.type !== 'keep-offline' || typeof data.url !== 'string') return;
	const url = new URL(data.url);
	if (url.origin !== sw.location.origin || !OFFLINE_PAGES.test(url.pathname)) return;
	event.waitUntil(networkFirst(new Request(url, { credentials: 'same-origin' })).catch(() => undefined));
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (assetPaths.has(url.pathname)) {
		event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
		return;
	}
	if (OFFLINE_PAGES.test(url.pathname)) event.respondWith(networkFirst(request));
});

async function networkFirst(request: Request): Promise<Response> {
	const cache = await caches.open(PAGES);
	try {
		const response = await fetch(request);
		if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
		return response;
	} catch (error) {
		const cached = await cache.match(request);
		if (cached) return cached;
		throw error;
	}
}
