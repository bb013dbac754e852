import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPln, parseCostEstimate, type CostEstimate } from '../../src/lib/domain/inaction-cards';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

/** What the card shows under the estimate: the result, or the reason it cannot be computed. */
function shown(text: string): string {
	const estimate = parseCostEstimate(text);
	return estimate.ok ? formatPln(estimate.value).replaceAll(NBSP, ' ') : `! ${estimate.reason}`;
}

function value(text: string): number {
	const estimate = parseCostEstimate(text);
	if (!estimate.ok) throw new Error(`${text}: ${estimate.reason}`);
	return estimate.value;
}

describe('reading a cost estimate', () => {
	it("computes the issue's example and shows it the Polish way", () => {
		const estimate = parseCostEstimate('12 dzieci w pieczy zastępczej × 4 800 zł × 12 miesięcy');
		expect(estimate).toEqual({
			ok: true,
			value: 691_200,
			factors: [
				{ value: 12, unit: 'dzieci w pieczy zastępczej' },
				{ value: 4800, unit: 'zł' },
				{ value: 12, unit: 'miesięcy' }
			]
		});
		expect(formatPln(691_200)).toBe(`691${NBSP}200${NBSP}zł`);
	});

	it('reads Polish numbers: thousands by space, no-break or narrow no-break space; comma decimals', () => {
		expect(value('4 800')).toBe(4800);
		expect(value(`4${NBSP}800`)).toBe(4800);
		expect(value(`4${NNBSP}800`)).toBe(4800);
		expect(value('4800')).toBe(4800);
		expect(value('4,8')).toBe(4.8);
		expect(value('1 234 567,50 zł')).toBe(1_234_567.5);
		expect(value('4 800,- zł')).toBe(4800);
	});

	it('takes * and a lone x as the multiplication sign too, and a single number with a unit', () => {
		expect(value('12*4 800*12')).toBe(691_200);
		expect(value('12 osób x 4 800 zł X 12 miesięcy')).toBe(691_200);
		expect(value('150 000 zł')).toBe(150_000);
		expect(parseCostEstimate('3 ekstra').ok).toBe(true);
	});

	it('multiplies decimals exactly, so no 14,399999 is shown', () => {
		expect(value('4,8 × 3')).toBe(14.4);
		expect(value('0,1 × 0,2 × 100')).toBe(2);
		expect(shown('4,8 × 3')).toBe('14,40 zł');
	});

	it('counts scale words and percentages instead of reading them as units', () => {
		expect(value('150 tys. zł')).toBe(150_000);
		expect(value('2 mln zł')).toBe(2_000_000);
		expect(value('1,5 miliona zł')).toBe(1_500_000);
		expect(value('40 tysięcy zł × 30% kosztów')).toBe(12_000);
		expect(parseCostEstimate('150 tys. zł').ok && parseCostEstimate('150 tys. zł')).toMatchObject({ factors: [{ value: 150_000, unit: 'zł' }] });
	});

	it('says why bad input cannot be computed, and names the factor at fault', () => {
		const cases: Array<[string, CostEstimate]> = [
			['', { ok: false, reason: 'empty' }],
			['   ', { ok: false, reason: 'empty' }],
			['dużo pieniędzy', { ok: false, reason: 'not-a-product', factor: 1 }],
			['12 × abc', { ok: false, reason: 'not-a-product', factor: 2 }],
			['× 5', { ok: false, reason: 'not-a-product', factor: 1 }],
			['5 ×', { ok: false, reason: 'not-a-product', factor: 2 }],
			['12 dzieci 4 800 zł', { ok: false, reason: 'not-a-product', factor: 1 }],
			['4 80', { ok: false, reason: 'bad-number', factor: 1 }],
			['12 × 4800 000', { ok: false, reason: 'bad-number', factor: 2 }],
			['4.800 zł', { ok: false, reason: 'bad-number', factor: 1 }],
			['4,8,1', { ok: false, reason: 'bad-number', factor: 1 }],
			['12 × -4 800 zł', { ok: false, reason: 'negative', factor: 2 }],
			['−300 zł', { ok: false, reason: 'negative', factor: 1 }],
			['1 000 000 × 1 000 000 × 2', { ok: false, reason: 'too-large' }],
			['9'.repeat(300), { ok: false, reason: 'too-large' }],
			[Array(11).fill('2').join(' × '), { ok: false, reason: 'too-many-factors' }]
		];
		for (const [text, expected] of cases) expect(parseCostEstimate(text), text).toEqual(expected);
	});

	it('never yields NaN or Infinity, whatever is typed', () => {
		const samples = ['1e400', '0 × 1 000 000 000 000 000', 'NaN', 'Infinity × 2', '1/0', '12 ×× 3', '∞', `${'1 000 '.repeat(80)}`];
		for (const text of samples) {
			const estimate = parseCostEstimate(text);
			if (estimate.ok) expect(Number.isFinite(estimate.value), text).toBe(true);
			else expect(typeof estimate.reason).toBe('string');
		}
		expect(value('0 × 1 000 000 000 000 000')).toBe(0);
	});

	it('for any text, gives a finite value within limits or a known reason', () => {
		const reasons = ['empty', 'not-a-product', 'bad-number', 'negative', 'too-large', 'too-many-factors'];
		const polishish = fc.string({ unit: fc.constantFrom(...'0123456789 ,.-×*x%zł\u00A0\u202Ftys'.split('')), maxLength: 40 });
		fc.assert(
			fc.property(fc.oneof(fc.string(), polishish), (text) => {
				const estimate = parseCostEstimate(text);
				if (!estimate.ok) return reasons.includes(estimate.reason);
				return Number.isFinite(estimate.value) && estimate.value >= 0 && estimate.value <= 1e12 && !formatPln(estimate.value).includes('NaN');
			})
		);
	});

	it('accepts the ceiling of one trillion złoty and nothing above', () => {
		expect(value('1 000 000 000 000')).toBe(1e12);
		expect(shown('1 000 000 000 000,01')).toBe('! too-large');
	});
});

describe('formatting złoty (Node 20 ICU)', () => {
	it('groups four-digit amounts too, with a no-break space, and drops ",00" on whole złoty', () => {
		expect(formatPln(4800)).toBe(`4${NBSP}800${NBSP}zł`);
		expect(formatPln(999)).toBe(`999${NBSP}zł`);
		expect(formatPln(0)).toBe(`0${NBSP}zł`);
		expect(formatPln(1_234_567.5)).toBe(`1${NBSP}234${NBSP}567,50${NBSP}zł`);
		expect(formatPln(14.399999999999999)).toBe(`14,40${NBSP}zł`);
		expect(formatPln(2.999)).toBe(`3${NBSP}zł`);
	});

	it('shows nothing for a value that is not a number', () => {
		expect(formatPln(Number.NaN)).toBe('');
		expect(formatPln(Number.POSITIVE_INFINITY)).toBe('');
	});
});
