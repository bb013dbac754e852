import { escapeInline, escapeParagraph } from '../draft/markdown-escape';
import { table } from '../draft/markdown-tables';
import type { DraftConsultationAnnex } from '../draft/model';
import { reportColumns, reportCountTables, reportLabels, reportRows, reportSummaryLines } from './report-table';

/** A consultation annex of the draft in Markdown; every remark passes through the table's cell escaping. */
export function consultationAnnexMarkdown(annex: DraftConsultationAnnex, heading: string): string[] {
	const report = annex.report;
	const labels = reportLabels(report);
	const out = [`### ${escapeInline(heading)}`, reportSummaryLines(report).map(escapeParagraph).join('\\\n')];
	for (const counts of reportCountTables(report)) {
		if (counts.rows.length > 0) out.push(`**${escapeInline(counts.title)}**`, table(counts.header, counts.rows));
	}
	out.push(`**${escapeInline(labels.remarks)}**`);
	out.push(report.rows.length === 0 ? `*${escapeInline(labels.noRemarks)}*` : table(reportColumns(report).map((column) => column.header), reportRows(report)));
	return out;
}
