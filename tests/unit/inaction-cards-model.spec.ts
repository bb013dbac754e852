import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	CARDS_SCHEMA_VERSION,
	CARD_TEXT_MAX,
	addCard,
	addProblemLink,
	cardAreas,
	cardsMap,
	cardsMetaMap,
	checkCardFields,
	costSummary,
	deleteCard,
	deriveCards,
	editCardText,
	filterCards,
	getCardMap,
	initCardsDoc,
	moveCard,
	removeProblemLink,
	setBearers,
	setCardFields,
	setSeverity,
	sortCards,
	type Bearer,
	type InactionCard
} from '../../src/lib/domain/inaction-cards';

function newBoard(): Y.Doc {
	const doc = new Y.Doc();
	initCardsDoc(doc);
	return doc;
}

function sync(a: Y.Doc, b: Y.Doc): void {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function areas(cards: InactionCard[]): string[] {
	return cards.map((card) => card.area);
}

/** Three cards as a workshop would fill them. */
function workshopBoard(): Y.Doc {
	const doc = newBoard();
	addCard(doc, { id: 'violence', area: 'przemoc w rodzinie' });
	addCard(doc, { id: 'care', area: 'problemy opiekuńczo-wychowawcze' });
	addCard(doc, { id: 'homeless', area: 'bezdomność' });
	setCardFields(doc, 'care', { costEstimate: '12 dzieci w pieczy zastępczej × 4 800 zł × 12 miesięcy' });
	setCardFields(doc, 'homeless', { costEstimate: '25 osób × 1 500 zł × 12' });
	setCardFields(doc, 'violence', { costEstimate: 'trudno oszacować' });
	setSeverity(doc, 'violence', 'safety', 5);
	setSeverity(doc, 'care', 'educational', 4);
	setSeverity(doc, 'care', 'social', 3);
	return doc;
}

describe('a cards board', () => {
	it('initialises once and starts empty', () => {
		const doc = newBoard();
		initCardsDoc(doc);
		expect(cardsMetaMap(doc).get('schemaVersion')).toBe(CARDS_SCHEMA_VERSION);
		expect(deriveCards(doc)).toEqual([]);
	});

	it('adds a card for an area with everything else still to fill in', () => {
		const doc = newBoard();
		const id = addCard(doc, { area: 'bezdomność', text: 'Więcej osób w kryzysie bezdomności', createdBy: 'Ania' });
		expect(id).not.toBeNull();
		expect(deriveCards(doc)).toEqual([
			{
				id,
				area: 'bezdomność',
				order: expect.any(String),
				position: 0,
				text: 'Więcej osób w kryzysie bezdomności',
				bearers: [],
				severity: {},
				maxSeverity: null,
				costEstimate: '',
				cost: { ok: false, reason: 'empty' },
				horizon: '',
				likelihood: '',
				evidence: '',
				sources: '',
				problemLinks: [],
				createdBy: 'Ania'
			}
		]);
	});

	it('fills in a card: fields, bearers, severities, problem links', () => {
		const doc = workshopBoard();
		expect(setCardFields(doc, 'care', { horizon: '1-3', likelihood: 'high', evidence: 'Dane PCPR za 2023 r.', sources: 'Sprawozdanie MRiPS-03' })).toBe(true);
		expect(setBearers(doc, 'care', ['institutions', 'person-family'])).toBe(true);
		expect(addProblemLink(doc, 'care', { boardId: 'tree-1', boxId: 'core' })).toBe(true);
		expect(addProblemLink(doc, 'care', { boardId: 'tree-1', boxId: 'core' })).toBe(true);
		const care = deriveCards(doc).find((card) => card.id === 'care')!;
		expect(care).toMatchObject({
			horizon: '1-3',
			likelihood: 'high',
			evidence: 'Dane PCPR za 2023 r.',
			bearers: ['person-family', 'institutions'],
			severity: { educational: 4, social: 3 },
			maxSeverity: 4,
			cost: { ok: true, value: 691_200 },
			problemLinks: [{ boardId: 'tree-1', boxId: 'core' }]
		});
		expect(setSeverity(doc, 'care', 'educational', null)).toBe(true);
		expect(removeProblemLink(doc, 'care', { boardId: 'tree-1', boxId: 'core' })).toBe(true);
		expect(deriveCards(doc).find((card) => card.id === 'care')).toMatchObject({ severity: { social: 3 }, maxSeverity: 3, problemLinks: [] });
	});

	it('refuses bad input, says which field is wrong, and changes nothing', () => {
		const doc = workshopBoard();
		const before = Y.encodeStateAsUpdate(doc);
		expect(checkCardFields({ area: '  ', costEstimate: 'x'.repeat(301), horizon: 'soon' as never })).toEqual({
			area: 'empty',
			costEstimate: 'too-long',
			horizon: 'not-allowed'
		});
		expect(setCardFields(doc, 'care', { evidence: 'ok', likelihood: 'certain' as never })).toBe(false);
		expect(setCardFields(doc, 'care', { area: 42 as never })).toBe(false);
		expect(setCardFields(doc, 'gone', { evidence: 'ok' })).toBe(false);
		expect(setBearers(doc, 'care', ['budget' as Bearer])).toBe(false);
		expect(setBearers(doc, 'care', ['community', 'community'])).toBe(false);
		expect(setSeverity(doc, 'care', 'social', 6 as never)).toBe(false);
		expect(setSeverity(doc, 'care', 'social', 2.5 as never)).toBe(false);
		expect(setSeverity(doc, 'care', 'happiness' as never, 3)).toBe(false);
		expect(addProblemLink(doc, 'care', { boardId: 'a:b', boxId: 'c' })).toBe(false);
		expect(addProblemLink(doc, 'care', { boardId: '', boxId: 'c' })).toBe(false);
		expect(editCardText(doc, 'care', 'x'.repeat(CARD_TEXT_MAX + 1))).toBe(false);
		expect(addCard(doc, { area: '' })).toBeNull();
		expect(addCard(doc, { area: 'a'.repeat(201) })).toBeNull();
		expect(addCard(doc, { area: 'ubóstwo', id: 'care' })).toBeNull();
		expect(addCard(doc, null as never)).toBeNull();
		expect(moveCard(doc, 'gone', 0)).toBe(false);
		expect(deleteCard(doc, 'gone')).toBe(false);
		expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
	});

	it('skips malformed entries written by a foreign client instead of crashing', () => {
		const doc = workshopBoard();
		doc.transact(() => {
			cardsMap(doc).set('junk', 'not a card');
			const broken = new Y.Map<unknown>();
			broken.set('text', new Y.Text('x'));
			broken.set('order', '!!');
			broken.set('horizon', 'tomorrow');
			broken.set('consequences', 'high');
			cardsMap(doc).set('broken', broken);
		});
		const cards = deriveCards(doc);
		expect(cards.map((card) => card.id)).toEqual(['broken', 'violence', 'care', 'homeless']);
		expect(cards[0]).toMatchObject({ area: '', horizon: '', severity: {}, bearers: [] });
		expect(setBearers(doc, 'broken', ['community'])).toBe(true);
		expect(moveCard(doc, 'broken', 3)).toBe(true);
		expect(deriveCards(doc).map((card) => card.id)).toEqual(['violence', 'care', 'homeless', 'broken']);
	});

	it('moves and deletes cards', () => {
		const doc = workshopBoard();
		expect(moveCard(doc, 'homeless', 0)).toBe(true);
		expect(areas(deriveCards(doc))).toEqual(['bezdomność', 'przemoc w rodzinie', 'problemy opiekuńczo-wychowawcze']);
		addCard(doc, { id: 'poverty', area: 'ubóstwo', index: 1 });
		expect(deriveCards(doc).map((card) => card.id)).toEqual(['homeless', 'poverty', 'violence', 'care']);
		expect(deleteCard(doc, 'violence')).toBe(true);
		expect(deriveCards(doc).map((card) => [card.id, card.position])).toEqual([['homeless', 0], ['poverty', 1], ['care', 2]]);
	});

	it('undoes only my own changes', () => {
		const doc = workshopBoard();
		const mine = { user: 'me' };
		const undo = new Y.UndoManager(cardsMap(doc), { trackedOrigins: new Set([mine]) });
		setCardFields(doc, 'care', { horizon: 'now' }, mine);
		setCardFields(doc, 'care', { likelihood: 'low' }, { user: 'other' });
		undo.undo();
		expect(deriveCards(doc).find((card) => card.id === 'care')).toMatchObject({ horizon: '', likelihood: 'low' });
	});
});

describe('two people on one card', () => {
	it('converge, keeping both texts, both bearers and both links', () => {
		const a = workshopBoard();
		const b = new Y.Doc();
		sync(a, b);
		editCardText(a, 'care', 'Dzieci trafiają do pieczy.');
		sync(a, b);
		editCardText(a, 'care', 'Małe dzieci trafiają do pieczy.');
		editCardText(b, 'care', 'Dzieci trafiają do pieczy na dłużej.');
		setBearers(a, 'care', ['community']);
		setBearers(b, 'care', ['institutions', 'community']);
		setSeverity(a, 'care', 'health', 2);
		setCardFields(b, 'care', { costEstimate: '10 × 5 000 zł' });
		addProblemLink(a, 'care', { boardId: 't', boxId: 'x' });
		addProblemLink(b, 'care', { boardId: 't', boxId: 'x' });
		addProblemLink(b, 'care', { boardId: 't', boxId: 'y' });
		moveCard(a, 'care', 0);
		moveCard(b, 'homeless', 0);
		sync(a, b);
		const cards = deriveCards(a);
		expect(deriveCards(b)).toEqual(cards);
		const care = cards.find((card) => card.id === 'care')!;
		expect(care.text).toBe('Małe dzieci trafiają do pieczy na dłużej.');
		expect(care.bearers).toEqual(['community', 'institutions']);
		expect(care.severity).toMatchObject({ health: 2, educational: 4 });
		expect(care.cost).toMatchObject({ ok: true, value: 50_000 });
		expect(care.problemLinks).toEqual([{ boardId: 't', boxId: 'x' }, { boardId: 't', boxId: 'y' }]);

		setBearers(b, 'care', ['institutions']);
		removeProblemLink(b, 'care', { boardId: 't', boxId: 'x' });
		sync(a, b);
		expect(deriveCards(a).find((card) => card.id === 'care')).toMatchObject({ bearers: ['institutions'], problemLinks: [{ boardId: 't', boxId: 'y' }] });
		expect((getCardMap(a, 'care')!.get('problemLinks') as Y.Array<string>).length).toBe(1);
	});

	it('agree when one deletes the card the other is editing', () => {
		const a = workshopBoard();
		const b = new Y.Doc();
		sync(a, b);
		deleteCard(a, 'care');
		setCardFields(b, 'care', { evidence: 'nowe dane' });
		sync(a, b);
		expect(deriveCards(a).map((card) => card.id)).toEqual(['violence', 'homeless']);
		expect(deriveCards(b)).toEqual(deriveCards(a));
	});
});

describe('the cards grid', () => {
	it('sorts by cost, severity and area, with the unfilled cards last either way', () => {
		const cards = deriveCards(workshopBoard());
		expect(areas(sortCards(cards, 'cost', 'desc'))).toEqual(['problemy opiekuńczo-wychowawcze', 'bezdomność', 'przemoc w rodzinie']);
		expect(areas(sortCards(cards, 'cost', 'asc'))).toEqual(['bezdomność', 'problemy opiekuńczo-wychowawcze', 'przemoc w rodzinie']);
		expect(areas(sortCards(cards, 'severity', 'desc'))).toEqual(['przemoc w rodzinie', 'problemy opiekuńczo-wychowawcze', 'bezdomność']);
		expect(areas(sortCards(cards, 'severity', 'asc'))).toEqual(['problemy opiekuńczo-wychowawcze', 'przemoc w rodzinie', 'bezdomność']);
		expect(areas(sortCards(cards, 'area'))).toEqual(['bezdomność', 'problemy opiekuńczo-wychowawcze', 'przemoc w rodzinie']);
		expect(areas(sortCards(cards, 'order', 'desc'))).toEqual(['bezdomność', 'problemy opiekuńczo-wychowawcze', 'przemoc w rodzinie']);
		expect(areas(cards)).toEqual(['przemoc w rodzinie', 'problemy opiekuńczo-wychowawcze', 'bezdomność']);
	});

	it('sorts areas the Polish way (ś after s, ż last)', () => {
		const doc = newBoard();
		for (const area of ['żebractwo', 'starość i niesamodzielność', 'ubóstwo', 'świetlice', 'Bezrobocie']) addCard(doc, { area });
		expect(areas(sortCards(deriveCards(doc), 'area'))).toEqual(['Bezrobocie', 'starość i niesamodzielność', 'świetlice', 'ubóstwo', 'żebractwo']);
	});

	it('filters by area, minimum severity and having a cost', () => {
		const doc = workshopBoard();
		addCard(doc, { id: 'care-2', area: ' Problemy  opiekuńczo-wychowawcze ' });
		const cards = deriveCards(doc);
		expect(filterCards(cards, { area: 'problemy opiekuńczo-wychowawcze' }).map((card) => card.id)).toEqual(['care', 'care-2']);
		expect(filterCards(cards, { minSeverity: 4 }).map((card) => card.id)).toEqual(['violence', 'care']);
		expect(filterCards(cards, { withCost: true }).map((card) => card.id)).toEqual(['care', 'homeless']);
		expect(filterCards(cards, { withCost: false, minSeverity: 5 }).map((card) => card.id)).toEqual(['violence']);
		expect(filterCards(cards, {})).toHaveLength(4);
		expect(cardAreas(cards)).toEqual(['bezdomność', 'problemy opiekuńczo-wychowawcze', 'przemoc w rodzinie']);
	});

	it('sums the yearly costs and lists the cards without a usable estimate', () => {
		const doc = workshopBoard();
		addCard(doc, { id: 'poverty', area: 'ubóstwo' });
		setCardFields(doc, 'homeless', { costEstimate: '0,1 × 0,2 zł' });
		expect(costSummary(deriveCards(doc))).toEqual({
			total: 691_200.02,
			withEstimate: 2,
			withoutEstimate: [{ id: 'poverty', area: 'ubóstwo' }],
			unparsable: [{ id: 'violence', area: 'przemoc w rodzinie' }]
		});
		expect(costSummary([])).toEqual({ total: 0, withEstimate: 0, withoutEstimate: [], unparsable: [] });
	});
});
