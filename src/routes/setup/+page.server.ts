import { fail, redirect } from '@sveltejs/kit';
import { keptValues, parseForm, setupForm } from '$lib/server/auth/forms';
import { setupCodeLimiter } from '$lib/server/auth/rate-limit';
import { startUserSession } from '$lib/server/auth/sign-in';
import { hashSecret, secretMatches } from '$lib/server/auth/tokens';
import { createAdministrator } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

// The setup code is kept too: seeing it again makes a typo easy to spot. Passwords never come back.
const KEPT = ['setupCode', 'email', 'name'];

/** Exists only until the first administrator does; afterwards accounts come from invitations. */
export const load: PageServerLoad = ({ locals }) => {
	if (locals.context.setupCode === null) redirect(303, '/login');
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const { context } = event.locals;
		const formData = await event.request.formData();
		const setupCode = context.setupCode;
		if (setupCode === null) redirect(303, '/login');
		const values = keptValues(formData, KEPT);

		const address = event.getClientAddress();
		const limit = setupCodeLimiter().check(address);
		if (!limit.allowed) {
			return fail(429, { values, errors: { form: 'rate_limited' }, retryAfterSeconds: limit.retryAfterSeconds });
		}

		// The code is checked even when other fields are wrong, so every error shows at once.
		const parsed = parseForm(setupForm, formData);
		const submittedCode = String(formData.get('setupCode') ?? '').trim().toUpperCase();
		// Constant-time comparison of hashes, so the code cannot be found character by character.
		const codeMatches = secretMatches(submittedCode, hashSecret(setupCode));
		if (!codeMatches && submittedCode) {
			setupCodeLimiter().fail(address);
			context.log.warn({ address }, 'wrong setup code');
		}
		const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
		if (!codeMatches) errors.setupCode ??= 'setup_code_wrong';
		if (!parsed.ok || !codeMatches) return fail(400, { values, errors });
		const { email, name, password } = parsed.data;

		setupCodeLimiter().reset(address);

		const created = await createAdministrator(context.db, { email, name, password });
		context.setupCode = null;
		if (!created.ok) redirect(303, '/login');
		context.log.info({ userId: created.user.id }, 'administrator created');
		await startUserSession(event, created.user.id);
		redirect(303, '/processes');
	}
};
