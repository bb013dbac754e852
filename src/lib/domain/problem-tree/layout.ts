import { hierarchy, tree as tidyTree, type HierarchyPointNode } from 'd3-hierarchy';

/**
 * Sizes in layout units (CSS pixels at zoom 1). The defaults give 16 px text in 240 px wide
 * boxes: about 26 characters a line, which reads on a projector and fits five or six boxes
 * side by side on a 13" laptop before the diagram needs zooming out.
 */
export interface TreeLayoutOptions {
	boxWidth: number;
	/** The core box is wider: it is the one statement everything hangs on. */
	coreWidth: number;
	fontSize: number;
	lineHeight: number;
	/** The row above the text that names the box's role (colour is never the only cue). */
	labelHeight: number;
	padding: number;
	/** Horizontal space between neighbouring boxes of one row. */
	gapX: number;
	/** Vertical space between rows, where the connectors run. */
	gapY: number;
	/**
	 * Width of a text in ems, to wrap lines before the browser does. The default estimates it
	 * per character from DejaVu Sans, the widest common interface font, so lines fit in others.
	 */
	measure: (text: string) => number;
	/** How much wider the core's bolder text runs. */
	coreWidthFactor: number;
	/** Boxes never shrink below this many text lines, so an empty box is still a target. */
	minLines: number;
	/** Longer texts are cut (with an ellipsis) in the diagram; the full text stays in the doc. */
	maxChars: number;
}

export const DEFAULT_TREE_LAYOUT: TreeLayoutOptions = {
	boxWidth: 240,
	coreWidth: 320,
	fontSize: 16,
	lineHeight: 21,
	labelHeight: 20,
	padding: 10,
	gapX: 28,
	gapY: 48,
	measure: estimateTextWidth,
	coreWidthFactor: 1.1,
	minLines: 2,
	maxChars: 500
};

export interface BoxLayout {
	id: string;
	role: TreeRole;
	depth: number;
	/** Top-left corner and size, in layout units; the core box is centred on (0, 0). */
	x: number;
	y: number;
	width: number;
	height: number;
	/** The text as it is drawn, already wrapped, so the diagram and the SVG export agree. */
	lines: string[];
}

export interface ConnectorLayout {
	/** The box closer to the core and the one further out. */
	parentId: string;
	childId: string;
	/**
	 * SVG path data, drawn from the lower box's top edge to the upper box's bottom edge, so an
	 * arrow at its end points from cause to effect (and from means to ends) everywhere.
	 */
	path: string;
	/** Where the arrow ends: the middle of the upper box's bottom edge. */
	end: { x: number; y: number };
}

export interface TreeLayout {
	boxes: BoxLayout[];
	byId: Map<string, BoxLayout>;
	connectors: ConnectorLayout[];
	bounds: { x: number; y: number; width: number; height: number };
	options: TreeLayoutOptions;
}

/**
 * What the layout reads of a derived tree (a `DerivedTree` fits). Written out structurally so
 * the layout depends on nothing but the shape it draws.
 */
export interface LayoutInput {
	core: LayoutBox;
	causes: readonly LayoutBox[];
	effects: readonly LayoutBox[];
}
interface LayoutBox {
	id: string;
	text: string;
	role: TreeRole;
	children: readonly LayoutBox[];
}
type TreeRole = 'core' | 'cause' | 'effect';

/**
 * Places every box: the core in the middle, causes in rows below it and effects in rows above
 * it, each half laid out by d3's tidy tree (siblings side by side, parents centred over their
 * children, subtrees packed as close as they go without touching). Rows take the height of
 * their tallest box, so boxes of one row line up and no two boxes overlap.
 */
export function layoutTree(tree: LayoutInput, options: Partial<TreeLayoutOptions> = {}): TreeLayout {
	const o = { ...DEFAULT_TREE_LAYOUT, ...options };
	const boxes: BoxLayout[] = [];
	const connectors: ConnectorLayout[] = [];

	const coreLines = wrapBoxText(tree.core.text, innerWidthEm(o.coreWidth, o) / o.coreWidthFactor, o);
	const coreHeight = boxHeight(coreLines.length, o);
	const core: BoxLayout = {
		id: tree.core.id,
		role: 'core',
		depth: 0,
		x: -o.coreWidth / 2,
		y: -coreHeight / 2,
		width: o.coreWidth,
		height: coreHeight,
		lines: coreLines
	};
	boxes.push(core);

	layoutHalf(tree.causes, 'down', core, o, boxes, connectors);
	layoutHalf(tree.effects, 'up', core, o, boxes, connectors);

	return { boxes, byId: new Map(boxes.map((box) => [box.id, box])), connectors, bounds: boundsOf(boxes), options: o };
}

/**
 * One half of the tree. d3 gives the horizontal positions (depth is only a row number here);
 * rows are then stacked away from the core: tops aligned below it, bottoms aligned above it,
 * so the connectors of one row meet its boxes on one line.
 */
function layoutHalf(
	roots: readonly LayoutBox[],
	direction: 'down' | 'up',
	core: BoxLayout,
	o: TreeLayoutOptions,
	out: BoxLayout[],
	connectors: ConnectorLayout[]
) {
	if (roots.length === 0) return;
	const root = hierarchy<LayoutBox | null>(null, (box) => (box === null ? roots : box.children));
	const placed = tidyTree<LayoutBox | null>()
		.nodeSize([o.boxWidth + o.gapX, 1])
		// Cousins get a little more air than siblings, so families read as groups.
		.separation((a, b) => (a.parent === b.parent ? 1 : 1.15))(root);

	const rows: HierarchyPointNode<LayoutBox | null>[][] = [];
	const wrapped = new Map<HierarchyPointNode<LayoutBox | null>, string[]>();
	const perLine = innerWidthEm(o.boxWidth, o);
	for (const node of placed.descendants()) {
		if (node.depth === 0 || !node.data) continue;
		(rows[node.depth] ??= []).push(node);
		wrapped.set(node, wrapBoxText(node.data.text, perLine, o));
	}

	const layoutOf = new Map<HierarchyPointNode<LayoutBox | null>, BoxLayout>([[placed, core]]);
	let edge = direction === 'down' ? core.y + core.height : core.y;
	for (let depth = 1; depth < rows.length; depth++) {
		const row = rows[depth];
		const rowHeight = Math.max(...row.map((node) => boxHeight(wrapped.get(node)!.length, o)));
		for (const node of row) {
			const box = node.data!;
			const lines = wrapped.get(node)!;
			const height = boxHeight(lines.length, o);
			const y = direction === 'down' ? edge + o.gapY : edge - o.gapY - height;
			const layout: BoxLayout = { id: box.id, role: box.role, depth, x: node.x - o.boxWidth / 2, y, width: o.boxWidth, height, lines };
			layoutOf.set(node, layout);
			out.push(layout);
			connectors.push(connect(layoutOf.get(node.parent!)!, layout, direction, o));
		}
		edge = direction === 'down' ? edge + o.gapY + rowHeight : edge - o.gapY - rowHeight;
	}
}

/** An elbow: out of the lower box, across at half the row gap, into the upper box. */
function connect(parent: BoxLayout, child: BoxLayout, direction: 'down' | 'up', o: TreeLayoutOptions): ConnectorLayout {
	const [lower, upper] = direction === 'down' ? [child, parent] : [parent, child];
	const startX = lower.x + lower.width / 2;
	const endX = upper.x + upper.width / 2;
	const startY = lower.y;
	const endY = upper.y + upper.height;
	const bendY = direction === 'down' ? child.y - o.gapY / 2 : child.y + child.height + o.gapY / 2;
	const path = `M${r(startX)} ${r(startY)}V${r(bendY)}H${r(endX)}V${r(endY)}`;
	return { parentId: parent.id, childId: child.id, path, end: { x: r(endX), y: r(endY) } };
}

export function boxHeight(lineCount: number, o: TreeLayoutOptions = DEFAULT_TREE_LAYOUT): number {
	return 2 * o.padding + o.labelHeight + Math.max(lineCount, o.minLines) * o.lineHeight;
}

/** The text width of a box in ems (less its border, which the padding does not cover). */
function innerWidthEm(width: number, o: TreeLayoutOptions): number {
	return (width - 2 * o.padding - 4) / o.fontSize;
}

function wrapBoxText(text: string, maxWidth: number, o: TreeLayoutOptions): string[] {
	const shown = text.length > o.maxChars ? `${text.slice(0, o.maxChars - 1).trimEnd()}…` : text;
	return wrapText(shown, maxWidth, o.measure);
}

/**
 * Greedy word wrap: lines no wider than `maxWidth` as `measure` counts (ems by default; pass
 * `(s) => s.length` to count characters). Words longer than a line are cut, explicit line
 * breaks are kept, runs of spaces collapse. An empty text is one empty line.
 */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number = estimateTextWidth): string[] {
	const lines: string[] = [];
	const space = measure(' ');
	for (const paragraph of text.split(/\r?\n/)) {
		let line = '';
		let lineWidth = 0;
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			const wordWidth = measure(word);
			if (line && lineWidth + space + wordWidth <= maxWidth) {
				line += ` ${word}`;
				lineWidth += space + wordWidth;
				continue;
			}
			if (line) lines.push(line);
			[line, lineWidth] = [word, wordWidth];
			if (wordWidth > maxWidth) {
				const pieces = cutWord(word, maxWidth, measure);
				line = pieces.pop()!;
				lineWidth = measure(line);
				lines.push(...pieces);
			}
		}
		lines.push(line);
	}
	// Blank lines the person typed at the end add nothing to read.
	while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
	return lines;
}

/** Cuts a word too long for a line into pieces that fit (at least one character each). */
function cutWord(word: string, maxWidth: number, measure: (text: string) => number): string[] {
	const pieces: string[] = [];
	let piece = '';
	for (const char of word) {
		if (piece && measure(piece + char) > maxWidth) {
			pieces.push(piece);
			piece = '';
		}
		piece += char;
	}
	pieces.push(piece);
	return pieces;
}

/**
 * Width of a text in ems, from per-character classes measured on DejaVu Sans (Linux's default
 * interface font and wider than Segoe UI or Roboto): capitals and m/w run wide, i/l/ł narrow.
 * Abbreviations like "PCPR" or "MOPS" are common in this field, so capitals are not averaged away.
 */
export function estimateTextWidth(text: string): number {
	let width = 0;
	for (const char of text) {
		let known = charWidths.get(char);
		if (known === undefined) charWidths.set(char, (known = charWidth(char)));
		width += known;
	}
	return width;
}

const charWidths = new Map<string, number>();

function charWidth(char: string): number {
	if (char === ' ' || /[ijlłI.,;:!'|]/.test(char)) return 0.32;
	if (/[frt()\-/[\]"]/.test(char)) return 0.42;
	if (/[cszćśźż?„”]/.test(char)) return 0.55;
	if (/[kvxy]/.test(char)) return 0.6;
	if (char === 'm' || char === 'M' || char === 'W' || char === '%' || char === '—') return 0.99;
	if (char === 'w') return 0.83;
	if (/[0-9]/.test(char)) return 0.64;
	if (/\p{Lu}/u.test(char)) return 0.73;
	if (/\p{L}/u.test(char) && char.codePointAt(0)! < 0x2e80) return 0.63;
	// Anything else (CJK, emoji, symbols) is drawn about square.
	return 1;
}

function boundsOf(boxes: BoxLayout[]) {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const box of boxes) {
		minX = Math.min(minX, box.x);
		minY = Math.min(minY, box.y);
		maxX = Math.max(maxX, box.x + box.width);
		maxY = Math.max(maxY, box.y + box.height);
	}
	return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * All connectors as two path strings, the lines and the arrowheads (one per box end, shared by
 * siblings): two SVG elements draw a tree of any size, where one element per connector would
 * cost hundreds of nodes.
 */
export function connectorPaths(layout: Pick<TreeLayout, 'connectors'>, arrow = 6): { lines: string; arrows: string } {
	const ends = new Map<string, { x: number; y: number }>();
	for (const { end } of layout.connectors) ends.set(`${end.x},${end.y}`, end);
	const arrows = [...ends.values()].map(({ x, y }) => `M${x} ${y}l${-arrow / 2} ${arrow * 1.4}h${arrow}z`);
	return { lines: layout.connectors.map((c) => c.path).join(''), arrows: arrows.join('') };
}

const r = (value: number) => Math.round(value * 10) / 10;
