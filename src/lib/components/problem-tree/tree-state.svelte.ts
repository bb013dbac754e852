import { createSubscriber } from 'svelte/reactivity';
import type { BoardConnection } from '$lib/collab/board-connection.svelte';
import { BoardPresence, type PresenceRole } from '$lib/collab/presence.svelte';
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

export interface BoxEditor {
	name: string;
	color?: string;
}

/** Awareness field naming the box someone is editing right now. */
const EDITING_FIELD = 'box';

/** The presence list's markers (3:1 against white), so a person has the same colour there and on the box they edit. */
const EDITOR_COLORS = ['#0b5cad', '#b42318', '#1a7f37', '#8a5a00', '#6e40c9', '#0e7490', '#a3256b', '#4b5563'];

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
	#subscribe: () => void;
	/** Deriving walks every box; many components read `tree` per change, so it is derived once per change. */
	#cached: DerivedTree | null = null;
	#observing = false;

	constructor(connection: BoardConnection, me: { name: string; role: PresenceRole }) {
		this.#connection = connection;
		this.#me = me;
		this.presence = new BoardPresence(connection.awareness, me);
		const boxes = boxesMap(connection.doc);
		const meta = treeMetaMap(connection.doc);
		this.#subscribe = createSubscriber((update) => {
			const onChange = () => {
				this.#cached = null;
				update();
			};
			this.#observing = true;
			this.#cached = null;
			boxes.observeDeep(onChange);
			meta.observeDeep(onChange);
			return () => {
				this.#observing = false;
				boxes.unobserveDeep(onChange);
				meta.unobserveDeep(onChange);
			};
		});
	}

	get tree(): DerivedTree {
		this.#subscribe();
		// Without an observer nobody tells us the doc changed, so a cached tree could be stale.
		if (this.#cached && this.#observing) return this.#cached;
		const tree = deriveTree(this.#connection.doc);
		if (this.#observing) this.#cached = tree;
		return tree;
	}

	/** Board ids the conversion wrote into meta: the objective tree of a problem tree, or the reverse. */
	get links(): { sourceBoardId: string | null; objectiveBoardId: string | null } {
		this.#subscribe();
		const { sourceBoardId, objectiveBoardId } = readTreeMeta(this.#connection.doc);
		return { sourceBoardId: sourceBoardId || null, objectiveBoardId: objectiveBoardId || null };
	}

	get canEdit(): boolean {
		this.#subscribe();
		return this.#connection.canEdit && isSchemaSupported(this.#connection.doc);
	}

	get undo() {
		return this.#connection.undo;
	}

	select(id: string | null) {
		this.selectedId = id;
	}

	/** Others (not this tab) whose awareness says they are editing the box. */
	editorsOf(boxId: string): BoxEditor[] {
		const users = this.presence.othersField('user');
		const editors: BoxEditor[] = [];
		const seen = new Set<string>();
		for (const [clientId, value] of this.presence.othersField(EDITING_FIELD)) {
			if (value !== boxId) continue;
			const name = readUserName(users.get(clientId));
			if (name === null || seen.has(name)) continue;
			seen.add(name);
			editors.push({ name, color: editorColor(name) });
		}
		return editors;
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

function readUserName(value: unknown): string | null {
	if (!value || typeof value !== 'object') return null;
	const name = (value as Record<string, unknown>).name;
	return typeof name === 'string' && name.trim() ? name.trim().slice(0, 80) : null;
}

/** Same name, same color on every screen, without coordinating. */
export function editorColor(name: string): string {
	let hash = 0;
	for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
	return EDITOR_COLORS[hash % EDITOR_COLORS.length];
}
