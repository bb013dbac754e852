import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
	CORE_BOX_ID,
	addCause,
	addEffect,
	boxesMap,
	deleteBox,
	deriveTree,
	editBoxText,
	moveBox,
	readTreeMeta,
	setBoxDetails,
	type DerivedTree
} from '../../src/lib/domain/problem-tree';
import { openDatabase } from '../../src/lib/server/db/index';
import { eventually } from '../support/eventually';
import { canonicalTree } from '../support/problem-tree';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { connectBoard, whenSynced, type BoardClient } from './collab-client';
import { client } from './workshops-support';

// A facilitator and a workshop guest build one problem tree over the real board socket.
let server: TestServer;
let seeded: SeededWorkshop;
let http: ReturnType<typeof client>;
const clients: BoardClient[] = [];

function connect(boardId: string, token: string) {
	const boardClient = connectBoard(server.url, boardId, token);
	clients.push(boardClient);
	return boardClient;
}

/** Creates a board through the process page's form, as the facilitator would, and returns its id. */
async function createTreeBoard(title: string): Promise<string> {
	const response = await http.post(`/processes/${seeded.processId}?/createBoard`, seeded.facilitator.token, {
		kind: 'problem-tree',
		title,
		area: 'Obszar II. Przeciwdziałanie przemocy'
	});
	expect(response.status).toBe(200);
	const page = await (await http.get(`/processes/${seeded.processId}`, seeded.facilitator.token)).text();
	const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const boardId = new RegExp(`href="/boards/([0-9a-f-]{36})"[^>]*>${escaped}<`).exec(page)?.[1];
	expect(boardId, 'the new board is listed on the process page').toBeTruthy();
	return boardId!;
}

/** Puts the board into the seeded workshop, so its guest may edit it. */
async function addToWorkshop(boardId: string) {
	const { db, close } = openDatabase(server.databasePath);
	try {
		await db.insertInto('workshop_boards').values({ workshop_id: seeded.workshopId, board_id: boardId, position: 1 }).execute();
	} finally {
		await close();
	}
}

function textsOf(tree: DerivedTree): string[] {
	return [...tree.byId.values()].map((box) => box.text).sort();
}

beforeAll(async () => {
	server = await startServer();
	seeded = await seedWorkshop(server.databasePath);
	http = client(server);
});
afterEach(() => {
	for (const boardClient of clients.splice(0)) boardClient.destroy();
});
afterAll(async () => {
	await server?.stop();
});

describe('problem tree over the board socket', () => {
	it('arrives with its core box when the board is new', async () => {
		const boardId = await createTreeBoard('Drzewo problemów: przemoc');
		const first = connect(boardId, seeded.facilitator.token);
		await whenSynced(first);
		expect(readTreeMeta(first.doc)).toMatchObject({ schemaVersion: 1, treeKind: 'problem' });
		expect([...boxesMap(first.doc).keys()]).toEqual([CORE_BOX_ID]);
		expect(deriveTree(first.doc).core.text).toBe('');
	});

	it('lets two people build a tree at once and repairs a cycle and an orphan identically', async () => {
		const boardId = await createTreeBoard('Drzewo problemów: uzależnienia');
		await addToWorkshop(boardId);
		const anna = connect(boardId, seeded.facilitator.token);
		const jan = connect(boardId, seeded.guest.token);
		await Promise.all([whenSynced(anna), whenSynced(jan)]);

		// Both type at once: the core, causes and effects from two people.
		editBoxText(anna.doc, CORE_BOX_ID, 'Przemoc w rodzinie');
		const alcohol = addCause(anna.doc, CORE_BOX_ID, { text: 'Nadużywanie alkoholu', by: 'anna' })!;
		const poverty = addCause(jan.doc, CORE_BOX_ID, { text: 'Ubóstwo', by: 'jan' })!;
		const trauma = addEffect(jan.doc, CORE_BOX_ID, { text: 'Trauma dzieci', by: 'jan' })!;
		await eventually(() => expect(deriveTree(jan.doc).byId.has(alcohol) && deriveTree(anna.doc).byId.has(trauma)).toBe(true));
		const therapy = addCause(anna.doc, alcohol, { text: 'Brak terapii', by: 'anna' })!;
		setBoxDetails(jan.doc, poverty, { evidence: '62 procedury Niebieskiej Karty w 2023', evidenceSource: 'dane Policji', scale: 'ok. 120 rodzin' });
		await eventually(() => expect(canonicalTree(deriveTree(jan.doc))).toBe(canonicalTree(deriveTree(anna.doc))));
		expect(deriveTree(anna.doc).byId.get(therapy)).toMatchObject({ depth: 2, parentId: alcohol });

		// Jan goes offline; meanwhile each moves a box under the other's, and Anna deletes the
		// effect Jan is adding a consequence to.
		jan.provider.disconnect();
		expect(moveBox(anna.doc, alcohol, poverty, { index: 0 })).toBe(true);
		expect(deleteBox(anna.doc, trauma)).toBe(true);
		expect(moveBox(jan.doc, poverty, alcohol, { index: 0 })).toBe(true);
		const lonely = addEffect(jan.doc, trauma, { text: 'Przemoc w kolejnym pokoleniu', by: 'jan' })!;
		jan.provider.connect();

		await eventually(() => expect(canonicalTree(deriveTree(jan.doc))).toBe(canonicalTree(deriveTree(anna.doc))));
		const tree = deriveTree(anna.doc);
		expect(textsOf(tree)).toEqual(['Brak terapii', 'Nadużywanie alkoholu', 'Przemoc w kolejnym pokoleniu', 'Przemoc w rodzinie', 'Ubóstwo']);
		expect(tree.byId.get(lonely)).toMatchObject({ parentId: CORE_BOX_ID, role: 'effect', repaired: 'orphan' });
		const cut = [alcohol, poverty].sort()[0];
		expect(tree.byId.get(cut)).toMatchObject({ parentId: CORE_BOX_ID, role: 'cause', repaired: 'cycle' });
		expect(tree.byId.get(poverty)!.evidenceSource).toBe('dane Policji');

		// After everyone leaves and the server restarts, a fresh client loads the same tree.
		const expected = canonicalTree(tree);
		for (const boardClient of clients.splice(0)) boardClient.destroy();
		await server.restart();
		const later = connect(boardId, seeded.facilitator.token);
		await whenSynced(later);
		expect(canonicalTree(deriveTree(later.doc))).toBe(expected);
	});

	it('previews a saved state of a tree in the history as a nested list a facilitator can recognise', async () => {
		const boardId = await createTreeBoard('Drzewo problemów: historia');
		const anna = connect(boardId, seeded.facilitator.token);
		await whenSynced(anna);
		editBoxText(anna.doc, CORE_BOX_ID, 'Samotność seniorów');
		const distance = addCause(anna.doc, CORE_BOX_ID, { text: 'Dzieci wyjechały za granicę', by: 'anna' })!;
		addCause(anna.doc, distance, { text: 'Brak pracy w powiecie', by: 'anna' });
		addEffect(anna.doc, CORE_BOX_ID, { text: 'Depresja', by: 'anna' });
		// Once a second client has it all, so has the server.
		const witness = connect(boardId, seeded.facilitator.token);
		await eventually(() => expect(canonicalTree(deriveTree(witness.doc))).toBe(canonicalTree(deriveTree(anna.doc))));

		expect((await http.post(`/boards/${boardId}/history?/create`, seeded.facilitator.token, {})).status).toBe(200);
		const sqlite = new BetterSqlite3(server.databasePath, { readonly: true });
		const point = sqlite.prepare("SELECT id FROM board_restore_points WHERE board_id = ? AND reason = 'manual'").get(boardId) as { id: string };
		sqlite.close();
		editBoxText(anna.doc, CORE_BOX_ID, 'Samotność osób starszych');

		const html = await (await http.get(`/boards/${boardId}/history?point=${point.id}`, seeded.facilitator.token)).text();
		expect(html).toContain('Pola w tym stanie: 4');
		const preview = html.slice(html.indexOf('data-testid="preview-tree"'));
		const positions = ['Problem główny', 'Samotność seniorów', 'Skutki', 'Depresja', 'Przyczyny', 'Dzieci wyjechały za granicę', 'Brak pracy w powiecie'].map(
			(text) => preview.indexOf(text)
		);
		expect(positions.every((at) => at >= 0)).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
		expect(preview).not.toContain('Samotność osób starszych');
		// The deeper cause sits in a list inside its parent's item.
		expect(preview.slice(positions[5], positions[6])).toContain('<ul');
	});
});
