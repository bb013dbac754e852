import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ConsultationReportExport from '../../src/lib/components/consultation/ConsultationReportExport.svelte';
import { buildConsultationReport } from '../../src/lib/domain/consultation/report';
import { mixedRemarks, reportInput } from './consultation-report-fixture';

/** The round page's report box, rendered as the server sends it (before any script runs). */
describe('ConsultationReportExport', () => {
	it('shows the counts in words and links to the three anonymised files', () => {
		const summary = buildConsultationReport(reportInput(mixedRemarks()));
		const { body } = render(ConsultationReportExport, { props: { processId: 'p1', roundId: 'r1', summary } });
		expect(body).toContain('Uwagi: 5');
		expect(body).toContain('Z odpowiedzią: 4 z 5');
		expect(body).toContain('bez odpowiedzi');
		expect(body).toContain('nie podano');
		for (const ext of ['docx', 'pdf', 'xlsx']) expect(body).toContain(`href="/processes/p1/consultations/r1/report/raport.${ext}?anonymised=1"`);
		expect(body).toMatch(/<input type="checkbox"[^>]*checked/);
	});
});
