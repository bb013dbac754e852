import type { DerivedTree, TreeBox } from '../problem-tree';

/**
 * What a goals board may cite as its justification, as plain data the server sends with the
 * page: the objective trees of the same process, box by box in outline order. Seeding from an
 * objective tree and linking a goal to a box both read this; neither needs the tree's Y.Doc.
 */
export type SourceBoxRole = 'core' | 'end' | 'mean';

export interface ObjectiveSourceBox {
	id: string;
	text: string;
	role: SourceBoxRole;
	/** The core is 0, its children 1, … */
	depth: number;
	parentId: string | null;
}

export interface ObjectiveTreeSummary {
	boardId: string;
	title: string;
	/** Core first, then the ends (effects) and the means (causes), each depth-first in order. */
	boxes: ObjectiveSourceBox[];
}

export function summariseObjectiveTree(boardId: string, title: string, tree: DerivedTree): ObjectiveTreeSummary {
	const boxes: ObjectiveSourceBox[] = [toSource(tree.core, 'core')];
	const walk = (box: TreeBox, role: SourceBoxRole) => {
		boxes.push(toSource(box, role));
		for (const child of box.children) walk(child, role);
	};
	for (const end of tree.effects) walk(end, 'end');
	for (const mean of tree.causes) walk(mean, 'mean');
	return { boardId, title, boxes };
}

function toSource(box: TreeBox, role: SourceBoxRole): ObjectiveSourceBox {
	return { id: box.id, text: box.text, role, depth: box.depth, parentId: box.parentId };
}
