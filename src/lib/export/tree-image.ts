import { Resvg, type RenderedImage } from '@resvg/resvg-js';
import type { DraftLabels } from '../domain/draft/labels';
import type { DraftTree } from '../domain/draft/model';
import { draftTreeDiagramParts } from '../domain/draft/tree-diagram';
import { GlyphOutliner } from './glyph-outlines';
import { dejavuFontFiles } from './dejavu-fonts';

/**
 * A draft's tree as a PNG for DOCX and PDF, rendered on the server by resvg (no browser). Its
 * text is drawn as DejaVu Sans outlines from the installed package (glyph-outlines.ts), so
 * Polish letters come out the same on every machine and a saved version always gives the same
 * pixels; resvg itself loads DejaVu Sans only (`loadSystemFonts: false`) for any other SVG.
 * The layout's text wrapping is measured on DejaVu Sans too.
 */
export interface TreeImage {
	png: Uint8Array;
	/** Pixels of the PNG. */
	pixelWidth: number;
	pixelHeight: number;
	/** Size on the page, in points, keeping the aspect ratio. */
	widthPt: number;
	heightPt: number;
	/** The tree's outline in words, for the figure's alternative text. */
	alt: string;
}

/** The room a renderer gives the picture, in points. */
export interface ImageFrame {
	maxWidthPt: number;
	maxHeightPt: number;
}

/**
 * A layout unit (a CSS pixel of the diagram) prints as this many points when the tree is small:
 * 16 px box text becomes about 9.5 pt, the body text's size. Larger trees shrink to the frame.
 */
const POINTS_PER_UNIT = 0.6;
/**
 * A tree is split into parts (tree-diagram.ts) rather than shrunk below this: box text at about
 * 4 pt, six boxes side by side on A4 portrait. Text that small is for zooming in; the outline
 * list printed under the diagram is the form to read.
 */
const MIN_POINTS_PER_UNIT = 0.26;
/** What renderTreeSvg adds around the layout: margins, and the legend row. */
const SVG_MARGINS = { width: 2 * 24, height: 2 * 24 + 36 };
/** Pixels per point on the page: 2× a 96 dpi screen, about 190 dpi in print. */
const PIXELS_PER_POINT = (96 / 72) * 2;
/** Caps for a part that is still huge (one box with dozens of children). */
const MAX_SIDE_PX = 4096;
const MAX_PIXELS = 8_000_000;

/** One picture per part of the tree (usually one); none for a tree without boxes. */
export function renderTreeImages(tree: DraftTree, labels: DraftLabels, frame: ImageFrame): TreeImage[] {
	const outliner = new GlyphOutliner();
	const limits = {
		maxWidth: frame.maxWidthPt / MIN_POINTS_PER_UNIT - SVG_MARGINS.width,
		maxHeight: frame.maxHeightPt / MIN_POINTS_PER_UNIT - SVG_MARGINS.height
	};
	return draftTreeDiagramParts(tree, labels, limits, { drawText: outliner.draw }).map((part) => {
		const { width, height } = part;
		const fit = Math.min(POINTS_PER_UNIT, frame.maxWidthPt / width, frame.maxHeightPt / height);
		const widthPt = round(width * fit);
		const heightPt = round(height * fit);
		// Sharp at 2× the printed size; box text never under 10 px (for zooming in) while the caps allow.
		const wanted = Math.max(widthPt * PIXELS_PER_POINT, (width * 10) / 16);
		const pixelWidth = Math.max(1, Math.floor(Math.min(wanted, MAX_SIDE_PX, (MAX_SIDE_PX * width) / height, Math.sqrt((MAX_PIXELS * width) / height))));
		// Each part's <defs> carries every outline drawn so far: a few dozen letters, shared by all parts.
		const image = rasterizeSvg(part.svg.replace('</defs>', `${outliner.defs()}</defs>`), pixelWidth, { textAsOutlines: true });
		return { png: new Uint8Array(image.asPng()), pixelWidth: image.width, pixelHeight: image.height, widthPt, heightPt, alt: part.alt };
	});
}

/**
 * Any of our SVGs at a given pixel width. Its text elements get DejaVu Sans and nothing else;
 * an SVG whose text is already outlines skips loading the fonts (about 1.5 MB) altogether.
 */
export function rasterizeSvg(svg: string, pixelWidth: number, options: { textAsOutlines?: boolean } = {}): RenderedImage {
	const files = dejavuFontFiles();
	return new Resvg(svg, {
		fitTo: { mode: 'width', value: pixelWidth },
		background: '#ffffff',
		font: options.textAsOutlines
			? { loadSystemFonts: false }
			: { loadSystemFonts: false, fontFiles: [files.regular, files.bold], defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
		logLevel: 'off'
	}).render();
}

const round = (value: number) => Math.round(value * 100) / 100;
