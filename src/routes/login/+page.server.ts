import { fail, redirect } from '@sveltejs/kit';
import { keptValues, parseForm, signInForm } from '$lib/server/auth/forms';
import { signInLimiter } from '$lib/server/auth/rate-limit';
import { startUserSession } from '$lib/server/auth/sign-in';
import { verifyCredentials } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.context.setupCode !== null) redirect(303, '/setup');
	if (locals.session?.kind === 'user') redirect(303, safeNext(url.searchParams.get('next')));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const { context } = event.locals;
		const formData = await event.request.formData();
		const values = keptValues(formData, ['email']);
		const parsed = parseForm(signInForm, formData);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });

		const attempt = { email: parsed.data.email, address: event.getClientAddress() };
		const limiter = signInLimiter();
		const limit = limiter.check(attempt);
		if (!limit.allowed) {
			return fail(429, { values, errors: { form: 'rate_limited' }, retryAfterSeconds: limit.retryAfterSeconds });
		}

		const user = await verifyCredentials(context.db, parsed.data.email, parsed.data.password);
		if (!user) {
			limiter.recordFailure(attempt);
			context.log.info({ address: attempt.address }, 'sign-in failed');
			// One message for an unknown e-mail and a wrong password: the form must not reveal who has an account.
			return fail(400, { values, errors: { form: 'wrong_credentials' } });
		}
		limiter.recordSuccess(attempt);
		await startUserSession(event, user.id);
		redirect(303, safeNext(event.url.searchParams.get('next')));
	}
};

/**
 * Only a path on this site: `//evil.example` and `/\evil.example` are protocol-relative
 * URLs that browsers send elsewhere, so the target is resolved and its origin compared.
 */
function safeNext(next: string | null): string {
	const fallback = '/processes';
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
	const base = 'http://narada.invalid';
	try {
		const target = new URL(next, base);
		return target.origin === base ? target.pathname + target.search + target.hash : fallback;
	} catch {
		return fallback;
	}
}
