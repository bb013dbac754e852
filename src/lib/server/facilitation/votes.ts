import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { AppContext } from '../context';
import type { FacilitationErrorCode } from '../../realtime/contract';
import { VOTE_EVENTS, closeVotePayload, dotPayload, openVotePayload, type MyDots, type VoteJoinState, type VoteView } from '../../realtime/votes-contract';
import { countDots, extractVoteItems, isVotableBoardKind, refusePlace, type VoteItem } from '../../domain/voting';
import { openState } from '../../domain/doc-restore';
import { getBoardHub } from '../collab/hub-registry';
import { EVERY_EDITOR, FACILITATOR_ONLY, defineCommand, type CommandActor, type FacilitationFeature, type FacilitationOutbox } from './feature';
import { appendWorkshopLog } from './workshop-log';
import * as store from './vote-store';

type Refused = { ok: false; error: FacilitationErrorCode };

/**
 * Dot voting. The server is the only judge of the limits: each place runs count-then-insert in
 * one transaction, and the router runs a workshop's commands one at a time, so a burst of
 * clicks (or a script) cannot put more dots than allowed. Hidden results never leave the
 * server: totals go to participants only when the vote is live or closed.
 */
export function votesFeature(context: AppContext, outbox: FacilitationOutbox, clock: () => number = Date.now): FacilitationFeature {
	const { db } = context;

	const open = defineCommand(openVotePayload, FACILITATOR_ONLY, async (actor, payload) => {
		const { boardId, ...settings } = payload;
		const board = await db
			.selectFrom('workshop_boards')
			.innerJoin('boards', 'boards.id', 'workshop_boards.board_id')
			.select(['boards.kind', 'boards.title'])
			.where('workshop_boards.workshop_id', '=', actor.workshopId)
			.where('workshop_boards.board_id', '=', boardId)
			.executeTakeFirst();
		if (!board) return { ok: false, error: 'not-found' };
		if (await store.findOpenVote(db, actor.workshopId)) return { ok: false, error: 'limit-reached' };
		const items = isVotableBoardKind(board.kind) ? await readBoardItems(context, boardId, board.kind) : [];
		if (items.length === 0) return { ok: false, error: 'vote-no-items' };
		const vote: store.StoredVote = { id: randomUUID(), workshopId: actor.workshopId, boardId, settings, items, openedAt: clock(), closedAt: null };
		await db.transaction().execute(async (trx) => {
			await store.insertVote(trx, vote, actor.personId);
			await appendWorkshopLog(trx, { workshopId: actor.workshopId, actor: actor.personId, action: VOTE_EVENTS.open, detail: { voteId: vote.id, boardId, ...settings, items: items.length }, at: vote.openedAt });
		});
		await broadcast(vote);
		return { ok: true, data: { voteId: vote.id } };
	});

	const place = defineCommand(dotPayload, EVERY_EDITOR, async (actor, { voteId, itemId }) => {
		const outcome = await db.transaction().execute(async (trx): Promise<Refused | store.StoredVote> => {
			const found = await findRunning(trx, actor, voteId, itemId);
			if ('ok' in found) return found;
			const { vote, item } = found;
			const mine = await store.dotsOfVoter(trx, vote.id, actor.personId);
			const refusal = refusePlace(vote.settings, { id: actor.personId, isFacilitator: actor.role === 'facilitator' }, item, mine);
			if (refusal === 'not-voting' || refusal === 'own-item') return { ok: false, error: 'forbidden' };
			if (refusal) return { ok: false, error: 'limit-reached' };
			await store.insertDot(trx, { id: randomUUID(), voteId: vote.id, itemId, voterId: actor.personId, at: clock() });
			return vote;
		});
		if ('ok' in outcome) return outcome;
		await afterDotMoved(actor, outcome);
		return { ok: true };
	});

	const remove = defineCommand(dotPayload, EVERY_EDITOR, async (actor, { voteId, itemId }) => {
		const found = await findRunning(db, actor, voteId, itemId);
		if ('ok' in found) return found;
		if (!(await store.deleteDot(db, voteId, itemId, actor.personId))) return { ok: false, error: 'not-found' };
		await afterDotMoved(actor, found.vote);
		return { ok: true };
	});

	const close = defineCommand(closeVotePayload, FACILITATOR_ONLY, async (actor, { voteId }) => {
		const vote = await store.findVote(db, actor.workshopId, voteId);
		if (!vote) return { ok: false, error: 'not-found' };
		if (vote.closedAt !== null) return { ok: false, error: 'vote-closed' };
		const closedAt = clock();
		await db.transaction().execute(async (trx) => {
			await store.closeVote(trx, voteId, closedAt);
			await appendWorkshopLog(trx, { workshopId: actor.workshopId, actor: actor.personId, action: VOTE_EVENTS.close, detail: { voteId }, at: closedAt });
		});
		await broadcast({ ...vote, closedAt });
		return { ok: true };
	});

	/** The vote and item a dot command names, or why it cannot be voted on. */
	async function findRunning(trx: Kysely<Database>, actor: CommandActor, voteId: string, itemId: string): Promise<Refused | { vote: store.StoredVote; item: VoteItem }> {
		const vote = await store.findVote(trx, actor.workshopId, voteId);
		if (!vote) return { ok: false, error: 'not-found' };
		if (vote.closedAt !== null) return { ok: false, error: 'vote-closed' };
		if (actor.role === 'facilitator' && !vote.settings.facilitatorVotes) return { ok: false, error: 'forbidden' };
		const item = vote.items.find((candidate) => candidate.id === itemId);
		if (!item) return { ok: false, error: 'not-found' };
		return { vote, item };
	}

	async function afterDotMoved(actor: CommandActor, vote: store.StoredVote) {
		outbox.toPerson(actor.workshopId, actor.personId, VOTE_EVENTS.mine, await myDots(db, vote, actor.personId));
		const totals = { voteId: vote.id, totals: await totalsOf(db, vote.id) };
		if (vote.settings.resultsLive) outbox.toWorkshop(vote.workshopId, VOTE_EVENTS.totals, totals);
		else outbox.toRole(vote.workshopId, 'facilitator', VOTE_EVENTS.totals, totals);
	}

	/** Everyone gets the vote; totals go along only where this person may see them. */
	async function broadcast(vote: store.StoredVote) {
		const title = await boardTitle(db, vote.boardId);
		const totals = await totalsOf(db, vote.id);
		const visible = vote.settings.resultsLive || vote.closedAt !== null;
		outbox.toWorkshop(vote.workshopId, VOTE_EVENTS.state, viewOf(vote, title, visible ? totals : null));
		if (!visible) outbox.toRole(vote.workshopId, 'facilitator', VOTE_EVENTS.totals, { voteId: vote.id, totals });
	}

	return {
		commands: { [VOTE_EVENTS.open]: open, [VOTE_EVENTS.place]: place, [VOTE_EVENTS.remove]: remove, [VOTE_EVENTS.close]: close },
		async joinState(actor): Promise<Record<string, unknown>> {
			const vote = await store.findCurrentVote(db, actor.workshopId);
			if (!vote) return { vote: null, myDots: null } satisfies VoteJoinState;
			const visible = vote.settings.resultsLive || vote.closedAt !== null || actor.role === 'facilitator';
			const view = viewOf(vote, await boardTitle(db, vote.boardId), visible ? await totalsOf(db, vote.id) : null);
			return { vote: view, myDots: await myDots(db, vote, actor.personId) } satisfies VoteJoinState;
		}
	};
}

async function readBoardItems(context: AppContext, boardId: string, kind: string): Promise<VoteItem[]> {
	const hub = getBoardHub(context);
	if (!hub) return [];
	const doc = openState(await hub.getBoardStateUpdate(boardId));
	try {
		return extractVoteItems(kind, doc);
	} finally {
		doc.destroy();
	}
}

function viewOf(vote: store.StoredVote, boardTitle: string, totals: Record<string, number> | null): VoteView {
	return { id: vote.id, boardId: vote.boardId, boardTitle, settings: vote.settings, items: vote.items, openedAt: vote.openedAt, closedAt: vote.closedAt, totals };
}

async function myDots(db: Kysely<Database>, vote: store.StoredVote, personId: string): Promise<MyDots> {
	const mine = await store.dotsOfVoter(db, vote.id, personId);
	return { voteId: vote.id, dots: countDots(mine), remaining: Math.max(0, vote.settings.dotsPerPerson - mine.length) };
}

async function totalsOf(db: Kysely<Database>, voteId: string): Promise<Record<string, number>> {
	return countDots((await store.dotsOfVote(db, voteId)).map((dot) => dot.itemId));
}

async function boardTitle(db: Kysely<Database>, boardId: string): Promise<string> {
	const row = await db.selectFrom('boards').select('title').where('id', '=', boardId).executeTakeFirst();
	return row?.title ?? '';
}
