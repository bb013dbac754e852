import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';

/**
 * A value derived from some shared types of a board's doc, for the reactive wrappers components
 * read. Reading it subscribes to deep changes of those types, observing only while something
 * reads. Deriving walks the whole board and many components read it per change, so while
 * observed the value is derived once per change; unobserved, nobody says the doc changed, so a
 * kept value could be stale and every read derives afresh.
 */
export class DerivedDoc<T> {
	#derive: () => T;
	#subscribe: () => void;
	#cached: { value: T } | null = null;
	#observing = false;

	constructor(types: Y.AbstractType<any>[], derive: () => T) {
		this.#derive = derive;
		this.#subscribe = createSubscriber((update) => {
			const onChange = () => {
				this.#cached = null;
				update();
			};
			this.#observing = true;
			this.#cached = null;
			for (const type of types) type.observeDeep(onChange);
			return () => {
				this.#observing = false;
				for (const type of types) type.unobserveDeep(onChange);
			};
		});
	}

	get current(): T {
		this.#subscribe();
		if (this.#cached && this.#observing) return this.#cached.value;
		const value = this.#derive();
		if (this.#observing) this.#cached = { value };
		return value;
	}

	/** For getters that read the doc another way: they re-run on the same changes. */
	track(): void {
		this.#subscribe();
	}
}
