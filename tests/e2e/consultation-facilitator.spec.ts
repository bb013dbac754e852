import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedConsultationRound } from '../support/consultation';
import { withDatabase } from '../support/database';
import { seriousViolations } from '../support/axe';
import { openPageAs, openPageBeforeScripts, useBrowserWorkshop, waitHydrated } from '../support/board-page';
import { addFacilitator, seedRemarks } from '../integration/consultation-helpers';

// Two facilitators on one round page in Chromium: each sees the other's answers arrive live,
// and what one is typing survives the other's changes. Screenshot in test-results/consultation/.
const SHOTS = 'test-results/consultation';
const env = useBrowserWorkshop(SHOTS);

const badge = (page: Page, id: string) => page.locator(`article[aria-labelledby="remark-${id}-heading"] .badge`);

describe('consultation round page for facilitators', () => {
	it('shows a co-facilitator’s answers live without wiping what is being typed, and answers a selection at once', async () => {
		const round = await seedConsultationRound(env.server.databasePath, env.seeded);
		const sectionId = round.draft.sections[0].id;
		const ids = await withDatabase(env.server.databasePath, (db) =>
			seedRemarks(db, round.roundId, [
				{ sectionId, content: 'Brakuje danych o przemocy w rodzinie.' },
				{ sectionId, content: 'Proszę dopisać szkoły do podmiotów.', sector: 'education' },
				{ sectionId, content: 'Za mało mieszkań chronionych.', anonymous: true }
			])
		);
		const colleague = await addFacilitator(env.server.databasePath, env.seeded, 'Bogdan Współprowadzący', true);
		const path = `/processes/${env.seeded.processId}/consultations/${round.roundId}`;
		const anna = await openPageAs(env, env.seeded.facilitator.token, path);
		const bogdan = await openPageAs(env, colleague.token, path);

		// Anna starts an answer to remark 1 and leaves it unsent.
		await anna.locator(`#remark-${ids[0]}-answer`).fill('Piszę jeszcze…');
		// Bogdan answers remark 2.
		await bogdan.locator(`#remark-${ids[1]}-status`).selectOption('accepted');
		await bogdan.locator(`#remark-${ids[1]}-answer`).fill('Dopisano szkoły w tabeli działań 5.1.');
		await bogdan.locator(`article[aria-labelledby="remark-${ids[1]}-heading"] button[type="submit"]`).click();

		await expect.poll(() => badge(anna, ids[1]).textContent(), { timeout: 10_000 }).toBe('Uwzględniona');
		expect(await anna.locator(`#remark-${ids[0]}-answer`).inputValue()).toBe('Piszę jeszcze…');
		expect(await anna.getByText('Rozpatrzone uwagi: 1 z 3.').count()).toBe(1);

		// Anna answers remarks 1 and 3 together; Bogdan sees both arrive.
		await anna.getByLabel('Zaznacz uwagę nr 1', { exact: true }).check();
		await anna.getByLabel('Zaznacz uwagę nr 3', { exact: true }).check();
		await anna.locator('#bulk-status').selectOption('explained');
		await anna.locator('#bulk-answer').fill('Wyjaśniono w rozdziale diagnozy.');
		await anna.getByRole('button', { name: 'Odpowiedz na zaznaczone (2)' }).click();
		for (const id of [ids[0], ids[2]]) await expect.poll(() => badge(bogdan, id).textContent(), { timeout: 10_000 }).toBe('Wyjaśniona');
		await expect.poll(() => anna.getByText('Rozpatrzone uwagi: 3 z 3.').count()).toBe(1);

		// Filters: only the anonymous remark, then only the education sector.
		await anna.locator('#filter-sector').selectOption('anonymous');
		expect(await anna.locator('article.remark').count()).toBe(1);
		await anna.locator('#filter-sector').selectOption('education');
		expect(await anna.locator('article.remark').allInnerTexts()).toEqual([expect.stringContaining('Proszę dopisać szkoły')]);
		await anna.locator('#filter-sector').selectOption('');

		await anna.screenshot({ path: `${SHOTS}/round-page.png`, fullPage: true });
		expect(await seriousViolations(anna)).toEqual([]);
	});

	it('starts an answer from a template and merges two selected remarks', async () => {
		const round = await seedConsultationRound(env.server.databasePath, env.seeded, { title: 'Runda z szablonami' });
		const sectionId = round.draft.sections[0].id;
		const ids = await withDatabase(env.server.databasePath, (db) =>
			seedRemarks(db, round.roundId, [
				{ sectionId, content: 'Basen w każdej gminie.' },
				{ sectionId, content: 'Więcej asystentów rodziny.' },
				{ sectionId, content: 'Asystenci rodziny — za mało etatów.' }
			])
		);
		const page = await openPageAs(env, env.seeded.facilitator.token, `/processes/${env.seeded.processId}/consultations/${round.roundId}`);
		await page.getByText(/Szablony odpowiedzi/).click();
		await page.locator('#template-status').selectOption('rejected');
		await page.locator('#template-text').fill('Uwaga wykracza poza zakres strategii.');
		await page.getByRole('button', { name: 'Dodaj szablon' }).click();
		const templatePicker = page.locator(`#remark-${ids[0]}-template`);
		await templatePicker.waitFor();
		await templatePicker.selectOption({ label: 'Nieuwzględniona: Uwaga wykracza poza zakres strategii.' });
		expect(await page.locator(`#remark-${ids[0]}-answer`).inputValue()).toBe('Uwaga wykracza poza zakres strategii.');
		expect(await page.locator(`#remark-${ids[0]}-status`).inputValue()).toBe('rejected');
		await page.locator(`article[aria-labelledby="remark-${ids[0]}-heading"] button[type="submit"]`).click();
		await expect.poll(() => badge(page, ids[0]).textContent()).toBe('Nieuwzględniona');

		await page.getByLabel('Zaznacz uwagę nr 2', { exact: true }).check();
		await page.getByLabel('Zaznacz uwagę nr 3', { exact: true }).check();
		await page.getByLabel('Uwaga główna').selectOption({ label: 'Uwaga nr 2' });
		await page.getByRole('button', { name: 'Scal w jedną' }).click();
		await page.getByText('Scalona z uwagą nr 2 (ma tę samą odpowiedź).').waitFor();
		expect(await page.getByText('Zaznaczone uwagi: 0').count()).toBe(1);
		await page.screenshot({ path: `${SHOTS}/templates-merge.png`, fullPage: true });
	});

	it('keeps an answer chosen and typed before the page has come alive, and sends it', async () => {
		const round = await seedConsultationRound(env.server.databasePath, env.seeded, { title: 'Runda na wolnym laptopie' });
		const [id] = await withDatabase(env.server.databasePath, (db) =>
			seedRemarks(db, round.roundId, [{ sectionId: round.draft.sections[0].id, content: 'Więcej mieszkań treningowych.' }])
		);
		const path = `/processes/${env.seeded.processId}/consultations/${round.roundId}`;
		const { page, releaseScripts } = await openPageBeforeScripts(env, env.seeded.facilitator.token, path);
		await page.locator(`#remark-${id}-status`).selectOption('accepted');
		await page.locator(`#remark-${id}-answer`).fill('Dopisano w działaniu 2.3.');
		releaseScripts();
		await waitHydrated(page);

		expect(await page.locator(`#remark-${id}-status`).inputValue()).toBe('accepted');
		expect(await page.locator(`#remark-${id}-answer`).inputValue()).toBe('Dopisano w działaniu 2.3.');
		await page.locator(`article[aria-labelledby="remark-${id}-heading"] button[type="submit"]`).click();
		await expect.poll(() => badge(page, id).textContent()).toBe('Uwzględniona');
	});

	it('opens a round from the form, warning while a too short span is typed, and lists it on the process page', async () => {
		const page = await openPageAs(env, env.seeded.facilitator.token, `/processes/${env.seeded.processId}/consultations/new`);
		await page.getByLabel('Tytuł').fill('Konsultacje wersji 1');
		await page.getByLabel('Początek').fill('2030-03-01T09:00');
		await page.getByLabel('Koniec').fill('2030-03-20T09:00');
		await page.getByText('Konsultacje trwają krócej niż 35 dni').waitFor();
		await page.getByLabel('Koniec').fill('2030-04-20T09:00');
		await expect.poll(() => page.getByText('Konsultacje trwają krócej niż 35 dni').count()).toBe(0);
		await page.getByLabel('Tylko zaproszone osoby (osobny link dla każdej)').check();
		await page.getByLabel('Adresy e-mail zaproszonych osób').fill('ewa@example.org\nzły adres');
		await page.getByRole('button', { name: 'Otwórz rundę konsultacji' }).click();
		await page.getByText('Popraw niepoprawne adresy e-mail: zły, adres').waitFor();
		expect(await page.getByLabel('Tytuł').inputValue()).toBe('Konsultacje wersji 1');
		await page.screenshot({ path: `${SHOTS}/new-round-error.png`, fullPage: true });
		expect(await seriousViolations(page)).toEqual([]);

		await page.getByLabel('Adresy e-mail zaproszonych osób').fill('ewa@example.org\njan@example.org');
		await page.getByRole('button', { name: 'Otwórz rundę konsultacji' }).click();
		await page.getByText('Linki zaproszeń (2)').waitFor();
		await page.goto(`/processes/${env.seeded.processId}`);
		await page.getByRole('link', { name: 'Konsultacje wersji 1' }).waitFor();
		await page.locator('#consultations-heading').screenshot({ path: `${SHOTS}/process-card.png` });
		await page.screenshot({ path: `${SHOTS}/process-page.png`, fullPage: true });
	});
});
