import { error, redirect } from '@sveltejs/kit';
import { resolveWorkshopRole } from '$lib/server/access';
import { loadWorkshopLobby } from '$lib/server/workshop-lobby';
import { readWorkshopLog } from '$lib/server/facilitation/workshop-log-view';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/** The workshop's log (who did what, when): facilitators only. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { session, context } = locals;
	if (!session) redirect(303, '/');
	const role = await resolveWorkshopRole(context.db, session, params.workshopId, context.config);
	if (role !== 'facilitator') error(404, m.workshop_not_found());
	const lobby = await loadWorkshopLobby(context.db, params.workshopId);
	if (!lobby) error(404, m.workshop_not_found());
	return { workshop: lobby.workshop, lines: await readWorkshopLog(context.db, params.workshopId) };
};
