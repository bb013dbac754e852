import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAction, addSpecificGoal, addStrategicGoal, deriveGoals, initGoalsDoc, moveItem } from '../../src/lib/domain/goals';
import {
	addLevelBelow,
	addSameLevel,
	dropPlacement,
	keyboardMove,
	outlineRows
} from '../../src/lib/components/goals/goals-outline-model';

/** Area V as a workshop builds it: goal 5 with 5.1 (actions a, b) and 5.2 (action c), plus one action for the whole goal. */
function board() {
	const doc = new Y.Doc();
	initGoalsDoc(doc);
	const goal = addStrategicGoal(doc, { text: 'Wzrost skuteczności polityki społecznej', id: 'g5' })!;
	const first = addSpecificGoal(doc, goal, { text: 'Kompetencje pracowników', id: 's1' })!;
	const second = addSpecificGoal(doc, goal, { text: 'Standardy usług', id: 's2' })!;
	addAction(doc, first, { text: 'Szkolenia', id: 'a' });
	addAction(doc, first, { text: 'Superwizja', id: 'b' });
	addAction(doc, second, { text: 'Standardy zarządzania', id: 'c' });
	addAction(doc, goal, { text: 'Partnerstwo lokalne', id: 'd' });
	return doc;
}

/** What the outline shows, with the numbers a person reads. */
function shown(doc: Y.Doc): string[] {
	return outlineRows(deriveGoals(doc)).map((row) => `${'  '.repeat(row.level - 1)}${row.item.number} ${row.item.text}`);
}

describe('the goals outline', () => {
	it('reads strategic goal, specific goals with their actions, then the goal’s own actions', () => {
		expect(shown(board())).toEqual([
			'1 Wzrost skuteczności polityki społecznej',
			'  1.1 Kompetencje pracowników',
			'    1 Szkolenia',
			'    2 Superwizja',
			'  1.2 Standardy usług',
			'    3 Standardy zarządzania',
			'  4 Partnerstwo lokalne'
		]);
	});

	it('hides the rows under a collapsed goal', () => {
		const rows = outlineRows(deriveGoals(board()), new Set(['s1']));
		expect(rows.map((row) => row.id)).toEqual(['g5', 's1', 's2', 'c', 'd']);
	});

	it('moves an action down across specific goals by keyboard, renumbering as it goes', () => {
		const doc = board();
		const step = () => {
			const outline = deriveGoals(doc);
			const target = keyboardMove(outline, 'b', 'action', 'down')!;
			expect(moveItem(doc, 'b', target.parentId, target.index)).toBe(true);
		};
		step();
		expect(shown(doc).slice(3, 5)).toEqual(['  1.2 Standardy usług', '    2 Superwizja']);
		step();
		expect(shown(doc).slice(3, 6)).toEqual(['  1.2 Standardy usług', '    2 Standardy zarządzania', '    3 Superwizja']);
		step();
		expect(shown(doc).slice(-2)).toEqual(['  3 Superwizja', '  4 Partnerstwo lokalne']);
		step();
		expect(keyboardMove(deriveGoals(doc), 'b', 'action', 'down')).toBeNull();
		expect(shown(doc).at(-1)).toBe('  4 Superwizja');
	});

	it('moves a specific goal up within its strategic goal and stops at the top', () => {
		const doc = board();
		const target = keyboardMove(deriveGoals(doc), 's2', 'specific', 'up')!;
		moveItem(doc, 's2', target.parentId, target.index);
		expect(shown(doc).slice(1, 3)).toEqual(['  1.1 Standardy usług', '    1 Standardy zarządzania']);
		expect(keyboardMove(deriveGoals(doc), 's2', 'specific', 'up')).toBeNull();
	});

	it('drops an item beside one of its kind, or into a goal that can hold it', () => {
		const outline = deriveGoals(board());
		expect(dropPlacement(outline, 'c', 'action', 'a', false)).toEqual({ parentId: 's1', index: 0 });
		expect(dropPlacement(outline, 'c', 'action', 'b', true)).toEqual({ parentId: 's1', index: 2 });
		expect(dropPlacement(outline, 'a', 'action', 's2', false)).toEqual({ parentId: 's2', index: 1 });
		expect(dropPlacement(outline, 'a', 'action', 'g5', false)).toEqual({ parentId: 'g5', index: 1 });
		expect(dropPlacement(outline, 's1', 'specific', 's2', true)).toEqual({ parentId: 'g5', index: 1 });
		// A specific goal cannot go into another specific goal or next to an action.
		expect(dropPlacement(outline, 's1', 'specific', 'c', false)).toBeNull();
		expect(dropPlacement(outline, 'a', 'action', 'a', false)).toBeNull();
	});

	it('adds at the same level after the item, or one level lower', () => {
		const outline = deriveGoals(board());
		const rows = outlineRows(outline);
		const row = (id: string) => rows.find((r) => r.id === id)!;
		expect(addSameLevel(outline, row('a'))).toEqual({ kind: 'action', parentId: 's1', index: 1 });
		expect(addSameLevel(outline, row('s1'))).toEqual({ kind: 'specific', parentId: 'g5', index: 1 });
		expect(addSameLevel(outline, row('g5'))).toEqual({ kind: 'strategic', parentId: '', index: 1 });
		expect(addLevelBelow(outline, row('g5'))).toEqual({ kind: 'specific', parentId: 'g5' });
		expect(addLevelBelow(outline, row('s2'))).toEqual({ kind: 'action', parentId: 's2' });
		expect(addLevelBelow(outline, row('d'))).toEqual({ kind: 'action', parentId: 'g5', index: 1 });
	});
});
