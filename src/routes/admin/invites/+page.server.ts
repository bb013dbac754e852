import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { createInviteForm, keptValues, parseForm } from '$lib/server/auth/forms';
import { createInvite, listInvites, revokeInvite } from '$lib/server/invites';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** Administrators only; anyone else signed in gets 403, a stranger the sign-in page. */
function requireAdmin(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const session = event.locals.session;
	if (session?.kind !== 'user') redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
	if (session.user.role !== 'admin') error(403, m.common_error_forbidden());
	return session.user;
}

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	return { invites: await listInvites(event.locals.context.db) };
};

export const actions: Actions = {
	create: async (event) => {
		const admin = requireAdmin(event);
		const formData = await event.request.formData();
		const parsed = parseForm(createInviteForm, formData);
		if (!parsed.ok) return fail(400, { values: keptValues(formData, ['email']), errors: parsed.errors });
		const { context } = event.locals;
		const invite = await createInvite(context.db, { email: parsed.data.email || null, createdBy: admin.id });
		context.log.info({ inviteId: invite.id }, 'invitation created');
		// The token exists only in this answer: the database keeps its hash.
		const origin = context.config.origin ?? event.url.origin;
		return { created: { link: `${origin}/invite/${invite.token}`, email: parsed.data.email || null } };
	},
	revoke: async (event) => {
		requireAdmin(event);
		const id = (await event.request.formData()).get('id');
		if (typeof id !== 'string' || !id) return fail(400, { errors: { form: 'required' } });
		const revoked = await revokeInvite(event.locals.context.db, id);
		return { revoked };
	}
};
