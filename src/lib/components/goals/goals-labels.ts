import type { ActionProblem, GoalItemType, Indicator, ObjectiveSourceBox } from '$lib/domain/goals';
import { m } from '$lib/paraglide/messages';
import { roleLabel } from '../problem-tree/tree-labels';

/** "Cel strategiczny 5", "Cel szczegółowy 5.1", "Działanie 3". */
export function itemHeading(type: GoalItemType, number: string | number): string {
	const value = String(number);
	if (type === 'strategic') return m.gdet_heading_strategic({ number: value });
	if (type === 'specific') return m.gdet_heading_specific({ number: value });
	return m.gdet_heading_action({ number: value });
}

export function areaHeading(number: string): string {
	return number.trim() ? m.gdet_heading_area({ number: number.trim() }) : m.gdet_heading_area_unnumbered();
}

/** What a reader sees for a goal or action whose text is still empty. */
export function itemDisplayText(text: string): string {
	return text.trim() || m.gdet_empty_text();
}

const PROBLEM_LABELS: Record<ActionProblem, () => string> = {
	'no-indicator': m.gdet_problem_no_indicator,
	'no-timeframe': m.gdet_problem_no_timeframe,
	'bad-timeframe': m.gdet_problem_bad_timeframe
};

/** "Brak wskaźnika", "Brak harmonogramu", "Harmonogram nieczytelny". */
export function problemLabel(problem: ActionProblem): string {
	return PROBLEM_LABELS[problem]();
}

/**
 * One line of the indicator column: "Liczba uczestników (osoby), wartość bazowa: 0, wartość
 * docelowa: 120 (K/M)". Baseline and target are printed as typed: workshops write "0", "25%",
 * "min. 3 rocznie" alike, and none of them is wrong.
 */
export function indicatorSummary(indicator: Indicator): string {
	const name = indicator.name.trim();
	const unit = indicator.unit.trim();
	const parts = [unit ? m.gdet_indicator_summary_unit({ name, unit }) : name];
	if (indicator.baseline.trim()) parts.push(m.gdet_indicator_summary_baseline({ value: indicator.baseline.trim() }));
	if (indicator.target.trim()) parts.push(m.gdet_indicator_summary_target({ value: indicator.target.trim() }));
	const summary = parts.join(', ');
	return indicator.splitBySex ? `${summary} ${m.gdet_indicator_split_short()}` : summary;
}

/** Only named indicators count for the table (an unnamed one is a draft the panel flags). */
export function namedIndicators(indicators: Indicator[]): Indicator[] {
	return indicators.filter((indicator) => indicator.name.trim() !== '');
}

/** The objective tree's own wording: core "Cel główny", ends "Cel", means "Środek". */
export function sourceRoleLabel(role: ObjectiveSourceBox['role']): string {
	return roleLabel('objective', role === 'end' ? 'effect' : role === 'mean' ? 'cause' : 'core');
}

/** One option of the source select, indented by depth so the tree's shape shows. */
export function sourceOptionLabel(box: ObjectiveSourceBox): string {
	const text = box.text.trim() || m.gdet_empty_text();
	const short = text.length > 70 ? `${text.slice(0, 69)}…` : text;
	return `${'\u00a0\u00a0'.repeat(Math.max(box.depth - 1, 0))}${sourceRoleLabel(box.role)}: ${short}`;
}
