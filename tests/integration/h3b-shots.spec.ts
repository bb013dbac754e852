import { it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { seedWorkshop } from '../support/seed';
import { startServer } from '../support/server';
import { client, expectRedirect, readWorkshopLinks, wallClock } from './workshops-support';

it('screenshots', async () => {
	const server = await startServer();
	const browser = await launchBrowser();
	try {
		const s = await seedWorkshop(server.databasePath);
		const http = client(server);
		const tok = s.facilitator.token;
		const w = await http.post(`/processes/${s.processId}?/createWorkshop`, tok, { title: 'Warsztat diagnostyczny — przemoc w rodzinie', startsAt: wallClock(-0.5), endsAt: wallClock(3), boardIds: [s.boardId] });
		const path = expectRedirect(w, /workshops/);
		const links = readWorkshopLinks(await (await http.get(path, tok)).text());
		for (const [name, inst, sector] of [['Maria Kowalska', 'MOPS w Piszu', 'social_assistance'], ['Tomasz Nowak', 'PUP w Piszu', 'labour_market'], ['Ewa Zielińska', 'Szkoła Podstawowa nr 2', 'education']]) {
			const j = await http.post(`/j/${links.joinToken}`, null, { displayName: name, institution: inst, sector });
			expectRedirect(j, /\/w\//);
		}
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		await context.addCookies([{ name: 'narada_session', value: tok, url: server.url }]);
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
		await page.goto(`${server.url}/processes`);
		await page.screenshot({ path: '/tmp/h3b-shots/processes.png', fullPage: true });
		await page.goto(`${server.url}/processes/${s.processId}`);
		await page.screenshot({ path: '/tmp/h3b-shots/process.png', fullPage: true });
		await page.goto(`${server.url}${path}`);
		await page.screenshot({ path: '/tmp/h3b-shots/workshop.png', fullPage: true });
		await page.goto(`${server.url}${path}/projector`);
		await page.screenshot({ path: '/tmp/h3b-shots/projector.png' });
		// A submitted form with errors, through use:enhance.
		await page.goto(`${server.url}/processes/${s.processId}`);
		await page.fill('#workshop-title', 'Test');
		await page.fill('#workshop-startsAt', '2026-05-20T13:00');
		await page.fill('#workshop-endsAt', '2026-05-20T09:00');
		await page.click('text=Utwórz warsztat');
		await page.waitForSelector('#workshop-endsAt-error');
		await page.screenshot({ path: '/tmp/h3b-shots/process-error.png', fullPage: true });

		const guest = await browser.newContext({ viewport: { width: 800, height: 900 } });
		const gp = await guest.newPage();
		gp.on('console', (msg) => msg.type() === 'error' && errors.push('guest: ' + msg.text()));
		await gp.goto(`${server.url}/`);
		await gp.fill('#join-code', 'zzzz-zzzz');
		await gp.click('button[type=submit] >> text=/Dołącz|Dalej/');
		await gp.waitForURL(/\/join/);
		await gp.screenshot({ path: '/tmp/h3b-shots/join-error.png', fullPage: true });
		await gp.fill('#code', links.code!.toLowerCase());
		await gp.click('text=Dalej');
		await gp.waitForURL(/\/j\//);
		await gp.screenshot({ path: '/tmp/h3b-shots/guest-form.png', fullPage: true });
		await gp.fill('#displayName', 'Jan z PCPR');
		await gp.fill('#institution', 'PCPR w Piszu');
		await gp.selectOption('#sector', 'courts');
		await gp.click('text=Dołącz do warsztatu');
		await gp.waitForURL(/\/w\//);
		await gp.evaluate(() => localStorage.setItem('narada-x', '1'));
		await gp.goto(`${server.url}/leave`);
		await gp.click('button >> text=Opuść i zapomnij');
		await gp.waitForSelector('text=Ten komputer nie przechowuje już danych warsztatu');
		const left = await gp.evaluate(() => localStorage.length);
		await gp.screenshot({ path: '/tmp/h3b-shots/leave.png', fullPage: true });
		await gp.goto(`${server.url}/j/doesnotexist`);
		await gp.screenshot({ path: '/tmp/h3b-shots/link-invalid.png' });
		console.log('localStorage after leave:', left, 'console errors:', errors);
	} finally {
		await browser.close();
		await server.stop();
	}
});
