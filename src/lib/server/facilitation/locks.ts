import type { AppContext } from '../context';
import { getBoardHub } from '../collab/hub-registry';
import { lockedBoardIdsOf } from '../db/board-locks';
import { createRestorePoint } from '../restore-points';
import { LOCK_EVENTS, LOCK_JOIN_KEY, lockSetPayload, type LockState } from '../../realtime/lock-contract';
import { FACILITATOR_ONLY, defineCommand, type FacilitationFeature, type FacilitationOutbox } from './feature';
import { appendWorkshopLog } from './workshop-log';

/**
 * Board locks as a facilitation feature: a facilitator locks one of the workshop's boards
 * (read-only for participants) and unlocks it. The lock is stored first, then the board hub
 * enforces it on the board socket, then every workshop showing the board hears the new state.
 */
export function locksFeature(context: AppContext, outbox: FacilitationOutbox, clock: () => number = Date.now): FacilitationFeature {
	const { db } = context;
	return {
		commands: {
			[LOCK_EVENTS.set]: defineCommand(lockSetPayload, FACILITATOR_ONLY, async (actor, { boardId, locked }) => {
				const inWorkshop = await db
					.selectFrom('workshop_boards')
					.select('board_id')
					.where('workshop_id', '=', actor.workshopId)
					.where('board_id', '=', boardId)
					.executeTakeFirst();
				if (!inWorkshop) return { ok: false, error: 'not-found' };
				const current = await db.selectFrom('board_locks').select('board_id').where('board_id', '=', boardId).executeTakeFirst();
				if ((current !== undefined) === locked) return { ok: true }; // already so: nothing to log
				const now = clock();
				// So whatever happened just before the lock can be looked at, or undone, later. The room
				// needs the lock more than the copy: a failed copy is logged, the lock goes ahead.
				if (locked) {
					await createRestorePoint(context, boardId, 'before-lock', actor.personId, now).catch((error: unknown) =>
						context.log.error({ err: error, boardId }, 'restore point before lock failed')
					);
				}
				await db.transaction().execute(async (trx) => {
					if (locked) {
						await trx
							.insertInto('board_locks')
							.values({ board_id: boardId, workshop_id: actor.workshopId, locked_by: actor.personId, locked_at: now })
							// Another workshop showing the same board may have locked it a moment ago.
							.onConflict((oc) => oc.column('board_id').doNothing())
							.execute();
					} else {
						await trx.deleteFrom('board_locks').where('board_id', '=', boardId).execute();
					}
					await appendWorkshopLog(trx, { workshopId: actor.workshopId, actor: actor.personId, action: LOCK_EVENTS.set, detail: { boardId, locked }, at: now });
				});
				getBoardHub(context)?.setBoardLocked(boardId, locked);
				await broadcastLocks(boardId);
				return { ok: true };
			})
		},
		joinState: async (actor) => ({ [LOCK_JOIN_KEY]: { lockedBoardIds: await lockedBoardIdsOf(db, actor.workshopId) } satisfies LockState })
	};

	/** Every workshop that shows the board, not only the one whose facilitator acted. */
	async function broadcastLocks(boardId: string) {
		const workshops = await db.selectFrom('workshop_boards').select('workshop_id').where('board_id', '=', boardId).execute();
		for (const { workshop_id: workshopId } of workshops) {
			const state: LockState = { lockedBoardIds: await lockedBoardIdsOf(db, workshopId) };
			outbox.toWorkshop(workshopId, LOCK_EVENTS.state, state);
		}
	}
}
