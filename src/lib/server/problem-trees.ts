import * as Y from 'yjs';
import { openState } from '../domain/doc-restore';
import {
	convertToObjectiveTree,
	isSchemaSupported,
	readTreeMeta,
	treeMetaMap,
	type ConversionReport
} from '../domain/problem-tree';
import { m } from '../paraglide/messages';
import { createBoard } from './boards';
import type { BoardHub } from './collab/board-hub';
import { getBoardHub } from './collab/hub-registry';
import type { AppContext } from './context';
import { createRestorePoint } from './restore-points';

/**
 * Converting a problem tree into its objective tree (the logic is in
 * lib/domain/problem-tree/objective-conversion.ts). The first conversion creates the objective
 * board in the same process and area and links the two boards both ways; later ones update it.
 *
 * Both boards may be open in browsers meanwhile, so nothing is replaced: the conversion runs on
 * a copy of the objective board's current state and only the difference goes out through the
 * hub — stored, then broadcast — so connected clients merge it like anyone's edit.
 */
export type ConvertOutcome =
	| { ok: true; objectiveBoardId: string; created: boolean; report: ConversionReport }
	| { ok: false; reason: ConvertRefusal };

/**
 * - not-found: no such board, or the user is not a facilitator of its process (the same answer,
 *   so board ids cannot be probed);
 * - not-a-problem-tree: another kind of board;
 * - unsupported-version: written by a newer Narada, which this one must not rewrite;
 * - unavailable: the board socket is not running or the disk refused the write.
 */
export type ConvertRefusal = 'not-found' | 'not-a-problem-tree' | 'unsupported-version' | 'unavailable';

const TITLE_MAX = 200;

export async function convertProblemTree(
	context: AppContext,
	problemBoardId: string,
	userId: string,
	now = Date.now()
): Promise<ConvertOutcome> {
	const board = await context.db
		.selectFrom('boards')
		.innerJoin('process_members', 'process_members.process_id', 'boards.process_id')
		.select(['boards.id', 'boards.kind', 'boards.title', 'boards.area', 'boards.process_id'])
		.where('boards.id', '=', problemBoardId)
		.where('process_members.user_id', '=', userId)
		.executeTakeFirst();
	if (!board) return { ok: false, reason: 'not-found' };
	if (board.kind !== 'problem-tree') return { ok: false, reason: 'not-a-problem-tree' };
	const hub = getBoardHub(context);
	if (!hub) return { ok: false, reason: 'unavailable' };
	// One conversion per problem tree at a time: a double click must not create two objective boards.
	return serialise(context, problemBoardId, async () => {
		try {
			return await convert(context, hub, board, userId, now);
		} catch (error) {
			context.log.error({ boardId: problemBoardId, err: error }, 'problem tree conversion failed');
			return { ok: false, reason: 'unavailable' };
		}
	});
}

interface ProblemBoard {
	id: string;
	title: string;
	area: string | null;
	process_id: string;
}

async function convert(context: AppContext, hub: BoardHub, board: ProblemBoard, userId: string, now: number): Promise<ConvertOutcome> {
	const problemDoc = openState(await hub.getBoardStateUpdate(board.id));
	const objectiveDoc = new Y.Doc();
	try {
		const meta = readTreeMeta(problemDoc);
		if (!isSchemaSupported(problemDoc) || meta.treeKind !== 'problem') return { ok: false, reason: 'unsupported-version' };
		let objectiveBoardId = await existingObjectiveBoard(context, board, meta.objectiveBoardId);
		const created = objectiveBoardId === null;
		if (objectiveBoardId === null) {
			const title = m.otree_board_title({ title: board.title }).slice(0, TITLE_MAX);
			objectiveBoardId = await createBoard(context.db, board.process_id, userId, { kind: 'objective-tree', title, area: board.area }, now);
			// Linked before anything else is written, so a retry after a failure reuses this board.
			await applyChange(hub, board.id, problemDoc, () => treeMetaMap(problemDoc).set('objectiveBoardId', objectiveBoardId));
			context.log.info({ boardId: board.id, objectiveBoardId, userId }, 'objective tree created');
		} else {
			// The group's rephrasing is precious: a conversion can be taken back from the board history.
			await createRestorePoint(context, objectiveBoardId, 'before-conversion', userId, now);
		}
		Y.applyUpdate(objectiveDoc, await hub.getBoardStateUpdate(objectiveBoardId));
		const report = await applyChange(hub, objectiveBoardId, objectiveDoc, () => {
			const objectiveMeta = treeMetaMap(objectiveDoc);
			if (objectiveMeta.get('sourceBoardId') !== board.id) objectiveMeta.set('sourceBoardId', board.id);
			return convertToObjectiveTree(problemDoc, objectiveDoc, { by: userId, now });
		});
		context.log.info({ boardId: board.id, objectiveBoardId, userId, report }, 'problem tree converted');
		return { ok: true, objectiveBoardId, created, report };
	} finally {
		problemDoc.destroy();
		objectiveDoc.destroy();
	}
}

/** The linked objective board when it still exists in the same process as an objective tree. */
async function existingObjectiveBoard(context: AppContext, board: ProblemBoard, linkedId: string | null): Promise<string | null> {
	if (!linkedId) return null;
	const row = await context.db
		.selectFrom('boards')
		.select('id')
		.where('id', '=', linkedId)
		.where('process_id', '=', board.process_id)
		.where('kind', '=', 'objective-tree')
		.executeTakeFirst();
	return row?.id ?? null;
}

/**
 * Makes `change` on `doc` (a copy of the board's state) and sends the board only what changed.
 * The copy gets a client id nobody has used on that board, as two writers sharing one would
 * corrupt each other's edits.
 */
async function applyChange<T>(hub: BoardHub, boardId: string, doc: Y.Doc, change: () => T): Promise<T> {
	const before = Y.encodeStateVector(doc);
	const taken = Y.decodeStateVector(before);
	while (taken.has(doc.clientID)) doc.clientID = Math.floor(Math.random() * 0xffffffff);
	let result!: T;
	doc.transact(() => {
		result = change();
	});
	const update = Y.encodeStateAsUpdate(doc, before);
	if (!isEmptyUpdate(update)) await hub.applyServerUpdate(boardId, update);
	return result;
}

/** An update that carries neither new items nor deletions (two zero counts). */
function isEmptyUpdate(update: Uint8Array): boolean {
	return update.byteLength <= 2 && update.every((byte) => byte === 0);
}

const RUNNING = new WeakMap<AppContext, Map<string, Promise<unknown>>>();

function serialise<T>(context: AppContext, key: string, task: () => Promise<T>): Promise<T> {
	let running = RUNNING.get(context);
	if (!running) RUNNING.set(context, (running = new Map()));
	const previous = running.get(key) ?? Promise.resolve();
	const next = previous.then(task, task);
	running.set(key, next);
	const cleanup = () => {
		if (running.get(key) === next) running.delete(key);
	};
	next.then(cleanup, cleanup);
	return next;
}
