/**
 * The nouns the objective-wording rules know, from the vocabulary of local social-policy
 * diagnoses (seeds in ../shared/seeds: family violence, foster care, homelessness, addiction,
 * disability, old age, poverty, cooperation between institutions). A statement whose key noun
 * is missing here is flagged for the group rather than inflected by guesswork; extending the
 * list is how the rules learn a new phrase.
 */

/** Singular masculine / feminine / neuter, plural, and masculine-personal plural ("rodzice"). */
export type Agreement = 'm' | 'f' | 'n' | 'pl' | 'plp';
export type GrammaticalCase = 'nom' | 'gen' | 'acc' | 'instr';

/**
 * What "brak X" means for the noun, i.e. how its positive state is worded:
 * - service: "X jest dostępne" (or `predicate`, e.g. profilaktyka "jest prowadzona");
 * - people: a group of people (subjects of "mają wiedzę", "są zintegrowani");
 * - ability: something people have ("Rodzice mają wysokie kompetencje"), `degree` is the
 *   adjective of a high level of it;
 * - process: a state named by a participle ("koordynacja działań" → "działania są skoordynowane");
 * - cooperation: "współpraca X z Y" → "X współpracują z Y";
 * - other: known for its forms only.
 */
export type NounKind = 'service' | 'people' | 'ability' | 'process' | 'cooperation' | 'other';

export interface LexiconNoun {
	nom: string;
	gen: string;
	acc: string;
	instr: string | null;
	agreement: Agreement;
	kind: NounKind;
	/** service: the predicate adjective; ability: the "high" adjective; process: the participle. */
	predicate: string | null;
	/** process: the subject when the statement names none ("brak koordynacji" → "działania"). */
	defaultSubject: string | null;
}

// nom | gen | acc (blank: regular) | instr (blank: unknown) | agreement | kind[:predicate[:default subject]]
const NOUNS = `
wsparcie|wsparcia|||n|service
pomoc|pomocy|||f|service
opieka|opieki|||f|service
oferta|oferty|||f|service
oferty|ofert|||pl|service
terapia|terapii|||f|service
poradnictwo|poradnictwa|||n|service
leczenie|leczenia|||n|service
rehabilitacja|rehabilitacji|||f|service
interwencja|interwencji|||f|service
usługi|usług||usługami|pl|service
usługa|usługi|||f|service
mieszkania|mieszkań||mieszkaniami|pl|service
mieszkanie|mieszkania|||n|service
miejsca|miejsc|||pl|service
miejsce|miejsca|||n|service
placówki|placówek||placówkami|pl|service
placówka|placówki|||f|service
świetlice|świetlic||świetlicami|pl|service
świetlica|świetlicy|||f|service
kluby|klubów||klubami|pl|service
klub|klubu|||m|service
programy|programów|||pl|service
program|programu|||m|service
zajęcia|zajęć|||pl|service
szkolenia|szkoleń|||pl|service
poradnie|poradni||poradniami|pl|service
poradnia|poradni|||f|service
specjaliści|specjalistów|||plp|service
psycholog|psychologa|psychologa||m|service
psycholodzy|psychologów|||plp|service
psychiatra|psychiatry|psychiatrę||m|service
psychiatrzy|psychiatrów|||plp|service
asystent|asystenta|asystenta||m|service
asystenci|asystentów|||plp|service
asystencja|asystencji|||f|service
transport|transportu|||m|service
informacja|informacji|||f|service
grupy|grup|||pl|service
schronienie|schronienia|||n|service
schroniska|schronisk|||pl|service
noclegownia|noclegowni|||f|service
mieszkalnictwo|mieszkalnictwa|||n|service
diagnoza|diagnozy|||f|service
diagnostyka|diagnostyki|||f|service
wizyta|wizyty|||f|service
konsultacje|konsultacji|||pl|service
praca|pracy|||f|service
żłobki|żłobków|||pl|service
przedszkola|przedszkoli|||pl|service
domy|domów||domami|pl|service
dom|domu|||m|service
ośrodek|ośrodka||ośrodkiem|m|service
ośrodki|ośrodków||ośrodkami|pl|service
centrum|centrum|||n|service
świadczenia|świadczeń|||pl|service
teleopieka|teleopieki|||f|service
profilaktyka|profilaktyki|||f|service:prowadzony
edukacja|edukacji|||f|service:prowadzony
rodzice|rodziców||rodzicami|plp|people
rodziny|rodzin||rodzinami|pl|people
rodzina|rodziny||rodziną|f|people
mieszkańcy|mieszkańców||mieszkańcami|plp|people
pracownicy|pracowników||pracownikami|plp|people
seniorzy|seniorów||seniorami|plp|people
osoby z niepełnosprawnościami|osób z niepełnosprawnościami||osobami z niepełnosprawnościami|pl|people
osoby w kryzysie bezdomności|osób w kryzysie bezdomności||osobami w kryzysie bezdomności|pl|people
osoby|osób||osobami|pl|people
dzieci|dzieci||dziećmi|pl|people
młodzież|młodzieży||młodzieżą|f|people
opiekunowie|opiekunów||opiekunami|plp|people
nauczyciele|nauczycieli||nauczycielami|plp|people
kadra|kadry||kadrą|f|people
uczniowie|uczniów||uczniami|plp|people
kobiety|kobiet||kobietami|pl|people
ofiary|ofiar||ofiarami|pl|people
wychowankowie|wychowanków||wychowankami|plp|people
instytucje|instytucji||instytucjami|pl|people
instytucja|instytucji||instytucją|f|people
służby|służb||służbami|pl|people
szkoły|szkół||szkołami|pl|people
szkoła|szkoły||szkołą|f|people
organizacje|organizacji||organizacjami|pl|people
podmioty|podmiotów||podmiotami|pl|people
gminy|gmin||gminami|pl|people
policja|policji||policją|f|people
sądy|sądów||sądami|pl|people
kuratorzy|kuratorów||kuratorami|plp|people
działania|działań||działaniami|pl|other
wiedza|wiedzy|||f|ability:duży
kompetencje|kompetencji|||pl|ability:wysoki
umiejętności|umiejętności|||pl|ability:wysoki
świadomość|świadomości|||f|ability:wysoki
motywacja|motywacji|||f|ability:wysoki
koordynacja|koordynacji|||f|process:skoordynowany:działania
integracja|integracji|||f|process:zintegrowany
współpraca|współpracy|||f|cooperation
`;

function parseLine(line: string): LexiconNoun {
	const [nom, gen, acc, instr, agreement, kindSpec] = line.split('|');
	const [kind, predicate, defaultSubject] = kindSpec.split(':');
	return {
		nom,
		gen,
		acc: acc || regularAccusative(nom, gen, agreement as Agreement),
		instr: instr || null,
		agreement: agreement as Agreement,
		kind: kind as NounKind,
		predicate: predicate ?? null,
		defaultSubject: defaultSubject ?? null
	};
}

/** Feminine -a takes -ę; masculine-personal plurals take the genitive; the rest equal the nominative. */
function regularAccusative(nom: string, gen: string, agreement: Agreement): string {
	if (agreement === 'f' && nom.endsWith('a')) return nom.slice(0, -1) + 'ę';
	return agreement === 'plp' ? gen : nom;
}

export const LEXICON: readonly LexiconNoun[] = NOUNS.trim().split('\n').map(parseLine);

const BY_CASE = new Map<GrammaticalCase, Map<string, LexiconNoun[]>>();
for (const grammaticalCase of ['nom', 'gen', 'acc', 'instr'] as const) {
	const index = new Map<string, LexiconNoun[]>();
	for (const noun of LEXICON) {
		const form = noun[grammaticalCase];
		if (form) index.set(form, [...(index.get(form) ?? []), noun]);
	}
	BY_CASE.set(grammaticalCase, index);
}

/** The nouns (one form may be several, e.g. "instytucji") whose form in this case is `form`. */
export function nounsInCase(grammaticalCase: GrammaticalCase, form: string): LexiconNoun[] {
	return BY_CASE.get(grammaticalCase)?.get(form) ?? [];
}
