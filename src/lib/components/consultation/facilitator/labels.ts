import type { RemarkStatus, RoundPhase } from '$lib/domain/consultation/model';
import { m } from '$lib/paraglide/messages';

/**
 * Translations of the codes the consultation forms receive from the server; an unknown code
 * falls back to a generic message rather than showing a raw code.
 */
const ERRORS: Record<string, () => string> = {
	required: m.consult_error_required,
	too_long: m.consult_error_too_long,
	datetime: m.consult_error_datetime,
	close_before_open: m.consult_error_close_before_open,
	version: m.consult_error_version,
	audience: m.consult_error_audience,
	invite_email: m.consult_error_invite_email,
	too_many_invites: m.consult_error_too_many_invites,
	invites_required: m.consult_error_invites_required,
	status: m.consult_error_status,
	answer_required: m.consult_error_answer_required,
	no_selection: m.consult_error_no_selection,
	unknown_remark: m.consult_error_unknown_remark,
	not_member: m.consult_error_not_member,
	merge_main: m.consult_error_merge_main,
	merge_two: m.consult_error_merge_two,
	unknown_template: m.consult_error_unknown_template
};

export function consultErrorMessage(code: string | undefined): string | undefined {
	if (!code) return undefined;
	return (ERRORS[code] ?? m.consult_error_generic)();
}

const STATUS: Record<RemarkStatus, () => string> = {
	accepted: m.consult_status_accepted,
	partly: m.consult_status_partly,
	rejected: m.consult_status_rejected,
	explained: m.consult_status_explained
};

export function remarkStatusLabel(status: RemarkStatus | null): string {
	return status ? STATUS[status]() : m.consult_status_unanswered();
}

const PHASE: Record<RoundPhase, () => string> = {
	upcoming: m.consult_phase_upcoming,
	open: m.consult_phase_open,
	closed: m.consult_phase_closed
};

export function roundPhaseLabel(phase: RoundPhase): string {
	return PHASE[phase]();
}
