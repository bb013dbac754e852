import type { GoalItemType } from './schema';
import type { GoalsOutline } from './derive';

/**
 * The other direction of a goal's justification: which goals and action directions cite a box
 * of an objective tree. The link is stored only on the goals board (sourceBoardId/sourceBoxId),
 * so the objective tree learns of it from the server, which reads the goals boards of the process.
 */
export interface GoalLinkSummary {
	/** The objective-tree box the item cites. */
	boxId: string;
	goalsBoardId: string;
	goalsBoardTitle: string;
	itemId: string;
	itemType: GoalItemType;
	/** As the goals board shows it: "5", "5.1", or an action's "3". */
	number: string;
	text: string;
}

/** Every real item of `outline` linked to `objectiveBoardId`, in outline order. */
export function collectGoalLinks(
	outline: GoalsOutline,
	goalsBoard: { id: string; title: string },
	objectiveBoardId: string
): GoalLinkSummary[] {
	const links: GoalLinkSummary[] = [];
	const visit = (
		item: { id: string; number: string | number; text: string; sourceBoardId: string | null; sourceBoxId: string | null },
		itemType: GoalItemType
	) => {
		if (item.sourceBoardId !== objectiveBoardId || item.sourceBoxId === null) return;
		links.push({
			boxId: item.sourceBoxId,
			goalsBoardId: goalsBoard.id,
			goalsBoardTitle: goalsBoard.title,
			itemId: item.id,
			itemType,
			number: String(item.number),
			text: item.text
		});
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
	return links;
}
