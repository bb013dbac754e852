import { createHash, randomBytes, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const randomString = () => Array.from(randomBytes(24), (b) => ALPHABET[b >> 3]).join('');

/**
 * What tests/support/seed.ts writes, replicated with better-sqlite3 (the bench is plain
 * JavaScript): a facilitator, a process, `boards` boards in one running workshop, and guest
 * sessions to connect with. The server has migrated the file already (it is listening).
 */
export function seedNarada(databasePath, boards, guests = 20) {
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	const now = Date.now();
	const userId = randomUUID();
	const processId = randomUUID();
	const workshopId = randomUUID();
	const boardIds = Array.from({ length: boards }, () => randomUUID());
	const tokens = [];
	db.transaction(() => {
		db.prepare('insert into users (id, email, name, password_hash, role, created_at) values (?, ?, ?, ?, ?, ?)').run(
			userId, `bench-${userId}@example.org`, 'Anna Facylitatorka', 'x', 'facilitator', now);
		db.prepare('insert into strategy_processes (id, title, territory, period_from, period_to, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)').run(
			processId, 'Strategia benchmarku', 'Powiat piski', 2025, 2030, userId, now);
		db.prepare('insert into process_members (process_id, user_id, role, added_at) values (?, ?, ?, ?)').run(processId, userId, 'owner', now);
		db.prepare('insert into workshops (id, process_id, title, starts_at, ends_at, join_code, join_token, observer_token, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
			workshopId, processId, 'Warsztat', now - 3600_000, now + 24 * 3600_000, randomString().slice(0, 8).toUpperCase(), randomString(), randomString(), userId, now);
		const board = db.prepare('insert into boards (id, process_id, kind, title, area, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)');
		const link = db.prepare('insert into workshop_boards (workshop_id, board_id, position) values (?, ?, ?)');
		boardIds.forEach((id, i) => {
			board.run(id, processId, 'ideas-wall', `Tablica ${i}`, null, userId, now);
			link.run(workshopId, id, i);
		});
		const participant = db.prepare('insert into participants (id, workshop_id, display_name, institution, sector, joined_at, removed_at) values (?, ?, ?, ?, ?, ?, null)');
		const session = db.prepare('insert into sessions (id, secret_hash, kind, user_id, participant_id, workshop_id, created_at, last_verified_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
		for (let i = 0; i < guests; i++) {
			const participantId = randomUUID();
			participant.run(participantId, workshopId, `Gość ${i}`, 'PCPR w Piszu', 'social_assistance', now);
			const id = randomString();
			const secret = randomString();
			session.run(id, createHash('sha256').update(secret).digest(), 'guest', null, participantId, workshopId, now, now, now + 24 * 3600_000);
			tokens.push(`${id}.${secret}`);
		}
		const facilitator = randomString();
		const facilitatorSecret = randomString();
		session.run(facilitator, createHash('sha256').update(facilitatorSecret).digest(), 'user', userId, null, null, now, now, now + 24 * 3600_000);
		tokens.facilitator = `${facilitator}.${facilitatorSecret}`;
	})();
	db.close();
	return { boardIds, tokens, workshopId, facilitatorToken: tokens.facilitator };
}

/** Rows ever written to board_updates (AUTOINCREMENT keeps counting past compaction). */
export function naradaRowsWritten(databasePath) {
	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		const row = db.prepare("select seq from sqlite_sequence where name = 'board_updates'").get();
		return row ? Number(row.seq) : 0;
	} finally {
		db.close();
	}
}
