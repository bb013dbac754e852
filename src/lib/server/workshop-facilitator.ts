import { error, redirect } from '@sveltejs/kit';
import { resolveWorkshopRole } from './access';
import { loadWorkshopLobby } from './workshop-lobby';
import { m } from '../paraglide/messages';

/**
 * The workshop's records (summary, attendance list, anonymising) are for its facilitators only.
 * Guests and observers of this workshop get 403, anyone else the same 404 as for a workshop
 * that does not exist, so ids cannot be probed — as on the workshop page.
 */
export async function requireWorkshopFacilitator(locals: App.Locals, workshopId: string) {
	const { session, context } = locals;
	if (!session) redirect(303, '/');
	const role = await resolveWorkshopRole(context.db, session, workshopId, context.config);
	if (!role) {
		if (session.kind !== 'user' && session.workshopId === workshopId) error(403, m.workshop_closed());
		error(404, m.workshop_not_found());
	}
	if (role !== 'facilitator' || session.kind !== 'user') error(403, m.roster_facilitators_only());
	const lobby = await loadWorkshopLobby(context.db, workshopId);
	if (!lobby) error(404, m.workshop_not_found());
	return { user: session.user, workshop: lobby.workshop };
}
