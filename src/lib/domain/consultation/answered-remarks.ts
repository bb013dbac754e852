import type { DraftAnsweredRemark, DraftSource, StrategyDraft } from '../draft/model';
import { draftIds } from '../draft/model';
import { changeLabels } from './change-labels';

/**
 * A version records the remarks whose change it carries: the list itself, and on every goal and
 * action the remark targets (or whose id the change was made on) a source pointing back to the
 * remark, so the document shows which remarks led to which action. Pure: returns a new draft.
 */
export function withAnsweredRemarks(draft: StrategyDraft, remarks: readonly DraftAnsweredRemark[]): StrategyDraft {
	const labels = changeLabels(draft.language);
	const sourcesFor = (itemId: string): DraftSource[] =>
		remarks
			.filter((remark) => remark.targetId === itemId || remark.changeTargetId === itemId)
			.map((remark) => ({ kind: 'remark', targetId: draftIds.remark(remark.remarkId), label: labels.remarkSource(remark.number, remark.roundTitle), missing: false }));
	const withSources = <T extends { id: string; sources: DraftSource[] }>(item: T): T => {
		const added = sourcesFor(item.id);
		return added.length === 0 ? item : { ...item, sources: [...item.sources, ...added] };
	};
	const sections = draft.sections.map((section) =>
		section.kind !== 'goals'
			? section
			: {
					...section,
					areas: section.areas.map((area) => ({
						...area,
						strategic: area.strategic.map((goal) => ({
							...withSources(goal),
							specific: goal.specific.map(withSources),
							actions: goal.actions.map(withSources)
						}))
					}))
				}
	);
	return { ...draft, sections, answeredRemarks: [...remarks] };
}
