import type { TreeRole } from '../problem-tree/derive';
import { layoutTree, type LayoutInput } from '../problem-tree/layout';
import { renderTreeSvg, type TreeSvgOptions } from '../problem-tree/tree-svg';
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

/** What one drawing shows: a LayoutInput whose boxes keep their children at hand. */
interface PartInput extends LayoutInput {
	core: DiagramBox;
	effects: DiagramBox[];
	causes: DiagramBox[];
}

/** The whole tree as one drawing (the preview scrolls it); null for a tree without boxes. */
export function draftTreeDiagram(tree: DraftTree, labels: DraftLabels, options: TreeSvgOptions = {}): TreeDiagram | null {
	const core = diagramTree(tree);
	if (!core) return null;
	return drawPart(tree, labels, options, { root: core, levels: WHOLE_TREE_LEVELS }, '');
}

/** The most a printed part may measure, in layout units. */
export interface PartLimits {
	maxWidth: number;
	maxHeight: number;
}

/**
 * The tree in parts that each fit the limits, for print. The first part is the core with as
 * many levels around it as fit; a box whose children did not fit starts a part of its own
 * (itself with the levels below or above it that fit), and so on. A tree that fits is one part.
 * A single box with more children than fit side by side is still one part, scaled down.
 */
export function draftTreeDiagramParts(tree: DraftTree, labels: DraftLabels, limits: PartLimits, options: TreeSvgOptions = {}): TreeDiagram[] {
	const core = diagramTree(tree);
	if (!core) return [];
	const parts: Array<{ root: DiagramBox; levels: number }> = [];
	const queue = [core];
	while (queue.length > 0) {
		const root = queue.shift()!;
		let levels = 1;
		while (levels < MAX_LEVELS && hasLevel(root, levels + 1) && fits(truncated(root, levels + 1), limits)) levels++;
		parts.push({ root, levels });
		queue.push(...boxesAtLevel(root, levels).filter((box) => box.children.length > 0));
	}
	return parts.map((part, i) => drawPart(tree, labels, options, part, parts.length > 1 ? labels.treeDiagram.part(i + 1, parts.length) : ''));
}

/** Deeper parts than this are cut even when they would fit, which also bounds the recursion below. */
const MAX_LEVELS = 12;
/** The whole tree's drawing stops this deep (the outline list under it goes on). */
const WHOLE_TREE_LEVELS = 200;

function drawPart(tree: DraftTree, labels: DraftLabels, options: TreeSvgOptions, part: { root: DiagramBox; levels: number }, partLabel: string): TreeDiagram {
	const input = truncated(part.root, part.levels);
	const layout = layoutTree(input);
	// A part below the core starts at a cause or an effect: drawn as one, not as the core.
	if (part.root.role !== 'core') layout.boxes[0].role = part.root.role;
	const svg = renderTreeSvg(
		{ treeKind: tree.treeKind, byId: new Map() },
		layout,
		{
			roles: labels.treeRoles[tree.treeKind],
			legend: labels.treeDiagram.legend[tree.treeKind],
			// The draft keeps no repair or wording flags: the diagram shows the tree as agreed.
			repaired: '',
			flagged: '',
			sourceMissing: ''
		},
		options
	);
	const size = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg);
	return { svg, width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0), alt: altText(tree, labels, part.root, input, partLabel) };
}

/** The layout's input for a box and `levels` levels of boxes around it (causes below, effects above). */
function truncated(root: DiagramBox, levels: number): PartInput {
	const cut = (box: DiagramBox, left: number): DiagramBox => ({ ...box, children: left > 0 ? box.children.map((child) => cut(child, left - 1)) : [] });
	const children = root.children.map((child) => cut(child, levels - 1));
	const core = { ...root, children };
	if (root.role === 'core') return { core, effects: children.filter((box) => box.role === 'effect'), causes: children.filter((box) => box.role !== 'effect') };
	return root.role === 'effect' ? { core, effects: children, causes: [] } : { core, effects: [], causes: children };
}

function fits(input: LayoutInput, limits: PartLimits): boolean {
	const { bounds } = layoutTree(input);
	return bounds.width <= limits.maxWidth && bounds.height <= limits.maxHeight;
}

function hasLevel(root: DiagramBox, level: number): boolean {
	return boxesAtLevel(root, level).length > 0;
}

function boxesAtLevel(root: DiagramBox, level: number): DiagramBox[] {
	let row = [root];
	for (let i = 0; i < level && row.length > 0; i++) row = row.flatMap((box) => box.children);
	return row;
}

/**
 * The tree from the stored outline: the core and every box under its parent. A box's parent is
 * its `parentId`; an outline saved without one (or pointing at a box that is not there) falls
 * back to the depth-first order: the nearest earlier box one level up.
 */
function diagramTree(tree: DraftTree): DiagramBox | null {
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
	return core;
}

/** The whole tree's outline in words (the first part's when printed in parts starts the same way). */
export function draftTreeAltText(tree: DraftTree, labels: DraftLabels): string {
	const core = diagramTree(tree);
	const heading = `${labels.treeDiagram.diagram} — ${withKind(tree.treeKind === 'objective' ? labels.objectiveTree : labels.problemTree, tree.title)}`;
	return core ? altText(tree, labels, core, truncated(core, WHOLE_TREE_LEVELS), '') : `${heading}.`;
}

/**
 * What a part shows, in sentences, as a screen reader reads it in place of the picture: the
 * heading, the core, then every group of boxes under its parent, effects before causes, e.g.
 * "Problem główny: „…”. Skutki problemu głównego: „…”; „…”. Przyczyny „…”: „…”."
 */
function altText(tree: DraftTree, labels: DraftLabels, root: DiagramBox, input: PartInput, partLabel: string): string {
	const words = labels.treeDiagram;
	const legend = words.legend[tree.treeKind];
	const kind = tree.treeKind === 'objective' ? labels.objectiveTree : labels.problemTree;
	const sentences = [`${words.diagram} — ${withKind(kind, tree.title)}${partLabel ? `, ${partLabel}` : ''}`];
	const quoted = (box: DiagramBox) => {
		const text = box.text.replace(/\s+/g, ' ').trim();
		return text ? words.quote(text) : words.emptyBox;
	};
	const isCore = root.role === 'core';
	if (isCore) sentences.push(`${labels.treeRoles[tree.treeKind].core}: ${quoted(input.core)}`);
	const parentName = (box: DiagramBox) => (box === input.core && isCore ? words.coreOf[tree.treeKind] : quoted(box));
	for (const half of [input.effects, input.causes]) {
		if (half.length === 0) continue;
		sentences.push(`${words.groupOf(legend[half[0].role], parentName(input.core))}: ${half.map(quoted).join('; ')}`);
		// Depth first without recursion, so a deep tree cannot exhaust the stack.
		const stack = [...half].reverse();
		while (stack.length > 0) {
			const box = stack.pop()!;
			if (box.children.length === 0) continue;
			sentences.push(`${words.groupOf(legend[box.children[0].role], quoted(box))}: ${box.children.map(quoted).join('; ')}`);
			for (let i = box.children.length - 1; i >= 0; i--) stack.push(box.children[i]);
		}
	}
	return sentences.map((sentence) => (/[.!?…]$/.test(sentence) ? sentence : `${sentence}.`)).join(' ');
}
