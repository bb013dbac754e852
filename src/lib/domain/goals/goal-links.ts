import type { GoalItemType } from './schema';
import type { GoalsOutline } from './derive';
import type { ItemLink, ItemLinkKind } from './item-links';

/**
 * The other direction of a goal's justification: which goals and action directions cite a box
 * of an objective tree, a cell or row of a need/gap matrix, or a cost-of-inaction card. The
 * link is stored only on the goals board (sourceBoardId/sourceBoxId for the tree box, `links`
 * for the rest), so the cited board learns of it from the server, which reads the goals boards
 * of the process.
 */
export type GoalLinkKind = 'objective-box' | ItemLinkKind;

export interface GoalLinkSummary {
	kind: GoalLinkKind;
	/** What the item cites on that board: a box id, a cell key "rowId|columnId", a row id, a card id. */
	targetId: string;
	goalsBoardId: string;
	goalsBoardTitle: string;
	itemId: string;
	itemType: GoalItemType;
	/** As the goals board shows it: "5", "5.1", or an action's "3". */
	number: string;
	text: string;
}

interface LinkedItem {
	id: string;
	number: string | number;
	text: string;
	sourceBoardId: string | null;
	sourceBoxId: string | null;
	links: ItemLink[];
}

/** Every link from a real item of `outline` to `targetBoardId`, in outline order. */
export function collectGoalLinks(outline: GoalsOutline, goalsBoard: { id: string; title: string }, targetBoardId: string): GoalLinkSummary[] {
	const found: GoalLinkSummary[] = [];
	const visit = (item: LinkedItem, itemType: GoalItemType) => {
		const summary = { goalsBoardId: goalsBoard.id, goalsBoardTitle: goalsBoard.title, itemId: item.id, itemType, number: String(item.number), text: item.text };
		if (item.sourceBoardId === targetBoardId && item.sourceBoxId !== null) found.push({ kind: 'objective-box', targetId: item.sourceBoxId, ...summary });
		for (const link of item.links) {
			if (link.boardId === targetBoardId) found.push({ kind: link.kind, targetId: link.targetId, ...summary });
		}
	};
	for (const goal of outline.strategic) {
		// The placeholder stands in for a deleted goal: nothing to open on the goals board.
		if (!goal.placeholder) visit(goal, 'strategic');
		for (const specific of goal.specific) {
			visit(specific, 'specific');
			for (const action of specific.actions) visit(action, 'action');
		}
		for (const action of goal.actions) visit(action, 'action');
	}
	return found;
}
