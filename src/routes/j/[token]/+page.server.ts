import { error, fail, redirect } from '@sveltejs/kit';
import { SECTORS } from '$lib/domain/sectors';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { invalidateSession } from '$lib/server/auth/sessions';
import { fieldErrors, formValues, joinSchema } from '$lib/server/process-forms';
import { getProcessForMember } from '$lib/server/processes';
import { findWorkshopByJoinToken, joinWorkshop, workshopExistsForToken } from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { db, config } = locals.context;
	const workshop = await findWorkshopByJoinToken(db, params.token, config);
	if (!workshop) {
		const known = await workshopExistsForToken(db, 'join_token', params.token);
		error(known ? 403 : 404, known ? 'outside_window' : 'link_invalid');
	}
	const session = locals.session;
	// Someone who is already in (a returning guest, or a facilitator of this process) goes straight in.
	if (session?.kind === 'guest' && session.workshopId === workshop.id) redirect(303, `/w/${workshop.id}`);
	if (session?.kind === 'user' && (await getProcessForMember(db, workshop.process_id, session.user.id))) {
		redirect(303, `/w/${workshop.id}`);
	}
	return {
		workshop: { title: workshop.title, startsAt: workshop.starts_at, endsAt: workshop.ends_at },
		sectors: SECTORS,
		replacesSession: session !== null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, params, request } = event;
		const { db, config, revocations } = locals.context;
		const workshop = await findWorkshopByJoinToken(db, params.token, config);
		const data = await request.formData();
		const values = formValues(data, ['displayName', 'institution', 'sector', 'gender']);
		if (!workshop) return fail(410, { errors: { form: 'link_invalid' }, values });
		const parsed = joinSchema.safeParse(values);
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error), values });

		// One device, one identity: whatever session this browser held ends here (a new session on privilege change).
		if (locals.session) {
			await invalidateSession(db, locals.session.id);
			revocations.revoke([locals.session.id]);
		}
		const { session } = await joinWorkshop(db, workshop, parsed.data, config.guestGraceMs);
		setSessionCookie(event, session.token, session.expiresAt);
		redirect(303, `/w/${workshop.id}`);
	}
};
