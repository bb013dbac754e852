import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';

// The built server, started the way `npm start` starts it, serves pages with a strict CSP.
let server: TestServer;

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => server?.stop());

describe('the built server', () => {
	it('prints a one-time setup code on a fresh installation', () => {
		expect(server.setupCode).toMatch(/^[A-Z2-9]{12}$/);
	});

	it('serves Polish pages with a Content-Security-Policy that forbids inline scripts', async () => {
		const response = await fetch(`${server.url}/login`);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('lang="pl"');
		const csp = response.headers.get('content-security-policy') ?? '';
		const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
		expect(scriptSrc).toContain("'self'");
		expect(scriptSrc).not.toContain('unsafe-inline');
		expect(csp).toContain("frame-ancestors 'none'");
	});

	it('ends unknown WebSocket upgrades instead of leaving them hanging', async () => {
		const { WebSocket } = await import('ws');
		const socket = new WebSocket(`${server.url.replace('http', 'ws')}/not-a-socket`);
		const failure = await new Promise<string>((resolve) => {
			socket.on('error', (error) => resolve(error.message));
			socket.on('open', () => resolve('opened'));
		});
		expect(failure).toContain('404');
	});
});
