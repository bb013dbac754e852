import type { BoardConnection } from '$lib/collab/board-connection.svelte';
import { BoardState } from '$lib/collab/board-state.svelte';
import type { PresenceRole } from '$lib/collab/presence.svelte';
import {
	addCard,
	addProblemLink,
	cardsMap,
	cardsMetaMap,
	deleteCard,
	deriveCards,
	editCardText,
	isCardsSchemaSupported,
	removeProblemLink,
	setBearers,
	setCardFields,
	setSeverity,
	type Bearer,
	type CardFields,
	type Dimension,
	type InactionCard,
	type ProblemLink,
	type Severity
} from '$lib/domain/inaction-cards';

/** Awareness field naming the card someone is editing right now. */
const EDITING_FIELD = 'card';

/** Side by side, more than three cards no longer fit a laptop screen. */
export const COMPARE_MAX = 3;

/**
 * A cost-of-inaction board as components see it: the cards in board order and the verbs that
 * change them. The grid, the details panel, the summary and the comparison all read this one
 * object, so the selection agrees everywhere. Every verb writes with the connection's origin, so
 * undo takes back exactly one's own changes.
 */
export class InactionCardsState extends BoardState<InactionCard[]> {
	selectedId = $state<string | null>(null);
	/** Cards ticked for the side-by-side comparison, in the order they were ticked. */
	compareIds = $state<string[]>([]);
	#me: { name: string; id?: string };

	constructor(connection: BoardConnection, me: { name: string; role: PresenceRole; id?: string }) {
		super(connection, me, {
			types: (doc) => [cardsMap(doc), cardsMetaMap(doc)],
			derive: (doc) => deriveCards(doc),
			isSupported: isCardsSchemaSupported,
			editingField: EDITING_FIELD
		});
		this.#me = me;
	}

	get cards(): InactionCard[] {
		return this.derived;
	}

	card(id: string | null): InactionCard | null {
		return id === null ? null : (this.cards.find((card) => card.id === id) ?? null);
	}

	select(id: string | null) {
		this.selectedId = id;
	}

	/** Cards ticked for comparison that still exist (someone may have deleted one meanwhile). */
	get compared(): InactionCard[] {
		return this.compareIds.flatMap((id) => this.card(id) ?? []);
	}

	toggleCompare(id: string, on: boolean) {
		const others = this.compareIds.filter((existing) => existing !== id && this.card(existing));
		this.compareIds = on && others.length < COMPARE_MAX ? [...others, id] : others;
	}

	focusCard(cardId: string | null) {
		this.focus(cardId);
	}

	add(area: string): string | null {
		return this.structural(() => addCard(this.doc, { area, createdBy: this.#me.name.slice(0, 100), createdById: this.#me.id }, this.origin));
	}

	remove(id: string): boolean {
		const removed = this.structural(() => deleteCard(this.doc, id, this.origin)) ?? false;
		if (removed) {
			if (this.selectedId === id) this.selectedId = null;
			this.compareIds = this.compareIds.filter((existing) => existing !== id);
		}
		return removed;
	}

	/** Typing is grouped by the undo manager's capture window, not split per keystroke. */
	editText(id: string, text: string): boolean {
		return this.canEdit && editCardText(this.doc, id, text, this.origin);
	}

	/** Short fields written as typed; false (nothing written) when a value cannot be stored. */
	setFields(id: string, fields: CardFields): boolean {
		return this.canEdit && setCardFields(this.doc, id, fields, this.origin);
	}

	/** A value picked from a list (horizon, likelihood): one undo step of its own, unlike typing. */
	choose(id: string, fields: Pick<CardFields, 'horizon' | 'likelihood'>): boolean {
		return this.structural(() => setCardFields(this.doc, id, fields, this.origin)) ?? false;
	}

	setBearers(id: string, bearers: Bearer[]): boolean {
		return this.structural(() => setBearers(this.doc, id, bearers, this.origin)) ?? false;
	}

	setSeverity(id: string, dimension: Dimension, severity: Severity | null): boolean {
		return this.structural(() => setSeverity(this.doc, id, dimension, severity, this.origin)) ?? false;
	}

	addProblemLink(id: string, link: ProblemLink): boolean {
		return this.structural(() => addProblemLink(this.doc, id, link, this.origin)) ?? false;
	}

	removeProblemLink(id: string, link: ProblemLink): boolean {
		return this.structural(() => removeProblemLink(this.doc, id, link, this.origin)) ?? false;
	}
}
