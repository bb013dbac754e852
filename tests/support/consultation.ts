import { randomBytes, randomUUID } from 'node:crypto';
import { consolidateDraft } from '../../src/lib/domain/draft/consolidate';
import type { StrategyDraft } from '../../src/lib/domain/draft/model';
import type { RoundAudience } from '../../src/lib/domain/consultation/model';
import { fixtureProcess } from '../unit/fixtures/draft-process';
import { withDatabase } from './database';
import type { SeededWorkshop } from './seed';

export interface SeedRoundOptions {
	opensAt?: number;
	closesAt?: number;
	audience?: RoundAudience;
	anonymousAllowed?: boolean;
	/** Invited addresses (for audience 'invited'); each gets its own link token. */
	invites?: string[];
	title?: string;
}

export interface SeededRound {
	roundId: string;
	linkToken: string;
	versionNumber: number;
	/** Invite tokens by address. */
	inviteTokens: Record<string, string>;
	/** The version's model: seed 000's goals chapter, a tree, cards and a matrix (the unit fixture). */
	draft: StrategyDraft;
}

/**
 * Saves the unit fixture's draft as the process's next version and opens a round on it, straight
 * in the running server's SQLite file: open now for a day unless told otherwise.
 */
export async function seedConsultationRound(databasePath: string, seeded: SeededWorkshop, options: SeedRoundOptions = {}): Promise<SeededRound> {
	const now = Date.now();
	return withDatabase(databasePath, async (db) => {
		const last = await db.selectFrom('draft_versions').select((eb) => eb.fn.max('number').as('number')).where('process_id', '=', seeded.processId).executeTakeFirst();
		const versionNumber = (last?.number ?? 0) + 1;
		const consolidated = consolidateDraft(fixtureProcess().input);
		const draft: StrategyDraft = { ...consolidated, titlePage: { ...consolidated.titlePage, version: versionNumber } };
		const versionId = randomUUID();
		await db
			.insertInto('draft_versions')
			.values({ id: versionId, process_id: seeded.processId, number: versionNumber, model_json: JSON.stringify(draft), created_by: seeded.userId, created_at: now })
			.execute();
		const roundId = randomUUID();
		const linkToken = randomBytes(18).toString('base64url');
		await db
			.insertInto('consultation_rounds')
			.values({
				id: roundId,
				process_id: seeded.processId,
				draft_version_id: versionId,
				title: options.title ?? 'Konsultacje projektu strategii',
				description: 'Prosimy o uwagi do projektu do końca miesiąca.',
				opens_at: options.opensAt ?? now - 3600_000,
				closes_at: options.closesAt ?? now + 86400_000,
				audience: options.audience ?? 'link',
				anonymous_allowed: options.anonymousAllowed === false ? 0 : 1,
				link_token: linkToken,
				created_by: seeded.userId,
				created_at: now
			})
			.execute();
		const inviteTokens: Record<string, string> = {};
		for (const email of options.invites ?? []) {
			const token = randomBytes(18).toString('base64url');
			inviteTokens[email] = token;
			await db.insertInto('consultation_invites').values({ id: randomUUID(), round_id: roundId, email, token, created_at: now }).execute();
		}
		return { roundId, linkToken, versionNumber, inviteTokens, draft };
	});
}
