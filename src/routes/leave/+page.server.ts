import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { invalidateSession } from '$lib/server/auth/sessions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	workshopId: locals.session && locals.session.kind !== 'user' ? locals.session.workshopId : null
});

export const actions: Actions = {
	/** Signs this device out on the server and closes its live connections; the page then wipes local data. */
	default: async (event) => {
		const { locals } = event;
		if (locals.session) {
			await invalidateSession(locals.context.db, locals.session.id);
			locals.context.revocations.revoke([locals.session.id]);
			locals.session = null;
		}
		deleteSessionCookie(event);
		return { left: true };
	}
};
