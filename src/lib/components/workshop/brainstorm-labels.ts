import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { StepPrivacy } from '$lib/domain/facilitation/agenda';
import type { BrainstormSummary } from '$lib/realtime/brainstorm-contract';
import type { BrainstormError } from '$lib/realtime/brainstorm.svelte';

export function privacyLabel(privacy: StepPrivacy): string {
	return { open: m.brain_privacy_open, private: m.brain_privacy_private, anonymous: m.brain_privacy_anonymous }[privacy]();
}

/** The short mark of a step's privacy in the agenda list. */
export function privacyBadge(privacy: 'private' | 'anonymous'): string {
	return privacy === 'anonymous' ? m.brain_badge_anonymous() : m.brain_badge_private();
}

/** "12 notatek od 7 osób": Polish needs the plural category (1 notatka, 3 notatki, 5 notatek). */
export function summaryText(summary: BrainstormSummary): string {
	if (summary.noteCount === 0) return m.brain_summary_none();
	const rules = new Intl.PluralRules(getLocale());
	const noteForm = rules.select(summary.noteCount);
	const notes = noteForm === 'one' ? m.brain_notes_one : noteForm === 'few' ? m.brain_notes_few : m.brain_notes_many;
	const authors = rules.select(summary.authorsCount) === 'one' ? m.brain_authors_one : m.brain_authors_other;
	return m.brain_summary({ notes: notes({ count: summary.noteCount }), authors: authors({ count: summary.authorsCount }) });
}

export function brainstormErrorText(error: BrainstormError): string {
	switch (error) {
		case 'offline':
			return m.brain_error_offline();
		case 'step-closed':
			return m.brain_error_closed();
		case 'limit-reached':
			return m.brain_error_limit();
		case 'forbidden':
			return m.brain_error_forbidden();
		default:
			return m.brain_error_generic();
	}
}

/** Why a queued note was refused, with the advice to keep its text. */
export function refusedText(reason: string | undefined): string {
	return reason === 'step-closed' ? m.brain_refused_closed() : m.brain_refused_other();
}
