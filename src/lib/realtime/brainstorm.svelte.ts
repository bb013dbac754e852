import type { AgendaStep } from '$lib/domain/facilitation/agenda';
import type { CommandResult, FacilitationErrorCode } from './contract';
import type { FacilitationConnection } from './facilitation.svelte';
import {
	BRAINSTORM_EVENTS,
	BRAINSTORM_JOIN_KEY,
	type BrainstormJoinState,
	type BrainstormSummary,
	type OwnNotesState,
	type OwnPrivateNote
} from './brainstorm-contract';
import { dropQueued, editQueued, enqueue, nextToSend, outboxKey, parseOutbox, settle, outcomeOf, type OutboxNote } from './brainstorm-outbox';

/** After a passing server hiccup (rate limit, error), the outbox tries again this much later. */
const RETRY_MS = 3000;

export type BrainstormError = FacilitationErrorCode | 'offline';

/**
 * One laptop's private brainstorm: the current private step's counts, this person's notes the
 * server holds, and an outbox (in localStorage) of notes written but not yet acknowledged —
 * sent in order after every (re)join, each with its own id so none arrives twice.
 * `personId` null (the workshop page): counts and reveal only, no outbox.
 */
export class PrivateBrainstorm {
	summaries = $state<Record<string, BrainstormSummary>>({});
	own = $state<Record<string, OwnPrivateNote[]>>({});
	outbox = $state<OutboxNote[]>([]);
	readonly #connection: FacilitationConnection;
	readonly #key: string | null;
	readonly #offs: Array<() => void> = [];
	#flushing = false;
	#retry: ReturnType<typeof setTimeout> | null = null;
	/** Edits and removals asked for while their note was on its way: applied once it is stored. */
	#afterSend = new Map<string, () => Promise<unknown>>();
	#syncedStep: string | null = null;
	#inFlight: string | null = null;
	#storageWorks = true;

	constructor(connection: FacilitationConnection, personId: string | null) {
		this.#connection = connection;
		this.#key = personId ? outboxKey(connection.workshopId, personId) : null;
		if (this.#key) this.outbox = this.#stored();
		// Another tab of the same person changed the outbox (sent, added, dismissed a note).
		const onStorage = (event: StorageEvent) => {
			if (event.key === this.#key) this.outbox = this.#stored();
		};
		if (this.#key && typeof window !== 'undefined') {
			window.addEventListener('storage', onStorage);
			this.#offs.push(() => window.removeEventListener('storage', onStorage));
		}
		this.#offs.push(
			connection.onJoined((data) => {
				this.#receive(data[BRAINSTORM_JOIN_KEY] as BrainstormJoinState | undefined);
				void this.flush();
			}),
			connection.on<BrainstormSummary>(BRAINSTORM_EVENTS.summary, (summary) => {
				this.summaries = { ...this.summaries, [summary.stepId]: summary };
			}),
			connection.on<OwnNotesState>(BRAINSTORM_EVENTS.ownNotes, (state) => {
				this.own = { ...this.own, [state.stepId]: state.notes };
			})
		);
	}

	/** The agenda's current step when it is private or anonymous (whatever its board). */
	get currentStep(): AgendaStep | null {
		const agenda = this.#connection.agenda;
		const step = agenda?.steps.find((s) => s.id === agenda.currentStepId) ?? null;
		return step && step.privacy !== 'open' && step.boardId ? step : null;
	}

	get currentSummary(): BrainstormSummary | null {
		const step = this.currentStep;
		return step ? (this.summaries[step.id] ?? null) : null;
	}

	/** Whether notes for `boardId` are being collected privately right now (not yet revealed). */
	collectingOn(boardId: string): boolean {
		const step = this.currentStep;
		return step !== null && step.boardId === boardId && !this.currentSummary?.revealed;
	}

	get currentOwnNotes(): OwnPrivateNote[] {
		const step = this.currentStep;
		return step ? (this.own[step.id] ?? []) : [];
	}

	/**
	 * Asks for the current step's state when the facilitator moves to another step or changes
	 * its privacy (the join state covers only the step current at join). Call from an effect.
	 */
	syncStep(stepKey: string | null) {
		if (stepKey === this.#syncedStep || !this.#connection.connected) return;
		this.#syncedStep = stepKey;
		if (stepKey === null) return;
		void this.#connection.send<BrainstormJoinState>(BRAINSTORM_EVENTS.sync, {}).then((result) => {
			if (result.ok) this.#receive(result.data);
		});
	}

	/** Queues a note for the current private step and sends it when the server can be reached. */
	add(text: string): string | null {
		const step = this.currentStep;
		if (!step || !this.#key) return null;
		const id = crypto.randomUUID();
		this.#update((box) => enqueue(box, { id, stepId: step.id, text }));
		void this.flush();
		return id;
	}

	async edit(id: string, text: string): Promise<BrainstormError | null> {
		if (this.outbox.some((n) => n.id === id) && !this.#sending(id)) {
			this.#update((box) => editQueued(box, id, text));
			return null;
		}
		const run = () => this.#connection.send(BRAINSTORM_EVENTS.noteEdit, { id, text });
		return this.#now(id, run);
	}

	async remove(id: string): Promise<BrainstormError | null> {
		if (this.outbox.some((n) => n.id === id) && !this.#sending(id)) {
			this.#update((box) => dropQueued(box, id));
			return null;
		}
		const run = () => this.#connection.send(BRAINSTORM_EVENTS.noteRemove, { id });
		return this.#now(id, run);
	}

	async reveal(stepId: string): Promise<BrainstormError | null> {
		return this.#command(() => this.#connection.send(BRAINSTORM_EVENTS.reveal, { stepId }));
	}

	/** Sends waiting notes one by one, oldest first; stops at the first that must wait longer. */
	async flush(): Promise<void> {
		if (this.#flushing || !this.#key) return;
		this.#flushing = true;
		try {
			for (let note = nextToSend(this.outbox); note && this.#connection.connected; note = nextToSend(this.outbox)) {
				this.#inFlight = note.id;
				const result = await this.#connection.send(BRAINSTORM_EVENTS.noteAdd, { id: note.id, stepId: note.stepId, text: note.text });
				this.#inFlight = null;
				this.#update((box) => settle(box, note.id, result));
				const follow = this.#afterSend.get(note.id);
				this.#afterSend.delete(note.id);
				if (outcomeOf(result) === 'sent') await follow?.();
				if (outcomeOf(result) === 'retry') {
					this.#scheduleRetry();
					break;
				}
			}
		} finally {
			this.#flushing = false;
			this.#inFlight = null;
		}
	}

	destroy() {
		for (const off of this.#offs) off();
		if (this.#retry) clearTimeout(this.#retry);
	}

	#sending(id: string): boolean {
		return this.#inFlight === id;
	}

	/** Runs a command on a stored note, or right after it is stored when it is on its way. */
	async #now(id: string, run: () => Promise<CommandResult<unknown>>): Promise<BrainstormError | null> {
		if (!this.#sending(id)) return this.#command(run);
		this.#afterSend.set(id, run);
		return null;
	}

	async #command(run: () => Promise<CommandResult<unknown>>): Promise<BrainstormError | null> {
		if (!this.#connection.connected) return 'offline';
		const result = await run();
		return result.ok ? null : result.error;
	}

	#receive(state: BrainstormJoinState | undefined) {
		if (state?.summary) this.summaries = { ...this.summaries, [state.summary.stepId]: state.summary };
		if (state?.own) this.own = { ...this.own, [state.own.stepId]: state.own.notes };
	}

	#scheduleRetry() {
		if (this.#retry) return;
		this.#retry = setTimeout(() => {
			this.#retry = null;
			void this.flush();
		}, RETRY_MS);
	}

	/**
	 * Changes the outbox starting from what is stored, not from this tab's copy: two tabs of one
	 * person share it, and one must not write back a note the other has already sent, nor drop
	 * one the other has just added.
	 */
	#update(change: (box: OutboxNote[]) => OutboxNote[]) {
		const next = change(this.#key && this.#storageWorks ? this.#stored() : this.outbox);
		this.outbox = next;
		if (!this.#key) return;
		try {
			if (next.length === 0) localStorage.removeItem(this.#key);
			else localStorage.setItem(this.#key, JSON.stringify(next));
		} catch {
			// Storage full or blocked: the notes stay in this tab's memory and are still sent.
			this.#storageWorks = false;
		}
	}

	#stored(): OutboxNote[] {
		try {
			return parseOutbox(localStorage.getItem(this.#key!));
		} catch {
			this.#storageWorks = false;
			return this.outbox;
		}
	}
}
