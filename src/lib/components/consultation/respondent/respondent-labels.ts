import { REMARK_LIMITS } from '$lib/domain/consultation/model';
import { m } from '$lib/paraglide/messages';

/** A server's error code as the respondent reads it. */
export function remarkErrorText(code: string | undefined, retryAfterSeconds?: number | null): string | undefined {
	switch (code) {
		case undefined:
		case '':
			return undefined;
		case 'required':
			return m.respond_error_required();
		case 'too_long':
			return m.respond_error_too_long();
		case 'sector':
			return m.respond_error_sector();
		case 'not_open':
			return m.respond_error_not_open();
		case 'target':
			return m.respond_error_target();
		case 'too_many':
			return m.respond_error_too_many({ max: REMARK_LIMITS.perRespondent });
		case 'not_found':
			return m.respond_error_not_found();
		case 'rate_limited':
			return m.respond_error_rate_limited({ minutes: Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60)) });
		default:
			return m.respond_error_invalid();
	}
}

/** What a failed action sent back (see the round page's actions). */
export interface RemarkFormState {
	action?: string;
	target?: string;
	remarkId?: string;
	errors?: Record<string, string>;
	values?: Record<string, string>;
	retryAfterSeconds?: number | null;
}

export interface RespondentIdentityView {
	name: string;
	institution: string;
	sector: string;
}
