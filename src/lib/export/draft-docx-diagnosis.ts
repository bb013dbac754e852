import { AlignmentType, ImageRun, Paragraph, Table, TextRun } from 'docx';
import { formatPln } from '../domain/inaction-cards/cost-estimate';
import type { DraftLabels } from '../domain/draft/labels';
import type { DraftCardsBlock, DraftDiagnosisSection, DraftMatrixAnnex, DraftMatrixBlock, DraftTree } from '../domain/draft/model';
import { LANDSCAPE_TEXT_WIDTH, PAGE, TEXT_WIDTH, bullet, heading, note, paragraph, table, textRuns, xmlSafe } from './draft-docx-blocks';
import { renderTreeImages } from './tree-image';
import { cardRows, withKind } from '../domain/draft/table-rows';

/** The diagnosis: per area (Heading 2) its problem trees, cost-of-inaction cards and largest gaps (Heading 3 each). */
export function diagnosisDocx(section: DraftDiagnosisSection, labels: DraftLabels): Array<Paragraph | Table> {
	const out: Array<Paragraph | Table> = [];
	for (const area of section.areas) {
		out.push(heading(2, area.title || labels.noArea));
		for (const tree of area.problemTrees) out.push(...treeDocx(tree, labels));
		for (const cards of area.inactionCards) out.push(...cardsDocx(cards, labels));
		for (const matrix of area.matrices) out.push(...gapsDocx(matrix, labels));
	}
	return out;
}

/**
 * The tree as a picture (rendered on the server, its outline as the alternative text), then as a
 * nested bulleted list, core first, each box with its role and evidence. Word lists have nine
 * levels; deeper boxes stay at the ninth.
 */
function treeDocx(tree: DraftTree, labels: DraftLabels): Paragraph[] {
	const kind = tree.treeKind === 'objective' ? labels.objectiveTree : labels.problemTree;
	const roles = labels.treeRoles[tree.treeKind];
	const items = tree.boxes.map((box) => {
		const evidence = [box.evidence, box.evidenceSource ? `(${box.evidenceSource})` : ''].filter(Boolean).join(' ');
		return bullet(
			[
				new TextRun(`${roles[box.role]}:`),
				...(box.text.trim() ? [new TextRun(' '), ...textRuns(box.text, { bold: true })] : []),
				...(evidence ? textRuns(` — ${labels.evidence}: ${evidence}`) : [])
			],
			box.depth
		);
	});
	const title = withKind(kind, tree.title);
	return [heading(3, title), ...treeFigure(tree, title, labels), ...items];
}

/** Twentieths of a point to pixels as docx sizes pictures (96 per inch). */
const TWIPS_TO_PX = 96 / 1440;

/** The diagram (each part of a large one) in its own paragraph, as wide as the text at most and shorter than the page. */
function treeFigure(tree: DraftTree, title: string, labels: DraftLabels): Paragraph[] {
	const images = renderTreeImages(tree, labels, { maxWidthPt: TEXT_WIDTH / 20, maxHeightPt: ((PAGE.height - 2 * PAGE.margin) / 20) * 0.8 });
	const pointsToPx = 20 * TWIPS_TO_PX;
	return images.map(
		(image, i) =>
			new Paragraph({
				alignment: AlignmentType.CENTER,
				keepNext: true,
				spacing: { before: 120, after: 120 },
				children: [
					new ImageRun({
						type: 'png',
						data: image.png,
						transformation: { width: Math.round(image.widthPt * pointsToPx), height: Math.round(image.heightPt * pointsToPx) },
						// Word reads the description aloud in place of the picture; the name is what its selection pane shows.
						altText: { name: xmlSafe(images.length > 1 ? `${title} (${i + 1})` : title), title: xmlSafe(title), description: xmlSafe(image.alt) }
					})
				]
			})
	);
}

function cardsDocx(block: DraftCardsBlock, labels: DraftLabels): Array<Paragraph | Table> {
	const columns = labels.cardColumns;
	const rows = cardRows(block, labels);
	const without = block.summary.withoutEstimate + block.summary.unparsable;
	return [
		heading(3, withKind(labels.inactionCards, block.title)),
		table([columns.area, columns.text, columns.bearers, columns.cost, columns.horizon], rows, [17, 33, 16, 20, 14]),
		new Paragraph({
			spacing: { before: 120 },
			children: [new TextRun({ text: `${labels.yearlyCostTotal}: `, bold: true }), new TextRun(formatPln(block.summary.total))]
		}),
		...(without > 0 ? [paragraph(`${labels.cardsWithoutEstimate}: ${without}`)] : [])
	];
}

function gapsDocx(block: DraftMatrixBlock, labels: DraftLabels): Array<Paragraph | Table> {
	const columns = labels.gapColumns;
	const rows = block.largestGaps.map((gap) => [gap.group, gap.service, gap.column, labels.gaps[gap.gap], gap.priority === null ? '' : String(gap.priority)]);
	return [
		heading(3, `${labels.largestGaps}: ${block.title}`),
		table([columns.group, columns.service, columns.column, columns.gap, columns.priority], rows, [22, 28, 21, 14, 15]),
		note(labels.fullMatrixInAnnex)
	];
}

/** The full matrix on a landscape page: a grey row per group above its services, one gap label per column. */
export function matrixAnnexDocx(annex: DraftMatrixAnnex, number: number, labels: DraftLabels): Array<Paragraph | Table> {
	const header = [labels.gapColumns.service, ...annex.columns.map((column) => column.name)];
	const rows = annex.groups.flatMap((group) => [{ span: group.name }, ...group.rows.map((row) => [row.name, ...row.gaps.map((gap) => labels.gaps[gap])])]);
	const widths = [Math.max(2, annex.columns.length) * 0.6, ...annex.columns.map(() => 1)];
	return [heading(2, `${labels.annex(number)}. ${labels.matrixAnnex}: ${annex.title}`), table(header, rows, widths, LANDSCAPE_TEXT_WIDTH)];
}

