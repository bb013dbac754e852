/**
 * Reads the timeframe of an action direction as people type it in Polish strategies:
 * "2023", "2024-2026", "2024–2026", "2023 r.", "III kwartał 2018", "I kw. 2024",
 * "II kwartał 2019 – III kwartał 2020", "II – IV kwartał 2019". The stored text stays as
 * typed; this only tells the board whether it can be understood (and sorted, or drawn).
 */
export interface TimeframePoint {
	year: number;
	/** 1–4 when the text names a quarter. */
	quarter?: number;
}

export interface Timeframe {
	from: TimeframePoint;
	to: TimeframePoint;
}

export const TIMEFRAME_YEAR_MIN = 1900;
export const TIMEFRAME_YEAR_MAX = 2200;

const QUARTER = '(iv|i{1,3}|[1-4])';
// "kwartał", "kw.", "kw", and the seed's typo "kwartałl": any word starting with "kw".
const QUARTER_WORD = 'kw\\S*';
const POINT = `(?:${QUARTER}\\s*${QUARTER_WORD}\\s+)?(\\d{4})`;
const RANGE = new RegExp(`^${POINT}(?:\\s*-\\s*${POINT})?$`);
const QUARTERS_IN_YEAR = new RegExp(`^${QUARTER}\\s*-\\s*${QUARTER}\\s*${QUARTER_WORD}\\s+(\\d{4})$`);
const QUARTER_ONLY = /^q([1-4])\s*(\d{4})$/;

export function parseTimeframe(text: string): Timeframe | null {
	if (typeof text !== 'string') return null;
	const normalized = normalize(text);
	if (normalized === '' || normalized.length > 80) return null;

	const range = RANGE.exec(normalized);
	if (range) {
		const from = point(range[1], range[2]);
		const to = range[4] === undefined ? from : point(range[3], range[4]);
		return checked(from, to);
	}
	const inYear = QUARTERS_IN_YEAR.exec(normalized);
	if (inYear) return checked(point(inYear[1], inYear[3]), point(inYear[2], inYear[3]));
	const q = QUARTER_ONLY.exec(normalized);
	if (q) {
		const single = point(q[1], q[2]);
		return checked(single, single);
	}
	return null;
}

/** Lower case, one space, every dash a hyphen, "r." / "roku" after a year dropped. */
function normalize(text: string): string {
	return text
		.toLowerCase()
		.replace(/[\u2010-\u2015\u2212]/g, '-')
		.replace(/\s+/g, ' ')
		.replace(/(\d{4})\s*(?:r\.|r\b|roku\b)/g, '$1')
		.trim()
		.replace(/\.$/, '')
		.trim();
}

function point(quarter: string | undefined, year: string): TimeframePoint | null {
	const y = Number(year);
	if (!Number.isInteger(y) || y < TIMEFRAME_YEAR_MIN || y > TIMEFRAME_YEAR_MAX) return null;
	if (quarter === undefined) return { year: y };
	const q = quarterNumber(quarter);
	return q === null ? null : { year: y, quarter: q };
}

function quarterNumber(text: string): number | null {
	const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
	if (text in roman) return roman[text];
	const n = Number(text);
	return Number.isInteger(n) && n >= 1 && n <= 4 ? n : null;
}

/** A range that ends before it starts is not a timeframe; an open quarter compares as the year. */
function checked(from: TimeframePoint | null, to: TimeframePoint | null): Timeframe | null {
	if (!from || !to) return null;
	const start = from.year * 4 + (from.quarter ?? 1);
	const end = to.year * 4 + (to.quarter ?? 4);
	return start <= end ? { from, to } : null;
}

/** "2024–2026", "II kw. 2019 – III kw. 2020": one canonical spelling, for display or export. */
export function formatTimeframe(timeframe: Timeframe): string {
	const roman = ['', 'I', 'II', 'III', 'IV'];
	const one = (p: TimeframePoint) => (p.quarter ? `${roman[p.quarter]} kw. ${p.year}` : `${p.year}`);
	const same = timeframe.from.year === timeframe.to.year && timeframe.from.quarter === timeframe.to.quarter;
	return same ? one(timeframe.from) : `${one(timeframe.from)}–${one(timeframe.to)}`;
}
