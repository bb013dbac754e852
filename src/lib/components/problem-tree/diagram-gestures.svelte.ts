import { canMoveBox, type DerivedTree, type TreeLayout } from '$lib/domain/problem-tree';
import { boxAt } from './diagram-keys';
import type { PanZoom } from './pan-zoom.svelte';

export interface BoxDrag {
	id: string;
	/** Top-left of the box as it follows the pointer, in world units. */
	x: number;
	y: number;
	/** Where a drop would put it: a box it may go under, and the side when that box is the core. */
	targetId: string | null;
	side: 'cause' | 'effect';
}

interface GestureHost {
	view: PanZoom;
	viewport(): HTMLElement | undefined;
	tree(): DerivedTree;
	layout(): TreeLayout;
	canEdit(): boolean;
	editingId(): string | null;
	select(id: string): void;
	drop(id: string, parentId: string, side: 'cause' | 'effect'): void;
	/** Any pan, zoom or drag by the person: from then on the view is theirs (no more automatic fitting). */
	touched(): void;
}

type Gesture =
	| { kind: 'pan'; pointerId: number; lastX: number; lastY: number }
	| { kind: 'box'; pointerId: number; id: string; startX: number; startY: number; grabX: number; grabY: number; moved: boolean };

/** A press that travels less than this is a click (select), not a drag. */
const DRAG_THRESHOLD = 5;

/**
 * Pointer gestures on the diagram: dragging the background pans, dragging a box carries it
 * onto another box. Nothing reaches the doc until the drop, which is one move.
 */
export class DiagramGestures {
	drag = $state<BoxDrag | null>(null);
	#gesture: Gesture | null = null;
	#host: GestureHost;

	constructor(host: GestureHost) {
		this.#host = host;
	}

	pointerdown = (event: PointerEvent) => {
		if (event.button !== 0) return;
		// A press that ended outside the diagram (before any capture) left its gesture behind.
		this.cancel();
		const target = event.target as HTMLElement;
		if (target.closest('button, textarea, input, a')) return;
		this.#host.touched();
		const boxElement = target.closest<HTMLElement>('[data-box-id]');
		const id = boxElement?.dataset.boxId;
		if (id) this.#host.select(id);
		const isCore = id === this.#host.tree().core.id;
		if (id && this.#host.canEdit() && this.#host.editingId() !== id && !isCore) {
			const box = this.#host.layout().byId.get(id);
			const world = this.#world(event);
			if (!box || !world) return;
			this.#gesture = { kind: 'box', pointerId: event.pointerId, id, startX: event.clientX, startY: event.clientY, grabX: world.x - box.x, grabY: world.y - box.y, moved: false };
		} else if (!id || isCore || !this.#host.canEdit()) {
			this.#gesture = { kind: 'pan', pointerId: event.pointerId, lastX: event.clientX, lastY: event.clientY };
			(event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
		}
	};

	pointermove = (event: PointerEvent) => {
		const gesture = this.#gesture;
		if (!gesture || gesture.pointerId !== event.pointerId) return;
		if (gesture.kind === 'pan') {
			this.#host.view.panBy(event.clientX - gesture.lastX, event.clientY - gesture.lastY);
			gesture.lastX = event.clientX;
			gesture.lastY = event.clientY;
			return;
		}
		if (!gesture.moved && Math.hypot(event.clientX - gesture.startX, event.clientY - gesture.startY) < DRAG_THRESHOLD) return;
		if (!gesture.moved) {
			// Captured only once it is a drag: a capture from the press would send the clicks of a double click to the viewport, not the box.
			(event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
			gesture.moved = true;
		}
		const world = this.#world(event);
		if (!world) return;
		this.drag = { id: gesture.id, x: world.x - gesture.grabX, y: world.y - gesture.grabY, ...this.#dropAt(gesture.id, world.x, world.y) };
	};

	pointerup = (event: PointerEvent) => this.#end(event, true);
	pointercancel = (event: PointerEvent) => this.#end(event, false);

	/** Escape while dragging puts the box back. */
	cancel() {
		this.#gesture = null;
		this.drag = null;
	}

	#end(event: PointerEvent, commit: boolean) {
		if (!this.#gesture || this.#gesture.pointerId !== event.pointerId) return;
		this.#gesture = null;
		const drag = this.drag;
		this.drag = null;
		if (commit && drag?.targetId) this.#host.drop(drag.id, drag.targetId, drag.side);
	}

	#dropAt(id: string, x: number, y: number): Pick<BoxDrag, 'targetId' | 'side'> {
		const tree = this.#host.tree();
		const over = boxAt(this.#host.layout(), x, y);
		const dragged = tree.byId.get(id);
		const fallbackSide = dragged?.role === 'effect' ? 'effect' : 'cause';
		if (!over || over.id === id || !canMoveBox(tree, id, over.id)) return { targetId: null, side: fallbackSide };
		// On the core, the upper half takes effects and the lower half causes, as drawn.
		const side = over.role === 'core' ? (y < over.y + over.height / 2 ? 'effect' : 'cause') : over.role;
		return { targetId: over.id, side };
	}

	#world(event: PointerEvent) {
		const viewport = this.#host.viewport();
		if (!viewport) return null;
		const rect = viewport.getBoundingClientRect();
		return this.#host.view.toWorld(event.clientX - rect.left, event.clientY - rect.top);
	}
}
