import type { TreeRole } from '../problem-tree/derive';
import { layoutTree, type LayoutInput } from '../problem-tree/layout';
import { renderTreeSvg } from '../problem-tree/tree-svg';
import type { DraftLabels } from './labels';
import type { DraftTree } from './model';
import { withKind } from './table-rows';

/**
 * A draft's problem (or objective) tree as a diagram: the same SVG the board exports, drawn from
 * the stored model (never from a board), and its text alternative. Pure, so the preview draws it
 * in the page and the server rasterises it for DOCX and PDF (lib/export/tree-image.ts).
 */
export interface TreeDiagram {
	svg: string;
	/** The SVG's size in layout units (CSS pixels at zoom 1). */
	width: number;
	height: number;
	/** The tree's outline in words, in the draft's language: the figure's alternative text. */
	alt: string;
}

interface DiagramBox {
	id: string;
	text: string;
	role: TreeRole;
	children: DiagramBox[];
}

/** Null for a tree without boxes: there is nothing to draw. */
export function draftTreeDiagram(tree: DraftTree, labels: DraftLabels): TreeDiagram | null {
	const input = draftTreeLayoutInput(tree);
	if (!input) return null;
	const layout = layoutTree(input);
	const svg = renderTreeSvg({ treeKind: tree.treeKind, byId: new Map() }, layout, {
		roles: labels.treeRoles[tree.treeKind],
		legend: labels.treeDiagram.legend[tree.treeKind],
		// The draft keeps no repair or wording flags: the diagram shows the tree as agreed.
		repaired: '',
		flagged: '',
		sourceMissing: ''
	});
	const size = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg);
	return { svg, width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0), alt: draftTreeAltText(tree, labels) };
}

/**
 * The layout's input from the stored outline: the core, its causes and effects, each with its
 * subtree. A box's parent is its `parentId`; an outline saved without one (or pointing at a box
 * that is not there) falls back to the depth-first order: the nearest earlier box one level up.
 */
export function draftTreeLayoutInput(tree: DraftTree): LayoutInput | null {
	const root = tree.boxes.find((box) => box.parentId === null || box.depth === 0);
	if (!root) return null;
	const core: DiagramBox = { id: root.id, text: root.text, role: 'core', children: [] };
	const byId = new Map<string, DiagramBox>([[root.id, core]]);
	const lastAtDepth: DiagramBox[] = [core];
	for (const box of tree.boxes) {
		if (box === root) continue;
		const node: DiagramBox = { id: box.id, text: box.text, role: box.role === 'core' ? 'cause' : box.role, children: [] };
		const depth = Math.max(1, box.depth);
		const parent = (box.parentId ? byId.get(box.parentId) : undefined) ?? lastAtDepth[Math.min(depth, lastAtDepth.length) - 1] ?? core;
		parent.children.push(node);
		byId.set(box.id, node);
		lastAtDepth.length = Math.min(lastAtDepth.length, depth);
		lastAtDepth[depth] = node;
	}
	return {
		core,
		effects: core.children.filter((box) => box.role === 'effect'),
		causes: core.children.filter((box) => box.role !== 'effect')
	};
}

/**
 * The outline in sentences, as a screen reader reads it in place of the picture: the heading,
 * the core, then every group of boxes under its parent, effects before causes, e.g.
 * "Problem główny: „…”. Skutki problemu głównego: „…”; „…”. Przyczyny „…”: „…”."
 */
export function draftTreeAltText(tree: DraftTree, labels: DraftLabels): string {
	const words = labels.treeDiagram;
	const kind = tree.treeKind === 'objective' ? labels.objectiveTree : labels.problemTree;
	const input = draftTreeLayoutInput(tree);
	const sentences = [`${words.diagram} — ${withKind(kind, tree.title)}`];
	if (!input) return `${sentences[0]}.`;
	const quoted = (box: DiagramBox) => {
		const text = box.text.replace(/\s+/g, ' ').trim();
		return text ? words.quote(text) : words.emptyBox;
	};
	sentences.push(`${labels.treeRoles[tree.treeKind].core}: ${quoted(input.core)}`);
	const coreOf = words.coreOf[tree.treeKind];
	for (const half of [input.effects, input.causes]) {
		if (half.length === 0) continue;
		sentences.push(`${words.groupOf(words.legend[tree.treeKind][half[0].role], coreOf)}: ${half.map(quoted).join('; ')}`);
		// Depth first without recursion, so a very deep tree cannot exhaust the stack.
		const stack = [...half].reverse();
		while (stack.length > 0) {
			const box = stack.pop()!;
			if (box.children.length === 0) continue;
			sentences.push(`${words.groupOf(words.legend[tree.treeKind][box.children[0].role], quoted(box))}: ${box.children.map(quoted).join('; ')}`);
			for (let i = box.children.length - 1; i >= 0; i--) stack.push(box.children[i]);
		}
	}
	return sentences.map((sentence) => (/[.!?…]$/.test(sentence) ? sentence : `${sentence}.`)).join(' ');
}
