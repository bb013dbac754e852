import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET } from '../../src/lib/domain/join-code';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { client, expectRedirect, readWorkshopLinks, wallClock } from './workshops-support';

// A facilitator sets up a strategy process through the pages, as they would in a browser.
let server: TestServer;
let owner: SeededWorkshop;
let stranger: SeededWorkshop;
let http: ReturnType<typeof client>;

beforeAll(async () => {
	server = await startServer();
	owner = await seedWorkshop(server.databasePath);
	stranger = await seedWorkshop(server.databasePath);
	http = client(server);
});
afterAll(async () => server?.stop());

describe('strategy processes, boards and workshops', () => {
	let processId = '';
	let workshopPath = '';

	it('creates a process and lists it among my processes', async () => {
		const created = await http.post('/processes?/create', owner.facilitator.token, {
			title: 'Strategia Rozwiązywania Problemów Społecznych Gminy Pisz',
			territory: 'Gmina Pisz',
			periodFrom: '2025',
			periodTo: '2030'
		});
		processId = expectRedirect(created, /^\/processes\/[0-9a-f-]{36}$/).split('/').pop()!;
		const list = await (await http.get('/processes', owner.facilitator.token)).text();
		expect(list).toContain('Strategia Rozwiązywania Problemów Społecznych Gminy Pisz');
		expect(list).toContain(`/processes/${processId}`);
	});

	it('refuses a period that ends before it starts, keeping what was typed', async () => {
		const response = await http.post('/processes?/create', owner.facilitator.token, {
			title: 'Strategia odwrócona',
			territory: 'Powiat piski',
			periodFrom: '2030',
			periodTo: '2025'
		});
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('Rok końcowy nie może być wcześniejszy niż rok początkowy.');
		expect(html).toContain('value="Strategia odwrócona"');
	});

	it('creates a board and a workshop using it, and lists both', async () => {
		const board = await http.post(`/processes/${processId}?/createBoard`, owner.facilitator.token, {
			kind: 'ideas-wall',
			title: 'Pomysły na wsparcie rodzin',
			area: 'Obszar V. Poprawa współpracy'
		});
		expect(board.status).toBe(200);
		let page = await (await http.get(`/processes/${processId}`, owner.facilitator.token)).text();
		const boardId = /href="\/boards\/([0-9a-f-]{36})"/.exec(page)?.[1];
		expect(page).toContain('Pomysły na wsparcie rodzin');
		expect(boardId).toBeTruthy();

		const workshop = await http.post(`/processes/${processId}?/createWorkshop`, owner.facilitator.token, {
			title: 'Warsztat diagnostyczny',
			startsAt: wallClock(-1),
			endsAt: wallClock(3),
			boardIds: [boardId!]
		});
		workshopPath = expectRedirect(workshop, new RegExp(`^/processes/${processId}/workshops/[0-9a-f-]{36}$`));
		page = await (await http.get(`/processes/${processId}`, owner.facilitator.token)).text();
		expect(page).toContain('Warsztat diagnostyczny');
		expect(page).toContain(workshopPath);
	});

	it('refuses a workshop that ends before it starts, and boards of another process', async () => {
		const backwards = await http.post(`/processes/${processId}?/createWorkshop`, owner.facilitator.token, {
			title: 'Warsztat wstecz',
			startsAt: wallClock(3),
			endsAt: wallClock(1)
		});
		expect(backwards.status).toBe(400);
		expect(await backwards.text()).toContain('Koniec warsztatu musi być później niż jego początek.');

		const foreign = await http.post(`/processes/${processId}?/createWorkshop`, owner.facilitator.token, {
			title: 'Warsztat z cudzą tablicą',
			startsAt: wallClock(1),
			endsAt: wallClock(3),
			boardIds: [stranger.boardId]
		});
		expect(foreign.status).toBe(400);
	});

	it('shows an 8-character join code from the unambiguous alphabet, a QR code and both links', async () => {
		const html = await (await http.get(workshopPath, owner.facilitator.token)).text();
		const links = readWorkshopLinks(html);
		expect(links.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
		for (const char of links.code!.replace('-', '')) expect(JOIN_CODE_ALPHABET).toContain(char);
		expect(links.joinToken).toBeTruthy();
		expect(links.observerToken).toBeTruthy();
		expect(links.hasQr).toBe(true);
		const projector = await (await http.get(`${workshopPath}/projector`, owner.facilitator.token)).text();
		expect(projector).toContain(links.code);
	});

	it('answers 404 to a facilitator who is not a member, for the process and its workshop alike', async () => {
		expect((await http.get(`/processes/${processId}`, stranger.facilitator.token)).status).toBe(404);
		expect((await http.get(workshopPath, stranger.facilitator.token)).status).toBe(404);
		const action = await http.post(`/processes/${processId}?/createBoard`, stranger.facilitator.token, { kind: 'ideas-wall', title: 'Obca' });
		expect(action.status).toBe(404);
		const list = await (await http.get('/processes', stranger.facilitator.token)).text();
		expect(list).not.toContain('Gminy Pisz');
	});

	it('lets the owner add a second facilitator by e-mail, who then sees the process', async () => {
		const unknown = await http.post(`/processes/${processId}?/addFacilitator`, owner.facilitator.token, { email: 'nikt@example.org' });
		expect(unknown.status).toBe(400);
		expect(await unknown.text()).toContain('Nie ma konta z tym adresem.');

		const email = `f-${stranger.userId}@example.org`;
		const added = await http.post(`/processes/${processId}?/addFacilitator`, owner.facilitator.token, { email: email.toUpperCase() });
		expect(added.status).toBe(200);
		const again = await http.post(`/processes/${processId}?/addFacilitator`, owner.facilitator.token, { email });
		expect(await again.text()).toContain('Ta osoba już należy do zespołu tego procesu.');

		expect((await http.get(`/processes/${processId}`, stranger.facilitator.token)).status).toBe(200);
		expect(await (await http.get('/processes', stranger.facilitator.token)).text()).toContain('Gminy Pisz');
		// A facilitator who is not the owner cannot add anyone.
		const byFacilitator = await http.post(`/processes/${processId}?/addFacilitator`, stranger.facilitator.token, {
			email: `f-${owner.userId}@example.org`
		});
		expect(byFacilitator.status).toBe(403);
	});

	it('sends someone who is not signed in to the sign-in page', async () => {
		expectRedirect(await http.get(`/processes/${processId}`), /^\/login\?next=/);
	});
});
