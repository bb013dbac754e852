import { z } from 'zod';
import type { Sector } from '../domain/sectors';
import {
	AGENDA_ACTIVITIES,
	AGENDA_TITLE_MAX,
	PLANNED_MINUTES_MAX,
	PLANNED_MINUTES_MIN,
	STEP_PRIVACIES,
	type AgendaStep
} from '../domain/facilitation/agenda';
import { TIMER_MAX_MINUTES, TIMER_MIN_MINUTES, type TimerState } from '../domain/facilitation/timer';

/**
 * The facilitation channel's contract (socket.io), shared by server and browser. State-changing
 * commands carry an ack; every payload is validated on the server with these schemas.
 */
export const FACILITATION_EVENTS = {
	joinWorkshop: 'workshop:join',
	roster: 'roster:update',
	sessionEnded: 'session:ended',
	agendaState: 'agenda:state',
	agendaAdd: 'agenda:add',
	agendaUpdate: 'agenda:update',
	agendaMove: 'agenda:move',
	agendaRemove: 'agenda:remove',
	agendaGoto: 'agenda:goto',
	timerStart: 'timer:start',
	timerPause: 'timer:pause',
	timerResume: 'timer:resume',
	timerAddMinute: 'timer:add-minute',
	timerStop: 'timer:stop'
} as const;

export const joinWorkshopPayload = z.object({ workshopId: z.string().uuid() }).strict();

const stepId = z.string().uuid();
const stepTitle = z.string().trim().min(1).max(AGENDA_TITLE_MAX);
const plannedMinutes = z.number().int().min(PLANNED_MINUTES_MIN).max(PLANNED_MINUTES_MAX);

/** Facilitator commands; each applies to the workshop the connection has joined. */
export const agendaCommandPayloads = {
	[FACILITATION_EVENTS.agendaAdd]: z
		.object({
			title: stepTitle,
			boardId: z.string().uuid().nullable(),
			activity: z.enum(AGENDA_ACTIVITIES),
			plannedMinutes,
			privacy: z.enum(STEP_PRIVACIES).optional()
		})
		.strict(),
	[FACILITATION_EVENTS.agendaUpdate]: z
		.object({
			stepId,
			title: stepTitle.optional(),
			boardId: z.string().uuid().nullable().optional(),
			activity: z.enum(AGENDA_ACTIVITIES).optional(),
			plannedMinutes: plannedMinutes.optional(),
			privacy: z.enum(STEP_PRIVACIES).optional()
		})
		.strict(),
	[FACILITATION_EVENTS.agendaMove]: z.object({ stepId, toIndex: z.number().int().min(0).max(1000) }).strict(),
	[FACILITATION_EVENTS.agendaRemove]: z.object({ stepId }).strict(),
	/** Absolute, not "next": two facilitators pressing "next" at once land on the same step. */
	[FACILITATION_EVENTS.agendaGoto]: z.object({ stepId: stepId.nullable() }).strict(),
	[FACILITATION_EVENTS.timerStart]: z.object({ minutes: z.number().int().min(TIMER_MIN_MINUTES).max(TIMER_MAX_MINUTES) }).strict(),
	[FACILITATION_EVENTS.timerPause]: z.object({}).strict(),
	[FACILITATION_EVENTS.timerResume]: z.object({}).strict(),
	[FACILITATION_EVENTS.timerAddMinute]: z.object({}).strict(),
	[FACILITATION_EVENTS.timerStop]: z.object({}).strict()
} as const;

export type AgendaCommandEvent = keyof typeof agendaCommandPayloads;
export type AgendaCommandPayload<E extends AgendaCommandEvent> = z.infer<(typeof agendaCommandPayloads)[E]>;
/** How components send a facilitator command; resolves to whether it was applied. */
export type RunAgendaCommand = <E extends AgendaCommandEvent>(event: E, payload: AgendaCommandPayload<E>) => Promise<boolean>;
export type AgendaCommand = {
	[E in AgendaCommandEvent]: { type: E; payload: z.infer<(typeof agendaCommandPayloads)[E]> };
}[AgendaCommandEvent];

/** What every client shows; `serverNow` lets it correct its own clock for the timer. */
export interface AgendaState {
	steps: AgendaStep[];
	currentStepId: string | null;
	timer: TimerState;
	serverNow: number;
}

export type WorkshopRole = 'facilitator' | 'participant' | 'observer';

/**
 * The join acknowledgement: everything a late or reconnecting client needs at once. Each
 * facilitation feature adds its own keys (see FacilitationFeature.joinState on the server).
 */
export interface JoinData {
	role: WorkshopRole;
	roster: RosterEntry[];
	agenda: AgendaState;
	[feature: string]: unknown;
}

export interface RosterEntry {
	/** Stable per person: participant id, user id, or an opaque id per observer session. */
	id: string;
	name: string;
	institution: string | null;
	sector: Sector | null;
	role: WorkshopRole;
}

export type CommandResult<T = undefined> = { ok: true; data?: T } | { ok: false; error: FacilitationErrorCode };

export type FacilitationErrorCode =
	| 'invalid-payload'
	| 'forbidden'
	| 'not-found'
	| 'limit-reached'
	| 'rate-limited'
	| 'server-error'
	| 'vote-closed'
	| 'vote-no-items'
	/** A private brainstorm note for a step that is not (or no longer) collecting them. */
	| 'step-closed'
	/** A step's privacy or board cannot change once private notes were written for it. */
	| 'private-notes-exist';

export type ClientToServerEvents = {
	[FACILITATION_EVENTS.joinWorkshop]: (
		payload: z.infer<typeof joinWorkshopPayload>,
		ack: (result: CommandResult<JoinData>) => void
	) => void;
} & {
	[E in AgendaCommandEvent]: (payload: z.infer<(typeof agendaCommandPayloads)[E]>, ack: (result: CommandResult) => void) => void;
}

export interface ServerToClientEvents {
	[FACILITATION_EVENTS.roster]: (roster: RosterEntry[]) => void;
	/** The session was revoked or expired: the client should stop and tell the person why. */
	[FACILITATION_EVENTS.sessionEnded]: (reason: 'session-revoked') => void;
	[FACILITATION_EVENTS.agendaState]: (state: AgendaState) => void;
}

/** socket.io's own limit on one message; a larger one closes that connection. */
export const FACILITATION_MAX_MESSAGE_BYTES = 64 * 1024;
