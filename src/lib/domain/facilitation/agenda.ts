/**
 * The workshop agenda: an ordered list of steps, one of them current. Pure, shared by the
 * server (which holds authority) and the browser (which shows it).
 */
export const AGENDA_ACTIVITIES = ['discussion', 'brainstorm', 'problem-tree', 'voting', 'break', 'other'] as const;
export type AgendaActivity = (typeof AGENDA_ACTIVITIES)[number];

/**
 * Who sees a step's new notes before the facilitator reveals them: everyone at once ('open'),
 * only their author ('private': revealed with the author's name) or only their author and
 * nobody ever learns who wrote which ('anonymous'). Matters for a step on an ideas wall.
 */
export const STEP_PRIVACIES = ['open', 'private', 'anonymous'] as const;
export type StepPrivacy = (typeof STEP_PRIVACIES)[number];

export function isStepPrivacy(value: unknown): value is StepPrivacy {
	return typeof value === 'string' && (STEP_PRIVACIES as readonly string[]).includes(value);
}

export const AGENDA_TITLE_MAX = 200;
export const PLANNED_MINUTES_MIN = 1;
export const PLANNED_MINUTES_MAX = 480;
/** Far beyond a day's workshop; stops a runaway client from growing the agenda without end. */
export const AGENDA_MAX_STEPS = 100;

export interface AgendaStep {
	id: string;
	title: string;
	boardId: string | null;
	activity: AgendaActivity;
	plannedMinutes: number;
	privacy: StepPrivacy;
	startedAt: number | null;
	endedAt: number | null;
}

export function isAgendaActivity(value: unknown): value is AgendaActivity {
	return typeof value === 'string' && (AGENDA_ACTIVITIES as readonly string[]).includes(value);
}

/** Trims and collapses whitespace; null when empty or too long. */
export function normaliseStepTitle(raw: string): string | null {
	const title = raw.replace(/\s+/g, ' ').trim();
	return title.length >= 1 && title.length <= AGENDA_TITLE_MAX ? title : null;
}

export function isPlannedMinutes(value: number): boolean {
	return Number.isInteger(value) && value >= PLANNED_MINUTES_MIN && value <= PLANNED_MINUTES_MAX;
}

/** The ids in their new order, or null when the step is unknown. The index is clamped to the list. */
export function moveStep(order: readonly string[], stepId: string, toIndex: number): string[] | null {
	const from = order.indexOf(stepId);
	if (from < 0) return null;
	const next = order.filter((id) => id !== stepId);
	const target = Math.min(Math.max(0, Math.trunc(toIndex)), next.length);
	next.splice(target, 0, stepId);
	return next;
}

export interface StepSequence {
	current: AgendaStep | null;
	previous: AgendaStep | null;
	/** Before the agenda has started, the first step comes next. */
	next: AgendaStep | null;
	index: number;
}

export function stepSequence(steps: readonly AgendaStep[], currentStepId: string | null): StepSequence {
	const index = currentStepId === null ? -1 : steps.findIndex((s) => s.id === currentStepId);
	return {
		current: index >= 0 ? steps[index] : null,
		previous: index > 0 ? steps[index - 1] : null,
		next: steps[index + 1] ?? null,
		index
	};
}

export interface StepTimes {
	id: string;
	startedAt: number | null;
	endedAt: number | null;
}

/**
 * What changes when the facilitator makes another step current: the step left gets its end
 * time, the step entered its first start time (kept if it is revisited, so the summary shows
 * when it began) and loses any earlier end time. Going to the current step changes nothing.
 */
export function gotoStepTimes(
	steps: readonly AgendaStep[],
	currentStepId: string | null,
	targetStepId: string | null,
	now: number
): StepTimes[] {
	if (currentStepId === targetStepId) return [];
	const changes: StepTimes[] = [];
	const leaving = steps.find((s) => s.id === currentStepId);
	if (leaving) changes.push({ id: leaving.id, startedAt: leaving.startedAt, endedAt: now });
	const entering = steps.find((s) => s.id === targetStepId);
	if (entering) changes.push({ id: entering.id, startedAt: entering.startedAt ?? now, endedAt: null });
	return changes;
}
