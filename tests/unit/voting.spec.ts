import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote } from '../../src/lib/domain/ideas-wall';
import { addCause, addEffect, editBoxText, initTreeDoc, CORE_BOX_ID } from '../../src/lib/domain/problem-tree';
import { addCard, initCardsDoc } from '../../src/lib/domain/inaction-cards';
import { addGroup, addRow, initMatrixDoc } from '../../src/lib/domain/need-gap-matrix';
import { extractVoteItems, orderForPerson, rankItems, refusePlace, type VoteItem, type VoteSettings } from '../../src/lib/domain/voting';

describe('votable items of each board kind', () => {
	it('takes ideas-wall notes in reading order with their author, leaving out blank ones', () => {
		const doc = new Y.Doc();
		addNote(doc, { id: 'low', text: 'Więcej asystentów rodziny', x: 0, y: 400, color: 'yellow', createdBy: 'Jan', createdById: 'p-jan' });
		addNote(doc, { id: 'right', text: 'Mieszkania  treningowe', x: 600, y: 0, color: 'blue', createdBy: 'Ewa', createdById: 'p-ewa' });
		addNote(doc, { id: 'left', text: 'Klub seniora', x: 0, y: 0, color: 'green', createdBy: 'Stara notatka' });
		addNote(doc, { id: 'blank', text: '   ', x: 300, y: 300, color: 'green', createdBy: 'Jan', createdById: 'p-jan' });
		expect(extractVoteItems('ideas-wall', doc)).toEqual([
			{ id: 'left', label: 'Klub seniora', authorId: null },
			{ id: 'right', label: 'Mieszkania treningowe', authorId: 'p-ewa' },
			{ id: 'low', label: 'Więcej asystentów rodziny', authorId: 'p-jan' }
		]);
	});

	it('takes tree boxes in outline order, cards, and matrix rows', () => {
		const tree = new Y.Doc();
		initTreeDoc(tree, 'problem', { coreText: 'Przemoc w rodzinie', by: 'u1' });
		const cause = addCause(tree, CORE_BOX_ID, { text: 'Alkohol', by: 'Jan', byId: 'p-jan', id: 'cause' });
		addEffect(tree, CORE_BOX_ID, { text: 'Trauma dzieci', by: 'u1', id: 'effect' });
		expect(cause).toBe('cause');
		expect(extractVoteItems('problem-tree', tree).map((item) => [item.label, item.authorId])).toEqual([
			['Przemoc w rodzinie', null],
			['Trauma dzieci', null],
			['Alkohol', 'p-jan']
		]);
		editBoxText(tree, 'cause', '');
		expect(extractVoteItems('problem-tree', tree).map((item) => item.id)).toEqual([CORE_BOX_ID, 'effect']);

		const cards = new Y.Doc();
		initCardsDoc(cards);
		addCard(cards, { area: 'Bezdomność', text: 'Zgony z wychłodzenia', id: 'card', createdBy: 'Ewa', createdById: 'p-ewa' });
		expect(extractVoteItems('inaction-cards', cards)).toEqual([{ id: 'card', label: 'Zgony z wychłodzenia', authorId: 'p-ewa' }]);

		const matrix = new Y.Doc();
		initMatrixDoc(matrix);
		const group = addGroup(matrix, { name: 'Osoby starsze' })!;
		addRow(matrix, group, { name: 'Usługi opiekuńcze', id: 'row' });
		expect(extractVoteItems('need-gap-matrix', matrix)).toEqual([{ id: 'row', label: 'Usługi opiekuńcze', authorId: null }]);

		expect(extractVoteItems('goals', new Y.Doc())).toEqual([]);
	});
});

const settings: VoteSettings = { dotsPerPerson: 3, maxPerItem: 2, resultsLive: false, noOwnItems: true, randomOrder: false, facilitatorVotes: false };
const item: VoteItem = { id: 'a', label: 'A', authorId: 'p-ewa' };
const jan = { id: 'p-jan', isFacilitator: false };

describe('dot limits', () => {
	it('allows dots up to the per-person and per-item limits', () => {
		expect(refusePlace(settings, jan, item, [])).toBeNull();
		expect(refusePlace(settings, jan, item, ['a'])).toBeNull();
		expect(refusePlace(settings, jan, item, ['a', 'a'])).toBe('item-full');
		expect(refusePlace(settings, jan, { ...item, id: 'b' }, ['a', 'a'])).toBeNull();
		expect(refusePlace(settings, jan, { ...item, id: 'c' }, ['a', 'a', 'b'])).toBe('no-dots-left');
	});

	it('refuses one’s own item only when the vote says so, and the facilitator unless invited', () => {
		const ewa = { id: 'p-ewa', isFacilitator: false };
		expect(refusePlace(settings, ewa, item, [])).toBe('own-item');
		expect(refusePlace({ ...settings, noOwnItems: false }, ewa, item, [])).toBeNull();
		expect(refusePlace(settings, ewa, { ...item, authorId: null }, [])).toBeNull();
		const facilitator = { id: 'u1', isFacilitator: true };
		expect(refusePlace(settings, facilitator, item, [])).toBe('not-voting');
		expect(refusePlace({ ...settings, facilitatorVotes: true }, facilitator, item, [])).toBeNull();
	});
});

describe('results and order', () => {
	const items: VoteItem[] = ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id.toUpperCase(), authorId: null }));

	it('ranks by dots, ties in board order sharing a place', () => {
		const ranked = rankItems(items, { b: 3, c: 1, d: 3 });
		expect(ranked.map((r) => [r.id, r.dots, r.place])).toEqual([
			['b', 3, 1],
			['d', 3, 1],
			['c', 1, 3],
			['a', 0, 4]
		]);
	});

	it('shuffles per person, the same way on every call', () => {
		const many = Array.from({ length: 12 }, (_, i) => ({ id: `n${i}` }));
		const first = orderForPerson(many, 'p-jan', 'vote-1');
		expect(orderForPerson(many, 'p-jan', 'vote-1')).toEqual(first);
		expect(orderForPerson(many, 'p-ewa', 'vote-1')).not.toEqual(first);
		expect([...first].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)))).toEqual(many);
	});
});
