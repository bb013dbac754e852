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
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'pl-PL' });
		await context.addCookies([{ name: 'narada_session', value: tok, url: server.url }]);
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
		await page.goto(`${server.url}/processes`);
		await page.screenshot({ path: '/tmp/h3b-shots/processes.png', fullPage: true });
		await page.goto(`${server.url}/processes/${s.processId}`);
		await page.screenshot({ path: '/tmp/h3b-shots/process.png', fullPage: true });
		await page.goto(`${server.url}${path}`);
		await page.click('text=Wyłącz kod i linki');
		await page.screenshot({ path: '/tmp/h3b-shots/workshop.png', fullPage: true });
		await page.goto(`${server.url}${path}/projector`);
		await page.screenshot({ path: '/tmp/h3b-shots/projector.png' });

		const guest = await browser.newContext({ viewport: { width: 800, height: 900 }, locale: 'pl-PL' });
		const gp = await guest.newPage();
		gp.on('console', (msg) => msg.type() === 'error' && errors.push('guest: ' + msg.text()));
		await gp.goto(`${server.url}/join`);
		await gp.fill('#code', 'zzzz-zzzz');
		await gp.click('text=Dalej');
		await gp.waitForSelector('#code-error');
		await gp.screenshot({ path: '/tmp/h3b-shots/join-error.png', fullPage: true });
		await gp.fill('#code', links.code!.toLowerCase());
		await gp.click('text=Dalej');
		await gp.waitForURL(/\/j\//);
		await gp.click('text=Dołącz do warsztatu');
		await gp.waitForSelector('#sector-error');
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
