import type { DraftLanguage } from '../draft/model';
import type { RemarkStatus } from './model';

/**
 * Words the consultation to-do leaves in a saved version (the remark a goal or an action answers),
 * in the draft's language like draft/labels.ts: a version renders the same words every time,
 * whoever reads it.
 */
export interface ChangeLabels {
	/** A goal's or action's source: "Uwaga nr 7 (Konsultacje projektu strategii)". */
	remarkSource: (number: number, roundTitle: string) => string;
	statuses: Record<RemarkStatus, string>;
}

const pl: ChangeLabels = {
	remarkSource: (number, roundTitle) => `Uwaga nr ${number} (${roundTitle})`,
	statuses: { accepted: 'uwzględniona', partly: 'częściowo uwzględniona', rejected: 'nieuwzględniona', explained: 'wyjaśniona' }
};

const en: ChangeLabels = {
	remarkSource: (number, roundTitle) => `Remark no. ${number} (${roundTitle})`,
	statuses: { accepted: 'accepted', partly: 'partly accepted', rejected: 'not accepted', explained: 'explained' }
};

export function changeLabels(language: DraftLanguage): ChangeLabels {
	return language === 'en' ? en : pl;
}
