import type { GapLevel, GapOverrideValue, NeedValue, OfferValue } from './schema';

/** A cell's gap: a level, or 'no-data' while the need or the offer needed to tell is not filled in. */
export type Gap = GapLevel | 'no-data';

/**
 * The gap that follows from the need and the existing offer (seed 004's matrix, issue 6):
 * - no gap when there is no need or the offer is sufficient; either fact settles it alone, so a
 *   cell marked "no need" does not wait for someone to fill in the offer;
 * - otherwise, while the need or the offer is unset, nothing can be said: 'no-data';
 * - a large gap when the need is medium or high and there is no offer at all;
 * - a small gap otherwise (a low need without sufficient offer, or an insufficient offer).
 */
export function deriveGap(need: NeedValue, offer: OfferValue): Gap {
	if (need === 'none' || offer === 'sufficient') return 'none';
	if (need === '' || offer === '') return 'no-data';
	if ((need === 'medium' || need === 'high') && offer === 'none') return 'large';
	return 'small';
}

/** An override counts only with a written reason; without one the derived gap stands. */
export function isOverrideEffective(cell: { gapOverride: GapOverrideValue; overrideReason: string }): boolean {
	return cell.gapOverride !== '' && cell.overrideReason.trim() !== '';
}

export function effectiveGap(cell: { need: NeedValue; offer: OfferValue; gapOverride: GapOverrideValue; overrideReason: string }): Gap {
	return isOverrideEffective(cell) ? (cell.gapOverride as GapLevel) : deriveGap(cell.need, cell.offer);
}
