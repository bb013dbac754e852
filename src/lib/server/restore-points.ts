import * as Y from 'yjs';
import { computeRestoreUpdate, openState } from '../domain/doc-restore';
import { treeKindOfBoard } from '../domain/boards/registry';
import { listNotes, type IdeaNote } from '../domain/ideas-wall';
import { deriveTree, type TreeBox, type TreeKind, type TreeRole } from '../domain/problem-tree';
import type { BoardHub } from './collab/board-hub';
import { getBoardHub } from './collab/hub-registry';
import type { AppContext } from './context';
import { createBoardUpdateStore } from './db/board-updates';
import {
	createRestorePointStore,
	type RestorePointReason,
	type RestorePointStore,
	type RestorePointSummary
} from './db/restore-points';

/**
 * Restore points: copies of a board's whole state a facilitator can go back to.
 *
 * When: at least once per hour of activity (the first stored edit after the newest point is an
 * hour old takes one), before a lock, and right before a restore (so a restore can be undone).
 * Issue 7 (locks) calls `createRestorePoint(context, boardId, 'before-lock', userId)` before it
 * closes the board to writers; it resolves once the point is on disk.
 *
 * How a restore works: see lib/domain/doc-restore.ts. The difference between now and the point
 * is applied through the hub as a new server update — persisted, then broadcast — so every
 * connected client merges it and nobody forks.
 */

/** Older points beyond this many per board are dropped, so the database does not grow forever. */
export const RESTORE_POINTS_KEPT = 200;
/** A board being edited gets a point when its newest one is at least this old. */
export const RESTORE_POINT_INTERVAL_MS = 60 * 60_000;

export type { RestorePointReason, RestorePointSummary };

/** Stores the board's current state as a restore point and returns it. */
export async function createRestorePoint(
	context: AppContext,
	boardId: string,
	reason: RestorePointReason,
	createdBy: string | null = null,
	now = Date.now()
): Promise<RestorePointSummary> {
	const state = await currentState(context, boardId);
	const point = { id: crypto.randomUUID(), boardId, reason, state, createdBy, createdAt: now };
	store(context).insert(point, RESTORE_POINTS_KEPT);
	context.log.info({ boardId, reason, bytes: state.byteLength }, 'restore point taken');
	return { ...point, bytes: state.byteLength };
}

export function listRestorePoints(context: AppContext, boardId: string): RestorePointSummary[] {
	return store(context).list(boardId);
}

export interface RestorePointPreview {
	point: RestorePointSummary;
	/** The board as it was, in the shape its kind is read in. */
	board: BoardStatePreview;
}

export type BoardStatePreview =
	| {
			kind: 'ideas-wall';
			notes: IdeaNote[];
			/** How many notes the board has now, to compare. */
			currentNoteCount: number;
	  }
	| {
			kind: 'tree';
			treeKind: TreeKind;
			core: TreePreviewBox;
			boxCount: number;
			currentBoxCount: number;
	  };

/** A tree box reduced to what recognising a state needs, with its subtree. */
export interface TreePreviewBox {
	id: string;
	text: string;
	role: TreeRole;
	repaired: boolean;
	children: TreePreviewBox[];
}

export async function previewRestorePoint(
	context: AppContext,
	boardId: string,
	boardKind: string,
	pointId: string
): Promise<RestorePointPreview | null> {
	const point = store(context).get(boardId, pointId);
	if (!point) return null;
	const earlier = openState(point.state);
	const now = openState(await currentState(context, boardId));
	try {
		const { state: _state, ...summary } = point;
		return { point: summary, board: previewBoardState(boardKind, earlier, now) };
	} finally {
		earlier.destroy();
		now.destroy();
	}
}

function previewBoardState(boardKind: string, earlier: Y.Doc, now: Y.Doc): BoardStatePreview {
	if (treeKindOfBoard(boardKind)) {
		const tree = deriveTree(earlier);
		return { kind: 'tree', treeKind: tree.treeKind, core: toPreviewBox(tree.core), boxCount: tree.size, currentBoxCount: deriveTree(now).size };
	}
	return { kind: 'ideas-wall', notes: listNotes(earlier), currentNoteCount: listNotes(now).length };
}

function toPreviewBox(box: TreeBox): TreePreviewBox {
	return {
		id: box.id,
		text: box.text,
		role: box.role,
		repaired: box.repaired !== null,
		children: box.children.map(toPreviewBox)
	};
}

export type RestoreOutcome = 'restored' | 'unchanged' | 'not-found' | 'unavailable';

/**
 * Brings a board back to a restore point as a new change that reaches every connected client.
 * The state just before is kept as a 'before-restore' point first.
 */
export async function restoreBoard(context: AppContext, boardId: string, pointId: string, userId: string): Promise<RestoreOutcome> {
	const point = store(context).get(boardId, pointId);
	if (!point) return 'not-found';
	const hub = getBoardHub(context);
	if (!hub) return 'unavailable';
	const current = await hub.getBoardStateUpdate(boardId);
	const update = computeRestoreUpdate(current, point.state);
	if (!update) return 'unchanged';
	try {
		await createRestorePoint(context, boardId, 'before-restore', userId);
		await hub.applyServerUpdate(boardId, update);
	} catch (error) {
		// The disk refused the write: nothing was broadcast, so the board is as it was.
		context.log.error({ boardId, pointId, err: error }, 'restore could not be saved');
		return 'unavailable';
	}
	context.log.info({ boardId, pointId, userId, bytes: update.byteLength }, 'board restored to a restore point');
	return 'restored';
}

/**
 * Takes a point for every board that stores an edit while its newest point is over an hour old.
 * The newest time per board is remembered here; the database is asked again only when that
 * memory says a point is due (a lock or a restore in the meantime may have taken one).
 */
export function watchBoardActivity(
	hub: BoardHub,
	context: AppContext,
	{ intervalMs = RESTORE_POINT_INTERVAL_MS, clock = Date.now }: { intervalMs?: number; clock?: () => number } = {}
): () => void {
	const latest = new Map<string, number>();
	const taking = new Set<string>();
	return hub.onUpdatesStored((boardIds) => {
		const now = clock();
		for (const boardId of boardIds) {
			if (taking.has(boardId) || now - (latest.get(boardId) ?? -Infinity) < intervalMs) continue;
			try {
				const newest = store(context).latestAt(boardId) ?? -Infinity;
				latest.set(boardId, newest);
				if (now - newest < intervalMs) continue;
			} catch (error) {
				context.log.error({ boardId, err: error }, 'restore point check failed');
				continue;
			}
			taking.add(boardId);
			latest.set(boardId, now);
			createRestorePoint(context, boardId, 'activity', null, now)
				.catch((error) => {
					latest.delete(boardId); // try again at the next edit
					context.log.error({ boardId, err: error }, 'restore point failed');
				})
				.finally(() => taking.delete(boardId));
		}
	});
}

/** The live board through the hub (includes edits not yet compacted), or the stored one without it. */
async function currentState(context: AppContext, boardId: string): Promise<Uint8Array> {
	const hub = getBoardHub(context);
	if (hub) return hub.getBoardStateUpdate(boardId);
	const stored = createBoardUpdateStore(context.sqlite).load(boardId);
	if (!stored) throw new Error(`board ${boardId} not found`);
	return Y.mergeUpdates([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates]);
}

const STORES = new WeakMap<AppContext, RestorePointStore>();
function store(context: AppContext): RestorePointStore {
	let existing = STORES.get(context);
	if (!existing) STORES.set(context, (existing = createRestorePointStore(context.sqlite)));
	return existing;
}
