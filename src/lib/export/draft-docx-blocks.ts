import {
	FootnoteReferenceRun,
	HeadingLevel,
	Paragraph,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	WidthType,
	type IRunOptions,
	type ParagraphChild
} from 'docx';

/**
 * Small builders the DOCX renderer is made of. Every text a person typed reaches Word only as the
 * text of a run: docx escapes it as XML character data, so `<w:t>`, `{ HYPERLINK … }` or `**x**`
 * stay visible characters and never become markup or a field.
 */

/** A4 at 2.5 cm margins, in twentieths of a point: what the tables' column widths add up to. */
export const PAGE = { width: 11906, height: 16838, margin: 1417 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** The annexes' pages are landscape, so a wide matrix stays readable. */
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - 2 * PAGE.margin;

/** Characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/FFFF): Word refuses a file containing them. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
	return text.replace(NOT_XML, '');
}

type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>;

/** Text as runs, its line breaks kept as Word line breaks within the paragraph. */
export function textRuns(text: string, style: RunStyle = {}): TextRun[] {
	return xmlSafe(text)
		.split(/\r\n|\r|\n/)
		.map((line, index) => new TextRun({ ...style, text: line, break: index === 0 ? undefined : 1 }));
}

/** Superscript references to Word footnotes (the draft numbers them 1…n, so do we). */
export function footnoteRuns(numbers: readonly number[]): FootnoteReferenceRun[] {
	return numbers.map((n) => new FootnoteReferenceRun(n));
}

export function paragraph(text: string, style: RunStyle = {}, extra: ParagraphChild[] = []): Paragraph {
	return new Paragraph({ children: [...textRuns(text, style), ...extra] });
}

/** "Label: text" with the label in bold, as the seed prints "Cel strategiczny:". */
export function labelled(label: string, children: ParagraphChild[]): Paragraph {
	return new Paragraph({ spacing: { before: 160 }, children: [new TextRun({ text: `${label}:`, bold: true }), new TextRun(' '), ...children] });
}

export function boldLine(text: string): Paragraph {
	return new Paragraph({ keepNext: true, spacing: { before: 200 }, children: textRuns(text, { bold: true }) });
}

export function note(text: string): Paragraph {
	return new Paragraph({ children: textRuns(text, { italics: true, size: 18 }) });
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

export function heading(level: 1 | 2 | 3, text: string, pageBreakBefore = false): Paragraph {
	return new Paragraph({ heading: HEADINGS[level], pageBreakBefore, children: textRuns(text) });
}

export function bullet(children: ParagraphChild[], level = 0): Paragraph {
	return new Paragraph({ bullet: { level: Math.min(level, 8) }, children });
}

/** A cell's content: plain text (one paragraph per line), or paragraphs built by the caller. */
export type CellContent = string | Paragraph[];

/**
 * Table text is a size smaller than the body (documentStyles in draft-docx.ts), as printed
 * strategies set it: at body size a narrow column such as "Horyzont" breaks inside the word.
 */
export const TABLE_TEXT_STYLE = 'TableText';

/**
 * A bordered table with fixed column widths whose first row is a header row Word repeats at the
 * top of every page the table spans (w:tblHeader). Every row gets the header's number of cells.
 */
export function table(header: CellContent[], rows: Array<CellContent[] | SpanningRow>, widths: readonly number[], totalWidth: number = TEXT_WIDTH): Table {
	const scaled = scaleWidths(widths, totalWidth);
	const cell = (content: CellContent, index: number, bold?: true) =>
		new TableCell({
			width: { size: scaled[index], type: WidthType.DXA },
			children: typeof content === 'string' ? [new Paragraph({ style: TABLE_TEXT_STYLE, children: textRuns(content, { bold }) })] : content.length > 0 ? content : [new Paragraph({})]
		});
	return new Table({
		width: { size: totalWidth, type: WidthType.DXA },
		columnWidths: scaled,
		layout: TableLayoutType.FIXED,
		rows: [
			new TableRow({ tableHeader: true, cantSplit: true, children: header.map((content, i) => cell(content, i, true)) }),
			...rows.map((row) =>
				'span' in row ? spanningRow(row.span, header.length) : new TableRow({ children: header.map((_, i) => cell(row[i] ?? '', i)) })
			)
		]
	});
}

/** A row across the whole table, in bold on grey: a matrix group's name above its services. */
export interface SpanningRow {
	span: string;
}

function spanningRow(text: string, columns: number): TableRow {
	return new TableRow({ cantSplit: true, children: [new TableCell({ columnSpan: columns, shading: { fill: 'EDEDED' }, children: [new Paragraph({ children: textRuns(text, { bold: true }) })] })] });
}

/** Widths in the given proportions, summing to the text width. */
function scaleWidths(widths: readonly number[], totalWidth: number): number[] {
	const total = widths.reduce((sum, width) => sum + width, 0) || 1;
	const scaled = widths.map((width) => Math.floor((width / total) * totalWidth));
	scaled[scaled.length - 1] += totalWidth - scaled.reduce((sum, width) => sum + width, 0);
	return scaled;
}
