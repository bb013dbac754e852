import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createSession } from '../../src/lib/server/auth/sessions';
import { openDatabase } from '../../src/lib/server/db/index';
import { seriousViolations } from '../support/axe';
import { openPageAs, useBrowserWorkshop, waitConnected } from '../support/board-page';
import { eventually } from '../support/eventually';

// Issue 8's editable sections in a real browser: two facilitators write the financial framework
// at the same time, each sees both texts, and the completeness finding goes as soon as it is written.
const SHOTS = 'test-results/draft-texts';
const env = useBrowserWorkshop(SHOTS);

const FRAMEWORK_LABEL = 'Tekst sekcji „Ramy finansowe”';

/** A second facilitator of the seeded process, so the two pages are two people. */
async function secondFacilitator(): Promise<string> {
	const { db, close } = openDatabase(env.server.databasePath);
	try {
		const userId = randomUUID();
		const now = Date.now();
		await db.insertInto('users').values({ id: userId, email: `j-${userId}@example.org`, name: 'Jan Kowalski', password_hash: 'x', role: 'facilitator', created_at: now }).execute();
		await db.insertInto('process_members').values({ process_id: env.seeded.processId, user_id: userId, role: 'facilitator', added_at: now }).execute();
		return (await createSession(db, { kind: 'user', userId, expiresAt: now + 86400_000 })).token;
	} finally {
		await close();
	}
}

async function openDraft(token: string): Promise<Page> {
	const page = await openPageAs(env, token, `/processes/${env.seeded.processId}/draft`);
	await waitConnected(page);
	return page;
}

const framework = (page: Page) => page.getByLabel(FRAMEWORK_LABEL);

describe('editable sections of the draft in the browser', () => {
	it('two facilitators type into the financial framework at once and both see both texts', async () => {
		const anna = await openDraft(env.seeded.facilitator.token);
		expect(await anna.getByTestId('draft-findings').innerText()).toContain('Brak tekstu sekcji „Ramy finansowe”');
		const jan = await openDraft(await secondFacilitator());

		// Each sees the other present, and who is writing in the section.
		await anna.getByTestId('draft-texts-bar').getByText('Jan Kowalski').waitFor();
		await framework(anna).click();
		await framework(anna).pressSequentially('Budżet powiatu.');
		await eventually(async () => expect(await framework(jan).inputValue()).toBe('Budżet powiatu.'));
		await framework(jan).click();
		await anna.getByTestId('draft-text-financial-framework').getByTestId('draft-text-editor').filter({ hasText: 'Jan Kowalski' }).waitFor();

		// At the same moment: Anna goes on at the end, Jan writes before the start.
		await framework(anna).press('End');
		await framework(jan).press('Control+Home');
		await Promise.all([framework(anna).pressSequentially(' Środki z Funduszu Pracy.', { delay: 20 }), framework(jan).pressSequentially('Źródła: ', { delay: 20 })]);
		const merged = 'Źródła: Budżet powiatu. Środki z Funduszu Pracy.';
		await eventually(async () => {
			expect(await framework(anna).inputValue()).toBe(merged);
			expect(await framework(jan).inputValue()).toBe(merged);
		}, 10_000);
		await anna.locator('[role="status"][data-state="connected"]').waitFor();
		// Without a reload, on both pages, the section is no longer listed as missing; the others still are.
		for (const page of [anna, jan]) {
			await eventually(async () => expect(await page.getByTestId('draft-findings').innerText()).not.toContain('„Ramy finansowe”'));
			expect(await page.getByTestId('draft-findings').innerText()).toContain('Brak tekstu sekcji „Usługi społeczne”');
		}
		await anna.screenshot({ path: `${SHOTS}/two-writers.png`, fullPage: true });

		// After a reload the text is there and the finding about the financial framework is gone.
		await anna.reload();
		await waitConnected(anna);
		await eventually(async () => expect(await framework(anna).inputValue()).toBe(merged));
		const findings = await anna.getByTestId('draft-findings').innerText();
		expect(findings).not.toContain('„Ramy finansowe”');
		expect(findings).toContain('Brak tekstu sekcji „Usługi społeczne”');
		await anna.getByTestId('draft-text-financial-framework').scrollIntoViewIfNeeded();
		await anna.screenshot({ path: `${SHOTS}/after-reload.png` });
		expect(await seriousViolations(anna)).toEqual([]);

		// Undo takes back one's own words only: Jan's "Źródła: " goes, Anna's sentence stays.
		await framework(jan).press('Control+z');
		await eventually(async () => {
			expect(await framework(jan).inputValue()).toBe('Budżet powiatu. Środki z Funduszu Pracy.');
			expect(await framework(anna).inputValue()).toBe('Budżet powiatu. Środki z Funduszu Pracy.');
		});
	});
});
