import { isSector } from '$lib/domain/sectors';
import { sectorLabel } from '$lib/components/workshop/sector-label';
import { m } from '$lib/paraglide/messages';

/**
 * Translations of the codes that process, workshop and join pages receive from the server
 * (form error codes, sectors, board kinds). Unknown codes fall back to a generic message
 * rather than showing a raw code.
 */
const ERRORS: Record<string, () => string> = {
	required: m.process_error_required,
	too_long: m.process_error_too_long,
	year: m.process_error_year,
	year_range: m.process_error_year_range,
	period_order: m.process_error_period_order,
	kind: m.process_error_kind,
	datetime: m.process_error_datetime,
	end_before_start: m.process_error_end_before_start,
	too_long_span: m.process_error_too_long_span,
	unknown_board: m.process_error_unknown_board,
	email: m.process_error_email,
	unknown_email: m.process_error_unknown_email,
	already_member: m.process_error_already_member,
	not_owner: m.process_error_not_owner,
	sector: m.process_error_sector,
	invalid_code: m.process_join_error_invalid_code,
	link_invalid: m.process_join_error_link_invalid
};

export function errorMessage(code: string | undefined): string | undefined {
	if (!code) return undefined;
	return (ERRORS[code] ?? m.process_error_generic)();
}

/** Sector names come from the roster's labels; unknown stored values show as "other". */
export function sectorName(sector: string): string {
	return sectorLabel(isSector(sector) ? sector : 'other');
}

const BOARD_KIND_LABELS: Record<string, () => string> = {
	'ideas-wall': m.process_board_kind_ideas_wall,
	'problem-tree': m.ptree_kind_problem_tree,
	'objective-tree': m.ptree_kind_objective_tree,
	goals: m.goals_kind,
	'inaction-cards': m.icard_kind,
	'need-gap-matrix': m.ngm_kind
};

export function boardKindLabel(kind: string): string {
	return BOARD_KIND_LABELS[kind]?.() ?? kind;
}
