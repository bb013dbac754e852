import type { DraftDiff, RowChange, RowKind } from './diff';

/**
 * What the "compare versions" page shows, decided from the saved version numbers and the query
 * (?from=1&to=2) before any model is read: a pair to diff, or why there is none. Without a query
 * it offers the two latest versions, the question a facilitator asks most after saving.
 */
export type CompareChoice =
	| { kind: 'too-few'; from: number | null; to: number | null }
	| { kind: 'missing'; from: number | null; to: number | null; missing: string }
	| { kind: 'same'; from: number; to: number }
	| { kind: 'pair'; from: number; to: number };

export function chooseVersions(saved: readonly number[], fromParam: string | null, toParam: string | null): CompareChoice {
	const numbers = [...new Set(saved)].sort((a, b) => a - b);
	const latest = numbers.at(-1) ?? null;
	const previous = numbers.at(-2) ?? null;
	const read = (param: string | null, fallback: number | null) => (param === null || param === '' ? fallback : /^[1-9][0-9]{0,8}$/.test(param) ? Number(param) : NaN);
	const from = read(fromParam, previous);
	const to = read(toParam, latest);
	for (const [param, value] of [
		[fromParam, from],
		[toParam, to]
	] as const) {
		if (value !== null && !Number.isNaN(value) && numbers.includes(value)) continue;
		// Nothing asked for and nothing to offer: fewer than two versions are saved.
		if (param === null || param === '') return { kind: 'too-few', from: known(from, numbers), to: known(to, numbers) };
		return { kind: 'missing', from: known(from, numbers), to: known(to, numbers), missing: param.slice(0, 20) };
	}
	if (numbers.length < 2) return { kind: 'too-few', from: known(from, numbers), to: known(to, numbers) };
	if (from === to) return { kind: 'same', from: from!, to: to! };
	return { kind: 'pair', from: from!, to: to! };
}

function known(value: number | null, numbers: readonly number[]): number | null {
	return value !== null && numbers.includes(value) ? value : null;
}

/** True when the two versions print the same document (title page and every section). */
export function isUnchanged(diff: DraftDiff): boolean {
	return diff.titlePage.length === 0 && diff.sections.every((section) => section.change === 'unchanged');
}

/** The field that names a row of each kind; the others are its details. */
export const MAIN_FIELD: Record<RowKind, string> = {
	'strategic-goal': 'text',
	'specific-goal': 'text',
	action: 'text',
	indicator: 'name',
	'tree-box': 'text',
	card: 'text',
	gap: 'service',
	'matrix-row': 'name',
	workshop: 'title',
	count: 'count'
};

/** In the order of the document, so a section's tables follow its reading order. */
export const ROW_KIND_ORDER: readonly RowKind[] = ['tree-box', 'card', 'gap', 'strategic-goal', 'specific-goal', 'action', 'indicator', 'workshop', 'count', 'matrix-row'];

export interface FieldChange {
	field: string;
	before: string;
	after: string;
}

/**
 * A changed row's fields other than its name, before and after; for an added or removed row,
 * its filled-in fields (as `after` or `before`), so the reader sees what came or went.
 */
export function detailChanges(row: RowChange): FieldChange[] {
	const main = MAIN_FIELD[row.kind];
	if (row.change === 'changed') {
		return row.changedFields.filter((field) => field !== main).map((field) => ({ field, before: row.before?.[field] ?? '', after: row.after?.[field] ?? '' }));
	}
	const fields = (row.change === 'added' ? row.after : row.before) ?? {};
	return Object.entries(fields)
		// An unset flag says nothing about a row that came or went.
		.filter(([field, value]) => field !== main && value !== '' && !(field === 'splitBySex' && value === 'no'))
		.map(([field, value]) => (row.change === 'added' ? { field, before: '', after: value } : { field, before: value, after: '' }));
}

/** The rows of a section grouped by kind, in ROW_KIND_ORDER, each group added, changed, then removed. */
export function rowsByKind(rows: readonly RowChange[]): Array<{ kind: RowKind; rows: RowChange[] }> {
	const rank = { added: 0, changed: 1, removed: 2 } as const;
	return ROW_KIND_ORDER.map((kind) => ({ kind, rows: rows.filter((row) => row.kind === kind).sort((a, b) => rank[a.change] - rank[b.change]) })).filter(
		(group) => group.rows.length > 0
	);
}
