import { Document, Packer, PageOrientation, Paragraph, Table } from 'docx';
import type { ConsultationReport } from '../domain/consultation/report';
import { reportColumns, reportCountTables, reportLabels, reportRows, reportSummaryLines } from '../domain/consultation/report-table';
import { LANDSCAPE_TEXT_WIDTH, PAGE, TABLE_TEXT_STYLE, heading, note, paragraph, table, xmlSafe } from './draft-docx-blocks';

const WORD_LANGUAGE = { pl: 'pl-PL', en: 'en-GB' } as const;

/**
 * The report's body as Word blocks: summary lines, the counts, the remarks table. `level` is the
 * heading level of its parts (2 in a standalone report, 3 as an annex of the draft). Remark text
 * reaches Word only as run text (draft-docx-blocks), so a typed field code stays visible text.
 */
export function consultationReportDocxBody(report: ConsultationReport, level: 2 | 3, width: number): Array<Paragraph | Table> {
	const labels = reportLabels(report);
	const out: Array<Paragraph | Table> = reportSummaryLines(report).map((line) => paragraph(line));
	for (const counts of reportCountTables(report)) {
		if (counts.rows.length === 0) continue;
		out.push(heading(level, counts.title), table(counts.header, counts.rows, [3, 1], Math.round(width / 2)));
	}
	out.push(heading(level, labels.remarks));
	if (report.rows.length === 0) out.push(note(labels.noRemarks));
	else {
		const columns = reportColumns(report);
		out.push(table(columns.map((c) => c.header), reportRows(report), columns.map((c) => c.width), width));
	}
	return out;
}

/** The report alone, on landscape A4 pages so its nine columns stay readable. */
export async function renderConsultationReportDocx(report: ConsultationReport): Promise<Uint8Array> {
	const labels = reportLabels(report);
	const document = new Document({
		title: xmlSafe(labels.titleOf(report.roundTitle)),
		creator: 'Narada',
		lastModifiedBy: 'Narada',
		styles: {
			default: {
				document: { run: { font: 'Calibri', size: 22, language: { value: WORD_LANGUAGE[report.language] ?? WORD_LANGUAGE.pl } }, paragraph: { spacing: { after: 80 } } },
				heading1: { run: { size: 32, bold: true, color: '1F3864' }, paragraph: { keepNext: true, spacing: { after: 160 } } },
				heading2: { run: { size: 26, bold: true, color: '1F3864' }, paragraph: { keepNext: true, spacing: { before: 240, after: 120 } } }
			},
			paragraphStyles: [{ id: TABLE_TEXT_STYLE, name: 'Table Text', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { after: 0 } } }]
		},
		sections: [
			{
				properties: {
					page: {
						size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
						margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin }
					}
				},
				children: [heading(1, labels.titleOf(report.roundTitle)), ...consultationReportDocxBody(report, 2, LANDSCAPE_TEXT_WIDTH)]
			}
		]
	});
	return new Uint8Array(await Packer.toArrayBuffer(document));
}
