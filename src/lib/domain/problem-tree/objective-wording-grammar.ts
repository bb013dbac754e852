/**
 * Just enough Polish inflection for the objective-wording rules (objective-wording.ts): the
 * regular adjective paradigm and noun phrases whose head noun is in the vocabulary
 * (objective-wording-lexicon.ts). Anything outside that is reported as not understood, so the
 * rules flag a statement instead of guessing an ungrammatical wording.
 */
import { nounsInCase, type Agreement, type GrammaticalCase, type LexiconNoun } from './objective-wording-lexicon';

export type { Agreement, GrammaticalCase, LexiconNoun };

/** Adjectives are handled through their masculine nominative ("base"), which ends in -y or -i. */
export function adjectiveForm(base: string, agreement: Agreement, grammaticalCase: GrammaticalCase): string {
	const soft = base.endsWith('i');
	const stem = base.slice(0, -1);
	// After k/g the -i- only marks the softness of the masculine: wysoki → wysoka, ostatni → ostatnia.
	const feminineStem = soft && !/[kg]i$/.test(base) ? base : stem;
	const plural = agreement === 'pl' || agreement === 'plp';
	switch (grammaticalCase) {
		case 'nom':
			if (agreement === 'm') return base;
			if (agreement === 'f') return feminineStem + 'a';
			if (agreement === 'plp') return personalPlural(base);
			return soft ? base + 'e' : stem + 'e';
		case 'acc':
			if (agreement === 'f') return feminineStem + 'ą';
			if (agreement === 'plp') return adjectiveForm(base, 'plp', 'gen');
			return adjectiveForm(base, agreement, 'nom');
		case 'gen':
			if (plural) return soft ? base + 'ch' : stem + 'ych';
			if (agreement === 'f') return soft ? base + 'ej' : stem + 'ej';
			return soft ? base + 'ego' : stem + 'ego';
		case 'instr':
			if (plural) return soft ? base + 'mi' : stem + 'ymi';
			if (agreement === 'f') return feminineStem + 'ą';
			return soft ? base + 'm' : stem + 'ym';
	}
}

/** Masculine-personal plural: dostępny → dostępni, starszy → starsi, uzależniony → uzależnieni. */
const PERSONAL_ENDINGS: Array<[string, string]> = [
	['ony', 'eni'],
	['szy', 'si'],
	['czy', 'czy'],
	['ży', 'ży'],
	['sty', 'ści'],
	['chy', 'si'],
	['ny', 'ni'],
	['ty', 'ci'],
	['wy', 'wi'],
	['ły', 'li'],
	['dy', 'dzi'],
	['ry', 'rzy'],
	['ki', 'cy'],
	['gi', 'dzy'],
	['y', 'i']
];

function personalPlural(base: string): string {
	for (const [from, to] of PERSONAL_ENDINGS) {
		if (base.endsWith(from)) return base.slice(0, -from.length) + to;
	}
	return base; // soft stems: ostatni, tani
}

/** Short function words that end like adjectives (tej, tego, ich, jej) but are not ones. */
const NOT_ADJECTIVES = new Set(['tej', 'tego', 'ich', 'jej', 'jego', 'swoich', 'swojej', 'swojego', 'więcej', 'lepiej', 'gorzej', 'bardziej']);

/** The adjective's base when `word` is that adjective in this agreement and case, else null. */
export function adjectiveBase(word: string, agreement: Agreement, grammaticalCase: GrammaticalCase): string | null {
	if (word.length < 3 || NOT_ADJECTIVES.has(word)) return null;
	for (const base of candidateBases(word)) {
		if (adjectiveForm(base, agreement, grammaticalCase) === word) return base;
	}
	return null;
}

const AGREEMENTS: Agreement[] = ['m', 'f', 'n', 'pl', 'plp'];

function looksLikeAdjective(word: string, grammaticalCase: GrammaticalCase): boolean {
	return AGREEMENTS.some((agreement) => adjectiveBase(word, agreement, grammaticalCase) !== null);
}

/** Every plausible base of an inflected form; adjectiveBase keeps the one that re-inflects to it. */
function candidateBases(word: string): string[] {
	const out = new Set<string>([word]);
	const endings = ['iego', 'ego', 'iej', 'ej', 'ych', 'ich', 'ymi', 'imi', 'ym', 'im', 'ią', 'ą', 'ia', 'a', 'ie', 'e', 'y', 'i'];
	for (const ending of endings) {
		if (!word.endsWith(ending)) continue;
		const stem = word.slice(0, -ending.length);
		out.add(stem + 'y').add(stem + 'i');
		if (ending.startsWith('i')) out.add(stem + 'i');
	}
	// Polish spells no -ky, -gy or -iy: after k/g (and for soft stems) the base ends in -i.
	return [...out].filter((base) => /[yi]$/.test(base) && !/([kgi]y|ii)$/.test(base) && base.length >= 3);
}

export interface NounPhrase {
	head: LexiconNoun;
	/** Adjective bases before and after the head; `joiner` is "i"/"oraz" between coordinated ones. */
	before: string[];
	after: Array<{ base: string; joiner: string | null }>;
}

/**
 * Parses a noun phrase in `grammaticalCase` starting at `start`: adjectives, a head noun from the
 * vocabulary, then the adjectives that agree with it ("mieszkań chronionych i wspomaganych").
 * Returns null when the head is unknown or an adjective does not agree.
 */
export function parseNounPhrase(
	words: readonly string[],
	start: number,
	grammaticalCase: GrammaticalCase
): { phrase: NounPhrase; end: number } | null {
	let headAt = start;
	while (headAt < words.length && !findNoun(words, headAt, grammaticalCase) && looksLikeAdjective(words[headAt], grammaticalCase)) headAt++;
	const match = findNoun(words, headAt, grammaticalCase);
	if (!match) return null;
	for (const head of match.nouns) {
		const before = words.slice(start, headAt).map((word) => adjectiveBase(word, head.agreement, grammaticalCase));
		if (before.some((base) => base === null)) continue;
		const after: NounPhrase['after'] = [];
		let end = headAt + match.length;
		while (end < words.length) {
			const joiner = (words[end] === 'i' || words[end] === 'oraz') && after.length > 0 ? words[end] : null;
			const at = joiner ? end + 1 : end;
			const base = at < words.length ? adjectiveBase(words[at], head.agreement, grammaticalCase) : null;
			if (!base) break;
			after.push({ base, joiner });
			end = at + 1;
		}
		return { phrase: { head, before: before as string[], after }, end };
	}
	return null;
}

function findNoun(words: readonly string[], at: number, grammaticalCase: GrammaticalCase): { nouns: LexiconNoun[]; length: number } | null {
	for (let length = 3; length >= 1; length--) {
		if (at + length > words.length) continue;
		const nouns = nounsInCase(grammaticalCase, words.slice(at, at + length).join(' '));
		if (nouns.length > 0) return { nouns, length };
	}
	return null;
}

/** The phrase in another case, e.g. a genitive "specjalistycznego poradnictwa" as nominative. */
export function renderNounPhrase(phrase: NounPhrase, grammaticalCase: GrammaticalCase): string {
	const { head } = phrase;
	const agreement = head.agreement;
	const noun = head[grammaticalCase] ?? head.nom;
	const before = phrase.before.map((base) => adjectiveForm(base, agreement, grammaticalCase));
	const after = phrase.after.map(({ base, joiner }) => (joiner ? `${joiner} ` : '') + adjectiveForm(base, agreement, grammaticalCase));
	return [...before, noun, ...after].join(' ');
}

/** Coordinated subjects agree in the plural, masculine-personal when any of them is. */
export function coordinatedAgreement(agreements: Agreement[]): Agreement {
	if (agreements.length === 1) return agreements[0];
	return agreements.includes('plp') ? 'plp' : 'pl';
}

export function copula(agreement: Agreement): string {
	return agreement === 'pl' || agreement === 'plp' ? 'są' : 'jest';
}

export const PREPOSITIONS = new Set([
	'bez', 'dla', 'do', 'między', 'pomiędzy', 'na', 'nad', 'o', 'od', 'po', 'pod', 'poza', 'przed', 'przez',
	'przy', 'u', 'w', 'we', 'wobec', 'wśród', 'z', 'ze', 'za', 'ku', 'spośród'
]);

/** Index of the first preposition at or after `start` (words.length when none). */
export function firstPreposition(words: readonly string[], start: number): number {
	for (let i = start; i < words.length; i++) if (PREPOSITIONS.has(words[i])) return i;
	return words.length;
}
