import { describe, expect, it } from 'vitest';
import { addAction, addStrategicGoal, deriveGoals } from '../../src/lib/domain/goals';
import { checkCompleteness, withLiveTexts } from '../../src/lib/domain/draft/completeness';
import { consolidateDraft } from '../../src/lib/domain/draft/consolidate';
import { fixtureProcess } from './fixtures/draft-process';

describe('completeness of the draft', () => {
	it('seed 000 with a forecast lacks only the texts the law asks for', () => {
		const findings = checkCompleteness(consolidateDraft(fixtureProcess().input));
		expect(findings).toEqual([
			{ code: 'missing-text', targetId: 'implementation' },
			{ code: 'missing-text', targetId: 'financial-framework' },
			{ code: 'missing-text', targetId: 'services' },
			{ code: 'missing-text', targetId: 'ngo-tasks' }
		]);
	});

	it('names an action without indicator or timeframe and a strategic goal without specific goals, by stable id', () => {
		const process = fixtureProcess();
		const specificId = deriveGoals(process.goals).strategic[0].specific[1].id;
		const bare = addAction(process.goals, specificId, { text: 'Działanie bez wskaźnika i terminu' })!;
		const vague = addAction(process.goals, specificId, { text: 'Działanie z terminem „kiedyś”', timeframe: 'kiedyś' })!;
		const lonely = addStrategicGoal(process.goals, { text: 'Cel bez celów szczegółowych' })!;
		const texts = { 'financial-framework': 'Budżet powiatu.', services: 'Usługi.', 'ngo-tasks': 'Zadania.', implementation: 'Zespół monitorujący.', forecast: 'Prognoza.' };

		const findings = checkCompleteness(consolidateDraft({ ...process.input, texts }));
		expect(findings).toEqual([
			{ code: 'action-without-indicator', targetId: `goals:goals-v:${bare}`, area: 'V', number: '1' },
			{ code: 'action-without-timeframe', targetId: `goals:goals-v:${bare}`, area: 'V', number: '1' },
			{ code: 'action-without-indicator', targetId: `goals:goals-v:${vague}`, area: 'V', number: '2' },
			{ code: 'action-bad-timeframe', targetId: `goals:goals-v:${vague}`, area: 'V', number: '2' },
			{ code: 'strategic-goal-without-specific', targetId: `goals:goals-v:${lonely}`, area: 'V', number: '6' },
			{ code: 'strategic-goal-without-action', targetId: `goals:goals-v:${lonely}`, area: 'V', number: '6' }
		]);
	});

	it('an empty process lacks a diagnosis, goals and every required text, and still consolidates', () => {
		const empty = consolidateDraft({ process: { title: '', territory: '', periodFrom: null, periodTo: null }, boards: [], texts: {}, now: 0 });
		expect(checkCompleteness(empty).map((finding) => finding.targetId)).toEqual([
			'diagnosis',
			'goals',
			'forecast',
			'implementation',
			'financial-framework',
			'services',
			'ngo-tasks'
		]);
	});
});

describe('completeness while people write', () => {
	it('judges the written sections by their live text: written ones drop out, an emptied one comes back, unknown ones stay', () => {
		const consolidated = [
			{ code: 'no-goals', targetId: 'goals' },
			{ code: 'missing-text', targetId: 'forecast' },
			{ code: 'missing-text', targetId: 'financial-framework' }
		] as const;
		const live: Record<string, string> = { forecast: 'Liczba seniorów wzrośnie o 20%.', 'financial-framework': '   ', implementation: '', services: 'Usługi opiekuńcze', 'ngo-tasks': 'Prowadzenie klubu seniora' };
		const findings = withLiveTexts([...consolidated], (id) => live[id] ?? null);
		expect(findings.map((finding) => `${finding.code}:${finding.targetId}`)).toEqual(['no-goals:goals', 'missing-text:implementation', 'missing-text:financial-framework']);
		// A lookup that holds nothing leaves the consolidated findings as they were.
		expect(withLiveTexts([...consolidated], () => null)).toEqual([...consolidated]);
	});
});
