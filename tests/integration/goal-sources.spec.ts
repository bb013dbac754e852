import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAction, addItemLink, addSpecificGoal, addStrategicGoal, setAreaFields } from '../../src/lib/domain/goals';
import { CORE_BOX_ID, addCause, addEffect, deriveTree, editBoxText, type DerivedTree } from '../../src/lib/domain/problem-tree';
import { createBoard } from '../../src/lib/server/boards';
import { BoardHub } from '../../src/lib/server/collab/board-hub';
import { setBoardHub } from '../../src/lib/server/collab/hub-registry';
import type { AppContext } from '../../src/lib/server/context';
import { createBoardUpdateStore } from '../../src/lib/server/db/board-updates';
import { openDatabase, type DatabaseHandles } from '../../src/lib/server/db/index';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { listGoalLinksTo, listObjectiveTreeSources } from '../../src/lib/server/goal-sources';
import { convertProblemTree } from '../../src/lib/server/problem-trees';

// A goals board cites boxes of an objective tree; each side reads the other through the hub.
let database: DatabaseHandles;
let hub: BoardHub;
let context: AppContext;
let processId: string;
const userId = 'user-anna';
let clock = Date.parse('2026-03-10T10:00:00Z');

/** An edit the way a client's would arrive: on a copy of the board, sent through the hub. */
async function edit<T>(boardId: string, change: (doc: Y.Doc) => T): Promise<T> {
	const doc = await boardDoc(boardId);
	const before = Y.encodeStateVector(doc);
	const result = change(doc);
	await hub.applyServerUpdate(boardId, Y.encodeStateAsUpdate(doc, before));
	doc.destroy();
	return result;
}

async function boardDoc(boardId: string): Promise<Y.Doc> {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, await hub.getBoardStateUpdate(boardId));
	return doc;
}

/** Boards get increasing creation times, so "oldest first" is well defined. */
function newBoard(kind: 'problem-tree' | 'goals' | 'need-gap-matrix' | 'inaction-cards', title: string): Promise<string> {
	return createBoard(database.db, processId, userId, { kind, title, area: 'Obszar V. Przemoc w rodzinie' }, (clock += 1000));
}

/** A problem tree converted into its objective tree; returns the objective board and its derived tree. */
async function objectiveTree(title: string, build: (doc: Y.Doc) => void): Promise<{ boardId: string; tree: DerivedTree }> {
	const problemBoardId = await newBoard('problem-tree', title);
	await edit(problemBoardId, build);
	const outcome = await convertProblemTree(context, problemBoardId, userId, (clock += 1000));
	if (!outcome.ok) throw new Error(`conversion refused: ${outcome.reason}`);
	const doc = await boardDoc(outcome.objectiveBoardId);
	const tree = deriveTree(doc);
	doc.destroy();
	return { boardId: outcome.objectiveBoardId, tree };
}

function boxWithText(tree: DerivedTree, text: string): string {
	const box = [...tree.byId.values()].find((candidate) => candidate.text === text);
	if (!box) throw new Error(`no box "${text}"`);
	return box.id;
}

beforeEach(async () => {
	database = openDatabase(':memory:');
	await migrateToLatest(database.db);
	const log = pino({ level: 'silent' });
	hub = new BoardHub({ store: createBoardUpdateStore(database.sqlite), log, idleMs: 60_000 });
	context = { sqlite: database.sqlite, db: database.db, log } as unknown as AppContext;
	setBoardHub(context, hub);
	processId = crypto.randomUUID();
	await database.db.insertInto('users').values({ id: userId, email: 'anna@example.org', name: 'Anna', password_hash: 'x', role: 'facilitator', created_at: clock }).execute();
	await database.db
		.insertInto('strategy_processes')
		.values({ id: processId, title: 'Strategia Powiatu Piskiego', territory: 'Powiat piski', period_from: 2025, period_to: 2030, created_by: userId, created_at: clock })
		.execute();
	await database.db.insertInto('process_members').values({ process_id: processId, user_id: userId, role: 'owner', added_at: clock }).execute();
});
afterEach(async () => {
	await hub.close();
	await database.close();
});

describe('objective trees as sources of a goals board', () => {
	it('lists every objective tree of the process, oldest first, core, ends and means in order', async () => {
		const violence = await objectiveTree('Przemoc w rodzinie', (doc) => {
			editBoxText(doc, CORE_BOX_ID, 'Wysoki poziom przemocy w rodzinach');
			const parenting = addCause(doc, CORE_BOX_ID, { text: 'Niski poziom kompetencji wychowawczych rodziców', by: userId })!;
			addCause(doc, parenting, { text: 'Brak specjalistycznego poradnictwa dla rodzin', by: userId });
			addEffect(doc, CORE_BOX_ID, { text: 'Rosnąca liczba dzieci umieszczanych w pieczy zastępczej', by: userId });
		});
		const homelessness = await objectiveTree('Bezdomność', (doc) => editBoxText(doc, CORE_BOX_ID, 'Brak mieszkań wspieranych'));
		// Other kinds of board are not sources, and a board that cannot be read is left out.
		await newBoard('goals', 'Cele');
		await database.db
			.insertInto('boards')
			.values({ id: 'broken-tree', process_id: processId, kind: 'objective-tree', title: 'Uszkodzona', area: null, created_by: userId, created_at: (clock += 1000) })
			.execute();
		database.sqlite.prepare('INSERT INTO board_updates (board_id, "update", created_at) VALUES (?, ?, ?)').run('broken-tree', Buffer.from([255, 255, 255, 7]), clock);

		const sources = await listObjectiveTreeSources(context, processId);
		expect(sources.map((source) => [source.boardId, source.title])).toEqual([
			[violence.boardId, 'Drzewo celów — Przemoc w rodzinie'],
			[homelessness.boardId, 'Drzewo celów — Bezdomność']
		]);
		expect(sources[0].boxes.map((box) => [box.role, box.depth, box.text])).toEqual([
			['core', 0, 'Poziom przemocy w rodzinach jest niski'],
			['end', 1, 'Liczba dzieci umieszczanych w pieczy zastępczej maleje'],
			['mean', 1, 'Rodzice mają wysokie kompetencje wychowawcze'],
			['mean', 2, 'Specjalistyczne poradnictwo jest dostępne dla rodzin']
		]);
		expect(sources[0].boxes.map((box) => box.id)).toEqual([
			CORE_BOX_ID,
			boxWithText(violence.tree, 'Liczba dzieci umieszczanych w pieczy zastępczej maleje'),
			boxWithText(violence.tree, 'Rodzice mają wysokie kompetencje wychowawcze'),
			boxWithText(violence.tree, 'Specjalistyczne poradnictwo jest dostępne dla rodzin')
		]);
		const withoutBoardSocket = { sqlite: database.sqlite, db: database.db, log: context.log } as unknown as AppContext;
		expect(await listObjectiveTreeSources(withoutBoardSocket, processId)).toEqual([]);
	});

	it('shows each objective box the goals and action directions that cite it, numbered as on the goals board', async () => {
		const violence = await objectiveTree('Przemoc w rodzinie', (doc) => {
			editBoxText(doc, CORE_BOX_ID, 'Wysoki poziom przemocy w rodzinach');
			addCause(doc, CORE_BOX_ID, { text: 'Brak specjalistycznego poradnictwa dla rodzin', by: userId });
		});
		const other = await objectiveTree('Bezdomność', (doc) => editBoxText(doc, CORE_BOX_ID, 'Brak mieszkań wspieranych'));
		const counselling = boxWithText(violence.tree, 'Specjalistyczne poradnictwo jest dostępne dla rodzin');
		const cite = (boxId: string, boardId = violence.boardId) => ({ sourceBoardId: boardId, sourceBoxId: boxId });

		const goalsBoardId = await newBoard('goals', 'Cele: przemoc w rodzinie');
		const ids = await edit(goalsBoardId, (doc) => {
			setAreaFields(doc, { number: 'V', title: 'Przeciwdziałanie przemocy w rodzinie' });
			const strategic = addStrategicGoal(doc, { text: 'Ograniczenie zjawiska przemocy w rodzinie', ...cite(CORE_BOX_ID) })!;
			const specific = addSpecificGoal(doc, strategic, { text: 'Dostępne poradnictwo rodzinne', ...cite(counselling) })!;
			addAction(doc, specific, { text: 'Kampania informacyjna' });
			const action = addAction(doc, specific, { text: 'Punkt poradnictwa w każdej gminie', ...cite(counselling) })!;
			addAction(doc, strategic, { text: 'Mieszkania treningowe', ...cite(CORE_BOX_ID, other.boardId) });
			return { strategic, specific, action };
		});
		const laterBoardId = await newBoard('goals', 'Cele: wsparcie rodzin');
		const laterAction = await edit(laterBoardId, (doc) => {
			const strategic = addStrategicGoal(doc, { text: 'Wsparcie rodzin' })!;
			return addAction(doc, strategic, { text: 'Grupy wsparcia dla rodziców', ...cite(counselling) })!;
		});

		const link = (boardId: string, boardTitle: string) => (boxId: string, itemId: string, itemType: string, number: string, text: string) => ({
			kind: 'objective-box',
			targetId: boxId,
			goalsBoardId: boardId,
			goalsBoardTitle: boardTitle,
			itemId,
			itemType,
			number,
			text
		});
		const first = link(goalsBoardId, 'Cele: przemoc w rodzinie');
		expect(await listGoalLinksTo(context, processId, violence.boardId)).toEqual([
			first(CORE_BOX_ID, ids.strategic, 'strategic', '5', 'Ograniczenie zjawiska przemocy w rodzinie'),
			first(counselling, ids.specific, 'specific', '5.1', 'Dostępne poradnictwo rodzinne'),
			first(counselling, ids.action, 'action', '2', 'Punkt poradnictwa w każdej gminie'),
			link(laterBoardId, 'Cele: wsparcie rodzin')(counselling, laterAction, 'action', '1', 'Grupy wsparcia dla rodziców')
		]);

		// Numbers are positions: a goal and an action placed before the linked ones renumber them.
		await edit(goalsBoardId, (doc) => {
			addSpecificGoal(doc, ids.strategic, { text: 'Kadry przygotowane do pracy z rodziną', index: 0 });
			addAction(doc, ids.specific, { text: 'Diagnoza potrzeb rodzin', index: 0 });
		});
		const renumbered = await listGoalLinksTo(context, processId, violence.boardId);
		expect(renumbered.map((entry) => [entry.itemId, entry.number])).toEqual([
			[ids.strategic, '5'],
			[ids.specific, '5.2'],
			[ids.action, '3'],
			[laterAction, '1']
		]);
		expect((await listGoalLinksTo(context, processId, other.boardId)).map((entry) => [entry.text, entry.number])).toEqual([['Mieszkania treningowe', '4']]);

		// A matrix cell and a cost-of-inaction card learn of the goals that cite them the same way.
		const matrixBoardId = await newBoard('need-gap-matrix', 'Matryca potrzeb');
		const cardsBoardId = await newBoard('inaction-cards', 'Karty kosztów zaniechania');
		await edit(goalsBoardId, (doc) => {
			addItemLink(doc, ids.action, { kind: 'matrix-cell', boardId: matrixBoardId, targetId: 'row-1|col-2' });
			addItemLink(doc, ids.specific, { kind: 'inaction-card', boardId: cardsBoardId, targetId: 'card-1' });
		});
		expect((await listGoalLinksTo(context, processId, matrixBoardId)).map((entry) => [entry.kind, entry.targetId, entry.number])).toEqual([['matrix-cell', 'row-1|col-2', '3']]);
		expect((await listGoalLinksTo(context, processId, cardsBoardId)).map((entry) => [entry.kind, entry.targetId, entry.number])).toEqual([['inaction-card', 'card-1', '5.2']]);
	});
});
