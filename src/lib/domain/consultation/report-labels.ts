import { draftLabels } from '../draft/labels';
import type { DraftLanguage } from '../draft/model';
import type { Sector } from '../sectors';
import type { RemarkStatus } from './model';

/**
 * The consultation report's own words, in the document's language (the process's `language`),
 * whatever language the person exporting uses: like draft/labels.ts, and for the same reason —
 * a report stored in a draft version must print the same words every time.
 */
export interface ConsultationReportLabels {
	title: string;
	/** The round's title after the report's: "Raport z konsultacji: …". */
	titleOf: (roundTitle: string) => string;
	strategy: string;
	draftVersion: (n: number) => string;
	period: (opens: string, closes: string) => string;
	anonymisedNote: string;
	remarksTotal: string;
	answeredTotal: string;
	duplicatesTotal: string;
	byStatus: string;
	bySector: string;
	remarks: string;
	noRemarks: string;
	countColumns: { status: string; sector: string; count: string };
	columns: {
		number: string;
		section: string;
		target: string;
		author: string;
		content: string;
		proposedWording: string;
		justification: string;
		status: string;
		answer: string;
	};
	anonymous: string;
	noStatus: string;
	notGiven: string;
	seeRemark: (n: number) => string;
	statuses: Record<RemarkStatus, string>;
	sectors: Record<Sector, string>;
	/** Sheet names of the workbook. */
	sheets: { remarks: string; counts: string };
	/** The file's name before the safe folding: "raport z konsultacji". */
	fileName: string;
}

const pl: ConsultationReportLabels = {
	title: 'Raport z konsultacji',
	titleOf: (roundTitle) => `Raport z konsultacji: ${roundTitle}`,
	strategy: 'Dokument',
	draftVersion: (n) => `projekt strategii, wersja ${n}`,
	period: (opens, closes) => `Konsultacje trwały od ${opens} do ${closes}.`,
	anonymisedNote: 'Wersja zanonimizowana: bez imion i nazwisk osób zgłaszających uwagi.',
	remarksTotal: 'Liczba uwag',
	answeredTotal: 'Uwagi z odpowiedzią',
	duplicatesTotal: 'Uwagi połączone jako powtórzenia',
	byStatus: 'Uwagi według sposobu rozpatrzenia',
	bySector: 'Uwagi według sektora zgłaszających',
	remarks: 'Zestawienie uwag',
	noRemarks: 'W tej rundzie konsultacji nie zgłoszono uwag.',
	countColumns: { status: 'Sposób rozpatrzenia', sector: 'Sektor', count: 'Liczba uwag' },
	columns: {
		number: 'Nr',
		section: 'Część dokumentu',
		target: 'Miejsce w dokumencie',
		author: 'Zgłaszający',
		content: 'Treść uwagi',
		proposedWording: 'Proponowany zapis',
		justification: 'Uzasadnienie uwagi',
		status: 'Sposób rozpatrzenia',
		answer: 'Uzasadnienie odpowiedzi'
	},
	anonymous: 'anonimowo',
	noStatus: 'bez odpowiedzi',
	notGiven: 'nie podano',
	seeRemark: (n) => `zob. uwaga nr ${n}`,
	statuses: { accepted: 'uwzględniona', partly: 'częściowo uwzględniona', rejected: 'nieuwzględniona', explained: 'wyjaśniona' },
	// The same words as the draft's participation summary.
	sectors: draftLabels('pl').sectors,
	sheets: { remarks: 'Uwagi', counts: 'Podsumowanie' },
	fileName: 'raport z konsultacji'
};

const en: ConsultationReportLabels = {
	title: 'Consultation report',
	titleOf: (roundTitle) => `Consultation report: ${roundTitle}`,
	strategy: 'Document',
	draftVersion: (n) => `strategy draft, version ${n}`,
	period: (opens, closes) => `The consultation ran from ${opens} to ${closes}.`,
	anonymisedNote: 'Anonymised: no names of the people who sent remarks.',
	remarksTotal: 'Remarks',
	answeredTotal: 'Remarks answered',
	duplicatesTotal: 'Remarks merged as duplicates',
	byStatus: 'Remarks by answer',
	bySector: 'Remarks by sector of their authors',
	remarks: 'Remarks',
	noRemarks: 'No remarks were sent in this consultation round.',
	countColumns: { status: 'Answer', sector: 'Sector', count: 'Remarks' },
	columns: {
		number: 'No.',
		section: 'Part of the document',
		target: 'Place in the document',
		author: 'Author',
		content: 'Remark',
		proposedWording: 'Proposed wording',
		justification: 'Justification of the remark',
		status: 'Answer',
		answer: 'Justification of the answer'
	},
	anonymous: 'anonymous',
	noStatus: 'not answered',
	notGiven: 'not given',
	seeRemark: (n) => `see remark no. ${n}`,
	statuses: { accepted: 'accepted', partly: 'partly accepted', rejected: 'not accepted', explained: 'explained' },
	sectors: draftLabels('en').sectors,
	sheets: { remarks: 'Remarks', counts: 'Summary' },
	fileName: 'consultation report'
};

const LABELS: Record<DraftLanguage, ConsultationReportLabels> = { pl, en };

export function consultationReportLabels(language: DraftLanguage): ConsultationReportLabels {
	return LABELS[language] ?? pl;
}
