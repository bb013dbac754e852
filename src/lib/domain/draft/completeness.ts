import { findSection, type SectionId, type StrategyDraft } from './model';

/**
 * What the draft still lacks against art. 16b of the social assistance act (diagnosis, forecast,
 * strategic goals, action directions, implementation and its financial framework, indicators;
 * services and NGO tasks for municipal and county strategies) and against the goals board's own
 * rules (every action has an indicator and a timeframe). Findings inform, they never block an
 * export or a version: a first draft is expected to be incomplete.
 * Each finding names the stable id it is about, so the preview can link to it; the UI words it.
 */
export type CompletenessCode =
	| 'missing-text'
	| 'no-diagnosis'
	| 'no-goals'
	| 'strategic-goal-without-specific'
	| 'strategic-goal-without-action'
	| 'action-without-indicator'
	| 'action-without-timeframe'
	| 'action-bad-timeframe';

export interface CompletenessFinding {
	code: CompletenessCode;
	/** Stable id of the section, goal or action concerned. */
	targetId: string;
	/** For the message: the area's number and the goal's number or the action's Lp. */
	area?: string;
	number?: string;
}

/** Sections the law requires that consist of text the team writes. */
export const REQUIRED_TEXT_SECTIONS: readonly SectionId[] = ['forecast', 'implementation', 'financial-framework', 'services', 'ngo-tasks'];

const ACTION_PROBLEM_CODES = {
	'no-indicator': 'action-without-indicator',
	'no-timeframe': 'action-without-timeframe',
	'bad-timeframe': 'action-bad-timeframe'
} as const;

export function checkCompleteness(draft: StrategyDraft): CompletenessFinding[] {
	const findings: CompletenessFinding[] = [];
	const diagnosis = findSection(draft, 'diagnosis');
	const hasDiagnosisBoard = diagnosis?.areas.some((area) => area.problemTrees.length + area.inactionCards.length + area.matrices.length > 0) ?? false;
	if (!hasDiagnosisBoard && (diagnosis?.paragraphs.length ?? 0) === 0) findings.push({ code: 'no-diagnosis', targetId: 'diagnosis' });

	const goals = findSection(draft, 'goals');
	const strategic = goals?.areas.flatMap((area) => area.strategic.map((goal) => ({ area, goal }))) ?? [];
	if (strategic.length === 0) findings.push({ code: 'no-goals', targetId: 'goals' });
	for (const { area, goal } of strategic) {
		if (goal.specific.length === 0) findings.push({ code: 'strategic-goal-without-specific', targetId: goal.id, area: area.number, number: goal.number });
		if (goal.actions.length === 0) findings.push({ code: 'strategic-goal-without-action', targetId: goal.id, area: area.number, number: goal.number });
		for (const action of goal.actions) {
			for (const problem of action.problems) {
				findings.push({ code: ACTION_PROBLEM_CODES[problem], targetId: action.id, area: area.number, number: String(action.number) });
			}
		}
	}

	for (const id of REQUIRED_TEXT_SECTIONS) {
		const section = draft.sections.find((entry) => entry.id === id);
		if (!section || section.paragraphs.length === 0) findings.push({ code: 'missing-text', targetId: id });
	}
	return findings;
}

/**
 * The findings with the written sections judged by their live text instead of the text the
 * draft was consolidated from: on the draft page a "missing" section stops being listed as soon
 * as someone writes in it, and comes back if it is emptied. `liveText` gives null for a section
 * it does not hold (its finding stays as consolidated).
 */
export function withLiveTexts(findings: readonly CompletenessFinding[], liveText: (id: SectionId) => string | null): CompletenessFinding[] {
	const missing = (id: SectionId) => {
		const text = liveText(id);
		return text === null ? findings.some((finding) => finding.code === 'missing-text' && finding.targetId === id) : text.trim() === '';
	};
	return [
		...findings.filter((finding) => finding.code !== 'missing-text'),
		...REQUIRED_TEXT_SECTIONS.filter(missing).map((id): CompletenessFinding => ({ code: 'missing-text', targetId: id }))
	];
}
