import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addColumn,
	addGroup,
	addRow,
	deriveMatrix,
	escapeSpreadsheetText,
	initMatrixDoc,
	matrixToCsv,
	matrixToTable,
	removeGroup,
	setCell,
	setGapOverride,
	type MatrixExportLabels
} from '../../src/lib/domain/need-gap-matrix';

/** What the UI passes in from the Polish messages. */
const labels: MatrixExportLabels = {
	group: 'Grupa docelowa',
	service: 'Usługa',
	column: 'Obszar / instytucja',
	kind: 'Rodzaj',
	need: 'Potrzeba',
	offer: 'Oferta',
	gap: 'Luka',
	override: 'Luka zmieniona ręcznie',
	overrideReason: 'Uzasadnienie zmiany',
	priority: 'Priorytet',
	niche: 'Nisza',
	note: 'Uwagi',
	justification: 'Uzasadnienie braku działania',
	otherGroup: 'Pozostałe usługi',
	yes: 'tak',
	no: 'nie',
	kinds: { territory: 'obszar', institution: 'instytucja' },
	needs: { none: 'brak', low: 'niska', medium: 'średnia', high: 'wysoka' },
	offers: { none: 'brak', insufficient: 'niewystarczająca', sufficient: 'wystarczająca' },
	gaps: { none: 'brak luki', small: 'mała luka', large: 'duża luka', 'no-data': 'brak danych' }
};

function matrixDoc(): Y.Doc {
	const doc = new Y.Doc();
	initMatrixDoc(doc);
	addGroup(doc, { id: 'S', name: 'Usługi dla osób starszych' });
	addGroup(doc, { id: 'D', name: '=HYPERLINK("http://zło.example";"klik")' });
	addRow(doc, 'S', { id: 'a', name: 'Dzienne Domy Pomocy Społecznej; filie' });
	addRow(doc, 'D', { id: 'b', name: '-Teleopieka' });
	addColumn(doc, { id: 'x', name: 'powiat węgorzewski', kind: 'territory' });
	addColumn(doc, { id: 'y', name: '@PCPR "Pod Lipami"', kind: 'institution' });
	setCell(doc, 'a', 'x', { need: 'high', offer: 'none', priority: 1, niche: true, note: 'Brak DDP w gminie;\r\nkolejka 12 osób' });
	setCell(doc, 'a', 'y', { need: 'low', offer: 'sufficient', note: '+48 89 000 00 00' });
	setCell(doc, 'b', 'x', { need: 'medium', offer: 'insufficient', note: '\tukryty tekst' });
	setGapOverride(doc, 'b', 'x', 'large', '=1+1');
	return doc;
}

describe('spreadsheet escaping', () => {
	it('prefixes a single quote to text starting with =, +, -, @, tab or carriage return, and only to that', () => {
		for (const text of ['=SUM(A1)', '+48', '-5', '@cmd', '\tx', '\rx']) expect(escapeSpreadsheetText(text)).toBe(`'${text}`);
		for (const text of ['Kluby Seniora', 'a=b', '', ' =x', "'tekst", '12']) expect(escapeSpreadsheetText(text)).toBe(text);
	});
});

describe('CSV export', () => {
	it('starts with a byte-order mark, separates with semicolons and ends every line with CRLF', () => {
		const csv = matrixToCsv(deriveMatrix(matrixDoc()), labels);
		expect(csv.startsWith('\uFEFFGrupa docelowa;Usługa;powiat węgorzewski;')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		expect(new TextDecoder('utf-8').decode(new TextEncoder().encode(csv))).toContain('powiat węgorzewski');
	});

	it('lays out the heat map: one line per service, gap labels per column, formulas and separators neutralised', () => {
		const csv = matrixToCsv(deriveMatrix(matrixDoc()), labels, 'grid');
		expect(csv.slice(1).split('\r\n')).toEqual([
			`Grupa docelowa;Usługa;powiat węgorzewski;"'@PCPR ""Pod Lipami"""`,
			'Usługi dla osób starszych;"Dzienne Domy Pomocy Społecznej; filie";duża luka;brak luki',
			`"'=HYPERLINK(""http://zło.example"";""klik"")";'-Teleopieka;duża luka;brak danych`,
			''
		]);
	});

	it('writes every field of every cell in the cells layout, quoting line breaks', () => {
		const matrix = deriveMatrix(matrixDoc());
		const table = matrixToTable(matrix, labels, 'cells');
		expect(table).toHaveLength(1 + 4);
		expect(table[1]).toEqual([
			'Usługi dla osób starszych',
			'Dzienne Domy Pomocy Społecznej; filie',
			'powiat węgorzewski',
			'obszar',
			'wysoka',
			'brak',
			'duża luka',
			'nie',
			'',
			'1',
			'tak',
			'Brak DDP w gminie;\r\nkolejka 12 osób',
			''
		]);
		expect(table[2].slice(4, 7)).toEqual(['niska', 'wystarczająca', 'brak luki']);
		expect(table[2][11]).toBe("'+48 89 000 00 00");
		expect(table[3].slice(6, 9)).toEqual(['duża luka', 'tak', "'=1+1"]);
		expect(table[3][11]).toBe("'\tukryty tekst");
		expect(table[4].slice(4, 7)).toEqual(['', '', 'brak danych']);
		const csv = matrixToCsv(matrix, labels, 'cells');
		expect(csv).toContain(';"Brak DDP w gminie;\r\nkolejka 12 osób";');
		expect(csv).toContain(";'\tukryty tekst;");
	});

	it('names rows of a removed group with the label given for the "other" pseudo-group', () => {
		const doc = matrixDoc();
		removeGroup(doc, 'S');
		const table = matrixToTable(deriveMatrix(doc), labels, 'grid');
		expect(table.map((line) => line[0])).toEqual(['Grupa docelowa', "'=HYPERLINK(\"http://zło.example\";\"klik\")", 'Pozostałe usługi']);
	});
});
