import type { Kysely } from 'kysely';
import { z } from 'zod';
import { REMARK_LIMITS, roundPhase, type RemarkTargetKind } from '../../domain/consultation/model';
import { findRemarkTarget } from '../../domain/consultation/targets';
import { SECTORS } from '../../domain/sectors';
import type { Database } from '../db/schema';
import { remarkRateLimits } from './remark-limits';
import { createRespondent, deleteRespondent, loadRoundDraft, type RespondentIdentity, type RespondentRow, type RoundAccess } from './respondents';
import { publishRoundChange } from './round-events';

/**
 * A respondent writing, editing and deleting their own remarks. Every write checks the round's
 * phase on the server clock (open iff opensAt <= now < closesAt), the sizes, the number of
 * remarks per respondent and the rate limits, in that order, before it touches anything; a
 * refused write changes nothing. Other respondents' remarks are invisible here: every query is
 * narrowed to the respondent the receipt names.
 */

export interface RemarkInput {
	content: string;
	proposedWording: string;
	justification: string;
	/** Ticked "anonymous" in a round that allows it; always false where it does not. */
	anonymous: boolean;
	identity: RespondentIdentity;
}

const optionalText = (max: number) => z.string().trim().max(max, 'too_long').default('');

const remarkSchema = z.object({
	content: z.string('required').trim().min(1, 'required').max(REMARK_LIMITS.content, 'too_long'),
	proposedWording: optionalText(REMARK_LIMITS.proposedWording),
	justification: optionalText(REMARK_LIMITS.justification),
	anonymous: z.enum(['on', '']).default(''),
	name: optionalText(REMARK_LIMITS.name),
	institution: optionalText(REMARK_LIMITS.institution),
	sector: z.enum([...SECTORS, ''], 'sector').default('')
});

export type FieldErrors = Record<string, string>;

const FIELDS = ['content', 'proposedWording', 'justification', 'anonymous', 'name', 'institution', 'sector'] as const;

/** The form's fields as typed (strings only, cut to a sane length), to show them again after a refusal. */
export function remarkFormValues(data: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const field of [...FIELDS, 'target', 'remarkId'] as const) {
		const value = data.get(field);
		if (typeof value === 'string') values[field] = value.slice(0, 20_000);
	}
	return values;
}

/** Validates a remark form; who you are is required unless the round allows anonymity and it is ticked. */
export function parseRemarkForm(values: Record<string, string>, anonymousAllowed: boolean): { ok: true; input: RemarkInput } | { ok: false; errors: FieldErrors } {
	const parsed = remarkSchema.safeParse(Object.fromEntries(FIELDS.filter((f) => f in values).map((f) => [f, values[f]])));
	const errors: FieldErrors = {};
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const field = String(issue.path[0] ?? 'form');
			errors[field] ??= issue.message === 'too_long' || issue.message === 'required' || issue.message === 'sector' ? issue.message : 'invalid';
		}
		return { ok: false, errors };
	}
	const data = parsed.data;
	const anonymous = anonymousAllowed && data.anonymous === 'on';
	if (!anonymous) {
		if (!data.name) errors.name = 'required';
		if (!data.institution) errors.institution = 'required';
		if (!data.sector) errors.sector = 'required';
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		input: {
			content: data.content,
			proposedWording: data.proposedWording,
			justification: data.justification,
			anonymous,
			identity: { name: data.name, institution: data.institution, sector: data.sector || null }
		}
	};
}

export type RemarkRefusal =
	| { ok: false; error: 'not_open' | 'target' | 'too_many' | 'not_found' }
	| { ok: false; error: 'rate_limited'; retryAfterSeconds: number };

/** Outside the open phase (server clock) nothing is written. */
export function notOpen(access: RoundAccess, now: number): RemarkRefusal | null {
	return roundPhase({ opensAt: access.round.opens_at, closesAt: access.round.closes_at }, now) === 'open' ? null : { ok: false, error: 'not_open' };
}

function rateLimited(address: string, access: RoundAccess, now: number): RemarkRefusal | null {
	const decision = remarkRateLimits().check(address, access.token, now);
	return decision.allowed ? null : { ok: false, error: 'rate_limited', retryAfterSeconds: decision.retryAfterSeconds };
}

export interface WriteContext {
	db: Kysely<Database>;
	access: RoundAccess;
	/** The respondent the receipt cookie names; null before their first remark. */
	respondent: RespondentRow | null;
	address: string;
	now?: number;
}

/**
 * A new remark on a target of the round's draft, numbered max+1 in the insert's transaction.
 * The first remark creates the respondent and returns their receipt token.
 */
export async function addRemark(
	{ db, access, respondent, address, now = Date.now() }: WriteContext,
	targetId: string,
	input: RemarkInput
): Promise<{ ok: true; number: number; receipt: string | null } | RemarkRefusal> {
	const closed = notOpen(access, now);
	if (closed) return closed;
	const target = findRemarkTarget(await loadRoundDraft(db, access.round), targetId);
	if (!target) return { ok: false, error: 'target' };
	const limited = rateLimited(address, access, now);
	if (limited) return limited;

	const result = await db.transaction().execute(async (trx) => {
		let respondentId = respondent?.id ?? null;
		let receipt: string | null = null;
		if (respondentId) {
			const count = await trx.selectFrom('consultation_remarks').select((eb) => eb.fn.countAll<number>().as('n')).where('respondent_id', '=', respondentId).executeTakeFirst();
			if (Number(count?.n ?? 0) >= REMARK_LIMITS.perRespondent) return null;
			if (!input.anonymous) await updateIdentity(trx, respondentId, input.identity);
		} else {
			const created = await createRespondent(trx, access, input.anonymous ? { name: '', institution: '', sector: null } : input.identity, now);
			respondentId = created.id;
			receipt = created.receipt;
		}
		// max+1 over the numbers ever given (the round keeps the last one), so a deleted remark's number stays retired.
		const last = await trx.selectFrom('consultation_remarks').select((eb) => eb.fn.max('number').as('number')).where('round_id', '=', access.round.id).executeTakeFirst();
		const given = await trx.selectFrom('consultation_rounds').select('last_remark_number').where('id', '=', access.round.id).executeTakeFirstOrThrow();
		const number = Math.max(last?.number ?? 0, given.last_remark_number) + 1;
		await trx.updateTable('consultation_rounds').set({ last_remark_number: number }).where('id', '=', access.round.id).execute();
		await trx
			.insertInto('consultation_remarks')
			.values({
				id: crypto.randomUUID(),
				round_id: access.round.id,
				respondent_id: respondentId,
				number,
				section_id: target.sectionId,
				target_kind: target.kind satisfies RemarkTargetKind,
				target_id: target.id,
				target_label: target.label,
				content: input.content,
				proposed_wording: input.proposedWording,
				justification: input.justification,
				anonymous: input.anonymous ? 1 : 0,
				answer: '',
				change_note: '',
				created_at: now,
				updated_at: now
			})
			.execute();
		return { number, receipt };
	});
	if (!result) return { ok: false, error: 'too_many' };
	remarkRateLimits().record(address, access.token, now);
	publishRoundChange(access.round.id);
	return { ok: true, ...result };
}

/** Changes one's own remark (its target stays). Someone else's remark id is "not found". */
export async function editRemark(
	{ db, access, respondent, address, now = Date.now() }: WriteContext,
	remarkId: string,
	input: RemarkInput
): Promise<{ ok: true; number: number } | RemarkRefusal> {
	const closed = notOpen(access, now);
	if (closed) return closed;
	const own = respondent ? await findOwnRemark(db, access.round.id, respondent.id, remarkId) : null;
	if (!respondent || !own) return { ok: false, error: 'not_found' };
	const limited = rateLimited(address, access, now);
	if (limited) return limited;
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('consultation_remarks')
			.set({ content: input.content, proposed_wording: input.proposedWording, justification: input.justification, anonymous: input.anonymous ? 1 : 0, updated_at: now })
			.where('id', '=', own.id)
			.where('respondent_id', '=', respondent.id)
			.execute();
		if (!input.anonymous) await updateIdentity(trx, respondent.id, input.identity);
	});
	remarkRateLimits().record(address, access.token, now);
	publishRoundChange(access.round.id);
	return { ok: true, number: own.number };
}

/** Deletes one's own remark; its number is never reused. */
export async function deleteRemark({ db, access, respondent, now = Date.now() }: WriteContext, remarkId: string): Promise<{ ok: true; number: number } | RemarkRefusal> {
	const closed = notOpen(access, now);
	if (closed) return closed;
	const own = respondent ? await findOwnRemark(db, access.round.id, respondent.id, remarkId) : null;
	if (!respondent || !own) return { ok: false, error: 'not_found' };
	await db.deleteFrom('consultation_remarks').where('id', '=', own.id).where('respondent_id', '=', respondent.id).execute();
	publishRoundChange(access.round.id);
	return { ok: true, number: own.number };
}

export interface OwnRemark {
	id: string;
	number: number;
	sectionId: string;
	targetId: string;
	targetLabel: string;
	content: string;
	proposedWording: string;
	justification: string;
	anonymous: boolean;
	updatedAt: number;
}

/** The respondent's own remarks, in number order: all a receipt ever shows. */
export async function listOwnRemarks(db: Kysely<Database>, roundId: string, respondentId: string): Promise<OwnRemark[]> {
	const rows = await db
		.selectFrom('consultation_remarks')
		.select(['id', 'number', 'section_id', 'target_id', 'target_label', 'content', 'proposed_wording', 'justification', 'anonymous', 'updated_at'])
		.where('round_id', '=', roundId)
		.where('respondent_id', '=', respondentId)
		.orderBy('number')
		.execute();
	return rows.map((row) => ({
		id: row.id,
		number: row.number,
		sectionId: row.section_id,
		targetId: row.target_id,
		targetLabel: row.target_label,
		content: row.content,
		proposedWording: row.proposed_wording,
		justification: row.justification,
		anonymous: row.anonymous === 1,
		updatedAt: row.updated_at
	}));
}

async function findOwnRemark(db: Kysely<Database>, roundId: string, respondentId: string, remarkId: string) {
	if (remarkId.length === 0 || remarkId.length > 100) return undefined;
	return db
		.selectFrom('consultation_remarks')
		.select(['id', 'number'])
		.where('id', '=', remarkId)
		.where('round_id', '=', roundId)
		.where('respondent_id', '=', respondentId)
		.executeTakeFirst();
}

/** Who signed remarks are from: one identity per respondent, the latest given. */
async function updateIdentity(db: Kysely<Database>, respondentId: string, identity: RespondentIdentity): Promise<void> {
	await db.updateTable('consultation_respondents').set({ name: identity.name, institution: identity.institution, sector: identity.sector }).where('id', '=', respondentId).execute();
}

/** "Delete my data": the respondent and all their remarks, while the round is open. */
export async function forgetRespondent({ db, access, respondent, now = Date.now() }: WriteContext): Promise<{ ok: true; removed: number } | RemarkRefusal> {
	const closed = notOpen(access, now);
	if (closed) return closed;
	if (!respondent) return { ok: false, error: 'not_found' };
	const removed = await deleteRespondent(db, respondent.id);
	publishRoundChange(access.round.id);
	return { ok: true, removed };
}
