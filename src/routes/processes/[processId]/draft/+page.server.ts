import { checkCompleteness } from '$lib/domain/draft/completeness';
import { DRAFT_FILE_FORMATS } from '$lib/export/draft-file';
import { consolidateProcessDraft, listDraftBoards, listDraftVersions, saveDraftBoardChoices, saveDraftVersion } from '$lib/server/drafts';
import { requireDraftAccess } from '$lib/server/draft-guard';
import { ensureDraftTextsBoard } from '$lib/server/draft-texts';
import { presenceOf } from '$lib/server/collab/identity';
import { listChangeTodo } from '$lib/server/consultation/changes';
import { markChangeAction, undoChangeAction } from '$lib/server/consultation/change-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { user, process } = await requireDraftAccess(locals, url, params.processId);
	const context = locals.context;
	// Created before consolidating, so the first visit's preview already reads the (empty) texts.
	const textsBoardId = await ensureDraftTextsBoard(context.db, process.id, user.id);
	const [draft, boards, versions, changes] = await Promise.all([
		consolidateProcessDraft(context, process),
		listDraftBoards(context.db, process.id),
		listDraftVersions(context.db, process.id),
		listChangeTodo(context.db, process.id, process.language)
	]);
	return {
		process,
		draft,
		findings: checkCompleteness(draft),
		boards,
		versions,
		/** Consultation remarks asking for a change, by board (issue 9). */
		changes,
		exportFormats: Object.keys(DRAFT_FILE_FORMATS),
		/** The hidden board holding the editable sections, and who we are on it (presence). */
		textsBoardId,
		me: { id: presenceOf(locals.session!).id, name: user.name, role: 'facilitator' as const }
	};
};

export const actions: Actions = {
	/** The form lists every board with its position (a number) and an "included" checkbox. */
	saveBoards: async ({ locals, url, params, request }) => {
		const { process } = await requireDraftAccess(locals, url, params.processId);
		const data = await request.formData();
		const ids = data.getAll('boardId').map(String);
		const positions = new Map(ids.map((id, index) => [id, Number(data.get(`position-${id}`)) || index + 1]));
		const order = [...ids].sort((a, b) => positions.get(a)! - positions.get(b)! || ids.indexOf(a) - ids.indexOf(b));
		const included = new Set(data.getAll('included').map(String));
		await saveDraftBoardChoices(locals.context.db, process.id, order, included);
		return { form: 'boards', saved: true };
	},

	saveVersion: async ({ locals, url, params }) => {
		const { user, process } = await requireDraftAccess(locals, url, params.processId);
		const number = await saveDraftVersion(locals.context, process, user.id);
		return { form: 'version', saved: number };
	},

	markChange: async ({ locals, url, params, request }) => {
		const { process } = await requireDraftAccess(locals, url, params.processId);
		return markChangeAction(locals.context.db, process.id, await request.formData());
	},

	undoChange: async ({ locals, url, params, request }) => {
		const { process } = await requireDraftAccess(locals, url, params.processId);
		return undoChangeAction(locals.context.db, process.id, await request.formData());
	}
};
