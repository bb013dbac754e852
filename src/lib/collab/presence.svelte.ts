import type { Awareness } from 'y-protocols/awareness';
import { createSubscriber } from 'svelte/reactivity';

export type PresenceRole = 'facilitator' | 'participant' | 'observer';

export interface PresentPerson {
	/** Awareness client id of one of the person's tabs. */
	clientId: number;
	/** Empty for observers, who join without a name. */
	name: string;
	role: PresenceRole;
	institution: string | null;
	isSelf: boolean;
}

const ROLES: readonly string[] = ['facilitator', 'participant', 'observer'];

/**
 * Who is on the board, from awareness. Only the `user` field the server stamps is believed (a
 * client cannot pose as someone else); states without it are not shown. One entry per person
 * even when they have the board open in two tabs.
 */
export class BoardPresence {
	#awareness: Awareness;
	#self: { name: string; role: PresenceRole };
	#subscribe: () => void;

	constructor(awareness: Awareness, self: { name: string; role: PresenceRole }) {
		this.#awareness = awareness;
		this.#self = self;
		this.#subscribe = createSubscriber((update) => {
			awareness.on('change', update);
			return () => awareness.off('change', update);
		});
	}

	get people(): PresentPerson[] {
		this.#subscribe();
		const selfId = this.#awareness.clientID;
		const people: PresentPerson[] = [{ clientId: selfId, ...this.#self, institution: null, isSelf: true }];
		// The server's stable person id: two tabs of one person make one entry.
		const seen = new Set<string>();
		const others = [...this.#awareness.getStates().entries()]
			.filter(([clientId]) => clientId !== selfId)
			.sort(([a], [b]) => a - b);
		for (const [clientId, state] of others) {
			const user = readStampedUser(state);
			if (!user) continue;
			// Our own state never comes back stamped, so our other tabs are recognised by name.
			if (user.role === this.#self.role && user.name === this.#self.name) continue;
			const key = user.id ?? `${user.role}\u0000${user.name}`;
			if (seen.has(key)) continue;
			seen.add(key);
			people.push({ clientId, name: user.name, role: user.role, institution: user.institution, isSelf: false });
		}
		return people;
	}

	/** A field other clients publish (e.g. what they are dragging), keyed by client id. */
	othersField(field: string): Map<number, unknown> {
		this.#subscribe();
		const values = new Map<number, unknown>();
		for (const [clientId, state] of this.#awareness.getStates()) {
			if (clientId !== this.#awareness.clientID && state && field in state) values.set(clientId, state[field]);
		}
		return values;
	}
}

function readStampedUser(state: Record<string, unknown>): (Omit<PresentPerson, 'clientId' | 'isSelf'> & { id: string | null }) | null {
	const user = state?.user as Record<string, unknown> | undefined;
	if (!user || typeof user !== 'object') return null;
	if (typeof user.role !== 'string' || !ROLES.includes(user.role)) return null;
	const name = typeof user.name === 'string' ? user.name.trim().slice(0, 80) : '';
	if (!name && user.role !== 'observer') return null;
	return {
		id: typeof user.id === 'string' && user.id ? user.id : null,
		name,
		role: user.role as PresenceRole,
		institution: typeof user.institution === 'string' && user.institution ? user.institution.slice(0, 120) : null
	};
}
