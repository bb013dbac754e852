import { canMoveBox, flattenTree, type BoxSide, type DerivedTree, type TreeBox } from '$lib/domain/problem-tree';
import type { ProblemTreeState } from './tree-state.svelte';

/**
 * The outline's reading of the tree: the core first, then its effects (what the problem leads
 * to) and then its causes, each with its own branch. Pure, so the keyboard rules can be tested
 * without a browser.
 */

/** What every item of one outline shares; passed down whole so the recursion stays one prop. */
export interface OutlineContext {
	treeState: ProblemTreeState;
	collapsed: ReadonlySet<string>;
	editingId: string | null;
	/** The item that holds the roving tabindex (the selection, or the core). */
	activeId: string;
	onselect: (id: string) => void;
	onstartedit: (id: string) => void;
	onstopedit: (id: string) => void;
}

export type KeyboardMove = 'up' | 'down' | 'out' | 'in';

export interface MoveTarget {
	parentId: string;
	index: number;
	/** Only for a move directly under the core, where the side decides cause or effect. */
	side?: BoxSide;
}

export function outlineChildren(box: TreeBox): TreeBox[] {
	if (box.role !== 'core') return box.children;
	return [...box.children.filter((c) => c.role === 'effect'), ...box.children.filter((c) => c.role === 'cause')];
}

/** The siblings a box is ordered among: under the core, only those on its own side. */
export function siblingsOf(tree: DerivedTree, box: TreeBox): TreeBox[] {
	if (box.parentId === null) return [box];
	const parent = tree.byId.get(box.parentId);
	if (!parent) return [box];
	return parent.role === 'core' ? parent.children.filter((c) => c.role === box.role) : parent.children;
}

/** The items a person can arrow through: collapsed branches hide their boxes. */
export function visibleItems(tree: DerivedTree, collapsed: ReadonlySet<string>): TreeBox[] {
	const out: TreeBox[] = [];
	const walk = (box: TreeBox) => {
		out.push(box);
		if (collapsed.has(box.id)) return;
		for (const child of outlineChildren(box)) walk(child);
	};
	walk(tree.core);
	return out;
}

/**
 * Where a keyboard move takes a box: up/down among its siblings, out to its grandparent (just
 * after its parent), or in under the sibling above it (as its last child). Null when the box
 * cannot go that way (first among siblings, already under the core, …).
 */
export function keyboardMoveTarget(tree: DerivedTree, id: string, move: KeyboardMove): MoveTarget | null {
	const box = tree.byId.get(id);
	if (!box || box.parentId === null) return null;
	const siblings = siblingsOf(tree, box);
	const index = siblings.indexOf(box);
	const side = box.role === 'core' ? undefined : box.role;
	const underCore = box.parentId === tree.core.id;
	switch (move) {
		case 'up':
			return index > 0 ? { parentId: box.parentId, index: index - 1, side: underCore ? side : undefined } : null;
		case 'down':
			return index < siblings.length - 1 ? { parentId: box.parentId, index: index + 1, side: underCore ? side : undefined } : null;
		case 'in': {
			const previous = siblings[index - 1];
			return previous ? { parentId: previous.id, index: previous.children.length } : null;
		}
		case 'out': {
			const parent = tree.byId.get(box.parentId);
			if (!parent || parent.parentId === null) return null;
			const grandparent = tree.byId.get(parent.parentId);
			if (!grandparent) return null;
			const parentIndex = siblingsOf(tree, parent).indexOf(parent);
			const parentSide = parent.role === 'core' ? undefined : parent.role;
			return { parentId: grandparent.id, index: parentIndex + 1, side: grandparent.role === 'core' ? parentSide : undefined };
		}
	}
}

export interface ParentChoice {
	/** Unique value for a select: the box id, plus the side for the core. */
	value: string;
	parent: TreeBox;
	side?: BoxSide;
}

/** Every place a box may go (not its own subtree, not where it already is), in reading order. */
export function parentChoices(tree: DerivedTree, id: string): ParentChoice[] {
	const box = tree.byId.get(id);
	if (!box || box.role === 'core') return [];
	const choices: ParentChoice[] = [];
	for (const candidate of flattenTree(tree)) {
		if (!canMoveBox(tree, id, candidate.id)) continue;
		if (candidate.role === 'core') {
			for (const side of ['effect', 'cause'] as const) {
				if (candidate.id !== box.parentId || side !== box.role) choices.push({ value: `${candidate.id}:${side}`, parent: candidate, side });
			}
		} else if (candidate.id !== box.parentId) {
			choices.push({ value: candidate.id, parent: candidate });
		}
	}
	return choices;
}
