import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './sessions';

interface CookieEvent {
	cookies: Cookies;
	url: URL;
}

/**
 * HttpOnly keeps the token away from page scripts; SameSite=Lax keeps it off cross-site
 * POSTs; Secure follows the request's scheme (SvelteKit's default would mark it Secure on
 * plain http://127.0.0.1 too, where the browser would then drop it). Behind a TLS proxy,
 * ORIGIN=https://… makes event.url https.
 */
export function setSessionCookie(event: CookieEvent, token: string, expiresAt: number): void {
	event.cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		path: '/',
		expires: new Date(expiresAt)
	});
}

export function deleteSessionCookie(event: CookieEvent): void {
	event.cookies.delete(SESSION_COOKIE, {
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		path: '/'
	});
}
