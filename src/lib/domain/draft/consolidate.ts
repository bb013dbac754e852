import type { ConsultationReport } from '../consultation/report';
import { summariseParticipation, type ParticipantFacts, type ParticipationSummary } from '../facilitation/participation';
import { deriveBoards, type DraftBoardInput } from './board-data';
import { buildDiagnosisAreas, buildMatrixAnnexes } from './consolidate-diagnosis';
import { buildGoalsAreas } from './consolidate-goals';
import { draftLabels } from './labels';
import {
	DRAFT_SCHEMA_VERSION,
	draftIds,
	type DraftAnnexesSection,
	type DraftFootnote,
	type DraftGoalsArea,
	type DraftIndicatorEntry,
	type DraftLanguage,
	type DraftParticipationSection,
	type DraftSection,
	type SectionId,
	type StrategyDraft,
	type TextSectionId
} from './model';

export type { DraftBoardInput } from './board-data';

export interface DraftProcessInput {
	title: string;
	territory: string;
	periodFrom: number | null;
	periodTo: number | null;
}

/** What issue 7's participation summary gives: the workshops held and everyone who took part. */
export interface DraftParticipationInput {
	workshops: Array<{ id: string; title: string; heldAt: number | null; participants: number }>;
	summary: ParticipationSummary;
}

export interface ConsolidateInput {
	process: DraftProcessInput;
	/** The chosen boards, in the chosen order. */
	boards: readonly DraftBoardInput[];
	/** The editable texts kept with the process, by section id, as plain strings. */
	texts: Partial<Record<SectionId, string>>;
	participation?: DraftParticipationInput | null;
	/** Reports of the rounds held on earlier versions, anonymised, for the annexes. */
	consultations?: readonly ConsultationReport[];
	now: number;
	language?: DraftLanguage;
	/** Null (the default) for the live preview. */
	version?: number | null;
	/** The day on the title page is the process's day, not the server's. */
	timeZone?: string;
}

/**
 * The whole draft from the boards and the process data. Pure: the same input gives the same
 * draft (deep-equal), which is what makes a saved version's exports reproducible. Every board
 * is read once through its domain's derive function.
 */
export function consolidateDraft(input: ConsolidateInput): StrategyDraft {
	const language = input.language ?? 'pl';
	const labels = draftLabels(language);
	const boards = deriveBoards(input.boards);
	const footnotes: DraftFootnote[] = [];
	const goalsAreas = buildGoalsAreas(boards, labels, footnotes);
	const paragraphs = (id: SectionId) => toParagraphs(input.texts[id]);
	const text = (id: TextSectionId): DraftSection => ({ kind: 'text', id, title: labels.sections[id], paragraphs: paragraphs(id) });

	const sections: DraftSection[] = [
		text('introduction'),
		{ kind: 'diagnosis', id: 'diagnosis', title: labels.sections.diagnosis, paragraphs: paragraphs('diagnosis'), areas: buildDiagnosisAreas(boards, labels) },
		text('forecast'),
		{ kind: 'goals', id: 'goals', title: labels.sections.goals, paragraphs: paragraphs('goals'), areas: goalsAreas },
		{
			kind: 'implementation',
			id: 'implementation',
			title: labels.sections.implementation,
			paragraphs: paragraphs('implementation'),
			indicators: indicatorList(goalsAreas)
		},
		text('financial-framework'),
		text('services'),
		text('ngo-tasks')
	];
	if (input.participation) sections.push(participationSection(input.participation, labels.sections.participation, paragraphs('participation'), input.timeZone));
	const annexes: DraftAnnexesSection = { kind: 'annexes', id: 'annexes', title: labels.sections.annexes, paragraphs: paragraphs('annexes'), matrices: buildMatrixAnnexes(boards, labels) };
	if (input.consultations?.length) annexes.consultations = input.consultations.map((report) => ({ id: draftIds.consultationAnnex(report.roundId), report }));
	sections.push(annexes);

	return {
		schemaVersion: DRAFT_SCHEMA_VERSION,
		language,
		titlePage: {
			title: input.process.title.trim(),
			territory: input.process.territory.trim(),
			periodFrom: input.process.periodFrom,
			periodTo: input.process.periodTo,
			date: isoDay(input.now, input.timeZone),
			version: input.version ?? null
		},
		sections,
		footnotes
	};
}

/** For callers holding the roster rows rather than a summary (participation.ts counts them). */
export function participationInput(workshops: DraftParticipationInput['workshops'], participants: readonly ParticipantFacts[]): DraftParticipationInput {
	return { workshops, summary: summariseParticipation(participants) };
}

/** Paragraphs are separated by blank lines; single line breaks stay inside a paragraph. */
export function toParagraphs(text: string | undefined): string[] {
	if (typeof text !== 'string') return [];
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n[ \t]*\n/)
		.map((paragraph) => paragraph.trim())
		.filter((paragraph) => paragraph !== '');
}

function indicatorList(areas: readonly DraftGoalsArea[]): DraftIndicatorEntry[] {
	return areas.flatMap((area, index) =>
		area.strategic.flatMap((goal) =>
			goal.actions.flatMap((action) =>
				action.indicators.map((indicator) => ({ ...indicator, actionId: action.id, actionRef: `${area.number || index + 1}.${action.number}` }))
			)
		)
	);
}

function participationSection(input: DraftParticipationInput, title: string, paragraphs: string[], timeZone?: string): DraftParticipationSection {
	const { summary } = input;
	const told = summary.byGender.women + summary.byGender.men > 0;
	return {
		kind: 'participation',
		id: 'participation',
		title,
		paragraphs,
		workshops: input.workshops.map((workshop) => ({
			id: draftIds.workshop(workshop.id),
			title: workshop.title,
			date: workshop.heldAt === null ? '' : isoDay(workshop.heldAt, timeZone),
			participants: workshop.participants
		})),
		participants: summary.participants,
		bySector: summary.bySector,
		byInstitution: summary.byInstitution,
		byGender: told ? summary.byGender : null
	};
}

/** YYYY-MM-DD of an instant in a time zone (Polish processes by default). */
export function isoDay(instant: number, timeZone = 'Europe/Warsaw'): string {
	const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
	const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
	return `${part('year')}-${part('month')}-${part('day')}`;
}
