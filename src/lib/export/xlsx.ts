import { escapeSpreadsheetText } from '../domain/need-gap-matrix/export';
import { zip } from './zip';

/**
 * Tables of text as an .xlsx workbook, written by hand (a ZIP of a few XML parts) so the project
 * carries no spreadsheet library. Every cell is an inline string, never a number or a formula.
 *
 * Inline strings cannot run as formulas in Excel, yet every cell still gets the same ' prefix
 * as the CSV (escapeSpreadsheetText, idempotent, so tables from matrixToTable pass unchanged):
 * the issue asks for the same escaping in both formats, and a text copied out of a cell or the
 * workbook saved again as CSV must not turn into a live formula there.
 */
export interface XlsxSheet {
	name: string;
	rows: readonly (readonly string[])[];
	/** The first row is a header: bold, and frozen so it stays visible while scrolling. */
	header?: boolean;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel refuses to open a file with a longer cell (it offers a "repair" that drops content). */
const MAX_CELL_LENGTH = 32767;
const MIN_COLUMN_WIDTH = 8;
const MAX_COLUMN_WIDTH = 60;
const HEADER_STYLE = 1;

export function tableToXlsx(sheets: readonly XlsxSheet[]): Uint8Array<ArrayBuffer> {
	if (sheets.length === 0) throw new Error('A workbook needs at least one sheet');
	const names = sheetNames(sheets.map((sheet) => sheet.name));
	const numbers = sheets.map((_, index) => index + 1);
	return zip([
		{ name: '[Content_Types].xml', data: contentTypes(numbers) },
		{ name: '_rels/.rels', data: rootRels() },
		{ name: 'xl/workbook.xml', data: workbook(names) },
		{ name: 'xl/_rels/workbook.xml.rels', data: workbookRels(numbers) },
		{ name: 'xl/styles.xml', data: styles() },
		...sheets.map((sheet, index) => ({ name: `xl/worksheets/sheet${index + 1}.xml`, data: worksheet(sheet) }))
	]);
}

/**
 * Excel's rules for sheet names: at most 31 characters, none of []:*?/\, no ' at either end,
 * not empty, unique regardless of case. Names are fixed up rather than rejected: they come from
 * translations and board titles, and an export should not fail over a character.
 */
export function sheetNames(wanted: readonly string[]): string[] {
	const taken = new Set<string>();
	return wanted.map((name, index) => {
		const base = cut(dropInvalidXml(name).replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim(), 31).replace(/^'+|'+$/g, '').trim() || `Sheet${index + 1}`;
		let unique = base;
		for (let n = 2; taken.has(unique.toLocaleLowerCase()); n++) {
			const suffix = ` (${n})`;
			unique = cut(base, 31 - suffix.length).trimEnd() + suffix;
		}
		taken.add(unique.toLocaleLowerCase());
		return unique;
	});
}

function worksheet(sheet: XlsxSheet): string {
	// Characters are dropped before escaping: "\u0001=SUM(A1)" must not lose its guard with its first character.
	const rows = sheet.rows.map((line) => line.map((text) => cut(escapeSpreadsheetText(dropInvalidXml(text)), MAX_CELL_LENGTH)));
	const columnCount = rows.reduce((most, line) => Math.max(most, line.length), 0);
	const header = sheet.header === true && rows.length > 0;
	const parts = [XML_DECLARATION, `<worksheet xmlns="${MAIN_NS}">`];
	parts.push(`<dimension ref="${rows.length && columnCount ? `A1:${columnName(columnCount - 1)}${rows.length}` : 'A1'}"/>`);
	parts.push(
		header
			? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
			: '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
	);
	parts.push('<sheetFormatPr defaultRowHeight="15"/>');
	if (columnCount > 0) parts.push(`<cols>${columnWidths(rows, columnCount).map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join('')}</cols>`);
	parts.push('<sheetData>');
	rows.forEach((line, r) => {
		parts.push(`<row r="${r + 1}">`);
		line.forEach((text, c) => {
			if (text === '') return;
			const style = header && r === 0 ? ` s="${HEADER_STYLE}"` : '';
			parts.push(`<c r="${columnName(c)}${r + 1}" t="inlineStr"${style}><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`);
		});
		parts.push('</row>');
	});
	parts.push('</sheetData></worksheet>');
	return parts.join('');
}

/** Widths in characters from the longest line in each column, within bounds so a long note stays readable. */
function columnWidths(rows: readonly string[][], columnCount: number): number[] {
	const widths = new Array<number>(columnCount).fill(MIN_COLUMN_WIDTH);
	for (const line of rows) {
		line.forEach((text, c) => {
			const longest = text.split(/\r\n|\r|\n/).reduce((most, part) => Math.max(most, [...part].length), 0);
			widths[c] = Math.min(MAX_COLUMN_WIDTH, Math.max(widths[c], longest + 2));
		});
	}
	return widths;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
	let name = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	return name;
}

/** XML 1.0 allows tab, line feed, carriage return and the rest from U+0020, without lone surrogates, U+FFFE and U+FFFF. */
function dropInvalidXml(text: string): string {
	return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/**
 * Besides the five XML characters: a carriage return as a reference, since XML parsers turn a
 * literal one into a line feed; and Excel reads _xHHHH_ in a string as an escaped character,
 * so a typed "_x0041_" would show as "A" unless its underscore is escaped the same way.
 */
function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/\r/g, '&#13;')
		.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

/** Cuts to a length in UTF-16 units (as Excel counts) without splitting a surrogate pair. */
function cut(text: string, length: number): string {
	if (text.length <= length) return text;
	const end = /[\uD800-\uDBFF]/.test(text[length - 1]) ? length - 1 : length;
	return text.slice(0, end);
}

function contentTypes(numbers: readonly number[]): string {
	const sheets = numbers.map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
	return (
		XML_DECLARATION +
		'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
		'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
		'<Default Extension="xml" ContentType="application/xml"/>' +
		'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
		'<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
		sheets.join('') +
		'</Types>'
	);
}

function rootRels(): string {
	return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
}

function workbook(names: readonly string[]): string {
	const sheets = names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
	return `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets.join('')}</sheets></workbook>`;
}

function workbookRels(numbers: readonly number[]): string {
	const sheets = numbers.map((n) => `<Relationship Id="rId${n}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
	const styles = `<Relationship Id="rId${numbers.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`;
	return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">${sheets.join('')}${styles}</Relationships>`;
}

/** The minimum Excel accepts (two fills are mandatory) plus a bold font for header rows. */
function styles(): string {
	const font = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
	return (
		XML_DECLARATION +
		`<styleSheet xmlns="${MAIN_NS}">` +
		`<fonts count="2"><font>${font}</font><font><b/>${font}</font></fonts>` +
		'<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
		'<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
		'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
		'<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
		'<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
		'</styleSheet>'
	);
}
