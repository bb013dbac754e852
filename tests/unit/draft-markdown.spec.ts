import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveGoals, setEntities } from '../../src/lib/domain/goals';
import { consolidateDraft } from '../../src/lib/domain/draft/consolidate';
import { draftToMarkdown } from '../../src/lib/domain/draft/markdown';
import { escapeCell, escapeInline, headingSlug } from '../../src/lib/domain/draft/markdown-escape';
import { fixtureProcess, HOSTILE_CARD_TEXT } from './fixtures/draft-process';

/**
 * What a CommonMark reader shows for escaped text: a backslash before ASCII punctuation
 * disappears and the punctuation is shown as it is; our own <br> is a line break.
 */
function visible(markdown: string): string {
	return markdown.replace(/<br>/g, '\n').replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** A GFM row's cells: split at pipes that are not escaped. */
function cells(row: string): string[] {
	return row
		.trim()
		.replace(/^\||\|$/g, '')
		.split(/(?<!\\)\|/)
		.map((cell) => cell.trim());
}

function markdown(): string {
	return draftToMarkdown(consolidateDraft(fixtureProcess().input));
}

describe('Markdown of seed 000', () => {
	it('has the title block, a linked table of contents and numbered section headings', () => {
		const md = markdown();
		expect(md.startsWith('# Strategia Rozwiązywania Problemów Społecznych Powiatu Olsztyńskiego\n\n**Powiat olsztyński**\\\nna lata 2021–2030\\\nData: 2026-11-27\\\nWersja: podgląd roboczy')).toBe(true);
		expect(md).toContain('## Spis treści\n\n1. [Wprowadzenie](#1-wprowadzenie)\n2. [Diagnoza sytuacji społecznej](#2-diagnoza-sytuacji-społecznej)');
		expect(md).toContain('## 4. Cele strategiczne i kierunki działań');
		expect(md).toContain('## 6. Ramy finansowe\n\n*Tej części jeszcze nie opracowano.*');
	});

	it('prints the goals in the seed’s structure with the action table, entities and footnotes', () => {
		const md = markdown();
		expect(md).toContain('### Obszar V. Poprawa współpracy oraz jakości usług społecznych w powiecie');
		expect(md).toContain('**Cel strategiczny:** 5. Wzrost skuteczności i efektywności działań w ramach powiatowej polityki społecznej.');
		expect(md).toContain(
			'**Cele szczegółowe:**\n\n- 5.1. Podnoszenie kompetencji pracowników instytucji i organizacji działających w ramach lokalnego systemu pomocy i wsparcia.[^1]\n- 5.2. Wzmocnienie standardów'
		);
		const lines = md.split('\n');
		const header = lines.findIndex((line) => line.startsWith('| Lp. |'));
		expect(cells(lines[header])).toEqual(['Lp.', 'Opis działania', 'Harmonogram realizacji', 'Wskaźnik realizacji działania[^2]']);
		const rows = lines.slice(header + 2, header + 9).map(cells);
		expect(lines[header + 9]).toBe('');
		expect(rows.map((row) => [row[0], row[2]])).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => [`${n}.`, '2023']));
		expect(rows[1][3]).toBe('Liczba zorganizowanych szkoleń i spotkań dla kadry pomocy społecznej.<br><br>Liczba uczestników.');
		expect(md).toContain('| V.2 | Liczba uczestników. (w podziale na kobiety i mężczyzn) |');
		expect(rows[4][1]).toMatch(/powiatowej polityki społecznej\.\[\^3\]$/);
		expect(rows[6][3]).toBe('Liczba projektów współpracy ponadnarodowej.<br><br>Liczba wprowadzonych innowacyjnych rozwiązań.');
		expect(md).toContain('**Podmioty zaangażowane:**\n\n- Wszystkie wymienione w obszarach I–IV.');
		expect(md).toContain('[^1]: Pod pojęciem „pracowników” należy w tym przypadku rozumieć również osoby zatrudnione');
		expect(md).toContain('[^2]: Uwaga: tam, gdzie to możliwe, monitoring wskaźników dotyczących osób powinien uwzględniać podział na kobiety i mężczyzn.');
		expect(md).toContain('[^3]: Ważnym obszarem działań umożliwiającym propagowanie różnych metod partycypacji');
	});

	it('lists an action’s own entities after the area’s', () => {
		const process = fixtureProcess();
		setEntities(process.goals, deriveGoals(process.goals).actions[2].id, ['PCPR w Olsztynie', 'Komenda Powiatowa Policji']);
		const md = draftToMarkdown(consolidateDraft(process.input));
		expect(md).toContain('**Podmioty zaangażowane:**\n\n- Wszystkie wymienione w obszarach I–IV.\n- Działanie 3: PCPR w Olsztynie, Komenda Powiatowa Policji\n');
	});

	it('notes where actions came from, and can leave the notes out', () => {
		expect(markdown()).toContain('- Działanie 2: *Źródła: Drzewo problemów: współpraca — Brak superwizji i doradztwa metodycznego; Matryca usług — Teleopieka × PCPR Pisz (duża luka)*');
		const plain = draftToMarkdown(consolidateDraft(fixtureProcess().input), { sources: false });
		expect(plain).not.toContain('Źródła');
	});

	it('prints the diagnosis: the tree as a nested list, the cost table and total, the largest gaps, the annex', () => {
		const md = markdown();
		expect(md).toContain(
			[
				'- Problem główny: **Niska skuteczność powiatowej polityki społecznej**',
				'  - Skutek: **Problemy społeczne narastają szybciej niż odpowiedź na nie**',
				'  - Przyczyna: **Niewystarczające kompetencje kadr pomocy społecznej** — Dane: 38% pracowników bez szkolenia w 2022 r. (sprawozdanie PCPR)',
				'    - Przyczyna: **Brak superwizji i doradztwa metodycznego**'
			].join('\n')
		);
		expect(md).toContain('| przemoc w rodzinie | Dzieci trafiają do pieczy zastępczej. | budżety publiczne | 12 dzieci × 4 800 zł × 12 miesięcy = 691\u00a0200\u00a0zł | 1–3 lata |');
		expect(md).toContain('**Łączny szacowany koszt roczny:** 691\u00a0200\u00a0zł\\\nKarty bez obliczonego szacunku: 1');
		expect(md).toContain('| Usługi dla osób starszych | Teleopieka | PCPR Pisz | duża luka | 1 |');
		expect(md).toContain('### Załącznik 1. Matryca potrzeb, nisz i luk: Matryca usług');
		expect(md).toContain('| Teleopieka | brak danych | duża luka |');
	});
});

describe('participants’ text is data, never markup', () => {
	it('shows a hostile card exactly as typed, in its own table cell', () => {
		const md = markdown();
		expect(md).not.toMatch(/(?<!\\)<script/i);
		expect(md).not.toContain('**bold**');
		const row = md.split('\n').find((line) => line.startsWith('| bezdomność'))!;
		const [area, text, ...rest] = cells(row);
		expect(rest).toHaveLength(3);
		expect(visible(area)).toBe('bezdomność');
		expect(visible(text)).toBe(HOSTILE_CARD_TEXT);
	});

	it('escapes every markup character, and line-start markers, for any text', () => {
		const markup = /[\\`*_~[\]<>|&#!]/;
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '*', '_', '`', '<', '>', '|', '[', ']', '#', '\\', '&', '-', '+', '=', '1', '.', ')', '!', '~', 'ż') }), (text) => {
				const escaped = escapeInline(text);
				expect(visible(escaped)).toBe(text.trim());
				// Every markup character is preceded by an escaping backslash.
				const unescaped = escaped.replace(/\\[!-/:-@[-`{-~]/g, '');
				expect(unescaped).not.toMatch(markup);
				expect(escaped).not.toMatch(/^([-+=]|\d+[.)])/);
			})
		);
	});

	it('keeps line breaks of a cell inside the cell', () => {
		expect(escapeCell('pierwsza | linia\n# druga\n1. trzecia')).toBe('pierwsza \\| linia<br>\\# druga<br>1\\. trzecia');
	});

	it('makes heading anchors the way GitHub does, Polish letters kept', () => {
		expect(headingSlug('7. Zadania publiczne zlecane organizacjom pozarządowym')).toBe('7-zadania-publiczne-zlecane-organizacjom-pozarządowym');
	});
});
