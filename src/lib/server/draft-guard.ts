import { error } from '@sveltejs/kit';
import { m } from '../paraglide/messages';
import { requireProcessMember } from './process-guards';

/**
 * The draft belongs to the process's facilitators. A workshop guest or observer gets the same
 * 404 as a stranger (not the redirect to their workshop other process pages give): a draft
 * link passed around a workshop should reveal nothing, not even that it exists.
 */
export function requireDraftAccess(locals: App.Locals, url: URL, processId: string) {
	if (locals.session && locals.session.kind !== 'user') error(404, m.common_error_not_found());
	return requireProcessMember(locals, url, processId);
}
