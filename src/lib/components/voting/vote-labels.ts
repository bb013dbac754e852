import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { CommandResult } from '$lib/realtime/contract';
import type { VoteSettings } from '$lib/domain/voting';

/** "Zostały Ci 3 z 5 kropek": the verb agrees with the remaining count (Polish has three forms). */
export function remainingLabel(remaining: number, total: number): string {
	if (total === 1) return remaining === 1 ? m.vote_remaining_single_left() : m.vote_remaining_single_used();
	const form = new Intl.PluralRules(getLocale()).select(remaining);
	const params = { remaining, total };
	if (form === 'one') return m.vote_remaining_one(params);
	if (form === 'few') return m.vote_remaining_few(params);
	return m.vote_remaining_many(params);
}

/**
 * What a refused dot means to the person who clicked. The server answers with a code; the
 * panel knows which limit it was from the person's own dots.
 */
export function placeRefusalMessage(
	result: Extract<CommandResult, { ok: false }>,
	settings: VoteSettings,
	remaining: number
): string {
	switch (result.error) {
		case 'limit-reached':
			return remaining === 0 ? m.vote_error_no_dots_left() : m.vote_error_item_full({ max: settings.maxPerItem });
		case 'forbidden':
			return m.vote_error_own_item();
		default:
			return commandErrorMessage(result);
	}
}

export function commandErrorMessage(result: Extract<CommandResult, { ok: false }>): string {
	switch (result.error) {
		case 'vote-closed':
			return m.vote_error_closed();
		case 'vote-no-items':
			return m.vote_error_no_items();
		case 'limit-reached':
			return m.vote_error_already_open();
		case 'forbidden':
			return m.vote_error_forbidden();
		default:
			return m.vote_error_generic();
	}
}
