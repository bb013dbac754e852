import { consultationAnnexMarkdown } from '../consultation/report-markdown';
import { consultationAnnexHeading } from '../consultation/report-table';
import { isSector } from '../sectors';
import { draftLabels, type DraftLabels } from './labels';
import { diagnosisMarkdown, matrixAnnexMarkdown } from './markdown-diagnosis';
import { escapeInline, escapeParagraph, headingSlug } from './markdown-escape';
import { footnoteRefs, raw, table } from './markdown-tables';
import type {
	DraftAction,
	DraftGoalsArea,
	DraftImplementationSection,
	DraftParticipationSection,
	DraftSection,
	DraftSource,
	StrategyDraft
} from './model';
import { indicatorRows } from './table-rows';

export interface MarkdownOptions {
	/** Print where each goal and action came from (the preview always shows it). */
	sources?: boolean;
}

/**
 * The draft as GitHub-flavoured Markdown: title block, table of contents, numbered sections,
 * the goals chapters in seed 000's layout (goals, then the "Kierunki działań" table, then
 * "Podmioty zaangażowane"), footnotes as [^n]. Reads only the model, so a saved version always
 * gives the same file. Every text a person typed goes through markdown-escape.ts.
 */
export function draftToMarkdown(draft: StrategyDraft, options: MarkdownOptions = {}): string {
	const labels = draftLabels(draft.language);
	const blocks: string[] = [...titleBlock(draft, labels), `## ${labels.tableOfContents}`, tableOfContents(draft)];
	draft.sections.forEach((section, index) => {
		blocks.push(`## ${sectionHeading(section, index)}`);
		blocks.push(...section.paragraphs.map(escapeParagraph));
		const body = sectionBody(section, labels, options);
		if (section.paragraphs.length === 0 && body.length === 0) blocks.push(`*${labels.noContent}*`);
		blocks.push(...body);
	});
	blocks.push(...draft.footnotes.map((note) => `[^${note.number}]: ${escapeParagraph(note.text).replace(/\\\n/g, ' ')}`));
	return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
}

function titleBlock(draft: StrategyDraft, labels: DraftLabels): string[] {
	const page = draft.titlePage;
	const period = page.periodFrom !== null && page.periodTo !== null ? `${labels.titlePeriod} ${page.periodFrom}–${page.periodTo}` : '';
	const lines = [
		page.territory ? `**${escapeInline(page.territory)}**` : '',
		period,
		`${labels.titleDate}: ${page.date}`,
		`${labels.titleVersion}: ${page.version === null ? labels.livePreview : page.version}`
	].filter(Boolean);
	return [`# ${escapeInline(page.title)}`, lines.join('\\\n')];
}

function sectionHeading(section: DraftSection, index: number): string {
	return `${index + 1}. ${escapeInline(section.title)}`;
}

function tableOfContents(draft: StrategyDraft): string {
	return draft.sections
		.map((section, index) => `${index + 1}. [${escapeInline(section.title)}](#${headingSlug(`${index + 1}. ${section.title}`)})`)
		.join('\n');
}

function sectionBody(section: DraftSection, labels: DraftLabels, options: MarkdownOptions): string[] {
	switch (section.kind) {
		case 'diagnosis':
			return diagnosisMarkdown(section, labels);
		case 'goals':
			return section.areas.flatMap((area) => goalsAreaMarkdown(area, labels, options));
		case 'implementation':
			return indicatorsMarkdown(section, labels);
		case 'participation':
			return participationMarkdown(section, labels);
		case 'annexes':
			return [
				...section.matrices.flatMap((annex, index) => matrixAnnexMarkdown(annex, index + 1, labels)),
				...(section.consultations ?? []).flatMap((annex, index) =>
					consultationAnnexMarkdown(annex, consultationAnnexHeading(annex, section.matrices.length + index + 1, labels.annex))
				)
			];
		default:
			return [];
	}
}

function goalsAreaMarkdown(area: DraftGoalsArea, labels: DraftLabels, options: MarkdownOptions): string[] {
	const heading = area.number ? `${labels.area} ${escapeInline(area.number)}. ${escapeInline(area.title)}` : escapeInline(area.title);
	const out = [`### ${heading}`];
	for (const goal of area.strategic) {
		out.push(`**${labels.strategicGoal}:** ${goal.number}. ${escapeInline(goal.text)}${footnoteRefs(goal.footnoteRefs)}`);
		if (options.sources !== false) out.push(sourcesLine(goal.sources, labels));
		if (goal.specific.length > 0) {
			out.push(`**${labels.specificGoals}:**`);
			const items = goal.specific.map((specific) => {
				const sources = options.sources !== false && specific.sources.length > 0 ? `\\\n  ${sourcesLine(specific.sources, labels)}` : '';
				return `- ${specific.number}. ${escapeInline(specific.text)}${footnoteRefs(specific.footnoteRefs)}${sources}`;
			});
			out.push(items.join('\n'));
		}
		if (goal.actions.length > 0) {
			out.push(`**${labels.actionDirections}:**`);
			out.push(actionsTable(goal.actions, area.footnoteRefs, labels));
			if (options.sources !== false) out.push(actionSources(goal.actions, labels));
		}
	}
	out.push(`**${labels.involvedEntities}:**`, entitiesList(area, labels));
	return out;
}

/**
 * Lp. / Opis działania / Harmonogram realizacji / Wskaźnik realizacji działania, as in seed 000.
 * Indicator names stand as written here (the women/men rule is the indicator column's footnote
 * in the seed); the indicator list in the implementation section notes each flagged one.
 */
function actionsTable(actions: readonly DraftAction[], indicatorNotes: readonly number[], labels: DraftLabels): string {
	const columns = labels.actionColumns;
	const header = [columns.number, columns.description, columns.timeframe, raw(`${escapeInline(columns.indicator)}${footnoteRefs(indicatorNotes)}`)];
	const rows = actions.map((action) => [
		raw(`${action.number}.`),
		raw(`${escapeInline(action.text)}${footnoteRefs(action.footnoteRefs)}`),
		action.timeframe,
		raw(action.indicators.map((indicator) => escapeInline(indicator.name)).join('<br><br>'))
	]);
	return table(header, rows);
}


function actionSources(actions: readonly DraftAction[], labels: DraftLabels): string {
	return actions
		.filter((action) => action.sources.length > 0)
		.map((action) => `- ${labels.action(action.number)}: ${sourcesLine(action.sources, labels)}`)
		.join('\n');
}

function sourcesLine(sources: readonly DraftSource[], labels: DraftLabels): string {
	if (sources.length === 0) return '';
	return `*${labels.sources}: ${sources.map((source) => escapeInline(source.label)).join('; ')}*`;
}

function entitiesList(area: DraftGoalsArea, labels: DraftLabels): string {
	const items = [...area.entities, ...(area.entitiesNote.trim() ? [area.entitiesNote] : [])].map((entity) => `- ${escapeInline(entity)}`);
	for (const goal of area.strategic) {
		for (const action of goal.actions) {
			if (!action.inheritsEntities) items.push(`- ${labels.action(action.number)}: ${action.entities.map(escapeInline).join(', ')}`);
		}
	}
	return items.join('\n');
}

function indicatorsMarkdown(section: DraftImplementationSection, labels: DraftLabels): string[] {
	if (section.indicators.length === 0) return [];
	const columns = labels.indicatorColumns;
	const rows = indicatorRows(section, labels);
	return [`### ${labels.indicatorList}`, table([columns.action, columns.name, columns.unit, columns.baseline, columns.target, columns.source], rows)];
}

function participationMarkdown(section: DraftParticipationSection, labels: DraftLabels): string[] {
	const out: string[] = [];
	if (section.workshops.length > 0) {
		const columns = labels.workshopColumns;
		out.push(`### ${labels.workshopsHeld}`);
		out.push(table([columns.title, columns.date, columns.participants], section.workshops.map((w) => [w.title, w.date, String(w.participants)])));
	}
	out.push(`**${labels.participantsTotal}:** ${section.participants}`);
	const counts = labels.countColumns;
	if (section.bySector.length > 0) {
		const sector = (key: string) => (isSector(key) ? labels.sectors[key] : key);
		out.push(`### ${labels.bySector}`, table([counts.sector, counts.count], section.bySector.map((c) => [sector(c.key), String(c.count)])));
	}
	if (section.byInstitution.length > 0) {
		out.push(`### ${labels.byInstitution}`, table([counts.institution, counts.count], section.byInstitution.map((c) => [c.key, String(c.count)])));
	}
	if (section.byGender) {
		const g = labels.byGender;
		out.push(`### ${g.title}`, table([g.women, g.men, g.notGiven], [[String(section.byGender.women), String(section.byGender.men), String(section.byGender.notGiven)]]));
	}
	return out;
}
