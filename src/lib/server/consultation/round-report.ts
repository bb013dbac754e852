import type { Kysely } from 'kysely';
import { buildConsultationReport, type ConsultationReport } from '../../domain/consultation/report';
import type { DraftLanguage, StrategyDraft } from '../../domain/draft/model';
import type { Database } from '../db/schema';
import { loadRoundRemarks } from './remark-rows';

/**
 * The consultation report of a round, built from the database: the round, the section titles of
 * the version it was held on, and its remarks. Callers check membership first.
 */

/** Polish processes: the report's dates are Warsaw's. */
const REPORT_TIME_ZONE = 'Europe/Warsaw';

interface RoundForReport {
	id: string;
	title: string;
	opens_at: number;
	closes_at: number;
	version_number: number;
	model_json: string;
}

function roundsQuery(db: Kysely<Database>, processId: string) {
	return db
		.selectFrom('consultation_rounds')
		.innerJoin('draft_versions', 'draft_versions.id', 'consultation_rounds.draft_version_id')
		.select([
			'consultation_rounds.id',
			'consultation_rounds.title',
			'consultation_rounds.opens_at',
			'consultation_rounds.closes_at',
			'draft_versions.number as version_number',
			'draft_versions.model_json'
		])
		.where('consultation_rounds.process_id', '=', processId);
}

async function reportOf(db: Kysely<Database>, round: RoundForReport, anonymised: boolean, language: DraftLanguage): Promise<ConsultationReport> {
	const version = JSON.parse(round.model_json) as Pick<StrategyDraft, 'sections' | 'titlePage'>;
	return buildConsultationReport({
		round: { id: round.id, title: round.title, versionNumber: round.version_number, opensAt: round.opens_at, closesAt: round.closes_at },
		documentTitle: version.titlePage?.title ?? '',
		sections: (version.sections ?? []).map((section) => ({ id: section.id, title: section.title })),
		remarks: await loadRoundRemarks(db, round.id),
		anonymised,
		language,
		timeZone: REPORT_TIME_ZONE
	});
}

/** The report of one round of the process, or null when the process has no such round. */
export async function loadRoundReport(
	db: Kysely<Database>,
	processId: string,
	roundId: string,
	options: { anonymised: boolean; language: DraftLanguage }
): Promise<ConsultationReport | null> {
	const round = await roundsQuery(db, processId).where('consultation_rounds.id', '=', roundId).executeTakeFirst();
	return round ? reportOf(db, round, options.anonymised, options.language) : null;
}

/**
 * The anonymised reports for the consultation annex of the next draft version: every round of
 * the process that has closed by `now` (they are all held on earlier, saved versions, since a
 * round needs one), in the order they opened. A round still running has no report yet: a
 * version saved meanwhile would print half of one. A strategy draft is a public document, hence
 * anonymised. Saved versions keep the annex they were made with; it is never recomputed.
 */
export async function loadConsultationAnnexReports(db: Kysely<Database>, processId: string, language: DraftLanguage, now: number): Promise<ConsultationReport[]> {
	const rounds = await roundsQuery(db, processId)
		.where('consultation_rounds.closes_at', '<=', now)
		.orderBy('consultation_rounds.opens_at')
		.orderBy('consultation_rounds.created_at')
		.execute();
	const reports: ConsultationReport[] = [];
	for (const round of rounds) reports.push(await reportOf(db, round, true, language));
	return reports;
}
