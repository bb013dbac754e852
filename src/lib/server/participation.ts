import type { Kysely } from 'kysely';
import type { Database, Gender } from './db/schema';
import { anonymisedNames, stepDurations, summariseParticipation } from '../domain/facilitation/participation';
import { appendWorkshopLog } from './facilitation/workshop-log';
import { listVoteResults } from './facilitation/vote-results';

/**
 * The workshop's participation records after (or during) the day: the summary page, the
 * attendance list (lista obecności) and anonymising the participants when records are no
 * longer needed. Removed participants are left out: they were not part of the workshop.
 */

export async function listAttendance(db: Kysely<Database>, workshopId: string): Promise<AttendanceRow[]> {
	const rows = await db
		.selectFrom('participants')
		.select(['id', 'display_name', 'institution', 'sector', 'gender', 'joined_at'])
		.where('workshop_id', '=', workshopId)
		.where('removed_at', 'is', null)
		.orderBy('joined_at')
		.orderBy('id')
		.execute();
	return rows.map((row) => ({
		id: row.id,
		name: row.display_name,
		institution: row.institution,
		sector: row.sector,
		gender: row.gender,
		joinedAt: row.joined_at
	}));
}

export async function loadParticipationSummary(db: Kysely<Database>, workshopId: string, now = Date.now()) {
	const [attendance, steps, votes] = await Promise.all([
		listAttendance(db, workshopId),
		db
			.selectFrom('workshop_agenda_steps')
			.select(['id', 'title', 'planned_minutes', 'started_at', 'ended_at'])
			.where('workshop_id', '=', workshopId)
			.orderBy('position')
			.execute(),
		listVoteResults(db, workshopId)
	]);
	return {
		...summariseParticipation(attendance),
		steps: stepDurations(
			steps.map((s) => ({ id: s.id, title: s.title, plannedMinutes: s.planned_minutes, startedAt: s.started_at, endedAt: s.ended_at })),
			now
		),
		votes
	};
}

/**
 * Replaces every participant's name with a numbered label in joining order; sector,
 * institution and gender stay, so every count in the summary stays the same. Running it again
 * changes nothing and logs nothing. Names people typed into board content (notes' authors in
 * the board documents) are board content and are not touched here.
 */
export async function anonymiseParticipants(
	db: Kysely<Database>,
	workshopId: string,
	actor: string,
	label: (n: number) => string,
	now = Date.now()
): Promise<{ renamed: number }> {
	return db.transaction().execute(async (trx) => {
		const rows = await trx
			.selectFrom('participants')
			.select(['id', 'display_name', 'joined_at'])
			.where('workshop_id', '=', workshopId)
			.execute();
		const current = new Map(rows.map((row) => [row.id, row.display_name]));
		const changes = anonymisedNames(rows.map((r) => ({ id: r.id, joinedAt: r.joined_at })), label).filter(
			(next) => current.get(next.id) !== next.name
		);
		for (const change of changes) {
			await trx.updateTable('participants').set({ display_name: change.name }).where('id', '=', change.id).execute();
		}
		if (changes.length > 0) {
			await appendWorkshopLog(trx, { workshopId, actor, action: 'participants:anonymise', detail: { renamed: changes.length }, at: now });
		}
		return { renamed: changes.length };
	});
}

export interface AttendanceRow {
	id: string;
	name: string;
	institution: string;
	sector: string;
	gender: Gender | null;
	joinedAt: number;
}

export type ParticipationSummaryData = Awaited<ReturnType<typeof loadParticipationSummary>>;
