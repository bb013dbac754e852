import type { ColumnKind, Gap, MatrixCell, MatrixExportLabels, NeedLevel, OfferLevel } from '$lib/domain/need-gap-matrix';
import { m } from '$lib/paraglide/messages';
import type { MatrixError } from './matrix-state.svelte';

export const NEED_LABELS: Record<NeedLevel, () => string> = {
	none: m.ngm_need_none,
	low: m.ngm_need_low,
	medium: m.ngm_need_medium,
	high: m.ngm_need_high
};

export const OFFER_LABELS: Record<OfferLevel, () => string> = {
	none: m.ngm_offer_none,
	insufficient: m.ngm_offer_insufficient,
	sufficient: m.ngm_offer_sufficient
};

export const GAP_LABELS: Record<Gap, () => string> = {
	none: m.ngm_gap_none,
	small: m.ngm_gap_small,
	large: m.ngm_gap_large,
	'no-data': m.ngm_gap_no_data
};

/** One character per level, so a cell says its values without relying on colour. */
export const NEED_LETTERS: Record<NeedLevel, () => string> = {
	none: m.ngm_need_letter_none,
	low: m.ngm_need_letter_low,
	medium: m.ngm_need_letter_medium,
	high: m.ngm_need_letter_high
};

export const OFFER_LETTERS: Record<OfferLevel, () => string> = {
	none: m.ngm_offer_letter_none,
	insufficient: m.ngm_offer_letter_insufficient,
	sufficient: m.ngm_offer_letter_sufficient
};

export const GAP_LETTERS: Record<Gap, () => string> = {
	none: m.ngm_gap_letter_none,
	small: m.ngm_gap_letter_small,
	large: m.ngm_gap_letter_large,
	'no-data': m.ngm_gap_letter_no_data
};

export const KIND_LABELS: Record<ColumnKind, () => string> = {
	territory: m.ngm_kind_territory,
	institution: m.ngm_kind_institution
};

/** Largest first: the order of the legend and of the count columns. */
export const GAP_ORDER: readonly Gap[] = ['large', 'small', 'none', 'no-data'];

const ERROR_LABELS: Record<MatrixError, () => string> = {
	'name-empty': m.ngm_error_name_empty,
	'name-too-long': m.ngm_error_name_too_long,
	'id-invalid': m.ngm_error_id_invalid,
	'id-taken': m.ngm_error_id_taken,
	'kind-invalid': m.ngm_error_kind_invalid,
	'group-missing': m.ngm_error_group_missing,
	'row-missing': m.ngm_error_row_missing,
	'column-missing': m.ngm_error_column_missing,
	'too-many-groups': m.ngm_error_too_many_groups,
	'too-many-rows': m.ngm_error_too_many_rows,
	'too-many-columns': m.ngm_error_too_many_columns,
	'unknown-field': m.ngm_error_unknown_field,
	'need-invalid': m.ngm_error_need_invalid,
	'offer-invalid': m.ngm_error_offer_invalid,
	'note-invalid': m.ngm_error_note_invalid,
	'note-too-long': m.ngm_error_note_too_long,
	'justification-invalid': m.ngm_error_justification_invalid,
	'justification-too-long': m.ngm_error_justification_too_long,
	'priority-invalid': m.ngm_error_priority_invalid,
	'niche-invalid': m.ngm_error_niche_invalid,
	'gap-invalid': m.ngm_error_gap_invalid,
	'reason-required': m.ngm_error_reason_required,
	'reason-too-long': m.ngm_error_reason_too_long,
	'read-only': m.ngm_error_read_only
};

export function errorLabel(error: MatrixError): string {
	return ERROR_LABELS[error]();
}

/** What a screen reader hears for a cell: "potrzeba: wysoka, oferta: brak, luka: duża". */
export function cellSummary(cell: MatrixCell): string {
	return m.ngm_cell_summary({
		need: cell.need === '' ? m.ngm_not_set() : NEED_LABELS[cell.need](),
		offer: cell.offer === '' ? m.ngm_not_set() : OFFER_LABELS[cell.offer](),
		gap: GAP_LABELS[cell.gap]()
	});
}

export interface CellTexts {
	need: string;
	offer: string;
	gap: string;
	/** Everything a screen reader hears for the cell, marks included. */
	summary: string;
}

/**
 * The texts of a cell, remembered per combination of values: a message call resolves the
 * locale (cookie, URL) each time, and a 60 × 20 grid would make ten of them per cell on every
 * change. There are only a few hundred combinations. One cache per view; a locale change
 * reloads the page.
 */
export function cellTextCache(): (cell: MatrixCell) => CellTexts {
	const cache = new Map<string, CellTexts>();
	return (cell) => {
		const key = `${cell.need}|${cell.offer}|${cell.gap}|${cell.overridden}|${cell.niche}`;
		let texts = cache.get(key);
		if (!texts) {
			const marks = [cell.overridden ? m.ngm_cell_overridden() : '', cell.niche ? m.ngm_cell_niche() : ''].filter(Boolean);
			texts = {
				need: cell.need === '' ? '·' : NEED_LETTERS[cell.need](),
				offer: cell.offer === '' ? '·' : OFFER_LETTERS[cell.offer](),
				gap: GAP_LETTERS[cell.gap](),
				summary: [cellSummary(cell), ...marks].join(', ')
			};
			cache.set(key, texts);
		}
		return texts;
	};
}

export function groupLabel(group: { name: string; other: boolean }): string {
	return group.other ? m.ngm_other_group() : group.name;
}

function mapLabels<K extends string>(labels: Record<K, () => string>): Record<K, string> {
	return Object.fromEntries(Object.entries<() => string>(labels).map(([key, label]) => [key, label()])) as Record<K, string>;
}

export function exportLabels(): MatrixExportLabels {
	return {
		group: m.ngm_export_group(),
		service: m.ngm_export_service(),
		column: m.ngm_export_column(),
		kind: m.ngm_export_kind(),
		need: m.ngm_field_need(),
		offer: m.ngm_field_offer(),
		gap: m.ngm_field_gap(),
		override: m.ngm_export_override(),
		overrideReason: m.ngm_export_override_reason(),
		priority: m.ngm_field_priority(),
		niche: m.ngm_export_niche(),
		note: m.ngm_field_note(),
		justification: m.ngm_export_justification(),
		otherGroup: m.ngm_other_group(),
		yes: m.ngm_yes(),
		no: m.ngm_no(),
		kinds: mapLabels(KIND_LABELS),
		needs: mapLabels(NEED_LABELS),
		offers: mapLabels(OFFER_LABELS),
		gaps: mapLabels(GAP_LABELS)
	};
}

/** The board title as a file name: characters no file system takes become dashes. */
export function exportFileName(title: string, suffix: string): string {
	const base = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/\s+/g, ' ').trim().slice(0, 100) || 'matryca';
	return `${base}${suffix}.csv`;
}
