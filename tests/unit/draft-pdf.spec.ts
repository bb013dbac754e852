import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidateDraft } from '../../src/lib/domain/draft/consolidate';
import { renderDraftPdf } from '../../src/lib/export/draft-pdf';
import { fixtureProcess, HOSTILE_CARD_TEXT } from './fixtures/draft-process';

/**
 * The fixture process (seed 000's chapter, a tree, two cards, a matrix) rendered to PDF and read
 * back with poppler's pdftotext and pdffonts, as a person copying text out of the file would.
 */
const draft = consolidateDraft(fixtureProcess().input);
let dir: string;
let pdfPath: string;
let bytes: Uint8Array;
let text: string;
/** pdftotext -layout pads and wraps; compare words with whitespace collapsed. */
let flat: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'draft-pdf-'));
	pdfPath = join(dir, 'draft.pdf');
	// With the traceability notes, as the download with ?sources=1 (draft-file.spec.ts covers both).
	bytes = await renderDraftPdf(draft, { sources: true });
	writeFileSync(pdfPath, bytes);
	text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
	flat = text.replace(/\s+/g, ' ');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The "Kierunki działań" table read back from the -layout text: columns cut at the header's
 * positions, the repeated header and page footers skipped, a row's wrapped lines joined.
 */
function actionRows(): string[][] {
	const region = text.slice(text.indexOf('Kierunki działań:'), text.indexOf('Podmioty zaangażowane:'));
	const lines = region.split('\n').map((line) => line.replace(/\f/g, ''));
	const header = lines.find((line) => /Lp\.\s+Opis działania/.test(line))!;
	const cuts = [0, header.indexOf('Opis działania'), header.indexOf('Harmonogram'), header.indexOf('Wskaźnik'), Infinity];
	const rows: string[][] = [];
	let inHeader = false;
	for (const line of lines) {
		if (/Lp\.\s+Opis działania/.test(line)) {
			inHeader = true;
			continue;
		}
		if (/^\d+\.\s/.test(line)) inHeader = false;
		if (/^Działanie \d+: /.test(line.trim())) break;
		if (inHeader || /Strona \d+ z \d+/.test(line) || (rows.length === 0 && !/^\d+\.\s/.test(line))) continue;
		if (/^\d+\.\s/.test(line)) rows.push(['', '', '', '']);
		const row = rows[rows.length - 1];
		for (let i = 0; i < 4; i++) row[i] = `${row[i]} ${line.slice(cuts[i], cuts[i + 1])}`;
	}
	return rows.map((row) => row.map((cell) => cell.replace(/\s+/g, ' ').trim()));
}

/** The words of a text in order, each separated by any whitespace (table cells wrap). */
function inOrder(...phrases: string[]): RegExp {
	const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(phrases.map((p) => p.split(/\s+/).map(escape).join('\\s+')).join('[\\s\\S]*?'));
}

describe('strategy draft as PDF', () => {
	it('has the title page, a table of contents with page numbers and the numbered sections in order', () => {
		const pages = text.split('\f');
		expect(pages[0]).toMatch(inOrder('Powiat olsztyński', 'Strategia Rozwiązywania Problemów Społecznych Powiatu Olsztyńskiego', 'na lata 2021–2030', 'Data: 2026-11-27', 'Wersja: podgląd roboczy'));
		expect(pages[1]).toMatch(/Spis treści/);
		expect(pages[1]).toMatch(/1\. Wprowadzenie\s+3\n/);
		expect(pages[1]).toMatch(/4\. Cele strategiczne i kierunki działań\s+\d+\n/);
		expect(pages[1]).toMatch(/Przypisy\s+\d+\n/);
		const goalsPage = Number(/4\. Cele strategiczne i kierunki działań\s+(\d+)\n/.exec(pages[1])![1]);
		expect(pages[goalsPage - 1]).toMatch(/^\s*4\. Cele strategiczne i kierunki działań/);
		expect(flat).toMatch(
			inOrder('1. Wprowadzenie', 'Strategia powstała w procesie partycypacyjnym.', 'Drugi akapit wprowadzenia.', '2. Diagnoza sytuacji społecznej', '3. Prognoza zmian', '4. Cele strategiczne', '5. Sposób realizacji', '6. Ramy finansowe', 'Tej części jeszcze nie opracowano.', '9. Załączniki', 'Przypisy')
		);
		expect(text).toMatch(/Strona 2 z \d+/);
	});

	it('prints the goals in seed 000’s structure: goals, the action table with its header on each page, entities', () => {
		expect(flat).toMatch(
			inOrder(
				'Obszar V. Poprawa współpracy oraz jakości usług społecznych w powiecie',
				'Cel strategiczny: 5. Wzrost skuteczności i efektywności działań w ramach powiatowej polityki społecznej.',
				'Cele szczegółowe:',
				'5.1. Podnoszenie kompetencji pracowników instytucji',
				'5.2. Wzmocnienie standardów',
				'Kierunki działań:',
				'Lp. Opis działania Harmonogram Wskaźnik realizacji',
				'realizacji działania²',
				'Podmioty zaangażowane:',
				'Wszystkie wymienione w obszarach I–IV.'
			)
		);
		const actions = draft.sections.flatMap((section) => (section.kind === 'goals' ? section.areas.flatMap((area) => area.strategic.flatMap((goal) => goal.actions)) : []));
		const rows = actionRows();
		expect(rows.map((row) => row[0])).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.']);
		rows.forEach((row, index) => {
			const action = actions[index];
			const refs = action.footnoteRefs.map((n) => '¹²³'[n - 1]).join('');
			expect(row[1]).toBe(`${action.text}${refs}`);
			expect(row[2]).toBe(action.timeframe);
			expect(row[3]).toBe(action.indicators.map((indicator) => indicator.name).join(' '));
		});
		expect(rows[1][3]).toBe('Liczba zorganizowanych szkoleń i spotkań dla kadry pomocy społecznej. Liczba uczestników.');
		expect(rows[4][1]).toMatch(/powiatowej polityki społecznej\.³$/);
		// The table runs over a page break, and its header row is printed again on the next page.
		const pages = text.split('\f').filter((page) => /\bLp\.\s+Opis działania\s+Harmonogram\s+Wskaźnik realizacji/.test(page));
		expect(pages.length).toBeGreaterThanOrEqual(2);
	});

	it('lists every indicator in the implementation section, with the women/men note', () => {
		const list = text.slice(text.indexOf('Wskaźniki realizacji działań'));
		expect(list).toMatch(/^Działanie\s+Wskaźnik\s+Jednostka\s+Wartość\s+Wartość\s+Źródło$/m);
		expect(list).toMatch(/^\s*bazowa\s+docelowa\s+danych$/m);
		const refs = [...list.matchAll(/^V\.(\d)\s/gm)].map((match) => Number(match[1]));
		expect(refs).toEqual([1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 7]);
		expect(list.replace(/\s+/g, ' ')).toMatch(inOrder('V.1 Liczba wykonanych analiz', 'V.2 Liczba uczestników. (w podziale na kobiety i mężczyzn)', 'V.7 Liczba wprowadzonych innowacyjnych rozwiązań.'));
	});

	it('puts the footnotes at the end as endnotes, marked in the text', () => {
		expect(flat).toContain('lokalnego systemu pomocy i wsparcia.¹');
		const notes = flat.slice(flat.lastIndexOf('Przypisy'));
		expect(notes).toMatch(inOrder('1. Pod pojęciem „pracowników” należy w tym przypadku rozumieć również osoby zatrudnione'));
		expect(notes).toMatch(inOrder('2. Uwaga: tam, gdzie to możliwe, monitoring wskaźników dotyczących osób powinien uwzględniać podział na kobiety i mężczyzn.'));
		expect(notes).toMatch(inOrder('3. Ważnym obszarem działań umożliwiającym propagowanie różnych metod partycypacji'));
	});

	it('prints the diagnosis: the tree as an indented list, cards with the yearly total, largest gaps, the full matrix', () => {
		expect(flat).toMatch(
			inOrder(
				'Drzewo problemów: współpraca',
				'Problem główny: Niska skuteczność powiatowej polityki społecznej',
				'Skutek: Problemy społeczne narastają',
				'Przyczyna: Niewystarczające kompetencje kadr pomocy społecznej — Dane: 38% pracowników bez szkolenia w 2022 r. (sprawozdanie PCPR)',
				'Przyczyna: Brak superwizji'
			)
		);
		const indent = (needle: string) => text.split('\n').find((line) => line.includes(needle))!.search(/\S/);
		expect(indent('Brak superwizji')).toBeGreaterThan(indent('Niewystarczające kompetencje'));
		expect(indent('Niewystarczające kompetencje')).toBeGreaterThan(indent('Problem główny'));
		expect(text).toMatch(/^Obszar\s+Skutki zaniechania\s+Kto ponosi\s+Szacowany koszt\s+Horyzont$/m);
		expect(text).toMatch(/^przemoc w\s+Dzieci trafiają do pieczy\s+budżety\s+12 dzieci × 4 800 zł ×\s+1–3 lata$/m);
		expect(flat).toContain('Łączny szacowany koszt roczny: 691 200 zł');
		expect(flat).toContain('Karty bez obliczonego szacunku: 1');
		expect(flat).toContain('Największe luki w usługach: Matryca usług');
		expect(text).toMatch(/^Usługi dla osób\s+Teleopieka\s+PCPR Pisz\s+duża luka\s+1$/m);
		expect(text).toMatch(/^Usługi dla rodzin\s+Szkoła dla rodziców\s+powiat piski\s+mała luka$/m);
		expect(flat).toMatch(inOrder('9. Załączniki', 'Załącznik 1. Matryca potrzeb, nisz i luk: Matryca usług'));
		const annex = text.slice(text.indexOf('Załącznik 1.'));
		expect(annex).toMatch(/^Usługa\s+powiat piski\s+PCPR Pisz$/m);
		expect(annex).toMatch(/^Usługi dla osób starszych$/m);
		expect(annex).toMatch(/^Kluby Seniora\s+duża luka\s+brak danych$/m);
		expect(annex).toMatch(/^Teleopieka\s+brak danych\s+duża luka$/m);
		expect(annex).toMatch(/^Szkoła dla rodziców\s+mała luka\s+brak danych$/m);
	});

	it('shows participants’ text literally and keeps Polish letters', () => {
		// The card's text stands in a narrow table cell, so it wraps: compare without whitespace.
		expect(text.replace(/\s+/g, '')).toContain(HOSTILE_CARD_TEXT.replace(/\s+/g, ''));
		expect(flat).toContain('<script>alert(1)</script>');
		expect(flat).toContain('**bold** _x_');
		for (const letter of 'ąćęłńóśźżŁŹ') expect(text).toContain(letter);
	});

	it('declares the language and title, is tagged PDF 1.7, and embeds DejaVu Sans', () => {
		const raw = Buffer.from(bytes).toString('latin1');
		expect(raw.startsWith('%PDF-1.7')).toBe(true);
		expect(raw).toMatch(/\/Lang \(pl-PL\)/);
		expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
		expect(raw).toMatch(/\/Marked true/);
		expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
		for (const tag of ['Document', 'Sect', 'TOC', 'TOCI', 'H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD', 'L', 'LI', 'Lbl', 'LBody', 'Note']) expect(raw).toContain(`/S /${tag}\n`);
		// Borders, fills and page numbers are artifacts, outside the structure tree.
		const content = [...raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)]
			.map((match) => {
				try {
					return inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
				} catch {
					return '';
				}
			})
			.join('\n');
		expect(content).toMatch(/\/Artifact BMC/);
		expect(content).toMatch(/\/TD <<\s*\/MCID \d+\s*>> BDC/);
		expect(raw).toMatch(/\/Outlines \d+ 0 R/);
		expect(raw).toMatch(/\/Scope \/Column/); // header cells say they head their column
		const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
		expect(info).toMatch(/Title:\s+Strategia Rozwiązywania Problemów Społecznych Powiatu Olsztyńskiego/);
		expect(info).toMatch(/Tagged:\s+yes/);
		const fonts = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
		expect(fonts.length).toBeGreaterThanOrEqual(2);
		for (const font of fonts) {
			expect(font).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?\s/);
			expect(font).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, with a Unicode map
		}
	});
});

describe('strategy draft as PDF, rendered again', () => {
	it('gives the same bytes for the same draft (dated by the draft, not the clock)', async () => {
		const again = await renderDraftPdf(consolidateDraft(fixtureProcess().input), { sources: true });
		expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
	});

	it('follows the draft’s language, not the interface’s', async () => {
		const english = await renderDraftPdf(consolidateDraft({ ...fixtureProcess().input, language: 'en' }));
		const raw = Buffer.from(english).toString('latin1');
		expect(raw).toMatch(/\/Lang \(en-GB\)/);
		const path = join(dir, 'english.pdf');
		writeFileSync(path, english);
		const out = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
		expect(out).toContain('Table of contents');
		expect(out).toMatch(/No\.\s+Action\s+Timeframe\s+Indicator/);
		expect(out).toContain('Page 2 of');
	});
});

describe('strategy draft as PDF, large and awkward', () => {
	it('renders 50 actions, a 20-column matrix on landscape pages, participation and a cell longer than a page', async () => {
		const big = structuredClone(draft);
		const goals = big.sections.find((section) => section.kind === 'goals')!;
		if (goals.kind !== 'goals') throw new Error('no goals');
		const goal = goals.areas[0].strategic[0];
		const template = goal.actions[0];
		const longText = Array.from({ length: 500 }, (_, i) => `słowo${i}`).join(' ');
		goal.actions = Array.from({ length: 50 }, (_, i) => ({ ...template, id: `a${i}`, number: i + 1, text: i === 10 ? longText : `Działanie numer ${i + 1} — żółć` }));
		const annexes = big.sections.find((section) => section.kind === 'annexes')!;
		if (annexes.kind !== 'annexes') throw new Error('no annexes');
		const columns = Array.from({ length: 20 }, (_, i) => ({ id: `c${i}`, name: `Gmina ${i + 1}` }));
		annexes.matrices[0] = {
			...annexes.matrices[0],
			columns,
			groups: [{ id: 'g', name: 'Grupa', rows: Array.from({ length: 60 }, (_, r) => ({ id: `r${r}`, name: `Usługa ${r + 1}`, gaps: columns.map(() => 'large' as const) })) }]
		};
		big.sections.splice(big.sections.length - 1, 0, {
			kind: 'participation',
			id: 'participation',
			title: 'Udział społeczności w tworzeniu strategii',
			paragraphs: [],
			workshops: [{ id: 'workshop:w1', title: 'Warsztat diagnostyczny', date: '2026-10-01', participants: 23 }],
			participants: 23,
			bySector: [{ key: 'ngo', count: 5 }],
			byInstitution: [{ key: 'MOPS Olsztyn', count: 4 }],
			byGender: { women: 15, men: 6, notGiven: 2 }
		});

		const started = performance.now();
		const pdf = await renderDraftPdf(big);
		const elapsed = performance.now() - started;
		const path = join(dir, 'big.pdf');
		writeFileSync(path, pdf);
		const out = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
		const words = out.replace(/\s+/g, ' ');
		// Every word of the long cell is printed, in order, over the page break.
		expect(words).toMatch(new RegExp(Array.from({ length: 500 }, (_, i) => `słowo${i}\\b`).join('[\\s\\S]*?')));
		expect(words).toContain('Działanie numer 50 — żółć');
		expect(out).toMatch(/Warsztat diagnostyczny\s+2026-10-01\s+23/);
		expect(out).toMatch(/kobiety\s+mężczyźni\s+nie podano/);
		expect(out).toMatch(/^Usługa(\s+Gmina){20}$/m); // column names wrap under the 20 headers
		expect(out).toContain('Usługa 60');
		const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', path], { encoding: 'utf8' });
		expect(info).toMatch(/Page\s+\d+ size:\s+841\.89 x 595\.28/); // the wide matrix is landscape
		expect(elapsed).toBeLessThan(20_000);
	});
});
