import type * as Y from 'yjs';
import type { BoardKind } from '../domain/boards/registry';
import { openState } from '../domain/doc-restore';
import { deriveGoals, summariseCards, summariseMatrix, summariseObjectiveTree, type CardsSourceSummary, type MatrixSourceSummary, type ObjectiveTreeSummary } from '../domain/goals';
import { deriveCards } from '../domain/inaction-cards';
import { deriveMatrix } from '../domain/need-gap-matrix';
import { collectGoalLinks, type GoalLinkSummary } from '../domain/goals';
import { deriveTree } from '../domain/problem-tree';
import { getBoardHub } from './collab/hub-registry';
import type { AppContext } from './context';

/**
 * The links between goals boards and objective trees of one strategy process, read from the
 * boards' live state (through the hub, so an edit made a moment ago is already there). A goals
 * board cites objective-tree boxes; these functions give each side what it shows of the other.
 * A board that cannot be read is left out rather than failing the page that asked.
 */

/** Every objective tree of the process, oldest board first, box by box. */
export function listObjectiveTreeSources(context: AppContext, processId: string): Promise<ObjectiveTreeSummary[]> {
	return listTreeSources(context, processId, 'objective-tree');
}

/**
 * Every problem tree of the process, for cost-of-inaction cards to cite. Same shape as the
 * objective trees': 'end' is an effect and 'mean' a cause there.
 */
export function listProblemTreeSources(context: AppContext, processId: string): Promise<ObjectiveTreeSummary[]> {
	return listTreeSources(context, processId, 'problem-tree');
}

/** Every need/gap matrix of the process: services and gaps a goal or an action may cite. */
export async function listMatrixSources(context: AppContext, processId: string): Promise<MatrixSourceSummary[]> {
	const boards = await boardsOfKind(context, processId, 'need-gap-matrix');
	const summaries = await readBoards(context, boards, (board, doc) => summariseMatrix(board.id, board.title, deriveMatrix(doc)));
	return summaries.filter((summary) => summary !== null);
}

/** Every cost-of-inaction board of the process: cards a goal or an action may cite. */
export async function listCardsSources(context: AppContext, processId: string): Promise<CardsSourceSummary[]> {
	const boards = await boardsOfKind(context, processId, 'inaction-cards');
	const summaries = await readBoards(context, boards, (board, doc) => summariseCards(board.id, board.title, deriveCards(doc)));
	return summaries.filter((summary) => summary !== null);
}

async function listTreeSources(context: AppContext, processId: string, kind: 'objective-tree' | 'problem-tree'): Promise<ObjectiveTreeSummary[]> {
	const boards = await boardsOfKind(context, processId, kind);
	const summaries = await readBoards(context, boards, (board, doc) => summariseObjectiveTree(board.id, board.title, deriveTree(doc)));
	return summaries.filter((summary) => summary !== null);
}

/** The goals and action directions of the process's goals boards that cite something on `targetBoardId`. */
export async function listGoalLinksTo(context: AppContext, processId: string, targetBoardId: string): Promise<GoalLinkSummary[]> {
	const boards = await boardsOfKind(context, processId, 'goals');
	const links = await readBoards(context, boards, (board, doc) => collectGoalLinks(deriveGoals(doc), board, targetBoardId));
	return links.flatMap((boardLinks) => boardLinks ?? []);
}

interface BoardRow {
	id: string;
	title: string;
}

function boardsOfKind(context: AppContext, processId: string, kind: BoardKind): Promise<BoardRow[]> {
	return context.db
		.selectFrom('boards')
		.select(['id', 'title'])
		.where('process_id', '=', processId)
		.where('kind', '=', kind)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
}

/** `read` applied to each board's current state, in the boards' order; null where it failed. */
async function readBoards<T>(context: AppContext, boards: BoardRow[], read: (board: BoardRow, doc: Y.Doc) => T): Promise<Array<T | null>> {
	const hub = getBoardHub(context);
	if (!hub) return [];
	return Promise.all(
		boards.map(async (board) => {
			let doc: Y.Doc | null = null;
			try {
				doc = openState(await hub.getBoardStateUpdate(board.id));
				return read(board, doc);
			} catch (error) {
				context.log.warn({ boardId: board.id, err: error }, 'board skipped: its state could not be read');
				return null;
			} finally {
				doc?.destroy();
			}
		})
	);
}
