import { describe, expect, it } from 'vitest';
import { addAction, addIndicator, deriveGoals, editItemText } from '../../src/lib/domain/goals';
import { addCard } from '../../src/lib/domain/inaction-cards';
import { consolidateDraft, participationInput } from '../../src/lib/domain/draft/consolidate';
import { findSection, SECTION_IDS, type StrategyDraft } from '../../src/lib/domain/draft/model';
import { fixtureProcess } from './fixtures/draft-process';

function goalsArea(draft: StrategyDraft) {
	return findSection(draft, 'goals')!.areas[0];
}

/** Every stable id in the draft with what it names, for comparing two consolidations. */
function idsWithText(draft: StrategyDraft): Map<string, string> {
	const ids = new Map<string, string>();
	for (const area of findSection(draft, 'goals')!.areas) {
		for (const goal of area.strategic) {
			ids.set(goal.id, goal.text);
			for (const specific of goal.specific) ids.set(specific.id, specific.text);
			for (const action of goal.actions) {
				ids.set(action.id, action.text);
				for (const indicator of action.indicators) ids.set(indicator.id, indicator.name);
			}
		}
	}
	for (const area of findSection(draft, 'diagnosis')!.areas) {
		ids.set(area.id, area.title);
		for (const tree of area.problemTrees) for (const box of tree.boxes) ids.set(box.id, box.text);
		for (const block of area.inactionCards) for (const card of block.cards) ids.set(card.id, card.text);
		for (const block of area.matrices) for (const gap of block.largestGaps) ids.set(gap.id, gap.service);
	}
	return ids;
}

describe('consolidating seed 000 with its diagnosis boards', () => {
	it('has every section in the legal order, with Polish titles and the process title page', () => {
		const draft = consolidateDraft(fixtureProcess().input);
		expect(draft.sections.map((section) => section.id)).toEqual(SECTION_IDS.filter((id) => id !== 'participation'));
		expect(draft.sections.map((section) => section.title)).toContain('Ramy finansowe');
		expect(draft.titlePage).toEqual({
			title: 'Strategia Rozwiązywania Problemów Społecznych Powiatu Olsztyńskiego',
			territory: 'Powiat olsztyński',
			periodFrom: 2021,
			periodTo: 2030,
			// 23:30 UTC is already the next day in Poland.
			date: '2026-11-27',
			version: null
		});
		expect(findSection(draft, 'text')!.paragraphs).toEqual(['Strategia powstała w procesie partycypacyjnym.', 'Drugi akapit wprowadzenia.']);
	});

	it('reproduces the chapter: area, goal numbers, seven actions with indicators and footnotes', () => {
		const area = goalsArea(consolidateDraft(fixtureProcess().input));
		expect([area.number, area.title]).toEqual(['V', 'Poprawa współpracy oraz jakości usług społecznych w powiecie']);
		const [goal] = area.strategic;
		expect(goal.number).toBe('5');
		expect(goal.specific.map((specific) => specific.number)).toEqual(['5.1', '5.2', '5.3']);
		expect(goal.actions.map((action) => [action.number, action.timeframe, action.indicators.length])).toEqual([
			[1, '2023', 1],
			[2, '2023', 2],
			[3, '2023', 2],
			[4, '2023', 2],
			[5, '2023', 1],
			[6, '2023', 1],
			[7, '2023', 2]
		]);
		expect(goal.actions[1].indicators[1]).toMatchObject({ name: 'Liczba uczestników.', splitBySex: true });
		expect(goal.actions.every((action) => action.inheritsEntities)).toBe(true);
		expect(area.entitiesNote).toBe('Wszystkie wymienione w obszarach I–IV.');
		expect(goal.specific[0].footnoteRefs).toEqual([1]);
		expect(area.footnoteRefs).toEqual([2]);
		expect(goal.actions[4].footnoteRefs).toEqual([3]);
	});

	it('gathers every indicator for the implementation section, flagged ones kept', () => {
		const draft = consolidateDraft(fixtureProcess().input);
		const indicators = findSection(draft, 'implementation')!.indicators;
		expect(indicators).toHaveLength(11);
		expect(indicators.filter((indicator) => indicator.splitBySex).map((indicator) => indicator.actionRef)).toEqual(['V.2', 'V.3', 'V.4', 'V.4']);
	});

	it('resolves where actions came from: a tree box, a matrix gap, a card; a board left out is marked missing', () => {
		const process = fixtureProcess();
		const actions = goalsArea(consolidateDraft(process.input)).strategic[0].actions;
		expect(actions[1].sources.map((source) => source.label)).toEqual([
			'Drzewo problemów: współpraca — Brak superwizji i doradztwa metodycznego',
			'Matryca usług — Teleopieka × PCPR Pisz (duża luka)'
		]);
		expect(actions[3].sources[0]).toMatchObject({ kind: 'inaction-card', label: 'Karty kosztów zaniechania — przemoc w rodzinie: Dzieci trafiają do pieczy zastępczej.', missing: false });

		const withoutTree = { ...process.input, boards: process.input.boards.filter((board) => board.id !== 'tree-1') };
		const source = goalsArea(consolidateDraft(withoutTree)).strategic[0].actions[1].sources[0];
		expect(source).toEqual({ kind: 'tree-box', targetId: 'tree:tree-1:supervision', label: 'Drzewo (źródło spoza projektu)', missing: true });
	});

	it('lays out the diagnosis per area: the tree outline, the yearly cost, the largest gaps and the annex', () => {
		const draft = consolidateDraft(fixtureProcess().input);
		const [area] = findSection(draft, 'diagnosis')!.areas;
		expect(area.title).toBe('Współpraca i jakość usług');
		const boxes = area.problemTrees[0].boxes;
		expect(boxes.map((box) => [box.role, box.depth, box.text.slice(0, 20)])).toEqual([
			['core', 0, 'Niska skuteczność po'],
			['effect', 1, 'Problemy społeczne n'],
			['cause', 1, 'Niewystarczające kom'],
			['cause', 2, 'Brak superwizji i do'],
			['cause', 1, 'Słaba współpraca mię']
		]);
		expect(boxes[2]).toMatchObject({ evidence: '38% pracowników bez szkolenia w 2022 r.', evidenceSource: 'sprawozdanie PCPR' });
		expect(area.inactionCards[0].summary).toEqual({ total: 691_200, withEstimate: 1, withoutEstimate: 1, unparsable: 0 });
		expect(area.matrices[0].largestGaps.map((gap) => [gap.service, gap.column, gap.gap])).toEqual([
			['Teleopieka', 'PCPR Pisz', 'large'],
			['Kluby Seniora', 'powiat piski', 'large'],
			['Szkoła dla rodziców', 'powiat piski', 'small']
		]);
		const annex = findSection(draft, 'annexes')!.matrices[0];
		expect(annex.groups.map((group) => group.rows.map((row) => row.gaps))).toEqual([
			[
				['large', 'no-data'],
				['no-data', 'large']
			],
			[['small', 'no-data']]
		]);
	});

	it('is deterministic, and keeps every id through unrelated edits and insertions', () => {
		const process = fixtureProcess();
		const before = consolidateDraft(process.input);
		// Plain data: what a saved version stores as JSON reads back as the same draft.
		expect(JSON.parse(JSON.stringify(before))).toEqual(before);
		expect(consolidateDraft(process.input)).toEqual(before);

		const outline = deriveGoals(process.goals);
		const strategicId = outline.strategic[0].id;
		const first = addAction(process.goals, strategicId, { text: 'Nowe działanie na początku', timeframe: '2024', index: 0 })!;
		addIndicator(process.goals, first, { name: 'Liczba osób' });
		editItemText(process.goals, outline.actions[6].id, 'Poszukiwanie innowacyjnych rozwiązań.');
		addCard(process.cards, { area: 'ubóstwo', text: 'Nowa karta', index: 0 });

		const after = idsWithText(consolidateDraft(process.input));
		for (const [id, text] of idsWithText(before)) {
			expect(after.has(id), id).toBe(true);
			if (id !== `goals:goals-v:${outline.actions[6].id}`) expect(after.get(id)).toBe(text);
		}
	});

	it('adds the participation section when a summary is given, women/men only when someone said', () => {
		const process = fixtureProcess();
		const participation = participationInput([{ id: 'w1', title: 'Warsztat strategiczny', heldAt: Date.UTC(2026, 9, 5, 9), participants: 3 }], [
			{ sector: 'ngo', institution: 'Stowarzyszenie Razem', gender: 'woman' },
			{ sector: 'social_assistance', institution: 'PCPR w Olsztynie', gender: null },
			{ sector: 'ngo', institution: 'stowarzyszenie  razem ', gender: 'man' }
		]);
		const section = findSection(consolidateDraft({ ...process.input, participation }), 'participation')!;
		expect(section.workshops).toEqual([{ id: 'workshop:w1', title: 'Warsztat strategiczny', date: '2026-10-05', participants: 3 }]);
		expect(section.bySector[0]).toEqual({ key: 'ngo', count: 2 });
		expect(section.byInstitution[0]).toEqual({ key: 'Stowarzyszenie Razem', count: 2 });
		expect(section.byGender).toEqual({ women: 1, men: 1, notGiven: 1 });
	});

	it('uses English headings for an English process', () => {
		const draft = consolidateDraft({ ...fixtureProcess().input, language: 'en' });
		expect(draft.sections[0].title).toBe('Introduction');
		expect(draft.language).toBe('en');
	});
});
