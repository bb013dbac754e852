import * as fontkit from 'fontkit';
import type { SvgTextRun } from '../domain/problem-tree/tree-svg';
import { dejavuFontFiles } from './dejavu-fonts';

/**
 * Text drawn as DejaVu Sans glyph outlines instead of SVG text, for diagrams rasterised on the
 * server. resvg shapes every text chunk anew (about 4 ms each with DejaVu Sans), so a 300-box
 * tree took seconds; outlines reused through <use> take milliseconds, and the pixels cannot
 * depend on the fonts a machine has. Each glyph's outline is defined once per drawing.
 * Glyphs advance by their widths without kerning: the layout measured them the same way.
 */
export class GlyphOutliner {
	/** Outline path data by glyph key ('' for blank glyphs such as the space). */
	private readonly used = new Map<string, string>();

	draw = (run: SvgTextRun): string => {
		const glyphs = [...run.text].map((char) => this.glyph(char, run.bold));
		const advance = glyphs.reduce((sum, glyph) => sum + glyph.advance, 0);
		const scale = run.fontSize / fonts().regular.unitsPerEm;
		const x = run.anchor === 'end' ? run.x - advance * scale : run.x;
		let pen = 0;
		const uses: string[] = [];
		for (const glyph of glyphs) {
			if (this.used.get(glyph.key)) uses.push(`<use href="#${glyph.key}" x="${pen}"/>`);
			pen += glyph.advance;
		}
		if (uses.length === 0) return '';
		// Font units grow upwards: flip them at the baseline.
		return `<g fill="${run.fill}" transform="translate(${round(x)} ${round(run.y)}) scale(${round(scale, 6)} ${round(-scale, 6)})">${uses.join('')}</g>`;
	};

	/** The outlines used so far, for the drawing's <defs>. */
	defs(): string {
		return [...this.used].map(([key, d]) => (d ? `<path id="${key}" d="${d}"/>` : '')).join('');
	}

	private glyph(char: string, bold: boolean): { key: string; advance: number } {
		const cacheKey = `${bold ? 'b' : 'r'}${char}`;
		let known = glyphCache.get(cacheKey);
		if (!known) {
			const glyph = (bold ? fonts().bold : fonts().regular).glyphForCodePoint(char.codePointAt(0)!);
			known = { key: `${bold ? 'b' : 'r'}${glyph.id}`, advance: glyph.advanceWidth, path: glyph.path.toSVG() };
			glyphCache.set(cacheKey, known);
		}
		if (!this.used.has(known.key)) this.used.set(known.key, known.path);
		return known;
	}
}

/** Glyphs by character, for the life of the process: the fonts never change. */
const glyphCache = new Map<string, { key: string; advance: number; path: string }>();

let loaded: { regular: fontkit.Font; bold: fontkit.Font } | null = null;

function fonts() {
	if (!loaded) {
		const files = dejavuFontFiles();
		loaded = { regular: fontkit.openSync(files.regular), bold: fontkit.openSync(files.bold) };
	}
	return loaded;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));
