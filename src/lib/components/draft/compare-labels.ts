import type { RowChange, RowKind, SectionDiff } from '$lib/domain/draft/diff';
import { draftLabels } from '$lib/domain/draft/labels';
import type { DraftLanguage } from '$lib/domain/draft/model';
import { m } from '$lib/paraglide/messages';
import { sectorName } from '$lib/process-labels';

/** Words of the "compare versions" page: the interface's language for its own words. */
export const KIND_LABELS: Record<RowKind, () => string> = {
	'strategic-goal': m.draft_compare_kind_strategic_goal,
	'specific-goal': m.draft_compare_kind_specific_goal,
	action: m.draft_compare_kind_action,
	indicator: m.draft_compare_kind_indicator,
	'tree-box': m.draft_compare_kind_tree_box,
	card: m.draft_compare_kind_card,
	gap: m.draft_compare_kind_gap,
	'matrix-row': m.draft_compare_kind_matrix_row,
	workshop: m.draft_compare_kind_workshop,
	count: m.draft_compare_kind_count
};

const FIELD_LABELS: Record<string, () => string> = {
	title: m.draft_compare_field_title,
	territory: m.draft_compare_field_territory,
	periodFrom: m.draft_compare_field_periodFrom,
	periodTo: m.draft_compare_field_periodTo,
	text: m.draft_compare_field_text,
	timeframe: m.draft_compare_field_timeframe,
	entities: m.draft_compare_field_entities,
	responsible: m.draft_compare_field_responsible,
	funding: m.draft_compare_field_funding,
	name: m.draft_compare_field_name,
	unit: m.draft_compare_field_unit,
	baseline: m.draft_compare_field_baseline,
	target: m.draft_compare_field_target,
	source: m.draft_compare_field_source,
	splitBySex: m.draft_compare_field_splitBySex,
	role: m.draft_compare_field_role,
	evidence: m.draft_compare_field_evidence,
	evidenceSource: m.draft_compare_field_evidenceSource,
	area: m.draft_compare_field_area,
	costEstimate: m.draft_compare_field_costEstimate,
	horizon: m.draft_compare_field_horizon,
	service: m.draft_compare_field_service,
	column: m.draft_compare_field_column,
	gap: m.draft_compare_field_gap,
	note: m.draft_compare_field_note,
	gaps: m.draft_compare_field_gaps,
	date: m.draft_compare_field_date,
	participants: m.draft_compare_field_participants,
	count: m.draft_compare_field_count
};

export function fieldLabel(field: string): string {
	return FIELD_LABELS[field]?.() ?? field;
}

export const CHANGE_LABELS: Record<RowChange['change'], () => string> = {
	added: m.draft_compare_change_added,
	removed: m.draft_compare_change_removed,
	changed: m.draft_compare_change_changed
};

export const SECTION_CHANGE_LABELS: Record<Exclude<SectionDiff['change'], 'unchanged'>, () => string> = {
	added: m.draft_compare_section_added,
	removed: m.draft_compare_section_removed,
	changed: m.draft_compare_section_changed
};

/**
 * A field's stored value as a reader knows it. Gaps and tree roles are the document's own words
 * (they are printed so in the draft, in its language); yes/no is the interface's.
 */
export function fieldValue(field: string, value: string, language: DraftLanguage): string {
	const labels = draftLabels(language);
	const gap = (key: string) => (key in labels.gaps ? labels.gaps[key as keyof typeof labels.gaps] : key);
	switch (field) {
		case 'gap':
			return gap(value);
		case 'gaps':
			return value.split(' ').filter(Boolean).map(gap).join(', ');
		case 'role':
			return labels.treeRoles.problem[value as keyof typeof labels.treeRoles.problem] ?? value;
		case 'splitBySex':
			return value === 'yes' ? m.draft_compare_yes() : value === 'no' ? m.draft_compare_no() : value;
		default:
			return value;
	}
}

/** Where the row is: "5.1", "V.3", a tree's or matrix's title; sector counts by the sector's name. */
export function positionLabel(row: RowChange): string {
	// An action of an area without a number comes as ".3": its Lp. alone says where it is.
	return row.kind === 'count' ? sectorName(row.position) : row.position.replace(/^\./, '');
}
