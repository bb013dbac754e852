import { describe, expect, it } from 'vitest';
import { SEED_000_TEMPLATE, deriveGoals, editItemText, importGoalsTemplate } from '../../src/lib/domain/goals';
import { SESSION_COOKIE } from '../../src/lib/server/auth/sessions';
import { openDatabase } from '../../src/lib/server/db/index';
import { collabBoards } from '../support/collab-clients';
import { eventually } from '../support/eventually';
import { FormClient } from './auth-helpers';
import { whenSynced } from './collab-client';

// Comparing saved draft versions, the process's document language and the XLSX download,
// against the real server: a goals board written by a real board client, versions saved by form posts.
const collab = collabBoards();

const SEED_ACTION = 'Monitorowanie oraz analiza problemów i potrzeb społecznych';
const EDITED_ACTION = 'Monitorowanie oraz stała ocena problemów i potrzeb społecznych';

function signedIn(token: string): FormClient {
	const client = new FormClient(collab.server.url);
	client.cookies.set(SESSION_COOKIE, token);
	return client;
}

const processPath = () => `/processes/${collab.seeded.processId}`;
const draftPath = () => `${processPath()}/draft`;
const comparePath = (query = '') => `${draftPath()}/compare${query}`;

async function versionCount(): Promise<number> {
	const { db, close } = openDatabase(collab.server.databasePath);
	try {
		const rows = await db.selectFrom('draft_versions').select('number').where('process_id', '=', collab.seeded.processId).execute();
		return rows.length;
	} finally {
		await close();
	}
}

async function saveVersion(facilitator: FormClient): Promise<number> {
	expect((await facilitator.post(`${draftPath()}?/saveVersion`, {})).status).toBe(200);
	return versionCount();
}

async function page(client: FormClient, path: string): Promise<string> {
	const response = await client.get(path);
	expect(response.status).toBe(200);
	return response.text();
}

/** The visible text of server-rendered HTML: Svelte's hydration comments and tags dropped. */
function visible(html: string): string {
	return html.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, '');
}

describe('comparing draft versions', () => {
	it('shows, section by section, the words and rows that changed between v1 and v2', async () => {
		const facilitator = signedIn(collab.seeded.facilitator.token);
		// No saved version yet: nothing to compare, said in words.
		expect(visible(await page(facilitator, comparePath()))).toContain('Do porównania potrzebne są co najmniej dwie zapisane wersje');

		const boardId = await collab.createBoard({ kind: 'goals', title: 'Cele: obszar V', area: 'Współpraca i jakość usług' });
		const client = collab.connect(boardId, collab.seeded.facilitator.token);
		await whenSynced(client);
		importGoalsTemplate(client.doc, SEED_000_TEMPLATE, 'anna');
		await eventually(async () => expect(await page(facilitator, draftPath())).toContain(SEED_ACTION));
		const v1 = await saveVersion(facilitator);
		// The draft page links to the comparison once there are two versions, not before.
		expect(await page(facilitator, draftPath())).not.toContain(`href="${comparePath()}"`);

		const action = deriveGoals(client.doc).actions[0];
		expect(editItemText(client.doc, action.id, action.text.replace(SEED_ACTION, EDITED_ACTION), 'anna')).toBe(true);
		await eventually(async () => expect(await page(facilitator, draftPath())).toContain(EDITED_ACTION));
		const v2 = await saveVersion(facilitator);
		expect(v2).toBe(v1 + 1);
		expect(await page(facilitator, draftPath())).toContain(`href="${comparePath()}"`);

		const html = await page(facilitator, comparePath(`?from=${v1}&to=${v2}`));
		const text = visible(html);
		expect(text).toContain(`Zmiany od wersji ${v1} do wersji ${v2}`);
		expect(text).toContain('Cele strategiczne i kierunki działań');
		expect(text).toContain('zmieniono');
		// The replaced word is struck out and the new ones inserted, each announced in words.
		expect(html).toMatch(/<del[^>]*><span class="visually-hidden[^"]*">usunięto: <\/span>analiza<\/del>/);
		expect(html).toMatch(/<ins[^>]*><span class="visually-hidden[^"]*">dodano: <\/span>stała ocena<\/ins>/);
		// Unchanged sections are named, not shown.
		expect(text).toMatch(/Bez zmian: [^.]*Wprowadzenie/);
		// Without a query the two latest versions are compared.
		expect(visible(await page(facilitator, comparePath()))).toContain(`Zmiany od wersji ${v1} do wersji ${v2}`);

		// Nothing changed between v2 and v3.
		const v3 = await saveVersion(facilitator);
		expect(visible(await page(facilitator, comparePath(`?from=${v2}&to=${v3}`)))).toContain(`Wersje ${v2} i ${v3} niczym się nie różnią.`);
		expect(visible(await page(facilitator, comparePath(`?from=${v2}&to=${v2}`)))).toContain(`Wybrano dwa razy wersję ${v2}.`);
		expect(visible(await page(facilitator, comparePath(`?from=${v1}&to=99`)))).toContain('Wersja „99” nie istnieje.');
		expect(visible(await page(facilitator, comparePath('?from=abc&to=1')))).toContain('Wersja „abc” nie istnieje.');
	});

	it('is the facilitators’ only: a guest, an observer and anyone signed out see nothing', async () => {
		for (const token of [collab.seeded.guest.token, collab.seeded.observer.token]) {
			const response = await signedIn(token).get(comparePath());
			expect(response.status).toBe(404);
		}
		expect((await new FormClient(collab.server.url).get(comparePath())).status).toBe(303);
	});
});

describe('the process’s document language and the matrices workbook', () => {
	it('writes an English process’s export in English while the person exporting uses Polish', async () => {
		const facilitator = signedIn(collab.seeded.facilitator.token);
		expect(await page(facilitator, processPath())).toContain('Język dokumentów');
		const polish = await saveVersion(facilitator);

		expect((await facilitator.post(`${processPath()}?/setLanguage`, { language: 'de' })).status).toBe(400);
		const saved = await facilitator.post(`${processPath()}?/setLanguage`, { language: 'en' });
		expect(saved.status).toBe(200);
		expect(visible(await saved.text())).toContain('Zapisano język dokumentów.');

		const english = await saveVersion(facilitator);
		const markdown = async (n: number) => (await facilitator.get(`${draftPath()}/versions/${n}/draft.md`)).text();
		const en = await markdown(english);
		expect(en).toContain('Strategic goals and action directions');
		expect(en).toContain('Implementation, monitoring and evaluation');
		expect(en).not.toContain('Cele strategiczne i kierunki działań');
		// The interface stays Polish, and the earlier version keeps its own language.
		expect(visible(await page(facilitator, draftPath()))).toContain('Wersje projektu');
		expect(await markdown(polish)).toContain('Cele strategiczne i kierunki działań');
	});

	it('creates a process in English when the facilitator chooses so, and in Polish by default', async () => {
		const facilitator = signedIn(collab.seeded.facilitator.token);
		const create = async (title: string, language?: string) => {
			const response = await facilitator.post('/processes?/create', { title, territory: 'Gmina Pisz', periodFrom: '2025', periodTo: '2030', ...(language ? { language } : {}) });
			expect(response.status).toBe(303);
			return response.headers.get('location')!.split('/').pop()!;
		};
		const languageOf = async (id: string) => {
			const { db, close } = openDatabase(collab.server.databasePath);
			try {
				return (await db.selectFrom('strategy_processes').select('language').where('id', '=', id).executeTakeFirstOrThrow()).language;
			} finally {
				await close();
			}
		};
		expect(await languageOf(await create('Strategy of Pisz', 'en'))).toBe('en');
		expect(await languageOf(await create('Strategia Gminy Pisz'))).toBe('pl');
		expect((await facilitator.post('/processes?/create', { title: 'X', territory: 'Y', periodFrom: '2025', periodTo: '2030', language: 'xx' })).status).toBe(400);
	});

	it('downloads a version’s matrices as an XLSX workbook', async () => {
		const facilitator = signedIn(collab.seeded.facilitator.token);
		const last = await versionCount();
		const response = await facilitator.get(`${draftPath()}/versions/${last}/draft.xlsx`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="[a-z0-9-]+-v${last}\\.xlsx"$`));
		expect(Buffer.from(await response.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
	});
});
