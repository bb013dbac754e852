import type { Sector } from '../sectors';

/**
 * Consultation rounds (konsultacje) on a saved draft version: the words every part of the
 * feature shares. Pure: the server, the pages and the report renderers all read these.
 *
 * Polish practice answers every remark with one of four statuses and a justification, and the
 * development-policy act (art. 6) asks for at least 35 days of consultation and a report
 * published within 30 days of its end.
 */

export const REMARK_STATUSES = ['accepted', 'partly', 'rejected', 'explained'] as const;
/** uwzględniona, częściowo uwzględniona, nieuwzględniona, wyjaśniona. */
export type RemarkStatus = (typeof REMARK_STATUSES)[number];

export function isRemarkStatus(value: unknown): value is RemarkStatus {
	return typeof value === 'string' && (REMARK_STATUSES as readonly string[]).includes(value);
}

/** Accepted and partly accepted remarks ask for a change in the next version. */
export function needsChange(status: RemarkStatus | null): boolean {
	return status === 'accepted' || status === 'partly';
}

export const ROUND_AUDIENCES = ['link', 'invited'] as const;
/** Anyone with the round's link, or only the invited addresses (one link each). */
export type RoundAudience = (typeof ROUND_AUDIENCES)[number];

export const REMARK_TARGET_KINDS = ['section', 'paragraph', 'action'] as const;
export type RemarkTargetKind = (typeof REMARK_TARGET_KINDS)[number];

/**
 * What a remark is about, by the draft model's stable ids: a section is its SectionId, an
 * action its DraftAction id; a paragraph has no id of its own, so it is its section's id and
 * its position (the round's version never changes, so the position is stable within a round).
 */
export const remarkTargetIds = {
	section: (sectionId: string) => sectionId,
	paragraph: (sectionId: string, index: number) => `paragraph:${sectionId}:${index}`,
	action: (actionId: string) => actionId
} as const;

export const MIN_CONSULTATION_DAYS = 35;
export const REPORT_DEADLINE_DAYS = 30;
const DAY_MS = 24 * 3600_000;

/** Limits a respondent meets (characters), said in the form and enforced on the server. */
export const REMARK_LIMITS = {
	content: 5000,
	proposedWording: 5000,
	justification: 3000,
	name: 200,
	institution: 200,
	/** Remarks one respondent may leave in one round. */
	perRespondent: 100
} as const;

/** Limits on the facilitators' side. */
export const ANSWER_LIMITS = { answer: 5000, template: 2000, changeNote: 1000, invites: 500, title: 200, description: 5000 } as const;

export type RoundPhase = 'upcoming' | 'open' | 'closed';

/** A round accepts remarks from its opening time up to (not including) its closing time. */
export function roundPhase(round: { opensAt: number; closesAt: number }, now: number): RoundPhase {
	if (now < round.opensAt) return 'upcoming';
	return now < round.closesAt ? 'open' : 'closed';
}

/** Shorter than the 35 days the act asks for strategies under art. 6: the form warns, it does not refuse. */
export function isShorterThanRequired(opensAt: number, closesAt: number): boolean {
	return closesAt - opensAt < MIN_CONSULTATION_DAYS * DAY_MS;
}

/** The report must be published within 30 days of the closing. */
export function reportDeadline(closesAt: number): number {
	return closesAt + REPORT_DEADLINE_DAYS * DAY_MS;
}

export interface RemarkAuthor {
	name: string;
	institution: string;
	sector: Sector | null;
}

/**
 * A remark as the facilitators' list and the report read it. `author` is null for a remark
 * the respondent chose not to sign.
 */
export interface ConsultationRemark {
	id: string;
	/** 1, 2, … per round in order of arrival. */
	number: number;
	sectionId: string;
	targetKind: RemarkTargetKind;
	targetId: string;
	/** The target as the respondent saw it ("Cel 5.1, działanie 3"), in the draft's language. */
	targetLabel: string;
	content: string;
	proposedWording: string;
	justification: string;
	author: RemarkAuthor | null;
	createdAt: number;
	status: RemarkStatus | null;
	answer: string;
	/** Id of the remark this one was merged into; it then shares that remark's answer. */
	duplicateOf: string | null;
	assignedTo: string | null;
	changeNote: string;
	changeTargetId: string | null;
	changeDoneAt: number | null;
}
