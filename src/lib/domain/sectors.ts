/** Sectors a participant picks when joining; the roster counts people by these. */
export const SECTORS = [
	'social_assistance',
	'labour_market',
	'education',
	'health',
	'police',
	'courts',
	'culture',
	'ngo',
	'social_economy',
	'local_government',
	'other'
] as const;

export type Sector = (typeof SECTORS)[number];

export function isSector(value: unknown): value is Sector {
	return typeof value === 'string' && (SECTORS as readonly string[]).includes(value);
}
