import { describe, expect, it } from 'vitest';
import { suggestObjectiveWording } from '../../src/lib/domain/problem-tree/objective-wording';
import { PROBLEM_STATEMENTS } from './fixtures/problem-statements';

describe('suggestObjectiveWording on real problem statements', () => {
	it('has a fixture large enough to mean something', () => {
		expect(PROBLEM_STATEMENTS.length).toBeGreaterThanOrEqual(25);
		expect(PROBLEM_STATEMENTS.filter((entry) => 'flagged' in entry).length).toBeGreaterThanOrEqual(4);
	});

	for (const entry of PROBLEM_STATEMENTS) {
		if ('flagged' in entry) {
			it(`flags "${entry.problem}" (${entry.flagged}) and keeps it as written`, () => {
				expect(suggestObjectiveWording(entry.problem)).toEqual({ wording: 'flagged', text: entry.problem, reason: entry.flagged });
			});
		} else {
			it(`"${entry.problem}" → "${entry.objective}"`, () => {
				expect(suggestObjectiveWording(entry.problem)).toEqual({
					wording: 'suggested',
					text: entry.objective,
					hint: entry.stateNotActivityHint ? 'state-not-activity' : null
				});
			});
		}
	}
});

describe('suggestObjectiveWording on what people actually type', () => {
	it('ignores stray spaces, a final full stop and a lower-case start', () => {
		expect(suggestObjectiveWording('  brak koordynacji   działań między instytucjami.  ')).toEqual({
			wording: 'suggested',
			text: 'Działania instytucji są skoordynowane',
			hint: 'state-not-activity'
		});
	});

	it('flags an empty box with its text untouched', () => {
		expect(suggestObjectiveWording('   ')).toEqual({ wording: 'flagged', text: '   ', reason: 'empty' });
	});

	it('returns a flagged statement exactly as typed, spaces included', () => {
		const typed = ' Starzenie się  społeczeństwa ';
		expect(suggestObjectiveWording(typed)).toEqual({ wording: 'flagged', text: typed, reason: 'no-negative-pattern' });
	});

	it('flags a bare opening rather than inventing the rest', () => {
		expect(suggestObjectiveWording('Brak')).toMatchObject({ wording: 'flagged', reason: 'unrecognised-phrase' });
		expect(suggestObjectiveWording('Niska')).toMatchObject({ wording: 'flagged', reason: 'unrecognised-phrase' });
		expect(suggestObjectiveWording('Wzrost')).toMatchObject({ wording: 'flagged', reason: 'unrecognised-phrase' });
	});

	it('keeps proper names and abbreviations as typed', () => {
		expect(suggestObjectiveWording('Wzrost liczby interwencji Policji w ramach procedury NK')).toMatchObject({
			text: 'Liczba interwencji Policji w ramach procedury NK maleje'
		});
	});
});
