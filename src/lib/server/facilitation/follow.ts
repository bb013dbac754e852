import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { FOLLOW_EVENTS, followPayloads, type FollowState } from '../../realtime/follow-contract';
import { FACILITATOR_ONLY, defineCommand, type FacilitationFeature, type FacilitationOutbox } from './feature';
import { appendWorkshopLog } from './workshop-log';

/** "Follow me": facilitators bring everyone to a board (and a piece of it); the state outlives restarts. */
export function followFeature(db: Kysely<Database>, outbox: FacilitationOutbox, clock: () => number = Date.now): FacilitationFeature {
	const publish = async (workshopId: string) => outbox.toWorkshop(workshopId, FOLLOW_EVENTS.state, await loadFollowState(db, workshopId));
	return {
		commands: {
			[FOLLOW_EVENTS.bring]: defineCommand(followPayloads[FOLLOW_EVENTS.bring], FACILITATOR_ONLY, async (actor, payload) => {
				const inWorkshop = await db
					.selectFrom('workshop_boards')
					.select('board_id')
					.where('workshop_id', '=', actor.workshopId)
					.where('board_id', '=', payload.boardId)
					.executeTakeFirst();
				if (!inWorkshop) return { ok: false, error: 'not-found' };
				const now = clock();
				const row = {
					board_id: payload.boardId,
					target_kind: payload.target?.kind ?? null,
					target_id: payload.target?.id ?? null,
					set_by: actor.personId,
					set_at: now
				};
				await db.transaction().execute(async (trx) => {
					await trx
						.insertInto('workshop_follow')
						.values({ workshop_id: actor.workshopId, ...row })
						.onConflict((c) => c.column('workshop_id').doUpdateSet(row))
						.execute();
					await appendWorkshopLog(trx, { workshopId: actor.workshopId, actor: actor.personId, action: FOLLOW_EVENTS.bring, detail: payload, at: now });
				});
				await publish(actor.workshopId);
				return { ok: true };
			}),
			[FOLLOW_EVENTS.stop]: defineCommand(followPayloads[FOLLOW_EVENTS.stop], FACILITATOR_ONLY, async (actor) => {
				const now = clock();
				await db.transaction().execute(async (trx) => {
					await trx.deleteFrom('workshop_follow').where('workshop_id', '=', actor.workshopId).execute();
					await appendWorkshopLog(trx, { workshopId: actor.workshopId, actor: actor.personId, action: FOLLOW_EVENTS.stop, detail: {}, at: now });
				});
				await publish(actor.workshopId);
				return { ok: true };
			})
		},
		joinState: async (actor) => ({ follow: await loadFollowState(db, actor.workshopId) })
	};
}

export async function loadFollowState(db: Kysely<Database>, workshopId: string): Promise<FollowState> {
	const row = await db
		.selectFrom('workshop_follow')
		.innerJoin('boards', 'boards.id', 'workshop_follow.board_id')
		.select(['workshop_follow.board_id', 'workshop_follow.target_kind', 'workshop_follow.target_id', 'workshop_follow.set_at', 'boards.title'])
		.where('workshop_follow.workshop_id', '=', workshopId)
		.executeTakeFirst();
	if (!row) return null;
	return {
		boardId: row.board_id,
		boardTitle: row.title,
		target: row.target_kind && row.target_id ? { kind: row.target_kind, id: row.target_id } : null,
		setAt: row.set_at
	};
}
