import { fail } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ANSWER_LIMITS } from '../../domain/consultation/model';
import { m } from '../../paraglide/messages';
import type { Database } from '../db/schema';
import { markChangeDone, undoChangeDone, type ChangeRefusal } from './changes';

/**
 * The draft page's "mark as done" and "undo" forms. Every field is checked here (a form can send
 * anything); a refusal comes back as a translated message and changes nothing.
 */
const remarkId = z.string().trim().min(1).max(100);
const doneForm = z.object({
	remarkId,
	// Length is checked after trimming, in markChangeDone; this only bounds what is read.
	note: z.string().max(ANSWER_LIMITS.changeNote * 2),
	changeTargetId: z
		.string()
		.max(300)
		.optional()
		.transform((value) => (value ? value : null))
});

const REFUSALS: Record<ChangeRefusal, { status: number; message: () => string }> = {
	'not-found': { status: 404, message: () => m.cchange_error_not_found() },
	'in-version': { status: 409, message: () => m.cchange_error_in_version() },
	'bad-target': { status: 400, message: () => m.cchange_error_bad_target() },
	'note-required': { status: 400, message: () => m.cchange_error_note_required() },
	'note-too-long': { status: 400, message: () => m.cchange_error_note_too_long({ max: ANSWER_LIMITS.changeNote }) }
};

function field(data: FormData, name: string): string | undefined {
	const value = data.get(name);
	return typeof value === 'string' ? value : undefined;
}

function refused(remarkId: string, refusal: ChangeRefusal) {
	const { status, message } = REFUSALS[refusal];
	return fail(status, { form: 'change' as const, remarkId, error: message() });
}

export async function markChangeAction(db: Kysely<Database>, processId: string, data: FormData) {
	const parsed = doneForm.safeParse({ remarkId: field(data, 'remarkId'), note: field(data, 'note') ?? '', changeTargetId: field(data, 'changeTargetId') });
	if (!parsed.success) {
		const tooLong = parsed.error.issues.some((issue) => issue.path[0] === 'note');
		return refused(field(data, 'remarkId') ?? '', tooLong ? 'note-too-long' : 'not-found');
	}
	const refusal = await markChangeDone(db, processId, { remarkId: parsed.data.remarkId, note: parsed.data.note, changeTargetId: parsed.data.changeTargetId });
	if (refusal) return refused(parsed.data.remarkId, refusal);
	return { form: 'change' as const, remarkId: parsed.data.remarkId, done: true };
}

export async function undoChangeAction(db: Kysely<Database>, processId: string, data: FormData) {
	const parsed = remarkId.safeParse(field(data, 'remarkId'));
	if (!parsed.success) return refused('', 'not-found');
	const refusal = await undoChangeDone(db, processId, parsed.data);
	if (refusal) return refused(parsed.data, refusal);
	return { form: 'change' as const, remarkId: parsed.data, done: false };
}
