import type { BoardConnection } from '$lib/collab/board-connection.svelte';
import { BoardState } from '$lib/collab/board-state.svelte';
import type { PresenceRole } from '$lib/collab/presence.svelte';
import {
	addCause,
	addEffect,
	boxesMap,
	deleteBox,
	deriveTree,
	editBoxText,
	isSchemaSupported,
	moveBox,
	readTreeMeta,
	setBoxDetails,
	treeMetaMap,
	type BoxDetails,
	type BoxSide,
	type DerivedTree
} from '$lib/domain/problem-tree';

/** Awareness field naming the box someone is editing right now. */
const EDITING_FIELD = 'box';

/**
 * A problem tree or an objective tree as components see it: the derived (repaired) tree and
 * verbs. The diagram and the outline both read this one object, so a selection made in one
 * view is the selection in the other, and both re-render from the same doc.
 */
export class ProblemTreeState extends BoardState<DerivedTree> {
	selectedId = $state<string | null>(null);
	#me: { name: string; role: PresenceRole; id?: string };

	constructor(connection: BoardConnection, me: { name: string; role: PresenceRole; id?: string }) {
		super(connection, me, {
			types: (doc) => [boxesMap(doc), treeMetaMap(doc)],
			derive: (doc) => deriveTree(doc),
			isSupported: isSchemaSupported,
			editingField: EDITING_FIELD
		});
		this.#me = me;
	}

	get tree(): DerivedTree {
		return this.derived;
	}

	/** Board ids the conversion wrote into meta: the objective tree of a problem tree, or the reverse. */
	get links(): { sourceBoardId: string | null; objectiveBoardId: string | null } {
		this.track();
		const { sourceBoardId, objectiveBoardId } = readTreeMeta(this.doc);
		return { sourceBoardId: sourceBoardId || null, objectiveBoardId: objectiveBoardId || null };
	}

	select(id: string | null) {
		this.selectedId = id;
	}

	/** Tells the others which box we are editing (null when we stop). Observers edit nothing. */
	focusBox(boxId: string | null) {
		this.focus(boxId);
	}

	addCause(id: string): string | null {
		if (!this.canEdit) return null;
		this.undo?.stopCapturing();
		return addCause(this.doc, id, { by: this.#me.name, byId: this.#me.id }, this.origin);
	}

	addEffect(id: string): string | null {
		if (!this.canEdit) return null;
		this.undo?.stopCapturing();
		return addEffect(this.doc, id, { by: this.#me.name, byId: this.#me.id }, this.origin);
	}

	/** Typing is not split per keystroke: the undo manager groups edits made within its capture window. */
	editText(id: string, text: string) {
		if (this.canEdit) editBoxText(this.doc, id, text, this.origin);
	}

	setDetails(id: string, details: BoxDetails) {
		if (this.canEdit) setBoxDetails(this.doc, id, details, this.origin);
	}

	move(id: string, parentId: string, index: number, side?: BoxSide): boolean {
		if (!this.canEdit) return false;
		this.undo?.stopCapturing();
		return moveBox(this.doc, id, parentId, { index }, this.origin, side);
	}

	remove(id: string): boolean {
		if (!this.canEdit) return false;
		this.undo?.stopCapturing();
		const removed = deleteBox(this.doc, id, this.origin);
		if (removed && this.selectedId === id) this.selectedId = null;
		return removed;
	}
}
