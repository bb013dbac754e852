import { error, redirect } from '@sveltejs/kit';
import { resolveWorkshopRole } from '$lib/server/access';
import { loadWorkshopLobby } from '$lib/server/workshop-lobby';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/** The room's big screen: facilitators and observers (the observer link is made for it). */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { session, context } = locals;
	if (!session) redirect(303, '/');
	const role = await resolveWorkshopRole(context.db, session, params.workshopId, context.config);
	if (!role || role === 'participant') error(404, m.workshop_not_found());
	const lobby = await loadWorkshopLobby(context.db, params.workshopId);
	if (!lobby) error(404, m.workshop_not_found());
	return { workshop: { id: lobby.workshop.id, title: lobby.workshop.title } };
};
