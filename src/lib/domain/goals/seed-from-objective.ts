import type * as Y from 'yjs';
import { deriveGoals, type GoalsOutline } from './derive';
import { addAction, addSpecificGoal, addStrategicGoal, initGoalsDoc } from './operations';
import type { ObjectiveSourceBox, ObjectiveTreeSummary } from './sources';

/**
 * Seeding a goals board from an objective tree. The tree's logic maps onto the chapter's: the
 * core objective and the ends (what improves when it is reached) are candidates for strategic
 * goals, higher ends offered unticked; the first-level means become specific goals and the
 * deeper means action directions under the specific goal they serve. The facilitator sees this proposal, ticks what to keep
 * and confirms; nothing is written before that (applySeed is called only on confirmation).
 * Every created item keeps its link to the box it came from, and a box already linked from the
 * board is not proposed again, so seeding twice does not duplicate.
 */
export type SeedRole = 'strategic' | 'specific' | 'action';

export interface SeedCandidate {
	boxId: string;
	text: string;
	role: SeedRole;
	/** For an action: the first-level mean (a specific-goal candidate) it hangs under. */
	underBoxId: string | null;
	/** Already on the board, linked to this box: shown, not offered. */
	alreadyLinked: boolean;
	/** Ticked when the dialog opens. */
	proposed: boolean;
}

export type SeedRefusal = 'nothing-selected' | 'no-strategic-goal';

export interface SeedResult {
	ok: boolean;
	refusal?: SeedRefusal;
	created: { strategic: number; specific: number; actions: number };
}

export function proposeSeed(source: ObjectiveTreeSummary, outline: GoalsOutline): SeedCandidate[] {
	const linked = linkedBoxes(outline, source.boardId);
	const byId = new Map(source.boxes.map((box) => [box.id, box]));
	const candidates: SeedCandidate[] = [];
	for (const box of source.boxes) {
		if (box.text.trim() === '') continue;
		const role = seedRole(box);
		const alreadyLinked = linked.has(box.id);
		candidates.push({
			boxId: box.id,
			text: box.text.trim(),
			role,
			underBoxId: role === 'action' ? firstLevelAncestor(box, byId) : null,
			alreadyLinked,
			// Ends further up the tree are wider impacts: offered, but not ticked.
			proposed: !alreadyLinked && !(box.role === 'end' && box.depth > 1)
		});
	}
	return candidates;
}

/**
 * Writes the chosen candidates after what the board holds, in one transaction (one undo step).
 * Specific goals (and actions whose specific goal was not chosen) go under the first strategic
 * goal created now, else the board's first; with neither, nothing is written.
 */
export function applySeed(doc: Y.Doc, source: ObjectiveTreeSummary, chosenBoxIds: Iterable<string>, origin: unknown = null): SeedResult {
	const created = { strategic: 0, specific: 0, actions: 0 };
	const outline = deriveGoals(doc);
	const chosen = new Set(chosenBoxIds);
	const candidates = proposeSeed(source, outline).filter((candidate) => chosen.has(candidate.boxId) && !candidate.alreadyLinked);
	if (candidates.length === 0) return { ok: false, refusal: 'nothing-selected', created };
	const hasStrategic = candidates.some((candidate) => candidate.role === 'strategic');
	const firstExisting = outline.strategic.find((goal) => !goal.placeholder)?.id ?? null;
	if (!hasStrategic && firstExisting === null) return { ok: false, refusal: 'no-strategic-goal', created };

	const link = (box: SeedCandidate) => ({ text: box.text, sourceBoxId: box.boxId, sourceBoardId: source.boardId });
	doc.transact(() => {
		initGoalsDoc(doc, { origin });
		let target = firstExisting;
		for (const candidate of candidates.filter((c) => c.role === 'strategic')) {
			const id = addStrategicGoal(doc, link(candidate), origin);
			if (!id) continue;
			created.strategic++;
			if (created.strategic === 1) target = id;
		}
		if (target === null) return;
		// A specific goal already on the board from an earlier seeding still takes its new actions.
		const specificByBox = existingSpecificByBox(deriveGoals(doc), source.boardId);
		for (const candidate of candidates.filter((c) => c.role === 'specific')) {
			const id = addSpecificGoal(doc, target, link(candidate), origin);
			if (!id) continue;
			created.specific++;
			specificByBox.set(candidate.boxId, id);
		}
		for (const candidate of candidates.filter((c) => c.role === 'action')) {
			const parent = (candidate.underBoxId && specificByBox.get(candidate.underBoxId)) || target;
			if (addAction(doc, parent, link(candidate), origin)) created.actions++;
		}
	}, origin);
	return { ok: true, created };
}

function seedRole(box: ObjectiveSourceBox): SeedRole {
	if (box.role === 'core') return 'strategic';
	if (box.role === 'end') return 'strategic';
	return box.depth === 1 ? 'specific' : 'action';
}

function firstLevelAncestor(box: ObjectiveSourceBox, byId: Map<string, ObjectiveSourceBox>): string | null {
	let current: ObjectiveSourceBox | undefined = box;
	// Depth bounds the walk, so a malformed summary cannot loop.
	for (let steps = 0; current && current.depth > 1 && steps < 1000; steps++) current = current.parentId ? byId.get(current.parentId) : undefined;
	return current?.depth === 1 ? current.id : null;
}

function linkedBoxes(outline: GoalsOutline, boardId: string): Set<string> {
	const linked = new Set<string>();
	const visit = (item: { sourceBoardId: string | null; sourceBoxId: string | null }) => {
		if (item.sourceBoardId === boardId && item.sourceBoxId) linked.add(item.sourceBoxId);
	};
	for (const goal of outline.strategic) {
		visit(goal);
		goal.specific.forEach(visit);
	}
	outline.actions.forEach(visit);
	return linked;
}

function existingSpecificByBox(outline: GoalsOutline, boardId: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const goal of outline.strategic) {
		for (const specific of goal.specific) {
			if (specific.sourceBoardId === boardId && specific.sourceBoxId) out.set(specific.sourceBoxId, specific.id);
		}
	}
	return out;
}
