import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { attachCollab } from '../../server/collab';
import { invalidateParticipantSessions } from '../../src/lib/server/auth/sessions';
import { getBoardHub } from '../../src/lib/server/collab/hub-registry';
import { readConfig } from '../../src/lib/server/config';
import { getAppContext, type AppContext } from '../../src/lib/server/context';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { connectBoard, whenSynced } from './collab-client';

/*
 * Revocation is server-internal (context.revocations), so this test runs the real board socket
 * in-process on a real http server, real SQLite file and real clients. The end-to-end variant
 * through the facilitator's "remove participant" page belongs with that route.
 */
let dir: string;
let context: AppContext;
let http: Server;
let collab: ReturnType<typeof attachCollab>;
let url: string;
let seeded: SeededWorkshop;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'narada-collab-'));
	const databasePath = join(dir, 'narada.db');
	context = await getAppContext(readConfig({ DATABASE_PATH: databasePath, LOG_LEVEL: 'warn' }));
	seeded = await seedWorkshop(databasePath);
	http = createServer((_req, res) => res.end());
	collab = attachCollab(http, context);
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const address = http.address();
	url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
	await collab?.close();
	await new Promise((resolve) => http?.close(resolve));
	await context?.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('board socket: revocation', () => {
	it('closes a removed participant’s live connection within 2 seconds; the others carry on', async () => {
		const removed = connectBoard(url, seeded.boardId, seeded.guest.token);
		const staying = connectBoard(url, seeded.boardId, seeded.secondGuest.token);
		const facilitator = connectBoard(url, seeded.boardId, seeded.facilitator.token);
		try {
			await Promise.all([whenSynced(removed), whenSynced(staying), whenSynced(facilitator)]);

			const sessionIds = await invalidateParticipantSessions(context.db, seeded.guest.participantId);
			context.revocations.revoke(sessionIds);

			await eventually(() => expect(removed.closes).toContainEqual({ code: 4410, reason: 'session-revoked' }), 2000);
			expect(removed.provider.shouldConnect).toBe(false);

			// Coming back with the deleted session is refused at the upgrade.
			removed.provider.connect();
			await eventually(() => expect(removed.closes.length).toBeGreaterThan(1));
			expect(removed.provider.wsconnected).toBe(false);

			facilitator.addNote('after-removal', 'Dalej pracujemy');
			await eventually(() => expect(staying.notes()['after-removal']).toBeDefined());
			expect(staying.closes).toEqual([]);
		} finally {
			for (const client of [removed, staying, facilitator]) client.destroy();
		}
	});

	it('exposes the hub on the context for server-made edits (restore points, templates)', async () => {
		const hub = getBoardHub(context)!;
		const watcher = connectBoard(url, seeded.boardId, seeded.facilitator.token);
		try {
			await whenSynced(watcher);
			const template = new Y.Doc();
			template.getMap('notes').set('from-template', new Y.Map([['text', 'Z szablonu']]));
			await hub.applyServerUpdate(seeded.boardId, Y.encodeStateAsUpdate(template));

			await eventually(() => expect(watcher.notes()['from-template']).toMatchObject({ text: 'Z szablonu' }));
			const stored = new Y.Doc();
			Y.applyUpdate(stored, await hub.getBoardStateUpdate(seeded.boardId));
			expect(stored.getMap('notes').has('from-template')).toBe(true);
			expect(hub.connectionCount()).toBe(1);
		} finally {
			watcher.destroy();
		}
	});
});
