import { spawn } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';
import { FormClient, location } from './auth-helpers';

const ADMIN = { email: 'admin@pcpr.example.pl', name: 'Adam Admin', password: 'hasło administratora 2025' };
const PASSWORD = 'facylitacja to praca zespołowa';

let server: TestServer;
let admin: FormClient;

beforeAll(async () => {
	server = await startServer();
	admin = new FormClient(server.url);
	const created = await admin.post('/setup', {
		setupCode: server.setupCode!,
		email: ADMIN.email,
		name: ADMIN.name,
		password: ADMIN.password,
		passwordConfirm: ADMIN.password
	});
	expect(location(created)).toBe('/processes');
});
afterAll(async () => {
	await server?.stop();
});

function query<T>(sql: string, ...params: unknown[]): T[] {
	const db = new BetterSqlite3(server.databasePath, { readonly: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

async function createInvite(email = ''): Promise<string> {
	const response = await admin.post('/admin/invites?/create', { email });
	expect(response.status).toBe(200);
	const html = await response.text();
	expect(html).toContain('nie pokażemy go ponownie');
	const match = /\/invite\/([a-z0-9]{32})/.exec(html);
	expect(match).not.toBeNull();
	return match![1];
}

function signUp(client: FormClient, token: string, email: string, name = 'Ewa Facylitatorka') {
	return client.post(`/invite/${token}`, { email, name, password: PASSWORD, passwordConfirm: PASSWORD });
}

describe('invitations', () => {
	it('only an administrator can create invitations', async () => {
		const stranger = new FormClient(server.url);
		expect(location(await stranger.get('/admin/invites'))).toBe('/login?next=%2Fadmin%2Finvites');
		const attempt = await stranger.post('/admin/invites?/create', { email: '' });
		expect(attempt.status).toBe(303);
		expect(query('select * from invites')).toHaveLength(0);
	});

	it('an invitation link creates a facilitator account, once', async () => {
		const token = await createInvite();
		// Only the hash of the token is stored.
		expect(query<{ token_hash: string }>('select token_hash from invites')[0].token_hash).not.toContain(token);

		const ewa = new FormClient(server.url);
		const page = await ewa.get(`/invite/${token}`);
		expect(await page.text()).toContain('Załóż konto facylitatora');
		const created = await signUp(ewa, token, 'Ewa@Gops.example.pl');
		expect(location(created)).toBe('/processes');
		expect(query('select email, role from users where email = ?', 'ewa@gops.example.pl')).toEqual([
			{ email: 'ewa@gops.example.pl', role: 'facilitator' }
		]);
		// A facilitator is signed in but is not an administrator.
		expect(location(await ewa.get('/'))).toBe('/processes');
		expect((await ewa.get('/admin/invites')).status).toBe(403);
		// The administrator sees the invitation as used.
		expect(await (await admin.get('/admin/invites')).text()).toContain('wykorzystane (ewa@gops.example.pl)');

		// The same link a second time: a clear page, and no account.
		const late = new FormClient(server.url);
		expect(await (await late.get(`/invite/${token}`)).text()).toContain('To zaproszenie zostało już wykorzystane');
		const again = await signUp(late, token, 'marek@gops.example.pl', 'Marek');
		expect(again.status).toBe(410);
		expect(await again.text()).toContain('To zaproszenie zostało już wykorzystane');
		expect(late.sessionCookie).toBeUndefined();
		expect(query('select * from users where email = ?', 'marek@gops.example.pl')).toHaveLength(0);
	});

	it('a revoked invitation stops working', async () => {
		const token = await createInvite('jan@ops.example.pl');
		const [{ id }] = query<{ id: string }>('select id from invites where email = ?', 'jan@ops.example.pl');
		const revoked = await admin.post('/admin/invites?/revoke', { id });
		expect(await revoked.text()).toContain('Zaproszenie wycofane');

		const jan = new FormClient(server.url);
		expect(await (await jan.get(`/invite/${token}`)).text()).toContain('Administrator wycofał to zaproszenie');
		const attempt = await signUp(jan, token, 'jan@ops.example.pl', 'Jan');
		expect(attempt.status).toBe(410);
		expect(query('select * from users where email = ?', 'jan@ops.example.pl')).toHaveLength(0);
	});

	it('an invitation for one address refuses another', async () => {
		const token = await createInvite('ola@mops.example.pl');
		const page = await (await new FormClient(server.url).get(`/invite/${token}`)).text();
		expect(page).toContain('value="ola@mops.example.pl"');
		const wrong = await signUp(new FormClient(server.url), token, 'inna@mops.example.pl', 'Inna');
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('przeznaczone dla innego adresu e-mail');
		expect(location(await signUp(new FormClient(server.url), token, 'ola@mops.example.pl', 'Ola'))).toBe('/processes');
	});
});

function runCli(args: string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
	const buildDir = process.env.NARADA_BUILD_DIR || 'build';
	const child = spawn(process.execPath, [`${buildDir}/cli/users.js`, ...args], {
		env: { ...process.env, DATABASE_PATH: server.databasePath, ORIGIN: server.url, LOG_LEVEL: 'warn' }
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (c) => (stdout += c));
	child.stderr.on('data', (c) => (stderr += c));
	child.stdin.end(stdin ?? '');
	return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('users command-line tool', () => {
	it('lists the accounts', async () => {
		const { code, stdout } = await runCli(['list']);
		expect(code).toBe(0);
		expect(stdout).toContain(`${ADMIN.email}\tadmin\t${ADMIN.name}`);
		expect(stdout).toContain('ewa@gops.example.pl\tfacilitator');
	});

	it('creates an invitation link that works in the browser', async () => {
		const { code, stdout } = await runCli(['invite', 'piotr@pcpr.example.pl']);
		expect(code).toBe(0);
		const link = stdout.trim();
		expect(link).toMatch(new RegExp(`^${server.url}/invite/[a-z0-9]{32}$`));
		const piotr = new FormClient(server.url);
		const token = link.split('/').pop()!;
		expect(location(await signUp(piotr, token, 'piotr@pcpr.example.pl', 'Piotr'))).toBe('/processes');
	});

	it('resets a forgotten password and signs the user out everywhere', async () => {
		const ewa = new FormClient(server.url);
		expect(location(await ewa.post('/login', { email: 'ewa@gops.example.pl', password: PASSWORD }))).toBe('/processes');

		const { code, stdout } = await runCli(['reset-password', 'ewa@gops.example.pl']);
		expect(code).toBe(0);
		const newPassword = stdout.trim();
		expect(newPassword.length).toBeGreaterThanOrEqual(12);

		expect(location(await ewa.get('/'))).toBeNull(); // the old session is gone: the start page
		expect((await new FormClient(server.url).post('/login', { email: 'ewa@gops.example.pl', password: PASSWORD })).status).toBe(400);
		expect(location(await new FormClient(server.url).post('/login', { email: 'ewa@gops.example.pl', password: newPassword }))).toBe('/processes');

		const fromStdin = await runCli(['reset-password', 'ewa@gops.example.pl', '--stdin'], 'wybrane przez Ewę hasło\n');
		expect(fromStdin.code).toBe(0);
		expect(fromStdin.stdout).not.toContain('wybrane');
		expect(location(await new FormClient(server.url).post('/login', { email: 'ewa@gops.example.pl', password: 'wybrane przez Ewę hasło' }))).toBe('/processes');
	});

	it('explains its usage and fails with clear exit codes', async () => {
		const none = await runCli([]);
		expect(none.code).toBe(2);
		expect(none.stdout).toContain('Usage: npm run users');
		expect((await runCli(['frobnicate'])).code).toBe(2);
		const unknown = await runCli(['reset-password', 'nikt@example.org']);
		expect(unknown.code).toBe(1);
		expect(unknown.stderr).toContain('No account');
		expect((await runCli(['reset-password', 'ewa@gops.example.pl', '--stdin'], 'krótkie\n')).code).toBe(1);
	});
});
