import { DIMENSIONS, type InactionCard } from '$lib/domain/inaction-cards';
import { m } from '$lib/paraglide/messages';
import { bearerLabel, cardName, costProblem, costShort, dimensionLabel, horizonLabel, likelihoodLabel, severityLabel } from './cards-labels';

/** One line of a card read without editing: what the read-only panel and the comparison show. */
export interface CardFact {
	key: string;
	label: string;
	value: string;
	/** Several lines of prose (kept with their line breaks). */
	long?: boolean;
}

/**
 * A card's fields in the order the editor lists them, each as text, so that a reader, a
 * projector and the side-by-side table say the same thing. Empty fields say so in words.
 */
export function cardFacts(card: InactionCard): CardFact[] {
	const none = m.icard_value_none();
	const or = (text: string) => text.trim() || none;
	const cost = card.cost.ok || card.costEstimate.trim() === '' ? costShort(card) : `${costShort(card)} — ${costProblem(card.cost)}`;
	return [
		{ key: 'area', label: m.icard_field_area(), value: cardName(card) },
		{ key: 'text', label: m.icard_field_text(), value: or(card.text), long: true },
		{ key: 'bearers', label: m.icard_field_bearers(), value: card.bearers.length > 0 ? card.bearers.map(bearerLabel).join(', ') : none },
		...DIMENSIONS.map((dimension) => ({
			key: `severity-${dimension}`,
			label: m.icard_severity_label({ dimension: dimensionLabel(dimension) }),
			value: severityLabel(card.severity[dimension])
		})),
		{ key: 'max-severity', label: m.icard_tile_max_severity(), value: severityLabel(card.maxSeverity) },
		{ key: 'cost', label: m.icard_tile_cost(), value: cost },
		{ key: 'cost-estimate', label: m.icard_field_cost_basis(), value: or(card.costEstimate), long: true },
		{ key: 'horizon', label: m.icard_field_horizon(), value: horizonLabel(card.horizon) },
		{ key: 'likelihood', label: m.icard_field_likelihood(), value: likelihoodLabel(card.likelihood) },
		{ key: 'evidence', label: m.icard_field_evidence(), value: or(card.evidence), long: true },
		{ key: 'sources', label: m.icard_field_sources(), value: or(card.sources), long: true }
	];
}
