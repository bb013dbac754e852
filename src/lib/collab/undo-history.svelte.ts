import type * as Y from 'yjs';
import { createSubscriber } from 'svelte/reactivity';

/** Reactive view of one's own undo stack, so Undo/Redo buttons enable themselves. */
export class UndoHistory {
	#manager: Y.UndoManager;
	#subscribe: () => void;

	constructor(manager: Y.UndoManager) {
		this.#manager = manager;
		this.#subscribe = createSubscriber((update) => {
			manager.on('stack-item-added', update);
			manager.on('stack-item-popped', update);
			manager.on('stack-cleared', update);
			return () => {
				manager.off('stack-item-added', update);
				manager.off('stack-item-popped', update);
				manager.off('stack-cleared', update);
			};
		});
	}

	get canUndo(): boolean {
		this.#subscribe();
		return this.#manager.canUndo();
	}

	get canRedo(): boolean {
		this.#subscribe();
		return this.#manager.canRedo();
	}

	undo() {
		this.#manager.undo();
	}

	redo() {
		this.#manager.redo();
	}

	/** Ends the current capture group, so the next edit is undone on its own. */
	stopCapturing() {
		this.#manager.stopCapturing();
	}

	destroy() {
		this.#manager.destroy();
	}
}
