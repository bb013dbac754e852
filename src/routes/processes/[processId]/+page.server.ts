import { fail, redirect } from '@sveltejs/kit';
import { CREATABLE_BOARD_KINDS } from '$lib/domain/boards/registry';
import { createBoard, listBoards } from '$lib/server/boards';
import { listRounds } from '$lib/server/consultation/rounds';
import { requireProcessMember } from '$lib/server/process-guards';
import { boardSchema, documentLanguage, facilitatorSchema, fieldErrors, formValues, workshopSchema } from '$lib/server/process-forms';
import { addFacilitatorByEmail, listMembers, setProcessLanguage } from '$lib/server/processes';
import { createWorkshop, listWorkshops } from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';


export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { process } = await requireProcessMember(locals, url, params.processId);
	const db = locals.context.db;
	const [boards, workshops, members, rounds] = await Promise.all([
		listBoards(db, process.id),
		listWorkshops(db, process.id),
		listMembers(db, process.id),
		listRounds(db, process.id)
	]);
	return { process, boards, workshops, members, rounds, now: Date.now(), isOwner: process.role === 'owner', creatableKinds: CREATABLE_BOARD_KINDS };
};

export const actions: Actions = {
	createBoard: async ({ locals, url, params, request }) => {
		const { user, process } = await requireProcessMember(locals, url, params.processId);
		const data = await request.formData();
		const values = formValues(data, ['kind', 'title', 'area']);
		const parsed = boardSchema.safeParse(values);
		if (!parsed.success) return fail(400, { form: 'board', errors: fieldErrors(parsed.error), values });
		if (!(CREATABLE_BOARD_KINDS as readonly string[]).includes(parsed.data.kind)) return fail(400, { form: 'board', errors: { kind: 'kind' }, values });
		await createBoard(locals.context.db, process.id, user.id, parsed.data);
		return { form: 'board', created: true };
	},

	createWorkshop: async ({ locals, url, params, request }) => {
		const { user, process } = await requireProcessMember(locals, url, params.processId);
		const data = await request.formData();
		const boardIds = data.getAll('boardIds').map(String);
		const values = { ...formValues(data, ['title', 'startsAt', 'endsAt']), boardIds };
		const parsed = workshopSchema.safeParse(values);
		if (!parsed.success) return fail(400, { form: 'workshop', errors: fieldErrors(parsed.error), values });
		const result = await createWorkshop(locals.context.db, process.id, user.id, parsed.data);
		if (!result.ok) return fail(400, { form: 'workshop', errors: { boardIds: result.code }, values });
		redirect(303, `/processes/${process.id}/workshops/${result.id}`);
	},

	setLanguage: async ({ locals, url, params, request }) => {
		const { process } = await requireProcessMember(locals, url, params.processId);
		const parsed = documentLanguage.safeParse((await request.formData()).get('language') ?? '');
		if (!parsed.success) return fail(400, { form: 'language', errors: { language: 'language' } });
		await setProcessLanguage(locals.context.db, process.id, parsed.data);
		return { form: 'language', saved: true };
	},

	addFacilitator: async ({ locals, url, params, request }) => {
		const { user, process } = await requireProcessMember(locals, url, params.processId);
		const data = await request.formData();
		const values = formValues(data, ['email']);
		const parsed = facilitatorSchema.safeParse(values);
		if (!parsed.success) return fail(400, { form: 'member', errors: fieldErrors(parsed.error), values });
		const result = await addFacilitatorByEmail(locals.context.db, process.id, user.id, parsed.data.email);
		if (!result.ok) return fail(result.code === 'not_owner' ? 403 : 400, { form: 'member', errors: { email: result.code }, values });
		return { form: 'member', added: parsed.data.email };
	}
};
