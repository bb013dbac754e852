import { escapeCell } from './markdown-escape';

/**
 * A GFM table. Header cells and body cells are text to escape unless marked raw (our own
 * markup such as footnote references or <br> lists); every row gets exactly the header's
 * number of cells so a missing value never shifts the columns.
 */
export type Cell = string | { raw: string };

export function table(header: Cell[], rows: Cell[][]): string {
	const line = (cells: Cell[]) => `| ${header.map((_, i) => cellText(cells[i] ?? '')).join(' | ')} |`;
	return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

export function raw(markdown: string): Cell {
	return { raw: markdown };
}

function cellText(cell: Cell): string {
	return typeof cell === 'string' ? escapeCell(cell) : cell.raw;
}

/** [^3][^4] after a text, for footnotes the text carries. */
export function footnoteRefs(numbers: readonly number[]): string {
	return numbers.map((n) => `[^${n}]`).join('');
}
