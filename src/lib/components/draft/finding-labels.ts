import type { CompletenessFinding } from '$lib/domain/draft/completeness';
import { m } from '$lib/paraglide/messages';

/** A completeness finding in the interface's words ("Działanie V.3 nie ma wskaźnika"). */
export function findingMessage(finding: CompletenessFinding, sectionTitles: Record<string, string>): string {
	const where = [finding.area, finding.number].filter(Boolean).join('.') || (finding.number ?? '');
	switch (finding.code) {
		case 'missing-text':
			return m.draft_finding_missing_text({ section: sectionTitles[finding.targetId] ?? finding.targetId });
		case 'no-diagnosis':
			return m.draft_finding_no_diagnosis();
		case 'no-goals':
			return m.draft_finding_no_goals();
		case 'strategic-goal-without-specific':
			return m.draft_finding_goal_without_specific({ goal: finding.number ?? '' });
		case 'strategic-goal-without-action':
			return m.draft_finding_goal_without_action({ goal: finding.number ?? '' });
		case 'action-without-indicator':
			return m.draft_finding_action_without_indicator({ action: where });
		case 'action-without-timeframe':
			return m.draft_finding_action_without_timeframe({ action: where });
		case 'action-bad-timeframe':
			return m.draft_finding_action_bad_timeframe({ action: where });
	}
}
