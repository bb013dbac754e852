/**
 * The board kinds a facilitator can create. Each kind has its own folder under
 * lib/domain/<kind> (Yjs schema) and lib/components/<kind> (its view); later issues add kinds here.
 */
export const BOARD_KINDS = ['ideas-wall'] as const;

export type BoardKind = (typeof BOARD_KINDS)[number];

export function isBoardKind(value: unknown): value is BoardKind {
	return typeof value === 'string' && (BOARD_KINDS as readonly string[]).includes(value);
}
