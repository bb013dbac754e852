import type { ActionProblem } from '../goals/derive';
import type { Gap } from '../need-gap-matrix/gap';
import type { NeedValue, OfferValue, Priority } from '../need-gap-matrix/schema';
import type { Bearer, Horizon, Likelihood, Severity } from '../inaction-cards/schema';
import type { TreeKind } from '../problem-tree/schema';
import type { TreeRole } from '../problem-tree/derive';
import type { Count, GenderCounts } from '../facilitation/participation';
import type { ConsultationReport } from '../consultation/report';

/**
 * The strategy draft (projekt strategii): what consolidate.ts builds from a process's boards and
 * what every renderer (preview, Markdown, DOCX, PDF) reads. A saved version stores this object
 * as JSON, so it holds plain data only (no Maps, no Y types) and every text as the participants
 * typed it: escaping is the renderer's job, per format.
 *
 * Stable ids: consultation remarks (issue 9) and version diffs attach to ids, so an id depends
 * only on what it names, never on a position. Fixed sections have fixed ids (SECTION_IDS);
 * things taken from a board are `<prefix>:<boardId>[:<itemId>…]` (see draftIds below).
 * Numbers (5, 5.1, Lp. 3, footnote 2) are positions and may change between versions; ids do not.
 */
export const DRAFT_SCHEMA_VERSION = 1;

export const DRAFT_LANGUAGES = ['pl', 'en'] as const;
export type DraftLanguage = (typeof DRAFT_LANGUAGES)[number];

/** In document order; the art. 16b elements each have a place (see completeness.ts). */
export const SECTION_IDS = [
	'introduction',
	'diagnosis',
	'forecast',
	'goals',
	'implementation',
	'financial-framework',
	'services',
	'ngo-tasks',
	'participation',
	'annexes'
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** Sections whose body is only the text kept with the process (co-edited Yjs text elsewhere). */
export const TEXT_SECTION_IDS = ['introduction', 'forecast', 'financial-framework', 'services', 'ngo-tasks'] as const;
export type TextSectionId = (typeof TEXT_SECTION_IDS)[number];

export const draftIds = {
	/** The key is the area name, trimmed and lower-cased; '' for boards without an area. */
	diagnosisArea: (areaKey: string) => (areaKey === '' ? 'diagnosis:no-area' : `diagnosis:area:${areaKey}`),
	tree: (boardId: string) => `tree:${boardId}`,
	treeBox: (boardId: string, boxId: string) => `tree:${boardId}:${boxId}`,
	cards: (boardId: string) => `cards:${boardId}`,
	card: (boardId: string, cardId: string) => `cards:${boardId}:${cardId}`,
	matrix: (boardId: string) => `matrix:${boardId}`,
	matrixCell: (boardId: string, cellKey: string) => `matrix:${boardId}:${cellKey}`,
	matrixRow: (boardId: string, rowId: string) => `matrix:${boardId}:row:${rowId}`,
	matrixAnnex: (boardId: string) => `annex:matrix:${boardId}`,
	goalsArea: (boardId: string) => `goals:${boardId}`,
	goalsItem: (boardId: string, itemId: string) => `goals:${boardId}:${itemId}`,
	indicator: (boardId: string, actionId: string, indicatorId: string) => `goals:${boardId}:${actionId}:${indicatorId}`,
	workshop: (workshopId: string) => `workshop:${workshopId}`,
	/** A consultation round's report, as an annex of a later version. */
	consultationAnnex: (roundId: string) => `annex:consultation:${roundId}`,
	remark: (remarkId: string) => `remark:${remarkId}`
} as const;

export interface StrategyDraft {
	schemaVersion: typeof DRAFT_SCHEMA_VERSION;
	language: DraftLanguage;
	titlePage: DraftTitlePage;
	/** In SECTION_IDS order; participation only when a summary was given. */
	sections: DraftSection[];
	/** Every footnote of the document, numbered 1…n in reading order. */
	footnotes: DraftFootnote[];
	/** Consultation remarks whose change this version first records (issue 9); absent in older versions. */
	answeredRemarks?: DraftAnsweredRemark[];
}

/** An accepted or partly accepted remark, marked as done, as the version that answered it keeps it. */
export interface DraftAnsweredRemark {
	remarkId: string;
	roundTitle: string;
	/** "Uwaga nr 7" within its round. */
	number: number;
	status: 'accepted' | 'partly';
	targetId: string;
	targetLabel: string;
	content: string;
	changeNote: string;
	/** Draft id of the board (or item) the change was made on; null when not said. */
	changeTargetId: string | null;
	/** That board's title when the version was saved; '' when none. */
	changeTargetLabel: string;
}

export interface DraftTitlePage {
	title: string;
	territory: string;
	periodFrom: number | null;
	periodTo: number | null;
	/** YYYY-MM-DD, the day the draft was consolidated (in the process's time zone). */
	date: string;
	/** Null for the live preview; 1, 2, … for a saved version. */
	version: number | null;
}

export type DraftSection = DraftTextSection | DraftDiagnosisSection | DraftGoalsSection | DraftImplementationSection | DraftParticipationSection | DraftAnnexesSection;

interface SectionBase {
	id: SectionId;
	title: string;
	/** The editable text kept with the process, split into paragraphs; [] when none is written. */
	paragraphs: string[];
}

export interface DraftTextSection extends SectionBase {
	kind: 'text';
	id: TextSectionId;
}

export interface DraftDiagnosisSection extends SectionBase {
	kind: 'diagnosis';
	id: 'diagnosis';
	areas: DraftDiagnosisArea[];
}

/** The diagnosis boards of one area of the strategy (boards without an area share one group). */
export interface DraftDiagnosisArea {
	id: string;
	/** The area as the boards name it; '' for boards without one. */
	title: string;
	problemTrees: DraftTree[];
	inactionCards: DraftCardsBlock[];
	matrices: DraftMatrixBlock[];
}

export interface DraftTree {
	id: string;
	boardId: string;
	title: string;
	treeKind: TreeKind;
	/** Depth first from the core: effects' subtrees, then causes' (flattenTree); a nested list by depth. */
	boxes: DraftTreeBox[];
}

export interface DraftTreeBox {
	id: string;
	/** Stable id of the parent box; null for the core. */
	parentId: string | null;
	role: TreeRole;
	depth: number;
	text: string;
	evidence: string;
	evidenceSource: string;
	scale: string;
}

export interface DraftCardsBlock {
	id: string;
	boardId: string;
	title: string;
	cards: DraftCard[];
	summary: DraftCostSummary;
}

export interface DraftCard {
	id: string;
	area: string;
	text: string;
	bearers: Bearer[];
	/** The estimate as typed, and its value in PLN when it could be computed. */
	costEstimate: string;
	yearlyCost: number | null;
	horizon: Horizon | '';
	likelihood: Likelihood | '';
	maxSeverity: Severity | null;
	evidence: string;
	sources: string;
}

export interface DraftCostSummary {
	/** Sum of the computed yearly estimates, in PLN. */
	total: number;
	withEstimate: number;
	withoutEstimate: number;
	unparsable: number;
}

export interface DraftMatrixBlock {
	id: string;
	boardId: string;
	title: string;
	/** Largest gaps first (topGaps). */
	largestGaps: DraftGapRow[];
	/** Id of the full matrix in the annexes. */
	annexId: string;
}

export interface DraftGapRow {
	id: string;
	group: string;
	service: string;
	column: string;
	gap: 'large' | 'small';
	need: NeedValue;
	offer: OfferValue;
	priority: Priority | null;
	note: string;
}

export interface DraftGoalsSection extends SectionBase {
	kind: 'goals';
	id: 'goals';
	areas: DraftGoalsArea[];
}

/** One goals board: a chapter in seed 000's structure. */
export interface DraftGoalsArea {
	id: string;
	boardId: string;
	/** "V" as printed; '' when the board has none. */
	number: string;
	title: string;
	strategic: DraftStrategicGoal[];
	/** Area-wide "Podmioty zaangażowane"; actions with none of their own inherit these. */
	entities: string[];
	entitiesNote: string;
	/** Footnotes on the action table's indicator column (seed 000's footnote 2). */
	footnoteRefs: number[];
}

export interface DraftStrategicGoal {
	id: string;
	/** "5" */
	number: string;
	text: string;
	specific: DraftSpecificGoal[];
	/** Every action serving this goal, in Lp. order: its specific goals' actions, then its own. */
	actions: DraftAction[];
	footnoteRefs: number[];
	sources: DraftSource[];
}

export interface DraftSpecificGoal {
	id: string;
	/** "5.1" */
	number: string;
	text: string;
	footnoteRefs: number[];
	sources: DraftSource[];
}

export interface DraftAction {
	id: string;
	/** Lp.: 1…n across the area. */
	number: number;
	/** Stable id of the specific or strategic goal it serves. */
	goalId: string;
	text: string;
	timeframe: string;
	indicators: DraftIndicator[];
	entities: string[];
	inheritsEntities: boolean;
	responsible: string;
	funding: string;
	footnoteRefs: number[];
	sources: DraftSource[];
	problems: ActionProblem[];
}

export interface DraftIndicator {
	id: string;
	name: string;
	unit: string;
	baseline: string;
	target: string;
	source: string;
	/** Monitored separately for women and men. */
	splitBySex: boolean;
}

export type DraftSourceKind = 'tree-box' | 'matrix-cell' | 'matrix-row' | 'inaction-card' | 'remark';

/** Where a goal or action came from, with a label resolved at consolidation time. */
export interface DraftSource {
	kind: DraftSourceKind;
	/** Stable id of what it points to (also when that is not in this draft). */
	targetId: string;
	label: string;
	/** The board or item is not among the draft's boards, or no longer exists. */
	missing: boolean;
}

export interface DraftFootnote {
	number: number;
	/** Stable id of what carries it (an item, or the goals area for the indicator column). */
	ownerId: string;
	text: string;
}

export interface DraftImplementationSection extends SectionBase {
	kind: 'implementation';
	id: 'implementation';
	/** Every indicator of every action, in document order. */
	indicators: DraftIndicatorEntry[];
}

export interface DraftIndicatorEntry extends DraftIndicator {
	actionId: string;
	/** "V.3": area number and Lp., to find the action in the goals chapter. */
	actionRef: string;
}

export interface DraftParticipationSection extends SectionBase {
	kind: 'participation';
	id: 'participation';
	workshops: DraftWorkshop[];
	participants: number;
	bySector: Count[];
	byInstitution: Count[];
	/** Null when nobody said; otherwise the counts, those who did not say included. */
	byGender: GenderCounts | null;
}

export interface DraftWorkshop {
	id: string;
	title: string;
	/** YYYY-MM-DD, or '' when the workshop has no date. */
	date: string;
	participants: number;
}

export interface DraftAnnexesSection extends SectionBase {
	kind: 'annexes';
	id: 'annexes';
	matrices: DraftMatrixAnnex[];
	/** Anonymised reports of the rounds held on earlier versions (issue 9); versions saved before have none. */
	consultations?: DraftConsultationAnnex[];
}

/** A consultation round's report, numbered after the matrices among the annexes. */
export interface DraftConsultationAnnex {
	/** draftIds.consultationAnnex(roundId). */
	id: string;
	report: ConsultationReport;
}

/** A full need/gap matrix: one line per service, one gap per column. */
export interface DraftMatrixAnnex {
	id: string;
	boardId: string;
	title: string;
	columns: Array<{ id: string; name: string }>;
	groups: Array<{ id: string; name: string; rows: Array<{ id: string; name: string; gaps: Gap[] }> }>;
}

export function findSection<K extends DraftSection['kind']>(draft: StrategyDraft, kind: K): Extract<DraftSection, { kind: K }> | undefined {
	return draft.sections.find((section): section is Extract<DraftSection, { kind: K }> => section.kind === kind);
}
