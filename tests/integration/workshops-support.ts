import { expect } from 'vitest';
import { SESSION_COOKIE } from '../../src/lib/server/auth/sessions';
import type { TestServer } from '../support/server';

/**
 * Plain-fetch helpers for the process and workshop pages: form actions are url-encoded POSTs
 * with the Origin a browser would send, redirects are inspected rather than followed.
 */
export function client(server: TestServer) {
	// A browser asks for HTML; without it SvelteKit answers form actions with JSON.
	const headers = (token: string | null): Record<string, string> => ({
		accept: 'text/html',
		...(token ? { cookie: `${SESSION_COOKIE}=${token}` } : {})
	});
	return {
		get(path: string, token: string | null = null) {
			return fetch(`${server.url}${path}`, { headers: headers(token), redirect: 'manual' });
		},
		post(path: string, token: string | null, fields: Record<string, string | string[]>) {
			const body = new URLSearchParams();
			for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
			return fetch(`${server.url}${path}`, {
				method: 'POST',
				body,
				headers: { ...headers(token), origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
				redirect: 'manual'
			});
		}
	};
}

export function sessionTokenFrom(response: Response): string | null {
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
	const value = cookie?.split(';')[0].slice(SESSION_COOKIE.length + 1);
	return value ? decodeURIComponent(value) : null;
}

export function expectRedirect(response: Response, pattern: RegExp): string {
	expect(response.status, `expected a redirect, got ${response.status}`).toBeGreaterThanOrEqual(300);
	expect(response.status).toBeLessThan(400);
	const location = response.headers.get('location') ?? '';
	expect(location).toMatch(pattern);
	return location;
}

/** Reads the code, the join link and the observer link off the facilitator's workshop page. */
export function readWorkshopLinks(html: string) {
	return {
		code: /data-testid="join-code"[^>]*>([^<]+)</.exec(html)?.[1] ?? null,
		joinToken: /\/j\/([a-z0-9]+)/.exec(html)?.[1] ?? null,
		observerToken: /\/o\/([a-z0-9]+)/.exec(html)?.[1] ?? null,
		hasQr: /<img[^>]+src="data:image\/svg\+xml;base64,/.test(html)
	};
}

/** A datetime-local value in Polish time, `hours` from now. */
export function wallClock(hoursFromNow: number): string {
	const parts = new Intl.DateTimeFormat('sv-SE', {
		timeZone: 'Europe/Warsaw',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit'
	}).format(Date.now() + hoursFromNow * 3600_000);
	return parts.replace(' ', 'T');
}
