import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	SEED_004_CATALOGUE,
	SEED_004_CATALOGUE_FIXES,
	SEED_004_TERRITORIES,
	addGroup,
	addRow,
	deriveMatrix,
	importCatalogue,
	importColumns,
	initMatrixDoc,
	type MatrixCatalogue,
	type NeedGapMatrix
} from '../../src/lib/domain/need-gap-matrix';

/** Seed 004's text, or null where the seeds (kept outside the repo) are not beside it. */
function seedText(): string | null {
	const dir = '../shared/seeds';
	try {
		const file = readdirSync(dir).find((name) => name.startsWith('004_'));
		return file ? readFileSync(`${dir}/${file}`, 'utf8') : null;
	} catch {
		return null;
	}
}

/** The bulleted list of the seed read as a catalogue: headings end with ':' or stand alone, bullets are services. */
function catalogueFromSeed(seed: string): MatrixCatalogue {
	const start = seed.indexOf('Usługi dla osób starszych:');
	const end = seed.indexOf('Ostatnie spotkanie');
	const groups: MatrixCatalogue['groups'] = [];
	for (const raw of seed.slice(start, end).split('\n')) {
		const line = raw.trim();
		if (line === '') continue;
		if (line.startsWith('•')) groups[groups.length - 1].services.push(line.slice(1).trim());
		else groups.push({ name: line.replace(/\s*:$/, ''), services: [] });
	}
	return { groups };
}

function withFixes(catalogue: MatrixCatalogue): MatrixCatalogue {
	const fix = (text: string) => SEED_004_CATALOGUE_FIXES.find(([seed]) => seed === text)?.[1] ?? text;
	return { groups: catalogue.groups.map((group) => ({ name: fix(group.name), services: group.services.map(fix) })) };
}

function asCatalogue(matrix: NeedGapMatrix): MatrixCatalogue {
	return { groups: matrix.groups.map((group) => ({ name: group.name, services: group.rows.map((row) => row.name) })) };
}

describe('seed 004 catalogue', () => {
	it('holds every service of the seed under its group, in order, with only the listed fixes', () => {
		expect(SEED_004_CATALOGUE.groups.map((group) => group.services.length)).toEqual([13, 10, 6, 9, 11, 7]);
		const seed = seedText();
		if (seed === null) return;
		const fromSeed = catalogueFromSeed(seed);
		expect(fromSeed.groups).toHaveLength(6);
		expect(SEED_004_CATALOGUE).toEqual(withFixes(fromSeed));
		const seedEntries = fromSeed.groups.flatMap((group) => [group.name, ...group.services]);
		for (const [original] of SEED_004_CATALOGUE_FIXES) expect(seedEntries).toContain(original);
	});

	it('names the 17 counties of the seed and the city of Elbląg', () => {
		expect(SEED_004_TERRITORIES).toHaveLength(18);
		expect(new Set(SEED_004_TERRITORIES).size).toBe(18);
		const seed = seedText();
		if (seed === null) return;
		const sentence = /następujących powiatach: (.*?) oraz w mieście Elbląg\./.exec(seed)?.[1] ?? '';
		const counties = sentence.split(',').map((name) => `powiat ${name.trim()}`);
		expect(counties).toHaveLength(17);
		expect(SEED_004_TERRITORIES).toEqual([...counties, 'miasto Elbląg']);
	});

	it('imports as groups of rows in one undo step, then adds nothing on a second import', () => {
		const doc = new Y.Doc();
		const undo = new Y.UndoManager([doc.getMap('groups'), doc.getMap('rows'), doc.getMap('columns')], { trackedOrigins: new Set(['me']), captureTimeout: 0 });
		expect(importCatalogue(doc, SEED_004_CATALOGUE, 'me')).toEqual({ groupsAdded: 6, rowsAdded: 56 });
		expect(importColumns(doc, SEED_004_TERRITORIES.map((name) => ({ name, kind: 'territory' as const })), 'me')).toBe(18);
		const matrix = deriveMatrix(doc);
		expect(asCatalogue(matrix)).toEqual(SEED_004_CATALOGUE);
		expect(matrix.columns.map((column) => column.name)).toEqual(SEED_004_TERRITORIES);
		expect(matrix.totals.noData).toBe(56 * 18);
		expect(importCatalogue(doc, SEED_004_CATALOGUE, 'me')).toEqual({ groupsAdded: 0, rowsAdded: 0 });
		expect(importColumns(doc, [{ name: ' Powiat  piski ', kind: 'territory' }, { name: 'powiat piski', kind: 'institution' }], 'me')).toBe(1);
		undo.undo();
		expect(deriveMatrix(doc).columns).toHaveLength(18);
		undo.undo();
		expect(deriveMatrix(doc).columns).toEqual([]);
		expect(deriveMatrix(doc).rows).toHaveLength(56);
		undo.undo();
		expect(deriveMatrix(doc).rows).toEqual([]);
	});

	it('fills in what a started matrix lacks, keeping the group’s own rows first', () => {
		const doc = new Y.Doc();
		initMatrixDoc(doc);
		addGroup(doc, { id: 'F', name: 'usługi dla  rodzin' });
		addRow(doc, 'F', { id: 'own', name: 'Mediacje rodzinne' });
		addRow(doc, 'F', { id: 'seed', name: 'szkoła dla rodziców' });
		expect(importCatalogue(doc, SEED_004_CATALOGUE)).toEqual({ groupsAdded: 5, rowsAdded: 55 });
		const families = deriveMatrix(doc).groups.find((group) => group.id === 'F');
		expect(families?.rows.map((row) => row.name)).toEqual([
			'Mediacje rodzinne',
			'szkoła dla rodziców',
			'Centrum Wsparcia Rodzin',
			'Wsparcie samotnych matek',
			'Praca z rodzicem',
			'Punkty przeciwdziałania przemocy',
			'Tworzenie CUS'
		]);
	});
});
