import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boxAt, neighbourBox } from '../../src/lib/components/problem-tree/diagram-keys';
import { addCause, addEffect, deriveTree, editBoxText, initTreeDoc, layoutTree } from '../../src/lib/domain/problem-tree';

/**
 *              e1        (effect of the core)
 *            core
 *        c1         c2   (causes)
 *     c11  c12       c21
 */
function sampleTree() {
	const doc = new Y.Doc();
	initTreeDoc(doc, 'problem', { coreText: 'Przemoc w rodzinie' });
	const add = (parent: string, text: string, side: 'cause' | 'effect') => {
		const id = (side === 'cause' ? addCause : addEffect)(doc, parent, { by: 'test' })!;
		editBoxText(doc, id, text);
		return id;
	};
	const ids = {
		e1: add('core', 'Trauma dzieci', 'effect'),
		c1: add('core', 'Alkohol', 'cause'),
		c2: add('core', 'Brak koordynacji', 'cause')
	};
	const more = { c11: add(ids.c1, 'Brak terapii', 'cause'), c12: add(ids.c1, 'Bezrobocie', 'cause'), c21: add(ids.c2, 'Rotacja kadr', 'cause') };
	const tree = deriveTree(doc);
	return { tree, layout: layoutTree(tree), ids: { core: 'core', ...ids, ...more } };
}

describe('arrow keys in the diagram', () => {
	const { tree, layout, ids } = sampleTree();
	const go = (from: string, direction: 'up' | 'down' | 'left' | 'right') => neighbourBox(tree, layout, from, direction);

	it('go down from the core to a cause and on to its child, up back to the parent', () => {
		const below = go(ids.core, 'down');
		expect([ids.c1, ids.c2]).toContain(below);
		expect(go(ids.c1, 'down')).toMatch(new RegExp(`${ids.c11}|${ids.c12}`));
		expect(go(ids.c11, 'up')).toBe(ids.c1);
		expect(go(ids.c1, 'up')).toBe(ids.core);
	});

	it('go up from the core to its effect and back down', () => {
		expect(go(ids.core, 'up')).toBe(ids.e1);
		expect(go(ids.e1, 'down')).toBe(ids.core);
		expect(go(ids.e1, 'up')).toBeNull();
	});

	it('go left and right along a row, across families, and stop at its ends', () => {
		expect(go(ids.c11, 'right')).toBe(ids.c12);
		expect(go(ids.c12, 'right')).toBe(ids.c21);
		expect(go(ids.c21, 'right')).toBeNull();
		expect(go(ids.c11, 'left')).toBeNull();
		expect(go(ids.c2, 'left')).toBe(ids.c1);
	});

	it('stays put on a leaf going away from the core', () => {
		expect(go(ids.c21, 'down')).toBeNull();
	});

	it('finds the box under a point, for drops', () => {
		const c2 = layout.byId.get(ids.c2)!;
		expect(boxAt(layout, c2.x + 5, c2.y + 5)?.id).toBe(ids.c2);
		expect(boxAt(layout, c2.x - 5, c2.y - 5)).toBeNull();
	});
});
