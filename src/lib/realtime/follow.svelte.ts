import { FOLLOW_EVENTS, type FollowState } from './follow-contract';
import type { FacilitationConnection } from './facilitation.svelte';

const SEEN_KEY = 'narada.follow.seen.';

/**
 * The browser's side of "follow me". `arrival` is set once per new "bring" this laptop has not
 * acted on yet (also after a reload or a late join), so a page can lead the person there once
 * and leave them alone if they step away afterwards.
 */
export class FollowClient {
	state = $state.raw<FollowState>(null);
	arrival = $state.raw<NonNullable<FollowState> | null>(null);
	#stop: (() => void)[] = [];

	constructor(private readonly connection: FacilitationConnection) {
		this.#stop.push(
			connection.onJoined((data) => this.#receive((data.follow as FollowState | undefined) ?? null)),
			connection.on<FollowState>(FOLLOW_EVENTS.state, (state) => this.#receive(state))
		);
	}

	/** Marks the current "bring" as followed (or deliberately left), so it never pulls again. */
	acknowledge() {
		if (this.arrival) remember(this.connection.workshopId, this.arrival.setAt);
		this.arrival = null;
	}

	bring(boardId: string, target: NonNullable<FollowState>['target']) {
		return this.connection.send(FOLLOW_EVENTS.bring, { boardId, target });
	}

	stop() {
		return this.connection.send(FOLLOW_EVENTS.stop, {});
	}

	destroy() {
		for (const stop of this.#stop) stop();
	}

	#receive(state: FollowState) {
		this.state = state;
		this.arrival = state && seen(this.connection.workshopId) !== state.setAt ? state : null;
	}
}

function seen(workshopId: string): number | null {
	try {
		const value = sessionStorage.getItem(SEEN_KEY + workshopId);
		return value ? Number(value) : null;
	} catch {
		return null;
	}
}

function remember(workshopId: string, setAt: number) {
	try {
		sessionStorage.setItem(SEEN_KEY + workshopId, String(setAt));
	} catch {
		// Private mode without storage: the person is led again after a reload, nothing worse.
	}
}
