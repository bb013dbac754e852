import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SEED_000_TEMPLATE, deriveGoals, editItemText, importGoalsTemplate } from '../../src/lib/domain/goals';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/sessions';
import { listDraftBoards } from '../../src/lib/server/drafts';
import { collabBoards } from '../support/collab-clients';
import { eventually } from '../support/eventually';
import { FormClient } from './auth-helpers';
import { whenSynced } from './collab-client';
import { withDatabase, type TestDb } from '../support/database';

// The "Projekt strategii" page and its saved versions, against the real server: a goals board
// filled with seed 000's chapter through a real board client, versions saved by form posts.
const collab = collabBoards();

const SEED_ACTION = 'Monitorowanie oraz analiza problemów i potrzeb społecznych';

function signedIn(token: string): FormClient {
	const client = new FormClient(collab.server.url);
	client.cookies.set(SESSION_COOKIE, token);
	return client;
}

const draftPath = () => `/processes/${collab.seeded.processId}/draft`;
const markdownPath = (n: number) => `${draftPath()}/versions/${n}/draft.md`;
const withDb = <T,>(run: (db: TestDb) => Promise<T>) => withDatabase(collab.server.databasePath, run);


async function versionNumbers(): Promise<number[]> {
	const rows = await withDb((db) => db.selectFrom('draft_versions').select('number').where('process_id', '=', collab.seeded.processId).orderBy('number').execute());
	return rows.map((row) => row.number);
}

/** A goals board holding seed 000's chapter, written by the facilitator's real board client. */
async function seedGoalsBoard() {
	const boardId = await collab.createBoard({ kind: 'goals', title: 'Cele: obszar V', area: 'Współpraca i jakość usług' });
	const client = collab.connect(boardId, collab.seeded.facilitator.token);
	await whenSynced(client);
	importGoalsTemplate(client.doc, SEED_000_TEMPLATE, 'anna');
	return { boardId, client };
}

async function markdown(facilitator: FormClient, n: number): Promise<string> {
	const response = await facilitator.get(markdownPath(n));
	expect(response.status).toBe(200);
	return response.text();
}

describe('strategy draft page and versions', () => {
	it('shows the preview to a facilitator and nothing to a guest, an observer or a stranger', async () => {
		const { client } = await seedGoalsBoard();
		const facilitator = signedIn(collab.seeded.facilitator.token);
		await eventually(async () => {
			const html = await (await facilitator.get(draftPath())).text();
			expect(html).toContain(SEED_ACTION);
		});
		const html = await (await facilitator.get(draftPath())).text();
		expect(html).toContain('Projekt strategii');
		expect(html).toContain('Opis działania');
		expect(html).toContain('Harmonogram realizacji');
		expect(html).toContain('Podmioty zaangażowane');
		expect(html).toContain('Sekcja do uzupełnienia');
		// Completeness findings, in words, linking to their anchors.
		expect(html).toContain('Brak tekstu sekcji „Prognoza zmian”');
		expect(html).toContain('href="#draft-forecast"');
		expect(deriveGoals(client.doc).actions.length).toBeGreaterThan(0);

		const stranger = await withDb(async (db) => {
			const userId = randomUUID();
			await db.insertInto('users').values({ id: userId, email: `s-${userId}@example.org`, name: 'Obca', password_hash: 'x', role: 'facilitator', created_at: Date.now() }).execute();
			return createSession(db, { kind: 'user', userId, expiresAt: Date.now() + 3600_000 });
		});
		for (const token of [stranger.token, collab.seeded.guest.token, collab.seeded.observer.token]) {
			const response = await signedIn(token).get(draftPath());
			expect(response.status).toBe(404);
			expect(await response.text()).not.toContain(SEED_ACTION);
		}
		const anonymous = await new FormClient(collab.server.url).get(draftPath());
		expect(anonymous.status).toBe(303);
	});

	it('keeps v1 as it was saved after the board changes, and v2 shows the change', async () => {
		const { boardId, client } = await seedGoalsBoard();
		// Only the new board goes in, so the earlier test's board does not blur what changed.
		const facilitator = signedIn(collab.seeded.facilitator.token);
		const boards = await withDb((db) => db.selectFrom('boards').select('id').where('process_id', '=', collab.seeded.processId).where('kind', '=', 'goals').execute());
		const form = new URLSearchParams();
		for (const board of boards) form.append('boardId', board.id);
		form.append('included', boardId);
		const chosen = await fetch(`${collab.server.url}${draftPath()}?/saveBoards`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: collab.server.url, accept: 'text/html', cookie: `${SESSION_COOKIE}=${collab.seeded.facilitator.token}` },
			body: form.toString()
		});
		expect(chosen.status).toBe(200);

		const before = (await versionNumbers()).length;
		await eventually(async () => expect(await (await facilitator.get(draftPath())).text()).toContain(SEED_ACTION));
		expect((await facilitator.post(`${draftPath()}?/saveVersion`, {})).status).toBe(200);
		const v1 = before + 1;
		expect(await versionNumbers()).toContain(v1);
		const first = await markdown(facilitator, v1);
		expect(first).toContain(SEED_ACTION);
		expect(first).toContain('| Lp. | Opis działania | Harmonogram realizacji | Wskaźnik realizacji działania');
		expect(first).toContain(`Wersja: ${v1}`);

		const action = deriveGoals(client.doc).actions[0];
		expect(editItemText(client.doc, action.id, 'Całkiem nowy opis pierwszego działania', 'anna')).toBe(true);
		await eventually(async () => expect(await (await facilitator.get(draftPath())).text()).toContain('Całkiem nowy opis pierwszego działania'));

		expect(await markdown(facilitator, v1)).toBe(first);
		expect((await facilitator.post(`${draftPath()}?/saveVersion`, {})).status).toBe(200);
		const second = await markdown(facilitator, v1 + 1);
		expect(second).toContain('Całkiem nowy opis pierwszego działania');
		expect(second).not.toContain(SEED_ACTION);
		expect(await markdown(facilitator, v1)).toBe(first);
		// Not even a direct write changes a saved version.
		await expect(withDb((db) => db.updateTable('draft_versions').set({ model_json: '{}' }).where('number', '=', v1).execute())).rejects.toThrow(/immutable/);
		// The versions list shows who saved them.
		expect(await (await facilitator.get(draftPath())).text()).toContain('Anna Facylitatorka');
	});

	it('numbers two saves made at the same moment as two versions, never the same one twice', async () => {
		const facilitator = signedIn(collab.seeded.facilitator.token);
		const before = await versionNumbers();
		const responses = await Promise.all([facilitator.post(`${draftPath()}?/saveVersion`, {}), facilitator.post(`${draftPath()}?/saveVersion`, {})]);
		expect(responses.map((response) => response.status)).toEqual([200, 200]);
		const next = before.length + 1;
		expect(await versionNumbers()).toEqual([...before, next, next + 1]);
	});

	it('downloads Markdown as an attachment whose file name carries no path characters from the title', async () => {
		const facilitator = signedIn(collab.seeded.facilitator.token);
		await withDb((db) =>
			db.updateTable('strategy_processes').set({ title: '../../etc/passwd "Łódź"; <script>\\ Strategia' }).where('id', '=', collab.seeded.processId).execute()
		);
		expect((await facilitator.post(`${draftPath()}?/saveVersion`, {})).status).toBe(200);
		const last = (await versionNumbers()).at(-1)!;
		const response = await facilitator.get(markdownPath(last));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('text/markdown');
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="etc-passwd-lodz-script-strategia-v${last}.md"`);
		// The title is the document's first heading, escaped, not markup.
		expect((await response.text()).split('\n')[0]).toContain('passwd');
		expect((await facilitator.get(markdownPath(999))).status).toBe(404);
		expect((await facilitator.get(`${draftPath()}/versions/..%2F1/draft.md`)).status).toBe(404);
		expect((await facilitator.get(`${draftPath()}/versions/${last}/draft.exe`)).status).toBe(404);
	});

	it('downloads a version as Word and as PDF, each rendered from the stored model, the PDF identical every time', async () => {
		const facilitator = signedIn(collab.seeded.facilitator.token);
		expect((await facilitator.post(`${draftPath()}?/saveVersion`, {})).status).toBe(200);
		const last = (await versionNumbers()).at(-1)!;
		const download = async (file: string) => {
			const response = await facilitator.get(`${draftPath()}/versions/${last}/${file}`);
			expect(response.status).toBe(200);
			return { response, bytes: Buffer.from(await response.arrayBuffer()) };
		};
		const word = await download('draft.docx');
		expect(word.response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		expect(word.response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="[a-z0-9-]+-v${last}\\.docx"$`));
		expect(word.bytes.subarray(0, 2).toString()).toBe('PK');
		const pdf = await download('draft.pdf');
		expect(pdf.response.headers.get('content-type')).toBe('application/pdf');
		expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
		expect((await download('draft.pdf')).bytes.equals(pdf.bytes)).toBe(true);
	});

	it('keeps the order and choice of boards the facilitator made, and ignores boards of another process', async () => {
		const tree = await collab.createBoard({ kind: 'problem-tree', title: 'Drzewo problemów: przemoc', area: 'Przemoc w rodzinie' });
		const boards = await withDb((db) => listDraftBoards(db, collab.seeded.processId));
		// Ideas walls have no place in the draft and are not offered.
		expect(boards.map((board) => board.kind)).not.toContain('ideas-wall');
		const form = new URLSearchParams();
		boards.forEach((board, index) => {
			form.append('boardId', board.id);
			form.append(`position-${board.id}`, String(board.id === tree ? 1 : index + 2));
			if (board.id !== tree) form.append('included', board.id);
		});
		form.append('boardId', 'not-a-board-of-this-process');
		form.append('included', 'not-a-board-of-this-process');
		const response = await fetch(`${collab.server.url}${draftPath()}?/saveBoards`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: collab.server.url, accept: 'text/html', cookie: `${SESSION_COOKIE}=${collab.seeded.facilitator.token}` },
			body: form.toString()
		});
		expect(response.status).toBe(200);
		const saved = await withDb((db) => listDraftBoards(db, collab.seeded.processId));
		expect(saved.map((board) => board.id)).toEqual([tree, ...boards.filter((board) => board.id !== tree).map((board) => board.id)]);
		expect(saved.map((board) => board.included)).toEqual([false, ...boards.filter((board) => board.id !== tree).map(() => true)]);
	});
});
