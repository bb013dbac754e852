export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 2.5;
const ZOOM_STEP = 1.25;
const FAR_SCALE = 0.3;

/**
 * The view onto the diagram: screen = world × scale + offset. Kept out of the doc (everyone
 * looks at their own part of the tree) and out of the layout (zooming re-lays out nothing).
 */
export class PanZoom {
	x = $state(0);
	y = $state(0);
	scale = $state(1);

	/** Too small to read text: the diagram shows the boxes without their contents. */
	get far(): boolean {
		return this.scale < FAR_SCALE;
	}

	get transform(): string {
		return `translate(${this.x}px, ${this.y}px) scale(${this.scale})`;
	}

	toWorld(screenX: number, screenY: number): { x: number; y: number } {
		return { x: (screenX - this.x) / this.scale, y: (screenY - this.y) / this.scale };
	}

	panBy(dx: number, dy: number) {
		this.x += dx;
		this.y += dy;
	}

	/** Zooms keeping the world point under (screenX, screenY) where it is: under the pointer, or the view's centre. */
	zoomAt(factor: number, screenX: number, screenY: number) {
		const next = clamp(this.scale * factor, MIN_SCALE, MAX_SCALE);
		const world = this.toWorld(screenX, screenY);
		this.scale = next;
		this.x = screenX - world.x * next;
		this.y = screenY - world.y * next;
	}

	/** Trackpad pinches arrive as ctrl+wheel and zoom at the pointer; a plain wheel or a two-finger swipe pans. */
	wheel(event: WheelEvent, viewport: DOMRect) {
		const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? viewport.height : 1;
		if (event.ctrlKey || event.metaKey) this.zoomAt(Math.exp(-event.deltaY * unit * 0.0025), event.clientX - viewport.left, event.clientY - viewport.top);
		else this.panBy(-event.deltaX * unit, -event.deltaY * unit);
	}

	zoomIn(viewport: { width: number; height: number }) {
		this.zoomAt(ZOOM_STEP, viewport.width / 2, viewport.height / 2);
	}

	zoomOut(viewport: { width: number; height: number }) {
		this.zoomAt(1 / ZOOM_STEP, viewport.width / 2, viewport.height / 2);
	}

	/** Shows the whole of `bounds`, centred, never enlarged past 1:1 (a three-box tree would look shouted). */
	fit(bounds: Rect, viewport: { width: number; height: number }, margin = 24) {
		if (viewport.width <= 0 || viewport.height <= 0) return;
		const scale = clamp(
			Math.min((viewport.width - 2 * margin) / bounds.width, (viewport.height - 2 * margin) / bounds.height, 1),
			MIN_SCALE,
			MAX_SCALE
		);
		this.scale = scale;
		this.x = (viewport.width - bounds.width * scale) / 2 - bounds.x * scale;
		this.y = (viewport.height - bounds.height * scale) / 2 - bounds.y * scale;
	}

	/** Pans the least needed to bring `box` into view (keyboard navigation must not lose the selection off-screen). */
	reveal(box: Rect, viewport: { width: number; height: number }, margin = 48) {
		const left = box.x * this.scale + this.x;
		const top = box.y * this.scale + this.y;
		const right = left + box.width * this.scale;
		const bottom = top + box.height * this.scale;
		if (left < margin) this.x += margin - left;
		else if (right > viewport.width - margin) this.x -= Math.min(right - (viewport.width - margin), left - margin);
		if (top < margin) this.y += margin - top;
		else if (bottom > viewport.height - margin) this.y -= Math.min(bottom - (viewport.height - margin), top - margin);
	}
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}
