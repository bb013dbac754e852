import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/lib/server/auth/sessions';
import { createBoard } from '../../src/lib/server/boards';
import { openDatabase } from '../../src/lib/server/db/index';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { FormClient, location } from './auth-helpers';

// The process's list of institutions, read and extended from a goals board over HTTP.
let server: TestServer;
let seeded: SeededWorkshop;
let goalsBoardId: string;
/** A guest who joined the workshop through its link, naming their institution. */
let joinedGuest: string;

const institutionsPath = (boardId = goalsBoardId) => `/boards/${boardId}/institutions`;

interface Answer {
	status: number;
	body: { institutions?: string[]; message?: string };
}

async function getList(token: string | null, boardId = goalsBoardId): Promise<Answer> {
	const response = await fetch(server.url + institutionsPath(boardId), { headers: headers(token) });
	return { status: response.status, body: await response.json() };
}

/** What the entity picker's fetch sends: JSON with the page's own Origin. */
async function add(token: string | null, body: unknown, extra: Record<string, string> = {}): Promise<Answer> {
	const response = await fetch(server.url + institutionsPath(), {
		method: 'POST',
		headers: { ...headers(token), 'content-type': 'application/json', origin: server.url, ...extra },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
	return { status: response.status, body: await response.json() };
}

function headers(token: string | null): Record<string, string> {
	return { accept: 'application/json', ...(token ? { cookie: `${SESSION_COOKIE}=${token}` } : {}) };
}

function storedNames(processId = seeded.processId): string[] {
	const sqlite = new BetterSqlite3(server.databasePath, { readonly: true });
	try {
		const rows = sqlite.prepare('SELECT name FROM process_institutions WHERE process_id = ? ORDER BY name').all(processId) as Array<{ name: string }>;
		return rows.map((row) => row.name);
	} finally {
		sqlite.close();
	}
}

async function joinWorkshop(displayName: string, institution: string): Promise<string> {
	const sqlite = new BetterSqlite3(server.databasePath, { readonly: true });
	const { join_token: token } = sqlite.prepare('SELECT join_token FROM workshops WHERE id = ?').get(seeded.workshopId) as { join_token: string };
	sqlite.close();
	const browser = new FormClient(server.url);
	const joined = await browser.post(`/j/${token}`, { displayName, institution, sector: 'courts' });
	expect(location(joined)).toBe(`/w/${seeded.workshopId}`);
	return decodeURIComponent(browser.sessionCookie!);
}

beforeAll(async () => {
	server = await startServer();
	seeded = await seedWorkshop(server.databasePath);
	const { db, close } = openDatabase(server.databasePath);
	try {
		goalsBoardId = await createBoard(db, seeded.processId, seeded.userId, { kind: 'goals', title: 'Cele: przemoc w rodzinie', area: 'Obszar V' });
		await db.insertInto('workshop_boards').values({ workshop_id: seeded.workshopId, board_id: goalsBoardId, position: 1 }).execute();
	} finally {
		await close();
	}
	joinedGuest = await joinWorkshop('Marta Kowalska', 'Sąd Rejonowy  w Piszu ');
});
afterAll(async () => {
	await server?.stop();
});

describe('institutions of a strategy process', () => {
	it("start from the institutions participants gave when joining, for everyone on the board", async () => {
		const expected = ['PCPR w Piszu', 'Sąd Rejonowy w Piszu'];
		expect(await getList(seeded.facilitator.token)).toEqual({ status: 200, body: { institutions: expected } });
		expect(await getList(joinedGuest)).toEqual({ status: 200, body: { institutions: expected } });
		expect(await getList(seeded.observer.token)).toEqual({ status: 200, body: { institutions: expected } });
	});

	it('take new names from facilitators and participants, once each, in Polish alphabetical order', async () => {
		for (const name of ['Szkoła Podstawowa nr 1', 'Urząd Gminy Pisz', 'Ośrodek Pomocy Społecznej']) {
			expect((await add(seeded.facilitator.token, { name })).status).toBe(200);
		}
		expect((await add(joinedGuest, { name: '  Środowiskowy   Dom Samopomocy ' })).status).toBe(200);
		const added = await add(seeded.guest.token, { name: 'Policja' });
		expect(added).toEqual({
			status: 200,
			body: {
				institutions: [
					'Ośrodek Pomocy Społecznej',
					'PCPR w Piszu',
					'Policja',
					// ą after a, Ś after S: a plain code-point sort would put both after "Urząd"
					'Sąd Rejonowy w Piszu',
					'Szkoła Podstawowa nr 1',
					'Środowiskowy Dom Samopomocy',
					'Urząd Gminy Pisz'
				]
			}
		});

		// The same institution typed again in other case or spacing is not a second one.
		for (const name of ['POLICJA', ' szkoła podstawowa  nr 1', 'pcpr w piszu', 'Sąd rejonowy w Piszu']) {
			expect(await add(seeded.facilitator.token, { name })).toEqual(added);
		}
		expect(storedNames()).toEqual(['Ośrodek Pomocy Społecznej', 'Policja', 'Szkoła Podstawowa nr 1', 'Urząd Gminy Pisz', 'Środowiskowy Dom Samopomocy']);
		expect((await getList(seeded.observer.token)).body).toEqual(added.body);
	});

	it('refuse a missing, blank or too long name with a Polish message and change nothing', async () => {
		const before = storedNames();
		expect(await add(seeded.facilitator.token, { name: '' })).toEqual({ status: 400, body: { message: 'Podaj nazwę instytucji.' } });
		expect(await add(joinedGuest, { name: ' \t\n ' })).toEqual({ status: 400, body: { message: 'Podaj nazwę instytucji.' } });
		expect(await add(seeded.facilitator.token, { name: 'Ośrodek '.repeat(40) })).toEqual({
			status: 400,
			body: { message: 'Nazwa jest za długa (maks. 300 znaków).' }
		});
		const unreadable = { status: 400, body: { message: 'Nie udało się odczytać przesłanych danych. Odśwież stronę i spróbuj ponownie.' } };
		for (const body of ['{"name": "Policja"', 'null', '[]', '"Policja"', '{}', '{"name": 5}', '{"name": ["MOPS"]}', '']) {
			expect(await add(seeded.facilitator.token, body), body).toEqual(unreadable);
		}
		expect(await add(seeded.facilitator.token, 'name=MOPS', { 'content-type': 'application/x-www-form-urlencoded' })).toEqual(unreadable);
		expect(storedNames()).toEqual(before);
	});

	it('let only people who may edit the board add, and only from the page itself', async () => {
		const before = storedNames();
		expect(await add(seeded.observer.token, { name: 'Rada Miejska' })).toEqual({
			status: 403,
			body: { message: 'Na tej tablicy możesz tylko przeglądać, dlatego nie dodasz instytucji do listy.' }
		});
		const otherProcess = await seedWorkshop(server.databasePath);
		const stranger = await add(otherProcess.facilitator.token, { name: 'Rada Miejska' });
		expect(stranger.status).toBe(403);
		expect(stranger.body.message).toMatch(/^Nie masz dostępu do tej tablicy/);
		expect((await getList(otherProcess.facilitator.token)).status).toBe(403);
		// A guest reaches only the boards of their own workshop.
		expect((await getList(seeded.guest.token, seeded.otherBoardId)).status).toBe(403);

		const signedOut = { status: 401, body: { message: 'Sesja wygasła. Zaloguj się lub dołącz ponownie do warsztatu.' } };
		expect(await getList(null)).toEqual(signedOut);
		expect(await add(null, { name: 'Rada Miejska' })).toEqual(signedOut);

		const foreign = await add(seeded.facilitator.token, { name: 'Rada Miejska' }, { origin: 'https://evil.example' });
		expect(foreign.status).toBe(403);
		expect(foreign.body.message).toMatch(/nie pochodzi z tej strony/);
		const response = await fetch(server.url + institutionsPath(), {
			method: 'POST',
			headers: { ...headers(seeded.facilitator.token), 'content-type': 'application/json' },
			body: JSON.stringify({ name: 'Rada Miejska' })
		});
		expect(response.status).toBe(403);
		expect(storedNames()).toEqual(before);
		expect(storedNames(otherProcess.processId)).toEqual([]);
	});

	it('stop growing at the bound, still accepting names already on the list', async () => {
		const crowded = await seedWorkshop(server.databasePath);
		const { db, close } = openDatabase(server.databasePath);
		let boardId: string;
		try {
			boardId = await createBoard(db, crowded.processId, crowded.userId, { kind: 'goals', title: 'Cele', area: null });
			const rows = Array.from({ length: 2000 }, (_, i) => ({ process_id: crowded.processId, name: `Stowarzyszenie nr ${i + 1}`, created_by: null, created_at: i }));
			for (let i = 0; i < rows.length; i += 400) await db.insertInto('process_institutions').values(rows.slice(i, i + 400)).execute();
		} finally {
			await close();
		}
		const post = (name: string) =>
			fetch(server.url + institutionsPath(boardId), {
				method: 'POST',
				headers: { ...headers(crowded.facilitator.token), 'content-type': 'application/json', origin: server.url },
				body: JSON.stringify({ name })
			});
		const refused = await post('Fundacja Nowa');
		expect(refused.status).toBe(409);
		expect(await refused.json()).toEqual({ message: 'Lista instytucji w tym procesie jest pełna (maks. 2000). Wybierz instytucję z listy.' });
		expect((await post('stowarzyszenie NR 7')).status).toBe(200);
		expect(storedNames(crowded.processId)).toHaveLength(2000);
	});
});
