import { error, fail, redirect } from '@sveltejs/kit';
import { HIDDEN_BOARD_KINDS } from '$lib/domain/boards/registry';
import { resolveBoardAccess } from '$lib/server/access';
import { listCardsSources, listGoalLinksTo, listMatrixSources, listObjectiveTreeSources, listProblemTreeSources } from '$lib/server/goal-sources';
import { listInstitutions } from '$lib/server/institutions';
import { workshopOfBoardPage } from '$lib/server/board-workshop';
import { isBoardLocked } from '$lib/server/db/board-locks';
import { convertProblemTree, type ConvertRefusal } from '$lib/server/problem-trees';
import { presenceOf } from '$lib/server/collab/identity';
import { countOpenChangesOnBoard } from '$lib/server/consultation/changes';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** Boards whose boxes, cells or cards goals may cite, and which therefore show who cites them. */
const CITED_KINDS = new Set(['objective-tree', 'need-gap-matrix', 'inaction-cards']);

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { session, context } = locals;
	if (!session) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);

	// Access first, so a stranger learns nothing about which board ids exist.
	const access = await resolveBoardAccess(context.db, session, params.boardId, context.config);
	if (!access) error(403, m.board_forbidden());

	const board = await context.db
		.selectFrom('boards')
		.select(['id', 'title', 'kind', 'area', 'process_id'])
		.where('id', '=', params.boardId)
		.executeTakeFirst();
	// The draft's texts are edited on the draft page only; as a board they have no view.
	if (!board || (HIDDEN_BOARD_KINDS as readonly string[]).includes(board.kind)) error(404, m.board_not_found());

	const meBase =
		session.kind === 'user'
			? { name: session.user.name, role: 'facilitator' as const }
			: session.kind === 'guest'
				? { name: session.participant.displayName, role: 'participant' as const }
				: { name: m.board_observer_name(), role: 'observer' as const };
	// The presence id: what votes and authorship compare with ("no dots on your own items").
	const me = { ...meBase, id: presenceOf(session).id };

	const { process_id: processId, ...boardFields } = board;
	// What each side shows of the goal ↔ objective-tree links; other kinds get empty lists.
	const goals = board.kind === 'goals';
	const cited = CITED_KINDS.has(board.kind);
	const [locked, workshopId, institutions, objectiveTrees, matrices, cardBoards, goalLinks, problemTrees, openChanges] = await Promise.all([
		isBoardLocked(context.db, board.id),
		workshopOfBoardPage(context.db, session, board.id, url.searchParams.get('w'), context.config),
		goals ? listInstitutions(context.db, processId) : [],
		goals ? listObjectiveTreeSources(context, processId) : [],
		goals ? listMatrixSources(context, processId) : [],
		goals ? listCardsSources(context, processId) : [],
		cited ? listGoalLinksTo(context, processId, board.id) : [],
		board.kind === 'inaction-cards' ? listProblemTreeSources(context, processId) : [],
		// Consultation remarks are the process members' business, never a guest's.
		session.kind === 'user' ? countOpenChangesOnBoard(context.db, processId, board.id) : 0
	]);
	return {
		board: boardFields,
		/** Locked by a facilitator: read-only for participants (the workshop channel keeps it live). */
		locked,
		access,
		me,
		/** The workshop whose live bar (step, timer, lock, vote) this page shows; null outside one. */
		workshopId,
		/** Facilitators go back to the process; guests never see it. */
		processId: session.kind === 'user' ? processId : null,
		institutions,
		objectiveTrees,
		/** Need/gap matrices and cost-of-inaction boards a goal may cite. */
		matrices,
		cardBoards,
		/** On a board goals cite: which goals and actions cite what on it. */
		goalLinks,
		/** Problem trees a cost-of-inaction card may cite (same shape: 'end' = effect, 'mean' = cause). */
		problemTrees,
		/** Accepted consultation remarks on this board still waiting for their change (members only). */
		openChanges
	};
};

const REFUSALS: Record<ConvertRefusal, { status: number; message: () => string }> = {
	'not-found': { status: 404, message: m.otree_error_not_found },
	'not-a-problem-tree': { status: 400, message: m.otree_error_not_problem_tree },
	'unsupported-version': { status: 409, message: m.otree_error_unsupported },
	'unavailable': { status: 503, message: m.otree_error_unavailable }
};

export const actions: Actions = {
	/**
	 * "Convert to objective tree" (no fields): facilitators of the process only — participants
	 * edit the trees, but creating boards is the facilitator's call. On success the browser goes
	 * to the objective tree with `?converted=<added>,<moved>,<missing>` for the summary.
	 */
	convert: async ({ params, locals, url }) => {
		const { session, context } = locals;
		if (!session) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
		if (session.kind !== 'user') return fail(403, { convertError: m.otree_error_forbidden(), convertRefusal: 'forbidden' });
		const outcome = await convertProblemTree(context, params.boardId, session.user.id);
		if (!outcome.ok) {
			const refusal = REFUSALS[outcome.reason];
			return fail(refusal.status, { convertError: refusal.message(), convertRefusal: outcome.reason });
		}
		const { added, moved, flaggedMissing } = outcome.report;
		redirect(303, `/boards/${outcome.objectiveBoardId}?converted=${added},${moved},${flaggedMissing}`);
	}
};
