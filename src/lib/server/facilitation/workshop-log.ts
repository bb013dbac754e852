import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/**
 * The workshop's log: who did what, when. Written in the same transaction as the change it
 * records, so the log never claims a change that did not happen, nor misses one that did.
 */
export async function appendWorkshopLog(
	db: Kysely<Database> | Transaction<Database>,
	entry: { workshopId: string; actor: string; action: string; detail: unknown; at: number }
): Promise<void> {
	await db
		.insertInto('workshop_log')
		.values({ workshop_id: entry.workshopId, actor: entry.actor, action: entry.action, detail: JSON.stringify(entry.detail ?? {}), at: entry.at })
		.execute();
}

export async function listWorkshopLog(db: Kysely<Database>, workshopId: string): Promise<WorkshopLogEntry[]> {
	const rows = await db
		.selectFrom('workshop_log')
		.select(['actor', 'action', 'detail', 'at'])
		.where('workshop_id', '=', workshopId)
		.orderBy('id')
		.execute();
	return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as unknown }));
}

export interface WorkshopLogEntry {
	actor: string;
	action: string;
	detail: unknown;
	at: number;
}
