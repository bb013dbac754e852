import type { BoardConnection } from '$lib/collab/board-connection.svelte';
import { BoardState } from '$lib/collab/board-state.svelte';
import type { PresenceRole } from '$lib/collab/presence.svelte';
import {
	addAction,
	addFootnote,
	addItemLink,
	addIndicator,
	addSpecificGoal,
	addStrategicGoal,
	applySeed,
	deleteItem,
	deriveGoals,
	editItemText,
	goalsAreaMap,
	goalsItemsMap,
	importGoalsTemplate,
	isGoalsSchemaSupported,
	locate,
	moveItem,
	removeFootnote,
	removeIndicator,
	removeItemLink,
	setActionFields,
	setAreaFields,
	setEntities,
	setFootnote,
	setItemSource,
	updateIndicator,
	type ActionFields,
	type AreaFields,
	type GoalItemType,
	type GoalsOutline,
	type GoalsTemplate,
	type IndicatorFields,
	type ItemLink,
	type ObjectiveTreeSummary,
	type SeedResult
} from '$lib/domain/goals';

/** Awareness field naming the goal or action someone is editing right now. */
const EDITING_FIELD = 'goal';

/**
 * A goals board as components see it: the derived outline (numbers, repairs, incomplete
 * actions) and verbs. The outline, the table and the details panel all read this one object,
 * so the selection and the numbers agree everywhere. Every verb writes with the connection's
 * origin, so undo takes back exactly one's own changes.
 */
export class GoalsState extends BoardState<GoalsOutline> {
	selectedId = $state<string | null>(null);

	constructor(connection: BoardConnection, me: { name: string; role: PresenceRole }) {
		super(connection, me, {
			types: (doc) => [goalsItemsMap(doc), goalsAreaMap(doc)],
			derive: (doc) => deriveGoals(doc),
			isSupported: isGoalsSchemaSupported,
			editingField: EDITING_FIELD
		});
	}

	get outline(): GoalsOutline {
		return this.derived;
	}

	/** The type of a (real) item, or null when it is gone. */
	typeOf(id: string): GoalItemType | null {
		return locate(this.outline).get(id)?.type ?? null;
	}

	select(id: string | null) {
		this.selectedId = id;
	}

	focusItem(itemId: string | null) {
		this.focus(itemId);
	}

	addStrategicGoal(index?: number): string | null {
		return this.structural(() => addStrategicGoal(this.doc, { index }, this.origin));
	}

	addSpecificGoal(strategicId: string, index?: number): string | null {
		return this.structural(() => addSpecificGoal(this.doc, strategicId, { index }, this.origin));
	}

	addAction(goalId: string, index?: number): string | null {
		return this.structural(() => addAction(this.doc, goalId, { index }, this.origin));
	}

	move(id: string, parentId: string, index: number): boolean {
		return this.structural(() => moveItem(this.doc, id, parentId, index, this.origin)) ?? false;
	}

	remove(id: string): boolean {
		const removed = this.structural(() => deleteItem(this.doc, id, this.origin)) ?? false;
		if (removed && this.selectedId === id) this.selectedId = null;
		return removed;
	}

	/** Typing is grouped by the undo manager's capture window, not split per keystroke. */
	editText(id: string, text: string) {
		if (this.canEdit) editItemText(this.doc, id, text, this.origin);
	}

	setActionFields(id: string, fields: ActionFields) {
		if (this.canEdit) setActionFields(this.doc, id, fields, this.origin);
	}

	setAreaFields(fields: AreaFields) {
		if (this.canEdit) setAreaFields(this.doc, fields, this.origin);
	}

	addIndicator(actionId: string, fields: IndicatorFields = {}): string | null {
		return this.structural(() => addIndicator(this.doc, actionId, fields, this.origin));
	}

	updateIndicator(actionId: string, indicatorId: string, fields: IndicatorFields) {
		if (this.canEdit) updateIndicator(this.doc, actionId, indicatorId, fields, this.origin);
	}

	removeIndicator(actionId: string, indicatorId: string): boolean {
		return this.structural(() => removeIndicator(this.doc, actionId, indicatorId, this.origin)) ?? false;
	}

	/** Of an action, or of the area (id 'area'). */
	setEntities(id: string, entities: string[]): boolean {
		return this.structural(() => setEntities(this.doc, id, entities, this.origin)) ?? false;
	}

	addFootnote(id: string, text: string): boolean {
		return this.structural(() => addFootnote(this.doc, id, text, this.origin)) ?? false;
	}

	setFootnote(id: string, index: number, text: string): boolean {
		return this.structural(() => setFootnote(this.doc, id, index, text, this.origin)) ?? false;
	}

	removeFootnote(id: string, index: number): boolean {
		return this.structural(() => removeFootnote(this.doc, id, index, this.origin)) ?? false;
	}

	/** Links a goal or action to the objective-tree box that justifies it; null removes the link. */
	setSource(id: string, source: { boardId: string; boxId: string } | null): boolean {
		return this.structural(() => setItemSource(this.doc, id, source, this.origin)) ?? false;
	}

	/** Cites a matrix cell or row or a cost-of-inaction card for a goal or an action. */
	addLink(id: string, link: ItemLink): boolean {
		return this.structural(() => addItemLink(this.doc, id, link, this.origin)) ?? false;
	}

	removeLink(id: string, link: ItemLink): boolean {
		return this.structural(() => removeItemLink(this.doc, id, link, this.origin)) ?? false;
	}

	/** One undo step for the whole import. */
	importTemplate(template: GoalsTemplate): number {
		return this.structural(() => importGoalsTemplate(this.doc, template, this.origin)) ?? 0;
	}

	/** Creates the ticked candidates of an objective tree, linked to their boxes; one undo step. */
	seed(source: ObjectiveTreeSummary, chosenBoxIds: Iterable<string>): SeedResult | null {
		return this.structural(() => applySeed(this.doc, source, chosenBoxIds, this.origin));
	}
}
