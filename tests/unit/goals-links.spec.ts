import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAction, addItemLink, addStrategicGoal, decodeItemLink, deriveGoals, goalsItemsMap, initGoalsDoc, removeItemLink } from '../../src/lib/domain/goals';

function board() {
	const doc = new Y.Doc();
	initGoalsDoc(doc);
	const goal = addStrategicGoal(doc, { text: 'Wzrost bezpieczeństwa rodzin', id: 'g' })!;
	addAction(doc, goal, { text: 'Punkt interwencji kryzysowej', id: 'a' });
	return doc;
}

const cell = { kind: 'matrix-cell', boardId: 'matrix-1', targetId: 'row-7|col-3' } as const;
const card = { kind: 'inaction-card', boardId: 'cards-1', targetId: 'card-2' } as const;

describe('links from goals to matrix cells and cost-of-inaction cards', () => {
	it('adds a link once, keeps both people’s links when they add at once, and removes every copy', () => {
		const anna = board();
		const jan = new Y.Doc();
		Y.applyUpdate(jan, Y.encodeStateAsUpdate(anna));
		expect(addItemLink(anna, 'a', cell)).toBe(true);
		expect(addItemLink(anna, 'a', cell)).toBe(true);
		addItemLink(jan, 'a', card);
		addItemLink(jan, 'a', cell);
		Y.applyUpdate(anna, Y.encodeStateAsUpdate(jan));
		Y.applyUpdate(jan, Y.encodeStateAsUpdate(anna));
		// Concurrent inserts are ordered by client id, so only the set is fixed; both replicas agree on it.
		expect(deriveGoals(anna).actions[0].links).toEqual(deriveGoals(jan).actions[0].links);
		expect(deriveGoals(anna).actions[0].links).toHaveLength(2);
		expect(deriveGoals(anna).actions[0].links).toEqual(expect.arrayContaining([cell, card]));

		expect(removeItemLink(anna, 'a', cell)).toBe(true);
		expect(deriveGoals(anna).actions[0].links).toEqual([card]);
	});

	it('refuses malformed links and unknown items, and skips stored garbage on read', () => {
		const doc = board();
		expect(addItemLink(doc, 'missing', cell)).toBe(false);
		expect(addItemLink(doc, 'a', { kind: 'matrix-cell', boardId: 'x:y', targetId: 'r|c' })).toBe(false);
		expect(addItemLink(doc, 'a', { kind: 'nonsense' as never, boardId: 'b', targetId: 't' })).toBe(false);
		const item = goalsItemsMap(doc).get('a') as Y.Map<unknown>;
		doc.transact(() => {
			const list = new Y.Array<unknown>();
			list.push(['inaction-card:cards-1:card-2', 42, 'matrix-row:only-two', 'inaction-card:cards-1:card-2']);
			item.set('links', list);
		});
		expect(deriveGoals(doc).actions[0].links).toEqual([card]);
		expect(decodeItemLink('matrix-cell:m:r|c:extra')).toBeNull();
	});
});
