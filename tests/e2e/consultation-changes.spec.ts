import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findSection } from '../../src/lib/domain/draft/model';
import { insertInitialBoardUpdate } from '../../src/lib/server/db/board-updates';
import { openDatabase } from '../../src/lib/server/db/index';
import { seriousViolations } from '../support/axe';
import { openPageAs, useBrowserWorkshop } from '../support/board-page';
import { seedConsultationRound } from '../support/consultation';
import { seedAnsweredRemarks } from '../support/consultation-changes';
import { AREA, goalsDoc } from '../unit/fixtures/draft-process';

// Issue 9's to-do in a real browser: the facilitator sees the accepted remarks beside the board
// they concern, marks one as done with a note, and the board page stops counting it.
const SHOTS = 'test-results/consultation-changes';
const env = useBrowserWorkshop(SHOTS);

/** The fixture's goals board under the id the fixture's draft uses, so the round's remarks point at it. */
async function storeGoalsBoard() {
	const { db, close } = openDatabase(env.server.databasePath);
	try {
		const now = Date.now();
		await db.insertInto('boards').values({ id: 'goals-v', process_id: env.seeded.processId, kind: 'goals', title: 'Cele: obszar V', area: AREA, created_by: env.seeded.userId, created_at: now }).execute();
		await insertInitialBoardUpdate(db, 'goals-v', Y.encodeStateAsUpdate(goalsDoc()), now);
	} finally {
		await close();
	}
}

describe('consultation remarks to work in, in the browser', () => {
	it('marks an accepted remark as done from the draft page', async () => {
		await storeGoalsBoard();
		const round = await seedConsultationRound(env.server.databasePath, env.seeded, { title: 'Konsultacje wiosenne' });
		const action = findSection(round.draft, 'goals')!.areas[0].strategic[0].actions[0];
		await seedAnsweredRemarks(env.server.databasePath, round.roundId, [
			{ status: 'accepted', sectionId: 'goals', targetKind: 'action', targetId: action.id, content: 'Dopisać szkoły do podmiotów zaangażowanych' },
			{ status: 'partly', sectionId: 'introduction', targetKind: 'paragraph', targetId: 'paragraph:introduction:0', content: 'Wstęp <b>jest</b> za długi' },
			{ status: 'rejected', sectionId: 'goals', targetKind: 'section', targetId: 'goals', content: 'Usunąć cały rozdział' }
		]);

		const page = await openPageAs(env, env.seeded.facilitator.token, '/boards/goals-v');
		const notice = page.getByTestId('consultation-board-notice');
		expect(await notice.innerText()).toContain('1 uwaga z konsultacji dotyczy tej tablicy.');
		await notice.getByRole('link', { name: 'Zobacz uwagi do wprowadzenia' }).click();

		const panel = page.getByRole('region', { name: 'Uwagi z konsultacji do wprowadzenia' });
		await panel.waitFor();
		const board = panel.getByRole('region', { name: /Tablica: Cele: obszar V/ });
		expect(await board.innerText()).toContain('Dopisać szkoły do podmiotów zaangażowanych');
		// Plain text: the markup a respondent typed is shown, not run.
		expect(await panel.getByRole('region', { name: 'Sekcja: Wprowadzenie' }).innerText()).toContain('Wstęp <b>jest</b> za długi');
		expect(await panel.innerText()).not.toContain('Usunąć cały rozdział');
		await panel.scrollIntoViewIfNeeded();
		await panel.screenshot({ path: `${SHOTS}/todo.png` });
		expect(await seriousViolations(page, '#consultation-todo')).toEqual([]);

		const remark = board.getByTestId('change-remark').first();
		await remark.getByRole('button', { name: 'Oznacz jako wprowadzoną' }).click();
		// The browser's own check asks for the note first; nothing is sent.
		expect(await remark.getAttribute('data-state')).toBe('open');
		await remark.getByLabel('Na czym polegała zmiana').fill('Dopisano szkoły w działaniu 1');
		await remark.getByLabel('Tablica, na której wprowadzono zmianę (opcjonalnie)').selectOption({ label: 'Cele: obszar V' });
		await remark.getByRole('button', { name: 'Oznacz jako wprowadzoną' }).click();
		await panel.getByRole('status').filter({ hasText: 'Uwaga nr 1 oznaczona jako wprowadzona.' }).waitFor();
		expect(await remark.innerText()).toContain('Zmiana: Dopisano szkoły w działaniu 1');
		expect(await remark.getAttribute('data-state')).toBe('done');
		await panel.screenshot({ path: `${SHOTS}/done.png` });
		expect(await seriousViolations(page, '#consultation-todo')).toEqual([]);

		await page.goto(`${env.server.url}/boards/goals-v`);
		await page.getByRole('heading', { level: 1 }).waitFor();
		expect(await page.getByTestId('consultation-board-notice').count()).toBe(0);
	});
});
