import {
	AREA_ID,
	formatTimeframe,
	goalNumberFromArea,
	parseTimeframe,
	type ActionDirection,
	type GoalsOutline,
	type ObjectiveSourceBox,
	type ObjectiveTreeSummary,
	type SpecificGoal,
	type StrategicGoal
} from '$lib/domain/goals';

/**
 * What the details panel and the table derive from the outline, kept free of Svelte and of
 * messages so it can be tested on its own. Everything here reads the outline as derived (with
 * its repairs), so the panel, the table and the outline never disagree on a number.
 */
export type FoundItem =
	| { type: 'strategic'; item: StrategicGoal }
	| { type: 'specific'; item: SpecificGoal }
	| { type: 'action'; item: ActionDirection };

/** The item with this id as the outline shows it, or null (deleted, placeholder, or 'area'). */
export function findItem(outline: GoalsOutline, id: string | null): FoundItem | null {
	if (!id || id === AREA_ID) return null;
	for (const goal of outline.strategic) {
		if (goal.id === id && !goal.placeholder) return { type: 'strategic', item: goal };
		for (const specific of goal.specific) {
			if (specific.id === id) return { type: 'specific', item: specific };
			const action = specific.actions.find((a) => a.id === id);
			if (action) return { type: 'action', item: action };
		}
		const action = goal.actions.find((a) => a.id === id);
		if (action) return { type: 'action', item: action };
	}
	return null;
}

/** Reading-order footnote numbers of every owner (item id or 'area'), by footnote index. */
export function footnoteNumbers(outline: GoalsOutline): Map<string, number[]> {
	const out = new Map<string, number[]>();
	for (const note of outline.footnotes) {
		const list = out.get(note.ownerId) ?? [];
		list[note.index] = note.number;
		out.set(note.ownerId, list);
	}
	return out;
}

export interface TableSection {
	/** The goal the rows hang under, when the table needs a sub-header for it. */
	group: { kind: 'specific' | 'strategic'; number: string } | null;
	actions: ActionDirection[];
}

/**
 * The rows of one strategic goal's action table, in number order: the actions of each specific
 * goal, then those placed directly under the strategic goal. Sub-headers appear only when some
 * action hangs under a specific goal; a goal laid out like seed 000 (all actions directly under
 * the strategic goal) reads as one plain list.
 */
export function tableSections(goal: StrategicGoal): TableSection[] {
	const bySpecific = goal.specific.filter((specific) => specific.actions.length > 0);
	if (bySpecific.length === 0) return goal.actions.length > 0 ? [{ group: null, actions: goal.actions }] : [];
	const sections: TableSection[] = bySpecific.map((specific) => ({
		group: { kind: 'specific', number: specific.number },
		actions: specific.actions
	}));
	if (goal.actions.length > 0) sections.push({ group: { kind: 'strategic', number: goal.number }, actions: goal.actions });
	return sections;
}

/** The table gets an entities column only when some action departs from the area's list. */
export function hasOwnEntities(outline: GoalsOutline): boolean {
	return outline.actions.some((action) => !action.inheritsEntities);
}

export type TimeframeFeedback = { kind: 'empty' } | { kind: 'parsed'; text: string } | { kind: 'unparsed' };

export function timeframeFeedback(text: string): TimeframeFeedback {
	if (text.trim() === '') return { kind: 'empty' };
	const parsed = parseTimeframe(text);
	return parsed ? { kind: 'parsed', text: formatTimeframe(parsed) } : { kind: 'unparsed' };
}

export type ResolvedSource =
	| { kind: 'none' }
	| { kind: 'linked'; tree: ObjectiveTreeSummary; box: ObjectiveSourceBox }
	/** The tree is still there but the box was deleted from it. */
	| { kind: 'box-missing'; tree: ObjectiveTreeSummary }
	/** Neither is among the process's objective trees any more. */
	| { kind: 'tree-missing' };

export function resolveSource(
	item: { sourceBoardId: string | null; sourceBoxId: string | null },
	trees: ObjectiveTreeSummary[]
): ResolvedSource {
	if (!item.sourceBoardId || !item.sourceBoxId) return { kind: 'none' };
	const tree = trees.find((t) => t.boardId === item.sourceBoardId);
	if (!tree) return { kind: 'tree-missing' };
	const box = tree.boxes.find((b) => b.id === item.sourceBoxId);
	return box ? { kind: 'linked', tree, box } : { kind: 'box-missing', tree };
}

/** Option values of the source select; board and box ids never contain a space. */
export function sourceKey(boardId: string, boxId: string): string {
	return `${boardId} ${boxId}`;
}

export function parseSourceKey(key: string): { boardId: string; boxId: string } | null {
	const [boardId, boxId, ...rest] = key.split(' ');
	return boardId && boxId && rest.length === 0 ? { boardId, boxId } : null;
}

/** The entity name as the process list spells it, when it is there under other capitals. */
export function matchInstitution(name: string, institutions: string[]): string | null {
	const wanted = name.trim().toLocaleLowerCase('pl');
	return institutions.find((institution) => institution.trim().toLocaleLowerCase('pl') === wanted) ?? null;
}

export type FirstGoalNumberInput = { ok: true; value: number | null } | { ok: false };

/** A blank field clears the setting; anything but a whole number in range is refused. */
export function parseFirstGoalNumber(text: string, max: number): FirstGoalNumberInput {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: true, value: null };
	if (!/^\d{1,4}$/.test(trimmed)) return { ok: false };
	const value = Number(trimmed);
	return value >= 1 && value <= max ? { ok: true, value } : { ok: false };
}

/** The first strategic goal's number a blank field stands for. */
export function derivedFirstGoalNumber(areaNumber: string): number {
	return goalNumberFromArea(areaNumber) ?? 1;
}
