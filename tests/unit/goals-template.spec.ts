import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	SEED_000_TEMPLATE,
	deriveGoals,
	importGoalsTemplate,
	initGoalsDoc,
	setAreaFields,
	type GoalsOutline,
	type GoalsTemplate
} from '../../src/lib/domain/goals';

/** The derived outline turned back into template data, to compare with what was imported. */
function toTemplate(goals: GoalsOutline): GoalsTemplate {
	const action = (a: GoalsOutline['actions'][number]) => ({
		text: a.text,
		timeframe: a.timeframe,
		indicators: a.indicators.map(({ id: _id, ...fields }) => fields),
		...(a.inheritsEntities ? {} : { entities: a.entities }),
		...(a.footnotes.length > 0 ? { footnotes: a.footnotes } : {})
	});
	return {
		area: {
			title: goals.area.title,
			number: goals.area.number,
			firstGoalNumber: goals.area.firstGoalNumber,
			entities: goals.area.entities,
			entitiesNote: goals.area.entitiesNote,
			footnotes: goals.area.footnotes
		},
		strategic: goals.strategic.map((goal) => ({
			text: goal.text,
			...(goal.footnotes.length > 0 ? { footnotes: goal.footnotes } : {}),
			specific: goal.specific.map((s) => ({
				text: s.text,
				...(s.footnotes.length > 0 ? { footnotes: s.footnotes } : {}),
				...(s.actions.length > 0 ? { actions: s.actions.map(action) } : {})
			})),
			actions: goal.actions.map(action)
		}))
	};
}

/** The template with every optional indicator field spelled out, as derive returns it. */
function normalized(template: GoalsTemplate): GoalsTemplate {
	const empty = { unit: '', baseline: '', target: '', source: '', splitBySex: false };
	const actions = (list: GoalsTemplate['strategic'][number]['actions']) =>
		(list ?? []).map((a) => ({ ...a, indicators: a.indicators.map((i) => ({ name: '', ...empty, ...i })) }));
	return {
		...template,
		strategic: template.strategic.map((goal) => ({
			...goal,
			specific: goal.specific.map((s) => (s.actions ? { ...s, actions: actions(s.actions) } : s)),
			actions: actions(goal.actions)
		}))
	};
}

function imported(): Y.Doc {
	const doc = new Y.Doc();
	initGoalsDoc(doc);
	importGoalsTemplate(doc, SEED_000_TEMPLATE);
	return doc;
}

describe('SEED_000_TEMPLATE', () => {
	it('round-trips through a fresh doc: every goal, action, timeframe, indicator, entity and footnote', () => {
		const goals = deriveGoals(imported());
		expect(toTemplate(goals)).toEqual(normalized(SEED_000_TEMPLATE));
	});

	it('is numbered like the chapter: goal 5, specific goals 5.1–5.3, actions 1–7, footnotes 1–3', () => {
		const goals = deriveGoals(imported());
		expect(goals.area).toMatchObject({ number: 'V', title: 'Poprawa współpracy oraz jakości usług społecznych w powiecie' });
		expect(goals.strategic.map((g) => g.number)).toEqual(['5']);
		expect(goals.strategic[0].specific.map((s) => s.number)).toEqual(['5.1', '5.2', '5.3']);
		expect(goals.actions.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(goals.actions.every((a) => a.timeframe === '2023' && a.parsedTimeframe?.from.year === 2023)).toBe(true);
		expect(goals.actions.map((a) => a.indicators.length)).toEqual([1, 2, 2, 2, 1, 1, 2]);
		expect(goals.incompleteActions).toBe(0);
		expect(goals.actions.every((a) => a.inheritsEntities)).toBe(true);
		expect(goals.area.entitiesNote).toBe('Wszystkie wymienione w obszarach I–IV.');
		expect(goals.footnotes.map((f) => [f.number, f.ownerId])).toEqual([
			[1, goals.strategic[0].specific[0].id],
			[2, 'area'],
			[3, goals.actions[4].id]
		]);
		expect(goals.footnotes[0].text).toMatch(/^Pod pojęciem „pracowników”/);
		expect(goals.footnotes[1].text).toMatch(/podział na kobiety i mężczyzn\.$/);
	});

	it('has no PDF artefacts left: no glued footnote markers, no broken spacing', () => {
		const texts = JSON.stringify(SEED_000_TEMPLATE);
		expect(texts).not.toMatch(/\p{L}[0-9]\b/u); // "pracowników1", "działania2"
		expect(texts).not.toMatch(/ {2}| [.,)]|\( /);
		expect(texts).not.toMatch(/\\n/);
	});

	it('keeps every word of the seed, in order (cells split across columns and pages rejoined)', () => {
		const dir = '../shared/seeds';
		let seed: string;
		try {
			const file = readdirSync(dir).find((name) => name.startsWith('000_'));
			seed = readFileSync(`${dir}/${file}`, 'utf8');
		} catch {
			return; // the seeds live outside the repo; the round trip above still runs
		}
		// Footnote markers glued to words ("pracowników1") are dropped; dashes compared loosely.
		const words = (text: string) =>
			text.replace(/(\p{Ll})[0-9](?=\P{L}|$)/gu, '$1').replace(/[-–]/g, ' ').split(/\s+/).filter(Boolean);
		const source = words(seed);
		const inOrder = (text: string) => {
			let at = 0;
			for (const word of words(text)) {
				while (at < source.length && source[at] !== word && source[at] !== `${word}.`) at++;
				if (at++ >= source.length) return false;
			}
			return true;
		};
		const goals = deriveGoals(imported());
		const all = [
			goals.area.title,
			goals.area.entitiesNote,
			...goals.strategic.flatMap((g) => [g.text, ...g.specific.map((s) => s.text)]),
			...goals.actions.flatMap((a) => [a.text, ...a.indicators.map((i) => i.name)]),
			...goals.footnotes.map((f) => f.text)
		];
		expect(all.filter((text) => !inOrder(text))).toEqual([]);
	});

	it('never overwrites an area the group has already named, and appends after existing goals', () => {
		const doc = imported();
		setAreaFields(doc, { title: 'Własny tytuł' });
		const created = importGoalsTemplate(doc, SEED_000_TEMPLATE);
		expect(created).toBe(1 + 3 + 7);
		const goals = deriveGoals(doc);
		expect(goals.area.title).toBe('Własny tytuł');
		expect(goals.area.footnotes).toHaveLength(1);
		expect(goals.strategic.map((g) => g.number)).toEqual(['5', '6']);
		expect(goals.actions.map((a) => a.number).at(-1)).toBe(14);
		const ids = goals.actions.flatMap((a) => a.indicators.map((i) => i.id));
		expect(new Set(ids).size).toBe(ids.length);
	});
});
