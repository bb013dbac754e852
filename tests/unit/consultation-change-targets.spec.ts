import { describe, expect, it } from 'vitest';
import { withAnsweredRemarks } from '../../src/lib/domain/consultation/answered-remarks';
import { boardDraftId, changeTargetOf } from '../../src/lib/domain/consultation/change-targets';
import { consolidateDraft } from '../../src/lib/domain/draft/consolidate';
import { draftIds, findSection, type DraftAnsweredRemark } from '../../src/lib/domain/draft/model';
import { draftToMarkdown } from '../../src/lib/domain/draft/markdown';
import { fixtureProcess } from './fixtures/draft-process';

describe('the board or section a remark asks to change', () => {
	it('reads the board from every board-made id of the draft', () => {
		expect(changeTargetOf(draftIds.goalsItem('b1', 'action-7'))).toEqual({ kind: 'board', boardId: 'b1' });
		expect(changeTargetOf(draftIds.indicator('b1', 'a', 'i'))).toEqual({ kind: 'board', boardId: 'b1' });
		expect(changeTargetOf(draftIds.goalsArea('b1'))).toEqual({ kind: 'board', boardId: 'b1' });
		expect(changeTargetOf(draftIds.treeBox('t1', 'box'))).toEqual({ kind: 'board', boardId: 't1' });
		expect(changeTargetOf(draftIds.card('c1', 'card'))).toEqual({ kind: 'board', boardId: 'c1' });
		expect(changeTargetOf(draftIds.matrixRow('m1', 'r'))).toEqual({ kind: 'board', boardId: 'm1' });
		expect(changeTargetOf(draftIds.matrixAnnex('m1'))).toEqual({ kind: 'board', boardId: 'm1' });
	});

	it('sends written text, paragraphs and the diagnosis overview to their section', () => {
		expect(changeTargetOf('forecast')).toEqual({ kind: 'section', sectionId: 'forecast' });
		expect(changeTargetOf('paragraph:introduction:3')).toEqual({ kind: 'section', sectionId: 'introduction' });
		expect(changeTargetOf(draftIds.diagnosisArea('przemoc'))).toEqual({ kind: 'section', sectionId: 'diagnosis' });
		expect(changeTargetOf(draftIds.workshop('w1'))).toEqual({ kind: 'section', sectionId: 'participation' });
		expect(changeTargetOf(draftIds.consultationAnnex('r1'))).toEqual({ kind: 'section', sectionId: 'annexes' });
	});

	it('falls back to the remark section for an id it does not know, and says so when there is none', () => {
		expect(changeTargetOf('something:else', 'goals')).toEqual({ kind: 'section', sectionId: 'goals' });
		expect(changeTargetOf('paragraph:not-a-section:1', 'services')).toEqual({ kind: 'section', sectionId: 'services' });
		expect(changeTargetOf('something:else', 'nonsense')).toEqual({ kind: 'other' });
		expect(changeTargetOf('goals:', 'goals')).toEqual({ kind: 'section', sectionId: 'goals' });
	});

	it('names a whole board by its draft id, only for kinds the draft uses', () => {
		expect(boardDraftId('goals', 'b')).toBe('goals:b');
		expect(boardDraftId('objective-tree', 'b')).toBe('tree:b');
		expect(boardDraftId('need-gap-matrix', 'b')).toBe('matrix:b');
		expect(boardDraftId('ideas-wall', 'b')).toBeNull();
	});
});

describe('a version recording answered remarks', () => {
	const draft = consolidateDraft(fixtureProcess().input);
	const goals = findSection(draft, 'goals')!;
	const action = goals.areas[0].strategic[0].actions[0];
	const remark = (overrides: Partial<DraftAnsweredRemark>): DraftAnsweredRemark => ({
		remarkId: 'r7',
		roundTitle: 'Konsultacje *wiosna*',
		number: 7,
		status: 'accepted',
		targetId: action.id,
		targetLabel: 'Działanie 1',
		content: 'Dopisać szkoły',
		changeNote: 'Dopisano szkoły',
		changeTargetId: null,
		changeTargetLabel: '',
		...overrides
	});

	it('adds the remark as a source of the action it targets, and lists it', () => {
		const recorded = withAnsweredRemarks(draft, [remark({})]);
		const after = findSection(recorded, 'goals')!.areas[0].strategic[0].actions[0];
		expect(after.sources.at(-1)).toEqual({ kind: 'remark', targetId: draftIds.remark('r7'), label: 'Uwaga nr 7 (Konsultacje *wiosna*)', missing: false });
		expect(recorded.answeredRemarks).toHaveLength(1);
		// The input draft is left as it was.
		expect(action.sources.some((source) => source.kind === 'remark')).toBe(false);
		// Markdown prints it as a source, escaped.
		expect(draftToMarkdown(recorded)).toContain('Uwaga nr 7 (Konsultacje \\*wiosna\\*)');
	});

	it('adds it where the change was made, and in English for an English draft', () => {
		const goal = goals.areas[0].strategic[0];
		const recorded = withAnsweredRemarks({ ...draft, language: 'en' }, [remark({ targetId: 'goals', changeTargetId: goal.id })]);
		const after = findSection(recorded, 'goals')!.areas[0].strategic[0];
		expect(after.sources.at(-1)?.label).toBe('Remark no. 7 (Konsultacje *wiosna*)');
		expect(after.actions[0].sources.some((source) => source.kind === 'remark')).toBe(false);
	});
});
