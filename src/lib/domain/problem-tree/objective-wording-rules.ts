import {
	adjectiveForm,
	coordinatedAgreement,
	copula,
	firstPreposition,
	parseNounPhrase,
	renderNounPhrase,
	type Agreement,
	type NounPhrase
} from './objective-wording-grammar';
import { nounsInCase } from './objective-wording-lexicon';
import type { WordingHint } from './objective-wording';

/**
 * The rules behind suggestObjectiveWording (objective-wording.ts), part one: "brak X", quantities,
 * access and waiting, abilities, mismatch. Part two (objective-wording-states.ts) holds trends
 * and the adjective, adverb and negation rules. Each rule returns null when the statement is not
 * of its family, UNRECOGNISED when it is but the words after the opening are not known.
 */
export interface Statement {
	/** Lower-cased, for matching. */
	words: string[];
	/** As typed, for the parts copied into the suggestion (keeps "Niebieskiej Karty", "DPS"). */
	original: string[];
}

export const UNRECOGNISED = Symbol('unrecognised');
/** null: not this rule's family; UNRECOGNISED: this rule's family, but the words are unknown. */
export type RuleResult = { text: string; hint?: WordingHint } | typeof UNRECOGNISED | null;
export type Rule = (statement: Statement) => RuleResult;

export function sentence(...parts: string[]): string {
	const text = parts.filter((part) => part !== '').join(' ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}

export function copy(statement: Statement, from: number, to = statement.words.length): string {
	return statement.original.slice(from, to).join(' ');
}

/** "i"/"oraz" + another phrase in the same case: "świetlic i klubów młodzieżowych". */
export function coordinated(statement: Statement, first: { phrase: NounPhrase; end: number }, grammaticalCase: 'gen' | 'acc') {
	const phrases = [first.phrase];
	let end = first.end;
	const joiner = statement.words[end];
	if (joiner === 'i' || joiner === 'oraz') {
		const next = parseNounPhrase(statement.words, end + 1, grammaticalCase);
		if (next && next.phrase.head.kind === first.phrase.head.kind) {
			phrases.push(next.phrase);
			end = next.end;
		}
	}
	const agreement = coordinatedAgreement(phrases.map((phrase) => phrase.head.agreement));
	const nominative = phrases.map((phrase) => renderNounPhrase(phrase, 'nom')).join(` ${joiner} `);
	return { nominative, agreement, end };
}

/**
 * "<subject and its attributes> <predicate>", except that a prepositional phrase the predicate
 * governs ("dostępne dla …", "zintegrowane ze …", "dostosowana do …") follows the predicate.
 * A phrase right after a participle belongs to it ("dziecka umieszczonego w pieczy"), so then
 * the predicate goes last, which is always grammatical.
 */
function withPredicate(statement: Statement, subject: string, end: number, predicate: string, governs: readonly string[] = []): string {
	const split = firstPreposition(statement.words, end);
	const before = split === end ? subject.split(' ').at(-1)! : statement.words[split - 1];
	if (split < statement.words.length && governs.includes(statement.words[split]) && !isParticiple(before)) {
		return sentence(subject, copy(statement, end, split), predicate, copy(statement, split));
	}
	return sentence(subject, copy(statement, end), predicate);
}

const PARTICIPLE = /(ąc|on|an|en|ęt|yt|ut)(y|a|e|i|ych|ego|ej|ymi|ym|ą)$/;

function isParticiple(word: string): boolean {
	return PARTICIPLE.test(word.toLowerCase());
}

// --- "Brak X" -------------------------------------------------------------------------------

export const lackRule: Rule = (statement) => {
	const { words } = statement;
	const at = words[0] === 'brak' ? 1 : words[0] === 'nie' && words[1] === 'ma' ? 2 : 0;
	if (at === 0) return null;
	const result = words[at] === 'dostępu' && words[at + 1] === 'do' ? accessTo(statement, at + 2) : lackOf(statement, at);
	return result ? { text: result, hint: 'state-not-activity' } : UNRECOGNISED;
};

function lackOf(statement: Statement, at: number): string | null {
	const parsed = parseNounPhrase(statement.words, at, 'gen');
	if (!parsed) return null;
	const { head } = parsed.phrase;
	switch (head.kind) {
		case 'service': {
			const subject = coordinated(statement, parsed, 'gen');
			const predicate = adjectiveForm(head.predicate ?? 'dostępny', subject.agreement, 'nom');
			return withPredicate(statement, subject.nominative, subject.end, `${copula(subject.agreement)} ${predicate}`, ['dla']);
		}
		case 'people':
			return head.agreement === 'pl' || head.agreement === 'plp' ? sentence('liczba', copy(statement, at), 'odpowiada potrzebom') : null;
		case 'ability':
			return havingAbility(statement, parsed, null);
		case 'process':
			return processState(statement, parsed.end, head.predicate!, head.defaultSubject);
		case 'cooperation':
			return cooperating(statement, parsed.end);
		default:
			return null;
	}
}

/** "koordynacji działań między instytucjami" → "Działania instytucji są skoordynowane". */
function processState(statement: Statement, at: number, participle: string, defaultSubject: string | null): string | null {
	const subject = parseNounPhrase(statement.words, at, 'gen');
	let nominative: string;
	let agreement: Agreement;
	let end: number;
	if (subject) {
		({ nominative, agreement, end } = coordinated(statement, subject, 'gen'));
	} else {
		const fallback = defaultSubject ? nounsInCase('nom', defaultSubject)[0] : undefined;
		if (!fallback || !isBetween(statement.words[at])) return null;
		[nominative, agreement, end] = [fallback.nom, fallback.agreement, at];
	}
	let attributes = '';
	if (isBetween(statement.words[end])) {
		const between = betweenAsGenitive(statement, end + 1);
		if (!between) return null;
		[attributes, end] = [between.text, between.end];
	}
	const predicate = `${copula(agreement)} ${adjectiveForm(participle, agreement, 'nom')}`;
	return withPredicate(statement, `${nominative}${attributes ? ' ' + attributes : ''}`, end, predicate, ['z', 'ze']);
}

function isBetween(word: string | undefined): boolean {
	return word === 'między' || word === 'pomiędzy';
}

/** "między instytucjami i organizacjami" → "instytucji i organizacji" (who the attribute belongs to). */
function betweenAsGenitive(statement: Statement, at: number): { text: string; end: number } | null {
	const first = parseNounPhrase(statement.words, at, 'instr');
	if (!first) return null;
	const parts = [renderNounPhrase(first.phrase, 'gen')];
	let end = first.end;
	if (['i', 'a', 'oraz'].includes(statement.words[end])) {
		const second = parseNounPhrase(statement.words, end + 1, 'instr');
		if (!second) return null;
		parts.push(renderNounPhrase(second.phrase, 'gen'));
		end = second.end;
	}
	return { text: parts.join(' i '), end };
}

/** "współpracy szkół z rodzicami" → "Szkoły współpracują z rodzicami". */
function cooperating(statement: Statement, at: number): string | null {
	const { words } = statement;
	let subject: { nominative: string; agreement: Agreement; end: number };
	let partnerAt: number | null = null;
	if (isBetween(words[at])) {
		const first = parseNounPhrase(words, at + 1, 'instr');
		if (!first) return null;
		subject = { nominative: renderNounPhrase(first.phrase, 'nom'), agreement: first.phrase.head.agreement, end: first.end };
		if (['a', 'i', 'oraz'].includes(words[first.end])) partnerAt = first.end + 1;
	} else {
		const parsed = parseNounPhrase(words, at, 'gen');
		if (!parsed) return null;
		subject = coordinated(statement, parsed, 'gen');
	}
	const plural = subject.agreement === 'pl' || subject.agreement === 'plp';
	const verb = plural ? 'współpracują' : 'współpracuje';
	if (partnerAt !== null) {
		const partner = statement.original[partnerAt];
		if (!partner) return null;
		return sentence(subject.nominative, verb, withPreposition(partner), copy(statement, partnerAt));
	}
	const split = firstPreposition(words, subject.end);
	const before = split === subject.end ? subject.nominative.split(' ').at(-1)! : words[split - 1];
	if ((words[split] === 'z' || words[split] === 'ze') && !isParticiple(before)) {
		return sentence(subject.nominative, copy(statement, subject.end, split), verb, copy(statement, split));
	}
	return sentence(subject.nominative, copy(statement, subject.end), verb, 'ze sobą');
}

/** "z" becomes "ze" before a cluster starting with s/z/ś/ź/ż ("ze szkołą", "ze służbami"). */
function withPreposition(word: string): string {
	return /^(s|z|ś|ź|ż)[^aeiouyąęó]/i.test(word) ? 'ze' : 'z';
}

/** "wiedzy mieszkańców o …" → "Mieszkańcy mają wiedzę o …"; `degree` adds "wysokie"/"dużą". */
function havingAbility(statement: Statement, ability: { phrase: NounPhrase; end: number }, degree: string | null): string | null {
	const at = statement.words[ability.end] === 'u' ? ability.end + 1 : ability.end;
	const people = parseNounPhrase(statement.words, at, 'gen');
	if (!people || people.phrase.head.kind !== 'people') return null;
	const holders = coordinated(statement, people, 'gen');
	const plural = holders.agreement === 'pl' || holders.agreement === 'plp';
	const split = firstPreposition(statement.words, holders.end);
	if (split < statement.words.length && isParticiple(split === holders.end ? holders.nominative : statement.words[split - 1])) return null;
	const level = degree ? adjectiveForm(degree, ability.phrase.head.agreement, 'acc') : '';
	return sentence(
		holders.nominative,
		copy(statement, holders.end, split),
		plural ? 'mają' : 'ma',
		level,
		renderNounPhrase(ability.phrase, 'acc'),
		copy(statement, split)
	);
}

/** "dostępu do terapii dla …" → "Terapia jest łatwo dostępna dla …"; unknown words keep the genitive. */
function accessTo(statement: Statement, at: number): string | null {
	if (at >= statement.words.length) return null;
	const parsed = parseNounPhrase(statement.words, at, 'gen');
	if (!parsed || parsed.phrase.head.kind !== 'service') return sentence('dostęp do', copy(statement, at), 'jest łatwy');
	const subject = coordinated(statement, parsed, 'gen');
	const predicate = `${copula(subject.agreement)} łatwo ${adjectiveForm('dostępny', subject.agreement, 'nom')}`;
	return withPredicate(statement, subject.nominative, subject.end, predicate, ['dla']);
}

// --- quantities, access, waiting -------------------------------------------------------------

/** The words before `head` (e.g. "zbyt mała" before "liczba"), or null when `head` is not near the start. */
function openingBefore(statement: Statement, head: string): { opening: string; at: number } | null {
	const at = statement.words.indexOf(head);
	if (at < 1 || at > 3) return null;
	return { opening: statement.words.slice(0, at).join(' '), at };
}

const TOO_LITTLE = new Set(['niewystarczająca', 'niedostateczna', 'mała', 'zbyt mała', 'za mała', 'niska', 'zbyt niska', 'za niska', 'ograniczona', 'niewielka', 'zbyt niewielka']);
const TOO_MANY = new Set(['duża', 'zbyt duża', 'wysoka', 'zbyt wysoka', 'nadmierna', 'rosnąca', 'wzrastająca', 'zwiększająca się', 'coraz większa']);

export const numberRule: Rule = (statement) => {
	const found = openingBefore(statement, 'liczba');
	if (!found || found.at + 1 >= statement.words.length) return null;
	if (TOO_LITTLE.has(found.opening)) return { text: sentence(copy(statement, found.at), 'odpowiada potrzebom') };
	if (TOO_MANY.has(found.opening)) return { text: sentence(copy(statement, found.at), 'maleje') };
	return null;
};

export const shortageRule: Rule = (statement) => {
	const { words } = statement;
	const at = ['niedobór', 'niedostatek', 'mało'].includes(words[0]) ? 1 : ['zbyt', 'za'].includes(words[0]) && words[1] === 'mało' ? 2 : 0;
	if (at === 0) return null;
	const parsed = parseNounPhrase(words, at, 'gen');
	const agreement = parsed?.phrase.head.agreement;
	if (agreement === 'pl' || agreement === 'plp' || (!parsed && /ów$/.test(words[at] ?? ''))) {
		return { text: sentence('liczba', copy(statement, at), 'odpowiada potrzebom') };
	}
	if (!parsed || (parsed.phrase.head.kind !== 'service' && parsed.phrase.head.kind !== 'people')) return UNRECOGNISED;
	const predicate = `${copula(agreement!)} ${adjectiveForm('wystarczający', agreement!, 'nom')}`;
	return { text: withPredicate(statement, renderNounPhrase(parsed.phrase, 'nom'), parsed.end, predicate) };
};

const ACCESS_OPENINGS = new Set(['utrudniony', 'ograniczony', 'słaby', 'niewystarczający', 'niedostateczny', 'zbyt mały', 'mały', 'trudny', 'zły', 'nierówny']);

export const accessRule: Rule = (statement) => {
	const found = openingBefore(statement, 'dostęp');
	if (!found || !ACCESS_OPENINGS.has(found.opening) || statement.words[found.at + 1] !== 'do') return null;
	const text = accessTo(statement, found.at + 2);
	return text ? { text } : UNRECOGNISED;
};

/** "Długi czas oczekiwania na terapię …" → "Terapia … jest dostępna bez długiego oczekiwania". */
export const waitingRule: Rule = (statement) => {
	const { words } = statement;
	const start = words[0] === 'zbyt' || words[0] === 'bardzo' ? 1 : 0;
	if (!/^dług(i|ie)$/.test(words[start] ?? '')) return null;
	const waiting = words.findIndex((word, i) => i > start && i <= start + 3 && (word === 'oczekiwania' || word === 'oczekiwanie'));
	const queue = words[start + 1] === 'kolejki' && words[start + 2] === 'do' ? start + 3 : -1;
	const at = waiting > 0 && words[waiting + 1] === 'na' ? waiting + 2 : queue;
	if (at < 0) return null;
	const parsed = parseNounPhrase(words, at, waiting > 0 ? 'acc' : 'gen');
	if (!parsed || parsed.phrase.head.kind !== 'service') return null; // the adjective rule words it as "… jest krótki"
	const subject = coordinated(statement, parsed, waiting > 0 ? 'acc' : 'gen');
	const predicate = `${copula(subject.agreement)} ${adjectiveForm('dostępny', subject.agreement, 'nom')} bez długiego oczekiwania`;
	return { text: sentence(subject.nominative, copy(statement, subject.end), predicate) };
};

const LOW_LEVEL = new Set(['niski', 'zbyt niski', 'za niski', 'niewystarczający', 'niedostateczny', 'słaby']);

/** "Niski poziom kompetencji … rodziców" → "Rodzice mają wysokie kompetencje …". */
export const abilityLevelRule: Rule = (statement) => {
	const found = openingBefore(statement, 'poziom');
	if (!found || !LOW_LEVEL.has(found.opening)) return null;
	const ability = parseNounPhrase(statement.words, found.at + 1, 'gen');
	if (!ability || ability.phrase.head.kind !== 'ability') return null;
	const text = havingAbility(statement, ability, ability.phrase.head.predicate);
	return text ? { text } : null;
};

/** "Niedostosowanie oferty … do potrzeb …" → "Oferta … jest dostosowana do potrzeb …". */
export const mismatchRule: Rule = (statement) => {
	if (statement.words[0] !== 'niedostosowanie' && statement.words[0] !== 'nieprzystosowanie') return null;
	const parsed = parseNounPhrase(statement.words, 1, 'gen');
	if (!parsed) return UNRECOGNISED;
	const subject = coordinated(statement, parsed, 'gen');
	const predicate = `${copula(subject.agreement)} ${adjectiveForm('dostosowany', subject.agreement, 'nom')}`;
	return { text: withPredicate(statement, subject.nominative, subject.end, predicate, ['do']) };
};
