import type * as Y from 'yjs';
import { deriveTree, type DerivedTree, type TreeBox } from './derive';
import { suggestObjectiveWording } from './objective-wording';
import { addCause, addEffect, editBoxText, initTreeDoc, moveBox } from './operations';
import { BOX_TEXT_MAX, CORE_BOX_ID, boxesMap, getBoxMap, readBox, readBoxes, treeMetaMap, type BoxSide, type StoredBox } from './schema';

/**
 * The logical-framework step from a problem tree to an objective tree: the same shape (core →
 * main objective, causes → means, effects → ends), each problem statement turned into a desired
 * state (objective-wording.ts) and linked back to its box.
 *
 * Converting again is safe at any point of a workshop, because the group's work on the objective
 * tree comes first:
 * - a problem box without an objective gets one, placed after the objective of its preceding sibling;
 * - an objective follows its box only when the box moved in the problem tree since the last
 *   conversion (remembered in `sourceParentId`/`sourceSide`); where the group put it otherwise stays;
 * - a wording the group rephrased (text ≠ suggestedText) is never overwritten; an untouched one
 *   is refreshed when the problem statement changed;
 * - an objective whose box was deleted is flagged `sourceMissing`, never deleted (and unflagged
 *   if the box comes back); boxes the group added by hand have no `sourceBoxId` and are left alone.
 */
export interface ConversionReport {
	/** Objectives created for problem boxes that had none (the main objective counts on the first run). */
	added: number;
	/** Objectives re-parented because their problem box moved. */
	moved: number;
	/** Objectives that already existed for a box still in the problem tree. */
	kept: number;
	/** Untouched wordings refreshed because the problem statement changed. */
	updatedSuggestions: number;
	/** Objectives whose problem box is gone (flagged, kept). */
	flaggedMissing: number;
}

export interface ConversionOptions {
	/** Who converts (user id); recorded as the creator of new objective boxes. */
	by: string;
	now?: number;
}

/** The objective box id for a problem box: stable, so two conversions of one box write one objective. */
export function objectiveBoxId(sourceBoxId: string): string {
	return sourceBoxId === CORE_BOX_ID ? CORE_BOX_ID : `o-${sourceBoxId}`;
}

export function convertToObjectiveTree(
	problemDoc: Y.Doc,
	objectiveDoc: Y.Doc,
	options: ConversionOptions,
	origin: unknown = null
): ConversionReport {
	const now = options.now ?? Date.now();
	const problem = deriveTree(problemDoc);
	const report: ConversionReport = { added: 0, moved: 0, kept: 0, updatedSuggestions: 0, flaggedMissing: 0 };
	objectiveDoc.transact(() => {
		initTreeDoc(objectiveDoc, 'objective', { by: options.by, now });
		const meta = treeMetaMap(objectiveDoc);
		if (meta.get('treeKind') !== 'objective') meta.set('treeKind', 'objective');
		meta.set('convertedAt', now);
		const objectives = linkedObjectives(objectiveDoc);
		// Parents before children, so every box's parent already has its objective.
		for (const box of breadthFirst(problem)) {
			const existing = objectives.get(box.id);
			if (existing && (box.id !== CORE_BOX_ID || existing.sourceBoxId === CORE_BOX_ID)) {
				report.kept++;
				if (followMove(objectiveDoc, problem, box, existing, objectives, origin)) report.moved++;
				if (refreshWording(objectiveDoc, box, existing, origin)) report.updatedSuggestions++;
			} else if (addObjective(objectiveDoc, problem, box, objectives, options.by, now, origin)) {
				report.added++;
			}
		}
		for (const [sourceBoxId, objective] of objectives) {
			const missing = !problem.byId.has(sourceBoxId);
			if (missing) report.flaggedMissing++;
			if (objective.sourceMissing !== missing) getBoxMap(objectiveDoc, objective.id)?.set('sourceMissing', missing);
		}
	}, origin);
	return report;
}

interface LinkedObjective extends StoredBox {
	sourceParentId: string | null;
	sourceSide: BoxSide | null;
}

/**
 * Objectives by the problem box they come from. Should two name the same box (a copy made by
 * hand), the one with the smallest id is the link, the same on every run.
 */
function linkedObjectives(objectiveDoc: Y.Doc): Map<string, LinkedObjective> {
	const linked = new Map<string, LinkedObjective>();
	const stored = [...readBoxes(objectiveDoc).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
	for (const box of stored) {
		const sourceBoxId = box.id === CORE_BOX_ID ? CORE_BOX_ID : box.sourceBoxId;
		if (sourceBoxId === null || linked.has(sourceBoxId)) continue;
		const map = getBoxMap(objectiveDoc, box.id)!;
		const sourceParentId = map.get('sourceParentId');
		const sourceSide = map.get('sourceSide');
		linked.set(sourceBoxId, {
			...box,
			sourceParentId: typeof sourceParentId === 'string' ? sourceParentId : null,
			sourceSide: sourceSide === 'cause' || sourceSide === 'effect' ? sourceSide : null
		});
	}
	return linked;
}

function breadthFirst(tree: DerivedTree): TreeBox[] {
	const order = [tree.core];
	for (let i = 0; i < order.length; i++) order.push(...order[i].children);
	return order;
}

/** The fields that tie an objective to its problem box and remember the wording proposed. */
function writeSource(map: Y.Map<unknown>, box: TreeBox, suggestion: { text: string; wording: 'suggested' | 'flagged' }) {
	map.set('sourceBoxId', box.id);
	map.set('originalText', box.text);
	map.set('suggestedText', suggestion.text);
	map.set('wording', suggestion.wording);
	map.set('sourceParentId', box.parentId ?? '');
	map.set('sourceSide', box.role === 'core' ? '' : box.role);
	map.set('sourceMissing', false);
}

function addObjective(
	doc: Y.Doc,
	problem: DerivedTree,
	box: TreeBox,
	objectives: Map<string, LinkedObjective>,
	by: string,
	now: number,
	origin: unknown
): boolean {
	const suggestion = suggestObjectiveWording(box.text);
	let id: string | null = CORE_BOX_ID;
	if (box.role !== 'core') {
		const place = placeFor(doc, problem, box, objectives, null);
		const input = { text: suggestion.text, by, now, id: freeId(doc, objectiveBoxId(box.id)) };
		id = place.side === 'cause' ? addCause(doc, place.parentId, input, origin) : addEffect(doc, place.parentId, input, origin);
		if (id === null) return false;
		// New boxes are appended; only one that belongs between existing siblings needs a move.
		if (place.index < place.siblingCount) moveBox(doc, id, place.parentId, { index: place.index }, origin, place.side);
	} else {
		editBoxText(doc, CORE_BOX_ID, suggestion.text, origin);
	}
	const map = getBoxMap(doc, id)!;
	writeSource(map, box, suggestion);
	// The problem's evidence is the objective's baseline: copied once, then the group's to edit.
	for (const key of ['evidence', 'evidenceSource', 'scale'] as const) if (box[key]) map.set(key, box[key]);
	objectives.set(box.id, { ...readBox(id, boxesMap(doc).get(id))!, sourceParentId: box.parentId ?? '', sourceSide: null });
	return true;
}

/** The stable id, or a fresh one when a box the group made by hand already holds it. */
function freeId(doc: Y.Doc, preferred: string): string {
	return getBoxMap(doc, preferred) ? crypto.randomUUID() : preferred;
}

/**
 * Where an objective belongs: under the objective of its problem parent, on the same side, after
 * the objective of the nearest preceding problem sibling (or before the nearest following one).
 */
function placeFor(
	doc: Y.Doc,
	problem: DerivedTree,
	box: TreeBox,
	objectives: Map<string, LinkedObjective>,
	selfId: string | null
): { parentId: string; side: BoxSide; index: number; siblingCount: number } {
	const objectiveTree = deriveTree(doc);
	const parentId = objectives.get(box.parentId!)?.id ?? CORE_BOX_ID;
	const parent = objectiveTree.byId.get(parentId) ?? objectiveTree.core;
	const side: BoxSide = parent.role === 'core' ? (box.role as BoxSide) : parent.role;
	const siblings = parent.children.filter((child) => child.id !== selfId && (parent.role !== 'core' || child.role === side));
	const problemSiblings = problem.byId.get(box.parentId!)!.children.filter((child) => child.role === box.role);
	const at = problemSiblings.findIndex((child) => child.id === box.id);
	const indexOf = (source: TreeBox) => siblings.findIndex((child) => child.id === objectives.get(source.id)?.id);
	for (let i = at - 1; i >= 0; i--) {
		const index = indexOf(problemSiblings[i]);
		if (index >= 0) return { parentId: parent.id, side, index: index + 1, siblingCount: siblings.length };
	}
	for (let i = at + 1; i < problemSiblings.length; i++) {
		const index = indexOf(problemSiblings[i]);
		if (index >= 0) return { parentId: parent.id, side, index, siblingCount: siblings.length };
	}
	return { parentId: parent.id, side, index: siblings.length, siblingCount: siblings.length };
}

/** Re-parents the objective when its problem box moved since the last conversion. */
function followMove(
	doc: Y.Doc,
	problem: DerivedTree,
	box: TreeBox,
	objective: LinkedObjective,
	objectives: Map<string, LinkedObjective>,
	origin: unknown
): boolean {
	if (box.role === 'core') return false;
	const sourceParentId = box.parentId!;
	const sideChanged = sourceParentId === CORE_BOX_ID && objective.sourceSide !== null && objective.sourceSide !== box.role;
	if (objective.sourceParentId === sourceParentId && !sideChanged) return false;
	const map = getBoxMap(doc, objective.id)!;
	map.set('sourceParentId', sourceParentId);
	map.set('sourceSide', box.role);
	if (objective.sourceParentId === null) return false; // written before moves were tracked: nothing to compare
	const place = placeFor(doc, problem, box, objectives, objective.id);
	return moveBox(doc, objective.id, place.parentId, { index: place.index }, origin, place.side);
}

/**
 * A new problem statement refreshes the suggestion, and the text too unless the group rephrased
 * it; a rephrased text is theirs and stays. Returns whether the visible text changed.
 */
function refreshWording(doc: Y.Doc, box: TreeBox, objective: LinkedObjective, origin: unknown): boolean {
	if (objective.originalText === box.text) return false;
	const map = getBoxMap(doc, objective.id)!;
	const rephrased = objective.suggestedText !== null && objective.text !== objective.suggestedText.slice(0, BOX_TEXT_MAX);
	const suggestion = suggestObjectiveWording(box.text);
	map.set('originalText', box.text);
	map.set('suggestedText', suggestion.text);
	map.set('wording', suggestion.wording);
	if (rephrased) return false;
	editBoxText(doc, objective.id, suggestion.text, origin);
	return true;
}
