import type { DraftLanguage } from '../draft/model';
import { SECTORS, type Sector } from '../sectors';
import { utcToWallClock } from '../workshop-time';
import { REMARK_STATUSES, type ConsultationRemark, type RemarkAuthor, type RemarkStatus } from './model';
import { consultationReportLabels, type ConsultationReportLabels } from './report-labels';

/**
 * The consultation report (raport z konsultacji) of one round: every remark with its answer, and
 * the counts the act asks to publish. Pure, and plain data only: a draft version stores it as
 * its consultation annex, so it holds the words already resolved in the document's language and
 * renders the same every time. Remark text stays as typed; each renderer escapes it for its format.
 */

export interface ConsultationReportInput {
	round: { id: string; title: string; versionNumber: number; opensAt: number; closesAt: number };
	/** The strategy's title as the version's title page gives it. */
	documentTitle?: string;
	/** The version's sections in document order, to name the part each remark is about. */
	sections: ReadonlyArray<{ id: string; title: string }>;
	/** The round's remarks (loadRoundRemarks), in number order. */
	remarks: readonly ConsultationRemark[];
	/**
	 * No personal names at all: a name is personal data, while the institution a respondent spoke
	 * for and its sector are not about a person and are what readers of a public report need
	 * (and what the sector counts rest on), so those two stay.
	 */
	anonymised: boolean;
	language: DraftLanguage;
	timeZone?: string;
}

export interface ConsultationReportRow {
	number: number;
	/** "4. Cele strategiczne i kierunki działań". */
	section: string;
	target: string;
	author: string;
	content: string;
	proposedWording: string;
	justification: string;
	/** The remark's own status, or for a merged duplicate its main remark's. */
	status: RemarkStatus | null;
	statusLabel: string;
	/** The answer's justification; a duplicate's starts with "zob. uwaga nr X". */
	answer: string;
	/** Number of the remark a duplicate was merged into. */
	duplicateOf: number | null;
}

export type ReportStatusKey = RemarkStatus | 'none';
export type ReportSectorKey = Sector | 'none';

export interface ReportCount<K extends string> {
	key: K;
	label: string;
	count: number;
}

export interface ConsultationReport {
	language: DraftLanguage;
	roundId: string;
	roundTitle: string;
	/** '' when not known. */
	documentTitle: string;
	versionNumber: number;
	/** Warsaw wall-clock times, "2026-05-04 09:00". */
	opensAt: string;
	closesAt: string;
	anonymised: boolean;
	rows: ConsultationReportRow[];
	/** Every status and "bez odpowiedzi", zeros included, in that order. */
	byStatus: ReportCount<ReportStatusKey>[];
	/** Sectors that sent remarks in SECTORS order, then "nie podano". */
	bySector: ReportCount<ReportSectorKey>[];
	totals: { remarks: number; answered: number; duplicates: number };
}

export function buildConsultationReport(input: ConsultationReportInput): ConsultationReport {
	const labels = consultationReportLabels(input.language);
	const sectionTitles = new Map(input.sections.map((section, index) => [section.id, `${index + 1}. ${section.title}`]));
	const byId = new Map(input.remarks.map((remark) => [remark.id, remark]));
	const rows = input.remarks.map((remark) => {
		const main = mainRemark(remark, byId);
		const duplicateOf = main === remark ? null : main.number;
		return {
			number: remark.number,
			section: sectionTitles.get(remark.sectionId) ?? remark.sectionId,
			target: remark.targetLabel,
			author: authorText(remark.author, input.anonymised, labels),
			content: remark.content,
			proposedWording: remark.proposedWording,
			justification: remark.justification,
			status: main.status,
			statusLabel: main.status === null ? labels.noStatus : labels.statuses[main.status],
			answer: duplicateOf === null ? main.answer : [labels.seeRemark(duplicateOf), main.answer].filter((part) => part.trim() !== '').join(' — '),
			duplicateOf
		} satisfies ConsultationReportRow;
	});
	const zone = input.timeZone;
	return {
		language: input.language,
		roundId: input.round.id,
		roundTitle: input.round.title,
		documentTitle: input.documentTitle?.trim() ?? '',
		versionNumber: input.round.versionNumber,
		opensAt: wallClock(input.round.opensAt, zone),
		closesAt: wallClock(input.round.closesAt, zone),
		anonymised: input.anonymised,
		rows,
		byStatus: statusCounts(rows, labels),
		bySector: sectorCounts(input.remarks, labels),
		totals: {
			remarks: rows.length,
			answered: rows.filter((row) => row.status !== null).length,
			duplicates: rows.filter((row) => row.duplicateOf !== null).length
		}
	};
}

/** The remark a duplicate was merged into, followed to the end of a chain (a loop stops where it closes). */
function mainRemark(remark: ConsultationRemark, byId: ReadonlyMap<string, ConsultationRemark>): ConsultationRemark {
	const seen = new Set<string>([remark.id]);
	let current = remark;
	while (current.duplicateOf !== null) {
		const next = byId.get(current.duplicateOf);
		if (!next || seen.has(next.id)) break;
		seen.add(next.id);
		current = next;
	}
	return current;
}

function authorText(author: RemarkAuthor | null, anonymised: boolean, labels: ConsultationReportLabels): string {
	if (author === null) return labels.anonymous;
	const who = [anonymised ? '' : author.name, author.institution].map((part) => part.trim()).filter((part) => part !== '');
	const sector = author.sector === null ? '' : labels.sectors[author.sector];
	if (who.length === 0) return sector || labels.anonymous;
	return sector ? `${who.join(', ')} (${sector})` : who.join(', ');
}

function statusCounts(rows: readonly ConsultationReportRow[], labels: ConsultationReportLabels): ReportCount<ReportStatusKey>[] {
	const count = (status: RemarkStatus | null) => rows.filter((row) => row.status === status).length;
	return [
		...REMARK_STATUSES.map((status) => ({ key: status, label: labels.statuses[status], count: count(status) })),
		{ key: 'none' as const, label: labels.noStatus, count: count(null) }
	];
}

/** Remarks, not people: an unsigned remark counts as "nie podano". */
function sectorCounts(remarks: readonly ConsultationRemark[], labels: ConsultationReportLabels): ReportCount<ReportSectorKey>[] {
	const counts = new Map<ReportSectorKey, number>();
	for (const remark of remarks) {
		const key = remark.author?.sector ?? 'none';
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	const keys: ReportSectorKey[] = [...SECTORS, 'none'];
	return keys
		.filter((key) => counts.has(key))
		.map((key) => ({ key, label: key === 'none' ? labels.notGiven : labels.sectors[key], count: counts.get(key)! }));
}

function wallClock(ms: number, timeZone?: string): string {
	return utcToWallClock(ms, timeZone).replace('T', ' ');
}
