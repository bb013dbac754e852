import { fail, redirect } from '@sveltejs/kit';
import { inviteSignUpForm, keptValues, parseForm } from '$lib/server/auth/forms';
import { startUserSession } from '$lib/server/auth/sign-in';
import { inspectInvite } from '$lib/server/invites';
import { createUserFromInvite } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

/** An unusable invitation renders its reason (and creates nothing); a usable one the sign-up form. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const found = await inspectInvite(locals.context.db, params.token);
	if (found.status !== 'valid') return { problem: found.status, email: null };
	return { problem: null, email: found.invite.email };
};

export const actions: Actions = {
	default: async (event) => {
		const { context } = event.locals;
		const formData = await event.request.formData();
		const values = keptValues(formData, ['email', 'name']);
		const parsed = parseForm(inviteSignUpForm, formData);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });

		const created = await createUserFromInvite(context.db, event.params.token, parsed.data);
		if (!created.ok) {
			const { reason } = created;
			if (reason === 'email_mismatch' || reason === 'email_taken') return fail(400, { values, errors: { email: reason } });
			// The invitation became unusable meanwhile: the page shows why, as on a fresh visit.
			return fail(410, { values, errors: {}, problem: reason });
		}
		context.log.info({ userId: created.user.id }, 'facilitator account created from invitation');
		await startUserSession(event, created.user.id);
		redirect(303, '/processes');
	}
};
