import { describe, expect, it } from 'vitest';
import { consolidateDraft } from '../../src/lib/domain/draft/consolidate';
import { findSection } from '../../src/lib/domain/draft/model';
import { remarkTargetIds } from '../../src/lib/domain/consultation/model';
import { excerptOf, findRemarkTarget, remarkTargets } from '../../src/lib/domain/consultation/targets';
import { fixtureProcess } from './fixtures/draft-process';

const draft = consolidateDraft(fixtureProcess().input);

describe('what a respondent may comment on', () => {
	it('offers every section once, labelled with its title in the draft language', () => {
		const sections = remarkTargets(draft).filter((target) => target.kind === 'section');
		expect(sections.map((target) => target.id)).toEqual(draft.sections.map((section) => section.id));
		const goals = sections.find((target) => target.id === 'goals')!;
		expect(goals.label).toBe('Rozdział: Cele strategiczne i kierunki działań');
		expect(goals.sectionId).toBe('goals');
	});

	it('offers every paragraph of a section, numbered from one', () => {
		const intro = remarkTargets(draft).filter((target) => target.kind === 'paragraph' && target.sectionId === 'introduction');
		expect(intro.map((target) => [target.id, target.label])).toEqual([
			[remarkTargetIds.paragraph('introduction', 0), 'Akapit 1'],
			[remarkTargetIds.paragraph('introduction', 1), 'Akapit 2']
		]);
	});

	it('offers every action of the goals chapter with its goal, number and the start of its text', () => {
		const actions = findSection(draft, 'goals')!.areas.flatMap((area) => area.strategic.flatMap((goal) => goal.actions));
		const targets = remarkTargets(draft).filter((target) => target.kind === 'action');
		expect(targets.map((target) => target.id)).toEqual(actions.map((action) => action.id));
		expect(targets.every((target) => target.sectionId === 'goals')).toBe(true);
		expect(targets[0].label).toMatch(/^Cel 5(\.\d+)?, działanie 1: \S/);
		expect(targets[0].label.length).toBeLessThan(90);
	});

	it('speaks English for an English draft', () => {
		const english = consolidateDraft({ ...fixtureProcess().input, language: 'en' });
		const labels = remarkTargets(english).map((target) => target.label);
		expect(labels).toContain('Paragraph 2');
		expect(labels.some((label) => /^Goal 5(\.\d+)?, action 1: /.test(label))).toBe(true);
		expect(labels.some((label) => label.startsWith('Chapter: '))).toBe(true);
	});

	it('resolves a real id and refuses a made-up one', () => {
		expect(findRemarkTarget(draft, 'goals')?.kind).toBe('section');
		expect(findRemarkTarget(draft, remarkTargetIds.paragraph('introduction', 1))?.label).toBe('Akapit 2');
		expect(findRemarkTarget(draft, remarkTargetIds.paragraph('introduction', 2))).toBeNull();
		expect(findRemarkTarget(draft, 'goals:made-up')).toBeNull();
		expect(findRemarkTarget(draft, '')).toBeNull();
	});

	it('quotes a long text up to a word and marks the cut', () => {
		expect(excerptOf('Krótki  tekst\nna dwie linie')).toBe('Krótki tekst na dwie linie');
		const long = excerptOf('Organizowanie szkoleń dla kadr pomocy społecznej w zakresie pracy socjalnej z rodziną i superwizji');
		expect(long.endsWith('…')).toBe(true);
		expect(long.length).toBeLessThanOrEqual(61);
		expect(long).not.toMatch(/\s…$/);
	});
});
