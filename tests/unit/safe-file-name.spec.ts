import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILE_NAME_BASE_MAX, safeExportFileName } from '../../src/lib/export/safe-file-name';

describe('safeExportFileName', () => {
	it('folds Polish letters to ASCII and adds the version and extension', () => {
		expect(safeExportFileName('Projekt strategii – Powiat Piski', 2, 'docx')).toBe('projekt-strategii-powiat-piski-v2.docx');
		expect(safeExportFileName('Zażółć gęślą jaźń ŁÓDŹ', 1, 'pdf')).toBe('zazolc-gesla-jazn-lodz-v1.pdf');
	});

	it('leaves the version out of the live preview', () => {
		expect(safeExportFileName('Strategia', null, 'md')).toBe('strategia.md');
	});

	it('keeps no path characters from the title or the extension', () => {
		expect(safeExportFileName('../../etc/passwd', 3, 'docx')).toBe('etc-passwd-v3.docx');
		expect(safeExportFileName('C:\\Windows\\system32', 1, '.d/o\\c:x')).toBe('c-windows-system32-v1.docx');
		expect(safeExportFileName('   ', null, 'docx')).toBe('export.docx');
		expect(safeExportFileName('NUL', null, 'pdf')).toBe('nul-export.pdf');
	});

	it('caps the length', () => {
		const name = safeExportFileName('Strategia rozwiązywania problemów społecznych '.repeat(20), 12, 'docx');
		expect(name.length).toBeLessThanOrEqual(FILE_NAME_BASE_MAX + '-v12.docx'.length);
		expect(name).toMatch(/^strategia-rozwiazywania-.*[a-z0-9]-v12\.docx$/);
	});

	it('always gives a plain ASCII name for any title', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), fc.option(fc.nat(), { nil: null }), (title, version) => {
				const name = safeExportFileName(title, version, 'docx');
				expect(name).toMatch(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(-v\d+)?\.docx$/);
				expect(name.length).toBeLessThanOrEqual(FILE_NAME_BASE_MAX + 30);
			})
		);
	});
});
