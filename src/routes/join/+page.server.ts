import { fail, redirect } from '@sveltejs/kit';
import { checkJoinCodeLimit, recordJoinCodeFailure } from '$lib/server/join-limits';
import { findWorkshopByCode } from '$lib/server/workshops';
import type { Actions } from './$types';

export const actions: Actions = {
	/** Code → the workshop's join link. Wrong, expired and revoked codes all get the same answer. */
	default: async ({ locals, request, getClientAddress }) => {
		const code = String((await request.formData()).get('code') ?? '').slice(0, 40);
		const address = getClientAddress();
		const limit = await checkJoinCodeLimit(address);
		if (!limit.allowed) return fail(429, { code, error: 'rate_limited', retryAfterMs: limit.retryAfterMs });
		const { config, db } = locals.context;
		const workshop = code ? await findWorkshopByCode(db, code, config) : null;
		if (!workshop?.join_token) {
			const after = await recordJoinCodeFailure(address);
			if (!after.allowed) return fail(429, { code, error: 'rate_limited', retryAfterMs: after.retryAfterMs });
			return fail(400, { code, error: code.trim() ? 'invalid_code' : 'required', retryAfterMs: null });
		}
		redirect(303, `/j/${workshop.join_token}`);
	}
};
