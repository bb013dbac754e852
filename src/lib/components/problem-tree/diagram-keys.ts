import type { BoxLayout, DerivedTree, TreeLayout } from '$lib/domain/problem-tree';

export type Direction = 'up' | 'down' | 'left' | 'right';

/** Which row a box sits in, counted from the top of the drawing's middle: effects negative, causes positive. */
function rowOf(box: BoxLayout): number {
	return box.role === 'effect' ? -box.depth : box.role === 'cause' ? box.depth : 0;
}

const centre = (box: BoxLayout) => box.x + box.width / 2;

/**
 * The box an arrow key leads to, as the diagram shows it: up and down follow the tree (towards
 * the core is the parent, away from it the child nearest below or above), left and right go to
 * the neighbouring box of the same row, cousins included. Null when there is nowhere to go.
 */
export function neighbourBox(tree: DerivedTree, layout: TreeLayout, id: string, direction: Direction): string | null {
	const box = layout.byId.get(id);
	const node = tree.byId.get(id);
	if (!box || !node) return null;
	const row = rowOf(box);

	if (direction === 'left' || direction === 'right') {
		const sameRow = layout.boxes.filter((other) => rowOf(other) === row).sort((a, b) => a.x - b.x);
		const index = sameRow.findIndex((other) => other.id === id);
		return sameRow[index + (direction === 'left' ? -1 : 1)]?.id ?? null;
	}

	const targetRow = row + (direction === 'up' ? -1 : 1);
	const towardsCore = Math.abs(targetRow) < Math.abs(row);
	if (towardsCore) return node.parentId;
	// Away from the core: the core's children hold both sides, so keep the ones drawn in that direction.
	const candidates = node.children
		.map((child) => layout.byId.get(child.id))
		.filter((child): child is BoxLayout => child !== undefined && rowOf(child) === targetRow);
	if (candidates.length === 0) return null;
	return candidates.reduce((best, child) => (Math.abs(centre(child) - centre(box)) < Math.abs(centre(best) - centre(box)) ? child : best)).id;
}

/** The box under a world point, for drops. */
export function boxAt(layout: TreeLayout, x: number, y: number): BoxLayout | null {
	for (const box of layout.boxes) {
		if (x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height) return box;
	}
	return null;
}
