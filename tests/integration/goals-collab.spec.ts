import { describe, expect, it } from 'vitest';
import {
	addAction,
	addIndicator,
	addSpecificGoal,
	addStrategicGoal,
	deriveGoals,
	editItemText,
	setActionFields,
	setAreaFields,
	updateIndicator,
	type GoalsOutline
} from '../../src/lib/domain/goals';
import { collabBoards } from '../support/collab-clients';
import { eventually } from '../support/eventually';
import { whenSynced, type BoardClient } from './collab-client';

// A facilitator and a workshop guest write one action direction of a goals board together.
const collab = collabBoards();
const { connect } = collab;

/**
 * The process page does not offer goals boards yet, so the board is created as the server
 * would (with its initial state) and put into the seeded workshop for the guest.
 */
function createGoalsBoard(title: string): Promise<string> {
	return collab.createBoard({ kind: 'goals', title, area: 'Obszar V. Przeciwdziałanie przemocy' });
}

/** Types `typed` between `before` and `after` one keystroke at a time, each keystroke written back whole as the editor does. */
function typeInto(client: BoardClient, id: string, before: string, typed: string, after: string, origin: unknown) {
	for (let i = 1; i <= typed.length; i++) expect(editItemText(client.doc, id, before + typed.slice(0, i) + after, origin)).toBe(true);
}

function outlineOf(client: BoardClient): string {
	return JSON.stringify(deriveGoals(client.doc));
}

describe('goals board over the board socket', () => {
	it('lets two people write one action direction and its indicators at once and keeps both', async () => {
		const boardId = await createGoalsBoard('Cele i kierunki działań: przemoc');
		const anna = connect(boardId, collab.seeded.facilitator.token);
		const jan = connect(boardId, collab.seeded.guest.token);
		await Promise.all([whenSynced(anna), whenSynced(jan)]);

		// Anna lays out the area; Jan sees it.
		setAreaFields(anna.doc, { number: 'V', title: 'Przeciwdziałanie przemocy w rodzinie' }, 'anna');
		const strategic = addStrategicGoal(anna.doc, { text: 'Ograniczenie zjawiska przemocy w rodzinie' }, 'anna')!;
		const specific = addSpecificGoal(anna.doc, strategic, { text: 'Wzrost wiedzy kadr oświaty o przemocy' }, 'anna')!;
		const action = addAction(anna.doc, specific, { text: 'Szkolenia dla nauczycieli', timeframe: '2025-2030' }, 'anna')!;
		const trained = addIndicator(
			anna.doc,
			action,
			{ name: 'Liczba przeszkolonych nauczycieli', unit: 'osoby', baseline: '0', target: '40', source: 'sprawozdania PCPR' },
			'anna'
		)!;
		expect([strategic, specific, action, trained].every(Boolean)).toBe(true);
		await eventually(() => expect(outlineOf(jan)).toBe(outlineOf(anna)));
		expect(deriveGoals(jan.doc).actions[0]).toMatchObject({ id: action, text: 'Szkolenia dla nauczycieli', problems: [] });

		// Jan drops off the network; both keep typing in the same description, and each works on
		// the indicators: Anna adds one, Jan raises the existing one's target and names who is responsible.
		jan.provider.disconnect();
		typeInto(anna, action, 'Szkolenia dla nauczycieli', ' i pedagogów szkolnych', '', 'anna');
		const schools = addIndicator(anna.doc, action, { name: 'Liczba szkół objętych szkoleniami', unit: 'szkoły', baseline: '0', target: '12', source: 'dane JST' }, 'anna')!;
		typeInto(jan, action, 'Szkolenia ', 'z rozpoznawania przemocy ', 'dla nauczycieli', 'jan');
		expect(updateIndicator(jan.doc, action, trained, { target: '60' }, 'jan')).toBe(true);
		expect(setActionFields(jan.doc, action, { responsible: 'PCPR w Piszu' }, 'jan')).toBe(true);
		// Offline, each still sees only their own change.
		expect(deriveGoals(anna.doc).actions[0].text).toBe('Szkolenia dla nauczycieli i pedagogów szkolnych');
		expect(deriveGoals(jan.doc).actions[0]).toMatchObject({ text: 'Szkolenia z rozpoznawania przemocy dla nauczycieli', indicators: [{ target: '60' }] });
		jan.provider.connect();

		await eventually(() => expect(outlineOf(jan)).toBe(outlineOf(anna)));
		const outline: GoalsOutline = deriveGoals(anna.doc);
		expect(outline.area).toMatchObject({ number: 'V', title: 'Przeciwdziałanie przemocy w rodzinie', firstGoalNumber: 5 });
		expect(outline.strategic.map((goal) => [goal.number, goal.text])).toEqual([['5', 'Ograniczenie zjawiska przemocy w rodzinie']]);
		expect(outline.strategic[0].specific.map((goal) => [goal.number, goal.text])).toEqual([['5.1', 'Wzrost wiedzy kadr oświaty o przemocy']]);
		expect(outline.strategic[0].specific[0].actions.map((a) => a.id)).toEqual([action]);
		expect(outline.actions).toHaveLength(1);
		expect(outline.actions[0]).toMatchObject({
			id: action,
			number: 1,
			parentId: specific,
			text: 'Szkolenia z rozpoznawania przemocy dla nauczycieli i pedagogów szkolnych',
			timeframe: '2025-2030',
			responsible: 'PCPR w Piszu',
			problems: []
		});
		expect(outline.actions[0].indicators).toEqual([
			{ id: trained, name: 'Liczba przeszkolonych nauczycieli', unit: 'osoby', baseline: '0', target: '60', source: 'sprawozdania PCPR', splitBySex: false },
			{ id: schools, name: 'Liczba szkół objętych szkoleniami', unit: 'szkoły', baseline: '0', target: '12', source: 'dane JST', splitBySex: false }
		]);

		// After everyone leaves and the server restarts, a fresh client loads the same outline.
		const expected = JSON.stringify(outline);
		await collab.restart();
		const later = connect(boardId, collab.seeded.guest.token);
		await whenSynced(later);
		expect(outlineOf(later)).toBe(expected);
	});
});
