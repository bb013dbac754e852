import { describe, expect, it } from 'vitest';
import { columnName, sheetNames, tableToXlsx } from '../../src/lib/export/xlsx';
import { crc32, zip } from '../../src/lib/export/zip';

/**
 * Reads a ZIP the way an unzipper does, from the end: the end record points at the central
 * directory, each record there at its local header. Every size, name and CRC-32 must agree, or
 * Excel calls the file damaged.
 */
function unzip(archive: Uint8Array): Map<string, Uint8Array> {
	const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
	const end = archive.length - 22;
	expect(view.getUint32(end, true)).toBe(0x06054b50);
	const count = view.getUint16(end + 10, true);
	const directorySize = view.getUint32(end + 12, true);
	let at = view.getUint32(end + 16, true);
	expect(at + directorySize).toBe(end);
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const files = new Map<string, Uint8Array>();
	for (let i = 0; i < count; i++) {
		expect(view.getUint32(at, true)).toBe(0x02014b50);
		expect(view.getUint16(at + 8, true) & 0x0800).toBe(0x0800);
		expect(view.getUint16(at + 10, true)).toBe(0);
		const crc = view.getUint32(at + 16, true);
		const size = view.getUint32(at + 24, true);
		expect(view.getUint32(at + 20, true)).toBe(size);
		const nameLength = view.getUint16(at + 28, true);
		const name = decoder.decode(archive.subarray(at + 46, at + 46 + nameLength));
		const local = view.getUint32(at + 42, true);
		expect(view.getUint32(local, true)).toBe(0x04034b50);
		expect(view.getUint32(local + 14, true)).toBe(crc);
		expect(decoder.decode(archive.subarray(local + 30, local + 30 + view.getUint16(local + 26, true)))).toBe(name);
		const dataStart = local + 30 + nameLength + view.getUint16(local + 28, true);
		const data = archive.subarray(dataStart, dataStart + size);
		expect(crc32(data), name).toBe(crc);
		expect(files.has(name)).toBe(false);
		files.set(name, data);
		at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
	}
	return files;
}

function unescapeXml(text: string): string {
	return text.replace(/&(lt|gt|quot|amp|#13);/g, (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&', '#13': '\r' })[entity]!);
}

/** Cell reference → its text, as Excel shows it (the _x005F_ escape of an underscore undone). */
function cells(sheetXml: string): Map<string, string> {
	const found = new Map<string, string>();
	for (const match of sheetXml.matchAll(/<c r="([A-Z]+\d+)" t="inlineStr"(?: s="\d+")?><is><t xml:space="preserve">([^<]*)<\/t><\/is><\/c>/g)) {
		found.set(match[1], unescapeXml(match[2]).replace(/_x005F_/g, '_'));
	}
	return found;
}

/** The parts as text, which also proves them valid UTF-8. */
function workbook(sheets: Parameters<typeof tableToXlsx>[0]): Map<string, string> {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	return new Map([...unzip(tableToXlsx(sheets))].map(([name, data]) => [name, decoder.decode(data)]));
}

describe('zip', () => {
	it('computes the standard CRC-32', () => {
		expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
		expect(crc32(new Uint8Array())).toBe(0);
	});

	it('stores entries an unzipper reads back, UTF-8 names included', () => {
		const files = unzip(zip([{ name: 'a.txt', data: 'alpha' }, { name: 'łódź/żółć.txt', data: new Uint8Array([0, 255, 10]) }, { name: 'empty', data: '' }]));
		expect([...files.keys()]).toEqual(['a.txt', 'łódź/żółć.txt', 'empty']);
		expect(new TextDecoder().decode(files.get('a.txt'))).toBe('alpha');
		expect([...files.get('łódź/żółć.txt')!]).toEqual([0, 255, 10]);
		expect(files.get('empty')).toHaveLength(0);
	});
});

describe('tableToXlsx', () => {
	const grid = [
		['Grupa docelowa', 'Usługa', 'powiat węgorzewski'],
		['Żółć — ąęśćńłóź', '=SUM(A1)', '+48 123'],
		['@x', '-1', '\tukryte']
	];
	const files = workbook([
		{ name: 'Mapa luk', rows: grid, header: true },
		{ name: 'Wszystkie pola', rows: [['a'], ['b']] }
	]);

	it('writes every part of a workbook with both sheets listed', () => {
		expect([...files.keys()].sort()).toEqual(
			['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'].sort()
		);
		const book = files.get('xl/workbook.xml')!;
		expect(book).toContain('<sheet name="Mapa luk" sheetId="1" r:id="rId1"/>');
		expect(book).toContain('<sheet name="Wszystkie pola" sheetId="2" r:id="rId2"/>');
		const rels = files.get('xl/_rels/workbook.xml.rels')!;
		expect(rels).toContain('Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"');
		expect(rels).toContain('Target="styles.xml"');
		const types = files.get('[Content_Types].xml')!;
		expect(types).toContain('PartName="/xl/worksheets/sheet2.xml"');
		expect(types).toContain('PartName="/xl/styles.xml"');
		expect(files.get('_rels/.rels')).toContain('Target="xl/workbook.xml"');
	});

	it('keeps Polish text and escapes formula starts so they stay text', () => {
		const sheet = files.get('xl/worksheets/sheet1.xml')!;
		const text = cells(sheet);
		expect(text.get('A2')).toBe('Żółć — ąęśćńłóź');
		expect(text.get('B2')).toBe("'=SUM(A1)");
		expect(text.get('C2')).toBe("'+48 123");
		expect(text.get('A3')).toBe("'@x");
		expect(text.get('B3')).toBe("'-1");
		expect(text.get('C3')).toBe("'\tukryte");
		expect(sheet).not.toContain('<f>');
		expect(sheet).not.toMatch(/t="(n|str|s)"/);
	});

	it('makes the header row bold and frozen, and only there', () => {
		const sheet = files.get('xl/worksheets/sheet1.xml')!;
		expect(sheet).toContain('<c r="A1" t="inlineStr" s="1">');
		expect(sheet).toContain('<c r="A2" t="inlineStr">');
		expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
		expect(files.get('xl/styles.xml')).toContain('<font><b/>');
		expect(files.get('xl/worksheets/sheet2.xml')).not.toContain('state="frozen"');
		expect(files.get('xl/worksheets/sheet2.xml')).not.toContain(' s="1"');
	});

	it('writes a 60 × 20 table with its dimension and column widths', () => {
		const rows = Array.from({ length: 60 }, (_, r) => Array.from({ length: 20 }, (_, c) => `${r}:${c}`));
		rows[5][3] = 'x'.repeat(500);
		const sheet = workbook([{ name: 'Duża', rows, header: true }]).get('xl/worksheets/sheet1.xml')!;
		const text = cells(sheet);
		expect(text.size).toBe(1200);
		expect(text.get('T60')).toBe('59:19');
		expect(text.get('A1')).toBe('0:0');
		expect(sheet).toContain('<dimension ref="A1:T60"/>');
		expect(sheet.match(/<col /g)).toHaveLength(20);
		expect(sheet).toContain('<col min="4" max="4" width="60" customWidth="1"/>');
		expect(sheet).toContain('<col min="1" max="1" width="8" customWidth="1"/>');
	});

	it('escapes XML special characters and drops characters XML cannot carry', () => {
		const tricky = ['<b>"Tom" & Jerry</b>', 'a\u0000b\u0001c\u000bd\u001fe\uFFFEf', 'ząb \uD800 ok 😀', 'wiersz 1\r\nwiersz 2', '_x0041_ zostaje', '\u0002=1+1'];
		const sheet = workbook([{ name: 'Znaki', rows: [tricky] }]).get('xl/worksheets/sheet1.xml')!;
		expect(sheet).toContain('&lt;b&gt;&quot;Tom&quot; &amp; Jerry&lt;/b&gt;');
		expect(sheet).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE]/);
		const text = cells(sheet);
		expect(text.get('A1')).toBe('<b>"Tom" & Jerry</b>');
		expect(text.get('B1')).toBe('abcdef');
		expect(text.get('C1')).toBe('ząb  ok 😀');
		expect(text.get('D1')).toBe('wiersz 1\r\nwiersz 2');
		expect(text.get('E1')).toBe('_x0041_ zostaje');
		// The dropped character must not leave a formula unguarded behind it.
		expect(text.get('F1')).toBe("'=1+1");
	});

	it('gives sheets names Excel accepts', () => {
		expect(sheetNames(['Mapa [luk]: 2021/2027?', 'x'.repeat(40), "'cytat'", '', 'mapa LUK 2021 2027'])).toEqual([
			'Mapa luk 2021 2027',
			'x'.repeat(31),
			'cytat',
			'Sheet4',
			'mapa LUK 2021 2027 (2)'
		]);
		const book = workbook([{ name: 'A & B <C>', rows: [] }]);
		expect(book.get('xl/workbook.xml')).toContain('name="A &amp; B &lt;C&gt;"');
		expect(book.get('xl/worksheets/sheet1.xml')).toContain('<sheetData></sheetData>');
	});

	it('names columns past Z', () => {
		expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
	});
});
