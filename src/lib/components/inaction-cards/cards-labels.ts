import {
	AREA_SUGGESTIONS,
	COST_FACTORS_MAX,
	COST_VALUE_MAX,
	formatPln,
	type AreaSuggestionId,
	type Bearer,
	type CardFieldProblem,
	type CostEstimate,
	type Dimension,
	type Horizon,
	type InactionCard,
	type Likelihood
} from '$lib/domain/inaction-cards';
import type { ObjectiveSourceBox, ObjectiveTreeSummary } from '$lib/domain/goals';
import { m } from '$lib/paraglide/messages';
import { roleLabel } from '../problem-tree/tree-labels';

const AREA_LABELS: Record<AreaSuggestionId, () => string> = {
	'domestic-violence': m.icard_area_domestic_violence,
	'care-upbringing': m.icard_area_care_upbringing,
	homelessness: m.icard_area_homelessness,
	addictions: m.icard_area_addictions,
	poverty: m.icard_area_poverty,
	disability: m.icard_area_disability,
	'old-age': m.icard_area_old_age,
	unemployment: m.icard_area_unemployment
};

/** The eight suggestions in the interface language; what a person picks is stored as shown. */
export function areaSuggestions(): string[] {
	return AREA_SUGGESTIONS.map((suggestion) => AREA_LABELS[suggestion.id]());
}

/** A card's name in lists and buttons; a blank area (only in a malformed doc) still reads as something. */
export function cardName(card: { area: string }): string {
	return card.area.trim() || m.icard_area_blank();
}

const BEARER_LABELS: Record<Bearer, () => string> = {
	'person-family': m.icard_bearer_person_family,
	community: m.icard_bearer_community,
	institutions: m.icard_bearer_institutions
};

export function bearerLabel(bearer: Bearer): string {
	return BEARER_LABELS[bearer]();
}

const DIMENSION_LABELS: Record<Dimension, () => string> = {
	social: m.icard_dimension_social,
	health: m.icard_dimension_health,
	educational: m.icard_dimension_educational,
	financial: m.icard_dimension_financial,
	safety: m.icard_dimension_safety
};

export function dimensionLabel(dimension: Dimension): string {
	return DIMENSION_LABELS[dimension]();
}

const SEVERITY_LABELS = [m.icard_severity_1, m.icard_severity_2, m.icard_severity_3, m.icard_severity_4, m.icard_severity_5];

/** "4 – duża"; "nieoceniona" for null. */
export function severityLabel(severity: number | null | undefined): string {
	return severity ? SEVERITY_LABELS[severity - 1]() : m.icard_severity_not_assessed();
}

const HORIZON_LABELS: Record<Horizon | '', () => string> = {
	'': m.icard_horizon_unset,
	now: m.icard_horizon_now,
	'1-3': m.icard_horizon_1_3,
	'3+': m.icard_horizon_3_plus
};

export function horizonLabel(horizon: Horizon | ''): string {
	return HORIZON_LABELS[horizon]();
}

const LIKELIHOOD_LABELS: Record<Likelihood | '', () => string> = {
	'': m.icard_likelihood_unset,
	low: m.icard_likelihood_low,
	medium: m.icard_likelihood_medium,
	high: m.icard_likelihood_high
};

export function likelihoodLabel(likelihood: Likelihood | ''): string {
	return LIKELIHOOD_LABELS[likelihood]();
}

/**
 * Why an estimate cannot be computed, naming the factor at fault when there is one:
 * "Niejasna liczba… Dotyczy czynnika nr 2." Null for a computed estimate.
 */
export function costProblem(cost: CostEstimate): string | null {
	if (cost.ok) return null;
	const reason = {
		empty: m.icard_cost_error_empty,
		'not-a-product': m.icard_cost_error_not_a_product,
		'bad-number': m.icard_cost_error_bad_number,
		negative: m.icard_cost_error_negative,
		'too-large': () => m.icard_cost_error_too_large({ max: formatPln(COST_VALUE_MAX) }),
		'too-many-factors': () => m.icard_cost_error_too_many_factors({ max: COST_FACTORS_MAX })
	}[cost.reason]();
	return cost.factor ? `${reason} ${m.icard_cost_error_in_factor({ number: cost.factor })}` : reason;
}

/** What the grid and the comparison show for the yearly cost: the sum, or why there is none. */
export function costShort(card: InactionCard): string {
	if (card.cost.ok) return formatPln(card.cost.value);
	return card.cost.reason === 'empty' ? m.icard_cost_none() : m.icard_cost_unreadable();
}

export function fieldProblem(problem: CardFieldProblem | undefined, max: number): string {
	if (problem === 'empty') return m.icard_field_error_empty();
	if (problem === 'too-long') return m.icard_field_error_too_long({ max });
	return m.icard_field_error_not_allowed();
}

/** A problem tree's own words for its boxes: "Problem główny", "Skutek", "Przyczyna". */
export function problemRoleLabel(role: ObjectiveSourceBox['role']): string {
	return roleLabel('problem', role === 'end' ? 'effect' : role === 'mean' ? 'cause' : 'core');
}

function boxText(text: string): string {
	const trimmed = text.trim() || m.icard_box_empty();
	return trimmed.length > 70 ? `${trimmed.slice(0, 69)}…` : trimmed;
}

/** One option of the link select, indented by depth so the tree's shape shows. */
export function boxOptionLabel(box: ObjectiveSourceBox): string {
	return `${'\u00a0\u00a0'.repeat(Math.max(box.depth - 1, 0))}${problemRoleLabel(box.role)}: ${boxText(box.text)}`;
}

export type ResolvedLink =
	| { kind: 'linked'; href: string; label: string }
	| { kind: 'box-missing'; href: string; label: string }
	| { kind: 'tree-missing'; label: string };

/** What a card shows for a link: the box with its tree, or that the box or its tree is gone. */
export function resolveLink(link: { boardId: string; boxId: string }, trees: ObjectiveTreeSummary[]): ResolvedLink {
	const tree = trees.find((candidate) => candidate.boardId === link.boardId);
	if (!tree) return { kind: 'tree-missing', label: m.icard_link_tree_missing() };
	const board = `/boards/${encodeURIComponent(tree.boardId)}`;
	const box = tree.boxes.find((candidate) => candidate.id === link.boxId);
	if (!box) return { kind: 'box-missing', href: board, label: m.icard_link_box_missing({ tree: tree.title }) };
	return {
		kind: 'linked',
		href: `${board}?box=${encodeURIComponent(box.id)}`,
		label: m.icard_link_label({ role: problemRoleLabel(box.role), box: boxText(box.text), tree: tree.title })
	};
}
