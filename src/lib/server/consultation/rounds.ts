import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ANSWER_LIMITS, ROUND_AUDIENCES, type RoundAudience } from '../../domain/consultation/model';
import type { StrategyDraft } from '../../domain/draft/model';
import { wallClock } from '../process-forms';
import { generateSecureRandomString } from '../auth/tokens';
import type { Database } from '../db/schema';

/**
 * Consultation rounds as the process's facilitators create and list them. Form errors are codes
 * (`required`, `too_long`, …) the pages translate next to each field, like process-forms.ts.
 */

const emailSchema = z.email();

/**
 * The invitation textarea: addresses separated by new lines, commas, semicolons or spaces,
 * compared without case. Duplicates collapse silently; malformed ones are all named back, so a
 * facilitator pasting a list from a spreadsheet can fix every typo at once.
 */
export function parseInviteList(text: string): { emails: string[]; invalid: string[] } {
	const seen = new Set<string>();
	const invalid: string[] = [];
	for (const raw of text.split(/[\s,;]+/)) {
		const email = raw.trim().replace(/^<|>$/g, '').toLowerCase();
		if (!email) continue;
		if (email.length > 254 || !emailSchema.safeParse(email).success) invalid.push(raw.trim());
		else seen.add(email);
	}
	return { emails: [...seen], invalid };
}

export const roundFormSchema = z
	.object({
		versionNumber: z.coerce.number('version').int('version').min(1, 'version'),
		title: z.string('required').trim().min(1, 'required').max(ANSWER_LIMITS.title, 'too_long'),
		description: z.string().trim().max(ANSWER_LIMITS.description, 'too_long'),
		opensAt: wallClock,
		closesAt: wallClock,
		audience: z.enum(ROUND_AUDIENCES, 'audience'),
		anonymousAllowed: z.boolean(),
		// Bounded before parsing: 500 addresses of 254 characters at most, with separators.
		invites: z.string().max(ANSWER_LIMITS.invites * 256, 'too_many_invites')
	})
	.refine((r) => r.closesAt > r.opensAt, { path: ['closesAt'], message: 'close_before_open' })
	.transform((r, ctx) => {
		const { emails, invalid } = r.audience === 'invited' ? parseInviteList(r.invites) : { emails: [], invalid: [] };
		if (invalid.length > 0) ctx.addIssue({ code: 'custom', path: ['invites'], message: 'invite_email' });
		else if (emails.length > ANSWER_LIMITS.invites) ctx.addIssue({ code: 'custom', path: ['invites'], message: 'too_many_invites' });
		else if (r.audience === 'invited' && emails.length === 0) ctx.addIssue({ code: 'custom', path: ['invites'], message: 'invites_required' });
		return { ...r, invites: emails, invalidInvites: invalid };
	});

export type RoundForm = z.output<typeof roundFormSchema>;

/** Creates the round on saved version `versionNumber`; null when the process has no such version. */
export async function createRound(db: Kysely<Database>, processId: string, userId: string, form: RoundForm, now = Date.now()): Promise<string | null> {
	return db.transaction().execute(async (trx) => {
		const version = await trx
			.selectFrom('draft_versions')
			.select('id')
			.where('process_id', '=', processId)
			.where('number', '=', form.versionNumber)
			.executeTakeFirst();
		if (!version) return null;
		const id = crypto.randomUUID();
		await trx
			.insertInto('consultation_rounds')
			.values({
				id,
				process_id: processId,
				draft_version_id: version.id,
				title: form.title,
				description: form.description,
				opens_at: form.opensAt,
				closes_at: form.closesAt,
				audience: form.audience,
				anonymous_allowed: form.anonymousAllowed ? 1 : 0,
				link_token: generateSecureRandomString(),
				created_by: userId,
				created_at: now
			})
			.execute();
		if (form.invites.length > 0) {
			await trx
				.insertInto('consultation_invites')
				.values(form.invites.map((email) => ({ id: crypto.randomUUID(), round_id: id, email, token: generateSecureRandomString(), created_at: now })))
				.execute();
		}
		return id;
	});
}

/** The process's rounds, newest first, with how many remarks are answered (a merged duplicate counts with its answer). */
export async function listRounds(db: Kysely<Database>, processId: string): Promise<RoundSummary[]> {
	const rows = await db
		.selectFrom('consultation_rounds')
		.innerJoin('draft_versions', 'draft_versions.id', 'consultation_rounds.draft_version_id')
		.leftJoin('consultation_remarks', 'consultation_remarks.round_id', 'consultation_rounds.id')
		.select((eb) => [
			'consultation_rounds.id',
			'consultation_rounds.title',
			'consultation_rounds.opens_at',
			'consultation_rounds.closes_at',
			'consultation_rounds.audience',
			'draft_versions.number as version_number',
			eb.fn.count<number>('consultation_remarks.id').as('total'),
			eb.fn.count<number>('consultation_remarks.status').as('answered')
		])
		.where('consultation_rounds.process_id', '=', processId)
		.groupBy('consultation_rounds.id')
		.orderBy('consultation_rounds.created_at', 'desc')
		.execute();
	return rows.map((row) => ({
		id: row.id,
		title: row.title,
		opensAt: row.opens_at,
		closesAt: row.closes_at,
		audience: row.audience,
		versionNumber: row.version_number,
		total: Number(row.total),
		answered: Number(row.answered),
		unanswered: Number(row.total) - Number(row.answered)
	}));
}

/** One round of the process with its version's model and invitations; null for a round of another process. */
export async function getRound(db: Kysely<Database>, processId: string, roundId: string): Promise<RoundDetails | null> {
	const row = await db
		.selectFrom('consultation_rounds')
		.innerJoin('draft_versions', 'draft_versions.id', 'consultation_rounds.draft_version_id')
		.selectAll('consultation_rounds')
		.select(['draft_versions.number as version_number', 'draft_versions.model_json'])
		.where('consultation_rounds.id', '=', roundId)
		.where('consultation_rounds.process_id', '=', processId)
		.executeTakeFirst();
	if (!row) return null;
	const invites = await db.selectFrom('consultation_invites').select(['email', 'token']).where('round_id', '=', roundId).orderBy('email').execute();
	return {
		id: row.id,
		title: row.title,
		description: row.description,
		opensAt: row.opens_at,
		closesAt: row.closes_at,
		audience: row.audience,
		anonymousAllowed: row.anonymous_allowed === 1,
		linkToken: row.link_token,
		versionNumber: row.version_number,
		draft: JSON.parse(row.model_json) as StrategyDraft,
		invites
	};
}

export interface RoundSummary {
	id: string;
	title: string;
	opensAt: number;
	closesAt: number;
	audience: RoundAudience;
	versionNumber: number;
	total: number;
	answered: number;
	unanswered: number;
}

export interface RoundDetails {
	id: string;
	title: string;
	description: string;
	opensAt: number;
	closesAt: number;
	audience: RoundAudience;
	anonymousAllowed: boolean;
	linkToken: string;
	versionNumber: number;
	draft: StrategyDraft;
	invites: { email: string; token: string }[];
}
