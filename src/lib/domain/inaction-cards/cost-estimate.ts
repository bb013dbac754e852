/**
 * The yearly cost written on a cost-of-inaction card, as people write it in Polish notes:
 * "12 dzieci w pieczy zastępczej × 4 800 zł × 12 miesięcy". The text is stored as typed; this
 * reads it into a product of factors, or says precisely why it cannot, so the UI never shows NaN
 * or a number the person did not mean.
 *
 * Grammar, per factor: an optional minus (only to report 'negative'), a number in Polish
 * notation, then optional words. Numbers group thousands with a space, a no-break space (U+00A0)
 * or a narrow no-break space (U+202F), in groups of exactly three ("4 80" is rejected, not read
 * as 480), and use a comma for decimals ("4,8"; "4 800,-" as in invoices). A dot next to digits
 * ("4.800") is rejected: in Polish text it may mean a thousands or a decimal separator.
 * Scale words right after the number count ("150 tys. zł" = 150 000, "2 mln" = 2 000 000) and so
 * does "%" ("30%" = 0,3), because reading them as plain units would give a silently wrong total.
 * Words after the number must contain no digits: "12 dzieci 4 800 zł" has a missing ×, and taking
 * only the 12 would be wrong.
 *
 * Arithmetic is exact (decimal mantissas as BigInt) with one rounding at the end, so
 * "4,8 × 3" is 14,4 and not 14,399999999999999.
 */
export const COST_FACTORS_MAX = 10;
export const COST_VALUE_MAX = 1e12;

export type CostEstimateProblem = 'empty' | 'not-a-product' | 'bad-number' | 'negative' | 'too-large' | 'too-many-factors';

export interface CostFactor {
	/** With scale words and "%" applied: "150 tys. zł" → 150000, "30%" → 0.3. */
	value: number;
	/** The words after the number (and after its scale word or "%"), trimmed: "zł", "dzieci w pieczy zastępczej". */
	unit: string;
}

export type CostEstimate =
	| { ok: true; value: number; factors: CostFactor[] }
	| { ok: false; reason: CostEstimateProblem; /** 1-based position of the factor at fault, when one is. */ factor?: number };

/**
 * × and * as the issue asks; a lone x or X between spaces too, because that is how many people
 * type a multiplication sign on a keyboard without ×. An x inside a word is left alone.
 */
const OPERATOR = /\s*[×*]\s*|\s+[xX]\s+/;
const NUMBER = /^([-−–]\s*)?(\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?!\d)|\d+)(?:,(\d+)|,[-–—])?/;
const SCALE = /^(tys\.?|tysi(?:ąc[ea]?|ęcy)|mln\.?|milion(?:y|ów|a)?|mld\.?|miliard(?:y|ów|a)?)(?![\p{L}\d])/iu;

interface Decimal {
	mantissa: bigint;
	/** value = mantissa × 10^-exponent */
	exponent: number;
}

type FactorResult = { ok: true; decimal: Decimal; unit: string } | { ok: false; reason: CostEstimateProblem };

export function parseCostEstimate(text: string): CostEstimate {
	if (typeof text !== 'string' || text.trim() === '') return { ok: false, reason: 'empty' };
	const pieces = text.trim().split(OPERATOR);
	if (pieces.length > COST_FACTORS_MAX) return { ok: false, reason: 'too-many-factors' };
	const factors: CostFactor[] = [];
	let product: Decimal = { mantissa: BigInt(1), exponent: 0 };
	for (const [index, piece] of pieces.entries()) {
		const factor = parseFactor(piece.trim());
		if (!factor.ok) return { ok: false, reason: factor.reason, factor: index + 1 };
		factors.push({ value: toNumber(factor.decimal), unit: factor.unit });
		product = { mantissa: product.mantissa * factor.decimal.mantissa, exponent: product.exponent + factor.decimal.exponent };
	}
	const value = toNumber(product);
	if (!Number.isFinite(value) || value > COST_VALUE_MAX) return { ok: false, reason: 'too-large' };
	return { ok: true, value, factors };
}

function parseFactor(piece: string): FactorResult {
	const match = NUMBER.exec(piece);
	if (!match) return { ok: false, reason: /^[-−–]?\s*[.,]\d/.test(piece) ? 'bad-number' : 'not-a-product' };
	let rest = piece.slice(match[0].length);
	if (/^\s*[.,]?\d/.test(rest)) return { ok: false, reason: 'bad-number' };
	if (/\d/.test(rest)) return { ok: false, reason: 'not-a-product' };
	if (match[1] !== undefined) return { ok: false, reason: 'negative' };
	const fraction = match[3] ?? '';
	const decimal: Decimal = {
		mantissa: BigInt(match[2].replace(/\D/g, '') + fraction),
		exponent: fraction.length
	};
	rest = rest.trim();
	const scale = SCALE.exec(rest);
	if (scale) {
		decimal.mantissa *= BigInt(10) ** BigInt(scaleDigits(scale[1]));
		rest = rest.slice(scale[0].length).trim();
	} else if (rest.startsWith('%')) {
		decimal.exponent += 2;
		rest = rest.slice(1).trim();
	}
	return { ok: true, decimal, unit: rest };
}

function scaleDigits(word: string): number {
	const lower = word.toLowerCase();
	if (lower.startsWith('tys')) return 3;
	if (lower.startsWith('mln') || lower.startsWith('milion')) return 6;
	return 9;
}

/** One correctly rounded conversion: JavaScript parses the decimal string exactly. */
function toNumber({ mantissa, exponent }: Decimal): number {
	return Number(`${mantissa}e-${exponent}`);
}

let wholeZloty: Intl.NumberFormat | undefined;
let withGrosze: Intl.NumberFormat | undefined;

/**
 * "691 200 zł", "4 800 zł", "14,40 zł": whole złoty without ",00", grosze otherwise, thousands
 * always grouped with a no-break space. pl-PL's CLDR data leaves four-digit numbers ungrouped
 * ("4800,00 zł"), which makes a column of costs hard to compare; `useGrouping: 'always'` fixes
 * that on Node 20 and current browsers, and the digits are regrouped here as well so an engine
 * that ignores 'always' still prints the same text. '' for a value that is not a finite number.
 */
export function formatPln(value: number): string {
	if (typeof value !== 'number' || !Number.isFinite(value)) return '';
	const cents = Math.round(value * 100);
	const whole = cents % 100 === 0;
	const formatter = whole ? (wholeZloty ??= plnFormatter(0)) : (withGrosze ??= plnFormatter(2));
	const parts = formatter.formatToParts(cents / 100);
	let out = '';
	let digits = '';
	for (const part of parts) {
		if (part.type === 'integer' || part.type === 'group') {
			if (part.type === 'integer') digits += part.value;
			continue;
		}
		out += groupThousands(digits) + part.value;
		digits = '';
	}
	return out + groupThousands(digits);
}

function plnFormatter(fractionDigits: number): Intl.NumberFormat {
	return new Intl.NumberFormat('pl-PL', {
		style: 'currency',
		currency: 'PLN',
		useGrouping: 'always',
		minimumFractionDigits: fractionDigits,
		maximumFractionDigits: fractionDigits
	});
}

function groupThousands(digits: string): string {
	return digits.replace(/\B(?=(\d{3})+$)/g, '\u00A0');
}
