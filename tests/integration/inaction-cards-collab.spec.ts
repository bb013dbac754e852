import { describe, expect, it } from 'vitest';
import {
	addCard,
	addProblemLink,
	costSummary,
	deriveCards,
	editCardText,
	setBearers,
	setCardFields,
	setSeverity,
	type InactionCard
} from '../../src/lib/domain/inaction-cards';
import { collabBoards } from '../support/collab-clients';
import { eventually } from '../support/eventually';
import { whenSynced, type BoardClient } from './collab-client';

// A facilitator and a workshop guest fill one cost-of-inaction card together, one of them offline
// for a while, and the board they leave behind is the one a fresh client loads after a restart.
const collab = collabBoards();
const { connect } = collab;

/** Cards boards are not offered on the process page yet: created as the server would, put into the guest's workshop. */
function createCardsBoard(title: string): Promise<string> {
	return collab.createBoard({ kind: 'inaction-cards', title, area: null });
}

/** Types `typed` between `before` and `after` one keystroke at a time, each written back whole as the text field does. */
function typeInto(client: BoardClient, id: string, before: string, typed: string, after: string, origin: unknown) {
	for (let i = 1; i <= typed.length; i++) expect(editCardText(client.doc, id, before + typed.slice(0, i) + after, origin)).toBe(true);
}

function boardOf(client: BoardClient): string {
	return JSON.stringify(deriveCards(client.doc));
}

function only(client: BoardClient): InactionCard {
	const cards = deriveCards(client.doc);
	expect(cards).toHaveLength(1);
	return cards[0];
}

describe('cost-of-inaction cards over the board socket', () => {
	it('lets two people fill one card at once, one of them offline, and keeps both', async () => {
		const boardId = await createCardsBoard('Karty kosztów zaniechania: przemoc');
		const anna = connect(boardId, collab.seeded.facilitator.token);
		const jan = connect(boardId, collab.seeded.guest.token);
		await Promise.all([whenSynced(anna), whenSynced(jan)]);

		const card = addCard(anna.doc, { area: 'problemy opiekuńczo-wychowawcze', text: 'Dzieci trafią do pieczy zastępczej.', createdBy: 'Anna' }, 'anna')!;
		expect(card).toBeTruthy();
		await eventually(() => expect(boardOf(jan)).toBe(boardOf(anna)));

		// Jan's laptop drops off the Wi-Fi; both keep writing the same card.
		jan.provider.disconnect();
		typeInto(anna, card, 'Dzieci trafią do pieczy zastępczej.', ' Rodziny się rozpadną.', '', 'anna');
		expect(setBearers(anna.doc, card, ['person-family'], 'anna')).toBe(true);
		expect(setSeverity(anna.doc, card, 'social', 4, 'anna')).toBe(true);
		expect(setCardFields(anna.doc, card, { costEstimate: '12 dzieci w pieczy zastępczej × 4 800 zł × 12 miesięcy', horizon: '1-3' }, 'anna')).toBe(true);

		typeInto(jan, card, 'Dzieci ', 'z zaniedbanych rodzin ', 'trafią do pieczy zastępczej.', 'jan');
		expect(setBearers(jan.doc, card, ['institutions'], 'jan')).toBe(true);
		expect(setSeverity(jan.doc, card, 'financial', 5, 'jan')).toBe(true);
		expect(setCardFields(jan.doc, card, { likelihood: 'high', sources: 'Sprawozdanie PCPR za 2024 r.' }, 'jan')).toBe(true);
		expect(addProblemLink(jan.doc, card, { boardId: 'tree-board', boxId: 'cause-1' }, 'jan')).toBe(true);
		// Offline, Jan still sees only his own changes.
		expect(only(jan)).toMatchObject({ bearers: ['institutions'], severity: { financial: 5 }, costEstimate: '' });
		jan.provider.connect();

		await eventually(() => expect(boardOf(jan)).toBe(boardOf(anna)));
		const merged = only(anna);
		expect(merged).toMatchObject({
			id: card,
			area: 'problemy opiekuńczo-wychowawcze',
			text: 'Dzieci z zaniedbanych rodzin trafią do pieczy zastępczej. Rodziny się rozpadną.',
			bearers: ['person-family', 'institutions'],
			severity: { social: 4, financial: 5 },
			maxSeverity: 5,
			costEstimate: '12 dzieci w pieczy zastępczej × 4 800 zł × 12 miesięcy',
			horizon: '1-3',
			likelihood: 'high',
			sources: 'Sprawozdanie PCPR za 2024 r.',
			problemLinks: [{ boardId: 'tree-board', boxId: 'cause-1' }],
			createdBy: 'Anna'
		});
		expect(merged.cost).toMatchObject({ ok: true, value: 691_200 });

		// The same cost typed over by both at once: one value wins everywhere, never a mix of the two.
		setCardFields(anna.doc, card, { costEstimate: '14 dzieci × 4 800 zł × 12' }, 'anna');
		setCardFields(jan.doc, card, { costEstimate: '10 dzieci × 4 800 zł × 12' }, 'jan');
		await eventually(() => expect(boardOf(jan)).toBe(boardOf(anna)));
		expect(['14 dzieci × 4 800 zł × 12', '10 dzieci × 4 800 zł × 12']).toContain(only(anna).costEstimate);

		// A second card without an estimate: the total counts the first only and names the second.
		const homelessness = addCard(jan.doc, { area: 'bezdomność', createdBy: 'Jan' }, 'jan')!;
		await eventually(() => expect(deriveCards(anna.doc)).toHaveLength(2));
		const summary = costSummary(deriveCards(anna.doc));
		expect(summary.withEstimate).toBe(1);
		expect(summary.withoutEstimate).toEqual([{ id: homelessness, area: 'bezdomność' }]);

		// After everyone leaves and the server restarts, a fresh client loads the same board.
		const expected = boardOf(anna);
		await collab.restart();
		const later = connect(boardId, collab.seeded.guest.token);
		await whenSynced(later);
		expect(boardOf(later)).toBe(expected);
	});
});
