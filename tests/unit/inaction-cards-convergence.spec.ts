import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	BEARERS,
	DIMENSIONS,
	addCard,
	addProblemLink,
	deleteCard,
	deriveCards,
	editCardText,
	initCardsDoc,
	moveCard,
	removeProblemLink,
	setBearers,
	setCardFields,
	setSeverity,
	type Severity
} from '../../src/lib/domain/inaction-cards';

/**
 * Convergence in the style of Yjs' applyRandomTests: a few replicas of one cards board take
 * random operations while partly connected, then exchange everything. Every replica must show
 * the same grid, with every card nobody deleted, and no bearer or link shown twice.
 */
type Command =
	| { kind: 'add'; replica: number; index: number }
	| { kind: 'text'; replica: number; card: number; text: string }
	| { kind: 'cost'; replica: number; card: number; cost: string }
	| { kind: 'bearers'; replica: number; card: number; mask: number }
	| { kind: 'severity'; replica: number; card: number; dimension: number; severity: number }
	| { kind: 'link' | 'unlink'; replica: number; card: number; box: number }
	| { kind: 'move'; replica: number; card: number; index: number }
	| { kind: 'delete'; replica: number; card: number }
	| { kind: 'sync'; replica: number; other: number };

const replica = fc.nat({ max: 2 });
const card = fc.nat({ max: 100 });
const commandArb: fc.Arbitrary<Command> = fc.oneof(
	fc.record({ kind: fc.constant('add' as const), replica, index: fc.nat({ max: 5 }) }),
	fc.record({ kind: fc.constant('text' as const), replica, card, text: fc.constantFrom('', 'Brak', 'pieczy', 'ąę x') }),
	fc.record({ kind: fc.constant('cost' as const), replica, card, cost: fc.constantFrom('', '12 × 4 800 zł', '4 80', '3 × 1,5') }),
	fc.record({ kind: fc.constant('bearers' as const), replica, card, mask: fc.nat({ max: 7 }) }),
	fc.record({ kind: fc.constant('severity' as const), replica, card, dimension: fc.nat({ max: 4 }), severity: fc.nat({ max: 5 }) }),
	fc.record({ kind: fc.constantFrom('link' as const, 'unlink' as const), replica, card, box: fc.nat({ max: 2 }) }),
	fc.record({ kind: fc.constant('move' as const), replica, card, index: fc.nat({ max: 5 }) }),
	fc.record({ kind: fc.constant('delete' as const), replica, card }),
	fc.record({ kind: fc.constant('sync' as const), replica, other: replica })
);

function sync(a: Y.Doc, b: Y.Doc): void {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function run(docs: Y.Doc[], command: Command, created: Set<string>, deleted: Set<string>, serial: () => number): void {
	const doc = docs[command.replica % docs.length];
	const ids = deriveCards(doc).map((c) => c.id);
	const id = 'card' in command ? (ids[command.card % Math.max(ids.length, 1)] ?? 'none') : '';
	switch (command.kind) {
		case 'add': {
			const added = addCard(doc, { area: 'ubóstwo', index: command.index, id: `c${serial()}` });
			if (added) created.add(added);
			return;
		}
		case 'text':
			editCardText(doc, id, command.text);
			return;
		case 'cost':
			setCardFields(doc, id, { costEstimate: command.cost });
			return;
		case 'bearers':
			setBearers(doc, id, BEARERS.filter((_, bit) => command.mask & (1 << bit)));
			return;
		case 'severity':
			setSeverity(doc, id, DIMENSIONS[command.dimension], command.severity === 0 ? null : (command.severity as Severity));
			return;
		case 'link':
		case 'unlink':
			(command.kind === 'link' ? addProblemLink : removeProblemLink)(doc, id, { boardId: 'tree', boxId: `b${command.box}` });
			return;
		case 'move':
			moveCard(doc, id, command.index);
			return;
		case 'delete':
			if (deleteCard(doc, id)) deleted.add(id);
			return;
		case 'sync':
			sync(doc, docs[command.other % docs.length]);
	}
}

describe('cards board convergence', () => {
	it('shows the same grid on every replica, whatever the operations', () => {
		fc.assert(
			fc.property(fc.integer({ min: 2, max: 3 }), fc.array(commandArb, { minLength: 1, maxLength: 40 }), (count, commands) => {
				const seed = new Y.Doc();
				initCardsDoc(seed);
				addCard(seed, { id: 'seed', area: 'bezdomność' });
				const docs = Array.from({ length: count }, () => {
					const doc = new Y.Doc();
					Y.applyUpdate(doc, Y.encodeStateAsUpdate(seed));
					return doc;
				});
				const created = new Set(['seed']);
				const deleted = new Set<string>();
				let next = 0;
				for (const command of commands) run(docs, command, created, deleted, () => next++);
				for (const a of docs) for (const b of docs) sync(a, b);

				const [first, ...rest] = docs.map((doc) => deriveCards(doc));
				for (const cards of rest) expect(cards).toEqual(first);
				expect(new Set(first.map((c) => c.id))).toEqual(new Set([...created].filter((id) => !deleted.has(id))));
				expect(first.map((c) => c.position)).toEqual(first.map((_, i) => i));
				for (const c of first) {
					expect(new Set(c.bearers).size).toBe(c.bearers.length);
					expect(new Set(c.problemLinks.map((link) => link.boxId)).size).toBe(c.problemLinks.length);
				}
			}),
			{ numRuns: 150 }
		);
	});
});
