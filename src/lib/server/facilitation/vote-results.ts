import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/*
 * Stub: the votes feature (another branch) provides the real implementation with exactly this
 * signature; the participation summary renders whatever it returns.
 */
export interface VoteResultSummary {
	voteId: string;
	boardId: string;
	boardTitle: string;
	openedAt: number;
	closedAt: number | null;
	voters: number;
	dotsPlaced: number;
	ranking: { itemId: string; label: string; dots: number }[];
}

export async function listVoteResults(db: Kysely<Database>, workshopId: string): Promise<VoteResultSummary[]> {
	void db;
	void workshopId;
	return [];
}
