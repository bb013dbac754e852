import type { DraftSection, SectionId, StrategyDraft } from './model';
import { diffWords, type WordPart } from './word-diff';

/**
 * What changed between two draft versions, section by section, matched by stable id: a word
 * diff of the section's own text, and added/removed/changed rows for what the boards put in
 * (goals and actions, indicators, tree boxes, cards, gaps, matrix rows, workshops). A row whose
 * only change is its number (an action inserted above it) is not a change: numbers are
 * positions, shown as `position` so the reader can find the row in either version.
 */
export type RowKind = 'strategic-goal' | 'specific-goal' | 'action' | 'indicator' | 'tree-box' | 'card' | 'gap' | 'matrix-row' | 'workshop' | 'count';

export interface RowChange {
	id: string;
	kind: RowKind;
	change: 'added' | 'removed' | 'changed';
	/** "5.1", "V.3", … in the version that has it (the newer one when both do). */
	position: string;
	before: Record<string, string> | null;
	after: Record<string, string> | null;
	changedFields: string[];
	/** For a changed row text, the words that changed. */
	textDiff: WordPart[] | null;
}

export interface SectionDiff {
	id: SectionId;
	title: string;
	change: 'added' | 'removed' | 'changed' | 'unchanged';
	/** Null when the section's own text is the same in both versions. */
	text: WordPart[] | null;
	rows: RowChange[];
}

export interface DraftDiff {
	titlePage: Array<{ field: string; before: string; after: string }>;
	sections: SectionDiff[];
}

interface Row {
	kind: RowKind;
	position: string;
	fields: Record<string, string>;
}

export function diffDrafts(before: StrategyDraft, after: StrategyDraft): DraftDiff {
	const titlePage = (['title', 'territory', 'periodFrom', 'periodTo'] as const)
		.map((field) => ({ field, before: String(before.titlePage[field] ?? ''), after: String(after.titlePage[field] ?? '') }))
		.filter((entry) => entry.before !== entry.after);
	const old = new Map(before.sections.map((section) => [section.id, section]));
	const sections = after.sections.map((section) => diffSection(old.get(section.id), section));
	const kept = new Set(after.sections.map((section) => section.id));
	for (const section of before.sections) {
		if (!kept.has(section.id)) sections.push({ id: section.id, title: section.title, change: 'removed', text: null, rows: [] });
	}
	return { titlePage, sections };
}

function diffSection(before: DraftSection | undefined, after: DraftSection): SectionDiff {
	const textBefore = before?.paragraphs.join('\n\n') ?? '';
	const textAfter = after.paragraphs.join('\n\n');
	const text = textBefore === textAfter ? null : diffWords(textBefore, textAfter);
	const rows = diffRows(before ? sectionRows(before) : new Map(), sectionRows(after));
	const change = !before ? 'added' : text || rows.length > 0 ? 'changed' : 'unchanged';
	return { id: after.id, title: after.title, change, text, rows };
}

function diffRows(before: Map<string, Row>, after: Map<string, Row>): RowChange[] {
	const out: RowChange[] = [];
	for (const [id, row] of after) {
		const old = before.get(id);
		if (!old) {
			out.push({ id, kind: row.kind, change: 'added', position: row.position, before: null, after: row.fields, changedFields: [], textDiff: null });
			continue;
		}
		const changedFields = Object.keys({ ...old.fields, ...row.fields }).filter((key) => old.fields[key] !== row.fields[key]);
		if (changedFields.length === 0) continue;
		const textDiff = changedFields.includes('text') ? diffWords(old.fields.text ?? '', row.fields.text ?? '') : null;
		out.push({ id, kind: row.kind, change: 'changed', position: row.position, before: old.fields, after: row.fields, changedFields, textDiff });
	}
	for (const [id, row] of before) {
		if (!after.has(id)) out.push({ id, kind: row.kind, change: 'removed', position: row.position, before: row.fields, after: null, changedFields: [], textDiff: null });
	}
	return out;
}

/** The rows of a section that come from boards, flattened to comparable text fields. */
function sectionRows(section: DraftSection): Map<string, Row> {
	const rows = new Map<string, Row>();
	const add = (id: string, kind: RowKind, position: string, fields: Record<string, string>) => rows.set(id, { kind, position, fields });
	switch (section.kind) {
		case 'diagnosis':
			for (const area of section.areas) {
				for (const tree of area.problemTrees) {
					for (const box of tree.boxes) add(box.id, 'tree-box', tree.title, { text: box.text, role: box.role, evidence: box.evidence, evidenceSource: box.evidenceSource });
				}
				for (const block of area.inactionCards) {
					for (const card of block.cards) add(card.id, 'card', block.title, { area: card.area, text: card.text, costEstimate: card.costEstimate, horizon: card.horizon });
				}
				for (const block of area.matrices) {
					for (const gap of block.largestGaps) add(gap.id, 'gap', block.title, { service: gap.service, column: gap.column, gap: gap.gap, note: gap.note });
				}
			}
			break;
		case 'goals':
			for (const area of section.areas) {
				for (const goal of area.strategic) {
					add(goal.id, 'strategic-goal', goal.number, { text: goal.text });
					for (const specific of goal.specific) add(specific.id, 'specific-goal', specific.number, { text: specific.text });
					for (const action of goal.actions) {
						add(action.id, 'action', `${area.number}.${action.number}`, {
							text: action.text,
							timeframe: action.timeframe,
							entities: action.inheritsEntities ? '' : action.entities.join('; '),
							responsible: action.responsible,
							funding: action.funding
						});
					}
				}
			}
			break;
		case 'implementation':
			for (const indicator of section.indicators) {
				const { name, unit, baseline, target, source } = indicator;
				add(indicator.id, 'indicator', indicator.actionRef, { name, unit, baseline, target, source, splitBySex: indicator.splitBySex ? 'yes' : 'no' });
			}
			break;
		case 'participation':
			for (const workshop of section.workshops) add(workshop.id, 'workshop', workshop.date, { title: workshop.title, date: workshop.date, participants: String(workshop.participants) });
			for (const count of section.bySector) add(`sector:${count.key}`, 'count', count.key, { count: String(count.count) });
			break;
		case 'annexes':
			for (const annex of section.matrices) {
				for (const group of annex.groups) {
					for (const row of group.rows) add(row.id, 'matrix-row', annex.title, { name: row.name, gaps: row.gaps.join(' ') });
				}
			}
			break;
	}
	return rows;
}
