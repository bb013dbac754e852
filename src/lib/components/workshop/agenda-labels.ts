import { m } from '$lib/paraglide/messages';
import type { AgendaActivity } from '$lib/domain/facilitation/agenda';
import type { CommandResult } from '$lib/realtime/contract';

export function activityLabel(activity: AgendaActivity): string {
	const labels: Record<AgendaActivity, () => string> = {
		discussion: m.agenda_activity_discussion,
		brainstorm: m.agenda_activity_brainstorm,
		'problem-tree': m.agenda_activity_problem_tree,
		voting: m.agenda_activity_voting,
		break: m.agenda_activity_break,
		other: m.agenda_activity_other
	};
	return labels[activity]();
}

/** The translated reason a command was refused, or null when it went through. */
export function commandErrorMessage(result: CommandResult<unknown>): string | null {
	if (result.ok) return null;
	switch (result.error) {
		case 'forbidden':
			return m.agenda_error_forbidden();
		case 'invalid-payload':
			return m.agenda_error_invalid();
		case 'not-found':
			return m.agenda_error_not_found();
		case 'limit-reached':
			return m.agenda_error_limit();
		case 'rate-limited':
			return m.agenda_error_rate_limited();
		case 'private-notes-exist':
			return m.brain_error_notes_exist();
		default:
			return m.agenda_error_server();
	}
}
