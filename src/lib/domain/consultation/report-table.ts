import type { DraftConsultationAnnex } from '../draft/model';
import type { ConsultationReport } from './report';
import { consultationReportLabels, type ConsultationReportLabels } from './report-labels';

/**
 * The report laid out once for every format (preview, Markdown, DOCX, PDF, XLSX): the lines
 * under its title, the remarks table's columns (with relative widths) and rows, and the two
 * count tables. Text stays as typed; escaping is each renderer's job.
 */

export function reportLabels(report: ConsultationReport): ConsultationReportLabels {
	return consultationReportLabels(report.language);
}

export function reportSummaryLines(report: ConsultationReport): string[] {
	const labels = reportLabels(report);
	return [
		`${labels.strategy}: ${[report.documentTitle, labels.draftVersion(report.versionNumber)].filter(Boolean).join(', ')}`,
		labels.period(report.opensAt, report.closesAt),
		...(report.anonymised ? [labels.anonymisedNote] : []),
		`${labels.remarksTotal}: ${report.totals.remarks}`,
		`${labels.answeredTotal}: ${report.totals.answered}`,
		...(report.totals.duplicates > 0 ? [`${labels.duplicatesTotal}: ${report.totals.duplicates}`] : [])
	];
}

export interface ReportColumn {
	header: string;
	width: number;
}

export function reportColumns(report: ConsultationReport): ReportColumn[] {
	const c = reportLabels(report).columns;
	return [
		{ header: c.number, width: 0.6 },
		{ header: c.section, width: 1.6 },
		{ header: c.target, width: 1.4 },
		{ header: c.author, width: 1.6 },
		{ header: c.content, width: 2.8 },
		{ header: c.proposedWording, width: 2 },
		{ header: c.justification, width: 2 },
		{ header: c.status, width: 1.8 },
		{ header: c.answer, width: 2.6 }
	];
}

export function reportRows(report: ConsultationReport): string[][] {
	return report.rows.map((row) => [
		String(row.number),
		row.section,
		row.target,
		row.author,
		row.content,
		row.proposedWording,
		row.justification,
		row.statusLabel,
		row.answer
	]);
}

export interface ReportCountTable {
	title: string;
	header: [string, string];
	rows: Array<[string, string]>;
}

export function reportCountTables(report: ConsultationReport): ReportCountTable[] {
	const labels = reportLabels(report);
	const columns = labels.countColumns;
	return [
		{ title: labels.byStatus, header: [columns.status, columns.count], rows: report.byStatus.map((c) => [c.label, String(c.count)]) },
		{ title: labels.bySector, header: [columns.sector, columns.count], rows: report.bySector.map((c) => [c.label, String(c.count)]) }
	];
}

/** "Załącznik 3. Raport z konsultacji: …", numbered after the draft's matrix annexes. */
export function consultationAnnexHeading(annex: DraftConsultationAnnex, number: number, annexLabel: (n: number) => string): string {
	return `${annexLabel(number)}. ${reportLabels(annex.report).titleOf(annex.report.roundTitle)}`;
}
