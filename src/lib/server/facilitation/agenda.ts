import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import {
	FACILITATION_EVENTS,
	agendaCommandPayloads,
	type AgendaCommand,
	type AgendaCommandEvent,
	type AgendaState,
	type FacilitationErrorCode
} from '../../realtime/contract';
import { FACILITATOR_ONLY, defineCommand, type FacilitationFeature, type FacilitationOutbox } from './feature';
import { AGENDA_MAX_STEPS, gotoStepTimes, isAgendaActivity, isStepPrivacy, moveStep, normaliseStepTitle, type AgendaStep } from '../../domain/facilitation/agenda';
import { IDLE_TIMER, addMinute, pauseTimer, resumeTimer, startTimer, stopTimer, type TimerState } from '../../domain/facilitation/timer';
import { appendWorkshopLog } from './workshop-log';

type Trx = Transaction<Database>;
export type AgendaCommandOutcome = { ok: true; state: AgendaState } | { ok: false; error: FacilitationErrorCode };

/**
 * The agenda and the timer as a facilitation feature: facilitator-only commands, each applied
 * in one transaction with its log entry, after which everyone in the workshop gets the state.
 */
export function agendaFeature(db: Kysely<Database>, outbox: FacilitationOutbox, clock: () => number = Date.now): FacilitationFeature {
	const commands: FacilitationFeature['commands'] = {};
	for (const event of Object.keys(agendaCommandPayloads) as AgendaCommandEvent[]) {
		commands[event] = defineCommand(agendaCommandPayloads[event], FACILITATOR_ONLY, async (actor, payload) => {
			const command = { type: event, payload } as AgendaCommand;
			const outcome = await applyAgendaCommand(db, actor.workshopId, actor.personId, command, clock());
			if (!outcome.ok) return outcome;
			outbox.toWorkshop(actor.workshopId, FACILITATION_EVENTS.agendaState, outcome.state);
			return { ok: true };
		});
	}
	return {
		commands,
		joinState: async (actor) => ({ agenda: await loadAgendaState(db, actor.workshopId, clock()) })
	};
}

export function applyAgendaCommand(
	db: Kysely<Database>,
	workshopId: string,
	actor: string,
	command: AgendaCommand,
	now: number
): Promise<AgendaCommandOutcome> {
	return db.transaction().execute(async (trx) => {
		const error = await applyCommand(trx, workshopId, command, now);
		if (error) return { ok: false, error } as const;
		await appendWorkshopLog(trx, { workshopId, actor, action: command.type, detail: command.payload, at: now });
		return { ok: true, state: await loadAgendaState(trx, workshopId, now) } as const;
	});
}

export async function loadAgendaState(db: Kysely<Database> | Trx, workshopId: string, now: number): Promise<AgendaState> {
	const rows = await db.selectFrom('workshop_agenda_steps').selectAll().where('workshop_id', '=', workshopId).orderBy('position').execute();
	const state = await db.selectFrom('workshop_state').selectAll().where('workshop_id', '=', workshopId).executeTakeFirst();
	const steps: AgendaStep[] = rows.map((row) => ({
		id: row.id,
		title: row.title,
		boardId: row.board_id,
		activity: isAgendaActivity(row.activity) ? row.activity : 'other',
		plannedMinutes: row.planned_minutes,
		privacy: isStepPrivacy(row.privacy) ? row.privacy : 'open',
		startedAt: row.started_at,
		endedAt: row.ended_at
	}));
	return {
		steps,
		currentStepId: state?.current_step_id ?? null,
		timer: state
			? { endsAt: state.timer_ends_at, pausedRemainingMs: state.timer_paused_remaining_ms, durationMs: state.timer_duration_ms }
			: IDLE_TIMER,
		serverNow: now
	};
}

async function applyCommand(trx: Trx, workshopId: string, command: AgendaCommand, now: number): Promise<FacilitationErrorCode | null> {
	switch (command.type) {
		case 'agenda:add': {
			const { title, boardId, activity, plannedMinutes, privacy = 'open' } = command.payload;
			const clean = normaliseStepTitle(title);
			if (!clean) return 'invalid-payload';
			if (boardId !== null && !(await isWorkshopBoard(trx, workshopId, boardId))) return 'not-found';
			const order = await stepOrder(trx, workshopId);
			if (order.length >= AGENDA_MAX_STEPS) return 'limit-reached';
			await trx
				.insertInto('workshop_agenda_steps')
				.values({ id: randomUUID(), workshop_id: workshopId, position: order.length, title: clean, board_id: boardId, activity, planned_minutes: plannedMinutes, privacy, started_at: null, ended_at: null, revealed_at: null })
				.execute();
			return null;
		}
		case 'agenda:update': {
			const { stepId, title, boardId, activity, plannedMinutes, privacy } = command.payload;
			if (!(await stepOrder(trx, workshopId)).includes(stepId)) return 'not-found';
			const clean = title === undefined ? undefined : normaliseStepTitle(title);
			if (clean === null) return 'invalid-payload';
			if (boardId && !(await isWorkshopBoard(trx, workshopId, boardId))) return 'not-found';
			// Notes written as anonymous must never be revealed with names, nor onto another board.
			if (await changesPrivateNotesTarget(trx, stepId, privacy, boardId)) return 'private-notes-exist';
			const changes = { title: clean, board_id: boardId, activity, planned_minutes: plannedMinutes, privacy };
			const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
			if (Object.keys(defined).length > 0) await trx.updateTable('workshop_agenda_steps').set(defined).where('id', '=', stepId).execute();
			return null;
		}
		case 'agenda:move': {
			const order = moveStep(await stepOrder(trx, workshopId), command.payload.stepId, command.payload.toIndex);
			if (!order) return 'not-found';
			await writeOrder(trx, order);
			return null;
		}
		case 'agenda:remove': {
			const order = await stepOrder(trx, workshopId);
			if (!order.includes(command.payload.stepId)) return 'not-found';
			await trx.deleteFrom('workshop_agenda_steps').where('id', '=', command.payload.stepId).execute();
			await writeOrder(trx, order.filter((id) => id !== command.payload.stepId));
			return null;
		}
		case 'agenda:goto':
			return gotoStep(trx, workshopId, command.payload.stepId, now);
		case 'timer:start':
			await writeTimer(trx, workshopId, startTimer(command.payload.minutes, now), now);
			return null;
		case 'timer:pause':
		case 'timer:resume':
		case 'timer:add-minute':
		case 'timer:stop': {
			const { timer } = await loadAgendaState(trx, workshopId, now);
			const next = { 'timer:pause': pauseTimer, 'timer:resume': resumeTimer, 'timer:add-minute': addMinute, 'timer:stop': stopTimer }[command.type](timer, now);
			await writeTimer(trx, workshopId, next, now);
			return null;
		}
	}
}

async function gotoStep(trx: Trx, workshopId: string, targetStepId: string | null, now: number): Promise<FacilitationErrorCode | null> {
	const { steps, currentStepId } = await loadAgendaState(trx, workshopId, now);
	if (targetStepId !== null && !steps.some((s) => s.id === targetStepId)) return 'not-found';
	for (const change of gotoStepTimes(steps, currentStepId, targetStepId, now)) {
		await trx.updateTable('workshop_agenda_steps').set({ started_at: change.startedAt, ended_at: change.endedAt }).where('id', '=', change.id).execute();
	}
	await ensureState(trx, workshopId, now);
	await trx.updateTable('workshop_state').set({ current_step_id: targetStepId, updated_at: now }).where('workshop_id', '=', workshopId).execute();
	return null;
}

async function writeTimer(trx: Trx, workshopId: string, timer: TimerState, now: number) {
	await ensureState(trx, workshopId, now);
	await trx
		.updateTable('workshop_state')
		.set({ timer_ends_at: timer.endsAt, timer_paused_remaining_ms: timer.pausedRemainingMs, timer_duration_ms: timer.durationMs, updated_at: now })
		.where('workshop_id', '=', workshopId)
		.execute();
}

async function ensureState(trx: Trx, workshopId: string, now: number) {
	await trx
		.insertInto('workshop_state')
		.values({ workshop_id: workshopId, current_step_id: null, timer_ends_at: null, timer_paused_remaining_ms: null, timer_duration_ms: null, updated_at: now })
		.onConflict((oc) => oc.column('workshop_id').doNothing())
		.execute();
}

async function stepOrder(trx: Trx, workshopId: string): Promise<string[]> {
	const rows = await trx.selectFrom('workshop_agenda_steps').select('id').where('workshop_id', '=', workshopId).orderBy('position').execute();
	return rows.map((r) => r.id);
}

async function writeOrder(trx: Trx, order: string[]) {
	for (const [position, id] of order.entries()) {
		await trx.updateTable('workshop_agenda_steps').set({ position }).where('id', '=', id).execute();
	}
}

async function changesPrivateNotesTarget(trx: Trx, stepId: string, privacy: string | undefined, boardId: string | null | undefined): Promise<boolean> {
	if (privacy === undefined && boardId === undefined) return false;
	const step = await trx.selectFrom('workshop_agenda_steps').select(['privacy', 'board_id']).where('id', '=', stepId).executeTakeFirstOrThrow();
	if ((privacy === undefined || privacy === step.privacy) && (boardId === undefined || boardId === step.board_id)) return false;
	const note = await trx.selectFrom('private_notes').select('id').where('step_id', '=', stepId).limit(1).executeTakeFirst();
	return note !== undefined;
}

async function isWorkshopBoard(trx: Trx, workshopId: string, boardId: string): Promise<boolean> {
	const row = await trx.selectFrom('workshop_boards').select('board_id').where('workshop_id', '=', workshopId).where('board_id', '=', boardId).executeTakeFirst();
	return row !== undefined;
}
