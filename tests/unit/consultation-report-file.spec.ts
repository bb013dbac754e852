import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsultationReport } from '../../src/lib/domain/consultation/report';
import { consolidateDraft } from '../../src/lib/domain/draft/consolidate';
import { draftToMarkdown } from '../../src/lib/domain/draft/markdown';
import { renderConsultationReport } from '../../src/lib/export/consultation-report-file';
import { renderDraftFile } from '../../src/lib/export/draft-file';
import { HOSTILE, mixedRemarks, reportInput } from './consultation-report-fixture';
import { fixtureProcess } from './fixtures/draft-process';

/** The three downloads read back as a person would see them: Word's text, the PDF's text, the workbook's cells. */
const report = buildConsultationReport(reportInput(mixedRemarks()));

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'consultation-report-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function decodeXml(text: string): string {
	return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

describe('consultation report files', () => {
	it('DOCX: the remarks, their answers and the counts are in the document text; a typed field code stays text', async () => {
		const file = await renderConsultationReport(report, 'docx');
		expect(file.fileName).toBe('raport-z-konsultacji-konsultacje-spoleczne-v2.docx');
		const xml = await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')!.async('string');
		const text = decodeXml([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' '));
		for (const expected of ['Raport z konsultacji: Konsultacje społeczne', 'Jan Kowalski, Fundacja Razem', 'zob. uwaga nr 1 — Dopisano w rozdziale 4.', 'bez odpowiedzi', 'nie podano']) {
			expect(text).toContain(expected);
		}
		expect(text).toContain('{ HYPERLINK "x" }');
		expect(xml).not.toContain('<w:fldSimple');
		expect(xml).not.toContain('<b>');
	});

	it('PDF: the table reads back through pdftotext with Polish letters', async () => {
		const file = await renderConsultationReport(report, 'pdf');
		expect(file.contentType).toBe('application/pdf');
		const path = join(dir, 'report.pdf');
		writeFileSync(path, file.bytes);
		const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
		for (const expected of ['Raport z konsultacji', 'Uwagi według sposobu rozpatrzenia', 'częściowo uwzględniona', 'Piotr Zając', 'Wyjaśniono.']) expect(text).toContain(expected);
	});

	it('XLSX: a remark starting with = stays text, with the same guard as the CSV', async () => {
		const file = await renderConsultationReport(report, 'xlsx');
		const zip = await JSZip.loadAsync(file.bytes);
		const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
		expect(sheet).not.toContain('<f>');
		const cells = [...sheet.matchAll(/<t xml:space="preserve">([^<]*)<\/t>/g)].map((m) => decodeXml(m[1]));
		expect(cells).toContain(`'=HYPERLINK("http://evil.example","klik") <b>x</b> { HYPERLINK "x" } **gruby**`);
		expect(cells.some((cell) => cell.startsWith('='))).toBe(false);
		expect(cells).toContain('Treść uwagi');
		const summary = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
		expect(summary).toContain('bez odpowiedzi');
	});

	it('an English process gets an English report', async () => {
		const english = buildConsultationReport(reportInput(mixedRemarks(), { language: 'en', documentTitle: 'Piski County Strategy' }));
		const file = await renderConsultationReport(english, 'docx');
		expect(file.fileName).toBe('consultation-report-konsultacje-spoleczne-v2.docx');
		const xml = await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')!.async('string');
		for (const expected of ['Consultation report: Konsultacje społeczne', 'Document: Piski County Strategy, strategy draft, version 2', 'not answered', 'see remark no. 1']) expect(xml).toContain(expected);
	});

	it('anonymised files carry no names and say so in their name', async () => {
		const anonymised = buildConsultationReport(reportInput(mixedRemarks(), { anonymised: true }));
		const file = await renderConsultationReport(anonymised, 'docx');
		expect(file.fileName).toBe('raport-z-konsultacji-konsultacje-spoleczne-anonim-v2.docx');
		const xml = await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')!.async('string');
		for (const name of ['Anna Nowak', 'Jan Kowalski', 'Ewa Lis', 'Piotr Zając']) expect(xml).not.toContain(name);
		expect(xml).toContain('Fundacja Razem');
	});
});

describe('the report as an annex of the draft', () => {
	const anonymised = buildConsultationReport(reportInput(mixedRemarks(), { anonymised: true }));
	const draft = consolidateDraft({ ...fixtureProcess().input, consultations: [anonymised] });

	it('is numbered after the matrix annexes and escaped in Markdown', () => {
		const annexes = draft.sections.find((section) => section.kind === 'annexes');
		const matrices = annexes?.kind === 'annexes' ? annexes.matrices.length : 0;
		const markdown = draftToMarkdown(draft);
		expect(markdown).toContain(`### Załącznik ${matrices + 1}. Raport z konsultacji: Konsultacje społeczne`);
		expect(markdown).toContain('\\*\\*gruby\\*\\*');
		expect(markdown).not.toContain(HOSTILE);
		expect(markdown).not.toContain('Anna Nowak');
	});

	it('is in the DOCX and the PDF of the draft', async () => {
		const docx = await renderDraftFile(draft, 'docx', { sources: false });
		const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
		expect(xml).toContain('Raport z konsultacji: Konsultacje społeczne');
		expect(xml).toContain('Fundacja Razem (organizacje pozarządowe)');
		const pdf = await renderDraftFile(draft, 'pdf', { sources: false });
		const path = join(dir, 'draft.pdf');
		writeFileSync(path, pdf.bytes);
		const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
		expect(text).toContain('Raport z konsultacji: Konsultacje społeczne');
		expect(text).toContain('Uwagi według sektora zgłaszających');
	});

	it('leaves a draft without rounds as it was (no empty annex field)', () => {
		const plain = consolidateDraft(fixtureProcess().input);
		const annexes = plain.sections.find((section) => section.kind === 'annexes');
		expect(annexes && 'consultations' in annexes).toBe(false);
	});
});
