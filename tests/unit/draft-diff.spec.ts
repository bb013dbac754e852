import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAction, addIndicator, deleteItem, deriveGoals, editItemText, setActionFields, updateIndicator } from '../../src/lib/domain/goals';
import { consolidateDraft } from '../../src/lib/domain/draft/consolidate';
import { diffDrafts } from '../../src/lib/domain/draft/diff';
import { diffWords } from '../../src/lib/domain/draft/word-diff';
import { fixtureProcess } from './fixtures/draft-process';

describe('word diff', () => {
	it('marks the words that changed', () => {
		expect(diffWords('Liczba osób starszych wzrośnie.', 'Liczba osób starszych w powiecie wzrośnie o 20%.')).toEqual([
			{ op: 'same', text: 'Liczba osób starszych ' },
			{ op: 'added', text: 'w powiecie ' },
			{ op: 'same', text: 'wzrośnie' },
			{ op: 'added', text: ' o 20%' },
			{ op: 'same', text: '.' }
		]);
	});

	it('always rebuilds both texts from its parts', () => {
		const text = fc.array(fc.constantFrom('a', 'b', 'ż', ' ', '\n'), { maxLength: 60 }).map((chars) => chars.join(''));
		fc.assert(
			fc.property(text, text, (before, after) => {
				const parts = diffWords(before, after);
				expect(parts.filter((p) => p.op !== 'added').map((p) => p.text).join('')).toBe(before);
				expect(parts.filter((p) => p.op !== 'removed').map((p) => p.text).join('')).toBe(after);
			})
		);
	});

	it('shows a rewritten text as removed and added whole instead of searching forever', () => {
		const words = (prefix: string) => Array.from({ length: 3000 }, (_, i) => `${prefix}${i}`).join(' ');
		const parts = diffWords(words('a'), words('b'));
		expect(parts.filter((p) => p.op !== 'added').map((p) => p.text).join('')).toBe(words('a'));
		expect(parts.filter((p) => p.op !== 'removed').map((p) => p.text).join('')).toBe(words('b'));
	});
});

describe('comparing two versions', () => {
	it('reports an unchanged draft as unchanged', () => {
		const { input } = fixtureProcess();
		const diff = diffDrafts(consolidateDraft(input), consolidateDraft({ ...input, version: 2 }));
		expect(diff.titlePage).toEqual([]);
		expect(diff.sections.every((section) => section.change === 'unchanged')).toBe(true);
	});

	it('shows added, removed and changed actions and indicators, by stable id, not by number', () => {
		const process = fixtureProcess();
		const v1 = consolidateDraft({ ...process.input, version: 1 });
		const outline = deriveGoals(process.goals);
		const [first, second, , , , , last] = outline.actions;
		const inserted = addAction(process.goals, outline.strategic[0].id, { text: 'Nowe działanie', timeframe: '2024', index: 0 })!;
		editItemText(process.goals, second.id, 'Szkolenie kadr pomocy społecznej.');
		setActionFields(process.goals, first.id, { timeframe: '2024–2026' });
		updateIndicator(process.goals, second.id, second.indicators[1].id, { target: '120' });
		addIndicator(process.goals, inserted, { name: 'Liczba nowych usług' });
		deleteItem(process.goals, last.id);
		const v2 = consolidateDraft({ ...process.input, version: 2, texts: { ...process.input.texts, forecast: 'Liczba osób starszych wyraźnie wzrośnie.' } });

		const diff = diffDrafts(v1, v2);
		const goals = diff.sections.find((section) => section.id === 'goals')!;
		const changes = goals.rows.map((row) => [row.change, row.kind, row.position, row.changedFields.join(',')]);
		expect(changes).toEqual([
			['added', 'action', 'V.1', ''],
			['changed', 'action', 'V.2', 'timeframe'],
			['changed', 'action', 'V.3', 'text'],
			['removed', 'action', 'V.7', '']
		]);
		expect(goals.rows[2].textDiff).toContainEqual({ op: 'removed', text: 'i doskonalenie zawodowe ' });

		const indicators = diff.sections.find((section) => section.id === 'implementation')!.rows;
		expect(indicators.map((row) => [row.change, row.position, row.changedFields.join(',')])).toEqual([
			['added', 'V.1', ''],
			['changed', 'V.3', 'target'],
			['removed', 'V.7', ''],
			['removed', 'V.7', '']
		]);

		const forecast = diff.sections.find((section) => section.id === 'forecast')!;
		expect(forecast.change).toBe('changed');
		expect(forecast.text).toContainEqual({ op: 'added', text: 'wyraźnie ' });
	});
});
