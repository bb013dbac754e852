import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutTree } from '../../src/lib/domain/problem-tree/layout';
import { renderTreeSvg, type TreeSvgInput, type TreeSvgLabels } from '../../src/lib/domain/problem-tree/tree-svg';

type Role = 'core' | 'cause' | 'effect';
interface Box {
	id: string;
	text: string;
	role: Role;
	children: Box[];
	repaired: null | 'orphan' | 'cycle';
	objective: null | { wording: 'suggested' | 'flagged'; sourceMissing: boolean };
}

function box(id: string, text: string, role: Role, children: Box[] = [], extra: Partial<Box> = {}): Box {
	return { id, text, role, children, repaired: null, objective: null, ...extra };
}

function treeOf(kind: 'problem' | 'objective', core: Box) {
	const byId = new Map<string, Box>();
	const visit = (b: Box) => {
		byId.set(b.id, b);
		b.children.forEach(visit);
	};
	visit(core);
	return {
		treeKind: kind,
		core,
		byId,
		causes: core.children.filter((b) => b.role === 'cause'),
		effects: core.children.filter((b) => b.role === 'effect')
	} satisfies TreeSvgInput & Record<string, unknown>;
}

const problemLabels: TreeSvgLabels = {
	title: 'Drzewo problemów: przemoc w rodzinie',
	roles: { core: 'Problem główny', cause: 'Przyczyna', effect: 'Skutek' },
	legend: { core: 'Problem główny', cause: 'Przyczyny', effect: 'Skutki' },
	repaired: 'przeniesione',
	flagged: 'do przeformułowania',
	sourceMissing: 'brak źródła'
};
const objectiveLabels: TreeSvgLabels = {
	...problemLabels,
	title: 'Drzewo celów',
	roles: { core: 'Cel główny', cause: 'Środek', effect: 'Cel' },
	legend: { core: 'Cel główny', cause: 'Środki', effect: 'Cele' }
};

/**
 * Enough of an XML parser to tell well-formed from not (Node has no DOMParser): tags nest and
 * close, attributes are quoted, text holds no raw `<` or stray `&`. Returns the decoded text.
 */
function parseXml(xml: string): { text: string; elements: string[] } {
	const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
	const stack: string[] = [];
	const elements: string[] = [];
	let text = '';
	const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
	let match: RegExpExecArray | null;
	let consumed = 0;
	while ((match = token.exec(body))) {
		consumed = token.lastIndex;
		const [, closing, name, attributes, selfClosing, content] = match;
		if (content !== undefined) {
			if (stack.length === 0 && content.trim()) throw new Error(`text outside the root: ${content}`);
			if (/&(?!(amp|lt|gt|quot|apos);)/.test(content)) throw new Error(`raw & in ${content}`);
			// eslint-disable-next-line no-control-regex
			if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(content)) throw new Error('a character XML cannot carry');
			text += content.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
			continue;
		}
		if (/&(?!(amp|lt|gt|quot|apos);)/.test(attributes)) throw new Error(`raw & in attributes of ${name}`);
		if (closing) {
			if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong element`);
		} else {
			if (stack.length === 0 && elements.length > 0) throw new Error('second root element');
			elements.push(name);
			if (!selfClosing) stack.push(name);
		}
	}
	if (consumed !== body.length) throw new Error(`cannot parse at: ${body.slice(consumed, consumed + 60)}`);
	if (stack.length) throw new Error(`unclosed ${stack.join(', ')}`);
	return { text, elements };
}

describe('tree SVG export', () => {
	const sample = treeOf(
		'problem',
		box('core', 'Przemoc <i> "w" & nie', 'core', [
			box('c1', 'Brak koordynacji działań między instytucjami', 'cause', [box('c2', 'Rotacja kadr w OPS & PCPR', 'cause')]),
			box('e1', 'Trauma dzieci', 'effect'),
			box('o1', 'Zgubione pudełko', 'cause', [], { repaired: 'orphan' })
		])
	);

	it('is well-formed XML that shows every box text, the roles and the legend', () => {
		const svg = renderTreeSvg(sample, layoutTree(sample), problemLabels);
		const { text, elements } = parseXml(svg);
		expect(elements[0]).toBe('svg');
		for (const id of ['c1', 'c2', 'e1']) {
			const words = sample.byId.get(id)!.text.split(' ');
			for (const word of words) expect(text).toContain(word);
		}
		expect(text).toContain('Przemoc <i> "w" & nie');
		expect(text).toContain('PRZYCZYNA');
		expect(text).toContain('SKUTEK');
		expect(text).toContain('Skutki');
		expect(text).toContain('Drzewo problemów: przemoc w rodzinie');
	});

	it('escapes markup in texts instead of letting it into the drawing', () => {
		const svg = renderTreeSvg(sample, layoutTree(sample), problemLabels);
		expect(svg).toContain('&lt;i&gt; &quot;w&quot; &amp; nie');
		expect(svg).not.toContain('<i>');
	});

	it('marks boxes that were re-homed, and only those', () => {
		const svg = renderTreeSvg(sample, layoutTree(sample), problemLabels);
		const marked = svg.split('<g data-box-id=').filter((part) => part.includes('przeniesione'));
		expect(marked).toHaveLength(1);
		expect(marked[0]).toContain('Zgubione pudełko');
	});

	it('labels an objective tree with ends and means, and marks flagged wordings', () => {
		const objective = treeOf(
			'objective',
			box('core', 'Rodziny są wolne od przemocy', 'core', [
				box('m1', 'Działania instytucji są skoordynowane', 'cause'),
				box('n1', 'Dzieci rozwijają się bezpiecznie', 'effect'),
				box('f1', 'Starzenie się społeczeństwa', 'cause', [], { objective: { wording: 'flagged', sourceMissing: false } })
			])
		);
		const svg = renderTreeSvg(objective, layoutTree(objective), objectiveLabels);
		const { text } = parseXml(svg);
		expect(text).toContain('Cele');
		expect(text).toContain('Środki');
		expect(text).toContain('ŚRODEK');
		expect(text).toContain('do przeformułowania');
	});

	it('stays well-formed whatever people type', () => {
		fc.assert(
			fc.property(fc.array(fc.string({ maxLength: 80, unit: 'binary' }), { minLength: 1, maxLength: 6 }), (texts) => {
				const core = box('core', texts[0], 'core', texts.slice(1).map((t, i) => box(`b${i}`, t, i % 2 ? 'cause' : 'effect')));
				const tree = treeOf('problem', core);
				expect(() => parseXml(renderTreeSvg(tree, layoutTree(tree), problemLabels))).not.toThrow();
			}),
			{ numRuns: 200 }
		);
	});
});
