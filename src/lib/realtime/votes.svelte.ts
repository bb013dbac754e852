import type { CommandResult } from './contract';
import type { FacilitationConnection } from './facilitation.svelte';
import { VOTE_EVENTS, type MyDots, type VoteJoinState, type VoteTotals, type VoteView } from './votes-contract';
import type { VoteSettings } from '../domain/voting';

/**
 * The workshop's dot vote as this laptop knows it: the vote, the totals this person may see,
 * and their own dots. Rebuilt from the server's join state after every reconnect; the server
 * decides every dot, so nothing here is optimistic.
 */
export class VoteState {
	vote = $state.raw<VoteView | null>(null);
	/** Null while the results are hidden from this person. */
	totals = $state.raw<Record<string, number> | null>(null);
	myDots = $state.raw<MyDots | null>(null);
	#connection: FacilitationConnection;
	#stop: Array<() => void>;

	constructor(connection: FacilitationConnection) {
		this.#connection = connection;
		this.#stop = [
			connection.onJoined((data) => {
				const state = data as unknown as Partial<VoteJoinState>;
				this.vote = state.vote ?? null;
				this.totals = state.vote?.totals ?? null;
				this.myDots = state.myDots ?? null;
			}),
			connection.on<VoteView>(VOTE_EVENTS.state, (vote) => this.#receiveVote(vote)),
			connection.on<VoteTotals>(VOTE_EVENTS.totals, ({ voteId, totals }) => {
				if (voteId === this.vote?.id) this.totals = totals;
			}),
			connection.on<MyDots>(VOTE_EVENTS.mine, (mine) => {
				if (mine.voteId === this.vote?.id) this.myDots = mine;
			})
		];
	}

	get isOpen(): boolean {
		return this.vote !== null && this.vote.closedAt === null;
	}

	/** Own dots on each item of the current vote. */
	get mine(): Record<string, number> {
		return this.myDots && this.myDots.voteId === this.vote?.id ? this.myDots.dots : {};
	}

	get remaining(): number {
		if (!this.vote) return 0;
		return this.myDots?.voteId === this.vote.id ? this.myDots.remaining : this.vote.settings.dotsPerPerson;
	}

	/** Dots per item of `boardId` when the vote is on it and the counts are visible here. */
	countsFor(boardId: string): Record<string, number> | null {
		return this.vote?.boardId === boardId ? this.totals : null;
	}

	open(boardId: string, settings: VoteSettings): Promise<CommandResult<{ voteId: string }>> {
		return this.#connection.send(VOTE_EVENTS.open, { boardId, ...settings });
	}

	place(itemId: string): Promise<CommandResult> {
		return this.#dot(VOTE_EVENTS.place, itemId);
	}

	remove(itemId: string): Promise<CommandResult> {
		return this.#dot(VOTE_EVENTS.remove, itemId);
	}

	close(): Promise<CommandResult> {
		if (!this.vote) return Promise.resolve({ ok: false, error: 'not-found' });
		return this.#connection.send(VOTE_EVENTS.close, { voteId: this.vote.id });
	}

	destroy() {
		for (const stop of this.#stop) stop();
	}

	#dot(event: string, itemId: string): Promise<CommandResult> {
		if (!this.vote) return Promise.resolve({ ok: false, error: 'not-found' });
		return this.#connection.send(event, { voteId: this.vote.id, itemId });
	}

	#receiveVote(vote: VoteView) {
		const sameVote = vote.id === this.vote?.id;
		// Facilitators of a hidden vote get totals separately: keep them when the same vote is re-sent.
		this.totals = vote.totals ?? (sameVote ? this.totals : null);
		if (!sameVote) this.myDots = { voteId: vote.id, dots: {}, remaining: vote.settings.dotsPerPerson };
		this.vote = vote;
	}
}
