import type { BoardConnection } from '$lib/collab/board-connection.svelte';
import { BoardPresence, type PresenceRole } from '$lib/collab/presence.svelte';

/** Placeholder until the cards view lands: the board page's contract (constructor and presence). */
export class InactionCardsState {
	readonly presence: BoardPresence;
	constructor(connection: BoardConnection, me: { name: string; role: PresenceRole }) {
		this.presence = new BoardPresence(connection.awareness, me);
	}
}
