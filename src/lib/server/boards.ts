import type { Kysely } from 'kysely';
import type { BoardKind } from '../domain/boards/registry';
import type { Database } from './db/schema';

/** Boards of a strategy process. Callers check membership first (see process-guards.ts). */

export async function createBoard(
	db: Kysely<Database>,
	processId: string,
	userId: string,
	input: { kind: BoardKind; title: string; area: string | null },
	now = Date.now()
): Promise<string> {
	const id = crypto.randomUUID();
	await db
		.insertInto('boards')
		.values({ id, process_id: processId, kind: input.kind, title: input.title, area: input.area, created_by: userId, created_at: now })
		.execute();
	return id;
}

export async function listBoards(db: Kysely<Database>, processId: string): Promise<BoardSummary[]> {
	const rows = await db
		.selectFrom('boards')
		.select(['id', 'kind', 'title', 'area', 'created_at'])
		.where('process_id', '=', processId)
		.orderBy('created_at')
		.execute();
	return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, area: r.area, createdAt: r.created_at }));
}

export interface BoardSummary {
	id: string;
	kind: string;
	title: string;
	area: string | null;
	createdAt: number;
}
