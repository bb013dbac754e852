import { createRequire } from 'node:module';
import { Resvg, type RenderedImage } from '@resvg/resvg-js';
import type { DraftLabels } from '../domain/draft/labels';
import type { DraftTree } from '../domain/draft/model';
import { draftTreeDiagram } from '../domain/draft/tree-diagram';

/**
 * A draft's tree as a PNG for DOCX and PDF, rendered on the server by resvg (no browser). The
 * fonts are DejaVu Sans from the installed package and nothing else (`loadSystemFonts: false`),
 * so Polish letters come out the same on every machine and a saved version always gives the
 * same pixels. The layout's text wrapping is measured on DejaVu Sans too.
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
/** Pixels per point on the page: 2× a 96 dpi screen, about 190 dpi in print. */
const PIXELS_PER_POINT = (96 / 72) * 2;
/**
 * Caps for huge trees (a 300-box tree lays out about 10 000 units wide). Such a tree is scaled
 * down to the frame whole, never split: its box text gets small in print but stays sharp when
 * zoomed in up to the caps, and the outline list printed under it is the readable form.
 */
const MAX_SIDE_PX = 4096;
const MAX_PIXELS = 8_000_000;

/** Null for a tree without boxes. */
export function renderTreeImage(tree: DraftTree, labels: DraftLabels, frame: ImageFrame): TreeImage | null {
	const diagram = draftTreeDiagram(tree, labels);
	if (!diagram || diagram.width <= 0 || diagram.height <= 0) return null;
	const { width, height } = diagram;

	const fit = Math.min(POINTS_PER_UNIT, frame.maxWidthPt / width, frame.maxHeightPt / height);
	const widthPt = round(width * fit);
	const heightPt = round(height * fit);

	// Sharp at 2× the printed size, and never below one pixel per layout unit while the caps allow.
	const wanted = Math.max(widthPt * PIXELS_PER_POINT, width);
	const pixelWidth = Math.max(1, Math.floor(Math.min(wanted, MAX_SIDE_PX, (MAX_SIDE_PX * width) / height, Math.sqrt((MAX_PIXELS * width) / height))));
	const image = rasterizeSvg(diagram.svg, pixelWidth);
	return { png: new Uint8Array(image.asPng()), pixelWidth: image.width, pixelHeight: image.height, widthPt, heightPt, alt: diagram.alt };
}

/** Any of our SVGs at a given pixel width, with DejaVu Sans as its only fonts. */
export function rasterizeSvg(svg: string, pixelWidth: number): RenderedImage {
	const files = fontFiles();
	return new Resvg(svg, {
		fitTo: { mode: 'width', value: pixelWidth },
		background: '#ffffff',
		font: {
			loadSystemFonts: false,
			fontFiles: [files.regular, files.bold],
			defaultFontFamily: 'DejaVu Sans',
			sansSerifFamily: 'DejaVu Sans'
		},
		logLevel: 'off'
	}).render();
}

let fonts: { regular: string; bold: string } | null = null;

/** Resolved at run time from the installed package, so the bundled server finds them too. */
function fontFiles() {
	if (!fonts) {
		const require = createRequire(import.meta.url);
		fonts = {
			regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
			bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')
		};
	}
	return fonts;
}

const round = (value: number) => Math.round(value * 100) / 100;
