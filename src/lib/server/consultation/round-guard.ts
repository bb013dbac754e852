import { error } from '@sveltejs/kit';
import { m } from '../../paraglide/messages';
import { requireDraftAccess } from '../draft-guard';
import { getRound } from './rounds';

/**
 * A round belongs to its process's facilitators, like the draft it consults on: a workshop guest,
 * an observer or a stranger gets the same 404 as for a round that does not exist.
 */
export async function requireConsultationRound(locals: App.Locals, url: URL, processId: string, roundId: string) {
	const { user, process } = await requireDraftAccess(locals, url, processId);
	const round = await getRound(locals.context.db, process.id, roundId);
	if (!round) error(404, m.common_error_not_found());
	return { user, process, round };
}
