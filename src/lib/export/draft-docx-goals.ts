import { AlignmentType, LevelFormat, Paragraph, Table, TextRun, type INumberingOptions } from 'docx';
import type { DraftLabels } from '../domain/draft/labels';
import type { DraftAction, DraftGoalsArea, DraftImplementationSection, DraftSource, DraftSpecificGoal, DraftStrategicGoal } from '../domain/draft/model';
import { TABLE_TEXT_STYLE, boldLine, bullet, footnoteRuns, heading, labelled, note, table, textRuns } from './draft-docx-blocks';
import { indicatorRows } from '../domain/draft/table-rows';

export type NumberingConfig = INumberingOptions['config'][number];

/** What the goals chapter adds to the document besides its blocks: one numbered list per strategic goal. */
export interface GoalsContext {
	labels: DraftLabels;
	numbering: NumberingConfig[];
	/** Print the traceability notes (where each goal and action came from). */
	sources: boolean;
}

/** One goals board in seed 000's structure: area, strategic goal, specific goals, "Kierunki działań", "Podmioty zaangażowane". */
export function goalsAreaDocx(area: DraftGoalsArea, context: GoalsContext): Array<Paragraph | Table> {
	const { labels } = context;
	const out: Array<Paragraph | Table> = [heading(2, area.number ? `${labels.area} ${area.number}. ${area.title}` : area.title)];
	for (const goal of area.strategic) {
		out.push(labelled(labels.strategicGoal, [...textRuns(`${goal.number}. ${goal.text}`, { bold: true }), ...footnoteRuns(goal.footnoteRefs)]));
		if (context.sources) out.push(...sourcesNote(goal.sources, labels));
		if (goal.specific.length > 0) {
			out.push(boldLine(`${labels.specificGoals}:`));
			out.push(...specificGoals(goal, context));
		}
		if (goal.actions.length > 0) {
			out.push(boldLine(`${labels.actionDirections}:`));
			out.push(actionsTable(goal.actions, area.footnoteRefs, labels));
			if (context.sources) out.push(...actionSources(goal.actions, labels));
		}
	}
	out.push(boldLine(`${labels.involvedEntities}:`), ...entities(area, labels));
	return out;
}

/**
 * Specific goals as a Word numbered list printing "5.1.", "5.2." … under strategic goal 5, so
 * Word keeps the numbers when a goal is added by hand. When the draft's numbers do not follow
 * that pattern they are printed as text in a bulleted list instead.
 */
function specificGoals(goal: DraftStrategicGoal, context: GoalsContext): Paragraph[] {
	const runs = (specific: DraftSpecificGoal) => [...textRuns(specific.text), ...footnoteRuns(specific.footnoteRefs)];
	const sequential = goal.specific.every((specific, index) => specific.number === `${goal.number}.${index + 1}`);
	const items: Paragraph[] = [];
	if (!sequential || goal.number.includes('%')) {
		for (const specific of goal.specific) items.push(bullet([...textRuns(`${specific.number}. `), ...runs(specific)]), ...(context.sources ? sourcesNote(specific.sources, context.labels) : []));
		return items;
	}
	const reference = `specific-goals-${context.numbering.length + 1}`;
	context.numbering.push({
		reference,
		levels: [
			{
				level: 0,
				format: LevelFormat.DECIMAL,
				text: `${goal.number}.%1.`,
				alignment: AlignmentType.LEFT,
				style: { paragraph: { indent: { left: 720, hanging: 720 } } }
			}
		]
	});
	for (const specific of goal.specific) {
		items.push(new Paragraph({ numbering: { reference, level: 0 }, children: runs(specific) }), ...(context.sources ? sourcesNote(specific.sources, context.labels) : []));
	}
	return items;
}

/**
 * Lp. / Opis działania / Harmonogram realizacji / Wskaźnik realizacji działania, as in seed 000,
 * the header repeated on every page; each indicator its own paragraph in the last column.
 */
function actionsTable(actions: readonly DraftAction[], indicatorNotes: readonly number[], labels: DraftLabels): Table {
	const columns = labels.actionColumns;
	const header = [
		columns.number,
		columns.description,
		columns.timeframe,
		[new Paragraph({ style: TABLE_TEXT_STYLE, children: [...textRuns(columns.indicator, { bold: true }), ...footnoteRuns(indicatorNotes)] })]
	];
	const rows = actions.map((action) => [
		`${action.number}.`,
		[new Paragraph({ style: TABLE_TEXT_STYLE, children: [...textRuns(action.text), ...footnoteRuns(action.footnoteRefs)] })],
		action.timeframe,
		action.indicators.map((indicator) => new Paragraph({ style: TABLE_TEXT_STYLE, spacing: { after: 120 }, children: textRuns(indicator.name) }))
	]);
	return table(header, rows, [8, 46, 16, 30]);
}

function sourcesNote(sources: readonly DraftSource[], labels: DraftLabels): Paragraph[] {
	return sources.length === 0 ? [] : [note(`${labels.sources}: ${sources.map((source) => source.label).join('; ')}`)];
}

function actionSources(actions: readonly DraftAction[], labels: DraftLabels): Paragraph[] {
	return actions
		.filter((action) => action.sources.length > 0)
		.map((action) => bullet(textRuns(`${labels.action(action.number)}: ${labels.sources}: ${action.sources.map((source) => source.label).join('; ')}`, { italics: true, size: 18 })));
}

/** The area's entities, then each action that names its own. */
function entities(area: DraftGoalsArea, labels: DraftLabels): Paragraph[] {
	const items = [...area.entities, ...(area.entitiesNote.trim() ? [area.entitiesNote] : [])].map((entity) => bullet(textRuns(entity)));
	for (const goal of area.strategic) {
		for (const action of goal.actions) {
			if (!action.inheritsEntities) items.push(bullet([new TextRun(`${labels.action(action.number)}: `), ...textRuns(action.entities.join(', '))]));
		}
	}
	return items;
}

/** The indicator list gathered from every action, the women/men note where flagged. */
export function indicatorsDocx(section: DraftImplementationSection, labels: DraftLabels): Array<Paragraph | Table> {
	if (section.indicators.length === 0) return [];
	const columns = labels.indicatorColumns;
	const rows = indicatorRows(section, labels);
	return [
		heading(2, labels.indicatorList),
		table([columns.action, columns.name, columns.unit, columns.baseline, columns.target, columns.source], rows, [10, 34, 12, 13, 13, 18])
	];
}

