import type { BoxLayout, TreeLayout } from './layout';

type Role = 'core' | 'cause' | 'effect';
type Kind = 'problem' | 'objective';

/** What the export reads of a derived tree (a `DerivedTree` fits). */
export interface TreeSvgInput {
	treeKind: Kind;
	byId: ReadonlyMap<string, SvgBoxFlags>;
}
interface SvgBoxFlags {
	repaired: null | 'orphan' | 'cycle';
	objective: null | { wording: 'suggested' | 'flagged'; sourceMissing: boolean };
}

/** Every word the drawing shows besides the box texts: the caller picks them for the tree kind and language. */
export interface TreeSvgLabels {
	/** Drawn above the legend, e.g. the board title. */
	title?: string;
	/** Named on each box, e.g. "Przyczyna" / "Skutek" or, in an objective tree, "Środek" / "Cel". */
	roles: Record<Role, string>;
	/** The legend's entries, e.g. "Przyczyny" / "Skutki" or "Środki" / "Cele". */
	legend: Record<Role, string>;
	/** Mark for a box the tree re-homed under the core (an orphan or a broken cycle). */
	repaired: string;
	/** Marks for objective boxes the group still has to look at. */
	flagged: string;
	sourceMissing: string;
}

export interface RoleColors {
	fill: string;
	stroke: string;
	/** Text drawn on the fill; every pair meets WCAG AA for small text. */
	text: string;
}

/**
 * One palette for the diagram and the export. Roles differ in hue and in stroke weight (the
 * core's is heavier), and every box also names its role, so colour is never the only cue.
 */
export function roleColors(kind: Kind, role: Role): RoleColors {
	const palette: Record<Kind, Record<Role, RoleColors>> = {
		problem: {
			core: { fill: '#fbe3e1', stroke: '#a8231a', text: '#1d2125' },
			cause: { fill: '#fff1d6', stroke: '#9a5b00', text: '#1d2125' },
			effect: { fill: '#e5ecfb', stroke: '#2f56a8', text: '#1d2125' }
		},
		objective: {
			core: { fill: '#dcf1e7', stroke: '#17694a', text: '#1d2125' },
			cause: { fill: '#edf6e2', stroke: '#4a7a1c', text: '#1d2125' },
			effect: { fill: '#e1eff8', stroke: '#1c5f8f', text: '#1d2125' }
		}
	};
	return palette[kind][role];
}

/** Lines and boxes that are not a role: connectors and marks. */
export const TREE_INK = { connector: '#5c6670', mark: '#b3261e', label: '#3d434a' } as const;

const MARGIN = 24;
const LEGEND_HEIGHT = 36;
const TITLE_HEIGHT = 34;
const FONT = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";

/** One line of text as the drawing places it: (x, y) is its baseline's start, or its end with anchor 'end'. */
export interface SvgTextRun {
	x: number;
	y: number;
	text: string;
	fontSize: number;
	bold: boolean;
	fill: string;
	anchor: 'start' | 'end';
}

export interface TreeSvgOptions {
	/**
	 * Draws a line of text in place of an SVG text element: the server's PNG export draws glyph
	 * outlines here, which rasterise faster and the same everywhere. Boxes then get one call per line.
	 */
	drawText?: (run: SvgTextRun) => string;
}

/**
 * A standalone SVG of the tree as laid out: boxes with their wrapped text and role, the
 * connectors with arrows from cause to effect, a legend, and marks on boxes that need a look.
 * Pure string building, so the server's strategy draft export can call it without a browser.
 */
export function renderTreeSvg(tree: TreeSvgInput, layout: TreeLayout, labels: TreeSvgLabels, options: TreeSvgOptions = {}): string {
	const drawText = options.drawText ?? svgText;
	const { bounds } = layout;
	const fontSize = layout.options.fontSize;
	const head = (labels.title ? TITLE_HEIGHT : 0) + LEGEND_HEIGHT;
	const legendWidth = 3 * 190;
	const width = Math.ceil(Math.max(bounds.width, legendWidth) + 2 * MARGIN);
	const height = Math.ceil(bounds.height + head + 2 * MARGIN);
	// Tree coordinates are centred on the core; shift them so the drawing starts at the margin.
	const dx = MARGIN - bounds.x + (width - 2 * MARGIN - bounds.width) / 2;
	const dy = MARGIN + head - bounds.y;

	const parts = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}" font-size="${fontSize}">`,
		labels.title ? `<title>${escapeXml(labels.title)}</title>` : '',
		'<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">',
		`<path d="M0 0L10 5L0 10z" fill="${TREE_INK.connector}"/></marker></defs>`,
		`<rect width="${width}" height="${height}" fill="#ffffff"/>`,
		labels.title ? drawText({ x: MARGIN, y: MARGIN + 20, text: labels.title, fontSize: 22, bold: true, fill: '#1d2125', anchor: 'start' }) : '',
		legend(tree.treeKind, labels, MARGIN, MARGIN + (labels.title ? TITLE_HEIGHT : 0), drawText),
		`<g transform="translate(${round(dx)} ${round(dy)})">`,
		`<g fill="none" stroke="${TREE_INK.connector}" stroke-width="2">`,
		...layout.connectors.map((c) => `<path d="${c.path}" marker-end="url(#arrow)"/>`),
		'</g>',
		...layout.boxes.map((box) => boxSvg(box, tree, labels, layout, options.drawText)),
		'</g></svg>'
	];
	return parts.filter(Boolean).join('\n');
}

/** The default: an SVG text element, escaped. */
function svgText(run: SvgTextRun): string {
	const anchor = run.anchor === 'end' ? ' text-anchor="end"' : '';
	const bold = run.bold ? ' font-weight="700"' : '';
	return `<text x="${round(run.x)}" y="${round(run.y)}"${anchor} font-size="${run.fontSize}"${bold} fill="${run.fill}">${escapeXml(run.text)}</text>`;
}

function legend(kind: Kind, labels: TreeSvgLabels, x: number, y: number, drawText: (run: SvgTextRun) => string): string {
	const roles: Role[] = ['effect', 'core', 'cause'];
	return roles
		.map((role, i) => {
			const colors = roleColors(kind, role);
			const left = x + i * 190;
			return (
				`<rect x="${left}" y="${y + 4}" width="22" height="18" rx="3" fill="${colors.fill}" stroke="${colors.stroke}" stroke-width="${role === 'core' ? 3 : 1.5}"/>` +
				drawText({ x: left + 30, y: y + 18, text: labels.legend[role], fontSize: 15, bold: false, fill: '#1d2125', anchor: 'start' })
			);
		})
		.join('\n');
}

function boxSvg(box: BoxLayout, tree: TreeSvgInput, labels: TreeSvgLabels, layout: TreeLayout, customText?: (run: SvgTextRun) => string): string {
	const drawText = customText ?? svgText;
	const o = layout.options;
	const colors = roleColors(tree.treeKind, box.role);
	const marks = boxMarks(tree.byId.get(box.id), labels);
	const core = box.role === 'core';
	const textX = box.x + o.padding;
	const labelY = box.y + o.padding + o.labelHeight * 0.7;
	const firstLineY = box.y + o.padding + o.labelHeight + o.lineHeight * 0.75;
	const lineY = (i: number) => firstLineY + i * o.lineHeight;
	const lines = customText
		? box.lines.map((line, i) => customText({ x: textX, y: lineY(i), text: line, fontSize: o.fontSize, bold: core, fill: colors.text, anchor: 'start' })).join('')
		: `<text fill="${colors.text}"${core ? ' font-weight="700"' : ''}>${box.lines.map((line, i) => `<tspan x="${round(textX)}" y="${round(lineY(i))}">${escapeXml(line)}</tspan>`).join('')}</text>`;
	return [
		`<g data-box-id="${escapeXml(box.id)}">`,
		`<rect x="${round(box.x)}" y="${round(box.y)}" width="${box.width}" height="${box.height}" rx="6" fill="${colors.fill}" stroke="${marks.length ? TREE_INK.mark : colors.stroke}" stroke-width="${core ? 3 : 1.5}"${marks.length ? ' stroke-dasharray="6 4"' : ''}/>`,
		drawText({ x: textX, y: labelY, text: labels.roles[box.role].toUpperCase(), fontSize: Math.round(o.fontSize * 0.78), bold: true, fill: TREE_INK.label, anchor: 'start' }),
		marks.length
			? drawText({ x: box.x + box.width - o.padding, y: labelY, text: `⚠ ${marks.join(', ')}`, fontSize: Math.round(o.fontSize * 0.72), bold: true, fill: TREE_INK.mark, anchor: 'end' })
			: '',
		lines,
		'</g>'
	]
		.filter(Boolean)
		.join('');
}

/** The short notes a box carries besides its role: why it sits where it sits, or what the group should check. */
export function boxMarks(box: SvgBoxFlags | undefined, labels: Pick<TreeSvgLabels, 'repaired' | 'flagged' | 'sourceMissing'>): string[] {
	if (!box) return [];
	const marks: string[] = [];
	if (box.repaired) marks.push(labels.repaired);
	if (box.objective?.wording === 'flagged') marks.push(labels.flagged);
	if (box.objective?.sourceMissing) marks.push(labels.sourceMissing);
	return marks;
}

/** Escapes text for XML content and attributes, dropping characters XML 1.0 cannot carry at all. */
export function escapeXml(text: string): string {
	return text
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

const round = (value: number) => Math.round(value * 10) / 10;
