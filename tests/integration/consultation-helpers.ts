import { randomUUID } from 'node:crypto';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/sessions';
import { withDatabase, type TestDb } from '../support/database';
import type { SeededWorkshop } from '../support/seed';
import { FormClient } from './auth-helpers';

/** Signed in as the holder of a session token. */
export function signedIn(baseUrl: string, token: string): FormClient {
	const client = new FormClient(baseUrl);
	client.cookies.set(SESSION_COOKIE, token);
	return client;
}

/** A form post with repeated fields (checkbox lists), as a browser without JavaScript sends it. */
export function postPairs(client: FormClient, path: string, pairs: [string, string][]): Promise<Response> {
	const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	return fetch(client.baseUrl + path, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: client.baseUrl, accept: 'text/html', cookie },
		body: new URLSearchParams(pairs).toString()
	});
}

/** A facilitator account; a member of the seeded process when `member` is true. */
export async function addFacilitator(databasePath: string, seeded: SeededWorkshop, name: string, member: boolean) {
	return withDatabase(databasePath, async (db) => {
		const userId = randomUUID();
		await db.insertInto('users').values({ id: userId, email: `${userId}@example.org`, name, password_hash: 'x', role: 'facilitator', created_at: Date.now() }).execute();
		if (member) await db.insertInto('process_members').values({ process_id: seeded.processId, user_id: userId, role: 'facilitator', added_at: Date.now() }).execute();
		const session = await createSession(db, { kind: 'user', userId, expiresAt: Date.now() + 3600_000 });
		return { userId, token: session.token };
	});
}

export { seedRemarks } from '../support/consultation';
