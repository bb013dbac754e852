import { draftLabels } from '../domain/draft/labels';
import { findSection, type DraftGapRow, type DraftMatrixAnnex, type StrategyDraft } from '../domain/draft/model';
import type { NeedLevel, OfferLevel } from '../domain/need-gap-matrix/schema';
import { tableToXlsx, type XlsxSheet } from './xlsx';

/**
 * The draft's need/gap matrices as a workbook: first a sheet of the largest gaps of every matrix
 * (with need, offer, priority and note), then one sheet per full matrix as in the annexes —
 * services down, territories/institutions across, each cell its gap in words. Rendered from the
 * model only, in the draft's language. Sheet names come from the matrices' titles and are made
 * valid by tableToXlsx (31 characters, no []:*?/\, unique); every cell is an inline string with
 * the same formula guard as the CSV, so a service named "=HYPERLINK(…)" stays text.
 */

/** The workbook's own words not in DraftLabels (the document never prints need and offer levels). */
const OWN_WORDS = {
	pl: {
		largestGapsSheet: 'Największe luki',
		matrix: 'Matryca',
		need: 'Potrzeba',
		offer: 'Oferta',
		note: 'Uwagi',
		noMatrix: 'Projekt nie zawiera matrycy potrzeb, nisz i luk.',
		needs: { none: 'brak', low: 'niska', medium: 'średnia', high: 'wysoka' },
		offers: { none: 'brak', insufficient: 'niewystarczająca', sufficient: 'wystarczająca' }
	},
	en: {
		largestGapsSheet: 'Largest gaps',
		matrix: 'Matrix',
		need: 'Need',
		offer: 'Offer',
		note: 'Note',
		noMatrix: 'The draft has no need/gap matrix.',
		needs: { none: 'none', low: 'low', medium: 'medium', high: 'high' },
		offers: { none: 'none', insufficient: 'insufficient', sufficient: 'sufficient' }
	}
} as const satisfies Record<string, { needs: Record<NeedLevel, string>; offers: Record<OfferLevel, string> } & Record<string, unknown>>;

export function renderDraftXlsx(draft: StrategyDraft): Uint8Array<ArrayBuffer> {
	return tableToXlsx(draftWorkbook(draft));
}

/** The sheets before they become XML (names not yet made valid): what the tests read against. */
export function draftWorkbook(draft: StrategyDraft): XlsxSheet[] {
	const labels = draftLabels(draft.language);
	const words = OWN_WORDS[draft.language] ?? OWN_WORDS.pl;
	const columns = labels.gapColumns;
	const blocks = (findSection(draft, 'diagnosis')?.areas ?? []).flatMap((area) => area.matrices);
	const annexes = findSection(draft, 'annexes')?.matrices ?? [];

	const gapRow = (title: string, gap: DraftGapRow) => [
		title,
		gap.group,
		gap.service,
		gap.column,
		labels.gaps[gap.gap],
		gap.need ? words.needs[gap.need] : '',
		gap.offer ? words.offers[gap.offer] : '',
		gap.priority === null ? '' : String(gap.priority),
		gap.note
	];
	const largest: XlsxSheet = {
		name: words.largestGapsSheet,
		header: true,
		rows: [
			[words.matrix, columns.group, columns.service, columns.column, columns.gap, words.need, words.offer, columns.priority, words.note],
			...blocks.flatMap((block) => block.largestGaps.map((gap) => gapRow(block.title, gap))),
			...(annexes.length === 0 && blocks.length === 0 ? [[words.noMatrix]] : [])
		]
	};
	return [largest, ...annexes.map((annex, index) => matrixSheet(annex, annex.title.trim() || labels.annex(index + 1), labels.gapColumns, labels.gaps))];
}

function matrixSheet(annex: DraftMatrixAnnex, name: string, columns: { group: string; service: string }, gaps: Record<string, string>): XlsxSheet {
	return {
		name,
		header: true,
		rows: [
			[columns.group, columns.service, ...annex.columns.map((column) => column.name)],
			...annex.groups.flatMap((group) => group.rows.map((row) => [group.name, row.name, ...row.gaps.map((gap) => gaps[gap] ?? '')]))
		]
	};
}
