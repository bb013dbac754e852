import type { FacilitationConnection } from './facilitation.svelte';
import { HANDS_EVENTS, type HandsJoinState, type HandsState, type RaisedHand } from './hands-contract';

/**
 * The raised hands of one workshop as the browser sees them: rebuilt from every (re)join, kept
 * current from `hands:state` broadcasts. Call `destroy()` when the component goes away.
 */
export class RaisedHands {
	raised = $state<RaisedHand[]>([]);
	selfId = $state<string | null>(null);
	pending = $state(false);
	/** Hands that went up in the latest broadcast, never in a join's snapshot: what is news. */
	newlyRaised = $state<RaisedHand[]>([]);
	#stops: (() => void)[];

	constructor(private readonly connection: FacilitationConnection) {
		this.#stops = [
			connection.onJoined((data) => {
				const hands = data.hands as HandsJoinState | undefined;
				this.raised = hands?.raised ?? [];
				this.selfId = hands?.selfId ?? null;
			}),
			connection.on<HandsState>(HANDS_EVENTS.state, (state) => {
				const before = new Set(this.raised.map((hand) => hand.personId));
				this.newlyRaised = state.raised.filter((hand) => !before.has(hand.personId));
				this.raised = state.raised;
			})
		];
	}

	get mineRaised(): boolean {
		return this.selfId !== null && this.raised.some((hand) => hand.personId === this.selfId);
	}

	async toggle(): Promise<boolean> {
		return this.#run(this.mineRaised ? HANDS_EVENTS.lower : HANDS_EVENTS.raise, {});
	}

	async lowerFor(personId: string): Promise<boolean> {
		return this.#run(HANDS_EVENTS.lowerFor, { personId });
	}

	async #run(event: string, payload: unknown): Promise<boolean> {
		this.pending = true;
		try {
			return (await this.connection.send(event, payload)).ok;
		} finally {
			this.pending = false;
		}
	}

	destroy() {
		for (const stop of this.#stops) stop();
	}
}
