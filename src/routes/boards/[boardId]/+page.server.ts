import { error, redirect } from '@sveltejs/kit';
import { resolveBoardAccess } from '$lib/server/access';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { session, context } = locals;
	if (!session) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);

	// Access first, so a stranger learns nothing about which board ids exist.
	const access = await resolveBoardAccess(context.db, session, params.boardId, context.config);
	if (!access) error(403, m.board_forbidden());

	const board = await context.db
		.selectFrom('boards')
		.select(['id', 'title', 'kind', 'area', 'process_id'])
		.where('id', '=', params.boardId)
		.executeTakeFirst();
	if (!board) error(404, m.board_not_found());

	const me =
		session.kind === 'user'
			? { name: session.user.name, role: 'facilitator' as const }
			: session.kind === 'guest'
				? { name: session.participant.displayName, role: 'participant' as const }
				: { name: m.board_observer_name(), role: 'observer' as const };

	const { process_id: processId, ...boardFields } = board;
	return {
		board: boardFields,
		access,
		me,
		workshopId: session.kind === 'user' ? null : session.workshopId,
		/** Facilitators go back to the process; guests never see it. */
		processId: session.kind === 'user' ? processId : null
	};
};
