import type { RosterEntry } from '../../realtime/contract';
import type { AuthSession } from '../auth/sessions';
import type { WorkshopRole } from '../access';
import { isSector } from '../../domain/sectors';
import { presenceOf } from '../collab/identity';

/**
 * Who is present in each workshop room, by connection. A person with two tabs open is listed
 * once; they leave the roster when their last connection closes.
 */
export class WorkshopRosters {
	#rooms = new Map<string, Map<string, RosterEntry>>();

	add(workshopId: string, connectionId: string, entry: RosterEntry): void {
		let room = this.#rooms.get(workshopId);
		if (!room) this.#rooms.set(workshopId, (room = new Map()));
		room.set(connectionId, entry);
	}

	/** Returns the workshops whose roster changed. */
	remove(connectionId: string): string[] {
		const changed: string[] = [];
		for (const [workshopId, room] of this.#rooms) {
			if (room.delete(connectionId)) changed.push(workshopId);
			if (room.size === 0) this.#rooms.delete(workshopId);
		}
		return changed;
	}

	list(workshopId: string): RosterEntry[] {
		const unique = new Map<string, RosterEntry>();
		for (const entry of this.#rooms.get(workshopId)?.values() ?? []) unique.set(entry.id, entry);
		const order: Record<WorkshopRole, number> = { facilitator: 0, participant: 1, observer: 2 };
		return [...unique.values()].sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name, 'pl'));
	}
}

/**
 * The roster line a session shows to others: the same server-side identity that board
 * presence carries, never what the client claims.
 */
export function rosterEntryFor(session: AuthSession, role: WorkshopRole): RosterEntry {
	const presence = presenceOf(session);
	return {
		id: presence.id,
		name: presence.name ?? '',
		institution: presence.institution,
		sector: isSector(presence.sector) ? presence.sector : null,
		role
	};
}
