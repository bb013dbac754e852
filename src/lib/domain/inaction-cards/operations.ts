import * as Y from 'yjs';
import { clampIndex, placeAt } from '../sibling-order';
import { replaceTextMinimally } from '../text-edit';
import {
	AREA_MAX,
	CARDS_MAX,
	CARDS_SCHEMA_VERSION,
	CARD_ID_MAX,
	CARD_TEXT_MAX,
	COST_ESTIMATE_MAX,
	CREATED_BY_MAX,
	EVIDENCE_MAX,
	PROBLEM_LINKS_MAX,
	SOURCES_MAX,
	cardsMap,
	cardsMetaMap,
	encodeProblemLink,
	getCardMap,
	isBearer,
	isDimension,
	isHorizon,
	isLikelihood,
	isProblemLink,
	isSeverity,
	readCards,
	readCardsInOrder,
	readCardsSchemaVersion,
	type Bearer,
	type Dimension,
	type Horizon,
	type Likelihood,
	type ProblemLink,
	type Severity
} from './schema';

/**
 * Operations on a cost-of-inaction board. Each runs in one transaction with the caller's origin
 * (so an UndoManager tracking that origin undoes exactly the local person's changes) and returns
 * null/false, never throws, when it cannot be carried out: a card id may name a card another
 * person has just deleted, and every value may come from a hostile client. Bad input changes
 * nothing; checkCardFields tells the UI which field is wrong and why.
 */
export interface CardFields {
	/** Stored as typed (an input bound per keystroke must keep its spaces); must not be blank. */
	area?: string;
	/** Stored as typed; parseCostEstimate reads it. */
	costEstimate?: string;
	horizon?: Horizon | '';
	likelihood?: Likelihood | '';
	evidence?: string;
	sources?: string;
}

export type CardField = keyof CardFields;
export type CardFieldProblem = 'empty' | 'too-long' | 'not-allowed';
export type CardFieldProblems = Partial<Record<CardField, CardFieldProblem>>;

export interface NewCardInput {
	area: string;
	text?: string;
	/** Position among the cards; the end when omitted. */
	index?: number;
	/** Display name of the person who added the card. */
	createdBy?: string;
	/** Their person id, for "no dots on your own items" in a vote. */
	createdById?: string;
	/** For tests and imports; a fresh UUID otherwise. */
	id?: string;
}

const TEXT_FIELD_MAX = { area: AREA_MAX, costEstimate: COST_ESTIMATE_MAX, evidence: EVIDENCE_MAX, sources: SOURCES_MAX } as const;

/** Writes the meta when missing; safe to call on a doc that has it. */
export function initCardsDoc(doc: Y.Doc, options: { origin?: unknown } = {}): void {
	if (readCardsSchemaVersion(doc) !== 0) return;
	doc.transact(() => cardsMetaMap(doc).set('schemaVersion', CARDS_SCHEMA_VERSION), options.origin ?? null);
}

/** What is wrong with each given field; an empty object when all of them can be stored. */
export function checkCardFields(fields: CardFields): CardFieldProblems {
	const problems: CardFieldProblems = {};
	if (typeof fields !== 'object' || fields === null) return { area: 'not-allowed' };
	for (const key of ['area', 'costEstimate', 'evidence', 'sources'] as const) {
		const value: unknown = fields[key];
		if (value === undefined) continue;
		if (typeof value !== 'string') problems[key] = 'not-allowed';
		else if (value.length > TEXT_FIELD_MAX[key]) problems[key] = 'too-long';
		else if (key === 'area' && value.trim() === '') problems[key] = 'empty';
	}
	if (fields.horizon !== undefined && fields.horizon !== '' && !isHorizon(fields.horizon)) problems.horizon = 'not-allowed';
	if (fields.likelihood !== undefined && fields.likelihood !== '' && !isLikelihood(fields.likelihood)) problems.likelihood = 'not-allowed';
	return problems;
}

export function addCard(doc: Y.Doc, input: NewCardInput, origin: unknown = null): string | null {
	if (typeof input !== 'object' || input === null) return null;
	const { text = '', createdBy = '' } = input;
	const id = input.id ?? crypto.randomUUID();
	if (typeof input.area !== 'string' || Object.keys(checkCardFields({ area: input.area })).length > 0) return null;
	if (typeof text !== 'string' || text.length > CARD_TEXT_MAX) return null;
	if (typeof createdBy !== 'string' || createdBy.length > CREATED_BY_MAX) return null;
	if (typeof id !== 'string' || id === '' || id.length > CARD_ID_MAX || cardsMap(doc).has(id)) return null;
	const siblings = readCardsInOrder(doc);
	if (siblings.length >= CARDS_MAX) return null;
	doc.transact(() => {
		const [order] = placeAt(siblings, input.index ?? siblings.length, 1, setCardOrder(doc));
		const card = createCardMap(input.area, text, order, createdBy);
		if (typeof input.createdById === 'string' && input.createdById !== '') card.set('createdById', input.createdById.slice(0, CREATED_BY_MAX));
		cardsMap(doc).set(id, card);
	}, origin);
	return id;
}

/**
 * Replaces a card's text by changing only the span that differs, so two people typing in the
 * same card at once both keep their words. Text over CARD_TEXT_MAX is refused, not cut.
 */
export function editCardText(doc: Y.Doc, id: string, nextText: string, origin: unknown = null): boolean {
	const text = getCardMap(doc, id)?.get('text');
	if (!(text instanceof Y.Text) || typeof nextText !== 'string' || nextText.length > CARD_TEXT_MAX) return false;
	replaceTextMinimally(doc, text, nextText, origin);
	return true;
}

/** Sets the fields given (others untouched); false, with nothing written, if any of them is wrong. */
export function setCardFields(doc: Y.Doc, id: string, fields: CardFields, origin: unknown = null): boolean {
	const map = getCardMap(doc, id);
	if (!map || Object.keys(checkCardFields(fields)).length > 0) return false;
	const changes: Array<[CardField, string]> = [];
	for (const key of ['area', 'costEstimate', 'horizon', 'likelihood', 'evidence', 'sources'] as const) {
		const value = fields[key];
		if (value !== undefined && map.get(key) !== value) changes.push([key, value]);
	}
	if (changes.length > 0) doc.transact(() => changes.forEach(([key, value]) => map.set(key, value)), origin);
	return true;
}

/**
 * Makes the card's bearers exactly `bearers` by removing and adding single entries, so a
 * concurrent change to another bearer survives. Unknown or repeated values are refused.
 */
export function setBearers(doc: Y.Doc, id: string, bearers: readonly Bearer[], origin: unknown = null): boolean {
	const map = getCardMap(doc, id);
	if (!map || !Array.isArray(bearers) || !bearers.every(isBearer) || new Set(bearers).size !== bearers.length) return false;
	const list = map.get('bearers');
	const stored = list instanceof Y.Array ? list.toArray() : [];
	const first = new Map<unknown, number>();
	stored.forEach((value, index) => first.has(value) || first.set(value, index));
	// Drops what is no longer wanted and the later copy of a value two people added at once.
	const drop = stored.flatMap((value, index) => (bearers.includes(value as Bearer) && first.get(value) === index ? [] : [index]));
	const missing = bearers.filter((bearer) => !first.has(bearer));
	if (list instanceof Y.Array && drop.length === 0 && missing.length === 0) return true;
	doc.transact(() => {
		const target = arrayField(map, 'bearers');
		for (const index of drop.reverse()) target.delete(index, 1);
		if (missing.length > 0) target.push(missing);
	}, origin);
	return true;
}

/** Severity 1–5 of one consequence dimension; null marks it not assessed. */
export function setSeverity(doc: Y.Doc, id: string, dimension: Dimension, severity: Severity | null, origin: unknown = null): boolean {
	const map = getCardMap(doc, id);
	if (!map || !isDimension(dimension) || (severity !== null && !isSeverity(severity))) return false;
	const current = map.get('consequences');
	if (current instanceof Y.Map && (current.get(dimension) ?? null) === severity) return true;
	doc.transact(() => {
		const consequences = mapField(map, 'consequences');
		if (severity === null) consequences.delete(dimension);
		else consequences.set(dimension, severity);
	}, origin);
	return true;
}

/** Links the card to a box of a problem tree; linking it again is a no-op that succeeds. */
export function addProblemLink(doc: Y.Doc, id: string, link: ProblemLink, origin: unknown = null): boolean {
	const map = getCardMap(doc, id);
	if (!map || !isProblemLink(link)) return false;
	const card = readCards(doc).get(id)!;
	if (card.problemLinks.some((existing) => existing.boardId === link.boardId && existing.boxId === link.boxId)) return true;
	if (card.problemLinks.length >= PROBLEM_LINKS_MAX) return false;
	doc.transact(() => arrayField(map, 'problemLinks').push([encodeProblemLink(link)]), origin);
	return true;
}

/** Removes every copy of the link; true also when it was already gone. */
export function removeProblemLink(doc: Y.Doc, id: string, link: ProblemLink, origin: unknown = null): boolean {
	const map = getCardMap(doc, id);
	if (!map || !isProblemLink(link)) return false;
	const encoded = encodeProblemLink(link);
	const list = map.get('problemLinks');
	if (!(list instanceof Y.Array) || !list.toArray().includes(encoded)) return true;
	doc.transact(() => {
		const stored = list.toArray();
		for (let i = stored.length - 1; i >= 0; i--) if (stored[i] === encoded) list.delete(i, 1);
	}, origin);
	return true;
}

/** Puts a card at `index` among the other cards. */
export function moveCard(doc: Y.Doc, id: string, index: number, origin: unknown = null): boolean {
	const map = getCardMap(doc, id);
	if (!map || typeof index !== 'number') return false;
	const current = readCardsInOrder(doc);
	const siblings = current.filter((card) => card.id !== id);
	const at = clampIndex(index, siblings.length);
	const stored = current.find((card) => card.id === id)!;
	if (current.indexOf(stored) === at && stored.order !== '') return true;
	doc.transact(() => {
		const [order] = placeAt(siblings, at, 1, setCardOrder(doc));
		map.set('order', order);
	}, origin);
	return true;
}

export function deleteCard(doc: Y.Doc, id: string, origin: unknown = null): boolean {
	if (!getCardMap(doc, id)) return false;
	doc.transact(() => cardsMap(doc).delete(id), origin);
	return true;
}

function createCardMap(area: string, text: string, order: string, createdBy: string): Y.Map<unknown> {
	const map = new Y.Map<unknown>();
	const body = new Y.Text();
	if (text !== '') body.insert(0, text);
	map.set('area', area);
	map.set('order', order);
	map.set('text', body);
	map.set('bearers', new Y.Array<string>());
	map.set('consequences', new Y.Map<number>());
	map.set('costEstimate', '');
	map.set('horizon', '');
	map.set('likelihood', '');
	map.set('evidence', '');
	map.set('sources', '');
	map.set('problemLinks', new Y.Array<string>());
	if (createdBy !== '') map.set('createdBy', createdBy);
	return map;
}

/**
 * A card's array or map, created only when a malformed or foreign doc lacks it (cards made by
 * addCard always have theirs, so two clients never race to create one).
 */
function arrayField(map: Y.Map<unknown>, key: string): Y.Array<unknown> {
	const value = map.get(key);
	if (value instanceof Y.Array) return value;
	const created = new Y.Array<unknown>();
	map.set(key, created);
	return created;
}

function mapField(map: Y.Map<unknown>, key: string): Y.Map<unknown> {
	const value = map.get(key);
	if (value instanceof Y.Map) return value;
	const created = new Y.Map<unknown>();
	map.set(key, created);
	return created;
}

/** How placeAt renumbers the other cards when the neighbours leave no room. */
function setCardOrder(doc: Y.Doc) {
	return (id: string, key: string) => getCardMap(doc, id)?.set('order', key);
}
