import { error, redirect } from '@sveltejs/kit';
import type { SessionUser } from './auth/sessions';
import { getProcessForMember, type ProcessSummary } from './processes';
import { getWorkshopInProcess } from './workshops';
import { m } from '../paraglide/messages';

/**
 * Checks every process page and action runs first. Guests and observers belong in their own
 * workshop, never here; a signed-in non-member gets the same 404 as for a process that does not
 * exist, so ids cannot be probed.
 */
export function requireFacilitator(locals: App.Locals, url: URL): SessionUser {
	const session = locals.session;
	if (!session) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	if (session.kind !== 'user') redirect(303, `/w/${session.workshopId}`);
	return session.user;
}

export async function requireProcessMember(
	locals: App.Locals,
	url: URL,
	processId: string
): Promise<{ user: SessionUser; process: ProcessSummary }> {
	const user = requireFacilitator(locals, url);
	const process = await getProcessForMember(locals.context.db, processId, user.id);
	if (!process) error(404, m.common_error_not_found());
	return { user, process };
}

/** A workshop as its process's facilitators see it; 404 for anyone else and for a workshop of another process. */
export async function requireProcessWorkshop(locals: App.Locals, url: URL, processId: string, workshopId: string) {
	const { user, process } = await requireProcessMember(locals, url, processId);
	const workshop = await getWorkshopInProcess(locals.context.db, process.id, workshopId);
	if (!workshop) error(404, m.common_error_not_found());
	return { user, process, workshop };
}
