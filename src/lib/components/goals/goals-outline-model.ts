import type { ActionDirection, GoalItemType, GoalsOutline, SpecificGoal, StrategicGoal } from '$lib/domain/goals';

/**
 * The goals outline as rows in reading order (what the outline shows and the arrow keys walk),
 * and where a keyboard move or a drop puts an item. Pure, so it is tested without a browser.
 * Reading order: strategic goal, its specific goals each followed by their actions, then the
 * actions that serve the strategic goal directly (as in seed 000).
 */
export interface OutlineRow {
	id: string;
	type: GoalItemType;
	/** 1 for strategic goals, 2 for specific goals and direct actions, 3 for their actions. */
	level: number;
	parentId: string;
	/** The children rows' ids (for aria-expanded and collapsing). */
	childIds: string[];
	item: StrategicGoal | SpecificGoal | ActionDirection;
}

export interface Placement {
	parentId: string;
	/** Among the parent's children of the moving item's type, counted without the item. */
	index: number;
}

export function outlineRows(outline: GoalsOutline, collapsed: ReadonlySet<string> = new Set()): OutlineRow[] {
	const rows: OutlineRow[] = [];
	for (const goal of outline.strategic) {
		if (goal.placeholder) continue;
		const childIds = [...goal.specific.map((s) => s.id), ...goal.actions.map((a) => a.id)];
		rows.push({ id: goal.id, type: 'strategic', level: 1, parentId: '', childIds, item: goal });
		if (collapsed.has(goal.id)) continue;
		for (const specific of goal.specific) {
			rows.push({ id: specific.id, type: 'specific', level: 2, parentId: goal.id, childIds: specific.actions.map((a) => a.id), item: specific });
			if (collapsed.has(specific.id)) continue;
			for (const action of specific.actions) rows.push(actionRow(action, 3));
		}
		for (const action of goal.actions) rows.push(actionRow(action, 2));
	}
	return rows;
}

function actionRow(action: ActionDirection, level: number): OutlineRow {
	return { id: action.id, type: 'action', level, parentId: action.parentId, childIds: [], item: action };
}

/** Containers of each type, in reading order, with their children of that type. */
function containers(outline: GoalsOutline, type: GoalItemType): Array<{ parentId: string; ids: string[] }> {
	const real = outline.strategic.filter((goal) => !goal.placeholder);
	if (type === 'strategic') return [{ parentId: '', ids: real.map((goal) => goal.id) }];
	if (type === 'specific') return real.map((goal) => ({ parentId: goal.id, ids: goal.specific.map((s) => s.id) }));
	return real.flatMap((goal) => [
		...goal.specific.map((s) => ({ parentId: s.id, ids: s.actions.map((a) => a.id) })),
		{ parentId: goal.id, ids: goal.actions.map((a) => a.id) }
	]);
}

/**
 * Alt+↑/↓: one place up or down among siblings; past the first or last sibling the item moves
 * into the neighbouring container of its kind (an action from 5.2 to the end of 5.1), so the
 * keyboard reaches every place drag and drop can.
 */
export function keyboardMove(outline: GoalsOutline, id: string, type: GoalItemType, direction: 'up' | 'down'): Placement | null {
	const list = containers(outline, type);
	const at = list.findIndex((c) => c.ids.includes(id));
	if (at < 0) return null;
	const index = list[at].ids.indexOf(id);
	if (direction === 'up') {
		if (index > 0) return { parentId: list[at].parentId, index: index - 1 };
		const previous = list[at - 1];
		return previous ? { parentId: previous.parentId, index: previous.ids.length } : null;
	}
	if (index < list[at].ids.length - 1) return { parentId: list[at].parentId, index: index + 1 };
	const next = list[at + 1];
	return next ? { parentId: next.parentId, index: 0 } : null;
}

/**
 * Dropping `id` on the row `targetId`: beside an item of the same type (before it, or after it
 * when dropped on its lower half); into a goal that can hold it (appended) otherwise.
 */
export function dropPlacement(outline: GoalsOutline, id: string, type: GoalItemType, targetId: string, after: boolean): Placement | null {
	if (id === targetId) return null;
	for (const container of containers(outline, type)) {
		const ids = container.ids.filter((other) => other !== id);
		const at = ids.indexOf(targetId);
		if (at >= 0) return { parentId: container.parentId, index: after ? at + 1 : at };
		if (container.parentId === targetId && container.parentId !== '') return { parentId: targetId, index: ids.length };
	}
	return null;
}

/** Where "same level" (Insert) and "one level lower" (Shift+Insert) add, relative to an item. */
export type AddKind = 'strategic' | 'specific' | 'action';

export interface AddPlace {
	kind: AddKind;
	parentId: string;
	index?: number;
}

export function addSameLevel(outline: GoalsOutline, row: OutlineRow): AddPlace {
	const list = containers(outline, row.type).find((c) => c.ids.includes(row.id));
	const index = list ? list.ids.indexOf(row.id) + 1 : undefined;
	return { kind: row.type, parentId: row.type === 'strategic' ? '' : row.parentId, index };
}

/** A strategic goal gets a specific goal; a specific goal an action; an action a sibling (there is no lower level). */
export function addLevelBelow(outline: GoalsOutline, row: OutlineRow): AddPlace {
	if (row.type === 'strategic') return { kind: 'specific', parentId: row.id };
	if (row.type === 'specific') return { kind: 'action', parentId: row.id };
	return addSameLevel(outline, row);
}
