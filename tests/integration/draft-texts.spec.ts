import { describe, expect, it } from 'vitest';
import { draftText, editDraftText } from '../../src/lib/domain/draft/texts';
import { SESSION_COOKIE } from '../../src/lib/server/auth/sessions';
import { listDraftBoards } from '../../src/lib/server/drafts';
import { createWorkshop } from '../../src/lib/server/workshops';
import { collabBoards } from '../support/collab-clients';
import { eventually } from '../support/eventually';
import { FormClient } from './auth-helpers';
import { sessionCookie, whenSynced } from './collab-client';
import { withDatabase, type TestDb } from '../support/database';
import { upgradeAnswer as upgradeAnswerAt } from '../support/upgrade';

// The draft's editable sections against the real server: the hidden board behind them, two real
// y-websocket clients writing in one section at once, the saved version's export, and who may
// not open them.
const collab = collabBoards();

const draftPath = () => `/processes/${collab.seeded.processId}/draft`;
const withDb = <T,>(run: (db: TestDb) => Promise<T>) => withDatabase(collab.server.databasePath, run);
const upgradeAnswer = (boardId: string, token: string) => upgradeAnswerAt(collab.server.url, boardId, { cookie: sessionCookie(token) });

function facilitatorClient(): FormClient {
	const client = new FormClient(collab.server.url);
	client.cookies.set(SESSION_COOKIE, collab.seeded.facilitator.token);
	return client;
}


async function textsBoards(): Promise<string[]> {
	const rows = await withDb((db) => db.selectFrom('boards').select('id').where('process_id', '=', collab.seeded.processId).where('kind', '=', 'draft-texts').execute());
	return rows.map((row) => row.id);
}


describe('editable sections of the draft', () => {
	it('creates the hidden sections board once, even when two facilitators open the draft at the same moment', async () => {
		const open = () => fetch(`${collab.server.url}${draftPath()}`, { headers: { cookie: `${SESSION_COOKIE}=${collab.seeded.facilitator.token}` } });
		const responses = await Promise.all([open(), open(), open()]);
		expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
		expect(await textsBoards()).toHaveLength(1);
		expect((await open()).status).toBe(200);
		expect(await textsBoards()).toHaveLength(1);
	});

	it('keeps both people’s words when two write in the financial framework at once, and the saved version exports both', async () => {
		const [boardId] = await textsBoards();
		const anna = collab.connect(boardId, collab.seeded.facilitator.token);
		const jan = collab.connect(boardId, collab.seeded.facilitator.token);
		await Promise.all([whenSynced(anna), whenSynced(jan)]);
		editDraftText(anna.doc, 'financial-framework', 'Budżet powiatu');
		await eventually(() => expect(draftText(jan.doc, 'financial-framework').toString()).toBe('Budżet powiatu'));

		// Neither has seen the other's words when typing: Anna adds at the end, Jan at the start.
		editDraftText(anna.doc, 'financial-framework', 'Budżet powiatu oraz środki Funduszu Pracy');
		editDraftText(jan.doc, 'financial-framework', 'Źródła finansowania: Budżet powiatu');
		const merged = 'Źródła finansowania: Budżet powiatu oraz środki Funduszu Pracy';
		await eventually(() => {
			expect(draftText(anna.doc, 'financial-framework').toString()).toBe(merged);
			expect(draftText(jan.doc, 'financial-framework').toString()).toBe(merged);
		});
		editDraftText(jan.doc, 'forecast', 'Liczba seniorów wzrośnie o jedną piątą');

		const facilitator = facilitatorClient();
		// The live preview reads the texts through the board hub: no "missing financial framework" any more.
		await eventually(async () => {
			const html = await (await facilitator.get(draftPath())).text();
			expect(html).toContain('Liczba seniorów wzrośnie o jedną piątą');
			expect(html).not.toContain('Brak tekstu sekcji „Ramy finansowe');
		});
		expect((await facilitator.post(`${draftPath()}?/saveVersion`, {})).status).toBe(200);
		const number = await withDb(async (db) => (await db.selectFrom('draft_versions').select((eb) => eb.fn.max('number').as('n')).where('process_id', '=', collab.seeded.processId).executeTakeFirst())!.n);
		const markdown = await (await facilitator.get(`${draftPath()}/versions/${number}/draft.md`)).text();
		expect(markdown).toContain(merged);
		expect(markdown).toContain('Liczba seniorów wzrośnie o jedną piątą');

		// Later writing does not change the saved version.
		editDraftText(anna.doc, 'financial-framework', 'Całkiem inne ramy');
		await eventually(async () => expect(await (await facilitator.get(draftPath())).text()).toContain('Całkiem inne ramy'));
		expect(await (await facilitator.get(`${draftPath()}/versions/${number}/draft.md`)).text()).toBe(markdown);
	});

	it('refuses a workshop guest and an observer the sections’ socket, even if the board were linked to their workshop', async () => {
		const [boardId] = await textsBoards();
		expect(await upgradeAnswer(boardId, collab.seeded.guest.token)).toBe(403);
		expect(await upgradeAnswer(boardId, collab.seeded.observer.token)).toBe(403);
		await withDb((db) => db.insertInto('workshop_boards').values({ workshop_id: collab.seeded.workshopId, board_id: boardId, position: 9 }).execute());
		try {
			expect(await upgradeAnswer(boardId, collab.seeded.guest.token)).toBe(403);
			expect(await upgradeAnswer(boardId, collab.seeded.observer.token)).toBe(403);
			expect(await upgradeAnswer(boardId, collab.seeded.facilitator.token)).toBe('open');
		} finally {
			await withDb((db) => db.deleteFrom('workshop_boards').where('board_id', '=', boardId).execute());
		}
	});

	it('never lists the sections board as a board: not on the process page, not in the draft’s choice, not in a new workshop, no board page', async () => {
		const [boardId] = await textsBoards();
		const facilitator = facilitatorClient();
		const processPage = await (await facilitator.get(`/processes/${collab.seeded.processId}`)).text();
		expect(processPage).toContain('Ściana pomysłów');
		expect(processPage).not.toContain(boardId);
		expect(processPage).not.toContain('sekcje do redagowania');
		expect((await withDb((db) => listDraftBoards(db, collab.seeded.processId))).map((board) => board.id)).not.toContain(boardId);
		const workshop = await withDb((db) =>
			createWorkshop(db, collab.seeded.processId, collab.seeded.userId, { title: 'Warsztat', startsAt: Date.now(), endsAt: Date.now() + 3600_000, boardIds: [boardId] })
		);
		expect(workshop).toEqual({ ok: false, code: 'unknown_board' });
		expect((await facilitator.get(`/boards/${boardId}`)).status).toBe(404);
	});
});
