import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getTextDirection } from '$lib/paraglide/runtime';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/sessions';
import { getAppContext } from '$lib/server/context';
import { deleteSessionCookie } from '$lib/server/auth/cookies';

const handleParaglide: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) =>
				html.replace('%paraglide.lang%', locale).replace('%paraglide.dir%', getTextDirection(locale))
		});
	});

/** Every request carries the shared context and the session from the cookie (or null). */
const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.context = await getAppContext();
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.session = await validateSessionToken(event.locals.context.db, token);
	if (token && !event.locals.session) deleteSessionCookie(event);
	return resolve(event);
};

export const handle: Handle = sequence(handleParaglide, handleSession);
