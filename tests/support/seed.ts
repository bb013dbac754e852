import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../src/lib/server/db/index';
import { createSession } from '../../src/lib/server/auth/sessions';

/**
 * Writes fixtures straight into a running server's SQLite file (WAL allows a second
 * connection) and returns session tokens to connect with. For tests that exercise the
 * real-time channels without walking through the sign-up pages each time.
 */
export async function seedWorkshop(databasePath: string, options: { startsAt?: number; endsAt?: number } = {}) {
	const { db, close } = openDatabase(databasePath);
	const now = Date.now();
	try {
		const userId = randomUUID();
		await db
			.insertInto('users')
			.values({ id: userId, email: `f-${userId}@example.org`, name: 'Anna Facylitatorka', password_hash: 'x', role: 'facilitator', created_at: now })
			.execute();
		const processId = randomUUID();
		await db
			.insertInto('strategy_processes')
			.values({ id: processId, title: 'Strategia Powiatu Piskiego 2025–2030', territory: 'Powiat piski', period_from: 2025, period_to: 2030, created_by: userId, created_at: now })
			.execute();
		await db.insertInto('process_members').values({ process_id: processId, user_id: userId, role: 'owner', added_at: now }).execute();

		const boardId = randomUUID();
		const otherBoardId = randomUUID();
		for (const [id, title] of [[boardId, 'Ściana pomysłów'], [otherBoardId, 'Tablica poza warsztatem']]) {
			await db.insertInto('boards').values({ id, process_id: processId, kind: 'ideas-wall', title, area: null, created_by: userId, created_at: now }).execute();
		}
		const workshopId = randomUUID();
		await db
			.insertInto('workshops')
			.values({
				id: workshopId,
				process_id: processId,
				title: 'Warsztat w Piszu',
				starts_at: options.startsAt ?? now - 3600_000,
				ends_at: options.endsAt ?? now + 3600_000,
				join_code: randomCode(),
				join_token: randomUUID().replaceAll('-', ''),
				observer_token: randomUUID().replaceAll('-', ''),
				created_by: userId,
				created_at: now
			})
			.execute();
		await db.insertInto('workshop_boards').values({ workshop_id: workshopId, board_id: boardId, position: 0 }).execute();

		const facilitator = await createSession(db, { kind: 'user', userId, expiresAt: now + 86400_000 });
		const guest = await addGuest(db, workshopId, 'Jan z PCPR');
		const secondGuest = await addGuest(db, workshopId, 'Ewa ze szkoły');
		const observer = await createSession(db, { kind: 'observer', workshopId, expiresAt: now + 86400_000 });
		return { userId, processId, boardId, otherBoardId, workshopId, facilitator, guest, secondGuest, observer };
	} finally {
		await close();
	}
}

/** Joining times one millisecond apart at least: lists ordered by joining must not fall back to random ids. */
let lastJoinedAt = 0;
const nextJoinedAt = () => (lastJoinedAt = Math.max(Date.now(), lastJoinedAt + 1));

async function addGuest(db: ReturnType<typeof openDatabase>['db'], workshopId: string, name: string) {
	const participantId = randomUUID();
	await db
		.insertInto('participants')
		.values({ id: participantId, workshop_id: workshopId, display_name: name, institution: 'PCPR w Piszu', sector: 'social_assistance', joined_at: nextJoinedAt(), removed_at: null })
		.execute();
	const session = await createSession(db, { kind: 'guest', participantId, workshopId, expiresAt: Date.now() + 86400_000 });
	return { ...session, participantId };
}

function randomCode() {
	return randomUUID().replaceAll('-', '').slice(0, 8).toUpperCase();
}

export type SeededWorkshop = Awaited<ReturnType<typeof seedWorkshop>>;
