import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	CORE_BOX_ID,
	addCause,
	addEffect,
	convertToObjectiveTree,
	deleteBox,
	deriveTree,
	editBoxText,
	flattenTree,
	initTreeDoc,
	moveBox,
	readTreeMeta,
	setBoxDetails,
	type DerivedTree,
	type TreeBox
} from '../../src/lib/domain/problem-tree';

const by = 'facilitator-1';

/** A problem tree as a workshop group builds it, with the box ids the test refers to. */
function workshopTree() {
	const doc = new Y.Doc();
	initTreeDoc(doc, 'problem', { coreText: 'Wysoki poziom przemocy w rodzinach' });
	const add = (kind: 'cause' | 'effect', parent: string, text: string) =>
		(kind === 'cause' ? addCause : addEffect)(doc, parent, { text, by, now: 1 })!;
	const parenting = add('cause', CORE_BOX_ID, 'Niski poziom kompetencji wychowawczych rodziców');
	const counselling = add('cause', parenting, 'Brak specjalistycznego poradnictwa dla rodzin');
	const coordination = add('cause', CORE_BOX_ID, 'Brak koordynacji działań między instytucjami');
	const fosterCare = add('effect', CORE_BOX_ID, 'Rosnąca liczba dzieci umieszczanych w pieczy zastępczej');
	const schools = add('effect', CORE_BOX_ID, 'Przemoc rówieśnicza w szkołach');
	setBoxDetails(doc, fosterCare, { evidence: '48 dzieci w pieczy w 2023', evidenceSource: 'PCPR', scale: '31 rodzin' });
	return { doc, ids: { parenting, counselling, coordination, fosterCare, schools } };
}

/** The tree as a person reads it: role and text per box, nested. */
function outline(tree: DerivedTree): string[] {
	return flattenTree(tree).map((box) => `${'  '.repeat(box.depth)}${box.role}: ${box.text}`);
}

function objectiveOf(tree: DerivedTree, sourceBoxId: string): TreeBox {
	const found = [...tree.byId.values()].find((box) => box.objective?.sourceBoxId === sourceBoxId);
	if (!found) throw new Error(`no objective for ${sourceBoxId}`);
	return found;
}

function convert(problem: Y.Doc, objective: Y.Doc, now = 1000) {
	return convertToObjectiveTree(problem, objective, { by, now });
}

describe('converting a problem tree', () => {
	it('mirrors its shape with each statement turned into a desired state', () => {
		const { doc } = workshopTree();
		const objectiveDoc = new Y.Doc();
		const report = convert(doc, objectiveDoc);

		expect(outline(deriveTree(objectiveDoc))).toEqual([
			'core: Poziom przemocy w rodzinach jest niski',
			'  effect: Liczba dzieci umieszczanych w pieczy zastępczej maleje',
			'  effect: Przemoc rówieśnicza w szkołach',
			'  cause: Rodzice mają wysokie kompetencje wychowawcze',
			'    cause: Specjalistyczne poradnictwo jest dostępne dla rodzin',
			'  cause: Działania instytucji są skoordynowane'
		]);
		expect(report).toEqual({ added: 6, moved: 0, kept: 0, updatedSuggestions: 0, flaggedMissing: 0 });
		expect(readTreeMeta(objectiveDoc)).toMatchObject({ treeKind: 'objective', convertedAt: 1000 });
	});

	it('links every objective to its problem box, parent to parent, with the original beside it', () => {
		const { doc } = workshopTree();
		const objectiveDoc = new Y.Doc();
		convert(doc, objectiveDoc);
		const problem = deriveTree(doc);
		const objective = deriveTree(objectiveDoc);

		expect(objective.size).toBe(problem.size);
		for (const box of problem.byId.values()) {
			const goal = objectiveOf(objective, box.id);
			expect(goal.role).toBe(box.role);
			expect(goal.objective?.originalText).toBe(box.text);
			expect(goal.objective?.suggestedText).toBe(goal.text);
			expect(goal.objective?.rephrased).toBe(false);
			const parentSource = goal.parentId === null ? null : objective.byId.get(goal.parentId)!.objective!.sourceBoxId;
			expect(parentSource).toBe(box.parentId);
		}
	});

	it('keeps a statement it cannot turn around as written, flagged for the group', () => {
		const { doc, ids } = workshopTree();
		const objectiveDoc = new Y.Doc();
		convert(doc, objectiveDoc);
		const flagged = objectiveOf(deriveTree(objectiveDoc), ids.schools);
		expect(flagged.text).toBe('Przemoc rówieśnicza w szkołach');
		expect(flagged.objective).toMatchObject({ wording: 'flagged', rephrased: false });
		expect(objectiveOf(deriveTree(objectiveDoc), ids.coordination).objective?.wording).toBe('suggested');
	});

	it('carries the evidence over as the baseline', () => {
		const { doc, ids } = workshopTree();
		const objectiveDoc = new Y.Doc();
		convert(doc, objectiveDoc);
		expect(objectiveOf(deriveTree(objectiveDoc), ids.fosterCare)).toMatchObject({
			evidence: '48 dzieci w pieczy w 2023',
			evidenceSource: 'PCPR',
			scale: '31 rodzin'
		});
	});

	it('changes nothing the group can see when converted again without changes', () => {
		const { doc } = workshopTree();
		const objectiveDoc = new Y.Doc();
		convert(doc, objectiveDoc);
		const before = outline(deriveTree(objectiveDoc));
		const report = convert(doc, objectiveDoc, 2000);
		expect(outline(deriveTree(objectiveDoc))).toEqual(before);
		expect(report).toEqual({ added: 0, moved: 0, kept: 6, updatedSuggestions: 0, flaggedMissing: 0 });
	});
});

describe('converting again after the problem tree changed', () => {
	function changedWorkshop() {
		const { doc, ids } = workshopTree();
		const objectiveDoc = new Y.Doc();
		convert(doc, objectiveDoc);
		// The group works on the objective tree...
		const coordinationGoal = objectiveOf(deriveTree(objectiveDoc), ids.coordination).id;
		editBoxText(objectiveDoc, coordinationGoal, 'Instytucje wspólnie planują wsparcie rodzin');
		const handMade = addCause(objectiveDoc, CORE_BOX_ID, { text: 'Mieszkańcy reagują na przemoc', by })!;
		// ...while the problem tree changes: a move, an addition, a deletion and two new texts.
		moveBox(doc, ids.counselling, ids.coordination, { index: 0 });
		const therapy = addCause(doc, CORE_BOX_ID, { text: 'Długi czas oczekiwania na terapię uzależnień', by })!;
		moveBox(doc, therapy, CORE_BOX_ID, { index: 1 }, null, 'cause');
		const undo = new Y.UndoManager(doc.getMap('boxes'), { trackedOrigins: new Set(['deleting']) });
		deleteBox(doc, ids.schools, 'deleting');
		editBoxText(doc, ids.coordination, 'Brak współpracy szkół z rodzicami');
		editBoxText(doc, ids.parenting, 'Niski poziom wiedzy rodziców o rozwoju dziecka');
		const report = convert(doc, objectiveDoc, 2000);
		return { doc, objectiveDoc, ids, report, handMade, therapy, undo };
	}

	it('adds, follows, keeps and flags as a facilitator expects', () => {
		const { objectiveDoc, report } = changedWorkshop();
		expect(outline(deriveTree(objectiveDoc))).toEqual([
			'core: Poziom przemocy w rodzinach jest niski',
			'  effect: Liczba dzieci umieszczanych w pieczy zastępczej maleje',
			'  effect: Przemoc rówieśnicza w szkołach',
			'  cause: Rodzice mają dużą wiedzę o rozwoju dziecka',
			'  cause: Terapia uzależnień jest dostępna bez długiego oczekiwania',
			'  cause: Instytucje wspólnie planują wsparcie rodzin',
			'    cause: Specjalistyczne poradnictwo jest dostępne dla rodzin',
			'  cause: Mieszkańcy reagują na przemoc'
		]);
		expect(report).toEqual({ added: 1, moved: 1, kept: 5, updatedSuggestions: 1, flaggedMissing: 1 });
	});

	it('keeps a rephrased wording and shows the new problem statement beside it', () => {
		const { objectiveDoc, ids } = changedWorkshop();
		expect(objectiveOf(deriveTree(objectiveDoc), ids.coordination)).toMatchObject({
			text: 'Instytucje wspólnie planują wsparcie rodzin',
			objective: {
				originalText: 'Brak współpracy szkół z rodzicami',
				suggestedText: 'Szkoły współpracują z rodzicami',
				rephrased: true
			}
		});
	});

	it('flags the objective of a deleted box instead of deleting it, and clears the flag when it returns', () => {
		const { doc, objectiveDoc, ids, undo } = changedWorkshop();
		expect(objectiveOf(deriveTree(objectiveDoc), ids.schools).objective?.sourceMissing).toBe(true);

		undo.undo();
		expect(deriveTree(doc).byId.has(ids.schools)).toBe(true);
		const report = convert(doc, objectiveDoc, 3000);
		expect(objectiveOf(deriveTree(objectiveDoc), ids.schools).objective?.sourceMissing).toBe(false);
		expect(report.flaggedMissing).toBe(0);
		expect(report.added).toBe(0);
	});

	it('leaves boxes the group added by hand alone', () => {
		const { objectiveDoc, handMade } = changedWorkshop();
		const box = deriveTree(objectiveDoc).byId.get(handMade)!;
		expect(box).toMatchObject({ text: 'Mieszkańcy reagują na przemoc', role: 'cause', objective: null });
	});

	it('does not undo a move the group made in the objective tree', () => {
		const { doc, ids } = workshopTree();
		const objectiveDoc = new Y.Doc();
		convert(doc, objectiveDoc);
		const tree = deriveTree(objectiveDoc);
		const counsellingGoal = objectiveOf(tree, ids.counselling).id;
		moveBox(objectiveDoc, counsellingGoal, CORE_BOX_ID, { index: 0 }, null, 'cause');

		const report = convert(doc, objectiveDoc, 2000);
		expect(deriveTree(objectiveDoc).byId.get(counsellingGoal)!.parentId).toBe(CORE_BOX_ID);
		expect(report.moved).toBe(0);
	});

	it('follows a box moved to the other side of the core', () => {
		const { doc, ids } = workshopTree();
		const objectiveDoc = new Y.Doc();
		convert(doc, objectiveDoc);
		moveBox(doc, ids.coordination, CORE_BOX_ID, { index: 0 }, null, 'effect');

		const report = convert(doc, objectiveDoc, 2000);
		expect(objectiveOf(deriveTree(objectiveDoc), ids.coordination).role).toBe('effect');
		expect(deriveTree(objectiveDoc).effects[0].objective?.sourceBoxId).toBe(ids.coordination);
		expect(report.moved).toBe(1);
	});

	it('re-creates an objective the group deleted while its box still exists', () => {
		const { doc, ids } = workshopTree();
		const objectiveDoc = new Y.Doc();
		convert(doc, objectiveDoc);
		deleteBox(objectiveDoc, objectiveOf(deriveTree(objectiveDoc), ids.coordination).id);

		const report = convert(doc, objectiveDoc, 2000);
		expect(objectiveOf(deriveTree(objectiveDoc), ids.coordination).text).toBe('Działania instytucji są skoordynowane');
		expect(report.added).toBe(1);
	});
});

describe('two conversions at once', () => {
	it('converge to one objective per problem box', () => {
		const { doc } = workshopTree();
		const first = new Y.Doc();
		const second = new Y.Doc();
		convert(doc, first);
		convert(doc, second);
		Y.applyUpdate(first, Y.encodeStateAsUpdate(second));
		Y.applyUpdate(second, Y.encodeStateAsUpdate(first));

		expect(outline(deriveTree(first))).toEqual(outline(deriveTree(second)));
		expect(deriveTree(first).size).toBe(deriveTree(doc).size);
	});
});
