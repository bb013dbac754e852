import PDFDocument from 'pdfkit';
import type { ConsultationReport } from '../domain/consultation/report';
import { reportColumns, reportCountTables, reportLabels, reportRows, reportSummaryLines } from '../domain/consultation/report-table';
import { collectPdf, drawPdfTable, registerPdfFonts, writeFooter, type PdfTableBlock } from './pdf-table';

type Doc = InstanceType<typeof PDFDocument>;
type StructElement = ReturnType<Doc['struct']>;

/** What the report needs from the document it is drawn into (the standalone report or the draft's annexes). */
export interface ReportPdfWriter {
	heading(level: 1 | 2 | 3, text: string): void;
	paragraph(text: string, options?: { muted?: boolean }): void;
	table(block: PdfTableBlock): void;
}

/** Summary lines, counts and the remarks table; remark text is drawn as text, never interpreted. */
export function drawConsultationReportBody(writer: ReportPdfWriter, report: ConsultationReport, level: 2 | 3): void {
	const labels = reportLabels(report);
	for (const line of reportSummaryLines(report)) writer.paragraph(line);
	for (const counts of reportCountTables(report)) {
		if (counts.rows.length === 0) continue;
		writer.heading(level, counts.title);
		writer.table({ columns: [{ header: counts.header[0], width: 4 }, { header: counts.header[1], width: 1, align: 'right' }], rows: counts.rows });
	}
	writer.heading(level, labels.remarks);
	if (report.rows.length === 0) writer.paragraph(labels.noRemarks, { muted: true });
	else writer.table({ columns: reportColumns(report), rows: reportRows(report), fontSize: 7.5 });
}

const MARGIN = 40;
const FOOTER_SPACE = 18;
const MARGINS = { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE };
const OWN_WORDS = {
	pl: { lang: 'pl-PL', page: (n: number, of: number) => `Strona ${n} z ${of}` },
	en: { lang: 'en-GB', page: (n: number, of: number) => `Page ${n} of ${of}` }
} as const;

/** The report alone: landscape A4, DejaVu Sans embedded, tagged (H1–H2, P, Table/TR/TH/TD), numbered pages. */
export async function renderConsultationReportPdf(report: ConsultationReport): Promise<Uint8Array> {
	const labels = reportLabels(report);
	const words = OWN_WORDS[report.language] ?? OWN_WORDS.pl;
	const title = labels.titleOf(report.roundTitle);
	const doc = new PDFDocument({
		size: 'A4',
		layout: 'landscape',
		margins: MARGINS,
		bufferPages: true,
		pdfVersion: '1.7',
		tagged: true,
		lang: words.lang,
		displayTitle: true,
		info: { Title: title, Author: 'Narada', Creator: 'Narada' }
	});
	const bytes = collectPdf(doc);
	registerPdfFonts(doc);
	const root = doc.struct('Document');
	doc.addStructure(root);
	const left = MARGINS.left;
	const width = doc.page.width - MARGINS.left - MARGINS.right;
	const bottom = () => doc.page.height - MARGINS.bottom;
	const newPage = () => doc.addPage({ size: 'A4', layout: 'landscape', margins: MARGINS });
	const text = (parent: StructElement, role: 'H1' | 'H2' | 'H3' | 'P', value: string, size: number, bold: boolean, color = '#000000') => {
		if (role !== 'P' && doc.y + size * 5 > bottom()) newPage();
		parent.add(
			doc.struct(role, {}, [
				() => {
					doc.font(bold ? 'bold' : 'regular').fontSize(size).fillColor(color);
					doc.text(value, left, doc.y, { width });
					doc.fillColor('#000000');
					doc.y += role === 'P' ? 4 : 6;
				}
			])
		);
	};
	text(root, 'H1', title, 16, true);
	drawConsultationReportBody(
		{
			heading: (level, value) => text(root, `H${level}`, value, level === 1 ? 16 : level === 2 ? 12 : 11, true),
			paragraph: (value, options) => text(root, 'P', value, 10, false, options?.muted ? '#57606a' : '#000000'),
			table: (block) => {
				doc.y = drawPdfTable(doc, block, { left, width, y: doc.y, top: MARGINS.top, bottom: bottom(), struct: root, newPage }) + 10;
				doc.x = left;
			}
		},
		report,
		2
	);
	const range = doc.bufferedPageRange();
	for (let i = 0; i < range.count; i++) {
		doc.switchToPage(range.start + i);
		writeFooter(doc, words.page(i + 1, range.count), left, width, MARGIN - 16, true);
	}
	root.end();
	doc.end();
	return bytes;
}
