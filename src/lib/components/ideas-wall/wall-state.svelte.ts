import { createSubscriber } from 'svelte/reactivity';
import type { BoardConnection } from '$lib/collab/board-connection.svelte';
import { BoardPresence, type PresenceRole } from '$lib/collab/presence.svelte';
import {
	addNote,
	clampPosition,
	deleteNote,
	editNoteText,
	isSchemaSupported,
	listNotes,
	moveNote,
	notesMap,
	recolorNote,
	type IdeaNote,
	type NoteColor
} from '$lib/domain/ideas-wall';

export interface PlacedNote extends IdeaNote {
	/** Someone (maybe us) is dragging it: drawn at the drag position, not yet in the doc. */
	dragging: boolean;
}

interface DragPosition {
	id: string;
	x: number;
	y: number;
}

/** Awareness messages while dragging: often enough to look live, rare enough for 40 laptops. */
const DRAG_PUBLISH_MS = 60;

/**
 * The ideas wall as components see it: plain notes and verbs. Drags travel through awareness
 * and only the drop is written to the doc, because a position rewritten on every pointer
 * move would grow the doc by thousands of entries per drag.
 */
export class IdeasWallState {
	readonly presence: BoardPresence;
	#connection: BoardConnection;
	#me: { name: string; role: PresenceRole; id?: string };
	#subscribe: () => void;
	#localDrag = $state<DragPosition | null>(null);
	#publishTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(connection: BoardConnection, me: { name: string; role: PresenceRole; id?: string }) {
		this.#connection = connection;
		this.#me = me;
		this.presence = new BoardPresence(connection.awareness, me);
		const notes = notesMap(connection.doc);
		this.#subscribe = createSubscriber((update) => {
			notes.observeDeep(update);
			return () => notes.unobserveDeep(update);
		});
	}

	get notes(): PlacedNote[] {
		this.#subscribe();
		const drags = new Map<string, DragPosition>();
		for (const value of this.presence.othersField('drag').values()) {
			const drag = readDrag(value);
			if (drag) drags.set(drag.id, drag);
		}
		if (this.#localDrag) drags.set(this.#localDrag.id, this.#localDrag);
		return listNotes(this.#connection.doc).map((note) => {
			const drag = drags.get(note.id);
			return drag ? { ...note, ...clampPosition(drag.x, drag.y), dragging: true } : { ...note, dragging: false };
		});
	}

	get canEdit(): boolean {
		this.#subscribe();
		return this.#connection.canEdit && isSchemaSupported(this.#connection.doc);
	}

	get undo() {
		return this.#connection.undo;
	}

	add(x: number, y: number, color: NoteColor = 'yellow'): string | null {
		if (!this.canEdit) return null;
		this.undo?.stopCapturing();
		return addNote(this.#connection.doc, { x, y, color, createdBy: this.#me.name, createdById: this.#me.id }, this.#connection.origin);
	}

	edit(id: string, text: string) {
		if (this.canEdit) editNoteText(this.#connection.doc, id, text, this.#connection.origin);
	}

	recolor(id: string, color: NoteColor) {
		if (!this.canEdit) return;
		this.undo?.stopCapturing();
		recolorNote(this.#connection.doc, id, color, this.#connection.origin);
	}

	remove(id: string) {
		if (!this.canEdit) return;
		this.undo?.stopCapturing();
		deleteNote(this.#connection.doc, id, this.#connection.origin);
	}

	/** Shows the note at (x, y) here and, throttled, to everyone else, without touching the doc. */
	dragTo(id: string, x: number, y: number) {
		if (!this.canEdit) return;
		this.#localDrag = { id, ...clampPosition(x, y) };
		if (this.#publishTimer) return;
		this.#publishDrag();
		this.#publishTimer = setTimeout(() => {
			this.#publishTimer = null;
			this.#publishDrag();
		}, DRAG_PUBLISH_MS);
	}

	/** Ends a drag: writes the final position (one doc entry) or puts the note back. */
	drop(commit = true) {
		const drag = this.#localDrag;
		this.#localDrag = null;
		if (this.#publishTimer) clearTimeout(this.#publishTimer);
		this.#publishTimer = null;
		this.#connection.setPresenceField('drag', null);
		if (drag && commit && this.canEdit) {
			this.undo?.stopCapturing();
			moveNote(this.#connection.doc, drag.id, drag.x, drag.y, this.#connection.origin);
		}
	}

	get draggingId(): string | null {
		return this.#localDrag?.id ?? null;
	}

	#publishDrag() {
		this.#connection.setPresenceField('drag', this.#localDrag);
	}
}

function readDrag(value: unknown): DragPosition | null {
	if (!value || typeof value !== 'object') return null;
	const { id, x, y } = value as Record<string, unknown>;
	if (typeof id !== 'string' || typeof x !== 'number' || typeof y !== 'number') return null;
	if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
	return { id, x, y };
}
