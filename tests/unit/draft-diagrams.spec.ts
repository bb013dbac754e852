import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { consolidateDraft } from '../../src/lib/domain/draft/consolidate';
import { draftLabels } from '../../src/lib/domain/draft/labels';
import { findSection, type DraftTree, type DraftTreeBox, type StrategyDraft } from '../../src/lib/domain/draft/model';
import { draftTreeAltText, draftTreeDiagram, draftTreeDiagramParts } from '../../src/lib/domain/draft/tree-diagram';
import { renderDraftDocx } from '../../src/lib/export/draft-docx';
import { renderDraftPdf } from '../../src/lib/export/draft-pdf';
import { GlyphOutliner } from '../../src/lib/export/glyph-outlines';
import { rasterizeSvg, renderTreeImages } from '../../src/lib/export/tree-image';
import { fixtureProcess } from './fixtures/draft-process';

/**
 * Problem trees as pictures: rendered on the server from the draft's model (resvg, DejaVu Sans
 * only), placed in DOCX and PDF with the tree's outline as their alternative text.
 */

const HOSTILE_BOX_TEXT = '<script>alert(1)</script> ]]> & "quote" \'apos\' <![CDATA[x]]> \u0001 { HYPERLINK "http://evil" }';
const FRAME = { maxWidthPt: 453, maxHeightPt: 600 };
const dir = mkdtempSync(join(tmpdir(), 'narada-diagrams-'));

function draft(language: 'pl' | 'en' = 'pl'): StrategyDraft {
	return consolidateDraft({ ...fixtureProcess().input, language });
}

function treeOf(model: StrategyDraft): DraftTree {
	return findSection(model, 'diagnosis')!.areas[0].problemTrees[0];
}

/** Width and height from the PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Uint8Array): { width: number; height: number } {
	const bytes = Buffer.from(png);
	expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
	expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Rows and columns that hold anything but white, in RGBA pixels. */
function ink(pixels: Buffer, width: number) {
	let count = 0;
	let top = Infinity;
	let bottom = -Infinity;
	const colours = new Set<string>();
	for (let i = 0; i < pixels.length; i += 4) {
		if (pixels[i] > 245 && pixels[i + 1] > 245 && pixels[i + 2] > 245) continue;
		count++;
		const y = Math.floor(i / 4 / width);
		top = Math.min(top, y);
		bottom = Math.max(bottom, y);
		colours.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`);
	}
	return { count, top, bottom, colours };
}

function textSvg(text: string): string {
	return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><text x="10" y="60" font-family="system-ui, 'DejaVu Sans', sans-serif" font-size="40">${text}</text></svg>`;
}

/** A wide tree of about 300 boxes: 5 effects with 6 each, 6 causes with 6 each and 6 under those. */
function bigTree(): DraftTree {
	const boxes: DraftTreeBox[] = [];
	const add = (id: string, parentId: string | null, role: DraftTreeBox['role'], depth: number) =>
		boxes.push({ id, parentId, role, depth, text: `${role === 'effect' ? 'Skutek' : 'Przyczyna'} ${id}: zbyt mało miejsc w żłobkach i świetlicach`, evidence: '', evidenceSource: '', scale: '' });
	add('core', null, 'core', 0);
	for (let e = 0; e < 5; e++) {
		add(`e${e}`, 'core', 'effect', 1);
		for (let f = 0; f < 6; f++) add(`e${e}.${f}`, `e${e}`, 'effect', 2);
	}
	for (let c = 0; c < 6; c++) {
		add(`c${c}`, 'core', 'cause', 1);
		for (let d = 0; d < 6; d++) {
			add(`c${c}.${d}`, `c${c}`, 'cause', 2);
			for (let g = 0; g < 6; g++) add(`c${c}.${d}.${g}`, `c${c}.${d}`, 'cause', 3);
		}
	}
	return { id: 'tree:big', boardId: 'big', title: 'Duże drzewo', treeKind: 'problem', boxes };
}

/** The /Alt strings of the PDF's Figure structure elements (pdfkit writes them uncompressed, UTF-16BE). */
function figureAlts(pdf: Uint8Array): string[] {
	const raw = Buffer.from(pdf).toString('latin1');
	const alts: string[] = [];
	for (const match of raw.matchAll(/\/S \/Figure\s*\/Alt \(/g)) {
		let i = match.index! + match[0].length;
		const bytes: number[] = [];
		while (raw[i] !== ')') {
			if (raw[i] === '\\') {
				i++;
				const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
				if (/[0-7]/.test(raw[i])) {
					const octal = /^[0-7]{1,3}/.exec(raw.slice(i))![0];
					bytes.push(parseInt(octal, 8));
					i += octal.length;
					continue;
				}
				bytes.push(escapes[raw[i]] ?? raw.charCodeAt(i));
			} else bytes.push(raw.charCodeAt(i));
			i++;
		}
		const buffer = Buffer.from(bytes);
		expect(buffer.subarray(0, 2).equals(Buffer.from([0xfe, 0xff]))).toBe(true);
		alts.push(buffer.subarray(2).swap16().toString('utf16le'));
	}
	return alts;
}

const OUTLINE_PL =
	'Schemat — Drzewo problemów: współpraca. Problem główny: „Niska skuteczność powiatowej polityki społecznej”. ' +
	'Skutki problemu głównego: „Problemy społeczne narastają szybciej niż odpowiedź na nie”. ' +
	'Przyczyny problemu głównego: „Niewystarczające kompetencje kadr pomocy społecznej”; „Słaba współpraca między instytucjami”. ' +
	'Przyczyny „Niewystarczające kompetencje kadr pomocy społecznej”: „Brak superwizji i doradztwa metodycznego”.';

describe('problem tree diagrams', () => {
	it('words the outline as the alternative text, in the draft’s language', () => {
		expect(draftTreeAltText(treeOf(draft()), draftLabels('pl'))).toBe(OUTLINE_PL);
		const english = draftTreeAltText(treeOf(draft('en')), draftLabels('en'));
		expect(english).toContain('Core problem: “Niska skuteczność powiatowej polityki społecznej”.');
		expect(english).toContain('Causes of “Niewystarczające kompetencje kadr pomocy społecznej”: “Brak superwizji i doradztwa metodycznego”.');
		expect(english).toContain('Effects of the core problem:');
	});

	it('draws a version saved without parent ids the same way (the outline’s depths are enough)', () => {
		const tree = treeOf(draft());
		const old = { ...tree, boxes: tree.boxes.map((box) => ({ ...box, parentId: box.depth === 0 ? null : (undefined as unknown as string) })) };
		expect(draftTreeAltText(old, draftLabels('pl'))).toBe(OUTLINE_PL);
		expect(draftTreeDiagram(old, draftLabels('pl'))!.svg).toBe(draftTreeDiagram(tree, draftLabels('pl'))!.svg);
	});

	it('words an objective tree as means and ends, and draws a tree of just its core', () => {
		const objective: DraftTree = {
			id: 'tree:o',
			boardId: 'o',
			title: 'Cele',
			treeKind: 'objective',
			boxes: [
				{ id: 'c', parentId: null, role: 'core', depth: 0, text: 'Skuteczna pomoc rodzinom', evidence: '', evidenceSource: '', scale: '' },
				{ id: 'e', parentId: 'c', role: 'effect', depth: 1, text: 'Mniej dzieci w pieczy', evidence: '', evidenceSource: '', scale: '' },
				{ id: 'm', parentId: 'c', role: 'cause', depth: 1, text: '', evidence: '', evidenceSource: '', scale: '' }
			]
		};
		expect(draftTreeAltText(objective, draftLabels('pl'))).toBe(
			'Schemat — Drzewo celów: Cele. Cel główny: „Skuteczna pomoc rodzinom”. Rezultaty celu głównego: „Mniej dzieci w pieczy”. Środki celu głównego: (bez treści).'
		);
		const coreOnly = { ...objective, boxes: objective.boxes.slice(0, 1) };
		const images = renderTreeImages(coreOnly, draftLabels('pl'), FRAME);
		expect(images).toHaveLength(1);
		expect(images[0].alt).toBe('Schemat — Drzewo celów: Cele. Cel główny: „Skuteczna pomoc rodzinom”.');
		expect(renderTreeImages({ ...objective, boxes: [] }, draftLabels('pl'), FRAME)).toEqual([]);
	});

	it('cuts a very deep tree into parts a page tall, every box drawn once and linked to the next part', () => {
		const boxes: DraftTreeBox[] = [{ id: 'b0', parentId: null, role: 'core', depth: 0, text: 'Rdzeń', evidence: '', evidenceSource: '', scale: '' }];
		for (let i = 1; i < 60; i++) boxes.push({ id: `b${i}`, parentId: `b${i - 1}`, role: 'cause', depth: i, text: `Przyczyna ${i}`, evidence: '', evidenceSource: '', scale: '' });
		const parts = draftTreeDiagramParts({ id: 'tree:deep', boardId: 'deep', title: 'Głębokie', treeKind: 'problem', boxes }, draftLabels('pl'), { maxWidth: 1000, maxHeight: 2000 });
		expect(parts.length).toBeGreaterThan(3);
		const drawn = parts.map((part) => [...part.svg.matchAll(/data-box-id="([^"]+)"/g)].map((m) => m[1]));
		// Each part after the first starts with the box the previous one ended with.
		for (let i = 1; i < drawn.length; i++) expect(drawn[i][0]).toBe(drawn[i - 1].at(-1));
		expect(new Set(drawn.flat()).size).toBe(60);
		for (const part of parts) expect(part.height).toBeLessThanOrEqual(2000 + 84);
	});

	it('renders the fixture’s tree to a PNG of print size with every box drawn, the same bytes every time', () => {
		const tree = treeOf(draft());
		const image = renderTreeImages(tree, draftLabels('pl'), FRAME)[0];
		writeFileSync(join(dir, 'fixture-tree.png'), image.png);
		const size = pngSize(image.png);
		expect(size).toEqual({ width: image.pixelWidth, height: image.pixelHeight });
		// About 190 dpi at its printed size, which fits the frame.
		expect(image.widthPt).toBeLessThanOrEqual(FRAME.maxWidthPt);
		expect(image.heightPt).toBeLessThanOrEqual(FRAME.maxHeightPt);
		expect(size.width / image.widthPt).toBeGreaterThan(2.5);
		expect(Math.abs(size.width / size.height - image.widthPt / image.heightPt)).toBeLessThan(0.01);

		const diagram = draftTreeDiagram(tree, draftLabels('pl'))!;
		expect(diagram.svg.match(/<g data-box-id=/g)).toHaveLength(tree.boxes.length);
		const rendered = rasterizeSvg(diagram.svg, size.width);
		const drawn = ink(rendered.pixels, rendered.width);
		expect(drawn.count / (rendered.width * rendered.height)).toBeGreaterThan(0.1);
		// The role fills of the palette: core, cause and effect boxes are all there.
		for (const fill of ['251,227,225', '255,241,214', '229,236,251']) expect(drawn.colours).toContain(fill);

		const again = renderTreeImages(tree, draftLabels('pl'), FRAME)[0];
		expect(Buffer.from(again.png).equals(Buffer.from(image.png))).toBe(true);
	});

	it('draws Polish letters from DejaVu Sans outlines, never a missing glyph', () => {
		const draw = (text: string) => {
			const outliner = new GlyphOutliner();
			const run = outliner.draw({ x: 10, y: 60, text, fontSize: 40, bold: false, fill: '#000000', anchor: 'start' });
			const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><defs>${outliner.defs()}</defs>${run}</svg>`;
			// Glyph 0 is the font's "missing glyph" box.
			expect(svg).not.toContain('href="#r0"');
			const image = rasterizeSvg(svg, 400);
			return ink(image.pixels, 400);
		};
		const polish = draw('ąęńóśźż');
		const ascii = draw('aenoszz');
		expect(polish.count).toBeGreaterThan(ascii.count);
		// Accents and the dot rise above the x-height, ogonki hang below the baseline.
		expect(polish.top).toBeLessThan(ascii.top - 5);
		expect(polish.bottom).toBeGreaterThan(ascii.bottom + 3);
		// The same through resvg's own text, with DejaVu Sans its only font: a family the machine may have falls back to it.
		const viaResvg = ink(rasterizeSvg(textSvg('ąęńóśźż'), 400).pixels, 400);
		expect(viaResvg.top).toBeLessThan(ink(rasterizeSvg(textSvg('aenoszz'), 400).pixels, 400).top - 5);
		const arial = rasterizeSvg(textSvg('ąęńóśźż').replace("system-ui, 'DejaVu Sans', sans-serif", 'Arial'), 400);
		expect(arial.pixels.equals(rasterizeSvg(textSvg('ąęńóśźż'), 400).pixels)).toBe(true);
	});

	it('keeps hostile box text as text: a valid SVG and PNG, no markup', () => {
		const tree = treeOf(draft());
		const hostile = { ...tree, boxes: tree.boxes.map((box, i) => (i === 1 ? { ...box, text: HOSTILE_BOX_TEXT } : box)) };
		const diagram = draftTreeDiagram(hostile, draftLabels('pl'))!;
		expect(diagram.svg).not.toMatch(/<script|<!\[CDATA|\u0001/);
		// The box's lines, put back together, are the text as typed (less the control character XML cannot hold).
		const box = /<g data-box-id="tree:tree-1:growth">([\s\S]*?)<\/g>/.exec(diagram.svg)![1];
		const lines = [...box.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]).join(' ');
		const unescaped = lines.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
		// (Wrapping may cut a long word such as "</script>", so compare without the spaces.)
		expect(unescaped.replace(/\s+/g, '')).toBe(HOSTILE_BOX_TEXT.replace('\u0001', '').replace(/\s+/g, ''));
		// resvg refuses malformed XML, so rendering is the validity check.
		const image = renderTreeImages(hostile, draftLabels('pl'), FRAME)[0];
		expect(pngSize(image.png).width).toBeGreaterThan(0);
		expect(image.alt).toContain('„<script>alert(1)</script> ]]> & "quote"');
	});

	it('puts the PNG into the DOCX with the outline as the picture’s description', async () => {
		const zip = await JSZip.loadAsync(await renderDraftDocx(draft()));
		const media = Object.keys(zip.files).filter((name) => /^word\/media\/.+\.png$/.test(name));
		expect(media).toHaveLength(1);
		pngSize(await zip.file(media[0])!.async('uint8array'));
		const document = await zip.file('word/document.xml')!.async('string');
		const docPr = /<wp:docPr [^>]*>/.exec(document)![0];
		expect(docPr).toContain(`descr="${OUTLINE_PL.replace(/"/g, '&quot;')}"`);
		expect(docPr).toContain('title="Drzewo problemów: współpraca"');
		// Sized in EMU within the text width (453.6 pt = 5 760 720 EMU).
		const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(document)!;
		expect(Number(extent[1])).toBeLessThanOrEqual(5_760_720);
		expect(Number(extent[1])).toBeGreaterThan(3_000_000);
	});

	it('escapes hostile text in the DOCX picture’s description', async () => {
		const model = draft();
		const tree = treeOf(model);
		tree.boxes[1] = { ...tree.boxes[1], text: HOSTILE_BOX_TEXT };
		const document = await (await JSZip.loadAsync(await renderDraftDocx(model))).file('word/document.xml')!.async('string');
		const docPr = /<wp:docPr [^>]*>/.exec(document)![0];
		expect(docPr).toContain('&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; &quot;quote&quot;');
		expect(docPr).not.toContain('\u0001');
	});

	it('places the PNG in the PDF as a tagged Figure with the outline as /Alt', async () => {
		const pdf = await renderDraftPdf(draft());
		const path = join(dir, 'draft.pdf');
		writeFileSync(path, pdf);
		expect(figureAlts(pdf)).toEqual([OUTLINE_PL]);
		// Its place on the page, as PDF/UA asks of a figure.
		expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/A <<\s*\/O \/Layout\s*\/Placement \/Block\s*\/BBox \[[\d. ]+\]/);
		const images = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
		const picture = images.map((line) => line.trim().split(/\s+/)).find((cols) => cols[2] === 'image')!;
		const image = renderTreeImages(treeOf(draft()), draftLabels('pl'), FRAME)[0];
		expect([Number(picture[3]), Number(picture[4])]).toEqual([image.pixelWidth, image.pixelHeight]);
		expect(Number(picture[12])).toBeGreaterThan(150);
	});

	it('prints a 300-box tree in parts that each fit the page, every box in one of them', () => {
		const tree = bigTree();
		const started = performance.now();
		const cpu = process.cpuUsage();
		const images = renderTreeImages(tree, draftLabels('pl'), FRAME);
		const ms = performance.now() - started;
		const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000;
		images.forEach((image, i) => writeFileSync(join(dir, `big-tree-${i + 1}.png`), image.png));
		const pixels = images.reduce((sum, image) => sum + image.pixelWidth * image.pixelHeight, 0);
		console.log(`${tree.boxes.length}-box tree: ${ms.toFixed(0)} ms (${cpuMs.toFixed(0)} ms CPU), ${images.length} parts, ${(pixels / 1e6).toFixed(1)} Mpx, ${images.reduce((sum, image) => sum + image.png.length, 0)} bytes of PNG`);
		expect(images.length).toBeGreaterThan(1);
		for (const [i, image] of images.entries()) {
			expect(pngSize(image.png)).toEqual({ width: image.pixelWidth, height: image.pixelHeight });
			expect(image.widthPt).toBeLessThanOrEqual(FRAME.maxWidthPt);
			expect(image.heightPt).toBeLessThanOrEqual(FRAME.maxHeightPt);
			expect(image.alt).toContain(`część ${i + 1} z ${images.length}`);
		}
		const parts = draftTreeDiagramParts(tree, draftLabels('pl'), { maxWidth: FRAME.maxWidthPt / 0.26 - 48, maxHeight: FRAME.maxHeightPt / 0.26 - 84 });
		// Legible: 16-unit box text prints at 4 pt or more in every part.
		for (const part of parts) expect(Math.min(0.6, FRAME.maxWidthPt / part.width, FRAME.maxHeightPt / part.height) * 16).toBeGreaterThanOrEqual(4);
		// Every box is drawn in some part, and the parts overlap only where one continues another.
		const drawn = new Set(parts.flatMap((part) => [...part.svg.matchAll(/data-box-id="([^"]+)"/g)].map((m) => m[1])));
		expect(drawn.size).toBe(tree.boxes.length);
	});
});
