import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

// Looking at an exported document the way a council clerk would: LibreOffice opens the DOCX and
// prints it to PDF, poppler turns its first pages into PNGs and its text into plain text.
const run = promisify(execFile);

/** Converts `docxPath` to a PDF in `outDir` with a throwaway profile, so parallel runs never share one. */
export async function docxToPdf(docxPath: string, outDir: string): Promise<string> {
	const profile = mkdtempSync(join(tmpdir(), 'narada-soffice-'));
	try {
		await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docxPath], { timeout: 120_000 });
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
	return join(outDir, basename(docxPath).replace(/\.docx$/, '.pdf'));
}

/** Pages `first`..`last` as `<prefix>-<n>.png` at `dpi`; returns the files made, in page order. */
export async function pdfPagesToPng(pdfPath: string, prefix: string, first = 1, last = 3, dpi = 60): Promise<string[]> {
	await run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(first), '-l', String(last), pdfPath, prefix]);
	const dir = join(prefix, '..');
	const stem = basename(prefix);
	return readdirSync(dir)
		.filter((name) => name.startsWith(`${stem}-`) && name.endsWith('.png'))
		.sort()
		.map((name) => join(dir, name));
}

export async function pdfText(pdfPath: string): Promise<string> {
	return (await run('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
}

export async function pdfPageCount(pdfPath: string): Promise<number> {
	const info = (await run('pdfinfo', [pdfPath])).stdout;
	return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/**
 * Share of page `page` that is ink (grey below 200), from a small greyscale rendering: a blank
 * page gives 0, a page of text a few percent.
 */
export async function inkShare(pdfPath: string, page: number): Promise<number> {
	const { stdout } = await run('pdftoppm', ['-gray', '-r', '20', '-f', String(page), '-l', String(page), pdfPath], { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 });
	// PGM "P5": magic, width, height, maxval separated by whitespace, then one byte per pixel.
	const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(stdout.subarray(0, 40).toString('latin1'));
	if (!header) throw new Error('pdftoppm gave no PGM image');
	const pixels = stdout.subarray(header[0].length);
	let ink = 0;
	for (const grey of pixels) if (grey < 200) ink++;
	return ink / pixels.length;
}
