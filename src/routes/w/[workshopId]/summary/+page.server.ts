import { fail } from '@sveltejs/kit';
import { anonymiseParticipants, loadParticipationSummary } from '$lib/server/participation';
import { requireWorkshopFacilitator } from '$lib/server/workshop-facilitator';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { workshop } = await requireWorkshopFacilitator(locals, params.workshopId);
	return { workshop, summary: await loadParticipationSummary(locals.context.db, workshop.id) };
};

export const actions: Actions = {
	/** Irreversible, so the form asks for an explicit confirmation the server checks too. */
	anonymise: async ({ locals, params, request }) => {
		const { user, workshop } = await requireWorkshopFacilitator(locals, params.workshopId);
		if ((await request.formData()).get('confirm') !== 'yes') return fail(400, { anonymise: 'confirm_required' as const });
		// Stored data, not interface text: always in the workshop's language, Polish.
		const label = (n: number) => m.roster_anonymous_name({ n }, { locale: 'pl' });
		const { renamed } = await anonymiseParticipants(locals.context.db, workshop.id, user.id, label);
		return { anonymise: 'done' as const, renamed };
	}
};
