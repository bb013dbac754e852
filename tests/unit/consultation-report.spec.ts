import { describe, expect, it } from 'vitest';
import { buildConsultationReport } from '../../src/lib/domain/consultation/report';
import { HOSTILE, mixedRemarks, remark, reportInput } from './consultation-report-fixture';

/** The report a facilitator publishes: one row per remark, the counts, and the anonymised form. */
describe('consultation report', () => {
	const report = buildConsultationReport(reportInput(mixedRemarks()));

	it('has one row per remark with its part of the document, author and status in words', () => {
		expect(report.rows.map((row) => row.number)).toEqual([1, 2, 3, 4, 5]);
		expect(report.rows[0]).toMatchObject({ section: '1. Wprowadzenie', statusLabel: 'uwzględniona', answer: 'Dopisano w rozdziale 4.' });
		expect(report.rows[1]).toMatchObject({ section: '2. Cele strategiczne i kierunki działań', author: 'Jan Kowalski, Fundacja Razem (organizacje pozarządowe)', statusLabel: 'nieuwzględniona' });
		expect(report.rows[3]).toMatchObject({ author: 'anonimowo', statusLabel: 'bez odpowiedzi' });
		expect(report.opensAt).toBe('2026-05-04 09:00');
		expect(report.closesAt).toBe('2026-06-09 00:00');
	});

	it('shows a merged duplicate with its main remark’s answer and a pointer to it', () => {
		expect(report.rows[2]).toMatchObject({ status: 'accepted', statusLabel: 'uwzględniona', duplicateOf: 1 });
		expect(report.rows[2].answer).toBe('zob. uwaga nr 1 — Dopisano w rozdziale 4.');
		expect(report.totals).toEqual({ remarks: 5, answered: 4, duplicates: 1 });
	});

	it('counts remarks by status (every status, "bez odpowiedzi" included) and by sector ("nie podano" last)', () => {
		expect(report.byStatus.map((c) => [c.label, c.count])).toEqual([
			['uwzględniona', 2],
			['częściowo uwzględniona', 0],
			['nieuwzględniona', 1],
			['wyjaśniona', 1],
			['bez odpowiedzi', 1]
		]);
		expect(report.bySector.map((c) => [c.label, c.count])).toEqual([
			['pomoc społeczna', 1],
			['edukacja', 1],
			['organizacje pozarządowe', 1],
			['nie podano', 2]
		]);
	});

	it('anonymised: no personal name anywhere, institutions and sectors stay', () => {
		const anonymised = buildConsultationReport(reportInput(mixedRemarks(), { anonymised: true }));
		const text = JSON.stringify(anonymised);
		for (const name of ['Anna Nowak', 'Jan Kowalski', 'Ewa Lis', 'Piotr Zając']) expect(text).not.toContain(name);
		expect(anonymised.rows.map((row) => row.author)).toEqual(['MOPS Pisz (pomoc społeczna)', 'Fundacja Razem (organizacje pozarządowe)', 'anonimowo', 'anonimowo', 'Szkoła nr 1 (edukacja)']);
		expect(anonymised.bySector).toEqual(report.bySector);
	});

	it('keeps hostile text exactly as typed (each renderer escapes it)', () => {
		expect(report.rows[3].content).toBe(HOSTILE);
		expect(report.rows[3].proposedWording).toBe(HOSTILE);
	});

	it('survives a duplicate chain that loops, and speaks English for an English process', () => {
		const looped = buildConsultationReport(reportInput([remark(1, { duplicateOf: 'r2' }), remark(2, { duplicateOf: 'r1', status: 'partly', answer: 'W części.' })], { language: 'en' }));
		expect(looped.rows.map((row) => row.statusLabel)).toEqual(['partly accepted', 'not answered']);
		expect(looped.rows[0].answer).toBe('see remark no. 2 — W części.');
		expect(looped.byStatus.at(-1)).toMatchObject({ label: 'not answered', count: 1 });
	});
});
