import { z } from 'zod';

/**
 * "Follow me": the facilitator brings everyone to a board, optionally to one piece of it. The
 * target kinds are the board pages' own link parameters (?box=, ?item=, ?card=, ?row=, ?cell=).
 */
export const FOLLOW_EVENTS = {
	bring: 'follow:bring',
	stop: 'follow:stop',
	state: 'follow:state'
} as const;

export const FOLLOW_TARGET_KINDS = ['box', 'item', 'card', 'cell', 'row'] as const;
export type FollowTargetKind = (typeof FOLLOW_TARGET_KINDS)[number];

export const followPayloads = {
	[FOLLOW_EVENTS.bring]: z
		.object({
			boardId: z.string().uuid(),
			target: z.object({ kind: z.enum(FOLLOW_TARGET_KINDS), id: z.string().min(1).max(200) }).strict().nullable()
		})
		.strict(),
	[FOLLOW_EVENTS.stop]: z.object({}).strict()
} as const;

/** Null when nobody is being led anywhere. `setAt` tells a new "bring" from the same one resent. */
export type FollowState = {
	boardId: string;
	boardTitle: string;
	target: { kind: FollowTargetKind; id: string } | null;
	setAt: number;
} | null;

/** The board page address a follow state leads to. */
export function followHref(state: NonNullable<FollowState>, workshopId: string, extra: Record<string, string> = {}): string {
	const params = new URLSearchParams({ w: workshopId, ...extra });
	if (state.target) params.set(state.target.kind, state.target.id);
	return `/boards/${state.boardId}?${params}`;
}
