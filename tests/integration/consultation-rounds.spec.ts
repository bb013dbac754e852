import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedConsultationRound } from '../support/consultation';
import { withDatabase, type TestDb } from '../support/database';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { location } from './auth-helpers';
import { addFacilitator, postPairs, signedIn } from './consultation-helpers';

// Opening a consultation round from the form, against the real server and SQLite file.
let server: TestServer;
let seeded: SeededWorkshop;

beforeAll(async () => {
	server = await startServer();
	seeded = await seedWorkshop(server.databasePath);
	await seedConsultationRound(server.databasePath, seeded); // saves version 1 (and a first round)
});
afterAll(async () => {
	await server?.stop();
});

const newPath = () => `/processes/${seeded.processId}/consultations/new`;
const withDb = <T,>(run: (db: TestDb) => Promise<T>) => withDatabase(server.databasePath, run);
const roundCount = () => withDb(async (db) => (await db.selectFrom('consultation_rounds').select('id').where('process_id', '=', seeded.processId).execute()).length);
const facilitator = () => signedIn(server.url, seeded.facilitator.token);

function roundFields(overrides: Record<string, string> = {}): [string, string][] {
	return Object.entries({
		versionNumber: '1',
		title: 'Konsultacje społeczne projektu strategii',
		description: 'Uwagi do projektu w wersji 1.',
		opensAt: '2030-03-01T09:00',
		closesAt: '2030-04-15T16:00',
		audience: 'link',
		...overrides
	});
}

describe('opening a consultation round', () => {
	it('refuses bad input with translated messages and stores nothing', async () => {
		const before = await roundCount();
		const cases: [Record<string, string>, string][] = [
			[{ title: '  ' }, 'To pole jest wymagane.'],
			[{ closesAt: '2030-02-01T09:00' }, 'Koniec musi nastąpić po początku.'],
			[{ opensAt: '2030-02-30T09:00' }, 'Podaj poprawną datę i godzinę.'],
			[{ versionNumber: '7' }, 'Wybierz zapisaną wersję projektu.'],
			[{ audience: 'everyone' }, 'Wybierz, kto może zgłaszać uwagi.'],
			[{ audience: 'invited', invites: '' }, 'Podaj co najmniej jeden adres e-mail.'],
			[{ audience: 'invited', invites: 'ok@example.org\nzły-adres@\nteż zły' }, 'Popraw niepoprawne adresy e-mail:'],
			[{ title: 'x'.repeat(201) }, 'Tekst jest za długi.']
		];
		for (const [overrides, message] of cases) {
			const response = await postPairs(facilitator(), newPath(), roundFields(overrides));
			expect(response.status, message).toBe(400);
			const html = await response.text();
			expect(html).toContain(message);
		}
		const invalidNamed = await (await postPairs(facilitator(), newPath(), roundFields({ audience: 'invited', invites: 'ok@example.org, zly-adres@' }))).text();
		expect(invalidNamed).toContain('zly-adres@');
		const tooMany = Array.from({ length: 501 }, (_, i) => `osoba${i}@example.org`).join('\n');
		expect(await (await postPairs(facilitator(), newPath(), roundFields({ audience: 'invited', invites: tooMany }))).text()).toContain('Za dużo adresów');
		expect(await roundCount()).toBe(before);
	});

	it('creates an invited round: addresses deduplicated, each with its own link token, shown as links to copy', async () => {
		const invites = 'Ewa@Example.org; jan@example.org\n\newa@example.org,  <ola@example.org>';
		const response = await postPairs(facilitator(), newPath(), roundFields({ audience: 'invited', invites, anonymousAllowed: 'on' }));
		expect(response.status).toBe(303);
		const roundPath = location(response)!;
		const roundId = roundPath.split('/').pop()!;
		expect(roundPath).toBe(`/processes/${seeded.processId}/consultations/${roundId}`);

		const { round, rows } = await withDb(async (db) => ({
			round: await db.selectFrom('consultation_rounds').selectAll().where('id', '=', roundId).executeTakeFirstOrThrow(),
			rows: await db.selectFrom('consultation_invites').select(['email', 'token']).where('round_id', '=', roundId).orderBy('email').execute()
		}));
		expect(rows.map((row) => row.email)).toEqual(['ewa@example.org', 'jan@example.org', 'ola@example.org']);
		expect(new Set(rows.map((row) => row.token)).size).toBe(3);
		expect(round.link_token.length).toBeGreaterThanOrEqual(20);
		expect(round.audience).toBe('invited');
		expect(round.anonymous_allowed).toBe(1);
		// 09:00 Warsaw time on 1 March (CET, UTC+1).
		expect(round.opens_at).toBe(Date.UTC(2030, 2, 1, 8, 0));

		const html = await (await facilitator().get(roundPath)).text();
		for (const row of rows) expect(html).toContain(`/c/${row.token}`);
		expect(html).toContain('Raport z konsultacji należy opublikować do');
	});

	it('flags a round shorter than 35 days, in the round page, and not a longer one', async () => {
		const short = await postPairs(facilitator(), newPath(), roundFields({ closesAt: '2030-03-20T09:00' }));
		const long = await postPairs(facilitator(), newPath(), roundFields({ closesAt: '2030-04-10T09:00' }));
		const warning = 'Konsultacje trwają krócej niż 35 dni';
		const shortHtml = await (await facilitator().get(location(short)!)).text();
		const longHtml = await (await facilitator().get(location(long)!)).text();
		expect(shortHtml).toContain(warning);
		expect(longHtml).not.toContain(warning);
		// A link round shows its public link.
		const linkToken = await withDb(async (db) => (await db.selectFrom('consultation_rounds').select('link_token').where('id', '=', location(long)!.split('/').pop()!).executeTakeFirstOrThrow()).link_token);
		expect(longHtml).toContain(`/c/${linkToken}`);
	});

	it('refuses a non-member, a workshop guest and an observer, and stores nothing', async () => {
		const before = await roundCount();
		const stranger = await addFacilitator(server.databasePath, seeded, 'Obca Osoba', false);
		for (const token of [stranger.token, seeded.guest.token, seeded.observer.token]) {
			const client = signedIn(server.url, token);
			expect((await client.get(newPath())).status).toBe(404);
			expect((await postPairs(client, newPath(), roundFields())).status).toBe(404);
		}
		const roundId = await withDb(async (db) => (await db.selectFrom('consultation_rounds').select('id').where('process_id', '=', seeded.processId).executeTakeFirstOrThrow()).id);
		const strangerPage = await signedIn(server.url, stranger.token).get(`/processes/${seeded.processId}/consultations/${roundId}`);
		expect(strangerPage.status).toBe(404);
		expect((await signedIn(server.url, stranger.token).get(`/processes/${seeded.processId}/consultations/${roundId}/events`)).status).toBe(404);
		expect(await roundCount()).toBe(before);
	});

	it('says so, with a link to the draft, when the process has no saved version', async () => {
		const other = await seedWorkshop(server.databasePath);
		const html = await (await signedIn(server.url, other.facilitator.token).get(`/processes/${other.processId}/consultations/new`)).text();
		expect(html).toContain('nie ma jeszcze zapisanej wersji projektu strategii');
		expect(html).toContain(`href="/processes/${other.processId}/draft"`);
	});
});
