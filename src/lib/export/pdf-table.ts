import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * A titled table as a PDF (A4), for lists meant to be printed: the attendance list, reports.
 * The header row repeats on every page and every page is numbered. Fonts are DejaVu Sans,
 * embedded: PDF's built-in Helvetica has no Polish letters (ą, ę, ł, ś, ż…).
 */
export interface PdfTableColumn {
	header: string;
	/** Relative width; the columns share the page's width in these proportions. */
	width: number;
	align?: 'left' | 'right' | 'center';
}

export interface PdfTable {
	title: string;
	/** Short lines under the title (process, date, notes). */
	lines?: readonly string[];
	columns: readonly PdfTableColumn[];
	rows: readonly (readonly string[])[];
	landscape?: boolean;
	/** At least this tall (points), e.g. room to sign by hand. */
	minRowHeight?: number;
	/** Page footer, e.g. "Strona 1 z 3". */
	footer?: (page: number, pages: number) => string;
	/** Document metadata. */
	author?: string;
}

export const PDF_MIME = 'application/pdf';

const MARGIN = 40;
const CELL_PADDING = 4;
const BODY_SIZE = 9.5;
const FOOTER_SPACE = 24;

let fonts: { regular: string; bold: string } | null = null;

/** Resolved at run time from the installed package, so the bundled server finds them too. */
function fontFiles() {
	if (!fonts) {
		const require = createRequire(import.meta.url);
		fonts = {
			regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
			bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')
		};
	}
	return fonts;
}

export async function tableToPdf(table: PdfTable): Promise<Uint8Array> {
	const files = fontFiles();
	const doc = new PDFDocument({
		size: 'A4',
		layout: table.landscape ? 'landscape' : 'portrait',
		margin: MARGIN,
		bufferPages: true,
		info: { Title: table.title, Author: table.author ?? 'Narada' }
	});
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const finished = new Promise<void>((resolve, reject) => {
		doc.on('end', resolve);
		doc.on('error', reject);
	});
	doc.registerFont('regular', files.regular);
	doc.registerFont('bold', files.bold);

	const left = MARGIN;
	const usable = doc.page.width - 2 * MARGIN;
	const totalWeight = table.columns.reduce((sum, c) => sum + c.width, 0) || 1;
	const widths = table.columns.map((c) => (c.width / totalWeight) * usable);
	const bottom = () => doc.page.height - MARGIN - FOOTER_SPACE;

	doc.font('bold').fontSize(16).text(table.title, left, MARGIN, { width: usable });
	doc.font('regular').fontSize(10);
	for (const line of table.lines ?? []) doc.text(line, { width: usable });
	let y = doc.y + 10;

	const rowHeight = (cells: readonly string[], font: 'regular' | 'bold') => {
		doc.font(font).fontSize(BODY_SIZE);
		const tallest = Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i] - 2 * CELL_PADDING })));
		return Math.max(tallest + 2 * CELL_PADDING, font === 'regular' ? (table.minRowHeight ?? 0) : 0);
	};
	const drawRow = (cells: readonly string[], font: 'regular' | 'bold', height: number) => {
		let x = left;
		if (font === 'bold') doc.rect(left, y, usable, height).fill('#eef1f4').fillColor('#000000');
		doc.font(font).fontSize(BODY_SIZE).lineWidth(0.5).strokeColor('#57606a');
		table.columns.forEach((column, i) => {
			doc.rect(x, y, widths[i], height).stroke();
			doc.text(cells[i] ?? '', x + CELL_PADDING, y + CELL_PADDING, { width: widths[i] - 2 * CELL_PADDING, align: column.align ?? 'left' });
			x += widths[i];
		});
		y += height;
	};
	const headers = table.columns.map((c) => c.header);
	const headerHeight = rowHeight(headers, 'bold');
	drawRow(headers, 'bold', headerHeight);

	for (const row of table.rows) {
		const height = rowHeight(row, 'regular');
		if (y + height > bottom()) {
			doc.addPage();
			y = MARGIN;
			drawRow(headers, 'bold', headerHeight);
		}
		drawRow(row, 'regular', height);
	}

	if (table.footer) {
		const range = doc.bufferedPageRange();
		for (let i = 0; i < range.count; i++) {
			doc.switchToPage(range.start + i);
			// Writing below the bottom margin would otherwise start a new page.
			const margins = doc.page.margins;
			doc.page.margins = { ...margins, bottom: 0 };
			doc.font('regular').fontSize(8).fillColor('#57606a');
			doc.text(table.footer(i + 1, range.count), left, doc.page.height - MARGIN - 10, { width: usable, align: 'right', lineBreak: false });
			doc.page.margins = margins;
		}
	}
	doc.end();
	await finished;
	return new Uint8Array(Buffer.concat(chunks));
}
