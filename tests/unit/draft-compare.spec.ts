import { describe, expect, it } from 'vitest';
import { addIndicator, deleteItem, deriveGoals, setActionFields } from '../../src/lib/domain/goals';
import { chooseVersions, detailChanges, isUnchanged, rowsByKind } from '../../src/lib/domain/draft/compare';
import { consolidateDraft } from '../../src/lib/domain/draft/consolidate';
import { diffDrafts } from '../../src/lib/domain/draft/diff';
import { fixtureProcess } from './fixtures/draft-process';

describe('choosing the versions to compare', () => {
	it('offers the two latest versions when nothing is asked for', () => {
		expect(chooseVersions([3, 1, 2], null, null)).toEqual({ kind: 'pair', from: 2, to: 3 });
		expect(chooseVersions([1, 2, 3], '1', '3')).toEqual({ kind: 'pair', from: 1, to: 3 });
		// Comparing backwards is allowed: what v1 has that v3 no longer does.
		expect(chooseVersions([1, 2, 3], '3', '1')).toEqual({ kind: 'pair', from: 3, to: 1 });
	});

	it('says when there are fewer than two versions', () => {
		expect(chooseVersions([], null, null).kind).toBe('too-few');
		expect(chooseVersions([1], null, null)).toEqual({ kind: 'too-few', from: null, to: 1 });
		expect(chooseVersions([1], '1', null).kind).toBe('too-few');
	});

	it('names a version that does not exist, however it is written, and keeps the other choice', () => {
		expect(chooseVersions([1, 2], '1', '7')).toEqual({ kind: 'missing', from: 1, to: null, missing: '7' });
		expect(chooseVersions([1, 2], '0', '2')).toMatchObject({ kind: 'missing', missing: '0', to: 2 });
		expect(chooseVersions([1, 2], '1.5', '2')).toMatchObject({ kind: 'missing', missing: '1.5' });
		expect(chooseVersions([1, 2], '<b>'.repeat(20), '2')).toMatchObject({ kind: 'missing', missing: '<b>'.repeat(20).slice(0, 20) });
	});

	it('says when the same version is chosen twice', () => {
		expect(chooseVersions([1, 2], '2', '2')).toEqual({ kind: 'same', from: 2, to: 2 });
	});
});

describe('what the comparison page lists', () => {
	it('finds nothing to show between two consolidations of the same boards', () => {
		const process = fixtureProcess();
		expect(isUnchanged(diffDrafts(consolidateDraft(process.input), consolidateDraft(process.input)))).toBe(true);
	});

	it('groups a section’s rows by kind in reading order, with the details of each change', () => {
		const process = fixtureProcess();
		const before = consolidateDraft(process.input);
		const actions = deriveGoals(process.goals).actions;
		setActionFields(process.goals, actions[0].id, { timeframe: '2025–2027' });
		addIndicator(process.goals, actions[1].id, { name: 'Liczba superwizji', unit: 'szt.', baseline: '0', target: '12' });
		deleteItem(process.goals, actions[2].id);
		const diff = diffDrafts(before, consolidateDraft(process.input));
		expect(isUnchanged(diff)).toBe(false);

		const goals = diff.sections.find((section) => section.id === 'goals')!;
		const actionRows = rowsByKind(goals.rows).find((group) => group.kind === 'action')!.rows;
		// Changed before removed; renumbered rows below the removed one are not changes.
		expect(actionRows.map((row) => row.change)).toEqual(['changed', 'removed']);
		expect(detailChanges(actionRows[0])).toEqual([{ field: 'timeframe', before: actions[0].timeframe, after: '2025–2027' }]);
		expect(detailChanges(actionRows[1]).every((detail) => detail.after === '' && detail.before !== '')).toBe(true);

		const implementation = diff.sections.find((section) => section.id === 'implementation')!;
		const indicators = rowsByKind(implementation.rows);
		expect(indicators.map((group) => group.kind)).toEqual(['indicator']);
		const added = indicators[0].rows.find((row) => row.change === 'added' && row.after?.name === 'Liczba superwizji')!;
		// The name is the row's own cell; the details list the other filled-in fields.
		expect(detailChanges(added)).toEqual(
			expect.arrayContaining([
				{ field: 'unit', before: '', after: 'szt.' },
				{ field: 'target', before: '', after: '12' }
			])
		);
		expect(detailChanges(added).map((detail) => detail.field)).not.toContain('name');
	});
});
