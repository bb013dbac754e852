import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	CORE_BOX_ID,
	addCause,
	addEffect,
	deleteBox,
	deriveTree,
	editBoxText,
	flattenTree,
	initTreeDoc,
	moveBox,
	readBoxes,
	type DerivedTree
} from '../../src/lib/domain/problem-tree';
import { canonicalTree } from '../support/problem-tree';

/**
 * Convergence in the style of Yjs' applyRandomTests: a few replicas of one tree take random
 * operations while partly connected, then every update reaches every replica in a shuffled
 * order. All replicas must derive the same tree, holding every box nobody deleted, once.
 */

type Command =
	| { kind: 'addCause' | 'addEffect'; replica: number; target: number; text: string }
	| { kind: 'move'; replica: number; box: number; parent: number; index: number; side: 'cause' | 'effect' }
	| { kind: 'delete'; replica: number; box: number }
	| { kind: 'edit'; replica: number; box: number; text: string }
	/** Two replicas move two boxes under each other before hearing of it: a cycle. */
	| { kind: 'crossMove'; replica: number; other: number; box: number; parent: number }
	/** One replica deletes a box while another adds a child under it: an orphan. */
	| { kind: 'deleteVsAdd'; replica: number; other: number; box: number }
	| { kind: 'sync'; replica: number; other: number };

const pick = fc.nat({ max: 1000 });
const replica = fc.nat({ max: 2 });
const words = fc.constantFrom('', 'Brak', 'terapii', 'Bieda', 'ąę', 'x y');

const commandArb: fc.Arbitrary<Command> = fc.oneof(
	{ weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('addCause' as const, 'addEffect' as const), replica, target: pick, text: words }) },
	{
		weight: 2,
		arbitrary: fc.record({ kind: fc.constant('move' as const), replica, box: pick, parent: pick, index: fc.nat({ max: 5 }), side: fc.constantFrom('cause' as const, 'effect' as const) })
	},
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), replica, box: pick }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('edit' as const), replica, box: pick, text: words }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('crossMove' as const), replica, other: replica, box: pick, parent: pick }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteVsAdd' as const), replica, other: replica, box: pick }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('sync' as const), replica, other: replica }) }
);

interface Replica {
	doc: Y.Doc;
	updates: Uint8Array[];
}

class Scenario {
	readonly replicas: Replica[];
	readonly created = new Set<string>();
	readonly deleted = new Set<string>();
	#next = 0;

	constructor(count: number) {
		const seed = new Y.Doc();
		initTreeDoc(seed, 'problem', { coreText: 'Przemoc w rodzinie' });
		for (const [i, text] of ['Alkohol', 'Bieda', 'Trauma'].entries()) {
			const id = (i === 2 ? addEffect : addCause)(seed, CORE_BOX_ID, { text, by: 'seed', id: `seed${i}` })!;
			this.created.add(id);
		}
		const start = Y.encodeStateAsUpdate(seed);
		this.replicas = Array.from({ length: count }, () => {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, start);
			const entry: Replica = { doc, updates: [start] };
			doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && entry.updates.push(update));
			return entry;
		});
	}

	/** A box id from what this replica sees now; the core only when `withCore`. */
	boxOf(r: number, n: number, withCore: boolean): string {
		const ids = [...deriveTree(this.replicas[r].doc).byId.keys()].filter((id) => withCore || id !== CORE_BOX_ID).sort();
		return ids.length === 0 ? CORE_BOX_ID : ids[n % ids.length];
	}

	/**
	 * One of the newest boxes made on replica `author` that replicas r and o both see. Boxes made
	 * on different replicas reach each replica in a different order (and so sit in a different
	 * order in each replica's Y.Map), so a cycle among them catches a repair that depends on it.
	 */
	recentBox(r: number, o: number, author: number, n: number): string {
		const [mine, theirs] = [deriveTree(this.replicas[r].doc), deriveTree(this.replicas[o].doc)];
		const shared = [...this.created].reverse().filter((id) => mine.byId.has(id) && theirs.byId.has(id));
		const authored = shared.filter((id) => id.startsWith(`r${author}-`));
		const from = authored.length > 0 ? authored : shared;
		return from.length === 0 ? CORE_BOX_ID : from[n % Math.min(from.length, 3)];
	}

	newId(r: number): string {
		return `r${r}-${this.#next++}`;
	}

	add(r: number, kind: 'addCause' | 'addEffect', target: string, text: string) {
		const op = kind === 'addCause' ? addCause : addEffect;
		const id = op(this.replicas[r].doc, target, { text, by: `u${r}`, id: this.newId(r) });
		if (id) this.created.add(id);
	}

	remove(r: number, id: string) {
		if (deleteBox(this.replicas[r].doc, id)) this.deleted.add(id);
	}

	sync(a: number, b: number) {
		const [x, y] = [this.replicas[a].doc, this.replicas[b].doc];
		Y.applyUpdate(y, Y.encodeStateAsUpdate(x, Y.encodeStateVector(y)), 'remote');
		Y.applyUpdate(x, Y.encodeStateAsUpdate(y, Y.encodeStateVector(x)), 'remote');
	}

	run(command: Command) {
		const count = this.replicas.length;
		const r = command.replica % count;
		const doc = this.replicas[r].doc;
		switch (command.kind) {
			case 'addCause':
			case 'addEffect':
				return this.add(r, command.kind, this.boxOf(r, command.target, true), command.text);
			case 'move':
				moveBox(doc, this.boxOf(r, command.box, false), this.boxOf(r, command.parent, true), { index: command.index }, null, command.side);
				return;
			case 'delete':
				return this.remove(r, this.boxOf(r, command.box, false));
			case 'edit':
				editBoxText(doc, this.boxOf(r, command.box, true), command.text);
				return;
			case 'crossMove': {
				const o = command.other % count;
				const [a, b] = [this.recentBox(r, o, r, command.box), this.recentBox(r, o, o, command.parent)];
				moveBox(doc, a, b, { index: 0 });
				moveBox(this.replicas[o].doc, b, a, { index: 0 });
				return;
			}
			case 'deleteVsAdd': {
				const o = command.other % count;
				const target = this.boxOf(r, command.box, false);
				// A child on the target's own side, so it hangs under the target (not between).
				const side = deriveTree(this.replicas[o].doc).byId.get(target)?.role;
				this.remove(r, target);
				this.add(o, side === 'effect' ? 'addEffect' : 'addCause', target, 'pod usuniętym');
				return;
			}
			case 'sync':
				return this.sync(r, command.other % count);
		}
	}

	/** Every replica receives every update of every other replica, in its own shuffled order. */
	deliverAll(orders: number[][]) {
		const all = this.replicas.flatMap((from, i) => from.updates.map((update) => ({ from: i, update })));
		this.replicas.forEach((to, i) => {
			const order = orders[i % orders.length];
			const shuffled = all
				.map((entry, k) => ({ entry, key: order[k % order.length] * all.length + k }))
				.sort((p, q) => p.key - q.key)
				.map(({ entry }) => entry);
			for (const { from, update } of shuffled) if (from !== i) Y.applyUpdate(to.doc, update, 'remote');
		});
	}
}


function assertWellFormed(tree: DerivedTree, doc: Y.Doc) {
	const listed = flattenTree(tree).map((box) => box.id);
	expect(new Set(listed).size).toBe(listed.length);
	expect(listed.length).toBe(tree.size);
	const stored = [...readBoxes(doc).keys()];
	expect(new Set([...stored, CORE_BOX_ID])).toEqual(new Set(listed));
	for (const box of tree.byId.values()) {
		if (box.parentId === null) continue;
		expect(tree.byId.get(box.parentId)!.depth).toBe(box.depth - 1);
	}
}

describe('problem tree convergence', () => {
	it('derives the same tree on every replica, whatever the operations and delivery order', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 2, max: 3 }),
				fc.array(commandArb, { minLength: 1, maxLength: 30 }),
				fc.array(fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 3 }),
				(count, commands, orders) => {
					const scenario = new Scenario(count);
					for (const command of commands) scenario.run(command);
					scenario.deliverAll(orders);

					const [first, ...rest] = scenario.replicas.map((r) => deriveTree(r.doc));
					for (const tree of rest) expect(canonicalTree(tree)).toBe(canonicalTree(first));
					assertWellFormed(first, scenario.replicas[0].doc);
					for (const id of scenario.created) {
						if (!scenario.deleted.has(id)) expect(first.byId.has(id), `box ${id} was lost`).toBe(true);
					}
				}
			),
			{ numRuns: 200 }
		);
	});

	it('agrees on where to cut the cycles that moves made apart from each other create', () => {
		// Every replica first adds boxes of its own, so the boxes reach each replica's map in a
		// different order; then each moves boxes around without hearing of the others' moves.
		fc.assert(
			fc.property(
				fc.integer({ min: 2, max: 3 }),
				fc.array(fc.tuple(pick, fc.boolean()), { minLength: 2, maxLength: 8 }),
				fc.array(fc.tuple(replica, pick, pick), { minLength: 2, maxLength: 12 }),
				fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 20 }),
				(count, additions, moves, order) => {
					const scenario = new Scenario(count);
					additions.forEach(([target, effect], i) => {
						const r = i % count;
						scenario.add(r, effect ? 'addEffect' : 'addCause', scenario.boxOf(r, target, true), `b${i}`);
					});
					for (let r = 1; r < count; r++) scenario.sync(0, r);
					for (let r = 1; r < count; r++) scenario.sync(0, r);
					for (const [r, box, parent] of moves) {
						const at = r % count;
						moveBox(scenario.replicas[at].doc, scenario.boxOf(at, box, false), scenario.boxOf(at, parent, false), { index: 0 });
					}
					scenario.deliverAll([order, [...order].reverse()]);
					const [first, ...rest] = scenario.replicas.map((r) => deriveTree(r.doc));
					for (const tree of rest) expect(canonicalTree(tree)).toBe(canonicalTree(first));
					assertWellFormed(first, scenario.replicas[0].doc);
					expect(first.size).toBe(scenario.created.size + 1);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('repairs a cycle made by two replicas and a subtree orphaned by a concurrent delete, identically', () => {
		const scenario = new Scenario(2);
		scenario.run({ kind: 'crossMove', replica: 0, other: 1, box: 0, parent: 1 });
		scenario.run({ kind: 'deleteVsAdd', replica: 1, other: 0, box: 0 });
		scenario.deliverAll([[3, 1, 2], [0]]);
		const [a, b] = scenario.replicas.map((r) => deriveTree(r.doc));
		expect(canonicalTree(a)).toBe(canonicalTree(b));
		const repaired = [...a.byId.values()].filter((box) => box.repaired).map((box) => box.repaired);
		expect(repaired.sort()).toEqual(['cycle', 'orphan']);
	});
});
