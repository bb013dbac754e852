import type { Kysely, Selectable, Transaction } from 'kysely';
import type { StrategyDraft } from '../../domain/draft/model';
import type { ConsultationRespondentTable, ConsultationRoundTable, Database } from '../db/schema';
import { generateSecureRandomString, hashSecret, secretMatches } from '../auth/tokens';

/**
 * The respondent's side of a round, without accounts: a link token opens the round, and a
 * receipt token `id.secret` (only SHA-256 of the secret stored, like sessions) brings a
 * respondent's own remarks back. Neither grants anything outside its round.
 */

/** Not the app session's cookie: it is scoped to `/c/<token>` and means nothing elsewhere. */
export const RECEIPT_COOKIE = 'narada_consultation_receipt';

export type RoundRow = Selectable<ConsultationRoundTable>;
export type RespondentRow = Selectable<ConsultationRespondentTable>;

export interface RoundAccess {
	round: RoundRow;
	/** The invitation whose link was used; null for the public link. */
	inviteId: string | null;
	/** The token in the address, the unit the per-link rate limit counts. */
	token: string;
}

// Tokens are base64url; anything else is not worth a query.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * A link token → its round: the public token only while the round is open to anyone with the
 * link, an invitation's token only for its own round. Anything else is null (the page says 404).
 */
export async function resolveRoundToken(db: Kysely<Database>, token: string): Promise<RoundAccess | null> {
	if (!TOKEN_SHAPE.test(token)) return null;
	const publicRound = await db.selectFrom('consultation_rounds').selectAll().where('link_token', '=', token).executeTakeFirst();
	if (publicRound) return publicRound.audience === 'link' ? { round: publicRound, inviteId: null, token } : null;
	const invite = await db.selectFrom('consultation_invites').select(['id', 'round_id']).where('token', '=', token).executeTakeFirst();
	if (!invite) return null;
	const round = await db.selectFrom('consultation_rounds').selectAll().where('id', '=', invite.round_id).executeTakeFirst();
	return round ? { round, inviteId: invite.id, token } : null;
}

/** The round's draft version, as saved (versions never change). */
export async function loadRoundDraft(db: Kysely<Database>, round: RoundRow): Promise<StrategyDraft> {
	const row = await db.selectFrom('draft_versions').select('model_json').where('id', '=', round.draft_version_id).executeTakeFirstOrThrow();
	return JSON.parse(row.model_json) as StrategyDraft;
}

export interface RespondentIdentity {
	name: string;
	institution: string;
	sector: string | null;
}

/** Creates a respondent of a round; returns its receipt token `id.secret` (shown once, kept in a cookie). */
export async function createRespondent(
	db: Kysely<Database> | Transaction<Database>,
	access: RoundAccess,
	identity: RespondentIdentity,
	now: number
): Promise<{ id: string; receipt: string }> {
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	await db
		.insertInto('consultation_respondents')
		.values({
			id,
			round_id: access.round.id,
			invite_id: access.inviteId,
			secret_hash: hashSecret(secret),
			name: identity.name,
			institution: identity.institution,
			sector: identity.sector,
			created_at: now
		})
		.execute();
	return { id, receipt: `${id}.${secret}` };
}

/** The respondent a receipt names, only within this round; a wrong or foreign receipt is null. */
export async function findRespondent(db: Kysely<Database>, roundId: string, receipt: string | undefined | null): Promise<RespondentRow | null> {
	if (!receipt || receipt.length > 100) return null;
	const [id, secret, extra] = receipt.split('.');
	if (!id || !secret || extra !== undefined) return null;
	const row = await db.selectFrom('consultation_respondents').selectAll().where('id', '=', id).where('round_id', '=', roundId).executeTakeFirst();
	return row && secretMatches(secret, row.secret_hash) ? row : null;
}

/** "Delete my data": the respondent's row goes, and their remarks with it (the foreign key cascades). */
export async function deleteRespondent(db: Kysely<Database>, respondentId: string): Promise<number> {
	const removed = await db.selectFrom('consultation_remarks').select((eb) => eb.fn.countAll<number>().as('n')).where('respondent_id', '=', respondentId).executeTakeFirst();
	await db.deleteFrom('consultation_respondents').where('id', '=', respondentId).execute();
	return Number(removed?.n ?? 0);
}
