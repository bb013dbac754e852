import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidateDraft } from '../../src/lib/domain/draft/consolidate';
import type { StrategyDraft } from '../../src/lib/domain/draft/model';
import { DRAFT_FILE_FORMATS, renderDraftFile } from '../../src/lib/export/draft-file';
import { fixtureProcess } from './fixtures/draft-process';

/**
 * renderDraftFile, the one entry point of the download route: the traceability note only when
 * asked, in every format; and the matrices as an XLSX workbook read back from its sheet XML.
 */
const draft = consolidateDraft(fixtureProcess().input);
/** Action 2 of seed 000 is linked to a tree box and a gap in the fixture. */
const SOURCE_NOTE = 'Brak superwizji i doradztwa metodycznego';

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'draft-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function visibleText(format: 'md' | 'docx' | 'pdf', sources: boolean, model: StrategyDraft = draft): Promise<string> {
	const file = await renderDraftFile(model, format, { sources });
	if (format === 'md') return new TextDecoder().decode(file.bytes);
	if (format === 'docx') {
		const xml = await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')!.async('string');
		return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
	}
	const path = join(dir, `draft-${sources}.pdf`);
	writeFileSync(path, file.bytes);
	return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('traceability notes in the export', () => {
	for (const format of ['md', 'docx', 'pdf'] as const) {
		it(`${format}: printed with ?sources=1, left out without it`, async () => {
			const withNotes = await visibleText(format, true);
			expect(withNotes).toContain('Źródła');
			expect(withNotes).toContain(SOURCE_NOTE);
			const without = await visibleText(format, false);
			expect(without).not.toContain('Źródła');
			// The box itself is still in the diagnosis; only the note under the action goes.
			expect(without.split(SOURCE_NOTE).length).toBeLessThan(withNotes.split(SOURCE_NOTE).length);
		});
	}

	it('English drafts call the note "Sources"', async () => {
		const english = consolidateDraft({ ...fixtureProcess().input, language: 'en' });
		expect(await visibleText('md', true, english)).toContain('Sources');
		expect(await visibleText('docx', true, english)).toContain('Sources');
	});
});

/** Cell reference → text of one sheet's XML (inline strings only, as tableToXlsx writes them). */
function cells(sheetXml: string): Map<string, string> {
	const found = new Map<string, string>();
	for (const match of sheetXml.matchAll(/<c r="([A-Z]+\d+)" t="inlineStr"(?: s="\d+")?><is><t xml:space="preserve">([^<]*)<\/t><\/is><\/c>/g)) {
		found.set(match[1], match[2].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
	}
	return found;
}

async function workbook(model: StrategyDraft): Promise<{ names: string[]; sheets: Array<Map<string, string>>; file: { contentType: string; fileName: string } }> {
	const file = await renderDraftFile(model, 'xlsx', { sources: false });
	const zip = await JSZip.loadAsync(file.bytes);
	const book = await zip.file('xl/workbook.xml')!.async('string');
	const names = [...book.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
	const sheets = await Promise.all(names.map((_, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async('string').then(cells)));
	return { names, sheets, file };
}

describe('matrices to XLSX', () => {
	it('is offered as a format', () => {
		expect(Object.keys(DRAFT_FILE_FORMATS)).toContain('xlsx');
	});

	it('has a sheet of the largest gaps and one per full matrix, with the gaps in words', async () => {
		const { names, sheets, file } = await workbook(draft);
		expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect(file.fileName).toMatch(/\.xlsx$/);
		expect(names).toEqual(['Największe luki', 'Matryca usług']);

		const [largest, matrix] = sheets;
		expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1', 'I1'].map((ref) => largest.get(ref))).toEqual([
			'Matryca',
			'Grupa odbiorców',
			'Usługa',
			'Teren / instytucja',
			'Luka',
			'Potrzeba',
			'Oferta',
			'Priorytet',
			'Uwagi'
		]);
		// Teleopieka × PCPR Pisz: high need, no offer, priority 1 — the largest gap, first.
		expect(['A2', 'B2', 'C2', 'D2', 'E2', 'F2', 'G2', 'H2'].map((ref) => largest.get(ref))).toEqual([
			'Matryca usług',
			'Usługi dla osób starszych',
			'Teleopieka',
			'PCPR Pisz',
			'duża luka',
			'wysoka',
			'brak',
			'1'
		]);

		// Services down, columns across, as in the annex.
		expect(['A1', 'B1', 'C1', 'D1'].map((ref) => matrix.get(ref))).toEqual(['Grupa odbiorców', 'Usługa', 'powiat piski', 'PCPR Pisz']);
		expect(['A2', 'B2', 'C2', 'D2'].map((ref) => matrix.get(ref))).toEqual(['Usługi dla osób starszych', 'Kluby Seniora', 'duża luka', 'brak danych']);
		expect(['A3', 'B3', 'C3', 'D3'].map((ref) => matrix.get(ref))).toEqual(['Usługi dla osób starszych', 'Teleopieka', 'brak danych', 'duża luka']);
		expect(['A4', 'B4', 'C4', 'D4'].map((ref) => matrix.get(ref))).toEqual(['Usługi dla rodzin', 'Szkoła dla rodziców', 'mała luka', 'brak danych']);
	});

	it('derives valid sheet names from long or odd titles and keeps formulas as text', async () => {
		const model = structuredClone(draft);
		const annexes = model.sections.find((section) => section.kind === 'annexes')!;
		if (annexes.kind !== 'annexes') throw new Error('no annexes');
		const annex = annexes.matrices[0];
		annex.title = 'Matryca: usługi/instytucje [powiat] * piski? — wersja rozszerzona';
		annex.groups[0].rows[0].name = '=HYPERLINK("http://evil","x")';
		annexes.matrices.push({ ...structuredClone(annex), id: 'annex:matrix:copy' });
		const { names, sheets } = await workbook(model);
		expect(names).toHaveLength(3);
		for (const name of names.slice(1)) {
			expect(name.length).toBeLessThanOrEqual(31);
			expect(name).not.toMatch(/[[\]:*?/\\]/);
		}
		expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(3);
		expect(sheets[1].get('B2')).toBe('\'=HYPERLINK("http://evil","x")');
	});

	it('follows the draft’s language and still opens when the draft has no matrix', async () => {
		const english = consolidateDraft({ ...fixtureProcess().input, language: 'en' });
		const { names, sheets } = await workbook(english);
		expect(names[0]).toBe('Largest gaps');
		expect(sheets[0].get('E2')).toBe('large gap');
		const input = fixtureProcess().input;
		const bare = await workbook(consolidateDraft({ ...input, boards: input.boards.filter((board) => board.kind !== 'need-gap-matrix') }));
		expect(bare.names).toEqual(['Największe luki']);
		expect(bare.sheets[0].get('A2')).toBe('Projekt nie zawiera matrycy potrzeb, nisz i luk.');
	});
});

describe('progress of a long export', () => {
	for (const format of ['docx', 'pdf'] as const) {
		it(`${format}: reports each section laid out, in order, before the file is packed`, async () => {
			const steps: Array<[number, number]> = [];
			await renderDraftFile(draft, format, { sources: false, onProgress: (done, total) => steps.push([done, total]) });
			const total = draft.sections.length + 1;
			expect(steps).toEqual(draft.sections.map((_, index) => [index + 1, total]));
		});
	}
});
