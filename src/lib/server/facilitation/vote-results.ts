import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { countDots, rankItems } from '../../domain/voting';
import { dotsOfVote, listWorkshopVotes } from './vote-store';

export interface VoteResultSummary { voteId: string; boardId: string; boardTitle: string; openedAt: number; closedAt: number | null; voters: number; dotsPlaced: number; ranking: { itemId: string; label: string; dots: number }[] }

/**
 * Every vote of the workshop in the order they were opened, each with its ranked results
 * (most dots first, ties in the board's order), for the participation summary.
 */
export async function listVoteResults(db: Kysely<Database>, workshopId: string): Promise<VoteResultSummary[]> {
	const votes = await listWorkshopVotes(db, workshopId);
	const results: VoteResultSummary[] = [];
	for (const vote of votes) {
		const dots = await dotsOfVote(db, vote.id);
		const board = await db.selectFrom('boards').select('title').where('id', '=', vote.boardId).executeTakeFirst();
		results.push({
			voteId: vote.id,
			boardId: vote.boardId,
			boardTitle: board?.title ?? '',
			openedAt: vote.openedAt,
			closedAt: vote.closedAt,
			voters: new Set(dots.map((dot) => dot.voterId)).size,
			dotsPlaced: dots.length,
			ranking: rankItems(vote.items, countDots(dots.map((dot) => dot.itemId))).map((item) => ({ itemId: item.id, label: item.label, dots: item.dots }))
		});
	}
	return results;
}
