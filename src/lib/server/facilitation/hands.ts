import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { HANDS_EVENTS, handsCommandPayloads, type HandsState, type RaisedHand } from '../../realtime/hands-contract';
import { EVERY_EDITOR, FACILITATOR_ONLY, defineCommand, type CommandActor, type FacilitationFeature, type FacilitationOutbox } from './feature';
import { rosterEntryFor } from './roster';
import { appendWorkshopLog } from './workshop-log';

/**
 * Raised hands as a facilitation feature. Held in memory per workshop: a hand is a live signal
 * ("I want to speak now"), so losing it on a server restart or when its owner leaves is right.
 * Everyone lowers only their own hand; the facilitator may lower anyone's, which the workshop
 * log records like every facilitator action.
 */
export function handsFeature(db: Kysely<Database>, outbox: FacilitationOutbox, clock: () => number = Date.now): FacilitationFeature {
	const workshops = new Map<string, Map<string, RaisedHand>>();

	function handsOf(workshopId: string): Map<string, RaisedHand> {
		let hands = workshops.get(workshopId);
		if (!hands) workshops.set(workshopId, (hands = new Map()));
		return hands;
	}

	function stateOf(workshopId: string): HandsState {
		const raised = [...(workshops.get(workshopId)?.values() ?? [])].sort((a, b) => a.raisedAt - b.raisedAt);
		return { raised };
	}

	function lower(workshopId: string, personId: string): boolean {
		const hands = workshops.get(workshopId);
		if (!hands?.delete(personId)) return false;
		if (hands.size === 0) workshops.delete(workshopId);
		outbox.toWorkshop(workshopId, HANDS_EVENTS.state, stateOf(workshopId));
		return true;
	}

	const raise = async (actor: CommandActor) => {
		const hands = handsOf(actor.workshopId);
		// Raising twice keeps the first place in the queue.
		if (!hands.has(actor.personId)) {
			const name = rosterEntryFor(actor.session, actor.role).name;
			hands.set(actor.personId, { personId: actor.personId, name, raisedAt: clock() });
			outbox.toWorkshop(actor.workshopId, HANDS_EVENTS.state, stateOf(actor.workshopId));
		}
		return { ok: true } as const;
	};

	return {
		commands: {
			[HANDS_EVENTS.raise]: defineCommand(handsCommandPayloads[HANDS_EVENTS.raise], EVERY_EDITOR, raise),
			[HANDS_EVENTS.lower]: defineCommand(handsCommandPayloads[HANDS_EVENTS.lower], EVERY_EDITOR, async (actor) => {
				lower(actor.workshopId, actor.personId);
				return { ok: true };
			}),
			[HANDS_EVENTS.lowerFor]: defineCommand(handsCommandPayloads[HANDS_EVENTS.lowerFor], FACILITATOR_ONLY, async (actor, { personId }) => {
				if (!lower(actor.workshopId, personId)) return { ok: false, error: 'not-found' };
				await appendWorkshopLog(db, { workshopId: actor.workshopId, actor: actor.personId, action: HANDS_EVENTS.lowerFor, detail: { personId }, at: clock() });
				return { ok: true };
			})
		},
		joinState: async (actor) => ({ hands: { ...stateOf(actor.workshopId), selfId: actor.personId } }),
		left: (actor, stillPresent) => {
			if (!stillPresent) lower(actor.workshopId, actor.personId);
		}
	};
}
