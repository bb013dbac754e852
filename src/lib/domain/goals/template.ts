import type * as Y from 'yjs';
import { addFootnote, addIndicator, setActionFields, setAreaFields, setEntities } from './details';
import { addAction, addSpecificGoal, addStrategicGoal, initGoalsDoc } from './operations';
import { AREA_ID, readArea, type IndicatorFields } from './schema';

/**
 * A goals chapter as plain data (a worked example such as SEED_000_TEMPLATE, or a chapter
 * carried over from an earlier strategy), and its import into a board.
 */
export interface GoalsTemplateAction {
	text: string;
	timeframe: string;
	indicators: IndicatorFields[];
	/** Empty or absent: the action inherits the area's entities. */
	entities?: string[];
	responsible?: string;
	funding?: string;
	footnotes?: string[];
}

export interface GoalsTemplateSpecificGoal {
	text: string;
	footnotes?: string[];
	actions?: GoalsTemplateAction[];
}

export interface GoalsTemplateStrategicGoal {
	text: string;
	footnotes?: string[];
	specific: GoalsTemplateSpecificGoal[];
	/** Action directions that serve the strategic goal as a whole. */
	actions?: GoalsTemplateAction[];
}

export interface GoalsTemplate {
	area: {
		title: string;
		number: string;
		firstGoalNumber?: number;
		entities?: string[];
		entitiesNote?: string;
		/** Notes on the whole area or its action table (e.g. on the indicator column). */
		footnotes?: string[];
	};
	strategic: GoalsTemplateStrategicGoal[];
}

/**
 * Adds the template's goals and actions after whatever the board already holds, in one
 * transaction (one undo step). The area's title, number, entities and notes are taken from the
 * template only where the board's own are still empty, so importing never overwrites the
 * group's work. Returns the number of items created.
 */
export function importGoalsTemplate(doc: Y.Doc, template: GoalsTemplate, origin: unknown = null): number {
	let created = 0;
	doc.transact(() => {
		initGoalsDoc(doc, { origin });
		importArea(doc, template.area, origin);
		for (const goal of template.strategic) {
			const goalId = addStrategicGoal(doc, { text: goal.text }, origin);
			if (!goalId) continue;
			created++;
			addFootnotes(doc, goalId, goal.footnotes, origin);
			for (const specific of goal.specific) {
				const specificId = addSpecificGoal(doc, goalId, { text: specific.text }, origin);
				if (!specificId) continue;
				created++;
				addFootnotes(doc, specificId, specific.footnotes, origin);
				created += importActions(doc, specificId, specific.actions ?? [], origin);
			}
			created += importActions(doc, goalId, goal.actions ?? [], origin);
		}
	}, origin);
	return created;
}

function importArea(doc: Y.Doc, area: GoalsTemplate['area'], origin: unknown): void {
	const current = readArea(doc);
	const blank = current.title.trim() === '' && current.number.trim() === '';
	if (blank) setAreaFields(doc, { title: area.title, number: area.number }, origin);
	if (blank && area.firstGoalNumber !== undefined) setAreaFields(doc, { firstGoalNumber: area.firstGoalNumber }, origin);
	if (current.entities.length === 0 && area.entities) setEntities(doc, AREA_ID, area.entities, origin);
	if (current.entitiesNote.trim() === '' && area.entitiesNote) setAreaFields(doc, { entitiesNote: area.entitiesNote }, origin);
	if (current.footnotes.length === 0) addFootnotes(doc, AREA_ID, area.footnotes, origin);
}

function importActions(doc: Y.Doc, parentId: string, actions: GoalsTemplateAction[], origin: unknown): number {
	let created = 0;
	for (const action of actions) {
		const id = addAction(doc, parentId, { text: action.text, timeframe: action.timeframe }, origin);
		if (!id) continue;
		created++;
		setActionFields(doc, id, { responsible: action.responsible, funding: action.funding }, origin);
		for (const indicator of action.indicators) addIndicator(doc, id, { ...indicator, id: undefined }, origin);
		if (action.entities && action.entities.length > 0) setEntities(doc, id, action.entities, origin);
		addFootnotes(doc, id, action.footnotes, origin);
	}
	return created;
}

function addFootnotes(doc: Y.Doc, id: string, footnotes: string[] | undefined, origin: unknown): void {
	for (const note of footnotes ?? []) addFootnote(doc, id, note, origin);
}

