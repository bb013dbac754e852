import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRoundRemarks } from '../../src/lib/server/consultation/remark-rows';
import { remarkTargetIds } from '../../src/lib/domain/consultation/model';
import { findSection } from '../../src/lib/domain/draft/model';
import { seedConsultationRound, type SeedRoundOptions, type SeededRound } from '../support/consultation';
import { withDatabase } from '../support/database';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { FormClient } from './auth-helpers';

/**
 * A respondent's side of a consultation round over HTTP, as a browser without JavaScript posts
 * the forms. The server trusts X-Forwarded-For here, so each test speaks from its own address
 * and the per-address rate limit of one test never blocks another.
 */
let server: TestServer;
let seeded: SeededWorkshop;
let nextAddress = 1;

beforeAll(async () => {
	server = await startServer({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
	seeded = await seedWorkshop(server.databasePath);
});
afterAll(async () => server?.stop());

const RECEIPT_COOKIE = 'narada_consultation_receipt';

/** A browser of one respondent: its own cookies and its own address. */
class Respondent extends FormClient {
	readonly address: string;
	constructor() {
		const address = `10.0.0.${nextAddress++}`;
		super(server.url, { 'x-forwarded-for': address });
		this.address = address;
	}
}

const IDENTITY = { name: 'Maria Nowak', institution: 'Stowarzyszenie Razem', sector: 'ngo' };

function remark(target: string, content: string, extra: Record<string, string> = {}) {
	return { target, content, proposedWording: '', justification: '', ...IDENTITY, ...extra };
}

async function round(options: SeedRoundOptions = {}): Promise<SeededRound> {
	return seedConsultationRound(server.databasePath, seeded, options);
}

function firstAction(seededRound: SeededRound): string {
	return findSection(seededRound.draft, 'goals')!.areas[0].strategic[0].actions[0].id;
}

async function storedRemarks(roundId: string) {
	return withDatabase(server.databasePath, (db) => loadRoundRemarks(db, roundId));
}

async function respondentCount(roundId: string) {
	return withDatabase(server.databasePath, async (db) => (await db.selectFrom('consultation_respondents').select('id').where('round_id', '=', roundId).execute()).length);
}

function expectRedirect(response: Response, pattern: RegExp): string {
	expect(response.status).toBe(303);
	const location = response.headers.get('location') ?? '';
	expect(location).toMatch(pattern);
	return location;
}

describe('the round opens and closes on the server clock', () => {
	it('refuses a remark before the opening and shows no form', async () => {
		const upcoming = await round({ opensAt: Date.now() + 3600_000, closesAt: Date.now() + 7200_000 });
		const you = new Respondent();
		const page = await (await you.get(`/c/${upcoming.linkToken}`)).text();
		expect(page).toContain('Konsultacje rozpoczną się');
		expect(page).not.toContain('Zgłoś uwagę');

		const response = await you.post(`/c/${upcoming.linkToken}?/remark`, remark('goals', 'Za wcześnie'));
		expect(response.status).toBe(403);
		expect(await response.text()).toContain('Konsultacje nie trwają');
		expect(await storedRemarks(upcoming.roundId)).toEqual([]);
		expect(await respondentCount(upcoming.roundId)).toBe(0);
	});

	it('refuses a remark one second after the closing, even from someone who wrote before', async () => {
		const closesAt = Date.now() + 1500;
		const closing = await round({ closesAt });
		const you = new Respondent();
		expectRedirect(await you.post(`/c/${closing.linkToken}?/remark`, remark('goals', 'Zdążyłam')), /saved=1/);
		await new Promise((resolve) => setTimeout(resolve, closesAt + 1000 - Date.now()));

		const late = await you.post(`/c/${closing.linkToken}?/remark`, remark('goals', 'Po terminie'));
		expect(late.status).toBe(403);
		const own = (await storedRemarks(closing.roundId))[0];
		expect((await you.post(`/c/${closing.linkToken}?/edit`, { remarkId: own.id, content: 'Zmiana po terminie', ...IDENTITY })).status).toBe(403);
		expect((await you.post(`/c/${closing.linkToken}?/delete`, { remarkId: own.id })).status).toBe(403);
		expect((await you.post(`/c/${closing.linkToken}?/forget`, {})).status).toBe(403);
		expect((await storedRemarks(closing.roundId)).map((r) => r.content)).toEqual(['Zdążyłam']);

		const page = await (await you.get(`/c/${closing.linkToken}`)).text();
		expect(page).toContain('Konsultacje zakończyły się');
		expect(page).toContain('Zdążyłam');
		expect(page).not.toContain('Zgłoś uwagę');
		expect(page).not.toContain('Usuń moje dane');
	});
});

describe('an open round', () => {
	it('accepts remarks on a section, a paragraph and an action and numbers them 1, 2, 3', async () => {
		const open = await round();
		const you = new Respondent();
		const page = await (await you.get(`/c/${open.linkToken}`)).text();
		expect(page).toContain('Konsultacje trwają do');
		expect(page).toContain('Zgłoś uwagę');

		expectRedirect(await you.post(`/c/${open.linkToken}?/remark`, remark('goals', 'Pierwsza uwaga')), /saved=1&first=1/);
		expect(you.cookies.get(RECEIPT_COOKIE)).toBeTruthy();
		const paragraph = remarkTargetIds.paragraph('introduction', 1);
		expectRedirect(await you.post(`/c/${open.linkToken}?/remark`, remark(paragraph, 'Druga uwaga')), /saved=2#/);
		const other = new Respondent();
		expectRedirect(await other.post(`/c/${open.linkToken}?/remark`, remark(firstAction(open), 'Trzecia, od kogoś innego')), /saved=3/);

		const stored = await storedRemarks(open.roundId);
		expect(stored.map((r) => [r.number, r.targetKind, r.sectionId, r.content])).toEqual([
			[1, 'section', 'goals', 'Pierwsza uwaga'],
			[2, 'paragraph', 'introduction', 'Druga uwaga'],
			[3, 'action', 'goals', 'Trzecia, od kogoś innego']
		]);
		expect(stored[1].targetLabel).toBe('Akapit 2');
		expect(stored[2].targetLabel).toMatch(/^Cel 5(\.\d+)?, działanie 1: /);
		expect(stored[0].author).toEqual(IDENTITY);

		const mine = await (await you.get(`/c/${open.linkToken}`)).text();
		expect(mine).toContain('Moje uwagi');
		expect(mine).toContain('Pierwsza uwaga');
		expect(mine).toContain('Druga uwaga');
		expect(mine).not.toContain('Trzecia, od kogoś innego');
	});

	it('lets a respondent edit and delete their own remark, and never reuses its number', async () => {
		const open = await round();
		const you = new Respondent();
		await you.post(`/c/${open.linkToken}?/remark`, remark('goals', 'Do poprawy'));
		const [own] = await storedRemarks(open.roundId);
		expectRedirect(await you.post(`/c/${open.linkToken}?/edit`, { remarkId: own.id, content: 'Poprawiona', proposedWording: 'Nowe brzmienie', justification: '', ...IDENTITY }), /edited=1/);
		expect((await storedRemarks(open.roundId)).map((r) => [r.content, r.proposedWording])).toEqual([['Poprawiona', 'Nowe brzmienie']]);
		expectRedirect(await you.post(`/c/${open.linkToken}?/delete`, { remarkId: own.id }), /deleted=1/);
		expect(await storedRemarks(open.roundId)).toEqual([]);
		expectRedirect(await you.post(`/c/${open.linkToken}?/remark`, remark('goals', 'Nowa')), /saved=2/);
	});
});

describe('who reaches what', () => {
	it('opens an invited round by an invitation only, never by its public token', async () => {
		const invited = await round({ audience: 'invited', invites: ['ola@example.org'] });
		const token = invited.inviteTokens['ola@example.org'];
		const you = new Respondent();
		expect((await you.get(`/c/${invited.linkToken}`)).status).toBe(404);
		expect((await you.post(`/c/${invited.linkToken}?/remark`, remark('goals', 'Publicznym linkiem'))).status).toBe(404);
		expect((await you.get(`/c/nie-ma-takiego-linku-123`)).status).toBe(404);

		expect((await you.get(`/c/${token}`)).status).toBe(200);
		expectRedirect(await you.post(`/c/${token}?/remark`, remark('goals', 'Z zaproszenia')), /saved=1/);
		expect((await storedRemarks(invited.roundId)).map((r) => r.content)).toEqual(['Z zaproszenia']);
		const invite = await withDatabase(server.databasePath, (db) => db.selectFrom('consultation_respondents').select('invite_id').where('round_id', '=', invited.roundId).executeTakeFirstOrThrow());
		expect(invite.invite_id).not.toBeNull();
	});

	it('keeps another respondent’s remark out of sight and out of reach, even by its id', async () => {
		const open = await round();
		const author = new Respondent();
		await author.post(`/c/${open.linkToken}?/remark`, remark('goals', 'Uwaga autorki'));
		const [theirs] = await storedRemarks(open.roundId);
		const stranger = new Respondent();
		await stranger.post(`/c/${open.linkToken}?/remark`, remark('goals', 'Uwaga obcego'));

		expect(await (await stranger.get(`/c/${open.linkToken}`)).text()).not.toContain('Uwaga autorki');
		expect((await stranger.post(`/c/${open.linkToken}?/edit`, { remarkId: theirs.id, content: 'Podmienione', ...IDENTITY })).status).toBe(404);
		expect((await stranger.post(`/c/${open.linkToken}?/delete`, { remarkId: theirs.id })).status).toBe(404);
		// A receipt of this round does not open another round's remarks either.
		const elsewhere = await round();
		const cookie = stranger.cookies.get(RECEIPT_COOKIE)!;
		const visitor = new Respondent();
		visitor.cookies.set(RECEIPT_COOKIE, cookie);
		expect((await visitor.get(`/c/${elsewhere.linkToken}/r/${cookie}`)).headers.get('location')).toMatch(/receipt=invalid/);

		expect((await storedRemarks(open.roundId)).map((r) => r.content)).toEqual(['Uwaga autorki', 'Uwaga obcego']);
	});
});

describe('what is refused', () => {
	it('refuses a made-up target and stores nothing', async () => {
		const open = await round();
		const you = new Respondent();
		for (const target of ['goals:zmyslone', remarkTargetIds.paragraph('introduction', 99), '']) {
			const response = await you.post(`/c/${open.linkToken}?/remark`, remark(target, 'Do niczego'));
			expect(response.status).toBe(400);
			expect(await response.text()).toContain('Nie ma takiego miejsca w projekcie');
		}
		expect(await storedRemarks(open.roundId)).toEqual([]);
		expect(await respondentCount(open.roundId)).toBe(0);
	});

	it('refuses over-size text with a clear message and stores nothing', async () => {
		const open = await round();
		const you = new Respondent();
		for (const fields of [
			remark('goals', 'x'.repeat(5001)),
			remark('goals', 'Krótka', { justification: 'y'.repeat(3001) }),
			remark('goals', 'Krótka', { name: 'z'.repeat(201) }),
			remark('goals', '   '),
			remark('goals', 'Zły sektor', { sector: 'mafia' })
		]) {
			const response = await you.post(`/c/${open.linkToken}?/remark`, fields);
			expect(response.status).toBe(400);
			expect(await response.text()).toMatch(/Tekst jest za długi|To pole jest wymagane|Wybierz sektor z listy/);
		}
		expect(await storedRemarks(open.roundId)).toEqual([]);
	});

	it('stops a flood from one address with how long to wait, and stores nothing more', async () => {
		const open = await round();
		const you = new Respondent();
		for (let i = 1; i <= 40; i++) expectRedirect(await you.post(`/c/${open.linkToken}?/remark`, remark('goals', `Uwaga ${i}`)), new RegExp(`saved=${i}`));
		const refused = await you.post(`/c/${open.linkToken}?/remark`, remark('goals', 'Jedna za dużo'));
		expect(refused.status).toBe(429);
		expect(await refused.text()).toMatch(/Zbyt wiele uwag wysłanych w krótkim czasie\. Spróbuj ponownie za \d+ min\./);
		expect(await storedRemarks(open.roundId)).toHaveLength(40);
		// Someone else on the same link, from elsewhere, still gets through.
		expectRedirect(await new Respondent().post(`/c/${open.linkToken}?/remark`, remark('goals', 'Z innego adresu')), /saved=41/);
	});
});

describe('how many remarks one respondent may leave', () => {
	it('refuses the 101st remark of one respondent and says why', async () => {
		const open = await round();
		const you = new Respondent();
		expectRedirect(await you.post(`/c/${open.linkToken}?/remark`, remark('goals', 'Uwaga 1')), /saved=1/);
		const [first] = await storedRemarks(open.roundId);
		await withDatabase(server.databasePath, async (db) => {
			const row = await db.selectFrom('consultation_remarks').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
			for (let number = 2; number <= 100; number++) {
				await db.insertInto('consultation_remarks').values({ ...row, id: crypto.randomUUID(), number, content: `Uwaga ${number}` }).execute();
			}
		});
		const refused = await you.post(`/c/${open.linkToken}?/remark`, remark('goals', 'Uwaga 101'));
		expect(refused.status).toBe(409);
		expect(await refused.text()).toContain('Zgłoszono już największą dozwoloną liczbę uwag (100)');
		expect(await storedRemarks(open.roundId)).toHaveLength(100);
		// Numbering goes on after the numbers written straight into the table.
		expectRedirect(await new Respondent().post(`/c/${open.linkToken}?/remark`, remark('goals', 'Od kogoś innego')), /saved=101/);
	});
});

describe('the page in English', () => {
	it('says the phase in the chosen language and keeps the draft in its own', async () => {
		const open = await round();
		const you = new Respondent();
		you.cookies.set('PARAGLIDE_LOCALE', 'en');
		const page = await (await you.get(`/c/${open.linkToken}`)).text();
		expect(page).toContain('The consultation is open until');
		expect(page).toContain('Leave a remark');
		expect(page).toContain('Cele strategiczne i kierunki działań');
	});
});

describe('anonymity and personal data', () => {
	it('asks who you are when the round does not allow anonymous remarks', async () => {
		const named = await round({ anonymousAllowed: false });
		const you = new Respondent();
		const response = await you.post(`/c/${named.linkToken}?/remark`, { target: 'goals', content: 'Bez podpisu', anonymous: 'on', name: '', institution: '', sector: '' });
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('To pole jest wymagane');
		expect(await storedRemarks(named.roundId)).toEqual([]);
		const page = await (await you.get(`/c/${named.linkToken}?target=goals`)).text();
		expect(page).not.toContain('Zgłaszam uwagę anonimowo');

		// The tick is ignored where anonymity is not allowed: the remark is signed.
		expectRedirect(await you.post(`/c/${named.linkToken}?/remark`, remark('goals', 'Z podpisem', { anonymous: 'on' })), /saved=1/);
		expect((await storedRemarks(named.roundId))[0].author).toEqual(IDENTITY);
	});

	it('stores an anonymous remark without its author where the round allows it', async () => {
		const open = await round({ anonymousAllowed: true });
		const you = new Respondent();
		const page = await (await you.get(`/c/${open.linkToken}?target=goals`)).text();
		expect(page).toContain('Zgłaszam uwagę anonimowo');
		expectRedirect(await you.post(`/c/${open.linkToken}?/remark`, { target: 'goals', content: 'Anonimowo', anonymous: 'on', name: '', institution: '', sector: '' }), /saved=1/);
		expectRedirect(await you.post(`/c/${open.linkToken}?/remark`, remark('goals', 'Już podpisana')), /saved=2/);
		const stored = await storedRemarks(open.roundId);
		expect(stored.map((r) => [r.content, r.author])).toEqual([
			['Anonimowo', null],
			['Już podpisana', IDENTITY]
		]);
	});

	it('deletes my data: the remarks and the name go', async () => {
		const open = await round();
		const you = new Respondent();
		await you.post(`/c/${open.linkToken}?/remark`, remark('goals', 'Do usunięcia 1'));
		await you.post(`/c/${open.linkToken}?/remark`, remark('introduction', 'Do usunięcia 2'));
		const stays = new Respondent();
		await stays.post(`/c/${open.linkToken}?/remark`, remark('goals', 'Zostaje', { name: 'Ktoś Inny' }));

		const gone = expectRedirect(await you.post(`/c/${open.linkToken}?/forget`, {}), /forgotten=1/);
		expect(you.cookies.get(RECEIPT_COOKIE)).toBeUndefined();
		expect((await storedRemarks(open.roundId)).map((r) => r.content)).toEqual(['Zostaje']);
		const names = await withDatabase(server.databasePath, (db) => db.selectFrom('consultation_respondents').select('name').where('round_id', '=', open.roundId).execute());
		expect(names.map((row) => row.name)).toEqual(['Ktoś Inny']);
		const page = await (await you.get(gone)).text();
		expect(page).toContain('Twoje dane i wszystkie Twoje uwagi zostały usunięte');
		expect(page).not.toContain('Do usunięcia 1');
	});

	it('brings the remarks back in a fresh browser through the receipt link', async () => {
		const open = await round();
		const you = new Respondent();
		await you.post(`/c/${open.linkToken}?/remark`, remark('goals', 'Wrócę do tej uwagi'));
		const page = await (await you.get(`/c/${open.linkToken}?saved=1&first=1`)).text();
		expect(page).toContain('Zachowaj ten link');
		const receiptUrl = /data-testid="receipt-url"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*data-testid="receipt-url"/.exec(page);
		const link = new URL((receiptUrl?.[1] ?? receiptUrl?.[2])!.replaceAll('&amp;', '&'));
		expect(link.pathname).toMatch(new RegExp(`^/c/${open.linkToken}/r/`));

		const fresh = new Respondent();
		expect(await (await fresh.get(`/c/${open.linkToken}`)).text()).not.toContain('Wrócę do tej uwagi');
		const back = await fresh.get(link.pathname);
		expectRedirect(back, new RegExp(`^/c/${open.linkToken}#my-remarks$`));
		expect(back.headers.getSetCookie().join()).toMatch(new RegExp(`${RECEIPT_COOKIE}=.*Path=/c/${open.linkToken};.*HttpOnly`, 'i'));
		expect(await (await fresh.get(`/c/${open.linkToken}`)).text()).toContain('Wrócę do tej uwagi');
		const [own] = await storedRemarks(open.roundId);
		expectRedirect(await fresh.post(`/c/${open.linkToken}?/edit`, { remarkId: own.id, content: 'Zmieniona z telefonu', ...IDENTITY }), /edited=1/);

		const forged = new Respondent();
		expect((await forged.get(`/c/${open.linkToken}/r/${link.pathname.split('/r/')[1].split('.')[0]}.zlysekret`)).headers.get('location')).toMatch(/receipt=invalid/);
	});

	it('shows hostile text as text', async () => {
		const open = await round();
		const you = new Respondent();
		const hostile = '<script>alert(1)</script> =1+1';
		await you.post(`/c/${open.linkToken}?/remark`, remark('goals', hostile, { proposedWording: '<img src=x onerror=alert(2)>', name: '<b>Ja</b>' }));
		const page = await (await you.get(`/c/${open.linkToken}`)).text();
		expect(page).toContain('&lt;script>alert(1)&lt;/script> =1+1');
		expect(page).not.toContain('<script>alert(1)');
		expect(page).not.toContain('<img src=x');
		expect(page).not.toContain('<b>Ja</b>');
		expect((await storedRemarks(open.roundId))[0].content).toBe(hostile);
	});
});
