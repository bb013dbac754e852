import type * as Y from 'yjs';
import { deriveStructure } from './derive';
import { addColumn, addGroup, addRow, initMatrixDoc } from './operations';
import type { ColumnKind } from './schema';

/** Services grouped by target group, as plain data: a matrix's rows before any cell is filled in. */
export interface MatrixCatalogue {
	groups: Array<{ name: string; services: string[] }>;
}

export interface CatalogueColumn {
	name: string;
	kind: ColumnKind;
}

/**
 * The catalogue of social services from seed 004: what county meetings across Warmia and
 * Masuria (2019–2020) asked the 2021–2027 programme to cover, by target group, in the seed's
 * order and wording. Evident slips were fixed, each listed in SEED_004_CATALOGUE_FIXES:
 * - "rozowjowej" → "rozwojowej" (letters swapped);
 * - group "osób zagrożone ubóstwem" → "osób zagrożonych ubóstwem" (case agreement);
 * - "Zakłady Aktywności Zawodowych" → "Zakłady Aktywności Zawodowej" (the institution's legal name);
 * - "tworzenie CUS" → "Tworzenie CUS" (the only entry starting lower-case);
 * and the stray space before the colon and the colon itself after group headings were dropped.
 */
export const SEED_004_CATALOGUE: MatrixCatalogue = {
	groups: [
		{
			name: 'Usługi dla osób starszych',
			services: [
				'Usługi środowiskowe dla osób starszych',
				'Asystent osób starszych',
				'Kluby Seniora',
				'Gospodarstwa opiekuńcze',
				'Dzienne Domy Pomocy Społecznej',
				'Domy sąsiedzkie',
				'Telemedycyna',
				'Teleopieka',
				'Wsparcie i aktywizacja osób starszych',
				'Zapewnienie opieki środowiskowej po pobycie szpitalnym',
				'Wszystkie usługi geriatryczne',
				'Opieka wytchnieniowa',
				'Wsparcie rodzin osób opiekujących się osobami starszymi'
			]
		},
		{
			name: 'Usługi dla osób z niepełnosprawnością',
			services: [
				'Opieka wytchnieniowa',
				'Mieszkania treningowe, wspomagane',
				'Asystent ON, niesamodzielnych',
				'Dzienne Domy Pomocy dla ON',
				'Usługi dla osób głuchych – dostęp do tłumacza migowego',
				'Zatrudnienie ON - Zakłady Aktywności Zawodowej',
				'Ośrodki rehabilitacyjne',
				'Rehabilitacja dzieci z autyzmem',
				'Aktywizacja zawodowa osób dorosłych z niepełnosprawnością',
				'Trener pracy – zatrudnienie wspomagane'
			]
		},
		{
			name: 'Usługi dla rodzin',
			services: [
				'Centrum Wsparcia Rodzin',
				'Wsparcie samotnych matek',
				'Praca z rodzicem',
				'Szkoła dla rodziców',
				'Punkty przeciwdziałania przemocy',
				'Tworzenie CUS'
			]
		},
		{
			name: 'Usługi dla dzieci i młodzieży',
			services: [
				'Kuźnia mistrzów',
				'Świetlice środowiskowe dla dzieci',
				'Centrum opieki rozwojowej Młodzieży',
				'Wsparcie uzdolnionych dzieci i młodzieży',
				'Aktywizacja sportowa dzieci i młodzieży',
				'Usługa psychologa dziecięcego',
				'Usługi psychiatrii dziecięcej',
				'Tworzenie żłobków i przedszkoli',
				'Profilaktyka zdrowotna dziecięca'
			]
		},
		{
			name: 'Usługi dla osób zagrożonych ubóstwem i wykluczeniem społecznym',
			services: [
				'Kluby Integracji Społecznej, wzmocnienie oferty',
				'Centrum Integracji Społecznej',
				'Dożywianie – Banki Żywności - rozwój usług w formie: jadłodajni, cateringu',
				'Wsparcie osób bezdomnych – ogrzewalnie, noclegownie',
				'Mieszkania chronione dla różnych grup odbiorców',
				'Skoordynowanie usług rynku pracy',
				'Profilaktyka uzależnień dzieci i młodzieży',
				'Wsparcie specjalistyczne osób wykluczonych społecznie',
				'Likwidacja barier komunikacyjnych w środowiskach wiejskich',
				'Streetworker do pracy z osobami dorosłymi, w tym z osobami bezdomnymi',
				'Centrum Aktywizacji Lokalnej'
			]
		},
		{
			name: 'Inne',
			services: [
				'Kształcenie osób pracujących',
				'Wsparcie wolontariatu',
				'Szkolenia dla Liderów',
				'Wzmacnianie kompetencji organizacji pozarządowych',
				'Kształcenie kadr opiekuńczo-medyczno-rehabilitacyjnych',
				'Kształcenie kadr podmiotów pomocy i integracji społecznej',
				'Przygotowanie kadr dla Centrum Usług Społecznych (CUS)'
			]
		}
	]
};

/** Each change made to the seed's wording in SEED_004_CATALOGUE, seed text first. */
export const SEED_004_CATALOGUE_FIXES: ReadonlyArray<readonly [seed: string, fixed: string]> = [
	['Centrum opieki rozowjowej Młodzieży', 'Centrum opieki rozwojowej Młodzieży'],
	['Usługi dla osób zagrożone ubóstwem i wykluczeniem społecznym', 'Usługi dla osób zagrożonych ubóstwem i wykluczeniem społecznym'],
	['Zatrudnienie ON - Zakłady Aktywności Zawodowych', 'Zatrudnienie ON - Zakłady Aktywności Zawodowej'],
	['tworzenie CUS', 'Tworzenie CUS']
];

/**
 * The 17 counties where seed 004's meetings were held, in the seed's order, and the city of
 * Elbląg. The Lidzbark county meeting was still planned when the seed was written, so it is
 * not among them.
 */
export const SEED_004_TERRITORIES: readonly string[] = [
	'powiat węgorzewski',
	'powiat braniewski',
	'powiat giżycki',
	'powiat iławski',
	'powiat ostródzki',
	'powiat nidzicki',
	'powiat szczycieński',
	'powiat elbląski',
	'powiat olecki',
	'powiat nowomiejski',
	'powiat gołdapski',
	'powiat działdowski',
	'powiat olsztyński',
	'powiat piski',
	'powiat ełcki',
	'powiat mrągowski',
	'powiat bartoszycki',
	'miasto Elbląg'
];

export interface ImportResult {
	groupsAdded: number;
	rowsAdded: number;
}

/**
 * Appends the catalogue's groups and services after what the matrix holds, in one transaction
 * (one undo step). A group whose name the matrix already has (compared without case and extra
 * spaces) is reused, and a service already in that group is skipped, so importing twice, or
 * into a matrix the group has started, adds only what is missing.
 */
export function importCatalogue(doc: Y.Doc, catalogue: MatrixCatalogue, origin: unknown = null): ImportResult {
	const result: ImportResult = { groupsAdded: 0, rowsAdded: 0 };
	doc.transact(() => {
		initMatrixDoc(doc, { origin });
		for (const entry of catalogue.groups) {
			const existing = deriveStructure(doc).groups.find((group) => !group.other && sameName(group.name, entry.name));
			const groupId = existing?.id ?? addGroup(doc, { name: entry.name }, origin);
			if (!groupId) continue;
			if (!existing) result.groupsAdded++;
			const names = (existing?.rows ?? []).map((row) => row.name);
			for (const service of entry.services) {
				if (names.some((name) => sameName(name, service))) continue;
				if (!addRow(doc, groupId, { name: service }, origin)) continue;
				names.push(service);
				result.rowsAdded++;
			}
		}
	}, origin);
	return result;
}

/** Appends columns, skipping a name the matrix already has for that kind; returns how many were added. */
export function importColumns(doc: Y.Doc, columns: readonly CatalogueColumn[], origin: unknown = null): number {
	let added = 0;
	doc.transact(() => {
		initMatrixDoc(doc, { origin });
		const names = deriveStructure(doc).columns.map((column) => ({ name: column.name, kind: column.kind }));
		for (const column of columns) {
			if (names.some((known) => known.kind === column.kind && sameName(known.name, column.name))) continue;
			if (!addColumn(doc, { name: column.name, kind: column.kind }, origin)) continue;
			names.push(column);
			added++;
		}
	}, origin);
	return added;
}

function sameName(a: string, b: string): boolean {
	const normal = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('pl');
	return normal(a) === normal(b);
}
