import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCause, addEffect, deriveTree, initTreeDoc, moveBox, type DerivedTree } from '../../src/lib/domain/problem-tree';
import { keyboardMoveTarget, parentChoices, visibleItems } from '../../src/lib/components/problem-tree/outline-model';

const by = 'ania';

/**
 * core: Przemoc w rodzinie
 *   effect E1 (with E1a), causes C1 (with C1a, C1b), C2
 */
function sampleTree() {
	const doc = new Y.Doc();
	initTreeDoc(doc, 'problem', { coreText: 'Przemoc w rodzinie' });
	const add = (kind: 'cause' | 'effect', target: string, text: string) =>
		(kind === 'cause' ? addCause : addEffect)(doc, target, { text, by, id: text })!;
	add('cause', 'core', 'C1');
	add('cause', 'core', 'C2');
	add('cause', 'C1', 'C1a');
	add('cause', 'C1', 'C1b');
	add('effect', 'core', 'E1');
	add('effect', 'E1', 'E1a');
	return doc;
}

/** The outline as a person reads it: indentation by level, then the text. */
function read(tree: DerivedTree, collapsed: Set<string> = new Set()) {
	return visibleItems(tree, collapsed).map((box) => `${'  '.repeat(box.depth)}${box.text}`);
}

/** Applies what a keyboard move key would do, as the outline does. */
function pressMove(doc: Y.Doc, id: string, move: Parameters<typeof keyboardMoveTarget>[2]) {
	const target = keyboardMoveTarget(deriveTree(doc), id, move);
	if (!target) return false;
	return moveBox(doc, id, target.parentId, { index: target.index }, null, target.side);
}

describe('the outline of a problem tree', () => {
	it('reads the core, then the effects, then the causes, and hides collapsed branches', () => {
		const tree = deriveTree(sampleTree());
		expect(read(tree)).toEqual(['Przemoc w rodzinie', '  E1', '    E1a', '  C1', '    C1a', '    C1b', '  C2']);
		expect(read(tree, new Set(['C1']))).toEqual(['Przemoc w rodzinie', '  E1', '    E1a', '  C1', '  C2']);
	});

	it('reorders a box among its siblings with Alt+↑/↓, and refuses past the ends', () => {
		const doc = sampleTree();
		expect(pressMove(doc, 'C1b', 'up')).toBe(true);
		expect(read(deriveTree(doc)).slice(3, 6)).toEqual(['  C1', '    C1b', '    C1a']);
		expect(pressMove(doc, 'C1b', 'up')).toBe(false);
		// Under the core, effects and causes are separate lists: the first cause cannot go "up" into the effects.
		expect(pressMove(doc, 'C1', 'up')).toBe(false);
		expect(pressMove(doc, 'C1', 'down')).toBe(true);
		expect(deriveTree(doc).causes.map((b) => b.text)).toEqual(['C2', 'C1']);
	});

	it('moves a box out to its grandparent with Alt+←, just after its old parent, keeping its side', () => {
		const doc = sampleTree();
		expect(pressMove(doc, 'C1a', 'out')).toBe(true);
		expect(read(deriveTree(doc))).toEqual(['Przemoc w rodzinie', '  E1', '    E1a', '  C1', '    C1b', '  C1a', '  C2']);
		expect(pressMove(doc, 'E1a', 'out')).toBe(true);
		expect(deriveTree(doc).effects.map((b) => b.text)).toEqual(['E1', 'E1a']);
		// Already directly under the core: there is no level above.
		expect(pressMove(doc, 'C2', 'out')).toBe(false);
	});

	it('moves a box under the sibling above it with Alt+→, as its last child', () => {
		const doc = sampleTree();
		expect(pressMove(doc, 'C2', 'in')).toBe(true);
		expect(read(deriveTree(doc))).toEqual(['Przemoc w rodzinie', '  E1', '    E1a', '  C1', '    C1a', '    C1b', '    C2']);
		expect(pressMove(doc, 'C1a', 'in')).toBe(false);
	});

	it('offers every valid new parent, never the box itself, its own subtree or where it already is', () => {
		const tree = deriveTree(sampleTree());
		const values = parentChoices(tree, 'C1').map((choice) => choice.value);
		expect(values).toEqual(['core:effect', 'E1', 'E1a', 'C2']);
		expect(parentChoices(tree, 'core')).toEqual([]);
	});
});
