import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	BOX_TEXT_MAX,
	CORE_BOX_ID,
	EVIDENCE_SOURCE_MAX,
	PROBLEM_TREE_SCHEMA_VERSION,
	SCALE_MAX,
	addCause,
	addEffect,
	boxesMap,
	canMoveBox,
	deleteBox,
	deriveTree,
	editBoxText,
	flattenTree,
	initTreeDoc,
	moveBox,
	readTreeMeta,
	setBoxDetails,
	treeMetaMap,
	type DerivedTree
} from '../../src/lib/domain/problem-tree';

const by = 'ania';

function newTree(coreText = 'Przemoc w rodzinie'): Y.Doc {
	const doc = new Y.Doc();
	initTreeDoc(doc, 'problem', { coreText });
	return doc;
}

/** The tree as a person reads it: text per box, nested, with repair marks. */
function outline(tree: DerivedTree): string[] {
	return flattenTree(tree).map((box) => `${'  '.repeat(box.depth)}${box.role}:${box.text}${box.repaired ? ` [${box.repaired}]` : ''}`);
}

function texts(boxes: { text: string }[]): string[] {
	return boxes.map((box) => box.text);
}

/** Writes a raw box entry the way a buggy or older client might. */
function rawBox(doc: Y.Doc, id: string, fields: Record<string, unknown>, text = id) {
	const map = new Y.Map<unknown>();
	const yText = new Y.Text();
	yText.insert(0, text);
	map.set('text', yText);
	for (const [key, value] of Object.entries(fields)) map.set(key, value);
	boxesMap(doc).set(id, map);
}

function sync(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('a new tree', () => {
	it('holds the meta and one core box, and initialising again changes nothing', () => {
		const doc = new Y.Doc();
		initTreeDoc(doc, 'objective', { coreText: 'Rodziny żyją bez przemocy' });
		const before = Y.encodeStateAsUpdate(doc);
		initTreeDoc(doc, 'problem', { coreText: 'inny' });
		expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
		expect(readTreeMeta(doc)).toMatchObject({ schemaVersion: PROBLEM_TREE_SCHEMA_VERSION, treeKind: 'objective' });
		const tree = deriveTree(doc);
		expect(tree.treeKind).toBe('objective');
		expect(tree.core).toMatchObject({ id: CORE_BOX_ID, role: 'core', text: 'Rodziny żyją bez przemocy', depth: 0, parentId: null });
		expect(tree.size).toBe(1);
	});

	it('starts a problem tree with an empty core for the group to fill in', () => {
		const doc = new Y.Doc();
		initTreeDoc(doc, 'problem');
		expect(deriveTree(doc).core.text).toBe('');
	});
});

describe('adding causes and effects', () => {
	it('adds causes below and effects above the core, each appended after its siblings', () => {
		const doc = newTree();
		addCause(doc, CORE_BOX_ID, { text: 'Alkohol', by });
		addEffect(doc, CORE_BOX_ID, { text: 'Trauma dzieci', by });
		addCause(doc, CORE_BOX_ID, { text: 'Bezrobocie', by });
		const tree = deriveTree(doc);
		expect(texts(tree.causes)).toEqual(['Alkohol', 'Bezrobocie']);
		expect(texts(tree.effects)).toEqual(['Trauma dzieci']);
		expect(tree.causes.every((box) => box.depth === 1 && box.parentId === CORE_BOX_ID)).toBe(true);
	});

	it('adds a deeper cause under a cause and a further effect above an effect', () => {
		const doc = newTree();
		const alcohol = addCause(doc, CORE_BOX_ID, { text: 'Alkohol', by })!;
		const why = addCause(doc, alcohol, { text: 'Brak terapii', by })!;
		const trauma = addEffect(doc, CORE_BOX_ID, { text: 'Trauma dzieci', by })!;
		addEffect(doc, trauma, { text: 'Przemoc w kolejnym pokoleniu', by });
		expect(outline(deriveTree(doc))).toEqual([
			'core:Przemoc w rodzinie',
			'  effect:Trauma dzieci',
			'    effect:Przemoc w kolejnym pokoleniu',
			'  cause:Alkohol',
			'    cause:Brak terapii'
		]);
		expect(deriveTree(doc).byId.get(why)).toMatchObject({ depth: 2, parentId: alcohol, role: 'cause' });
	});

	it('inserts an effect of a cause between that cause and its parent, taking its place', () => {
		const doc = newTree();
		const first = addCause(doc, CORE_BOX_ID, { text: 'Alkohol', by })!;
		addCause(doc, CORE_BOX_ID, { text: 'Bieda', by });
		const between = addEffect(doc, first, { text: 'Konflikty w domu', by })!;
		const tree = deriveTree(doc);
		expect(outline(tree)).toEqual(['core:Przemoc w rodzinie', '  cause:Konflikty w domu', '    cause:Alkohol', '  cause:Bieda']);
		expect(tree.byId.get(between)!.children.map((box) => box.id)).toEqual([first]);
	});

	it('inserts a cause of an effect between that effect and the core', () => {
		const doc = newTree();
		const deep = addEffect(doc, addEffect(doc, CORE_BOX_ID, { text: 'Trauma', by })!, { text: 'Kolejne pokolenie', by })!;
		addCause(doc, deep, { text: 'Brak wsparcia', by });
		expect(outline(deriveTree(doc))).toEqual([
			'core:Przemoc w rodzinie',
			'  effect:Trauma',
			'    effect:Brak wsparcia',
			'      effect:Kolejne pokolenie'
		]);
	});

	it('refuses an unknown target and an id already taken, without throwing', () => {
		const doc = newTree();
		expect(addCause(doc, 'gone', { by })).toBeNull();
		expect(addCause(doc, CORE_BOX_ID, { by, id: CORE_BOX_ID })).toBeNull();
		const id = addCause(doc, CORE_BOX_ID, { by, id: 'x' });
		expect(id).toBe('x');
		expect(addEffect(doc, CORE_BOX_ID, { by, id: 'x' })).toBeNull();
		expect(deriveTree(doc).size).toBe(2);
	});

	it('keeps both boxes two people insert at the same spot at once, in the same order on both', () => {
		const a = newTree();
		const b = new Y.Doc();
		sync(a, b);
		addCause(a, CORE_BOX_ID, { text: 'A', by, id: 'a' });
		addCause(a, CORE_BOX_ID, { text: 'C', by, id: 'c' });
		sync(a, b);
		moveBox(a, 'c', CORE_BOX_ID, { index: 0 });
		moveBox(a, 'c', CORE_BOX_ID, { index: 1 }); // back, through a fresh key between A and the end
		addCause(a, CORE_BOX_ID, { text: 'z Ani', by, id: 'n1' });
		addCause(b, CORE_BOX_ID, { text: 'z Bartka', by, id: 'n2' });
		sync(a, b);
		expect(texts(deriveTree(a).causes)).toEqual(['A', 'C', 'z Ani', 'z Bartka']);
		expect(texts(deriveTree(b).causes)).toEqual(texts(deriveTree(a).causes));
		// The two new boxes hold the same key; a move between them still lands between them.
		moveBox(a, 'a', CORE_BOX_ID, { index: 2 });
		expect(texts(deriveTree(a).causes)).toEqual(['C', 'z Ani', 'A', 'z Bartka']);
	});
});

describe('editing a box', () => {
	it('keeps the words of two people typing in the same box at once', () => {
		const a = newTree('Przemoc');
		const b = new Y.Doc();
		sync(a, b);
		editBoxText(a, CORE_BOX_ID, 'Przemoc domowa');
		editBoxText(b, CORE_BOX_ID, 'Częsta przemoc');
		sync(a, b);
		expect(deriveTree(a).core.text).toBe('Częsta przemoc domowa');
		expect(deriveTree(b).core.text).toBe('Częsta przemoc domowa');
	});

	it('cuts text at the limit and refuses unknown boxes', () => {
		const doc = newTree();
		const id = addCause(doc, CORE_BOX_ID, { by })!;
		expect(editBoxText(doc, id, 'x'.repeat(BOX_TEXT_MAX + 50))).toBe(true);
		expect(deriveTree(doc).byId.get(id)!.text).toHaveLength(BOX_TEXT_MAX);
		expect(editBoxText(doc, 'gone', 'x')).toBe(false);
	});

	it('stores evidence, its source and the scale; a partial update keeps the other fields', () => {
		const doc = newTree();
		const id = addCause(doc, CORE_BOX_ID, { text: 'Alkohol', by })!;
		setBoxDetails(doc, id, { evidence: '62 procedury Niebieskiej Karty w 2023', evidenceSource: 'dane Policji' });
		setBoxDetails(doc, id, { scale: 'ok. 120 rodzin' });
		expect(deriveTree(doc).byId.get(id)).toMatchObject({
			evidence: '62 procedury Niebieskiej Karty w 2023',
			evidenceSource: 'dane Policji',
			scale: 'ok. 120 rodzin'
		});
		setBoxDetails(doc, id, { evidenceSource: 's'.repeat(300), scale: 'k'.repeat(300) });
		const box = deriveTree(doc).byId.get(id)!;
		expect([box.evidenceSource.length, box.scale.length]).toEqual([EVIDENCE_SOURCE_MAX, SCALE_MAX]);
		expect(setBoxDetails(doc, 'gone', { scale: '1' })).toBe(false);
	});

	it('recreates a missing core when someone types into it', () => {
		const doc = new Y.Doc();
		expect(deriveTree(doc).core.text).toBe('');
		expect(editBoxText(doc, CORE_BOX_ID, 'Samotność seniorów')).toBe(true);
		expect(deriveTree(doc).core.text).toBe('Samotność seniorów');
	});
});

describe('moving a box', () => {
	function threeLevels() {
		const doc = newTree();
		addCause(doc, CORE_BOX_ID, { text: 'A', by, id: 'a' });
		addCause(doc, 'a', { text: 'A1', by, id: 'a1' });
		addCause(doc, 'a1', { text: 'A11', by, id: 'a11' });
		addCause(doc, CORE_BOX_ID, { text: 'B', by, id: 'b' });
		addEffect(doc, CORE_BOX_ID, { text: 'E', by, id: 'e' });
		return doc;
	}

	it('moves a box with its subtree under another parent at the given position', () => {
		const doc = threeLevels();
		addCause(doc, 'b', { text: 'B1', by, id: 'b1' });
		expect(moveBox(doc, 'a1', 'b', { index: 0 })).toBe(true);
		expect(outline(deriveTree(doc))).toEqual([
			'core:Przemoc w rodzinie',
			'  effect:E',
			'  cause:A',
			'  cause:B',
			'    cause:A1',
			'      cause:A11',
			'    cause:B1'
		]);
	});

	it('reorders siblings', () => {
		const doc = threeLevels();
		expect(moveBox(doc, 'b', CORE_BOX_ID, { index: 0 })).toBe(true);
		expect(texts(deriveTree(doc).causes)).toEqual(['B', 'A']);
		expect(moveBox(doc, 'b', CORE_BOX_ID, { index: 99 })).toBe(true);
		expect(texts(deriveTree(doc).causes)).toEqual(['A', 'B']);
	});

	it('turns a cause subtree into effects when moved to the effect side of the core', () => {
		const doc = threeLevels();
		expect(moveBox(doc, 'a', CORE_BOX_ID, { index: 1 }, null, 'effect')).toBe(true);
		const tree = deriveTree(doc);
		expect(texts(tree.effects)).toEqual(['E', 'A']);
		expect(['a', 'a1', 'a11'].map((id) => tree.byId.get(id)!.role)).toEqual(['effect', 'effect', 'effect']);
	});

	it('refuses the core, a move under itself or its own descendant, and unknown ids', () => {
		const doc = threeLevels();
		const before = outline(deriveTree(doc));
		expect(moveBox(doc, CORE_BOX_ID, 'a', { index: 0 })).toBe(false);
		expect(moveBox(doc, 'a', 'a', { index: 0 })).toBe(false);
		expect(moveBox(doc, 'a', 'a11', { index: 0 })).toBe(false);
		expect(moveBox(doc, 'gone', 'a', { index: 0 })).toBe(false);
		expect(moveBox(doc, 'a', 'gone', { index: 0 })).toBe(false);
		expect(outline(deriveTree(doc))).toEqual(before);
		const tree = deriveTree(doc);
		expect([canMoveBox(tree, 'a', 'a11'), canMoveBox(tree, 'a11', 'b'), canMoveBox(tree, CORE_BOX_ID, 'b')]).toEqual([false, true, false]);
	});
});

describe('deleting a box', () => {
	it('moves its children up into its place, in their order', () => {
		const doc = newTree();
		addCause(doc, CORE_BOX_ID, { text: 'A', by, id: 'a' });
		addCause(doc, CORE_BOX_ID, { text: 'B', by, id: 'b' });
		addCause(doc, CORE_BOX_ID, { text: 'C', by, id: 'c' });
		addCause(doc, 'b', { text: 'B1', by });
		addCause(doc, 'b', { text: 'B2', by });
		expect(deleteBox(doc, 'b')).toBe(true);
		expect(outline(deriveTree(doc))).toEqual(['core:Przemoc w rodzinie', '  cause:A', '  cause:B1', '  cause:B2', '  cause:C']);
	});

	it('never deletes the core and ignores unknown ids', () => {
		const doc = newTree();
		expect(deleteBox(doc, CORE_BOX_ID)).toBe(false);
		expect(deleteBox(doc, 'gone')).toBe(false);
		expect(deriveTree(doc).core.text).toBe('Przemoc w rodzinie');
	});
});

describe('repair on read', () => {
	it('shows a box whose parent was deleted under the core, marked, with its subtree', () => {
		const a = newTree();
		addEffect(a, CORE_BOX_ID, { text: 'E', by, id: 'e' });
		const b = new Y.Doc();
		sync(a, b);
		addEffect(b, 'e', { text: 'dodane', by, id: 'child' });
		addEffect(b, 'child', { text: 'wnuk', by, id: 'grandchild' });
		deleteBox(a, 'e');
		sync(a, b);
		for (const doc of [a, b]) {
			expect(outline(deriveTree(doc))).toEqual(['core:Przemoc w rodzinie', '  effect:dodane [orphan]', '    effect:wnuk']);
		}
	});

	it('breaks a cycle from two concurrent moves at the smallest id, the same on both replicas', () => {
		const a = newTree();
		addCause(a, CORE_BOX_ID, { text: 'X', by, id: 'x' });
		addCause(a, CORE_BOX_ID, { text: 'Y', by, id: 'y' });
		const b = new Y.Doc();
		sync(a, b);
		expect(moveBox(a, 'x', 'y', { index: 0 })).toBe(true);
		expect(moveBox(b, 'y', 'x', { index: 0 })).toBe(true);
		sync(a, b);
		for (const doc of [a, b]) {
			expect(outline(deriveTree(doc))).toEqual(['core:Przemoc w rodzinie', '  cause:X [cycle]', '    cause:Y']);
		}
		// Moving the repaired box writes a real parent and clears the mark.
		expect(moveBox(a, 'x', CORE_BOX_ID, { index: 0 })).toBe(true);
		expect(deriveTree(a).byId.get('x')!.repaired).toBeNull();
	});

	it('cuts a longer cycle and a box that is its own parent, keeping every box', () => {
		const doc = newTree();
		rawBox(doc, 'p', { parent: 'r', side: 'effect', order: 'a0' });
		rawBox(doc, 'q', { parent: 'p', order: 'a0' });
		rawBox(doc, 'r', { parent: 'q', order: 'a0' });
		rawBox(doc, 'self', { parent: 'self', side: 'cause', order: 'a0' });
		const tree = deriveTree(doc);
		expect(outline(tree)).toEqual([
			'core:Przemoc w rodzinie',
			'  effect:p [cycle]',
			'    effect:q',
			'      effect:r',
			'  cause:self [cycle]'
		]);
		expect(tree.size).toBe(5);
	});

	it('skips malformed entries and re-homes what hung under them', () => {
		const doc = newTree();
		boxesMap(doc).set('junk', 'not a box');
		const noText = new Y.Map<unknown>();
		noText.set('parent', CORE_BOX_ID);
		boxesMap(doc).set('notext', noText);
		rawBox(doc, 'kid', { parent: 'notext', side: 'bogus', order: 'not a key!' });
		rawBox(doc, 'blank', { parent: '' });
		const tree = deriveTree(doc);
		expect(tree.byId.has('junk')).toBe(false);
		expect(tree.byId.has('notext')).toBe(false);
		expect(outline(tree)).toEqual(['core:Przemoc w rodzinie', '  cause:blank [orphan]', '  cause:kid [orphan]']);
	});

	it('shows a missing core as empty, with the boxes that point at it', () => {
		const doc = new Y.Doc();
		rawBox(doc, 'a', { parent: CORE_BOX_ID, side: 'effect', order: 'a0' });
		const tree = deriveTree(doc);
		expect(outline(tree)).toEqual(['core:', '  effect:a']);
		expect(tree.treeKind).toBe('problem');
	});

	it('places a new box after siblings whose keys another client wrote badly', () => {
		const doc = newTree();
		rawBox(doc, 'bad1', { parent: CORE_BOX_ID, order: 12 });
		rawBox(doc, 'bad2', { parent: CORE_BOX_ID, order: 'a0' });
		rawBox(doc, 'bad3', { parent: CORE_BOX_ID, order: 'a0' });
		addCause(doc, CORE_BOX_ID, { text: 'new', by, id: 'new' });
		expect(moveBox(doc, 'bad3', CORE_BOX_ID, { index: 0 })).toBe(true);
		expect(texts(deriveTree(doc).causes)).toEqual(['bad3', 'bad1', 'bad2', 'new']);
		expect(moveBox(doc, 'new', CORE_BOX_ID, { index: 1 })).toBe(true);
		expect(texts(deriveTree(doc).causes)).toEqual(['bad3', 'new', 'bad1', 'bad2']);
	});
});

describe('objective trees', () => {
	it('reads what the conversion wrote and notices a rephrased wording', () => {
		const doc = new Y.Doc();
		initTreeDoc(doc, 'objective');
		rawBox(doc, 'o', { parent: CORE_BOX_ID, side: 'cause', order: 'a0', sourceBoxId: 'p1', originalText: 'Brak terapii', suggestedText: 'Terapia jest dostępna', wording: 'suggested' }, 'Terapia jest dostępna');
		rawBox(doc, 'own', { parent: CORE_BOX_ID, side: 'cause', order: 'a1' });
		treeMetaMap(doc).set('sourceBoardId', 'board-1');
		let tree = deriveTree(doc);
		expect(tree.byId.get('o')!.objective).toEqual({
			sourceBoxId: 'p1',
			originalText: 'Brak terapii',
			suggestedText: 'Terapia jest dostępna',
			wording: 'suggested',
			rephrased: false,
			sourceMissing: false
		});
		expect(tree.byId.get('own')!.objective).toBeNull();
		editBoxText(doc, 'o', 'Terapia uzależnień jest dostępna od ręki');
		tree = deriveTree(doc);
		expect(tree.byId.get('o')!.objective!.rephrased).toBe(true);
		expect(readTreeMeta(doc).sourceBoardId).toBe('board-1');
	});
});
