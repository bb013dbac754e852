import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addStrategicGoal,
	applySeed,
	deriveGoals,
	initGoalsDoc,
	proposeSeed,
	summariseObjectiveTree,
	type GoalsOutline
} from '../../src/lib/domain/goals';
import { CORE_BOX_ID, addCause, addEffect, convertToObjectiveTree, deriveTree, initTreeDoc } from '../../src/lib/domain/problem-tree';

/** An objective tree as a conversion leaves it: core objective, two ends, two means with one sub-mean. */
function objectiveTree() {
	const problem = new Y.Doc();
	initTreeDoc(problem, 'problem', { coreText: 'Wysoki poziom przemocy w rodzinach' });
	const add = (kind: 'cause' | 'effect', parent: string, text: string) => (kind === 'cause' ? addCause : addEffect)(problem, parent, { text, by: 'f', now: 1 })!;
	const parenting = add('cause', CORE_BOX_ID, 'Niski poziom kompetencji wychowawczych rodziców');
	add('cause', parenting, 'Brak specjalistycznego poradnictwa dla rodzin');
	add('cause', CORE_BOX_ID, 'Brak koordynacji działań między instytucjami');
	const fosterCare = add('effect', CORE_BOX_ID, 'Rosnąca liczba dzieci umieszczanych w pieczy zastępczej');
	add('effect', fosterCare, 'Wysokie wydatki powiatu na pieczę zastępczą');
	const objective = new Y.Doc();
	convertToObjectiveTree(problem, objective, { by: 'f', now: 2 });
	return summariseObjectiveTree('otree-1', 'Drzewo celów: przemoc', deriveTree(objective));
}

function read(outline: GoalsOutline): string[] {
	const lines: string[] = [];
	for (const goal of outline.strategic) {
		lines.push(`${goal.number} ${goal.text}`);
		for (const specific of goal.specific) {
			lines.push(`  ${specific.number} ${specific.text}`);
			for (const action of specific.actions) lines.push(`    ${action.number}. ${action.text}`);
		}
		for (const action of goal.actions) lines.push(`  ${action.number}. ${action.text}`);
	}
	return lines;
}

describe('seeding a goals board from an objective tree', () => {
	it('proposes the core and the ends as strategic goals (higher ends unticked), first-level means as specific goals, deeper means as actions', () => {
		const source = objectiveTree();
		const doc = new Y.Doc();
		initGoalsDoc(doc);
		const proposal = proposeSeed(source, deriveGoals(doc));
		expect(proposal.map((c) => [c.role, c.text, c.proposed])).toEqual([
			['strategic', 'Poziom przemocy w rodzinach jest niski', true],
			['strategic', 'Liczba dzieci umieszczanych w pieczy zastępczej maleje', true],
			// A higher end: a wider impact, offered but not ticked.
			['strategic', 'Wydatki powiatu na pieczę zastępczą są niskie', false],
			['specific', 'Rodzice mają wysokie kompetencje wychowawcze', true],
			['action', 'Specjalistyczne poradnictwo jest dostępne dla rodzin', true],
			['specific', 'Działania instytucji są skoordynowane', true]
		]);
	});

	it('writes only what the facilitator ticked, each item linked to its box, and does not propose it again', () => {
		const source = objectiveTree();
		const doc = new Y.Doc();
		initGoalsDoc(doc);
		const proposal = proposeSeed(source, deriveGoals(doc));
		const ends = proposal.filter((c) => c.text.startsWith('Liczba dzieci'));
		const chosen = proposal.filter((c) => c.proposed && !ends.includes(c)).map((c) => c.boxId);

		const result = applySeed(doc, source, chosen);

		expect(result).toEqual({ ok: true, created: { strategic: 1, specific: 2, actions: 1 } });
		const outline = deriveGoals(doc);
		expect(read(outline)).toEqual([
			'1 Poziom przemocy w rodzinach jest niski',
			'  1.1 Rodzice mają wysokie kompetencje wychowawcze',
			'    1. Specjalistyczne poradnictwo jest dostępne dla rodzin',
			'  1.2 Działania instytucji są skoordynowane'
		]);
		expect(outline.strategic[0].sourceBoardId).toBe('otree-1');
		expect(outline.strategic[0].sourceBoxId).toBe(proposal[0].boxId);
		expect(outline.actions[0].sourceBoxId).toBe(proposal.find((c) => c.role === 'action')!.boxId);

		const again = proposeSeed(source, outline);
		expect(again.filter((c) => c.proposed).map((c) => c.text)).toEqual(['Liczba dzieci umieszczanych w pieczy zastępczej maleje']);
		expect(applySeed(doc, source, chosen)).toMatchObject({ ok: false, refusal: 'nothing-selected' });
		expect(read(deriveGoals(doc))).toHaveLength(4);
	});

	it('puts specific goals under the board’s first strategic goal when no new one is ticked, and refuses when there is none', () => {
		const source = objectiveTree();
		const empty = new Y.Doc();
		initGoalsDoc(empty);
		const means = proposeSeed(source, deriveGoals(empty)).filter((c) => c.role !== 'strategic').map((c) => c.boxId);
		expect(applySeed(empty, source, means)).toMatchObject({ ok: false, refusal: 'no-strategic-goal' });
		expect(deriveGoals(empty).strategic).toEqual([]);

		const doc = new Y.Doc();
		initGoalsDoc(doc);
		addStrategicGoal(doc, { text: 'Wzrost bezpieczeństwa rodzin' });
		expect(applySeed(doc, source, means).created).toEqual({ strategic: 0, specific: 2, actions: 1 });
		expect(read(deriveGoals(doc))[0]).toBe('1 Wzrost bezpieczeństwa rodzin');
		expect(read(deriveGoals(doc))).toHaveLength(4);
	});

	it('is one undo step', () => {
		const source = objectiveTree();
		const doc = new Y.Doc();
		initGoalsDoc(doc);
		const origin = { local: true };
		const undo = new Y.UndoManager([doc.getMap('items'), doc.getMap('area')], { trackedOrigins: new Set([origin]) });
		applySeed(doc, source, proposeSeed(source, deriveGoals(doc)).map((c) => c.boxId), origin);
		expect(deriveGoals(doc).actions).toHaveLength(1);
		undo.undo();
		expect(deriveGoals(doc).strategic).toEqual([]);
	});
});
