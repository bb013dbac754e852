import type { CommandResult } from '$lib/realtime/contract';
import { m } from '$lib/paraglide/messages';

/** What the facilitator is told when a lock command was refused. */
export function lockErrorMessage(result: CommandResult, connected: boolean): string | null {
	if (result.ok) return null;
	if (!connected) return m.lock_error_offline();
	switch (result.error) {
		case 'forbidden':
			return m.lock_error_forbidden();
		case 'not-found':
			return m.lock_error_not_found();
		default:
			return m.lock_error_server();
	}
}
