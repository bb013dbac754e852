import { m } from '$lib/paraglide/messages';

type TreeKind = 'problem' | 'objective';
type TreeRole = 'core' | 'cause' | 'effect';

/**
 * Names of the boxes by tree kind: the same positions mean different things once a problem
 * tree has become an objective tree (causes turn into means, effects into ends).
 */
const ROLE_LABELS: Record<TreeKind, Record<TreeRole, () => string>> = {
	problem: { core: m.ptree_role_problem_core, cause: m.ptree_role_problem_cause, effect: m.ptree_role_problem_effect },
	objective: { core: m.ptree_role_objective_core, cause: m.ptree_role_objective_cause, effect: m.ptree_role_objective_effect }
};

export function roleLabel(treeKind: TreeKind, role: TreeRole): string {
	return ROLE_LABELS[treeKind][role]();
}

/** "Add a cause" adds below, "add an effect" above, whatever the tree kind calls them. */
export function addBelowLabel(treeKind: TreeKind): string {
	return treeKind === 'objective' ? m.ptree_add_means() : m.ptree_add_cause();
}

export function addAboveLabel(treeKind: TreeKind): string {
	return treeKind === 'objective' ? m.ptree_add_end() : m.ptree_add_effect();
}

/** What a screen reader and the outline show for a box whose text is still empty. */
export function boxDisplayText(text: string): string {
	return text.trim() || m.ptree_empty_text();
}
