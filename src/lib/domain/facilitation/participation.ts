/**
 * The participation summary of a workshop, counted from plain rows: how many took part, by
 * sector, by institution, by women/men for those who chose to say, and how long each agenda
 * step really took. Pure, so the summary page, the exports and the tests count the same way.
 */

export interface ParticipantFacts {
	sector: string;
	institution: string;
	gender: 'woman' | 'man' | null;
}

export interface StepFacts {
	id: string;
	title: string;
	plannedMinutes: number;
	startedAt: number | null;
	endedAt: number | null;
}

export interface Count<K extends string = string> {
	key: K;
	count: number;
}

export interface GenderCounts {
	women: number;
	men: number;
	notGiven: number;
}

export type StepStatus = 'done' | 'running' | 'not-started';

export interface StepDuration {
	id: string;
	title: string;
	plannedMinutes: number;
	/** Whole minutes, rounded; for a running step, so far. Null when the step never started. */
	actualMinutes: number | null;
	status: StepStatus;
}

export interface ParticipationSummary {
	participants: number;
	bySector: Count[];
	byInstitution: Count[];
	byGender: GenderCounts;
}

export function summariseParticipation(participants: readonly ParticipantFacts[]): ParticipationSummary {
	const byGender: GenderCounts = { women: 0, men: 0, notGiven: 0 };
	for (const person of participants) {
		if (person.gender === 'woman') byGender.women++;
		else if (person.gender === 'man') byGender.men++;
		else byGender.notGiven++;
	}
	return {
		participants: participants.length,
		bySector: countBy(participants.map((p) => p.sector)),
		byInstitution: countBy(participants.map((p) => p.institution), institutionKey),
		byGender
	};
}

/**
 * People type their institution by hand: "PCPR w Piszu" and "pcpr  w piszu " are one
 * institution. The first spelling seen is the one shown.
 */
export function institutionKey(name: string): string {
	return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('pl');
}

/** Most frequent first; ties in Polish alphabetical order so the page does not reshuffle. */
function countBy(values: readonly string[], keyOf: (value: string) => string = (v) => v): Count[] {
	const counts = new Map<string, Count>();
	for (const value of values) {
		const key = keyOf(value);
		const entry = counts.get(key);
		if (entry) entry.count++;
		else counts.set(key, { key: value.trim().replace(/\s+/g, ' '), count: 1 });
	}
	return [...counts.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, 'pl'));
}

export function stepDurations(steps: readonly StepFacts[], now: number): StepDuration[] {
	return steps.map((step) => {
		const status: StepStatus = step.startedAt === null ? 'not-started' : step.endedAt === null ? 'running' : 'done';
		const end = step.endedAt ?? now;
		return {
			id: step.id,
			title: step.title,
			plannedMinutes: step.plannedMinutes,
			actualMinutes: step.startedAt === null ? null : Math.max(0, Math.round((end - step.startedAt) / 60_000)),
			status
		};
	});
}

/** "Uczestnik 1", "Uczestnik 2"… in joining order; the label comes from the caller (translated). */
export function anonymisedNames<T extends { id: string; joinedAt: number }>(
	participants: readonly T[],
	label: (n: number) => string
): { id: string; name: string }[] {
	return [...participants]
		.sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))
		.map((participant, index) => ({ id: participant.id, name: label(index + 1) }));
}
