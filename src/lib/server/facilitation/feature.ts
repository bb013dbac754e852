import type { z } from 'zod';
import type { AuthSession } from '../auth/sessions';
import type { CommandResult, WorkshopRole } from '../../realtime/contract';

/** Who sent a command: resolved by the server at join, never taken from the payload. */
export interface CommandActor {
	workshopId: string;
	role: WorkshopRole;
	/** The stable person id the roster and board presence show (participant, user or observer id). */
	personId: string;
	session: AuthSession;
}

/**
 * Where a feature sends what changed. Transport-free: server/facilitation.ts implements it on
 * socket.io rooms, so features stay testable and never see a socket.
 */
export interface FacilitationOutbox {
	toWorkshop(workshopId: string, event: string, data: unknown): void;
	/** Every connection of one person in the workshop (their own tabs): private state. */
	toPerson(workshopId: string, personId: string, event: string, data: unknown): void;
	toRole(workshopId: string, role: WorkshopRole, event: string, data: unknown): void;
}

export interface FacilitationCommand<S extends z.ZodType = z.ZodType> {
	schema: S;
	/** Roles allowed to send it; anyone else gets `forbidden` and nothing changes. */
	roles: readonly WorkshopRole[];
	run(actor: CommandActor, payload: z.infer<S>): Promise<CommandResult<unknown>>;
}

/**
 * One facilitation feature (agenda, locks, votes…): its commands and what a joining client
 * must receive at once. The server applies every command of a workshop one at a time, in
 * arrival order, whatever feature it belongs to.
 */
export interface FacilitationFeature {
	commands: Record<string, FacilitationCommand>;
	/** Merged into the join acknowledgement under the feature's own keys (late join, reconnect). */
	joinState?(actor: CommandActor): Promise<Record<string, unknown>>;
	/** A connection left the workshop room (closed tab, network drop). */
	left?(actor: CommandActor, stillPresent: boolean): void;
}

export function defineCommand<S extends z.ZodType>(
	schema: S,
	roles: readonly WorkshopRole[],
	run: (actor: CommandActor, payload: z.infer<S>) => Promise<CommandResult<unknown>>
): FacilitationCommand<S> {
	return { schema, roles, run };
}

export const FACILITATOR_ONLY: readonly WorkshopRole[] = ['facilitator'];
export const EVERY_EDITOR: readonly WorkshopRole[] = ['facilitator', 'participant'];

/**
 * Runs tasks one at a time per workshop, in arrival order, so two facilitators acting at once
 * see their commands applied in order and every client receives the state after each one.
 * Different workshops do not wait for each other.
 */
export class WorkshopQueue {
	#queues = new Map<string, Promise<unknown>>();

	inOrder<T>(workshopId: string, run: () => Promise<T>): Promise<T> {
		const previous = this.#queues.get(workshopId) ?? Promise.resolve();
		const result = previous.then(run, run);
		const settled = result.catch(() => undefined);
		this.#queues.set(workshopId, settled);
		void settled.then(() => {
			if (this.#queues.get(workshopId) === settled) this.#queues.delete(workshopId);
		});
		return result;
	}
}

/**
 * A token bucket per connection: bursts of clicks pass, a client looping on a command does not
 * fill the log or starve the workshop's queue.
 */
export class CommandRateLimit {
	#buckets = new Map<string, { tokens: number; at: number }>();

	constructor(
		private readonly burst = 30,
		private readonly perSecond = 10,
		private readonly clock: () => number = Date.now
	) {}

	take(connectionId: string): boolean {
		const now = this.clock();
		const bucket = this.#buckets.get(connectionId) ?? { tokens: this.burst, at: now };
		bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
		bucket.at = now;
		this.#buckets.set(connectionId, bucket);
		if (bucket.tokens < 1) return false;
		bucket.tokens -= 1;
		return true;
	}

	forget(connectionId: string): void {
		this.#buckets.delete(connectionId);
	}
}
