import type { Kysely } from 'kysely';
import type { Database } from './db/schema';

/**
 * The institutions of a strategy process (podmioty zaangażowane): names typed once on any goals
 * board of the process, plus the institutions participants gave when they joined its workshops,
 * offered as suggestions wherever entities are filled in. Names differing only in case or
 * spacing are one institution: the list is for picking, and "MOPS w Piszu" twice would split
 * the action tables.
 */
export const INSTITUTION_NAME_MAX = 300;
/** Bounds what one process may store through the endpoint, far above a county's real list. */
export const INSTITUTIONS_MAX = 2000;

const collator = new Intl.Collator('pl');

/** Sorted the Polish way (Ł after L, Ś after S), each institution once. */
export async function listInstitutions(db: Kysely<Database>, processId: string): Promise<string[]> {
	return [...(await readInstitutions(db, processId)).values()].sort(collator.compare);
}

/**
 * Adds a name to the process's list. A name the list already has (ignoring case and spacing,
 * participants' institutions included) is not stored again and counts as success: two people
 * adding "Policja" at once both get what they wanted.
 */
export async function addInstitution(
	db: Kysely<Database>,
	processId: string,
	name: string,
	userId: string | null,
	now = Date.now()
): Promise<AddInstitutionOutcome> {
	const display = normaliseInstitutionName(name);
	if (display === '') return { ok: false, reason: 'empty' };
	if (display.length > INSTITUTION_NAME_MAX) return { ok: false, reason: 'too-long' };
	// One transaction, so the bound holds and no name is stored twice when many add at once.
	return db.transaction().execute(async (trx): Promise<AddInstitutionOutcome> => {
		if ((await readInstitutions(trx, processId)).has(institutionKey(display))) return { ok: true };
		const { stored } = await trx
			.selectFrom('process_institutions')
			.select((eb) => eb.fn.countAll<number>().as('stored'))
			.where('process_id', '=', processId)
			.executeTakeFirstOrThrow();
		if (stored >= INSTITUTIONS_MAX) return { ok: false, reason: 'too-many' };
		await trx
			.insertInto('process_institutions')
			.values({ process_id: processId, name: display, created_by: userId, created_at: now })
			.onConflict((conflict) => conflict.doNothing())
			.execute();
		return { ok: true };
	});
}

/** Display name by comparison key; stored names first, so a facilitator's spelling wins over a participant's. */
async function readInstitutions(db: Kysely<Database>, processId: string): Promise<Map<string, string>> {
	const stored = await db.selectFrom('process_institutions').select('name').where('process_id', '=', processId).orderBy('created_at').execute();
	const fromParticipants = await db
		.selectFrom('participants')
		.innerJoin('workshops', 'workshops.id', 'participants.workshop_id')
		.select('participants.institution as name')
		.distinct()
		.where('workshops.process_id', '=', processId)
		.where('participants.removed_at', 'is', null)
		.execute();
	const byKey = new Map<string, string>();
	for (const { name } of [...stored, ...fromParticipants]) {
		const display = normaliseInstitutionName(name);
		if (display === '') continue;
		const key = institutionKey(display);
		if (!byKey.has(key)) byKey.set(key, display);
	}
	return byKey;
}

/** Trimmed, inner whitespace runs collapsed to one space, in one Unicode form. */
export function normaliseInstitutionName(name: string): string {
	return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function institutionKey(normalisedName: string): string {
	return normalisedName.toLocaleLowerCase('pl');
}

export type AddInstitutionOutcome = { ok: true } | { ok: false; reason: InstitutionRefusal };

/** empty / too-long: the name itself; too-many: the process already has INSTITUTIONS_MAX. */
export type InstitutionRefusal = 'empty' | 'too-long' | 'too-many';
