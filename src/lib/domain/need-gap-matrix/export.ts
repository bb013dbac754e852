import { cellKey, type ColumnKind, type NeedLevel, type OfferLevel } from './schema';
import type { Gap } from './gap';
import type { MatrixCell, NeedGapMatrix } from './derive';

/**
 * The matrix as a table of text for spreadsheets. Labels (headers, level names) come from the
 * caller, translated, so the domain stays free of messages. Two layouts:
 * - 'grid': the heat map, one line per service, one column per territory/institution, each
 *   cell holding its gap's label;
 * - 'cells': one line per service × column with every field, for analysis and filtering.
 * Every text a person typed (names, notes, reasons) and every label is escaped against formula
 * injection, the same for CSV and for an XLSX renderer built on matrixToTable.
 */
export type MatrixExportLayout = 'grid' | 'cells';

export interface MatrixExportLabels {
	group: string;
	service: string;
	column: string;
	kind: string;
	need: string;
	offer: string;
	gap: string;
	override: string;
	overrideReason: string;
	priority: string;
	niche: string;
	note: string;
	justification: string;
	/** The name shown for the "other" pseudo-group (rows whose group was removed). */
	otherGroup: string;
	yes: string;
	no: string;
	kinds: Record<ColumnKind, string>;
	needs: Record<NeedLevel, string>;
	offers: Record<OfferLevel, string>;
	gaps: Record<Gap, string>;
}

/** Characters that make a spreadsheet read a cell as a formula (or hide its start). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a single quote to text a spreadsheet would take for a formula, so none ever runs. */
export function escapeSpreadsheetText(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

export function matrixToTable(matrix: NeedGapMatrix, labels: MatrixExportLabels, layout: MatrixExportLayout = 'grid'): string[][] {
	const table = layout === 'grid' ? gridTable(matrix, labels) : cellsTable(matrix, labels);
	return table.map((line) => line.map(escapeSpreadsheetText));
}

/**
 * CSV that a Polish Excel opens as it is: UTF-8 with a byte-order mark (without it Excel reads
 * the file as Windows-1250 and mangles ą, ę, ł…), semicolons (Polish Excel takes the comma for
 * the decimal separator) and CRLF line ends. Fields with a semicolon, a quote or a line break are
 * quoted, quotes doubled.
 */
export function matrixToCsv(matrix: NeedGapMatrix, labels: MatrixExportLabels, layout: MatrixExportLayout = 'grid'): string {
	return '\uFEFF' + tableToCsv(matrixToTable(matrix, labels, layout));
}

export function tableToCsv(table: readonly (readonly string[])[]): string {
	return table.map((line) => line.map(csvField).join(';') + '\r\n').join('');
}

function csvField(text: string): string {
	return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function gridTable(matrix: NeedGapMatrix, labels: MatrixExportLabels): string[][] {
	const header = [labels.group, labels.service, ...matrix.columns.map((column) => column.name)];
	const lines = [header];
	for (const group of matrix.groups) {
		for (const row of group.rows) {
			const gaps = matrix.columns.map((column) => labels.gaps[cellOf(matrix, row.id, column.id)?.gap ?? 'no-data']);
			lines.push([groupName(group, labels), row.name, ...gaps]);
		}
	}
	return lines;
}

function cellsTable(matrix: NeedGapMatrix, labels: MatrixExportLabels): string[][] {
	const lines = [
		[
			labels.group,
			labels.service,
			labels.column,
			labels.kind,
			labels.need,
			labels.offer,
			labels.gap,
			labels.override,
			labels.overrideReason,
			labels.priority,
			labels.niche,
			labels.note,
			labels.justification
		]
	];
	for (const group of matrix.groups) {
		for (const row of group.rows) {
			for (const column of matrix.columns) {
				const cell = cellOf(matrix, row.id, column.id);
				if (!cell) continue;
				lines.push([
					groupName(group, labels),
					row.name,
					column.name,
					labels.kinds[column.kind],
					cell.need === '' ? '' : labels.needs[cell.need],
					cell.offer === '' ? '' : labels.offers[cell.offer],
					labels.gaps[cell.gap],
					cell.overridden ? labels.yes : labels.no,
					cell.overridden ? cell.overrideReason : '',
					cell.priority === null ? '' : String(cell.priority),
					cell.niche ? labels.yes : labels.no,
					cell.note,
					cell.justification
				]);
			}
		}
	}
	return lines;
}

function cellOf(matrix: NeedGapMatrix, rowId: string, columnId: string): MatrixCell | undefined {
	return matrix.cells.get(cellKey(rowId, columnId));
}

function groupName(group: { name: string; other: boolean }, labels: MatrixExportLabels): string {
	return group.other ? labels.otherGroup : group.name;
}
