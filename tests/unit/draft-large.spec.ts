import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAction, addIndicator, addSpecificGoal, addStrategicGoal, initGoalsDoc, setAreaFields } from '../../src/lib/domain/goals';
import { addCard, initCardsDoc, setCardFields } from '../../src/lib/domain/inaction-cards';
import { NEED_LEVELS, OFFER_LEVELS, addColumn, addGroup, addRow, initMatrixDoc, setCell } from '../../src/lib/domain/need-gap-matrix';
import { CORE_BOX_ID, addCause, initTreeDoc } from '../../src/lib/domain/problem-tree';
import { checkCompleteness } from '../../src/lib/domain/draft/completeness';
import { consolidateDraft, type DraftBoardInput } from '../../src/lib/domain/draft/consolidate';
import { draftToMarkdown } from '../../src/lib/domain/draft/markdown';
import { findSection } from '../../src/lib/domain/draft/model';

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];

function goalsBoard(area: number): Y.Doc {
	const doc = new Y.Doc();
	initGoalsDoc(doc);
	setAreaFields(doc, { title: `Obszar testowy ${area}`, number: ROMAN[area] });
	const strategic = addStrategicGoal(doc, { text: `Cel strategiczny ${area}` })!;
	for (let s = 0; s < 2; s++) {
		const specific = addSpecificGoal(doc, strategic, { text: `Cel szczegółowy ${area}.${s}` })!;
		for (let a = 0; a < 5; a++) {
			const action = addAction(doc, specific, { text: `Działanie ${area}.${s}.${a} — żółć`, timeframe: '2025–2027' })!;
			addIndicator(doc, action, { name: `Liczba osób objętych wsparciem ${a}`, splitBySex: a % 2 === 0 });
			addIndicator(doc, action, { name: `Liczba spotkań ${a}`, target: '12' });
		}
	}
	return doc;
}

function cardsBoard(area: number): Y.Doc {
	const doc = new Y.Doc();
	initCardsDoc(doc);
	for (let c = 0; c < 100; c++) {
		const id = addCard(doc, { id: `c${c}`, area: `obszar ${area}`, text: `Skutek zaniechania numer ${c} | <b>${c}</b>` })!;
		setCardFields(doc, id, { costEstimate: `${c + 1} osób × 1 000 zł` });
	}
	return doc;
}

function treeBoard(area: number): Y.Doc {
	const doc = new Y.Doc();
	initTreeDoc(doc, 'problem', { coreText: `Problem ${area}` });
	let parent = CORE_BOX_ID;
	for (let b = 0; b < 10; b++) parent = addCause(doc, b % 3 === 0 ? CORE_BOX_ID : parent, { text: `Przyczyna ${b}`, by: 'f', now: 1 })!;
	return doc;
}

/** 60 services in 6 groups × 20 territories, every cell filled. */
function matrixBoard(): Y.Doc {
	const doc = new Y.Doc();
	initMatrixDoc(doc);
	for (let g = 0; g < 6; g++) {
		addGroup(doc, { id: `g${g}`, name: `Grupa ${g}` });
		for (let r = 0; r < 10; r++) addRow(doc, `g${g}`, { id: `r${g}-${r}`, name: `Usługa ${g}.${r}` });
	}
	for (let c = 0; c < 20; c++) addColumn(doc, { id: `k${c}`, name: `Gmina ${c}`, kind: 'territory' });
	for (let g = 0; g < 6; g++) {
		for (let r = 0; r < 10; r++) {
			for (let c = 0; c < 20; c++) {
				setCell(doc, `r${g}-${r}`, `k${c}`, { need: NEED_LEVELS[(r + c) % 4], offer: OFFER_LEVELS[(g + c) % 3] });
			}
		}
	}
	return doc;
}

describe('a large process (5 areas, 50 actions, 500 cards, a 60×20 matrix)', () => {
	it('consolidates and renders everything', () => {
		const boards: DraftBoardInput[] = [];
		for (let area = 0; area < 5; area++) {
			boards.push({ id: `tree-${area}`, kind: 'problem-tree', title: `Drzewo ${area}`, area: `obszar ${area}`, doc: treeBoard(area) });
			boards.push({ id: `cards-${area}`, kind: 'inaction-cards', title: `Karty ${area}`, area: `obszar ${area}`, doc: cardsBoard(area) });
		}
		boards.push({ id: 'matrix', kind: 'need-gap-matrix', title: 'Matryca', area: 'obszar 0', doc: matrixBoard() });
		for (let area = 0; area < 5; area++) boards.push({ id: `goals-${area}`, kind: 'goals', title: `Cele ${area}`, area: null, doc: goalsBoard(area) });

		const draft = consolidateDraft({ process: { title: 'Duża strategia', territory: 'Województwo', periodFrom: 2025, periodTo: 2035 }, boards, texts: {}, now: 0 });
		const goals = findSection(draft, 'goals')!;
		expect(goals.areas.flatMap((area) => area.strategic.flatMap((goal) => goal.actions))).toHaveLength(50);
		const diagnosis = findSection(draft, 'diagnosis')!;
		expect(diagnosis.areas).toHaveLength(5);
		expect(diagnosis.areas.flatMap((area) => area.inactionCards.flatMap((block) => block.cards))).toHaveLength(500);
		expect(diagnosis.areas[0].inactionCards[0].summary.total).toBe(5_050_000);
		const annex = findSection(draft, 'annexes')!.matrices[0];
		expect(annex.groups.flatMap((group) => group.rows)).toHaveLength(60);
		expect(annex.groups.every((group) => group.rows.every((row) => row.gaps.length === 20))).toBe(true);
		expect(findSection(draft, 'implementation')!.indicators).toHaveLength(100);
		expect(checkCompleteness(draft).filter((finding) => finding.code.startsWith('action'))).toEqual([]);

		const md = draftToMarkdown(draft);
		expect(md.match(/^\| \d+\. \| Działanie/gm)).toHaveLength(50);
		expect(md.match(/^\| Skutek zaniechania numer \d+ \\\| \\<b\\>/gm)).toBeNull();
		expect(md.match(/^\| obszar \d \| Skutek zaniechania numer \d+ \\\| \\<b\\>\d+\\<\/b\\> \|/gm)).toHaveLength(500);
	});
});
