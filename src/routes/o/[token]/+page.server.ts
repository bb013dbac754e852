import { error, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { invalidateSession } from '$lib/server/auth/sessions';
import { getProcessForMember } from '$lib/server/processes';
import { createObserverSession, findWorkshopByObserverToken, workshopExistsForToken } from '$lib/server/workshops';
import type { PageServerLoad } from './$types';

/**
 * The observer link signs the device in read-only and opens the workshop: meant for a
 * projector or a councillor following along, so there is no form to fill in.
 */
export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	const { db, config, revocations } = locals.context;
	const workshop = await findWorkshopByObserverToken(db, params.token, config);
	if (!workshop) {
		const known = await workshopExistsForToken(db, 'observer_token', params.token);
		error(known ? 403 : 404, known ? 'outside_window' : 'link_invalid');
	}
	const session = locals.session;
	const alreadyIn =
		(session?.kind === 'observer' && session.workshopId === workshop.id) ||
		(session?.kind === 'user' && (await getProcessForMember(db, workshop.process_id, session.user.id)) !== null);
	if (!alreadyIn) {
		if (session) {
			await invalidateSession(db, session.id);
			revocations.revoke([session.id]);
		}
		const observer = await createObserverSession(db, workshop, config.guestGraceMs);
		setSessionCookie(event, observer.token, observer.expiresAt);
	}
	redirect(303, `/w/${workshop.id}`);
};
