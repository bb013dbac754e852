import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectorPaths, layoutTree, wrapText, type BoxLayout, type LayoutInput } from '../../src/lib/domain/problem-tree/layout';

type Role = 'core' | 'cause' | 'effect';
interface Box {
	id: string;
	text: string;
	role: Role;
	children: Box[];
}

/** A tree shaped like a derived tree: `parents[i]` is the index of box i+1's parent (0 = core). */
function buildTree(parents: number[], sides: boolean[], texts: string[]): LayoutInput & { all: Box[] } {
	const core: Box = { id: 'core', text: texts[0] ?? 'Problem', role: 'core', children: [] };
	const all = [core];
	parents.forEach((parentIndex, i) => {
		const parent = all[parentIndex % all.length];
		const role: Role = parent.role === 'core' ? (sides[i] ? 'cause' : 'effect') : parent.role;
		const box: Box = { id: `b${i + 1}`, text: texts[(i + 1) % texts.length] ?? '', role, children: [] };
		parent.children.push(box);
		all.push(box);
	});
	return {
		core,
		causes: core.children.filter((b) => b.role === 'cause'),
		effects: core.children.filter((b) => b.role === 'effect'),
		all
	};
}

function overlaps(a: BoxLayout, b: BoxLayout): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function firstOverlap(boxes: BoxLayout[]): [string, string] | null {
	for (let i = 0; i < boxes.length; i++) {
		for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i], boxes[j])) return [boxes[i].id, boxes[j].id];
	}
	return null;
}

const textArbitrary = fc.oneof(
	fc.constant(''),
	fc.constant('Brak koordynacji działań między instytucjami'),
	fc.constant('Długi czas oczekiwania na terapię uzależnień w powiecie, szczególnie dla młodzieży z terenów wiejskich'),
	fc.string({ maxLength: 600 })
);

const treeArbitrary = fc
	.integer({ min: 0, max: 80 })
	.chain((size) =>
		fc.tuple(
			fc.array(fc.nat(), { minLength: size, maxLength: size }),
			fc.array(fc.boolean(), { minLength: size, maxLength: size }),
			fc.array(textArbitrary, { minLength: 1, maxLength: 12 })
		)
	)
	.map(([parents, sides, texts]) => buildTree(parents, sides, texts));

describe('problem tree layout', () => {
	it('places every box once, never two boxes on top of each other', () => {
		fc.assert(
			fc.property(treeArbitrary, (tree) => {
				const layout = layoutTree(tree);
				expect(layout.boxes.map((b) => b.id).sort()).toEqual(tree.all.map((b) => b.id).sort());
				expect(firstOverlap(layout.boxes)).toBeNull();
			}),
			{ numRuns: 150 }
		);
	});

	it('puts causes below the core and effects above it, each level further out than its parent', () => {
		fc.assert(
			fc.property(treeArbitrary, (tree) => {
				const layout = layoutTree(tree);
				const core = layout.byId.get('core')!;
				for (const box of tree.all) {
					const placed = layout.byId.get(box.id)!;
					if (box.role === 'cause') expect(placed.y).toBeGreaterThanOrEqual(core.y + core.height);
					if (box.role === 'effect') expect(placed.y + placed.height).toBeLessThanOrEqual(core.y);
					for (const child of box.children) {
						const below = layout.byId.get(child.id)!;
						if (child.role === 'cause') expect(below.y).toBeGreaterThan(placed.y + placed.height);
						else expect(below.y + below.height).toBeLessThan(placed.y);
					}
				}
			}),
			{ numRuns: 100 }
		);
	});

	it('draws one connector per parent and child, joining their facing edges', () => {
		const tree = buildTree([0, 0, 0, 1, 1, 2, 3], [true, true, false, true, true, true, true], ['Core', 'x']);
		const layout = layoutTree(tree);
		expect(layout.connectors).toHaveLength(tree.all.length - 1);
		for (const box of tree.all) {
			for (const child of box.children) {
				const connector = layout.connectors.find((c) => c.childId === child.id)!;
				expect(connector.parentId).toBe(box.id);
				const [lower, upper] = child.role === 'cause' ? [child, box] : [box, child];
				const from = layout.byId.get(lower.id)!;
				const to = layout.byId.get(upper.id)!;
				const numbers = connector.path.match(/-?\d+(\.\d+)?/g)!.map(Number);
				// M startX startY … V endY: starts on the lower box's top edge, ends on the upper box's bottom edge.
				expect(numbers[0]).toBeCloseTo(from.x + from.width / 2, 0);
				expect(numbers[1]).toBeCloseTo(from.y, 0);
				expect(numbers.at(-1)).toBeCloseTo(to.y + to.height, 0);
			}
		}
	});

	it('draws all connectors as one line path and one arrowhead per parent edge', () => {
		// Three causes share the core's bottom edge, one cause has a child of its own.
		const tree = buildTree([0, 0, 0, 1], [true, true, true, true], ['Core', 'x']);
		const { lines, arrows } = connectorPaths(layoutTree(tree));
		expect(lines.match(/M/g)).toHaveLength(4);
		expect(arrows.match(/M/g)).toHaveLength(2);
	});

	it('keeps siblings in their order from left to right and centres a parent over its children', () => {
		const tree = buildTree([0, 0, 0], [true, true, true], ['Core', 'a', 'b', 'c']);
		const layout = layoutTree(tree);
		const [a, b, c] = ['b1', 'b2', 'b3'].map((id) => layout.byId.get(id)!);
		expect(a.x).toBeLessThan(b.x);
		expect(b.x).toBeLessThan(c.x);
		expect(b.y).toBe(a.y);
		const core = layout.byId.get('core')!;
		expect(b.x + b.width / 2).toBeCloseTo(core.x + core.width / 2);
	});

	it('makes a box taller when its text needs more lines', () => {
		const long = 'Niewystarczająca liczba miejsc w mieszkaniach chronionych i wspomaganych dla osób opuszczających pieczę zastępczą oraz dla osób z niepełnosprawnościami';
		const tree = buildTree([0, 0], [true, true], ['Core', 'Krótko', long]);
		const layout = layoutTree(tree);
		const short = layout.byId.get('b1')!;
		const tall = layout.byId.get('b2')!;
		expect(tall.height).toBeGreaterThan(short.height);
		expect(tall.lines.join(' ')).toBe(long);
	});

	it('returns a bounding box that holds every box', () => {
		const tree = buildTree([0, 0, 1, 2, 0], [true, false, true, true, true], ['Core', 'some text here']);
		const { bounds, boxes } = layoutTree(tree);
		for (const box of boxes) {
			expect(box.x).toBeGreaterThanOrEqual(bounds.x);
			expect(box.y).toBeGreaterThanOrEqual(bounds.y);
			expect(box.x + box.width).toBeLessThanOrEqual(bounds.x + bounds.width);
			expect(box.y + box.height).toBeLessThanOrEqual(bounds.y + bounds.height);
		}
	});

	it('lays out 300 boxes without overlaps, and stays compact', () => {
		// A workshop-sized tree: 6 effects and 6 causes on the core, each branching a few levels down.
		const parents: number[] = [];
		const sides: boolean[] = [];
		for (let i = 0; i < 300; i++) {
			parents.push(i < 12 ? 0 : 1 + ((i * 7) % i));
			sides.push(i % 2 === 0);
		}
		const tree = buildTree(parents, sides, ['Problem główny', 'Brak koordynacji działań między instytucjami', 'Przemoc']);
		const layout = layoutTree(tree);
		expect(layout.boxes).toHaveLength(301);
		expect(firstOverlap(layout.boxes)).toBeNull();
		// Compact: the drawing is no wider than all the leaves of the widest half side by side.
		const leaves = layout.boxes.filter((b) => b.role !== 'core' && !tree.all.find((t) => t.id === b.id)!.children.length).length;
		expect(layout.bounds.width).toBeLessThanOrEqual(leaves * (240 + 28) * 1.15 + 320);
	});
});

describe('wrapText', () => {
	const chars = (text: string) => text.length;

	it('wraps at word boundaries, cuts overlong words, keeps explicit line breaks', () => {
		expect(wrapText('Brak koordynacji działań', 10, chars)).toEqual(['Brak', 'koordynacj', 'i działań']);
		expect(wrapText('ab cd ef', 5, chars)).toEqual(['ab cd', 'ef']);
		expect(wrapText('jeden\ndwa', 20, chars)).toEqual(['jeden', 'dwa']);
		expect(wrapText('', 20, chars)).toEqual(['']);
	});

	it('gives lines of capitals (abbreviations) more room than lines of small letters', () => {
		const small = wrapText('ala ma kota ala ma kota ala ma kota ala ma kota', 13);
		const capitals = wrapText('OPS MOPS PCPR GOPS OPS MOPS PCPR GOPS OPS MOPS', 13);
		expect(Math.max(...capitals.map((l) => l.length))).toBeLessThan(Math.max(...small.map((l) => l.length)));
	});
});
