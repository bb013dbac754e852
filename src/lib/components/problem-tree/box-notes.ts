import type { TreeBox } from '$lib/domain/problem-tree';
import { suggestObjectiveWording } from '$lib/domain/problem-tree/objective-wording';
import { m } from '$lib/paraglide/messages';

/**
 * What a box's marks say, shared by the outline, the details panel (and the diagram, if it
 * wants): a short visible mark, and the explanation a person needs to act on it.
 */
export interface BoxNote {
	kind: 'repaired' | 'flagged' | 'state-hint' | 'source-missing';
	mark: string;
	explanation: string;
}

export function boxNotes(box: TreeBox): BoxNote[] {
	const notes: BoxNote[] = [];
	if (box.repaired === 'orphan') notes.push({ kind: 'repaired', mark: m.ptree_repaired_orphan(), explanation: m.ptree_repaired_orphan_hint() });
	if (box.repaired === 'cycle') notes.push({ kind: 'repaired', mark: m.ptree_repaired_cycle(), explanation: m.ptree_repaired_cycle_hint() });
	const objective = box.objective;
	if (!objective) return notes;
	if (objective.sourceMissing) notes.push({ kind: 'source-missing', mark: m.ptree_source_missing(), explanation: m.ptree_source_missing_hint() });
	if (objective.wording === 'flagged' && !objective.rephrased) {
		notes.push({ kind: 'flagged', mark: m.ptree_flagged(), explanation: m.ptree_flagged_hint() });
	}
	// The doc keeps no hint: the wording rules are pure, so asking them again gives the hint the conversion gave.
	if (objective.wording === 'suggested' && givesStateHint(objective.originalText)) {
		notes.push({ kind: 'state-hint', mark: m.ptree_state_hint(), explanation: m.otree_hint_state_not_activity() });
	}
	return notes;
}

function givesStateHint(problemText: string): boolean {
	const suggestion = suggestObjectiveWording(problemText);
	return suggestion.wording === 'suggested' && suggestion.hint === 'state-not-activity';
}
