import type { IncomingHttpHeaders } from 'node:http';

/**
 * Browsers apply no CORS to WebSocket upgrades, so every upgrade checks Origin itself: with
 * ORIGIN configured it must match exactly; without it, it must match the Host the request was
 * sent to (same-origin pages only).
 */
export function isAllowedOrigin(headers: IncomingHttpHeaders, configuredOrigin: string | null): boolean {
	const origin = headers.origin;
	if (!origin) return false;
	if (configuredOrigin) return origin === configuredOrigin;
	const host = headers.host;
	return !!host && (origin === `http://${host}` || origin === `https://${host}`);
}
