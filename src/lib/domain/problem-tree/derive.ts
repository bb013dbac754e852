import type * as Y from 'yjs';
import {
	BOX_TEXT_MAX,
	CORE_BOX_ID,
	compareByOrder,
	readBoxes,
	readTreeMeta,
	type BoxSide,
	type ObjectiveWording,
	type StoredBox,
	type TreeKind
} from './schema';

/**
 * The tree every client reads, derived from the doc's parent pointers. Concurrent edits can
 * leave pointers that do not form a tree (a parent deleted while someone added a child under
 * it; A moved under B while B moved under A). Those are repaired here, on read, by rules that
 * depend only on the doc's contents, so every replica shows the same tree and no box is lost:
 * - orphan: a box whose parent is missing goes under the core, on its stored side;
 * - cycle: each cycle is cut at its smallest box id, which goes under the core on its stored side.
 * The doc itself is left as it is; the next move of a repaired box writes a proper parent.
 */
export type TreeRole = 'core' | BoxSide;

export interface ObjectiveInfo {
	sourceBoxId: string | null;
	originalText: string;
	suggestedText: string;
	wording: ObjectiveWording;
	/** The group changed the wording the conversion proposed. */
	rephrased: boolean;
	sourceMissing: boolean;
}

export interface TreeBox {
	id: string;
	text: string;
	role: TreeRole;
	parentId: string | null;
	/** The core is 0, its children 1, and so on. */
	depth: number;
	/** Ordered by (order, id). The core's children hold both sides; see DerivedTree.causes/effects. */
	children: TreeBox[];
	evidence: string;
	evidenceSource: string;
	scale: string;
	repaired: null | 'orphan' | 'cycle';
	objective: ObjectiveInfo | null;
	/** The stored sibling key ('' when unusable); operations place new keys against it. */
	order: string;
}

export interface DerivedTree {
	treeKind: TreeKind;
	core: TreeBox;
	/** Every box in the tree, the core included. */
	byId: Map<string, TreeBox>;
	/** The core's direct children on each side, in order. */
	causes: TreeBox[];
	effects: TreeBox[];
	/** Number of boxes, the core included. */
	size: number;
}

interface ResolvedParent {
	parent: string;
	repaired: null | 'orphan' | 'cycle';
}

export function deriveTree(doc: Y.Doc): DerivedTree {
	const { treeKind } = readTreeMeta(doc);
	const stored = readBoxes(doc);
	const parents = resolveParents(stored);
	const childrenOf = new Map<string, StoredBox[]>();
	for (const [id, { parent }] of parents) {
		const list = childrenOf.get(parent) ?? [];
		list.push(stored.get(id)!);
		childrenOf.set(parent, list);
	}

	const storedCore = stored.get(CORE_BOX_ID);
	const core = toTreeBox(storedCore ?? emptyCore(), 'core', null, 0, null, treeKind);
	const byId = new Map<string, TreeBox>([[CORE_BOX_ID, core]]);
	// Breadth first, not recursive: a doc from a hostile client may hold a chain thousands deep.
	const queue: TreeBox[] = [core];
	for (let i = 0; i < queue.length; i++) {
		const parent = queue[i];
		const children = (childrenOf.get(parent.id) ?? []).sort(compareByOrder);
		for (const child of children) {
			const role: BoxSide = parent.role === 'core' ? child.side : parent.role;
			const box = toTreeBox(child, role, parent.id, parent.depth + 1, parents.get(child.id)!.repaired, treeKind);
			parent.children.push(box);
			byId.set(box.id, box);
			queue.push(box);
		}
	}
	return {
		treeKind,
		core,
		byId,
		causes: core.children.filter((box) => box.role === 'cause'),
		effects: core.children.filter((box) => box.role === 'effect'),
		size: byId.size
	};
}

/**
 * Each non-core box's parent after repair. The stored pointers form a functional graph, so each
 * connected part holds at most one cycle; cutting one pointer per cycle leaves a tree under the core.
 */
function resolveParents(stored: Map<string, StoredBox>): Map<string, ResolvedParent> {
	const resolved = new Map<string, ResolvedParent>();
	for (const box of stored.values()) {
		if (box.id === CORE_BOX_ID) continue;
		const known = box.parent === CORE_BOX_ID || (box.parent !== '' && stored.has(box.parent));
		resolved.set(box.id, known ? { parent: box.parent, repaired: null } : { parent: CORE_BOX_ID, repaired: 'orphan' });
	}
	const done = new Set<string>();
	for (const start of [...resolved.keys()].sort()) {
		const path: string[] = [];
		const onPath = new Map<string, number>();
		let current: string = start;
		while (current !== CORE_BOX_ID && !done.has(current)) {
			const seenAt = onPath.get(current);
			if (seenAt !== undefined) {
				const cut = path.slice(seenAt).sort()[0];
				resolved.set(cut, { parent: CORE_BOX_ID, repaired: 'cycle' });
				break;
			}
			onPath.set(current, path.length);
			path.push(current);
			current = resolved.get(current)!.parent;
		}
		for (const id of path) done.add(id);
	}
	return resolved;
}

function toTreeBox(
	box: StoredBox,
	role: TreeRole,
	parentId: string | null,
	depth: number,
	repaired: TreeBox['repaired'],
	treeKind: TreeKind
): TreeBox {
	return {
		id: box.id,
		text: box.text,
		role,
		parentId,
		depth,
		children: [],
		evidence: box.evidence,
		evidenceSource: box.evidenceSource,
		scale: box.scale,
		repaired,
		objective: treeKind === 'objective' ? readObjective(box) : null,
		order: box.order
	};
}

/** Only boxes the conversion wrote carry objective info; a box the group added itself has none. */
function readObjective(box: StoredBox): ObjectiveInfo | null {
	if (box.sourceBoxId === null && box.suggestedText === null && box.wording === null) return null;
	return {
		sourceBoxId: box.sourceBoxId,
		originalText: box.originalText ?? '',
		suggestedText: box.suggestedText ?? '',
		wording: box.wording ?? 'suggested',
		rephrased: box.suggestedText !== null && box.text !== box.suggestedText.slice(0, BOX_TEXT_MAX),
		sourceMissing: box.sourceMissing
	};
}

function emptyCore(): StoredBox {
	return {
		id: CORE_BOX_ID,
		text: '',
		parent: '',
		side: 'cause',
		order: '',
		createdBy: '',
		createdAt: 0,
		evidence: '',
		evidenceSource: '',
		scale: '',
		sourceBoxId: null,
		originalText: null,
		suggestedText: null,
		wording: null,
		sourceMissing: false
	};
}

/** True when `id` is `ancestorId` or lies in its subtree. */
export function isInSubtree(tree: DerivedTree, ancestorId: string, id: string): boolean {
	for (let box = tree.byId.get(id); box; box = box.parentId === null ? undefined : tree.byId.get(box.parentId)) {
		if (box.id === ancestorId) return true;
	}
	return false;
}

/**
 * Boxes in outline order, depth first: the core, then the effects' subtrees, then the causes'
 * (each side in its sibling order), so a list reads the way the diagram does from the core.
 */
export function flattenTree(tree: DerivedTree): TreeBox[] {
	const out: TreeBox[] = [tree.core];
	const stack: TreeBox[] = [...tree.effects, ...tree.causes].reverse();
	while (stack.length > 0) {
		const box = stack.pop()!;
		out.push(box);
		for (let i = box.children.length - 1; i >= 0; i--) stack.push(box.children[i]);
	}
	return out;
}
