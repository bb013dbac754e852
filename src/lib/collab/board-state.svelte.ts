import type * as Y from 'yjs';
import type { BoardConnection } from './board-connection.svelte';
import { DerivedDoc } from './derived-doc.svelte';
import { BoardPresence, type PresenceRole } from './presence.svelte';
import { editorsOf, type PresentEditor } from './presence-editors';

export interface BoardStateOptions<T> {
	/** The doc's shared types the derived value reads: any deep change re-derives it. */
	types: (doc: Y.Doc) => Y.AbstractType<any>[];
	derive: (doc: Y.Doc) => T;
	/** False when the doc was written by a newer schema: then nothing may be edited here. */
	isSupported: (doc: Y.Doc) => boolean;
	/** Awareness field naming what one is editing right now, so others see it marked. */
	editingField: string;
}

/**
 * What every board kind's reactive wrapper shares: the derived value, whether one may edit,
 * undo grouping and the "who is editing what" awareness field. Subclasses add the board's verbs,
 * all written with the connection's origin, so undo takes back exactly one's own changes.
 */
export class BoardState<T> {
	readonly presence: BoardPresence;
	protected readonly connection: BoardConnection;
	#derived: DerivedDoc<T>;
	#isSupported: (doc: Y.Doc) => boolean;
	#editingField: string;

	constructor(connection: BoardConnection, me: { name: string; role: PresenceRole }, options: BoardStateOptions<T>) {
		this.connection = connection;
		this.presence = new BoardPresence(connection.awareness, me);
		const doc = connection.doc;
		this.#derived = new DerivedDoc(options.types(doc), () => options.derive(doc));
		this.#isSupported = options.isSupported;
		this.#editingField = options.editingField;
	}

	/**
	 * The open vote's dots per item of this board, while its results may be shown here; null
	 * otherwise. Set by the board page from the workshop channel; the items show the counts.
	 */
	dotCounts = $state.raw<Record<string, number> | null>(null);

	dotsOf(id: string): number | null {
		return this.dotCounts ? (this.dotCounts[id] ?? 0) : null;
	}

	get canEdit(): boolean {
		this.#derived.track();
		return this.connection.canEdit && this.#isSupported(this.connection.doc);
	}

	get undo() {
		return this.connection.undo;
	}

	/** Others (not this tab) whose awareness says they are editing the piece `id`. */
	editorsOf(id: string): PresentEditor[] {
		return editorsOf(this.presence, this.#editingField, id);
	}

	/** Ends the current undo group (e.g. when leaving a text field), so the next change undoes on its own. */
	stopCapturing() {
		this.undo?.stopCapturing();
	}

	protected get derived(): T {
		return this.#derived.current;
	}

	/** For getters that read the doc another way: they re-run on the same changes. */
	protected track(): void {
		this.#derived.track();
	}

	protected get editingField(): string {
		return this.#editingField;
	}

	protected get doc(): Y.Doc {
		return this.connection.doc;
	}

	protected get origin() {
		return this.connection.origin;
	}

	/** Tells the others what one is editing (null: nothing). Observers edit nothing, so say nothing. */
	protected focus(id: string | null) {
		if (this.connection.readOnly) return;
		this.connection.setPresenceField(this.#editingField, id);
	}

	/** Its own undo step, never merged into the typing before it or after it. */
	protected ownStep<R>(change: () => R): R {
		this.undo?.stopCapturing();
		const result = change();
		this.undo?.stopCapturing();
		return result;
	}

	/** Structural changes are their own undo step; null (nothing written) when one may not edit. */
	protected structural<R>(change: () => R): R | null {
		if (!this.canEdit) return null;
		return this.ownStep(change);
	}
}
