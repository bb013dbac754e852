import type { RosterEntry } from '../../realtime/contract';
import type { AuthSession } from '../auth/sessions';
import type { WorkshopRole } from '../access';
import { isSector } from '../../domain/sectors';

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

/** The roster line a session shows to others: always from the server's records, never from the client. */
export function rosterEntryFor(session: AuthSession, role: WorkshopRole): RosterEntry {
	if (session.kind === 'user') {
		return { id: session.user.id, name: session.user.name, institution: null, sector: null, role };
	}
	if (session.kind === 'guest') {
		const { participant } = session;
		return {
			id: participant.id,
			name: participant.displayName,
			institution: participant.institution,
			sector: isSector(participant.sector) ? participant.sector : null,
			role
		};
	}
	return { id: `observer:${session.id}`, name: '', institution: null, sector: null, role };
}
