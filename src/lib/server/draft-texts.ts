import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import { DRAFT_TEXTS_BOARD_KIND } from '../domain/boards/registry';
import { openState } from '../domain/doc-restore';
import type { SectionId } from '../domain/draft/model';
import { initDraftTextsDoc, readDraftTexts } from '../domain/draft/texts';
import { getBoardHub } from './collab/hub-registry';
import type { AppContext } from './context';
import { insertInitialBoardUpdate } from './db/board-updates';
import type { Database } from './db/schema';

/**
 * The draft's editable sections, server side. They live in the process's one hidden board of
 * kind 'draft-texts', so the board socket, persistence, restore points and offline copies all
 * work for them unchanged. Callers check membership first (requireDraftAccess).
 */

/** Not shown anywhere (the kind is hidden); named for whoever reads the database. */
const DRAFT_TEXTS_BOARD_TITLE = 'Projekt strategii: sekcje do redagowania';

export async function findDraftTextsBoard(db: Kysely<Database>, processId: string): Promise<string | null> {
	const row = await db
		.selectFrom('boards')
		.select('id')
		.where('process_id', '=', processId)
		.where('kind', '=', DRAFT_TEXTS_BOARD_KIND)
		.executeTakeFirst();
	return row?.id ?? null;
}

/**
 * The process's draft-texts board, created on first use with its schema version written by the
 * server. Check and insert share one transaction (SQLite runs one writer at a time) and the
 * unique index of migration 0011 backs it, so two first visits at once still make one board.
 */
export async function ensureDraftTextsBoard(db: Kysely<Database>, processId: string, userId: string, now = Date.now()): Promise<string> {
	const existing = await findDraftTextsBoard(db, processId);
	if (existing) return existing;
	try {
		return await db.transaction().execute(async (trx) => {
			const raced = await findDraftTextsBoard(trx, processId);
			if (raced) return raced;
			const id = crypto.randomUUID();
			await trx
				.insertInto('boards')
				.values({ id, process_id: processId, kind: DRAFT_TEXTS_BOARD_KIND, title: DRAFT_TEXTS_BOARD_TITLE, area: null, created_by: userId, created_at: now })
				.execute();
			await insertInitialBoardUpdate(trx, id, initialState(), now);
			return id;
		});
	} catch (error) {
		// Another writer (another process on the same file) won: use its board.
		const winner = await findDraftTextsBoard(db, processId);
		if (winner) return winner;
		throw error;
	}
}

/** The sections' texts as they are now (through the board hub, so a keystroke a moment ago is in). */
export async function readProcessDraftTexts(context: AppContext, processId: string): Promise<Partial<Record<SectionId, string>>> {
	const boardId = await findDraftTextsBoard(context.db, processId);
	const hub = getBoardHub(context);
	if (!boardId || !hub) return {};
	let doc: Y.Doc | null = null;
	try {
		doc = openState(await hub.getBoardStateUpdate(boardId));
		return readDraftTexts(doc);
	} catch (error) {
		context.log.warn({ boardId, err: error }, 'draft: editable sections skipped, their state could not be read');
		return {};
	} finally {
		doc?.destroy();
	}
}

function initialState(): Uint8Array {
	const doc = new Y.Doc();
	try {
		initDraftTextsDoc(doc);
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}
