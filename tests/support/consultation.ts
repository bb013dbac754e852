import { randomBytes, randomUUID } from 'node:crypto';
import { consolidateDraft } from '../../src/lib/domain/draft/consolidate';
import type { StrategyDraft } from '../../src/lib/domain/draft/model';
import type { RemarkStatus, RemarkTargetKind, RoundAudience } from '../../src/lib/domain/consultation/model';
import { fixtureProcess } from '../unit/fixtures/draft-process';
import { withDatabase, type TestDb } from './database';
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

export interface RemarkSeed {
	content: string;
	/** Default: the goals chapter, the remark on the whole section. */
	sectionId?: string;
	targetKind?: RemarkTargetKind;
	targetId?: string;
	targetLabel?: string;
	/** The respondent (one per remark): "Osoba N" of MOPS, NGO sector unless told. */
	name?: string;
	institution?: string;
	sector?: string | null;
	anonymous?: boolean;
	status?: RemarkStatus | null;
	answer?: string;
	/** Index, in this list, of the remark this one was merged into. */
	duplicateOf?: number;
}

let respondentCount = 0;

/**
 * Remarks written straight into the tables, as the respondents' and facilitators' pages would
 * leave them: one respondent each, numbered after the round's last remark. Returns their ids.
 */
export async function seedRemarks(db: TestDb, roundId: string, remarks: RemarkSeed[]): Promise<string[]> {
	const last = await db.selectFrom('consultation_remarks').select((eb) => eb.fn.max('number').as('number')).where('round_id', '=', roundId).executeTakeFirst();
	const first = (last?.number ?? 0) + 1;
	const now = Date.now();
	const ids: string[] = [];
	for (const [index, remark] of remarks.entries()) {
		const respondentId = randomUUID();
		await db
			.insertInto('consultation_respondents')
			.values({
				id: respondentId,
				round_id: roundId,
				invite_id: null,
				secret_hash: new Uint8Array(32),
				name: remark.name ?? `Osoba ${++respondentCount}`,
				institution: remark.institution ?? 'MOPS',
				sector: remark.sector === undefined ? 'ngo' : remark.sector,
				created_at: now
			})
			.execute();
		const id = randomUUID();
		ids.push(id);
		const sectionId = remark.sectionId ?? 'goals';
		await db
			.insertInto('consultation_remarks')
			.values({
				id,
				round_id: roundId,
				respondent_id: respondentId,
				number: first + index,
				section_id: sectionId,
				target_kind: remark.targetKind ?? 'section',
				target_id: remark.targetId ?? sectionId,
				target_label: remark.targetLabel ?? sectionId,
				content: remark.content,
				proposed_wording: '',
				justification: '',
				change_note: '',
				anonymous: remark.anonymous ? 1 : 0,
				created_at: now + index,
				updated_at: now + index,
				status: remark.status ?? null,
				answer: remark.answer ?? '',
				duplicate_of: remark.duplicateOf === undefined ? null : ids[remark.duplicateOf]
			})
			.execute();
	}
	return ids;
}
