import type { BoardConnection } from '$lib/collab/board-connection.svelte';
import { DerivedDoc } from '$lib/collab/derived-doc.svelte';
import { BoardPresence, type PresenceRole } from '$lib/collab/presence.svelte';
import { editorsOf, type PresentEditor } from '$lib/collab/presence-editors';
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
export class ProblemTreeState {
	readonly presence: BoardPresence;
	selectedId = $state<string | null>(null);
	#connection: BoardConnection;
	#me: { name: string; role: PresenceRole };
	#tree: DerivedDoc<DerivedTree>;

	constructor(connection: BoardConnection, me: { name: string; role: PresenceRole }) {
		this.#connection = connection;
		this.#me = me;
		this.presence = new BoardPresence(connection.awareness, me);
		const doc = connection.doc;
		this.#tree = new DerivedDoc([boxesMap(doc), treeMetaMap(doc)], () => deriveTree(doc));
	}

	get tree(): DerivedTree {
		return this.#tree.current;
	}

	/** Board ids the conversion wrote into meta: the objective tree of a problem tree, or the reverse. */
	get links(): { sourceBoardId: string | null; objectiveBoardId: string | null } {
		this.#tree.track();
		const { sourceBoardId, objectiveBoardId } = readTreeMeta(this.#connection.doc);
		return { sourceBoardId: sourceBoardId || null, objectiveBoardId: objectiveBoardId || null };
	}

	get canEdit(): boolean {
		this.#tree.track();
		return this.#connection.canEdit && isSchemaSupported(this.#connection.doc);
	}

	get undo() {
		return this.#connection.undo;
	}

	select(id: string | null) {
		this.selectedId = id;
	}

	/** Others (not this tab) whose awareness says they are editing the box. */
	editorsOf(boxId: string): PresentEditor[] {
		return editorsOf(this.presence, EDITING_FIELD, boxId);
	}

	/** Tells the others which box we are editing (null when we stop). Observers edit nothing. */
	focusBox(boxId: string | null) {
		if (this.#connection.readOnly) return;
		this.#connection.setPresenceField(EDITING_FIELD, boxId);
	}

	addCause(id: string): string | null {
		if (!this.canEdit) return null;
		this.undo?.stopCapturing();
		return addCause(this.#connection.doc, id, { by: this.#me.name }, this.#connection.origin);
	}

	addEffect(id: string): string | null {
		if (!this.canEdit) return null;
		this.undo?.stopCapturing();
		return addEffect(this.#connection.doc, id, { by: this.#me.name }, this.#connection.origin);
	}

	/** Typing is not split per keystroke: the undo manager groups edits made within its capture window. */
	editText(id: string, text: string) {
		if (this.canEdit) editBoxText(this.#connection.doc, id, text, this.#connection.origin);
	}

	setDetails(id: string, details: BoxDetails) {
		if (this.canEdit) setBoxDetails(this.#connection.doc, id, details, this.#connection.origin);
	}

	move(id: string, parentId: string, index: number, side?: BoxSide): boolean {
		if (!this.canEdit) return false;
		this.undo?.stopCapturing();
		return moveBox(this.#connection.doc, id, parentId, { index }, this.#connection.origin, side);
	}

	remove(id: string): boolean {
		if (!this.canEdit) return false;
		this.undo?.stopCapturing();
		const removed = deleteBox(this.#connection.doc, id, this.#connection.origin);
		if (removed && this.selectedId === id) this.selectedId = null;
		return removed;
	}

	/** Ends the current undo group (e.g. when leaving a text field), so the next change undoes on its own. */
	stopCapturing() {
		this.undo?.stopCapturing();
	}
}
