import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, WorkshopVoteTable } from '../db/schema';
import type { VoteItem, VoteSettings } from '../../domain/voting';

type Db = Kysely<Database> | Transaction<Database>;
type VoteRow = Selectable<WorkshopVoteTable>;

/** A workshop's vote as stored: settings, the items it was opened on, open or closed. */
export interface StoredVote {
	id: string;
	workshopId: string;
	boardId: string;
	settings: VoteSettings;
	items: VoteItem[];
	openedAt: number;
	closedAt: number | null;
}

export async function insertVote(db: Db, vote: StoredVote, openedBy: string): Promise<void> {
	const { settings } = vote;
	await db
		.insertInto('workshop_votes')
		.values({
			id: vote.id,
			workshop_id: vote.workshopId,
			board_id: vote.boardId,
			dots_per_person: settings.dotsPerPerson,
			max_per_item: settings.maxPerItem,
			results_live: Number(settings.resultsLive),
			no_own_items: Number(settings.noOwnItems),
			random_order: Number(settings.randomOrder),
			facilitator_votes: Number(settings.facilitatorVotes),
			items_json: JSON.stringify(vote.items),
			opened_by: openedBy,
			opened_at: vote.openedAt,
			closed_at: null
		})
		.execute();
}

export async function findVote(db: Db, workshopId: string, voteId: string): Promise<StoredVote | null> {
	const row = await db.selectFrom('workshop_votes').selectAll().where('workshop_id', '=', workshopId).where('id', '=', voteId).executeTakeFirst();
	return row ? toVote(row) : null;
}

export async function findOpenVote(db: Db, workshopId: string): Promise<StoredVote | null> {
	const row = await db.selectFrom('workshop_votes').selectAll().where('workshop_id', '=', workshopId).where('closed_at', 'is', null).executeTakeFirst();
	return row ? toVote(row) : null;
}

/** The open vote, else the one closed last: what a joining laptop shows. */
export async function findCurrentVote(db: Db, workshopId: string): Promise<StoredVote | null> {
	const open = await findOpenVote(db, workshopId);
	if (open) return open;
	const row = await db
		.selectFrom('workshop_votes')
		.selectAll()
		.where('workshop_id', '=', workshopId)
		.orderBy('closed_at', 'desc')
		.orderBy('opened_at', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row ? toVote(row) : null;
}

export async function listWorkshopVotes(db: Db, workshopId: string): Promise<StoredVote[]> {
	const rows = await db.selectFrom('workshop_votes').selectAll().where('workshop_id', '=', workshopId).orderBy('opened_at').orderBy('id').execute();
	return rows.map(toVote);
}

export async function closeVote(db: Db, voteId: string, at: number): Promise<void> {
	await db.updateTable('workshop_votes').set({ closed_at: at }).where('id', '=', voteId).execute();
}

/** Item ids of one voter's dots, one entry per dot. */
export async function dotsOfVoter(db: Db, voteId: string, voterId: string): Promise<string[]> {
	const rows = await db.selectFrom('vote_dots').select('item_id').where('vote_id', '=', voteId).where('voter_id', '=', voterId).execute();
	return rows.map((row) => row.item_id);
}

/** Every dot of the vote: who put it on what. */
export async function dotsOfVote(db: Db, voteId: string): Promise<Array<{ itemId: string; voterId: string }>> {
	const rows = await db.selectFrom('vote_dots').select(['item_id', 'voter_id']).where('vote_id', '=', voteId).execute();
	return rows.map((row) => ({ itemId: row.item_id, voterId: row.voter_id }));
}

export async function insertDot(db: Db, dot: { id: string; voteId: string; itemId: string; voterId: string; at: number }): Promise<void> {
	await db.insertInto('vote_dots').values({ id: dot.id, vote_id: dot.voteId, item_id: dot.itemId, voter_id: dot.voterId, placed_at: dot.at }).execute();
}

/** Takes back the voter's latest dot on the item; false when they have none there. */
export async function deleteDot(db: Db, voteId: string, itemId: string, voterId: string): Promise<boolean> {
	const dot = await db
		.selectFrom('vote_dots')
		.select('id')
		.where('vote_id', '=', voteId)
		.where('item_id', '=', itemId)
		.where('voter_id', '=', voterId)
		.orderBy('placed_at', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!dot) return false;
	await db.deleteFrom('vote_dots').where('id', '=', dot.id).execute();
	return true;
}

function toVote(row: VoteRow): StoredVote {
	return {
		id: row.id,
		workshopId: row.workshop_id,
		boardId: row.board_id,
		settings: {
			dotsPerPerson: row.dots_per_person,
			maxPerItem: row.max_per_item,
			resultsLive: row.results_live === 1,
			noOwnItems: row.no_own_items === 1,
			randomOrder: row.random_order === 1,
			facilitatorVotes: row.facilitator_votes === 1
		},
		items: readItems(row.items_json),
		openedAt: row.opened_at,
		closedAt: row.closed_at
	};
}

function readItems(json: string): VoteItem[] {
	try {
		const parsed: unknown = JSON.parse(json);
		return Array.isArray(parsed) ? (parsed as VoteItem[]) : [];
	} catch {
		return [];
	}
}
