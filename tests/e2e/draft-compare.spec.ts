import { describe, expect, it } from 'vitest';
import { addIndicator, deleteItem, deriveGoals, editItemText, setActionFields } from '../../src/lib/domain/goals';
import { consolidateDraft } from '../../src/lib/domain/draft/consolidate';
import type { StrategyDraft } from '../../src/lib/domain/draft/model';
import { openDatabase } from '../../src/lib/server/db/index';
import { seriousViolations } from '../support/axe';
import { openPageAs, useBrowserWorkshop } from '../support/board-page';
import { fixtureProcess } from '../unit/fixtures/draft-process';

// Comparing two saved versions in a real browser: v1 and v2 of the draft fixture (seed 000's
// chapter, a tree, cards, a matrix) differ in the introduction, one action's words, one's
// timeframe, a removed action and an added indicator. The screenshot is for a person to look at.
const SHOTS = 'test-results/draft-compare';
const env = useBrowserWorkshop(SHOTS);

/** Two versions stored as the server stores them (a version is only ever inserted). */
async function storeTwoVersions() {
	const process = fixtureProcess();
	const v1: StrategyDraft = consolidateDraft({ ...process.input, version: 1 });
	const actions = deriveGoals(process.goals).actions;
	editItemText(process.goals, actions[0].id, actions[0].text.replace('analiza', 'stała ocena'));
	setActionFields(process.goals, actions[1].id, { timeframe: '2025–2027' });
	addIndicator(process.goals, actions[1].id, { name: 'Liczba superwizji grupowych', unit: 'szt.', baseline: '0', target: '12' });
	deleteItem(process.goals, actions[4].id);
	const texts = { ...process.input.texts, introduction: 'Strategia powstała w szerokim procesie partycypacyjnym.\n\nDrugi akapit wprowadzenia.' };
	const v2: StrategyDraft = consolidateDraft({ ...process.input, texts, version: 2 });
	const { db, close } = openDatabase(env.server.databasePath);
	try {
		for (const [number, model] of [
			[1, v1],
			[2, v2]
		] as const) {
			await db
				.insertInto('draft_versions')
				.values({ id: crypto.randomUUID(), process_id: env.seeded.processId, number, model_json: JSON.stringify(model), created_by: env.seeded.userId, created_at: Date.now() })
				.execute();
		}
	} finally {
		await close();
	}
}

describe('comparing draft versions in the browser', () => {
	it('opens from the versions list and marks what changed, section by section', async () => {
		await storeTwoVersions();
		const page = await openPageAs(env, env.seeded.facilitator.token, `/processes/${env.seeded.processId}/draft`);
		await page.getByRole('link', { name: 'Porównaj wersje' }).click();
		await page.getByRole('heading', { level: 1, name: 'Porównanie wersji projektu' }).waitFor();
		await page.getByRole('heading', { level: 2, name: 'Zmiany od wersji 1 do wersji 2' }).waitFor();

		const intro = page.getByTestId('compare-section-introduction');
		expect(await intro.locator('ins').allInnerTexts()).toEqual([expect.stringContaining('szerokim')]);
		const goals = page.getByTestId('compare-section-goals');
		const actions = goals.locator('table', { has: page.locator('caption', { hasText: 'Kierunki działań' }) });
		const rows = await actions.locator('tbody tr').allInnerTexts();
		expect(rows).toHaveLength(3);
		expect(rows[0]).toMatch(/^zmieniono/);
		expect(rows.some((row) => row.includes('2025–2027'))).toBe(true);
		expect(rows[2]).toMatch(/^usunięto/);
		expect(await goals.locator('del').first().innerText()).toContain('analiza');
		const indicators = page.getByTestId('compare-section-implementation');
		expect(await indicators.innerText()).toContain('Liczba superwizji grupowych');
		await page.screenshot({ path: `${SHOTS}/compare.png`, fullPage: true });
		expect(await seriousViolations(page)).toEqual([]);

		// Choosing the same version twice says so instead of showing an empty comparison.
		await page.getByLabel('Od wersji').selectOption('2');
		await page.getByRole('button', { name: 'Porównaj' }).click();
		await page.getByText('Wybrano dwa razy wersję 2. Wybierz dwie różne wersje.').waitFor();
		await page.screenshot({ path: `${SHOTS}/same-version.png` });
		expect(await seriousViolations(page)).toEqual([]);
	});

	it('lets the facilitator set the documents’ language on the process page, without changing the interface’s', async () => {
		const page = await openPageAs(env, env.seeded.facilitator.token, `/processes/${env.seeded.processId}`);
		const select = page.getByLabel('Język dokumentów');
		expect(await select.inputValue()).toBe('pl');
		await select.selectOption('en');
		await page.getByRole('button', { name: 'Zapisz język dokumentów' }).click();
		await page.getByText('Zapisano język dokumentów.').waitFor();
		await page.screenshot({ path: `${SHOTS}/process-language.png` });
		expect(await seriousViolations(page)).toEqual([]);
		await page.goto(`${env.server.url}/processes/${env.seeded.processId}/draft`);
		// The preview is the English document; the page around it stays Polish.
		await page.getByRole('heading', { level: 1, name: 'Projekt strategii' }).waitFor();
		expect(await page.getByText('Strategic goals and action directions').count()).toBeGreaterThan(0);
	});
});
