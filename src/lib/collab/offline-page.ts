/**
 * Asks the service worker to keep a copy of the current page, so it reopens without a network
 * (the board's content then comes from IndexedDB). Resolves when the copy is stored, or at once
 * where service workers are unavailable.
 */
export async function keepPageOffline(): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	const registration = await navigator.serviceWorker.ready;
	registration.active?.postMessage({ type: 'keep-offline', url: location.href });
}
