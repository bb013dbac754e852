import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadRoundRemarks } from '../../src/lib/server/consultation/remark-rows';
import { seriousViolations } from '../support/axe';
import { openPageAs, useBrowserWorkshop } from '../support/board-page';
import { seedConsultationRound } from '../support/consultation';
import { withDatabase } from '../support/database';

// A round from both sides. A respondent on a phone (390×844) opens the round's link, reads the
// draft, leaves a remark on a paragraph and one on an action, keeps the receipt link, edits a
// remark; no horizontal scroll, no serious axe finding. The facilitator then answers both on the
// round page and downloads the report. Screenshots in test-results/consultation-respondent/.
const SHOTS = 'test-results/consultation-respondent';
const env = useBrowserWorkshop(SHOTS);

async function noHorizontalScroll(page: Page) {
	const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
	expect(widths.page).toBeLessThanOrEqual(widths.viewport);
}

async function fillRemark(page: Page, content: string) {
	const form = page.locator('form.remark-form');
	await form.getByLabel('Treść uwagi').fill(content);
	await form.getByLabel('Proponowane brzmienie (nieobowiązkowe)').fill('Nowe brzmienie');
	await form.getByLabel('Imię i nazwisko').fill('Maria Nowak');
	await form.getByLabel('Instytucja lub organizacja').fill('Stowarzyszenie Razem');
	await form.getByLabel('Sektor').selectOption({ label: 'organizacja pozarządowa' });
	await form.getByRole('button', { name: 'Wyślij uwagę' }).click();
}

describe('a consultation round, respondent and facilitator', () => {
	it('a respondent on a phone leaves two remarks; the facilitator answers them and exports the report', async () => {
		const round = await seedConsultationRound(env.server.databasePath, env.seeded, { anonymousAllowed: false });
		const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'pl-PL' });
		const page = await context.newPage();
		await page.goto(`${env.server.url}/c/${round.linkToken}`);
		await page.getByTestId('round-phase').filter({ hasText: 'Konsultacje trwają do' }).waitFor();
		await noHorizontalScroll(page);
		expect(await seriousViolations(page)).toEqual([]);
		await page.screenshot({ path: `${SHOTS}/round-open.png` });

		await page.getByRole('link', { name: 'Zgłoś uwagę: Akapit 2' }).click();
		await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Uwaga do: Akapit 2');
		await noHorizontalScroll(page);
		expect(await seriousViolations(page, 'form.remark-form')).toEqual([]);
		await page.screenshot({ path: `${SHOTS}/remark-form.png` });
		await fillRemark(page, 'Brakuje danych o osobach starszych.');
		await page.getByTestId('respond-notice').filter({ hasText: 'Uwaga nr 1 została zapisana' }).waitFor();
		const receipt = await page.getByTestId('receipt-url').inputValue();
		expect(receipt).toMatch(new RegExp(`/c/${round.linkToken}/r/`));

		await page.getByRole('link', { name: /^Zgłoś uwagę: Cel 5(\.\d+)?, działanie 2: / }).click();
		await fillRemark(page, 'Szkolenia także dla asystentów rodziny.');
		await page.getByTestId('respond-notice').filter({ hasText: 'Uwaga nr 2 została zapisana' }).waitFor();
		const mine = page.getByTestId('my-remarks');
		await mine.getByText('Szkolenia także dla asystentów rodziny.').waitFor();
		await noHorizontalScroll(page);
		await page.locator('#my-remarks').screenshot({ path: `${SHOTS}/my-remarks.png` });

		await mine.getByRole('link', { name: 'Edytuj uwagę nr 1' }).click();
		const edit = page.locator('form.remark-form');
		await edit.getByLabel('Treść uwagi').fill('Brakuje danych o osobach starszych w gminach wiejskich.');
		await edit.getByRole('button', { name: 'Zapisz zmiany' }).click();
		await page.getByTestId('respond-notice').filter({ hasText: 'Zmiany w uwadze nr 1 zostały zapisane' }).waitFor();
		expect(await seriousViolations(page)).toEqual([]);

		const stored = await withDatabase(env.server.databasePath, (db) => loadRoundRemarks(db, round.roundId));
		expect(stored.map((r) => [r.number, r.targetKind, r.content])).toEqual([
			[1, 'paragraph', 'Brakuje danych o osobach starszych w gminach wiejskich.'],
			[2, 'action', 'Szkolenia także dla asystentów rodziny.']
		]);

		// The receipt link on another device brings the remarks back.
		const laptop = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'pl-PL' });
		const other = await laptop.newPage();
		await other.goto(receipt);
		await other.getByTestId('my-remarks').getByText('Szkolenia także dla asystentów rodziny.').waitFor();
		await other.screenshot({ path: `${SHOTS}/laptop-receipt.png` });
		await laptop.close();
		await context.close();

		// The facilitator answers both, each with its justification, and exports the report.
		const facilitator = await openPageAs(env, env.seeded.facilitator.token, `/processes/${env.seeded.processId}/consultations/${round.roundId}`);
		const answers: Array<[string, string, string, string]> = [
			[stored[0].id, 'accepted', 'Dopisano dane GUS o osobach starszych w diagnozie.', 'Uwzględniona'],
			[stored[1].id, 'explained', 'Asystenci rodziny są już w działaniu 5.1.3.', 'Wyjaśniona']
		];
		for (const [id, status, answer, label] of answers) {
			const card = facilitator.locator(`article[aria-labelledby="remark-${id}-heading"]`);
			await facilitator.locator(`#remark-${id}-status`).selectOption(status);
			await facilitator.locator(`#remark-${id}-answer`).fill(answer);
			await card.locator('button[type="submit"]').click();
			await expect.poll(() => card.locator('.badge').textContent()).toBe(label);
		}
		await facilitator.getByText('Rozpatrzone uwagi: 2 z 2.').waitFor();
		const report = facilitator.getByTestId('consultation-report-export');
		await report.getByText('Uwzględniona').first().waitFor();
		await facilitator.screenshot({ path: `${SHOTS}/facilitator-answered.png`, fullPage: true });
		expect(await seriousViolations(facilitator)).toEqual([]);

		const download = facilitator.waitForEvent('download');
		await report.getByRole('link', { name: /Word/ }).click();
		const file = await (await download).path();
		const zip = await JSZip.loadAsync(await readFile(file));
		const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
		for (const expected of ['Brakuje danych o osobach starszych w gminach wiejskich.', 'Dopisano dane GUS o osobach starszych w diagnozie.', 'Asystenci rodziny są już w działaniu 5.1.3.', 'wyjaśniona']) {
			expect(text).toContain(expected);
		}
		// Anonymised by default: the respondent's name is not in the file, the institution is.
		expect(text).not.toContain('Maria Nowak');
		expect(text).toContain('Stowarzyszenie Razem');
	});
});
