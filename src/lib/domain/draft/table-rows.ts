import { formatPln } from '../inaction-cards/cost-estimate';
import type { DraftLabels } from './labels';
import type { DraftCardsBlock, DraftImplementationSection } from './model';

/**
 * The cells every renderer (Markdown, Word, PDF) prints for the draft's tables, as plain text.
 * Escaping and layout stay with each renderer; what a cell says is decided once, here.
 */

/** Deeper tree levels print at this indentation: a 30-level tree must not run off the page. */
export const LIST_DEPTH_MAX = 12;

/** "Drzewo problemów: przemoc", unless the board's title already says what it is. */
export function withKind(kind: string, title: string): string {
	return title.toLocaleLowerCase('pl').includes(kind.toLocaleLowerCase('pl')) ? title : `${kind}: ${title}`;
}

/** An indicator's name with the women/men note where the indicator is counted separately. */
export function indicatorText(indicator: { name: string; splitBySex: boolean }, labels: DraftLabels): string {
	return indicator.splitBySex ? `${indicator.name} (${labels.splitBySex})` : indicator.name;
}

/** Area, card, who bears it, the yearly cost as written (and its sum), horizon. */
export function cardRows(block: DraftCardsBlock, labels: DraftLabels): string[][] {
	return block.cards.map((card) => [
		card.area,
		card.text,
		card.bearers.map((bearer) => labels.bearers[bearer]).join(', '),
		card.yearlyCost === null ? card.costEstimate : `${card.costEstimate} = ${formatPln(card.yearlyCost)}`,
		card.horizon ? labels.horizons[card.horizon] : ''
	]);
}

/** Action, indicator, unit, baseline, target, source: the list gathered from every action. */
export function indicatorRows(section: DraftImplementationSection, labels: DraftLabels): string[][] {
	return section.indicators.map((indicator) => [
		indicator.actionRef,
		indicatorText(indicator, labels),
		indicator.unit,
		indicator.baseline,
		indicator.target,
		indicator.source
	]);
}
