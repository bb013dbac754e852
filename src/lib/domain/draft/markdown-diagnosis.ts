import { formatPln } from '../inaction-cards/cost-estimate';
import type { DraftLabels } from './labels';
import { escapeCell, escapeInline } from './markdown-escape';
import { raw, table } from './markdown-tables';
import type { DraftCardsBlock, DraftDiagnosisSection, DraftMatrixAnnex, DraftMatrixBlock, DraftTree } from './model';
import { LIST_DEPTH_MAX, cardRows, withKind } from './table-rows';

/** The diagnosis: per area its problem trees as nested lists, cost-of-inaction tables, largest gaps. */
export function diagnosisMarkdown(section: DraftDiagnosisSection, labels: DraftLabels): string[] {
	const out: string[] = [];
	for (const area of section.areas) {
		out.push(`### ${escapeInline(area.title || labels.noArea)}`);
		for (const tree of area.problemTrees) out.push(...treeMarkdown(tree, labels));
		for (const cards of area.inactionCards) out.push(...cardsMarkdown(cards, labels));
		for (const matrix of area.matrices) out.push(...gapsMarkdown(matrix, labels));
	}
	return out;
}


/**
 * The tree as a nested list, core first, each box with its role and evidence. Built from the
 * flat outline with depths (no recursion), so a very deep tree cannot exhaust the stack.
 */
function treeMarkdown(tree: DraftTree, labels: DraftLabels): string[] {
	const kind = tree.treeKind === 'objective' ? labels.objectiveTree : labels.problemTree;
	const roles = labels.treeRoles[tree.treeKind];
	const items = tree.boxes.map((box) => {
		const evidence = [box.evidence, box.evidenceSource ? `(${box.evidenceSource})` : ''].filter(Boolean).join(' ');
		const note = evidence ? ` — ${labels.evidence}: ${escapeInline(evidence)}` : '';
		const text = box.text.trim() ? ` **${escapeInline(box.text)}**` : '';
		return `${'  '.repeat(Math.min(box.depth, LIST_DEPTH_MAX))}- ${roles[box.role]}:${text}${note}`;
	});
	return [`#### ${escapeInline(withKind(kind, tree.title))}`, items.join('\n')];
}

function cardsMarkdown(block: DraftCardsBlock, labels: DraftLabels): string[] {
	const columns = labels.cardColumns;
	const rows = cardRows(block, labels);
	const summary = `**${labels.yearlyCostTotal}:** ${formatPln(block.summary.total)}`;
	const without = block.summary.withoutEstimate + block.summary.unparsable;
	return [
		`#### ${escapeInline(withKind(labels.inactionCards, block.title))}`,
		table([columns.area, columns.text, columns.bearers, columns.cost, columns.horizon], rows),
		without > 0 ? `${summary}\\\n${labels.cardsWithoutEstimate}: ${without}` : summary
	];
}

function gapsMarkdown(block: DraftMatrixBlock, labels: DraftLabels): string[] {
	const columns = labels.gapColumns;
	const rows = block.largestGaps.map((gap) => [gap.group, gap.service, gap.column, labels.gaps[gap.gap], gap.priority === null ? '' : String(gap.priority)]);
	return [
		`#### ${escapeInline(`${labels.largestGaps}: ${block.title}`)}`,
		table([columns.group, columns.service, columns.column, columns.gap, columns.priority], rows),
		`*${labels.fullMatrixInAnnex}*`
	];
}

/** The full matrix: one line per service under its group's line, one gap label per column. */
export function matrixAnnexMarkdown(annex: DraftMatrixAnnex, number: number, labels: DraftLabels): string[] {
	const header = [labels.gapColumns.service, ...annex.columns.map((column) => column.name)];
	const rows = annex.groups.flatMap((group) => [
		[raw(`**${escapeCell(group.name)}**`)],
		...group.rows.map((row) => [row.name, ...row.gaps.map((gap) => labels.gaps[gap])])
	]);
	return [`### ${labels.annex(number)}. ${labels.matrixAnnex}: ${escapeInline(annex.title)}`, table(header, rows)];
}

