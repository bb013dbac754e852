import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** Facilitators go to their work; a fresh installation to its setup; everyone else may join a workshop. */
export const load: PageServerLoad = ({ locals }) => {
	if (locals.session?.kind === 'user') redirect(303, '/processes');
	if (locals.context.setupCode !== null) redirect(303, '/setup');
	return {};
};
