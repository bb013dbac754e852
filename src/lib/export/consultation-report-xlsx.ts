import type { ConsultationReport } from '../domain/consultation/report';
import { reportColumns, reportCountTables, reportLabels, reportRows, reportSummaryLines } from '../domain/consultation/report-table';
import { tableToXlsx, type XlsxSheet } from './xlsx';

/**
 * The report as a workbook: the remarks one per row, then a sheet with the summary and counts.
 * Every cell is an inline string passed through tableToXlsx's formula guard, so a remark typed
 * as "=HYPERLINK(…)" or "@SUM(…)" stays text.
 */
export function renderConsultationReportXlsx(report: ConsultationReport): Uint8Array<ArrayBuffer> {
	return tableToXlsx(consultationReportWorkbook(report));
}

export function consultationReportWorkbook(report: ConsultationReport): XlsxSheet[] {
	const labels = reportLabels(report);
	const summary: string[][] = [[labels.titleOf(report.roundTitle)], ...reportSummaryLines(report).map((line) => [line])];
	for (const counts of reportCountTables(report)) summary.push([], [counts.title], [...counts.header], ...counts.rows.map((row) => [...row]));
	return [
		{ name: labels.sheets.remarks, header: true, rows: [reportColumns(report).map((column) => column.header), ...reportRows(report)] },
		{ name: labels.sheets.counts, rows: summary }
	];
}
