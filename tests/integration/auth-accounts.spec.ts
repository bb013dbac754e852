import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { FormClient, location } from './auth-helpers';

const ADMIN = { email: 'admin@mops.example.pl', name: 'Alicja Administratorka', password: 'cztery słowa na hasło' };

let server: TestServer;

function countUsers(): number {
	const db = new BetterSqlite3(server.databasePath, { readonly: true });
	try {
		return (db.prepare('select count(*) as n from users').get() as { n: number }).n;
	} finally {
		db.close();
	}
}

function sessionExists(id: string): boolean {
	const db = new BetterSqlite3(server.databasePath, { readonly: true });
	try {
		return db.prepare('select 1 from sessions where id = ?').get(id) !== undefined;
	} finally {
		db.close();
	}
}

function setupFields(code: string) {
	return { setupCode: code, email: ADMIN.email, name: ADMIN.name, password: ADMIN.password, passwordConfirm: ADMIN.password };
}

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

describe('first run', () => {
	it('sends everyone to the setup page until an administrator exists', async () => {
		const visitor = new FormClient(server.url);
		expect(server.setupCode).toMatch(/^[A-Z0-9]{12}$/);
		expect(location(await visitor.get('/'))).toBe('/setup');
		expect(location(await visitor.get('/login'))).toBe('/setup');
		expect((await visitor.get('/setup')).status).toBe(200);
	});

	it('refuses a wrong setup code with a translated error and creates nobody', async () => {
		const visitor = new FormClient(server.url);
		const response = await visitor.post('/setup', setupFields('WRONGCODE234'));
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('Nieprawidłowy kod konfiguracyjny');
		expect(html).toContain(ADMIN.email); // values are kept after an error…
		expect(html).not.toContain(ADMIN.password); // …but never the password
		expect(visitor.sessionCookie).toBeUndefined();
		expect(countUsers()).toBe(0);
	});

	it('shows every field error next to its field', async () => {
		const response = await new FormClient(server.url).post('/setup', {
			setupCode: server.setupCode!,
			email: 'nie-e-mail',
			name: '',
			password: 'krótkie',
			passwordConfirm: 'inne'
		});
		expect(response.status).toBe(400);
		const html = await response.text();
		for (const text of ['Podaj poprawny adres e-mail', 'To pole jest wymagane', 'co najmniej 12 znaków', 'Hasła nie są takie same']) {
			expect(html).toContain(text);
		}
		expect(countUsers()).toBe(0);
	});

	it('creates the administrator with the code from the log and signs them in', async () => {
		const admin = new FormClient(server.url);
		const response = await admin.post('/setup', setupFields(server.setupCode!.toLowerCase()));
		expect(response.status).toBe(303);
		expect(location(response)).toBe('/processes');
		expect(admin.sessionCookie).toBeTruthy();
		const cookie = response.headers.getSetCookie().join('\n');
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).not.toMatch(/Secure/i); // plain http in tests: a Secure cookie would be dropped
		expect(location(await admin.get('/'))).toBe('/processes');
		expect(countUsers()).toBe(1);
	});

	it('refuses a second setup and offers no public sign-up', async () => {
		const stranger = new FormClient(server.url);
		expect(location(await stranger.get('/setup'))).toBe('/login');
		const again = await stranger.post('/setup', { ...setupFields(server.setupCode!), email: 'intruz@example.org' });
		expect(again.status).toBe(303);
		expect(location(again)).toBe('/login');
		expect(stranger.sessionCookie).toBeUndefined();
		for (const path of ['/signup', '/register', '/invite/made-up-token']) {
			const response = await stranger.get(path);
			expect(response.status === 404 || (await response.text()).includes('Nie ma takiego zaproszenia')).toBe(true);
		}
		expect(countUsers()).toBe(1);
	});
});

describe('signing in and out', () => {
	it('signs in, and signing out deletes the session on the server', async () => {
		const admin = new FormClient(server.url);
		const response = await admin.post('/login', { email: ADMIN.email.toUpperCase(), password: ADMIN.password });
		expect(location(response)).toBe('/processes');
		const oldCookie = admin.sessionCookie!;

		expect((await admin.get('/admin/invites')).status).toBe(200);
		const out = await admin.post('/logout', {});
		expect(location(out)).toBe('/');
		expect(admin.sessionCookie).toBeUndefined();

		const replay = new FormClient(server.url);
		replay.cookies.set('narada_session', oldCookie);
		expect(location(await replay.get('/admin/invites'))).toBe('/login?next=%2Fadmin%2Finvites');
	});

	it('answers a wrong password and an unknown e-mail with the same message', async () => {
		const visitor = new FormClient(server.url);
		const wrong = await visitor.post('/login', { email: ADMIN.email, password: 'nie to hasło wcale' });
		const unknown = await visitor.post('/login', { email: 'nikt@example.org', password: 'nie to hasło wcale' });
		expect(wrong.status).toBe(400);
		expect(unknown.status).toBe(400);
		const message = 'Nieprawidłowy adres e-mail lub hasło';
		expect(await wrong.text()).toContain(message);
		expect(await unknown.text()).toContain(message);
		expect(visitor.sessionCookie).toBeUndefined();
	});

	it('honours ?next= only for paths on this site', async () => {
		const a = new FormClient(server.url);
		expect(location(await a.post('/login?next=%2Fadmin%2Finvites', { email: ADMIN.email, password: ADMIN.password }))).toBe('/admin/invites');
		const b = new FormClient(server.url);
		const evil = await b.post('/login?next=%2F%2Fevil.example%2Fx', { email: ADMIN.email, password: ADMIN.password });
		expect(evil.headers.get('location')).toBe('/processes');
	});

	it('a sign-in on a shared laptop ends the guest session it held', async () => {
		const seeded = await seedWorkshop(server.databasePath);
		const shared = new FormClient(server.url);
		shared.cookies.set('narada_session', seeded.guest.token);
		await shared.post('/login', { email: ADMIN.email, password: ADMIN.password });
		expect(shared.sessionCookie).not.toBe(seeded.guest.token);
		expect(location(await shared.get('/'))).toBe('/processes');
		expect(sessionExists(seeded.guest.id)).toBe(false);
	});

	it('slows down repeated failures with a clear error that says how long to wait', async () => {
		const attacker = new FormClient(server.url);
		let limited: Response | null = null;
		// Delays start after 5 failures and double; a slow machine may outwait the first 1 s, never all of them.
		for (let i = 0; i < 12 && !limited; i++) {
			const response = await attacker.post('/login', { email: 'ofiara@example.org', password: `zgadywane hasło ${i}` });
			if (response.status === 429) limited = response;
			else expect(response.status).toBe(400);
		}
		expect(limited).not.toBeNull();
		expect(await limited!.text()).toMatch(/Zbyt wiele nieudanych prób\. Spróbuj ponownie za \d+ s\./);
		// Another account from the same address is unaffected.
		expect(location(await new FormClient(server.url).post('/login', { email: ADMIN.email, password: ADMIN.password }))).toBe('/processes');
	});
});
