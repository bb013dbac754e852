import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	AREA_ID,
	GOALS_SCHEMA_VERSION,
	addAction,
	addFootnote,
	addIndicator,
	addSpecificGoal,
	addStrategicGoal,
	deleteItem,
	deriveGoals,
	editItemText,
	goalsItemsMap,
	goalsMetaMap,
	initGoalsDoc,
	moveItem,
	readArea,
	removeFootnote,
	removeIndicator,
	setActionFields,
	setAreaFields,
	setEntities,
	setFootnote,
	updateIndicator,
	type GoalsOutline
} from '../../src/lib/domain/goals';

function newBoard(): Y.Doc {
	const doc = new Y.Doc();
	initGoalsDoc(doc);
	return doc;
}

/** The outline as a reader sees it: "5 text", "  5.1 text", "    1) text". */
function outline(goals: GoalsOutline): string[] {
	const lines: string[] = [];
	for (const goal of goals.strategic) {
		lines.push(`${goal.number} ${goal.text}`);
		for (const specific of goal.specific) {
			lines.push(`  ${specific.number} ${specific.text}`);
			for (const action of specific.actions) lines.push(`    ${action.number}) ${action.text}`);
		}
		for (const action of goal.actions) lines.push(`  ${action.number}) ${action.text}`);
	}
	return lines;
}

function sync(a: Y.Doc, b: Y.Doc): void {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Area V, goal 5 with specific goals A, B and actions a1, a2 under A, b1 under B, g1 under the goal. */
function sampleBoard(): Y.Doc {
	const doc = newBoard();
	setAreaFields(doc, { title: 'Współpraca', number: 'V' });
	addStrategicGoal(doc, { id: 'g', text: 'Cel' });
	addSpecificGoal(doc, 'g', { id: 'A', text: 'A' });
	addSpecificGoal(doc, 'g', { id: 'B', text: 'B' });
	addAction(doc, 'A', { id: 'a1', text: 'a1' });
	addAction(doc, 'A', { id: 'a2', text: 'a2' });
	addAction(doc, 'B', { id: 'b1', text: 'b1' });
	addAction(doc, 'g', { id: 'g1', text: 'g1' });
	return doc;
}

describe('goals doc', () => {
	it('initialises meta and the area once, idempotently', () => {
		const doc = newBoard();
		initGoalsDoc(doc);
		expect(goalsMetaMap(doc).get('schemaVersion')).toBe(GOALS_SCHEMA_VERSION);
		expect(readArea(doc)).toEqual({ title: '', number: '', firstGoalNumber: null, entities: [], entitiesNote: '', footnotes: [] });
		expect(deriveGoals(doc).strategic).toEqual([]);
	});
});

describe('numbering', () => {
	it('numbers goals from the area number, specific goals 5.1…, actions 1…n across the area', () => {
		const doc = sampleBoard();
		expect(outline(deriveGoals(doc))).toEqual(['5 Cel', '  5.1 A', '    1) a1', '    2) a2', '  5.2 B', '    3) b1', '  4) g1']);
		addStrategicGoal(doc, { id: 'h', text: 'Drugi' });
		addAction(doc, 'h', { id: 'h1', text: 'h1' });
		expect(outline(deriveGoals(doc)).slice(-2)).toEqual(['6 Drugi', '  5) h1']);
	});

	it('starts at 1 without an area number, at firstGoalNumber when set, and reads arabic numbers', () => {
		const doc = sampleBoard();
		setAreaFields(doc, { number: '' });
		expect(deriveGoals(doc).strategic[0].number).toBe('1');
		setAreaFields(doc, { number: '3' });
		expect(deriveGoals(doc).strategic[0].specific[1].number).toBe('3.2');
		setAreaFields(doc, { firstGoalNumber: 7 });
		expect(deriveGoals(doc).strategic[0].number).toBe('7');
		setAreaFields(doc, { firstGoalNumber: null, number: 'IV' });
		expect(deriveGoals(doc).strategic[0].number).toBe('4');
	});

	it('renumbers after inserts at an index, moves and deletes', () => {
		const doc = sampleBoard();
		addSpecificGoal(doc, 'g', { id: 'Z', text: 'Z', index: 0 });
		addAction(doc, 'A', { id: 'a0', text: 'a0', index: 0 });
		expect(outline(deriveGoals(doc))).toEqual([
			'5 Cel', '  5.1 Z', '  5.2 A', '    1) a0', '    2) a1', '    3) a2', '  5.3 B', '    4) b1', '  5) g1'
		]);
		expect(moveItem(doc, 'a2', 'B', 1)).toBe(true);
		expect(moveItem(doc, 'B', 'g', 0)).toBe(true);
		expect(outline(deriveGoals(doc))).toEqual([
			'5 Cel', '  5.1 B', '    1) b1', '    2) a2', '  5.2 Z', '  5.3 A', '    3) a0', '    4) a1', '  5) g1'
		]);
		expect(deleteItem(doc, 'a0')).toBe(true);
		expect(deleteItem(doc, 'Z')).toBe(true);
		expect(outline(deriveGoals(doc))).toEqual(['5 Cel', '  5.1 B', '    1) b1', '    2) a2', '  5.2 A', '    3) a1', '  4) g1']);
	});

	it('renumbers strategic goals and the actions under them when a strategic goal moves', () => {
		const doc = sampleBoard();
		addStrategicGoal(doc, { id: 'h', text: 'Drugi' });
		addAction(doc, 'h', { id: 'h1', text: 'h1' });
		expect(moveItem(doc, 'h', '', 0)).toBe(true);
		expect(outline(deriveGoals(doc))).toEqual([
			'5 Drugi', '  1) h1', '6 Cel', '  6.1 A', '    2) a1', '    3) a2', '  6.2 B', '    4) b1', '  5) g1'
		]);
		expect(moveItem(doc, 'h', 'g', 0)).toBe(false);
	});

	it('refuses moves that break the hierarchy, and bad ids, without throwing', () => {
		const doc = sampleBoard();
		expect(moveItem(doc, 'A', 'B', 0)).toBe(false);
		expect(moveItem(doc, 'g', 'A', 0)).toBe(false);
		expect(moveItem(doc, 'a1', 'b1', 0)).toBe(false);
		expect(moveItem(doc, 'nope', 'g', 0)).toBe(false);
		expect(addSpecificGoal(doc, 'A')).toBeNull();
		expect(addAction(doc, 'a1')).toBeNull();
		expect(addAction(doc, 'missing')).toBeNull();
		expect(addStrategicGoal(doc, { id: 'g' })).toBeNull();
		expect(editItemText(doc, 'missing', 'x')).toBe(false);
		expect(deleteItem(doc, 'missing')).toBe(false);
		expect(moveItem(doc, 'a1', 'g', Number.NaN)).toBe(true);
		expect(deriveGoals(doc).strategic[0].actions.map((a) => a.id)).toEqual(['g1', 'a1']);
	});

	it('moves children up on delete: a specific goal’s actions go first under the strategic goal', () => {
		const doc = sampleBoard();
		deleteItem(doc, 'A');
		expect(outline(deriveGoals(doc))).toEqual(['5 Cel', '  5.1 B', '    1) b1', '  2) a1', '  3) a2', '  4) g1']);
	});

	it('hands a deleted strategic goal’s children to its neighbour, and keeps the last one while it has children', () => {
		const doc = sampleBoard();
		expect(deleteItem(doc, 'g')).toBe(false);
		addStrategicGoal(doc, { id: 'h', text: 'Drugi' });
		addSpecificGoal(doc, 'h', { id: 'H', text: 'H' });
		expect(deleteItem(doc, 'g')).toBe(true);
		expect(outline(deriveGoals(doc))).toEqual([
			'5 Drugi', '  5.1 H', '  5.2 A', '    1) a1', '    2) a2', '  5.3 B', '    3) b1', '  4) g1'
		]);
		addStrategicGoal(doc, { id: 'empty' });
		expect(deleteItem(doc, 'empty')).toBe(true);
	});

	it('keeps text edits span by span', () => {
		const doc = sampleBoard();
		expect(editItemText(doc, 'a1', 'a1 poprawione')).toBe(true);
		expect(deriveGoals(doc).strategic[0].specific[0].actions[0].text).toBe('a1 poprawione');
	});
});

describe('concurrent edits', () => {
	it('two replicas reordering at once converge on the same numbering', () => {
		const a = sampleBoard();
		const b = new Y.Doc();
		sync(a, b);
		moveItem(a, 'a2', 'A', 0);
		addAction(a, 'A', { id: 'x', text: 'x', index: 1 });
		moveItem(b, 'b1', 'A', 0);
		moveItem(b, 'B', 'g', 0);
		addAction(b, 'A', { id: 'y', text: 'y', index: 1 });
		sync(a, b);
		const left = outline(deriveGoals(a));
		expect(outline(deriveGoals(b))).toEqual(left);
		expect(deriveGoals(a).actions.map((action) => action.number)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(left[0]).toBe('5 Cel');
		expect(left).toContain('  5.1 B');
	});

	it('a concurrent delete and add under it leave an orphan that both replicas re-home the same way', () => {
		const a = sampleBoard();
		const b = new Y.Doc();
		sync(a, b);
		deleteItem(a, 'B');
		addAction(b, 'B', { id: 'late', text: 'late' });
		sync(a, b);
		const goals = deriveGoals(a);
		expect(outline(deriveGoals(b))).toEqual(outline(goals));
		const late = goals.actions.find((action) => action.id === 'late')!;
		expect(late.repaired).toBe(true);
		expect(late.parentId).toBe('g');
		expect(goals.actions.map((action) => action.number)).toEqual([1, 2, 3, 4, 5]);
		// the next move writes a proper parent
		expect(moveItem(a, 'late', 'A', 0)).toBe(true);
		expect(deriveGoals(a).strategic[0].specific[0].actions[0]).toMatchObject({ id: 'late', repaired: false });
	});
});

describe('orphan repair', () => {
	it('re-homes items with a missing or wrong-typed parent under the first strategic goal', () => {
		const doc = sampleBoard();
		addStrategicGoal(doc, { id: 'h', text: 'Drugi' });
		(goalsItemsMap(doc).get('B') as Y.Map<unknown>).set('parent', 'A'); // specific under specific
		(goalsItemsMap(doc).get('g1') as Y.Map<unknown>).set('parent', 'a1'); // action under action
		const goals = deriveGoals(doc);
		expect(goals.strategic[0].specific.map((s) => [s.id, s.repaired])).toEqual([['A', false], ['B', true]]);
		expect(goals.strategic[0].actions.map((a) => [a.id, a.repaired])).toEqual([['g1', true]]);
	});

	it('shows orphans under a placeholder when no strategic goal is left, until one is added', () => {
		const doc = sampleBoard();
		goalsItemsMap(doc).delete('g');
		let goals = deriveGoals(doc);
		expect(goals.strategic).toHaveLength(1);
		expect(goals.strategic[0]).toMatchObject({ id: '', placeholder: true, number: '5' });
		expect(goals.actions).toHaveLength(4);
		expect(addAction(doc, '')).toBeNull();
		expect(deleteItem(doc, '')).toBe(false);
		addStrategicGoal(doc, { id: 'n', text: 'Nowy' });
		goals = deriveGoals(doc);
		expect(goals.strategic.map((g) => [g.id, g.placeholder])).toEqual([['n', false]]);
		expect(outline(goals)).toEqual(['5 Nowy', '  5.1 A', '    1) a1', '    2) a2', '  5.2 B', '    3) b1', '  4) g1']);
	});

	it('skips malformed entries', () => {
		const doc = sampleBoard();
		goalsItemsMap(doc).set('junk', 'text');
		const bad = new Y.Map<unknown>();
		bad.set('type', 'goal');
		bad.set('text', new Y.Text('x'));
		goalsItemsMap(doc).set('bad', bad);
		expect(deriveGoals(doc).actions).toHaveLength(4);
	});
});

describe('action details', () => {
	it('adds, updates and removes indicators', () => {
		const doc = sampleBoard();
		const id = addIndicator(doc, 'a1', { name: 'Liczba szkoleń', unit: 'szt.' })!;
		const second = addIndicator(doc, 'a1', { name: 'Liczba uczestników', splitBySex: true })!;
		expect(addIndicator(doc, 'A', { name: 'not an action' })).toBeNull();
		expect(updateIndicator(doc, 'a1', id, { baseline: '0', target: '12', source: 'sprawozdania', splitBySex: true })).toBe(true);
		expect(updateIndicator(doc, 'a1', 'missing', { name: 'x' })).toBe(false);
		let action = deriveGoals(doc).actions[0];
		expect(action.indicators).toEqual([
			{ id, name: 'Liczba szkoleń', unit: 'szt.', baseline: '0', target: '12', source: 'sprawozdania', splitBySex: true },
			{ id: second, name: 'Liczba uczestników', unit: '', baseline: '', target: '', source: '', splitBySex: true }
		]);
		expect(removeIndicator(doc, 'a1', id)).toBe(true);
		expect(removeIndicator(doc, 'a1', id)).toBe(false);
		action = deriveGoals(doc).actions[0];
		expect(action.indicators.map((i) => i.id)).toEqual([second]);
	});

	it('lets actions inherit the area’s entities until they list their own', () => {
		const doc = sampleBoard();
		expect(setEntities(doc, AREA_ID, [' PCPR ', 'MOPS', '', 'PCPR'])).toBe(true);
		expect(setEntities(doc, 'a2', ['Szkoły'])).toBe(true);
		expect(setEntities(doc, 'A', ['x'])).toBe(false);
		let [a1, a2] = deriveGoals(doc).actions;
		expect(a1).toMatchObject({ entities: ['PCPR', 'MOPS'], inheritsEntities: true });
		expect(a2).toMatchObject({ entities: ['Szkoły'], inheritsEntities: false });
		setEntities(doc, 'a2', []);
		[a1, a2] = deriveGoals(doc).actions;
		expect(a2).toMatchObject({ entities: ['PCPR', 'MOPS'], inheritsEntities: true });
	});

	it('flags incomplete actions and counts them', () => {
		const doc = sampleBoard();
		let goals = deriveGoals(doc);
		expect(goals.incompleteActions).toBe(4);
		expect(goals.actions[0].problems).toEqual(['no-indicator', 'no-timeframe']);
		setActionFields(doc, 'a1', { timeframe: '2024–2026', responsible: 'PCPR', funding: 'budżet powiatu' });
		addIndicator(doc, 'a1', { name: 'Liczba' });
		setActionFields(doc, 'a2', { timeframe: 'wkrótce' });
		addIndicator(doc, 'a2', { name: '   ' });
		goals = deriveGoals(doc);
		expect(goals.actions[0]).toMatchObject({ problems: [], responsible: 'PCPR', funding: 'budżet powiatu', parsedTimeframe: { from: { year: 2024 }, to: { year: 2026 } } });
		expect(goals.actions[1].problems).toEqual(['no-indicator', 'bad-timeframe']);
		expect(goals.incompleteActions).toBe(3);
		expect(setActionFields(doc, 'A', { timeframe: '2024' })).toBe(false);
	});

	it('keeps footnotes on items and the area, numbered in reading order', () => {
		const doc = sampleBoard();
		expect(addFootnote(doc, 'g1', 'przypis akcji')).toBe(true);
		expect(addFootnote(doc, AREA_ID, 'przypis obszaru')).toBe(true);
		expect(addFootnote(doc, 'A', 'przypis celu')).toBe(true);
		expect(addFootnote(doc, 'missing', 'x')).toBe(false);
		expect(addFootnote(doc, 'A', '   ')).toBe(false);
		expect(deriveGoals(doc).footnotes.map((f) => `${f.number}:${f.ownerId}:${f.text}`)).toEqual([
			'1:A:przypis celu', '2:area:przypis obszaru', '3:g1:przypis akcji'
		]);
		expect(setFootnote(doc, 'g1', 0, 'poprawiony')).toBe(true);
		expect(deriveGoals(doc).actions[3].footnotes).toEqual(['poprawiony']);
		expect(removeFootnote(doc, 'g1', 0)).toBe(true);
		expect(removeFootnote(doc, 'g1', 0)).toBe(false);
		expect(deriveGoals(doc).footnotes).toHaveLength(2);
	});
});

describe('the area named on the new-board form', () => {
	it('splits "Obszar V. …" into the number and the title, and keeps other names as the title', async () => {
		const { splitAreaName } = await import('../../src/lib/domain/goals');
		expect(splitAreaName('Obszar V. Poprawa współpracy')).toEqual({ number: 'V', title: 'Poprawa współpracy' });
		expect(splitAreaName('obszar 3: Przeciwdziałanie przemocy')).toEqual({ number: '3', title: 'Przeciwdziałanie przemocy' });
		expect(splitAreaName('Obszarowe wsparcie rodzin')).toEqual({ number: '', title: 'Obszarowe wsparcie rodzin' });
		expect(splitAreaName('  Wsparcie seniorów ')).toEqual({ number: '', title: 'Wsparcie seniorów' });
	});
});
