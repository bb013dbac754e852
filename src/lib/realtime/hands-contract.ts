import { z } from 'zod';

/** Raised hands on the facilitation channel: events, payloads and the state every client shows. */
export const HANDS_EVENTS = {
	raise: 'hand:raise',
	lower: 'hand:lower',
	lowerFor: 'hand:lower-for',
	state: 'hands:state'
} as const;

export const handsCommandPayloads = {
	[HANDS_EVENTS.raise]: z.object({}).strict(),
	[HANDS_EVENTS.lower]: z.object({}).strict(),
	[HANDS_EVENTS.lowerFor]: z.object({ personId: z.string().min(1).max(100) }).strict()
} as const;

export interface RaisedHand {
	personId: string;
	name: string;
	/** Server time; the list is ordered by it, first raised first. */
	raisedAt: number;
}

/** Broadcast as `hands:state` after every change; also the join state under the key `hands`. */
export interface HandsState {
	raised: RaisedHand[];
}

/** The join acknowledgement's `hands` key: the state plus who this connection is. */
export interface HandsJoinState extends HandsState {
	selfId: string;
}
