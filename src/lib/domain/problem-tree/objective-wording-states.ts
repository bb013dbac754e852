import { PREPOSITIONS, adjectiveBase, adjectiveForm, copula, type Agreement } from './objective-wording-grammar';
import { nounsInCase } from './objective-wording-lexicon';
import { UNRECOGNISED, copy, sentence, type Rule } from './objective-wording-rules';

/**
 * The rules behind suggestObjectiveWording, part two. These keep the statement's own noun phrase
 * as it was typed and change only the word that makes it negative, so they need no vocabulary:
 * "Niska jakość usług opiekuńczych" → "Jakość usług opiekuńczych jest wysoka".
 */

/** Measures a trend is about: "Wzrost liczby X" → "Liczba X maleje". */
const MEASURES: Record<string, { nom: string; plural: boolean }> = {
	liczby: { nom: 'liczba', plural: false },
	poziomu: { nom: 'poziom', plural: false },
	skali: { nom: 'skala', plural: false },
	odsetka: { nom: 'odsetek', plural: false },
	wskaźnika: { nom: 'wskaźnik', plural: false },
	kosztów: { nom: 'koszty', plural: true }
};
const RISING_NOUNS = new Set(['wzrost', 'narastanie', 'nasilenie', 'nasilanie']);
const FALLING_NOUNS = new Set(['spadek', 'zmniejszenie', 'zmniejszanie']);

function trendVerb(rising: boolean, plural: boolean): string {
	if (rising) return plural ? 'maleją' : 'maleje';
	return plural ? 'rosną' : 'rośnie';
}

/**
 * "Wzrost liczby rodzin …" → "Liczba rodzin … maleje"; "Wzrost przestępczości nieletnich" →
 * "Skala przestępczości nieletnich maleje" (the genitive stays, so no inflection is guessed);
 * "Rosnące koszty opieki" → "Koszty opieki maleją".
 */
export const trendRule: Rule = (statement) => {
	const { words } = statement;
	if (RISING_NOUNS.has(words[0]) || FALLING_NOUNS.has(words[0])) {
		const rising = RISING_NOUNS.has(words[0]);
		if (words.length < 2 || PREPOSITIONS.has(words[1])) return UNRECOGNISED;
		const measure = MEASURES[words[1]];
		if (measure && words.length > 2) return { text: sentence(measure.nom, copy(statement, 2), trendVerb(rising, measure.plural)) };
		return { text: sentence(rising ? 'skala' : 'poziom', copy(statement, 1), trendVerb(rising, false)) };
	}
	const opening = trendAdjective(words);
	if (!opening) return null;
	const agreement = subjectAgreement(opening.agreement, words[opening.length]);
	if (!agreement || PREPOSITIONS.has(words[opening.length])) return UNRECOGNISED;
	const plural = agreement === 'pl' || agreement === 'plp';
	return { text: sentence(copy(statement, opening.length), trendVerb(opening.rising, plural)) };
};

const RISING_ADJECTIVES = new Set(['rosnący', 'wzrastający', 'narastający', 'zwiększający']);
const FALLING_ADJECTIVES = new Set(['malejący', 'spadający', 'zmniejszający']);

function trendAdjective(words: string[]): { rising: boolean; agreement: Agreement; length: number } | null {
	const found = agreeingAdjective(words[0] ?? '', (base) => RISING_ADJECTIVES.has(base) || FALLING_ADJECTIVES.has(base));
	if (!found) return null;
	const reflexive = words[1] === 'się' ? 1 : 0;
	if (words.length < 2 + reflexive) return null;
	return { rising: RISING_ADJECTIVES.has(found.base), agreement: found.agreement, length: 1 + reflexive };
}

/**
 * Negative adjective → the positive one. `tooMuch` is used after "zbyt"/"za": "zbyt niskie
 * wynagrodzenia" should become "odpowiednie", not "wysokie".
 */
const OPPOSITES: Record<string, string> = {
	niski: 'wysoki',
	wysoki: 'niski',
	słaby: 'dobry',
	zły: 'dobry',
	trudny: 'dobry',
	mały: 'duży',
	duży: 'mały',
	długi: 'krótki',
	nieskuteczny: 'skuteczny',
	nieefektywny: 'efektywny',
	niewystarczający: 'wystarczający',
	niedostateczny: 'wystarczający',
	niewielki: 'wystarczający',
	ograniczony: 'szeroki',
	utrudniony: 'łatwy',
	niedostępny: 'dostępny',
	nieadekwatny: 'adekwatny',
	niedostosowany: 'dostosowany',
	niewłaściwy: 'właściwy',
	nieodpowiedni: 'odpowiedni',
	nieprawidłowy: 'prawidłowy',
	niekorzystny: 'korzystny',
	negatywny: 'pozytywny',
	nierówny: 'równy',
	niepełny: 'pełny',
	niespójny: 'spójny',
	rozproszony: 'spójny',
	nieskoordynowany: 'skoordynowany',
	nieregularny: 'regularny',
	niestabilny: 'stabilny',
	nadmierny: 'umiarkowany'
};
const TOO_MUCH_OPPOSITES: Record<string, string> = {
	mały: 'wystarczający',
	niski: 'odpowiedni',
	duży: 'umiarkowany',
	wysoki: 'umiarkowany'
};

/** "Nieskuteczna pomoc osobom …" → "Pomoc osobom … jest skuteczna". */
export const adjectiveRule: Rule = (statement) => {
	const { words } = statement;
	const intensifier = words[0] === 'zbyt' || words[0] === 'za' ? 'too' : words[0] === 'bardzo' ? 'very' : null;
	const at = intensifier ? 1 : 0;
	const found = agreeingAdjective(words[at] ?? '', (base) => base in OPPOSITES);
	if (!found) return null;
	const head = words[at + 1];
	if (head === undefined || PREPOSITIONS.has(head)) return UNRECOGNISED;
	const agreement = subjectAgreement(found.agreement, head);
	if (!agreement) return UNRECOGNISED;
	const opposite = (intensifier === 'too' ? TOO_MUCH_OPPOSITES[found.base] : undefined) ?? OPPOSITES[found.base];
	return { text: sentence(copy(statement, at + 1), copula(agreement), adjectiveForm(opposite, agreement, 'nom')) };
};

const ADVERB_OPPOSITES: Record<string, string> = {
	słabo: 'dobrze',
	źle: 'dobrze',
	niedostatecznie: 'dobrze',
	niewystarczająco: 'wystarczająco',
	nieodpowiednio: 'odpowiednio',
	niewłaściwie: 'właściwie'
};

/** "Słabo rozwinięta sieć usług opiekuńczych" → "Sieć usług opiekuńczych jest dobrze rozwinięta". */
export const adverbRule: Rule = (statement) => {
	const { words } = statement;
	const adverb = ADVERB_OPPOSITES[words[0]];
	if (!adverb) return null;
	const found = agreeingAdjective(words[1] ?? '', () => true);
	const head = words[2];
	if (!found || head === undefined || PREPOSITIONS.has(head)) return UNRECOGNISED;
	const agreement = subjectAgreement(found.agreement, head);
	if (!agreement) return UNRECOGNISED;
	return { text: sentence(copy(statement, 2), copula(agreement), adverb, words[1]) };
};

const HAVING_VERBS = new Set(['ma', 'mają', 'posiada', 'posiadają', 'miał', 'miała', 'mieli', 'miały']);
const BEING_VERBS = new Set(['jest', 'są', 'był', 'była', 'było', 'byli', 'były']);

/**
 * "Osoby starsze nie korzystają z oferty …" → "Osoby starsze korzystają z oferty …". Only when
 * dropping "nie" keeps the grammar: a direct object after a negated verb is in the genitive
 * ("nie zgłaszają problemów") and would need another case without it, so that is flagged.
 */
export const negationRule: Rule = (statement) => {
	const { words } = statement;
	const at = words.indexOf('nie');
	if (at < 1 || words.indexOf('nie', at + 1) !== -1) return null;
	const verb = words[at + 1];
	if (verb === undefined || HAVING_VERBS.has(verb)) return UNRECOGNISED;
	const after = words[at + 2] === 'się' ? at + 3 : at + 2;
	const objectFree = BEING_VERBS.has(verb) || after >= words.length || PREPOSITIONS.has(words[after]);
	if (!objectFree) return UNRECOGNISED;
	return { text: sentence(copy(statement, 0, at), copy(statement, at + 1)) };
};

/** The word as a nominative adjective whose base passes `accept`, with its agreement. */
function agreeingAdjective(word: string, accept: (base: string) => boolean): { base: string; agreement: Agreement } | null {
	for (const agreement of ['m', 'f', 'n', 'plp'] as const) {
		const base = adjectiveBase(word, agreement, 'nom');
		if (base && accept(base)) return { base, agreement };
	}
	return null;
}

/**
 * Neuter singular and plural adjectives look the same ("niedostateczne wsparcie", "niedostateczne
 * kompetencje"); the head noun decides, from the vocabulary or its ending. null when unsure.
 */
function subjectAgreement(fromAdjective: Agreement, head: string | undefined): Agreement | null {
	if (fromAdjective !== 'n' || head === undefined) return fromAdjective;
	const known = nounsInCase('nom', head).find((noun) => noun.agreement === 'n' || noun.agreement === 'pl' || noun.agreement === 'plp');
	if (known) return known.agreement === 'plp' ? 'pl' : known.agreement;
	if (/(anie|enie|cie|stwo|ctwo|um|o)$/.test(head)) return 'n';
	if (/(je|ce|y|i|a)$/.test(head)) return 'pl';
	return null;
}

