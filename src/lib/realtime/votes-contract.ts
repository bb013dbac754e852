import { z } from 'zod';
import { DOTS_PER_PERSON_MAX, type VoteItem, type VoteSettings } from '../domain/voting';

/** Dot voting on the facilitation channel: commands with acks, state pushed by the server. */
export const VOTE_EVENTS = {
	open: 'vote:open',
	place: 'vote:place',
	remove: 'vote:remove',
	close: 'vote:close',
	/** To the workshop: the vote and, when everyone may see them, its totals. */
	state: 'vote:state',
	/** Totals after a dot moved: to everyone when live, else to facilitators only. */
	totals: 'vote:totals',
	/** To one person's tabs: their own dots. */
	mine: 'vote:mine'
} as const;

export const openVotePayload = z
	.object({
		boardId: z.string().uuid(),
		dotsPerPerson: z.number().int().min(1).max(DOTS_PER_PERSON_MAX),
		maxPerItem: z.number().int().min(1).max(DOTS_PER_PERSON_MAX),
		resultsLive: z.boolean(),
		noOwnItems: z.boolean(),
		randomOrder: z.boolean(),
		facilitatorVotes: z.boolean()
	})
	.strict()
	.refine((vote) => vote.maxPerItem <= vote.dotsPerPerson);

export const dotPayload = z.object({ voteId: z.string().uuid(), itemId: z.string().min(1).max(100) }).strict();
export const closeVotePayload = z.object({ voteId: z.string().uuid() }).strict();

export interface VoteView {
	id: string;
	boardId: string;
	boardTitle: string;
	settings: VoteSettings;
	items: VoteItem[];
	openedAt: number;
	closedAt: number | null;
	/** Dots per item id; null while the results are hidden from this person. */
	totals: Record<string, number> | null;
}

export interface VoteTotals {
	voteId: string;
	totals: Record<string, number>;
}

/** One person's dots: item id → how many of their dots are on it. */
export interface MyDots {
	voteId: string;
	dots: Record<string, number>;
	remaining: number;
}

/** The vote feature's keys in the join acknowledgement. */
export interface VoteJoinState {
	vote: VoteView | null;
	myDots: MyDots | null;
}
