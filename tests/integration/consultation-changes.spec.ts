import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { draftIds, findSection, type StrategyDraft } from '../../src/lib/domain/draft/model';
import { SEED_000_TEMPLATE, deriveGoals, importGoalsTemplate } from '../../src/lib/domain/goals';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/sessions';
import { collabBoards } from '../support/collab-clients';
import { seedConsultationRound, type SeededRound } from '../support/consultation';
import { seedAnsweredRemarks } from '../support/consultation-changes';
import { withDatabase, type TestDb } from '../support/database';
import { eventually } from '../support/eventually';
import { FormClient } from './auth-helpers';
import { whenSynced } from './collab-client';

// The consultation to-do on the draft page, against the real server: accepted remarks listed by
// the board they concern, marked done, and recorded by the next saved version.
const collab = collabBoards();
const withDb = <T,>(run: (db: TestDb) => Promise<T>) => withDatabase(collab.server.databasePath, run);
const draftPath = () => `/processes/${collab.seeded.processId}/draft`;
const SEED_ACTION = 'Monitorowanie oraz analiza problemów i potrzeb społecznych';

function signedIn(token: string): FormClient {
	const client = new FormClient(collab.server.url);
	client.cookies.set(SESSION_COOKIE, token);
	return client;
}

const remarkRow = (id: string) => withDb((db) => db.selectFrom('consultation_remarks').selectAll().where('id', '=', id).executeTakeFirstOrThrow());

/** The to-do panel's own markup (the page's hydration data comes later, in a script). */
async function todoHtml(client: FormClient): Promise<string> {
	const html = await (await client.get(draftPath())).text();
	const start = html.indexOf('data-testid="consultation-todo"');
	expect(start).toBeGreaterThan(-1);
	return html.slice(start, html.indexOf('<script', start));
}

/** The part of the panel under one group heading, up to the next group. */
function group(html: string, heading: string): string {
	const start = html.indexOf(heading);
	expect(start, heading).toBeGreaterThan(-1);
	const next = html.indexOf('<h3', start);
	return html.slice(start, next === -1 ? undefined : next);
}

describe('consultation remarks to work in', () => {
	let round: SeededRound;
	let boardId: string;
	let actionId: string;
	let ids: string[];
	const facilitator = () => signedIn(collab.seeded.facilitator.token);

	beforeAll(async () => {
		boardId = await collab.createBoard({ kind: 'goals', title: 'Cele: obszar V', area: 'Współpraca i jakość usług' });
		const client = collab.connect(boardId, collab.seeded.facilitator.token);
		await whenSynced(client);
		importGoalsTemplate(client.doc, SEED_000_TEMPLATE, 'anna');
		const action = deriveGoals(client.doc).actions.find((candidate) => candidate.text.includes(SEED_ACTION))!;
		actionId = draftIds.goalsItem(boardId, action.id);
		round = await seedConsultationRound(collab.server.databasePath, collab.seeded, { title: 'Konsultacje wiosenne' });
		ids = await seedAnsweredRemarks(collab.server.databasePath, round.roundId, [
			{ status: 'accepted', sectionId: 'goals', targetKind: 'action', targetId: actionId, content: 'Dopisać szkoły do podmiotów' },
			{ status: 'partly', sectionId: 'introduction', targetKind: 'paragraph', targetId: 'paragraph:introduction:0', content: 'Wstęp jest za długi' },
			{ status: 'rejected', sectionId: 'goals', targetKind: 'action', targetId: actionId, content: 'Usunąć całe działanie' },
			{ status: 'explained', sectionId: 'goals', targetKind: 'section', targetId: 'goals', content: 'Skąd te liczby?' },
			{ status: 'accepted', sectionId: 'goals', targetKind: 'action', targetId: actionId, content: 'Też dopisać szkoły', duplicateOf: 0 },
			{ status: null, sectionId: 'goals', targetKind: 'action', targetId: actionId, content: 'Jeszcze bez odpowiedzi' }
		]);
	});

	it('lists accepted and partly accepted remarks under the board or section they concern, and nothing else', async () => {
		const html = await todoHtml(facilitator());
		const board = group(html, 'Tablica: Cele: obszar V');
		expect(board).toContain(`href="/boards/${boardId}"`);
		expect(board).toContain('Uwaga nr 1');
		expect(board).toContain('Dopisać szkoły do podmiotów');
		expect(board).toContain('Konsultacje: Konsultacje wiosenne');
		expect(board).toContain('uwzględniona');
		expect(board).toContain('Odpowiedź na uwagę 1');
		expect(board).toContain('Do wprowadzenia');
		const introduction = group(html, 'Sekcja: Wprowadzenie');
		expect(introduction).toContain('Wstęp jest za długi');
		expect(introduction).toContain('częściowo uwzględniona');
		for (const left of ['Usunąć całe działanie', 'Skąd te liczby?', 'Też dopisać szkoły', 'Jeszcze bez odpowiedzi']) expect(html).not.toContain(left);

		// The board itself tells its members, and links to the list.
		const boardPage = await (await facilitator().get(`/boards/${boardId}`)).text();
		expect(boardPage).toContain('1 uwaga z konsultacji dotyczy tej tablicy.');
		expect(boardPage).toContain(`href="/processes/${collab.seeded.processId}/draft#consultation-todo"`);
	});

	it('refuses to mark a remark done without a note, with a bad board or when it asks for no change', async () => {
		const post = (fields: Record<string, string>) => facilitator().post(`${draftPath()}?/markChange`, fields);
		const noNote = await post({ remarkId: ids[0], note: '   ' });
		expect(noNote.status).toBe(400);
		expect(await noNote.text()).toContain('Opisz krótko wprowadzoną zmianę.');
		const tooLong = await post({ remarkId: ids[0], note: 'x'.repeat(1001) });
		expect(tooLong.status).toBe(400);
		expect(await tooLong.text()).toContain('najwyżej 1000 znaków');
		const badBoard = await post({ remarkId: ids[0], note: 'Dopisano', changeTargetId: `goals:${randomUUID()}` });
		expect(badBoard.status).toBe(400);
		expect(await badBoard.text()).toContain('Wybierz tablicę z listy.');
		for (const other of [ids[2], ids[4], 'not-a-remark', '']) expect((await post({ remarkId: other, note: 'Dopisano' })).status).toBe(404);
		for (const id of ids) expect((await remarkRow(id)).change_done_at).toBeNull();
	});

	it('refuses a stranger, a guest and an observer, and changes nothing', async () => {
		const stranger = await withDb(async (db) => {
			const userId = randomUUID();
			await db.insertInto('users').values({ id: userId, email: `s-${userId}@example.org`, name: 'Obca', password_hash: 'x', role: 'facilitator', created_at: Date.now() }).execute();
			return createSession(db, { kind: 'user', userId, expiresAt: Date.now() + 3600_000 });
		});
		for (const token of [stranger.token, collab.seeded.guest.token, collab.seeded.observer.token]) {
			const response = await signedIn(token).post(`${draftPath()}?/markChange`, { remarkId: ids[0], note: 'Dopisano' });
			expect(response.status).toBe(404);
			expect(await response.text()).not.toContain('Dopisać szkoły do podmiotów');
		}
		expect((await remarkRow(ids[0])).change_done_at).toBeNull();
	});

	it('records a done remark in the next version: sources, Markdown, compare page, and no undo after', async () => {
		const post = (action: string, fields: Record<string, string>) => facilitator().post(`${draftPath()}?/${action}`, fields);
		// Done, undone, done again: undo works while no version has it.
		expect((await post('markChange', { remarkId: ids[0], note: 'Dopisano szkoły', changeTargetId: `goals:${boardId}` })).status).toBe(200);
		expect((await remarkRow(ids[0])).change_note).toBe('Dopisano szkoły');
		expect((await post('undoChange', { remarkId: ids[0] })).status).toBe(200);
		expect((await remarkRow(ids[0])).change_done_at).toBeNull();
		expect((await post('markChange', { remarkId: ids[0], note: 'Dopisano szkoły do podmiotów', changeTargetId: `goals:${boardId}` })).status).toBe(200);
		const done = group(await todoHtml(facilitator()), 'Tablica: Cele: obszar V');
		expect(done).toContain('Wprowadzona');
		expect(done).toContain('Zmiana: Dopisano szkoły do podmiotów');
		expect(done).toContain('Na tablicy: Cele: obszar V');
		expect(done).toContain('Cofnij oznaczenie');
		// Done remarks no longer count on the board's notice.
		expect(await (await facilitator().get(`/boards/${boardId}`)).text()).not.toContain('dotyczy tej tablicy');

		await eventually(async () => expect(await (await facilitator().get(draftPath())).text()).toContain(SEED_ACTION));
		expect((await post('saveVersion', {})).status).toBe(200);
		const version = round.versionNumber + 1;
		const model = await withDb(async (db) => {
			const row = await db.selectFrom('draft_versions').select('model_json').where('process_id', '=', collab.seeded.processId).where('number', '=', version).executeTakeFirstOrThrow();
			return JSON.parse(row.model_json) as StrategyDraft;
		});
		expect(model.answeredRemarks).toEqual([
			expect.objectContaining({ remarkId: ids[0], number: 1, roundTitle: 'Konsultacje wiosenne', status: 'accepted', changeNote: 'Dopisano szkoły do podmiotów', changeTargetLabel: 'Cele: obszar V' })
		]);
		const action = findSection(model, 'goals')!.areas.flatMap((area) => area.strategic.flatMap((goal) => goal.actions)).find((candidate) => candidate.id === actionId)!;
		expect(action.sources).toContainEqual({ kind: 'remark', targetId: draftIds.remark(ids[0]), label: 'Uwaga nr 1 (Konsultacje wiosenne)', missing: false });
		expect((await remarkRow(ids[0])).answered_in_version).toBe(version);
		expect((await remarkRow(ids[1])).answered_in_version).toBeNull();

		const markdown = await (await facilitator().get(`${draftPath()}/versions/${version}/draft.md?sources=1`)).text();
		expect(markdown).toContain('Uwaga nr 1 (Konsultacje wiosenne)');

		const compare = await (await facilitator().get(`${draftPath()}/compare?from=${round.versionNumber}&to=${version}`)).text();
		const section = compare.slice(compare.indexOf('data-testid="answered-remarks"'));
		expect(section).toContain('Uwagi z konsultacji uwzględnione w tej wersji');
		expect(section).toContain('Uwaga nr 1 (Konsultacje wiosenne)');
		expect(section).toContain('Dopisać szkoły do podmiotów');
		expect(section).toContain('Zmiana: Dopisano szkoły do podmiotów');

		const recorded = group(await todoHtml(facilitator()), 'Tablica: Cele: obszar V');
		expect(recorded).toContain(`Uwzględniona w wersji ${version}`);
		expect(recorded).not.toContain('Cofnij oznaczenie');
		expect(await (await facilitator().get(draftPath())).text()).toContain('uwzględnione uwagi: 1');
		// Word carries the remark among the action's sources too.
		const word = await facilitator().get(`${draftPath()}/versions/${version}/draft.docx?sources=1`);
		expect(word.status).toBe(200);
		const document = await (await JSZip.loadAsync(await word.arrayBuffer())).file('word/document.xml')!.async('string');
		expect(document).toContain('Uwaga nr 1 (Konsultacje wiosenne)');
		const undo = await post('undoChange', { remarkId: ids[0] });
		expect(undo.status).toBe(409);
		expect(await undo.text()).toContain('odnotowała ją zapisana wersja');
		expect((await remarkRow(ids[0])).change_done_at).not.toBeNull();

		// A later version records nothing twice.
		expect((await post('saveVersion', {})).status).toBe(200);
		const later = await withDb((db) => db.selectFrom('draft_versions').select('model_json').where('process_id', '=', collab.seeded.processId).where('number', '=', version + 1).executeTakeFirstOrThrow());
		expect((JSON.parse(later.model_json) as StrategyDraft).answeredRemarks).toEqual([]);
	});
});
