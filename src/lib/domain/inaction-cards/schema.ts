import * as Y from 'yjs';
import { compareByOrder, isOrderKey } from '../sibling-order';

/**
 * The Yjs schema of a cost-of-inaction board (karty kosztów zaniechania). One board = one Y.Doc:
 *   meta:  { schemaVersion }
 *   cards: { [cardId]: Y.Map { area, order, text: Y.Text, bearers: Y.Array<Bearer>,
 *            consequences: Y.Map<Dimension, 1–5>, costEstimate, horizon, likelihood,
 *            evidence, sources, problemLinks: Y.Array<"boardId:boxId">, createdBy? } }
 * Cards are ordered by fractional keys, so a move is one field write. Bearers and problem links
 * are arrays edited by adding and removing single entries (never by rewriting the list), so two
 * people ticking different boxes at once both keep theirs; a value added twice concurrently is
 * shown once. A problem link is the string "boardId:boxId": ids never contain ':' (LINK_ID
 * pattern), a string is one CRDT entry that cannot be half-written, and removal is by value.
 * A consequence dimension that is absent from the map is "not assessed", not severity 0.
 * Nothing read from the doc is trusted: readers validate each entry and skip what does not fit.
 */
export const CARDS_SCHEMA_VERSION = 1;

export const CARDS_META_NAME = 'meta';
export const CARDS_NAME = 'cards';

export const AREA_MAX = 200;
export const CARD_TEXT_MAX = 4000;
export const COST_ESTIMATE_MAX = 300;
export const EVIDENCE_MAX = 2000;
export const SOURCES_MAX = 1000;
export const CREATED_BY_MAX = 100;
export const CARD_ID_MAX = 100;
export const CARDS_MAX = 200;
export const PROBLEM_LINKS_MAX = 50;

export const BEARERS = ['person-family', 'community', 'institutions'] as const;
export type Bearer = (typeof BEARERS)[number];

export const DIMENSIONS = ['social', 'health', 'educational', 'financial', 'safety'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const SEVERITIES = [1, 2, 3, 4, 5] as const;
export type Severity = (typeof SEVERITIES)[number];

/** '' = not chosen yet. */
export const HORIZONS = ['now', '1-3', '3+'] as const;
export type Horizon = (typeof HORIZONS)[number];

export const LIKELIHOODS = ['low', 'medium', 'high'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

/**
 * Problem areas named in the seeds (ROPS cost-of-inaction cards) and common in local strategies.
 * `name` is the Polish text a card gets; the UI shows the icard_area_<id> message and stores that.
 */
export const AREA_SUGGESTIONS = [
	{ id: 'domestic-violence', name: 'przemoc w rodzinie' },
	{ id: 'care-upbringing', name: 'problemy opiekuńczo-wychowawcze' },
	{ id: 'homelessness', name: 'bezdomność' },
	{ id: 'addictions', name: 'uzależnienia' },
	{ id: 'poverty', name: 'ubóstwo' },
	{ id: 'disability', name: 'niepełnosprawność' },
	{ id: 'old-age', name: 'starość i niesamodzielność' },
	{ id: 'unemployment', name: 'bezrobocie' }
] as const;
export type AreaSuggestionId = (typeof AREA_SUGGESTIONS)[number]['id'];

/** Board ids are UUIDs, box ids UUIDs or short fixed ids ('core', 'o-<uuid>'). */
const LINK_ID = /^[A-Za-z0-9_-]{1,100}$/;

export interface ProblemLink {
	boardId: string;
	boxId: string;
}

/** One entry of the cards map as stored, with repairable fields already defaulted. */
export interface StoredCard {
	id: string;
	area: string;
	/** A valid fractional-indexing key, or '' (sorts first) when the stored one is unusable. */
	order: string;
	text: string;
	/** Distinct, in BEARERS order whatever the stored order. */
	bearers: Bearer[];
	severity: Partial<Record<Dimension, Severity>>;
	costEstimate: string;
	horizon: Horizon | '';
	likelihood: Likelihood | '';
	evidence: string;
	sources: string;
	/** Distinct, in the order they were added. */
	problemLinks: ProblemLink[];
	createdBy: string | null;
}

export function cardsMetaMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(CARDS_META_NAME);
}

export function cardsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(CARDS_NAME);
}

/** 0 for a doc nobody has written yet. */
export function readCardsSchemaVersion(doc: Y.Doc): number {
	const version = cardsMetaMap(doc).get('schemaVersion');
	return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : 0;
}

/** A doc written by a newer Narada is shown read-only rather than rewritten in an older shape. */
export function isCardsSchemaSupported(doc: Y.Doc): boolean {
	return readCardsSchemaVersion(doc) <= CARDS_SCHEMA_VERSION;
}

export function isBearer(value: unknown): value is Bearer {
	return typeof value === 'string' && (BEARERS as readonly string[]).includes(value);
}

export function isDimension(value: unknown): value is Dimension {
	return typeof value === 'string' && (DIMENSIONS as readonly string[]).includes(value);
}

export function isSeverity(value: unknown): value is Severity {
	return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

export function isHorizon(value: unknown): value is Horizon {
	return typeof value === 'string' && (HORIZONS as readonly string[]).includes(value);
}

export function isLikelihood(value: unknown): value is Likelihood {
	return typeof value === 'string' && (LIKELIHOODS as readonly string[]).includes(value);
}

export function isProblemLink(value: unknown): value is ProblemLink {
	if (typeof value !== 'object' || value === null) return false;
	const { boardId, boxId } = value as Record<string, unknown>;
	return typeof boardId === 'string' && typeof boxId === 'string' && LINK_ID.test(boardId) && LINK_ID.test(boxId);
}

export function encodeProblemLink(link: ProblemLink): string {
	return `${link.boardId}:${link.boxId}`;
}

export function decodeProblemLink(value: unknown): ProblemLink | null {
	if (typeof value !== 'string') return null;
	const [boardId, boxId, ...extra] = value.split(':');
	const link = { boardId, boxId };
	return extra.length === 0 && isProblemLink(link) ? link : null;
}

/**
 * Reads one entry of the cards map, or null when it is not a card (not a Y.Map or no Y.Text).
 * Other fields get fixed defaults so every client derives the same board.
 */
export function readCard(id: string, value: unknown): StoredCard | null {
	if (!(value instanceof Y.Map)) return null;
	const text = value.get('text');
	if (!(text instanceof Y.Text)) return null;
	const order = value.get('order');
	const horizon = value.get('horizon');
	const likelihood = value.get('likelihood');
	const createdBy = value.get('createdBy');
	return {
		id,
		area: stringOr(value.get('area')).slice(0, AREA_MAX),
		order: isOrderKey(order) ? order : '',
		text: text.toString().slice(0, CARD_TEXT_MAX),
		bearers: readBearers(value.get('bearers')),
		severity: readSeverity(value.get('consequences')),
		costEstimate: stringOr(value.get('costEstimate')).slice(0, COST_ESTIMATE_MAX),
		horizon: isHorizon(horizon) ? horizon : '',
		likelihood: isLikelihood(likelihood) ? likelihood : '',
		evidence: stringOr(value.get('evidence')).slice(0, EVIDENCE_MAX),
		sources: stringOr(value.get('sources')).slice(0, SOURCES_MAX),
		problemLinks: readProblemLinks(value.get('problemLinks')),
		createdBy: typeof createdBy === 'string' && createdBy !== '' ? createdBy.slice(0, CREATED_BY_MAX) : null
	};
}

/** Every valid card by id; malformed entries are skipped. */
export function readCards(doc: Y.Doc): Map<string, StoredCard> {
	const cards = new Map<string, StoredCard>();
	for (const [id, value] of cardsMap(doc).entries()) {
		const card = readCard(id, value);
		if (card) cards.set(id, card);
	}
	return cards;
}

export function getCardMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
	const value = cardsMap(doc).get(id);
	return readCard(id, value) ? (value as Y.Map<unknown>) : null;
}

/** The card's co-edited "what happens if nothing is done" text, for binding an editor. */
export function getCardText(doc: Y.Doc, id: string): Y.Text | null {
	return (getCardMap(doc, id)?.get('text') as Y.Text | undefined) ?? null;
}

function readBearers(value: unknown): Bearer[] {
	if (!(value instanceof Y.Array)) return [];
	const stored = new Set(value.toArray().filter(isBearer));
	return BEARERS.filter((bearer) => stored.has(bearer));
}

function readSeverity(value: unknown): Partial<Record<Dimension, Severity>> {
	const out: Partial<Record<Dimension, Severity>> = {};
	if (!(value instanceof Y.Map)) return out;
	for (const dimension of DIMENSIONS) {
		const severity = value.get(dimension);
		if (isSeverity(severity)) out[dimension] = severity;
	}
	return out;
}

function readProblemLinks(value: unknown): ProblemLink[] {
	if (!(value instanceof Y.Array)) return [];
	const out: ProblemLink[] = [];
	const seen = new Set<string>();
	for (const entry of value.toArray()) {
		const link = decodeProblemLink(entry);
		if (!link || seen.has(entry as string)) continue;
		seen.add(entry as string);
		out.push(link);
		if (out.length === PROBLEM_LINKS_MAX) break;
	}
	return out;
}

function stringOr(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

/** Valid cards in board order: by key, ties (concurrent inserts at one spot) by id. */
export function readCardsInOrder(doc: Y.Doc): StoredCard[] {
	return [...readCards(doc).values()].sort(compareByOrder);
}
