import type { TreeKind, TreeRole, TreeSvgLabels } from '$lib/domain/problem-tree';
import { m } from '$lib/paraglide/messages';
import { boardKindLabel } from '$lib/process-labels';
import { addAboveLabel, addBelowLabel, roleLabel } from './tree-labels';

export { roleLabel };

export function addLabels(kind: TreeKind): { below: string; above: string } {
	return { below: addBelowLabel(kind), above: addAboveLabel(kind) };
}

export function kindLabel(kind: TreeKind): string {
	return boardKindLabel(kind === 'objective' ? 'objective-tree' : 'problem-tree');
}

/** Every word of the exported drawing, in the interface language. */
export function svgLabels(kind: TreeKind, title?: string): TreeSvgLabels {
	const objective = kind === 'objective';
	return {
		title: title ?? kindLabel(kind),
		roles: { core: roleLabel(kind, 'core'), cause: roleLabel(kind, 'cause'), effect: roleLabel(kind, 'effect') },
		legend: {
			core: roleLabel(kind, 'core'),
			cause: objective ? m.tdiag_legend_objective_cause() : m.tdiag_legend_problem_cause(),
			effect: objective ? m.tdiag_legend_objective_effect() : m.tdiag_legend_problem_effect()
		},
		repaired: m.tdiag_repaired(),
		flagged: m.tdiag_flagged(),
		sourceMissing: m.tdiag_source_missing()
	};
}

/**
 * Every word a diagram box shows, looked up once per diagram: a message call resolves the
 * locale from the cookie each time, which adds up over hundreds of boxes.
 */
export interface DiagramLabels {
	roles: Record<TreeRole, string>;
	textLabels: Record<TreeRole, string>;
	addAbove: string;
	addBelow: string;
	edit: string;
	remove: string;
	empty: string;
	emptyEditable: string;
	emptyCore: string;
	placeholder: string;
	hasDetails: string;
	repaired: { text: string; hint: string };
	flagged: { text: string; hint: string };
	sourceMissing: { text: string; hint: string };
	editingBy: (names: string) => string;
}

export function diagramLabels(kind: TreeKind): DiagramLabels {
	const roles = { core: roleLabel(kind, 'core'), cause: roleLabel(kind, 'cause'), effect: roleLabel(kind, 'effect') };
	const adds = addLabels(kind);
	return {
		roles,
		textLabels: {
			core: m.tdiag_text_label({ role: roles.core }),
			cause: m.tdiag_text_label({ role: roles.cause }),
			effect: m.tdiag_text_label({ role: roles.effect })
		},
		addAbove: adds.above,
		addBelow: adds.below,
		edit: m.tdiag_edit(),
		remove: m.tdiag_delete(),
		empty: m.tdiag_empty(),
		emptyEditable: m.tdiag_empty_edit(),
		emptyCore: kind === 'objective' ? m.tdiag_empty_core_objective() : m.tdiag_empty_core_problem(),
		placeholder: m.tdiag_placeholder(),
		hasDetails: m.tdiag_has_details(),
		repaired: { text: m.tdiag_repaired(), hint: m.tdiag_repaired_hint() },
		flagged: { text: m.tdiag_flagged(), hint: m.tdiag_flagged_hint() },
		sourceMissing: { text: m.tdiag_source_missing(), hint: m.tdiag_source_missing_hint() },
		editingBy: (names) => m.tdiag_editing_by({ names })
	};
}
