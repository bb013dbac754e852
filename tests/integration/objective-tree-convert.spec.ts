import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
	CORE_BOX_ID,
	addCause,
	addEffect,
	deleteBox,
	deriveTree,
	editBoxText,
	flattenTree,
	moveBox,
	readTreeMeta,
	type DerivedTree,
	type TreeBox
} from '../../src/lib/domain/problem-tree';
import { SESSION_COOKIE } from '../../src/lib/server/auth/sessions';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { FormClient, location } from './auth-helpers';
import { connectBoard, whenSynced, type BoardClient } from './collab-client';

let server: TestServer;
let seeded: SeededWorkshop;
let facilitator: FormClient;
let problemBoardId: string;
const clients: BoardClient[] = [];

function signedIn(token: string): FormClient {
	const client = new FormClient(server.url);
	client.cookies.set(SESSION_COOKIE, token);
	return client;
}

async function connected(boardId: string, token = seeded.facilitator.token): Promise<BoardClient> {
	const client = connectBoard(server.url, boardId, token);
	clients.push(client);
	await whenSynced(client);
	return client;
}

function query<T>(sql: string, ...params: unknown[]): T[] {
	const sqlite = new BetterSqlite3(server.databasePath, { readonly: true });
	try {
		return sqlite.prepare(sql).all(...params) as T[];
	} finally {
		sqlite.close();
	}
}

function processBoards() {
	return query<{ id: string; kind: string }>('SELECT id, kind FROM boards WHERE process_id = ? ORDER BY id', seeded.processId);
}

/** The tree as a person reads it: role and text per box, nested. */
function outline(doc: Y.Doc): string[] {
	return flattenTree(deriveTree(doc)).map((box) => `${'  '.repeat(box.depth)}${box.role}: ${box.text}`);
}

function objectiveOf(tree: DerivedTree, sourceBoxId: string): TreeBox {
	const found = [...tree.byId.values()].find((box) => box.objective?.sourceBoxId === sourceBoxId);
	if (!found) throw new Error(`no objective for ${sourceBoxId}`);
	return found;
}

/**
 * What the board page's form does with JavaScript on: the action's own result as JSON. (Without
 * JavaScript the failed action re-renders the page, whose load answers 403 to anyone without
 * access to the board before the action's status shows.)
 */
async function postAsScript(client: FormClient, path: string): Promise<{ type: string; status: number; message: string }> {
	const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	const response = await fetch(server.url + path, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, accept: 'application/json', cookie },
		body: ''
	});
	const result = (await response.json()) as { type: string; status: number; data?: string };
	return { type: result.type, status: result.status, message: result.data ?? '' };
}

const convertPath = (boardId: string) => `/boards/${boardId}?/convert`;

beforeAll(async () => {
	server = await startServer();
	seeded = await seedWorkshop(server.databasePath);
	facilitator = signedIn(seeded.facilitator.token);
	const created = await facilitator.post(`/processes/${seeded.processId}?/createBoard`, { kind: 'problem-tree', title: 'Przemoc w rodzinie', area: 'Obszar II. Rodzina' });
	expect(created.status).toBe(200);
	[{ id: problemBoardId }] = query<{ id: string }>("SELECT id FROM boards WHERE kind = 'problem-tree'");
});
afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
});

describe('converting a problem tree into an objective tree over HTTP', () => {
	const ids: Record<string, string> = {};
	let objectiveBoardId: string;
	let builder: BoardClient;

	it('creates the objective board with the same shape, linked both ways', async () => {
		builder = await connected(problemBoardId);
		const watcher = await connected(problemBoardId);
		const doc = builder.doc;
		const by = seeded.userId;
		editBoxText(doc, CORE_BOX_ID, 'Wysoki poziom przemocy w rodzinach');
		ids.parenting = addCause(doc, CORE_BOX_ID, { text: 'Niski poziom kompetencji wychowawczych rodziców', by })!;
		ids.counselling = addCause(doc, ids.parenting, { text: 'Brak specjalistycznego poradnictwa dla rodzin', by })!;
		ids.coordination = addCause(doc, CORE_BOX_ID, { text: 'Brak koordynacji działań między instytucjami', by })!;
		ids.fosterCare = addEffect(doc, CORE_BOX_ID, { text: 'Rosnąca liczba dzieci umieszczanych w pieczy zastępczej', by })!;
		ids.schools = addEffect(doc, CORE_BOX_ID, { text: 'Przemoc rówieśnicza w szkołach', by })!;
		// Once another client has the tree, the server has stored it.
		await eventually(() => expect(outline(watcher.doc)).toEqual(outline(doc)));

		const response = await facilitator.post(convertPath(problemBoardId), {});
		expect(response.status).toBe(303);
		const target = location(response)!;
		expect(target).toMatch(/^\/boards\/[0-9a-f-]+\?converted=6,0,0$/);
		objectiveBoardId = target.split('/')[2].split('?')[0];

		const [board] = query<{ kind: string; title: string; area: string; process_id: string }>('SELECT kind, title, area, process_id FROM boards WHERE id = ?', objectiveBoardId);
		expect(board).toEqual({ kind: 'objective-tree', title: 'Drzewo celów — Przemoc w rodzinie', area: 'Obszar II. Rodzina', process_id: seeded.processId });

		const reader = await connected(objectiveBoardId);
		expect(outline(reader.doc)).toEqual([
			'core: Poziom przemocy w rodzinach jest niski',
			'  effect: Liczba dzieci umieszczanych w pieczy zastępczej maleje',
			'  effect: Przemoc rówieśnicza w szkołach',
			'  cause: Rodzice mają wysokie kompetencje wychowawcze',
			'    cause: Specjalistyczne poradnictwo jest dostępne dla rodzin',
			'  cause: Działania instytucji są skoordynowane'
		]);
		const objective = deriveTree(reader.doc);
		for (const [name, id] of Object.entries(ids)) {
			const goal = objectiveOf(objective, id);
			expect(goal.objective?.originalText, name).toBe(deriveTree(doc).byId.get(id)!.text);
		}
		expect(objectiveOf(objective, ids.counselling).parentId).toBe(objectiveOf(objective, ids.parenting).id);
		expect(objectiveOf(objective, ids.schools).objective?.wording).toBe('flagged');
		expect(readTreeMeta(reader.doc)).toMatchObject({ treeKind: 'objective', sourceBoardId: problemBoardId });
		// The problem tree's open clients learn the link live.
		await eventually(() => expect(readTreeMeta(builder.doc).objectiveBoardId).toBe(objectiveBoardId));
	});

	it('re-converts after a move, an addition and a deletion, live for everyone on the objective tree', async () => {
		const doc = builder.doc;
		const groupWriter = await connected(objectiveBoardId);
		const groupWatcher = await connected(objectiveBoardId);
		const problemWatcher = await connected(problemBoardId);
		editBoxText(groupWriter.doc, objectiveOf(deriveTree(groupWriter.doc), ids.coordination).id, 'Instytucje wspólnie planują wsparcie rodzin');
		addCause(groupWriter.doc, CORE_BOX_ID, { text: 'Mieszkańcy reagują na przemoc', by: seeded.userId });
		moveBox(doc, ids.counselling, ids.coordination, { index: 0 });
		ids.therapy = addCause(doc, CORE_BOX_ID, { text: 'Długi czas oczekiwania na terapię uzależnień', by: seeded.userId })!;
		deleteBox(doc, ids.schools);
		await eventually(() => {
			expect(outline(problemWatcher.doc)).toEqual(outline(doc));
			expect(outline(groupWatcher.doc)).toEqual(outline(groupWriter.doc));
		});

		const response = await facilitator.post(convertPath(problemBoardId), {});
		expect(response.status).toBe(303);
		expect(location(response)).toBe(`/boards/${objectiveBoardId}?converted=1,1,1`);

		const expected = [
			'core: Poziom przemocy w rodzinach jest niski',
			'  effect: Liczba dzieci umieszczanych w pieczy zastępczej maleje',
			'  effect: Przemoc rówieśnicza w szkołach',
			'  cause: Rodzice mają wysokie kompetencje wychowawcze',
			'  cause: Instytucje wspólnie planują wsparcie rodzin',
			'    cause: Specjalistyczne poradnictwo jest dostępne dla rodzin',
			// placed after the objective of its preceding problem box, before the group's own box
			'  cause: Terapia uzależnień jest dostępna bez długiego oczekiwania',
			'  cause: Mieszkańcy reagują na przemoc'
		];
		await eventually(() => {
			expect(outline(groupWriter.doc)).toEqual(expected);
			expect(outline(groupWatcher.doc)).toEqual(expected);
		});
		const tree = deriveTree(groupWatcher.doc);
		expect(objectiveOf(tree, ids.schools).objective?.sourceMissing).toBe(true);
		expect(objectiveOf(tree, ids.coordination).objective?.rephrased).toBe(true);
		// The state before the re-conversion can be restored from the board history.
		expect(query("SELECT id FROM board_restore_points WHERE board_id = ? AND reason = 'before-conversion'", objectiveBoardId)).toHaveLength(1);

		// The group keeps working on the same document: nothing forked.
		editBoxText(groupWatcher.doc, CORE_BOX_ID, 'Rodziny żyją bez przemocy');
		await eventually(() => expect(deriveTree(groupWriter.doc).core.text).toBe('Rodziny żyją bez przemocy'));
	});

	it('lets only facilitators of the process convert, with a translated reason and no change', async () => {
		const boardsBefore = processBoards();
		const objectiveBefore = outline((await connected(objectiveBoardId)).doc);

		const guest = signedIn(seeded.guest.token);
		expect((await guest.post(convertPath(problemBoardId), {})).status).toBe(403);
		expect(await postAsScript(guest, convertPath(problemBoardId))).toMatchObject({
			type: 'failure',
			status: 403,
			message: expect.stringContaining('Drzewo celów może utworzyć tylko osoba prowadząca proces.')
		});
		expect((await signedIn(seeded.observer.token).post(convertPath(problemBoardId), {})).status).toBe(403);

		const otherProcess = await seedWorkshop(server.databasePath);
		const stranger = signedIn(otherProcess.facilitator.token);
		expect((await stranger.post(convertPath(problemBoardId), {})).status).toBe(403);
		expect(await postAsScript(stranger, convertPath(problemBoardId))).toMatchObject({
			status: 404,
			message: expect.stringContaining('Nie znaleziono tego drzewa problemów')
		});

		const anonymous = await new FormClient(server.url).post(convertPath(problemBoardId), {});
		expect(anonymous.status).toBe(303);
		expect(location(anonymous)).toMatch(/^\/login/);

		expect(processBoards()).toEqual(boardsBefore);
		const after = await connected(objectiveBoardId);
		expect(outline(after.doc)).toEqual(objectiveBefore);
	});

	it('refuses to convert a board that is not a problem tree', async () => {
		const boardsBefore = processBoards();
		expect((await facilitator.post(convertPath(seeded.boardId), {})).status).toBe(400);
		expect(await postAsScript(facilitator, convertPath(seeded.boardId))).toMatchObject({
			status: 400,
			message: expect.stringContaining('W drzewo celów można przekształcić tylko drzewo problemów.')
		});
		expect((await facilitator.post(convertPath(objectiveBoardId), {})).status).toBe(400);
		expect(await postAsScript(facilitator, convertPath('no-such-board'))).toMatchObject({ status: 404 });
		expect(processBoards()).toEqual(boardsBefore);
	});

	it('creates one objective board when the button is pressed twice at once', async () => {
		await facilitator.post(`/processes/${seeded.processId}?/createBoard`, { kind: 'problem-tree', title: 'Bezdomność' });
		const [{ id: secondTree }] = query<{ id: string }>("SELECT id FROM boards WHERE kind = 'problem-tree' AND title = 'Bezdomność'");
		const [first, second] = await Promise.all([facilitator.post(convertPath(secondTree), {}), facilitator.post(convertPath(secondTree), {})]);
		expect(first.status).toBe(303);
		expect(second.status).toBe(303);
		expect(location(first)!.split('?')[0]).toBe(location(second)!.split('?')[0]);
		expect(query("SELECT id FROM boards WHERE kind = 'objective-tree' AND title = 'Drzewo celów — Bezdomność'")).toHaveLength(1);
	});
});
