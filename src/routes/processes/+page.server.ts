import { fail, redirect } from '@sveltejs/kit';
import { requireFacilitator } from '$lib/server/process-guards';
import { fieldErrors, formValues, processSchema } from '$lib/server/process-forms';
import { createProcess, listProcessesForUser } from '$lib/server/processes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireFacilitator(locals, url);
	return { processes: await listProcessesForUser(locals.context.db, user.id) };
};

export const actions: Actions = {
	create: async ({ locals, url, request }) => {
		const user = requireFacilitator(locals, url);
		const data = await request.formData();
		const values = formValues(data, ['title', 'territory', 'periodFrom', 'periodTo', 'language']);
		const parsed = processSchema.safeParse(values);
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error), values });
		const id = await createProcess(locals.context.db, user.id, parsed.data);
		redirect(303, `/processes/${id}`);
	}
};
