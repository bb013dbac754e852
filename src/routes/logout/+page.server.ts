import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { invalidateSession } from '$lib/server/auth/sessions';
import type { Actions, PageServerLoad } from './$types';

// Signing out is a POST (a link or an image tag on another page must not sign anyone out).
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		const { session, context } = event.locals;
		if (session) {
			await invalidateSession(context.db, session.id);
			context.revocations.revoke([session.id]);
		}
		deleteSessionCookie(event);
		redirect(303, '/');
	}
};
