import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { client, expectRedirect, readWorkshopLinks, wallClock } from './workshops-support';

// A server of its own: the limit it exercises is per address, and every test here shares 127.0.0.1.
let server: TestServer;
let http: ReturnType<typeof client>;
let code = '';

beforeAll(async () => {
	server = await startServer();
	const seeded = await seedWorkshop(server.databasePath);
	http = client(server);
	const created = await http.post(`/processes/${seeded.processId}?/createWorkshop`, seeded.facilitator.token, {
		title: 'Warsztat w sali sesyjnej',
		startsAt: wallClock(0),
		endsAt: wallClock(2),
		boardIds: [seeded.boardId]
	});
	const path = expectRedirect(created, /\/workshops\//);
	code = readWorkshopLinks(await (await http.get(path, seeded.facilitator.token)).text()).code!;
});
afterAll(async () => server?.stop());

describe('join code rate limit', () => {
	it('lets a whole room of mistyping laptops in, then stops a guesser with a clear wait', async () => {
		// Forty laptops behind one address, each mistyping twice: still let in afterwards.
		for (let i = 0; i < 80; i++) expect((await http.post('/join', null, { code: `WRNG${String(i).padStart(4, 'A')}` })).status).toBe(400);
		expectRedirect(await http.post('/join', null, { code }), /^\/j\//);

		let refused: Response | null = null;
		for (let i = 0; i < 40 && !refused; i++) {
			const response = await http.post('/join', null, { code: 'HHHH-HHHH' });
			if (response.status === 429) refused = response;
		}
		expect(refused).not.toBeNull();
		expect(await refused!.text()).toMatch(/Zbyt wiele nieudanych prób z tej sieci\. Spróbuj ponownie za \d+ min/);
		// Blocked means blocked: even the right code waits, so a guesser cannot tell a hit.
		expect((await http.post('/join', null, { code })).status).toBe(429);
	});
});
