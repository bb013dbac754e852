import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	SEED_000_TEMPLATE,
	addAction,
	addSpecificGoal,
	addStrategicGoal,
	deriveGoals,
	importGoalsTemplate,
	initGoalsDoc,
	setEntities,
	type Indicator,
	type ObjectiveTreeSummary
} from '../../src/lib/domain/goals';
import { indicatorSummary, itemHeading, problemLabel, sourceOptionLabel } from '../../src/lib/components/goals/goals-labels';
import {
	findItem,
	footnoteNumbers,
	hasOwnEntities,
	matchInstitution,
	parseFirstGoalNumber,
	parseSourceKey,
	resolveSource,
	sourceKey,
	tableSections,
	timeframeFeedback
} from '../../src/lib/components/goals/goals-view';

function seedOutline() {
	const doc = new Y.Doc();
	importGoalsTemplate(doc, SEED_000_TEMPLATE);
	return { doc, outline: deriveGoals(doc) };
}

const indicator = (fields: Partial<Indicator>): Indicator => ({
	id: 'i1',
	name: '',
	unit: '',
	baseline: '',
	target: '',
	source: '',
	splitBySex: false,
	...fields
});

describe('goals labels (Polish, the default locale)', () => {
	it('names items the way the chapter does', () => {
		expect(itemHeading('strategic', '5')).toBe('Cel strategiczny 5');
		expect(itemHeading('specific', '5.1')).toBe('Cel szczegółowy 5.1');
		expect(itemHeading('action', 3)).toBe('Działanie 3');
	});

	it('summarises an indicator with only what was filled in', () => {
		expect(indicatorSummary(indicator({ name: 'Liczba uczestników.' }))).toBe('Liczba uczestników.');
		expect(
			indicatorSummary(indicator({ name: 'Liczba uczestników', unit: 'osoby', baseline: '0', target: 'min. 120 rocznie', splitBySex: true }))
		).toBe('Liczba uczestników (osoby), wartość bazowa: 0, wartość docelowa: min. 120 rocznie (K/M)');
		expect(indicatorSummary(indicator({ name: 'Odsetek', target: '25%' }))).toBe('Odsetek, wartość docelowa: 25%');
	});

	it('says what an incomplete action lacks', () => {
		expect(['no-indicator', 'no-timeframe', 'bad-timeframe'].map((p) => problemLabel(p as never))).toEqual([
			'Brak wskaźnika',
			'Brak harmonogramu',
			'Harmonogram nieczytelny'
		]);
	});

	it('labels objective-tree boxes in the objective tree’s own words, indented by depth', () => {
		expect(sourceOptionLabel({ id: 'core', text: 'Skuteczna polityka', role: 'core', depth: 0, parentId: null })).toBe('Cel główny: Skuteczna polityka');
		expect(sourceOptionLabel({ id: 'm', text: 'Kadra przeszkolona', role: 'mean', depth: 2, parentId: 'x' })).toBe('\u00a0\u00a0Środek: Kadra przeszkolona');
	});
});

describe('goals view model', () => {
	it('reads seed 000 as one plain table of 7 actions with footnotes 1–3 in reading order', () => {
		const { outline } = seedOutline();
		const goal = outline.strategic[0];
		const sections = tableSections(goal);
		expect(sections).toHaveLength(1);
		expect(sections[0].group).toBeNull();
		expect(sections[0].actions.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);

		const markers = footnoteNumbers(outline);
		expect(markers.get(goal.specific[0].id)).toEqual([1]);
		expect(markers.get('area')).toEqual([2]);
		expect(markers.get(goal.actions[4].id)).toEqual([3]);
		expect(hasOwnEntities(outline)).toBe(false);
	});

	it('adds sub-headers only when actions hang under specific goals, in number order', () => {
		const doc = new Y.Doc();
		initGoalsDoc(doc);
		const goal = addStrategicGoal(doc, { text: 'Cel' })!;
		const specific = addSpecificGoal(doc, goal, { text: 'Szczegółowy' })!;
		const direct = addAction(doc, goal, { text: 'Ogólne' })!;
		const under = addAction(doc, specific, { text: 'Pod 1.1' })!;
		setEntities(doc, under, ['MOPS']);
		const outline = deriveGoals(doc);
		const sections = tableSections(outline.strategic[0]);
		expect(sections.map((s) => [s.group, s.actions.map((a) => [a.id, a.number])])).toEqual([
			[{ kind: 'specific', number: '1.1' }, [[under, 1]]],
			[{ kind: 'strategic', number: '1' }, [[direct, 2]]]
		]);
		expect(hasOwnEntities(outline)).toBe(true);
		expect(findItem(outline, under)?.type).toBe('action');
		expect(findItem(outline, specific)?.type).toBe('specific');
		expect(findItem(outline, 'area')).toBeNull();
		expect(findItem(outline, 'gone')).toBeNull();
	});

	it('gives live feedback on a timeframe as typed', () => {
		expect(timeframeFeedback('  ')).toEqual({ kind: 'empty' });
		expect(timeframeFeedback('2024-2026')).toEqual({ kind: 'parsed', text: '2024–2026' });
		expect(timeframeFeedback('II kwartał 2019 – III kwartał 2020')).toEqual({ kind: 'parsed', text: 'II kw. 2019–III kw. 2020' });
		expect(timeframeFeedback('na bieżąco')).toEqual({ kind: 'unparsed' });
	});

	it('tells a live link from a box or a tree that is gone', () => {
		const trees: ObjectiveTreeSummary[] = [
			{ boardId: 'b1', title: 'Drzewo celów', boxes: [{ id: 'core', text: 'Cel główny', role: 'core', depth: 0, parentId: null }] }
		];
		expect(resolveSource({ sourceBoardId: null, sourceBoxId: null }, trees).kind).toBe('none');
		expect(resolveSource({ sourceBoardId: 'b1', sourceBoxId: 'core' }, trees).kind).toBe('linked');
		expect(resolveSource({ sourceBoardId: 'b1', sourceBoxId: 'x' }, trees).kind).toBe('box-missing');
		expect(resolveSource({ sourceBoardId: 'b2', sourceBoxId: 'core' }, trees).kind).toBe('tree-missing');
		expect(parseSourceKey(sourceKey('b1', 'o-123'))).toEqual({ boardId: 'b1', boxId: 'o-123' });
		expect(parseSourceKey('broken')).toBeNull();
	});

	it('matches an institution whatever the capitals, and reads the first goal number strictly', () => {
		expect(matchInstitution(' mops w olsztynie ', ['MOPS w Olsztynie', 'PUP'])).toBe('MOPS w Olsztynie');
		expect(matchInstitution('ŁOŚ', ['łoś'])).toBe('łoś');
		expect(matchInstitution('Policja', ['PUP'])).toBeNull();
		expect(parseFirstGoalNumber('', 999)).toEqual({ ok: true, value: null });
		expect(parseFirstGoalNumber(' 5 ', 999)).toEqual({ ok: true, value: 5 });
		for (const bad of ['0', '1000', '5.5', '-1', 'V']) expect(parseFirstGoalNumber(bad, 999)).toEqual({ ok: false });
	});
});
