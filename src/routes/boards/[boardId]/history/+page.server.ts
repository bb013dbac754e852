import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { resolveBoardAccess } from '$lib/server/access';
import { createRestorePoint, listRestorePoints, previewRestorePoint, restoreBoard, type BoardStatePreview } from '$lib/server/restore-points';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/**
 * Facilitators of the board's process only. Participants edit the board but must not rewind
 * everyone's work, and a restore point may hold notes since deleted for a reason.
 */
async function requireFacilitator(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const { session, context } = event.locals;
	const boardId = event.params.boardId!;
	if (!session) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
	if (session.kind !== 'user') error(403, m.history_forbidden());
	const access = await resolveBoardAccess(context.db, session, boardId, context.config);
	if (access !== 'edit') error(403, m.board_forbidden());
	return { user: session.user, context, boardId };
}

export const load: PageServerLoad = async (event) => {
	const { context, boardId } = await requireFacilitator(event);
	const board = await context.db.selectFrom('boards').select(['id', 'title', 'kind']).where('id', '=', boardId).executeTakeFirst();
	if (!board) error(404, m.board_not_found());
	const selectedId = event.url.searchParams.get('point');
	const preview = selectedId ? await previewRestorePoint(context, boardId, board.kind, selectedId) : null;
	return {
		board,
		points: listRestorePoints(context, boardId).map(({ id, reason, createdAt }) => ({ id, reason, createdAt })),
		preview: preview && {
			point: { id: preview.point.id, reason: preview.point.reason, createdAt: preview.point.createdAt },
			board: boardPreview(preview.board)
		},
		missingPoint: selectedId !== null && preview === null
	};
};

/** Only what the preview shows goes to the page. */
function boardPreview(board: BoardStatePreview) {
	if (board.kind === 'tree') return board;
	return {
		kind: board.kind,
		notes: board.notes.map(({ id, text, color, x, y }) => ({ id, text, color, x, y })),
		currentNoteCount: board.currentNoteCount
	};
}

const restoreForm = z.object({
	pointId: z.string().min(1).max(100),
	confirm: z.literal('on', { error: 'confirm-required' })
});

export const actions: Actions = {
	restore: async (event) => {
		const { user, context, boardId } = await requireFacilitator(event);
		const form = Object.fromEntries(await event.request.formData());
		const parsed = restoreForm.safeParse(form);
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.path[0] === 'confirm' ? 'confirm-required' : 'not-found';
			return fail(400, { errors, pointId: typeof form.pointId === 'string' ? form.pointId : null });
		}
		const outcome = await restoreBoard(context, boardId, parsed.data.pointId, user.id);
		if (outcome === 'not-found') return fail(404, { errors: { form: 'not-found' }, pointId: parsed.data.pointId });
		if (outcome === 'unavailable') return fail(503, { errors: { form: 'unavailable' }, pointId: parsed.data.pointId });
		return { outcome, pointId: parsed.data.pointId };
	},
	create: async (event) => {
		const { user, context, boardId } = await requireFacilitator(event);
		await createRestorePoint(context, boardId, 'manual', user.id);
		return { created: true };
	}
};
