import * as Y from 'yjs';
import { clampIndex, placeAt } from '../sibling-order';
import { replaceTextMinimally } from '../text-edit';
import { deriveTree, isInSubtree, type DerivedTree, type TreeBox } from './derive';
import {
	BOX_TEXT_MAX,
	CORE_BOX_ID,
	EVIDENCE_MAX,
	EVIDENCE_SOURCE_MAX,
	PROBLEM_TREE_SCHEMA_VERSION,
	SCALE_MAX,
	boxesMap,
	getBoxMap,
	getBoxText,
	isTreeKind,
	readSchemaVersion,
	treeMetaMap,
	type BoxDetails,
	type BoxSide,
	type TreeKind
} from './schema';

/**
 * Operations on a tree board. Each runs in one transaction with the caller's origin, so an
 * UndoManager that tracks that origin undoes exactly the local person's changes. They decide
 * against the tree as derived locally (repairs included) and return null/false, never throw,
 * when a request cannot be carried out: ids come from the UI and may name a box another person
 * has just deleted.
 */
export interface NewBoxInput {
	text?: string;
	/** Who adds the box (user id or participant id). */
	by: string;
	/** The author's person id, for "no dots on your own items" in a vote. */
	byId?: string;
	now?: number;
	/** For tests and the conversion; a fresh UUID otherwise. */
	id?: string;
}

/** Writes the meta and the core box when missing; safe to call on a doc that has them. */
export function initTreeDoc(
	doc: Y.Doc,
	treeKind: TreeKind,
	options: { coreText?: string; by?: string; now?: number; origin?: unknown } = {}
): void {
	doc.transact(() => {
		const meta = treeMetaMap(doc);
		if (readSchemaVersion(doc) === 0) meta.set('schemaVersion', PROBLEM_TREE_SCHEMA_VERSION);
		if (!isTreeKind(meta.get('treeKind'))) meta.set('treeKind', treeKind);
		if (!getBoxMap(doc, CORE_BOX_ID)) {
			const core = createBoxMap({ text: options.coreText ?? '', parent: '', side: 'cause', order: 'a0' }, options);
			boxesMap(doc).set(CORE_BOX_ID, core);
		}
	}, options.origin ?? null);
}

/** A cause below the target (a child of the core or of a cause; inserted above an effect). */
export function addCause(doc: Y.Doc, targetId: string, input: NewBoxInput, origin: unknown = null): string | null {
	return addBox(doc, targetId, 'cause', input, origin);
}

/** An effect above the target (a child of the core or of an effect; inserted above a cause). */
export function addEffect(doc: Y.Doc, targetId: string, input: NewBoxInput, origin: unknown = null): string | null {
	return addBox(doc, targetId, 'effect', input, origin);
}

/**
 * On the core or a box of the same side the new box becomes its last child. On a box of the
 * other side it goes between the target and the target's parent, taking the target's place:
 * a cause of an effect lies between that effect and the core, an effect of a cause between
 * that cause and the core.
 */
function addBox(doc: Y.Doc, targetId: string, side: BoxSide, input: NewBoxInput, origin: unknown): string | null {
	const tree = deriveTree(doc);
	const target = tree.byId.get(targetId);
	const id = input.id ?? crypto.randomUUID();
	if (!target || id === CORE_BOX_ID || boxesMap(doc).has(id)) return null;
	const fields = { by: input.by, byId: input.byId, now: input.now };
	doc.transact(() => {
		if (target.role === 'core' || target.role === side) {
			const siblings = childrenOnSide(target, side);
			const [order] = placeAt(siblings, siblings.length, 1, setBoxOrder(doc));
			boxesMap(doc).set(id, createBoxMap({ text: input.text ?? '', parent: target.id, side, order }, fields));
			return;
		}
		const parent = tree.byId.get(target.parentId!)!;
		const siblings = childrenOnSide(parent, target.role);
		const index = siblings.indexOf(target);
		const others = siblings.filter((box) => box !== target);
		const [order] = target.order ? [target.order] : placeAt(others, index, 1, setBoxOrder(doc));
		boxesMap(doc).set(id, createBoxMap({ text: input.text ?? '', parent: parent.id, side: target.role, order }, fields));
		getBoxMap(doc, target.id)?.set('parent', id);
	}, origin);
	return id;
}

/**
 * Replaces a box's text by changing only the span that differs, so two people typing in the
 * same box at once both keep their words (a whole-text replace would drop one of them).
 */
export function editBoxText(doc: Y.Doc, id: string, nextText: string, origin: unknown = null): boolean {
	if (id === CORE_BOX_ID) ensureCore(doc, origin);
	const text = getBoxText(doc, id);
	if (!text) return false;
	const wanted = nextText.slice(0, BOX_TEXT_MAX);
	replaceTextMinimally(doc, text, wanted, origin);
	return true;
}

const DETAIL_LIMITS: Record<keyof BoxDetails, number> = {
	evidence: EVIDENCE_MAX,
	evidenceSource: EVIDENCE_SOURCE_MAX,
	scale: SCALE_MAX
};

/** Sets the fields given (others untouched); each is cut to its limit. */
export function setBoxDetails(doc: Y.Doc, id: string, details: BoxDetails, origin: unknown = null): boolean {
	if (id === CORE_BOX_ID) ensureCore(doc, origin);
	const box = getBoxMap(doc, id);
	if (!box) return false;
	const changes: Array<[string, string]> = [];
	for (const key of Object.keys(DETAIL_LIMITS) as Array<keyof BoxDetails>) {
		const value = details[key];
		if (typeof value !== 'string') continue;
		const next = value.slice(0, DETAIL_LIMITS[key]);
		if (box.get(key) !== next) changes.push([key, next]);
	}
	if (changes.length > 0) doc.transact(() => changes.forEach(([key, value]) => box.set(key, value)), origin);
	return true;
}

/** Whether `id` may go under `newParentId`: not the core, not under itself or its own subtree. */
export function canMoveBox(tree: DerivedTree, id: string, newParentId: string): boolean {
	const box = tree.byId.get(id);
	if (!box || box.role === 'core' || !tree.byId.has(newParentId)) return false;
	return !isInSubtree(tree, id, newParentId);
}

/**
 * Puts a box (with its subtree) under `newParentId` at `position.index` among that parent's
 * children without the box. Under the core the index counts only the children on the box's
 * side: `side` when given, else the side it has now. A move can still meet a concurrent move
 * that closes a cycle; deriveTree cuts it on read.
 */
export function moveBox(
	doc: Y.Doc,
	id: string,
	newParentId: string,
	position: { index: number },
	origin: unknown = null,
	side?: BoxSide
): boolean {
	const tree = deriveTree(doc);
	if (!canMoveBox(tree, id, newParentId)) return false;
	const box = tree.byId.get(id)!;
	const parent = tree.byId.get(newParentId)!;
	const newSide: BoxSide = parent.role === 'core' ? (side ?? (box.role as BoxSide)) : parent.role;
	const current = childrenOnSide(parent, newSide);
	const siblings = current.filter((other) => other.id !== id);
	const index = clampIndex(position.index, siblings.length);
	if (!box.repaired && current.indexOf(box) === index) return true;
	const map = getBoxMap(doc, id);
	if (!map) return false;
	doc.transact(() => {
		const [order] = placeAt(siblings, index, 1, setBoxOrder(doc));
		if (map.get('parent') !== parent.id) map.set('parent', parent.id);
		if (map.get('side') !== newSide) map.set('side', newSide);
		if (map.get('order') !== order) map.set('order', order);
	}, origin);
	return true;
}

/** Deletes a box (never the core); its children move up into its place, in their order. */
export function deleteBox(doc: Y.Doc, id: string, origin: unknown = null): boolean {
	const tree = deriveTree(doc);
	const box = tree.byId.get(id);
	if (!box || box.role === 'core') return false;
	const parent = tree.byId.get(box.parentId!)!;
	const siblings = childrenOnSide(parent, box.role);
	const index = siblings.indexOf(box);
	doc.transact(() => {
		if (box.children.length > 0) {
			const keys = placeAt(siblings.filter((other) => other !== box), index, box.children.length, setBoxOrder(doc));
			box.children.forEach((child, i) => {
				const map = getBoxMap(doc, child.id);
				if (!map) return;
				map.set('parent', parent.id);
				if (map.get('side') !== box.role) map.set('side', box.role);
				map.set('order', keys[i]);
			});
		}
		boxesMap(doc).delete(id);
	}, origin);
	return true;
}

function childrenOnSide(parent: TreeBox, side: BoxSide): TreeBox[] {
	return parent.role === 'core' ? parent.children.filter((child) => child.role === side) : parent.children;
}

function ensureCore(doc: Y.Doc, origin: unknown): void {
	if (getBoxMap(doc, CORE_BOX_ID)) return;
	doc.transact(() => {
		boxesMap(doc).set(CORE_BOX_ID, createBoxMap({ text: '', parent: '', side: 'cause', order: 'a0' }, {}));
	}, origin);
}

function createBoxMap(
	box: { text: string; parent: string; side: BoxSide; order: string },
	meta: { by?: string; byId?: string; now?: number }
): Y.Map<unknown> {
	const map = new Y.Map<unknown>();
	const text = new Y.Text();
	if (box.text) text.insert(0, box.text.slice(0, BOX_TEXT_MAX));
	map.set('text', text);
	map.set('parent', box.parent);
	map.set('side', box.side);
	map.set('order', box.order);
	map.set('createdBy', meta.by ?? '');
	if (meta.byId) map.set('createdById', meta.byId);
	map.set('createdAt', meta.now ?? Date.now());
	map.set('evidence', '');
	map.set('evidenceSource', '');
	map.set('scale', '');
	return map;
}

/** How placeAt renumbers a box's siblings. */
function setBoxOrder(doc: Y.Doc) {
	return (id: string, key: string) => getBoxMap(doc, id)?.set('order', key);
}
