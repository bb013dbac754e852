import type { FacilitationConnection } from './facilitation.svelte';
import type { CommandResult } from './contract';
import { LOCK_EVENTS, LOCK_JOIN_KEY, readLockState, type LockSetPayload } from './lock-contract';

/**
 * Which of the workshop's boards are locked, kept live from the facilitation channel: the join
 * acknowledgement (late join, reconnect) and every `lock:state` broadcast. `known` stays false
 * until the first of them, so a page can keep its own load-time value meanwhile.
 */
export class BoardLocks {
	lockedBoardIds = $state<string[]>([]);
	known = $state(false);
	readonly #connection: FacilitationConnection;
	readonly #stop: Array<() => void>;

	constructor(connection: FacilitationConnection) {
		this.#connection = connection;
		this.#stop = [
			connection.onJoined((data) => this.#receive(data[LOCK_JOIN_KEY])),
			connection.on(LOCK_EVENTS.state, (state: unknown) => this.#receive(state))
		];
	}

	/** Whether commands can be sent now. */
	get connected(): boolean {
		return this.#connection.connected;
	}

	isLocked(boardId: string): boolean {
		return this.lockedBoardIds.includes(boardId);
	}

	/** Facilitators only (the server refuses anyone else); the new state arrives as a broadcast. */
	setLocked(boardId: string, locked: boolean): Promise<CommandResult> {
		const payload: LockSetPayload = { boardId, locked };
		return this.#connection.send(LOCK_EVENTS.set, payload);
	}

	destroy() {
		for (const stop of this.#stop) stop();
	}

	#receive(value: unknown) {
		this.lockedBoardIds = readLockState(value).lockedBoardIds;
		this.known = true;
	}
}
