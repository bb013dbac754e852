import { fail, redirect } from '@sveltejs/kit';
import { utcToWallClock } from '$lib/domain/workshop-time';
import { MIN_CONSULTATION_DAYS } from '$lib/domain/consultation/model';
import { createRound, parseInviteList, roundFormSchema } from '$lib/server/consultation/rounds';
import { requireDraftAccess } from '$lib/server/draft-guard';
import { listDraftVersions } from '$lib/server/drafts';
import { fieldErrors, formValues } from '$lib/server/process-forms';
import type { Actions, PageServerLoad } from './$types';

const DAY_MS = 24 * 3600_000;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { process } = await requireDraftAccess(locals, url, params.processId);
	const versions = await listDraftVersions(locals.context.db, process.id);
	// Suggested span: from the next full hour for the 35 days the act asks for.
	const nextHour = Math.ceil(Date.now() / 3600_000) * 3600_000;
	return {
		process,
		versions,
		defaults: { opensAt: utcToWallClock(nextHour), closesAt: utcToWallClock(nextHour + MIN_CONSULTATION_DAYS * DAY_MS) }
	};
};

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const { user, process } = await requireDraftAccess(locals, url, params.processId);
		const data = await request.formData();
		const values = formValues(data, ['versionNumber', 'title', 'description', 'opensAt', 'closesAt', 'audience', 'invites']);
		const anonymousAllowed = data.get('anonymousAllowed') === 'on';
		const parsed = roundFormSchema.safeParse({ ...values, anonymousAllowed });
		if (!parsed.success) {
			// The malformed addresses, named back under the textarea (the first few: a long list helps nobody).
			const invalidInvites = values.audience === 'invited' ? parseInviteList(values.invites.slice(0, 200_000)).invalid.slice(0, 20) : [];
			return fail(400, { errors: fieldErrors(parsed.error), values: { ...values, anonymousAllowed }, invalidInvites });
		}
		const roundId = await createRound(locals.context.db, process.id, user.id, parsed.data);
		if (!roundId) return fail(400, { errors: { versionNumber: 'version' }, values: { ...values, anonymousAllowed }, invalidInvites: [] });
		redirect(303, `/processes/${process.id}/consultations/${roundId}`);
	}
};
