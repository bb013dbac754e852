import PDFDocument from 'pdfkit';
import { dejavuFontFiles } from './dejavu-fonts';

/**
 * A titled table as a PDF (A4), for lists meant to be printed: the attendance list, reports.
 * The header row repeats on every page and every page is numbered. Fonts are DejaVu Sans,
 * embedded: PDF's built-in Helvetica has no Polish letters (ą, ę, ł, ś, ż…).
 * drawPdfTable draws the same kind of table inside a longer document (the strategy draft).
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

type Doc = InstanceType<typeof PDFDocument>;
type StructElement = ReturnType<Doc['struct']>;

/** Registers DejaVu Sans as 'regular' and 'bold' (embedded, subset, with Polish letters). */
export function registerPdfFonts(doc: Doc): void {
	const files = dejavuFontFiles();
	doc.registerFont('regular', files.regular);
	doc.registerFont('bold', files.bold);
}

/** Collects the document's bytes; call before drawing, await after doc.end(). */
export function collectPdf(doc: Doc): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	return new Promise((resolve, reject) => {
		doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
		doc.on('error', reject);
	});
}

/** Draws outside the structure tree (borders, fills, page numbers) when the document is tagged. */
export function asArtifact(doc: Doc, tagged: boolean, draw: () => void): void {
	if (tagged) doc.markContent('Artifact');
	draw();
	if (tagged) doc.endMarkedContent();
}

export interface PdfTableBlock {
	columns: readonly PdfTableColumn[];
	rows: readonly (readonly string[])[];
	minRowHeight?: number;
	/** Rows printed bold on a shaded line, e.g. a group's name above its rows. */
	groupRows?: ReadonlySet<number>;
	fontSize?: number;
}

export interface PdfTableArea {
	left: number;
	width: number;
	/** Where the table starts on the current page. */
	y: number;
	/** Lowest y a row may reach on any page. */
	bottom: number;
	/** Where the table goes on after a page break. */
	top: number;
	/** When set, the table is tagged (Table / TR / TH / TD) under this element. */
	struct?: StructElement;
	/** Starts the next page (default: the document's page options). */
	newPage?: () => void;
}

/**
 * Draws a table with its header row repeated after every page break; returns the y below it.
 * A row is split across pages only when it is taller than a whole page.
 */
export function drawPdfTable(doc: Doc, table: PdfTableBlock, area: PdfTableArea): number {
	const size = table.fontSize ?? BODY_SIZE;
	const tagged = area.struct !== undefined;
	const totalWeight = table.columns.reduce((sum, c) => sum + c.width, 0) || 1;
	const widths = table.columns.map((c) => (c.width / totalWeight) * area.width);
	let y = area.y;
	const newPage = area.newPage ?? (() => doc.addPage());
	const tableStruct = area.struct ? doc.struct('Table') : undefined;
	if (tableStruct) area.struct!.add(tableStruct);

	const rowHeight = (cells: readonly string[], font: 'regular' | 'bold', min = 0) => {
		doc.font(font).fontSize(size);
		const tallest = Math.max(...table.columns.map((_, i) => doc.heightOfString(cells[i] || ' ', { width: widths[i] - 2 * CELL_PADDING })));
		return Math.max(tallest + 2 * CELL_PADDING, min);
	};
	const drawRow = (cells: readonly string[], font: 'regular' | 'bold', height: number, header: boolean) => {
		asArtifact(doc, tagged, () => {
			if (font === 'bold') doc.rect(area.left, y, area.width, height).fill('#eef1f4').fillColor('#000000');
			doc.lineWidth(0.5).strokeColor('#57606a');
			let bx = area.left;
			widths.forEach((width) => {
				doc.rect(bx, y, width, height).stroke();
				bx += width;
			});
		});
		doc.font(font).fontSize(size).fillColor('#000000');
		const row = tableStruct ? doc.struct('TR') : undefined;
		if (row) tableStruct!.add(row);
		let x = area.left;
		table.columns.forEach((column, i) => {
			const cellX = x;
			const draw = () => {
				doc.text(cells[i] ?? '', cellX + CELL_PADDING, y + CELL_PADDING, { width: widths[i] - 2 * CELL_PADDING, align: column.align ?? 'left' });
			};
			// Scope (TH for a column) is in pdfkit 0.20 but not yet in its type declarations.
			if (row) row.add(doc.struct(header ? 'TH' : 'TD', (header ? { scope: 'Column' } : {}) as object, [draw]));
			else draw();
			x += widths[i];
		});
		row?.end();
		y += height;
	};
	const headers = table.columns.map((c) => c.header);
	const headerHeight = rowHeight(headers, 'bold');
	if (y + headerHeight * 2 > area.bottom) {
		newPage();
		y = area.top;
	}
	drawRow(headers, 'bold', headerHeight, true);

	const breakPage = () => {
		newPage();
		y = area.top;
		drawRow(headers, 'bold', headerHeight, true);
	};
	/** The longest start of each cell that fits in `room` points; the rest goes on the next page. */
	const splitRow = (cells: readonly string[], font: 'regular' | 'bold', room: number): [string[], string[]] => {
		doc.font(font).fontSize(size);
		const head: string[] = [];
		const rest: string[] = [];
		table.columns.forEach((_, i) => {
			const parts = (cells[i] ?? '').split(/(?<=\s)/);
			const fits = (n: number) => doc.heightOfString(parts.slice(0, n).join('') || ' ', { width: widths[i] - 2 * CELL_PADDING }) + 2 * CELL_PADDING <= room;
			let low = 0;
			let high = parts.length;
			while (low < high) {
				const mid = Math.ceil((low + high) / 2);
				if (fits(mid)) low = mid;
				else high = mid - 1;
			}
			// A single word taller than the room cannot be split; it goes whole.
			const cut = Math.max(low, 1);
			head.push(parts.slice(0, cut).join('').trimEnd());
			rest.push(parts.slice(cut).join(''));
		});
		return [head, rest];
	};

	table.rows.forEach((row, index) => {
		const font = table.groupRows?.has(index) ? 'bold' : 'regular';
		const min = font === 'regular' ? table.minRowHeight : 0;
		let cells: readonly string[] = row;
		let height = rowHeight(cells, font, min);
		const fullPage = area.bottom - area.top - headerHeight;
		// A row taller than a whole page is split at a line break, its end continued on the next page.
		while (height > fullPage) {
			if (area.bottom - y < 4 * size) breakPage();
			const [head, rest] = splitRow(cells, font, area.bottom - y);
			drawRow(head, font, area.bottom - y, false);
			breakPage();
			cells = rest;
			height = rowHeight(cells, font, min);
		}
		if (y + height > area.bottom) breakPage();
		drawRow(cells, font, height, false);
	});
	tableStruct?.end();
	return y;
}

export async function tableToPdf(table: PdfTable): Promise<Uint8Array> {
	const doc = new PDFDocument({
		size: 'A4',
		layout: table.landscape ? 'landscape' : 'portrait',
		margin: MARGIN,
		bufferPages: true,
		info: { Title: table.title, Author: table.author ?? 'Narada' }
	});
	const bytes = collectPdf(doc);
	registerPdfFonts(doc);

	const left = MARGIN;
	const usable = doc.page.width - 2 * MARGIN;

	doc.font('bold').fontSize(16).text(table.title, left, MARGIN, { width: usable });
	doc.font('regular').fontSize(10);
	for (const line of table.lines ?? []) doc.text(line, { width: usable });
	drawPdfTable(doc, { columns: table.columns, rows: table.rows, minRowHeight: table.minRowHeight }, {
		left,
		width: usable,
		y: doc.y + 10,
		top: MARGIN,
		bottom: doc.page.height - MARGIN - FOOTER_SPACE
	});

	if (table.footer) {
		const range = doc.bufferedPageRange();
		for (let i = 0; i < range.count; i++) {
			doc.switchToPage(range.start + i);
			writeFooter(doc, table.footer(i + 1, range.count), left, usable, MARGIN, false);
		}
	}
	doc.end();
	return bytes;
}

/** A line under the bottom margin (page number), which must not start a new page. */
export function writeFooter(doc: Doc, text: string, left: number, width: number, margin: number, tagged: boolean): void {
	const margins = doc.page.margins;
	doc.page.margins = { ...margins, bottom: 0 };
	asArtifact(doc, tagged, () => {
		doc.font('regular').fontSize(8).fillColor('#57606a');
		doc.text(text, left, doc.page.height - margin - 10, { width, align: 'right', lineBreak: false });
		doc.fillColor('#000000');
	});
	doc.page.margins = margins;
}
