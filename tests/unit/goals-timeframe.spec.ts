import { describe, expect, it } from 'vitest';
import { formatTimeframe, parseTimeframe } from '../../src/lib/domain/goals';

describe('parseTimeframe', () => {
	it('reads a single year, with or without "r."', () => {
		expect(parseTimeframe('2023')).toEqual({ from: { year: 2023 }, to: { year: 2023 } });
		expect(parseTimeframe(' 2023 r. ')).toEqual({ from: { year: 2023 }, to: { year: 2023 } });
	});

	it('reads year ranges with a hyphen, an en dash or an em dash, spaced or not', () => {
		const expected = { from: { year: 2024 }, to: { year: 2026 } };
		expect(parseTimeframe('2024-2026')).toEqual(expected);
		expect(parseTimeframe('2024–2026')).toEqual(expected);
		expect(parseTimeframe('2024 – 2026')).toEqual(expected);
		expect(parseTimeframe('2024 — 2026')).toEqual(expected);
		expect(parseTimeframe('2024 r. - 2026 r.')).toEqual(expected);
	});

	it('reads Polish quarter ranges as seed 002 writes them', () => {
		const expected = { from: { year: 2019, quarter: 2 }, to: { year: 2020, quarter: 3 } };
		expect(parseTimeframe('II kwartał 2019 – III kwartał 2020')).toEqual(expected);
		// the PDF breaks the cell over two lines and pads with spaces; one cell has the typo "kwartałl"
		expect(parseTimeframe('II kwartał 2019 \n–   III  kwartał 2020 ')).toEqual(expected);
		expect(parseTimeframe('II kwartał 2019 –  III  kwartałl 2020')).toEqual(expected);
		expect(parseTimeframe('II kwartał 2018 –  I  kwartał 2021')).toEqual({ from: { year: 2018, quarter: 2 }, to: { year: 2021, quarter: 1 } });
	});

	it('reads single quarters, short forms and a quarter range within one year', () => {
		expect(parseTimeframe('III kwartał 2018')).toEqual({ from: { year: 2018, quarter: 3 }, to: { year: 2018, quarter: 3 } });
		expect(parseTimeframe('I kw. 2024')).toEqual({ from: { year: 2024, quarter: 1 }, to: { year: 2024, quarter: 1 } });
		expect(parseTimeframe('IV kw 2024')).toEqual({ from: { year: 2024, quarter: 4 }, to: { year: 2024, quarter: 4 } });
		expect(parseTimeframe('II – IV kwartał 2019')).toEqual({ from: { year: 2019, quarter: 2 }, to: { year: 2019, quarter: 4 } });
		expect(parseTimeframe('Q3 2025')).toEqual({ from: { year: 2025, quarter: 3 }, to: { year: 2025, quarter: 3 } });
		expect(parseTimeframe('2024 – II kw. 2025')).toEqual({ from: { year: 2024 }, to: { year: 2025, quarter: 2 } });
	});

	it('returns null for text it cannot read', () => {
		for (const bad of ['', '   ', 'wkrótce', 'cały okres', '2026-2024', 'IV kwartał 2020 – I kwartał 2020', 'V kwartał 2020',
			'2024-', '-2024', '20244', '1234', '2024/2025', 'kwartał 2019', '2024 2025', 'II – I kwartał 2019']) {
			expect(parseTimeframe(bad), bad).toBeNull();
		}
		expect(parseTimeframe(undefined as unknown as string)).toBeNull();
	});

	it('formats a parsed timeframe canonically', () => {
		expect(formatTimeframe(parseTimeframe('2024-2026')!)).toBe('2024–2026');
		expect(formatTimeframe(parseTimeframe('2023')!)).toBe('2023');
		expect(formatTimeframe(parseTimeframe('II kwartał 2019 – III kwartał 2020')!)).toBe('II kw. 2019–III kw. 2020');
	});
});
